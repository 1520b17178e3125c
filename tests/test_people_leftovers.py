"""What the people walk (audit36/walk-people.md) left: a person found by the group their note
names, a title's credits in the page's order, crew rows of a series, aliases in another case,
the person table's Year column and a character's note, and `path` between namesakes."""

from __future__ import annotations

import csv
import io

from tests.conftest import Run, as_json, flat


def test_search_finds_a_person_by_the_group_their_note_names(run_shipped: Run) -> None:
    """'search BTS' found two titles and a synopsis, not the members, whose notes say "Member of
    BTS."; 'Blackpink' found nothing (walk36-people #3). A note's clause is searched, ranked
    below every name that holds the query; one saying who a person is not finds no one."""
    found = as_json(run_shipped("search", "BTS", "--json"))
    people_found = [r["target"] for r in found if r["kind"] == "person"]
    assert set(people_found) == {"rm", "jin", "suga", "j-hope", "jimin", "v", "jung-kook"}
    kinds = [r["kind"] for r in found]
    # the titles named BTS first, then the members, then the synopsis that holds the word
    assert kinds[:2] == ["title", "title"]
    assert kinds[2:9] == ["person"] * 7
    suga = next(r for r in found if r["target"] == "suga")
    assert suga["matched"] == "note: Member of BTS"
    # Jisoo is of Blackpink; Ji Soo and Kim Ji-soo are "not Jisoo of Blackpink"
    blackpink = as_json(run_shipped("search", "Blackpink", "--json"))
    assert [r["target"] for r in blackpink] == ["jisoo"]
    page = flat(run_shipped("search", "Super Junior", env={"COLUMNS": "120"}).stdout)
    assert "Kyuhyun person note: Singer, member of Super Junior kdrama person kyuhyun" in page
    # a person's name still ranks above anyone whose note names it
    rain = as_json(run_shipped("search", "Rain", "--json"))
    assert rain[0]["target"] == "rain"
    # and a note is never a name: 'person BTS' opens no member
    assert run_shipped("person", "BTS").exit_code != 0


def test_a_titles_credits_in_json_and_csv_come_in_the_order_its_row_reads(
    run_shipped: Run,
) -> None:
    """Dex's row reads "Himself / Host … main (S2), host (S3, S4, S5)", while --json listed
    the host credit first, in the title's cast order (walk36-people #7)."""
    credits = as_json(run_shipped("person", "Dex", "--json"))["credits"]
    inferno = [(c["role"], c["seasons"]) for c in credits if c["slug"] == "singles-inferno"]
    assert inferno == [("main", [2]), ("host", [3, 4, 5])]
    sheet = csv.DictReader(io.StringIO(run_shipped("person", "Dex", "--csv").stdout))
    assert [r["role"] for r in sheet if r["slug"] == "singles-inferno"] == ["main", "host"]
    page = flat(run_shipped("person", "Dex", env={"COLUMNS": "120"}).stdout)
    assert (
        "Single's Inferno Himself main (S2), host (S3, S4, S5) 2, 3, 4, 5 [1–7] 솔로지옥 Host"
        in page
    )


def test_a_crew_row_of_a_series_leaves_its_seasons_blank_and_says_why(run_shipped: Run) -> None:
    """A crew credit is held for the whole title, not for a season: on a series' row "—"
    under Seasons read as "no seasons" (walk36-people #8). The cell is blank there, a line
    under the table says why, and a film's row keeps its "—"."""
    page = flat(run_shipped("person", "Yeon Sang-ho", env={"COLUMNS": "120"}).stdout)
    assert "Hellbound director, writer, original webtoon writer (Hellbound) crew [20–26]" in page
    assert "Train to Busan director, writer crew — [1–8]" in page
    assert "A blank Seasons cell is a crew credit's: the catalogue holds a title's crew" in page
    # a page with no such row says nothing of it, and --json keeps [] for a crew credit
    assert "blank Seasons" not in run_shipped("person", "Gong Yoo").stdout
    credits = as_json(run_shipped("person", "Hwang Dong-hyuk", "--json"))["credits"]
    assert [c["seasons"] for c in credits if c["slug"] == "squid-game"] == [[], [], []]


def test_an_alias_that_is_the_name_in_another_case_is_no_other_name(run_shipped: Run) -> None:
    """J-hope's page said "also known as: j-hope" and Suga's "also known as: SUGA; 민윤기":
    the name again in its official styling (walk36-people #10). It is left off the page,
    which lists the other names once; --json keeps the aliases as the dataset gives them, and
    search still finds the styling."""
    hope = run_shipped("person", "J-Hope").stdout
    assert "also known as" not in hope
    assert hope.startswith("J-hope")
    suga = run_shipped("person", "Suga").stdout.splitlines()
    assert suga[1] == "also known as: 민윤기"
    assert as_json(run_shipped("person", "Suga", "--json"))["aliases"] == ["SUGA", "민윤기"]
    found = as_json(run_shipped("search", "SUGA", "--json"))
    assert found[0]["target"] == "suga"


def test_a_year_no_source_dates_leaves_the_table_flush_left(run_shipped: Run) -> None:
    """A credit dated "by 2026" (The WONDERfools, known only from Netflix's Top 10) widened
    the right-aligned Year column and indented every row by three spaces (walk36-people
    #11): the column is flush left then, and a page of years alone stays right-aligned."""
    lines = run_shipped("person", "Kim Hae-sook", env={"COLUMNS": "100"}).stdout.splitlines()
    assert lines[2].startswith("Year ")
    assert any(line.startswith("2012      The Thieves") for line in lines)
    assert any(line.startswith("by 2026   The WONDERfools") for line in lines)
    gong = run_shipped("person", "Gong Yoo", env={"COLUMNS": "100"}).stdout.splitlines()
    assert gong[2].startswith("Year ") and gong[4].startswith("2016   Guardian")


def test_a_characters_own_bracket_takes_their_hangul(run_shipped: Run) -> None:
    """A person page read "Jung Ki-ho (young) (정기호)", two brackets in a row: "(young)" is
    part of the English name (walk36-people #12). The Hangul joins that bracket, on the
    person page and the cast page alike; --json keeps the name as the dataset gives it."""
    page = flat(run_shipped("person", "Moon Woo-jin", env={"COLUMNS": "100"}).stdout)
    assert "Castaway Diva Jung Ki-ho (정기호, young) supporting 1" in page
    assert "(young) (" not in page
    cast = flat(run_shipped("cast", "the-glory", env={"COLUMNS": "100"}).stdout)
    assert "Moon Dong-eun (문동은, young)" in cast
    assert "Choi Hye-jeong (최혜정)" in cast  # a name with no bracket of its own, as before
    kings = flat(run_shipped("cast", "the-kings-affection", env={"COLUMNS": "120"}).stdout)
    assert "Dam-i and Lee Hwi (담이, 이휘; young)" in kings
    credit = as_json(run_shipped("person", "Moon Woo-jin", "--json"))["credits"][0]
    assert (credit["character"], credit["character_hangul"]) == ("Jung Ki-ho (young)", "정기호")


def test_path_takes_a_shared_name_as_the_namesake_of_the_other_end(run_shipped: Run) -> None:
    """`path "Kim Si-eun" kim-si-eun-samgwang` said "'Kim Si-eun' matches 2 people", though
    the id names one of them and a path from a person to themselves is no question
    (walk36-people #15): the shared name is the other namesake, and stderr says so. A name
    still shared by two (the other end someone else) is one error listing both, no prompt."""
    taken = run_shipped("path", "Kim Si-eun", "kim-si-eun-samgwang", "--json")
    found = as_json(taken)
    assert (found["from"]["id"], found["to"]["id"]) == ("kim-si-eun", "kim-si-eun-samgwang")
    assert found["connected"] is True
    said = " ".join(taken.stderr.split())
    assert "'Kim Si-eun' is taken as kim-si-eun (Kim Si-eun, actress known for" in said
    assert "the other end's namesake" in said
    assert "named so too" not in said  # the pick says it; no second note of the id
    back = as_json(run_shipped("path", "kim-si-eun-samgwang", "Kim Si-eun", "--json"))
    assert (back["from"]["id"], back["to"]["id"]) == ("kim-si-eun-samgwang", "kim-si-eun")
    page = run_shipped("path", "Kim Si-eun", "kim-si-eun-samgwang", env={"COLUMNS": "100"})
    assert flat(page.stdout).startswith(  # each end with its id and its note
        "Kim Si-eun (kim-si-eun, actress known for the film Next Sohee and Squid Game season 2)"
        " → Kim Si-eun (kim-si-eun-samgwang, actress who plays Yuk-jo in Love Alarm"
    )
    other = run_shipped("path", "Kim Si-eun", "Gong Yoo")
    assert other.exit_code == 2 and other.stdout == ""
    error = " ".join(other.stderr.split())
    assert error.count("kim-si-eun-samgwang (Kim Si-eun") == 1
    assert "'Kim Si-eun' matches 2 people" in error
    both = run_shipped("path", "Kim Si-eun", "Kim Si-eun")
    assert both.exit_code == 2 and "'Kim Si-eun' matches 2 people" in both.stderr

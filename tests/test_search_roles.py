"""What search answered badly for a role word or several words of a note (audit37 review #5):
`search director` put characters called "Director …" first and left out directors whose note
does not say so; `search "bts member"` found no one (the real CLI on the shipped catalogue)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from click.shell_completion import ShellComplete

from kdrama_cli.cli import cli
from tests.conftest import AddData, Run, as_json, flat, json_error


def _found(run_shipped: Run, query: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = as_json(run_shipped("search", query, "--json", "--limit", "999"))
    return found


def test_a_role_word_lists_the_credited_directors_first_most_credited_first(
    run_shipped: Run,
) -> None:
    """Ranks 1-7 were characters ("Director Choi in Amazon Bullseye") and Hwang Dong-hyuk,
    Squid Game's director, whose note does not say so, was not found at all."""
    found = _found(run_shipped, "director")
    credited = [r for r in found if r["matched"].startswith("director: ")]
    # every credited director comes before anything else, Yeon Sang-ho (7 titles) first
    assert found[: len(credited)] == credited
    assert credited[0]["target"] == "yeon-sang-ho"
    assert all(r["kind"] == "person" for r in credited)
    assert "hwang-dong-hyuk" in [r["target"] for r in credited]
    hwang = next(r for r in credited if r["target"] == "hwang-dong-hyuk")
    assert "Squid Game" in hwang["matched"]
    # one result per director, however many titles: the most credited first
    assert len({r["target"] for r in credited}) == len(credited)
    # a director the catalogue credits with no title, by their note, before any character
    labels = [r["label"] for r in found]
    assert labels.index("Jang Jin") < labels.index("Director Choi in Amazon Bullseye")
    assert next(r for r in found if r["label"] == "Jang Jin")["matched"] == "note: Film director"
    # a character called "Director …" is still found, below them
    assert any(r["kind"] == "character" for r in found[len(credited) :])
    # the page says the titles
    page = flat(run_shipped("search", "director", "--limit", "3", env={"COLUMNS": "120"}).stdout)
    assert "Yeon Sang-ho person director: Hellbound, Parasyte: The Grey and 5 more" in page
    assert "3 of " in page


def test_a_crew_result_names_its_most_watched_titles_and_gives_every_slug(
    run_shipped: Run,
) -> None:
    """Review 38 #5 and #11: "director: Hellbound, Peninsula and 5 more" named the titles in the
    data file's order, and only `matched` carried them. They go by Netflix prominence (the more
    of Top 10 and engagement-report hours), then newest first, and `capacity` and `slugs` give
    them all as machine values."""
    found = _found(run_shipped, "director")
    yeon = next(r for r in found if r["target"] == "yeon-sang-ho")
    assert yeon["capacity"] == "director"
    slugs = yeon["slugs"]
    assert len(slugs) == len(set(slugs)) == 7
    assert {"hellbound", "peninsula", "train-to-busan"} <= set(slugs)
    listed = {t["slug"]: t for t in as_json(run_shipped("list", "--json", "--limit", "9999"))}
    hours = _most_hours_counted()
    order = [(-hours.get(s, 0), -(listed[s]["year"] or 0)) for s in slugs]
    assert order == sorted(order)
    # review 39 #4: a title from before the weekly Top 10 (June 2021) is ranked by its
    # engagement-report hours, not last for its age
    assert not listed["train-to-busan"]["top10_hours"] and slugs[-1] != "train-to-busan"
    first_two = f"{listed[slugs[0]]['title']}, {listed[slugs[1]]['title']}"
    assert yeon["matched"] == f"director: {first_two} and 5 more"
    # a result found otherwise has neither
    other = next(r for r in found if r["kind"] == "character")
    assert other["capacity"] is None and other["slugs"] is None
    # the sheet joins them as it joins every list
    rows = list(csv.DictReader(io.StringIO(run_shipped("search", "director", "--csv").stdout)))
    sheet = next(row for row in rows if row["target"] == "yeon-sang-ho")
    assert sheet["capacity"] == "director" and sheet["slugs"] == "; ".join(slugs)
    assert next(row for row in rows if row["kind"] == "character")["slugs"] == ""
    # Kim Eun-hee is known for Kingdom (2019, before the Top 10), not for Rebound (2023)
    kim = next(r for r in _found(run_shipped, "writer") if r["target"] == "kim-eun-hee")
    assert kim["slugs"][0] == "kingdom" and kim["slugs"][-1] == "rebound"
    assert kim["matched"].startswith("writer: Kingdom, ")


def _most_hours_counted() -> dict[str, float]:
    """Each shipped title's most hours by either of Netflix's measures: its weekly Top 10
    weeks, or its half-year engagement reports (one figure per season and report)."""
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.locations import packaged_dataset

    most: dict[str, float] = {}
    for show in load_dataset([packaged_dataset()]).shows.values():
        weekly = sum(
            s.value
            for s in show.stats
            if s.metric == "hours-viewed" and s.window.startswith("week:")
        )
        reports: dict[tuple[int | None, str], float] = {}
        for s in show.stats:
            if s.metric == "hours-viewed" and s.window.startswith("half-year:"):
                reports[(s.season, s.window)] = max(reports.get((s.season, s.window), 0), s.value)
        most[show.slug] = max(weekly, sum(reports.values()))
    return most


@pytest.mark.parametrize(
    ("typed", "capacity", "first"),
    [
        ("directors", "director", "yeon-sang-ho"),
        ("감독", "director", "yeon-sang-ho"),
        ("연출", "director", "yeon-sang-ho"),
        ("writer", "writer", "yeon-sang-ho"),
        ("작가", "writer", "yeon-sang-ho"),
        ("극본", "writer", "yeon-sang-ho"),
        ("creator", "creator", "kang-eun-kyung"),  # 2, as Han Jun-hee, and more credits
    ],
)
def test_each_word_for_a_capacity_ranks_its_credited_people_first(
    run_shipped: Run, typed: str, capacity: str, first: str
) -> None:
    """'작가' found nothing and 'writer' a character first ("Writer, JTBC Spotlight")."""
    found = _found(run_shipped, typed)
    assert found[0]["target"] == first
    assert found[0]["matched"].startswith(f"{capacity}: ")
    if capacity == "writer":  # Kim Eun-sook (Guardian, The Glory ...): 7 titles, second
        assert found[1]["target"] == "kim-eun-sook"


def test_a_namesakes_bracket_in_a_note_is_not_what_the_person_is(run_shipped: Run) -> None:
    """A wrestler's note, "(not the television director Jung Ji-hyun)", made her a director."""
    found = _found(run_shipped, "director")
    wrestler = [r for r in found if r["matched"].startswith("note: Wrestler")]
    assert wrestler == []
    assert [r["target"] for r in _found(run_shipped, "wrestler") if r["kind"] == "person"]


@pytest.mark.parametrize("typed", ["bts member", "bts members", "member bts", "BTS Member"])
def test_several_words_of_a_note_find_it_in_any_order(run_shipped: Run, typed: str) -> None:
    """'bts member' found nothing while 'BTS' listed the seven by "Member of BTS"."""
    found = _found(run_shipped, typed)
    members = {"rm", "jin", "suga", "j-hope", "jimin", "v", "jung-kook"}
    assert {r["target"] for r in found if r["kind"] == "person"} == members
    assert all(r["matched"].startswith("note: ") for r in found)


def test_a_note_in_a_row_ranks_above_one_holding_the_words_apart(run_shipped: Run) -> None:
    """'film director' is "Film director (Good News)" in a row, and "Film and series director
    (D.P.)" apart: the first before the second, each word a whole word of the note."""
    found = _found(run_shipped, "film director")
    labels = [r["label"] for r in found]
    assert labels.index("Byun Sung-hyun") < labels.index("Han Jun-hee")
    han = next(r for r in found if r["label"] == "Han Jun-hee")
    assert han["matched"] == "note: Film and series director (Coin Locker Girl, D.P.)"
    # a word cut short is no word of a note: 'memb' is not "Member of BTS"
    assert all(r["kind"] != "person" for r in _found(run_shipped, "bts memb"))
    # a bracket inside a bracket ends no list of works (review 38 #6): "(Extreme Job, Be
    # Melodramatic (멜로가 체질), Chicken Nugget)" and "(Love (ft. Marriage and Divorce)
    # seasons 1 and 2)" list works, none of them words of the note
    nugget = [r["target"] for r in _found(run_shipped, "nugget chicken")]
    assert "lee-byeong-heon" not in nugget
    seasons = [r["target"] for r in _found(run_shipped, "2 seasons")]
    assert "lee-seung-hoon-director" not in seasons and "yoo-jung-joon" not in seasons


def test_a_note_that_merely_holds_a_crew_word_is_no_crew(
    run_shipped: Run, add_data: AddData
) -> None:
    """Review 38 #9: every note holding 'director' ranked over the characters called "Director
    …", "director of research" and "music director" among them, and 'the director' listed
    notes holding "the" and "director" apart, as if "the" were a word to find."""
    found = _found(run_shipped, "director")
    labels = [r["label"] for r in found]
    choi = labels.index("Director Choi in Amazon Bullseye")
    # a note saying the person directs for the screen still ranks above the characters
    assert labels.index("Jang Jin") < choi
    assert labels.index("Kim Jin-young") < choi
    # one whose job is another's is found, below them
    assert labels.index("Alex Tinson") > choi and labels.index("Seven High") > choi
    # a source work's author is no writer or creator of a title for 'writer', 'creator'
    writers = [r["label"] for r in _found(run_shipped, "writer")]
    characters = [
        i for i, r in enumerate(_found(run_shipped, "writer")) if r["kind"] == "character"
    ]
    assert characters and writers.index("Chae Yong-taek") > characters[0]
    assert writers.index("Jang Eun-jo") < characters[0]  # "Television writer of …"
    creators = _found(run_shipped, "creator")
    # "Webtoon artist; creator of Taekbaegisa (Delivery Knight)": the clause names no screen
    # work, and the rest of the note says the work is a webtoon (Black Knight's source, not
    # the series): a note as Kang Full's "Webtoon creator" is, below the credited creators
    kang = next(r for r in creators if r["label"] == "Kang Full")
    lee = next(r for r in creators if r["label"] == "Lee Yoon-kyun")
    assert lee["score"] == kang["score"] < min(r["score"] for r in creators if r["capacity"])
    # a clause naming screen work still ranks so beside a webtoon in the note
    layer = add_data(
        '[[people]]\nid = "ink-one"\nname = "Ink One"\n'
        'note = "Webtoon artist; creator of Moon Gate (Night Rider)."\n\n'
        '[[people]]\nid = "ink-two"\nname = "Ink Two"\n'
        'note = "Webtoon artist; creator of the series Moon Gate."\n'
    )
    layered = as_json(run_shipped(*layer, "search", "creator", "--json", "--limit", "999"))
    scores = {r["target"]: r["score"] for r in layered}
    assert scores["ink-one"] == kang["score"] < scores["ink-two"]
    # 'the' is no word a note must hold: 'the director' finds no note by its words apart
    the = _found(run_shipped, "the director")
    assert all(not r["matched"].startswith("note:") for r in the)
    assert all("Tinson" not in r["label"] for r in _found(run_shipped, "of the"))


@pytest.mark.parametrize("word", ["director", "writer", "creator", "directr"])
def test_a_crew_word_names_no_one_to_a_name_lookup(
    run_shipped: Run, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    """Review 38 #12: the index keys each credited person under their capacity ('director':
    Yeon Sang-ho, ...) for search, in the table of names. No name lookup may read those rows:
    `person director` and `show director` miss as before the rows were added (9d825dc0), no
    "Did you mean" names a credited person, and TAB offers only people whose own id holds
    the word ("choi-sung-eun-director")."""
    credited = {"yeon-sang-ho", "kim-eun-sook", "hwang-dong-hyuk", "kang-eun-kyung", "ahn-gil-ho"}
    person = run_shipped("person", word)
    assert person.exit_code == 2 and person.stdout == ""
    said = " ".join(person.stderr.split())
    assert said.startswith(f"kdrama: error: no person matches '{word}'.")
    assert "Did you mean" not in said and "Yeon Sang-ho" not in said
    show = run_shipped("show", word)
    assert show.exit_code == 2 and show.stdout == ""
    shown = " ".join(show.stderr.split())
    assert shown.startswith(f"kdrama: error: no title matches '{word}'.")
    assert "is a person" not in shown
    assert not any(slug in shown for slug in credited)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shipped_cache))
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    for command in ("person", "show"):
        offered = [item.value for item in completer.get_completions([command], word)]
        assert credited.isdisjoint(offered)
        assert all(word in value for value in offered), offered
    people = [item.value for item in completer.get_completions(["person"], "director")]
    assert "choi-sung-eun-director" in people


# --- chart never shows ratings: 'ratings' is not its word (review 37 #11) -------------------


def test_chart_does_not_read_ratings_as_its_own_word(run_shipped: Run) -> None:
    """'chart "squid game ratings"' said it was read as 'squid game' and drew Netflix's Top 10
    hours: a fan typing "ratings" means TV ratings, which chart never shows. The miss says so,
    and where a title's ratings are, or that the catalogue holds none."""
    netflix = run_shipped("chart", "squid game ratings")
    assert netflix.exit_code == 2 and netflix.stdout == ""
    said = " ".join(netflix.stderr.split())
    assert "is read as" not in said
    assert (
        "no title matches 'squid game ratings'. kdrama chart draws Netflix's weekly Top 10, not "
        "TV ratings, and the catalogue holds no TV ratings of Squid Game; its Top 10 weeks: "
        "kdrama chart "
        "squid-game. Did you mean Squid Game?"
    ) in said
    aired = " ".join(run_shipped("chart", "Reply 1988 TV ratings").stderr.split())
    assert "not TV ratings: Reply 1988's are on its page, kdrama show reply-1988." in aired
    # a title ending in 's' owns them as every page says it (review 38 #4): "Queen of Tears'"
    tears = " ".join(run_shipped("chart", "queen of tears ratings").stderr.split())
    assert "not TV ratings: Queen of Tears' are on its page, kdrama show queen-of-tears." in tears
    shown = as_json(run_shipped("show", "reply-1988", "--json"))
    assert any(stat["metric"] == "ratings" for stat in shown["stats"])
    # words before 'ratings' that name several titles list them as the words alone do, no
    # one title picked for them (review 38 #1), and say that chart draws no TV ratings
    many = run_shipped("chart", "queen ratings")
    assert many.exit_code == 2 and many.stdout == ""
    listed = " ".join(many.stderr.split())
    alone = " ".join(run_shipped("chart", "queen").stderr.split())
    assert "Did you mean" not in listed
    assert alone.endswith("Please choose one: give its id, or more of the name.")
    assert listed == alone.replace("'queen' matches", "'queen ratings' matches") + (
        " kdrama chart draws Netflix's weekly Top 10, not TV ratings."
    )
    # chart's own words still open the title
    charted = run_shipped("chart", "squid game top 10")
    assert charted.exit_code == 0 and "weeks in Netflix's global Top 10" in charted.stdout


# --- typing leftovers (closing51, "From the typing branch") ------------------------------------


@pytest.mark.parametrize(
    ("typed", "english"), [("웹툰", "webtoon"), ("웹소설", "web novel"), ("만화", "manhwa")]
)
def test_a_korean_word_for_a_kind_of_source_work_finds_its_adaptations(
    run_shipped: Run, typed: str, english: str
) -> None:
    """'search 웹툰' found one title whose Korean name holds the word, none of the webtoon
    adaptations that 'search webtoon' and `list --adapted-from 웹툰` find."""
    korean = {r["target"] for r in _found(run_shipped, typed) if r["matched"].startswith("adapted")}
    as_typed = {
        r["target"]
        for r in _found(run_shipped, english)
        if r["matched"] == f"adapted from a {english}"
    }
    assert korean and korean == as_typed
    listed = as_json(run_shipped("list", "--adapted-from", typed, "--json", "--limit", "999"))
    assert korean == {t["slug"] for t in listed}


def test_a_korean_word_for_novel_finds_web_novels_too(run_shipped: Run) -> None:
    """`list --adapted-from 소설` lists web novels' adaptations as novels'; search agrees."""
    matched = {r["matched"] for r in _found(run_shipped, "소설")}
    assert {"adapted from a novel", "adapted from a web novel"} <= matched


def test_a_title_in_two_scripts_with_the_commands_word_offers_the_title(run_shipped: Run) -> None:
    """`cast "오징어 game cast"` named no title to try; '오징어 game' alone offers Squid Game (a
    reading of two scripts never opens a title), and so does it with the cast's word after it."""
    meant = "Did you mean Squid Game, Squid Game: Making Season 2 or Squid Game in Conversation?"
    cast = run_shipped("cast", "오징어 game cast")
    assert cast.exit_code == 2 and cast.stdout == ""
    assert f"no title matches '오징어 game cast'. {meant}" in " ".join(cast.stderr.split())
    error = json_error(run_shipped("cast", "오징어 game cast", "--json"))
    assert error["suggestions"][0] == "squid-game"
    searched = run_shipped("search", "오징어 game cast")
    assert searched.exit_code == 0
    assert meant in " ".join(searched.stderr.split())
    # a word that is no title before the cast's word still offers nothing
    assert "Did you mean" not in run_shipped("cast", "xyzzy cast").stderr


@pytest.mark.parametrize("typed", ["오징어 games", "오징어 games 2"])
def test_a_plural_in_two_scripts_offers_the_title(run_shipped: Run, typed: str) -> None:
    """'오징어 game' offered Squid Game; '오징어 games' offered nothing."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2
    assert f"no title matches {typed!r}. Did you mean Squid Game," in " ".join(shown.stderr.split())


@pytest.mark.parametrize(
    ("typed", "meant", "not_opened"),
    [
        ("Friendss", "Love Next Door", "love-next-door"),  # its alias "Mom's Friend's Son"
        ("Janess", "Jane's Summer", "jane-s-summer"),
    ],
)
def test_a_doubled_s_does_not_open_a_title_through_a_further_words_s(
    run_shipped: Run, typed: str, meant: str, not_opened: str
) -> None:
    """'Friendss' opened Love Next Door by "Friend's S(on)", 'Janess' Jane's Summer by "Jane's
    S(ummer)": a doubled 's' run into a further word opens nothing, and the miss offers the
    titles the words without it name. The index is not taken for damaged (would_match agrees)."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2 and shown.stdout == ""
    said = " ".join(shown.stderr.split())
    assert f"no title matches {typed!r}. Did you mean" in said and meant in said
    assert "damaged" not in said and "rebuil" not in said
    error = json_error(run_shipped("cast", typed, "--json"))
    assert error["kind"] == "not_found" and not_opened in error["suggestions"]
    # search, which listed the title show opened, offers what show's miss offers
    searched = run_shipped("search", typed)
    assert searched.exit_code == 0 and searched.stdout == ""
    assert meant in searched.stderr
    # what holds the words whole is found as ever
    assert as_json(run_shipped("show", "jane's", "--json"))["slug"] == "jane-s-summer"
    assert as_json(run_shipped("show", "kingdoms", "--json"))["slug"] == "kingdom"


# --- a crew word beside a title or a name (review 38 #2) ----------------------------------


@pytest.mark.parametrize(
    ("typed", "matched"),
    [
        ("squid game director", "director of Squid Game"),
        ("Squid Game's directors", "director of Squid Game"),
        ("writers of squid game", "writer of Squid Game"),
        ("the creator of squid game", "creator of Squid Game"),
        ("감독 오징어 게임", "director of Squid Game"),
        ("오징어 게임 감독", "director of Squid Game"),
        ("squid game 2 director", "director of Squid Game"),  # a crew of the whole title
    ],
)
def test_a_crew_word_beside_a_title_lists_its_crew(
    run_shipped: Run, typed: str, matched: str
) -> None:
    """'squid game director' found nothing ("Did you mean Squid Game?"), while 'squid game
    cast' names kdrama cast: the title's crew is the answer, each with their page."""
    found = _found(run_shipped, typed)
    assert found[0]["target"] == "hwang-dong-hyuk" and found[0]["matched"] == matched
    assert found[0]["command"] == "kdrama person hwang-dong-hyuk"
    assert found[0]["capacity"] == matched.split()[0] and found[0]["slugs"] == ["squid-game"]
    page = flat(run_shipped("search", typed, env={"COLUMNS": "120"}).stdout)
    assert f"Hwang Dong-hyuk person {matched} kdrama person hwang-dong-hyuk" in page
    assert "Did you mean" not in page


def test_a_titles_crew_keeps_its_order_and_says_why_when_none(run_shipped: Run) -> None:
    """Kingdom's two directors in its own order; a title that credits no one so names who it
    does credit; a title held only as Netflix's record says it has no crew; words naming
    several titles list the crew of each."""
    kingdom = _found(run_shipped, "director of kingdom")
    assert [r["target"] for r in kingdom[:2]] == ["kim-seong-hun", "park-in-je"]
    assert all(r["matched"] == "director of Kingdom" for r in kingdom[:2])
    shown = as_json(run_shipped("show", "kingdom", "--json"))
    assert shown["directors"] == ["Kim Seong-hun", "Park In-je"]
    hellbound = _found(run_shipped, "hellbound creator")
    assert hellbound[0]["target"] == "yeon-sang-ho"
    assert hellbound[0]["matched"] == (
        "director and writer of Hellbound (the catalogue credits no creator)"
    )
    netflix = _found(run_shipped, "12.12: The Day director")
    assert [(r["kind"], r["target"]) for r in netflix] == [("title", "12-12-the-day")]
    assert "holds only Netflix's record of it, no crew" in netflix[0]["matched"]
    # 'queen' only begins titles' names (Queen of Tears, Queenmaker ...): no title's crew
    queens = _found(run_shipped, "queen director")
    assert not [r for r in queens if r["capacity"] or " of Queen" in r["matched"]]
    # a typo of the title still offers it
    missed = run_shipped("search", "writrs of squid game")
    assert "Did you mean Squid Game?" in " ".join(missed.stderr.split())


@pytest.mark.parametrize(
    ("typed", "first", "capacity"),
    [
        ("director yeon", "yeon-sang-ho", "director"),
        ("yeon director", "yeon-sang-ho", "director"),
        ("kim eun-sook writer", "kim-eun-sook", "writer"),
        ("writer kim eun", "kim-eun-sook", "writer"),
    ],
)
def test_a_crew_word_beside_part_of_a_name_finds_those_credited_so(
    run_shipped: Run, typed: str, first: str, capacity: str
) -> None:
    """'director yeon' found nothing and 'kim director' a synopsis: the people credited in
    the capacity whose name the other words begin, most credited first."""
    found = _found(run_shipped, typed)
    assert found[0]["target"] == first
    assert found[0]["matched"].startswith(f"{capacity}: ")
    credited = [r for r in found if r["capacity"] == capacity]
    assert credited == found[: len(credited)]
    names = [r["label"] for r in credited]
    word = typed.replace(capacity, "").split()[0]
    # each name's words begin with the word, as search's name match reads them (review 39 #9:
    # a substring would pass a match inside a word)
    from kdrama_cli.catalogue.folding import matches_words

    assert names and all(matches_words(word, name) for name in names)
    kims = _found(run_shipped, "kim director")
    assert kims[0]["label"].startswith("Kim ") and kims[0]["capacity"] == "director"


def test_show_opens_the_title_a_crew_word_is_beside_and_person_the_crew(run_shipped: Run) -> None:
    """`show "squid game director"` missed, though its page names the crew: it opens the title
    and says how it read the words, as `cast "squid game cast"` does; `person` opens the one
    person the words name, and lists several as a name matching several is."""
    shown = run_shipped("show", "squid game director")
    assert shown.exit_code == 0
    said = " ".join(shown.stderr.split())
    assert "'squid game director' is read as 'squid game': Squid Game" in said
    assert "Directed by: Hwang Dong-hyuk" in shown.stdout
    assert as_json(run_shipped("show", "director of kingdom", "--json"))["slug"] == "kingdom"
    person = run_shipped("person", "squid game director")
    assert person.exit_code == 0 and person.stdout.startswith("Hwang Dong-hyuk")
    assert "read as the director of Squid Game: Hwang Dong-hyuk" in " ".join(person.stderr.split())
    error = json_error(run_shipped("person", "director of kingdom", "--json"))
    assert error["kind"] == "ambiguous"
    assert error["suggestions"] == ["kim-seong-hun", "park-in-je"]
    named = as_json(run_shipped("person", "kim eun-sook writer", "--json"))
    assert named["id"] == "kim-eun-sook"
    # a crew word alone is still no one's name (test_a_crew_word_names_no_one_to_a_name_lookup)
    assert run_shipped("person", "xyz director").exit_code == 2


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["cast", "squid game director"], "cast"),
        (["chart", "squid game writer"], "chart"),
        (["similar", "creator of squid game"], "similar"),
        (["trivia", "--show", "squid game director"], "trivia"),
        (["compare", "squid game director", "kingdom"], "compare"),  # review 39 #9
    ],
)
def test_a_command_listing_no_crew_says_who_the_crew_is(
    run_shipped: Run, args: list[str], command: str
) -> None:
    """`cast "squid game director"` said only "Did you mean Squid Game?": the miss says the
    command lists no crew, and who it is, with their page, or the search that lists several."""
    missed = run_shipped(*args)
    assert missed.exit_code == 2 and missed.stdout == ""
    said = " ".join(missed.stderr.split())
    capacity = next(w for w in ("director", "writer", "creator") if w in " ".join(args))
    # compare has Directors and Writers rows: it takes titles, not people (review 40 #7)
    lists = "compares titles, not people" if command == "compare" else "lists no crew"
    assert (
        f"kdrama {command} {lists}; Hwang Dong-hyuk, {capacity} of Squid Game: "
        "kdrama person hwang-dong-hyuk."
    ) in said
    several = " ".join(run_shipped("cast", "director of kingdom").stderr.split())
    assert (
        "kdrama cast lists no crew; Kim Seong-hun and Park In-je: kdrama search 'director of "
        "kingdom' lists them with their pages."
    ) in several
    assert json_error(run_shipped(*args, "--json"))["suggestions"][0] == "squid-game"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["cast", "director yeon"], "'director yeon' names 4 directors: kdrama search"),
        (["chart", "kim eun-sook writer"], "names a writer: Kim Eun-sook: kdrama person"),
        (["similar", "writer kim eun-hee"], "names a writer: Kim Eun-hee: kdrama person"),
        (["trivia", "--show", "director yeon"], "'director yeon' names 4 directors"),
    ],
)
def test_a_command_listing_no_crew_names_the_people_a_crew_word_beside_a_name_reads(
    run_shipped: Run, args: list[str], said: str
) -> None:
    """`cast "director yeon"` said only "no title matches", where `show` names the directors
    the words begin the names of: the commands listing no crew say it as show does."""
    missed = run_shipped(*args)
    assert missed.exit_code == 2 and missed.stdout == ""
    assert said in " ".join(missed.stderr.split())


@pytest.mark.parametrize(
    ("typed", "slug", "command"),
    [
        ("squid games 2 2024", "squid-game", "kdrama show squid-game --season 2"),
        ("squid games 2 (2024)", "squid-game", "kdrama show squid-game --season 2"),
        ("kingdoms 2 2020", "kingdom", "kdrama show kingdom --season 2"),
        # a plural 's' after a figure is one too, not the start of "Season 2 – Underground"
        ("Physical 100s 2023", "physical-100", "kdrama show physical-100"),
        ("Physical 100s", "physical-100", "kdrama show physical-100"),
        ("Physical 100s 2024", "physical-100", "kdrama show physical-100 --season 2"),
        ("reply 1988s", "reply-1988", "kdrama show reply-1988"),
    ],
)
def test_a_plural_with_a_season_and_a_year_opens_the_title(
    run_shipped: Run, typed: str, slug: str, command: str
) -> None:
    """'squid games 2 2024' got "Did you mean Squid Game?" though 'squid game 2 2024' and
    'squid games 2' open season 2; 'Physical 100s 2023' was season 2 (by the 's' of "Season 2 –
    Underground", an alias) of another year, and search found nothing."""
    found = _found(run_shipped, typed)
    assert found[0]["target"] == slug and found[0]["command"] == command
    shown = as_json(run_shipped("show", typed, "--json"))
    assert shown["slug"] == slug
    # and the season the command names (review 39 #9: the slug alone passed a wrong season)
    numbers = [season["number"] for season in shown["seasons"]]
    if "--season" in command:
        assert numbers == [int(command.rsplit(" ", 1)[1])]
    else:
        whole = as_json(run_shipped("show", slug, "--json"))
        assert numbers == [season["number"] for season in whole["seasons"]]
    # the misses beside them are misses still, and never taken for a damaged index
    for missed in ("physical 100s 2025", "squid games 2 2021", "xyzzy 100s"):
        result = run_shipped("show", missed)
        assert result.exit_code == 2
        assert "damaged" not in result.stderr and "rebuil" not in result.stderr


@pytest.mark.parametrize(
    ("typed", "first", "matched"),
    [
        # (review 39 #1) the notes that hold the words, as before the crew reading
        ("film director", "Kim Seong-hun", "note: Film director"),
        ("drama director", "Kim Hee-won", "note: TV drama director"),
        ("drama writer", "Kim Da-rin", "note: Television drama writer"),
        ("series director", "Han Jun-hee", "note: Film and series director"),
        ("producer director", "Jang Ho-gi", "note: Producer-director"),
        ("star writer", "Cha Eun-ho in Romance Is a Bonus Book", "cast note: A star writer"),
        ("main writer", "Lee Si-eun in Love (ft. Marriage and Divorce)", "cast note: Main writer"),
        ("and writer", "Lee Byeong-heon", "note: Film and television director and writer"),
        ("and screenwriter", "Choi Dong-hoon", "note: Film director and screenwriter"),
        ("creator of lookism", "Park Tae-joon", "note: Webtoon creator of Lookism"),
        ("creator of taekbaegisa", "Lee Yoon-kyun", "note: creator of Taekbaegisa"),
        ("director on kill", "Lee Tae-sung", "note: Film director"),
        ("screenwriter of love", "Choi Soo-young", "note: Screenwriter of Love to Hate You"),
        ("백 감독", "Baek Jong-yeol", "another spelling of: Baek Jong-yeol"),  # #7: his alias
    ],
)
def test_a_crew_word_beside_part_of_a_title_leaves_the_notes_first(
    run_shipped: Run, typed: str, first: str, matched: str
) -> None:
    """Review 39 #1: a crew word beside words that only begin, hold or sound like a title
    ('film' of Yellow Door: '90s Lo-fi Film Club, 'star' of Start-Up, 'main' respelled as
    Mine, 'love' of Love Alarm) put that title's crew, or the title and "no crew", above the
    notes holding the whole query. Only a title named whole is read so."""
    found = _found(run_shipped, typed)
    assert found[0]["label"] == first and found[0]["matched"].startswith(matched)
    assert not any("no crew" in r["matched"] for r in found)
    if typed not in ("creator of lookism", "creator of taekbaegisa"):
        assert not any(r["capacity"] for r in found)  # no title's crew read, no name's


@pytest.mark.parametrize(
    "typed",
    [
        "웹툰 작가",  # 'webtoon' of 더 웹툰: 예고살인 (Killer Toon)
        "영화 감독",
        "casting director",  # Good Casting
        "movie director",  # Melo Movie
        "korean director",  # A Korean Odyssey
        "rookie writer",  # Rookie Historian
        "writer from",  # a joining word alone (Deliver Us from Evil)
    ],
)
def test_a_crew_word_beside_part_of_a_title_finds_no_crew(run_shipped: Run, typed: str) -> None:
    """Review 39 #1 and #5: these found nothing before the crew reading, then a partly named
    title's crew or its "no crew" row; they find nothing again, and show and person miss."""
    assert _found(run_shipped, typed) == []
    for command in ("show", "person"):
        missed = run_shipped(command, typed)
        assert missed.exit_code == 2 and "is read as" not in missed.stderr


@pytest.mark.parametrize(
    "typed",
    [
        "hee director",
        "film director",
        "main writer",
        "casting director",
        "웹툰 작가",
        "star writer",
    ],
)
def test_show_opens_no_title_a_crew_word_is_only_beside_part_of(
    run_shipped: Run, typed: str
) -> None:
    """Review 39 #3: show dropped the crew word and opened any title the rest partly named
    ('hee director': Man on High Heels; 'main writer': Mine); only a title named whole opens."""
    missed = run_shipped("show", typed)
    assert missed.exit_code == 2 and missed.stdout == ""
    assert "is read as" not in missed.stderr


def test_show_and_search_read_a_crew_word_beside_part_of_a_name_alike(run_shipped: Run) -> None:
    """Review 39 #3: `show "director yeon"` said it "matches 2 titles" (Weak Hero, by the sound
    of 연); search reads Yeon Sang-ho. show's miss names the directors and the search."""
    found = _found(run_shipped, "director yeon")
    assert found[0]["target"] == "yeon-sang-ho"
    missed = run_shipped("show", "director yeon")
    said = " ".join(missed.stderr.split())
    assert missed.exit_code == 2 and "weak-hero" not in said
    credited = [r for r in found if r["capacity"] == "director"]
    assert f"'director yeon' names {len(credited)} directors: kdrama search" in said
    one = " ".join(run_shipped("show", "kim eun-sook writer").stderr.split())
    assert "'kim eun-sook writer' names a writer: Kim Eun-sook: kdrama person kim-eun-sook" in one


def test_person_opens_no_one_by_part_of_a_title(run_shipped: Run) -> None:
    """Review 39 #2 and #8: `person "hospital director"` opened Shin Won-ho (director of
    Hospital Playlist), losing the character it is; `main writer` opened Baek Mi-kyung (Mine,
    respelled); a title crediting no creator listed its other crew as if they were."""
    hospital = run_shipped("person", "hospital director")
    assert hospital.exit_code == 2
    assert "is a character in The Trauma Code" in " ".join(hospital.stderr.split())
    for typed in ("main writer", "writer from", "writer for", "star writer", "and writer"):
        missed = run_shipped("person", typed)
        assert missed.exit_code == 2 and "no person matches" in missed.stderr
    said = " ".join(run_shipped("person", "hellbound creator").stderr.split())
    assert (
        "Hellbound credits no creator; its crew is Yeon Sang-ho and Choi Gyu-seok: "
        "kdrama show hellbound"
    ) in said
    error = json_error(run_shipped("person", "dream high 2 director", "--json"))
    assert error["kind"] == "not_found" and "Dream High 2 credits no director" in error["message"]
    shown = run_shipped("show", "hellbound creator")
    assert shown.exit_code == 0
    assert "read as 'hellbound': Hellbound (which credits no creator)" in " ".join(
        shown.stderr.split()
    )


def test_quiz_keeps_its_plain_miss_for_a_crew_word(run_shipped: Run) -> None:
    """Review 39 #9 (commit 9db456fd had no test): quiz asks who directed a title, so 'kdrama
    quiz lists no crew' would be untrue; its miss of 'squid game director' is the plain one,
    offering the title."""
    missed = run_shipped("quiz", "--show", "squid game director")
    said = " ".join(missed.stderr.split())
    assert missed.exit_code == 2 and "lists no crew" not in said and "Hwang" not in said
    assert "no title matches 'squid game director'. Did you mean Squid Game?" in said

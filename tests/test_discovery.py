"""person, search, list, top, chart, trivia, quiz and completion, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner, Result

from kdrama_cli.catalogue.printable import clean
from kdrama_cli.cli import cli
from tests.conftest import (
    KDRAMA,
    MINI,
    AddData,
    Run,
    _runner,
    as_json,
    at_entry,
    flat,
    json_error,
    kdrama_on,
)
from tests.made_up import film


def test_person_page_lists_credits_and_collaborators(run: Run) -> None:
    data = as_json(run("person", "Kang Bo-ra", "--json"))
    assert data["hangul"] == "강보라"
    credits = {(c["show"], c["capacity"], c["character"]) for c in data["credits"]}
    assert ("moonlit-hallway", "actor", "Teacher Lim") in credits
    assert ("moonlit-hallway", "writer", None) in credits
    assert ("river-of-lanterns", "actor", "Captain Yun") in credits
    colleagues = {c["person"]: c["shows"] for c in data["also_worked_with"]}
    # Oh Tae-yang directed Moonlit Hallway and created/appears in River of Lanterns.
    assert set(colleagues["oh-taeyang"]) == {"moonlit-hallway", "river-of-lanterns"}


def test_person_page_cites_each_title_and_numbers_its_sources(run: Run) -> None:
    """Each row carries its sources in a Src column, numbered as the Sources list under the
    page: a role its title's cast list, a crew credit its title's sources (as --json)."""
    page = run("person", "oh-taeyang", env={"COLUMNS": "100"}).stdout
    header = next(line for line in page.splitlines() if line.startswith("Year"))
    assert header.split()[-1] == "Src"
    night = next(line for line in page.splitlines() if line.startswith("2016   Night Train"))
    moonlit = next(line for line in page.splitlines() if line.startswith("2022   Moonlit"))
    assert night.rstrip().endswith("[1]") and moonlit.rstrip().endswith("[2]")
    sources = page.split("\nSources\n", 1)[1]
    assert "[1] Example Charts, “Example chart”, 2022-03-01" in sources
    assert "[2] Example Press, “Moonlit Hallway renewed”, 2022-06-06" in sources
    data = as_json(run("person", "oh-taeyang", "--json"))
    cited = {c["show"]: c["source"] for c in data["credits"]}
    assert cited["night-train"] == ["test-chart"] and cited["moonlit-hallway"] == ["test-press"]


def test_person_page_says_it_lists_only_the_catalogues_titles(run: Run) -> None:
    page = flat(run("person", "Kang Bo-ra").stdout)
    assert "Credits in this catalogue Year Title" in page
    assert (
        "Only the titles the catalogue has researched list cast and crew; those it holds only "
        "as Netflix's record have none, so other work of theirs is not listed." in page
    )


def test_person_page_has_one_row_per_title_and_the_korean_title_under_it(run: Run) -> None:
    """Kang Bo-ra acts in and wrote Moonlit Hallway: one row, "also writer" under the role;
    the Korean title has a line of its own between the English title and the slug."""
    lines = run("person", "Kang Bo-ra", env={"COLUMNS": "80"}).stdout.splitlines()
    rows = [line for line in lines if line.startswith("2022   Moonlit Hallway")]
    assert len(rows) == 1
    at = lines.index(rows[0])
    assert "Teacher Lim" in rows[0] and "supporting" in rows[0]
    assert lines[at + 1].split() == ["달빛", "복도", "also", "writer"]
    assert lines[at + 2].split() == ["moonlit-hallway"]
    crew = run("person", "oh-taeyang").stdout.splitlines()
    river = [line for line in crew if line.startswith("2021   River of Lanterns")]
    assert len(river) == 1 and "Harbour master" in river[0] and "special" in river[0]
    assert "also creator" in crew[crew.index(river[0]) + 1]


@pytest.mark.parametrize("name", ["Seo Min-ho", "서민호", "minho", "SEO-MINHO"])
def test_person_found_by_alias_hangul_and_id(run: Run, name: str) -> None:
    result = run("person", name)
    assert result.exit_code == 0, result.output
    assert "Minho" in result.output and "Conductor" in result.output


def test_unknown_person_suggests(run: Run) -> None:
    result = run("person", "Han Ji-wan")
    assert result.exit_code == 2
    assert "Did you mean Han Ji-won?" in result.output


_SEASONS_APART = """
[[shows]]
slug = "harbour-lights"
title = "Harbour Lights"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A lighthouse keeper's family, one season at a time."
sources = ["test-press"]
cast_sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2023-01-06
episodes = 8
sources = ["test-press"]

[[shows.seasons]]
number = 2
status = "released"
release_date = 2024-01-05
episodes = 8
sources = ["test-press"]

[[shows.seasons]]
number = 3
status = "announced"
status_date = 2026-05-01
as_of = 2026-11-01
sources = ["test-press"]

[[shows.cast]]
person = "kang-bora"
character = "The keeper"
role = "main"
seasons = [1]

[[shows.cast]]
person = "han-ji-won"
character = "The keeper's daughter"
role = "main"
seasons = [2]

[[shows.cast]]
person = "seo-minho"
character = "The new keeper"
role = "main"
seasons = [3]

[[shows]]
slug = "paper-boats"
title = "Paper Boats"
kind = "film"
platform = "Theatrical"
genres = ["drama"]
synopsis = "Two children race paper boats down a flooded street."
release_date = 2024-05-01
sources = ["test-press"]
cast_sources = ["test-press"]

[[shows.cast]]
person = "kang-bora"
character = "Mother"
role = "supporting"

[[shows.cast]]
person = "seo-minho"
character = "Father"
role = "supporting"
"""


def test_also_worked_with_counts_only_a_released_season_both_were_in(
    run: Run, add_data: AddData
) -> None:
    """Kang Bo-ra is in Harbour Lights S1; Han Ji-won only in S2 (never together) and Minho
    only in S3, which is announced: neither counts. The film Paper Boats is one season."""
    layer = add_data(_SEASONS_APART)
    data = as_json(run(*layer, "person", "kang-bora", "--json"))
    colleagues = {c["person"]: c["shows"] for c in data["also_worked_with"]}
    assert colleagues == {
        "oh-taeyang": ["river-of-lanterns", "moonlit-hallway"],
        "seo-minho": ["moonlit-hallway", "paper-boats"],
    }
    page = flat(run(*layer, "person", "kang-bora").stdout)
    assert "Minho 서민호 Moonlit Hallway, Paper Boats" in page
    assert "Han Ji-won" not in page.split("Also worked with")[1]


def test_also_worked_with_leaves_out_a_season_still_in_production(run_shipped: Run) -> None:
    """Lee Yoo-mi (Squid Game S1, All of Us Are Dead S1) never shared a season with Roh
    Jae-won or Kim Si-eun (Squid Game S2-S3, announced for All of Us Are Dead S2)."""
    data = as_json(run_shipped("person", "lee-yoo-mi", "--json"))
    colleagues = {c["person"] for c in data["also_worked_with"]}
    assert "kim-hae-sook" in colleagues
    assert not colleagues & {"roh-jae-won", "kim-si-eun"}


_NAMESAKE = """
[[people]]
id = "kang-bora-singer"
name = "Kang Bo-ra"
note = "Singer (Lantern Band)."
editor_note = "Kept apart from kang-bora because no stored source ties the two; merge them."
"""


def test_an_editor_note_is_checked_but_never_printed(run: Run, add_data: AddData) -> None:
    """A person's editor_note is for the data's maintainers: `data check` accepts it, and no
    page, document, sheet or "which one?" list shows it; the public note still tells the two
    Kang Bo-ras apart."""
    layer = add_data(_NAMESAKE)
    checked = run(*layer, "data", "check")
    assert checked.exit_code == 0, checked.output
    outputs = [
        run(*layer, "person", "kang-bora-singer", *options)
        for options in ([], ["--json"], ["--csv"])
    ]
    assert all(r.exit_code == 0 for r in outputs), [r.output for r in outputs]
    assert "Singer (Lantern Band)." in outputs[0].stdout
    assert as_json(outputs[1])["note"] == "Singer (Lantern Band)."
    picker = run(*layer, "person", "Kang Bo-ra")
    assert (
        picker.exit_code == 2 and "Kang Bo-ra, singer (Lantern Band))" in picker.stderr
    )  # read on after the name
    for result in [checked, *outputs, picker]:
        assert "merge" not in result.output and "stored source" not in result.output


def test_no_shipped_person_note_speaks_to_the_maintainers(run_shipped: Run) -> None:
    """The shipped namesakes' notes say who each is; why they are kept apart is editor_note."""
    maintainers = re.compile(r"merge|kept apart|stored (source|page)|Wikipedia", re.I)
    for person in ("kim-si-eun-samgwang", "kim-bo-min", "kim-min-kyu", "do-young-seo"):
        note = as_json(run_shipped("person", person, "--json"))["note"]
        assert note and not maintainers.search(note)


def test_person_park_solomon_is_lomon_in_shipped_data(run_shipped: Run) -> None:
    data = as_json(run_shipped("person", "Park Solomon", "--json"))
    assert data["name"] == "Lomon"
    assert any(c["show"] == "all-of-us-are-dead" for c in data["credits"])


def test_a_title_out_that_no_source_dates_is_listed_by_the_year_it_was_out_by(
    run_shipped: Run,
) -> None:
    """The WONDERfools is out (show: "released by 2026-05-17") but no source dates it: Park
    Eun-bin's page gave it "—", the mark of a title only announced, and listed it last. It is
    "by 2026" now, in its year, as show and list say."""
    page = flat(run_shipped("--no-pager", "person", "park-eun-bin", env={"COLUMNS": "100"}).stdout)
    assert re.search(r"2023 Castaway Diva .* by 2026 The WONDERfools ", page), page
    assert "— The WONDERfools" not in page
    show = flat(run_shipped("--no-pager", "show", "the-wonderfools").stdout)
    assert "released by 2026-05-17" in show
    credit = next(
        c
        for c in as_json(run_shipped("person", "park-eun-bin", "--json"))["credits"]
        if c["slug"] == "the-wonderfools"
    )
    assert credit["year"] is None


_UNDATED_SEASONS = """
[[people]]
id = "season-two-actor"
name = "Season Two Actor"
sources = ["test-press"]

[[shows]]
slug = "undated-run"
title = "Undated Run"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up series no source dates."
sources = ["test-press"]
cast_sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date_unknown = "No source dates it."
episodes = 8
sources = ["test-press"]

[[shows.seasons]]
number = 2
status = "released"
release_date_unknown = "No source dates it."
episodes = 8
sources = ["test-press"]

[[shows.cast]]
person = "season-two-actor"
character = "Second"
role = "main"
seasons = [2]

[[shows.stats]]
metric = "hours-viewed"
value = 1000000
unit = "hours"
window = "week:2024-03-10"
season = 1
as_of = 2024-03-12
sources = ["test-chart"]

[[shows.stats]]
metric = "hours-viewed"
value = 2000000
unit = "hours"
window = "half-year:2025H1"
season = 2
as_of = 2025-09-18
sources = ["test-chart"]
"""


def test_a_row_out_by_a_year_is_the_persons_seasons_year_from_any_netflix_list(
    run: Run, add_data: AddData
) -> None:
    """An actor of season 2 only is on the row of the year Netflix's files first list season
    2 in (here a half-year report, 2025), as the show page's Released column says, not of
    season 1's Top 10 week (2024)."""
    layer = add_data(_UNDATED_SEASONS)
    page = flat(run("--no-pager", *layer, "person", "season-two-actor").stdout)
    assert "by 2025 Undated Run" in page, page
    show = flat(run("--no-pager", *layer, "show", "undated-run").stdout)
    assert "2025-06-30" in show


def test_two_letters_typed_alone_find_no_cast_note_by_a_word_s_start(run_shipped: Run) -> None:
    """`search ab` listed the titles it starts, then eight cast notes matched through "about",
    "abacus" and "abandoned", and `search a` 440 through the word "a": one or two letters alone
    are not yet a word in a note. A word before them ('player 45') and three letters ('abo')
    still find notes as while typing."""

    def notes(query: str) -> list[str]:
        found = as_json(run_shipped("search", query, "--json"))
        return [r["matched"] for r in found if r["matched"].startswith("cast note")]

    assert notes("ab") == [] and notes("a") == []
    assert "cast note: Player 456." in notes("player 45")
    assert any("about" in note.lower() for note in notes("abo"))


def test_search_says_what_matched(run: Run) -> None:
    results = as_json(run("search", "Captain Yun", "--json"))
    assert results[0]["kind"] == "character"
    assert results[0]["matched"] == "character: Captain Yun"
    assert results[0]["target"] == "river-of-lanterns"
    by_author = as_json(run("search", "Yoon Ga-eul", "--json"))
    assert any(r["matched"] == "webtoon author: Yoon Ga-eul" for r in by_author)


def test_search_matches_whole_words_of_a_synopsis_and_word_beginnings_of_names(
    run_shipped: Run,
) -> None:
    """A name typed whole does not find a synopsis by the beginnings of its words (Hometown
    Cha-Cha-Cha's "Gongjin" and "Yoon Hye-jin" for "gong yoo"), while a whole word or its
    plural does, and names and titles still match while being typed."""

    def found(query: str) -> list[tuple[str, str]]:
        rows = as_json(run_shipped("search", query, "--limit", "100", "--json"))
        return [(r["target"], r["matched"]) for r in rows]

    assert found("gong yoo") == [("gong-yoo", "name: Gong Yoo")]
    assert ("narco-saints", "synopsis: secret, agent") in found("secret agent")
    assert not any(matched.startswith("synopsis") for _, matched in found("secret agen"))
    assert ("hometown-cha-cha-cha", "synopsis: gongjin, dentist") in found("gongjin dentist")
    assert ("the-bequeathed", "synopsis: detectives") in found("detective")
    # and a plural typed finds the singular: a fan types "detectives", "debts"
    for one, many in (("detective", "detectives"), ("debt", "debts")):
        singular = {t for t, m in found(one) if m.startswith("synopsis: ")}
        assert singular and singular == {t for t, m in found(many) if m.startswith("synopsis: ")}
    assert ("park-bo-gum", "name: Park Bo-gum") in found("park bo")
    assert found("kingd")[0][1] == "title: Kingdom"


def test_search_finds_titles_and_genres_by_the_singular_of_a_plural_typed(
    run_shipped: Run,
) -> None:
    """'search zombies' found 3 synopses while 'search zombie' found 12 (Zombie Detective by
    its title; Train to Busan and Kingdom by their genre), and each synopsis row said
    "synopsis" under Matched, as its Kind did. A plural typed finds a title and a genre by its
    singular, below the titles holding the word as typed, and a synopsis row says the words it
    holds."""

    def found(query: str) -> list[tuple[str, str]]:
        rows = as_json(run_shipped("search", query, "--limit", "100", "--json"))
        return [(r["target"], r["matched"]) for r in rows]

    zombies = found("zombies")
    assert ("zombie-detective", "title: Zombie Detective") in zombies
    assert {("train-to-busan", "genre: zombie"), ("kingdom", "genre: zombie")} <= set(zombies)
    assert {t for t, _ in found("zombie")} <= {t for t, _ in zombies}
    assert found("thrillers")[0][1] == "genre: thriller"
    # Every title holding the word as typed comes before any found by its singular: the
    # penalty once only reordered within a kind of match, so Hero (the singular, whole)
    # ranked above Hangeul Heroes, and Detective K above Brave Detectives.
    for plural, singular_only in (("detectives", "detective-k"), ("heroes", "hero")):
        rows = as_json(run_shipped("search", plural, "--limit", "100", "--json"))
        titles = [r for r in rows if r["kind"] == "title" and r["matched"].startswith("title:")]
        as_typed = [i for i, r in enumerate(titles) if plural in r["matched"].lower()]
        folded = [i for i, r in enumerate(titles) if plural not in r["matched"].lower()]
        assert as_typed and folded and max(as_typed) < min(folded), plural
        assert any(r["target"].startswith(singular_only) for r in titles), plural
    # A singular is a whole word of the title: 'games' is not "gam", 'news' not "new".
    assert all(t.startswith("new-") is False for t, _ in found("news"))
    synopses = [m for _, m in found("gongjin dentist") if m.startswith("synopsis")]
    assert synopses == ["synopsis: gongjin, dentist"]
    assert ("the-bequeathed", "synopsis: detectives") in found("detective")


def test_a_title_found_by_its_genre_or_synopsis_is_a_title(run_shipped: Run) -> None:
    """`search zombie` gave #Alive the kind "genre": a script keeping the rows of kind "title"
    lost every title found by its genre or synopsis. The kind is what the result is; how it
    matched is in `matched`."""
    rows = as_json(run_shipped("search", "zombie", "--limit", "200", "--json"))
    rows += as_json(run_shipped("search", "stories", "--limit", "200", "--json"))
    by_genre = [r for r in rows if r["matched"].startswith("genre:")]
    by_synopsis = [r for r in rows if r["matched"].startswith("synopsis:")]
    assert by_genre and by_synopsis
    assert {r["kind"] for r in by_genre + by_synopsis} == {"title"}
    assert {r["kind"] for r in rows} <= {"title", "person", "character", "source work"}
    page = run_shipped("--no-pager", "search", "zombie", env={"COLUMNS": "200"}).stdout
    alive = next(line for line in page.splitlines() if "#Alive" in line)
    assert alive.split()[2:4] == ["title", "genre:"], alive


def test_search_reads_a_plural_in_ies_as_its_word_in_y(run_shipped: Run) -> None:
    """'stories' finds a synopsis's "story" and 'story' Our Blues' "omnibus stories" (the
    plural was read as "storie"), while a word whose plural is -ies but not -y stays itself
    ('rookie' and 'rookies' still meet)."""

    def synopses(query: str) -> set[str]:
        rows = as_json(run_shipped("search", query, "--limit", "200", "--json"))
        # a title found by its synopsis is a title, matched "synopsis: ..."
        return {r["target"] for r in rows if r["matched"].startswith("synopsis")}

    assert {"extraordinary-you", "the-legend-of-the-blue-sea"} <= synopses("stories")  # "story"
    assert {"our-blues", "move-to-heaven"} <= synopses("story")  # "the stories"
    assert "partners-for-justice" in synopses("rookie")
    assert synopses("rookie") == synopses("rookies")


def test_search_hangul_prefix_finds_the_title(run_shipped: Run) -> None:
    results = as_json(run_shipped("search", "지금 우리", "--json"))
    assert results[0]["target"] == "all-of-us-are-dead"
    assert results[0]["matched"].startswith("Korean title")


def test_search_ranks_people_of_one_tier_most_credited_first_as_a_choice_does(
    run_shipped: Run,
) -> None:
    """`search 이정` listed its nine people by name, so Lee Jung-jae (이정재) came 7th, after
    Lee Jeong-hyo and Lee Jeong-lim, and `-n 5` cut him; the ambiguity list, which ranks
    people by credits, names him second. Search ranks a tier's people the same way."""
    results = as_json(run_shipped("search", "이정", "-n", "5", "--json"))
    assert "lee-jung-jae" in [r["target"] for r in results]
    people = [r["target"] for r in results if r["kind"] == "person"]
    chosen = run_shipped("person", "이정").stderr
    named = re.findall(r"(?:: |; )([a-z-]+) \(", flat(chosen))
    assert people == named[: len(people)], (people, chosen)


def _titles_show_opens() -> list[tuple[str, str, str]]:
    from tests.test_fan_questions import TITLES

    return [(question, command[1], expected) for question, command, _, expected in TITLES]


@pytest.mark.parametrize(("question", "query", "slug"), _titles_show_opens())
def test_search_finds_every_title_show_opens(
    run_shipped: Run, question: str, query: str, slug: str
) -> None:
    """Every miss of a lookup says to try `kdrama search`: search lists at least the title
    `kdrama show` opens, by the same keys (initials, romanisations)."""
    results = as_json(run_shipped("search", query, "--json"))
    assert slug in [r["target"] for r in results], (question, results)


def test_search_says_a_title_was_found_by_its_initials(run_shipped: Run) -> None:
    results = as_json(run_shipped("search", "ㅈㄱㅇㄹㅎㄱㄴ", "--json"))
    assert [(r["target"], r["matched"]) for r in results] == [
        ("all-of-us-are-dead", "Korean initials: 지금 우리 학교는")
    ]
    season = as_json(run_shipped("search", "squid game 2", "--json"))
    assert season[0]["target"] == "squid-game"
    assert season[0]["matched"] == "title: Squid Game, season 2"


def test_a_title_found_by_its_season_s_own_name_names_the_season_once(run_shipped: Run) -> None:
    """ "hospital playlist season 2" is found by Netflix's title of that season, which says
    the season: the Matched cell read "…: Season 2, season 2". A title with a figure in it
    ('1호가 될 순 없어 시즌 1') lost its ", season 1" for the figure."""
    page = run_shipped("search", "hospital playlist season 2", env={"COLUMNS": "200"}).stdout
    assert "Netflix title: Hospital Playlist: Season 2   kdrama show" in page
    found = as_json(run_shipped("search", "hospital playlist season 2", "--json"))[0]
    assert found["matched"] == "Netflix title: Hospital Playlist: Season 2"
    year = as_json(run_shipped("search", "men on a mission 2021", "--json"))[0]
    assert year["matched"] == "Netflix title: Men on a Mission: 2021, season 3"  # not its season
    # A figure inside a title is not its season: the season asked is still said.
    for query, name in (
        ("1호가 될 순 없어 시즌 1", "1호가 될 순 없어"),
        ("방구석 1열 시즌 1", "방구석 1열"),
    ):
        first = as_json(run_shipped("search", query, "--json"))[0]
        assert first["matched"] == f"Korean title: {name}, season 1", query
        assert first["command"].endswith(" --season 1"), query


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Yi Jung-jae", "lee-jung-jae"),
        ("Rhee Jungjae", "lee-jung-jae"),
        ("Chung Hoyeon", "jung-ho-yeon"),
        ("Gong Yu", "gong-yoo"),
        ("Bak Bo-gum", "park-bo-gum"),
    ],
)
def test_search_finds_the_person_person_opens_by_another_spelling(
    run_shipped: Run, query: str, person: str
) -> None:
    """README offers these spellings as ones `kdrama person` opens, and a miss sends the
    user to search, which answered "Nothing in the catalogue matches"."""
    opened = as_json(run_shipped("person", query, "--json"))
    assert opened["id"] == person
    results = as_json(run_shipped("search", query, "--json"))
    assert results[0]["target"] == person and results[0]["kind"] == "person"
    assert results[0]["matched"].startswith("another spelling of: ")
    assert results[0]["command"] == f"kdrama person {person}"


@pytest.mark.parametrize(
    "query", ["squid game cast", "Squid Game actors", "오징어 게임 출연진", "squid game: the cast"]
)
def test_a_search_for_a_titles_cast_names_the_command_that_lists_it(
    run_shipped: Run, query: str
) -> None:
    """'squid game cast' is among the commonest things fans type, and search answered only
    "Did you mean Squid Game?": the title was found, the cast was not offered. The empty
    answer now names the command (exit 0, as an empty search is); a word alone is a search."""
    result = run_shipped("search", query)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        f"Nothing in the catalogue matches {query!r}. Squid Game's cast: kdrama cast squid-game"
        in said
    )
    assert run_shipped("cast", "squid-game").exit_code == 0
    alone = as_json(run_shipped("search", "cast", "--json"))
    assert alone and alone[0]["target"] == "castaway-diva"


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        (
            "현빈 손예진",
            "How Hyun Bin and Son Ye-jin are connected: kdrama path hyun-bin son-ye-jin",
        ),
        ("hyun bin son ye-jin", "How Hyun Bin and Son Ye-jin are connected: kdrama path hyun-bin"),
        ("lee jung jae squid game", "Lee Jung-jae in Squid Game: kdrama cast squid-game"),
        ("이정재 오징어 게임", "Lee Jung-jae in Squid Game: kdrama cast squid-game"),
        ("iu squid game", "How IU and Squid Game are connected: kdrama path iu squid-game"),
        ("squid game kingdom", "Squid Game and Kingdom side by side: kdrama compare squid-game"),
    ],
)
def test_a_search_of_two_names_names_the_command_that_answers_it(
    run_shipped: Run, query: str, answer: str
) -> None:
    """Two people, a person and a title, or two titles typed together found nothing and
    offered at most one of them ("Did you mean Squid Game?"): the empty answer now names the
    command that answers what was asked, the cast where the title credits the person."""
    result = run_shipped("search", query)
    assert result.exit_code == 0, result.output
    assert answer in " ".join(result.output.split())


def test_the_title_show_opens_by_another_spelling_ranks_first(run_shipped: Run) -> None:
    """`show gobaek` opens Go Back: search put it below a character that holds 'gobaek' as
    typed once the rows found respelled were added before the title show opens."""
    assert as_json(run_shipped("show", "gobaek", "--json"))["slug"] == "go-back"
    results = as_json(run_shipped("search", "gobaek", "--json"))
    assert results[0]["target"] == "go-back", results[:3]
    assert any(r["kind"] == "character" for r in results[1:])


def test_a_name_found_as_typed_is_not_also_found_respelled(run_shipped: Run) -> None:
    results = as_json(run_shipped("search", "Lee Jung-jae", "--json"))
    assert results[0]["matched"] == "name: Lee Jung-jae"
    assert not [r for r in results if r["matched"].startswith("another spelling")]


def test_search_lists_every_title_of_initials_show_finds_ambiguous(run_shipped: Run) -> None:
    """`show ㅇㅈㅇ` is an error listing the titles those initials match; search, where the
    error sends the user, found none of them."""
    shown = run_shipped("show", "ㅇㅈㅇ")
    assert shown.exit_code == 2 and "squid-game" in shown.stderr
    results = as_json(run_shipped("search", "ㅇㅈㅇ", "--json"))
    found = {r["target"]: r["matched"] for r in results}
    assert {"squid-game", "angel-eyes"} <= found.keys()
    assert found["squid-game"] == "Korean initials: 오징어 게임"
    assert len(as_json(run_shipped("search", "ㅈㄱ", "--json"))) >= 10


def test_search_looks_up_the_season_the_query_named(run_shipped: Run) -> None:
    """A query "squid game 2" matches Squid Game's season 2, so the command to copy opens
    that season, in the table, --json and --csv alike; so does an alias that is a season's
    own title."""
    season = as_json(run_shipped("search", "squid game 2", "--json"))
    assert season[0]["command"] == "kdrama show squid-game --season 2"
    table = run_shipped("--no-pager", "search", "squid game 2", env={"COLUMNS": "132"}).stdout
    assert "kdrama show squid-game --season 2" in table
    sheet = run_shipped("search", "squid game 2", "--csv").stdout
    assert ",kdrama show squid-game --season 2," in sheet
    alias = as_json(run_shipped("search", "hospital playlist 2", "--json"))
    assert alias[0]["matched"] == "alias: Hospital Playlist 2"
    assert alias[0]["command"] == "kdrama show hospital-playlist --season 2"
    subtitled = as_json(run_shipped("search", "physical 100 season 2", "--json"))
    assert subtitled[0]["command"] == "kdrama show physical-100 --season 2"
    whole = as_json(run_shipped("search", "squid game", "--json"))
    assert whole[0]["command"] == "kdrama show squid-game"
    opened = as_json(run_shipped(*season[0]["command"].split()[1:], "--json"))
    assert [s["number"] for s in opened["seasons"]] == [2]
    # found by the start of its slug: the Matched column names the title, not the slug
    partly = as_json(run_shipped("search", "alchemy of soul 2", "--json"))
    assert partly[0]["matched"] == "partial: Alchemy of Souls, season 2"
    # the whole title typed is the title, not 'alchemy of soul' and 's 2'
    whole = as_json(run_shipped("search", "alchemy of souls 2", "--json"))
    assert whole[0]["matched"] == "title: Alchemy of Souls, season 2"
    assert whole[0]["command"] == "kdrama show alchemy-of-souls --season 2"


def test_search_opens_the_season_whose_alias_part_of_the_query_matched(run_shipped: Run) -> None:
    """ "weak hero class 2" gave `kdrama show weak-hero --season 2`, but "class 2", matching the
    same season alias (as Matched said), gave the whole title; so did part of Alchemy of Souls
    S2's own title. Where the best names matched are of two seasons ("weak hero class": Class
    1 and Class 2), the command opens the whole title."""
    for query, matched, command in (
        ("class 2", "alias: Weak Hero Class 2", "kdrama show weak-hero --season 2"),
        ("weak hero class 2", "alias: Weak Hero Class 2", "kdrama show weak-hero --season 2"),
        ("hero class 1", "alias: Weak Hero Class 1", "kdrama show weak-hero --season 1"),
        (
            "light and shadow",
            "alias: Alchemy of Souls: Light and Shadow",
            "kdrama show alchemy-of-souls --season 2",
        ),
        ("weak hero class", "alias: Weak Hero Class 1", "kdrama show weak-hero"),
    ):
        first = as_json(run_shipped("search", query, "--json"))[0]
        assert (first["matched"], first["command"]) == (matched, command), query
    sheet = run_shipped("search", "class 2", "--csv").stdout
    assert ",alias: Weak Hero Class 2,weak-hero,kdrama show weak-hero --season 2," in sheet


def test_a_seasons_announced_title_finds_it(run_shipped: Run) -> None:
    """upcoming and show name Signal S2 as tvN announced it, "The Second Signal (두 번째
    시그널)", but search found nothing by it and show was a usage error: the catalogue now
    holds it as the season's alias, as it holds Weak Hero Class 2."""
    for query, name in (
        ("second signal", "The Second Signal"),
        ("두 번째 시그널", "두 번째 시그널"),
    ):
        first = as_json(run_shipped("search", query, "--json"))[0]
        assert (first["matched"], first["command"]) == (
            f"alias: {name}",
            "kdrama show signal --season 2",
        ), query
    opened = run_shipped("show", "the second signal", "--json")
    assert opened.exit_code == 0, opened.output
    season = as_json(opened)["seasons"]
    assert [(s["number"], s["aliases"]) for s in season] == [
        (2, ["The Second Signal", "두 번째 시그널"])
    ]


def test_search_rejects_empty_and_punctuation_queries(run: Run) -> None:
    for query in ("", "   ", "?!..", "x" * 5000):
        result = run("search", query)
        assert result.exit_code == 2, query[:20]
        assert "Traceback" not in result.output


def test_search_keeps_what_matched_at_80_columns(run_shipped: Run) -> None:
    """What matched is the point of search: at 80 columns the command to copy (42 cells for
    The Odd Family: Zombie On Sale) gives way, not Matched, and Kind, which went first, fits
    again beside it; a wider terminal shows them all."""
    out = run_shipped("--no-pager", "search", "zombie", "-n", "5", env={"COLUMNS": "80"}).stdout
    assert out.splitlines()[0].split() == ["#", "Result", "Kind", "Matched"]
    assert "title: Zombie Detective" in out
    assert "Left out at 80 columns: Look up with (" in " ".join(out.split())
    wide = run_shipped("--no-pager", "search", "zombie", "-n", "5", env={"COLUMNS": "132"})
    header = wide.stdout.splitlines()[0].split()
    assert header == ["#", "Result", "Kind", "Matched", "Look", "up", "with"]
    assert "kdrama show zombie-detective" in wide.stdout


def test_search_keeps_the_command_while_matched_keeps_its_words(run_shipped: Run) -> None:
    """A long match ("synopsis: 456, contestants") is not squeezed to a word a line to keep
    the 38-cell command (Kind gives way for it); at 40 columns what matched goes under the
    result rather than away."""
    out = run_shipped("--no-pager", "search", "456 contestants", env={"COLUMNS": "80"}).stdout
    assert out.splitlines()[0].split() == ["#", "Result", "Matched", "Look", "up", "with"]
    assert any("synopsis: 456," in " ".join(line.split()) for line in out.splitlines())
    assert "kdrama show squid-game-the-challenge" in out
    narrow = run_shipped("--no-pager", "search", "456 contestants", env={"COLUMNS": "40"}).stdout
    lines = [line.strip() for line in narrow.splitlines()]
    assert lines[0].split() == ["#", "Result"]
    after = next(n for n, line in enumerate(lines) if line.endswith("Squid Game: The Challenge"))
    assert lines[after + 1] == "synopsis: 456, contestants"
    assert "Matched" not in " ".join(narrow.split()).split("Left out")[1]


def test_a_table_in_a_pipe_says_the_width_that_shows_every_column(run_shipped: Run) -> None:
    """Saved to a file there is no terminal to widen: the note names the COLUMNS that holds
    every column, and that width does. At 80 columns Kind is back beside Matched once the
    command went: the width named shows the command without leaving Kind out again (it
    named 81, where Kind went)."""
    import re

    out = " ".join(run_shipped("search", "zombie", "-n", "5", env={"COLUMNS": "80"}).stdout.split())
    assert "a wider terminal" not in out
    said = re.search(r"Look up with \(COLUMNS=(\d+) shows it; --csv has every column\)", out)
    assert said, out
    enough = run_shipped("search", "zombie", "-n", "5", env={"COLUMNS": said[1]}).stdout
    assert "Kind" in enough.splitlines()[0] and "Look up with" in enough.splitlines()[0]
    assert "kdrama show zombie-detective" in enough
    short = run_shipped("search", "zombie", "-n", "5", env={"COLUMNS": str(int(said[1]) - 1)})
    header = short.stdout.splitlines()[0]
    assert "Kind" not in header or "Look up with" not in header


def test_search_at_80_columns_uses_the_width_it_has(run_shipped: Run) -> None:
    """Kind gives way first, then the command to copy, as README and search --help say; a
    column that went first comes back when the one after it leaves room. At 80 columns
    `search squid game 2` left out both, a 68-column table without the
    `kdrama show squid-game --season 2` README promises for that query."""
    out = run_shipped("search", "squid game 2", env={"COLUMNS": "80"}).stdout
    assert out.splitlines()[0].split() == ["#", "Result", "Matched", "Look", "up", "with"]
    assert "kdrama show squid-game --season 2" in out
    assert "Left out at 80 columns: Kind (" in out
    for query in ("지금 우리", "Joo Dong-geun"):
        page = run_shipped("search", query, env={"COLUMNS": "80"}).stdout
        assert "kdrama show all-of-us-are-dead" in page, query
        assert page.splitlines()[0].split()[-3:] == ["Look", "up", "with"], query
    gone = run_shipped("search", "zombie", "-n", "5", env={"COLUMNS": "80"}).stdout
    assert "Kind" in gone.splitlines()[0]  # back beside Matched once the command went
    assert "Left out at 80 columns: Look up with (" in " ".join(gone.split())


def test_search_never_puts_matched_under_while_another_column_could_go(run_shipped: Run) -> None:
    """Between 80 and 132 columns Matched stays a column whenever Kind or the command is
    shown: a result that wanted more room put what matched under it at 88 to 99 columns, and
    the width a note named for Kind then showed Kind in its place."""
    for query in ("zombie", "Player 456", "squid game 2"):
        for columns in range(80, 133):
            out = run_shipped("search", query, "-n", "6", env={"COLUMNS": str(columns)}).stdout
            header = out.splitlines()[0].split()
            assert "Matched" in header, (query, columns, header)


def test_list_filters_and_json_keys(run: Run) -> None:
    films = as_json(run("list", "--kind", "film", "--json"))
    assert [f["slug"] for f in films] == ["night-train"]
    assert {"slug", "title", "kind", "year"} <= films[0].keys()
    adapted = as_json(run("list", "--adapted-from", "webtoon", "--json"))
    assert [a["slug"] for a in adapted] == ["moonlit-hallway"]
    by_year = as_json(run("list", "--sort", "year", "--json"))
    assert [s["year"] for s in by_year] == [2016, 2021, 2022]
    window = as_json(run("list", "--from", "2017", "--to", "2021", "--json"))
    assert [s["slug"] for s in window] == ["river-of-lanterns"]
    assert run("list", "--limit", "0").exit_code == 2
    assert run("list", "--year", "2020", "--from", "2019").exit_code == 2


def _platforms_dataset(tmp_path: Path) -> Path:
    """The fixture dataset with a channel (KBS2), two spellings of one platform and a
    bracketed variant of it, and a web-novel adaptation."""
    text = MINI.read_text(encoding="utf-8")
    text = text.replace('kind = "webtoon"', 'kind = "web-novel"', 1)
    moonlit, river = (
        text.index(f'slug = "{slug}"') for slug in ("moonlit-hallway", "river-of-lanterns")
    )
    text = (
        text[:moonlit]
        + text[moonlit:river].replace('platform = "Examplenet"', 'platform = "theatrical"')
        + text[river:].replace('platform = "Examplenet"', 'platform = "KBS2"', 1)
    )
    text = text.replace(
        'platform = "Example Pictures"', 'platform = "Theatrical (Lotte Entertainment)"'
    )
    path = tmp_path / "platforms.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _slugs(result: Result) -> list[str]:
    return [row["slug"] for row in as_json(result)]


def test_platform_matches_whole_names_in_any_case(tmp_path: Path) -> None:
    run = _runner(_platforms_dataset(tmp_path))
    assert _slugs(run("list", "--platform", "KBS2", "--json")) == ["river-of-lanterns"]
    assert _slugs(run("list", "--platform", "kbs2", "--json")) == ["river-of-lanterns"]
    # a bracketed variant is that platform; the variant alone is only itself
    both = ["moonlit-hallway", "night-train"]
    assert _slugs(run("list", "--platform", "THEATRICAL", "--json")) == both
    lotte = run("list", "--platform", "theatrical (lotte entertainment)", "--json")
    assert _slugs(lotte) == ["night-train"]
    # a part of a name is no platform: a usage error naming the nearest
    for part in ("a", "KBS", "Lotte"):
        result = run("list", "--platform", part)
        assert result.exit_code == 2, (part, result.output)
        assert f"no title has the platform {part!r}." in flat(result.stderr)
    assert "Did you mean KBS2?" in flat(run("list", "--platform", "KBS").stderr)


@pytest.mark.parametrize(
    ("option", "typed", "meant"),
    [
        ("--platform", "kbs", "KBS2"),
        ("--platform", "Kbs", "KBS2"),
        ("--genre", "THRILER", "thriller"),
        ("--genre", "HOR-RO", "horror"),
    ],
)
def test_did_you_mean_ignores_case_and_spacing_as_the_filter_does(
    tmp_path: Path, option: str, typed: str, meant: str
) -> None:
    """'kbs' was offered nothing while 'KBS' got KBS2: the suggestion is scored on the same
    folded form the filter matches on."""
    run = _runner(_platforms_dataset(tmp_path))
    result = run("list", option, typed)
    assert result.exit_code == 2
    assert f"Did you mean {meant}?" in flat(result.stderr)


def test_values_count_what_the_list_filters_find(tmp_path: Path) -> None:
    data = _platforms_dataset(tmp_path)
    run = _runner(data)
    platforms = {v["value"]: v["titles"] for v in as_json(run("values", "platform", "--json"))}
    assert platforms == {"theatrical": 2, "KBS2": 1, "Theatrical (Lotte Entertainment)": 1}
    kinds = {v["value"]: v["titles"] for v in as_json(run("values", "adapted-from", "--json"))}
    assert kinds == {"novel": 1, "web-novel": 1}
    assert _slugs(run("list", "--adapted-from", "novel", "--json")) == ["moonlit-hallway"]
    page = flat(run("values", "platform").output)
    assert (
        "theatrical counts the titles of Theatrical (Lotte Entertainment) too, as "
        f"{kdrama_on('--data', data)} list --platform theatrical finds them." in page
    )
    novel = flat(run("values", "adapted-from").output)
    listing = f"{kdrama_on('--data', data)} list --adapted-from novel"
    assert f"novel counts the titles of web-novel too, as {listing}" in novel
    assert "counts the titles of" not in flat(run("values", "genre").output)


def test_a_values_note_teaches_the_word_tab_offers(tmp_path: Path) -> None:
    """The note under `values` and TAB give a value the same way, as one shell word:
    Example-Pictures, not 'Example Pictures' quoted (a form completion never offers)."""
    path = tmp_path / "pictures.toml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(
        text.replace('platform = "Examplenet"', 'platform = "Example Pictures (IMAX)"', 1),
        encoding="utf-8",
    )
    page = flat(_runner(path)("values", "platform").output)
    assert (
        "Example Pictures counts the titles of Example Pictures (IMAX) too, as "
        f"{kdrama_on('--data', path)} list --platform Example-Pictures finds them." in page
    )
    offered = _complete(["--data", str(path), "list", "--platform"], "example p")
    assert [word for word, _ in offered] == ["Example-Pictures", "Example-Pictures-IMAX"]


def test_values_count_a_title_under_the_word_list_finds_it_by(run: Run, add_data: AddData) -> None:
    """A layer's 'cinema' and '좀비물' are found by `list --platform Theatrical` and
    `list --genre zombie`, so `values` counts them there, not apart: every count `values`
    gives is the number `list` gives for that value."""
    from tests.made_up import META, film

    def made(slug: str, platform: str, genre: str) -> str:
        text = film(slug).replace("Example Pictures", platform)
        return text.replace('["drama"]', f'["{genre}"]')

    layer = add_data(
        META
        + made("reel-days", "Theatrical", "zombie")
        + made("dead-days", "cinema", "좀비물")
        + made("far-days", "Cinema", "sci-fi"),
        "words.toml",
    )
    for facet in ("platform", "genre"):
        counts = {v["value"]: v["titles"] for v in as_json(run(*layer, "values", facet, "--json"))}
        for value, titles in counts.items():
            assert len(as_json(run(*layer, "list", f"--{facet}", value, "--json"))) == titles
        if facet == "platform":
            assert counts["Theatrical"] == 3 and "cinema" not in counts
        else:
            assert counts["zombie"] == 2 and "좀비물" not in counts and "sci-fi" not in counts


@pytest.mark.parametrize("facet", ["platform", "adapted-from", "genre"])
def test_every_value_count_is_what_list_gives_on_shipped_data(run_shipped: Run, facet: str) -> None:
    counts = {v["value"]: v["titles"] for v in as_json(run_shipped("values", facet, "--json"))}
    assert counts
    for value, titles in counts.items():
        assert len(as_json(run_shipped("list", f"--{facet}", value, "--json"))) == titles, value


def test_year_filters_count_the_titles_of_unknown_year_they_leave_out(run_shipped: Run) -> None:
    rows = as_json(run_shipped("list", "--json"))
    undated = [r for r in rows if r["year"] is None]
    undated_films = [r for r in undated if r["kind"] == "film"]
    assert undated and undated_films
    note = r"([\d,]+) titles of unknown year left out \(no source in the catalogue dates them\)\."
    out_by = r"Also left out: (\d+) titles? whose first week in Netflix's Top 10 shows only"

    def left_out(text: str) -> int:
        counts = [re.search(pattern, text) for pattern in (note, out_by)]
        return sum(int(found[1].replace(",", "")) for found in counts if found)

    for options, undated_rows in [
        (["--from", "2020"], undated),
        (["--to", "2019", "--kind", "film"], undated_films),
        (["--to", "2023", "--limit", "2"], undated),
    ]:
        page = flat(run_shipped("list", *options).output)
        assert left_out(page) == len(undated_rows), options
    assert "unknown year" not in flat(run_shipped("list", "--kind", "film").output)
    # nothing found: the stderr line says so too
    empty = run_shipped("list", "--year", "1950", "--kind", "film")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert flat(empty.stderr).startswith("No title matches those filters. ")
    assert left_out(flat(empty.stderr)) == len(undated_films)
    # the machine outputs stay rows only; stderr says what the page says under the table
    machine = run_shipped("list", "--year", "2023", "--json")
    assert "unknown year" not in machine.stdout and "unknown year left out" in machine.stderr
    assert all(r["year"] == 2023 for r in as_json(machine))
    assert "A title of unknown year is left out" in flat(run_shipped("list", "--help").output)


def test_genre_and_platform_filters_count_netflix_records_they_cannot_match(
    run_shipped: Run,
) -> None:
    """`list --platform Netflix` gave a tenth of the catalogue and said nothing of the titles
    held only as Netflix's record, which name no platform or genre and so never match."""
    rows = as_json(run_shipped("list", "--completeness", "netflix-only", "--json"))
    records = len([r for r in rows if not r["platforms"]])
    assert records > 1000
    said = rf"{records:,} titles held only as Netflix's record left out: Netflix's files name"
    page = flat(run_shipped("list", "--platform", "Netflix").output)
    assert f"{said} no platform (kdrama list --completeness netflix-only lists them)." in page
    genre = flat(run_shipped("list", "--genre", "zombie", "--kind", "series").output)
    series = len([r for r in rows if r["kind"] == "series"])
    assert f"{series:,} titles held only as Netflix's record left out" in genre
    assert "no genre (" in genre
    empty = run_shipped("list", "--completeness", "netflix-only", "--genre", "thriller")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert f"{said} no genre (" in flat(empty.stderr)
    assert "held only as Netflix's record" not in flat(run_shipped("list", "--kind", "film").output)
    sheet = run_shipped("list", "--platform", "Netflix", "--csv")
    assert "Netflix's record" not in sheet.stdout and f"{said} no platform" in flat(sheet.stderr)
    values = flat(run_shipped("values", "platform").output)
    assert f"{records:,} titles held only as Netflix's record counted in no row" in values
    assert "Netflix's record" not in flat(run_shipped("values", "kind").output)


def test_a_title_out_by_a_top10_week_is_not_said_to_be_dated_by_no_source(
    run_shipped: Run,
) -> None:
    """Teach You a Lesson's page says "released by 2026-06-07" from Netflix's Top 10: `list
    --year 2026` names it apart from the titles no source dates, and says why it is left out (a
    first week in the Top 10 bounds the year from above only)."""
    header = flat(run_shipped("show", "teach-you-a-lesson").output)
    assert "released by 2026-06-07 (first week in Netflix's Top 10)" in header
    page = flat(run_shipped("list", "--year", "2026").output)
    assert "Teach You a Lesson by 2026-06-07" in page
    assert "The WONDERfools by 2026-05-17" in page
    assert "shows only that they were out by then, not since when" in page
    assert "If Wishes Could Kill by 2026-04-26" in page
    # out by a 2021 week: it cannot have come out in 2023, so it is not left out for want of a
    # year, and a title out by a 2026 week may have been
    later = flat(run_shipped("list", "--kind", "film", "--from", "2023").output)
    assert "Space Adventure" not in later and "Also left out" not in later
    earlier = flat(run_shipped("list", "--kind", "film", "--to", "2023").output)
    assert "Also left out: 1 title whose first week" in earlier
    assert "(Pinkfong & Baby Shark's Space Adventure by 2021-09-05)." in earlier


WRITER_ONLY = """
[meta]
schema = 1

[[citations]]
id = "writer-press"
url = "https://example.com/press/quiet-pier"
title = "Quiet Pier cast and writer announced"
publisher = "Example Press"

[[shows]]
slug = "quiet-pier"
title = "Quiet Pier"
kind = "film"
platform = "Example Pictures"
genres = ["drama"]
synopsis = "A test film."
release_date = 2024-05-01
writers = ["oh-taeyang"]
sources = ["writer-press"]
cast_sources = ["writer-press"]

[[shows.cast]]
person = "han-ji-won"
character = "Keeper"
role = "main"

[[shows.facts]]
text = "The writer's first film."
sources = ["writer-press"]
"""


def test_full_means_a_director_or_creator_and_the_help_and_the_check_say_so(
    run: Run, add_data: AddData
) -> None:
    """A full entry names a director or a creator (the depth target: "directors and writers
    (or creators)"); a writer alone leaves it partial. `list --help` said only "crew", which
    data/README.md uses for writers too, so both say which crew counts, and a layer's check
    names what its partial title lacks."""
    layer = add_data(WRITER_ONLY)
    assert "quiet-pier" in _slugs(run(*layer, "list", "--completeness", "partial", "--json"))
    assert "quiet-pier" not in _slugs(run(*layer, "list", "--completeness", "full", "--json"))
    directed = add_data(WRITER_ONLY.replace("writers = ", "directors = "), "directed.toml")
    assert "quiet-pier" in _slugs(run(*directed, "list", "--completeness", "full", "--json"))
    helped = flat(run("list", "--help").stdout)
    assert "full: cast, a director or creator, synopsis and facts (a writer alone is not" in helped
    assert "--completeness full # cast, director or creator, synopsis" in helped
    said = flat(run(*layer, "data", "check", layer[1]).stdout)
    assert "quiet-pier (no director or creator) is partial: list --completeness full" in said


def test_choice_filters_ignore_case_as_genre_and_platform_do(run: Run) -> None:
    assert _slugs(run("list", "--kind", "Film", "--json")) == ["night-train"]
    assert _slugs(run("list", "--adapted-from", "WEBTOON", "--json")) == ["moonlit-hallway"]
    full = _slugs(run("list", "--completeness", "Full", "--json"))
    assert full == _slugs(run("list", "--completeness", "full", "--json")) and full
    board = as_json(run("top", "-m", "hours-28", "--kind", "SERIES", "--json"))
    assert [e["show"] for e in board["entries"]] == ["river-of-lanterns", "moonlit-hallway"]
    assert as_json(run("top", "-m", "hours-28", "--kind", "Film", "--json"))["entries"] == []
    wrong = run("list", "--kind", "Flim")
    assert wrong.exit_code == 2 and "'Flim' is not one of" in wrong.stderr


def test_choice_options_ignore_hyphens_and_suggest_the_nearest(run: Run) -> None:
    """`top --metric hours28` is hours-28, as the filters ignore punctuation; a value that is
    none of them is a usage error that suggests the nearest ("Did you mean hours-28 …?")."""
    asked = as_json(run("top", "--metric", "hours28", "--json"))
    assert asked == as_json(run("top", "--metric", "hours-28", "--json"))
    assert as_json(run("top", "--metric", "Best_Week", "--json"))["metric"] == "best-week"
    wrong = run("top", "--metric", "hours82")
    assert wrong.exit_code == 2
    message = " ".join(wrong.stderr.split())
    assert "'hours82' is not one of 'hours-28'," in message
    assert message.endswith("Did you mean hours-28 or hours-91?")
    mistyped = run("cast", "--role", "mian")
    assert mistyped.exit_code == 2 and "Did you mean main?" in mistyped.stderr


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--genre", "", "must not be empty"),
        ("--genre", "   ", "must not be empty"),
        ("--platform", " - ", "needs at least one letter or digit"),
    ],
)
def test_an_empty_genre_or_platform_is_a_usage_error_not_the_whole_list(
    run: Run, option: str, value: str, said: str
) -> None:
    """`--genre "$GENRE"` with the variable unset filtered nothing and listed every title."""
    result = run("list", option, value, "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Invalid value for '{option}': {said}" in result.stderr
    spaced = _slugs(run("list", "--genre", "  horror  ", "--json"))
    assert spaced == _slugs(run("list", "--genre", "horror", "--json")) and spaced


def test_other_words_for_a_genre_find_it_in_english_and_korean(run_shipped: Run) -> None:
    """'sci-fi', 'SF', '좀비' and '좀비물' find the titles of "science fiction" and "zombie";
    search finds a title by such a word too; a word for no genre is still a usage error."""
    science = _slugs(run_shipped("list", "--genre", "science fiction", "--json"))
    assert "jung-e" in science
    for word in ("sci-fi", "SF", "과학 소설"):
        assert _slugs(run_shipped("list", "--genre", word, "--json")) == science, word
    zombie = _slugs(run_shipped("list", "--genre", "zombie", "--json"))
    assert "all-of-us-are-dead" in zombie
    assert _slugs(run_shipped("list", "--genre", "좀비", "--json")) == zombie
    assert _slugs(run_shipped("list", "--genre", "좀비물", "--json")) == zombie
    historical = _slugs(run_shipped("list", "--genre", "historical", "--json"))
    for word in ("사극", "sageuk", "Sageuk", "historical drama"):
        assert _slugs(run_shipped("list", "--genre", word, "--json")) == historical, word
    sageuk = {r["target"] for r in as_json(run_shipped("search", "sageuk", "--json"))}
    assert sageuk and sageuk <= set(historical)
    found = as_json(run_shipped("search", "sci-fi", "--json"))
    assert "jung-e" in {r["target"] for r in found}
    wrong = run_shipped("list", "--genre", "좀비좀비")
    assert wrong.exit_code == 2 and "no title has the genre '좀비좀비'" in wrong.stderr


def test_a_romantic_comedy_is_also_a_title_tagged_romance_and_comedy(run_shipped: Run) -> None:
    """The README's `--genre rom-com` found the 8 titles tagged "romantic comedy" and none of
    the 36 tagged "romance" and "comedy": not Crash Landing on You or Queen of Tears. Such a
    title is a romantic comedy to the filter and to `values`, which counts what `list` finds."""
    found = _slugs(run_shipped("list", "--genre", "rom-com", "--json"))
    assert {"crash-landing-on-you", "queen-of-tears", "business-proposal"} <= set(found)
    assert _slugs(run_shipped("list", "--genre", "로코", "--json")) == found
    assert "all-of-us-are-dead" not in found  # neither tag
    romance = set(_slugs(run_shipped("list", "--genre", "romance", "--json")))
    comedy = set(_slugs(run_shipped("list", "--genre", "comedy", "--json")))
    assert romance & comedy <= set(found)
    counted = dict(
        (row["value"], row["titles"]) for row in as_json(run_shipped("values", "genre", "--json"))
    )
    assert counted["romantic comedy"] == len(found)
    said = " ".join(run_shipped("--no-pager", "values", "genre").stdout.split())
    assert "romantic comedy counts the titles tagged both romance and comedy too" in said
    # search finds them too, saying by which tags
    searched = as_json(run_shipped("search", "rom-com", "--json"))
    assert {r["target"] for r in searched if r["matched"].startswith("genre:")} == set(found)
    cloy = next(r for r in searched if r["target"] == "crash-landing-on-you")
    assert cloy["matched"] == "genre: romance and comedy"
    # a title's own genres, on its page, stay as the dataset tags them
    page = as_json(run_shipped("show", "crash-landing-on-you", "--json"))
    assert {"romance", "comedy"} <= set(page["genres"])
    assert "romantic comedy" not in page["genres"]


def test_korean_and_other_names_of_a_platform_find_it(run_shipped: Run) -> None:
    netflix = _slugs(run_shipped("list", "--platform", "Netflix", "--json"))
    assert _slugs(run_shipped("list", "--platform", "넷플릭스", "--json")) == netflix
    cinemas = _slugs(run_shipped("list", "--platform", "Theatrical", "--json"))
    for word in ("cinema", "극장"):
        assert _slugs(run_shipped("list", "--platform", word, "--json")) == cinemas, word
    kbs2 = _slugs(run_shipped("list", "--platform", "KBS2", "--json"))
    assert kbs2 and _slugs(run_shipped("list", "--platform", "KBS 2TV", "--json")) == kbs2
    assert run_shipped("list", "--platform", "KBS").exit_code == 2  # still not KBS2


@pytest.mark.parametrize(
    ("korean", "english"),
    [("티비엔", "tvN"), ("제이티비씨", "JTBC"), ("에스비에스", "SBS"), ("이엔에이", "ENA")],
)
def test_the_korean_name_of_a_broadcaster_finds_it(
    run_shipped: Run, korean: str, english: str
) -> None:
    """`--platform 티비엔` was "no title has the platform '티비엔'" while 넷플릭스 worked."""
    found = _slugs(run_shipped("list", "--platform", english, "--json"))
    assert found and _slugs(run_shipped("list", "--platform", korean, "--json")) == found


def test_a_korean_platform_no_title_has_lists_the_korean_names_it_takes(run_shipped: Run) -> None:
    result = run_shipped("list", "--platform", "넷플릭")
    assert result.exit_code == 2 and result.stdout == ""
    said = " ".join(result.stderr.split())
    assert (
        "no title has the platform '넷플릭'. Did you mean Netflix? Korean names it takes:" in said
    )
    assert "넷플릭스 (Netflix), 티비엔 (tvN), 제이티비씨 (JTBC), and 13 others. All of" in said
    assert "티브이엔" not in said  # one Korean name for each platform
    # the names of the values it is nearest first, and three only (sixteen were ~600 characters)
    nearest = " ".join(run_shipped("list", "--platform", "티비씨").stderr.split())
    assert (
        "Did you mean JTBC, tvN or MBC? Korean names it takes: 제이티비씨 (JTBC), 티비엔 (tvN), "
        "엠비씨 (MBC), and 13 others. All of them: kdrama values platform" in nearest
    )
    assert "넷플릭스" not in nearest and len(nearest) < 250
    assert json_error(run_shipped("list", "--platform", "넷플릭", "--json"))["suggestions"] == [
        "Netflix"
    ]
    english = " ".join(run_shipped("list", "--platform", "netflx").stderr.split())
    assert "Did you mean Netflix?" in english and "Korean names" not in english
    helped = " ".join(run_shipped("list", "--help").stdout.split())
    assert "A Korean name no title has is answered with the nearest Korean names taken" in helped


@pytest.mark.parametrize(
    ("korean", "kind"),
    [("웹툰", "webtoon"), ("웹소설", "web-novel"), ("소설", "novel"), ("web novel", "web-novel")],
)
def test_the_korean_word_for_a_kind_of_source_work_finds_it(
    run_shipped: Run, korean: str, kind: str
) -> None:
    """`--adapted-from 웹툰` was "'웹툰' is not one of 'any', 'webtoon', …"."""
    found = _slugs(run_shipped("list", "--adapted-from", kind, "--json"))
    assert found and _slugs(run_shipped("list", "--adapted-from", korean, "--json")) == found


def test_the_korean_words_for_kinds_of_source_work_are_listed_and_complete(
    run_shipped: Run,
) -> None:
    helped = " ".join(run_shipped("list", "--help").stdout.split())
    assert "or its Korean word (웹툰 is webtoon)" in helped
    missed = " ".join(run_shipped("list", "--adapted-from", "웹툰원작").stderr.split())
    assert (
        "Did you mean webtoon? Korean words it takes: 웹툰 (webtoon), 웹소설 (web-novel)," in missed
    )
    assert "web novel (web-novel)" not in missed  # the Korean words only
    english = " ".join(run_shipped("list", "--adapted-from", "webtooon").stderr.split())
    assert "Did you mean webtoon?" in english and "Korean words" not in english
    assert ("웹툰", "webtoon") in _complete(["list", "--adapted-from"], "웹")
    for facet, accented in (("--adapted-from", "wébtoon"), ("--kind", "fílm")):
        latin = " ".join(run_shipped("list", facet, accented).stderr.split())
        assert "Did you mean" in latin and "Korean words" not in latin  # Latin, not Hangul


def test_a_one_letter_typo_of_a_korean_word_gets_a_did_you_mean(run_shipped: Run) -> None:
    """`--adapted-from 웹퉅` (웹툰 with its last letter wrong) was near no value: one syllable
    of two is half the word, so the words are compared letter by letter."""
    missed = " ".join(run_shipped("list", "--adapted-from", "웹퉅").stderr.split())
    assert "'웹퉅' is not one of" in missed
    assert "Did you mean webtoon? Korean words it takes: 웹툰 (webtoon)," in missed
    error = json_error(run_shipped("list", "--adapted-from", "웹퉅", "--json"))
    assert error["suggestions"] == ["webtoon"]
    novel = json_error(run_shipped("list", "--adapted-from", "웹소셜", "--json"))
    assert novel["suggestions"][0] == "web-novel"


def test_data_check_warns_about_another_word_for_a_genre(run: Run, add_data: AddData) -> None:
    from tests.made_up import META, film

    layer = add_data(META + film("robot-days").replace('["drama"]', '["sci-fi"]'), "g.toml")
    check = run(*layer, "data", "check")
    assert "shows[robot-days].genres: 'sci-fi'; the catalogue calls this genre 'science " in (
        flat(check.output)
    )
    assert run(*layer, "data", "check", "--strict").exit_code != 0
    assert _slugs(run(*layer, "list", "--genre", "science fiction", "--json")) == ["robot-days"]
    cinema = add_data(META + film("reel-days").replace("Example Pictures", "Cinema"), "p.toml")
    assert "shows[reel-days].platform: 'Cinema'; the catalogue calls this platform " in flat(
        run(*cinema, "data", "check").output
    )


def test_data_check_warns_about_every_word_list_takes_for_another(
    run: Run, add_data: AddData
) -> None:
    """'좀비물' ("zombie stories") is found by `list --genre zombie`, so data check warns about it
    as it does about 'sci-fi': the warning and the filter ask the same rule."""
    from tests.made_up import META, film

    layer = add_data(META + film("dead-days").replace('["drama"]', '["좀비물"]'), "z.toml")
    assert _slugs(run(*layer, "list", "--genre", "zombie", "--json")) == ["dead-days"]
    assert "shows[dead-days].genres: '좀비물'; the catalogue calls this genre 'zombie'" in flat(
        run(*layer, "data", "check").output
    )


def test_list_sorted_by_top10_hours_on_shipped_data(run_shipped: Run) -> None:
    rows = as_json(run_shipped("list", "--sort", "hours", "--limit", "3", "--json"))
    assert rows[0]["slug"] == "squid-game"
    hours = [r["top10_hours"] for r in rows]
    assert hours == sorted(hours, reverse=True)


VIEWS_FROM = "2023-06-18"  # answers.charts.WEEKLY_VIEWS_FROM, as the pages print it


def _charted_before_views(run_shipped: Run, slug: str) -> set[int | None]:
    """The seasons of ``slug`` with a week in the Top 10 before Netflix published views."""
    weeks = as_json(run_shipped("chart", slug, "--json"))[0]["weeks"]
    return {w["season"] for w in weeks if w["week"] < VIEWS_FROM}


def test_list_by_views_sets_the_titles_charted_before_views_apart(run_shipped: Run) -> None:
    """Netflix's weekly lists give views only from 2023-06-18: The Glory (every week before)
    was sorted among the titles never in the Top 10 with "—", and the footnote called the
    window "the same for every title". Such titles are now marked, counted, and listed after
    the titles whose every week has views, before those never in the Top 10."""
    rows = as_json(run_shipped("list", "--sort", "views", "--json"))
    assert _charted_before_views(run_shipped, "the-glory")
    assert not _charted_before_views(run_shipped, "the-great-flood")
    place = {row["slug"]: n for n, row in enumerate(rows)}
    never = min(n for n, row in enumerate(rows) if row["top10_hours"] is None)
    assert place["the-great-flood"] < place["squid-game"] < place["the-glory"] < never
    glory = rows[place["the-glory"]]
    assert glory["top10_views"] is None and glory["top10_hours"] is not None
    page = run_shipped("--no-pager", "list", "--sort", "views").stdout
    marked = [line.split()[0] for line in page.splitlines() if line.rstrip().endswith("†")]
    row = next(line for line in page.splitlines() if line.startswith("The Glory "))
    assert row.rstrip().endswith("unpublished†")
    squid = next(line for line in page.splitlines() if line.startswith("Squid Game "))
    assert re.search(r"\d[\d.]*[KMB]?†$", squid.rstrip())  # a partial sum, marked
    said = " ".join(page.split())
    assert "the same window for every title" not in said
    assert (
        f"Netflix published weekly views only from the week ending {VIEWS_FROM}: † marks the "
        f"{len(marked)} titles in the Top 10 before then, whose figure leaves those weeks out"
    ) in said
    flood = next(line for line in page.splitlines() if line.startswith("The Great Flood "))
    assert not flood.rstrip().endswith("†")
    hours = " ".join(run_shipped("--no-pager", "list", "--sort", "hours", "-n", "2").stdout.split())
    assert "the same window" not in hours and "views only" not in hours
    assert "the weeks ending 2021-07-04 (when the lists begin) to 2026-07-19." in hours


def test_list_json_and_csv_mark_a_partial_top10_views(run_shipped: Run) -> None:
    """The page marks with † the titles whose summed views leave out weeks before views were
    published; --json and --csv carried only the sum, so Squid Game's looked as complete as
    The Great Flood's. top10_views_partial says which, in every listing: sorted by views, the
    whole catalogue as the index stores it, and filtered."""
    rows = as_json(run_shipped("list", "--sort", "views", "--json"))
    partial = {row["slug"]: row["top10_views_partial"] for row in rows}
    assert partial["squid-game"] is True and partial["the-glory"] is True
    assert partial["the-great-flood"] is False
    never = next(row for row in rows if row["top10_hours"] is None and row["top10_views"] is None)
    assert partial[never["slug"]] is None
    assert _charted_before_views(run_shipped, "squid-game") == {1}
    page = run_shipped("--no-pager", "list", "--sort", "views").stdout
    marked = [line for line in page.splitlines() if line.rstrip().endswith("†")]
    assert len(marked) == sum(1 for value in partial.values() if value)
    stored = as_json(run_shipped("list", "--json"))  # the index's stored listing
    assert {row["slug"]: row["top10_views_partial"] for row in stored} == partial
    series = as_json(run_shipped("list", "--kind", "series", "--json"))
    assert all(row["top10_views_partial"] == partial[row["slug"]] for row in series)
    sheet = list(csv.reader(io.StringIO(run_shipped("list", "--sort", "views", "--csv").stdout)))
    column = sheet[0].index("top10_views_partial")
    cells = {row[0]: row[column] for row in sheet[1:]}
    assert (cells["squid-game"], cells["the-great-flood"], cells[never["slug"]]) == (
        "true",
        "false",
        "",
    )


def test_list_sums_say_the_week_they_run_to(run_shipped: Run, run: Run) -> None:
    """Teach You a Lesson was still in the Top 10 in the catalogue's last week, 2026-07-19:
    its summed hours are a running total, and neither the footnote nor --json and --csv said
    as of when. The footnote names the week, and every row carries it as top10_to, in each
    listing: sorted, the whole catalogue as the index stores it, and of another dataset."""
    for sort in ("hours", "views"):
        page = run_shipped("--no-pager", "list", "--sort", sort, "-n", "3").stdout
        assert (
            f"* {sort} summed over the weeks a title spent in Netflix's weekly global Top 10 "
            "(all seasons), not its total viewing: the weeks ending 2021-07-04 (when the lists "
            "begin) to 2026-07-19."
        ) in " ".join(page.split())
        rows = as_json(run_shipped("list", "--sort", sort, "--json"))
        assert {row["top10_to"] for row in rows} == {"2026-07-19"}
        lesson = next(row for row in rows if row["slug"] == "teach-you-a-lesson")
        assert lesson["top10_hours"]
        sheet = list(
            csv.DictReader(io.StringIO(run_shipped("list", "--sort", sort, "--csv").stdout))
        )
        assert {row["top10_to"] for row in sheet} == {"2026-07-19"}
    chart = as_json(run_shipped("chart", "teach-you-a-lesson", "--json"))[0]["weeks"]
    assert chart[-1]["week"] == "2026-07-19"  # still charting: the sum grows after it
    stored = as_json(run_shipped("list", "--json"))  # the index's stored listing
    assert {row["top10_to"] for row in stored} == {"2026-07-19"}
    # a dataset with no weekly figure has no week to give
    assert {row["top10_to"] for row in as_json(run("list", "--sort", "hours", "--json"))} == {None}
    said = " ".join(run("list", "--sort", "hours").stdout.split())
    assert "Top 10 (all seasons), not its total viewing: the lists, which begin with" in said


def _best_hours_week(run_shipped: Run, slug: str, season: int | None) -> str:
    """The week of ``slug``'s season with the most hours in the Top 10, as chart gives it."""
    weeks = as_json(run_shipped("chart", slug, "--json"))[0]["weeks"]
    best = max((w for w in weeks if w["season"] == season), key=lambda w: w["hours"])
    return str(best["week"])


def test_best_week_views_leaves_out_seasons_whose_best_week_is_before_views(
    run_shipped: Run,
) -> None:
    """Squid Game S1's best week was in 2021, when Netflix gave hours only: the board ranked it
    by a 2025 re-run week. Such a season is left off the board and named. A week's views are
    its hours divided by the season's runtime, so a season whose best week by hours is in or
    after the week ending 2023-06-18 has its best week's views, though it charted before:
    Bloodhounds S1 (28M hours in its first week, 65.9M, 8.1M views, in its second) and True
    Beauty (2023-02 and 2023-12) were left out saying their views were not known."""
    assert 1 in _charted_before_views(run_shipped, "squid-game")
    assert 2 not in _charted_before_views(run_shipped, "squid-game")
    assert 1 in _charted_before_views(run_shipped, "bloodhounds")
    board = as_json(run_shipped("top", "--metric", "best-week-views", "--limit", "300", "--json"))
    ranked = {(e["slug"], e["season"]): e for e in board["entries"]}
    left = {(e["slug"], e["season"]) for e in board["before_views"]}
    assert ("squid-game", 1) in left and ("squid-game", 1) not in ranked
    assert ("squid-game", 2) in ranked
    bloodhounds = ranked[("bloodhounds", 1)]
    assert (bloodhounds["value"], bloodhounds["window"]) == (8100000, f"week:{VIEWS_FROM}")
    assert ("true-beauty", 1) in ranked and ("bloodhounds", 1) not in left
    assert all(e["window"][5:] >= VIEWS_FROM for e in board["entries"])
    for slug, season in left:
        assert _best_hours_week(run_shipped, slug, season) < VIEWS_FROM
    for slug, season in ranked:
        if season in _charted_before_views(run_shipped, slug):
            assert _best_hours_week(run_shipped, slug, season) >= VIEWS_FROM
    page = " ".join(run_shipped("--no-pager", "top", "--metric", "best-week-views").stdout.split())
    assert (
        f"Weeks ending {VIEWS_FROM} and later only: Netflix published no weekly views before."
    ) in page
    assert (
        f"Left out: {len(left)} whose best week by hours was before {VIEWS_FROM}, when Netflix "
        "published no weekly views (Squid Game S1, "
    ) in page
    assert "Bloodhounds S1" in page and "True Beauty" not in page.split("Left out")[1]
    assert "--metric best-week ranks every week by hours." in page
    hours = " ".join(run_shipped("--no-pager", "top", "--metric", "best-week").stdout.split())
    assert "1 Squid Game S1" in hours and "Left out" not in hours  # the hours board keeps it
    sheet = run_shipped("top", "--metric", "best-week-views", "--csv")
    assert "Squid Game S1" in sheet.stderr and ",squid-game,Squid Game,1," not in sheet.stdout
    assert "Bloodhounds" not in sheet.stderr


def test_a_top_printed_in_blocks_leaves_no_column_out(run: Run) -> None:
    """Each field of a block has its own line, so the width no longer limits how many fit:
    the As of a table at that width leaves out is in every block, and no note says it is not."""
    out = run("top", "-m", "hours-28", env={"COLUMNS": "22"}).stdout
    assert "1  River of Lanterns\n  Figure: 1.65B hours\n  As of: 2021-10-15\n" in out
    assert "Left out" not in out


def test_top_compares_one_window_only(run: Run) -> None:
    board = as_json(run("top", "--metric", "hours-28", "--json"))
    assert [(e["show"], e["value"]) for e in board["entries"]] == [
        ("river-of-lanterns", 1650450000),
        ("moonlit-hallway", 560780000),
    ]
    assert {e["window"] for e in board["entries"]} == {"first-28-days"}
    text = run("top", "--metric", "hours-28").output
    assert "█" in text and "1.65B hours" in text


def test_top_on_shipped_data_is_led_by_squid_game(run_shipped: Run) -> None:
    board = as_json(run_shipped("top", "--metric", "views-91", "--json"))
    assert board["entries"][0]["show"] == "squid-game"
    assert board["entries"][0]["season"] == 1


def test_top_gives_tied_titles_one_rank_as_seen_people_does(run_shipped: Run) -> None:
    """Competition ranking (1, 2, 2, 4): Alchemy of Souls and Extraordinary Attorney Woo, 21
    weeks each, were #2 and #3."""
    entries = as_json(run_shipped("top", "--metric", "weeks", "--limit", "20", "--json"))["entries"]
    values = [e["value"] for e in entries]
    assert len(set(values)) < len(values)  # the board has ties to rank
    assert [e["rank"] for e in entries] == [
        1 + sum(v > e["value"] for v in values) for e in entries
    ]
    sheet = run_shipped("top", "--metric", "weeks", "--limit", "20", "--csv").stdout
    ranks = [int(row.split(",")[0]) for row in sheet.splitlines()[1:]]
    assert ranks == [e["rank"] for e in entries]
    text = run_shipped("--no-pager", "top", "--metric", "weeks", "--limit", "20").stdout
    shown = [int(found[1]) for found in re.finditer(r"^ ?(\d+)   ", text, re.MULTILINE)]
    assert shown == ranks


def test_top10_boards_mark_seasons_out_before_the_lists_begin(run_shipped: Run) -> None:
    """Netflix's weekly lists begin with the week ending 2021-07-04: Sweet Home S1 (2020) has
    one week in them, a re-run in 2023, and Mr. Queen (2020) was ranked beside titles whose
    every week is counted, with no word. Such a season is marked ‡, a footnote says why,
    and --json and --csv say it; its window names both ends."""
    args = ("top", "--metric", "weeks", "--limit", "200")
    text = run_shipped("--no-pager", *args).stdout
    row = next(line for line in text.splitlines() if " Sweet Home S1 " in line)
    assert "1 week‡" in row
    assert re.search(r" Squid Game S1 +32 weeks ", text)  # out since: unmarked, aligned
    assert (
        "‡ came out before Netflix's weekly Top 10 lists begin with the week ending 2021-07-04, "
        "and earlier weeks are not published: the figure leaves them out."
    ) in flat(text)
    entries = as_json(run_shipped(*args, "--json"))["entries"]
    marked = {(e["slug"], e["season"]) for e in entries if e["before_top10"]}
    assert {("sweet-home", 1), ("mr-queen", 1), ("true-beauty", 1)} <= marked
    assert ("sweet-home", 2) not in marked and ("squid-game", 1) not in marked
    assert {e["window_label"] for e in entries} == {"weeks ending 2021-07-04 to 2026-07-19"}
    rows = list(csv.DictReader(io.StringIO(run_shipped(*args, "--csv").stdout)))
    assert {(r["slug"], r["season"]) for r in rows if r["before_top10"] == "true"} == {
        (slug, str(season)) for slug, season in marked
    }
    best = run_shipped("--no-pager", "top", "--metric", "best-week", "--limit", "200").stdout
    assert "63.5M hours‡" in next(line for line in best.splitlines() if "True Beauty" in line)
    # a board of a fixed window from release marks nothing
    assert "‡" not in run_shipped("--no-pager", "top", "--metric", "views-91").stdout


def test_before_top10_of_one_week_answers_two_questions_as_output_md_says(
    run_shipped: Run,
) -> None:
    """One figure read two ways: True Beauty's week ending 2023-12-17 is whole, so `show`
    flags it false, while the best-week board, which ranks it as the season's best week though
    its weeks before 2021-07-04 are not published, flags the row true. docs/output.md ("Names")
    says both are right, and of a running total the two agree."""
    week = {"metric": "hours-viewed", "window": "week:2023-12-17", "season": 1}
    stats = as_json(run_shipped("show", "true-beauty", "--json"))["stats"]
    [shown] = [s for s in stats if week.items() <= s.items()]
    board = as_json(run_shipped("top", "--metric", "best-week", "--json"))["entries"]
    [ranked] = [e for e in board if e["slug"] == "true-beauty"]
    assert week.items() <= ranked.items() and shown["value"] == ranked["value"] == 63500000
    assert (shown["before_top10"], ranked["before_top10"]) == (False, True)
    [total] = [s for s in stats if s["metric"] == "weeks-in-top10"]
    weeks = as_json(run_shipped("top", "--metric", "weeks", "--json"))["entries"]
    [counted] = [e for e in weeks if e["slug"] == "true-beauty"]
    assert total["before_top10"] is counted["before_top10"] is True


def test_best_week_boards_say_which_weeks_were_cut_short_by_a_release(run_shipped: Run) -> None:
    """Squid Game S2's 487.6M hours (out on a Thursday) and S3's 368.4M (a Friday) were ranked
    as best single weeks with nothing saying they are of 4 and 3 days, which `show` labels
    "first 4 days". The board says so under each such figure, a footnote says why, and --json
    and --csv give the days."""
    text = run_shipped("--no-pager", "top", "--metric", "best-week", "--limit", "4").stdout
    lines = text.splitlines()
    s2 = next(n for n, line in enumerate(lines) if " Squid Game S2 " in line)
    assert "487.6M hours" in lines[s2] and lines[s2 + 1].strip() == "first 4 days"
    s3 = next(n for n, line in enumerate(lines) if " Squid Game S3 " in line)
    assert "368.4M hours" in lines[s3] and lines[s3 + 1].strip() == "first 3 days"
    s1 = next(n for n, line in enumerate(lines) if " Squid Game S1 " in line)
    assert "first" not in lines[s1 + 1]  # a whole week
    assert (
        "first N days: the season came out on Netflix during that week, its first in the list, "
        "so the figure is of those days, not a whole week."
    ) in flat(text)
    shown = {
        (e["slug"], e["season"]): e["partial_days"]
        for e in as_json(run_shipped("top", "--metric", "best-week", "--json"))["entries"]
    }
    assert shown[("squid-game", 1)] is None
    assert (shown[("squid-game", 2)], shown[("squid-game", 3)]) == (4, 3)
    show = as_json(run_shipped("show", "squid-game", "--json"))["stats"]
    assert {
        (s["season"], s["window_label"])
        for s in show
        if s["window"].startswith("first-") and s["value"] in (487600000, 368400000)
    } == {(2, "first 4 days"), (3, "first 3 days")}  # the days `show` labels them with
    sheet = run_shipped("top", "--metric", "best-week-views", "--csv").stdout
    rows = {(r["slug"], r["season"]): r for r in csv.DictReader(io.StringIO(sheet))}
    assert rows[("squid-game", "2")]["partial_days"] == "4"
    assert rows[("teach-you-a-lesson", "1")]["partial_days"] == ""
    weeks = as_json(run_shipped("top", "--metric", "weeks", "--json"))["entries"]
    assert all(e["partial_days"] is None for e in weeks)
    assert "first N days" not in run_shipped("--no-pager", "top", "--metric", "weeks").stdout


def test_a_best_week_board_of_films_says_the_film_came_out_that_week(run_shipped: Run) -> None:
    """The films board's Carter, 27.3M hours in its first 3 days, had a footnote saying the
    season came out during that week: a film has no season. The footnote names what its cut
    rows came out as: a film, a special beside them, a season on a TV board."""
    page = run_shipped("--no-pager", "top", "--metric", "best-week", "--list", "films")
    assert page.exit_code == 0
    text = flat(page.stdout)
    assert "Carter 27.3M hours" in text and "first 3 days" in text
    assert "first N days: the film came out on Netflix during that week, its first in" in text
    assert "the season came out" not in text
    every = flat(
        run_shipped("--no-pager", "top", "-m", "best-week", "--list", "films", "-n", "100").stdout
    )  # Cyber Hell, a special on the films list, out 5 days before its first week ended
    assert "first N days: the film or special came out on Netflix during that week" in every
    tv = flat(run_shipped("--no-pager", "top", "--metric", "best-week").stdout)
    assert "first N days: the season came out on Netflix during that week" in tv


def test_a_title_on_netflix_after_its_first_release_has_its_first_days_on_netflix_marked(
    run_shipped: Run,
) -> None:
    """The Top 10 is Netflix's list, so a first week counts the days on Netflix. The Pirates:
    The Last Royal Treasure opened in cinemas in January 2022 and came to Netflix on Wednesday
    2022-03-02: its 17.71M hours in the week ending 2022-03-06 are of 5 days, but the board
    ranked them as a whole week beside Carter's marked 3, and its page had no debut-week
    figure. Likewise Dream (6 days), Wonderland (3) and Weak Hero Class 1 (6); the titles
    already marked keep their days."""
    board = ("top", "--metric", "best-week", "--list", "films", "-n", "60", "--json")
    films = as_json(run_shipped(*board))
    days = {e["slug"]: e["partial_days"] for e in films["entries"]}
    assert {slug: days[slug] for slug in ("the-pirates-the-last-royal-treasure", "dream")} == {
        "the-pirates-the-last-royal-treasure": 5,
        "dream": 6,
    }
    assert days["wonderland"] == 3
    assert [days[slug] for slug in ("carter", "jung-e", "kingdom-ashin-of-the-north")] == [3] * 3
    assert days["mantis"] == 3
    page = run_shipped("--no-pager", "top", "--metric", "best-week", "--list", "films").stdout
    lines = page.splitlines()
    pirates = next(n for n, line in enumerate(lines) if "The Pirates: The Last Royal" in line)
    assert "17.71M hours" in lines[pirates] and lines[pirates + 1].strip() == "first 5 days"
    sheet = run_shipped("top", "--metric", "best-week-views", "--list", "tv", "--csv").stdout
    rows = {(r["slug"], r["season"]): r for r in csv.DictReader(io.StringIO(sheet))}
    assert (rows[("weak-hero", "1")]["value"], rows[("weak-hero", "1")]["partial_days"]) == (
        "6700000",
        "6",
    )
    shown = flat(run_shipped("show", "the-pirates-the-last-royal-treasure").stdout)
    assert "Hours viewed 17.71M hours first 5 days 2022-03-06" in shown
    assert "debut week ending 2022-03-06 (released on Netflix 2022-03-02)" in shown
    assert "Released 2022-01-26" in shown  # its first release, in cinemas, is still its own


def test_top_help_says_what_the_weekly_boards_mark(run_shipped: Run) -> None:
    """`top --help` said nothing of ‡ (a season out before the weekly lists begin) or of
    "first N days" under a best-week figure, which those boards show: it now says both, with
    the week the lists begin."""
    from kdrama_cli.catalogue.models import WEEKLY_TOP10_FROM

    result = run_shipped("top", "--help")
    assert result.exit_code == 0
    helped = flat(result.stdout)
    assert (
        "On the boards of the weekly lists (weeks, best-week, best-week-views) ‡ marks a season "
        "out before those lists begin with the week ending "
        f"{WEEKLY_TOP10_FROM.isoformat()}: its earlier weeks are not published, so its figure "
        "leaves them out."
    ) in helped
    assert (
        'On the best-week boards, "first N days" under a figure says its release on Netflix cut '
        "that week short."
    ) in helped
    best = run_shipped("--no-pager", "top", "--metric", "best-week", "--limit", "200").stdout
    assert "‡" in best and "first N days" in best  # what the help explains, the board shows


def test_search_and_top_say_what_limit_cut_as_list_does(run_shipped: Run) -> None:
    """A page cut at --limit says so, as `list` does ("5 of 1,623 titles (--limit N for more)"): the
    default 20 of a search for 'kim' is not all there is. --json and --csv stay as they are."""
    found = len(as_json(run_shipped("search", "zombie", "--limit", "1000", "--json")))
    assert found > 3
    page = flat(run_shipped("--no-pager", "search", "zombie", "--limit", "3").stdout)
    assert f"3 of {found} results (--limit N for more)" in page
    whole = run_shipped("--no-pager", "search", "zombie", "--limit", str(found)).stdout
    assert "(--limit" not in whole  # nothing cut, nothing said
    ranked = len(as_json(run_shipped("top", "-m", "weeks", "-n", "1000", "--json"))["entries"])
    assert ranked > 3
    board = flat(run_shipped("--no-pager", "top", "-m", "weeks", "-n", "3").stdout)
    assert f"3 of {ranked} ranked (--limit N for more)" in board
    for args in (["search", "zombie", "-n", "3"], ["top", "-m", "weeks", "-n", "3"]):
        for fmt in ("--json", "--csv"):
            result = run_shipped(*args, fmt)
            assert result.exit_code == 0 and "(--limit" not in result.output, (
                args,
                fmt,
            )
    short = flat(
        run_shipped("--no-pager", "top", "-m", "hours-28", "-n", "50").stdout
    )  # fewer than asked
    assert "(--limit" not in short and "Only these" in short


def test_the_default_board_is_weeks_in_the_global_top10(run_shipped: Run) -> None:
    """`kdrama top` alone ranks every Korean title that reached Netflix's weekly global Top 10
    by its weeks there, up to the latest week: the first-28-days board, Netflix's only for its
    all-time lists, held four titles as of 2023."""
    board = as_json(run_shipped("top", "--json"))
    assert board == as_json(run_shipped("top", "--metric", "weeks", "--json"))
    assert len(board["entries"]) > 100 and board["list"] == "TV (Non-English)"
    assert (board["entries"][0]["slug"], board["entries"][0]["season"]) == ("squid-game", 1)
    page = flat(run_shipped("--no-pager", "top").stdout)
    assert page.startswith("Weeks in Netflix's global Top 10 · TV (Non-English)")
    assert f"10 of {len(board['entries'])} ranked (--limit N for more)" in page
    assert "[default: weeks]" in flat(run_shipped("top", "--help").stdout)


def test_the_default_board_of_a_dataset_with_no_weekly_figures_names_those_it_has(
    run: Run,
) -> None:
    """A dataset of one's own may hold no weekly Top 10 figures, the default board's: `top`
    alone names the metrics with rows, not only that no title has this figure."""
    result = run("top")
    assert result.exit_code == 0 and result.stdout == ""
    said = flat(result.stderr)
    assert "no title in the catalogue has this figure" in said
    assert "Try --metric hours-28, which titles here have." in said
    assert "Try --metric" not in flat(run("top", "-m", "weeks").stderr)  # asked for by name


def test_the_first_28_days_board_says_why_it_is_short(run_shipped: Run) -> None:
    """Only the titles on Netflix's all-time Most Popular lists have a first-28-days figure:
    the board shows a few rows, and a dim line under it says why."""
    count = len(as_json(run_shipped("top", "-m", "hours-28", "--json"))["entries"])
    assert 0 < count < 10
    out = " ".join(run_shipped("--no-pager", "top", "-m", "hours-28").stdout.split())
    assert (
        f"Only these {count} Korean titles have this figure: Netflix publishes it only for the "
        "titles"
    ) in out
    assert "all-time Most Popular lists (try --metric weeks)." in out
    full = " ".join(run_shipped("--no-pager", "top", "--metric", "weeks").stdout.split())
    assert "Only" not in full  # ten rows, as asked: nothing to explain


def test_a_short_board_of_seasons_counts_seasons_and_titles_apart(run_shipped: Run) -> None:
    """`top --metric views-91` said "Only these 3 Korean titles have this figure on this
    list" over Squid Game S1, S2 and S3: three seasons of one title."""
    entries = as_json(run_shipped("top", "--metric", "views-91", "--json"))["entries"]
    slugs = {entry["slug"] for entry in entries}
    assert len(slugs) < len(entries)  # the premise: seasons of one title are rows of their own
    out = " ".join(run_shipped("--no-pager", "top", "--metric", "views-91").stdout.split())
    titles = f"{len(slugs)} Korean title{'s' if len(slugs) > 1 else ''}"
    assert f"Only these {len(entries)} seasons of {titles} have this figure" in out
    assert f"Only these {len(entries)} Korean titles" not in out


@pytest.mark.parametrize(
    "args",
    [
        ("--metric", "hours-28"),
        ("--metric", "hours-91"),
        ("--metric", "views-91", "--list", "films"),
    ],
)
def test_an_all_time_board_gives_netflix_s_rank_not_its_own(
    run_shipped: Run, args: tuple[str, ...]
) -> None:
    """A board of an all-time Most Popular list holds the catalogue's Korean titles only: its
    first column is the rank Netflix gives each on its list (the figure's note, which the show
    page prints), never the position among the catalogue's titles beside Netflix's list name.
    --json and --csv keep both, each named."""
    entries = as_json(run_shipped("top", *args, "--json"))["entries"]
    netflix = [int(re.findall(r"^#(\d+) of all time", e["note"])[0]) for e in entries]
    assert [e["netflix_rank"] for e in entries] == netflix
    assert [e["rank"] for e in entries] == list(range(1, len(entries) + 1))
    if "hours-91" not in args:  # Squid Game's seasons are Netflix's 1 to 3: the same there
        assert netflix != [e["rank"] for e in entries]
    page = run_shipped("--no-pager", "top", *args).stdout
    rows = [line.split()[0] for line in page.splitlines() if "   " in line and "█" in line]
    assert rows == [str(rank) for rank in netflix]
    assert page.splitlines()[1].split()[:3] == ["Netflix", "#", "Title"]
    said = " ".join(page.split())
    assert "Netflix #: the title's rank on Netflix's all-time Most Popular" in said
    assert "this board holds only the catalogue's Korean titles on it." in said
    sheet = list(csv.DictReader(io.StringIO(run_shipped("top", *args, "--csv").stdout)))
    assert [row["netflix_rank"] for row in sheet] == [str(rank) for rank in netflix]


def test_hours_91_says_netflix_ranks_its_list_by_views(run_shipped: Run) -> None:
    """Netflix ranks its 91-day lists by views: Squid Game S3 is its 3rd, but 4th by hours
    (after Money Heist: Part 5). The hours-91 board's "Netflix #" column is that rank, beside
    hours, so its footnote says which measure Netflix ranks by; a board of the list's own
    measure (views-91, and hours-28: the 28-day lists of 2023 are ranked by hours) does not."""
    by_views = "list, which Netflix ranks by views; this board holds only"
    for args in (("--metric", "hours-91"), ("--metric", "hours-91", "--list", "films")):
        page = " ".join(run_shipped("--no-pager", "top", *args).stdout.split())
        assert "Netflix #: the title's rank on Netflix's all-time Most Popular " in page
        assert by_views in page
        assert as_json(run_shipped("top", *args, "--json"))["netflix_ranked_by"] == "views"
    for metric, unit in (("views-91", "views"), ("hours-28", "hours")):
        page = " ".join(run_shipped("--no-pager", "top", "--metric", metric).stdout.split())
        assert "Netflix #: the title's rank" in page and "which Netflix ranks by" not in page
        assert (
            as_json(run_shipped("top", "--metric", metric, "--json"))["netflix_ranked_by"] == unit
        )
    weeks = as_json(run_shipped("top", "--metric", "weeks", "--json"))
    assert weeks["netflix_ranked_by"] is None


def _all_time_layer(figures: dict[str, tuple[int, int, int | None]]) -> str:
    """A layer giving each title (slug: Netflix's rank, hours, views) first-91-days figures on
    Netflix's all-time TV (Non-English) list, noted with the rank as the importer notes it."""
    text = ""
    for slug, (rank, hours, views) in figures.items():
        for metric, unit, value in (("hours-viewed", "hours", hours), ("views", "views", views)):
            if value is None:
                continue
            text += f"""
[[stats]]
show = "{slug}"
season = 1
metric = "{metric}"
value = {value}
unit = "{unit}"
window = "first-91-days"
list = "TV (Non-English)"
as_of = 2024-03-14
note = "#{rank} of all time, Most Popular TV (Non-English)"
sources = ["test-chart"]
"""
    return text


@pytest.mark.parametrize(
    ("figures", "metric", "said"),
    [
        # Netflix's ranks follow views, not hours: the hours board says it
        (
            {"river-of-lanterns": (1, 50, 100), "moonlit-hallway": (2, 90, 80)},
            "hours-91",
            "list, which Netflix ranks by views;",
        ),
        # both follow the ranks: views, as Netflix gives views on the lists it ranks by them
        (
            {"river-of-lanterns": (1, 90, 100), "moonlit-hallway": (2, 50, 80)},
            "hours-91",
            "list, which Netflix ranks by views;",
        ),
        (
            {"river-of-lanterns": (1, 90, 100), "moonlit-hallway": (2, 50, 80)},
            "views-91",
            "list; this board",
        ),
        # a list whose ranks follow hours only, as the 28-day lists did
        (
            {"river-of-lanterns": (1, 90, 70), "moonlit-hallway": (2, 50, 80)},
            "views-91",
            "list, which Netflix ranks by hours;",
        ),
        (
            {"river-of-lanterns": (1, 90, None), "moonlit-hallway": (2, 50, None)},
            "hours-91",
            "list; this board",
        ),
    ],
)
def test_the_measure_netflix_ranks_an_all_time_list_by_is_read_from_its_figures(
    run: Run,
    add_data: AddData,
    figures: dict[str, tuple[int, int, int | None]],
    metric: str,
    said: str,
) -> None:
    """Which measure a list is ranked by is worked out from the figures Netflix's ranks are
    noted on, not from the list's name or a title."""
    layer = add_data(_all_time_layer(figures))
    page = " ".join(run(*layer, "--no-pager", "top", "--metric", metric).stdout.split())
    assert f"Most Popular TV (Non-English) {said}" in page


@pytest.mark.parametrize("rank", ["²", "9" * 4400])
def test_top_reads_a_figure_note_of_other_digits_without_an_internal_error(
    run_shipped: Run, write_dataset: Callable[..., Path], rank: str
) -> None:
    """A layer's note '#² of all time, …' (a superscript two, which str.isdigit accepts and
    int() refuses), or a rank of 4,400 digits, made every `top` exit 70 with 'internal error:
    ValueError' (hours-28 is an all-time board). The layer is now refused as it
    is read, in one line naming the rank (exit 1), and the boards' reader of ranks gives no
    rank for such a note rather than raising."""
    from kdrama_cli.catalogue.vocab import all_time_rank

    note = f"#{rank} of all time, Most Popular TV (Non-English)"
    layer = write_dataset(
        '[meta]\nschema = 1\n\n[[stats]]\nshow = "kingdom"\nseason = 1\n'
        'metric = "hours-viewed"\nvalue = 1000\nunit = "hours"\nwindow = "first-28-days"\n'
        f'list = "TV (Non-English)"\nas_of = 2023-05-31\nnote = "{note}"\n'
        'sources = ["netflix-most-popular-28-tv-non-english-2023-05-31"]\n',
        "rank.toml",
    )
    board = ("top", "-m", "hours-28")
    for args in (board, (*board, "--json"), ("data", "check", "--strict", str(layer))):
        done = run_shipped("--add-data", str(layer), *args)
        assert done.exit_code == 1, (args, done.stderr)
        assert "internal error" not in done.stderr and not done.stdout
        assert f"stats[0].note: gives the all-time rank '{rank[:20]}" in flat(done.stderr)
    assert all_time_rank(note, "TV (Non-English)") is None
    assert all_time_rank(note.replace(rank, "4"), "TV (Non-English)") == 4


def test_all_of_us_are_dead_is_netflix_s_fourth_as_its_page_says(run_shipped: Run) -> None:
    """The review's case: the show page's footnote gives Netflix's rank; the board agrees."""
    page = " ".join(run_shipped("--no-pager", "show", "all-of-us-are-dead").stdout.split())
    rank = re.search(r"#(\d+) of all time, Most Popular TV \(Non-English\)", page)
    assert rank is not None
    board = run_shipped("--no-pager", "top", "--metric", "hours-28").stdout
    row = next(line for line in board.splitlines() if "All of Us Are Dead" in line)
    assert row.split()[0] == rank[1] != "2"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("--metric", "weeks"),
            "The # column ranks only the catalogue's Korean titles, not the whole of Netflix's TV "
            "(Non-English) list.",
        ),
        (
            ("--metric", "best-week", "--list", "films"),
            "The # column ranks only the catalogue's Korean titles, not the whole of Netflix's "
            "Films (Non-English) list.",
        ),
        (
            ("--metric", "weeks", "--list", "tv-english"),
            "The # column ranks only the catalogue's titles, not the whole of Netflix's TV "
            "(English) list.",
        ),
        (
            ("--metric", "report-hours"),
            "The # column ranks only the report's Korean titles, not every title on its TV sheet.",
        ),
        (
            ("--metric", "report-hours", "--report", "2023H1"),
            "The # column ranks only the report's Korean titles, not every title it lists (TV and "
            "films together, on one sheet).",
        ),
    ],
)
def test_a_board_of_netflix_s_figures_says_it_ranks_the_catalogue_s_titles_only(
    run_shipped: Run, args: tuple[str, ...], said: str
) -> None:
    page = run_shipped("--no-pager", "top", *args).stdout
    assert page.splitlines()[1].split()[:2] == ["#", "Title"]
    assert said in " ".join(page.split())


def test_a_narrow_board_lets_its_date_go_before_a_title_breaks(run_shipped: Run) -> None:
    """At 40 columns "When Life Gives You Tangerines" wraps between words, not inside one; a
    best-week board's Week ending goes first, and the note says so."""
    args = ("--no-pager", "top", "--metric", "best-week", "-n", "4")
    out = run_shipped(*args, env={"COLUMNS": "40"}).stdout
    table, note = out.split("Left out at 40 columns:")
    assert "Week ending" not in table and note.split()[:2] == ["Week", "ending"]
    wide = run_shipped(*args, env={"COLUMNS": "100"}).stdout
    assert "Week ending" in wide and "Left out" not in wide
    report = ("--no-pager", "top", "--metric", "report-views", "--report", "2025H1", "-n", "4")
    narrow = run_shipped(*report, env={"COLUMNS": "40"}).stdout
    assert "Tangerines" in narrow.split() and "Left out" not in narrow


def test_a_date_every_row_of_a_board_shares_is_said_once_in_its_heading(
    run_shipped: Run,
) -> None:
    """A weekly board's As of column repeated the last list's date on every row (and a report's
    its end): the heading says it once, and --csv and --json still give it on every row."""
    page = run_shipped("--no-pager", "top", "-n", "3", env={"COLUMNS": "100"}).stdout
    heading, header = page.splitlines()[:2]
    assert heading.endswith(" · as of 2026-07-19") and "As of" not in page
    assert header.split() == ["#", "Title", "Figure"]
    report = run_shipped("--no-pager", "top", "-m", "report-views", "--report", "2025H1")
    assert report.stdout.splitlines()[0].endswith(" · TV · as of 2025-06-30")
    rows = as_json(run_shipped("top", "-n", "3", "--json"))["entries"]
    assert {row["as_of"] for row in rows} == {"2026-07-19"}


def test_a_narrow_board_lets_its_bars_go_first_and_unnoted(run_shipped: Run) -> None:
    out = run_shipped("--no-pager", "top", "-m", "weeks", "-n", "2", env={"COLUMNS": "50"}).stdout
    assert "as of 2026-07-19" in flat(out) and "█" not in out and "Left out" not in out


def test_a_boards_bars_go_before_a_header_would_wrap_for_them(run_shipped: Run) -> None:
    """At 80 columns, `top --metric hours-28 --limit 3` drew its bars and wrapped the header
    "Netflix #" over two lines to make room for them, while the board of four rows (a longer
    title) had no bars and a header on one line: the decoration now goes first. (Its As of
    column, one date on every row, is in the heading since, so the widths moved.)"""
    for columns in ("60", "64", "70", "80"):
        for limit in ("3", "4"):
            args = ("--no-pager", "top", "--metric", "hours-28", "--limit", limit)
            out = run_shipped(*args, env={"COLUMNS": columns}).stdout
            assert "Netflix #   Title" in out, out
    narrow = run_shipped("--no-pager", "top", "-m", "hours-28", "-n", "4", env={"COLUMNS": "64"})
    assert "Netflix #   Title" in narrow.stdout and "█" not in narrow.stdout
    wide = run_shipped("--no-pager", "top", "-m", "hours-28", "-n", "3", env={"COLUMNS": "100"})
    assert "Netflix #   Title" in wide.stdout and "█" in wide.stdout


def test_a_board_emptied_by_kind_blames_the_filter(run_shipped: Run) -> None:
    count = len(as_json(run_shipped("top", "-m", "hours-28", "--json"))["entries"])
    result = run_shipped("top", "-m", "hours-28", "--kind", "film")
    assert result.exit_code == 0 and result.stdout == ""
    assert f"none of the {count} with this figure is a film;" in result.stderr
    assert "no title in the catalogue" not in result.stderr


def test_an_empty_report_board_says_what_the_report_gives_and_where_to_look(
    run_shipped: Run,
) -> None:
    """Netflix's first report gave hours only: its views board is empty because the report has
    none, not because titles are missing; titles of unknown kind are only in that report."""
    views = run_shipped("top", "--metric", "report-views", "--report", "2023H1")
    assert views.exit_code == 0 and views.stdout == ""
    assert "January–June 2023: the report gives no views; try --report 20" in views.stderr
    assert "no title in the catalogue" not in views.stderr
    unknown = run_shipped("top", "--metric", "report-hours", "--kind", "unknown")
    assert "is of unknown kind (TV or film not given); try --report 2023H1." in unknown.stderr
    assert "lists no other Korean title" not in unknown.stderr


def test_a_report_board_ranks_every_row_netflix_lists_a_season_under(run_shipped: Run) -> None:
    """Netflix's January–June 2025 report lists Brave Detectives' season 4 under two titles,
    'Brave Detectives: Season 4: 2025' (8M hours) and '…: 2024' (2.8M hours): both are viewing
    of the season in the half-year. The board kept the larger, silently, and ranked 1,018 of
    the report's 1,019 Korean rows. Each row is ranked now, under its Netflix title."""
    args = ("top", "--metric", "report-hours", "--report", "2025H1")
    board = as_json(run_shipped(*args, "--json"))
    brave = [e for e in board["entries"] if e["slug"] == "brave-detectives"]
    assert [(e["season"], e["value"], e["netflix_title"]) for e in brave] == [
        (4, 8000000, "Brave Detectives: Season 4: 2025"),
        (4, 2800000, "Brave Detectives: Season 4: 2024"),
    ]
    assert {e["netflix_title"] for e in board["entries"] if e not in brave} == {None}
    rows = list(csv.DictReader(io.StringIO(run_shipped(*args, "--csv").stdout)))
    assert len(rows) == len(board["entries"])
    assert [r["netflix_title"] for r in rows if r["slug"] == "brave-detectives"] == [
        "Brave Detectives: Season 4: 2025",
        "Brave Detectives: Season 4: 2024",
    ]
    page = flat(run_shipped("--no-pager", *args, "-n", "2000", env={"COLUMNS": "200"}).stdout)
    assert "Brave Detectives S4 “Brave Detectives: Season 4: 2025” 8M hours" in page
    assert "Brave Detectives S4 “Brave Detectives: Season 4: 2024” 2.8M hours" in page
    assert (
        "The report lists Brave Detectives S4 under more than one of Netflix's titles (quoted): "
        "each is a row of its own, with its own figure, as in the report." in page
    )


#: A layer's own half-year figure for a season Netflix's report gives: it contradicts the
#: report's (data check warns), and is no second row of the report.
REPORT_FIGURE_AGAIN = """\
[[citations]]
id = "my-count"
url = "https://example.org/my-count"
title = "My own count"
publisher = "Example Press"

[[stats]]
show = "squid-game"
season = 2
metric = "hours-viewed"
value = 900000000
unit = "hours"
window = "half-year:2025H1"
list = "What We Watched: TV"
as_of = 2025-06-30
note = "my own count"
sources = ["my-count"]
"""


def test_a_report_board_takes_the_first_read_of_two_contradicting_figures(
    run_shipped: Run, add_data: AddData
) -> None:
    """Two rows of one report are both ranked, but a layer's figure beside the report's is not
    a row of it: the board keeps the one read first, the report's, never the larger."""
    layer = add_data(REPORT_FIGURE_AGAIN)
    args = ("top", "--metric", "report-hours", "--report", "2025H1", "--json")
    board = as_json(run_shipped(*layer, *args))
    squid = [e for e in board["entries"] if (e["slug"], e["season"]) == ("squid-game", 2)]
    assert [e["value"] for e in squid] == [840300000]
    assert squid[0]["netflix_title"] is None
    assert len(board["entries"]) == len(as_json(run_shipped(*args))["entries"])


def test_json_and_csv_are_never_cut_at_a_pages_default_limit(run_shipped: Run) -> None:
    """`seen people`, `search`, `top` and `similar` cut --json and --csv at the page's default
    --limit (20 or 10), silently: a script got the first rows of an answer as if whole. They
    now give every row unless --limit is given, which they honour."""
    cases = [
        (["search", "park"], 20, lambda d: d),
        (["top", "-m", "weeks"], 10, lambda d: d["entries"]),
        (["similar", "squid-game", "--include-seen"], 10, lambda d: d["results"]),
    ]
    for args, page_default, rows in cases:
        whole = rows(as_json(run_shipped(*args, "--json")))
        assert len(whole) > page_default, args
        assert whole == rows(as_json(run_shipped(*args, "--limit", "100000", "--json"))), args
        sheet = run_shipped(*args, "--csv")
        assert sheet.exit_code == 0, sheet.output
        assert len(list(csv.reader(io.StringIO(sheet.stdout)))) == len(whole) + 1, args
        assert len(rows(as_json(run_shipped(*args, "-n", "3", "--json")))) == 3, args
        assert len(run_shipped(*args, "-n", "3", "--tsv").stdout.splitlines()) == 4, args
        page = run_shipped(*args, env={"COLUMNS": "200"}).stdout
        assert f"{page_default} of {len(whole)} " in page, args  # the page keeps its default


def test_half_years_are_printed_with_an_en_dash_everywhere(run_shipped: Run) -> None:
    """A report's half-year was printed 'January-June 2023' (a hyphen) on boards, in figure
    windows, the reports table ('2023 Jan-Jun') and the report citations, while --version and
    the show page said 'January–June 2025' and every year range ('2009–2011') uses an en dash.
    Every output now writes a half-year's months with an en dash."""
    outputs = [
        run_shipped("top", "--metric", "report-hours", "--report", "2023H2", "--limit", "3"),
        run_shipped("show", "squid-game"),
        run_shipped("compare", "squid-game", "all-of-us-are-dead"),
        run_shipped("compare", "squid-game", "all-of-us-are-dead", "--json"),
        run_shipped("show", "squid-game", "--json"),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.output
        assert not re.search(r"January-June|July-December|Jan-Jun|Jul-Dec", result.output)
    board = " ".join(outputs[0].stdout.split("\n#", 1)[0].split())
    assert board == (
        "Hours viewed in Netflix's engagement report, July–December 2023 · TV · as of 2023-12-31"
    )
    page = flat(outputs[1].stdout)
    assert "What We Watched: A Netflix Engagement Report (January–June 2023)" in page
    assert re.search(r"\b2023 Jan–Jun\b", page) and re.search(r"\b2023 Jul–Dec\b", page)
    windows = {row["window_label"] for row in json.loads(outputs[3].stdout)["stats"]}
    assert "January–June 2024" in windows


def test_an_empty_report_board_names_its_figure_however_the_label_is_worded(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The noun in "the report gives no views" is given beside the board's label, not cut out
    of it: a reworded label changes the heading, never the sentence."""
    from kdrama_cli.answers import leaderboards

    reworded = ("views", "views", "Netflix's views (in millions)", "views")
    monkeypatch.setitem(leaderboards.REPORT_BOARDS, "report-views", reworded)
    result = run_shipped("--no-cache", "top", "--metric", "report-views", "--report", "2023H1")
    assert result.stderr.startswith(
        "Netflix's views (in millions) in Netflix's engagement report, January–June 2023: "
        "the report gives no views; try --report 20"
    )


def test_a_board_shortened_by_kind_says_of_how_many(run_shipped: Run) -> None:
    """The count is of the board's list: the TV list's titles, not every list's."""
    tv = as_json(run_shipped("top", "-m", "weeks", "-n", "1000", "--json"))
    every = len(tv["entries"])
    specials = as_json(run_shipped("top", "-m", "weeks", "--kind", "special", "--json"))
    assert specials["list"] == tv["list"] == "TV (Non-English)"
    count = len(specials["entries"])
    assert count == 1 and every > 10
    out = " ".join(
        run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "special").stdout.split()
    )
    assert f"Only 1 of the {every:,} with this figure on this list is a special." in out
    # Documentaries are on the TV list only, specials on the films list too: each board of
    # the one list says "on this list" alike
    documentaries = run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "documentary")
    said = " ".join(documentaries.stdout.split())
    assert f"Only 1 of the {every:,} with this figure on this list is a documentary." in said


def test_a_board_of_one_kind_names_what_kind_left_out_of_its_list(run_shipped: Run) -> None:
    """Netflix's films list counts Kingdom: Ashin of the North, a special: --kind film ranks
    one fewer title than the list holds, and says which, on the page and on stderr beside
    --json and --csv, whose rows leave it out too. A board short of --limit said "of the 62"
    twice, in two lines."""
    films = as_json(run_shipped("top", "-m", "weeks", "--list", "films", "-n", "1000", "--json"))
    assert "kingdom-ashin-of-the-north" in {entry["slug"] for entry in films["entries"]}
    said = (
        f"Left out by --kind film: 1 of the {len(films['entries'])} with this figure on this "
        "list, Kingdom: Ashin of the North (a special)."
    )
    page = run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "film")
    assert said in " ".join(page.stdout.split()) and page.stderr == ""
    for output in ("--json", "--csv"):
        data = run_shipped("top", "-m", "weeks", "--kind", "film", output)
        assert data.exit_code == 0 and "kingdom-ashin-of-the-north" not in data.stdout
        assert data.stderr == said + "\n", output
    # A kind that is few of the list's leaves out the rest, as anyone expects: no such line.
    reality = run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "reality").stdout
    assert "Left out by --kind" not in reality
    # A board short of --limit has counted them already ("Only 61 of the 62 ... are films"):
    # one line names what was left out, without "of the 62" a second time.
    every = len(films["entries"])
    short = run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "film", "-n", "100")
    said = " ".join(short.stdout.split())
    assert said.count(f"of the {every}") == 1 and "Left out by --kind" not in said
    assert (
        f"Only {every - 1} of the {every} with this figure on this list are films: Netflix "
        "publishes it only for the titles in its weekly global Top 10. The one left out is a "
        "special: Kingdom: Ashin of the North. Sources" in said
    )
    series = run_shipped("--no-pager", "top", "-m", "weeks", "--kind", "series", "-n", "1000")
    assert " The 22 left out are reality shows, a special and a documentary: Culinary" in (
        " ".join(series.stdout.split())
    )
    data = run_shipped("top", "-m", "weeks", "--kind", "film", "-n", "100", "--json")
    assert data.stderr == f"Left out by --kind film: 1 of the {every} with this figure on " + (
        "this list, Kingdom: Ashin of the North (a special).\n"
    )


def test_an_empty_catalogue_board_still_says_so(run: Run) -> None:
    result = run("top", "--metric", "views-91")
    assert result.stdout == ""
    assert "Views in the first 91 days: no title in the catalogue has this figure;" in (
        result.stderr
    )


def test_a_views_chart_says_why_early_weeks_have_none(run_shipped: Run) -> None:
    """Netflix published weekly views from June 2023: All of Us Are Dead's 2022 weeks are "—"."""
    weeks = as_json(run_shipped("chart", "all-of-us-are-dead", "--json"))[0]["weeks"]
    assert all(w["views"] is None for w in weeks)
    out = run_shipped("--no-pager", "chart", "all-of-us-are-dead", "--metric", "views").stdout
    # No week has views: said once, up front, with the command that charts them (walk32 #23),
    # not a column of eleven dashes and then why.
    assert " ".join(out.split()).startswith(
        "All of Us Are Dead 지금 우리 학교는 S1 weeks in Netflix's global Top 10, by views "
        f"No views to chart: none of its {len(weeks)} weeks has views, as Netflix published "
        "weekly views from the week ending 2023-06-18. Their hours viewed: kdrama chart "
        "all-of-us-are-dead --metric hours."
    )
    assert "—" not in out and "Week ending" not in out
    # A chart with some weeks of views still lists them, and says why the others have none.
    some = " ".join(run_shipped("--no-pager", "chart", "squid-game", "-m", "views").stdout.split())
    assert "Week ending" in some and "No views for 20 weeks: Netflix published" in some
    hours = run_shipped("--no-pager", "chart", "all-of-us-are-dead").stdout
    assert "No views" not in hours  # hours are there for every week


def test_a_views_chart_says_when_a_season_came_out_week_by_week(run_shipped: Run) -> None:
    """Idol I's views fell from 2.1M to 800K while its hours rose from 4.2M to 9.7M: Netflix
    divides a week's hours by the runtime out by then, which grew from about 2 hours to 12.
    The chart says so, and says nothing of a season released whole (Squid Game's)."""
    chart = " ".join(run_shipped("chart", "idol-i", "--metric", "views").stdout.split())
    assert (
        "Season 1 came out week by week: Netflix divides a week's hours by the runtime out by"
        " then (about 2 hours in its first week here, 12 hours in its last), so its views fall"
        " as episodes are added and do not compare from week to week; its hours do."
    ) in chart
    assert "week by week" not in run_shipped("chart", "idol-i").stdout  # hours: nothing to say
    assert "week by week" not in run_shipped("chart", "squid-game", "--metric", "views").stdout


def test_a_week_by_week_note_never_says_a_runtime_of_no_hours() -> None:
    """A first week whose views imply under half an hour of episodes is "about 1 hour", as
    top's and compare's notes say it (views.boards.whole_hours), not "about 0 hours"."""
    from kdrama_cli.answers.charts import GrowingRuntime
    from kdrama_cli.views.discovery import growing_runtime_note

    note = growing_runtime_note(GrowingRuntime(season=2, first=0.4, last=6.6))
    assert "(about 1 hour in its first week here, 7 hours in its last)" in note
    assert note.startswith("Season 2 came out week by week")


def test_chart_rows_and_bars(run_shipped: Run) -> None:
    data = as_json(run_shipped("chart", "all-of-us-are-dead", "--json"))
    weeks = data[0]["weeks"]
    assert weeks[0] == {
        "week": "2022-01-30",
        "season": 1,
        "rank": 1,
        "hours": 124790000,
        "views": None,
        "list": "TV (Non-English)",
        "source": ["netflix-top10-tv-non-english-2022-01-30"],
        "partial_days": 3,  # out on Friday 2022-01-28: its first week is of 3 days
    }
    assert len(weeks) == 11
    text = run_shipped("chart", "all-of-us-are-dead", "squid-game", "--season", "1").output
    assert "2022-01-30" in text and "124.79M" in text and "Squid Game" in text
    # the second title's chart is set apart from the first's last row by a blank line
    assert "\n\nSquid Game  오징어 게임  S1\n" in text
    assert run_shipped("chart", "kingdom", "--season", "9").exit_code == 2


def test_chart_sheet_says_which_weeks_the_release_cut_short(run_shipped: Run) -> None:
    """`chart --csv` gave every week alike: All of Us Are Dead's first week, of 3 days (out on
    Friday 2022-01-28), read as a whole one to a spreadsheet summing or plotting the weeks,
    while --json, the page and `top --csv` said it (walk33 #3). The column comes last."""
    for sheet, delimiter in (("--csv", ","), ("--tsv", "\t")):
        out = run_shipped("chart", "all-of-us-are-dead", sheet).stdout
        header, *rows = list(csv.reader(io.StringIO(out), delimiter=delimiter))
        assert header[-1] == "partial_days"
        days = [row[-1] for row in rows]
        assert days[0] == "3" and rows[0][2] == "2022-01-30"
        assert set(days[1:]) == {""}  # every later week whole
        assert len(rows) == 11


def test_titles_charted_together_share_one_scale(run_shipped: Run) -> None:
    """Mask Girl's best week, 50.8M hours, is a full bar; Crime Scene Zero's one week, 5.9M,
    is drawn to the same scale (an eighth of the bar), not a full bar of its own. A rank is
    drawn to the Top 10's places instead: its one week, a #10, was a full bar alone."""

    def bar_of(line: str) -> int:
        """A bar's length in eighths of a cell."""
        cells = line.rsplit(" ", 1)[-1]
        return sum(8 if cell == "█" else " ▏▎▍▌▋▊▉".index(cell) for cell in cells)

    lines = run_shipped("chart", "mask-girl", "crime-scene-zero", env={"COLUMNS": "100"}).stdout
    weeks = {line.split()[0]: line for line in lines.splitlines() if line[:4] in ("2023", "2025")}
    full = bar_of(weeks["2023-08-27"])
    assert full == 28 * 8
    assert bar_of(weeks["2025-09-28"]) == round(5.9 / 50.8 * full)
    alone = run_shipped("chart", "crime-scene-zero", env={"COLUMNS": "100"}).stdout
    assert "5.9M   " + "█" * 28 in alone  # charted alone, its best week is the full bar
    # A week far too small for an eighth of Squid Game's scale still shows as one.
    tiny = run_shipped("chart", "squid-game", "pinkfong-baby-shark-s-space-adventure").stdout
    assert "2023-09-10       #10    700K   ▏" in tiny
    # A rank's scale is the Top 10's: a #10 is a tenth of the bar, alone or beside a #1.
    ranked = run_shipped("chart", "crime-scene-zero", "--metric", "rank").stdout
    tenth = next(line for line in ranked.splitlines() if line.startswith("2025-09-28"))
    assert bar_of(tenth) == round(28 * 8 / 10)
    beside = run_shipped("chart", "squid-game", "crime-scene-zero", "--metric", "rank").stdout
    lines = beside.splitlines()
    assert next(line for line in lines if line.startswith("2025-09-28")) == tenth
    assert bar_of(next(line for line in lines if line.startswith("2021-09-26"))) == 28 * 8


def test_a_chart_marks_the_weeks_out_between_two_seasons_rows(run_shipped: Run) -> None:
    """Squid Game's last S2 week before its summer return is 2025-03-02 and the next charted
    week (S1, beside S2 and S3) is 2025-06-29: the title was out for 16 weeks, whichever
    season the rows on either side are of."""
    lines = run_shipped("chart", "squid game", "--metric", "rank").output.splitlines()
    march = next(i for i, line in enumerate(lines) if line.startswith("2025-03-02"))
    assert lines[march + 1].strip() == "16 weeks out"
    assert lines[march + 2].startswith("2025-06-29") and "S1" in lines[march + 2]
    assert "Weeks out: weeks with no season of the title in the Top 10." in lines
    alchemy = run_shipped("chart", "alchemy-of-souls", "--metric", "rank").output
    assert "7 weeks out\n2023-04-16" in alchemy


def test_top_and_chart_cite_their_figures_on_the_page(run_shipped: Run) -> None:
    """The pages cite what --json cites: a board its figures' sources, a chart its weeks',
    Netflix's weekly lists given once with how many and the weeks they span."""
    wide = {"COLUMNS": "200"}
    board = run_shipped("--no-pager", "top", "-m", "hours-28", env=wide).stdout
    cited = as_json(run_shipped("top", "-m", "hours-28", "--json"))["sources"]
    assert "\nSources\n[1] Netflix, “Netflix Top 10, most popular TV (Non-English) of all time" in (
        board
    )
    assert cited[0]["url"] in board.splitlines()[-1]
    chart = run_shipped("--no-pager", "chart", "squid-game", env=wide).stdout
    weeks = as_json(run_shipped("chart", "squid-game", "--json"))[0]["weeks"]
    ids = {i for week in weeks for i in week["source"]}
    assert (
        "[1] Netflix, “Netflix Top 10, global TV (Non-English), week ending …” "
        f"({len(ids)} citations, dated 2021-09-19 to 2025-08-24)"
    ) in chart
    assert chart.rstrip().endswith("https://www.netflix.com/tudum/top10")
    best = run_shipped("--no-pager", "top", "-m", "best-week", "--limit", "1", env=wide).stdout
    assert "“Netflix Top 10, global TV (Non-English), week ending 2021-10-03”, 2021-10-03" in best


def test_a_narrow_chart_names_the_width_that_shows_what_it_left_out(run_shipped: Run) -> None:
    """The headerless column of bars is never named, so the COLUMNS a narrow chart names is
    the narrowest that shows Season and Rank, not the one that also fits the bars (67)."""
    import re

    def chart(columns: int) -> str:
        out = run_shipped("chart", "squid-game", env={"COLUMNS": str(columns)}).stdout
        return " ".join(out.split())

    said = re.search(r"Left out at 25 columns: Season, Rank \(COLUMNS=(\d+) shows them;", chart(25))
    assert said, chart(25)
    enough = chart(int(said[1]))
    assert "Left out" not in enough and "Season Rank Hours" in enough
    assert "Left out" in chart(int(said[1]) - 1)
    assert int(said[1]) < 40


def test_chart_of_a_film_with_a_season_is_the_usage_error_show_gives(run_shipped: Run) -> None:
    assert as_json(run_shipped("chart", "the-great-flood", "--json"))[0]["weeks"]  # it charted
    for command in ("chart", "show", "cast"):
        result = run_shipped(command, "the-great-flood", "--season", "2")
        assert result.exit_code == 2, command
        assert "The Great Flood is a film: it has no seasons" in result.output, command
        assert "never in Netflix's weekly global Top 10" not in result.output


def test_chart_honours_a_season_typed_in_the_title(run_shipped: Run) -> None:
    weeks = as_json(run_shipped("chart", "squid game 3", "--json"))[0]["weeks"]
    assert weeks and {w["season"] for w in weeks} == {3}
    text = run_shipped("chart", "squid game 3", "squid game 2").stdout
    assert "Squid Game  오징어 게임  S3" in text and "Squid Game  오징어 게임  S2" in text
    clash = run_shipped("chart", "squid game 3", "--season", "1", "--json")  # as in `show`
    assert (clash.exit_code, clash.stdout) == (2, "")
    assert "'squid game 3' names season 3 and --season says 1: give one season" in clash.stderr
    result = run_shipped("chart", "squid game 9")
    assert result.exit_code == 2 and "of Squid Game, not season 9" in result.output


def test_a_title_charted_twice_is_a_usage_error_as_in_compare(run_shipped: Run) -> None:
    """'squid-game' and '오겜' are one title: one chart, never the same one printed again."""
    result = run_shipped("chart", "squid-game", "squid-game", "오겜")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        "the same title was given twice: 'squid-game' and 'squid-game' are both Squid Game"
        in result.stderr
    )
    result = run_shipped("chart", "squid-game", "오겜", "--season", "2", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the same season was given twice: 'squid-game' and '오겜'" in result.stderr
    # A whole title with one of its own seasons: its chart holds the season's weeks, so they
    # were drawn twice, while `chart --help` said this was an error as in compare (walk32 #9).
    for pair in (("squid game 2", "squid-game"), ("squid-game", "squid game 2")):
        result = run_shipped("chart", *pair, "--json")
        assert (result.exit_code, result.stdout) == (2, "")
        assert (
            f"the same title was given twice: {pair[0]!r} and {pair[1]!r} are both Squid Game, "
            "whose chart holds season 2's weeks" in result.stderr
        )
        refused = run_shipped("compare", *pair)
        assert refused.exit_code == 2 and "are both Squid Game" in refused.stderr
    seasons = as_json(run_shipped("chart", "squid game 1", "squid game 2", "--json"))
    assert [chart["season"] for chart in seasons] == [1, 2]  # two seasons are two charts


def test_season_with_several_titles_applies_to_each_and_the_error_says_how_to_type_one(
    run_shipped: Run,
) -> None:
    """`chart the-glory squid-game --season 3` said only that The Glory has no season 3: the
    help did not say --season applies to every title, nor how to chart one title's season
    (walk32 #5). Both say it, and the error names the command that does it."""
    result = run_shipped("chart", "the-glory", "squid-game", "--season", "3")
    assert (result.exit_code, result.stdout) == (2, "")
    assert " ".join(result.stderr.split()) == (
        "kdrama: error: the catalogue has season 1 of The Glory, not season 3; --season applies "
        "to every title given: type a season with its title instead, as in kdrama chart "
        "the-glory 'squid game 3'"
    )
    suggested = run_shipped("--no-pager", "chart", "the-glory", "squid game 3")
    assert suggested.exit_code == 0 and "Squid Game  오징어 게임  S3" in suggested.stdout
    one = run_shipped("chart", "the-glory", "--season", "3")  # one title: no such advice
    assert one.exit_code == 2 and "--season applies" not in one.stderr
    helped = " ".join(run_shipped("chart", "--help").stdout.split())
    assert "with several titles, of each (type one title's season with it instead" in helped
    assert "or a title with one of its own seasons) is a usage error, as in compare" in helped


def test_a_chart_marks_a_short_first_week_as_top_and_show_do(run_shipped: Run) -> None:
    """Squid Game S2's 487.6M hours of the week ending 2024-12-29 are of 4 days, as `top
    --metric best-week` says under the figure; the chart's bar said nothing (walk32 #12), and
    Squid Game S1's 63.19M in its first week, of 3 days, looked like a slow start."""
    out = run_shipped("--no-pager", "chart", "squid-game", env={"COLUMNS": "100"}).stdout
    lines = out.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("2021-09-19"))
    assert "63.19M" in lines[first] and lines[first + 1].strip() == "first 3 days"
    second = next(
        n for n, line in enumerate(lines) if line.startswith("2024-12-29  ") and " S2 " in line
    )
    assert "487.6M" in lines[second] and lines[second + 1].strip() == "first 4 days"
    assert out.count("first 3 days") == 2 and out.count("first 4 days") == 1  # S1, S3; S2
    assert (
        "first N days: the season came out on Netflix during that week, its first in the "
        "list, so the figure is of those days, not a whole week." in " ".join(out.split())
    )
    top = run_shipped("--no-pager", "top", "--metric", "best-week", env={"COLUMNS": "100"})
    assert "first 4 days" in top.stdout  # the same label, from the same rule
    weeks = as_json(run_shipped("chart", "squid-game", "--season", "2", "--json"))[0]["weeks"]
    assert [w["partial_days"] for w in weeks[:2]] == [4, None]
    # Squid Game S1's first week has no views (before June 2023): no label under a dash
    views = run_shipped("--no-pager", "chart", "squid-game", "--metric", "views").stdout
    assert views.count("first 3 days") == 1 and "first 4 days" in views  # S3's, not S1's
    rows = views.splitlines()
    s1 = next(n for n, line in enumerate(rows) if line.startswith("2021-09-19"))
    assert "—" in rows[s1] and rows[s1 + 1].startswith("2021-09-26")


def test_a_chart_of_a_season_not_out_says_so_not_that_the_title_never_charted(
    run: Run, run_shipped: Run
) -> None:
    for asked in (["moonlit-hallway", "--season", "2"], ["moonlit hallway 2"]):
        result = run("chart", *asked, env={"KDRAMA_TODAY": "2026-12-01"})
        assert result.exit_code == 0 and result.stdout == ""
        assert result.stderr.strip() == (
            "Moonlit Hallway season 2 is not out yet (renewed since 2022-06-06, as of 2026-11-01)."
        )
    released = run("chart", "moonlit-hallway", "--season", "1")  # out, and never charted
    assert "Moonlit Hallway: never in Netflix's weekly global Top 10" in released.stderr
    # Beside a title that charted, the season not out says so under its heading.
    page = run_shipped("chart", "all-of-us-are-dead", "squid-game", "--season", "2")
    assert page.exit_code == 0
    out = " ".join(page.stdout.split())
    assert "All of Us Are Dead 지금 우리 학교는 S2" in out and "Season 2 is not out yet (" in out
    assert "Never in the global Top 10" not in out and "487.6M" in out


def test_a_chart_json_of_a_season_not_out_gives_the_reason_the_page_gives(run: Run) -> None:
    """--json says why a season's chart is empty, as the page does, not only "weeks": []."""
    day = {"KDRAMA_TODAY": "2026-12-01"}
    (chart,) = as_json(run("chart", "moonlit-hallway", "--season", "2", "--json", env=day))
    assert (chart["season"], chart["weeks"]) == (2, [])
    assert chart["not_out"] == {
        "status": "renewed",
        "status_date": "2022-06-06",
        "as_of": "2026-11-01",
        "stale": False,
        "reason": (
            "Moonlit Hallway season 2 is not out yet (renewed since 2022-06-06, as of 2026-11-01)."
        ),
    }
    # A year on, the news is stale, as the show page and `seen add` say.
    later = {"KDRAMA_TODAY": "2027-12-01"}
    (chart,) = as_json(run("chart", "moonlit-hallway", "--season", "2", "--json", env=later))
    assert chart["not_out"]["stale"] is True
    assert chart["not_out"]["reason"].endswith(
        "as of 2026-11-01; stale: the catalogue's latest news of it is more than a year old)."
    )
    page = run("chart", "moonlit-hallway", "--season", "2", env=later)
    assert "stale: the catalogue's latest news of it" in page.stderr
    (released,) = as_json(run("chart", "moonlit-hallway", "--season", "1", "--json"))
    assert (released["season"], released["not_out"]) == (1, None)
    (whole,) = as_json(run("chart", "moonlit-hallway", "--json"))
    assert (whole["season"], whole["not_out"]) == (None, None)


def test_chart_replayed_on_a_later_day_judges_staleness_on_that_day(run: Run) -> None:
    """chart judges a season not out stale against today: a page kept on one day was printed
    again on a later day, when the same season's news had gone stale (not_out.stale false). The
    kept page is keyed by the day, as show's and cast's are."""
    args = ("chart", "moonlit-hallway", "--season", "2", "--json")
    early = {"KDRAMA_TODAY": "2026-12-01"}
    late = {"KDRAMA_TODAY": "2028-06-01"}
    for _ in range(3):  # the index is written, then the page is kept for replay
        first = run(*args, env=early)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)[0]["not_out"]["stale"] is False
    later = run(*args, env=late)
    assert json.loads(later.stdout)[0]["not_out"]["stale"] is True


def test_a_chart_of_a_title_older_than_netflix_lists_says_what_is_known(
    run: Run, run_shipped: Run
) -> None:
    """Netflix's weekly global Top 10 begins with the week ending 2021-07-04: a title out before
    then is in none of the lists since, which says nothing of the weeks before them."""
    result = run_shipped("chart", "crash-landing-on-you")
    assert result.exit_code == 0 and result.stdout == ""
    assert "never" not in result.stderr
    assert " ".join(result.stderr.split()) == (
        "Crash Landing on You: in none of Netflix's weekly global Top 10 lists, which begin with "
        "the week ending 2021-07-04; it came out before then, and earlier weeks are not "
        "published."
    )
    kingdom = as_json(run_shipped("chart", "kingdom", "--json"))[0]
    assert kingdom["weeks"] == [] and kingdom["no_weeks"] == "out-before-top10"
    assert kingdom["top10_from"] == "2021-07-04"
    beside = " ".join(run_shipped("chart", "kingdom", "squid-game").stdout.split())
    assert "Kingdom 킹덤 weeks in Netflix's global Top 10, by hours viewed In none of" in beside
    # Out since the lists began and in none of them: never in the Top 10, as the data says.
    moonlit = as_json(run("chart", "moonlit-hallway", "--season", "1", "--json"))[0]
    assert moonlit["no_weeks"] == "never-in-top10"
    squid = as_json(run_shipped("chart", "squid-game", "--json"))[0]
    assert squid["weeks"] and squid["no_weeks"] is None
    assert "kdrama chart squid-game --json" in run("chart", "--help").output


def test_a_season_chart_keeps_the_weeks_netflix_gave_no_season(run_shipped: Run) -> None:
    """Eve's one charted week has no season in Netflix's list; its season-1 page counts it, so
    `chart eve --season 1` (where that page points) shows it too."""
    assert (
        "+ 1 week in Netflix's global Top 10" in run_shipped("show", "eve", "--season", "1").stdout
    )
    weeks = as_json(run_shipped("chart", "eve", "--season", "1", "--json"))[0]["weeks"]
    assert [(w["week"], w["season"]) for w in weeks] == [("2024-07-28", None)]


def test_trivia_seed_is_reproducible(run: Run) -> None:
    first = as_json(run("trivia", "--seed", "4", "--json"))
    again = as_json(run("trivia", "--seed", "4", "--json"))
    assert first == again
    assert first["sources"] and first["sources"][0]["url"].startswith("https://")
    assert first["spoiler"] is False


def test_trivia_json_gives_the_fact_with_the_keys_show_json_gives_it(run: Run) -> None:
    """`trivia --json` left out the fact's season and citation ids, which `show --json`'s
    facts carry: the same fact read with fewer keys, and the `sources` it described were
    named by no `source` list."""
    seasons = set()
    for seed in map(str, range(12)):
        fact = as_json(run("trivia", "--spoilers", "--seed", seed, "--json"))
        facts = as_json(run("show", fact["slug"], "--json"))["facts"]
        [same] = [f for f in facts if f["text"] == fact["text"]]
        assert {key: fact[key] for key in same} == same
        assert [s["id"] for s in fact["sources"]] == fact["source"]
        seasons.add(fact["season"])
    assert None in seasons and 1 in seasons  # a fact of the whole title, and of season 1


def test_trivia_names_the_season_a_fact_is_about(run_shipped: Run) -> None:
    """ "Han Suk-kyu won the grand prize at the SBS Drama Awards for playing Kim Sa-bu." was
    printed alone under a source dated 2019 (a season 2 announcement), which dated the award to
    the wrong season: a fact about one season says which; one about the whole title says none."""
    fact = as_json(run_shipped("trivia", "--seed", "526", "--json"))
    assert fact["slug"] == "dr-romantic" and fact["season"] == 1
    printed = " ".join(run_shipped("trivia", "--seed", "526").output.split())
    assert f"• (season 1) {fact['text']}" in printed
    for seed in range(1, 40):
        whole = as_json(run_shipped("trivia", "--seed", str(seed), "--json"))
        if whole["season"] is None:
            said = " ".join(run_shipped("trivia", "--seed", str(seed)).output.split())
            assert f"• {whole['text']}" in said and "(season" not in said
            break
    else:
        pytest.fail("no fact about a whole title in seeds 1-39")


def test_trivia_heads_the_fact_as_the_show_page_heads_the_title(run: Run) -> None:
    heading = run("trivia", "--show", "moonlit", "--seed", "1").output.splitlines()[0]
    assert heading == "Moonlit Hallway  달빛 복도  (Dalbit Bokdo)"  # the romanisation, not the slug
    card = run("show", "moonlit-hallway").output.splitlines()[1]
    assert card.strip("│ ") == heading


def test_trivia_spoilers_only_when_asked(run: Run) -> None:
    seen = {
        as_json(run("trivia", "--show", "moonlit", "--seed", str(n), "--json"))["spoiler"]
        for n in range(20)
    }
    assert seen == {False}
    with_spoilers = {
        as_json(run("trivia", "--show", "moonlit", "--spoilers", "--seed", str(n), "--json"))[
            "spoiler"
        ]
        for n in range(30)
    }
    assert with_spoilers == {False, True}


def test_trivia_json_withholds_the_headlines_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """The trivia page hides a flagged source's headline; `trivia --json` described it. It
    now gives such a source without its title and url, as the page does, until --spoilers."""
    for seed in map(str, range(200)):
        result = run_shipped("trivia", "--seed", seed, "--json")
        flagged = [s for s in as_json(result)["sources"] if s["spoiler"]]
        if flagged:
            break
    else:
        pytest.fail("no trivia fact of the first 200 seeds cites a flagged source")
    assert all((s["title"], s["url"]) == (None, None) for s in flagged)
    slug = as_json(result)["slug"]
    hid = "hidden as a spoiler" if len(flagged) == 1 else "hidden as spoilers"
    assert result.stderr.endswith(f"{hid}: kdrama show {slug} --spoilers shows it\n")
    told = as_json(run_shipped("trivia", "--seed", seed, "--spoilers", "--json"))
    if told["text"] == as_json(result)["text"]:  # --spoilers may pick among more facts
        assert all(s["title"] and s["url"] for s in told["sources"])


def test_trivia_json_names_the_page_that_shows_a_withheld_headline(run_shipped: Run) -> None:
    """`trivia --json --seed N` said "add --spoilers" of the headline it withheld, but with
    --spoilers the same seed picks another fact (The 8 Show, not The Empress Ki), so the
    headline never showed. Stderr names the title's page with --spoilers, as the page does.
    (The seed moves when the facts a page may show change: 6 picked The Tale of Lady Ok.)"""
    plain = run_shipped("trivia", "--json", "--seed", "34")
    fact = as_json(plain)
    assert fact["slug"] == "the-empress-ki"
    widened = as_json(run_shipped("trivia", "--json", "--seed", "34", "--spoilers"))
    assert widened["slug"] != fact["slug"]
    assert plain.stderr == (
        "1 source headline and address hidden as a spoiler: "
        "kdrama show the-empress-ki --spoilers shows it\n"
    )
    page = flat(run_shipped("trivia", "--seed", "34").stdout)
    assert "address hidden as a spoiler: kdrama show the-empress-ki --spoilers" in page
    withheld = next(s["id"] for s in fact["sources"] if s["spoiler"])
    record = as_json(run_shipped("show", "the-empress-ki", "--json"))
    headline = next(c["title"] for c in record["sources"] if c["id"] == withheld)
    named = run_shipped("show", "the-empress-ki", "--spoilers", env={"COLUMNS": "300"})
    assert headline in flat(named.stdout)  # the page it names does show it


def test_trivia_honours_a_season_typed_with_the_title(run: Run, run_shipped: Run) -> None:
    def texts(runner: Run, show: str, *more: str) -> set[str]:
        return {
            as_json(runner("trivia", "--show", show, *more, "--seed", str(n), "--json"))["text"]
            for n in range(12)
        }

    every = texts(run, "moonlit", "--spoilers")
    assert "Cha Eun-bi survives the first season." in every  # a fact about season 1
    # Season 2: its facts and the title's own, as `show --season 2` lists them; not season 1's.
    assert texts(run, "moonlit hallway 2", "--spoilers") == {
        "The school set was built on a single sound stage."
    }
    second = texts(run_shipped, "squid game 2")
    assert len(second) == 1 and "seasons 2 and 3" in second.pop()  # the one fact of season 2
    third = texts(run_shipped, "squid game season 3")
    assert len(third) == 1 and "Season 3" in third.pop()
    missing = run_shipped("trivia", "--show", "squid game 4")
    assert missing.exit_code == 2
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 4" in missing.stderr


def test_trivia_with_no_fact_to_pick_says_why_as_cast_does(
    run: Run, run_shipped: Run, add_data: AddData
) -> None:
    """Nothing to pick is an empty answer (exit 0, one line on stderr), worded as `cast` and
    `similar` word the same title; --spoilers is suggested only when facts are hidden."""
    from tests.made_up import META, film

    record = run_shipped("trivia", "--show", "park-hwa-young")
    assert (record.exit_code, record.stdout) == (0, "")
    assert record.stderr == (
        "Park Hwa-Young: no facts yet; the catalogue holds only Netflix's record.\n"
    )
    cast = run_shipped("cast", "park-hwa-young").stderr
    assert "the catalogue holds only Netflix's record" in cast
    for _ in range(2):  # a seeded pick is replayed, but not an empty one without its line
        as_null = run_shipped("trivia", "--show", "park-hwa-young", "--seed", "1", "--json")
        assert as_null.exit_code == 0 and json.loads(as_null.stdout) is None
        assert "only Netflix's record" in as_null.stderr
    none = run("trivia", "--show", "night-train")
    assert (none.exit_code, none.stderr) == (0, "Night Train: no facts yet.\n")
    layer = add_data(
        META
        + film("hidden-ending")
        + '\n[[shows.facts]]\ntext = "It was all a dream."\nspoiler = true\n'
        + 'sources = ["test-chart"]\n'
    )
    hidden = run(*layer, "trivia", "--show", "hidden-ending")
    assert (hidden.exit_code, hidden.stdout) == (0, "")
    assert hidden.stderr == "Hidden Ending: 1 fact hidden as a spoiler: add --spoilers\n"
    shown = run(*layer, "trivia", "--show", "hidden-ending", "--spoilers")
    assert shown.exit_code == 0 and "It was all a dream." in shown.stdout


def test_quiz_piped_answers_and_score(run_shipped: Run) -> None:
    questions = as_json(run_shipped("quiz", "--questions", "3", "--seed", "1", "--json"))
    assert len(questions) == 3
    answers = "".join(f"{q['answer']}\n" for q in questions)
    result = run_shipped("quiz", "--questions", "3", "--seed", "1", input=answers)
    assert result.exit_code == 0
    assert result.output.count("Right!") == 3
    assert result.output.rstrip().endswith("Score: 3/3")
    for question in questions:
        assert len(question["options"]) == len(set(question["options"]))
        assert question["sources"]


def test_quiz_end_of_input_gives_the_score_so_far(run_shipped: Run) -> None:
    result = run_shipped("quiz", "--questions", "3", "--seed", "1", input="1\n")
    assert result.exit_code == 0
    assert "Score: " in result.output and result.output.rstrip().endswith("/1")


def test_quiz_asks_again_on_a_bad_answer(run_shipped: Run) -> None:
    questions = as_json(run_shipped("quiz", "--questions", "1", "--seed", "2", "--json"))
    right = questions[0]["answer"]
    result = run_shipped("quiz", "--questions", "1", "--seed", "2", input=f"nine\n0\n{right}\n")
    assert "Please answer with a number" in result.output
    assert result.output.rstrip().endswith("Score: 1/1")


def _complete(args: list[str], incomplete: str) -> list[tuple[str, str | None]]:
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    return [(item.value, item.help) for item in completer.get_completions(args, incomplete)]


def test_completion_of_titles_and_people() -> None:
    args = ["--data", str(MINI)]
    assert _complete([*args, "show"], "moon") == [("moonlit-hallway", "Moonlit Hallway")]
    assert _complete([*args, "compare", "moonlit-hallway"], "riv") == [
        ("river-of-lanterns", "River of Lanterns")
    ]
    assert ("kang-bora", "Kang Bo-ra") in _complete([*args, "person"], "ka")
    assert _complete([*args, "trivia", "--show"], "night") == [("night-train", "Night Train")]


def test_korean_genre_words_complete_when_korean_is_typed() -> None:
    """좀 offers 좀비 (zombie, a genre of the shipped catalogue); English typing is not crowded
    with other words ('sci' offers "science fiction" only)."""
    assert ("좀비", "zombie") in _complete(["list", "--genre"], "좀")
    assert [value for value, _ in _complete(["list", "--genre"], "sci")] == ["science-fiction"]
    assert ("넷플릭스", "Netflix") in _complete(["list", "--platform"], "넷")


def test_global_options_complete_after_the_command_too() -> None:
    """`kdrama show kingdom --no-pager` runs, but TAB there offered only show's own options:
    `--no-<TAB>` after a command gave nothing, and `--add-data <TAB>` no file. The shell's
    request (the completion script's environment) now gets the global options wherever the
    command line takes them, and a global option's value completes after the command too."""

    def offered(words: str, shell: str = "bash") -> list[str]:
        env = {"_KDRAMA_COMPLETE": f"{shell}_complete", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        result = CliRunner().invoke(cli, [], env=env, prog_name="kdrama")
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    after = ["plain,--no-personal", "plain,--no-color", "plain,--no-cache", "plain,--no-pager"]
    assert offered("kdrama show kingdom --no-") == after
    assert offered(f"kdrama --data {MINI} show moonlit-hallway --no-p") == after[:1] + after[3:]
    # a flag already typed, before the command or after it, is not offered again; a repeatable
    # option is
    assert "plain,--no-pager" not in offered("kdrama --no-pager show kingdom --no-")
    assert "plain,--add-data" in offered("kdrama show kingdom --add-data x.toml --add")
    assert offered("kdrama show kingdom --add-data ") == ["file,"]
    assert offered("kdrama data check --export-svg pa") == ["file,pa"]
    # the value joined to the option, as zsh and fish give it, and `--data=x` typed is --data
    assert offered("kdrama show kingdom --add-data=pa", "zsh")[:2] == ["file", "pa"]
    assert "plain,--data" not in offered(f"kdrama --data={MINI} show moonlit-hallway --da")
    # the command's own options come first; after `--`, nothing is an option
    both = offered("kdrama show kingdom --s")
    assert both[: both.index("plain,--spoilers") + 1] == ["plain,--season", "plain,--spoilers"]
    assert not [word for word in offered("kdrama show kingdom -- --no") if word]
    # zsh is told what each one does
    zsh = offered("kdrama show kingdom --no-pe", "zsh")
    assert zsh[:2] == ["plain", "--no-personal"] and "personal dataset" in zsh[2]
    # a global option typed after the command still chooses the catalogue completed from
    layered = offered(f"kdrama show --data {MINI} moon")
    assert layered == ["plain,moonlit-hallway"]


def test_dataset_options_complete_file_names() -> None:
    """People who extend the dataset type --add-data more than anything else."""
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    for option in ("--data", "--add-data"):
        items = completer.get_completions([option], "lay")
        assert [(item.type, item.value) for item in items] == [("file", "lay")]


def test_export_options_complete_file_names() -> None:
    """`kdrama --export-svg <TAB>` completed nothing (an empty reply), while every other option
    that takes a path offered files."""
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    for option in ("--export-svg", "--export-html"):
        items = completer.get_completions([option], "pag")
        assert [(item.type, item.value) for item in items] == [("file", "pag")], option
        among = completer.get_completions(["--no-color", option], "")
        assert [item.type for item in among] == ["file"], option


def test_completion_does_not_import_rich() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.shell_completion import ShellComplete\n"
        "from kdrama_cli.cli import cli\n"
        "c = ShellComplete(cli, {}, 'kdrama', '_KDRAMA_COMPLETE')\n"
        "assert c.get_completions(['show'], 'squ')\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if 'rich' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(run: Run, shell: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0
    assert "_KDRAMA_COMPLETE" in result.output


def test_a_filter_value_with_spaces_reaches_bash_as_one_word(run: Run, tmp_path: Path) -> None:
    """Click's bash script puts each completion on the command line unquoted: "Example
    Pictures" would become two words. Completion offers Example-Pictures, which the filter reads
    as the same value (case, spacing and punctuation are ignored); zsh and fish show the
    catalogue's spelling beside it."""
    import os
    import shlex
    import shutil
    import subprocess
    import sys

    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "kdrama").write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kdrama_cli "$@"\n', encoding="utf-8"
    )
    (folder / "kdrama").chmod(0o755)
    line = f"kdrama --data {shlex.quote(str(MINI))} list --platform ex"
    script = run("completion", "bash").stdout + (
        f"COMP_WORDS=({line}); COMP_CWORD=5; _kdrama_completion kdrama\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    shell = subprocess.run(
        ["bash", "--norc", "-c", script], env=env, capture_output=True, text=True, check=True
    )
    offered = shell.stdout.splitlines()
    assert offered == ["Examplenet", "Example-Pictures"]
    assert all(shlex.split(word) == [word] for word in offered)
    assert _complete(["--data", str(MINI), "list", "--platform"], "example p") == [
        ("Example-Pictures", "Example Pictures")
    ]
    as_typed = as_json(run("list", "--platform", "Example Pictures", "--json"))
    assert as_json(run("list", "--platform", "Example-Pictures", "--json")) == as_typed
    assert [t["slug"] for t in as_typed] == ["night-train"]


def test_export_svg_and_html_save_what_was_printed(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    svg, html = tmp_path / "show.svg", tmp_path / "show.html"
    result = run("--export-svg", str(svg), "--export-html", str(html), "show", "moonlit-hallway")
    assert result.exit_code == 0
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    assert "Moonlit" in svg.read_text(encoding="utf-8")
    assert "Moonlit Hallway" in html.read_text(encoding="utf-8")
    assert "Moonlit Hallway" in flat(result.output)


@pytest.mark.parametrize("option", ["--export-svg", "--export-html"])
def test_an_export_to_dash_is_refused_not_written_to_a_file_named_dash(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    """`--export-svg -` wrote a file named "-" in the current folder, where `upcoming --ics -`
    and `data netflix --out -` mean standard output; the page is on standard output already."""
    monkeypatch.chdir(tmp_path)
    result = run(option, "-", "show", "moonlit-hallway")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"kdrama: error: {option} -: an export is a file beside the page, which is on standard"
        " output already: give a PATH\n"
    )
    assert not (tmp_path / "-").exists()


def test_svg_and_html_exports_to_one_file_are_refused(run: Run, tmp_path: Path) -> None:
    """--export-svg and --export-html naming one file wrote the SVG, then the HTML over it,
    and exited 0: the picture asked for was not there. However the path is spelt, it is a
    usage error before the page is printed, and nothing is written."""
    picture = tmp_path / "show.svg"
    spelt = str(tmp_path / "sub" / ".." / "show.svg")
    (tmp_path / "sub").mkdir()
    for svg, html in ((str(picture), str(picture)), (str(picture), spelt)):
        result = run("--export-svg", svg, "--export-html", html, "show", "moonlit-hallway")
        assert result.exit_code == 2, result.stderr
        assert result.stdout == ""
        assert result.stderr == (
            f"kdrama: error: --export-svg {svg} and --export-html {html} name one file: the"
            " HTML page would replace the picture; give each its own PATH\n"
        )
        assert not picture.exists()


def test_an_export_leaves_the_piped_page_as_it_is_without_one(run: Run, tmp_path: Path) -> None:
    """A script diffing the page with and without --export-html saw every line changed: the
    export's rendering padded each line with spaces to the width."""
    plain = run("show", "moonlit-hallway").stdout
    exported = run("--export-html", str(tmp_path / "p.html"), "show", "moonlit-hallway").stdout
    assert exported == plain
    assert not any(line.endswith(" ") for line in exported.splitlines())
    assert "Moonlit Hallway" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_every_new_command_has_json(run: Run) -> None:
    """Each prints its answer as JSON: the document holds what was asked for (parsing alone
    would pass on [] or {})."""
    titles = {"moonlit-hallway", "night-train", "river-of-lanterns"}
    checks: list[tuple[list[str], Callable[[Any], bool]]] = [
        (
            ["person", "minho"],
            lambda doc: (
                doc["id"] == "seo-minho"
                and {"moonlit-hallway", "night-train"} <= {c["slug"] for c in doc["credits"]}
            ),
        ),
        (
            ["search", "lantern"],
            lambda doc: {"moonlit-hallway", "river-of-lanterns"} <= {r["target"] for r in doc},
        ),
        (["list"], lambda doc: {title["slug"] for title in doc} == titles),
        (["top"], lambda doc: doc["metric"] == "weeks" and doc["entries"] == []),
        (
            ["top", "-m", "hours-28"],
            lambda doc: (
                doc["metric"] == "hours-28" and doc["entries"][0]["slug"] == "river-of-lanterns"
            ),
        ),
        (
            ["chart", "moonlit-hallway"],
            lambda doc: (
                [(c["slug"], c["no_weeks"]) for c in doc] == [("moonlit-hallway", "never-in-top10")]
            ),
        ),
        (
            ["trivia", "--seed", "1"],
            lambda doc: doc["slug"] in titles and bool(doc["text"]) and bool(doc["sources"]),
        ),
        (
            ["quiz", "--seed", "1", "--questions", "1"],
            lambda doc: (
                len(doc) == 1
                and doc[0]["slug"] in titles
                and 1 <= doc[0]["answer"] <= len(doc[0]["options"])
            ),
        ),
    ]
    for args, holds in checks:
        result = run(*args, "--json")
        assert result.exit_code == 0, (args, result.output)
        assert holds(json.loads(result.stdout)), (args, result.stdout)


def test_completion_from_a_fresh_index_matches_the_dataset(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """With a fresh index, TAB reads a plain-text names file; the answers must not change."""
    args = ["--data", str(MINI)]
    before = _complete([*args, "show"], "")
    from click.testing import CliRunner

    for _ in range(2):
        CliRunner().invoke(cli, [*args, "show", "night-train"], catch_exceptions=False)
    names = list((tmp_path / "cache" / "kdrama").glob("index-*.names"))
    assert names, "the index was not written with its names file"
    assert _complete([*args, "show"], "") == before
    assert _complete([*args, "person"], "ka") == [("kang-bora", "Kang Bo-ra")]


def test_seeded_trivia_and_quiz_json_replay_identically(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    runner = CliRunner()
    for args in (
        ["trivia", "--seed", "5"],
        ["trivia", "--seed", "5", "--json"],
        ["quiz", "--seed", "5", "--questions", "2", "--json"],
    ):
        outputs = [
            runner.invoke(cli, ["--data", str(MINI), *args], catch_exceptions=False).output
            for _ in range(3)
        ]
        assert outputs[0] == outputs[1] == outputs[2], args
    pages = list((tmp_path / "cache" / "kdrama" / "pages").glob("page-*.txt"))
    assert len(pages) == 3


def test_completion_picks_the_same_rows_as_reading_every_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """TAB matches what was typed before splitting lines (a names file has thousands); the rows
    must be exactly those the full reading finds, for ASCII, accented and Hangul input, and
    whatever an untrusted file holds."""
    from kdrama_cli.store import pages

    def both(raw: bytes, kind: str, typed: str) -> tuple[list[str], list[str]]:
        full = [
            line
            for line in raw.decode("utf-8", "replace").splitlines()
            if line.split("\t")[:1] == [kind]
        ]

        def matches(line: str) -> bool:  # as completion_rows reads a line
            fields = line.split("\t")
            if len(fields) != 4 or fields[0] != kind or not fields[1]:
                return False
            name = clean(fields[3]).casefold()
            return clean(fields[1]).startswith(typed) or name.startswith(typed)

        quick = [line for line in pages._candidates(raw, kind, typed) if matches(line)]
        return quick, [line for line in full if matches(line)]

    shipped = CliRunner().invoke(cli, ["show", "squid-game"], catch_exceptions=False)
    assert shipped.exit_code == 0
    (names,) = (tmp_path / "cache" / "kdrama").glob("index-*.names")
    raw = names.read_bytes()
    assert not raw.translate(None, pages._PRINTABLE_BYTES)  # the quick path applies
    for kind, typed in [
        ("show", "squ"),
        ("show", "s"),
        ("show", "bon app"),
        ("show", "café"),
        ("show", "오징"),
        ("person", "park"),
        ("person", "lee j"),
        ("person", "zz-nothing"),
    ]:
        quick, full = both(raw, kind, typed)
        assert quick == full, (kind, typed)
        if typed in ("squ", "s", "park"):
            assert quick
    odd = "show\tsquid\tSquid\tBon Appétit\nshow\tsquare\tSq\u2028show\tsqueak\tSqueak\tSqueak\n"
    quick, full = both(odd.encode(), "show", "squ")
    assert quick == full and len(full) == 2
    # A control character (which clean() removes, joining what it split) sends every line
    # through the full reading.
    assert b"\x07" in b"show\tsq\x07uad\tx\tx\n".translate(None, pages._PRINTABLE_BYTES)


def test_a_title_named_like_its_slug_still_completes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The names file leaves out a row whose name is the slug itself only when the title has
    another row: a title named exactly like its slug must still be offered."""
    data = tmp_path / "named-like-slug.toml"
    data.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'title = "Moonlit Hallway"', 'title = "moonlit-hallway"', 1
        ),
        encoding="utf-8",
    )
    args = ["--data", str(data)]
    before = _complete([*args, "show"], "moo")
    for _ in range(2):
        CliRunner().invoke(cli, [*args, "show", "night-train"], catch_exceptions=False)
    assert list((tmp_path / "cache" / "kdrama").glob("index-*.names"))
    assert _complete([*args, "show"], "moo") == before == [("moonlit-hallway", "moonlit-hallway")]


def test_a_damaged_names_file_is_set_aside_and_tab_still_completes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The names file carried no check: a damaged one made TAB offer nothing until the next
    index build. Its CRC line now sets it aside, and completion reads the dataset instead."""
    args = ["--data", str(MINI)]
    for _ in range(2):
        CliRunner().invoke(cli, [*args, "show", "night-train"], catch_exceptions=False)
    (names,) = (tmp_path / "cache" / "kdrama").glob("index-*.names")
    assert names.read_bytes().startswith(b"#crc ")
    assert _complete([*args, "show"], "moo") == [("moonlit-hallway", "Moonlit Hallway")]
    damaged = names.read_bytes().replace(b"moonlit-hallway", b"moonlit-hallwax")
    names.write_bytes(damaged)
    assert _complete([*args, "show"], "moo") == [("moonlit-hallway", "Moonlit Hallway")]


def test_adapted_from_a_kind_no_title_has_is_a_usage_error(run: Run) -> None:
    """--adapted-from takes the vocabulary's kinds of work; one no title is adapted from is a
    usage error, as an unknown --genre is, not an empty list, and TAB does not offer it."""
    for kind in ("webcomic", "Book"):
        result = run("list", "--adapted-from", kind)
        assert result.exit_code == 2, result.output
        said = " ".join(result.stderr.split())
        assert f"no title in the catalogue is adapted from a {kind.lower()}" in said
        assert f"{KDRAMA} values adapted-from" in said
    assert run("list", "--adapted-from", "webtoon", "--year", "1999").exit_code == 0
    assert _complete(["--data", str(MINI), "list", "--adapted-from"], "w") == [("webtoon", None)]
    assert [v for v, _ in _complete(["--data", str(MINI), "list", "--adapted-from"], "")] == [
        "any",
        "webtoon",
    ]


#: A layer with a film adapted from a webcomic, a kind of work the mini dataset has none of.
_WEBCOMIC = """
[[source_works]]
id = "a-strip"
title = "A Strip"
kind = "webcomic"
writers = ["yoon-gaeul"]
sources = ["test-webtoon"]

[[shows]]
slug = "strip-film"
title = "Strip Film"
kind = "film"
platform = "Example Pictures"
genres = ["drama"]
synopsis = "A made-up film."
release_date = 2020-01-01
source_work = "a-strip"
sources = ["test-chart"]
"""


def test_adapted_from_a_kind_no_title_has_names_the_nearest_kind_some_title_has(
    run: Run, add_data: AddData
) -> None:
    """README's own example, `--adapted-from webcomic`, names the nearest value: webtoon, the
    catalogue's word for one (ux-review13, MUST 2). Only a suggestion, not another word for
    webtoon: once a layer adds a webcomic's adaptation, each finds its own titles, so --help
    keeps offering every kind a dataset may name."""
    result = run("list", "--adapted-from", "webcomic")
    assert result.exit_code == 2
    assert (
        "kdrama: error: --adapted-from: no title in the catalogue is adapted from a webcomic. "
        f"Did you mean webtoon? All of them: {KDRAMA} values adapted-from"
    ) in flat(result.stderr)
    layer = add_data(_WEBCOMIC)
    assert _slugs(run(*layer, "list", "--adapted-from", "webcomic", "--json")) == ["strip-film"]
    assert _slugs(run(*layer, "list", "--adapted-from", "webtoon", "--json")) == ["moonlit-hallway"]
    said = flat(run("list", "--help").output)
    assert "--adapted-from KIND" in said
    assert "webtoon, webcomic, novel, web-novel, manhwa, manga, film, book, essay, other" in said
    assert "kdrama values adapted-from lists those some title has." in said


def test_adapted_from_a_kind_no_shipped_title_has_names_the_nearest(run_shipped: Run) -> None:
    """The shipped catalogue has no webcomic or book adaptation: each gets the kinds nearest in
    meaning that it has."""
    for kind, meant in (("webcomic", "webtoon or manhwa"), ("book", "novel, web-novel or essay")):
        result = run_shipped("list", "--adapted-from", kind)
        assert result.exit_code == 2
        assert f"Did you mean {meant}?" in flat(result.stderr), result.stderr


def test_completion_offers_a_title_by_a_word_of_it_when_nothing_starts_so(
    tmp_path: Path,
) -> None:
    """`show glory` opens The Glory, so `show glory<TAB>` offers the-glory: from three letters,
    a word of the title (or slug) may start what was typed, as for a partial name. Only when no
    slug or name starts with it: a shell puts the common start of what is offered on the line,
    and a word match would take `train` -> train-depot from the prefix typist. The same from the
    dataset's rows and from a fresh index's names file."""
    from tests.made_up import META, film

    layer = tmp_path / "depot.toml"
    layer.write_text(META + film("train-depot"), encoding="utf-8")
    args = ["--data", str(MINI), "--add-data", str(layer), "show"]
    for _ in range(2):  # the first from the dataset; it builds the index, the second reads it
        assert _complete(args, "lanterns") == [("river-of-lanterns", "River of Lanterns")]
        assert _complete(args, "HALLW") == [("moonlit-hallway", "Moonlit Hallway")]
        assert _complete(args, "night t") == [("night-train", "Night Train")]
        assert _complete(args, "train") == [("train-depot", "Train Depot")]  # a prefix wins
        assert _complete(args, "ra") == []  # two letters: no word match
        assert _complete(args, "oflan") == []  # never across a word boundary
        assert list((tmp_path / "cache" / "kdrama").glob("index-*.names"))


def test_completion_offers_titles_and_people_by_their_hangul_and_other_names(
    tmp_path: Path,
) -> None:
    """`show 오징어` opens Squid Game, but `오징어<TAB>` offered nothing: a Korean title, a
    Hangul name and an alias complete too, the name that matched in the description. The same
    from the dataset's rows and from a fresh index's names file."""
    args = ["--data", str(MINI)]
    for _ in range(2):  # the first from the dataset; it builds the index, the second reads it
        assert _complete([*args, "show"], "달빛") == [
            ("moonlit-hallway", "Moonlit Hallway (달빛 복도)")
        ]
        assert _complete([*args, "show"], "복도") == [  # a word of it, from two syllables
            ("moonlit-hallway", "Moonlit Hallway (달빛 복도)")
        ]
        assert _complete([*args, "person"], "강보") == [("kang-bora", "Kang Bo-ra (강보라)")]
        assert _complete([*args, "path"], "서민") == [("seo-minho", "Minho (서민호)")]
        assert _complete([*args, "person"], "han jee") == [
            ("han-ji-won", "Han Ji-won (Han Jee-won)")
        ]
        assert _complete([*args, "show"], "moon") == [("moonlit-hallway", "Moonlit Hallway")]
        assert _complete([*args, "person"], "seo") == [("seo-minho", "Minho")]
        CliRunner().invoke(cli, [*args, "show", "night-train"], catch_exceptions=False)
        assert list((tmp_path / "cache" / "kdrama").glob("index-*.names"))


def test_path_ends_complete_to_people_and_titles() -> None:
    """Either end of `path` may be a title (`path lomon squid` works), so TAB offers both."""
    args = ["--data", str(MINI), "path"]
    assert _complete(args, "ka") == [("kang-bora", "Kang Bo-ra")]
    assert _complete([*args, "kang-bora"], "ni") == [("night-train", "Night Train")]
    offered = {value for value, _ in _complete([*args, "night-train"], "")}
    assert {"kang-bora", "moonlit-hallway", "night-train"} <= offered


def test_season_and_report_options_complete(
    shipped_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--season offers the seasons of the title typed (before or after it), with their status;
    --report the engagement reports the dataset has figures from."""
    args = ["--data", str(MINI)]
    seasons = [("1", "released 2022-01-28"), ("2", "renewed")]
    assert _complete([*args, "show", "moonlit-hallway", "--season"], "") == seasons
    assert _complete([*args, "show", "--season"], "") == []  # no title yet
    # chart draws only a season with Top 10 weeks (Moonlit Hallway has none), and seen add
    # marks only a season that is out: the renewed one is not offered
    assert _complete([*args, "chart", "moonlit hallway", "night-train", "-s"], "") == []
    assert _complete([*args, "cast", "moonlit-hallway", "-s"], "2") == [seasons[1]]
    assert _complete([*args, "show", "no-such-title", "--season"], "") == []
    # a title of several words needs no quotes, at TAB too
    assert _complete([*args, "show", "moonlit", "hallway", "--season"], "") == seasons
    assert _complete([*args, "seen", "add", "moonlit", "hallway", "-s"], "") == [seasons[0]]
    assert _complete([*args, "seen", "remove", "moonlit", "hallway", "-s"], "") == seasons
    monkeypatch.setenv("XDG_CACHE_HOME", str(shipped_cache))  # the shipped catalogue's reports
    charted = [value for value, _ in _complete(["chart", "all-of-us-are-dead", "-s"], "")]
    assert charted == ["1"]  # season 2 is in production
    assert [value for value, _ in _complete(["chart", "signal", "-s"], "")] == []  # none charted
    reports = _complete(["top", "--metric", "report-hours", "--report"], "2023")
    assert [value for value, _ in reports] == ["2023H1", "2023H2"]


def test_a_season_netflix_lists_completes_as_out(
    shipped_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Better Late Than Single's season 2 is announced in the catalogue, but Netflix's global
    Top 10 lists it in the week ending 2026-07-12: `seen add --season 2` takes it from that
    day, so TAB offers it from that day too, and says why beside the number, as the show page
    does. Judged against $KDRAMA_TODAY, as the commands judge it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(shipped_cache))
    seen_add = ["seen", "add", "better-late-than-single", "-s"]
    listed = ("2", "announced, on Netflix by 2026-07-12")
    monkeypatch.setenv("KDRAMA_TODAY", "2026-11-30")
    assert _complete(seen_add, "") == [("1", "released 2025-07-08"), listed]
    assert _complete(["show", "better-late-than-single", "-s"], "2") == [listed]
    monkeypatch.setenv("KDRAMA_TODAY", "2026-07-11")  # the day before that week ended
    assert _complete(seen_add, "") == [("1", "released 2025-07-08")]
    assert _complete(["show", "better-late-than-single", "-s"], "2") == [("2", "announced")]
    monkeypatch.setenv("KDRAMA_TODAY", "not a date")  # the command reports it; TAB stays quiet
    assert _complete(seen_add, "") == [("1", "released 2025-07-08"), listed]


@pytest.mark.parametrize("columns", ["20", "24", "30", "36"])
def test_a_narrow_chart_never_cuts_a_week_or_a_figure(run_shipped: Run, columns: str) -> None:
    """At 36 columns "448.73M" read "448.73", and at 24 "2021-09-": a number or a date that
    does not fit is never cut; the rank, then the season, give way, and the note says so."""
    out = run_shipped("--no-pager", "chart", "squid-game", env={"COLUMNS": columns}).stdout
    words = out.split()
    for value in ("2021-09-19", "63.19M", "2021-09-26", "448.73M", "2025-08-24", "7.5M"):
        assert value in words, (value, out)
    assert "448.73" not in words and "2021-09-" not in words
    if columns != "36":
        note = flat(out).split(f"Left out at {columns} columns: ")[1]
        assert note.startswith(("Rank (", "Season, Rank ("))
    # an address is never wrapped (a terminal copies it whole), as under every Sources list
    assert all(len(line) <= int(columns) for line in out.splitlines() if "://" not in line)


@pytest.mark.parametrize("columns", ["20", "24", "30"])
def test_a_board_too_narrow_for_its_table_keeps_every_title(run_shipped: Run, columns: str) -> None:
    """At 20 columns the Title column was squeezed to nothing while the note named another:
    now each row is a block, the title heading it, with every field (As of too: a block has
    room for it), so no note says a column is left out."""
    out = run_shipped("--no-pager", "top", "-m", "hours-28", env={"COLUMNS": columns}).stdout
    flat_out = flat(out)
    for entry in as_json(run_shipped("top", "-m", "hours-28", "--json"))["entries"]:
        # an all-time board's blocks are headed by Netflix's rank, named as such
        said = f"Netflix # {entry['netflix_rank']} Title: {entry['title']}"
        assert said in flat_out, (said, out)
    assert "1.65B" in out.split() and "Figure: 560.78M" in flat_out
    assert "as of 2023-05-31" in flat_out and "Left out" not in flat_out
    # an address is never wrapped (a terminal copies it whole), as under every Sources list
    assert all(len(line) <= int(columns) for line in out.splitlines() if "://" not in line)


def test_list_csv_has_the_json_season_counts(run: Run) -> None:
    """`list --json` gives a film 0 seasons and has `released_seasons`; its CSV had an empty
    cell and no such column. Both columns now hold what the JSON keys do, row by row."""
    import csv

    rows = list(csv.DictReader(run("list", "--csv").stdout.splitlines()))
    documents = {d["slug"]: d for d in as_json(run("list", "--json"))}
    assert {r["slug"] for r in rows} == set(documents)
    for row in rows:
        document = documents[row["slug"]]
        assert int(row["seasons"]) == document["seasons"]
        assert int(row["released_seasons"]) == document["released_seasons"]
    film = next(r for r in rows if r["kind"] == "film")
    assert (film["seasons"], film["released_seasons"]) == ("0", "0")


def test_search_json_and_csv_carry_the_same_rank_score_and_keys(run: Run) -> None:
    """JSON had `score` and no `rank`, the CSV `rank` and no `score`; and only a character
    result had `person`, `actor` and `seasons`. Every result now has every key (null where it
    does not apply), and the CSV's rank and score are the JSON's."""
    import csv

    character, title = (as_json(run("search", q, "--json")) for q in ("captain", "lantern"))
    assert [r["kind"] for r in character] == ["character"] and character[0]["actor"]
    assert {r["kind"] for r in title} == {"title", "source work"}
    assert {tuple(r) for r in character + title} == {tuple(character[0])}  # one key set
    for r in title:
        assert (r["person"], r["actor"], r["seasons"]) == (None, None, None)
    results = title
    assert [r["rank"] for r in results] == list(range(1, len(results) + 1))
    rows = list(csv.DictReader(run("search", "lantern", "--csv").stdout.splitlines()))
    assert [(int(r["rank"]), int(r["score"])) for r in rows] == [
        (r["rank"], r["score"]) for r in results
    ]


def test_a_top10_board_ranks_one_netflix_list_and_names_the_others(run_shipped: Run) -> None:
    """Netflix ranks films, non-English TV and English TV on separate lists: a board keeps to
    one (the largest by default), says which in its heading, and names the others."""
    board = as_json(run_shipped("top", "--metric", "weeks", "--limit", "200", "--json"))
    assert board["list"] == "TV (Non-English)"
    assert {e["list"] for e in board["entries"]} == {"TV (Non-English)"}
    others = {o["option"]: o["titles"] for o in board["other_lists"]}
    assert set(others) == {"films", "tv-english"} and all(others.values())
    films = as_json(run_shipped("top", "--metric", "weeks", "--list", "films", "--json"))
    assert films["list"] == "Films (Non-English)"
    assert {e["list"] for e in films["entries"]} == {"Films (Non-English)"}
    assert "the-great-flood" in {e["slug"] for e in films["entries"]}
    # a film's board by --kind is the films list, without being told
    by_kind = as_json(run_shipped("top", "--metric", "weeks", "--kind", "film", "--json"))
    assert by_kind["list"] == "Films (Non-English)"
    page = " ".join(run_shipped("--no-pager", "top", "--metric", "weeks").stdout.split())
    assert page.startswith("Weeks in Netflix's global Top 10 · TV (Non-English)")
    assert "on lists of their own: Films (Non-English)," in page
    assert "(--list films)" in page and "(--list tv-english)" in page


def test_top_options_are_the_boards_and_lists_the_answers_know() -> None:
    """--metric and --list take their words from catalogue.vocab, not copies of their own, and
    those words are the boards and lists the answers rank: a fifth list or a new board cannot
    appear in other_lists or the help with a word the option refuses."""
    from kdrama_cli.answers.leaderboards import BOARDS, REPORT_BOARDS, list_option
    from kdrama_cli.catalogue.vocab import (
        NETFLIX_LISTS,
        REPORT_METRICS,
        TOP10_LISTS,
        TOP10_METRICS,
    )
    from kdrama_cli.commands.discover import top

    choices = {p.name: list(getattr(p.type, "choices", ())) for p in top.params}
    assert tuple(BOARDS) == TOP10_METRICS and tuple(REPORT_BOARDS) == REPORT_METRICS
    assert choices["metric"] == [*BOARDS, *REPORT_BOARDS]
    assert choices["chart_list"] == list(TOP10_LISTS)
    assert [list_option(name) for name in TOP10_LISTS.values()] == list(TOP10_LISTS)
    assert set(TOP10_LISTS.values()) <= set(NETFLIX_LISTS)


def test_a_report_board_ranks_one_sheet_of_the_report_at_a_time(run_shipped: Run) -> None:
    """From July–December 2023 on, Netflix's report lists TV and films on sheets of their own,
    as its Top 10 ranks them apart: the views board put Bogotá: City of the Lost (a film,
    20.9M views) among the series, and `--list films` was refused as if a report had one
    list. A report's board ranks one sheet, by default its TV sheet unless --kind picks the
    other, names the other with its --list, and --json gives the sheet as its list."""
    tv = as_json(run_shipped("top", "--metric", "report-views", "--report", "2025H1", "--json"))
    assert tv["list"] == "What We Watched: TV"
    films_sheet = {"list": "What We Watched: Films", "option": "films", "titles": 428}
    assert tv["other_lists"] == [films_sheet]
    assert {e["list"] for e in tv["entries"]} == {"What We Watched: TV"}
    assert "bogota-city-of-the-lost" not in {e["slug"] for e in tv["entries"]}
    films = as_json(
        run_shipped("top", "--metric", "report-views", "--list", "films", "--json")
    )  # the latest report, 2025H1
    assert films["list"] == "What We Watched: Films" and len(films["entries"]) == 428
    assert films["entries"][0]["slug"] == "bogota-city-of-the-lost"
    assert films["other_lists"] == [{"list": "What We Watched: TV", "option": "tv", "titles": 591}]
    kind = as_json(run_shipped("top", "-m", "report-views", "--kind", "film", "--json"))
    assert kind["list"] == "What We Watched: Films"  # the sheet with the most films
    page = flat(run_shipped("--no-pager", "top", "--metric", "report-views", "-n", "3").stdout)
    assert page.startswith(
        "Views in Netflix's engagement report, January–June 2025 · TV · as of 2025-06-30 # Title"
    )
    assert (
        "The report lists other titles with this figure on a sheet of their own: Films, 428 "
        "(--list films)." in page
    )
    # every Korean row of the report is on one of its sheets: 1,019 in January–June 2025
    hours = [
        as_json(run_shipped("top", "-m", "report-hours", "--list", word, "--json"))["entries"]
        for word in ("tv", "films")
    ]
    assert sum(map(len, hours)) == 1019
    # January–June 2023 is one sheet: its board ranks TV and films together, as it lists them
    first = as_json(run_shipped("top", "--report", "2023H1", "--json"))
    assert first["list"] == "What We Watched" and first["other_lists"] == []
    assert len(first["entries"]) == 1115


def test_a_report_board_ranks_the_tv_sheet_whichever_sheet_has_more_titles(
    run_shipped: Run,
) -> None:
    """January–June 2024's Films sheet has one title-season more than its TV sheet (467 and
    466), and 'top --report 2024H1' ranked the films while every other report's board ranks
    TV. A report's board ranks its TV sheet unless --list films or --kind picks the other; a
    Top 10 board still ranks the list with the most titles of --kind."""
    board = as_json(run_shipped("top", "--report", "2024H1", "--json"))
    assert board["list"] == "What We Watched: TV" and len(board["entries"]) == 466
    assert board["other_lists"] == [
        {"list": "What We Watched: Films", "option": "films", "titles": 467}
    ]
    page = run_shipped("--no-pager", "top", "--report", "2024H1", "-n", "3")
    assert page.exit_code == 0
    text = flat(page.stdout)
    assert text.startswith("Hours viewed in Netflix's engagement report, January–June 2024 · TV")
    assert "Queen of Tears" in text
    assert "on a sheet of their own: Films, 467 (--list films)." in text
    for picked in (["--list", "films"], ["--kind", "film"]):
        films = as_json(run_shipped("top", "--report", "2024H1", *picked, "--json"))
        assert films["list"] == "What We Watched: Films"
    series = as_json(run_shipped("top", "--report", "2024H1", "--kind", "series", "--json"))
    assert series["list"] == "What We Watched: TV"
    top10 = as_json(run_shipped("top", "-m", "weeks", "--kind", "film", "--json"))
    assert top10["list"] == "Films (Non-English)"


def test_a_report_figure_naming_no_sheet_of_its_report_is_left_out_and_warned(
    run_shipped: Run, write_dataset: Callable[..., Path]
) -> None:
    """A layer's half-year figure naming the report without its sheet, in a report of two
    sheets, is on neither sheet's board: the board says so, and data check says which."""
    layer = write_dataset(
        REPORT_FIGURE_AGAIN.replace('list = "What We Watched: TV"', 'list = "What We Watched"'),
        "no-sheet.toml",
    )
    board = run_shipped("--no-pager", "--add-data", str(layer), "top", "-m", "report-hours")
    assert "Left out: Squid Game S2 has this figure but names none of the report's sheets" in flat(
        board.stdout
    )
    check = run_shipped("data", "check", "--strict", "--json", str(layer))
    assert check.exit_code == 1
    assert [at_entry(layer, w) for w in json.loads(check.stdout)["warnings"] if "sheets" in w] == [
        "stats[0]: squid-game's hours-viewed figure (half-year:2025H1) names 'What "
        "We Watched', none of its report's sheets, so no `top` board ranks it (give list = "
        "'What We Watched: Films' or 'What We Watched: TV')"
    ]


def test_compare_says_what_keeps_figures_apart(run_shipped: Run) -> None:
    """Two titles with figures of one metric and window that still share no row: the page
    says why (the list, or the season), not that no metric and window agree."""
    lists = run_shipped("--no-pager", "compare", "squid-game", "squid-game-the-challenge")
    said = " ".join(lists.stdout.split())
    assert "Netflix ranks them on separate lists" in said
    assert "Squid Game on TV (Non-English), Squid Game: The Challenge on TV (English)" in said
    assert "same metric and window" not in said
    apart = as_json(run_shipped("compare", "squid-game", "squid-game-the-challenge", "--json"))
    assert apart["stats"] == [] and apart["figures_apart"]["reason"] == "list"
    # an engagement report lists a film and a series on sheets of their own, from 2023H2 on
    sheets = flat(run_shipped("--no-pager", "compare", "kingdom", "miss-granny").stdout)
    # named as top names them ('engagement report … · TV'), not by the workbook's list name
    assert (
        "Kingdom on the engagement report's TV sheet, Miss Granny on the engagement report's"
        " Films sheet" in sheets
    )
    seasons = flat(run_shipped("--no-pager", "compare", "the-glory", "brave-detectives").stdout)
    assert (
        "are of different seasons (The Glory's for season 1, Brave Detectives' for season 2)"
        in seasons
    )
    apart = as_json(run_shipped("compare", "the-glory", "brave-detectives", "--json"))
    assert apart["figures_apart"]["reason"] == "season"
    assert apart["figures_apart"]["seasons"] == {"the-glory": [1], "brave-detectives": [2]}
    lined_up = as_json(run_shipped("compare", "squid-game", "all-of-us-are-dead", "--json"))
    assert lined_up["stats"] and lined_up["figures_apart"] is None


def _with_spoiler_note(tmp_path: Path) -> Run:
    """The made-up dataset with a cast note that gives a result away, flagged as a spoiler."""
    data = tmp_path / "spoiler-note.toml"
    data.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'character = "Ko Dae-ho"\nrole = "main"\n',
            'character = "Ko Dae-ho"\nrole = "main"\n'
            'note = "Escapes the school at dawn."\nspoiler = true\n',
            1,
        ),
        encoding="utf-8",
    )
    return _runner(data)


def test_search_hides_a_spoiler_cast_note_unless_asked(tmp_path: Path) -> None:
    """A cast note flagged as a spoiler is neither matched nor shown, as `show` hides spoilers;
    stderr says a match was hidden and how to see it; --spoilers finds it, marked."""
    run = _with_spoiler_note(tmp_path)
    result = run("search", "escapes the school")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Escapes" not in result.output
    assert "1 match hidden as a spoiler: add --spoilers" in result.stderr
    for fmt in ("--json", "--csv"):
        machine = run("search", "escapes the school", fmt)
        assert "Escapes" not in machine.stdout
        assert "1 match hidden as a spoiler: add --spoilers" in machine.stderr
    shown = as_json(run("search", "escapes the school", "--spoilers", "--json"))
    assert [(r["label"], r["matched"]) for r in shown] == [
        ("Ko Dae-ho in Moonlit Hallway", "cast note (spoiler): Escapes the school at dawn.")
    ]
    text = flat(run("search", "escapes the school", "--spoilers", env={"COLUMNS": "300"}).stdout)
    assert "cast note (spoiler): Escapes the school at dawn." in text


def test_search_hides_spoiler_notes_of_the_shipped_catalogue(run_shipped: Run) -> None:
    """`search winner` gave away who won Physical: 100 and Culinary Class Wars."""
    assert "Winner of season" not in run_shipped("search", "winner", "--json").stdout
    page = run_shipped("search", "winner")
    assert "Winner of season" not in page.stdout
    assert re.search(r"hidden as (a spoiler|spoilers): add --spoilers", flat(page.stdout))
    assert "Winner of season 2." in run_shipped("search", "winner", "--spoilers").stdout


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("Night Train", f"{KDRAMA} show night-train"),
        ("moonlit hallway 1", f"{KDRAMA} show moonlit-hallway --season 1"),
    ],
)
def test_a_title_given_for_a_person_says_it_is_a_title(run: Run, name: str, command: str) -> None:
    result = run("person", name)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"no person matches {name!r}. {name!r} is a title: {command}." in message


def test_a_titles_name_for_a_person_keeps_only_names_that_begin_with_it(
    run_shipped: Run,
) -> None:
    """'person I': I is a film, and IU (whose name begins with it) may be meant; 'person Eve'
    offered the singer V and Seven High, guesses far weaker than the series Eve."""
    i = " ".join(run_shipped("person", "I").stderr.split())
    # what the name is answers the miss: no count of the catalogue, nor search, after it
    assert i.endswith("'I' is a title: kdrama show i. Did you mean IU?")
    eve = " ".join(run_shipped("person", "Eve").stderr.split())
    assert eve.endswith("'Eve' is a title: kdrama show eve.")
    assert "Did you mean" not in eve


@pytest.mark.parametrize("command", [["trivia"], ["quiz", "--questions", "1"]])
def test_a_persons_name_given_to_show_option_says_it_is_a_person(
    run: Run, command: list[str]
) -> None:
    result = run(*command, "--show", "han ji-won", input="1\n")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    said = f"--show: no title matches 'han ji-won'. 'han ji-won' is a person: {KDRAMA} person"
    assert said in message


def test_search_for_a_season_a_title_lacks_lists_the_title_and_why(run: Run) -> None:
    """'the glory season 2' found nothing although show explains it: search lists the title,
    says in Matched why (as show's error does), and gives the command without --season."""
    results = as_json(run("search", "river of lanterns season 2", "--json"))
    assert [(r["target"], r["matched"], r["command"]) for r in results] == [
        (
            "river-of-lanterns",
            "title: River of Lanterns; the catalogue has season 1, not season 2",
            f"{KDRAMA} show river-of-lanterns",
        )
    ]
    page = flat(run("search", "river of lanterns season 2", env={"COLUMNS": "300"}).stdout)
    assert "the catalogue has season 1, not season 2" in page
    assert f"{KDRAMA} show river-of-lanterns" in page
    assert "--season" not in page


def test_search_for_a_part_says_which_season_holds_it(run_shipped: Run) -> None:
    results = as_json(run_shipped("search", "the glory part 2", "--json"))
    assert results[0]["matched"] == "title: The Glory, season 1 (part 2)"
    assert results[0]["command"] == "kdrama show the-glory --season 1"
    bare = as_json(run_shipped("search", "the glory 2", "--json"))
    assert bare[0]["matched"] == (
        "title: The Glory; the catalogue has season 1, not season 2; part 2 belongs to season 1"
    )
    assert bare[0]["command"] == "kdrama show the-glory"


def test_an_empty_top10_board_points_to_the_list_that_has_the_titles(run_shipped: Run) -> None:
    """Films asked for on the TV list: the films are on the films list, which the line names
    with its option, rather than blaming what Netflix publishes; a --list given is kept even
    when no title of --kind has the figure on any list."""
    result = run_shipped("top", "-m", "weeks", "--kind", "film", "--list", "tv")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 0 and result.stdout == ""
    assert "none of the" in said and "on this list is a film" in said
    assert "those with it are on Netflix's other lists: Films (Non-English)," in said
    assert "(--list films)" in said and "Netflix publishes it only" not in said
    none = as_json(
        run_shipped("top", "-m", "hours-28", "--kind", "film", "--list", "films", "--json")
    )
    assert none["list"] == "Films (Non-English)" and none["entries"] == []


def test_an_empty_film_board_does_not_say_no_title_has_the_figure(run_shipped: Run) -> None:
    """No film has the first-28-days figure, but four series have it on the TV list: the
    films board says so, and where they are, rather than that no title has the figure."""
    result = run_shipped("top", "-m", "hours-28", "--kind", "film", "--list", "films")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 0 and result.stdout == ""
    assert "no title in the catalogue has this figure" not in said
    assert "none of the 4 with this figure, on any of Netflix's lists, is a film" in said
    assert "those with it are on TV (Non-English), 4 (--list tv), with no --kind." in said


@pytest.mark.parametrize("output", ["--json", "--csv", "--tsv"])
def test_an_empty_board_for_scripts_says_why_on_stderr_as_its_page_does(
    run_shipped: Run, output: str
) -> None:
    """`top --json`, `--csv` and `--tsv` printed an empty board with nothing on stderr, while
    the page and `list --json` say why nothing matched: a script could not tell a filter that
    left nothing from a catalogue with no such figure."""
    asked = ("top", "--metric", "hours-28", "--kind", "film")
    page = run_shipped(*asked)
    result = run_shipped(*asked, output)
    assert result.exit_code == 0
    assert result.stderr == page.stderr
    assert "none of the 4 with this figure is a film" in " ".join(result.stderr.split())
    if output == "--json":
        assert as_json(result)["entries"] == []
    else:
        assert len(result.stdout.splitlines()) == 1  # the header alone
    ranked = run_shipped("top", "--metric", "hours-28", output)  # a board with rows: no line
    assert ranked.exit_code == 0 and ranked.stderr == ""


def test_a_figure_naming_no_list_joins_no_list_s_board(run: Run, tmp_path: Path) -> None:
    """In a dataset where some Top 10 figures name their list and one does not, the one that
    does not is ranked on no list's board (it was ranked on whichever was asked for)."""
    data = tmp_path / "lists.toml"
    text = MINI.read_text(encoding="utf-8")
    # one title's first-28-days figure names the TV list, the other's names none
    text = text.replace(
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\n',
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\nlist = "TV (Non-English)"\n',
        1,
    )
    data.write_text(text, encoding="utf-8")
    board = as_json(_runner(data)("top", "--metric", "hours-28", "--json"))
    assert board["list"] == "TV (Non-English)"
    assert [e["slug"] for e in board["entries"]] == ["moonlit-hallway"]
    assert [e["slug"] for e in board["unlisted"]] == ["river-of-lanterns"]


def test_a_figure_of_no_list_is_not_silently_dropped_from_top(run: Run, tmp_path: Path) -> None:
    """The figure that names no list is on no board, and the board says so by name, full or
    empty, pointing at data check (which warns about it)."""
    data = tmp_path / "lists.toml"
    text = MINI.read_text(encoding="utf-8").replace(
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\n',
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\nlist = "TV (Non-English)"\n',
        1,
    )
    data.write_text(text, encoding="utf-8")
    note = (
        "Left out: River of Lanterns has this figure but names none of Netflix's lists, so no "
        f"board ranks it ({kdrama_on('--data', data)} data check says which figure)."
    )
    page = flat(_runner(data)("top", "--metric", "hours-28").stdout)
    assert "Moonlit Hallway" in page and note in page
    empty = _runner(data)("top", "--metric", "hours-28", "--list", "films")
    assert note in " ".join(empty.stderr.split())
    check = as_json(_runner(data)("data", "check", "--json"))
    assert any(
        "river-of-lanterns's hours-viewed figure (first-28-days) names no list" in w
        for w in check["warnings"]
    ), check["warnings"]


UNLISTED = """
[[citations]]
id = "x-chart"
url = "https://example.org/x"
title = "X chart"
publisher = "Example Charts"
date = 2022-03-01

[[shows]]
slug = "x-show"
title = "X Show"
kind = "film"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A show."
release_date = 2021-01-01
runtime_minutes = 100
sources = ["x-chart"]
cast_sources = ["x-chart"]

[[shows.stats]]
metric = "hours-viewed"
value = 5
unit = "hours"
window = "first-28-days"
as_of = 2022-03-01
sources = ["x-chart"]

[[shows]]
slug = "y-show"
title = "Y Show"
kind = "film"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A show."
release_date = 2021-01-01
runtime_minutes = 100
sources = ["x-chart"]
cast_sources = ["x-chart"]

[[shows.stats]]
metric = "hours-viewed"
value = 7
unit = "hours"
window = "first-28-days"
list = "Films (Non-English)"
as_of = 2022-03-01
sources = ["x-chart"]
"""


def test_top_json_and_csv_say_what_they_left_out_every_time(run: Run, add_data: AddData) -> None:
    """top --json and --csv say on stderr which titles they left out; a page kept for replay
    came back from the second run on without that note, so a page with a note is not kept."""
    layer = add_data(UNLISTED)
    notes = []
    for machine in ("--json", "--csv", "--json", "--csv", "--json", "--csv"):
        result = run(*layer, "top", "-m", "hours-28", machine)
        assert result.exit_code == 0, result.output
        assert "Y Show" in result.stdout
        notes.append("Left out: 3 with this figure name none" in flat(result.stderr))
    assert notes == [True] * 6


def test_compare_words_a_series_figure_of_no_season_as_the_whole_title(
    run: Run, add_data: AddData
) -> None:
    """A series of two seasons out (Twin Harbour) with a figure given for no season: the
    whole title's, not a film's. (Eve, the shipped example, has one season, whose figures of
    no season compare is now right to set beside another title's season 1.)"""
    from tests.made_up import SEASONLESS_HOURS

    layer = add_data(SEASONLESS_HOURS)
    said = flat(run("--no-pager", *layer, "compare", "twin-harbour", "moonlit-hallway").stdout)
    assert "Twin Harbour's for the whole title, Moonlit Hallway's for season 1" in said
    assert "Twin Harbour's for the film" not in said


def test_search_hides_a_surprise_cameo_s_character_as_cast_does(run_shipped: Run) -> None:
    """`search ashin` gave "Ashin in Kingdom, played by Jun Ji-hyun (S2)", the flagged cameo of
    season 2's end that `cast kingdom` hides: the character is neither matched nor shown, and
    the page (stderr with --json or --csv) says a match was hidden, until --spoilers."""
    page = run_shipped("search", "ashin", env={"COLUMNS": "200"})
    assert "Ashin in Kingdom " not in flat(page.stdout) and "(S2)" not in page.stdout
    assert "Ashin in Kingdom: Ashin of the North" in flat(page.stdout)
    assert "1 match hidden as a spoiler: add --spoilers" in flat(page.stdout)
    results = as_json(run_shipped("search", "ashin", "--json"))
    assert ("character", "kingdom") not in {(r["kind"], r["target"]) for r in results}
    for machine in ("--json", "--csv"):
        said = run_shipped("search", "ashin", machine)
        assert "1 match hidden as a spoiler: add --spoilers" in said.stderr
    blue_moon = run_shipped("search", "hotel blue moon")
    assert "Kim Soo-hyun" not in blue_moon.output and "Owner of" not in blue_moon.output
    assert "1 match hidden as a spoiler: add --spoilers" in blue_moon.stderr
    shown = as_json(run_shipped("search", "ashin", "--spoilers", "--json"))
    cameo = [r for r in shown if (r["kind"], r["target"]) == ("character", "kingdom")]
    assert [(r["matched"], r["actor"]) for r in cameo] == [
        ("character (spoiler): Ashin", "Jun Ji-hyun")
    ]


def test_search_names_who_plays_a_character_without_its_surprise_cameo(tmp_path: Path) -> None:
    """A character a lead plays and a flagged special appearance also plays (listed first) is
    still found, played by the lead: the cameo's actor is not named without --spoilers."""
    data = tmp_path / "cameo.toml"
    data.write_text(
        MINI.read_text(encoding="utf-8").replace(
            '[[shows.cast]]\nperson = "seo-minho"\n',
            '[[shows.cast]]\nperson = "oh-taeyang"\ncharacter = "Ko Dae-ho"\nrole = "special"\n'
            'note = "Ko Dae-ho grown up, in the last scene."\nspoiler = true\n\n'
            '[[shows.cast]]\nperson = "seo-minho"\n',
            1,
        ),
        encoding="utf-8",
    )
    run = _runner(data)
    found = as_json(run("search", "ko dae-ho", "--json"))
    assert [(r["label"], r["actor"]) for r in found] == [("Ko Dae-ho in Moonlit Hallway", "Minho")]
    assert "Oh Tae-yang" not in run("search", "ko dae-ho").output


def test_search_gives_one_result_for_each_contestant_a_shared_note_describes(
    run_shipped: Run,
) -> None:
    """Single's Inferno's contestants are each "Herself" or "Himself", and many share a note:
    `search "Season 5 contestant"` gave one "Herself" and one "Himself" result, both "played by
    Choi Mina Sue", and `search "miss korea"` one of the four contestants it describes. A note
    match is one result for each person whose credit has it, named under their own character."""
    cast = as_json(run_shipped("cast", "singles-inferno", "--season", "5", "--json"))
    plays = {c["person"]: f"{c['character']} in Single's Inferno" for c in cast}
    noted = {c["person"] for c in cast if c["note"] == "Season 5 contestant."}
    found = as_json(run_shipped("search", "Season 5 contestant", "--json", "--limit", "100"))
    hits = [r for r in found if (r["kind"], r["target"]) == ("character", "singles-inferno")]
    assert all(r["label"] == plays[r["person"]] for r in hits), hits
    assert noted <= {r["person"] for r in hits} and len(noted) > 2
    assert len(hits) == len({r["person"] for r in hits})
    miss_korea = as_json(run_shipped("search", "miss korea", "--json", "--limit", "50"))
    assert {r["person"] for r in miss_korea} >= {
        "choi-seo-eun",
        "yu-si-eun",
        "kim-hye-jin",
        "park-hee-sun",
    }
    # Lee Sung-hoon's note is word for word Lee Joo-young's; the page names each under theirs.
    lines = run_shipped("search", "joined the island", env={"COLUMNS": "200"}).stdout.splitlines()
    rows = [
        (cell.group(1), lines[i + 1].strip())
        for i, line in enumerate(lines)
        if (cell := re.match(r"\s*\d+\s+(\S.*? in Single's Inferno)\s{2}", line))
    ]
    assert ("Himself in Single's Inferno", "played by Lee Sung-hoon (S5)") in rows, lines
    assert ("Herself in Single's Inferno", "played by Lee Joo-young (S5)") in rows, lines
    # Who plays it tells results of one part apart; its id, the same on each, would not.
    assert not any(line.split() == ["singles-inferno"] for line in lines)


def test_search_names_only_who_plays_the_character_whose_note_matched(tmp_path: Path) -> None:
    """A note two parts share is found as each part, played by whoever has it there: Ko
    Dae-ho's result named Han Ji-won, who plays Cha Eun-bi, the first part with the note. A
    credit whose note is withheld as a spoiler is not found by it, though another shows it."""
    data = tmp_path / "shared-note.toml"
    text = MINI.read_text(encoding="utf-8")
    for character, flag in (("Cha Eun-bi", ""), ("Ko Dae-ho", "spoiler = true\n")):
        text = text.replace(
            f'character = "{character}"\n',
            f'character = "{character}"\nnote = "Transfer student."\n{flag}',
            1,
        )
    data.write_text(text, encoding="utf-8")
    run = _runner(data)
    found = as_json(run("search", "transfer student", "--json"))
    assert [(r["label"], r["person"]) for r in found] == [
        ("Cha Eun-bi in Moonlit Hallway", "han-ji-won")
    ]
    shown = as_json(run("search", "transfer student", "--spoilers", "--json"))
    assert [(r["label"], r["person"]) for r in shown] == [
        ("Cha Eun-bi in Moonlit Hallway", "han-ji-won"),
        ("Ko Dae-ho in Moonlit Hallway", "seo-minho"),
    ]


@pytest.mark.parametrize("machine", ["--json", "--csv"])
def test_search_says_on_stderr_that_matches_were_hidden_though_some_are_left(
    run_shipped: Run, machine: str
) -> None:
    """`search winner --json` left three results and no sign that two more were hidden as
    spoilers: stderr says so whenever any are hidden, and stdout stays the results alone."""
    result = run_shipped("search", "winner", machine)
    assert result.stdout.strip() and "hidden" not in result.stdout
    # Three since Amotti's note in Physical: Asia ("The winner of Physical: 100 season 2") is
    # flagged, as the same fact is on Physical: 100's page.
    assert "3 matches hidden as spoilers: add --spoilers" in result.stderr
    assert "hidden" not in run_shipped("search", "winner", machine, "--spoilers").stderr


def test_person_leaves_out_a_credit_flagged_as_a_spoiler_unless_asked(run_shipped: Run) -> None:
    """Kim Soo-hyun's surprise cameo in Hotel Del Luna (`spoiler = true`) was listed on his
    page: it is left out, with a line saying so, until --spoilers, in JSON too (stderr)."""
    page = flat(run_shipped("person", "kim-soo-hyun", env={"COLUMNS": "200"}).stdout)
    assert "Hotel Del Luna" not in page and "Owner of Hotel Blue Moon" not in page
    assert "Queen of Tears" in page
    assert "1 credit hidden as a spoiler: add --spoilers" in page
    shown = flat(run_shipped("person", "kim-soo-hyun", "--spoilers").stdout)
    assert "Hotel Del Luna" in shown and "hidden as" not in shown
    machine = run_shipped("person", "kim-soo-hyun", "--json")
    assert "hotel-del-luna" not in {c["slug"] for c in as_json(machine)["credits"]}
    assert "1 credit hidden as a spoiler: add --spoilers" in machine.stderr
    every = as_json(run_shipped("person", "kim-soo-hyun", "--spoilers", "--json"))["credits"]
    assert [c["spoiler"] for c in every if c["slug"] == "hotel-del-luna"] == [True]
    sheet = run_shipped("person", "kim-soo-hyun", "--csv")
    assert "hotel-del-luna" not in sheet.stdout and "hidden as" in sheet.stderr


def test_person_json_and_csv_withhold_the_headlines_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """Woo Jin-yong's page hides the headline "…최종 우승자는 우진용 '상금 3억'" ("the final
    winner is Woo Jin-yong"); `person --json` described it and `--csv` gave its address.
    Both now withhold it, as the page does, until --spoilers, and say so on stderr."""
    machine = run_shipped("person", "woo-jin-yong", "--json")
    flagged = [s for s in as_json(machine)["sources"] if s["spoiler"]]
    assert flagged and all((s["title"], s["url"]) == (None, None) for s in flagged)
    assert len(flagged) > 1  # the premise: several, so the line says them in the plural
    said = f"{len(flagged)} source headlines and addresses hidden as spoilers: add --spoilers"
    assert machine.stderr.strip() == said
    told = as_json(run_shipped("person", "woo-jin-yong", "--json", "--spoilers"))["sources"]
    assert any("우진용" in s["title"] for s in told if s["spoiler"])
    sheet = run_shipped("person", "woo-jin-yong", "--csv")
    assert (
        sheet.stderr.strip()
        == f"{len(flagged)} source addresses hidden as spoilers: add --spoilers"
    )
    urls = {s["url"] for s in told if s["spoiler"]}
    assert not any(url in sheet.stdout for url in urls)
    every = run_shipped("person", "woo-jin-yong", "--csv", "--spoilers").stdout
    assert all(url in every for url in urls)  # --spoilers gives them


def test_also_worked_with_does_not_count_a_credit_flagged_as_a_spoiler(run_shipped: Run) -> None:
    """Jun Ji-hyun's Kingdom credit (Ashin, the surprise of season 2's end) is flagged: without
    --spoilers it neither lists Kingdom nor makes Kim Eun-hee, its writer, a colleague."""
    worked = as_json(run_shipped("person", "jun-ji-hyun", "--json"))["also_worked_with"]
    assert "kim-eun-hee" not in {c["person"] for c in worked}
    told = as_json(run_shipped("person", "jun-ji-hyun", "--spoilers", "--json"))
    assert "kim-eun-hee" in {c["person"] for c in told["also_worked_with"]}


def test_person_sources_say_how_to_see_a_hidden_headline(run_shipped: Run) -> None:
    """A hidden headline on the person page pointed to "kdrama show TITLE --spoilers", with
    TITLE literally: the page has --spoilers of its own now."""
    page = flat(run_shipped("person", "go-youn-jung").stdout)
    assert "headline and address hidden as a spoiler: add --spoilers" in page
    assert "TITLE" not in page
    assert (
        "headline and address hidden"
        not in run_shipped("person", "go-youn-jung", "--spoilers").stdout
    )


def test_person_titles_are_grouped_by_the_answer(run_shipped: Run) -> None:
    """The person page's one row per title (seasons, announced ones, seen marks) was worked
    out in a view: answers.person_page.PersonDetail.titles gives it, for the page and browse,
    while --json keeps one item per credit."""
    from kdrama_cli.answers.person_page import person_detail
    from kdrama_cli.catalogue.loader import load_dataset
    from tests.conftest import SHIPPED

    dataset = load_dataset([SHIPPED])
    detail = person_detail(dataset, dataset.people["lee-jung-jae"])
    hunt = next(row for row in detail.titles if row.show.slug == "hunt")
    assert [c.character for c in hunt.acted] == ["Park Pyong-ho"]
    assert "director" in hunt.made and hunt.role == "main"
    assert len([c for c in detail.credits if c.show.slug == "hunt"]) == len(hunt.of) > 1
    squid = next(row for row in detail.titles if row.show.slug == "squid-game")
    assert squid.seasons == (1, 2, 3) and squid.announced == ()
    page = flat(run_shipped("person", "lee-jung-jae", env={"COLUMNS": "200"}).stdout)
    assert "Park Pyong-ho" in page and "also director" in page
    document = as_json(run_shipped("person", "lee-jung-jae", "--json"))
    assert len([c for c in document["credits"] if c["slug"] == "hunt"]) == len(hunt.of)


def test_a_part_that_changed_role_is_one_character_with_each_role_s_seasons(
    run_shipped: Run,
) -> None:
    """Lee Byung-hun is the Front Man in all three seasons of Squid Game, a special appearance
    in the first (Star News: "특별 출연") and a lead after: his row names the character once and
    says which role when."""
    page = run_shipped("--no-pager", "person", "lee-byung-hun", env={"COLUMNS": "160"}).stdout
    row = next(line for line in page.splitlines() if line.startswith("2021"))
    assert "special (S1), main (S2, S3)" in row and "1, 2, 3" in row
    assert page.count("The Front Man") == 1
    assert "Hwang In-ho" not in page  # season 1's twist, in a note flagged as a spoiler
    # Roles go in the order of their first season, whatever order the credits are written in:
    # Dex's host credit (S3-S5) comes before his contestant one (S2) in the dataset.
    dex = run_shipped("--no-pager", "person", "dex", env={"COLUMNS": "160"}).stdout
    assert "main (S2), host (S3, S4, S5)" in dex
    # and so do the characters, which go with the roles: Himself (S2) before Host
    row = next(line for line in dex.splitlines() if line.startswith("2022"))
    assert row.index("Himself") < row.index("main (S2)")
    assert dex.index("Himself") < dex.index("Host")


def test_a_person_whose_only_credit_is_hidden_is_not_said_to_have_none(
    run: Run, add_data: AddData
) -> None:
    """A person whose one credit is a flagged cameo read "No credits in the catalogue." above
    "1 credit hidden as a spoiler": the page now says only the second, which is true."""
    from tests.made_up import META, film, people

    cameo = film("cameo-days", ("cameo-only", "Surprise Guest")).replace(
        'role = "main"', 'role = "special"\nspoiler = true'
    )
    layer = add_data(META + people(("cameo-only", "Cameo Only")) + cameo, "cameo.toml")
    page = flat(run(*layer, "person", "cameo-only").stdout)
    assert "1 credit hidden as a spoiler: add --spoilers" in page
    assert "No credits in the catalogue" not in page
    shown = flat(run(*layer, "person", "cameo-only", "--spoilers").stdout)
    assert "Surprise Guest" in shown and "hidden" not in shown


def test_a_figure_on_a_list_netflix_does_not_have_is_left_out_not_ranked_apart(
    run: Run, tmp_path: Path
) -> None:
    """A misspelt list ("TV (Non English)") made a board of its own, named among "Netflix's"
    other lists with no --list to open it (ux-review8, SHOULD 1): it is left out by name, as
    a figure of no list is."""
    data = tmp_path / "lists.toml"
    text = MINI.read_text(encoding="utf-8")
    for name in ("TV (Non-English)", "TV (Non English)"):
        text = text.replace(
            'window = "first-28-days"\nseason = 1\nas_of = ',
            f'window = "first-28-days"\nseason = 1\nlist = "{name}"\nas_of = ',
            1,
        )
    data.write_text(text, encoding="utf-8")
    board = as_json(_runner(data)("top", "--metric", "hours-28", "--json"))
    assert board["list"] == "TV (Non-English)"
    assert all(other["list"] != "TV (Non English)" for other in board["other_lists"])
    assert [entry["slug"] for entry in board["unlisted"]] == ["river-of-lanterns"]
    page = flat(_runner(data)("top", "--metric", "hours-28").stdout)
    assert "Non English" not in page and "Left out: River of Lanterns" in page
    for machine in ("--json", "--csv"):  # said on stderr, as the page says it
        said = _runner(data)("top", "--metric", "hours-28", machine)
        assert "Left out: River of Lanterns" in said.stderr and "Left out" not in said.stdout


def test_search_tells_apart_two_results_of_one_name_at_any_width(run_shipped: Run) -> None:
    """At 80 columns the command to copy gives way, and the results Netflix titles "The
    Haunted House" (entries its files keep apart) read alike: each says its id under the
    name, a result with a name of its own does not."""
    page = run_shipped("search", "haunted house", env={"COLUMNS": "80"}).stdout
    assert "Look up with" not in page.splitlines()[0]  # the column gave way
    lines = page.splitlines()
    assert any(line.split() == ["the-haunted-house"] for line in lines)
    assert any(line.split() == ["the-haunted-house-series"] for line in lines)
    assert not any(line.split() == ["sell-your-haunted-house"] for line in lines)


def test_compare_gives_a_figure_of_no_list_as_null(run: Run, add_data: AddData) -> None:
    """figures_apart.lists gave "" for a figure that names no list, where .seasons gives null
    for one of no season: both are null."""
    from tests.made_up import META, film

    figure = (
        '\n[[stats]]\nshow = "{slug}"\nmetric = "weeks-in-top10"\nvalue = {value}\n'
        'unit = "weeks"\nwindow = "cumulative:2024-03-10"\nas_of = 2024-03-10\n'
        'sources = ["test-chart"]\n{listed}'
    )
    layer = add_data(
        META
        + film("first-reel")
        + film("second-reel")
        + figure.format(slug="first-reel", value=3, listed="")
        + figure.format(slug="second-reel", value=4, listed='list = "Films (Non-English)"\n'),
        "reels.toml",
    )
    apart = as_json(run(*layer, "compare", "first-reel", "second-reel", "--json"))
    assert apart["figures_apart"]["lists"] == {
        "first-reel": [None],
        "second-reel": ["Films (Non-English)"],
    }


def test_a_person_s_row_is_dated_by_the_first_season_they_are_in(run_shipped: Run) -> None:
    """Amotti is in Physical: 100's season 2 (2024) only: his row said 2023, the title's first
    year. A crew credit is the whole title's, and keeps the title's year."""
    rows = [
        line.split()[:3]
        for line in run_shipped("person", "amotti", env={"COLUMNS": "120"}).stdout.splitlines()
        if line[:4].isdigit()
    ]
    assert ["2024", "Physical:", "100"] in rows and ["2023", "Physical:", "100"] not in rows
    director = run_shipped("person", "hwang dong-hyuk", env={"COLUMNS": "120"}).stdout
    assert any(line.startswith("2021   Squid Game") for line in director.splitlines())


def test_a_row_only_in_a_season_not_out_has_no_year_and_comes_last(run_shipped: Run) -> None:
    """Roh Jae-won is only in All of Us Are Dead's season 2, in production: his page put the
    row first, dated 2022, the year of a season he is not in. It has no year now ("—"), and
    comes after the rows of seasons that are out."""
    result = run_shipped(
        "person", "roh-jae-won", env={"COLUMNS": "120", "KDRAMA_TODAY": "2026-12-04"}
    )
    assert result.exit_code == 0, result.output
    years = [
        line.split()[:2]
        for line in result.stdout.splitlines()
        if line[:4].strip().isdigit() or line[:4].strip() == "—"
    ]
    assert [year for year, _ in years] == ["2022", "2023", "2024", "2024", "—"], years
    assert years[-1] == ["—", "All"]
    aouad = next(line for line in result.stdout.splitlines() if "All of Us Are Dead" in line)
    assert "2 (announced)" in aouad and "2022" not in aouad


def test_person_json_and_csv_say_what_is_announced_in_the_page_s_order(
    run_shipped: Run,
) -> None:
    """`person --json` and `--csv` left out that Roh Jae-won's All of Us Are Dead season is
    only announced (the page says "2 (announced)"; `cast --json` says `announced_seasons`),
    and listed Squid Game first, by the title's 2021, where the page lists it by his 2024."""
    day = {"KDRAMA_TODAY": "2026-12-04"}
    page_order = [
        "once-upon-a-small-town",
        "daily-dose-of-sunshine",
        "a-killer-paradox",
        "squid-game",
        "all-of-us-are-dead",
    ]
    credits = as_json(run_shipped("person", "roh-jae-won", "--json", env=day))["credits"]
    assert [c["slug"] for c in credits] == page_order
    announced = {c["slug"]: c["announced_seasons"] for c in credits}
    assert announced["all-of-us-are-dead"] == [2]
    assert announced["squid-game"] == []
    sheet = run_shipped("person", "roh-jae-won", "--csv", env=day)
    assert sheet.exit_code == 0, sheet.output
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert [r["slug"] for r in rows] == page_order
    assert {r["slug"]: r["announced_seasons"] for r in rows}["all-of-us-are-dead"] == "2"


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (
            ["top", "--metric", "weeks", "--report", "2023H1"],
            "--report goes with --metric report-hours or report-views, not weeks",
        ),
        (
            ["top", "--metric", "report-hours", "--list", "films-english"],
            "--list films-english goes with the Top 10 metrics: Netflix's engagement report for "
            "January–June 2025 has one TV sheet and one film sheet, for every language (--list "
            "tv or --list films)",
        ),
        (  # January–June 2023 has one sheet, not a TV sheet and a film sheet
            ["top", "--metric", "report-views", "--report", "2023H1", "--list", "tv-english"],
            "--list tv-english goes with the Top 10 metrics: Netflix's engagement report for "
            "January–June 2023 lists TV and films of every language together, on one sheet; "
            "--list tv and --list films go with the reports with a sheet of each (2023H2, "
            "2024H1, 2024H2, 2025H1)",
        ),
        (
            ["top", "--report", "2023H1", "--list", "films"],
            "--list films: Netflix's engagement report for January–June 2023 lists TV and films "
            "together, on one sheet; --list tv and --list films go with the reports with a sheet "
            "of each (2023H2, 2024H1, 2024H2, 2025H1)",
        ),
        (["list", "--from", "2025", "--to", "2020"], "--from 2025 is after --to 2020"),
        (["chart", "squid-game", "squid-game"], "the same title was given twice"),
    ],
)
def test_an_error_of_meaning_is_one_line_without_the_usage_block(
    run_shipped: Run, words: list[str], message: str
) -> None:
    """A well-formed command line whose values do not go together is one 'kdrama: error:'
    line, as a bad --report or --genre is: click's Usage block is for mistakes of syntax."""
    result = run_shipped(*words)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"kdrama: error: {message}"), result.stderr
    assert "Usage:" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_report_without_metric_ranks_its_hours(run_shipped: Run) -> None:
    """--report names a report, and only the report metrics have one: report-hours is taken."""
    alone = as_json(run_shipped("top", "--report", "2023H1", "--json"))
    assert alone == as_json(
        run_shipped("top", "--metric", "report-hours", "--report", "2023H1", "--json")
    )
    page = run_shipped("top", "--report", "2023H1")
    assert "Hours viewed in Netflix's engagement report, January–June 2023" in page.stdout
    assert "without --metric, it ranks the report's hours" in flat(
        run_shipped("top", "--help").stdout
    )


@pytest.mark.parametrize("metric", [[], ["--metric", "report-views"]])
def test_an_empty_report_names_no_report(run_shipped: Run, metric: list[str]) -> None:
    """--report "" ranked the latest report, as if no --report were given, while "  " and the
    empty values of other options are refused."""
    result = run_shipped("top", *metric, "--report", "")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "kdrama: error: --report: '' is not a report in the catalogue (one of: 2023H1, "
    )


COMMA_TITLE = film("rain-again", title="Rain, Again")


def test_the_fish_script_splits_a_completion_at_its_first_comma_only(run: Run) -> None:
    """Click's fish script splits each 'type,value<TAB>description' line at every comma: the
    script kdrama prints splits at the first only, whatever shell runs the tests."""
    script = run("completion", "fish").stdout
    assert 'string split -m 1 "," $completion' in script
    assert 'string split "," $completion' not in script


def test_fish_shows_a_description_with_a_comma_whole(run: Run, tmp_path: Path) -> None:
    """Click's fish script splits each completion at every comma, so fish showed "Rain, Again"
    as "Rain" (40 shipped titles have a comma: "Cheer Up, Mr. Lee" read "Cheer Up", like the
    title Cheer Up beside it), and a season's "announced, on Netflix by 2026-07-12" as
    "announced". Only the first comma separates the type from the value."""
    import os
    import shlex
    import shutil
    import subprocess
    import sys

    if shutil.which("fish") is None:
        pytest.skip("needs fish to run the script (the script's text is tested without it)")
    script = run("completion", "fish").stdout
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "kdrama").write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kdrama_cli "$@"\n', encoding="utf-8"
    )
    (folder / "kdrama").chmod(0o755)
    layer = tmp_path / "comma.toml"
    layer.write_text(COMMA_TITLE, encoding="utf-8")
    (tmp_path / "kdrama.fish").write_text(script, encoding="utf-8")
    line = f"kdrama --data {shlex.quote(str(MINI))} --add-data {shlex.quote(str(layer))} show rai"
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    shell = subprocess.run(
        [
            "fish",
            "--no-config",
            "-c",
            f"source {tmp_path / 'kdrama.fish'}; complete -C {shlex.quote(line)}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout.splitlines() == ["rain-again\tRain, Again"]


def test_list_by_views_names_the_first_title_listed_after_the_page(run_shipped: Run) -> None:
    """`list --sort views --limit 5` left out Squid Game (396.9M†, in the Top 10 before
    Netflix published weekly views, so listed after the others) with only a count of † titles
    in the footnote: a line under the table names it, with its figure."""
    page = " ".join(run_shipped("list", "--sort", "views", "--limit", "5").stdout.split())
    said = re.search(
        r"(\S[^.]*?) \(([\d.]+M)†\) and (\d+) others with weeks before June 2023 are listed "
        r"after these\.",
        page,
    )
    assert said, page
    every = as_json(run_shipped("list", "--sort", "views", "--json"))
    after = [show for show in every if show["top10_views_partial"]]
    assert said[1].endswith(after[0]["title"]) and after[0]["title"] == "Squid Game"
    assert int(said[3]) == len(after) - 1
    whole = run_shipped("list", "--sort", "views", "--limit", "5000").stdout
    assert "listed after these" not in whole  # every row is on the page


def test_a_contestant_name_many_share_names_them_all_not_the_winner(run_shipped: Run) -> None:
    """Culinary Class Wars' file lists its winner first among the Black Spoons: search named
    only the first who plays "Black Spoon contestant", so the one name it gave was the
    winner's. It names every Black Spoon, by name as the cast lists them, and so does
    --spoilers (which still named the winner alone)."""
    rows = list(csv.DictReader(io.StringIO(run_shipped("search", "black spoon", "--csv").stdout)))
    actors = [r["actor"] for r in rows if r["kind"] == "character"]
    assert len(actors) > 1 and "Kwon Seong-jun" in actors
    assert actors == sorted(actors, key=str.casefold)
    page = run_shipped("search", "black spoon").stdout
    assert page.index("Im Tae-hoon") < page.index("Kwon Seong-jun")
    shown = run_shipped("search", "black spoon", "--spoilers", "--csv").stdout
    told = [r["actor"] for r in csv.DictReader(io.StringIO(shown)) if r["kind"] == "character"]
    assert told == actors


def test_top_takes_a_list_by_the_name_its_boards_print(run_shipped: Run) -> None:
    """Boards are headed "… · TV (Non-English)", and `--list "TV (Non-English)"` was refused
    with "Did you mean tv-english?", the one list not meant. A list's printed name (and
    Netflix's "non-English" spelled out) is taken as its word; a near miss suggests the list
    it is near first."""
    for name, word in [
        ("TV (Non-English)", "tv"),
        ("Films (Non-English)", "films"),
        ("tv non-english", "tv"),
        ("TV (English)", "tv-english"),
    ]:
        by_name = run_shipped("top", "--metric", "weeks", "--list", name, "--json")
        assert by_name.exit_code == 0, by_name.output
        assert as_json(by_name) == as_json(
            run_shipped("top", "--metric", "weeks", "--list", word, "--json")
        )
    sheet = run_shipped("top", "--metric", "report-hours", "--list", "What We Watched: Films")
    assert sheet.exit_code == 0 and "· Films" in sheet.stdout.splitlines()[0]
    missed = run_shipped("top", "--list", "TV (Non-Englsh)")
    assert missed.exit_code == 2
    assert re.search(r"Did you mean tv[,?]", missed.output)  # the nearest first


@pytest.mark.parametrize(
    "typed",
    ["2024 H2", "h2 2024", "July–December 2024", "Jul-Dec 2024", "2024h2", "2024년 하반기"],
)
def test_top_takes_a_report_as_the_pages_print_it(run_shipped: Run, typed: str) -> None:
    """`--report` took only 2024H2, though pages name a report "July–December 2024": the
    forms a user copies from a page, or types, name the same report."""
    asked = run_shipped("top", "--report", typed, "--json")
    assert asked.exit_code == 0, asked.output
    assert as_json(asked) == as_json(run_shipped("top", "--report", "2024H2", "--json"))


def test_top_says_a_bare_year_has_two_reports(run_shipped: Run) -> None:
    result = run_shipped("top", "--report", "2024")
    assert result.exit_code == 2
    assert "'2024' is a year of 2 reports: name one (2024H1, 2024H2)" in result.output
    wrong = run_shipped("top", "--report", "2024 Jan-Dec")  # no half-year
    assert wrong.exit_code == 2 and "is not a report in the catalogue" in wrong.output
    one = run_shipped("top", "--report", "2025")  # a year of one report names it
    assert one.exit_code == 2 and "'2025' is a year, not a report. Did you mean 2025H1?" in (
        one.output
    )


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("2024", ["2024H1", "2024H2"]),  # a year of two reports, each named
        ("2025", ["2025H1"]),  # a year of one: "Did you mean 2025H1?"
        ("2023H3", ["2023H1", "2023H2"]),  # no such half-year, of a year with reports
        ("2019H1", ["2023H1", "2023H2", "2024H1", "2024H2", "2025H1"]),  # "one of: ..."
    ],
)
def test_a_report_that_is_none_offers_the_reports_its_message_names(
    run_shipped: Run, typed: str, offered: list[str]
) -> None:
    """walk-scripter (audit38): `top --report 2025 --json` said "Did you mean 2025H1?" with
    `suggestions` [], so a script had to scrape the words for the report to retry with."""
    error = json_error(run_shipped("top", "--report", typed, "--json"))
    assert (error["kind"], error["suggestions"]) == ("usage", offered)
    for report in offered:
        assert report in error["message"]
    if typed == "2023H3":
        assert error["message"].endswith("Did you mean 2023H1 or 2023H2?")


def test_list_json_and_csv_say_on_stderr_what_the_filters_left_out(run_shipped: Run) -> None:
    """The page counts under the table the titles a filter left out for want of a year or a
    label; `list --json` and `--csv` said nothing, so a script counting rows got a partial
    answer unawares. Stderr now says the same lines, and why an empty answer is empty; stdout
    stays the rows."""
    platform = run_shipped("list", "--platform", "netflix", "--json")
    assert "titles held only as Netflix's record left out" in platform.stderr
    assert all(row["slug"] for row in as_json(platform))
    year = run_shipped("list", "--year", "2022", "--csv")
    assert "titles of unknown year left out" in year.stderr
    assert year.stdout.startswith("slug,title,")
    empty = run_shipped("list", "--year", "2030", "--json")
    assert as_json(empty) == [] and "No title matches those filters." in empty.stderr
    assert run_shipped("list", "--kind", "film", "--json").stderr == ""  # nothing left out


def test_an_empty_list_of_several_filters_says_what_each_keeps_alone(run_shipped: Run) -> None:
    """`--genre horror --year 1999` said only "No title matches those filters": which of the
    two emptied it was left to guess. Each filter now counts what it keeps on its own."""
    films = len(as_json(run_shipped("list", "--kind", "film", "--json")))
    horror = len(as_json(run_shipped("list", "--genre", "horror", "--json")))
    empty = run_shipped("list", "--kind", "film", "--genre", "horror", "--from", "2030")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert (
        "No title matches those filters. On its own, each matches: "
        f"--kind film {films:,} titles, --genre horror {horror:,} titles, --from 2030 none."
    ) in flat(empty.stderr)
    # the same line beside --json, and a span of years is one filter
    machine = run_shipped("list", "--genre", "horror", "--from", "1950", "--to", "1951", "--json")
    assert as_json(machine) == []
    assert "--genre horror" in machine.stderr and "--from 1950 --to 1951 none." in flat(
        machine.stderr
    )
    # one filter alone: nothing to compare
    alone = run_shipped("list", "--year", "1950")
    assert "On its own" not in alone.stderr


def test_list_sorts_newest_first_when_asked(run_shipped: Run) -> None:
    """ "The newest titles" is a common question, and `--sort year` gives the oldest first:
    `--sort newest` gives the newest first (a title of unknown date last), `--sort oldest` is
    year, and the help says each order."""
    rows = as_json(run_shipped("list", "--sort", "newest", "--json"))
    dated = [r["first_date"] for r in rows if r["first_date"]]
    assert dated == sorted(dated, reverse=True)
    assert rows[len(dated) :] and all(r["first_date"] is None for r in rows[len(dated) :])
    oldest = as_json(run_shipped("list", "--sort", "oldest", "--limit", "5", "--json"))
    assert oldest == as_json(run_shipped("list", "--sort", "year", "--limit", "5", "--json"))
    said = " ".join(run_shipped("list", "--help").output.split())
    assert "year: the oldest first; newest: the newest first" in said


def test_empty_exports_say_why_on_stderr_as_their_pages_do(run_shipped: Run) -> None:
    """`search`, `chart` and `path` printed an empty answer for scripts with no reason, though
    their pages give one: stderr now says it, and stdout keeps the document or the header."""
    found = run_shipped("search", "zzzzqqq", "--json")
    assert as_json(found) == [] and "Nothing in the catalogue matches 'zzzzqqq'" in found.stderr
    asked = run_shipped("search", "squid game cast", "--csv")
    assert asked.stdout.startswith("rank,") and len(asked.stdout.splitlines()) == 1
    assert "Squid Game's cast: kdrama cast squid-game" in asked.stderr
    chart = run_shipped("chart", "parasite", "--csv")
    assert len(chart.stdout.splitlines()) == 1 and "Parasite: in none of Netflix's" in chart.stderr
    path = run_shipped("path", "radio-romance", "iu", "--json")
    assert as_json(path)["connected"] is False
    assert "No chain of shared credits connects Radio Romance and IU" in path.stderr
    connected = run_shipped("path", "gong-yoo", "lee-jung-jae", "--json")
    assert as_json(connected)["connected"] is True and "No chain" not in connected.stderr


@pytest.mark.parametrize("args", [["--year", "2022", "--json"], ["--platform", "netflix", "--csv"]])
def test_a_filtered_list_export_says_what_it_left_out_without_importing_rich(
    args: list[str], tmp_path: Path
) -> None:
    """The stderr note beside a filtered export is plain text (views.text): saying it must not
    pull in the Rich page views, which the JSON and CSV paths never import."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kdrama_cli.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['--no-cache', 'list', *{args!r}])\n"
        "assert r.exit_code == 0 and 'left out' in r.stderr, r.output\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if 'rich' in m)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_source_platform_finds_the_titles_adapted_from_a_work_that_came_out_there(
    run_shipped: Run,
) -> None:
    """--source-platform: where the adapted work came out, by its whole name in any case or its
    Korean name; a bracketed note is the name before it (Misaeng's Daum Webtoon "(later Kakao
    Webtoon)"), and every row it finds says the platform in --json and --csv."""
    rows = as_json(run_shipped("list", "--source-platform", "naver webtoon", "--json"))
    assert "all-of-us-are-dead" in {row["slug"] for row in rows}
    assert {row["source_platform"] for row in rows} == {"Naver Webtoon"}
    assert {row["source_kind"] for row in rows} == {"webtoon"}
    korean = as_json(run_shipped("list", "--source-platform", "카카오페이지", "--json"))
    assert "business-proposal" in {row["slug"] for row in korean}
    daum = as_json(run_shipped("list", "--source-platform", "Daum Webtoon", "--json"))
    assert {"misaeng", "itaewon-class"} <= {row["slug"] for row in daum}
    sheet = list(
        csv.DictReader(
            io.StringIO(run_shipped("list", "--source-platform", "munpia", "--csv").stdout)
        )
    )
    assert {row["slug"] for row in sheet} == {"reborn-rich", "omniscient-reader-the-prophecy"}
    assert {row["source_platform"] for row in sheet} == {"Munpia"}


def test_a_source_platform_no_title_has_names_the_nearest(run_shipped: Run) -> None:
    result = run_shipped("list", "--source-platform", "naver")
    assert result.exit_code == 2
    assert (
        "kdrama: error: --source-platform: no title in the catalogue is adapted from a work on "
        "'naver'. Did you mean Naver Webtoon or Naver Series? All of them: kdrama values "
        "source-platform"
    ) in flat(result.stderr)


def test_values_source_platform_counts_what_the_filter_finds(run_shipped: Run) -> None:
    counted = {
        row["value"]: row["titles"]
        for row in as_json(run_shipped("values", "source-platform", "--json"))
    }
    for value, titles in counted.items():
        found = as_json(run_shipped("list", "--source-platform", value, "--json"))
        assert len(found) == titles, value
    assert max(counted, key=counted.__getitem__) == "Naver Webtoon"


def test_a_work_serialised_on_two_platforms_is_found_by_either(run_shipped: Run) -> None:
    """The Bequeathed's webtoon came out on KakaoPage and Kakao Webtoon at once: its platform
    names both, and --source-platform finds it by either, never by the two as one value."""
    for platform in ("KakaoPage", "Kakao Webtoon"):
        found = as_json(run_shipped("list", "--source-platform", platform, "--json"))
        assert "the-bequeathed" in [row["slug"] for row in found], platform
    counted = run_shipped("values", "source-platform").stdout
    assert "KakaoPage and Kakao Webtoon" not in counted


def test_source_platform_completes_from_the_catalogue(
    shipped_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(shipped_cache))
    offered = [value for value, _ in _complete(["list", "--source-platform"], "kak")]
    assert offered == ["KakaoPage", "Kakao-Webtoon"]


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("movie", "film"),
        ("Movies", "film"),
        ("variety", "reality"),
        ("예능", "reality"),
        ("drama", "series"),
        ("영화", "film"),
    ],
)
def test_kind_takes_the_words_fans_use(run_shipped: Run, word: str, kind: str) -> None:
    """--kind movie is film and a variety show reality, as the data's README files them."""
    said = run_shipped("list", "--kind", word, "--json")
    assert said.exit_code == 0, said.stderr
    assert said.stdout == run_shipped("list", "--kind", kind, "--json").stdout
    assert {row["kind"] for row in as_json(said)} == {kind}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("--platform", "Naver Webtoon", "--genre", "thriller"),
            "--platform: no title has the platform 'Naver Webtoon', which is where a source work "
            "came out: kdrama list --source-platform 'Naver Webtoon' --genre thriller",
        ),
        (
            ("--source-platform", "webtoon"),
            "--source-platform: no title in the catalogue is adapted from a work on 'webtoon', "
            "which is a kind of source work: kdrama list --adapted-from webtoon",
        ),
        (
            ("--genre", "webtoon"),
            "--genre: no title has the genre 'webtoon', which is a kind of source work: "
            "kdrama list --adapted-from webtoon",
        ),
    ],
)
def test_a_value_of_the_filter_beside_names_that_filter(
    run_shipped: Run, args: tuple[str, ...], said: str
) -> None:
    result = run_shipped("list", *args)
    assert result.exit_code == 2
    assert f"kdrama: error: {said}" in flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "guess"),
    [(("--genre", "nonexistentgenre"), "heist"), (("--platform", "apple tv"), "tvN")],
)
def test_a_value_alike_only_in_part_is_not_suggested(
    run_shipped: Run, args: tuple[str, ...], guess: str
) -> None:
    """'heist' is inside 'nonexistentgenre' and tvN inside 'apple tv', but neither is what was
    meant: the error lists the values instead of guessing."""
    said = flat(run_shipped("list", *args).stderr)
    assert "Did you mean" not in said and guess not in said
    assert "All of them: kdrama values" in said


def test_a_year_option_says_it_takes_one_year_and_how_to_ask_for_a_span(run: Run) -> None:
    """`--year INTEGER RANGE` and "'2020-2022' is not a valid integer range" read as though a
    range were taken in some other spelling: the options show YEAR, and a span typed is told
    the two options that give it."""
    page = flat(run("list", "--help").stdout)
    assert "--year YEAR" in page and "--from YEAR" in page and "--to YEAR" in page
    assert "INTEGER RANGE" not in page
    for option, typed in (("--year", "2020-2022"), ("--from", "2020..2022"), ("--to", "2020~2022")):
        result = run("list", option, typed)
        assert result.exit_code == 2
        said = flat(result.stderr)
        assert (
            f"'{typed}' is two years: each option takes one; for a span, --from 2020 --to 2022"
            in said
        )
    backwards = flat(run("list", "--year", "2022-2020").stderr)
    assert "for a span, --from 2020 --to 2022" in backwards  # a span that works when run
    outside = flat(run("list", "--year", "1800-1850").stderr)
    assert "each option takes one, from 1900 to 2100" in outside and "--from 1800" not in outside
    assert "'abc' is not a valid year." in flat(run("list", "--year", "abc").stderr)
    assert "1800 is not in the range 1900<=x<=2100" in flat(run("list", "--year", "1800").stderr)


def test_titles_of_unknown_year_listed_last_are_said_to_be(run_shipped: Run) -> None:
    """`list --sort newest` put the catalogue's three newest series (known only to be out by a
    week of Netflix's 2026 Top 10) under its oldest titles, with no word why: the page says
    the titles last are of unknown year, and names those the Top 10 shows out by a week."""
    page = " ".join(
        run_shipped(
            "--no-pager", "list", "--sort", "newest", "--completeness", "full"
        ).stdout.split()
    )
    assert (
        "Last: 3 titles of unknown year (no source in the catalogue dates them). Of them,"
        " Netflix's Top 10 shows only that they were out by their first week there: If Wishes"
        " Could Kill by 2026-04-26, The WONDERfools by 2026-05-17 and Teach You a Lesson by"
        " 2026-06-07."
    ) in page
    one = " ".join(
        run_shipped("--no-pager", "list", "--sort", "year", "--genre", "school").stdout.split()
    )
    assert "Last: 1 title of unknown year (no source in the catalogue dates it); Netflix's" in one
    # A limit that leaves them out says so: "newest first" must not hide the newest unsaid.
    cut = run_shipped("--no-pager", "list", "--sort", "newest", "--completeness", "full", "-n", "5")
    assert "Last, past the limit: 3 titles of unknown year" in " ".join(cut.stdout.split())
    # Sorted by title, no title is put last for want of a year.
    assert (
        "of unknown year" not in run_shipped("--no-pager", "list", "--completeness", "full").stdout
    )


def test_top_kind_unknown_names_the_one_board_that_ranks_such_titles(run_shipped: Run) -> None:
    """`top --kind unknown` is offered, and every weekly board came back empty with no word of
    where such a title is ranked (walk32 #14): only a row of an engagement report that does not
    say TV or film is of unknown kind, so the line names the report's board, which does rank
    them; the help says what the kind is, for top and list alike."""
    for extra in ((), ("--metric", "weeks"), ("--json",)):
        result = run_shipped("top", "--kind", "unknown", *extra)
        assert result.exit_code == 0, result.output
        assert result.stderr.rstrip().endswith(
            "A title of unknown kind is only a row of an engagement report that does not say TV "
            "or film, so only a report's board ranks one: kdrama top --report 2023H1 --kind "
            "unknown."
        ), result.stderr
    board = as_json(run_shipped("top", "--report", "2023H1", "--kind", "unknown", "--json"))
    kinds = {run_shipped_kind(run_shipped, e["slug"]) for e in board["entries"][:3]}
    assert board["entries"] and kinds == {"unknown"}
    for command in ("top", "list"):
        helped = " ".join(run_shipped(command, "--help").stdout.split())
        assert "unknown is a row of Netflix's engagement report that does not say TV or film" in (
            helped
        )
    assert "A title of unknown kind" not in run_shipped("top", "--kind", "film").stderr


def run_shipped_kind(run_shipped: Run, slug: str) -> str:
    kind: str = as_json(run_shipped("show", slug, "--json"))["kind"]
    return kind


def test_a_hangul_title_that_spells_the_english_out_is_not_romanised_back(
    run_shipped: Run,
) -> None:
    """`trivia --show kingdom` was headed "Kingdom  킹덤  (Kingdeom)": 킹덤 is "Kingdom" in
    Hangul, and romanised back it read as a typing error (walk32 #21). A Korean title that is
    the English one spelt out has no romanisation on the trivia or show page; one that is not
    (사랑의 불시착), or is only in part (무브 투 헤븐: 나는 유품정리사입니다), keeps it."""
    trivia = run_shipped("trivia", "--show", "kingdom", "--seed", "1").stdout.splitlines()[0]
    assert trivia.rstrip() == "Kingdom  킹덤"
    for slug, heading in (
        ("kingdom", "Kingdom 킹덤 │"),
        ("sweet-home", "Sweet Home 스위트홈 │"),
        ("the-glory", "The Glory 더 글로리 │"),
        ("crash-landing-on-you", "Crash Landing on You 사랑의 불시착 (Sarang-ui Bulsichak)"),
        ("move-to-heaven", "무브 투 헤븐: 나는 유품정리사입니다 (Mubeu Tu Hebeun: Naneun"),
    ):
        page = " ".join(run_shipped("--no-pager", "show", slug).stdout.split())
        assert heading in page, (slug, page[:200])
    assert "Kingdeom" not in run_shipped("--no-pager", "show", "kingdom").stdout
    # the romanisation stays in the data: --json gives it
    assert as_json(run_shipped("show", "kingdom", "--json"))["romanization"] == "Kingdeom"


def test_trivia_of_a_season_not_out_says_so_as_chart_does(run_shipped: Run) -> None:
    """`trivia --show "all of us are dead 2"` gave a fact about the title and did not say that
    season 2 is not out, while `chart` does (walk32 #21): the page says it under the heading,
    in chart's words, and --json says it on stderr."""
    today = {"KDRAMA_TODAY": "2026-12-04"}
    chart = run_shipped("chart", "all of us are dead 2", env=today).stderr.strip()
    said = "Season 2 is not out yet (in production since 2025-07-23, as of 2026-02-22"
    assert chart.startswith("All of Us Are Dead season 2 is not out yet (in production since")
    page = run_shipped("trivia", "--show", "all of us are dead 2", "--seed", "1", env=today)
    assert page.exit_code == 0
    lines = page.stdout.splitlines()
    assert lines[0].startswith("All of Us Are Dead") and lines[1].startswith(said)
    as_data = run_shipped("trivia", "--show", "all of us are dead 2", "--json", env=today)
    assert as_json(as_data)["slug"] == "all-of-us-are-dead" and said in as_data.stderr
    out = run_shipped("trivia", "--show", "squid game 2", "--seed", "1", env=today)
    assert "not out" not in out.stdout and out.stderr == ""

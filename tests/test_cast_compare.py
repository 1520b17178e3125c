"""`kdrama cast` and `kdrama compare` on the made-up fixture dataset."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from kdrama_cli.views.sheets import COLUMNS
from tests.conftest import KDRAMA, MINI, SHIPPED, AddData, Run, _runner, as_json, flat, kdrama_on

#: A fixed width for the pages read line by line.
COLS = {"COLUMNS": "100"}
COLS80 = {"COLUMNS": "80"}


def test_cast_of_one_show_lists_every_credit(run: Run) -> None:
    out = run("cast", "moonlit-hallway").output
    for name in ("Han Ji-won", "한지원", "Cha Eun-bi", "Minho", "Kang Bo-ra", "Teacher Lim"):
        assert name in out


def test_cast_role_filter(run: Run) -> None:
    rows = as_json(run("cast", "moonlit-hallway", "--role", "supporting", "--json"))
    assert [r["actor"] for r in rows] == ["Kang Bo-ra"]


def test_cast_role_takes_the_words_fans_use(run_shipped: Run) -> None:
    """The README calls special appearances cameos, and fans say lead: `--role cameo` and
    `--role lead` are special and main; a near miss of one suggests the role it means."""
    for word, role in [
        ("cameo", "special"),
        ("Cameos", "special"),
        ("lead", "main"),
        ("특별출연", "special"),  # as the Korean press credits them
        ("주연", "main"),
    ]:
        asked = run_shipped("cast", "squid-game", "--role", word, "--json")
        assert asked.exit_code == 0, asked.output
        rows = as_json(asked)
        assert rows and {r["role"] for r in rows} == {role}
        assert rows == as_json(run_shipped("cast", "squid-game", "--role", role, "--json"))
    missed = run_shipped("cast", "squid-game", "--role", "cameoo")
    assert missed.exit_code == 2 and "Did you mean special?" in missed.output


def test_cast_season_two_across_all_shows_marks_announced(run: Run) -> None:
    result = run("cast", "--season", "2")
    assert result.exit_code == 0
    assert "Moonlit Hallway" in result.output
    assert "Han Ji-won" in result.output
    assert "Minho" not in result.output  # season 1 only
    assert "River of Lanterns" not in result.output  # has no season 2
    assert "announced" in result.output and "2026-11-01" in result.output


def test_cast_marks_a_season_stale_as_the_show_page_does(
    write_dataset: Callable[..., Path], tmp_path: Path
) -> None:
    """A season announced for summer 2026: once the window has passed, the cast page's heading
    marks it stale, with the show page's note, by the rule show and upcoming use; the page of
    the day before is not replayed. (Signal S2 was the shipped example until its release was
    put off with no new date; the made-up Moonlit Hallway S2 is given the window instead.)"""
    renewed = 'status = "renewed"\nstatus_date = 2022-06-06\nas_of = 2026-11-01\n'
    text = MINI.read_text(encoding="utf-8")
    assert text.count(renewed) == 1
    windowed = renewed.replace("2026-11-01", "2026-02-12") + 'release_window = "2026-summer"\n'
    dated = text.replace(renewed, windowed)
    run = _runner(write_dataset(dated, "windowed.toml"), tmp_path / "cache")
    summer = {"KDRAMA_TODAY": "2026-08-31"}
    autumn = {"KDRAMA_TODAY": "2026-09-01"}
    legend = (
        "stale: the catalogue's latest news of the season is from before 2025-09-01 (more than "
        "a year old), the release date or window it was announced for has passed, or Netflix's "
        "own files list it: it may have moved on since."
    )
    for _ in range(2):  # the index, then the page, is kept: a later day must not replay it
        before = flat(run("cast", "moonlit-hallway", "--season", "2", env=summer).stdout)
        assert "due summer 2026) [1] Actor" in before and "stale" not in before
    after = flat(run("cast", "moonlit-hallway", "--season", "2", env=autumn).stdout)
    assert "due summer 2026) stale [1] Actor" in after
    assert f"{legend} Sources [1]" in after  # the cast's sources follow
    show = flat(run("show", "moonlit-hallway", "-s", "2", env={**autumn, **COLS80}).stdout)
    assert "2026) stale" in show and legend in show  # the status wraps in its table
    every = flat(run("cast", "--season", "2", env=autumn).stdout)
    assert "Moonlit Hallway 달빛 복도 S2: renewed" in every
    assert "due summer 2026) stale" in every and legend in every


def test_one_titles_cast_cites_its_sources_as_the_show_page_does(run_shipped: Run) -> None:
    """The heading cites the title's cast lists, a Src column each credit's own sources, and
    the numbered Sources list follows; the same numbers name the same citations as --json.
    (With --spoilers: without, the Front Man's row cites a flagged source, and its role's rows
    cite theirs under the heading: test_rows_cite_no_source_that_gives_a_result_away.)"""
    page = run_shipped("cast", "squid-game", "--spoilers", env={"COLUMNS": "120"}).stdout
    lines = page.splitlines()
    assert lines[0] == "Squid Game  오징어 게임 [1–6]"
    assert lines[1].split()[-1] == "Src"
    kim = next(line for line in lines if line.startswith("Kim Si-eun"))
    cited = re.search(r"\[(\d+)\]$", kim.rstrip())  # her one source of her own
    assert cited and int(cited.group(1)) > 6  # after the heading's cast lists
    sources = page.split("\nSources\n", 1)[1]
    assert sources.startswith(" [1] Marie Claire, “The 'Squid Game' Season 1 Cast")
    rows = as_json(run_shipped("cast", "squid-game", "--spoilers", "--json"))
    her = next(r for r in rows if r["actor"] == "Kim Si-eun")
    own = next(s for s in her["sources"] if s["id"] == her["source"][-1])
    listed = f"[{cited.group(1)}] {own['publisher']}, “{own['title']}”"
    assert listed in " ".join(sources.split())


def test_a_cast_whose_credits_cite_nothing_of_their_own_has_no_src_column(run: Run) -> None:
    page = run("cast", "moonlit-hallway").stdout
    assert page.splitlines()[0] == "Moonlit Hallway  달빛 복도 [1]"
    assert "Src" not in page
    assert "[1] Example Press, “Moonlit Hallway renewed”, 2022-06-06" in page


def test_every_titles_cast_says_where_the_sources_are(run: Run) -> None:
    """A numbered list for every title would be longer than the casts: a line says how to get
    one title's, and which options give every credit's."""
    page = flat(run("cast").stdout)
    assert "Sources [1]" not in page and "Src" not in page
    assert page.endswith(
        f"Sources: give one title for its numbered list ({KDRAMA} cast TITLE); --json and --csv"
        " give every credit's."
    )


def test_cast_json_rows(run: Run) -> None:
    rows = as_json(run("cast", "--json"))
    shows = {r["show"] for r in rows}
    assert shows == {"moonlit-hallway", "river-of-lanterns", "night-train"}
    assert {"show", "actor", "character", "role", "seasons"} <= rows[0].keys()


def test_cast_unknown_season(run: Run) -> None:
    result = run("cast", "--season", "7")
    assert result.exit_code == 2
    assert "no title in the catalogue has a season 7" in result.output


def test_every_titles_cast_opens_with_what_it_lists_and_in_what_order(run: Run) -> None:
    """Without a title, `cast` ran straight into its first title's heading: a line now says
    which season's cast of how many titles it lists, and that the oldest come first."""
    page = run("cast", "--season", "2").stdout
    assert page.splitlines()[0] == "The season-2 cast of 1 title"
    assert page.splitlines()[2].startswith("Moonlit Hallway")
    every = run("cast").stdout
    assert every.splitlines()[0] == "The cast of 3 titles, oldest first"
    main = run("cast", "--role", "main").stdout
    assert main.splitlines()[0] == "The cast of 3 titles, oldest first (main roles only)"
    one = run("cast", "moonlit-hallway").stdout  # one title's page opens with its heading
    assert one.startswith("Moonlit Hallway")


#: Two films around the fixture's titles, each with a surprise cameo flagged as a spoiler: the
#: oldest title has nothing else, so a page without --spoilers lists none of its cast.
LANTERN_FILM = """
[[shows]]
slug = "{slug}"
title = "{title}"
kind = "film"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A lamplighter's night."
sources = ["test-press"]
cast_sources = ["test-press"]
release_date = {date}
{main}
[[shows.cast]]
person = "seo-minho"
character = "The stranger"
role = "special"
spoiler = true
"""
MAIN_CREDIT = (
    '[[shows.cast]]\nperson = "han-ji-won"\ncharacter = "The lamplighter"\nrole = "main"\n'
)
LANTERNS = LANTERN_FILM.format(
    slug="first-lantern", title="The First Lantern", date="1990-01-01", main=""
) + LANTERN_FILM.format(
    slug="last-lantern", title="The Last Lantern", date="2030-01-01", main=MAIN_CREDIT
)


def test_cast_limit_lists_the_first_titles_whole(run: Run, add_data: AddData) -> None:
    """`cast` without a title lists every credit of every title, the longest page of the tool,
    and took no --limit (ux-review14, COULD 10). --limit counts titles, oldest first, so no
    cast is cut partway; the page says it was cut, as list's does. A title whose only credit
    is hidden as a spoiler is not one of the first; what was hidden is counted over the part
    of the catalogue the page covers, so a limit that cuts nothing says what the whole page
    says."""
    layer = add_data(LANTERNS)
    page = run(*layer, "cast", "--limit", "2").stdout
    lines = page.splitlines()
    assert lines[0] == "The cast of the first 2 titles, oldest first"
    assert lines[-1] == "2 of 4 titles (--limit N for more)"  # The First Lantern lists no one
    assert "Night Train" in page and "River of Lanterns" in page
    assert "Moonlit Hallway" not in page
    assert "The First Lantern" not in page and "The Last Lantern" not in page
    assert "1 credit hidden as a spoiler" in page  # The First Lantern's, not the last one's
    assert run(*layer, "cast", "-n", "1").stdout.splitlines()[0] == (
        "The cast of the first title, oldest first"
    )
    every = run(*layer, "cast").stdout
    assert "2 credits hidden as spoilers" in every and "(--limit" not in every
    whole = run(*layer, "cast", "-n", "4").stdout
    assert "2 credits hidden as spoilers" in whole and "(--limit" not in whole
    assert whole.splitlines()[0] == "The cast of 4 titles, oldest first"
    special = run(*layer, "cast", "--role", "special", "--limit", "1").stdout
    assert "River of Lanterns" in special and "2 credits hidden as spoilers" in special
    rows = as_json(run(*layer, "cast", "--limit", "2", "--json"))
    assert {r["show"] for r in rows} == {"night-train", "river-of-lanterns"}
    assert len(rows) == 3  # each title whole
    sheet = run(*layer, "cast", "--limit", "1", "--csv").stdout.splitlines()
    assert len(sheet) == 2 and sheet[1].startswith("night-train,")
    one = run(*layer, "cast", "moonlit-hallway", "--limit", "1")
    assert one.exit_code == 2 and one.stdout == ""
    assert one.stderr == (
        "kdrama: error: --limit counts titles in the cast of every title: give it without "
        "SHOW (one title's cast is listed whole)\n"
    )


def test_cast_limit_says_what_was_hidden_when_it_hides_every_credit(
    write_dataset: Callable[..., Path],
) -> None:
    """When every credit asked for is a hidden cameo, the limited page says so, as the whole
    page does, instead of "no cast matches"."""
    text = MINI.read_text(encoding="utf-8") + LANTERNS
    text = text.replace('role = "special"\nspoiler = true\n', 'role = "special"\n')
    data = write_dataset(text.replace('role = "special"\n', 'role = "special"\nspoiler = true\n'))
    run = _runner(data)
    for limit in ([], ["--limit", "1"]):
        result = run("cast", "--role", "special", *limit)
        assert result.exit_code == 0
        assert "3 credits hidden as spoilers: add --spoilers" in result.stderr + result.stdout
        said = run("cast", "--role", "special", "--json", *limit)
        assert said.stdout.strip() == "[]"
        assert "3 credits hidden as spoilers: add --spoilers" in said.stderr


#: A title of which the catalogue holds Netflix's record alone, with a season 9.
NETFLIX_ONLY_SEASON_9 = """
[[shows]]
slug = "quiz-night"
title = "Quiz Night"
kind = "series"
netflix_only = true
sources = ["test-chart"]

[[shows.seasons]]
number = 9
status = "released"
sources = ["test-chart"]
"""


def test_cast_of_a_season_no_researched_title_has_says_why_it_is_empty(
    run: Run, add_data: AddData
) -> None:
    """`cast --season 9` said "No cast in the catalogue matches." when the titles with a
    season 9 are only Netflix's record: it now says so, and names them."""
    result = run(*add_data(NETFLIX_ONLY_SEASON_9), "cast", "--season", "9")
    assert result.exit_code == 0 and result.stdout == ""
    assert flat(result.stderr) == (
        "Season 9: no cast yet; the catalogue holds only Netflix's record of the title that "
        "has one (Quiz Night)."
    )
    judges = run("cast", "--season", "2", "--role", "judge")
    assert flat(judges.stderr) == (
        "Season 2: no judges in the catalogue's cast of the title that has one."
    )


@pytest.mark.parametrize("output", [None, "--json"])
def test_every_role_is_named_in_an_empty_cast_s_line_by_the_vocabulary_s_nouns(
    run: Run, add_data: AddData, output: str | None
) -> None:
    """The nouns of the roles (vocab.ROLE_NOUNS) are one map, which the empty cast's line and
    the spoiler line both say: a role added to the vocabulary is named on every page."""
    from kdrama_cli.catalogue.vocab import ROLE_NOUNS, ROLES

    assert list(ROLE_NOUNS) == list(ROLES)
    for role in ROLES:
        args = ["cast", "--season", "9", "--role", role, *([output] if output else [])]
        result = run(*add_data(NETFLIX_ONLY_SEASON_9), *args)
        assert result.exit_code == 0, role
        noun = ROLE_NOUNS[role][0]
        said = f"Season 9: no {noun} in the catalogue's cast of the title that has one."
        assert flat(result.stderr) == said


def test_one_titles_empty_cast_says_whether_it_has_none_or_none_that_matches(
    run_shipped: Run,
) -> None:
    """`cast squid-game-the-challenge` said "no cast in the catalogue matches." with no filter
    given: a title with no credits says it has none yet; a role or season asked for that no
    credit has says which it was."""
    none = run_shipped("cast", "squid-game-the-challenge")
    assert none.exit_code == 0 and none.stdout == ""
    assert flat(none.stderr) == "Squid Game: The Challenge: the catalogue lists no cast for it yet."
    judges = run_shipped("cast", "squid-game", "--role", "judge")
    assert flat(judges.stderr) == "Squid Game: no judges in the catalogue's cast."
    hosts = run_shipped("cast", "squid-game", "--season", "3", "--role", "host")
    assert flat(hosts.stderr) == "Squid Game: no hosts in the catalogue's season-3 cast."


@pytest.mark.parametrize("output", ["--json", "--csv"])
def test_an_empty_cast_for_scripts_says_why_on_stderr_as_the_page_does(
    run_shipped: Run, output: str
) -> None:
    """`cast --json` gave [] and nothing else, whether the title has no cast in the catalogue
    or a filter matched none of it: stderr now gives the page's reason, and the exit stays 0."""
    for args in (["radio-romance"], ["mask-girl", "--role", "host"]):
        page = run_shipped("cast", *args)
        data = run_shipped("cast", *args, output)
        assert data.exit_code == page.exit_code == 0
        assert data.stdout.strip() in ("[]", ",".join(COLUMNS["cast"]))
        assert data.stderr == page.stderr != ""
    assert flat(page.stderr) == "Mask Girl: no hosts in the catalogue's cast."


def test_a_narrow_cast_table_points_to_csv(run: Run) -> None:
    """At 40 columns Role is left out, named with the option that has it; the Hangul goes under
    the actor's name rather than being lost, so the note does not name it."""
    page = run("cast", "moonlit-hallway", env={"COLUMNS": "40"}).output
    out = " ".join(page.split())
    assert re.search(r"Left out at 40 columns: Role \(COLUMNS=\d+ shows it; --csv has", out)
    lines = page.splitlines()
    actor = next(n for n, line in enumerate(lines) if line.startswith("Han Ji-won "))
    assert lines[actor + 1].split()[0] == "한지원", page
    header = run("cast", "moonlit-hallway", "--csv").output.splitlines()[0]
    assert "actor_hangul" in header and "role" in header


def test_a_cast_page_at_80_columns_keeps_names_whole_and_the_hangul_under_them(
    run_shipped: Run,
) -> None:
    """At 80 columns the cast of All of Us Are Dead broke "Yoon / Chan-young" and ran a note
    one word a line ("Team leader / at the / National / ..."), while Role and Src kept their
    width: each actor's Hangul now goes under their name, so names stay whole and the
    character has room for its note, and Role stays."""
    page = run_shipped("--no-pager", "cast", "all-of-us-are-dead", env={"COLUMNS": "80"}).stdout
    lines = page.splitlines()
    assert lines[1].split() == ["Actor", "Character", "Role", "Seasons", "Src"], page
    row = next(n for n, line in enumerate(lines) if line.startswith("Yoon Chan-young "))
    assert lines[row + 1].split()[0] == "윤찬영"
    assert "Team leader at the" in page and "Left out at" not in page
    wide = run_shipped("--no-pager", "cast", "all-of-us-are-dead", env={"COLUMNS": "100"}).stdout
    assert wide.splitlines()[1].split()[:3] == ["Actor", "Hangul", "Character"]


def test_a_character_s_hangul_spells_the_name_it_follows(run_shipped: Run) -> None:
    """Culinary Class Wars' chefs read "Contestant (White Spoon) (백수저)", the Hangul seeming
    to spell "Contestant": the class is the character, 백수저 its Hangul. A character whose
    bracket qualifies the name has the Hangul of the name right after it, in that bracket:
    "Lee Chang-ho (이창호, young)", where "(young) (이창호)" read as two brackets in a row
    (walk36-people #12)."""
    env = {"COLUMNS": "120"}
    chefs = run_shipped("--no-pager", "cast", "culinary-class-wars", env=env).stdout
    assert "White Spoon contestant (백수저)" in chefs
    assert "Black Spoon contestant (흑수저)" in chefs
    assert "Contestant (" not in chefs
    young = run_shipped("--no-pager", "cast", "the-match", env=env).stdout
    assert "Lee Chang-ho (이창호, young)" in young
    by_day = run_shipped("--no-pager", "cast", "miss-night-and-day", env=env).stdout
    assert "Im Sun (임순, Lee Mi-jin by day)" in by_day


def test_compare_shares_rows_only_for_the_same_window(run: Run) -> None:
    data = as_json(run("compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    windows = [(s["metric"], s["window"]) for s in data["stats"]]
    assert windows == [("hours-viewed", "first-28-days")]
    row = data["stats"][0]
    assert row["values"] == [560780000, 1650450000]
    assert row["leader"] == "river-of-lanterns"


def test_compare_finds_cast_in_common(run: Run) -> None:
    data = as_json(run("compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    common = data["cast_in_common"]
    assert [c["actor"] for c in common] == ["Kang Bo-ra"]
    assert common[0]["characters"] == {
        "moonlit-hallway": ["Teacher Lim"],
        "river-of-lanterns": ["Captain Yun"],
    }


def test_compare_marks_cast_in_common_only_through_a_season_not_out(
    run: Run, add_data: AddData
) -> None:
    """Harbour Days' season 2 is only renewed: Ahn Later, cast in it alone, shares nothing on
    screen with the film yet, so the table says "announced" (as a path's hop does) and lists
    him after those who do; Cho Lead is in both seasons, so season 1 is named beside it."""
    from tests.made_up import SEASON_NOT_OUT, film

    cast = (("cho-lead", "Chef"), ("ahn-later", "Waiter"), ("yoo-first", "Guest"))
    layer = add_data(SEASON_NOT_OUT + film("reunion", *cast), "not-out.toml")
    args = [*layer, "compare", "harbour-days", "reunion"]
    out = flat(run(*args, env={"COLUMNS": "120"}).stdout)
    table = out.split("Cast in common")[1]
    assert "Yoo First Deckhand [1] Guest [1]" in table  # each credit cites what it rests on
    assert "Cho Lead Captain (S1, announced S2) [1] Chef [1]" in table
    assert "Ahn Later Newcomer (announced S2) [1] Waiter [1]" in table
    assert table.index("Yoo First") < table.index("Ahn Later")  # on screen in both first
    common = as_json(run(*args, "--json"))["cast_in_common"]
    assert [c["person"] for c in common] == ["cho-lead", "yoo-first", "ahn-later"]
    assert [c["announced_seasons"] for c in common] == [
        {"harbour-days": [2], "reunion": []},
        {"harbour-days": [], "reunion": []},
        {"harbour-days": [2], "reunion": []},
    ]
    sheet = run(*args, "--csv").stdout
    assert "harbour-days,Harbour Days,shared_cast,Ahn Later as Newcomer (announced S2)," in sheet


def test_compare_table(run: Run) -> None:
    out = run("compare", "moonlit-hallway", "river-of-lanterns", "night-train").output
    assert "1.65B hours ★" in out
    assert "Cast in common" in out
    assert "Minho" in out  # in Moonlit Hallway and Night Train
    assert "—" in out  # Night Train has no such figure


def test_compare_needs_two_distinct_titles(run: Run) -> None:
    assert run("compare", "moonlit-hallway").exit_code == 2
    result = run("compare", "moonlit-hallway", "Moonlit Hallway")
    assert result.exit_code == 2
    assert (
        "the same title was given twice: 'moonlit-hallway' and 'Moonlit Hallway' are both "
        "Moonlit Hallway"
    ) in " ".join(result.output.split())
    # An error of meaning, not of syntax: one line, without click's Usage block.
    assert result.stderr.startswith("kdrama: error: the same title was given twice")
    assert "Usage:" not in result.stderr


def test_compare_says_it_works_on_titles_not_seasons(run: Run) -> None:
    result = run("compare", "moonlit hallway 1", "moonlit hallway 2")
    assert result.exit_code == 2
    assert "the same title was given twice" not in result.stderr
    assert (
        "compare works on titles, not seasons: 'moonlit hallway 1' and 'moonlit hallway 2' are "
        f"both Moonlit Hallway; its seasons' figures: {KDRAMA} show moonlit-hallway"
    ) in " ".join(result.stderr.split())
    assert result.stderr.startswith("kdrama: error: compare works on titles, not seasons")
    assert "Usage:" not in result.stderr
    one = run("compare", "moonlit-hallway", "moonlit hallway 2")
    assert one.exit_code == 2 and "compare works on titles, not seasons" in one.stderr
    # A season of one title beside another title: the whole title is compared, and said so.
    for _ in range(2):  # the note is not lost to a replayed page
        mixed = run("compare", "moonlit hallway 2", "night-train", "--json")
        assert mixed.exit_code == 0
        assert as_json(mixed)["shows"] == ["moonlit-hallway", "night-train"]
        assert (
            "kdrama: note: compare works on whole titles: 'moonlit hallway 2' is taken as "
            "Moonlit Hallway, every season"
        ) in mixed.stderr


def test_compare_unknown_title(run: Run) -> None:
    result = run("compare", "moonlit-hallway", "nothing-like-it")
    assert result.exit_code == 2
    assert "no title matches" in result.output


def _figure(show: str, metric: str, value: int, unit: str, window: str) -> str:
    return (
        f'[[stats]]\nshow = "{show}"\nmetric = "{metric}"\nvalue = {value}\nunit = "{unit}"\n'
        f'window = "{window}"\nseason = 1\nas_of = 2025-06-30\nsources = ["test-chart"]\n\n'
    )


@pytest.fixture
def figures(add_data: AddData) -> list[str]:
    """A layer giving both fixture series a runtime in four engagement reports (the same in the
    first three, changed in the last), a contestant count and a prize, and hours in two reports."""
    text = ""
    for window, mine, theirs in (
        ("half-year:2023H2", 480, 400),
        ("half-year:2024H1", 480, 400),
        ("half-year:2024H2", 480, 400),
        ("half-year:2025H1", 480, 420),
    ):
        text += _figure("moonlit-hallway", "runtime", mine, "minutes", window)
        text += _figure("river-of-lanterns", "runtime", theirs, "minutes", window)
    for window, mine, theirs in (("half-year:2023H2", 9, 5), ("half-year:2024H1", 9, 5)):
        text += _figure("moonlit-hallway", "hours-viewed", mine * 10**6, "hours", window)
        text += _figure("river-of-lanterns", "hours-viewed", theirs * 10**6, "hours", window)
    for metric, unit, mine, theirs in (("contestants", "people", 100, 456), ("prize", "USD", 1, 2)):
        text += _figure("moonlit-hallway", metric, mine, unit, "total")
        text += _figure("river-of-lanterns", metric, theirs, unit, "total")
    return add_data(text, "figures.toml")


def test_compare_counts_the_seasons_out_and_names_those_to_come(run: Run) -> None:
    """Moonlit Hallway has one season out and a second renewed, as `show` lists them: the
    Seasons row does not say 1 beside a page that lists two. The coming season carries the
    dates and the stale flag `show` gives it: a plain "+1 renewed" read as current news a year
    after the catalogue's latest word of it."""
    slugs = ("moonlit-hallway", "river-of-lanterns", "night-train")
    for day, flag in (("2026-12-01", ""), ("2027-12-01", ", stale")):
        env = {"KDRAMA_TODAY": day, "COLUMNS": "200"}
        table = flat(run("compare", *slugs, env=env).stdout)
        assert f"Seasons 1 (+1 renewed since 2022-06-06, as of 2026-11-01{flag}) 1 — Episodes" in (
            table
        )
        page = flat(run("show", "moonlit-hallway", env=env).stdout)
        assert ("renewed (since 2022-06-06; as of 2026-11-01) stale" in page) is bool(flag)
        # what the flag means is said under the table, as under show's seasons
        legend = "stale: the catalogue's latest news of the season is from before"
        assert (legend in table) is bool(flag) and (legend in page) is bool(flag)
    assert f"{legend} 2026-12-01 (more than a year old)" in table


def test_a_runtime_reads_the_same_in_compare_and_show(run: Run, figures: list[str]) -> None:
    table = flat(run(*figures, "compare", "moonlit-hallway", "river-of-lanterns").stdout)
    assert "8h 00m [2] 6h 40m" in table and "minutes" not in table
    page = flat(run(*figures, "show", "moonlit-hallway").stdout)
    # the page names the layer's file, whose temporary folder may hold any number
    reports = page.split("Netflix engagement reports", 1)[1].split("Each row", 1)[0]
    assert "8h 00m" in reports and "480" not in reports


def test_compare_stars_no_leader_for_figures_that_are_not_success(
    run: Run, figures: list[str]
) -> None:
    data = as_json(run(*figures, "compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    leaders = {(s["metric"], s["window"]): s["leader"] for s in data["stats"]}
    assert leaders[("runtime", "half-year:2023H2")] is None
    assert leaders[("runtime", "half-year:2025H1")] is None
    assert leaders[("contestants", "total")] is None
    assert leaders[("prize", "total")] is None
    # a measure of success still has its leader
    assert leaders[("hours-viewed", "half-year:2023H2")] == "moonlit-hallway"
    table = flat(run(*figures, "compare", "moonlit-hallway", "river-of-lanterns").output)
    assert "8h 00m [2]" in table and "8h 00m ★" not in table  # a runtime, as show gives it
    assert "456 people ★" not in table and "456 people" in table
    assert "9M hours ★" in table
    sheet = run(*figures, "compare", "moonlit-hallway", "river-of-lanterns", "--csv").output
    rows = list(csv.DictReader(io.StringIO(sheet)))
    runtime = [row for row in rows if row["field"] == "runtime"]
    assert runtime and all(row["leader"] == "" for row in runtime)  # leader left empty
    assert any(row["leader"] == "true" for row in rows if row["field"] == "hours-viewed")


def test_compare_gives_a_runtime_repeated_by_several_reports_one_row(
    run: Run, figures: list[str]
) -> None:
    data = as_json(run(*figures, "compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    runtime = [s for s in data["stats"] if s["metric"] == "runtime"]
    # the first three reports agree: one row; the last changed a figure, so it keeps its own
    assert [s["windows"] for s in runtime] == [
        ["half-year:2023H2", "half-year:2024H1", "half-year:2024H2"],
        ["half-year:2025H1"],
    ]
    assert [s["values"] for s in runtime] == [[480, 400], [480, 420]]
    assert runtime[0]["window"] == "half-year:2023H2"
    assert runtime[0]["window_label"] == (
        "same in 3 reports, July–December 2023 to July–December 2024"
    )
    # hours of different half-years are different measurements: never folded
    hours = [s["windows"] for s in data["stats"] if s["metric"] == "hours-viewed"]
    assert ["half-year:2023H2"] in hours and ["half-year:2024H1"] in hours
    table = flat(run(*figures, "compare", "moonlit-hallway", "river-of-lanterns").output)
    assert table.count("Runtime") == 2
    # under a figure, the day the made-up figures are as of, where its window ends before
    # (the folded row's last report, July–December 2024): the labels read on without it
    assert runtime[0]["as_of"] == ["2025-06-30", "2025-06-30"]
    assert "as of 2025-06-30" in table
    table = table.replace(" as of 2025-06-30", "")
    # the label wraps: its first line, then the rest after the line's figures
    assert "Runtime, same in 3 reports, 8h 00m [2] 6h 40m [2]" in table
    assert "July–December 2023 to July–December 2024, S1" in table
    assert "Runtime, January–June 2025, S1" in table
    sheet = run(*figures, "compare", "moonlit-hallway", "river-of-lanterns", "--csv").output
    assert "half-year:2023H2; half-year:2024H1; half-year:2024H2" in sheet


def test_every_metric_is_decided_as_ranked_or_not() -> None:
    """A metric added to the vocabulary must be decided (more leads, less leads, or no leader),
    not left unranked by default."""
    from kdrama_cli.answers.compare import LEADS, leading_sign
    from kdrama_cli.catalogue.vocab import METRICS

    assert set(LEADS) == set(METRICS)
    assert {metric: leading_sign(metric) for metric in METRICS} == LEADS


def test_a_narrow_compare_never_cuts_or_breaks_a_window_date(run_shipped: Run) -> None:
    """At 40 columns Rich cut the label column's dates ("2022-02-2…"): the labels now keep
    their dates whole, and the value columns keep their years ("2021–2025")."""
    shows = ("squid-game", "all-of-us-are-dead")
    data = as_json(run_shipped("compare", *shows, "--json"))
    dates = {d for s in data["stats"] for d in re.findall(r"\d{4}-\d{2}-\d{2}", s["window_label"])}
    assert dates
    out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "40"}).stdout
    table = out[: out.rfind("\nSources\n")]  # headlines quoted in Sources may hold a "…"
    assert "…" not in table
    words = set(re.sub("[│╭╮╰╯─┬┴┼├┤]", " ", table).replace(",", " ").split())
    assert dates <= words
    assert "2021–2025" in words  # Squid Game's years
    assert all(cell_len(line) <= 40 for line in table.splitlines())


@pytest.mark.parametrize("columns", ["24", "30", "36"])
def test_a_compare_too_narrow_for_its_dates_prints_each_row_as_a_block(
    run_shipped: Run, columns: str
) -> None:
    """At 30 columns Kingdom's years read "2019–2 / 020": when not even the dates fit side by
    side, each row is a block, its label on a line and each title's value under it."""
    out = run_shipped(
        "--no-pager", "compare", "kingdom", "squid-game", env={"COLUMNS": columns}
    ).stdout
    table = out.split("\nSources\n", 1)[0]
    assert "Years\n  Kingdom: 2019–2020\n  Squid Game: 2021–2025\n" in table
    assert "2019–2" not in table.split() and "╭" not in table
    assert all(cell_len(line) <= int(columns) for line in table.splitlines())


def test_a_compare_in_blocks_puts_a_value_under_a_title_with_a_colon(run_shipped: Run) -> None:
    """ "Squid Game: The Challenge: —" could be read at either colon (ux-review14, COULD 8):
    when a title has a colon, each title is a line of its own and its value the line under it."""
    shows = ("squid-game", "squid-game-the-challenge", "the-glory", "kingdom", "all-of-us-are-dead")
    out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "80"}).stdout
    table = out.split("\nSources\n", 1)[0]
    assert "╭" not in table  # blocks, as the review saw them
    assert (
        "Kind\n  Squid Game\n    series\n  Squid Game: The Challenge\n    reality\n"
        "  The Glory\n    series\n" in table
    )
    assert "Squid Game: The Challenge:" not in table
    plain = run_shipped("--no-pager", "compare", "kingdom", "squid-game", env={"COLUMNS": "30"})
    assert "Years\n  Kingdom: 2019–2020\n" in plain.stdout  # no colon: as before


@pytest.mark.parametrize(
    ("shows", "columns"),
    [(("the-thieves", "parasite"), "30"), (("the-thieves", "squid-game", "the-glory"), "46")],
)
def test_a_narrow_compare_never_breaks_a_number(
    run_shipped: Run, shows: tuple[str, ...], columns: str
) -> None:
    """Dates were kept whole, but not other numbers: the references read "[6–" / "10]" at
    30 columns. Every word holding a digit is as whole as on a wide terminal."""

    def numbers(width: str) -> set[str]:
        out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": width}).stdout
        table = out[: out.rfind("\nSources\n")]  # the page's sources, not the Sources row
        words = re.split(r"[\s,]+", re.sub("[│╭╮╰╯─┬┴┼├┤]", " ", table))
        return {word for word in words if re.search(r"\d", word)}

    assert numbers("200") <= numbers(columns)


@pytest.mark.parametrize("columns", ["40", "44"])
def test_a_compare_that_would_break_a_word_prints_each_row_as_a_block(
    run_shipped: Run, columns: str
) -> None:
    """At 40 columns the label column read "January-Jun / e 2023": README says a row that
    cannot keep its words whole is printed as a block instead. At 44 every word fits."""
    out = run_shipped(
        "--no-pager", "compare", "squid-game", "the-glory", env={"COLUMNS": columns}
    ).stdout
    table = out[: out.rfind("\nSources\n")]
    words = re.sub("[│╭╮╰╯─┬┴┼├┤]", " ", table).replace(",", " ").split()
    assert "July–December" in words and "January–June" in words
    assert not [w for w in words if w in ("July-Decemb", "er", "January-Jun", "e")]
    assert all(cell_len(line) <= int(columns) for line in table.splitlines())
    if columns == "40":
        assert "╭" not in table
        assert "Hours viewed, July–December 2023, S1\n  Squid Game: 117.1M hours ★" in table
    else:
        assert "╭" in table


def test_a_compare_at_60_columns_breaks_no_word_of_its_labels(run_shipped: Run) -> None:
    """Three titles fit 60 columns with every word whole: the labels' "July-December" was
    broken ("July-Decembe / r") because Rich's layout was checked in the width before its
    borders were taken off."""
    shows = ("squid-game", "kingdom", "the-glory")
    out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "60"}).stdout
    table = out.split("\nSources\n", 1)[0]
    words = re.sub("[│╭╮╰╯─┬┴┼├┤]", " ", table).split()
    assert "July–December" in words and "January–June" in words
    assert not [w for w in words if w in ("July-Decembe", "July-Decemb", "January-Jun")]
    assert all(cell_len(line) <= 60 for line in table.splitlines())


def test_a_wide_compare_caps_its_label_column(run_shipped: Run) -> None:
    """At 200 columns the labels took 73 columns ("Runtime, same in 4 reports, July–December
    2023 to January–June 2025, S1" on one line) beside two titles' values: a label grows to
    COMPARE_LABEL_CELLS and wraps between words beyond it."""
    from kdrama_cli.views.titles import COMPARE_LABEL_CELLS

    shows = ("squid-game", "all-of-us-are-dead")
    out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "200"}).stdout
    table = out.split("\nSources\n", 1)[0]
    lines = table.splitlines()
    top = next(line for line in lines if line.startswith("╭"))
    assert top.index("┬") - 1 == COMPARE_LABEL_CELLS + 2  # the label's cells and padding
    labels = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    assert "Hours viewed, July–December 2023, S1" in labels  # one line at the cap
    assert "Countries in Top 10, weeks ending" in labels  # wrapped between words
    assert "2021-07-04 to 2022-02-27, S1" in labels
    # the values beside them stay whole on their lines
    seasons = next(line for line in lines if line.startswith("│ Seasons "))
    assert "1 (+1 in production since 2025-07-23, as of 2026-02-22)" in seasons


def test_compare_keeps_a_long_hangul_word_whole_where_the_columns_can(run_shipped: Run) -> None:
    """At 100 columns, five titles: 유품정리사입니다 read "유품정리사입 / 니다", broken between
    syllables with no mark, though the other columns had room to give it its width. Korean
    may break between syllables, but a word is kept whole first; only where the columns
    cannot give it its width (90 columns) does it fold."""
    shows = ("move-to-heaven", "goblin", "the-sound-of-magic", "kingdom", "squid-game")
    out = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "100"}).stdout
    table = out.split("\nSources\n", 1)[0]
    words = re.sub("[│╭╮╰╯─┬┴┼├┤]", " ", table).split()
    assert "유품정리사입니다" in words and "찬란하神-도깨비" in words
    assert "안나라수마나라" in words
    assert all(cell_len(line) <= 100 for line in table.splitlines())
    narrow = run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "90"}).stdout
    folded = narrow.split("\nSources\n", 1)[0]
    assert "╭" in folded and "유품정리사입니다" not in folded.split()  # folds, still a table
    assert all(cell_len(line) <= 90 for line in folded.splitlines())


#: Two made-up films; one has a long genre and a long platform, as Peninsula does.
_LONG_WORDS = """
[[shows]]
slug = "far-shore"
title = "Far Shore"
kind = "film"
platform = "Theatrical (Next Entertainment World)"
genres = ["zombie", "action", "horror", "post-apocalyptic"]
synopsis = "A made-up film."
release_date = 2020-01-01
sources = ["test-chart"]

[[shows]]
slug = "near-shore"
title = "Near Shore"
kind = "film"
platform = "Theatrical"
genres = ["action", "drama"]
synopsis = "A made-up film."
release_date = 2021-01-01
sources = ["test-chart"]
"""


@pytest.mark.parametrize("width", [37, 47, 50, 80])
def test_compare_keeps_a_long_word_whole_wherever_it_fits(
    run: Run, add_data: AddData, width: int
) -> None:
    """From 37 columns up every word of this table fits its column. The table's borders take
    cells too: laying it out as if they did not (as it was at 47 to 50 columns) broke
    "post-apocalyptic" in two."""
    from tests.made_up import META

    args = ("--no-pager", *add_data(META + _LONG_WORDS), "compare", "near-shore", "far-shore")
    out = run(*args, env={"COLUMNS": str(width)}).stdout
    table = out.split("\nSources\n", 1)[0]
    assert "post-apocalyptic" in table and "Entertainment" in table
    assert all(cell_len(line) <= width for line in table.splitlines())


def test_compare_says_which_title_no_figure_row_holds(run_shipped: Run) -> None:
    """A film beside two series: every figure row has a dash for it; a line says why, and
    --json names it."""
    args = ("compare", "squid-game", "all-of-us-are-dead", "the-great-flood")
    said = " ".join(run_shipped("--no-pager", *args).stdout.split())
    assert (
        "None of The Great Flood's figures is in the table: 6 on Films (Non-English), where no "
        "other title's figures are. kdrama show the-great-flood lists them." in said
    )
    assert as_json(run_shipped(*args, "--json"))["unmatched"] == ["the-great-flood"]
    two = as_json(run_shipped("compare", "squid-game", "all-of-us-are-dead", "--json"))
    assert two["unmatched"] == []


def test_compare_says_which_figures_no_row_holds_and_why(run_shipped: Run) -> None:
    """Squid Game's seasons 2 and 3 have no partner season in All of Us Are Dead, and its
    first 91 days no partner window: the table held only season 1 and said nothing of them
    ('squid game 2' even names the season that vanished), and --json had no word of them."""
    args = ("compare", "squid game 2", "all-of-us-are-dead")
    result = run_shipped("--no-pager", *args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split("\nSources\n", 1)[0].split())
    assert (
        "23 of Squid Game's figures are not in the table: 21 for seasons 2 and 3, which All of "
        "Us Are Dead has no figures of; 2 that All of Us Are Dead has no figure to set beside "
        "(hours viewed and views, first 91 days, S1). kdrama show squid-game lists them." in said
    )
    document = as_json(run_shipped(*args, "--json"))
    squid = [item for item in document["left_out"] if item["show"] == "squid-game"]
    assert len(squid) == 23 and document["unmatched"] == []
    first_days = {
        "slug": "squid-game",
        "show": "squid-game",
        "reason": "season",
        "metric": "hours-viewed",
        "unit": "hours",
        "window": "first-4-days",
        "window_label": "first 4 days",
        "list": "TV (Non-English)",
        "season": 2,
        "value": 487600000,
        "as_of": "2024-12-29",
    }
    assert first_days in squid
    assert {item["reason"] for item in squid if item["season"] == 1} == {"window"}
    reality = run_shipped("--no-pager", "compare", "singles-inferno", "physical-100").stdout
    reality = " ".join(reality.split("\nSources\n", 1)[0].split())
    assert "27 for seasons 3, 4 and 5, which Physical: 100 has no figures of" in reality
    assert (
        "5 that Single's Inferno has no figure to set beside (contestants, total, S1 and S2; hours "
        "viewed, first 6 days, S1; hours viewed and views, first 6 days, S2)" in reality
    )
    # A figure in a row is never also left out.
    held = {(r["metric"], r["window"], r["season"]) for r in document["stats"]}
    assert not any((i["metric"], i["window"], i["season"]) in held for i in document["left_out"])


def test_compare_says_the_season_of_each_window_it_left_out(run_shipped: Run) -> None:
    """Kingdom's season-2 figures have no partner in Squid Game, whose season-2 figures are of
    other windows: the line named their windows alone, "countries in Top 10, weeks ending
    2021-07-04 to 2022-02-27; hours viewed, January–June 2023", which the table has rows of,
    for season 1. Each window now says the seasons it is left out for, and past three, how
    many more figures (not windows: one window can be left out for two seasons)."""
    result = run_shipped("--no-pager", "compare", "kingdom", "squid-game", env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    said = flat(result.stdout.split("\nSources\n", 1)[0])
    assert "Hours viewed, January–June 2023, S1 10.2M hours" in said  # a row, of season 1
    assert (
        "8 of Kingdom's figures are not in the table: 8 that Squid Game has no figure to set "
        "beside (countries in Top 10, weeks ending 2021-07-04 to 2022-02-27, S2; hours viewed, "
        "January–June 2023, S2; 6 more figures). kdrama show kingdom lists them." in said
    )
    kingdom = [
        item
        for item in as_json(run_shipped("compare", "kingdom", "squid-game", "--json"))["left_out"]
        if item["show"] == "kingdom"
    ]
    assert len(kingdom) == 8 and {item["season"] for item in kingdom} == {2}


def test_compare_lines_up_a_one_season_titles_figure_of_no_season_with_season_1(
    run: Run, run_shipped: Run, add_data: AddData
) -> None:
    """Itaewon Class' final-episode rating is stored with no season (it has one), Reborn Rich's
    as season 1's: both JTBC's episode 16, they shared no row, and the line under the table
    said Itaewon Class had no figure to set beside Reborn Rich's. A figure of no season of a
    title with one season out is that season's; a title of two seasons out keeps its figure of
    no season apart, as the whole title's."""
    args = ("compare", "itaewon-class", "reborn-rich")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    said = flat(result.stdout.split("\nSources\n", 1)[0])
    assert "TV rating on JTBC, episode 16, S1 16.5% [23–25] 26.9% ★ [9,26,27]" in said
    assert "as of 2020-03-22 as of 2022-12-26" in said  # each under its figure: no window end
    under = result.stdout.split("╯", 1)[1].split("\nSources\n", 1)[0]
    assert "not in the table" in under and "TV rating" not in under  # not said left out
    document = as_json(run_shipped(*args, "--json"))
    rating = next(row for row in document["stats"] if row["metric"] == "ratings")
    assert (rating["season"], rating["values"], rating["leader"]) == (
        1,
        [16.5, 26.9],
        "reborn-rich",
    )
    assert not any(item["metric"] == "ratings" for item in document["left_out"])

    from tests.made_up import SEASONLESS_HOURS

    layer = add_data(SEASONLESS_HOURS)
    titles = ("moonlit-hallway", "river-of-lanterns", "twin-harbour")
    page = flat(run("--no-pager", *layer, "compare", *titles, env={"COLUMNS": "120"}).stdout)
    # as of the day the made-up figures were read, after the half-year: said under each
    assert (
        "Hours viewed, January–June 2024, S1 9M hours ★ [2] 5M hours [2] — as of 2024-09-19 as "
        "of 2024-09-19" in page
    )
    assert (
        "None of Twin Harbour's figures is in the table: 1 for the whole title, which no other "
        "title has figures of." in page
    )
    document = as_json(run(*layer, "compare", *titles, "--json"))
    harbour = [item for item in document["left_out"] if item["show"] == "twin-harbour"]
    assert [(item["season"], item["reason"]) for item in harbour] == [(None, "season")]
    assert not any(item["show"] == "river-of-lanterns" for item in document["left_out"])
    assert document["unmatched"] == ["twin-harbour"]


def test_compare_names_every_title_unmatched_when_no_row_lines_up(run_shipped: Run) -> None:
    """With no row at all, `unmatched` was empty, though docs/output.md says it lists the
    titles whose figures are in no row: a film and a series, on different Netflix lists."""
    document = as_json(run_shipped("compare", "the-great-flood", "squid-game", "--json"))
    assert document["stats"] == []
    assert document["unmatched"] == ["the-great-flood", "squid-game"]
    assert document["figures_apart"]["reason"] == "list"
    reasons = {(item["show"], item["reason"]) for item in document["left_out"]}
    assert ("the-great-flood", "list") in reasons and ("squid-game", "list") in reasons


def test_compare_lists_only_the_sources_it_cites(run_shipped: Run) -> None:
    """With no cast in common, the cast lists' sources stand for nothing on the page: they are
    not listed (23 were listed for 11 cited)."""
    page = run_shipped("--no-pager", "compare", "the-great-flood", "physical-100").stdout
    listed = {int(n) for n in re.findall(r"^ ?\[(\d+)\]", page, re.MULTILINE)}
    cited: set[int] = set()
    for first, last in re.findall(r"\[(\d+)(?:–(\d+))?\]", page.split("\nSources\n")[0]):
        cited.update(range(int(first), int(last or first) + 1))
    assert "No cast in common." in page
    assert listed and listed == cited


def test_cast_leaves_out_a_credit_flagged_as_a_spoiler_unless_asked(run_shipped: Run) -> None:
    """Kim Soo-hyun's surprise cameo in Hotel Del Luna was listed by `cast`: it is left out,
    with a line saying so, until --spoilers; --json and --csv say it on stderr."""
    page = flat(run_shipped("cast", "hotel-del-luna", env={"COLUMNS": "200"}).stdout)
    assert "Kim Soo-hyun" not in page and "IU" in page
    assert "1 credit hidden as a spoiler: add --spoilers" in page
    shown = flat(run_shipped("cast", "hotel-del-luna", "--spoilers").stdout)
    assert "Kim Soo-hyun" in shown and "hidden as" not in shown
    for machine in ("--json", "--csv"):
        result = run_shipped("cast", "hotel-del-luna", machine)
        assert "kim-soo-hyun" not in result.stdout
        assert "1 credit hidden as a spoiler: add --spoilers" in result.stderr
    every = as_json(run_shipped("cast", "hotel-del-luna", "--spoilers", "--json"))
    assert [c["spoiler"] for c in every if c["person"] == "kim-soo-hyun"] == [True]


def test_compare_leaves_a_surprise_cameo_out_of_cast_in_common_unless_asked(
    run_shipped: Run,
) -> None:
    """`compare kingdom kingdom-ashin-of-the-north` listed Jun Ji-hyun's flagged cameo at
    Kingdom's end under "cast in common", and compare had no --spoilers: the credit is left
    out, with a line saying so (on stderr with --json and --csv), until --spoilers. The line
    counts the titles' cameos, not those in common, in the same words whether or not one is:
    "1 credit hidden" under the cast in common of Hotel Del Luna and Queen of Tears told whose
    cameo Hotel Del Luna hides, which path takes care never to say."""
    line = (
        "1 surprise cameo in these titles hidden as a spoiler, and so left out of the cast in"
        " common: add --spoilers"
    )
    shows = ("kingdom", "kingdom-ashin-of-the-north")
    page = flat(run_shipped("--no-pager", "compare", *shows, env={"COLUMNS": "200"}).stdout)
    assert "Jun Ji-hyun" not in page and "Park Byung-eun" in page
    assert line in page
    document = as_json(run_shipped("compare", *shows, "--json"))
    assert [p["person"] for p in document["cast_in_common"]] == ["park-byung-eun"]
    sheet = run_shipped("compare", *shows, "--csv")
    common = [line for line in sheet.stdout.splitlines() if ",shared_cast," in line]
    assert common and not [line for line in common if "Jun Ji-hyun" in line]
    for machine in ("--json", "--csv"):
        said = run_shipped("compare", *shows, machine).stderr
        assert line in said
    shown = flat(run_shipped("--no-pager", "compare", *shows, "--spoilers").stdout)
    assert "Jun Ji-hyun" in shown and "hidden as" not in shown
    told = as_json(run_shipped("compare", *shows, "--spoilers", "--json"))
    assert "jun-ji-hyun" in {p["person"] for p in told["cast_in_common"]}
    # The cameo was all Hotel Del Luna and Queen of Tears had in common.
    luna = flat(run_shipped("--no-pager", "compare", "hotel-del-luna", "queen-of-tears").stdout)
    assert f"No cast in common. {line}" in luna
    assert "Kim Soo-hyun" not in luna.split(" Sources ")[0]  # a headline may name him
    apart = flat(
        run_shipped("--no-pager", "compare", "hotel-del-luna", "all-of-us-are-dead").stdout
    )
    assert line in apart  # the same words with no cameo in common
    # Squid Game hides T.O.P's season 3 cameo, so its headline comparison says so too.
    headline = run_shipped("compare", "squid-game", "all-of-us-are-dead", "--json").stderr
    assert line in headline
    two = flat(run_shipped("--no-pager", "compare", "hotel-del-luna", "squid-game").stdout)
    assert "2 surprise cameos in these titles hidden as spoilers, and so left out" in two
    plain = run_shipped("compare", "all-of-us-are-dead", "moving", "--json").stderr
    assert "cameo" not in plain and "credit" not in plain


def test_cast_sources_say_how_to_see_a_hidden_headline(run_shipped: Run) -> None:
    """`cast physical-100` printed "kdrama show TITLE --spoilers shows them" eight times, with
    TITLE literally: the page has --spoilers of its own now."""
    page = flat(run_shipped("cast", "physical-100").stdout)
    assert "TITLE" not in page
    assert "headline and address hidden as a spoiler: add --spoilers" in page
    told = run_shipped("cast", "physical-100", "--spoilers").stdout
    assert "headline and address hidden" not in told


#: What Lee Byung-hun's season 1 credit in Squid Game rests on: the title's cast lists, then
#: the credit's own sources.
FRONT_MAN_S1 = [
    "squid-game-marieclaire-s1-cast",
    "squid-game-tomsguide-s2-characters",
    "squid-game-etvbharat-s3-teaser",
    "squid-game-rollingstone-kr-teaser",
    "squid-game-edaily-s2-cast",
    "squid-game-economist-s2-teaser",
    "squid-game-thedirect-s2-cast",
    "squid-game-variety-s2-cast",
    "squid-game-starnews-special-appearances",
    "squid-game-osen-yang-dong-geun-subway",
]


def test_a_credit_rests_on_one_rule_on_cast_and_person_pages(run_shipped: Run) -> None:
    """What a credit rests on was written three times (two views, two answers) and commands
    built the cited ids through view helpers: answers.sources.credit_sources is the one rule,
    and `cast` and `person`, in --json and --csv, cite each credit by it. The rule is spelled
    out for one credit, so that the test fails if the rule changes, not only if a page stops
    asking it."""
    import csv
    import io

    from kdrama_cli.answers.sources import credit_sources
    from kdrama_cli.catalogue.loader import load_dataset
    from tests.conftest import SHIPPED

    dataset = load_dataset([SHIPPED])
    squid_game = dataset.shows["squid-game"]
    front_man = next(
        c for c in squid_game.cast if c.person == "lee-byung-hun" and c.seasons == (1,)
    )
    # The rule itself, spelled out: the cast lists first, then the credit's own sources.
    assert list(credit_sources(dataset, squid_game, front_man)) == FRONT_MAN_S1
    rows = as_json(run_shipped("cast", "squid-game", "--spoilers", "--json"))
    on_page = {tuple(r["seasons"]): r["source"] for r in rows if r["person"] == "lee-byung-hun"}
    person = as_json(run_shipped("person", "lee-byung-hun", "--spoilers", "--json"))
    credits = {
        tuple(c["seasons"]): c["source"] for c in person["credits"] if c["slug"] == "squid-game"
    }
    assert on_page[(1,)] == credits[(1,)] == FRONT_MAN_S1

    show = dataset.shows["hotel-del-luna"]
    rests_on = {c.person: list(credit_sources(dataset, show, c)) for c in show.cast}
    cast = as_json(run_shipped("cast", "hotel-del-luna", "--spoilers", "--json"))
    assert {row["person"]: row["source"] for row in cast} == rests_on
    urls = {s["id"]: s["url"] for row in cast for s in row["sources"]}
    # with --spoilers, as the JSON above: without, a role where a row cites a source flagged
    # as a spoiler pools its rows' sources (docs/output.md), which is not this rule
    sheet = csv.DictReader(
        io.StringIO(run_shipped("cast", "hotel-del-luna", "--spoilers", "--csv").stdout)
    )
    for row in sheet:
        assert row["source_urls"].split("; ") == [urls[i] for i in rests_on[row["person"]]]
    person = as_json(run_shipped("person", "iu", "--json"))
    credit = next(c for c in person["credits"] if c["slug"] == "hotel-del-luna")
    assert credit["source"] == rests_on["iu"]


def test_a_flagged_lead_or_contestant_stays_listed_only_a_surprise_cameo_is_left_out(
    run_shipped: Run,
) -> None:
    """The flag on a credit marks its note (data/README.md): Vincenzo's Ok Taec-yeon (a lead
    whose note gives his identity away) and Physical: 100's winner stay on the cast page, as
    leaving them out would point at them; Kim Soo-hyun's epilogue cameo in Hotel Del Luna, a
    special appearance, is the surprise itself and is left out until --spoilers."""
    vincenzo = run_shipped("--no-pager", "cast", "vincenzo").stdout
    assert "Ok Taec-yeon" in vincenzo and not re.search(r"credits? hidden as", vincenzo)
    physical = run_shipped("--no-pager", "cast", "physical-100").stdout
    assert "Woo Jin-yong" in physical and not re.search(r"credits? hidden as", physical)
    # The note is what is withheld, and the page says so, as it does of a flagged fact.
    assert "Winner of season 1" not in physical
    assert "9 cast notes hidden as spoilers: add --spoilers" in physical
    shown = run_shipped("--no-pager", "cast", "physical-100", "--spoilers").stdout
    assert "Winner of season 1" in shown and "hidden as" not in shown
    # Which listed credit is flagged would point at the row whose note is withheld: null for
    # every row without --spoilers, given with it.
    rows = as_json(run_shipped("cast", "physical-100", "--json"))
    assert {r["spoiler"] for r in rows} == {None}
    told = as_json(run_shipped("cast", "physical-100", "--json", "--spoilers"))
    assert any(r["person"] == "woo-jin-yong" and r["spoiler"] for r in told)
    credits = as_json(run_shipped("person", "woo-jin-yong", "--json"))["credits"]
    assert {c["spoiler"] for c in credits} == {None}
    person = run_shipped("--no-pager", "person", "woo-jin-yong").stdout
    assert "Physical: 100" in person
    # no credit or note hidden (the Sources list says its own flagged headlines are)
    assert not re.search(r"\d+ (credit|cast note)s? hidden as", person)
    hotel = run_shipped("--no-pager", "cast", "hotel-del-luna").stdout
    assert "Kim Soo-hyun" not in hotel and "1 credit hidden as a spoiler" in hotel


def _flagged_urls() -> set[str]:
    """The addresses of the shipped citations flagged as spoilers (their headline gives a
    result away, and an address often repeats it)."""
    import tomllib

    with SHIPPED.open("rb") as f:
        return {c["url"] for c in tomllib.load(f)["citations"] if c.get("spoiler")}


def test_every_line_of_what_was_hidden_agrees_with_its_count(run_shipped: Run) -> None:
    """`kdrama cast --json` said "11 credits and 26 cast notes hidden as spoilers" and, the
    next line, "49 source headlines and addresses hidden as a spoiler": several things are
    hidden as spoilers, one as a spoiler, on every line."""
    result = run_shipped("cast", "--json")
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if " hidden as " in line]
    assert len(lines) == 2, result.stderr
    for line in lines:
        count = int(line.split()[0])
        assert ("hidden as a spoiler" in line) == (count == 1), line
        assert ("hidden as spoilers" in line) == (count != 1), line


def test_cast_json_withholds_the_headlines_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """`cast physical-100 --json` withheld Woo Jin-yong's note "Winner of season 1.", but every
    credit's `sources` described "…최종 우승자는 우진용 '상금 3억'" ("the final winner is Woo
    Jin-yong"). A flagged source keeps its id, publisher, date and flag, and its title and
    url are null, until --spoilers; stderr says how many, once."""
    result = run_shipped("cast", "physical-100", "--json")
    rows = as_json(result)
    assert next(r for r in rows if r["person"] == "woo-jin-yong")["note"] is None
    flagged = [s for r in rows for s in r["sources"] if s["spoiler"]]
    assert flagged  # the winner's headline is among the cast-list sources
    assert all((s["title"], s["url"], s["title_note"]) == (None, None, None) for s in flagged)
    assert all(s["id"] and s["publisher"] for s in flagged)
    assert all(set(s) == set(flagged[0]) for r in rows for s in r["sources"])  # one shape
    hidden = len({s["id"] for s in flagged})
    assert hidden > 1  # the premise: several, so the line says them in the plural
    said = f"{hidden} source headlines and addresses hidden as spoilers: add --spoilers"
    assert result.stderr.count(said) == 1
    told = run_shipped("cast", "physical-100", "--json", "--spoilers")
    every = [s for r in as_json(told) for s in r["sources"] if s["spoiler"]]
    assert any("우진용" in s["title"] for s in every) and all(s["url"] for s in every)
    assert "source" not in told.stderr


def test_cast_csv_leaves_out_the_addresses_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """`cast --csv` printed, in `source_urls`, the addresses the cast page hides ("headline
    and address hidden as a spoiler: add --spoilers"), as `upcoming --csv` does not."""
    flagged = _flagged_urls()
    result = run_shipped("cast", "physical-100", "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    printed = {u for r in rows for u in r["source_urls"].split("; ") if u}
    assert printed and not printed & flagged
    assert re.search(
        r"^\d+ source addresses hidden as spoilers: add --spoilers$", result.stderr, re.M
    )
    told = run_shipped("cast", "physical-100", "--csv", "--spoilers")
    given = {
        u for r in csv.DictReader(io.StringIO(told.stdout)) for u in r["source_urls"].split("; ")
    }
    assert given & flagged and "source" not in told.stderr


def test_compare_json_withholds_the_headlines_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """compare has --spoilers, and its page hides a flagged headline: so does its --json."""
    shows = ("reborn-rich", "marry-my-husband")
    result = run_shipped("compare", *shows, "--json")
    flagged = [s for s in as_json(result)["sources"] if s["spoiler"]]
    assert flagged and all((s["title"], s["url"]) == (None, None) for s in flagged)
    assert re.search(r"hidden as (a spoiler|spoilers): add --spoilers", result.stderr)
    told = as_json(run_shipped("compare", *shows, "--json", "--spoilers"))
    assert all(s["title"] and s["url"] for s in told["sources"])


def test_the_cast_page_gives_each_credit_s_note_under_its_character(run_shipped: Run) -> None:
    """Player numbers and who a character is ("Player 456.") were kept in the dataset for 1,100
    credits but printed on no page; `cast` puts each under its character. The show page's
    short cast leaves them out."""
    page = run_shipped("--no-pager", "cast", "squid-game", "--season", "2", env=COLS).stdout
    lines = page.splitlines()
    row = next(n for n, line in enumerate(lines) if line.startswith("Kang Ae-sim"))
    assert "Player 149." in lines[row] + lines[row + 1]
    assert "Hwang In-ho" not in page  # the Front Man's flagged note
    assert "cast note hidden as a spoiler" in page
    # A lead's note: on the cast page, under the character; not in the show page's short cast.
    noted = "Team leader at the National Intelligence Service."
    cast = flat(run_shipped("--no-pager", "cast", "all-of-us-are-dead", env=COLS).stdout)
    assert noted in cast
    show = run_shipped("--no-pager", "show", "all-of-us-are-dead", env=COLS).stdout
    assert "Roh Jae-won" in show and "Team leader" not in show


def test_compare_cites_a_credit_in_common_by_the_one_rule(run_shipped: Run) -> None:
    """compare cited only the cast lists for the cast in common; Park Byung-eun's own sources
    for Min Chi-rok, which `cast kingdom` cites, were missing (ux-review8, SHOULD 3)."""
    from kdrama_cli.answers.sources import credit_sources
    from kdrama_cli.catalogue.loader import load_dataset
    from tests.conftest import SHIPPED

    shipped = load_dataset([SHIPPED])
    compared = as_json(run_shipped("compare", "kingdom", "kingdom-ashin-of-the-north", "--json"))
    (park,) = [c for c in compared["cast_in_common"] if c["person"] == "park-byung-eun"]
    listed = {s["id"] for s in compared["sources"]}
    own = set()
    for slug, ids in park["source"].items():
        show = shipped.shows[slug]
        credit = next(c for c in show.cast if c.person == "park-byung-eun")
        assert ids == list(credit_sources(shipped, show, credit)) and set(ids) <= listed
        own |= set(credit.sources) - set(show.cast_sources)
    assert own and own <= listed  # his own sources, beyond the cast lists, are cited


def _actors(page: str) -> list[str]:
    """The actors of a cast table, in the order the page lists them."""
    lines = page.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(("Actor", "Person"))) + 2
    rows = []
    for line in lines[start:]:
        if not line.strip() or "hidden as" in line:
            break
        if not line.startswith(" "):  # a note's line is indented under the character
            rows.append(re.split(r"\s{2,}", line)[0])
    return rows


def test_contestants_are_listed_by_name_while_their_results_are_withheld(
    run_shipped: Run,
) -> None:
    """Physical: 100's file lists each season's winner first, then the runner-up, and `cast`
    kept that order while it withheld their notes: Woo Jin-yong, the winner, headed season
    1. Without --spoilers a role whose notes include a withheld one is listed by name, on the
    page and in --json and --csv; --spoilers gives the file's order back."""
    args = ("--no-pager", "cast", "physical-100", "--season", "1")
    page = _actors(run_shipped(*args, env={"COLUMNS": "200"}).stdout)
    assert page[0] != "Woo Jin-yong" and "Woo Jin-yong" in page
    assert page == sorted(page, key=str.casefold)
    rows = as_json(run_shipped(*args, "--json"))
    assert [r["actor"] for r in rows] == page
    sheet = run_shipped(*args, "--csv").stdout.splitlines()[1:]
    assert [line.split(",")[3] for line in sheet] == page
    told = _actors(run_shipped(*args, "--spoilers", env={"COLUMNS": "200"}).stdout)
    assert told[:2] == ["Woo Jin-yong", "Jung Hae-min"]  # the file's order: the results
    assert [r["actor"] for r in as_json(run_shipped(*args, "--spoilers", "--json"))] == told


def test_only_a_role_with_a_withheld_note_is_listed_by_name(run: Run, add_data: AddData) -> None:
    """A made-up contest whose file lists its winner, then its runner-up: its contestants are
    listed by name (casefolded: "bae" among the B's), its judges, whose notes are not
    flagged, in the file's order. A drama keeps its billing order throughout, also in a role
    with a withheld note: billing tells no result (code review 11: Squid Game's page opened
    with Choi Seung-hyun, its leads sorted by name)."""
    from tests.made_up import RESULTS_IN_ORDER

    layer = add_data(RESULTS_IN_ORDER, "results.toml")

    def people(*args: str) -> list[str]:
        return [r["person"] for r in as_json(run(*layer, "cast", *args, "--json"))]

    assert people("bake-off") == ["min", "baek", "ahn", "bae", "yoon", "zeon"]
    assert people("bake-off", "--spoilers") == ["min", "baek", "zeon", "yoon", "bae", "ahn"]
    assert people("quiet-lane") == ["zeon", "yoon", "min", "ahn"]
    assert people("quiet-lane", "--spoilers") == ["zeon", "yoon", "min", "ahn"]
    page = _actors(run(*layer, "cast", "bake-off").stdout)
    assert page == [
        "Min Judge",
        "Baek Judge",
        "Ahn Third",
        "bae Lower",
        "Yoon Runner",
        "Zeon Winner",
    ]
    sheet = run(*layer, "cast", "quiet-lane", "--csv").stdout.splitlines()[1:]
    assert [line.split(",")[2] for line in sheet] == ["zeon", "yoon", "min", "ahn"]
    # Every title's cast: each title's roles are ordered by the same rule.
    every = [(r["slug"], r["person"]) for r in as_json(run(*layer, "cast", "--json"))]
    assert [p for slug, p in every if slug == "bake-off"] == people("bake-off")


def test_cast_json_and_csv_withhold_a_flagged_note_as_the_page_does(run_shipped: Run) -> None:
    """`cast --json`/`--csv` gave "The Front Man is Hwang In-ho." and Physical: 100's results
    in clear, with nothing on stderr, while the page withholds them: without --spoilers a
    flagged note is null (an empty cell), still flagged, and stderr says how many once (with
    T.O.P's season 3 cameo, a flagged credit, counted beside it)."""
    import csv
    import io

    said = "1 credit and 1 cast note hidden as spoilers"
    result = run_shipped("cast", "squid-game", "--json")
    assert "Hwang In-ho" not in result.stdout
    front = [r for r in as_json(result) if r["person"] == "lee-byung-hun"]
    assert [(r["note"], r["spoiler"]) for r in front] == [(None, None), (None, None)]
    assert result.stderr.count(said) == 1
    sheet = run_shipped("cast", "squid-game", "--csv")
    assert "Hwang In-ho" not in sheet.stdout and sheet.stderr.count(said) == 1
    rows = [r for r in csv.DictReader(io.StringIO(sheet.stdout)) if r["person"] == "lee-byung-hun"]
    assert [(r["note"], r["spoiler"]) for r in rows] == [("", ""), ("", "")]
    # An unflagged note is given as before (a lead's is withheld with the Front Man's: every
    # other lead's row has a note, so his row alone without one would point at it).
    player = next(r for r in as_json(result) if r["person"] == "kang-ae-sim")
    assert player["note"].startswith("Player 149.")
    for machine in ("--json", "--csv"):
        given = run_shipped("cast", "squid-game", machine, "--spoilers")
        assert "The Front Man is Hwang In-ho." in given.stdout
        assert "hidden" not in given.stderr
    # Physical: 100: seven results and a credit with none, as the page counts them.
    physical = run_shipped("cast", "physical-100", "--season", "1", "--csv")
    assert "Winner of season 1" not in physical.stdout
    assert "7 cast notes hidden as spoilers: add --spoilers" in physical.stderr
    # show --json stays the whole record: every note, flagged.
    document = as_json(run_shipped("show", "squid-game", "--json"))
    notes = [c["note"] for c in document["cast"] if c["person"] == "lee-byung-hun"]
    # his season-1 cameo (a special appearance) carries no note; the lead credit's is flagged
    assert notes == ["The Front Man is Hwang In-ho.", None]


def test_a_hidden_cameo_and_a_withheld_note_are_said_in_one_line(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """The cast page said "1 credit hidden as a spoiler" and "1 cast note hidden as a spoiler"
    on two lines one under the other, each with its own "add --spoilers"; one line says both,
    on the page and on stderr for --json."""
    from tests.made_up import TIDAL_TOWN

    flagged = TIDAL_TOWN.replace(
        'character = "Mayor"\nrole = "main"\n',
        'character = "Mayor"\nrole = "main"\nnote = "Secretly the smuggler."\nspoiler = true\n',
    )
    assert flagged != TIDAL_TOWN
    data = ["--data", str(write_dataset(flagged, "tidal.toml"))]
    both = "1 credit and 1 cast note hidden as spoilers: add --spoilers"
    page = flat(run(*data, "cast", "tt").stdout)
    assert both in page and "smuggler" not in page
    assert page.count("add --spoilers") == 1
    machine = run(*data, "cast", "tt", "--json")
    assert machine.stderr.count("hidden as") == 1 and both in machine.stderr
    asked = flat(run(*data, "cast", "tt", "--spoilers").stdout)
    assert "smuggler" in asked and "hidden as" not in asked


def test_a_withheld_note_takes_its_role_s_notes_with_it_where_its_row_alone_would_lack_one(
    run_shipped: Run,
) -> None:
    """Strong Girl Bong-soon's supporting parts are each described but one, the kidnapper's,
    whose note is withheld: the row without a note named him (code review 11). The notes of
    that role are withheld together, and the line says so; where other rows of the role have
    no note (Squid Game's season-2 players), the others stay."""
    page = run_shipped("--no-pager", "cast", "strong-girl-bong-soon", env=COLS).stdout
    said = flat(page)
    assert (
        "1 cast note hidden as a spoiler, with the rest of the supporting cast's notes, so "
        "none stands out: add --spoilers"
    ) in said
    assert "Bong-soon's mother" not in said and "A woman born with" in said  # a lead's note
    asked = flat(run_shipped("--no-pager", "cast", "strong-girl-bong-soon", "--spoilers").stdout)
    assert "Bong-soon's mother" in asked and "hidden as" not in asked
    rows = as_json(run_shipped("cast", "strong-girl-bong-soon", "--json"))
    supporting = [r["note"] for r in rows if r["role"] == "supporting"]
    assert supporting and set(supporting) == {None}
    players = flat(run_shipped("--no-pager", "cast", "squid-game").stdout)
    assert "Player 149." in players
    assert "with the rest of the supporting cast's notes, so none stands out" not in players
    billing = _actors(run_shipped("--no-pager", "cast", "squid-game", "--season", "1").stdout)
    assert billing[0] == "Lee Jung-jae"


def test_rows_cite_no_source_that_gives_a_result_away(run_shipped: Run) -> None:
    """A finale story cited on two contestants' rows of thirteen named the finalists, headline
    or not (ux review 12): without --spoilers no row of such a role cites its own sources, the
    ones not flagged are cited under the title's heading, and the flagged ones not at all."""
    page = run_shipped("--no-pager", "cast", "culinary-class-wars", "--season", "1", env=COLS)
    assert "3억 주인공" not in page.stdout and "Src" not in page.stdout.splitlines()[1]
    rows = as_json(run_shipped("cast", "culinary-class-wars", "--season", "1", "--json"))
    cited = {i for r in rows for i in r["source"]}
    assert "culinary-class-wars-starnews-s1-final" not in cited
    assert len({tuple(r["source"]) for r in rows if r["role"] == "main"}) == 1  # all alike
    told = as_json(run_shipped("cast", "culinary-class-wars", "-s", "1", "--json", "--spoilers"))
    finalists = [
        r["person"] for r in told if "culinary-class-wars-starnews-s1-final" in r["source"]
    ]
    assert sorted(finalists) == ["edward-lee", "kwon-seong-jun"]
    person = as_json(run_shipped("person", "edward-lee", "--json"))["credits"]
    assert not any("culinary-class-wars-starnews-s1-final" in c["source"] for c in person)


def test_a_reality_title_s_contestants_are_listed_by_name(run_shipped: Run) -> None:
    """Single's Inferno's seasons listed first the contestants of the finale stories the
    catalogue began with, who alone had no "Season N contestant." note (ux review 12): a
    reality title's contestants are listed by name, each with the note; hosts keep their order."""
    rows = as_json(run_shipped("cast", "singles-inferno", "--season", "3", "--json"))
    contestants = [r for r in rows if r["role"] == "main"]
    names = [r["actor"] for r in contestants]
    assert names == sorted(names, key=str.casefold) and len(names) >= 9
    assert all(r["note"].startswith("Season 3 contestant") for r in contestants)
    hosts = [r["actor"] for r in rows if r["role"] == "host"]
    assert hosts[0] == "Hong Jin-kyung"


def test_compare_says_a_title_held_only_as_netflix_s_record_has_no_cast_to_compare(
    run_shipped: Run,
) -> None:
    """Dream High 2 has no cast in the catalogue: "No cast in common" would read as an answer
    checked, so the page says why nothing was compared, as `cast dream-high-2` does."""
    alone = flat(run_shipped("compare", "squid-game", "dream-high-2").stdout)
    assert "Dream High 2: no cast to compare; the catalogue holds only Netflix's record." in alone
    assert "No cast in common" not in alone
    three = flat(
        run_shipped("compare", "dream-high-2", "squid-game", "crash-landing-on-you").stdout
    )
    assert "No cast in common." in three  # the two researched titles were compared
    assert "Dream High 2: no cast to compare" in three


def test_compare_ranks_tv_ratings_only_within_one_broadcaster(run_shipped: Run) -> None:
    """Queen of Tears' 24.85% is tvN's, a pay-TV channel's; Descendants of the Sun's
    38.8% KBS2's, a terrestrial channel's, calculated on another base: one row starred the
    38.8%. Now the row is tvN's, names it, and KBS2's rating is counted under the table as a
    broadcaster of its own."""
    args = ("compare", "queen-of-tears", "crash-landing-on-you", "descendants-of-the-sun")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    page = result.stdout.split("\nSources\n", 1)[0]
    assert "TV rating on tvN, episode 16, S1 24.85% ★ [32–34] 21.7% [8] — " in flat(page)
    assert "38.8%" not in page
    said = " ".join(page.split())
    assert (
        "1 of Descendants of the Sun's figures is not in the table: 1 on KBS2, whose TV ratings "
        "are not set beside another broadcaster's (TV rating, episode 16, S1)." in said
    )
    assert "pay-TV channels' ratings are calculated on different bases" in said
    document = as_json(run_shipped(*args, "--json"))
    [row] = [row for row in document["stats"] if row["metric"] == "ratings"]
    assert row["broadcaster"] == "tvN" and row["values"] == [24.85, 21.7, None]
    assert row["leader"] == "queen-of-tears"
    assert {"show": "descendants-of-the-sun", "reason": "broadcaster"}.items() <= next(
        item for item in document["left_out"] if item["metric"] == "ratings"
    ).items()
    # SBS's 4.9% was starred over tvN's 3.6% (pay-TV households): no row, no star.
    two = as_json(run_shipped("compare", "business-proposal", "true-beauty", "--json"))
    assert not [row for row in two["stats"] if row["metric"] == "ratings"]
    assert {i["show"] for i in two["left_out"] if i["reason"] == "broadcaster"} == {
        "business-proposal",
        "true-beauty",
    }


def test_a_rating_left_out_for_its_broadcaster_is_worded_from_the_answer() -> None:
    """The broadcaster a rating is kept apart by is the answer's (LeftOut.broadcaster, from
    measured_by), and the line under the table names that one: the grouping and the words
    cannot name two different broadcasters."""
    from kdrama_cli.answers.compare import compare
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.views.titles import left_out_lines

    dataset = load_dataset([SHIPPED])
    slugs = ("queen-of-tears", "crash-landing-on-you", "descendants-of-the-sun")
    comparison = compare(dataset, [dataset.shows[slug] for slug in slugs])
    [item] = [i for i in comparison.left_out if i.reason == "broadcaster"]
    assert item.broadcaster == "KBS2"
    [line] = [line for line in left_out_lines(comparison) if "broadcaster's" in line]
    assert "1 on KBS2, whose TV ratings" in line
    renamed = comparison._replace(
        left_out=tuple(
            i._replace(broadcaster="KBS1") if i is item else i for i in comparison.left_out
        )
    )
    assert any("1 on KBS1, whose TV ratings" in line for line in left_out_lines(renamed))


def test_a_season_that_aired_elsewhere_is_rated_as_that_channel_s(tmp_path: Path) -> None:
    """The Uncanny Counter's first season aired on OCN, its second on tvN: a rating of the
    second is tvN's, grouped with other tvN ratings, not the title's OCN."""
    from kdrama_cli.answers.compare import measured_by
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.models import Stat

    layer = tmp_path / "moved.toml"
    layer.write_text(
        """
[[shows]]
slug = "two-channels"
title = "Two Channels"
kind = "series"
platform = "OCN"
genres = ["drama"]
synopsis = "A made-up series."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2020-11-28
episodes = 16
sources = ["test-chart"]

[[shows.seasons]]
number = 2
status = "released"
release_date = 2023-07-29
episodes = 12
platform = "tvN"
sources = ["test-chart"]
""",
        encoding="utf-8",
    )
    show = load_dataset([MINI, layer]).shows["two-channels"]

    def rating(season: int | None) -> Stat:
        return Stat("ratings", 11.0, "percent", "episode:16", dt.date(2024, 1, 1), (), season)

    assert [measured_by(show, rating(n)) for n in (1, 2, None)] == ["OCN", "tvN", "OCN"]
    assert measured_by(show, rating(2)._replace(metric="hours-viewed")) is None


_RATINGS = """
[[shows]]
slug = "cable-romance"
title = "Cable Romance"
kind = "series"
platform = "tvN"
genres = ["romance"]
synopsis = "A made-up series."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2020-01-04
episodes = 16
sources = ["test-chart"]

[[shows.stats]]
metric = "ratings"
value = 24.8
unit = "percent"
window = "episode:16"
season = 1
as_of = 2020-02-23
note = "Nielsen Korea, nationwide, pay-TV households"
sources = ["test-chart"]

[[shows]]
slug = "cable-thriller"
title = "Cable Thriller"
kind = "series"
platform = "tvN"
genres = ["thriller"]
synopsis = "A made-up series."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2021-01-02
episodes = 16
sources = ["test-chart"]

[[shows.stats]]
metric = "ratings"
value = 21.7
unit = "percent"
window = "episode:16"
season = 1
as_of = 2021-02-21
note = "Nielsen Korea, nationwide, pay-TV households"
sources = ["test-chart"]

[[shows]]
slug = "terrestrial-saga"
title = "Terrestrial Saga"
kind = "series"
platform = "KBS2"
genres = ["melodrama"]
synopsis = "A made-up series."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2016-02-24
episodes = 16
sources = ["test-chart"]

[[shows.stats]]
metric = "ratings"
value = 38.8
unit = "percent"
window = "episode:16"
season = 1
as_of = 2016-04-15
note = "Nielsen Korea, nationwide"
sources = ["test-chart"]
"""


def test_compare_says_tv_ratings_of_different_broadcasters_keep_apart(
    run: Run, add_data: AddData
) -> None:
    """Two titles whose one shared figure is a TV rating of one episode and season, on tvN and
    on KBS2: the line said they were 'of different seasons', though both are season 1."""
    from tests.made_up import META

    layer = add_data(META + _RATINGS)
    said = " ".join(
        run("--no-pager", *layer, "compare", "cable-romance", "terrestrial-saga").stdout.split()
    )
    assert (
        "No figures to compare: their figures (TV rating, episode 16) are of different "
        "broadcasters (Cable Romance's on tvN, Terrestrial Saga's on KBS2)." in said
    )
    assert "different seasons" not in said
    document = as_json(run(*layer, "compare", "cable-romance", "terrestrial-saga", "--json"))
    assert document["figures_apart"]["reason"] == "broadcaster"
    assert document["figures_apart"]["broadcasters"] == {
        "cable-romance": ["tvN"],
        "terrestrial-saga": ["KBS2"],
    }
    assert document["unmatched"] == ["cable-romance", "terrestrial-saga"]
    # One broadcaster's ratings line up and are ranked as before.
    same = as_json(run(*layer, "compare", "cable-romance", "cable-thriller", "--json"))
    [row] = same["stats"]
    assert (row["broadcaster"], row["leader"], row["values"]) == (
        "tvN",
        "cable-romance",
        [24.8, 21.7],
    )


def test_compare_with_no_figure_in_common_says_what_keeps_each_titles_out(
    run: Run, add_data: AddData
) -> None:
    """When nothing lined up, the page said only "No figures with the same metric and window to
    compare." while --json listed each left-out figure with its reason: it says, per title, what
    keeps its figures out, as under a table."""
    from tests.made_up import META

    layer = add_data(META + _RATINGS)
    result = run("--no-pager", *layer, "compare", "cable-romance", "moonlit-hallway")
    said = " ".join(result.stdout.split())
    assert "No figures with the same metric and window to compare." in said
    assert (
        "None of Cable Romance's figures can be compared: 1 that Moonlit Hallway has no figure "
        "to set beside (TV rating, episode 16, S1). "
        f"{kdrama_on('--data', MINI, *layer)} show cable-romance lists them." in said
    )
    assert "None of Moonlit Hallway's figures can be compared: " in said
    assert "in the table" not in said
    document = as_json(run(*layer, "compare", "cable-romance", "moonlit-hallway", "--json"))
    assert document["stats"] == [] and document["figures_apart"] is None
    assert {item["show"] for item in document["left_out"]} == {"cable-romance", "moonlit-hallway"}


def test_compare_marks_a_half_year_that_is_one_seasons_first_months(run_shipped: Run) -> None:
    """Bloodhounds (out June 2023) and The Trauma Code (out 2025-01-24) in January–June 2025:
    the row starred 34.1M views over 6.3M with no word that one figure is of a season's first
    months and the other of a season two years old. The star stays (it was watched more in
    that half-year), the figure is marked †, and a line under the table says whose and why."""
    args = ("compare", "bloodhounds", "the-trauma-code-heroes-on-call")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    page = flat(result.stdout.split("\nSources\n", 1)[0])
    # the report's reference, whatever its number as the titles' sources come and go
    assert re.search(
        r"Views, January–June 2025, S1 6\.3M views \[(\d+)\] 34\.1M views† ★ \[\1\]", page
    )
    # the first 3 days as of the end of each debut week, said under the figures
    assert re.search(
        r"Hours viewed, first 3 days, S1 27\.97M hours \[\d+\] 32\.6M hours ★ \[\d+\] "
        r"as of 2023-06-11 as of 2025-01-26",
        page,
    )
    assert (
        "† came out on Netflix within that half-year: its figures there count only the days from "
        "then to the half-year's end (The Trauma Code: Heroes on Call S1, 2025-01-24: 158 days)."
        in page
    )
    rows = {
        (row["metric"], row["window"]): row
        for row in as_json(run_shipped(*args, "--json"))["stats"]
    }
    assert rows["views", "half-year:2025H1"]["debuts"] == [None, "2025-01-24"]
    assert rows["views", "half-year:2025H1"]["leader"] == "the-trauma-code-heroes-on-call"
    assert rows["hours-viewed", "first-3-days"]["debuts"] == [None, None]
    assert rows["runtime", "half-year:2025H1"]["debuts"] == [None, None]  # no leader to explain
    # Two seasons long out, neither new in the half-year: nothing is marked.
    old = run_shipped("--no-pager", "compare", "squid-game", "all-of-us-are-dead").stdout
    assert "†" not in old


def test_compare_sheet_says_what_the_pages_marks_and_labels_say(run_shipped: Run) -> None:
    """The page marks a half-year figure of a season's first days † and names a ratings row's
    broadcaster; --json has both (`debuts`, `broadcaster`), but the sheet had neither, so a
    script reading it could not tell 34.1M views of 158 days from 6.3M of a whole half-year,
    or whose households a rating counts."""
    sheet = run_shipped("compare", "bloodhounds", "the-trauma-code-heroes-on-call", "--csv")
    assert sheet.exit_code == 0, sheet.output
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert list(rows[0])[-8:] == [
        "broadcaster",
        "debut",
        "as_of",
        "other_values",
        "other_notes",
        "note",
        "release_unknown",
        "week_by_week",
    ]
    views = {
        r["slug"]: r for r in rows if (r["field"], r["window"]) == ("views", "half-year:2025H1")
    }
    assert views["the-trauma-code-heroes-on-call"]["debut"] == "2025-01-24"
    assert views["the-trauma-code-heroes-on-call"]["leader"] == "true"
    assert views["bloodhounds"]["debut"] == ""
    assert all(r["debut"] == "" for r in rows if r["window"] != "half-year:2025H1")
    assert all(r["broadcaster"] == "" for r in rows)  # neither has a TV rating
    args = ("compare", "queen-of-tears", "crash-landing-on-you", "--csv")
    rated = list(csv.DictReader(io.StringIO(run_shipped(*args).stdout)))
    ratings = {r["slug"]: r for r in rated if r["field"] == "ratings"}
    assert ratings["queen-of-tears"]["broadcaster"] == "tvN"
    assert ratings["queen-of-tears"]["value"] == "24.85"
    assert ratings["crash-landing-on-you"]["broadcaster"] == "tvN"
    assert all(r["broadcaster"] == "" for r in rated if r["field"] != "ratings")


#: A layer's second figure for Squid Game's first 28 days, beside Netflix's 1,650,450,000 hours
#: (walk33's st.toml): `data check` warns that the title's page lists both.
SECOND_FIGURE = """
[[citations]]
id = "ex-st"
url = "https://example.com/st"
title = "Example figure"
publisher = "Example News"
date = 2023-06-01

[[stats]]
show = "squid-game"
metric = "hours-viewed"
value = {value}
unit = "hours"
window = "first-28-days"
season = 1
list = "TV (Non-English)"
as_of = 2023-06-01
sources = ["ex-st"]
note = "{note}"
"""

#: The note of SECOND_FIGURE, which the JSON and the page give with it.
NOTED = "a restated total, as Example News gives it"


def test_compare_gives_a_titles_second_figure_of_a_row_and_stars_no_title_on_it(
    run_shipped: Run, add_data: AddData
) -> None:
    """A layer's second figure for a row was in neither `stats` nor `left_out` (docs/output.md:
    every figure in no row is in `left_out`), nothing said so on the page, --csv or stderr,
    and the row's leader was judged on whichever figure was read first (walk33 #1). It is in
    `left_out` ('twice') and in the row's `other_figures`, the page gives it in the cell
    ("also"), the sheet in `other_values`, and the row stars no title where the figure taken
    would change which title leads (500M beside 1.65B, against 560.78M)."""
    args = ("compare", "squid-game", "all-of-us-are-dead")
    alone = as_json(run_shipped(*args, "--json"))
    row = next(r for r in alone["stats"] if r["window"] == "first-28-days")
    assert (row["leader"], row["other_figures"]) == ("squid-game", [[], []])
    assert not any(item["reason"] == "twice" for item in alone["left_out"])

    layer = add_data(SECOND_FIGURE.format(value=500000000, note=NOTED))
    document = as_json(run_shipped(*layer, *args, "--json"))
    row = next(r for r in document["stats"] if r["window"] == "first-28-days")
    assert row["values"] == [1650450000, 560780000]  # the figure read first: the dataset's
    assert row["leader"] is None
    assert row["other_figures"] == [
        [{"value": 500000000, "as_of": "2023-06-01", "source": ["ex-st"], "note": NOTED}],
        [],
    ]
    twice = [item for item in document["left_out"] if item["reason"] == "twice"]
    assert [(i["slug"], i["window"], i["season"], i["value"], i["as_of"]) for i in twice] == [
        ("squid-game", "first-28-days", 1, 500000000, "2023-06-01")
    ]
    assert "ex-st" in {source["id"] for source in document["sources"]}  # described
    others = [r for r in document["stats"] if r["window"] != "first-28-days"]
    assert others == [r for r in alone["stats"] if r["window"] != "first-28-days"]

    page = run_shipped("--no-pager", *layer, *args, env={"COLUMNS": "200"})
    assert page.exit_code == 0, page.output
    said = flat(page.stdout.split("\nSources\n", 1)[0])
    number = 1 + [c["id"] for c in document["sources"]].index("ex-st")
    assert re.search(
        rf"Hours viewed, first 28 days, S1 1\.65B hours \[\d+\] 560\.78M hours \[\d+\] "
        rf"as of 2023-05-31 as of 2023-05-31 also 500M hours \[{number}\] as of 2023-06-01",
        said,
    ), said
    first = f'"{row["notes"][0]}"' if row["notes"][0] else "no note"
    assert (
        "also: the title's other figure for the row, which the dataset gives after the first "
        f'(Squid Game\'s hours viewed, first 28 days, S1: noted {first}, also "{NOTED}"): '
        "a second row of one source (a season "
        "Netflix lists under two titles), or another source's figure, which kdrama data check "
        "warns of; where the titles' figures would give different leaders (taken at either "
        "figure, or for hours and views at their sum), the row stars no title." in said
    )
    assert "23 of Squid Game's figures are not in the table" in said  # the 'twice' is in it

    sheet = run_shipped(*layer, *args, "--csv")
    rows = {
        (r["slug"], r["field"], r["window"]): r for r in csv.DictReader(io.StringIO(sheet.stdout))
    }
    squid = rows["squid-game", "hours-viewed", "first-28-days"]
    dead = rows["all-of-us-are-dead", "hours-viewed", "first-28-days"]
    assert (squid["value"], squid["other_values"], squid["leader"]) == (
        "1650450000",
        "500000000",
        "false",
    )
    assert (dead["other_values"], dead["leader"]) == ("", "false")

    # A second figure that leads as the first does (1.7B beside 1.65B, against 560.78M)
    # leaves the row its leader: whichever is taken, Squid Game leads.
    higher = add_data(SECOND_FIGURE.format(value=1700000000, note=NOTED), "higher.toml")
    row = next(
        r
        for r in as_json(run_shipped(*higher, *args, "--json"))["stats"]
        if r["window"] == "first-28-days"
    )
    assert row["leader"] == "squid-game"
    assert row["other_figures"][0][0]["value"] == 1700000000

    # The same number given again, under another source and note, contests nothing: the row
    # keeps its leader, and still gives the second figure.
    same = add_data(SECOND_FIGURE.format(value=1650450000, note=NOTED), "same.toml")
    row = next(
        r
        for r in as_json(run_shipped(*same, *args, "--json"))["stats"]
        if r["window"] == "first-28-days"
    )
    assert row["leader"] == "squid-game"
    assert row["other_figures"][0][0]["value"] == 1650450000


def test_compare_gives_both_rows_netflix_lists_a_season_under(run_shipped: Run) -> None:
    """Netflix's January–June 2025 report lists Brave Detectives' season 4 under two of its
    titles (8M and 2.8M hours): compare set the first beside Love After Divorce's 2.1M and
    starred it, and the 2.8M was in no output. Both are in the row, each with the note that
    names its listing; the row stars Brave Detectives, which leads at 8M, 2.8M and their sum
    alike, and the views row (300K, 100K or 400K beside 100K) stars no title."""
    args = ("compare", "brave-detectives", "love-after-divorce")
    document = as_json(run_shipped(*args, "--json"))
    rows = {(r["metric"], r["window"]): r for r in document["stats"]}
    hours = rows["hours-viewed", "half-year:2025H1"]
    assert (hours["season"], hours["values"]) == (4, [8000000, 2100000])
    assert hours["leader"] == "brave-detectives"
    assert [[f["value"] for f in figures] for figures in hours["other_figures"]] == [[2800000], []]
    # the notes tell the two listings apart: Netflix's title of each
    assert hours["notes"][0].startswith("Netflix's title: Brave Detectives: Season 4: 2025")
    (other,) = hours["other_figures"][0]
    assert other["note"].startswith("Netflix's title: Brave Detectives: Season 4: 2024")
    views = rows["views", "half-year:2025H1"]
    assert views["values"] == [300000, 100000] and views["leader"] is None
    assert rows["hours-viewed", "half-year:2024H2"]["leader"] == "brave-detectives"  # one each
    twice = {(i["metric"], i["value"]) for i in document["left_out"] if i["reason"] == "twice"}
    assert twice == {("hours-viewed", 2800000), ("views", 100000), ("runtime", 1141)}
    page = flat(run_shipped("--no-pager", *args, env={"COLUMNS": "200"}).stdout)
    assert re.search(r"8M hours ★ \[(\d+)\] 2\.1M hours \[\1\] also 2\.8M hours \[\1\]", page)
    assert re.search(r"S4 300K views \[\d+\] 100K views \[\d+\] also 100K views \[", page)
    assert (
        'S4: noted "Netflix\'s title: Brave Detectives: Season 4: 2025; not available globally", '
        'also "Netflix\'s title: Brave Detectives: Season 4: 2024; not available globally")'
    ) in page


def test_compare_sheet_gives_the_note_of_each_figure_beside_it(
    run_shipped: Run, run: Run, add_data: AddData
) -> None:
    """--json gives the note of each of a title's figures of a row (`stats[].notes`,
    `other_figures[][].note`), which is what tells Brave Detectives' 8M hours from its 2.8M,
    but the sheet gave `other_values` and no note at all. `other_notes` gives one per figure of
    `other_values`, split as it is on "; " (a note's own "; " written ", "), and `note` the
    note of the figure in `value`, as the dataset gives it."""
    args = ("compare", "brave-detectives", "love-after-divorce")
    for fmt, delimiter in (("--csv", ","), ("--tsv", "\t")):
        sheet = run_shipped(*args, fmt)
        assert sheet.exit_code == 0, sheet.output
        rows = {
            (r["slug"], r["field"], r["window"]): r
            for r in csv.DictReader(io.StringIO(sheet.stdout), delimiter=delimiter)
        }
        brave = rows["brave-detectives", "hours-viewed", "half-year:2025H1"]
        assert (brave["value"], brave["other_values"]) == ("8000000", "2800000")
        assert brave["other_notes"] == (
            "Netflix's title: Brave Detectives: Season 4: 2024, not available globally"
        )
        assert brave["note"] == (
            "Netflix's title: Brave Detectives: Season 4: 2025; not available globally"
        )
        love = rows["love-after-divorce", "hours-viewed", "half-year:2025H1"]
        assert (love["other_values"], love["other_notes"]) == ("", "")
        assert (
            love["note"] == "Netflix's title: Love After Divorce: Season 4; not available globally"
        )
        assert all(
            (r["other_notes"], r["note"]) == ("", "") for r in rows.values() if r["unit"] == ""
        )  # a title's own fields and the cast in common have no figure

    # two other figures, the first noted with a "; " of its own, the second with no note: the
    # cells split on "; " pair each figure with its note
    figure = (
        '[[stats]]\nshow = "moonlit-hallway"\nmetric = "hours-viewed"\nvalue = {}\n'
        'unit = "hours"\nwindow = "first-28-days"\nseason = 1\nas_of = 2022-03-01\n'
        'sources = ["test-chart"]\n'
    )
    layer = add_data(
        figure.format(500000000)
        + 'note = "a restated total; as Example News gives it"\n\n'
        + figure.format(600000000)
    )
    sheet = run(*layer, "compare", "moonlit-hallway", "river-of-lanterns", "--csv")
    assert sheet.exit_code == 0, sheet.output
    (moonlit,) = [
        r
        for r in csv.DictReader(io.StringIO(sheet.stdout))
        if (r["slug"], r["window"]) == ("moonlit-hallway", "first-28-days")
    ]
    assert (moonlit["value"], moonlit["note"]) == ("560780000", "")
    pairs = zip(
        moonlit["other_values"].split("; "), moonlit["other_notes"].split("; "), strict=True
    )
    assert list(pairs) == [
        ("500000000", "a restated total, as Example News gives it"),
        ("600000000", ""),
    ]


def test_compare_stars_the_title_that_leads_whichever_figure_is_taken(run_shipped: Run) -> None:
    """Single's Inferno's 128.3M hours beat Brave Detectives' 8M, its 2.8M and their sum: the
    row of two figures for Brave Detectives stars Single's Inferno, as every choice does."""
    args = ("compare", "brave-detectives", "singles-inferno")
    rows = {(r["metric"], r["window"]): r for r in as_json(run_shipped(*args, "--json"))["stats"]}
    for metric in ("hours-viewed", "views"):
        row = rows[metric, "half-year:2025H1"]
        assert row["other_figures"][0] and row["leader"] == "singles-inferno", row
    page = flat(run_shipped("--no-pager", *args, env={"COLUMNS": "200"}).stdout)
    assert re.search(r"8M hours \[(\d+)\] 128\.3M hours† ★ \[\1\] also 2\.8M hours", page), page


def test_compare_says_what_day_each_figure_is_as_of(run_shipped: Run) -> None:
    """`show` and `top` give a figure's as-of day, compare gave none in any output: Squid
    Game's 2.21B hours of its first 91 days are as of 2026-07-22, and only show or top said
    so (walk33 #5). `stats[].as_of` has one per title, as `values`; `left_out[].as_of` and the
    sheet's `as_of` each figure's; the page says it under a figure whose window does not end
    on it, as show's Figures do."""
    args = ("compare", "squid-game", "all-of-us-are-dead")
    document = as_json(run_shipped(*args, "--json"))
    rows = {(r["metric"], r["window"]): r for r in document["stats"]}
    assert rows["hours-viewed", "first-28-days"]["as_of"] == ["2023-05-31", "2023-05-31"]
    assert rows["hours-viewed", "first-3-days"]["as_of"] == ["2021-09-19", "2022-01-30"]
    assert rows["hours-viewed", "half-year:2023H1"]["as_of"] == ["2023-06-30", "2023-06-30"]
    runtime = next(r for r in document["stats"] if r["metric"] == "runtime")
    assert len(runtime["windows"]) == 4  # folded: as of the last report that restates it
    assert runtime["as_of"] == ["2025-06-30", "2025-06-30"]
    ninety = {
        (i["metric"], i["window"], i["season"]): i["as_of"]
        for i in document["left_out"]
        if i["slug"] == "squid-game"
    }
    assert ninety["hours-viewed", "first-91-days", 1] == "2026-07-22"
    sheet = list(csv.DictReader(io.StringIO(run_shipped(*args, "--csv").stdout)))
    dates = {(r["slug"], r["field"], r["window"]): r["as_of"] for r in sheet}
    assert dates["all-of-us-are-dead", "hours-viewed", "first-3-days"] == "2022-01-30"
    assert dates["squid-game", "kind", ""] == ""  # a title's own field has none
    page = run_shipped("--no-pager", *args, env={"COLUMNS": "200"})
    said = flat(page.stdout.split("\nSources\n", 1)[0])
    assert re.search(
        r"Hours viewed, first 28 days, S1 1\.65B hours ★ \[\d+\] 560\.78M hours \[\d+\] "
        r"as of 2023-05-31 as of 2023-05-31",
        said,
    ), said
    assert re.search(
        r"Hours viewed, first 3 days, S1 63\.19M hours \[\d+\] 124\.79M hours ★ \[\d+\] "
        r"as of 2021-09-19 as of 2022-01-30",
        said,
    ), said
    # a half-year's last day, or the Sunday a running total runs to, is its window's: unsaid
    assert "as of 2023-06-30" not in said and "as of 2026-07-19" not in said


def test_a_report_figure_no_other_title_has_that_half_year_of_is_kept_apart_by_it(
    run_shipped: Run,
) -> None:
    """Crash Landing on You's January-June 2023 hours were said to be "on ... What We Watched,
    where Queen of Tears' figures are not", as if the two sat on different lists; that report
    had one sheet, and Queen of Tears came out in 2024: it has no figure of that half-year to
    set beside, and the line now says so, as for the other half-years it lacks."""
    args = ("compare", "queen-of-tears", "crash-landing-on-you")
    page = " ".join(run_shipped("--no-pager", *args, env={"COLUMNS": "200"}).stdout.split())
    assert (
        "5 of Crash Landing on You's figures are not in the table: 1 on national Top 10s, where "
        "Queen of Tears' figures are not; 4 that Queen of Tears has no figure to set beside "
        "(hours viewed, January–June 2023, S1; hours viewed, views and runtime, July–December "
        "2023, S1)." in page
    )
    left = as_json(run_shipped(*args, "--json"))["left_out"]
    [old] = [i for i in left if i["window"] == "half-year:2023H1"]
    assert old["reason"] == "window"


def test_compare_counts_the_days_of_a_half_year_figure_marked_as_a_seasons_first(
    run_shipped: Run,
) -> None:
    """Squid Game S3 came out on 2025-06-27, four days before January–June 2025 ended: the line
    under the table said its figure there was "of its first months". It now says the figure
    counts the days from then to the half-year's end, and how many, for each season marked."""
    result = run_shipped("--no-pager", "compare", "kingdom", "sweet-home", "squid-game")
    assert result.exit_code == 0, result.output
    said = flat(result.stdout.split("\nSources\n", 1)[0])
    assert (
        "† came out on Netflix within that half-year: its figures there count only the days from "
        "then to the half-year's end (Sweet Home S2, 2023-12-01: 31 days; Squid Game S2, "
        "2024-12-26: 6 days; Squid Game S3, 2025-06-27: 4 days)." in said
    )
    assert "first months" not in said


def test_compare_stars_no_title_beside_a_season_whose_day_on_netflix_is_unknown(
    run_shipped: Run,
) -> None:
    """Single's Inferno S3 came to Netflix on 2023-12-12, 20 days before July–December 2023
    ended; Brave Detectives S3, first in that report, has no date anywhere. The row starred
    49.5M hours over 8.3M with no †, as the † asked for a season known to be out before. Now
    the 20 days are marked † whatever the neighbour's day, the undated figure is marked §, the
    row stars no title (what the 8.3M counts cannot be told), and a line says why. A season an
    earlier report lists was out before the half-year: its next row keeps its star."""
    args = ("compare", "singles-inferno", "brave-detectives")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    page = re.sub(r"\[\d+\]", "[N]", flat(result.stdout.split("\nSources\n", 1)[0]))
    assert "Hours viewed, July–December 2023, S3 49.5M hours† [N] 8.3M hours§ [N]" in page
    assert "Views, July–December 2023, S3 5.6M views† [N] 300K views§ [N]" in page
    assert "Hours viewed, January–June 2024, S3 73.1M hours ★ [N] 11.8M hours [N]" in page
    assert "Hours viewed, July–December 2023, S2 13.8M hours ★ [N] 7.7M hours [N]" in page
    assert (
        "† came out on Netflix within that half-year: its figures there count only the days from "
        "then to the half-year's end (Single's Inferno S3, 2023-12-12: 20 days; Single's Inferno "
        "S4, 2025-01-14: 168 days)." in page
    )
    assert (
        "§ no day is known for when the season (or film) came to Netflix, and no earlier figure "
        "has it there: its figure may count the whole half-year or only its last days, so a row "
        "with one stars no title (Brave Detectives S3, July–December 2023)." in page
    )
    assert page.count("§") == 3  # the two figures and the line
    rows = {
        (row["metric"], row["window"], row["season"]): row
        for row in as_json(run_shipped(*args, "--json"))["stats"]
    }
    undated = rows["hours-viewed", "half-year:2023H2", 3]
    assert undated["leader"] is None and undated["release_unknown"] == ["brave-detectives"]
    assert undated["debuts"] == ["2023-12-12", None]
    listed = rows["hours-viewed", "half-year:2024H1", 3]
    assert listed["leader"] == "singles-inferno" and listed["release_unknown"] == []
    assert rows["runtime", "half-year:2023H2", 3]["release_unknown"] == []
    sheet = list(csv.DictReader(io.StringIO(run_shipped(*args, "--csv").stdout)))
    marked = {
        (r["slug"], r["field"], r["window"], r["season"]): (r["leader"], r["release_unknown"])
        for r in sheet
        if r["field"] in ("hours-viewed", "runtime")
    }
    assert marked["brave-detectives", "hours-viewed", "half-year:2023H2", "3"] == ("false", "true")
    assert marked["singles-inferno", "hours-viewed", "half-year:2023H2", "3"] == ("false", "false")
    assert marked["singles-inferno", "hours-viewed", "half-year:2024H1", "3"] == ("true", "false")
    assert marked["singles-inferno", "runtime", "half-year:2023H2", "3"] == ("", "")
    assert all(r["release_unknown"] == "" for r in sheet if r["field"] == "korean_title")


def test_compare_marks_each_season_out_within_the_half_year_though_none_was_out_before(
    run_shipped: Run,
) -> None:
    """The Trauma Code (2025-01-24) and Melo Movie (2025-02-14) both came out within
    January–June 2025: the † asked for a season out before the half-year beside them, so
    neither figure was marked, as if both counted a whole half-year. Each is marked now, with
    its days."""
    args = ("compare", "the-trauma-code-heroes-on-call", "melo-movie")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    page = re.sub(r"\[\d+\]", "[N]", flat(result.stdout.split("\nSources\n", 1)[0]))
    assert "Hours viewed, January–June 2025, S1 236.6M hours† ★ [N] 95.1M hours† [N]" in page
    assert (
        "(The Trauma Code: Heroes on Call S1, 2025-01-24: 158 days; Melo Movie S1, 2025-02-14: "
        "137 days)." in page
    )
    assert "§" not in page
    hours = next(
        row
        for row in as_json(run_shipped(*args, "--json"))["stats"]
        if (row["metric"], row["window"]) == ("hours-viewed", "half-year:2025H1")
    )
    assert hours["debuts"] == ["2025-01-24", "2025-02-14"]
    assert hours["leader"] == "the-trauma-code-heroes-on-call"


def test_compare_help_explains_both_marks_of_a_figure_not_like_the_others(run: Run) -> None:
    """compare --help explained the dagger of a season's first days in a half-year, not the
    double dagger of a running total of the weekly lists of a season out before they began,
    whose row stars no title."""
    result = run("compare", "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    said = flat(result.stdout)
    assert "is marked with a dagger" in said
    assert (
        "A season whose day on Netflix is unknown, and that no earlier figure has there (a week "
        "in the Top 10, an earlier report), is marked with a section sign, and its row stars no "
        "title" in said
    )
    assert (
        "A running total of Netflix's weekly Top 10 lists (weeks in them, countries, best rank) "
        "of a season out before the lists began, with the week ending 2021-07-04, leaves out its "
        "earlier weeks: it is marked with a double dagger, and its row stars no title." in said
    )


def test_compare_stars_no_title_where_a_season_came_out_before_the_top10_lists(
    run_shipped: Run,
) -> None:
    """Netflix's weekly lists begin with the week ending 2021-07-04: Kingdom S1 (2019) has 4
    countries from a re-run, not its launch, and the row starred Squid Game's 94 as a lead;
    Sweet Home S1 (2020) has one week, in 2023. The window names both its ends, the figure is
    marked ‡, no title is starred, and a line under the table says why: apart from the † of a
    half-year figure of a season's first months, which the same table has."""
    wide = {"COLUMNS": "160"}  # each row's values on one line; a long label wraps
    table = flat(run_shipped("compare", "kingdom", "squid-game", env=wide).stdout)
    # (a figure's source number, [N], follows the titles' sources, which grow with the data)
    numbered = re.sub(r"\[\d+\]", "[N]", table)
    assert (
        "Countries in Top 10, weeks ending 4 countries‡ [N] 94 countries [N] 2021-07-04 to "
        "2022-02-27, S1"
    ) in numbered
    assert "94 countries ★" not in table and "cumulative to" not in table
    assert (
        "‡ Kingdom S1 came out before Netflix's weekly Top 10 lists begin with the week "
        "ending 2021-07-04, and earlier weeks are not published: its figures marked ‡ leave "
        "them out, and a row with one stars no title."
    ) in table
    # Squid Game S2's first months in July–December 2024 keep their own mark and line
    assert "Hours viewed, July–December 2024, S2 3.7M hours [N] 619.9M hours† ★ [N]" in numbered
    assert "† came out on Netflix within that half-year: its figures there count only" in table
    assert table.count("†") == 3 and table.count("‡") == 3
    data = as_json(run_shipped("compare", "kingdom", "squid-game", "--json"))
    countries = next(s for s in data["stats"] if s["metric"] == "countries-in-top10")
    assert countries["window_label"] == "weeks ending 2021-07-04 to 2022-02-27"
    assert countries["leader"] is None and countries["before_top10"] == ["kingdom"]
    hours = next(s for s in data["stats"] if s["metric"] == "hours-viewed")
    assert hours["leader"] == "squid-game" and hours["before_top10"] == []
    assert countries["debuts"] == [None, None]  # the keys of both marks are on every row
    assert "debuts" in hours and "broadcaster" in countries and "left_out" in data
    sheet = run_shipped("compare", "kingdom", "squid-game", "--csv").stdout
    rows = list(csv.DictReader(io.StringIO(sheet)))
    marked = {
        (r["slug"], r["season"]): (r["leader"], r["before_top10"])
        for r in rows
        if r["field"] == "countries-in-top10"
    }
    assert marked[("kingdom", "1")] == ("false", "true")
    assert marked[("squid-game", "1")] == ("false", "false")
    assert all(r["before_top10"] == "" for r in rows if r["field"] == "hours-viewed")

    table = flat(run_shipped("compare", "sweet-home", "all-of-us-are-dead", env=wide).stdout)
    sweet = re.sub(r"\[\d+\]", "[N]", table)
    assert "1 week‡ [N] 11 weeks [N]" in sweet and "11 weeks ★" not in table
    assert "#7‡ [N] #1 [N]" in sweet and "#1 ★" not in table
    assert "‡ Sweet Home S1 came out before Netflix's weekly Top 10 lists begin" in table
    assert "94.6M hours ★" in table  # a report's half-year is the same window for both


def test_a_reality_shows_cast_is_headed_person_not_actor(run_shipped: Run) -> None:
    """Paik Jong-won judges Culinary Class Wars; he plays no one."""
    page = run_shipped("cast", "culinary-class-wars", "--role", "judge", env={"COLUMNS": "80"})
    assert page.stdout.splitlines()[1].split()[0] == "Person"
    drama = run_shipped("cast", "squid-game", env={"COLUMNS": "80"})
    assert drama.stdout.splitlines()[1].split()[0] == "Actor"


def test_a_miss_among_as_many_words_as_compare_needs_says_nothing_of_quotes(
    run_shipped: Run,
) -> None:
    """`compare glroy kingdom`: two words that name no title together are two titles, the
    fewest compare takes, so a miss is a misspelling, not a title typed without quotes; three
    words may be one (squid gaem), and so may two that name one title (squid game)."""
    said = " ".join(run_shipped("compare", "glroy", "kingdom").stderr.split())
    assert "Did you mean The Glory?" in said and "quotes" not in said
    three = " ".join(run_shipped("compare", "squid", "gaem", "kingdom").stderr.split())
    assert 'goes in quotes, one pair for each: kdrama compare "SHOW" "SHOW"' in three
    # two words that together name one title are that title typed without quotes
    for words in (("squid", "game"), ("crash", "landing")):
        said = " ".join(run_shipped("compare", *words).stderr.split())
        assert 'goes in quotes, one pair for each: kdrama compare "SHOW" "SHOW"' in said, said


def test_a_season_weeks_in_the_top10_put_on_netflix_before_a_half_year_keeps_its_star(
    run_shipped: Run,
) -> None:
    """Her Private Life has no day on Netflix in the catalogue and January–June 2023 is the
    first report, but its weeks in Netflix's Top 10 in 2021 have it there long before: its
    13.4M hours lead that row (★), with no §, as they did before § was added; only a season no
    earlier figure of any window has on Netflix is marked."""
    args = ("compare", "her-private-life", "touch-your-heart")
    result = run_shipped("--no-pager", *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    page = re.sub(r"\[\d+\]", "[N]", flat(result.stdout.split("\nSources\n", 1)[0]))
    assert "Hours viewed, January–June 2023, S1 13.4M hours ★ [N] 12.6M hours [N]" in page
    assert "§" not in page
    rows = as_json(run_shipped(*args, "--json"))["stats"]
    first = next(
        r for r in rows if r["metric"] == "hours-viewed" and r["window"] == "half-year:2023H1"
    )
    assert first["release_unknown"] == [] and first["leader"] == "her-private-life"

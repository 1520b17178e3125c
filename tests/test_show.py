"""`kdrama show` on the made-up fixture dataset."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import (
    KDRAMA,
    MINI,
    REPO,
    SHIPPED,
    AddData,
    Run,
    _runner,
    as_json,
    flat,
    json_error,
    kdrama_on,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.mark.parametrize(
    "query",
    [
        "moonlit-hallway",
        "Moonlit Hallway",
        "moonlit   hallway!",
        "MOONLIT-HALLWAY",
        "달빛 복도",
        "dalbit bokdo",
        "The Lantern Room",
        "moonlit",
    ],
)
def test_show_is_found_by_any_of_its_names(run: Run, query: str) -> None:
    result = run("show", query)
    assert result.exit_code == 0, result.output
    assert "Moonlit Hallway" in result.output
    assert "Students trapped in a night school" in result.output


def test_show_page_has_every_section(run: Run) -> None:
    out = run("show", "moonlit-hallway").output
    for expected in (
        "달빛 복도",
        "2022 · series · Examplenet",
        "horror, coming-of-age",
        "2022-01-28",
        "The Lantern Room (등불의 방)",
        "Yoon Ga-eul",
        "Directed by: Oh Tae-yang",
        "Han Ji-won",
        "Cha Eun-bi",
        "124.79M hours",
        "first 3 days",
        "91 countries",
        "https://example.org/press/moonlit",
    ):
        assert expected in out, expected


def test_unreleased_season_is_never_shown_as_released(run: Run) -> None:
    out = run("show", "moonlit-hallway", "--season", "2").output
    assert "renewed" in out
    assert "as of 2026-11-01" in out
    assert "released" not in out.split("Season 2")[1].split("Source")[0]


AIRING = """
[[shows]]
slug = "tide-tables"
title = "Tide Tables"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A harbour town's fishermen, told one season a year."
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-04-01
end_date = 2022-06-03
episodes = 10
sources = ["test-press"]

[[shows.seasons]]
number = 2
status = "airing"
release_date = 2024-09-13
as_of = 2026-02-27
sources = ["test-press"]
"""


def test_a_status_taken_and_confirmed_the_same_day_gives_the_day_once(run_shipped: Run) -> None:
    """Crime Scene Zero's season 2 was renewed on 2026-01-13, the day of its latest news:
    "renewed (since 2026-01-13; as of 2026-01-13)" read as two dates, on the show page and in
    the line chart gives of a season not out."""
    page = flat(run_shipped("--no-pager", "show", "crime-scene-zero").stdout)
    assert "2 — — renewed (on 2026-01-13) [" in page
    chart = run_shipped("chart", "crime-scene-zero", "--season", "2")
    assert flat(chart.stderr) == (
        "Crime Scene Zero season 2 is not out yet (renewed on 2026-01-13)."
    )


def test_an_airing_season_is_dated_like_an_unfinished_one(run: Run, add_data: AddData) -> None:
    """An airing season carries "(since …; as of …)" and the stale rule, as renewed and
    in-production ones do, and the title's years stay open while it airs."""
    layer = add_data(AIRING)
    page = flat(run(*layer, "show", "tide-tables", env={"KDRAMA_TODAY": "2026-12-01"}).stdout)
    assert "2022– · series · Examplenet" in page
    assert "2 2024-09-13 — airing (since 2024-09-13; as of 2026-02-27) [1]" in page
    assert "stale" not in page
    later = flat(run(*layer, "show", "tide-tables", env={"KDRAMA_TODAY": "2027-06-01"}).stdout)
    assert re.search(r"airing \(since 2024-09-13; as of 2026-02-27\)( \[1\])? stale", later)
    assert "stale: the catalogue's latest news of the season is from before 2026-06-01" in later
    later_json = run(*layer, "show", "tide-tables", "--json", env={"KDRAMA_TODAY": "2027-06-01"})
    data = as_json(later_json)
    assert data["years"] == "2022–" and data["seasons"][1]["stale"] is True


_RATED = """
[[stats]]
show = "tide-tables"
metric = "ratings"
value = 11.513
unit = "percent"
window = "episode:10"
season = 1
as_of = 2022-06-04
sources = ["test-press"]
"""


def test_a_rating_reads_to_the_thousandth_the_page_gives(run: Run, add_data: AddData) -> None:
    """Nielsen gives a rating to the thousandth (Vincenzo's finale, 14.636%): the page showed
    14.64%, a figure no page printed. The value reads as the dataset gives it (format_figure,
    which compare and top use too); a round figure keeps no trailing zeros."""
    layer = add_data(AIRING + _RATED)
    page = flat(run(*layer, "show", "tide-tables").stdout)
    assert "TV rating 11.513% episode 10" in page, page
    assert "11.51%" not in page
    assert as_json(run(*layer, "show", "tide-tables", "--json"))["stats"][0]["value"] == 11.513
    rounder = add_data(AIRING + _RATED.replace("11.513", "9.5"))
    assert "TV rating 9.5% episode 10" in flat(run(*rounder, "show", "tide-tables").stdout)


def test_an_airing_season_confirmed_the_day_it_began_still_airs_since_then(
    run: Run, add_data: AddData
) -> None:
    """An airing season whose first day is the day of its latest news read "airing (on
    2024-09-13)", as if it aired that day only."""
    layer = add_data(AIRING.replace("as_of = 2026-02-27", "as_of = 2024-09-13"))
    page = flat(run(*layer, "show", "tide-tables", env={"KDRAMA_TODAY": "2024-10-01"}).stdout)
    assert "2 2024-09-13 — airing (since 2024-09-13; as of that day) [1]" in page
    assert "(on 2024-09-13)" not in page


_MOVED = """
[[shows]]
slug = "harbour-lights"
title = "Harbour Lights"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A lighthouse keeper's family, one season a year."
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2021-04-01
episodes = 10
sources = ["test-press"]

[[shows.seasons]]
number = 2
status = "released"
release_date = 2023-04-01
episodes = 8
platform = "Othernet"
sources = ["test-press"]

[[shows.seasons]]
number = 3
status = "released"
release_date = 2024-04-01
episodes = 8
platform = "Othernet"
sources = ["test-press"]
"""


def test_a_season_that_came_out_elsewhere_is_named_and_found_there(
    run: Run, add_data: AddData
) -> None:
    """The Uncanny Counter's second season aired on tvN after the first on OCN: the page says
    so where it names the platform, `list --platform` finds the title under either, and the
    JSON of both names every platform, each season its own."""
    layer = add_data(_MOVED)
    for cache in ([], ["--no-cache"]):
        page = flat(run(*cache, *layer, "show", "harbour-lights").stdout)
        assert "2021–2024 · series · Examplenet; seasons 2 and 3 on Othernet" in page
        found = run(*cache, *layer, "list", "--platform", "othernet", "--json")
        rows = as_json(found)
        assert [r["slug"] for r in rows] == ["harbour-lights"]
        assert rows[0]["platform"] == "Examplenet"
        assert rows[0]["platforms"] == ["Examplenet", "Othernet"]
        table = run(*cache, *layer, "list", "--platform", "Othernet", env={"COLUMNS": "120"})
        assert "Examplenet, Othernet" in table.stdout
        searched = as_json(run(*cache, *layer, "search", "Othernet", "--json"))
        assert any(r["target"] == "harbour-lights" for r in searched), searched
        counted = flat(run(*cache, *layer, "values", "platform").stdout)
        assert re.search(r"\bOthernet 1\b", counted), counted
        data = as_json(run(*cache, *layer, "show", "harbour-lights", "--json"))
        assert data["platform"] == "Examplenet"
        assert data["platforms"] == ["Examplenet", "Othernet"]
        assert [s["platform"] for s in data["seasons"]] == [None, "Othernet", "Othernet"]
        compared = flat(run(*cache, *layer, "compare", "harbour-lights", "moonlit-hallway").stdout)
        assert "Examplenet; seasons 2 and 3 on Othernet" in compared
        document = as_json(
            run(*cache, *layer, "compare", "harbour-lights", "moonlit-hallway", "--json")
        )
        [row] = [r for r in document["rows"] if r["field"] == "platforms"]
        assert row["values"] == [["Examplenet", "Othernet"], ["Examplenet"]]
        sheet = run(*cache, *layer, "list", "--platform", "othernet", "--csv").stdout.splitlines()
        # platforms, then source_platform and source_work_title (empty: it adapts no work)
        assert sheet[0].endswith(",platforms,source_platform,source_work_title")
        assert sheet[1].endswith(",Examplenet; Othernet,,")
    # A title whose seasons all came out on its own platform reads as before.
    assert "2022 · series · Examplenet" in flat(run("show", "moonlit-hallway").stdout)
    assert as_json(run("show", "moonlit-hallway", "--json"))["platforms"] == ["Examplenet"]


def test_a_title_with_no_platform_has_none_in_platforms(run_shipped: Run) -> None:
    """Netflix's own records name no platform: list --json gave them platforms [""] while show
    --json gave []; both give [] now, and a title with one gives it once."""
    rows = as_json(run_shipped("list", "--json"))
    assert not [r["slug"] for r in rows if "" in r["platforms"]]
    record = next(r for r in rows if not r["platform"])
    assert record["platforms"] == []
    assert as_json(run_shipped("show", record["slug"], "--json"))["platforms"] == []
    assert next(r for r in rows if r["slug"] == "squid-game")["platforms"] == ["Netflix"]


def test_a_title_netflix_gives_in_hangul_is_printed_once(run_shipped: Run) -> None:
    """Netflix titles some records in Hangul alone (달의 연인 - 보보경심 려): the page printed the
    title twice, as the title and as its Korean title."""
    page = run_shipped("--no-pager", "show", "dalui-yeonin-bobogyeongsim-ryeo").stdout
    heading = page.splitlines()[1]  # the panel's first line
    assert heading.count("달의 연인 - 보보경심 려") == 1, page
    assert "달의 연인 - 보보경심 려: Season 1" in page  # Netflix's season title stays as given


_NETFLIX_FIGURES = """
[[stats]]
show = "moonlit-hallway"
metric = "hours-viewed"
value = 1200000
unit = "hours"
window = "week:2024-03-10"
season = 1
list = "TV (Non-English)"
as_of = 2024-03-12
sources = ["test-chart"]

[[stats]]
show = "moonlit-hallway"
metric = "hours-viewed"
value = 3400000
unit = "hours"
window = "half-year:2023H2"
season = 1
as_of = 2024-09-19
sources = ["test-chart"]

[[stats]]
show = "moonlit-hallway"
metric = "views"
value = 5600000
unit = "views"
window = "first-91-days"
season = 1
list = "TV (Non-English)"
as_of = 2024-03-14
sources = ["netflix-most-popular-91-tv-non-english-2024-03-14"]

[[citations]]
id = "netflix-most-popular-91-tv-non-english-2024-03-14"
url = "https://example.org/most-popular"
title = "Most popular TV (Non-English), as of 2024-03-14"
publisher = "Netflix"
date = 2024-03-14
"""


def test_a_page_with_figures_says_how_far_netflix_s_data_goes(
    run: Run, run_shipped: Run, add_data: AddData, tmp_path: Path
) -> None:
    """Under the figures: the latest Top 10 week and report the data holds, worked out from
    the figures, both when the dataset is parsed and when it is read back from the index."""
    layer = add_data(_NETFLIX_FIGURES)
    kd = _runner(MINI, tmp_path / "fresh-cache")
    pages = [
        " ".join(kd(*layer, "show", "moonlit-hallway", "--no-pager").stdout.split())
        for _ in range(2)
    ]
    line = (
        "Netflix weekly Top 10 to 2024-03-10, all-time lists as of 2024-03-14; "
        "engagement reports to July–December 2023."
    )
    assert all(line in page for page in pages), pages
    without = run("show", "moonlit-hallway").stdout  # figures, but no weekly or report ones
    assert "Figures" in without and "weekly Top 10 to" not in without
    assert "weekly Top 10 to" not in run(*layer, "show", "night-train").stdout  # no figures
    # Marry My Husband's one figure is a Nielsen rating: Netflix's reach would read as its source
    rating_only = flat(run_shipped("show", "marry-my-husband").stdout)
    assert "TV rating" in rating_only and "Netflix weekly Top 10" not in rating_only
    described = as_json(kd(*layer, "show", "moonlit-hallway", "--json"))["netflix_reach"]
    assert described == {  # what --json says
        "top10_to": "2024-03-10",
        "reports_to": "2023H2",
        "popular_as_of": "2024-03-14",
    }


def test_spoilers_hidden_unless_asked(run: Run) -> None:
    hidden = run("show", "moonlit-hallway").output
    assert "survives the first season" not in hidden
    assert "1 fact hidden as a spoiler: add --spoilers" in hidden
    shown = run("show", "moonlit-hallway", "--spoilers").output
    assert "survives the first season" in shown
    assert "[spoiler]" in shown


def test_the_page_never_lists_a_cameo_hidden_as_a_spoiler(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """A title with no main cast lists every credit: that once took in a flagged surprise
    cameo too, with no --spoilers. The page leaves it out and says so, as `cast` does; with
    --spoilers it lists it, and --json gives it flagged."""
    from tests.made_up import SUPPORTING_ONLY

    data = ["--data", str(write_dataset(SUPPORTING_ONLY, "tidal.toml"))]
    page = flat(run(*data, "show", "tt").stdout)
    assert "Ahn Ah-ra — Ferry girl" in page and "Baek Bo-ra — Newcomer" in page
    assert "Masked Sister" not in page
    assert "more: kdrama cast" not in page  # the one hidden is not "more" to see in `cast`
    assert "1 credit hidden as a spoiler: add --spoilers" in page
    season = flat(run(*data, "show", "tt", "--season", "2").stdout)
    assert "Masked Sister" not in season and "1 credit hidden as a spoiler" in season
    asked = flat(run(*data, "show", "tt", "--spoilers").stdout)
    assert "The Masked Sister special 2" in asked and "hidden as a spoiler" not in asked
    cast = as_json(run(*data, "show", "tt", "--json"))["cast"]
    assert [c["character"] for c in cast if c["spoiler"]] == ["The Masked Sister"]


def test_the_rest_of_the_cast_counts_only_what_cast_lists(run_shipped: Run) -> None:
    """Kingdom season 2's page said "+ 4 more" where `kdrama cast kingdom --season 2` lists 3
    more and says 1 credit (Jun Ji-hyun's cameo) is hidden: the page counts it as hidden.
    (Kim Hye-jun, Kim Sang-ho, Kim Sung-kyu and Park Byung-eun, since billed supporting as the
    press bills them, are among the more now.)"""
    page = flat(run_shipped("show", "kingdom", "--season", "2").stdout)
    assert "+ 7 more: kdrama cast kingdom --season 2" in page
    assert "1 credit hidden as a spoiler: add --spoilers" in page
    cast = flat(run_shipped("cast", "kingdom", "--season", "2").stdout)
    assert "1 credit hidden as a spoiler: add --spoilers" in cast
    asked = flat(run_shipped("show", "kingdom", "--season", "2", "--spoilers").stdout)
    assert "hidden as a spoiler" not in asked
    # The 8 have the cameo in them: the command named lists it only with --spoilers too.
    assert "+ 8 more: kdrama cast kingdom --season 2 --spoilers" in asked
    assert "kdrama cast kingdom --season 2 --spoilers" not in page
    named = flat(run_shipped("cast", "kingdom", "--season", "2", "--spoilers").stdout)
    assert "Jun Ji-hyun" in named and "hidden as a spoiler" not in named
    whole = flat(run_shipped("show", "hotel-del-luna", "--spoilers").stdout)
    assert "more: kdrama cast hotel-del-luna --spoilers" in whole


def _cast_rows(page: str) -> list[str]:
    """The actors of the show page's cast table, in the order it lists them."""
    lines = page.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(("Actor", "Person"))) + 2
    rows = []
    for line in lines[start:]:
        if not line.strip() or line.startswith("+ "):
            break
        rows.append(re.split(r"\s{2,}", line)[0])
    return rows


def test_the_cast_gives_no_result_away_by_its_order(
    run: Run, run_shipped: Run, add_data: AddData
) -> None:
    """Physical: 100's file lists each season's winner first, then the runner-up, and the
    show page kept that order: Woo Jin-yong, the winner, headed its cast. Without --spoilers
    a role whose notes include a withheld one is listed by name; a drama's leads, whose notes
    are not flagged, keep the file's order; --spoilers and --json (the whole record) keep it."""
    from tests.made_up import RESULTS_IN_ORDER

    page = _cast_rows(
        run_shipped("--no-pager", "show", "physical-100", env={"COLUMNS": "160"}).stdout
    )
    assert page[0] != "Woo Jin-yong" and "Woo Jin-yong" in page
    assert page == sorted(page, key=str.casefold)
    season = _cast_rows(run_shipped("--no-pager", "show", "physical-100", "--season", "2").stdout)
    # its three finalists were filed 1st, 2nd and 3rd, before the contestants of the line-up
    assert season[:3] == ["Amotti", "Andre Jin", "Hong Beom-seok"] and len(season) == 12
    assert season == sorted(season, key=str.casefold)
    told = _cast_rows(run_shipped("--no-pager", "show", "physical-100", "--spoilers").stdout)
    assert told[0] == "Woo Jin-yong"
    document = as_json(run_shipped("show", "physical-100", "--json"))
    assert document["cast"][0]["person"] == "woo-jin-yong"
    layer = add_data(RESULTS_IN_ORDER, "results.toml")
    contest = _cast_rows(run(*layer, "show", "bake-off").stdout)
    assert contest == [
        "Min Judge",
        "Baek Judge",
        "Ahn Third",
        "bae Lower",
        "Yoon Runner",
        "Zeon Winner",
    ]
    asked = _cast_rows(run(*layer, "show", "bake-off", "--spoilers").stdout)
    assert asked == [
        "Min Judge",
        "Baek Judge",
        "Zeon Winner",
        "Yoon Runner",
        "bae Lower",
        "Ahn Third",
    ]
    drama = _cast_rows(run(*layer, "show", "quiet-lane").stdout)
    assert drama == ["Zeon Winner", "Yoon Runner"]  # its leads: the main cast, as filed


def test_film_shows_release_date_and_runtime(run: Run) -> None:
    out = run("show", "Night Train").output
    assert "Released 2016-07-20" in out
    assert "118 min" in out
    assert "Conductor" in out


def test_the_creators_and_a_films_release_date_cite_the_titles_sources(run: Run) -> None:
    """As `person --json` cites a crew credit: the title's sources, which name its makers."""
    lines = run("show", "Night Train").stdout.splitlines()
    assert "Released 2016-07-20 [1]" in lines
    assert lines[lines.index("Creators [1]") + 1] == "Directed by: Oh Tae-yang"
    assert "[1] Example Charts, “Example chart”, 2022-03-01" in lines
    series = run("show", "moonlit-hallway").stdout.splitlines()
    assert series[series.index("Creators [1]") + 1] == "Directed by: Oh Tae-yang"


def test_a_season_pages_json_keeps_the_whole_titles_keys_as_documented(
    run_shipped: Run,
) -> None:
    """docs/output.md: with --season the top-level keys stay the whole title's; `seasons[]`
    holds that season only, with its own episodes."""
    whole = as_json(run_shipped("show", "squid-game", "--json"))
    second = as_json(run_shipped("show", "squid-game", "--season", "2", "--json"))
    assert [s["number"] for s in second["seasons"]] == [2]
    assert second["seasons"][0]["episodes"] == 7
    assert (
        (second["episodes"], second["years"])
        == (whole["episodes"], whole["years"])
        == (
            22,
            "2021–2025",
        )
    )
    docs = " ".join((REPO / "docs" / "output.md").read_text(encoding="utf-8").split())
    assert "every other key about the title are the whole title's, with --season N too" in docs


def test_markup_in_data_is_printed_literally(run: Run) -> None:
    out = run("show", "river-of-lanterns").output
    assert "[bold]harbour[/bold]" in out


def test_unknown_show_suggests_close_titles(run: Run) -> None:
    result = run("show", "Moonlit Hallwy")
    assert result.exit_code == 2
    assert "Did you mean Moonlit Hallway?" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["show", "Moonlit Hallwy"],
        ["show", "lantern"],  # several match, and no terminal to ask at
        ["show", "moonlit-hallway", "--season", "9"],
        ["person", "Nobody Atall"],
        ["compare", "moonlit-hallway", "zzzz"],
        ["cast", "zzzz"],
    ],
)
def test_a_lookup_miss_is_one_error_line_not_a_usage_block(run: Run, args: list[str]) -> None:
    """The commonest error is not a mistake of syntax: one `kdrama: error:` line, as file
    errors are, exit 2 (README: a usage error)."""
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kdrama: error: "), result.stderr
    assert "Usage:" not in result.stderr and "Invalid value" not in result.stderr


@pytest.mark.parametrize("command", ["trivia", "quiz"])
def test_a_miss_given_to_an_option_names_the_option(run: Run, command: str) -> None:
    result = run(command, "--show", "Moonlit Hallwy", "--json")
    assert result.exit_code == 2
    error = json_error(result)
    assert error["message"].startswith("--show: no title matches 'Moonlit Hallwy'.")
    assert (error["kind"], error["suggestions"]) == ("not_found", ["moonlit-hallway"])
    human = run(command, "--show", "Moonlit Hallwy")
    assert human.stderr.startswith("kdrama: error: --show: no title matches 'Moonlit Hallwy'.")


def test_a_syntax_mistake_keeps_the_usage_block_and_the_one_did_you_mean(run: Run) -> None:
    result = run("show", "moonlit-hallway", "--jsn")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: ")
    assert "No such option '--jsn'. Did you mean '--json'" in result.stderr
    assert "(Did you mean one of" not in result.stderr


def test_ambiguous_show_lists_the_candidates(run: Run) -> None:
    result = run("show", "lantern")
    assert result.exit_code == 2
    assert "moonlit-hallway" in result.output and "river-of-lanterns" in result.output
    assert "choose" in result.output


def _picker(monkeypatch: pytest.MonkeyPatch, on: bool = True) -> None:
    """A person at a terminal (the CliRunner's streams are not one)."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: on)


def _headed(page: str) -> str:
    """A page's heading: the title and its Korean title, as the first line in its box reads."""
    return " ".join(page.splitlines()[1].strip("│ ").split())


def _listed(stderr: str) -> list[str]:
    """The ids the picker numbered, in order."""
    numbered = [line for line in stderr.splitlines() if re.match(r"  \d\. ", line)]
    return [line.rsplit("(", 1)[1].rstrip(")") for line in numbered]


@pytest.mark.parametrize("width", [80, 60, 40])
def test_the_picker_fits_each_label_so_the_id_stays_on_its_line(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """'Kim Si-eun' matches two people with long notes: at 80 columns the id broke onto a line
    of its own, and at 60 the notes that tell them apart were cut to "Actress who…". The id
    stays on its numbered line, after the name, and the note goes on under it, cut (between
    words) only past a second line."""
    _picker(monkeypatch)
    result = run_shipped("person", "Kim Si-eun", input="1\n", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    numbered = [i for i, line in enumerate(lines) if re.match(r"  \d\. ", line)]
    assert len(numbered) == 2 and _listed(result.stderr) == ["kim-si-eun", "kim-si-eun-samgwang"]
    for index in numbered:
        assert all(len(line) < width for line in lines[index : index + 3]), lines
    said = re.sub(r"\s*\((kim-si-eun[a-z-]*)\)", "", " ".join(line.strip() for line in lines))
    # under the name, a note begins its line; after "Kim Si-eun, " (at 40, where the id goes
    # first and the label stays whole) it reads on in lower case
    note = "actress" if width == 40 else "Actress"
    before = "Kim Si-eun, " if width == 40 else ""
    assert f"{before}{note} known for the film Next Sohee" in said
    assert f"{before}{note} who plays Yuk-jo in Love Alarm and Cha" in said
    if width >= 60:  # the first note in full, the second cut between words if at all
        assert "Actress known for the film Next Sohee and Squid Game season 2" in said
        assert re.search(r"Cha Ba-reun in Oh!( Samgwang Villa!|…)", said)
    assert " …" not in said
    if width == 40:  # one id leaves too little room beside it: every entry puts its id first
        assert [lines[i] for i in numbered] == ["  1. (kim-si-eun)", "  2. (kim-si-eun-samgwang)"]
    else:  # the id ends the name's line, never a note cut in two around it ("Squid (id) Game")
        assert [lines[i] for i in numbered] == [
            "  1. Kim Si-eun  (kim-si-eun)",
            "  2. Kim Si-eun  (kim-si-eun-samgwang)",
        ]
        assert lines[numbered[0] + 1].strip().startswith("Actress known for the film")


def test_titles_of_one_name_say_what_tells_them_apart(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'i am solo' listed seven lines of "I am Solo (i-am-solo-N)", and 'new world' two
    identical names: titles that share a name say what differs, their Korean titles, years
    and kinds, in the error and in the picker; a title whose name no other has, nothing."""
    solo = " ".join(run_shipped("show", "i am solo").stderr.split())
    assert (
        "i-am-solo (I am Solo, 나는 솔로: 13기-16기); i-am-solo-2 (I am Solo, 나는 솔로: 1기-4기);"
        in solo
    )
    new = " ".join(run_shipped("show", "new world").stderr.split())
    assert (
        "matches 2 titles: new-world (New World, 신세계, 2013 film); new-world-series (New "
        "World, 신세계로부터, series)."
    ) in new
    witch = " ".join(run_shipped("show", "the witch").stderr.split())
    assert "the-witch (The Witch, film); the-witch-series (The Witch, series)" in witch
    squid = " ".join(run_shipped("show", "squid").stderr.split())  # names of their own
    assert "squid-game (Squid Game); squid-game-the-challenge (Squid Game: The Challenge);" in squid
    _picker(monkeypatch)
    picked = run_shipped("show", "new world", input="2\n")
    assert picked.exit_code == 0, picked.output
    assert "  1. New World, 신세계, 2013 film  (new-world)" in picked.stderr
    assert "  2. New World, 신세계로부터, series  (new-world-series)" in picked.stderr
    assert _headed(picked.stdout) == "New World 신세계로부터"  # the series, not the film


def test_a_pick_at_the_prompt_is_never_replayed_for_the_same_request(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page cache keys pages by the request: a page that depended on a pick is not kept
    under it, so the next run asks again, and a pipe, or --json at the terminal (which asks
    nothing), still gets the usage error."""
    run("show", "night-train")  # writes the index: from now on pages are kept for replay
    _picker(monkeypatch)
    first = run("show", "lantern", input="1\n")
    assert first.exit_code == 0, first.output
    assert _listed(first.stderr) == ["moonlit-hallway", "river-of-lanterns"]
    assert "Which one?" in first.stderr
    second = run("show", "lantern", input="2\n")
    assert second.exit_code == 0, second.output
    assert "Which one?" in second.stderr  # asked again, not the first pick replayed
    assert [_headed(r.stdout) for r in (first, second)] == [
        "Moonlit Hallway 달빛 복도 (Dalbit Bokdo)",
        "River of Lanterns 등불의 강",
    ]
    error = json_error(run("show", "lantern", "--json", input="1\n"))
    assert error["kind"] == "ambiguous"
    assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]
    _picker(monkeypatch, on=False)
    for flag in ([], ["--json"]):
        piped = run("show", "lantern", *flag)
        assert piped.exit_code == 2 and "Please choose one" in piped.stderr


def test_a_picked_page_still_replays_when_asked_for_by_its_slug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("show", "night-train")
    _picker(monkeypatch)
    picked = run("show", "lantern", input="2\n")
    chosen = _listed(picked.stderr)[1]
    _picker(monkeypatch, on=False)
    assert [run("show", chosen).stdout for _ in range(2)] == [picked.stdout] * 2


def test_an_answer_that_is_not_a_number_is_asked_again(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _picker(monkeypatch)
    result = run("show", "lantern", input="abc\n7\n2\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Which one?") == 3
    assert "'abc' is not a number from 1 to 2 or an id listed." in result.stderr
    assert "'7' is not a number from 1 to 2 or an id listed." in result.stderr
    assert _listed(result.stderr)[1] == "river-of-lanterns"
    assert _headed(result.stdout) == "River of Lanterns 등불의 강"


def test_the_id_shown_in_the_list_is_an_answer_too(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _picker(monkeypatch)
    result = run("show", "lantern", input="River-Of-Lanterns\n")
    assert result.exit_code == 0, result.output
    assert "river-of-lanterns" in _listed(result.stderr)
    assert _headed(result.stdout) == "River of Lanterns 등불의 강"
    assert result.stderr.count("Which one?") == 1


def test_the_picker_stops_after_three_answers_that_are_not_a_number(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _picker(monkeypatch)
    result = run("show", "lantern", input="abc\nzero\n²\n1\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("Which one?") == 3
    assert "No choice after 3 answers that were not one of those." in result.stderr
    assert "Please choose one" in result.stderr  # the usage error, listing the best few


@pytest.mark.parametrize(
    "typed", [b"\xff\xfe\n", b"9" * 100_000 + b"\n"], ids=["not-text", "over-long"]
)
def test_an_unreadable_or_over_long_answer_is_one_bad_answer(
    run: Run, monkeypatch: pytest.MonkeyPatch, typed: bytes
) -> None:
    """The picker reads a line as the quiz does (prompt.answer_line): bytes that are not UTF-8
    are a bad answer, not a cancel, and the rest of an over-long line is dropped, never read
    as the next answers."""
    _picker(monkeypatch)
    result = run("show", "lantern", input=typed + b"2\n")  # type: ignore[arg-type]
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("Which one?") == 2
    assert result.stderr.count("is not a number from 1 to 2") == 1
    assert _listed(result.stderr)[1] == "river-of-lanterns"
    assert _headed(result.stdout) == "River of Lanterns 등불의 강"


@pytest.mark.parametrize("typed", ["\n", ""], ids=["enter", "end-of-input"])
def test_enter_or_end_of_input_at_the_prompt_cancels_at_once(
    run: Run, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """Cancelling is a choice: one line, exit 2, not the usage text under the list."""
    _picker(monkeypatch)
    result = run("show", "lantern", input=typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("Which one?") == 1
    assert result.stderr.endswith("kdrama: cancelled: nothing was chosen\n")
    assert "Usage:" not in result.stderr and "Please choose one" not in result.stderr


def _at_a_terminal(
    args: list[str], tmp_path: Path, stderr_to_file: bool = False
) -> tuple[subprocess.Popen[bytes], int, Path]:
    """The command run on a pseudo-terminal (stdin and stdout; stderr too, or a file): the
    process, the terminal's other end to read it and type into, and the stderr file."""
    leader, follower = pty.openpty()
    log = tmp_path / "err.log"
    env = {**os.environ, "KDRAMA_DATA": str(MINI), "NO_COLOR": "1", "COLUMNS": "100"}
    with log.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "kdrama_cli", "--no-cache", *args],
            stdin=follower,
            stdout=follower,
            stderr=err if stderr_to_file else follower,
            env=env,
        )
    os.close(follower)
    return process, leader, log


def _read_until(leader: int, text: str, seconds: float = 20) -> str:
    """What the terminal shows, until ``text`` appears (or the time is up, or it closes)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while text.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode("utf-8", "replace")


def test_with_json_a_real_terminal_is_not_asked_which_one(tmp_path: Path) -> None:
    """On a pseudo-terminal (stdin, stdout and stderr all one, as the picker asks for), `show
    lantern --json` asked "Which one?" and waited: a script asking for JSON expects no
    question. It is the ambiguous error, one line of JSON, exit 2, without waiting."""
    process, leader, _ = _at_a_terminal(["show", "lantern", "--json"], tmp_path)
    try:
        shown = _read_until(leader, '"notes"')
        try:
            status: int | None = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            status = None
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    assert status == 2 and "Which one?" not in shown, shown
    lines = [line for line in shown.splitlines() if line.strip()]
    assert len(lines) == 1, shown
    error = json.loads(lines[0])["error"]
    assert (error["code"], error["kind"]) == (2, "ambiguous")
    assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]


def _ctrl_c_at_the_question(tmp_path: Path) -> tuple[int | None, str]:
    """Ctrl-C the moment "Which one?" shows: the exit status (None if the process was still
    waiting 20 s later) and what the terminal showed after it."""
    process, leader, _ = _at_a_terminal(["show", "lantern"], tmp_path)
    try:
        assert "Which one?" in _read_until(leader, "Which one?")
        process.send_signal(signal.SIGINT)  # what the terminal sends on Ctrl-C
        try:
            status: int | None = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            status = None
        return status, _read_until(leader, "interrupted", seconds=2)
    finally:
        process.kill()
        process.wait()
        os.close(leader)


def test_ctrl_c_at_the_prompt_is_an_interrupt(tmp_path: Path) -> None:
    """Ctrl-C at the question exits 130, as everywhere else, not with the usage error."""
    status, shown = _ctrl_c_at_the_question(tmp_path)
    assert status == 130
    assert "kdrama: interrupted" in shown and "Usage:" not in shown


class _Stopped(Exception):
    pass


def test_the_wait_for_an_answer_ends_in_slices_a_signal_can_stop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python acts on a Ctrl-C only between steps, so one that lands just before a blocking
    read would go unheeded until a line is typed (a few runs in a hundred did). At a terminal
    in line mode the wait for an answer is made of short waits, each ending in such a step:
    nothing typed, it keeps waiting in slices, and a signal stops it at once."""
    import select as select_module

    from kdrama_cli import prompt

    leader, follower = pty.openpty()
    slices: list[float] = []
    real_select = select_module.select

    def counting(read: list[int], write: list[int], error: list[int], timeout: float) -> object:
        slices.append(timeout)
        if len(slices) == 3:
            signal.setitimer(signal.ITIMER_REAL, 0.01)  # a signal while the wait goes on
        return real_select(read, write, error, timeout)

    def stop(signum: int, frame: object) -> None:
        raise _Stopped

    monkeypatch.setattr(select_module, "select", counting)
    previous = signal.signal(signal.SIGALRM, stop)
    try:
        with open(follower, encoding="utf-8", closefd=False) as terminal:
            started = time.monotonic()
            with pytest.raises(_Stopped):
                prompt._wait_for_a_line(terminal)
            # not a speed figure: a wait the signal did not stop would last until the
            # test run's timeout; 10 s leaves a loaded CI machine room
            assert time.monotonic() - started < 10
        assert len(slices) >= 3 and all(0 < t <= 0.25 for t in slices)
        # a line typed: no wait at all
        os.write(leader, b"2\n")
        with open(follower, encoding="utf-8", closefd=False) as terminal:
            slices.clear()
            prompt._wait_for_a_line(terminal)
            assert len(slices) == 1 and terminal.readline() == "2\n"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        os.close(leader)
        os.close(follower)


def test_the_wait_for_an_answer_is_the_read_itself_off_a_line_mode_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pipe, and a terminal not in line mode (where a second typed line could wait in a
    buffer select cannot see), are read directly: no slices."""
    import select as select_module
    import termios

    from kdrama_cli import prompt

    def never(*args: object) -> object:
        raise AssertionError("waited in slices")

    monkeypatch.setattr(select_module, "select", never)
    read_end, write_end = os.pipe()
    leader, follower = pty.openpty()
    try:
        with open(read_end, encoding="utf-8", closefd=False) as piped:
            prompt._wait_for_a_line(piped)
        mode = termios.tcgetattr(follower)
        mode[3] &= ~termios.ICANON
        termios.tcsetattr(follower, termios.TCSANOW, mode)
        with open(follower, encoding="utf-8", closefd=False) as raw:
            prompt._wait_for_a_line(raw)
    finally:
        for descriptor in (read_end, write_end, leader, follower):
            os.close(descriptor)


def test_no_question_is_asked_when_stderr_is_not_the_terminal(tmp_path: Path) -> None:
    """`kdrama show lantern 2>err.log` at a terminal: the question would be invisible, so
    none is asked; the usage error lists the candidates in the file."""
    process, leader, log = _at_a_terminal(["show", "lantern"], tmp_path, stderr_to_file=True)
    try:
        try:
            status = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.write(leader, b"\n")  # it waits for an answer nobody can see: cancel, fail
            status = -1
        written = log.read_text(encoding="utf-8")
        assert status == 2, written
        assert "Which one?" not in written and "Please choose one" in written
    finally:
        process.kill()
        os.close(leader)


def test_unknown_season_is_a_usage_error(run: Run) -> None:
    result = run("show", "moonlit-hallway", "--season", "99")
    assert result.exit_code == 2
    assert "the catalogue has seasons 1 and 2 of Moonlit Hallway, not season 99" in result.output


def test_a_season_miss_says_what_the_catalogue_has(run_shipped: Run) -> None:
    """A season the catalogue lacks: the miss says what the catalogue has, not that the
    show has no such season (Dr. Romantic 3, SBS 2023, was such a miss until it was added),
    and the command that opens what it has."""
    result = run_shipped("show", "Dr Romantic 4")
    assert result.exit_code == 2
    assert result.stderr == (
        "kdrama: error: the catalogue has seasons 1, 2 and 3 of Dr. Romantic, not season 4: "
        "kdrama show dr-romantic\n"
    )
    opened = run_shipped("show", "Dr Romantic 3")
    assert opened.exit_code == 0 and "\nSeason 3\n" in opened.output


@pytest.mark.parametrize(
    "command",
    [
        ["show", "moonlit hallway 2", "--season", "1"],
        ["cast", "moonlit hallway 2", "-s", "1"],
        ["seen", "add", "moonlit hallway 2", "--season", "1"],
    ],
)
def test_a_season_in_the_title_and_another_season_option_are_a_usage_error(
    run: Run, command: list[str], tmp_path: Path
) -> None:
    """Neither season is silently dropped: the two disagreeing is exit 2, and the same season
    given both ways is fine."""
    env = {"KDRAMA_SEEN": str(tmp_path / "seen.toml")}
    result = run(*command, env=env)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "'moonlit hallway 2' names season 2 and --season says 1: give one season" in (
        " ".join(result.stderr.split())
    )
    assert not (tmp_path / "seen.toml").exists()
    agreed = run("show", "moonlit hallway 2", "--season", "2", "--json")
    assert [s["number"] for s in as_json(agreed)["seasons"]] == [2]


@pytest.mark.parametrize("command", ["show", "cast", "compare"])
def test_a_name_that_says_two_seasons_is_a_usage_error(run_shipped: Run, command: str) -> None:
    """'squid game season 2 season 3' took the last season said; it now names both."""
    extra = ["kingdom"] if command == "compare" else []
    result = run_shipped(command, "squid game season 2 season 3", *extra)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "'squid game season 2 season 3' names season 2 and season 3: give one season" in (
        " ".join(result.stderr.split())
    )
    same = run_shipped("show", "squid game season 2 season 2", "--json")
    assert [s["number"] for s in as_json(same)["seasons"]] == [2]


def test_a_season_page_points_to_that_season_s_cast_and_chart(run_shipped: Run) -> None:
    for args in (["squid-game", "--season", "2"], ["squid game 2"]):
        page = run_shipped("show", *args).stdout
        assert "more: kdrama cast squid-game --season 2\n" in page
        assert "Top 10: kdrama chart squid-game --season 2\n" in page
    whole = run_shipped("show", "squid-game").stdout
    assert "more: kdrama cast squid-game\n" in whole
    assert "): kdrama chart squid-game\n" in whole  # after each season's weeks


def test_show_json_contract(run: Run) -> None:
    data = as_json(run("show", "moonlit-hallway", "--json"))
    assert data["slug"] == "moonlit-hallway"
    assert data["korean_title"] == "달빛 복도"
    assert data["kind"] == "series"
    assert [s["number"] for s in data["seasons"]] == [1, 2]
    assert data["seasons"][1]["released"] is False
    assert data["seasons"][1]["as_of"] == "2026-11-01"
    assert data["source_work"]["title"] == "The Lantern Room"
    assert data["source_work"]["writers"] == ["Yoon Ga-eul"]
    first = data["cast"][0]
    assert {"actor", "character", "role", "seasons"} <= first.keys()
    assert first["actor"] == "Han Ji-won" and first["seasons"] == [1, 2]
    assert first["announced_seasons"] == [2]
    stat = next(s for s in data["stats"] if s["window"] == "first-28-days")
    assert stat == {
        "metric": "hours-viewed",
        "value": 560780000,
        "unit": "hours",
        "window": "first-28-days",
        "window_label": "first 28 days",
        "season": 1,
        "list": None,
        "as_of": "2022-03-01",
        "note": None,
        "source": ["test-chart"],
        "before_top10": False,
    }
    spoilers = [f for f in data["facts"] if f["spoiler"]]
    assert spoilers and spoilers[0]["text"] == "Cha Eun-bi survives the first season."
    assert {s["id"] for s in data["sources"]} == {"test-press", "test-chart", "test-webtoon"}
    assert all(s["url"].startswith("https://") for s in data["sources"])


def test_json_keeps_hangul_unescaped(run: Run) -> None:
    result = run("show", "night-train", "--json")
    assert "밤기차" in result.stdout


SPOILER_HEADLINE = "Cha Eun-bi walks out at dawn"


def _spoiler_source(write_dataset: Callable[[str], Path]) -> Path:
    """The fixture dataset with its press source's headline giving the ending away."""
    text = MINI.read_text(encoding="utf-8").replace(
        'title = "Moonlit Hallway renewed"\n',
        f'title = "{SPOILER_HEADLINE}"\nspoiler = true\n',
        1,
    )
    assert SPOILER_HEADLINE in text
    return write_dataset(text)


def _with_spoiler_source(write_dataset: Callable[[str], Path]) -> Run:
    return _runner(_spoiler_source(write_dataset))


def test_spoiler_headline_hidden_unless_asked(write_dataset: Callable[[str], Path]) -> None:
    run = _with_spoiler_source(write_dataset)
    page = run("show", "moonlit-hallway").output
    assert SPOILER_HEADLINE not in page
    sources = " ".join(page.split("Sources")[-1].split())  # the entry may wrap
    hidden = "headline and address hidden as a spoiler: add --spoilers"
    assert f"[1] Example Press, 2022-06-06, {hidden} [2]" in sources
    assert "example.org/press/moonlit" not in page  # an address often repeats the headline
    assert "https://example.org/chart" in sources  # the other sources are as they were
    shown = run("show", "moonlit-hallway", "--spoilers").output
    assert f"Example Press, “{SPOILER_HEADLINE}”, 2022-06-06" in shown
    assert "https://example.org/press/moonlit" in shown
    assert "hidden as a spoiler" not in shown


def test_spoiler_headline_in_json_is_flagged(write_dataset: Callable[[str], Path]) -> None:
    run = _with_spoiler_source(write_dataset)
    data = as_json(run("show", "moonlit-hallway", "--json"))
    flagged = {s["id"]: s for s in data["sources"] if s["spoiler"]}
    assert list(flagged) == ["test-press"]
    assert flagged["test-press"]["title"] == SPOILER_HEADLINE  # JSON has all of it, flagged


def test_spoiler_headline_hidden_in_trivia(write_dataset: Callable[[str], Path]) -> None:
    data = _spoiler_source(write_dataset)
    run = _runner(data)
    pages = {run("trivia", "--show", "moonlit", "--seed", str(n)).output for n in range(8)}
    cited = [" ".join(p.split()) for p in pages if "Example Press" in p]
    assert cited and all(SPOILER_HEADLINE not in p and "press/moonlit" not in p for p in cited)
    # --spoilers would pick another fact, so the hint points to the title's own page
    page = f"{kdrama_on('--data', data)} show moonlit-hallway --spoilers"
    assert all(f"headline and address hidden as a spoiler: {page}" in p for p in cited)
    shown = {
        run("trivia", "--show", "moonlit", "--seed", str(n), "--spoilers").output for n in range(8)
    }
    assert any(SPOILER_HEADLINE in p for p in shown)


def test_spoiler_headline_hidden_on_pages_without_spoilers(
    write_dataset: Callable[[str], Path],
) -> None:
    run = _with_spoiler_source(write_dataset)
    page = " ".join(run("compare", "moonlit-hallway", "river-of-lanterns").output.split())
    assert SPOILER_HEADLINE not in page and "press/moonlit" not in page
    # compare has --spoilers of its own: it shows the headline (it named each title's page)
    assert "headline and address hidden as a spoiler: add --spoilers" in page
    assert "TITLE" not in page
    told = " ".join(
        run("compare", "moonlit-hallway", "river-of-lanterns", "--spoilers").output.split()
    )
    assert SPOILER_HEADLINE in told and "press/moonlit" in told


@pytest.mark.parametrize(
    ("query", "not_offered"),
    [("egob", "The Goblin"), ("ndlo", "Pororo"), ("evil", "Devils"), ("ingdom", "Kingdom")],
)
def test_a_partial_name_matches_from_the_start_of_a_word(
    run_shipped: Run, query: str, not_offered: str
) -> None:
    """'egob' runs across "th|e gob|lin" and 'ingdom' starts inside a word: neither is a name
    anyone typed, so neither opens or lists the title (the miss may suggest it by spelling);
    'evil' still offers Beyond Evil and Flower of Evil."""
    result = run_shipped("show", query)
    assert result.exit_code == 2
    offered = result.output.split("Did you mean")[0]
    assert not_offered not in offered
    if query == "evil":
        assert "Beyond Evil" in offered and "Flower of Evil" in offered


def test_a_partial_name_still_opens_from_a_word_start_in_every_script(run_shipped: Run) -> None:
    """A key from the start of a word, inside a hyphenated name too, still matches; a Hangul
    key may start anywhere, since Korean titles often run their words together."""
    assert "lee-jung-jae (Lee Jung-jae, in Squid Game" in run_shipped("person", "jung-jae").output
    assert json.loads(run_shipped("show", "glory", "--json").output)["slug"] == "the-glory"
    assert "squid-game (Squid Game)" in run_shipped("show", "징어게임").output


def test_a_part_of_a_name_fans_type_short_starts_at_one_of_its_words(run_shipped: Run) -> None:
    """A name is also found as fans type it, without a subtitle's article or a possessive
    ('jesters game changers'); a part of that key begins where one of its own words does, as
    in the name: 's game' ran across "jester|s game" and opened Jesters: The Game Changers,
    which no fan typing it means. It is a miss that offers Squid Game instead, exit 2."""
    result = run_shipped("show", "s game")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "no title matches 's game'. Did you mean Squid Game," in message, message
    assert "Jesters" not in result.output
    for query in ("jesters game", "game changers", "jesters game changers"):
        opened = json.loads(run_shipped("show", query, "--json").stdout)
        assert opened["slug"] == "jesters-the-game-changers", query
    # A slug's words are its title's: the 's' of Angel's is no word that 's last' begins (the
    # miss may offer the title by spelling, never open it).
    missed = run_shipped("show", "s last mission")
    assert missed.exit_code == 2
    assert "no title matches 's last mission'" in " ".join(missed.stderr.split())
    divine = json.loads(run_shipped("show", "move 2 wrathful", "--json").stdout)
    assert divine["slug"] == "the-divine-move-2-the-wrathful"


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        ("게임", ["squid-game (Squid Game)"]),
        ("학교", ["school-2017 (School 2017)", "all-of-us-are-dead (All of Us Are Dead)"]),
        ("닥터", ["doctor-cha (Doctor Cha)"]),
        ("징어", ["squid-game (Squid Game)"]),
    ],
)
def test_two_hangul_syllables_are_enough_for_a_partial_name(
    run_shipped: Run, query: str, offered: list[str]
) -> None:
    """Most Korean words are two syllables, and one syllable holds two or three letters: '학교'
    is as much a word as 'school'. '징어' is part of 오징어 게임, so it lists Squid Game rather
    than opening Friend (친구), whose romanisation only sounds like it."""
    result = run_shipped("show", query)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"{query!r} matches" in message, message
    assert all(title in message for title in offered), message
    assert "Friend" not in message


def test_two_hangul_syllables_open_the_one_title_or_person_they_are_part_of(
    run_shipped: Run,
) -> None:
    show = json.loads(run_shipped("show", "김사", "--json").stdout)
    assert (show["slug"], show["korean_title"]) == ("dr-romantic", "낭만닥터 김사부")
    assert json.loads(run_shipped("person", "지후", "--json").stdout)["id"] == "park-ji-hu"


@pytest.mark.parametrize(("command", "not_opened"), [("show", "Friend"), ("person", "Jin Goo")])
def test_two_hangul_syllables_never_open_another_hangul_name_that_sounds_alike(
    run_shipped: Run, command: str, not_opened: str
) -> None:
    """'진거' is no part of any name; its sound folds like 친구 (Friend) and 진구 (Jin Goo),
    but a fan who types Hangul spells it as meant: a miss, not another title or person. A
    name a letter away may be offered as what they meant (진구 is; 친구, two letters away,
    is not), never opened in its place."""
    result = run_shipped(command, "진거")
    assert result.exit_code == 2
    assert "matches '진거'" in result.stderr and result.stdout == ""
    said, _, offered = result.stderr.partition("Did you mean")
    assert not_opened not in said
    assert ("Jin Goo" in offered) == (command == "person")


def test_a_longer_hangul_slip_and_a_latin_only_name_still_match_by_sound(
    run_shipped: Run, tmp_path: Path
) -> None:
    """Three syllables and more are a typo of a longer name (개 for 게); a short Hangul name
    still finds a person the dataset has only in Latin letters."""
    show = json.loads(run_shipped("show", "오징어 개임", "--json").stdout)
    assert show["slug"] == "squid-game"
    layer = tmp_path / "latin.toml"
    layer.write_text('[[people]]\nid = "jin-gu"\nname = "Jin Gu"\n', encoding="utf-8")
    person = json.loads(run_shipped("--add-data", str(layer), "person", "진구", "--json").stdout)
    assert person["id"] in ("jin-gu", "jin-goo")
    lone = json.loads(run_shipped("--add-data", str(layer), "person", "진거", "--json").stdout)
    assert lone["id"] == "jin-gu"


def test_one_hangul_syllable_or_two_letters_are_not_a_partial_name(run_shipped: Run) -> None:
    for query in ("학", "sq"):
        result = run_shipped("show", query)
        assert result.exit_code == 2
        assert f"no title matches {query!r}" in result.stderr


def test_a_narrow_page_names_only_an_option_show_has(run: Run) -> None:
    """Tables that leave columns out at 40 columns point to --json: show has no --csv."""
    result = run("--no-pager", "show", "moonlit-hallway", env={"COLUMNS": "40"})
    out = " ".join(result.output.split())
    # the seasons table, then the cast table (not on a terminal, the width that shows them is
    # named; the cast's Hangul goes under each actor, so it is not named)
    assert re.search(r"Left out at 40 columns: Episodes, Src \(COLUMNS=\d+ shows them;", out)
    assert re.search(r"Left out at 40 columns: Role \(COLUMNS=\d+ shows it;", out)
    assert out.count("--json has every column") == 2
    assert "--csv" not in out
    assert run("show", "moonlit-hallway", "--csv").exit_code == 2  # (it really has none)


def test_a_page_of_several_tables_names_one_width_for_them_all(run_shipped: Run) -> None:
    """At 53 columns the seasons table (needing 57) and the reports table (54) both leave a
    column out: each note names 57, the width at which neither does, not its own need."""
    out = run_shipped("--no-pager", "show", "all-of-us-are-dead", env={"COLUMNS": "53"}).stdout
    named = re.findall(r"Left out at 53 columns: \w+ \(COLUMNS=(\d+) shows", " ".join(out.split()))
    assert len(named) == 2 and len(set(named)) == 1, out
    wide = run_shipped("--no-pager", "show", "all-of-us-are-dead", env={"COLUMNS": named[0]}).stdout
    assert "Left out at" not in wide


def _table_headers(run_shipped: Run, slug: str, width: int) -> tuple[list[set[str]], str]:
    """The header words of a show page's seasons and reports tables at ``width``, and the
    page's text on one line."""
    out = run_shipped("--no-pager", "show", slug, env={"COLUMNS": str(width)}).stdout
    headings = ("Seasons", "Netflix engagement reports")
    headers = [
        set(out.split(f"\n{heading}\n", 1)[1].splitlines()[0].split()) for heading in headings
    ]
    return headers, " ".join(out.split())


def test_a_column_that_went_for_width_stays_gone_and_the_width_named_shows_it(
    run_shipped: Run,
) -> None:
    """At 40 columns Crash Landing on You's seasons table showed Src in the room Episodes
    left, though 45 to 50 columns left Src out and showed Episodes; at 45 its reports table
    showed Global and named 51 for Runtime, where Global went. Narrowing now only ever leaves
    more out, the least useful first, and the width a note names shows every column left out
    beside every column shown."""
    wider: list[set[str]] | None = None
    for width in range(60, 39, -1):
        headers, page = _table_headers(run_shipped, "crash-landing-on-you", width)
        if wider is not None:
            for shown, shown_wider in zip(headers, wider, strict=True):
                assert shown <= shown_wider, (width, shown, shown_wider)
        wider = headers
        for named in set(re.findall(r"Left out at \d+ columns: [^(]*\(COLUMNS=(\d+)", page)):
            enough, there = _table_headers(run_shipped, "crash-landing-on-you", int(named))
            assert "Left out at" not in there, (width, named)
            for shown, shown_there in zip(headers, enough, strict=True):
                assert shown <= shown_there, (width, named, shown, shown_there)
    seasons, _ = _table_headers(run_shipped, "crash-landing-on-you", 40)
    assert seasons[0] == {"Season", "Released", "Status"}


def test_a_narrow_seasons_table_lets_src_go_before_a_date_or_status_breaks(
    run_shipped: Run,
) -> None:
    """At 40 columns the seasons table kept Src and broke "2022-01-" / "28" and "release" /
    "d": the references give way instead, and come back where there is room."""
    out = run_shipped("--no-pager", "show", "all-of-us-are-dead", env={"COLUMNS": "40"}).stdout
    seasons = out.split("\nSeasons\n", 1)[1].split("\n\n", 1)[0]
    assert seasons.splitlines()[0].split() == ["Season", "Released", "Status"]
    rows = seasons.splitlines()[2:]
    assert rows[0].split() == ["1", "2022-01-28", "released"]
    assert rows[1].split()[:4] == ["2", "—", "in", "production"]
    assert "Left out at 40 columns: Episodes, Src" in " ".join(seasons.split())
    wide = run_shipped("--no-pager", "show", "all-of-us-are-dead", env={"COLUMNS": "80"}).stdout
    header = wide.split("\nSeasons\n", 1)[1].splitlines()[0]
    assert header.split() == ["Season", "Released", "Episodes", "Status", "Src"]


def test_a_seasons_table_too_narrow_for_its_dates_prints_each_season_as_a_block(
    run_shipped: Run,
) -> None:
    """At 28 columns the release dates read "2021-09-" / "17": each season is a block instead,
    with every date whole, headed "Season 1" (a number alone would say nothing), and every
    field of the table, Episodes and Src too: a block has room for all of them."""
    out = run_shipped("--no-pager", "show", "squid-game", env={"COLUMNS": "28"}).stdout
    seasons = out.split("\nSeasons\n", 1)[1]
    first, second = seasons.split("\n\n", 2)[:2]
    assert first.startswith("Season 1\n  Released: 2021-09-17\n  Episodes: 9\n  Status: released\n")
    assert "\n  Src: [" in first and second.startswith("Season 2\n")
    assert "2021-09-" not in out.split()


def test_narrow_figures_are_bullets_with_a_hanging_indent_and_their_note_named(
    run_shipped: Run,
) -> None:
    """At 60 columns the figures are bullets, as the facts are: a bullet's second line is
    indented under its text, and its note's letter reads "see b" inside the brackets, not a
    lone letter between the date and the sources."""
    out = run_shipped("--no-pager", "show", "all-of-us-are-dead", env={"COLUMNS": "60"}).stdout
    figures = out.split("\nFigures\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert figures[0].startswith("• Countries in Top 10: 91 countries")
    assert all(line.startswith(("• ", "  ")) for line in figures), figures
    said = " ".join(" ".join(figures).split())
    # (its source's number moves as sources are added to the title)
    assert re.search(r"; see b\) \[\d+\]", said), said
    # a window that ends on its day says the day once
    assert "Weeks in Top 10: 11 weeks, weeks ending 2021-07-04 to 2026-07-19 [" in said
    assert "2026-07-19 (as of 2026-07-19" not in said
    # the notes under them hang past their letter
    notes = out.split("\na: ", 1)[1].splitlines()  # note a: its text, then its lines under it
    assert notes[0].startswith("Press figure") and notes[1].startswith("   countries")


#: Two cumulative figures of Moonlit Hallway: one to its As of date, one to an earlier day (a
#: press report's running total since release, not one of Netflix's weekly lists).
_CUMULATIVE = """
[[shows.stats]]
metric = "weeks-in-top10"
value = 11
unit = "weeks"
window = "cumulative:2026-07-19"
season = 1
as_of = 2026-07-19
sources = ["test-chart"]

[[shows.stats]]
metric = "hours-viewed"
value = 94000000
unit = "hours"
window = "cumulative:2022-02-27"
season = 1
as_of = 2022-03-01
sources = ["test-press"]
"""


def test_a_cumulative_figure_gives_its_day_once_in_the_figures_table(
    write_dataset: Callable[[str], Path],
) -> None:
    """ "cumulative to 2026-07-19" beside an As of 2026-07-19 gave the day twice on the row
    and wrapped the Window column at 80 columns: a window that runs to its As of date reads
    "cumulative"; one that ends on another day keeps its day, and --json keeps the label,
    which for a running total of Netflix's weekly lists names the week they begin with."""
    stats = 'as_of = 2022-02-08\nsources = ["test-press"]\n'
    text = MINI.read_text(encoding="utf-8").replace(stats, stats + _CUMULATIVE, 1)
    kd = _runner(write_dataset(text))
    out = kd("show", "moonlit-hallway", env={"COLUMNS": "80"}).stdout
    figures = out.split("\nFigures\n", 1)[1].split("\n\n", 1)[0].splitlines()
    weeks = next(line for line in figures if line.startswith("Weeks in Top 10"))
    assert weeks.split()[6:8] == ["cumulative", "2026-07-19"], figures
    assert out.count("2026-07-19") == 1
    press = next(n for n, line in enumerate(figures) if "94M hours" in line)
    assert "cumulative to" in figures[press] and "2022-03-01" in figures[press]
    assert "2022-02-27" in " ".join(figures[press : press + 2])  # Rich may wrap it
    stats = as_json(kd("show", "moonlit-hallway", "--json"))["stats"]
    labels = {s["value"]: s["window_label"] for s in stats}
    assert labels[11] == "weeks ending 2021-07-04 to 2026-07-19"
    assert labels[94000000] == "cumulative to 2022-02-27"


def test_a_best_rank_is_of_all_weeks_not_cumulative(run_shipped: Run) -> None:
    """A best rank is no running total: its window reads "all weeks" beside its As of date,
    while the weeks in the Top 10 beside it stay "cumulative"; --json keeps the label."""
    out = run_shipped("--no-pager", "show", "crime-scene-zero", env={"COLUMNS": "100"}).stdout
    figures = out.split("\nFigures\n", 1)[1].split("\n\n", 1)[0].splitlines()
    best = next(line for line in figures if line.startswith("Best rank"))
    weeks = next(line for line in figures if line.startswith("Weeks in Top 10"))
    assert best.split()[2:6] == ["#10", "all", "weeks", "2026-07-19"], figures
    assert weeks.split()[6:8] == ["cumulative", "2026-07-19"], figures
    stats = as_json(run_shipped("show", "crime-scene-zero", "--json"))["stats"]
    rank = next(stat for stat in stats if stat["metric"] == "rank")
    assert rank["window_label"] == "weeks ending 2021-07-04 to 2026-07-19"


def test_a_running_total_of_a_season_out_before_the_top10_lists_is_marked(
    run_shipped: Run,
) -> None:
    """Sweet Home S1 came out in 2020, before Netflix's weekly lists begin (the week ending
    2021-07-04): its one week in them is a re-run's. Its running totals are marked ‡, a line
    under the figures says why, --json says it, and the window names both ends."""
    out = run_shipped("--no-pager", "show", "sweet-home", env={"COLUMNS": "120"}).stdout
    figures = out.split("\nFigures\n", 1)[1].split("\nNetflix engagement reports", 1)[0]
    rows = figures.splitlines()
    assert "1 week‡" in next(line for line in rows if line.startswith("Weeks in Top 10"))
    s2 = [line for line in rows if "S2 · cumulative" in line]
    assert s2 and all("‡" not in line for line in s2)
    assert (
        "‡ S1 came out before Netflix's weekly Top 10 lists begin with the week ending "
        "2021-07-04, and earlier weeks are not published: its figures marked ‡ leave them out."
    ) in flat(figures)
    stats = as_json(run_shipped("show", "sweet-home", "--json"))["stats"]
    weeks = {s["season"]: s for s in stats if s["metric"] == "weeks-in-top10"}
    assert weeks[1]["before_top10"] and not weeks[2]["before_top10"]
    assert weeks[1]["window_label"] == "weeks ending 2021-07-04 to 2026-07-19"
    assert not any(s["before_top10"] for s in stats if s["window"].startswith("first-"))
    assert "‡" not in run_shipped("--no-pager", "show", "squid-game").stdout


def test_the_show_answer_says_which_figures_leave_out_weeks_and_the_views_follow_it() -> None:
    """Which figures leave out weeks is worked out once, by the answer (ShowDetail.before_top10,
    as compare's StatRow and top's BoardEntry carry it): the page's ‡ and line, and --json's
    before_top10, are what it says, not worked out again by the views."""
    import io

    from rich.console import Console

    from kdrama_cli.answers.show_page import ShowDetail, show_detail
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.views.jsonview import show_json
    from kdrama_cli.views.titles import show_view

    dataset = load_dataset([SHIPPED])
    detail = show_detail(dataset, dataset.shows["sweet-home"])
    assert {(s.metric, s.season) for s in detail.before_top10} == {
        ("rank", 1),
        ("weeks-in-top10", 1),
    }

    def page(answer: ShowDetail) -> str:
        out = io.StringIO()
        Console(file=out, width=100, color_system=None, highlight=False).print(
            show_view(answer, every_column="--json")
        )
        return out.getvalue()

    unmarked = detail._replace(before_top10=())
    assert "‡" in page(detail) and "‡" not in page(unmarked)
    assert any(s["before_top10"] for s in show_json(detail)["stats"])
    assert not any(s["before_top10"] for s in show_json(unmarked)["stats"])


def test_a_narrow_reports_table_keeps_the_season_that_tells_its_rows_apart(
    run_shipped: Run,
) -> None:
    """Kingdom has two rows a report, one a season: Src gives way before Season does."""
    out = run_shipped("--no-pager", "show", "kingdom", env={"COLUMNS": "40"}).stdout
    reports = out.split("\nNetflix engagement reports\n", 1)[1]
    assert reports.splitlines()[0].split() == ["Report", "Season", "Hours", "Views"]


def test_a_film_page_says_whose_each_of_its_two_runtimes_is(run_shipped: Run) -> None:
    """20th Century Girl's header said 119 min and its reports table 2h 01m with nothing to
    say whose each was; a film whose runtimes agree, or a series, says nothing of it."""
    page = " ".join(run_shipped("--no-pager", "show", "20th-century-girl").stdout.split())
    assert "119 min" in page and "2h 01m" in page
    assert (
        "Runtime is Netflix's, the length of what it streams; the 119 min above is the film's"
        " own, as its sources give it."
    ) in page
    for other in ("squid-game", "all-of-us-are-dead"):
        assert "Runtime is Netflix's" not in run_shipped("--no-pager", "show", other).stdout


def test_a_source_work_of_several_authors_names_them_as_a_sentence(run_shipped: Run) -> None:
    """ "written by Yeon Sang-ho, Min Hong-nam, Hwang Eun-young, Kang Tae-kyung, drawn by Jo Nun,
    Rido" ran the lists together, and said four people wrote a webtoon whose credits give three
    its original story (원안) and one its text (글): each list is a sentence of its own."""
    page = " ".join(run_shipped("--no-pager", "show", "the-bequeathed").stdout.split())
    assert (
        "Adapted from the webtoon The Bequeathed (선산), original story by Yeon Sang-ho,"
        " Min Hong-nam and Hwang Eun-young, written by Kang Tae-kyung, drawn by Jo Nun and Rido"
        " (KakaoPage and Kakao Webtoon, 2023)"
    ) in page
    work = json.loads(run_shipped("show", "the-bequeathed", "--json").stdout)["source_work"]
    assert work["story_by"] == ["Yeon Sang-ho", "Min Hong-nam", "Hwang Eun-young"]
    assert (work["writers"], work["artists"]) == (["Kang Tae-kyung"], ["Jo Nun", "Rido"])
    # A work with no separate story credits none: the field is there, and empty.
    other = json.loads(run_shipped("show", "all-of-us-are-dead", "--json").stdout)
    assert other["source_work"]["story_by"] == []


def test_an_original_story_maker_is_named_as_such_everywhere(run_shipped: Run) -> None:
    """Hwang Eun-young made the webtoon's original story, not its text: her page, a path through
    her and search say so, and the quiz's answer about who wrote it names the story's makers
    beside its writer."""

    def capacities(person: str) -> list[str]:
        page = json.loads(run_shipped("person", person, "--json").stdout)
        return [c["capacity"] for c in page["credits"] if c["slug"] == "the-bequeathed"]

    assert capacities("hwang-eun-young") == ["writer", "original story writer of the webtoon"]
    assert capacities("kang-tae-kyung") == ["original webtoon writer"]
    assert capacities("rido") == ["original webtoon artist"]
    hop = " ".join(run_shipped("--no-pager", "path", "jo-nun", "hwang-eun-young").stdout.split())
    assert "Jo Nun, original webtoon artist" in hop
    assert "Hwang Eun-young, writer" in hop
    found = json.loads(run_shipped("search", "hwang eun-young", "--json").stdout)
    assert any(
        row["target"] == "the-bequeathed"
        and row["matched"] == "webtoon original story writer: Hwang Eun-young"
        for row in found
    ), found
    explained = {
        q["explanation"]
        for seed in range(12)
        for q in json.loads(
            run_shipped(
                "quiz", "--show", "the-bequeathed", "-q", "10", "--seed", str(seed), "--json"
            ).stdout
        )
    }
    assert (
        "Kang Tae-kyung wrote The Bequeathed, from an original story by Yeon Sang-ho,"
        " Min Hong-nam and Hwang Eun-young."
    ) in explained


def test_a_described_source_is_not_printed_as_a_quoted_headline(
    write_dataset: Callable[[str], Path],
) -> None:
    """A citation whose stored copy showed no headline has a title describing the page and a
    title_note saying so: pages print the description plainly, --json gives both."""
    text = MINI.read_text(encoding="utf-8").replace(
        'title = "Moonlit Hallway renewed"\n',
        'title = "Example Press report on the renewal"\n'
        'title_note = "headline not shown in the stored copy"\n',
        1,
    )
    data = write_dataset(text)
    for cache in ([], ["--no-cache"]):
        run = _runner(data)
        page = " ".join(run(*cache, "show", "moonlit-hallway").output.split())
        # the description names its publisher: printed once, not "Example Press, Example Press"
        assert "Example Press, report on the renewal, 2022-06-06" in page
        assert "“Example Press report" not in page and "stored copy" not in page
        shown = json.loads(run(*cache, "show", "moonlit-hallway", "--json").output)
        (source,) = [s for s in shown["sources"] if s["id"] == "test-press"]
        assert source["title_note"] == "headline not shown in the stored copy"
        assert run(*cache, "data", "check").exit_code == 0


def test_a_source_works_title_note_is_its_own_field_printed_after_the_title(
    write_dataset: Callable[[str], Path],
) -> None:
    """A source work's title that is no published English title carries a title_note saying
    so (ux-review14 C15): the page prints it quietly beside the Korean title, --json gives it
    apart from the title, which stays the title alone."""
    text = MINI.read_text(encoding="utf-8").replace(
        'title = "The Lantern Room"\n',
        'title = "The Lantern Room"\ntitle_note = "our literal translation of the Korean title"\n',
        1,
    )
    data = write_dataset(text)
    for cache in ([], ["--no-cache"]):
        run = _runner(data)
        page = " ".join(run(*cache, "show", "moonlit-hallway").output.split())
        assert (
            "Adapted from the webtoon The Lantern Room (등불의 방; our literal translation of "
            "the Korean title), written and drawn by"
        ) in page
        work = json.loads(run(*cache, "show", "moonlit-hallway", "--json").output)["source_work"]
        assert work["title"] == "The Lantern Room"
        assert work["title_note"] == "our literal translation of the Korean title"
        assert run(*cache, "data", "check").exit_code == 0


#: Words about how the catalogue was researched, which mean nothing to a reader of a page.
RESEARCH_JARGON = re.compile(r"stored copy|in reach|content farm|\(checked \d{4}", re.IGNORECASE)


def _reader_text(node: object) -> list[str]:
    """Every string of a parsed dataset a page can print (a citation's ``title_note`` and
    address are for whoever keeps the data, never printed on a page; a source work's
    ``title_note`` is printed after its title)."""
    if isinstance(node, dict):
        private = {"title_note", "url"} if "url" in node else set()  # a citation's
        return [s for k, v in node.items() if k not in private for s in _reader_text(v)]
    if isinstance(node, list):
        return [s for v in node for s in _reader_text(v)]
    if isinstance(node, str):
        return [node]
    return []


def test_the_shipped_catalogue_speaks_of_sources_not_of_research(run_shipped: Run) -> None:
    """Notes say what no published source gives, not how the researcher looked ("in reach",
    "content farms", "the stored copy", "checked DATE")."""
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    assert [s for s in _reader_text(data) if RESEARCH_JARGON.search(s)] == []
    page = run_shipped("--no-pager", "show", "teach-you-a-lesson").stdout
    assert "No published source gives the day it came out (as of" in " ".join(page.split())
    assert not RESEARCH_JARGON.search(page)


#: A made-up animated series whose voice cast no source names.
NO_VOICE_CAST = """
[meta]
schema = 1

[[shows]]
slug = "paper-lanterns"
title = "Paper Lanterns"
kind = "series"
platform = "Netflix"
genres = ["animation"]
synopsis = "A made-up animated series."
sources = ["test-chart"]
cast_unknown = "No published source names the Korean voice cast (as of 2026-12-01)."
crew_unknown = "No published source names the director (as of 2026-12-01)."

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-12-08
episodes = 8
sources = ["test-chart"]
"""


def test_a_title_no_source_gives_a_cast_for_says_so(run: Run, add_data: AddData) -> None:
    """An entry with cast_unknown prints the reason where the cast would be (page, cast page,
    --json), and data check no longer warns that the title has no cast."""
    layer = add_data(NO_VOICE_CAST, "no-cast.toml")
    page = flat(run(*layer, "show", "paper-lanterns").stdout)
    assert "Cast No published source names the Korean voice cast (as of 2026-12-01)." in page
    assert "Creators No published source names the director (as of 2026-12-01)." in page
    cast = run(*layer, "cast", "paper-lanterns")
    assert cast.exit_code == 0
    assert "Paper Lanterns: no cast. No published source names the Korean voice" in flat(
        cast.output
    )
    shown = json.loads(run(*layer, "show", "paper-lanterns", "--json").stdout)
    assert shown["cast"] == [] and shown["cast_unknown"].startswith("No published source")
    assert shown["directors"] == [] and shown["crew_unknown"].endswith(
        "director (as of 2026-12-01)."
    )
    assert shown["completeness"] == "partial"  # a reason is not a cast
    check = run(*layer, "data", "check", "--strict")
    assert check.exit_code == 0, check.output
    assert "paper-lanterns]: has no cast" not in check.output


def test_cast_unknown_is_refused_beside_a_cast_list(run: Run, add_data: AddData) -> None:
    """A reason for no cast (or no director) beside a cast list (or directors) is an error."""
    text = (
        NO_VOICE_CAST.replace(
            'sources = ["test-chart"]\ncast_unknown',
            'sources = ["test-chart"]\ncast_sources = ["test-chart"]\ncast_unknown',
        )
        + '\n[[shows.cast]]\nperson = "seo-minho"\ncharacter = "Lantern"\nrole = "main"\n'
    )
    check = run(*add_data(text, "both.toml"), "data", "check")
    assert check.exit_code != 0
    assert "shows[paper-lanterns].cast_unknown: given together with a cast list" in flat(
        check.output
    )
    text = NO_VOICE_CAST.replace("crew_unknown", 'directors = ["seo-minho"]\ncrew_unknown')
    check = run(*add_data(text, "crew.toml"), "data", "check")
    assert check.exit_code != 0
    assert "crew_unknown: given together with directors or creators" in flat(check.output)


ALIASED = """
[[citations]]
id = "alias-press"
url = "https://example.com/press/harbour-lights"
title = "Harbour Lights, also called River of Lanterns abroad"
publisher = "Example Press"

[[shows]]
slug = "harbour-lights"
title = "Harbour Lights"
aliases = ["River of Lanterns", "The Lantern Room"]
kind = "film"
platform = "Example Pictures"
genres = ["drama"]
synopsis = "A test film."
release_date = 2024-05-01
sources = ["alias-press"]
"""


def test_a_titles_own_name_wins_over_another_titles_alias(run: Run, add_data: AddData) -> None:
    """A layer giving one title another's exact title as an alias made that title ambiguous;
    the title itself now opens, and data check warns about the alias, as about an alias that
    is another title's alias too."""
    layer = add_data(ALIASED)
    shown = run(*layer, "show", "river of lanterns", "--json")
    assert as_json(shown)["slug"] == "river-of-lanterns"
    shared = run(*layer, "show", "the lantern room", "--json")
    assert shared.exit_code == 2 and "matches 2 titles" in shared.stderr  # both aliases
    warned = run(*layer, "data", "check").stderr
    assert (
        "shows[harbour-lights].aliases: 'River of Lanterns' is the title of river-of-lanterns"
        in warned
    )
    assert (
        "shows[harbour-lights].aliases: 'The Lantern Room' is an alias of moonlit-hallway too"
        in warned
    )


@pytest.mark.parametrize("command", [["show"], ["cast"]])
def test_a_persons_name_given_for_a_title_says_it_is_a_person(run: Run, command: list[str]) -> None:
    """A person's whole name where a title is asked for: the error says who it is and the
    command for them, before any nearest titles; still a usage error (exit 2)."""
    result = run(*command, "Kang Bo-ra")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert message.startswith(
        "kdrama: error: no title matches 'Kang Bo-ra'. "
        f"'Kang Bo-ra' is a person: {KDRAMA} person kang-bora."
    )


def test_a_persons_exact_name_comes_before_a_one_letter_title(run_shipped: Run) -> None:
    """'show IU' suggested only the film I: the singer, matched exactly, is named instead, and
    the film, a far weaker guess, is no longer offered; nor, after the command that answers
    it, the catalogue's size and the advice to search."""
    result = run_shipped("show", "IU")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert message.endswith("no title matches 'IU'. 'IU' is a person: kdrama person iu.")
    assert "Did you mean" not in message
    doona = " ".join(run_shipped("show", "Bae Doona").stderr.split())
    assert doona.endswith("'Bae Doona' is a person: kdrama person bae-doona.")
    assert "Doona!" not in doona and "The catalogue has " not in doona


@pytest.mark.parametrize("value", ["two", "2nd", "1.5"])
def test_a_season_given_in_words_asks_for_a_number(run: Run, value: str) -> None:
    result = run("show", "moonlit-hallway", "--season", value)
    assert result.exit_code == 2
    assert f"{value!r}: give a season number, e.g. --season 2" in result.stderr
    assert "valid integer" not in result.stderr


def test_a_headline_that_quotes_is_quoted_with_single_marks_inside(run_shipped: Run) -> None:
    """A headline beginning with a quotation ("“A Business Proposal” Ratings Climb...") reads
    “‘A Business Proposal’ Ratings Climb...”, never with doubled marks (““...)."""
    page = run_shipped("--no-pager", "show", "business-proposal", env={"COLUMNS": "200"}).stdout
    assert "“‘A Business Proposal’ Ratings Climb to New High”" in page
    assert "““" not in page and "””" not in page


def test_weeks_in_the_top_10_count_each_week_once_and_name_the_season_sum(
    run_shipped: Run,
) -> None:
    """A week two seasons charted in is one week of the title's: the page gives the distinct
    weeks, and the seasons' own counts (which sum to more) named as season-weeks."""
    charted = as_json(run_shipped("chart", "squid-game", "--json"))[0]["weeks"]
    distinct = len({w["week"] for w in charted})
    each = {n: sum(1 for w in charted if w["season"] == n) for n in (1, 2, 3)}
    assert distinct < len(charted)  # seasons charted together: the sum is not the title's
    page = " ".join(run_shipped("show", "squid-game").stdout.split())
    assert (
        f"+ {distinct} weeks in Netflix's global Top 10 ({len(charted)} season-weeks, as "
        f"seasons charted together: S1 {each[1]}, S2 {each[2]}, S3 {each[3]}): "
        "kdrama chart squid-game"
    ) in page
    assert f"+ {len(charted)} weeks" not in page
    one = " ".join(run_shipped("show", "squid-game", "--season", "2").stdout.split())
    assert f"+ {each[2]} weeks in Netflix's global Top 10: kdrama chart" in one


def test_show_help_says_spoilers_also_lists_hidden_cameos(run: Run) -> None:
    """`show --help` said --spoilers shows facts and source headlines; on `show` it also lists
    a hidden cameo in the cast, counts it in "+ N more" and names it in "You have seen them
    in" (`cast --help` says the same of its own page)."""
    text = " ".join(run("show", "--help", env={"COLUMNS": "200"}).stdout.split())
    option = text.split("--spoilers", 1)[1].split("--json", 1)[0]
    assert "surprise cameos" in option
    assert '"+ N more"' in option and '"You have seen them in"' in option
    assert "facts flagged as spoilers" in option and "headlines and addresses" in option


@pytest.mark.parametrize(
    ("kind", "adapted", "search_hits"),
    [
        ("other", "Adapted from The Lantern Room (등불의 방)", False),
        ("manga", "Adapted from the manga The Lantern Room (등불의 방)", True),
        ("web-novel", "Adapted from the web novel The Lantern Room (등불의 방)", True),
    ],
)
def test_a_source_works_kind_is_named_in_words_and_other_names_none(
    write_dataset: Callable[[str], Path], kind: str, adapted: str, search_hits: bool
) -> None:
    """A work of kind "other" is adapted from by its title alone: the page said "Adapted from
    the other Hana Yori Dango", and search matched the word "other" to every such title as
    "adapted from a other". "manga" is a kind of its own."""
    text = MINI.read_text(encoding="utf-8").replace('kind = "webtoon"', f'kind = "{kind}"', 1)
    data = write_dataset(text)
    for cache in ([], ["--no-cache"]):
        run = _runner(data)
        page = " ".join(run(*cache, "show", "moonlit-hallway").output.split())
        assert adapted in page
        assert "the other" not in page
        words = kind.replace("-", " ") if kind != "other" else "other"
        found = run(*cache, "search", words, "--json")
        hits = [r for r in json.loads(found.stdout) if r["matched"].startswith("adapted from")]
        assert bool(hits) is search_hits, found.output
        assert run(*cache, "data", "check", "--strict").exit_code == 0


def test_an_essay_is_named_as_its_press_names_it(run_shipped: Run) -> None:
    """Move to Heaven's source was a work of kind "other", so its page said "Adapted from
    Things Left Behind" and its writer's capacity "original writer"; the press calls it an
    essay (BusinessWorld: "based on an essay"; Tenasia: "논픽션 에세이"). Search's facet takes the
    article English gives it: "adapted from an essay", not "a essay"."""
    page = " ".join(run_shipped("--no-pager", "show", "move-to-heaven").stdout.split())
    assert "Adapted from the essay Things Left Behind (떠난 후에 남겨진 것들)" in page
    person = " ".join(run_shipped("--no-pager", "person", "kim-sae-byul").stdout.split())
    assert "original essay writer" in person
    hits = json.loads(run_shipped("search", "essay", "--json").stdout)
    assert [(h["target"], h["matched"]) for h in hits] == [
        ("move-to-heaven", "adapted from an essay")
    ]
    listed = json.loads(run_shipped("list", "--adapted-from", "essay", "--json").stdout)
    assert [t["slug"] for t in listed] == ["move-to-heaven"]


def _seasons(page: str) -> list[str]:
    """The seasons table of a show page, header to the line before the next section."""
    lines = page.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Season "))
    end = next(n for n in range(start + 2, len(lines)) if not lines[n].startswith(" "))
    return lines[start:end]


def test_seasons_table_lets_src_go_first_and_uses_its_width(run_shipped: Run) -> None:
    """README: the seasons table "lets its Src column go before a date or a status would
    break". At 50 columns All of Us Are Dead's page left out Episodes and kept Src; at 80,
    Squid Game: The Challenge's Released column was 22 cells of which its date range used
    12 (it wrapped at its dash), while Status beside it wrapped to three lines."""
    page = run_shipped("show", "All of Us Are Dead", env={"COLUMNS": "50"}).stdout
    table = _seasons(page)
    assert table[0].split() == ["Season", "Released", "Episodes", "Status"]
    assert table[2].split() == ["1", "2022-01-28", "12", "released"]
    assert "Left out at 50 columns: Src (" in " ".join(page.split())
    page = run_shipped("show", "squid game: the challenge", env={"COLUMNS": "80"}).stdout
    table = _seasons(page)
    assert table[0].split() == ["Season", "Released", "Episodes", "Status", "Src"]
    third = [line for line in table if line.split()[:1] == ["3"]][0]
    assert third.split()[:6] == ["3", "—", "—", "renewed", "(since", "2025-07-10;"]
    assert table[table.index(third) + 1].split() == ["2025-11-09)", "stale"]
    released = table[0].index("Episodes") - table[0].index("Released")
    assert released < len("2023-11-22 – 2023-12-06")  # no blank half-column beside a range


def test_a_romanisation_the_english_title_spells_is_not_repeated(run_shipped: Run) -> None:
    """The header read "Misaeng: Incomplete Life  미생  (Misaeng)": the English title already
    spells the romanisation, so only a title that does not (Squid Game's "Ojing-eo Geim")
    shows it. --json keeps it."""
    misaeng = run_shipped("--no-pager", "show", "misaeng", env={"COLUMNS": "100"}).stdout
    assert "Misaeng: Incomplete Life  미생" in misaeng and "(Misaeng)" not in misaeng
    squid = run_shipped("--no-pager", "show", "squid-game", env={"COLUMNS": "100"}).stdout
    assert "Squid Game  오징어 게임  (Ojing-eo Geim)" in squid
    assert as_json(run_shipped("show", "misaeng", "--json"))["romanization"] == "Misaeng"


def test_a_season_option_the_title_lacks_names_the_command_for_what_it_has(
    run_shipped: Run,
) -> None:
    """`show crash landing on you --season 2` ended at "not season 2", where every other miss
    says what to run next: the command typed, for the whole title."""
    for args, command in (
        (("show", "crash landing on you", "--season", "2"), "kdrama show crash-landing-on-you"),
        (("cast", "squid-game", "--season", "9"), "kdrama cast squid-game"),
    ):
        result = run_shipped(*args)
        assert result.exit_code == 2
        assert result.stderr.rstrip().endswith(f"not season {args[-1]}: {command}"), result.stderr


def test_a_seasons_page_says_its_creators_are_the_whole_titles(run_shipped: Run) -> None:
    """`show moving --season 2` listed season 1's director under Creators with no word that
    crew is held for the title, beside season 2's news of a new director: the heading says
    whose the crew is. A title of one season has no other season to tell it from."""
    page = run_shipped("--no-pager", "show", "moving", "--season", "2").stdout
    heading = next(line for line in page.splitlines() if line.startswith("Creators"))
    assert heading.endswith("of the title as a whole, not of season 2 alone"), heading
    whole = run_shipped("--no-pager", "show", "moving").stdout
    assert "not of season" not in whole
    single = run_shipped("--no-pager", "show", "the-glory", "--season", "1").stdout
    assert "not of season" not in single


def test_an_alias_that_is_the_title_typed_another_way_is_not_printed(run_shipped: Run) -> None:
    """`show singles-inferno` printed "also known as: Single’s Inferno", the title again with a
    curly apostrophe (Kian’s Bizarre B&B the other way round). The page leaves such an alias
    out; --json keeps it, and search still finds the title by it."""
    for slug, title, alias in (
        ("singles-inferno", "Single's Inferno", "Single’s Inferno"),
        ("kians-bizarre-b-and-b", "Kian’s Bizarre B&B", "Kian's Bizarre B&B"),
    ):
        page = run_shipped("--no-pager", "show", slug, env={"COLUMNS": "100"}).stdout
        assert title in page and "also known as" not in page, slug
        assert alias in as_json(run_shipped("show", slug, "--json"))["aliases"]
        assert as_json(run_shipped("search", alias, "--json"))[0]["target"] == slug
    # an alias that is another name is still given
    page = run_shipped("--no-pager", "show", "misaeng", env={"COLUMNS": "100"}).stdout
    assert "also known as: Misaeng; Incomplete Life" in page


def test_a_maker_of_the_original_story_alone_has_the_credit(
    run: Run, write_dataset: Callable[[str], Path]
) -> None:
    """The shipped story makers are all screenwriters of the title too, so nothing showed
    whether a credit for the original story alone reached a person's page, a path, search
    and data check: here one person made only the story of the webtoon a title adapts."""
    text = MINI.read_text(encoding="utf-8").replace(
        '[[people]]\nid = "yoon-gaeul"',
        '[[people]]\nid = "seo-haneul"\nname = "Seo Ha-neul"\nhangul = "서하늘"\n\n'
        '[[people]]\nid = "yoon-gaeul"',
        1,
    )
    text = text.replace(
        'writers = ["yoon-gaeul"]\nartists',
        'story_by = ["seo-haneul"]\nwriters = ["yoon-gaeul"]\nartists',
        1,
    )
    data = str(write_dataset(text))
    checked = run("--data", data, "data", "check", "--strict")
    assert checked.exit_code == 0 and "credited on no title" not in checked.output
    person = json.loads(run("--data", data, "person", "seo-haneul", "--json").stdout)
    assert [(c["slug"], c["capacity"]) for c in person["credits"]] == [
        ("moonlit-hallway", "original story writer of the webtoon")
    ]
    hop = " ".join(
        run("--data", data, "--no-pager", "path", "seo-haneul", "yoon-gaeul").stdout.split()
    )
    assert "Seo Ha-neul, original story writer of the webtoon" in hop
    assert "Yoon Ga-eul, original webtoon writer and artist" in hop
    found = json.loads(run("--data", data, "search", "seo ha-neul", "--json").stdout)
    assert any(r["matched"] == "webtoon original story writer: Seo Ha-neul" for r in found), found
    page = " ".join(run("--data", data, "--no-pager", "show", "moonlit-hallway").stdout.split())
    assert "original story by Seo Ha-neul, written and drawn by Yoon Ga-eul" in page

"""Walk 40's findings on Netflix figures the pages did not explain: a debut week's views of a
season released week by week beside one out all at once (compare), and the weeks Netflix's
national lists name a title without saying which season (show)."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path
from typing import Any

from tests.conftest import MINI, Run, as_json, flat

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: A fixed width for the pages read as text (colour is off in every test: conftest).
COLS = {"COLUMNS": "120"}


def _stats(run_shipped: Run, *args: str) -> dict[tuple[str, str, int | None], dict[str, Any]]:
    data = as_json(run_shipped("compare", *args, "--json"))
    return {(r["metric"], r["window"], r["season"]): r for r in data["stats"]}


def test_compare_says_a_debut_weeks_views_of_a_weekly_release_do_not_compare(
    run_shipped: Run,
) -> None:
    """Phantom Lawyer came out two episodes a week: Netflix divided its first 3 days' 4M hours
    by the 2 hours out then (1.8M views), The 8 Show's 11.9M by its whole 7 hours (1.7M).
    compare starred Phantom Lawyer in views though The 8 Show led in hours three times over;
    the row now stars neither, and the page says why, as chart does of such a season's weeks."""
    args = ("the-8-show", "phantom-lawyer")
    rows = _stats(run_shipped, *args)
    views = rows["views", "first-3-days", 1]
    assert views["values"] == [1700000, 1800000]
    assert views["leader"] is None and views["week_by_week"] == ["phantom-lawyer"]
    hours = rows["hours-viewed", "first-3-days", 1]
    assert hours["leader"] == "the-8-show" and hours["week_by_week"] == []
    assert rows["weeks-in-top10", "cumulative:2026-07-19", 1]["week_by_week"] == []
    result = run_shipped("--no-pager", "compare", *args, env=COLS)
    assert result.exit_code == 0, result.output
    page = re.sub(r"\[\d+\]", "[N]", flat(result.stdout.split("\nSources\n", 1)[0]))
    assert "Views, first 3 days, S1 1.7M views [N] 1.8M views¶ [N]" in page
    assert "Hours viewed, first 3 days, S1 11.9M hours ★ [N]" in page
    assert (
        "¶ came out week by week: Netflix divides a week's hours by the runtime out by then, so "
        "the views of its first days count its first episodes alone (Phantom Lawyer S1: about 2 "
        "hours, of at least 11 hours in all), where a season out all at once is divided by its "
        "whole runtime (The 8 Show S1: about 7 hours): their views do not compare, and a row "
        "with one stars no title; their hours do." in page
    )
    assert page.count("¶") == 2  # the figure and the line
    sheet = list(csv.DictReader(io.StringIO(run_shipped("compare", *args, "--csv").stdout)))
    marked = {(r["slug"], r["field"], r["window"]): (r["leader"], r["week_by_week"]) for r in sheet}
    assert marked["phantom-lawyer", "views", "first-3-days"] == ("false", "true")
    assert marked["the-8-show", "views", "first-3-days"] == ("false", "false")
    assert marked["the-8-show", "hours-viewed", "first-3-days"] == ("true", "")
    assert marked["the-8-show", "korean_title", ""] == ("", "")


def test_compare_keeps_the_star_where_the_seasons_came_out_alike(run_shipped: Run) -> None:
    """Two seasons released week by week (King the Land, Love Next Door), or two out all at
    once (The 8 Show, The Trunk), are divided alike: their views row keeps its leader, and
    nothing is marked."""
    weekly = _stats(run_shipped, "king-the-land", "love-next-door")["views", "first-2-days", 1]
    assert weekly["leader"] == "king-the-land" and weekly["week_by_week"] == []
    at_once = _stats(run_shipped, "the-8-show", "the-trunk")["views", "first-3-days", 1]
    assert at_once["leader"] == "the-trunk" and at_once["week_by_week"] == []
    page = run_shipped("--no-pager", "compare", "the-8-show", "the-trunk", env=COLS).stdout
    assert "¶" not in page


def test_compare_tells_a_weekly_release_from_its_report_and_says_nothing_it_cannot_tell(
    run_shipped: Run,
) -> None:
    """The Devil's Plan S2 spent one week in the Top 10 with views (6.1 hours a view); its
    engagement report gives 18 hours, so it came out week by week. Crime Scene Zero's one week
    and no report cannot tell: Culinary Class Wars S1 beside it is still marked, but the page
    names no runtime of Crime Scene Zero's and does not call it out all at once."""
    row = _stats(run_shipped, "zombieverse", "the-devils-plan")["views", "first-6-days", 1]
    assert row["week_by_week"] == ["the-devils-plan"] and row["leader"] is None
    two = _stats(run_shipped, "zombieverse", "the-devils-plan")
    assert all(r["week_by_week"] == [] for key, r in two.items() if key != row_key(row))
    args = ("crime-scene-zero", "culinary-class-wars")
    unknown = _stats(run_shipped, *args)["views", "first-6-days", 1]
    assert unknown["week_by_week"] == ["culinary-class-wars"] and unknown["leader"] is None
    page = flat(run_shipped("--no-pager", "compare", *args, env=COLS).stdout)
    assert (
        "(Culinary Class Wars S1: about 5 hours, of at least 14 hours in all), where a season out "
        "all at once is divided by its whole runtime: their views do not compare" in page
    )
    assert "Crime Scene Zero S1: about" not in page


def row_key(row: dict[str, Any]) -> tuple[str, str, int | None]:
    return (row["metric"], row["window"], row["season"])


#: Two made-up series for the national lists' rows that name no season: Tide Line, whose two
#: seasons are out, and (with ``twice``) a second entry Netflix also titles "Tide Line".
def _tide_line(twice: bool = False) -> str:
    text = ""
    for slug, labels in [("tide-line", ["Tide Line: Season 1", "Tide Line: Season 2"])] + (
        [("tide-line-2023", ["Tide Line: 2023"])] if twice else []
    ):
        text += (
            f'\n[[shows]]\nslug = "{slug}"\ntitle = "Tide Line"\nkind = "series"\n'
            'platform = "Examplenet"\ngenres = ["drama"]\nsynopsis = "A made-up series."\n'
            'sources = ["test-press"]\ncast_sources = ["test-press"]\n'
        )
        for number, label in enumerate(labels, start=1):
            text += (
                f'\n[[shows.seasons]]\nnumber = {number}\nstatus = "released"\n'
                f"release_date = 202{number - 1}-03-01\nepisodes = 8\n"
                f'netflix_titles = ["{label}"]\nsources = ["test-press"]\n'
            )
    return text


def _national(tmp_path: Path, rows: list[tuple[str, str, str]]) -> list[str]:
    header = (
        "country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title"
        "\tcumulative_weeks_in_top_10\n"
    )
    countries = tmp_path / "all-weeks-countries.tsv"
    countries.write_text(
        header
        + "".join(f"X\t{iso}\t{week}\tTV\t1\tTide Line\t{label}\t1\n" for iso, week, label in rows),
        encoding="utf-8",
    )
    tiers = tmp_path / "tiers.tsv"
    tiers.write_text(
        "kind\tshow_title\ttier\tin_global_top10\tnote\nTV\tTide Line\tK\tno\t\n", encoding="utf-8"
    )
    return [str(countries), str(tiers)]


def test_a_national_week_naming_a_title_but_no_season_is_the_titles_figure(
    run: Run, tmp_path: Path
) -> None:
    """Netflix's South Korea list named Change Days in 9 weeks of 2021 with no season (N/A),
    and both its seasons were out: `data netflix` dropped those weeks (reporting "unmatched
    Korean title: Change Days") and its page said nothing of them. Such weeks are now the
    title's figures, of no season, each saying so: no season is guessed."""
    dataset = tmp_path / "shows.toml"
    dataset.write_text(MINI.read_text(encoding="utf-8") + _tide_line(), encoding="utf-8")
    files = _national(
        tmp_path,
        [
            ("KR", "2021-07-18", "N/A"),
            ("KR", "2021-07-25", "N/A"),
            ("JP", "2021-07-25", "Tide Line: Season 1"),
        ],
    )
    out = tmp_path / "netflix.toml"
    result = run("--data", str(dataset), "data", "netflix", *files, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "unmatched" not in result.stderr
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    figures = [
        (s.get("season"), s["window"], s["value"], s.get("note"))
        for s in document["stats"]
        if s["show"] == "tide-line"
    ]
    assert figures == [
        (None, "week:2021-07-18", 1, 'Netflix\'s title: "Tide Line", with no season'),
        (None, "week:2021-07-25", 1, 'Netflix\'s title: "Tide Line", with no season'),
        (1, "week:2021-07-25", 1, None),
        (
            None,
            "cumulative:2021-07-25",
            1,
            "national Top 10s of the weeks ending 2021-07-18 to 2021-07-25; Netflix's national "
            'lists name "Tide Line" in 2 weeks (those ending 2021-07-18 to 2021-07-25) without '
            "saying which season: a figure of the title, not of one season",
        ),
        (
            1,
            "cumulative:2021-07-25",
            1,
            "national Top 10s of the weeks ending 2021-07-18 to 2021-07-25",
        ),
    ]


def test_a_national_week_whose_title_names_two_entries_stays_unmatched(
    run: Run, tmp_path: Path
) -> None:
    """Where Netflix's title is that of two entries (as "I am Solo" is of seven), a week with
    no season could be either's: it is reported, and given to neither."""
    dataset = tmp_path / "shows.toml"
    dataset.write_text(MINI.read_text(encoding="utf-8") + _tide_line(twice=True), encoding="utf-8")
    files = _national(tmp_path, [("KR", "2024-07-21", "N/A")])
    out = tmp_path / "netflix.toml"
    result = run("--data", str(dataset), "data", "netflix", *files, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "kdrama: unmatched Korean title: Tide Line" in result.stderr
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    assert not [s for s in document.get("stats", []) if s["show"].startswith("tide-line")]


def test_change_days_page_gives_the_weeks_netflix_names_it_without_a_season(
    run_shipped: Run,
) -> None:
    """The shipped catalogue: Change Days' 9 weeks in South Korea's Top 10 of 2021, which
    Netflix's list gives no season, are a figure of the title, with its list, window, as_of and
    a note that says so, on the page and in --json."""
    data = as_json(run_shipped("show", "change-days", "--json"))
    national = [s for s in data["stats"] if s["list"] == "national Top 10s"]
    whole = [s for s in national if s["window"] == "cumulative:2022-02-27"]
    assert [(s["season"], s["value"], s["unit"], s["as_of"]) for s in whole] == [
        (None, 1, "countries", "2022-02-27")
    ]
    assert whole[0]["note"] == (
        "national Top 10s of the weeks ending 2021-07-04 to 2022-02-27; Netflix's national lists "
        'name "Change Days" in 9 weeks (those ending 2021-07-18 to 2021-09-19) without saying '
        "which season: a figure of the title, not of one season"
    )
    weeks = [s for s in national if s["window"].startswith("week:")]
    assert len(weeks) == 9 and {s["season"] for s in weeks} == {None}
    page = flat(run_shipped("--no-pager", "show", "change-days", env=COLS).stdout)
    assert "Countries in Top 10 1 country cumulative 2022-02-27 a" in page
    assert (
        'Netflix\'s national lists name "Change Days" in 9 weeks (those ending 2021-07-18 to '
        "2021-09-19) without saying which season: a figure of the title, not of one season" in page
    )


def test_the_best_week_views_board_marks_a_week_divided_by_the_episodes_out_then(
    run_shipped: Run,
) -> None:
    """Netflix divides a week's hours by the runtime out by then: the best week by views of a
    season released week by week (Agent Kim Reactivated: about 4 hours of its 9; Tastefully
    Yours: 2 of 10) sat on `top --metric best-week-views` beside seasons out all at once
    with nothing to say it was measured otherwise. The board still ranks Netflix's figure, as
    Netflix ranks its weekly lists by it, and marks such a row ¶, saying why under it."""
    data = as_json(run_shipped("top", "--metric", "best-week-views", "--limit", "20", "--json"))
    marks = {(e["slug"], e["season"]): (e["rank"], e["week_by_week"]) for e in data["entries"]}
    assert marks["agent-kim-reactivated", 1] == (6, True)
    assert marks["tastefully-yours", 1] == (19, True)
    assert marks["parasyte-the-grey", 1] == (7, False)  # out all at once
    assert marks["squid-game", 2] == (1, False)
    result = run_shipped("--no-pager", "top", "--metric", "best-week-views", env=COLS)
    assert result.exit_code == 0, result.output
    page = flat(result.stdout)
    assert "6 Agent Kim Reactivated 10.5M views¶" in page
    assert "7 Parasyte: The Grey 9.8M views " in page
    assert (
        "¶ came out week by week: Netflix divides a week's hours by the runtime out by then, so "
        "such a season's best week by views counts only the episodes already out (Agent Kim "
        "Reactivated: about 4 hours of at least 9 hours; Bon Appétit, Your Majesty: about 5 "
        "hours of at least 16 hours) and does not compare with the best week of a season out "
        "all at once; --metric best-week ranks their hours, which do." in page
    )
    sheet = run_shipped("top", "--metric", "best-week-views", "--csv").stdout
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(sheet))}
    assert rows["agent-kim-reactivated"]["week_by_week"] == "true"
    assert rows["parasyte-the-grey"]["week_by_week"] == "false"
    # another board asks nothing of it
    weeks = as_json(run_shipped("top", "--json"))["entries"]
    assert {e["week_by_week"] for e in weeks} == {None}
    hours = run_shipped("--no-pager", "top", "--metric", "best-week", env=COLS).stdout
    assert "¶" not in hours
    plain = list(csv.DictReader(io.StringIO(run_shipped("top", "--csv").stdout)))
    assert {r["week_by_week"] for r in plain} == {""}


def test_a_seasons_whole_runtime_is_never_less_than_a_week_of_it_implies() -> None:
    """Review 40 #3: the whole runtime a weekly views figure is set against was the largest of
    the season's *other* weeks and reports, so a season's last week could imply more than its
    "whole" (No Tail to Tell: 12.4 hours against 8.0), and its page would say "about 12 hours
    of 8". The whole is at least the week's own; and the pages say "at least", as a season may
    have gone on after its last week in the Top 10 and its last report (review 40 #1, #2)."""
    from kdrama_cli.answers.charts import views_runtime
    from kdrama_cli.catalogue.loader import load_dataset

    root = Path(__file__).resolve().parents[1]
    dataset = load_dataset([root / "data" / "shows.toml"])
    checked = 0
    for show in dataset.shows.values():
        for stat in show.stats:
            runtime = views_runtime(show, stat)
            if runtime is None or runtime.whole is None:
                continue
            checked += 1
            assert runtime.whole >= runtime.first, (show.slug, stat.window, runtime)
    assert checked > 500
    tail = dataset.shows["no-tail-to-tell"]
    last = max(
        (s for s in tail.stats if s.metric == "views" and s.window.startswith("week:")),
        key=lambda s: s.window,
    )
    measured = views_runtime(tail, last)
    assert measured is not None and measured.whole == measured.first

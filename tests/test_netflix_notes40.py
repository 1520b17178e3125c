"""Walk 40's findings on Netflix figures the pages did not explain: a debut week's views of a
season released week by week beside one out all at once (compare), and the weeks Netflix's
national lists name a title without saying which season (show)."""

from __future__ import annotations

import csv
import io
import re

from tests.conftest import Run, as_json, flat

#: A fixed width for the pages read as text (colour is off in every test: conftest).
COLS = {"COLUMNS": "120"}


def _stats(run_shipped: Run, *args: str) -> dict[tuple[str, str, int | None], dict]:
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
        "hours, of about 11 hours in all), where a season out all at once is divided by its "
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
        "(Culinary Class Wars S1: about 5 hours, of about 14 hours in all), where a season out "
        "all at once is divided by its whole runtime: their views do not compare" in page
    )
    assert "Crime Scene Zero S1: about" not in page


def row_key(row: dict) -> tuple[str, str, int | None]:
    return (row["metric"], row["window"], row["season"])

"""A fan who compares titles, walking compare, top and chart for figures set side by side that
do not compare, or a figure without its unit, window and date (walk 42), on the shipped data."""

from __future__ import annotations

import csv
import io
import re

from tests.conftest import Run, as_json

REPORT_VIEWS_2023H2 = ("top", "--metric", "report-views", "--report", "2023H2")


def test_a_report_board_marks_a_season_out_within_its_half_year(run_shipped: Run) -> None:
    """`kdrama top --metric report-views --report 2023H2` ranked Mask Girl's 18.5M views
    (out on 2023-08-18: 136 days of the half-year) beside King the Land's whole half-year with
    nothing said, while `compare` marks the same figure †. The board marks it now, and says
    under it how many days it counts; a season out before the half-year is not marked."""
    page = run_shipped("--no-pager", *REPORT_VIEWS_2023H2, "-n", "3", env={"COLUMNS": "100"})
    lines = [line for line in page.stdout.splitlines() if line[:1].isdigit() and "   " in line]
    rows = {line.split("   ")[1].strip(): line for line in lines}
    assert "18.5M views†" in rows["Mask Girl"]
    assert "†" not in rows["King the Land"] and "†" not in rows["Celebrity"]
    said = " ".join(page.stdout.split())
    assert (
        "† came out on Netflix within that half-year: its figure counts only the days from "
        "then to the half-year's end (Mask Girl, 2023-08-18: 136 days)"
    ) in said


def test_a_report_boards_debut_is_in_its_json_and_csv_as_compare_gives_it(
    run_shipped: Run,
) -> None:
    board = as_json(run_shipped(*REPORT_VIEWS_2023H2, "--json"))["entries"]
    debut = {(e["slug"], e["season"]): e["debut"] for e in board}
    assert debut[("mask-girl", 1)] == "2023-08-18"
    assert debut[("king-the-land", 1)] is None
    compared = as_json(run_shipped("compare", "king-the-land", "mask-girl", "--json"))
    row = next(s for s in compared["stats"] if s["window"] == "half-year:2023H2")
    assert row["debuts"] == [None, "2023-08-18"]
    sheet = run_shipped(*REPORT_VIEWS_2023H2, "--csv").stdout
    by_slug = {r["slug"]: r for r in csv.DictReader(io.StringIO(sheet))}
    assert by_slug["mask-girl"]["debut"] == "2023-08-18"
    assert by_slug["king-the-land"]["debut"] == ""
    # not a report's board: no day, on any row
    weeks = as_json(run_shipped("top", "--metric", "best-week", "--json"))["entries"]
    assert {e["debut"] for e in weeks} == {None}


def test_top_help_says_what_a_report_boards_dagger_marks(run_shipped: Run) -> None:
    out = run_shipped("top", "--help").stdout
    helped = " ".join(re.sub(r"(?<=\w)-\s+(?=\w)", "-", out).split())  # "half-\nyear" rejoined
    assert (
        "On a report's board, † marks a season that came out on Netflix within the half-year, "
        "whose figure counts only the days from then to its end."
    ) in helped


def test_chart_help_says_what_window_a_bar_is(run_shipped: Run) -> None:
    """`kdrama chart --help` named no window: not that a bar is one week, which one, or that a
    debut week's "first N days" is shorter than a week, though several titles share a scale."""
    out = run_shipped("chart", "--help").stdout
    helped = " ".join(re.sub(r"(?<=\w)-\s+(?=\w)", "-", out).split())
    assert (
        "Each bar is one week of Netflix's global Top 10, Monday to the Sunday it is dated by, "
        'on one scale for every title charted; "first N days" under a week says the release on '
        "Netflix cut it short, so its figure is of those days, not a whole week."
    ) in helped

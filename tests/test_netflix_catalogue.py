"""Every Korean title Netflix reports: the engagement-report importer, the entries holding only
Netflix's record, the report leaderboards, and the shipped catalogue built from Netflix's files.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli
from tests.conftest import FIXTURES, MINI, REPO, Run, flat

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WORKBOOKS = sorted((FIXTURES / "netflix").glob("What_We_Watched_*.xlsx"))
ENGAGEMENT_TSV = REPO.parent / "shared" / "netflix-top10" / "engagement-korean-2023H1_2025H1.tsv"


def _kd(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The made-up dataset with figures and entries generated from the two fixture workbooks."""
    out = tmp_path / "netflix.toml"
    result = _kd("--data", str(MINI), "data", "netflix", *map(str, WORKBOOKS), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "4 titles from the engagement reports that the dataset lacks" in result.stderr
    return out


def _with(catalogue: Path, *args: str) -> Result:
    return _kd("--data", str(MINI), "--add-data", str(catalogue), *args)


def test_workbooks_are_recognised_by_content_and_checked(catalogue: Path) -> None:
    text = catalogue.read_text(encoding="utf-8")
    assert "Some English Show" not in text  # not a Korean work: no Hangul title
    check = _with(catalogue, "data", "check", "--strict")
    assert check.exit_code == 0, check.output


def test_a_curated_title_gets_its_report_figures_through_its_hangul_title(
    catalogue: Path,
) -> None:
    data = json.loads(_with(catalogue, "show", "moonlit-hallway", "--json").stdout)
    assert data["netflix_only"] is False
    reports = {(r["report"], r["season"]): r for r in data["reports"]}
    assert reports[("2023H1", 1)]["hours"] == 54_300_000
    assert reports[("2024H1", 1)]["views"] == 3_400_000
    assert reports[("2024H1", 1)]["runtime_minutes"] == 370
    assert reports[("2024H1", 1)]["available_globally"] is True
    ids = {c["id"] for c in data["sources"]}
    assert {"netflix-engagement-2023h1", "netflix-engagement-2024h1"} <= ids


def test_a_work_the_dataset_lacks_becomes_an_entry_holding_netflix_record(
    catalogue: Path,
) -> None:
    data = json.loads(_with(catalogue, "show", "Sunday Market", "--json").stdout)
    assert data["korean_title"] == "일요시장"
    assert data["netflix_only"] is True and data["completeness"] == "netflix-only"
    assert data["synopsis"] is None and data["platform"] is None and data["cast"] == []
    # "Season 1" and, a report later, "Limited Series" are one season; "Season 2" another.
    assert [s["number"] for s in data["seasons"]] == [1, 2]
    hours = {(r["report"], r["season"]): r["hours"] for r in data["reports"]}
    assert hours == {("2023H1", 1): 12_100_000, ("2024H1", 1): 9_800_000, ("2024H1", 2): 4_400_000}
    runtime = {(r["report"], r["season"]): r["runtime_minutes"] for r in data["reports"]}
    assert runtime[("2024H1", 2)] is None  # Netflix's "*": not given


def test_the_page_of_a_netflix_only_entry_says_so_once_and_reads_well(catalogue: Path) -> None:
    page = flat(_with(catalogue, "show", "sunday-market").output)
    assert page.count("Only Netflix's record of this title is in the catalogue so far") == 1
    assert "일요시장" in page
    assert "Sunday Market: Limited Series; Sunday Market: Season 1" in page
    assert "Netflix engagement reports" in page
    assert "2023 Jan–Jun" in page and "12.1M" in page
    assert "What We Watched: A Netflix Engagement Report (January–June 2023)" in page


def test_a_netflix_only_season_says_by_when_it_was_on_netflix(catalogue: Path) -> None:
    """Netflix's files give no day a Netflix-only series' season came out, but the first report
    that lists it dates it (`show --json`'s on_netflix_by): the On Netflix column said "—" for
    514 of the 581 such series. It now says "by" that report's date, cited, as a researched
    title's undated season does."""
    out = _with(catalogue, "--no-pager", "show", "sunday-market").stdout
    seasons = out.split("\nSeasons\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert seasons[0].split() == ["Season", "Netflix's", "title", "On", "Netflix", "Src"]
    assert seasons[2].split()[-3:] == ["by", "2023-06-30", "[1,2]"]
    assert seasons[3].split()[-3:] == ["by", "2024-06-30", "[2]"]


def test_a_netflix_only_series_no_date_reaches_has_no_on_netflix_column(
    run: Run, add_data: Callable[..., list[str]]
) -> None:
    """A column of dashes says nothing: with no season dated, by Netflix's files or a list
    of theirs, the seasons table leaves the On Netflix column out."""
    layer = add_data(
        """
[[shows]]
slug = "quiet-harbour"
title = "Quiet Harbour"
korean_title = "조용한 항구"
kind = "series"
netflix_only = true
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
netflix_titles = ["Quiet Harbour: Season 1"]
sources = ["test-chart"]
"""
    )
    out = run(*layer, "--no-pager", "show", "quiet-harbour").stdout
    seasons = out.split("\nSeasons\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert seasons[0].split() == ["Season", "Netflix's", "title", "Src"]
    assert seasons[2].split() == ["1", "Quiet", "Harbour:", "Season", "1", "[1]"]


def test_the_netflix_only_card_lists_what_is_known_in_one_sentence(
    catalogue: Path, run_shipped: Run
) -> None:
    """A series has seasons as Netflix labels them; a film, and a title Netflix calls neither TV
    nor film, have none: the list reads as one, never "its titles, and its viewing figures"."""
    known = "Only Netflix's record of this title is in the catalogue so far: "
    series = flat(_with(catalogue, "show", "sunday-market").output)
    assert (
        known + "its titles, its seasons as Netflix labels them, and its viewing figures. Its "
        "cast, crew, synopsis and source work are not in the catalogue yet." in series
    )
    film = flat(_with(catalogue, "show", "Paper Cranes").output)
    unknown = flat(run_shipped("show", "heartstrings").output)
    assert "TV or film not given by Netflix" in unknown
    for page in (film, unknown):
        assert known + "its titles and its viewing figures. Its cast" in page


def test_films_and_two_works_sharing_an_english_title(catalogue: Path) -> None:
    film = json.loads(_with(catalogue, "show", "Paper Cranes", "--json").stdout)
    assert film["kind"] == "film" and film["netflix_release_date"] == "2023-02-03"
    ambiguous = _with(catalogue, "show", "Night Shift")
    assert ambiguous.exit_code == 2
    assert "matches 2 titles" in ambiguous.stderr
    first = json.loads(_with(catalogue, "show", "night-shift", "--json").stdout)
    second = json.loads(_with(catalogue, "show", "night-shift-series", "--json").stdout)
    assert {first["korean_title"], second["korean_title"]} == {"야간 근무", "야간 귀신"}


def test_netflix_release_date_is_the_day_on_netflix_never_the_release(catalogue: Path) -> None:
    """Netflix's "Release Date" is the day it released a title on Netflix: for a licensed title
    later than its first release, and no file says which titles Netflix premiered. So an entry
    holding Netflix's record alone is shown as on Netflix since then, and never dated, listed by
    year or asked about by it."""
    assert "\nrelease_date = " not in catalogue.read_text(encoding="utf-8")
    film = json.loads(_with(catalogue, "show", "Paper Cranes", "--json").stdout)
    assert film["netflix_release_date"] == "2023-02-03"
    assert film["release_date"] is None and film["years"] is None and film["first_year"] is None
    page = flat(_with(catalogue, "show", "Paper Cranes").output)
    assert "on Netflix since 2023 · film" in page
    assert "Released on Netflix 2023-02-03" in page and "\nReleased 2023" not in page
    listed = json.loads(_with(catalogue, "list", "--year", "2023", "--json").stdout)
    assert film["slug"] not in {row["slug"] for row in listed}


def test_a_licensed_film_is_not_dated_by_the_day_it_came_to_netflix(run_shipped: Run) -> None:
    """Forgotten opened in cinemas in 2017; Netflix's reports give 2018-02-21, its day on
    Netflix."""
    data = json.loads(run_shipped("show", "forgotten", "--json").stdout)
    assert data["netflix_release_date"] == "2018-02-21"
    assert data["release_date"] is None and data["first_year"] is None
    assert "on Netflix since 2018 · film" in flat(run_shipped("show", "forgotten").output)
    for year in ("2017", "2018"):
        listed = json.loads(run_shipped("list", "--year", year, "--json").stdout)
        assert "forgotten" not in {row["slug"] for row in listed}
    netflix_only = json.loads(
        run_shipped("list", "--completeness", "netflix-only", "--json").stdout
    )
    assert netflix_only and all(row["year"] is None for row in netflix_only)


#: Paper Cranes as a curated film first shown in cinemas on 2022-09-01; the fixture reports
#: give the day Netflix released it, Friday 2023-02-03, and a Top 10 file lists it first in the
#: week ending Sunday 2023-02-05.
PAPER_CRANES_IN_CINEMAS = """
[[shows]]
slug = "paper-cranes"
title = "Paper Cranes"
korean_title = "종이학"
kind = "film"
platform = "Theatrical"
genres = ["drama"]
synopsis = "A made-up film."
release_date = 2022-09-01
netflix_titles = ["Paper Cranes"]
sources = ["test-chart"]
"""
TOP10_HEADER = (
    "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\t"
    "weekly_views\tcumulative_weeks_in_top_10\tis_staggered_launch\tepisode_launch_details\n"
)


def test_a_film_on_netflix_after_cinemas_has_its_first_days_on_netflix_marked(
    tmp_path: Path,
) -> None:
    """The Top 10 is Netflix's list, so a debut week counts the days on Netflix: a film out in
    cinemas months before its first week in the list, released on Netflix on the Friday of
    that week, had no "first 3 days" (its release date was too far back), and the best-week
    board ranked its three days as a whole week. The reports' Release Date now gives them."""
    shows = tmp_path / "shows.toml"  # data netflix reads the dataset's own file, no layer
    shows.write_text(MINI.read_text(encoding="utf-8") + PAPER_CRANES_IN_CINEMAS, encoding="utf-8")
    weeks = tmp_path / "all-weeks-global.tsv"
    weeks.write_text(
        TOP10_HEADER
        + "2023-02-05\tFilms (Non-English)\t2\tPaper Cranes\tN/A\t4100000\t\t\t1\tFalse\t\n"
        + "2023-02-12\tFilms (Non-English)\t4\tPaper Cranes\tN/A\t2200000\t\t\t2\tFalse\t\n",
        encoding="utf-8",
    )
    out = tmp_path / "netflix.toml"
    dataset = ["--data", str(shows)]
    made = _kd(*dataset, "data", "netflix", str(weeks), *map(str, WORKBOOKS), "--out", str(out))
    assert made.exit_code == 0, made.output
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    debut = [
        s
        for s in document["stats"]
        if s["show"] == "paper-cranes" and s["window"] == "first-3-days"
    ]
    assert [(s["value"], s["as_of"].isoformat(), s["note"]) for s in debut] == [
        (4100000, "2023-02-05", "debut week ending 2023-02-05 (released on Netflix 2023-02-03)")
    ]
    with_figures = [*dataset, "--add-data", str(out)]
    board = ["top", "--metric", "best-week", "--list", "films"]
    entries = json.loads(_kd(*with_figures, *board, "--json").stdout)["entries"]
    assert [(e["slug"], e["value"], e["partial_days"]) for e in entries] == [
        ("paper-cranes", 4100000, 3)
    ]
    ranked = flat(_kd(*with_figures, "--no-pager", *board).stdout)
    assert "Paper Cranes 4.1M hours" in ranked and "2023-02-05 first 3 days" in ranked
    assert "first N days: the film came out on Netflix during that week" in ranked
    page = flat(_kd(*with_figures, "show", "paper-cranes").output)
    assert "Hours viewed 4.1M hours first 3 days 2023-02-05" in page
    assert "debut week ending 2023-02-05 (released on Netflix 2023-02-03)" in page
    assert "Released 2022-09-01" in page  # its first release stays the cinemas'


def test_report_leaderboards_rank_one_report_at_a_time(catalogue: Path) -> None:
    board = json.loads(
        _with(catalogue, "top", "--metric", "report-hours", "--report", "2023H1", "--json").stdout
    )
    assert board["entries"][0]["show"] == "moonlit-hallway"
    assert {e["window"] for e in board["entries"]} == {"half-year:2023H1"}
    latest = json.loads(_with(catalogue, "top", "--metric", "report-views", "--json").stdout)
    assert {e["window"] for e in latest["entries"]} == {"half-year:2024H1"}
    wrong = _with(catalogue, "top", "--metric", "report-hours", "--report", "2019H1")
    assert wrong.exit_code == 2 and "2023H1, 2024H1" in wrong.stderr
    assert _with(catalogue, "top", "--metric", "weeks", "--report", "2023H1").exit_code == 2


def test_report_figures_name_the_sheet_that_lists_them(catalogue: Path) -> None:
    """Netflix's workbooks list TV and films on sheets of their own from July–December 2023 on
    (January–June 2023 on one): every figure names its row's sheet, so the report boards rank
    one sheet at a time, as the Top 10 boards rank one list, and --list picks the other."""
    text = tomllib.loads(catalogue.read_text(encoding="utf-8"))
    lists = {
        (s["show"], s["window"], s["list"]) for s in text["stats"] if s["metric"] == "hours-viewed"
    }
    assert ("paper-cranes", "half-year:2023H1", "What We Watched") in lists
    assert ("paper-cranes", "half-year:2024H1", "What We Watched: Films") in lists
    assert ("moonlit-hallway", "half-year:2024H1", "What We Watched: TV") in lists
    tv = json.loads(_with(catalogue, "top", "--metric", "report-views", "--json").stdout)
    assert tv["list"] == "What We Watched: TV"
    assert "paper-cranes" not in {e["slug"] for e in tv["entries"]}
    assert tv["other_lists"] == [{"list": "What We Watched: Films", "option": "films", "titles": 1}]
    films = _with(catalogue, "top", "--metric", "report-views", "--list", "films", "--json")
    assert [e["slug"] for e in json.loads(films.stdout)["entries"]] == ["paper-cranes"]
    one_sheet = _with(catalogue, "top", "--report", "2023H1", "--list", "tv")
    assert one_sheet.exit_code == 2
    assert one_sheet.stderr == (
        "kdrama: error: --list tv: Netflix's engagement report for January–June 2023 lists TV "
        "and films together, on one sheet; --list tv and --list films go with the reports with "
        "a sheet of each (2024H1)\n"
    )


def test_list_filters_by_completeness(catalogue: Path) -> None:
    rows = json.loads(_with(catalogue, "list", "--completeness", "netflix-only", "--json").stdout)
    assert {r["slug"] for r in rows} == {
        "sunday-market",
        "paper-cranes",
        "night-shift",
        "night-shift-series",
    }
    assert all(r["completeness"] == "netflix-only" for r in rows)
    full = json.loads(_with(catalogue, "list", "--completeness", "full", "--json").stdout)
    assert full and all(r["completeness"] == "full" for r in full)


def test_reading_workbooks_without_the_extra_says_which_to_install(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It names the pip of the Python kdrama runs in and the extra's package, not
    "pip install 'kdrama-cli[netflix]'", which no package index holds (walk 41)."""
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setattr(sys, "executable", "/opt/kd/bin/python")
    result = run("data", "netflix", str(WORKBOOKS[0]))
    assert result.exit_code == 1
    assert "/opt/kd/bin/python -m pip install 'python-calamine>=0.2'" in result.stderr
    assert "kdrama-cli[netflix]" not in result.stderr


def test_a_workbook_that_is_not_a_report_is_refused(run: Run, tmp_path: Path) -> None:
    import zipfile

    fake = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    result = run("data", "netflix", str(fake))
    assert result.exit_code == 1
    assert "fake.xlsx" in result.stderr


# --- the shipped catalogue ---------------------------------------------------------------------


def test_the_shipped_catalogue_counts_every_korean_title_netflix_reports(run_shipped: Run) -> None:
    report = json.loads(run_shipped("data", "check", "--json").stdout)
    assert report["ok"]
    assert report["counts"]["shows"] >= 1500


def test_the_glory_leads_the_first_report(run_shipped: Run) -> None:
    board = json.loads(
        run_shipped("top", "--metric", "report-hours", "--report", "2023H1", "--json").stdout
    )
    first = board["entries"][0]
    assert first["show"] == "the-glory"
    assert first["value"] == 622_800_000


@pytest.mark.skipif(not ENGAGEMENT_TSV.is_file(), reason="needs ../shared beside the repo")
def test_random_works_show_their_hangul_title_and_every_report_figure(run_shipped: Run) -> None:
    """Korean works picked at random from Netflix's reports (the trimmed TSV copy in ../shared):
    asked for by their English title, each gives its Hangul title and every half-year figure."""
    from kdrama_cli.catalogue.engagement import split_label

    with open(ENGAGEMENT_TSV, encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    by_title: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        english, _, original = row["Title"].partition(" // ")
        if original:
            by_title.setdefault(split_label(english)[0], []).append(row)
    unique = sorted(
        title
        for title, found in by_title.items()
        if len({r["Title"].split(" // ")[1].split(":")[0] for r in found}) == 1
        and len({split_label(r["Title"].split(" // ")[0])[2] for r in found}) == 1
    )
    picked = random.Random(20261130).sample(unique, 25)
    answered = 0
    for title in picked:
        result = run_shipped("show", title, "--json")
        if result.exit_code == 2:  # an English title shared with a curated title's alias
            continue
        assert result.exit_code == 0, (title, result.output)
        data = json.loads(result.stdout)
        assert data["korean_title"], title
        for row in by_title[title]:
            key = row["report"][:4] + ("H1" if "Jan" in row["report"] else "H2")
            hours = {r["hours"] for r in data["reports"] if r["report"] == key}
            assert int(row["Hours Viewed"]) in hours, (title, key, hours)
        answered += 1
    assert answered >= 20


def _row(
    report: str, sheet: str, english: str, original: str, hours: float, runtime: int | None = None
) -> object:
    from kdrama_cli.catalogue.engagement import Row

    return Row(report, sheet, 1, english, original, True, None, hours, runtime, None)


def _reports(*rows: object) -> list[object]:
    import datetime as dt

    from kdrama_cli.catalogue.engagement import Report

    ends = {
        "2023H1": dt.date(2023, 6, 30),
        "2023H2": dt.date(2023, 12, 31),
        "2024H1": dt.date(2024, 6, 30),
    }
    reports = {key: Report(key, end) for key, end in ends.items()}
    for row in rows:
        reports[row.report].rows.append(row)  # type: ignore[attr-defined]
    return list(reports.values())


def test_an_unlabelled_first_report_row_is_the_series_later_reports_label() -> None:
    """2023 January-June has one sheet for films and series, and Netflix left some series
    without a season label there ('Misaeng: Incomplete Life') that it labels 'Limited Series'
    in the TV sheets after it: one series with one season, not a film beside a series."""
    from kdrama_cli.catalogue.engagement import group_works

    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Misaeng: Incomplete Life", "미생", 11_400_000),
            _row(
                "2023H2",
                "TV",
                "Misaeng: Incomplete Life: Limited Series",
                "미생: 리미티드 시리즈",
                5e6,
            ),
            _row("2023H1", "", "Boys Over Flowers: Volume 1", "꽃보다 남자: 1권", 45_300_000),
            _row(
                "2023H2",
                "TV",
                "Boys Over Flowers: Limited Series",
                "꽃보다 남자: 리미티드 시리즈",
                3e7,
            ),
        ),
        {},
    )
    assert notes == []
    assert [(w.kind, w.korean_title, sorted(w.seasons[1])) for w in works] == [
        ("series", "꽃보다 남자", ["2023H1", "2023H2"]),
        ("series", "미생", ["2023H1", "2023H2"]),
    ]


def test_an_unlabelled_row_beside_a_labelled_season_in_one_report_is_another_work() -> None:
    """The 2001 film 'My Sassy Girl' and the series' 'My Sassy Girl: Season 1' share both titles
    in the first report: the unlabelled row stays a film of its own."""
    from kdrama_cli.catalogue.engagement import group_works

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "My Sassy Girl", "엽기적인 그녀", 1e6),
            _row("2023H1", "", "My Sassy Girl: Season 1", "엽기적인 그녀: 시즌 1", 2e6),
            _row("2023H2", "TV", "My Sassy Girl: Season 1", "엽기적인 그녀: 시즌 1", 3e6),
        ),
        {},
    )
    assert sorted((w.kind, sorted(w.seasons)) for w in works) == [("film", [0]), ("series", [1])]


def test_a_first_report_series_numbered_in_both_titles_is_the_season_later_reports_make_it() -> (
    None
):
    """'Voice 2 // 보이스 2' is in both 2023 reports: the TV sheet's row was season 2 of Voice,
    and the first report's (one sheet for films and series) a work of its own, so one season's
    figures went to two titles, and `seen add voice` marked a season 2 of a title with no
    season 1 beside a title 'Voice 2' of the same season."""
    from kdrama_cli.catalogue.engagement import group_works

    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Voice 2", "보이스 2", 2_500_000),
            _row("2023H2", "TV", "Voice 2", "보이스 2", 2_300_000),
        ),
        {},
    )
    assert notes == []
    assert [(w.kind, w.title, w.korean_title, sorted(w.seasons[2])) for w in works] == [
        ("series", "Voice", "보이스", ["2023H1", "2023H2"])
    ]
    assert all(sorted(w.seasons) == [2] for w in works)


def test_the_shipped_catalogue_holds_voice_2_as_voice_s_season_2(run_shipped: Run) -> None:
    voice = json.loads(run_shipped("show", "voice", "--json").stdout)
    assert [s["number"] for s in voice["seasons"]] == [2]
    hours = {(r["report"], r["season"]): r["hours"] for r in voice["reports"]}
    assert hours == {("2023H1", 2): 2_500_000, ("2023H2", 2): 2_300_000}
    again = json.loads(run_shipped("show", "voice 2", "--json").stdout)  # its season 2
    assert (again["slug"], [s["number"] for s in again["seasons"]]) == ("voice", [2])
    assert "voice-2" not in {t["slug"] for t in json.loads(run_shipped("list", "--json").stdout)}


def test_the_shipped_catalogue_has_one_entry_per_work(run_shipped: Run) -> None:
    """No Netflix-only copy of a curated series from an unlabelled first-report row."""
    titles = json.loads(run_shipped("list", "--json").stdout)
    by_hangul: dict[str, list[str]] = {}
    for entry in titles:
        if entry["korean_title"] in ("미생", "구미호뎐", "황금빛 내 인생", "이브", "꽃보다 남자"):
            by_hangul.setdefault(entry["korean_title"], []).append(entry["slug"])
    assert by_hangul == {
        "미생": ["misaeng"],
        "구미호뎐": ["tale-of-the-nine-tailed"],
        "황금빛 내 인생": ["my-golden-life"],
        "이브": ["eve"],
        "꽃보다 남자": ["boys-over-flowers"],
    }
    misaeng = json.loads(run_shipped("show", "misaeng", "--json").stdout)
    assert {r["report"] for r in misaeng["reports"]} >= {"2023H1", "2023H2"}
    assert 11_400_000 in {r["hours"] for r in misaeng["reports"] if r["report"] == "2023H1"}


def test_one_work_titled_two_ways_or_moved_to_the_other_sheet_is_one_work() -> None:
    """Netflix titles the film 'Wish // 바람: Wish' in one report and 'Wish // 바람' in the next,
    and moved the 42-minute 'Pinkfong & Hogi Mini-Movie' from the Film sheet to the TV sheet:
    each is one work (filed as the latest report files it), its figures on one entry. Titles
    alike with another runtime stay apart."""
    from kdrama_cli.catalogue.engagement import group_works

    hogi = ("Pinkfong & Hogi Mini-Movie: The Tricky Three Cars", "핑크퐁 원더스타 특별편: 호기")
    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H2", "Film", "Wish", "바람: Wish", 1_300_000, 108),
            _row("2024H1", "Film", "Wish", "바람", 400_000, 108),
            _row("2023H2", "Film", *hogi, 100_000, 42),
            _row("2024H1", "TV", *hogi, 1_000_000, 42),
            _row("2023H2", "Film", "The Phone", "더 폰", 300_000, 114),
            _row("2024H1", "TV", "The Phone", "더 폰", 200_000, 600),
        ),
        {},
    )
    assert notes == []
    assert sorted((w.kind, w.korean_title, sorted(w.reports)) for w in works) == [
        ("film", "더 폰", ["2023H2"]),
        ("film", "바람", ["2023H2", "2024H1"]),
        ("series", "더 폰", ["2024H1"]),
        ("series", "핑크퐁 원더스타 특별편: 호기", ["2023H2", "2024H1"]),
    ]


def test_a_work_titled_in_hangul_alone_then_with_an_english_title_is_one_work() -> None:
    """Netflix titles the film '침묵' in Hangul alone in four reports and 'Heart Blackened //
    침묵' in the fifth, with the same runtime (2:05): one film, whose entry holds every
    report, not a '침묵' entry beside a 'Heart Blackened' one each holding part of them. A
    Hangul-only row stays apart from a titled work of another runtime, from one the same report
    also lists, and from two titled works of its Hangul title (which would it be?)."""
    from kdrama_cli.catalogue.engagement import group_works

    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "침묵", "침묵", 400_000),
            _row("2023H2", "Film", "침묵", "침묵", 200_000, 125),
            _row("2024H1", "Film", "Heart Blackened", "침묵", 300_000, 125),
            _row("2023H2", "Film", "괴물", "괴물", 100_000, 110),
            _row("2024H1", "Film", "The Host", "괴물", 500_000, 119),
            _row("2023H2", "Film", "표적", "표적", 100_000, 98),
            _row("2023H2", "Film", "The Target", "표적", 100_000, 98),
            _row("2023H2", "Film", "마녀", "마녀", 100_000, 125),
            _row("2024H1", "Film", "The Witch", "마녀", 100_000, 125),
            _row("2024H1", "Film", "The Witch 2", "마녀", 100_000, 125),
        ),
        {},
    )
    assert notes == []
    assert sorted((w.title, sorted(w.reports)) for w in works) == [
        ("Heart Blackened", ["2023H1", "2023H2", "2024H1"]),
        ("The Host", ["2024H1"]),
        ("The Target", ["2023H2"]),
        ("The Witch", ["2024H1"]),
        ("The Witch 2", ["2024H1"]),
        ("괴물", ["2023H2"]),
        ("마녀", ["2023H2"]),
        ("표적", ["2023H2"]),
    ]
    (film,) = [w for w in works if w.title == "Heart Blackened"]
    assert film.labels[0] == {"침묵", "Heart Blackened"}


def test_the_shipped_catalogue_has_one_entry_for_heart_blackened(run_shipped: Run) -> None:
    """It was two: 'chimmuk' (침묵) with January-June 2023 to July-December 2024, and
    'heart-blackened' with January-June 2025 alone."""
    film = json.loads(run_shipped("show", "heart-blackened", "--json").stdout)
    hours = {r["report"]: (r["netflix_title"], r["hours"]) for r in film["reports"]}
    assert hours == {
        "2023H1": ("침묵", 400_000),
        "2023H2": ("침묵", 200_000),
        "2024H1": ("침묵", 300_000),
        "2024H2": ("침묵", 200_000),
        "2025H1": ("Heart Blackened", 200_000),
    }
    slugs = {t["slug"] for t in json.loads(run_shipped("list", "--json").stdout)}
    assert "chimmuk" not in slugs
    again = json.loads(run_shipped("show", "침묵", "--json").stdout)
    assert again["slug"] == "heart-blackened"


def test_titles_the_latest_report_lists_on_both_sheets_stay_apart() -> None:
    """A work moved to the other sheet is filed as the latest report files it, but when that
    report lists the same titles with the same runtime on both sheets, it names no one sheet:
    the film stays a film and the series a series, whatever order the rows come in."""
    from kdrama_cli.catalogue.engagement import group_works

    for order in (1, -1):
        rows = [
            _row("2024H1", "Film", "Twin", "쌍둥이", 100_000, 90),
            _row("2024H1", "TV", "Twin", "쌍둥이", 200_000, 90),
        ][::order]
        works, _ = group_works(_reports(*rows), {})  # type: ignore[arg-type]
        assert sorted(w.kind for w in works) == ["film", "series"]


def test_a_season_the_hangul_title_names_by_its_year_is_the_season_english_numbers() -> None:
    """'Detectives: The Trade Secret: Season 1 // 탐정들의 영업비밀: 2024' is the season the report
    before titled '…: Season 1 // 탐정들의 영업비밀: 시즌1': one season of one work. A year that
    is part of a Hangul name, with no colon before it ('응답하라 1988'), stays in the name."""
    from kdrama_cli.catalogue.engagement import group_works

    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row(
                "2023H2",
                "TV",
                "Detectives: The Trade Secret: Season 1",
                "탐정들의 영업비밀: 시즌1",
                2e6,
            ),
            _row(
                "2024H1",
                "TV",
                "Detectives: The Trade Secret: Season 1",
                "탐정들의 영업비밀: 2024",
                8e6,
            ),
            _row("2024H1", "TV", "Reply 1988: Season 1", "응답하라 1988", 9e6),
        ),
        {},
    )
    assert notes == []
    assert sorted((w.korean_title, sorted(w.seasons[1])) for w in works) == [
        ("응답하라 1988", ["2024H1"]),
        ("탐정들의 영업비밀", ["2023H2", "2024H1"]),
    ]


def test_the_shipped_catalogue_has_one_entry_for_wish_and_for_the_hogi_mini_movie(
    run_shipped: Run,
) -> None:
    slugs = {t["slug"] for t in json.loads(run_shipped("list", "--json").stdout)}
    assert {"wish", "pinkfong-hogi-mini-movie-the-tricky-three-cars"} <= slugs
    assert not {"wish-film", "pinkfong-hogi-mini-movie-the-tricky-three-cars-series"} & slugs
    wish = json.loads(run_shipped("show", "wish", "--json").stdout)
    assert (wish["korean_title"], sorted(r["report"] for r in wish["reports"])) == (
        "바람",
        ["2024H1", "2024H2", "2025H1"],
    )


def test_a_labelled_first_report_row_stays_a_season() -> None:
    """Only a row Netflix left unlabelled borrows a later sheet: 'Tazza: Season 1' is a season
    of a series even when a later report lists a film titled 'Tazza' with the same Hangul."""
    from kdrama_cli.catalogue.engagement import group_works

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Tazza: Season 1", "타짜: 시즌 1", 2e6),
            _row("2023H2", "Film", "Tazza", "타짜", 1e6),
        ),
        {},
    )
    assert sorted((w.kind, sorted(w.seasons)) for w in works) == [("film", [0]), ("series", [1])]


def test_a_show_whose_seasons_netflix_names_by_year_is_one_series() -> None:
    """'Men on a Mission: 2019' and ': 2020' (아는 형님: 2019, 2020) are seasons of one series,
    numbered in the order of their years whatever the reports' order, each under Netflix's own
    title; 'Tasty Guys' has no sheet in the first report and is still a series, not films."""
    from kdrama_cli.catalogue.engagement import group_works

    works, notes = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Men on a Mission: 2020", "아는 형님: 2020", 2e6),
            _row("2023H2", "TV", "Men on a Mission: 2019", "아는 형님: 2019", 1e6),
            _row("2023H2", "TV", "Men on a Mission: 2023", "아는 형님", 3e6),
            _row("2023H1", "", "Tasty Guys: 2018-2019", "맛있는 녀석들: 시즌 2018-2019", 4e5),
            _row("2023H1", "", "Tasty Guys: 2021", "맛있는 녀석들: 시즌 2021", 7e5),
            _row("2023H1", "", "Love Naggers: 2019/2020", "연애의 참견: 2019/2020", 1e5),
            _row(
                "2023H2",
                "TV",
                "Brave Detectives: Season 4: 2024",
                "용감한 형사들: 시즌4: 2024",
                1e5,
            ),
        ),
        {},
    )
    assert notes == []
    found = {w.title: (w.kind, w.korean_title, dict(w.labels)) for w in works}
    assert found == {
        "Men on a Mission": (
            "series",
            "아는 형님",
            {
                1: {"Men on a Mission: 2019"},
                2: {"Men on a Mission: 2020"},
                3: {"Men on a Mission: 2023"},
            },
        ),
        "Tasty Guys": (
            "series",
            "맛있는 녀석들",
            {1: {"Tasty Guys: 2018-2019"}, 2: {"Tasty Guys: 2021"}},
        ),
        "Love Naggers": ("series", "연애의 참견", {1: {"Love Naggers: 2019/2020"}}),
        # A numbered season keeps its number, whatever year follows it.
        "Brave Detectives": ("series", "용감한 형사들", {4: {"Brave Detectives: Season 4: 2024"}}),
    }


def test_year_named_rows_beside_numbered_seasons_stay_as_netflix_titles_them() -> None:
    """'upGRADE you: Teachers' has 'Season 1' and 'Season 2' and also rows named 2023 and
    2024: no report says where the years fall among the numbered seasons, so nothing is
    merged that Netflix's titles do not tie together."""
    from kdrama_cli.catalogue.engagement import group_works

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row(
                "2023H1", "", "upGRADE you: Teachers: Season 1", "성적을 부탁해: 티처스: 시즌1", 1e6
            ),
            _row("2023H2", "TV", "upGRADE you: Teachers: 2023", "성적을 부탁해: 티처스: 2023", 2e6),
        ),
        {},
    )
    assert sorted((w.title, sorted(w.seasons)) for w in works) == [
        ("upGRADE you: Teachers", [1]),
        ("upGRADE you: Teachers: 2023", [1]),
    ]


def test_the_shipped_catalogue_has_one_entry_for_a_show_named_by_years(run_shipped: Run) -> None:
    show = json.loads(run_shipped("show", "Men on a Mission", "--json").stdout)
    assert show["slug"] == "men-on-a-mission" and show["kind"] == "series"
    titles = [t for s in show["seasons"] for t in s["netflix_titles"]]
    assert titles[:2] == ["Men on a Mission: 2019", "Men on a Mission: 2020"]
    assert len(show["seasons"]) == 7
    listed = json.loads(run_shipped("list", "--json").stdout)
    assert not [t["slug"] for t in listed if t["slug"].startswith("tasty-guys-")]


def test_entries_netflix_titles_alike_that_stay_apart_link_to_each_other(
    run_shipped: Run,
) -> None:
    """'Running Man' has seasons with no label and others named 2024 and 2025: they stay
    apart (no report says how they line up), and each page links to the others."""

    def related(slug: str) -> list[str]:
        return json.loads(run_shipped("show", slug, "--json").stdout)["related"]

    assert related("running-man") == ["running-man-2024", "running-man-2025"]
    assert related("running-man-2024") == ["running-man", "running-man-2025"]
    assert related("men-on-a-mission") == []  # one series: nothing apart to link
    assert (
        "Related: Running Man: 2024 (running-man-2024)"
        in run_shipped("show", "running-man", env={"COLUMNS": "120"}).output
    )


def test_year_labels_keep_apart_what_netflix_keeps_apart() -> None:
    """'2019' and '2019/20' are two seasons (in that order); '2022.11-' is a year label too;
    films Netflix names by year stay films of their own."""
    from kdrama_cli.catalogue.engagement import group_works

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Love Talk: 2019/20", "연애토크: 2019/20", 1e5),
            _row("2023H1", "", "Love Talk: 2019", "연애토크: 2019", 1e5),
            _row("2023H1", "", "Ask Us: 2022.11-", "물어보살: 2022.11-", 1e5),
            _row("2023H2", "TV", "Ask Us: 2021-2022", "물어보살: 2021-2022", 1e5),
            _row("2023H2", "Film", "Concert Film: 2022", "콘서트: 2022", 1e5),
            _row("2023H2", "Film", "Concert Film: 2023", "콘서트: 2023", 1e5),
        ),
        {},
    )
    found = sorted((w.kind, w.title, dict(w.labels)) for w in works)
    assert found == [
        ("film", "Concert Film: 2022", {0: {"Concert Film: 2022"}}),
        ("film", "Concert Film: 2023", {0: {"Concert Film: 2023"}}),
        ("series", "Ask Us", {1: {"Ask Us: 2021-2022"}, 2: {"Ask Us: 2022.11-"}}),
        ("series", "Love Talk", {1: {"Love Talk: 2019"}, 2: {"Love Talk: 2019/20"}}),
    ]


def test_seasons_numbered_here_go_only_where_a_curated_entry_declares_them(
    write_dataset: Callable[[str], Path],
) -> None:
    """The numbers given to year-named seasons are kdrama's, not Netflix's: a curated show with
    the same Hangul title gets only the seasons it declares by their Netflix titles."""
    from kdrama_cli.catalogue.engagement import group_works, place
    from kdrama_cli.catalogue.loader import load_dataset

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Men on a Mission: 2020", "아는 형님: 2020", 2e6),
            _row("2023H2", "TV", "Men on a Mission: 2023", "아는 형님: 2023", 3e6),
        ),
        {},
    )
    seasons = "".join(
        f"""
[[shows.seasons]]
number = {n}
status = "released"
release_date = {year}-12-05
episodes = 50
sources = ["c"]
{declared}"""
        for n, year, declared in (
            (1, 2015, ""),
            (2, 2023, 'netflix_titles = ["Men on a Mission: 2023"]\n'),
        )
    )
    dataset = load_dataset(
        [
            write_dataset(
                f"""[meta]
schema = 1

[[citations]]
id = "c"
url = "https://example.org/knowing-bros"
title = "Knowing Bros"
publisher = "Example Press"

[[shows]]
slug = "knowing-bros"
title = "Knowing Bros"
korean_title = "아는 형님"
kind = "reality"
platform = "JTBC"
genres = ["variety"]
synopsis = "A made-up variety show."
sources = ["c"]
{seasons}"""
            )
        ]
    )
    placed, notes = place(works, dataset)
    (placement,) = placed.values()
    assert placement.slug == "knowing-bros"
    assert dict(placement.seasons) == {2: 2}  # ': 2023' where declared; ': 2020' nowhere
    assert notes == ["knowing-bros: no season for Netflix's 'Men on a Mission: 2020'; not attached"]


def test_a_first_report_row_no_file_places_is_of_unknown_kind() -> None:
    """'Heartstrings' (a 2011 drama) appears only in the 2023 January-June report, which does
    not say TV or film, and no later file places it: it is kept as one release, but its kind
    is unknown rather than guessed "film". A row a later report places keeps its kind."""
    from kdrama_cli.catalogue.engagement import catalogue
    from kdrama_cli.catalogue.loader import load_dataset

    made = catalogue(
        _reports(  # type: ignore[arg-type]
            _row("2023H1", "", "Heartstrings", "넌 내게 반했어", 1e5),
            _row("2023H1", "", "Oasis", "오아시스", 1e5),
            _row("2023H2", "Film", "Oasis", "오아시스", 2e5),
        ),
        load_dataset([MINI]),
        {},
    )
    entries = {e["title"]: e for e in made.shows}
    assert {title: e["kind"] for title, e in entries.items()} == {
        "Heartstrings": "unknown",
        "Oasis": "film",
    }
    # One release each: no seasons, its Netflix title kept whole.
    assert all("seasons" not in e for e in entries.values())
    assert entries["Heartstrings"]["netflix_titles"] == ["Heartstrings"]


def test_the_shipped_unknown_kind_titles_say_so_and_stay_out_of_kind_filters(
    run_shipped: Run,
) -> None:
    page = run_shipped("show", "heartstrings").stdout
    assert "on Netflix · TV or film not given by Netflix" in page
    assert json.loads(run_shipped("show", "heartstrings", "--json").stdout)["kind"] == "unknown"
    films = {e["slug"] for e in json.loads(run_shipped("list", "--kind", "film", "--json").stdout)}
    unknown = json.loads(run_shipped("list", "--kind", "unknown", "--json").stdout)
    assert "heartstrings" in {e["slug"] for e in unknown} and "heartstrings" not in films
    assert all(e["completeness"] == "netflix-only" for e in unknown)


def test_only_netflix_record_may_leave_its_kind_unknown(run: Run, tmp_path: Path) -> None:
    from tests.conftest import MINI

    text = MINI.read_text(encoding="utf-8").replace('kind = "film"', 'kind = "unknown"', 1)
    path = tmp_path / "shows.toml"
    path.write_text(text, encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert "only Netflix's record alone (netflix_only) may have an unknown kind" in result.output


def test_a_label_only_the_hangul_title_has_names_another_work_unless_it_is_the_first() -> None:
    """'Squid Game: Making Season 2 // 오징어 게임: 시즌2 제작 이야기' is a documentary about the
    show, not season 1 of it, and 'Sex Is Zero II // 색즉시공 시즌 2' is the sequel film, not
    the film 색즉시공; 'Pale Moon // 종이달: Limited Series' is the series itself."""
    from kdrama_cli.catalogue.engagement import group_works

    works, _ = group_works(
        _reports(  # type: ignore[arg-type]
            _row("2023H2", "TV", "Squid Game: Season 2", "오징어 게임: 시즌 2", 6e8),
            _row(
                "2023H2", "TV", "Squid Game: Making Season 2", "오징어 게임: 시즌2 제작 이야기", 4e6
            ),
            _row("2023H2", "Film", "Sex Is Zero", "색즉시공", 2e5),
            _row("2023H2", "Film", "Sex Is Zero II", "색즉시공 시즌 2", 1e5),
            _row("2023H2", "TV", "Pale Moon", "종이달: Limited Series", 3e6),
        ),
        {},
    )
    assert sorted((w.korean_title, w.title, w.kind, sorted(w.seasons)) for w in works) == [
        ("색즉시공", "Sex Is Zero", "film", [0]),
        ("색즉시공 시즌 2", "Sex Is Zero II", "film", [0]),
        ("오징어 게임", "Squid Game", "series", [2]),
        ("오징어 게임: 시즌2 제작 이야기", "Squid Game: Making Season 2", "series", [1]),
        ("종이달", "Pale Moon", "series", [1]),
    ]


HANGUL_BASES = [
    # the label both titles have: the season's own base
    ("오징어 게임: 시즌 2", "Season 2", "오징어 게임"),
    ("꽃보다 남자: 1권", "Volume 1", "꽃보다 남자"),
    # a label only the Hangul title has: the work's own first or only season...
    ("종이달: Limited Series", None, "종이달"),
    ("미생: 리미티드 시리즈", None, "미생"),
    ("엽기적인 그녀: 시즌 1", None, "엽기적인 그녀"),
    ("꽃보다 남자: 1권", None, "꽃보다 남자"),
    # ...unless it names another, which is kept whole
    ("오징어 게임: 시즌2 제작 이야기", None, "오징어 게임: 시즌2 제작 이야기"),
    ("오징어 게임: 시즌1 제작 이야기", None, "오징어 게임: 시즌1 제작 이야기"),
    ("피지컬: 100 시즌 1 비하인드", None, "피지컬: 100 시즌 1 비하인드"),
    ("종이달: 리미티드 시리즈 스페셜", None, "종이달: 리미티드 시리즈 스페셜"),
    ("색즉시공 시즌 2", None, "색즉시공 시즌 2"),
    ("꽃보다 남자: 2권", None, "꽃보다 남자: 2권"),
    ("꽃보다 남자 2권", None, "꽃보다 남자 2권"),
    # no label, or a year (split_year_label reads those): untouched
    ("미생", None, "미생"),
    ("아는 형님: 2019", None, "아는 형님: 2019"),
    ("아는 형님: 2018-2019", None, "아는 형님: 2018-2019"),
    ("맛있는 녀석들: 2022.11-", None, "맛있는 녀석들: 2022.11-"),
]


@pytest.mark.parametrize(("original", "english_label", "base"), HANGUL_BASES)
def test_the_hangul_base_drops_only_a_label_that_is_the_works_own_season(
    original: str, english_label: str | None, base: str
) -> None:
    """A volume is numbered like a season: '2권' (volume 2) only the Hangul title has names
    another work, as '시즌 2' does, and is never read as volume 1 of the work."""
    from kdrama_cli.catalogue.engagement import hangul_base

    assert hangul_base(original, english_label) == base


def test_a_volume_label_gives_its_number() -> None:
    from kdrama_cli.catalogue.engagement import split_label

    assert split_label("Boys Over Flowers: 2권")[2] == 2
    assert split_label("Boys Over Flowers: Volume 2")[2] == 2
    assert split_label("Boys Over Flowers: Limited Series")[2] == 1


def test_squid_game_s_figures_are_its_seasons_only(run_shipped: Run) -> None:
    """The making-of special Netflix reports beside the show is its own record, not a second
    'season 1' row of the same report on Squid Game's page."""
    reports = json.loads(run_shipped("show", "squid-game", "--json").stdout)["reports"]
    keys = [(r["report"], r["season"]) for r in reports]
    assert len(keys) == len(set(keys))
    assert 4_700_000 not in {r["hours"] for r in reports}
    # the special's Hangul title begins with Squid Game's and its season: each query finds
    # what it names
    for query, slug, seasons in (
        ("오징어 게임 시즌2", "squid-game", [2]),
        ("squid game making season 2", "squid-game-making-season-2", [1]),
    ):
        found = json.loads(run_shipped("show", query, "--json").stdout)
        assert (found["slug"], [s["number"] for s in found["seasons"]]) == (slug, seasons)
    making = json.loads(run_shipped("show", "squid-game-making-season-2", "--json").stdout)
    assert making["korean_title"] == "오징어 게임: 시즌2 제작 이야기"
    assert {r["hours"] for r in making["reports"]} == {4_700_000}


def test_a_season_netflix_split_in_one_report_names_its_parts_in_a_column(
    run_shipped: Run,
) -> None:
    """Netflix reports Brave Detectives' season 4 in two rows of January-June 2025 ("Season 4:
    2024", "Season 4: 2025"): each row says which, in a column of its own, not on a loose line
    under the report that reads as a broken row."""
    page = run_shipped("show", "brave-detectives", env={"COLUMNS": "100"}).stdout
    rows = [line.split() for line in page.splitlines() if line.startswith("2025 Jan–Jun")]
    assert [row[:6] for row in rows] == [
        ["2025", "Jan–Jun", "4", "Season", "4:", "2024"],
        ["2025", "Jan–Jun", "4", "Season", "4:", "2025"],
    ]
    assert "Netflix's" in page and not any(
        line.startswith("Brave Detectives: Season") for line in page.splitlines()
    )
    # On a narrow terminal Netflix's label gives way before the Season, which every row has,
    # and the note under the table names it.
    narrow = run_shipped("show", "brave-detectives", env={"COLUMNS": "40"}).stdout
    header = next(line for line in narrow.splitlines() if line.startswith("Report"))
    assert header.split()[:2] == ["Report", "Season"]
    assert "Left out at 40 columns: Netflix's" in narrow


def test_a_generated_entry_is_filed_under_the_title_its_netflix_titles_begin_with(
    run_shipped: Run,
) -> None:
    """Netflix's making-of ('Squid Game: Making Season 2 // 오징어 게임: 시즌2 제작 이야기') and
    talk were records nothing led to: each is a companion of Squid Game, and Squid Game's page
    lists them, though only the generated file names the link. They are not sequels: neither
    side lists the other among its related titles."""
    squid = json.loads(run_shipped("show", "squid-game", "--json").stdout)
    companions = {"squid-game-making-season-2", "squid-game-in-conversation"}
    assert companions <= set(squid["companions"])
    assert squid["related"] == ["squid-game-the-challenge"]  # the curated spin-off only
    making = json.loads(run_shipped("show", "squid-game-making-season-2", "--json").stdout)
    assert (making["companion_of"], making["related"]) == ("squid-game", [])
    believer = json.loads(run_shipped("show", "believer", "--json").stdout)
    assert believer["companions"] == ["believer-extended-cut"] and believer["related"] == []
    # A title that only starts with a one-word title is not its companion.
    garden = json.loads(run_shipped("show", "secret-garden", "--json").stdout)
    assert (garden["companion_of"], garden["related"]) == (None, [])
    # The pages name them apart from the related titles, both ways.
    page = flat(run_shipped("show", "squid-game").stdout)
    assert (
        "Related: Squid Game: The Challenge (squid-game-the-challenge) On Netflix, titled after it:"
        in page
    )
    assert "Squid Game: Making Season 2 (squid-game-making-season-2)" in page
    page = flat(run_shipped("show", "believer-extended-cut").stdout)
    assert "On Netflix, titled after: Believer (believer)" in page
    assert "Related:" not in page


def test_link_companions_reads_both_titles_and_takes_the_longest() -> None:
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.netflix import link_companions

    dataset = load_dataset([MINI])

    def entry(slug: str, title: str, korean: str) -> dict[str, object]:
        return {"slug": slug, "title": title, "korean_title": korean}

    generated = [
        entry("voice", "Voice", "보이스"),
        entry("voice-2", "Voice 2", "보이스 2"),
        entry("voice-2-cut", "Voice 2: Director's Cut", "보이스 2: 감독판"),
        entry("voiceless", "Voice Lessons", "목소리 수업"),  # the Hangul does not begin alike
        entry("secret", "Secret", "시크릿"),
        entry("secret-garden", "Secret Garden", "시크릿 가든"),  # one word, then another word
    ]
    link_companions(generated, dataset)
    assert {e["slug"]: e.get("companion_of") for e in generated} == {
        "voice": None,
        "voice-2": "voice",
        "voice-2-cut": "voice-2",
        "voiceless": None,
        "secret": None,
        "secret-garden": None,
    }
    assert not any("related" in e for e in generated)  # a companion is not a sequel


def test_a_series_is_not_filed_under_a_film_of_a_short_title() -> None:
    """'The King: Eternal Monarch // 더 킹: 영원의 군주' (a 2020 series) begins with 'The King //
    더 킹' (a 2017 film) in both scripts, yet is no record of it: under a title of two words or
    fewer, a series is filed only under a title that is not a film. A film's extended cut, and
    a series under a longer film title, are still filed."""
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.netflix import link_companions

    def entry(slug: str, title: str, korean: str, kind: str) -> dict[str, object]:
        return {"slug": slug, "title": title, "korean_title": korean, "kind": kind}

    generated = [
        entry("the-king", "The King", "더 킹", "film"),
        entry(
            "the-king-eternal-monarch", "The King: Eternal Monarch", "더 킹: 영원의 군주", "series"
        ),
        entry("the-king-extended-cut", "The King: Extended Cut", "더 킹: 익스텐디드 컷", "unknown"),
        entry("the-cursed", "The Cursed", "방법", "series"),
        entry("the-cursed-prey", "The Cursed: Dead Man's Prey", "방법: 재차의", "film"),
        entry("long-way-home", "Long Way Home", "먼 귀갓길", "film"),
        entry(
            "long-way-home-series", "Long Way Home: The Series", "먼 귀갓길: 더 시리즈", "series"
        ),
    ]
    link_companions(generated, load_dataset([MINI]))
    assert {e["slug"]: e.get("companion_of") for e in generated} == {
        "the-king": None,
        "the-king-eternal-monarch": None,
        "the-king-extended-cut": "the-king",
        "the-cursed": None,
        "the-cursed-prey": "the-cursed",  # a film under a series: a spin-off film
        "long-way-home": None,
        "long-way-home-series": "long-way-home",
    }


def test_related_goes_both_ways(run: Run, add_data: Callable[..., list[str]]) -> None:
    """A layer links its own title to a shipped one it cannot edit: the shipped title's page
    lists it too."""
    from tests.made_up import META, film

    layer = add_data(
        META
        + film("night-train-redux").replace(
            'genres = ["drama"]', 'genres = ["drama"]\nrelated = ["night-train"]'
        ),
        "redux.toml",
    )
    night = json.loads(run(*layer, "show", "night-train", "--json").stdout)
    assert "night-train-redux" in night["related"]


def test_companion_of_is_seen_from_both_sides(run: Run, add_data: Callable[..., list[str]]) -> None:
    """A layer files its record under a shipped title: the title's page and --json list it as
    a companion, not as a related title, and `data check` refuses a companion of nothing."""
    from tests.made_up import META, film

    def layer(of: str) -> list[str]:
        entry = film("night-train-redux").replace(
            'genres = ["drama"]', f'genres = ["drama"]\ncompanion_of = "{of}"'
        )
        return add_data(META + entry, "redux.toml")

    night = json.loads(run(*layer("night-train"), "show", "night-train", "--json").stdout)
    assert (night["companions"], night["related"]) == (["night-train-redux"], [])
    redux = json.loads(run(*layer("night-train"), "show", "night-train-redux", "--json").stdout)
    assert (redux["companion_of"], redux["companions"]) == ("night-train", [])
    assert "On Netflix, titled after it: Night Train Redux (night-train-redux)" in flat(
        run(*layer("night-train"), "show", "night-train").stdout
    )
    wrong = run(*layer("night-trane"), "data", "check")
    assert wrong.exit_code == 1
    assert "companion_of" in wrong.stderr and "night-trane" in wrong.stderr
    # Both links to one title: the page would name it twice, so data check warns.
    twice = add_data(
        META
        + film("night-train-redux").replace(
            'genres = ["drama"]',
            'genres = ["drama"]\ncompanion_of = "night-train"\nrelated = ["night-train"]',
        ),
        "twice.toml",
    )
    checked = run(*twice, "data", "check", "--strict")
    assert checked.exit_code == 1
    assert "shows[night-train-redux].companion_of: 'night-train' is also in its related" in (
        checked.stderr
    )


@pytest.mark.parametrize(
    ("links", "said"),
    [
        # two that name each other: each page named the other twice, and --strict passed
        (
            {"night-train-redux": "night-train-cut", "night-train-cut": "night-train-redux"},
            [  # in file order: the redux is written first
                "shows[night-train-redux].companion_of: 'night-train-cut' is itself a companion "
                "(of 'night-train-redux')",
                "shows[night-train-cut].companion_of: 'night-train-redux' is itself a companion "
                "(of 'night-train-cut')",
            ],
        ),
        # a chain: the cut is titled after the redux, itself titled after Night Train
        (
            {"night-train-redux": "night-train", "night-train-cut": "night-train-redux"},
            [
                "shows[night-train-cut].companion_of: 'night-train-redux' is itself a companion "
                "(of 'night-train')"
            ],
        ),
        # both titled after Night Train: fine
        ({"night-train-redux": "night-train", "night-train-cut": "night-train"}, []),
    ],
)
def test_a_companion_of_a_companion_is_a_strict_warning(
    run: Run, add_data: Callable[..., list[str]], links: dict[str, str], said: list[str]
) -> None:
    """A companion names the title it is titled after, which is no companion itself (code
    review 11 COULD 6): a cycle of two, or a chain, is warned about, and fails --strict."""
    from tests.made_up import META, film

    layer = add_data(
        META
        + "".join(
            film(slug, ("seo-minho", "Himself")).replace(
                'genres = ["drama"]', f'genres = ["drama"]\ncompanion_of = "{of}"'
            )
            for slug, of in links.items()
        ),
        "companions.toml",
    )
    checked = run(*layer, "data", "check", "--strict")
    found = re.findall(r"shows\[[^]]+\]\.companion_of: [^;]*itself[^;]*", flat(checked.stderr))
    assert found == said
    assert checked.exit_code == (1 if said else 0), checked.stderr

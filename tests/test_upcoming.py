"""`kdrama upcoming`: coming seasons, stale news, and the --ics calendar read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from kdrama_cli.answers.upcoming import upcoming
from kdrama_cli.catalogue.models import Citation, Dataset, Season, Show
from kdrama_cli.cli import cli
from kdrama_cli.views.sheets import COLUMNS
from tests.conftest import KDRAMA, Run, as_json, flat, json_error, kdrama_on

TODAY = {"KDRAMA_TODAY": "2026-11-30"}

#: Made-up titles: two dated releases, one whose date has passed, one of old news, one of
#: fresh news without a date, and seasons that are not coming (released, airing, cancelled).
DATED = """
[meta]
schema = 1

[[citations]]
id = "c-harbour"
url = "https://example.org/harbour-lights-s2-date"
title = "Harbour Lights season 2 dated"
publisher = "Example Press"
date = 2026-10-01

[[citations]]
id = "c-paper"
url = "https://example.org/paper-moon-s2"
title = "Paper Moon season 2 in production"
publisher = "Example Press"
date = 2026-09-01

[[citations]]
id = "c-other"
url = "https://example.org/other"
title = "Other news"
publisher = "Example Press"
date = 2024-02-01

[[shows]]
slug = "harbour-lights"
title = "Harbour Lights"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up harbour drama."
sources = ["c-harbour"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2024-05-01
episodes = 8
sources = ["c-harbour"]

[[shows.seasons]]
number = 2
status = "announced"
status_date = 2026-10-01
as_of = 2026-11-01
release_date = 2027-03-05
note = "The second season was dated at a showcase."
sources = ["c-harbour", "c-other"]

[[shows]]
slug = "paper-moon"
title = "Paper Moon"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up moon drama."
sources = ["c-paper"]

[[shows.seasons]]
number = 1
status = "airing"
release_date = 2026-11-01
as_of = 2026-11-20
sources = ["c-paper"]

[[shows.seasons]]
number = 2
status = "in-production"
as_of = 2026-09-01
release_date = 2027-01-15
sources = ["c-paper"]

[[shows]]
slug = "late-bloom"
title = "Late Bloom"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up drama whose date has passed."
sources = ["c-other"]

[[shows.seasons]]
number = 1
status = "announced"
as_of = 2026-05-01
release_date = 2026-06-01
sources = ["c-other"]

[[shows]]
slug = "old-rumour"
title = "Old Rumour"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up drama with old news."
sources = ["c-other"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-01-01
episodes = 10
sources = ["c-other"]

[[shows.seasons]]
number = 2
status = "renewed"
status_date = 2023-01-10
as_of = 2024-02-01
sources = ["c-other"]

[[shows.seasons]]
number = 3
status = "cancelled"
as_of = 2024-02-01
sources = ["c-other"]

[[shows]]
slug = "fresh-news"
title = "Fresh News"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up drama with fresh news."
sources = ["c-other"]

[[shows.seasons]]
number = 1
status = "renewed"
as_of = 2026-11-20
sources = ["c-other"]
"""


@pytest.fixture
def dated(write_dataset: Callable[[str], Path]) -> Run:
    """Run kdrama on the DATED dataset, on 2026-11-30."""
    path = write_dataset(DATED)

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(
            cli, ["--data", str(path), *args], env={**TODAY, **(env or {})}, catch_exceptions=False
        )

    return run


def _entries(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    seasons: list[dict[str, object]] = json.loads(result.stdout)["seasons"]
    return seasons


# --- the shipped catalogue ---------------------------------------------------------------------


@pytest.mark.parametrize("width", ["60", "40"])
def test_a_narrow_page_moves_the_flags_under_the_status(run_shipped: Run, width: str) -> None:
    """When As of (and Release) give way, their "stale" and "passed" go under the Status: the
    legend below the table never explains a word the table no longer shows."""
    out = run_shipped("upcoming", env={**TODAY, "COLUMNS": width}).stdout
    rows = out.split("\nNews\n")[0].split("\nLeft out at")[0]  # the table, not its notes
    assert "As of" not in rows.splitlines()[3]  # the header: As of has given way
    plan = rows.rsplit("The Devil's Plan", 1)[1].splitlines()
    assert "stale" in plan[1]  # under "renewed"
    title, *under = rows.split("\nBetter Late Than Single", 1)[1].splitlines()[:4]
    status = len("Better Late Than Single") + title.index("announced")
    stale = next(line for line in under if "stale" in line)
    assert stale.index("stale") == status  # under "announced", not in an As of column
    assert any("passed" in line for line in under)
    assert "stale: the catalogue's latest news of the season" in flat(out)


def test_shipped_page_at_80_columns(run_shipped: Run) -> None:
    """At 80 columns the shipped page fits with nothing cut: its widest dates (Brave Detectives
    S5's passed release day beside the longest slug) leave no room for Since, which gives way
    with a note; one column more shows it."""
    narrow = flat(run_shipped("upcoming", env={**TODAY, "COLUMNS": "80"}).stdout)
    assert "Left out at 80 columns: Since (COLUMNS=81 shows it; --csv has every column)." in narrow
    assert "All of Us Are Dead S2 in production 2026-02-22 — all-of-us-are-dead" in narrow
    result = run_shipped("upcoming", env={**TODAY, "COLUMNS": "81"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    text = flat(out)
    # The title with its season, status, since, as of, release; the slug under the title (a
    # release window makes the Release column).
    assert "All of Us Are Dead S2 in production 2025-07-23 2026-02-22 — all-of-us-are-dead" in text
    # Announced for Q2 2026: passed by November, so stale.
    assert "Better Late Than Single S2 announced 2026-01-21 2026-01-21 Q2 2026" in text
    assert "better-late-than-single on Netflix stale passed" in text
    # Signal S2's release was put off with no new date: no window, so nothing has passed.
    assert "Signal S2 in production 2025-03-05 2026-02-13 — signal" in text
    assert "Squid Game: The Challenge S3" in text
    assert "no upcoming release date in the catalogue" in text
    # The Devil's Plan S3's news is from September 2025, more than a year old: flagged, and the
    # flag explained.
    rows = out.split("\nNews\n")[0]
    plan = rows.rsplit("The Devil's Plan", 1)[1].splitlines()[:2]
    assert "2025-09-02" in plan[0]
    assert plan[1].split() == ["the-devils-plan", "stale"]  # under As of, beside the slug
    assert "stale: the catalogue's latest news of the season is from before 2025-11-30" in text
    assert "passed: the announced release date or window is before today (2026-11-30)" in text
    # Nothing cut: the table and its notes fit 81 columns (only URLs run on, unbroken).
    assert "…" not in rows  # (source titles quote "…" themselves)
    assert all(len(line) <= 81 for line in out.splitlines() if "://" not in line)
    # Every numbered source is referred to by a note, and every reference has a source.
    news, sources = out.split("\nNews\n")[1].split("\nSources\n")
    listed = [line.split("]")[0].strip(" [") for line in sources.splitlines() if "]" in line]
    numbers = [int(n) for n in listed if n.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert f"{len(numbers)}]" in flat(news)


def test_shipped_json(run_shipped: Run) -> None:
    result = run_shipped("upcoming", "--json", env=TODAY)
    document = json.loads(result.stdout)
    assert document["today"] == "2026-11-30"
    assert document["stale_before"] == "2025-11-30"
    seasons = document["seasons"]
    assert {s["status"] for s in seasons} <= {"renewed", "announced", "in-production"}
    dead = next(s for s in seasons if s["slug"] == "all-of-us-are-dead")
    assert dead["season"] == 2 and dead["status"] == "in-production"
    assert (dead["status_date"], dead["as_of"]) == ("2025-07-23", "2026-02-22")
    assert dead["news_date"] == "2026-02-22" and dead["stale"] is False
    assert dead["release_date"] is None and dead["release_passed"] is False
    plan = next(s for s in seasons if s["slug"] == "the-devils-plan")
    assert plan["stale"] is True
    # Without release dates, the newest news comes first.
    news = [s["news_date"] for s in seasons]
    assert news == sorted(news, reverse=True)
    ids = {c["id"] for c in document["sources"]}
    assert all(set(s["source"]) <= ids for s in seasons)
    # a flagged source's address and headline are withheld, as on the page (no --spoilers)
    assert all(
        (c["url"], c["title"]) == (None, None) if c["spoiler"] else c["url"].startswith("http")
        for c in document["sources"]
    )
    if any(c["spoiler"] for c in document["sources"]):  # and stderr says where they are
        assert re.search(r"hidden as a spoiler: kdrama show \S+ --spoilers shows", result.stderr)


def test_shipped_csv(run_shipped: Run) -> None:
    result = run_shipped("upcoming", "--csv", env=TODAY)
    # its season-2 news includes a headline that says who comes back: its address is left out
    assert result.exit_code == 0
    assert result.stderr.startswith("1 source address hidden as a spoiler")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == COLUMNS["upcoming"]
    by_slug = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    dead = by_slug["all-of-us-are-dead"]
    assert dead["season"] == "2" and dead["as_of"] == "2026-02-22" and dead["stale"] == "false"
    assert dead["source_urls"].startswith("https://")
    assert by_slug["the-devils-plan"]["stale"] == "true"


def test_status_filter(run_shipped: Run) -> None:
    seasons = _entries(run_shipped("upcoming", "--status", "in-production", "--json", env=TODAY))
    assert seasons and {s["status"] for s in seasons} == {"in-production"}
    assert "all-of-us-are-dead" in {s["slug"] for s in seasons}


def test_shipped_calendar_is_empty_and_valid(run_shipped: Run, tmp_path: Path) -> None:
    target = tmp_path / "releases.ics"
    result = run_shipped("upcoming", "--ics", str(target), "--json", env=TODAY)
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # stdout is still only the JSON
    assert "empty calendar" in result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    assert calendar.walk("VEVENT") == []


# --- dated releases ------------------------------------------------------------------------


def test_dated_releases_first_then_newest_news(dated: Run) -> None:
    seasons = _entries(dated("upcoming", "--json"))
    order = [(s["slug"], s["season"]) for s in seasons]
    assert order == [
        ("paper-moon", 2),  # 2027-01-15
        ("harbour-lights", 2),  # 2027-03-05
        ("fresh-news", 1),  # news of 2026-11-20
        ("late-bloom", 1),  # news of 2026-05-01; its date passed
        ("old-rumour", 2),  # news of 2024-02-01
    ]  # released, airing and cancelled seasons are not coming
    flags = {s["slug"]: (s["stale"], s["release_passed"]) for s in seasons}
    assert flags == {
        "paper-moon": (False, False),
        "harbour-lights": (False, False),
        "fresh-news": (False, False),
        "late-bloom": (True, True),
        "old-rumour": (True, False),
    }


def test_csv_says_which_date_passed(dated: Run, run_shipped: Run) -> None:
    """The page marks "passed" apart from "stale", and --json has release_passed and
    window_passed, but the sheet folded both into stale (ux-review14, COULD 9): its last two
    columns are the same flags."""
    rows = list(csv.DictReader(io.StringIO(dated("upcoming", "--csv").stdout)))
    flags = {r["slug"]: (r["stale"], r["release_passed"], r["window_passed"]) for r in rows}
    assert flags["late-bloom"] == ("true", "true", "false")  # its date passed
    assert flags["old-rumour"] == ("true", "false", "false")  # old news only
    assert flags["paper-moon"] == ("false", "false", "false")
    shipped = run_shipped("upcoming", "--csv", env=TODAY).stdout
    single = next(
        r for r in csv.DictReader(io.StringIO(shipped)) if r["slug"] == "better-late-than-single"
    )
    assert (single["release_window"], single["window_passed"]) == ("2026-Q2", "true")
    assert single["release_passed"] == "false"


def test_dated_page(dated: Run) -> None:
    result = dated("upcoming", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    # Late Bloom S2's date has passed: still counted, as nothing says it came out, but said.
    assert "5 seasons coming (2 renewed, 2 announced, 1 in production), 1 of them past" in text
    assert "2 with a release date, the first 2027-01-15" in text
    assert "Release" in text
    assert "Paper Moon S2 in production — 2026-09-01 2027-01-15 paper-moon" in text
    assert "2026-05-01 2026-06-01 late-bloom stale passed" in text
    assert "passed: the announced release date or window is before today (2026-11-30)" in text
    assert "Harbour Lights S2: The second season was dated at a showcase. [2,3]" in text
    # A season with no note of news is said in words: its bullet was "• Paper Moon S2 [1]".
    assert "Paper Moon S2: In production, as of 2026-09-01. [1]" in text
    assert "Late Bloom S1: Announced, as of 2026-05-01. [" in text


def test_the_show_page_gives_a_coming_seasons_set_premiere_day(
    dated: Run, write_dataset: Callable[[str], Path]
) -> None:
    """A season not out yet with a release date says when it is due on the title's own page,
    as upcoming, its calendar and --json do; a cancelled season is due nothing."""
    page = flat(dated("show", "paper-moon", env={"COLUMNS": "120"}).stdout)
    assert "in production (" in page and "due 2027-01-15)" in page
    old = flat(dated("show", "old-rumour", env={"COLUMNS": "120"}).stdout)
    assert "cancelled (as of 2024-02-01)" in old and "due" not in old
    # a cancelled season keeps no window it was once announced for: it read "due Q2 2025"
    cancelled = 'status = "cancelled"\nas_of = 2024-02-01\n'
    assert cancelled in DATED
    path = write_dataset(DATED.replace(cancelled, cancelled + 'release_window = "2025-Q2"\n'))
    page = CliRunner().invoke(
        cli, ["--data", str(path), "show", "old-rumour"], env={**TODAY, "COLUMNS": "120"}
    )
    assert page.exit_code == 0, page.output
    assert "cancelled (as of 2024-02-01)" in flat(page.stdout) and "due" not in page.stdout


def test_calendar_of_dated_releases(dated: Run, tmp_path: Path) -> None:
    target = tmp_path / "releases.ics"
    result = dated("upcoming", "--ics", str(target))
    assert result.exit_code == 0, result.output
    assert "wrote 2 dated releases" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == 2  # the passed date and the undated seasons are not in it
    found = {str(e["UID"]): e for e in events}
    assert set(found) == {"paper-moon-s2@kdrama", "harbour-lights-s2@kdrama"}
    harbour = found["harbour-lights-s2@kdrama"]
    assert harbour.decoded("DTSTART") == dt.date(2027, 3, 5)  # a DATE: an all-day event
    assert harbour.decoded("DTEND") == dt.date(2027, 3, 6)
    assert str(harbour["SUMMARY"]) == "Harbour Lights — Season 2"
    assert str(harbour["URL"]) == "https://example.org/harbour-lights-s2-date"
    description = str(harbour["DESCRIPTION"])
    assert "Status: announced (as of 2026-11-01)." in description
    assert "https://example.org/other" in description
    assert "DTSTAMP" in harbour
    # Written again, the calendar has the same events (stable UIDs).
    dated("upcoming", "--ics", str(target))
    again = {str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert again == set(found)


def test_calendar_leaves_out_a_source_that_gives_a_result_away(
    write_dataset: Callable[[str], Path], tmp_path: Path
) -> None:
    """A calendar has no --spoilers: a flagged source's address (it often repeats the
    headline) is left out of the event, which says so and how to see it."""
    flagged = DATED.replace(
        'title = "Harbour Lights season 2 dated"',
        'title = "Harbour Lights season 2 dated"\nspoiler = true',
    )
    path = write_dataset(flagged)
    target = tmp_path / "releases.ics"
    result = CliRunner().invoke(
        cli, ["--data", str(path), "upcoming", "--ics", str(target)], env=TODAY
    )
    assert result.exit_code == 0, result.output
    events = {str(e["UID"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    harbour = events["harbour-lights-s2@kdrama"]
    description = str(harbour["DESCRIPTION"])
    unfolded = target.read_text(encoding="utf-8").replace("\r\n ", "")  # RFC 5545 folding
    assert "harbour-lights-s2-date" not in unfolded and "Harbour Lights season" not in unfolded
    assert str(harbour["URL"]) == "https://example.org/other"
    assert "1 source hidden as a spoiler: " in description  # as every page says it
    assert f"{kdrama_on('--data', path)} show harbour-lights --spoilers" in description


@pytest.mark.parametrize("sheet", ["--csv", "--tsv"])
def test_the_sheet_leaves_out_a_source_that_gives_a_result_away(
    write_dataset: Callable[[str], Path], sheet: str
) -> None:
    """`upcoming --csv` put the address of a source flagged as a spoiler in source_urls, which
    the page and the calendar leave out: the sheet leaves it out too, and stderr says so and
    names the page that shows it (upcoming has no --spoilers)."""
    flagged = DATED.replace(
        'title = "Harbour Lights season 2 dated"',
        'title = "Harbour Lights season 2 dated"\nspoiler = true',
    )
    path = write_dataset(flagged)
    result = CliRunner().invoke(cli, ["--data", str(path), "upcoming", sheet], env=TODAY)
    assert result.exit_code == 0, result.output
    assert "harbour-lights-s2-date" not in result.stdout
    delimiter = "\t" if sheet == "--tsv" else ","
    rows = csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter)
    harbour = next(row for row in rows if row["slug"] == "harbour-lights")
    assert harbour["source_urls"] == "https://example.org/other"
    page = f"{kdrama_on('--data', path)} show harbour-lights --spoilers"
    said = f"1 source address hidden as a spoiler: {page} shows it"
    assert said in result.stderr
    plain = CliRunner().invoke(
        cli, ["--data", str(write_dataset(DATED, "plain.toml")), "upcoming", sheet], env=TODAY
    )
    assert "harbour-lights-s2-date" in plain.stdout and "hidden" not in plain.stderr


def test_calendar_follows_the_status_filter(dated: Run, tmp_path: Path) -> None:
    target = tmp_path / "production.ics"
    result = dated("upcoming", "--status", "in-production", "--ics", str(target), "--csv")
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["paper-moon-s2@kdrama"]
    assert "wrote 1 dated release to" in result.stderr


def test_ics_dash_prints_the_calendar_alone_on_stdout(
    dated: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "-" is standard output, as it is standard input for seen import -, never a file "-"."""
    monkeypatch.chdir(tmp_path)
    result = dated("upcoming", "--ics", "-")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert {str(e["UID"]) for e in events} == {"paper-moon-s2@kdrama", "harbour-lights-s2@kdrama"}
    assert "seasons coming" not in result.stdout  # the calendar instead of the table
    assert result.stderr == "kdrama: wrote 2 dated releases to standard output\n"
    assert not (tmp_path / "-").exists()
    only = dated("upcoming", "--status", "in-production", "--ics", "-")
    assert [str(e["UID"]) for e in Calendar.from_ical(only.stdout_bytes).walk("VEVENT")] == [
        "paper-moon-s2@kdrama"
    ]


@pytest.mark.parametrize("output", ["--json", "--csv", "--tsv"])
def test_ics_dash_with_another_output_is_a_usage_error(
    dated: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = dated("upcoming", "--ics", "-", output)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--ics - and {output}: give one output (both print on stdout)" in result.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_ics_dash_with_an_export_is_refused_before_the_calendar_is_printed(
    dated: Run, tmp_path: Path, export: str
) -> None:
    """An export saves a printed page, and the calendar is none: refused up front, so a script
    never gets a whole calendar from a run that then fails."""
    saved = tmp_path / "page.out"
    result = dated(export, str(saved), "upcoming", "--ics", "-")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--export-svg and --export-html save a printed page; --ics - prints none" in (
        result.stderr
    )
    assert "wrote" not in result.stderr and not saved.exists()


def test_a_calendar_carries_no_control_characters_from_the_dataset(
    write_dataset: Callable[[str], Path], tmp_path: Path
) -> None:
    """With --ics - it may be printed on a terminal, which escape sequences would drive."""
    hostile = DATED.replace(
        "The second season was dated at a showcase.",
        "The second season \\u001b[2J\\u001b]0;pwned\\u0007was dated\\u202e at a showcase.",
    ).replace('title = "Harbour Lights"', 'title = "Harbour\\u001b[31m Lights"')
    path = write_dataset(hostile)
    target = tmp_path / "releases.ics"
    result = CliRunner().invoke(
        cli, ["--data", str(path), "upcoming", "--ics", str(target)], env=TODAY
    )
    assert result.exit_code == 0, result.output
    raw = target.read_bytes().decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]", raw)
    unfolded = raw.replace("\r\n ", "")
    assert "The second season was dated at a showcase." in unfolded
    assert "SUMMARY:Harbour Lights — Season 2" in unfolded


@pytest.mark.parametrize(
    "where", ["directory", "missing folder", "file as folder", "read-only folder"]
)
def test_calendar_that_cannot_be_written(dated: Run, tmp_path: Path, where: str) -> None:
    if where == "directory":
        target = tmp_path
    elif where == "missing folder":
        target = tmp_path / "no" / "such" / "releases.ics"
    elif where == "file as folder":
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        target = tmp_path / "plain" / "releases.ics"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder")
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "releases.ics"
    result = dated("upcoming", "--ics", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""  # nothing printed before the error
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kdrama: error: cannot write the calendar")
    assert "Traceback" not in result.output


# --- empty answers and the fixed day ---------------------------------------------------------


def test_nothing_coming(run: Run) -> None:
    result = run("upcoming", "--status", "in-production", env=TODAY)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No season in the catalogue is in production." in result.stderr
    document = json.loads(run("upcoming", "--status", "announced", "--json", env=TODAY).stdout)
    assert document["seasons"] == [] and document["sources"] == []
    sheet = run("upcoming", "--status", "announced", "--tsv", env=TODAY).stdout
    assert sheet == "\t".join(COLUMNS["upcoming"]) + "\n"


def test_fixture_renewal_goes_stale_with_time(run: Run) -> None:
    """The made-up Moonlit Hallway S2 was last confirmed on 2026-11-01."""
    fresh = _entries(run("upcoming", "--json", env={"KDRAMA_TODAY": "2027-11-01"}))
    assert [(s["slug"], s["stale"]) for s in fresh] == [("moonlit-hallway", False)]
    old = _entries(run("upcoming", "--json", env={"KDRAMA_TODAY": "2027-11-02"}))
    assert [(s["slug"], s["stale"]) for s in old] == [("moonlit-hallway", True)]


def test_bad_kdrama_today(run: Run) -> None:
    result = run("upcoming", env={"KDRAMA_TODAY": "tomorrow"})
    assert result.exit_code == 2
    # The environment, not the command line, is wrong: one line, no Usage block.
    assert result.stderr == "kdrama: error: KDRAMA_TODAY='tomorrow' is not a date (YYYY-MM-DD)\n"


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--limit", "1"],
        ["cast", "--json"],
        ["data", "path"],
        ["cache", "path"],
        ["search", "x"],
    ],
    ids=" ".join,
)
def test_a_bad_kdrama_today_is_refused_by_every_command(run: Run, args: list[str]) -> None:
    """A malformed $KDRAMA_TODAY failed only the commands that read the day (show, upcoming),
    and list answered, exit 0, without a word: a script with a typo in its pinned date passed
    half its calls. Every command now refuses it, as a bad $KDRAMA_NO_CACHE is refused."""
    result = run(*args, env={"KDRAMA_TODAY": "garbage"})
    assert (result.exit_code, result.stdout) == (2, "")
    said = "KDRAMA_TODAY='garbage' is not a date (YYYY-MM-DD)"
    if "--json" in args:  # as JSON (docs/output.md, "Errors")
        assert (json_error(result)["kind"], json_error(result)["message"]) == ("usage", said)
    else:
        assert result.stderr == f"kdrama: error: {said}\n"


@pytest.mark.parametrize(
    ("day", "stale_before"),
    [("2025-01-01", "2024-01-01"), ("2024-03-01", "2023-03-01"), ("2028-02-29", "2027-02-28")],
)
def test_stale_before_is_a_calendar_year_before_today(
    run: Run, day: str, stale_before: str
) -> None:
    """stale_before was 365 days back, so across a 29 February it was a day short of "a year
    before today" (2025-01-01 gave 2024-01-02, and news of exactly a year ago was called more
    than a year old). It is the same day a calendar year before; 28 February for a 29th."""
    said = json.loads(run("upcoming", "--json", env={"KDRAMA_TODAY": day}).stdout)
    assert (said["today"], said["stale_before"]) == (day, stale_before)


@pytest.mark.parametrize(
    ("day", "stale_before", "stale"),
    [("0001-01-01", "0001-01-01", False), ("9999-12-31", "9998-12-31", True)],
)
def test_the_first_and_last_days_a_date_can_hold_are_days_like_any(
    run: Run, day: str, stale_before: str, stale: bool
) -> None:
    """KDRAMA_TODAY=0001-01-01 was an internal error (exit 70): a year before it, where stale
    news starts, is no date. No news is stale then; on 9999-12-31 all of it is."""
    env = {"KDRAMA_TODAY": day}
    document = json.loads(run("upcoming", "--json", env=env).stdout)
    assert (document["today"], document["stale_before"]) == (day, stale_before)
    assert [(s["slug"], s["stale"]) for s in document["seasons"]] == [("moonlit-hallway", stale)]
    pages = (
        (["upcoming"], "Moonlit Hallway"),
        (["show", "moonlit-hallway"], "Moonlit Hallway"),
        (["upcoming", "--ics", "-"], "BEGIN:VCALENDAR"),
    )
    for args, shown in pages:
        result = run(*args, env=env)
        assert result.exit_code == 0, result.output
        assert shown in result.stdout


def test_help_has_examples(run: Run) -> None:
    result = run("upcoming", "-h")
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--ics" in result.output


# --- the answer itself ------------------------------------------------------------------------


def _dataset(*seasons: Season) -> Dataset:
    citation = Citation("c", "https://example.org/c", "C", "Example Press")
    show = Show(
        slug="x",
        title="X",
        kind="series",
        platform="Examplenet",
        genres=(),
        synopsis="",
        sources=("c",),
        seasons=seasons,
    )
    return Dataset({"x": show}, {}, {}, {"c": citation})


def test_stale_threshold_is_a_year_of_news() -> None:
    today = dt.date(2026, 11, 30)
    edge = dt.date(2025, 11, 30)
    dataset = _dataset(
        Season(1, "renewed", as_of=edge, sources=("c",)),
        Season(2, "announced", status_date=edge, as_of=edge - dt.timedelta(days=1)),
        Season(
            3,
            "announced",
            status_date=edge - dt.timedelta(days=1),
            as_of=edge - dt.timedelta(days=2),
        ),
    )
    coming = upcoming(dataset, today)
    stale = {entry.season.number: entry.stale for entry in coming.entries}
    assert stale == {1: False, 2: False, 3: True}  # the later of status_date and as_of counts
    assert coming.stale_before == edge
    assert [c.id for c in coming.citations] == ["c"]


@pytest.mark.parametrize(
    ("window", "last_day"),
    [
        ("2026", dt.date(2026, 12, 31)),
        ("2026-Q2", dt.date(2026, 6, 30)),
        ("2026-H1", dt.date(2026, 6, 30)),
        ("2026-02", dt.date(2026, 2, 28)),
        ("2026-summer", dt.date(2026, 8, 31)),
        ("2026-winter", dt.date(2027, 2, 28)),
    ],
)
def test_a_release_window_goes_stale_the_day_after_it_ends(window: str, last_day: dt.date) -> None:
    """Fresh news, but the window the season was announced for has ended with no release on
    record: stale, and its window passed."""
    news = last_day - dt.timedelta(days=30)
    season = Season(2, "announced", as_of=news, release_window=window)
    on_last = upcoming(_dataset(season), last_day).entries[0]
    after = upcoming(_dataset(season), last_day + dt.timedelta(days=1)).entries[0]
    assert (on_last.stale, on_last.window_passed) == (False, False)
    assert (after.stale, after.window_passed, after.release_passed) == (True, True, False)


def test_a_passed_window_is_stale_in_upcoming_and_on_the_show_page_alike(
    run_shipped: Run,
) -> None:
    """Better Late Than Single S2 was announced for Q2 2026; The Devil's Plan S3's news is from
    September 2025, more than a year before 2026-11-30. Both pages flag both, with the same
    note."""
    summer = {"KDRAMA_TODAY": "2026-06-30"}
    late = {"KDRAMA_TODAY": "2026-07-01"}
    single = next(
        s
        for s in _entries(run_shipped("upcoming", "--json", env=late))
        if s["slug"] == "better-late-than-single"
    )
    assert single["release_window"] == "2026-Q2" and single["status_date"] == "2026-01-21"
    assert single["window_passed"] is True and single["stale"] is True
    legend = (
        "stale: the catalogue's latest news of the season is from before 2025-07-01 (more than "
        "a year old), the release date or window it was announced for has passed, or Netflix's "
        "own files list it: it may have moved on since."
    )
    assert legend in flat(run_shipped("upcoming", env=late).stdout)
    old_news = legend.replace("2025-07-01", "2025-11-30")  # seen on 2026-11-30
    for slug, day, note, flags in (
        ("better-late-than-single", late, legend, [False, True]),
        ("the-devils-plan", TODAY, old_news, [False, False, True]),
    ):
        page = flat(run_shipped("show", slug, env=day).stdout)
        assert "stale" in page.split(note)[0].split("Seasons")[1], slug
        assert note in page, slug
        seasons = json.loads(run_shipped("show", slug, "--json", env=day).stdout)["seasons"]
        assert [s["stale"] for s in seasons] == flags, slug
    # The day before, the window is still open: no mark, and no note (the page seen on a
    # later day is not replayed).
    before = flat(run_shipped("show", "better-late-than-single", env=summer).stdout)
    assert "due Q2 2026" in before and " stale" not in before
    assert "stale:" not in before


def test_a_release_today_is_still_coming() -> None:
    today = dt.date(2026, 11, 30)
    dataset = _dataset(
        Season(1, "announced", release_date=today, as_of=today),
        Season(2, "announced", release_date=today - dt.timedelta(days=1), as_of=today),
    )
    coming = upcoming(dataset, today)
    assert [e.season.number for e in coming.dated] == [1]
    passed = coming.entries[1]
    assert passed.release_passed and passed.stale and not passed.dated


def test_a_hidden_source_names_the_page_that_shows_it(
    write_dataset: Callable[[str], Path],
) -> None:
    """`upcoming` lists many titles and has no --spoilers: a source left out as a spoiler
    names the command of the title whose news cites it, not a generic "the title's page"."""
    flagged = DATED.replace(
        'title = "Harbour Lights season 2 dated"',
        'title = "Harbour Lights season 2 dated"\nspoiler = true',
    )
    path = write_dataset(flagged)
    result = CliRunner().invoke(
        cli, ["--data", str(path), "upcoming"], env={**TODAY, "COLUMNS": "200", "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    assert "harbour-lights-s2-date" not in result.output
    words = " ".join(result.output.split())  # the page wraps at its own width
    said = (
        f"hidden as a spoiler: {kdrama_on('--data', path)} show harbour-lights --spoilers shows it"
    )
    assert said in words


# --- a coming season that Netflix's own files already list -------------------------------------

#: Fresh News season 1 is "renewed" in the catalogue, but a week of Netflix's Top 10 lists it;
#: Old Rumour's figure is of season 1 (released), not of its renewed season 2.
ON_NETFLIX = (
    DATED
    + """
[[citations]]
id = "netflix-top10-fresh"
url = "https://www.netflix.com/tudum/top10"
title = "Netflix Top 10, global TV (Non-English), week ending 2026-11-22"
publisher = "Netflix"
date = 2026-11-24

[[stats]]
show = "fresh-news"
season = 1
metric = "rank"
value = 4
unit = "rank"
window = "week:2026-11-22"
list = "TV (Non-English)"
as_of = 2026-11-22
sources = ["netflix-top10-fresh"]

[[stats]]
show = "fresh-news"
season = 1
metric = "rank"
value = 2
unit = "rank"
window = "week:2026-11-29"
list = "TV (Non-English)"
as_of = 2026-11-29
sources = ["netflix-top10-fresh"]

[[stats]]
show = "old-rumour"
season = 1
metric = "rank"
value = 7
unit = "rank"
window = "week:2022-01-09"
list = "TV (Non-English)"
as_of = 2022-01-09
sources = ["netflix-top10-fresh"]
"""
)


@pytest.fixture
def on_netflix(write_dataset: Callable[[str], Path], tmp_path: Path) -> Run:
    """Run kdrama on ON_NETFLIX, on 2026-11-30, with a seen list of the test's own."""
    path = write_dataset(ON_NETFLIX)

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        env = {
            **TODAY,
            "COLUMNS": "100",
            "KDRAMA_SEEN": str(tmp_path / "seen.toml"),
            **(env or {}),
        }
        return CliRunner().invoke(cli, ["--data", str(path), *args], env=env)

    return run


def test_a_coming_season_netflix_lists_is_flagged_out_with_its_first_week(
    on_netflix: Run,
) -> None:
    entries = {e["slug"]: e for e in _entries(on_netflix("upcoming", "--json"))}
    fresh = entries["fresh-news"]
    # The first week that lists it, not the latest; its citation is Netflix's list.
    assert fresh["on_netflix_by"] == "2026-11-22" and fresh["on_netflix_source"] == [
        "netflix-top10-fresh"
    ]
    assert fresh["stale"] is True  # fresh news (2026-11-20), but the catalogue is behind
    # A figure of another season (Old Rumour S1) says nothing of the season coming.
    assert entries["old-rumour"]["on_netflix_by"] is None
    assert entries["harbour-lights"]["on_netflix_by"] is None
    page = flat(on_netflix("upcoming").stdout)
    assert "Fresh News S1 renewed — 2026-11-20 — fresh-news on Netflix stale" in page
    assert (
        "Fresh News S1: Netflix's global Top 10 lists it in the week ending 2026-11-22: it is "
        "out, though not marked released here." in page
    )
    assert "netflix.com/tudum/top10" in page  # the news cites Netflix's list
    sheet = list(csv.DictReader(io.StringIO(on_netflix("upcoming", "--csv").stdout)))
    assert {row["slug"]: row["on_netflix_by"] for row in sheet}["fresh-news"] == "2026-11-22"


def test_the_count_of_seasons_coming_leaves_out_those_netflix_lists(
    on_netflix: Run, run_shipped: Run
) -> None:
    """The page's first line counted Fresh News S1 among the seasons coming ("5 seasons
    coming (2 renewed, ...)") while its row says it is on Netflix, out. It is counted apart."""
    result = on_netflix("upcoming")
    assert result.exit_code == 0, result.output
    assert flat(result.stdout).startswith(
        "5 seasons listed as coming: 4 still to come (1 renewed, 2 announced, 1 in "
        "production) and 1 already out on Netflix; 1 past its announced release; 2 with a "
        "release date, the first 2027-01-15."
    )
    # The shipped catalogue: Better Late Than Single S2 is in Netflix's Top 10 since July
    shipped = run_shipped("upcoming", env={"KDRAMA_TODAY": "2026-12-04"})
    assert flat(shipped.stdout).startswith(
        "12 seasons listed as coming: 11 still to come (5 renewed, 4 announced, 2 in "
        "production) and 1 already out on Netflix; 2 past their announced release, 1 of them "
        "on Netflix;"
    )


def test_the_first_line_counts_every_row_the_table_flags(run_shipped: Run) -> None:
    """walk32 #6: the line said "1 of them past its announced release" while the table marked
    two rows "passed" (the second, Better Late Than Single S2, is also on Netflix, so it was
    left out of the count). Every count on the line is now a count of the table's flags."""
    result = run_shipped("upcoming", env={"KDRAMA_TODAY": "2026-12-04", "COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    head, table = text.split(" Title ", 1)
    table = table.split(" stale: the catalogue's", 1)[0]  # the rows, not the legend
    rows = _entries(run_shipped("upcoming", "--json", env={"KDRAMA_TODAY": "2026-12-04"}))
    on_netflix = sum(1 for row in rows if row["on_netflix_by"])
    assert table.count("on Netflix") == on_netflix == 1
    assert head.startswith(
        f"{len(rows)} seasons listed as coming: {len(rows) - on_netflix} still to come ("
    )
    assert f"and {on_netflix} already out on Netflix;" in head
    assert f"; {table.count('passed')} past their announced release, 1 of them on Netflix" in head
    assert table.count("passed") == 2


def test_the_show_page_says_netflix_lists_the_season_and_cites_it(on_netflix: Run) -> None:
    result = on_netflix("show", "fresh-news")
    assert result.exit_code == 0, result.output
    page = flat(result.stdout)
    # The season's row: its status, flagged, its sources (the season's and Netflix's list).
    assert "renewed (as of 2026-11-20) stale [1,2] on Netflix by 2026-11-22" in page
    assert (
        "Season 1: Netflix's global Top 10 lists it in the week ending 2026-11-22, so it is "
        "out; the catalogue has not marked it released yet" in page
    )
    sources = page[page.index("Sources") :]
    assert "Netflix Top 10, global TV (Non-English), week ending 2026-11-22" in sources


def test_a_season_netflix_lists_can_be_marked_seen(on_netflix: Run) -> None:
    """Someone who watched it on Netflix can say so, though the catalogue still has it as
    coming; a coming season nothing lists is still refused."""
    added = on_netflix("seen", "add", "fresh-news", "--season", "1")
    assert added.exit_code == 0, added.output
    listed = json.loads(on_netflix("seen", "list", "--json").stdout)
    assert [(t["slug"], t["seasons"], t["released_seasons"]) for t in listed] == [
        ("fresh-news", [1], 1)
    ]
    refused = on_netflix("seen", "add", "old-rumour", "--season", "2")
    assert refused.exit_code == 2
    assert "Old Rumour season 2 is not released yet" in refused.stderr


#: ON_NETFLIX, and: Paper Moon S1 (airing) in a week of the Top 10; Harbour Lights S2
#: (announced, dated 2027-03-05) in Netflix's engagement report for January-June 2026; Late
#: Bloom S1 (announced) in a week and a half-year that end after the day asked (2026-11-30).
LISTED_EDGES = (
    ON_NETFLIX
    + """
[[stats]]
show = "paper-moon"
season = 1
metric = "rank"
value = 3
unit = "rank"
window = "week:2026-11-08"
list = "TV (Non-English)"
as_of = 2026-11-08
sources = ["netflix-top10-fresh"]

[[stats]]
show = "harbour-lights"
season = 2
metric = "hours-viewed"
value = 1200000
unit = "hours"
window = "half-year:2026H1"
list = "What We Watched"
as_of = 2026-09-18
sources = ["netflix-top10-fresh"]

[[stats]]
show = "late-bloom"
season = 1
metric = "rank"
value = 5
unit = "rank"
window = "week:2026-12-06"
list = "TV (Non-English)"
as_of = 2026-12-06
sources = ["netflix-top10-fresh"]

[[stats]]
show = "late-bloom"
season = 1
metric = "hours-viewed"
value = 900000
unit = "hours"
window = "half-year:2026H2"
list = "What We Watched"
as_of = 2027-03-01
sources = ["netflix-top10-fresh"]
"""
)


@pytest.fixture
def listed_edges(write_dataset: Callable[[str], Path], tmp_path: Path) -> Run:
    """Run kdrama on LISTED_EDGES, on 2026-11-30."""
    path = write_dataset(LISTED_EDGES)

    def run(*args: str) -> Result:
        env = {**TODAY, "COLUMNS": "100", "KDRAMA_SEEN": str(tmp_path / "seen.toml")}
        return CliRunner().invoke(cli, ["--data", str(path), *args], env=env)

    return run


def test_netflix_listing_counts_a_half_year_by_its_last_day_and_nothing_after_today(
    listed_edges: Run,
) -> None:
    """A half-year lists a season as out by its last day (June 30 for H1); a week or half-year
    that ends after the day asked says nothing yet, and an airing season is out already, so
    a Top 10 week of it is no news."""
    entries = {e["slug"]: e for e in _entries(listed_edges("upcoming", "--json"))}
    assert entries["harbour-lights"]["on_netflix_by"] == "2026-06-30"
    assert entries["late-bloom"]["on_netflix_by"] is None  # 2026-12-06 and 2026H2: not yet
    # The airing season is not among the coming ones, and its show page does not flag it.
    assert "paper-moon" not in {e["slug"] for e in entries.values() if e["season"] == 1}
    paper = json.loads(listed_edges("show", "paper-moon", "--json").stdout)
    assert [(s["number"], s["on_netflix_by"]) for s in paper["seasons"]] == [(1, None), (2, None)]
    assert "on Netflix by" not in listed_edges("show", "paper-moon").stdout
    late = listed_edges("show", "late-bloom").stdout
    assert "on Netflix by" not in late
    words = flat(listed_edges("upcoming").stdout)
    assert "July–December 2026" not in words and "January–June 2026 lists it" in words
    # the seen list takes the half-year's season, not the one whose listing is still to come
    assert listed_edges("seen", "add", "harbour-lights", "--season", "2").exit_code == 0
    assert listed_edges("seen", "add", "late-bloom", "--season", "1").exit_code == 2


def test_a_listed_season_with_a_release_date_to_come_is_no_dated_release(
    listed_edges: Run, tmp_path: Path
) -> None:
    """Harbour Lights S2 is dated 2027-03-05 in the catalogue, but Netflix's report for
    January-June 2026 lists it: it is out, so the calendar does not announce its release to
    come, and the page does not count it among the dated releases."""
    target = tmp_path / "releases.ics"
    result = listed_edges("upcoming", "--ics", str(target))
    assert result.exit_code == 0, result.output
    uids = {str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert uids == {"paper-moon-s2@kdrama"}


def test_the_news_of_a_listed_season_has_one_full_stop_after_its_note(
    listed_edges: Run,
) -> None:
    words = flat(listed_edges("upcoming").stdout)
    assert (
        "The second season was dated at a showcase. Netflix's engagement report for "
        "January–June 2026 lists it: it is out" in words
    )
    assert ".." not in words


def test_show_json_gives_the_day_netflix_lists_a_coming_season_as_the_page_does(
    on_netflix: Run,
) -> None:
    """The page says "on Netflix by 2026-11-22" and cites Netflix's list: --json says the same,
    with the same keys as upcoming --json, not only "stale": true and an orphan source."""
    document = json.loads(on_netflix("show", "fresh-news", "--json").stdout)
    (season,) = document["seasons"]
    assert season["stale"] is True and season["released"] is False
    assert season["on_netflix_by"] == "2026-11-22"
    assert season["on_netflix_source"] == ["netflix-top10-fresh"]
    assert "netflix-top10-fresh" in {s["id"] for s in document["sources"]}
    rumour = json.loads(on_netflix("show", "old-rumour", "--json").stdout)
    assert {s["on_netflix_by"] for s in rumour["seasons"]} == {None}


def test_a_chart_of_a_season_netflix_lists_never_calls_it_not_out(listed_edges: Run) -> None:
    """The chart said 'Fresh News season 1 is not out yet (...; stale: Netflix's global Top 10
    lists it ..., so it is out)' in --json, and on the page for a season only a half-year
    report lists: a season Netflix lists is out, as the show page marks it."""
    (fresh,) = json.loads(listed_edges("chart", "fresh-news", "--season", "1", "--json").stdout)
    assert fresh["weeks"] and fresh["not_out"] is None
    (harbour,) = json.loads(
        listed_edges("chart", "harbour-lights", "--season", "2", "--json").stdout
    )
    assert harbour["weeks"] == [] and harbour["not_out"] is None
    assert harbour["no_weeks"] != "season-not-out"
    page = listed_edges("chart", "harbour-lights", "--season", "2")
    assert page.exit_code == 0, page.output
    assert "not out yet" not in page.output
    # A coming season nothing lists is still not out.
    (rumour,) = json.loads(listed_edges("chart", "old-rumour", "--season", "2", "--json").stdout)
    assert rumour["not_out"] is not None and rumour["no_weeks"] == "season-not-out"


def test_compare_counts_a_season_netflix_lists_as_out(on_netflix: Run) -> None:
    """compare's Seasons row says what the show page says: Fresh News S1 is out, on Netflix,
    though the catalogue has it as renewed; Old Rumour's renewed S2 is still coming. The cell
    read "1 (1 on Netflix, renewed here)", which reads as "only one season is on Netflix", and
    its --json and --csv gave 0, the catalogue's own count: now every form gives 1, as list and
    seen list do."""
    result = on_netflix("compare", "fresh-news", "old-rumour", env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    page = flat(result.stdout)
    assert (
        "Seasons 1 (S1 out on Netflix by 2026-11-22, not yet marked released here) "
        "1 (+1 renewed since 2023-01-10, as of 2024-02-01, stale) Episodes" in page
    )
    rows = {
        r["field"]: r["values"]
        for r in json.loads(on_netflix("compare", "fresh-news", "old-rumour", "--json").stdout)[
            "rows"
        ]
    }
    assert rows["on_netflix_seasons"] == [[1], []]
    assert rows["seasons"] == [1, 1]
    # the sheet says it too, as the page and --json do
    sheet = on_netflix("compare", "fresh-news", "old-rumour", "--csv").stdout
    cells = {(r["slug"], r["field"]): r["value"] for r in csv.DictReader(io.StringIO(sheet))}
    assert cells[("fresh-news", "on_netflix_seasons")] == "1"
    assert cells[("old-rumour", "on_netflix_seasons")] == ""
    assert cells[("fresh-news", "seasons")] == "1"


def test_compare_dates_each_coming_season_and_flags_it_stale_as_show_does(
    on_netflix: Run,
) -> None:
    """compare gave every coming season as a plain "+1 announced", which reads as current
    news: now each carries the dates show gives it (since, as of, due) and show's stale flag,
    here Late Bloom S1's, whose announced release day has passed."""
    slugs = ("harbour-lights", "late-bloom", "paper-moon")
    page = flat(on_netflix("compare", *slugs, env={"COLUMNS": "250"}).stdout)
    assert (
        "Seasons 1 (+1 announced since 2026-10-01, as of 2026-11-01, due 2027-03-05) "
        "0 (+1 announced, as of 2026-05-01, due 2026-06-01, stale) "
        "1 (+1 in production, as of 2026-09-01, due 2027-01-15) Episodes" in page
    )
    shown = flat(on_netflix("show", "late-bloom", env={"COLUMNS": "250"}).stdout)
    assert "announced (as of 2026-05-01; due 2026-06-01) stale" in shown
    # --json and --csv give each coming season as the page does, flag and all
    rows = json.loads(on_netflix("compare", *slugs, "--json").stdout)["rows"]
    coming = next(r["values"] for r in rows if r["field"] == "coming_seasons")
    assert coming[1] == [
        {
            "season": 1,
            "status": "announced",
            "status_date": None,
            "as_of": "2026-05-01",
            "release_date": "2026-06-01",
            "release_window": None,
            "stale": True,
        }
    ]
    assert [c["stale"] for c in coming[0] + coming[2]] == [False, False]
    sheet = csv.DictReader(io.StringIO(on_netflix("compare", *slugs, "--csv").stdout))
    cells = {r["slug"]: r["value"] for r in sheet if r["field"] == "coming_seasons"}
    assert cells["late-bloom"] == "S1 announced, as of 2026-05-01, due 2026-06-01, stale"


def test_list_seen_list_and_compare_count_a_season_netflix_lists_alike(
    on_netflix: Run, run_shipped: Run, tmp_path: Path
) -> None:
    """Better Late Than Single S2 is announced in the catalogue, but Netflix's Top 10 lists it
    from the week ending 2026-07-12: `seen list` counted 2 seasons out, `list` and its --csv 1
    (while its Top 10 hours summed S2's), and compare "2 (1 on Netflix, announced here)".
    Each now counts it out, by the one rule (Show.watchable)."""
    shipped = {"KDRAMA_TODAY": "2026-12-04", "KDRAMA_SEEN": str(tmp_path / "seen-shipped.toml")}
    counts = {}
    for run, env, slug, other in (
        (on_netflix, {}, "fresh-news", "old-rumour"),
        (run_shipped, shipped, "better-late-than-single", "singles-inferno"),
    ):
        listed = {r["slug"]: r for r in json.loads(run("list", "--json", env=env).stdout)}
        sheet = csv.DictReader(io.StringIO(run("list", "--csv", env=env).stdout))
        assert run("seen", "add", slug, env=env).exit_code == 0
        (seen,) = json.loads(run("seen", "list", "--json", env=env).stdout)
        compared = json.loads(run("compare", slug, other, "--json", env=env).stdout)
        counts[slug] = (
            listed[slug]["released_seasons"],
            listed[slug]["seasons"],
            next(int(r["released_seasons"]) for r in sheet if r["slug"] == slug),
            seen["released_seasons"],
            next(r["values"][0] for r in compared["rows"] if r["field"] == "seasons"),
        )
    assert counts == {"fresh-news": (1, 1, 1, 1, 1), "better-late-than-single": (2, 2, 2, 2, 2)}


def test_a_season_only_a_national_top_10_lists_is_said_to_be_in_those_lists() -> None:
    """Netflix's country lists are not its global Top 10: the words say which list it was;
    in a week both list it, the global one is named."""
    from kdrama_cli.answers.upcoming import netflix_listing
    from kdrama_cli.catalogue.models import Stat

    def figure(week: str, chart: str) -> Stat:
        return Stat(
            "rank", 3, "rank", f"week:{week}", dt.date.fromisoformat(week), ("c",), 1, chart
        )

    season = Season(1, "renewed", as_of=dt.date(2026, 11, 1))
    show = _dataset(season).shows["x"]
    today = dt.date(2026, 11, 30)
    national = show._replace(stats=(figure("2026-11-15", "national Top 10s"),))
    listing = netflix_listing(national, 1, today)
    assert listing is not None
    assert listing.words == "Netflix's national Top 10s list it in the week ending 2026-11-15"
    both = show._replace(
        stats=(figure("2026-11-15", "national Top 10s"), figure("2026-11-15", "TV (Non-English)"))
    )
    listing = netflix_listing(both, 1, today)
    assert listing is not None and listing.list == "TV (Non-English)"
    assert listing.words == "Netflix's global Top 10 lists it in the week ending 2026-11-15"


#: Quiet Drop S1 is out, but no source dates it; a week of Netflix's Top 10 lists it.
UNDATED = (
    ON_NETFLIX
    + """
[[shows]]
slug = "quiet-drop"
title = "Quiet Drop"
kind = "series"
platform = "Netflix"
genres = ["drama"]
synopsis = "A made-up drama released without notice."
sources = ["c-other"]

[[shows.seasons]]
number = 1
status = "released"
release_date_unknown = "No published source gives the day it came out."
episodes = 6
sources = ["c-other"]

[[stats]]
show = "quiet-drop"
season = 1
metric = "rank"
value = 9
unit = "rank"
window = "week:2026-10-04"
list = "TV (Non-English)"
as_of = 2026-10-04
sources = ["netflix-top10-fresh"]
"""
)


def test_an_out_season_no_source_dates_is_out_by_netflix_s_first_week(
    write_dataset: Callable[[str], Path],
) -> None:
    """Released, undated: the table gives the day Netflix's first list of it ends ("by"),
    the release-date note says why, citing the list; --json gives the same day."""
    path = write_dataset(UNDATED)

    def run(*args: str) -> Result:
        env = {**TODAY, "COLUMNS": "100"}
        return CliRunner().invoke(cli, ["--data", str(path), *args], env=env)

    page = flat(run("show", "quiet-drop").stdout)
    assert "1 by 2026-10-04 6 released [1,2]" in page
    assert (
        "Season 1 release date: No published source gives the day it came out. Netflix's "
        "global Top 10 lists it in the week ending 2026-10-04, so it was out by then." in page
    )
    assert "stale" not in page  # out: nothing is coming
    season = json.loads(run("show", "quiet-drop", "--json").stdout)["seasons"][0]
    assert season["on_netflix_by"] == "2026-10-04"
    assert season["on_netflix_source"] == ["netflix-top10-fresh"]
    assert season["release_date"] is None and season["stale"] is False
    # A season with a release date of its own keeps it: Netflix's weeks add nothing
    # (Old Rumour S1, released 2022-01-01, in the Top 10 of the week ending 2022-01-09).
    dated = json.loads(run("show", "old-rumour", "--json").stdout)["seasons"][0]
    assert dated["release_date"] == "2022-01-01" and dated["on_netflix_by"] is None
    assert "by 2022-01-09" not in flat(run("show", "old-rumour").stdout)


# --- a season Netflix lists is out on every page that asks, not only the show page -----------

#: ON_NETFLIX, with Kim Min-ja and Lee Jun-ho credited in Fresh News season 1 (renewed in the
#: catalogue, in Netflix's Top 10 from the week ending 2026-11-22) and in Night Shift, a film.
SHARED_ON_NETFLIX = (
    DATED.replace(
        'synopsis = "A made-up drama with fresh news."\n',
        'synopsis = "A made-up drama with fresh news."\ncast_sources = ["c-other"]\n',
    )
    + """
[[shows.cast]]
person = "kim-min-ja"
character = "Reporter Min-ja"
role = "main"
seasons = [1]

[[shows.cast]]
person = "lee-jun-ho"
character = "Editor Jun-ho"
role = "main"
seasons = [1]

[[shows]]
slug = "night-shift"
title = "Night Shift"
kind = "film"
platform = "Examplenet"
genres = ["thriller"]
synopsis = "A made-up film about a night shift."
release_date = 2020-01-10
sources = ["c-other"]
cast_sources = ["c-other"]

[[shows.cast]]
person = "kim-min-ja"
character = "Nurse Min-ja"
role = "main"

[[shows.cast]]
person = "lee-jun-ho"
character = "Doctor Jun-ho"
role = "main"

[[people]]
id = "kim-min-ja"
name = "Kim Min-ja"
hangul = "김민자"

[[people]]
id = "lee-jun-ho"
name = "Lee Jun-ho"
hangul = "이준호"
"""
    + ON_NETFLIX[len(DATED) :]
)

#: The day before Netflix's list that shows Fresh News S1 out ends, and a day after.
BEFORE_LISTED = {"KDRAMA_TODAY": "2026-11-21"}
AFTER_LISTED = {"KDRAMA_TODAY": "2026-11-30"}


@pytest.fixture
def shared_on_netflix(
    write_dataset: Callable[[str], Path], tmp_path: Path
) -> Callable[..., Result]:
    """Run kdrama on SHARED_ON_NETFLIX on the day given, through the page cache (pages are
    replayed: a page of one day must never be replayed on another)."""
    path = write_dataset(SHARED_ON_NETFLIX)

    def run(day: dict[str, str], *args: str) -> Result:
        env = {
            **day,
            "COLUMNS": "120",
            "KDRAMA_SEEN": str(tmp_path / "seen.toml"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
        return CliRunner().invoke(cli, ["--data", str(path), *args], env=env)

    return run


def test_a_credit_in_a_season_netflix_lists_is_out_on_person_cast_path_similar_compare(
    shared_on_netflix: Callable[..., Result],
) -> None:
    """The show page says Fresh News S1 is out from the day Netflix's list of it ends; the
    pages built from its credits said "announced" still, and counted nothing shared there.
    Now each judges the season as the show page does, on the same day ($KDRAMA_TODAY)."""
    run = shared_on_netflix
    for _ in range(2):  # the second run of each day replays the stored pages
        # person: the credit is no longer "announced", and the two worked together twice
        before = flat(run(BEFORE_LISTED, "person", "kim-min-ja").stdout)
        after = flat(run(AFTER_LISTED, "person", "kim-min-ja").stdout)
        assert "announced" in before and "announced" not in after
        assert "Lee Jun-ho" not in before and "Lee Jun-ho" in after
        worked = json.loads(run(AFTER_LISTED, "person", "kim-min-ja", "--json").stdout)
        assert worked["also_worked_with"] == [
            {"person": "lee-jun-ho", "name": "Lee Jun-ho", "shows": ["night-shift", "fresh-news"]}
        ]
        assert (
            json.loads(run(BEFORE_LISTED, "person", "kim-min-ja", "--json").stdout)[
                "also_worked_with"
            ]
            == []
        )
        # cast: the season's credits are not marked announced
        cast = {
            day["KDRAMA_TODAY"]: json.loads(run(day, "cast", "fresh-news", "--json").stdout)
            for day in (BEFORE_LISTED, AFTER_LISTED)
        }
        assert [e["announced_seasons"] for e in cast["2026-11-21"]] == [[1], [1]]
        assert [e["announced_seasons"] for e in cast["2026-11-30"]] == [[], []]
        # the cast of every title judges it on the same day (cast_list's other branch)
        for day, pending in ((BEFORE_LISTED, [1]), (AFTER_LISTED, [])):
            every = json.loads(run(day, "cast", "--json").stdout)
            assert [e["announced_seasons"] for e in every if e["slug"] == "fresh-news"] == [
                pending,
                pending,
            ]
        # path: the hop through Fresh News names no announced season
        hops = [
            hop
            for day in (BEFORE_LISTED, AFTER_LISTED)
            for path in json.loads(
                run(day, "path", "kim-min-ja", "lee-jun-ho", "--all", "--json").stdout
            )["paths"]
            for hop in path["hops"]
            if hop["slug"] == "fresh-news"
        ]
        assert [hop["left"]["announced_seasons"] for hop in hops] == [[1], []]
        # similar: two actors shared make Fresh News like Night Shift from that day on (they
        # share no genre, and a platform is no reason alone)
        for day, like in ((BEFORE_LISTED, []), (AFTER_LISTED, ["fresh-news"])):
            results = json.loads(run(day, "similar", "night-shift", "--json").stdout)["results"]
            assert [hit["slug"] for hit in results] == like
            assert [
                (r["kind"], r["person"]) for hit in results for r in hit["reasons"] if r["person"]
            ] == [("cast", "kim-min-ja"), ("cast", "lee-jun-ho")][: 2 * len(like)]
        # compare: the cast in common is in a season that is out
        for day, pending in ((BEFORE_LISTED, [1]), (AFTER_LISTED, [])):
            common = json.loads(run(day, "compare", "night-shift", "fresh-news", "--json").stdout)[
                "cast_in_common"
            ]
            assert [p["announced_seasons"]["fresh-news"] for p in common] == [pending, pending]


def test_the_card_of_a_title_netflix_lists_says_on_netflix_not_unreleased(
    shared_on_netflix: Callable[..., Result],
) -> None:
    """Fresh News has no season the catalogue marks out, but Netflix's Top 10 lists its season
    1 in the week ending 2026-11-22: from that day its card said "unreleased" above a seasons
    table and a note saying it is out. It says "on Netflix by" that day, as the table does,
    whichever season the page is open at; the day before, it is unreleased still."""
    run = shared_on_netflix
    for _ in range(2):  # the second run of each day replays the stored pages
        before = flat(run(BEFORE_LISTED, "show", "fresh-news").stdout)
        assert "unreleased · series" in before and "on Netflix by" not in before
        for season in ((), ("--season", "1")):
            after = flat(run(AFTER_LISTED, "show", "fresh-news", *season).stdout)
            assert "on Netflix by 2026-11-22 · series" in after and "unreleased" not in after


def test_a_status_of_seasons_that_are_out_says_where_they_are(run: Run) -> None:
    """'--status released' got "Did you mean renewed?", the opposite of what was asked."""
    result = run("upcoming", "--status", "released")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert said.startswith("kdrama: error: --status released: upcoming lists seasons still to come")
    assert f"{KDRAMA} show TITLE" in said and "Did you mean" not in said
    # a slip of it is explained alike, never "Did you mean released?", which is refused
    slip = " ".join(run("upcoming", "--status", "releasd").stderr.split())
    assert "upcoming lists seasons still to come" in slip and "Did you mean" not in slip


@pytest.mark.parametrize("sheet", ["--csv", "--tsv"])
def test_the_sheet_carries_every_field_of_the_json(on_netflix: Run, sheet: str) -> None:
    """`upcoming --csv` lacked `--json`'s news_date and on_netflix_source: every field of a
    season in the JSON is now a column (citation ids as their addresses, as source_urls)."""
    answer = as_json(on_netflix("upcoming", "--json"))
    urls = {source["id"]: source["url"] for source in answer["sources"]}
    delimiter = "\t" if sheet == "--tsv" else ","
    text = on_netflix("upcoming", sheet).stdout
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(text), delimiter=delimiter)}
    for entry in answer["seasons"]:
        row = rows[entry["slug"]]
        assert row["news_date"] == (entry["news_date"] or "")
        listed = [urls[i] for i in entry["on_netflix_source"]]
        assert row["on_netflix_source_urls"] == "; ".join(listed)
    assert rows["fresh-news"]["news_date"] == "2026-11-20"
    assert rows["fresh-news"]["on_netflix_source_urls"] == "https://www.netflix.com/tudum/top10"
    assert rows["old-rumour"]["on_netflix_source_urls"] == ""
    columns = {key.removesuffix("_urls") for key in rows["fresh-news"]}  # source_urls: source
    assert set(answer["seasons"][0]) <= columns

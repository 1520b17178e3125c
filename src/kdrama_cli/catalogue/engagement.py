"""Netflix's half-yearly engagement reports ("What We Watched"): every Korean work in them.

Netflix publishes each report as an XLSX workbook: a few title rows (the report's name and its
period), then a header row (``Title``, ``Available Globally?``, ``Release Date``,
``Hours Viewed``, and from 2023 July-December on ``Runtime`` and ``Views``), in one sheet for
2023 January-June and a TV and a film sheet after that. A Korean work carries its Hangul
original title after `` // `` (``Reply 1988: Season 1 // 응답하라 1988: 시즌 1``).

This module reads the workbooks (python-calamine, the ``netflix`` extra), groups the rows into
works by their Hangul original title and their seasons by Netflix's labels ("Season 2",
"Limited Series", "Part 1"), and matches each work to the curated catalogue through the Netflix
titles a curated entry declares or its Hangul title, never through an English title alone.
Nothing here states what the files do not say. No printing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kdrama_cli.catalogue.folding import has_hangul, normalize
from kdrama_cli.catalogue.models import Dataset, half_year_end, half_year_months
from kdrama_cli.catalogue.netflix_titles import normalize_title
from kdrama_cli.catalogue.report_notes import figure_note
from kdrama_cli.catalogue.romanize import romanize
from kdrama_cli.catalogue.vocab import REPORT_SHEETS, WHAT_WE_WATCHED
from kdrama_cli.catalogue.wording import count_of
from kdrama_cli.errors import extra_install

#: The netflix extra's package, as pyproject.toml's [project.optional-dependencies] gives it.
NETFLIX_REQUIREMENT = "python-calamine>=0.2"
HEADER = ("Title", "Available Globally?", "Release Date", "Hours Viewed")
_PERIOD = re.compile(
    r"(?:Hours viewed|Views) from (January|July) to (June|December) (\d{4})", re.IGNORECASE
)
#: Netflix's report pages, by half-year.
REPORT_PAGES = {
    "2023H1": "https://about.netflix.com/en/news/what-we-watched-a-netflix-engagement-report",
    "2023H2": "https://about.netflix.com/en/news/what-we-watched-the-second-half-of-2023",
    "2024H1": "https://about.netflix.com/en/news/what-we-watched-the-first-half-of-2024",
    "2024H2": "https://about.netflix.com/en/news/what-we-watched-the-second-half-of-2024",
    "2025H1": "https://about.netflix.com/en/news/what-we-watched-the-first-half-of-2025",
}

#: Netflix's season labels, in English and in Korean: "Season 2", "Part 1", "Class 2",
#: "Volume 1", "Limited Series", "시즌 2", "시즌4", "1권", "리미티드 시리즈" (a subtitle may
#: follow).
_LABEL = (
    r"(?:(?:Season|Part|Volume|Book|Class|Chapter|Collection|시즌|파트|클래스)\s*(?P<number>\d+)"
    r"(?:\b.*|$)|(?P<volume>\d+)\s*권|(?:Limited Series|리미티드\s*시리즈).*)"
)
_EN_LABEL = re.compile(r"^(?P<base>.+?):\s*(?P<label>" + _LABEL + r")$", re.IGNORECASE)
_KO_LABEL = re.compile(r"^(?P<base>.+?)[:\s]+" + _LABEL + r"$", re.IGNORECASE)
#: A label that is the whole tail of a title, no word after it ("시즌 1", "1권", "리미티드
#: 시리즈"): "시즌1 제작 이야기" (the making of season 1) names another work.
_BARE_LABEL = re.compile(
    r"[:\s]+(?:(?:Season|Part|Volume|Book|Class|Chapter|Collection|시즌|파트|클래스)\s*\d+"
    r"|\d+\s*권|Limited Series|리미티드\s*시리즈)$",
    re.IGNORECASE,
)
#: A season Netflix names by its year or years, as it does for long-running variety shows:
#: "Men on a Mission: 2019", "Tasty Guys: 2018-2019", "Love Naggers: 2019/2020", "2022.11-"
#: (from November 2022 on); the Hangul
#: title repeats it, or not, or adds a part ("토요일은 밥이 좋아: 2023 파트 1").
_YEARS = r"(?:19|20)\d{2}(?:\.\d{1,2}-?|\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2}))?"
_EN_YEAR_LABEL = re.compile(r"^(?P<base>.+?):\s*(?P<label>" + _YEARS + r")$")
_KO_YEAR_LABEL = re.compile(r"^(?P<base>.+?)[:\s]+" + _YEARS + r"(?:\s*파트\s*\d+)?$")
#: A year after a colon, the whole tail of a Hangul title ("탐정들의 영업비밀: 2024"); a year that
#: is part of the name ("응답하라 1988", "학교 2017") has no colon before it.
_KO_COLON_YEAR = re.compile(r"^(?P<base>.+?):\s*" + _YEARS + r"$")


class EngagementFileError(Exception):
    """A workbook that is not one of Netflix's reports, or a row that cannot be read."""


def is_workbook(path: Path) -> bool:
    """An XLSX file (a zip archive), whatever its name. Only a regular file is opened (a FIFO
    would block); anything else is left for the caller to refuse."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as stream:
            return stream.read(4) == b"PK\x03\x04"
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Row:
    """One Korean row of a report."""

    report: str  # "2023H1"
    sheet: str  # "TV", "Film" or "" (2023 January-June has one sheet for both)
    line: int
    english: str  # the full English title, with its season label
    original: str  # the full original (Hangul) title
    available: bool | None
    release: dt.date | None
    hours: float
    runtime_minutes: int | None
    views: float | None


@dataclass
class Report:
    key: str  # "2023H1"
    end: dt.date
    rows: list[Row] = field(default_factory=list)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _period(cells: Iterable[Any]) -> tuple[str, dt.date] | None:
    for cell in cells:
        match = _PERIOD.search(str(cell))
        if match:
            first, _, year = match.groups()
            half = "H1" if first.lower() == "january" else "H2"
            return f"{year}{half}", half_year_end(int(year), half == "H1")
    return None


def _sheet_kind(name: str) -> str:
    lowered = name.casefold()
    if "film" in lowered or "movie" in lowered:
        return "Film"
    if "tv" in lowered or "show" in lowered:
        return "TV"
    return ""


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{what}: expected a number, got {value!r}")
    number = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    if not (number >= 0 and number < 10**13):  # also refuses nan and inf
        raise ValueError(f"{what}: expected a non-negative number, got {value!r}")
    return number


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"Release Date: expected a date, got {value!r}") from None


def _runtime(value: Any) -> int | None:
    """'7:10' (hours:minutes of a whole season or film) -> 430 minutes; Netflix's '*' (not
    given) -> None."""
    if value in (None, "", "*"):
        return None
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,4}):(\d{2})(?::\d{2})?", text)
    if not match:
        raise ValueError(f"Runtime: expected hours:minutes, got {value!r}")
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    return minutes or None


def read_workbook(path: Path) -> Report:
    """The Korean rows of one report; EngagementFileError when it is not one."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise EngagementFileError(
            f"reading Netflix's XLSX reports needs {extra_install('netflix', NETFLIX_REQUIREMENT)}"
        ) from None
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [
            (name, workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names
        ]
    except Exception as error:  # noqa: BLE001 - the library's errors are not documented
        raise EngagementFileError(f"{path}: cannot read the workbook: {error}") from None
    report: Report | None = None
    problems: list[str] = []
    for name, rows in sheets:
        header_at = next(
            (i for i, row in enumerate(rows[:50]) if tuple(map(str, row[:4])) == HEADER), None
        )
        if header_at is None:
            continue
        period = _period(cell for row in rows[:header_at] for cell in row)
        if period is None:
            raise EngagementFileError(f"{path}: sheet {name!r} names no report period")
        if report is None:
            report = Report(period[0], period[1])
        elif report.key != period[0]:
            raise EngagementFileError(f"{path}: sheets of two periods ({report.key}, {period[0]})")
        columns = [str(c) for c in rows[header_at]]
        position = {column: i for i, column in enumerate(columns)}
        kind = _sheet_kind(name)
        for line, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
            cells = dict(zip(columns, row, strict=False))
            # Zero-width characters (one title ends in U+200B) are invisible in the workbook
            # and only break matching and column widths.
            title = _ZERO_WIDTH.sub("", str(cells.get("Title") or "")).strip()
            if not title or not has_hangul(title):
                continue
            english, _, original = title.partition(" // ")
            if not original:
                english, original = title, title
            try:
                views = cells.get("Views")
                views = None if views in (None, "", "*") else views
                report.rows.append(
                    Row(
                        report=report.key,
                        sheet=kind,
                        line=line,
                        english=english.strip(),
                        original=original.strip(),
                        available=_available(cells.get("Available Globally?")),
                        release=_date(cells.get("Release Date")),
                        hours=_number(cells.get("Hours Viewed"), "Hours Viewed"),
                        runtime_minutes=_runtime(cells.get("Runtime"))
                        if "Runtime" in position
                        else None,
                        views=_number(views, "Views") if views is not None else None,
                    )
                )
            except ValueError as error:
                problems.append(f"{path}: {name}:{line}: {error}")
    if report is None:
        raise EngagementFileError(
            f"{path}: not a Netflix engagement report (no sheet has the columns "
            f"{', '.join(HEADER)})"
        )
    if problems:
        shown = problems[:20]
        if len(problems) > 20:
            shown.append(f"... and {count_of(len(problems) - 20, 'more row')} with problems")
        raise EngagementFileError("\n".join(shown))
    return report


def _available(value: Any) -> bool | None:
    text = str(value or "").strip().casefold()
    return True if text == "yes" else False if text == "no" else None


# --- works and seasons ------------------------------------------------------------------------


def key_of(text: str) -> str:
    """Fold case, width, spacing and punctuation: '응답하라  1988' and '응답하라1988' are one
    (folding.normalize, the catalogue's one such key)."""
    return normalize(text)


def split_label(english: str) -> tuple[str, str | None, int | None]:
    """'Squid Game: Season 2' -> ('Squid Game', 'Season 2', 2); 'X: Limited Series' -> (X, ..., 1);
    a title with no season label -> (title, None, None)."""
    match = _EN_LABEL.match(english)
    if not match:
        return english, None, None
    return match.group("base").strip(), match.group("label").strip(), _label_number(match)


def _label_number(label: re.Match[str]) -> int:
    """The season a label numbers ('Season 2', '시즌 2', '2권' (volume 2)); 1 for one that
    numbers none ('Limited Series')."""
    return int(label.group("number") or label.group("volume") or 1)


def original_base(original: str) -> str:
    match = _KO_LABEL.match(original)
    base = match.group("base") if match else original
    return base.strip().rstrip(":").strip()


def without_english(hangul: str, english: str) -> str:
    """'바람: Wish' -> '바람': a Hangul title that adds the English one after a colon is the
    Hangul title alone (Netflix titles the film 'Wish // 바람: Wish' in one report and 'Wish //
    바람' in the next). A title whose part before the colon has no Hangul is kept whole."""
    head, colon, tail = hangul.rpartition(":")
    if colon and key_of(tail) == key_of(english) and re.search("[가-힣]", head):
        return head.strip()
    return hangul


def hangul_base(original: str, english_label: str | None) -> str:
    """The Hangul title of a row without its season label, given the English title's label.

    Netflix labels a season in both titles ('Squid Game: Season 2 // 오징어 게임: 시즌 2'). A
    label only the Hangul title has is the work's own first or only season ('Pale Moon //
    종이달: Limited Series'), unless it names another: 'Squid Game: Making Season 2 // 오징어
    게임: 시즌2 제작 이야기' is a documentary about the show and 'Sex Is Zero II // 색즉시공 시즌 2'
    the sequel film. So does a label followed by more words, whatever its number: 'Squid Game:
    Making Season 1 // 오징어 게임: 시즌1 제작 이야기'. Such a title is kept whole, so it is never
    read as season 1 of the work its Hangul begins with.

    Where the English title numbers the season and the Hangul one names it by its year
    instead ('Detectives: The Trade Secret: Season 1 // 탐정들의 영업비밀: 2024', the same
    season as the report before's '… : Season 1 // 탐정들의 영업비밀: 시즌1'), the year is
    that label and is dropped too."""
    if english_label is None:
        match = _KO_LABEL.match(original)
        if match and (_label_number(match) != 1 or not _BARE_LABEL.search(original)):
            return original.strip()
    elif not _KO_LABEL.match(original) and (year := _KO_COLON_YEAR.match(original)):
        return year.group("base").strip()
    return original_base(original)


def season_titles(row: Row) -> tuple[str, str, str | None, int | None]:
    """A row's English and Hangul titles without their season label (and without the English
    title a Hangul one may add), the label, and the season's number: 'Squid Game: Season 2 //
    오징어 게임: 시즌 2' -> ('Squid Game', '오징어 게임', 'Season 2', 2)."""
    base, label, number = split_label(row.english)
    return base, without_english(hangul_base(row.original, label), base), label, number


def split_year_label(english: str, original: str) -> tuple[str, str, str, int] | None:
    """'Men on a Mission: 2019' (아는 형님: 2019) -> ('Men on a Mission', '아는 형님', '2019',
    2019): the English and Hangul titles without a year label, the label, and its first year
    (None when Netflix's title names no year)."""
    match = _EN_YEAR_LABEL.match(english)
    if not match or _EN_LABEL.match(english):  # 'Brave Detectives: Season 4: 2024': season 4
        return None
    hangul = original_base(original)
    korean = _KO_YEAR_LABEL.match(hangul)
    if korean:
        hangul = korean.group("base").strip().rstrip(":").strip()
    label = match.group("label")
    return match.group("base").strip(), hangul, label, int(label[:4])


@dataclass
class Work:
    """One Korean work across the reports."""

    key: str  # the kind and the folded Hangul base title
    kind: str  # "series" or "film"
    title: str  # English, without a season label (from the latest report)
    korean_title: str
    #: season number -> report -> its rows (one, unless Netflix split a season; films: 0)
    seasons: dict[int, dict[str, list[Row]]] = field(default_factory=lambda: defaultdict(dict))
    labels: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    reports: set[str] = field(default_factory=set)
    #: Its seasons are named by years and numbered here in their order, not by Netflix: only a
    #: season a curated entry declares by its Netflix title is placed there.
    by_years: bool = False
    #: The folded titles without their years, for a work that stays apart from others Netflix
    #: titles alike ('Running Man', 'Running Man: 2024'): its page links to them.
    family: str = ""
    #: Whether any of Netflix's files says TV or film for it. A row of the 2023 January-June
    #: report alone does not: it is kept as one release (like a film) but its kind is unknown.
    kind_known: bool = False


def group_works(
    reports: Sequence[Report], top10_kinds: Mapping[str, str]
) -> tuple[list[Work], list[str]]:
    """Works with their seasons and rows, and what could not be placed (reported, not guessed).

    A work is its kind, its Hangul title and its English title (without season labels): two
    works can share a Hangul title (괴물 is the film The Host and the series Beyond Evil). Its
    kind comes from its report sheet (TV or Film); for 2023 January-June, which has one sheet
    for both, from a later report's sheet for the same titles (labelled alike, else labelled
    at all: 'Misaeng: Incomplete Life' there is 'Misaeng: Incomplete Life: Limited Series' in
    the TV sheets after it, unless the same report also lists a season of those titles: then
    the unlabelled row is another work, as the film 'My Sassy Girl' beside the series' 'My
    Sassy Girl: Season 1'), then from the Top 10 category, then from whether Netflix labels
    it with a season.

    Netflix names the seasons of some long-running variety shows by their years ('Men on a
    Mission: 2019', ': 2020', 'Tasty Guys: 2018-2019'): such a show is one series, its seasons
    numbered 1, 2, ... in the order of their years, each keeping Netflix's title. When the same
    titles also come with a numbered season or none, no report says where the years fall among
    them, and the year-named rows stay works of their own, titled as Netflix titles them."""
    notes: list[str] = []
    # Titles Netflix names every season of by its years ('Men on a Mission: 2019', ': 2020'):
    # (Hangul, English) without the years -> True; False when the same titles also come with
    # a numbered season or none, whose order among the years no report gives: those
    # year-named rows then stay works of their own, as Netflix titles them.
    by_years: dict[tuple[str, str], bool] = {}
    # Each row's year label, read once (rows by identity: a Row is not hashable).
    years = {
        id(row): split_year_label(row.english, row.original)
        for report in reports
        for row in report.rows
    }
    for year in years.values():
        if year is not None:
            by_years.setdefault((key_of(year[1]), key_of(year[0])), True)
    for report in reports:
        for row in report.rows:
            year = years[id(row)]
            if year is None:
                base, hangul, _, _ = season_titles(row)
                titles = (key_of(hangul), key_of(base))
                if titles in by_years:
                    by_years[titles] = False
            elif row.sheet == "Film":  # films named by year ('X: 2022', 'X: 2023') are films
                by_years[(key_of(year[1]), key_of(year[0]))] = False
    # Every year label, in the order of its first year and then its wording: "2019" and
    # "2019/20" are two seasons, in that order.
    labels = {year[2] for year in years.values() if year is not None}
    year_order = {
        label: number
        for number, label in enumerate(sorted(labels, key=lambda y: (int(y[:4]), y)), start=1)
    }

    def family_of(row: Row) -> str:
        """For a row whose titles also come both with years and without: those titles."""
        year = years[id(row)]
        if year is not None:
            titles = (key_of(year[1]), key_of(year[0]))
        else:
            base, hangul, _, _ = season_titles(row)
            titles = (key_of(hangul), key_of(base))
        return "\t".join(titles) if by_years.get(titles) is False else ""

    def parse(row: Row) -> tuple[str, str, str | None, int | None, bool]:
        """English and Hangul titles without the season label, the label, the season's
        number (for a season named by years, its label's place among all year labels), and
        whether it is so named."""
        year = years[id(row)]
        if year is not None and by_years.get((key_of(year[1]), key_of(year[0]))):
            return year[0], year[1], year[2], year_order[year[2]], True
        return (*season_titles(row), False)

    # (Hangul title, English title, labelled with a season?) -> sheet, from the later reports
    by_titles: dict[tuple[str, str, bool], str] = {}
    # (Hangul title, English title) -> sheet, however the later reports label it: only for a
    # row Netflix left unlabelled (a labelled row is a season, never a film)
    by_work: dict[tuple[str, str], str] = {}
    # (report, Hangul title, English title) of every row Netflix labels with a season
    seasoned: set[tuple[str, str, str]] = set()
    # (Hangul title, English title, runtime) of an unlabelled row -> the latest report that
    # lists it and its sheets there: Netflix moved 'Pinkfong & Hogi Mini-Movie: The Tricky
    # Three Cars' (42 minutes) from the Film sheet to the TV sheet, and one work with one
    # runtime is one entry. A latest report that lists the titles on both sheets says no one
    # sheet: each row keeps its own.
    sheets_in: dict[tuple[str, str, int], tuple[str, set[str]]] = {}
    for report in reports:
        for row in report.rows:
            base, hangul, label, _, _ = parse(row)
            titles = (key_of(hangul), key_of(base))
            if label is not None:
                seasoned.add((report.key, *titles))
            if row.sheet:
                by_titles.setdefault((*titles, label is not None), row.sheet)
                by_work.setdefault(titles, row.sheet)
            if label is None and row.sheet and row.runtime_minutes:
                timed = (*titles, row.runtime_minutes)
                seen_in, sheets = sheets_in.get(timed, ("", set()))
                if report.key > seen_in:
                    sheets_in[timed] = (report.key, {row.sheet})
                elif report.key == seen_in:
                    sheets.add(row.sheet)
    latest_sheet = {
        timed: next(iter(sheets)) for timed, (_, sheets) in sheets_in.items() if len(sheets) == 1
    }
    works: dict[str, Work] = {}
    for report in sorted(reports, key=lambda r: r.key):
        for row in sorted(report.rows, key=lambda r: r.line):
            base, hangul, label, number, named_by_years = parse(row)
            # 'Dr. Romantic 2 // 낭만닥터 김사부2': a series numbered in both its titles. A row of
            # 2023 January-June's single sheet takes the later reports' sheet for the same
            # titles: else its 'Voice 2 // 보이스 2' was a work of its own while the TV sheets'
            # was Voice's season 2, and one season's figures went to two titles.
            sheet = row.sheet or by_titles.get((key_of(hangul), key_of(base), False), "")
            numbered = re.fullmatch(r"(.+?) ([1-9])", base)
            if (
                label is None
                and sheet == "TV"
                and numbered
                and re.search(rf"[가-힣]\s?{numbered.group(2)}$", hangul)
            ):
                base, label, number = numbered.group(1), base, int(numbered.group(2))
            if number is not None and re.search(rf"[가-힣]\s?{number}$", hangul):
                hangul = hangul[: -len(str(number))].rstrip()  # '낭만닥터 김사부1': season 1
            folded, english = key_of(hangul), key_of(base)
            moved = (
                latest_sheet.get((folded, english, row.runtime_minutes))
                if label is None and row.sheet and row.runtime_minutes
                else None
            )
            known = (
                moved
                or row.sheet
                or by_titles.get((folded, english, label is not None))
                or (
                    by_work.get((folded, english))
                    if label is None and (report.key, folded, english) not in seasoned
                    else None
                )
                or top10_kinds.get(english, "")
                or ("TV" if label or years[id(row)] else "")
            )
            kind = "series" if known and known != "Film" else "film"
            key = f"{kind}:{folded}:{english}"
            work = works.get(key)
            if work is None:
                work = works[key] = Work(key, kind, base, hangul)
            if named_by_years and kind == "series":
                work.by_years = True  # its seasons are numbered by their labels' order, for now
            work.family = work.family or family_of(row)
            work.kind_known = work.kind_known or bool(known)
            work.title, work.korean_title = base, hangul  # the latest report's wording
            season = 0 if kind == "film" else (number or 1)
            rows = work.seasons[season].setdefault(report.key, [])
            if rows:
                which = f"the season named {label}" if named_by_years else f"season {season}"
                notes.append(
                    f"{report.key}: {row.english!r} and {rows[0].english!r} are both {which} "
                    f"of {hangul}: both kept, each figure names its Netflix title"
                )
            rows.append(row)
            work.labels[season].add(row.english)
            work.reports.add(report.key)
    for work in works.values():  # seasons named by years: 1, 2, ... in their labels' order
        if not work.by_years:
            continue
        order = {year: number for number, year in enumerate(sorted(work.seasons), start=1)}
        work.seasons = defaultdict(dict, {order[y]: rows for y, rows in work.seasons.items()})
        work.labels = defaultdict(set, {order[y]: names for y, names in work.labels.items()})
    _join_untitled(works)
    return sorted(works.values(), key=lambda w: w.key), notes


def _untitled(work: Work) -> bool:
    """Whether Netflix gave the work no English title in any report: every row is titled in
    Hangul alone ('침묵'), with no ' // '."""
    return all(
        row.english == row.original
        for by_report in work.seasons.values()
        for rows in by_report.values()
        for row in rows
    )


def _runtimes(work: Work) -> set[int]:
    return {
        row.runtime_minutes
        for by_report in work.seasons.values()
        for rows in by_report.values()
        for row in rows
        if row.runtime_minutes
    }


def _join_untitled(works: dict[str, Work]) -> None:
    """A work Netflix titled in Hangul alone in some reports and with an English title before
    it in others is one work: the film '침묵' of 2023 to 2024 H2 is 'Heart Blackened // 침묵' in
    January-June 2025, with the same runtime (2:05), and was two entries, each with part of
    its reports. The Hangul-only rows join the one work of the same kind and Hangul title that
    has an English title, when no report lists both (Netflix listing both in one report makes
    them two works) and a runtime they share says they are one; two or more such works, or
    none, leave them as they are (works of one Hangul title can differ: 괴물 is The Host and
    Beyond Evil)."""
    for key, untitled in list(works.items()):
        if untitled.by_years or untitled.family or not _untitled(untitled):
            continue
        folded = key_of(untitled.korean_title)
        titled = [
            work
            for work in works.values()
            if work is not untitled
            and work.kind == untitled.kind
            and key_of(work.korean_title) == folded
            and not work.by_years
            and not work.family
            and not _untitled(work)
        ]
        if len(titled) != 1:
            continue
        (into,) = titled
        if into.reports & untitled.reports or not _runtimes(into) & _runtimes(untitled):
            continue
        for number, by_report in untitled.seasons.items():
            into.seasons[number].update(by_report)
            into.labels[number] |= untitled.labels[number]
        into.reports |= untitled.reports
        into.kind_known = into.kind_known or untitled.kind_known
        del works[key]


# --- matching the curated catalogue -----------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    slug: str
    #: report season number -> the curated season number (films: 0 -> None)
    seasons: Mapping[int, int | None]


def place(works: Sequence[Work], dataset: Dataset) -> tuple[dict[str, Placement], list[str]]:
    """Which curated entry each work is, by the Netflix titles it declares or its Hangul title;
    ambiguous works are reported and left unmerged."""
    by_label: dict[str, set[tuple[str, int | None]]] = defaultdict(set)
    by_hangul: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    numbers: dict[str, set[int]] = {}
    for show in dataset.shows.values():
        if getattr(show, "netflix_only", False):
            continue
        kinds[show.slug] = show.kind
        numbers[show.slug] = {s.number for s in show.seasons}
        for title in show.netflix_titles:
            by_label[normalize_title(title)].add((show.slug, None))
        for season in show.seasons:
            for title in season.netflix_titles:
                by_label[normalize_title(title)].add((show.slug, season.number))
        if show.korean_title:
            by_hangul[key_of(show.korean_title)].add(show.slug)
    placed: dict[str, Placement] = {}
    notes: list[str] = []
    for work in works:
        labelled = {
            hit
            for labels in work.labels.values()
            for t in labels
            for hit in by_label.get(normalize_title(t), ())
        }
        candidates = {slug for slug, _ in labelled} | by_hangul.get(
            key_of(work.korean_title), set()
        )
        # A film or a special is one release; series, reality and documentaries have seasons.
        candidates = {
            slug
            for slug in candidates
            if (kinds[slug] in ("film", "special")) == (work.kind == "film")
        }
        if not candidates:
            continue
        if len(candidates) > 1:
            which = ", ".join(sorted(candidates))
            notes.append(f"{work.korean_title} ({work.title}) could be any of {which}: unmerged")
            continue
        slug = candidates.pop()
        seasons: dict[int, int | None] = {}
        for number, labels in work.labels.items():
            declared = {
                s
                for t in labels
                for (hit, s) in by_label.get(normalize_title(t), ())
                if hit == slug
            }
            if work.kind == "film":
                seasons[number] = None
            elif len(declared) == 1:
                seasons[number] = declared.pop()
            elif number in numbers[slug] and not work.by_years:
                seasons[number] = number
            else:
                notes.append(f"{slug}: no season for Netflix's {sorted(labels)[0]!r}; not attached")
        placed[work.key] = Placement(slug, seasons)
    return placed, notes


def slug_for(work: Work, taken: set[str]) -> str:
    """A kebab-case slug from the English title (from the Hangul when it has no Latin letters),
    made unique with the kind, then a number."""
    return slug_for_title(work.title, work.kind, taken, work.korean_title)


def slug_for_title(title: str, kind: str, taken: set[str], korean: str = "") -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_title.casefold()).strip("-")
    if not base:
        base = re.sub(r"[^a-z0-9]+", "-", romanize(korean, "").casefold()).strip("-")
    base = base[:60].strip("-") or "title"
    for candidate in (base, f"{base}-{kind}"):
        if candidate not in taken:
            return candidate
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


# --- the generated document ------------------------------------------------------------------


def report_citation(key: str) -> dict[str, Any]:
    year, half = key[:4], key[4:]
    months = half_year_months(half == "H1")
    return {
        "id": f"netflix-engagement-{key.lower()}",
        "url": REPORT_PAGES.get(key, "https://about.netflix.com/en/news"),
        "title": f"What We Watched: A Netflix Engagement Report ({months} {year})",
        "publisher": "Netflix",
    }


def _figure(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


#: The list of a row's figures, by its sheet (Row.sheet): the report's TV or film sheet, or
#: its one sheet (January-June 2023 lists both together).
_SHEET_LISTS = {"TV": REPORT_SHEETS["tv"], "Film": REPORT_SHEETS["films"]}


def figures(row: Row, show: str, season: int | None, end: dt.date) -> list[dict[str, Any]]:
    """The row's figures as stats over the report's half-year window, on the list of the sheet
    that lists it: `top` ranks each sheet apart, as Netflix's workbook lists them. A title
    moved from one sheet to the other is one entry, filed as the latest report files it
    (group_works), but each figure keeps the sheet of its own report."""
    common: dict[str, Any] = {
        "show": show,
        "window": f"half-year:{row.report}",
        "list": _SHEET_LISTS.get(row.sheet, WHAT_WE_WATCHED),
        "as_of": end,
        "note": figure_note(row.english, row.available, row.release),
        "sources": [report_citation(row.report)["id"]],
    }
    if season is not None:
        common["season"] = season
    stats = [{"metric": "hours-viewed", "value": _figure(row.hours), "unit": "hours", **common}]
    if row.views:
        stats.append({"metric": "views", "value": _figure(row.views), "unit": "views", **common})
    if row.runtime_minutes:
        stats.append(
            {"metric": "runtime", "value": row.runtime_minutes, "unit": "minutes", **common}
        )
    return [{k: v for k, v in s.items() if v is not None} for s in stats]


@dataclass
class Catalogue:
    """What the reports add: new entries for works the curated catalogue lacks, figures for
    all of them, the reports' citations, and what was left unmerged."""

    shows: list[dict[str, Any]]
    stats: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    notes: list[str]
    #: (Netflix label, curated slug, curated season) for works merged into curated entries.
    placed_labels: list[tuple[str, str, int | None]] = field(default_factory=list)
    #: (curated slug, curated season) -> the day Netflix released that season (or film) on
    #: Netflix, by the reports: for a licensed title later than the release date the curated
    #: entry gives, and the day its first week in the Top 10 counts from.
    netflix_releases: dict[tuple[str, int | None], dt.date] = field(default_factory=dict)


def _earliest_release(by_report: Mapping[str, Sequence[Row]]) -> dt.date | None:
    """The earliest Release Date the reports give a season (or film), or None: Netflix's
    day for it on Netflix."""
    return min(
        (row.release for rows in by_report.values() for row in rows if row.release), default=None
    )


def catalogue(
    reports: Sequence[Report], dataset: Dataset, top10_kinds: Mapping[str, str]
) -> Catalogue:
    works, notes = group_works(reports, top10_kinds)
    placed, placing_notes = place(works, dataset)
    notes += placing_notes
    ends = {r.key: r.end for r in reports}
    taken = set(dataset.shows)
    shows: list[dict[str, Any]] = []
    stats: list[dict[str, Any]] = []
    placed_labels: list[tuple[str, str, int | None]] = []
    netflix_releases: dict[tuple[str, int | None], dt.date] = {}
    slugs: dict[str, str] = {}  # work key -> its entry's slug
    for work in works:
        placement = placed.get(work.key)
        if placement is not None:
            slugs[work.key] = placement.slug
            for number, by_report in sorted(work.seasons.items()):
                if number not in placement.seasons:
                    continue
                for label in sorted(work.labels[number]):
                    placed_labels.append((label, placement.slug, placement.seasons[number]))
                _keep_earliest(
                    netflix_releases,
                    (placement.slug, placement.seasons[number]),
                    _earliest_release(by_report),
                )
                for key, rows in sorted(by_report.items()):
                    for row in rows:
                        stats += figures(row, placement.slug, placement.seasons[number], ends[key])
            continue
        slug = slug_for(work, taken)
        taken.add(slug)
        slugs[work.key] = slug
        cited = sorted(report_citation(k)["id"] for k in work.reports)
        # An original title with no Hangul of its own ("19/20") is not a Korean title field.
        entry_title = {"korean_title": work.korean_title} if has_hangul(work.korean_title) else {}
        entry: dict[str, Any] = {
            "slug": slug,
            "title": work.title,
            **entry_title,
            "kind": work.kind if work.kind_known else "unknown",
            "netflix_only": True,
            "sources": cited,
        }
        # Netflix's "Release Date" is the day it released the work on Netflix: for a licensed
        # work (a film first shown in cinemas, a series first broadcast) a later day than its
        # first release, and no column says which works Netflix premiered. It is kept as what
        # it is, never as the work's release date.
        if work.kind == "film":
            release = _earliest_release(work.seasons[0])
            if release:
                entry["netflix_release_date"] = release
            entry["netflix_titles"] = sorted(work.labels[0])
        else:
            entry["seasons"] = []
            for number, by_report in sorted(work.seasons.items()):
                release = _earliest_release(by_report)
                season: dict[str, Any] = {"number": number, "status": "released"}
                if release:
                    season["netflix_release_date"] = release
                season["netflix_titles"] = sorted(work.labels[number])
                season["sources"] = sorted(report_citation(k)["id"] for k in by_report)
                entry["seasons"].append(season)
        shows.append(entry)
        for number, by_report in sorted(work.seasons.items()):
            for key, rows in sorted(by_report.items()):
                for row in rows:
                    stats += figures(row, slug, None if work.kind == "film" else number, ends[key])
    # Entries Netflix titles alike that stay apart ('Running Man', 'Running Man: 2024') link
    # to each other.
    families: dict[str, set[str]] = defaultdict(set)
    family_of_slug: dict[str, str] = {}
    for work in works:
        if work.family:
            families[work.family].add(slugs[work.key])
            family_of_slug[slugs[work.key]] = work.family
    for entry in shows:
        family = family_of_slug.get(entry["slug"])
        others = sorted(families[family] - {entry["slug"]}) if family else []
        if others:
            entry["related"] = others
    citations = [report_citation(r.key) for r in sorted(reports, key=lambda r: r.key)]
    shows.sort(key=lambda s: s["slug"])
    return Catalogue(shows, stats, citations, notes, placed_labels, netflix_releases)


def _keep_earliest(
    days: dict[tuple[str, int | None], dt.date], key: tuple[str, int | None], day: dt.date | None
) -> None:
    """Keep ``day`` for ``key`` when it is earlier than the one kept (two works placed in one
    curated season), or none is."""
    if day is not None and (key not in days or day < days[key]):
        days[key] = day

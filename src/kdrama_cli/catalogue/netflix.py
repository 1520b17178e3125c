"""Derive dataset figures from Netflix's published Top 10 files (no printing).

Netflix publishes tab-separated files: ``all-weeks-global.tsv`` (weekly global lists),
``all-weeks-countries.tsv`` (weekly lists per country) and ``most-popular.tsv`` (all-time lists
over a title's first 28 or 91 days). Rows are matched to the dataset only through the explicit
``netflix_titles`` of a season (Netflix's ``season_title``) or of a film (its ``show_title``);
nothing is guessed. The result is a dataset document of top-level ``[[stats]]`` and their
citations, written in a stable order so the same input always gives the same file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kdrama_cli.catalogue.models import Dataset, latest_past, no_week_end
from kdrama_cli.catalogue.netflix_titles import normalize_title
from kdrama_cli.catalogue.reading import given_file_unreadable, read_regular_file
from kdrama_cli.catalogue.vocab import LIST_JOIN, NATIONAL_TOP10, SEASONED_KINDS, all_time_note
from kdrama_cli.catalogue.wording import count_of

TOP10_URL = "https://www.netflix.com/tudum/top10"

GLOBAL = "global"
COUNTRIES = "countries"
POPULAR = "most-popular"
TIERS = "tiers"

_REQUIRED = {
    GLOBAL: {
        "week",
        "category",
        "weekly_rank",
        "show_title",
        "season_title",
        "weekly_hours_viewed",
    },
    COUNTRIES: {"country_iso2", "week", "category", "weekly_rank", "show_title", "season_title"},
    POPULAR: {"category", "rank", "show_title", "season_title"},
    TIERS: {"show_title", "tier"},
}
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})")


class NetflixFileError(Exception):
    """A file is not in one of Netflix's Top 10 formats, or a row cannot be read. ``toml`` is
    the path of a file that is TOML instead, for the command to say how a dataset is read."""

    def __init__(self, message: str, toml: Path | None = None) -> None:
        super().__init__(message)
        self.toml = toml


@dataclass
class NetflixInput:
    """Rows read from Netflix's files, grouped by kind."""

    global_rows: list[dict[str, str]] = field(default_factory=list)
    country_rows: list[dict[str, str]] = field(default_factory=list)
    #: (snapshot date, row) for each all-time Most Popular row.
    popular_rows: list[tuple[dt.date, dict[str, str]]] = field(default_factory=list)
    #: Netflix show titles known to be Korean (from a tiers file), for reporting.
    korean_titles: set[str] = field(default_factory=set)
    #: Top 10 kind ("TV" or "Film") by folded show title, from a tiers file.
    top10_kinds: dict[str, str] = field(default_factory=dict)
    #: The engagement reports read (kdrama_cli.catalogue.engagement).
    reports: list[Any] = field(default_factory=list)


def detect_kind(header: Sequence[str]) -> str | None:
    columns = set(header)
    if _REQUIRED[COUNTRIES] <= columns:
        return COUNTRIES
    if _REQUIRED[GLOBAL] <= columns:
        return GLOBAL
    if _REQUIRED[POPULAR] <= columns and (
        "hours_viewed_first_28_days" in columns or "views_first_91_days" in columns
    ):
        return POPULAR
    if _REQUIRED[TIERS] <= columns:
        return TIERS
    return None


#: What `data netflix` reads, for a file that is none of them.
_READS = (
    "expected a Top 10 TSV (all-weeks-global.tsv, all-weeks-countries.tsv, most-popular.tsv), "
    "an engagement report XLSX or a Korean title tiers TSV"
)
#: A TOML table header or key, the first line of a dataset: '[[shows]]', 'slug = "x"'.
_TOML_LINE = re.compile(r'\s*(\[\[?\s*[\w.\-"]+\s*\]\]?|[\w\-"]+\s*=)')


def _not_netflix(path: Path, header: Sequence[str], text: str) -> NetflixFileError:
    """Why a file is none of Netflix's, and what is read: its columns when it has some (a TSV
    of another kind), else what it looks like. A dataset's TOML lines are not "columns"
    ('[[citations]]'): the error marks the file as TOML."""
    if len(header) > 1:
        return NetflixFileError(
            f"{path}: not a Netflix file (columns: {', '.join(header)}): {_READS}"
        )
    # Only the first lines are looked at: the file may be up to MAX_INPUT_BYTES of another kind.
    head = text[:65536].splitlines()
    lines = (line for line in head if line.strip() and not line.lstrip().startswith("#"))
    first = next(lines, None)
    if first is None:
        what = "it holds only comments" if text.strip() else "it is empty"
        return NetflixFileError(f"{path}: not a Netflix file ({what}): {_READS}")
    if _TOML_LINE.match(first):
        return NetflixFileError(f"{path}: not a Netflix file: {_READS}; this one is TOML", path)
    return NetflixFileError(f"{path}: not a Netflix file (no tab-separated columns): {_READS}")


#: Netflix's all-countries file is large; anything beyond this is not one of its files.
MAX_INPUT_BYTES = 1024 * 1024 * 1024
#: Problems listed before the rest are counted.
SHOWN_PROBLEMS = 20


def read_inputs(
    paths: Iterable[Path], snapshot: dt.date | None = None, today: dt.date | None = None
) -> NetflixInput:
    """Read every file, recognising its kind by its header, and check every row with the rules
    its figures must meet in a dataset (no negative hours, ranks 1 to 10, real dates, weeks
    ending on a Sunday and not after ``today``, finite numbers, full rows); the problems name
    the file and line."""
    found = NetflixInput()
    problems: list[str] = []
    given = _Given()
    latest = latest_past(today)  # Netflix publishes a week's list after the week ends
    for path in paths:
        from kdrama_cli.catalogue import engagement

        if engagement.is_workbook(path):
            try:
                found.reports.append(engagement.read_workbook(path))
            except engagement.EngagementFileError as error:
                raise NetflixFileError(str(error)) from None
            continue
        try:
            raw = read_regular_file(str(path), MAX_INPUT_BYTES)
            text = raw.decode("utf-8").removeprefix("\ufeff")  # utf-8-sig counts from the BOM
        except OSError as error:
            raise NetflixFileError(f"{path}: {given_file_unreadable(error)}") from None
        except UnicodeDecodeError as error:
            from kdrama_cli.catalogue.syntax import not_utf8

            line, column, message = not_utf8(raw, error.start)
            where = line if column is None else f"{line}:{column}"
            raise NetflixFileError(f"{path}:{where}: {message}") from None
        try:
            reader = csv.DictReader(
                io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE
            )
            kind = detect_kind(reader.fieldnames or [])
            if kind is None:
                raise _not_netflix(path, reader.fieldnames or [], text)
            when = (snapshot or _date_from_name(path)) if kind == POPULAR else None
            if kind == POPULAR and when is None:
                raise NetflixFileError(
                    f"{path}: the Most Popular list has no date; pass --snapshot DATE"
                )
            rows = []
            for row in reader:
                at = f"{path}:{reader.line_num}"
                row_problems = _row_problems(kind, row, latest)
                problems.extend(f"{at}: {p}" for p in row_problems)
                read = {k: v for k, v in row.items() if isinstance(k, str)}
                if row_problems or given.first_time(kind, when, read, at, problems):
                    rows.append(read)
        except csv.Error as error:
            raise NetflixFileError(f"{path}: cannot read: {error}") from None
        if kind == GLOBAL:
            found.global_rows.extend(rows)
        elif kind == COUNTRIES:
            found.country_rows.extend(rows)
        elif kind == POPULAR:
            assert when is not None
            found.popular_rows.extend((when, row) for row in rows)
        else:
            from kdrama_cli.catalogue.engagement import key_of

            korean = [r for r in rows if (r.get("tier") or "").startswith("K")]
            found.korean_titles.update(r["show_title"] for r in korean)
            found.top10_kinds.update(
                (key_of(r["show_title"]), (r.get("kind") or "").strip()) for r in korean
            )
    if problems:
        shown = problems[:SHOWN_PROBLEMS]
        if len(problems) > SHOWN_PROBLEMS:
            more = count_of(len(problems) - SHOWN_PROBLEMS, "more row")
            shown.append(f"... and {more} with problems")
        raise NetflixFileError("\n".join(shown))
    return found


#: What makes a row of each kind one entry of Netflix's lists (a Most Popular row's list is
#: also its snapshot's date and its window, told by the figures it has), and the figures it gives.
_TITLES = ("show_title", "season_title")
_ROW_KEY = {
    GLOBAL: ("week", "category", *_TITLES),
    COUNTRIES: ("country_iso2", "week", "category", *_TITLES),
    POPULAR: ("category", *_TITLES),
}
_ROW_FIGURES = {
    GLOBAL: ("weekly_rank", "weekly_hours_viewed", "weekly_views", "cumulative_weeks_in_top_10"),
    COUNTRIES: ("weekly_rank",),
    POPULAR: (
        "rank",
        "hours_viewed_first_28_days",
        "hours_viewed_first_91_days",
        "views_first_91_days",
    ),
}


class _Given:
    """The list entries the files read so far give, each with its figures and where it was
    read: files that overlap (last month's all-weeks-global.tsv and this month's, or Netflix's
    whole list beside its Korean rows) give the weeks they share once."""

    def __init__(self) -> None:
        #: (kind, snapshot, window, the entry's columns) -> (its figures, where it was read)
        self.rows: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}

    def first_time(
        self,
        kind: str,
        when: dt.date | None,
        row: Mapping[str, str],
        at: str,
        problems: list[str],
    ) -> bool:
        """Whether ``row`` (read at ``at``) is an entry no earlier row gave. An entry given
        again with other figures goes to ``problems``: which of the two is Netflix's is for
        the person running the import to say, by leaving one file out."""
        if kind not in _ROW_KEY:
            return True
        named = tuple((row.get(c) or "").strip() for c in _ROW_KEY[kind])
        window = tuple(c for c in _ROW_FIGURES[kind] if c in row) if kind == POPULAR else ()
        figures = tuple((row.get(c) or "").strip() for c in _ROW_FIGURES[kind])
        key = (kind, str(when), *window, *named)
        earlier = self.rows.get(key)
        if earlier is None:
            self.rows[key] = (figures, at)
            return True
        if earlier[0] != figures:
            entry = ", ".join((*named[: -len(_TITLES)], _label(row)))
            one_file = earlier[1].rpartition(":")[0] == at.rpartition(":")[0]
            fix = "keep one of the two rows" if one_file else "give only the newer of the two files"
            problems.append(
                f"{at}: the row of {entry} is given by {earlier[1]} too, with other figures "
                f"({_differing(_ROW_FIGURES[kind], earlier[0], figures)}); {fix}"
            )
        return False


def _differing(columns: Sequence[str], first: Sequence[str], then: Sequence[str]) -> str:
    return "; ".join(
        f"{column} {a or 'empty'} there, {b or 'empty'} here"
        for column, a, b in zip(columns, first, then, strict=True)
        if a != b
    )


#: What each kind of row must hold: column -> check (None for a column that may be empty).
def _rank(text: str) -> str | None:
    return None if _counter(text) and 1 <= int(text) <= 10 else "expected a rank from 1 to 10"


def _weeks(text: str) -> str | None:
    return None if _counter(text) and int(text) >= 1 else "expected a count of weeks from 1"


def _counter(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 6


def _figure(text: str) -> str | None:
    """Hours, views, runtime: a finite, non-negative number in plain digits."""
    whole, _, fraction = text.partition(".")
    if not (whole.isascii() and whole.isdigit() and (not fraction or fraction.isdigit())):
        return f"expected a non-negative number, got {text[:40]!r}"
    if len(whole) > 13:
        return f"number too large: {text[:40]}"
    return None


def _day(text: str) -> str | None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return f"expected a date (YYYY-MM-DD), got {text[:40]!r}"
    return None


def _week(text: str, latest: dt.date) -> str | None:
    """A Top 10 week, already a real date: the Sunday that ends it, and not ahead of ``latest``
    (the row would be read into a figure that `data check` then refuses or warns about, with
    the generated file's entry, not this line, named)."""
    day = dt.date.fromisoformat(text)
    wrong = no_week_end(day)
    if wrong:
        return wrong
    if day > latest:
        return f"{text} is in the future: Netflix publishes a week's list after the week ends"
    return None


def _text(text: str) -> str | None:
    return None if text.strip() else "must not be empty"


_CHECKS = {
    GLOBAL: {
        "week": _day,
        "category": _text,
        "weekly_rank": _rank,
        "show_title": _text,
        "season_title": _text,
        "weekly_hours_viewed": _figure,
    },
    COUNTRIES: {
        "country_iso2": _text,
        "week": _day,
        "category": _text,
        "weekly_rank": _rank,
        "show_title": _text,
    },
    POPULAR: {"category": _text, "rank": _rank, "show_title": _text},
    TIERS: {"show_title": _text},
}
_OPTIONAL = {
    "runtime": _figure,
    "weekly_views": _figure,
    "cumulative_weeks_in_top_10": _weeks,
    "hours_viewed_first_28_days": _figure,
    "hours_viewed_first_91_days": _figure,
    "views_first_91_days": _figure,
}


def _row_problems(kind: str, row: Mapping[Any, Any], latest: dt.date) -> list[str]:
    if None in row:
        return ["the row has more fields than the header"]
    problems = []
    for column, check in _CHECKS[kind].items():
        value = row.get(column)
        if value is None:
            return [f"the row is short: no {column}"]
        message = check(value.strip())
        if message is None and column == "week":
            message = _week(value.strip(), latest)
        if message:
            problems.append(f"{column}: {message}")
    for column, check in _OPTIONAL.items():
        value = row.get(column)
        if value and value.strip() and kind != TIERS:
            message = check(value.strip())
            if message:
                problems.append(f"{column}: {message}")
    return problems


def _date_from_name(path: Path) -> dt.date | None:
    match = _DATE_IN_NAME.search(path.name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Target:
    slug: str
    season: int | None
    release: dt.date | None
    #: ``release`` is only the day Netflix released it on Netflix (an entry holding Netflix's
    #: record alone), not necessarily its first release.
    on_netflix: bool = False


def title_index(
    dataset: Dataset, extra: Iterable[tuple[str, Target]] = ()
) -> tuple[dict[str, Target], dict[str, Target]]:
    """Netflix season titles -> season, and film show titles -> film, from the dataset's mapping
    (and ``extra`` labels: those of the engagement reports' works)."""
    seasons: dict[str, Target] = {}
    films: dict[str, Target] = {}
    for show in dataset.shows.values():
        for title in show.netflix_titles:
            films[normalize_title(title)] = Target(show.slug, None, show.release_date)
        for season in show.seasons:
            for title in season.netflix_titles:
                seasons[normalize_title(title)] = Target(
                    show.slug, season.number, season.release_date
                )
    for title, target in extra:
        index = films if target.season is None else seasons
        index.setdefault(normalize_title(title), target)
    return seasons, films


#: A season label that names a title's first or only season: Netflix's labels drift between
#: the two ("…: Season 1" became "…: Limited Series").
_FIRST_SEASON_LABEL = re.compile(r": (?:season 1|limited series)$")


class TitleMatch:
    """Which entry a row of Netflix's files is about, by its labels (title_index's maps).

    A season label is looked up as it is, then without colons (Netflix's country lists wrote
    "Men on a Mission 2021" for its global lists' "Men on a Mission: 2021"). A row of a TV list
    labelled N/A (Netflix's country lists of 2021 gave many series no season label: Encounter,
    Lawless Lawyer), or labelled as a first or only season the dataset knows by the other name,
    is the one season of that show out by the row's week, when there is exactly one: several
    stay unmatched rather than be guessed."""

    def __init__(self, seasons: Mapping[str, Target], films: Mapping[str, Target]) -> None:
        self.seasons = seasons
        self.films = films
        self._loose: dict[str, Target] = {}
        self._by_show: dict[str, set[Target]] = defaultdict(set)
        for label, target in seasons.items():
            self._loose.setdefault(_without_colons(label), target)
            parts = label.split(": ")
            for end in range(1, len(parts) + 1):
                self._by_show[": ".join(parts[:end])].add(target)

    def __call__(self, row: Mapping[str, str]) -> Target | None:
        season_title = row.get("season_title", "")
        show = normalize_title(row.get("show_title", ""))
        labelled = bool(season_title) and season_title != "N/A"
        if labelled:
            label = normalize_title(season_title)
            found = self.seasons.get(label) or self._loose.get(_without_colons(label))
            if found is not None or not _FIRST_SEASON_LABEL.search(label):
                return found
        else:
            found = self.films.get(show)
            if found is not None or not row.get("category", "").startswith("TV"):
                return found
        out = self._out_by(show, row.get("week", ""))
        # one season reached by two labels (its dates given apart) is still one season
        seasons = {(target.slug, target.season) for target in out}
        return min(out, key=_order) if len(seasons) == 1 else None

    def whole_title(self, row: Mapping[str, str]) -> Target | None:
        """For a row of a TV list labelled N/A that names one entry but none of its seasons
        (several of its seasons were out by the row's week: Change Days in South Korea's list
        of 2021), that entry as a whole, with no season: its figure is the title's, and no
        season is guessed. None for any other row, and for one whose title names several
        entries."""
        if row.get("season_title", "") not in ("", "N/A") or not row.get("category", "").startswith(
            "TV"
        ):
            return None
        show = normalize_title(row.get("show_title", ""))
        out = {target.slug for target in self._out_by(show, row.get("week", ""))}
        return Target(out.pop(), None, None) if len(out) == 1 else None

    def _out_by(self, show: str, week: str) -> list[Target]:
        """The seasons a show's label names that were out by the week ending ``week`` (all of
        them for a row of no week), a season of no known release among them."""
        return [
            target
            for target in self._by_show.get(show, ())
            if target.release is None or not week or target.release <= _date(week)
        ]


def _without_colons(label: str) -> str:
    return " ".join(label.replace(":", " ").split())


def _number(text: str | None) -> float | None:
    if text is None or not text.strip():
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())


@dataclass(frozen=True)
class Top10Titles:
    """How many of the dataset's titles the Top 10 files have, each counted once, by the first
    of these lists it is on: the global weekly lists (whose weeks `kdrama list` sums as its
    Top 10 hours and views), a national weekly list, an all-time Most Popular list. The
    national lists (Netflix's countries file) name titles the global ones never did, such as
    Kingdom, out before the global lists begin."""

    global_weekly: int
    #: In a national weekly list, and in no global one.
    national_only: int
    #: On an all-time Most Popular list, and in no weekly list.
    popular_only: int

    @property
    def total(self) -> int:
        return self.global_weekly + self.national_only + self.popular_only


@dataclass
class Derived:
    """The generated document and what could not be matched."""

    document: dict[str, Any]
    unmatched_korean: list[str]
    top10: Top10Titles
    #: netflix_titles in the dataset that no row of the input carries (a typo, or another list).
    unused_mappings: list[str]
    #: What the engagement reports could not place (ambiguous titles, clashing rows).
    notes: list[str] = field(default_factory=list)
    #: Entries made for works the dataset lacks.
    new_titles: int = 0
    #: Korean Top 10 titles no entry had, added with Netflix's record only.
    added_top10: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.stats: list[dict[str, Any]] = []
        self.citations: dict[str, dict[str, Any]] = {}

    def cite(self, identity: str, title: str, date: dt.date) -> str:
        self.citations.setdefault(
            identity,
            {
                "id": identity,
                "url": TOP10_URL,
                "title": title,
                "publisher": "Netflix",
                "date": date,
            },
        )
        return identity

    def stat(self, target: Target, **fields: Any) -> None:
        entry: dict[str, Any] = {"show": target.slug}
        if target.season is not None:
            entry["season"] = target.season
        entry.update({k: v for k, v in fields.items() if v is not None})
        self.stats.append(entry)


def _list_slug(category: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", category.casefold()).strip("-")


def derive(dataset: Dataset, found: NetflixInput) -> Derived:
    """Every figure Netflix's files hold for the titles mapped in the dataset, and, from the
    engagement reports, an entry for every Korean work the dataset lacks."""
    from kdrama_cli.catalogue.engagement import catalogue

    works = catalogue(found.reports, dataset, found.top10_kinds) if found.reports else None
    generated = list(works.shows) if works else []
    labels = _labels(works, dataset) if works else []
    seasons, films = title_index(dataset, labels)
    top10_only = _top10_only(found, dataset, generated, seasons, films)
    generated += top10_only
    seasons, films = title_index(dataset, labels + _labels_of(generated))
    matching = _Matching(TitleMatch(seasons, films), found.korean_titles)
    netflix_releases = works.netflix_releases if works else {}
    build = _Builder()
    # the figures in this order, the global weekly lists', the Most Popular lists', the
    # national lists'; each gives the titles it has figures for (Top10Titles counts them)
    weekly_slugs = _weekly_stats(build, found.global_rows, matching, netflix_releases)
    popular_slugs = _popular_stats(build, found.popular_rows, matching)
    national_slugs = _country_stats(build, found.country_rows, matching)
    national_only = national_slugs - weekly_slugs
    return Derived(
        _document(build, works, generated, dataset),
        sorted(matching.unmatched),
        Top10Titles(
            len(weekly_slugs),
            len(national_only),
            len(popular_slugs - weekly_slugs - national_only),
        ),
        _unused_mappings(dataset, found, works),
        works.notes if works else [],
        len(generated),
        [entry["title"] for entry in top10_only],
    )


class _Matching:
    """Which entry a row of Netflix's files is about (TitleMatch), noting each row of a Korean
    title (by the tiers file) that matches none, for the command to report."""

    def __init__(self, match: TitleMatch, korean_titles: Collection[str]) -> None:
        self._match = match
        self._korean_titles = korean_titles
        #: The labels of the Korean titles' rows that matched no entry.
        self.unmatched: set[str] = set()
        #: The titles rows were given to as a whole (TitleMatch.whole_title), with the labels
        #: Netflix named them by.
        self.whole: dict[Target, set[str]] = defaultdict(set)

    def __call__(self, row: Mapping[str, str], whole_title: bool = False) -> Target | None:
        """The entry (and season) ``row`` is about; with ``whole_title``, a title named with
        no season, as a whole (TitleMatch.whole_title), for a national list's weeks."""
        target = self._match(row)
        if target is None and whole_title:
            target = self._match.whole_title(row)
            if target is not None:
                self.whole[target].add(row.get("show_title", ""))
        if target is None and row["show_title"] in self._korean_titles:
            self.unmatched.add(_label(row))
        return target


def _weekly_stats(
    build: _Builder,
    rows: Sequence[Mapping[str, str]],
    matching: _Matching,
    netflix_releases: Mapping[tuple[str, int | None], dt.date],
) -> set[str]:
    """The global weekly lists' figures of each title they name, week by week, then its weeks
    in the Top 10 and best rank to the last week of the files; the slugs of those titles."""
    weekly: dict[Target, list[Mapping[str, str]]] = defaultdict(list)
    for row in rows:
        target = matching(row)
        if target is not None:
            weekly[target].append(row)
    last_week = max((_date(r["week"]) for r in rows), default=None)
    for target, charted in sorted(weekly.items(), key=lambda item: _order(item[0])):
        charted.sort(key=lambda r: r["week"])
        for row in charted:
            _week_stats(build, target, row)
        on_netflix = netflix_releases.get((target.slug, target.season))
        _debut_week(build, target, charted[0], on_netflix)
        assert last_week is not None
        _weekly_summary(build, target, charted, last_week)
    return {target.slug for target in weekly}


def _week_stats(build: _Builder, target: Target, row: Mapping[str, str]) -> None:
    """One week of a global list: the title's rank, and its hours and views when given."""
    week = _date(row["week"])
    category = row["category"]
    source = build.cite(
        f"netflix-top10-{_list_slug(category)}-{week.isoformat()}",
        f"Netflix Top 10, global {category}, week ending {week.isoformat()}",
        week,
    )
    common = {"window": f"week:{week.isoformat()}", "list": category, "as_of": week}
    hours = _number(row.get("weekly_hours_viewed"))
    views = _number(row.get("weekly_views"))
    build.stat(
        target,
        metric="rank",
        value=int(row["weekly_rank"]),
        unit="rank",
        **common,
        sources=[source],
    )
    if hours:
        build.stat(
            target, metric="hours-viewed", value=hours, unit="hours", **common, sources=[source]
        )
    if views:
        build.stat(target, metric="views", value=views, unit="views", **common, sources=[source])


def _weekly_summary(
    build: _Builder, target: Target, rows: Sequence[Mapping[str, str]], last_week: dt.date
) -> None:
    """A title's weeks in the global lists and its best rank in them, as of ``last_week``."""
    summary = build.cite(
        f"netflix-top10-global-{last_week.isoformat()}",
        f"Netflix Top 10, global lists, all weeks to {last_week.isoformat()}",
        last_week,
    )
    common = {
        "window": f"cumulative:{last_week.isoformat()}",
        "list": LIST_JOIN.join(sorted({r["category"] for r in rows})),
        "as_of": last_week,
    }
    weeks = len({r["week"] for r in rows})
    build.stat(
        target, metric="weeks-in-top10", value=weeks, unit="weeks", **common, sources=[summary]
    )
    best = min(int(r["weekly_rank"]) for r in rows)
    build.stat(target, metric="rank", value=best, unit="rank", **common, sources=[summary])


def _popular_stats(
    build: _Builder, rows: Iterable[tuple[dt.date, Mapping[str, str]]], matching: _Matching
) -> set[str]:
    """The all-time Most Popular lists' hours and views over a title's first 28 or 91 days,
    as of each list's date; the slugs of the titles they name."""
    slugs: set[str] = set()
    for when, row in sorted(
        rows, key=lambda item: (item[0], item[1]["category"], int(item[1]["rank"]))
    ):
        target = matching(row)
        if target is None:
            continue
        slugs.add(target.slug)
        category = row["category"]
        days = 28 if "hours_viewed_first_28_days" in row else 91
        source = build.cite(
            f"netflix-most-popular-{days}-{_list_slug(category)}-{when.isoformat()}",
            f"Netflix Top 10, most popular {category} of all time (first {days} days), "
            f"as of {when.isoformat()}",
            when,
        )
        note = all_time_note(int(row["rank"]), category)
        common = {"window": f"first-{days}-days", "list": category, "as_of": when, "note": note}
        hours = _number(row.get(f"hours_viewed_first_{days}_days"))
        views = _number(row.get("views_first_91_days"))
        if hours:
            build.stat(
                target, metric="hours-viewed", value=hours, unit="hours", **common, sources=[source]
            )
        if views:
            build.stat(
                target, metric="views", value=views, unit="views", **common, sources=[source]
            )
    return slugs


def _country_stats(
    build: _Builder, rows: Sequence[Mapping[str, str]], matching: _Matching
) -> set[str]:
    """How many countries' weekly Top 10 each title was in, week by week, then over all the
    weeks of the countries file; the slugs of those titles."""
    by_week: dict[tuple[Target, str], set[str]] = defaultdict(set)
    for row in rows:
        target = matching(row, whole_title=True)
        if target is not None:
            by_week[(target, row["week"])].add(row["country_iso2"])
    if not by_week:
        return set()
    covered = sorted({r["week"] for r in rows})
    first_week, last_week = covered[0], covered[-1]
    overall: dict[Target, set[str]] = defaultdict(set)
    for (target, week), countries in sorted(
        by_week.items(), key=lambda i: (_order(i[0][0]), i[0][1])
    ):
        overall[target] |= countries
        when = _date(week)
        source = build.cite(
            f"netflix-top10-countries-{week}",
            f"Netflix Top 10 by country, week ending {week}",
            when,
        )
        build.stat(
            target,
            metric="countries-in-top10",
            value=len(countries),
            unit="countries",
            window=f"week:{week}",
            list=NATIONAL_TOP10,
            as_of=when,
            note=_no_season_said(matching.whole.get(target)),
            sources=[source],
        )
    summary = build.cite(
        f"netflix-top10-countries-{first_week}-{last_week}",
        f"Netflix Top 10 by country, weeks ending {first_week} to {last_week}",
        _date(last_week),
    )
    for target, countries in sorted(overall.items(), key=lambda i: _order(i[0])):
        build.stat(
            target,
            metric="countries-in-top10",
            value=len(countries),
            unit="countries",
            window=f"cumulative:{last_week}",
            list=NATIONAL_TOP10,
            as_of=_date(last_week),
            note=f"national Top 10s of the weeks ending {first_week} to {last_week}"
            + _weeks_without_season(target, matching, by_week),
            sources=[summary],
        )
    return {target.slug for target in overall}


def _no_season_said(titles: Collection[str] | None) -> str | None:
    """The note of a national week's figure of a title named with no season (TitleMatch.
    whole_title): Netflix's title, and that its list says no season; None for any other."""
    if not titles:
        return None
    named = " and ".join(f'"{title}"' for title in sorted(titles))
    return f"Netflix's title: {named}, with no season"


def _weeks_without_season(
    target: Target, matching: _Matching, by_week: Mapping[tuple[Target, str], set[str]]
) -> str:
    """What a title's running total of countries adds when Netflix's national lists named the
    title with no season (TitleMatch.whole_title): in how many weeks, which, and that no season
    is said; empty for a season's or a film's total."""
    titles = matching.whole.get(target)
    if not titles:
        return ""
    weeks = sorted(week for (found, week) in by_week if found == target)
    span = weeks[0] if len(weeks) == 1 else f"{weeks[0]} to {weeks[-1]}"
    count = f"{len(weeks)} week{'s' if len(weeks) != 1 else ''}"
    named = " and ".join(f'"{title}"' for title in sorted(titles))
    return (
        f"; Netflix's national lists name {named} in {count} (those ending {span}) without "
        "saying which season: a figure of the title, not of one season"
    )


def _document(
    build: _Builder, works: Any, generated: list[dict[str, Any]], dataset: Dataset
) -> dict[str, Any]:
    """The dataset document: its date (the latest Top 10 citation's), the citations, the
    generated entries filed under their companions, and the figures, the Top 10's first."""
    dates = [c["date"] for c in build.citations.values()]
    document: dict[str, Any] = {"meta": {"schema": 1}}
    if dates:
        document["meta"]["updated"] = max(dates)
    citations = list(build.citations.values()) + (works.citations if works else [])
    document["citations"] = sorted(citations, key=lambda c: c["id"])
    if generated:
        link_companions(generated, dataset)
        document["shows"] = sorted(generated, key=lambda s: s["slug"])
    document["stats"] = build.stats + (works.stats if works else [])
    return document


def _unused_mappings(dataset: Dataset, found: NetflixInput, works: Any) -> list[str]:
    """The dataset's own Netflix titles that no row of the input names (Derived.unused_mappings)."""
    seen = {normalize_title(r.get("season_title", "")) for r in _all_rows(found)} | {
        normalize_title(r.get("show_title", "")) for r in _all_rows(found)
    }
    if works:
        seen |= {normalize_title(t) for t, _ in _labels(works, dataset)}
    curated, curated_films = title_index(dataset)
    return sorted(title for title in (*curated, *curated_films) if title not in seen)


def link_companions(generated: Sequence[dict[str, Any]], dataset: Dataset) -> None:
    """File each generated entry under the title its Netflix titles begin with, in English and
    in Hangul alike ('Squid Game: Making Season 2 // 오징어 게임: 시즌2 제작 이야기' under Squid
    Game, 'Believer: Extended Cut // 독전: 익스텐디드 컷' under Believer), the longest such title,
    curated or generated: its ``companion_of``. Not ``related``: a title alone does not tell a
    sequel from a making-of or a talk show, and ``similar`` recommends related titles as
    sequels. The loader lists the entry among the other title's ``companions``.

    The English title goes on after a colon, or after a space when the title it begins with
    has two words or more or a number follows ('Voice 2'): 'Secret Garden' is not 'Secret'.
    A title of two words or fewer ('The King', a 2017 film) is common enough that an
    unrelated work begins with it ('The King: Eternal Monarch', a 2020 series): a series or
    other seasoned title is never filed under such a film."""
    titles = [(s.title, s.korean_title or "", s.slug, s.kind) for s in dataset.shows.values()]
    titles += [
        (e["title"], e.get("korean_title", ""), e["slug"], e.get("kind", "unknown"))
        for e in generated
    ]
    for entry in generated:
        english, hangul = entry["title"], entry.get("korean_title", "")
        seasoned = entry.get("kind") in SEASONED_KINDS
        best: tuple[str, str] | None = None
        for title, korean, slug, kind in titles:
            if slug == entry["slug"] or not korean or (best and len(title) <= len(best[0])):
                continue
            if seasoned and kind == "film" and len(title.split()) <= 2:
                continue
            rest, after = english[len(title) :], hangul[len(korean) :]
            if not (english.startswith(title) and hangul.startswith(korean)):
                continue
            words = len(title.split()) > 1 or rest.strip().isdigit()
            if (rest.startswith(":") or (rest.startswith(" ") and words)) and after[:1] in (
                ":",
                " ",
            ):
                best = (title, slug)
        if best and best[1] not in entry.get("related", ()):
            entry["companion_of"] = best[1]


def _top10_only(
    found: NetflixInput,
    dataset: Dataset,
    generated: list[dict[str, Any]],
    seasons: Mapping[str, Target],
    films: Mapping[str, Target],
) -> list[dict[str, Any]]:
    """Entries for the Korean titles of the Top 10 (by the tiers file) that neither the dataset
    nor the engagement reports have: titles newer than the last report. Netflix's Top 10 files
    give no Hangul title, so these have only the English one."""
    from kdrama_cli.catalogue.engagement import slug_for_title, split_label

    match = TitleMatch(seasons, films)
    rows: dict[str, list[Mapping[str, str]]] = defaultdict(list)
    known: set[str] = set()  # a title some of whose rows already match an entry
    for row in found.global_rows:
        if match(row) is not None:
            known.add(row["show_title"])
        elif row["show_title"] in found.korean_titles:
            rows[row["show_title"]].append(row)
    for title in known:  # another season of a known title: reported, not made a new entry
        rows.pop(title, None)
    taken = set(dataset.shows) | {s["slug"] for s in generated}
    entries = []
    for title, title_rows in sorted(rows.items()):
        film = all(r.get("season_title", "N/A") in ("", "N/A") for r in title_rows)
        kind = "film" if film else "series"
        slug = slug_for_title(title, kind, taken)
        taken.add(slug)
        first = min(title_rows, key=lambda r: r["week"])
        cite = f"netflix-top10-{_list_slug(first['category'])}-{first['week']}"
        entry: dict[str, Any] = {
            "slug": slug,
            "title": title,
            "kind": kind,
            "netflix_only": True,
            "sources": [cite],
        }
        if film:
            entry["netflix_titles"] = [title]
        else:
            numbered: dict[int, set[str]] = defaultdict(set)
            for listed in title_rows:
                label = listed["season_title"]
                numbered[split_label(label)[2] or 1].add(label)
            entry["seasons"] = [
                {
                    "number": number,
                    "status": "released",
                    "netflix_titles": sorted(labels),
                    "sources": [cite],
                }
                for number, labels in sorted(numbered.items())
            ]
        entries.append(entry)
    return entries


def _labels_of(shows: Sequence[Mapping[str, Any]]) -> list[tuple[str, Target]]:
    pairs = []
    for show in shows:
        release = show.get("netflix_release_date")
        for title in show.get("netflix_titles", []):
            pairs.append((title, Target(show["slug"], None, release, on_netflix=True)))
        for season in show.get("seasons", []):
            release = season.get("netflix_release_date")
            for title in season.get("netflix_titles", []):
                target = Target(show["slug"], season["number"], release, on_netflix=True)
                pairs.append((title, target))
    return pairs


def _labels(works: Any, dataset: Dataset) -> list[tuple[str, Target]]:
    """Netflix's labels for the generated entries, as Top 10 rows would name them."""
    pairs = _labels_of(works.shows)
    for title, slug, number in works.placed_labels:
        show = dataset.shows[slug]
        season = show.season(number) if number is not None else None
        release = season.release_date if season else show.release_date
        pairs.append((title, Target(slug, number, release)))
    return pairs


def _all_rows(found: NetflixInput) -> Iterable[Mapping[str, str]]:
    yield from found.global_rows
    yield from found.country_rows
    yield from (row for _, row in found.popular_rows)


def _debut_week(
    build: _Builder, target: Target, first: Mapping[str, str], on_netflix: dt.date | None
) -> None:
    """The figures of a title's first week in the Top 10 again as a first-N-days figure, when
    that week is its debut and it came out during it, N days before the week ended.

    The Top 10 is Netflix's list, so the days that count are the days on Netflix: the day the
    engagement reports give for the season on Netflix (``on_netflix``) when it falls in that
    week, as it does for a film that opened in cinemas weeks before (The Pirates: The Last
    Royal Treasure, on Netflix five days of its first week); else the target's own date."""
    week = _date(first["week"])
    release, netflix = target.release, target.on_netflix
    if on_netflix is not None and week - dt.timedelta(days=6) <= on_netflix <= week:
        release, netflix = on_netflix, netflix or on_netflix != target.release
    days = (week - release).days + 1 if release else None
    if days is None or not 1 <= days <= 7 or first.get("cumulative_weeks_in_top_10") != "1":
        return
    source = f"netflix-top10-{_list_slug(first['category'])}-{week.isoformat()}"
    released = "released on Netflix" if netflix else "released"
    note = f"debut week ending {week} ({released} {release})"
    for metric, unit, column in (
        ("hours-viewed", "hours", "weekly_hours_viewed"),
        ("views", "views", "weekly_views"),
    ):
        value = _number(first.get(column))
        if value:
            build.stat(
                target,
                metric=metric,
                value=value,
                unit=unit,
                window=f"first-{days}-days",
                list=first["category"],
                as_of=week,
                note=note,
                sources=[source],
            )


def _order(target: Target) -> tuple[str, int]:
    return (target.slug, target.season or 0)


def _label(row: Mapping[str, str]) -> str:
    season = row.get("season_title", "")
    return season if season and season != "N/A" else row.get("show_title", "")


HEADER = (
    "Generated by `kdrama data netflix` from Netflix's published Top 10 files and half-yearly",
    "engagement reports ('What We Watched'); do not edit. Every figure cites the list and week,",
    "or the report, it comes from. Entries marked netflix_only hold nothing but Netflix's record.",
)

"""The shape of the dataset: immutable records built by the loader, read by answers and views.

Records are tuples (kdrama_cli.catalogue.record.Record, seen by type checkers as NamedTuple), not
dataclasses: they are as immutable and typed, store compactly in the index, and cost far less to
define, which every run pays at import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from kdrama_cli.catalogue.folding import normalize
from kdrama_cli.catalogue.record import Record

if TYPE_CHECKING:
    from kdrama_cli.catalogue.problems import Problem
from kdrama_cli.catalogue.vocab import (  # noqa: E402 - re-exported for the schema and queries
    LIST_JOIN,
    METRICS,
    NATIONAL_TOP10,
    OUT_STATUSES,
    ROLES,
    SEASON_STATUSES,
    SHOW_KINDS,
    SOURCE_KINDS,
    TOP10_LISTS,
    UNITS,
    UPCOMING_STATUSES,
    source_kind_words,
)

__all__ = [
    "METRICS",
    "OUT_STATUSES",
    "ROLES",
    "SEASON_STATUSES",
    "SHOW_KINDS",
    "SOURCE_KINDS",
    "UNITS",
    "Citation",
    "Credit",
    "Dataset",
    "Fact",
    "Person",
    "Season",
    "Show",
    "ShowSummary",
    "SourceWork",
    "Stat",
    "adaptation_capacity",
    "adaptation_chain",
    "authors_of",
    "fetch",
    "parse_window",
    "lists_by_report",
    "rows_of_one_source",
    "window_days",
    "work_capacities",
    "summaries_of",
    "summary_of",
]

T = TypeVar("T")


def _counter(text: str) -> bool:
    """1 to 9999, in ASCII digits without a leading zero."""
    return 1 <= len(text) <= 4 and text.isascii() and text.isdigit() and text[0] != "0"


def _iso_date(text: str) -> bool:
    """YYYY-MM-DD, in ASCII digits, naming a real day."""
    if not (len(text) == 10 and text.isascii() and text[4] == text[7] == "-"):
        return False
    if not (text[:4] + text[5:7] + text[8:]).isdigit():
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def parse_window(window: str) -> str | None:
    """Return a human description of a stat window, or None if the window is not well formed.

    The forms: first-N-days, week:YYYY-MM-DD, cumulative:YYYY-MM-DD, half-year:YYYYH1 (or H2),
    episode:N, total. Plain string checks rather than a regular expression: every figure shown
    calls this, and compiling a pattern would cost more than all the calls together.
    """
    if window == "total":
        return "total"
    days = window_days(window)
    if days is not None:
        return f"first {days} day" + ("s" if days != 1 else "")
    kind, _, value = window.partition(":")
    if kind == "week" and _iso_date(value):
        return f"week ending {value}"
    if kind == "cumulative" and _iso_date(value):
        return f"cumulative to {value}"
    if kind == "half-year" and len(value) == 6 and value[4] == "H" and value[5] in "12":
        year = value[:4]
        if year.isascii() and year.isdigit():
            return f"{half_year_months(value[5] == '1')} {year}"
    if kind == "episode" and _counter(value):
        return f"episode {value}"
    return None


#: The forms a window takes, as a problem names them.
WINDOW_FORMS = (
    "first-N-days, week:YYYY-MM-DD, cumulative:YYYY-MM-DD, half-year:YYYYH1 or YYYYH2, "
    "episode:N or total"
)


def window_problem(window: str) -> str | None:
    """What is wrong with a window, in words that say how to mend it, or None when it is well
    formed: a number out of range is named as one (not "unknown window"), and a Top 10 week is
    one Netflix published, ending on a Sunday."""
    kind, colon, value = window.partition(":")
    if parse_window(window) is None:
        import re

        said = re.fullmatch(r"first[\s_-]*(\d+)[\s_-]*days?", window.strip(), re.IGNORECASE)
        if said and parse_window(f"first-{said[1]}-days") is not None:  # as a page prints it
            return f"{window!r}: write it first-{said[1]}-days"
        if said or (window.startswith("first-") and window.endswith("-days")):
            return f"{window!r}: N in first-N-days is a whole number of days from 1 to 9999"
        if colon and kind == "episode":
            return f"{window!r}: N in episode:N is an episode number from 1 to 9999"
        if colon and kind in ("week", "cumulative"):
            return f"{window!r}: expected {kind}:YYYY-MM-DD, a real day"
        if colon and kind == "half-year":
            return f"{window!r}: expected half-year:YYYYH1 (January–June) or YYYYH2"
        return f"unknown window {window!r}; expected {WINDOW_FORMS}"
    if kind == "week":
        wrong = no_week_end(dt.date.fromisoformat(value))
        if wrong:
            return f"{window!r}: {wrong}"
    return None


def no_week_end(day: dt.date) -> str | None:
    """Why ``day`` ends no Top 10 week ("Netflix's Top 10 weeks end on a Sunday, and
    2022-10-24 is a Monday (its week ends 2022-10-30)"), or None for a Sunday: a figure's
    window and a row `data netflix` reads are told alike."""
    sunday = week_ending(day)
    if sunday == day:
        return None
    return (
        f"Netflix's Top 10 weeks end on a Sunday, and {day.isoformat()} is a "
        f"{day.strftime('%A')} (its week ends {sunday.isoformat()})"
    )


def latest_past(today: dt.date | None = None) -> dt.date:
    """The last day a date that says something already happened may be (a page's date, a
    figure's "as of", a week Netflix published): tomorrow, since Seoul is ahead of most
    clocks."""
    return (today or dt.date.today()) + dt.timedelta(days=1)


def week_ending(day: dt.date) -> dt.date:
    """The Sunday that ends ``day``'s week, as Netflix's weekly lists run (Monday to Sunday):
    ``day`` itself on a Sunday."""
    return day + dt.timedelta(days=6 - day.weekday())


def window_days(window: str) -> int | None:
    """The N of a first-N-days window (a figure over a title's first days, or a debut week cut
    short by its release); None for any other window, or one not well formed."""
    if window.startswith("first-") and window.endswith("-days") and _counter(window[6:-5]):
        return int(window[6:-5])
    return None


def half_year_months(first_half: bool) -> str:
    """The months of a half-year of Netflix's engagement reports, 'January–June' or
    'July–December': with an en dash, as every other range kdrama prints ('2009–2011')."""
    return "January–June" if first_half else "July–December"


def half_year_named(text: str) -> str | None:
    """A half-year as a user may type it, as its report id: '2024H2', '2024 H2', 'h2 2024',
    'July–December 2024' (as the pages print it), 'Jul-Dec 2024', '2024 January-June',
    '2024년 하반기'. None when the text names no one half-year (a bare '2024' names two)."""
    import re

    words = re.sub(r"[^0-9a-z\uac00-\ud7a3]+", " ", text.casefold()).split()
    words = [w[:-1] if w.endswith("년") and w[:-1].isdigit() else w for w in words]  # 2024년
    years = list(dict.fromkeys(w for w in words if re.fullmatch(r"(19|20)\d\d", w)))
    rest = [w for w in words if w not in years]
    halves = {"h1": True, "h2": False, "1h": True, "2h": False, "상반기": True, "하반기": False}
    for word in list(rest):
        glued = re.fullmatch(r"((?:19|20)\d\d)(h[12])", word)
        if glued:  # '2024h2'
            years = list(dict.fromkeys([*years, glued[1]]))
            rest.remove(word)
            rest.append(glued[2])
    first: bool | None = None
    if len(rest) == 1 and rest[0] in halves:
        first = halves[rest[0]]
    elif len(rest) == 2 and rest[0][:3] in ("jan", "jul") and rest[1][:3] in ("jun", "dec"):
        first = rest[0].startswith("jan")
        if first != rest[1].startswith("jun"):
            return None  # 'January–December' is no half-year
    if first is None or len(years) != 1:
        return None
    return f"{years[0]}H{1 if first else 2}"


def half_year_end(year: int, first_half: bool) -> dt.date:
    """The last day of a half-year of Netflix's engagement reports: June 30 or December 31."""
    return dt.date(year, 6, 30) if first_half else dt.date(year, 12, 31)


def window_end(window: str) -> dt.date | None:
    """The last day of a week:YYYY-MM-DD or half-year:YYYYH1 (H2) window; None for any other
    window, or one not well formed."""
    kind, _, value = window.partition(":")
    if kind == "week" and _iso_date(value):
        return dt.date.fromisoformat(value)
    if kind == "half-year" and parse_window(window):
        return half_year_end(int(value[:4]), value[5] == "1")
    return None


def window_start(window: str) -> dt.date | None:
    """The first day of a week:YYYY-MM-DD or half-year:YYYYH1 (H2) window (window_end gives
    the last); None for any other window, or one not well formed."""
    end = window_end(window)
    if end is None:
        return None
    if window.startswith("week:"):
        return end - dt.timedelta(days=6)
    return dt.date(end.year, 1 if end.month == 6 else 7, 1)


#: The seasons of the year a release can be announced for, with the month each ends in (winter
#: runs into the next year: December to February).
_SEASONS_OF_YEAR = {"spring": 5, "summer": 8, "autumn": 11, "winter": 14}


def release_window(window: str) -> tuple[str, dt.date] | None:
    """A season's announced release window as a label and its last day, or None when it is
    not well formed: "2026" (the year), "2026-Q2" (a quarter), "2026-H1" (a half-year),
    "2026-07" (a month), "2026-summer" (spring, summer, autumn or winter: December to
    February)."""
    year_text, _, part = window.partition("-")
    if len(year_text) != 4 or not (year_text.isascii() and year_text.isdigit()):
        return None
    year = int(year_text)
    if not part:
        return year_text, dt.date(year, 12, 31)
    if len(part) == 2 and part[0] in "QH" and part[1] in ("1234" if part[0] == "Q" else "12"):
        last_month = int(part[1]) * (3 if part[0] == "Q" else 6)
        return f"{part} {year}", _month_end(year, last_month)
    if len(part) == 2 and part.isascii() and part.isdigit() and 1 <= int(part) <= 12:
        return dt.date(year, int(part), 1).strftime("%B %Y"), _month_end(year, int(part))
    if part in _SEASONS_OF_YEAR:
        return f"{part} {year}", _month_end(year, _SEASONS_OF_YEAR[part])
    return None


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month; months past 12 run into the following years."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class Citation(Record):
    id: str
    url: str
    title: str
    publisher: str
    date: dt.date | None = None
    #: "press", "official", "wiki", …; None: read from the address (catalogue.publishers).
    kind: str | None = None
    #: Its headline gives a result away (a winner, a death, an ending): a page shows only the
    #: publisher and date (not the headline or the address) until the reader asks for spoilers.
    spoiler: bool = False
    #: Set when ``title`` is not the page's headline as shown (the stored copy showed none, so
    #: the title describes the page, or was read from its address): says which. Pages then
    #: print the title as a description, not as a quoted headline.
    title_note: str | None = None
    #: Why an address kdrama data check would question is kept (a staging host whose public
    #: address could not be checked to hold the same page).
    url_note: str | None = None


class Person(Record):
    id: str
    name: str
    hangul: str | None = None
    aliases: tuple[str, ...] = ()
    note: str | None = None
    sources: tuple[str, ...] = ()
    #: Words for the data's maintainers (why two namesakes are kept apart, what would merge
    #: them): checked and carried, never printed to a fan.
    editor_note: str | None = None


#: How a page names the author of the work a title adapts: "original webtoon writer".
ORIGINAL = "original "


def original_capacity(kind: str, made: str) -> str:
    """'original webtoon writer', 'original web novel writer': what the author of the work a
    title adapts is to the title, on a person's page and in a path's hop; 'original writer'
    where the work's kind is "other", which names no kind (vocab.source_kind_words)."""
    words = source_kind_words(kind)
    return f"{ORIGINAL}{words} {made}" if words else f"{ORIGINAL}{made}"


def _original_work(kind: str) -> str:
    """'the original web novel': the work a title adapts, as an adaptation of it names it; 'the
    original work' where its kind is "other", which names no kind."""
    words = source_kind_words(kind)
    return f"the {ORIGINAL}{words}" if words else "the original work"


#: What every capacity adaptation_capacity words has in it.
_ADAPTATION_OF = " adaptation of the original"


def is_work_capacity(words: str) -> bool:
    """Whether ``words`` are a capacity a source work gives (original_capacity,
    SourceWork.capacity_of, adaptation_capacity), not a character's name: a path's hop says
    "NARAK, artist of the webtoon adaptation …", not "NARAK as artist of …"."""
    return words.startswith(ORIGINAL) or _ADAPTATION_OF in words


def adaptation_capacity(made: str, kind: str, original_kind: str) -> str:
    """'artist of the webtoon adaptation of the original web novel': what the maker (``made``:
    'writer', 'artist', ...) of a work of ``kind`` based on the work a title adapts (of
    ``original_kind``) is to the title. A work based on one based on it is, at a remove, an
    adaptation of the original too, and is named so."""
    words = source_kind_words(kind)
    adaptation = f"the {words} adaptation" if words else "an adaptation"
    return f"{made} of {adaptation} of {_original_work(original_kind)}"


class SourceWork(Record):
    id: str
    title: str
    kind: str
    #: Set when ``title`` is not a published English title (our literal translation of the
    #: Korean one): says so. Pages print it after the title, quietly; a quiz asks and
    #: explains with the title alone.
    title_note: str | None = None
    korean_title: str | None = None
    romanization: str | None = None
    #: Who made the original story the work was written from (원안), where its credits name
    #: them apart from its writers (글): The Bequeathed's webtoon, from an original story by
    #: Yeon Sang-ho, Min Hong-nam and Hwang Eun-young, written by Kang Tae-kyung.
    story_by: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()
    artists: tuple[str, ...] = ()
    platform: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    sources: tuple[str, ...] = ()
    #: The source work this one adapts (a webtoon drawn from a web novel): a title adapting
    #: that work reaches this one too (Dataset.works_of).
    based_on: str | None = None
    #: The works whose ``based_on`` is this one, in dataset order (filled by the loader).
    adaptations: tuple[str, ...] = ()

    @property
    def authors(self) -> tuple[str, ...]:
        """Everyone the work credits, once each: its original story's makers, its writers,
        its artists."""
        return tuple(dict.fromkeys((*self.story_by, *self.writers, *self.artists)))

    @property
    def years(self) -> str | None:
        if self.start_year is None:
            return None
        if self.end_year is None or self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    def capacity_of(self, person_id: str, original: SourceWork | None = None) -> str | None:
        """What the person is to a title adapting this work: its writer ('original webtoon
        writer'), its writer and artist when both ('original webtoon writer and artist', as
        a title's page says "written and drawn by"), else its artist; one who made only its
        original story is 'original story writer of the webtoon'; None when none of these.

        When this work is based on ``original``, the work the title adapts, the words say so:
        'artist of the webtoon adaptation of the original web novel' (adaptation_capacity)."""
        drew = person_id in self.artists
        if person_id in self.writers:
            made = "writer and artist" if drew else "writer"
            if original is not None:
                return adaptation_capacity(made, self.kind, original.kind)
            return original_capacity(self.kind, made)
        if person_id in self.story_by:
            made = "story writer and artist" if drew else "story writer"
            if original is not None:
                return adaptation_capacity(f"{ORIGINAL}{made}", self.kind, original.kind)
            words = source_kind_words(self.kind)
            return f"{ORIGINAL}{made} of the {words}" if words else f"{ORIGINAL}{made}"
        if drew:
            if original is not None:
                return adaptation_capacity("artist", self.kind, original.kind)
            return original_capacity(self.kind, "artist")
        return None


def adaptation_chain(
    works: Mapping[str, SourceWork], work_id: str | None
) -> tuple[SourceWork, ...]:
    """The work ``work_id`` names, then every work based on it, directly or through another
    (``adaptations``), breadth first, each once: what a title adapting it reaches. () for no
    work, or one ``works`` lacks."""
    first = works.get(work_id) if work_id else None
    if first is None:
        return ()
    found = {first.id: first}
    waiting = [first]
    while waiting:
        for other_id in waiting.pop(0).adaptations:
            other = works.get(other_id) if other_id not in found else None
            if other is not None:
                found[other_id] = other
                waiting.append(other)
    return tuple(found.values())


def authors_of(works: Iterable[SourceWork]) -> tuple[str, ...]:
    """Everyone the works credit (SourceWork.authors), once each, in order."""
    return tuple(dict.fromkeys(p for work in works for p in work.authors))


def work_capacities(
    person_id: str, works: Sequence[SourceWork]
) -> tuple[tuple[str, SourceWork], ...]:
    """What the person is to a title through ``works``, the work it adapts then those based on
    it (Dataset.works_of), each capacity with the work it rests on: HaeHwa, who wrote the web
    novel and the webtoon drawn from it, is ('original web novel writer', the novel) and
    ('writer of the webtoon adaptation of the original web novel', the webtoon)."""
    original = works[0] if works else None
    found = []
    for work in works:
        capacity = work.capacity_of(person_id, None if work is original else original)
        if capacity:
            found.append((capacity, work))
    return tuple(found)


class Season(Record):
    number: int
    status: str
    release_date: dt.date | None = None
    end_date: dt.date | None = None
    episodes: int | None = None
    status_date: dt.date | None = None
    as_of: dt.date | None = None
    note: str | None = None
    netflix_titles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: Why a released season has no episode count (no press or official source gives one).
    episodes_unknown: str | None = None
    #: Why a released season has no release date (no press or official source gives one).
    release_date_unknown: str | None = None
    #: The day Netflix released the season on Netflix, from its engagement reports: for a
    #: licensed season a later day than its first broadcast, so never its release date.
    netflix_release_date: dt.date | None = None
    #: When a season not out yet is due, as announced without a day ("2026-Q2"; see
    #: release_window): once it has passed with no release on record, the news is stale.
    release_window: str | None = None
    #: The network or platform the season first came out on, where it is not the title's
    #: (The Uncanny Counter's second season on tvN after the first on OCN).
    platform: str | None = None
    #: Names of this season alone, its own title as the press gives it ('Alchemy of Souls:
    #: Light and Shadow', '환혼: 빛과 그림자', '약한영웅 Class 2'): each opens this season, as
    #: the title's aliases open the title, and matches it in a viewing history.
    aliases: tuple[str, ...] = ()

    @property
    def is_out(self) -> bool:
        """True when the season's episodes have been released (or are airing)."""
        return self.status in OUT_STATUSES


class Credit(Record):
    person: str
    #: Who they play; None only when ``character_unknown`` says why no source names the role.
    character: str | None
    role: str
    character_hangul: str | None = None
    #: Seasons the credit covers; empty means every season (and films).
    seasons: tuple[int, ...] = ()
    note: str | None = None
    spoiler: bool = False
    sources: tuple[str, ...] = ()
    #: Why no source names the character (a cameo kept secret, a cast list without roles).
    character_unknown: str | None = None


def seasons_of(credit: Credit, show: Show) -> tuple[int, ...]:
    """The seasons a credit covers, as pages show them: its own list, or else every season of
    the series (none of a film)."""
    return credit.seasons or tuple(season.number for season in show.seasons)


class Stat(Record):
    metric: str
    value: float
    unit: str
    window: str
    as_of: dt.date
    sources: tuple[str, ...]
    season: int | None = None
    list: str | None = None
    note: str | None = None

    @property
    def window_label(self) -> str:
        """The window in words. A running total of Netflix's weekly Top 10 lists names both
        its ends, "weeks ending 2021-07-04 to 2026-07-19": it counts from the lists' first
        week, not from the title's release (top10_running)."""
        if self.top10_running:
            return f"weeks ending {WEEKLY_TOP10_FROM.isoformat()} to {self.window[11:]}"
        return parse_window(self.window) or self.window

    @property
    def top10_running(self) -> bool:
        """Whether the figure is a running total over Netflix's weekly Top 10 lists (weeks in
        them, countries, a best rank): a well-formed ``cumulative:`` window of a Top 10 metric,
        or of a figure whose list is a weekly Top 10 list. Such a total starts with the week
        ending WEEKLY_TOP10_FROM, the first Netflix published, whenever the title came out."""
        if not (self.window.startswith("cumulative:") and parse_window(self.window)):
            return False
        if self.metric in TOP10_METRICS:
            return True
        weekly = (*TOP10_LISTS.values(), NATIONAL_TOP10)
        return bool(self.list) and all(
            part in weekly for part in (self.list or "").split(LIST_JOIN)
        )

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        """Figures are comparable only when metric, unit, window and chart are all equal."""
        return (self.metric, self.unit, self.window, self.list)


def lists_by_report(shows: Iterable[Show]) -> dict[str, set[str | None]]:
    """Each engagement report the figures of ``shows`` are from, by its window
    ('half-year:2025H1'), and the lists those figures name (its sheets, or its one list):
    what vocab.report_lists reads a report's lists from."""
    found: dict[str, set[str | None]] = {}
    for show in shows:
        for stat in show.stats:
            if stat.window.startswith("half-year:"):
                found.setdefault(stat.window, set()).add(stat.list)
    return found


def rows_of_one_source(first: Stat, second: Stat) -> bool:
    """Whether two figures of one title for the same metric, window and season are two rows
    one source gives, each note saying what it counts, rather than one figure given twice
    with two values, which contradict each other (a layer's 10 hours beside Netflix's 1.65B).
    Netflix's engagement report for January-June 2025 lists Brave Detectives' season 4 under
    two of its titles, 'Brave Detectives: Season 4: 2025' and '...: 2024', each a row whose
    note names the title: both are viewing of that season in that half-year."""
    return first.note != second.note and not set(first.sources).isdisjoint(second.sources)


class Fact(Record):
    text: str
    sources: tuple[str, ...]
    spoiler: bool = False
    season: int | None = None


#: The first week of Netflix's published weekly Top 10 lists, global and by country (their
#: files start with the week ending this Sunday): no earlier week is published, so a running
#: total of them (Stat.top10_running) counts from it.
WEEKLY_TOP10_FROM = dt.date(2021, 7, 4)

#: The metrics that only Netflix's weekly Top 10 lists give: a running total of them counts
#: from WEEKLY_TOP10_FROM.
TOP10_METRICS = ("weeks-in-top10", "countries-in-top10")

#: The first week for which Netflix's global Top 10 gives views (hours only before it): a
#: title in the Top 10 before it has summed views that leave those weeks out.
WEEKLY_VIEWS_FROM = dt.date(2023, 6, 18)


class Show(Record):
    slug: str
    title: str
    kind: str
    platform: str
    genres: tuple[str, ...]
    synopsis: str
    sources: tuple[str, ...]
    korean_title: str | None = None
    romanization: str | None = None
    aliases: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()
    creators: tuple[str, ...] = ()
    source_work: str | None = None
    #: Sequels, prequels and spin-offs: the entry's own, then the titles that list it (the
    #: loader links them both ways).
    related: tuple[str, ...] = ()
    #: The title this one is a companion record of on Netflix (its making-of, a talk show
    #: about it, an extended cut, a later series titled after it): the importer files it under
    #: the title both its Netflix titles begin with. Not a sequel: ``similar`` never counts it.
    companion_of: str | None = None
    #: The titles whose ``companion_of`` is this one, in dataset order (filled by the loader).
    companions: tuple[str, ...] = ()
    release_date: dt.date | None = None
    runtime_minutes: int | None = None
    netflix_titles: tuple[str, ...] = ()
    cast_sources: tuple[str, ...] = ()
    seasons: tuple[Season, ...] = ()
    cast: tuple[Credit, ...] = ()
    stats: tuple[Stat, ...] = ()
    facts: tuple[Fact, ...] = ()
    #: The entry holds only Netflix's record (engagement reports, Top 10): no cast, crew,
    #: synopsis or source work in the dataset yet.
    netflix_only: bool = False
    #: The day Netflix released the film on Netflix (engagement reports): for a licensed film
    #: later than its first release, so never counted as its release date or year.
    netflix_release_date: dt.date | None = None
    #: Why the entry lists no cast: no published source names one (an animated series whose
    #: voice cast no source gives). Never beside a cast list.
    cast_unknown: str | None = None
    #: Why the entry names no director or creator: no published source names one.
    crew_unknown: str | None = None

    def season(self, number: int) -> Season | None:
        return next((s for s in self.seasons if s.number == number), None)

    def crew_of(self, person_id: str) -> tuple[str, ...]:
        """What the person is on the title's crew, in the order "creator", "director",
        "writer" (() when none): credits of the whole title, held for no season."""
        held = (
            ("creator", self.creators),
            ("director", self.directors),
            ("writer", self.writers),
        )
        return tuple(capacity for capacity, ids in held if person_id in ids)

    def capacities_of(self, person_id: str, works: Sequence[SourceWork]) -> tuple[str, ...]:
        """Everything the person made of the title, as their page lists it: their crew
        capacities, then what they are to ``works``, the work it adapts and those based on it
        (Dataset.works_of; "original webtoon artist", work_capacities). Choi Gyu-seok is both
        the writer of Hellbound and the artist of its webtoon: ("writer", "original webtoon
        artist")."""
        authored = tuple(capacity for capacity, _ in work_capacities(person_id, works))
        return self.crew_of(person_id) + authored

    @property
    def korean_title_shown(self) -> str | None:
        """The Korean title to print beside the title, or None when it is the title itself:
        Netflix titles some records in Hangul alone (달의 연인 - 보보경심 려)."""
        return self.korean_title if self.korean_title != self.title else None

    def top10_total(self, metric: str) -> float | None:
        """The sum of the title's weekly global Top 10 figures (hours or views), over all
        seasons: one window for every title ("the weeks it charted"), labelled as such."""
        values = [
            s.value for s in self.stats if s.metric == metric and s.window.startswith("week:")
        ]
        return sum(values) if values else None

    def engagement_hours(self) -> float | None:
        """The hours Netflix's half-year engagement reports (from 2023) count for the title,
        over all seasons and reports (one figure per season and half-year): they cover titles
        from before the weekly Top 10 began (June 2021), as Kingdom and Train to Busan. None
        when no report lists it."""
        held: dict[tuple[int | None, str], float] = {}
        for stat in self.stats:
            if stat.metric == "hours-viewed" and stat.window.startswith("half-year:"):
                at = (stat.season, stat.window)
                held[at] = max(held.get(at, 0.0), stat.value)
        return sum(held.values()) if held else None

    def top10_views_partial(self) -> bool | None:
        """Whether the title's summed weekly views (top10_total) leave weeks out: it was in the
        Top 10 in a week before WEEKLY_VIEWS_FROM, when Netflix gave hours only (The Glory's
        every week). None when it was never in the Top 10 (no weekly hours or views)."""
        weekly = [s for s in self.stats if s.window.startswith("week:")]
        if not any(s.metric in ("hours-viewed", "views") for s in weekly):
            return None
        start = WEEKLY_VIEWS_FROM.isoformat()
        return any(s.metric in ("rank", "hours-viewed") and s.window[5:] < start for s in weekly)

    def summary(self, work: SourceWork | None) -> ShowSummary:
        """What the catalogue listing needs of this title (ShowSummary), with the title, kind
        and platform of the work it adapts (``work``), which live on the source work:
        summary_of gives it."""
        return ShowSummary(
            slug=self.slug,
            title=self.title,
            kind=self.kind,
            platform=self.platform,
            genres=self.genres,
            platforms=self.platforms,
            korean_title=self.korean_title,
            year=self.year,
            first_date=self.first_date,
            # judged on every figure the dataset holds, as the Top 10 sums beside it are: a
            # season Netflix lists is out, though the catalogue has it as coming
            seasons=len(self.watchable_seasons(dt.date.max)) if self.seasons else None,
            source_work=self.source_work,
            source_kind=work.kind if work else None,
            source_platform=work.platform if work else None,
            completeness=self.completeness,
            top10_hours=self.top10_total("hours-viewed"),
            top10_views=self.top10_total("views"),
            top10_views_partial=self.top10_views_partial(),
            engagement_hours=self.engagement_hours(),
            sort_key=normalize(self.title),
            source_work_title=work.title if work else None,
        )

    @property
    def completeness(self) -> str:
        """'netflix-only' (Netflix's record alone), 'full' (cast, crew, synopsis and a fact),
        or 'partial' (a curated entry still missing some of those: see lacks)."""
        if self.netflix_only:
            return "netflix-only"
        return "partial" if self.lacks else "full"

    @property
    def lacks(self) -> tuple[str, ...]:
        """What a curated entry lacks to be full: "cast", "director or creator", "synopsis",
        "facts". The crew that counts is a director or a creator: the depth target asks for
        "directors and writers (or creators)", and writers are credited beside a director, so
        a writer alone does not make the crew known. A documentary lists no cast, and a
        reality show's makers are often not named."""
        people = self.cast or self.kind == "documentary"
        crew = self.directors or self.creators or self.kind == "reality"
        had = {
            "cast": people,
            "director or creator": crew,
            "synopsis": self.synopsis,
            "facts": self.facts,
        }
        return tuple(part for part, given in had.items() if not given)

    @property
    def released_seasons(self) -> tuple[Season, ...]:
        """The seasons the catalogue marks out (released or airing); watchable_seasons adds
        those Netflix's own files already list."""
        return tuple(s for s in self.seasons if s.is_out)

    def netflix_figures(self, number: int, today: dt.date) -> list[tuple[dt.date, Stat]]:
        """Each figure Netflix's own files give of season ``number`` for a week of its Top 10
        or a half-year of its engagement reports that ended by ``today``, with that last day:
        proof, from Netflix, that the season had come out by then. (Asked as of an earlier
        day, a page knows nothing later.)"""
        return [
            (end, stat)
            for stat in self.stats
            if stat.season == number and (end := window_end(stat.window)) and end <= today
        ]

    def watchable(self, season: Season, today: dt.date) -> bool:
        """The one rule for whether a season is out on ``today``: the catalogue marks it
        released or airing, or it is coming by the catalogue's word but Netflix's own files
        list it in a week or half-year ended by then (Better Late Than Single S2, on Netflix by
        2026-07-12): the catalogue has fallen behind Netflix. Every count of seasons out
        (`list`, `seen list`, `compare`) and every page asks it."""
        return season.is_out or (
            season.status in UPCOMING_STATUSES and bool(self.netflix_figures(season.number, today))
        )

    def watchable_seasons(self, today: dt.date) -> tuple[Season, ...]:
        """The seasons out on ``today`` (``watchable``), in order."""
        return tuple(season for season in self.seasons if self.watchable(season, today))

    @property
    def platforms(self) -> tuple[str, ...]:
        """Where it came out: the title's platform, then each other one a season came out on,
        in season order (OCN, then tvN for The Uncanny Counter)."""
        named = [self.platform, *(s.platform for s in self.seasons if s.platform)]
        return tuple(dict.fromkeys(p for p in named if p))

    @property
    def seasons_elsewhere(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Each platform other than the title's that seasons came out on, with their numbers
        (("tvN", (2,)),): where a page says "OCN; season 2 on tvN"."""
        found: dict[str, list[int]] = {}
        for season in self.seasons:
            if season.platform and season.platform != self.platform:
                found.setdefault(season.platform, []).append(season.number)
        return tuple((platform, tuple(numbers)) for platform, numbers in found.items())

    @property
    def first_date(self) -> dt.date | None:
        """When it first came out: a film's date, or its first released season's. When no
        source dates that season, the first date is unknown, not a later season's."""
        released = self.released_seasons
        if released and min(released, key=lambda s: s.number).release_date is None:
            return self.release_date
        dates = [s.release_date for s in released if s.release_date]
        if self.release_date:
            dates.append(self.release_date)
        return min(dates) if dates else None

    @property
    def netflix_since(self) -> dt.date | None:
        """The first day Netflix released the title (or a season of it) on Netflix, by its
        engagement reports; not when the title first came out."""
        dates = [s.netflix_release_date for s in self.seasons if s.netflix_release_date]
        if self.netflix_release_date:
            dates.append(self.netflix_release_date)
        return min(dates) if dates else None

    @property
    def last_date(self) -> dt.date | None:
        dates = [s.end_date or s.release_date for s in self.released_seasons]
        known = [d for d in dates if d]
        if self.release_date:
            known.append(self.release_date)
        return max(known) if known else None

    @property
    def first_top10_week(self) -> dt.date | None:
        """The end of the first week the title was in Netflix's global Top 10: it was out by
        then, whatever the sources say of its release date."""
        weeks = [s.window[5:] for s in self.stats if s.window.startswith("week:")]
        return dt.date.fromisoformat(min(weeks)) if weeks else None

    @property
    def year(self) -> int | None:
        first = self.first_date
        return first.year if first else None

    @property
    def airing(self) -> bool:
        """A season is airing now: the title's run is still open."""
        return any(season.status == "airing" for season in self.seasons)

    @property
    def last_year(self) -> int | None:
        """The year it last came out, as ``years`` ends: None while a season is airing (the
        range is still open), not the year of the last season that finished."""
        if self.airing:
            return None
        last = self.last_date
        return last.year if last else None

    @property
    def years(self) -> str | None:
        """'2021', '2021–2025', or '2022–' while a season is airing: the range is still open."""
        first, last = self.first_date, self.last_date
        if first is None:
            return None
        if self.airing:
            return f"{first.year}–"
        if last is None or last.year == first.year:
            return str(first.year)
        return f"{first.year}–{last.year}"

    def spans_year(self, year: int) -> bool:
        """Whether ``year`` is within the title's years as ``years`` gives them ('2021–2025'
        holds 2023; '2022–', while a season airs, every year since 2022); False when the
        catalogue has no date for it."""
        first = self.year
        if first is None or year < first:
            return False
        last = self.last_year
        return last is None or year <= last

    @property
    def episodes(self) -> int | None:
        """Episodes released so far, or None when any released season's count is unknown."""
        counts = [s.episodes for s in self.released_seasons]
        if not counts or any(c is None for c in counts):
            return None
        return sum(c for c in counts if c is not None)

    @property
    def all_aliases(self) -> tuple[str, ...]:
        """The title's aliases, then its seasons' (a season's own title: '환혼: 빛과 그림자'),
        which a lookup reads as the title's, each opening its season."""
        return (*self.aliases, *(alias for season in self.seasons for alias in season.aliases))

    def names(self) -> tuple[str, ...]:
        """Every name the show can be looked up by."""
        names = [self.slug, self.title, *self.all_aliases]
        if self.korean_title:
            names.append(self.korean_title)
        if self.romanization:
            names.append(self.romanization)
        return tuple(names)


def fetch(table: Mapping[str, T], ids: Iterable[str]) -> tuple[T, ...]:
    """The entries of ``ids`` that exist in ``table``, in order, skipping unknown ids.

    An index-backed table (kdrama_cli.store.index.LazyTable) reads them all in one query.
    """
    ids = tuple(ids)
    many = getattr(table, "many", None)
    found: Mapping[str, T] = many(ids) if many is not None else table
    return tuple(found[i] for i in ids if i in found)


class ShowSummary(Record):
    """A title as the catalogue listing shows it: enough to filter, sort and print a row,
    without the seasons, cast, figures and facts (the index stores these apart, so listing
    1,700 titles need not decode them all)."""

    slug: str
    title: str
    kind: str
    platform: str
    genres: tuple[str, ...]
    korean_title: str | None = None
    year: int | None = None
    first_date: dt.date | None = None
    #: The seasons out (Show.watchable_seasons, on every figure the dataset holds; None for a
    #: film or special).
    seasons: int | None = None
    source_work: str | None = None
    #: The kind of the source work (webtoon, novel...), when there is one.
    source_kind: str | None = None
    #: Where the source work came out (Naver Webtoon, KakaoPage...), when the dataset says.
    source_platform: str | None = None
    completeness: str = "partial"
    top10_hours: float | None = None
    top10_views: float | None = None
    #: Whether top10_views leaves out weeks before Netflix published views (Show.
    #: top10_views_partial); None for a title never in the Top 10.
    top10_views_partial: bool | None = None
    #: The hours Netflix's half-year engagement reports count (Show.engagement_hours).
    engagement_hours: float | None = None
    #: The title folded for sorting (names.normalize), computed once when the index is built.
    sort_key: str = ""
    #: The title's platform and any other its seasons came out on (Show.platforms).
    platforms: tuple[str, ...] = ()
    #: The title of the work it adapts (``source_work`` is that work's id).
    source_work_title: str | None = None


def summary_record(summary: ShowSummary, top10_to: str | None = None) -> dict[str, Any]:
    """A title's summary as plain data: the row ``list --json`` prints (docs/output.md), and
    the row the index stores the whole catalogue's listing in, already encoded. ``top10_to``:
    the week its Top 10 sums run to, the dataset's latest (NetflixReach.top10_to), the same
    on every row: a title still in the lists then has more weeks to come."""
    return {
        "slug": summary.slug,
        "title": summary.title,
        "korean_title": summary.korean_title,
        "kind": summary.kind,
        "year": summary.year,
        "first_date": summary.first_date.isoformat() if summary.first_date else None,
        "platform": summary.platform or None,  # a Netflix-only title's files name none
        "platforms": list(summary.platforms),
        "genres": list(summary.genres),
        "seasons": summary.seasons or 0,  # kept for compatibility: released_seasons
        "released_seasons": summary.seasons or 0,
        "source_work": summary.source_work,  # the work's id; its title is beside it
        "source_work_title": summary.source_work_title,
        "source_kind": summary.source_kind,
        "source_platform": summary.source_platform,
        "top10_hours": summary.top10_hours,
        "top10_views": summary.top10_views,
        "top10_views_partial": summary.top10_views_partial,
        "completeness": summary.completeness,
        "top10_to": top10_to,
    }


def summaries_of(dataset: Dataset) -> list[ShowSummary]:
    """Every title's summary: from the index when the dataset was opened from one (its
    ``summary_table``), else made from the titles."""
    if dataset.summary_table is not None:
        return list(dataset.summary_table())
    return [summary_of(dataset, show) for show in dataset.shows.values()]


def stored_listing(dataset: Dataset) -> bytes | None:
    """The whole catalogue's listing, every summary_record in title order, as compact JSON
    text (catalogue.jsontext) encoded in UTF-8, when the index the dataset was opened from
    stores it."""
    return dataset.listing_json() if dataset.listing_json is not None else None


def summary_of(dataset: Dataset, show: Show) -> ShowSummary:
    """A title's summary with what it says of the work it adapts: its kind and where it came
    out, which live on the source work, not on the title."""
    work = dataset.source_works.get(show.source_work) if show.source_work else None
    return show.summary(work)


class Replacement(Record):
    """An entry a later file replaced (``override = true``): its table and id, the overriding
    file, and the replaced entry's file and parsed text; where extensions added to it, the file
    and position each item of its lists came from (as Dataset.parts has them)."""

    table: str
    id: str
    file: str
    earlier_file: str
    earlier: Mapping[str, Any]
    parts: Mapping[str, list[tuple[str, int]]] = {}


#: How a layer made or changed an entry: it gave the entry, new (``added``), replaced the one
#: below it (``override = true``: ``replaced``) or added to it (``extend = true``, or figures
#: of its own ``[[stats]]`` given for the title: ``extended``); or changed it through another
#: entry: replaced a citation it cites (``cited``: a title's or a person's, whose page cites
#: it), or, for a title, gave a title that names it in ``related`` (``related``), which its
#: page then lists.
LAYER_HOWS = ("added", "replaced", "extended", "cited", "related")

#: Of LAYER_HOWS, those by which a layer gives an entry itself (Dataset.entry_layer).
ENTRY_HOWS = ("added", "replaced")


class LayerMark(Record):
    """A file loaded over the base dataset (the personal dataset, an ``--add-data`` file, or
    one either includes) that made or changed an entry, and how (one of ``LAYER_HOWS``): the
    page says it, so that a fact of the user's own file is not taken for a shipped one."""

    how: str
    file: str


#: Table ("shows", "people", "source_works") -> id -> the layers that made or changed the
#: entry, in load order; an entry only the base gives has none, and is not in it.
LayerMarks = Mapping[str, Mapping[str, tuple[LayerMark, ...]]]

#: The lists of a title that credit people, by the capacity each credits (Show.crew_of).
CREDIT_LISTS = {
    "actor": "cast",
    "creator": "creators",
    "director": "directors",
    "writer": "writers",
}

#: The lists of a title whose items LayerItems records: its credits, and the citations its
#: credits rest on (a credit an extension added rests on those the extension added).
LAYER_ITEM_LISTS = (*CREDIT_LISTS.values(), "sources", "cast_sources")

#: Title -> list of LAYER_ITEM_LISTS -> the items of that list a layer's extension (``extend =
#: true``) added, each as (its position in the list, the layer's file): a person's page marks
#: such a credit (Dataset.credit_layer) and cites it to what that layer cites
#: (Dataset.layer_cited). Every other item is the title entry's own. For a list of citations,
#: those the extension lists that the title listed already too (listed once, they are what
#: its credits rest on), in the extension's order.
LayerItems = Mapping[str, Mapping[str, tuple[tuple[int, str], ...]]]

#: Each file loaded over the base (a LayerMark's file) -> the place, among the dataset paths
#: of the load (0 is the base), of the path that is or includes it: the personal dataset, when
#: a run reads one, is at locations.PERSONAL_PLACE (Dataset.layers_through).
LayerRoots = Mapping[str, int]


class NetflixReach(Record):
    """How far Netflix's data in a dataset goes: the week ending the latest weekly Top 10
    figure ("2026-07-19"), the half-year of the latest engagement-report figure ("2025H1"),
    and the day of the latest all-time Most Popular list a figure comes from ("2026-07-22");
    None where it holds none. Netflix publishes on, so a page says how current its figures
    are (catalogue.about.reach_label words it)."""

    top10_to: str | None = None
    reports_to: str | None = None
    popular_as_of: str | None = None


#: `kdrama data netflix` names the citation of an all-time Most Popular list with this prefix
#: (netflix-most-popular-91-tv-non-english-2026-07-22): the list's day is the figure's as_of.
MOST_POPULAR_ID = "netflix-most-popular-"


def netflix_reach_of(shows: Iterable[Show]) -> NetflixReach:
    """The latest week, report and Most Popular list of every title's figures (reads every
    title)."""
    weeks: set[str] = set()
    reports: set[str] = set()
    popular: set[str] = set()
    for show in shows:
        for stat in show.stats:
            kind, _, value = stat.window.partition(":")
            if kind == "week":
                weeks.add(value)
            elif kind == "half-year":
                reports.add(value)
            elif any(source.startswith(MOST_POPULAR_ID) for source in stat.sources):
                popular.add(stat.as_of.isoformat())
    return NetflixReach(
        max(weeks, default=None), max(reports, default=None), max(popular, default=None)
    )


class Dataset:
    """The merged dataset. The tables are mappings: plain dicts after parsing, or lazy views
    over the on-disk index (kdrama_cli.store.index) that load an entry only when it is asked for."""

    __slots__ = (
        "shows",
        "people",
        "source_works",
        "citations",
        "files",
        "overrides",
        "lookup_table",
        "summary_table",
        "listing_json",
        "known_counts",
        "known_reach",
        "fingerprints",
        "index_id",
        "replacements",
        "origins",
        "figure_origins",
        "repeated",
        "extensions",
        "parts",
        "repeated_items",
        "repeats_cite",
        "layer_marks",
        "layer_items",
        "layer_roots",
        "layer_table",
    )

    def __init__(
        self,
        shows: Mapping[str, Show],
        people: Mapping[str, Person],
        source_works: Mapping[str, SourceWork],
        citations: Mapping[str, Citation],
        files: tuple[str, ...] = (),
        overrides: tuple[str, ...] = (),
        lookup_table: Any = None,
        known_counts: dict[str, int] | None = None,
        summary_table: Any = None,
        fingerprints: dict[str, tuple[int, int, int, str]] | None = None,
        listing_json: Any = None,
        replacements: tuple[Replacement, ...] = (),
        origins: Mapping[str, Mapping[str, str]] | None = None,
        repeated: tuple[str, ...] = (),
        known_reach: NetflixReach | None = None,
        figure_origins: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
        extensions: tuple[str, ...] = (),
        parts: Mapping[str, Mapping[str, Mapping[str, list[tuple[str, int]]]]] | None = None,
        repeated_items: tuple[Problem, ...] = (),
        repeats_cite: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
        layer_marks: LayerMarks | None = None,
        layer_table: Callable[[], tuple[LayerMarks, LayerItems, LayerRoots]] | None = None,
        layer_items: LayerItems | None = None,
        layer_roots: LayerRoots | None = None,
    ) -> None:
        self.shows = shows
        self.people = people
        self.source_works = source_works
        self.citations = citations
        self.files = files
        #: Entries a later file replaced (``override = true``): "file: shows[x] overrides ...".
        self.overrides = overrides
        #: Name and credit lookups (``names.lookup_of`` builds them in memory when not given).
        self.lookup_table = lookup_table
        #: A callable returning every title's ShowSummary (the index's), or None.
        self.summary_table = summary_table
        #: A callable returning the whole catalogue's listing as stored UTF-8 JSON, or None.
        self.listing_json = listing_json
        #: Entry counts, when known without loading every title (the index stores them).
        self.known_counts = known_counts
        #: How far Netflix's figures go, when known without reading every title (the index).
        self.known_reach = known_reach
        #: File -> (size, mtime_ns, ctime_ns, sha256) of the bytes this dataset was parsed from.
        self.fingerprints: dict[str, tuple[int, int, int, str]] = fingerprints or {}
        #: Identifies the on-disk index this dataset was opened from (None when parsed).
        self.index_id: str | None = None
        #: What each line of ``overrides`` replaced (when parsed; the index keeps none).
        self.replacements = replacements
        #: Table ("shows", "people", ...) -> id -> the file its entry came from (when parsed).
        self.origins = origins
        #: Title -> for each of its figures, in ``show.stats`` order, the file that gives it and
        #: where in that file (``shows[x].stats[0]`` or a top-level ``stats[3]``), when parsed:
        #: a figure has no id to file a warning under.
        self.figure_origins = figure_origins
        #: Entries a later file repeats exactly, loaded once (when parsed): one line per file.
        self.repeated = repeated
        #: Entries a later file added to (``extend = true``): "file: shows[x] extends ...".
        self.extensions = extensions
        #: Table -> id of an extended entry -> list -> the file and position in it of each
        #: item once merged (when parsed): an extension's items are said in its own file.
        self.parts = parts or {}
        #: What extensions repeat of the entries they extend, listed once: a warning each.
        self.repeated_items = repeated_items
        #: Citation -> the items of ``repeated_items`` that cite it, each as (its file, its
        #: location there), when parsed: listed once, they cite it nowhere in the dataset.
        self.repeats_cite = repeats_cite or {}
        #: The entries layers made or changed (when parsed, or once ``layer_table`` is read).
        self.layer_marks = layer_marks
        #: The credits layers' extensions added to titles (when parsed, or read with
        #: ``layer_marks``).
        self.layer_items = layer_items
        #: The path of the load each layer's file came in through (when parsed, or read with
        #: ``layer_marks``).
        self.layer_roots = layer_roots
        #: Reads ``layer_marks``, ``layer_items`` and ``layer_roots`` from the index, on the
        #: first page that asks (or None).
        self.layer_table = layer_table

    def _layers(self) -> tuple[LayerMarks, LayerItems]:
        if self.layer_marks is None:
            if self.layer_table is not None:
                self.layer_marks, self.layer_items, self.layer_roots = self.layer_table()
            else:
                self.layer_marks = {}
        return self.layer_marks, self.layer_items or {}

    def layers_through(self, place: int) -> frozenset[str]:
        """The files loaded over the base that the ``place``-th dataset path of the load is or
        includes, directly or through other includes (LayerRoots; the personal dataset, when
        the run reads one, is at locations.PERSONAL_PLACE): recorded as the files were read, so
        a page asks no file."""
        self._layers()
        roots = self.layer_roots or {}
        return frozenset(file for file, root in roots.items() if root == place)

    def layers_of(self, table: str, key: str) -> tuple[LayerMark, ...]:
        """The layers that made or changed entry ``key`` of ``table``, in load order: () for
        an entry as the base dataset gives it."""
        return self._layers()[0].get(table, {}).get(key, ())

    def entry_layer(self, table: str, key: str) -> LayerMark | None:
        """The layer whose entry of ``table`` is the one in use: the last that replaced it
        (``override = true``), else the one that added it; None for the base's entry (which
        layers may have extended)."""
        given = [m for m in self.layers_of(table, key) if m.how in ENTRY_HOWS]
        return given[-1] if given else None

    def credit_layer(self, show: Show, capacity: str, position: int) -> LayerMark | None:
        """The layer the credit at ``position`` of ``show``'s list for ``capacity`` comes from
        (CREDIT_LISTS: "actor" is ``show.cast``, "director" ``show.directors``…): "extended"
        by the layer whose extension added it, else the layer that gave the title's entry
        ("added" or "replaced", entry_layer); None for a credit of the base's entry."""
        _, items = self._layers()
        added = items.get(show.slug, {}).get(CREDIT_LISTS[capacity], ())
        for at, file in added:
            if at == position:
                return LayerMark("extended", file)
        return self.entry_layer("shows", show.slug)

    def layer_cited(self, show: Show, field_name: str, file: str) -> tuple[str, ...]:
        """The citation ids of ``show``'s ``field_name`` ("sources" or "cast_sources") that
        the extension of layer ``file`` lists: what a credit it added rests on beside the
        credit's own sources, never the citations of the entry it extended that it does not
        name itself."""
        _, items = self._layers()
        listed: tuple[str, ...] = getattr(show, field_name)
        added = items.get(show.slug, {}).get(field_name, ())
        return tuple(listed[at] for at, by in added if by == file and at < len(listed))

    def works_of(self, show: Show) -> tuple[SourceWork, ...]:
        """The work the title adapts, then the works based on it (adaptation_chain): every
        source work whose makers the title credits."""
        return adaptation_chain(self.source_works, show.source_work)

    def works_from(self, work_id: str) -> tuple[SourceWork, ...]:
        """The work ``work_id``, then the works based on it (adaptation_chain)."""
        return adaptation_chain(self.source_works, work_id)

    def netflix_reach(self) -> NetflixReach:
        """How far the dataset's Netflix figures go (NetflixReach)."""
        if self.known_reach is None:
            self.known_reach = netflix_reach_of(self.shows.values())
        return self.known_reach

    def counts(self) -> dict[str, int]:
        if self.known_counts is not None:
            return dict(self.known_counts)
        shows = self.shows.values()
        return {
            "shows": len(self.shows),
            "people": len(self.people),
            "credits": sum(len(s.cast) for s in shows),
            "source_works": len(self.source_works),
            "stats": sum(len(s.stats) for s in shows),
            "facts": sum(len(s.facts) for s in shows),
            "citations": len(self.citations),
        }

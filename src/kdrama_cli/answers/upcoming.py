"""What is coming: the seasons the catalogue lists as renewed, announced or in production.

Only what the dataset says: a season's status, the date it was announced (``status_date``), the
date it was last confirmed (``as_of``), a release date when one was announced, its note and its
citations. Two things depend on the day the question is asked, so ``today`` is a parameter:

- a release date on or after today is a **dated release** (listed first, in date order, and the
  only entries an ``--ics`` calendar holds); a release date that has passed while the season is
  still not marked released means the entry has fallen behind the news;
- an entry is **stale** when its latest news (the later of ``status_date`` and ``as_of``) is
  more than a year old (``stale_before``: a calendar year), or when its release date, or the
  release window it was announced for without a day ("2026-Q2"), has passed: the season may
  have moved on (been dated, released, cancelled) since the catalogue last looked.
  ``staleness`` is that one rule, for this page and the show page alike;
- a coming season that Netflix's own files already list (a week of its global Top 10, a
  half-year of its engagement reports) is out: the catalogue has fallen behind Netflix. That
  is a figure, derived from Netflix's files, so it is stated from them, never typed in: the
  first week or half-year that lists the season (``netflix_listing``), with its citation.

Airing seasons are left out: they can already be watched, and ``kdrama show`` lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kdrama_cli.catalogue.models import (
    Citation,
    Dataset,
    Season,
    Show,
    fetch,
    parse_window,
    release_window,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import NATIONAL_TOP10
from kdrama_cli.catalogue.vocab import UPCOMING_STATUSES as UPCOMING_STATUSES  # the pages' too

#: The statuses of a season that is not finished: coming, or airing (whose news can be old too:
#: it may have ended since the catalogue last looked).
UNFINISHED_STATUSES = ("airing", *UPCOMING_STATUSES)


class Staleness(Record):
    """Whether a coming season's entry may have fallen behind the news on a given day, and why
    (all False: it has not, or the season is not coming)."""

    #: Its latest news is from before stale_before (more than a year old).
    old_news: bool = False
    #: Its release date is before the day, though the season is not marked released.
    release_passed: bool = False
    #: The release window it was announced for (no day) ended before the day, and no release
    #: is on record.
    window_passed: bool = False
    #: Netflix's own files list the season (netflix_listing): it is out, though the catalogue
    #: has it as coming.
    on_netflix: NetflixListing | None = None

    @property
    def stale(self) -> bool:
        return (
            self.old_news
            or self.release_passed
            or self.window_passed
            or self.on_netflix is not None
        )


class NetflixListing(Record):
    """The first figure Netflix's own files give for a season: the week of its global Top 10
    or the half-year of its engagement reports, and the citation of that list. A season in it
    had come out by ``by`` (the week's last day, or the half-year's)."""

    #: The figure's window, as the dataset writes it ("week:2026-07-12", "half-year:2024H2").
    window: str
    #: The last day of that week or half-year.
    by: dt.date
    sources: tuple[str, ...]
    #: The figure's list: one of the global Top 10's ("TV (Non-English)"), "national Top 10s"
    #: (Netflix's country lists), or "What We Watched" (the engagement reports; with its sheet,
    #: "What We Watched: TV", from July-December 2023 on).
    list: str | None = None

    @property
    def words(self) -> str:
        """'Netflix's global Top 10 lists it in the week ending 2026-07-12'."""
        if self.window.startswith("week:"):
            chart = (
                "national Top 10s list" if self.list == NATIONAL_TOP10 else "global Top 10 lists"
            )
            return f"Netflix's {chart} it in the week ending {self.by.isoformat()}"
        label = parse_window(self.window) or self.window
        return f"Netflix's engagement report for {label} lists it"


def netflix_listing(show: Show, number: int, today: dt.date) -> NetflixListing | None:
    """The earliest week or half-year, ended by ``today``, for which Netflix's files give a
    figure of season ``number`` of ``show`` (None when they give none): proof, from Netflix,
    that the season had come out by then (Show.netflix_figures)."""
    listed = show.netflix_figures(number, today)
    if not listed:
        return None
    # The earliest; of one week, the global Top 10 before the national ones.
    end, stat = min(
        listed, key=lambda pair: (pair[0], pair[1].list == NATIONAL_TOP10, pair[1].window)
    )
    return NetflixListing(window=stat.window, by=end, sources=stat.sources, list=stat.list)


def watchable(show: Show, season: Season, today: dt.date | None = None) -> bool:
    """Whether a season can be watched on ``today`` (default: the real day): out by the
    catalogue's status, or listed by Netflix's own files though the catalogue has not caught
    up (what the seen list takes as seen). The rule is Show.watchable's."""
    return show.watchable(season, today or dt.date.today())


def season_watchable(show: Show, number: int, today: dt.date | None = None) -> bool:
    """Whether season ``number`` of ``show`` can be watched on ``today`` (``watchable``); a
    number the title lists no season for (a film's credit) can, as it is the title's own. What
    person pages, connection paths, similar titles and the seen list take as out."""
    season = show.season(number)
    return season is None or watchable(show, season, today)


def watchable_seasons(show: Show, today: dt.date | None = None) -> tuple[Season, ...]:
    """The seasons of ``show`` that can be watched on ``today`` (``watchable``), in order."""
    return show.watchable_seasons(today or dt.date.today())


def stale_before(today: dt.date) -> dt.date:
    """News dated before this day is stale: the same day a calendar year before ``today`` (365
    days were a day short across a 29 February: on 2025-01-01, news of 2024-01-01 was called
    more than a year old), 28 February for a 29 February. None is in the first year a date can
    hold (a $KDRAMA_TODAY of 0001-01-01), which has no day a year before it."""
    if today.year == dt.MINYEAR:
        return dt.date.min
    if (today.month, today.day) == (2, 29):
        return today.replace(year=today.year - 1, day=28)
    return today.replace(year=today.year - 1)


def news_date(season: Season) -> dt.date | None:
    """The later of the season's status_date and as_of: when the catalogue last had news."""
    return max((d for d in (season.status_date, season.as_of) if d), default=None)


def dated_status(season: Season) -> str:
    """A season's status with the day it took it and the day last confirmed, as the show page
    gives them: 'in production since 2025-07-23, as of 2026-02-22' (`seen add` and `chart`
    say it of a season not out); one day for both is said once: 'renewed on 2026-01-13'."""
    status = season.status.replace("-", " ")
    for said in since_and_as_of(season.status_date, season.as_of):
        status += f", {said}" if said.startswith("as of") else f" {said}"
    return status


def since_and_as_of(
    since: dt.date | None, as_of: dt.date | None, ongoing: bool = False
) -> list[str]:
    """The day a status was taken and the day it was last confirmed, as a page words them:
    ['since 2025-07-23', 'as of 2026-02-22'], or ['on 2026-01-13'] when they are one day,
    which said twice reads as two. An ``ongoing`` status (a season airing) is not an event of
    one day: 'on 2024-09-13' would read as aired that day only, so it is ['since 2024-09-13',
    'as of that day']."""
    if since and since == as_of:
        day = since.isoformat()
        return [f"since {day}", "as of that day"] if ongoing else [f"on {day}"]
    said = [f"since {since.isoformat()}"] if since else []
    return said + ([f"as of {as_of.isoformat()}"] if as_of else [])


def stale_reason(season: Season, today: dt.date, show: Show | None = None) -> str | None:
    """Why a season's news is stale on ``today``, in words (`seen add` and `chart` give it
    beside the season's dated status), or None when it is not."""
    judged = staleness(season, today, show)
    if judged.on_netflix is not None:
        return f"{judged.on_netflix.words}, so it is out"
    if judged.release_passed or judged.window_passed:
        return "its announced release has passed"
    if judged.stale:
        return "the catalogue's latest news of it is more than a year old"
    return None


def staleness(season: Season, today: dt.date, show: Show | None = None) -> Staleness:
    """The rule for a stale entry, the same on every page that flags one: a renewed,
    announced or in-production season whose latest news is more than a year old, whose
    release date has passed, whose announced release window has ended with no release on
    record, or that Netflix's own files list (given the ``show`` it is a season of); an airing
    season whose latest news is more than a year old."""
    if season.status not in UNFINISHED_STATUSES:
        return Staleness()
    news = news_date(season)
    if season.is_out:  # airing: it has come out, so only its news can have fallen behind
        return Staleness(old_news=news is not None and news < stale_before(today))
    release = season.release_date
    window = release_window(season.release_window) if season.release_window else None
    return Staleness(
        old_news=news is not None and news < stale_before(today),
        release_passed=release is not None and release < today,
        window_passed=release is None and window is not None and window[1] < today,
        on_netflix=netflix_listing(show, season.number, today) if show is not None else None,
    )


class Upcoming(Record):
    """One season that is coming."""

    slug: str
    title: str
    korean_title: str | None
    season: Season
    #: The later of the season's status_date and as_of: when the catalogue last had news.
    news_date: dt.date | None
    #: The season has a release date on or after today (and Netflix's files do not list it yet).
    dated: bool
    #: Its release date is before today, though the season is not marked released.
    release_passed: bool
    #: The news is more than a year old, or the release date or window has passed.
    stale: bool
    citations: tuple[Citation, ...]
    #: Its announced release window has ended, with no release on record.
    window_passed: bool = False
    #: Netflix's own files list it: it is out (its citation is among ``citations``).
    on_netflix: NetflixListing | None = None


class Coming(Record):
    """The answer: the seasons in order (dated releases first, by date; then the newest news
    first), and every citation they refer to, in the order they first do."""

    today: dt.date
    #: News dated before this day is stale.
    stale_before: dt.date
    entries: tuple[Upcoming, ...]
    citations: tuple[Citation, ...]

    @property
    def dated(self) -> tuple[Upcoming, ...]:
        """The entries with a release date on or after today (what a calendar holds)."""
        return tuple(entry for entry in self.entries if entry.dated)

    @property
    def ahead(self) -> tuple[Upcoming, ...]:
        """The entries still to come: not those Netflix's own files list (``on_netflix``),
        which are out though the catalogue has them as coming."""
        return tuple(entry for entry in self.entries if entry.on_netflix is None)


def upcoming(
    dataset: Dataset,
    today: dt.date | None = None,
    statuses: Iterable[str] = UPCOMING_STATUSES,
) -> Coming:
    """Every season of every title whose status is one of ``statuses``.

    Reads every title (decoding each from the index): there is no table of seasons by status,
    and at about 50 ms for the shipped catalogue none is needed yet."""
    today = today or dt.date.today()
    wanted = frozenset(statuses)
    entries: list[Upcoming] = []
    for show in dataset.shows.values():
        for season in show.seasons:
            if season.status not in wanted:
                continue
            release = season.release_date
            judged = staleness(season, today, show)
            sources = season.sources
            if judged.on_netflix is not None:
                sources += tuple(s for s in judged.on_netflix.sources if s not in sources)
            entries.append(
                Upcoming(
                    slug=show.slug,
                    title=show.title,
                    korean_title=show.korean_title,
                    season=season,
                    news_date=news_date(season),
                    # Netflix already lists it: out, so not a release to come (nor in --ics)
                    dated=release is not None
                    and not judged.release_passed
                    and judged.on_netflix is None,
                    release_passed=judged.release_passed,
                    stale=judged.stale,
                    citations=fetch(dataset.citations, sources),
                    window_passed=judged.window_passed,
                    on_netflix=judged.on_netflix,
                )
            )
    entries.sort(key=_order)
    cited: dict[str, Citation] = {}
    for entry in entries:
        for citation in entry.citations:
            cited.setdefault(citation.id, citation)
    return Coming(today, stale_before(today), tuple(entries), tuple(cited.values()))


def _order(entry: Upcoming) -> tuple[int, int, str, int]:
    """Dated releases first, soonest first; then the rest, newest news first (news of no known
    date last); ties by title and season."""
    if entry.dated and entry.season.release_date:
        day = entry.season.release_date.toordinal()
        return (0, day, entry.title.casefold(), entry.season.number)
    news = -entry.news_date.toordinal() if entry.news_date else 0
    return (1, news, entry.title.casefold(), entry.season.number)

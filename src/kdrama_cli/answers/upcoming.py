"""What is coming: the seasons the catalogue lists as renewed, announced or in production.

Only what the dataset says: a season's status, the date it was announced (``status_date``), the
date it was last confirmed (``as_of``), a release date when one was announced, its note and its
citations. Two things depend on the day the question is asked, so ``today`` is a parameter:

- a release date on or after today is a **dated release** (listed first, in date order, and the
  only entries an ``--ics`` calendar holds); a release date that has passed while the season is
  still not marked released means the entry has fallen behind the news;
- an entry is **stale** when its latest news (the later of ``status_date`` and ``as_of``) is
  more than ``STALE_AFTER_DAYS`` old, or when its release date has passed: the season may have
  moved on (been dated, released, cancelled) since the catalogue last looked.

Airing seasons are left out: they can already be watched, and ``kdrama show`` lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kdrama_cli.catalogue.models import Citation, Dataset, Season, fetch
from kdrama_cli.catalogue.record import Record

#: The statuses of a season that is coming but cannot be watched yet.
UPCOMING_STATUSES = ("renewed", "announced", "in-production")

#: News older than this (a year) is flagged as stale.
STALE_AFTER_DAYS = 365


class Upcoming(Record):
    """One season that is coming."""

    slug: str
    title: str
    korean_title: str | None
    season: Season
    #: The later of the season's status_date and as_of: when the catalogue last had news.
    news_date: dt.date | None
    #: The season has a release date on or after today.
    dated: bool
    #: Its release date is before today, though the season is not marked released.
    release_passed: bool
    #: The news is older than STALE_AFTER_DAYS, or the release date has passed.
    stale: bool
    citations: tuple[Citation, ...]


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


def upcoming(
    dataset: Dataset,
    today: dt.date | None = None,
    statuses: Iterable[str] = UPCOMING_STATUSES,
) -> Coming:
    """Every season of every title whose status is one of ``statuses``.

    Reads every title (decoding each from the index): there is no table of seasons by status,
    and at about 50 ms for the shipped catalogue none is needed yet."""
    today = today or dt.date.today()
    stale_before = today - dt.timedelta(days=STALE_AFTER_DAYS)
    wanted = frozenset(statuses)
    entries: list[Upcoming] = []
    for show in dataset.shows.values():
        for season in show.seasons:
            if season.status not in wanted:
                continue
            news = max((d for d in (season.status_date, season.as_of) if d), default=None)
            release = season.release_date
            passed = release is not None and release < today
            old = news is not None and news < stale_before
            entries.append(
                Upcoming(
                    slug=show.slug,
                    title=show.title,
                    korean_title=show.korean_title,
                    season=season,
                    news_date=news,
                    dated=release is not None and not passed,
                    release_passed=passed,
                    stale=old or passed,
                    citations=fetch(dataset.citations, season.sources),
                )
            )
    entries.sort(key=_order)
    cited: dict[str, Citation] = {}
    for entry in entries:
        for citation in entry.citations:
            cited.setdefault(citation.id, citation)
    return Coming(today, stale_before, tuple(entries), tuple(cited.values()))


def _order(entry: Upcoming) -> tuple[int, int, str, int]:
    """Dated releases first, soonest first; then the rest, newest news first (news of no known
    date last); ties by title and season."""
    if entry.dated and entry.season.release_date:
        day = entry.season.release_date.toordinal()
        return (0, day, entry.title.casefold(), entry.season.number)
    news = -entry.news_date.toordinal() if entry.news_date else 0
    return (1, news, entry.title.casefold(), entry.season.number)

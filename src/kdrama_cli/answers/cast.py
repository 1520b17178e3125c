"""The cast of one title or of every title, less what a page hides as a spoiler (no printing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from kdrama_cli.answers.finding import NoSuchSeason, named_in_catalogue
from kdrama_cli.answers.show_page import CastEntry, cast_entries
from kdrama_cli.answers.spoilers import credit_hidden, flagged_citations, listing_order
from kdrama_cli.answers.upcoming import staleness
from kdrama_cli.catalogue.models import (
    Citation,
    Dataset,
    Show,
    fetch,
)


def cast_list(
    dataset: Dataset,
    show: Show | None,
    season: int | None,
    role: str,
    today: dt.date | None = None,
) -> list[tuple[Show, tuple[CastEntry, ...]]]:
    """Cast grouped by show; without a show, every title that has the season (or all titles).
    A credit in a season not out on ``today`` (default: the real day) is marked announced."""
    if show is not None:
        if season is not None and show.season(season) is None:
            raise NoSuchSeason(show, season, named=named_in_catalogue(dataset, show))
        return [(show, cast_entries(dataset, show, season, role, today))]
    shows = titles_oldest_first(dataset, season)
    if season is not None and not shows:
        raise NoSuchSeason(None, season)
    groups = [(s, cast_entries(dataset, s, season, role, today)) for s in shows]
    return [(s, entries) for s, entries in groups if entries]


def titles_oldest_first(dataset: Dataset, season: int | None = None) -> list[Show]:
    """Every title (with ``season``, every title that has it), oldest first: the order of the
    cast of every title; those of unknown date last, by title."""
    shows = sorted(
        dataset.shows.values(), key=lambda s: (s.first_date is None, s.first_date, s.title)
    )
    return shows if season is None else [s for s in shows if s.season(season) is not None]


def without_spoilers(
    groups: Sequence[tuple[Show, tuple[CastEntry, ...]]],
    spoilers: bool,
    citations: Mapping[str, Citation] | None = None,
) -> tuple[list[tuple[Show, tuple[CastEntry, ...]]], int]:
    """The cast groups less the credits a page hides as spoilers (answers.spoilers), each in an
    order that gives no withheld note away (listing_order), and how many it left out; a title
    left with no credit is dropped when others are listed. With the dataset's ``citations``,
    rows cite no source flagged as a spoiler (unless ``spoilers``): rows_without_spoilers."""
    kept = []
    for show, entries in groups:
        visible = [e for e in entries if not credit_hidden(e.credit, spoilers)]
        if citations is not None and not spoilers:
            show, visible = rows_without_spoilers(show, visible, citations)
        kept.append((show, listing_order(visible, spoilers)))
    count = sum(len(entries) for _, entries in groups) - sum(len(e) for _, e in kept)
    if len(kept) > 1:
        kept = [(show, entries) for show, entries in kept if entries]
    return kept, count


def first_titles(
    groups: Sequence[tuple[Show, tuple[CastEntry, ...]]],
    limit: int,
    spoilers: bool,
    citations: Mapping[str, Citation] | None = None,
) -> tuple[list[tuple[Show, tuple[CastEntry, ...]]], int, int]:
    """The first ``limit`` titles of every title's cast, as without_spoilers gives them, how
    many credits it left out, and how many titles it would list without the limit. A title
    left with no visible credit is not one of the first, but what was hidden in it counts if
    it comes before the last title listed: the count is of the part of the catalogue the page
    covers, so a limit that cuts nothing says what the whole page says."""
    kept, hidden = without_spoilers(groups, spoilers, citations)
    if len(kept) <= limit:
        return kept, hidden, len(kept)
    last = kept[limit - 1][0].slug
    covered = []
    for show, entries in groups:
        covered.append((show, entries))
        if show.slug == last:
            break
    shown, hidden = without_spoilers(covered, spoilers, citations)
    return shown, hidden, len(kept)


def rows_without_spoilers(
    show: Show, entries: Sequence[CastEntry], citations: Mapping[str, Citation]
) -> tuple[Show, list[CastEntry]]:
    """One title's listed credits as rows cite them without spoilers. A finale story cited on
    two contestants' rows of thirteen names the finalists, headline or not; and dropping it
    alone would leave those rows the ones citing nothing. So in each role where a row cites a
    source flagged as a spoiler, no row cites its own sources: those not flagged are the
    title's cast lists instead (``cast_sources``, cited under its heading), the flagged ones
    are left out."""
    flagged = flagged_citations((i for e in entries for i in e.credit.sources), citations)
    roles = {e.credit.role for e in entries if flagged & set(e.credit.sources)}
    if not roles:
        return show, list(entries)
    moved = [i for e in entries if e.credit.role in roles for i in e.credit.sources]
    lists = tuple(dict.fromkeys((*show.cast_sources, *(i for i in moved if i not in flagged))))
    titled = show._replace(cast_sources=lists)
    rows = []
    for entry in entries:
        credit = entry.credit
        cited = entry.cited
        if credit.role in roles:
            credit = credit._replace(sources=())
            if cited is not None:  # a layer's credit: what it cites, less what is flagged
                cited = tuple(i for i in cited if i not in flagged)
        rows.append(entry._replace(show=titled, credit=credit, cited=cited))
    return titled, rows


def cast_citations(
    dataset: Dataset, groups: Iterable[tuple[Show, Iterable[CastEntry]]]
) -> tuple[Citation, ...]:
    """What the cast of these titles cites, in order: each title's cast lists, then each
    credit's own sources (answers.sources.credit_sources)."""
    ids: dict[str, None] = {}
    for show, entries in groups:
        ids.update(dict.fromkeys(show.cast_sources))
        ids.update(dict.fromkeys(i for e in entries for i in e.sources))
    return fetch(dataset.citations, ids)


def stale_seasons(shows: Iterable[Show], season: int, today: dt.date) -> frozenset[str]:
    """The titles whose season ``season`` is flagged stale on ``today``, by the rule the show
    and upcoming pages flag by (answers.upcoming.staleness): for the cast page's headings."""
    return frozenset(
        show.slug
        for show in shows
        if (chosen := show.season(season)) is not None and staleness(chosen, today, show).stale
    )

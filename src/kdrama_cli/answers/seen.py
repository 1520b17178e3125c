"""Questions about the user's seen list: what it holds, where you have seen someone, who you
have seen most, and matching Netflix's viewing history to titles and seasons.

A credit counts as seen only for the seasons the person was really in: someone credited in
season 1 of a title you have seen only season 2 of is not "seen". A film (a title without
seasons) is seen as a whole. A surprise cameo hidden as a spoiler (answers.spoilers) counts
only with ``spoilers``, on the seen pages as on `person`: a season is marked seen as a whole
(`seen import` marks it after one episode), and the cameo may be in its last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kdrama_cli.answers.finding import (
    PART,
    LookupError_,
    NoSuchSeason,
    NotFound,
    closeness,
    episode_in_name,
    find_show,
    seasons_words,
    told_apart_in_catalogue,
)
from kdrama_cli.answers.spoilers import credit_hidden
from kdrama_cli.catalogue.models import (
    Credit,
    Dataset,
    Person,
    Season,
    Show,
    authors_of,
    fetch,
    seasons_of,
)
from kdrama_cli.catalogue.names import lookup_of, normalize
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.seen import update_seen
from kdrama_cli.catalogue.wording import named_apart
from kdrama_cli.errors import command_line

Seen = Mapping[str, Sequence[int]]


class SeenTitle(Record):
    show: Show
    #: Seasons seen (empty for a film).
    seasons: tuple[int, ...]
    #: How many of its seasons can be watched (answers.upcoming.watchable: out, or listed by
    #: Netflix's files though the catalogue has not caught up); 0 for a film.
    out: int = 0
    #: The numbers of those seasons: Netflix's records number some from where Netflix's title
    #: does (Voice has only season 2, "Voice 2"; Adventure by Accident seasons 3 and 4), so
    #: "S2 of 1" would say less than "S2 of S2".
    out_numbers: tuple[int, ...] = ()


class SeenCredit(Record):
    """A title of someone's that you have seen, and the seasons of theirs you saw."""

    show: Show
    seasons: tuple[int, ...]
    character: str | None
    #: What else they made of it, as their page lists it: "creator", "director", "writer",
    #: then what the author of a work it adapts is to it ("original webtoon artist"); ()
    #: when they were only in the cast.
    crew: tuple[str, ...] = ()
    #: The seasons of their cast credits you have seen, those a page names: a crew credit is
    #: the whole title's, held for no season, so Lee Dan, a director of Taxi Driver, is not
    #: "Taxi Driver S1 (director)" when season 1 is what you have seen (() for a film too).
    cast_seasons: tuple[int, ...] = ()


class SeenPerson(Record):
    person: Person
    credits: tuple[SeenCredit, ...]


class SeenPeople(Record):
    """The people you have seen in the most titles, how many of their seen titles were left
    out as spoilers (a title seen only through a hidden cameo: answers.spoilers), and how many
    people there are in all, before the limit."""

    people: tuple[SeenPerson, ...]
    hidden: int = 0
    total: int = 0


def seen_titles(dataset: Dataset, seen: Seen, today: dt.date | None = None) -> list[SeenTitle]:
    """The seen list's titles that the catalogue has, in title order (unknown slugs, from an
    older catalogue or another dataset, are left out); how many seasons of each can be watched
    is judged on ``today`` (default: the real day), as `seen add` judges it."""
    shows = fetch(dataset.shows, sorted(seen))
    from kdrama_cli.answers.upcoming import watchable_seasons

    titles = []
    for show in shows:
        out = tuple(season.number for season in watchable_seasons(show, today))
        titles.append(SeenTitle(show, tuple(seen[show.slug]), len(out), out))
    return sorted(titles, key=lambda t: normalize(t.show.title))


def unknown_slugs(dataset: Dataset, seen: Seen) -> list[str]:
    known = {show.slug for show in fetch(dataset.shows, sorted(seen))}
    return sorted(slug for slug in seen if slug not in known)


class Reading(Record):
    """What the title finder reads a slug on the seen list as, where the catalogue has no title
    of that slug: the title (and season) a catalogue that renamed or merged it holds it under
    now ('chimmuk' is Heart Blackened, 'tasty-guys-2021' Tasty Guys season 3)."""

    slug: str
    show: Show
    season: int | None = None


def gone_readings(dataset: Dataset, slugs: Iterable[str]) -> list[Reading]:
    """For each of ``slugs`` (unknown_slugs) that the finder reads as one title, as `seen add`
    would read it typed, that reading: an entry kept from an older catalogue whose Netflix
    record has since been merged or renamed. Never followed without being asked: a reading is
    a guess, which `seen list` names and `seen add OLD-ID` acts on. A title found by part of
    its name is none: 'glory' or 'crash-landing', a layer's own title not loaded now, is no
    id The Glory or Crash Landing on You once had (a renamed id reads whole, by a Netflix title,
    a slug or a spelling of the Korean title)."""
    found = []
    for slug in slugs:
        try:
            match = find_show(dataset, slug)
        except LookupError_:
            continue
        if match.show.slug != slug and closeness(match) != PART:
            found.append(Reading(slug, match.show, match.season))
    return found


def unknown_seasons(titles: Sequence[SeenTitle]) -> list[tuple[SeenTitle, tuple[int, ...]]]:
    """The seasons on the seen list that their title does not have in this catalogue (a hand
    edit, or an older catalogue that numbered them otherwise), title by title; a film's list
    is not judged."""
    found = []
    for title in titles:
        if not title.show.seasons:
            continue
        known = {season.number for season in title.show.seasons}
        extra = tuple(number for number in title.seasons if number not in known)
        if extra:
            found.append((title, extra))
    return found


def not_out_seasons(
    titles: Sequence[SeenTitle], today: dt.date | None = None
) -> list[tuple[SeenTitle, tuple[int, ...]]]:
    """The seasons on the seen list that their title has but that are not out on ``today``
    (renewed, in production, dated later): a hand edit, or a layer that marked one released
    no longer loaded. `seen add` refuses such a season; pages neither mark nor count it
    (seen_out)."""
    from kdrama_cli.answers.upcoming import watchable_seasons

    found = []
    for title in titles:
        if not title.show.seasons:
            continue
        known = {season.number for season in title.show.seasons}
        out = {season.number for season in watchable_seasons(title.show, today)}
        ahead = tuple(n for n in title.seasons if n in known and n not in out)
        if ahead:
            found.append((title, ahead))
    return found


def seen_out(
    dataset: Dataset, seen: Seen, today: dt.date | None = None
) -> dict[str, tuple[int, ...]]:
    """The seen list as pages read it: without the seasons not out on ``today``
    (not_out_seasons), so a person page does not tick a season still in production, nor `seen
    people` count the cast announced for it. A title whose every listed season is not out is
    left out; films, and seasons the catalogue lacks (which no credit names), are kept."""
    from kdrama_cli.answers.upcoming import watchable_seasons

    kept = {slug: tuple(numbers) for slug, numbers in seen.items()}
    for show in fetch(dataset.shows, sorted(seen)):
        if not show.seasons or not kept[show.slug]:
            continue
        out = {season.number for season in watchable_seasons(show, today)}
        known = {season.number for season in show.seasons}
        numbers = tuple(n for n in kept[show.slug] if n in out or n not in known)
        if numbers:
            kept[show.slug] = numbers
        else:
            del kept[show.slug]
    return kept


def credit_seen(credit: Credit | None, show: Show, seen: Seen) -> tuple[int, ...] | None:
    """The seasons of this credit you have seen ((), a film seen); None if not seen."""
    if show.slug not in seen:
        return None
    watched = set(seen[show.slug])
    if not show.seasons:
        return ()
    if credit is None:  # crew of the whole title
        return tuple(sorted(watched)) if watched else None
    both = sorted(watched & set(seasons_of(credit, show)))
    return tuple(both) if both else None


def _seen_credits(
    dataset: Dataset, person_id: str, shows: Iterable[Show], seen: Seen, spoilers: bool = False
) -> list[SeenCredit]:
    """The person's titles among ``shows`` that you have seen them in, one credit each,
    merged from all their credits there that you have seen (Lee Byung-hun, supporting in
    Squid Game's season 1 and main in 2 and 3, is seen in S1, S2 with both seen, as his
    person page says): the seasons of each, their characters (each once, " / " between
    them) and what else they made of it, as their page lists it (Show.capacities_of: crew,
    then the work it adapts and the works based on it). A credit hidden as a spoiler
    (credit_hidden) counts only with ``spoilers``."""
    found = []
    for show in shows:
        credits: list[Credit | None] = [
            c for c in show.cast if c.person == person_id and not credit_hidden(c, spoilers)
        ]
        crew = show.capacities_of(person_id, dataset.works_of(show))
        if crew:
            credits.append(None)
        seen_in: set[int] = set()
        acted: set[int] = set()
        characters: dict[str, None] = {}
        any_seen = False
        for credit in credits:
            seasons = credit_seen(credit, show, seen)
            if seasons is None:
                continue
            any_seen = True
            seen_in.update(seasons)
            if credit is not None:
                acted.update(seasons)
            if credit is not None and credit.character:
                characters[credit.character] = None
        if any_seen:
            character = " / ".join(characters) or None
            found.append(
                SeenCredit(show, tuple(sorted(seen_in)), character, crew, tuple(sorted(acted)))
            )
    return found


class Marked(Record):
    """The seen list after marking a title: what was added, and whether it was all there."""

    entries: dict[str, tuple[int, ...]]
    added: tuple[int, ...]
    already: bool
    #: Whether the title was not on the list before: taking the mark back takes it off whole.
    new: bool = False
    #: Of ``added``, the seasons that were not on the list before: what taking it back removes.
    new_seasons: tuple[int, ...] = ()
    #: Whether an entry the catalogue no longer has came off in its place (add_seen's
    #: ``replacing``).
    replaced: bool = False


def mark_seen(
    seen: Seen,
    show: Show,
    season: int | None = None,
    today: dt.date | None = None,
    named: str | None = None,
) -> Marked:
    """Mark one season of a title (or every released season; a film as a whole) seen.
    ValueError when that season does not exist (a film has none) or is not out yet (its
    status then says whether the news of it is stale on ``today``). ``named``: the title as
    the error names it, where its name alone does not say which (named_in_catalogue)."""
    entries = {slug: tuple(seasons) for slug, seasons in seen.items()}
    before = set(entries.get(show.slug, ()))
    chosen = show.season(season) if season is not None else None
    if season is not None and chosen is None:
        raise _no_season(show, season, named)
    if not show.seasons:
        entries[show.slug] = ()
        return Marked(entries, (), show.slug in seen, show.slug not in seen)
    from kdrama_cli.answers.upcoming import watchable, watchable_seasons

    if chosen is not None:
        if not watchable(show, chosen, today):
            raise ValueError(_not_out(show, chosen, today or dt.date.today()))
        added = {chosen.number}
    else:
        added = {s.number for s in watchable_seasons(show, today)}
        if not added:
            raise ValueError(f"{show.title} has no released season yet")
    entries[show.slug] = tuple(sorted(before | added))
    already = show.slug in seen and added <= before
    fresh = tuple(sorted(added - before))
    return Marked(entries, tuple(sorted(added)), already, show.slug not in seen, fresh)


class Unmarked(Record):
    """The seen list after taking a title (or a season of it) off, and whether it was there."""

    entries: dict[str, tuple[int, ...]]
    removed: bool


def unmark_seen(
    seen: Seen, show: Show, season: int | None = None, named: str | None = None
) -> Unmarked:
    """Take a title, or one season of it, off the seen list (its last season takes the title).
    ValueError when the title has no such season, as for mark_seen (``named`` too); a season
    the list holds is removed all the same (an older catalogue may have had it)."""
    listed = seen.get(show.slug)
    if season is not None and show.season(season) is None and season not in (listed or ()):
        raise _no_season(show, season, named)
    return unmark_slug(seen, show.slug, season)


def unmark_slug(seen: Seen, slug: str, season: int | None = None) -> Unmarked:
    """Take an entry off the seen list by its slug as stored, or one season of it if listed:
    how an entry the catalogue no longer has (a title from a layer since dropped, a slug since
    renamed) comes off, since no title can be found for it."""
    entries = {key: tuple(seasons) for key, seasons in seen.items()}
    listed = entries.get(slug)
    if listed is None or (season is not None and season not in listed):
        return Unmarked(entries, False)
    left = tuple(n for n in listed if n != season) if season is not None else ()
    if left:
        entries[slug] = left
    else:
        del entries[slug]
    return Unmarked(entries, True)


# --- Changing the seen file: each change applied to the file as it is now, under its lock ---


def without_episode(dataset: Dataset, typed: str) -> tuple[str, int | None]:
    """The title (and season) typed, and the episode typed after them, if any: 'squid game
    s2e3' is ('squid game s2', 3). A name some title has whole keeps its episode-like end, and
    so does one that finds nothing without it either: the miss quotes the words as typed
    ('squidd game s2e3', not 'squidd game s2')."""
    episode = episode_in_name(typed)
    if episode is None:
        return typed, None
    try:
        find_show(dataset, typed)
    except NotFound:
        try:
            find_show(dataset, episode[0])
        except NotFound:
            return typed, None
        except LookupError_:  # several titles of the shortened name: the caller asks which
            pass
        return episode
    except LookupError_:  # several titles of that whole name: the caller asks which
        pass
    return typed, None


def episode_season(
    show: Show, chosen: int | None, today: dt.date
) -> tuple[int | None, tuple[int, ...]]:
    """The season an episode of ``show`` marks: the one typed (``chosen``, or --season), else
    the title's one season out. With several out and none said, no season and the seasons out,
    which the caller asks the user to choose among; a title without seasons is marked whole."""
    if chosen is not None or not show.seasons:
        return chosen, ()
    out = tuple(s.number for s in show.watchable_seasons(today))
    if len(out) > 1:
        return None, out
    return (out[0] if out else None), ()


def add_seen(
    path: str,
    show: Show,
    season: int | None = None,
    today: dt.date | None = None,
    notes: list[str] | None = None,
    named: str | None = None,
    replacing: str | None = None,
) -> Marked:
    """mark_seen applied to the seen file as it is on disk now, and written (catalogue.seen.
    update_seen, which adds to ``notes`` what the caller should say): what `kdrama seen add`
    and the browser's ``s`` both do, so neither writes back a copy read before another kdrama
    changed the file. ValueError as for mark_seen (``named`` too). ``replacing``: an entry
    the catalogue no longer has (gone_readings), which the title marked takes the place of:
    it comes off the list in the same change (``Marked.replaced`` says whether it was on)."""

    def change(seen: Seen) -> tuple[dict[str, tuple[int, ...]] | None, Marked]:
        marked = mark_seen(seen, show, season, today, named)
        if replacing is not None and replacing != show.slug and replacing in marked.entries:
            entries = {k: v for k, v in marked.entries.items() if k != replacing}
            return entries, marked._replace(entries=entries, replaced=True)
        return (None if marked.already else marked.entries), marked

    return update_seen(path, change, notes)


def remove_seen(
    path: str,
    show: Show | str,
    season: int | None = None,
    notes: list[str] | None = None,
    named: str | None = None,
) -> Unmarked:
    """unmark_seen (or, for an entry given by its slug as stored, unmark_slug) applied to the
    seen file as it is on disk now, and written when something came off (``notes`` as for
    add_seen)."""

    def change(seen: Seen) -> tuple[dict[str, tuple[int, ...]] | None, Unmarked]:
        if isinstance(show, str):
            unmarked = unmark_slug(seen, show, season)
        else:
            unmarked = unmark_seen(seen, show, season, named)
        return (unmarked.entries if unmarked.removed else None), unmarked

    return update_seen(path, change, notes)


class Merged(Record):
    """The seen list with a viewing history's matches added, and what was new in it."""

    entries: dict[str, tuple[int, ...]]
    #: The matched titles that were not on the list.
    new: frozenset[str]
    #: Each matched title's seasons that were not on the list (a new title's: all it matched).
    added: dict[str, tuple[int, ...]]

    @property
    def new_titles(self) -> int:
        return len(self.new)

    @property
    def new_seasons(self) -> int:
        return sum(len(seasons) for seasons in self.added.values())


def merge_matched(seen: Seen, matched: Mapping[str, Sequence[int]]) -> Merged:
    """The seen list with ``matched`` (HistoryMatch.matched) added to it."""
    entries = {slug: tuple(seasons) for slug, seasons in seen.items()}
    new: set[str] = set()
    added: dict[str, tuple[int, ...]] = {}
    for slug, seasons in matched.items():
        before = set(entries.get(slug, ()))
        if slug not in entries:
            new.add(slug)
        added[slug] = tuple(sorted(set(seasons) - before))
        entries[slug] = tuple(sorted(before | set(seasons)))
    return Merged(entries, frozenset(new), added)


def add_matched(
    path: str, matched: Mapping[str, Sequence[int]], notes: list[str] | None = None
) -> Merged:
    """merge_matched applied to the seen file as it is on disk now, and written when it adds
    anything (``notes`` as for add_seen)."""

    def change(seen: Seen) -> tuple[dict[str, tuple[int, ...]] | None, Merged]:
        merged = merge_matched(seen, matched)
        return (merged.entries if merged.new_titles or merged.new_seasons else None), merged

    return update_seen(path, change, notes)


def _not_out(show: Show, season: Season, today: dt.date) -> str:
    """'All of Us Are Dead season 2 is not released yet (in production since 2025-07-23, as of
    2026-02-22); season 1 is out: kdrama seen add all-of-us-are-dead --season 1' ('never came
    out (cancelled, ...)' for a cancelled one): the season's status as the show page dates it
    (and flags it: "stale"), and the command that marks what can be watched."""
    from kdrama_cli.answers.upcoming import dated_status, stale_reason

    status = dated_status(season)
    stale = stale_reason(season, today, show)
    if stale:
        status += f"; stale: {stale}"
    # a cancelled season is not still to come: 'never came out', as chart says it
    said = "never came out" if season.status == "cancelled" else "is not released yet"
    message = f"{show.title} season {season.number} {said} ({status})"
    from kdrama_cli.answers.upcoming import watchable_seasons

    out = [s.number for s in watchable_seasons(show, today)]
    if len(out) == 1:
        command = command_line(f"seen add {show.slug} --season {out[0]}")
        return f"{message}; season {out[0]} is out: {command}"
    if out:
        command = command_line(f"seen add {show.slug}")
        return f"{message}; {seasons_words(out)} are out: {command} marks them"
    return message


def _no_season(show: Show, season: int, named: str | None = None) -> ValueError:
    """The error `kdrama show` gives for a season the title does not have."""
    from kdrama_cli.answers.finding import NoSuchSeason

    return ValueError(str(NoSuchSeason(show, season, named=named)))


def credits_seen(credits: Sequence[Any], seen: Seen) -> tuple[tuple[int, ...] | None, ...]:
    """For each of a person's credits (answers.person_page.PersonCredit), the seasons of it you
    have seen, () for a film seen, None when not seen."""
    return tuple(credit_seen(c.credit, c.show, seen) for c in credits)


def seen_elsewhere(
    dataset: Dataset, seen: Seen, people: Sequence[Person], exclude: str, spoilers: bool = False
) -> dict[str, tuple[SeenCredit, ...]]:
    """For each of ``people`` (those credited on a title: ShowDetail.credited), the other
    titles of theirs you have seen (a cameo hidden as a spoiler only with ``spoilers``)."""
    if not seen:
        return {}
    lookup = lookup_of(dataset)
    result: dict[str, tuple[SeenCredit, ...]] = {}
    for person in people:
        slugs = sorted(s for s in lookup.titles_of(person.id) if s in seen and s != exclude)
        if slugs:
            credits = _seen_credits(dataset, person.id, fetch(dataset.shows, slugs), seen, spoilers)
            if credits:
                result[person.id] = tuple(credits)
    return result


def seen_people(
    dataset: Dataset, seen: Seen, limit: int | None = 20, spoilers: bool = False
) -> SeenPeople:
    """The people you have seen in the most titles (titles, not seasons or episodes), counting
    only the seasons each was in; ties by name. A title seen only through a cameo hidden as a
    spoiler counts only with ``spoilers``; without, such titles are counted in ``hidden``."""
    shows = fetch(dataset.shows, sorted(seen))
    credits: dict[str, list[SeenCredit]] = {}
    hidden = 0
    for show in shows:
        authors = authors_of(dataset.works_of(show))
        crew = {*show.directors, *show.writers, *show.creators, *authors}
        for person_id in {c.person for c in show.cast} | crew:
            found = _seen_credits(dataset, person_id, [show], seen, spoilers)
            hidden_only = not found and not spoilers
            if hidden_only and _seen_credits(dataset, person_id, [show], seen, True):
                hidden += 1
            credits.setdefault(person_id, []).extend(found)
    people = {p.id: p for p in fetch(dataset.people, sorted(credits))}
    ranked = [
        SeenPerson(person=people[pid], credits=tuple(found))
        for pid, found in credits.items()
        if found and pid in people
    ]
    ranked.sort(key=lambda p: (-len(p.credits), normalize(p.person.name)))
    return SeenPeople(tuple(ranked[:limit] if limit else ranked), hidden, len(ranked))


# --- Netflix viewing history -----------------------------------------------------------------

_SEASON = re.compile(r"(?:season|part|시즌|파트)\s*(\d{1,3})", re.IGNORECASE)
_LIMITED = re.compile(r"limited series|miniseries|collection|리미티드 시리즈", re.IGNORECASE)


class HistoryMatch(Record):
    """What a viewing history matched: title slug -> seasons, and what it could not match."""

    matched: dict[str, tuple[int, ...]]
    rows: int
    matched_rows: int
    #: Unmatched titles (the part before the first ": ") and how many rows each had.
    unmatched: tuple[tuple[str, int], ...]
    #: Seasons matched that are not out yet in the catalogue, left out as `seen add` refuses
    #: them, in title order.
    unreleased: tuple[LeftOut, ...] = ()
    #: Rows of a catalogued title that mark no season: naming one the catalogue does not hold
    #: ("Kingdom: Season 3"), or none where it has several ("Kingdom: Episode 2"), in title
    #: order. Such a row is neither a title the catalogue lacks nor a season it can mark.
    missing_seasons: tuple[LeftOut, ...] = ()
    #: Read from kdrama's own export (match_export): its rows are titles named by slug.
    by_slug: bool = False
    #: Of an export's ``unmatched`` slugs, those the title finder reads as a title the
    #: catalogue has renamed or merged them into (gone_readings): named in the report, not
    #: added unasked.
    readings: tuple[Reading, ...] = ()


class LeftOut(Record):
    """Rows of a catalogued title that a viewing history's import leaves out."""

    show: Show
    #: The season the rows name; None when they name none.
    season: int | None
    rows: int
    #: Why, in the catalogue's words ("the catalogue has seasons 1 and 2 of Kingdom, not
    #: season 3"); '' for a season not released yet, which the season's status says.
    reason: str = ""


class ImportedTitle(Record):
    """A title a viewing history matched, and what its import adds to the seen list."""

    show: Show
    #: The seasons the history marks (empty for a film).
    seasons: tuple[int, ...]
    #: Whether the title was not on the seen list before.
    new_title: bool
    #: Of ``seasons``, those not on the seen list before.
    new_seasons: tuple[int, ...]


def imported_titles(dataset: Dataset, match: HistoryMatch, merged: Merged) -> list[ImportedTitle]:
    """Every title ``match`` matched, in title order, with what ``merged`` added of it."""
    titles = [
        ImportedTitle(
            show=dataset.shows[slug],
            seasons=seasons,
            new_title=slug in merged.new,
            new_seasons=merged.added.get(slug, ()),
        )
        for slug, seasons in match.matched.items()
    ]
    return sorted(titles, key=lambda t: normalize(t.show.title))


def _netflix_names(dataset: Dataset) -> dict[str, tuple[str, int | None]]:
    """Every name Netflix gives a title or season, folded, -> (slug, season or None): the
    seasons' and titles' Netflix titles first, then the titles and aliases themselves."""
    names: dict[str, tuple[str, int | None]] = {}
    weaker: dict[str, tuple[str, int | None]] = {}
    for show in dataset.shows.values():
        for season in show.seasons:
            # Netflix's name for the season, then its own title as the press gives it (a
            # Korean profile's "환혼: 빛과 그림자: 1화")
            for title in (*season.netflix_titles, *season.aliases):
                names.setdefault(normalize(title), (show.slug, season.number))
        for title in show.netflix_titles:
            names.setdefault(normalize(title), (show.slug, None))
        # A Korean-language profile's history names titles in Hangul ("오징어 게임: 시즌 2: 1화").
        hangul = [show.korean_title] if show.korean_title else []
        for title in (show.title, *show.aliases, *hangul):
            weaker.setdefault(normalize(title), (show.slug, None))
    for key, value in weaker.items():
        names.setdefault(key, value)
    return names


def match_history(
    dataset: Dataset, titles: Iterable[str], today: dt.date | None = None
) -> HistoryMatch:
    """Match Netflix viewing-history titles ("Squid Game: Season 1: Red Light, Green Light",
    "All of Us Are Dead: Limited Series: Episode 3", "Train to Busan", from a Korean profile
    "오징어 게임: 시즌 2: 1화") to titles and seasons: the longest leading part that is a name
    Netflix or the catalogue gives a title or season (its Hangul title too), then a "Season N" /
    "Part N" ("시즌 N" / "파트 N") after it; a limited series is season 1. A season not out is
    left out, judged on ``today`` (default: the real day) as `seen add` judges it."""
    from kdrama_cli.answers.upcoming import season_watchable

    names = _netflix_names(dataset)
    tally = _Tally()
    shows, matched, unmatched = tally.shows, tally.matched, tally.unmatched
    unreleased, missing = tally.unreleased, tally.missing
    for title in titles:
        tally.rows += 1
        parts = [p.strip() for p in title.split(":")]
        found = None
        for end in range(len(parts), 0, -1):
            key = normalize(":".join(parts[:end]))
            if key in names:
                # a name Netflix gives the title that holds its season ("Physical: 100: Season 2
                # – Underground") says the season as much as a part after it does
                labelled = [part for part in parts[1:end] if _SEASON.search(part)]
                found = (names[key], labelled[-1:] + parts[end:])
                break
        if found is None:
            unmatched[_title_part(parts)] += 1
            continue
        (slug, season), rest = found
        show = shows.get(slug) or dataset.shows[slug]
        shows[slug] = show
        if season is None and show.seasons:
            season = _season_in(rest, show, today)
            if season is None:
                # a season the catalogue lacks ("Kingdom: Season 3"), or none named
                # ("Kingdom: Episode 2", 0): the title is the catalogue's either way
                missing[(slug, _season_named(rest) or 0)] += 1
                continue
        if season is not None and not season_watchable(show, season, today):
            unreleased[(slug, season)] += 1
            continue
        tally.matched_rows += 1
        matched.setdefault(slug, set())
        if season is not None and show.seasons:
            matched[slug].add(season)
    return tally.result(dataset, today)


class _Tally:
    """What an import's rows came to, counted as they are read (match_history, match_export),
    then told as a HistoryMatch."""

    def __init__(self) -> None:
        self.shows: dict[str, Show] = {}
        self.matched: dict[str, set[int]] = {}
        self.unmatched: Counter[str] = Counter()
        self.unreleased: Counter[tuple[str, int]] = Counter()  # (slug, season)
        self.missing: Counter[tuple[str, int]] = Counter()
        self.rows = 0
        self.matched_rows = 0

    def result(
        self, dataset: Dataset, today: dt.date | None, by_slug: bool = False
    ) -> HistoryMatch:
        return HistoryMatch(
            matched={slug: tuple(sorted(s)) for slug, s in self.matched.items()},
            rows=self.rows,
            matched_rows=self.matched_rows,
            unmatched=tuple(sorted(self.unmatched.items(), key=lambda kv: (-kv[1], kv[0]))),
            unreleased=tuple(
                LeftOut(self.shows[slug], season, count)
                for (slug, season), count in _in_title_order(self.unreleased, self.shows)
            ),
            missing_seasons=_left_without_season(dataset, self.missing, today),
            by_slug=by_slug,
        )


def match_export(
    dataset: Dataset, entries: Iterable[tuple[str, tuple[int, ...]]], today: dt.date | None = None
) -> HistoryMatch:
    """Match the titles of kdrama's own seen-list export (`seen list --json`, `--csv` or
    `--tsv`: a slug and the seasons seen) as a viewing history's rows are matched, so that a
    backup restores with the report an import gives: a slug the catalogue lacks is unmatched, a
    season it does not hold or not out yet is left out and named. Each title is one row."""
    from kdrama_cli.answers.upcoming import season_watchable

    tally = _Tally()
    matched, missing = tally.matched, tally.missing
    for slug, seasons in entries:
        tally.rows += 1
        show = dataset.shows.get(slug)
        if show is None:
            tally.unmatched[slug] += 1
            continue
        tally.shows[slug] = show
        held = {season.number for season in show.seasons}
        marked = False
        for season in seasons if held else ():
            if season not in held:
                missing[(slug, season)] += 1
            elif not season_watchable(show, season, today):
                tally.unreleased[(slug, season)] += 1
            else:
                matched.setdefault(slug, set()).add(season)
                marked = True
        if held and not seasons:
            missing[(slug, 0)] += 1  # a series exported with no season
        if not held:  # a film: seen whole
            matched.setdefault(slug, set())
            marked = True
        tally.matched_rows += marked
    found = tally.result(dataset, today, by_slug=True)
    readings = gone_readings(dataset, (slug for slug, _ in found.unmatched))
    return found._replace(readings=tuple(readings))


def _left_without_season(
    dataset: Dataset, missing: Counter[tuple[str, int]], today: dt.date | None = None
) -> tuple[LeftOut, ...]:
    """The rows of catalogued titles that mark no season, each title named as the report
    must name it: where the catalogue has others of its name (seven titles are called I am
    Solo), with what tells it apart, or "the catalogue has season 13 of I am Solo" says not
    which."""
    shows = dataset.shows
    apart = told_apart_in_catalogue(dataset, fetch(shows, sorted({slug for slug, _ in missing})))
    return tuple(
        LeftOut(
            shows[slug],
            season or None,
            count,
            _marks_no_season(
                shows[slug], season, named_apart(shows[slug].title, apart.get(slug)), today
            ),
        )
        for (slug, season), count in _in_title_order(missing, shows)
    )


def _in_title_order(
    counts: Counter[tuple[str, int]], shows: Mapping[str, Show]
) -> list[tuple[tuple[str, int], int]]:
    """((slug, season), rows) counts in the order of the titles, then of the seasons."""
    return sorted(counts.items(), key=lambda kv: (normalize(shows[kv[0][0]].title), kv[0][1]))


#: A part of a history row after its title: "Season 2", "Episode 3", "Chapter One", "1화".
_AFTER_TITLE = re.compile(
    r"^(?:season|part|episode|chapter|limited series|miniseries|시즌|파트|리미티드)\b|\d+화$",
    re.IGNORECASE,
)


def _title_part(parts: Sequence[str]) -> str:
    """A row the catalogue does not know, named by its title: the parts before the first that
    names a season or an episode ("Physical: 100" of "Physical: 100: Season 2: Episode 2"; the
    first part alone cut the title at its own colon)."""
    for end, part in enumerate(parts[1:], start=1):
        if _AFTER_TITLE.search(part):
            return ": ".join(parts[:end])
    return ": ".join(parts[:1]) if len(parts) > 2 else ": ".join(parts)


def _marks_no_season(show: Show, number: int, named: str, today: dt.date | None = None) -> str:
    """Why a row of a catalogued title marks no season: the season it names is not held (as
    show --season words it), or it names none (``number`` 0) where the title has several.
    ``named``: the title as the line names it."""
    if number:
        return str(NoSuchSeason(show, number, named=named))
    from kdrama_cli.answers.upcoming import watchable_seasons

    # the seasons out as `seen add` judges them ("no season" if none)
    out = seasons_words([s.number for s in watchable_seasons(show, today)])
    return f"{named}: the row names no season, and the catalogue has {out} out"


def _season_named(rest: Sequence[str]) -> int | None:
    """The season number a row names after its title ("Season 3"), held or not."""
    found = _SEASON.search(rest[0]) if rest else None
    return int(found.group(1)) if found else None


def _season_in(rest: Sequence[str], show: Show, today: dt.date | None = None) -> int | None:
    """The season named after a title ("Season 2", "Part 1", "Limited Series"); a title with
    one season needs none."""
    for part in rest[:1]:
        found = _SEASON.search(part)
        if found:
            number = int(found.group(1))
            if show.season(number) is not None:
                return number
            # "The Glory: Part 2" is the second half of a title's one season.
            one = len(show.seasons) == 1 and found.group(0).lower().startswith(("part", "파트"))
            return show.seasons[0].number if one else None
        if _LIMITED.search(part):
            return 1 if show.season(1) is not None else None
    if len(show.seasons) == 1:
        return show.seasons[0].number
    from kdrama_cli.answers.upcoming import watchable_seasons

    # One season out, as `seen add` judges it (released, or already on Netflix's lists), the
    # next only announced: the row is of that one.
    out = watchable_seasons(show, today)
    return out[0].number if len(out) == 1 else None

"""Questions asked of a loaded dataset: lookup, show details, cast, comparisons (no printing)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from kdrama_cli.answers.sources import credit_sources
from kdrama_cli.answers.spoilers import credit_hidden, flagged_citations, hidden, listing_order
from kdrama_cli.answers.upcoming import Staleness, staleness
from kdrama_cli.catalogue.folding import long_enough_for_part, starts_a_word, words
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    Dataset,
    Fact,
    NetflixReach,
    Person,
    Season,
    Show,
    SourceWork,
    Stat,
    fetch,
    parse_window,
    seasons_of,
)
from kdrama_cli.catalogue.names import (
    ALIAS,
    OWN_NAMES,
    NameLookup,
    NameRow,
    lookup_of,
    normalize,
    word_keys,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import LEAD_ROLES
from kdrama_cli.errors import did_you_mean


class LookupError_(Exception):
    """Base for lookups that found nothing usable; the CLI turns these into usage errors."""


#: What to try after a miss, by kind of thing looked up.
_TRY = {
    "title": "try `kdrama search {query}` or `kdrama list`, or add your own titles with --add-data",
    "person": "try `kdrama search {query}`, or add people with --add-data",
    "person or title": "try `kdrama search {query}`, or add people and titles with --add-data",
}
_PLURAL = {"title": "titles", "person": "people"}

#: How closely a name matched, closest first: a whole name (id, slug, title, alias, Hangul,
#: the name of the work a title adapts), part of one, or the name respelled (however it is
#: romanised, its Hangul initials). find_person_or_show weighs a person against a title by it.
WHOLE, PART, RESPELLED = 0, 1, 2


class NotFound(LookupError_):
    """Nothing matched: say so, the nearest names, how big the catalogue is, what to try."""

    def __init__(
        self,
        kind: str,
        query: str,
        suggestions: Sequence[str],
        catalogue: int | None = None,
        counted: str | None = None,
        other: str | None = None,
    ) -> None:
        """``catalogue`` is how many of ``kind`` the catalogue has; ``counted`` says it in
        words where the kind is two ("1,569 people and 1,638 titles"); ``other``, what the
        name is of the other kind, said before the nearest names ("'IU' is a person: …")."""
        self.kind = kind
        self.query = query
        self.suggestions = list(suggestions)
        self.catalogue = catalogue
        self.counted = counted
        parts = [f"no {kind} matches {query!r}."]
        if other:
            parts.append(f"{other}.")
        if self.suggestions:
            parts.append(did_you_mean(self.suggestions))
        if catalogue is not None and counted is None:
            counted = f"{catalogue:,} {_PLURAL.get(kind, kind + 's')}"
        if counted is not None:
            where = f"The catalogue has {counted};"
            parts.append(f"{where} {_TRY.get(kind, '').format(query=command_argument(query))}.")
        super().__init__(" ".join(parts))


def command_argument(text: str) -> str:
    """``text`` as the argument of a command to copy: one shell word, after ``--`` when it
    begins with '-' (quoting alone would leave '--no-pager' an option to the command)."""
    import shlex

    return f"-- {shlex.quote(text)}" if text.startswith("-") else shlex.quote(text)


class Ambiguous(LookupError_):
    """Several matched: the best few (``candidates`` is ranked), and how many more there are."""

    SHOWN = 5

    def __init__(
        self,
        kind: str,
        query: str,
        candidates: Sequence[tuple[str, str]],
        partial: bool = False,
        respelled: bool = False,
        counted: str | None = None,
    ) -> None:
        self.kind = kind
        self.query = query
        self.candidates = list(candidates)
        #: Found by part of their names only (not one whole name).
        self.partial = partial
        #: How closely they matched: WHOLE, PART or RESPELLED.
        self.closeness = PART if partial else RESPELLED if respelled else WHOLE
        shown = self.candidates[: self.SHOWN]
        listed = "; ".join(f"{slug} ({title})" for slug, title in shown)
        more = len(self.candidates) - len(shown)
        rest = f", and {more} more" if more else ""
        counted = counted or f"{len(self.candidates)} {_PLURAL.get(kind, kind + 's')}"
        super().__init__(
            f"{query!r} matches {counted}: {listed}{rest}. "
            "Please choose one: give its id, or more of the name."
        )


class NoSuchSeason(LookupError_):
    def __init__(
        self, show: Show | None, number: int, part: bool = False, match: Match | None = None
    ) -> None:
        """``part``: the number may name a part of a season ('part 2', or a bare '2'), so a
        season whose note says it came out in that part is named. ``match``: how the words
        before the season found the title, when they did."""
        self.show = show
        self.match = match
        #: Why, without the title's name: "has no season 2 (seasons: 1; part 2 belongs to
        #: season 1)", as a list of results words it beside the title.
        self.reason = ""
        if show is None:
            message = f"no title in the catalogue has a season {number}"
        elif not show.seasons and show.kind == "film":
            message = f"{show.title} is a film: it has no seasons"
        elif not show.seasons:
            message = f"{show.title} has no seasons"
        else:
            message = f"{_what_the_catalogue_has(show)}, not season {number}"
            holder = _season_with_part(show, number) if part else None
            belongs = f"; part {number} belongs to season {holder.number}" if holder else ""
            self.reason = f"the catalogue has {_seasons_held(show)}, not season {number}{belongs}"
            if holder is not None and holder.note:
                message += (
                    f"; part {number} belongs to season {holder.number} "
                    f"({_first_sentence(holder.note)}): kdrama show {show.slug} "
                    f"--season {holder.number}"
                )
        super().__init__(message)


def _what_the_catalogue_has(show: Show) -> str:
    """'the catalogue has seasons 1 and 2 of Dr. Romantic': a miss is worded as what the
    catalogue holds, not as a fact about the show (its next season may be out, or coming)."""
    return f"the catalogue has {_seasons_held(show)} of {show.title}"


def _seasons_held(show: Show) -> str:
    return seasons_words([s.number for s in show.seasons])


def seasons_words(numbers: Sequence[int]) -> str:
    """'season 1', 'seasons 1 and 2', 'seasons 1, 2 and 3', as a sentence names seasons ('no
    season' for none)."""
    named = [str(n) for n in numbers]
    if not named:
        return "no season"
    if len(named) == 1:
        return f"season {named[0]}"
    return f"seasons {', '.join(named[:-1])} and {named[-1]}"


def _season_with_part(show: Show, number: int) -> Season | None:
    """The season whose note says it came out in parts, one of them this number: The Glory's
    one season was released as Part 1 and Part 2 (where a title's parts are its seasons, as
    Alchemy of Souls' are, 'part 2' is season 2 and never gets here)."""
    said = re.compile(rf"\bpart\s*{number}\b", re.IGNORECASE)
    return next((s for s in show.seasons if s.note and said.search(s.note)), None)


def _first_sentence(note: str) -> str:
    return re.split(r"(?<=\.)\s", note.strip(), maxsplit=1)[0].rstrip(".")


class Match(Record):
    show: Show
    #: How the query matched: 'slug', 'title', 'alias', 'korean title', 'romanization', 'partial',
    #: or the source work's name it adapts ('webtoon title', 'novel Korean title', ...).
    matched_by: str
    matched_name: str
    #: A season named with the title ('squid game 2', '오징어 게임 시즌2').
    season: int | None = None


#: A title followed by a season: 'squid game 2', 'squid game season 2', 'squid game s2',
#: '오징어 게임 시즌2', 'Kingdom 2기', 'Sweet Home part 2'. A pattern string: re compiles it
#: (and caches it) the first time a lookup misses, not on every run that imports this module.
_WITH_SEASON = (
    r"^(?P<title>.+?)[\s:,-]*(?P<said>season|series|part|시즌|s)?\s*(?P<number>\d{1,2})"
    r"\s*(?P<gi>기)?$"
)
#: A season's own title with a subtitle after its number: 'Physical: 100 Season 2 – Underground'.
_SEASON_SUBTITLED = (
    r"^(?P<title>.+?)[\s:,-]*(?P<said>season|series|part|시즌)\s*(?P<number>\d{1,2})"
    r"(?P<gi>)\s*[–—:-]\s*\S.*$"
)
#: A bare number after a title is read as a season only up to this ('reply 88' is not).
_BARE_SEASON_MAX = 20


class _SeasonAsked(Record):
    """A name read as a title followed by a season: 'squid game 2' -> ('squid game', 2)."""

    title: str
    number: int
    #: The season was said in words ('season', 'part', 's', '시즌', '기'), not a bare number.
    said: bool
    #: Said as 'part' (The Glory's part 2 is a part of its season 1).
    part: bool


def _season_asked(name: str, subtitled: bool = False) -> _SeasonAsked | None:
    """The name as a title and a season, when it reads as one; ``subtitled`` reads a season's
    own title with a subtitle after its number too ('Physical: 100 Season 2 – Underground')."""
    name = name.strip()
    found = re.match(_WITH_SEASON, name, re.IGNORECASE)
    if found is None and subtitled:
        found = re.match(_SEASON_SUBTITLED, name, re.IGNORECASE)
    if found is None:
        return None
    said = found["said"] or ""
    number = int(found["number"])
    return _SeasonAsked(
        found["title"], number, bool(said or found["gi"]), said.casefold() == "part"
    )


def _names_a_season(asked: _SeasonAsked, title_closeness: int) -> bool:
    """Whether the number names a season of the title the words before it found (as closely
    as ``title_closeness``): always when the season was said in words ('reply season 1'); a
    bare number only up to _BARE_SEASON_MAX and after a whole (or respelled) name. A bare
    number after part of a name is the name typed short: 'reply 1' and 'reply 88' are
    Reply 1988 (or a miss), not a season of it."""
    if asked.said:
        return True
    return asked.number <= _BARE_SEASON_MAX and title_closeness != PART


def find_show(
    dataset: Dataset, query: str, suggestions: bool = True, within: int = RESPELLED
) -> Match:
    """The title a query names, found in stages; the first that answers wins:

    1. the query as typed (_find_show): the exact slug, then a whole name of any kind (an
       alias that is a season's own title opens that season: 'hospital playlist 2'), then the
       whole name of the webtoon or novel a title adapts, then part of one title's name;
    2. the query as a title followed by a season (_title_and_season, one rule for every
       stage: 'squid game 2', '오징어 게임 시즌2', not 'reply 1'). After stage 1 found a
       title by part of a name or by an alias, a season read so is kept (_with_season_of);
       when stage 1 found nothing, the words before the season may also be respelled, and a
       season the title lacks is NoSuchSeason;
    3. the name however it is romanised or typed (its sound, its Hangul initials);

    else raise NotFound (with the nearest titles unless ``suggestions`` is False, and what
    the name is when it is a person's).

    ``within`` is the loosest match tried (WHOLE: whole names only; PART: parts of names too):
    a title weighed against a person found that closely need not pay for the looser stages,
    whose queries are the costly ones at scale."""
    try:
        found = _find_show(dataset, query, spelled=False, suggestions=False, within=within)
    except NotFound:
        pass
    else:
        return _with_season_of(dataset, query, found, within)
    season = _title_and_season(dataset, query, spelled=True, within=within)
    if season is not None:
        return season
    if within < RESPELLED:
        raise NotFound("title", query, [])
    try:
        return _find_show(dataset, query, spelled=True, suggestions=suggestions)
    except NotFound as miss:
        person = _whole_person(dataset, query) if suggestions else None
        if person is None:
            raise
        other = f"{query!r} is a person: kdrama person {person.id}"
        raise _said_also(miss, other) from None


def _said_also(miss: NotFound, other: str) -> NotFound:
    """The miss, saying what the name is of the other kind (a person, a title). The name was
    matched whole there, so the nearest names of this kind are far weaker guesses ('IU' is
    the singer, and the film I is no answer): only those that begin with the whole name
    typed are still offered ('I' is a film, and IU may be meant)."""
    typed = normalize(miss.query)
    kept = [name for name in miss.suggestions if normalize(name).startswith(typed)]
    return NotFound(miss.kind, miss.query, kept, miss.catalogue, miss.counted, other)


def _whole_person(dataset: Dataset, query: str) -> Person | None:
    """The one person the query names in full (a name, an alias, the Hangul), if any: a name
    given where a title was asked for is more likely that person than the nearest title
    ('IU' is the singer, not the film I)."""
    try:
        person, how = _find_person(dataset, query, suggestions=False)
    except LookupError_:
        return None
    return person if how == WHOLE else None


def _whole_title(dataset: Dataset, query: str) -> Match | None:
    """The one title the query names in full (with a season, if it names one), if any."""
    try:
        match = find_show(dataset, query, suggestions=False, within=WHOLE)
    except LookupError_:
        return None
    return match if closeness(match) == WHOLE else None


def _title_and_season(dataset: Dataset, query: str, spelled: bool, within: int) -> Match | None:
    """The title the words before a season find, with that season, when the query reads as a
    title and a season (_names_a_season); else None (no season in it, no title before it, or
    a bare number after part of a name: 'reply 1'). ``spelled``: the words may be respelled.

    Raises NoSuchSeason when the season is read but the title lacks it ('the glory part 2'),
    and Ambiguous when the words before a season read so find several titles."""
    asked = _season_asked(query)
    if asked is None:
        return None
    try:
        title = _find_show(dataset, asked.title, spelled, suggestions=False, within=within)
    except NotFound:
        return None
    except Ambiguous as many:
        if _names_a_season(asked, many.closeness):
            raise
        return None
    if not _names_a_season(asked, closeness(title)):
        return None
    if title.show.season(asked.number) is None:
        # A bare number may be a part as well ('더 글로리 2', the Korean press's name for The
        # Glory's part 2); 'season 2' said in words is not.
        raise NoSuchSeason(title.show, asked.number, asked.part or not asked.said, title)
    return title._replace(season=asked.number)


def _with_season_of(dataset: Dataset, query: str, found: Match, within: int) -> Match:
    """The title the whole query found, or the season the query names when it found it only
    by part of a name or by an alias, and the words before the season find a title that has
    that season: 'Physical 100 season 2' is part of the alias 'Physical: 100 Season 2 –
    Underground', and is that season, not the whole title. The season of the same title is
    kept with how the query found it; another title's only when its whole name was typed:
    '오징어 게임 시즌2' is Squid Game's season 2 before it is the start of '오징어 게임: 시즌2
    제작 이야기', Netflix's making-of special. An alias matched whole is never another title's."""
    if found.season is not None or found.matched_by not in ("partial", ALIAS):
        return found
    try:
        season = _title_and_season(dataset, query, spelled=False, within=within)
    except LookupError_:
        return found
    if season is None:
        return found
    if season.show.slug == found.show.slug:
        return found._replace(season=season.season)
    if found.matched_by == ALIAS or closeness(season) != WHOLE:
        return found
    return season


def _adaptation(dataset: Dataset, query: str, key: str) -> Match | None:
    """The title adapted from the webtoon or novel the query names in full ('Get Schooled' is
    Teach You a Lesson): a fan who types the source's name means the drama. Only a whole name
    (a part of one is a search); several adaptations are for the person to choose from."""
    rows = [row for row in lookup_of(dataset).exact("work", key) if row.target in dataset.shows]
    best: dict[str, NameRow] = {}
    for row in rows:
        best.setdefault(row.target, row)
    if len(best) > 1:  # each adaptation by its own title (rows carry the work's), oldest first
        shows = sorted(
            (dataset.shows[slug] for slug in best),
            key=lambda s: (s.first_date or dt.date.max, s.title),
        )
        raise Ambiguous("title", query, [(s.slug, s.title) for s in shows])
    if not best:
        return None
    row = next(iter(best.values()))
    return Match(dataset.shows[row.target], row.how, row.name)


def _find_show(
    dataset: Dataset,
    query: str,
    spelled: bool,
    suggestions: bool = True,
    within: int = RESPELLED,
) -> Match:
    if query in dataset.shows:
        show = dataset.shows[query]
        return Match(show, "slug", show.slug)
    key = normalize(query)
    if not key:
        raise NotFound("title", query, [])
    for rows, partial in _candidates(dataset, "show", key):
        best: dict[str, NameRow] = {}
        for row in rows:
            best.setdefault(row.target, row)
        if len(best) > 1 and not partial:
            best = _own_names_first(best, rows)
        if len(best) == 1:
            row = next(iter(best.values()))
            show = dataset.shows[row.target]
            if partial:
                return Match(show, "partial", row.name)
            return Match(show, row.how, row.name, _alias_season(show, row))
        if len(best) > 1:
            raise Ambiguous("title", query, _ranked_titles(key, best.values()), partial)
        if not partial:  # no title's own name: the whole name of the work one adapts, then part
            adaptation = _adaptation(dataset, query, key)
            if adaptation is not None:
                return adaptation
        if within < PART:  # before the next stage's query runs
            break
    rows = _spelled(dataset, "show", query) if spelled and within >= RESPELLED else []
    if rows:
        best = {}
        for row in rows:
            best.setdefault(row.target, row)
        if len(best) == 1:
            row = next(iter(best.values()))
            return Match(dataset.shows[row.target], _how_spelled(row), row.name)
        raise Ambiguous("title", query, _ranked_titles(key, best.values()), respelled=True)
    if not suggestions:
        raise NotFound("title", query, [])
    raise NotFound("title", query, suggest(dataset, "show", query), _count(dataset, "shows"))


def _own_names_first(best: dict[str, NameRow], rows: Sequence[NameRow]) -> dict[str, NameRow]:
    """Of several titles a whole name matches, the one it is the own name of, when only one:
    an alias another title has as its title ("Squid Game" given as an alias in a layer, which
    data check warns about) never makes the title itself ambiguous."""
    own = {row.target: row for row in rows if row.how in OWN_NAMES}
    return own if len(own) == 1 else best


def _alias_season(show: Show, row: NameRow) -> int | None:
    """The season an alias names, read as a title with a season is ('Hospital Playlist 2',
    'Weak Hero Class 2': a season's own title, kept as an alias of the series): the whole
    alias typed opens that season, as 'hospital playlist season 2' does. Only for a title with
    several seasons, one of them that number."""
    if row.how != ALIAS or len(show.seasons) < 2:
        return None
    asked = _season_asked(row.name, subtitled=True)
    if asked is None or not _names_a_season(asked, WHOLE):  # the alias is a whole name
        return None
    return asked.number if show.season(asked.number) is not None else None


def _ranked_titles(key: str, rows: Iterable[NameRow]) -> list[tuple[str, str]]:
    """Candidates whose name starts with what was typed first, then by title."""
    ordered = sorted(rows, key=lambda r: (not r.key.startswith(key), len(r.key), r.label))
    return [(r.target, r.label) for r in ordered]


def _count(dataset: Dataset, table: str) -> int:
    return len(dataset.shows if table == "shows" else dataset.people)


def _spelled(
    dataset: Dataset, kind: str, query: str, lookup: NameLookup | None = None
) -> list[NameRow]:
    """Rows that match the query however it is romanised or ordered (catalogue.sounds), or by
    its Hangul initial consonants: tried when no name matched as typed."""
    from kdrama_cli.catalogue.sounds import is_initials, name_orders, sound_key, sound_keys

    lookup = lookup or lookup_of(dataset)
    if kind == "show" and is_initials(query):
        key = normalize(query)
        rows = lookup.exact("show-initials", key)
        if not rows and len(key) >= 2:
            rows = [r for r in lookup.containing("show-initials", key) if r.key.startswith(key)]
        return rows
    orders = name_orders(query) if kind == "person" else [query]
    # The finer key first (Jung-jae is not Jong-jae), then the coarse one. Both word orders
    # count alike: 'Eesu Chung' may be Lee Soo-jung as typed or Jung Yi-seo given name first,
    # and then both are offered. A short Hangul query asks only names kept in Latin letters.
    short = _short_hangul(query)
    tables = [(True, "{kind}-sound-latin")] if short else _SOUND_TABLES
    for fine, table in tables:
        keys = [k for q in orders for k in sound_keys(q, fine) if len(k) >= 3]
        keys = list(dict.fromkeys(keys))
        rows = [row for key in keys for row in lookup.exact(table.format(kind=kind), key)]
        if rows:
            return rows
    key = sound_key(query)
    if kind == "show" and len(key) >= 6 and not short:
        # The start of a title, typed another way ('jigum uri hakkyo').
        return [r for r in lookup.containing("show-sound", key) if r.key.startswith(key)]
    return []


_SOUND_TABLES = [(True, "{kind}-sound-fine"), (False, "{kind}-sound")]

#: Hangul syllables a query needs before it may match, by its sound alone, a name the
#: dataset has in Hangul.
_HANGUL_SOUND_ALIKE_MIN = 3


def _short_hangul(query: str) -> bool:
    """Whether the query is Hangul of one or two syllables. Sound keys are for a name typed in
    another script or romanisation; such a query is spelt as meant, so a title or person known
    in Hangul that it did not match as typed is another word that folds alike ('진거' is not
    친구, Friend, nor 진구, Jin Goo, though ㅈ/ㅊ and ㅓ/ㅜ fold together). It may match by
    sound only what the dataset has in Latin letters alone. From three syllables a slip is
    more likely a typo of a longer name ('오징어 개임')."""
    syllables = sum(1 for ch in query if "\uac00" <= ch <= "\ud7a3")
    return 0 < syllables < _HANGUL_SOUND_ALIKE_MIN


def would_match(dataset: Dataset, kind: str, query: str, lookup: NameLookup) -> bool:
    """Whether ``lookup`` has a name that finding ``query`` (a title or a person, every stage
    of find_show or find_person) would have matched.

    Asked of the index's checksummed copy of every name key when a lookup came back empty: if
    that copy has a match the rows did not, the index lost rows, and the answer "no such
    title" would be the damage's, not the dataset's. One stage, a source work's whole name
    (_adaptation), is not in that copy: a lost row there sends the lookup on to the later
    stages, as if the work were not in the catalogue."""
    table = "show" if kind == "title" else kind
    key = normalize(query)
    if key and any(rows for rows, _ in _candidates(dataset, table, key, lookup)):
        return True
    if _spelled(dataset, table, query, lookup):
        return True
    asked = _season_asked(query) if table == "show" else None
    if asked is not None:
        # As find_show reads a season (_names_a_season), by how closely the title matched.
        found = [rows for rows, _ in _candidates(dataset, table, normalize(asked.title), lookup)]
        if found[0]:
            return _names_a_season(asked, WHOLE)
        if any(found):
            return _names_a_season(asked, PART)
        # The respelled title is tried only when no part of a name matched.
        if _spelled(dataset, table, asked.title, lookup):
            return _names_a_season(asked, RESPELLED)
    return False


_SPELLED_HOWS = ("Korean initials", "another spelling of the Korean title", "another spelling of")


def _how_spelled(row: NameRow) -> str:
    if row.kind == "show-initials":
        return _SPELLED_HOWS[0]
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in row.name)
    return _SPELLED_HOWS[1] if hangul else _SPELLED_HOWS[2]


def closeness(match: Match) -> int:
    """How closely a title matched (WHOLE, PART or RESPELLED), from how it was found."""
    if match.matched_by == "partial":
        return PART
    return RESPELLED if match.matched_by in _SPELLED_HOWS else WHOLE


def _candidates(
    dataset: Dataset, kind: str, key: str, lookup: NameLookup | None = None
) -> Iterator[tuple[list[NameRow], bool]]:
    """Rows to try in turn, each with whether it is a partial match: exact names first, then
    names containing the key from the start of one of their words ('egob' never opens The
    Goblin), when the key is long enough for that (folding.long_enough_for_part: 3 characters,
    2 Hangul syllables). Lazy: the containing query runs only when no exact name answered."""
    lookup = lookup or lookup_of(dataset)
    yield lookup.exact(kind, key), False
    if long_enough_for_part(key):
        yield (
            [
                r
                for r in lookup.containing(kind, key)
                if r.key != key and starts_a_word(r.name or r.key, key)
            ],
            True,
        )


def suggest(dataset: Dataset, kind: str, query: str, limit: int = 3) -> list[str]:
    """The names closest to a query, for 'Did you mean ...?' (rapidfuzz: its cost stays small
    over tens of thousands of names, where difflib's grows with the catalogue)."""
    from rapidfuzz import fuzz, process

    from kdrama_cli.catalogue.printable import clean

    key = normalize(query)
    lookup = lookup_of(dataset)
    keys, labels = lookup.keys_and_labels(kind)
    # A cheap edit-distance pass picks candidates among every name; a score that also forgives
    # a name typed in part, from the start of one of its words, ranks the few left.
    rough = process.extract(key, keys, scorer=fuzz.ratio, limit=50, score_cutoff=50)
    typed = words(query)
    ranked = sorted(
        (
            (_nearness(typed, keys[index], lambda k: _spaced(lookup, kind, k)), index)
            for _, _, index in rough
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    close = [index for score, index in ranked if score >= 75]
    return list(dict.fromkeys(clean(labels[index]) for index in close))[:limit]


def _nearness(typed: Sequence[str], key: str, spaced: Callable[[str], str]) -> float:
    """How near the words typed are to a name's key, 0 to 100: rapidfuzz's WRatio for keys,
    which have no spaces (their edit-distance ratio, or, when one is half as long again as the
    other, the best stretch of the longer one as long as the shorter, scaled down), except that
    the stretch must begin a word. WRatio took it from anywhere: 'kingdon' came near
    'warnINGDONotplay'. ``spaced`` gives the key spaced where its names' words begin; it is
    asked only of a key much longer than what was typed, so a miss reads few names."""
    from rapidfuzz import fuzz

    joined = "".join(typed)
    whole = fuzz.ratio(joined, key)
    if len(joined) > len(key):
        shorter, longer, longer_words = key, joined, typed
    else:
        shorter, longer, longer_words = joined, key, ()
    if not shorter or len(longer) < 1.5 * len(shorter):
        return whole
    scale = 0.9 if len(longer) < 8 * len(shorter) else 0.6
    starts = _starts(longer_words or spaced(key).split())
    part = max(fuzz.ratio(shorter, longer[start : start + len(shorter)]) for start in starts)
    return max(whole, part * scale)


def _starts(words_: Iterable[str]) -> Iterator[int]:
    """Where each word begins in the words written together."""
    start = 0
    for word in words_:
        yield start
        start += len(word)


def _spaced(lookup: NameLookup, kind: str, key: str) -> str:
    """A key spaced where a word of any of its names begins (names.word_keys)."""
    _, spaced = word_keys(lookup.exact(kind, key))
    return spaced[0] if spaced else key


# --- show details ----------------------------------------------------------------------------


class CastEntry(Record):
    """One credit resolved to its person, with whether its seasons are out yet."""

    show: Show
    person: Person
    credit: Credit
    #: Seasons of this credit that are announced but not released.
    announced_seasons: tuple[int, ...]
    #: The newest as-of date among the announced seasons.
    announced_as_of: str | None

    @property
    def sources(self) -> tuple[str, ...]:
        """What the credit rests on (answers.sources.credit_sources)."""
        return credit_sources(self.show, self.credit)


class ReportRow(Record):
    """One row of a Netflix engagement report: a title-season's half-year figures."""

    report: str  # "2023H1"
    season: int | None
    #: Netflix's own title for the row ("Hotel Del Luna: Limited Series").
    title: str | None
    hours: float | None
    views: float | None
    runtime_minutes: float | None
    available: bool | None
    netflix_release: dt.date | None
    sources: tuple[str, ...]


def report_rows(stats: Iterable[Stat]) -> tuple[ReportRow, ...]:
    """The half-year engagement figures grouped into rows, by report then season."""
    from kdrama_cli.catalogue.report_notes import read_note

    rows: dict[tuple[str, int, str], dict[str, Any]] = {}
    for stat in stats:
        if not stat.window.startswith("half-year:"):
            continue
        title, available, release = read_note(stat.note)
        key = (stat.window[len("half-year:") :], stat.season or 0, title or "")
        row = rows.setdefault(
            key,
            {
                "season": stat.season,
                "title": title,
                "available": available,
                "release": release,
                "sources": [],
            },
        )
        row[stat.metric] = stat.value
        row["sources"] += [s for s in stat.sources if s not in row["sources"]]
    return tuple(
        ReportRow(
            report=key[0],
            season=row["season"],
            title=row["title"],
            hours=row.get("hours-viewed"),
            views=row.get("views"),
            runtime_minutes=row.get("runtime"),
            available=row["available"],
            netflix_release=row["release"],
            sources=tuple(row["sources"]),
        )
        for key, row in sorted(rows.items())
    )


class ShowDetail(Record):
    show: Show
    match: Match | None
    season: Season | None
    seasons: tuple[Season, ...]
    source_work: SourceWork | None
    source_writers: tuple[Person, ...]
    source_artists: tuple[Person, ...]
    directors: tuple[Person, ...]
    writers: tuple[Person, ...]
    creators: tuple[Person, ...]
    #: Every credit, those hidden as spoilers too: for --json, which gives them flagged.
    cast: tuple[CastEntry, ...]
    #: The cast the page lists: the main cast when the title has one, else all of it, less
    #: the credits it hides as spoilers (``cast_hidden``).
    cast_shown: tuple[CastEntry, ...]
    stats: tuple[Stat, ...]
    #: Netflix's half-year engagement figures (kept out of ``stats``), a row per report and season.
    reports: tuple[ReportRow, ...]
    #: The facts to print: the chosen season's (or all), spoilers only when asked for.
    facts: tuple[Fact, ...]
    #: Facts of the chosen season left out because they are spoilers.
    facts_hidden: int
    related: tuple[Show, ...]
    #: The title this one is Netflix's companion record of (Show.companion_of), and this
    #: title's own companion records (its making-of, a talk show about it, an extended cut).
    companion_of: Show | None
    companions: tuple[Show, ...]
    #: The citations the page refers to, in the order it first does; a citation's number is
    #: its index + 1.
    citations: tuple[Citation, ...]
    #: Citations of what the page leaves out (the credits of cast beyond ``cast_shown``): for
    #: --json, which has all of it.
    more_citations: tuple[Citation, ...] = ()
    #: The Sources list as printed: ``citations`` with the weeks of one Netflix Top 10 list
    #: as one entry (merge_weekly); numbered from 1.
    listed: tuple[Citation, ...] = ()
    #: Weekly Netflix Top 10 citations listed as one entry: (member id, the entry's id).
    merged: tuple[tuple[str, str], ...] = ()
    #: The distinct weeks in Netflix's global Top 10 (a week two seasons charted in is one).
    chart_weeks: int = 0
    #: Each season's weeks in the Top 10, (season, weeks) in season order (None: weeks Netflix
    #: gave no season): what `kdrama chart` charts, a row per week and season. Their sum
    #: exceeds ``chart_weeks`` when seasons charted in the same weeks.
    season_weeks: tuple[tuple[int | None, int], ...] = ()
    #: Whether spoilers were asked for: spoiler facts are then in ``facts``, and the Sources
    #: list shows the headlines of citations flagged as spoilers.
    spoilers: bool = False
    #: The day staleness was judged against, and each coming season's staleness by number
    #: (answers.upcoming.staleness: the rule `kdrama upcoming` flags by).
    today: dt.date | None = None
    staleness: tuple[tuple[int, Staleness], ...] = ()
    #: How far the catalogue's Netflix figures go: a page with figures says so.
    reach: NetflixReach | None = None
    #: Credits of ``cast`` the page hides as spoilers (a surprise cameo, credit_hidden): it
    #: neither lists nor counts them among the rest of the cast, and says how many it hid.
    cast_hidden: int = 0
    #: The credits `kdrama cast` lists with the same --spoilers: ``cast`` less those hidden,
    #: in an order that gives no withheld note away (answers.spoilers.listing_order); browse
    #: links to them under the page.
    cast_listed: tuple[CastEntry, ...] = ()

    @property
    def cast_more(self) -> int:
        """Credits the page does not list and `kdrama cast` does (with the same --spoilers)."""
        return len(self.cast) - self.cast_hidden - len(self.cast_shown)

    def stale(self, number: int) -> Staleness:
        return dict(self.staleness).get(number, Staleness())

    def ref(self, ids: Iterable[str]) -> list[int]:
        """Reference numbers for citation ids (as printed in the Sources list)."""
        positions = {c.id: n for n, c in enumerate(self.listed, start=1)}
        for member, entry in self.merged:
            positions[member] = positions[entry]
        return sorted({positions[i] for i in ids if i in positions})


_WEEKLY_TITLE = re.compile(r"(?P<head>.+), week ending (?P<week>\d{4}-\d{2}-\d{2})")


def merge_weekly(
    citations: Sequence[Citation],
) -> tuple[tuple[Citation, ...], tuple[tuple[str, str], ...]]:
    """One entry for all the weeks of one Netflix Top 10 list that a page cites ("Netflix Top
    10, global TV (Non-English), weeks ending 2021-09-19, 2021-09-26 and 2021-10-03"), in
    place of its first week; the other weeks' ids point at it."""
    groups: dict[tuple[str, str, str], list[Citation]] = {}
    for citation in citations:
        found = _WEEKLY_TITLE.fullmatch(citation.title)
        if found and citation.publisher == "Netflix":
            groups.setdefault((citation.url, citation.publisher, found["head"]), []).append(
                citation
            )
    merged: list[tuple[str, str]] = []
    replaced: dict[str, Citation | None] = {}
    for (_, _, head), members in groups.items():
        if len(members) < 2:
            continue
        weeks = sorted(c.date.isoformat() if c.date else "" for c in members)
        first = members[0]
        listed = ", ".join(weeks[:-1]) + f" and {weeks[-1]}"
        if len(weeks) > 4:
            listed = f"{weeks[0]} to {weeks[-1]} ({len(weeks)} weeks)"
        replaced[first.id] = first._replace(title=f"{head}, weeks ending {listed}", date=None)
        for other in members[1:]:
            replaced[other.id] = None
            merged.append((other.id, first.id))
    kept = []
    for citation in citations:
        if citation.id not in replaced:
            kept.append(citation)
        elif replaced[citation.id] is not None:
            kept.append(replaced[citation.id])  # type: ignore[arg-type]
    return tuple(kept), tuple(merged)


def _people(dataset: Dataset, ids: Iterable[str]) -> tuple[Person, ...]:
    return fetch(dataset.people, ids)


def cast_entries(
    dataset: Dataset, show: Show, season: int | None = None, role: str = "all"
) -> tuple[CastEntry, ...]:
    """The show's credits (optionally one season's, one role's), main cast first."""
    order = {"host": 0, "judge": 1, "main": 2, "supporting": 3, "special": 4}
    entries: list[CastEntry] = []
    people = {person.id: person for person in fetch(dataset.people, (c.person for c in show.cast))}
    for credit in show.cast:
        if role != "all" and credit.role != role:
            continue
        covered = credit.seasons or tuple(s.number for s in show.seasons)
        if season is not None and covered and season not in covered:
            continue
        if season is not None and not covered and show.seasons:
            continue
        relevant = (season,) if season is not None else covered
        pending = [show.season(n) for n in relevant]
        unreleased = tuple(s.number for s in pending if s is not None and not s.is_out)
        dates = [s.as_of for s in pending if s is not None and not s.is_out and s.as_of]
        person = people[credit.person]
        entries.append(
            CastEntry(
                show=show,
                person=person,
                credit=credit,
                announced_seasons=unreleased,
                announced_as_of=max(dates).isoformat() if dates else None,
            )
        )
    entries.sort(key=lambda e: order.get(e.credit.role, 9))
    return tuple(entries)


_WINDOW_ORDER = {"first": 0, "cumulative": 1, "half-year": 2, "episode": 3, "total": 4, "week": 5}


def stat_order(stat: Stat) -> tuple[int, int, int, str, str]:
    """Season, then short windows before long ones, then cumulative, ratings, totals, weeks."""
    kind = stat.window.split(":")[0].split("-")[0]
    days = int(stat.window.split("-")[1]) if stat.window.startswith("first-") else 0
    return (stat.season or 0, _WINDOW_ORDER.get(kind, 9), days, stat.window, stat.metric)


def _season_weeks(
    charted: Iterable[tuple[str, int | None]],
) -> tuple[tuple[int | None, int], ...]:
    """How many weeks each season (None: no season given) spent in the Top 10, from the
    (week, season) pairs charted, in season order."""
    counts: dict[int | None, int] = {}
    for _, season in charted:
        counts[season] = counts.get(season, 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (item[0] is not None, item[0] or 0)))


def show_detail(
    dataset: Dataset,
    show: Show,
    season: int | None = None,
    spoilers: bool = False,
    match: Match | None = None,
    weekly: bool = False,
    today: dt.date | None = None,
) -> ShowDetail:
    """Everything `kdrama show` prints about a title, resolved and numbered.

    Weekly Top 10 figures (dozens for a hit) are left out unless ``weekly``; so are their
    citations, so the numbered sources are exactly the ones the page refers to. A coming
    season's news is judged stale or not against ``today`` (default: the real day).
    """
    today = today or dt.date.today()
    chosen: Season | None = None
    if season is not None:
        chosen = show.season(season)
        if chosen is None:
            raise NoSuchSeason(show, season)
    seasons = (chosen,) if chosen else show.seasons
    work = dataset.source_works.get(show.source_work) if show.source_work else None
    cast = cast_entries(dataset, show, season)
    visible = listing_order([e for e in cast if not credit_hidden(e.credit, spoilers)], spoilers)
    main = tuple(e for e in visible if e.credit.role in LEAD_ROLES)
    cast_shown = main or visible
    in_season = [s for s in show.stats if season is None or s.season in (None, season)]
    reports = report_rows(in_season)
    in_season = [s for s in in_season if not s.window.startswith("half-year:")]
    stats = tuple(
        sorted((s for s in in_season if weekly or not s.window.startswith("week:")), key=stat_order)
    )
    facts = [f for f in show.facts if season is None or f.season in (None, season)]
    shown = [f for f in facts if not hidden(f, spoilers)]

    order: list[str] = []

    def cite(ids: Iterable[str]) -> None:
        order.extend(i for i in ids if i not in order)

    cite(show.sources)
    for s in seasons:
        cite(s.sources)
    if work:
        cite(work.sources)
    cite(show.cast_sources)
    for entry in cast_shown:
        cite(entry.credit.sources)
    for stat in stats:
        cite(stat.sources)
    for row in reports:
        cite(row.sources)
    for fact in shown:
        cite(fact.sources)
    on_page = len(order)
    for entry in cast:
        cite(entry.credit.sources)
    citations = fetch(dataset.citations, order[:on_page])
    listed, merged = merge_weekly(citations)
    more_citations = fetch(dataset.citations, order[on_page:])
    charted = {
        (s.window, s.season)
        for s in in_season
        if s.window.startswith("week:") and s.metric in ("rank", "hours-viewed")
    }
    return ShowDetail(
        show=show,
        match=match,
        season=chosen,
        seasons=seasons,
        source_work=work,
        source_writers=_people(dataset, work.writers) if work else (),
        source_artists=_people(dataset, work.artists) if work else (),
        directors=_people(dataset, show.directors),
        writers=_people(dataset, show.writers),
        creators=_people(dataset, show.creators),
        cast=cast,
        cast_shown=cast_shown,
        stats=stats,
        chart_weeks=len({week for week, _ in charted}),
        season_weeks=_season_weeks(charted),
        reports=reports,
        facts=tuple(shown),
        facts_hidden=len(facts) - len(shown),
        related=fetch(dataset.shows, show.related),
        companion_of=dataset.shows.get(show.companion_of) if show.companion_of else None,
        companions=fetch(dataset.shows, show.companions),
        citations=citations,
        more_citations=more_citations,
        listed=listed,
        merged=merged,
        spoilers=spoilers,
        today=today,
        staleness=tuple(
            (s.number, judged) for s in seasons if (judged := staleness(s, today)).stale
        ),
        reach=dataset.netflix_reach(),
        cast_hidden=len(cast) - len(visible),
        cast_listed=visible,
    )


# --- cast across the dataset -----------------------------------------------------------------


def cast_list(
    dataset: Dataset, show: Show | None, season: int | None, role: str
) -> list[tuple[Show, tuple[CastEntry, ...]]]:
    """Cast grouped by show; without a show, every title that has the season (or all titles)."""
    if show is not None:
        if season is not None and show.season(season) is None:
            raise NoSuchSeason(show, season)
        return [(show, cast_entries(dataset, show, season, role))]
    shows = titles_oldest_first(dataset, season)
    if season is not None and not shows:
        raise NoSuchSeason(None, season)
    groups = [(s, cast_entries(dataset, s, season, role)) for s in shows]
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
        if credit.role in roles:
            credit = credit._replace(sources=())
        rows.append(entry._replace(show=titled, credit=credit))
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
        if (chosen := show.season(season)) is not None and staleness(chosen, today).stale
    )


# --- comparison ------------------------------------------------------------------------------


class StatRow(Record):
    """One comparable figure across titles: same metric, unit, window and chart."""

    metric: str
    unit: str
    window: str
    window_label: str
    list: str | None
    season: int | None
    #: One value per compared show (None where that show has no such figure).
    values: tuple[float | None, ...]
    leader: int | None
    #: Every window the row stands for: ``(window,)``, or several reports in order when they
    #: all gave the same figures for a title's own length (see ``_fold_repeats``).
    windows: tuple[str, ...]
    #: Each show's citations for the row (those of every folded report).
    sources: tuple[tuple[str, ...], ...]


class SharedPerson(Record):
    person: Person
    #: For each compared show, the characters this person plays in it (empty where absent;
    #: None for a role no source names).
    characters: tuple[tuple[str | None, ...], ...]
    #: For each compared show, this person's seasons in it that are released or airing, and
    #: those that are not out (renewed, announced, in production): a credit only in the
    #: second is as announced, as a show page's cast table and a path's hop mark it.
    seasons: tuple[tuple[int, ...], ...] = ()
    announced: tuple[tuple[int, ...], ...] = ()
    #: For each compared show, what this person's credits there rest on, by the one rule
    #: (answers.sources.credit_sources: the title's cast lists, then each credit's own).
    sources: tuple[tuple[str, ...], ...] = ()

    @property
    def only_announced(self) -> bool:
        """Whether in some compared title this person is credited only in seasons not out:
        nothing shared on screen yet."""
        return any(
            chars and not out and pending
            for chars, out, pending in zip(
                self.characters, self.seasons, self.announced, strict=True
            )
        )


class FiguresApart(Record):
    """Why titles that have figures of one metric over one window share no row in compare."""

    #: 'list': Netflix ranks them on different lists ("TV (Non-English)", "TV (English)");
    #: 'season': their figures are of different seasons (a film's are of no season).
    reason: str
    metric: str
    window_label: str
    #: For each title, the lists its figures are on ('list'), or the seasons they are of,
    #: 0 for a film's ('season'); empty for a title without the figure.
    lists: tuple[tuple[str, ...], ...] = ()
    seasons: tuple[tuple[int, ...], ...] = ()


class Comparison(Record):
    shows: tuple[Show, ...]
    source_works: tuple[SourceWork | None, ...]
    directors: tuple[tuple[Person, ...], ...]
    writers: tuple[tuple[Person, ...], ...]
    stats: tuple[StatRow, ...]
    shared_cast: tuple[SharedPerson, ...]
    citations: tuple[Citation, ...]
    #: With no figure row: why titles that have a figure of the same metric and window still
    #: share none (None when no two have one).
    figures_apart: FiguresApart | None = None
    #: With figure rows: the titles that have figures of their own but none in any row (a
    #: film beside two series: its figures are on another of Netflix's lists).
    unmatched: tuple[Show, ...] = ()
    #: Credits left out of the cast in common because they are flagged as spoilers (a
    #: surprise cameo), and whether spoilers were asked for: flagged credits are then in it,
    #: and the Sources list shows the headlines of citations flagged as spoilers.
    hidden: int = 0
    spoilers: bool = False


#: Which way each metric of ``catalogue.vocab.METRICS`` leads; see ``leading_sign``. Public so
#: that a test keeps it in step with the vocabulary: every metric decided, none left to chance.
LEADS: dict[str, float | None] = {
    "hours-viewed": 1.0,
    "views": 1.0,
    "households": 1.0,
    "weeks-in-top10": 1.0,
    "countries-in-top10": 1.0,
    "ratings": 1.0,
    "rank": -1.0,
    "runtime": None,
    "contestants": None,
    "prize": None,
}


def leading_sign(metric: str) -> float | None:
    """Which way a figure leads in ``compare``: 1 when more is better, -1 when less is, None
    when the figure is no measure of success, so no title is starred for it.

    Decided for every metric in ``catalogue.vocab.METRICS`` (a test keeps the two in step):

    - ``hours-viewed``, ``views``, ``households``: how much or by how many it was watched.
    - ``weeks-in-top10``, ``countries-in-top10``: how long and how widely it charted.
    - ``ratings``: a broadcast's audience share.
    - ``rank``: a chart position, so #1 leads and less is better.
    - ``runtime``: how long the season or film is. A longer one did not do better.
    - ``contestants``: how many people a competition starts with: its format, not its success.
    - ``prize``: the money on offer: a production choice, not the audience's verdict.

    A metric missing here (a newer vocabulary) is not ranked rather than ranked wrongly.
    """
    return LEADS.get(metric)


def _leader(metric: str, values: Sequence[float | None]) -> int | None:
    """The index of the one title that leads, or None (a tie, or a metric that is not ranked)."""
    sign = leading_sign(metric)
    if sign is None:
        return None
    scores = [sign * v if v is not None else float("-inf") for v in values]
    best = max(range(len(scores)), key=scores.__getitem__)
    return best if values.count(values[best]) == 1 else None


def _stat_group_key(stat: Stat) -> tuple[str, str, str, str | None, int | None]:
    return (stat.metric, stat.unit, stat.window, stat.list, stat.season)


def _stat_rows(shows: Sequence[Show]) -> list[StatRow]:
    """A row for each figure two or more of the titles have for the same metric, unit, window,
    chart and season, sorted by metric, season and window."""
    groups: dict[tuple[str, str, str, str | None, int | None], list[Stat | None]] = {}
    for index, show in enumerate(shows):
        for stat in show.stats:
            if stat.window.startswith("week:"):
                continue  # weekly chart positions are for `kdrama chart`, not a headline row
            row = groups.setdefault(_stat_group_key(stat), [None] * len(shows))
            if row[index] is None:
                row[index] = stat
    rows: list[StatRow] = []
    for (metric, unit, window, chart, season), stats in groups.items():
        present = [s for s in stats if s is not None]
        if len(present) < 2:
            continue  # a figure only one title has is not a comparison
        values = tuple(s.value if s else None for s in stats)
        rows.append(
            StatRow(
                metric=metric,
                unit=unit,
                window=window,
                window_label=present[0].window_label,
                list=chart,
                season=season,
                values=values,
                leader=_leader(metric, values),
                windows=(window,),
                sources=tuple(s.sources if s else () for s in stats),
            )
        )
    rows.sort(key=lambda r: (r.metric, r.season or 0, r.window))
    return rows


def _figures_apart(shows: Sequence[Show]) -> FiguresApart | None:
    """When no figure row lines up: the first metric and window two titles both have, and
    what keeps their figures apart, the list Netflix ranks them on before the season."""
    found: dict[tuple[str, str, str], list[list[Stat]]] = {}
    for index, show in enumerate(shows):
        for stat in show.stats:
            if stat.window.startswith("week:"):
                continue
            found.setdefault((stat.metric, stat.unit, stat.window), [[] for _ in shows])[
                index
            ].append(stat)
    # the headline figures first: how much it was watched, then how long it charted
    order = {
        metric: place for place, metric in enumerate(("hours-viewed", "views", "weeks-in-top10"))
    }
    shared = [
        (key, per)
        for key, per in sorted(found.items(), key=lambda item: (order.get(item[0][0], 9), item[0]))
        if sum(1 for s in per if s) > 1
    ]
    for reason in ("list", "season"):
        for (metric, _, _), per in shared:
            lists = tuple(tuple(sorted({s.list or "" for s in stats})) for stats in per)
            on_two = any(
                sum(1 for names in lists if name in names) > 1 for name in set().union(*lists)
            )
            if reason == "list" and not on_two:
                label = next(s.window_label for stats in per for s in stats)
                return FiguresApart("list", metric, label, lists=lists)
            if reason == "season":
                seasons = tuple(tuple(sorted({s.season or 0 for s in stats})) for stats in per)
                label = next(s.window_label for stats in per for s in stats)
                return FiguresApart("season", metric, label, seasons=seasons)
    return None


def _fold_repeats(rows: Sequence[StatRow]) -> list[StatRow]:
    """One row for a title's own length repeated unchanged by report after report.

    Every engagement report restates each title's runtime, so two titles on Netflix for two
    years would get four rows of the same two numbers, told apart only by the report. For a
    metric that is not ranked (``leading_sign`` is None) such neighbouring rows (same metric,
    unit, chart and season, and the same value for every title) become one whose label names
    the span of reports. Rows whose figures differ are kept apart: there the window is what
    tells them apart. A ranked figure (hours, views) is never folded, as each report measures
    a different half-year.
    """
    folded: list[StatRow] = []
    for row in rows:
        last = folded[-1] if folded else None
        if (
            last is None
            or leading_sign(row.metric) is not None
            or (last.metric, last.unit, last.list, last.season, last.values)
            != (row.metric, row.unit, row.list, row.season, row.values)
        ):
            folded.append(row)
            continue
        windows = (*last.windows, row.window)
        first = parse_window(windows[0]) or windows[0]
        label = f"same in {len(windows)} reports, {first} to {row.window_label}"
        sources = tuple(
            (*old, *(i for i in new if i not in old))
            for old, new in zip(last.sources, row.sources, strict=True)
        )
        folded[-1] = last._replace(windows=windows, window_label=label, sources=sources)
    return folded


def _shared_cast(
    dataset: Dataset, shows: Sequence[Show], spoilers: bool = False
) -> list[SharedPerson]:
    """People credited in two or more of the shows, each with their characters and seasons
    in each; those shared only through a season not out come last, as in a path. A surprise
    cameo (answers.spoilers.credit_hidden) counts only with ``spoilers``."""
    characters: dict[str, list[tuple[str | None, ...]]] = {}
    seasons: dict[str, list[set[int]]] = {}
    sources: dict[str, list[dict[str, None]]] = {}
    for index, show in enumerate(shows):
        for credit in show.cast:
            if credit_hidden(credit, spoilers):
                continue
            cited = sources.setdefault(credit.person, [{} for _ in shows])[index]
            cited.update(dict.fromkeys(credit_sources(show, credit)))
            played = characters.setdefault(credit.person, [() for _ in shows])
            if credit.character not in played[index]:
                played[index] = played[index] + (credit.character,)
            seasons.setdefault(credit.person, [set() for _ in shows])[index].update(
                seasons_of(credit, show)
            )
    shared: list[SharedPerson] = []
    for person_id, played in characters.items():
        if sum(1 for c in played if c) < 2:
            continue
        split = [_out_and_not(show, n) for show, n in zip(shows, seasons[person_id], strict=True)]
        out, pending = (tuple(part) for part in zip(*split, strict=True))
        rests = tuple(tuple(ids) for ids in sources[person_id])
        shared.append(SharedPerson(dataset.people[person_id], tuple(played), out, pending, rests))
    shared.sort(key=lambda p: (p.only_announced, p.person.name))
    return shared


def _hidden_in_common(dataset: Dataset, shows: Sequence[Show]) -> int:
    """How many flagged credits the cast in common leaves out without spoilers: those of the
    people it lists when spoilers are asked for."""
    every = {shared.person.id for shared in _shared_cast(dataset, shows, spoilers=True)}
    return sum(
        1
        for show in shows
        for credit in show.cast
        if credit.person in every and credit_hidden(credit, spoilers=False)
    )


def _out_and_not(show: Show, numbers: Iterable[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Of a credit's seasons, those released or airing, and those not out yet."""
    ordered = sorted(numbers)
    out = tuple(n for n in ordered if show.season_is_out(n))
    return out, tuple(n for n in ordered if n not in out)


def compare(dataset: Dataset, shows: Sequence[Show], spoilers: bool = False) -> Comparison:
    """Side-by-side facts; figures share a row only when metric, unit, window, Netflix list and
    season agree, and when none do, ``figures_apart`` says which keeps them apart. A surprise
    cameo is not in the cast in common unless ``spoilers``; ``hidden`` counts those left out."""
    rows = _fold_repeats(_stat_rows(shows))

    shared = _shared_cast(dataset, shows, spoilers)

    cited: list[str] = []
    for show in shows:
        cited.extend(i for i in show.sources if i not in cited)
    for stat_row in rows:
        for ids in stat_row.sources:
            cited.extend(i for i in ids if i not in cited)
    for person in shared:  # each credit in common, by the one rule (answers.sources)
        for ids in person.sources:
            cited.extend(i for i in ids if i not in cited)
    works = tuple(dataset.source_works.get(s.source_work) if s.source_work else None for s in shows)
    return Comparison(
        shows=tuple(shows),
        source_works=works,
        directors=tuple(_people(dataset, s.directors or s.creators) for s in shows),
        writers=tuple(_people(dataset, s.writers) for s in shows),
        stats=tuple(rows),
        shared_cast=tuple(shared),
        citations=fetch(dataset.citations, cited),
        figures_apart=None if rows else _figures_apart(shows),
        unmatched=tuple(
            show
            for index, show in enumerate(shows)
            if rows
            and any(not s.window.startswith("week:") for s in show.stats)
            and all(row.values[index] is None for row in rows)
        ),
        hidden=0 if spoilers else _hidden_in_common(dataset, shows),
        spoilers=spoilers,
    )


# --- people ------------------------------------------------------------------------------------


def find_person(dataset: Dataset, query: str) -> Person:
    """Exact id, then exact name, alias or Hangul (any case or punctuation), then a unique part,
    then the name however it is romanised or ordered."""
    try:
        return _find_person(dataset, query)[0]
    except NotFound as miss:
        title = _whole_title(dataset, query)
        if title is None:
            raise
        command = f"kdrama show {title.show.slug}"
        if title.season is not None:
            command += f" --season {title.season}"
        raise _said_also(miss, f"{query!r} is a title: {command}") from None


def _find_person(dataset: Dataset, query: str, suggestions: bool = True) -> tuple[Person, int]:
    """find_person, and how closely the person matched (WHOLE, PART or RESPELLED)."""
    if query in dataset.people:
        return dataset.people[query], WHOLE
    key = normalize(query)
    if not key:
        raise NotFound("person", query, [])
    for how, rows in _person_rows(dataset, key, query):
        found = {row.target for row in rows}
        if len(found) == 1:
            return dataset.people[found.pop()], how
        if len(found) > 1:
            ranked = _ranked_people(dataset, key, rows)
            raise Ambiguous("person", query, ranked, how == PART, how == RESPELLED)
    if not suggestions:
        raise NotFound("person", query, [])
    raise NotFound("person", query, suggest(dataset, "person", query), _count(dataset, "people"))


def _person_rows(dataset: Dataset, key: str, query: str) -> Iterator[tuple[int, list[NameRow]]]:
    """Rows to try in turn for a person, each with how closely they match; each stage is run
    only when the one before found none."""
    for rows, partial in _candidates(dataset, "person", key):
        yield (PART if partial else WHOLE), rows
    yield RESPELLED, _spelled(dataset, "person", query)


def find_person_or_show(dataset: Dataset, query: str) -> Person | Match:
    """A person or a title (as a Match, which keeps a season named with it: 'squid game 2'),
    for an end of a connection path: an id or slug as typed, else whichever matches more
    closely (a whole name before part of one, before a respelling: 'JUNG_E' is the film,
    though the names of 7 people have 'Jung E' in them).

    People and titles that match as closely are weighed together: the one match there is, or
    Ambiguous listing them all ('park': 114 people and the film Park Hwa-Young), never a title
    in place of people too many to choose from. Nothing at all is NotFound for a person or
    title, with the nearest names of both (or the title's own error: 'squid game 9' names a
    season Squid Game does not have)."""
    if query in dataset.people:
        return dataset.people[query]
    if query in dataset.shows:
        return Match(dataset.shows[query], "slug", query)
    ends = _ends(dataset, query)
    if not ends:
        raise _no_person_or_title(dataset, query)
    best = min(how for how, _ in ends)
    closest = [end for how, end in ends if how == best]
    if len(closest) == 2:  # a person's, then a title's
        raise _people_and_titles(query, _listed(closest[0]), _listed(closest[1]), best)
    if isinstance(closest[0], Ambiguous):
        raise closest[0]
    return closest[0]


_End = tuple[int, "Person | Match | Ambiguous"]


def _no_person_or_title(dataset: Dataset, query: str) -> NotFound:
    """Neither a person nor a title matches: the nearest names of both, and both counts."""
    near = [*suggest(dataset, "person", query), *suggest(dataset, "show", query)]
    counted = (
        f"{_counted(_count(dataset, 'people'), 'person', 'people')} and "
        f"{_counted(_count(dataset, 'shows'), 'title', 'titles')}"
    )
    return NotFound("person or title", query, list(dict.fromkeys(near))[:3], counted=counted)


def _ends(dataset: Dataset, query: str) -> list[_End]:
    """What the name finds as a person, then as a title at least as close, each with how
    closely it matched: the one match, or Ambiguous. A title's own error other than a miss
    ('squid game 9': no such season) is raised when no person matches."""
    ends: list[_End] = []
    try:
        person, how = _find_person(dataset, query, suggestions=False)
        ends.append((how, person))
    except Ambiguous as many:
        ends.append((many.closeness, many))
    except NotFound:
        pass
    # A title can only tie with or beat the person's match: looser stages are not tried.
    within = ends[0][0] if ends else RESPELLED
    try:
        match = find_show(dataset, query, suggestions=False, within=within)
        ends.append((closeness(match), match))
    except Ambiguous as many:
        ends.append((many.closeness, many))
    except NotFound:
        pass
    except LookupError_:
        if not ends:
            raise
    return ends


def _listed(end: Person | Match | Ambiguous) -> list[tuple[str, str]]:
    """(id, label) of what one kind of lookup found: its candidates, or the one match."""
    if isinstance(end, Ambiguous):
        return end.candidates
    return [(end.show.slug, end.show.title)] if isinstance(end, Match) else [(end.id, end.name)]


def _people_and_titles(
    query: str, people: list[tuple[str, str]], titles: list[tuple[str, str]], how: int
) -> Ambiguous:
    """People and titles that match a name as closely, listed together: the best of each kind
    first, in turn, so a title is not lost under a hundred people; titles say they are one."""
    marked = [(slug, f"title: {label}") for slug, label in titles]
    together = [
        end for pair in itertools.zip_longest(people, marked) for end in pair if end is not None
    ]
    counted = (
        f"{_counted(len(people), 'person', 'people')} and "
        f"{_counted(len(titles), 'title', 'titles')}"
    )
    return Ambiguous("person or title", query, together, how == PART, how == RESPELLED, counted)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _ranked_people(dataset: Dataset, key: str, rows: Sequence[NameRow]) -> list[tuple[str, str]]:
    """Candidates whose name starts with what was typed first, then the most credited (the one
    a fan most likely means), then by name."""
    lookup = lookup_of(dataset)
    starts: dict[str, bool] = {}
    for row in rows:
        starts[row.target] = starts.get(row.target, False) or row.key.startswith(key)
    people = [dataset.people[i] for i in starts]
    credits = {p.id: len(lookup.titles_of(p.id)) for p in people}
    people.sort(key=lambda p: (not starts[p.id], -credits[p.id], p.name, p.id))
    return [(p.id, p.name + (f", {_short(p.note)}" if p.note else "")) for p in people]


def _short(note: str, width: int = 90) -> str:
    """A disambiguating note cut to its first clause, for a list of candidates (the picker
    gives it two lines), and if still longer, between words."""
    first = note.split(";")[0].strip().rstrip(".")
    if len(first) <= width:
        return first
    cut = first[: width - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,:—–-") + "…"

"""Names and credits: every name an entry is found by, and lookups over them in memory.

``MemoryLookup`` and the index's ``kdrama_cli.store.index.SqliteLookup`` answer from the same rows
(``name_rows`` and ``credit_rows``), so a query gets the same answer with or without the index.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from kdrama_cli.catalogue.folding import ends_one_into_a_word, has_hangul, spaced, starts_a_word
from kdrama_cli.catalogue.folding import normalize as normalize  # re-exported
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import (
    UNNAMED_ROLE,
    serialised_on,
    source_kind_words,
    with_article,
)
from kdrama_cli.catalogue.wording import note_clauses

if TYPE_CHECKING:
    from kdrama_cli.catalogue.models import Credit, Dataset, Show, SourceWork


#: Row kinds that only lookups use (sound keys, Hangul initials); search never shows them.
#: The '-latin' sound keys are the fine keys of titles and people the dataset has no Hangul
#: name for: all a short Hangul query may match by sound (answers.finding._spelled).
#: 'show-sound-english' holds the coarse keys of the English names kept out of 'show-sound'
#: (_sounded_names): never matched, only asked whether a title's sound-alike start is the
#: whole of another title's English name ('squidd game' begins Squid Game: The Challenge).
#: 'show-netflix' holds the titles of seasons and films in Netflix's files (NETFLIX_TITLE),
#: matched whole only: search would list hundreds of them for "season 1".
LOOKUP_ONLY_KINDS = (
    "show-sound",
    "show-sound-fine",
    "person-sound",
    "person-sound-fine",
    "show-initials",
    "show-sound-latin",
    "person-sound-latin",
    "show-netflix",
    "show-sound-english",
)


#: How a row's name names its target (``NameRow.how``), for the rows other modules pick by it:
#: spelled here once, so a rename cannot silently empty TAB's names or an own-name match.
SLUG, ID, TITLE, NAME = "slug", "id", "title", "name"
#: The names found only whole, never in part: the words that tell namesakes apart in a slug or
#: an id ('jeon-hye-jin-hunt', 'new-world-series') are no name ('hunt' is the film).
WHOLE_ONLY = (SLUG, ID)
KOREAN_TITLE, HANGUL, ALIAS, ROMANIZATION = "Korean title", "hangul", "alias", "romanization"
#: A season's (or a film's) title in Netflix's own files, as its Top 10 lists print it ("Men
#: on a Mission: 2021"): it opens that season.
NETFLIX_TITLE = "Netflix title"
#: A clause of a person's note: what their entry says they are ("Member of BTS"), which
#: search finds them by (a row of kind 'person-note', which no name lookup reads).
PERSON_NOTE = "note"
#: The kind of row of a crew credit: one per person, title and capacity, keyed by the capacity
#: ("director", "writer", "creator"; models.Show.crew_of), its name the title's slug (search
#: names and orders the titles by the catalogue listing, where two of one name are two): what
#: search ranks people by when the query is a word for that capacity ('director', '감독'), read
#: only by an exact lookup of the capacity, so no name or part of one ever finds it.
CREW = "person-crew"
#: The names TAB completes from: a title's slug, title, Korean title and other names (aliases),
#: a person's id, name, Hangul name and other names, as `show` and `person` accept them.
COMPLETION_HOWS = (SLUG, ID, TITLE, NAME, KOREAN_TITLE, HANGUL, ALIAS)
#: How a title is named by a name of its own, not by an alias another title may share.
OWN_NAMES = (SLUG, TITLE, KOREAN_TITLE, ROMANIZATION)
#: How a person is named by a name of their own, not by an alias another person may share.
OWN_PERSON_NAMES = (ID, NAME, HANGUL)


class NameRow(Record):
    #: 'show', 'person', 'person-note' (a clause of a person's note), 'person-crew' (CREW),
    #: 'character', 'work',
    #: 'work-author', 'genre', 'synopsis', 'facet' (platform, kind of title, kind of source
    #: work), and the LOOKUP_ONLY_KINDS
    kind: str
    #: A show slug or a person id.
    target: str
    #: What a result is called: the title, the name, "Seong Gi-hun in Squid Game" ...
    label: str
    #: How it matched: 'title', 'alias', 'Korean title', 'webtoon author' ...
    how: str
    #: The text that matched, as written.
    name: str
    #: ``normalize(name)``.
    key: str


def character_label(show: Show, credit: Credit) -> str:
    """A character row's label: "Seong Gi-hun in Squid Game"; a role no source names, "a role
    not named in …", never "None". Every credit of one character shares it (search tells them
    apart by the person: answers.search)."""
    return f"{credit.character or 'a ' + UNNAMED_ROLE} in {show.title}"


def _sounded_names(show: Show) -> tuple[str | None, ...]:
    """The names of a title matched by their sound (catalogue.sounds): its Korean names, in
    Hangul or romanised. The rules fold romanised Korean (g/k, r/l, d/t are one sound); an
    English name folded by them makes a typo of one title another's name ('glroy', a slip for
    The Glory, folds into CLOY; 'the truk' into The Drug King), so English names match only as
    typed, and a typo of one gets "Did you mean". A title with no Hangul name at all keeps
    every name: its Latin names may be the only Korean it has."""
    every = (show.korean_title, show.title, show.romanization, *show.all_aliases)
    if not any(name and has_hangul(name) for name in every):
        return every
    korean = [name for name in (show.title, *show.all_aliases) if name and has_hangul(name)]
    return (show.korean_title, show.romanization, *korean)


def _unsounded_names(show: Show) -> list[str]:
    """A title's English names that _sounded_names keeps out of its sound keys: what a typo of
    them may sound like, so that it opens no other title whose name merely begins so."""
    sounded = set(_sounded_names(show))
    every = (show.title, *show.all_aliases)
    return [name for name in dict.fromkeys(every) if name and name not in sounded]


def _netflix_titles(show: Show) -> list[str]:
    """The title's names in Netflix's files that are not already one of its own names: a
    season's ("Squid Game: Season 2", "Men on a Mission: 2021") or a film's."""
    own = {normalize(n) for n in (show.slug, show.title, show.korean_title, *show.all_aliases) if n}
    named = [*show.netflix_titles, *(t for s in show.seasons for t in s.netflix_titles)]
    return [t for t in dict.fromkeys(named) if normalize(t) not in own]


#: How a source-platform facet row says where the adapted work came out (name_rows).
_ON = " on "


def facet_of_row(row: NameRow) -> str | None:
    """Which filter of `kdrama list` a facet row of name_rows stands for: a title's platform
    ("platform"), or where the work it adapts came out ("source-platform": its how is "adapted
    from a webtoon on Naver Webtoon"). Read here, beside the wording name_rows gives it."""
    if row.how == "platform":
        return "platform"
    if row.how.startswith("adapted from ") and row.how.endswith(f"{_ON}{row.name}"):
        return "source-platform"
    return None


#: An English possessive, which fans often leave out: "single inferno", "kian bizarre b&b".
_POSSESSIVE = r"(?<=\w)['’]s\b"
#: What opens a subtitle, and the article fans leave out after it.
_SUBTITLE_MARKS = (":", "–", "—")
_SUBTITLE_ARTICLE = r"(?<=[:–—])\s*the\s+"
#: Titles a name may abbreviate or spell out: "doctor romantic" is Dr. Romantic, "mister
#: queen" Mr. Queen, and "dr slump" would be a Doctor Slump.
_TITLE_WORDS = {"dr": "doctor", "mr": "mister", "ms": "miss", "mrs": "missus"}
#: Each word of _TITLE_WORDS with what it becomes, both ways.
_TITLE_SWAPS = tuple(
    pair for short, long in _TITLE_WORDS.items() for pair in ((short, long), (long, short))
)


def _name_variants(name: str) -> set[str]:
    """The keys a title's name is also found by, typed as fans type it: without its
    possessives, without the article that opens its subtitle ('asura city of madness' is
    Asura: The City of Madness), and with an abbreviated title spelt out or a spelt-out one
    abbreviated; and each of those without the accents of its Latin letters ('paik les
    miserables' is Paik's Les Misérables: one difference is found by sound, two were not)."""
    return set(_variant_texts(name))


@functools.lru_cache(maxsize=1024)
def _variant_texts(name: str) -> dict[str, str]:
    """_name_variants' keys, each with the text it folds from ('Jesters: Game Changers' for
    'jestersgamechangers'): its words are where a part of that key may begin (part_of_name)."""
    import re

    lowered = name.casefold()
    swaps = [pair for pair in _TITLE_SWAPS if pair[0] in lowered]
    subtitled = any(mark in lowered for mark in _SUBTITLE_MARKS)
    possessive = "s" in lowered.replace("'", "’").partition("’")[2][:1]
    accented = not name.isascii() and any(_ACCENTED_FIRST <= ch <= _ACCENTED_LAST for ch in name)
    if not (swaps or subtitled or possessive or accented):
        return {}  # nothing to vary: most names, asked first so they cost no pattern
    bare = re.sub(_POSSESSIVE, "", name)
    if subtitled:
        bare = re.sub(_SUBTITLE_ARTICLE, " ", bare, flags=re.IGNORECASE)
    variants = [bare]
    for typed, other in swaps:
        pattern = rf"\b{typed}\b\.?"
        if re.search(pattern, bare, flags=re.IGNORECASE):
            variants.append(re.sub(pattern, other, bare, flags=re.IGNORECASE))
    if accented:
        variants += [_unaccented(v) for v in (*variants, name)]
    own = normalize(name)
    texts: dict[str, str] = {}
    for text in variants:
        if (key := normalize(text)) and key != own:
            texts.setdefault(key, text)
    return texts


def part_of_name(name: str, key: str, query: str, label: str = "") -> bool:
    """Whether the folded ``query`` is part of a row's name from the start of one of its words
    (folding.starts_a_word), the words being those of the text its ``key`` folds from: a key
    fans type without an article or a possessive ('jestersgamechangers', from 'Jesters: The
    Game Changers') has its own words, so 's game' is no part of it, though the name does not
    spell it; 'game changers' and 'jesters game' are. A slug or an id is read by the words of
    its ``label`` when that has its key, as written or without its accents:
    'angel-s-last-mission-love' is Angel's Last Mission: Love, whose 's' is no word that 's
    last' may begin. So a key is read by the words word_keys gives it, as the index's copy of
    the keys (KeysLookup) reads them, and answers.finding.would_match agrees with the lookup."""
    return starts_a_word(_text_keyed(name, key, label), query)


def runs_into_a_word(name: str, key: str, query: str, label: str = "") -> bool:
    """Whether the folded ``query``, part of a row's name (part_of_name, by the same words), is
    so only by its last letter beginning a further word of the name
    (folding.ends_one_into_a_word): 'kingdoms' is part of Dream kingdom Sofy&Ruby only as
    'kingdom' and the 's' of 'Sofy', while 'sweet homes' is a whole word of Our Sweet Homes."""
    return ends_one_into_a_word(_text_keyed(name, key, label), query)


def _text_keyed(name: str, key: str, label: str = "") -> str:
    """The text a row's ``key`` folds from, whose words a part of the key may begin: its name,
    or the name as fans type it (_variant_texts); a slug or an id, given its ``label``, the
    label's words when the label has that key, as written or as fans type it."""
    if key != normalize(name):
        return _variant_texts(name).get(key, name)
    if label and label != name and "-" in name and " " not in name:
        return label if normalize(label) == key else _variant_texts(label).get(key, name)
    return name


#: The Latin letters with accents (Latin-1 Supplement to Latin Extended-B): é, á, ñ, ő...
_ACCENTED_FIRST, _ACCENTED_LAST = "\u00c0", "\u024f"


def _unaccented(text: str) -> str:
    """``text`` with the accents of its Latin letters taken off ('Misérables' -> 'Miserables');
    Hangul and other scripts as they are (decomposed, a syllable would fall apart)."""
    import unicodedata

    def plain(ch: str) -> str:
        if not _ACCENTED_FIRST <= ch <= _ACCENTED_LAST:
            return ch
        return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))

    return "".join(plain(ch) for ch in text)


def _typed_as_fans_do(show: Show) -> Iterator[NameRow]:
    """A title's and its aliases' names keyed also as fans type them (_name_variants), as the
    name itself: 'single inferno' is Single's Inferno as typed, not a respelling of it."""
    for how, name in ((TITLE, show.title), *((ALIAS, alias) for alias in show.all_aliases)):
        for key in sorted(_name_variants(name)):
            yield NameRow("show", show.slug, show.title, how, name, key)


#: A clause of a note that says who a person is not: the namesake it names is no group of theirs.
#: This pattern and the next are compiled on first use (re caches them): the index's build
#: reads them, a run answering from the index never does.
_NOT_CLAUSE = r"not\b"
#: A bracket inside a clause that says who a person is not ("Wrestler (not the television
#: director Jung Ji-hyun)"): the namesake's words are no words of theirs ('director').
_NOT_BRACKET = r"\s*\(not\b[^)]*\)"


def name_rows(dataset: Dataset, kinds: Container[str] | None = None) -> Iterator[NameRow]:
    """Every name a title, person, character or source work can be found by (only ``kinds``,
    when given, in the same relative order)."""

    def row(kind: str, target: str, label: str, how: str, name: str | None) -> Iterator[NameRow]:
        if name and (kinds is None or kind in kinds):
            key = normalize(name)
            if key:
                yield NameRow(kind, target, label, how, name, key)

    def sound(kind: str, target: str, label: str, names: Iterable[str | None]) -> Iterator[NameRow]:
        """Coarse and fine sound keys (catalogue.sounds) of each of one entry's names; the
        fine ones again as '-latin' keys when none of its names is in Hangul."""
        named = [name for name in names if name]
        latin = not any(has_hangul(name) for name in named)
        tables = [(kind, False), (f"{kind}-fine", True)] + [(f"{kind}-latin", True)] * latin
        for name in named:
            for table, fine in tables:
                if kinds is None or table in kinds:
                    key = sound_key(name, fine)
                    if len(key) >= 3:
                        yield NameRow(table, target, label, "sounds like", name, key)

    want_sounds = kinds is None or any(k in kinds for k in LOOKUP_ONLY_KINDS)
    if want_sounds:
        from kdrama_cli.catalogue.sounds import initials, sound_key

    for show in dataset.shows.values():
        if want_sounds:
            yield from sound("show-sound", show.slug, show.title, _sounded_names(show))
            if kinds is None or "show-sound-english" in kinds:
                for english in _unsounded_names(show):
                    key = sound_key(english)
                    if len(key) >= 3:
                        yield NameRow(
                            "show-sound-english", show.slug, show.title, "sounds like", english, key
                        )
            first = initials(show.korean_title or "")
            if len(first) >= 2 and (kinds is None or "show-initials" in kinds):
                yield NameRow(
                    "show-initials", show.slug, show.title, "initials", first, normalize(first)
                )
        yield from row("show", show.slug, show.title, SLUG, show.slug)
        yield from row("show", show.slug, show.title, TITLE, show.title)
        for alias in show.all_aliases:  # a season's too: finding reads its season
            yield from row("show", show.slug, show.title, ALIAS, alias)
        if kinds is None or "show" in kinds:
            yield from _typed_as_fans_do(show)
        yield from row("show", show.slug, show.title, KOREAN_TITLE, show.korean_title)
        yield from row("show", show.slug, show.title, ROMANIZATION, show.romanization)
        for netflix_title in _netflix_titles(show):
            yield from row("show-netflix", show.slug, show.title, NETFLIX_TITLE, netflix_title)
        for genre in show.genres:
            yield from row("genre", show.slug, show.title, "genre", genre)
        yield from row("synopsis", show.slug, show.title, "synopsis", show.synopsis)
        for credit in show.cast:
            # A role no source names is still found by its cast note ("cameo as a news
            # anchor"), as "a role not named", never "None" (search adds who plays it).
            label = character_label(show, credit)
            yield from row("character", show.slug, label, "character", credit.character)
            yield from row("character", show.slug, label, "character", credit.character_hangul)
            # Player numbers, nicknames, "the Front Man": what fans call a character.
            if credit.note and len(credit.note) <= 80:
                yield from row("character", show.slug, label, "cast note", credit.note)
        # The catalogue's own words: where it is shown, what kind of title it is.
        for platform in show.platforms:  # a season's too (The Uncanny Counter's tvN)
            yield from row("facet", show.slug, show.title, "platform", platform)
        yield from row("facet", show.slug, show.title, "kind", show.kind)
        if kinds is None or CREW in kinds:
            for capacity in ("creator", "director", "writer"):
                for person_id in dict.fromkeys(getattr(show, f"{capacity}s")):
                    person = dataset.people.get(person_id)
                    if person is not None:
                        yield NameRow(CREW, person.id, person.name, capacity, show.slug, capacity)
    for person in dataset.people.values():
        if want_sounds:
            names = (person.hangul, person.name, *person.aliases)
            yield from sound("person-sound", person.id, person.name, names)
        yield from row("person", person.id, person.name, ID, person.id)
        yield from row("person", person.id, person.name, NAME, person.name)
        for alias in person.aliases:
            yield from row("person", person.id, person.name, ALIAS, alias)
        yield from row("person", person.id, person.name, HANGUL, person.hangul)
        # What the entry says they are ("Member of BTS."), for search alone: a kind of its
        # own, so no lookup of a name reaches a person by their note. A clause saying who
        # they are not ("not Jisoo of BLACKPINK") names another person, and finds no one.
        for clause in note_clauses(person.note or ""):
            said = re.sub(_NOT_BRACKET, "", clause, flags=re.IGNORECASE).strip().rstrip(".")
            if said and not re.match(_NOT_CLAUSE, said, re.IGNORECASE):
                yield from row("person-note", person.id, person.name, PERSON_NOTE, said)

    def adapted_as(target: str, original: SourceWork) -> Iterator[NameRow]:
        """The names of the works based on ``original``, the work title ``target`` adapts,
        leading to that title (Dataset.works_from): "webtoon adaptation title", and each maker
        as what they are to the title ("artist of the webtoon adaptation of the original web
        novel: NARAK", SourceWork.capacity_of)."""
        for work in dataset.works_from(original.id)[1:]:
            said = f"{source_kind_words(work.kind) or 'source work'} adaptation"
            for how, name in (
                ("title", work.title),
                ("Korean title", work.korean_title),
                ("romanization", work.romanization),
            ):
                yield from row("work", target, work.title, f"{said} {how}", name)
            for person_id in work.authors:
                author = dataset.people.get(person_id)
                capacity = work.capacity_of(person_id, original)
                if author is None or capacity is None:
                    continue
                how = f"{capacity}: {author.name}"
                for name in (author.name, *author.aliases, author.hangul):
                    yield from row("work-author", target, work.title, how, name)

    # A source work's names lead to each title adapted from it (a webtoon made into a drama and
    # a film leads to both); a work no title adapts has no page to lead to, so no rows.
    adaptations: dict[str, list[str]] = defaultdict(list)
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        if show.source_work:
            adaptations[show.source_work].append(show.slug)
            work = dataset.source_works.get(show.source_work)
            kind = source_kind_words(work.kind) if work is not None else None
            if kind:  # "other" names no kind to search for
                how = f"adapted from {with_article(kind)}"
                yield from row("facet", show.slug, show.title, how, kind)
            for platform in serialised_on(work.platform if work else None):  # 'kakaopage'
                how = f"adapted from {with_article(kind or 'work')}{_ON}{platform}"
                yield from row("facet", show.slug, show.title, how, platform)
    for work in dataset.source_works.values():
        # "webtoon title", "web novel Korean title"; a work of kind "other" is a "source work"
        said = source_kind_words(work.kind) or "source work"
        for target in adaptations.get(work.id, ()):
            yield from adapted_as(target, work)
            for how, name in (
                ("title", work.title),
                ("Korean title", work.korean_title),
                ("romanization", work.romanization),
            ):
                yield from row("work", target, work.title, f"{said} {how}", name)
            for role, ids in (
                ("original story writer", work.story_by),
                ("author", work.writers),
                ("artist", work.artists),
            ):
                for person_id in ids:
                    author = dataset.people.get(person_id)
                    if author is None:
                        continue
                    how = f"{said} {role}: {author.name}"
                    for name in (author.name, *author.aliases, author.hangul):
                        yield from row("work-author", target, work.title, how, name)


def credit_rows(dataset: Dataset) -> Iterator[tuple[str, str]]:
    """(person id, show slug) for every cast, crew and source-work credit."""
    for show in dataset.shows.values():
        for credit in show.cast:
            yield credit.person, show.slug
        for person_id in (*show.directors, *show.writers, *show.creators):
            yield person_id, show.slug
        for work in dataset.works_of(show):  # the works based on the one it adapts too
            for person_id in work.authors:
                yield person_id, show.slug


class NameLookup(Protocol):
    """What finding a title or a person asks of the names. ``containing`` gives the rows whose
    key holds ``key`` from the start of one of the name's words (folding.starts_a_word)."""

    def exact(self, kind: str, key: str) -> list[NameRow]: ...
    def containing(self, kind: str, key: str) -> list[NameRow]: ...


class Lookup(Protocol):
    def exact(self, kind: str, key: str) -> list[NameRow]: ...
    def containing(self, kind: str, key: str) -> list[NameRow]: ...
    def names(self, kind: str) -> list[NameRow]: ...
    def keys_and_labels(self, kind: str) -> tuple[Sequence[str], Sequence[str]]: ...
    def spaced_keys(self, kind: str) -> Sequence[str]: ...
    def confirm_empty(self, would_match: Callable[[NameLookup], bool]) -> None: ...
    def search_rows(self, key: str, words: Sequence[str]) -> list[NameRow]: ...
    def title_rows_holding(self, keys: Sequence[str]) -> list[NameRow]: ...
    def titles_of(self, person_id: str) -> set[str]: ...
    def titles_of_people(self, person_ids: Iterable[str]) -> dict[str, set[str]]: ...
    def people_in(self, slugs: Iterable[str]) -> dict[str, set[str]]: ...
    def verify(self) -> None: ...


#: Row kinds a search never matches by containment: synopses and genres are matched their own
#: way (every word; the whole key), a crew credit by its capacity's whole word (CREW), the
#: lookup-only kinds not at all. The index's SQL builds its filter from this tuple, so the two
#: lookups cannot drift apart.
NOT_SEARCHED = ("synopsis", "genre", CREW, *LOOKUP_ONLY_KINDS)


class MemoryLookup:
    """Lookups answered by scanning rows built from an in-memory dataset.

    Rows are built on first use and only for the kinds asked about: looking a title up in a
    freshly parsed big dataset should not normalize every character and synopsis first.
    """

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._by_kind: dict[str, list[NameRow]] = {}
        self._all: list[NameRow] | None = None
        self._credits: dict[str, set[str]] | None = None
        self._cast_of: dict[str, set[str]] = defaultdict(set)

    def _kind(self, kind: str) -> list[NameRow]:
        if kind not in self._by_kind:
            if self._all is not None:
                self._by_kind[kind] = [r for r in self._all if r.kind == kind]
            else:
                self._by_kind[kind] = list(name_rows(self._dataset, (kind,)))
        return self._by_kind[kind]

    @property
    def rows(self) -> list[NameRow]:
        if self._all is None:
            self._all = list(name_rows(self._dataset))
        return self._all

    def _credit_map(self) -> dict[str, set[str]]:
        if self._credits is None:
            self._credits = defaultdict(set)
            for person_id, slug in credit_rows(self._dataset):
                self._credits[person_id].add(slug)
                self._cast_of[slug].add(person_id)
        return self._credits

    def exact(self, kind: str, key: str) -> list[NameRow]:
        return [r for r in self._kind(kind) if r.key == key]

    def containing(self, kind: str, key: str) -> list[NameRow]:
        return [
            r
            for r in self._kind(kind)
            if key in r.key and part_of_name(r.name, r.key, key, r.label)
        ]

    def names(self, kind: str) -> list[NameRow]:
        return list(self._kind(kind))

    def confirm_empty(self, would_match: Callable[[NameLookup], bool]) -> None:
        """Rows built from the parsed files need no second copy to check them against."""

    def keys_and_labels(self, kind: str) -> tuple[Sequence[str], Sequence[str]]:
        """Each key of one kind once, and its first label: what "Did you mean" chooses from."""
        pairs: dict[str, str] = {}
        for row in self._kind(kind):
            pairs.setdefault(row.key, row.label)
        return tuple(pairs), tuple(pairs.values())

    def spaced_keys(self, kind: str) -> Sequence[str]:
        """keys_and_labels' keys, each spaced where its names' words begin (KeysLookup)."""
        return word_keys(self._kind(kind))[1]

    def search_rows(self, key: str, words: Sequence[str]) -> list[NameRow]:
        found = [
            r
            for r in self.rows
            if (r.kind == "synopsis" and words and all(w in r.key for w in words))
            or (r.kind == "genre" and r.key == key)
            or (r.kind not in NOT_SEARCHED and key in r.key)
        ]
        return found

    def title_rows_holding(self, keys: Sequence[str]) -> list[NameRow]:
        """The title rows (titles, aliases, Korean titles) whose key holds every one of keys."""
        return [r for r in self._kind("show") if keys and all(k in r.key for k in keys)]

    def titles_of(self, person_id: str) -> set[str]:
        return set(self._credit_map().get(person_id, ()))

    def titles_of_people(self, person_ids: Iterable[str]) -> dict[str, set[str]]:
        credits = self._credit_map()
        return {p: set(credits[p]) for p in person_ids if p in credits}

    def verify(self) -> None:
        """Rows built in memory from the parsed files need no check (the index's do)."""

    def people_in(self, slugs: Iterable[str]) -> dict[str, set[str]]:
        self._credit_map()
        result: dict[str, set[str]] = defaultdict(set)
        for slug in slugs:
            for person_id in self._cast_of.get(slug, ()):
                result[person_id].add(slug)
        return dict(result)


#: The kinds of name whose keys the index keeps in one checksummed row each (KeysLookup):
#: every kind a lookup by key can ask for: the names themselves and the lookup-only kinds.
KEYED_KINDS = ("show", "person", *LOOKUP_ONLY_KINDS)


def word_keys(rows: Iterable[NameRow]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each key of the rows once, and beside it the key spaced where a word of any of its names
    begins (``spaced``; a name as fans type it, by its own words: _text_keyed): what a partial
    match needs to know of a name. A slug is read by its own words here (no label is given),
    as the index's copy of the keys has always been written. A key that is only a slug or a
    person's id is found whole, never in part (answers.finding._candidates): its spaced key is
    empty, which no part of a name matches (KeysLookup)."""
    names: dict[str, list[str]] = {}
    for row in rows:
        texts = names.setdefault(row.key, [])
        if row.how not in WHOLE_ONLY:
            texts.append(_text_keyed(row.name, row.key))
    spaced_keys = tuple(
        ""
        if not found
        else text
        if (text := spaced(found)).replace(" ", "").replace("-", "") == key
        else key
        for key, found in names.items()
    )
    return tuple(names), spaced_keys


class KeysLookup:
    """Exact and containing lookups over bare keys, with their word starts (``word_keys``):
    enough to ask whether any name *would* match, which is all a check of an empty answer
    needs. Each kind's keys are fetched (by ``keys_of``) only when asked about, and the spaced
    keys (by ``spaced_of``, parallel to them) only when a key matches."""

    def __init__(
        self,
        keys_of: Callable[[str], Sequence[str]],
        spaced_of: Callable[[str], Sequence[str]],
    ) -> None:
        self._keys_of = keys_of
        self._spaced_of = spaced_of
        self._keys: dict[str, Sequence[str]] = {}

    def _of(self, kind: str) -> Sequence[str]:
        if kind not in self._keys:
            self._keys[kind] = self._keys_of(kind)
        return self._keys[kind]

    def exact(self, kind: str, key: str) -> list[NameRow]:
        bare = self._of(kind)
        if key not in bare:
            return []
        return [NameRow(kind, "", "", "", self._spaced_of(kind)[bare.index(key)], key)]

    def containing(self, kind: str, key: str) -> list[NameRow]:
        found = [(index, k) for index, k in enumerate(self._of(kind)) if key in k]
        if not found:
            return []
        spaced = self._spaced_of(kind)
        return [
            NameRow(kind, "", "", "", spaced[index], k)
            for index, k in found
            if spaced[index] and starts_a_word(spaced[index], key)  # "": a slug or id alone
        ]


def lookup_of(dataset: Dataset) -> Lookup:
    """The dataset's lookups: the index's when it was opened from one, else built in memory on
    first use."""
    if dataset.lookup_table is None:
        dataset.lookup_table = MemoryLookup(dataset)
    return dataset.lookup_table  # type: ignore[no-any-return]

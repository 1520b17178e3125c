"""Search: the titles, people, characters, source works, genres and synopses a query finds,
best first (no printing)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from kdrama_cli.answers.spoilers import (
    character_hidden,
    credit_hidden,
    listed_by_name,
    listing_order,
    note_hidden,
    note_withheld,
)
from kdrama_cli.catalogue.models import (
    Credit,
    Dataset,
    Person,
    Show,
    ShowSummary,
    summaries_of,
)
from kdrama_cli.catalogue.names import (
    ALIAS,
    CREW,
    NETFLIX_TITLE,
    NameRow,
    character_label,
    facet_of_row,
    lookup_of,
    normalize,
)
from kdrama_cli.catalogue.printable import clean
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import (
    COMPOUND_GENRES,
    CREW_WORDS,
    canonical_value,
    value_matches,
)
from kdrama_cli.errors import command_line

if TYPE_CHECKING:
    from kdrama_cli.answers.finding import Match


class SearchResult(Record):
    #: 'title', 'person', 'character', 'source work'; while ranking, a title found by its
    #: genre or synopsis is 'genre' or 'synopsis' (_as_found makes it a 'title' in the answer).
    kind: str
    #: What to show: the title, the person's name, "Seong Gi-hun in Squid Game" ...
    label: str
    #: What matched, e.g. "character: Seong Gi-hun", "webtoon author: Joo Dong-geun".
    matched: str
    #: Where to go next: a show slug or a person id.
    target: str
    score: int
    #: For a character: who plays them (person id and name) and in which seasons.
    person: str | None = None
    actor: str | None = None
    seasons: tuple[int, ...] = ()
    #: For a title: the season the query named ("squid game 2"), which its command opens.
    season: int | None = None
    #: For a person found by their crew credits ('director', 'squid game director'): the
    #: capacity, and the slugs of the titles credited so, in the order ``matched`` names them.
    capacity: str | None = None
    slugs: tuple[str, ...] = ()


def _played_by(
    dataset: Dataset, result: SearchResult, row: NameRow, person_id: str, spoilers: bool = False
) -> SearchResult:
    """A character result with who plays them: the answer a fan searching a character wants.
    ``person_id`` is the one the result stands for (_players), named with the seasons of their
    credits ``row`` matched. A surprise cameo (answers.spoilers.credit_hidden) is not named
    without ``spoilers``."""
    credits = [c for c in _row_credits(dataset, row, spoilers) if c.person == person_id]
    person = dataset.people.get(person_id)
    if not credits or person is None:
        return result
    # One actor may hold a character over several credits (a cameo, then the lead).
    seasons = sorted({n for c in credits for n in c.seasons})
    return result._replace(person=person.id, actor=person.name, seasons=tuple(seasons))


def _row_credits(dataset: Dataset, row: NameRow, spoilers: bool) -> list[Credit]:
    """The listed credits a character row stands for: those of its character (its label) with
    the name that matched, or with the note that matched where the page shows that note (not
    withheld as flagged). Many credits may share a label and a note: Single's Inferno's
    contestants are each "Herself" or "Himself", noted "Season 5 contestant."."""
    show = dataset.shows.get(row.target)
    if show is None:
        return []

    def matched(credit: Credit) -> bool:
        if row.how == "cast note":
            return credit.note == row.name and not note_withheld(credit, spoilers)
        return row.name in (credit.character, credit.character_hangul)

    return [
        c
        for c in show.cast
        if matched(c) and character_label(show, c) == row.label and not credit_hidden(c, spoilers)
    ]


class _Listed(Record):
    """A credit with its title and person, as answers.spoilers.listing_order orders them."""

    show: Show
    credit: Credit
    person: Person


def _players(dataset: Dataset, row: NameRow, spoilers: bool) -> list[str]:
    """Whom a character row's results stand for, one result each: for a note, every person
    whose credit has it (a shared note is not one result that names one of them); for the
    character's name, the first who plays it, so that the name and a note of one part are one
    result. Nobody when no listed credit has it: a note withheld on the one credit of that part
    and shown on another part's is found as that other part, not as this one.

    A reality title's contestants share a name ("Black Spoon contestant", "Herself") and its
    file lists the winner first: there the name stands for everyone who has it, with or
    without ``spoilers``, as naming only the first would name the winner and leave out the
    rest."""
    credits = _row_credits(dataset, row, spoilers)
    show = dataset.shows.get(row.target)
    if row.how == "cast note":
        pass
    elif show is not None and any(listed_by_name(show, c, spoilers=False) for c in credits):
        listed = [
            _Listed(show, c, person)
            for c in credits
            if (person := dataset.people.get(c.person)) is not None
        ]
        credits = [entry.credit for entry in listing_order(listed, spoilers)]
    else:
        credits = credits[:1]
    return list(dict.fromkeys(c.person for c in credits))


def _stem(word: str) -> str:
    """What every form _synopsis_matches reads a word in holds, to find the synopses it then
    checks: 'zombies' -> 'zombie', 'classes' -> 'class', 'stories' and 'story' -> 'stor'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3]
    if _y_plural(word):
        return word[:-1]
    if len(word) > 4 and word.endswith("es"):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _y_plural(word: str) -> bool:
    """Whether a word's plural ends in -ies: a consonant, then y ('story', 'spy'; not 'day')."""
    return len(word) > 2 and word.endswith("y") and word[-2] not in "aeiouy"


def _synopsis_words(words_asked: list[str], synopsis: str) -> list[str] | None:
    """The words of the synopsis that the query's words are, one for each, when every query
    word is a whole word of it, its plural or its singular ('zombie' finds "zombies",
    'zombies' "zombie", 'story' "stories"), in any order; a Hangul word may lie inside one
    (Korean attaches particles). Never the beginning of a longer word: a name typed whole,
    "gong yoo", must not find a synopsis for its Gongjin and Yoon Hye-jin (titles and names
    still match while being typed: answers.search). None when a word is not there."""
    from kdrama_cli.catalogue.folding import words

    have = words(synopsis)
    present = set(have)
    found: list[str] = []
    for q in words_asked:
        forms = [q, f"{q}s", f"{q}es", *_singulars(q)]
        if _y_plural(q):
            forms.append(f"{q[:-1]}ies")  # 'story' finds "stories"
        form = next((f for f in forms if f in present), None)
        if form is None and "\uac00" <= q[:1] <= "\ud7a3":
            form = next((w for w in have if q in w), None)
        if form is None:
            return None
        found.append(form)
    return list(dict.fromkeys(found))


#: Words that end in s without being a plural of the word less its s ('news' is not 'new's).
_NOT_PLURALS = frozenset({"news", "series", "species", "this", "always", "perhaps", "towards"})


def _singulars(word: str) -> list[str]:
    """The words a plural typed may be the plural of, to find a title, genre or synopsis by
    its singular: 'zombies' -> 'zombie', 'classes' -> 'class' (and 'classe'), 'stories' ->
    'story' (and 'storie', as 'rookies' is 'rookie'); none for a word that is no plural
    ('news', 'boss', 'virus', 'crisis')."""
    if len(word) <= 3 or not word.endswith("s") or word in _NOT_PLURALS:
        return []
    if word.endswith(("ss", "us", "is")) or not word.isascii():
        return []
    forms = [word[:-1]]
    if len(word) > 4 and word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        forms.append(word[:-2])  # 'classes', 'boxes', 'heroes'; never 'games' -> 'gam'
    if len(word) > 4 and word.endswith("ies"):
        forms.append(f"{word[:-3]}y")
    return forms


#: The most readings of a query with its plurals made singular that search looks up.
_MOST_SINGULAR_READINGS = 8


def _singular_readings(words: list[str]) -> list[str]:
    """The query read with each plural word made singular, every way it can be ('zombies' ->
    'zombie'; 'secret detectives' -> 'secret detective'); none when no word is a plural."""
    import itertools

    choices = [[w, *_singulars(w)] for w in words]
    if all(len(c) == 1 for c in choices):
        return []
    readings = (" ".join(r) for r in itertools.product(*choices))
    return list(
        itertools.islice((r for r in readings if r != " ".join(words)), _MOST_SINGULAR_READINGS)
    )


def _whole_words_in_a_row(query: str, name: str) -> bool:
    """Whether the query's words are whole words of the name, one after another: a plural
    made singular is a whole word ('zombies' is Zombie Detective's "zombie"), never the start
    of a longer one ('games' is not "gam", the start of "gambling")."""
    from kdrama_cli.catalogue.folding import words

    asked, have = words(query), words(name)
    return bool(asked) and any(
        have[i : i + len(asked)] == asked for i in range(len(have) - len(asked) + 1)
    )


#: The score of a title found by a plural made singular, by how well the singular matches
#: (whole name, its start, inside it): below every title that holds the word as typed, the
#: least of which scores 65 ('heroes': Hangeul Heroes, then Hero; 'detectives': Brave
#: Detectives, then Detective K). A source work found so ranks as far below it as a source
#: work found as typed ranks below a title.
_FOLDED_SCORES = {100: 64, 80: 63, 60: 62}


#: The kinds of name a plural typed finds by its singular: titles (and kinds of title),
#: source works and genres, and what a person's note says they are ('directors'), not people's
#: or characters' names, which are no English nouns.
_FOLDED_KINDS = ("show", "work", "genre", "facet", "person-note")


def _score(key: str, text: str) -> int:
    """How well a normalized query matches a name: exact, prefix, inside, every word."""
    name = normalize(text)
    if not name:
        return 0
    if name == key:
        return 100
    if name.startswith(key):
        return 80
    if key in name:
        return 60
    return 0


_RESULT_KIND = {
    "show": "title",
    "genre": "genre",
    "synopsis": "synopsis",
    "person": "person",
    "person-note": "person",
    "character": "character",
    "work": "source work",
    "work-author": "source work",
    "facet": "title",
}
#: Titles and people rank above characters and source works that match as well.
_BONUS = {"show": 5, "person": 3, "work-author": -2}


#: A search result's identity: its kind, target and label, and for a character who plays it.
_Identity = tuple[str, str, str, str]


class SearchAnswer(Record):
    results: list[SearchResult]
    #: Results left out because they matched only through a note flagged as a spoiler.
    hidden: int = 0
    #: How many results there are before the limit (its page says what the limit cut).
    total: int = 0
    #: When nothing matched: the titles `kdrama show QUERY` suggests ("Did you mean The
    #: Glory?" for 'glory 2'), else the people `kdrama person QUERY` does ('ryu jun-yoel'),
    #: which the empty page names too.
    nearest: tuple[str, ...] = ()
    #: When nothing matched but the query asks what another command answers: what it asks
    #: and that command ("Squid Game's cast", "kdrama cast squid-game"), for 'squid game cast',
    #: two people ('hyun bin son ye-jin': path), a person and a title, or two titles.
    instead: tuple[str, str] | None = None


#: A title whose words the query names with others between them ('detectives trade secret'
#: for 'Detectives: The Trade Secret'): below a title the query's words name in a row (60 and
#: up, with the title's bonus), above a synopsis that holds them (30).
_WORDS_APART = 55


def _titles_by_their_words(dataset: Dataset, words: list[str], query: str) -> list[NameRow]:
    """Title rows whose words the query's two or more words are, in order, with other words
    between: what a fan types leaving out 'the', 'of' or a colon's part. Each word but the
    last is a whole word of the title; the last may be cut short while being typed. Only the
    titles holding every query word of three letters or more are read (the index finds them
    by those words), so a query of short words alone ('a b') asks for none."""
    from kdrama_cli.catalogue.folding import matches_words_skipping

    keys = [w for w in words if len(w) >= 3]
    if len(words) < 2 or not keys:
        return []
    return [
        row
        for row in lookup_of(dataset).title_rows_holding(keys)
        if row.how not in ("slug", "id") and matches_words_skipping(query, row.name)
    ]


def search(
    dataset: Dataset, query: str, limit: int | None = None, spoilers: bool = False
) -> list[SearchResult]:
    """One ranked list across titles, people, characters, source works, genres and synopses."""
    return search_answer(dataset, query, limit, spoilers).results


#: A person found by what their note says they are ('bts': "Member of BTS"): below a title
#: whose words are apart (55), a genre (50) and a platform (45), above a character's note (35).
_PERSON_NOTE = 40

#: The shortest word typed alone that finds a cast note by its start, as while typing ("detec").
_NOTE_PREFIX = 3

#: A person whose note holds every word of a query of several, in another order or apart
#: ('bts member' for "Member of BTS"): below a note that holds them in a row (40) and a
#: plural made singular there (39), above a character's note (35).
_NOTE_WORDS_APART = 38


#: English words that join others and say nothing of their own ('the director', 'member of
#: bts'): no note is found for holding them apart (_notes_holding_the_words).
_LITTLE_WORDS = frozenset(
    ("the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from")
)

#: A bracketed part of a note: the works it lists ("Film director (Good News)").
#: The innermost: a bracket inside one ("(Love (ft. Marriage and Divorce) seasons 1 and 2)")
#: is taken off first, then the one around it (_without_brackets).
_BRACKETS = re.compile(r"\([^()]*\)")


def _without_brackets(note: str) -> str:
    """A note's words outside its brackets (_BRACKETS), which list works, however deep they
    nest: the innermost are taken off until none is left, so the end of an outer bracket
    (", Chicken Nugget)") is never read as the note's own words."""
    while True:
        bare = _BRACKETS.sub(" ", note)
        if bare == note:
            return bare
        note = bare


def _notes_holding_the_words(dataset: Dataset, query: str) -> list[NameRow]:
    """The clauses of people's notes that hold each word of a query of two or more as a whole
    word, its plural or its singular, in any order ('bts member', 'bts members' find "Member
    of BTS"), outside brackets: "Actor (Mr. Sunshine, Squid Game)" lists works, and 'squid
    game actors' asks for a cast (cast_asked), not for him. Only the notes holding the stem
    of its longest word from a word's start are read (the index finds them by it)."""
    from kdrama_cli.catalogue.folding import words

    # 'the director' asks for a director: "the" is no word a note must hold (nor are 'of the'
    # words of any note worth finding), so the little words are left out, and the rest must
    # still be two words or more (one word alone is found in a row, above)
    asked = [w for w in dict.fromkeys(words(query)) if w not in _LITTLE_WORDS]
    if len(asked) < 2:
        return []
    found = []
    for row in lookup_of(dataset).containing("person-note", _stem(max(asked, key=len))):
        have = set(words(_without_brackets(row.name)))
        if all(any(form in have for form in (w, f"{w}s", *_singulars(w))) for w in asked):
            found.append(row)
    return found


#: A person credited in the capacity the query is the word for ('director'): above a name
#: that begins with the word (a character called "Director Choi", 80, a title 85), below one
#: that is the word whole. Most credited in that capacity first (_crew_credited).
_CREW_CREDITED = 90
#: A person whose note holds that word (a director the catalogue credits with no title): below
#: those it credits, above a character called "Director Choi" (80), below a title that begins
#: with the word (85).
_NOTE_OF_CAPACITY = 84


#: The words before a crew word that make it screen work: "Film director", "Television
#: writer", "Novelist and film director" (_names_the_capacity).
_SCREEN_WORDS = frozenset(
    ("film", "films", "movie", "television", "tv", "drama", "series", "screen")
)
#: The words joined to a crew word that leave it the same job: "Co-director", "Producer-director".
_SAME_JOB = frozenset(("co", "producer"))
#: Words of a note that say the job is of another kind of work than a screen's: "Creator of
#: the Naver webtoon …", "director of research" (_names_the_capacity).
_OTHER_WORK = frozenset(
    ("webtoon", "webtoons", "novel", "novels", "comic", "comics", "manhwa", "music", "research")
)


def _names_the_capacity(
    note: str, key: str, reading: str | None, whole: Callable[[], str] = str
) -> bool:
    """Whether a clause of a person's note says they work in the crew capacity asked for, so
    it ranks over a character called "Director Choi" (_NOTE_OF_CAPACITY). The simplest honest
    rule, on the words outside brackets: the word asked comes right after a word of screen
    work ("Film director", "Television writer"); or it opens the clause, alone or joined
    ("Director", "Director of the Netflix series …", "Co-director", "Producer-director"), and
    no other kind of work is named, by the clause ("Creator of the Naver webtoon …") or, for a
    clause naming no screen work, by the rest of the note (``whole``, asked only then:
    "Webtoon artist; creator of Taekbaegisa (Delivery Knight)" made a webtoon, not the series
    of that name). A note that merely holds the word says another job ("Australian director
    of research", "music director", "Webtoon writer") and ranks as any note does."""
    from kdrama_cli.catalogue.folding import words

    said = words(_without_brackets(note))
    forms = {key, *([normalize(reading)] if reading else [])}
    other_work = not _OTHER_WORK.isdisjoint(said)
    screen = not _SCREEN_WORDS.isdisjoint(said)
    for at, word in enumerate(said):
        if word not in forms:
            continue
        before = said[at - 1] if at else None
        if before in _SCREEN_WORDS:
            return True
        if other_work or not (before is None or (before in _SAME_JOB and at == 1)):
            continue
        if screen or _OTHER_WORK.isdisjoint(words(_without_brackets(whole()))):
            return True
    return False


def _note_of(dataset: Dataset, person_id: str) -> str:
    """A person's whole note ('' for none), of which a note row is one clause."""
    person = dataset.people.get(person_id)
    return (person.note or "") if person is not None else ""


def _crew_credited(dataset: Dataset, key: str) -> dict[str, tuple[SearchResult, NameRow, int]]:
    """When the query is a word for a crew capacity ('director', '작가'), each person the
    catalogue credits so, by id: their result, saying the titles ("director: Hellbound,
    Train to Busan and 5 more", in prominence_order), and how many titles credit them so. A
    note saying someone directs finds only those whose note says so (and not Squid Game's
    Hwang Dong-hyuk), and a character called "Director Choi" is not the director a fan asks
    for."""
    from kdrama_cli.catalogue.wording import first_few

    capacity = CREW_WORDS.get(key)
    if capacity is None:
        return {}
    slugs: dict[str, list[str]] = {}
    first: dict[str, NameRow] = {}
    for row in lookup_of(dataset).exact(CREW, capacity):
        slugs.setdefault(row.target, []).append(row.name)
        first.setdefault(row.target, row)
    listing = _listing(dataset) if slugs else {}
    found = {}
    for person, credited in slugs.items():
        ordered = prominence_order(listing, credited)
        named = [clean(listing[slug].title) for slug in ordered]
        result = SearchResult(
            "person",
            first[person].label,
            f"{capacity}: {first_few(named, 2)}",
            person,
            _CREW_CREDITED,
            capacity=capacity,
            slugs=tuple(ordered),
        )
        found[person] = (result, first[person], len(ordered))
    return found


#: A person the query names as the crew of a title ('squid game director') or by a crew
#: word and part of their name ('director yeon'): what the query asks for, above any name
#: that merely begins with its words (a title, 85 and up), in the title's own order.
_CREW_READ = 96

#: For a title named whole that credits no one in the capacity asked ('hellbound creator'):
#: its other crew, or the title and why it has none, below a note that holds the whole query
#: in a row (40: "Webtoon creator of Lookism" is what 'creator of lookism' asks), above one
#: holding its words apart (38).
_CREW_NOT_CREDITED = 39


class CrewReading(Record):
    """How a crew word beside a title or part of a name reads (crew_reading): the one reading
    search ranks by, person opens by, show opens the title by and the commands listing no
    crew name in their miss."""

    #: The capacity asked for: 'director', 'writer' or 'creator'.
    capacity: str
    #: The words beside the crew word ('squid game', 'yeon').
    words: str
    #: The slugs of the titles the words name whole (several share a name); () when they name
    #: none and are read as part of credited people's names.
    titles: tuple[str, ...]
    #: The people the reading finds, in the order search lists them: a title's crew in its
    #: order; the people of that name, most credited first. For a title crediting no one in
    #: the capacity, its other crew (``credited`` False); for one with no crew, the title
    #: itself (a result of kind "title" saying why).
    found: tuple[SearchResult, ...]
    #: Whether ``found`` are credited in the capacity asked.
    credited: bool = True

    @property
    def people(self) -> tuple[SearchResult, ...]:
        return tuple(result for result in self.found if result.kind == "person")


def crew_reading(dataset: Dataset, query: str) -> CrewReading | None:
    """What a crew word beside other words asks (answers.finding.crew_word_split): beside the
    whole name of a title ('squid game director', 'writers of kingdom', '감독 오징어 게임', an
    alias, a slug, a romanisation), the title's people credited so, in its order ("director
    of Squid Game"), else its other crew or why it has none; beside words that name no title
    whole, the people credited so whose name they begin ('director yeon', 'kim eun-sook
    writer'), as the crew word alone finds them (_crew_credited). Words that only begin,
    hold or sound like a title ('film director', 'main writer', 'hospital director') are no
    title: None, unless they begin a credited name. None too for a query that is itself a
    title's or a person's name ('The Writer' would be; 백 감독 is Baek Jong-yeol's alias).
    A crew word with its courtesy or typed against a name ('오징어 게임 감독님', '황동혁감독')
    is read as the crew word (answers.finding.courtesy_dropped)."""
    from kdrama_cli.answers.finding import (
        WHOLE,
        Ambiguous,
        LookupError_,
        closeness,
        courtesy_dropped,
        crew_word_split,
        find_show,
        whole_person,
    )

    asked = crew_word_split(query)
    if asked is None and (bare := courtesy_dropped(query)) is not None:
        asked = crew_word_split(bare)
    if asked is None:
        return None
    capacity, rest = asked
    try:
        find_show(dataset, query, suggestions=False)
    except LookupError_:
        pass
    else:
        return None
    if whole_person(dataset, query) is not None:
        return None
    try:
        match = find_show(dataset, rest, suggestions=False, within=WHOLE)
        shows = [match.show] if closeness(match) == WHOLE else []
    except Ambiguous as many:  # two titles of one name: the crew of each
        whole = many.closeness == WHOLE
        shows = [
            dataset.shows[slug] for slug, _ in many.candidates if whole and slug in dataset.shows
        ]
    except LookupError_:
        shows = []
    titles = tuple(show.slug for show in shows)
    if not shows:
        credited = _crew_named(dataset, capacity, rest)
        if not credited:
            return None
        ranked = sorted(credited.values(), key=lambda found: (-found[2], found[0].label))
        return CrewReading(capacity, rest, (), tuple(result for result, _, _ in ranked))
    found = _crew_of_titles(dataset, shows, capacity, _CREW_READ)
    if found or len(shows) > 1:
        return CrewReading(capacity, rest, titles, tuple(found))
    show = shows[0]
    # 'hellbound creator': none credited so, the title's crew that is, and why
    others = _crew_of_titles(dataset, shows, None, _CREW_NOT_CREDITED)
    said = f"the catalogue credits no {capacity}"
    if others:
        listed = tuple(r._replace(matched=f"{r.matched} ({said})") for r in others)
        return CrewReading(capacity, rest, titles, listed, credited=False)
    why = f"title: {clean(show.title)}; {_no_crew(show, capacity)}"
    row = SearchResult("title", show.title, why, show.slug, _CREW_NOT_CREDITED)
    return CrewReading(capacity, rest, titles, (row,), credited=False)


def crew_said(reading: CrewReading, query: str, command: str) -> str | None:
    """What a command about a title says of a query asking for its crew ('squid game
    director' to cast, chart, similar ...), which it does not show: who that is, with their
    page, or, for several, the search that lists each with theirs. None for any other
    reading (crew_reading)."""
    from kdrama_cli.catalogue.wording import first_few

    people = reading.people if reading.titles else ()
    if not people:
        return None
    # compare has rows of the titles' directors and writers: what it lacks is a person to compare
    said = (
        "kdrama compare compares titles, not people"
        if command == "compare"
        else f"kdrama {command} lists no crew"
    )
    if len(people) == 1:
        one = people[0]
        return f"{said}; {one.label}, {one.matched}: {command_line(f'person {one.target}')}"
    from kdrama_cli.answers.finding import command_argument

    names = first_few([person.label for person in people], 3)
    search = command_line(f"search {command_argument(query)}")
    return f"{said}; {names}: {search} lists them with their pages"


def _crew_named(
    dataset: Dataset, capacity: str, words: str
) -> dict[str, tuple[SearchResult, NameRow, int]]:
    """The people credited in ``capacity`` whose name (or Hangul name, or another) the
    ``words`` begin, as _crew_credited gives them: 'director yeon' is Yeon Sang-ho."""
    from kdrama_cli.catalogue.folding import matches_words

    credited = _crew_credited(dataset, capacity)
    named = {
        row.target
        for row in lookup_of(dataset).search_rows(normalize(words), [])
        if row.kind == "person" and row.target in credited and matches_words(words, row.name)
    }
    return {
        person: (result._replace(score=_CREW_READ), row, count)
        for person, (result, row, count) in credited.items()
        if person in named
    }


def _crew_of_titles(
    dataset: Dataset, shows: Sequence[Show], capacity: str | None, score: int
) -> list[SearchResult]:
    """The people ``shows`` credit in ``capacity`` (None: in any, each with every capacity
    they hold there), one result each, in the titles' order and then each title's own:
    "director of Kingdom", "director of Queen of Tears and Queenmaker"."""
    from kdrama_cli.catalogue.wording import joined

    held: dict[str, list[Show]] = {}
    for show in shows:
        credited = (
            getattr(show, f"{capacity}s")
            if capacity
            else (*show.creators, *show.directors, *show.writers)
        )
        for person in dict.fromkeys(credited):
            if person in dataset.people and show not in held.get(person, []):
                held.setdefault(person, []).append(show)
    found = []
    for person, titles in held.items():
        said = capacity or joined(list(titles[0].crew_of(person)))
        named = joined([clean(show.title) for show in titles])
        slugs = tuple(show.slug for show in titles)
        name = dataset.people[person].name
        found.append(
            SearchResult(
                "person",
                name,
                f"{said} of {named}",
                person,
                score,
                capacity=capacity or titles[0].crew_of(person)[0],
                slugs=slugs,
            )
        )
    return found


def _no_crew(show: Show, capacity: str) -> str:
    """Why a title's crew names no one in ``capacity``: its entry holds only Netflix's record,
    no source names its crew (its own words), or it credits others only."""
    if show.netflix_only:
        return "the catalogue holds only Netflix's record of it, no crew"
    if show.crew_unknown and not (show.directors or show.creators):
        return f"no {capacity} is named: {show.crew_unknown}"
    return f"the catalogue credits no {capacity} of it"


def _listing(dataset: Dataset) -> dict[str, ShowSummary]:
    """Every title's summary by slug (the catalogue listing: no title is read in full)."""
    return {summary.slug: summary for summary in summaries_of(dataset)}


def prominence_order(listing: Mapping[str, ShowSummary], slugs: Iterable[str]) -> list[str]:
    """``slugs`` (once each; those the listing lacks left out) as a crew result names them:
    by Netflix prominence, the title a viewer most likely knows the person by, measured as
    the most hours Netflix's files count for it by either of its measures: the weeks its
    weekly global Top 10 counted, or its half-year engagement reports (from 2023), which
    cover the titles from before the Top 10 began in June 2021 (Kingdom, Train to Busan) and
    are of the same unit; each is a floor of the hours watched, so the larger is the fairer.
    Then the titles in neither, newest first; then by title. The data file's order says
    nothing, and a layer adding a title must not reorder the rest."""
    held = [slug for slug in dict.fromkeys(slugs) if slug in listing]
    return sorted(
        held,
        key=lambda slug: (
            -max(listing[slug].top10_hours or 0, listing[slug].engagement_hours or 0),
            -(listing[slug].year or 0),
            listing[slug].sort_key,
            slug,
        ),
    )


def _adapted_from_rows(dataset: Dataset, query: str) -> list[tuple[NameRow, str]]:
    """For another word for a kind of source work (vocab.SOURCE_KIND_WORDS: '웹툰', '웹소설',
    '소설'), the rows "adapted from a webtoon" of the titles adapted from that kind, or from
    one it holds (a web novel is a novel, as `list --adapted-from novel` finds it), each with
    the kind's words; none for the kind's own words, which the query finds as typed."""
    from kdrama_cli.catalogue.vocab import (
        SOURCE_KINDS,
        broader_value,
        source_kind_words,
        with_article,
    )

    meant = canonical_value("adapted-from", query)
    if meant == query or meant not in SOURCE_KINDS:
        return []
    kinds = [meant, *(k for k in SOURCE_KINDS if broader_value("adapted-from", k) == meant)]
    found = []
    for said in filter(None, map(source_kind_words, kinds)):
        how = f"adapted from {with_article(said)}"  # not a film's "kind: film" row
        found += [
            (row, said)
            for row in lookup_of(dataset).exact("facet", normalize(said))
            if row.how == how
        ]
    return found


def _compound_genre_rows(dataset: Dataset, genre: str, rows: Sequence[NameRow]) -> list[NameRow]:
    """For a genre made of two (vocab.COMPOUND_GENRES: a romantic comedy), a genre row for
    each title tagged with both and not with the genre itself, as `list --genre` finds them:
    'rom-com' found the 8 titles tagged "romantic comedy" and not Crash Landing on You."""
    key = normalize(genre)
    parts = next((p for name, p in COMPOUND_GENRES.items() if normalize(name) == key), None)
    if parts is None:
        return []
    lookup = lookup_of(dataset)
    tagged = [
        {
            row.target: row
            for row in lookup.search_rows(normalize(part), [normalize(part)])
            if row.kind == "genre" and row.key == normalize(part)
        }
        for part in parts
    ]
    have = {row.target for row in rows if row.kind == "genre" and row.key == key}
    both = set(tagged[0]).intersection(*tagged[1:]) - have
    named = " and ".join(parts)
    return [
        row._replace(name=named, key=normalize(named))
        for target, row in tagged[0].items()
        if target in both
    ]


def search_answer(
    dataset: Dataset, query: str, limit: int | None = None, spoilers: bool = False
) -> SearchAnswer:
    """search's results, and how many it left out as spoilers: a cast note flagged as one
    ("Winner of season 2.") is neither matched nor shown unless ``spoilers`` (answers.spoilers),
    as `show` hides it, nor the character of a surprise cameo, as `cast` hides its credit."""
    key = normalize(query)
    words = [w for w in (normalize(part) for part in query.split()) if w]
    if not key:
        return SearchAnswer([])
    from kdrama_cli.catalogue.folding import matches_words

    results: dict[_Identity, SearchResult] = {}
    rows_of: dict[_Identity, NameRow] = {}
    hidden: set[_Identity] = set()
    # For each title, the seasons its best-scoring names are of (None: the whole title's)
    seasons_named: dict[_Identity, set[int | None]] = {}
    # Synopses are found by what every form of a word holds ('zombie' in "zombies"), then
    # kept only where a form stands whole (_synopsis_words).
    rows = list(lookup_of(dataset).search_rows(key, [_stem(w) for w in words]))
    meant = canonical_value("genre", query)
    if meant != query:  # 'sci-fi' finds the titles of "science fiction" by their genre too
        by_genre = lookup_of(dataset).search_rows(normalize(meant), [normalize(meant)])
        rows += [row for row in by_genre if row.kind == "genre"]
    rows += _compound_genre_rows(dataset, meant, rows)
    # A plural typed finds a title, a source work or a genre by its singular ('zombies':
    # Zombie Detective, and the genre zombie), as a synopsis is found by either.
    readings: list[tuple[NameRow, str | None]] = [(row, None) for row in rows]
    # Where a title or its source work came out, by the rule `list --platform` and
    # `--source-platform` use (vocab.value_matches): '넷플릭스', 'kakao page', and '다음웹툰'
    # for Misaeng's "Daum Webtoon (later Kakao Webtoon)".
    # Only the facet rows holding the name are read (a value or its bracketed variant holds
    # it): asking every kind of row, as the query itself was asked, cost 'zombie' 16 ms.
    for facet in ("platform", "source-platform"):
        named = normalize(canonical_value(facet, query))
        readings += [
            (row, named)
            for row in lookup_of(dataset).containing("facet", named)
            if facet_of_row(row) == facet and value_matches(facet, row.name, query)
        ]
    # A kind of source work by another word for it ('웹툰' is webtoon, '소설' a novel or a web
    # novel), as `list --adapted-from` takes it: the titles adapted from one.
    readings += [(row, kind) for row, kind in _adapted_from_rows(dataset, query)]
    for singular in _singular_readings(words):
        readings += [
            (row, singular)
            for row in lookup_of(dataset).search_rows(normalize(singular), [])
            if row.kind in _FOLDED_KINDS and _whole_words_in_a_row(singular, row.name)
        ]
    for row, reading in readings:
        if row.how in ("slug", "id"):
            continue  # the title or name itself matches as well, in words a user knows
        if row.kind == "genre":
            score, matched = 50, f"genre: {row.name}"
        elif row.kind == "synopsis":
            found_words = _synopsis_words(words, row.name)
            if found_words is None:
                continue
            # The words it holds, as the Kind column says it is a synopsis: "synopsis: zombie"
            # for 'zombies' says the singular was found.
            score, matched = 30, f"synopsis: {', '.join(found_words)}"
        elif reading is None and not matches_words(query, row.name):
            continue  # the key was found only by joining words of the name
        elif row.kind == "facet":
            score, matched = (
                45,
                f"{row.how}: {row.name}" if row.how in ("platform", "kind") else row.how,
            )
        elif row.kind == "person-note":
            # What a person's entry says they are ("Member of BTS"): below every name that
            # holds the query, above a character's note and a synopsis. Its words are whole
            # words there, as a plural's singular is ('zombie' is no producer of Zombieverse).
            if not _whole_words_in_a_row(reading or query, row.name):
                continue
            # (a plural made singular, one below: 'directors' finds a director's note so)
            score, matched = _PERSON_NOTE - (reading is not None), f"{row.how}: {row.name}"
            if key in CREW_WORDS and _names_the_capacity(
                row.name, key, reading, functools.partial(_note_of, dataset, row.target)
            ):
                score = _NOTE_OF_CAPACITY  # 'director': a person said to direct, over a character
        elif row.how == "cast note" and normalize(row.name) != key:
            # A word in a note about a character ("a webtoon artist") is a weak hit; one or
            # two letters typed alone are not yet a word there: 'ab' is the start of "about"
            # and "abandoned" in note after note, and 'a' a word of hundreds, so they find no
            # note by a word in it ('player 45', a word before them, still finds "Player 456.").
            if len(words) == 1 and len(words[0]) < _NOTE_PREFIX:
                continue
            score, matched = 35, f"{row.how}: {row.name}"
        else:
            if reading is None:
                score = _score(key, row.name) + _BONUS.get(row.kind, 0)
            else:  # below the titles holding the word as typed
                score = _FOLDED_SCORES.get(_score(normalize(reading), row.name), 0)
                score += _BONUS.get(row.kind, 0) - _BONUS["show"]
            matched = row.how if row.kind == "work-author" else f"{row.how}: {row.name}"
        if score <= 0:
            continue
        kind = _RESULT_KIND[row.kind]
        spoiler = row.kind == "character" and _spoiler_row(dataset, row)
        identities = _identities(dataset, row, kind, spoilers or spoiler)
        if spoiler:
            if not spoilers:
                hidden.update(identities)
                continue
            matched = matched.replace(row.how, f"{row.how} (spoiler)", 1)
        for identity in identities:
            best = results.get(identity)
            if best is None or score > best.score:
                results[identity] = SearchResult(kind, row.label, matched, row.target, score)
                rows_of[identity] = row
                seasons_named[identity] = {_season_named(dataset, row)}
            elif score == best.score and identity in seasons_named:
                seasons_named[identity].add(_season_named(dataset, row))
    for row in _notes_holding_the_words(dataset, query):
        identity = ("person", row.target, row.label, "")
        best = results.get(identity)
        if best is None or best.score < _NOTE_WORDS_APART:
            matched = f"{row.how}: {row.name}"
            results[identity] = SearchResult(
                "person", row.label, matched, row.target, _NOTE_WORDS_APART
            )
            rows_of[identity] = row
    crew = _crew_credited(dataset, key)
    crew_read = crew_reading(dataset, query)
    read = crew_read.found if crew_read is not None else ()
    # what a crew word beside a title or part of a name asks for: in the title's order, or
    # the most credited of that name first
    place = {result.target: at for at, result in enumerate(read)}
    for result in read:
        identity = (
            ("show", result.target, "", "")
            if result.kind == "title"
            else ("person", result.target, result.label, "")
        )
        best = results.get(identity)
        if best is not None and best.score > result.score:
            continue  # a whole note for the query ('creator of lookism') over a title's crew
        results[identity] = result  # (rows_of is read for a character only)
        seasons_named.pop(identity, None)
    for person, (result, row, _) in crew.items():
        identity = ("person", person, result.label, "")
        best = results.get(identity)
        if best is None or best.score < result.score:
            results[identity] = result
            rows_of[identity] = row
            seasons_named.pop(identity, None)
    for identity, of_seasons in seasons_named.items():
        season = next(iter(of_seasons)) if len(of_seasons) == 1 else None
        if season is not None:  # 'class 2': Weak Hero by its season 2's alias opens season 2
            results[identity] = results[identity]._replace(season=season)
    for row in _titles_by_their_words(dataset, words, query):
        for identity in _identities(dataset, row, "title", spoilers):
            best = results.get(identity)
            if best is None or best.score < _WORDS_APART:  # a title over its synopsis
                results[identity] = SearchResult(
                    "title", row.label, f"{row.how}: {row.name}", row.target, _WORDS_APART
                )
                rows_of[identity] = row
    opened, lacks_season = _title_show_opens(dataset, query)
    if opened is not None:
        found = results.get(("show", opened.target, "", ""))
        if found is None or lacks_season:  # why not that season, beside the title
            results[("show", opened.target, "", "")] = opened
        elif opened.season is not None:  # an alias that is a season's title: "hospital playlist 2"
            results[("show", opened.target, "", "")] = found._replace(season=opened.season)
    # After the title show opens, which ranks in its own tier: what is found only respelled
    # comes below the names that hold the query as typed.
    for identity, result, row in _respelled(dataset, query, results):
        results[identity] = result
        rows_of[identity] = row
    # Within a tier people go most credited first, as the ambiguity lists rank them (the one a
    # fan most likely means: 이정 is Lee Jung-jae before Lee Jeong-hyo), then by name. Results of
    # one label (each contestant "Herself") go by person id, which tells nothing.
    credits = _credit_counts(dataset, [r.target for r in results.values() if r.kind == "person"])
    ranked = sorted(
        results.items(),
        key=lambda item: (
            -item[1].score,
            item[1].kind,
            # a title's crew asked for: in its order; a crew capacity asked for ('director'):
            # the most credited in it first
            place.get(item[1].target, 0) if item[1].kind == "person" else 0,
            -crew[item[1].target][2] if item[1].kind == "person" and item[1].target in crew else 0,
            -credits.get(item[1].target, 0) if item[1].kind == "person" else 0,
            item[1].label,
            item[0][3],
        ),
    )
    total = len(ranked)
    if limit:
        ranked = ranked[:limit]
    listed = [
        _played_by(dataset, result, rows_of[identity], identity[3], spoilers)
        if result.kind == "character"
        else _as_found(result)
        for identity, result in ranked
    ]
    left_out = len(hidden - results.keys())
    if total or left_out:
        return SearchAnswer(listed, left_out, total)
    from kdrama_cli.answers.finding import character_in_title, courtesy_dropped, particle_dropped

    # a name with a courtesy or 배우 beside it ('배우 이정재', '연상호 감독님'), or a Korean
    # particle or the words for their titles after it ('박보검이', '이정재 나온 드라마'), as
    # person reads it
    for bare in (
        courtesy_dropped(query),
        *particle_dropped(query, person=True),
        _question_asked(dataset, query),  # 'who directed squid game', 'han so-hee dramas'
    ):
        if bare is None:
            continue
        courteous = search_answer(dataset, bare, limit, spoilers)
        if courteous.results or courteous.hidden:
            return courteous

    instead = (
        cast_asked(dataset, query)
        or _two_names(dataset, query)
        or character_in_title(dataset, query)  # 'gi-hun squid game': who plays them
    )
    nearest = () if instead else _titles_show_suggests(dataset, query)
    if not nearest and not instead:
        nearest = _people_person_suggests(dataset, query)
    return SearchAnswer(listed, left_out, total, nearest, instead)


def _people_person_suggests(dataset: Dataset, query: str) -> tuple[str, ...]:
    """The people `kdrama person QUERY`'s miss suggests, for a search that found nothing and
    no title to suggest: 'ryu jun-yoel' said only "try fewer words", while person's miss
    offers Ryu Jun-yeol, and every miss of a lookup sends the person to search."""
    from kdrama_cli.answers.finding import LookupError_, NotFound, find_person

    try:
        find_person(dataset, query)
    except NotFound as miss:
        return tuple(miss.suggestions)
    except LookupError_:
        pass
    return ()


class TitleFound(Record):
    """What tells a title found from another of its name in a list of results (a making-of
    from the show): its kind, its year (None: not out, or no source dates it) and, for a
    title held only as Netflix's record, the year Netflix released it (`kdrama show`'s "on
    Netflix since 2025")."""

    kind: str
    year: int | None
    netflix_since: int | None = None


def titles_found(dataset: Dataset, results: Sequence[SearchResult]) -> dict[str, TitleFound]:
    """The kind and year of each title among ``results``, by slug, from the catalogue listing
    (the index keeps it apart: no researched title's seasons or cast is read; a record of
    Netflix's alone is small)."""
    wanted = {result.target for result in results if result.kind == "title"}
    found: dict[str, TitleFound] = {}
    for summary in summaries_of(dataset) if wanted else ():
        if summary.slug not in wanted:
            continue
        since = None
        if summary.completeness == "netflix-only" and summary.year is None:
            when = dataset.shows[summary.slug].netflix_since
            since = when.year if when else None
        found[summary.slug] = TitleFound(summary.kind, summary.year, since)
    return found


def search_examples(dataset: Dataset) -> tuple[str, ...]:
    """Searches to offer before anything is typed, from the catalogue in use (a --data
    dataset's own, never a title it lacks): its most watched drama or film that lists a cast
    (by Top 10 hours, else the first by name), the lead billed first in it and the part they
    play, a title, a person and a character that search finds. A reality title is passed
    over: its cast's order may give a result away (answers.spoilers.listing_order). Just a
    title when none lists a lead; () for a catalogue with no title."""
    summaries = sorted(summaries_of(dataset), key=lambda s: (-(s.top10_hours or 0), s.sort_key))
    scripted = [s for s in summaries if s.kind in ("series", "film")]
    for summary in scripted[:_EXAMPLES_TRIED]:
        show = dataset.shows[summary.slug]
        for credit in show.cast:
            person = dataset.people.get(credit.person)
            if credit.role != "main" or person is None or credit_hidden(credit, spoilers=False):
                continue
            character = credit.character
            if character and character_hidden(show, character, spoilers=False):
                character = None
            found = (show.title, person.name, *([character] if character else []))
            return tuple(dict.fromkeys(found))
    return (summaries[0].title,) if summaries else ()


#: How many of the most watched titles search_examples looks in for a cast to name.
_EXAMPLES_TRIED = 20


def _as_found(result: SearchResult) -> SearchResult:
    """A result as the page and --json give it: of the kind of thing it is, a title found by
    its genre or synopsis being a title (its match says how: "genre: zombie"), so a script
    keeping the titles keeps them all. Ranking reads the finer kinds, before this."""
    if result.kind in ("genre", "synopsis"):
        return result._replace(kind="title")
    return result


#: A title or person found only by a name typed another way ('Yi Jung-jae', 'jigum uri
#: hakkyo') or by a title's Hangul initials: below a name that holds the query as typed,
#: above a synopsis that holds its words.
_RESPELLED = 50


def _respelled(
    dataset: Dataset, query: str, results: dict[_Identity, SearchResult]
) -> list[tuple[_Identity, SearchResult, NameRow]]:
    """The titles and the people `kdrama show` and `kdrama person` find by another spelling
    of their name or a title's initials, when search found none of that kind as typed: their
    misses send the user to search, and README offers those spellings ('Yi Jung-jae', 'Chung
    Hoyeon'), so search must not answer that nothing matches. Initials that match several
    titles ('ㅇㅈㅇ'), which show can only list in its error, are all listed here."""
    from kdrama_cli.answers.finding import how_respelled, respelled

    found: dict[_Identity, tuple[_Identity, SearchResult, NameRow]] = {}
    for table, kind in (("show", "title"), ("person", "person")):
        if any(result.kind == kind for result in results.values()):
            continue
        for row in respelled(dataset, table, query):
            if table == "show":
                identity: _Identity = ("show", row.target, "", "")
                show = dataset.shows[row.target]
                name = show.korean_title if row.kind == "show-initials" else row.name
                matched = f"{how_respelled(row)}: {name or row.name}"  # as _how_found says it
            else:
                identity = (kind, row.target, row.label, "")
                person = dataset.people[row.target]
                hangul = f" ({person.hangul})" if person.hangul else ""
                matched = f"another spelling of: {person.name}{hangul}"  # as a title says it
            score = _RESPELLED + _BONUS.get(table, 0)
            if table == "show" and _begun_by_sound(row, query):
                score = _RESPELLED  # below a person whose whole name it sounds: Paik Jong-won
            if identity not in found:
                result = SearchResult(kind, row.label, matched, row.target, score)
                found[identity] = (identity, result, row)
    return list(found.values())


def _begun_by_sound(row: NameRow, query: str) -> bool:
    """Whether a title's row matched only by the sound of the start of its name ('Baek
    Jong-won' begins 백종원의 레미제라블 by sound), not its whole name or its initials."""
    from kdrama_cli.catalogue.sounds import sound_key

    return row.kind != "show-initials" and sound_key(row.name) != sound_key(query)


#: Words a fan types after a title (and a possessive, "squid game's", '오징어 게임의') to ask
#: who is in it, or who its characters are (등장인물).
_CAST_WORDS = (
    r"(?:['’]s|의)?[\s:,-]+(?:the\s+)?"
    r"(?:cast(?:\s+list)?|actors|actresses|출연진|출연자|배우들?|캐스트|등장인물)$"
)


def _question_asked(dataset: Dataset, query: str) -> str | None:
    """The words a fan's whole question is asked around (answers.questions), as show and person
    read them, when they name a title or a person whole: a crew word beside a title's whole
    name ('who directed squid game': 'director of squid game'), a title's whole name with or
    without a season ('is there a season 3 of squid game'), a person's ('han so-hee dramas');
    None otherwise, so a question around part of a name finds nothing it would not."""
    from kdrama_cli.answers.finding import Match, named_whole
    from kdrama_cli.answers.questions import person_question_dropped, title_question

    question = title_question(query)
    if question is not None:
        reading = crew_reading(dataset, question.words)
        if (reading is not None and reading.titles) or isinstance(
            named_whole(dataset, question.words), Match
        ):
            return question.words
    bare = person_question_dropped(query)
    if bare is not None and isinstance(named_whole(dataset, bare), Person):
        return bare
    return None


def cast_words_dropped(query: str) -> str | None:
    """The words before a word for a title's cast that closes a query ('squid game cast' ->
    'squid game', '오징어 게임 출연진' -> '오징어 게임'); None when no such word closes it, or
    nothing is before it."""
    typed = query.strip()
    asked = re.search(_CAST_WORDS, typed, re.IGNORECASE)
    return (typed[: asked.start()].strip() or None) if asked else None


def cast_asked(dataset: Dataset, query: str) -> tuple[str, str] | None:
    """The title a query names followed by a word for its cast ('squid game cast', '오징어
    게임 출연진'), as `kdrama show` would find it; None when it is no such query, or the words
    before find no one title."""
    from kdrama_cli.answers.finding import LookupError_, find_show

    title = cast_words_dropped(query)
    if title is None:
        return None
    try:
        show = find_show(dataset, title, suggestions=False).show
    except LookupError_:
        return None
    return f"{clean(show.title)}'s cast", command_line(f"cast {show.slug}")


#: Two names are read in a query of at most this many words (a search of a sentence is none).
_TWO_NAMES_MAX_WORDS = 8


def _two_names(dataset: Dataset, query: str) -> tuple[str, str] | None:
    """What a query of two names asks, as the commands that answer it: two people are
    `kdrama path` between them ('현빈 손예진'), a person and a title the title's cast when it
    credits them ('lee jung jae squid game') and else the path between them, two titles
    `kdrama compare`. Each name must be a whole one (finding.named_whole); None otherwise."""
    from kdrama_cli.answers.finding import Match, named_whole

    words = query.split()
    if not 2 <= len(words) <= _TWO_NAMES_MAX_WORDS:
        return None
    for cut in range(1, len(words)):
        first = named_whole(dataset, " ".join(words[:cut]))
        second = named_whole(dataset, " ".join(words[cut:])) if first is not None else None
        if first is None or second is None:
            continue
        people = [n for n in (first, second) if isinstance(n, Person)]
        titles = [n.show for n in (first, second) if isinstance(n, Match)]
        if len(titles) == 2 and titles[0].slug != titles[1].slug:
            names = " and ".join(clean(t.title) for t in titles)
            compare = command_line(f"compare {titles[0].slug} {titles[1].slug}")
            return f"{names} side by side", compare
        if len(people) == 2 and people[0].id != people[1].id:
            names = " and ".join(clean(p.name) for p in people)
            return f"How {names} are connected", command_line(f"path {people[0].id} {people[1].id}")
        if len(people) == 1 and len(titles) == 1:
            person, show = people[0], titles[0]
            # A credit flagged as a spoiler (a secret cameo) is not given away here: path
            # keeps it hidden as it does everywhere.
            if any(c.person == person.id and not c.spoiler for c in show.cast):
                return (
                    f"{clean(person.name)} in {clean(show.title)}",
                    command_line(f"cast {show.slug}"),
                )
            names = f"{clean(person.name)} and {clean(show.title)}"
            return f"How {names} are connected", command_line(f"path {person.id} {show.slug}")
    return None


def _titles_show_suggests(dataset: Dataset, query: str) -> tuple[str, ...]:
    """The titles `kdrama show QUERY`'s miss suggests (answers.finding.find_show), for a
    search that found nothing: show's error sends the person to search, which must not then
    know less ('glory 2': The Glory; 'reply 88': Reply 1988). A year none of the titles of
    that name is from ('squid game 1999', 'physical 100 2025') suggests those titles, as
    show's error names them."""
    from kdrama_cli.answers.finding import (
        LookupError_,
        NoSuchYear,
        NotFound,
        crew_word_split,
        find_show,
    )

    asked = re.search(_CAST_WORDS, query.strip(), re.IGNORECASE)
    # '오징어 game cast': the title the words before a word for its cast are nearest to, and
    # 'squid gam director' the title beside the crew word
    before = query.strip()[: asked.start()].strip() if asked else ""
    crew = crew_word_split(query)
    beside = [word for word in (before, crew[1] if crew else "") if word]
    for words in (query, *beside):
        try:
            find_show(dataset, words)
        except NotFound as miss:
            if miss.suggestions:
                return tuple(miss.suggestions)
        except NoSuchYear as miss:
            shows = miss.shows[: NoSuchYear.NAMED]
            if len({show.title for show in shows}) == len(shows):
                return tuple(show.title for show in shows)
            # titles of one name (a layer's remake beside the shipped title): told apart as
            # show's error tells them, by slug and years
            return tuple(
                f"{show.title} ({show.slug}, {show.years or 'year unknown'})" for show in shows
            )
        except LookupError_:
            pass
    return ()


def _credit_counts(dataset: Dataset, people: list[str]) -> dict[str, int]:
    """How many titles credit each person: what ranks people in an ambiguity list too."""
    if not people:
        return {}
    return {p: len(slugs) for p, slugs in lookup_of(dataset).titles_of_people(people).items()}


def _identities(dataset: Dataset, row: NameRow, kind: str, spoilers: bool) -> list[_Identity]:
    """What a matched row is a result for, each keeping its best match: a title found by its
    name, genre or synopsis is one result; a character, one for each person it stands for
    (_players: a row hidden as a spoiler is keyed as --spoilers would list it, so that its
    character listed anyway is not counted as left out), or none; anything else, its target."""
    if kind in ("title", "genre", "synopsis"):
        return [("show", row.target, "", "")]
    if row.kind == "character":
        return [(kind, row.target, row.label, p) for p in _players(dataset, row, spoilers)]
    return [(kind, row.target, row.label, "")]


def _season_named(dataset: Dataset, row: NameRow) -> int | None:
    """The season a title's name that matched is the name of: a season's own alias ('Weak
    Hero Class 2'), or Netflix's title of a season (answers.finding.alias_season); None for
    a name of the whole title, or any other row."""
    if row.kind != "show" or row.how not in (ALIAS, NETFLIX_TITLE):
        return None
    from kdrama_cli.answers.finding import alias_season

    show = dataset.shows.get(row.target)
    return alias_season(show, row) if show is not None else None


def _spoiler_row(dataset: Dataset, row: NameRow) -> bool:
    """Whether a character row that matched is hidden without --spoilers: a cast note flagged
    as a spoiler, or a character only a surprise cameo plays (answers.spoilers)."""
    show = dataset.shows.get(row.target)
    if show is None:
        return False
    if row.how == "cast note":
        return note_hidden(show, row.name, spoilers=False)
    return character_hidden(show, row.name, spoilers=False)


#: The score of a title found only as `kdrama show` finds it (its Hangul initials, another
#: romanisation, a title with its season): as a name that starts with the query, with the
#: bonus of a title.
_AS_SHOW_FINDS = 80 + _BONUS["show"]


def _title_show_opens(dataset: Dataset, query: str) -> tuple[SearchResult | None, bool]:
    """The title `kdrama show QUERY` opens, when there is exactly one: every miss of a lookup
    says to try `kdrama search`, so search finds at least what show does, by the same keys
    (answers.finding.find_show), and says how it matched ("Korean initials: 지금 우리 학교는").
    When the words before a season find a title that lacks that season ('the glory season 2'),
    that title with why, and True: show's error points to search, which must not then give up."""
    from kdrama_cli.answers.finding import (
        WHOLE,
        LookupError_,
        NoSeasonOfYear,
        NoSuchSeason,
        closeness,
        find_show,
        person_named_over,
    )

    try:
        match = find_show(dataset, query, suggestions=False)
    except NoSuchSeason as miss:  # 'the glory season 2': the title, and why not that season
        if miss.match is None or not miss.reason:
            return None, False
        show = miss.match.show
        matched = f"{_how_found(miss.match)}; {miss.reason}"
        return SearchResult("title", show.title, matched, show.slug, _AS_SHOW_FINDS), True
    except NoSeasonOfYear as miss:  # 'squid game 2023': the title, and why not that year
        show = miss.show
        matched = f"title: {show.title}; {miss.reason}"
        return SearchResult("title", show.title, matched, show.slug, _AS_SHOW_FINDS), True
    except LookupError_:  # nothing, or several: search's own rows
        return None, False
    if closeness(match) != WHOLE and person_named_over(dataset, query, match) is not None:
        return None, False  # show says who the name is: the person ranks as closely as this
    show = match.show
    matched = _how_found(match)
    if match.season is not None and not _names_season(match.matched_name, match.season):
        matched += f", season {match.season}"
    if match.part is not None:  # 'the glory part 2': the season that part came out in
        matched += f" (part {match.part})"
    found = SearchResult(
        "title", show.title, matched, show.slug, _AS_SHOW_FINDS, season=match.season
    )
    return found, False


def _names_season(name: str, season: int) -> bool:
    """Whether a name a title was found by gives the season's number already ("Hospital
    Playlist: Season 2", "오징어 게임: 시즌2"), so the Matched cell need not say it again.
    Read as `kdrama show` reads a title with its season: a figure inside a name is not one
    ("1호가 될 순 없어", "방구석 1열"), nor a year (Netflix's "Men on a Mission: 2021")."""
    from kdrama_cli.answers.finding import season_in_name

    return season_in_name(name) == season


def _how_found(match: Match) -> str:
    """How `kdrama show` found a title, in the words of search's Matched column."""
    show = match.show
    if match.matched_by in ("slug", "id"):  # in words a user knows, as search's own rows are
        return f"title: {show.title}"
    if match.matched_by == "partial" and match.matched_name == show.slug:  # the same: its title
        return f"partial: {show.title}"
    if match.matched_by == "Korean initials":  # the initials were typed: name what they spell
        return f"{match.matched_by}: {show.korean_title or match.matched_name}"
    return f"{match.matched_by}: {match.matched_name}"

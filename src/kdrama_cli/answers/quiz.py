"""Trivia and quiz questions generated from the dataset (no printing).

A question is asked only when exactly one of its options is right according to the dataset, and
it carries the citations that make the answer true. Facts come only from the dataset: a question
that would need anything else (a gap filled, a figure guessed) is not asked.

How a quiz is put together (``make_questions``):

- **Kinds.** Every question belongs to one kind (``KINDS``): who plays a character, which
  character an actor plays, the source work and its author, the Korean title, the director or
  writer, the year, the network or platform, a Netflix figure compared within one window, and
  "which of these is not ...". Most of the catalogue is Netflix's record alone (a Korean title
  and figures), so picking a random *title* would ask almost nothing but those; the kind is
  picked first, uniformly among the kinds that can still ask, and then a title for it.
- **The cap.** No kind makes up more than 30% of a quiz (``KIND_SHARE``; at least one question
  of a kind is always allowed, so a quiz of three questions has three kinds). When the titles
  asked about cannot fill the quiz that way (``--show`` on a title with only Netflix figures),
  the cap is raised one question at a time, only once every kind that can still ask has reached
  it: the rest of the quiz is spread as evenly as possible over the kinds that are left.
- **No repeats.** No two questions share their text or the fact they test (who plays whom,
  asked both ways, is one fact). Over the whole catalogue each title is asked about once.
- **Options.** Four, one right (a figure compared between two or three titles has two or three).
  Distractors are drawn from the same pool as the answer (actors for an actor, directors for a
  director, Korean titles of the same kind of work and of similar length, nearby years, ...) and
  compared by folded text, so a distractor can never also be right: not another actor credited
  with the same character (same_character: 'Young X', 'Adult X' and 'Y / X' are X), not a
  title sharing the year asked about, not a namesake. "Not in the cast" is said only of a cast
  list the catalogue holds whole enough: a full entry's, of a series or a film (no concert,
  special or unscripted show), crediting at least six actors.
- **Titles.** A title named in a question or an option must be unambiguous: when two entries
  share a title ("Misaeng", the series and the film) it is qualified by its kind, and when even
  that does not tell them apart neither is named.

Everything is drawn from lists in a fixed order (titles by slug, people by id) with one
``random.Random``, so a seed gives the same quiz whether the dataset came from its TOML files or
from the index. ``daily_seed`` turns a date into that seed for the daily quiz.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from kdrama_cli.answers.charts import leaves_out_weeks
from kdrama_cli.answers.sources import cast_layer, credit_sources, layer_cited
from kdrama_cli.answers.spoilers import credit_hidden, hidden
from kdrama_cli.catalogue.folding import normalize
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    Dataset,
    Fact,
    Person,
    Show,
    SourceWork,
    Stat,
    adaptation_chain,
    authors_of,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.sounds import spelt_out
from kdrama_cli.catalogue.vocab import UNSCRIPTED_KINDS, source_kind_words
from kdrama_cli.catalogue.wording import joined

T = TypeVar("T")

OPTIONS = 4
#: The largest share of a quiz one kind of question may take (see the module's docstring).
KIND_SHARE = 0.3


class TriviaFact(Record):
    show: Show
    fact: Fact
    citations: tuple[Citation, ...]


def pick_fact(
    dataset: Dataset,
    rng: random.Random,
    show: Show | None = None,
    spoilers: bool = False,
    season: int | None = None,
) -> TriviaFact | None:
    """One fact, chosen uniformly among the eligible ones (stable order, so seeds reproduce).

    With a ``season`` (of ``show``), the facts about that season or about no season in
    particular: the facts a show page for that season lists."""
    shows = [show] if show else sorted(dataset.shows.values(), key=lambda s: s.slug)
    pool = [
        (s, f)
        for s in shows
        for f in s.facts
        if not hidden(f, spoilers) and (season is None or f.season in (None, season))
    ]
    if not pool:
        return None
    chosen_show, fact = rng.choice(pool)
    citations = tuple(dataset.citations[i] for i in fact.sources if i in dataset.citations)
    return TriviaFact(chosen_show, fact, citations)


def hidden_facts(dataset: Dataset, show: Show | None = None, season: int | None = None) -> int:
    """How many facts pick_fact leaves out as spoilers among those it would pick from (of
    ``show``, of its ``season``): when it picks none, whether --spoilers would find one."""
    shows = [show] if show else dataset.shows.values()
    return sum(
        1
        for s in shows
        for f in s.facts
        if hidden(f, False) and (season is None or f.season in (None, season))
    )


class Question(Record):
    text: str
    options: tuple[str, ...]
    #: Index of the right option.
    answer: int
    #: One sentence saying what is right, shown after the answer.
    explanation: str
    citations: tuple[Citation, ...]
    show: str
    #: The kind of question (a name in ``KINDS``).
    kind: str = ""
    #: What the question tests, so that one fact is not asked twice in a quiz (in other words).
    fact: tuple[str, ...] = ()


def daily_seed(day: dt.date) -> int:
    """The seed of the daily quiz of ``day``: the same on every machine and every Python.

    Python's ``hash()`` of a string differs from one process to the next (hash randomisation),
    so the date is hashed with SHA-256; the first eight bytes make an integer seed, which
    ``random.Random`` uses as it is."""
    digest = hashlib.sha256(f"kdrama daily quiz {day.isoformat()}".encode("ascii")).digest()
    return int.from_bytes(digest[:8], "big")


def kind_cap(count: int) -> int:
    """How many questions of one kind a quiz of ``count`` may hold before the cap is raised."""
    return max(1, int(count * KIND_SHARE + 1e-9))


# --- what the distractors are drawn from ------------------------------------------------------

#: Metrics a figure question compares: more is better for each (a rank is not, and a runtime or
#: a rating is not a Netflix audience figure).
_FIGURE_METRICS = ("hours-viewed", "views", "weeks-in-top10", "countries-in-top10")
#: Roles of an actor's credit (hosts and judges present; they do not play a character).
_ACTING_ROLES = ("main", "supporting", "special")
#: Kinds of title whose people play characters: a special (a concert) has performers, and the
#: unscripted kinds hosts and contestants, so "which of these actors" is not asked about them.
_SCRIPTED_KINDS = ("series", "film")
#: The fewest actors a cast list credits before "not in the cast" is asked of it: fewer are
#: often only the leads an announcement named (If Wishes Could Kill's five), and someone the
#: list leaves out may still be in the cast.
_SIZEABLE_CAST = 6
#: Streaming services: never offered as a wrong network, since a broadcast drama is often shown
#: by one the same day (a tvN drama on TVING and Netflix, a KBS drama on Wavve), and then the
#: "wrong" option would be right as well. A title whose own platform is one of these is not
#: asked about: for most for the same reason, and for Netflix's own titles because Netflix,
#: never a wrong option, would then be offered only as the answer.
_STREAMERS = frozenset(
    normalize(name)
    for name in (
        "Netflix",
        "TVING",
        "Wavve",
        "Disney+",
        "Coupang Play",
        "Kakao TV",
        "U+ Mobile TV",
        "Watcha",
        "Apple TV+",
        "Prime Video",
        "Amazon Prime Video",
        "Genie TV",
        "Seezn",
    )
)

FigureKey = tuple[str, str, str, str | None, dt.date]


def _figure_key(stat: Stat) -> FigureKey:
    """Figures are compared only when metric, unit, window, chart and date all agree: one window
    of one list as published on one day (one engagement report, one Top 10 week, one snapshot)."""
    return (stat.metric, stat.unit, stat.window, stat.list, stat.as_of)


def _first_year(show: Show) -> int | None:
    """The year the title first came out, when the dataset dates its first release: a series'
    season 1 (a later season's date, the only one Netflix gives for some titles, is not the
    first release), or a film's release date."""
    if not show.seasons:
        return show.release_date.year if show.release_date else None
    first = show.season(1)
    if first is None or not first.is_out or first.release_date is None:
        return None
    if show.first_date != first.release_date:
        return None
    return first.release_date.year


def _words(text: str) -> tuple[str, ...]:
    """A text as folded words, for finding one name inside another: 'Ri-eul' is one word,
    ('rieul',), 'Young Ri-eul' two, ('young', 'rieul'), and a possessive is the name
    ("Na-mi's friend" is ('nami', 'friend'))."""
    parts = re.split(r"[\s/(),:;!?&]+", re.sub(r"['’]s\b", "", text))
    return tuple(w for part in parts if (w := normalize(part)))


def _within(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether the words of ``part`` appear, in a row, among those of ``whole``."""
    return bool(part) and f" {' '.join(part)} " in f" {' '.join(whole)} "


def _character_names(character: str | None) -> set[tuple[str, ...]]:
    """The names a character goes by, as words (_words): the whole credit, each side of
    'Yoon Gap / Kang-cheol' and of 'Dam-i and Lee Hwi', and what is in and out of brackets
    ('The Front Man (Hwang In-ho)'). A role no source names goes by no name."""
    if character is None:
        return set()
    parts = [character, *re.split(r" / | and ", character)]
    if character.endswith(")") and " (" in character:
        cut = character.rindex(" (")
        parts += [character[:cut], character[cut + 2 : -1]]
    return {words for part in parts if (words := _words(part))}


def same_character(one: str | None, other: str | None) -> bool:
    """Whether two credited characters may be one person, so that whoever plays either is
    right about the other: one of the names of either is, word for word, inside one of the
    other's. 'Young Ri-eul' and 'Adult Na Bo-ra' are Ri-eul and Na Bo-ra, 'Yoon Gap /
    Kang-cheol' is Kang-cheol, 'Im Sun (Lee Mi-jin by day)' is Lee Mi-jin, and 'Moon Dong-eun
    (young)' is Moon Dong-eun. The rule errs towards "the same": two characters wrongly taken
    for one cost a wrong option, while the other way round a wrong option would be right."""
    mine, theirs = _character_names(one), _character_names(other)
    return any(_within(a, b) or _within(b, a) for a in mine for b in theirs)


def _scripted(show: Show) -> bool:
    """A title whose cast plays parts: no reality show, and no documentary, which the
    catalogue may hold as a film (Cyber Hell, King of Clones: the people in it as themselves)."""
    return show.kind not in UNSCRIPTED_KINDS and "documentary" not in show.genres


def _acting(show: Show, credit: Credit) -> bool:
    """A credit to ask about: an actor's in a season that has come out, and not flagged as a
    spoiler, a cameo's or a lead's (the flag on Flower of Evil's two Baek Hee-sungs marks the
    twist: asking who plays him gives it away), as the quiz has no --spoilers."""
    if not _scripted(show) or credit.role not in _ACTING_ROLES or hidden(credit, False):
        return False
    if not credit.seasons:
        return True
    return any((s := show.season(n)) is not None and s.is_out for n in credit.seasons)


def _cast_is_known(show: Show) -> bool:
    """Whether the catalogue's cast of a title is whole enough to say who is *not* in it: a
    scripted title that ``list --completeness full`` lists (Show.completeness), which is no
    concert or documentary, crediting at least _SIZEABLE_CAST actors."""
    return (
        show.kind in _SCRIPTED_KINDS
        and _scripted(show)
        and show.completeness == "full"
        and "concert" not in show.genres
        and _actor_count(show) >= _SIZEABLE_CAST
    )


def _actor_count(show: Show) -> int:
    """How many people the title's cast list credits as actors (spoilers and later seasons
    included: the list as the catalogue holds it)."""
    return len({c.person for c in show.cast if c.role in _ACTING_ROLES})


def _labels(shows: Sequence[Show]) -> dict[str, str]:
    """Each title as a question names it: the title, qualified by its kind when another entry
    has the same title; left out when even that does not tell them apart."""
    groups: dict[str, list[Show]] = defaultdict(list)
    for show in shows:
        groups[normalize(show.title) or show.slug].append(show)
    labels: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            labels[group[0].slug] = group[0].title
            continue
        kinds = Counter(s.kind for s in group)
        for show in group:
            if kinds[show.kind] == 1:
                labels[show.slug] = f"{show.title} ({_KIND_WORDS.get(show.kind, show.kind)})"
    return labels


#: A kind as a label says it: "unknown" is the kind of a Netflix record whose files do not
#: say TV or film, which "Hello Carbot 5 (unknown)" read as a title no one knows.
_KIND_WORDS = {"unknown": "TV or film not given"}


class _Catalogue:
    """The whole dataset as the quiz needs it, read once: the pools distractors come from."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.shows = sorted(dataset.shows.values(), key=lambda s: s.slug)
        self.people: dict[str, Person] = {p.id: p for p in dataset.people.values()}
        self.labels = _labels(self.shows)
        #: Labels ending in punctuation ('D.P.', 'Nevertheless,'), which a sentence quotes
        #: (_quoted), the longest first so that no shorter one is quoted inside it.
        self.loud_labels = sorted(
            {label for label in self.labels.values() if label[-1] in ".,!?;:"},
            key=lambda label: (-len(label), label),
        )
        self.years = {s.slug: y for s in self.shows if (y := _first_year(s)) is not None}
        self.newest_year = max(self.years.values(), default=None)

        actors: set[str] = set()
        self.actors_by_genre: dict[str, set[str]] = defaultdict(set)
        self.titles_of: dict[str, list[Show]] = defaultdict(list)
        directors: set[str] = set()
        writers: set[str] = set()
        creators: set[str] = set()
        platforms: set[str] = set()
        korean: dict[str, set[str]] = defaultdict(set)
        #: Researched titles whose Korean name is their English one in Hangul (_spelt_out):
        #: neither asked about nor offered as a wrong answer.
        self.spelt_out: set[str] = set()
        self.by_year: dict[int, list[Show]] = defaultdict(list)
        figures: dict[FigureKey, list[tuple[Show, Stat]]] = defaultdict(list)
        for show in self.shows:
            named = show.slug in self.labels
            for credit in show.cast:
                if show.kind not in UNSCRIPTED_KINDS and credit.role in _ACTING_ROLES:
                    actors.add(credit.person)
                    for genre in show.genres:
                        self.actors_by_genre[genre].add(credit.person)
            if named:
                acted = dict.fromkeys(c.person for c in show.cast if _acting(show, c))
                for person in acted:
                    self.titles_of[person].append(show)
            directors.update(show.directors)
            writers.update(show.writers)
            creators.update(show.creators)
            if show.platform and not _theatrical(show.platform):
                platforms.add(show.platform)
            # Wrong answers come from researched titles: Netflix's records also name episodes,
            # seasons and children's shows ("정글밥2 - 페루밥: 페루밥", "뽀로로와 노래해요 NEW1"),
            # which no one takes for a drama's title.
            if show.korean_title and not show.netflix_only:
                if _spelt_out(show):
                    self.spelt_out.add(show.slug)
                else:
                    korean[show.kind].add(show.korean_title)
            if named and show.slug in self.years:
                self.by_year[self.years[show.slug]].append(show)
            if named:
                for stat in show.stats:
                    # A running total that leaves out weeks of a season out before Netflix's
                    # lists begin is not compared with one that counts every week.
                    if stat.metric in _FIGURE_METRICS and not leaves_out_weeks(show, stat):
                        figures[_figure_key(stat)].append((show, stat))
        self.actors = sorted(actors)
        #: Actors credited in a title a question can name, with a name (as outsiders).
        self.credited_actors = sorted(p for p in self.titles_of if p in self.people)
        self.actor_names = self.names(self.actors)
        self.director_names = self.names(sorted(directors))
        self.writer_names = self.names(sorted(writers))
        self.crew_names = self.names(sorted(creators | directors | writers))
        self.broadcasters = sorted(p for p in platforms if normalize(p) not in _STREAMERS)
        #: Korean titles by kind of entry, sorted by length (options of similar length).
        self.korean = {
            kind: sorted(titles, key=lambda t: (len(t), t)) for kind, titles in korean.items()
        }
        self.korean_lengths = {
            kind: [len(t) for t in titles] for kind, titles in self.korean.items()
        }
        self.korean_all = [t for kind in sorted(self.korean) for t in self.korean[kind]]
        self.works = sorted(dataset.source_works.values(), key=lambda w: w.id)
        self.works_by_id = {w.id: w for w in self.works}
        #: The texts of the questions asked so far in this quiz: a kind whose question would
        #: repeat one can stop before drawing its options.
        self.asked: set[str] = set()
        self.author_names = self.names(sorted({p for w in self.works for p in w.authors}))
        self.figures = _comparable(figures)
        #: (slug, season, key) of every figure a question can compare.
        self.figure_members = {
            (sh.slug, st.season, key) for key, group in self.figures.items() for sh, st in group
        }

    def name(self, person: str) -> str | None:
        found = self.people.get(person)
        return found.name if found else None

    def names(self, people: Iterable[str]) -> list[str]:
        return [n for p in people if (n := self.name(p)) is not None]

    def credited(self, show: Show) -> set[str]:
        """Folded names of everyone credited on the title, cast and crew, and of the authors of
        the work it adapts and of the works based on that one (NARAK, who drew the webtoon of
        Business Proposal's web novel): none of them can be a wrong answer about it."""
        ids = [c.person for c in show.cast]
        ids += [*show.directors, *show.writers, *show.creators]
        ids += authors_of(adaptation_chain(self.works_by_id, show.source_work))
        return {normalize(n) for n in self.names(ids)}

    def cite(self, ids: Iterable[str]) -> tuple[Citation, ...]:
        return tuple(
            self.dataset.citations[i] for i in dict.fromkeys(ids) if i in self.dataset.citations
        )


def _theatrical(platform: str) -> bool:
    return normalize(platform).startswith("theatrical")


def _comparable(
    groups: dict[FigureKey, list[tuple[Show, Stat]]],
) -> dict[FigureKey, list[tuple[Show, Stat]]]:
    """The figure groups with at least two title-seasons to compare; a title-season with two
    figures in one group (two rows of one report) is left out, as it is not one number."""
    kept: dict[FigureKey, list[tuple[Show, Stat]]] = {}
    for key, entries in groups.items():
        seen = Counter((show.slug, stat.season) for show, stat in entries)
        single = [(sh, st) for sh, st in entries if seen[(sh.slug, st.season)] == 1]
        if len({st.value for _, st in single}) >= 2:
            kept[key] = single
    return kept


def _pick(
    rng: random.Random,
    count: int,
    near: Sequence[str],
    far: Sequence[str],
    exclude: Iterable[str],
) -> list[str] | None:
    """``count`` distinct wrong options: from ``near`` (the most plausible) first, then ``far``.

    An option is refused when its folded text is one of ``exclude`` (what is right, and whatever
    would also be right) or an option already taken. None when there are too few."""
    taken = {normalize(e) for e in exclude}
    chosen: list[str] = []
    for pool in (near, far):
        if len(chosen) == count:
            break
        for option in _shuffled(rng, pool):
            key = normalize(option)
            if not key or key in taken:
                continue
            taken.add(key)
            chosen.append(option)
            if len(chosen) == count:
                break
    return chosen if len(chosen) == count else None


def _shuffled(rng: random.Random, pool: Sequence[T]) -> Iterator[T]:
    """The pool in a random order, lazily: a long pool is sampled first (a few picks are nearly
    always enough), and copied and shuffled whole only when those run out."""
    if len(pool) > 64:
        yield from rng.sample(pool, 16)
    rest = list(pool)
    rng.shuffle(rest)
    yield from rest


def _question(
    rng: random.Random,
    kind: str,
    show: Show,
    text: str,
    right: str,
    wrong: Sequence[str],
    explanation: str,
    citations: tuple[Citation, ...],
    fact: tuple[str, ...],
) -> Question | None:
    """The question with its options shuffled; None without a citation to back it, or when
    the question spells out its own answer (folded, as in "Parasyte: The Grey is adapted from
    which original work?" and "Parasyte"), whatever rule of its kind let it through."""
    if not citations:
        return None
    if len(key := normalize(right)) > 3 and key in normalize(text):
        return None
    options = [*wrong, right]
    rng.shuffle(options)
    return Question(
        text, tuple(options), options.index(right), explanation, citations, show.slug, kind, fact
    )


# --- the kinds of question ----------------------------------------------------------------------


#: Credits that name no character: "Who plays Himself in ...?" asks nothing.
_SELVES = frozenset({"himself", "herself", "themselves", "self", "themself"})


def _role_played(show: Show, credit: Credit) -> bool:
    """An actor's credit as a character to ask about (not an appearance as oneself)."""
    return (
        credit.character is not None
        and not _described(credit.character)
        and _acting(show, credit)
        and not any(
            len(name) == 1 and name[0] in _SELVES for name in _character_names(credit.character)
        )
    )


def _described(character: str) -> bool:
    """Whether a credit describes a part rather than naming it ('Gun shop owner', 'The
    culprit', "Ji-woo's mother"): words after the first are not capitalised. "Who plays Gun
    shop owner?" reads as a bug, and asking who plays the culprit may give a twist away."""
    words = character.split(" (")[0].split()
    return len(words) >= 2 and all(not w[0].isupper() for w in words[1:])


def _credits_items(cat: _Catalogue, show: Show) -> list[Any]:
    if show.slug not in cat.labels:
        return []
    return [
        c
        for c in show.cast
        if _role_played(show, c) and c.person in cat.people and not _named_after(cat, show, c)
    ]


def _named_after(cat: _Catalogue, show: Show, credit: Credit) -> bool:
    """Whether the character is named like the actor (Ra Mi-ran as Ra Mi-ran in Reply 1988,
    Kim Su-an as Su-an), or has the actor's given name under another family name (Lim
    Hyun-su as Choi Hyun-su in One Spring Night, the one option with "Hyun-su"), or shares a
    word with the title (Loh Ki-wan in My Name Is Loh Kiwan, Young Ashin in Kingdom: Ashin of
    the North): asked either way, the question answers itself."""
    full = cat.people[credit.person].name
    actor = _words(full)
    given = {normalize(word) for word in full.split() if "-" in word}  # 'Hyun-su', not 'Lim'
    for name in _character_names(credit.character):
        if _within(name, actor) or _within(actor, name) or given & set(name):
            return True
        if _shares_a_word(" ".join(w for w in name if w not in _AGES), show.title):
            return True
    return False


#: Words that say a character's age, not their name ('Young Ashin').
_AGES = frozenset(("young", "adult", "old", "little", "teenage", "child"))


def _who_plays(cat: _Catalogue, rng: random.Random, show: Show, credit: Credit) -> Question | None:
    character = credit.character
    if character is None:
        return None
    label = cat.labels[show.slug]
    actor = cat.people[credit.person].name
    # A character someone else is credited with too (a younger self, a recast, Lee Mi-jin of
    # Miss Night and Day, whom two actresses share) has more than one right answer, and a
    # question with one would be half-true: it is not asked (which-character asks the actor).
    if any(c.person != credit.person and same_character(c.character, character) for c in show.cast):
        return None
    also = cat.names(c.person for c in show.cast if same_character(c.character, character))
    cast = cat.names(c.person for c in show.cast if not credit_hidden(c, spoilers=False))
    wrong = _pick(rng, OPTIONS - 1, _shuffled_head(rng, cast, 2), cat.actor_names, also)
    if wrong is None:
        return None
    return _question(
        rng,
        "who-plays",
        show,
        f"Who plays {character} in {label}?",
        actor,
        wrong,
        f"{actor} plays {character} in {_seasons_of(show, credit)}{label}.",
        cat.cite(credit_sources(cat.dataset, show, credit)),
        ("credit", show.slug, credit.person, normalize(character)),
    )


def _seasons_of(show: Show, credit: Credit) -> str:
    """'season 2 of ' when the actor is credited with the character in only some of the seasons
    out (Kim Sung-cheol, Jeong Jin-soo in season 2 of Hellbound, after Yoo Ah-in in season 1),
    else nothing: the whole title."""
    out = [s.number for s in show.released_seasons]
    same = [
        c
        for c in show.cast
        if c.person == credit.person and same_character(c.character, credit.character)
    ]
    if len(out) < 2 or any(not c.seasons for c in same):
        return ""
    mine = sorted({n for c in same for n in c.seasons if n in out})
    if set(out) <= set(mine):
        return ""
    word = "season" if len(mine) == 1 else "seasons"
    return f"{word} {joined([str(n) for n in mine])} of "


def _shuffled_head(rng: random.Random, pool: Sequence[str], count: int) -> list[str]:
    """At most ``count`` of the pool, at random: a few plausible options, not all of them."""
    return list(pool) if len(pool) <= count else rng.sample(list(pool), count)


def _which_character(
    cat: _Catalogue, rng: random.Random, show: Show, credit: Credit
) -> Question | None:
    character = credit.character
    if character is None:
        return None
    label = cat.labels[show.slug]
    actor = cat.people[credit.person].name
    # A namesake in the same cast would make the question ambiguous.
    if any(c.person != credit.person and cat.name(c.person) == actor for c in show.cast):
        return None
    # Characters who may be one the actor plays ('Young X', 'X / Y') are left out as well.
    theirs = [c.character for c in show.cast if c.person == credit.person]
    others = sorted(
        {
            c.character
            for c in show.cast
            if c.character is not None
            and _role_played(show, c)
            and c.person != credit.person
            and not any(same_character(c.character, mine) for mine in theirs)
        }
    )
    wrong = _distinct_characters(rng, OPTIONS - 1, others)
    if wrong is None:
        return None
    return _question(
        rng,
        "which-character",
        show,
        f"Which character does {actor} play in {label}?",
        character,
        wrong,
        f"{actor} plays {character} in {_seasons_of(show, credit)}{label}.",
        cat.cite(credit_sources(cat.dataset, show, credit)),
        ("credit", show.slug, credit.person, normalize(character)),
    )


def _distinct_characters(rng: random.Random, count: int, pool: Sequence[str]) -> list[str] | None:
    """``count`` characters from ``pool`` of whom no two may be one person (same_character):
    'Kang-cheol' beside 'Yoon Gap / Kang-cheol' offers one character twice."""
    chosen: list[str] = []
    for character in _shuffled(rng, pool):
        if not any(same_character(character, taken) for taken in chosen):
            chosen.append(character)
            if len(chosen) == count:
                return chosen
    return None


def _short(title: str) -> str:
    """A work's title without a trailing note in brackets ('The Silent Sea (short film)'): the
    note would give the answer away as an option. (A note on what the title is, such as 'our
    literal translation of the Korean title', is the work's title_note, never asked or said.)"""
    if title.endswith(")") and " (" in title:
        return title[: title.rindex(" (")].strip() or title
    return title


def _work_items(cat: _Catalogue, show: Show) -> list[Any]:
    work = cat.works_by_id.get(show.source_work or "")
    if work is None or show.slug not in cat.labels:
        return []
    if _shares_a_word(_short(work.title), show.title):
        return []  # "Parasyte: The Grey is adapted from ... Parasyte" asks nothing
    if _within(_words(show.title), _words(_short(work.title))):
        return []  # nor a title too short to share a word of three letters: D.P., "D.P Dog's Day"
    return [work]


#: Words too common for a title to give another away by sharing them.
_SMALL_WORDS = frozenset(("the", "and", "for", "with", "from", "you", "your", "our", "his", "her"))


def _shares_a_word(one: str, other: str) -> bool:
    """Whether two titles share a word that names something (of three letters or more, not
    "the" or "and"): Taxi Driver and The Deluxe Taxi, Pavane and Pavane for a Dead Princess."""
    words = {w for w in _words(one) if len(w) >= 3 and w not in _SMALL_WORDS}
    return bool(words & set(_words(other)))


def _source_work(cat: _Catalogue, rng: random.Random, show: Show, work: Any) -> Question | None:
    label = cat.labels[show.slug]
    title = _short(work.title)
    near = [_short(w.title) for w in cat.works if w.kind == work.kind]
    far = [_short(w.title) for w in cat.works]
    # nor a work based on it (the webtoon of Business Proposal's web novel): the title's story too
    based = [_short(w.title) for w in adaptation_chain(cat.works_by_id, work.id)]
    wrong = _pick(rng, OPTIONS - 1, near, far, [title, show.title, *based])
    if wrong is None:
        return None
    korean = f" ({work.korean_title})" if work.korean_title else ""
    return _question(
        rng,
        "source-work",
        show,
        f"{label} is adapted from which original work?",
        title,
        wrong,
        f"{label} is adapted from {_a_work(work.kind)} {work.title}{korean}.",
        cat.cite([*work.sources, *show.sources]),
        ("source", show.slug),
    )


def _a_work(kind: str) -> str:
    """'the webtoon', 'the web novel'; a work of kind 'other' is 'the work'."""
    words = source_kind_words(kind)
    return f"the {words}" if words else "the work"


def _author_items(cat: _Catalogue, show: Show) -> list[Any]:
    work = cat.works_by_id.get(show.source_work or "")
    if work is None or show.slug not in cat.labels:
        return []
    return [(work, p) for p in work.writers if p in cat.people]


def _source_author(cat: _Catalogue, rng: random.Random, show: Show, item: Any) -> Question | None:
    work, writer = item
    label = cat.labels[show.slug]
    name = cat.people[writer].name
    # nor one who made a work based on it (Deulkkae, who wrote its webtoon's script)
    authors = cat.names(authors_of(adaptation_chain(cat.works_by_id, work.id)))
    wrong = _pick(rng, OPTIONS - 1, cat.author_names, cat.writer_names, authors)
    if wrong is None:
        return None
    title = _short(work.title)
    if normalize(title) == normalize(show.title):
        text = f"Who wrote {_a_work(work.kind)} {title}, adapted as the {show.kind} of that name?"
    else:
        text = f"Who wrote {_a_work(work.kind)} {title}, which {label} adapts?"
    return _question(
        rng,
        "source-author",
        show,
        text,
        name,
        wrong,
        _who_wrote(cat, work),
        cat.cite(work.sources),
        ("author", work.id),
    )


def _who_wrote(cat: _Catalogue, work: SourceWork) -> str:
    """'Kang Tae-kyung wrote The Bequeathed, from an original story by Yeon Sang-ho, …': the
    answer's explanation names the story's makers, whom the question does not ask after."""
    wrote = f"{joined(cat.names(work.writers))} wrote {work.title}"
    if not work.story_by:
        return f"{wrote}."
    return f"{wrote}, from an original story by {joined(cat.names(work.story_by))}."


def _korean_items(cat: _Catalogue, show: Show) -> list[Any]:
    # Asked of researched titles only, as the wrong answers are: a Netflix record's Korean
    # title ("만추 리마스터링", "극장판 ...") would stand out among them and give itself away.
    if not show.korean_title or show.slug not in cat.labels or show.netflix_only:
        return []
    if show.slug in cat.spelt_out:  # 스위트홈 for Sweet Home: read aloud, it gives itself away
        return []
    if _shares_marks(show):  # 응답하라 1988 for Reply 1988: the only option with "1988"
        return []
    return [show.korean_title]


def _spelt_out(show: Show) -> bool:
    """Whether a title's Korean name is its English one (or part of it) written in Hangul
    (catalogue.sounds.spelt_out: 스위트홈, 킹덤), which asks nothing of a fan who reads Hangul
    and, among the wrong answers, points away from itself."""
    return spelt_out(show.title, show.korean_title)


def _shares_marks(show: Show) -> bool:
    """Whether the Korean title holds Latin words, digits or a # that the English title holds
    too (응답하라 1988 for Reply 1988, #살아있다 for #Alive): among Korean titles without them,
    the answer would stand out."""
    korean = show.korean_title or ""
    english = {normalize(w) for w in re.findall(r"[A-Za-z]+", show.title)}
    if any(normalize(w) in english for w in re.findall(r"[A-Za-z]+", korean)):
        return True
    if set(re.findall(r"\d+", korean)) & set(re.findall(r"\d+", show.title)):
        return True
    return "#" in korean and "#" in show.title


def _korean_title(cat: _Catalogue, rng: random.Random, show: Show, korean: Any) -> Question | None:
    label = cat.labels[show.slug]
    titles = cat.korean.get(show.kind, [])
    lengths = cat.korean_lengths.get(show.kind, [])
    low = bisect.bisect_left(lengths, len(korean) - 2)
    high = bisect.bisect_right(lengths, len(korean) + 2)
    wrong = _pick(rng, OPTIONS - 1, titles[low:high], cat.korean_all, [korean])
    if wrong is None:
        return None
    said = f"{korean} ({show.romanization})" if show.romanization else korean
    return _question(
        rng,
        "korean-title",
        show,
        f"What is the Korean title of {label}?",
        korean,
        wrong,
        f"{label} is {said} in Korean.",
        cat.cite(show.sources),
        ("korean", show.slug),
    )


_CREW = {"created": "creators", "wrote": "writers", "directed": "directors"}


def _crew_items(cat: _Catalogue, show: Show) -> list[Any]:
    """One item per person of the crew, with every credit they hold in ``_CREW``'s order:
    Hwang Dong-hyuk created, wrote and directed Squid Game, and "Who created", "Who wrote" and
    "Who directed Squid Game?" were three questions with one answer (walk32 #7); it is one,
    "Who created, wrote and directed Squid Game?"."""
    if show.slug not in cat.labels:
        return []
    verbs: dict[str, list[str]] = {}
    for verb, field in _CREW.items():
        for person in getattr(show, field):
            if person in cat.people:
                verbs.setdefault(person, []).append(verb)
    return [(tuple(held), person) for person, held in verbs.items()]


def _crew(cat: _Catalogue, rng: random.Random, show: Show, item: Any) -> Question | None:
    verbs, person = item
    label = cat.labels[show.slug]
    name = cat.people[person].name
    pools = {"directed": cat.director_names, "wrote": cat.writer_names}
    pool = [n for verb in verbs for n in pools.get(verb, cat.crew_names)]
    wrong = _pick(rng, OPTIONS - 1, pool, cat.crew_names, cat.credited(show))
    if wrong is None:
        return None
    crews = {verb: cat.names(getattr(show, _CREW[verb])) for verb in verbs}
    if all(names == crews[verbs[0]] for names in crews.values()):
        said = f"{joined([_past(v) for v in verbs])} by {joined(crews[verbs[0]])}"
    else:
        parts = [f"{_past(v)} by {joined(names)}" for v, names in crews.items()]
        said = f"{', '.join(parts[:-1])}, and {parts[-1]}"
    return _question(
        rng,
        "crew",
        show,
        f"Who {joined(list(verbs))} {label}?",
        name,
        wrong,
        f"{label} was {said}.",
        cat.cite(show.sources),
        ("crew", show.slug, person),
    )


def _past(verb: str) -> str:
    return {"directed": "directed", "wrote": "written", "created": "created"}[verb]


def _year_items(cat: _Catalogue, show: Show) -> list[Any]:
    if show.slug not in cat.labels or show.slug not in cat.years:
        return []
    return ["when", "which"]


def _year_sources(show: Show) -> list[str]:
    first = show.season(1)
    return [*show.sources, *(first.sources if first else ())]


def _year(cat: _Catalogue, rng: random.Random, show: Show, variant: Any) -> Question | None:
    label = cat.labels[show.slug]
    year = cat.years[show.slug]
    if variant == "when":
        wrong = _years_around(rng, year, cat.newest_year or year)
        if wrong is None:
            return None
        return _question(
            rng,
            "year",
            show,
            f"In which year was {label} first released?",
            str(year),
            wrong,
            f"{label} was first released in {year}.",
            cat.cite(_year_sources(show)),
            ("year", show.slug),
        )
    # Which of these came out in a year: every other option has a known, different year.
    text = f"Which of these was first released in {year}?"
    if text in cat.asked:
        return None
    same_kind = [
        cat.labels[s.slug]
        for y in range(year - 3, year + 4)
        if y != year
        for s in cat.by_year.get(y, ())
        if s.kind == show.kind
    ]
    others = [cat.labels[s.slug] for y in sorted(cat.by_year) if y != year for s in cat.by_year[y]]
    same_year = [cat.labels[s.slug] for s in cat.by_year[year]]
    wrong = _pick(rng, OPTIONS - 1, same_kind, others, same_year)
    if wrong is None:
        return None
    by_label = {cat.labels[s.slug]: s for y in cat.by_year for s in cat.by_year[y]}
    rivals = sorted((by_label[w] for w in wrong), key=lambda s: (cat.years[s.slug], s.slug))
    said = "; ".join(f"{cat.labels[s.slug]} in {cat.years[s.slug]}" for s in rivals)
    return _question(
        rng,
        "year",
        show,
        text,
        label,
        wrong,
        f"{label} was first released in {year}; {said}.",
        cat.cite([i for s in (show, *rivals) for i in _year_sources(s)]),
        ("year", show.slug),
    )


#: How far from the answer a wrong year may be, either way.
_YEAR_SPREAD = 5


def _years_around(rng: random.Random, year: int, newest: int) -> list[str] | None:
    """Three wrong years for a title of ``year``, none after ``newest`` (the catalogue's latest
    year, as a year to come would be plainly wrong): how many come before the answer is drawn
    first, uniformly, so the answer is as often the earliest or the latest option as one in the
    middle. None when that many cannot come after it (a title of the newest year is asked only
    when the answer is drawn to be the latest), so that no place gives the answer away."""
    before = rng.randrange(OPTIONS)
    earlier = list(range(year - _YEAR_SPREAD, year))
    later = [y for y in range(year + 1, year + _YEAR_SPREAD + 1) if y <= newest]
    after = OPTIONS - 1 - before
    if len(later) < after:
        return None
    return [str(y) for y in sorted(rng.sample(earlier, before) + rng.sample(later, after))]


def _platform_items(cat: _Catalogue, show: Show) -> list[Any]:
    """A title first out on a broadcaster. Not one first out on a streaming service, Netflix
    included: no streamer can be a wrong option (_STREAMERS), so Netflix would be offered only
    when it is the answer, and a player who noticed would know."""
    platform = show.platform
    if not platform or show.slug not in cat.labels or _theatrical(platform):
        return []
    if normalize(platform) in _STREAMERS:
        return []
    return [platform]


def _platform(cat: _Catalogue, rng: random.Random, show: Show, platform: Any) -> Question | None:
    label = cat.labels[show.slug]
    wrong = _pick(rng, OPTIONS - 1, cat.broadcasters, (), [platform])
    if wrong is None:
        return None
    return _question(
        rng,
        "platform",
        show,
        f"On which network or platform did {label} first come out?",
        platform,
        wrong,
        f"{label} first came out on {platform}.",
        cat.cite(show.sources),
        ("platform", show.slug),
    )


def _figure_items(cat: _Catalogue, show: Show) -> list[Any]:
    if show.slug not in cat.labels:
        return []
    return [
        stat
        for stat in show.stats
        if (show.slug, stat.season, _figure_key(stat)) in cat.figure_members
    ]


def _entry(cat: _Catalogue, show: Show, stat: Stat) -> str:
    """A title-season as an option: 'Squid Game, season 2' when the title has several."""
    label = cat.labels[show.slug]
    if stat.season is not None and (len(show.seasons) > 1 or stat.season > 1):
        return f"{label}, season {stat.season}"
    return label


_MOST = {
    "hours-viewed": "had the most hours viewed",
    "views": "had the most views",
    "weeks-in-top10": "spent the most weeks in Netflix's global Top 10",
    "countries-in-top10": "was in Netflix's Top 10 in the most countries",
}


def _window(stat: Stat) -> str:
    """The window as the question says it (and where, when the metric does not say)."""
    kind, _, value = stat.window.partition(":")
    if kind == "half-year":
        return f"in Netflix's engagement report for {stat.window_label}"
    where = "" if "Netflix" in _MOST[stat.metric] else "on Netflix "
    if kind == "week":
        return f"{where}in the {stat.window_label}"
    if kind == "cumulative":
        return f"{where}up to {value}"
    if stat.window.startswith("first-"):
        return f"{where}in its {stat.window_label}"
    return f"{where}({stat.window_label})"


def _amount(value: float, unit: str) -> str:
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
    word = unit[:-1] if value == 1 and unit.endswith("s") else unit
    if unit == "countries" and value == 1:
        word = "country"
    return f"{number} {word}"


def _others_around(
    cat: _Catalogue, rng: random.Random, show: Show, stat: Stat
) -> list[tuple[Show, Stat]] | None:
    """The other options of a figure question about ``show``'s ``stat``: three title-seasons of
    its group (two where a thin week ranks too few), no two with one label or one figure (a tie
    has no single answer). How many of them did better than ``show`` is drawn first, uniformly,
    as _years_around draws the years before the answer: the title asked about is as often the
    answer as any other option, where drawn at random from a whole report a well-known title
    nearly always led (a `--show parasite` quiz answered 8 of its 9 figure questions with
    Parasite). None when the group cannot give that many above or below it."""
    group = cat.figures[_figure_key(stat)]
    labels = {normalize(_entry(cat, show, stat))}
    values = {stat.value}
    distinct = 0
    for sh, st in group:  # how many options the group can give at all
        label = normalize(_entry(cat, sh, st))
        if st.value not in values and label not in labels:
            values.add(st.value)
            labels.add(label)
            distinct += 1
    if distinct < OPTIONS - 2:
        return None  # two options are a coin toss: a --show quiz met them in a thin week
    wanted = min(distinct, OPTIONS - 1)
    above = rng.randrange(wanted + 1)
    chosen: list[tuple[Show, Stat]] = []
    labels = {normalize(_entry(cat, show, stat))}
    values = {stat.value}
    for count, better in ((above, True), (wanted - above, False)):
        side = [(sh, st) for sh, st in group if (st.value > stat.value) == better]
        near = [(sh, st) for sh, st in side if sh.kind == show.kind]
        candidates = itertools.chain(_shuffled(rng, near), _shuffled(rng, side))
        taken = 0
        while taken < count and (entry := next(candidates, None)) is not None:
            label = normalize(_entry(cat, *entry))
            if entry[1].value in values or label in labels:
                continue  # the same entry again, or a tie: no single answer
            chosen.append(entry)
            values.add(entry[1].value)
            labels.add(label)
            taken += 1
        if taken < count:
            return None
    return chosen


def _figure(cat: _Catalogue, rng: random.Random, show: Show, stat: Any) -> Question | None:
    text = f"Which of these {_MOST[stat.metric]} {_window(stat)}?"
    if text in cat.asked:
        return None  # the same question over other titles would read as a repeat
    others = _others_around(cat, rng, show, stat)
    if others is None:
        return None
    chosen: list[tuple[Show, Stat]] = [(show, stat), *others]
    winner_show, winner = max(chosen, key=lambda e: e[1].value)
    right = _entry(cat, winner_show, winner)
    wrong = [_entry(cat, sh, st) for sh, st in chosen if st is not winner]
    ranked = sorted(chosen, key=lambda e: -e[1].value)
    listed = "; ".join(f"{_entry(cat, sh, st)}: {_amount(st.value, st.unit)}" for sh, st in ranked)
    chart = f", {stat.list}" if stat.list else ""
    where = f"{stat.window_label}{chart}, as of {stat.as_of.isoformat()}"
    return _question(
        rng,
        "netflix-figure",
        show,
        text,
        right,
        wrong,
        f"Netflix's figures ({where}): {listed}.",
        cat.cite([i for _, st in ranked for i in st.sources]),
        ("figure", show.slug, str(stat.season), *map(str, _figure_key(stat))),
    )


def _odd_items(cat: _Catalogue, show: Show) -> list[Any]:
    if show.slug not in cat.labels or show.kind not in _SCRIPTED_KINDS:
        return []
    items: list[Any] = [("cast", "")] if _cast_is_known(show) else []
    items += [
        ("titles", person)
        for person in dict.fromkeys(c.person for c in show.cast if _acting(show, c))
        if len(cat.titles_of.get(person, ())) >= OPTIONS - 1
    ]
    return items


def _odd_one_out(cat: _Catalogue, rng: random.Random, show: Show, item: Any) -> Question | None:
    variant, person = item
    if variant == "cast":
        return _not_in_cast(cat, rng, show)
    return _not_in_titles(cat, rng, show, person)


def _not_in_cast(cat: _Catalogue, rng: random.Random, show: Show) -> Question | None:
    """Which of these actors is not in the cast: three who are, one credited elsewhere only.
    Asked only of a cast the catalogue holds whole enough (_cast_is_known), and explained as
    what the catalogue's list says, not as a fact about every actor who ever appeared."""
    label = cat.labels[show.slug]
    credits: dict[str, Credit] = {}
    for credit in show.cast:
        name = cat.name(credit.person)
        if name and _acting(show, credit) and normalize(name) not in credits:
            credits[normalize(name)] = credit
    if len(credits) < OPTIONS - 1:
        return None
    keys = rng.sample(sorted(credits), OPTIONS - 1)
    inside = [cat.people[credits[k].person].name for k in keys]
    near = sorted({p for g in show.genres for p in cat.actors_by_genre.get(g, ())})
    near = [p for p in near if p in cat.titles_of]
    everyone = cat.names(cat.credited_actors)
    outsider = _pick(rng, 1, cat.names(near), everyone, cat.credited(show))
    if outsider is None:
        return None
    elsewhere = _credited_in(cat, outsider[0])
    if elsewhere is None:
        return None
    other_show, other_credit = elsewhere
    return _question(
        rng,
        "not-in",
        show,
        f"Which of these actors is not in the cast of {label}?",
        outsider[0],
        inside,
        f"{outsider[0]} is not among the {_actor_count(show)} actors the catalogue credits in "
        f"{label} ({outsider[0]} plays {other_credit.character} in "
        f"{cat.labels.get(other_show.slug, other_show.title)}); {joined(sorted(inside))} are.",
        cat.cite(
            [
                *show.cast_sources,  # the cast list, which names no one else
                *(i for k in keys for i in credit_sources(cat.dataset, show, credits[k])),
                *credit_sources(cat.dataset, other_show, other_credit),
            ]
        ),
        ("not-in", show.slug),
    )


def _credited_in(cat: _Catalogue, name: str) -> tuple[Show, Credit] | None:
    """Where an actor (by name) plays a named character: the first title by slug."""
    key = normalize(name)
    for person in cat.credited_actors:
        if normalize(cat.name(person) or "") != key:
            continue
        for show in cat.titles_of.get(person, ()):
            for credit in show.cast:
                if credit.person == person and _acting(show, credit) and credit.character:
                    return show, credit
    return None


def _credits_cited(dataset: Dataset, show: Show, person: str) -> list[str]:
    """What a person's counted credits (_acting) in a title rest on (answers.sources), each
    credit's own sources first, then the title's cast lists where a credit rests on them: a
    credit a layer's extension added rests on what its layer cites for it alone."""
    credits = [c for c in show.cast if c.person == person and _acting(show, c)]
    by_layer = [
        (c, layer_cited(dataset, show, cast_layer(dataset, show, c), "cast_sources", c.sources))
        for c in credits
    ]
    own = [i for c, cited in by_layer for i in (c.sources if cited is None else cited)]
    lists = (
        () if by_layer and all(cited is not None for _, cited in by_layer) else show.cast_sources
    )
    return [*own, *lists]


def _not_in_titles(cat: _Catalogue, rng: random.Random, show: Show, person: str) -> Question | None:
    """Which of these titles is the actor not in: three they are in (this one among them), and
    one whose cast list, whole enough to say so (_cast_is_known), credits nobody of that name."""
    name = cat.people[person].name
    theirs = [s for s in cat.titles_of[person] if s.slug != show.slug and s.kind in _SCRIPTED_KINDS]
    if len(theirs) < OPTIONS - 2:
        return None
    inside = [show, *rng.sample(theirs, OPTIONS - 2)]
    key = normalize(name)

    def without(s: Show) -> bool:
        if not _cast_is_known(s):
            return False
        return all(normalize(cat.name(c.person) or "") != key for c in s.cast)

    candidates = [s for s in cat.shows if s.slug in cat.labels and without(s)]
    near = [cat.labels[s.slug] for s in candidates if s.kind == show.kind]
    excluded = [cat.labels[s.slug] for s in cat.titles_of[person]]
    outsider = _pick(rng, 1, near, [cat.labels[s.slug] for s in candidates], excluded)
    if outsider is None:
        return None
    labels = [cat.labels[s.slug] for s in inside]
    odd = next(s for s in candidates if cat.labels[s.slug] == outsider[0])
    # The answer's cast list first (what the answer rests on), then one page per title they are
    # in, then the rest: a page that shows the first few cites the answer, not another title.
    # Only the credits the question counts (_acting) are cited: a surprise cameo's own source
    # ("… makes a special appearance in Weak Hero") would tell what every page hides.
    theirs_cited = [_credits_cited(cat.dataset, s, person) for s in inside]
    cited = [*odd.cast_sources[:1], *(ids[0] for ids in theirs_cited if ids)]
    cited += [*odd.cast_sources, *(i for ids in theirs_cited for i in ids)]
    return _question(
        rng,
        "not-in",
        show,
        f"{name} is in the cast of three of these titles. Which one is {name} not in?",
        outsider[0],
        labels,
        f"{name} is not among the {_actor_count(odd)} actors the catalogue credits in "
        f"{outsider[0]}; {name} is in {joined(sorted(labels))}.",
        cat.cite(cited),
        ("not-in-titles", person),
    )


def _quoted(cat: _Catalogue, question: Question) -> Question:
    """The question and its explanation with each title that ends in punctuation quoted where a
    sentence names it: "Who wrote Nevertheless,?" and "… in D.P.." read as typing errors, “D.P.”
    does not. Options are titles on their own and stay as they are."""
    return question._replace(
        text=_quote_titles(question.text, cat.loud_labels),
        explanation=_quote_titles(question.explanation, cat.loud_labels),
    )


def _quote_titles(sentence: str, titles: Sequence[str]) -> str:
    """``sentence`` with each of ``titles`` (longest first) in quotation marks, once."""
    for title in titles:
        if title in sentence:
            pattern = rf"(?<![\w“]){re.escape(title)}(?!”)"
            sentence = re.sub(pattern, f"“{title}”".replace("\\", "\\\\"), sentence)
    return sentence


class Kind(Record):
    """A kind of question: what it can be asked about for a title, and how to ask it."""

    name: str
    items: Callable[[_Catalogue, Show], list[Any]]
    ask: Callable[[_Catalogue, random.Random, Show, Any], Question | None]


KINDS: tuple[Kind, ...] = (
    Kind("who-plays", _credits_items, _who_plays),
    Kind("which-character", _credits_items, _which_character),
    Kind("source-work", _work_items, _source_work),
    Kind("source-author", _author_items, _source_author),
    Kind("korean-title", _korean_items, _korean_title),
    Kind("crew", _crew_items, _crew),
    Kind("year", _year_items, _year),
    Kind("platform", _platform_items, _platform),
    Kind("netflix-figure", _figure_items, _figure),
    Kind("not-in", _odd_items, _odd_one_out),
)


class _Anchor:
    """A title one kind can ask about, with what it can ask (shuffled when first reached)."""

    __slots__ = ("show", "items", "shuffled")

    def __init__(self, show: Show, items: list[Any]) -> None:
        self.show = show
        self.items = items
        self.shuffled = False


def make_questions(
    dataset: Dataset, rng: random.Random, count: int, show: Show | None = None
) -> list[Question]:
    """Up to ``count`` distinct questions (see the module's docstring for how they are chosen);
    fewer when the dataset, or the one title given, cannot support more."""
    cat = _Catalogue(dataset)
    single = show is not None
    titles = [show] if show is not None else cat.shows
    queues: dict[str, list[_Anchor]] = {}
    for kind in KINDS:
        anchors = [_Anchor(s, items) for s in titles if (items := kind.items(cat, s))]
        rng.shuffle(anchors)
        queues[kind.name] = anchors
    by_name = {kind.name: kind for kind in KINDS}

    questions: list[Question] = []
    facts: set[tuple[str, ...]] = set()
    used_titles: set[str] = set()

    def next_question(kind: Kind) -> Question | None:
        queue = queues[kind.name]
        while queue:
            anchor = queue[-1]
            if not single and anchor.show.slug in used_titles:
                queue.pop()
                continue
            if not anchor.shuffled:
                rng.shuffle(anchor.items)
                anchor.shuffled = True
            while anchor.items:
                question = kind.ask(cat, rng, anchor.show, anchor.items.pop())
                if question is None:
                    continue
                question = _quoted(cat, question)
                if question.text in cat.asked or question.fact in facts:
                    continue
                if not single:
                    queue.pop()  # over the whole catalogue, a title is asked about once
                return question
            queue.pop()
        return None

    cap = kind_cap(count)
    asked: Counter[str] = Counter()
    live = [kind.name for kind in KINDS if queues[kind.name]]
    while len(questions) < count and live:
        open_kinds = [name for name in live if asked[name] < cap]
        if not open_kinds:
            cap += 1  # every kind that can still ask is at the cap: spread the rest evenly
            continue
        name = rng.choice(open_kinds)
        question = next_question(by_name[name])
        if question is None:
            live.remove(name)
            continue
        questions.append(question)
        cat.asked.add(question.text)
        facts.add(question.fact)
        used_titles.add(question.show)
        asked[name] += 1
    return questions

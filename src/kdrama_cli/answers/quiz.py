"""Trivia and quiz questions generated from the dataset (no printing).

A question is asked only when exactly one of its options is right according to the dataset, and
it carries the citations that make the answer true.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from kdrama_cli.catalogue.models import Citation, Dataset, Fact, Show
from kdrama_cli.catalogue.record import Record

OPTIONS = 4


class TriviaFact(Record):
    show: Show
    fact: Fact
    citations: tuple[Citation, ...]


def pick_fact(
    dataset: Dataset, rng: random.Random, show: Show | None = None, spoilers: bool = False
) -> TriviaFact | None:
    """One fact, chosen uniformly among the eligible ones (stable order, so seeds reproduce)."""
    shows = [show] if show else sorted(dataset.shows.values(), key=lambda s: s.slug)
    pool = [(s, f) for s in shows for f in s.facts if spoilers or not f.spoiler]
    if not pool:
        return None
    chosen_show, fact = rng.choice(pool)
    citations = tuple(dataset.citations[i] for i in fact.sources if i in dataset.citations)
    return TriviaFact(chosen_show, fact, citations)


class Question(Record):
    text: str
    options: tuple[str, ...]
    #: Index of the right option.
    answer: int
    #: One sentence saying what is right, shown after the answer.
    explanation: str
    citations: tuple[Citation, ...]
    show: str


def _cites(dataset: Dataset, ids: Sequence[str]) -> tuple[Citation, ...]:
    return tuple(dataset.citations[i] for i in dict.fromkeys(ids) if i in dataset.citations)


def _options(
    rng: random.Random, right: str, wrong: Sequence[str], count: int = OPTIONS
) -> tuple[tuple[str, ...], int] | None:
    """The right option among distinct wrong ones, shuffled; None when there are too few."""
    distractors = sorted({w for w in wrong if w != right})
    if len(distractors) < count - 1:
        return None
    chosen = rng.sample(distractors, count - 1) + [right]
    rng.shuffle(chosen)
    return tuple(chosen), chosen.index(right)


Generator = Callable[[Dataset, random.Random, Show], "Question | None"]


def _who_plays(dataset: Dataset, rng: random.Random, show: Show) -> Question | None:
    credits = [
        c
        for c in show.cast
        if c.role in ("main", "supporting")
        and not c.spoiler
        and (
            not c.seasons or any((s := show.season(n)) is not None and s.is_out for n in c.seasons)
        )
    ]
    if not credits:
        return None
    credit = rng.choice(credits)
    playing = {c.person for c in show.cast if c.character == credit.character}
    actor = dataset.people[credit.person].name
    others = [
        p.name for p in dataset.people.values() if p.id not in playing and _is_actor(dataset, p.id)
    ]
    picked = _options(rng, actor, others)
    if picked is None:
        return None
    options, answer = picked
    return Question(
        f"Who plays {credit.character} in {show.title}?",
        options,
        answer,
        f"{actor} plays {credit.character} in {show.title}.",
        _cites(dataset, [*show.cast_sources, *credit.sources]),
        show.slug,
    )


def _is_actor(dataset: Dataset, person_id: str) -> bool:
    return any(c.person == person_id for s in dataset.shows.values() for c in s.cast)


def _adapted_from(dataset: Dataset, rng: random.Random, show: Show) -> Question | None:
    work = dataset.source_works.get(show.source_work or "")
    if work is None:
        return None
    others = [w.title for w in dataset.source_works.values() if w.id != work.id]
    picked = _options(rng, work.title, others)
    if picked is None:
        return None
    options, answer = picked
    return Question(
        f"{show.title} is adapted from which original work?",
        options,
        answer,
        f"{show.title} is adapted from the {work.kind} {work.title}.",
        _cites(dataset, [*work.sources, *show.sources]),
        show.slug,
    )


def _who_wrote(dataset: Dataset, rng: random.Random, show: Show) -> Question | None:
    work = dataset.source_works.get(show.source_work or "")
    if work is None or not work.writers:
        return None
    writer = dataset.people[rng.choice(work.writers)]
    authors = {p for w in dataset.source_works.values() for p in (*w.writers, *w.artists)}
    wrong = [
        dataset.people[p].name for p in authors if p not in work.writers and p not in work.artists
    ]
    picked = _options(rng, writer.name, wrong)
    if picked is None:
        return None
    options, answer = picked
    return Question(
        f"Who wrote the {work.kind} {work.title}, which {show.title} adapts?",
        options,
        answer,
        f"{writer.name} wrote {work.title}.",
        _cites(dataset, work.sources),
        show.slug,
    )


def _which_year(dataset: Dataset, rng: random.Random, show: Show) -> Question | None:
    year = show.year
    if year is None:
        return None
    wrong = [str(year + d) for d in (-3, -2, -1, 1, 2, 3)]
    picked = _options(rng, str(year), wrong)
    if picked is None:
        return None
    options, answer = picked
    first = [s for s in show.released_seasons if s.release_date and s.release_date.year == year]
    ids = [*show.sources, *(i for s in first for i in s.sources)]
    return Question(
        f"In which year was {show.title} first released?",
        options,
        answer,
        f"{show.title} was first released in {year}.",
        _cites(dataset, ids),
        show.slug,
    )


def _more_hours(dataset: Dataset, rng: random.Random, show: Show) -> Question | None:
    """Which of two titles had more hours in the same window (first 28 days, season 1)."""

    def figure(s: Show) -> float | None:
        for stat in s.stats:
            if (
                stat.metric == "hours-viewed"
                and stat.window == "first-28-days"
                and stat.season in (None, 1)
            ):
                return stat.value
        return None

    mine = figure(show)
    if mine is None:
        return None
    rivals = sorted(
        (
            s
            for s in dataset.shows.values()
            if s.slug != show.slug and figure(s) not in (None, mine)
        ),
        key=lambda s: s.slug,
    )
    if not rivals:
        return None
    rival = rng.choice(rivals)
    theirs = figure(rival)
    assert theirs is not None
    pair = [show, rival]
    rng.shuffle(pair)
    winner = show if mine > theirs else rival
    stats = [
        st
        for s in pair
        for st in s.stats
        if st.metric == "hours-viewed" and st.window == "first-28-days" and st.season in (None, 1)
    ]
    return Question(
        "Which had more hours viewed on Netflix in its first 28 days (first season)?",
        tuple(s.title for s in pair),
        pair.index(winner),
        f"{winner.title}: {max(mine, theirs):,.0f} hours against {min(mine, theirs):,.0f}.",
        _cites(dataset, [i for st in stats for i in st.sources]),
        show.slug,
    )


GENERATORS: tuple[Generator, ...] = (
    _who_plays,
    _adapted_from,
    _who_wrote,
    _which_year,
    _more_hours,
)


def make_questions(
    dataset: Dataset, rng: random.Random, count: int, show: Show | None = None
) -> list[Question]:
    """Up to ``count`` distinct questions; fewer when the dataset cannot support more."""
    shows = [show] if show else sorted(dataset.shows.values(), key=lambda s: s.slug)
    questions: list[Question] = []
    asked: set[str] = set()
    attempts = 0
    while len(questions) < count and attempts < count * 40:
        attempts += 1
        generator = rng.choice(GENERATORS)
        question = generator(dataset, rng, rng.choice(shows))
        if question is None or question.text in asked:
            continue
        asked.add(question.text)
        questions.append(question)
    return questions

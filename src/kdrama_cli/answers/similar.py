"""Titles like a given one, each with the reasons it is listed (`kdrama similar SHOW`).

A title is scored by what it shares with the asked one, as the dataset records it: people
(crew, cast in a season that is out, and the authors of the work both adapt), genres, the work
itself, a link the dataset draws (a sequel, prequel or spin-off), the platform, and the source
work's kind and platform. Each shared thing is one reason with a weight from ``WEIGHTS``; a
title's score is the sum of its reasons' weights. Netflix's companion records of the title (a
making-of, an extended cut: ``Show.companions``) are left out: they are the title itself on
another record, not titles like it.

Candidates are found without reading every title: the people come from the index's credits
(``titles_of_people``), genres and the rest from the light summary rows (``summaries_of``).
Every candidate gets an upper bound of its score (a shared person is given the best weight
their credits in the asked title allow); candidates are read in full, best bound first, only
until the next bound cannot beat the last title listed (the threshold algorithm), so a
typical answer decodes a few dozen titles whatever the catalogue's size.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from kdrama_cli.answers.spoilers import credit_hidden
from kdrama_cli.answers.upcoming import season_watchable
from kdrama_cli.catalogue.models import (
    Credit,
    Dataset,
    Person,
    Show,
    ShowSummary,
    SourceWork,
    fetch,
    seasons_of,
    summaries_of,
)
from kdrama_cli.catalogue.names import lookup_of
from kdrama_cli.catalogue.record import Record

#: What each shared thing adds to a title's score (README.md, "Similar titles", has this
#: table). A person counts once, for the strongest thing they share: the same crew role in
#: both titles (writer, director, creator, author of the source work), crew in both in
#: different roles ("crew"), or cast ("cast-main-both" when they have a main role in both,
#: "cast-main-one" when in one of them, "cast-other" otherwise). "related": the dataset lists
#: the title among the asked one's sequels, prequels and spin-offs. "source-work": both adapt
#: the same work (its authors, kind and platform are then not counted again). A genre held
#: by at most 1 in 20 of the titles with genres (zombie, medical) is "genre-rare". The same
#: source platform (Naver Webtoon) is counted, else the same kind of source work (both
#: novels), not both. "platform", "source-platform" and "source-kind" only add to a title
#: that shares something else.
WEIGHTS: dict[str, int] = {
    "related": 5,
    "source-work": 5,
    "writer": 4,
    "director": 4,
    "creator": 4,
    "source-author": 4,
    "crew": 3,
    "cast-main-both": 3,
    "cast-main-one": 2,
    "cast-other": 1,
    "genre": 1,
    "genre-rare": 2,
    "source-platform": 1,
    "source-kind": 1,
    "platform": 1,
}

#: A genre is rare ("genre-rare") when at most one in this many titles with genres has it.
RARE_GENRE = 20

#: The crew roles, most telling first: a person who is in both titles in two of them is
#: named for the first.
CREW_ROLES = ("writer", "director", "creator", "source-author")

#: The order reasons are listed in (and grouped in by the views).
REASON_ORDER = (
    "related",
    "source-work",
    *CREW_ROLES,
    "crew",
    "cast",
    "genre",
    "source-platform",
    "source-kind",
    "platform",
)

#: Reasons that make a title a candidate; the others only add to one.
_QUALIFYING = frozenset({"related", "source-work", *CREW_ROLES, "crew", "cast", "genre"})

#: Candidates read in full at a time while looking for the best.
_BATCH = 24


#: What a link between two of Netflix's records alone says: the generated netflix.toml draws
#: it between entries Netflix titles alike that stay apart ("Running Man", "Running Man:
#: 2024", a later run Netflix lists on its own), which are no sequel, prequel or spin-off.
TITLED_ALIKE = "Netflix titles them alike"


def _related_as(show: Show, other: ShowSummary) -> str:
    """How a related title is related, as far as the catalogue knows: a link between two
    records of Netflix's alone is their titles' likeness (TITLED_ALIKE); one a curated entry
    names is a sequel, prequel or spin-off, which the dataset does not tell apart."""
    if show.netflix_only and other.completeness == "netflix-only":
        return TITLED_ALIKE
    return "sequel, prequel or spin-off"


class Reason(Record):
    #: One of REASON_ORDER ("cast", "writer", "genre"...).
    kind: str
    #: What is shared: a person's name, a genre, a platform, the source work's title...
    detail: str
    weight: int
    #: The person's id for a person, else None.
    person: str | None = None


class SimilarTitle(Record):
    slug: str
    title: str
    kind: str
    year: int | None
    score: int
    reasons: tuple[Reason, ...]


class Similar(Record):
    show: Show
    results: tuple[SimilarTitle, ...]
    #: How many titles on the seen list were left out of the results: those that would have
    #: been listed (within the limit) had they not been seen.
    left_out_seen: int = 0
    #: How many titles are like it in all, seen ones left out: before the limit.
    total: int = 0


class _Roles:
    """What one person is in one title: crew roles, and cast (main or not)."""

    __slots__ = ("crew", "cast", "main")

    def __init__(self) -> None:
        self.crew: list[str] = []
        self.cast = False
        self.main = False

    def bound(self) -> int:
        """The most this person can add to a title sharing them (their roles elsewhere
        unknown)."""
        best = 0
        if self.crew:
            best = max(WEIGHTS[role] for role in self.crew)
        if self.cast:
            best = max(best, WEIGHTS["cast-main-both" if self.main else "cast-main-one"])
        return best


def _roles_of(
    show: Show, work: SourceWork | None, today: dt.date | None = None
) -> dict[str, _Roles]:
    roles: dict[str, _Roles] = {}

    def of(person: str) -> _Roles:
        if person not in roles:
            roles[person] = _Roles()
        return roles[person]

    for credit in show.cast:
        if not _released(credit, show, today) or credit_hidden(credit, spoilers=False):
            continue
        entry = of(credit.person)
        entry.cast = True
        entry.main = entry.main or credit.role == "main"
    for role, people in (
        ("writer", show.writers),
        ("director", show.directors),
        ("creator", show.creators),
        ("source-author", work.authors if work else ()),
    ):
        for person in people:
            if role not in of(person).crew:
                of(person).crew.append(role)
    return roles


def _released(credit: Credit, show: Show, today: dt.date | None = None) -> bool:
    """Whether a cast credit is in a season that is out on ``today`` (a film's credit always
    is; a season Netflix's own files list is out: answers.upcoming.season_watchable).

    Only those count. A score says what two titles you can watch share: an actor cast in a
    season that is renewed, announced or in production has shared nothing on screen yet, and
    a cast announced is not always the cast released. The show page marks such a credit
    "announced" and never shows the season as released; counting it here as a shared actor
    would rank Squid Game beside All of Us Are Dead for two actors of a season not out.
    """
    seasons = seasons_of(credit, show)
    return not seasons or any(season_watchable(show, number, today) for number in seasons)


def _shared(mine: _Roles, theirs: _Roles) -> tuple[str, int, list[str]] | None:
    """The reason kind and weight one person adds, and the other crew roles they hold in
    both titles; None when their credits do not match (cast in one, crew in the other)."""
    if mine.crew and theirs.crew:
        common = [role for role in CREW_ROLES if role in mine.crew and role in theirs.crew]
        if common:
            return common[0], WEIGHTS[common[0]], common[1:]
        return "crew", WEIGHTS["crew"], []
    if mine.cast and theirs.cast:
        mains = int(mine.main) + int(theirs.main)
        weight = WEIGHTS[("cast-other", "cast-main-one", "cast-main-both")[mains]]
        return "cast", weight, []
    return None


_ROLE_WORDS = {"source-author": "source author"}


def _crew_words(roles: Iterable[str]) -> str:
    return " and ".join(_ROLE_WORDS.get(role, role) for role in roles)


class _Asked:
    """The asked title, with what its candidates are compared against."""

    def __init__(
        self, dataset: Dataset, show: Show, rare: Collection[str], today: dt.date | None = None
    ) -> None:
        self.show = show
        self.today = today
        self.work = dataset.source_works.get(show.source_work) if show.source_work else None
        self.roles = _roles_of(show, self.work, today)
        self.genres = tuple(dict.fromkeys(show.genres))
        self.genre_weights = {
            genre: WEIGHTS["genre-rare" if genre in rare else "genre"] for genre in self.genres
        }
        # Where the title first came out: a season on another channel (Weak Hero Class 2 on
        # Netflix) is not what makes two titles alike.
        self.platform = show.platform if show_platform(show.platform) else None
        self.billing = {credit.person: n for n, credit in reversed(list(enumerate(show.cast)))}

    def summary_reasons(self, other: ShowSummary) -> list[Reason]:
        """The reasons a summary row alone settles: link, work, genres, kind of source."""
        show = self.show
        reasons: list[Reason] = []
        if other.slug in show.related:
            reasons.append(Reason("related", _related_as(show, other), WEIGHTS["related"]))
        same_work = show.source_work is not None and other.source_work == show.source_work
        if same_work and self.work is not None:
            reasons.append(Reason("source-work", self.work.title, WEIGHTS["source-work"]))
        theirs = set(other.genres)
        for genre in self.genres:
            if genre in theirs:
                reasons.append(Reason("genre", genre, self.genre_weights[genre]))
        if (
            not same_work
            and self.work is not None
            and other.source_kind is not None
            and other.source_kind == self.work.kind
        ):
            reasons.append(Reason("source-kind", other.source_kind, WEIGHTS["source-kind"]))
        return reasons

    def quick(self, other: ShowSummary) -> tuple[int, bool]:
        """Without making reasons: the most the summary row and the platforms can add to
        the score, and whether the row alone makes the title a candidate."""
        show = self.show
        weight = 0
        for genre in other.genres:
            weight += self.genre_weights.get(genre, 0)
        qualifies = weight > 0
        if other.slug in show.related:
            weight += WEIGHTS["related"]
            qualifies = True
        work = self.work
        if work is not None and other.source_work is not None:
            if other.source_work == show.source_work:
                weight += WEIGHTS["source-work"]
                qualifies = True
            elif other.source_kind == work.kind or same_source_platform(
                other.source_platform, work.platform
            ):
                # the same kind of source work, or the same source platform instead
                weight += max(WEIGHTS["source-kind"], WEIGHTS["source-platform"])
        if self.platform is not None and other.platform == self.platform:
            weight += WEIGHTS["platform"]
        return weight, qualifies

    def platform_reason(self, other: ShowSummary) -> Reason | None:
        if self.platform is not None and other.platform == self.platform:
            return Reason("platform", other.platform, WEIGHTS["platform"])
        return None


def show_platform(platform: str) -> bool:
    """Whether a platform names a network or service (not "theatrical", nor empty)."""
    return bool(platform) and not platform.casefold().startswith("theatrical")


class _Candidate(NamedTuple):
    summary: ShowSummary
    people: list[str]


#: How results are ranked (smaller first): _order's key.
_Key = tuple[int, float, str, str]


def _rare_genres(summaries: Iterable[ShowSummary]) -> set[str]:
    """The genres held by at most 1 in 20 of the titles that have genres."""
    counts: dict[str, int] = {}
    titles = 0
    for summary in summaries:
        if summary.genres:
            titles += 1
            for genre in set(summary.genres):
                counts[genre] = counts.get(genre, 0) + 1
    return {genre for genre, count in counts.items() if count * RARE_GENRE <= titles}


def _order(score: int, summary: ShowSummary) -> _Key:
    """How results are ranked (smaller first): score, then the title watched more in
    Netflix's global Top 10, then the title alphabetically, then the slug."""
    return (-score, -(summary.top10_hours or 0.0), summary.sort_key, summary.slug)


def similar(
    dataset: Dataset,
    show: Show,
    limit: int | None,
    leave_out: Collection[str] = (),
    today: dt.date | None = None,
) -> Similar:
    """The ``limit`` titles (None: all) most like ``show``, best first, without ``show`` itself, its
    Netflix companion records (or the title it is one of) and the titles in ``leave_out``
    (the seen list). Shared cast counts in seasons out on ``today`` (default: the real day)."""
    summaries = summaries_of(dataset)
    if limit is None:  # every title like it (--json, --csv)
        limit = len(summaries)
    asked = _Asked(dataset, show, _rare_genres(summaries), today)
    lookup = lookup_of(dataset)
    people_of: dict[str, list[str]] = {}
    for person, slugs in lookup.titles_of_people(asked.roles).items():
        for slug in slugs:
            people_of.setdefault(slug, []).append(person)
    # Every candidate with an upper bound of its score, in a heap: best bound first.
    # Seen titles are scored too, though never listed: to tell whether they changed the list.
    heap: list[tuple[_Key, _Candidate]] = []
    # Netflix's companion records of the title (its making-of, an extended cut), or the title
    # a companion record is of: the same work on another record, not a title like it.
    apart = {show.slug, *show.companions, *([show.companion_of] if show.companion_of else [])}
    for summary in summaries:
        known, qualifies = asked.quick(summary)
        people = people_of.get(summary.slug)
        if not (qualifies or people) or summary.slug in apart:
            continue
        bound = known + (sum(asked.roles[p].bound() for p in people) if people else 0)
        heap.append((_order(bound, summary), _Candidate(summary, people or [])))
    heapq.heapify(heap)
    found: list[tuple[_Key, SimilarTitle]] = []  # every title scored, seen or not
    shown: list[tuple[_Key, SimilarTitle]] = []  # those not seen
    names: dict[str, Person] = {}
    while heap:
        if len(shown) >= limit and shown[limit - 1][0] < heap[0][0]:
            break  # no title left can beat the last one listed
        batch = [heapq.heappop(heap)[1] for _ in range(min(_BATCH, len(heap)))]
        scored = _score(dataset, asked, batch, names)
        found += [(_order(title.score, c.summary), title) for c, title in scored]
        found.sort(key=lambda pair: pair[0])
        shown = [pair for pair in found if pair[1].slug not in leave_out]
    # Every title that ranks within the limit once seen titles count is in ``found``.
    seen = sum(1 for _, title in found[:limit] if title.slug in leave_out)
    rest = [candidate for _, candidate in heap if candidate.summary.slug not in leave_out]
    total = len(shown) + _count_like(dataset, asked, rest, names)
    return Similar(show, tuple(title for _, title in shown[:limit]), seen, total)


def _count_like(
    dataset: Dataset, asked: _Asked, candidates: list[_Candidate], names: dict[str, Person]
) -> int:
    """How many of the candidates the search did not need to score are like the asked title:
    the page says how many the limit left out. One its summary row makes a candidate is (a
    genre, a link or the source work is a reason); one that only shares a person is scored,
    since a shared person counts only when the credits match (cast in both, crew in both)."""
    settled = 0
    unsettled: list[_Candidate] = []
    for candidate in candidates:
        if asked.quick(candidate.summary)[1]:
            settled += 1
        else:
            unsettled.append(candidate)
    for start in range(0, len(unsettled), _BATCH):
        settled += len(_score(dataset, asked, unsettled[start : start + _BATCH], names))
    return settled


def _score(
    dataset: Dataset,
    asked: _Asked,
    batch: list[_Candidate],
    names: dict[str, Person],
) -> list[tuple[_Candidate, SimilarTitle]]:
    """The batch's exact scores and reasons (its titles read in full, in one query)."""
    full = {s.slug: s for s in fetch(dataset.shows, [c.summary.slug for c in batch])}
    work_ids = {s.source_work for s in full.values() if s.source_work}
    works: Mapping[str, SourceWork] = {
        w.id: w for w in fetch(dataset.source_works, sorted(work_ids))
    }
    wanted = {p for c in batch for p in c.people if p not in names}
    names.update((p.id, p) for p in fetch(dataset.people, sorted(wanted)))
    scored: list[tuple[_Candidate, SimilarTitle]] = []
    for candidate in batch:
        summary = candidate.summary
        other = full.get(summary.slug)
        reasons = asked.summary_reasons(summary)
        if other is not None:
            work = works.get(other.source_work or "")
            # Adapting the same work is one reason: its authors are not counted again.
            authors = work if other.source_work != asked.show.source_work else None
            theirs = _roles_of(other, authors, asked.today)
            reasons += _people_reasons(asked, candidate.people, theirs, names)
            mine = asked.work
            if (
                work is not None
                and mine is not None
                and work.id != mine.id
                and same_source_platform(work.platform, mine.platform)
            ):
                reasons = [r for r in reasons if r.kind != "source-kind"]
                said = _platform_named(mine.platform or "")
                reasons.append(Reason("source-platform", said, WEIGHTS["source-platform"]))
        if not any(r.kind in _QUALIFYING for r in reasons):
            continue
        platform = asked.platform_reason(summary)
        if platform is not None:
            reasons.append(platform)
        reasons.sort(key=lambda r: REASON_ORDER.index(r.kind))
        title = SimilarTitle(
            summary.slug,
            summary.title,
            summary.kind,
            summary.year,
            sum(r.weight for r in reasons),
            tuple(reasons),
        )
        scored.append((candidate, title))
    return scored


def _people_reasons(
    asked: _Asked,
    people: list[str],
    theirs: dict[str, _Roles],
    names: dict[str, Person],
) -> list[Reason]:
    """One reason per person credited in both titles, strongest first, then in the asked
    title's billing order (crew before cast)."""
    found: list[tuple[int, int, Reason]] = []
    for person in people:
        mine, other = asked.roles[person], theirs.get(person)
        shared = _shared(mine, other) if other is not None else None
        if shared is None or other is None:
            continue
        kind, weight, also = shared
        entry = names.get(person)
        name = entry.name if entry is not None else person
        if kind == "crew":
            name = f"{name} ({_crew_words(mine.crew)} → {_crew_words(other.crew)})"
        elif also:
            name = f"{name} (also {_crew_words(also)})"
        billing = asked.billing.get(person, -1) if kind == "cast" else -1
        found.append((-weight, billing, Reason(kind, name, weight, person)))
    found.sort(key=lambda entry: (entry[0], entry[1], entry[2].detail))
    return [reason for _, _, reason in found]


def same_source_platform(one: str | None, other: str | None) -> bool:
    """Whether two source works came out on one platform, by the rule `list --source-platform`
    uses: Misaeng's "Daum Webtoon (later Kakao Webtoon)" is Daum Webtoon, as Moving's is."""
    if not one or not other:
        return False
    from kdrama_cli.catalogue.vocab import value_matches

    return value_matches("source-platform", one, _platform_named(other))


def _platform_named(platform: str) -> str:
    """A source platform by the name before any bracketed note (vocab.broader_value)."""
    from kdrama_cli.catalogue.vocab import broader_value

    return broader_value("source-platform", platform) or platform

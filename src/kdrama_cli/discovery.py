"""Discovery queries: a person's page, search, the catalogue list, leaderboards, weekly charts.

Like every query module, this never prints; renderers and JSON take its results.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kdrama_cli.models import Credit, Dataset, Person, Show, SourceWork, Stat
from kdrama_cli.queries import normalize

# --- a person's page ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonCredit:
    show: Show
    #: 'actor', or the crew role: 'director', 'writer', 'creator', or for a source work
    #: 'original writer' / 'original artist'.
    capacity: str
    credit: Credit | None = None
    work: SourceWork | None = None


@dataclass(frozen=True, slots=True)
class Colleague:
    person: Person
    shows: tuple[Show, ...]


@dataclass(frozen=True, slots=True)
class PersonDetail:
    person: Person
    credits: tuple[PersonCredit, ...]
    colleagues: tuple[Colleague, ...]


def _year_key(show: Show) -> tuple[int, str]:
    return (show.year or 9999, show.title)


def person_titles(dataset: Dataset) -> dict[str, set[str]]:
    """Person id -> slugs of every title they are credited on (cast, crew or source work)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for show in dataset.shows.values():
        for credit in show.cast:
            titles[credit.person].add(show.slug)
        for person_id in (*show.directors, *show.writers, *show.creators):
            titles[person_id].add(show.slug)
        work = dataset.source_works.get(show.source_work or "")
        if work:
            for person_id in (*work.writers, *work.artists):
                titles[person_id].add(show.slug)
    return titles


def person_detail(dataset: Dataset, person: Person) -> PersonDetail:
    """Every credit of a person in the catalogue, and who they worked with twice or more."""
    credits: list[PersonCredit] = []
    for show in sorted(dataset.shows.values(), key=_year_key):
        for credit in show.cast:
            if credit.person == person.id:
                credits.append(PersonCredit(show, "actor", credit=credit))
        for capacity, ids in (
            ("creator", show.creators),
            ("director", show.directors),
            ("writer", show.writers),
        ):
            if person.id in ids:
                credits.append(PersonCredit(show, capacity))
        work = dataset.source_works.get(show.source_work or "")
        if work:
            if person.id in work.writers:
                credits.append(PersonCredit(show, f"original {work.kind} writer", work=work))
            if person.id in work.artists and person.id not in work.writers:
                credits.append(PersonCredit(show, f"original {work.kind} artist", work=work))
    titles = person_titles(dataset)
    mine = titles.get(person.id, set())
    colleagues = []
    for other_id, theirs in titles.items():
        shared = mine & theirs
        if other_id != person.id and len(shared) >= 2:
            shows = tuple(sorted((dataset.shows[s] for s in shared), key=_year_key))
            colleagues.append(Colleague(dataset.people[other_id], shows))
    colleagues.sort(key=lambda c: (-len(c.shows), c.person.name))
    return PersonDetail(person, tuple(credits), tuple(colleagues))


# --- search ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchResult:
    #: 'title', 'person', 'character', 'source work', 'synopsis'
    kind: str
    #: What to show: the title, the person's name, "Seong Gi-hun in Squid Game" ...
    label: str
    #: What matched, e.g. "character: Seong Gi-hun", "webtoon author: Joo Dong-geun".
    matched: str
    #: Where to go next: a show slug or a person id.
    target: str
    score: int


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


def _words_score(words: Sequence[str], text: str) -> int:
    """Every query word appears in the text (a synopsis, say)."""
    folded = normalize(text)
    return 30 if words and all(w in folded for w in words) else 0


def search(dataset: Dataset, query: str, limit: int | None = None) -> list[SearchResult]:
    """One ranked list across titles, people, characters, source works and synopses."""
    key = normalize(query)
    words = [normalize(w) for w in query.split() if normalize(w)]
    if not key:
        return []
    results: dict[tuple[str, str, str], SearchResult] = {}

    def add(kind: str, label: str, matched: str, target: str, score: int, bonus: int = 0) -> None:
        """Keep the best match per result; ``bonus`` ranks titles and people above the rest."""
        if score <= 0:
            return
        score += bonus
        # A title found by its name, genre or synopsis is one result: its best match.
        identity = (
            ("show", target, "")
            if kind in ("title", "genre", "synopsis")
            else (kind, target, label)
        )
        best = results.get(identity)
        if best is None or score > best.score:
            results[identity] = SearchResult(kind, label, matched, target, score)

    for show in dataset.shows.values():
        for how, name in (
            ("title", show.title),
            *(("alias", a) for a in show.aliases),
            ("Korean title", show.korean_title or ""),
            ("romanization", show.romanization or ""),
            ("slug", show.slug),
        ):
            add("title", show.title, f"{how}: {name}", show.slug, _score(key, name), 5)
        add("synopsis", show.title, "synopsis", show.slug, _words_score(words, show.synopsis))
        for genre in show.genres:
            if normalize(genre) == key:
                add("genre", show.title, f"genre: {genre}", show.slug, 50)
        for credit in show.cast:
            for name in (credit.character, credit.character_hangul or ""):
                add(
                    "character",
                    f"{credit.character} in {show.title}",
                    f"character: {name}",
                    show.slug,
                    _score(key, name),
                )
    for person in dataset.people.values():
        for how, name in (
            ("name", person.name),
            *(("alias", a) for a in person.aliases),
            ("Hangul", person.hangul or ""),
        ):
            add("person", person.name, f"{how}: {name}", person.id, _score(key, name), 3)
    for work in dataset.source_works.values():
        adapted = [s for s in dataset.shows.values() if s.source_work == work.id]
        target = adapted[0].slug if adapted else work.id
        for how, name in (
            ("title", work.title),
            ("Korean title", work.korean_title or ""),
            ("romanization", work.romanization or ""),
        ):
            add("source work", work.title, f"{work.kind} {how}: {name}", target, _score(key, name))
        for role, ids in (("author", work.writers), ("artist", work.artists)):
            for person_id in ids:
                author = dataset.people.get(person_id)
                if author is None:
                    continue
                for name in (author.name, *author.aliases, author.hangul or ""):
                    add(
                        "source work",
                        work.title,
                        f"{work.kind} {role}: {author.name}",
                        target,
                        _score(key, name),
                        -2,
                    )
    ranked = sorted(results.values(), key=lambda r: (-r.score, r.kind, r.label))
    return ranked[:limit] if limit else ranked


# --- the catalogue -----------------------------------------------------------------------------


def top10_total(show: Show, metric: str) -> float | None:
    """The sum of a show's weekly global Top 10 figures (hours or views), over all seasons.

    One consistent window for every title ("the weeks it charted"), so titles can be sorted by
    it; it is labelled as such wherever it is shown.
    """
    values = [s.value for s in show.stats if s.metric == metric and s.window.startswith("week:")]
    return sum(values) if values else None


@dataclass(frozen=True, slots=True)
class CatalogueFilter:
    kind: str | None = None
    genre: str | None = None
    platform: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    adapted_from: str | None = None


def catalogue(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> list[Show]:
    """Titles matching every filter, sorted by title, year, or summed weekly Top 10 figures."""

    def keep(show: Show) -> bool:
        if where.kind and show.kind != where.kind:
            return False
        if where.genre and normalize(where.genre) not in {normalize(g) for g in show.genres}:
            return False
        if where.platform and normalize(where.platform) not in normalize(show.platform):
            return False
        year = show.year
        if where.year_from is not None and (year is None or year < where.year_from):
            return False
        if where.year_to is not None and (year is None or year > where.year_to):
            return False
        if where.adapted_from:
            work = dataset.source_works.get(show.source_work or "")
            if work is None:
                return False
            wanted = where.adapted_from
            if wanted != "any" and not (
                work.kind == wanted or (wanted == "novel" and work.kind == "web-novel")
            ):
                return False
        return True

    shows = [s for s in dataset.shows.values() if keep(s)]
    if sort == "year":
        shows.sort(key=lambda s: (s.first_date or dt.date.max, s.title))
    elif sort in ("hours", "views"):
        metric = "hours-viewed" if sort == "hours" else "views"
        shows.sort(key=lambda s: (-(top10_total(s, metric) or -1), s.title))
    else:
        shows.sort(key=lambda s: normalize(s.title))
    return shows[:limit] if limit else shows


# --- leaderboards ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Board:
    """One comparable figure: a metric over one window, for each title-season that has it."""

    key: str
    label: str
    metric: str
    unit: str
    window_prefix: str
    #: For weekly figures, the best single week is taken.
    best_week: bool = False


BOARDS = {
    board.key: board
    for board in (
        Board(
            "hours-28",
            "Hours viewed in the first 28 days",
            "hours-viewed",
            "hours",
            "first-28-days",
        ),
        Board(
            "hours-91",
            "Hours viewed in the first 91 days",
            "hours-viewed",
            "hours",
            "first-91-days",
        ),
        Board("views-91", "Views in the first 91 days", "views", "views", "first-91-days"),
        Board(
            "weeks", "Weeks in Netflix's global Top 10", "weeks-in-top10", "weeks", "cumulative:"
        ),
        Board(
            "best-week",
            "Hours viewed in the best single week",
            "hours-viewed",
            "hours",
            "week:",
            True,
        ),
        Board("best-week-views", "Views in the best single week", "views", "views", "week:", True),
    )
}


@dataclass(frozen=True, slots=True)
class BoardEntry:
    show: Show
    season: int | None
    stat: Stat


def leaderboard(
    dataset: Dataset, board: Board, kind: str | None = None, limit: int | None = 10
) -> list[BoardEntry]:
    """Title-seasons ranked by one metric over one window; figures of other windows never mix."""
    entries: list[BoardEntry] = []
    for show in dataset.shows.values():
        if kind and show.kind != kind:
            continue
        best: dict[int | None, Stat] = {}
        for stat in show.stats:
            if stat.metric != board.metric or stat.unit != board.unit:
                continue
            if not stat.window.startswith(board.window_prefix):
                continue
            if board.window_prefix.endswith("-days") and stat.window != board.window_prefix:
                continue
            current = best.get(stat.season)
            if current is None or stat.value > current.value:
                best[stat.season] = stat
        entries.extend(BoardEntry(show, season, stat) for season, stat in best.items())
    entries.sort(key=lambda e: (-e.stat.value, e.show.title, e.season or 0))
    return entries[:limit] if limit else entries


# --- weekly charts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartWeek:
    week: dt.date
    season: int | None
    rank: int | None
    hours: float | None
    views: float | None
    list: str | None


def weekly_chart(show: Show, season: int | None = None) -> list[ChartWeek]:
    """The show's weeks in Netflix's global Top 10, oldest first."""
    rows: dict[tuple[str, int | None], dict[str, float]] = defaultdict(dict)
    lists: dict[tuple[str, int | None], str | None] = {}
    for stat in show.stats:
        if not stat.window.startswith("week:") or stat.metric not in (
            "rank",
            "hours-viewed",
            "views",
        ):
            continue
        if season is not None and stat.season != season:
            continue
        key = (stat.window[5:], stat.season)
        rows[key][stat.metric] = stat.value
        lists[key] = stat.list
    result = []
    for (week, number), values in sorted(rows.items(), key=lambda i: (i[0][0], i[0][1] or 0)):
        if "rank" not in values and "hours-viewed" not in values:
            continue  # e.g. countries-only weeks
        rank = values.get("rank")
        result.append(
            ChartWeek(
                week=dt.date.fromisoformat(week),
                season=number,
                rank=int(rank) if rank is not None else None,
                hours=values.get("hours-viewed"),
                views=values.get("views"),
                list=lists[(week, number)],
            )
        )
    return result


def shows_of(dataset: Dataset, slugs: Iterable[str]) -> list[Show]:
    return [dataset.shows[s] for s in slugs if s in dataset.shows]

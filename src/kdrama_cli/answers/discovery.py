"""Discovery queries: a person's page, search, the catalogue list, leaderboards, weekly charts.

Like every query module, this never prints; renderers and JSON take its results.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kdrama_cli.answers.sources import credit_sources
from kdrama_cli.answers.spoilers import (
    character_hidden,
    credit_hidden,
    flagged_citations,
    note_hidden,
    note_withheld,
)
from kdrama_cli.catalogue.models import (
    WEEKLY_VIEWS_FROM as WEEKLY_VIEWS_FROM,  # given to the views with the other weeks
)
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    Dataset,
    Person,
    Season,
    Show,
    ShowSummary,
    SourceWork,
    Stat,
    fetch,
    seasons_of,
    stored_listing,
    summaries_of,
)
from kdrama_cli.catalogue.names import NameRow, character_label, lookup_of, normalize
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import (
    KINDRED_SOURCE_KINDS,
    TOP10_LISTS,
    all_time_rank,
    canonical_value,
)

if TYPE_CHECKING:
    from kdrama_cli.answers.finding import Match

# --- a person's page ---------------------------------------------------------------------------


class PersonCredit(Record):
    show: Show
    #: 'actor', or the crew role: 'director', 'writer', 'creator', or for a source work
    #: 'original writer' / 'original artist'.
    capacity: str
    credit: Credit | None = None
    work: SourceWork | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """What the credit rests on: a role, the title's cast list and the credit's own
        sources; a crew credit, the title's sources (which name its makers); a source work's
        writer or artist, the work's."""
        if self.credit is not None:
            return credit_sources(self.show, self.credit)
        if self.work is not None:
            return tuple(self.work.sources)
        return tuple(self.show.sources)


class Colleague(Record):
    person: Person
    shows: tuple[Show, ...]


class TitleCredits(Record):
    """A person's credits in one title, as one row of their page: the roles they play, what
    else they did on it, the seasons they are in and what it all rests on."""

    show: Show
    #: The cast credits (who they play), in the title's order.
    acted: tuple[Credit, ...]
    #: 'main', 'supporting' ... ; 'crew' when they only made it.
    role: str
    #: Director, writer, creator, original webtoon writer (with the work's title) ...
    made: tuple[str, ...]
    #: The seasons they are in, and those of them not out yet (announced, in production).
    seasons: tuple[int, ...]
    announced: tuple[int, ...]
    #: The citation ids the row's credits rest on, each once.
    sources: tuple[str, ...]
    #: The positions of the row's credits in PersonDetail.credits (PersonDetail.titles_seen
    #: merges what you have seen of them).
    of: tuple[int, ...]
    #: Each role with the seasons it is for, when the part changed role between seasons
    #: (supporting in season 1, main in 2 and 3); empty when it is one role throughout.
    roles_by_season: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def year(self) -> int | None:
        """The year of the first dated season they are in (Amotti's Physical: 100 row is its
        season 2's, 2024, not the title's 2023), or the title's: a crew credit is the whole
        title's, and a season without a date says nothing."""
        if self.made or not self.seasons:
            return self.show.year
        dates = [
            season.release_date
            for season in map(self.show.season, self.seasons)
            if season is not None and season.release_date is not None
        ]
        return min(dates).year if dates else self.show.year


def _by_title(credits: Sequence[PersonCredit]) -> tuple[TitleCredits, ...]:
    """Credits grouped by title, in their order (one row per title however many capacities:
    "Park Pyong-ho (main); also director, writer")."""
    groups: dict[str, list[int]] = {}
    for index, entry in enumerate(credits):
        groups.setdefault(entry.show.slug, []).append(index)
    rows = []
    for indices in groups.values():
        entries = [credits[i] for i in indices]
        show = entries[0].show
        every = [e.credit for e in entries if e.credit is not None]
        # One character once, in the title's order: a part that changed role between seasons
        # is two credits
        parts: dict[tuple[str | None, str | None, str | None], Credit] = {}
        for credit in every:
            parts.setdefault(
                (credit.character, credit.character_hangul, credit.character_unknown), credit
            )
        acted = tuple(parts.values())
        by_role: dict[str, set[int]] = {}
        for credit in every:
            by_role.setdefault(credit.role, set()).update(seasons_of(credit, show))
        made = tuple(
            e.capacity + (f" ({e.work.title})" if e.work else "")
            for e in entries
            if e.credit is None
        )
        seasons = sorted({n for credit in every for n in seasons_of(credit, show)})
        rows.append(
            TitleCredits(
                show=show,
                acted=acted,
                role=", ".join(dict.fromkeys(c.role for c in acted)) or "crew",
                made=made,
                seasons=tuple(seasons),
                announced=tuple(n for n in seasons if not show.season_is_out(n)),
                sources=tuple(dict.fromkeys(i for e in entries for i in e.sources)),
                of=tuple(indices),
                # in the order of each role's first season: "main (S2), host (S3, S4, S5)"
                roles_by_season=tuple(
                    (r, tuple(sorted(n))) for r, n in sorted(by_role.items(), key=_first_season)
                )
                if len(by_role) > 1 and all(by_role.values())
                else (),
            )
        )
    return tuple(sorted(rows, key=lambda row: (row.year or 9999, row.show.title)))


def _first_season(role: tuple[str, set[int]]) -> int:
    return min(role[1], default=0)


class PersonDetail(Record):
    person: Person
    credits: tuple[PersonCredit, ...]
    colleagues: tuple[Colleague, ...]
    #: What the credits rest on, in the order they first cite them: the page's numbered
    #: Sources list (a citation's number is its index + 1).
    citations: tuple[Citation, ...] = ()
    #: Credits left out because they are flagged as spoilers (a surprise cameo).
    hidden: int = 0
    #: Whether spoilers were asked for: flagged credits are then listed, and the Sources list
    #: shows the headlines of citations flagged as spoilers.
    spoilers: bool = False
    #: The credits one row per title, as the page and browse list them (--json and --csv
    #: keep one item per credit).
    titles: tuple[TitleCredits, ...] = ()

    def titles_seen(
        self, marks: Sequence[tuple[int, ...] | None] | None
    ) -> tuple[tuple[int, ...] | None, ...]:
        """For each of ``titles``, what you have seen of it: the seasons seen of any of its
        credits (``marks``, one per credit: answers.seen.credits_seen), () for a film seen,
        None when none is seen (all None without ``marks``)."""
        merged = []
        for row in self.titles:
            marked = [marks[i] for i in row.of if marks[i] is not None] if marks else []
            merged.append(tuple(sorted({n for m in marked for n in m or ()})) if marked else None)
        return tuple(merged)

    def ref(self, ids: Sequence[str]) -> list[int]:
        """Reference numbers for citation ids, as the page's Sources list numbers them."""
        positions = {c.id: n for n, c in enumerate(self.citations, start=1)}
        return sorted({positions[i] for i in ids if i in positions})


def _year_key(show: Show) -> tuple[int, str]:
    return (show.year or 9999, show.title)


def person_detail(dataset: Dataset, person: Person, spoilers: bool = False) -> PersonDetail:
    """Every credit of a person in the catalogue, and who they worked with twice or more.

    A cast credit flagged as a spoiler (Kim Soo-hyun's cameo in Hotel Del Luna) is neither
    listed nor counted towards a colleague unless ``spoilers`` (answers.spoilers); ``hidden``
    says how many were left out. A title with only such a credit of theirs is left out too."""
    mine = lookup_of(dataset).titles_of(person.id)
    shows = sorted((dataset.shows[slug] for slug in mine), key=_year_key)
    credits: list[PersonCredit] = []
    left_out = 0
    for show in shows:
        for credit in show.cast:
            if credit.person == person.id and credit_hidden(credit, spoilers):
                left_out += 1
            elif credit.person == person.id:
                if not spoilers:  # a finale story on their row says they reached the final
                    flagged = flagged_citations(credit.sources, dataset.citations)
                    own = tuple(i for i in credit.sources if i not in flagged)
                    credit = credit._replace(sources=own)
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
    colleagues = _colleagues(dataset, person.id, shows, spoilers)
    cited = dict.fromkeys(i for entry in credits for i in entry.sources)
    return PersonDetail(
        person,
        tuple(credits),
        tuple(colleagues),
        fetch(dataset.citations, cited),
        left_out,
        spoilers,
        _by_title(credits),
    )


def _colleagues(
    dataset: Dataset, person_id: str, shows: Sequence[Show], spoilers: bool = False
) -> list[Colleague]:
    """Who worked with ``person_id`` on two or more titles. A title counts only when both were
    credited in one season of it that is out: Lee Yoo-mi (Squid Game S1, All of Us Are Dead
    S1) did not work with Roh Jae-won (Squid Game S2 and S3, announced for All of Us Are Dead
    S2). A film is one season. A credit flagged as a spoiler counts only with ``spoilers``."""
    together: dict[str, list[Show]] = defaultdict(list)
    for show in shows:
        work = dataset.source_works.get(show.source_work or "")
        seasons = _released_credits(show, work, spoilers)
        mine = seasons.get(person_id)
        for other, theirs in seasons.items():
            if mine and other != person_id and mine & theirs:
                together[other].append(show)
    colleagues = [
        Colleague(dataset.people[other], tuple(shared))
        for other, shared in together.items()
        if len(shared) >= 2
    ]
    colleagues.sort(key=lambda c: (-len(c.shows), c.person.name))
    return colleagues


def _released_credits(
    show: Show, work: SourceWork | None, spoilers: bool = False
) -> dict[str, set[int]]:
    """Each person credited on ``show``, with the seasons that are out they are credited in
    (0 stands for a film, or a title that lists no seasons). A crew or source-work credit is
    the whole title's, so it covers every season that is out; a person credited only in
    seasons not out yet (renewed, announced, in production) has an empty set."""
    whole = {s.number for s in show.released_seasons} if show.seasons else {0}
    found: dict[str, set[int]] = defaultdict(set)
    for credit in show.cast:
        if credit_hidden(credit, spoilers):
            continue
        if not show.seasons:
            found[credit.person].add(0)
        else:
            numbers = credit.seasons or whole
            found[credit.person].update(n for n in numbers if show.season_is_out(n))
    crew = (*show.creators, *show.directors, *show.writers)
    for person_id in (*crew, *(work.writers + work.artists if work else ())):
        found[person_id].update(whole)
    return found


# --- search ------------------------------------------------------------------------------------


class SearchResult(Record):
    #: 'title', 'person', 'character', 'source work', 'genre', 'synopsis'
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


def _players(dataset: Dataset, row: NameRow, spoilers: bool) -> list[str]:
    """Whom a character row's results stand for, one result each: for a note, every person
    whose credit has it (a shared note is not one result that names one of them); for the
    character's name, the first who plays it, so that the name and a note of one part are one
    result. Nobody when no listed credit has it: a note withheld on the one credit of that part
    and shown on another part's is found as that other part, not as this one."""
    credits = _row_credits(dataset, row, spoilers)
    if row.how != "cast note":
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


def _synopsis_matches(words_asked: list[str], synopsis: str) -> bool:
    """Every query word is a whole word of the synopsis, its plural or its singular ('zombie'
    finds "zombies", 'zombies' "zombie", 'story' "stories"), in any order; a Hangul word may
    lie inside one (Korean attaches particles). Never the beginning of a longer word: a name
    typed whole, "gong yoo", must not find a synopsis for its Gongjin and Yoon Hye-jin (titles
    and names still match while being typed: answers.search)."""
    from kdrama_cli.catalogue.folding import words

    have = set(words(synopsis))
    return all(
        q in have
        or f"{q}s" in have
        or f"{q}es" in have
        or (len(q) > 3 and q.endswith("s") and q[:-1] in have)  # 'zombies' finds "zombie"
        or (len(q) > 4 and q.endswith("es") and q[:-2] in have)
        or (_y_plural(q) and f"{q[:-1]}ies" in have)  # 'story' finds "stories"
        or (len(q) > 4 and q.endswith("ies") and f"{q[:-3]}y" in have)  # and the other way
        or ("\uac00" <= q[:1] <= "\ud7a3" and any(q in w for w in have))
        for q in words_asked
    )


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


def search(
    dataset: Dataset, query: str, limit: int | None = None, spoilers: bool = False
) -> list[SearchResult]:
    """One ranked list across titles, people, characters, source works, genres and synopses."""
    return search_answer(dataset, query, limit, spoilers).results


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
    # Synopses are found by what every form of a word holds ('zombie' in "zombies"), then
    # kept only where a form stands whole (_synopsis_matches).
    rows = list(lookup_of(dataset).search_rows(key, [_stem(w) for w in words]))
    meant = canonical_value("genre", query)
    if meant != query:  # 'sci-fi' finds the titles of "science fiction" by their genre too
        by_genre = lookup_of(dataset).search_rows(normalize(meant), [normalize(meant)])
        rows += [row for row in by_genre if row.kind == "genre"]
    for row in rows:
        if row.how in ("slug", "id"):
            continue  # the title or name itself matches as well, in words a user knows
        if row.kind == "genre":
            score, matched = 50, f"genre: {row.name}"
        elif row.kind == "synopsis":
            if not _synopsis_matches(words, row.name):
                continue
            score, matched = 30, "synopsis"
        elif not matches_words(query, row.name):
            continue  # the key was found only by joining words of the name
        elif row.kind == "facet":
            score, matched = (
                45,
                f"{row.how}: {row.name}" if row.how in ("platform", "kind") else row.how,
            )
        elif row.how == "cast note" and normalize(row.name) != key:
            # A word in a note about a character ("a webtoon artist") is a weak hit.
            score, matched = 35, f"{row.how}: {row.name}"
        else:
            score = _score(key, row.name) + _BONUS.get(row.kind, 0)
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
    opened, lacks_season = _title_show_opens(dataset, query)
    if opened is not None:
        found = results.get(("show", opened.target, "", ""))
        if found is None or lacks_season:  # why not that season, beside the title
            results[("show", opened.target, "", "")] = opened
        elif opened.season is not None:  # an alias that is a season's title: "hospital playlist 2"
            results[("show", opened.target, "", "")] = found._replace(season=opened.season)
    # Within a tier people go most credited first, as the ambiguity lists rank them (the one a
    # fan most likely means: 이정 is Lee Jung-jae before Lee Jeong-hyo), then by name. Results of
    # one label (each contestant "Herself") go by person id, which tells nothing.
    credits = _credit_counts(dataset, [r.target for r in results.values() if r.kind == "person"])
    ranked = sorted(
        results.items(),
        key=lambda item: (
            -item[1].score,
            item[1].kind,
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
        else result
        for identity, result in ranked
    ]
    return SearchAnswer(listed, len(hidden - results.keys()), total)


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
    from kdrama_cli.answers.finding import LookupError_, NoSuchSeason, find_show

    try:
        match = find_show(dataset, query, suggestions=False)
    except NoSuchSeason as miss:  # 'the glory season 2': the title, and why not that season
        if miss.match is None or not miss.reason:
            return None, False
        show = miss.match.show
        matched = f"{_how_found(miss.match)}; {miss.reason}"
        return SearchResult("title", show.title, matched, show.slug, _AS_SHOW_FINDS), True
    except LookupError_:  # nothing, or several: search's own rows
        return None, False
    show = match.show
    matched = _how_found(match)
    if match.season is not None:
        matched += f", season {match.season}"
    found = SearchResult(
        "title", show.title, matched, show.slug, _AS_SHOW_FINDS, season=match.season
    )
    return found, False


def _how_found(match: Match) -> str:
    """How `kdrama show` found a title, in the words of search's Matched column."""
    show = match.show
    if match.matched_by in ("slug", "id"):  # in words a user knows, as search's own rows are
        return f"title: {show.title}"
    if match.matched_by == "Korean initials":  # the initials were typed: name what they spell
        return f"{match.matched_by}: {show.korean_title or match.matched_name}"
    return f"{match.matched_by}: {match.matched_name}"


# --- the catalogue -----------------------------------------------------------------------------


def top10_total(show: Show | ShowSummary, metric: str) -> float | None:
    """The sum of a title's weekly global Top 10 figures (hours or views), over all seasons.

    One consistent window for every title ("the weeks it charted"), so titles can be sorted by
    it; it is labelled as such wherever it is shown.
    """
    if isinstance(show, Show):
        return show.top10_total(metric)
    return show.top10_hours if metric == "hours-viewed" else show.top10_views


def broader_value(facet: str, value: str) -> str | None:
    """The value whose filter also finds the titles of this one, if any: a web-novel is a
    novel, and a platform with a bracketed note is that platform ("Theatrical (Lotte
    Entertainment)" is Theatrical). Nothing else widens: KBS does not find KBS2."""
    if facet == "adapted-from":
        return "novel" if value == "web-novel" else None
    if facet == "platform" and value.endswith(")"):
        head, bracket, _ = value.partition(" (")
        if bracket and head.strip():
            return head.strip()
    return None


def _facet_of(show: ShowSummary, facet: str) -> tuple[str, ...]:
    """The values a filter of `kdrama list` finds this title by, which are also the values
    `kdrama values` counts it under: its own, and the broader one it belongs to, each as the
    catalogue words it ('cinema' is Theatrical), so `values` counts every title `list` finds."""
    if facet == "genre":
        own: tuple[str | None, ...] = show.genres
    elif facet == "platform":
        own = (show.platform,)
    elif facet == "kind":
        own = (show.kind,)
    elif facet == "adapted-from":
        own = (show.source_kind,)
    elif facet == "completeness":
        own = (show.completeness,)
    else:
        raise ValueError(f"unknown facet {facet!r}")
    found: list[str] = []
    for value in own:
        if not value:
            continue
        found.append(canonical_value(facet, value))
        broader = broader_value(facet, value)
        if broader:
            found.append(canonical_value(facet, broader))
    return tuple(found)


def facet_values(dataset: Dataset, facet: str) -> list[tuple[str, int]]:
    """Every value a filter can take in this catalogue, with how many titles it finds (a
    broader value counts the titles of the values it takes in), most common first. Values
    that differ only in case, spacing or punctuation are one, spelled as most titles spell it."""
    counts: dict[str, int] = {}
    spellings: dict[str, dict[str, int]] = {}
    for show in summaries_of(dataset):
        keys: set[str] = set()
        for value in _facet_of(show, facet):
            key = normalize(value)
            met = spellings.setdefault(key, {})
            met[value] = met.get(value, 0) + 1
            keys.add(key)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    # the spelling most titles use stands for all (the first met when as many use each)
    spelled = {key: max(met, key=met.__getitem__) for key, met in spellings.items()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], spelled[item[0]].casefold()))
    return [(spelled[key], count) for key, count in ranked]


def unknown_value(dataset: Dataset, facet: str, value: str) -> list[str] | None:
    """None when the filter finds some title by this value; else the nearest known values, for
    "Did you mean ...?": for a kind of source work, the kinds nearest in meaning that some title
    has (webtoon for webcomic) before those spelt alike."""
    known = [v for v, _ in facet_values(dataset, facet)]
    # the known values are the catalogue's own (_facet_of): only what was typed needs mapping
    folded = {normalize(v): v for v in known}
    if normalize(canonical_value(facet, value)) in folded:
        return None
    from rapidfuzz import fuzz, process

    kindred = KINDRED_SOURCE_KINDS.get(value.casefold(), ()) if facet == "adapted-from" else ()
    nearest = [folded[key] for key in map(normalize, kindred) if key in folded]
    # Scored on the folded forms the filter matches on: 'kbs' is as close to KBS2 as 'KBS' is.
    close = process.extract(
        value, known, scorer=fuzz.WRatio, processor=normalize, limit=3, score_cutoff=70
    )
    nearest += [name for name, _, _ in close if name not in nearest]
    return nearest[:3]


class CatalogueFilter(Record):
    kind: str | None = None
    completeness: str | None = None
    genre: str | None = None
    platform: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    adapted_from: str | None = None


def _has(show: ShowSummary, facet: str, wanted: str) -> bool:
    """Whether the filter ``--FACET wanted`` finds this title: a whole value, ignoring case,
    spacing and punctuation (never a part of one: "a" is not in "Netflix")."""
    # what was typed may be another word for the value ('sci-fi' for "science fiction"); the
    # title's own values already come as the catalogue's words (_facet_of)
    key = normalize(canonical_value(facet, wanted))
    return any(normalize(value) == key for value in _facet_of(show, facet))


def _kept(show: ShowSummary, where: CatalogueFilter) -> bool:
    """Whether a title passes every filter of ``where``."""
    if where.kind and show.kind != where.kind:
        return False
    if where.completeness and show.completeness != where.completeness:
        return False
    if where.genre and not _has(show, "genre", where.genre):
        return False
    if where.platform and not _has(show, "platform", where.platform):
        return False
    year = show.year
    if where.year_from is not None and (year is None or year < where.year_from):
        return False
    if where.year_to is not None and (year is None or year > where.year_to):
        return False
    if where.adapted_from:
        if where.adapted_from == "any":
            return show.source_kind is not None
        return _has(show, "adapted-from", where.adapted_from)
    return True


def catalogue(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> list[ShowSummary]:
    """Titles matching every filter, sorted by title, year, or summed weekly Top 10 figures.

    Sorted by views, the titles in the Top 10 before Netflix published weekly views
    (charted_before_views) come after the others: their sum leaves those weeks out, so it is
    not comparable; then the titles never in the Top 10."""
    shows = [s for s in summaries_of(dataset) if _kept(s, where)]
    if sort == "year":
        shows.sort(key=lambda s: (s.first_date or dt.date.max, s.title))
    elif sort == "hours":
        shows.sort(key=lambda s: (-(top10_total(s, "hours-viewed") or -1), s.title))
    elif sort == "views":
        before = charted_before_views(shows)

        def group(s: ShowSummary) -> int:
            """Views known whole (0), in part (1: charted before Netflix gave views), none (2)."""
            if s.top10_hours is None and s.top10_views is None:
                return 2
            return 1 if s.slug in before else 0

        shows.sort(key=lambda s: (group(s), -(top10_total(s, "views") or -1), s.title))
    else:
        shows.sort(key=lambda s: s.sort_key)
    return shows[:limit] if limit else shows


def charted_before_views(shows: Iterable[ShowSummary]) -> frozenset[str]:
    """The slugs of those of ``shows`` that were in Netflix's weekly global Top 10 in a week
    before WEEKLY_VIEWS_FROM, when its lists gave hours only: their summed views leave those
    weeks out (The Glory's thirteen weeks, all in 2023's first half, give none). The summary
    says so (ShowSummary.top10_views_partial), as `list --json` does."""
    return frozenset(summary.slug for summary in shows if summary.top10_views_partial)


class UnknownYears(Record):
    """The titles the year filters left out for want of a year. ``undated``: how many no
    source dates at all. ``out_by``: the others, (title, week), known only to have been out by
    their first week in Netflix's Top 10 (the show page's "released by"): that bounds the year
    from above only, since a title may chart years after it came out (the Top 10 began only in
    2021), so they are left out too."""

    undated: int = 0
    out_by: tuple[tuple[str, dt.date], ...] = ()

    @property
    def left_out(self) -> int:
        return self.undated + len(self.out_by)


def unknown_year_count(dataset: Dataset, where: CatalogueFilter) -> UnknownYears:
    """The titles that pass every other filter but are left out by the year filters only because
    their year is unknown (most of Netflix's own records: it dates only its premieres). A title
    out by a Top 10 week before ``--from``'s year is not among them: it cannot match."""
    if where.year_from is None and where.year_to is None:
        return UnknownYears()
    others = where._replace(year_from=None, year_to=None)
    undated = 0
    out_by: list[tuple[bool, dt.date, str]] = []
    for summary in summaries_of(dataset):
        if summary.year is not None or not _kept(summary, others):
            continue
        show = dataset.shows.get(summary.slug)
        week = show.first_top10_week if show is not None else None
        if week is None:
            undated += 1
        elif show is not None and (where.year_from is None or week.year >= where.year_from):
            out_by.append((show.netflix_only, week, summary.title))
    # the catalogue's own entries first, then Netflix's records: the note names only a few
    return UnknownYears(undated, tuple((title, week) for _, week, title in sorted(out_by)))


def whole_catalogue_json(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> bytes | None:
    """``catalogue(dataset, where, sort, limit)`` as compact UTF-8 JSON, when that is the whole
    catalogue in title order and the index stores it so (encoded once, when it was built):
    listing 1,700 titles then costs one read instead of decoding and encoding each of them."""
    if where != CatalogueFilter() or sort != "title" or limit:
        return None
    return stored_listing(dataset)


# --- leaderboards ------------------------------------------------------------------------------


#: WEEKLY_VIEWS_FROM, the first week for which Netflix's global Top 10 gives views (hours only
#: before it), is imported above from catalogue.models, as a title's summary needs it.
#: The first week of Netflix's published weekly global Top 10 (all-weeks-global.tsv starts
#: with the week ending this Sunday): no earlier week is published.
WEEKLY_TOP10_FROM = dt.date(2021, 7, 4)


class Board(Record):
    """One comparable figure: a metric over one window, for each title-season that has it."""

    key: str
    label: str
    metric: str
    unit: str
    window_prefix: str
    #: For weekly figures, the best single week is taken.
    best_week: bool = False
    #: Where Netflix publishes the figure, which bounds how many titles can have it:
    #: 'most-popular' (only its all-time Most Popular lists, ten titles a category), 'top10'
    #: (its weekly global Top 10), 'top10-views' (the same, from WEEKLY_VIEWS_FROM), 'report'
    #: (one half-year engagement report).
    origin: str = "top10"
    #: The figure as a sentence names it, for a report's board: "the report gives no views".
    noun: str = ""


BOARDS = {
    board.key: board
    for board in (
        Board(
            "hours-28",
            "Hours viewed in the first 28 days",
            "hours-viewed",
            "hours",
            "first-28-days",
            origin="most-popular",
        ),
        Board(
            "hours-91",
            "Hours viewed in the first 91 days",
            "hours-viewed",
            "hours",
            "first-91-days",
            origin="most-popular",
        ),
        Board(
            "views-91",
            "Views in the first 91 days",
            "views",
            "views",
            "first-91-days",
            origin="most-popular",
        ),
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
        Board(
            "best-week-views",
            "Views in the best single week",
            "views",
            "views",
            "week:",
            True,
            origin="top10-views",
        ),
    )
}


#: Boards over one of Netflix's half-year engagement reports (one report at a time): metric,
#: unit, the board's label, and the figure as a sentence names it.
REPORT_BOARDS = {
    "report-hours": ("hours-viewed", "hours", "Hours viewed", "hours viewed"),
    "report-views": ("views", "views", "Views", "views"),
}


def reports_in(dataset: Dataset) -> list[str]:
    """The engagement reports the dataset has figures from ('2023H1', ...), oldest first."""
    found = set()
    for show in dataset.shows.values():
        for stat in show.stats:
            if stat.window.startswith("half-year:"):
                found.add(stat.window[len("half-year:") :])
    return sorted(found)


def report_board(key: str, report: str) -> Board:
    """The board of one metric in one report: 'report-hours' in '2023H1'."""
    metric, unit, label, noun = REPORT_BOARDS[key]
    half = "January-June" if report.endswith("H1") else "July-December"
    title = f"{label} in Netflix's engagement report, {half} {report[:4]}"
    return Board(key, title, metric, unit, f"half-year:{report}", origin="report", noun=noun)


def reports_ranking(dataset: Dataset, key: str, kind: str | None = None) -> list[str]:
    """The reports whose ``key`` board ('report-views') ranks a title (of ``kind``), oldest
    first: where to look when the board of one report is empty."""
    metric, unit, _, _ = REPORT_BOARDS[key]
    found: set[str] = set()
    for show in dataset.shows.values():
        if kind and show.kind != kind:
            continue
        found.update(
            stat.window[len("half-year:") :]
            for stat in show.stats
            if stat.metric == metric and stat.unit == unit and stat.window.startswith("half-year:")
        )
    return sorted(found)


class BoardEntry(Record):
    show: Show
    season: int | None
    stat: Stat
    #: Netflix's own rank of the figure on its all-time Most Popular list (a board of one of
    #: those lists), from the figure's note; None elsewhere. A board ranks the catalogue's
    #: titles only, so its own positions are not Netflix's.
    netflix_rank: int | None = None


class Ranking(Record):
    """A board's rows, and the counts that say why it holds fewer than were asked for."""

    #: Best first, at most ``limit``, only of ``kind`` when given.
    entries: tuple[BoardEntry, ...]
    #: Title-seasons with the figure of ``kind`` (all of them, before ``limit``).
    ranked: int
    #: Title-seasons with the figure, of any kind.
    with_figure: int
    kind: str | None
    limit: int | None
    #: The Netflix list the board ranks (a Top 10 board); None for a report's board, where
    #: the report itself is the list.
    chart_list: str | None = None
    #: The other lists with this figure, and how many title-seasons (of ``kind``) each has.
    other_lists: tuple[tuple[str, int], ...] = ()
    #: Every list with this figure, and how many title-seasons of any kind each has: where the
    #: titles are when none of ``kind`` has the figure on any list.
    any_kind: tuple[tuple[str, int], ...] = ()
    #: Title-seasons (of ``kind``) whose figure names no list, where others name theirs: on
    #: no list's board, so the board says they were left out.
    unlisted: tuple[BoardEntry, ...] = ()
    #: On a board of weekly views (from WEEKLY_VIEWS_FROM): the title-seasons (of ``kind``,
    #: on the board's list) whose best week by hours came before Netflix published views, so
    #: their best week's views are not known (Squid Game S1's, in 2021, has hours only). Left
    #: off the board, which says so, rather than ranked by their best week since. One that
    #: charted before but peaked since (Bloodhounds S1) is ranked: views are hours / runtime.
    before_views: tuple[BoardEntry, ...] = ()
    #: On a board of an all-time Most Popular list: the unit Netflix ranks that list by
    #: ('views' for the 91-day lists, 'hours' for the 28-day ones), which its ranks
    #: (BoardEntry.netflix_rank) follow even on a board of the other unit; None elsewhere.
    netflix_ranked_by: str | None = None

    @property
    def short(self) -> bool:
        """Fewer rows than --limit asked for."""
        return self.limit is not None and len(self.entries) < self.limit

    @property
    def filtered(self) -> bool:
        """--kind left out titles that have the figure."""
        return self.with_figure > self.ranked


def leaderboard(
    dataset: Dataset,
    board: Board,
    kind: str | None = None,
    limit: int | None = 10,
    chart_list: str | None = None,
) -> Ranking:
    """Title-seasons ranked by one metric over one window; figures of other windows never mix.
    Titles of every kind are counted, so a board emptied by ``kind`` can say so.

    A Top 10 board ranks one of Netflix's lists (``chart_list``, a TOP10_LISTS value; by
    default the one with the most title-seasons of ``kind``) and names the others. A report's
    board ranks the report: Netflix's workbook lists every title of the half-year."""
    everything = _board_entries(dataset, board)
    if board.origin == "report":
        return _ranked(everything, kind, limit)
    before: list[BoardEntry] = []
    if board.origin == "top10-views":
        before = [e for e in everything if _charted_before_views(e)]
        everything = [e for e in everything if not _charted_before_views(e)]
    # A figure naming no list, or one Netflix does not have (a misspelt "TV (Non English)",
    # which data check warns of), belongs to no board: the board says it left it out.
    listed: list[BoardEntry] = []
    apart: list[BoardEntry] = []
    for entry in everything:
        (listed if _netflix_list(entry.stat.list) else apart).append(entry)
    counts = {entry.stat.list or "": 0 for entry in listed}
    if not counts:  # no figure names a list (a dataset of one's own): nothing to keep apart
        earlier = _ranked(before, kind, None).entries
        return _ranked(everything, kind, limit)._replace(before_views=earlier)
    any_kind = dict(counts)
    for entry in listed:
        any_kind[entry.stat.list or ""] += 1
        if not kind or entry.show.kind == kind:
            counts[entry.stat.list or ""] += 1
    if chart_list is None:
        chart_list = min(counts, key=lambda name: (-counts[name], _list_place(name), name))
    ranking = _ranked([e for e in listed if e.stat.list == chart_list], kind, limit)
    if board.origin == "most-popular":
        ranking = ranking._replace(netflix_ranked_by=_all_time_measure(dataset, board, chart_list))
    unlisted = _ranked(apart, kind, None).entries
    earlier = _ranked([e for e in before if e.stat.list == chart_list], kind, None).entries
    others = tuple(
        (name, count) for name, count in _by_size(counts) if name != chart_list and count
    )
    everywhere = tuple((name, count) for name, count in _by_size(any_kind) if count)
    return ranking._replace(
        chart_list=chart_list,
        other_lists=others,
        any_kind=everywhere,
        unlisted=unlisted,
        before_views=earlier,
    )


def _charted_before_views(entry: BoardEntry) -> bool:
    """Whether the entry's title-season's best week in the Top 10 list of its figure is before
    Netflix published weekly views, so its best week by views is not known.

    Netflix's weekly views are the week's hours divided by the season's runtime, which does
    not change, so a season's best week by views is its best week by hours: a season in the
    Top 10 before then whose hours peaked later (Bloodhounds S1: 28M hours in its first week,
    65.9M in the week ending 2023-06-18) has its best week's views. Only one whose best week
    by hours came first (Squid Game S1, in 2021) is unknown; so is one with a week before
    whose hours are not given, which might have been its best."""
    before: dict[str, float | None] = {}
    since: float | None = None
    for stat in entry.show.stats:
        if not stat.window.startswith("week:") or stat.metric not in ("rank", "hours-viewed"):
            continue
        if stat.season != entry.season or stat.list != entry.stat.list:
            continue
        week = stat.window[5:]
        hours = stat.value if stat.metric == "hours-viewed" else None
        if dt.date.fromisoformat(week) < WEEKLY_VIEWS_FROM:
            if hours is not None or week not in before:
                before[week] = hours
        elif hours is not None:
            since = hours if since is None else max(since, hours)
    return any(hours is None or since is None or hours > since for hours in before.values())


def _all_time_measure(dataset: Dataset, board: Board, chart_list: str) -> str | None:
    """The unit ('hours', 'views') by which Netflix ranks its all-time Most Popular list
    ``chart_list`` of ``board``'s window, read from the figures its ranks are noted on.

    A unit whose figures fall as Netflix's ranks rise can be the one it ranks by. Where the
    list gives both (the 91-day lists), both may fall among the catalogue's few titles, and
    views are the measure: Netflix gives views only on the lists it ranks by views (its
    28-day lists, ranked by hours, give none). None where no unit agrees with the ranks."""
    figures: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for show in dataset.shows.values():
        for stat in show.stats:
            if stat.window != board.window_prefix or stat.list != chart_list:
                continue
            rank = all_time_rank(stat.note, stat.list)
            if rank is not None and stat.unit in ("hours", "views"):
                figures[stat.unit].append((rank, stat.value))
    agreeing = [
        unit
        for unit in ("views", "hours")
        if unit in figures and _falling(sorted(figures[unit], key=lambda f: (f[0], -f[1])))
    ]
    return agreeing[0] if agreeing else None


def _falling(ranked: Sequence[tuple[int, float]]) -> bool:
    """Whether figures in Netflix's rank order, (rank, value), never rise."""
    return all(earlier[1] >= later[1] for earlier, later in itertools.pairwise(ranked))


def _netflix_list(name: str | None) -> bool:
    """A figure's list is one of Netflix's (or several, joined as the importer joins them)."""
    from kdrama_cli.catalogue.vocab import lists_not_netflix

    return bool(name) and not lists_not_netflix(name or "")


def _by_size(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Lists and their counts, the largest first, then in TOP10_LISTS order."""
    return sorted(counts.items(), key=lambda item: (-item[1], _list_place(item[0])))


def cited_by(dataset: Dataset, figures: Iterable[Stat | ChartWeek]) -> tuple[Citation, ...]:
    """The citations of a board's or a chart's figures, each once, in the order first cited:
    what their page lists under Sources."""
    ids = dict.fromkeys(i for figure in figures for i in figure.sources)
    return fetch(dataset.citations, ids)


def list_option(name: str) -> str | None:
    """The word `top --list` takes for one of Netflix's lists ("films"), None for another."""
    return next((word for word, listed in TOP10_LISTS.items() if listed == name), None)


def _list_place(name: str) -> int:
    """A list's place in TOP10_LISTS (TV first), after them a list it does not know."""
    places = list(TOP10_LISTS.values())
    return places.index(name) if name in places else len(places)


def _ranked(entries: list[BoardEntry], kind: str | None, limit: int | None) -> Ranking:
    ranked = [e for e in entries if not kind or e.show.kind == kind]
    ranked.sort(key=lambda e: (-e.stat.value, e.show.title, e.season or 0))
    shown = ranked[:limit] if limit else ranked
    return Ranking(tuple(shown), len(ranked), len(entries), kind, limit)


def _board_entries(dataset: Dataset, board: Board) -> list[BoardEntry]:
    """Each title-season's figure for the board (its best week for a best-week board), in
    whichever list it is."""
    entries: list[BoardEntry] = []
    for show in dataset.shows.values():
        best: dict[tuple[int | None, str | None], Stat] = {}
        for stat in show.stats:
            if stat.metric != board.metric or stat.unit != board.unit:
                continue
            if not stat.window.startswith(board.window_prefix):
                continue
            if board.window_prefix.endswith("-days") and stat.window != board.window_prefix:
                continue
            current = best.get((stat.season, stat.list))
            if current is None or stat.value > current.value:
                best[(stat.season, stat.list)] = stat
        entries.extend(
            BoardEntry(show, season, stat, _netflix_rank(board, stat))
            for (season, _), stat in best.items()
        )
    return entries


def _netflix_rank(board: Board, stat: Stat) -> int | None:
    """Netflix's rank of an all-time Most Popular figure, as its note gives it."""
    if board.origin != "most-popular":
        return None
    return all_time_rank(stat.note, stat.list)


# --- weekly charts -----------------------------------------------------------------------------


class ChartWeek(Record):
    week: dt.date
    season: int | None
    rank: int | None
    hours: float | None
    views: float | None
    list: str | None
    #: The citation ids of the week's figures.
    sources: tuple[str, ...] = ()


def weeks_before_views(weeks: Sequence[ChartWeek]) -> int:
    """How many of these weeks come before Netflix published weekly views (hours only)."""
    return sum(1 for week in weeks if week.week < WEEKLY_VIEWS_FROM)


def weekly_chart(show: Show, season: int | None = None) -> list[ChartWeek]:
    """The show's weeks in Netflix's global Top 10, oldest first; with ``season``, that
    season's weeks and those Netflix gave no season (the title's), as `show --season` counts
    them."""
    rows: dict[tuple[str, int | None], dict[str, float]] = defaultdict(dict)
    lists: dict[tuple[str, int | None], str | None] = {}
    cited: dict[tuple[str, int | None], dict[str, None]] = defaultdict(dict)
    for stat in show.stats:
        if not stat.window.startswith("week:") or stat.metric not in (
            "rank",
            "hours-viewed",
            "views",
        ):
            continue
        if season is not None and stat.season not in (None, season):
            continue
        key = (stat.window[5:], stat.season)
        rows[key][stat.metric] = stat.value
        lists[key] = stat.list
        cited[key].update(dict.fromkeys(stat.sources))
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
                sources=tuple(cited[(week, number)]),
            )
        )
    return result


def why_no_weeks(show: Show, season: int | None = None) -> str:
    """Why a chart of ``show`` (or of its season ``season``) has no week, as one key:

    - ``season-not-out``: the season asked for is renewed, announced, in production or
      cancelled;
    - ``out-before-top10``: it (its first season, for a whole series) came out before the week
      ending WEEKLY_TOP10_FROM, so its first weeks fall before the lists Netflix published:
      "never in the Top 10" is not known, only that it is in none of the lists since;
    - ``undated``: no date in the dataset says when it came out, so the same holds;
    - ``never-in-top10``: it came out since the lists began and is in none of them.
    """
    asked = show.season(season) if season is not None else None
    if asked is not None and not asked.is_out:
        return "season-not-out"
    if asked is not None:
        dates = [asked.release_date] if asked.release_date else []
    elif show.seasons:
        dates = [s.release_date for s in show.released_seasons if s.release_date]
    else:
        dates = [show.release_date] if show.release_date else []
    if not dates:
        return "undated"
    # A title out in the first listed week (Monday to Sunday) is in that week's list.
    if min(dates) < WEEKLY_TOP10_FROM - dt.timedelta(days=6):
        return "out-before-top10"
    return "never-in-top10"


class ChartGap(Record):
    """What a chart says besides its weeks, worked out once for the page, the message and
    --json alike: the season asked for when it is not out (renewed, announced, in production
    or cancelled), and, for a chart with no week, why (a why_no_weeks key)."""

    not_out: Season | None
    no_weeks: str | None
    #: Why the news of the season not out is stale on the day asked (answers.upcoming's
    #: rule, as the show page flags it), or None.
    stale: str | None = None


def chart_gap(
    show: Show, season: int | None, weeks: Sequence[ChartWeek], today: dt.date | None = None
) -> ChartGap:
    """The gap of the chart of ``show`` (its season ``season``, or None) with these weeks."""
    from kdrama_cli.answers.upcoming import stale_reason

    asked = show.season(season) if season is not None else None
    not_out = asked if asked is not None and not asked.is_out else None
    stale = stale_reason(not_out, today or dt.date.today()) if not_out else None
    return ChartGap(not_out, None if weeks else why_no_weeks(show, season), stale)

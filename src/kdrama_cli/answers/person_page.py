"""A person's page: their credits, one row per title for the page and browse, the people
they worked with most, and what the page cites (no printing)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from kdrama_cli.answers.sources import crew_layer, layer_cited, rests_on
from kdrama_cli.answers.spoilers import (
    credit_hidden,
    flagged_citations,
)
from kdrama_cli.answers.upcoming import netflix_listing, season_watchable, watchable_seasons
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    Dataset,
    LayerMark,
    Person,
    Show,
    SourceWork,
    authors_of,
    fetch,
    seasons_of,
    work_capacities,
)
from kdrama_cli.catalogue.names import lookup_of
from kdrama_cli.catalogue.record import Record


class PersonCredit(Record):
    show: Show
    #: 'actor', or the crew role: 'director', 'writer', 'creator', or for a source work
    #: 'original webtoon writer' / 'original webtoon artist', and for a work based on the one
    #: the title adapts 'artist of the webtoon adaptation of the original web novel'
    #: (catalogue.models.work_capacities); ``work`` is then that work.
    capacity: str
    credit: Credit | None = None
    work: SourceWork | None = None
    #: The credit's seasons not out on the day asked (renewed, announced, in production, and
    #: not listed by Netflix's own files: answers.upcoming.season_watchable), as a cast
    #: page's ``announced_seasons``; () for a crew or source-work credit, the whole title's.
    announced: tuple[int, ...] = ()
    #: The file loaded over the base dataset that gave the credit, and how (Dataset.
    #: credit_layer: "extended" for a credit its extension added to the title, "added" or
    #: "replaced" for one of a title it gave whole; a source work's maker, the layer that
    #: gave the work, else the title); None for a credit as the base dataset gives it.
    layer: LayerMark | None = None
    #: What that layer gave or changed, as the page names it: the source work's title for a
    #: maker's credit of a work a layer gave, else None (the title).
    layer_on: str | None = None
    #: For a credit a layer's extension added to a title, what that layer cites for it: the
    #: credit's own sources and the cast_sources the extension added (a crew credit: the
    #: sources it added), never the citations of the entry it extended, which do not name
    #: it (answers.sources.layer_cited); () when the layer cites none. None for any other credit.
    cited: tuple[str, ...] | None = None

    @property
    def layered(self) -> tuple[str, LayerMark] | None:
        """What a layer gave the credit on (the title, or the source work) and the layer."""
        if self.layer is None:
            return None
        return (self.layer_on or self.show.title, self.layer)

    @property
    def sources(self) -> tuple[str, ...]:
        """What the credit rests on: a role, the title's cast list and the credit's own
        sources; a crew credit, the title's sources (which name its makers); a source work's
        writer or artist, the work's. A credit a layer's extension added rests on what that
        layer cites for it alone (``cited``)."""
        if self.credit is not None:
            return rests_on(self.show, self.credit, self.cited)
        if self.cited is not None:
            return self.cited
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
    #: Which of ``acted`` and of ``made`` a layer gave (PersonCredit.layer), each in their
    #: order: () when none did. A part a layer gave in one season only is marked.
    acted_layered: tuple[bool, ...] = ()
    made_layered: tuple[bool, ...] = ()
    #: The layers that gave the row's credits, each once with what it gave or changed (the
    #: title, or a source work: PersonCredit.layered), in the order of its credits.
    layers: tuple[tuple[str, LayerMark], ...] = ()

    @property
    def year(self) -> int | None:
        """The year of the first dated season of theirs that is out (Amotti's Physical: 100
        row is its season 2's, 2024, not the title's 2023), or the title's: a crew credit is
        the whole title's, and a season out without a date says nothing. None when every
        season they are in is still to come (Roh Jae-won, announced for All of Us Are Dead
        season 2, was not in its 2022): the page gives no year, and lists the row last."""
        if self.made or not self.seasons:
            return self.show.year
        out = [n for n in self.seasons if n not in self.announced]
        if not out:
            return None
        dates = [
            season.release_date
            for season in map(self.show.season, out)
            if season is not None and season.release_date is not None
        ]
        return min(dates).year if dates else self.show.year

    @property
    def out_by(self) -> dt.date | None:
        """For a row with no year though a season of theirs is out (no source dates it, as
        with The WONDERfools): the end of the first week or half-year Netflix's files list one
        of their seasons in, by when it was out, as the show page's Released column says
        (netflix_listing). None otherwise."""
        if self.year is not None:
            return None
        if not self.show.seasons:  # a film: its first week in the Top 10
            return self.show.first_top10_week
        if self.seasons and not self.made:  # the seasons of theirs that are out
            numbers = [n for n in self.seasons if n not in self.announced]
        else:  # the whole title's: any season of it
            numbers = [s.number for s in self.show.seasons]
        found = [
            listing.by
            for n in numbers
            if (listing := netflix_listing(self.show, n, dt.date.max)) is not None
        ]
        return min(found) if found else None

    @property
    def year_label(self) -> str | None:
        """The row's year as the person page and browse give it: "2021", "by 2026" (out, not
        dated by any source), or None (every season still to come)."""
        if self.year:
            return str(self.year)
        out_by = self.out_by
        return f"by {out_by.year}" if out_by else None

    @property
    def sort_year(self) -> int:
        """The year the page lists the row under: its own, or the year it was out by; rows with
        neither (every season still to come) last."""
        out_by = self.out_by
        return self.year or (out_by.year if out_by else 9999)


def _by_title(credits: Sequence[PersonCredit]) -> tuple[TitleCredits, ...]:
    """Credits grouped by title (one row per title however many capacities: "Park Pyong-ho
    (main); also director, writer"), each row's seasons not out those of its credits, in
    the page's order: by the row's year, a row with none last (TitleCredits.year)."""
    groups: dict[str, list[int]] = {}
    for index, entry in enumerate(credits):
        groups.setdefault(entry.show.slug, []).append(index)
    rows = []
    for listed in groups.values():
        show = credits[listed[0]].show
        # In the order of each credit's first season (the title's order among equals), so the
        # characters line up with the roles after them: "Himself / Host" beside "main (S2),
        # host (S3, S4, S5)"; what they made of it after. --json and --csv list the credits
        # in this order too (``of``), as the row reads (walk36-people #7).
        indices = sorted(listed, key=lambda i: _row_place(credits[i], show))
        entries = [credits[i] for i in indices]
        every = [e.credit for e in entries if e.credit is not None]
        # One character once: a part that changed role between seasons is two credits
        parts: dict[tuple[str | None, str | None, str | None], Credit] = {}
        for credit in every:
            parts.setdefault(_part(credit), credit)
        acted = tuple(parts.values())
        by_role: dict[str, set[int]] = {}
        for credit in every:
            by_role.setdefault(credit.role, set()).update(seasons_of(credit, show))
        made_by = [e for e in entries if e.credit is None]
        made = tuple(e.capacity + (f" ({e.work.title})" if e.work else "") for e in made_by)
        layered = {  # the characters a layer gave a credit for, and the credits' layers
            _part(e.credit): e.layer for e in entries if e.credit is not None and e.layer
        }
        layers = tuple(dict.fromkeys(e.layered for e in entries if e.layered is not None))
        seasons = sorted({n for credit in every for n in seasons_of(credit, show)})
        rows.append(
            TitleCredits(
                show=show,
                acted=acted,
                role=", ".join(dict.fromkeys(c.role for c in acted)) or "crew",
                made=made,
                seasons=tuple(seasons),
                announced=tuple(sorted({n for e in entries for n in e.announced})),
                sources=tuple(dict.fromkeys(i for e in entries for i in e.sources)),
                of=tuple(indices),
                # in the order of each role's first season: "main (S2), host (S3, S4, S5)"
                roles_by_season=tuple(
                    (r, tuple(sorted(n))) for r, n in sorted(by_role.items(), key=_first_season)
                )
                if len(by_role) > 1 and all(by_role.values())
                else (),
                acted_layered=tuple(_part(c) in layered for c in acted) if layers else (),
                made_layered=tuple(e.layer is not None for e in made_by) if layers else (),
                layers=layers,
            )
        )
    return tuple(sorted(rows, key=lambda row: (row.sort_year, row.show.title)))


def _row_place(entry: PersonCredit, show: Show) -> tuple[int, int]:
    """Where a credit comes in its title's row: a part by its first season, before what the
    person made of the title (which keeps its own order)."""
    if entry.credit is None:
        return (1, 0)
    return (0, min(seasons_of(entry.credit, show), default=0))


def _part(credit: Credit) -> tuple[str | None, str | None, str | None]:
    """A part as a row lists it once, however many credits (roles, seasons) it has."""
    return (credit.character, credit.character_hangul, credit.character_unknown)


def _first_season(role: tuple[str, set[int]]) -> int:
    return min(role[1], default=0)


class PersonDetail(Record):
    person: Person
    #: One per capacity in each title, grouped by title in the order of ``titles`` (the page's).
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
    #: The files loaded over the base dataset that made or changed this person's entry, and
    #: how (Dataset.layers_of); () for a person as the base gives them.
    layers: tuple[LayerMark, ...] = ()
    #: Those of the files of ``layers`` that the personal dataset is or brings in (its [meta]
    #: include): no command line named them, so the page says where they come from. Filled by
    #: the command or browse's Engine, which know the personal dataset (App.through_personal);
    #: () by default.
    personal: tuple[str, ...] = ()
    #: What the person's own entry rests on (their name, Hangul, aliases and note: a stage
    #: name's legal name, what tells namesakes apart), numbered in ``citations`` after what
    #: the credits cite; without spoilers, less the citations flagged as spoilers, as a
    #: credit's are.
    sources: tuple[str, ...] = ()

    @property
    def every_layer(self) -> tuple[LayerMark, ...]:
        """The layers the page names: those of the person's entry, then each that gave one of
        their credits (App.through_personal says which came through the personal dataset)."""
        return (*self.layers, *(credit.layer for credit in self.credits if credit.layer))

    @property
    def unsourced(self) -> tuple[tuple[str, LayerMark], ...]:
        """The credits a layer's extension added that its layer cites no source for (their
        PersonCredit.cited is empty), as (the title, the layer), each once in page order."""
        found = (
            (credit.show.title, credit.layer)
            for credit in self.credits
            if credit.cited == () and credit.layer is not None
        )
        return tuple(dict.fromkeys(found))

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


def person_detail(
    dataset: Dataset, person: Person, spoilers: bool = False, today: dt.date | None = None
) -> PersonDetail:
    """Every credit of a person in the catalogue, and who they worked with twice or more.
    A season counts as out when it can be watched on ``today`` (default: the real day): out
    in the catalogue, or listed by Netflix's own files ahead of it, as the show page says.

    A cast credit flagged as a spoiler (Kim Soo-hyun's cameo in Hotel Del Luna) is neither
    listed nor counted towards a colleague unless ``spoilers`` (answers.spoilers); ``hidden``
    says how many were left out. A title with only such a credit of theirs is left out too."""
    mine = lookup_of(dataset).titles_of(person.id)
    shows = sorted((dataset.shows[slug] for slug in mine), key=_year_key)
    credits: list[PersonCredit] = []
    left_out = 0
    for show in shows:
        for position, credit in enumerate(show.cast):
            if credit.person == person.id and credit_hidden(credit, spoilers):
                left_out += 1
            elif credit.person == person.id:
                if not spoilers:  # a finale story on their row says they reached the final
                    flagged = flagged_citations(credit.sources, dataset.citations)
                    own = tuple(i for i in credit.sources if i not in flagged)
                    credit = credit._replace(sources=own)
                coming = tuple(
                    n for n in seasons_of(credit, show) if not season_watchable(show, n, today)
                )
                layer = dataset.credit_layer(show, "actor", position)
                cited = layer_cited(dataset, show, layer, "cast_sources", credit.sources)
                credits.append(
                    PersonCredit(show, "actor", credit, None, coming, layer, cited=cited)
                )
        # what they made of it (Show.capacities_of, as path and seen people name it)
        for capacity in show.crew_of(person.id):
            layer = crew_layer(dataset, show, capacity, person.id)
            cited = layer_cited(dataset, show, layer, "sources")
            credits.append(PersonCredit(show, capacity, layer=layer, cited=cited))
        credits.extend(
            PersonCredit(show, capacity, work=work)._replace(**_work_layer(dataset, show, work))
            for capacity, work in work_capacities(person.id, dataset.works_of(show))
        )
    in_order, titles = _in_page_order(credits)
    # the titles shared with each, in the order the page lists them (a title on the row of
    # the year this person's first season came out, not the title's own first year)
    page_order = {row.show.slug: n for n, row in enumerate(titles)}
    colleagues = [
        c._replace(shows=tuple(sorted(c.shows, key=lambda s: page_order.get(s.slug, 0))))
        for c in _colleagues(dataset, person.id, shows, spoilers, today)
    ]
    own = tuple(dict.fromkeys(person.sources))
    if not spoilers:
        flagged = flagged_citations(own, dataset.citations)
        own = tuple(i for i in own if i not in flagged)
    cites = dict.fromkeys([*(i for entry in in_order for i in entry.sources), *own])
    return PersonDetail(
        person,
        in_order,
        tuple(colleagues),
        fetch(dataset.citations, cites),
        left_out,
        spoilers,
        titles,
        dataset.layers_of("people", person.id),
        sources=own,
    )


def _work_layer(dataset: Dataset, show: Show, work: SourceWork) -> dict[str, Any]:
    """The layer that gave a source work's maker's credit in a title, as PersonCredit's
    ``layer`` and ``layer_on``: the one that gave the work as it is (a work is never
    extended), else the one that gave the title, which names the work it adapts."""
    given = dataset.entry_layer("source_works", work.id)
    if given is not None:
        return {"layer": given, "layer_on": work.title}
    return {"layer": dataset.entry_layer("shows", show.slug)}


def _in_page_order(
    credits: Sequence[PersonCredit],
) -> tuple[tuple[PersonCredit, ...], tuple[TitleCredits, ...]]:
    """The credits in the order the page lists their titles (a person's year in each, not
    the title's first: --json and --csv list them as the page does, and the Sources list
    numbers what they cite in that order), and the page's rows pointing at them."""
    rows = _by_title(credits)
    order = [i for row in rows for i in row.of]
    moved = {old: new for new, old in enumerate(order)}
    rows = tuple(row._replace(of=tuple(moved[i] for i in row.of)) for row in rows)
    return tuple(credits[i] for i in order), rows


def _colleagues(
    dataset: Dataset,
    person_id: str,
    shows: Sequence[Show],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> list[Colleague]:
    """Who worked with ``person_id`` on two or more titles. A title counts only when both were
    credited in one season of it that is out: Lee Yoo-mi (Squid Game S1, All of Us Are Dead
    S1) did not work with Roh Jae-won (Squid Game S2 and S3, announced for All of Us Are Dead
    S2). A film is one season. A credit flagged as a spoiler counts only with ``spoilers``."""
    together: dict[str, list[Show]] = defaultdict(list)
    for show in shows:
        seasons = _released_credits(show, dataset.works_of(show), spoilers, today)
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
    show: Show,
    works: Sequence[SourceWork],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> dict[str, set[int]]:
    """Each person credited on ``show``, with the seasons that are out on ``today`` they are
    credited in (answers.upcoming.season_watchable; 0 stands for a film, or a title that lists
    no seasons). A crew or source-work credit is the whole title's, so it covers every season
    that is out; a person credited only in seasons not out yet (renewed, announced, in
    production, and no Netflix list showing it) has an empty set."""
    whole = {s.number for s in watchable_seasons(show, today)} if show.seasons else {0}
    found: dict[str, set[int]] = defaultdict(set)
    for credit in show.cast:
        if credit_hidden(credit, spoilers):
            continue
        if not show.seasons:
            found[credit.person].add(0)
        else:
            numbers = credit.seasons or whole
            found[credit.person].update(n for n in numbers if season_watchable(show, n, today))
    crew = (*show.creators, *show.directors, *show.writers)
    for person_id in (*crew, *authors_of(works)):
        found[person_id].update(whole)
    return found

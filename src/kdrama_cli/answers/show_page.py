"""A show's page: its seasons, people, cast, figures, facts and companions (no printing)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from kdrama_cli.answers.charts import leaves_out_weeks
from kdrama_cli.answers.finding import Match, NoSuchSeason, meant_instead, named_in_catalogue
from kdrama_cli.answers.sources import cast_layer, layer_cited, layered_crew, rests_on
from kdrama_cli.answers.spoilers import credit_hidden, hidden, listing_order, spoiler_only
from kdrama_cli.answers.upcoming import (
    UPCOMING_STATUSES,
    NetflixListing,
    Staleness,
    netflix_listing,
    staleness,
    watchable_seasons,
)
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    Dataset,
    Fact,
    LayerMark,
    NetflixReach,
    Person,
    Season,
    Show,
    SourceWork,
    Stat,
    fetch,
    window_days,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import LEAD_ROLES
from kdrama_cli.catalogue.wording import joined


class CastEntry(Record):
    """One credit resolved to its person, with whether its seasons are out yet."""

    show: Show
    person: Person
    credit: Credit
    #: Seasons of this credit that are announced but not released.
    announced_seasons: tuple[int, ...]
    #: The newest as-of date among the announced seasons.
    announced_as_of: str | None
    #: The layer whose extension (``extend = true``) added the credit to the title, as a
    #: person's page names it (Dataset.credit_layer); None for any other credit (a title a
    #: layer gave whole says so in its "Layer:" line).
    layer: LayerMark | None = None
    #: For such a credit, what its layer cites for it (answers.sources.layer_cited): its own
    #: sources and the cast_sources the extension lists; () when the layer cites none.
    cited: tuple[str, ...] | None = None
    #: The layer that gave the credit, as a person's page gives it (PersonCredit.layer):
    #: "extended" as ``layer``, or "added" or "replaced", the layer that gave the title's
    #: entry; None for a credit as the base dataset gives it (--json's ``layer``).
    given_by: LayerMark | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """What the credit rests on (answers.sources: the layer's citations for a credit an
        extension added, else the title's cast lists and the credit's own)."""
        return rests_on(self.show, self.credit, self.cited)

    @property
    def own_sources(self) -> tuple[str, ...]:
        """What the credit's row cites beside its title's cast lists (which the cast heading
        cites): the credit's own sources, or all a layer's extension cites for it."""
        return self.credit.sources if self.cited is None else self.cited


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


class WorkCredits(Record):
    """A source work with the people it credits (SourceWork.story_by, writers, artists)."""

    work: SourceWork
    story_by: tuple[Person, ...]
    writers: tuple[Person, ...]
    artists: tuple[Person, ...]


def work_credits(dataset: Dataset, work: SourceWork) -> WorkCredits:
    return WorkCredits(
        work,
        _people(dataset, work.story_by),
        _people(dataset, work.writers),
        _people(dataset, work.artists),
    )


class ShowDetail(Record):
    show: Show
    match: Match | None
    season: Season | None
    seasons: tuple[Season, ...]
    source_work: SourceWork | None
    #: The source work's credits (SourceWork.story_by, writers, artists), as people.
    source_story_by: tuple[Person, ...]
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
    #: The figures of ``stats`` that are running totals of Netflix's weekly Top 10 lists of a
    #: season out before the lists began (answers.charts.leaves_out_weeks): they leave out its
    #: first weeks, which the page marks ‡ and --json gives as ``before_top10``, as compare's
    #: StatRow.before_top10 and top's BoardEntry.before_top10 do.
    before_top10: tuple[Stat, ...] = ()
    #: Whether spoilers were asked for: spoiler facts are then in ``facts``, and the Sources
    #: list shows the headlines of citations flagged as spoilers.
    spoilers: bool = False
    #: The day staleness was judged against, and each coming season's staleness by number
    #: (answers.upcoming.staleness: the rule `kdrama upcoming` flags by).
    today: dt.date | None = None
    staleness: tuple[tuple[int, Staleness], ...] = ()
    #: Seasons out that no source dates, which Netflix's files list: (season, the first week
    #: or report that does), so the page can say by when the season was out.
    undated: tuple[tuple[int, NetflixListing], ...] = ()
    #: How far the catalogue's Netflix figures go: a page with figures says so.
    reach: NetflixReach | None = None
    #: Credits of ``cast`` the page hides as spoilers (a surprise cameo, credit_hidden): it
    #: neither lists nor counts them among the rest of the cast, and says how many it hid.
    cast_hidden: int = 0
    #: The credits `kdrama cast` lists with the same --spoilers: ``cast`` less those hidden,
    #: in an order that gives no withheld note away (answers.spoilers.listing_order); browse
    #: links to them under the page.
    cast_listed: tuple[CastEntry, ...] = ()
    #: For a title the catalogue marks no season of out, the first week or report of
    #: Netflix's that lists one of its coming seasons (answers.upcoming.netflix_listing, on
    #: ``today``): the card then says it is on Netflix rather than "unreleased", as the
    #: seasons table does. Judged over every season, whichever one the page is open at.
    listed_first: NetflixListing | None = None
    #: For a title held only as Netflix's record and found by its name with a leading article
    #: ('the goblin'): the researched title the name without it opens, and those words
    #: (Guardian: The Lonely and Great God, 'goblin'), which the page asks about.
    instead: tuple[Show, str] | None = None
    #: The works based on ``source_work`` (a webtoon drawn from the web novel the title
    #: adapts), directly or through another (Dataset.works_of), with their people.
    adaptations: tuple[WorkCredits, ...] = ()
    #: The files loaded over the base dataset that made or changed this title, and how
    #: (Dataset.layers_of): the page and --json say so; () for a title as the base gives it.
    layers: tuple[LayerMark, ...] = ()
    #: The crew credits a layer's extension added (answers.sources.crew_layer), each as its
    #: capacity ("director"), the person's id, the layer, and what the layer cites for it
    #: (answers.sources.layer_cited: the sources the extension added; () for none): the page
    #: marks them and says which layer gave each. () for a title no extension added crew to.
    crew_layered: tuple[tuple[str, str, LayerMark, tuple[str, ...]], ...] = ()
    #: Those of the files of ``layers`` that the personal dataset is or brings in (its [meta]
    #: include): no command line named them, so the page says where they come from. Filled by
    #: the command or browse's Engine, which know the personal dataset (App.through_personal);
    #: () by default.
    personal: tuple[str, ...] = ()

    @property
    def source_credits(self) -> WorkCredits | None:
        """``source_work`` with its people, as ``adaptations`` gives each work based on it."""
        if self.source_work is None:
            return None
        return WorkCredits(
            self.source_work, self.source_story_by, self.source_writers, self.source_artists
        )

    @property
    def credited(self) -> tuple[Person, ...]:
        """Everyone credited on the page's title (or season), each once: the cast the page
        lists, the rest `kdrama cast` lists, then its creators, directors and writers. Whom
        the page hides as a spoiler (``cast_hidden``) is left out, unless credited otherwise:
        "You have seen them in" must not name a surprise cameo the page does not."""
        people = {entry.person.id: entry.person for entry in (*self.cast_shown, *self.cast_listed)}
        for person in (*self.creators, *self.directors, *self.writers):
            people.setdefault(person.id, person)
        return tuple(people.values())

    @property
    def cameos(self) -> frozenset[str]:
        """The people whose only tie to the title is a credit hidden as a spoiler (a surprise
        cameo: spoiler_only), not its crew nor an author of a work it adapts: --json names them
        flagged where the page, without --spoilers, leaves them out."""
        works = [w for w in (self.source_credits, *self.adaptations) if w is not None]
        authors = [p.id for w in works for p in (*w.story_by, *w.writers, *w.artists)]
        return frozenset(
            entry.person.id
            for entry in self.cast
            if spoiler_only(self.show, entry.person.id, False, authors)
        )

    @property
    def cast_more(self) -> int:
        """Credits the page does not list and `kdrama cast` does (with the same --spoilers)."""
        return len(self.cast) - self.cast_hidden - len(self.cast_shown)

    def stale(self, number: int) -> Staleness:
        return dict(self.staleness).get(number, Staleness())

    def listing(self, number: int) -> NetflixListing | None:
        """The first week or report of Netflix's that lists season ``number``, where the page
        says so: a season the catalogue has as coming, or one out that no source dates."""
        return self.stale(number).on_netflix or dict(self.undated).get(number)

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
        listed = joined(weeks)
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
    dataset: Dataset,
    show: Show,
    season: int | None = None,
    role: str = "all",
    today: dt.date | None = None,
) -> tuple[CastEntry, ...]:
    """The show's credits (optionally one season's, one role's), main cast first; a credit in
    a season not out on ``today`` (answers.upcoming.watchable: a season Netflix's own files
    list is out) is marked announced."""
    order = {"host": 0, "judge": 1, "main": 2, "supporting": 3, "special": 4}
    entries: list[CastEntry] = []
    people = {person.id: person for person in fetch(dataset.people, (c.person for c in show.cast))}
    out = {s.number for s in watchable_seasons(show, today)}  # once, not once per credit
    for credit in show.cast:
        if role != "all" and credit.role != role:
            continue
        covered = credit.seasons or tuple(s.number for s in show.seasons)
        if season is not None and covered and season not in covered:
            continue
        if season is not None and not covered and show.seasons:
            continue
        relevant = (season,) if season is not None else covered
        seasons = (show.season(n) for n in relevant)
        pending = [s for s in seasons if s is not None and s.number not in out]
        unreleased = tuple(s.number for s in pending)
        dates = [s.as_of for s in pending if s.as_of]
        person = people[credit.person]
        layer = cast_layer(dataset, show, credit)
        cited = layer_cited(dataset, show, layer, "cast_sources", credit.sources)
        entries.append(
            CastEntry(
                show=show,
                person=person,
                credit=credit,
                announced_seasons=unreleased,
                announced_as_of=max(dates).isoformat() if dates else None,
                layer=layer if cited is not None else None,
                cited=cited,
                given_by=layer,
            )
        )
    entries.sort(key=lambda e: order.get(e.credit.role, 9))
    return tuple(entries)


_WINDOW_ORDER = {"first": 0, "cumulative": 1, "half-year": 2, "episode": 3, "total": 4, "week": 5}


def stat_order(stat: Stat) -> tuple[int, int, int, str, str]:
    """Season, then short windows before long ones, then cumulative, ratings, totals, weeks."""
    kind = stat.window.split(":")[0].split("-")[0]
    days = window_days(stat.window) or 0
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
            raise NoSuchSeason(show, season, named=named_in_catalogue(dataset, show))
    seasons = (chosen,) if chosen else show.seasons
    work, *based = dataset.works_of(show) or (None,)
    cast = cast_entries(dataset, show, season, today=today)
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

    judged = {s.number: staleness(s, today, show) for s in seasons}
    # An out season no source dates: the first week or report of Netflix's that lists it.
    undated = {
        s.number: listing
        for s in seasons
        if s.is_out
        and s.release_date is None
        and (listing := netflix_listing(show, s.number, today)) is not None
    }
    cite(show.sources)
    for s in seasons:
        cite(s.sources)
        if (listing := judged[s.number].on_netflix or undated.get(s.number)) is not None:
            cite(listing.sources)  # the week or report that shows it out
    if work:
        cite(work.sources)
    for adaptation in based:
        cite(adaptation.sources)
    cite(show.cast_sources)
    for entry in cast_shown:
        cite(entry.own_sources)
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
        source_story_by=_people(dataset, work.story_by) if work else (),
        source_writers=_people(dataset, work.writers) if work else (),
        source_artists=_people(dataset, work.artists) if work else (),
        directors=_people(dataset, show.directors),
        writers=_people(dataset, show.writers),
        creators=_people(dataset, show.creators),
        crew_layered=layered_crew(dataset, show),
        cast=cast,
        cast_shown=cast_shown,
        stats=stats,
        chart_weeks=len({week for week, _ in charted}),
        season_weeks=_season_weeks(charted),
        before_top10=tuple(s for s in stats if leaves_out_weeks(show, s)),
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
            (number, judgement) for number, judgement in judged.items() if judgement.stale
        ),
        reach=dataset.netflix_reach(),
        undated=tuple(undated.items()),
        cast_hidden=len(cast) - len(visible),
        cast_listed=visible,
        listed_first=_listed_first(show, today),
        instead=meant_instead(dataset, match) if match is not None else None,
        adaptations=tuple(work_credits(dataset, adaptation) for adaptation in based),
        layers=dataset.layers_of("shows", show.slug),
    )


def _listed_first(show: Show, today: dt.date) -> NetflixListing | None:
    """The earliest of Netflix's listings of a coming season, when no season is out in the
    catalogue (None otherwise, or when Netflix's files list none by ``today``)."""
    if not show.seasons or show.released_seasons:
        return None
    listings = [
        listing
        for s in show.seasons
        if s.status in UPCOMING_STATUSES
        and (listing := netflix_listing(show, s.number, today)) is not None
    ]
    return min(listings, key=lambda listing: listing.by, default=None)

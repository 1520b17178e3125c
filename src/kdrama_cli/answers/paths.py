"""Connection paths: the shortest chain of shared credits between two people (or a person and
a title), as "degrees of separation" tools find them.

The graph has people and titles as nodes and a credit (cast or crew) as an edge. The search
runs from both ends at once, a whole level at a time, always expanding the side whose frontier
is smaller, over the lookups the index answers (``titles_of``, ``people_in``): its cost grows
with the neighbourhoods it meets, not with the catalogue. When the two searches meet, every
shortest path runs through the nodes where they met, and paths are read back through each
side's parents (all parents of a node at the level before, so ``--all`` can list every shortest
path, up to a bound).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from kdrama_cli.answers.sources import cast_layer, crew_layer, layer_cited, rests_on
from kdrama_cli.answers.spoilers import ADD_SPOILERS, credit_hidden, spoiler_only
from kdrama_cli.answers.upcoming import season_watchable
from kdrama_cli.catalogue.models import (
    Citation,
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
from kdrama_cli.catalogue.names import Lookup, lookup_of
from kdrama_cli.catalogue.record import Record

#: A node: ("p", person id), ("t", title slug), or ("s", "slug/N"), season N of a title named
#: with a season at an end ('squid game 2'): that title is searched season by season, each of
#: its seasons a node (_season_people), so a chain passes through it in a season two people
#: share, and reaches the end only through someone credited in the season asked.
Node = tuple[str, str]

#: Searches stop after this many levels on each side (a chain of 12 titles): beyond it, two
#: people are as good as unconnected, and a search must never run away on a huge catalogue.
MAX_DEPTH = 12


class Role(Record):
    """What a person was in a title: every character they play in it (with the seasons of all
    their credits there) and every crew capacity they are credited in."""

    person: Person
    #: The characters, then "creator", "director", "writer", each once, then what the author
    #: of the work the title adapts, or of a work based on it, is to it ("original webtoon
    #: writer", Show.capacities_of): the person page's list; None for a role no source names.
    #: Never empty.
    characters: tuple[str | None, ...]
    seasons: tuple[int, ...]
    sources: tuple[str, ...]
    #: Those of ``seasons`` that are not out (renewed, announced, in production): the credit
    #: is as announced, and a page says so, as the cast table on a show page does.
    announced: tuple[int, ...] = ()
    #: Why no source names a character (the first such credit's ``character_unknown``).
    character_unknown: str | None = None
    #: The layer whose extension (``extend = true``) added a credit of this role to the
    #: title (answers.sources.cast_layer, crew_layer), which the page marks; None for a
    #: role of the title's own credits.
    layer: LayerMark | None = None

    @property
    def named(self) -> tuple[str, ...]:
        """The characters and capacities a source names."""
        return tuple(c for c in self.characters if c is not None)

    @property
    def only_announced(self) -> bool:
        """Whether every season of this role is still to come: nothing of it can be watched."""
        return bool(self.seasons) and len(self.announced) == len(self.seasons)


class Hop(Record):
    """One shared title between two people of the chain (either may be absent at an end that
    is the title itself)."""

    show: Show
    left: Role | None
    right: Role | None
    #: The season the hop goes through, when an end of the chain is a title's season: the
    #: chain then runs season by season through that title (None: the title as a whole).
    season: int | None = None


class Path(Record):
    hops: tuple[Hop, ...]
    citations: tuple[Citation, ...]

    @property
    def degrees(self) -> int:
        """Shared titles in the chain (a season of a title counted as one, where an end is
        a season: "squid game 2" is reached from season 1 through season 2)."""
        return len(self.hops)

    @property
    def unreleased_links(self) -> int:
        """Roles in the chain that rest only on seasons not out yet."""
        return sum(
            role.only_announced
            for hop in self.hops
            for role in (hop.left, hop.right)
            if role is not None
        )

    @property
    def cross_season_hops(self) -> int:
        """Hops whose two people are credited in different seasons of the title and share
        none (Park Hae-soo, Squid Game S1, and Yang Dong-geun, S2 and S3): they never met
        there. A crew credit, or a film's, has no seasons and never counts."""
        return sum(
            bool(hop.left.seasons and hop.right.seasons)
            and not set(hop.left.seasons) & set(hop.right.seasons)
            for hop in self.hops
            if hop.left is not None and hop.right is not None
        )

    @property
    def unnamed_roles(self) -> int:
        """Roles in the chain with no character or capacity a source names."""
        return sum(
            not role.named
            for hop in self.hops
            for role in (hop.left, hop.right)
            if role is not None
        )


class Connection(Record):
    start: Person | Show
    end: Person | Show
    paths: tuple[Path, ...]
    #: Whether more shortest paths exist than were listed.
    more: bool = False
    #: The season of a title end, when one was named ('squid game 2'): the chain's last step
    #: into it is through someone credited in that season (or its crew, in every season).
    start_season: int | None = None
    end_season: int | None = None
    #: What tells each end apart from another of its name in the catalogue (a person's note,
    #: a title's Korean title, year or kind: answers.finding), which the page's heading says:
    #: one Kim Go-eun is an actress, the other a Single's Inferno contestant. None for an end
    #: no other shares a name with.
    start_apart: str | None = None
    end_apart: str | None = None

    @property
    def same(self) -> bool:
        """Whether both ends are one person (or one title): decided by id, never by name, so
        two people who share a name are two ends, and two spellings of one person are one."""
        return _node(self.start) == _node(self.end)

    @property
    def degrees(self) -> int | None:
        """Shared titles in a shortest chain: 0 from an end to itself, None when unconnected."""
        if self.same:
            return 0
        return self.paths[0].degrees if self.paths else None


def _node(endpoint: Person | Show) -> Node:
    return ("t", endpoint.slug) if isinstance(endpoint, Show) else ("p", endpoint.id)


#: A credit as an edge of the graph: (person id, title slug).
Edge = tuple[str, str]


#: A title named with a season at an end, as nodes: each of its seasons searched through (the
#: one asked, and the others that are out), with the people credited in it.
Seasons = dict[str, dict[int, frozenset[str]]]


def _season_node(slug: str, season: int) -> Node:
    return ("s", f"{slug}/{season}")


def _title_of(node: Node) -> tuple[str, int | None]:
    """The slug of a title node, and the season of a season node."""
    if node[0] != "s":
        return node[1], None
    slug, _, number = node[1].rpartition("/")
    return slug, int(number)


class _Side:
    def __init__(
        self, start: Node, no_hops: frozenset[Edge] = frozenset(), split: Seasons | None = None
    ) -> None:
        self.parents: dict[Node, list[Node]] = {start: []}
        self.depth: dict[Node, int] = {start: 0}
        self.frontier: list[Node] = [start]
        self.level = 0
        #: Credits that are no hop: those flagged as spoilers (answers.spoilers).
        self.no_hops = no_hops
        #: The titles searched season by season (_season_people).
        self.split = split or {}

    def expand(self, lookup: Lookup) -> list[Node]:
        """Move one level out; the nodes reached for the first time."""
        reached: dict[Node, list[Node]] = {}
        people = [n for n in self.frontier if n[0] == "p"]
        titles = [n for n in self.frontier if n[0] == "t"]
        if people:
            titles_of = lookup.titles_of_people(n[1] for n in people)
            for node in people:
                for slug in sorted(titles_of.get(node[1], ())):
                    for title in self._title_nodes(node[1], slug):
                        if self._hop(node[1], slug, title):
                            reached.setdefault(title, []).append(node)
        if titles:
            cast = lookup.people_in(n[1] for n in titles)
            for person_id in sorted(cast):
                for slug in sorted(cast[person_id]):
                    if self._hop(person_id, slug, ("p", person_id)):
                        reached.setdefault(("p", person_id), []).append(("t", slug))
        for node in (n for n in self.frontier if n[0] == "s"):
            slug, season = _title_of(node)
            assert season is not None
            for person_id in sorted(self.split[slug][season]):
                if self._hop(person_id, slug, ("p", person_id)):
                    reached.setdefault(("p", person_id), []).append(node)
        self.level += 1
        self.parents.update(reached)
        self.depth.update(dict.fromkeys(reached, self.level))
        self.frontier = list(reached)
        return self.frontier

    def _title_nodes(self, person_id: str, slug: str) -> list[Node]:
        """The nodes of a title a person's credits there reach: the title, or, for a title
        searched season by season, each season of it they are credited in."""
        if slug not in self.split:
            return [("t", slug)]
        seasons = self.split[slug].items()
        return [_season_node(slug, n) for n, people in seasons if person_id in people]

    def _hop(self, person_id: str, slug: str, target: Node) -> bool:
        """Whether the person's credit in the title is a hop to ``target``: a node this side
        has not reached, through a credit that is no spoiler."""
        return target not in self.parents and (person_id, slug) not in self.no_hops


def _chains(parents: dict[Node, list[Node]], node: Node, limit: int) -> Iterator[list[Node]]:
    """Chains from this side's start to ``node`` (start first), at most ``limit``."""
    if not parents[node]:
        yield [node]
        return
    count = 0
    for parent in parents[node]:
        for chain in _chains(parents, parent, limit - count):
            yield [*chain, node]
            count += 1
            if count >= limit:
                return


def shortest_paths(
    dataset: Dataset,
    start: Person | Show,
    end: Person | Show,
    limit: int = 1,
    start_season: int | None = None,
    end_season: int | None = None,
    spoilers: bool = False,
    today: dt.date | None = None,
) -> Connection:
    """The shortest chains of shared credits from ``start`` to ``end`` (at most ``limit``; those
    whose every credit is in a released season first (RELEASED_POOL), then those whose people
    share a season of each title, then those whose roles the sources name, else in a stable
    order), or none when they are not connected within
    MAX_DEPTH. A title end with a season is reached in the last step only through that
    season's people (the title's other seasons are a hop like any other title). A credit
    flagged as a spoiler (a surprise cameo) is no hop unless ``spoilers``: as it is met, it is
    left out and the search run again (they are few, so rarely more than once; after
    MAX_SPOILER_ROUNDS, a chain through one is never answered). A season is released when it
    can be watched on ``today`` (default: the real day; answers.upcoming.season_watchable):
    out, or listed by Netflix's own files."""
    apart = (_told_apart(dataset, start), _told_apart(dataset, end))
    if _node(start) == _node(end):
        return Connection(start, end, (), False, start_season, end_season, *apart)
    no_hops: frozenset[Edge] = frozenset()
    for _ in range(MAX_SPOILER_ROUNDS):
        chains = _meet(
            dataset, start, end, limit, start_season, end_season, no_hops, spoilers, today
        )
        found = frozenset() if spoilers else _spoiler_edges(dataset, chains)
        if not found:
            break
        no_hops |= found
    else:
        # The rounds ran out with hidden credits still in the chains: only those through none
        # of them are answered. With none left, the miss reads as every other miss without
        # spoilers, which says nothing of whose cameo is where.
        chains = [chain for chain in chains if not _edges(chain) & found]
    more = len(chains) > limit
    # Chains one can watch first, then those whose people shared a season of each title (of
    # Park Hae-soo and Yang Dong-geun, Yaksha, where both were in the film, before Squid
    # Game, where they were in different seasons), then those whose roles the sources name:
    # of two as short, "as Oh Mi-ju" says more than "in a role not named".
    paths = sorted(
        _paths(dataset, chains, spoilers, today),
        key=lambda path: (path.unreleased_links, path.cross_season_hops, path.unnamed_roles),
    )
    return Connection(start, end, tuple(paths[:limit]), more, start_season, end_season, *apart)


def _told_apart(dataset: Dataset, end: Person | Show) -> str | None:
    """What tells an end apart from another of its name in the catalogue, or None."""
    from kdrama_cli.answers.finding import person_told_apart, told_apart_in_catalogue

    if isinstance(end, Show):
        return told_apart_in_catalogue(dataset, [end]).get(end.slug)
    return person_told_apart(dataset, end)


#: Searches run again at most this many times, each leaving out the spoiler credits the last
#: one's chains went through.
MAX_SPOILER_ROUNDS = 20


def _spoiler_edges(dataset: Dataset, chains: Sequence[Sequence[Node]]) -> frozenset[Edge]:
    """The credits of the chains that are no hop without --spoilers (answers.spoilers)."""
    pairs = {pair for chain in chains for pair in _edges(chain)}
    shows = {s.slug: s for s in fetch(dataset.shows, sorted({slug for _, slug in pairs}))}
    found = set()
    for person_id, slug in pairs:
        show = shows[slug]
        authors = authors_of(dataset.works_of(show))
        if spoiler_only(show, person_id, spoilers=False, authors=authors):
            found.add((person_id, slug))
    return frozenset(found)


def _edges(chain: Sequence[Node]) -> set[Edge]:
    """The credits a chain goes through: each title's person before it and after it."""
    return {
        (chain[i + d][1], _title_of(node)[0])
        for i, node in enumerate(chain)
        if node[0] != "p"
        for d in (-1, 1)
        if 0 <= i + d < len(chain)
    }


def _meet(
    dataset: Dataset,
    start: Person | Show,
    end: Person | Show,
    limit: int,
    start_season: int | None,
    end_season: int | None,
    no_hops: frozenset[Edge],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> list[list[Node]]:
    """The shortest chains, searched from both ends without the ``no_hops`` credits: up to
    one more than RELEASED_POOL or ``limit``, so that a page can tell there are more. A title
    searched season by season counts a person's hidden credits there only with ``spoilers``
    (_season_people)."""
    lookup = lookup_of(dataset)
    # A title end named with a season is searched season by season: a person passes through
    # any season of it they share with another (S1 for O Yeong-su and Lee Jung-jae), and the
    # end is the season node, reached only through someone credited in that season.
    split = {
        show.slug: _season_people(lookup, show, season, spoilers, today)
        for show, season in ((start, start_season), (end, end_season))
        if isinstance(show, Show) and season is not None
    }
    a = _Side(_end_node(start, start_season), no_hops, split)
    b = _Side(_end_node(end, end_season), no_hops, split)
    meeting: list[Node] = []
    for _ in range(2 * MAX_DEPTH):
        if not a.frontier or not b.frontier:
            break
        side, other = (a, b) if len(a.frontier) <= len(b.frontier) else (b, a)
        reached = side.expand(lookup)
        met = [n for n in reached if n in other.parents]
        if met:
            # Where the other side reached a meeting node sooner, the chain through it is
            # shorter: keep only those.
            nearest = min(other.depth[n] for n in met)
            meeting = sorted(n for n in met if other.depth[n] == nearest)
            break
    pool = max(limit, RELEASED_POOL) + 1
    chains: list[list[Node]] = []
    for node in meeting:
        for left in _chains(a.parents, node, pool):
            for right in _chains(b.parents, node, pool):
                chains.append(left + right[::-1][1:])
                if len(chains) >= pool:
                    break
            if len(chains) >= pool:
                break
        if len(chains) >= pool:
            break
    return chains


def _end_node(end: Person | Show, season: int | None) -> Node:
    """Where an end's search starts: a title named with a season starts at that season."""
    if isinstance(end, Show) and season is not None:
        return _season_node(end.slug, season)
    return _node(end)


def _season_people(
    lookup: Lookup, show: Show, season: int, spoilers: bool = False, today: dt.date | None = None
) -> dict[int, frozenset[str]]:
    """A title named with a season, season by season: the season asked and every other that
    is out, each with the people credited in it (its crew and a source work's authors count
    for every season). Two people pass through the title in a season they share, and only
    that season's people reach the end: Park Hae-soo, in season 1 alone, reaches season 2
    with someone of season 1 who is in season 2 as well, never in one step.

    A credit hidden as a spoiler (a surprise cameo, credit_hidden) puts no one in its season
    without ``spoilers``: the check of whole titles (spoiler_only) cannot see it when the
    person has a visible credit in another season of the title, and the hop would name that
    other credit while giving the cameo away."""
    cast = {credit.person for credit in show.cast}
    crew = {*show.creators, *show.directors, *show.writers}
    always = set(lookup.people_in([show.slug])) - cast | crew
    credits = [c for c in show.cast if not credit_hidden(c, spoilers)]
    numbers = {n for credit in credits for n in seasons_of(credit, show)}
    numbers |= {s.number for s in show.seasons} | {season}
    return {
        n: frozenset(always | {c.person for c in credits if n in seasons_of(c, show)})
        for n in sorted(numbers)
        if n == season or season_watchable(show, n, today)
    }


#: Shortest chains read before the ones listed are chosen: chains whose every link can be
#: watched come first. A credit in a season that is only renewed, announced or in production
#: still connects two people (the dataset records it, and a hop says "announced"), but of two
#: chains as short, the one through released seasons is the one to show: Park Ji-hu reaches
#: Squid Game through Lee Yoo-mi, in season 1 of All of Us Are Dead, before Kim Si-eun, cast
#: in its season 2, which is not out.
RELEASED_POOL = 100


def _paths(
    dataset: Dataset,
    chains: Sequence[Sequence[Node]],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> list[Path]:
    """The chains as paths, in order, their titles and people read in one query each."""
    nodes = {node for chain in chains for node in chain}
    slugs = sorted({_title_of(n)[0] for n in nodes if n[0] != "p"})
    shows = {s.slug: s for s in fetch(dataset.shows, slugs)}
    people = {p.id: p for p in fetch(dataset.people, sorted(n[1] for n in nodes if n[0] == "p"))}
    return [_path(dataset, chain, shows, people, spoilers, today) for chain in chains]


def _path(
    dataset: Dataset,
    chain: Sequence[Node],
    shows: dict[str, Show],
    people: dict[str, Person],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> Path:
    hops = []
    cited: list[str] = []
    for index, node in enumerate(chain):
        if node[0] == "p":
            continue
        slug, season = _title_of(node)  # a season node: the credits in that season
        show = shows[slug]
        before = chain[index - 1] if index > 0 else None
        after = chain[index + 1] if index + 1 < len(chain) else None
        works = dataset.works_of(show)
        left = (
            _role(dataset, show, people[before[1]], season, spoilers, today, works)
            if before
            else None
        )
        right = (
            _role(dataset, show, people[after[1]], season, spoilers, today, works)
            if after
            else None
        )
        for role in (left, right):
            if role is not None:
                cited.extend(i for i in role.sources if i not in cited)
        hops.append(Hop(show=show, left=left, right=right, season=season))
    return Path(hops=tuple(hops), citations=fetch(dataset.citations, cited))


def _role(
    dataset: Dataset,
    show: Show,
    person: Person,
    season: int | None = None,
    spoilers: bool = False,
    today: dt.date | None = None,
    works: Sequence[SourceWork] = (),
) -> Role:
    """The person's role in the title, their credits there merged: every character (each
    once), the seasons and the sources of all their cast credits (only those in ``season``,
    when one is given: a director with a part in season 1 alone, reached in season 2 as the
    title's crew, is its director there, not that part; each credit cited by the one rule,
    answers.sources), then what they made of it, as their page lists it (Show.capacities_of):
    the crew capacities they hold, and what the author of each of ``works`` (the work the
    title adapts, then those based on it: Dataset.works_of) is to it, "original webtoon
    writer", each citing that work's sources. Lee Byung-hun is supporting in Squid Game's
    season 1 and main in 2 and 3: one role, S1-S3.
    A credit flagged as a spoiler counts only with ``spoilers``."""
    credits = [c for c in show.cast if c.person == person.id and not credit_hidden(c, spoilers)]
    if season is not None:  # a hop through one season: a part in another is no part of it
        credits = [c for c in credits if season in seasons_of(c, show)]
    characters: list[str | None] = []
    seasons: set[int] = set()
    sources: list[str] = []
    unknown: str | None = None
    layered: LayerMark | None = None
    for credit in credits:
        if credit.character not in characters:
            characters.append(credit.character)
        seasons.update(seasons_of(credit, show))
        layer = cast_layer(dataset, show, credit)
        given = layer_cited(dataset, show, layer, "cast_sources", credit.sources)
        sources.extend(i for i in rests_on(show, credit, given) if i not in sources)
        if given is not None:
            layered = layered or layer
        unknown = unknown or credit.character_unknown
    crew = show.crew_of(person.id)
    made = show.capacities_of(person.id, works)
    characters.extend(made)  # as their page lists them: crew, then the works' author
    for capacity in crew:  # the title's sources, or what a layer's extension cites for it
        layer = crew_layer(dataset, show, capacity, person.id)
        given = layer_cited(dataset, show, layer, "sources")
        sources.extend(i for i in (show.sources if given is None else given) if i not in sources)
        if given is not None:
            layered = layered or layer
    for _, work in work_capacities(person.id, works):  # the author of a work it reaches
        sources.extend(i for i in work.sources if i not in sources)
    if not characters:
        characters.append("credited")
        sources.extend(i for i in show.sources if i not in sources)
    ordered = tuple(sorted(seasons))
    announced = tuple(n for n in ordered if not season_watchable(show, n, today))
    return Role(person, tuple(characters), ordered, tuple(sources), announced, unknown, layered)


def _name(entity: Person | Show) -> str:
    return entity.title if isinstance(entity, Show) else entity.name


def namesakes(connection: Connection) -> frozenset[Node]:
    """The ends and people of a connection whose name another of them shares (two Kim
    Si-euns): a page names each of them with their id as well, so the two can be told apart."""
    entities: list[Person | Show] = [connection.start, connection.end]
    for path in connection.paths:
        for hop in path.hops:
            entities.extend(role.person for role in (hop.left, hop.right) if role is not None)
    named: dict[str, set[Node]] = {}
    for entity in entities:
        named.setdefault(_name(entity), set()).add(_node(entity))
    return frozenset(node for nodes in named.values() if len(nodes) > 1 for node in nodes)


def _label(
    entity: Person | Show,
    apart: frozenset[Node],
    season: int | None = None,
    told: str | None = None,
) -> str:
    """An end's name on a page: with the id when a namesake is on it too, and with what tells
    it apart from another of its name in the catalogue (``told``): 'Kim Go-eun
    (kim-go-eun-model, Single's Inferno 5 contestant)', 'New World (신세계, 2013 film)'; then
    the season of a title end named with one."""
    node = _node(entity)
    said = [node[1]] * (node in apart or (told is not None and node[0] == "p"))
    if told is not None:
        said.append(told)
    label = f"{_name(entity)} ({', '.join(said)})" if said else _name(entity)
    return f"{label} season {season}" if season is not None else label


def endpoints_text(connection: Connection) -> tuple[str, str]:
    """The two ends as a sentence names them: namesakes on the page told apart by their ids,
    and an end that shares its name with another in the catalogue by what tells it apart."""
    apart = namesakes(connection)
    return (
        _label(connection.start, apart, connection.start_season, connection.start_apart),
        _label(connection.end, apart, connection.end_season, connection.end_apart),
    )


def no_chain_text(connection: Connection, spoilers: bool) -> str:
    """What a page says when no chain joins the two ends. Without ``spoilers`` every miss says
    that special appearances flagged as spoilers were not followed, whether or not one would
    have joined the two: saying that one would tells whose surprise cameo a title hides (and,
    for a title named with a season, in which season), which `cast` and `person` each keep
    apart."""
    a, b = endpoints_text(connection)
    ends = ((connection.start, a), (connection.end, b))
    record_only = [said for end, said in ends if isinstance(end, Show) and end.netflix_only]
    said = f"No chain of shared credits connects {a} and {b}"
    if record_only:
        why = f": {record_only[0]} has no cast or crew in the catalogue (Netflix's record only)"
    elif spoilers:
        why = " in the catalogue"
    else:
        why = (
            " without spoilers: special appearances flagged as spoilers are not followed "
            f"({ADD_SPOILERS} to follow them)"
        )
    return f"{said}{why}."

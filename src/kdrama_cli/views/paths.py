"""The Rich view of a connection path: one numbered line per shared title, then sources."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from kdrama_cli.answers.paths import (
    Connection,
    Node,
    Path,
    Role,
    endpoints_text,
    namesakes,
)
from kdrama_cli.answers.spoilers import ADD_SPOILERS
from kdrama_cli.catalogue.models import Citation, Show, is_work_capacity
from kdrama_cli.views.text import (
    LAYER_CREDIT_MARK,
    characters_label,
    clean,
    count_of,
    seasons_label,
)
from kdrama_cli.views.titles import Hanging, layer_notes, refs_cell, sources_list


def _same_end(connection: Connection, typed: tuple[str, str] | None) -> Text:
    """Both ends are one person (or title): the page's heading, 0 shared titles apart, and a
    plain line saying why there is no chain ('Yi Jung-jae' and 'Lee Jung-jae' both name Lee
    Jung-jae) and what to give instead."""
    end = connection.start
    kind, key = ("title", end.slug) if isinstance(end, Show) else ("person", end.id)
    shown = clean(end.title if isinstance(end, Show) else end.name)
    name = f"{shown} ({clean(key)})"
    text = Text(f"{shown} → {shown}", style="bold")
    text.append("  0 shared titles apart", style="dim")
    if typed is None:
        why = f"Both ends are the same {kind}, {name}"
    else:  # one name typed twice never gets here: commands.path refuses it
        first, second = (clean(words) for words in typed)
        why = f"{first!r} and {second!r} both name {name}: the same {kind}"
    text.append(f"\n{why}, so there is no chain to find. Name two different people or titles.")
    return text


#: The words answers.paths puts after a person's characters: their crew capacities; the
#: author of the work a title adapts is "original webtoon writer" (models.original_capacity),
#: and anyone else credited with no part "credited".
_CREW = ("creator", "director", "writer", "credited")


def _capacity(word: str | None) -> bool:
    return word is not None and (word in _CREW or is_work_capacity(word))


#: What a hop through one season of a title says after a crew capacity: the catalogue holds
#: crew for the whole title, so it cannot say Lee Dan directed Taxi Driver's season 1.
WHOLE_TITLE = " (the title's crew: no season recorded)"


def _crew_words(crew: list[str], season_hop: bool) -> str:
    """'creator, director, writer'; in a hop through a season, the title's crew said to be
    the whole title's, before what the author of the adapted work is to it."""
    held = [c for c in crew if c in _CREW[:3]]
    words = ", ".join(held)
    if season_hop and held:
        words += WHOLE_TITLE
    return ", ".join([words] * bool(held) + [c for c in crew if c not in held])


def _role(
    role: Role, positions: dict[str, int], apart: frozenset[Node], season: int | None = None
) -> Text:
    """'Lee Byung-hun as The Front Man (Hwang In-ho) · S1, S2, S3': the role is not put in
    brackets of its own, as a character's name may hold some; 'Hwang Dong-hyuk, creator,
    director, writer'; 'Kim Si-eun (kim-si-eun) as So Ju-ran · announced S2' for one of two
    namesakes on the page. In a hop through one season (``season``), crew are said to be
    the title's: 'Lee Dan, director (the title's crew: no season recorded)', and the hop's
    own "in Squid Game season 1" says the season, so the role names no seasons of its own
    ("as The Recruiter · S1, S2 … in Squid Game season 1" said it twice), only "announced"
    where that season of the role is not out."""
    text = Text(clean(role.person.name), style="bold")
    if ("p", role.person.id) in apart:  # a namesake on the page: which one
        text.append(f" ({clean(role.person.id)})")
    crew = [c for c in role.characters if c is not None and _capacity(c)]
    played = [c for c in role.characters if not _capacity(c)]
    if any(played):
        text.append(f" as {clean(characters_label(played))}")
    elif played:  # only roles no source names
        text.append(" in a role not named")
    if crew:
        text.append(f"{', also' if played else ','} {_crew_words(crew, season is not None)}")
    if role.layer is not None:  # a layer's extension gave it: layer_notes says which
        text.append(f" {LAYER_CREDIT_MARK}", style="dim")
    seasons = _seasons_words(role, season)
    if seasons:
        text.append(f" · {seasons}")
    refs = refs_cell([positions[i] for i in role.sources if i in positions])
    if refs:
        text.append(f" {refs}", style="dim")
    return text


def _seasons_words(role: Role, season: int | None) -> str:
    """'S1, S2, announced S3': the seasons of a role; in a hop through one of them (``season``),
    which the hop names, none, or 'announced' where that season is not out."""
    if season is not None and season in role.seasons:
        return "announced" if season in role.announced else ""
    out = [n for n in role.seasons if n not in role.announced]
    seasons = [seasons_label(out)] if out else []
    if role.announced:  # as the show page's cast table marks a season not out
        seasons.append(f"announced {seasons_label(role.announced)}")
    return ", ".join(seasons)


def _hops(path: Path, positions: dict[str, int], apart: frozenset[Node]) -> Hanging:
    entries = []
    for number, hop in enumerate(path.hops, start=1):
        line = Text()
        if hop.left is not None:
            line.append_text(_role(hop.left, positions, apart, hop.season))
            line.append(" and " if hop.right is not None else " ")
        if hop.right is not None:
            line.append_text(_role(hop.right, positions, apart, hop.season))
            line.append(" ")
        line.append("in ")
        line.append(clean(hop.show.title), style="bold cyan")
        if hop.season is not None:  # the chain goes season by season through this title
            line.append(f" season {hop.season}", style="bold cyan")
        line.append(f" ({hop.show.slug})", style="dim")
        entries.append((f"{number}.", line))
    return Hanging(entries)


def _distance(connection: Connection, shared: tuple[str, ...]) -> str:
    """'2 shared titles apart'; a person credited in the title at the other end is "credited in
    the title", not "1 shared title apart" from it."""
    ends = (connection.start, connection.end)
    if connection.degrees == 1 and sum(isinstance(end, Show) for end in ends) == 1:
        season = any(hop.season is not None for path in connection.paths for hop in path.hops)
        return f"credited in the {'season' if season else 'title'}"
    return f"{count_of(connection.degrees or 0, *shared)} apart"


def connection_view(
    connection: Connection, typed: tuple[str, str] | None = None, spoilers: bool = False
) -> RenderableType:
    """The chains, or, when both ends are one person or title, a line saying so in the words
    ``typed`` for A and B. With ``spoilers`` the Sources list shows the headlines of citations
    flagged as spoilers."""
    if connection.same:  # the same id at both ends (however each was typed)
        return _same_end(connection, typed)
    a, b = (clean(name) for name in endpoints_text(connection))
    heading = Text(f"{a} → {b}", style="bold")
    seasons = any(hop.season is not None for path in connection.paths for hop in path.hops)
    shared = (
        ("shared title or season", "shared titles or seasons") if seasons else ("shared title",)
    )
    heading.append(f"  {_distance(connection, shared)}", style="dim")
    apart = namesakes(connection)
    parts: list[RenderableType] = [heading]
    citations: list[Citation] = []
    for path in connection.paths:
        citations.extend(c for c in path.citations if c not in citations)
    positions = {c.id: n for n, c in enumerate(citations, start=1)}
    several = len(connection.paths) > 1
    for number, path in enumerate(connection.paths, start=1):
        if several:
            parts.append(Text(f"\nChain {number}", style="bold cyan"))
        parts.append(_hops(path, positions, apart))
    layered = [
        (hop.show.title, role)
        for path in connection.paths
        for hop in path.hops
        for role in (hop.left, hop.right)
        if role is not None and role.layer is not None
    ]
    parts += layer_notes(
        [(title, role.person.name, role.layer, "") for title, role in layered if role.layer],
        [(title, role.layer) for title, role in layered if role.layer and not role.sources],
    )
    if connection.more:
        parts.append(
            Text(
                "\nMore chains of the same length exist than are listed: --all --max N lists"
                " N of them (N up to 100).",
                "dim",
            )
        )
    if citations:  # none where the only credit is a layer's that cites none
        listed = sources_list(citations, spoilers=spoilers, hint=ADD_SPOILERS)
        parts += [Text("\nSources", style="bold cyan"), listed]
    return Group(*parts)

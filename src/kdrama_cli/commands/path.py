"""`kdrama path A B`: how two people, a person and a title, or two titles are connected."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kdrama_cli.app import App, pass_app, today
from kdrama_cli.completion import complete_person_or_show
from kdrama_cli.errors import command_line
from kdrama_cli.options import DataCommand, json_instead, query_text

if TYPE_CHECKING:
    from kdrama_cli.answers.finding import Match
    from kdrama_cli.catalogue.models import Person, Show


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama path "Lee Jung-jae" "Song Hye-kyo"
  kdrama path "Hyun Bin" "Lee Jung-jae" --all
  kdrama path "Park Ji-hu" "Squid Game"
  kdrama path "Park Ji-hu" "squid game 2"     # through the cast of season 2
  kdrama path gong-yoo kim-tae-ri --json

A and B are each a person or a title, whichever the name matches more closely (a whole
name before part of one); people and titles that match as closely are listed, or asked
about on a terminal. A title named with a season is reached through that season's cast
(and its crew); a chain may pass through the title's other seasons before. Each hop is a
title both people are credited in, with their characters (or crew role), the seasons they
were in (a hop through one season names that season alone), and the source of the credit.
An end whose name another person or title shares is headed with what tells it apart. The
search runs from both ends. A credit flagged as a spoiler (a surprise appearance) is no hop
without --spoilers; a miss without it says so, whether or not such a hop would connect the
two (saying it would gives the surprise away). A and B that name one person or title
(the same name twice, two spellings of one name, a title and its season) are a usage
error.""",
)
@click.argument("first", metavar="A", callback=query_text, shell_complete=complete_person_or_show)
@click.argument("second", metavar="B", callback=query_text, shell_complete=complete_person_or_show)
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="Every shortest chain (up to --max), not just the first.",
)
@click.option(
    "--max",
    "most",
    type=click.IntRange(1, 100),
    default=20,
    show_default=True,
    metavar="N",
    help="With --all: at most N chains (without --all, a usage error).",
)
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also use special appearances flagged as spoilers (a surprise cameo) as hops, and show the "
        "headlines and addresses of sources flagged as spoilers."
    ),
)
@json_instead("the chain (with --all, every chain) as JSON (UTF-8) instead of the page")
@pass_app
def path(
    app: App, first: str, second: str, every: bool, most: int, spoilers: bool, as_json: bool
) -> None:
    """The shortest chain of shared credits between two people, a person and a title, or two
    titles."""
    if not every:
        _refuse_max_without_all()
    day = today()  # a season Netflix lists is out from the day its list ends
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.paths import shortest_paths

    asked = _namesakes_apart(app, first, second)
    try:
        start, start_season = _end(app.find_person_or_show(asked[0], "A"))
        end, end_season = _end(app.find_person_or_show(asked[1], "B"))
    except click.UsageError:
        _one_name_for_two_ends(app, first, second)
        raise
    if _same_end(start, end):
        # one person or title at both ends, however typed (the same words, two spellings of
        # one name, a title and its season): one slip of the command line, one error, as
        # compare and chart take it; it was a page "0 shared titles apart" for two spellings
        from kdrama_cli.catalogue.models import Show
        from kdrama_cli.failures import PlainUsageError

        kind, named = ("title", start.title) if isinstance(start, Show) else ("person", start.name)
        if start_season is not None and start_season == end_season:
            named += f" season {start_season}"
        raise PlainUsageError(
            f"the same {kind} was given twice: {first!r} and {second!r} are both {named}; "
            "name two different people or titles"
        )
    connection = shortest_paths(
        app.dataset(), start, end, most if every else 1, start_season, end_season, spoilers, day
    )
    unconnected = not connection.paths and not connection.same
    if unconnected:
        from kdrama_cli.answers.paths import no_chain_text

        why = no_chain_text(connection, spoilers)
    if as_json:
        from kdrama_cli.views.jsonview import connection_json

        app.note_sources_hidden((c for p in connection.paths for c in p.citations), spoilers)
        if unconnected:  # why, as the page says, beside "connected": false
            app.note(why)
        app.emit_json(connection_json(connection, spoilers))
        return
    if unconnected:
        app.nothing(why)
        return
    from kdrama_cli.views.paths import connection_view

    app.render(connection_view(connection, (first, second), spoilers))


def _namesakes_apart(app: App, first: str, second: str) -> tuple[str, str]:
    """The ends to look up: a name two people share, with one of them at the other end ('Kim
    Si-eun' kim-si-eun-samgwang), is the other namesake, by id, and a note says so; else
    the ends as typed (a name that is still ambiguous is listed once, as any)."""
    from kdrama_cli.answers.finding import namesake_apart

    ends = [first, second]
    for at in (0, 1):
        apart = namesake_apart(app.dataset(), ends[at], ends[1 - at])
        if apart is not None:
            other = ends[1 - at]
            why = "the other end's namesake"
            ends[at] = app.take_as(ends[at], apart[0].id, apart[1], why, beside=other)
            break
    return ends[0], ends[1]


def _one_name_for_two_ends(app: App, first: str, second: str) -> None:
    """`kdrama path Park Ji-hu`, the other end forgotten and the name unquoted: 'Park' matched
    122 people, which says nothing of the mistake. Where an end names no one thing but the two
    words together name exactly one person or title, that is the error, with the command to
    type (the quoting hint of `path lee jung jae gong yoo`, for two words)."""
    from kdrama_cli.errors import shell_quote
    from kdrama_cli.failures import PlainUsageError

    joined = app.divide_names([first, second], ends=True, parts=1, fewest=1)
    if joined is None:
        return
    name = joined[0]
    raise PlainUsageError(
        f"{name!r} is one name, and path takes two, one for each end: "
        + command_line(f"path {shell_quote(name)} NAME")
    )


def _refuse_max_without_all() -> None:
    """--max bounds --all's chains: given alone it changed nothing, without a word, where the
    user meant more than one chain. A usage error, as other options given without the one they
    go with are."""
    context = click.get_current_context()
    if context.get_parameter_source("most") is not click.core.ParameterSource.DEFAULT:
        from kdrama_cli.failures import PlainUsageError

        raise PlainUsageError(
            "--max goes with --all: add --all to list every shortest chain (up to --max)"
        )


def _end(found: Person | Match) -> tuple[Person | Show, int | None]:
    """An end of the path, and the season named with a title ('squid game 2')."""
    from kdrama_cli.answers.finding import Match

    return (found.show, found.season) if isinstance(found, Match) else (found, None)


def _same_end(start: Person | Show, end: Person | Show) -> bool:
    """Whether both ends are one person or one title, told apart by id, never by name: two
    people who share a name are two ends, two spellings of one person are one."""
    from kdrama_cli.catalogue.models import Show

    if isinstance(start, Show) or isinstance(end, Show):
        return isinstance(start, Show) and isinstance(end, Show) and start.slug == end.slug
    return start.id == end.id

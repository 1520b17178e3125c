"""Commands about titles: show, cast, compare."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kdrama_cli import views
from kdrama_cli.app import App, pass_app, today
from kdrama_cli.catalogue.vocab import ROLE_WORDS, ROLES
from kdrama_cli.completion import complete_show
from kdrama_cli.errors import command_line
from kdrama_cli.failures import PlainUsageError, run_query, token_kinds
from kdrama_cli.options import (
    DataCommand,
    choice,
    json_instead,
    json_option,
    name_argument,
    query_texts,
    season_of,
    season_option,
    sheet_option,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kdrama_cli.answers.finding import Match
    from kdrama_cli.answers.show_page import CastEntry
    from kdrama_cli.catalogue.models import Show


class ShowCommand(DataCommand):
    """show, whose page has tables but no --csv or --tsv: one typed says where those rows are
    as a sheet, and where all of it is, instead of click's bare "No such option '--csv'"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        typed = list(args)  # click's parser takes its words off the list it is given
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            if error.option_name in ("--csv", "--tsv"):
                error.message = no_sheet_of_show(self, typed, error.option_name)  # type: ignore[misc]
                error.possibilities = None  # type: ignore[misc]
            raise


def no_sheet_of_show(command: click.Command, args: Sequence[str], option: str) -> str:
    """ "show has no --csv: its cast as a table is `kdrama cast kingdom --csv`, and the whole
    record is `kdrama show kingdom --json`", with the title (and a --season) as typed, and
    --spoilers for the cast where it was typed: without it, cast leaves out the surprise
    cameos the user asked to see (show --json gives every credit, flagged, either way). The
    data options typed before the command are in both (command_line)."""
    from kdrama_cli.errors import shell_quote

    kinds = token_kinds(command, args)
    words = [word for word, kind in zip(args, kinds, strict=True) if kind == "word"]
    name = shell_quote(" ".join(words)) if words else "SHOW"
    season = ""
    for at, (word, kind) in enumerate(zip(args, kinds, strict=True)):
        if kind != "option" or not word.startswith(("--season", "-s")):
            continue
        if word in ("--season", "-s"):
            value = "".join(args[at + 1 : at + 2])
        else:  # --season=2, -s2
            value = word.split("=", 1)[1] if word.startswith("--season=") else word[2:]
        season = f" --season {shell_quote(value)}" if value else ""
    typed = (word for word, kind in zip(args, kinds, strict=True) if kind == "option")
    spoilers = " --spoilers" if "--spoilers" in typed else ""
    return (
        f"show has no {option}: its cast as a table is "
        f"`{command_line(f'cast {name}{season}{spoilers} {option}')}`, and the whole record is "
        f"`{command_line(f'show {name}{season} --json')}`"
    )


@click.command(
    cls=ShowCommand,
    epilog="""\b
Examples:
  kdrama show "All of Us Are Dead"
  kdrama show 지금 우리 학교는
  kdrama show "Get Schooled"        # the webtoon's name: Teach You a Lesson
  kdrama show squid-game --season 3 --spoilers
  kdrama show kingdom --json""",
)
@name_argument("show", "SHOW", shell_complete=complete_show)
@season_option
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also show facts flagged as spoilers; list special appearances flagged as spoilers "
        '(surprise cameos) in the cast, in its "+ N more" and in "You have seen them in"; '
        "and show the headlines and addresses of sources that give a result away."
    ),
)
@json_instead(
    "the full record as JSON (UTF-8) instead of the page: every fact, credit, note and source,"
    " those flagged as spoilers included and flagged, with or without --spoilers"
)
@pass_app
def show(app: App, show: str, season: int | None, spoilers: bool, as_json: bool) -> None:
    """Everything about one title: seasons, source work, cast, figures, facts and sources."""
    day = today()  # a coming season's news is judged stale against it
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.show_page import show_detail

    match = app.find(show, on_page=not as_json)  # its card asks "Looking for …?"
    season = season_of(match, season, show)  # 'squid game 2' opens season 2
    detail = run_query(
        lambda: show_detail(
            app.dataset(), match.show, season, spoilers or as_json, match, as_json, day
        )
    )
    detail = detail._replace(personal=app.through_personal(detail.layers))
    elsewhere = {}
    seen = app.seen_marks()
    if seen:  # "You have seen them in" (a cameo elsewhere counts only with --spoilers)
        from kdrama_cli.answers.seen import seen_elsewhere

        people = detail.credited
        elsewhere = seen_elsewhere(app.dataset(), seen, people, match.show.slug, spoilers)
    if as_json:
        from kdrama_cli.views.jsonview import show_json

        app.emit_json(show_json(detail, elsewhere))
        return
    from kdrama_cli.views.titles import show_view

    extra = []
    if elsewhere:  # a page without a seen list imports no reader of one
        from kdrama_cli.views.seen import seen_elsewhere_lines

        extra = seen_elsewhere_lines(detail.credited, elsewhere)
    app.render(show_view(detail, after_cast=extra, every_column="--json"))


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama cast "All of Us Are Dead"
  kdrama cast --season 2
  kdrama cast squid-game --role main --json
  kdrama cast hotel-del-luna --spoilers
  kdrama cast --season 2 --limit 5""",
)
@name_argument("show", "[SHOW]", required=False, shell_complete=complete_show)
@season_option
@click.option(
    "--role",
    type=choice([*ROLES, "all"], also=ROLE_WORDS),
    default="all",
    show_default=True,
    help="Only credits of this role: main (or lead), supporting, special (a special "
    "appearance or cameo), host, judge.",
)
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also list special appearances flagged as spoilers (surprise cameos), give cast "
        "notes flagged as spoilers (in the catalogue's order), and show the headlines and "
        "addresses of sources flagged as spoilers."
    ),
)
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(min=1),
    metavar="N",
    help="Without SHOW: the cast of the first N titles (oldest first), each title whole.",
)
@json_option
@sheet_option
@pass_app
def cast(
    app: App,
    show: str | None,
    season: int | None,
    role: str,
    spoilers: bool,
    limit: int | None,
    as_json: bool,
    sheet: str | None,
) -> None:
    """Who plays whom: one title's cast, or every title's, grouped by title, oldest first.

    Cast of a season that is announced but not released is marked "announced" with the date the
    season's status was last confirmed. One title's cast cites its sources, numbered as on
    `kdrama show`; every title's says where they are (--json and --csv give every credit's).
    A special appearance flagged as a spoiler (a surprise cameo) is left out, and a note
    flagged as one (a contestant's result) withheld, without --spoilers; the page says how
    many were (on stderr with --json or --csv). Where the other rows of its role all have a
    note, that role's notes are withheld with it, so that no row stands out; a reality title's
    contestants are listed by name, as the catalogue's order (winner first) would give the
    result away. --limit counts titles, not credits, so no title's cast is cut partway.
    """
    if limit is not None and show:
        raise PlainUsageError(
            "--limit counts titles in the cast of every title: give it without SHOW "
            "(one title's cast is listed whole)"
        )
    day = today()  # a coming season in a heading is judged stale against it
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.cast import cast_list, first_titles, stale_seasons, without_spoilers

    chosen: Show | None = None
    if show:
        match = app.find(show)
        chosen = match.show
        season = season_of(match, season, show)
    every = run_query(lambda: cast_list(app.dataset(), chosen, season, role, day))
    total: int | None = None
    if limit is None:
        groups, hidden = without_spoilers(every, spoilers, app.dataset().citations)
    else:
        groups, hidden, total = first_titles(every, limit, spoilers, app.dataset().citations)
    listed = any(entries for _, entries in groups)
    if sheet or as_json:  # what was hidden is said on stderr: stdout keeps its contract
        _say_hidden(app, groups, hidden, spoilers)
        if not listed and not hidden:  # an empty answer says why, as the page does
            app.note(_why_no_cast(app, chosen, season, role))
    if sheet:
        from kdrama_cli.answers.cast import cast_citations
        from kdrama_cli.views.sheets import cast_sheet

        cited = cast_citations(app.dataset(), groups)
        app.note_sources_hidden(cited, spoilers, addresses=True)
        app.emit_sheet(cast_sheet(groups, cited, spoilers), sheet)
        return
    if as_json:
        from kdrama_cli.views.jsonview import cast_list_json

        given = [e.given_by for _, entries in groups for e in entries if e.given_by]
        app.emit_cited_json(cast_list_json(groups, spoilers, app.through_personal(given)), spoilers)
        return
    if not listed:
        if hidden:
            from kdrama_cli.views.spoiler_notes import credits_hidden

            app.nothing(credits_hidden(hidden))
        else:
            app.nothing(_why_no_cast(app, chosen, season, role))
        return
    from kdrama_cli.answers.cast import cast_citations
    from kdrama_cli.views.titles import cast_groups_view

    stale = stale_seasons((s for s, _ in groups), season, day) if season is not None else None
    # One title's page cites its sources; every title's would be longer than the casts.
    citations = cast_citations(app.dataset(), groups) if len(groups) == 1 else None
    app.render(
        cast_groups_view(
            groups,
            season,
            every_column="--csv",
            stale=stale,
            today=day,
            citations=citations,
            hidden=hidden,
            spoilers=spoilers,
            every_title=chosen is None,
            role=role,
            titles_in_all=total,
        )
    )


def _why_no_cast(app: App, chosen: Show | None, season: int | None, role: str) -> str:
    """Why `cast` lists no one (no credit was hidden as a spoiler): the page's one line, and
    the line on stderr beside --json's [] and --csv's header (views.text.no_cast)."""
    from kdrama_cli.views.text import no_cast

    if chosen is None and season is not None:  # what the titles that have a season N lack
        from kdrama_cli.answers.cast import titles_oldest_first

        return no_cast(chosen, season, role, titles_oldest_first(app.dataset(), season))
    return no_cast(chosen, season, role)


def _say_hidden(
    app: App, groups: Sequence[tuple[Show, Sequence[CastEntry]]], hidden: int, spoilers: bool
) -> None:
    """On stderr, as the cast page says under its list: the credits `cast --json`/`--csv`
    left out as spoilers, and the flagged notes they withheld."""
    from kdrama_cli.answers.spoilers import covered_roles, notes_withheld
    from kdrama_cli.views.spoiler_notes import cast_hidden_line

    withheld = notes_withheld((e for _, entries in groups for e in entries), spoilers)
    roles = {role for _, entries in groups for role in covered_roles(entries, spoilers)}
    if hidden or withheld:
        app.note(cast_hidden_line(hidden, withheld, roles))


def _titles_not_seasons(app: App, queries: Sequence[str], matches: Sequence[Match]) -> None:
    """compare puts whole titles side by side (each season's figures on rows of their own), so
    a season typed with a title does not narrow it: two seasons of one title are one title
    given twice, a usage error that says where seasons are side by side; a season of a title
    compared with others is compared whole, and a note says so."""
    seen: dict[str, tuple[str, Match]] = {}
    for query, match in zip(queries, matches, strict=True):
        slug = match.show.slug
        if slug not in seen:
            seen[slug] = (query, match)
            continue
        first, earlier = seen[slug]
        if match.season is None and earlier.season is None:
            raise PlainUsageError(
                f"the same title was given twice: {first!r} and {query!r} are both "
                f"{match.show.title}"
            )
        raise PlainUsageError(
            f"compare works on titles, not seasons: {first!r} and {query!r} are both "
            f"{match.show.title}; its seasons' figures: {command_line(f'show {slug}')}"
        )
    for query, match in zip(queries, matches, strict=True):
        app.note_whole_title("compare", query, match)


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama compare squid-game all-of-us-are-dead
  kdrama compare kingdom "Train to Busan" "Kingdom: Ashin of the North"
  kdrama compare squid-game all-of-us-are-dead --json""",
)
@click.argument(
    "shows", nargs=-1, required=True, callback=query_texts, shell_complete=complete_show
)
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also count special appearances flagged as spoilers (surprise cameos) in the cast in "
        "common, and show the headlines and addresses of sources flagged as spoilers."
    ),
)
@json_option
@sheet_option
@pass_app
def compare(
    app: App, shows: tuple[str, ...], spoilers: bool, as_json: bool, sheet: str | None
) -> None:
    """Two or more titles side by side, with the cast they share.

    Figures share a row only when metric, unit, window, Netflix list and season agree (a
    figure given for no season of a title with one season out is that season's); when
    none do, a line says which keeps them apart, and when some do, a line under the table
    counts each title's figures that no row holds and says why (a season the others have no
    figures of, a window they lack). TV ratings share a row only when one broadcaster aired
    them, which the row names: terrestrial, general-programming and pay-TV channels' ratings
    are calculated on different bases. The leader of each row is marked with a star; in a
    half-year's hours or views, a season that came out on Netflix within the half-year is
    marked with a dagger: its figure counts only the days from its release to the
    half-year's end (a line under the table says how many), so the star says which was
    watched more in that half-year, not which did better over a like span. A season whose
    day on Netflix is unknown, and that no earlier figure has there (a week in the Top 10, an
    earlier report), is marked with a section
    sign, and its row stars no title: its figure may count the whole half-year or only its
    last days. A running total
    of Netflix's weekly Top 10 lists (weeks in them, countries, best rank) of a season out
    before the lists began, with the week ending 2021-07-04, leaves out its earlier weeks: it
    is marked with a double dagger, and its row stars no title.
    Runtime, contestants and prize describe a title rather than how it did, so they have no
    leader, and a runtime that several reports give unchanged is one row.

    It compares titles, not seasons: a title typed with a season ("squid game 2") is compared
    whole, every season, and a note says so; two seasons of one title are a usage error (a
    title's page lists each season's figures: kdrama show SHOW).

    A special appearance flagged as a spoiler (a surprise cameo) is left out of the cast in
    common without --spoilers, as cast leaves it out; how many were left out is said under it
    (on stderr with --json or --csv).
    """
    day = today()  # a season Netflix lists is out from the day its list ends
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.compare import compare as compare_shows

    if len(shows) < 2:
        raise click.UsageError("compare needs at least two titles")
    matches = app.find_each(shows, whole=True)  # compare: its note says a season is taken whole
    _titles_not_seasons(app, shows, matches)
    comparison = compare_shows(app.dataset(), [match.show for match in matches], spoilers, day)
    if comparison.hidden and (sheet or as_json):  # on stderr: stdout keeps its contract
        from kdrama_cli.views.spoiler_notes import cameos_not_compared

        app.note(cameos_not_compared(comparison.hidden))
    if as_json:  # it gives a spoiler's source without its headline: stderr says how many
        app.note_sources_hidden(comparison.citations, spoilers)
    personal = app.through_personal(comparison.layer_marks) if as_json else ()
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.compare_sheet(comparison),
        lambda: views.jsonview.comparison_json(comparison, spoilers, personal),
    ):
        return
    from kdrama_cli.views.titles import comparison_view

    app.render(comparison_view(comparison))

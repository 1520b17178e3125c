"""Discovery commands: search, list, top, chart."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from kdrama_cli import views
from kdrama_cli.app import App, pass_app, today
from kdrama_cli.catalogue.vocab import (
    COMPLETENESS,
    KIND_WORDS,
    LIST_NAMES,
    REPORT_METRICS,
    REPORT_SHEETS,
    SHOW_KINDS,
    SOURCE_KIND_WORDS,
    SOURCE_KINDS,
    TOP10_LISTS,
    TOP10_METRICS,
    with_article,
)
from kdrama_cli.completion import complete_show
from kdrama_cli.errors import command_line, did_you_mean
from kdrama_cli.failures import PlainUsageError, offer
from kdrama_cli.options import (
    DataCommand,
    Year,
    choice,
    json_option,
    limit_option,
    name_argument,
    query_text,
    query_texts,
    rows_asked,
    season_of,
    season_option_saying,
    sheet_option,
)

if TYPE_CHECKING:
    from kdrama_cli.answers.finding import Match
    from kdrama_cli.answers.leaderboards import Board, Ranking


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama search "지금 우리"
  kdrama search "Seong Gi-hun"
  kdrama search "Joo Dong-geun"
  kdrama search zombie --limit 5 --json""",
)
@name_argument("query", "QUERY")
@limit_option(20)
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also match cast notes flagged as spoilers (a contestant's result) and the "
        "characters of surprise appearances, and show them."
    ),
)
@json_option
@sheet_option
@pass_app
def search(
    app: App, query: str, limit: int, spoilers: bool, as_json: bool, sheet: str | None
) -> None:
    """One ranked list across titles, people, characters, source works and synopses.

    Each result says what matched ("character: Seong Gi-hun", "webtoon author: Joo Dong-geun",
    "adapted from a webtoon on Naver Webtoon") and the command that looks it up (on a narrow
    terminal Kind gives way first, then that column; --csv has every column). A cast note
    flagged as a spoiler, and the character of a surprise appearance, are not matched without
    --spoilers; how many were left out is said under the list (on stderr with --json or
    --csv).

    A title or name matches from the beginning of its words, the last word typed perhaps
    part-way ("park bo" finds Park Bo-gum); a synopsis only by whole words, their plurals or
    their singulars. A title or person found only by another spelling ("Yi Jung-jae") or by
    Hangul initials comes after those, every title the initials match listed.
    """
    if app.replay_page():  # the same page rendered before: print it again
        return
    from kdrama_cli.answers.search import search_answer

    answer = search_answer(
        app.dataset(), query, rows_asked(limit, as_json or bool(sheet)), spoilers
    )
    results = answer.results
    if not results:
        app.verify_empty_answer()
    hint = _hidden_matches(answer.hidden) if answer.hidden else None
    from kdrama_cli.views.text import nothing_matches

    if sheet or as_json:  # on stderr, whenever any: stdout keeps its contract
        if hint:
            app.note(hint)
        elif not results:  # why nothing matched, and what to try, as the page says
            app.note(nothing_matches(query, answer.nearest, answer.instead))
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.search_sheet(results),
        lambda: views.jsonview.search_json(results),
    ):
        return
    if not results:
        app.nothing(hint or nothing_matches(query, answer.nearest, answer.instead))
        return
    from kdrama_cli.views.discovery import search_view

    app.render(search_view(query, results, hint, answer.total))


def _hidden_matches(count: int) -> str:
    """That matches were left out as spoilers, and how to see them."""
    from kdrama_cli.views.spoiler_notes import matches_hidden

    return matches_hidden(count)


def _check_values(app: App, given: dict[str, str | None]) -> None:
    """An empty list because a filter's value is one no title has is a usage error that
    suggests the values that exist (for --adapted-from, a kind of work the vocabulary knows but
    no title is adapted from: webcomic, book); an empty list of known values is just empty."""
    from kdrama_cli.answers.listing import unknown_value

    for facet, value in given.items():
        if value is None:
            continue
        nearest = unknown_value(app.dataset(), facet, value)
        if nearest is None:
            continue
        for other, what in _NEIGHBOUR_FILTERS.get(facet, ()):
            if unknown_value(app.dataset(), other, value) is None:
                # a value of a filter beside it: '--platform "Naver Webtoon"' meant the webtoon's
                raise PlainUsageError(
                    f"--{facet}: {_no_title(facet, value)}, which is {what}: "
                    f"{_with_filter(facet, other, value)}"
                )
        hint = f" {did_you_mean(nearest)}" if nearest else ""
        korean = _korean_names(app, facet, value, nearest)
        error = PlainUsageError(
            f"--{facet}: {_no_title(facet, value)}.{hint}{korean} "
            f"All of them: {command_line(f'values {facet}')}"
        )
        offer(error, nearest)  # the values of its "Did you mean", for its JSON form
        raise error


def _no_such_report(report: str, known: Sequence[str], of_year: Sequence[str]) -> PlainUsageError:
    """--report naming no report of the catalogue: a year of several (each named), a year of
    one (Did you mean it?), or another word (every report; and for a year it has reports of,
    '2023H3', "Did you mean 2023H1 or 2023H2?"). Its JSON form's suggestions are the reports
    the message names to retry with, as for any value a message corrects (docs/output.md,
    "Errors"): they were empty, though the message named them."""
    if len(of_year) > 1:
        error = PlainUsageError(
            f"--report: {report!r} is a year of {len(of_year)} reports: name one "
            f"({', '.join(of_year)})"
        )
        offer(error, of_year)
        return error
    if of_year:  # a year of one report in the catalogue
        error = PlainUsageError(
            f"--report: {report!r} is a year, not a report. {did_you_mean(list(of_year))}"
        )
        offer(error, of_year)
        return error
    year = report.strip()[:4]  # '2023H3': the reports of 2023 are the ones it is near
    nearest = [r for r in known if year.isdigit() and r[:4] == year]
    hint = f". {did_you_mean(nearest)}" if nearest else ""
    error = PlainUsageError(
        f"--report: {report!r} is not a report in the catalogue (one of: {', '.join(known)}){hint}"
    )
    offer(error, nearest or known)
    return error


def _korean_names(app: App, facet: str, value: str, nearest: Sequence[str]) -> str:
    """For a value typed in Hangul that no title has ('--platform 티비씨'), the Korean names the
    filter takes for the values some title has (answers.listing.korean_names_taken), those of
    the nearest values first and the first few only ("Korean names it takes: 제이티비씨 (JTBC),
    티비엔 (tvN), 엠비씨 (MBC), and 13 others."), as a sentence to follow the miss; else
    nothing. Sixteen made one line of some 600 characters."""
    from kdrama_cli.answers.listing import korean_names_taken

    taken = korean_names_taken(app.dataset(), facet, value, nearest)
    shown = [f"{word} ({meant})" for word, meant in taken[:_KOREAN_NAMES_SHOWN]]
    if not shown:
        return ""
    others = len(taken) - len(shown)
    more = f", and {others} other{'s' if others > 1 else ''}" if others else ""
    return f" Korean names it takes: {', '.join(shown)}{more}."


#: How many Korean names a miss in Hangul lists (_korean_names).
_KOREAN_NAMES_SHOWN = 3


#: The filters whose values are most often typed into another: where a title came out and
#: where the work it adapts came out, a kind of source work for a genre or a platform
#: (--genre webtoon, --source-platform webtoon), each with what its values are.
_NEIGHBOUR_FILTERS = {
    "platform": (("source-platform", "where a source work came out"),),
    "source-platform": (
        ("adapted-from", "a kind of source work"),
        ("platform", "where titles came out"),
    ),
    "genre": (("adapted-from", "a kind of source work"),),
}


def _with_filter(facet: str, other: str, value: str) -> str:
    """The list command as typed with --FACET swapped for --OTHER, the other filters kept; or,
    where the line typed is not known, the other filter alone."""
    from kdrama_cli.errors import shell_join
    from kdrama_cli.failures import typed_after_command

    ctx = click.get_current_context(silent=True)
    typed = typed_after_command(ctx) if ctx is not None else None
    words = []
    for token in typed or ():
        name, equals, rest = token.partition("=")
        words.append(f"--{other}{equals}{rest}" if name == f"--{facet}" else token)
    if not typed or words == typed:
        words = [f"--{other}", value]
    return command_line(shell_join(["list", *words]))


def _no_title(facet: str, value: str) -> str:
    """That no title in the catalogue has this value of a filter."""
    if facet == "adapted-from":  # a kind of source work the vocabulary has: webcomic, book
        work = "another kind of work" if value == "other" else with_article(value)
        return f"no title in the catalogue is adapted from {work}"
    if facet == "source-platform":
        return f"no title in the catalogue is adapted from a work on {value!r}"
    return f"no title has the {facet} {value!r}"


def complete_value(ctx: click.Context, facet: str, incomplete: str) -> list[Any]:
    """TAB completion of a filter's value from the catalogue in use, matched ignoring case,
    spacing and punctuation and offered as one shell word (views.text.shell_word), with the value as
    the catalogue spells it as help when that differs."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.answers.listing import facet_values
    from kdrama_cli.catalogue.folding import normalize
    from kdrama_cli.completion import completion_dataset
    from kdrama_cli.views.text import shell_word

    dataset = completion_dataset(ctx)
    if dataset is None:
        return []
    typed = normalize(incomplete)
    found = []
    values = [value for value, _ in facet_values(dataset, facet)]
    for value in values:
        word = shell_word(value)
        if word and normalize(value).startswith(typed):
            found.append(CompletionItem(word, help=value if word != value else None))
    if typed and not incomplete.isascii():  # 좀 -> 좀비 (zombie): the Korean words, when typed
        from kdrama_cli.catalogue.vocab import OTHER_WORDS, canonical_value

        known = {normalize(value) for value in values}
        for other in OTHER_WORDS.get(facet, {}):
            word, value = shell_word(other), canonical_value(facet, other)
            if word and normalize(other).startswith(typed) and normalize(value) in known:
                found.append(CompletionItem(word, help=value))
    return found


def _complete_report(ctx: click.Context, incomplete: str) -> list[Any]:
    """--report completes to the engagement reports the dataset has figures from."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.answers.leaderboards import reports_in
    from kdrama_cli.completion import completion_dataset

    dataset = completion_dataset(ctx)
    if dataset is None:
        return []
    typed = incomplete.upper()
    return [CompletionItem(report) for report in reports_in(dataset) if report.startswith(typed)]


def _complete_source(ctx: click.Context, incomplete: str) -> list[Any]:
    """--adapted-from completes to any and the kinds of work some title is adapted from, not
    every kind the vocabulary has (no title is adapted from a webcomic)."""
    from click.shell_completion import CompletionItem

    found = complete_value(ctx, "adapted-from", incomplete)
    if "any".startswith(incomplete.casefold()):
        found.insert(0, CompletionItem("any", help="any kind of source work"))
    return found


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama values genre
  kdrama values platform --json
  kdrama values adapted-from
  kdrama values source-platform""",
)
@click.argument(
    "facet",
    metavar="FACET",
    type=choice(["genre", "platform", "kind", "adapted-from", "source-platform", "completeness"]),
)
@json_option
@sheet_option
@pass_app
def values(app: App, facet: str, as_json: bool, sheet: str | None) -> None:
    """Every value a filter of `kdrama list` can take, with how many titles it finds.

    FACET is one of genre, platform, kind, adapted-from, source-platform (where the work a
    title adapts came out) and completeness. Each count is what
    `kdrama list` gives for that value, so a value that takes in others counts their titles
    too: novel counts the web-novel adaptations, and a platform counts its bracketed variants
    (Theatrical counts Theatrical (Lotte Entertainment)).
    """
    if app.replay_page():
        return
    from kdrama_cli.answers.listing import facet_values

    found = facet_values(app.dataset(), facet)
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.values_sheet(found),
        lambda: [{"value": value, "titles": count} for value, count in found],
    ):
        return
    from kdrama_cli.answers.listing import unlabelled_of
    from kdrama_cli.views.discovery import values_view

    app.render(values_view(facet, found, unlabelled_of(app.dataset(), facet)))


#: --kind of list and top. Like every value filter (--genre, --platform), it ignores case.
kind_option = click.option(
    "--kind",
    type=choice(SHOW_KINDS, also=KIND_WORDS),
    help=(
        "Only this kind of title (movie is film; a variety or dating show is reality; unknown "
        "is a row of Netflix's engagement report that does not say TV or film)."
    ),
)

#: What --year, --from and --to say of titles with no year (most of Netflix's own records).
UNKNOWN_YEARS = (
    "A title of unknown year is left out; a line under the table (on stderr with --json or "
    "--csv) counts them."
)


@click.command(
    "list",
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama list
  kdrama list --kind film
  kdrama list --genre zombie --sort year
  kdrama list --genre 사극               # historical: Korean words work too
  kdrama list --adapted-from webtoon
  kdrama list --source-platform "Naver Webtoon"
  kdrama list --from 2020 --to 2022 --platform Netflix
  kdrama list --sort hours --limit 10 --json
  kdrama list --completeness full        # cast, director or creator, synopsis""",
)
@kind_option
@click.option(
    "--completeness",
    type=choice(COMPLETENESS),
    help="full: cast, a director or creator, synopsis and facts (a writer alone is not "
    "enough); partial: a researched entry that lacks one of them; netflix-only: Netflix's "
    "record alone.",
)
@click.option(
    "--genre",
    callback=query_text,
    metavar="GENRE",
    shell_complete=lambda ctx, param, incomplete: complete_value(ctx, "genre", incomplete),
    help=(
        "Only titles with this genre (all of them: kdrama values genre); a romantic comedy is "
        "also a title tagged both romance and comedy. Other words for one, in English or "
        "Korean, find it too: sci-fi, rom-com, sageuk, 사극."
    ),
)
@click.option(
    "--platform",
    callback=query_text,
    metavar="NAME",
    shell_complete=lambda ctx, param, incomplete: complete_value(ctx, "platform", incomplete),
    help=(
        "Only titles first shown on this network: its whole name, in any case (all of them: "
        "kdrama values platform). A name also finds its bracketed variants (Theatrical finds "
        "Theatrical (Lotte Entertainment)), never a longer name (KBS does not find KBS2). "
        "A Korean name no title has is answered with the nearest Korean names taken. Korean and "
        "other names work too: cinema, KBS 2TV, 넷플릭스."
    ),
)
@click.option(
    "--year",
    type=Year(),
    help=f"First released in this year. {UNKNOWN_YEARS}",
)
@click.option(
    "--from",
    "year_from",
    type=Year(),
    help=f"First released in or after. {UNKNOWN_YEARS}",
)
@click.option(
    "--to",
    "year_to",
    type=Year(),
    help=f"First released in or before. {UNKNOWN_YEARS}",
)
@click.option(
    "--adapted-from",
    type=choice(["any", *SOURCE_KINDS], also=SOURCE_KIND_WORDS),
    metavar="KIND",  # the ten choices in one bracket overran an 80-column help page
    shell_complete=lambda ctx, param, incomplete: _complete_source(ctx, incomplete),
    help=(
        "Only titles adapted from a KIND of work: any, or one a dataset may name "
        f"({', '.join(SOURCE_KINDS)}), or its Korean word (웹툰 is webtoon); novel includes "
        "web-novel. kdrama values adapted-from lists those some title has."
    ),
)
@click.option(
    "--source-platform",
    callback=query_text,
    metavar="NAME",
    shell_complete=lambda ctx, param, incomplete: complete_value(
        ctx, "source-platform", incomplete
    ),
    help=(
        "Only titles adapted from a work first published on this platform: its whole name, in "
        "any case, or its Korean name (Naver Webtoon, KakaoPage). kdrama values source-platform "
        "lists them."
    ),
)
@click.option(
    "--sort",
    type=choice(["title", "year", "newest", "hours", "views"], also={"oldest": "year"}),
    default="title",
    show_default=True,
    help=(
        "title: A to Z; year: the oldest first; newest: the newest first (a title of unknown "
        "date last); hours/views: the most first, summed over the weeks in Netflix's global Top "
        "10 (views only from the week ending 2023-06-18: titles in it before are marked and "
        "listed after the others)."
    ),
)
@limit_option(None)
@json_option
@sheet_option
@pass_app
def list_titles(
    app: App,
    kind: str | None,
    completeness: str | None,
    genre: str | None,
    platform: str | None,
    year: int | None,
    year_from: int | None,
    year_to: int | None,
    adapted_from: str | None,
    source_platform: str | None,
    sort: str,
    limit: int | None,
    as_json: bool,
    sheet: str | None,
) -> None:
    """The catalogue as a table, filtered and sorted."""
    if app.replay_page():  # the same page rendered before: print it again
        return
    from kdrama_cli.answers.listing import CatalogueFilter, list_page

    if year is not None and (year_from is not None or year_to is not None):
        raise click.UsageError("give --year, or --from/--to, not both")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise PlainUsageError(f"--from {year_from} is after --to {year_to}")
    where = CatalogueFilter(
        kind=kind,
        completeness=completeness,
        genre=genre,
        platform=platform,
        year_from=year if year is not None else year_from,
        year_to=year if year is not None else year_to,
        adapted_from=adapted_from,
        source_platform=source_platform,
    )
    if as_json:
        # Asked of catalogue.jsontext, not views.jsonview: printing the stored listing needs
        # neither the view nor json, which import in more time than the listing takes to read.
        from kdrama_cli.catalogue.jsontext import takes_compact

        if takes_compact(sys.stdout):
            from kdrama_cli.answers.listing import whole_catalogue_json

            stored = whole_catalogue_json(app.dataset(), where, sort, limit)
            if stored is not None:
                app.emit_stored_json(stored)
                return
    page = list_page(app.dataset(), where, sort, limit)
    if not page.shows:
        source = None if adapted_from == "any" else adapted_from
        _check_values(
            app,
            {
                "genre": genre,
                "platform": platform,
                "adapted-from": source,
                "source-platform": source_platform,
            },
        )
    # What the filters left out for want of a year or a label, which the page counts under
    # the table and a script reads on stderr (each a row of the unfiltered list)
    left_out: list[str] = []
    if page.unknown_year.left_out or page.unlabelled.left_out:
        from kdrama_cli.views.text import unknown_year_note, unlabelled_note

        if page.unknown_year.left_out:
            left_out.append(unknown_year_note(page.unknown_year))
        if page.unlabelled.left_out:
            left_out.append(unlabelled_note(page.unlabelled))
    nothing = "No title matches those filters."
    if page.alone:
        from kdrama_cli.views.text import each_alone_note

        nothing += " " + each_alone_note(page.alone)
    if sheet or as_json:
        if not page.shows:
            app.note(nothing)
        for line in left_out:
            app.note(line)
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.list_sheet(page.shows, page.totals_to),
        lambda: views.jsonview.list_json(page.shows, page.totals_to),
    ):
        return
    if not page.shows:
        app.nothing(" ".join([nothing, *left_out]))
        return
    from kdrama_cli.views.discovery import list_view

    app.render(list_view(page, sort))


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama top                               # weeks in the global Top 10
  kdrama top --kind series --limit 5
  kdrama top --list films                  # films: a list of their own
  kdrama top --metric hours-28             # Netflix's all-time Most Popular
  kdrama top --metric best-week --json
  kdrama top --report 2023H1               # ranks report-hours
  kdrama top --metric report-views --report 2025H1
  kdrama top --metric report-views --list films   # the report's film sheet

Metrics: weeks (weeks in the global Top 10, the default), hours-28 (hours viewed in the
first 28 days), hours-91, views-91 (the first 91 days), best-week and best-week-views (the
best single week), report-hours and report-views (one of Netflix's half-year engagement reports, the
latest unless --report names one; --report without --metric ranks report-hours). Each board
holds one metric over one window and one of Netflix's lists (films, non-English TV and
English TV are ranked apart, as Netflix ranks them; a report lists TV and films on sheets of
their own from July–December 2023 on, and January–June 2023 both on one), so its figures are
comparable. Netflix publishes hours-28, hours-91 and views-91 only for the titles on its
all-time Most Popular lists: those boards are short, and say so, and their first column is
Netflix's own rank on the list (a board holds the catalogue's titles only; Netflix ranks its
91-day lists by views, which hours-91 says). Netflix's weekly lists give views only from the
week ending 2023-06-18: best-week-views leaves out the seasons whose best week by hours was
before, and says which. On the boards of the weekly lists (weeks, best-week, best-week-views)
‡ marks a season out before those lists begin with the week ending 2021-07-04: its earlier
weeks are not published, so its figure leaves them out. On the best-week boards, "first N
days" under a figure says its release on Netflix cut that week short. On a report's board, †
marks a season that came out on Netflix within the half-year, whose figure counts only the
days from then to its end.""",
)
@click.option(
    "--metric",
    "-m",
    type=choice([*TOP10_METRICS, *REPORT_METRICS]),
    metavar="METRIC",  # the eight choices in one bracket overran an 80-column help page
    # Weeks in the global Top 10: a board of every title that reached it, up to the latest
    # week; the first-28-days board Netflix publishes only for its all-time lists held four.
    default="weeks",
    show_default=True,
    help=(
        "Which comparable figure to rank by (the metrics below; report-hours when only "
        "--report is given)."
    ),
)
@click.option(
    "--report",
    metavar="YYYYH1|YYYYH2",
    shell_complete=lambda ctx, param, incomplete: _complete_report(ctx, incomplete),
    help=(
        "Which half-year engagement report to rank (default: the latest): 2024H2, or as the "
        "pages print it, 'July–December 2024'; without --metric, it ranks the report's hours "
        "(report-hours)."
    ),
)
@click.option(
    "--list",
    "chart_list",
    type=choice(list(TOP10_LISTS), also=LIST_NAMES),
    help="Which of Netflix's lists to rank: tv (TV, Non-English), films (Films, Non-English), "
    "tv-english, films-english, or a list's name as a board prints it ('TV (Non-English)'); "
    "for a report's metrics, tv or films, the report's TV or film "
    "sheet (from July–December 2023 on). Default: the one with the most titles of --kind, for "
    "a report the TV sheet unless --kind picks the film one; the board names it and the others.",
)
@kind_option
@limit_option(10)
@json_option
@sheet_option
@pass_app
def top(
    app: App,
    metric: str,
    report: str | None,
    chart_list: str | None,
    kind: str | None,
    limit: int,
    as_json: bool,
    sheet: str | None,
) -> None:
    """Leaderboards of comparable figures, one metric, one window and one list at a time."""
    if report is not None and _metric_left_default():
        metric = "report-hours"  # a report given alone: rank its hours, the board says so
    if report is not None and not metric.startswith("report-"):
        raise PlainUsageError(
            f"--report goes with --metric report-hours or report-views, not {metric}"
        )
    if app.replay_page():  # the same page rendered before: print it again
        return
    from kdrama_cli.answers.leaderboards import BOARDS, leaderboard, report_board, reports_in

    wanted = TOP10_LISTS[chart_list] if chart_list else None
    chosen: str | None = None  # the report ranked, on a report's board
    if metric.startswith("report-"):
        from kdrama_cli.catalogue.models import half_year_named

        known = reports_in(app.dataset())
        if not known:
            raise PlainUsageError("the catalogue has no engagement-report figures")
        chosen = known[-1] if report is None else (half_year_named(report) or report.upper())
        if chosen not in known:  # "" names no report; nor does a bare year, which has two
            of_year = [r for r in known if r[:4] == report.strip()] if report else []
            raise _no_such_report(report or "", known, of_year)
        board = report_board(metric, chosen)
        if chart_list:
            wanted = _report_sheet(app, chosen, chart_list)
    else:
        board = BOARDS[metric]
    ranking = leaderboard(
        app.dataset(), board, kind, rows_asked(limit, as_json or bool(sheet)), wanted
    )
    said = (
        None if ranking.entries else _why_empty(app, board, ranking, metric, kind, wanted, chosen)
    )
    if sheet or as_json:  # what the page says under the board, stdout kept for the data
        from kdrama_cli.views.boards import before_views, kind_left_out, left_out

        notes = (
            (said,)  # an empty board's one line, which says what the others would
            if said is not None
            else (left_out(board, ranking), before_views(ranking), kind_left_out(board, ranking))
        )
        for note in notes:
            if note:
                app.note(note)
    if sheet:
        from kdrama_cli.views.sheets import board_sheet

        app.emit_sheet(board_sheet(ranking.entries, board), sheet)
        return
    if as_json:
        from kdrama_cli.views.jsonview import board_json
        from kdrama_cli.views.spoiler_notes import PAGES_SHOW_THEM

        app.emit_cited_json(board_json(board, ranking), spoilers=False, how=PAGES_SHOW_THEM)
        return
    if said is not None:
        app.nothing(said)
        return
    from kdrama_cli.answers.leaderboards import cited_by
    from kdrama_cli.views.discovery import board_view

    cited = cited_by(app.dataset(), (entry.stat for entry in ranking.entries))
    app.render(board_view(board, ranking, cited))


def _why_empty(
    app: App,
    board: Board,
    ranking: Ranking,
    metric: str,
    kind: str | None,
    wanted: str | None,
    report: str | None,
) -> str:
    """The one line of a board with no row, for the page and for stderr beside --json and
    --csv alike: the filter that emptied it or why the catalogue has no such figure, and the
    reports or metrics that do have rows."""
    from kdrama_cli.answers.leaderboards import BOARDS, leaderboard, reports_ranking
    from kdrama_cli.views.boards import empty_board

    elsewhere: list[str] = []
    if metric.startswith("report-"):
        elsewhere = [r for r in reports_ranking(app.dataset(), metric, kind) if r != report]
    said = empty_board(board, ranking, elsewhere)
    if not metric.startswith("report-") and _metric_left_default():
        # A dataset of one's own may have no weekly figures, the default's: name the
        # metrics that do have rows rather than leave `top` looking broken.
        others = [
            other
            for other in TOP10_METRICS
            if other != metric
            and leaderboard(app.dataset(), BOARDS[other], kind, 1, wanted).entries
        ]
        if others:
            said += f" Try --metric {' or '.join(others)}, which titles here have."
    if kind == "unknown" and not metric.startswith("report-"):
        # A title of unknown kind is a row of an engagement report that does not say TV or
        # film, and nothing else: no weekly list or all-time figure ranks one, ever.
        reports = reports_ranking(app.dataset(), "report-hours", kind)
        said += " A title of unknown kind is only a row of an engagement report that does not say "
        said += "TV or film, so only a report's board ranks one"
        said += (
            f": {command_line(f'top --report {reports[-1]} --kind unknown')}."
            if reports
            else "; the catalogue has none with a figure."
        )
    return said


def _report_sheet(app: App, report: str, chart_list: str) -> str:
    """The sheet of a report that --list names (a REPORT_SHEETS value), else a usage error
    worded for that report: from July-December 2023 on, Netflix's workbook has a TV sheet and
    a film sheet, each of every language (so --list tv-english is a Top 10 list's); January-June
    2023's one sheet lists TV and films of every language together."""
    from kdrama_cli.answers.leaderboards import reports_with_sheets
    from kdrama_cli.catalogue.models import parse_window

    sheeted = reports_with_sheets(app.dataset())
    period = parse_window(f"half-year:{report}") or report
    top10_only = chart_list not in REPORT_SHEETS  # tv-english, films-english
    said = f"--list {chart_list}" + (" goes with the Top 10 metrics" if top10_only else "")
    if report in sheeted:
        if not top10_only:
            return REPORT_SHEETS[chart_list]
        raise PlainUsageError(
            f"{said}: Netflix's engagement report for {period} has one TV sheet and one film "
            "sheet, for every language (--list tv or --list films)"
        )
    which = (
        f"the reports with a sheet of each ({', '.join(sheeted)})"
        if sheeted
        else "a report with a sheet of each, and the catalogue has none"
    )
    every = " of every language" if top10_only else ""
    raise PlainUsageError(
        f"{said}: Netflix's engagement report for {period} lists TV "
        f"and films{every} together, on one sheet; --list tv and --list films go with {which}"
    )


def _metric_left_default() -> bool:
    """Whether top's --metric was left out (neither typed nor set by the environment)."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source("metric")
    return source in (None, ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)


def _no_chart_twice(
    queries: Sequence[str], matches: Sequence[Match], seasons: Sequence[int | None]
) -> None:
    """One title (or one season of it) named twice is a usage error, as in compare: 'squid-game'
    and '오겜' would print the same chart twice. So is a whole title with one of its own
    seasons, whose weeks its chart already holds (compare refuses that pair too; chart drew
    season 2's weeks twice). Two seasons of one title are two charts."""
    seen: dict[tuple[str, int | None], str] = {}
    for query, match, number in zip(queries, matches, seasons, strict=True):
        key = (match.show.slug, number)
        if key not in seen:
            seen[key] = query
            continue
        what, which = ("title", "") if number is None else ("season", f" season {number}")
        raise PlainUsageError(
            f"the same {what} was given twice: {seen[key]!r} and {query!r} are both "
            f"{match.show.title}{which}"
        )
    for (slug, number), query in seen.items():
        whole = seen.get((slug, None))
        if number is not None and whole is not None:
            title = next(m.show.title for m in matches if m.show.slug == slug)
            one, other = sorted((whole, query), key=list(queries).index)  # as typed
            raise PlainUsageError(
                f"the same title was given twice: {one!r} and {other!r} are both {title}, "
                f"whose chart holds season {number}'s weeks; chart the title, or its seasons "
                "one by one"
            )


def _no_such_season_for_each(
    app: App, queries: Sequence[str], matches: Sequence[Match], season: int, missing: Match
) -> NoReturn:
    """--season given with several titles, one of which lacks that season: --season applies to
    every title, which the user may not have meant ('chart the-glory squid-game --season 3'),
    so the error says how to name one title's season instead: typed with it."""
    from kdrama_cli.answers.finding import NoSuchSeason, named_in_catalogue
    from kdrama_cli.errors import shell_quote

    named = named_in_catalogue(app.dataset(), missing.show)
    miss = NoSuchSeason(missing.show, season, named=named)
    said = str(miss)
    typed = [
        shell_quote(f"{m.show.title.casefold()} {season}")
        if m.show.season(season) is not None
        else shell_quote(q)
        for q, m in zip(queries, matches, strict=True)
    ]
    raise PlainUsageError(  # a season a title lacks: not_found in its JSON, as in show and cast
        f"{said}; --season applies to every title given: type a season with its title instead, "
        f"as in {command_line('chart ' + ' '.join(typed))}",
        lookup=miss,
    )


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama chart "All of Us Are Dead"
  kdrama chart squid-game --season 2 --metric views
  kdrama chart "squid game 3"          # a season typed with its title
  kdrama chart squid-game all-of-us-are-dead --metric rank
  kdrama chart squid-game --json""",
)
@click.argument(
    "shows", nargs=-1, required=True, callback=query_texts, shell_complete=complete_show
)
@season_option_saying(
    "Only this season; with several titles, of each (type one title's season with it "
    'instead: "squid game 3").'
)
@click.option(
    "--metric",
    "-m",
    type=choice(["hours", "views", "rank"]),
    default="hours",
    show_default=True,
    help="What the bars show (views are published from June 2023 on).",
)
@json_option
@sheet_option
@pass_app
def chart(
    app: App,
    shows: tuple[str, ...],
    season: int | None,
    metric: str,
    as_json: bool,
    sheet: str | None,
) -> None:
    """A title's weeks in Netflix's global Top 10 as a bar chart; several titles in turn.

    A title given twice (or the same season of it twice, or a title with one of its own
    seasons) is a usage error, as in compare; two seasons of one title are two charts. With
    several titles, --season applies to each: to chart one title's season beside others,
    type it with the title ("squid game 3").

    Each bar is one week of Netflix's global Top 10, Monday to the Sunday it is dated by, on
    one scale for every title charted; "first N days" under a week says the release on Netflix
    cut it short, so its figure is of those days, not a whole week."""
    day = today()  # a season not out is judged stale against it
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.charts import chart_gap, weekly_chart
    from kdrama_cli.answers.finding import NoSuchSeason, named_in_catalogue

    matches = app.find_each(shows, fewest=1)
    # --season for every title, else the season typed with each ('squid game 3'), as `show` does.
    seasons = [season_of(m, season, q) for m, q in zip(matches, shows, strict=True)]
    for match, number in zip(matches, seasons, strict=True):
        if number is not None and match.show.season(number) is None:  # a film has none
            if season is not None and len(matches) > 1:
                _no_such_season_for_each(app, shows, matches, season, match)
            named = named_in_catalogue(app.dataset(), match.show)
            miss = NoSuchSeason(match.show, number, named=named)
            raise PlainUsageError(str(miss), lookup=miss)  # not_found, as "squid game 9" is
    _no_chart_twice(shows, matches, seasons)
    charts = [
        (match.show, weekly_chart(match.show, number))
        for match, number in zip(matches, seasons, strict=True)
    ]
    # Why a chart has no week, and whether its season is out, asked once for every view.
    gaps = [
        chart_gap(show, number, weeks, day)
        for (show, weeks), number in zip(charts, seasons, strict=True)
    ]
    why_none = None  # why no week is charted: the page's line, and stderr's beside the rows
    if not any(weeks for _, weeks in charts):
        from kdrama_cli.views.boards import empty_charts

        why_none = empty_charts([(show, gap) for (show, _), gap in zip(charts, gaps, strict=True)])
        if sheet or as_json:
            app.note(why_none)
    if sheet:
        from kdrama_cli.views.sheets import chart_sheet

        app.emit_sheet(chart_sheet(charts), sheet)
        return
    if as_json:
        from kdrama_cli.views.jsonview import chart_json
        from kdrama_cli.views.spoiler_notes import PAGES_SHOW_THEM

        app.emit_cited_json(chart_json(charts, seasons, gaps), spoilers=False, how=PAGES_SHOW_THEM)
        return
    if why_none is not None:
        app.nothing(why_none)
        return
    from kdrama_cli.answers.leaderboards import cited_by
    from kdrama_cli.views.discovery import chart_view

    cited = cited_by(app.dataset(), (week for _, weeks in charts for week in weeks))
    app.render(chart_view(charts, metric, seasons, gaps, cited))

"""The click command tree: parse options, ask a query, hand the answer to JSON or the renderer."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from kdrama_cli import __version__
from kdrama_cli.dataset import DatasetError, Problem, load_dataset, locate_dataset
from kdrama_cli.errors import EXIT_DATA, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, PipeClosed
from kdrama_cli.models import ROLES, Dataset, Show
from kdrama_cli.queries import LookupError_, Match, find_show

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class KdramaError(click.ClickException):
    """A file or data error (exit 1), printed as one 'kdrama: error: ...' line on stderr."""

    exit_code = EXIT_DATA

    def show(self, file: Any = None) -> None:
        click.echo(f"kdrama: error: {self.format_message()}", err=True)


class DatasetProblems(click.ClickException):
    """Dataset or file errors: one line per problem on stderr, exit 1."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def show(self, file: Any = None) -> None:
        for problem in self.problems:
            click.echo(f"kdrama: error: {problem}", err=True)


@dataclass
class App:
    """Per-invocation state: where the dataset is and how to print."""

    data: str | None = None
    no_color: bool = False
    _dataset: Dataset | None = field(default=None, repr=False)

    def dataset(self) -> Dataset:
        if self._dataset is None:
            try:
                self._dataset = load_dataset([locate_dataset(self.data)])
            except DatasetError as error:
                raise DatasetProblems(error.problems) from None
        return self._dataset

    def find(self, query: str, param_hint: str = "SHOW") -> Match:
        try:
            return find_show(self.dataset(), query)
        except LookupError_ as error:
            raise click.BadParameter(str(error), param_hint=param_hint) from None

    def render(self, renderable: Any) -> None:
        from kdrama_cli.console import print_renderable

        try:
            print_renderable(renderable, self.no_color)
        except BrokenPipeError:
            raise PipeClosed from None

    def emit_json(self, value: Any) -> None:
        from kdrama_cli.jsonout import dump

        try:
            dump(value, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed from None


pass_app = click.make_pass_decorator(App)


def json_option(function: F) -> F:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (UTF-8) instead of a table."
    )(function)


def season_option(function: F) -> F:
    return click.option(
        "--season",
        "-s",
        type=click.IntRange(min=1),
        metavar="N",
        help="Only this season.",
    )(function)


def complete_show(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Slugs whose slug or title starts with what was typed, with the title as help."""
    from click.shell_completion import CompletionItem

    root = ctx.find_root()
    data = root.params.get("data") if root else None
    try:
        dataset = load_dataset([locate_dataset(data)])
    except DatasetError:
        return []
    typed = incomplete.casefold()
    items = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        if show.slug.startswith(typed) or show.title.casefold().startswith(typed):
            items.append(CompletionItem(show.slug, help=show.title))
    return items


@click.group(
    context_settings=CONTEXT_SETTINGS,
    epilog="""\b
Examples:
  kdrama show "All of Us Are Dead"
  kdrama show squid-game --season 2
  kdrama cast --season 2
  kdrama compare squid-game all-of-us-are-dead
  kdrama data check

Exit codes: 0 success, 1 dataset or file error, 2 usage error (unknown show, bad option),
130 interrupted.""",
)
@click.version_option(__version__, "-V", "--version", prog_name="kdrama")
@click.option(
    "--data",
    metavar="PATH",
    envvar="KDRAMA_DATA",
    help="Use this dataset file instead of the shipped one (also $KDRAMA_DATA).",
)
@click.option("--no-color", is_flag=True, help="No colour (also $NO_COLOR).")
@click.pass_context
def cli(ctx: click.Context, data: str | None, no_color: bool) -> None:
    """Trivia and facts about Korean dramas, offline, with every fact sourced.

    Look up a title, its seasons, the webtoon it came from, who plays whom and how it did on
    Netflix. A SHOW can be given by slug, title, alias, Hangul title or romanisation, ignoring
    case and punctuation.
    """
    ctx.obj = App(data=data, no_color=no_color)


@cli.command(
    epilog="""\b
Examples:
  kdrama show "All of Us Are Dead"
  kdrama show 지금 우리 학교는
  kdrama show squid-game --season 3 --spoilers
  kdrama show kingdom --json"""
)
@click.argument("show", shell_complete=complete_show)
@season_option
@click.option("--spoilers", is_flag=True, help="Also show facts flagged as spoilers.")
@json_option
@pass_app
def show(app: App, show: str, season: int | None, spoilers: bool, as_json: bool) -> None:
    """Everything about one title: seasons, source work, cast, figures, facts and sources."""
    from kdrama_cli.queries import show_detail

    match = app.find(show)
    detail = _query(
        lambda: show_detail(app.dataset(), match.show, season, spoilers or as_json, match, as_json)
    )
    if as_json:
        from kdrama_cli.jsonout import show_json

        app.emit_json(show_json(detail))
        return
    from kdrama_cli.render import show_view

    app.render(show_view(detail, spoilers))


@cli.command(
    epilog="""\b
Examples:
  kdrama cast "All of Us Are Dead"
  kdrama cast --season 2
  kdrama cast squid-game --role main --json"""
)
@click.argument("show", required=False, shell_complete=complete_show)
@season_option
@click.option(
    "--role",
    type=click.Choice([*ROLES, "all"]),
    default="all",
    show_default=True,
    help="Only credits of this role.",
)
@json_option
@pass_app
def cast(app: App, show: str | None, season: int | None, role: str, as_json: bool) -> None:
    """Who plays whom: one title's cast, or every title's, grouped by title.

    Cast of a season that is announced but not released is marked "announced" with the date the
    season's status was last confirmed.
    """
    from kdrama_cli.queries import cast_list

    chosen: Show | None = app.find(show).show if show else None
    groups = _query(lambda: cast_list(app.dataset(), chosen, season, role))
    if as_json:
        from kdrama_cli.jsonout import cast_list_json

        app.emit_json(cast_list_json(groups))
        return
    from kdrama_cli.render import cast_groups_view

    app.render(cast_groups_view(groups, season))


@cli.command(
    epilog="""\b
Examples:
  kdrama compare squid-game all-of-us-are-dead
  kdrama compare kingdom "Train to Busan" "Kingdom: Ashin of the North"
  kdrama compare squid-game all-of-us-are-dead --json"""
)
@click.argument("shows", nargs=-1, required=True, shell_complete=complete_show)
@json_option
@pass_app
def compare(app: App, shows: tuple[str, ...], as_json: bool) -> None:
    """Two or more titles side by side, with the cast they share.

    Figures share a row only when metric, unit, window and season agree; the leader of each row
    is marked with a star.
    """
    from kdrama_cli.queries import compare as compare_shows

    if len(shows) < 2:
        raise click.UsageError("compare needs at least two titles")
    found = [app.find(query, param_hint=f"SHOW {query!r}").show for query in shows]
    if len({s.slug for s in found}) < len(found):
        raise click.UsageError("the same title was given twice")
    comparison = compare_shows(app.dataset(), found)
    if as_json:
        from kdrama_cli.jsonout import comparison_json

        app.emit_json(comparison_json(comparison))
        return
    from kdrama_cli.render import comparison_view

    app.render(comparison_view(comparison))


@cli.group(context_settings=CONTEXT_SETTINGS)
def data() -> None:
    """Work with dataset files: validate them."""


@data.command(
    "check",
    epilog="""\b
Examples:
  kdrama data check
  kdrama data check my-shows.toml
  kdrama data check --json""",
)
@click.argument("path", required=False, type=click.Path(path_type=Path))
@json_option
@pass_app
def data_check(app: App, path: Path | None, as_json: bool) -> None:
    """Validate a dataset (the one in use, or PATH) and print counts or every problem.

    Exit 1 when there is any problem; each is printed on its own line with its location.
    """
    from kdrama_cli.dataset import check_dataset

    try:
        target = path if path is not None else locate_dataset(app.data)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    report = check_dataset([target])
    if as_json:
        from kdrama_cli.jsonout import check_json

        app.emit_json(check_json(report.dataset, [str(p) for p in report.problems], report.counts))
        if report.problems:
            sys.exit(EXIT_DATA)
        return
    if report.problems:
        raise DatasetProblems(report.problems)
    from kdrama_cli.render import check_view

    app.render(check_view(report.counts, report.files))


@data.command(
    "netflix",
    epilog="""\b
Examples:
  kdrama data netflix all-weeks-global.tsv most-popular.tsv all-weeks-countries.tsv
  kdrama --data data/shows.toml data netflix top10/*.tsv --out data/netflix.toml""",
)
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the generated dataset file here (default: standard output).",
)
@click.option(
    "--snapshot",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of a Most Popular file (default: a date in its file name).",
)
@pass_app
def data_netflix(app: App, paths: tuple[Path, ...], out: Path | None, snapshot: Any) -> None:
    """Derive Netflix figures for the catalogue from Netflix's published Top 10 files.

    Reads Netflix's all-weeks-global.tsv, all-weeks-countries.tsv and most-popular.tsv (in any
    order; the kind of each file is recognised by its columns) and writes a dataset file of
    figures: weekly hours, views and rank for every week a title was in the global Top 10,
    weeks in the Top 10, best rank, the all-time Most Popular figures, and countries in the
    Top 10 by week. Rows are matched only through the netflix_titles of the dataset's seasons
    and films. Korean titles that match nothing are reported when a tiers file is given.
    """
    from kdrama_cli.netflix import HEADER, NetflixFileError, derive, read_inputs
    from kdrama_cli.tomlwrite import dumps

    try:
        base = load_dataset([locate_dataset(app.data)], follow_includes=False)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    try:
        found = read_inputs(paths, snapshot.date() if snapshot else None)
        derived = derive(base, found)
    except (NetflixFileError, ValueError, KeyError) as error:
        raise KdramaError(str(error)) from None
    text = dumps(derived.document, HEADER)
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise KdramaError(f"cannot write {out}: {error.strerror}") from None
    stats = len(derived.document["stats"])
    click.echo(f"kdrama: {stats} figures for {derived.matched_titles} titles", err=True)
    for title in derived.unmatched_korean:
        click.echo(f"kdrama: unmatched Korean title: {title}", err=True)
    for title in derived.unused_mappings:
        click.echo(f"kdrama: no rows for the dataset's Netflix title {title!r}", err=True)


T = TypeVar("T")


def _query(call: Callable[[], T]) -> T:
    """Run a query, turning a lookup failure (e.g. an unknown season) into a usage error."""
    try:
        return call()
    except LookupError_ as error:
        raise click.UsageError(str(error)) from None


def main() -> NoReturn:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        code = cli.main(prog_name="kdrama", standalone_mode=False)
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("kdrama: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except (BrokenPipeError, PipeClosed):
        _silence_stdout()
        code = EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last guard; the message says how to report
        click.echo(f"kdrama: internal error: {type(error).__name__}: {error}", err=True)
        code = EXIT_INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _silence_stdout() -> None:
    """After the reader closed the pipe, point stdout at devnull so the exit flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

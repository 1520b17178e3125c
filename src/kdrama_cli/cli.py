"""The click command tree: global options, the commands, and the guarded entry point."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from kdrama_cli import __version__
from kdrama_cli.app import CONTEXT_SETTINGS, App, tolerant_stdout
from kdrama_cli.commands.cache import cache
from kdrama_cli.commands.data import data
from kdrama_cli.commands.discover import chart, list_titles, search, top
from kdrama_cli.commands.people import person
from kdrama_cli.commands.play import quiz, trivia
from kdrama_cli.commands.shell import completion
from kdrama_cli.commands.titles import cast, compare, show
from kdrama_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, PipeClosed


@click.group(
    context_settings=CONTEXT_SETTINGS,
    epilog="""\b
Examples:
  kdrama show "All of Us Are Dead"
  kdrama show squid-game --season 2
  kdrama cast --season 2
  kdrama compare squid-game all-of-us-are-dead
  kdrama person "Park Solomon"
  kdrama search "지금 우리"
  kdrama top --metric hours-28
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
@click.option(
    "--add-data",
    metavar="PATH",
    multiple=True,
    help="Merge this dataset file over the others (repeatable; later files win with override).",
)
@click.option("--no-color", is_flag=True, help="No colour (also $NO_COLOR).")
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="KDRAMA_NO_CACHE",
    help="Parse the dataset files instead of using the index in the cache directory.",
)
@click.option("--no-pager", is_flag=True, help="Never page long output.")
@click.option(
    "--export-svg",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Also save what was printed as an SVG picture.",
)
@click.option(
    "--export-html",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Also save what was printed as an HTML page.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data: str | None,
    add_data: tuple[str, ...],
    no_color: bool,
    no_cache: bool,
    no_pager: bool,
    export_svg: Path | None,
    export_html: Path | None,
) -> None:
    """Trivia and facts about Korean dramas, offline, with every fact sourced.

    Look up a title, its seasons, the webtoon it came from, who plays whom and how it did on
    Netflix. A SHOW can be given by slug, title, alias, Hangul title or romanisation, ignoring
    case and punctuation.
    """
    tolerant_stdout()
    ctx.obj = App(
        data=data,
        add_data=add_data,
        no_color=no_color,
        cache=not no_cache,
        pager=not no_pager,
        export_svg=export_svg,
        export_html=export_html,
    )


for command in (show, cast, compare, person, search, list_titles, top, chart, trivia, quiz):
    cli.add_command(command)
cli.add_command(data)
cli.add_command(cache)
cli.add_command(completion)


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

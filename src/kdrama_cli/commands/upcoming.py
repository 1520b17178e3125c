"""`kdrama upcoming`: renewed, announced and in-production seasons, and a calendar of the dated
releases."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kdrama_cli import views
from kdrama_cli.app import App, pass_app, today
from kdrama_cli.errors import command_line
from kdrama_cli.failures import KdramaError
from kdrama_cli.options import DataCommand, a_path, choice, json_option, sheet_option
from kdrama_cli.output import say

if TYPE_CHECKING:
    from kdrama_cli.answers.upcoming import Coming

#: The statuses --status takes (answers.upcoming.UPCOMING_STATUSES, without importing it).
STATUSES = ("renewed", "announced", "in-production")
#: Statuses of seasons that are out, taken only to say where those are (not "Did you mean
#: renewed?" for released).
_OUT = {"released": "released", "airing": "airing", "cancelled": "cancelled"}


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama upcoming
  kdrama upcoming --status in-production
  kdrama upcoming --ics kdrama.ics      # the dated releases, for a calendar
  kdrama upcoming --ics - > kdrama.ics  # "-": the calendar alone, on stdout
  kdrama upcoming --csv

Dated releases (a release date on or after today) come first, soonest first; then the rest,
newest news first. "stale" marks a season the catalogue's news may no longer describe: its
latest news is more than a year old, its announced release date or window ("Q2 2026") has
passed, or Netflix's own Top 10 or engagement files already list it ("on Netflix": it is
out).""",
)
@click.option(
    "--status",
    "statuses",
    type=choice(STATUSES, also=_OUT),
    multiple=True,
    help="Only seasons with this status (repeatable).",
)
@click.option(
    "--ics",
    "ics",
    type=click.Path(),
    callback=a_path,
    metavar="FILE",
    help=(
        "Also write the dated releases to FILE as an iCalendar file, for calendar apps. "
        'With "-", the calendar alone is printed on standard output instead of the table.'
    ),
)
@json_option
@sheet_option
@pass_app
def upcoming(
    app: App, statuses: tuple[str, ...], ics: str | None, as_json: bool, sheet: str | None
) -> None:
    """Seasons renewed, announced or in production, with the dates of their news.

    Each row gives a season's status, the day it was announced and last confirmed, and its
    release date when one is set; news older than a year is flagged stale. What is stale, and
    what is still to come, are judged against today's date, so the page is worked out afresh
    on each run, never replayed from the cache.
    """
    from kdrama_cli.answers.upcoming import upcoming as coming_seasons

    gone = [status for status in statuses if status in _OUT]
    if gone:
        from kdrama_cli.failures import PlainUsageError

        raise PlainUsageError(
            f"--status {gone[0]}: upcoming lists seasons still to come ({', '.join(STATUSES)});"
            " a title's released, airing or cancelled seasons are on its page: "
            + command_line("show TITLE")
        )
    if ics == "-" and (as_json or sheet):
        given = "--json" if as_json else f"--{sheet}"
        raise click.UsageError(f"--ics - and {given}: give one output (both print on stdout)")
    if ics == "-":
        app.refuse_export("--ics -")  # before the calendar is written, not after
    app.refuse_overwriting_inputs("--ics", ics)
    coming = coming_seasons(app.dataset(), today(), statuses or STATUSES)
    if not coming.entries:
        app.verify_empty_answer()
    if ics == "-":
        _print_calendar(app, coming)
        return
    if ics:
        _write_calendar(coming, ics)
    if sheet or as_json:
        from kdrama_cli.views.text import upcoming_hidden

        # --csv leaves out the addresses, --json the headlines and addresses
        left_out = upcoming_hidden(coming, addresses=bool(sheet))
        if left_out:  # on stderr: stdout keeps its contract
            say(left_out)
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.upcoming_sheet(coming),
        lambda: views.jsonview.upcoming_json(coming),
    ):
        return
    if not coming.entries:
        which = ", ".join(s.replace("-", " ") for s in statuses or STATUSES)
        app.nothing(f"No season in the catalogue is {which}.")
        return
    from kdrama_cli.views.upcoming import upcoming_view

    app.render(upcoming_view(coming))


def _print_calendar(app: App, coming: Coming) -> None:
    """The calendar alone on stdout (--ics -, as "-" names a standard stream elsewhere: seen
    import -), and what it holds on stderr."""
    from kdrama_cli.views.calendar import calendar_bytes

    app.emit_file(calendar_bytes(coming))
    _say_written(coming, "standard output")


def _write_calendar(coming: Coming, path: str) -> None:
    """Write the calendar atomically (never over a directory, a FIFO or a device), then say
    what it holds on stderr; a file that cannot be written is an error (exit 1)."""
    from kdrama_cli.catalogue.writing import write_export
    from kdrama_cli.errors import ExportFailed
    from kdrama_cli.views.calendar import calendar_bytes

    try:
        write_export(path, calendar_bytes(coming).decode("utf-8"))
    except ExportFailed as error:
        raise KdramaError(f"cannot write the calendar: {error}") from None
    _say_written(coming, path)


def _say_written(coming: Coming, path: str) -> None:
    dated = len(coming.dated)
    if dated:
        plural = "s" if dated != 1 else ""
        say(f"kdrama: wrote {dated} dated release{plural} to {path}")
    else:
        say(
            f"kdrama: wrote an empty calendar to {path}: no season in the answer has a release "
            "date on or after today"
        )

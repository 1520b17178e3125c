"""The errors a command raises to stop with a message: each prints its own 'kdrama: ...'
lines on stderr and exits with its documented code (kdrama_cli.errors has the codes).

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kdrama_cli.errors import EXIT_DATA, EXIT_USAGE
from kdrama_cli.output import say

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.catalogue.problems import Problem

T = TypeVar("T")


class KdramaError(click.ClickException):
    """A file or data error (exit 1), printed as one 'kdrama: error: ...' line on stderr."""

    exit_code = EXIT_DATA

    def show(self, file: Any = None) -> None:
        for line in self.format_message().splitlines() or [""]:
            say(f"kdrama: error: {line}")


class PlainUsageError(click.UsageError):
    """A usage error (exit 2) in a well-formed command line: a title, person, season or value
    the catalogue does not have, a name that matches several, a bad environment variable. One
    'kdrama: error: ...' line on stderr, as file errors are; click's Usage block is kept for
    mistakes of syntax (an unknown option, a missing argument)."""

    def show(self, file: Any = None) -> None:
        say(f"kdrama: error: {self.format_message()}")


#: Said after a miss among several words given to a command that takes several names, and
#: after words left over by a command that takes one (click's "unexpected extra argument").
QUOTE_HINT = 'a title or name of several words goes in quotes ("Squid Game")'


class DatasetProblems(click.ClickException):
    """Dataset or file errors: one line per problem on stderr (the first fifty, then a count of
    the rest by kind), exit 1."""

    exit_code = EXIT_DATA

    def __init__(
        self, problems: list[Problem], personal: str | None = None, notes: Sequence[str] = ()
    ) -> None:
        self.problems = problems
        #: The personal dataset, when the load read it: nothing on the command line named it,
        #: so a problem in it is followed by a note saying what the file is.
        self.personal = personal
        #: Notes said after the problems (App.base_notes: a base that is not the shipped one).
        self.notes = list(notes)
        super().__init__(f"{len(problems)} problems")

    def show(self, file: Any = None) -> None:
        from kdrama_cli.catalogue.problems import summary

        for line in summary(self.problems):
            say(f"kdrama: error: {line}")
        if self.personal and any(in_file(p.file, self.personal) for p in self.problems):
            say(
                f"kdrama: note: {self.personal} is your personal dataset, read automatically "
                "by every command that uses the catalogue; fix it, or move it away to run "
                "without it."
            )
        for note in self.notes:
            say(f"kdrama: note: {note}")


def in_file(where: str, path: str) -> bool:
    """Whether a problem's file is ``path`` (a TOML syntax error's is "PATH:LINE:COLUMN")."""
    return where == path or where.startswith(f"{path}:")


class Cancelled(click.ClickException):
    """The person cancelled the choice (Enter, end of input): one line, exit 2, no usage text
    (the candidates were just listed)."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        say(f"kdrama: {self.format_message()}")


def run_query(call: Callable[[], T]) -> T:
    """Run a query, turning a lookup failure (e.g. an unknown season) into a usage error."""
    from kdrama_cli.answers.finding import LookupError_

    try:
        return call()
    except LookupError_ as error:
        raise PlainUsageError(str(error)) from None

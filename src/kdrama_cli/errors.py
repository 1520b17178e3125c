"""Exit codes, the exception every layer may raise to stop output quietly, and the one
wording of a suggestion."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def did_you_mean(names: list[str]) -> str:
    """The one wording of a suggestion, for commands, options, values, titles and people:
    "Did you mean A, B or C?" (click's own, for options, is made to begin the same way:
    kdrama_cli.cli)."""
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return f"Did you mean {listed}?"


class PipeClosed(Exception):
    """The reader of stdout went away (``kdrama cast | head -1``): stop quietly with exit 0.

    Not an OSError on purpose: click turns EPIPE into exit 1, and a closed pipe is not an error.
    """


class ExportFailed(Exception):
    """An --export-svg or --export-html file could not be written (the message says why)."""

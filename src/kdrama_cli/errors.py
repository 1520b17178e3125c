"""Exit codes, the exception every layer may raise to stop output quietly, and the one
wording of a suggestion (and of a mistyped command)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def no_such_command(word: str, commands: Iterable[str], before: Sequence[str] = ()) -> str:
    """A mistyped command, in one wording at every level and in `kdrama help`: "No such command
    'seen ad'. Did you mean seen add? See 'kdrama seen --help' for the commands." ``before``:
    the group's words under kdrama (none at the top level)."""
    import difflib

    close = difflib.get_close_matches(word, list(commands), n=3, cutoff=0.6)
    hint = f" {did_you_mean([' '.join([*before, name]) for name in close])}" if close else ""
    listed = " ".join(["kdrama", *before, "--help"])
    said = f"No such command {' '.join([*before, word])!r}.{hint} See '{listed}' for the commands"
    if close or before or not word.strip() or not word.isprintable():
        return f"{said}."
    # `kdrama squid-game`, `kdrama 현빈`: a name typed where the command goes
    import shlex

    return f"{said}; kdrama search {shlex.quote(word)} finds a title or person by name."


class PipeClosed(Exception):
    """The reader of stdout went away (``kdrama cast | head -1``): stop quietly with exit 0.

    Not an OSError on purpose: click turns EPIPE into exit 1, and a closed pipe is not an error.
    """


class ExportFailed(Exception):
    """A file named for an answer (--export-svg, --export-html, upcoming --ics FILE) could not
    be written (the message says why)."""

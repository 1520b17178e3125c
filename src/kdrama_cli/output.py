"""Standard output and standard error for every command: one printable line on stderr (say),
a stream whose reader went away (silence), and a stdout that cannot encode Hangul.

Nothing here imports Rich: JSON and completion paths must stay light.
"""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

import click

from kdrama_cli.catalogue.printable import FOLD_ERRORS, fold_errors


def say(line: str) -> None:
    """One line on stderr, made printable: names, keys and paths from a dataset or from the
    command line can hold escape sequences, controls or undecodable bytes.

    What stderr says is advisory: when it cannot be written (its reader has gone, as in
    ``kdrama cast x --json 2> >(head -c0)``, or a full disk) it is silenced and the command
    carries on, so the answer on stdout and the exit status are what they would have been."""
    from kdrama_cli.catalogue.printable import clean

    try:
        click.echo(clean(line), err=True)
    except (OSError, ValueError):
        silence(sys.stderr)


def say_json(value: Any) -> None:
    """``value`` as one line of JSON on stderr (an error, for a command line that asked for
    JSON): compact whatever stderr is, Hangul kept where stderr can encode it, and the
    controls a terminal would obey escaped (catalogue.jsontext), so it is printable as it is.
    Advisory as say() is: a stderr that cannot be written is silenced."""
    from kdrama_cli.catalogue.jsontext import can_encode_hangul, dumps

    try:
        line = dumps(value, ascii_only=not can_encode_hangul(sys.stderr), indent=None)
        click.echo(line, err=True)
    except (OSError, ValueError):
        silence(sys.stderr)


def silence(stream: TextIO) -> None:
    """After the reader of ``stream`` (stdout or stderr) went away, point it at devnull, so
    later writes and the flush at exit are quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):
        pass


def is_utf8(stream: Any) -> bool:
    """Whether a text stream writes UTF-8."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") in ("utf8", "u8")


def tolerant_stdout() -> None:
    """On a terminal or pipe that cannot encode Hangul (PYTHONIOENCODING=ascii, a Windows code
    page), replace what cannot be written instead of failing with UnicodeEncodeError. (In a C
    locale Python's own error handler is surrogateescape, which fails on Hangul just the same.)
    The replacement keeps each character's width (FOLD_ERRORS), so tables stay aligned."""
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None) or "strict"
    if reconfigure is None or errors in _TOLERANT:
        return
    try:
        "한—".encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        reconfigure(errors=fold_errors())


_TOLERANT = frozenset(
    {"replace", "backslashreplace", "xmlcharrefreplace", "namereplace", FOLD_ERRORS}
)

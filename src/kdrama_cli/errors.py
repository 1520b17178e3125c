"""Exit codes, and the exception every layer may raise to stop output quietly."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class PipeClosed(Exception):
    """The reader of stdout went away (``kdrama cast | head -1``): stop quietly with exit 0.

    Not an OSError on purpose: click turns EPIPE into exit 1, and a closed pipe is not an error.
    """


class ExportFailed(Exception):
    """An --export-svg or --export-html file could not be written (the message says why)."""


class OutputClosed(Exception):
    """Standard output is closed or cannot take the output (a full disk): exit 1."""

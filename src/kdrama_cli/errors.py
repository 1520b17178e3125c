"""Exit codes and the exceptions that cross layers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kdrama_cli.dataset import Problem

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class PipeClosed(Exception):
    """The reader of stdout went away (``kdrama cast | head -1``): stop quietly with exit 0.

    Not an OSError on purpose: click turns EPIPE into exit 1, and a closed pipe is not an error.
    """


class DatasetError(Exception):
    """A dataset could not be loaded; carries every problem found (kdrama_cli.dataset.Problem).

    Defined here, not beside the loader, so that a run answered from the index can catch it
    without importing the loader."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

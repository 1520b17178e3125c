"""The Rich console for one invocation (made on first use, never at import time)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from kdrama_cli.errors import PipeClosed

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def make_console(no_color: bool = False) -> Console:
    """A console for stdout; colour off with --no-color or NO_COLOR, markup and highlighting off."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich's default exits with status 1; a reader that stopped early is not an error.
            self.quiet = True
            raise PipeClosed

    return _Console(
        highlight=False,
        markup=False,
        emoji=False,
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
        soft_wrap=False,
    )


def print_renderable(renderable: RenderableType, no_color: bool = False) -> None:
    console = make_console(no_color)
    console.print(renderable)
    sys.stdout.flush()

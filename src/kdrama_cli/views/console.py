"""The Rich console for one invocation (made on first use, never at import time)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kdrama_cli.errors import PipeClosed

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def make_console(no_color: bool = False, record: bool = False) -> Console:
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
        record=record,
    )


def print_renderable(
    renderable: RenderableType,
    no_color: bool = False,
    pager: bool = True,
    export_svg: str | None = None,
    export_html: str | None = None,
    store: Callable[[str], None] | None = None,
) -> None:
    """Print to stdout (paged when taller than an interactive terminal), then save exports.

    With ``store``, the page is rendered to text first, written, and handed to ``store`` for
    the page cache (unless it had to go through the pager).
    """
    console = make_console(no_color, record=bool(export_svg or export_html))
    paged = pager and console.is_terminal and sys.stdout.isatty()
    if store is not None and not (export_svg or export_html):
        with console.capture() as capture:
            console.print(renderable)
        page = capture.get()
        if paged and page.count("\n") > console.size.height:
            _page(console, renderable)
            return
        sys.stdout.write(page)
        sys.stdout.flush()
        store(page)
        return
    if paged and _taller_than_screen(console, renderable):
        _page(console, renderable)
    else:
        console.print(renderable)
    sys.stdout.flush()
    if export_svg:
        console.save_svg(str(export_svg), title="kdrama", clear=False)
    if export_html:
        console.save_html(str(export_html), clear=False)


def _page(console: Console, renderable: RenderableType) -> None:
    """Show through the pager. less needs -R to pass colours through (as git sets it: -FRX,
    which also quits at once when the page fits and leaves it on the screen)."""
    os.environ.setdefault("LESS", "-FRX")
    with console.pager(styles=not console.no_color):
        console.print(renderable)


def _taller_than_screen(console: Console, renderable: RenderableType) -> bool:
    lines = console.render_lines(renderable, console.options, pad=False)
    return len(lines) > console.size.height

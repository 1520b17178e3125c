"""The Rich console for one invocation (made on first use, never at import time)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kdrama_cli.catalogue.printable import dumb_terminal, fold_errors
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

    console = _Console(
        highlight=False,
        markup=False,
        emoji=False,
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
        soft_wrap=False,
        record=record,
    )
    if console.is_dumb_terminal:
        # Rich lays a dumb terminal out at 80 columns whatever its width and $COLUMNS (which
        # Emacs's M-x shell sets to its window's width); its size is read as for any other.
        import shutil

        console.size = shutil.get_terminal_size()
    return console


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
    the page cache (unless it had to go through the pager). The commands a page names are
    kept whole on their lines (views.pasteable): drawn to text, their spaces are put back in
    the text; drawn by Rich to the terminal or an export, as Rich draws them. An SVG picture,
    which cuts a line at its width where a terminal wraps it, is recorded from a drawing of
    its own in which a command wider than the page is broken between its words.
    """
    from kdrama_cli.views.pasteable import Unjoined, keep_commands_whole
    from kdrama_cli.views.text import unjoin

    renderable = keep_commands_whole(renderable)
    console = make_console(no_color, record=bool(export_svg or export_html))
    paged = pager and console.is_terminal and sys.stdout.isatty() and not dumb_terminal()
    exporting = bool(export_svg or export_html)
    if not exporting and (store is not None or not paged):
        with console.capture() as capture:
            console.print(renderable, crop=False)
        page = unjoin(capture.get())
        if console.color_system is None:
            page = tidy(page)
        if paged and page.count("\n") > console.size.height:
            _page(console, renderable)
            return
        sys.stdout.write(page)
        sys.stdout.flush()
        if store is not None:
            store(page)
        return
    renderable = Unjoined(renderable)
    cut = bool(export_svg)
    if paged and _taller_than_screen(console, renderable):
        _page(console, renderable)
        _record(console, renderable, cut)
    elif console.color_system is None or cut:
        # The page stdout gets is the same with or without an export (a pipe's with no
        # padding at the ends of lines); the export is recorded from a second rendering that
        # goes nowhere else.
        with console.capture() as capture:
            console.print(renderable, crop=False)
        page = capture.get()
        sys.stdout.write(tidy(page) if console.color_system is None else page)
        _record(console, renderable, cut)
    else:
        console.print(renderable, crop=False)
    sys.stdout.flush()
    if export_svg or export_html:
        from kdrama_cli.catalogue.writing import write_export

        if export_svg:
            write_export(export_svg, console.export_svg(title="kdrama", clear=False))
        if export_html:
            write_export(export_html, console.export_html(clear=False))


def tidy(page: str) -> str:
    """Plain text as a pipe wants it: no blank lines before the first line of text, no spaces
    at the ends of lines (Rich pads every table cell to its column's width)."""
    lines = [line.rstrip(" ") for line in page.split("\n")]
    while len(lines) > 1 and not lines[0]:
        del lines[0]
    return "\n".join(lines)


def _page(console: Console, renderable: RenderableType) -> None:
    """Show through the pager ($PAGER, else less, else more; see _pager_environment for less's
    options). A pager that is missing or fails does not lose the page: it is printed."""
    from kdrama_cli.views.text import unjoin

    with console.capture() as capture:
        console.print(renderable, crop=False)
    page = unjoin(capture.get())
    if not _run_pager(page):
        sys.stdout.write(page)
        sys.stdout.flush()


def _record(console: Console, renderable: RenderableType, cut: bool = False) -> None:
    """Render once more, into nothing, for the export. A page shown through the pager or
    written as a pipe wants it was rendered inside console.capture(), which Rich leaves out of
    the record that export_svg and export_html read: without this they would be empty.
    ``cut``: for an SVG picture, which cuts a line at its width (views.pasteable.cut_at_edge)."""
    from kdrama_cli.views.pasteable import cut_at_edge

    width = console.width  # of stdout's terminal, which a StringIO does not have
    console.file = io.StringIO()
    console.width = width
    with cut_at_edge(cut):
        console.print(renderable, crop=False)


def _run_pager(page: str) -> bool:
    """True when a pager showed the page and ended well."""
    import shlex
    import shutil
    import subprocess

    command = os.environ.get("PAGER", "").strip()
    try:
        words = shlex.split(command) if command else []
    except ValueError:
        return False
    if not words:
        found = shutil.which("less") or shutil.which("more")
        if found is None:
            return False
        words = [found]
    try:
        process = subprocess.Popen(
            words,
            stdin=subprocess.PIPE,
            env=_pager_environment(words[0]),
            errors=fold_errors(),
            encoding=sys.stdout.encoding or "utf-8",
        )
    except (OSError, ValueError):
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(page)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit early: the page was shown as far as wanted
    except OSError:
        process.wait()
        return False
    return process.wait() == 0


def _pager_environment(program: str) -> dict[str, str]:
    """The pager's environment. less shows colours and bold only with -R; without it the page
    is full of "ESC[1m". With no $LESS, git's -FRX (also: quit at once when the page fits,
    leave it on the screen). A $LESS of the user's own (LESS=-i) is kept, with -R put first:
    their options still apply, one that turns it off again (-+R, -r) still wins, and nothing
    is appended to a string option (-P...) that would take it as text."""
    environment = dict(os.environ)
    given = environment.get("LESS")
    if given is None:
        environment["LESS"] = "-FRX"
    elif _is_less(program):
        environment["LESS"] = f"-R {given}" if given.strip() else "-R"
    return environment


def _is_less(program: str) -> bool:
    name = os.path.basename(program).lower()
    return name in ("less", "less.exe")


def _taller_than_screen(console: Console, renderable: RenderableType) -> bool:
    lines = console.render_lines(renderable, console.options, pad=False)
    return len(lines) > console.size.height

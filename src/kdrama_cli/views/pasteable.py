"""Suggested commands kept whole on a page: its lines break around a command, not inside it.

A command split over two lines fails when it is pasted (the shell runs the first half, or
a quoted path breaks in two). Before a page is drawn, each space inside a command it names
(one ``errors.command_line`` made this run) becomes ``PAGE_MARKER`` (catalogue.printable: a
Unicode noncharacter that clean() takes out of the dataset's text), a character Rich does not
break a line at and that takes one cell, as a space does; ``unjoin`` and ``Unjoined`` turn it
back into a space on the way out. A command still wider than the page (a long ``--data``
path) runs on past the width rather than being cut into pieces: a terminal wraps the line
whole and copies it as one. Where a line is cut at an edge instead (the title card's box, the
browser's pane, an SVG export), such a command is broken between its words, as any text.

Only the page's own lines are looked at, not the cells of its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from rich.cells import cell_len
from rich.console import Group
from rich.constrain import Constrain
from rich.containers import Lines
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.text import Text

from kdrama_cli.catalogue.printable import PAGE_MARKER
from kdrama_cli.errors import suggested_commands
from kdrama_cli.views.page import Page
from kdrama_cli.views.text import join_commands, unjoin

if TYPE_CHECKING:
    from rich.console import (
        Console,
        ConsoleOptions,
        JustifyMethod,
        OverflowMethod,
        RenderableType,
        RenderResult,
    )
    from rich.measure import Measurement


@runtime_checkable
class HasTexts(Protocol):
    """A renderable that wraps texts of its own (the facts' and sources' hanging list)."""

    def map_texts(self, change: Callable[[Text], Text]) -> None: ...


def keep_commands_whole(renderable: RenderableType, run_on: bool = True) -> RenderableType:
    """``renderable`` with the commands its lines name made unbreakable: its containers are
    changed in place (a page is made for one printing), a line naming a command is replaced
    by a copy, and what stands for ``renderable`` is returned. ``run_on``: a command wider
    than the page runs past its width (a terminal wraps it), else it is broken between its
    words (the browser's pane cuts a line at its edge; see also ``cut_at_edge``)."""
    if isinstance(renderable, Text) and "kdrama " not in renderable.plain:
        return renderable  # the common one-line answer: nothing to look for
    commands = suggested_commands()
    if not commands:
        return renderable
    return _marked(renderable, commands, run_on)


class Unjoined:
    """Draws ``renderable`` with its commands' spaces back (for a page Rich prints itself, to a
    terminal, the pager's fallback or an export, and for the browser's pane)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if PAGE_MARKER in segment.text:
                yield Segment(unjoin(segment.text), segment.style, segment.control)
            else:
                yield segment

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.renderable)


class _CommandLine(Text):
    """A line that names a command, its words joined. Where a line is cut at an edge (a box,
    the browser's pane), the command is kept whole where it fits, else broken between its
    words, as it was before it was joined; a ``_RunOn`` line lets it run on instead."""

    #: Whether a command wider than the width runs on (unless ``cut_at_edge`` holds).
    runs_on: ClassVar[bool] = False

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if self.runs_on and not _CUT[0]:
            opened: Text = self  # its own overflow, "ignore", lets a long command run on
        else:
            opened = self.copy()  # a plain Text: its wrap() is Rich's own
            opened.plain = _unjoin_wider(self.plain, width)
            if overflow is None and opened.overflow == "ignore":
                opened.overflow = None  # a run-on line drawn where a line is cut: fold
        return Text.wrap(
            opened,
            console,
            width,
            justify=justify,
            overflow=overflow,
            tab_size=tab_size,
            no_wrap=no_wrap,
        )


class _RunOn(_CommandLine):
    """A line that names a command: broken between words as any text, but a word wider than
    the width runs on, neither folded nor cut (Rich's "ignore" overflow would not break the
    line at all). Its own overflow is "ignore"; it takes no other from the page. While an SVG
    picture is recorded (``cut_at_edge``), it is laid out as a box's line."""

    runs_on = True

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        justify = self.justify or options.justify or "default"
        tab_size = console.tab_size if self.tab_size is None else self.tab_size
        # No overflow given: wrap() then breaks at spaces and takes the text's own "ignore"
        # for what is left wider than the width.
        lines = self.wrap(console, options.max_width, justify=justify, tab_size=tab_size or 8)
        yield from Text("\n").join(lines).render(console, end=self.end)


#: Whether a page is being drawn for an SVG picture, which cuts a line at its width (a terminal
#: wraps it): set by ``cut_at_edge``.
_CUT = [False]


@contextmanager
def cut_at_edge(cut: bool = True) -> Iterator[None]:
    """While this holds, a command wider than the page is broken between its words on every
    line, as in a box, instead of running on (for the page an SVG export records)."""
    before = _CUT[0]
    _CUT[0] = cut
    try:
        yield
    finally:
        _CUT[0] = before


def _unjoin_wider(plain: str, width: int) -> str:
    """``plain`` with the spaces back in each joined command wider than ``width`` cells."""
    if PAGE_MARKER not in plain:
        return plain
    import re

    def opened(word: re.Match[str]) -> str:
        text = word.group()
        return unjoin(text) if PAGE_MARKER in text and cell_len(text) > width else text

    return re.sub(r"\S+", opened, plain)


def _marked(renderable: RenderableType, commands: Sequence[str], run_on: bool) -> RenderableType:
    """``renderable``, or what stands for it, with its lines' commands joined."""
    if isinstance(renderable, Text):
        return _line(renderable, commands, run_on)
    if isinstance(renderable, Page):
        renderable.parts[:] = [_marked(part, commands, run_on) for part in renderable.parts]
    elif isinstance(renderable, Group):
        parts = renderable.renderables
        parts[:] = [_marked(part, commands, run_on) for part in parts]
    elif isinstance(renderable, Constrain):
        renderable.renderable = _marked(renderable.renderable, commands, run_on)
    elif isinstance(renderable, (Panel, Padding)):  # their lines are cut at their edge
        renderable.renderable = _marked(renderable.renderable, commands, False)
    elif isinstance(renderable, HasTexts):
        renderable.map_texts(lambda text: _line(text, commands, run_on))
    return renderable


def _line(text: Text, commands: Sequence[str], run_on: bool) -> Text:
    """``text``, or, when it names a command, a copy with the command's spaces joined that runs
    a command wider than the width on (``run_on``) or breaks it between its words."""
    plain = text.plain
    joined = join_commands(plain, commands)
    if joined == plain:
        return text
    # One character for one space: the text's styles stay where they were.
    line = (_RunOn if run_on else _CommandLine)(
        joined,
        style=text.style,
        justify=text.justify,
        overflow="ignore" if run_on else text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    line._spans[:] = text._spans
    return line

"""Suggested commands kept whole on a page: its lines break around a command, never inside it.

A command split over two lines fails when it is pasted (the shell runs the first half, or
a quoted path breaks in two). Before a page is drawn, each space inside a command it names
(one ``errors.command_line`` made this run) becomes ``JOINED``, a character Rich does not
break a line at and that takes one cell, as a space does; ``unjoin`` and ``Unjoined`` turn it
back into a space on the way out. A command still wider than the page (a long ``--data``
path) runs on past the width rather than being cut into pieces: a terminal wraps the line
whole and copies it as one. Lines in a box (the title card) and the browser's pane, whose
lines are cut at their edge, fold such a command instead.

Only the page's own lines are looked at, not the cells of its tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from rich.console import Group
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.text import Text

from kdrama_cli.errors import suggested_commands
from kdrama_cli.views.page import Page

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement

#: Stands for a space inside a command while a page is laid out (a private-use character: no
#: text holds it, and Rich counts it one cell wide and no place to break a line).
JOINED = "\ue000"


@runtime_checkable
class HasTexts(Protocol):
    """A renderable that wraps texts of its own (the facts' and sources' hanging list)."""

    def texts(self) -> Iterable[Text]: ...


def keep_commands_whole(renderable: RenderableType, run_on: bool = True) -> RenderableType:
    """``renderable`` with the commands its lines name made unbreakable (in place: a page is
    made for one printing). ``run_on``: a command wider than the page runs past its width (a
    terminal wraps it), else it is folded at the width (the browser's pane cuts a line)."""
    if isinstance(renderable, Text) and "kdrama " not in renderable.plain:
        return renderable  # the common one-line answer: nothing to look for
    commands = suggested_commands()
    if not commands:
        return renderable
    return _marked(renderable, commands, run_on)


def unjoin(page: str) -> str:
    """A page drawn to text, with its commands' spaces back."""
    return page.replace(JOINED, " ")


class Unjoined:
    """Draws ``renderable`` with its commands' spaces back (for a page Rich prints itself, to a
    terminal, the pager's fallback or an export, and for the browser's pane)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if JOINED in segment.text:
                yield Segment(unjoin(segment.text), segment.style, segment.control)
            else:
                yield segment

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.renderable)


class _RunOn(Text):
    """A line that names a command: broken between words as any text, but a word wider than
    the width runs on, neither folded nor cut (Rich's "ignore" overflow would not break the
    line at all)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        justify = self.justify or options.justify or "default"
        tab_size = console.tab_size if self.tab_size is None else self.tab_size
        # No overflow given: wrap() then breaks at spaces and takes the text's own "ignore"
        # for what is left wider than the width.
        lines = self.wrap(console, options.max_width, justify=justify, tab_size=tab_size or 8)
        yield from Text("\n").join(lines).render(console, end=self.end)


def _marked(renderable: RenderableType, commands: Sequence[str], run_on: bool) -> RenderableType:
    """``renderable``, or what stands for it, with its lines' commands joined."""
    if isinstance(renderable, Text):
        if not _join(renderable, commands) or not run_on:
            return renderable
        return _run_on(renderable)
    if isinstance(renderable, Page):
        renderable.parts[:] = [_marked(part, commands, run_on) for part in renderable.parts]
    elif isinstance(renderable, Group):
        parts = renderable.renderables
        parts[:] = [_marked(part, commands, run_on) for part in parts]
    elif isinstance(renderable, (Constrain, Padding)):
        renderable.renderable = _marked(renderable.renderable, commands, run_on)
    elif isinstance(renderable, Panel):  # cut at its border: fold, never run on
        renderable.renderable = _marked(renderable.renderable, commands, False)
    elif isinstance(renderable, HasTexts):
        for text in renderable.texts():
            if _join(text, commands) and run_on:
                text.overflow = "ignore"  # Hanging wraps it with no overflow of its own
    return renderable


def _join(text: Text, commands: Sequence[str]) -> bool:
    """Join the spaces of the commands ``text`` names, in place (one space for one character,
    so its styles stay where they were); whether it named any."""
    plain = text.plain
    if "kdrama " not in plain:
        return False
    joined = plain
    for command in commands:
        if command in joined:
            joined = joined.replace(command, command.replace(" ", JOINED))
    if joined == plain:
        return False
    text.plain = joined
    return True


def _run_on(text: Text) -> _RunOn:
    """``text`` as a line that lets a command wider than the page run on."""
    line = _RunOn(
        text.plain,
        style=text.style,
        justify=text.justify,
        overflow="ignore",
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    line._spans[:] = text._spans
    return line

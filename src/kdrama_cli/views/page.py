"""A page of parts printed one under another, no wider than a readable maximum.

It draws what ``Constrain(Group(*parts), width)`` draws, byte for byte, only faster: a part that
is a ``Text`` whose every line already fits the width is drawn as it stands, without Rich's
line-breaking pass (which would return its lines unchanged), and without the two layers of
generators a ``Constrain`` and a ``Group`` pass every segment through. A show page is mostly
such short lines: headings, notes, one-line hints. tests/test_page.py compares the two on every
shipped show page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from kdrama_cli.views.quicktable import has_line_break
from kdrama_cli.views.tables import FitTable

__all__ = ["Page"]

_NEWLINE = Text("\n")


class Page:
    """``parts`` one under another, at most ``width`` cells wide.

    A table that leaves columns out names, in a pipe, the COLUMNS=N that shows them: on a page
    of several tables, each names the widest need of them all, as one number (the narrower
    would still leave out another table's columns)."""

    def __init__(self, parts: Sequence[RenderableType], width: int) -> None:
        self.parts = list(parts)
        self.width = width
        tables = list(_fit_tables(self.parts))
        for table in tables:
            table.page = tables

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # As Constrain then Group pass them on: narrower, and with no height (a Panel given
        # the height of a screen would fill it).
        options = options.update_width(min(self.width, options.max_width)).reset_height()
        render = console.render
        for part in self.parts:
            if type(part) is Text:  # a subclass may draw itself otherwise
                segments = _as_it_stands(part, console, options)
                if segments is not None:
                    yield from segments
                    continue
            yield from render(part, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options.update_width(self.width), Group(*self.parts))


def _fit_tables(parts: Sequence[RenderableType]) -> Iterator[FitTable]:
    """The FitTables among ``parts``, and in the Groups among them."""
    for part in parts:
        if isinstance(part, FitTable):
            yield part
        elif isinstance(part, Group):
            yield from _fit_tables(part.renderables)


def _as_it_stands(text: Text, console: Console, options: ConsoleOptions) -> list[Segment] | None:
    """The segments Rich draws for ``text`` when every line of it fits (None otherwise).

    Rich wraps a text line by line: a line that fits, with no tab, under the default
    justification, comes out unchanged; the lines are then joined with newlines and drawn.
    """
    width = options.max_width
    justify = text.justify or options.justify or "default"
    if justify != "default" or width < 1 or "\t" in text.plain:
        return None
    if has_line_break(text.plain.replace("\n", "")):
        return None  # a break Rich's wrapping splits at and this does not
    lines = text.split("\n", allow_blank=True)
    # Rich strips blanks beyond the width counting characters: a line with more characters
    # than cells (combining or zero-width ones) is left to it.
    if any(cell_len(line.plain) > width or len(line.plain) > width for line in lines):
        return None
    return list(_NEWLINE.join(lines).render(console, end=text.end))

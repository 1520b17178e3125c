"""Draw simple Rich tables without Rich's general layout pass, when nothing has to wrap.

Rich lays a table out cell by cell: it measures every cell, then renders each one through a
padding wrapper into lines, crops and pads them, and stacks them into rows. That generality costs
about 0.1 ms a cell, and the show page has a couple of hundred cells. Our tables are simple (one
line a cell, no borders but the rule under the header), and when every cell fits its column
there is nothing to work out: the column widths are the widest cells. ``QuickTable`` then draws
the same segments Rich would, directly; in every other case (something must wrap, a feature this
does not cover) it hands the table to Rich unchanged. tests/test_quicktable.py checks the output
is identical to Rich's, byte for byte, in colour and without, on every page of the dataset.
"""

from __future__ import annotations

from rich import box as boxes
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

__all__ = ["QuickTable"]

_NEWLINE = Text("\n")
_JUSTIFY = ("left", "right")


class QuickTable:
    """A Rich ``Table`` that draws itself directly when every cell fits on one line."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = _draw(self.table, console, options)
        if segments is None:
            yield self.table
        else:
            yield from segments


def _simple(table: Table) -> bool:
    """The table uses only what ``_draw`` reproduces."""
    return (
        table.box is boxes.SIMPLE_HEAD
        and table.show_header
        and not table.show_edge
        and not table.pad_edge
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.expand
        and not table.collapse_padding
        and table.padding == (0, 1, 0, 1)
        and table.width is None
        and table.min_width is None
        and not table.title
        and not table.caption
        and not table.row_styles
        and table.style in ("", "none")
        and table.border_style is None
        and table.columns != []
        and all(row.style is None and not row.end_section for row in table.rows)
        and all(
            column.width is None
            and column.max_width is None
            and column.ratio is None
            and column.justify in _JUSTIFY
            and column.vertical == "top"
            for column in table.columns
        )
    )


def _as_text(cell: object, console: Console, options: ConsoleOptions, highlight: bool) -> Text:
    """A cell as Rich would turn it into text (strings go through the console's own path)."""
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        return console.render_str(cell, highlight=highlight, markup=options.markup)
    raise TypeError


def _draw(table: Table, console: Console, options: ConsoleOptions) -> list[Segment] | None:
    if not _simple(table):
        return None
    columns = table.columns
    count = len(columns)
    grid: list[list[Text]] = []
    try:
        for column in columns:
            cells = [column.header, *column.cells]
            grid.append([_as_text(cell, console, options, column.highlight) for cell in cells])
    except TypeError:  # a cell that is not text (a nested renderable): Rich lays it out
        return None
    # Each column as wide as its widest cell (Rich's measure of one line of text), plus the
    # padding between columns (none at the outer edges), at least one cell.
    paddings = [(int(index > 0), int(index < count - 1)) for index in range(count)]
    content: list[int] = []
    for column, texts, (left, right) in zip(columns, grid, paddings, strict=True):
        for text in texts:
            if "\n" in text.plain or "\t" in text.plain or text.justify not in (None, *_JUSTIFY):
                return None
        widest = max(cell_len(text.plain) for text in texts)
        if column.min_width is not None:
            widest = max(widest, column.min_width)
        content.append(max(widest + left + right, 1) - left - right)
    widths = [width + left + right for width, (left, right) in zip(content, paddings, strict=True)]
    if sum(widths) + count - 1 > options.max_width:
        return None  # something must wrap or shrink: Rich's layout decides how
    safe = console.safe_box if table.safe_box is None else table.safe_box
    if table.box.substitute(options, safe=safe) is not table.box:  # type: ignore[union-attr]
        return None  # an ASCII-only terminal: Rich draws a different box
    get_style = console.get_style
    header_style = get_style(table.header_style or "")
    border_style = get_style(table.style or "") + get_style(table.border_style or "")
    divider = Segment(" ", Style.null().background_style + border_style)
    out: list[Segment] = []
    for row in range(len(grid[0])):
        for index, column in enumerate(columns):
            if index:
                out.append(divider)
            if row == 0:
                base = header_style + get_style(column.header_style)
            else:
                base = get_style(column.style or "")
            left, right = paddings[index]
            if left:
                out.append(Segment(" ", base))
            text = grid[index][row]
            justify = text.justify or column.justify
            out.extend(_cell(text, content[index], justify, base, console))
            if right:
                out.append(Segment(" ", base))
        out.append(Segment.line())
        if row == 0:
            out.append(Segment(boxes.SIMPLE_HEAD.get_row(widths, "head", edge=False), border_style))
            out.append(Segment.line())
    return out


def _cell(text: Text, width: int, justify: str, base: Style, console: Console) -> list[Segment]:
    """One cell's text, justified to ``width``, as Rich's wrap-justify-join-render yields it."""
    if not text.spans and not text.style:
        # Plain text renders as one unstyled segment: pad it here, without the round trip.
        plain = text.plain
        if justify == "right":
            plain = plain.rstrip()
            return [Segment(" " * (width - cell_len(plain)) + plain, base)]
        return [Segment(plain + " " * (width - cell_len(plain)), base)]
    line = text.copy()
    line.end = ""
    space = width - cell_len(line.plain)
    if justify == "right":
        line.rstrip()
        line.pad_left(width - cell_len(line.plain))
    elif space:
        line.pad_right(space)
    joined = _NEWLINE.join([line])
    segments = joined.render(console)
    return [Segment(chunk, base + style if style else base) for chunk, style, _ in segments]

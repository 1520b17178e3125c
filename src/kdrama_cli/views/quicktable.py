"""Draw simple Rich tables without Rich's general layout pass.

Rich lays a table out cell by cell: it measures every cell, then renders each one through a
padding wrapper into lines, crops and pads them, and stacks them into rows. That generality costs
about 0.1 ms a cell, and the show page has a couple of hundred cells. Our tables are simple (no
borders but the rule under the header), and most cells fit their column on one line: such a cell
needs no wrapping, only padding to its column's width. ``QuickTable`` draws those cells directly,
as the same segments Rich would, and hands only the cells that must wrap to Rich's own renderer
(with the options Rich would give them). When every cell fits, the column widths are the widest
cells; otherwise they are the ones Rich's own layout gives (worked out here from Rich's public
settings, with ``collapse_widths``: nothing private of Rich's is called). A table that uses a
feature this does not cover goes to Rich unchanged. tests/test_quicktable.py checks the output
is identical to Rich's, byte for byte, in colour and without, on every table of the dataset at
several widths.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box as boxes
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

__all__ = ["QuickTable", "collapse_widths"]

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
            column.max_width is None
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
    raw: list[list[object]] = [[column.header, *column.cells] for column in columns]
    grid: list[list[Text]] = []
    try:
        for column, cells in zip(columns, raw, strict=True):
            grid.append([_as_text(cell, console, options, column.highlight) for cell in cells])
    except TypeError:  # a cell that is not text (a nested renderable): Rich lays it out
        return None
    # The padding between columns (none at the outer edges).
    paddings = [(int(index > 0), int(index < count - 1)) for index in range(count)]
    widths = _widest_widths(table, grid, paddings)
    if widths is None or sum(widths) + count - 1 > options.max_width:
        widths = _rich_widths(table, grid, paddings, options.max_width)
        if widths is None:
            return None
    content = [width - left - right for width, (left, right) in zip(widths, paddings, strict=True)]
    if min(content) < 1:
        return None  # a column with no room for text: Rich decides what it draws
    safe = console.safe_box if table.safe_box is None else table.safe_box
    if table.box.substitute(options, safe=safe) is not table.box:  # type: ignore[union-attr]
        return None  # an ASCII-only terminal: Rich draws a different box
    get_style = console.get_style
    header_style = get_style(table.header_style or "")
    border_style = get_style(table.style or "") + get_style(table.border_style or "")
    divider = Segment(" ", Style.null().background_style + border_style)
    # The options Rich's Table renders its cells with (see Table.__rich_console__ and _render).
    table_options = options.update(
        width=sum(widths) + count - 1, highlight=table.highlight, height=None
    )
    out: list[Segment] = []
    for row in range(len(grid[0])):
        lines: list[list[list[Segment]]] = []
        styles: list[Style] = []
        for index, column in enumerate(columns):
            if row == 0:
                base = header_style + get_style(column.header_style)
            else:
                base = get_style(column.style or "")
            left, right = paddings[index]
            text = grid[index][row]
            justify = text.justify or column.justify
            if _fits(text, content[index]):
                line = [Segment(" ", base)] if left else []
                line += _cell(text, content[index], justify, base, console)
                if right:
                    line.append(Segment(" ", base))
                lines.append([line])
            else:  # it wraps: Rich renders this cell, exactly as its table would
                cell_options = table_options.update(
                    width=widths[index],
                    justify=column.justify,
                    no_wrap=column.no_wrap,
                    overflow=column.overflow,
                    height=None,
                    highlight=column.highlight,
                )
                padded = Padding(raw[index][row], (0, right, 0, left))  # type: ignore[arg-type]
                lines.append(console.render_lines(padded, cell_options, style=base))
            styles.append(base)
        height = max(len(cell) for cell in lines)
        if height == 0 or (row == 0 and height > 1):
            # A row Rich draws as nothing (it still gives it a blank line), or a header on
            # several lines (Rich aligns it to the bottom): Rich's own layout.
            return None
        for cell, width, style in zip(lines, widths, styles, strict=True):
            if len(cell) < height:
                cell += [[Segment(" " * width, style)]] * (height - len(cell))
        for line_number in range(height):
            for index, cell in enumerate(lines):
                if index:
                    out.append(divider)
                out.extend(cell[line_number])
            out.append(Segment.line())
        if row == 0:
            out.append(Segment(boxes.SIMPLE_HEAD.get_row(widths, "head", edge=False), border_style))
            out.append(Segment.line())
    return out


def _widest_widths(
    table: Table, grid: list[list[Text]], paddings: list[tuple[int, int]]
) -> list[int] | None:
    """Each column as wide as its widest cell (Rich's measure of one line of text) plus its
    padding, at least one cell; None when a cell has several lines or a column a fixed width
    (Rich's own widths then apply)."""
    widths = []
    for column, texts, (left, right) in zip(table.columns, grid, paddings, strict=True):
        if column.width is not None:
            return None
        for text in texts:
            plain = text.plain
            if has_line_break(plain) or "\t" in plain or text.justify not in (None, *_JUSTIFY):
                return None
        widest = max(cell_len(text.plain) for text in texts)
        if column.min_width is not None:
            widest = max(widest, column.min_width)
        widths.append(max(widest + left + right, 1))
    return widths


def _rich_widths(
    table: Table, grid: list[list[Text]], paddings: list[tuple[int, int]], max_width: int
) -> list[int] | None:
    """The column widths Rich's Table lays the table out with at ``max_width`` (its
    ``_calculate_column_widths``, for the tables ``_simple`` admits), from the cells' text.

    Rich measures every cell through its padding and keeps, per column, the widest line; when
    the columns are too wide together, it narrows the widest wrapping ones
    (``collapse_widths``) and measures again at the new widths. Only the maxima decide
    the widths, so only they are worked out here. None when Rich would go on to shrink every
    column evenly (its own path then draws the table) or the table still does not fit.
    """
    columns = table.columns
    available = max_width - (len(columns) - 1)  # less the dividers
    widest = [[_widest_line(text) for text in texts] for texts in grid]

    def measure(index: int, width: int) -> int:
        """The maximum of Rich's measurement of the column, at ``width``."""
        if width < 1:
            return 0
        column = columns[index]
        pad = sum(paddings[index])
        if column.width is not None:
            return min(column.width + pad, width)
        # A cell's padding measures the whole width when no room is left inside it.
        most = width if width - pad < 1 else min(min(max(widest[index]), width) + pad, width)
        if column.min_width is not None:
            most = max(most, column.min_width + pad)
        return most

    widths = [measure(index, available) or 1 for index in range(len(columns))]
    if sum(widths) > available:
        wrapable = [column.width is None and not column.no_wrap for column in columns]
        widths = collapse_widths(widths, wrapable, available)
        if sum(widths) > available:
            return None
        widths = [measure(index, width) for index, width in enumerate(widths)]
    if sum(widths) > available or min(widths, default=0) < 1:
        return None
    return widths


def collapse_widths(widths: Sequence[int], wrapable: Sequence[bool], room: int) -> list[int]:
    """The widths Rich narrows a table's columns to when they are ``room`` cells too wide
    together (its ``Table._collapse_widths``, a private method, so written out here): the
    widest columns that may wrap give way together, down to the next widest, and so on until
    the table fits. A cut the widest share is spread as Rich spreads it (``round`` of what is
    left over the columns left), so the widths, and the output, are Rich's to the cell.
    The widths may still not fit (too few columns may wrap): Rich then shrinks every column.
    tests/test_quicktable.py checks, byte for byte, that tables drawn with these widths are
    the ones Rich draws."""
    widths = list(widths)
    excess = sum(widths) - room
    while excess > 0 and any(wrapable):
        narrowing = [w for w, wraps in zip(widths, wrapable, strict=True) if wraps]
        widest = max(narrowing)
        step = widest - max((w for w in narrowing if w != widest), default=0)
        if not widest or not step:
            break
        widest_columns = [n for n, w in enumerate(widths) if wrapable[n] and w == widest]
        left_over, sharing = excess, len(widest_columns)
        for n in widest_columns:
            cut = min(step, round(left_over / sharing))
            widths[n] -= cut
            left_over -= cut
            sharing -= 1
        excess = sum(widths) - room
    return widths


def _widest_line(text: Text) -> int:
    """Rich's maximum measure of a text: its widest line."""
    return max((cell_len(line) for line in text.plain.splitlines()), default=0)


def _fits(text: Text, width: int) -> bool:
    """The cell prints as one line of this width, as it stands (nothing to wrap or fold).

    Rich strips trailing blanks beyond the width counting characters, not cells, so a text
    with more characters than cells (combining or zero-width ones) is left to Rich."""
    plain = text.plain
    return (
        not has_line_break(plain)
        and "\t" not in plain
        and text.justify in (None, *_JUSTIFY)
        and cell_len(plain) <= width
        and len(plain) <= width
    )


#: Every character str.splitlines (and so Rich's measure) breaks a line at.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def has_line_break(plain: str) -> bool:
    """The text holds a line break of any kind (the page's texts are checked with it too)."""
    return not _LINE_BREAKS.isdisjoint(plain)


def _cell(text: Text, width: int, justify: str, base: Style, console: Console) -> list[Segment]:
    """One cell's text, justified to ``width``, as Rich's wrap-justify-join-render yields it."""
    if not text.spans:
        # Text in one style (or none) renders as one segment, its padding in the same style:
        # pad it here, without the round trip.
        plain = text.plain
        if justify == "right":
            plain = plain.rstrip()
            cell = " " * (width - cell_len(plain)) + plain
        else:
            cell = plain + " " * (width - cell_len(plain))
        if not text.style:
            return [Segment(cell, base)]
        if not cell:
            return []  # Rich draws no segment for an empty styled span
        return [Segment(cell, base + console.get_style(text.style, default=Style.null()))]
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

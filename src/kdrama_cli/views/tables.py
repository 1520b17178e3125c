"""Tables that never cut a word: cells wrap between words, and the least useful columns go
first when the terminal is too narrow for the rest.

Rich shrinks a table that is too wide by wrapping its cells, and cuts ("…") a word that no
longer fits its column: at 80 columns two rows of `kdrama list` both read "Extraordin…", and a
Hangul title became "지 …". ``FitTable`` decides at render time, from the width it is given:
each column needs its longest word (its whole widest line when its cells must not wrap, as
numbers, dates and commands to copy), and while the columns do not fit, the one marked to drop
first is left out (a dim line under the table says which, and names the option of the command
that prints every column, when its caller gives one).
What remains is a plain Rich table, drawn through QuickTable when nothing has to wrap; a header
wraps between its words rather than narrow a column of numbers. When even the columns that
stay cannot be side by side without cutting a value or a word, Rich would cut the numbers
("448.73" for "448.73M") or squeeze a column of titles to nothing: the rows are then printed
one record per block instead (``record_blocks``), as they are where a column of prose would
read a word or two a line (``Column.least``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Column as RichColumn
from rich.table import Table
from rich.text import Text

from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.wording import slugs_of
from kdrama_cli.views.quicktable import QuickTable, collapse_widths

Cell = Text | str


class Column(Record):
    header: str
    justify: Literal["left", "right"] = "left"
    style: str | None = None
    #: 0: never left out; otherwise the column with the highest number is left out first.
    drop: int = 0
    #: Cells that must not wrap (numbers, dates, a command to copy): the column needs its
    #: widest line.
    whole: bool = False
    #: A column of names squeezed narrower than this reads badly (a title in five lines): it
    #: needs this much (or its widest line, if less), so that other columns give way first.
    comfort: int = 0
    #: When the column is left out, its cells are shown under those of column ``under`` (dim),
    #: rather than not at all: what a search matched, on a terminal too narrow for a column.
    under: int | None = None
    #: Which line of each cell is an id to copy (a slug, under a title): never broken. The
    #: column needs it whole while other columns can give way; past that, a cell leaves it
    #: out where the column is narrower than it, before any word breaks. -1: each cell's last
    #: line (a slug under titles of one line or two).
    id_line: int | None = None
    #: When the column is left out, the lines of its cells after the first (a flag such as
    #: "stale" under a date) go under those of column ``flags_under``: a warning never goes
    #: with its column.
    flags_under: int | None = None
    #: Worth more than the id lines of other columns: before the column is left out, cells
    #: leave out an id line too wide for their column (a person page's Src, without which no
    #: row points at the page's sources, over a slug under a title that finds its page too).
    over_ids: bool = False
    #: The width the column reads well at (a character with its note), less pressing than
    #: ``comfort``: a column shown under another when left out (``under``) goes for it, and
    #: the other columns narrow for it, but no column that would be lost is left out for it.
    roomy: int = 0
    #: Prose that reads a word or two a line when narrower than this (similar's reasons): the
    #: column is never narrower (than its widest line, if less), and where the other columns
    #: cannot leave it that much even with their words wrapped, the rows are printed one
    #: record per block, as a table too narrow for its numbers is.
    least: int = 0
    #: When left out, it comes back where a column that went after it leaves room (search's
    #: Kind beside what matched, once the command to copy went). Any other column that went
    #: stays gone at every narrower width.
    returns: bool = False


class FitTable:
    """A table laid out for the width it is printed at (see the module's docstring)."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Cell]],
        *,
        every_column: str | None,
        note_dropped: bool = True,
    ) -> None:
        """``every_column`` is the option of the command printing the table that has every
        column (``--csv``, ``--json``), for the note under a table that left some out; None
        names none (a page in the browser, which has no options). Every caller must say, so
        the note never offers an option that the command does not have."""
        self.columns = list(columns)
        self.rows = [list(row) for row in rows]
        self.every_column = every_column
        self.note_dropped = note_dropped
        #: The tables of the page this one is on (set by views.page.Page): its note names the
        #: width all of them need, one COLUMNS=N, so that two tables of a page do not name two.
        self.page: Sequence[FitTable] = ()
        self._widest = [self._widest_line(index) for index in range(len(self.columns))]
        #: The narrowest each column can be without breaking a word, its id lines left out
        #: (or reading a word a line: ``least``).
        self._words = [
            max(self._need(index, ids=False), self._least(index))
            for index in range(len(self.columns))
        ]
        #: Columns with nothing in any row (a Seen column when nothing listed is seen): left
        #: out before any column that says something, and not named in the note.
        self._empty = [
            bool(self.rows) and not any(_plain(row[index]).strip() for row in self.rows)
            for index in range(len(self.columns))
        ]
        self._needs = [
            max(self._need(index), min(column.comfort, self._widest[index]), self._least(index))
            for index, column in enumerate(self.columns)
        ]
        #: The needs with each column's ``roomy`` width: what the columns shown elsewhere when
        #: left out make room for.
        self._roomy = [
            max(self._needs[index], min(column.roomy, self._widest[index]))
            for index, column in enumerate(self.columns)
        ]
        #: The needs without the id lines, for a table with a column worth more than they are
        #: (``over_ids``); else the needs.
        over_ids = any(column.over_ids for column in self.columns)
        self._spare = [
            max(self._words[index], min(column.comfort, self._widest[index]))
            if over_ids
            else self._needs[index]
            for index, column in enumerate(self.columns)
        ]

    def _need(self, index: int, ids: bool = True) -> int:
        """The narrowest the column can be without cutting a word (or a whole line); without
        ``ids``, not counting the id lines, which cells can leave out."""
        column = self.columns[index]
        need = _longest_word(column.header)  # a header wraps between words ("Week / ending")
        for row in self.rows:
            # A row of one cell is a note ("3 weeks out" in a chart): its words may wrap.
            whole = column.whole and not _note_row(row)
            lines = _plain(row[index]).split("\n")
            id_line = _line_number(column.id_line, len(lines))
            for number, line in enumerate(lines):
                if ids or number != id_line:
                    need = max(need, cell_len(line) if whole else _longest_word(line))
        return need

    def _least(self, index: int) -> int:
        """The narrowest column ``index`` may be at all (Column.least, or its widest line)."""
        return min(self.columns[index].least, self._widest[index])

    def _widest_line(self, index: int) -> int:
        lines = [self.columns[index].header]
        lines += [line for row in self.rows for line in _plain(row[index]).split("\n")]
        return max(max(cell_len(line) for line in lines), 1)

    def widths(self, kept: Sequence[int], width: int) -> list[int] | None:
        """Column widths for the kept columns: the widest columns narrowed first, never below
        their need (Rich's own shrinking would cut into a word). None when every column can be
        as wide as its widest line, and when even the needs do not fit (a terminal narrower
        than the words: Rich folds them)."""
        widths = [max(self._widest[i], self._needs[i]) for i in kept]
        room = width - (_total(widths) - sum(widths))  # less the padding and dividers
        if sum(widths) <= room:
            return None
        # A column of titles gives up its ids for a column worth more (``over_ids``); a
        # column of names its comfort, and a column of titles its ids, before a word breaks;
        # None when narrower than the words themselves: Rich folds inside them.
        fitted = narrowed(widths, self._roomy_within(kept, room), room)
        fitted = fitted or narrowed(widths, [self._needs[i] for i in kept], room)
        fitted = fitted or narrowed(widths, [self._spare[i] for i in kept], room)
        fitted = fitted or narrowed(widths, [self._words[i] for i in kept], room)
        return fitted and self._reclaimed(kept, fitted, widths, room)

    def _reclaimed(
        self, kept: Sequence[int], fitted: list[int], widest: Sequence[int], room: int
    ) -> list[int]:
        """``fitted`` with the cells a narrowed column does not use given to the others that
        were narrowed: a date range one cell too wide for its column wraps at its dash, into
        half the width ("2023-11-22 –" over "2023-12-06"), and the status beside it, squeezed
        for that cell, need not wrap to three lines."""
        fitted = [
            self._wrapped_width(index, width) if width < widest[n] else width
            for n, (index, width) in enumerate(zip(kept, fitted, strict=True))
        ]
        slack = room - sum(fitted)
        while slack > 0:
            # the widest wanted first: the first column the slack lets wrap to fewer lines
            wanting = sorted(
                (n for n in range(len(kept)) if fitted[n] < widest[n]),
                key=lambda n: -widest[n],
            )
            for n in wanting:
                grown = self._wrapped_width(kept[n], fitted[n] + slack)
                if grown > fitted[n]:
                    slack -= grown - fitted[n]
                    fitted[n] = grown
                    break
            else:
                break
        for n in sorted(range(len(kept)), key=lambda n: -widest[n]):  # what none could use
            give = min(slack, widest[n] - fitted[n]) if fitted[n] < widest[n] else 0
            fitted[n] += give
            slack -= give
        return fitted

    def _wrapped_width(self, index: int, width: int) -> int:
        """The widest line of column ``index`` when its cells wrap between words at ``width``
        (a column whose cells do not wrap keeps ``width``)."""
        column = self.columns[index]
        if column.whole or column.id_line is not None:
            return width
        cells = [column.header, *(_plain(row[index]) for row in self.rows)]
        return min(width, max(_wrapped(line, width) for cell in cells for line in cell.split("\n")))

    def _roomy_within(self, kept: Sequence[int], room: int) -> list[int]:
        """Floors for the kept columns: each column's ``roomy`` width, less what ``room`` lacks
        for them all, taken from the roomy columns (never below their need): where a terminal
        is a little too narrow for a character and its note at their ease, they get what
        there is, while the other columns narrow to their needs (not all alike)."""
        floors = [self._roomy[i] for i in kept]
        short = sum(floors) - room
        for position, index in enumerate(kept):
            give = min(max(short, 0), self._roomy[index] - self._needs[index])
            floors[position] -= give
            short -= give
        return floors

    def kept(self, width: int) -> list[int]:
        """The columns shown at ``width``: all of them when they fit, else without the empty
        ones, then the ones marked to drop first; a column worth more than the id lines
        (``over_ids``) stays while it fits with them left out. A column shown under another
        when left out goes first where the others then have their ``roomy`` widths.

        Columns go in one order whatever the width, and one that went stays gone at every
        narrower width (only one marked ``returns`` comes back): a narrower terminal never
        shows a seasons table's Src in the room its Episodes left, and the COLUMNS=N a note
        names shows what it says without hiding what is shown."""
        kept = self._roomy_kept(list(range(len(self.columns))), width)
        dropped: list[int] = []  # the columns that say something, in the order left out
        while _total([self._needs[i] for i in kept]) > width:
            empty = [i for i in kept if self._empty[i]]
            droppable = empty or [i for i in kept if self.columns[i].drop]
            if not droppable:
                break  # nothing more to leave out: Rich folds what it must
            first = max(droppable, key=lambda i: (self.columns[i].drop, i))
            if self.columns[first].over_ids and _total([self._spare[i] for i in kept]) <= width:
                break  # the cells leave out their id lines instead
            kept.remove(first)
            if not self._empty[first]:
                dropped.append(first)
        # Decoration (a column with no header: a row of bars) goes before a header would wrap
        # to make room for it: a board's "Netflix #" stood over two lines beside its bars.
        headed = [max(self._needs[i], cell_len(self.columns[i].header)) for i in kept]
        if _total(headed) > width:
            kept = [i for i in kept if self.columns[i].header or not self.columns[i].drop]
        if all(self.columns[i].under is not None for i in kept if self.columns[i].drop):
            # Only columns shown elsewhere could go next: they go for the roomy widths.
            kept = self._roomy_kept(kept, width)
        if any(c.under is not None and i not in kept for i, c in enumerate(self.columns)):
            return kept  # the room is the roomy widths'
        for index in dropped:
            if (
                self.columns[index].returns
                and _total([self._needs[i] for i in [*kept, index]]) <= width
            ):
                kept = sorted([*kept, index])
        return kept

    def _roomy_kept(self, kept: list[int], width: int) -> list[int]:
        """``kept`` less the columns shown under another when left out, while the others
        have no room for their ``roomy`` widths and would fit at their needs without them.
        Only the column next in the order of leaving out goes so: search's Matched, the last
        to go, never goes under the result while Kind or the command could go first."""
        while _total([self._roomy[i] for i in kept]) > width:
            droppable = [i for i in kept if self.columns[i].drop]
            if not droppable or _total([self._needs[i] for i in kept]) > width:
                break
            first = max(droppable, key=lambda i: (self.columns[i].drop, i))
            if self.columns[first].under is None:
                break
            kept.remove(first)
        return kept

    def in_blocks(self, kept: Sequence[int], width: int) -> bool:
        """Whether the kept columns cannot be side by side at ``width`` without cutting a
        number or a date, or breaking a word: the rows are then printed one record per block
        (``blocks``), never as a table whose values Rich would cut ("448.73" for "448.73M")
        or whose column of titles it would squeeze to nothing."""
        return _total([self._words[i] for i in kept]) > width

    def layout(self, width: int) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        kept = self.kept(width)
        widths = self.widths(kept, width)
        for position, index in enumerate(kept):
            column = self.columns[index]
            header = column.header
            if column.whole and widths:  # such a column does not wrap: its header is wrapped
                header = _hanging(Text(header), widths[position]).plain
            table.add_column(
                header,
                justify=column.justify,
                style=column.style,
                no_wrap=column.whole,
                overflow="fold",
                width=widths[position] if widths else None,
            )
        for cells in self._cells(kept, self._table_room(kept, width, widths)):
            table.add_row(*cells)
        return table

    def _cells(self, kept: Sequence[int], room: dict[int, int]) -> Iterator[list[Cell]]:
        """Each row's cells of the ``kept`` columns: a column left out that is shown under
        another is put there, and an id line wider than its column's ``room`` is left out."""
        for row in self.rows:
            cells = list(row)
            note = _note_row(row)
            for index, column in enumerate(self.columns):
                if index not in kept and column.under is not None and _plain(row[index]):
                    cells[column.under] = _beneath(row[column.under], row[index])
                if index not in kept and column.flags_under is not None:
                    cells[column.flags_under] = _flagged(cells[column.flags_under], row[index])
                if index in kept and column.id_line is not None:
                    cells[index] = _id_line_fitted(cells[index], column.id_line, room[index])
                if index in kept and column.whole and note:  # it does not wrap: wrapped here
                    cells[index] = _hanging(_as_text(cells[index]), room[index])
            yield [cells[index] for index in kept]

    def blocks(self, kept: Sequence[int], width: int) -> list[Text]:
        """The rows one record per block (``record_blocks``), for a terminal too narrow for
        the table; the rank, when the first column is one ("#"), heads the block with the
        cell beside it."""
        ranked = len(kept) > 1 and self.columns[kept[0]].header == "#"
        headers = [self.columns[index].header for index in kept]
        rows = self._cells(kept, self._room(kept, width, in_blocks=True))
        return record_blocks(headers, rows, width, head=2 if ranked else 1)

    def _fits(self, kept: Sequence[int], width: int, index: int) -> int:
        """A column's width when ``widths`` gave none: its widest line when every kept column
        fits as wide as that, else its need (Rich folds the table narrower still)."""
        if _total([self._widest[i] for i in kept]) <= width:
            return self._widest[index]
        return self._needs[index]

    def in_full(self, kept: Sequence[int]) -> list[int]:
        """The columns of a table printed in blocks: every one a block can show (each field
        has its own line, so the width no longer limits how many fit), less those shown under
        another column when left out, which stay as ``kept`` has them."""
        return [i for i, c in enumerate(self.columns) if i in kept or c.under is None]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        kept = self.kept(width)
        in_blocks = self.in_blocks(kept, width)
        if in_blocks:
            kept = self.in_full(kept)
            yield from self.blocks(kept, width)
        else:
            yield QuickTable(self.layout(width))
        # a column with no header (a row of bars) is decoration: its absence goes unsaid
        dropped = [c.header for i, c in enumerate(self.columns) if i not in kept and self._named(i)]
        if dropped and self.note_dropped:
            where = self._where_dropped_show(console, len(dropped), width)
            if self.every_column:
                where += f"; {self.every_column} has every column"
            yield Text(f"Left out at {width} columns: {', '.join(dropped)} ({where}).", style="dim")
        rows = self._rows_without_ids(kept, self._room(kept, width, in_blocks=in_blocks))
        if rows and self.note_dropped:
            ids = len(rows)
            # A slug broken in two could not be copied: it is left out whole, and the rows
            # that lost it are named by their first line (the title the slug stands under).
            which = slugs_of(rows)
            where = (
                "a wider terminal shows " + ("it" if ids == 1 else "them")
                if console.is_terminal or self.every_column is None
                else f"COLUMNS={self._ids_fit_at(width)} shows " + ("it" if ids == 1 else "them")
            )
            yield Text(
                f"Left out at {width} columns: {which}, too long to fit unbroken ({where}).",
                style="dim",
            )

    def _room(self, kept: Sequence[int], width: int, in_blocks: bool = False) -> dict[int, int]:
        """How wide each kept column's cells may be at ``width``: in a table, as layout sets
        them; in blocks, a line less the indent."""
        if in_blocks:
            return dict.fromkeys(kept, width - 2)
        return self._table_room(kept, width, self.widths(kept, width))

    def _table_room(
        self, kept: Sequence[int], width: int, widths: list[int] | None
    ) -> dict[int, int]:
        """Each kept column's width (``widths``, or what fits when they are None)."""
        return {
            index: widths[position] if widths else self._fits(kept, width, index)
            for position, index in enumerate(kept)
        }

    def _ids_left_out(self, kept: Sequence[int], room: dict[int, int]) -> int:
        """How many cells of the kept columns leave out their id line in ``room`` (wider than
        the column, or than a block's line: see Column.id_line), which the page then says."""
        return sum(
            _id_line_too_wide(row[index], column.id_line, room[index])
            for index in kept
            if (column := self.columns[index]).id_line is not None
            for row in self.rows
        )

    def _rows_without_ids(self, kept: Sequence[int], room: dict[int, int]) -> list[str]:
        """The first line (a title) of each row whose id line is left out in ``room``."""
        return [
            _plain(row[index]).split("\n", 1)[0]
            for row in self.rows
            for index in kept
            if (column := self.columns[index]).id_line is not None
            and _id_line_too_wide(row[index], column.id_line, room[index])
        ]

    def _ids_fit_at(self, width: int, most: int = 400) -> int:
        """The narrowest width past ``width`` at which the table leaves out nothing, neither
        an id line nor a column the note under it would name (``most`` if none up to it does),
        for a page in a pipe, where no terminal can be widened: a width that showed the slugs
        but not a column another note names would send the reader to two numbers."""
        named = {i for i in range(len(self.columns)) if self._named(i)}
        for wider in range(width + 1, most):
            kept = self.kept(wider)
            if self.in_blocks(kept, wider) or not named <= set(kept):
                continue
            if not self._ids_left_out(kept, self._room(kept, wider)):
                return wider
        return most

    def _where_dropped_show(self, console: Console, dropped: int, width: int) -> str:
        """What shows the ``dropped`` columns left out at ``width``: a wider terminal, for a
        page on one (or in the browser, whose pages name no option: ``every_column`` None); in
        a pipe or a file, where there is no terminal to widen, the width that holds them all,
        as COLUMNS."""
        if console.is_terminal or self.every_column is None:
            return "a wider terminal shows " + ("them" if dropped > 1 else "it")
        need = max(table.need(width) for table in (*self.page, self))
        return f"COLUMNS={need} shows {'them' if dropped > 1 else 'it'}"

    def need(self, width: int | None = None) -> int:
        """The narrowest width that shows every column the note under the table at ``width``
        names (0 when it names none) and every column shown there: a column that comes back
        (``returns``) may be left out again at a width that shows the others. Without
        ``width``, the narrowest that shows every column such a note could name."""
        every = self._need_all()
        if width is None:
            return every
        shown = self.kept(width)
        named = [i for i in range(len(self.columns)) if i not in shown and self._named(i)]
        if not named:
            return 0
        for wider in range(width + 1, every):
            kept = self.kept(wider)
            if all(i in kept for i in [*named, *shown]):
                return wider
        return every

    def _named(self, index: int) -> bool:
        """Whether a note of left-out columns names column ``index`` when it is left out."""
        column = self.columns[index]
        return bool(column.header) and column.under is None and not self._empty[index]

    def _need_all(self) -> int:
        """The narrowest width that shows every column a note of left-out columns names
        (``kept`` leaves out none of them there): its columns with a header, less the empty
        ones and the headerless decoration (a row of bars) that would go before them.

        ``kept`` leaves out the empty columns, then the others by ``drop``, highest first: so
        the columns still there when the first named one would go are those it keeps (with
        their id lines, unless that column is worth more than they are)."""
        named = [
            i
            for i, c in enumerate(self.columns)
            if c.drop and c.header and c.under is None and not self._empty[i]
        ]
        first = max(named, key=lambda i: (self.columns[i].drop, i), default=None)
        kept = [
            i
            for i, c in enumerate(self.columns)
            if not self._empty[i]
            and (
                not c.drop
                or (first is not None and (c.drop, i) <= (self.columns[first].drop, first))
            )
        ]
        needs = self._spare if first is not None and self.columns[first].over_ids else self._needs
        return _total([needs[i] for i in kept])

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = options.max_width
        kept = self.kept(width)
        if self.in_blocks(kept, width):
            blocks = self.blocks(self.in_full(kept), width)
            return Measurement.get(console, options, Group(*blocks))
        return Measurement.get(console, options, self.layout(width))


class WholeWords:
    """A Rich table with borders (``compare``'s) laid out so that no word is cut ("2022-02-2…")
    or broken where it need not be.

    While Rich's own layout keeps every word whole, the table is drawn as Rich lays it out.
    Otherwise the widest columns are narrowed first, none below its longest word. On a terminal
    too narrow for that, where a word would break ("July-Decemb / er") or a date or a number
    be cut, each row is printed as a block instead (``record_blocks``), as README says. Rich's
    layout is worked out from the table's public settings (``collapse_widths``), never by
    calling Rich's private methods: Rich is not pinned, and they may change.

    A long Hangul word (유품정리사입니다) may fold between two syllables, as Korean breaks, with
    no mark (a hyphen would read as part of the word, and Rich has none to add): it is kept
    whole where the columns can give it its width, and folds only where they cannot. A
    column's ``max_width`` (compare's labels) is as far as it grows; its lines wrap between
    words beyond it.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        columns = table.columns
        self._needs = [_column_width(c, _longest_word) for c in columns]
        #: What each column needs with every Hangul word whole (_needs lets one fold).
        self._whole = [_column_width(c, _longest_whole_word) for c in columns]
        self._widest = [
            _capped(_column_width(c, cell_len), c.max_width, whole)
            for c, whole in zip(columns, self._whole, strict=True)
        ]

    def _widths(self, max_width: int) -> list[int] | None:
        """Content widths for the columns, or None for Rich's own layout: Rich's where it keeps
        every word whole, Hangul's too, else the widest columns narrowed to fit, none below its
        longest word; where that cannot be, the same with a long Hangul word let fold."""
        table = self.table
        padding = [_padding(table, index) for index in range(len(table.columns))]
        room = max_width - _edges(table)
        if self._rich_keeps_words(padding, room, self._whole):
            return None
        widest = [max(w, need) for w, need in zip(self._widest, self._whole, strict=True)]
        whole = narrowed(widest, self._whole, room - sum(padding))
        if whole is not None:
            return whole
        if self._rich_keeps_words(padding, room, self._needs):
            return None
        widest = [max(w, need) for w, need in zip(self._widest, self._needs, strict=True)]
        # None: not even the words fit, and the rows are blocks (in_blocks) unless measured so
        return narrowed(widest, self._needs, room - sum(padding))

    def _rich_keeps_words(
        self, padding: Sequence[int], room: int, needs: Sequence[int] | None = None
    ) -> bool:
        """Rich's own layout of the table in ``room`` cells keeps every word whole (each column
        as wide as ``needs`` says: a long Hangul word whole or not).

        Rich gives each column its widest line and its padding; when they are too wide together
        it narrows the widest columns that may wrap (``collapse_widths``), and if that is not
        enough, every column evenly (that cuts words: this says no)."""
        needs = self._needs if needs is None else needs
        widths = [min(w + pad, room) for w, pad in zip(self._widest, padding, strict=True)]
        if sum(widths) <= room:
            return True
        wrapable = [not column.no_wrap for column in self.table.columns]  # widths are ours
        widths = collapse_widths(widths, wrapable, room)
        if sum(widths) > room:
            return False
        content = [
            min(widest, width - pad)
            for widest, width, pad in zip(self._widest, widths, padding, strict=True)
        ]
        return all(w >= need for w, need in zip(content, needs, strict=True))

    def in_blocks(self, max_width: int) -> bool:
        """Whether the columns cannot sit side by side with every word whole: the rows are
        then printed one record per block (``blocks``), never with a word broken ("January–Jun
        / e") or a date folded in two ("2019–2 / 020")."""
        table = self.table
        padding = [_padding(table, index) for index in range(len(table.columns))]
        room = max_width - _edges(table) - sum(padding)
        return not self._rich_keeps_words(padding, max_width - _edges(table)) and (
            sum(self._needs) > room
        )

    def blocks(self, max_width: int) -> list[Text]:
        """Each row as a block headed by its first cell (a label, a name), under the table's
        title: every other cell on a line of its own, after its column's header."""
        table = self.table
        columns = table.columns
        headers = [_plain(column.header) for column in columns]
        rows = zip(*(list(column.cells) for column in columns), strict=True)
        cells = ([cell if isinstance(cell, Text) else str(cell) for cell in row] for row in rows)
        title = [Text(str(table.title), style="bold")] if table.title else []
        return title + record_blocks(headers, cells, max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.in_blocks(options.max_width):
            yield from self.blocks(options.max_width)
            return
        widths = self._widths(options.max_width)
        for index, column in enumerate(self.table.columns):
            column.width = widths[index] if widths else None  # an earlier render may have set it
        yield self.table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if self.in_blocks(options.max_width):
            return Measurement.get(console, options, Group(*self.blocks(options.max_width)))
        for column in self.table.columns:
            column.width = None
        return Measurement.get(console, options, self.table)


def record_blocks(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], width: int, head: int = 1
) -> list[Text]:
    """Rows printed one record per block, for a terminal too narrow for them side by side:
    the first ``head`` cells (two apart) head the block, and each other cell that says
    something is a line "Header: value" under it, indented (a column without a header, a
    row of bars, is decoration and left out); a blank line between blocks. Lines break
    between words, so no number or date is cut.

    When a header has a colon of its own (compare's columns are titles: "Squid Game: The
    Challenge"), "Header: value" could be read at either colon, so every header of the block
    is a line of its own and its value the line under it, indented further."""
    lines: list[Text] = []
    below = any(":" in header for header in headers[head:])
    for number, cells in enumerate(rows):
        if number:
            lines.append(Text(""))
        first = list(map(_as_text, cells[:head]))
        if head == 1 and headers[0] and _plain(cells[0]).strip().isdigit():
            first[0] = Text(f"{headers[0]} ").append_text(first[0])  # "Season 2", not "2"
        hang = cell_len(_plain(cells[0])) + 2 if head > 1 else 0
        lines.append(_hanging(Text("  ").join(first), width, 0, hang))
        for header, cell in zip(headers[head:], cells[head:], strict=True):
            if header and _plain(cell).strip():
                if below:
                    lines.append(_hanging(Text(header, style="dim"), width, 2, 4))
                    lines.append(_hanging(_as_text(cell), width, 4, 6))
                    continue
                field = Text(f"{header}: ", style="dim")
                field.append_text(_as_text(cell))
                lines.append(_hanging(field, width, 2, 4))
    return lines


def narrowed(widths: Sequence[int], floors: Sequence[int], room: int) -> list[int] | None:
    """``widths`` narrowed to fit ``room`` cells, the widest column first and none below its
    floor (Rich's own shrinking would cut into a word); None when even the floors do not fit."""
    widths = list(widths)
    excess = sum(widths) - room
    while excess > 0:
        shrinkable = [n for n, w in enumerate(widths) if w > floors[n]]
        if not shrinkable:
            return None
        widest = max(shrinkable, key=lambda n: widths[n])
        widths[widest] -= 1
        excess -= 1
    return widths


def _edges(table: Table) -> int:
    """The cells a table's box takes besides its columns: its two edges and the dividers."""
    if not table.box:
        return 0
    return (2 if table.show_edge else 0) + len(table.columns) - 1


def _padding(table: Table, index: int) -> int:
    """The cells of padding around the content of a table's column ``index``."""
    _, right, _, left = table.padding
    if table.collapse_padding:  # as Rich collapses it
        left, right = 0, abs(left - right)
    if not table.pad_edge:
        left = 0 if index == 0 else left
        right = 0 if index == len(table.columns) - 1 else right
    return left + right


def _column_width(column: RichColumn, measure: Callable[[str], int]) -> int:
    """The largest ``measure`` of the lines of a Rich column's header and cells (at least 1)."""
    cells = [column.header, *column.cells]
    lines = [line for cell in cells for line in _plain(cell).split("\n")]
    return max(max(map(measure, lines), default=1), 1)


def _beneath(cell: Cell, below: Cell) -> Text:
    """``cell`` with ``below`` on a line of its own under it, dim."""
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.append("\n")
    text.append_text(below if isinstance(below, Text) else Text(below))
    text.stylize("dim", len(text) - len(_plain(below)))
    return text


def _flagged(cell: Cell, flagged: Cell) -> Cell:
    """``cell`` with the lines of ``flagged`` after its first under it, as they are styled."""
    lines = _as_text(flagged).split("\n")
    if len(lines) < 2:
        return cell
    text = _as_text(cell)
    for line in lines[1:]:
        text.append("\n")
        text.append_text(line)
    return text


def _id_line_too_wide(cell: Cell, line: int, width: int) -> bool:
    """Whether ``cell``'s id line ``line`` (-1: its last) is wider than ``width``, so that the
    cell leaves it out (_id_line_fitted)."""
    lines = _plain(cell).split("\n")
    line = line + len(lines) if line < 0 else line
    return 0 <= line < len(lines) and cell_len(lines[line]) > width


def _id_line_fitted(cell: Cell, line: int, width: int) -> Cell:
    """``cell`` without its id line ``line`` when that is wider than ``width``: an id broken
    in two cannot be copied."""
    if not _id_line_too_wide(cell, line, width):
        return cell
    plain = _plain(cell)
    lines = plain.split("\n")
    line = line + len(lines) if line < 0 else line
    start = sum(len(text) + 1 for text in lines[:line])  # the id line's first character
    end = start + len(lines[line])  # its end: a newline, or the end of the cell
    text = cell if isinstance(cell, Text) else Text(cell)
    if line == 0:
        return text[end + 1 :]
    return text[: start - 1] + text[end:]


def _line_number(line: int | None, count: int) -> int | None:
    """Column.id_line as a line of a cell of ``count`` lines (-1: its last)."""
    return line + count if line is not None and line < 0 else line


def _as_text(cell: Cell) -> Text:
    return cell.copy() if isinstance(cell, Text) else Text(cell)


def _note_row(row: Sequence[Cell]) -> bool:
    """A row with text in its first cell alone: a note between rows, not a record."""
    return len(row) > 1 and not any(_plain(cell).strip() for cell in row[1:])


def _hanging(text: Text, width: int, first: int = 0, rest: int = 0) -> Text:
    """``text`` broken between words into lines of at most ``width`` cells, ``first`` spaces
    before its first line and ``rest`` before every other (its own lines too). A word wider
    than a line is left whole, for Rich to fold."""
    plain = text.plain
    cuts: list[int] = []  # the spaces and newlines that become a line break
    used, space = first, -1
    for offset, char in enumerate(plain):
        if char == "\n":
            cuts.append(offset)
            used, space = rest, -1
            continue
        cells = cell_len(char)
        if used + cells > width and space >= 0:
            cuts.append(space)
            used, space = rest + cell_len(plain[space + 1 : offset]), -1
        if char == " ":
            space = offset
        used += cells
    broken = Text(" " * first)
    start = 0
    for cut in cuts:
        broken.append_text(text[start:cut])
        broken.append("\n" + " " * rest)
        start = cut + 1
    broken.append_text(text[start:])
    return broken


def _wrapped(line: str, width: int) -> int:
    """The widest line of ``line`` broken between words into lines of at most ``width``
    cells, as Rich breaks a cell (a word wider than that counts as ``width``: Rich folds it)."""
    widest = used = 0
    for word in line.split():
        cells = min(cell_len(word), width)
        used = cells if used == 0 or used + 1 + cells > width else used + 1 + cells
        widest = max(widest, used)
    return widest


def _plain(cell: Cell | RenderableType) -> str:
    if isinstance(cell, Text):
        return cell.plain
    return str(cell)


#: Korean may break between any two syllables (as browsers break it by default), so a long
#: Hangul word needs no more than this many cells; a longer one folds between syllables.
HANGUL_WORD_CELLS = 10


def _word_need(word: str) -> int:
    width = cell_len(word)
    if width > HANGUL_WORD_CELLS and any("\uac00" <= c <= "\ud7a3" for c in word):
        return HANGUL_WORD_CELLS
    return width


def _longest_word(line: str) -> int:
    return max((_word_need(word) for word in line.split()), default=0)


def _longest_whole_word(line: str) -> int:
    """The widest word of ``line``, a Hangul one as wide as it is (_longest_word lets it fold)."""
    return max((cell_len(word) for word in line.split()), default=0)


def _capped(widest: int, cap: int | None, need: int) -> int:
    """A column's widest line, no wider than its ``cap`` (a Rich column's ``max_width``) unless
    a word of it needs more."""
    return widest if cap is None else min(widest, max(cap, need))


def _total(needs: Sequence[int]) -> int:
    """The width of columns this wide: one cell of padding on each inner side, and the
    divider between columns (as SIMPLE_HEAD draws without its edge)."""
    if not needs:
        return 0
    count = len(needs)
    return sum(needs) + 2 * (count - 1) + (count - 1)

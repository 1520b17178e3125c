"""QuickTable draws exactly what Rich's Table draws, byte for byte, only faster."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kdrama_cli.answers.show_page import cast_entries, show_detail
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.views.quicktable import QuickTable, _draw
from kdrama_cli.views.titles import _seasons_table, _stats_table, cast_table
from tests.conftest import MINI, SHIPPED

# Widths from a phone's terminal to a wide screen, colour off and on; 16 colours; Rich's markup
# on (strings in cells go through it); an explicit non-legacy Windows console.
CONSOLES: list[dict[str, Any]] = [
    {"width": width, "color_system": colours, "force_terminal": True, "markup": False}
    for width in (40, 80, 120)
    for colours in (None, "truecolor")
] + [
    {"width": 100, "color_system": "standard", "force_terminal": True, "markup": True},
    {"width": 100, "color_system": "truecolor", "force_terminal": True, "legacy_windows": False},
]


class _AsciiTerminal(io.StringIO):
    encoding = "ascii"


def _print(renderable: object, settings: dict[str, Any], ascii_only: bool = False) -> str:
    out = _AsciiTerminal() if ascii_only else io.StringIO()
    Console(file=out, highlight=False, **settings).print(renderable)
    return out.getvalue()


def _tables(dataset: Dataset, width: int = 1000) -> list[Table]:
    """Every table of every show page, laid out as the page lays it out at ``width``."""
    tables = []
    for show in dataset.shows.values():
        detail = show_detail(dataset, show)
        tables.append(cast_table(cast_entries(dataset, show), None).layout(width))
        if detail.seasons:
            tables.append(_seasons_table(detail, None).layout(width))
        figures = [s for s in detail.stats if not s.window.startswith("week:")]
        if figures:
            tables.append(_stats_table(detail, figures).table)
    return tables


@pytest.fixture(scope="module")
def shipped_tables() -> Callable[[int], list[Table]]:
    """The shipped pages' tables at a width (each width laid out once)."""
    dataset = load_dataset([SHIPPED])
    return functools.cache(lambda width: _tables(dataset, width))


@pytest.mark.parametrize("settings", CONSOLES, ids=lambda s: "-".join(map(str, s.values())))
def test_every_shipped_table_is_drawn_as_rich_draws_it(
    shipped_tables: Callable[[int], list[Table]], settings: dict[str, Any]
) -> None:
    tables = shipped_tables(settings["width"])
    quick = wrapped = 0
    for table in tables:
        console = Console(file=io.StringIO(), **settings)
        drawn = _draw(table, console, console.options) is not None
        quick += drawn
        drawn_text = _print(QuickTable(table), settings)
        assert drawn_text == _print(table, settings)
        # Some cell took more than one line (beyond the header, its rule and a line a row).
        wrapped += drawn and drawn_text.count("\n") > len(table.rows) + 2
    # The comparison means something only if the quick path actually ran, and on tables
    # whose cells wrap as well as on those that fit (at 80 columns about 40 do: casts and
    # seasons; a cumulative figure's window no longer wraps, as it gives its day once).
    assert quick >= len(tables) * 9 // 10
    assert wrapped >= 30 if settings["width"] <= 80 else True


def test_an_ascii_terminal_gets_rich_own_substitute_box() -> None:
    tables = _tables(load_dataset([MINI]))
    settings = {"width": 100, "color_system": None, "force_terminal": True}
    for table in tables:
        assert _print(QuickTable(table), settings, True) == _print(table, settings, True)
        console = Console(file=_AsciiTerminal(), **settings)
        assert _draw(table, console, console.options) is None
    drawn = _print(QuickTable(tables[0]), settings, True)
    assert "-" * 10 in drawn and "─" not in drawn


def test_a_cell_that_must_wrap_is_wrapped_as_rich_wraps_it() -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Title", style="bold")
    table.add_column("Note")
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_row("Moonlit Hallway", "A long note that has to wrap " * 3, "2031")
    table.add_row(Text("달빛 복도", style="magenta"), Text("short", style="italic"), "2032")
    for colours in (None, "truecolor"):
        settings = {"width": 40, "color_system": colours, "force_terminal": True}
        console = Console(file=io.StringIO(), **settings)
        assert _draw(table, console, console.options) is not None
        text = _print(QuickTable(table), settings)
        assert text == _print(table, settings)
    plain = _print(QuickTable(table), {"width": 40, "color_system": None})
    assert all(len(line) <= 40 for line in plain.splitlines()) and plain.count("\n") > 4
    assert "달빛 복도" in plain and "2031" in plain.splitlines()[2]


def test_columns_narrowed_together_share_the_cut_as_rich_shares_it() -> None:
    """Three columns equally too wide give up 4 cells between them: Rich takes 1, 2 and 1
    (it rounds what is left over the columns left), and QuickTable's widths must be the same,
    worked out without Rich's private ``Table._collapse_widths``."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in ("a", "B", "C", "D", "e"):
        table.add_column(header)
    table.add_row("1", "words " * 5, "words " * 5, "words " * 5, "2")
    # 2 + 3 × 32 + 2 cells of columns and 4 dividers: 104 cells; 4 too many at 100.
    settings = {"width": 100, "color_system": None, "force_terminal": True}
    console = Console(file=io.StringIO(), **settings)
    assert _draw(table, console, console.options) is not None
    drawn = _print(QuickTable(table), settings)
    assert drawn == _print(table, settings)
    header = drawn.splitlines()[0]
    assert [header.index(h) for h in "BCDe"] == [4, 36, 67, 99]  # B, D: 31 cells; C: 30


def test_a_header_that_must_wrap_is_left_to_rich() -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("A heading far too long for its narrow terminal")
    table.add_column("Year", no_wrap=True)
    table.add_row("Moonlit Hallway", "2031")
    settings = {"width": 30, "color_system": None, "force_terminal": True}
    console = Console(file=io.StringIO(), **settings)
    assert _draw(table, console, console.options) is None
    assert _print(QuickTable(table), settings) == _print(table, settings)


def test_markup_and_wide_characters_in_cells() -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Actor")
    table.add_column("Character", justify="right")
    table.add_row(Text("[bold]not markup[/]", style="bold"), "달빛 복도 [1]")
    table.add_row("박지후", Text("Nam On-jo (남온조)"))
    table.add_row(Text("", style="bold"), Text("styled, padded right", style="italic red"))
    table.add_row(Text("none", style="none"), Text("", style="dim"))
    for settings in CONSOLES:
        console = Console(file=io.StringIO(), **settings)
        if settings["width"] >= 80:
            assert _draw(table, console, console.options) is not None
        assert _print(QuickTable(table), settings) == _print(table, settings)


# --- random tables: whatever the cells, QuickTable draws what Rich draws ---------------------

_WORDS = st.sampled_from(
    [
        "Nam",
        "On-jo",
        "남온조",
        "박지후",
        "a",
        "",
        " ",
        "cumulative",
        "2022-01-28",
        "#1",
        "[1]",
        "[bold]Gi-hun[/bold]",
        "[magenta]오징어[/]",
        "supercalifragilisticexpialidocious",
        "달빛복도달빛복도달빛복도",
        "é",
        "x" * 30,
        "two\nlines",
        "tab\there",
    ]
)
_CELL_TEXT = st.lists(_WORDS, max_size=8).map(" ".join)
_STYLES = st.sampled_from(["", "bold", "dim", "italic red", "magenta", "none"])


@st.composite
def _random_table(draw: st.DrawFn) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    columns = draw(st.integers(1, 5))
    for _ in range(columns):
        table.add_column(
            draw(st.sampled_from(["Actor", "Hangul", "Character", "Role", "Src", "한글"])),
            justify=draw(st.sampled_from(["left", "right"])),
            no_wrap=draw(st.booleans()),
            style=draw(_STYLES) or None,
            min_width=draw(st.sampled_from([None, None, 3, 8])),
        )
    for _ in range(draw(st.integers(0, 6))):
        cells: list[object] = []
        for _ in range(columns):
            text = draw(_CELL_TEXT)
            if draw(st.booleans()):
                cells.append(Text(text, style=draw(_STYLES)))
            else:
                cells.append(text)
        table.add_row(*cells)
    return table


@given(
    table=_random_table(),
    width=st.integers(8, 140),
    colours=st.sampled_from([None, "truecolor", "standard"]),
    markup=st.booleans(),
)
# About 40% of these tables take the quick path (measured over 3,000 examples); the rest have a
# cell or heading that Rich must lay out, and are handed to it.
@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_tables_are_drawn_as_rich_draws_them(
    table: Table, width: int, colours: str | None, markup: bool
) -> None:
    """Markup on or off: string cells go through the console's markup as Rich's own do."""
    settings = {"width": width, "color_system": colours, "force_terminal": True, "markup": markup}
    assert _print(QuickTable(table), settings) == _print(table, settings)

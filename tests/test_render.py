"""Rendering at fixed widths without colour, straight from the query results."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from kdrama_cli.answers.compare import compare
from kdrama_cli.answers.show_page import show_detail
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.views.titles import comparison_view, show_view
from tests.conftest import MINI


def _render(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("width", [40, 80, 160])
def test_show_view_fits_the_width(width: int) -> None:
    dataset = load_dataset([MINI])
    text = _render(
        show_view(show_detail(dataset, dataset.shows["moonlit-hallway"]), every_column="--json"),
        width,
    )
    assert all(len(line) <= width for line in text.splitlines())
    assert "Moonlit" in text and "Sources" in text


def test_hangul_columns_stay_aligned() -> None:
    """Hangul takes two cells a character: the columns after it must still line up."""
    from rich.cells import cell_len

    dataset = load_dataset([MINI])
    text = _render(
        show_view(show_detail(dataset, dataset.shows["moonlit-hallway"]), every_column="--json"),
        100,
    )
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Actor"))
    rows = lines[header + 2 : header + 4]
    assert "한지원" in rows[0] and "서민호" in rows[1]
    role_columns = {cell_len(row[: row.index(" main ")]) for row in rows}
    assert role_columns == {cell_len(lines[header][: lines[header].index(" Role")])}


def test_comparison_marks_the_leader_only_in_its_row() -> None:
    dataset = load_dataset([MINI])
    shows = [dataset.shows["moonlit-hallway"], dataset.shows["river-of-lanterns"]]
    text = _render(comparison_view(compare(dataset, shows)), 120)
    star_lines = [line for line in text.splitlines() if "★" in line]
    assert len(star_lines) == 1 and "1.65B hours ★" in star_lines[0]


@pytest.mark.parametrize(
    ("value", "long", "short"),
    [
        (91, "91", "91"),
        (800_000, "800,000", "800K"),
        (999_999, "999,999", "1M"),
        (1_650_450_000, "1.65 billion", "1.65B"),
        (999_999_999_999.9, "1 trillion", "1T"),
        (9_999_999_999_999, "10 trillion", "10T"),
    ],
)
def test_a_figure_is_written_in_the_largest_scale_it_reaches(
    value: float, long: str, short: str
) -> None:
    """A layer's 9,999,999,999,999 hours (the largest value data check takes) read '10000B
    hours': a figure past a thousand billion is in trillions."""
    from kdrama_cli.views.text import human_number

    assert (human_number(value), human_number(value, short=True)) == (long, short)


def test_an_address_never_ends_an_exported_link_early() -> None:
    """Rich writes a link's target into an --export-html page as it is: an address holding a
    quote (refused by `data check`, but the index is read back as untrusted input) ended the
    href and made the rest of it attributes of the link, a script run on a mouse-over. The
    target is percent-encoded; the address shown stays as it is written."""
    from html.parser import HTMLParser

    from rich.text import Text

    from kdrama_cli.views.titles import Hanging

    url = 'https://example.org/x"style="position:fixed"onmouseover="alert(1)'
    console = Console(file=io.StringIO(), width=120, record=True, color_system="truecolor")
    console.print(Hanging([("[1]", Text("Yonhap News Agency"), url)]))
    links: list[list[tuple[str, str | None]]] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                links.append(attrs)

    page = console.export_html()
    Links().feed(page)
    assert [dict(attrs)["href"] for attrs in links] == [
        "https://example.org/x%22style=%22position:fixed%22onmouseover=%22alert(1)"
    ]
    assert all(name in ("class", "href") for attrs in links for name, _ in attrs)
    assert "x&quot;style=&quot;position:fixed" in page  # the text as written, escaped

"""Page draws exactly what Rich's Constrain(Group(...)) draws, byte for byte, only faster."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from rich.console import Console, Group
from rich.constrain import Constrain
from rich.measure import Measurement
from rich.panel import Panel
from rich.text import Text

from kdrama_cli.answers.show_page import show_detail
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.views import page as page_module
from kdrama_cli.views.page import Page
from kdrama_cli.views.titles import show_view
from tests.conftest import SHIPPED

CONSOLES: list[dict[str, Any]] = [
    {"width": width, "color_system": colours, "force_terminal": True, "markup": False}
    for width in (36, 80, 160)
    for colours in (None, "truecolor")
]


def _print(renderable: object, settings: dict[str, Any]) -> str:
    """As printed, with the random id Rich gives each hyperlink taken out."""
    out = io.StringIO()
    Console(file=out, highlight=False, **settings).print(renderable, crop=False)
    return re.sub(r"\x1b\]8;id=\d+;", "\x1b]8;id=;", out.getvalue())


def _as_rich_draws_it(page: Page) -> Constrain:
    return Constrain(Group(*page.parts), page.width)


@pytest.fixture(scope="module")
def shipped_pages() -> list[Page]:
    """The show page of every full entry, and of every twentieth Netflix-only one."""
    dataset = load_dataset([SHIPPED])
    pages = []
    for number, show in enumerate(dataset.shows.values()):
        if show.netflix_only and number % 20:
            continue
        view = show_view(show_detail(dataset, show), every_column="--json")
        assert isinstance(view, Page)
        pages.append(view)
    return pages


@pytest.mark.parametrize("settings", CONSOLES, ids=lambda s: "-".join(map(str, s.values())))
def test_every_shipped_show_page_is_drawn_as_rich_draws_it(
    shipped_pages: list[Page], settings: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = 0
    as_it_stands = page_module._as_it_stands

    def counted(*args: Any) -> Any:
        nonlocal quick
        segments = as_it_stands(*args)
        quick += segments is not None
        return segments

    monkeypatch.setattr(page_module, "_as_it_stands", counted)
    for page in shipped_pages:
        assert _print(page, settings) == _print(_as_rich_draws_it(page), settings)
    # The comparison means something only if the quick path actually ran.
    assert quick >= 5 * len(shipped_pages)


def test_texts_that_must_wrap_or_be_justified_go_through_rich() -> None:
    parts = [
        Text("\nA heading", style="bold cyan"),
        Text("a line far too long for the narrow terminal it is printed on " * 2, style="dim"),
        Text("centred", justify="center"),
        Text("a\ttab"),
        Text("달빛 복도 " * 12),
        Text("ends without a newline", end=""),
        Text(" and goes on"),
    ]
    page = Page(parts, 40)
    for width in (20, 40, 100):
        for colours in (None, "truecolor"):
            settings = {"width": width, "color_system": colours, "force_terminal": True}
            drawn = _print(page, settings)
            assert drawn == _print(_as_rich_draws_it(page), settings)
            if colours is None and width >= 40:
                assert all(len(line) <= min(width, 40) for line in drawn.splitlines())
                assert "ends without a newline and goes on" in drawn


def test_a_page_measures_as_rich_measures_it() -> None:
    page = Page([Text("short"), Text("a somewhat longer line of text")], 20)
    console = Console(file=io.StringIO(), width=80)
    expected = Measurement.get(console, console.options, _as_rich_draws_it(page))
    assert Measurement.get(console, console.options, page) == expected


def test_a_page_given_a_height_draws_its_parts_at_their_own_height() -> None:
    """A full-screen widget renders with a height: a Panel in a page must not fill it."""
    page = Page([Panel(Text("card")), Text("\nSeasons", style="bold"), Text("last line")], 120)
    console = Console(file=io.StringIO(), width=60, height=40)
    options = console.options.update(height=40)
    drawn = "".join(segment.text for segment in console.render(page, options))
    expected = "".join(s.text for s in console.render(_as_rich_draws_it(page), options))
    assert drawn == expected
    assert drawn.count("\n") == 6 and drawn.rstrip().endswith("last line")

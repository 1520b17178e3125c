"""An entry's page names the layers that made or changed it (README.md, "How datasets are
merged"): a title or person a layer added, replaced (``override = true``) or extended
(``extend = true``, or figures of a layer's own ``[[stats]]``), so that a fact of the user's own
file is not taken for the base dataset's. An entry only the base gives says nothing."""

from __future__ import annotations

from pathlib import Path

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import LayerMark
from tests.conftest import MINI

#: A new title, over the made-up dataset (tests/fixtures/mini.toml), citing its press page.
NEW_TITLE = """
[[shows]]
slug = "paper-moon-cafe"
title = "Paper Moon Cafe"
korean_title = "종이달 카페"
kind = "series"
platform = "Examplenet"
genres = ["romance"]
synopsis = "A made-up cafe that opens only when the moon is out."
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2023-05-01
episodes = 8
sources = ["test-press"]
"""

#: Night Train corrected whole: a new synopsis, kind and platform, no cast.
OVERRIDE = """
[[shows]]
slug = "night-train"
override = true
title = "Night Train"
kind = "film"
platform = "Examplenet"
genres = ["thriller"]
synopsis = "A corrected synopsis from my own file."
sources = ["test-press"]
release_date = 2021-01-01
"""

#: An alias for Night Train and for Kang Bo-ra, added to the entries below.
EXTENSION = """
[[shows]]
slug = "night-train"
extend = true
aliases = ["Yagan Yeolcha"]

[[people]]
id = "kang-bora"
extend = true
aliases = ["Bora Kang"]
"""

#: A figure of Moonlit Hallway given by a layer's own [[stats]] table.
FIGURE = """
[[stats]]
show = "moonlit-hallway"
metric = "countries-in-top10"
value = 40
unit = "countries"
window = "first-28-days"
season = 1
as_of = 2022-03-01
sources = ["test-chart"]
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_load_marks_what_each_layer_did_and_nothing_of_the_base(tmp_path: Path) -> None:
    new = _write(tmp_path, "new.toml", NEW_TITLE)
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    more = _write(tmp_path, "more.toml", EXTENSION)
    figure = _write(tmp_path, "figure.toml", FIGURE)
    dataset = load_dataset([MINI, new, fix, more, figure])
    assert dataset.layers_of("shows", "paper-moon-cafe") == (LayerMark("added", new),)
    assert dataset.layers_of("shows", "night-train") == (
        LayerMark("replaced", fix),
        LayerMark("extended", more),
    )
    assert dataset.layers_of("people", "kang-bora") == (LayerMark("extended", more),)
    assert dataset.layers_of("shows", "moonlit-hallway") == (LayerMark("extended", figure),)
    # the base's own entries, and the base alone, have none
    assert dataset.layers_of("shows", "river-of-lanterns") == ()
    assert dataset.layers_of("people", "han-ji-won") == ()
    assert load_dataset([MINI]).layer_marks == {}


def test_an_override_drops_what_it_replaced_and_a_repeat_changes_nothing(tmp_path: Path) -> None:
    """A title a layer added and another replaced names both; an extension the override came
    after is gone with what it added; an entry a layer repeats exactly is the base's still."""
    new = _write(tmp_path, "new.toml", NEW_TITLE)
    redone = NEW_TITLE.replace("made-up cafe", "made-up cafe, told again,")
    more = _write(tmp_path, "more.toml", redone.replace("kind =", "override = true\nkind ="))
    early = _write(tmp_path, "early.toml", EXTENSION.split("[[people]]")[0])
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    repeat = _write(tmp_path, "repeat.toml", MINI.read_text(encoding="utf-8").split("[[shows]]")[0])
    dataset = load_dataset([MINI, new, more, early, fix, repeat])
    assert dataset.layers_of("shows", "paper-moon-cafe") == (
        LayerMark("added", new),
        LayerMark("replaced", more),
    )
    assert dataset.layers_of("shows", "night-train") == (LayerMark("replaced", fix),)
    assert dataset.layers_of("people", "han-ji-won") == ()


def test_the_index_keeps_the_marks_and_a_base_alone_stores_none(tmp_path: Path) -> None:
    """A run answered from the index names the same layers as the run that parsed the files;
    an index of the base alone has no row of them, and its pages ask for none."""
    from kdrama_cli.store.files import cache_dir
    from kdrama_cli.store.index import load, run_pending

    folder = cache_dir()
    assert folder is not None
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    more = _write(tmp_path, "more.toml", EXTENSION)
    for paths in ([str(MINI), fix, more], [str(MINI)]):
        parsed = load(paths, folder)
        run_pending()  # the index is written (in the foreground: KDRAMA_SYNC_INDEX)
        opened = load(paths, folder)
        assert parsed.index_id is None and opened.index_id is not None
        for table, key in (("shows", "night-train"), ("people", "kang-bora")):
            assert opened.layers_of(table, key) == parsed.layers_of(table, key)
        assert (opened.layer_table is None) == (paths == [str(MINI)])
        marks = (LayerMark("replaced", fix), LayerMark("extended", more)) if paths[1:] else ()
        assert opened.layers_of("shows", "night-train") == marks

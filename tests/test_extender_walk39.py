"""What `data check` tells a fan who writes a layer of their own (walk 39): a title's table
under a misspelt parent header, a person re-declared without extend, an include written as one
string, a Hangul name where the romanised one goes, a layer saved with a hidden .txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run

_TITLE = """[meta]
schema = 1

[[citations]]
id = "my-page"
url = "https://example.com/news/my-page"
title = "Example article"
publisher = "Example News"

[[shows]]
slug = "my-show"
title = "My Show"
kind = "series"
platform = "tvN"
genres = ["romance"]
synopsis = "A made-up series."
sources = ["my-page"]

[[shows.seasons]]
number = 1
status = "announced"
as_of = 2025-01-10
sources = ["my-page"]
"""


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("[[show.seasons]]", "[[shows.seasons]]"),
        ("[[Shows.seasons]]", "[[shows.seasons]]"),
        ("[[show.season]]", "[[shows.seasons]]"),
    ],
)
def test_a_titles_table_under_a_misspelt_parent_is_told_the_header_to_write(
    run: Run, tmp_path: Path, written: str, meant: str
) -> None:
    """[[show.seasons]] was told "Did you mean [[shows]]?", and a user who wrote [[shows]]
    made a second, empty title: the header to write is the seasons' own."""
    path = tmp_path / "layer.toml"
    path.write_text(_TITLE.replace("[[shows.seasons]]", written), encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    name = written.strip("[]").split(".")[0]
    line = _TITLE.splitlines().index("[[shows.seasons]]") + 1
    assert (
        f"kdrama: error: {path}:{line}: {name}: unknown table: the header {written} should read"
        f" {meant}\n"
    ) in result.stderr, result.stderr
    assert "Did you mean [[shows]]" not in result.stderr

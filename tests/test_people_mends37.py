"""Mends of audit 37's findings on people's pages and paths, run through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json


@pytest.mark.parametrize(
    ("ends", "taken"),
    [
        (("kim-si-eun", "Kim Si-eun"), "'Kim Si-eun' is taken as kim-si-eun-samgwang ("),
        (("Kim Si-eun", "kim-si-eun-samgwang"), "'Kim Si-eun' is taken as kim-si-eun ("),
    ],
)
def test_a_namesake_pick_is_the_one_note_either_way_round(
    run_shipped: Run, ends: tuple[str, str], taken: str
) -> None:
    """`path kim-si-eun "Kim Si-eun"` took the name as kim-si-eun-samgwang, then added "note:
    'kim-si-eun' opens Kim Si-eun (kim-si-eun); Kim Si-eun (kim-si-eun-samgwang) is named so
    too: kdrama person kim-si-eun-samgwang", offering the person already at the other end. The
    forward order said only the pick; so does this one."""
    result = run_shipped("path", *ends, "--json")
    assert result.exit_code == 0, result.output
    assert as_json(result)["connected"] is True
    notes = [line for line in result.stderr.splitlines() if line.startswith("kdrama: note:")]
    assert len(notes) == 1, result.stderr
    assert "named so too" not in result.stderr
    assert notes[0].startswith(f"kdrama: note: {taken}")
    assert notes[0].endswith("the other end's namesake")

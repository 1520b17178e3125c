"""A table's checkers are its spec's own (catalogue.schema._checkers): found by the spec's id,
they were once those of another spec that had held the same id before it was freed, and a
person's extension was told its `id` is an unknown key (the layer tests, run together)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run


def test_a_spec_whose_id_another_had_is_checked_by_its_own_keys(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every id the same, as when one spec is freed and the next made at its address: a
    layer extending a title and a person still checks clean, and a key neither takes is
    still reported."""
    from kdrama_cli.catalogue import schema

    monkeypatch.setattr(schema, "id", lambda _: 1, raising=False)
    monkeypatch.setattr(schema, "_SPEC_CHECKERS", {})
    layer = tmp_path / "mine.toml"
    layer.write_text(
        '[[shows]]\nslug = "night-train"\nextend = true\naliases = ["Yagan Yeolcha"]\n\n'
        '[[people]]\nid = "kang-bora"\nextend = true\naliases = ["Bora Kang"]\n',
        encoding="utf-8",
    )
    checked = run("data", "check", str(layer), "--strict")
    assert checked.exit_code == 0, checked.output
    assert "unknown key" not in checked.stderr
    layer.write_text(
        '[[people]]\nid = "kang-bora"\nextend = true\naliases = ["Bora Kang"]\nnick = "B"\n',
        encoding="utf-8",
    )
    wrong = run("data", "check", str(layer))
    assert wrong.exit_code != 0
    assert "people[kang-bora].nick: unknown key" in wrong.stderr

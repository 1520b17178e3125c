"""A table's checkers are its spec's own (catalogue.schema._checkers): found by the spec's id,
they were once those of another spec that had held the same id before it was freed, and a
person's extension was told its `id` is an unknown key (the layer tests, run together). A
table's required keys and an extension's spec are kept by the spec itself too (review 37
#16)."""

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


def test_a_spec_whose_id_another_had_asks_its_own_required_keys(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The required keys (_required) and an extension's spec (_extension_spec) were kept by
    the spec's id alone too, as the checkers were: with every id the same, a new title was
    asked for a person's id and name, and its own missing title was not said."""
    from kdrama_cli.catalogue import schema

    monkeypatch.setattr(schema, "id", lambda _: 1, raising=False)
    for cache in ("_SPEC_CHECKERS", "_REQUIRED", "_EXTENSION_SPECS"):
        monkeypatch.setattr(schema, cache, {})
    layer = tmp_path / "mine.toml"
    layer.write_text(
        '[[people]]\nid = "kang-bora"\nextend = true\naliases = ["Bora Kang"]\n\n'
        '[[people]]\nid = "new-friend"\nname = "New Friend"\n\n'
        '[[shows]]\nslug = "paper-moon"\nkind = "series"\nplatform = "tvN"\n'
        'genres = ["romance"]\nsynopsis = "A moon of paper."\nsources = ["a"]\n',
        encoding="utf-8",
    )
    checked = run("data", "check", str(layer))
    assert checked.exit_code != 0
    assert "shows[paper-moon].title: missing required field" in checked.stderr
    assert "shows[paper-moon].id" not in checked.stderr
    assert "shows[paper-moon].name" not in checked.stderr
    assert "people[kang-bora]" not in checked.stderr


def test_an_extension_is_checked_against_its_own_spec_whatever_its_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What an extension of a table may give is built from the spec it is asked for: a spec
    given after another of the same table, at the same id, is not answered with the first's
    (every load passes the table's one spec, so the CLI cannot show it)."""
    from kdrama_cli.catalogue import schema

    monkeypatch.setattr(schema, "id", lambda _: 1, raising=False)
    monkeypatch.setattr(schema, "_EXTENSION_SPECS", {})
    without_aliases = {k: f for k, f in schema.PERSON.items() if k != "aliases"}
    assert "aliases" not in schema._extension_spec("people", without_aliases)
    assert "aliases" in schema._extension_spec("people", schema.PERSON)

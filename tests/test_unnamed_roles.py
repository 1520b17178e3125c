"""A credit whose character no source names (`character_unknown`): checked, shown, never asked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI, Run, as_json, flat

WriteDataset = Callable[[str], Path]
BASE = MINI.read_text(encoding="utf-8")
NAMED = 'person = "kang-bora"\ncharacter = "Captain Yun"\nrole = "main"\n'
REASON = "The press names her in the cast but not her role (checked 2026-12-01)."
UNNAMED = (
    f'person = "kang-bora"\ncharacter_unknown = "{REASON}"\nrole = "main"\n'
    'note = "cameo as a lighthouse keeper"\nsources = ["test-press"]\n'
)


@pytest.fixture
def unnamed(write_dataset: WriteDataset) -> Path:
    assert NAMED in BASE
    return write_dataset(BASE.replace(NAMED, UNNAMED, 1))


def _problems(run: Run, path: Path) -> tuple[int, list[str]]:
    result = run("data", "check", str(path), "--json")
    return result.exit_code, json.loads(result.stdout)["problems"]


def test_a_credit_may_say_why_its_character_is_unknown(run: Run, unnamed: Path) -> None:
    assert _problems(run, unnamed) == (0, [])


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        (
            'person = "kang-bora"\nrole = "main"\n',
            "cast[0].character: a credit needs its character (or character_unknown",
        ),
        (
            f'person = "kang-bora"\ncharacter = "Captain Yun"\ncharacter_unknown = "{REASON}"\n'
            'role = "main"\nsources = ["test-press"]\n',
            "cast[0].character_unknown: given together with character",
        ),
        (
            f'person = "kang-bora"\ncharacter_unknown = "{REASON}"\ncharacter_hangul = "윤선장"\n'
            'role = "main"\nsources = ["test-press"]\n',
            "cast[0].character_hangul: given without the character it spells",
        ),
        (
            f'person = "kang-bora"\ncharacter_unknown = "{REASON}"\nrole = "main"\n',
            "cast[0].sources: a credit whose character is unknown needs its own citation",
        ),
        (
            'person = "kang-bora"\ncharacter = "Special appearance"\nrole = "special"\n',
            "cast[0].character: 'Special appearance' is not a character: name the role",
        ),
        (
            'person = "kang-bora"\ncharacter = " cameo"\nrole = "special"\n',
            "cast[0].character: ' cameo' is not a character",
        ),
    ],
)
def test_an_unnamed_role_is_held_to_its_rules(
    run: Run, write_dataset: WriteDataset, credit: str, expected: str
) -> None:
    code, problems = _problems(run, write_dataset(BASE.replace(NAMED, credit, 1)))
    assert code == 1
    assert any(f"shows[river-of-lanterns].{expected}" in p for p in problems), problems


def test_pages_say_the_role_is_not_named_and_json_gives_the_reason(run: Run, unnamed: Path) -> None:
    """From the files and from the index alike: the cast table says so, JSON and CSV give a
    null character with the reason beside it."""
    for cache in ([], ["--no-cache"]):
        data = [*cache, "--data", str(unnamed)]
        page = flat(run(*data, "show", "river-of-lanterns").output)
        assert "Kang Bo-ra 강보라 role not named main" in page
        assert "None" not in page
        (credit,) = [
            c
            for c in as_json(run(*data, "cast", "river-of-lanterns", "--json"))
            if c["person"] == "kang-bora"
        ]
        assert credit["character"] is None and credit["character_unknown"] == REASON
        person = as_json(run(*data, "person", "kang-bora", "--json"))
        by_show = {c["show"]: c for c in person["credits"] if c["capacity"] == "actor"}
        assert by_show["river-of-lanterns"]["character_unknown"] == REASON
        assert by_show["moonlit-hallway"]["character"] == "Teacher Lim"
        assert "role not named" in flat(run(*data, "person", "kang-bora").output)
        csv = run(*data, "cast", "river-of-lanterns", "--csv").output.splitlines()
        assert "character_unknown" in csv[0].split(",")
        assert any(REASON in line for line in csv[1:])


def test_compare_and_paths_show_the_person_without_inventing_a_character(
    run: Run, unnamed: Path
) -> None:
    data = ["--data", str(unnamed)]
    shown = as_json(run(*data, "compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    (shared,) = [p for p in shown["cast_in_common"] if p["person"] == "kang-bora"]
    assert shared["characters"] == {"moonlit-hallway": ["Teacher Lim"], "river-of-lanterns": [None]}
    table = flat(run(*data, "compare", "moonlit-hallway", "river-of-lanterns").output)
    assert "Teacher Lim" in table and "role not named" in table and "None" not in table
    hop = flat(run(*data, "path", "kang-bora", "river-of-lanterns").output)
    assert "Kang Bo-ra in a role not named · S1" in hop
    shown = as_json(run(*data, "path", "kang-bora", "river-of-lanterns", "--json"))
    (left,) = [h["left"] for p in shown["paths"] for h in p["hops"]]
    assert left["as"] is None and left["character_unknown"] == REASON


def test_search_finds_the_note_of_an_unnamed_role_and_no_character_called_none(
    run: Run, unnamed: Path
) -> None:
    """The credit's cast note is searchable, labelled as a role not named, never "None"."""
    for cache in ([], ["--no-cache"]):
        data = [*cache, "--data", str(unnamed)]
        hits = as_json(run(*data, "search", "lighthouse keeper", "--json"))
        assert [(h["label"], h["matched"]) for h in hits if h["kind"] == "character"] == [
            ("a role not named in River of Lanterns", "cast note: cameo as a lighthouse keeper")
        ]
        page = run(*data, "search", "lighthouse keeper", env={"COLUMNS": "300"}).output
        assert "1 a role not named in River of Lanterns character cast note: cameo" in flat(page)
        assert "played by Kang Bo-ra" in page
        everything = run(*data, "search", "River of Lanterns", "--json").output
        assert "None" not in everything


def test_search_and_the_cast_table_name_an_unnamed_role_in_the_same_words(
    run: Run, unnamed: Path
) -> None:
    """One wording, kept in the catalogue's vocabulary for the index's search labels and the
    views alike: the cast cell says it, search's label says "a" it "in" the title."""
    from kdrama_cli.catalogue.vocab import UNNAMED_ROLE

    data = ["--data", str(unnamed)]
    cast = flat(run(*data, "cast", "river-of-lanterns").output)
    assert f"Kang Bo-ra 강보라 {UNNAMED_ROLE} main" in cast
    hits = as_json(run(*data, "search", "lighthouse keeper", "--json"))
    labels = [h["label"] for h in hits if h["kind"] == "character"]
    assert labels == [f"a {UNNAMED_ROLE} in River of Lanterns"]


def test_the_quiz_never_asks_about_an_unnamed_role(run: Run, unnamed: Path) -> None:
    """Every seed's questions name characters the dataset names: never "Who plays None"."""
    for seed in range(40):
        result = run("--data", str(unnamed), "quiz", "--seed", str(seed), "--json")
        assert result.exit_code == 0, result.output
        assert "None" not in result.output

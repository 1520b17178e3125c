"""Property tests (hypothesis): the loader, lookups and renderers never fail in an unplanned way."""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kdrama_cli.answers.finding import LookupError_, find_person, find_show
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.problems import DatasetError
from kdrama_cli.catalogue.writing import toml_text as dumps
from kdrama_cli.cli import cli
from tests.conftest import MINI

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
BASE: dict[str, Any] = tomllib.loads(MINI.read_text(encoding="utf-8"))
DATASET = load_dataset([MINI])
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

toml_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)
keys = st.sampled_from(["meta", "shows", "people", "citations", "source_works", "stats", "x"])
documents = st.dictionaries(keys, toml_values, max_size=5)


def _load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.toml"
        path.write_text(text, encoding="utf-8")
        try:
            load_dataset([path])
        except DatasetError as error:
            assert error.problems
            for problem in error.problems:
                assert str(problem).startswith(str(path)), problem


@SETTINGS
@given(documents)
def test_any_toml_document_loads_or_fails_with_a_location(document: dict[str, Any]) -> None:
    try:
        text = dumps(document)
    except (TypeError, ValueError):
        return  # not expressible as TOML: nothing to test
    _load_text(text)


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_a_location(text: str) -> None:
    _load_text(text)


@SETTINGS
@given(st.sampled_from(["shows", "people", "citations"]), st.integers(0, 2), toml_values)
def test_a_wrong_value_anywhere_is_reported_not_raised(table: str, index: int, value: Any) -> None:
    document = tomllib.loads(MINI.read_text(encoding="utf-8"))
    entry = document[table][index % len(document[table])]
    key = sorted(entry)[index % len(entry)]
    entry[key] = value
    try:
        text = dumps(document)
    except (TypeError, ValueError):
        return
    _load_text(text)


printable = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")


@SETTINGS
@given(printable)
def test_any_string_in_any_text_field_renders_inertly(text: str) -> None:
    document = tomllib.loads(MINI.read_text(encoding="utf-8"))
    show = document["shows"][0]
    show["title"] = text
    show["synopsis"] = text
    show["cast"][0]["character"] = text
    show["facts"][0]["text"] = text
    show["seasons"][1]["note"] = text
    document["people"][2]["name"] = text
    document["source_works"][0]["title"] = text
    document["citations"][0]["title"] = text
    document["citations"][0]["publisher"] = text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.toml"
        path.write_text(dumps(document), encoding="utf-8")
        runner = CliRunner()
        for args in (
            ["show", "moonlit-hallway"],
            ["cast", "moonlit-hallway"],
            ["compare", "moonlit-hallway", "river-of-lanterns"],
            ["person", "kang-bora"],
            ["search", "lantern"],
        ):
            result = runner.invoke(
                cli,
                ["--data", str(path), *args],
                env={"COLUMNS": "80", "NO_COLOR": "1"},
                catch_exceptions=False,
            )
            assert result.exit_code in (0, 1), (args, result.output)
            assert not CONTROL.search(result.output), (args, repr(result.output))
            if result.exit_code == 1:  # the string broke a rule (e.g. a duplicate name)
                assert result.stderr.startswith("kdrama: error: ")


@SETTINGS
@given(st.text(max_size=300))
def test_lookups_and_search_never_raise(query: str) -> None:
    from kdrama_cli.answers.search import search

    for lookup in (find_show, find_person):
        with contextlib.suppress(LookupError_):
            lookup(DATASET, query)
    results = search(DATASET, query, 10)
    assert all(r.score > 0 for r in results)


@pytest.mark.parametrize(
    ("numbers", "said"),
    [
        ((), "no season"),
        ((2,), "season 2"),
        ((1, 2), "seasons 1 and 2"),
        ((1, 2, 3), "seasons 1, 2 and 3"),
    ],
)
def test_seasons_words_names_any_number_of_seasons(numbers: tuple[int, ...], said: str) -> None:
    """The one wording of a list of seasons, which views import: an empty list raised
    IndexError."""
    from kdrama_cli.answers.finding import seasons_words

    assert seasons_words(numbers) == said

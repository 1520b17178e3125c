"""The index answers a lookup of part of a name as the names built from the files do, whichever
way it reads them: a kind of name with few rows (people's notes, a title's facets) through the
index on (kind, key), a larger one through the trigram index. Reading a few people's notes
through the trigram index walked every name holding the fragment, of every kind."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.locations import packaged_dataset
from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.catalogue.names import MemoryLookup, lookup_of
from kdrama_cli.store import index as store

#: (kind, fragment): a kind read both ways in the shipped catalogue, with fragments that open a
#: word, sit inside one, or name nothing.
ASKED = [
    ("person-note", "member"),
    ("person-note", "director"),
    ("person-note", "film"),
    ("person-note", "zzzq"),
    ("facet", "netflix"),
    ("genre", "thrill"),
    ("show", "squid"),
    ("show", "game"),
    ("person", "kim"),
    ("character", "kim"),
]


@pytest.fixture(scope="module")
def shipped_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, Path, list[str]]:
    found = packaged_dataset()
    assert found is not None
    paths = [found]
    cache = tmp_path_factory.mktemp("index-lookup")
    cache.chmod(0o700)
    parsed = load_dataset(paths)
    assert store.write_index(cache, paths, parsed)
    return parsed, cache, paths


def _opened(cache: Path, paths: list[str]) -> Dataset:
    dataset = store.open_index(cache, paths)
    assert dataset is not None
    assert isinstance(lookup_of(dataset), store.SqliteLookup)
    return dataset


@pytest.mark.parametrize(("kind", "key"), ASKED)
@pytest.mark.parametrize("bound", [0, 1_000_000], ids=["trigram index", "kind's own index"])
def test_part_of_a_name_is_found_alike_through_either_index(
    shipped_index: tuple[Dataset, Path, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    key: str,
    bound: int,
) -> None:
    parsed, cache, paths = shipped_index
    monkeypatch.setattr(store, "_SCANNED_KIND", bound)
    indexed = lookup_of(_opened(cache, paths)).containing(kind, key)
    from_files = MemoryLookup(parsed).containing(kind, key)
    assert [tuple(r) for r in indexed] == [tuple(r) for r in from_files]
    if key != "zzzq":
        assert indexed, f"{kind} {key!r} should match something in the shipped catalogue"


def test_the_notes_are_read_through_their_own_index(
    shipped_index: tuple[Dataset, Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """People's notes (under a thousand rows) are read by kind, not through the trigram index,
    and a kind as large as the names of people is still read through the trigram index."""
    _, cache, paths = shipped_index
    lookup = lookup_of(_opened(cache, paths))
    assert isinstance(lookup, store.SqliteLookup)
    seen: list[str] = []
    original = store.SqliteLookup._matching

    def matching(self: store.SqliteLookup, *args: object, **kwargs: object) -> object:
        seen.append("scan" if kwargs.get("scan") else "trigram")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_SCANNED_KIND", 2_000)
    monkeypatch.setattr(store.SqliteLookup, "_matching", matching)
    assert lookup.containing("person-note", "member")
    assert lookup.containing("person", "kim")
    assert seen == ["scan", "trigram"]


def test_a_damaged_note_read_through_its_kinds_index_is_noticed(
    shipped_index: tuple[Dataset, Path, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note whose key no longer matches its checksum raises IndexDamaged when read through
    the kind's own index too (the command then answers from the files), never a wrong answer."""
    _, cache, paths = shipped_index
    damaged = tmp_path / "cache"
    shutil.copytree(cache, damaged)
    (target,) = damaged.glob("index-*.sqlite")
    before = target.stat()
    connection = sqlite3.connect(target)
    connection.execute(
        "UPDATE names SET key = key || 'member' WHERE rowid ="
        " (SELECT min(rowid) FROM names WHERE kind = 'person-note')"
    )
    connection.commit()
    connection.close()
    assert target.stat().st_size == before.st_size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    monkeypatch.setattr(store, "CHECK_ON_OPEN_BYTES", 0)  # as for an index of 4 MiB and more
    dataset = store.open_index(damaged, paths)
    assert dataset is not None
    with pytest.raises(store.IndexDamaged):
        lookup_of(dataset).containing("person-note", "member")

"""Class 2 of the trust issue: a damaged cache heals itself. Whatever happens to the index, the
answer is the one the dataset files give, never an internal error or a wrong answer."""

from __future__ import annotations

import marshal
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI

QUESTIONS = (
    ["show", "moonlit-hallway", "--json"],
    ["person", "Kang Bo-ra", "--json"],
    ["search", "lantern", "--json"],
    ["list", "--json"],
    ["show", "moonlit halway"],  # a miss: its "Did you mean" comes from the index too
)


def _kdrama(home: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point (cli.main, where a damaged index is answered around)."""
    env = dict(os.environ)
    env.update(
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        KDRAMA_SYNC_INDEX="1",
        NO_COLOR="1",
        COLUMNS="100",
    )
    return subprocess.run(
        [sys.executable, "-m", "kdrama_cli", "--data", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _setup(home: Path) -> tuple[Path, Path, dict[tuple[str, ...], tuple[int, str, str]]]:
    data = home / "shows.toml"
    shutil.copy(MINI, data)
    reference = {}
    for question in QUESTIONS:
        done = _kdrama(home, data, "--no-cache", *question)
        assert done.returncode in (0, 2), done.stderr
        reference[tuple(question)] = (done.returncode, done.stdout, done.stderr)
    for _ in range(2):
        assert _kdrama(home, data, *QUESTIONS[0]).returncode == 0
    (index,) = (home / "cache" / "kdrama").glob("index-*.sqlite")
    return data, index, reference


def _answers_are_right(
    home: Path, data: Path, reference: dict[tuple[str, ...], tuple[int, str, str]]
) -> None:
    for question, expected in reference.items():
        done = _kdrama(home, data, *question)
        assert "internal error" not in done.stderr
        assert (done.returncode, done.stdout, done.stderr) == expected


def _keep_times(index: Path, change: object) -> None:
    """Change the index as bit rot would: its size and times stay as they were."""
    info = index.stat()
    change()  # type: ignore[operator]
    os.utime(index, ns=(info.st_atime_ns, info.st_mtime_ns))


def _sql(index: Path, statement: str, parameters: tuple[object, ...] = ()) -> None:
    connection = sqlite3.connect(index)
    connection.execute(statement, parameters)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    "damage",
    [
        "random bytes",
        "truncated",
        "undecodable record",
        "record of another shape",
        "record swapped for another",
        "changed title",
        "names emptied",
        "credits emptied",
        "a show row deleted",
        "summaries emptied",
        "summaries of another shape",
        "summaries with a title missing",
        "suggestions emptied",
        "suggestions undecodable",
        "listing emptied",
        "listing cut short",
        "listing with a title missing",
    ],
)
def test_a_damaged_index_gives_the_right_answer(tmp_path: Path, damage: str) -> None:
    data, index, reference = _setup(tmp_path)
    if damage == "random bytes":
        index.write_bytes(os.urandom(index.stat().st_size))
    elif damage == "truncated":
        with open(index, "r+b") as stream:
            stream.truncate(3000)
    elif damage == "undecodable record":
        _keep_times(index, lambda: _sql(index, "UPDATE shows SET blob = x'e3ffffff7f00'"))
    elif damage == "record of another shape":
        blob = marshal.dumps(("show", ("x",) * 3))
        _keep_times(index, lambda: _sql(index, "UPDATE shows SET blob = ?", (blob,)))
    elif damage == "record swapped for another":
        _keep_times(
            index,
            lambda: _sql(
                index,
                "UPDATE shows SET blob = (SELECT blob FROM shows WHERE id = 'river-of-lanterns'),"
                " crc = (SELECT crc FROM shows WHERE id = 'river-of-lanterns')"
                " WHERE id = 'moonlit-hallway'",
            ),
        )
    elif damage == "changed title":
        raw = index.read_bytes()
        assert b"Moonlit Hallway" in raw
        _keep_times(index, lambda: index.write_bytes(raw.replace(b"Moonlit", b"Moonlix")))
    elif damage == "names emptied":
        _keep_times(index, lambda: _sql(index, "DELETE FROM names"))
    elif damage == "credits emptied":
        _keep_times(index, lambda: _sql(index, "DELETE FROM credits"))
    elif damage == "a show row deleted":
        _keep_times(index, lambda: _sql(index, "DELETE FROM shows WHERE id = 'river-of-lanterns'"))
    elif damage == "summaries emptied":
        _keep_times(index, lambda: _sql(index, "DELETE FROM summaries"))
    elif damage == "summaries of another shape":
        blob = marshal.dumps((("x",) * 3,))
        _keep_times(index, lambda: _sql(index, "UPDATE summaries SET blob = ?", (blob,)))
    elif damage == "summaries with a title missing":
        # a consistent row (its CRC recomputed) that lists one title fewer than the index holds
        connection = sqlite3.connect(index)
        key, blob = connection.execute("SELECT id, blob FROM summaries").fetchone()
        connection.close()
        shorter = marshal.dumps(marshal.loads(blob)[1:])
        import zlib

        crc = zlib.crc32(shorter, zlib.crc32(key.encode() + b"\0"))
        _keep_times(
            index, lambda: _sql(index, "UPDATE summaries SET blob = ?, crc = ?", (shorter, crc))
        )
    elif damage == "listing emptied":
        _keep_times(index, lambda: _sql(index, "DELETE FROM listing"))
    elif damage == "listing cut short":
        _keep_times(index, lambda: _sql(index, "UPDATE listing SET blob = substr(blob, 1, 40)"))
    elif damage == "listing with a title missing":
        # a consistent row (its key and CRC rewritten) that lists one title fewer than the
        # index holds
        import json
        import zlib

        connection = sqlite3.connect(index)
        key, blob = connection.execute("SELECT id, blob FROM listing").fetchone()
        connection.close()
        rows = json.loads(blob)[1:]
        shorter = json.dumps(rows, ensure_ascii=False).encode()
        other = f"{key.split(':')[0]}:{len(rows)}"
        crc = zlib.crc32(shorter, zlib.crc32(other.encode() + b"\0"))
        _keep_times(
            index,
            lambda: _sql(
                index, "UPDATE listing SET id = ?, blob = ?, crc = ?", (other, shorter, crc)
            ),
        )
    elif damage == "suggestions emptied":
        _keep_times(index, lambda: _sql(index, "DELETE FROM suggestions"))
    elif damage == "suggestions undecodable":
        _keep_times(index, lambda: _sql(index, "UPDATE suggestions SET blob = x'e3ffffff7f00'"))
    _answers_are_right(tmp_path, data, reference)


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    data, index, reference = _setup(tmp_path)
    _keep_times(index, lambda: _sql(index, "UPDATE shows SET blob = x'00'"))
    _answers_are_right(tmp_path, data, reference)
    connection = sqlite3.connect(index)
    blobs = connection.execute("SELECT blob FROM shows").fetchall()
    connection.close()
    assert all(blob != b"\x00" for (blob,) in blobs)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.integers(0, 2**32 - 1), st.integers(1, 64), st.booleans())
def test_corrupting_any_bytes_of_the_index_never_gives_a_wrong_answer(
    tmp_path_factory: pytest.TempPathFactory, seed: int, flips: int, keep_times: bool
) -> None:
    home = tmp_path_factory.mktemp("corrupt")
    data, index, reference = _setup(home)
    rng = random.Random(seed)
    raw = bytearray(index.read_bytes())
    for _ in range(flips):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    if keep_times:
        _keep_times(index, lambda: index.write_bytes(bytes(raw)))
    else:
        index.write_bytes(bytes(raw))
    _answers_are_right(home, data, reference)


def test_damaged_pages_are_ignored(tmp_path: Path) -> None:
    data, _, reference = _setup(tmp_path)
    pages = list((tmp_path / "cache" / "kdrama" / "pages").glob("page-*.txt"))
    assert pages
    for page in pages:
        raw = page.read_bytes()
        page.write_bytes(raw[: len(raw) // 2])
    _answers_are_right(tmp_path, data, reference)


def test_a_miss_is_checked_against_the_second_copy_of_every_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big index is not checked whole when opened; a lookup that finds nothing is checked
    against the index's checksummed copy of every name key, so a lost name is noticed (and
    the question answered again from the files) instead of being reported as 'no such title'."""
    from kdrama_cli.answers.finding import NotFound, find_show, would_match
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.names import lookup_of
    from kdrama_cli.store import index as store

    data = tmp_path / "shows.toml"
    shutil.copy(MINI, data)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    assert store.write_index(cache, [data], load_dataset([data]))
    (target,) = cache.glob("index-*.sqlite")

    def lose_the_names() -> None:
        """Every name of Moonlit Hallway made another's, each row consistent with its CRC."""
        connection = sqlite3.connect(target)
        rows = connection.execute(
            "SELECT rowid, kind, target, label, how, name FROM names"
            " WHERE target = 'moonlit-hallway' AND kind LIKE 'show%'"
        ).fetchall()
        assert rows
        for rowid, *fields in rows:
            key = f"zz{rowid}"
            connection.execute(
                "UPDATE names SET key = ?, crc = ? WHERE rowid = ?",
                (key, store._crc(*fields, key), rowid),
            )
        connection.commit()
        connection.close()

    _keep_times(target, lose_the_names)
    monkeypatch.setattr(store, "CHECK_ON_OPEN_BYTES", 0)  # as for an index of 4 MiB and more
    dataset = store.open_index(cache, [data])
    assert dataset is not None
    with pytest.raises(NotFound):
        find_show(dataset, "Moonlit Hallway")
    lookup = lookup_of(dataset)
    with pytest.raises(store.IndexDamaged):
        lookup.confirm_empty(lambda keys: would_match(dataset, "title", "Moonlit Hallway", keys))
    # A name that is in neither copy is a true miss.
    lookup.confirm_empty(lambda keys: would_match(dataset, "title", "Nothing Like It", keys))


@pytest.mark.parametrize("damage", ["emptied", "cut short", "a title missing"])
def test_a_damaged_catalogue_listing_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """`list --json` of the whole catalogue prints the listing the index stores already
    encoded: read from a big index (not checked whole when opened), a damaged or inconsistent
    listing raises IndexDamaged (the command then answers from the files), never prints."""
    import json

    from kdrama_cli.catalogue.jsontext import dumps
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.models import stored_listing, summaries_of, summary_record
    from kdrama_cli.store import index as store

    data = tmp_path / "shows.toml"
    shutil.copy(MINI, data)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    parsed = load_dataset([data])
    assert store.write_index(cache, [data], parsed)
    (target,) = cache.glob("index-*.sqlite")
    monkeypatch.setattr(store, "CHECK_ON_OPEN_BYTES", 0)  # as for an index of 4 MiB and more

    healthy = store.open_index(cache, [data])
    assert healthy is not None
    in_order = sorted(summaries_of(parsed), key=lambda s: s.sort_key)
    expected = dumps([summary_record(s) for s in in_order], indent=None).encode("utf-8")
    assert stored_listing(healthy) == expected
    assert stored_listing(parsed) is None  # parsed files answer the ordinary way

    def damage_it() -> None:
        connection = sqlite3.connect(target)
        if damage == "emptied":
            connection.execute("DELETE FROM listing")
        elif damage == "cut short":
            connection.execute("UPDATE listing SET blob = substr(blob, 1, 40)")
        else:  # consistent with its CRC, but written for one title fewer than the index holds
            key, blob = connection.execute("SELECT id, blob FROM listing").fetchone()
            rows = json.loads(blob)[1:]
            shorter = json.dumps(rows, ensure_ascii=False).encode()
            other = f"{key.split(':')[0]}:{len(rows)}"
            connection.execute(
                "UPDATE listing SET id = ?, blob = ?, crc = ?",
                (other, shorter, store._crc(other, shorter)),
            )
        connection.commit()
        connection.close()

    _keep_times(target, damage_it)
    dataset = store.open_index(cache, [data])
    assert dataset is not None
    with pytest.raises(store.IndexDamaged):
        stored_listing(dataset)


#: A layer over the made-up dataset extending one title, so that the index keeps a row of
#: what layers did (store.index's `layers` table).
_EXTENSION = """
[[shows]]
slug = "moonlit-hallway"
extend = true
aliases = ["Dalbit Layered"]
"""


@pytest.mark.parametrize(
    "damage", ["emptied", "cut short", "a mark of no known kind", "another key", "not a mapping"]
)
def test_a_damaged_row_of_layer_marks_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """What layers made or changed is one row, read by the first page that asks: from a big
    index (not checked whole when opened), a damaged or inconsistent row raises IndexDamaged
    (the command then answers from the files), never a page naming no layer or a wrong one."""
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.models import LayerMark
    from kdrama_cli.store import index as store

    data = tmp_path / "shows.toml"
    shutil.copy(MINI, data)
    layer = tmp_path / "layer.toml"
    layer.write_text(_EXTENSION, encoding="utf-8")
    paths = [data, layer]
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    parsed = load_dataset(paths)
    assert store.write_index(cache, paths, parsed)
    (target,) = cache.glob("index-*.sqlite")
    monkeypatch.setattr(store, "CHECK_ON_OPEN_BYTES", 0)  # as for an index of 4 MiB and more

    healthy = store.open_index(cache, paths)
    assert healthy is not None and healthy.layer_table is not None
    marks = (LayerMark("extended", str(layer)),)
    assert healthy.layers_of("shows", "moonlit-hallway") == marks
    assert parsed.layers_of("shows", "moonlit-hallway") == marks

    def damage_it() -> None:
        connection = sqlite3.connect(target)
        key, blob = connection.execute("SELECT id, blob FROM layers").fetchone()
        if damage == "emptied":
            connection.execute("DELETE FROM layers")
        elif damage == "cut short":
            connection.execute("UPDATE layers SET blob = substr(blob, 1, 20)")
        else:  # consistent with its CRC, but not what the pages have words for
            if damage == "a mark of no known kind":
                other = marshal.dumps({"shows": {"moonlit-hallway": (("rewritten", "x"),)}})
            elif damage == "another key":
                key, other = "some", blob
            else:
                other = marshal.dumps([("shows", "moonlit-hallway")])
            connection.execute(
                "UPDATE layers SET id = ?, blob = ?, crc = ?",
                (key, other, store._crc(key, other)),
            )
        connection.commit()
        connection.close()

    _keep_times(target, damage_it)
    dataset = store.open_index(cache, paths)
    assert dataset is not None
    with pytest.raises(store.IndexDamaged):
        dataset.layers_of("shows", "moonlit-hallway")

"""The on-disk index: the validated, merged dataset compiled into SQLite, so repeated runs need
not parse TOML.

TOML stays the source of truth. An index file lives in the user cache directory, named after
the package version and the dataset files asked for; inside, it records every file it was
built from (with includes) by size, modification time and SHA-256. A run first compares sizes
and times (cheap); only when they differ does it hash the file, and only when the content
differs is the index rebuilt. A missing, stale, corrupt or unreadable index falls back to
parsing, never to a wrong answer. Writes go to a temporary file renamed into place, so two
first runs at once cannot leave a half-written index.

Entries are stored as marshal-able tuples (kdrama_cli.store.codec) and loaded one by one when a
query asks for them; the name and
credit tables answer lookups with indexed SQL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from kdrama_cli import __version__
from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.catalogue.names import NameRow, credit_rows, name_rows
from kdrama_cli.store.codec import load_record
from kdrama_cli.store.files import INDEX_FORMAT as FORMAT
from kdrama_cli.store.files import cache_file, index_roots, sidecar_file

T = TypeVar("T")
TABLES = ("shows", "people", "source_works", "citations")


def _signature(path: str) -> tuple[int, int, int]:
    stat = os.stat(path)
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _sha256(path: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _trusted(path: str) -> bool:
    """Only read an index this user owns and nobody else can write (POSIX)."""
    if not hasattr(os, "getuid"):
        return True
    stat = os.stat(path)
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def open_index(cache_dir: PathLike, paths: Sequence[PathLike]) -> Dataset | None:
    """The dataset from a fresh index, or None when there is none usable (then parse)."""
    target = cache_file(cache_dir, paths)
    try:
        if not os.path.isfile(target) or not _trusted(target):
            return None
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if (
            meta.get("format") != str(FORMAT)
            or meta.get("version") != __version__
            or meta.get("roots") != index_roots(paths)
        ):
            connection.close()
            return None
        files = connection.execute(
            "SELECT path, size, mtime_ns, ctime_ns, sha256 FROM files ORDER BY rowid"
        ).fetchall()
        touched = []
        for name, size, mtime_ns, ctime_ns, sha256 in files:
            signature = _signature(name)
            if (size, mtime_ns, ctime_ns) == signature:
                continue
            if _sha256(name) != sha256 or _signature(name) != signature:
                connection.close()
                return None
            touched.append((name, *signature))  # same bytes, new times (touched, reinstalled)
        if touched:  # recorded after the answer is printed (cli.main's exit runs PENDING)
            import atexit

            PENDING.append(lambda: _record_signatures(target, touched))
            atexit.register(run_pending)
        overrides = [row[0] for row in connection.execute("SELECT line FROM overrides")]
        index_stat = os.stat(target)
        dataset = Dataset(
            shows=LazyTable(connection, "shows"),
            people=LazyTable(connection, "people"),
            source_works=LazyTable(connection, "source_works"),
            citations=LazyTable(connection, "citations"),
            files=tuple(row[0] for row in files),
            overrides=tuple(overrides),
            lookup_table=SqliteLookup(connection, fts=meta.get("fts") == "1"),
            known_counts={k[6:]: int(v) for k, v in meta.items() if k.startswith("count:")},
        )
        from kdrama_cli.store.pages import index_id

        dataset.index_id = index_id(target, index_stat)
        return dataset
    except (OSError, sqlite3.Error, KeyError, ValueError, TypeError):
        connection.close()
        return None


def _record_signatures(target: str, touched: list[tuple[str, int, int, int]]) -> None:
    """Store the new times of files whose content the hash showed unchanged, so later runs
    trust them from os.stat again instead of hashing them every time (best effort)."""
    try:
        connection = sqlite3.connect(target)
        try:
            with connection:
                connection.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ? WHERE path = ?",
                    [(size, mtime, ctime, name) for name, size, mtime, ctime in touched],
                )
            files = connection.execute(
                "SELECT path, size, mtime_ns, ctime_ns FROM files ORDER BY rowid"
            ).fetchall()
        finally:
            connection.close()
        _write_sidecar(target, os.stat(target), files)
    except (OSError, sqlite3.Error):
        pass


def write_index(cache_dir: PathLike, paths: Sequence[PathLike], dataset: Dataset) -> bool:
    """Compile the dataset into the cache; False (and no error) when the cache is unwritable."""
    import tempfile

    target = cache_file(cache_dir, paths)
    files = []
    for name in dataset.files:
        # Fingerprints taken when the files were parsed; computing them now could vouch for
        # content written after the parse.
        fingerprint = dataset.fingerprints.get(name)
        if fingerprint is None:
            return False
        files.append((name, *fingerprint))
    try:
        os.makedirs(cache_dir, mode=0o700, exist_ok=True)
        prefix = os.path.basename(target)[: -len(".sqlite")]
        descriptor, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=cache_dir)
        os.close(descriptor)
    except OSError:
        return False
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, dataset, files, index_roots(paths))
            connection.commit()
        finally:
            connection.close()
        os.chmod(temporary, 0o600)
        # The sidecar names the index it describes by that file's size and modification time
        # (kept by the rename below), so a sidecar can never vouch for a different index.
        _write_names(target, dataset)
        _write_sidecar(target, os.stat(temporary), files)
        os.replace(temporary, target)
        from kdrama_cli.store.pages import clear_pages

        clear_pages(os.fspath(cache_dir))  # pages rendered from the old index are stale
        return True
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


def _write_names(target: str, dataset: Dataset) -> None:
    """The names that shell completion offers, as plain text beside the index."""
    from kdrama_cli.store.pages import names_file

    def one_line(text: str) -> str:
        return " ".join(text.replace("\t", " ").splitlines())

    lines = [
        "\t".join((row.kind, row.target, one_line(row.label), one_line(row.name)))
        for row in name_rows(dataset)
        if row.kind in ("show", "person") and row.how in ("slug", "id", "title", "name")
    ]
    path = names_file(target)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + ("\n" if lines else ""))
    os.replace(temporary, path)


def _write_sidecar(target: str, index_stat: os.stat_result, files: list[Any]) -> None:
    lines = [f"{FORMAT}\t{__version__}\t{index_stat.st_size}\t{index_stat.st_mtime_ns}"]
    lines += ["\t".join(str(part) for part in entry[:4]) for entry in files]
    sidecar = sidecar_file(target)
    temporary = f"{sidecar}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    os.replace(temporary, sidecar)


def _fill(
    connection: sqlite3.Connection,
    dataset: Dataset,
    files: list[tuple[str, int, int, int, str]],
    roots: str,
) -> None:
    connection.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE shows (id TEXT PRIMARY KEY, blob BLOB NOT NULL);
        CREATE TABLE people (id TEXT PRIMARY KEY, blob BLOB NOT NULL);
        CREATE TABLE source_works (id TEXT PRIMARY KEY, blob BLOB NOT NULL);
        CREATE TABLE citations (id TEXT PRIMARY KEY, blob BLOB NOT NULL);
        CREATE TABLE names (
            kind TEXT NOT NULL, target TEXT NOT NULL, label TEXT NOT NULL,
            how TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL);
        CREATE TABLE credits (person TEXT NOT NULL, slug TEXT NOT NULL);
        CREATE TABLE files (
            path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, sha256 TEXT);
        CREATE TABLE overrides (line TEXT NOT NULL);
        """
    )
    from kdrama_cli.store.codec import dump_record

    for table in TABLES:
        entries: Mapping[str, Any] = getattr(dataset, table)
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?)",  # noqa: S608 - table names are constants
            ((key, dump_record(value)) for key, value in entries.items()),
        )
    connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)", name_rows(dataset))
    connection.executemany("INSERT INTO credits VALUES (?, ?)", set(credit_rows(dataset)))
    connection.executescript(
        """
        CREATE INDEX names_kind_key ON names (kind, key);
        CREATE INDEX credits_person ON credits (person);
        CREATE INDEX credits_slug ON credits (slug);
        """
    )
    fts = _build_fts(connection)
    connection.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?)", files)
    connection.executemany("INSERT INTO overrides VALUES (?)", ((o,) for o in dataset.overrides))
    meta = {"format": str(FORMAT), "version": __version__, "roots": roots, "fts": fts}
    meta.update({f"count:{k}": str(v) for k, v in dataset.counts().items()})
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _build_fts(connection: sqlite3.Connection) -> str:
    """A trigram full-text index over the name keys, for substring search at any scale.

    Returns "1" when built, "" when this SQLite lacks FTS5's trigram tokenizer (then lookups
    scan the names table instead, with the same results).
    """
    try:
        connection.executescript(
            """
            CREATE VIRTUAL TABLE names_fts USING fts5(
                key, content='names', content_rowid='rowid', tokenize='trigram');
            INSERT INTO names_fts (names_fts) VALUES ('rebuild');
            """
        )
    except sqlite3.Error:
        return ""
    return "1"


def _rows_in(
    connection: sqlite3.Connection, query: str, keys: Sequence[str], chunk: int = 500
) -> Iterator[Any]:
    """The rows of ``query`` (whose ``{marks}`` stands for the keys' placeholders) for every
    key, asked ``chunk`` keys at a time to stay under SQLite's limit on parameters."""
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        yield from connection.execute(query.format(marks=", ".join("?" * len(part))), part)


class LazyTable(Mapping[str, T]):
    """A read-only mapping over one index table; each entry is decoded when first asked for."""

    def __init__(self, connection: sqlite3.Connection, table: str) -> None:
        if table not in TABLES:
            raise ValueError(table)
        self._connection = connection
        self._table = table
        self._loaded: dict[str, T] = {}
        self._keys: list[str] | None = None

    def __getitem__(self, key: str) -> T:
        if key in self._loaded:
            return self._loaded[key]
        row = self._connection.execute(
            f"SELECT blob FROM {self._table} WHERE id = ?",  # noqa: S608
            (key,),
        ).fetchone()
        if row is None:
            raise KeyError(key)
        value: T = load_record(row[0])
        self._loaded[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        """Loads the entry too: a membership test is nearly always followed by a lookup."""
        if key in self._loaded:
            return True
        if not isinstance(key, str):
            return False
        try:
            self[key]
        except KeyError:
            return False
        return True

    def many(self, keys: Iterable[str]) -> dict[str, T]:
        """The entries of ``keys`` that exist, read in one query per 500 keys."""
        missing = [key for key in dict.fromkeys(keys) if key not in self._loaded]
        query = f"SELECT id, blob FROM {self._table} WHERE id IN ({{marks}})"  # noqa: S608
        for key, blob in _rows_in(self._connection, query, missing):
            self._loaded[key] = load_record(blob)
        return self._loaded

    def __iter__(self) -> Iterator[str]:
        if self._keys is None:
            query = f"SELECT id FROM {self._table} ORDER BY rowid"  # noqa: S608
            self._keys = [row[0] for row in self._connection.execute(query)]
        return iter(self._keys)

    def __len__(self) -> int:
        if self._keys is not None:
            return len(self._keys)
        query = f"SELECT count(*) FROM {self._table}"  # noqa: S608
        return int(self._connection.execute(query).fetchone()[0])

    def values(self) -> Any:
        """All entries, read in one pass (for commands that need the whole catalogue)."""
        query = f"SELECT id, blob FROM {self._table} ORDER BY rowid"  # noqa: S608
        for key, blob in self._connection.execute(query).fetchall():
            if key not in self._loaded:
                self._loaded[key] = load_record(blob)
        return [self._loaded[key] for key in self]


class SqliteLookup:
    """The Lookup protocol answered with indexed SQL over the ``names`` and ``credits`` tables."""

    def __init__(self, connection: sqlite3.Connection, fts: bool = False) -> None:
        self._connection = connection
        self._fts = fts

    def _rows(self, sql: str, parameters: Sequence[Any]) -> list[NameRow]:
        return [NameRow(*row) for row in self._connection.execute(sql, parameters)]

    def _ranked(self, sql: str, parameters: Sequence[Any]) -> list[tuple[int, NameRow]]:
        """(rowid, row) pairs, for merging results in the names table's order."""
        return [(row[0], NameRow(*row[1:])) for row in self._connection.execute(sql, parameters)]

    def _matching(
        self, keys: Sequence[str], where: str = "1", extra: Sequence[Any] = ()
    ) -> list[tuple[int, NameRow]]:
        """Rows whose key contains every one of ``keys``: through the trigram index when every
        key is long enough for it (3 characters), otherwise by scanning."""
        if self._fts and keys and all(len(k) >= 3 for k in keys):
            match = " AND ".join('"' + k.replace('"', '""') + '"' for k in keys)
            rows = self._ranked(
                "SELECT n.rowid, n.kind, n.target, n.label, n.how, n.name, n.key FROM names_fts"
                " JOIN names AS n ON n.rowid = names_fts.rowid"
                f" WHERE names_fts MATCH ? AND {where} ORDER BY n.rowid",  # noqa: S608
                (match, *extra),
            )
            return [(i, r) for i, r in rows if all(k in r.key for k in keys)]
        contains = " AND ".join("instr(key, ?) > 0" for _ in keys) or "1"
        return self._ranked(
            "SELECT rowid, kind, target, label, how, name, key FROM names"
            f" WHERE {contains} AND {where} ORDER BY rowid",  # noqa: S608
            (*keys, *extra),
        )

    def exact(self, kind: str, key: str) -> list[NameRow]:
        return self._rows(
            "SELECT kind, target, label, how, name, key FROM names WHERE kind = ? AND key = ?"
            " ORDER BY rowid",
            (kind, key),
        )

    def containing(self, kind: str, key: str) -> list[NameRow]:
        return [row for _, row in self._matching([key], "kind = ?", (kind,))]

    def names(self, kind: str) -> list[NameRow]:
        return self._rows(
            "SELECT kind, target, label, how, name, key FROM names WHERE kind = ? ORDER BY rowid",
            (kind,),
        )

    def search_rows(self, key: str, words: Sequence[str]) -> list[NameRow]:
        names = self._matching([key], "kind NOT IN ('synopsis', 'genre')")
        genres = self._ranked(
            "SELECT rowid, kind, target, label, how, name, key FROM names"
            " WHERE kind = 'genre' AND key = ? ORDER BY rowid",
            (key,),
        )
        synopses = self._matching(list(words), "kind = 'synopsis'") if words else []
        # In the names table's order, as the in-memory lookup returns them.
        return [row for _, row in sorted(names + genres + synopses, key=lambda pair: pair[0])]

    def titles_of(self, person_id: str) -> set[str]:
        rows = self._connection.execute("SELECT slug FROM credits WHERE person = ?", (person_id,))
        return {row[0] for row in rows}

    def people_in(self, slugs: Iterable[str]) -> dict[str, set[str]]:
        result: dict[str, set[str]] = defaultdict(set)
        query = "SELECT person, slug FROM credits WHERE slug IN ({marks})"
        for person_id, slug in _rows_in(self._connection, query, list(slugs)):
            result[person_id].add(slug)
        return dict(result)


def load(paths: Sequence[PathLike], cache_dir: PathLike | None, use_cache: bool = True) -> Dataset:
    """The dataset, from the index when it is fresh, otherwise parsed (and the index rebuilt)."""
    if use_cache and cache_dir is not None:
        cached = open_index(cache_dir, paths)
        if cached is not None:
            return cached
    from kdrama_cli.catalogue.loader import (
        load_dataset,  # the parser: only when the index cannot answer
    )

    if not use_cache or cache_dir is None:
        return load_dataset(paths)
    dataset = load_dataset(paths)
    if _can_write_in_background():
        import atexit

        PENDING.append(lambda: _write_in_background(cache_dir, list(paths), dataset))
        atexit.register(run_pending)  # for callers that do not exit through cli.main
    else:
        write_index(cache_dir, paths, dataset)
    return dataset


SYNC_ENV = "KDRAMA_SYNC_INDEX"
#: Index writes waiting for the end of the run (see run_pending).
PENDING: list[Callable[[], None]] = []


def run_pending() -> None:
    """Start the index writes this run scheduled; called once the answer has been printed."""
    while PENDING:
        PENDING.pop(0)()


def _can_write_in_background() -> bool:
    return hasattr(os, "fork") and not os.environ.get(SYNC_ENV)


def _write_in_background(cache_dir: PathLike, paths: list[PathLike], dataset: Dataset) -> None:
    """At exit, after the answer is printed: fork, and let the child compile the index.

    The first run after a change pays only for parsing; the child detaches from the terminal
    and from the output pipe (a reader waiting for end of output is not kept waiting), writes
    the index atomically and exits. Set KDRAMA_SYNC_INDEX=1 to write in the foreground.
    """
    import sys

    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
        sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        write_index(cache_dir, paths, dataset)
        return
    if pid:
        return
    try:  # the child
        devnull = os.open(os.devnull, os.O_RDWR)
        for descriptor in (0, 1, 2):
            os.dup2(devnull, descriptor)
        os.setsid()
        write_index(cache_dir, paths, dataset)
    finally:
        os._exit(0)


def clear(cache_dir: PathLike) -> int:
    """Remove every index file; the number removed."""
    import glob

    from kdrama_cli.store.pages import clear_pages

    clear_pages(os.fspath(cache_dir))
    removed = 0
    # Index files with their sidecars and any temporary files; the count is of indexes.
    for path in glob.glob(os.path.join(glob.escape(os.fspath(cache_dir)), "index-*")):
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += path.endswith(".sqlite")
    return removed

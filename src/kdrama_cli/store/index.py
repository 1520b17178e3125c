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
query asks for them; the name and credit tables answer lookups with indexed SQL.

An index read back is untrusted input. It is used only from a trusted cache directory
(kdrama_cli.store.trust), only when its size and modification time are those its writer recorded
in the sidecar, and every row carries a CRC-32 that is checked when the row is read, along with
the key it was asked for. Anything that does not check out raises IndexDamaged; cli.main then
removes the index and answers again from the dataset files (which also rebuilds the index).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sqlite3
import stat
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

from kdrama_cli import __version__
from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.catalogue.models import (
    Dataset,
    LayerItems,
    LayerMarks,
    LayerRoots,
    NetflixReach,
    summary_of,
    summary_record,
)
from kdrama_cli.catalogue.names import (
    KEYED_KINDS,
    NOT_SEARCHED,
    KeysLookup,
    NameLookup,
    NameRow,
    credit_rows,
    name_rows,
    part_of_name,
    word_keys,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.store.codec import load_record
from kdrama_cli.store.files import INDEX_FORMAT as FORMAT
from kdrama_cli.store.files import cache_file, escape_field, index_roots, sidecar_file
from kdrama_cli.store.shipped import (
    SHIPPED_NAME,
    SHIPPED_ROOTS,
    package_file,
    shipped_index,
    shipped_record,
)
from kdrama_cli.store.trust import (
    folder_lock,
    is_own_file,
    own_regular_file,
    read_bytes,
    remove_files,
    remove_named,
    temporary_path,
    write_bytes,
)

T = TypeVar("T")
TABLES = ("shows", "people", "source_works", "citations")
#: The suggestions row beside a kind's keys that holds them spaced at their words' starts.
_SPACED = "spaced"


def _signature(path: str) -> tuple[int, int, int]:
    stat = os.stat(path)
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _sha256(path: str) -> str | None:
    """SHA-256 of a dataset file's bytes, read as the loader reads them (a regular file, within
    the size limit); None when it cannot be read so."""
    import hashlib

    from kdrama_cli.catalogue.reading import read_regular_file

    try:
        return hashlib.sha256(read_regular_file(path)).hexdigest()
    except OSError:
        return None


class IndexDamaged(Exception):
    """A row of the index failed its check, or SQLite found the file damaged."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"the index {path} is damaged ({what})")
        self.path = path


def _crc(*parts: object) -> int:
    """CRC-32 of a row's fields joined by NUL bytes, as the index stores it beside them."""
    if len(parts) == 2 and isinstance(parts[1], bytes):  # (id, blob): the hot case
        head = str(parts[0]).encode("utf-8", "surrogatepass") + b"\0"
        return zlib.crc32(parts[1], zlib.crc32(head))  # == crc32(head + blob), without a copy
    data = b"\0".join(
        p if isinstance(p, bytes) else str(p).encode("utf-8", "surrogatepass") for p in parts
    )
    return zlib.crc32(data)


def _recorded_stat(target: str) -> tuple[int, int, int] | None:
    """The index's size, modification time and CRC-32 as its writer recorded them in the
    sidecar."""
    raw = read_bytes(sidecar_file(target))
    if raw is None:
        return None
    try:
        header = raw.split(b"\n", 1)[0].decode("utf-8").split("\t")
        return int(header[2]), int(header[3]), int(header[4], 16)
    except (UnicodeDecodeError, IndexError, ValueError):
        return None


def file_crc(path: str) -> int:
    crc = 0
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            crc = zlib.crc32(block, crc)
    return crc


#: Indexes built into the package that were found damaged in this run (never removed).
REFUSED: set[str] = set()

#: Indexes up to this size have their whole file checked when opened (about a millisecond);
#: bigger ones when an answer comes out empty or short (see FileCheck).
CHECK_ON_OPEN_BYTES = 4 * 1024 * 1024


class FileCheck:
    """The whole index file against the CRC-32 its writer recorded, computed at most once.

    Every row read is checked by its own CRC and against the key asked for; what a row check
    cannot see is a row that is missing (a damaged page of a table or of an index): so when an
    answer is empty or a key that is referred to is missing, the whole file is checked too."""

    def __init__(self, path: str, crc: int) -> None:
        self.path = path
        self.crc = crc
        self.done = False

    def __call__(self) -> None:
        if self.done:
            return
        try:
            found = file_crc(self.path)
        except OSError as error:
            raise IndexDamaged(self.path, error.strerror or str(error)) from None
        if found != self.crc:
            raise IndexDamaged(self.path, "the file is not the one written")
        self.done = True


def open_index(cache_dir: PathLike, paths: Sequence[PathLike]) -> Dataset | None:
    """The dataset from a fresh index, or None when there is none usable (then parse)."""
    target = cache_file(cache_dir, paths)
    info = own_regular_file(target)  # not a link, a FIFO or someone else's file
    recorded = _recorded_stat(target)
    if info is None or recorded is None or recorded[:2] != (info.st_size, info.st_mtime_ns):
        return None  # missing, or changed since it was written: rebuild
    return _open_at(target, info, recorded[2], index_roots(paths))


def open_shipped(paths: Sequence[PathLike]) -> Dataset | None:
    """The dataset from the index built into the package (for the shipped dataset alone), or
    None: another dataset is asked for, there is no such index, or the files beside it are not
    those it was built from."""
    target = shipped_index(paths)
    if target is None or target in REFUSED:
        return None
    info = package_file(target)
    recorded = shipped_record(target)
    if info is None or recorded is None or recorded[0] != info.st_size:
        return None
    return _open_at(target, info, recorded[1], SHIPPED_ROOTS, immutable=True)


def _open_at(
    target: str, info: os.stat_result, crc: int, roots: str, immutable: bool = False
) -> Dataset | None:
    check = FileCheck(target, crc)
    if info.st_size <= CHECK_ON_OPEN_BYTES:
        try:
            check()
        except IndexDamaged:
            return None
    # An index in the package is never written (immutable: no locks, no journal beside it).
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        connection = sqlite3.connect(f"file:{_uri_path(target)}?{options}", uri=True)
        connection.create_function("part_of_name", 4, part_of_name, deterministic=True)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        meta = {}
        for key, value, row_crc in connection.execute("SELECT key, value, crc FROM meta"):
            if row_crc != _crc(key, value):
                raise IndexDamaged(target, "meta")
            meta[key] = value
        if (
            meta.get("format") != str(FORMAT)
            or meta.get("version") != __version__
            or meta.get("roots") != roots
        ):
            connection.close()
            return None
        files = connection.execute(
            "SELECT path, size, mtime_ns, ctime_ns, sha256 FROM files ORDER BY rowid"
        ).fetchall()
        if roots == SHIPPED_ROOTS:
            folder = os.path.dirname(target)
            names = tuple(os.path.join(folder, row[0]) for row in files)
        else:
            names = tuple(row[0] for row in files)
            if not _files_unchanged(target, files):
                connection.close()
                return None
        overrides = [row[0] for row in connection.execute("SELECT line FROM overrides")]
        counts = {k[6:]: int(v) for k, v in meta.items() if k.startswith("count:")}
        rows = {k[5:]: int(v) for k, v in meta.items() if k.startswith("rows:")}
        tables: dict[str, LazyTable[Any]] = {
            t: LazyTable(connection, t, target, rows.get(t), check) for t in TABLES
        }
        dataset = Dataset(
            shows=tables["shows"],
            people=tables["people"],
            source_works=tables["source_works"],
            citations=tables["citations"],
            files=names,
            overrides=tuple(overrides),
            lookup_table=SqliteLookup(
                connection,
                target,
                fts=meta.get("fts") == "1",
                rows=rows,
                check=check,
            ),
            known_counts=counts,
            known_reach=NetflixReach(*(meta.get(f"reach:{name}") for name in NetflixReach._fields)),
            # Read and checked once a run: `list` with a filter asks for them again, to count
            # what the filter left out (unknown years, Netflix records with no genre).
            summary_table=functools.cache(
                lambda: _summaries(connection, target, rows.get("shows"), check)
            ),
            listing_json=lambda: _listing(connection, target, rows.get("shows"), check),
            # Read only where a layer changed something, and then by the page that asks.
            layer_table=(lambda: _layer_marks(connection, target)) if rows.get("layers") else None,
        )
        from kdrama_cli.store.pages import index_id

        dataset.index_id = index_id(target, info)
        return dataset
    except (OSError, sqlite3.Error, KeyError, ValueError, TypeError, IndexDamaged):
        connection.close()
        return None


def _files_unchanged(target: str, files: Sequence[Sequence[Any]]) -> bool:
    """Every dataset file has the size and times it was indexed with, or else the same bytes
    (a touched or reinstalled file: its new times are recorded once the answer is printed)."""
    touched = []
    for name, size, mtime_ns, ctime_ns, sha256 in files:
        signature = _signature(name)
        if (size, mtime_ns, ctime_ns) == signature:
            continue
        if _sha256(name) != sha256 or _signature(name) != signature:
            return False
        touched.append((name, *signature))  # same bytes, new times (touched, reinstalled)
    if touched:  # recorded after the answer is printed (cli.main's exit runs PENDING)
        import atexit

        PENDING.append(lambda: _record_signatures(target, touched))
        atexit.register(run_pending)
    return True


def build_shipped(dataset_path: str, out: str) -> None:
    """Compile the shipped dataset into ``out`` (an index for the package, built with the
    wheel), with its sidecar and completion names beside it. Its files are named relative to
    the dataset's folder, and checked at run time by their sizes."""
    from kdrama_cli.catalogue.loader import load_dataset

    dataset = load_dataset([dataset_path])
    folder = os.path.dirname(os.path.abspath(dataset_path))
    files = []
    for name in dataset.files:
        size, mtime_ns, ctime_ns, sha256 = dataset.fingerprints[name]
        files.append((os.path.relpath(name, folder), size, 0, 0, sha256))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(out)
    connection = sqlite3.connect(out)
    try:
        _fill(connection, dataset, files, SHIPPED_ROOTS)
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    header = [FORMAT, __version__, os.stat(out).st_size, f"{file_crc(out):08x}"]
    lines = ["\t".join(map(str, header))]
    lines += [f"{name}\t{size}" for name, size, *_ in files]
    with open(sidecar_file(out), "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    _write_names(out, dataset)


def _uri_path(path: str) -> str:
    """A file name as the path of a SQLite URI (``?`` and ``#`` would end it)."""
    return os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def _record_signatures(target: str, touched: list[tuple[str, int, int, int]]) -> None:
    """Store the new times of files whose content the hash showed unchanged, so later runs
    trust them from os.stat again instead of hashing them every time (best effort)."""
    try:
        with folder_lock(os.path.dirname(target)):
            _record_signatures_locked(target, touched)
    except (OSError, sqlite3.Error):
        pass


def _record_signatures_locked(target: str, touched: list[tuple[str, int, int, int]]) -> None:
    # mode=rw: an index removed meanwhile (prune, discard) is not created again, empty
    connection = sqlite3.connect(f"file:{_uri_path(target)}?mode=rw", uri=True)
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
    _write_sidecar(target, os.stat(target), files, file_crc(target))


#: The lock file a run holds while it compiles an index in the cache (catalogue.locking).
BUILD_LOCK = "build.lock"


def write_index(cache_dir: PathLike, paths: Sequence[PathLike], dataset: Dataset) -> bool:
    """Compile the dataset into the cache; False (and no error) when the cache is unwritable.

    One run compiles at a time: parallel first runs each parse to answer, but only the one that
    takes the build lock compiles, and the others leave it to that one (False) rather than
    each writing a 14 MB temporary file. An index made fresh meanwhile is kept as it is (True).
    The lock is dropped by the system when its holder dies, so a killed build blocks nobody.
    ``cache_dir`` must be a trusted directory (kdrama_cli.store.files.cache_dir)."""
    from kdrama_cli.catalogue.locking import locked

    folder = os.fspath(cache_dir)
    try:
        with locked(os.path.join(folder, BUILD_LOCK), wait=0):
            if open_index(folder, paths) is not None:
                return True  # another run built it while this one parsed
            return _compile(folder, paths, dataset)
    except OSError:  # LockBusy: another run is compiling; or no lock can be made here
        return False


def _compile(folder: str, paths: Sequence[PathLike], dataset: Dataset) -> bool:
    """write_index's work, under the build lock."""
    target = cache_file(folder, paths)
    files = []
    for name in dataset.files:
        # Fingerprints taken when the files were parsed; computing them now could vouch for
        # content written after the parse.
        fingerprint = dataset.fingerprints.get(name)
        if fingerprint is None:
            return False
        files.append((name, *fingerprint))
    remove_files(folder, stale_only=True)  # what killed builds left behind
    temporary = temporary_path(folder, os.path.basename(target))
    if temporary is None:
        return False
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, dataset, files, index_roots(paths))
            connection.commit()
        finally:
            connection.close()
        if not _write_names(target, dataset):
            raise OSError("cannot write beside the index")
        written = os.stat(temporary)
        crc = file_crc(temporary)
        # The sidecar names the index it describes by that file's size and modification time
        # (kept by the rename), so a sidecar can never vouch for a different index. The rename
        # and the sidecar happen under one lock on the cache directory: when first runs race,
        # the last index in place is the one its sidecar describes.
        with folder_lock(folder):
            os.replace(temporary, target)
            now = own_regular_file(target)
            if now is not None and (now.st_ino, now.st_mtime_ns) == (
                written.st_ino,
                written.st_mtime_ns,
            ):
                _write_sidecar(target, written, files, crc)
        from kdrama_cli.store.pages import clear_pages

        clear_pages(folder, target)  # pages rendered from the old index are stale
        prune(folder, target)
        return True
    except (OSError, sqlite3.Error, ValueError):  # ValueError: names SQLite cannot store
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


def _write_names(target: str, dataset: Dataset) -> bool:
    """The names that shell completion offers, as plain text beside the index."""
    from kdrama_cli.store.pages import names_file

    def one_line(text: str) -> str:
        return " ".join(text.replace("\t", " ").splitlines())

    from kdrama_cli.catalogue.names import COMPLETION_HOWS
    from kdrama_cli.store.pages import HANGUL_NAMES, hangul_only, names_text

    rows = [
        row
        for row in name_rows(dataset)
        if row.kind in ("show", "person") and row.how in COMPLETION_HOWS
    ]
    # A row whose name is its slug or id adds nothing when the target has another row:
    # completion matches the target itself. (A target with no other row keeps it.)
    named = {(row.kind, row.target) for row in rows if row.name != row.target}
    lines = [
        "\t".join((row.kind, row.target, one_line(row.label), one_line(row.name)))
        for row in rows
        if row.name != row.target or (row.kind, row.target) not in named
    ]
    # Names in Hangul alone last, after a line of their own: TAB reads them only for Hangul
    # typed ('TV 동물농장' stays with the names ASCII typing can reach).
    hangul = [line for line in lines if hangul_only(line.rsplit("\t", 1)[1])]
    lines = [line for line in lines if not hangul_only(line.rsplit("\t", 1)[1])]
    if hangul:
        lines += [HANGUL_NAMES, *hangul]
    text = "\n".join(lines) + ("\n" if lines else "")
    return write_bytes(names_file(target), names_text(text.encode("utf-8", "surrogatepass")))


def _write_sidecar(target: str, index_stat: os.stat_result, files: list[Any], crc: int) -> bool:
    header = [FORMAT, __version__, index_stat.st_size, index_stat.st_mtime_ns, f"{crc:08x}"]
    lines = ["\t".join(map(str, header))]
    lines += ["\t".join([escape_field(entry[0]), *map(str, entry[1:4])]) for entry in files]
    text = "\n".join(lines) + "\n"
    return write_bytes(sidecar_file(target), text.encode("utf-8", "surrogatepass"))


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
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE shows (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE people (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE source_works (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE citations (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE names (
            kind TEXT NOT NULL, target TEXT NOT NULL, label TEXT NOT NULL,
            how TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE credits (person TEXT NOT NULL, slug TEXT NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE summaries (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE listing (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        CREATE TABLE files (
            path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, sha256 TEXT);
        CREATE TABLE overrides (line TEXT NOT NULL);
        CREATE TABLE layers (id TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL);
        """
    )
    from kdrama_cli.store.codec import dump_record

    for table in TABLES:
        entries: Mapping[str, Any] = getattr(dataset, table)
        rows = ((key, dump_record(value)) for key, value in entries.items())
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)",  # noqa: S608 - table names are constants
            ((key, blob, _crc(key, blob)) for key, blob in rows),
        )
    from kdrama_cli.store.codec import dump_summaries

    # One row holding every summary: listing 1,700 titles then costs one read, one checksum
    # and one decode instead of 1,700 of each.
    summaries = [summary_of(dataset, show) for show in dataset.shows.values()]
    blob = dump_summaries(summaries)
    connection.execute(
        "INSERT INTO summaries VALUES (?, ?, ?)", (_SUMMARIES, blob, _crc(_SUMMARIES, blob))
    )
    # The whole catalogue's listing, already JSON text, in the order answers.listing's
    # catalogue() sorts it: `list --json` of every title is then one read, not 1,700 records
    # decoded and encoded again. Keyed by its number of titles, checked when it is read.
    from kdrama_cli.catalogue.jsontext import dumps

    ordered = sorted(summaries, key=lambda s: s.sort_key)
    top10_to = dataset.netflix_reach().top10_to
    text = dumps([summary_record(s, top10_to) for s in ordered], indent=None).encode("utf-8")
    key = f"{_SUMMARIES}:{len(ordered)}"
    connection.execute("INSERT INTO listing VALUES (?, ?, ?)", (key, text, _crc(key, text)))
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((*row, _crc(*row)) for row in name_rows(dataset)),
    )
    connection.executemany(
        "INSERT INTO credits VALUES (?, ?, ?)",
        ((person, slug, _crc(person, slug)) for person, slug in sorted(set(credit_rows(dataset)))),
    )
    # What "Did you mean" chooses from, one row per kind: a miss reads one row, not every name.
    connection.execute(
        "CREATE TABLE suggestions (kind TEXT PRIMARY KEY, blob BLOB NOT NULL, crc INTEGER NOT NULL)"
    )
    import marshal

    for kind in KEYED_KINDS:
        pairs: dict[str, str] = {}
        named = list(name_rows(dataset, (kind,)))
        for row in named:
            pairs.setdefault(row.key, row.label)
        # Labels only where "Did you mean" shows them; every key, for checking empty answers;
        # and in a row of its own, read only when a key matches, each key spaced at its words'
        # starts, as partial matches need (word_keys).
        labels = tuple(pairs.values()) if kind in ("show", "person") else ()
        keys, spaced = word_keys(named)
        for name, value in ((kind, (keys, labels)), (f"{kind} {_SPACED}", spaced)):
            blob = marshal.dumps(value)
            connection.execute(
                "INSERT INTO suggestions VALUES (?, ?, ?)", (name, blob, _crc(name, blob))
            )
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
    if dataset.layer_marks:  # none for a dataset of the base alone: its pages never ask
        from kdrama_cli.store.codec import dump_layer_marks

        blob = dump_layer_marks(dataset.layer_marks, dataset.layer_items, dataset.layer_roots)
        marks = (_LAYERS, blob, _crc(_LAYERS, blob))
        connection.execute("INSERT INTO layers VALUES (?, ?, ?)", marks)
    meta = {"format": str(FORMAT), "version": __version__, "roots": roots, "fts": fts}
    meta.update({f"count:{k}": str(v) for k, v in dataset.counts().items()})
    reach = dataset.netflix_reach()
    meta.update({f"reach:{k}": v for k, v in reach._asdict().items() if v is not None})
    for table in (*TABLES, "names", "credits", "summaries", "listing", "layers"):
        rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        meta[f"rows:{table}"] = str(rows)
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?, ?)", ((k, v, _crc(k, v)) for k, v in meta.items())
    )


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


def _encodable(value: object) -> bool:
    """Whether a query parameter can reach SQLite: any value but text holding lone surrogates."""
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _rows_in(
    connection: sqlite3.Connection, query: str, keys: Sequence[str], chunk: int = 500
) -> Iterator[Any]:
    """The rows of ``query`` (whose ``{marks}`` stands for the keys' placeholders) for every
    key, asked ``chunk`` keys at a time to stay under SQLite's limit on parameters."""
    keys = [key for key in keys if _encodable(key)]
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        yield from connection.execute(query.format(marks=", ".join("?" * len(part))), part)


class LazyTable(Mapping[str, T]):
    """A read-only mapping over one index table; each entry is decoded when first asked for,
    after its CRC and its key are checked."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        table: str,
        path: str = "",
        count: int | None = None,
        check: Callable[[], None] = lambda: None,
    ) -> None:
        if table not in TABLES:
            raise ValueError(table)
        self._connection = connection
        self._table = table
        self._path = path
        self._count = count
        self._check = check
        self._loaded: dict[str, T] = {}
        self._keys: list[str] | None = None
        self._verified = False

    def _rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        return _fetch(self._connection, self._path, sql, parameters)

    def _decode(self, key: str, blob: bytes, crc: int) -> T:
        if crc != _crc(key, blob):
            raise IndexDamaged(self._path, f"{self._table}[{key}] fails its checksum")
        try:
            value: T = load_record(blob)
        except Exception as error:  # noqa: BLE001 - any decoding failure means damage
            raise IndexDamaged(self._path, f"{self._table}[{key}]: {error}") from None
        if getattr(value, "slug", None) != key and getattr(value, "id", None) != key:
            raise IndexDamaged(self._path, f"{self._table}[{key}] holds another entry")
        return value

    def _get(self, key: str) -> T | None:
        if key in self._loaded:
            return self._loaded[key]
        rows = self._rows(
            f"SELECT id, blob, crc FROM {self._table} WHERE id = ?",  # noqa: S608
            (key,),
        )
        if not rows:
            return None
        value = self._decode(key, rows[0][1], rows[0][2])
        self._loaded[key] = value
        return value

    def __getitem__(self, key: str) -> T:
        """An entry asked for by id: the dataset refers to it, so a miss is checked (a key that
        should be there may have been lost with a damaged page)."""
        value = self._get(key)
        if value is None:
            self._verify_rows()
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """The entry, or ``default``: asking is not referring, so a miss is not checked."""
        value = self._get(key) if isinstance(key, str) else None
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        """Loads the entry too: a membership test is nearly always followed by a lookup. A
        miss here is an ordinary answer (is this name a slug?), so it is not checked."""
        if key in self._loaded:
            return True
        return isinstance(key, str) and self._get(key) is not None

    def many(self, keys: Iterable[str]) -> dict[str, T]:
        """The entries of ``keys`` that exist, read in one query per 500 keys."""
        missing = [key for key in dict.fromkeys(keys) if key not in self._loaded]
        query = f"SELECT id, blob, crc FROM {self._table} WHERE id IN ({{marks}})"  # noqa: S608
        try:
            for key, blob, crc in _rows_in(self._connection, query, missing):
                self._loaded[key] = self._decode(key, blob, crc)
        except sqlite3.Error as error:
            raise IndexDamaged(self._path, str(error)) from None
        if any(key not in self._loaded for key in missing):
            self._verify_rows()
        return self._loaded

    def __iter__(self) -> Iterator[str]:
        if self._keys is None:
            query = f"SELECT id FROM {self._table} ORDER BY rowid"  # noqa: S608
            keys = [row[0] for row in self._rows(query)]
            self._check_count(len(keys))
            self._keys = keys
        return iter(self._keys)

    def __len__(self) -> int:
        if self._keys is not None:
            return len(self._keys)
        if self._count is not None:
            return self._count
        query = f"SELECT count(*) FROM {self._table}"  # noqa: S608
        return int(self._rows(query)[0][0])

    def _verify_rows(self) -> None:
        """A miss must be real: compare the table's rows with the number written, and the
        whole file with its CRC (a damaged index page can hide a row that is there)."""
        if self._verified:
            return
        if self._count is not None:
            query = f"SELECT count(*) FROM {self._table}"  # noqa: S608
            self._check_count(int(self._rows(query)[0][0]))
        self._check()
        self._verified = True

    def _check_count(self, found: int) -> None:
        """A listing that misses rows would be silently short: compare with the stored count."""
        if self._count is not None and found != self._count:
            raise IndexDamaged(self._path, f"{self._table} has {found} rows, not {self._count}")

    def values(self) -> Any:
        """All entries, read in one pass (for commands that need the whole catalogue)."""
        query = f"SELECT id, blob, crc FROM {self._table} ORDER BY rowid"  # noqa: S608
        rows = self._rows(query)
        self._check_count(len(rows))
        for key, blob, crc in rows:
            if key not in self._loaded:
                self._loaded[key] = self._decode(key, blob, crc)
        return [self._loaded[key] for key in self]


_SUMMARIES = "all"


def _summaries(
    connection: sqlite3.Connection, path: str, count: int | None, check: Callable[[], None]
) -> list[Any]:
    """Every title's ShowSummary, from the one row that holds them all, checked by its CRC and
    counted against the number of titles the index recorded."""
    from kdrama_cli.store.codec import load_summaries

    _, blob = _one_row(connection, path, "summaries", _SUMMARIES)
    try:
        summaries = load_summaries(blob)
    except Exception as error:  # noqa: BLE001 - any decoding failure means damage
        raise IndexDamaged(path, f"summaries: {error}") from None
    if count is not None and len(summaries) != count:
        raise IndexDamaged(path, f"summaries holds {len(summaries)} titles, not {count}")
    if not summaries:
        check()  # an empty catalogue must be the dataset's, not the damage's
    return summaries


def _listing(
    connection: sqlite3.Connection, path: str, count: int | None, check: Callable[[], None]
) -> bytes:
    """The stored JSON listing of every title (UTF-8, as written), checked by its CRC and by
    the number of titles it was written for against the number the index recorded. Left
    encoded: printed to a UTF-8 stream as it is, it is never decoded and encoded again."""
    key, blob = _one_row(connection, path, "listing", None)
    if count is not None and key != f"{_SUMMARIES}:{count}":
        raise IndexDamaged(path, f"listing is for {key!r}, not {count} titles")
    if count == 0:
        check()  # an empty catalogue must be the dataset's, not the damage's
    return blob


_LAYERS = "all"


def _layer_marks(
    connection: sqlite3.Connection, path: str
) -> tuple[LayerMarks, LayerItems, LayerRoots]:
    """What layers made or changed (Dataset.layer_marks), the credits they added
    (Dataset.layer_items) and the path each came in through (Dataset.layer_roots), from the
    one row that holds them, checked by its CRC; asked only of an index that recorded it."""
    from kdrama_cli.store.codec import load_layer_marks

    _, blob = _one_row(connection, path, "layers", _LAYERS)
    try:
        return load_layer_marks(blob)
    except Exception as error:  # noqa: BLE001 - any decoding failure means damage
        raise IndexDamaged(path, f"layers: {error}") from None


def _one_row(
    connection: sqlite3.Connection, path: str, table: str, key: str | None
) -> tuple[str, bytes]:
    """The key and blob of the one row of ``table`` (summaries, listing, layers), the blob
    checked by its CRC; the row's key must be ``key``, or any text when None (the listing's
    says how many titles it was written for). Any other row, or none, is damage."""
    rows = _fetch(connection, path, f"SELECT id, blob, crc FROM {table}")
    if len(rows) != 1 or (
        rows[0][0] != key if key is not None else not isinstance(rows[0][0], str)
    ):
        raise IndexDamaged(path, f"{table} has {len(rows)} rows, not 1")
    found, blob, crc = rows[0]
    if not isinstance(blob, bytes) or crc != _crc(found, blob):
        raise IndexDamaged(path, f"{table} fails its checksum")
    return found, blob


def _fetch(
    connection: sqlite3.Connection, path: str, sql: str, parameters: Sequence[Any] = ()
) -> list[Any]:
    """All rows of a query; SQLite's own errors (a damaged file) become IndexDamaged.

    Text that is not Unicode (a byte a terminal sent in another encoding reaches Python as a
    lone surrogate) cannot be stored in the index, so it matches no row, as it matches no key
    of the in-memory tables; SQLite would refuse to encode it."""
    if not all(_encodable(value) for value in parameters):
        return []
    try:
        return connection.execute(sql, parameters).fetchall()
    except sqlite3.Error as error:
        raise IndexDamaged(path, str(error)) from None


#: The most rows a kind of name may have for ``SqliteLookup.containing`` to read its keys
#: through the (kind, key) index rather than the trigram index: some ten thousand index
#: entries are a millisecond or two to read, while the trigram index reads every name holding
#: the fragment, of every kind (people's notes, 856 rows in the shipped catalogue, and a
#: title's facets, 2,025, are read this way).
_SCANNED_KIND = 10_000


class SqliteLookup:
    """The Lookup protocol answered with indexed SQL over the ``names`` and ``credits`` tables.

    Every row returned is checked against its CRC, and against what was asked (the kind, the
    key), so a damaged table or index raises IndexDamaged instead of answering wrongly."""

    _NAME = "kind, target, label, how, name, key, crc"

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: str = "",
        fts: bool = False,
        rows: dict[str, int] | None = None,
        check: Callable[[], None] = lambda: None,
    ) -> None:
        self._connection = connection
        self._path = path
        self._fts = fts
        self._expected_rows = rows or {}
        self._verified = False
        self._check = check
        self._suggested: dict[str, Any] = {}
        self._sizes: dict[str, bool] = {}

    def verify(self) -> None:
        """Check that no table lost rows (what a damaged page of the file does silently).

        Asked when an answer comes out empty (a name that matches nothing, a person with no
        credits): an empty answer must be the dataset's, not the damage's."""
        if self._verified:
            return
        self._count_rows()
        self._check()
        self._verified = True

    def _count_rows(self) -> None:
        for table, expected in self._expected_rows.items():
            if table not in (*TABLES, "names", "credits"):
                continue
            found = _fetch(
                self._connection,
                self._path,
                f"SELECT count(*) FROM {table}",  # noqa: S608
            )[0][0]
            if found != expected:
                raise IndexDamaged(self._path, f"{table} has {found} rows, not {expected}")

    def _row(self, values: Sequence[Any]) -> NameRow:
        *fields, crc = values
        if len(fields) != 6 or crc != _crc(*fields):
            raise IndexDamaged(self._path, "a name fails its checksum")
        return NameRow(*fields)

    def _rows(self, sql: str, parameters: Sequence[Any]) -> list[NameRow]:
        return [self._row(row) for row in _fetch(self._connection, self._path, sql, parameters)]

    def _ranked(self, sql: str, parameters: Sequence[Any]) -> list[tuple[int, NameRow]]:
        """(rowid, row) pairs, for merging results in the names table's order."""
        rows = _fetch(self._connection, self._path, sql, parameters)
        return [(row[0], self._row(row[1:])) for row in rows]

    def _expect(self, rows: list[NameRow], check: Callable[[NameRow], bool]) -> list[NameRow]:
        if not all(check(row) for row in rows):
            raise IndexDamaged(self._path, "a name does not match what was asked")
        return rows

    def _matching(
        self,
        keys: Sequence[str],
        where: str = "1",
        extra: Sequence[Any] = (),
        scan: bool = False,
    ) -> list[tuple[int, NameRow]]:
        """Rows whose key contains every one of ``keys``: through the trigram index when every
        key is long enough for it (3 characters), otherwise (or when ``scan`` asks, as for a
        small kind of name) by scanning."""
        if not scan and self._fts and keys and all(len(k) >= 3 for k in keys):
            match = " AND ".join('"' + k.replace('"', '""') + '"' for k in keys)
            rows = self._ranked(
                f"SELECT n.rowid, n.{self._NAME.replace(', ', ', n.')} FROM names_fts"
                " JOIN names AS n ON n.rowid = names_fts.rowid"
                f" WHERE names_fts MATCH ? AND {where} ORDER BY n.rowid",  # noqa: S608
                (match, *extra),
            )
            return [(i, r) for i, r in rows if all(k in r.key for k in keys)]
        contains = " AND ".join("instr(key, ?) > 0" for _ in keys) or "1"
        rows = self._ranked(  # the table named n, as in the join above: ``where`` may say n.key
            f"SELECT rowid, {self._NAME} FROM names AS n"  # noqa: S608
            f" WHERE {contains} AND {where} ORDER BY rowid",
            (*keys, *extra),
        )
        self._expect([r for _, r in rows], lambda r: all(k in r.key for k in keys))
        return rows

    def exact(self, kind: str, key: str) -> list[NameRow]:
        rows = self._rows(
            f"SELECT {self._NAME} FROM names WHERE kind = ? AND key = ? ORDER BY rowid",  # noqa: S608
            (kind, key),
        )
        return self._expect(rows, lambda r: r.kind == kind and r.key == key)

    def containing(self, kind: str, key: str) -> list[NameRow]:
        # The word-start test runs inside SQLite: a fragment of a word common to thousands of
        # names would otherwise decode and checksum every one of them only to drop it.
        rows = [
            row
            for _, row in self._matching(
                [key],
                "kind = ? AND part_of_name(n.name, n.key, ?, n.label)",
                (kind, key),
                scan=self._few(kind),
            )
        ]
        return self._expect(
            rows, lambda r: r.kind == kind and part_of_name(r.name, r.key, key, r.label)
        )

    def _few(self, kind: str) -> bool:
        """Whether a kind of name has so few rows that reading its keys in the (kind, key)
        index is cheaper than the trigram index: a fragment common to names of other kinds
        ('synthetic' in all 590,000 names at 10,000 titles) made the trigram index walk every
        one of them to find the few people's notes holding it. Counted no further than the
        bound, once a run."""
        if kind not in self._sizes:
            counted = _fetch(
                self._connection,
                self._path,
                "SELECT count(*) FROM (SELECT 1 FROM names WHERE kind = ? LIMIT ?)",
                (kind, _SCANNED_KIND + 1),
            )[0][0]
            self._sizes[kind] = counted <= _SCANNED_KIND
        return self._sizes[kind]

    def names(self, kind: str) -> list[NameRow]:
        rows = self._rows(
            f"SELECT {self._NAME} FROM names WHERE kind = ? ORDER BY rowid",  # noqa: S608
            (kind,),
        )
        return self._expect(rows, lambda r: r.kind == kind)

    def confirm_empty(self, would_match: Callable[[NameLookup], bool]) -> None:
        """An empty lookup of a title or person is the dataset's, not the damage's: checked
        against the index's second, checksummed copy of every name key those lookups use
        (answers.finding.would_match), far cheaper at scale than checking the whole file."""
        self._count_rows()
        if would_match(KeysLookup(lambda kind: self._keyed(kind)[0], self.spaced_keys)):
            raise IndexDamaged(self._path, "a name the index should have is missing")

    def keys_and_labels(self, kind: str) -> tuple[Sequence[str], Sequence[str]]:
        """Each key of one kind once, and its first label, from the one ``suggestions`` row of
        that kind (a miss's "Did you mean" at 10,000 titles would otherwise read 50,000
        rows)."""
        keys, labels = self._keyed(kind)
        if len(labels) != len(keys):
            raise IndexDamaged(self._path, f"suggestions for {kind} have no labels")
        return keys, labels

    def _keyed(self, kind: str) -> tuple[Sequence[str], Sequence[str]]:
        """One kind's keys, and their labels where "Did you mean" shows them (else none)."""
        if kind not in KEYED_KINDS:
            raise ValueError(f"no suggestions are kept for {kind!r}")
        value = self._suggestions(kind)
        if not (isinstance(value, tuple) and len(value) == 2):
            raise IndexDamaged(self._path, f"suggestions for {kind} are not names")
        keys, labels = value
        if not isinstance(keys, tuple) or not isinstance(labels, tuple):
            raise IndexDamaged(self._path, f"suggestions for {kind} are not names")
        return keys, labels

    def spaced_keys(self, kind: str) -> Sequence[str]:
        """The kind's keys, each spaced where its names' words begin (KeysLookup)."""
        keys, _ = self._keyed(kind)
        spaced = self._suggestions(f"{kind} {_SPACED}")
        if not isinstance(spaced, tuple) or len(spaced) != len(keys):
            raise IndexDamaged(self._path, f"spaced keys for {kind} do not pair up")
        return spaced

    def _suggestions(self, name: str) -> Any:
        """One row of the ``suggestions`` table, checked and decoded once."""
        if name in self._suggested:
            return self._suggested[name]
        import marshal

        rows = _fetch(
            self._connection,
            self._path,
            "SELECT kind, blob, crc FROM suggestions WHERE kind = ?",
            (name,),
        )
        if len(rows) != 1 or not isinstance(rows[0][1], bytes):
            raise IndexDamaged(self._path, f"suggestions for {name} are missing")
        _, blob, crc = rows[0]
        if crc != _crc(name, blob):
            raise IndexDamaged(self._path, f"suggestions for {name} fail their checksum")
        try:
            value = marshal.loads(blob)
        except Exception as error:  # noqa: BLE001 - any decoding failure means damage
            raise IndexDamaged(self._path, f"suggestions for {name}: {error}") from None
        self._suggested[name] = value
        return value

    def search_rows(self, key: str, words: Sequence[str]) -> list[NameRow]:
        names = self._matching(
            [key], f"kind NOT IN ({', '.join('?' for _ in NOT_SEARCHED)})", NOT_SEARCHED
        )
        self._expect([r for _, r in names], lambda r: r.kind not in NOT_SEARCHED)
        genres = self._ranked(
            f"SELECT rowid, {self._NAME} FROM names"  # noqa: S608
            " WHERE kind = 'genre' AND key = ? ORDER BY rowid",
            (key,),
        )
        self._expect([r for _, r in genres], lambda r: r.kind == "genre" and r.key == key)
        synopses = self._matching(list(words), "kind = 'synopsis'") if words else []
        # In the names table's order, as the in-memory lookup returns them.
        return [row for _, row in sorted(names + genres + synopses, key=lambda pair: pair[0])]

    def title_rows_holding(self, keys: Sequence[str]) -> list[NameRow]:
        """The title rows whose key holds every one of keys, through the trigram index."""
        if not keys:
            return []
        rows = self._matching(list(keys), "kind = 'show'")
        self._expect([r for _, r in rows], lambda r: r.kind == "show")
        return [row for _, row in rows]

    def _credits(self, rows: Iterable[Sequence[Any]]) -> list[tuple[str, str]]:
        pairs = []
        for person_id, slug, crc in rows:
            if crc != _crc(person_id, slug):
                raise IndexDamaged(self._path, "a credit fails its checksum")
            pairs.append((person_id, slug))
        return pairs

    def titles_of(self, person_id: str) -> set[str]:
        return self._credits_where("person", [person_id]).get(person_id, set())

    def titles_of_people(self, person_ids: Iterable[str]) -> dict[str, set[str]]:
        """Many people's titles in one query per thousand people (a search's whole frontier)."""
        return self._credits_where("person", list(person_ids))

    def people_in(self, slugs: Iterable[str]) -> dict[str, set[str]]:
        return self._credits_where("slug", list(slugs))

    def _credits_where(self, column: str, asked: list[str]) -> dict[str, set[str]]:
        """Person id -> slugs of the credits whose ``column`` ("person" or "slug") is one of
        ``asked``; a row for something not asked is damage, and an empty answer is checked."""
        query = f"SELECT person, slug, crc FROM credits WHERE {column} IN ({{marks}})"
        try:
            pairs = self._credits(_rows_in(self._connection, query, asked))
        except sqlite3.Error as error:
            raise IndexDamaged(self._path, str(error)) from None
        wanted = set(asked)
        result: dict[str, set[str]] = defaultdict(set)
        for person_id, slug in pairs:
            if (person_id if column == "person" else slug) not in wanted:
                raise IndexDamaged(self._path, "a credit does not match what was asked")
            result[person_id].add(slug)
        if asked and not result:
            self.verify()
        return dict(result)


def load(paths: Sequence[PathLike], cache_dir: PathLike | None, use_cache: bool = True) -> Dataset:
    """The dataset, from an index when one is fresh (the user's cache first, then the one
    built into the package for the shipped dataset), otherwise parsed (and the index rebuilt
    in the cache, when there is a trusted one)."""
    if use_cache:
        cached = open_index(cache_dir, paths) if cache_dir is not None else None
        if cached is None:
            cached = open_shipped(paths)
        if cached is not None:
            return cached
    from kdrama_cli.catalogue.loader import (
        files_missing,
        load_dataset,  # the parser: only when the index cannot answer
    )

    missing = files_missing(paths)
    if missing:  # said at once, not after parsing every other file (no index has them)
        from kdrama_cli.catalogue.problems import DatasetError

        raise DatasetError(missing)
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


class Cleared(Record):
    """What `cache clear` removed: ``indexes`` (with their sidecars and temporary files),
    completion ``names`` lists and stored ``pages``; ``lock_held``: the build lock was kept,
    as another run holds it while it compiles."""

    indexes: int = 0
    names: int = 0
    pages: int = 0
    lock_held: bool = False
    #: Every file removed, the lock and leftovers (a sidecar without its index, a temporary
    #: file) included: a clear that found no index still says it removed something.
    files: int = 0
    #: This user's files that were to go and are still there (a folder they may not change).
    left: int = 0
    #: Why they are still there, when the folder says ("Permission denied"), else None.
    why_left: str | None = None


def clear(cache_dir: PathLike) -> Cleared:
    """Remove every index, its sidecars and temporary files, every page and the folder they
    are in, and the build lock unless another run holds it. ``cache_dir`` must be trusted;
    links are removed, never followed, and only this user's files and folder go. While another
    run holds the lock, its temporary files are its index being written: only the stale ones
    (what a killed build left) go, so that its build does not fail at the rename."""
    from kdrama_cli.store.pages import clear_pages, remove_pages_folder

    folder = os.fspath(cache_dir)
    pages = clear_pages(folder)
    remove_pages_folder(folder)
    before = _list(folder)
    lock = _remove_build_lock(folder)
    if lock == "held":
        files = remove_named(folder, lambda name: "index-" in name and not name.endswith(".tmp"))
        files += remove_files(folder, stale_only=True)
    else:
        files = remove_files(folder, "index-") + remove_files(folder, ".tmp")
    after = _list(folder)
    left = _left_behind(folder, after, lock == "held")
    return Cleared(
        indexes=_count(before, ".sqlite") - _count(after, ".sqlite"),
        names=_count(before, ".names") - _count(after, ".names"),
        pages=pages,
        lock_held=lock == "held",
        files=files + pages + (lock == "removed"),
        left=left,
        why_left=_why_unchangeable(folder) if left else None,
    )


def _count(listed: Sequence[str], ending: str) -> int:
    """How many of the folder's entries ``listed`` are indexes (".sqlite") or name lists."""
    return sum(1 for entry in listed if entry.startswith("index-") and entry.endswith(ending))


def _left_behind(folder: str, listed: Sequence[str], lock_held: bool) -> int:
    """How many of this user's files (or links) clear() removes are still in ``folder``: a
    removal that failed (the helpers go on without a word), so the count said is not what was
    removed. Temporary files are another run's build while it holds the lock."""
    left = 0
    for name in listed:
        if not ("index-" in name or name.endswith(".tmp")) or (lock_held and name.endswith(".tmp")):
            continue
        try:
            info = os.lstat(os.path.join(folder, name))
        except OSError:
            continue
        left += stat.S_ISLNK(info.st_mode) or is_own_file(info)
    return left


def _why_unchangeable(folder: str) -> str | None:
    """The reason when this user may not remove entries from ``folder``, else None: "Read-only
    file system" for a read-only mount (where the owner, even root, may not: "Permission
    denied" sent them to check the folder's mode), else "Permission denied" (its mode, chattr
    +i)."""
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    return os.strerror(errno.EROFS if _on_read_only_mount(folder) else errno.EACCES)


def _on_read_only_mount(folder: str) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (False where that cannot be
    told: Windows has no statvfs)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 0))
    except OSError:
        return False


def _remove_build_lock(folder: str) -> Literal["removed", "held", "kept"]:
    """Remove the build lock (a link to anywhere: the link), taken first so that no run that
    holds it, compiling, loses it to a new one: "held" when another run holds it, "kept" when
    there is none or it is not this user's to remove."""
    from kdrama_cli.catalogue.locking import LockBusy, locked

    path = os.path.join(folder, BUILD_LOCK)
    try:
        info = os.lstat(path)
    except OSError:
        return "kept"
    if not stat.S_ISLNK(info.st_mode) and own_regular_file(path) is None:
        return "kept"  # not this user's file: left alone, as every removal here
    try:
        if stat.S_ISLNK(info.st_mode):
            os.unlink(path)
            return "removed"
        with locked(path, wait=0):
            os.unlink(path)  # a run that opens it from now on makes a new one
    except LockBusy:
        return "held"
    except OSError:
        return "kept"  # in use where that forbids it (Windows)
    return "removed"


def discard(path: str) -> None:
    """Remove a damaged index of the cache and what was written beside it, so the next run
    rebuilds it. The index built into the package is never removed (the next run parses)."""
    if os.path.basename(path) == SHIPPED_NAME:
        REFUSED.add(path)  # this run answers again by parsing
        return
    _remove_index(path)


def _remove_index(path: str) -> int:
    """Remove an index of the cache with its sidecar and completion names, each only when it
    is a regular file of this user's (never through a link), and the pages rendered from it;
    1 when the index went."""
    from kdrama_cli.store.pages import clear_pages, names_file

    removed = 0
    for name in (path, sidecar_file(path), names_file(path)):
        if own_regular_file(name) is not None:
            with contextlib.suppress(OSError):  # in use where that forbids it (Windows): kept
                os.unlink(name)
                if name == path:
                    removed = 1
    clear_pages(os.path.dirname(path), path)
    return removed


#: How many indexes of this version a build leaves in the cache, the one it built among them:
#: those used last. Each is about 15 MB over the shipped data, and one is made for every list of
#: dataset files (every `--add-data` combination, every `--data` file), so they would pile up.
KEEP_INDEXES = 4
#: An index, and the sidecar and names written beside it, as the cache names them (compiled by
#: re when prune first uses it, not by every run that imports the index).
_INDEX_FILE = r"(index-[0-9a-f]{8}-[0-9a-f]{8}\.sqlite)(\.files|\.names)?"


def prune(folder: str, built: str) -> int:
    """After ``built`` is compiled into ``folder`` (a trusted cache directory, under the build
    lock): remove the indexes no run of this version opens again, those of another
    INDEX_FORMAT or package version (as their sidecars say) or with no sidecar, and of this
    version's, all but the KEEP_INDEXES used last (by the file's access time, which most
    systems update about once a day; where they do not, by when it was built). Sidecars and
    names left without their index go too. The number of indexes removed.

    Only this user's regular files directly in ``folder`` are touched, by name, never through
    a link. A run reading a removed index keeps its open file (POSIX unlinks the name, not the
    file), and one about to open it finds none and parses; either answers right. An index, or
    a file beside one, written less than STALE_TEMPORARY_SECONDS ago and not yet described by
    a sidecar may be a build of another version under way, and is left."""
    from kdrama_cli.catalogue.leftovers import STALE_TEMPORARY_SECONDS

    now = time.time()
    current: list[tuple[float, str]] = []
    doomed: list[str] = []
    orphans: list[str] = []
    names = {entry.name: entry for entry in _scan(folder)}
    for name, entry in names.items():
        matched = re.fullmatch(_INDEX_FILE, name)
        info = own_regular_file(entry.path) if matched else None
        if matched is None or info is None or name == os.path.basename(built):
            continue
        fresh = now - info.st_mtime < STALE_TEMPORARY_SECONDS
        if matched[2]:  # a sidecar or names file: kept while its index is there
            if matched[1] not in names and not fresh:
                orphans.append(entry.path)
            continue
        maker = _built_by(entry.path)
        if maker == (str(FORMAT), __version__):
            current.append((max(info.st_atime, info.st_mtime), entry.path))
        elif maker is not None or not fresh:
            doomed.append(entry.path)
    current.sort(reverse=True)
    doomed += [path for _, path in current[KEEP_INDEXES - 1 :]]
    removed = sum(_remove_index(path) for path in doomed)
    for path in orphans:
        with contextlib.suppress(OSError):
            os.unlink(path)
    return removed


def _scan(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def _built_by(index: str) -> tuple[str, str] | None:
    """The INDEX_FORMAT and package version an index's sidecar says built it, or None when it
    has no sidecar that can be read (such an index is never opened: open_index)."""
    raw = read_bytes(sidecar_file(index))
    if raw is None:
        return None
    header = raw.split(b"\n", 1)[0].decode("utf-8", "replace").split("\t")
    return (header[0], header[1]) if len(header) >= 2 else None


def _list(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []

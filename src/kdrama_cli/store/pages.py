"""A cache of rendered pages, so a repeated lookup prints without importing or running Rich.

A page is stored under a key made of everything its bytes depend on: the package version, the
index it was rendered from (which changes whenever any dataset file changes), the command and
its options, and every input Rich reads to decide width, colour and encoding (the terminal's
size and the environment variables for them). The full key is stored inside the page and
compared on reading, so a clash of file names can only cost a miss. Pages that would go
through a pager or an export are never cached.
"""

import contextlib
import os
import sys
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from kdrama_cli import __version__
from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.store.files import INDEX_FORMAT, cache_file, sidecar_file

# The environment variables Rich (and the terminal encoding) consult.
_RELEVANT_ENV = frozenset(
    [
        "COLUMNS",
        "LINES",
        "TERM",
        "TERM_PROGRAM",
        "COLORTERM",
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "JUPYTER_COLUMNS",
        "JUPYTER_LINES",
        "COLORFGBG",
        "WT_SESSION",
        "ConEmuANSI",
        "ANSICON",
        "PYTHONIOENCODING",
        "PYTHONLEGACYWINDOWSSTDIO",
        "LANG",
        "LC_ALL",
        "LC_CTYPE",
    ]
)
FORMAT = "kdrama-page-1"


def fresh_index_id(cache_dir: PathLike, paths: Sequence[PathLike]) -> str | None:
    """The id of a fresh index, checked from its sidecar with os.stat only (no SQLite, no
    hashing), or None when anything differs: then the full check in open_index decides."""
    target = cache_file(cache_dir, paths)
    try:
        with open(sidecar_file(target), encoding="utf-8") as stream:
            header, *entries = stream.read().splitlines()
        index_format, version, size, mtime_ns = header.split("\t")
        if index_format != str(INDEX_FORMAT) or version != __version__:
            return None
        index_stat = os.stat(target)
        if (str(index_stat.st_size), str(index_stat.st_mtime_ns)) != (size, mtime_ns):
            return None
        for entry in entries:
            name, *signature = entry.rsplit("\t", 3)
            stat = os.stat(name)
            if signature != [str(stat.st_size), str(stat.st_mtime_ns), str(stat.st_ctime_ns)]:
                return None
    except (OSError, ValueError):
        return None
    return index_id(target, index_stat)


def index_id(target: str, stat: os.stat_result) -> str:
    return f"{target}:{stat.st_size}:{stat.st_mtime_ns}"


def completion_rows(
    cache_dir: PathLike, paths: Sequence[PathLike], kind: str
) -> list[tuple[str, str, str]] | None:
    """(target, label, name) rows of one kind from a fresh index's names file, or None."""
    if fresh_index_id(cache_dir, paths) is None:
        return None
    try:
        with open(names_file(cache_file(cache_dir, paths)), encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except OSError:
        return None
    rows = []
    for line in lines:
        row_kind, target, label, name = line.split("\t")
        if row_kind == kind:
            rows.append((target, label, name))
    return rows


def names_file(index: str) -> str:
    return index + ".names"


def page_key(index_id: str, request: Any) -> str:
    """Everything a rendered page depends on, as one string."""
    stream = sys.stdout
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    size: tuple[int, int] | None = None
    if tty:
        try:
            terminal = os.get_terminal_size(stream.fileno())
            size = (terminal.columns, terminal.lines)
        except (OSError, AttributeError, ValueError):
            size = None
    environment = sorted((k, v) for k, v in os.environ.items() if k in _RELEVANT_ENV)
    encoding = (getattr(stream, "encoding", None), getattr(stream, "errors", None))
    parts = (
        FORMAT,
        __version__,
        _code_stamp(),
        index_id,
        request,
        environment,
        tty,
        size,
        encoding,
    )
    return repr(parts)


def _code_stamp() -> str:
    """The package's own source files by size and mtime: an edited renderer (an editable
    install, a developer's checkout) must not replay pages the old code drew."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamp = []
    layers = ("commands", "views", "answers", "store", "catalogue")
    for folder in (package, *(os.path.join(package, layer) for layer in layers)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                stamp.append((entry.path, info.st_size, info.st_mtime_ns))
    data = repr(sorted(stamp)).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _file(cache_dir: str, key: str) -> str:
    data = key.encode("utf-8", "surrogatepass")
    name = f"page-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.txt"
    return os.path.join(cache_dir, "pages", name)


def read_page(cache_dir: str, key: str) -> str | None:
    """The stored page for this key, or None."""
    try:
        with open(_file(cache_dir, key), encoding="utf-8", newline="") as stream:
            stored_key = stream.readline().rstrip("\n")
            if stored_key != key.replace("\n", "\\n"):
                return None
            return stream.read()
    except (OSError, UnicodeDecodeError):
        return None


def write_page(cache_dir: str, key: str, page: str) -> None:
    """Store a page (best effort: an unwritable cache only means no reuse)."""
    target = _file(cache_dir, key)
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(key.replace("\n", "\\n") + "\n")
            stream.write(page)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def clear_pages(cache_dir: str) -> int:
    """Remove every stored page; the number removed."""
    folder = os.path.join(cache_dir, "pages")
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        try:
            os.unlink(os.path.join(folder, name))
            removed += 1
        except OSError:
            pass
    return removed


def request_of(
    params: Mapping[str, Any], command_path: str, command_params: Mapping[str, Any]
) -> Any:
    """The parts of an invocation that decide a page: global options, command, its options."""
    return (
        command_path,
        tuple(sorted((k, repr(v)) for k, v in params.items())),
        tuple(sorted((k, repr(v)) for k, v in command_params.items())),
    )

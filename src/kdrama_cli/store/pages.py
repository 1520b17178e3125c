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
import stat as stat_module
import sys
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from kdrama_cli import __version__
from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.catalogue.printable import at_a_terminal, clean
from kdrama_cli.store.files import INDEX_FORMAT, cache_file, sidecar_file, unescape_field
from kdrama_cli.store.trust import (
    own_regular_file,
    owned_by_user,
    read_bytes,
    remove_files,
    remove_named,
    subdir,
    write_bytes,
)

# The environment variables Rich (and the terminal encoding) consult.
_RELEVANT_ENV = frozenset(
    [
        "COLUMNS",
        "LINES",
        "KDRAMA_SEEN",
        "XDG_DATA_HOME",
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
FORMAT = "kdrama-page-4"
PAGES = "pages"
#: How every page this package writes is named at first: the page FORMAT and the package
#: version, as a stamp. A page of another stamp is never read again (its key would not match
#: either), so a build removes it by its name: an older format's, another version's (the
#: shipped index's pages too, whose tag stays the same from one version to the next).
_NAME_START = "page-{:08x}-".format(zlib.crc32(f"{FORMAT}\t{__version__}".encode()))


def _sidecar(target: str) -> tuple[str, int, int, list[tuple[str, str, str, str]]] | None:
    """(format and version, index size, index mtime, [(file, size, mtime, ctime)]) from the
    index's sidecar, or None when it is missing or malformed (an untrusted input)."""
    raw = read_bytes(sidecar_file(target))
    if raw is None:
        return None
    try:
        header, *entries = raw.decode("utf-8", "surrogatepass").splitlines()
        index_format, version, size, mtime_ns, _crc = header.split("\t")
        files = []
        for entry in entries:
            name, file_size, file_mtime, file_ctime = entry.rsplit("\t", 3)
            files.append((unescape_field(name), file_size, file_mtime, file_ctime))
        return f"{index_format}\t{version}", int(size), int(mtime_ns), files
    except (UnicodeDecodeError, ValueError):
        return None


def fresh_index_id(cache_dir: PathLike, paths: Sequence[PathLike]) -> str | None:
    """The id of a fresh index, checked from its sidecar with os.stat only (no SQLite, no
    hashing), or None when anything differs: then the full check in open_index decides."""
    target = cache_file(cache_dir, paths)
    sidecar = _sidecar(target)
    if sidecar is None or sidecar[0] != f"{INDEX_FORMAT}\t{__version__}":
        return None
    index_stat = own_regular_file(target)
    if index_stat is None or (index_stat.st_size, index_stat.st_mtime_ns) != sidecar[1:3]:
        return None
    try:
        for name, *signature in sidecar[3]:
            stat = os.stat(name)
            if signature != [str(stat.st_size), str(stat.st_mtime_ns), str(stat.st_ctime_ns)]:
                return None
    except (OSError, ValueError):
        return None
    return index_id(target, index_stat)


def current_index_id(cache_dir: PathLike | None, paths: Sequence[PathLike]) -> str | None:
    """The id of the index a run would answer from, as kdrama_cli.store.index.load picks it:
    the user's fresh index, else the one built into the package for the shipped dataset."""
    if cache_dir is not None:
        found = fresh_index_id(cache_dir, paths)
        if found is not None:
            return found
    from kdrama_cli.store.shipped import package_file, shipped_index, shipped_record

    target = shipped_index(paths)
    if target is None:
        return None
    info = package_file(target)
    recorded = shipped_record(target)
    if info is None or recorded is None or recorded[0] != info.st_size:
        return None
    return index_id(target, info)


def index_id(target: str, stat: os.stat_result) -> str:
    return f"{target}:{stat.st_size}:{stat.st_mtime_ns}"


def index_tag(target: str) -> str:
    """The part of a stored page's file name that says which index file (by its path) the page
    was rendered from, so a build removes the pages of the index it replaces and no others."""
    return f"{zlib.crc32(target.encode('utf-8', 'surrogatepass')):08x}"


#: The line of the names file after which its names written in Hangul alone come: only what
#: was typed in Hangul (or other non-ASCII letters) can match them, so typing in ASCII, the
#: usual case, reads the file up to this line only. (It is not a row: a full reading skips it.)
HANGUL_NAMES = "#hangul"


#: The names file's first line: this, then the CRC-32 of the rest in hex, so a damaged file
#: is set aside (completion then reads the dataset) rather than offering nothing until the
#: next index build.
NAMES_CRC = "#crc"


def names_text(body: bytes) -> bytes:
    """The names file's bytes: its CRC line, then ``body``."""
    return f"{NAMES_CRC} {zlib.crc32(body):08x}\n".encode() + body


def _names_body(raw: bytes) -> bytes | None:
    """The rows of a names file whose CRC line matches them, else None."""
    head, _, body = raw.partition(b"\n")
    return body if head == f"{NAMES_CRC} {zlib.crc32(body):08x}".encode() else None


def hangul_only(name: str) -> bool:
    """Whether ASCII typing can never complete ``name``: it holds Hangul, does not start with
    an ASCII character and has no ASCII letter or digit a word could start with. 'TV 동물농장',
    'SKY 캐슬' and '시지프스: The Myth' can be reached in ASCII, so they are not."""
    from kdrama_cli.catalogue.folding import has_hangul

    if not has_hangul(name) or name[:1].isascii():
        return False
    return not any(ch.isascii() and ch.isalnum() for ch in name)


def completion_rows(
    cache_dir: PathLike | None, paths: Sequence[PathLike], kind: str, typed: str = ""
) -> list[tuple[str, str, str]] | None:
    """(target, label, name) rows of one kind from a fresh index's names file, or None; only
    those whose target or name starts with ``typed`` (casefolded), when it is given.

    The file is untrusted input: a line that is not four fields is skipped, and what reaches the
    shell is made printable (and matched as printed)."""
    index = current_index_id(cache_dir, paths)
    if index is None:
        return None
    target = index.rsplit(":", 2)[0]
    if cache_dir is not None and target == cache_file(cache_dir, paths):
        raw = read_bytes(names_file(target))
    else:
        from kdrama_cli.store.shipped import read_bytes_anyone

        raw = read_bytes_anyone(names_file(target), limit=64 * 1024 * 1024)
    raw = _names_body(raw) if raw is not None else None
    if raw is None:
        return None
    if typed.isascii():  # a name of Hangul alone cannot start with it, nor have a word that does
        raw = raw.split(f"\n{HANGUL_NAMES}\n".encode(), 1)[0]
    if typed and not raw.translate(None, _PRINTABLE_BYTES):
        lines = _candidates(raw, kind, typed)
    else:
        lines = raw.decode("utf-8", "replace").splitlines()
    rows = []
    for line in lines:
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] != kind or not fields[1]:
            continue
        target, name = clean(fields[1]), clean(fields[3])
        if typed and not completes(target, name, typed):
            continue  # most rows: skipped before their label is cleaned
        rows.append((target, clean(fields[2]), name))
    return rows


def completes(target: str, name: str, typed: str) -> bool:
    """Whether TAB can offer this slug or id for what was typed (casefolded): the slug, or
    the name, starts with it; or, from three letters (two Hangul syllables), a word of the
    name or slug does (`glory`: the-glory; `attorney w`: extraordinary-attorney-woo), as a
    partial name must start a word. The shell puts the whole slug on the line in place of the
    word. (completion._complete offers word matches only when nothing starts with what was
    typed.)"""
    if target.startswith(typed):
        return True
    folded = name.casefold()
    if folded.startswith(typed):
        return True
    if len(typed) < (3 if typed.isascii() else 2):
        return False
    return _from_a_word(folded, typed) or _from_a_word(target, typed)


def _from_a_word(text: str, typed: str) -> bool:
    """Whether ``typed`` starts at one of the words of ``text`` (after a space, hyphen...)."""
    start = text.find(typed)
    while start >= 0:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(typed, start + 1)
    return False


#: Tab, newline, printable ASCII and every byte of a non-ASCII character: a names file made of
#: these alone has no control character for clean() to take out of an ASCII line.
_PRINTABLE_BYTES = bytes([9, 10, *range(32, 127), *range(128, 256)])


def _candidates(raw: bytes, kind: str, typed: str) -> list[str]:
    """The lines of a names file that can hold a row of ``kind`` matching ``typed``, found
    without decoding, splitting and folding every line (a TAB costs this on thousands).

    Only for a file whose ASCII lines have no control characters: clean() then leaves an ASCII
    line as it is, and folding its case is ``bytes.lower``, so an ASCII line can match only if
    it starts with the kind and holds what was typed (ASCII too) once lowered. Every other line
    is decoded and split as the full reading does."""
    prefix = f"{kind}\t".encode()
    needle = typed.encode() if typed.isascii() else None
    lines: list[str] = []
    for line in raw.split(b"\n"):
        if line.isascii():
            if needle is not None and line.startswith(prefix) and needle in line.lower():
                lines.append(line.decode("ascii"))
        else:
            lines.extend(line.decode("utf-8", "replace").splitlines())
    return lines


def names_file(index: str) -> str:
    return index + ".names"


def page_key(index_id: str, request: Any) -> str:
    """Everything a rendered page depends on, as one string. It starts with the index_tag of
    the index the page comes from and a space: the page's file name holds that tag, after the
    stamp of this format and version (_name)."""
    stream = sys.stdout
    tty = at_a_terminal(stream)
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
    return f"{index_tag(index_id.rsplit(':', 2)[0])} {parts!r}"


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


def _name(key: str) -> str:
    """page-STAMP-TAG-HASH.txt: the stamp of this page format and package version
    (_NAME_START), the tag of the page's index (page_key starts with it), then a hash of the
    whole key."""
    tag = key.split(" ", 1)[0]
    data = key.encode("utf-8", "surrogatepass")
    return f"{_NAME_START}{tag}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.txt"


def read_page(cache_dir: str, key: str) -> tuple[list[str], str] | None:
    """The stored page for this key, as (the lines said on stderr beside it, the page), or
    None. A stored page is a header line (the CRC-32 of the rest, a tab, the full key), a line
    with the number of stderr lines, those lines, and the page; any mismatch means a miss. The
    lines are untrusted like the rest: the caller prints them through say()'s cleaning."""
    raw = read_bytes(os.path.join(cache_dir, PAGES, _name(key)))
    if raw is None:
        return None
    header, _, body = raw.partition(b"\n")
    expected = f"{zlib.crc32(body):08x}\t{_one_line(key)}".encode("utf-8", "surrogatepass")
    if header != expected:
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    count, _, rest = text.partition("\n")
    if not (count.isascii() and count.isdigit()) or len(count) > 3:  # int() refuses '²'
        return None
    notes = rest.split("\n", int(count))
    if len(notes) <= int(count):
        return None
    return notes[:-1], notes[-1]


def write_page(cache_dir: str, key: str, page: str | bytes, notes: Sequence[str] = ()) -> None:
    """Store a page, text or its UTF-8 bytes, with the lines said on stderr beside it (best
    effort: an unwritable cache only means no reuse)."""
    folder = subdir(cache_dir, PAGES)
    if folder is None:
        return
    lines = [clean(note) for note in notes]  # one line each: clean() turns newlines to spaces
    try:
        said = "".join(f"{line}\n" for line in lines).encode("utf-8")
        body = f"{len(lines)}\n".encode() + said
        body += page if isinstance(page, bytes) else page.encode("utf-8")
    except UnicodeEncodeError:
        return
    header = f"{zlib.crc32(body):08x}\t{_one_line(key)}\n".encode("utf-8", "surrogatepass")
    write_bytes(os.path.join(folder, _name(key)), header + body)


def _one_line(key: str) -> str:
    return key.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def clear_pages(cache_dir: str, index: str | None = None) -> int:
    """Remove the stored pages rendered from the index file ``index`` (one of the cache's,
    rebuilt or removed) and those no run of this version reads again (another page format's or
    package version's, by _NAME_START), or every stored page; the number removed. Only this
    user's files go, and links, never what they point at. A ``pages`` that is a link (or
    anything but this user's directory) is removed itself, never looked through."""
    folder = os.path.join(cache_dir, PAGES)
    try:
        info = os.lstat(folder)
    except OSError:
        return 0
    if stat_module.S_ISLNK(info.st_mode) or not stat_module.S_ISDIR(info.st_mode):
        with contextlib.suppress(OSError):
            os.unlink(folder)
        return 0
    if subdir(cache_dir, PAGES) is None:
        return 0  # not this user's: leave it alone
    if index is None:
        return remove_files(folder)
    rendered_from_index = f"{_NAME_START}{index_tag(index)}-"

    def stale(name: str) -> bool:
        if rendered_from_index in name:
            return True
        return (
            name.startswith("page-") and name.endswith(".txt") and not name.startswith(_NAME_START)
        )

    return remove_named(folder, stale)


def remove_pages_folder(cache_dir: str) -> None:
    """Remove the (emptied) folder of stored pages, when it is this user's own directory: a
    folder with anything left in it, or someone else's, stays."""
    folder = os.path.join(cache_dir, PAGES)
    try:
        info = os.lstat(folder)
    except OSError:
        return
    if stat_module.S_ISDIR(info.st_mode) and owned_by_user(info):
        with contextlib.suppress(OSError):  # not empty, or in use: kept
            os.rmdir(folder)


def request_of(
    params: Mapping[str, Any], command_path: str, command_params: Mapping[str, Any]
) -> Any:
    """The parts of an invocation that decide a page: global options, command, its options."""
    return (
        command_path,
        tuple(sorted((k, repr(v)) for k, v in params.items())),
        tuple(sorted((k, repr(v)) for k, v in command_params.items())),
    )

"""The cache directory kdrama may use, and safe reads and writes of the files inside it.

The cache is trusted the way ssh trusts ``~/.ssh``: the ``kdrama`` directory must be a real
directory (not a symlink) owned by this user and writable by nobody else, and every directory
above it must be owned by this user or root and either closed to others or sticky (like
``/tmp``), so nobody else can swap it. Otherwise kdrama runs without a cache, and the command
layer says so once (refusals_to_tell: the store never prints). Inside it, nothing follows a
symlink: files are opened with ``O_NOFOLLOW`` and checked with ``fstat`` after opening (a
regular file of this user's), written to a fresh file created with ``O_EXCL`` under a random
name and renamed into place, and removed without looking through links. What is read back is
still treated as untrusted input by its readers. The threat model is in docs/architecture.md.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator

#: Read at most this much from one cache file (a page, a sidecar, the completion names).
MAX_CACHE_FILE = 64 * 1024 * 1024

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)

_checked: dict[str, str | None] = {}
#: Cache directories refused in this process, with why, that the command layer has not yet
#: been handed to say (refusals_to_tell): each is handed out once.
_untold: dict[str, Refusal] = {}
#: Every refusal of this process, for refusal_of.
_refused: dict[str, Refusal] = {}

#: What to do about most refusals: a link's remedy, and a folder's own, say more.
_ELSEWHERE = "point XDG_CACHE_HOME at a folder of your own"


class Refusal:
    """Why a folder cannot be the cache, with what the user can do about it: made together
    where the reason is known, so that a reason's wording never picks its remedy. Said as
    "reason (remedy)"."""

    __slots__ = ("reason", "remedy")

    def __init__(self, reason: str, remedy: str = _ELSEWHERE) -> None:
        self.reason = reason
        self.remedy = remedy

    def __str__(self) -> str:
        return f"{self.reason} ({self.remedy})"

    def __repr__(self) -> str:
        return f"Refusal({self.reason!r}, {self.remedy!r})"


def _failed(error: OSError) -> Refusal:
    """A folder the system would not let us make or open ('Permission denied')."""
    said = (error.strerror or str(error)).lower()
    return Refusal(f"cannot be made or opened, {said}")


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def owned_by_user(info: os.stat_result, or_root: bool = False) -> bool:
    """Whether this user (or, with ``or_root``, root) owns the file ``info`` describes; always
    true on systems without user ids (Windows guards files with access control lists)."""
    uid = _uid()
    return uid is None or info.st_uid == uid or (or_root and info.st_uid == 0)


def _why_untrusted_dir(info: os.stat_result, uid: int | None, own: bool) -> Refusal | None:
    if not stat.S_ISDIR(info.st_mode):
        # the cache folder a file, or (in a race) a folder above it
        return Refusal(
            "not a directory", f"remove the file, or {_ELSEWHERE}" if own else _ELSEWHERE
        )
    if uid is None:  # Windows: access control lists, not modes; trust the user's profile
        return None
    if own:
        if info.st_uid != uid:
            return Refusal("owned by another user", f"remove it, or {_ELSEWHERE}")
        if info.st_mode & 0o022:
            return Refusal(
                "writable by other users", f"chmod go-w makes it private, or {_ELSEWHERE}"
            )
        return None
    if info.st_uid not in (uid, 0):
        return Refusal("inside a folder owned by another user")
    if info.st_mode & 0o022 and not info.st_mode & stat.S_ISVTX:
        return Refusal("inside a folder other users can write to")
    return None


def _instead_of_link(path: str, info: os.stat_result, uid: int | None) -> str:
    """What to do about a cache folder that is a link: a cache moved to another disk with a
    link is reached with XDG_CACHE_HOME instead, named when the link is the user's own and
    leads to a folder called kdrama elsewhere (the cache is XDG_CACHE_HOME/kdrama); otherwise
    only what to do, as a link to another name or beside itself would lead back here."""
    from kdrama_cli.errors import shell_quote

    target = os.path.realpath(path)
    where = os.path.dirname(target)
    mine = uid is None or info.st_uid == uid
    if mine and os.path.basename(target) == "kdrama" and where != os.path.dirname(path):
        return f"XDG_CACHE_HOME={shell_quote(where)} reaches the folder it leads to"
    return "replace it with a folder, or point XDG_CACHE_HOME at a folder of your own"


def why_untrusted(path: str) -> Refusal | None:
    """Why ``path`` cannot be the cache directory, or None when it can (it need not exist)."""
    uid = _uid()
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        return _failed(error)
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            instead = _instead_of_link(path, info, uid)
            return Refusal("a symbolic link, which the cache never follows", instead)
        refusal = _why_untrusted_dir(info, uid, own=True)
        if refusal:
            return refusal
    parent = os.path.dirname(os.path.realpath(path))
    while True:
        try:
            refusal = _why_untrusted_dir(os.stat(parent), uid, own=False)
        except FileNotFoundError:
            refusal = None  # created below, by us
        except OSError as error:
            return _failed(error)
        if refusal:
            return refusal
        above = os.path.dirname(parent)
        if above == parent:
            return None
        parent = above


def private_dir(path: str) -> str | None:
    """Create ``path`` (and missing parents) for this user only; the path when it is trusted,
    else None. Checked once per process; a refusal is recorded for refusals_to_tell."""
    if path in _checked:
        return _checked[path]
    refusal = why_untrusted(path)
    if refusal is None:
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                os.mkdir(path, 0o700)
        except OSError as error:
            refusal = _failed(error)
        else:
            refusal = why_untrusted(path)  # what is there now, whoever made it
    result = None if refusal else path
    _checked[path] = result
    if refusal:
        _untold[path] = _refused[path] = refusal
    return result


def refusals_to_tell() -> list[tuple[str, Refusal]]:
    """The cache directories private_dir refused since last asked, each with why (its path
    as it is, not yet made printable): the command layer says each once per process; a TAB
    says nothing."""
    refused = list(_untold.items())
    _untold.clear()
    return refused


def refusal_of(path: str) -> Refusal | None:
    """Why ``path`` is not used as the cache, asked as every command asks it (private_dir:
    made when missing, so a folder that cannot be made is said too), or None when it is;
    taken from what refusals_to_tell hands out, as the caller says it."""
    private_dir(path)
    _untold.pop(path, None)
    return _refused.get(path)


def subdir(parent: str, name: str) -> str | None:
    """A private sub-directory of a trusted directory (created when missing), or None."""
    path = os.path.join(parent, name)
    with contextlib.suppress(FileExistsError, OSError):
        os.mkdir(path, 0o700)
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode) or _why_untrusted_dir(info, _uid(), own=True):
        return None
    return path


def is_own_file(info: os.stat_result) -> bool:
    """A regular file of this user's that nobody else can write (its contents can be changed
    through the file itself, whatever the directory allows)."""
    uid = _uid()
    if not stat.S_ISREG(info.st_mode):
        return False
    return uid is None or (info.st_uid == uid and not info.st_mode & 0o022)


def own_regular_file(path: str) -> os.stat_result | None:
    """The lstat of ``path`` when it is a regular file of this user's (not a link), else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if is_own_file(info) else None


def read_bytes(path: str, limit: int = MAX_CACHE_FILE) -> bytes | None:
    """The bytes of a regular file of this user's, opened without following a link and checked
    after opening (a FIFO or a device never blocks or streams); None otherwise."""
    flags = os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        if not is_own_file(os.fstat(descriptor)):
            return None
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _new_file(folder: str, name: str) -> tuple[int, str]:
    """A new file of this user's only, under a random name beside ``name``: created with
    O_EXCL and O_NOFOLLOW, so nothing planted at that name (a link) is ever opened. (tempfile
    does the same, but importing it costs more than replaying a page.)"""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC | _O_BINARY
    for _ in range(20):
        temporary = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_bytes(path: str, data: bytes) -> bool:
    """Replace ``path`` with ``data``: a new temporary file (_new_file) in the same directory,
    renamed into place. False on failure."""
    folder, name = os.path.split(path)
    try:
        descriptor, temporary = _new_file(folder, name)
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


@contextlib.contextmanager
def folder_lock(folder: str) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (flock on the directory, so no lock file
    can be planted or left behind) while a few files inside it change together. Where the
    platform has no flock, or the directory cannot be opened, it runs unlocked: the readers
    still check every file they use, so a lost race costs a rebuild, never a wrong answer."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_NOFOLLOW | _O_CLOEXEC
    try:
        descriptor = os.open(folder, flags)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def temporary_path(folder: str, name: str) -> str | None:
    """A new empty file for a writer that needs a path (SQLite), made like write_bytes's."""
    try:
        descriptor, temporary = _new_file(folder, name)
    except OSError:
        return None
    os.close(descriptor)
    return temporary


def remove_files(folder: str, match: str = "", stale_only: bool = False) -> int:
    """Remove this user's files (and any links: the link, never what it points at) directly in
    ``folder`` whose name contains ``match``; with ``stale_only``, only temporary files a killed
    build left behind (catalogue.leftovers.STALE_TEMPORARY_SECONDS). Never descends into a
    directory. The number of files removed."""

    def named(name: str) -> bool:
        return match in name and (not stale_only or name.endswith(".tmp"))

    from kdrama_cli.catalogue.leftovers import remove_entries

    return remove_entries(folder, named, _removable, stale_only=stale_only)


def remove_named(folder: str, named: Callable[[str], bool]) -> int:
    """Remove this user's files (and any links, never what they point at) directly in
    ``folder`` whose name ``named`` accepts. The number of files removed."""
    from kdrama_cli.catalogue.leftovers import remove_entries

    return remove_entries(folder, named, _removable)


def _removable(info: os.stat_result) -> bool:
    """A link (whoever made it: removing it changes nothing it points at) or this user's own
    file."""
    return stat.S_ISLNK(info.st_mode) or is_own_file(info)

"""Reading a dataset file safely: only a regular file, never more than a bound, never blocking.

A FIFO, a device (``/dev/zero``), a directory or a socket is refused at once, before anything is
read; the size bound is applied to the bytes actually read, so a file that grows, or one whose
reported size is wrong (``/proc``), cannot exhaust memory either.
"""

from __future__ import annotations

import os
import stat

from kdrama_cli.catalogue.wording import shortened, size_of

#: Larger files are refused: a dataset this big is a mistake or an attack.
MAX_FILE_BYTES = 64 * 1024 * 1024

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


#: What an UnreadableFile is, when it is no regular file: its ``kind``.
DIRECTORY, NAMED_PIPE, DEVICE, SOCKET, OTHER = (
    "directory",
    "named pipe",
    "device",
    "socket",
    "other",
)


class UnreadableFile(OSError):
    """A path that is not a regular file within the bound; ``strerror`` says what it is, and
    ``kind`` which kind of file it is (NAMED_PIPE, …; None when it is a regular file too
    large, or its name cannot be looked up), for a caller to add what to do without reading
    the words of the message."""

    def __init__(self, errno: int, strerror: str, kind: str | None = None) -> None:
        super().__init__(errno, strerror)
        self.kind = kind


#: What follows a named pipe's reason for a file the user gave (`data check <(cmd)`,
#: `--add-data <(cmd)`, `data netflix <(cmd)`), which only a regular file can be: what to do.
FILE_ONLY = "(only a file is read here: save the text to one and give its path)"


def _kind(mode: int) -> str:
    """The kind of file a mode is of, as UnreadableFile.kind says it."""
    if stat.S_ISDIR(mode):
        return DIRECTORY
    if stat.S_ISFIFO(mode):
        return NAMED_PIPE
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DEVICE
    if stat.S_ISSOCK(mode):
        return SOCKET
    return OTHER


#: What each kind of file that is no regular one is, as a message says it.
_KIND_SAID = {
    DIRECTORY: "is a directory, not a regular file",
    NAMED_PIPE: "is a named pipe (FIFO), not a regular file",
    DEVICE: "is a device, not a regular file",
    SOCKET: "is a socket, not a regular file",
    OTHER: "is not a regular file",
}


def _not_regular(mode: int) -> UnreadableFile:
    """The error of a file of ``mode``, which is no regular file: its kind and what it is."""
    kind = _kind(mode)
    return UnreadableFile(0, _KIND_SAID[kind], kind)


def given_file_unreadable(error: OSError) -> str:
    """why_unreadable for a file the user named to read as a dataset or Netflix's list: a
    named pipe (`<(cmd)`) says what to do instead (FILE_ONLY)."""
    said = why_unreadable(error)
    if isinstance(error, UnreadableFile) and error.kind == NAMED_PIPE:
        said += f" {FILE_ONLY}"
    return said


#: What "no such file" adds for a path of "-", which a script may type for standard input, as
#: `seen import -` takes it: datasets and Netflix's files are read from files only.
NOT_STDIN = (
    "(- is a file's name here, not standard input: save the text to a file and give its path)"
)


def why_unreadable(error: OSError) -> str:
    """Why a file could not be read, in the words every command uses: "no such file" and
    "permission denied" as a dataset's errors say them, not the C library's capitalised
    "No such file or directory", so ``seen import`` and ``data netflix`` read as ``data check``
    does, and for "-" why standard input is not read; any other reason is the C library's, in
    lower case ("not a directory")."""
    if isinstance(error, FileNotFoundError):
        if error.filename == "-":  # `data check -`, `--add-data -`: only seen import reads stdin
            return f"no such file {NOT_STDIN}"
        return "no such file" + _dangling(error.filename)
    if isinstance(error, PermissionError):
        return "permission denied"
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def _dangling(name: object) -> str:
    """What follows "no such file" for a link whose target is gone: `ls` lists the name, so
    "no such file" alone contradicted what the user sees."""
    if not isinstance(name, str) or not os.path.islink(name):
        return ""
    try:
        target = os.readlink(name)
    except OSError:  # pragma: no cover - gone between the two looks
        return ""
    return f": it is a link to {shortened(target, 200)}, which is not there"


def regular_file(path: str, limit: int = MAX_FILE_BYTES) -> os.stat_result:
    """The stat of a regular file of at most ``limit`` bytes, looked up without reading it;
    UnreadableFile (or the OSError of looking it up) otherwise."""
    try:
        info = os.stat(path)
    except ValueError:  # an embedded NUL
        raise UnreadableFile(0, "the file name contains a NUL character") from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(info.st_mode)
    if info.st_size > limit:
        raise UnreadableFile(
            0, f"file is too large ({info.st_size:,} bytes; the limit is {size_of(limit)})"
        )
    return info


def read_regular_file(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; UnreadableFile (or the OSError
    of opening it) otherwise."""
    regular_file(path, limit)
    descriptor = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY)
    try:
        info = os.fstat(descriptor)  # what was opened, whatever the path names now
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        chunks = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(1 << 22, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UnreadableFile(0, f"file is too large (more than {size_of(limit)})")
        return b"".join(chunks)
    finally:
        os.close(descriptor)

"""Writing the user's files: a document as TOML text (tomli-w), and atomic replacement of a file
that keeps what the user set up (a link, the mode, read-only); a file named on the command line
for an answer (an export, a calendar) is checked for what would make it fail first.

Only the data-maintenance commands write datasets, so tomli-w is imported here, on first use.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

from kdrama_cli.catalogue.leftovers import remove_entries
from kdrama_cli.errors import ExportFailed


def _without_none(value: Any) -> Any:
    """A field that is not known is omitted, never written as a placeholder."""
    if isinstance(value, Mapping):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_without_none(v) for v in value]
    return value


def toml_text(document: Mapping[str, Any], comment: Sequence[str] = ()) -> str:
    """The document as TOML text, keys in the order given, with an optional comment block.

    The same document always gives the same bytes. Raises TypeError or ValueError for what TOML
    cannot hold (inf, nan, unsupported types)."""
    import tomli_w

    body = tomli_w.dumps(_without_none(document))
    lines = [f"# {line}".rstrip() for line in comment]
    if lines and body:
        lines.append("")
    return "".join(line + "\n" for line in lines) + body


#: The name mkstemp gives write_atomically's temporary files.
_TEMPORARY = re.compile(r"\.kdrama-[A-Za-z0-9_]{8}\.tmp")


class ReadOnlyFile(PermissionError):
    """The target is read-only: kdrama leaves alone a file the user protected (even as root,
    who could replace it)."""

    def __init__(self, path: str) -> None:
        message = "the file is read-only (chmod u+w lets kdrama change it)"
        super().__init__(errno.EACCES, message, path)


def write_atomically(path: str | os.PathLike[str], text: str, *, private: bool = False) -> None:
    """Replace the user's file ``path`` with ``text`` (UTF-8) so a reader sees the old file or
    the new one, never a part: a temporary file beside the real file, flushed to disk, renamed
    over it, and the folder flushed too.

    This is the writer for the user's own files (the seen list, ``data netflix --out``, exports);
    the cache has its own (store/trust.write_bytes: private files, never through a link). So it
    treats the file as the user set it up: a link is written through and kept (the file it
    points at changes, as an editor would change it); an existing file keeps its mode, owner
    and group; a read-only one is refused (ReadOnlyFile) rather than replaced. A new file is
    ordinary (0666 less the umask), or 0600 with ``private``. OSError when it cannot be written.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    before = _existing(target)
    _remove_stale_temporaries(folder)
    descriptor, temporary = tempfile.mkstemp(prefix=".kdrama-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            _take_mode(temporary, before, private)
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def export_problem(path: str) -> str | None:
    """Why an export could not be written to ``path`` ("PATH: not a regular file"), or None.
    Asked before the command runs, so that a mistyped folder or a file that may not be changed
    (read-only, another user's) is refused before the page is printed (as the other export
    mistakes are), and again as the export is written."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as error:
        return f"{path}: {getattr(error, 'strerror', None) or error}"
    if info is not None and not stat.S_ISREG(info.st_mode):
        return f"{path}: not a regular file"  # a FIFO would block; a device or folder is lost
    if info is not None:  # one there already: refused now if write_atomically would refuse it
        try:
            _existing(os.path.realpath(path))
        except OSError as error:
            return f"{path}: {error.strerror or error}"
    folder = os.path.dirname(os.path.realpath(path))  # where write_atomically writes
    if not os.path.isdir(folder):
        return f"{path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):  # the export is written beside, then moved
        return f"{path}: the folder {folder} cannot be written to"
    return _cannot_write_beside(path, folder)


def _cannot_write_beside(path: str, folder: str) -> str | None:
    """Why write_atomically could not make its temporary file in ``folder`` (a folder whose
    mode allows it on a file system that does not, such as /proc), found by making one, as it
    would, and removing it; None when it can."""
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".kdrama-", suffix=".tmp", dir=folder)
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    os.close(descriptor)
    with contextlib.suppress(OSError):
        os.unlink(temporary)
    return None


def same_file(path: str, other: str | None) -> bool:
    """Whether ``path`` names the file ``other`` names (through a link, another spelling, a
    hard link); False when either is not there (or ``other`` is None)."""
    try:
        return other is not None and os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


def one_file(path: str, other: str) -> bool:
    """Whether writing ``path`` would write the file ``other`` names: the same path however
    spelt, even when neither is there yet (a seen list not yet made), or one file already
    there under both (a link, a hard link)."""
    try:
        return os.path.realpath(path) == os.path.realpath(other) or same_file(path, other)
    except (OSError, ValueError):
        return False


def write_export(path: str, text: str) -> None:
    """Write a file named on the command line for an answer (--export-svg, --export-html,
    upcoming --ics FILE) with write_atomically; never over something that is not a regular
    file (a FIFO would block, and replacing a device or a directory is never what was meant).
    ExportFailed, with the path and why, when it cannot be written."""
    problem = export_problem(path)
    if problem is not None:
        raise ExportFailed(problem)
    try:
        write_atomically(path, text)
    except (OSError, ValueError) as error:
        raise ExportFailed(f"{path}: {getattr(error, 'strerror', None) or error}") from None


def _existing(target: str) -> os.stat_result | None:
    """The target's stat (None when there is none yet); an OSError when it may not be changed.

    The mode bits say whether the user marked it read-only (which root could ignore: kdrama
    does not); os.access whether this user may write it at all (another's file, ACLs, a
    read-only mount)."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block; a device or folder is never meant
        raise OSError(errno.EINVAL, "not a regular file", target)
    if not info.st_mode & 0o222:
        raise ReadOnlyFile(target)
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
    return info


def _take_mode(temporary: str, before: os.stat_result | None, private: bool) -> None:
    """Give the temporary file the mode (and, where allowed, the owner and group) of the file
    it replaces; mkstemp made it 0600."""
    if before is None:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, (0o600 if private else 0o666) & ~mask)
        return
    if hasattr(os, "chown"):
        try:
            os.chown(temporary, before.st_uid, before.st_gid)  # root keeps the user's file theirs
        except OSError:
            with contextlib.suppress(OSError):
                os.chown(temporary, -1, before.st_gid)  # a group this user is in
    os.chmod(temporary, stat.S_IMODE(before.st_mode))


def _sync_folder(folder: str) -> None:
    """Flush the folder, so the rename itself survives a crash (where folders can be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_stale_temporaries(folder: str) -> None:
    """Remove this user's temporary files that a killed kdrama left in ``folder`` (by their
    name, older than leftovers.STALE_TEMPORARY_SECONDS: one being written now is newer); a
    link is removed, never what it points at. Any file of this user's counts, whatever its
    mode: a temporary file took the mode of the file it was to replace."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    remove_entries(
        folder,
        _TEMPORARY.fullmatch,
        lambda info: uid is None or info.st_uid == uid,
        stale_only=True,
    )

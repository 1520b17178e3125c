"""An advisory lock held on a small file beside what it guards, released when its holder exits.

A file that is replaced by a rename (the seen list, the index) cannot carry its own lock: the
rename swaps the inode a waiting process locked. So the lock is on a sidecar that is never
replaced. ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows: both are dropped by the
operating system when the holding process dies, so a killed holder never leaves a lock behind
and nobody hangs. Where neither exists the guarded work runs unlocked, as before.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
#: How often a waiting process tries again.
_POLL_SECONDS = 0.02


class LockBusy(TimeoutError):
    """Another process held the lock for longer than the caller would wait."""


def _open_lock_file(path: str) -> int:
    """The lock file, made when missing (mode 0600); never a link or anything but a file."""
    flags = os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_CLOEXEC | _O_BINARY
    descriptor = os.open(path, flags, 0o600)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OSError(f"{path}: not a regular file")
    return descriptor


def _try_lock(descriptor: int) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if fcntl is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    try:
        import msvcrt
    except ImportError:
        return True  # no locking on this platform: run unlocked
    try:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def locked(path: str, wait: float) -> Iterator[None]:
    """Hold the lock on ``path`` (made when missing) for the body of the ``with``.

    Waits up to ``wait`` seconds for another holder (0: try once), then raises LockBusy; an
    OSError when the lock file cannot be made (a read-only folder). Closing the file releases
    the lock, on every platform."""
    descriptor = _open_lock_file(path)
    try:
        deadline = time.monotonic() + wait
        while True:
            if _try_lock(descriptor):
                if _still_named(path, descriptor):
                    break
                # The file was removed (`cache clear`) between opening and locking it: a lock
                # on it guards nothing, as the next run makes a new one. Lock that one.
                _unlock_windows(descriptor)
                os.close(descriptor)
                descriptor = -1
                descriptor = _open_lock_file(path)
                continue
            if time.monotonic() >= deadline:
                raise LockBusy(f"another kdrama has held {path} for {wait:g} s")
            time.sleep(_POLL_SECONDS)
        yield
    finally:
        if descriptor >= 0:
            _unlock_windows(descriptor)
            os.close(descriptor)  # releases a flock


def _still_named(path: str, descriptor: int) -> bool:
    """Whether ``path`` still names the file open at ``descriptor`` (Windows removes no open
    file, so there it always does)."""
    if os.name == "nt":
        return True
    try:
        named = os.lstat(path)
    except OSError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _unlock_windows(descriptor: int) -> None:
    """msvcrt wants its byte range unlocked before the file is closed (flock needs nothing)."""
    try:
        import msvcrt
    except ImportError:
        return
    with contextlib.suppress(OSError):
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

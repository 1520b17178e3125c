"""The index built into the package for the shipped dataset (by the wheel's build hook), so a
fresh install answers from an index at once instead of parsing 1,700 titles first.

Finding it and checking it is fresh needs no SQLite: the replayed-page and completion paths use
these functions too. The index itself is opened by kdrama_cli.store.index.open_shipped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from kdrama_cli import __version__
from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.store.files import INDEX_FORMAT, sidecar_file
from kdrama_cli.store.trust import owned_by_user

#: The roots recorded in an index built into the package: its files are named relative to it.
SHIPPED_ROOTS = "shipped"
SHIPPED_NAME = "index.sqlite"


def shipped_index(paths: Sequence[PathLike]) -> str | None:
    """Where the package's own index is, when ``paths`` are exactly the shipped dataset."""
    from kdrama_cli.catalogue.locations import packaged_dataset

    shipped = packaged_dataset()
    if shipped is None or [os.path.abspath(p) for p in paths] != [os.path.abspath(shipped)]:
        return None
    return os.path.join(os.path.dirname(shipped), SHIPPED_NAME)


def package_file(path: str) -> os.stat_result | None:
    """A regular file (not a link) owned by this user or root that nobody else can write: as
    trusted as the code installed beside it."""
    import stat

    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022:
        return None
    if not owned_by_user(info, or_root=True):
        return None
    return info


def shipped_record(target: str) -> tuple[int, int] | None:
    """(index size, index CRC-32) from the package index's sidecar, when every dataset file it
    names is still beside it with the size it was built from; else None."""
    raw = read_bytes_anyone(sidecar_file(target))
    if raw is None:
        return None
    try:
        header, *entries = raw.decode("utf-8").splitlines()
        index_format, version, size, crc = header.split("\t")
        if index_format != str(INDEX_FORMAT) or version != __version__:
            return None
        folder = os.path.dirname(target)
        for entry in entries:
            name, file_size = entry.split("\t")
            if os.stat(os.path.join(folder, name)).st_size != int(file_size):
                return None
        return int(size), int(crc, 16)
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def read_bytes_anyone(path: str, limit: int = 1 << 20) -> bytes | None:
    """A package file beside the index, read only when package_file trusts it (at most
    ``limit`` bytes; None when it is bigger)."""
    if package_file(path) is None:
        return None
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None

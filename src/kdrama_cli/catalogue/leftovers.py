"""Removing files of kdrama's from a folder by their names, never through a link: the one loop
behind both writers' clean-ups (the temporary files a killed run left beside the user's files,
catalogue/writing; the cache's files, store/trust), so both keep the same window and the same
care with links.

It lives in the catalogue, the lowest layer, so that the store can use it too; it imports
nothing of kdrama's and nothing costly. The store imports it only when it removes something:
a run that only reads the cache never needs it.
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

#: A temporary file older than this was left by a killed run; one being written now is newer.
STALE_TEMPORARY_SECONDS = 15 * 60


def remove_entries(
    folder: str,
    named: Callable[[str], object],
    removable: Callable[[os.stat_result], bool],
    *,
    stale_only: bool = False,
) -> int:
    """Remove the entries directly in ``folder`` whose name ``named`` accepts and whose lstat
    ``removable`` accepts (the caller's rule for what is this user's to remove); with
    ``stale_only``, only those last changed more than STALE_TEMPORARY_SECONDS ago.

    An entry is looked at with lstat and unlinked, so a link is removed, never what it points
    at; a folder is never descended into (unlinking one fails and it is left). What cannot be
    read or removed is left without a word. The number of entries removed."""
    now = time.time()
    try:
        with os.scandir(folder) as scan:
            entries = [entry for entry in scan if named(entry.name)]
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stale_only and now - info.st_mtime <= STALE_TEMPORARY_SECONDS:
            continue
        if removable(info):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed

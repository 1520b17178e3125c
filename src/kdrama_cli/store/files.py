"""Where the store keeps its files: the user cache directory and the index's file names.

Kept apart from kdrama_cli.store.index so that replaying a page or completing a name (which only
need these names) does not import SQLite.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Sequence

from kdrama_cli.catalogue.locations import APP, PathLike, home

#: Bumped whenever the index's tables change, so older indexes are rebuilt.
INDEX_FORMAT = 3


def user_cache_dir() -> str:
    """$XDG_CACHE_HOME/kdrama, ~/Library/Caches/kdrama (macOS), %LOCALAPPDATA%\\kdrama\\Cache."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home(), "AppData", "Local")
        return os.path.join(base, APP, "Cache")
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return os.path.join(home(), "Library", "Caches", APP)
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home(), ".cache"), APP)


def index_roots(paths: Sequence[PathLike]) -> str:
    return "\0".join(os.path.abspath(p) for p in paths)


def cache_file(cache_dir: PathLike, paths: Sequence[PathLike]) -> str:
    """One index per package version and list of dataset files (the list is also stored in
    the index and compared, so a clash of this short name can only cost a rebuild)."""
    from kdrama_cli import __version__

    key = f"{INDEX_FORMAT}\0{__version__}\0{index_roots(paths)}".encode()
    name = f"index-{zlib.crc32(key):08x}-{zlib.adler32(key):08x}.sqlite"
    return os.path.join(cache_dir, name)


def sidecar_file(index: str) -> str:
    """The plain-text list of the files an index was built from, readable without SQLite."""
    return index + ".files"

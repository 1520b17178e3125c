"""Where the store keeps its files: the user cache directory and the index's file names.

Kept apart from kdrama_cli.store.index so that replaying a page or completing a name (which only
need these names) does not import SQLite.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence

from kdrama_cli.catalogue.locations import PathLike, user_dir

#: Bumped whenever the index's tables (or its names file) change, so older indexes are rebuilt.
INDEX_FORMAT = 68


def user_cache_dir() -> str | None:
    """$XDG_CACHE_HOME/kdrama, ~/Library/Caches/kdrama (macOS), %LOCALAPPDATA%\\kdrama\\Cache;
    None when there is no home to put it in."""
    return user_dir("XDG_CACHE_HOME", ".cache", "Caches", ("LOCALAPPDATA", "Cache"))


def cache_dir() -> str | None:
    """The cache directory to use, created when missing, or None when it cannot be trusted
    (kdrama_cli.store.trust records why, for the command layer to say once) or there is none."""
    path = user_cache_dir()
    if path is None:
        return None
    from kdrama_cli.store.trust import private_dir

    return private_dir(path)


def index_roots(paths: Sequence[PathLike]) -> str:
    return "\0".join(os.path.abspath(p) for p in paths)


def cache_file(cache_dir: PathLike, paths: Sequence[PathLike]) -> str:
    """One index per package version and list of dataset files (the list is also stored in
    the index and compared, so a clash of this short name can only cost a rebuild)."""
    from kdrama_cli import __version__

    key = f"{INDEX_FORMAT}\0{__version__}\0{index_roots(paths)}".encode("utf-8", "surrogatepass")
    name = f"index-{zlib.crc32(key):08x}-{zlib.adler32(key):08x}.sqlite"
    return os.path.join(cache_dir, name)


def sidecar_file(index: str) -> str:
    """The plain-text list of the files an index was built from, readable without SQLite."""
    return index + ".files"


def escape_field(text: str) -> str:
    """A file name as one tab-separated field of one line (the sidecar's)."""
    return text.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D")


def unescape_field(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%")

"""Where kdrama's files are: the datasets to load, and per-user files by each OS's convention."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterable, Sequence
from typing import Union

from kdrama_cli.errors import DatasetError

#: The environment variable naming the base dataset (like --data).
ENV_DATA = "KDRAMA_DATA"

APP = "kdrama"


def _home() -> str:
    return os.path.expanduser("~")


def user_config_dir() -> str:
    """$XDG_CONFIG_HOME/kdrama (Linux and others), ~/Library/Application Support/kdrama (macOS),
    %APPDATA%\\kdrama (Windows)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or os.path.join(_home(), "AppData", "Roaming")
        return os.path.join(base, APP)
    if sys.platform == "darwin" and not os.environ.get("XDG_CONFIG_HOME"):
        return os.path.join(_home(), "Library", "Application Support", APP)
    return os.path.join(os.environ.get("XDG_CONFIG_HOME") or os.path.join(_home(), ".config"), APP)


def user_cache_dir() -> str:
    """$XDG_CACHE_HOME/kdrama, ~/Library/Caches/kdrama (macOS), %LOCALAPPDATA%\\kdrama\\Cache."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(_home(), "AppData", "Local")
        return os.path.join(base, APP, "Cache")
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return os.path.join(_home(), "Library", "Caches", APP)
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(_home(), ".cache"), APP)


def user_dataset() -> str:
    """The personal dataset merged over the base one, when it exists."""
    return os.path.join(user_config_dir(), "shows.toml")


# --- the index's files (here, not in kdrama_cli.index, so the replay path stays light) ---------

PathLike = Union[str, "os.PathLike[str]"]
#: Bumped whenever the index's tables change, so older indexes are rebuilt.
INDEX_FORMAT = 3


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


def packaged_dataset() -> str | None:
    """The dataset shipped inside the installed package, or in the source tree of a checkout.

    A wheel installs it as kdrama_cli/data/shows.toml beside this module; an editable install
    or a plain checkout finds it in the repository's data/ folder.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (
        os.path.join(here, "data", "shows.toml"),
        os.path.join(os.path.dirname(os.path.dirname(here)), "data", "shows.toml"),
    ):
        if os.path.isfile(candidate):
            return candidate
    try:  # a zipped or otherwise unusual install
        from importlib.resources import files

        resource = files("kdrama_cli") / "data" / "shows.toml"
        if resource.is_file():
            return str(resource)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):  # pragma: no cover
        pass
    return None


def locate_dataset(explicit: PathLike | None = None) -> str:
    """The base dataset: ``--data``, then ``$KDRAMA_DATA``, then the shipped one."""
    if explicit:
        return os.fspath(explicit)
    from_env = os.environ.get(ENV_DATA)
    if from_env:
        return from_env
    shipped = packaged_dataset()
    if shipped is None:
        from kdrama_cli.dataset import Problem

        raise DatasetError(
            [Problem("kdrama", "", "the shipped dataset is missing; reinstall or pass --data PATH")]
        )
    return shipped


def dataset_paths(explicit: PathLike | None = None, extra: Iterable[PathLike] = ()) -> list[str]:
    """Every file to merge, in order: the base, the personal dataset if any, then ``--add-data``."""
    paths = [locate_dataset(explicit)]
    personal = user_dataset()
    if os.path.isfile(personal):
        paths.append(personal)
    paths.extend(os.fspath(p) for p in extra)
    return paths

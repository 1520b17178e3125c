"""Where the datasets are: the shipped one, the personal one, and the per-user folders by OS."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Union

#: The environment variable naming the base dataset (like --data).
ENV_DATA = "KDRAMA_DATA"

APP = "kdrama"


def home() -> str:
    return os.path.expanduser("~")


def user_config_dir() -> str:
    """$XDG_CONFIG_HOME/kdrama (Linux and others), ~/Library/Application Support/kdrama (macOS),
    %APPDATA%\\kdrama (Windows)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or os.path.join(home(), "AppData", "Roaming")
        return os.path.join(base, APP)
    if sys.platform == "darwin" and not os.environ.get("XDG_CONFIG_HOME"):
        return os.path.join(home(), "Library", "Application Support", APP)
    return os.path.join(os.environ.get("XDG_CONFIG_HOME") or os.path.join(home(), ".config"), APP)


def user_dataset() -> str:
    """The personal dataset merged over the base one, when it exists."""
    return os.path.join(user_config_dir(), "shows.toml")


PathLike = Union[str, "os.PathLike[str]"]


def packaged_dataset() -> str | None:
    """The dataset shipped inside the installed package, or in the source tree of a checkout.

    A wheel installs it as kdrama_cli/data/shows.toml inside the package; an editable install
    or a plain checkout finds it in the repository's data/ folder.
    """
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the kdrama_cli package
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
        from kdrama_cli.catalogue.problems import DatasetError, Problem  # only on this rare path

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

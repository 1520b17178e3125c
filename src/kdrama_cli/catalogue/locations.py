"""Where the datasets are: the shipped one, the personal one, and the per-user folders by OS."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Union

#: The environment variable naming the base dataset (like --data).
ENV_DATA = "KDRAMA_DATA"
#: The environment variable that names the seen file (tests use it).
ENV_SEEN = "KDRAMA_SEEN"

APP = "kdrama"


def home() -> str | None:
    """The user's home directory, or None when there is none (``why_no_home`` says why): then
    kdrama keeps no per-user files rather than write under "." or "/"."""
    return None if why_no_home() else os.path.expanduser("~")


def why_no_home() -> str | None:
    """Why the user has no home directory to keep kdrama's files in ("HOME is empty"), or None
    when there is one. HOME is judged as it is set, not as os.path.expanduser reads it: that
    takes an empty HOME as "/". Unset, the password database says where home is."""
    given = os.environ.get("HOME")
    if given is None:
        return None if os.path.isabs(os.path.expanduser("~")) else "HOME is not set"
    if not given:
        return "HOME is empty"
    if not os.path.isabs(given):
        return f"HOME={given!r} is not an absolute path"
    return None


def no_home_to_keep(what: str) -> str:
    """The error for a per-user file or folder that has no home to be kept in, with why when
    that is known: "no home directory to keep the seen list in (HOME is empty)"."""
    why = why_no_home()
    return f"no home directory to keep {what} in" + (f" ({why})" if why else "")


def env_dir(variable: str) -> str | None:
    """An absolute directory from the environment; relative values are ignored, as the XDG
    Base Directory specification says."""
    value = os.environ.get(variable)
    return value if value and os.path.isabs(value) else None


def user_dir(xdg: str, xdg_default: str, mac: str, windows: tuple[str, str]) -> str | None:
    """$XDG_... (or ~/<xdg_default>) on Linux and others, ~/Library/<mac> on macOS, and
    %<windows[0]>%\\<windows[1]> on Windows; with ``kdrama`` appended. None without a home."""
    if sys.platform == "win32":
        base = env_dir(windows[0])
        if base is None:
            return None
        return os.path.join(base, APP, windows[1]) if windows[1] else os.path.join(base, APP)
    from_env = env_dir(xdg)
    if from_env is not None:
        return os.path.join(from_env, APP)
    user_home = home()
    if user_home is None:
        return None
    if sys.platform == "darwin":
        return os.path.join(user_home, "Library", mac, APP)
    return os.path.join(user_home, xdg_default, APP)


def user_config_dir() -> str | None:
    """$XDG_CONFIG_HOME/kdrama (Linux and others), ~/Library/Application Support/kdrama (macOS),
    %APPDATA%\\kdrama (Windows)."""
    return user_dir("XDG_CONFIG_HOME", ".config", "Application Support", ("APPDATA", ""))


def user_data_dir() -> str | None:
    """$XDG_DATA_HOME/kdrama (Linux and others), ~/Library/Application Support/kdrama (macOS),
    %LOCALAPPDATA%\\kdrama (Windows): the user's own records, such as the seen list."""
    return user_dir(
        "XDG_DATA_HOME",
        os.path.join(".local", "share"),
        "Application Support",
        ("LOCALAPPDATA", ""),
    )


def seen_path() -> str | None:
    """Where the seen list lives (catalogue.seen reads and changes it); None when there is no
    home to keep it in. Here, not in catalogue.seen, as every page's key holds the file's
    stamp: finding it must not import the module that reads it."""
    named = os.environ.get(ENV_SEEN)
    if named:
        return os.path.abspath(_home_expanded(named))
    folder = user_data_dir()
    return os.path.join(folder, "seen.toml") if folder else None


def _home_expanded(path: str) -> str:
    """``path`` with a leading '~' made the home ('~/seen.toml' from a file no shell read: a
    .env, a systemd unit, a quoted assignment), where there is one (home(): never '/' for an
    empty HOME); kept as it is without one, or for another user's '~name'."""
    user_home = home() if path == "~" or path.startswith(("~/", "~" + os.sep)) else None
    return user_home + path[1:] if user_home else path


def seen_named() -> bool:
    """Whether $KDRAMA_SEEN names the seen list: its folder is then the user's, never made."""
    return bool(os.environ.get(ENV_SEEN))


def user_dataset() -> str | None:
    """Where the personal dataset merged over the base one is (None without a home): it is
    read when something is there (dataset_paths)."""
    folder = user_config_dir()
    return os.path.join(folder, "shows.toml") if folder else None


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


#: Where dataset_paths puts the personal dataset among the paths of a load, when the run reads
#: one: right after the base. A page asks the load which layers came through that place
#: (App.through_personal, Dataset.layers_through), so both read it here.
PERSONAL_PLACE = 1


def dataset_paths(
    explicit: PathLike | None = None, extra: Iterable[PathLike] = (), personal: bool = True
) -> list[str]:
    """Every file to merge, in order: the base, the personal dataset if any (unless
    ``personal`` is False: --no-personal) at PERSONAL_PLACE, then ``--add-data``."""
    paths = [locate_dataset(explicit)]
    mine = user_dataset() if personal else None
    if mine and os.path.lexists(mine):  # a folder there is said, not passed over
        paths.insert(PERSONAL_PLACE, mine)
    paths.extend(os.fspath(p) for p in extra)
    return paths

"""Where kdrama keeps per-user files, following each operating system's convention."""

from __future__ import annotations

import os
import sys

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

"""Where kdrama keeps per-user files, following each operating system's convention."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "kdrama"


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def user_config_dir() -> Path:
    """$XDG_CONFIG_HOME/kdrama (Linux and others), ~/Library/Application Support/kdrama (macOS),
    %APPDATA%\\kdrama (Windows)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(_home() / "AppData" / "Roaming")
        return Path(base) / APP
    if sys.platform == "darwin" and not os.environ.get("XDG_CONFIG_HOME"):
        return _home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_CONFIG_HOME") or _home() / ".config") / APP


def user_cache_dir() -> Path:
    """$XDG_CACHE_HOME/kdrama, ~/Library/Caches/kdrama (macOS), %LOCALAPPDATA%\\kdrama\\Cache."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP / "Cache"
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return _home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME") or _home() / ".cache") / APP


def user_dataset() -> Path:
    """The personal dataset merged over the base one, when it exists."""
    return user_config_dir() / "shows.toml"

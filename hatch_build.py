"""Hatch build hook: compile the shipped dataset into an index that the wheel carries.

A fresh install then answers its first question from an index (as a repeated run does),
instead of parsing 1,700 titles of TOML first. The index is built by kdrama's own code from
src/, named kdrama_cli/data/index.sqlite in the wheel, with its sidecar and completion names
beside it. Editable installs skip it: they read the checkout's data/ folder, which changes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShippedIndexHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from kdrama_cli.store.index import build_shipped
        finally:
            sys.path.pop(0)
        self._folder = tempfile.TemporaryDirectory(prefix="kdrama-index-")
        out = Path(self._folder.name) / "index.sqlite"
        build_shipped(str(root / "data" / "shows.toml"), str(out))
        for suffix in ("", ".files", ".names"):
            built = out.with_name(out.name + suffix)
            built.chmod(0o644)
            build_data["force_include"][str(built)] = f"kdrama_cli/data/index.sqlite{suffix}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()

"""Packaging: the wheel carries the dataset, and the installed code finds it from anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("kdrama_cli-*.whl")
    return built


def test_wheel_contains_the_dataset(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kdrama_cli/data/shows.toml" in names
    assert "kdrama_cli/py.typed" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kdrama = kdrama_cli.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_code_from_the_wheel_finds_its_own_dataset(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel into a bare folder and run it elsewhere: no checkout to fall back on."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "KDRAMA_DATA"}
    env["PYTHONPATH"] = str(target)
    result = subprocess.run(
        [sys.executable, "-m", "kdrama_cli", "data", "check", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    checked = json.loads(result.stdout)
    assert checked["ok"] is True
    assert checked["files"][0].startswith(str(target))  # read from the installed package


def test_installed_entry_point_runs() -> None:
    script = shutil.which("kdrama", path=str(Path(sys.executable).parent))
    assert script, "the kdrama console script is not installed in this environment"
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("kdrama, version")

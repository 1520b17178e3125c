"""Packaging: the wheel carries the dataset, and the installed code finds it from anywhere."""

from __future__ import annotations

import json
import os
import re
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
    assert "kdrama_cli/data/netflix.toml" in names
    for built in ("index.sqlite", "index.sqlite.files", "index.sqlite.names"):
        assert f"kdrama_cli/data/{built}" in names
    assert "kdrama_cli/py.typed" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kdrama = kdrama_cli.launch:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


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
    version = subprocess.run(
        [sys.executable, "-m", "kdrama_cli", "--version"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert re.search(
        r"^shipped dataset: 1,\d{3} titles, updated \d{4}-\d\d-\d\d$", version.stdout, re.M
    )


def test_installed_entry_point_runs() -> None:
    script = shutil.which("kdrama", path=str(Path(sys.executable).parent))
    assert script, "the kdrama console script is not installed in this environment"
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("kdrama, version")


def test_a_fresh_install_answers_from_the_index_it_was_built_with(
    wheel: Path, tmp_path: Path
) -> None:
    """The wheel's build hook compiles the shipped dataset: a first run after installing, with
    an empty cache, parses no TOML and builds no index of its own."""
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
    env = {k: v for k, v in os.environ.items() if k not in ("KDRAMA_DATA", "KDRAMA_NO_CACHE")}
    env.update(PYTHONPATH=str(target), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["KDRAMA_SYNC_INDEX"] = "1"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kdrama_cli", "show", "squid-game", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["korean_title"] == "오징어 게임"
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "tomllib" not in imported and "kdrama_cli.catalogue.loader" not in imported
    assert not list((tmp_path / "cache" / "kdrama").glob("index-*.sqlite"))
    # Changing the installed dataset makes the built index stale: then it is parsed.
    shows = target / "kdrama_cli" / "data" / "shows.toml"
    shows.write_text(shows.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kdrama_cli", "show", "squid-game", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "kdrama_cli.catalogue.loader" in result.stderr


def test_the_sdist_holds_the_file_the_sheet_help_names(tmp_path: Path) -> None:
    """Every --csv and --tsv help line names docs/output.md, which neither the wheel nor the
    sdist held (walk33 #7), and the sdist's own tests read it (and docs/*.md). The sdist
    carries docs/, and the help says where the file is."""
    import tarfile

    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (built,) = tmp_path.glob("kdrama_cli-*.tar.gz")
    with tarfile.open(built) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"docs/output.md", "docs/architecture.md"} <= names
    helped = " ".join(CliRunner().invoke(cli, ["cast", "--help"]).output.split())
    assert "(docs/output.md in kdrama's source distribution describes them)" in helped
    assert helped.count("with a header row naming the columns") == 2  # --csv and --tsv


def test_the_extras_an_error_offers_to_install_are_the_packages_own() -> None:
    """`browse` and `data netflix` without their extra name the package to pip install
    (no index holds kdrama-cli, so "pip install 'kdrama-cli[tui]'" found nothing): it is the
    extra's requirement in pyproject.toml, so the line installs what the extra would."""
    import tomli

    from kdrama_cli.catalogue.engagement import NETFLIX_REQUIREMENT
    from kdrama_cli.commands.browse import TUI_REQUIREMENT

    extras = tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert extras["tui"] == [TUI_REQUIREMENT]
    assert extras["netflix"] == [NETFLIX_REQUIREMENT]

"""Class 4 of the trust issue: the environment. No home, relative XDG paths, C locales, odd
terminal sizes and odd file names give an answer or a clear error, never exit 70."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI


def _kdrama(
    args: list[str | bytes], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[bytes]:
    base = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "PYTHONPATH", "VIRTUAL_ENV", "SYSTEMROOT")
    }
    base.update(KDRAMA_SYNC_INDEX="1", NO_COLOR="1", COLUMNS="100")
    base.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kdrama_cli", *args],
        capture_output=True,
        env=base,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "mini.toml"
    shutil.copy(MINI, path)
    return path


def _ok(done: subprocess.CompletedProcess[bytes]) -> None:
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"Moonlit Hallway" in done.stdout


@pytest.mark.parametrize("home", [None, "", "relative-home"], ids=["unset", "empty", "relative"])
def test_no_usable_home_keeps_no_files_under_the_working_directory(
    data: Path, tmp_path: Path, home: str | None
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {"KDRAMA_DATA": str(data)}
    if home is not None:
        env["HOME"] = home
    _ok(_kdrama(["show", "moonlit-hallway"], env, work))
    assert list(work.iterdir()) == []


@pytest.mark.parametrize(
    ("home", "why"),
    [("", "HOME is empty"), ("relative-home", "HOME='relative-home' is not an absolute path")],
)
def test_an_empty_or_relative_home_is_no_home_and_the_error_says_why(
    data: Path, tmp_path: Path, home: str, why: str
) -> None:
    """An empty HOME was taken as "/" (the cache under /.cache, the seen list under
    /.local/share), and a relative one was said not to be set."""
    env = {"KDRAMA_DATA": str(data), "HOME": home}
    for args in (["cache", "path"], ["cache", "clear"]):
        done = _kdrama(args, env, tmp_path)
        assert (done.returncode, done.stdout) == (1, b"")
        assert done.stderr.decode() == (
            f"kdrama: error: there is no cache directory: no home directory to keep it in ({why})\n"
        )
    done = _kdrama(["seen", "add", "moonlit-hallway"], env, tmp_path)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        f"kdrama: error: no home directory to keep the seen list in ({why}): set KDRAMA_SEEN\n"
    )


def test_relative_xdg_directories_are_ignored(data: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "relconfig" / "kdrama").mkdir(parents=True)
    (work / "relconfig" / "kdrama" / "shows.toml").write_text("not toml [[[")
    env = {
        "KDRAMA_DATA": str(data),
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": "relcache",
        "XDG_CONFIG_HOME": "relconfig",
    }
    _ok(_kdrama(["show", "moonlit-hallway"], env, work))
    assert not (work / "relcache").exists()
    assert (tmp_path / "home" / ".cache" / "kdrama").is_dir()


@pytest.mark.parametrize(
    "args", [["show", "moonlit-hallway"], ["cast", "--json"], ["search", "달빛"]]
)
def test_a_c_locale_without_utf8_mode(data: Path, tmp_path: Path, args: list[str]) -> None:
    env = {
        "KDRAMA_DATA": str(data),
        "HOME": str(tmp_path),
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
    }
    done = _kdrama(list(args), env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "cp437"])
def test_help_and_version_on_a_stdout_without_hangul(
    data: Path, tmp_path: Path, encoding: str
) -> None:
    """`kdrama --help` and `kdrama --version` print from eager options, before the group's
    callback made stdout replace what it cannot encode: on a Latin-1 or Windows code-page
    stdout the help's Hangul example and the version's "January–June" were exit 70, "internal
    error: UnicodeEncodeError". They print as the pages do: "?" for each cell of Hangul."""
    env = {"KDRAMA_DATA": str(data), "HOME": str(tmp_path), "PYTHONIOENCODING": encoding}
    helped = _kdrama(["--help"], env, tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert b"internal error" not in helped.stderr
    assert '  kdrama search "???? ????"\n' in helped.stdout.decode(encoding)
    version = _kdrama(["--version"], env, tmp_path)
    assert version.returncode == 0, version.stderr
    assert b"internal error" not in version.stderr
    said = version.stdout.decode(encoding)
    assert said.startswith("kdrama, version ")
    assert re.search(r"engagement reports to (January|July)\W(June|December) \d{4}", said), said


@pytest.mark.parametrize("columns", ["0", "-5", "99999999", "abc", "", "٣"])
def test_odd_terminal_sizes(data: Path, tmp_path: Path, columns: str) -> None:
    env = {"KDRAMA_DATA": str(data), "HOME": str(tmp_path), "COLUMNS": columns, "LINES": columns}
    _ok(_kdrama(["show", "moonlit-hallway"], env, tmp_path))


@pytest.mark.parametrize(("columns", "width"), [("000001000000000", 80), ("000000000000060", 60)])
def test_a_terminal_size_is_read_whole_leading_zeros_and_all(
    data: Path, tmp_path: Path, columns: str, width: int
) -> None:
    """COLUMNS=000001000000000 was judged by its first six digits, as 1, and kept: the page was
    laid out for a billion columns. Read whole, as Rich reads it, it is too large and ignored:
    a pipe's default, 80. COLUMNS=000000000000060 was judged 0, and ignored; it is 60."""
    from rich.cells import cell_len

    done = _kdrama(
        ["list"], {"KDRAMA_DATA": str(data), "HOME": str(tmp_path), "COLUMNS": columns}, tmp_path
    )
    _ok(done)
    assert max(cell_len(line) for line in done.stdout.decode().splitlines()) == width


def test_file_names_that_are_not_utf8(data: Path, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "LC_ALL": "C.UTF-8"}
    odd = os.fsencode(tmp_path) + b"/\xff\xfe.toml"
    done = _kdrama([b"--data", odd, b"show", b"x"], env, tmp_path)
    assert done.returncode == 1
    assert b"no such file" in done.stderr
    with open(odd, "wb") as stream:
        stream.write(MINI.read_bytes())
    for _ in range(2):  # parsed, then from the index
        _ok(_kdrama([b"--data", odd, b"show", b"moonlit-hallway"], env, tmp_path))


def test_file_names_with_newlines_and_tabs(data: Path, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    for name in ("new\nline.toml", "tab\there.toml", "per%cent.toml"):
        path = tmp_path / name
        shutil.copy(MINI, path)
        for _ in range(3):
            _ok(_kdrama(["--data", str(path), "show", "moonlit-hallway"], env, tmp_path))

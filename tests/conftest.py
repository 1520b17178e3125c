"""Shared fixtures: an isolated CLI runner on the small made-up dataset, deterministic output."""

from __future__ import annotations

import json
import re
import shlex
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.toml"
REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "shows.toml"


def kdrama_on(*options: str | Path) -> str:
    """How a command that a page or an error suggests begins on a run given these dataset
    options ("--data", PATH, "--add-data", PATH): with them, so that pasted it answers from
    the same catalogue."""
    return " ".join(["kdrama", *(shlex.quote(str(option)) for option in options)])


def at_entry(path: Path, said: str) -> str:
    """``said`` (a data check problem or warning, "PATH:LINE: location: message") without its
    ``PATH:LINE: ``, once LINE is checked to be where the entry its location names begins in
    ``path``, counted here from the file's own ``[[table]]`` headers: the ``[[table]]`` header of
    the entry with that id (or at that position), or for ``shows[x].cast[2]`` the third
    ``[[shows.cast]]`` header under it."""
    prefix = re.match(rf"{re.escape(str(path))}:(\d+): ", said)
    assert prefix is not None, f"no {path}:LINE in {said!r}"
    rest = said[prefix.end() :]
    entry = re.match(r"(\w+)\[([^\]]*)\](?:\.(\w+)\[(\d+)\])?", rest)
    assert entry is not None, said
    table, label, sub, position = entry.groups()
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    tops = [n for n, line in enumerate(lines, 1) if line == f"[[{table}]]"]
    ends = [*tops[1:], len(lines) + 1]
    blocks = list(zip(tops, ends, strict=True))
    if label.isdigit():
        start, end = blocks[int(label)]
    else:
        start, end = next(
            (s, e)
            for s, e in blocks
            if any(re.fullmatch(rf'\w+ = "{re.escape(label)}"', line) for line in lines[s : e - 1])
        )
    inner = [n for n in range(start, end) if lines[n - 1] == f"[[{table}.{sub}]]"]
    wanted = inner[int(position)] if sub and int(position) < len(inner) else start
    assert int(prefix[1]) == wanted, f"{said!r}: the entry begins on line {wanted}"
    return rest


#: How a suggested command begins on the `run` fixture's runs, which give --data MINI.
KDRAMA = kdrama_on("--data", MINI)


@pytest.fixture(autouse=True, scope="session")
def ctrl_c_reaches_the_programs_under_test() -> Iterator[None]:
    """Ctrl-C has its usual effect on the processes the tests start, however pytest was started.

    A shell starts a background job (``pytest &``, ``nohup``, a CI runner's detached step) with
    SIGINT ignored, and an ignored signal stays ignored across fork and exec: every kdrama the
    tests start would then ignore the SIGINT that the Ctrl-C tests send, and those tests would
    time out while kdrama itself is right (a program must honour an inherited "ignore", as
    nohup relies on). A handled signal is reset to its default across exec, so handling it here
    for the session gives each child the disposition a person's terminal gives it.
    """
    before = signal.getsignal(signal.SIGINT)
    if before is not signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.fixture(autouse=True)
def deterministic_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No colour, a fixed width, and nothing from the developer's own environment."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "10000")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # A terminal that can draw: under TERM=dumb (pytest run from Emacs) pages are not paged
    # and browse refuses to start, as they should be there.
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("KDRAMA_DATA", raising=False)
    monkeypatch.delenv("KDRAMA_SEEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # The seen list lives in the data folder: a developer's own list (a Seen column on every
    # person page) must not change what a test sees, nor a test write to it.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


Run = Callable[..., Result]


def _runner(data: Path | None, cache: Path | None = None) -> Run:
    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        # A test that names its own dataset gives --data itself: an option of one value may be
        # given once (options.OnceOptions), so the fixture's is left out then.
        given = any(word == "--data" or word.startswith("--data=") for word in args)
        prefix = ["--data", str(data)] if data and not given else []
        if cache is not None:
            env = {"XDG_CACHE_HOME": str(cache), **(env or {})}
        return CliRunner().invoke(
            cli, [*prefix, *args], input=input, env=env, catch_exceptions=False
        )

    return run


@pytest.fixture
def run() -> Run:
    """Run kdrama on the made-up fixture dataset."""
    return _runner(MINI)


@pytest.fixture(scope="session")
def shipped_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for every test that reads the shipped catalogue: it is compiled into the index
    once per test session instead of once per test (parsing 1,700 titles takes a second)."""
    return tmp_path_factory.mktemp("shipped-cache")


@pytest.fixture
def run_shipped(shipped_cache: Path) -> Run:
    """Run kdrama on the dataset shipped with the package."""
    return _runner(None, shipped_cache)


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def json_error(result: Result) -> dict[str, Any]:
    """The error of a command line with --json: one line of JSON, stderr's last, and nothing on
    stdout (docs/output.md, "Errors"); its ``message`` is the human line's words."""
    assert result.exit_code != 0 and result.stdout == "", result.output
    error: dict[str, Any] = json.loads(result.stderr.splitlines()[-1])["error"]
    assert error["code"] == result.exit_code
    return error


@pytest.fixture
def write_dataset(tmp_path: Path) -> Callable[[str], Path]:
    """Write TOML text to a file and return its path."""

    def write(text: str, name: str = "shows.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


AddData = Callable[..., list[str]]


@pytest.fixture
def add_data(write_dataset: Callable[..., Path]) -> AddData:
    """Write TOML text to a file and return the options that load it as a layer over the
    dataset in use (``--add-data PATH``)."""

    def add(text: str, name: str = "layer.toml") -> list[str]:
        return ["--add-data", str(write_dataset(text, name))]

    return add


def flat(output: str) -> str:
    """Rendered text with box borders removed and all runs of white space folded to one space,
    so assertions do not depend on where a line wrapped."""
    import re

    return " ".join(re.sub("[│╭╮╰╯─]", " ", output).split())


@pytest.fixture(autouse=True)
def synchronous_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests write the index in the foreground, so a test process never forks."""
    monkeypatch.setenv("KDRAMA_SYNC_INDEX", "1")

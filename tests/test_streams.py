"""Class 5 of the trust issue: input, output and the pager. A closed or full stream, a pipe that
closes early, a missing or failing pager, or options that cannot work together: a clear answer or
a clear error, and never a lost page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kdrama_cli.cli import cli
from tests.conftest import MINI
from tests.made_up import TIDAL_TOWN


def _isolated(tmp_path: Path) -> dict[str, str]:
    """What every run here sets: the made-up dataset, and a cache and config of its own."""
    return {
        "KDRAMA_DATA": str(MINI),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "KDRAMA_SYNC_INDEX": "1",
    }


def _kdrama(
    args: list[str], tmp_path: Path, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.update(_isolated(tmp_path), NO_COLOR="1", COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "kdrama_cli", *args],
        env=env,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )


def _stderr_unread(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """Run kdrama with stdout captured and stderr on a pipe whose reader has gone
    (``2>&1 | true`` for stderr alone)."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return _kdrama(
            args, tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=writer
        )
    finally:
        os.close(writer)


def _closing(number: int) -> object:
    return lambda: os.close(number)


def test_quiz_with_standard_input_closed(tmp_path: Path) -> None:
    done = _kdrama(
        ["quiz", "--questions", "2", "--seed", "1"],
        tmp_path,
        capture_output=True,
        preexec_fn=_closing(0),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith(b"No questions answered.")
    assert b"Score" not in done.stdout


def test_quiz_with_an_absurdly_long_answer(tmp_path: Path) -> None:
    answers = b"7" * 5_000_000 + b"\n1\n2\n"
    done = _kdrama(
        ["quiz", "--questions", "2", "--seed", "1"], tmp_path, input=answers, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) < 10_000
    assert b"Please answer with a number" in done.stdout
    assert b"Score: " in done.stdout


def test_quiz_with_invalid_utf8_and_control_characters(tmp_path: Path) -> None:
    answers = b"\xff\xfe\n\x1b[2J\n\x00\n1\n2\n3\n"
    done = _kdrama(
        ["quiz", "--questions", "2", "--seed", "1"], tmp_path, input=answers, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert b"\x1b[2J" not in done.stdout


@pytest.mark.parametrize("args", [["show", "moonlit-hallway"], ["list", "--json"], ["--help"]])
def test_standard_output_closed_is_an_error(tmp_path: Path, args: list[str]) -> None:
    done = _kdrama(args, tmp_path, stderr=subprocess.PIPE, preexec_fn=_closing(1))
    assert done.returncode == 1
    assert b"standard output is closed" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [["show", "moonlit-hallway"], ["list", "--json"], ["--help"], ["completion", "bash"]],
)
def test_a_full_output_device_is_an_error_not_a_success(tmp_path: Path, args: list[str]) -> None:
    for _ in range(2):  # rendered, then replayed from the page cache
        with open("/dev/full", "wb") as full:
            done = _kdrama(args, tmp_path, stdout=full, stderr=subprocess.PIPE)
        assert done.returncode == 1, done.stderr
        assert b"No space left on device" in done.stderr
        assert b"internal error" not in done.stderr


def test_a_pipe_closed_early_is_quiet(tmp_path: Path) -> None:
    for args in (["cast"], ["list", "--json"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "kdrama_cli", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, KDRAMA_DATA=str(MINI), XDG_CACHE_HOME=str(tmp_path)),
        )
        assert process.stdout is not None
        process.stdout.read(10)
        process.stdout.close()
        assert process.wait(timeout=60) == 0
        assert process.stderr is not None
        assert process.stderr.read() == b""


@pytest.mark.parametrize(
    "args",
    [
        ["data", "path"],
        ["quiz", "--questions", "2", "--seed", "1"],
        ["--help"],
        ["--version"],
        [],
        ["show", "--help"],
        ["help", "show"],
        ["completion", "bash"],
        ["show", "moonlit-hallway"],
        ["list", "--csv"],
        ["cast", "--json"],
    ],
    ids=lambda args: " ".join(args) or "(no command)",
)
def test_a_pipe_whose_reader_has_gone_exits_0(tmp_path: Path, args: list[str]) -> None:
    """The reader of the pipe is gone before the first write (``| head -1`` that has read its
    line): exit 0 with nothing on stderr, however the command writes (click.echo line by line
    in data path and quiz, click's own --help and --version, or a page)."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = _kdrama(
            args, tmp_path, stdin=subprocess.DEVNULL, stdout=writer, stderr=subprocess.PIPE
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["show", "no-such-title"], 2),
        (["cast", "moonlit-hallway", "--role", "nonsense"], 2),
        (["show"], 2),
        (["data", "check", "/nonexistent/layer.toml"], 1),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_an_error_keeps_its_exit_code_when_the_reader_of_stderr_has_gone(
    tmp_path: Path, args: list[str], code: int
) -> None:
    """``kdrama show x 2>&1 | head -0``: the error's own status (2 for a usage error), never
    Python's 1 for a BrokenPipeError while the message was written."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = _kdrama(args, tmp_path, stdin=subprocess.DEVNULL, stdout=writer, stderr=writer)
    finally:
        os.close(writer)
    assert done.returncode == code


#: Tidal Town (tests.made_up) with a figure, and Harbour Lights: Ahn Ah-ra leads Tidal Town's
#: season 1 and Harbour Lights, and is a flagged cameo in Tidal Town's season 2, so cast,
#: person, compare and search say on stderr, beside their --json or --csv, that a credit was
#: hidden; Harbour Lights' figure names none of Netflix's lists, so top says it left it out.
_CAMEO = (
    TIDAL_TOWN
    + """
[[shows.stats]]
metric = "hours-viewed"
value = 7
unit = "hours"
window = "first-28-days"
season = 1
list = "TV (Non-English)"
as_of = 2022-02-27
sources = ["c-press"]

[[shows]]
slug = "hl"
title = "Harbour Lights"
korean_title = "항구의 불빛"
kind = "film"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A night at the harbour."
release_date = 2024-03-01
runtime_minutes = 100
sources = ["c-press"]
cast_sources = ["c-press"]

[[shows.cast]]
person = "aa"
character = "Harbour pilot"
role = "main"

[[shows.stats]]
metric = "hours-viewed"
value = 5
unit = "hours"
window = "first-28-days"
as_of = 2024-03-30
sources = ["c-press"]
"""
)


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (["cast", "tt", "--json"], b"1 credit hidden as a spoiler"),
        (["person", "aa", "--json"], b"1 credit hidden as a spoiler"),
        (["person", "aa", "--csv"], b"1 credit hidden as a spoiler"),
        (
            ["compare", "tt", "hl", "--json"],
            b"1 surprise cameo in these titles hidden as a spoiler, and so left out of the cast",
        ),
        (["search", "masked", "--json"], b"1 match hidden as a spoiler"),
        (["top", "-m", "hours-28", "--json"], b"Left out: Harbour Lights"),
        (["top", "-m", "hours-28", "--csv"], b"Left out: Harbour Lights"),
        (["data", "check"], b"hl's hours-viewed figure (first-28-days) names no list"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_a_note_whose_reader_has_gone_does_not_lose_the_answer(
    tmp_path: Path, args: list[str], note: bytes
) -> None:
    """``kdrama cast x --json 2> >(head -c0)``: the note on stderr ("1 credit hidden as a
    spoiler") found its reader gone, and the BrokenPipeError was taken for stdout's, so the
    JSON was never written and the run said success. The note is advisory: the answer and the
    exit status are what they are when stderr is read."""
    data = tmp_path / "cameo.toml"
    data.write_text(_CAMEO, encoding="utf-8")
    given = ["--data", str(data), *args]
    expected = _kdrama(given, tmp_path, capture_output=True)
    assert expected.returncode == 0 and expected.stdout
    assert note in expected.stderr
    done = _stderr_unread(given, tmp_path)
    assert (done.returncode, done.stdout) == (0, expected.stdout)


def test_nothing_exported_stays_a_usage_error_when_the_reader_of_stderr_has_gone(
    tmp_path: Path,
) -> None:
    """The "nothing was exported" line is said outside the error path: a closed stderr made
    its exit status 2 into 0."""
    out = tmp_path / "out.svg"
    done = _stderr_unread(["--export-svg", str(out), "show", "--help"], tmp_path)
    assert done.returncode == 2
    assert b"Usage:" in done.stdout  # the help itself was still printed
    # A command known to print no page is refused before it runs, with the same status.
    refused = _stderr_unread(["--export-svg", str(out), "completion", "bash"], tmp_path)
    assert (refused.returncode, refused.stdout) == (2, b"")


def test_a_quiz_interrupted_exits_130_when_the_reader_of_stderr_has_gone(
    tmp_path: Path,
) -> None:
    """Ctrl-C in the quiz says "kdrama: interrupted" on stderr before exiting 130: with
    stderr's reader gone, that line turned the status into 0."""
    import signal
    import time

    reader, writer = os.pipe()
    os.close(reader)
    env = {**os.environ, **_isolated(tmp_path), "NO_COLOR": "1", "COLUMNS": "100"}
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "kdrama_cli", "quiz", "--seed", "1"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=writer,
            env=env,
        )
    finally:
        os.close(writer)
    assert process.stdout is not None and process.stdin is not None
    try:
        process.stdout.readline()  # wait until the quiz is running
        time.sleep(0.3)
        process.send_signal(signal.SIGINT)
        # stdin stays open until the process has exited, so the quiz cannot end at end of
        # input before a loaded machine delivers the signal.
        process.wait(timeout=30)
    finally:
        process.kill()
        process.stdin.close()
        process.stdout.close()
    assert process.returncode == 130


@pytest.mark.parametrize(
    "pager", ["/nonexistent/pager", "false", "sh -c 'exit 1'", "less '"], ids=str
)
def test_a_missing_or_failing_pager_does_not_lose_the_page(
    pager: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PAGER", pager)
    from rich.text import Text

    from kdrama_cli.views.console import _page, make_console

    _page(make_console(no_color=True), Text("the whole page\n" * 3))
    assert capfd.readouterr().out.count("the whole page") == 3


def test_a_working_pager_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = tmp_path / "seen.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {seen}'")
    from rich.text import Text

    from kdrama_cli.views.console import _page, make_console

    _page(make_console(no_color=True), Text("paged text"))
    assert "paged text" in seen.read_text()


def _on_a_terminal(args: list[str], env: dict[str, str], timeout: float = 30.0) -> bytes:
    """Run kdrama with a pseudo-terminal as its controlling terminal and stdout (so it pages,
    and less reads its keys from it); press q once it has drawn, and return what it drew."""
    import pty
    import select
    import signal
    import time

    pid, master = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(sys.executable, [sys.executable, "-m", "kdrama_cli", *args], env)
    drawn, pressed, deadline = b"", False, time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.3)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child is gone (EIO on Linux)
                    break
                if not chunk:
                    break
                drawn += chunk
            elif drawn and not pressed:  # drawn, now waiting for a key
                os.write(master, b"q")
                pressed = True
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        os.waitpid(pid, 0)
        os.close(master)
    return drawn


def _pager_env(tmp_path: Path, **given: str | None) -> dict[str, str]:
    """A terminal five lines high, so any page is paged; colour on; ``given`` set (or, when
    None, removed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PAGER", "LESS")}
    env.update(_isolated(tmp_path), TERM="xterm", COLUMNS="80", LINES="5")
    for name, value in given.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


@pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("less") is None, reason="needs a pty and less"
)
def test_less_shows_colours_when_the_users_less_options_leave_out_r(tmp_path: Path) -> None:
    """LESS=-i is the user's; without -R, less would show the page's bold as "ESC[1m"."""
    drawn = _on_a_terminal(["show", "moonlit-hallway"], _pager_env(tmp_path, LESS="-i"))
    assert b"Moonlit Hallway" in drawn
    assert b"ESC" not in drawn and b"\x1b[1m" in drawn  # the escape itself, not its picture


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_version_breaks_its_long_line_between_words_at_a_terminal_only(tmp_path: Path) -> None:
    """--version's last line (how far the shipped Netflix figures go) is over 100 columns: a
    60-column terminal broke it inside a word. At a terminal it is broken between words; in a
    pipe it stays one line, for a script."""
    env = _pager_env(tmp_path, COLUMNS="60")
    drawn = _on_a_terminal(["--version"], env).decode().replace("\r\n", "\n")
    lines = drawn.splitlines()
    assert lines[0].startswith("kdrama, version ")
    start = lines.index(next(line for line in lines if line.startswith("Netflix weekly")))
    end = lines.index(next(line for line in lines if line.startswith("dataset in use:")))
    reach = lines[start:end]  # KDRAMA_DATA names another dataset: a line of its own after it
    assert len(reach) > 1 and all(len(line) < 60 for line in reach), reach
    piped = _kdrama(["--version"], tmp_path, stdout=subprocess.PIPE).stdout.decode()
    whole = " ".join(reach)
    assert whole in piped.splitlines()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_every_line_of_version_breaks_between_words_at_a_narrow_terminal(tmp_path: Path) -> None:
    """Not only the line of how far the Netflix figures go: at 40 columns, "shipped dataset:
    1,624 titles, updated …" and the lines naming the datasets in use ran over the edge, and
    the terminal broke them inside a word ("2026-12-0" / "6"). A word wider than the line (a
    long path) is left whole on a line of its own; a pipe gets each line whole."""
    env = _pager_env(tmp_path, COLUMNS="40")
    args = ["--add-data", "my layer of corrections.toml", "--version"]
    drawn = _on_a_terminal(args, env).decode().replace("\r\n", "\n")
    lines = [line for line in drawn.splitlines() if line]
    assert lines[0].startswith("kdrama, version ")
    assert all(len(line) < 40 or " " not in line for line in lines), lines
    piped = _kdrama(args, tmp_path, stdout=subprocess.PIPE).stdout.decode().splitlines()
    assert " ".join(lines) == " ".join(piped)
    assert len(piped) < len(lines)
    added = "dataset added over it: my layer of corrections.toml ("  # (no such file) here
    assert any(line.startswith(added) for line in piped), piped


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_a_dumb_terminal_is_not_paged_and_keeps_its_width(tmp_path: Path) -> None:
    """TERM=dumb (Emacs's M-x shell) on a terminal five lines high: the page went to less,
    which only said "WARNING: terminal is not fully functional" and waited for RETURN, and
    Rich laid it out at 80 columns whatever $COLUMNS said. It is printed, at $COLUMNS."""
    record = tmp_path / "paged"
    env = _pager_env(tmp_path, TERM="dumb", COLUMNS="50", PAGER=f"sh -c 'cat > {record}'")
    drawn = _on_a_terminal(["show", "moonlit-hallway"], env).decode()
    assert not record.exists()
    lines = drawn.replace("\r\n", "\n").splitlines()
    assert any("Moonlit Hallway" in line for line in lines), drawn
    assert "\x1b[" not in drawn  # a dumb terminal gets no colour
    assert lines[0].startswith("╭") and len(lines[0]) == 50, lines[0]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize(
    ("pager", "less", "expected"),
    [
        (None, None, "-FRX"),  # no LESS of the user's: git's
        (None, "-i", "-R -i"),  # theirs, with -R first
        (None, "-i -+R", "-R -i -+R"),  # one that turns -R off again still comes after it
        (None, "", "-R"),
        ("{bin}/less -S", "-i", "-R -i"),  # $PAGER naming less, with options of its own
        ("{bin}/other", "-i", "-i"),  # not less: its LESS is left alone
    ],
    ids=["unset", "without-R", "turning-R-off", "empty", "pager-less", "other-pager"],
)
def test_the_pager_gets_r_and_keeps_the_users_less_options(
    tmp_path: Path, pager: str | None, less: str | None, expected: str
) -> None:
    """A stand-in for less on PATH records the LESS it was started with."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "less-was-given"
    for name in ("less", "other"):
        script = folder / name
        script.write_text(f'#!/bin/sh\nprintf %s "$LESS" > {record}\ncat > /dev/null\n')
        script.chmod(0o755)
    env = _pager_env(
        tmp_path,
        PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}",
        PAGER=pager.format(bin=folder) if pager else None,
        LESS=less,
    )
    _on_a_terminal(["show", "moonlit-hallway"], env)
    assert record.read_text() == expected


@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_an_export_with_json_is_a_usage_error(tmp_path: Path, export: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), export, str(out), "show", "moonlit-hallway", "--json"]
    )
    assert result.exit_code == 2
    assert "--json prints none" in result.stderr
    assert not out.exists()


def test_an_export_from_a_command_that_prints_no_page_is_an_error(tmp_path: Path) -> None:
    """Refused before the command runs, as with --json: the script is not printed first."""
    out = tmp_path / "out.svg"
    done = _kdrama(["--export-svg", str(out), "completion", "bash"], tmp_path, capture_output=True)
    assert done.returncode == 2
    assert b"save a printed page; completion prints none" in done.stderr
    assert done.stdout == b""
    assert not out.exists()


@pytest.mark.parametrize(
    "args", [["list", "--kind", "reality", "--year", "1990"], ["search", "zzqqxx"]]
)
@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_an_export_of_an_empty_answer_writes_nothing_and_exits_0(
    tmp_path: Path, args: list[str], export: str
) -> None:
    """An empty answer exits 0 ("nothing matching is an answer"); with an export it was a
    usage error (exit 2) saying the command prints no page, which list and search do: a
    script exporting a batch of queries stopped at the first empty one."""
    plain = _kdrama(args, tmp_path, capture_output=True)
    assert plain.returncode == 0 and plain.stdout == b"" and plain.stderr
    out = tmp_path / "page.out"
    done = _kdrama([export, str(out), *args], tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    said = f"kdrama: note: nothing was exported: the answer is empty, so {out} was not written"
    assert done.stderr == plain.stderr + f"{said}\n".encode()
    assert not out.exists()
    # A file from an earlier run is left as it was, and said to be: a script publishing it
    # would otherwise publish the old page.
    out.write_text("earlier page", encoding="utf-8")
    again = _kdrama([export, str(out), *args], tmp_path, capture_output=True)
    assert again.returncode == 0
    assert f"{said} ({out}, from before, is unchanged)\n".encode() in again.stderr
    assert out.read_text(encoding="utf-8") == "earlier page"


@pytest.mark.parametrize("target", ["fifo", "directory", "/dev/full", "missing/folder/x.svg"])
def test_an_export_that_cannot_be_written_says_so(tmp_path: Path, target: str) -> None:
    if target == "fifo":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    elif target == "directory":
        path = tmp_path
    else:
        path = tmp_path / target if not target.startswith("/") else Path(target)
    for export in ("--export-svg", "--export-html"):
        result = CliRunner().invoke(
            cli, ["--data", str(MINI), export, str(path), "show", "moonlit-hallway"]
        )
        # README: "refused before anything is printed too, as a file error" (a folder was
        # click's usage block and exit 2)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.startswith(f"kdrama: error: cannot write the export: {path}: ")
        assert result.stderr.count("\n") == 1
    if target == "/dev/full":
        assert Path("/dev/full").is_char_device()


def test_an_export_to_a_folder_that_does_not_exist_is_refused_before_the_page(
    tmp_path: Path,
) -> None:
    """`--export-svg /no/such/dir/x.svg show ...` printed the whole page, then failed: the
    export is now refused first, a file error (exit 1) naming the folder."""
    path = tmp_path / "no-such-dir" / "x.svg"
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), "--export-svg", str(path), "show", "moonlit-hallway"]
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"kdrama: error: cannot write the export: {path}: the folder {path.parent} does not exist\n"
    )
    assert not path.parent.exists()


@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_a_read_only_export_file_is_refused_before_the_page(tmp_path: Path, export: str) -> None:
    """`--export-svg ro.svg show ...` over a file made read-only printed the whole page, then
    failed (exit 1): a script could not tell "nothing happened" from "the page happened, the
    picture did not". It is now refused first, as a missing folder is, and left as it was."""
    path = tmp_path / "ro.svg"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o444)
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), export, str(path), "show", "moonlit-hallway"]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: cannot write the export: {path}: the file is read-only"
        " (chmod u+w lets kdrama change it)\n"
    )
    assert path.read_text(encoding="utf-8") == "old"


def test_exports_are_written(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), "--export-html", str(out), "show", "moonlit-hallway"]
    )
    assert result.exit_code == 0, result.output
    assert "Moonlit Hallway" in out.read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize(
    ("export", "name"), [("--export-html", "page.html"), ("--export-svg", "page.svg")]
)
def test_an_export_of_a_paged_page_holds_the_page(tmp_path: Path, export: str, name: str) -> None:
    """A page taller than the terminal goes through the pager; the export still holds it (it
    was rendered for the pager inside console.capture(), which Rich does not record)."""
    picture = tmp_path / name
    env = _pager_env(tmp_path, PAGER="cat", NO_COLOR="1")  # five lines high: the page is paged
    drawn = _on_a_terminal(
        ["--data", str(MINI), export, str(picture), "show", "moonlit-hallway"], env
    )
    assert b"Moonlit Hallway" in drawn  # the pager showed it
    saved = picture.read_text(encoding="utf-8")
    assert "Moonlit" in saved, "the export is empty"
    assert "example.org/chart" in saved  # the page's last line: all of it, not one screen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_a_paged_page_gives_the_pager_its_commands_with_their_spaces(tmp_path: Path) -> None:
    """A page taller than the terminal reaches the pager with the commands it suggests as they
    are typed: the character that keeps a command whole while the page is laid out is put
    back to a space (less showed it, in reverse video, in place of each space)."""
    env = _pager_env(tmp_path, PAGER="cat", NO_COLOR="1")  # five lines high: the page is paged
    for _ in range(2):  # rendered, then replayed from the page cache
        drawn = _on_a_terminal(["--data", str(MINI), "show", "moonlit-hallway"], env)
        assert "\ufdd0".encode() not in drawn
        assert f"kdrama --data {MINI} cast moonlit-hallway".encode() in drawn


@pytest.mark.parametrize("encoding", ["utf-8", "cp949", "ascii"])
def test_the_stored_catalogue_listing_prints_as_the_files_give_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """`list --json` of every title, read from the index's stored listing (UTF-8 bytes as
    they are, or decoded for another encoding), is the JSON the dataset files give; a stream
    that cannot take Hangul gets escapes instead. Asked twice: computed, then replayed."""
    monkeypatch.setenv("PYTHONIOENCODING", encoding)
    expected = _kdrama(["--no-cache", "list", "--json"], tmp_path, capture_output=True)
    assert expected.returncode == 0
    for _ in range(3):  # the first builds the index; then the stored listing; then a page
        done = _kdrama(["list", "--json"], tmp_path, capture_output=True)
        assert (done.returncode, done.stdout, done.stderr) == (0, expected.stdout, b"")
    text = expected.stdout.decode(encoding)
    assert json.loads(text)[0]["korean_title"]
    assert ("\\u" in text) == (encoding == "ascii")


@pytest.mark.parametrize("fmt", ["--csv", "--tsv"])
@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "cp1252"}, {"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C"}],
    ids=["cp1252", "ascii", "C locale"],
)
def test_csv_and_tsv_are_utf8_whatever_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, env: dict[str, str]
) -> None:
    """An encoding that cannot hold Hangul turned every Korean title into "???" (exit 0, and
    the data lost): a sheet is a file for programs, written in UTF-8 whatever stdout's
    encoding, byte for byte what a UTF-8 locale gets. Asked twice: rendered, then replayed."""
    expected = _kdrama(["list", fmt], tmp_path, capture_output=True)
    assert expected.returncode == 0
    assert "달빛 복도".encode() in expected.stdout  # Moonlit Hallway's Korean title
    for name, value in {**env, "PYTHONUTF8": "0"}.items():
        monkeypatch.setenv(name, value)
    for _ in range(2):
        done = _kdrama(["list", fmt], tmp_path, capture_output=True)
        assert (done.returncode, done.stdout, done.stderr) == (0, expected.stdout, b"")


def test_an_empty_answer_s_message_wraps_between_words_at_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An empty board's message of several sentences was one 330-character line, which a
    terminal breaks inside words; at a terminal it now wraps between words, in a pipe not."""
    import io

    from kdrama_cli import app

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    message = "No title matches those filters. " + "Also left out: 27 titles by 2026-06-07. " * 4
    monkeypatch.setenv("COLUMNS", "41")
    monkeypatch.setattr(sys, "stderr", Terminal())
    lines = app._fitted_to_terminal(message).splitlines()
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
    assert " ".join(lines) == " ".join(message.split())
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe: as it is
    assert app._fitted_to_terminal(message) == message


def test_an_empty_answer_s_message_wraps_at_the_width_of_stderr_s_terminal(
    tmp_path: Path,
) -> None:
    """``kdrama chart x | less``: the message goes to the terminal on stderr, 50 columns wide
    here, while stdout is a pipe. It was wrapped at the width shutil guessed for stdout (80),
    and say() then joined its lines again into one."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 50, 0, 0))
    env = {**os.environ, **_isolated(tmp_path), "NO_COLOR": "1", "KDRAMA_TODAY": "2026-12-01"}
    env.pop("COLUMNS", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kdrama_cli", "chart", "moonlit-hallway", "--season", "2"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=follower,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 65536):
            shown += chunk
    except OSError:  # the terminal's other end has closed: all is read
        pass
    finally:
        os.close(leader)
    assert (done.returncode, done.stdout) == (0, b"")
    lines = shown.decode().splitlines()
    assert " ".join(lines) == (
        "Moonlit Hallway season 2 is not out yet (renewed since 2022-06-06, as of 2026-11-01)."
    )
    assert len(lines) > 1 and all(len(line) <= 49 for line in lines), lines


def test_whether_a_stream_is_a_terminal_is_asked_one_way_by_the_page_cache_and_the_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cli's check before an interrupt's line and the replayed pages' key each asked isatty in
    their own words; catalogue.printable.at_a_terminal is the one answer: no error for a stream
    that is missing (closed when kdrama started), closed, or no file (CliRunner's)."""
    import io

    from kdrama_cli.catalogue.printable import at_a_terminal
    from kdrama_cli.store.pages import page_key

    closed = io.StringIO()
    closed.close()
    leader, follower = os.openpty()
    terminal = open(follower, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        assert at_a_terminal(terminal)
        assert not any(at_a_terminal(s) for s in (None, closed, io.StringIO(), object()))
        keys = []
        for stdout in (terminal, closed, io.StringIO()):
            monkeypatch.setattr(sys, "stdout", stdout)
            keys.append(page_key("index-x:1:2", ("show", "x")))
        monkeypatch.undo()
        # a page laid out for a terminal is never replayed into a pipe, nor the other way; a
        # closed stdout is keyed as one that is no terminal, not an error
        assert keys[1] == keys[2] != keys[0]
    finally:
        terminal.close()
        os.close(leader)


def test_the_depth_script_ends_quietly_when_the_reader_of_its_output_has_gone() -> None:
    """`python scripts/depth.py | head` raised BrokenPipeError into the terminal, a traceback
    and exit 1, once head had its line: it ends as kdrama does, with nothing on stderr and 0.
    The pipe's reader is gone before the script writes, so the write fails every time."""
    from tests.conftest import REPO

    reader, writer = os.pipe()
    os.close(reader)
    try:
        for asked in ([], ["--json"]):
            done = subprocess.run(
                [sys.executable, str(REPO / "scripts" / "depth.py"), *asked],
                stdout=writer,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
            )
            assert (done.returncode, done.stderr) == (0, ""), asked
    finally:
        os.close(writer)
    # with a reader, the report is all there
    whole = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "depth.py")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert whole.returncode == 0 and whole.stdout.startswith("global Top 10: ")

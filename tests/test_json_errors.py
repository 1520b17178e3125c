"""A command line that asks for --json gets its error as one line of JSON on stderr, with
stdout empty and the exit code of the human line (docs/output.md, "Errors"); --csv, --tsv and
a command line without --json keep the human lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli
from kdrama_cli.failures import ERROR_KINDS
from tests.conftest import MINI, REPO, Run

#: The keys every error's JSON has (docs/output.md, "Errors"; test_output_contract checks
#: the document names them all).
KEYS = {"code", "kind", "message", "suggestions", "problems", "notes"}


def _error(result: Result, code: int, kind: str) -> dict[str, Any]:
    """The error a run wrote: the last line of stderr, one JSON object, nothing on stdout."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    last = result.stderr.splitlines()[-1]
    document = json.loads(last)
    assert set(document) == {"error"}
    error: dict[str, Any] = document["error"]
    assert set(error) == KEYS
    assert (error["code"], error["kind"]) == (code, kind)
    assert kind in ERROR_KINDS
    assert "kdrama: error" not in result.stderr
    return error


def test_a_title_that_matches_nothing_offers_the_slugs_of_the_names_it_suggests(run: Run) -> None:
    error = _error(run("show", "moonlit-halway", "--json"), 2, "not_found")
    assert error["message"].startswith("no title matches 'moonlit-halway'. Did you mean Moonlit")
    assert error["suggestions"] == ["moonlit-hallway"]
    assert error["problems"] == [] and error["notes"] == []
    # the human line says the same, for a run without --json
    human = run("show", "moonlit-halway")
    assert human.exit_code == 2 and human.stdout == ""
    assert human.stderr == f"kdrama: error: {error['message']}\n"


def test_a_person_that_matches_nothing_offers_the_ids(run: Run) -> None:
    error = _error(run("person", "han ji-wan", "--json"), 2, "not_found")
    assert "Did you mean Han Ji-won?" in error["message"]
    assert error["suggestions"] == ["han-ji-won"]


def test_a_name_matching_several_offers_every_candidate(run: Run) -> None:
    error = _error(run("show", "lantern", "--json"), 2, "ambiguous")
    assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]
    assert "'lantern' matches 2 titles" in error["message"]


def test_a_word_of_several_names_keeps_its_kind_and_candidates(run: Run) -> None:
    """compare's quoting hint is added to the message; what it reports is still the lookup."""
    error = _error(run("compare", "lantern", "night-train", "--json"), 2, "ambiguous")
    assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]


def test_a_season_the_title_lacks_is_not_found(run: Run) -> None:
    error = _error(run("show", "moonlit-hallway", "--season", "9", "--json"), 2, "not_found")
    assert "not season 9" in error["message"]
    # the command it offers names the title by its slug, which a script retries with
    assert error["message"].endswith(" show moonlit-hallway --json")
    assert error["suggestions"] == ["moonlit-hallway"]
    cast = _error(run("cast", "moonlit-hallway", "--season", "9", "--json"), 2, "not_found")
    assert cast["suggestions"] == ["moonlit-hallway"]
    film = _error(run("show", "night-train", "--season", "2", "--json"), 2, "not_found")
    assert film["message"] == "Night Train is a film: it has no seasons"


def test_chart_names_a_season_the_title_lacks_not_found_as_show_and_cast_do(run: Run) -> None:
    """chart's own --season check gave the same miss kind "usage", so that a script switching
    on the kind told `chart X --season 9` from `chart 'X 9'`, which was not_found."""
    by_option = _error(run("chart", "moonlit-hallway", "--season", "9", "--json"), 2, "not_found")
    typed = _error(run("chart", "moonlit hallway 9", "--json"), 2, "not_found")
    assert "not season 9" in by_option["message"] and "not season 9" in typed["message"]
    film = _error(run("chart", "night-train", "--season", "1", "--json"), 2, "not_found")
    assert film["message"] == "Night Train is a film: it has no seasons"
    each = run("chart", "moonlit-hallway", "river-of-lanterns", "--season", "2", "--json")
    assert "--season applies to every title given" in _error(each, 2, "not_found")["message"]
    human = run("chart", "moonlit-hallway", "--season", "9")
    assert human.exit_code == 2 and human.stderr == f"kdrama: error: {by_option['message']}\n"


def test_a_mistyped_option_is_a_usage_error_offering_the_options(run: Run) -> None:
    error = _error(run("show", "night-train", "--sesn", "3", "--json"), 2, "usage")
    assert error["message"].startswith("No such option '--sesn'. Did you mean '--season'")
    assert error["suggestions"][0] == "--season"
    assert "Usage:" not in error["message"]


def test_a_missing_argument_and_a_bad_value_are_usage_errors(run: Run) -> None:
    missing = _error(run("show", "--json"), 2, "usage")
    assert missing["message"] == "Missing argument 'SHOW'."
    bad = _error(run("top", "--metric", "nope", "--json"), 2, "usage")
    assert "'nope' is not one of" in bad["message"]


def test_a_value_no_title_has_offers_the_values_its_did_you_mean_names(run: Run) -> None:
    """A filter's value, or a value of a fixed list, that the message corrects: the values it
    offers, as typed after the option."""
    genre = _error(run("list", "--genre", "thriler", "--json"), 2, "usage")
    assert "Did you mean thriller?" in genre["message"]
    assert genre["suggestions"] == ["thriller"]
    kind = _error(run("list", "--kind", "flim", "--json"), 2, "usage")
    assert kind["message"].endswith("Did you mean film?")
    assert kind["suggestions"] == ["film"]
    assert run("list", "--kind", kind["suggestions"][0]).exit_code == 0
    nothing = _error(run("list", "--genre", "qqqqqqqq", "--json"), 2, "usage")
    assert "Did you mean" not in nothing["message"] and nothing["suggestions"] == []


def test_json_typed_before_the_command_or_at_a_command_without_it_is_json(run: Run) -> None:
    """--json wherever it is typed: the mistake of placing it is itself said as JSON, and so
    is --json given to a command that has none."""
    before = _error(run("--json", "show", "night-train"), 2, "usage")
    assert before["message"].startswith("--json is an option of show, so it goes after the")
    assert before["message"].endswith(" show night-train --json")
    seen_add = _error(run("seen", "add", "night-train", "--json"), 2, "usage")
    # not click's "Did you mean '--season'?": where a script finds what it wants (walk36 #22)
    assert seen_add["message"].startswith(
        "seen add has no --json: it changes the seen list and says what it did on stderr; kdrama "
    )  # the --data this run was given, then:
    assert seen_add["message"].endswith(" seen list --json gives the list")
    assert seen_add["suggestions"] == []


def test_json_given_a_value_asks_for_json_and_is_told_so_in_json(run: Run) -> None:
    """--json takes no value: `--json=yes` (or `--json=`) still asks for JSON, so the error
    saying it takes none is JSON too, wherever it is typed; after a ``--`` it is a word."""
    for typed in ("--json=yes", "--json="):
        error = _error(run("show", "night-train", typed), 2, "usage")
        assert error["message"] == "Option '--json' does not take a value."
        before = _error(run(typed, "show", "night-train"), 2, "usage")
        assert before["message"].startswith("--json is an option of show, so it goes after")
    word = run("show", "--", "--json=yes")
    assert word.exit_code == 2
    assert word.stderr.startswith("kdrama: error: no title matches '--json=yes'")


def test_a_mistyped_command_offers_the_commands(run: Run) -> None:
    assert _error(run("shwo", "x", "--json"), 2, "usage")["suggestions"] == ["show"]
    assert _error(run("seen", "ad", "x", "--json"), 2, "usage")["suggestions"] == ["seen add"]


def test_json_after_a_double_dash_is_an_argument_not_a_request(run: Run) -> None:
    result = run("show", "--", "--json")
    assert result.exit_code == 2
    assert result.stderr.startswith("kdrama: error: no title matches '--json'")


def test_csv_and_tsv_and_a_page_keep_the_human_line(run: Run) -> None:
    for output in ("--csv", "--tsv"):
        result = run("cast", "moonlit-halway", output)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith("kdrama: error: no title matches 'moonlit-halway'")
    syntax = run("cast", "--sesn", "1", "--csv")
    assert syntax.exit_code == 2 and syntax.stderr.startswith("Usage: ")
    assert "Error: No such option '--sesn'" in syntax.stderr
    assert run("show", "lantern").stderr.startswith("kdrama: error: 'lantern' matches 2")
    # --json with --csv is itself the error, and --json asked for JSON
    both = _error(run("list", "--csv", "--json"), 2, "usage")
    assert "give one" in both["message"]


def test_a_dataset_that_does_not_parse_gives_file_line_and_column(
    run: Run, write_dataset: Any
) -> None:
    broken = write_dataset('[[shows]]\nslug = "a"\ntitle = \n')
    error = _error(run("--data", str(broken), "show", "a", "--json"), 1, "dataset")
    assert error["problems"] == [
        {
            "file": str(broken),
            "line": 3,
            "column": 9,
            "location": None,
            "message": "a key has no value after =",
        }
    ]
    human = run("--data", str(broken), "show", "a")
    assert human.stderr == f"kdrama: error: {error['message']}\n"
    assert error["message"] == f"{broken}:3:9: a key has no value after ="


def test_a_file_whose_name_ends_in_digits_is_never_read_as_a_line(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    """The file, line and column are the problem's own, not parsed back out of its text: a
    file named "nofile:12" that does not exist has no line, and one named "nb:2" holding
    UTF-16 is that file at line 1."""
    monkeypatch.chdir(tmp_path)
    missing = _error(run("--add-data", "nofile:12", "show", "night-train", "--json"), 1, "dataset")
    assert missing["problems"] == [
        {
            "file": "nofile:12",
            "line": None,
            "column": None,
            "location": None,
            "message": "no such file",
        }
    ]
    (tmp_path / "nb:2").write_bytes(b"\xff\xfe")
    utf16 = _error(run("--add-data", "nb:2", "show", "night-train", "--json"), 1, "dataset")
    (problem,) = utf16["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == ("nb:2", 1, None)
    assert problem["message"].startswith("not UTF-8: the file is saved as UTF-16")
    human = run("--add-data", "nb:2", "show", "night-train")
    assert human.stderr == f"kdrama: error: {utf16['message']}\n"
    assert utf16["message"].startswith("nb:2:1: not UTF-8")


def test_an_entry_that_breaks_the_schema_gives_its_line_and_location(
    run: Run, write_dataset: Any
) -> None:
    text = MINI.read_text(encoding="utf-8").replace('kind = "series"', 'kind = "sitcom"', 1)
    broken = write_dataset(text)
    error = _error(run("--data", str(broken), "list", "--json"), 1, "dataset")
    (problem,) = error["problems"]
    line = text.splitlines().index('slug = "moonlit-hallway"')  # its [[shows]] is the line before
    assert problem["file"] == str(broken) and problem["line"] == line
    assert problem["column"] is None
    assert problem["location"] == "shows[moonlit-hallway].kind"
    assert problem["message"].endswith("got 'sitcom'")
    human = run("--data", str(broken), "list")
    said = f"{broken}:{line}: shows[moonlit-hallway].kind: {problem['message']}"
    assert human.stderr.splitlines() == [f"kdrama: error: {said}"]
    assert error["message"] == said


def test_a_dataset_named_by_the_environment_says_so_in_a_note(write_dataset: Any) -> None:
    """The notes the human lines say after the problems are the error's notes."""
    broken = write_dataset('[[shows]]\nslug = "a"\ntitle = \n')
    result = CliRunner().invoke(
        cli, ["list", "--json"], env={"KDRAMA_DATA": str(broken)}, catch_exceptions=False
    )
    error = _error(result, 1, "dataset")
    assert error["notes"] and any("$KDRAMA_DATA names" in note for note in error["notes"])
    assert all(not note.startswith("kdrama:") for note in error["notes"])


def test_seen_import_of_a_bad_file_is_a_dataset_error(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("KDRAMA_SEEN", str(tmp_path / "seen.toml"))
    history = tmp_path / "seen.csv"
    history.write_text(
        "slug,title,korean_title,kind,seasons\nmoonlit-hallway,M,달빛 복도,series,1; x\n",
        encoding="utf-8",
    )
    error = _error(run("seen", "import", str(history), "--dry-run", "--json"), 1, "dataset")
    (problem,) = error["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == (str(history), 2, None)
    assert problem["message"] == "moonlit-hallway: a season is a number, not 'x'"
    missing = _error(run("seen", "import", str(tmp_path / "none.csv"), "--json"), 1, "dataset")
    assert missing["problems"][0]["message"] == "no such file"
    assert not (tmp_path / "seen.toml").exists()


def test_what_a_terminal_would_obey_is_taken_out_and_hangul_kept(run: Run) -> None:
    """The message is the human line's, made printable as it is, Hangul and all."""
    typed = "\x1b[31m한강 괴물"
    error = _error(run("show", typed, "--json"), 2, "not_found")
    assert "\x1b" not in error["message"] and "'한강 괴물'" in error["message"]
    assert run("show", typed).stderr == f"kdrama: error: {error['message']}\n"


def _kdrama_broken(raises: str, *args: str, debug: str = "") -> subprocess.CompletedProcess[str]:
    """The entry point, its command raising ``raises`` (a bug, Ctrl-C)."""
    code = (
        "import kdrama_cli.cli as entry\n"
        "def broken(*args, **kwargs):\n"
        f"    raise {raises}\n"
        "entry.cli.main = broken\n"
        "entry.main()\n"
    )
    env = {**os.environ, "KDRAMA_DEBUG": debug}
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )


def test_an_internal_error_and_an_interrupt_are_json_too() -> None:
    done = _kdrama_broken("RuntimeError('a bug in show')", "show", "x", "--json")
    assert done.returncode == 70 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    error = json.loads(line)["error"]
    assert (error["code"], error["kind"]) == (70, "internal")
    assert error["message"] == "RuntimeError: a bug in show"
    assert error["notes"] == [
        "a bug: please report it with the command; KDRAMA_DEBUG=1 adds the traceback"
    ]
    stopped = _kdrama_broken("KeyboardInterrupt", "show", "x", "--json")
    assert stopped.returncode == 130 and stopped.stdout == ""
    assert json.loads(stopped.stderr)["error"]["kind"] == "interrupted"
    human = _kdrama_broken("KeyboardInterrupt", "show", "x")
    assert (human.returncode, human.stderr) == (130, "kdrama: interrupted\n")


def test_ctrl_c_in_a_command_writes_no_blank_line_before_the_error() -> None:
    """walk-scripter (audit38): Ctrl-C while a command ran (not only at its start) went through
    click, which writes a blank line to close a terminal's ^C: a script's stderr held "\n"
    and then the one JSON line, so its first line was empty. Stderr that is no terminal now
    gets the error's line alone, JSON or human."""
    code = (
        "import kdrama_cli.cli as entry\n"
        "def broken(*args, **kwargs):\n"
        "    raise KeyboardInterrupt\n"
        "entry.LazyGroup.get_command = broken\n"  # while the group runs the command
        "entry.main()\n"
    )
    for asked in (["--json"], []):
        done = subprocess.run(
            [sys.executable, "-c", code, "show", "x", *asked], capture_output=True, text=True
        )
        assert done.returncode == 130 and done.stdout == "", done.stderr
        (line,) = done.stderr.split("\n")[:-1]  # one line, and nothing before it
        if asked:
            assert json.loads(line)["error"]["kind"] == "interrupted"
        else:
            assert line == "kdrama: interrupted"


#: A run of `python -m kdrama_cli` whose import of click, the first module the command line
#: imports, says so on stdout and then waits: the Ctrl-C a test sends then lands while the
#: modules import, every time, as one in a run's first milliseconds would by luck.
_SLOW_IMPORT = (
    "import runpy, sys, time\n"
    "class SlowClick:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'click':\n"
    "            print('importing click', flush=True)\n"
    "            time.sleep(60)\n"
    "        return None\n"
    "sys.meta_path.insert(0, SlowClick())\n"
    "runpy.run_module('kdrama_cli', run_name='__main__', alter_sys=True)\n"
)


def _interrupted_while_importing(*args: str) -> tuple[int, str]:
    """Ctrl-C while kdrama's modules import: the exit status and what stderr said."""
    import signal

    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_IMPORT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "importing click\n"
        process.send_signal(signal.SIGINT)  # what the terminal sends on Ctrl-C
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
    return process.returncode, stderr


def test_ctrl_c_while_the_modules_import_is_an_interrupt_without_a_traceback() -> None:
    """walk (review 38): Ctrl-C in a run's first ~50 ms, while the modules imported, printed
    Python's traceback (and ended by the signal) instead of the one line and exit 130 that
    every other Ctrl-C gets; with --json, that line of JSON, the same as a later Ctrl-C's."""
    status, said = _interrupted_while_importing("show", "squid-game")
    assert (status, said) == (130, "kdrama: interrupted\n")
    status, said = _interrupted_while_importing("show", "squid-game", "--json")
    assert status == 130 and "Traceback" not in said
    later = _kdrama_broken("KeyboardInterrupt", "show", "x", "--json")
    assert said == later.stderr and json.loads(said)["error"]["kind"] == "interrupted"


def test_ctrl_c_while_the_modules_import_at_a_terminal_begins_its_line_after_the_c() -> None:
    """At a terminal, which echoes ^C where the cursor is, the line starts on a line of its
    own, as a later Ctrl-C's does (cli.main)."""
    import signal

    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_IMPORT, "show", "squid-game"],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "importing click\n"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
        shown = os.read(leader, 1000).decode()
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    assert shown.replace("\r\n", "\n") == "\nkdrama: interrupted\n"


#: A run of kdrama's entry point (launch.main) that gets a first Ctrl-C (a real SIGINT, sent
#: to itself) while its modules import ("importing") or while its command runs ("running"),
#: and a second one as stderr is given the interrupt's line, just before it is written or
#: just after ("before", "after"): in the very step each lands in, not by a timer's luck.
_TWO_CTRL_C = """
import os, signal, sys

def ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)  # acted on before the next step of the program

def first_ctrl_c(*args, **kwargs):
    ctrl_c()
    while True:  # the interrupt lands here
        pass

class Stderr:
    def __init__(self, stream):
        self.stream = stream
    def write(self, text):
        said = isinstance(text, str) and "interrupted" in text
        if said and WHEN == "before":
            ctrl_c()
        written = self.stream.write(text)
        if said and WHEN == "after":
            ctrl_c()
        return written
    def __getattr__(self, name):
        return getattr(self.stream, name)

sys.stderr = Stderr(sys.stderr)
if WHERE == "running":
    import kdrama_cli.cli
    kdrama_cli.cli.LazyGroup.get_command = first_ctrl_c
else:
    class Click:
        def find_spec(self, name, path=None, target=None):
            if name == "click":
                sys.meta_path.remove(self)
                first_ctrl_c()
            return None
    sys.meta_path.insert(0, Click())
from kdrama_cli.launch import main
main()
"""


@pytest.mark.parametrize("where", ["running", "importing"])
@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("asked", [[], ["--json"]], ids=["human", "json"])
def test_a_second_ctrl_c_as_the_interrupt_is_said_has_it_said_once(
    where: str, when: str, asked: list[str]
) -> None:
    """A second Ctrl-C while "kdrama: interrupted" was being said: just after cli.main had
    written it, it took the run to launch, which said it again; just before, the line was
    lost (cli.main's, or launch's own). Ctrl-C is ignored once the interrupt is being said."""
    code = f"WHERE, WHEN = {where!r}, {when!r}\n{_TWO_CTRL_C}"
    done = subprocess.run(
        [sys.executable, "-c", code, "show", "x", *asked],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 130 and done.stdout == "", done.stderr
    if asked:
        (line,) = done.stderr.splitlines()
        assert json.loads(line)["error"]["kind"] == "interrupted"
    else:
        assert done.stderr == "kdrama: interrupted\n"


def test_the_traceback_asked_for_comes_before_the_json_line() -> None:
    done = _kdrama_broken("RuntimeError('a bug in show')", "show", "x", "--json", debug="1")
    assert done.returncode == 70
    first, *_, last = done.stderr.splitlines()
    assert first == "Traceback (most recent call last):"
    assert "RuntimeError: a bug in show" in done.stderr
    error = json.loads(last)["error"]
    assert (error["kind"], error["message"]) == ("internal", "RuntimeError: a bug in show")


def test_the_installed_command_writes_it_the_same_way() -> None:
    """Through the console script's entry point (cli.main), not only click's runner."""
    done = subprocess.run(
        [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), "show", "lanter", "--json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and done.stdout == ""
    error = json.loads(done.stderr)["error"]
    assert error["kind"] == "ambiguous"
    assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]


def test_many_problems_give_the_fifty_the_lines_list_and_the_count(
    run: Run, write_dataset: Any
) -> None:
    shows = "".join(f'[[shows]]\nslug = "s{n}"\ntitle = 5\n' for n in range(30))
    broken = write_dataset(f"[meta]\nschema = 1\n{shows}")
    error = _error(run("--data", str(broken), "show", "s1", "--json"), 1, "dataset")
    human = run("--data", str(broken), "show", "s1").stderr.splitlines()
    assert len(error["problems"]) == 50 < len(human)
    said = error["message"].splitlines()
    assert said == [line.removeprefix("kdrama: error: ") for line in human]
    assert said[-1].startswith("... and ") and "more problems" in said[-1]
    first = error["problems"][0]
    assert said[0] == f"{first['file']}:{first['line']}: {first['location']}: {first['message']}"


def test_an_output_that_cannot_be_written_is_a_file_error() -> None:
    """A full disk, and a standard output closed before the start (`>&-`): exit 1, as JSON."""
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), "list", "--json"]
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    error = json.loads(done.stderr)["error"]
    assert (error["kind"], error["message"]) == (
        "file",
        "cannot write the output: No space left on device",
    )
    closed = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *command], stderr=subprocess.PIPE, text=True
    )
    assert closed.returncode == 1
    error = json.loads(closed.stderr)["error"]
    assert (error["kind"], error["message"]) == ("file", "standard output is closed")


def test_with_json_a_terminal_is_not_asked_which_one(run: Run, monkeypatch: Any) -> None:
    """A script that asks for JSON expects no question: at a terminal, `show lantern --json`
    asked "Which one?" and waited for a pick (an Enter was the "cancelled" error). With --json
    anywhere after the command, a name that matches several is the "ambiguous" error at once,
    as in a pipe, every candidate in ``suggestions``; nothing typed is read."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    for words in (["show", "lantern", "--json"], ["show", "--json", "lantern"]):
        for typed in ("1\n", "\n", "x\ny\nz\n"):
            result = run(*words, input=typed)
            assert "Which one?" not in result.stderr, (words, typed)
            error = _error(result, 2, "ambiguous")
            assert result.stderr.count("\n") == 1  # the one line of JSON, nothing before it
            assert error["suggestions"] == ["moonlit-hallway", "river-of-lanterns"]
            assert error["message"].startswith("'lantern' matches 2 titles: moonlit-hallway")


def test_nothing_picked_at_the_prompt_is_cancelled_and_three_wrong_answers_ambiguous(
    run: Run, monkeypatch: Any
) -> None:
    """At a terminal, without --json, the picker asks; Enter cancels, and answers that are none
    of the numbers end in the error a pipe gets."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    result = run("show", "lantern", input="\n")
    assert (result.exit_code, result.stdout) == (2, "")
    # the terminal ends the question's line with the Enter typed; the runner's stderr does not
    asked, _, said = result.stderr.splitlines()[-1].rpartition("Enter to cancel]: ")
    assert asked.startswith("Which one?")
    assert said == "kdrama: cancelled: nothing was chosen"
    wrong = run("show", "lantern", input="x\ny\nz\n")
    assert (wrong.exit_code, wrong.stderr.count("Which one?")) == (2, 3)
    said = " ".join(wrong.stderr.split())
    assert said.endswith(
        "kdrama: error: 'lantern' matches 2 titles: moonlit-hallway (Moonlit Hallway, also The"
        " Lantern Room); river-of-lanterns (River of Lanterns). Please choose one: give its id,"
        " or more of the name."
    )


def test_a_miss_pointing_to_people_suggests_no_ids_show_cannot_take(run_shipped: Run) -> None:
    """walk 40: `show "director yeon" --json` has no suggestions though its message says the
    words name four directors. As docs/output.md says, suggestions are what the command that
    missed is retried with: a pointer to another command (a person, the crew a crew word
    names) gives none, and a title "Did you mean" names beside it stays alone."""
    doc = " ".join((REPO / "docs" / "output.md").read_text(encoding="utf-8").split())
    assert "'director yeon' names 4 directors: kdrama search 'director yeon' lists them" in doc
    crew = _error(run_shipped("show", "director yeon", "--json"), 2, "not_found")
    assert " names " in crew["message"] and " directors: " in crew["message"]
    assert crew["suggestions"] == []
    person = _error(run_shipped("show", "gong yoo", "--json"), 2, "not_found")
    assert "'gong yoo' is a person: kdrama person gong-yoo" in person["message"]
    assert person["suggestions"] == []
    beside = _error(run_shipped("show", "director hwang", "--json"), 2, "not_found")
    assert " directors: " in beside["message"] and "Did you mean Hwarang?" in beside["message"]
    assert beside["suggestions"] == ["hwarang"]

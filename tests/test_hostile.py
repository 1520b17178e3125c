"""Trust under bad input: hostile datasets, odd terminals, closed pipes and bad arguments.

Each case goes through the real CLI and must end with a clear message and a documented exit
code, never a traceback, and never print anything that can drive the terminal.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kdrama_cli.cli import cli
from tests.conftest import MINI, REPO, Run, as_json, at_entry

BASE = MINI.read_text(encoding="utf-8")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WriteDataset = Callable[..., Path]


def _invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


EXTRA = """
[meta]
schema = 1

[[citations]]
id = "extra-source"
url = "https://example.org/extra"
title = "Extra"
publisher = "Example Extra"

[[shows]]
slug = "paper-moon"
title = "Paper Moon"
kind = "film"
platform = "Example Pictures"
genres = ["drama"]
synopsis = "A forger paints the moon."
release_date = 2019-05-01
sources = ["extra-source"]
"""


# --- layering ---------------------------------------------------------------------------------


def test_add_data_merges_titles(write_dataset: WriteDataset) -> None:
    extra = write_dataset(EXTRA, "extra.toml")
    result = _invoke("--data", str(MINI), "--add-data", str(extra), "list", "--json")
    assert "paper-moon" in {row["slug"] for row in as_json(result)}


def test_personal_dataset_in_the_config_directory(tmp_path: Path) -> None:
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(EXTRA, encoding="utf-8")
    rows = as_json(_invoke("--data", str(MINI), "list", "--json"))
    assert "paper-moon" in {row["slug"] for row in rows}
    paths = _invoke("--data", str(MINI), "data", "path").output.splitlines()
    assert paths == [str(MINI), str(personal)]


def test_a_folder_where_the_personal_dataset_goes_is_said_not_passed_over(
    tmp_path: Path,
) -> None:
    """A folder named shows.toml in the config directory was passed over in silence, while a
    folder given to --add-data is an error: the person who made it meant a dataset there."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.mkdir(parents=True)
    result = _invoke("--data", str(MINI), "show", "moonlit-hallway")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"kdrama: error: {personal}: is a directory, not a regular file: a dataset is one .toml"
    )
    assert f"{personal} is your personal dataset" in " ".join(result.stderr.split())


@pytest.mark.parametrize("text", ["", " \n\t\n", "# my additions\n"], ids=repr)
@pytest.mark.parametrize("where", ["personal", "add-data", "included"])
def test_an_empty_layer_adds_nothing_as_one_holding_only_comments_does(
    tmp_path: Path, write_dataset: WriteDataset, text: str, where: str
) -> None:
    """touch ~/.config/kdrama/shows.toml, the first step to a layer, breaks nothing."""
    empty = tmp_path / "config" / "kdrama" / "shows.toml"
    empty.parent.mkdir(parents=True)
    empty.write_text(text, encoding="utf-8")
    extra: list[str] = []
    if where == "add-data":
        empty = empty.rename(tmp_path / "mine.toml")
        extra = ["--add-data", str(empty)]
    elif where == "included":
        empty = empty.rename(tmp_path / "mine.toml")
        layer = write_dataset('[meta]\nschema = 1\ninclude = ["mine.toml"]\n', "layer.toml")
        extra = ["--add-data", str(layer)]
    base = as_json(_invoke("--data", str(MINI), "list", "--json", env={"XDG_CONFIG_HOME": ""}))
    assert as_json(_invoke("--data", str(MINI), *extra, "list", "--json")) == base
    shown = _invoke("--data", str(MINI), *extra, "show", "night-train")
    assert shown.exit_code == 0 and "Night Train" in shown.stdout and shown.stderr == ""
    assert str(empty) in _invoke("--data", str(MINI), *extra, "data", "path").stdout
    assert _invoke("--data", str(MINI), *extra, "data", "check").exit_code == 0


PERSONAL_NOTE = "is your personal dataset, read automatically by every command"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # a TOML syntax error: PATH:LINE:COLUMN
        ("a = 1\nb = \n", ":2:5: a key has no value after ="),
        # an entry's problem: PATH:LINE of the entry
        ('[[shows]]\nslug = "kingdom"\ntitle = "K"\n', ":1: shows[kingdom].kind: missing"),
    ],
    ids=["syntax", "schema"],
)
@pytest.mark.parametrize("command", [["show", "night-train"], ["data", "check"], ["data", "path"]])
def test_a_problem_in_the_personal_dataset_says_what_that_file_is(
    tmp_path: Path, text: str, problem: str, command: list[str]
) -> None:
    """Nothing on the command line named it: the error says where it came from."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(text, encoding="utf-8")
    result = _invoke("--data", str(MINI), *command)
    lines = result.stderr.strip().splitlines()
    if command == ["data", "path"]:
        # data path reads files and checks nothing in them; one that does not even parse is
        # listed all the same, and said after the list (ux-review14, SHOULD 6)
        assert result.exit_code == 0
        assert result.stdout.splitlines() == [str(MINI), str(personal)]
        if problem.startswith(":1: shows"):
            assert result.stderr == ""
            return
        assert lines[0].startswith(f"kdrama: warning: {personal}{problem}"), lines
    else:
        assert result.exit_code == 1
        assert lines[0].startswith(f"kdrama: error: {personal}{problem}"), lines
    assert lines[-1] == (
        f"kdrama: note: {personal} {PERSONAL_NOTE} that uses the catalogue; fix it, or run with "
        "--no-personal to leave it out."
    )
    # The way out the note gives works, typed or from the environment, before or after the
    # command; data path says why the file every other run reads is not in its list.
    for switch, env in (
        (["--no-personal"], {}),
        ([], {"KDRAMA_NO_PERSONAL": "1"}),
    ):
        for args in (
            ["--data", str(MINI), *switch, *command],
            ["--data", str(MINI), *command, *switch],
        ):
            result = _invoke(*args, env=env)
            assert result.exit_code == 0, (args, env, result.stderr)
            if command == ["show", "night-train"]:
                assert "Night Train" in result.stdout and result.stderr == ""
            if command == ["data", "path"]:
                assert result.stdout.splitlines() == [str(MINI)]
                how = "$KDRAMA_NO_PERSONAL" if env else "--no-personal"
                assert result.stderr.splitlines() == [
                    f"kdrama: note: personal dataset: {personal} (left out: {how})"
                ]


def test_a_problem_in_a_file_the_personal_dataset_includes_says_how_it_is_read(
    tmp_path: Path, write_dataset: WriteDataset
) -> None:
    """A friend's pack kept loaded by including it from the personal dataset: months later an
    error named a file no command line named, and nothing said how it got loaded. A note names
    the personal dataset and the includes that lead to it, on every command that loads it."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    pack = tmp_path / "pack"
    (pack / "parts").mkdir(parents=True)
    index = pack / "index.toml"
    index.write_text('[meta]\ninclude = ["parts/ok.toml", "parts/more.toml"]\n', "utf-8")
    (pack / "parts" / "ok.toml").write_text("", encoding="utf-8")
    more = pack / "parts" / "more.toml"
    more.write_text('[[shows]]\nslug = "pack-film"\ntitle = "P"\ngenre = ["x"]\n', "utf-8")
    personal.write_text(f'[meta]\ninclude = ["{index}"]\n', encoding="utf-8")
    note = (
        f"kdrama: note: {more} is read through your personal dataset {personal},"
        f" meta.include[0], then {index}'s meta.include[1]; fix it, or take that include out of"
        " your personal dataset, or run with --no-personal, to run without it."
    )
    for command in (["show", "night-train"], ["data", "check"]):
        result = _invoke("--data", str(MINI), *command)
        assert result.exit_code == 1, command
        assert result.stderr.startswith(f"kdrama: error: {more}:1: shows[pack-film]"), command
        assert note in result.stderr.splitlines(), command
        assert f"{personal} {PERSONAL_NOTE}" not in result.stderr  # it has no problem itself
    # an include of the personal dataset that is not there is its own problem, said as one
    personal.write_text('[meta]\ninclude = ["gone.toml"]\n', encoding="utf-8")
    said = _invoke("--data", str(MINI), "show", "night-train").stderr
    assert "read through your personal dataset" not in said and PERSONAL_NOTE in said


def test_data_path_says_where_the_personal_dataset_goes_when_there_is_none(
    tmp_path: Path, write_dataset: WriteDataset
) -> None:
    """Only README.md said where a fan's own additions are read from: data path listed the files
    there are, and nothing when there was no personal dataset. A note names its path (stdout
    stays the list of files, for `kdrama data path | head -1`); once the file is there, the list
    names it and no note does."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    for args in (["data", "path"], ["data", "path", "--json"]):
        listed = _invoke("--data", str(MINI), *args)
        assert listed.exit_code == 0, listed.stderr
        assert listed.stderr.splitlines() == [
            f"kdrama: note: personal dataset: {personal} (none there; a file you put there is"
            " read by every command, over the base)"
        ]
    assert _invoke("--data", str(MINI), "data", "path").stdout.splitlines() == [str(MINI)]
    personal.parent.mkdir(parents=True)
    personal.write_text(EXTRA, encoding="utf-8")
    listed = _invoke("--data", str(MINI), "data", "path")
    assert (listed.stdout.splitlines(), listed.stderr) == ([str(MINI), str(personal)], "")


def test_data_path_lists_files_that_do_not_load_in_their_place(
    tmp_path: Path, write_dataset: WriteDataset
) -> None:
    """data path is what one asks when the dataset in use is broken: a layer that does not
    parse, and the missing file a layer includes, keep their place in the list (and in --json),
    each said on stderr, and the files after them are listed too (ux-review14, SHOULD 6)."""
    broken = write_dataset("a = 1\nb = \n", "broken.toml")
    including = write_dataset('[meta]\nschema = 1\ninclude = ["gone.toml"]\n', "including.toml")
    last = write_dataset("# my additions\n", "last.toml")
    layers = ["--add-data", str(broken), "--add-data", str(including), "--add-data", str(last)]
    expected = [str(MINI), str(broken), str(including), str(tmp_path / "gone.toml"), str(last)]
    listed = _invoke("--data", str(MINI), *layers, "data", "path")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.splitlines() == expected
    assert listed.stderr.splitlines() == [
        f"kdrama: warning: {broken}:2:5: a key has no value after =",
        f"kdrama: warning: {including}:3: meta.include[0]: {tmp_path / 'gone.toml'}: no such file",
        f"kdrama: note: personal dataset: {tmp_path / 'config' / 'kdrama' / 'shows.toml'} (none"
        " there; a file you put there is read by every command, over the base)",
    ]
    as_json_list = _invoke("--data", str(MINI), *layers, "data", "path", "--json")
    assert (as_json_list.exit_code, as_json(as_json_list)) == (0, expected)


def test_data_path_prints_an_included_name_without_its_control_characters(
    tmp_path: Path, write_dataset: WriteDataset
) -> None:
    """An include's name comes from the file: data path printed its bell, carriage return and
    terminal title sequence as they were, where data check's list of files removes them.
    --json keeps the name as it is, escaped."""
    named = "a\rb\x07c\x1b]0;title\x07.toml"
    # an entry: checked as a base, a file of none is refused as empty
    (tmp_path / named).write_text('[[people]]\nid = "kim-a"\nname = "Kim A"\n', encoding="utf-8")
    top = write_dataset(
        '[meta]\nschema = 1\ninclude = ["a\\rb\\u0007c\\u001b]0;title\\u0007.toml"]\n',
        "top.toml",
    )
    listed = _invoke("--data", str(MINI), "--add-data", str(top), "data", "path")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.splitlines() == [str(MINI), str(top), str(tmp_path / "abc.toml")]
    checked = _invoke("--data", str(MINI), "data", "check", str(top))
    assert str(tmp_path / "abc.toml") in checked.stdout.splitlines()
    as_json_list = _invoke("--data", str(MINI), "--add-data", str(top), "data", "path", "--json")
    assert as_json(as_json_list)[-1] == str(tmp_path / named)


def test_a_file_named_on_the_command_line_gets_no_personal_dataset_note(
    tmp_path: Path, write_dataset: WriteDataset
) -> None:
    broken = write_dataset("a = 1\nb = \n", "broken.toml")
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text("# nothing yet\n", encoding="utf-8")
    for args in (
        ["--add-data", str(broken), "show", "night-train"],
        ["data", "check", str(broken)],
    ):
        result = _invoke("--data", str(MINI), *args)
        assert result.exit_code == 1 and f"{broken}:2:5:" in result.stderr
        assert PERSONAL_NOTE not in result.stderr
    # The personal dataset named is checked as a layer, as it is loaded: one note says so.
    personal.write_text("a = 1\nb = \n", encoding="utf-8")
    named = _invoke("--data", str(MINI), "data", "check", str(personal))
    assert named.exit_code == 1 and f"{personal}:2:5:" in named.stderr
    assert PERSONAL_NOTE not in named.stderr
    assert named.stderr.count("is your personal dataset") == 1


def test_duplicate_slug_across_files_needs_override(write_dataset: WriteDataset) -> None:
    clash = EXTRA.replace('slug = "paper-moon"', 'slug = "night-train"')
    extra = write_dataset(clash, "extra.toml")
    result = _invoke("--data", str(MINI), "--add-data", str(extra), "show", "night-train")
    assert result.exit_code == 1
    assert f"{extra}:11: shows[night-train]: slug 'night-train' is already defined in" in (
        result.stderr
    )
    overriding = write_dataset(
        clash.replace('slug = "night-train"', 'slug = "night-train"\noverride = true'), "o.toml"
    )
    shown = _invoke("--data", str(MINI), "--add-data", str(overriding), "show", "night-train")
    assert shown.exit_code == 0 and "Paper Moon" in shown.output
    check = _invoke("--data", str(MINI), "--add-data", str(overriding), "data", "check")
    assert check.exit_code == 0
    assert "shows[night-train] overrides the one in" in check.stderr


def test_warnings_fail_only_with_strict(write_dataset: WriteDataset) -> None:
    unused = (
        BASE
        + '\n[[citations]]\nid = "never-used"\nurl = "https://example.org/x"\n'
        + ('title = "x"\npublisher = "x"\n')
    )
    path = write_dataset(unused)
    relaxed = _invoke("data", "check", str(path))
    assert relaxed.exit_code == 0
    warning = at_entry(path, relaxed.stderr.removeprefix("kdrama: warning: ").rstrip("\n"))
    assert warning == "citations[never-used]: never used"
    strict = _invoke("data", "check", str(path), "--strict", "--json")
    assert strict.exit_code == 1
    import json

    assert [at_entry(path, w) for w in json.loads(strict.stdout)["warnings"]] == [warning]


# --- failing files ------------------------------------------------------------------------------


def _fails(path: Path, expected: str) -> None:
    result = _invoke("--data", str(path), "show", "night-train")
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("kdrama: error: ") for line in lines)
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_missing_file_and_directory(tmp_path: Path) -> None:
    _fails(tmp_path / "nope.toml", "no such file")
    _fails(tmp_path, "is a directory")


def test_unreadable_file(write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_dataset(BASE)

    def denied(name: str) -> bytes:
        raise PermissionError(13, "Permission denied", name)

    import kdrama_cli.catalogue.loader

    monkeypatch.setattr(kdrama_cli.catalogue.loader, "_read_bytes", denied)
    _fails(path, "permission denied")


def test_invalid_utf8_and_empty_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[meta]\nschema = 1\n# \xff\xfe\n")
    _fails(bad, "not valid UTF-8")
    empty = tmp_path / "empty.toml"
    empty.write_text("  \n", encoding="utf-8")
    _fails(empty, "file is empty")


@pytest.mark.parametrize(
    "text", [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n\n"], ids=["bom", "bom-space"]
)
def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path, text: bytes) -> None:
    """A base holding only a byte-order mark (Notepad saving nothing) passed as a valid
    dataset of no titles, where a file of no bytes is refused: both are empty. As a layer it
    adds nothing, as an empty layer does."""
    marked = tmp_path / "marked.toml"
    marked.write_bytes(text)
    _fails(marked, f"kdrama: error: {marked}: file is empty")
    checked = _invoke("data", "check", "--alone", str(marked))
    assert (checked.exit_code, checked.stderr) == (1, f"kdrama: error: {marked}: file is empty\n")
    layered = _invoke("--data", str(MINI), "--add-data", str(marked), "show", "night-train")
    assert layered.exit_code == 0, layered.output


def test_a_byte_order_mark_is_read_as_notepad_meant(tmp_path: Path) -> None:
    """Windows Notepad starts UTF-8 files with a BOM; TOML forbids it, no editor shows it."""
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    shown = _invoke("--data", str(marked), "show", "night-train")
    assert shown.exit_code == 0, shown.output
    assert "Night Train" in shown.output
    assert _invoke("data", "check", str(marked)).exit_code == 0


def test_twenty_megabytes_of_junk_is_a_syntax_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.toml"
    junk.write_text("x = 1\n" + "@" * (20 * 1024 * 1024), encoding="utf-8")
    _fails(junk, f"{junk}:2:1:")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as stream:
        stream.truncate(65 * 1024 * 1024)
    # the limit as data/README.md gives it, not 67,108,864
    _fails(huge, "file is too large (68,157,440 bytes; the limit is 64 MiB)")


def test_deep_nesting(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    result = _invoke("--data", str(deep), "data", "check")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(deep) in result.stderr


def test_absurd_integers_and_bad_dates(write_dataset: WriteDataset) -> None:
    big = write_dataset(BASE.replace("episodes = 12", "episodes = 99999999999999999999999"))
    _fails(big, "seasons[0].episodes: must be at most 10000")
    bad_date = write_dataset(BASE.replace("release_date = 2016-07-20", "release_date = 2016-13-45"))
    _fails(bad_date, f"{bad_date}:")
    as_text = write_dataset(BASE.replace("as_of = 2022-03-01", 'as_of = "March 2022"'))
    _fails(as_text, "expected an unquoted TOML date")


# --- what reaches the terminal -----------------------------------------------------------------

HOSTILE = (
    "Evil \x1b[31mred\x1b[0m \x1b]8;;https://x.example\x07link\x1b]8;;\x07 \x07bell "
    "\u202egnp.exe [bold]b[/bold] [link=https://x]l[/]"
)


@pytest.fixture
def hostile(write_dataset: WriteDataset) -> Path:
    text = (
        BASE.replace(
            'synopsis = "Students trapped in a night school look for a way out before dawn."',
            f"synopsis = {_toml(HOSTILE)}",
        )
        .replace('character = "Cha Eun-bi"', f"character = {_toml(HOSTILE)}")
        .replace('name = "Kang Bo-ra"', f"name = {_toml(HOSTILE)}")
        .replace(
            'text = "The school set was built on a single sound stage."', f"text = {_toml(HOSTILE)}"
        )
    )
    return write_dataset(text)


def _toml(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"x": text}).removeprefix("x = ").rstrip("\n")


@pytest.mark.parametrize(
    "args",
    [
        ["show", "moonlit-hallway"],
        ["cast", "moonlit-hallway"],
        ["compare", "moonlit-hallway", "river-of-lanterns"],
        ["person", "kang-bora"],
        ["search", "Evil"],
        ["trivia", "--show", "moonlit-hallway", "--seed", "1"],
    ],
)
def test_control_characters_never_reach_the_terminal(hostile: Path, args: list[str]) -> None:
    result = _invoke("--data", str(hostile), *args)
    assert result.exit_code == 0, result.output
    assert not CONTROL.search(result.output), repr(result.output)
    assert "Evil" in result.output


def test_markup_in_data_is_literal(hostile: Path) -> None:
    out = _invoke("--data", str(hostile), "show", "moonlit-hallway").output
    assert "[bold]b[/bold]" in out and "[link=https://x]l[/]" in out


def test_json_escapes_controls(hostile: Path) -> None:
    result = _invoke("--data", str(hostile), "show", "moonlit-hallway", "--json")
    assert not CONTROL.search(result.stdout)
    assert "\\u001b[31m" in result.stdout and "\\u202e" in result.stdout
    import json

    assert json.loads(result.stdout)["synopsis"] == HOSTILE


@pytest.mark.parametrize("columns", ["20", "300"])
@pytest.mark.parametrize(
    "args",
    [
        ["show", "moonlit-hallway"],
        ["cast"],
        ["compare", "moonlit-hallway", "river-of-lanterns", "night-train"],
        ["person", "kang-bora"],
        ["search", "lantern"],
        ["list"],
        ["top", "-m", "hours-28"],
    ],
)
def test_narrow_and_wide_terminals(run: Run, columns: str, args: list[str]) -> None:
    result = run(*args, env={"COLUMNS": columns})
    assert result.exit_code == 0
    width = int(columns)
    from rich.cells import cell_len

    # A source's URL is never broken, nor a command the page suggests: each runs on, alone on
    # its line, and the terminal wraps it and copies it whole.
    whole = ("http", "kdrama ", "(kdrama ")
    lines = [line for line in result.output.splitlines() if not line.lstrip().startswith(whole)]
    assert all(cell_len(line) <= width for line in lines)
    assert all("\ufdd0" not in line for line in result.output.splitlines())


def test_figures_keep_their_window_on_a_narrow_terminal(run_shipped: Run) -> None:
    out = run_shipped("show", "all-of-us-are-dead", env={"COLUMNS": "50"}).output
    flat_out = " ".join(out.replace("│", " ").split())
    assert "124.79M hours, first 3 days" in flat_out


def _subprocess(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("KDRAMA_DATA", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kdrama_cli", *args], capture_output=True, env=full_env, timeout=60
    )


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C"},
    ],
)
def test_odd_terminals(env: dict[str, str]) -> None:
    result = _subprocess("show", "All of Us Are Dead", env=env)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"All of Us Are Dead" in result.stdout


def test_ascii_output_keeps_tables_aligned_and_punctuation_readable() -> None:
    """A stream that cannot encode Hangul wrote one "?" for a syllable measured two cells
    wide, so the panel's right border and every column after a Korean title moved left, and
    "[1–4]" read "[1?4]". Each character is now as wide as it was measured, and the pages'
    dashes and dots are their ASCII look-alikes."""
    result = _subprocess("show", "Squid Game", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("ascii").splitlines()
    panel = lines[: lines.index(lines[0], 1) + 1]  # the header panel, border to border
    assert {len(line) for line in panel} == {80}, panel
    assert "?????? ????" in panel[1]  # 오징어 게임: two cells each
    assert "2021-2025 . series . Netflix" in panel[2]
    cast = [line for line in lines if line.startswith(("Actor ", "Lee Jung-jae "))]
    assert len({line.index("|") for line in cast}) == 1, cast  # columns line up


def test_ascii_output_counts_a_decomposed_korean_title_as_the_table_does(tmp_path: Path) -> None:
    """A layer saved in NFD (a macOS tool) spells 달빛 복도 in jamo: the table measured 9
    cells, and the '?'s written for them were 15, so the row's columns moved right."""
    import unicodedata

    text = MINI.read_text(encoding="utf-8")
    assert "달빛 복도" in text
    decomposed = tmp_path / "nfd.toml"
    decomposed.write_text(
        text.replace("달빛 복도", unicodedata.normalize("NFD", "달빛 복도")), encoding="utf-8"
    )
    result = _subprocess(
        "--data",
        str(decomposed),
        "list",
        env={"PYTHONIOENCODING": "ascii", "COLUMNS": "100", "XDG_CACHE_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.decode("ascii").splitlines() if "|" in line]
    assert any("???? ????" in row and "?????" not in row for row in rows), rows
    assert len({tuple(i for i, c in enumerate(row) if c == "|") for row in rows}) == 1, rows


def test_an_unprintable_character_typed_under_an_ascii_locale_is_quoted_not_a_crash() -> None:
    """A no-break space typed in a C locale without UTF-8 mode: the suggested search quoted it
    through the file-system encoding, which has no such character (exit 70)."""
    result = _subprocess("show", "x\u00a0y", env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"})
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"kdrama search $'x\\xc2\\xa0y'" in result.stderr


def test_ascii_output_keeps_json_lossless() -> None:
    result = _subprocess("show", "kingdom", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    import json

    assert json.loads(result.stdout)["korean_title"] == "킹덤"


def test_ctrl_c_exits_130_without_traceback() -> None:
    env = {k: v for k, v in os.environ.items() if k != "KDRAMA_DATA"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kdrama_cli", "quiz", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # wait until the quiz is running
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    # stdin stays open until the process has exited: closing it (as communicate does) could
    # end the quiz at end of input before a loaded machine delivers the signal.
    proc.wait(timeout=30)
    assert proc.stderr is not None and proc.stdin is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdin.close()
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert b"kdrama: interrupted" in err and b"Score" not in out  # no question was answered


def test_closed_pipe_on_a_long_listing() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kdrama_cli", "cast"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert err == b""


# --- arguments ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", ""], "must not be empty"),
        (["show", "x" * 5000], "too long"),
        (["show", "?!?"], "letter or digit"),
        (["person", "   "], "must not be empty"),
        (["show", "moonlit-hallway", "--season", "99"], "not season 99"),
        (["cast", "--season", "0"], "seasons are numbered from 1"),
        (["cast", "--season", "²"], "is not a valid integer"),
        (["cast", "--season", "①"], "is not a valid integer"),
        (["cast", "--season", "9" * 5000], "'99999999999999999999…' is no season's number"),
        (["list", "--limit", "0"], "0 is not in the range"),
        (["top", "--limit", "-3"], "-3 is not in the range"),
        (["show", "lantern"], "Please choose one"),
        (["compare", "moonlit-hallway", ""], "must not be empty"),
    ],
)
def test_bad_arguments_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_readme_documents_exit_codes_and_merge_rules() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for needle in ("| 130 |", "| 2 |", "| 1 |", "How datasets are merged", "override = true"):
        assert needle in readme


@pytest.mark.parametrize(
    "args",
    [
        ["show", "squid\udcffgame"],
        ["cast", "squid\udcffgame"],
        ["search", "squid\udcffgame"],
        ["compare", "squid\udcffgame", "kingdom"],
        ["--no-cache", "show", "squid\udcffgame"],
    ],
)
def test_a_byte_that_is_not_utf8_in_a_name_is_dropped_with_or_without_the_index(
    run_shipped: Run, args: list[str]
) -> None:
    """A terminal in another encoding sends 'squid\\xffgame'; Python hands it over as a lone
    surrogate, which SQLite refused to encode (internal error, exit 70). The index now finds
    what the in-memory tables find: the byte matches nothing and the name is Squid Game."""
    result = run_shipped(*args)
    assert result.exit_code == 0, result.output
    assert "Squid Game" in result.stdout


def test_a_person_name_with_a_latin1_byte_is_an_ordinary_miss(run_shipped: Run) -> None:
    result = run_shipped("person", "Zo\udce9")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "no person matches" in result.stderr


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("squid\x1b[31mgame", "squidgame"),
        ("squid\tgame", "squid game"),
        ("zom\x07bie", "zombie"),
        ("squid\x85game", "squid game"),  # NEL is a line break
        ("\x1b]squid game", "squid game"),  # an OSC never ended keeps the text after it
    ],
)
def test_control_characters_pasted_into_a_query_are_taken_out(
    run: Run, typed: str, meant: str
) -> None:
    """A terminal escape or a bell pasted into a name is no part of it (a tab is a space): the
    query is what it would be without them, for every kind of match (a title matched the
    escape's letters while a genre did not)."""
    asked = run("search", typed, "--json")
    assert asked.exit_code == 0, asked.stderr
    assert asked.stdout == run("search", meant, "--json").stdout
    assert "\x1b" not in asked.stderr + asked.stdout

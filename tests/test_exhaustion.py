"""Class 3 of the trust issue: datasets that try to exhaust. Includes form a graph read each
file once, only regular files are read, reads are bounded, problem reports are summarised and
nothing from a dataset reaches the terminal unprintable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli
from tests.conftest import MINI, REPO

HEAD = "[meta]\nschema = 1\n"


def _kd(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_include_cycle_is_reported(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.toml", HEAD + 'include = ["b.toml"]\n')
    _write(tmp_path, "b.toml", HEAD + 'include = ["a.toml"]\n')
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    assert "includes itself (a.toml -> b.toml -> a.toml)" in result.stderr


def test_a_file_including_itself_is_reported(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.toml", HEAD + 'include = ["a.toml"]\n')
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    assert "includes itself" in result.stderr


def test_a_file_two_others_include_is_read_once(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "base.toml")
    _write(tmp_path, "d.toml", HEAD)
    _write(tmp_path, "b.toml", HEAD + 'include = ["d.toml"]\n')
    _write(tmp_path, "c.toml", HEAD + 'include = ["d.toml"]\n')
    a = _write(tmp_path, "a.toml", HEAD + 'include = ["b.toml", "c.toml", "c.toml"]\n')
    result = _kd("--data", str(tmp_path / "base.toml"), "--add-data", str(a), "data", "path")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("d.toml") == 1
    assert result.stdout.count("c.toml") == 1


def test_includes_too_deep_say_the_limit(tmp_path: Path) -> None:
    """A chain of includes is read 4 levels down from the file given; the fifth level was
    refused with "includes nest too deeply" alone, and data/README.md gave no limit."""
    for level in range(6):
        _write(tmp_path, f"d{level}.toml", HEAD + f'include = ["d{level + 1}.toml"]\n')
    _write(tmp_path, "d6.toml", HEAD)
    result = _kd("--data", str(MINI), "--add-data", str(tmp_path / "d0.toml"), "list")
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {tmp_path / 'd4.toml'}:3: meta.include[0]: includes nest too deeply: "
        "'d5.toml' would be included 5 levels down, and includes are read at most 4 levels "
        "down from the file given\n"
    )
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    assert "at most 4 levels down from the file given" in readme
    _write(tmp_path, "d4.toml", HEAD)
    listed = _kd("--data", str(MINI), "--add-data", str(tmp_path / "d0.toml"), "data", "path")
    # nothing wrong: the one line on stderr says where a personal dataset would be read from
    assert (listed.exit_code, listed.stderr.count("\n")) == (0, 1)
    assert listed.stderr.startswith("kdrama: note: personal dataset: ")
    assert listed.stdout.splitlines()[-1] == str(tmp_path / "d4.toml")


def test_an_exponential_include_fan_out_stays_small(tmp_path: Path) -> None:
    for level in range(12):
        following = f'"l{level + 1}.toml"'
        _write(tmp_path, f"l{level}.toml", HEAD + f"include = [{', '.join([following] * 4)}]\n")
    _write(tmp_path, "l12.toml", HEAD)
    result = _kd("--data", str(tmp_path / "l0.toml"), "data", "path")
    assert result.exit_code in (0, 1)
    assert len(result.output) < 10_000


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: os.mkfifo(folder / "x.toml"), "named pipe"),
        (lambda folder: (folder / "x.toml").mkdir(), "is a directory"),
        (lambda folder: (folder / "x.toml").symlink_to("/dev/zero"), "is a device"),
    ],
    ids=["fifo", "directory", "device"],
)
def test_only_regular_files_are_read(tmp_path: Path, make: object, expected: str) -> None:
    make(tmp_path)  # type: ignore[operator]
    for args in (["--data", str(tmp_path / "x.toml")], ["--add-data", str(tmp_path / "x.toml")]):
        result = _kd(*args, "show", "x")
        assert result.exit_code == 1
        assert expected in result.stderr
    a = _write(tmp_path, "a.toml", HEAD + 'include = ["x.toml"]\n')
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    assert expected in result.stderr


def test_the_size_limit_applies_to_what_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as stream:
        stream.truncate(100 * 1024**3)  # sparse: 100 GB reported, nothing on disk
    result = _kd("--data", str(big), "data", "check")
    assert result.exit_code == 1
    assert "too large" in result.stderr
    from kdrama_cli.catalogue.reading import UnreadableFile, read_regular_file

    with pytest.raises(UnreadableFile, match="too large"):
        read_regular_file("/proc/self/environ", limit=3)


def test_thousands_of_problems_are_summarised(tmp_path: Path) -> None:
    shows = "".join(f'[[shows]]\nslug = "s{n}"\ntitle = 5\nkind = "nope"\n' for n in range(3000))
    a = _write(tmp_path, "a.toml", HEAD + shows)
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) <= 60
    assert "more problems" in lines[-1]
    assert "expected a string" in lines[-1]


def test_problems_differing_only_in_an_id_are_summarised_as_one_kind(tmp_path: Path) -> None:
    """Eighty citations no file defines are one kind of problem with its ids named, where each
    id made a kind of its own ('1 x unknown citation 'nope-50'; ...; and 78 other kinds')."""
    people = "".join(
        f'[[people]]\nid = "p{n}"\nname = "P{n}"\nsources = ["nope-{n}"]\n' for n in range(130)
    )
    a = _write(tmp_path, "a.toml", HEAD + people)
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.endswith(
        "... and 80 more problems (80 x unknown citation (nope-50, nope-51, nope-52, …))"
    ), last


def test_dataset_text_reaches_stderr_printable(tmp_path: Path) -> None:
    a = _write(
        tmp_path,
        "a.toml",
        HEAD
        + 'include = ["\\u001b[2Jmissing.toml"]\n'
        + '[[shows]]\nslug = "\\u001b]0;pwn\\u0007\\u001b[31mred"\ntitle = 5\n',
    )
    result = _kd("--data", str(a), "data", "check")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    named = tmp_path / "\x1b[31mred.toml"
    result = _kd("--data", str(named), "show", "x")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "red.toml" in result.stderr


def test_thousands_of_duplicate_ids_read_the_file_once_for_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each duplicate's line numbers come from one scan of its file, not one read per duplicate
    (20,000 duplicates took minutes that way), and only once a duplicate asks for them."""
    from kdrama_cli.catalogue import loader
    from kdrama_cli.catalogue.reading import MAX_FILE_BYTES

    reads: list[str] = []
    real_read = loader.read_regular_file

    def counted(name: str, limit: int = MAX_FILE_BYTES) -> bytes:
        reads.append(os.path.basename(name))
        return real_read(name, limit)

    monkeypatch.setattr(loader, "read_regular_file", counted)
    people = "".join(f'[[people]]\nid = "p"\nname = "P{n}"\n' for n in range(20_000))
    a = _write(tmp_path, "a.toml", HEAD + people)
    result = _kd("--data", str(a), "show", "x")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    first = "duplicate id 'p' (first at people[0], line 3)"
    assert lines[0] == f"kdrama: error: {a}:6: people[1].id: {first}"
    assert lines[-1].endswith("19,949 x duplicate id 'p' (first at people[0], line 3))")
    assert reads.count("a.toml") == 2  # parsed once, scanned for headers once
    reads.clear()
    shutil.copy(MINI, tmp_path / "base.toml")
    result = _kd("--data", str(tmp_path / "base.toml"), "data", "check")
    assert result.exit_code == 0, result.output
    assert reads.count("base.toml") == 1  # no duplicate: not read again


def test_one_problem_past_those_listed_is_counted_as_one() -> None:
    """'... and 1 more problems (...; and 1 other kinds)' now reads as English."""
    from kdrama_cli.catalogue.problems import summary

    problems = ["a", "b", "c", "d", "e"]
    assert summary(problems, shown=4)[-1] == "... and 1 more problem (1 x e)"
    many = summary(["a", "b", "c", "d", "e", "f"], shown=2)[-1]
    assert many == "... and 4 more problems (1 x c; 1 x d; 1 x e; and 1 other kind)"

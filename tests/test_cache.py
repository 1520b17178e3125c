"""The on-disk index: hits, staleness, corruption, unwritable caches, concurrency, --no-cache,
and identical answers with and without it."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import kdrama_cli.catalogue.loader
from kdrama_cli.cli import cli
from tests.conftest import MINI, REPO


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _indexes(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "kdrama").glob("index-*.sqlite"))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "shows.toml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_second_run_is_answered_from_the_index(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run("--data", str(dataset), "show", "moonlit-hallway", "--json")
    assert len(_indexes(tmp_path)) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dataset was parsed although the index is fresh")

    monkeypatch.setattr(kdrama_cli.catalogue.loader, "load_dataset", no_parsing)
    assert _run("--data", str(dataset), "show", "moonlit-hallway", "--json") == first


def test_an_edit_makes_the_index_stale(dataset: Path) -> None:
    _run("--data", str(dataset), "show", "moonlit-hallway")
    dataset.write_text(
        dataset.read_text(encoding="utf-8").replace("Moonlit Hallway", "Moonlit Corridor"),
        encoding="utf-8",
    )
    out = json.loads(_run("--data", str(dataset), "show", "moonlit-hallway", "--json"))
    assert out["title"] == "Moonlit Corridor"


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(dataset: Path) -> None:
    _run("--data", str(dataset), "show", "moonlit-hallway")
    before = dataset.stat()
    text = dataset.read_text(encoding="utf-8").replace("Dalbit Bokdo", "Dalbit Bokda")
    dataset.write_text(text, encoding="utf-8")
    os.utime(dataset, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert dataset.stat().st_size == before.st_size
    out = json.loads(_run("--data", str(dataset), "show", "moonlit-hallway", "--json"))
    assert out["romanization"] == "Dalbit Bokda"


def test_a_touched_file_is_hashed_once_then_trusted_again(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kdrama_cli.store.index
    from kdrama_cli.store.pages import fresh_index_id

    folder = str(tmp_path / "cache" / "kdrama")
    first = _run("--data", str(dataset), "show", "moonlit-hallway", "--json")
    os.utime(dataset, ns=(time.time_ns(), time.time_ns() + 10**9))  # same bytes, new times
    assert fresh_index_id(folder, [str(dataset)]) is None
    assert _run("--data", str(dataset), "show", "moonlit-hallway", "--json") == first
    kdrama_cli.store.index.run_pending()  # what the CLI's exit does once the answer is out
    assert fresh_index_id(folder, [str(dataset)]) is not None

    def no_hashing(path: str) -> str:
        raise AssertionError("hashed a file whose new times were recorded")

    monkeypatch.setattr(kdrama_cli.store.index, "_sha256", no_hashing)
    monkeypatch.setattr(kdrama_cli.catalogue.loader, "load_dataset", no_hashing)
    assert _run("--data", str(dataset), "show", "moonlit-hallway", "--json") == first


def test_an_included_file_is_watched_too(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[meta]\nschema = 1\n\n[[stats]]\nshow = "night-train"\nmetric = "views"\nvalue = 5\n'
        'unit = "views"\nwindow = "total"\nas_of = 2020-01-01\nsources = ["test-chart"]\n',
        encoding="utf-8",
    )
    base = tmp_path / "shows.toml"
    base.write_text(
        MINI.read_text(encoding="utf-8").replace(
            "schema = 1\n", 'schema = 1\ninclude = ["extra.toml"]\n', 1
        ),
        encoding="utf-8",
    )
    first = json.loads(_run("--data", str(base), "show", "night-train", "--json"))
    assert [s["value"] for s in first["stats"]] == [5]
    extra.write_text(extra.read_text(encoding="utf-8").replace("value = 5", "value = 7"))
    second = json.loads(_run("--data", str(base), "show", "night-train", "--json"))
    assert [s["value"] for s in second["stats"]] == [7]


def test_a_corrupt_index_falls_back_to_parsing(dataset: Path, tmp_path: Path) -> None:
    expected = _run("--data", str(dataset), "cast", "--json")
    (index,) = _indexes(tmp_path)
    index.write_bytes(b"this is not a database" * 100)
    assert _run("--data", str(dataset), "cast", "--json") == expected
    (rebuilt,) = _indexes(tmp_path)
    assert rebuilt.read_bytes().startswith(b"SQLite format 3")


def test_an_index_others_can_write_is_not_trusted(dataset: Path, tmp_path: Path) -> None:
    _run("--data", str(dataset), "show", "night-train")
    (index,) = _indexes(tmp_path)
    index.chmod(0o666)
    from kdrama_cli.store.index import open_index

    assert open_index(tmp_path / "cache" / "kdrama", [dataset]) is None


def test_an_unwritable_cache_still_answers(dataset: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(blocker)}
    out = json.loads(_run("--data", str(dataset), "show", "night-train", "--json", env=env))
    assert out["title"] == "Night Train"


def test_no_cache_writes_nothing_and_answers_the_same(dataset: Path, tmp_path: Path) -> None:
    uncached = _run(
        "--no-cache",
        "--data",
        str(dataset),
        "compare",
        "moonlit-hallway",
        "river-of-lanterns",
        "--json",
    )
    assert _indexes(tmp_path) == []
    assert (
        _run("--data", str(dataset), "compare", "moonlit-hallway", "river-of-lanterns", "--json")
        == uncached
    )


def test_a_bad_kdrama_no_cache_is_named_as_the_variable(dataset: Path, tmp_path: Path) -> None:
    """KDRAMA_NO_CACHE=abc was click's Usage block about '--no-cache', an option never typed:
    one line names the variable, as a bad KDRAMA_TODAY does. The values click took still do."""
    args = ["--data", str(dataset), "show", "moonlit-hallway"]
    result = CliRunner().invoke(cli, args, env={"KDRAMA_NO_CACHE": "abc"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kdrama: error: KDRAMA_NO_CACHE='abc' is not 1 or 0 (nor true or false, yes or no,"
        " on or off)\n"
    )
    for value in ("1", "Yes", "on"):
        _run(*args, env={"KDRAMA_NO_CACHE": value})
        assert _indexes(tmp_path) == []
    assert "Moonlit Hallway" in _run("--no-cache", *args, env={"KDRAMA_NO_CACHE": "abc"})
    _run(*args, env={"KDRAMA_NO_CACHE": "0"})
    assert len(_indexes(tmp_path)) == 1


def test_cache_clear(dataset: Path, tmp_path: Path) -> None:
    _run("--data", str(dataset), "show", "night-train")
    assert _indexes(tmp_path)
    assert "removed 1 index and 1 name list from" in _run("cache", "clear")
    assert _indexes(tmp_path) == []


def test_cache_clear_says_what_it_removed_and_removes_what_its_help_says(
    dataset: Path, tmp_path: Path
) -> None:
    """After a page was stored, `cache clear` said "removed 0 index files" (its count was of
    indexes only, taken after the pages went) and left pages/ and build.lock behind, though
    its help says "Delete every index, page and name list". It names what went, removes the
    pages' folder and the build lock (which no run holds), and leaves a folder not its own."""
    from kdrama_cli.catalogue.locking import locked

    folder = tmp_path / "cache" / "kdrama"
    env = {"KDRAMA_SYNC_INDEX": "1"}
    _run("--data", str(dataset), "show", "night-train", env=env)
    _run("--data", str(dataset), "show", "night-train", env=env)  # stored as a page
    assert (folder / "build.lock").exists() and list((folder / "pages").iterdir())
    (folder / "mine").mkdir()  # not the cache's: stays
    said = _run("cache", "clear")
    assert said.startswith("removed 1 index, 1 name list and 1 page from "), said
    assert sorted(p.name for p in folder.iterdir()) == ["mine"]
    assert _run("cache", "clear").startswith("nothing to remove: ")
    # leftovers alone (a lock no run holds, a sidecar whose index went) are removed and said
    # to be: "nothing to remove" read false when files had gone
    (folder / "build.lock").touch()
    (folder / "index-deadbeef-00000000.sqlite.files").touch()
    said = _run("cache", "clear")
    assert said.startswith("removed 2 leftover files (no index, page or name list) from "), said
    assert sorted(p.name for p in folder.iterdir()) == ["mine"]
    # a build lock another run holds (compiling) is kept, and said to be
    (folder / "build.lock").touch()
    # ... and so is the index it is writing (a fresh temporary file), so that its build does
    # not fail at the rename; an index already built goes
    writing = folder / ".index-deadbeef-00000000.sqlite.0123456789ab.tmp"
    writing.touch()
    (folder / "index-deadbeef-00000000.sqlite").touch()
    with locked(str(folder / "build.lock"), wait=0):
        held = CliRunner().invoke(cli, ["cache", "clear"], catch_exceptions=False)
    assert held.exit_code == 0
    assert (folder / "build.lock").exists() and writing.exists()
    assert not (folder / "index-deadbeef-00000000.sqlite").exists()
    assert "build.lock kept: another kdrama holds it" in held.stderr


def test_cache_clear_that_could_not_remove_says_so_and_fails(dataset: Path, tmp_path: Path) -> None:
    """In a cache folder the user may not change (chmod 500, chattr +i), `cache clear` said
    "removed 1 index and 1 name list", exit 0, and removed nothing: it counted the folder
    before removing and the removals fail without a word. A script clearing to force a rebuild
    believed it. It now says nothing was removed, and why, exit 1."""
    _run("--data", str(dataset), "show", "night-train")
    folder = tmp_path / "cache" / "kdrama"
    before = sorted(p.name for p in folder.iterdir())
    real_unlink, real_access = os.unlink, os.access

    def unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path).parent == folder:  # what a folder without write permission does
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        return Path(path) != folder and real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:  # undone here, leaving the fixtures' own
        patch.setattr(os, "unlink", unlink)
        patch.setattr(os, "access", access)
        result = CliRunner().invoke(cli, ["cache", "clear"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: could not remove 3 files from {folder}: Permission denied\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == before
    again = _run("cache", "clear")
    assert again.startswith("removed 1 index and 1 name list from "), again


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="a read-only mount is told by statvfs")
def test_cache_clear_on_a_read_only_mount_says_so(dataset: Path, tmp_path: Path) -> None:
    """On a cache folder mounted read-only, `cache clear` said "Permission denied", even to
    the folder's owner (root too), who then checked its mode in vain: it says what stops it,
    in one line, exit 1 (a file error, README's "Exit codes")."""
    _run("--data", str(dataset), "show", "night-train")
    folder = tmp_path / "cache" / "kdrama"
    real_unlink, real_access, real_statvfs = os.unlink, os.access, os.statvfs

    def unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path).parent == folder:  # what a read-only mount does
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        return Path(path) != folder and real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def statvfs(path: str | os.PathLike[str]) -> object:
        found = real_statvfs(path)
        if Path(path) != folder:
            return found
        return SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "unlink", unlink)
        patch.setattr(os, "access", access)
        patch.setattr(os, "statvfs", statvfs)
        result = CliRunner().invoke(cli, ["cache", "clear"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: could not remove 3 files from {folder}: Read-only file system\n"
    )


@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_an_export_with_cache_clear_is_refused_before_anything_is_removed(
    dataset: Path, tmp_path: Path, export: str
) -> None:
    """cache clear prints no page: the export is a usage error given before the cache is
    cleared, not after (which would report a clear that was made as failed)."""
    _run("--data", str(dataset), "show", "night-train")
    before = _indexes(tmp_path)
    result = CliRunner().invoke(cli, [export, str(tmp_path / "out"), "cache", "clear"])
    assert result.exit_code == 2
    assert "save a printed page; cache clear prints none" in result.stderr
    assert "removed" not in result.output
    assert before and _indexes(tmp_path) == before
    assert not (tmp_path / "out").exists()


def test_concurrent_first_runs_agree_and_leave_a_valid_index(dataset: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "KDRAMA_SYNC_INDEX": "1"}
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(dataset), "cast", "--json"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [e for _, e in outputs]
    assert len({out for out, _ in outputs}) == 1
    (index,) = _indexes(tmp_path)
    assert not list((tmp_path / "cache" / "kdrama").glob("*.tmp"))
    from kdrama_cli.store.index import open_index

    reopened = open_index(index.parent, [dataset])
    assert reopened is not None
    assert sorted(reopened.shows) == ["moonlit-hallway", "night-train", "river-of-lanterns"]


@pytest.mark.skipif(sys.platform == "win32", reason="the holder takes the lock with fcntl")
def test_a_run_leaves_the_compile_to_the_one_building_and_a_dead_builder_blocks_nobody(
    dataset: Path, tmp_path: Path
) -> None:
    """Parallel first runs each compiled their own index (twelve runs, seven 14 MB temporary
    files at once). While another run holds the build lock, a run answers from the files and
    compiles nothing, without waiting; once the holder is killed, the next run compiles."""
    folder = tmp_path / "cache" / "kdrama"
    folder.mkdir(parents=True, mode=0o700)
    hold = (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(120)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(folder / "build.lock")], stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        started = time.monotonic()
        out = json.loads(_run("--data", str(dataset), "show", "night-train", "--json"))
        assert out["title"] == "Night Train"
        # it did not wait for the holder, which holds the lock for 120 s (a bound against a
        # wait, not a speed figure: a loaded CI machine stays far below it)
        assert time.monotonic() - started < 60
        assert _indexes(tmp_path) == []
        assert not list(folder.glob("*.tmp"))
    finally:
        holder.kill()  # a builder that dies holding the lock
        holder.wait()
    _run("--data", str(dataset), "show", "night-train")
    assert len(_indexes(tmp_path)) == 1


def test_an_index_made_fresh_meanwhile_is_kept(dataset: Path, tmp_path: Path) -> None:
    """A run that parsed while another compiled uses that index instead of compiling again."""
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.store.index import write_index

    folder = tmp_path / "cache" / "kdrama"
    folder.mkdir(parents=True, mode=0o700)
    parsed = load_dataset([dataset])
    assert write_index(folder, [dataset], parsed)
    (index,) = _indexes(tmp_path)
    before = index.stat()
    assert write_index(folder, [dataset], parsed)
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_index_is_written_in_the_background_by_default(dataset: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KDRAMA_SYNC_INDEX"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(dataset), "show", "night-train"]
    result = subprocess.run(command, capture_output=True, env=env, timeout=60)
    assert result.returncode == 0 and b"Night Train" in result.stdout
    deadline = time.monotonic() + 30
    while not _indexes(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _indexes(tmp_path), "the background child did not write the index"


COMMANDS = [
    ["show", "{show}", "--json"],
    ["show", "{show}", "--spoilers"],
    ["cast", "--json"],
    ["cast", "--season", "2", "--json"],
    ["compare", "{show}", "{other}", "--json"],
    ["person", "{person}", "--json"],
    ["search", "{query}", "--json"],
    ["list", "--sort", "year", "--json"],
    ["top", "--metric", "weeks", "--json"],
    ["chart", "{show}", "--json"],
    ["trivia", "--seed", "3", "--json"],
    ["quiz", "--seed", "3", "--questions", "3", "--json"],
    ["data", "check", "--json"],
]


def _answers(data: Path, use_cache: bool, values: dict[str, str]) -> list[str]:
    prefix = ["--data", str(data)] + ([] if use_cache else ["--no-cache"])
    answers = []
    for command in COMMANDS:
        args = [part.format(**values) for part in command]
        answers.append(_run(*prefix, *args))
    return answers


@pytest.mark.parametrize("source", ["shipped", "generated"])
def test_answers_are_identical_with_and_without_the_index(source: str, tmp_path: Path) -> None:
    if source == "shipped":
        data = REPO / "data" / "shows.toml"
        values = {
            "show": "squid-game",
            "other": "all-of-us-are-dead",
            "person": "Lee Yoo-mi",
            "query": "zombie",
        }
    else:
        data = tmp_path / "synthetic.toml"
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks" / "make_dataset.py"),
                "--shows",
                "60",
                "--out",
                str(data),
            ],
            check=True,
            capture_output=True,
        )
        values = {
            "show": "synthetic-show-7",
            "other": "synthetic-show-8",
            "person": "Synthetic Person 12",
            "query": "synthetic show 1",
        }
    uncached = _answers(data, False, values)
    _run("--data", str(data), "show", values["show"])  # build the index
    assert _indexes(tmp_path)
    cached = _answers(data, True, values)
    for command, plain, indexed in zip(COMMANDS, uncached, cached, strict=True):
        assert plain == indexed, command


def _pages(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "kdrama" / "pages").glob("page-*.txt"))


def test_a_repeated_page_is_replayed_byte_for_byte(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run("--data", str(dataset), "show", "moonlit-hallway")  # parses, writes the index
    second = _run("--data", str(dataset), "show", "moonlit-hallway")  # renders, stores the page
    assert len(_pages(tmp_path)) == 1
    import kdrama_cli.views.console

    def no_rendering(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page was rendered although it is cached")

    monkeypatch.setattr(kdrama_cli.views.console, "print_renderable", no_rendering)
    third = _run("--data", str(dataset), "show", "moonlit-hallway")
    assert first == second == third


def test_a_replayed_page_imports_no_view(dataset: Path) -> None:
    """A stored page is read and printed: no SQLite, no Rich, no module of the views. Asking
    whether the terminal is dumb (a page to be paged is not replayed) imported views.console
    on every replay, a pipe's too."""
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "from kdrama_cli.cli import main\n"
        "def ended(code):\n"  # main ends with os._exit: the checks below run after it
        "    raise SystemExit(code)\n"
        "os._exit = ended\n"
        f"sys.argv = ['kdrama', '--data', {str(dataset)!r}, 'show', 'moonlit-hallway']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('kdrama_cli.views', 'rich')))\n"
        "assert loaded == ['kdrama_cli.views'], loaded\n"
        "assert 'sqlite3' not in sys.modules\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        for _ in range(3)  # parses and writes the index, renders and stores the page, replays
    ]
    assert "Moonlit Hallway" in runs[2].stdout
    assert runs[2].stdout == runs[1].stdout
    assert runs[2].returncode == 0, runs[2].stderr


def test_a_dataset_text_naming_kdrama_is_laid_out_as_any_text(dataset: Path) -> None:
    """The page cache's key asked how a suggested command begins through command_line, which
    then remembered a bare "kdrama" as a command: a fact saying "kdrama" and a long word ran
    on past the width, on the pages of runs that had an index only. The character a page
    joins a command's words with is not dataset text either: clean() takes it out."""
    with dataset.open("a", encoding="utf-8") as file:
        file.write(
            """
[[shows]]
slug = "kdrama-fan-club"
title = "Kdrama Fan Club"
kind = "film"
platform = "Example Pictures"
genres = ["comedy"]
synopsis = "A fan meets\ufdd0her idols."
release_date = 2020-01-01
sources = ["test-press"]

[[shows.facts]]
text = "Its heroine is a kdrama fanatic_with_a_very_long_handle_indeed."
sources = ["test-press"]
"""
        )
    # named by $KDRAMA_DATA, the dataset adds no option: a suggested command is "kdrama ..."
    narrow = {"COLUMNS": "40", "KDRAMA_DATA": str(dataset)}
    pages = [_run("show", "kdrama-fan-club", env=narrow) for _ in range(3)]  # then indexed
    pages.append(_run("--no-cache", "show", "kdrama-fan-club", env=narrow))
    assert pages[0] == pages[1] == pages[2] == pages[3]
    assert "• Its heroine is a kdrama\n" in pages[0]  # the long word went to the next line
    assert "meetsher idols" in " ".join(pages[0].split()) and "\ufdd0" not in pages[0]


def test_pages_depend_on_width_colour_and_options(dataset: Path, tmp_path: Path) -> None:
    args = ["--data", str(dataset), "show", "moonlit-hallway"]
    _run(*args)
    narrow = [_run(*args, env={"COLUMNS": "60"}) for _ in range(2)]
    wide = [_run(*args, env={"COLUMNS": "120"}) for _ in range(2)]
    spoilers = [_run(*args, "--spoilers") for _ in range(2)]
    colour = [_run(*args, env={"NO_COLOR": "", "FORCE_COLOR": "1"}) for _ in range(2)]
    assert narrow[0] == narrow[1] and wide[0] == wide[1] and colour[0] == colour[1]
    # (a suggested command naming the dataset's long path runs on, alone on its line)
    lines = [line for line in narrow[0].splitlines() if not line.startswith("kdrama --data")]
    assert max(len(line) for line in lines) <= 60
    assert max(len(line) for line in wide[0].splitlines()) > 60
    assert "survives the first season" in spoilers[1]
    assert "\x1b[" in colour[1] and "\x1b[" not in narrow[1]


def test_an_edit_retires_every_stored_page(dataset: Path, tmp_path: Path) -> None:
    for _ in range(2):
        _run("--data", str(dataset), "show", "moonlit-hallway")
    assert _pages(tmp_path)
    dataset.write_text(
        dataset.read_text(encoding="utf-8").replace("Moonlit Hallway", "Moonlit Corridor"),
        encoding="utf-8",
    )
    assert "Moonlit Corridor" in _run("--data", str(dataset), "show", "moonlit-hallway")
    assert _pages(tmp_path) == []
    for _ in range(2):
        assert "Moonlit Corridor" in _run("--data", str(dataset), "show", "moonlit-hallway")


def test_a_rebuild_keeps_the_pages_of_other_dataset_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the pages rendered from the index a build replaces are stale: every build used to
    remove the stored pages of every dataset list, so a --data or --add-data run cost the
    others a render again."""
    first, second = _copies(tmp_path, 2)
    for copy in (first, second):
        for _ in range(2):  # parse + index, then render + store
            _run("--data", str(copy), "show", "moonlit-hallway")
    assert len(_pages(tmp_path)) == 2
    kept = _run("--data", str(second), "show", "moonlit-hallway")
    first.write_text(
        first.read_text(encoding="utf-8").replace("Moonlit Hallway", "Moonlit Corridor"),
        encoding="utf-8",
    )
    assert "Moonlit Corridor" in _run("--data", str(first), "show", "moonlit-hallway")
    assert len(_pages(tmp_path)) == 1  # the first list's page went with its index
    import kdrama_cli.views.console

    def no_rendering(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page was rendered although it is cached")

    monkeypatch.setattr(kdrama_cli.views.console, "print_renderable", no_rendering)
    assert _run("--data", str(second), "show", "moonlit-hallway") == kept
    _run("cache", "clear")  # still removes every page
    assert _pages(tmp_path) == []


def test_the_pages_of_a_pruned_index_go_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that prunes an index removes the pages rendered from it: nothing reads them
    again, and no longer does every build empty the pages folder."""
    import kdrama_cli.store.index as index

    monkeypatch.setattr(index, "KEEP_INDEXES", 1)
    first, second = _copies(tmp_path, 2)
    for _ in range(2):
        _run("--data", str(first), "show", "moonlit-hallway")
    assert len(_pages(tmp_path)) == 1
    _run("--data", str(second), "show", "moonlit-hallway")
    assert not _index_of(tmp_path, first).exists()
    assert _pages(tmp_path) == []


def test_exports_and_no_cache_never_use_pages(dataset: Path, tmp_path: Path) -> None:
    for _ in range(2):
        _run("--data", str(dataset), "show", "night-train")
    svg = tmp_path / "out.svg"
    _run("--data", str(dataset), "--export-svg", str(svg), "show", "night-train")
    assert "Night" in svg.read_text(encoding="utf-8")  # SVG encodes spaces as &#160;
    assert "Night Train" in _run("--no-cache", "--data", str(dataset), "show", "night-train")


def test_a_build_removes_the_pages_of_another_page_format_or_version(tmp_path: Path) -> None:
    """A page stored by an older page format, or by another version of kdrama (the shipped
    index's pages among them: its path, so its tag, is the same in every version), is never
    read again; a build removes it by its name, as it removes old indexes. Only this user's
    files go: a link is removed, never what it points at, and a file others can write is left.
    The pages of this version's other dataset lists stay."""
    first, second = _copies(tmp_path, 2)
    for copy in (first, second):
        for _ in range(2):  # parse + index, then render + store
            _run("--data", str(copy), "show", "moonlit-hallway")
    current = _pages(tmp_path)
    assert len(current) == 2
    folder = current[0].parent
    stamp, tag = current[0].name.split("-")[1:3]
    other_stamp = f"{int(stamp, 16) ^ 1:08x}"
    older_format = folder / f"page-{tag}-0123456789abcdef.txt"  # kdrama-page-4 names: no stamp
    other_version = folder / f"page-{other_stamp}-{tag}-0123456789abcdef.txt"
    for path in (older_format, other_version):
        path.write_text("a page no run reads again", encoding="utf-8")
        path.chmod(0o600)
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = folder / f"page-{other_stamp}-{tag}-1111111111111111.txt"
    link.symlink_to(victim)
    shared = folder / f"page-{other_stamp}-{tag}-2222222222222222.txt"
    shared.write_text("not only this user's", encoding="utf-8")
    shared.chmod(0o666)
    first.write_text(
        first.read_text(encoding="utf-8").replace("Moonlit Hallway", "Moonlit Corridor"),
        encoding="utf-8",
    )
    assert "Moonlit Corridor" in _run("--data", str(first), "show", "moonlit-hallway")  # a build
    assert not older_format.exists() and not other_version.exists()
    assert not link.is_symlink() and victim.read_text(encoding="utf-8") == "keep me"
    assert shared.exists()
    assert _pages(tmp_path) == sorted([*(page for page in current if page.exists()), shared])
    assert len([page for page in current if page.exists()]) == 1  # the second list's page


def test_json_pages_replay_without_loading_the_dataset(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--data", str(dataset), "person", "kang-bora", "--json"]
    outputs = [_run(*args) for _ in range(2)]  # parse + index, then render + store
    import kdrama_cli.app

    def no_dataset(self: object) -> None:
        raise AssertionError("the dataset was opened although the page is cached")

    monkeypatch.setattr(kdrama_cli.app.App, "dataset", no_dataset)
    assert _run(*args) == outputs[0] == outputs[1]
    assert json.loads(outputs[0])["name"] == "Kang Bo-ra"


def test_a_page_with_a_note_is_replayed_with_its_note(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line said on stderr beside a page (here, that a season was taken as its whole title)
    is kept with the page: the replay says it again, without opening the dataset."""
    args = ["--data", str(dataset), "compare", "moonlit hallway 2", "night-train", "--json"]
    note = "compare works on whole titles: 'moonlit hallway 2' is taken as Moonlit Hallway"

    def invoke() -> tuple[str, str]:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout, " ".join(result.stderr.split())

    outputs = [invoke() for _ in range(2)]  # parse + index, then answer + store
    assert len(_pages(tmp_path)) == 1
    import kdrama_cli.app

    def no_dataset(self: object) -> None:
        raise AssertionError("the dataset was opened although the page is cached")

    monkeypatch.setattr(kdrama_cli.app.App, "dataset", no_dataset)
    replayed = invoke()
    assert replayed == outputs[0] == outputs[1]
    assert note in replayed[1] and replayed[1].count("kdrama: note:") == 1
    assert json.loads(replayed[0])["shows"] == ["moonlit-hallway", "night-train"]


def test_a_stored_page_with_a_bad_line_count_is_a_miss(dataset: Path, tmp_path: Path) -> None:
    """The count of stderr lines in a stored page is untrusted: one that does not fit the page
    is a miss, and the page is answered afresh."""
    args = ["--data", str(dataset), "person", "kang-bora", "--json"]
    outputs = [_run(*args) for _ in range(2)]
    (page,) = _pages(tmp_path)
    header, _, body = page.read_bytes().partition(b"\n")
    key = header.split(b"\t", 1)[1]
    more = b"%d" % (body.count(b"\n") + 1)
    # more lines than stored, not a count, a digit int() refuses, too many
    for count in (more, b"x", b"-1", "²".encode(), b"99999"):
        forged = count + b"\n" + body.split(b"\n", 1)[1]
        page.write_bytes(b"%08x\t" % zlib.crc32(forged) + key + b"\n" + forged)
        assert _run(*args) == outputs[0]


def test_a_sidecar_never_vouches_for_another_index(dataset: Path, tmp_path: Path) -> None:
    for _ in range(2):
        _run("--data", str(dataset), "show", "night-train", "--json")
    (index,) = _indexes(tmp_path)
    from kdrama_cli.store.pages import fresh_index_id

    folder = tmp_path / "cache" / "kdrama"
    assert fresh_index_id(str(folder), [str(dataset)]) is not None
    os.utime(index, ns=(0, 0))  # the index file changed under its sidecar
    assert fresh_index_id(str(folder), [str(dataset)]) is None
    dataset.write_text(
        dataset.read_text(encoding="utf-8").replace("Night Train", "Night Tram"), encoding="utf-8"
    )
    assert (
        json.loads(_run("--data", str(dataset), "show", "night-train", "--json"))["title"]
        == "Night Tram"
    )


@pytest.mark.parametrize("source", [MINI, REPO / "data" / "shows.toml"])
def test_every_record_survives_the_index_encoding(source: Path) -> None:
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.store.codec import dump_record, load_record

    dataset = load_dataset([source])
    for table in (dataset.shows, dataset.people, dataset.citations, dataset.source_works):
        for key, record in table.items():
            assert load_record(dump_record(record)) == record, key


def test_pages_from_other_code_are_not_replayed(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited renderer (an editable install) must not replay what the old code drew."""
    import kdrama_cli.store.pages

    for _ in range(2):
        _run("--data", str(dataset), "show", "night-train")
    monkeypatch.setattr(kdrama_cli.store.pages, "_code_stamp", lambda: "another-build")
    import kdrama_cli.views.console

    rendered: list[bool] = []
    original = kdrama_cli.views.console.print_renderable

    def spy(*args: object, **kwargs: object) -> None:
        rendered.append(True)
        original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kdrama_cli.views.console, "print_renderable", spy)
    assert "Night Train" in _run("--data", str(dataset), "show", "night-train")
    assert rendered == [True]


def test_an_answer_from_the_index_never_imports_the_parser(dataset: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "KDRAMA_SYNC_INDEX": "1"}
    command = [sys.executable, "-X", "importtime", "-m", "kdrama_cli", "--data", str(dataset)]
    runs = [
        subprocess.run(
            [*command, "show", "moonlit-hallway", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for _ in range(2)
    ]
    assert "kdrama_cli.catalogue.schema" in runs[0].stderr  # the first run parses and validates
    assert json.loads(runs[1].stdout)["title"] == "Moonlit Hallway"
    for module in ("kdrama_cli.catalogue.loader", "kdrama_cli.catalogue.schema", "tomllib", "rich"):
        assert f" {module}\n" not in runs[1].stderr, module


def _imported_answering_afresh(dataset: Path, tmp_path: Path, *args: str) -> tuple[str, set[str]]:
    """stdout and the modules imported (-X importtime) of a command answered from the index
    with no page kept (the benchmark's "answered afresh"): a first run builds the index."""
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "KDRAMA_SYNC_INDEX": "1",
        "PYTHONIOENCODING": "utf-8",
        "KDRAMA_SEEN": str(tmp_path / "no-seen-list.toml"),  # none, whoever runs the tests
    }
    command = [sys.executable, "-X", "importtime", "-m", "kdrama_cli", "--data", str(dataset)]
    for _ in range(2):
        for page in (tmp_path / "cache" / "kdrama" / "pages").glob("*"):
            page.unlink()
        result = subprocess.run(
            [*command, *args], env=env, capture_output=True, text=True, encoding="utf-8"
        )
        assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    return result.stdout, imported


def test_list_json_from_the_index_imports_neither_json_nor_its_view(
    dataset: Path, tmp_path: Path
) -> None:
    """The listing the index keeps encoded is printed as it is: importing json (and the
    --json view with it) cost more than reading it, on a command held to 1.3x `import click`."""
    out, imported = _imported_answering_afresh(dataset, tmp_path, "list", "--json")
    assert "moonlit-hallway" in [row["slug"] for row in json.loads(out)]
    for module in ("json", "kdrama_cli.views.jsonview", "kdrama_cli.answers.spoilers"):
        assert module not in imported, module


def test_show_json_from_the_index_imports_no_reader_it_does_not_use(
    dataset: Path, tmp_path: Path
) -> None:
    """A page's key holds the seen file's stamp, so every run finds the file; reading it is
    the seen module's job, which a page without a seen list never needs. Removing files from
    the cache (catalogue.leftovers) is for a build's or `cache clear`'s clean-up; a name
    typed in ASCII is folded, and JSON measures no widths, without unicodedata."""
    out, imported = _imported_answering_afresh(
        dataset, tmp_path, "show", "moonlit-hallway", "--json"
    )
    assert json.loads(out)["title"] == "Moonlit Hallway"
    for module in ("kdrama_cli.catalogue.seen", "kdrama_cli.catalogue.leftovers", "unicodedata"):
        assert module not in imported, module


@pytest.mark.parametrize(
    ("args", "not_imported"),
    [
        (
            ["show", "moonlit-hallway"],
            ["kdrama_cli.answers.compare", "kdrama_cli.catalogue.seen", "rapidfuzz"],
        ),
        (
            ["list"],
            [
                "kdrama_cli.answers.person_page",
                "kdrama_cli.answers.quiz",
                "kdrama_cli.answers.search",
                "kdrama_cli.answers.compare",
            ],
        ),
    ],
)
def test_a_page_imports_no_answer_its_view_names_only_in_annotations(
    dataset: Path, tmp_path: Path, args: list[str], not_imported: list[str]
) -> None:
    """The views name other commands' records in type hints (views.titles: compare's; views.
    discovery: person's, trivia's, search's); importing those answers for that cost the page
    the time to load them. Without a seen list, the page imports no reader of one either, and
    a title heading that asks whether its Korean name spells the English out (views.titles:
    sounds.spelt_out, "Moonlit Hallway  달빛 복도  (Dalbit Bokdo)") no fuzzy matcher."""
    out, imported = _imported_answering_afresh(dataset, tmp_path, *args)
    assert "Moonlit Hallway" in out
    for module in not_imported:
        assert module not in imported, module


def _copies(tmp_path: Path, count: int) -> list[Path]:
    """``count`` copies of the mini dataset, each a dataset list of its own (its own index)."""
    paths = []
    for number in range(count):
        copy = tmp_path / f"shows{number}.toml"
        copy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(copy)
    return paths


def _index_of(tmp_path: Path, data: Path) -> Path:
    from kdrama_cli.store.files import cache_file

    return Path(cache_file(tmp_path / "cache" / "kdrama", [data]))


def test_indexes_of_datasets_no_longer_used_do_not_pile_up(tmp_path: Path) -> None:
    """Each list of dataset files gets an index of its own (README's "Speed and the cache"
    gives its size over the shipped data), and nothing but `cache clear` removed one: six
    --data files left six. A build now keeps the KEEP_INDEXES used last, its own among them,
    each with its sidecar and names, and leaves no sidecar without its index."""
    from kdrama_cli.store.index import KEEP_INDEXES

    copies = _copies(tmp_path, KEEP_INDEXES + 2)
    for copy in copies:
        _run("--data", str(copy), "show", "moonlit-hallway")
    kept = [_index_of(tmp_path, copy) for copy in copies[-KEEP_INDEXES:]]
    assert _indexes(tmp_path) == sorted(kept)
    beside = sorted((tmp_path / "cache" / "kdrama").glob("index-*.sqlite.*"))
    assert beside == sorted(Path(f"{i}{end}") for i in kept for end in (".files", ".names"))
    # the ones kept still answer from their index, with no parse
    assert json.loads(_run("--data", str(copies[-KEEP_INDEXES]), "show", "night-train", "--json"))


def test_an_index_of_another_format_or_version_is_removed_and_a_current_one_kept(
    tmp_path: Path,
) -> None:
    """An index of another INDEX_FORMAT or package version (its sidecar says which) is never
    opened again, however lately it was used: the next build removes it, with its sidecar and
    names. A current index is kept, and so is what may be a build of another version under way
    (an index with no sidecar yet, written a moment ago). A link is never followed or removed,
    and a file that is no index of the cache is left alone."""
    from kdrama_cli.store.files import INDEX_FORMAT

    first, second = _copies(tmp_path, 2)
    _run("--data", str(first), "show", "moonlit-hallway")
    current = _index_of(tmp_path, first)
    folder = current.parent
    header, rest = (folder / f"{current.name}.files").read_text().split("\n", 1)
    fields = header.split("\t")
    planted = {
        "index-00000000-00000001.sqlite": [str(INDEX_FORMAT - 1), *fields[1:]],
        "index-00000000-00000002.sqlite": [fields[0], "0.0.1", *fields[2:]],
    }
    for name, made_by in planted.items():
        (folder / name).write_bytes(current.read_bytes())
        (folder / f"{name}.files").write_text("\t".join(made_by) + "\n" + rest)
        (folder / f"{name}.names").write_text("show\tx\tX\tX\n")
    abandoned = folder / "index-00000000-00000003.sqlite"  # no sidecar, long ago
    abandoned.write_bytes(b"half")
    os.utime(abandoned, (1_000_000_000, 1_000_000_000))
    under_way = folder / "index-00000000-00000004.sqlite"  # no sidecar yet, just now
    under_way.write_bytes(b"being built")
    lone = folder / "index-00000000-00000005.sqlite.names"  # its index long gone
    lone.write_text("show\tx\tX\tX\n")
    os.utime(lone, (1_000_000_000, 1_000_000_000))
    victim = tmp_path / "victim.sqlite"
    victim.write_text("not the cache's")
    link = folder / "index-00000000-00000006.sqlite"
    link.symlink_to(victim)
    other = folder / "notes.txt"
    other.write_text("someone's")

    _run("--data", str(second), "show", "moonlit-hallway")
    left = sorted(path.name for path in folder.iterdir())
    for name in planted:
        assert not any(n.startswith(name) for n in left), left
    assert abandoned.name not in left and lone.name not in left
    for kept in (current, _index_of(tmp_path, second)):
        assert {kept.name, f"{kept.name}.files", f"{kept.name}.names"} <= set(left)
    assert under_way.exists() and link.is_symlink() and other.exists()
    assert victim.read_text() == "not the cache's"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps a file in use from removal")
def test_a_run_reading_an_index_a_build_removes_still_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index is removed while another run has it open: on POSIX the name goes, the open
    file stays, and that run reads on. Its record of touched files, afterwards, does not make
    an empty file where the index was."""
    import kdrama_cli.store.index as index

    first, second = _copies(tmp_path, 2)
    _run("--data", str(first), "show", "moonlit-hallway")
    target = _index_of(tmp_path, first)
    reading = index.open_index(target.parent, [first])
    assert reading is not None
    monkeypatch.setattr(index, "KEEP_INDEXES", 1)
    _run("--data", str(second), "show", "moonlit-hallway")
    assert not target.exists()
    assert reading.shows["night-train"].title == "Night Train"
    assert reading.people["kang-bora"].id == "kang-bora"
    index._record_signatures(str(target), [(str(first), 1, 2, 3)])
    assert not target.exists()


def test_a_lock_file_removed_before_it_was_locked_is_not_the_lock_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cache clear` unlinks build.lock while holding it; a run that opened the file before
    and locks it after held a lock on a file no longer there, while the next run made a new
    one: two builds at once. The lock taken is on the file the path names."""
    fcntl = pytest.importorskip("fcntl")
    from kdrama_cli.catalogue import locking

    path = tmp_path / "build.lock"
    real = locking._try_lock
    calls = []

    def removed_first(descriptor: int) -> bool:
        calls.append(descriptor)
        if len(calls) == 1:
            path.unlink()  # as `cache clear` does, between this run's open and its lock
        return real(descriptor)

    monkeypatch.setattr(locking, "_try_lock", removed_first)
    with locking.locked(str(path), wait=0):
        assert len(calls) == 2 and path.exists()
        other = os.open(path, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):  # the file there now is the one held
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)

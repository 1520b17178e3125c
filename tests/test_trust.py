"""Class 1 of the trust issue: the cache is used only when it is the user's own, and nothing
inside it is followed through a link or trusted without a check."""

from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli
from tests.conftest import MINI

OTHER_UID = 12345
root_only = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown to another user"
)


def _kd(data: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data), *args], env=env, catch_exceptions=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "shows.toml"
    shutil.copy(MINI, path)
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "kdrama"


def _warm(data: Path) -> None:
    for _ in range(2):
        assert _kd(data, "show", "moonlit-hallway").exit_code == 0


@root_only
def test_a_cache_directory_of_another_user_is_not_used(data: Path, cache: Path) -> None:
    cache.mkdir(parents=True)
    os.chown(cache, OTHER_UID, OTHER_UID)
    cache.chmod(0o777)
    result = _kd(data, "show", "moonlit-hallway")
    assert result.exit_code == 0
    assert "Moonlit Hallway" in result.stdout
    assert list(cache.iterdir()) == []
    assert "kdrama: warning: not using the cache directory" in result.stderr
    assert (
        "owned by another user (remove it, or point XDG_CACHE_HOME at a folder of your own);"
        " running without it"
    ) in result.stderr


def test_a_cache_directory_others_can_write_is_not_used_and_said_once(
    data: Path, cache: Path
) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    result = _kd(data, "compare", "moonlit-hallway", "river-of-lanterns")
    assert result.exit_code == 0
    assert list(cache.iterdir()) == []
    assert result.stderr.count("not using the cache directory") == 1
    assert (  # what to do, as the warning about a link says
        "writable by other users (chmod go-w makes it private, or point XDG_CACHE_HOME at a"
        " folder of your own); running without it"
    ) in result.stderr


def test_the_store_never_prints_a_refused_cache_directory_it_hands_it_over_once(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A query never prints: the store records why it refused the cache directory and the
    command layer (App.cache_dir) says it, once, as the test above sees."""
    from kdrama_cli.store.files import cache_dir
    from kdrama_cli.store.trust import refusals_to_tell

    cache.mkdir(parents=True)
    cache.chmod(0o777)
    assert cache_dir() is None
    assert cache_dir() is None
    assert capsys.readouterr().err == ""
    [(path, refusal)] = refusals_to_tell()
    assert (path, refusal.reason) == (str(cache), "writable by other users")
    assert str(refusal).startswith("writable by other users (chmod go-w makes it private")
    assert refusals_to_tell() == []


@pytest.mark.parametrize("mode", [0o770, 0o720, 0o777], ids=oct)
def test_a_cache_directory_its_group_can_write_is_not_used(
    data: Path, cache: Path, mode: int
) -> None:
    """Writable by the group alone is writable by others: another member of the group could
    plant pages or an index in it. (0o777 alone would pass with only the other bit checked.)"""
    cache.mkdir(parents=True)
    cache.chmod(mode)
    result = _kd(data, "show", "moonlit-hallway")
    assert result.exit_code == 0
    assert "Moonlit Hallway" in result.stdout
    assert list(cache.iterdir()) == []
    assert "writable by other users" in result.stderr


@pytest.mark.parametrize(
    ("mode", "trusted"),
    [
        pytest.param(0o755, True, id="0o755-used"),
        pytest.param(0o775, False, id="0o775-refused"),
        pytest.param(0o770, False, id="0o770-refused"),
        pytest.param(0o777, False, id="0o777-refused"),
    ],
)
def test_a_cache_under_a_folder_its_group_can_write_is_not_used(
    data: Path, tmp_path: Path, mode: int, trusted: bool
) -> None:
    """A folder above the cache, though it is this user's own (root's, when the suite runs as
    root), is refused when its group can write to it: a member could rename ``kdrama`` away
    and put their own in its place. Only the mode differs between the cases."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    result = _kd(data, "show", "moonlit-hallway", env={"XDG_CACHE_HOME": str(shared)})
    assert result.exit_code == 0
    assert "Moonlit Hallway" in result.stdout
    if trusted:
        assert list((shared / "kdrama").glob("index-*.sqlite"))
        assert result.stderr == ""
    else:
        assert not (shared / "kdrama").exists()
        assert "inside a folder other users can write to" in result.stderr


@root_only
def test_a_cache_under_a_folder_another_user_can_write_is_not_used(
    data: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chown(shared, OTHER_UID, OTHER_UID)
    shared.chmod(0o777)
    result = _kd(data, "show", "moonlit-hallway", env={"XDG_CACHE_HOME": str(shared)})
    assert result.exit_code == 0
    assert not (shared / "kdrama").exists()
    assert "not using the cache directory" in result.stderr


def test_a_sticky_shared_folder_like_tmp_is_fine(data: Path, tmp_path: Path) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    result = _kd(data, "show", "moonlit-hallway", env={"XDG_CACHE_HOME": str(shared)})
    assert result.exit_code == 0
    assert list((shared / "kdrama").glob("index-*.sqlite"))
    assert (shared / "kdrama").stat().st_mode & 0o777 == 0o700


def test_a_symlinked_cache_directory_is_not_followed(
    data: Path, cache: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    cache.parent.mkdir(parents=True)
    cache.symlink_to(victim)
    result = _kd(data, "show", "moonlit-hallway")
    assert result.exit_code == 0
    assert list(victim.iterdir()) == []
    said = " ".join(result.stderr.split())
    assert "a symbolic link, which the cache never follows" in said
    # a link to a folder of another name: only what to do (XDG_CACHE_HOME=its folder would
    # name a new, empty cache there, not the one the link leads to)
    assert "(replace it with a folder, or point XDG_CACHE_HOME at a folder of your own)" in said


@pytest.mark.parametrize("beside", [False, True])
def test_a_cache_moved_with_a_link_is_told_how_to_reach_it(
    data: Path, cache: Path, tmp_path: Path, beside: bool
) -> None:
    """A user who moved the cache to another disk with a link is told the XDG_CACHE_HOME that
    reaches it; a link to a folder beside itself is not (that advice would lead back here)."""
    moved = (cache.parent if beside else tmp_path / "disk") / ("kdrama" if not beside else "kd")
    moved.mkdir(parents=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.symlink_to(moved)
    said = " ".join(_kd(data, "show", "moonlit-hallway").stderr.split())
    advice = f"(XDG_CACHE_HOME={moved.parent} reaches the folder it leads to)"
    assert (advice in said) is not beside, said
    assert list(moved.iterdir()) == []


@pytest.mark.parametrize("command", [["cache", "clear"], ["show", "moonlit-hallway"]])
def test_a_pages_symlink_never_costs_the_files_it_points_at(
    data: Path, cache: Path, tmp_path: Path, command: list[str]
) -> None:
    _warm(data)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me")
    shutil.rmtree(cache / "pages")
    (cache / "pages").symlink_to(victim)
    data.write_text(data.read_text() + "\n")  # a rebuild clears the pages
    assert _kd(data, *command).exit_code == 0
    _kd(data, "show", "moonlit-hallway")
    assert (victim / "precious.txt").read_text() == "keep me"
    assert [p.name for p in victim.iterdir()] == ["precious.txt"]


def test_a_page_changed_after_it_was_written_is_not_replayed(data: Path, cache: Path) -> None:
    _warm(data)
    pages = list((cache / "pages").glob("page-*.txt"))
    assert pages
    for page in pages:
        header = page.read_bytes().split(b"\n", 1)[0]
        page.write_bytes(header + b"\n\x1b]0;pwned\x07EVIL PAGE\n")
    result = _kd(data, "show", "moonlit-hallway")
    assert "EVIL" not in result.stdout
    assert "Moonlit Hallway" in result.stdout


def test_a_page_that_is_a_link_or_a_fifo_is_not_read(
    data: Path, cache: Path, tmp_path: Path
) -> None:
    _warm(data)
    secret = tmp_path / "secret.txt"
    pages = list((cache / "pages").glob("page-*.txt"))
    secret.write_bytes(pages[0].read_bytes().split(b"\n", 1)[0] + b"\nSECRET\n")
    pages[0].unlink()
    pages[0].symlink_to(secret)
    for page in pages[1:]:
        page.unlink()
        os.mkfifo(page)
    for args in (["show", "moonlit-hallway"], ["show", "moonlit-hallway", "--json"]):
        result = _kd(data, *args)
        assert result.exit_code == 0
        assert "SECRET" not in result.stdout


def _forged(page: bytes, text: bytes) -> bytes:
    """A page file as kdrama writes it, for the same key as ``page`` but showing ``text``: its
    header's checksum and key are right, so only where it lies can make it refused."""
    header, _, _ = page.partition(b"\n")
    key = header.split(b"\t", 1)[1]
    body = b"0\n" + text
    return f"{zlib.crc32(body):08x}\t".encode() + key + b"\n" + body


def test_a_valid_page_behind_a_link_is_not_read(data: Path, cache: Path, tmp_path: Path) -> None:
    """Reads open pages with O_NOFOLLOW: a link to a well-formed page (a copy of this user's
    own, 0600, right checksum and key) is a miss, never replayed."""
    _warm(data)
    pages = list((cache / "pages").glob("page-*.txt"))
    assert pages
    forged = {page: _forged(page.read_bytes(), b"FORGED PAGE\n") for page in pages}
    for page, content in forged.items():
        page.write_bytes(content)
    replayed = _kd(data, "show", "moonlit-hallway")
    assert replayed.stdout == "FORGED PAGE\n"  # in place, the forgery is a valid page
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    for page, content in forged.items():
        target = elsewhere / page.name
        target.write_bytes(content)
        target.chmod(0o600)
        page.unlink()
        page.symlink_to(target)
    for args in (["show", "moonlit-hallway"], ["show", "moonlit-hallway", "--json"]):
        result = _kd(data, *args)
        assert result.exit_code == 0
        assert "FORGED" not in result.stdout
        assert "Moonlit Hallway" in result.stdout


def test_writes_never_go_through_a_planted_link(data: Path, cache: Path, tmp_path: Path) -> None:
    """Temporary files are made with mkstemp (O_EXCL), so links planted at guessable names
    (the old pid-based ones) are never written through."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    cache.mkdir(parents=True, mode=0o700)
    (cache / "pages").mkdir(mode=0o700)
    for pid in range(os.getpid() - 50, os.getpid() + 50):
        for folder in (cache, cache / "pages"):
            (folder / f"planted.{pid}.tmp").symlink_to(victim)
    _warm(data)
    data.write_text(data.read_text() + "\n")
    _warm(data)
    assert victim.read_text() == "keep me"


def test_an_index_of_another_user_is_not_opened(data: Path, cache: Path) -> None:
    _warm(data)
    from kdrama_cli.store.index import open_index

    (index,) = cache.glob("index-*.sqlite")
    assert open_index(cache, [data]) is not None
    index.chmod(0o666)
    assert open_index(cache, [data]) is None
    index.chmod(0o600)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(index, OTHER_UID, OTHER_UID)
        assert open_index(cache, [data]) is None


def test_cache_clear_refuses_an_untrusted_directory(data: Path, cache: Path) -> None:
    cache.mkdir(parents=True)
    theirs = cache / "index-theirs.sqlite"
    theirs.write_text("theirs")
    cache.chmod(0o777)
    result = _kd(data, "cache", "clear")
    assert result.exit_code == 1
    assert result.stderr == (  # what to do, as the warning and `cache path` say it
        f"kdrama: error: not clearing {cache}: writable by other users (chmod go-w makes it"
        " private, or point XDG_CACHE_HOME at a folder of your own)\n"
    )
    assert theirs.exists()


def test_cache_path_and_clear_say_a_cache_folder_that_cannot_be_made_is_not_used(
    data: Path, tmp_path: Path
) -> None:
    """Every command warned that a cache folder that cannot be made is not used, but `cache
    path` printed it without a word and `cache clear` said there was "nothing to remove"."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {"XDG_CACHE_HOME": str(blocker / "cache")}
    folder = blocker / "cache" / "kdrama"
    said = (
        "cannot be made or opened, not a directory (point XDG_CACHE_HOME at a folder of your own)"
    )
    shown = _kd(data, "show", "moonlit-hallway", env=env)
    assert f"not using the cache directory {folder}: {said}; running without it" in shown.stderr
    path = _kd(data, "cache", "path", env=env)
    assert (path.exit_code, path.stdout) == (0, f"{folder}\n")
    assert path.stderr == f"kdrama: this cache directory is not used: {said}\n"
    cleared = _kd(data, "cache", "clear", env=env)
    assert cleared.exit_code == 1
    assert cleared.stderr == f"kdrama: error: not clearing {folder}: {said}\n"


def test_cache_clear_removes_what_kdrama_wrote(data: Path, cache: Path) -> None:
    _warm(data)
    assert list(cache.glob("index-*"))
    result = _kd(data, "cache", "clear")
    assert result.exit_code == 0
    assert "removed 1 index" in result.stdout
    assert not list(cache.glob("index-*"))
    assert not list((cache / "pages").glob("*"))


def test_what_a_killed_build_left_behind_is_removed(data: Path, cache: Path) -> None:
    _warm(data)
    stale = cache / ".index-x.sqlite.abc.tmp"
    stale.write_text("half an index")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    fresh = cache / ".index-y.sqlite.def.tmp"
    fresh.write_text("a build under way")
    data.write_text(data.read_text() + "\n")
    _kd(data, "show", "moonlit-hallway")
    assert not stale.exists()
    assert fresh.exists()


def _complete(data: Path, words: str) -> Result:
    env = {
        "_KDRAMA_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    return CliRunner().invoke(cli, ["--data", str(data)], env=env, prog_name="kdrama")


def test_completion_names_are_untrusted_input(data: Path, cache: Path) -> None:
    _warm(data)
    (names,) = cache.glob("*.names")
    names.write_text(
        "show\tonly-two\nperson\n\t\t\t\t\t\nshow\tmoon-x\t\x1b[31mRed\x1b[0m\tmoon\n",
        encoding="utf-8",
    )
    result = _complete(data, "kdrama show moo")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    names.write_bytes(os.urandom(3000))
    assert _complete(data, "kdrama show moo").exit_code == 0


def test_the_sidecar_is_untrusted_input(data: Path, cache: Path) -> None:
    _warm(data)
    expected = json.loads(_kd(data, "show", "moonlit-hallway", "--json").stdout)
    for content in (b"\xff\xfe garbage\t\t\n\x00", b"4\t0.1.0\t1\t1\n/etc/passwd\t1\t2\t3\n"):
        for sidecar in cache.glob("*.files"):
            sidecar.write_bytes(content)
        result = _kd(data, "show", "moonlit-hallway", "--json")
        assert json.loads(result.stdout) == expected


def test_a_tab_says_nothing_about_an_untrusted_cache(
    data: Path, cache: Path, tmp_path: Path
) -> None:
    """The shell prints a TAB's stderr into the command line being typed: the real command
    (not CliRunner, which skips the entry point) stays quiet while completing."""
    import subprocess
    import sys

    cache.mkdir(parents=True)
    cache.chmod(0o777)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(data)]
    completing = {
        **env,
        "_KDRAMA_COMPLETE": "bash_complete",
        "COMP_WORDS": f"kdrama --data {data} show moo",
        "COMP_CWORD": "4",
    }
    tab = subprocess.run(command, env=completing, capture_output=True, text=True, check=False)
    assert (tab.returncode, tab.stdout, tab.stderr) == (0, "plain,moonlit-hallway\n", "")
    shown = subprocess.run(
        [*command, "show", "moonlit-hallway"], env=env, capture_output=True, text=True, check=False
    )
    assert "not using the cache directory" in shown.stderr  # said when a command runs


def test_a_cache_directory_that_cannot_be_made_says_so_in_kdramas_words(data: Path) -> None:
    """XDG_CACHE_HOME=/proc/nope gave the system's 'No such file or directory', capitalised,
    with no word on what to do, unlike every other refusal."""
    result = _kd(data, "show", "moonlit-hallway", env={"XDG_CACHE_HOME": "/proc/nope"})
    assert result.exit_code == 0 and "Moonlit Hallway" in result.stdout
    assert result.stderr == (
        "kdrama: warning: not using the cache directory /proc/nope/kdrama: cannot be made or"
        " opened, no such file or directory (point XDG_CACHE_HOME at a folder of your own);"
        " running without it\n"
    )

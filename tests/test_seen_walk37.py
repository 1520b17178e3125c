"""The seen list walked as a fan who keeps one (audit37): where $KDRAMA_SEEN puts it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run


def test_a_seen_list_in_a_folder_that_is_not_there_is_refused_not_made(
    run_shipped: Run, tmp_path: Path
) -> None:
    """$KDRAMA_SEEN=.../typo/dir/seen.toml made typo/dir and started a new, empty list there:
    a typo in the variable lost the fan's list without a word. A folder the variable names is
    the user's to make; the data folder kdrama chooses itself is still made as needed."""
    named = tmp_path / "typo" / "dir" / "seen.toml"
    result = run_shipped("seen", "add", "parasite", env={"KDRAMA_SEEN": str(named)})
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: cannot write {named}: its folder {named.parent} does not exist"
        " ($KDRAMA_SEEN names it: make the folder, or point KDRAMA_SEEN at a file in one that"
        " does)\n"
    )
    assert not (tmp_path / "typo").exists()
    named.parent.mkdir(parents=True)
    assert run_shipped("seen", "add", "parasite", env={"KDRAMA_SEEN": str(named)}).exit_code == 0
    assert "parasite = []" in named.read_text(encoding="utf-8")
    data = tmp_path / "data-home"
    made = run_shipped(
        "seen", "add", "parasite", env={"KDRAMA_SEEN": "", "XDG_DATA_HOME": str(data)}
    )
    assert made.exit_code == 0, made.output
    assert "parasite = []" in (data / "kdrama" / "seen.toml").read_text(encoding="utf-8")

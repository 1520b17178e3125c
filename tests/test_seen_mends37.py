"""Mends of audit 37's seen-list findings, each run through the CLI as a fan would."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run


def _seen(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "seen.toml"
    path.write_text(text, encoding="utf-8")
    return {"KDRAMA_SEEN": str(path)}


def test_a_series_listed_with_no_season_is_shown_but_not_counted(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`squid-game = []` marks no season, and the README says pages neither mark nor count
    it; `seen list` counted it ("2 titles seen"). It is still listed, with its "—", so the fan
    sees the entry the warning names, and the count says what it left out."""
    env = _seen(tmp_path, "[seen]\nsquid-game = []\nparasite = []\n")
    result = run_shipped("seen", "list", env=env)
    assert result.exit_code == 0, result.output
    assert "Squid Game" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == (
        "1 title seen; 1 more listed with no season marked (—)"
    )
    marked = run_shipped("seen", "list", env=_seen(tmp_path, "[seen]\nsquid-game = [1]\n"))
    assert marked.stdout.rstrip().splitlines()[-1] == "1 title seen"


def test_seen_remove_takes_off_the_season_an_episode_typed_names(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`seen add "squid game s2e3"` marks S2, but the same words given to `seen remove` were
    "no title matches 'squid game s2e3'": a fan who copied the add to undo it got a miss."""
    env = _seen(tmp_path, "[seen]\n")
    assert run_shipped("seen", "add", "squid-game", "--season", "1", env=env).exit_code == 0
    assert run_shipped("seen", "add", "squid game s2e3", env=env).exit_code == 0
    result = run_shipped("seen", "remove", "squid game s2e3", env=env)
    assert (result.exit_code, result.stderr) == (
        0,
        "kdrama: note: the seen list keeps whole seasons, not episodes: episode 3 takes season 2"
        " of Squid Game off\nRemoved: Squid Game S2\n",
    ), result.output
    assert "squid-game = [1]\n" in (tmp_path / "seen.toml").read_text(encoding="utf-8")
    which = run_shipped("seen", "remove", "squid game e3", env=env)
    assert which.exit_code == 2
    assert "give the season (kdrama seen remove squid-game --season N)" in which.stderr


def test_a_miss_with_an_episode_typed_quotes_the_words_as_typed(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`seen add "squidd game s2e3"` said "no title matches 'squidd game s2'", and "24 e2"
    "no title matches '24'": strings the fan never typed. The episode is taken off only when
    what is left finds a title."""
    env = _seen(tmp_path, "[seen]\n")
    for command in ("add", "remove"):
        typo = run_shipped("seen", command, "squidd game s2e3", env=env)
        assert typo.exit_code == 2
        assert "no title matches 'squidd game s2e3'. Did you mean Squid Game?" in typo.stderr
        assert "try `kdrama search 'squidd game s2e3'`" in typo.stderr
        bare = run_shipped("seen", command, "24 e2", env=env)
        assert "no title matches '24 e2'." in bare.stderr
    assert (tmp_path / "seen.toml").read_text(encoding="utf-8") == "[seen]\n"


def test_a_name_for_a_key_is_given_a_command_only_when_it_works(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`"Nonexistent Show" = [1]` was told "take it out and run kdrama seen add 'Nonexistent
    Show'", which then said "no title matches". The command is named, by the slug it writes,
    only for a name that finds a title ("Squid Games", through the plural rule)."""
    env = _seen(tmp_path, '[seen]\n"Nonexistent Show" = [1]\n"Squid Games" = [1]\n')
    result = run_shipped("seen", "list", env=env)
    assert (result.exit_code, result.stdout) == (1, "")
    path = tmp_path / "seen.toml"
    slug = "is not a title's slug (lower-case words joined by '-'): take it out"
    assert result.stderr == (
        f"kdrama: error: {path}: seen.Nonexistent Show: {slug}\n"
        f"kdrama: error: {path}: seen.Squid Games: {slug} and run kdrama seen add squid-game\n"
    )


def test_a_list_in_a_folder_that_is_not_there_is_said_so_when_read(
    run_shipped: Run, tmp_path: Path
) -> None:
    """$KDRAMA_SEEN=.../typo/seen.toml made `seen list` say only "The seen list is empty";
    `seen add` named the missing folder. Reading says so too (list and people), on stderr."""
    named = tmp_path / "typo" / "seen.toml"
    said = (
        f"kdrama: note: {named}: its folder {named.parent} does not exist ($KDRAMA_SEEN names"
        " it: make the folder, or point KDRAMA_SEEN at a file in one that does)\n"
    )
    env = {"KDRAMA_SEEN": str(named)}
    listed = run_shipped("seen", "list", env=env)
    empty = "The seen list is empty: kdrama seen add SHOW, or kdrama seen import FILE.\n"
    assert (listed.exit_code, listed.stderr) == (0, said + empty), listed.output
    people = run_shipped("seen", "people", "--json", env=env)
    assert (people.stdout.strip(), people.stderr.splitlines()[0] + "\n") == ("[]", said)
    (tmp_path / "here").mkdir()
    fine = run_shipped("seen", "list", env={"KDRAMA_SEEN": str(tmp_path / "here" / "seen.toml")})
    assert fine.stderr == empty
    assert not (tmp_path / "typo").exists()

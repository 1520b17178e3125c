"""The seen list walked as a fan who keeps one (audit37): where $KDRAMA_SEEN puts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("named", ["~/seen.toml", "~/lists/seen.toml"])
def test_a_tilde_no_shell_expanded_is_the_home(
    run_shipped: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    """KDRAMA_SEEN='~/seen.toml', from a .env file or a systemd unit that no shell reads, made
    a folder named '~' in the working directory and kept the list there: run from another
    folder, the list was empty. The '~' is the home, as a shell would have made it."""
    home = tmp_path / "home"
    (home / "lists").mkdir(parents=True)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    env = {"KDRAMA_SEEN": named, "HOME": str(home)}
    result = run_shipped("seen", "add", "parasite", env=env)
    assert (result.exit_code, result.stderr) == (0, "Seen: Parasite\n"), result.output
    assert "parasite = []" in (home / named.removeprefix("~/")).read_text(encoding="utf-8")
    assert list(work.iterdir()) == []
    listed = run_shipped("seen", "list", "--csv", env=env)
    assert listed.stdout.splitlines()[1].startswith("parasite,Parasite,")
    monkeypatch.chdir(home)
    again = run_shipped("seen", "list", "--csv", env=env)
    assert again.stdout == listed.stdout


def test_a_tilde_without_a_home_makes_no_folder(
    run_shipped: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With HOME empty there is no home for '~' to be: the list is refused, not kept in './~'."""
    monkeypatch.chdir(tmp_path)
    result = run_shipped("seen", "add", "parasite", env={"KDRAMA_SEEN": "~/seen.toml", "HOME": ""})
    assert result.exit_code == 1 and "does not exist" in result.stderr, result.output
    assert list(tmp_path.iterdir()) == []


def test_a_relative_path_is_a_list_in_the_folder_kdrama_runs_in(
    run_shipped: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KDRAMA_SEEN=seen-rel.toml is taken from the working folder, as --data and KDRAMA_DATA
    are (review 37 #14): each folder has its own list, which the README and `seen --help` say,
    with how to keep one list everywhere."""
    env = {"KDRAMA_SEEN": "seen-rel.toml"}
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    monkeypatch.chdir(here)
    assert run_shipped("seen", "add", "parasite", env=env).exit_code == 0
    assert "parasite = []" in (here / "seen-rel.toml").read_text(encoding="utf-8")
    monkeypatch.chdir(there)
    listed = run_shipped("seen", "list", env=env)
    assert listed.stderr.startswith("The seen list is empty"), listed.output
    assert not (there / "seen-rel.toml").exists()
    said = " ".join(run_shipped("seen", "--help", env={"COLUMNS": "80"}).stdout.split())
    assert "a relative path is from the folder kdrama runs in" in said
    assert "give the whole path, or start it with ~/, for one list everywhere" in said
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text("utf-8").split())
    assert "a relative path is taken from the folder kdrama runs in" in readme


@pytest.mark.parametrize(
    ("typed", "season"),
    [
        ("squid game s2e3", 2),
        ("squid game s02e03", 2),
        ("squid game season 2 episode 3", 2),
        ("Squid Game: Season 2: Episode 3", 2),
        ("오징어 게임 시즌2 3화", 2),
        ("moving ep 3", 1),  # the one season out
    ],
)
def test_an_episode_typed_after_the_title_marks_its_season(
    run_shipped: Run, tmp_path: Path, typed: str, season: int
) -> None:
    """`seen add squid game s2e3`, as a fan mid-season types it, was "no title matches": the
    list keeps whole seasons (one episode makes a season seen), so the episode marks its
    season, and a note says the list does not keep the episode."""
    seen = tmp_path / "seen.toml"
    result = run_shipped("seen", "add", typed, env={"KDRAMA_SEEN": str(seen)})
    assert result.exit_code == 0, result.output
    title = "Squid Game" if "squid" in typed.casefold() or "오징어" in typed else "Moving"
    assert result.stderr.splitlines() == [
        "kdrama: note: the seen list keeps whole seasons, not episodes: episode 3 marks season"
        f" {season} of {title} as seen",
        f"Seen: {title} S{season}",
    ]
    slug = "squid-game" if title == "Squid Game" else "moving"
    assert f"{slug} = [{season}]" in seen.read_text(encoding="utf-8")


def test_an_episode_of_a_title_with_several_seasons_out_asks_which(
    run_shipped: Run, tmp_path: Path
) -> None:
    """An episode with no season, of a title with several out, marks nothing: which season
    it is in is the fan's to say. With --season it marks that one."""
    seen = tmp_path / "seen.toml"
    env = {"KDRAMA_SEEN": str(seen)}
    result = run_shipped("seen", "add", "squid game episode 4", env=env)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kdrama: error: 'squid game episode 4' names episode 4 but not its season, and Squid"
        " Game has seasons 1, 2 and 3 out: give the season (kdrama seen add squid-game"
        " --season N)\n"
    )
    assert not seen.exists()
    chosen = run_shipped("seen", "add", "squid game episode 4", "--season", "1", env=env)
    assert chosen.stderr.splitlines()[-1] == "Seen: Squid Game S1", chosen.output
    assert "squid-game = [1]" in seen.read_text(encoding="utf-8")


def test_a_series_written_with_no_season_is_named_by_seen_list(
    run_shipped: Run, tmp_path: Path
) -> None:
    """'squid-game = []', written by hand as the file's header says a film is (as if [] meant
    all of it), was listed with Seen "—" and counted as seen, while every page marked nothing
    of it and nothing said why."""
    seen = tmp_path / "seen.toml"
    seen.write_text("[seen]\nsquid-game = []\nparasite = []\n", encoding="utf-8")
    result = run_shipped("seen", "list", "--csv", env={"KDRAMA_SEEN": str(seen)})
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "kdrama: 1 seen title with seasons has none marked (squid-game = []: [] is for a film);"
        " pages mark nothing of it (kdrama seen add squid-game marks every season out)\n"
    )
    fixed = run_shipped("seen", "add", "squid-game", env={"KDRAMA_SEEN": str(seen)})
    assert fixed.exit_code == 0, fixed.output
    again = run_shipped("seen", "list", "--csv", env={"KDRAMA_SEEN": str(seen)})
    assert again.stderr == ""
    assert "squid-game,Squid Game,오징어 게임,series,1; 2; 3,3,true" in again.stdout


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            '"Squid Game" = [1]',
            "seen.Squid Game: is not a title's slug (lower-case words joined by '-'): take it"
            " out and run kdrama seen add squid-game",
        ),
        (
            "squid-game = [0, 9]",
            "seen.squid-game: must be a list of season numbers: 0 is none (seasons count from 1)",
        ),
        (
            'squid-game = ["1"]',
            "seen.squid-game: must be a list of season numbers: '1' is text"
            " (write 1, without quotes)",
        ),
        ("squid-game = [true]", "seen.squid-game: must be a list of season numbers: true is none"),
        (
            "squid-game = [1.0]",
            "seen.squid-game: must be a list of season numbers: 1.0 is none (write a whole number)",
        ),
    ],
)
def test_a_hand_edit_s_mistake_is_named_with_its_fix(
    run_shipped: Run, tmp_path: Path, line: str, said: str
) -> None:
    """A title's name for a key said only "is not a title's slug", and [0, 9] only "must be a
    list of season numbers", leaving the fan to find the 0 by eye: the error names the item
    and what to write."""
    seen = tmp_path / "seen.toml"
    seen.write_text(f"[seen]\n{line}\n", encoding="utf-8")
    result = run_shipped("seen", "list", env={"KDRAMA_SEEN": str(seen)})
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"kdrama: error: {seen}: {said}\n"


def test_a_gone_title_is_taken_off_by_its_name_as_its_slug_reads(
    run_shipped: Run, tmp_path: Path
) -> None:
    """An entry from a layer no longer loaded has only its slug, which `seen list` names
    (my-show); `seen remove "My Show"` was "no title matches 'My Show'"."""
    seen = tmp_path / "seen.toml"
    seen.write_text("[seen]\nmy-show = [1, 2]\nparasite = []\n", encoding="utf-8")
    env = {"KDRAMA_SEEN": str(seen)}
    one = run_shipped("seen", "remove", "My Show", "--season", "1", env=env)
    assert (one.exit_code, one.stderr) == (0, "Removed: my-show S1\n"), one.output
    assert "my-show = [2]" in seen.read_text(encoding="utf-8")
    whole = run_shipped("seen", "remove", "my show", env=env)
    assert (whole.exit_code, whole.stderr) == (0, "Removed: my-show\n"), whole.output
    assert seen.read_text(encoding="utf-8") == "[seen]\nparasite = []\n"
    # a name the catalogue has is that title, as before
    kept = run_shipped("seen", "remove", "Parasite", env=env)
    assert (kept.exit_code, kept.stderr) == (0, "Removed: Parasite\n"), kept.output


def test_seen_list_json_and_csv_give_the_year_the_page_shows(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The page's Year column had no key in `seen list --json` nor column in its `--csv`: a
    script sorting the list by year asked `show --json` of each title. It is `year`, as in
    `list --json`, null where unknown and for an entry the catalogue lacks; the export still
    imports."""
    seen = tmp_path / "seen.toml"
    seen.write_text("[seen]\nkingdom = [1]\nold-gone = [1]\n", encoding="utf-8")
    env = {"KDRAMA_SEEN": str(seen)}
    page = run_shipped("seen", "list", env={**env, "COLUMNS": "80"})
    assert "Kingdom   킹덤     2019   S1 of 2" in page.stdout, page.stdout
    rows = json.loads(run_shipped("seen", "list", "--json", env=env).stdout)
    assert [(r["slug"], r["year"]) for r in rows] == [("kingdom", 2019), ("old-gone", None)]
    sheet = run_shipped("seen", "list", "--csv", env=env).stdout
    assert sheet.splitlines() == [
        "slug,title,korean_title,kind,seasons,released_seasons,in_catalogue,year",
        "kingdom,Kingdom,킹덤,series,1,2,true,2019",
        "old-gone,,,,1,,false,",
    ]
    backup = tmp_path / "backup.csv"
    backup.write_text(sheet, encoding="utf-8")
    again = run_shipped(
        "seen", "import", str(backup), "--dry-run", env={"KDRAMA_SEEN": str(tmp_path / "new.toml")}
    )
    assert again.exit_code == 0 and "Kingdom S1" in again.stdout, again.output

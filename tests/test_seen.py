"""The seen list: add, remove, list, import Netflix's viewing history, and where it shows."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import KDRAMA, MINI, Run, _runner

HISTORY = (
    "\ufeffTitle,Date\n"
    '"Squid Game: Season 2: Bread and Lottery","1/2/25"\n'
    '"Squid Game: Season 1: Red Light, Green Light","9/20/21"\n'
    '"All of Us Are Dead: Limited Series: Episode 3","2/1/22"\n'
    '"The Glory: Part 2: Episode 16","3/12/23"\n'
    '"Train to Busan","5/5/20"\n'
    '"Stranger Things: Stranger Things 4: Chapter One","5/30/22"\n'
    '"Stranger Things: Stranger Things 4: Chapter Two","5/30/22"\n'
    '"Alchemy of Souls: Part 2: Episode 1","1/1/23"\n'
)


@pytest.fixture
def seen_file(tmp_path: Path) -> Path:
    """The list $KDRAMA_SEEN names, in a folder of its own (which kdrama never makes for it)."""
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "seen.toml"


@pytest.fixture
def kd(run_shipped: Run, seen_file: Path) -> Run:
    """kdrama on the shipped catalogue with a seen list of this test's own."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> object:
        return run_shipped(
            *args,
            env={"KDRAMA_SEEN": str(seen_file), "COLUMNS": "80", **(env or {})},
            input=input,
        )

    return run  # type: ignore[return-value]


def test_add_list_remove(kd: Run, seen_file: Path) -> None:
    result = kd("seen", "add", "squid-game", "--season", "1")
    assert result.exit_code == 0 and "Seen: Squid Game S1" in result.stderr
    assert kd("seen", "add", "squid game 2").exit_code == 0  # a title with a season
    assert kd("seen", "add", "Train to Busan").exit_code == 0
    assert "squid-game = [1, 2]" in seen_file.read_text()
    assert "train-to-busan = []" in seen_file.read_text()
    listed = json.loads(kd("seen", "list", "--json").stdout)
    assert {(e["show"], tuple(e["seasons"])) for e in listed} == {
        ("squid-game", (1, 2)),
        ("train-to-busan", ()),
    }
    page = kd("seen", "list").stdout
    assert "S1, S2 of 3" in page and "2 titles seen" in page
    kd("seen", "remove", "squid-game", "--season", "2")
    assert "squid-game = [1]" in seen_file.read_text()
    kd("seen", "remove", "squid-game")
    assert "squid-game" not in seen_file.read_text()


@pytest.mark.parametrize("command", ["add", "remove"])
def test_an_export_is_refused_before_the_seen_list_changes(
    kd: Run, seen_file: Path, tmp_path: Path, command: str
) -> None:
    """seen add and seen remove print no page: --export-svg is a usage error given before the
    list is changed, so exit 2 never follows a change that was made."""
    if command == "remove":
        kd("seen", "add", "exhuma")
    before = seen_file.read_text() if seen_file.exists() else None
    out = tmp_path / "out.svg"
    result = kd("--export-svg", str(out), "seen", command, "exhuma")
    assert result.exit_code == 2
    assert f"save a printed page; seen {command} prints none" in result.stderr
    assert "Seen:" not in result.output and "Removed:" not in result.output
    assert (seen_file.read_text() if seen_file.exists() else None) == before
    assert not out.exists()


def test_a_title_of_unknown_kind_is_listed_as_seen_not_unknown(kd: Run) -> None:
    """The Seen column names a film "film"; for a title Netflix gives no kind of, "unknown"
    would read as "seen: unknown"."""
    kd("seen", "add", "heartstrings")
    (row,) = [line for line in kd("seen", "list").stdout.splitlines() if "Heartstrings" in line]
    assert row.split()[-1] == "seen" and "unknown" not in row


def test_an_unreleased_or_missing_season_is_a_usage_error(kd: Run) -> None:
    assert kd("seen", "add", "squid-game", "--season", "9").exit_code == 2
    result = kd("seen", "add", "all-of-us-are-dead", "--season", "2")
    assert result.exit_code == 2 and "not released" in result.output


def test_a_cancelled_season_is_not_said_to_be_coming(
    write_dataset: Callable[[str], Path], tmp_path: Path
) -> None:
    """A cancelled season read "is not released yet (cancelled, ...)", as though it were still
    to come."""
    text = MINI.read_text(encoding="utf-8").replace('status = "renewed"', 'status = "cancelled"', 1)
    run = _runner(write_dataset(text))
    env = {"KDRAMA_SEEN": str(tmp_path / "seen.toml"), "KDRAMA_TODAY": "2026-12-01"}
    result = run("seen", "add", "moonlit-hallway", "--season", "2", env=env)
    assert result.exit_code == 2
    assert "Moonlit Hallway season 2 never came out (cancelled" in result.stderr
    assert "not released yet" not in result.stderr


def test_a_season_not_out_says_its_status_and_the_command_that_works(
    run: Run, tmp_path: Path
) -> None:
    """Moonlit Hallway S2 is renewed: the error dates that, as the show page does, and gives
    the command that marks what can be watched; that command works."""
    env = {"KDRAMA_SEEN": str(tmp_path / "seen.toml"), "KDRAMA_TODAY": "2026-12-01"}
    result = run("seen", "add", "moonlit-hallway", "--season", "2", env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        "kdrama: error: Moonlit Hallway season 2 is not released yet (renewed since 2022-06-06, "
        f"as of 2026-11-01); season 1 is out: {KDRAMA} seen add moonlit-hallway --season 1\n"
    )
    # A year on, the news is stale, as the show page and `upcoming` flag it.
    later = run(
        "seen", "add", "moonlit-hallway", "-s", "2", env={**env, "KDRAMA_TODAY": "2027-12-01"}
    )
    assert "(renewed since 2022-06-06, as of 2026-11-01; stale: the catalogue's latest news" in (
        later.stderr
    )
    again = run("seen", "add", "moonlit-hallway", "--season", "1", env=env)
    assert again.exit_code == 0 and "Seen: Moonlit Hallway S1" in again.stderr


def test_remove_checks_the_season_and_says_when_it_was_not_listed(kd: Run, seen_file: Path) -> None:
    kd("seen", "add", "squid-game", "--season", "1")
    missing = kd("seen", "remove", "squid-game", "--season", "9")
    assert missing.exit_code == 2
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9" in missing.output
    unlisted = kd("seen", "remove", "squid-game", "--season", "2")
    assert unlisted.exit_code == 0
    assert "Squid Game S2 is not in the seen list." in unlisted.stderr
    assert "Removed" not in unlisted.stderr
    assert "squid-game = [1]" in seen_file.read_text()
    removed = kd("seen", "remove", "squid game 1")
    assert "Removed: Squid Game S1" in removed.stderr
    assert "squid-game" not in seen_file.read_text()


def test_a_season_the_catalogue_lacks_can_still_be_removed(kd: Run, seen_file: Path) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 7]\n", encoding="utf-8")
    result = kd("seen", "remove", "squid-game", "--season", "7")
    assert result.exit_code == 0 and "Removed: Squid Game S7" in result.stderr
    assert "squid-game = [1]" in seen_file.read_text()


def test_a_season_not_out_is_named_and_neither_marked_nor_counted(kd: Run, seen_file: Path) -> None:
    """A hand edit may list a season still in production: `seen add` refuses it, but the
    person page ticked it ("✓ S2" on "1, 2 (announced)") and `seen people` counted its
    announced cast. It is said in `seen list` as a season the catalogue lacks is."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nall-of-us-are-dead = [2]\nsquid-game = [1]\n", encoding="utf-8")
    listed = kd("seen", "list")
    assert listed.exit_code == 0
    said = " ".join(listed.stderr.split())
    assert "1 seen season is not out yet: All of Us Are Dead S2; pages do not mark or count" in said
    assert "(kdrama seen remove all-of-us-are-dead --season 2 takes it off)" in said
    page = kd("person", "cho-yi-hyun")  # in season 1 and the season 2 announced
    assert page.exit_code == 0 and "Seen" not in page.stdout  # nothing of theirs is out
    people = json.loads(kd("seen", "people", "--json").stdout)
    shows = {credit["show"] for person in people for credit in person["seen_in"]}
    assert shows == {"squid-game"}, shows
    seen_file.write_text("[seen]\nall-of-us-are-dead = [2]\n", encoding="utf-8")
    alone = kd("seen", "people")
    assert alone.exit_code == 0 and alone.stdout == ""
    assert "Nobody yet: no season on the seen list is out" in " ".join(alone.stderr.split())
    seen_file.write_text("[seen]\nall-of-us-are-dead = [1, 2]\n", encoding="utf-8")
    both = kd("person", "cho-yi-hyun").stdout
    assert "✓ S1" in both and "✓ S1, 2" not in both and "✓ S2" not in both


def test_remove_narrows_a_name_matching_several_to_the_titles_seen(
    kd: Run, seen_file: Path
) -> None:
    """`seen remove king` with only Kingdom on the list asked about 20 titles of the whole
    catalogue, though TAB after `seen remove` completes only the titles on the list."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nkingdom = [1]\n", encoding="utf-8")
    assert "matches" in kd("show", "king").stderr  # several titles in the catalogue
    one = kd("seen", "remove", "king")
    assert one.exit_code == 0 and "Removed: Kingdom" in one.stderr
    assert "kingdom" not in seen_file.read_text()
    # a season typed with the name is kept: every season of the title was taken off
    seen_file.write_text("[seen]\nkingdom = [1, 2]\n", encoding="utf-8")
    season = kd("seen", "remove", "king season 2")
    assert season.exit_code == 0 and "Removed: Kingdom S2" in season.stderr
    assert "kingdom = [1]" in seen_file.read_text()
    lacking = kd("seen", "remove", "king s3")
    assert lacking.exit_code == 2 and "Kingdom, not season 3" in " ".join(lacking.stderr.split())
    assert "kingdom = [1]" in seen_file.read_text()
    seen_file.write_text("[seen]\nkingdom = [1]\nking-the-land = [1]\n", encoding="utf-8")
    two = kd("seen", "remove", "king")
    assert two.exit_code == 2
    said = " ".join(two.stderr.split())
    assert "'king' matches 2 titles: kingdom (Kingdom); king-the-land (King the Land)" in said
    seen_file.write_text("[seen]\nparasite = []\n", encoding="utf-8")
    other = kd("seen", "remove", "king")  # none of them seen: the catalogue's choice, as before
    said = " ".join(other.stderr.split())
    assert other.exit_code == 2 and "'king' matches" in said and "king-of-golf" in said


def test_an_entry_the_catalogue_lacks_is_removed_by_its_slug(kd: Run, seen_file: Path) -> None:
    """A title from a dataset no longer loaded: `seen list` names it, and `seen remove` takes it
    (or one of its seasons) off by the slug the list has, though no title matches it."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nold-gone-show = [1, 2]\nkingdom = [1]\n", encoding="utf-8")
    listed = kd("seen", "list").stderr
    assert "not in this catalogue: old-gone-show (kdrama seen remove old-gone-show" in listed
    season = kd("seen", "remove", "old-gone-show", "--season", "2")
    assert season.exit_code == 0 and "Removed: old-gone-show S2" in season.stderr
    assert "old-gone-show = [1]" in seen_file.read_text()
    unlisted = kd("seen", "remove", "old-gone-show", "--season", "3")
    assert unlisted.exit_code == 0
    assert "old-gone-show S3 is not in the seen list." in unlisted.stderr
    whole = kd("seen", "remove", "old-gone-show")
    assert whole.exit_code == 0 and "Removed: old-gone-show" in whole.stderr
    assert "old-gone-show" not in seen_file.read_text()
    assert "kingdom = [1]" in seen_file.read_text()
    assert "not in this catalogue" not in kd("seen", "list").stderr
    again = kd("seen", "remove", "old-gone-show")  # off the list: an unknown title again
    assert again.exit_code == 2 and "no title matches 'old-gone-show'" in again.output


def test_an_entry_whose_id_the_catalogue_renamed_is_named_and_moved_when_asked(
    kd: Run, seen_file: Path
) -> None:
    """Ids the shipped catalogue once had: 'chimmuk', the film now merged into Heart Blackened
    (its Netflix title 침묵), and 'tasty-guys-2021', Netflix's 'Tasty Guys: 2021', now season 3
    of Tasty Guys. `seen list` says what each reads as, not only "not in this catalogue", and
    `seen add OLD-ID` marks the title in the old entry's place; an id that reads as nothing
    keeps the old line."""
    seen_file.write_text(
        "[seen]\nchimmuk = []\ntasty-guys-2021 = [1]\nold-gone-show = [1]\n", encoding="utf-8"
    )
    listed = " ".join(kd("seen", "list").stderr.split())
    assert (
        "kdrama: 2 seen titles seem to be in this catalogue under another id now, renamed or"
        " merged since the list was made: chimmuk, read as Heart Blackened (heart-blackened);"
        " tasty-guys-2021, as Tasty Guys S3 (tasty-guys) (kdrama seen add OLD-ID moves one"
        " there)" in listed
    )
    assert "kdrama: 1 seen title is not in this catalogue: old-gone-show (" in listed
    moved = kd("seen", "add", "tasty-guys-2021")
    assert moved.exit_code == 0
    assert (
        "Seen: Tasty Guys S3 (in place of tasty-guys-2021, an id this catalogue no longer has)"
        in moved.stderr
    )
    assert kd("seen", "add", "chimmuk").exit_code == 0
    text = seen_file.read_text()
    assert "chimmuk" not in text and "tasty-guys-2021" not in text
    assert "heart-blackened = []" in text and "tasty-guys = [3]" in text
    assert "old-gone-show = [1]" in text
    one = " ".join(kd("seen", "list").stderr.split())
    assert "seem to be in this catalogue" not in one and "seems to be" not in one
    again = kd("seen", "add", "chimmuk")  # nothing left to move: the title is already there
    assert "Seen: Heart Blackened (already in the list)" in again.stderr


def test_an_id_that_names_only_part_of_a_title_is_not_read_as_renamed(
    kd: Run, seen_file: Path
) -> None:
    """'crash-landing' and 'glory' (a layer's own titles, say, not loaded now) name only part of
    Crash Landing on You and The Glory: `seen list` said they "seem to be in this catalogue
    under another id now, renamed or merged", and `seen add crash-landing` took the entry off
    in that title's place. A renamed id reads whole; these are only not in this catalogue."""
    seen_file.write_text("[seen]\ncrash-landing = []\nglory = [1]\n", encoding="utf-8")
    listed = " ".join(kd("seen", "list").stderr.split())
    assert "under another id" not in listed
    assert "kdrama: 2 seen titles are not in this catalogue: crash-landing, glory (" in listed
    added = kd("seen", "add", "crash-landing")
    assert added.exit_code == 0 and "in place of" not in added.stderr
    assert "crash-landing = []" in seen_file.read_text()


def test_an_old_id_typed_with_an_episode_is_moved_too(kd: Run, seen_file: Path) -> None:
    """`seen add OLD-ID` moves the entry; typed with an episode, as `seen add` takes one, the
    title was marked and the old entry left beside it."""
    seen_file.write_text("[seen]\ntasty-guys-2021 = [1]\n", encoding="utf-8")
    moved = kd("seen", "add", "tasty-guys-2021 e1")
    assert moved.exit_code == 0
    assert "(in place of tasty-guys-2021, an id this catalogue no longer has)" in moved.stderr
    assert seen_file.read_text() == "[seen]\ntasty-guys = [3]\n"


def test_seasons_out_not_numbered_from_one_are_named_not_counted(kd: Run, seen_file: Path) -> None:
    """Netflix's record of Voice holds season 2 alone ('Voice 2'), and Adventure by Accident
    seasons 3 and 4: the Seen column said "S2 of 1" and "S3 of 2", a season above the count.
    It names them; a title numbered from 1 keeps its count."""
    seen_file.write_text(
        "[seen]\nvoice = [2]\nadventure-by-accident = [3]\nkingdom = [2]\n", encoding="utf-8"
    )
    page = kd("seen", "list").stdout
    rows = {line.split()[0]: " ".join(line.split()) for line in page.splitlines() if line}
    assert rows["Voice"].endswith("S2 of season 2")
    assert rows["Adventure"].endswith("S3 of seasons 3–4")
    assert rows["Kingdom"].endswith("S2 of 2")
    listed = {
        e["slug"]: e["released_seasons"] for e in json.loads(kd("seen", "list", "--json").stdout)
    }
    assert listed == {"voice": 1, "adventure-by-accident": 2, "kingdom": 2}  # a count, as before


def test_seasons_seen_and_out_are_not_two_lists_run_together(kd: Run, seen_file: Path) -> None:
    """Seen seasons apart, of seasons out not numbered from 1, read "S2, S4 of S2, S3, S4":
    where the seen list ends and the seasons out begin was anyone's guess. The seasons out
    are said in words, runs joined ("seasons 2–4", "seasons 1 and 6")."""
    seen_file.write_text(
        "[seen]\nhit-and-miss-tour = [2, 4]\npoo-poo-in-nature = [6]\ntoriroti = [1, 5]\n",
        encoding="utf-8",
    )
    page = kd("seen", "list", env={"COLUMNS": "120"}).stdout
    rows = {line.split()[0]: " ".join(line.split()) for line in page.splitlines() if line}
    assert rows["Hit"].endswith("S2, S4 of seasons 2–4")
    assert rows["Poo"].endswith("S6 of seasons 1 and 6")
    assert rows["Toriroti"].endswith("S1, S5 of seasons 1–2 and 5–6")


def test_a_backup_with_ids_since_renamed_says_what_they_read_as(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A `seen list --json` backup made when the catalogue had 'chimmuk' (now Heart Blackened)
    and 'tasty-guys-2021' (now Tasty Guys season 3): the import says what each reads as and
    how to mark it, adds neither unasked, and --json gives the reading."""
    backup = tmp_path / "backup.json"
    backup.write_text(
        json.dumps(
            [
                {"slug": "chimmuk", "seasons": []},
                {"slug": "tasty-guys-2021", "seasons": [1]},
                {"slug": "old-gone-show", "seasons": []},
            ]
        ),
        encoding="utf-8",
    )
    said = " ".join(kd("seen", "import", str(backup)).stdout.split())
    assert (
        "3 titles not in this catalogue, not added: chimmuk (read as Heart Blackened,"
        " heart-blackened, now), old-gone-show, tasty-guys-2021 (read as Tasty Guys S3,"
        " tasty-guys, now)." in said
    )
    assert (
        "Each id read as a title has been renamed or merged since the export:"
        " kdrama seen add OLD-ID marks one." in said
    )
    assert not seen_file.exists() or "heart-blackened" not in seen_file.read_text()
    document = json.loads(kd("seen", "import", str(backup), "--dry-run", "--json").stdout)
    assert {e["title"]: e["read_as"] for e in document["unmatched"]} == {
        "chimmuk": {"slug": "heart-blackened", "season": None},
        "old-gone-show": None,
        "tasty-guys-2021": {"slug": "tasty-guys", "season": 3},
    }


def test_the_command_a_backups_read_id_is_given_with_is_one_a_shell_reads(
    kd: Run, tmp_path: Path
) -> None:
    """A backup's id is anything its file holds: the line that says how to mark the one id read
    as a title gave it bare, so 'Squid Game 2' pasted as three words and a control character
    in it reached the terminal raw. It is quoted as `seen list` quotes an id."""
    for slug, quoted in (("Squid Game 2", "'Squid Game 2'"), ("\akingdom", "$'\\x07kingdom'")):
        backup = tmp_path / "backup.json"
        backup.write_text(json.dumps([{"slug": slug, "seasons": [1]}]), encoding="utf-8")
        said = kd("seen", "import", str(backup), "--dry-run").stdout
        assert "\a" not in said
        assert (
            "The id read as a title has been renamed or merged since the export:"
            f" kdrama seen add {quoted} marks it." in " ".join(said.split())
        )


def test_json_and_csv_keep_an_entry_the_catalogue_lacks(kd: Run, seen_file: Path) -> None:
    """A title from a layer not loaded now stays in what scripts read (an export, a sync), with
    what the seen file says of it, rather than vanishing whenever the layer is not passed."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nold-gone-show = [1, 2]\nkingdom = [1]\n", encoding="utf-8")
    listed = kd("seen", "list", "--json")
    assert listed.exit_code == 0
    assert json.loads(listed.stdout) == [
        {
            "slug": "kingdom",
            "show": "kingdom",
            "title": "Kingdom",
            "korean_title": "킹덤",
            "kind": "series",
            "seasons": [1],
            "released_seasons": 2,
            "in_catalogue": True,
            "year": 2019,
        },
        {
            "slug": "old-gone-show",
            "show": "old-gone-show",
            "title": None,
            "korean_title": None,
            "kind": None,
            "seasons": [1, 2],
            "released_seasons": None,
            "in_catalogue": False,
            "year": None,
        },
    ]
    assert "not in this catalogue: old-gone-show" in listed.stderr
    rows = list(csv.DictReader(io.StringIO(kd("seen", "list", "--csv").stdout)))
    assert [(r["slug"], r["title"], r["seasons"], r["in_catalogue"]) for r in rows] == [
        ("kingdom", "Kingdom", "1", "true"),
        ("old-gone-show", "", "1; 2", "false"),
    ]
    seen_file.write_text("[seen]\nold-gone-show = []\n", encoding="utf-8")
    page = kd("seen", "list")  # not "empty": the line before names what the list holds
    assert page.stdout == "" and "The seen list is empty" not in page.stderr
    assert "No title on the seen list is in this catalogue." in page.stderr


@pytest.mark.parametrize("command", ["add", "remove"])
def test_a_film_with_a_season_is_the_usage_error_show_gives(
    kd: Run, seen_file: Path, command: str
) -> None:
    kd("seen", "add", "Train to Busan")
    result = kd("seen", command, "Train to Busan", "--season", "1")
    assert result.exit_code == 2
    expected = "kdrama: error: Train to Busan is a film: it has no seasons\n"
    assert result.stderr == expected  # one line, as show gives it: no Usage block
    assert "train-to-busan = []" in seen_file.read_text()  # unchanged
    shown = kd("show", "Train to Busan", "--season", "1")
    assert shown.exit_code == 2 and shown.stderr == expected


def test_a_season_typed_twice_two_ways_is_one_line(kd: Run, seen_file: Path) -> None:
    for command in (["show"], ["seen", "add"]):
        result = kd(*command, "squid game 2", "--season", "3")
        assert result.exit_code == 2
        assert result.stderr == (
            "kdrama: error: 'squid game 2' names season 2 and --season says 3: give one season\n"
        )


def test_seen_titles_missing_from_the_catalogue_are_counted_in_words(
    kd: Run, seen_file: Path
) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1]\nno-such-title = []\n", encoding="utf-8")
    one = kd("seen", "list").stderr
    assert "kdrama: 1 seen title is not in this catalogue: no-such-title (" in one
    seen_file.write_text("[seen]\nno-such-a = []\nno-such-b = []\n", encoding="utf-8")
    two = kd("seen", "list").stderr
    assert "kdrama: 2 seen titles are not in this catalogue: no-such-a, no-such-b" in two


def test_import_matches_titles_and_seasons_and_twice_changes_nothing(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    history = tmp_path / "NetflixViewingHistory.csv"
    history.write_text(HISTORY, encoding="utf-8")
    first = kd("seen", "import", str(history))
    assert first.exit_code == 0, first.output
    assert "8 viewing rows: 6 matched 5 titles" in first.stdout
    assert "2 rows (1 title) matched nothing" in first.stdout
    assert "2  Stranger Things" in first.stdout
    text = seen_file.read_text()
    for line in (
        "squid-game = [1, 2]",
        "all-of-us-are-dead = [1]",
        "the-glory = [1]",  # "Part 2" is the second half of its one season
        "train-to-busan = []",
        "alchemy-of-souls = [2]",
    ):
        assert line in text
    again = kd("seen", "import", str(history))
    assert "0 new titles, 0 new seasons" in again.stdout
    assert seen_file.read_text() == text


@pytest.mark.parametrize("form", ["--json", "--csv", "--tsv"])
def test_import_restores_a_seen_list_from_its_own_export(
    kd: Run, seen_file: Path, tmp_path: Path, form: str
) -> None:
    """`seen list --json` was called the way to keep the whole list, but nothing read it back:
    a backup was restored one `seen add` per title. `seen import` reads the export, with the
    report an import gives, and twice changes nothing."""
    assert kd("seen", "add", "kingdom", "--season", "1").exit_code == 0
    assert kd("seen", "add", "squid-game").exit_code == 0
    assert kd("seen", "add", "train-to-busan").exit_code == 0
    kept = seen_file.read_text(encoding="utf-8")
    backup = tmp_path / f"backup.{form[2:]}"
    backup.write_text(kd("seen", "list", form).stdout, encoding="utf-8")
    seen_file.unlink()
    restored = kd("seen", "import", str(backup))
    assert restored.exit_code == 0, restored.output
    assert "3 exported titles: 3 matched 3 titles in the catalogue" in restored.stdout
    lines = {line for line in seen_file.read_text(encoding="utf-8").splitlines() if "=" in line}
    assert lines == {line for line in kept.splitlines() if "=" in line}
    again = kd("seen", "import", str(backup))
    assert "0 new titles, 0 new seasons" in again.stdout


def test_a_tsv_export_a_spreadsheet_quoted_is_read_as_written(kd: Run, seen_file: Path) -> None:
    """`seen list --tsv` writes no quotes, but a spreadsheet saving the file again may quote
    every value: the season was then '"1', not a number, and a quoted header no export."""
    quoted = '"slug"\t"title"\t"seasons"\n"kingdom"\t"Kingdom"\t"1; 2"\n'
    result = kd("seen", "import", "-", input=quoted)
    assert result.exit_code == 0, result.output
    assert "kingdom = [1, 2]" in seen_file.read_text(encoding="utf-8")


def test_an_export_naming_what_the_catalogue_lacks_is_reported_not_guessed(
    kd: Run, seen_file: Path
) -> None:
    """A slug not in the catalogue matches nothing; a season it does not hold is left out and
    named; a season that is no number names the title; none is a traceback."""
    export = '[{"slug": "no-such-title", "seasons": [1]}, {"slug": "kingdom", "seasons": [1, 9]}]'
    result = kd("seen", "import", "-", input=export)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "the catalogue has seasons 1 and 2 of Kingdom, not season 9" in said
    assert "1 title not in this catalogue, not added: no-such-title." in said
    assert "kingdom = [1]" in seen_file.read_text(encoding="utf-8")
    for bad, message in [
        ('[{"slug": "kingdom", "seasons": ["two"]}]', "title 1: kingdom: a season is a number"),
        ('[{"seasons": [1]}]', "title 1: not a kdrama seen list: each title needs its slug"),
        ("slug,title,korean_title,kind,seasons\nkingdom,K,킹덤,series,1; x\n", ":2: kingdom:"),
        ("[" * 100_000, "not a kdrama seen list (JSON)"),
        ('[{"slug": "kingdom", "seasons": [null]}]', "a season is a number, not 'null'"),
        (
            "slug\ttitle\tkorean_title\tkind\tseasons\nkingdom\tK\t킹덤\tseries\t1; x\n",
            ":2: kingdom:",
        ),
        ("name\tyear\nKingdom\t2019\n", "nor kdrama's own seen-list export (kdrama seen list"),
    ]:
        refused = kd("seen", "import", "-", input=bad)
        assert refused.exit_code == 1, bad
        assert message in " ".join(refused.stderr.split()) and "Traceback" not in refused.stderr
    empty = kd("seen", "import", "-", input="[]")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert empty.stderr == "standard input is an empty seen list: nothing to import\n"


def test_an_export_s_rows_are_named_by_their_line_after_a_title_of_two_lines(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A `seen list --csv` export whose title spans two lines (a quoted field): the rows after
    it were named by their count, a line too early ("line 3" for the row on line 4), and a row
    csv cannot read was named by no line at all."""
    export = tmp_path / "seen.csv"
    header = "slug,title,korean_title,kind,seasons\n"
    kingdom = 'kingdom,"Kingdom\n(the series)",킹덤,series,1\n'
    export.write_text(header + kingdom + "squid-game,Squid Game,,series,1; x\n", encoding="utf-8")
    refused = kd("seen", "import", str(export))
    assert refused.exit_code == 1
    assert (
        refused.stderr == f"kdrama: error: {export}:4: squid-game: a season is a number, not 'x'\n"
    )
    export.write_text(header + kingdom + "squid-game," + "x" * 140_000 + "\n", encoding="utf-8")
    refused = kd("seen", "import", str(export))
    assert refused.exit_code == 1
    assert f"{export}:4: cannot read: field larger than field limit" in refused.stderr
    export.write_text(header + kingdom + "squid-game,Squid Game,,series,1; 2\n", encoding="utf-8")
    assert kd("seen", "import", str(export)).exit_code == 0
    assert "kingdom = [1]\nsquid-game = [1, 2]" in seen_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "header, date",
    [("\ufeffTitle,Date", "12/27/24"), ("제목,날짜", "24. 12. 27.")],
    ids=["english-header", "korean-header"],
)
def test_import_reads_a_history_from_a_korean_profile(
    kd: Run, seen_file: Path, tmp_path: Path, header: str, date: str
) -> None:
    """A profile set to Korean names titles in Hangul, with 시즌 N (season) and 파트 N (part)."""
    history = tmp_path / "NetflixViewingHistory.csv"
    history.write_text(
        f"{header}\n"
        f'"오징어 게임: 시즌 2: 1화","{date}"\n'
        f'"더 글로리: 파트 2: 16화","{date}"\n'
        f'"부산행","{date}"\n',
        encoding="utf-8",
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert "3 viewing rows: 3 matched 3 titles" in result.stdout
    assert "matched nothing" not in result.output
    text = seen_file.read_text()
    for line in ("squid-game = [2]", "the-glory = [1]", "train-to-busan = []"):
        assert line in text


def test_import_reads_a_season_by_its_own_title(kd: Run, seen_file: Path, tmp_path: Path) -> None:
    """A season known by a title of its own (Alchemy of Souls' second part, Light and Shadow;
    Weak Hero's Class 2) was dropped from a history as "the row names no season", or matched
    nothing in Hangul and was called probably not Korean."""
    history = tmp_path / "NetflixViewingHistory.csv"
    history.write_text(
        "제목,날짜\n"
        '"환혼: 빛과 그림자: 1화","23. 1. 1."\n'
        '"약한영웅 Class 2: 1화","25. 4. 25."\n'
        '"Alchemy of Souls: Light and Shadow: Episode 2","23. 1. 2."\n',
        encoding="utf-8",
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert "3 viewing rows: 3 matched 2 titles" in result.stdout
    assert "matched nothing" not in result.output and "names no season" not in result.output
    text = seen_file.read_text()
    assert "alchemy-of-souls = [2]" in text and "weak-hero = [2]" in text


def _history(tmp_path: Path, *rows: tuple[str, str]) -> Path:
    """A Netflix viewing history of ``rows`` (title, date), as Netflix's download writes it."""
    path = tmp_path / "NetflixViewingHistory.csv"
    lines = "".join(f'"{title}","{date}"\n' for title, date in rows)
    path.write_text(f"Title,Date\n{lines}", encoding="utf-8")
    return path


def test_import_leaves_out_a_season_not_released_as_add_does(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    history = _history(
        tmp_path,
        ("All of Us Are Dead: Season 2: Episode 1", "1/1/27"),
        ("All of Us Are Dead: Season 2: Episode 2", "1/2/27"),
        ("Squid Game: Season 1: Red Light, Green Light", "9/20/21"),
    )
    assert kd("seen", "add", "all-of-us-are-dead", "--season", "2").exit_code == 2
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert "3 viewing rows: 1 matched 1 title" in result.stdout
    assert (
        "2 rows are for seasons not released yet in the catalogue, not added (as `kdrama seen"
        " add` refuses them): All of Us Are Dead S2."
    ) in " ".join(result.stdout.split())
    text = seen_file.read_text()
    assert "squid-game = [1]" in text and "all-of-us-are-dead" not in text
    assert "of 1" not in kd("seen", "list").stdout


def test_a_season_netflix_lists_is_imported_and_added_though_the_catalogue_has_it_coming(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """Better Late Than Single S2 is "announced" in the catalogue, but Netflix's global Top 10
    lists it in the week ending 2026-07-12: a viewer's rows of it are matched, and add takes
    it, as the show page marks it out ("on Netflix by 2026-07-12")."""
    history = _history(
        tmp_path,
        ("Better Late Than Single: Season 2: Episode 1", "7/10/26"),
        ("Better Late Than Single: Season 2: Episode 2", "7/11/26"),
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert "2 viewing rows: 2 matched 1 title" in result.stdout
    assert "not released" not in result.stdout
    assert "better-late-than-single = [2]" in seen_file.read_text()
    # Both seasons can be watched: the list counts them both.
    assert "S2 of 2" in kd("seen", "list").stdout
    assert kd("seen", "add", "better-late-than-single", "--season", "2").exit_code == 0


def test_import_and_the_list_judge_a_listed_season_on_the_day_add_does(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """On a day before the week ending 2026-07-12 that first lists Better Late Than Single S2,
    `seen add --season 2` refuses it; import took it all the same (it asked the real day), and
    the list counted it among the seasons out. All three ask the same day."""
    early = {"KDRAMA_TODAY": "2026-07-01"}
    history = _history(tmp_path, ("Better Late Than Single: Season 2: Episode 1", "7/10/26"))
    assert kd("seen", "add", "better-late-than-single", "--season", "2", env=early).exit_code == 2
    result = kd("seen", "import", str(history), env=early)
    assert result.exit_code == 0, result.output
    assert "better-late-than-single" not in (seen_file.read_text() if seen_file.exists() else "")
    assert kd("seen", "add", "better-late-than-single", env=early).exit_code == 0
    listed = json.loads(kd("seen", "list", "--json", env=early).stdout)
    assert [(t["seasons"], t["released_seasons"]) for t in listed] == [([1], 1)]
    # On a day after it, each takes it.
    late = {"KDRAMA_TODAY": "2026-07-13"}
    assert kd("seen", "import", str(history), env=late).exit_code == 0
    listed = json.loads(kd("seen", "list", "--json", env=late).stdout)
    assert [(t["seasons"], t["released_seasons"]) for t in listed] == [([1, 2], 2)]


def test_import_takes_a_row_naming_no_season_as_the_one_season_out(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """Moving and All of Us Are Dead have one season out and a second announced: a row naming
    no season ("Moving: Episode 1") was refused with "the catalogue has seasons 1 and 2",
    though a second season is nothing a viewer could have watched and `seen add moving` marks
    season 1. Now the row marks the season out; where several are out, the reason names only
    those (Single's Inferno's renewed season is not one of them)."""
    history = _history(
        tmp_path,
        ("Moving: Episode 1", "5/5/24"),
        ("All of Us Are Dead: Episode 1", "1/30/22"),
        ("Kingdom: Episode 2", "1/5/24"),
        ("Single's Inferno: Episode 1", "5/5/24"),
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "Kingdom: the row names no season, and the catalogue has seasons 1 and 2 out." in said
    assert (
        "Single's Inferno: the row names no season, and the catalogue has seasons 1, 2, 3, 4 "
        "and 5 out." in said
    )
    assert "Moving:" not in said and "All of Us Are Dead:" not in said
    listed = json.loads(kd("seen", "list", "--json").stdout)
    assert {t["slug"]: t["seasons"] for t in listed} == {
        "all-of-us-are-dead": [1],
        "moving": [1],
    }


def test_import_names_a_season_the_catalogue_does_not_hold_apart_from_unmatched_titles(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """Kingdom is catalogued: a row for its season 3 is neither a title the catalogue lacks
    ("most are not Korean") nor one to mark; it is named as show --season words the miss."""
    history = _history(
        tmp_path,
        ("Kingdom: Season 3: Episode 1", "1/1/27"),
        ("Kingdom: Season 3: Episode 2", "1/2/27"),
        ("Kingdom: Season 1: Episode 1", "1/3/27"),
        ("Stranger Things: Season 1: Chapter One", "1/4/27"),
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "2 rows not added: the catalogue has seasons 1 and 2 of Kingdom, not season 3." in said
    # a row naming no season, of a title with several, is the catalogue's title too
    history = _history(tmp_path, ("Kingdom: Episode 2", "1/5/27"))
    none = " ".join(kd("seen", "import", str(history)).stdout.split())
    assert "1 row not added: Kingdom: the row names no season, and the catalogue has" in none
    assert "matched nothing" not in none
    assert "1 row (1 title) matched nothing in the catalogue" in said
    assert "Kingdom" not in said.split("matched nothing", 1)[1]
    assert "kingdom = [1]" in seen_file.read_text()


def test_import_refuses_what_is_not_a_viewing_history(kd: Run, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("Name,When\nx,y\n", encoding="utf-8")
    result = kd("seen", "import", str(other))
    assert result.exit_code == 1
    assert "not a Netflix viewing history" in result.stderr
    assert kd("seen", "import", str(tmp_path / "missing.csv")).exit_code == 1


def test_import_of_a_missing_file_or_a_folder_is_one_file_error_line(
    kd: Run, tmp_path: Path
) -> None:
    """README: a file error exits 1 with one line, the same for a folder as for a missing file
    (click's own check printed a usage block and exited 2)."""
    for path, reason in ((tmp_path / "missing.csv", "no such file"), (tmp_path, "is a directory")):
        result = kd("seen", "import", str(path))
        assert result.exit_code == 1, result.stderr
        assert result.stderr.count("\n") == 1 and reason in result.stderr
        assert "Usage:" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_import_of_a_pipe_says_to_give_it_on_standard_input(kd: Run, tmp_path: Path) -> None:
    """`seen import <(cat history.csv)` names a pipe, refused (as a dataset's is) without a word
    on what to do instead: the error now points to `-`, which reads it."""
    pipe = tmp_path / "history"
    os.mkfifo(pipe)
    result = kd("seen", "import", str(pipe), "--dry-run")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: {pipe}: is a named pipe (FIFO), not a regular file; give it on"
        " standard input instead: cmd | kdrama seen import -\n"
    )


def test_import_of_a_file_with_a_long_first_line_is_one_line_error(kd: Run, tmp_path: Path) -> None:
    """A file that is not CSV (a minified page, a base64 blob) can start with a line longer
    than csv's field limit (131,072 characters): one file error line, exit 1, not exit 70's
    internal error (code review 12, MUST 2). So is such a line among the rows; each error
    names its line, as data netflix does (code review 12, COULD 16)."""
    history = tmp_path / "not-a-history.txt"
    history.write_text("x" * 140_000 + "\n", encoding="utf-8")
    result = kd("seen", "import", str(history))
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count("\n") == 1
    assert f"{history}:1: not a Netflix viewing history" in result.stderr
    history.write_text('Title,Date\n"Squid Game","9/20/21"\n' + "x" * 140_000, encoding="utf-8")
    result = kd("seen", "import", str(history))
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count("\n") == 1
    assert f"{history}:3: cannot read: field larger than field limit" in result.stderr


def test_an_export_never_replaces_the_seen_list_or_a_dataset_file(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """--export-svg, --export-html and upcoming --ics FILE named the seen list or a dataset
    layer and wrote the page over it: the list, or a hand-written dataset, was gone. Each is
    refused before anything is written, however the path is spelt, and the file is kept; so is
    a file a dataset includes (an SVG over the shipped netflix.toml broke every later run)."""
    assert kd("seen", "add", "kingdom").exit_code == 0
    kept = seen_file.read_bytes()
    layer = tmp_path / "layer.toml"
    layer.write_text('[meta]\nschema = 1\ninclude = ["part.toml"]\n', encoding="utf-8")
    part = tmp_path / "part.toml"  # included: the shipped netflix.toml is such a file
    part.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    spelt = str(tmp_path / "." / "data" / ".." / "data" / seen_file.name)
    cases = [
        (
            ("--add-data", str(layer), "--export-svg", str(part), "show", "kingdom"),
            "--export-svg",
            "a dataset file",
        ),
        (("--add-data", str(layer), "upcoming", "--ics", str(part)), "--ics", "a dataset file"),
        (("--export-svg", spelt, "show", "kingdom"), "--export-svg", "your seen list"),
        (("--export-html", str(seen_file), "show", "kingdom"), "--export-html", "your seen list"),
        (("upcoming", "--ics", str(seen_file)), "--ics", "your seen list"),
        (
            ("--add-data", str(layer), "--export-html", str(layer), "show", "kingdom"),
            "--export-html",
            "a dataset file",
        ),
        (("--add-data", str(layer), "upcoming", "--ics", str(layer)), "--ics", "a dataset file"),
    ]
    for args, option, what in cases:
        result = kd(*args)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stdout == "", args
        assert f"kdrama: error: {option} " in result.stderr, args
        assert f": that is {what} kdrama reads (" in result.stderr, args
        assert "writing there would replace it: give another PATH" in result.stderr, args
    assert seen_file.read_bytes() == kept
    assert layer.read_text(encoding="utf-8") == '[meta]\nschema = 1\ninclude = ["part.toml"]\n'
    assert part.read_text(encoding="utf-8") == "[meta]\nschema = 1\n"
    assert "Kingdom" in kd("seen", "list").stdout
    picture = tmp_path / "kingdom.svg"
    assert kd("--export-svg", str(picture), "show", "kingdom").exit_code == 0
    assert picture.read_text(encoding="utf-8").startswith("<svg")


def test_seen_list_names_the_seasons_the_catalogue_does_not_have(kd: Run, seen_file: Path) -> None:
    """A hand-edited list (or one from a catalogue that numbered seasons otherwise) showed
    "S1, S7 of 3" for Squid Game as if season 7 were real, with no word, where a title the
    catalogue lacks is named on stderr: each such season is named too, with the command that
    takes it off, and the list and --json keep what the file holds."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 7]\n", encoding="utf-8")
    result = kd("seen", "list")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "kdrama: 1 seen season is not in this catalogue: Squid Game S7"
        " (kdrama seen remove squid-game --season 7 takes it off)\n"
    )
    assert "S1, S7 of 3" in result.stdout
    result = kd("seen", "list", "--json")
    assert json.loads(result.stdout)[0]["seasons"] == [1, 7]
    assert "Squid Game S7" in result.stderr
    seen_file.write_text("[seen]\nsquid-game = [1, 7]\nkingdom = [1, 5, 6]\n", encoding="utf-8")
    result = kd("seen", "list")
    assert result.stderr == (
        "kdrama: 3 seen seasons are not in this catalogue: Kingdom S5, S6; Squid Game S7"
        " (kdrama seen remove SLUG --season N takes one off)\n"
    )
    assert kd("seen", "remove", "squid-game", "--season", "7").exit_code == 0
    assert kd("seen", "remove", "kingdom", "--season", "5").exit_code == 0
    assert kd("seen", "remove", "kingdom", "--season", "6").exit_code == 0
    result = kd("seen", "list")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_file_that_is_not_text_is_not_called_utf16(kd: Run, tmp_path: Path) -> None:
    """An .xlsx workbook, a gzipped history or any binary file has NUL bytes near its start,
    as UTF-16 does, but saving it "as UTF-8" from Notepad is no fix: the error says what the
    file is instead, for `seen import` and for `data check`, which share the check; a real
    UTF-16 file, with or without its byte-order mark, is still named as one."""
    import gzip
    import zipfile

    workbook = tmp_path / "NetflixViewingHistory.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<x/>" * 200)
    squeezed = tmp_path / "NetflixViewingHistory.csv.gz"
    squeezed.write_bytes(gzip.compress(HISTORY.encode("utf-8")))
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(256)) * 4)
    cases = {
        workbook: "it is a ZIP archive (as .zip and .xlsx files are)",
        squeezed: "it is compressed with gzip: decompress it first (gunzip)",
        noise: "it holds binary data (NUL bytes)",
    }
    for path, what in cases.items():
        for args in (("seen", "import", str(path)), ("data", "check", str(path))):
            result = kd(*args)
            assert result.exit_code == 1, (args, result.stderr)
            assert f"kdrama: error: {path}:1: not a text file: {what}" in result.stderr, args
            assert "UTF-16" not in result.stderr, args
    bare = tmp_path / "bare.csv"
    bare.write_bytes('제목,날짜\n"오징어 게임: 시즌 1: 1화","22. 1. 1."\n'.encode("utf-16-le"))
    result = kd("seen", "import", str(bare))
    assert "the file is saved as UTF-16" in result.stderr


def test_import_of_a_history_not_in_utf8_names_its_line_and_what_to_do(
    kd: Run, tmp_path: Path
) -> None:
    """A history saved again from a spreadsheet in another encoding: the line and the fix, as
    data check words it for a dataset."""
    history = tmp_path / "NetflixViewingHistory.csv"
    history.write_bytes(HISTORY.encode("utf-16"))
    result = kd("seen", "import", str(history))
    assert (result.exit_code, result.stderr) == (
        1,
        f"kdrama: error: {history}:1: not UTF-8: the file is saved as UTF-16 (Notepad's "
        '"Unicode"): save it as UTF-8\n',
    )
    history.write_bytes(b"\xef\xbb\xbfTitle,Date\nKingdom,1/5/27\n\xff,1/5/27\n")
    result = kd("seen", "import", str(history))
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {history}:3:1: not valid UTF-8: byte 0xFF (ÿ in Windows-1252): save the"
        " file as UTF-8\n"
    )


def test_import_reads_standard_input(kd: Run, seen_file: Path) -> None:
    result = kd("seen", "import", "-", input=HISTORY)
    assert result.exit_code == 0, result.output
    assert "8 viewing rows: 6 matched 5 titles" in result.stdout
    assert "squid-game = [1, 2]" in seen_file.read_text()


def test_import_refuses_standard_input_over_the_limit_as_it_refuses_a_file(
    kd: Run, seen_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard input was cut at the limit without a word, its last row cut mid-title, and
    imported in part, while a file over the limit is refused (code review 12, COULD 12)."""
    from kdrama_cli.catalogue import viewing_history

    history = 'Title,Date\n"Train to Busan","5/5/20"\n"Squid Game: Season 1: Episode 1","9/20/21"\n'
    limit = len(history.encode()) - 10  # inside the last row's "Squid Game"
    monkeypatch.setattr(viewing_history, "MAX_HISTORY_BYTES", limit)
    result = kd("seen", "import", "-", input=history)
    assert (result.exit_code, result.stderr) == (
        1,
        f"kdrama: error: -: standard input is too large (more than {limit:,} bytes)\n",
    )
    assert not seen_file.exists()
    path = tmp_path / "NetflixViewingHistory.csv"
    path.write_text(history, encoding="utf-8")
    assert "file is too large" in kd("seen", "import", str(path)).stderr
    monkeypatch.setattr(viewing_history, "MAX_HISTORY_BYTES", len(history.encode()))
    assert kd("seen", "import", "-", input=history).exit_code == 0  # at the limit: read whole
    assert "squid-game = [1]" in seen_file.read_text()


def test_import_reports_on_stdout_what_it_adds_and_leaves_out(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """The report is the command's answer: it went to stderr alone, so `--dry-run | less`
    showed nothing and a script could not read the titles that matched nothing (UX review 14,
    SHOULD 5). It is on stdout, naming what is (or would be) added; stderr stays empty."""
    history = _history(
        tmp_path,
        ("Squid Game: Season 2: Halloween Party", "1/2/25"),
        ("Stranger Things: Stranger Things 4: Chapter One", "6/1/22"),
        ("Kingdom: Season 3: Ep 1", "1/1/24"),
        ("Train to Busan", "5/5/20"),
    )
    kd("seen", "add", "squid-game", "--season", "1")
    dry = kd("seen", "import", str(history), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stderr == ""
    assert dry.stdout.splitlines() == [
        "4 viewing rows: 2 matched 2 titles in the catalogue (1 new title, 1 new season would"
        " be added).",
        "Would be added:",
        "  Squid Game S2",
        "  Train to Busan",
        "1 row not added: the catalogue has seasons 1 and 2 of Kingdom, not season 3.",
        "1 row (1 title) matched nothing in the catalogue (most are not Korean); the most watched:",
        "     1  Stranger Things: Stranger Things 4",
    ]
    assert "squid-game = [1]\n" in seen_file.read_text()  # a dry run changes nothing
    done = kd("seen", "import", str(history))
    assert done.stdout.splitlines()[1:4] == ["Added:", "  Squid Game S2", "  Train to Busan"]
    assert "squid-game = [1, 2]" in seen_file.read_text()


def test_import_tells_apart_the_titles_of_one_name_it_adds(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """Two titles called New World, or I am Solo, were two identical lines of the report:
    each says what tells it apart (its Korean title, year or kind), as a list of matches does."""
    history = _history(
        tmp_path,
        ("I am Solo: Part 1 - Part 4: Episode 3", "1/2/25"),
        ("I am Solo: Part 13 - Part 16: Episode 1", "1/3/25"),
        ("New World", "1/3/25"),
        ("New World: Season 1: Episode 1", "1/3/25"),
        ("Squid Game: Season 1: Red Light, Green Light", "9/20/21"),
    )
    result = kd("seen", "import", str(history), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "Would be added:",
        "  I am Solo (나는 솔로: 1기-4기) S1",
        "  I am Solo (나는 솔로: 13기-16기) S13",
        "  New World (신세계, 2013 film)",
        "  New World (신세계로부터, series) S1",
        "  Squid Game S1",
    ]


def test_import_tells_a_title_apart_from_the_catalogue_s_others_of_its_name(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A history holding only the film New World reported "New World", though the catalogue
    has a series of that name too: what tells them apart is said against the catalogue."""
    history = _history(tmp_path, ("New World", "1/3/25"))
    result = kd("seen", "import", str(history), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["Would be added:", "  New World (신세계, 2013 film)"]


def test_import_says_which_title_of_a_shared_name_lacks_the_season(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A row naming a season the catalogue's I am Solo lacks said "the catalogue has season 13
    of I am Solo, not season 2", though seven titles are called I am Solo: the line, and the
    JSON reason, say which one it is."""
    history = _history(
        tmp_path,
        ("I am Solo: Season 2: Episode 1", "1/3/25"),
        ("Squid Game: Season 9: Episode 1", "1/3/25"),
    )
    result = kd("seen", "import", str(history), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "1 row not added: the catalogue has season 13 of I am Solo (나는 솔로: 13기-16기), "
        "not season 2.",
        "1 row not added: the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9.",
    ]
    document = json.loads(kd("seen", "import", str(history), "--dry-run", "--json").stdout)
    assert document["season_unmatched"][0]["reason"] == (
        "the catalogue has season 13 of I am Solo (나는 솔로: 13기-16기), not season 2"
    )


def test_import_names_the_most_watched_misses_and_json_gives_every_one(
    kd: Run, tmp_path: Path
) -> None:
    misses = [(f"Made Up Title {n}: Season 1: Episode {n}", "1/1/25") for n in range(12)]
    history = _history(tmp_path, *misses, ("Made Up Title 3: Season 1: Episode 9", "1/2/25"))
    page = kd("seen", "import", str(history), "--dry-run").stdout.splitlines()
    assert page[2] == "     2  Made Up Title 3"
    assert page[-1] == "  … and 2 more: --json lists them all"
    assert len(page) == 2 + 10 + 1
    document = json.loads(kd("seen", "import", str(history), "--dry-run", "--json").stdout)
    assert len(document["unmatched"]) == 12
    # a history's title is no id to read as another: read_as is null, never a key left out
    assert document["unmatched"][0] == {"title": "Made Up Title 3", "rows": 2, "read_as": None}


def test_import_json_says_what_was_matched_added_and_left_out(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """`seen import --json`: the report whole, for a script (docs/output.md)."""
    history = _history(
        tmp_path,
        ("Squid Game: Season 2: Halloween Party", "1/2/25"),
        ("Squid Game: Season 1: Red Light, Green Light", "9/20/21"),
        ("All of Us Are Dead: Season 2: Episode 1", "1/1/27"),
        ("Kingdom: Episode 2", "1/5/27"),
        ("Stranger Things: Stranger Things 4: Chapter One", "6/1/22"),
    )
    kd("seen", "add", "squid-game", "--season", "1")
    result = kd("seen", "import", str(history), "--json", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["dry_run"] is True
    assert (document["rows"], document["matched_rows"]) == (5, 2)
    assert (document["new_titles"], document["new_seasons"]) == (0, 1)
    assert document["matched"] == [
        {
            "slug": "squid-game",
            "title": "Squid Game",
            "seasons": [1, 2],
            "new_title": False,
            "new_seasons": [2],
        }
    ]
    assert document["not_released"] == [
        {
            "slug": "all-of-us-are-dead",
            "title": "All of Us Are Dead",
            "season": 2,
            "rows": 1,
            "reason": None,
        }
    ]
    [kingdom] = document["season_unmatched"]
    assert (kingdom["slug"], kingdom["season"], kingdom["rows"]) == ("kingdom", None, 1)
    assert kingdom["reason"].startswith("Kingdom: the row names no season")
    assert document["unmatched"] == [
        {"title": "Stranger Things: Stranger Things 4", "rows": 1, "read_as": None}
    ]
    assert "squid-game = [1]\n" in seen_file.read_text()
    written = json.loads(kd("seen", "import", str(history), "--json").stdout)
    assert written["dry_run"] is False and written["new_seasons"] == 1
    assert "squid-game = [1, 2]" in seen_file.read_text()


def test_import_keeps_warnings_on_stderr_beside_the_report(
    kd: Run, seen_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kdrama_cli.catalogue.seen

    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("# mine\n[seen]\nkingdom = [1]\n", encoding="utf-8")
    monkeypatch.setattr(kdrama_cli.catalogue.seen, "_edit_entries", lambda text, seen: text)
    result = kd("seen", "import", str(_history(tmp_path, ("Train to Busan", "5/5/20"))))
    assert result.exit_code == 0, result.output
    assert LOST.format(seen_file) in " ".join(result.stderr.split())
    assert result.stdout.startswith("1 viewing row: 1 matched 1 title")
    assert "could not edit" not in result.stdout


@pytest.mark.parametrize("as_json", [False, True], ids=["page", "json"])
def test_import_of_a_history_with_no_titles_says_so(
    kd: Run, seen_file: Path, as_json: bool
) -> None:
    """A history that is only its header was reported as a count of zeros ("0 viewing rows: 0
    matched 0 titles ... (0 new titles, 0 new seasons added)"): it says that it holds no
    titles (UX review 14, COULD 11), an empty answer (exit 0)."""
    result = kd("seen", "import", "-", *(["--json"] if as_json else []), input="Title,Date\n")
    assert result.exit_code == 0, result.output
    said = "standard input holds no titles, only a header: nothing to import\n"
    assert result.stderr == ("kdrama: " if as_json else "") + said
    if as_json:
        assert json.loads(result.stdout)["rows"] == 0
    else:
        assert result.stdout == ""
    assert not seen_file.exists()


#: Netflix's other download, the personal-data archive's CONTENT_INTERACTION/ViewingActivity.csv
#: (its header as projects that parse it give it): a trailer and an autoplayed preview beside
#: an episode watched.
VIEWING_ACTIVITY = (
    "Profile Name,Start Time,Duration,Attributes,Title,Supplemental Video Type,Device Type,"
    "Bookmark,Latest Bookmark,Country\n"
    'Me,2024-12-27 10:00:00,00:00:45,,"Squid Game: Season 2 (Trailer)",TRAILER,TV,00:00:45,'
    "00:00:45,KR (Korea)\n"
    'Me,2024-12-27 10:01:00,00:00:30,Autoplayed: user action: None; ,"Squid Game: Season 3: '
    'Episode 1",HOOK,TV,00:00:30,00:00:30,KR (Korea)\n'
    'Me,2024-12-27 11:00:00,00:50:00,,"Kingdom: Season 1: Episode 1 (Episode 1)",,TV,00:50:00,'
    "00:50:00,KR (Korea)\n"
)


def test_import_of_viewing_activity_skips_trailers_and_previews(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """ViewingActivity.csv (the personal-data download) was read as a history, so a 45-second
    trailer and a 30-second autoplayed preview marked Squid Game S2 and S3 seen. Its rows with
    a Supplemental Video Type are skipped, and counted in a note on stderr."""
    history = tmp_path / "ViewingActivity.csv"
    history.write_text(VIEWING_ACTIVITY, encoding="utf-8")
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 viewing row: 1 matched 1 title"), result.stdout
    assert "Kingdom S1" in result.stdout and "Squid Game" not in result.stdout
    assert result.stderr == (
        f"kdrama: note: 2 rows of {history} skipped: trailers, previews and other extras (its"
        " Supplemental Video Type column) are not the title seen\n"
    )
    assert "squid-game" not in seen_file.read_text(encoding="utf-8")
    # a file of extras alone is not "only a header"
    only = tmp_path / "extras.csv"
    only.write_text("".join(VIEWING_ACTIVITY.splitlines(keepends=True)[:3]), encoding="utf-8")
    result = kd("seen", "import", str(only), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["rows"] == 0
    assert result.stderr == (
        f"kdrama: {only} holds only trailers, previews and other extras: nothing to import\n"
    )


def test_import_of_an_empty_file_says_it_is_empty(kd: Run, seen_file: Path, tmp_path: Path) -> None:
    """A 0-byte file was "not a Netflix viewing history (no Title column)" (review 16, C9)."""
    empty = tmp_path / "NetflixViewingHistory.csv"
    empty.write_bytes(b"")
    # standard input is said as such, as the line of a history with a header only says it
    for given, named, text in ((str(empty), str(empty), None), ("-", "standard input", "\n")):
        result = kd("seen", "import", given, input=text)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == (
            f"kdrama: error: {named}: empty: a Netflix viewing history is a CSV file with a "
            "Title column\n"
        )
    assert not seen_file.exists()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pty")
def test_import_from_a_terminal_says_how_to_end_the_history(tmp_path: Path) -> None:
    """At a terminal, `seen import -` waits for a pasted history: it says so, and how to end
    it, instead of seeming to hang (code review 12, COULD 12). A pipe or a file is not told."""
    import subprocess
    import sys

    from tests.conftest import MINI

    env = {
        **os.environ,
        "KDRAMA_SEEN": str(tmp_path / "seen.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), "seen", "import", "-"]
    master, terminal = os.openpty()
    try:
        pasted = b'Title,Date\n"Moonlit Hallway: Season 1: 1","1/5/24"\n'
        os.write(master, pasted + b"\x04")  # Ctrl-D ends it
        typed = subprocess.run(
            command, env=env, stdin=terminal, capture_output=True, text=True, timeout=120
        )
    finally:
        os.close(terminal)
        os.close(master)
    assert typed.returncode == 0, typed.stderr
    assert typed.stderr.splitlines()[0] == (
        "kdrama: reading the viewing history from standard input; end it with Ctrl-D"
    )
    assert typed.stdout.startswith("1 viewing row: 1 matched 1 title")
    piped = subprocess.run(
        command, env=env, input=pasted.decode(), capture_output=True, text=True, timeout=120
    )
    assert piped.returncode == 0 and "standard input" not in piped.stderr


def test_import_from_a_closed_standard_input_is_one_line_error(tmp_path: Path) -> None:
    """`seen import - <&-`: Python has no sys.stdin at all, which ended in exit 70's internal
    error (code review 12, MUST 2)."""
    import os
    import shlex
    import subprocess
    import sys

    from tests.conftest import MINI

    env = {
        **os.environ,
        "KDRAMA_SEEN": str(tmp_path / "seen.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    command = f"{shlex.quote(sys.executable)} -m kdrama_cli --data {shlex.quote(str(MINI))}"
    command += " seen import - <&-"
    result = subprocess.run(
        ["sh", "-c", command], env=env, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (1, "kdrama: error: -: standard input is closed\n")
    assert not (tmp_path / "seen.toml").exists()


def test_a_show_page_says_where_you_have_seen_its_cast(kd: Run, seen_file: Path) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1]\n", encoding="utf-8")
    page = kd("show", "all-of-us-are-dead").stdout
    block = page.split("You have seen them in\n", 1)[1].split("\n\n", 1)[0]
    assert "Lee Yoo-mi: Squid Game S1 (as Ji-yeong)" in block
    assert "Kim Si-eun" not in block  # she is in season 2 of Squid Game, not seen
    seen_file.write_text("[seen]\nsquid-game = [1, 2]\n", encoding="utf-8")
    page = kd("show", "all-of-us-are-dead").stdout  # not the stored page of before
    assert "Kim Si-eun: Squid Game S2 (as Kim Young-mi)" in page


def test_you_have_seen_them_in_names_everyone_credited_on_the_title(
    kd: Run, seen_file: Path
) -> None:
    """It looked only at the cast the page lists (Squid Game's main cast): Park Gyu-young and
    Park Sung-hoon, supporting in its season 2 and ranked first by `seen people`, went unsaid,
    and so did a writer seen as the creator of another title. Everyone credited counts now,
    the cast under "+ N more" and the crew, but never a cameo the page hides."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(
        "[seen]\ncelebrity = [1]\nthe-glory = [1]\nsquid-game = [2]\n", encoding="utf-8"
    )
    result = kd("show", "squid-game")
    assert result.exit_code == 0, result.output
    block = result.stdout.split("You have seen them in\n", 1)[1].split("\n\n", 1)[0]
    assert "Park Gyu-young: Celebrity S1 (as Seo A-ri)" in block
    assert "Park Sung-hoon: The Glory S1 (as Jeon Jae-jun)" in block
    seen_file.write_text("[seen]\nking-the-land = [1]\nqueen-of-tears = [1]\n", "utf-8")
    page = kd("show", "all-of-us-are-dead").stdout
    assert "Chun Sung-il: King the Land (creator)" in page  # its writer; crew: no season
    # Kim Soo-hyun's cameo in Hotel Del Luna is hidden: naming him here would give it away
    assert "Kim Soo-hyun" not in kd("show", "hotel-del-luna").stdout
    asked = " ".join(kd("show", "hotel-del-luna", "--spoilers").stdout.split())
    assert "Kim Soo-hyun: Queen of Tears S1 (as Baek Hyun-woo)" in asked


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Lee Je-hoon", "lee-je-hoon"),  # All By Myself, 이제 혼자다!, by sound
        ("Jung Kook", "jung-kook"),  # Heavenly Ever After
        ("Bona", "bona"),  # Bon Appétit, Your Majesty, by the start of its name
        ("Jin Goo", "jin-goo"),  # Friend, 친구, by sound
    ],
)
def test_a_persons_whole_name_is_never_a_title_found_more_loosely(
    kd: Run, seen_file: Path, name: str, person: str
) -> None:
    """`seen add "Lee Je-hoon"` marked All By Myself seen and `cast "Jung Kook"` answered for
    Heavenly Ever After: a person's whole name opened a title found by sound or by the start
    of its name, while search and path took it as the person. The title commands now say
    who the name is, as for every other person's name, and write nothing."""
    for args in (("seen", "add", name), ("show", name), ("cast", name), ("similar", name)):
        result = kd(*args)
        said = " ".join(result.stderr.split())
        assert result.exit_code == 2, (args, result.output)
        assert f"{name!r} is a person: kdrama person {person}." in said, said
        assert result.stdout == ""
    assert not seen_file.exists()
    assert json.loads(kd("path", name, "Gong Yoo", "--json").stdout)["from"]["id"] == person


def test_a_persons_name_still_removes_the_one_seen_title_it_begins(
    kd: Run, seen_file: Path
) -> None:
    """`seen remove rain` took Rain or Shine off the list, the one seen title the word
    begins; refusing Rain's name for a title must not stop it. With nothing of the kind on
    the list, it is the refusal, naming the person."""
    kd("seen", "add", "rain-or-shine")
    removed = kd("seen", "remove", "rain")
    assert removed.exit_code == 0, removed.output
    assert "Removed: Rain or Shine" in removed.stderr
    again = kd("seen", "remove", "rain")
    assert again.exit_code == 2
    assert "'rain' is a person: kdrama person rain." in " ".join(again.stderr.split())
    kd("seen", "add", "rain-or-shine")
    kd("seen", "add", "rainbow-ruby")
    both = kd("seen", "remove", "rain")
    assert both.exit_code == 2
    said = " ".join(both.stderr.split())
    assert "'rain' matches 2 titles: rain-or-shine (Rain or Shine); rainbow-ruby" in said, said


def test_a_persons_name_refused_offers_the_titles_it_begins_not_sound_alikes(kd: Run) -> None:
    """The refusal offers the titles the name begins ('선재' begins 선재 업고 튀어, Lovely
    Runner), not one found only by sound (All By Myself for 'Lee Je-hoon')."""
    begun = " ".join(kd("show", "선재").stderr.split())
    assert "'선재' is a person: kdrama person seonjae. Did you mean Lovely Runner?" in begun
    sounded = " ".join(kd("show", "Lee Je-hoon").stderr.split())
    assert "Did you mean" not in sounded and "All By Myself" not in sounded


def test_a_cameo_seen_elsewhere_is_flagged_in_the_record(kd: Run, seen_file: Path) -> None:
    """With King the Land seen, `show celebrity --json` listed Lee Jun-ho, whose only credit
    in Celebrity is a surprise cameo, with no flag, while the page names him only with
    --spoilers: the record flags him, as its cast does."""
    kd("seen", "add", "king-the-land")
    record = json.loads(kd("show", "celebrity", "--json").stdout)
    lee = next(p for p in record["seen_elsewhere"] if p["person"] == "lee-jun-ho")
    assert lee["spoiler"] is True
    assert "Lee Jun-ho" not in kd("show", "celebrity").stdout
    assert "Lee Jun-ho" in kd("show", "celebrity", "--spoilers").stdout


def test_a_netflix_record_opened_by_an_article_names_the_title_meant_everywhere(
    kd: Run, seen_file: Path
) -> None:
    """Only show's card asked "Looking for Guardian: The Lonely and Great God?" of 'the
    goblin': seen add stored Netflix's film The Goblin, and path said nothing connects it to
    Gong Yoo, Goblin's lead, without a word. Every command that opens it says so on stderr;
    the show page, whose card asks, does not say it twice."""
    note = (
        "kdrama: note: 'the goblin' opens The Goblin (the-goblin), a title the catalogue holds "
        "only as Netflix's record; looking for Guardian: The Lonely and Great God? "
        "kdrama show goblin"
    )
    for args in (
        ("seen", "add", "the goblin"),
        ("cast", "the goblin"),
        ("path", "the goblin", "Gong Yoo"),
        ("show", "the goblin", "--json"),
    ):
        result = kd(*args)
        assert note in " ".join(result.stderr.split()), (args, result.stderr)
    assert "the-goblin" in seen_file.read_text(encoding="utf-8")  # what was asked, kept
    page = kd("show", "the goblin")
    assert "Looking for Guardian" in page.stdout and "note:" not in page.stderr
    assert "note:" not in kd("seen", "add", "goblin").stderr


def test_a_title_sharing_its_name_is_removed_as_the_list_names_it(kd: Run, seen_file: Path) -> None:
    """`seen remove "Start-Up"`, typed as `seen list` prints the film on it, said "Start-Up is
    not in the seen list": the name is the series' slug, so it opened the series. A name that
    is also the whole name of one title on the list is that title; and the confirmations say
    which Start-Up, as the list does."""
    assert kd("seen", "add", "start-up-film").stderr == "Seen: Start-Up (시동)\n"
    removed = kd("seen", "remove", "Start-Up")
    assert removed.exit_code == 0, removed.output
    assert removed.stderr == "Removed: Start-Up (시동)\n"
    assert "start-up-film" not in seen_file.read_text(encoding="utf-8")
    assert "Seen: Start-Up (스타트업, 2020 series) S1" in kd("seen", "add", "start-up").stderr
    assert "Removed: Start-Up (스타트업, 2020 series)" in kd("seen", "remove", "Start-Up").stderr
    assert kd("seen", "add", "train-to-busan").stderr == "Seen: Train to Busan\n"


def test_a_season_a_title_sharing_its_name_lacks_says_which_title(kd: Run) -> None:
    """With only the film Start-Up on the list, `seen remove start-up --season 1` turns to the
    film, and said "Start-Up has no seasons", leaving the reader to guess which Start-Up; every
    command that says a title lacks a season names it as the list does."""
    kd("seen", "add", "start-up-film")
    for args in (
        ("seen", "remove", "start-up", "--season", "1"),
        ("seen", "add", "start-up-film", "--season", "1"),
        ("show", "start-up-film", "--season", "1"),
        ("cast", "start-up-film", "--season", "1"),
        ("chart", "start-up-film", "--season", "1"),
    ):
        result = kd(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Start-Up (시동) has no seasons" in result.stderr, (args, result.stderr)


def test_a_title_for_scripts_lists_whom_you_have_seen_elsewhere(kd: Run, seen_file: Path) -> None:
    """The page's "You have seen them in" had no key in show --json: `seen_elsewhere` gives
    the same people and titles, and is [] without a seen list."""
    assert json.loads(kd("show", "squid-game", "--json").stdout)["seen_elsewhere"] == []
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nhotel-del-luna = [1]\nsquid-game = [1]\n", encoding="utf-8")
    answer = json.loads(kd("show", "squid-game", "--json").stdout)["seen_elsewhere"]
    lee = next(p for p in answer if p["person"] == "lee-david")
    assert (lee["name"], lee["spoiler"]) == ("Lee David", False)
    assert [(t["slug"], t["seasons"], t["character"]) for t in lee["seen_in"]] == [
        ("hotel-del-luna", [1], "Seol Ji-won")
    ]
    page = " ".join(kd("show", "squid-game").stdout.split())
    for person in answer:
        assert f"{person['name']}: " in page.split("You have seen them in", 1)[1]


def test_a_person_page_marks_the_credits_you_have_seen(kd: Run, seen_file: Path) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [2]\ntrain-to-busan = []\n", encoding="utf-8")
    page = kd("person", "gong-yoo").stdout
    assert "Seen" in page.splitlines()[2]
    row = next(line for line in page.splitlines() if line.startswith("2021   Squid Game"))
    assert "   ✓ S2   [" in row  # the Seen column, before Src
    assert "✓" in next(line for line in page.splitlines() if "Train to Busan" in line)
    assert "✓" not in next(line for line in page.splitlines() if "The Trunk" in line)


def test_a_person_for_scripts_says_what_the_page_marks_seen(kd: Run, seen_file: Path) -> None:
    """The page's Seen column had no key in --json or column in --csv: a script had to cross
    `seen list --json` itself. Each credit says whether it is seen and which of its seasons."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [2]\ntrain-to-busan = []\n", encoding="utf-8")
    credits = {
        c["slug"]: c for c in json.loads(kd("person", "gong-yoo", "--json").stdout)["credits"]
    }
    assert (credits["squid-game"]["seen"], credits["squid-game"]["seen_seasons"]) == (True, [2])
    assert (credits["train-to-busan"]["seen"], credits["train-to-busan"]["seen_seasons"]) == (
        True,
        [],
    )
    assert (credits["the-trunk"]["seen"], credits["the-trunk"]["seen_seasons"]) == (False, [])
    rows = {
        r["slug"]: r for r in csv.DictReader(io.StringIO(kd("person", "gong-yoo", "--csv").stdout))
    }
    assert (rows["squid-game"]["seen"], rows["squid-game"]["seen_seasons"]) == ("true", "2")
    assert (rows["the-trunk"]["seen"], rows["the-trunk"]["seen_seasons"]) == ("false", "")
    seen_file.unlink()
    unseen = json.loads(kd("person", "gong-yoo", "--json").stdout)["credits"]
    assert {c["seen"] for c in unseen} == {False}


def test_a_person_page_marks_a_title_seen_in_every_season_of_theirs_with_a_tick(
    kd: Run, seen_file: Path
) -> None:
    """The Seen cell "✓ S1, S2, S3" wrapped to a season a line at 80 columns, beside the
    Seasons column that lists 1, 2, 3 already (ux-review14, COULD 13): every season of theirs
    seen is "✓", some of them still name the seasons."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 2, 3]\n", encoding="utf-8")
    lines = kd("person", "lee-jung-jae").stdout.splitlines()
    row = next(n for n, line in enumerate(lines) if line.startswith("2021   Squid Game"))
    assert "   1, 2, 3   ✓      [" in lines[row]
    assert not any(" S1" in line or "S2," in line for line in lines[row : row + 4])
    seen_file.write_text("[seen]\nsquid-game = [1, 3]\n", encoding="utf-8")
    some = " ".join(kd("person", "lee-jung-jae", env={"COLUMNS": "120"}).stdout.split())
    assert "1, 2, 3 ✓ S1, S3 [" in some


def test_a_crew_row_without_seasons_names_the_seasons_seen(kd: Run, seen_file: Path) -> None:
    """A creator's row lists no seasons, so a bare tick would say every season is seen after
    one (code review 15, MUST 1): it names the seasons seen, as it did before."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1]\n", encoding="utf-8")
    page = kd("person", "hwang dong-hyuk", env={"COLUMNS": "160"}).stdout
    row = " ".join(next(line for line in page.splitlines() if "Squid Game" in line).split())
    assert "✓ S1" in row, row


def test_a_narrow_person_page_keeps_the_seen_column_over_src(kd: Run, seen_file: Path) -> None:
    """At 80 columns the ✓ column was the first a person page left out, though it is what the
    seen list is for: Src gives way before it (the Sources list stays under the page)."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 2]\n", encoding="utf-8")
    for columns in ("80", "72", "66"):
        page = kd("person", "lee-jung-jae", env={"COLUMNS": columns}).stdout
        header = page.splitlines()[2]
        assert "Seen" in header, (columns, page)
        said = " ".join(page.split())
        if "Src" not in header:
            assert "Left out at" in said and "Src" in said.split("Left out at", 1)[1]


def test_a_person_page_leaves_out_an_empty_seen_column_before_the_role(
    kd: Run, seen_file: Path
) -> None:
    """Nothing of Park Hae-joon's is seen: there is no Seen column at any width (at 80 columns
    it took room the titles needed), and no note offers a wider terminal for it."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = []\n", encoding="utf-8")
    page = kd("person", "park-hae-joon").stdout
    header = next(line for line in page.splitlines() if line.startswith("Year"))
    # At 80 columns every column that says something is there, and no note names Seen.
    assert header.split() == ["Year", "Title", "As", "Role", "Seasons", "Src"]
    assert "Left out at 80 columns: Role" not in page and "Seen" not in page
    wide = kd("person", "park-hae-joon", env={"COLUMNS": "120"}).stdout
    assert "Seen" not in next(line for line in wide.splitlines() if line.startswith("Year"))


def test_seen_people_count_titles_in_the_seasons_they_were_in(kd: Run, seen_file: Path) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(
        "[seen]\nsquid-game = [1]\nall-of-us-are-dead = [1]\ntrain-to-busan = []\n",
        encoding="utf-8",
    )
    ranked = json.loads(kd("seen", "people", "--json").stdout)
    by_id = {p["person"]: p for p in ranked}
    assert ranked[0]["titles"] == 2
    assert by_id["lee-yoo-mi"]["titles"] == 2  # All of Us Are Dead S1 and Squid Game S1
    assert by_id["gong-yoo"]["titles"] == 2  # Squid Game S1 and Train to Busan
    all_ranked = json.loads(kd("seen", "people", "--limit", "500", "--json").stdout)
    assert "kim-si-eun" not in {p["person"] for p in all_ranked}  # only in seasons not seen
    rows = list(csv.reader(io.StringIO(kd("seen", "people", "--csv").stdout)))
    assert rows[0] == ["rank", "person", "name", "hangul", "titles", "seen_in", "seen_in_label"]


def test_seen_people_share_a_rank_when_tied_and_say_what_crew_were(
    kd: Run, seen_file: Path
) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 2, 3]\ntrain-to-busan = []\n", "utf-8")
    ranked = json.loads(kd("seen", "people", "--json").stdout)
    assert [p["titles"] for p in ranked[:3]] == [2, 1, 1]  # Gong Yoo, then the rest tied
    assert {p["rank"] for p in ranked[1:]} == {2}  # ranked 2, 3 … 20 before
    rows = list(csv.reader(io.StringIO(kd("seen", "people", "--csv").stdout)))
    assert [row[0] for row in rows[1:]] == [str(p["rank"]) for p in ranked]
    page = kd("seen", "people", "--limit", "50", env={"COLUMNS": "160"}).stdout
    creator = next(line for line in page.splitlines() if "Hwang Dong-hyuk" in line)
    assert creator.split()[0] == "2"
    assert "Squid Game (creator, director, writer)" in creator  # the title's crew
    assert "Squid Game S1, S2 (as The Recruiter); Train to Busan (as Seok-woo)" in page


def test_seen_people_json_and_csv_say_what_the_page_says(kd: Run, seen_file: Path) -> None:
    """The page says "Chun Sung-il: All of Us Are Dead (writer); King the Land (creator)",
    but --json gave `character: null` and no crew role, and --csv only the slugs,
    without seasons or characters. --json names the crew roles; --csv gives each title as the
    page does, with ", " inside the brackets, as "; " separates the titles."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(
        "[seen]\nall-of-us-are-dead = [1]\nking-the-land = [1]\nhunt = []\nsquid-game = [1]\n",
        encoding="utf-8",
    )
    page = kd("seen", "people", env={"COLUMNS": "200"}).stdout
    assert "All of Us Are Dead (writer); King the Land (creator)" in page
    assert "Hunt (as Park Pyong-ho; director, writer); Squid Game S1 (as Seong Gi-hun)" in page
    result = kd("seen", "people", "--json")
    assert result.exit_code == 0, result.output
    people = {p["person"]: p["seen_in"] for p in json.loads(result.stdout)}
    assert [(s["slug"], s["character"], s["crew"]) for s in people["chun-sung-il"]] == [
        ("all-of-us-are-dead", None, ["writer"]),
        ("king-the-land", None, ["creator"]),
    ]
    hunt = people["lee-jung-jae"][0]
    assert (hunt["character"], hunt["crew"]) == ("Park Pyong-ho", ["director", "writer"])
    assert people["lee-jung-jae"][1]["crew"] == []
    sheet = kd("seen", "people", "--csv")
    assert sheet.exit_code == 0, sheet.output
    rows = {r["person"]: r for r in csv.DictReader(io.StringIO(sheet.stdout))}
    assert rows["chun-sung-il"]["seen_in"] == "all-of-us-are-dead; king-the-land"
    assert rows["chun-sung-il"]["seen_in_label"] == (
        "All of Us Are Dead (writer); King the Land (creator)"
    )
    assert rows["lee-jung-jae"]["seen_in_label"] == (
        "Hunt (as Park Pyong-ho, director, writer); Squid Game S1 (as Seong Gi-hun)"
    )


def test_seen_people_name_what_a_crew_member_made_of_the_adapted_work(
    kd: Run, seen_file: Path
) -> None:
    """Choi Gyu-seok wrote Hellbound and drew its webtoon, and his page says so; `seen
    people` called him only its writer, and left out the webtoon's authors who have no other
    credit there (Kkomabi, who wrote and drew A Killer Paradox's), though their pages list
    the title. Each is named with the capacities their page gives, page and --json alike."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nhellbound = [1]\na-killer-paradox = [1]\n", "utf-8")
    result = kd("seen", "people", "--limit", "500", "--json")
    people = {p["person"]: p["seen_in"] for p in json.loads(result.stdout)}
    assert people["choi-gyu-seok"][0]["crew"] == ["writer", "original webtoon artist"]
    assert people["yeon-sang-ho"][0]["crew"] == ["director", "writer", "original webtoon writer"]
    assert people["kkomabi"][0]["crew"] == ["original webtoon writer and artist"]
    page = " ".join(kd("seen", "people", "--limit", "500", env={"COLUMNS": "200"}).stdout.split())
    assert "(writer, original webtoon artist)" in page
    assert "(original webtoon writer and artist)" in page


def test_seen_people_give_a_crew_credit_no_season(kd: Run, seen_file: Path) -> None:
    """With Taxi Driver's season 1 seen, Lee Dan was "Taxi Driver S1 (director)", though the
    catalogue holds its directors for the whole title (his own note: season 2's director).
    A crew credit names no season, page and --csv alike; a role beside it keeps its seasons,
    and --json still gives the seasons you have seen, as documented."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\ntaxi-driver = [1]\nsquid-game = [1]\n", "utf-8")
    rows = {
        r["person"]: r for r in csv.DictReader(io.StringIO(kd("seen", "people", "--csv").stdout))
    }
    assert rows["lee-dan"]["seen_in_label"] == "Taxi Driver (director)"
    assert rows["hwang-dong-hyuk"]["seen_in_label"] == "Squid Game (creator, director, writer)"
    assert rows["lee-jung-jae"]["seen_in_label"] == "Squid Game S1 (as Seong Gi-hun)"
    page = " ".join(kd("seen", "people", "--limit", "500", env={"COLUMNS": "200"}).stdout.split())
    assert "Taxi Driver (director)" in page and "Taxi Driver S1 (director)" not in page
    people = {p["person"]: p for p in json.loads(kd("seen", "people", "--json").stdout)}
    assert people["lee-dan"]["seen_in"][0]["seasons"] == [1]


def test_seen_people_says_when_its_limit_cut_the_ranking(kd: Run, seen_file: Path) -> None:
    """`seen people` stops at 20 by default: it did so without the line every page --limit
    cut has (review 16, S7)."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 2, 3]\ntrain-to-busan = []\n", "utf-8")
    everyone = len(json.loads(kd("seen", "people", "--limit", "500", "--json").stdout))
    assert everyone > 20
    page = kd("seen", "people").stdout
    assert page.splitlines()[-1] == f"20 of {everyone} people (--limit N for more)"
    three = kd("seen", "people", "-n", "3").stdout
    assert three.splitlines()[-1] == f"3 of {everyone} people (--limit N for more)"
    whole = kd("seen", "people", "--limit", str(everyone)).stdout
    assert "(--limit" not in whole
    # --json and --csv are never cut at the page's 20: every person, and no line.
    assert len(json.loads(kd("seen", "people", "--json").stdout)) == everyone
    assert len(kd("seen", "people", "--csv").stdout.splitlines()) == everyone + 1
    assert len(json.loads(kd("seen", "people", "-n", "3", "--json").stdout)) == 3  # as asked


def test_you_have_seen_them_in_merges_a_persons_credits_in_one_title(
    kd: Run, seen_file: Path
) -> None:
    """Lee Byung-hun is supporting in Squid Game's season 1 and main in 2 and 3: with S1 and
    S2 seen, Mr. Sunshine's page and `seen people` said "Squid Game S1" (his first credit
    only), while his person page says "✓ S1, S2"."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1, 2]\n", encoding="utf-8")
    person = " ".join(kd("person", "lee-byung-hun", env={"COLUMNS": "120"}).stdout.split())
    assert "✓ S1, S2" in person
    page = " ".join(kd("show", "mr-sunshine", env={"COLUMNS": "120"}).stdout.split())
    assert "Lee Byung-hun: Squid Game S1, S2 (as The Front Man)" in page
    people = json.loads(kd("seen", "people", "--limit", "500", "--json").stdout)
    seen_in = next(p for p in people if p["person"] == "lee-byung-hun")["seen_in"]
    squid = next(s for s in seen_in if s["slug"] == "squid-game")
    assert (squid["seasons"], squid["character"]) == ([1, 2], "The Front Man")


def test_seen_in_merges_credits_but_a_hidden_cameo(kd: Run, seen_file: Path) -> None:
    """Ahn Ah-ra is Tidal Town's Ferry girl in season 1 and, in season 2, a surprise cameo
    flagged as a spoiler: with both seasons seen she is seen in S1 only, as the Ferry girl,
    until --spoilers merges the cameo's season and character in."""
    from tests.made_up import TIDAL_TOWN

    data = seen_file.parent / "tidal.toml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(TIDAL_TOWN, encoding="utf-8")
    seen_file.write_text("[seen]\ntt = [1, 2]\n", "utf-8")

    def ahn(*spoilers: str) -> dict[str, object]:
        result = kd("--data", str(data), "seen", "people", "--json", *spoilers)
        return next(p for p in json.loads(result.stdout) if p["person"] == "aa")["seen_in"][0]

    assert (ahn()["seasons"], ahn()["character"]) == ([1], "Ferry girl")
    told = ahn("--spoilers")
    assert (told["seasons"], told["character"]) == ([1, 2], "Ferry girl / The Masked Sister")


#: Kim Soo-hyun's only Hotel Del Luna credit is a surprise cameo in its last episode,
#: flagged: `person kim-soo-hyun` and `cast hotel-del-luna` leave it out without --spoilers.
CAMEO = "Owner of Hotel Blue Moon"


def test_seen_people_do_not_count_a_hidden_cameo(kd: Run, seen_file: Path) -> None:
    """A season is seen as a whole (`seen import` marks it after one episode) and the cameo is
    in its last: `seen people` named it, on the page, in --json and --csv, while `person`
    hides it. It counts only with --spoilers; without, each output says one was left out."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nhotel-del-luna = [1]\nqueen-of-tears = [1]\n", "utf-8")
    assert CAMEO not in kd("person", "kim-soo-hyun").stdout  # hidden, as the rule says
    hidden = "1 credit hidden as a spoiler: add --spoilers"
    page = kd("seen", "people", "--limit", "500", env={"COLUMNS": "200"})
    assert CAMEO not in page.stdout and hidden in page.stdout
    line = next(row for row in page.stdout.splitlines() if "Kim Soo-hyun" in row)
    assert line.split()[4] == "1" and "Queen of Tears S1 (as Baek Hyun-woo)" in line
    document = kd("seen", "people", "--limit", "500", "--json")
    ranked = {p["person"]: p for p in json.loads(document.stdout)}
    assert ranked["kim-soo-hyun"]["titles"] == 1
    assert CAMEO not in document.stdout and document.stderr == f"{hidden}\n"
    sheet = kd("seen", "people", "--limit", "500", "--csv")
    assert CAMEO not in sheet.stdout and sheet.stderr == f"{hidden}\n"
    asked = kd("seen", "people", "--limit", "500", "--json", "--spoilers")
    ranked = {p["person"]: p for p in json.loads(asked.stdout)}
    assert ranked["kim-soo-hyun"]["titles"] == 2 and CAMEO in asked.stdout
    assert "hidden as a spoiler" not in asked.stderr


def test_seen_people_with_only_a_hidden_cameo_say_so(kd: Run, seen_file: Path) -> None:
    """When all the seen list holds of someone is a hidden cameo, and that is all it holds,
    the empty answer says what was left out, as `cast` does."""
    from tests.made_up import TIDAL_TOWN

    data = seen_file.parent / "tidal.toml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(TIDAL_TOWN.replace('role = "main"', 'role = "special"\nspoiler = true'))
    seen_file.write_text("[seen]\ntt = [2]\n", "utf-8")
    result = kd("--data", str(data), "seen", "people")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "3 credits hidden as spoilers: add --spoilers" in result.stderr


def test_you_have_seen_them_in_does_not_name_a_hidden_cameo(kd: Run, seen_file: Path) -> None:
    """Queen of Tears' page said "You have seen them in ✓ Kim Soo-hyun: Hotel Del Luna S1 (as
    Owner of Hotel Blue Moon)", the cameo `person` hides; with --spoilers it may."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nhotel-del-luna = [1]\nqueen-of-tears = [1]\n", "utf-8")
    page = kd("show", "queen-of-tears").stdout
    assert CAMEO not in page
    asked = " ".join(kd("show", "queen-of-tears", "--spoilers").stdout.split())
    assert f"Kim Soo-hyun: Hotel Del Luna S1 (as {CAMEO})" in asked


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[seen\n", "seen.toml:1:6: "),
        ("[seen]\nkingdom = [1]\nkingdom = [2]\n", "seen.toml:3:14: kingdom is given twice"),
        ("[seen]\nkingdom = [1\n", "seen.toml:2:11: the list that opens here is not closed"),
        ("[seen]\nsquid-game = 'all'\n", "seen.squid-game: must be a list of season numbers"),
        ('[seen]\n"../x" = [1]\n', "is not a title's slug"),
        # written by hand without the header: read as empty, it would stay unseen for good
        ("kingdom = [1]\n", "kingdom: is outside the [seen] table: write it under the line [seen]"),
        ("kingdom = []\n", "kingdom: is outside the [seen] table"),
    ],
)
def test_a_malformed_seen_file_is_one_clear_error(
    kd: Run, seen_file: Path, content: str, message: str
) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(content, encoding="utf-8")
    result = kd("seen", "list")
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_seen_files_own_keys_beside_its_table_are_left_alone(kd: Run, seen_file: Path) -> None:
    """A key of the user's above the [seen] line ('tags = [1, 2]') is theirs: the list reads,
    and a change keeps it."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("tags = [1, 2]\n\n[seen]\nkingdom = [1]\n", encoding="utf-8")
    result = kd("seen", "list", "--json")
    assert result.exit_code == 0, result.stderr
    assert '"kingdom"' in result.stdout
    assert kd("seen", "add", "squid-game").exit_code == 0
    assert "tags = [1, 2]" in seen_file.read_text(encoding="utf-8")


def test_a_seen_file_an_editor_saved_with_a_byte_order_mark_is_read(
    kd: Run, seen_file: Path
) -> None:
    """The dataset's files are read past a BOM (Notepad writes one); the seen file too."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_bytes("\ufeff[seen]\nkingdom = [1]\n".encode())
    result = kd("seen", "list", "--json")
    assert result.exit_code == 0, result.stderr
    assert '"kingdom"' in result.stdout


@pytest.mark.parametrize(
    ("args", "without"),
    [
        (("show", "squid-game"), "nothing is marked as seen"),
        (("person", "Lee Jung-jae"), "nothing is marked as seen"),
        (("similar", "kingdom", "-n", "3"), "no title you have seen is left out"),
    ],
)
def test_a_page_that_marks_the_seen_list_is_printed_with_a_warning_when_it_is_malformed(
    kd: Run, seen_file: Path, args: tuple[str, ...], without: str
) -> None:
    """show, person and similar only use the seen list: a malformed one costs their marks, not
    the page. The warning names the file and the fix, once, and every run (no replayed page
    without it); the seen commands themselves still fail."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1]\nkingdom = 'oops'\n", encoding="utf-8")
    clean = kd(*args, env={"KDRAMA_SEEN": str(seen_file.parent / "none.toml")})
    for _ in range(2):
        result = kd(*args)
        assert result.exit_code == 0, result.output
        assert result.stdout == clean.stdout
        warning = " ".join(result.stderr.split())
        assert warning.startswith(f"kdrama: warning: the seen list {seen_file} cannot be read")
        assert "seen.kingdom: must be a list of season numbers" in warning
        assert f"so {without} on this page" in warning and "kdrama seen list" in warning
        assert len(result.stderr.strip().splitlines()) == 1
    for seen_command in (("seen", "list"), ("seen", "add", "the-glory")):
        failed = kd(*seen_command)
        assert failed.exit_code == 1
        assert "error:" in failed.stderr and "seen.kingdom" in failed.stderr


@pytest.mark.parametrize("output", ["--json", "--csv"])
def test_person_for_a_script_with_a_seen_list_that_cannot_be_read_warns_beside_its_false_seen(
    kd: Run, seen_file: Path, output: str
) -> None:
    """review 38: person --json/--csv gave `seen` false for every credit when the seen list could
    not be read. docs/output.md keeps `seen` a boolean (false without a list) and says so:
    the answer is the one without a list, and the one warning on stderr, documented now,
    tells a script's reader that "false" there means "not read", not "not seen"."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nsquid-game = [1]\nkingdom = 'oops'\n", encoding="utf-8")
    args = ("person", "lee-jung-jae", output)
    without = kd(*args, env={"KDRAMA_SEEN": str(seen_file.parent / "none.toml")})
    result = kd(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == without.stdout
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith(f"kdrama: warning: the seen list {seen_file} cannot be read")
    assert "so nothing is marked as seen" in warning and "seen.kingdom" in warning
    assert "on this page" not in warning  # review 39 #13: a script's answer is no page
    if output == "--json":
        credits = json.loads(result.stdout)["credits"]
        assert credits and all(c["seen"] is False and c["seen_seasons"] == [] for c in credits)
    # with the file mended, the same run marks what was seen
    seen_file.write_text("[seen]\nsquid-game = [1]\n", encoding="utf-8")
    mended = kd(*args)
    assert mended.stderr == "" and mended.stdout != without.stdout


def test_a_seen_path_that_is_a_directory_is_refused(kd: Run, seen_file: Path) -> None:
    seen_file.mkdir(parents=True)
    result = kd("seen", "list")
    assert result.exit_code == 1 and "directory" in result.stderr
    # $KDRAMA_SEEN named it: the variable is what to mend, not the folder to move away
    said = " ".join(result.stderr.split())
    assert f"note: {seen_file} is the seen list $KDRAMA_SEEN names" in said
    assert "point KDRAMA_SEEN at a file of yours, or unset it" in said
    page = " ".join(kd("show", "kingdom").stderr.split())
    assert "it is the path $KDRAMA_SEEN names" in page and "move it away" not in page


def test_an_empty_seen_list_says_so_on_stderr(kd: Run) -> None:
    result = kd("seen", "list")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "The seen list is empty" in result.stderr


@pytest.mark.parametrize("output", ["--json", "--csv"])
def test_an_empty_seen_list_says_why_beside_json_and_csv(
    kd: Run, seen_file: Path, output: str
) -> None:
    """Every other empty answer says on stderr why it is empty beside its [] or header row (list,
    search, cast, similar, chart, trivia, path); seen list and seen people said nothing, so a
    script's log could not tell an empty list from one whose titles have no credits (walk36
    #19)."""
    listed = kd("seen", "list", output)
    assert listed.exit_code == 0
    assert listed.stdout.strip() in (
        "[]",
        "slug,title,korean_title,kind,seasons,released_seasons,in_catalogue,year",
    )
    assert listed.stderr.splitlines() == [
        "The seen list is empty: kdrama seen add SHOW, or kdrama seen import FILE."
    ]
    people = kd("seen", "people", output)
    assert people.exit_code == 0 and people.stdout.strip() in (
        "[]",
        "rank,person,name,hangul,titles,seen_in,seen_in_label",
    )
    assert people.stderr.splitlines() == [
        "Nobody yet: the seen list is empty, or its titles have no credits."
    ]
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nall-of-us-are-dead = [2]\n", encoding="utf-8")
    coming = kd("seen", "people", output)
    assert coming.exit_code == 0
    said = " ".join(coming.stderr.split())
    assert "Nobody yet: no season on the seen list is out (kdrama seen list names them)." in said
    seen_file.write_text("[seen]\nsquid-game = [1]\n", encoding="utf-8")
    full = kd("seen", "people", output)
    assert full.exit_code == 0 and "Nobody yet" not in full.stderr
    assert "The seen list is empty" not in kd("seen", "list", output).stderr


def _tab(seen_file: Path, words: str) -> list[str]:
    """What `kdrama --data MINI WORDS<TAB>` offers, as click's bash script receives it."""
    from click.testing import CliRunner

    from kdrama_cli.cli import cli
    from tests.conftest import MINI

    line = f"kdrama --data {MINI} {words}"
    env = {
        "_KDRAMA_COMPLETE": "bash_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1)),
        "KDRAMA_SEEN": str(seen_file),
    }
    result = CliRunner().invoke(cli, [], env=env, prog_name="kdrama")
    assert result.exit_code == 0 and result.stderr == ""
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if line]


def test_seen_remove_completes_only_what_is_on_the_list(seen_file: Path) -> None:
    assert _tab(seen_file, "seen remove ") == []  # no list yet
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(
        "[seen]\nmoonlit-hallway = [1]\nnight-train = []\nno-such-title = []\n", encoding="utf-8"
    )
    # A slug the catalogue lacks is on the list too, and `seen remove` takes it off.
    assert _tab(seen_file, "seen remove ") == ["moonlit-hallway", "night-train", "no-such-title"]
    assert _tab(seen_file, "seen remove moon") == ["moonlit-hallway"]
    assert _tab(seen_file, "seen remove no-") == ["no-such-title"]
    assert _tab(seen_file, "seen remove riv") == []  # in the catalogue, not on the list
    assert _tab(seen_file, "seen add riv") == ["river-of-lanterns"]  # add offers the catalogue
    seen_file.write_text("[seen]\nmoonlit-hallway = 1\n", encoding="utf-8")
    assert _tab(seen_file, "seen remove ") == []  # a malformed list: nothing, and no error


def test_parallel_adds_lose_no_title(tmp_path: Path) -> None:
    """Thirty `seen add` run at once, as `xargs -P 15` does: each changes the file as it is on
    disk under the lock, so the list ends with all thirty (it kept five when each wrote back
    the copy it had read)."""
    import os
    import subprocess
    import sys

    from tests.made_up import META, film

    slugs = [f"film-{n:02d}" for n in range(30)]
    dataset = tmp_path / "films.toml"
    citation = (
        '\n[[citations]]\nid = "test-chart"\nurl = "https://example.org/chart"\n'
        'publisher = "Example"\ntitle = "Chart"\n'
    )
    dataset.write_text(META + citation + "".join(film(s) for s in slugs), encoding="utf-8")
    seen_file = tmp_path / "seen.toml"
    env = {**os.environ, "KDRAMA_SEEN": str(seen_file), "KDRAMA_SYNC_INDEX": "1"}
    command = [sys.executable, "-m", "kdrama_cli", "--data", str(dataset), "seen", "add"]
    assert subprocess.run([*command[:-2], "list"], env=env, capture_output=True).returncode == 0
    processes = [
        subprocess.Popen([*command, slug], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for slug in slugs
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in processes]
    assert all(p.returncode == 0 for p in processes), errors
    listed = subprocess.run([*command[:-1], "list", "--json"], env=env, capture_output=True)
    assert sorted(entry["slug"] for entry in json.loads(listed.stdout)) == slugs


def test_add_and_remove_keep_the_users_comments(kd: Run, seen_file: Path) -> None:
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(
        "# watched with mom\n\n[seen]\nkingdom = [1] # loved it\ntrain-to-busan = []  # twice\n",
        encoding="utf-8",
    )
    assert kd("seen", "add", "kingdom", "--season", "2").exit_code == 0
    assert kd("seen", "add", "squid-game", "--season", "1").exit_code == 0
    assert kd("seen", "remove", "train-to-busan").exit_code == 0
    assert seen_file.read_text(encoding="utf-8") == (
        "# watched with mom\n\n[seen]\nkingdom = [1, 2] # loved it\nsquid-game = [1]\n"
    )


#: A seen file tomllib reads and tomlkit refuses to parse (arrays nested 200 deep).
DEEP = "# watched with mom\nnested = " + "[" * 200 + "]" * 200 + "\n\n[seen]\nkingdom = [1]\n"
LOST = "could not edit {} in place: kept your list but not its comments or layout"


def test_a_seen_file_tomlkit_cannot_edit_is_written_afresh_and_says_so(
    kd: Run, seen_file: Path
) -> None:
    """When the user's file cannot be edited in place, it is written whole from the list: the
    entries are kept, its comments and layout are not, and that was silent."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(DEEP, encoding="utf-8")
    result = kd("seen", "add", "squid-game", "--season", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr.count(LOST.format(seen_file)) == 1
    assert f"kdrama: warning: {LOST.format(seen_file)}" in " ".join(result.stderr.split())
    text = seen_file.read_text(encoding="utf-8")
    assert "kingdom = [1]\nsquid-game = [1]" in text and "watched with mom" not in text
    again = kd("seen", "add", "kingdom", "--season", "2")  # the new file edits in place
    assert again.exit_code == 0 and "kept your list" not in again.stderr


def test_a_seen_file_saved_with_a_byte_order_mark_keeps_its_comments(
    kd: Run, seen_file: Path
) -> None:
    """Notepad starts UTF-8 with a byte-order mark: the list read, but tomlkit refused it, so
    every change wrote the file afresh and its comments went."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("\ufeff# mine\n[seen]\nkingdom = [1] # loved it\n", encoding="utf-8")
    result = kd("seen", "add", "squid-game", "--season", "1")
    assert result.exit_code == 0 and "kept your list" not in result.stderr
    assert seen_file.read_text(encoding="utf-8") == (
        "# mine\n[seen]\nkingdom = [1] # loved it\nsquid-game = [1]\n"
    )


def test_an_edit_that_does_not_read_back_is_written_afresh_and_says_so(
    kd: Run, seen_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kdrama_cli.catalogue.seen

    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("# mine\n[seen]\nkingdom = [1]\n", encoding="utf-8")
    monkeypatch.setattr(kdrama_cli.catalogue.seen, "_edit_entries", lambda text, seen: text)
    result = kd("seen", "remove", "kingdom")
    assert result.exit_code == 0, result.output
    assert LOST.format(seen_file) in " ".join(result.stderr.split())
    assert "kingdom" not in seen_file.read_text(encoding="utf-8")


def test_import_reads_a_season_inside_a_name_netflix_gives_the_title_and_names_misses_whole(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A row "Physical: 100: Season 2 – Underground: Episode 2" matched its title by an alias (which
    holds the season) and then found no season after it: the row went unmatched, named
    "Physical", the text before its first colon. It is season 2; a title the catalogue lacks
    is named up to its season or episode part."""
    history = _history(
        tmp_path,
        ("Physical: 100: Season 2 – Underground: Episode 2", "1/1/25"),
        ("Stranger Things: Season 1: Chapter One", "1/2/25"),
        ("Star Wars: Andor: Season 1: Episode 3", "1/3/25"),
    )
    result = kd("seen", "import", str(history))
    assert result.exit_code == 0, result.output
    assert "physical-100 = [2]" in seen_file.read_text()
    listed = result.stdout.split("matched nothing", 1)[1].splitlines()[1:]
    misses = [line.split(maxsplit=1)[1] for line in listed if line[:1] == " "]
    assert misses == ["Star Wars: Andor", "Stranger Things"]


# --- the seen file is the user's: its link, its mode and read-only are kept -------------------


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
@pytest.mark.parametrize("mode", [0o600, 0o640], ids=["0600", "0640"])
def test_seen_add_keeps_the_seen_files_mode(kd: Run, seen_file: Path, mode: int) -> None:
    """A private viewing history stays private: the file was replaced by one made from the
    umask (0644 for 0600), so others could read it after the first `seen add`."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\n", encoding="utf-8")
    seen_file.chmod(mode)
    result = kd("seen", "add", "squid-game", "--season", "1")
    assert result.exit_code == 0, result.output
    assert "squid-game = [1]" in seen_file.read_text(encoding="utf-8")
    kept = stat.S_IMODE(seen_file.stat().st_mode)
    assert kept == mode, f"the seen file is now {kept:o}, not {mode:o}"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
def test_a_new_seen_file_is_private(kd: Run, seen_file: Path) -> None:
    assert kd("seen", "add", "squid-game", "--season", "1").exit_code == 0
    assert stat.S_IMODE(seen_file.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_seen_add_writes_through_a_symlinked_seen_file(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A seen.toml kept with the user's dotfiles and linked into place: a change goes to the
    file the link points at, and the link stays (it was replaced by a plain copy, so the
    user's own file never changed again)."""
    kept = tmp_path / "dotfiles" / "seen.toml"
    kept.parent.mkdir()
    kept.write_text("# mine\n[seen]\n", encoding="utf-8")
    kept.chmod(0o600)
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.symlink_to(os.path.relpath(kept, seen_file.parent))
    assert kd("seen", "add", "squid-game", "--season", "1").exit_code == 0
    assert kd("seen", "add", "train-to-busan").exit_code == 0
    assert seen_file.is_symlink(), "the link to the user's own file was replaced by a plain file"
    assert kept.read_text(encoding="utf-8") == (
        "# mine\n[seen]\nsquid-game = [1]\ntrain-to-busan = []\n"
    )
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    # no temporary; the lock is beside the file the link names, which other names may lead to
    assert sorted(p.name for p in kept.parent.iterdir()) == ["seen.toml", "seen.toml.lock"]
    assert [p.name for p in seen_file.parent.iterdir()] == ["seen.toml"]


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlinks, flock")
def test_two_links_to_one_seen_file_take_one_lock(
    kd: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seen.toml linked from the dotfiles into two places (or linked once, while a script's
    $KDRAMA_SEEN names the file itself): each name had a lock of its own beside it, so a change
    through one did not wait for a change through the other, and either could overwrite the
    other's. The lock is beside the file both names lead to: held by a change through one
    name, a change through the other waits for it."""
    import fcntl

    import kdrama_cli.catalogue.seen

    kept = tmp_path / "dotfiles" / "seen.toml"
    kept.parent.mkdir()
    kept.write_text("[seen]\n", encoding="utf-8")
    links = [tmp_path / "one" / "seen.toml", tmp_path / "two" / "seen.toml"]
    for link in links:
        link.parent.mkdir()
        link.symlink_to(kept)
    for link, slug in zip(links, ("kingdom", "train-to-busan"), strict=True):
        assert kd("seen", "add", slug, env={"KDRAMA_SEEN": str(link)}).exit_code == 0
    assert kept.read_text(encoding="utf-8") == "[seen]\nkingdom = [1, 2]\ntrain-to-busan = []\n"
    lock = kept.parent / "seen.toml.lock"
    assert sorted(tmp_path.rglob("*.lock")) == [lock]
    monkeypatch.setattr(kdrama_cli.catalogue.seen, "LOCK_WAIT_SECONDS", 0.2)
    with open(lock, "rb+") as held:  # as a kdrama changing the list holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        for link in links:
            waited = kd("seen", "add", "exhuma", env={"KDRAMA_SEEN": str(link)})
            assert waited.exit_code == 1, waited.output
            assert waited.stderr == (
                f"kdrama: error: cannot write {link}: another kdrama has held {lock} for 0.2 s\n"
            )
    assert "exhuma" not in kept.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_a_refused_link_to_a_missing_folder_makes_no_folder(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """A seen.toml linking into a folder that is gone is refused ("which is not there"); taking
    its lock beside the file the link names made that folder first, so a refused change still
    left something on the disk."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.symlink_to(os.path.relpath(tmp_path / "gone" / "seen.toml", seen_file.parent))
    result = kd("seen", "add", "squid-game", "--season", "1")
    assert result.exit_code == 1 and "which is not there" in result.stderr
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize(
    "where",
    [
        ("KDRAMA_SEEN", "afile/seen.toml"),
        ("KDRAMA_SEEN", "afile/deeper/seen.toml"),
        ("XDG_DATA_HOME", "afile"),
    ],
    ids=["folder", "folder-above", "data-home"],
)
@pytest.mark.parametrize(
    "command",
    [("add", "kingdom"), ("remove", "kingdom"), ("import", "history.csv")],
    ids=["add", "remove", "import"],
)
def test_a_seen_list_whose_folder_is_a_file_says_so(
    kd: Run, tmp_path: Path, where: tuple[str, str], command: tuple[str, str]
) -> None:
    """$KDRAMA_SEEN=afile/seen.toml, or $XDG_DATA_HOME naming a file, where afile is a file:
    every change said "cannot write ...: File exists" (or "Not a directory"), pointing the user
    at the list. It names the file that is in the way."""
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "history.csv").write_text(
        'Title,Date\n"Kingdom: Season 1: Episode 1","1/2/26"\n', encoding="utf-8"
    )
    variable, value = where
    env = {variable: str(tmp_path / value)}
    path = tmp_path / value
    if variable == "XDG_DATA_HOME":
        env["KDRAMA_SEEN"] = ""  # the list in the data folder
        path = path / "kdrama" / "seen.toml"
    verb, argument = command
    result = kd("seen", verb, str(tmp_path / argument) if verb == "import" else argument, env=env)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"kdrama: error: cannot write {path}: {afile} is not a folder\n"
    assert afile.read_text(encoding="utf-8") == "not a folder\n"


def test_a_seen_list_whose_folder_cannot_be_made_says_where_else(
    kd: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a read-only home, `seen add` said only "cannot write .../seen.toml: Permission
    denied": it names the folder it could not make and KDRAMA_SEEN, as the cache's warning
    names XDG_CACHE_HOME (walk 41). The refusal is the system's: root may write anything, so
    it is made here for the data folder alone."""
    data_home = tmp_path / "read-only-home" / ".local" / "share"
    folder = data_home / "kdrama"
    made = os.makedirs

    def refuse(name: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(name) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        made(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "makedirs", refuse)
    env = {"XDG_DATA_HOME": str(data_home), "KDRAMA_SEEN": ""}
    result = kd("seen", "add", "kingdom", env=env)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"kdrama: error: cannot write {folder / 'seen.toml'}: its folder {folder} cannot be"
        " made, permission denied (point KDRAMA_SEEN at a file in a folder of your own)\n"
    )
    assert not folder.exists()


def test_a_read_only_seen_file_is_left_alone(kd: Run, seen_file: Path) -> None:
    """chmod 444 protects the list: it was silently replaced (a rename ignores the file's mode),
    and even root, who may write anything, leaves it alone."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("[seen]\nkingdom = [1]\n", encoding="utf-8")
    seen_file.chmod(0o444)
    result = kd("seen", "add", "squid-game")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"kdrama: error: cannot write {seen_file}: the file is read-only"
        " (chmod u+w lets kdrama change it)"
    ]
    assert seen_file.read_text(encoding="utf-8") == "[seen]\nkingdom = [1]\n"
    assert stat.S_IMODE(seen_file.stat().st_mode) == 0o444
    assert kd("seen", "list").exit_code == 0  # reading it is fine


def test_a_change_flushes_the_folder_and_clears_what_a_killed_run_left(
    kd: Run, seen_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename is flushed to disk with the folder (a crash could lose it otherwise), and a
    temporary file a killed kdrama left beside the list is removed once it is old; one being
    written now (recent) is not touched."""
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    stale = seen_file.parent / ".kdrama-k1ll3d00.tmp"
    recent = seen_file.parent / ".kdrama-wr1t1ng0.tmp"
    other = seen_file.parent / ".kdrama-notes.txt"
    for path in (stale, recent, other):
        path.write_text("[seen]\n", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    flushed: list[bool] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        flushed.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    assert kd("seen", "add", "squid-game", "--season", "1").exit_code == 0
    assert flushed == [False, True]  # the new file, then its folder
    assert not stale.exists() and recent.exists() and other.exists()


def test_a_season_the_title_lacks_gives_seen_no_broader_command(kd: Run, seen_file: Path) -> None:
    """`show "squid game 9"` ends with the command for the whole title, but `seen remove
    "squid game 9"` must not: `kdrama seen remove squid-game` takes off every season."""
    kd("seen", "add", "squid-game", "--season", "2")
    for command in ("remove", "add"):
        result = kd("seen", command, "squid game 9")
        assert result.exit_code == 2
        assert result.stderr == (
            "kdrama: error: the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9\n"
        )
    assert "squid-game = [2]" in seen_file.read_text()


def test_an_export_never_makes_the_seen_list_or_the_personal_dataset(
    kd: Run, seen_file: Path, tmp_path: Path
) -> None:
    """Named as the seen list or the personal dataset before either was made, an export wrote
    the page there (exit 0), and every later `seen` command failed on 'Invalid statement'; a
    Netflix file written there read as an empty list. Both are read whenever they are there, so
    the path is refused as it is once they exist, and nothing is written."""
    seen_file.parent.mkdir(exist_ok=True)
    assert not seen_file.exists()
    config = tmp_path / "config"
    personal = config / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    spelt = str(seen_file.parent / "nowhere" / ".." / seen_file.name)
    cases = [
        (("--export-html", str(seen_file), "show", "kingdom"), "--export-html", seen_file),
        (("--export-svg", spelt, "show", "kingdom"), "--export-svg", seen_file),
        (("upcoming", "--ics", str(seen_file)), "--ics", seen_file),
        (("--export-svg", str(personal), "show", "kingdom"), "--export-svg", personal),
        (("upcoming", "--ics", str(personal)), "--ics", personal),
    ]
    for args, option, path in cases:
        result = kd(*args, env={"XDG_CONFIG_HOME": str(config)})
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stdout == "", args
        what = "your seen list" if path == seen_file else "your personal dataset"
        assert result.stderr == (
            f"kdrama: error: {option} {args[1] if option != '--ics' else args[2]}: that is where"
            f" kdrama looks for {what} ({path}); what is written there would be read as that:"
            " give another PATH\n"
        ), args
    assert not seen_file.exists() and not personal.exists()
    assert "The seen list is empty" in kd("seen", "list").stderr


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16", ':1: not UTF-8: the file is saved as UTF-16 (Notepad\'s "Unicode"): save it'),
        ("euc-kr", ":2: not UTF-8: the file looks like EUC-KR (CP949): save it as UTF-8"),
    ],
)
def test_a_seen_list_saved_in_another_encoding_says_which(
    kd: Run, seen_file: Path, encoding: str, said: str
) -> None:
    """A seen list saved as UTF-16 got a bare "not UTF-8 text", where a dataset file saved so
    is told what it is and to save it as UTF-8."""
    seen_file.parent.mkdir(exist_ok=True)
    seen_file.write_bytes("[seen]\n# 오징어 게임\nsquid-game = [1]\n".encode(encoding))
    result = kd("seen", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kdrama: error: {seen_file}{said}"), result.stderr

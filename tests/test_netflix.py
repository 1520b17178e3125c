"""`kdrama data netflix`: figures derived from files in Netflix's own Top 10 format."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kdrama_cli.cli import cli
from tests.conftest import FIXTURES, KDRAMA, MINI, REPO, Run
from tests.made_up import film, harbour_days

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

NETFLIX = FIXTURES / "netflix"
FILES = [str(p) for p in sorted(NETFLIX.glob("*.tsv"))]
ENGAGEMENT = REPO.parent / "shared" / "netflix-engagement"
SHARED = REPO.parent / "shared" / "netflix-top10"


def _stats(document: dict, **match: object) -> list[dict]:
    return [
        s for s in document["stats"] if all(s.get(key) == value for key, value in match.items())
    ]


def test_weekly_figures_rank_and_debut_window(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    result = run("data", "netflix", *FILES, "--out", str(out))
    assert result.exit_code == 0, result.output
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    hours = _stats(
        document, show="moonlit-hallway", metric="hours-viewed", window="week:2022-01-30"
    )
    assert hours == [
        {
            "show": "moonlit-hallway",
            "season": 1,
            "metric": "hours-viewed",
            "value": 124790000,
            "unit": "hours",
            "window": "week:2022-01-30",
            "list": "TV (Non-English)",
            "as_of": __import__("datetime").date(2022, 1, 30),
            "sources": ["netflix-top10-tv-non-english-2022-01-30"],
        }
    ]
    # Released on Friday 2022-01-28: the debut week is the first three days.
    debut = _stats(document, show="moonlit-hallway", window="first-3-days")
    assert [(s["metric"], s["value"]) for s in debut] == [("hours-viewed", 124790000)]
    ranks = _stats(document, show="moonlit-hallway", metric="rank", window="week:2022-02-06")
    assert [s["value"] for s in ranks] == [2]
    views = _stats(document, show="moonlit-hallway", metric="views", window="week:2023-06-25")
    assert [s["value"] for s in views] == [500000]
    weeks = _stats(document, show="moonlit-hallway", metric="weeks-in-top10")
    assert [(s["value"], s["window"]) for s in weeks] == [(3, "cumulative:2023-06-25")]
    best = _stats(document, show="moonlit-hallway", metric="rank", window="cumulative:2023-06-25")
    assert [s["value"] for s in best] == [1]


def test_most_popular_and_countries(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    run("data", "netflix", *FILES, "--out", str(out))
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    popular = _stats(document, show="moonlit-hallway", window="first-28-days")
    assert [(s["value"], s["note"]) for s in popular] == [
        (560780000, "#4 of all time, Most Popular TV (Non-English)")
    ]
    by_week = _stats(document, show="moonlit-hallway", metric="countries-in-top10")
    assert [(s["window"], s["value"]) for s in by_week] == [
        ("week:2022-01-30", 2),
        ("week:2022-02-06", 2),
        ("cumulative:2022-02-06", 3),
    ]
    # Every figure cites a Netflix Top 10 list with its week or date.
    cited = {c["id"]: c for c in document["citations"]}
    for stat in document["stats"]:
        for source in stat["sources"]:
            assert cited[source]["publisher"] == "Netflix"
            assert cited[source]["url"] == "https://www.netflix.com/tudum/top10"


def test_a_country_row_labelled_otherwise_finds_its_season(run: Run, tmp_path: Path) -> None:
    """Netflix's country lists of 2021 gave many series no season label (N/A: Encounter,
    Lawless Lawyer), wrote "Men on a Mission 2021" for "Men on a Mission: 2021" and "…: Season 1"
    for a season since labelled "…: Limited Series": their weeks were dropped without a word,
    and the title's page said it was on Netflix two years later than Netflix's lists show. Such
    a row is the show's one season out by then; a label naming another season is reported,
    never guessed."""
    header = (
        "country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title"
        "\tcumulative_weeks_in_top_10\n"
    )
    rows = [
        ("KR", "Moonlit Hallway", "N/A"),
        ("JP", "Moonlit Hallway", "Moonlit Hallway: Limited Series"),
        ("FR", "Moonlit Hallway", "Moonlit Hallway Season 1"),
        ("DE", "Moonlit Hallway", "Moonlit Hallway: Season 2"),
    ]
    countries = tmp_path / "all-weeks-countries.tsv"
    countries.write_text(
        header
        + "".join(
            f"X\t{iso}\t2022-01-30\tTV\t1\t{show}\t{label}\t1\n" for iso, show, label in rows
        ),
        encoding="utf-8",
    )
    out = tmp_path / "netflix.toml"
    tiers = tmp_path / "tiers.tsv"
    tiers.write_text(
        "kind\tshow_title\ttier\tin_global_top10\tnote\nTV\tMoonlit Hallway\tK\tyes\t\n",
        encoding="utf-8",
    )
    result = run("data", "netflix", str(countries), str(tiers), "--out", str(out))
    assert result.exit_code == 0, result.output
    document = tomllib.loads(out.read_text(encoding="utf-8"))
    by_week = _stats(document, show="moonlit-hallway", metric="countries-in-top10")
    assert [(s["season"], s["window"], s["value"]) for s in by_week] == [
        (1, "week:2022-01-30", 3),
        (1, "cumulative:2022-01-30", 3),
    ]
    assert "unmatched Korean title: Moonlit Hallway: Season 2" in result.stderr


def test_unmatched_korean_titles_are_reported_never_guessed(run: Run, tmp_path: Path) -> None:
    """A Korean Top 10 title that matches no entry is never attached to one by guessing: it is
    reported, and becomes an entry of its own holding only Netflix's record."""
    result = run("data", "netflix", *FILES, "--out", str(tmp_path / "n.toml"))
    assert "Korean Top 10 title added with Netflix's record only: Some Other Drama" in result.stderr
    assert "Korean Top 10 title added with Netflix's record only: Some Korean Film" in result.stderr
    # no engagement report was read: the two are not counted as the reports' titles
    assert "from the engagement reports" not in result.stderr
    document = tomllib.loads((tmp_path / "n.toml").read_text(encoding="utf-8"))
    assert {s["show"] for s in document["stats"]} == {
        "moonlit-hallway",
        "some-other-drama",
        "some-korean-film",
    }
    added = {s["slug"]: s for s in document["shows"]}
    assert all(s["netflix_only"] and "korean_title" not in s for s in added.values())
    assert added["some-korean-film"]["kind"] == "film"
    assert added["some-other-drama"]["seasons"][0]["netflix_titles"] == [
        "Some Other Drama: Season 1"
    ]


@pytest.mark.parametrize("out", [[], ["--out", "-"]], ids=["no-out", "out-dash"])
def test_without_out_or_with_a_dash_the_file_goes_to_stdout(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: list[str]
) -> None:
    written = tmp_path / "netflix.toml"
    run("data", "netflix", *FILES, "--out", str(written))
    monkeypatch.chdir(tmp_path)
    result = run("data", "netflix", *FILES, *out)
    assert result.exit_code == 0, result.output
    assert result.stdout == written.read_text(encoding="utf-8")
    assert not (tmp_path / "-").exists()  # "-" is standard output, never a file of that name


def test_same_input_gives_the_same_bytes(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    run("data", "netflix", *FILES, "--out", str(first))
    run("data", "netflix", *reversed(FILES), "--out", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_rows_that_overlapping_files_share_are_written_once(run: Run, tmp_path: Path) -> None:
    """Last month's all-weeks-global.tsv and this month's share weeks: each shared row was
    written twice, and a title's hours summed both. A row given again is read once; one given
    again with other figures is an error naming both files and lines."""
    header, *rows = (NETFLIX / "all-weeks-global.tsv").read_text(encoding="utf-8").splitlines()
    old, new = tmp_path / "old.tsv", tmp_path / "new.tsv"
    old.write_text("\n".join([header, *rows[:3]]) + "\n", encoding="utf-8")
    new.write_text("\n".join([header, *rows[1:]]) + "\n", encoding="utf-8")
    whole, split = tmp_path / "whole.toml", tmp_path / "split.toml"
    assert run("data", "netflix", *FILES, "--out", str(whole)).exit_code == 0
    others = [f for f in FILES if not f.endswith("all-weeks-global.tsv")]
    result = run("data", "netflix", str(old), str(new), *others, "--out", str(split))
    assert result.exit_code == 0, result.output
    assert split.read_bytes() == whole.read_bytes()
    document = tomllib.loads(split.read_text(encoding="utf-8"))
    week = _stats(
        document, show="moonlit-hallway", window="week:2022-02-06", list="TV (Non-English)"
    )
    assert [(s["metric"], s["value"]) for s in week] == [("rank", 2), ("hours-viewed", 236230000)]

    new.write_text(new.read_text(encoding="utf-8").replace("236230000", "236230001"), "utf-8")
    result = run("data", "netflix", str(old), str(new), "--out", str(split))
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {new}:2: the row of 2022-02-06, TV (Non-English), Moonlit Hallway: "
        f"Season 1 is given by {old}:3 too, with other figures (weekly_hours_viewed 236230000 "
        "there, 236230001 here); give only the newer of the two files\n"
    )
    assert split.read_bytes() == whole.read_bytes()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_out_writes_through_a_link_and_keeps_the_files_mode(run: Run, tmp_path: Path) -> None:
    """--out names the user's file: a link to it (a dataset kept in another folder) is written
    through, not replaced by a plain file, and the file keeps its mode (it became 0644)."""
    expected = tmp_path / "expected.toml"
    run("data", "netflix", *FILES, "--out", str(expected))
    real = tmp_path / "elsewhere" / "netflix.toml"
    real.parent.mkdir()
    real.write_text("# old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "netflix.toml"
    link.symlink_to(real)
    result = run("data", "netflix", *FILES, "--out", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert real.read_bytes() == expected.read_bytes()
    assert real.stat().st_mode & 0o7777 == 0o640


def test_out_over_a_read_only_file_is_refused(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    out.write_text("# kept\n", encoding="utf-8")
    out.chmod(0o444)
    result = run("data", "netflix", *FILES, "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: cannot write {out}: the file is read-only"
        " (chmod u+w lets kdrama change it)"
    ]
    assert out.read_text(encoding="utf-8") == "# kept\n"


def test_generated_file_merges_into_the_dataset(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    run("data", "netflix", *FILES, "--out", str(out))
    base = MINI.read_text(encoding="utf-8").replace(
        "schema = 1\n", f'schema = 1\ninclude = ["{out.name}"]\n', 1
    )
    dataset = tmp_path / "shows.toml"
    dataset.write_text(base, encoding="utf-8")
    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    shown = CliRunner().invoke(cli, ["--data", str(dataset), "show", "moonlit-hallway", "--json"])
    assert shown.exit_code == 0, shown.output
    import json

    stats = json.loads(shown.stdout)["stats"]
    assert any(s["window"] == "week:2022-02-06" and s["value"] == 236230000 for s in stats)


def test_a_small_file_counts_the_dataset_titles_it_has_no_rows_for(
    run_shipped: Run, tmp_path: Path
) -> None:
    """One week of one title against the shipped dataset printed 256 lines, one per Netflix
    title with no rows, below the one line that says what was derived; a count and the first
    few now stand for them (a mapping typo still shows by name among a handful)."""
    week = tmp_path / "one-week.tsv"
    week.write_text(
        "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\n"
        "2026-07-26\tTV (Non-English)\t1\tSquid Game\tSquid Game: Season 1\t1000000\n",
        encoding="utf-8",
    )
    result = run_shipped("data", "netflix", str(week), "--out", str(tmp_path / "out.toml"))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "kdrama: 4 figures; 1 title in the Top 10"
    [unused] = [line for line in lines if "no rows for" in line]
    assert re.fullmatch(
        r"kdrama: no rows for \d{3} of the dataset's Netflix titles in these files \(first, "
        r"alphabetically: '20th century girl', .* and \d{3} more\)",
        unused,
    ), unused
    assert len(lines) < 10


def test_a_file_in_another_format_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    other = tmp_path / "other.tsv"
    other.write_text("a\tb\n1\t2\n", encoding="utf-8")
    result = run("data", "netflix", str(other))
    assert result.exit_code == 1
    assert f"{other}: not a Netflix file (columns: a, b): expected a Top 10 TSV" in result.stderr


def test_a_dataset_given_to_data_netflix_is_not_read_as_columns(run: Run, tmp_path: Path) -> None:
    """A dataset's first TOML line was called its "columns" ("not a Netflix Top 10 file
    (columns: [[citations]])"); the error says what is read, and that a dataset goes to
    --add-data (ux-review14, COULD 5)."""
    layer = tmp_path / "my layer.toml"
    layer.write_text('# mine\n\n[[citations]]\nid = "my-cite"\n', encoding="utf-8")
    result = run("data", "netflix", str(layer))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {layer}: not a Netflix file: expected a Top 10 TSV (all-weeks-global.tsv,"
        " all-weeks-countries.tsv, most-popular.tsv), an engagement report XLSX or a Korean"
        " title tiers TSV; this one is TOML: if it is a dataset, --add-data adds it, and"
        f" {KDRAMA} --add-data '{layer}' data check checks it"
    ]
    assert "columns" not in result.stderr
    # An indented comment is still a comment, and a file of comments alone is not called empty
    # (code review 15, SHOULD 2).
    layer.write_text('  # mine\n[[citations]]\nid = "my-cite"\n', encoding="utf-8")
    assert "this one is TOML: if it is a dataset" in run("data", "netflix", str(layer)).stderr
    layer.write_text("# mine\n", encoding="utf-8")
    assert "(it holds only comments)" in run("data", "netflix", str(layer)).stderr


def test_a_missing_file_or_a_folder_is_a_file_error_not_a_usage_error(
    run: Run, tmp_path: Path
) -> None:
    """README's exit codes: a file that cannot be read is 1 with one line, as for `seen import`
    and `--add-data`, not click's usage block and 2."""
    (tmp_path / "f").write_text("", encoding="utf-8")
    cases = (
        (tmp_path / "nosuch.tsv", "no such file"),
        (tmp_path, "is a directory"),
        (tmp_path / "f" / "x.tsv", ": not a directory"),  # the C library's reason, lower-cased
    )
    for path, reason in cases:
        result = run("data", "netflix", str(path), "--out", str(tmp_path / "out.toml"))
        assert result.exit_code == 1, result.stderr
        assert result.stderr.count("\n") == 1 and reason in result.stderr
        assert not (tmp_path / "out.toml").exists()


@pytest.mark.parametrize("where", ["folder", "missing folder"])
def test_an_out_that_cannot_be_written_is_a_file_error_before_anything_is_read(
    run: Run, tmp_path: Path, where: str
) -> None:
    """README: a path that cannot be written is a file error (exit 1), as for an export or
    `upcoming --ics`; a folder given as --out was click's usage block and exit 2, and a folder
    that is not there was found only once every input had been read."""
    if where == "folder":
        out, reason = tmp_path, f"{tmp_path}: not a regular file"
    else:
        out = tmp_path / "no-such-dir" / "netflix.toml"
        reason = f"{out}: the folder {out.parent} does not exist"
    unread = tmp_path / "not-read.tsv"  # refused before it is read: it would fail if read
    result = run("data", "netflix", *FILES, str(unread), "--out", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"kdrama: error: cannot write {reason}\n"


def test_titles_only_in_national_lists_are_counted_apart_from_the_global_ones(
    tmp_path: Path,
) -> None:
    """'245 titles in the Top 10' read as contradicting the 217 titles `list` gives Top 10
    hours: the 28 others are only in the countries file's national lists (Kingdom, out before
    the global lists begin). The count says which lists hold how many."""
    dataset = tmp_path / "shows.toml"
    dataset.write_text(
        MINI.read_text(encoding="utf-8").replace(
            "release_date = 2021-09-17\nepisodes = 9\n",
            'release_date = 2021-09-17\nepisodes = 9\nnetflix_titles = ["River of Lanterns"]\n',
            1,
        ),
        encoding="utf-8",
    )
    countries = tmp_path / "countries.tsv"
    countries.write_text(
        (NETFLIX / "all-weeks-countries.tsv").read_text(encoding="utf-8")
        + "Japan\tJP\t2022-02-06\tTV\t9\tRiver of Lanterns\tRiver of Lanterns\t1\n",
        encoding="utf-8",
    )
    both = [str(NETFLIX / "all-weeks-global.tsv"), str(countries)]
    result = CliRunner().invoke(cli, ["--data", str(dataset), "data", "netflix", *both])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "kdrama: 15 figures; 2 titles in the Top 10: 1 in the global weekly lists (those kdrama"
        " list sums) and 1 in national weekly lists but not the global ones"
    )
    alone = CliRunner().invoke(cli, ["--data", str(dataset), "data", "netflix", both[0]])
    assert alone.stderr.splitlines()[0] == "kdrama: 10 figures; 1 title in the Top 10"


def _korean(entry: str, korean_title: str) -> str:
    """A made-up entry with this Hangul title, which the engagement reports place it by."""
    return entry.replace("\ntitle = ", f'\nkorean_title = "{korean_title}"\ntitle = ', 1)


def test_one_title_is_counted_as_one(run: Run, tmp_path: Path) -> None:
    """'1 titles in the Top 10' and '1 titles from the engagement reports' were said of one."""
    result = run("data", "netflix", str(NETFLIX / "all-weeks-global.tsv"))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == "kdrama: 10 figures; 1 title in the Top 10"
    # a dataset that has, by their Hangul titles, two of the three titles the workbook adds
    # to the made-up one
    workbook = str(NETFLIX / "What_We_Watched_2023Jan-Jun.xlsx")
    dataset = tmp_path / "shows.toml"
    dataset.write_text(
        MINI.read_text(encoding="utf-8")
        + _korean(harbour_days(), "야간 근무")
        + _korean(film("folded-paper"), "종이학"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(dataset), "data", "netflix", workbook])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        "kdrama: 1 title from the engagement reports that the dataset lacks (entries holding"
        " Netflix's record only)"
    )


def test_help_describes_every_kind_of_file_it_reads(run: Run) -> None:
    """The Top 10 files, the engagement workbooks with the extra they need, and the tiers file,
    a date metavar for --snapshot, and the README's regeneration command."""
    page = " ".join(run("data", "netflix", "--help").output.split())
    assert "Top 10 files (all-weeks-global.tsv" in page
    assert 'Engagement reports (Netflix\'s half-yearly "What We Watched" XLSX workbooks' in page
    # the checkout's install that has the extra, not a kdrama-cli no package index holds
    assert "needs the netflix extra, which the checkout's pip install -e '.[dev]' has" in page
    assert "A Korean title tiers file (columns kind, show_title, tier)" in page
    assert "--snapshot YYYY-MM-DD" in page and "%Y" not in page
    assert "$N/korean-title-tiers.tsv $E/*.xlsx --out data/netflix.toml" in page
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "$N/korean-title-tiers.tsv $E/*.xlsx --out data/netflix.toml" in readme


@pytest.mark.skipif(
    not (SHARED.is_dir() and ENGAGEMENT.is_dir()),
    reason="needs ../shared/netflix-top10 and ../shared/netflix-engagement beside the repo",
)
def test_shipped_figures_equal_netflix_files(tmp_path: Path) -> None:
    """Regenerating from Netflix's files (the command in data/README.md) gives exactly the
    shipped data/netflix.toml, and twice the same bytes."""
    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    inputs = [
        SHARED / "global-weekly-korean.tsv",
        SHARED / "countries-weekly-korean-2021-07-04_2022-02-27.tsv",
        *sorted(SHARED.glob("most-popular_*.tsv")),
        SHARED / "korean-title-tiers.tsv",
        *sorted(ENGAGEMENT.glob("*.xlsx")),
    ]
    outputs = []
    for attempt in range(2):
        out = tmp_path / f"netflix-{attempt}.toml"
        result = CliRunner().invoke(
            cli,
            [
                "--no-cache",
                "--data",
                str(REPO / "data" / "shows.toml"),
                "data",
                "netflix",
                *map(str, inputs),
                "--out",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].decode("utf-8") == (REPO / "data" / "netflix.toml").read_text(
        encoding="utf-8"
    )


def test_without_the_netflix_extra_the_error_names_the_pip_that_adds_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a workbook without python-calamine said "pip install 'kdrama-cli[netflix]'", a
    package no index holds: the error names the pip of the Python kdrama runs in (walk 41)."""
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setattr(sys, "executable", "/opt/kd/bin/python")
    result = run("data", "netflix", str(NETFLIX / "What_We_Watched_2023Jan-Jun.xlsx"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "kdrama: error: reading Netflix's XLSX reports needs the netflix extra:"
        " /opt/kd/bin/python -m pip install 'python-calamine>=0.2'"
    )

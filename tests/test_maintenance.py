"""Class 6 of the trust issue: data maintenance refuses what data check would reject, names the
file and line of each bad input, and never leaves a file that breaks later commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kdrama_cli.cli import cli
from tests.conftest import MINI

HEADER = (
    "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime"
    "\tweekly_views\tcumulative_weeks_in_top_10\n"
)
ROW = (
    "2022-01-30\tTV (Non-English)\t{rank}\tMoonlit Hallway\tMoonlit Hallway: Season 1"
    "\t{hours}\t\t\t{weeks}\n"
)


def _netflix(tmp_path: Path, rows: str, out: Path) -> Result:
    tsv = tmp_path / "all-weeks-global.tsv"
    tsv.write_text(HEADER + rows, encoding="utf-8")
    return CliRunner().invoke(
        cli, ["--data", str(MINI), "data", "netflix", str(tsv), "--out", str(out)]
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"hours": "-5"}, "weekly_hours_viewed: expected a non-negative number"),
        ({"hours": "inf"}, "weekly_hours_viewed: expected a non-negative number"),
        ({"hours": "nan"}, "weekly_hours_viewed: expected a non-negative number"),
        ({"hours": "9" * 400}, "weekly_hours_viewed: number too large"),
        ({"rank": "0"}, "weekly_rank: expected a rank from 1 to 10"),
        ({"rank": "11"}, "weekly_rank: expected a rank from 1 to 10"),
        ({"weeks": "0"}, "cumulative_weeks_in_top_10: expected a count of weeks"),
    ],
)
def test_bad_figures_are_refused_with_file_and_line(
    tmp_path: Path, values: dict[str, str], message: str
) -> None:
    fields = {"rank": "1", "hours": "100", "weeks": "1", **values}
    out = tmp_path / "netflix.toml"
    result = _netflix(tmp_path, ROW.format(**fields), out)
    assert result.exit_code == 1
    assert f"all-weeks-global.tsv:2: {message}" in result.stderr
    assert not out.exists()


def test_a_byte_that_is_not_utf8_is_named_by_line_and_column(tmp_path: Path) -> None:
    """data netflix said "not UTF-8 text (byte 212)", an offset counted after the byte-order
    mark; it says the line, the column and the byte, as data check does."""
    out = tmp_path / "netflix.toml"
    tsv = tmp_path / "all-weeks-global.tsv"
    row = ROW.format(rank=1, hours=100, weeks=1).replace("Hallway:", "Hallway\xe9:")
    tsv.write_bytes(b"\xef\xbb\xbf" + HEADER.encode() + row.encode("latin-1"))
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), "data", "netflix", str(tsv), "--out", str(out)]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"kdrama: error: {tsv}:2:62: not valid UTF-8: byte 0xE9 (é in Windows-1252): save the"
        " file as UTF-8\n",
    )
    assert not out.exists()


def test_short_rows_and_bad_dates_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    rows = "2022-01-30\tTV (Non-English)\t1\n" + ROW.format(rank=1, hours=1, weeks=1).replace(
        "2022-01-30", "2022-13-45"
    )
    result = _netflix(tmp_path, rows, out)
    assert result.exit_code == 1
    assert "all-weeks-global.tsv:2: the row is short" in result.stderr
    assert "all-weeks-global.tsv:3: week: expected a date" in result.stderr


@pytest.mark.parametrize(
    ("week", "message"),
    [
        (
            "2022-01-31",
            "week: Netflix's Top 10 weeks end on a Sunday, and 2022-01-31 is a Monday (its week"
            " ends 2022-02-06)",
        ),
        (
            "2099-10-25",
            "week: 2099-10-25 is in the future: Netflix publishes a week's list after the week"
            " ends",
        ),
    ],
)
def test_a_week_no_list_can_have_is_named_by_file_and_line(
    tmp_path: Path, week: str, message: str
) -> None:
    """A week ending on a Monday was read, then refused as four errors at '<output>:
    stats[N].window', entries of a file the user never sees; a week in 2099 was written, and
    the file then failed data check --strict. The input's line is named, once."""
    out = tmp_path / "netflix.toml"
    result = _netflix(
        tmp_path, ROW.format(rank=1, hours=100, weeks=1).replace("2022-01-30", week), out
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"kdrama: error: {tmp_path / 'all-weeks-global.tsv'}:2: {message}\n",
    )
    assert not out.exists()


def test_one_row_twice_in_one_file_is_told_to_keep_one(tmp_path: Path) -> None:
    """Two rows of one entry with other figures in one file were told to give only the newer
    of the two files, where there is one."""
    out = tmp_path / "netflix.toml"
    rows = ROW.format(rank=1, hours=100, weeks=1) + ROW.format(rank=1, hours=200, weeks=1)
    result = _netflix(tmp_path, rows, out)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "all-weeks-global.tsv:3: the row of 2022-01-30, TV (Non-English), Moonlit Hallway:"
        " Season 1 is given by " + str(tmp_path / "all-weeks-global.tsv") + ":2 too, with"
        " other figures (weekly_hours_viewed 100 there, 200 here); keep one of the two rows\n"
    )


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("2023-02-30", "'2023-02-30' is not a real date: February 2023 has 28 days, not 30"),
        ("2024-02-30", "'2024-02-30' is not a real date: February 2024 has 29 days, not 30"),
        ("2023-13-01", "'2023-13-01' is not a real date: a month goes from 01 to 12, not 13"),
        ("0000-01-01", "'0000-01-01' is not a real date: the years start at 0001"),
        ("2023-04-00", "'2023-04-00' is not a real date: the days of a month start at 01"),
        ("2023-2-3", "'2023-2-3': give a date as YYYY-MM-DD (2026-11-30)"),
    ],
)
def test_a_snapshot_that_is_no_day_says_which_part_is_wrong(
    tmp_path: Path, given: str, said: str
) -> None:
    """--snapshot 2023-02-30 was told it "does not match the format '%Y-%m-%d'", which it
    does: only the day does not exist."""
    tsv = tmp_path / "most-popular.tsv"
    tsv.write_text("category\trank\tshow_title\tseason_title\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), "data", "netflix", str(tsv), "--snapshot", given]
    )
    assert result.exit_code == 2
    assert f"Invalid value for '--snapshot': {said}" in result.stderr


def test_a_failed_run_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    out.write_text("# the old figures\n", encoding="utf-8")
    result = _netflix(tmp_path, ROW.format(rank=0, hours=1, weeks=1), out)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "# the old figures\n"


def test_a_good_run_writes_a_file_data_check_accepts(tmp_path: Path) -> None:
    out = tmp_path / "netflix.toml"
    result = _netflix(tmp_path, ROW.format(rank=1, hours=1000, weeks=1), out)
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(cli, ["--data", str(MINI), "--add-data", str(out), "data", "check"])
    assert check.exit_code == 0, check.output
    assert not list(tmp_path.glob("*.tmp"))


def test_inputs_that_are_not_regular_files_are_refused(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "fifo.tsv")
    result = CliRunner().invoke(
        cli, ["--data", str(MINI), "data", "netflix", str(tmp_path / "fifo.tsv")]
    )
    assert result.exit_code == 1
    assert "named pipe" in result.stderr


def test_strict_check_warns_about_an_alias_that_is_another_title(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'aliases = ["The Lantern Room"]', 'aliases = ["The Lantern Room", "River of Lanterns"]'
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(path), "data", "check", "--strict"])
    assert result.exit_code == 1
    assert "'River of Lanterns' is the title of river-of-lanterns" in result.stderr


def test_strict_check_warns_about_an_alias_that_is_another_persons_name(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'aliases = ["Han Jee-won"]', 'aliases = ["Han Jee-won", "Kang Bo-ra"]'
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--data", str(path), "data", "check", "--strict"])
    assert result.exit_code == 1
    assert "'Kang Bo-ra' is the name of" in result.stderr
    assert "give each a note telling them apart" in result.stderr


def test_an_alias_two_noted_people_share_is_a_name_a_lookup_lists_both(tmp_path: Path) -> None:
    """A legal name another person goes by (Rain's 정지훈, a child actor's name) is no mistake
    when each has a note telling them apart, as namesakes have: `--strict` passes, and the
    name lists both, where it opened the one whose name it is."""
    text = MINI.read_text(encoding="utf-8").replace(
        'aliases = ["Han Jee-won"]', 'aliases = ["Han Jee-won", "Kang Bo-ra"]'
    )
    for person in ("han-ji-won", "kang-bora"):
        text = text.replace(f'id = "{person}"', f'id = "{person}"\nnote = "Noted {person}."', 1)
    path = tmp_path / "d.toml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(path), "data", "check", "--strict"])
    assert result.exit_code == 0, result.output
    looked = CliRunner().invoke(cli, ["--data", str(path), "person", "Kang Bo-ra", "--json"])
    error = json.loads(looked.stderr.splitlines()[-1])["error"]
    assert error["kind"] == "ambiguous"
    assert sorted(error["suggestions"]) == ["han-ji-won", "kang-bora"]


def test_out_never_replaces_a_dataset_in_use_the_seen_list_or_an_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`data netflix --out data/shows.toml` wrote the derived figures over the dataset in use
    and exited 0: the user's catalogue was gone. --out naming the base, a layer, the seen list
    or one of the input files is refused (exit 2, one line) and the file is kept; an include of
    the base (data/netflix.toml, which the README regenerates this way) is still written."""
    base = tmp_path / "shows.toml"
    base.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    layer = tmp_path / "layer.toml"
    layer.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    seen = tmp_path / "seen.toml"
    seen.write_text("# my list\n", encoding="utf-8")
    monkeypatch.setenv("KDRAMA_SEEN", str(seen))
    tsv = tmp_path / "all-weeks-global.tsv"
    tsv.write_text(HEADER + ROW.format(rank=1, hours=1000, weeks=1), encoding="utf-8")
    spelt = str(tmp_path / "." / "shows.toml")
    cases = [
        (base, spelt, "that is a dataset file kdrama reads ("),
        (layer, str(layer), "that is a dataset file kdrama reads ("),
        (seen, str(seen), "that is your seen list kdrama reads ("),
        (tsv, str(tsv), "that is one of the files read;"),
    ]
    for kept, out, what in cases:
        before = kept.read_bytes()
        result = CliRunner().invoke(
            cli,
            ["--data", str(base), "--add-data", str(layer), "data", "netflix", str(tsv)]
            + ["--out", out],
        )
        assert result.exit_code == 2, (out, result.output)
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"kdrama: error: --out {out}: {what}"), result.stderr
        assert "writing there would replace it: give another PATH" in result.stderr
        assert kept.read_bytes() == before
    included = tmp_path / "netflix.toml"
    included.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    text = MINI.read_text(encoding="utf-8")
    base.write_text(text.replace("schema = 1\n", 'schema = 1\ninclude = ["netflix.toml"]\n', 1))
    result = CliRunner().invoke(
        cli, ["--data", str(base), "data", "netflix", str(tsv), "--out", str(included)]
    )
    assert result.exit_code == 0, result.output
    assert "netflix-top10-global-2022-01-30" in included.read_text(encoding="utf-8")

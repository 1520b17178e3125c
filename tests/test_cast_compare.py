"""`kdrama cast` and `kdrama compare` on the made-up fixture dataset."""

from __future__ import annotations

from tests.conftest import Run, as_json


def test_cast_of_one_show_lists_every_credit(run: Run) -> None:
    out = run("cast", "moonlit-hallway").output
    for name in ("Han Ji-won", "한지원", "Cha Eun-bi", "Minho", "Kang Bo-ra", "Teacher Lim"):
        assert name in out


def test_cast_role_filter(run: Run) -> None:
    rows = as_json(run("cast", "moonlit-hallway", "--role", "supporting", "--json"))
    assert [r["actor"] for r in rows] == ["Kang Bo-ra"]


def test_cast_season_two_across_all_shows_marks_announced(run: Run) -> None:
    result = run("cast", "--season", "2")
    assert result.exit_code == 0
    assert "Moonlit Hallway" in result.output
    assert "Han Ji-won" in result.output
    assert "Minho" not in result.output  # season 1 only
    assert "River of Lanterns" not in result.output  # has no season 2
    assert "announced" in result.output and "2026-11-01" in result.output


def test_cast_json_rows(run: Run) -> None:
    rows = as_json(run("cast", "--json"))
    shows = {r["show"] for r in rows}
    assert shows == {"moonlit-hallway", "river-of-lanterns", "night-train"}
    assert {"show", "actor", "character", "role", "seasons"} <= rows[0].keys()


def test_cast_unknown_season(run: Run) -> None:
    result = run("cast", "--season", "7")
    assert result.exit_code == 2
    assert "no title in the dataset has a season 7" in result.output


def test_compare_shares_rows_only_for_the_same_window(run: Run) -> None:
    data = as_json(run("compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    windows = [(s["metric"], s["window"]) for s in data["stats"]]
    assert windows == [("hours-viewed", "first-28-days")]
    row = data["stats"][0]
    assert row["values"] == [560780000, 1650450000]
    assert row["leader"] == "river-of-lanterns"


def test_compare_finds_cast_in_common(run: Run) -> None:
    data = as_json(run("compare", "moonlit-hallway", "river-of-lanterns", "--json"))
    common = data["cast_in_common"]
    assert [c["actor"] for c in common] == ["Kang Bo-ra"]
    assert common[0]["characters"] == {
        "moonlit-hallway": ["Teacher Lim"],
        "river-of-lanterns": ["Captain Yun"],
    }


def test_compare_table(run: Run) -> None:
    out = run("compare", "moonlit-hallway", "river-of-lanterns", "night-train").output
    assert "1.65B hours ★" in out
    assert "Cast in common" in out
    assert "Minho" in out  # in Moonlit Hallway and Night Train
    assert "—" in out  # Night Train has no such figure


def test_compare_needs_two_distinct_titles(run: Run) -> None:
    assert run("compare", "moonlit-hallway").exit_code == 2
    result = run("compare", "moonlit-hallway", "Moonlit Hallway")
    assert result.exit_code == 2 and "twice" in result.output


def test_compare_unknown_title(run: Run) -> None:
    result = run("compare", "moonlit-hallway", "nothing-like-it")
    assert result.exit_code == 2
    assert "no title matches" in result.output

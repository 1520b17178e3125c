"""The shipped dataset: the titles the project grew from, with their sourced facts and figures."""

from __future__ import annotations

import json

from tests.conftest import SHIPPED, Run, as_json, flat


def _stat(data: dict, metric: str, window: str, season: int | None = 1) -> dict:
    (stat,) = [
        s
        for s in data["stats"]
        if s["metric"] == metric and s["window"] == window and s["season"] == season
    ]
    return stat


def test_all_of_us_are_dead_page(run_shipped: Run) -> None:
    result = run_shipped("show", "All of Us Are Dead")
    assert result.exit_code == 0
    out = flat(result.output)
    for expected in (
        "지금 우리 학교는",
        "Now at Our School",
        "Joo Dong-geun",
        "Naver Webtoon",
        "Park Ji-hu",
        "Lomon",
        "Nam On-jo",
        "124.79M hours",
        "560.78M hours",
        "first 28 days",
        "Sources",
    ):
        assert expected in out, expected


def test_all_of_us_are_dead_figures_keep_their_windows(run_shipped: Run) -> None:
    data = as_json(run_shipped("show", "all-of-us-are-dead", "--json"))
    assert _stat(data, "hours-viewed", "first-3-days")["value"] == 124790000
    assert _stat(data, "hours-viewed", "first-10-days")["value"] == 361020000
    assert _stat(data, "hours-viewed", "first-28-days")["value"] == 560780000
    countries = [s for s in data["stats"] if s["metric"] == "countries-in-top10"]
    assert any(s["value"] == 91 for s in countries)
    sources = {s["id"]: s for s in data["sources"]}
    for stat in data["stats"]:
        assert stat["source"] and all(sources[i]["url"].startswith("http") for i in stat["source"])
    assert data["source_work"]["writers"] == ["Joo Dong-geun"]
    assert data["source_work"]["platform"] == "Naver Webtoon"


def test_all_of_us_are_dead_season_two_is_not_shown_as_released(run_shipped: Run) -> None:
    data = as_json(run_shipped("show", "all-of-us-are-dead", "--json"))
    season2 = next(s for s in data["seasons"] if s["number"] == 2)
    assert season2["released"] is False
    assert season2["status"] in ("renewed", "announced", "in-production")
    assert season2["as_of"] and season2["status_date"]
    assert season2["release_date"] is None
    returning = {c["actor"] for c in data["cast"] if 2 in c["seasons"]}
    assert {"Yoon Chan-young", "Cho Yi-hyun", "Park Ji-hu", "Lomon"} <= returning


def test_cast_season_two_marks_all_of_us_are_dead_as_announced(run_shipped: Run) -> None:
    rows = as_json(run_shipped("cast", "--season", "2", "--json"))
    aouad = [r for r in rows if r["show"] == "all-of-us-are-dead"]
    assert aouad and all(r["announced_seasons"] == [2] for r in aouad)
    squid = [r for r in rows if r["show"] == "squid-game"]
    assert squid and all(r["announced_seasons"] == [] for r in squid)
    table = run_shipped("cast", "--season", "2").output
    assert "(announced)" in table


def test_squid_game_and_its_spin_off(run_shipped: Run) -> None:
    data = as_json(run_shipped("show", "squid-game", "--json"))
    assert [s["number"] for s in data["seasons"] if s["released"]] == [1, 2, 3]
    assert _stat(data, "hours-viewed", "first-28-days")["value"] == 1650450000
    challenge = as_json(run_shipped("show", "Squid Game: The Challenge", "--json"))
    assert _stat(challenge, "contestants", "total", None)["value"] == 456
    prize = _stat(challenge, "prize", "total", None)
    assert (prize["value"], prize["unit"]) == (4560000, "USD")
    assert challenge["kind"] == "reality"


def test_kingdom_train_to_busan_and_ashin(run_shipped: Run) -> None:
    kingdom = as_json(run_shipped("show", "kingdom", "--json"))
    assert [s["number"] for s in kingdom["seasons"] if s["released"]] == [1, 2]
    assert kingdom["source_work"] is not None
    ashin = as_json(run_shipped("show", "Kingdom: Ashin of the North", "--json"))
    assert ashin["kind"] == "special" and "kingdom" in ashin["related"]
    busan = as_json(run_shipped("show", "Train to Busan", "--json"))
    assert busan["kind"] == "film" and busan["release_date"].startswith("2016")
    assert busan["directors"] == ["Yeon Sang-ho"]
    assert "Gong Yoo" in {c["actor"] for c in busan["cast"]}


def test_compare_finds_lee_yoo_mi_in_both(run_shipped: Run) -> None:
    data = as_json(run_shipped("compare", "squid-game", "all-of-us-are-dead", "--json"))
    common = {c["actor"]: c["characters"] for c in data["cast_in_common"]}
    assert "Lee Yoo-mi" in common
    assert set(common["Lee Yoo-mi"]) == {"squid-game", "all-of-us-are-dead"}
    hours28 = next(
        s for s in data["stats"] if s["metric"] == "hours-viewed" and s["window"] == "first-28-days"
    )
    assert hours28["values"] == [1650450000, 560780000]
    assert hours28["leader"] == "squid-game"
    windows = {(s["metric"], s["window"]) for s in data["stats"]}
    assert len(windows) == len(data["stats"])  # one row per metric and window


def test_aliases_and_romanisations_find_the_same_person(run_shipped: Run) -> None:
    data = as_json(run_shipped("show", "all-of-us-are-dead", "--json"))
    lomon = next(c for c in data["cast"] if c["actor"] == "Lomon")
    assert lomon["person"] == "lomon"
    shown = run_shipped("show", "지금 우리 학교는")
    assert shown.exit_code == 0 and "All of Us Are Dead" in shown.output


def test_shipped_dataset_is_valid_and_broad(run_shipped: Run) -> None:
    result = run_shipped("data", "check", "--json")
    data = json.loads(result.stdout)
    assert data["ok"], data["problems"][:10]
    assert data["counts"]["shows"] >= 40
    assert data["counts"]["source_works"] >= 15


def test_shipped_dataset_passes_strict_and_rests_on_the_press(run_shipped: Run) -> None:
    """Issue 13's bar: `data check --strict` passes, so no entry rests on weak sources alone,
    and wikis, databases, blogs and fan sites are at most 5% of the citations."""
    result = run_shipped("data", "check", "--strict", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0, data["warnings"][:10]
    assert data["weak_citations"] <= 0.05 * data["counts"]["citations"]


def test_no_shipped_title_holds_an_invisible_character() -> None:
    """Netflix's workbook ends one Hangul title in U+200B; the importer drops such marks."""
    text = (SHIPPED.parent / "netflix.toml").read_text(encoding="utf-8")
    text += SHIPPED.read_text(encoding="utf-8")
    assert not any(mark in text for mark in "\u200b\u200c\u200d\u2060\ufeff")

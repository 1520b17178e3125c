"""What a fan who types in Korean found missed (audit40, walk-korean): the Revised
Romanization of a title of several words, a year written with 년, the last season said 최종
시즌, the cast asked for with 캐스트, 배우들, 등장인물 or after 의, a person's name with a
courtesy (씨, 님) or 배우 beside it, and the Korean words for a role or a kind (the real CLI on
the shipped catalogue)."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json, flat, json_error

# --- a romanisation whose words each hold a vowel pair ----------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Seulgiroun Uisa Saenghwal",  # 슬기로운 의사생활 in the Revised Romanization
        "Sŭlgiroun Ŭisa Saenghwal",  # and in McCune–Reischauer's
        "seulgiroun uisa",  # its start
    ],
)
def test_a_romanised_title_of_several_split_words_is_found(run_shipped: Run, typed: str) -> None:
    """'Seulgiroun Uisa Saenghwal' missed with no suggestion, though 'Seulgirowun Uisa
    Saenghwal' was found: 슬기로운's 'roun' is ro-un, and the readings that split it were cut
    off behind those splitting the first word's 'eu' and the later words' pairs."""
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown)["slug"] == "hospital-playlist"
    assert "matched another spelling of the Korean title: 슬기로운 의사생활" in shown.stderr


# --- a year written as Korean writes it --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "seasons"),
    [
        ("오징어 게임 2021년", [1, 2, 3]),  # its first year: the whole title
        ("오징어 게임 2024년", [2]),  # a later year: the season out in it
        ("오징어 게임 (2024년)", [2]),
        ("오징어 게임 2024년작", [2]),
    ],
)
def test_a_year_with_nyeon_after_it_is_read_as_the_year(
    run_shipped: Run, typed: str, seasons: list[int]
) -> None:
    """'오징어 게임 2024년' missed ("Did you mean Squid Game?"), while '오징어 게임 2024' was
    season 2: Korean writes a year with 년 after it."""
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == "squid-game"
    assert [season["number"] for season in page["seasons"]] == seasons


def test_a_year_with_nyeon_none_came_out_in_names_the_seasons_years(run_shipped: Run) -> None:
    error = json_error(run_shipped("show", "오징어 게임 2023년", "--json"))
    assert "no season of Squid Game came out in 2023" in error["message"]


# --- the last season, as the Korean press says it ------------------------------------------


def test_choejong_sijeun_is_the_last_season(run_shipped: Run) -> None:
    """'오징어 게임 최종 시즌' missed; 마지막 시즌 and 파이널 시즌 were the third."""
    for typed in ("오징어 게임 최종 시즌", "오징어 게임 최종시즌"):
        page = as_json(run_shipped("show", typed, "--json"))
        assert [season["number"] for season in page["seasons"]] == [3]


# --- the cast, asked for in Korean -------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["오징어 게임 캐스트", "오징어 게임 배우들", "오징어 게임 등장인물", "오징어 게임의 출연진"],
)
def test_cast_takes_the_korean_words_for_a_cast(run_shipped: Run, typed: str) -> None:
    """`cast "오징어 게임 출연진"` was the cast, while 캐스트, 배우들 (which search knew),
    등장인물 (the characters) and '…의 출연진' missed."""
    result = run_shipped("cast", typed)
    assert result.exit_code == 0, result.output
    assert "Seong Gi-hun" in result.stdout and "이정재" in result.stdout
    assert f"note: '{typed}' is read as '오징어 게임': Squid Game" in flat(result.stderr)


@pytest.mark.parametrize("typed", ["오징어 게임 등장인물", "오징어 게임의 출연진"])
def test_search_points_to_the_cast_for_the_korean_words_too(run_shipped: Run, typed: str) -> None:
    """search offered "Did you mean Squid Game?" for 등장인물 where it names the cast's command
    for 출연진."""
    result = run_shipped("search", typed)
    assert "Squid Game's cast: kdrama cast squid-game" in flat(result.stderr)

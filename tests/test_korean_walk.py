"""What a fan who types in Korean found missed (audit40, walk-korean): the Revised
Romanization of a title of several words, a year written with 년, the last season said 최종
시즌, the cast asked for with 캐스트, 배우들, 등장인물 or after 의, a person's name with a
courtesy (씨, 님) or 배우 beside it, and the Korean words for a role or a kind (the real CLI on
the shipped catalogue)."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json

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

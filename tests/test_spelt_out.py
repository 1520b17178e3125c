"""Whether a Korean title spells the English one out (catalogue.sounds.spelt_out: 킹덤 is
Kingdom, and a page does not romanise it back as "Kingdeom") is judged by sounds.ratio, which
gives rapidfuzz's ``fuzz.ratio`` without importing rapidfuzz on every show page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from kdrama_cli.catalogue import sounds
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.locations import packaged_dataset

#: Few letters, so that strings share long subsequences, as consonant keys do.
FEW = st.text(alphabet="kntlmpsh", max_size=40)


@given(FEW, FEW)
def test_ratio_is_rapidfuzzs_on_strings_alike(first: str, second: str) -> None:
    assert sounds.ratio(first, second) == fuzz.ratio(first, second)


@given(st.text(max_size=30), st.text(max_size=30))
def test_ratio_is_rapidfuzzs_on_any_text(first: str, second: str) -> None:
    assert sounds.ratio(first, second) == fuzz.ratio(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("", ""), ("k", ""), ("", "k"), ("kntm", "kntm"), ("kndm", "kntm"), ("abcdefg", "xbcdefy")],
)
def test_ratio_at_the_edges(first: str, second: str) -> None:
    assert sounds.ratio(first, second) == fuzz.ratio(first, second)


def test_every_shipped_title_is_judged_as_rapidfuzz_judged_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each researched title's Korean name: spelt out or not, whole or in part, the same
    answer as with rapidfuzz's ratio, and the titles the pages know (Kingdom, Sweet Home, The
    Glory spelt out; Crash Landing on You not) as before."""
    found = packaged_dataset()
    assert found is not None
    shows = [s for s in load_dataset([found]).shows.values() if s.korean_title]
    assert len(shows) > 100

    def judged() -> dict[tuple[str, bool], bool]:
        return {
            (show.slug, whole): sounds.spelt_out(show.title, show.korean_title, whole=whole)
            for show in shows
            for whole in (False, True)
        }

    ours = judged()
    monkeypatch.setattr(sounds, "ratio", fuzz.ratio)
    assert ours == judged()
    for slug in ("kingdom", "sweet-home", "the-glory"):
        assert ours[(slug, True)], slug
    assert not ours[("crash-landing-on-you", True)]
    assert not ours[("crash-landing-on-you", False)]

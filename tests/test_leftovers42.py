"""Small findings left open by earlier walks (a42): a leading article before a title's whole
name, which beats part of a longer one (the real CLI on the shipped catalogue)."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json

# --- a whole name after a leading article beats part of a longer name --------------------------


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        # as typed, only the start of The Escape of the Seven; without 'the', the film's name
        ("the escape", "escape"),
        ("The Escape", "escape"),
        # as typed, only the end of Memoir of a Murderer
        ("a murderer", "murderer"),
        # as typed, the start of several titles' names: a choice, where one name is whole
        ("the secret", "secret"),
        # as typed, part of A Korean Odyssey and a season 1 ('no.1')
        ("a korea no.1", "korea-no-1"),
    ],
)
def test_a_whole_name_after_an_article_beats_part_of_a_name(
    run_shipped: Run, typed: str, slug: str
) -> None:
    """`show "the escape"` opened The Escape of the Seven, which the words only begin, though
    the film Escape is named by them whole once the article is left out."""
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("the escape of the", "the-escape-of-the-seven"),
        ("memoir of a murderer", "memoir-of-a-murderer"),
        ("escape", "escape"),
    ],
)
def test_part_of_a_name_no_bare_name_beats_is_still_found(
    run_shipped: Run, typed: str, slug: str
) -> None:
    """Only a whole name without the article wins: more of the longer name still opens it."""
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug


def test_an_article_before_a_season_the_bare_title_lacks_says_so(run_shipped: Run) -> None:
    """'the escape 2' was already a miss naming the film; it stays one."""
    result = run_shipped("show", "the escape 2")
    assert result.exit_code == 2
    assert "Escape is a film: it has no seasons" in result.stderr

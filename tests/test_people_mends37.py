"""Mends of audit 37's findings on people's pages and paths, run through the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json


@pytest.mark.parametrize(
    ("ends", "taken"),
    [
        (("kim-si-eun", "Kim Si-eun"), "'Kim Si-eun' is taken as kim-si-eun-samgwang ("),
        (("Kim Si-eun", "kim-si-eun-samgwang"), "'Kim Si-eun' is taken as kim-si-eun ("),
    ],
)
def test_a_namesake_pick_is_the_one_note_either_way_round(
    run_shipped: Run, ends: tuple[str, str], taken: str
) -> None:
    """`path kim-si-eun "Kim Si-eun"` took the name as kim-si-eun-samgwang, then added "note:
    'kim-si-eun' opens Kim Si-eun (kim-si-eun); Kim Si-eun (kim-si-eun-samgwang) is named so
    too: kdrama person kim-si-eun-samgwang", offering the person already at the other end. The
    forward order said only the pick; so does this one."""
    result = run_shipped("path", *ends, "--json")
    assert result.exit_code == 0, result.output
    assert as_json(result)["connected"] is True
    notes = [line for line in result.stderr.splitlines() if line.startswith("kdrama: note:")]
    assert len(notes) == 1, result.stderr
    assert "named so too" not in result.stderr
    assert notes[0].startswith(f"kdrama: note: {taken}")
    assert notes[0].endswith("the other end's namesake")


def test_the_note_under_the_credits_says_what_a_dash_is_when_blanks_are_beside_it(
    run_shipped: Run,
) -> None:
    """On Yeon Sang-ho's page the films' crew rows show "—" and the series' are blank, and
    the note under the table spoke only of a blank cell: the mix read as random. The note
    says what "—" is where both are in the column, and only the blank where there is none."""
    page = " ".join(run_shipped("person", "yeon-sang-ho", env={"COLUMNS": "120"}).stdout.split())
    assert "Train to Busan director, writer crew — [1–8]" in page
    assert (
        "A blank Seasons cell is a crew credit's: the catalogue holds a title's crew for the"
        ' whole title, not season by season. A "—" is a title without seasons, as a film.'
    ) in page
    series = " ".join(
        run_shipped("person", "hwang-dong-hyuk", env={"COLUMNS": "120"}).stdout.split()
    )
    assert "not season by season. Only the titles" in series

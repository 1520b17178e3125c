"""What `data check` says of an entry that breaks the schema: one mistake, one error, each
pointing at where it is and saying the one thing wrong."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import MINI, Run

WriteDataset = Callable[[str], Path]
BASE = MINI.read_text(encoding="utf-8")


def _problems(run: Run, text: str, write_dataset: WriteDataset) -> list[str]:
    """The problems `data check --json` gives for ``text``, each without its file."""
    result = run("data", "check", str(write_dataset(text)), "--json")
    assert result.exit_code == 1, result.output
    return [p.partition(": ")[2] for p in json.loads(result.stdout)["problems"]]


def test_a_misspelt_key_is_not_also_a_missing_one(run: Run, write_dataset: WriteDataset) -> None:
    synopsis = 'synopsis = "A ferry pilot uncovers a smuggling ring."'
    assert synopsis in BASE
    text = BASE.replace(synopsis, synopsis.replace("synopsis", "synopsys"), 1)
    assert _problems(run, text, write_dataset) == [
        "shows[river-of-lanterns].synopsys: unknown key. Did you mean synopsis?"
    ]


def test_a_misspelt_seasons_table_is_not_also_a_series_without_seasons(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE.replace("[[shows.seasons]]", "[[shows.season]]")
    problems = _problems(run, text, write_dataset)
    assert "shows[river-of-lanterns].season: unknown key. Did you mean seasons?" in problems
    assert not [p for p in problems if "needs at least one season" in p], problems


def test_a_wrong_kind_is_one_error_not_the_checks_of_the_kind(
    run: Run, write_dataset: WriteDataset
) -> None:
    """kind = "unknown" on a researched series: not also "has no seasons" and "missing required
    field for a film" (it is no film)."""
    series = 'slug = "river-of-lanterns"'
    start = BASE.index(series)
    kind_at = BASE.index('kind = "series"', start)
    text = BASE[:kind_at] + 'kind = "unknown"' + BASE[kind_at + len('kind = "series"') :]
    assert _problems(run, text, write_dataset) == [
        "shows[river-of-lanterns].kind: only Netflix's record alone (netflix_only) may have an "
        "unknown kind"
    ]


def test_a_misspelt_kind_is_one_error(run: Run, write_dataset: WriteDataset) -> None:
    text = BASE.replace('kind = "series"', 'kind = "seires"', 1)
    problems = _problems(run, text, write_dataset)
    assert len(problems) == 1, problems
    assert problems[0].startswith("shows[moonlit-hallway].kind: expected one of"), problems


def test_season_zero_is_one_error(run: Run, write_dataset: WriteDataset) -> None:
    credit = 'person = "kang-bora"\ncharacter = "Captain Yun"\nrole = "main"\n'
    assert credit in BASE
    text = BASE.replace(credit, credit + "seasons = [0]\n", 1)
    assert _problems(run, text, write_dataset) == [
        "shows[river-of-lanterns].cast[0].seasons: item 0: must be at least 1, got 0"
    ]


def test_a_season_that_does_not_exist_names_those_that_do(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE.replace('role = "main"\nseasons = [1, 2]', 'role = "main"\nseasons = [1, 4]', 1)
    assert text != BASE
    assert _problems(run, text, write_dataset) == [
        "shows[moonlit-hallway].cast[0].seasons: season 4 does not exist: moonlit-hallway has "
        "seasons 1 and 2"
    ]


def test_a_figure_of_a_season_a_film_lacks_says_it_has_none(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE + '\n[[shows.facts]]\ntext = "A fact."\nseason = 2\nsources = ["test-chart"]\n'
    assert _problems(run, text, write_dataset) == [
        "shows[night-train].facts[0].season: season 2 does not exist: the title has no seasons"
    ]


def test_a_release_window_in_other_words_gets_the_one_meant(
    run: Run, write_dataset: WriteDataset
) -> None:
    renewed = 'status = "renewed"\n'
    assert renewed in BASE
    for typed, meant in [("2027-fall", "2027-autumn"), ("summer 2027", "2027-summer")]:
        text = BASE.replace(renewed, f'{renewed}release_window = "{typed}"\n', 1)
        assert _problems(run, text, write_dataset) == [
            f"shows[moonlit-hallway].seasons[1].release_window: '{typed}' is not a release "
            "window (2026, 2026-Q2, 2026-H1, 2026-07 or 2026-summer). "
            f"Did you mean {meant}?"
        ]


def test_an_airing_season_needs_its_as_of_as_the_docs_say(
    run: Run, write_dataset: WriteDataset
) -> None:
    """data/README.md: as_of is required "unless released"; without one, an airing season was
    never marked stale, however old its news."""
    released = 'status = "released"\nrelease_date = 2021-09-17\nepisodes = 9\n'
    assert released in BASE
    airing = 'status = "airing"\nrelease_date = 2021-09-17\n'
    text = BASE.replace(released, airing, 1)
    assert _problems(run, text, write_dataset) == [
        "shows[river-of-lanterns].seasons[0].as_of: an airing season needs an as_of date (the "
        "day its status was last confirmed)"
    ]
    dated = write_dataset(BASE.replace(released, airing + "as_of = 2021-10-01\n", 1))
    assert run("data", "check", str(dated)).exit_code == 0
    page = run("--data", str(dated), "show", "river-of-lanterns").output
    assert "stale" in page, page

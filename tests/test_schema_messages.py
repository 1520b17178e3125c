"""What `data check` says of an entry that breaks the schema: one mistake, one error, each
pointing at where it is and saying the one thing wrong."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kdrama_cli.answers.layers import NEW_PERSON
from tests.conftest import KDRAMA, MINI, Run

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
    assert (
        "shows[river-of-lanterns].season: unknown table: the header [[shows.season]] should read"
        " [[shows.seasons]]"
    ) in problems
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
        "shows[river-of-lanterns].cast[0].seasons: its 1st item: must be at least 1, got 0"
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


#: A layer over the fixture dataset: a title of its own, with a credit for one of its people.
LAYER = """
[[citations]]
id = "layer-press"
url = "https://example.org/harbour"
title = "Harbour Lights cast"
publisher = "Example Press"

[[shows]]
slug = "harbour-lights"
title = "Harbour Lights"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up drama."
directors = ["oh-taeyang"]
sources = ["layer-press"]
cast_sources = ["layer-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2024-01-01
episodes = 10
sources = ["layer-press"]

[[shows.cast]]
person = "kang-bora"
character = "Someone"
role = "main"
"""


def _layer_errors(run: Run, add_data: Callable[..., list[str]], text: str) -> list[str]:
    result = run(*add_data(text), "show", "moonlit-hallway")
    assert result.exit_code == 1, result.output
    return [line for line in result.stderr.splitlines() if line.startswith("kdrama: error: ")]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Kang Bo-ra", "'Kang Bo-ra' is a name"),
        ("강보라", "'강보라' is a name"),
        ("kang_bora", "'kang_bora' is not an id"),
    ],
)
def test_a_name_where_a_person_id_goes_is_told_the_id(
    run: Run, add_data: Callable[..., list[str]], typed: str, said: str
) -> None:
    text = LAYER.replace('person = "kang-bora"', f'person = "{typed}"')
    errors = _layer_errors(run, add_data, text)
    assert len(errors) == 1, errors
    assert errors[0].endswith(
        f":26: shows[harbour-lights].cast[0].person: {said}; the id of Kang Bo-ra (강보라) is "
        "kang-bora"
    ), errors


def test_a_name_in_a_list_of_people_is_told_the_id(
    run: Run, add_data: Callable[..., list[str]]
) -> None:
    text = LAYER.replace('directors = ["oh-taeyang"]', 'directors = ["Oh Tae-yang"]')
    errors = _layer_errors(run, add_data, text)
    assert [e.partition(".toml:")[2] for e in errors] == [
        "8: shows[harbour-lights].directors: its 1st item: 'Oh Tae-yang' is a name; the id of "
        "Oh Tae-yang (오태양) is oh-taeyang"
    ]


def test_a_name_of_nobody_in_the_load_says_how_to_find_an_id(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE.replace('person = "kang-bora"', 'person = "Lee Jung-jae"', 1)
    assert _problems(run, text, write_dataset) == [
        "shows[moonlit-hallway].cast[2].person: 'Lee Jung-jae' is a name: a person is given "
        f"by id, like 'park-ji-hu' ({KDRAMA} person \"Lee Jung-jae\" gives it)"
    ]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "나쁜 쇼",
            "ids are ASCII (lowercase letters, digits and hyphens, like 'squid-game'), "
            "got '나쁜 쇼'; as an id: 'nappeun-syo'",
        ),
        (
            "Bad Show",
            "expected a kebab-case id like 'squid-game', got 'Bad Show'; as an id: 'bad-show'",
        ),
    ],
)
def test_a_new_id_that_is_not_one_is_given_as_one(
    run: Run, write_dataset: WriteDataset, typed: str, said: str
) -> None:
    text = BASE.replace('slug = "night-train"', f'slug = "{typed}"', 1)
    problems = _problems(run, text, write_dataset)
    assert f"shows[2].slug: {said}" in problems, problems


def test_every_problem_of_an_entry_gives_the_line_it_begins_on(
    run: Run, write_dataset: WriteDataset
) -> None:
    """FILE:LINE, as a syntax error has: in a long file the entry's path alone leaves its
    author searching, and an editor opens FILE:LINE."""
    text = BASE.replace("episodes = 9", 'episodes = "nine"', 1)
    text = text.replace('person = "seo-minho"', 'person = "nobody"', 1)
    text = text.replace('name = "Kang Bo-ra"', "name = 5", 1)
    path = write_dataset(text)
    result = run("data", "check", str(path), "--json")
    lines = text.split("\n")

    def header_above(needle: str) -> int:
        """The line of the [[...]] header of the entry holding the line ``needle``."""
        at = lines.index(needle)
        return next(n + 1 for n in range(at, -1, -1) if lines[n].startswith("[["))

    people, season = header_above("name = 5"), header_above('episodes = "nine"')
    credit = header_above('person = "nobody"')
    assert json.loads(result.stdout)["problems"] == [
        f"{path}:{people}: people[kang-bora].name: expected a string, got an integer",
        f"{path}:{season}: shows[river-of-lanterns].seasons[0]"
        ".episodes: expected an integer, got a string",
        f"{path}:{credit}: shows[moonlit-hallway].cast[1].person: unknown person 'nobody'"
        + NEW_PERSON,
    ]


def test_a_season_number_given_twice_says_which_entries_by_place(
    run: Run, write_dataset: WriteDataset
) -> None:
    """ "seasons[1].number: duplicate season 1" read as two season numbers."""
    text = BASE.replace("number = 2\n", "number = 1\n", 1)
    problems = _problems(run, text, write_dataset)
    assert (
        "shows[moonlit-hallway].seasons[1].number: duplicate season 1: the 1st and 2nd "
        "[[shows.seasons]] of this title both have number = 1"
    ) in problems, problems


def test_a_file_checked_by_itself_is_told_the_id_the_dataset_in_use_has(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A new title crediting a person of the dataset in use by name uses none of its ids, so it
    is checked by itself; the name is still looked up where the person is."""
    text = LAYER.replace('directors = ["oh-taeyang"]\n', "").replace(
        'person = "kang-bora"', 'person = "Kang Bo-ra"'
    )
    result = run("data", "check", str(write_dataset(text, "mine.toml")), "--json")
    report = json.loads(result.stdout)
    assert report["as_layer"] is False
    # the name is the credit's one reference, said as such: nothing is left unchecked
    assert report["unchecked"] == 0
    assert [p.partition(": ")[2] for p in report["problems"]] == [
        "shows[harbour-lights].cast[0].person: 'Kang Bo-ra' is a name; the id of Kang Bo-ra "
        "(강보라) is kang-bora"
    ]


UNDER_A_TITLE = "Each goes under the [[shows]] entry of its title"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("[[show]]", "Did you mean [[shows]]?"),
        ("[[person]]", "Did you mean [[people]]?"),
        ("[[peoples]]", "Did you mean [[people]]?"),
        ("[[source_work]]", "Did you mean [[source_works]]?"),
        ("[[source-works]]", "Did you mean [[source_works]]?"),
        ("[[citation]]", "Did you mean [[citations]]?"),
        ("[[stat]]", "Did you mean [[stats]]?"),
        ("[metta]", "Did you mean [meta]?"),
        # a title's own table written without its title
        ("[[season]]", f"Did you mean [[shows.seasons]]? {UNDER_A_TITLE}"),
        ("[[cast]]", f"Did you mean [[shows.cast]]? {UNDER_A_TITLE}"),
        ("[[fact]]", f"Did you mean [[shows.facts]]? {UNDER_A_TITLE}"),
    ],
)
def test_a_misspelt_top_level_table_is_told_the_header_to_write(
    run: Run, write_dataset: WriteDataset, written: str, meant: str
) -> None:
    """[[show]] was told "Did you mean shows?", a key, where what to write is a header:
    [[shows]], [meta], and a title's cast [[shows.cast]], not [[cast]]."""
    name = written.strip("[]")
    problems = _problems(run, BASE + f"\n{written}\nx = 1\n", write_dataset)
    assert problems == [f"{name}: unknown top-level key. {meant}"]


def test_an_unknown_top_level_table_lists_the_headers_a_file_has(
    run: Run, write_dataset: WriteDataset
) -> None:
    assert _problems(run, BASE + "\n[[episodes]]\nx = 1\n", write_dataset) == [
        "episodes: unknown top-level key (expected one of: [meta], [[citations]], [[people]],"
        " [[source_works]], [[shows]], [[stats]])"
    ]


@pytest.mark.parametrize("table", ["seasons", "cast", "stats", "facts"])
def test_a_title_s_table_written_once_is_told_its_whole_header(
    run: Run, write_dataset: WriteDataset, table: str
) -> None:
    """[shows.cast], a single table, was told to write [[cast]], which is a table of its own at
    the top of the file: it is told [[shows.cast]], the header it means."""
    text = f'[[shows]]\nslug = "solo"\ntitle = "Solo"\n\n[shows.{table}]\nx = 1\n'
    problems = _problems(run, text, write_dataset)
    assert (
        f"shows[solo].{table}: written [shows.{table}]: each entry is an array table,"
        f" [[shows.{table}]]"
    ) in problems, problems


def test_a_title_s_table_written_once_for_each_entry_is_told_its_array_header(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Two credits each under [shows.cast] do not parse (a table given twice), and were told
    to "keep one [shows.cast] with all of its keys", which would make them one credit: each
    is an entry of an array table, [[shows.cast]]. A table that is one table ([meta]) is still
    told to keep one."""
    text = '[[shows]]\nslug = "solo"\n\n[shows.cast]\nperson = "a"\n\n[shows.cast]\nperson = "b"\n'
    path = write_dataset(text)
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {path}:7:12: [shows.cast] is given twice: each entry is an array"
        " table, [[shows.cast]]"
    ]
    meta = write_dataset("[meta]\nschema = 1\n\n[meta]\nnote = 1\n", "meta.toml")
    assert f"{meta}:4:6: [meta] is given twice: keep one [meta] with all of its keys" in (
        run("data", "check", str(meta)).stderr
    )

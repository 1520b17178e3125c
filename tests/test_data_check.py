"""`kdrama data check` and the validator: one test per kind of problem, each with its location."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kdrama_cli.answers.layers import NEW_PERSON
from tests.conftest import (
    FIXTURES,
    KDRAMA,
    MINI,
    REPO,
    SHIPPED,
    Run,
    as_json,
    at_entry,
    json_error,
    kdrama_on,
)


def entry_at(path: Path, table: str, key: str, identity: str) -> str:
    """``PATH:LINE`` of the ``[[table]]`` header of the entry whose ``key`` is ``identity``: where
    an "already defined" error says to copy it from."""
    header = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() == f"[[{table}]]":
            header = number
        elif line.strip() == f'{key} = "{identity}"' and header:
            return f"{path}:{header}"
    raise AssertionError(f"no {table}[{identity}] in {path}")


WriteDataset = Callable[[str], Path]
BASE = MINI.read_text(encoding="utf-8")


def test_check_reports_counts(run: Run) -> None:
    data = as_json(run("data", "check", "--json"))
    assert data["ok"] is True
    assert data["problems"] == []
    assert data["counts"] == {
        "shows": 3,
        "people": 5,
        "credits": 6,
        "source_works": 1,
        "stats": 4,
        "facts": 3,
        "citations": 3,
        "titles": 3,
        "figures": 4,
    }
    table = run("data", "check").output
    assert "Dataset OK" in table and "source works" in table
    # The paths at the end are the files read, and the page says so (ux-review9, COULD 5).
    read = table.split("Files read, in order:\n", 1)[1].splitlines()
    assert read and all(line.endswith(".toml") for line in read)


def _check(run: Run, path: Path) -> tuple[int, list[str]]:
    result = run("data", "check", str(path), "--json")
    import json

    return result.exit_code, json.loads(result.stdout)["problems"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'genres = ["thriller"]',
            'genres = ["thriller"]\nrating = 5',
            "shows[river-of-lanterns].rating: unknown key",
        ),
        (
            "episodes = 9",
            'episodes = "nine"',
            "shows[river-of-lanterns].seasons[0].episodes: expected an integer, got a string",
        ),
        (
            'synopsis = "A ferry pilot uncovers a smuggling ring."\n',
            "",
            "shows[river-of-lanterns].synopsis: missing required field",
        ),
        (
            'slug = "night-train"',
            'slug = "river-of-lanterns"',
            "shows[2].slug: duplicate slug 'river-of-lanterns' (first at shows[1], line 154)",
        ),
        (
            'person = "seo-minho"\ncharacter = "Conductor"',
            'person = "nobody"\ncharacter = "Conductor"',
            "shows[night-train].cast[0].person: unknown person 'nobody'",
        ),
        (
            'writers = ["yoon-gaeul"]\nartists',
            'story_by = ["nobody"]\nwriters = ["yoon-gaeul"]\nartists',
            "source_works[the-lantern-room].story_by: unknown person 'nobody'",
        ),
        (
            "seasons = [1]\n\n[[shows.stats]]",
            "seasons = [4]\n\n[[shows.stats]]",
            "shows[moonlit-hallway].cast[2].seasons: season 4 does not exist",
        ),
        (
            "release_date = 2016-07-20",
            'release_date = "2016-07-20"',
            "shows[night-train].release_date: expected an unquoted TOML date",
        ),
        # walk33 #9: a number or a boolean in quotes is told to drop them, as a date is
        (
            "episodes = 9",
            'episodes = "9"',
            "seasons[0].episodes: expected an integer, got a string; write it without quotes:"
            " episodes = 9",
        ),
        (
            "spoiler = true",
            'spoiler = "true"',
            "facts[1].spoiler: expected true or false, got a string; write it without quotes:"
            " spoiler = true",
        ),
        (
            "value = 91",
            'value = "91.5"',
            "stats[2].value: expected a number, got a string; write it without quotes:"
            " value = 91.5",
        ),
        (
            "seasons = [1, 2]",
            'seasons = ["1", 2]',
            "seasons: its 1st item: expected an integer, got a string; write them without quotes:"
            " seasons = [1, 2]",
        ),
        (
            'korean_title = "밤기차"',
            'korean_title = "Bamgicha"',
            "shows[night-train].korean_title: expected Korean text with Hangul",
        ),
        (
            'sources = ["test-webtoon"]',
            'sources = ["no-such-citation"]',
            "source_works[the-lantern-room].sources: unknown citation 'no-such-citation'",
        ),
        (
            'window = "first-3-days"',
            'window = "first three days"',
            "shows[moonlit-hallway].stats[0].window: unknown window",
        ),
        (
            "value = 91",
            "value = -91",
            "shows[moonlit-hallway].stats[2].value: expected a positive number",
        ),
        ('kind = "film"', 'kind = "movie"', "shows[night-train].kind: expected one of series"),
        (  # one item written bare: the message shows the list to write
            'genres = ["thriller"]',
            'genres = "thriller"',
            'genres: expected a list, got a string; write it in brackets: ["thriller"]',
        ),
        ("end_year = 2012", "end_year = 2008", "source_works[the-lantern-room].end_year: ends"),
        (
            'title = "The Lantern Room"',
            'title = "The Lantern Room"\ntitle_note = 5',
            "source_works[the-lantern-room].title_note: expected a string, got an integer",
        ),
        (
            "episodes = 12\n",
            "",
            "shows[moonlit-hallway].seasons[0].episodes: a released season needs its episode count",
        ),
        (
            "episodes = 12\n",
            'episodes = 12\nepisodes_unknown = "no source"\n',
            "seasons[0].episodes_unknown: given together with episodes",
        ),
        (
            "release_date = 2022-01-28\n",
            "",
            "shows[moonlit-hallway].seasons[0].release_date: a released season needs its release "
            "date (or release_date_unknown",
        ),
        (
            "release_date = 2022-01-28\n",
            'release_date = 2022-01-28\nrelease_date_unknown = "no source"\n',
            "seasons[0].release_date_unknown: given together with release_date",
        ),
        (
            'status = "renewed"\n',
            'status = "renewed"\nrelease_date_unknown = "no source"\n',
            "seasons[1].release_date_unknown: only a released or airing season of a researched",
        ),
        (
            'status = "renewed"\n',
            'status = "renewed"\nepisodes_unknown = "no source"\n',
            "seasons[1].episodes_unknown: only a released season of a researched entry",
        ),
        (
            'status = "renewed"\nstatus_date = 2022-06-06\n',
            'status = "airing"\n',
            "seasons[1].release_date: an airing season needs its release date",
        ),
        (
            'genres = ["thriller"]',
            'genres = ["thriller"]\nsynopsys = "x"',
            "shows[river-of-lanterns].synopsys: unknown key. Did you mean synopsis?",
        ),
        (
            "release_date = 2016-07-20",
            "release_date = 1800-07-20",
            "shows[night-train].release_date: 1800-07-20 is before 1900-01-01",
        ),
        (
            "date = 2022-06-06",
            "date = 2999-06-06",
            ".date: 2999-06-06 is after 2100-12-31",
        ),
        (
            'status = "renewed"\n',
            'status = "renewed"\nrelease_window = "2026-Q5"\n',
            "seasons[1].release_window: '2026-Q5' is not a release window (2026, 2026-Q2,",
        ),
        (
            'status = "renewed"\n',
            'status = "renewed"\nrelease_window = "summer 2026"\n',
            "seasons[1].release_window: 'summer 2026' is not a release window",
        ),
        (
            'status = "renewed"\n',
            'status = "renewed"\nrelease_window = "2026-Q2"\nrelease_date = 2026-05-01\n',
            "seasons[1].release_window: only a season not out and not dated has a release window",
        ),
    ],
)
def test_each_kind_of_problem_is_reported_with_its_location(
    run: Run, write_dataset: WriteDataset, old: str, new: str, expected: str
) -> None:
    assert old in BASE, old
    code, problems = _check(run, write_dataset(BASE.replace(old, new, 1)))
    assert code == 1
    assert any(expected in p for p in problems), problems


def test_a_quoted_value_the_field_refuses_unquoted_too_is_not_offered_unquoted(
    run: Run, write_dataset: WriteDataset
) -> None:
    """walk33 #9: "write it without quotes" is said only of what would then pass: episodes =
    "0" is no count, and "nine" no number at all."""
    for quoted in ('"0"', '"nine"'):
        code, problems = _check(
            run, write_dataset(BASE.replace("episodes = 9", f"episodes = {quoted}"))
        )
        assert code == 1
        assert [p.partition(": ")[2] for p in problems] == [
            "shows[river-of-lanterns].seasons[0].episodes: expected an integer, got a string"
        ]


#: More digits than int() reads (4,300) and than a field's value can have.
HUGE = "9" * 4400


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "episodes = 9",
            f'episodes = "{HUGE}"',
            "shows[river-of-lanterns].seasons[0].episodes: expected an integer, got a string",
        ),
        (
            "value = 91",
            f'value = "{HUGE}"',
            "shows[moonlit-hallway].stats[2].value: expected a number, got a string",
        ),
        (
            "value = 91",
            f'value = "{HUGE}.5"',
            "shows[moonlit-hallway].stats[2].value: expected a number, got a string",
        ),
        (
            "seasons = [1, 2]",
            f'seasons = ["{HUGE}", 2]',
            "shows[moonlit-hallway].cast[0].seasons: its 1st item: expected an integer, got a"
            " string",
        ),
    ],
)
def test_a_quoted_number_of_thousands_of_digits_is_the_ordinary_error(
    run: Run, write_dataset: WriteDataset, old: str, new: str, expected: str
) -> None:
    """review33 #1: a number in quotes too long for int() is told as any string is, exit 1,
    with no "write it without quotes" (no field takes it), not an internal error (exit 70)."""
    assert old in BASE, old
    result = run("data", "check", str(write_dataset(BASE.replace(old, new, 1))))
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert [line.partition(": error: ")[2].partition(": ")[2] for line in errors] == [expected]


def test_a_release_window_of_thousands_of_digits_is_the_ordinary_error(
    run: Run, write_dataset: WriteDataset
) -> None:
    """review33 #1: the window a malformed one means is not looked for in a month of 4,400
    digits (int() refuses it): the window is refused as any other, exit 1."""
    text = BASE.replace(
        'status = "renewed"\n', f'status = "renewed"\nrelease_window = "2026 {HUGE}"\n'
    )
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    (problem,) = problems
    assert "seasons[1].release_window: '2026 9999" in problem
    assert problem.endswith(
        "is not a release window (2026, 2026-Q2, 2026-H1, 2026-07 or 2026-summer)"
    )


@pytest.mark.parametrize("kind", ["film", "special"])
def test_a_credit_of_a_title_without_seasons_names_none(
    run: Run, write_dataset: WriteDataset, kind: str
) -> None:
    """A film's credit covers no season ("a film's is empty", docs/output.md): one that names
    season 4 is an error where it is, not a credit that --json then gives as season 4 of a film
    (ux-review14, MUST 1)."""
    credit = 'person = "seo-minho"\ncharacter = "Conductor"\nrole = "main"\n'
    assert credit in BASE
    text = BASE.replace(credit, credit + "seasons = [4]\n", 1)
    text = text.replace('slug = "night-train"', f'slug = "night-train"\nkind = "{kind}"', 1)
    text = text.replace('korean_title = "밤기차"\nkind = "film"\n', 'korean_title = "밤기차"\n', 1)
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    assert [p.partition(": ")[2] for p in problems] == [
        f"shows[night-train].cast[0].seasons: a {kind} has no seasons; leave seasons out"
    ], problems


def test_warnings_of_entries_without_errors_come_with_the_errors(
    run: Run, write_dataset: WriteDataset
) -> None:
    """An error in one title does not hide the warnings of the entries that validated (a
    citation's tracking parameter): one run reports both, errors first. The title with the
    error is not judged (its capitalised genre waits for its error to be fixed), nor is what
    only it uses (a citation no other entry cites is not "never used") (ux-review14, SHOULD 1).
    """
    text = (
        BASE.replace(
            "https://example.org/press/moonlit", "https://example.org/press/moonlit?utm_source=x"
        )
        .replace('platform = "Example Pictures"', "platform = 3", 1)
        .replace('genres = ["action"]', 'genres = ["Action"]', 1)
        .replace(
            'runtime_minutes = 118\nsources = ["test-chart"]',
            'runtime_minutes = 118\nsources = ["test-chart", "only-here"]',
            1,
        )
        + '\n[[citations]]\nid = "only-here"\nurl = "https://example.org/only"\ntitle = "Only"\n'
        'publisher = "Example Press"\n'
    )
    assert text.count("only-here") == 2  # cited by night-train alone
    path = write_dataset(text)
    problem = f"{path}:196: shows[night-train].platform: expected a string, got an integer"
    warning = (
        f"{entry_at(path, 'citations', 'id', 'test-press')}: citations[test-press].url: carries"
        " tracking parameters (utm_source)"
    )
    for strict in ([], ["--strict"]):
        result = run("data", "check", str(path), *strict, "--json")
        report = json.loads(result.stdout)
        assert (result.exit_code, report["ok"]) == (1, False)
        assert report["problems"] == [problem], report["problems"]
        assert [w.partition(";")[0] for w in report["warnings"]] == [warning], report["warnings"]
    lines = run("data", "check", str(path)).stderr.splitlines()
    assert [line.partition(";")[0] for line in lines] == [
        f"kdrama: error: {problem}",
        f"kdrama: warning: {warning}",
        "kdrama: note: the warning above is about entries without errors",
    ], lines


def test_a_warning_beside_a_reference_error_names_its_figure_where_it_is(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Beside a figure for a title no file defines (an error once every entry validated), the
    next figure's warning still comes, at its own position in its file."""
    figure = (
        '\n[[stats]]\nshow = "{show}"\nmetric = "hours-viewed"\nvalue = 1000\nunit = "hours"\n'
        'window = "first-28-days"\nas_of = {as_of}\nsources = ["test-chart"]\n'
    )
    text = (
        BASE
        + figure.format(show="no-such-title", as_of="2022-01-01")
        + figure.format(show="night-train", as_of="2099-01-01")
    )
    path = write_dataset(text)
    result = run("data", "check", str(path), "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["problems"] == [f"{path}:215: stats[0].show: unknown show 'no-such-title'"]
    assert report["warnings"] == [  # at the second figure's [[stats]] header
        f"{path}:224: stats[1].as_of: night-train's hours-viewed figure (first-28-days) is as of "
        "2099-01-01, in the future"
    ]
    assert text.splitlines()[223] == "[[stats]]"


def test_a_mistyped_status_is_one_problem_not_two(run: Run, write_dataset: WriteDataset) -> None:
    """A season's mistyped status is reported as such, and not also as a season not out that
    lacks its as_of date: a released season needs none (ux-review13, SHOULD 1)."""
    code, problems = _check(
        run, write_dataset(BASE.replace('status = "released"', 'status = "relesed"', 1))
    )
    assert code == 1
    about_it = [p.partition("shows.toml:82: ")[2] for p in problems if "seasons[0]" in p]
    assert len(about_it) == 1, problems
    assert about_it[0].startswith(
        "shows[moonlit-hallway].seasons[0].status: expected one of released, airing, renewed, "
        "announced, in-production, cancelled; got 'relesed'"
    ), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'kind = "film"',
            'kind = "flim"',
            "shows[night-train].kind: expected one of series, film, reality, documentary, "
            "special, unknown; got 'flim'. Did you mean film?",
        ),
        (
            'role = "main"',
            'role = "mian"',
            "cast[0].role: expected one of main, supporting, special, host, judge; got 'mian'. "
            "Did you mean main?",
        ),
        (
            'status = "renewed"',
            'status = "Renewed"',
            "seasons[1].status: expected one of released, airing, renewed, announced, "
            "in-production, cancelled; got 'Renewed'. Did you mean renewed?",
        ),
        # the words fans (and the README) use, and the start of the one value meant
        (
            'role = "supporting"',
            'role = "cameo"',
            "role: expected one of main, supporting, special, host, judge; got 'cameo'. "
            "Did you mean special?",
        ),
        (
            'kind = "film"',
            'kind = "movie"',
            "kind: expected one of series, film, reality, documentary, special, unknown; got "
            "'movie'. Did you mean film?",
        ),
        (
            'kind = "series"',
            'kind = "Variety Show"',
            "got 'Variety Show'. Did you mean reality?",
        ),
        (
            'metric = "hours-viewed"',
            'metric = "hours"',
            "got 'hours'. Did you mean hours-viewed?",
        ),
        # a window as the pages print it
        (
            'window = "first-3-days"',
            'window = "first 3 days"',
            "'first 3 days': write it first-3-days",
        ),
        (
            'window = "first-3-days"',
            'window = "first 0 days"',
            "'first 0 days': N in first-N-days is a whole number of days from 1 to 9999",
        ),
        # 'web' begins webtoon and web-novel alike: no one value is meant, so none is named
        ('kind = "webtoon"', 'kind = "web"', "got 'web'"),
    ],
)
def test_a_mistyped_choice_names_the_nearest(
    run: Run, write_dataset: WriteDataset, old: str, new: str, expected: str
) -> None:
    """A misspelt value of a fixed set (a kind, role or status) gets the value meant, as a
    misspelt key does, not only the list of every choice (ux-review13, SHOULD 2)."""
    assert old in BASE, old
    code, problems = _check(run, write_dataset(BASE.replace(old, new, 1)))
    assert code == 1
    assert any(p.endswith(expected) for p in problems), problems


def test_a_released_season_may_say_why_its_episode_count_is_unknown(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE.replace("episodes = 12\n", 'episodes_unknown = "no source states it"\n', 1)
    code, problems = _check(run, write_dataset(text))
    assert (code, problems) == (0, [])


def test_every_problem_is_reported_not_just_the_first(
    run: Run, write_dataset: WriteDataset
) -> None:
    broken = BASE.replace("episodes = 12", "episodes = 0").replace(
        'platform = "Example Pictures"', "platform = 3"
    )
    code, problems = _check(run, write_dataset(broken))
    assert code == 1
    assert len(problems) == 2
    assert any("seasons[0].episodes: must be at least 1" in p for p in problems)
    assert any("shows[night-train].platform: expected a string" in p for p in problems)


def test_problems_go_to_stderr_one_line_each(run: Run, write_dataset: WriteDataset) -> None:
    path = write_dataset(
        BASE.replace("episodes = 12", "episodes = 0").replace("episodes = 9", "episodes = -1")
    )
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("kdrama: error: ") and str(path) in line for line in lines)
    assert result.stdout == ""


def test_toml_syntax_error_has_line_and_column(run: Run, write_dataset: WriteDataset) -> None:
    path = write_dataset('[meta]\nschema = 1\ntitle = "unclosed\n')
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f"{path}:3:" in result.stderr


_META = "[meta]\nschema = 1\n\n[[citations]]\n"
_KOREAN = '[meta]\nschema = 1\n\n[[people]]\nid = "kim"\nname = "Kim"\nhangul = "김철수"\n'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            _META + 'id = "a-page\ntitle = "A page"\n',
            ':5:13: a string is not closed: add the closing quote (") before the end of its line',
        ),
        (
            _META + "date = 2024-3-1\n",
            ":5:12: dates are YYYY-MM-DD, with a two-digit month and day (2024-03-01), unquoted",
        ),
        (
            _META + 'title = "A"\ntitle = "B"\n',
            ":6:12: title is given twice in this table: give each key once per entry",
        ),
        (
            _META + "url = https://example.com/a\n",
            ':5:7: text needs quotes (url = "https://example.com/a"); a value is quoted text,',
        ),
        (  # the line's own key, quoted, as the example: not a url's whatever the key
            _META + "title = Foo Bar\n",
            ':5:9: text needs quotes (title = "Foo Bar"); a value is quoted text, a number,',
        ),
        (  # but only plain words: quoted, a backslash would be an escape
            _META + "note = C:\\Users\\me\n",
            ':5:8: text needs quotes (url = "https://…"); a value is quoted text, a number,',
        ),
        (  # a list wants its items quoted, not the whole
            _META + "genres = [drama, romance]\n",
            ':5:11: text needs quotes (url = "https://…"); a value is quoted text, a number,',
        ),
        (
            _META + 'genres = ["a" "b"]\n',
            ':5:15: a list is not closed, or a comma is missing between its items: ["a", "b"]',
        ),
        # What the parser meets only at the end of the file is placed where it opens, as
        # PATH:LINE:COL like every other syntax error (the line was in the words, and no
        # column at all).
        (
            _META + 'genres = [\n  "drama",\n',
            ":5:10: the list that opens here is not closed before the end of the file: close it",
        ),
        (
            _META + "title = 'A page\nurl = 1\n",
            ":5:9: the string that opens here is not closed: add its closing quote (') before",
        ),
        (
            _META + "publisher = {name = 'A'\n",
            ":5:13: the inline table that opens here is not closed before the end of the file",
        ),
        (
            _META + 'title = """A page\nurl = 1\n',
            ":5:9: the string that opens here is not closed before the end of the file: add its",
        ),
        (_META + "title =", ":5:8: a key has no value after ="),  # no line end: the end itself
        (
            _META + "date = 2024-13-01\n",
            ":5:12: not a real date: dates are YYYY-MM-DD, with a month from 01 to 12 and a day",
        ),
        # The parser's own words, kept until now: "Invalid statement", "Illegal character",
        # "Expected ']]'", and "something follows" for a slip inside the value.
        ('{"shows": []}\n', ":1:1: this reads as JSON: kdrama reads TOML (key = value lines,"),
        ("<svg>\n", ":1:1: this reads as HTML or XML: kdrama reads TOML (key = value lines)"),
        ("// my layer\n", ":1:1: a comment starts with #, not //"),
        ("; my layer\n", ":1:1: a comment starts with #, not ;"),
        ("= 1\n", ":1:1: a key is missing before =: key = value"),
        ("[[shows]\n", ":1:8: a [[table]] header is not closed: end it with two brackets"),
        ("[meta\n", ":1:6: a [table] header is not closed: end it with a bracket ([meta])"),
        (  # the parser reads the table given twice, not the bracket left out
            _META + '[meta\nid = "a"\n',
            ":5:6: a [table] header is not closed: end it with a bracket ([meta])",
        ),
        (
            _META + 'title = "A\x07"\n',
            ":5:11: a control character (U+0007) is not allowed here: take it out (in a quoted",
        ),
        (
            _META + "title = 'It's mine'\n",
            ":5:13: an apostrophe ends a '…' string: write the text in double quotes",
        ),
        (
            _META + 'title = "He said "hi""\n',
            ':5:19: a " inside a "…" string ends it: write it \\" ("He said \\"hi\\"")',
        ),
        (_META + "rank = 1,000\n", ":5:9: a number is written without commas: 1000 (or 1_000)"),
        (_META + "rank = 07\n", ":5:9: a number has no leading zero: 7, not 07"),
        (_META + "rank = 1 2\n", ":5:10: something follows the value on this line: give one"),
        (
            _META + "override = True\n",
            ":5:12: true and false are written in lower case: override = true",
        ),
        (_META + "genres = [1,, 2]\n", ":5:13: a list has an empty item: one comma between"),
        # where the parser stopped is read, not words of the line that look alike
        (_META + "title = True Beauty\n", ':5:9: text needs quotes (title = "True Beauty"); a'),
        (_META + 'aliases = ["Now, , then", Foo]\n', ":5:27: text needs quotes (url ="),
        (_KOREAN.encode("euc-kr"), ":7: not UTF-8: the file looks like EUC-KR (CP949): save it"),
        (
            _KOREAN.encode("utf-16"),
            ':1: not UTF-8: the file is saved as UTF-16 (Notepad\'s "Unicode"): save it as UTF-8',
        ),
        # The line and the column (as the location, not again in the words), the byte itself
        # and the letter it is in Windows-1252, not the byte's offset in the file (187).
        (
            (_META + 'title = "Zoé"\n').encode("latin-1"),
            ":5:12: not valid UTF-8: byte 0xE9 (é in Windows-1252): save the file as UTF-8",
        ),
        # Columns are characters, as an editor counts them; the byte-order mark is none.
        (
            "\ufeff# 김 ".encode() + b"\xe9\n",
            ":1:5: not valid UTF-8: byte 0xE9 (é in Windows-1252): save the file as UTF-8",
        ),
        # A few bytes with no NUL among them are not UTF-16, however short the file.
        (
            b"\xef\xbb\xbfa\xe9",
            ":1:2: not valid UTF-8: byte 0xE9 (é in Windows-1252): save the file as UTF-8",
        ),
    ],
    ids=[
        "open-string",
        "short-date",
        "key-twice",
        "unquoted",
        "unquoted-title",
        "unquoted-backslash",
        "unquoted-list",
        "no-comma",
        "open-list-at-end",
        "open-literal-string",
        "open-inline-table-at-end",
        "open-multiline-string-at-end",
        "no-value-at-end",
        "month-13",
        "json",
        "markup",
        "slash-comment",
        "semicolon-comment",
        "no-key",
        "open-array-header",
        "open-table-header",
        "open-header-of-a-table-above",
        "control-character",
        "apostrophe",
        "inner-quote",
        "thousands",
        "leading-zero",
        "two-values",
        "capital-true",
        "empty-item",
        "title-starting-true",
        "comma-in-a-string",
        "euc-kr",
        "utf-16",
        "latin-1",
        "column-in-characters",
        "short-latin-1",
    ],
)
def test_common_syntax_mistakes_say_what_to_do(
    run: Run, tmp_path: Path, content: str | bytes, expected: str
) -> None:
    """The parser's words ("Illegal character '\\n'", "Cannot overwrite a value", a byte
    offset) become what is wrong and how to write it, at the same line and column."""
    path = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f"kdrama: error: {path}{expected}" in result.stderr, result.stderr


_SEASON = "[[shows]]\n[[shows.seasons]]\n"
_FACT = "[[shows]]\n[[shows.facts]]\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # A key the schema knows is told how its type is written, not to quote the value
        # (spoiler = "yes" was then refused as "expected true or false, got a string").
        (
            _FACT + "spoiler = yes\n",
            ":3:11: spoiler is true or false, without quotes: spoiler = true",
        ),
        (
            _FACT + "spoiler = no\n",
            ":3:11: spoiler is true or false, without quotes: spoiler = false",
        ),
        (
            _SEASON + "episodes = twelve\n",
            ":3:12: episodes is a number, without quotes: episodes = 12",
        ),
        (
            _SEASON + "episodes = 12 eps\n",
            ":3:15: episodes is a number, without quotes: episodes = 12",
        ),
        (
            "[[shows]]\n[[shows.cast]]\nseasons = [1, two]\n",
            ":3:15: seasons is a list of numbers: seasons = [1, 2]",
        ),
        (
            "[[shows]]\ngenres = [drama, romance]\n",
            ':2:11: genres is a list of quoted text: genres = ["drama", "romance"]',
        ),
        # A date in another common form, unquoted, is given back as YYYY-MM-DD: "something
        # follows the value" and "7, not 07" said nothing of dates.
        (
            _SEASON + "release_date = 01/01/2024\n",
            ":3:17: dates are written YYYY-MM-DD, without quotes: release_date = 2024-01-01",
        ),
        (
            _SEASON + "release_date = 2025/03/14\n",
            ":3:20: dates are written YYYY-MM-DD, without quotes: release_date = 2025-03-14",
        ),
        (
            _SEASON + "release_date = 14.03.2025\n",
            ":3:21: dates are written YYYY-MM-DD, without quotes: release_date = 2025-03-14",
        ),
        (
            _SEASON + "release_date = 12/25/2024\n",
            ":3:18: dates are written YYYY-MM-DD, without quotes: release_date = 2024-12-25",
        ),
        (  # above any header: the key's name alone says it is a date
            "release_date = 12/25/2024\n",
            ":1:18: dates are written YYYY-MM-DD, without quotes: release_date = 2024-12-25",
        ),
        (  # day and month could be either way round: both readings
            _SEASON + "release_date = 03/04/2024\n",
            ":3:17: dates are written YYYY-MM-DD, without quotes: release_date = 2024-03-04 or"
            " release_date = 2024-04-03 (which is the month?)",
        ),
        (
            _SEASON + "release_date = March 14, 2024\n",
            ":3:16: dates are written YYYY-MM-DD, without quotes: release_date = 2024-03-01",
        ),
        # The leading zero that was typed, not a fixed "7, not 07".
        ("x = 09\n", ":1:6: a number has no leading zero: 9, not 09"),
        (_SEASON + "episodes = 007\n", ":3:13: a number has no leading zero: 7, not 007"),
        # A key the schema does not know there keeps the quoting hint (the seen file's too).
        ("[seen]\nfoo = yes\n", ':2:7: text needs quotes (foo = "yes")'),
        # A header with a key after it on its line, as prose shorthand writes it.
        (
            '[meta] include = ["parts/a.toml"]\n',
            ":1:8: a table header goes on a line of its own: [meta] on this line, then"
            ' include = ["parts/a.toml"] on the next',
        ),
        # Another format given for TOML, as JSON already was.
        ("slug,title\nfoo,Foo\n", ":1:5: this reads as CSV (columns of a spreadsheet): kdrama"),
        ("shows:\n  - slug: foo\n", ":1:6: this reads as YAML: kdrama reads TOML (key = value"),
        ("---\nslug: foo\n", ":1:4: this reads as YAML: kdrama reads TOML (key = value"),
        (
            '[[shows]]\ntitle: "Foo"\n',
            ':2:6: a key and its value are joined by =, not a colon: title = "Foo"',
        ),
    ],
    ids=[
        "bool-yes",
        "bool-no",
        "int-word",
        "int-with-unit",
        "int-list",
        "text-list",
        "date-day-first",
        "date-slashes",
        "date-dots",
        "date-us",
        "date-key-above-headers",
        "date-either-way",
        "date-in-words",
        "leading-zero-typed",
        "leading-zeros-typed",
        "seen-key",
        "header-and-key",
        "csv",
        "yaml",
        "yaml-document",
        "colon",
    ],
)
def test_a_syntax_hint_fits_the_key_and_what_was_typed(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    """Where the schema knows the key, the hint is its type's (true or false, a number, a
    date), with what was typed read into the example, so one edit mends it."""
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f"kdrama: error: {path}{expected}" in " ".join(result.stderr.split()), result.stderr


def test_a_misspelt_table_header_is_told_to_rename_the_header(run: Run, tmp_path: Path) -> None:
    """[[shows.season]] was "season: unknown key. Did you mean seasons?", when what the user
    wrote, and must rename, is a table header, not a key."""
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[shows]]\nslug = "x"\n[[shows.season]]\nnumber = 1\n[shows.fact]\ntext = "a"\n',
        encoding="utf-8",
    )
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    said = result.stderr.splitlines()
    assert (
        f"kdrama: error: {path}:1: shows[x].season: unknown table: the header [[shows.season]]"
        " should read [[shows.seasons]]"
    ) in said
    assert (
        f"kdrama: error: {path}:1: shows[x].fact: unknown table: the header [shows.fact] should"
        " read [[shows.facts]]"
    ) in said


def test_an_empty_file_refused_as_a_base_says_it_loads_as_a_layer(run: Run, tmp_path: Path) -> None:
    """A layer file just started is empty, and `data check` of it read as a base said only
    "file is empty": the note says --add-data loads it and --layer checks it as that."""
    path = tmp_path / "mine.toml"
    path.write_text("", encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {path}: file is empty",
        "kdrama: note: a base dataset needs entries, but an empty layer (an --add-data file)"
        f" loads: kdrama --data {MINI} data check {path} --layer checks it as one",
    ]
    assert run("data", "check", str(path), "--layer").exit_code == 0


def test_missing_file(run: Run, tmp_path: Path) -> None:
    result = run("data", "check", str(tmp_path / "nope.toml"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_a_path_with_an_unexpanded_tilde_is_told_the_shell_did_not_expand_it(run: Run) -> None:
    """--add-data=~/x reaches us as written (a shell expands ~ only at an unquoted word's start):
    "no such file" alone would leave the user looking for a file that is there."""
    for args in (["--add-data=~/kdrama-no-such-layer.toml"], ["--data", "~/kdrama-no-such.toml"]):
        result = run(*args, "show", "squid-game")
        assert result.exit_code == 1
        assert "no such file: ~ was not made your home folder" in result.stderr
        assert "give the path in full" in " ".join(result.stderr.split())
        assert "Traceback" not in result.stderr


def test_a_link_to_a_file_that_is_gone_names_where_it_points(run: Run, tmp_path: Path) -> None:
    """`ls` lists the name, so "no such file" alone contradicted what the user sees."""
    link = tmp_path / "layer.toml"
    link.symlink_to(tmp_path / "moved-away.toml")
    result = run("--add-data", str(link), "show", "squid-game")
    assert result.exit_code == 1
    assert (
        f"{link}: no such file: it is a link to {tmp_path / 'moved-away.toml'}, which is not there"
    ) in " ".join(result.stderr.split())


def test_links_in_a_circle_are_named_in_order_with_what_to_do(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    """Two links pointing at each other got the C library's "too many levels of symbolic
    links", naming neither link nor a fix; given directly, included, or a link to itself."""
    first, second, alone = tmp_path / "loop1.toml", tmp_path / "loop2.toml", tmp_path / "me.toml"
    first.symlink_to("loop2.toml")
    second.symlink_to("loop1.toml")
    alone.symlink_to("me.toml")
    fix = "point a link at the dataset file, or give the file's own path"
    result = run("--add-data", str(first), "show", "night-train")
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {first}: no file is there: symbolic links in a circle (loop1.toml ->"
        f" loop2.toml -> loop1.toml); {fix}\n"
    )
    layer = write_dataset('[meta]\ninclude = ["loop2.toml"]\n', "layer.toml")
    included = run("--add-data", str(layer), "show", "night-train")
    assert (
        f"kdrama: error: {layer}:2: meta.include[0]: {second}: no file is there: symbolic links in"
        f" a circle (loop2.toml -> loop1.toml -> loop2.toml); {fix}"
    ) in included.stderr.splitlines()
    checked = run("data", "check", str(alone))
    assert f"{alone}: no file is there: symbolic links in a circle (me.toml -> me.toml)" in (
        checked.stderr
    )


def test_a_file_an_include_names_that_is_no_toml_says_which_include_brought_it(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    """A text file or a picture listed in [meta] include by mistake got a syntax error at its
    own line ("notes.txt:1:4: expected key = value"), which did not say why kdrama read it; a
    folder or a missing file there was already reported at the including entry."""
    (tmp_path / "notes.txt").write_text("my notes on the layer\n", encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    layer = write_dataset('[meta]\ninclude = ["notes.txt", "pic.png"]\n', "layer.toml")
    for args in (["--add-data", str(layer), "show", "night-train"], ["data", "check", str(layer)]):
        result = run(*args)
        assert result.exit_code == 1, args
        errors = result.stderr.splitlines()
        assert errors[0].startswith(f"kdrama: error: {tmp_path / 'notes.txt'}:1:"), errors
        assert errors[0].endswith(
            f" (read as a dataset file because {layer}'s meta.include[0] names it)"
        ), errors
        assert errors[1].startswith(f"kdrama: error: {tmp_path / 'pic.png'}:"), errors
        assert errors[1].endswith(f"because {layer}'s meta.include[1] names it)"), errors
    # a .toml part is plainly a dataset file: its own syntax error says no more
    (tmp_path / "part.toml").write_text("a = \n", encoding="utf-8")
    part = write_dataset('[meta]\ninclude = ["part.toml"]\n', "parts.toml")
    said = run("--add-data", str(part), "show", "night-train").stderr
    assert said.startswith(f"kdrama: error: {tmp_path / 'part.toml'}:1:") and "because" not in said


def test_an_id_thousands_of_characters_long_is_cut_in_every_problem_it_is_named_in(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A slug and a person id of 5,000 characters made every problem a 5,000-character line."""
    slug, person = "a" * 5000, "b" * 5000
    layer = write_dataset(
        f'[[shows]]\nslug = "{slug}"\ntitle = "X"\nkind = "film"\n'
        f'[[shows.cast]]\nperson = "{person}"\nrole = "main"\n',
        "long.toml",
    )
    result = run("--add-data", str(layer), "data", "check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines and all(len(line) < 400 for line in lines)
    cut = "a" * 59 + "…"
    assert f"shows[{cut}].release_date: missing required field for a film" in result.stderr
    assert f"unknown person '{'b' * 59}…'" in result.stderr
    # an address or a path, the value to mend, is never cut: only ids are
    from kdrama_cli.catalogue.problems import Problem

    address = "https://example.com/" + "x" * 200
    said = str(Problem("f.toml", "citations[c]", f"unknown citation '{address}'"))
    assert address in said


def test_a_file_without_a_schema_line_passes_as_one_without_meta_does(
    run: Run, write_dataset: WriteDataset
) -> None:
    """schema is optional: a file with no [meta] passed, so [meta] without schema passes too;
    a version this kdrama does not read is still refused."""
    assert "schema = 1\n" in BASE
    without = write_dataset(BASE.replace("schema = 1\n", "", 1))
    assert run("data", "check", str(without)).exit_code == 0
    newer = write_dataset(BASE.replace("schema = 1\n", "schema = 2\n", 1), "newer.toml")
    result = run("data", "check", str(newer))
    assert result.exit_code == 1 and "meta.schema: this file is for a newer kdrama" in result.stderr


def test_a_meta_problem_reads_file_line_at_the_meta_header(
    run: Run, write_dataset: WriteDataset
) -> None:
    """An unknown [meta] key or a schema this kdrama does not read is told at the [meta]
    header's line, as an entry's problem is at its [[table]] header's; meta written as dotted
    keys has no header to count and names the file alone, never another line."""
    assert BASE.startswith("[meta]\n") or "\n[meta]\n" in BASE
    header = BASE.split("\n").index("[meta]") + 1
    mistyped = write_dataset(BASE.replace("[meta]\n", "[meta]\ncolour = 'red'\n", 1), "m.toml")
    result = run("data", "check", str(mistyped))
    assert result.exit_code == 1
    assert f"{mistyped}:{header}: meta.colour: unknown key" in result.stderr, result.stderr
    checked = run("data", "check", str(mistyped), "--json")
    details = json.loads(checked.stdout)["problem_details"]
    assert [(d["location"], d["line"]) for d in details] == [("meta.colour", header)], details
    newer = write_dataset(BASE.replace("schema = 1\n", "schema = 2\n", 1), "newer.toml")
    said = run("data", "check", str(newer)).stderr
    assert f"{newer}:{header}: meta.schema: this file is for a newer kdrama (schema 2" in said, said
    dotted = write_dataset(
        BASE.replace("[meta]\n", "", 1).replace("schema = 1\n", "meta.schema = 1\nmeta.x = 1\n", 1),
        "dotted.toml",
    )
    said = run("data", "check", str(dotted)).stderr
    assert f"kdrama: error: {dotted}: meta.x: unknown key" in said, said
    # a table of its own inside [meta] is told at its own header, not at [meta]'s
    nested = write_dataset(BASE + "\n[meta.extra]\nx = 1\n", "n.toml")
    extra = len((BASE + "\n[meta.extra]").split("\n"))
    said = run("data", "check", str(nested)).stderr
    assert f"{nested}:{extra}: meta.extra: unknown key" in said, said


def test_an_empty_path_is_a_usage_error(run: Run) -> None:
    """--add-data "" said ": no such file", and --data "" used the shipped dataset silently."""
    for option in ("--data", "--add-data"):
        result = run(option, "", "show", "night-train")
        assert result.exit_code == 2, option
        assert f"Invalid value for '{option}': an empty path names no file" in result.stderr
    checked = run("data", "check", "")  # said ": no such file", exit 1
    assert checked.exit_code == 2
    assert "Invalid value for '[PATH]': an empty path names no file" in checked.stderr


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["upcoming", "--ics", ""], "--ics"),  # printed the table, wrote nothing, exit 0
        (["--export-svg", "", "show", "night-train"], "--export-svg"),  # the same
        (["--export-html", "", "show", "night-train"], "--export-html"),
        (["seen", "import", ""], "FILE"),  # said ": no such file"
        (["data", "netflix", ""], "PATHS..."),  # said ".: is a directory"
        (["data", "netflix", "x.csv", "--out", ""], "--out' / '-o"),
    ],
)
def test_an_empty_path_to_write_or_read_is_a_usage_error(
    run: Run, args: list[str], name: str
) -> None:
    """A file asked for with an empty path was silently not written (review 16, S6)."""
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"Invalid value for '{name}': an empty path names no file" in result.stderr


def test_a_folder_given_as_a_dataset_says_a_dataset_is_one_file(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    hint = "is a directory, not a regular file: a dataset is one .toml file, and this folder holds"
    parts = tmp_path / "parts"
    parts.mkdir()
    direct = run("--add-data", str(parts), "show", "night-train")
    assert direct.exit_code == 1 and f"{parts}: {hint}" in direct.stderr
    # A folder already in [meta] include is told to name its files, not to do what was done
    (parts / "people.toml").write_text("", "utf-8")
    (parts / "show.toml").write_text("", "utf-8")
    layer = write_dataset('[meta]\ninclude = ["parts"]\n', "layer.toml")
    included = run("--add-data", str(layer), "show", "night-train")
    assert included.exit_code == 1
    assert (
        f"{layer}:2: meta.include[0]: {parts}: is a directory: [meta] include takes files, each "
        'named by its path (include = ["parts/people.toml", "parts/show.toml"])'
    ) in included.stderr
    # and a pattern, the next thing one tries, is not expanded
    pattern = write_dataset('[meta]\ninclude = ["parts/*.toml"]\n', "pattern.toml")
    globbed = run("--add-data", str(pattern), "show", "night-train")
    assert globbed.exit_code == 1
    assert "no such file: [meta] include takes file paths, and a pattern such as * is not" in (
        globbed.stderr
    )
    # nor is ~, which a shell would have made the home folder
    home = write_dataset('[meta]\ninclude = ["~/parts/show.toml"]\n', "home.toml")
    tilde = run("--add-data", str(home), "show", "night-train")
    assert tilde.exit_code == 1
    assert (
        "no such file: [meta] include takes file paths, and ~ is not your home folder here: give"
        " the path from the including file's folder, or in full"
    ) in " ".join(tilde.stderr.split())


def test_a_misspelt_array_table_is_named_once_with_what_it_meant(
    run: Run, write_dataset: WriteDataset
) -> None:
    """[[show]] followed by its [[shows.cast]]: the typo, and then the orphaned cast named as
    such, not as "shows: expected an array of tables"."""
    assert LAYER.count("[[shows]]") == 1
    text = LAYER.replace("[[shows]]", "[[show]]", 1)
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    said = [p.split(": ", 1)[1] for p in problems]
    assert said[:2] == [
        "show: unknown top-level key. Did you mean [[shows]]?",
        "shows: [[shows.cast]] comes before any [[shows]] entry: each belongs to the"
        " [[shows]] entry above it (is that entry's name misspelt?)",
    ], said
    single = write_dataset('[citations]\nid = "a-page"\n', "single.toml")
    assert "citations: written [citations]: each entry is an array table, [[citations]]" in (
        run("data", "check", str(single)).stderr
    )


def test_a_mistyped_id_in_an_add_data_file_gets_the_nearest_ids_in_every_command(
    run: Run, write_dataset: WriteDataset
) -> None:
    """`data check PATH` offered "Did you mean"; the same file given with --add-data to any
    command (or to data check without PATH) said only "unknown person"."""
    layer = write_dataset(LAYER.replace('person = "han-ji-won"', 'person = "han-ji-wom"'))
    expected = "cast[0].person: unknown person 'han-ji-wom'. Did you mean han-ji-won?"
    for command in (["show", "night-train"], ["data", "check"]):
        result = run("--add-data", str(layer), *command)
        assert result.exit_code == 1, command
        assert expected in result.stderr, (command, result.stderr)


def test_a_layer_with_invalid_entries_also_gets_the_ids_it_names_in_every_command(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Given with --add-data, a file whose entry breaks the schema got that entry's errors only:
    the load checked no id an invalid entry names, so a user who fixed them met new errors (an
    unknown citation) on the next run. Every command now lists what `data check FILE` does."""
    text = LAYER.replace('kind = "film"', 'kind = "flim"', 1)
    text = text.replace('\nsources = ["layer-press"]', '\nsources = ["nope-press"]', 1)
    layer = write_dataset(text)
    checked = run("data", "check", str(layer))
    result = run("--add-data", str(layer), "show", "harbour-film")
    assert result.exit_code == 1 and result.stdout == ""
    for expected in ("got 'flim'. Did you mean film?", "sources: unknown citation 'nope-press'"):
        assert expected in result.stderr, result.stderr
        assert expected in checked.stderr + checked.stdout


def test_broken_dataset_given_with_data_fails_every_command_cleanly(
    write_dataset: WriteDataset,
) -> None:
    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    path = write_dataset("not toml at all = = =")
    result = CliRunner().invoke(cli, ["--data", str(path), "show", "x"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(path) in result.stderr


def test_kdrama_data_environment_variable(write_dataset: WriteDataset) -> None:
    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    path = write_dataset(BASE)
    result = CliRunner().invoke(cli, ["show", "night-train"], env={"KDRAMA_DATA": str(path)})
    assert result.exit_code == 0
    assert "Night Train" in result.output


@pytest.mark.parametrize("parallel", [False, True])
def test_parallel_validation_gives_the_same_answers(
    run: Run, write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    """Big files are validated in a forked process while models are built; same results."""
    import kdrama_cli.catalogue.loader

    if parallel:
        monkeypatch.setattr(kdrama_cli.catalogue.loader, "PARALLEL_BYTES", 0)
    good = _check(run, MINI)
    assert good == (0, [])
    shown = run("--no-cache", "show", "moonlit-hallway", "--json")
    assert shown.exit_code == 0 and "Moonlit Hallway" in shown.stdout
    broken = BASE.replace("episodes = 12", "episodes = 0").replace('kind = "film"', "kind = 3")
    code, problems = _check(run, write_dataset(broken))
    assert code == 1
    assert any("seasons[0].episodes: must be at least 1" in p for p in problems)
    assert any("shows[night-train].kind: expected a string" in p for p in problems)


def test_the_forked_validators_problems_come_back_with_every_field(
    write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forked validator sends its problems back as JSON; they were rebuilt by position
    (Problem(*p)), so an Unknown came back a list and a field added to Problem hung on its
    order. By name, each field and flag crosses as it was set."""
    from kdrama_cli.catalogue import loader
    from kdrama_cli.catalogue.problems import InvalidEntries, Problem, Unknown

    sent = [
        Problem("x.toml", "shows[a].kind", "expected a string", Unknown("person", "nobody"), 3),
        Problem("x.toml", "", "holds no entry", line=1, column=2, empty=True, new_person=True),
        Problem("y.toml", "seen.Squid Game", "is not a title's slug", key_is_title_name=True),
    ]
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(loader, "_structural_problems", lambda *args: list(sent))
    with pytest.raises(InvalidEntries) as raised:
        loader.load_dataset([write_dataset(BASE)])
    assert raised.value.problems[: len(sent)] == sent
    assert type(raised.value.problems[0].unknown) is Unknown


# --- publisher kinds: a fact may not rest on wikis, databases, blogs or fan sites alone -----

WEBTOON_URL = 'url = "https://example.org/webtoon/lantern"'


def _strict(run: Run, path: Path) -> tuple[int, dict[str, object]]:
    import json

    result = run("data", "check", str(path), "--strict", "--json")
    report = json.loads(result.stdout)
    # Each warning names the file and line of the entry it is about, as each problem does.
    report["warnings"] = [at_entry(path, w) for w in report["warnings"]]
    return result.exit_code, report


def test_an_entry_resting_on_a_wiki_alone_is_a_strict_warning(
    run: Run, write_dataset: WriteDataset
) -> None:
    assert WEBTOON_URL in BASE
    path = write_dataset(
        BASE.replace(WEBTOON_URL, 'url = "https://ko.wikipedia.org/wiki/Lantern"', 1)
    )
    code, report = _strict(run, path)
    assert code == 1
    assert report["ok"] is False and report["strict"] is True and report["weak_citations"] == 1
    assert report["warnings"] == [
        "source_works[the-lantern-room]: rests only on wikis, databases, blogs or fan sites "
        "(test-webtoon); cite the press or an official source beside them"
    ]
    relaxed = run("data", "check", str(path))
    assert relaxed.exit_code == 0
    assert "rests only on wikis" in relaxed.stderr
    assert "1 of 3 citations (33.3%) come from wikis" in relaxed.stdout


def test_a_weak_source_beside_a_press_source_is_fine(run: Run, write_dataset: WriteDataset) -> None:
    text = BASE.replace(WEBTOON_URL, 'url = "https://www.allkpop.com/article/x"', 1)
    text = text.replace('sources = ["test-webtoon"]', 'sources = ["test-webtoon", "test-press"]')
    code, report = _strict(run, write_dataset(text))
    assert code == 0, report["warnings"]
    assert report["weak_citations"] == 1


@pytest.mark.parametrize(
    ("url", "kind", "weak"),
    [
        ("https://example.org/webtoon/lantern", 'kind = "blog"', True),
        ("https://namu.wiki/w/Lantern", 'kind = "press"', False),
        ("https://m.blog.naver.com/someone/1", "", True),
        ("https://www.imdb.com/title/tt1/", "", True),
        ("https://about.netflix.com/en/news/x", "", False),
        ("https://www.yna.co.kr/view/AKR1", "", False),
        ("https://www.soompi.com/article/1wpp/x", "", True),
        ("https://www.hellokpop.com/review/x/", "", True),
        ("https://www.hallyudorama.com/x/", "", True),
        ("https://gokpop.co/x/", "", True),
        ("https://www.korea-paradise.com/review-x/", "", True),
        ("https://thenewscompany.org/x/", "", True),
        ("https://blog.mbc.co.kr/x", "", False),
        ("https://kwavesandbeyond.com/weak-hero-class-2-review/", "", True),
        ("https://woodsidepawprint.com/x/", "", True),
        ("https://cityonfire.com/mission-cross-2024-review/", "", True),
        ("https://en.kepoper.com/x/", "", True),
        ("http://dhlab.aks.ac.kr/Edu/wiki/index.php?title=x", "", True),
    ],
)
def test_a_citation_says_its_kind_or_its_address_does(
    run: Run, write_dataset: WriteDataset, url: str, kind: str, weak: bool
) -> None:
    text = BASE.replace(WEBTOON_URL, f'url = "{url}"\n{kind}', 1)
    code, report = _strict(run, write_dataset(text))
    assert report["weak_citations"] == int(weak)
    assert code == (1 if weak else 0)


def test_an_unknown_publisher_kind_is_a_problem(run: Run, write_dataset: WriteDataset) -> None:
    text = BASE.replace(WEBTOON_URL, WEBTOON_URL + '\nkind = "gossip"', 1)
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    assert any(
        "citations[test-webtoon].kind: expected one of press, official, wiki" in p for p in problems
    ), problems


def test_a_figure_in_a_unit_that_is_not_its_metrics_is_a_problem(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Hours viewed counted in "countries" would be printed, charted and ranked as hours: each
    metric has its unit, in a title's figures and in the top-level ones alike."""
    text = BASE.replace('unit = "hours"', 'unit = "countries"', 1) + (
        '\n[[stats]]\nshow = "night-train"\nmetric = "rank"\nvalue = 1\nunit = "weeks"\n'
        'window = "total"\nas_of = 2022-02-01\nsources = ["test-chart"]\n'
    )
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    assert [p.split(": ", 1)[1] for p in problems] == [
        "shows[moonlit-hallway].stats[0].unit: 'countries' is not a unit of hours-viewed (hours)",
        "stats[0].unit: 'weeks' is not a unit of rank (rank)",
    ], problems


@pytest.mark.parametrize("rank", ["²", "٣", "0", "", "1234567", "9" * 4400])
def test_an_all_time_rank_a_board_cannot_read_is_a_problem(
    run: Run, write_dataset: WriteDataset, rank: str
) -> None:
    """A note "#N of all time, Most Popular LIST" gives the figure Netflix's rank on a board.
    str.isdigit takes '²' and '٣', which int() refuses, as it refuses 4,400 digits: every `top`
    exited 70 while `data check --strict` passed the file. Such a rank is refused where the
    file is read, in a title's figures and the top-level ones alike, with what it must be."""
    note = f"#{rank} of all time, Most Popular TV (Non-English)"
    text = BASE.replace(
        'window = "first-28-days"\nseason = 1\n',
        f'window = "first-28-days"\nseason = 1\nlist = "TV (Non-English)"\nnote = "{note}"\n',
        1,
    ) + (
        '\n[[stats]]\nshow = "night-train"\nmetric = "hours-viewed"\nvalue = 1\n'
        'unit = "hours"\nwindow = "first-28-days"\nlist = "TV (Non-English)"\n'
        f'as_of = 2022-02-01\nnote = "{note}"\nsources = ["test-chart"]\n'
    )
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    shown = repr(rank) if len(rank) <= 20 else f"'{rank[:20]}… ({len(rank)} characters)'"
    expected = f"gives the all-time rank {shown}; expected a whole number from 1 to 999,999"
    assert [p.split(": ", 1)[1] for p in problems] == [
        f"shows[moonlit-hallway].stats[1].note: {expected} in ASCII digits",
        f"stats[0].note: {expected} in ASCII digits",
    ], problems


def test_a_note_that_gives_a_rank_or_is_of_another_form_passes(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Only a note in the all-time form for the figure's own list is read as a rank: "#1 of all
    time" passes, and so does "#² in Korea", or the form of another list, which no board reads."""
    for note, chart_list in (
        ("#1 of all time, Most Popular TV (Non-English)", "TV (Non-English)"),
        ("#999999 of all time, Most Popular TV (Non-English)", "TV (Non-English)"),
        ("#² in Korea", "TV (Non-English)"),
        ("#² of all time, Most Popular TV (Non-English)", "TV (English)"),
    ):
        text = BASE.replace(
            'window = "first-28-days"\nseason = 1\n',
            f'window = "first-28-days"\nseason = 1\nlist = "{chart_list}"\nnote = "{note}"\n',
            1,
        )
        assert _check(run, write_dataset(text)) == (0, []), note


def test_a_season_whose_count_is_unknown_says_why_on_its_page(
    run: Run, write_dataset: WriteDataset
) -> None:
    """The page shows "—" for the count and, under the table, the reason the dataset gives;
    --json gives the reason beside a null count (from the files and from the index alike)."""
    reason = "No press source states it (checked 2026-11-30)."
    data = write_dataset(BASE.replace("episodes = 12\n", f'episodes_unknown = "{reason}"\n', 1))
    for cache in ([], ["--no-cache"]):
        page = run(*cache, "--data", str(data), "show", "moonlit-hallway").output
        assert "Season 1 episodes: No press source states it" in " ".join(page.split())
        shown = as_json(run(*cache, "--data", str(data), "show", "moonlit-hallway", "--json"))
        (season,) = [s for s in shown["seasons"] if s["number"] == 1]
        assert season["episodes"] is None
        assert season["episodes_unknown"] == reason


def test_a_season_whose_release_date_is_unknown_says_why_on_its_page(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A released season no press source dates passes the check when it says why; its page
    shows the reason under the seasons table and --json gives it beside a null date."""
    reason = "No press source states the day it came out (checked 2026-12-01)."
    text = BASE.replace("release_date = 2022-01-28\n", f'release_date_unknown = "{reason}"\n', 1)
    data = write_dataset(text)
    assert _check(run, data) == (0, [])
    for cache in ([], ["--no-cache"]):
        page = run(*cache, "--data", str(data), "show", "moonlit-hallway").output
        assert "Season 1 release date: No press source states the day" in " ".join(page.split())
        assert "released, date unknown · series" in page and "unreleased" not in page
        shown = as_json(run(*cache, "--data", str(data), "show", "moonlit-hallway", "--json"))
        (season,) = [s for s in shown["seasons"] if s["number"] == 1]
        assert season["release_date"] is None and season["released"] is True
        assert season["release_date_unknown"] == reason


def test_an_undated_first_season_leaves_the_first_year_unknown(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Season 1 out on a day no source gives, season 2 dated: the title did not first come out
    in season 2's year, so its years are unknown rather than that year; an airing season
    without a date says "airing"."""
    text = BASE.replace("release_date = 2022-01-28\n", 'release_date_unknown = "none"\n', 1)
    text = text.replace(
        'status = "renewed"\nstatus_date = 2022-06-06\nas_of = 2026-11-01\n',
        'status = "released"\nrelease_date = 2024-03-01\nepisodes = 8\n',
        1,
    )
    data = write_dataset(text)
    assert _check(run, data) == (0, [])
    shown = as_json(run("--data", str(data), "show", "moonlit-hallway", "--json"))
    assert (shown["years"], shown["first_year"]) == (None, None)
    assert (
        "released, date unknown · series"
        in run("--data", str(data), "show", "moonlit-hallway").output
    )
    airing = write_dataset(
        BASE.replace(
            'status = "released"\nrelease_date = 2022-01-28\n',
            'status = "airing"\nrelease_date_unknown = "none"\nas_of = 2026-11-01\n',
            1,
        )
    )
    assert _check(run, airing) == (0, [])
    assert (
        "airing, date unknown · series"
        in run("--data", str(airing), "show", "moonlit-hallway").output
    )


def test_an_undated_title_that_charted_was_out_by_its_first_top10_week(
    run: Run, write_dataset: WriteDataset
) -> None:
    """No source dates season 1, but the title was in Netflix's Top 10 in the week ending
    2022-02-06: its header says it was out by then, not only "date unknown"."""
    text = BASE.replace("release_date = 2022-01-28\n", 'release_date_unknown = "none"\n', 1)
    weekly = (
        '[[shows.stats]]\nmetric = "rank"\nvalue = 1\nunit = "rank"\n'
        'window = "week:{week}"\nseason = 1\nas_of = {week}\nsources = ["test-chart"]\n\n'
    )
    weeks = weekly.format(week="2022-02-13") + weekly.format(week="2022-02-06")
    text = text.replace("[[shows.facts]]\n", weeks + "[[shows.facts]]\n", 1)
    data = write_dataset(text)
    assert _check(run, data) == (0, [])
    for cache in ([], ["--no-cache"]):
        page = run(*cache, "--data", str(data), "show", "moonlit-hallway").output
        assert "released by 2022-02-06 (first week in Netflix's Top 10) · series" in page
        assert "date unknown" not in page


def test_a_netflix_record_may_not_say_its_date_is_unknown(
    run: Run, write_dataset: WriteDataset
) -> None:
    """An entry holding only Netflix's record states no more than Netflix's files: no reasons."""
    text = BASE.replace("release_date = 2022-01-28\n", 'release_date_unknown = "none"\n', 1)
    text = text.replace(
        'slug = "moonlit-hallway"\n', 'slug = "moonlit-hallway"\nnetflix_only = true\n', 1
    )
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    assert any("release_date_unknown: only a released or airing season" in p for p in problems)


def test_citation_spoiler_must_be_a_boolean(run: Run, write_dataset: WriteDataset) -> None:
    text = BASE.replace(
        'publisher = "Example Press"\n', 'publisher = "Example Press"\nspoiler = 1\n', 1
    )
    code, problems = _check(run, write_dataset(text))
    assert code == 1
    assert any(
        p.endswith("citations[test-press].spoiler: expected true or false, got an integer")
        for p in problems
    ), problems


# --- one outlet, one name -------------------------------------------------------------------

PRESS_CITATION = 'url = "https://example.org/press/moonlit"\ntitle = "Moonlit Hallway renewed"\n'


@pytest.mark.parametrize(
    ("url", "publisher", "warned"),
    [
        ("https://www.joynews24.com/view/1", "Joy News 24", "JoyNews24"),
        ("https://m.xportsnews.com/article/1", "Xports News", "Xportsnews"),
        ("https://www.joynews24.com/view/1", "JoyNews24", None),
        ("https://tenasia.hankyung.com/article/1", "Tenasia (via its English edition)", None),
        ("https://osen.mt.co.kr/article/1", "OSEN", None),  # exact hosts: not Money Today
        ("https://www.example.org/v/1", "Joy News 24 (via Example)", None),  # a copy elsewhere
        ("https://www.joynews24.com/view/1", "조이뉴스24 (JoyNews24)", "JoyNews24"),
        ("https://WWW.JOYNEWS24.COM:443/view/1", "Joy News 24", "JoyNews24"),
        ("https://www2.osen.co.kr/article/1", "Osen", "OSEN"),  # a mirror of the outlet's site
        ("https://star.ytn.co.kr/_sn/1", "TV Report (via YTN Star)", None),  # carried article
        ("https://m3.edaily.co.kr/News/1", "이데일리", "Edaily"),  # a subdomain is the site's
        ("https://moneys.mt.co.kr/news/1", "Money S", None),  # mt.co.kr is shared: not listed
        ("https://m.korean-vibe.com/news/1", "Yonhap News Agency", "Korean Vibe"),
        ("https://m.korean-vibe.com/news/1", "Yonhap News Agency (via Korean Vibe)", None),
        ("https://m.mbn.co.kr/news-amp/1", "MBN Star Today", "MBN"),
        ("https://www.mbn.co.kr/news/entertain/1", "Maeil Business Star Today (via MBN)", None),
        ("https://star.mt.co.kr/view/1", "Star News", None),
    ],
)
def test_a_known_outlet_is_called_by_one_name(
    run: Run, write_dataset: WriteDataset, url: str, publisher: str, warned: str | None
) -> None:
    """A citation on an outlet's own site that spells the outlet otherwise is a warning (a
    failure with --strict), so that Sources lists do not show one outlet four ways."""
    assert PRESS_CITATION in BASE
    text = BASE.replace(
        PRESS_CITATION + 'publisher = "Example Press"\n',
        f'url = "{url}"\ntitle = "Moonlit Hallway renewed"\npublisher = "{publisher}"\n',
        1,
    )
    code, report = _strict(run, write_dataset(text))
    where = "citations[test-press].publisher"
    warning = f"{where}: {publisher!r}; the dataset calls this outlet {warned!r}"
    expected = [warning] if warned else []
    assert (code, report["warnings"]) == (1 if warned else 0, expected)


@pytest.mark.parametrize(
    ("url", "publisher", "written"),
    [
        ("https://v.daum.net/v/1", "OSEN (via Daum)", None),
        ("https://v.daum.net/v/1", "Daum", None),  # the page names no outlet
        ("https://v.daum.net/v/1", "Daum (outlet not named)", None),
        ("https://m.newspic.kr/view.html?nid=1", "The Fact (summarised by Newspic)", None),
        ("https://entertain.v.daum.net/v/1", "OSEN", "OSEN (via Daum)"),
        ("https://v.daum.net/v/1", "OSEN (via Daum News)", "OSEN (via Daum)"),
        ("https://v.daum.net/v/1", "Daum News (outlet not named)", "Daum (outlet not named)"),
        ("https://news.zumst.com/a/1", "Edaily (via ZUM News)", "Edaily (via Zum)"),
        ("https://v.daum.net/v/1", "Joy News 24 (via Daum)", "JoyNews24 (via Daum)"),
        (
            "https://m.newspic.kr/view.html?nid=1",
            "Joynews24 (summarised by Newspic)",
            "JoyNews24 (summarised by Newspic)",
        ),
        ("https://v.daum.net/v/1", "OSEN, via Daum", "OSEN (via Daum)"),
        (
            "https://v.daum.net/v/1",
            "OSEN (Newsis report, via Daum News)",
            "OSEN (Newsis report, via Daum)",
        ),
        ("https://v.daum.net/v/1", "OSEN (Newsis report)", "OSEN (Newsis report, via Daum)"),
        ("https://webtoon.daum.net/webtoon/view/1", "Daum Webtoon", None),  # not a news host
        ("https://pann.nate.com/talk/1", "Nate Pann", None),
    ],
)
def test_a_portals_page_says_whose_article_it_carries(
    run: Run, write_dataset: WriteDataset, url: str, publisher: str, written: str | None
) -> None:
    """A news portal (Daum, Zum, Newspic, Nate) carries other outlets' articles: a citation of
    its page names the outlet and the portal one way, so that Sources lists do not show
    "(via Daum)", "(via Daum News)" and a bare "OSEN" for three copies on one site."""
    text = BASE.replace(
        PRESS_CITATION + 'publisher = "Example Press"\n',
        f'url = "{url}"\ntitle = "Moonlit Hallway renewed"\npublisher = "{publisher}"\n',
        1,
    )
    code, report = _strict(run, write_dataset(text))
    assert code == (1 if written else 0)
    if written is None:
        assert report["warnings"] == []
        return
    (warning,) = report["warnings"]
    portal = "Newspic" if "newspic" in url else "Zum" if "zum" in url else "Daum"
    assert warning.startswith(
        f"citations[test-press].publisher: {publisher!r}; a page on {portal} is another "
        f"outlet's article it carries: write {written!r}"
    )


def test_one_outlet_spelt_two_ways_is_a_warning(run: Run, write_dataset: WriteDataset) -> None:
    """'8days' beside '8 Days' (as 'theatrical' beside 'Theatrical' for platforms): the name
    before a bracketed note is compared, and the most used spelling is the one to keep."""
    assert PRESS_CITATION in BASE
    text = BASE.replace(
        PRESS_CITATION + 'publisher = "Example Press"\n',
        PRESS_CITATION + 'publisher = "Example press (via Daum)"\n',
        1,
    )
    for number in (1, 2):
        text += (
            f'\n[[citations]]\nid = "test-press-{number}"\nurl = "https://example.org/{number}"\n'
            f'title = "Moonlit Hallway, part {number}"\npublisher = "Example Press"\n'
        )
    code, report = _strict(run, write_dataset(text))
    spelt = [w for w in report["warnings"] if not w.endswith(": never used")]
    assert (code, spelt) == (
        1,
        [
            "citations[test-press].publisher: 'Example press (via Daum)'; 2 other citations "
            "spell this outlet 'Example Press'"
        ],
    )


# --- a citation's address is the page's public one --------------------------------------------


@pytest.mark.parametrize(
    ("url", "note", "warned"),
    [
        (
            "https://www.example.org/news/1?utm_source=naver&utm_medium=related&id=7",
            None,
            "carries tracking parameters (utm_medium, utm_source); cite the address without them",
        ),
        (
            "https://www.example.org/newsView/2025?OutUrl=google",
            None,
            "carries tracking parameters (OutUrl); cite the address without them",
        ),
        (
            "https://www.example.org/a?fbclid=IwAR0&ncid=trending",
            None,
            "carries tracking parameters (fbclid, ncid); cite the address without them",
        ),
        (
            "http://www.example.co.kr/news/read/1177305?ref=naver",
            None,
            "carries tracking parameters (ref); cite the address without them",
        ),
        (
            "http://www.example.co.kr/read.php?newsid=2022&areaType=mb_best&cloc=",
            None,
            "carries tracking parameters (areaType, cloc); cite the address without them",
        ),
        (
            "https://translate.google.com/website?sl=auto&tl=th&u=http://www.example.org/"
            "jenter/?ac%3Darticle_view%26entry_id%3D754475",
            None,
            "is a Google Translate wrapper; cite the original address: "
            "http://www.example.org/jenter/?ac=article_view&entry_id=754475",
        ),
        (
            "https://www-example--press-org.translate.goog/news/1?id=2&_x_tr_sl=ko&_x_tr_tl=en",
            None,
            "is a Google Translate wrapper; cite the original address: "
            "https://www.example-press.org/news/1?id=2",
        ),
        (
            "https://staging.example.org/kingdom-trailer/",
            None,
            "is on a non-public host (staging.example.org); cite the public address, or say in "
            "url_note why this one is kept",
        ),
        ("https://dev.example.org/a", None, "is on a non-public host (dev.example.org); cite"),
        ("https://staging.example.org/kingdom-trailer/", "public address not checked", None),
        ("https://dev.to/some-article", None, None),  # a site named dev.to, not a dev copy
        # a label deeper in: the shipped Newsweek and ComingSoon.net copies were on such hosts
        ("https://www.qa.example.org/a", None, "is on a non-public host (www.qa.example.org)"),
        ("https://news.preprod.vip.example.net/a", None, "is on a non-public host (news.preprod"),
        ("https://qa.com/a", None, None),  # a site's own name
        ("https://dev.co.kr/story", None, None),  # a site's own name under co.kr
        ("https://www.staging.example.co.kr/a", None, "is on a non-public host (www.staging"),
        ("https://www.example.org/news?id=7&utm=1&source=rss", None, None),
        ("https://developer.example.org/a", None, None),
        # numbered or hyphenated copies: AsiaOne's stage-a1 host held two Single's Inferno pages
        ("https://stage-a1.example.com/a", None, "is on a non-public host (stage-a1.example"),
        ("https://qa-www.example.com/a", None, "is on a non-public host (qa-www.example.com)"),
        ("https://www.dev2.example.com/a", None, "is on a non-public host (www.dev2.example"),
        ("https://stagecoach.example.com/a", None, None),
        ("https://qa2-www.example.com/a", None, "is on a non-public host (qa2-www.example.com)"),
        ("https://www-staging2.example.com/a", None, "is on a non-public host (www-staging2"),
        ("https://backstage.example.com/a", None, None),
        # test hosts: the shipped Newsis and Kuki News copies were on test-www and kuk-test
        ("http://test-www.example.com/view/1", None, "is on a non-public host (test-www.example"),
        ("https://kuk-test.example.co.kr/a", None, "is on a non-public host (kuk-test.example"),
        ("https://www.contest.example.com/a", None, None),  # a word that holds "test"
        ("https://test.com/a", None, None),  # a site's own name
    ],
)
def test_an_address_with_trackers_a_wrapper_or_a_staging_host_is_a_warning(
    run: Run, write_dataset: WriteDataset, url: str, note: str | None, warned: str | None
) -> None:
    """A shipped citation carried utm_* parameters, another Google Translate's wrapper into
    Thai, another Collider's staging host: warnings (failures with --strict) name what to cite."""
    assert PRESS_CITATION in BASE
    extra = f'url_note = "{note}"\n' if note else ""
    text = BASE.replace(PRESS_CITATION, f'url = "{url}"\n{extra}title = "Moonlit Hallway"\n', 1)
    code, report = _strict(run, write_dataset(text))
    if warned is None:
        assert (code, report["warnings"]) == (0, [])
    else:
        assert code == 1 and len(report["warnings"]) == 1
        assert report["warnings"][0].startswith(f"citations[test-press].url: {warned}")


@pytest.mark.parametrize("sign", ['"', "<", ">", "\\", "^", "`", "{", "|", "}"])
def test_an_address_holding_a_quote_or_a_bracket_is_an_error(
    run: Run, write_dataset: WriteDataset, sign: str
) -> None:
    """An address holding a quote passed `data check --strict`, and an --export-html page wrote
    it into a link's href as it was: the quote ended the href and the rest of the address was
    markup of the page (an onmouseover attribute, a link over the whole page). No address holds
    such a character as itself; the error says how to write it."""
    assert PRESS_CITATION in BASE
    url = f"https://example.org/press/x{sign}onmouseover={sign}alert(1)"
    text = BASE.replace(PRESS_CITATION, f"url = '{url}'\ntitle = \"Moonlit Hallway\"\n", 1)
    path = write_dataset(text)
    result = run("data", "check", str(path))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"kdrama: error: {path}:6: citations[test-press].url: an address holds no {sign} as it"
        f" is: write it %{ord(sign):02X}, as a browser's address bar does, got {url!r}\n"
    )


@pytest.mark.parametrize(
    ("url", "title", "warned"),
    [
        ("https://example.org/press/moonlit", "Moonlit Hallway renewed", True),
        # the same page however its address or headline is written
        ("http://www.example.org/press/moonlit/", "Moonlit  hallway RENEWED", True),
        # another page at the address (Netflix's Top 10 files share one), or another address
        ("https://example.org/press/moonlit", "Moonlit Hallway, week 2", False),
        ("https://example.org/press/moonlit?page=2", "Moonlit Hallway renewed", False),
        # an address no URL parser accepts is compared as text, and the check goes on
        ("http://[oops/press/moonlit", "Moonlit Hallway renewed", False),
    ],
)
def test_one_page_cited_under_two_ids_is_a_warning(
    run: Run, write_dataset: WriteDataset, url: str, title: str, warned: bool
) -> None:
    """D.P.'s Sports Donga page was added a second time under a new id, and nothing said so:
    a fix to one entry (its date, its address) would miss the other."""
    both = 'sources = ["test-press", "test-press-again"]'
    text = BASE.replace('sources = ["test-press"]', both, 1)
    text += (
        f'\n[[citations]]\nid = "test-press-again"\nurl = "{url}"\ntitle = "{title}"\n'
        'publisher = "Example Press"\n'
    )
    code, report = _strict(run, write_dataset(text))
    expected = (
        "citations[test-press-again]: the same page (address and headline) as "
        "citations[test-press]; cite 'test-press' and drop this entry"
    )
    assert (code, report["warnings"]) == ((1, [expected]) if warned else (0, []))


def test_readme_states_the_shipped_datasets_counts(run_shipped: Run) -> None:
    """README's opening paragraph and its sources section count people, credits, figures and
    citations: they are the shipped dataset's, as `data check` counts them."""
    counts = as_json(run_shipped("data", "check", "--json"))
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    numbers = counts["counts"]
    titles = as_json(run_shipped("list", "--json"))
    netflix_only = sum(1 for t in titles if t["completeness"] == "netflix-only")
    full = sum(1 for t in titles if t["completeness"] == "full")
    assert (
        f"engagement reports: {numbers['titles']:,} titles. {numbers['titles'] - netflix_only:,} "
        f"of them are researched in the Korean and English press ({full:,} full entries:"
    ) in readme
    assert f"the other {netflix_only:,} state what Netflix's files say" in readme
    assert (
        f"Together: {numbers['people']:,} people, {numbers['credits']:,} credits, "
        f"{numbers['figures']:,} figures and {numbers['citations']:,} citations."
    ) in readme
    assert f"are {counts['weak_citations']} of the {numbers['citations']:,} citations" in readme


def test_readme_counts_the_gaps_it_states() -> None:
    """README's "What could not be verified" paragraph counts the released seasons with no
    episode count and the credits with no role named: they are the shipped dataset's."""
    from kdrama_cli.catalogue.loader import load_dataset

    dataset = load_dataset([REPO / "data" / "shows.toml"])
    shows = dataset.shows.values()
    uncounted = sum(1 for s in shows for season in s.seasons if season.episodes_unknown)
    unnamed = sum(1 for s in shows for credit in s.cast if credit.character_unknown)
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert f"a gap is stated rather than filled: {uncounted} released seasons" in readme
    assert f"Likewise {unnamed} credits name an actor" in readme
    # and the weak citations, by kind, as the sum it gives
    from kdrama_cli.catalogue.publishers import citation_kind

    kinds = Counter(citation_kind(c) for c in dataset.citations.values())
    assert (
        f"fan sites {kinds['fan']}, blogs {kinds['blog']} and databases {kinds['database']}"
    ) in readme
    assert kinds["wiki"] == 0  # the sentence names no wikis


def test_the_shipped_addresses_are_public_and_clean(run_shipped: Run) -> None:
    result = run_shipped("data", "check", "--strict", "--json")
    assert result.exit_code == 0, result.output
    assert not [w for w in as_json(result)["warnings"] if ".url:" in w]
    sources = as_json(run_shipped("show", "a-hard-day", "--json"))["sources"]
    xports = [c for c in sources if c["id"] == "a-hard-day-xportsnews-park-bo-gum"]
    assert xports[0]["url"] == "http://www.xportsnews.com/jenter/?ac=article_view&entry_id=754475"
    assert xports[0]["publisher"] == "Xportsnews"


# --- one platform, one spelling -------------------------------------------------------------


@pytest.mark.parametrize(
    ("night_train", "warned"),
    [
        (
            "examplenet",
            "shows[night-train].platform: 'examplenet'; the catalogue spells it 'Examplenet' "
            "(2 uses)",
        ),
        (
            "Example Net",
            "shows[night-train].platform: 'Example Net'; the catalogue spells it 'Examplenet' "
            "(2 uses)",
        ),
        ("Examplenet", None),
        ("Examplenet (cinemas)", None),  # a bracketed variant is a name of its own
    ],
    ids=["case", "spacing", "same", "bracketed"],
)
def test_a_platform_spelled_two_ways_is_a_strict_warning(
    run: Run, write_dataset: WriteDataset, night_train: str, warned: str | None
) -> None:
    """Two titles on one platform spelled apart ("theatrical", "Theatrical") print apart on
    their pages, while list --platform and values take them as one."""
    assert 'platform = "Example Pictures"' in BASE
    path = write_dataset(
        BASE.replace('platform = "Example Pictures"', f'platform = "{night_train}"')
    )
    code, report = _strict(run, path)
    assert (code, report["warnings"]) == (1 if warned else 0, [warned] if warned else [])


@pytest.mark.parametrize(
    ("platform", "warned"),
    [
        ("examplenet", "'examplenet'; the catalogue spells it 'Examplenet' (2 uses)"),
        ("Cinema", "'Cinema'; the catalogue calls this platform 'Theatrical'"),
        ("Othernet", None),
        (
            "Examplenet",
            "'Examplenet' is the title's own platform; give a season's only where it "
            "came out elsewhere",
        ),
    ],
    ids=["case", "another-word", "another-platform", "the-titles-own"],
)
def test_a_season_platform_is_spelled_as_the_catalogue_spells_it(
    run: Run, write_dataset: WriteDataset, platform: str, warned: str | None
) -> None:
    """A season's platform (The Uncanny Counter's second on tvN) is one `list --platform` finds
    and `values` counts: spelled apart from the titles' (or by another word), it is warned
    about where it is, by the season's place in the list."""
    old = 'note = "Renewal announced by the cast in a video."\n'
    assert old in BASE
    path = write_dataset(BASE.replace(old, old + f'platform = "{platform}"\n'))
    code, report = _strict(run, path)
    assert not report["problems"], report["problems"]
    expected = [f"shows[moonlit-hallway].seasons[1].platform: {warned}"] if warned else []
    assert (code, report["warnings"]) == (1 if warned else 0, expected)


@pytest.mark.parametrize(
    ("genre", "warned"),
    [
        ("Action", "'Action'; the catalogue writes genres in lower case: 'action'"),
        (
            "Coming of Age",
            "'Coming of Age'; the catalogue writes genres in lower case: 'coming-of-age'",
        ),
        ("Sci-Fi", "'Sci-Fi'; the catalogue calls this genre 'science fiction'"),
        ("action", None),
    ],
    ids=["capitalised", "as-the-catalogue-writes-it", "another-word", "lower-case"],
)
def test_a_capitalised_genre_is_a_strict_warning(
    run: Run, write_dataset: WriteDataset, genre: str, warned: str | None
) -> None:
    """Genres are lower-case (data/README.md): "Horror" would print as typed beside every other
    title's "horror", so it is warned about as another word for a genre is, once, with the
    spelling to use (ux-review14, SHOULD 2)."""
    assert 'genres = ["action"]' in BASE
    path = write_dataset(BASE.replace('genres = ["action"]', f'genres = ["{genre}"]'))
    code, report = _strict(run, path)
    expected = [f"shows[night-train].genres: {warned}"] if warned else []
    assert (code, report["warnings"]) == (1 if warned else 0, expected)


@pytest.mark.parametrize(
    ("kind", "character", "role", "warned"),
    [
        ("reality", "Judge", "main", "'main' for the character 'Judge'; `cast --role judge`"),
        (
            "reality",
            "host",
            "supporting",
            "'supporting' for the character 'host'; `cast --role host`",
        ),
        ("reality", "Judges", "main", "'main' for the character 'Judges'; `cast --role judge`"),
        (
            "reality",
            "MC (season 2)",
            "main",
            "'main' for the character 'MC (season 2)'; `cast --role host`",
        ),
        ("reality", "Judge", "judge", None),
        ("reality", "Conductor", "main", None),
        ("series", "Judge", "supporting", None),  # a drama's judge is a part like any other
        ("series", "MC", "special", None),
    ],
    ids=[
        "judge-as-main",
        "host",
        "judges",
        "mc-qualified",
        "judge",
        "a-character",
        "film-judge",
        "film-mc",
    ],
)
def test_a_reality_judge_or_host_filed_under_another_role_is_a_strict_warning(
    run: Run,
    write_dataset: WriteDataset,
    kind: str,
    character: str,
    role: str,
    warned: str | None,
) -> None:
    """A reality title's judge filed as main is missed by `cast --role judge`."""
    old = 'character = "Cha Eun-bi"\ncharacter_hangul = "차은비"\nrole = "main"'
    assert old in BASE and 'slug = "moonlit-hallway"' in BASE
    text = BASE.replace(old, f'character = "{character}"\nrole = "{role}"')
    # Moonlit Hallway, the first title, has seasons, as a reality title needs.
    path = write_dataset(text.replace('kind = "series"', f'kind = "{kind}"', 1))
    code, report = _strict(run, path)
    assert not report["problems"], report["problems"]
    warnings = [w for w in report["warnings"] if ".role: " in w]
    assert len(warnings) == (1 if warned else 0), report["warnings"]
    if warned:
        assert code == 1
        assert warned in warnings[0]
        assert warnings[0].startswith("shows[moonlit-hallway].cast[0].role: ")


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("Its finale drew 14.6% nationwide, the series high.", "(14.6%)"),
        ("Ratings rose from 6.8% to 12.7% over the run.", "(6.8%, 12.7%)"),
        ("The finale drew 7.3 percent, short of its best.", "(7.3 percent)"),
        ("Its final episode set a new high, passing the 20.5% record.", "(20.5%)"),
        ("Its finale drew 14.6% nationwide (Nielsen Korea), the series high.", None),
        ("Its last episode drew 34.8% nationwide (TNS Media Korea).", None),
        ("It opened at 7.6% (TNmS, Seoul metropolitan area).", None),
        ("It was named by 5.2% of respondents to Gallup Korea's survey.", None),
        ("Its top membership grade is given only to the top 0.1%.", None),
        ("It drew 14.6% nationwide, the series high.", "(14.6%)"),
        ("Its last broadcast drew 21.7% of households in the Seoul area.", "(21.7%)"),
        ("About 70% of its 16 episodes were filmed on Jeju Island.", None),
        ("More than 90% of its viewership came from outside Korea.", None),
        ("It holds a 100% rating on Rotten Tomatoes.", None),
    ],
    ids=[
        "area-only",
        "bare",
        "percent",
        "episode-record",
        "nielsen",
        "tns",
        "tnms",
        "survey",
        "share",
        "drew-nationwide",
        "of-households",
        "share-of-episodes",
        "share-of-viewing",
        "review-score",
    ],
)
def test_a_rating_in_a_fact_names_its_measure_or_is_a_strict_warning(
    run: Run, write_dataset: WriteDataset, text: str, warned: str | None
) -> None:
    """A rating beside another title's compares only when both say whose count it is (Nielsen
    Korea and TNmS differ by a point or more on one episode): a fact giving one without the
    company fails --strict, addressed by its place; other percentages in a fact do not."""
    old = 'text = "The school set was built on a single sound stage."'
    assert old in BASE and BASE.index(old) < BASE.index('slug = "', BASE.index('slug = "') + 1)
    path = write_dataset(BASE.replace(old, f"text = {json.dumps(text)}"))
    code, report = _strict(run, path)
    assert not report["problems"], report["problems"]
    if warned is None:
        assert (code, report["warnings"]) == (0, [])
        return
    assert code == 1
    assert report["warnings"] == [
        f"shows[moonlit-hallway].facts[0].text: gives a rating {warned} without whose measure "
        "it is; name it as its page does (Nielsen Korea or TNmS; nationwide or Seoul "
        "metropolitan area): ratings of different measures do not compare"
    ]
    page = run("--data", str(path), "data", "check", "--strict")
    assert page.exit_code == 1
    assert f"shows[moonlit-hallway].facts[0].text: gives a rating {warned}" in page.output


@pytest.mark.parametrize(
    ("metric", "value", "unit", "window", "wrong"),
    [
        ("ratings", 250, "percent", "episode:1", ("value", "250 percent is more than 100")),
        (
            "ratings",
            8.5,
            "percent",
            "week:2024-01-07",
            (
                "window",
                "a TV rating is one episode's (window = 'episode:N') or a run's average "
                "('total'), not 'week:2024-01-07'",
            ),
        ),
        ("ratings", 8.5, "percent", "episode:16", None),
        ("ratings", 100, "percent", "total", None),
    ],
    ids=["above-100", "netflix-window", "an-episode", "a-whole-run"],
)
def test_a_tv_rating_is_a_percentage_of_an_episode(
    run: Run,
    write_dataset: WriteDataset,
    metric: str,
    value: float,
    unit: str,
    window: str,
    wrong: tuple[str, str] | None,
) -> None:
    """A rating of 250% passed --strict and was printed, and one given a Top 10 week was told
    to name a Netflix list. A percentage above 100 and a rating in a window of Netflix's are
    problems now, each at its field."""
    figure = (
        f'\n[[stats]]\nshow = "moonlit-hallway"\nmetric = "{metric}"\nvalue = {value}\n'
        f'unit = "{unit}"\nwindow = "{window}"\nseason = 1\nas_of = 2024-01-08\n'
        'note = "Nielsen Korea, nationwide"\nsources = ["test-press"]\n'
    )
    code, report = _strict(run, write_dataset(BASE + figure))
    if wrong is None:
        assert (code, report["problems"], report["warnings"]) == (0, [], [])
        return
    field, message = wrong
    assert code == 1
    assert report["problems"] == [f"{report['files'][0]}:215: stats[0].{field}: {message}"]


@pytest.mark.parametrize(
    ("window", "as_of", "wrong"),
    [
        (
            "week:2024-01-03",
            "2024-01-09",
            "window: 'week:2024-01-03': Netflix's Top 10 weeks end on a Sunday, and 2024-01-03 "
            "is a Wednesday (its week ends 2024-01-07)",
        ),
        (
            "week:2024-01-07",
            "2024-01-02",
            "as_of: 2024-01-02 is before its window (week:2024-01-07) ended, on 2024-01-07",
        ),
        (
            "half-year:2024H1",
            "2024-03-01",
            "as_of: 2024-03-01 is before its window (half-year:2024H1) ended, on 2024-06-30",
        ),
        (
            "episode:10000",
            "2024-01-09",
            "window: 'episode:10000': N in episode:N is an episode number from 1 to 9999",
        ),
        (
            "first-0-days",
            "2024-01-09",
            "window: 'first-0-days': N in first-N-days is a whole number of days from 1 to 9999",
        ),
        (
            "half-year:2024H3",
            "2024-12-31",
            "window: 'half-year:2024H3': expected half-year:YYYYH1 (January–June) or YYYYH2",
        ),
        (
            "cumulative:2024-01-03",
            "2024-01-09",
            "window: 'cumulative:2024-01-03': Netflix's weekly lists end on a Sunday, and "
            "2024-01-03 is a Wednesday (the week ends 2024-01-07)",
        ),
        (
            "cumulative:2024-01-07",
            "2023-12-01",
            "as_of: 2023-12-01 is before its window (cumulative:2024-01-07) ended, on 2024-01-07",
        ),
        ("week:2024-01-07", "2024-01-09", None),
    ],
    ids=[
        "a-wednesday",
        "dated-before-the-week",
        "dated-in-the-half",
        "episode",
        "days",
        "h3",
        "cumulative-wednesday",
        "cumulative-dated-before",
        "ok",
    ],
)
def test_a_window_says_what_is_wrong_with_it(
    run: Run, write_dataset: WriteDataset, window: str, as_of: str, wrong: str | None
) -> None:
    """A week ending on a Wednesday passed --strict and `chart` showed it as a Top 10 week, a
    figure dated before its week ended passed too, and `episode:10000` was an "unknown window"
    though it has the documented form: each is a problem that says how to mend it."""
    figure = (
        f'\n[[stats]]\nshow = "moonlit-hallway"\nmetric = "hours-viewed"\nvalue = 1000000\n'
        f'unit = "hours"\nwindow = "{window}"\nseason = 1\n'
        f'as_of = {as_of}\nsources = ["test-chart"]\n'
    )
    code, report = _strict(run, write_dataset(BASE + figure))
    if wrong is None:
        assert (code, report["problems"], report["warnings"]) == (0, [], [])
        return
    assert code == 1
    assert report["problems"] == [f"{report['files'][0]}:215: stats[0].{wrong}"]


SECOND_FIGURE = """\
[[citations]]
id = "my-count"
url = "https://example.org/my-count"
title = "My own count"
publisher = "Example Press"

[[stats]]
show = "squid-game"
metric = "hours-viewed"
value = 10
unit = "hours"
window = "first-28-days"
list = "TV (Non-English)"
season = 1
as_of = 2026-11-01
sources = ["my-count"]
"""


def test_a_second_figure_for_the_same_window_is_a_strict_warning(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A layer's 10 hours for Squid Game S1's first 28 days beside Netflix's 1.65B: the two
    contradict each other, so data check warns and --strict fails; the page lists both, each
    with its source, as data/README.md says."""
    layer = write_dataset(SECOND_FIGURE, "second.toml")
    result = run_shipped("data", "check", "--strict", "--json", str(layer))
    assert result.exit_code == 1
    assert [
        at_entry(layer, w) for w in json.loads(result.output)["warnings"] if "given twice" in w
    ] == [
        "stats[0]: squid-game hours-viewed, first-28-days, season 1 is "
        "given twice, "
        "1,650,450,000 hours as of 2023-05-31 (netflix-most-popular-28-tv-non-english-2023-05-31)"
        " and 10 hours as of 2026-11-01 (my-count); the page lists both"
    ]
    page = run_shipped("--add-data", str(layer), "show", "squid-game").output
    assert "1.65B hours" in page and "10 hours" in page
    # another season, or another window, is no contradiction
    # (the value's length changed too: a file of the same size and time is read from the cache)
    other = SECOND_FIGURE.replace("season = 1", "season = 2").replace("= 10\n", "= 100\n")
    result = run_shipped("data", "check", "--strict", str(write_dataset(other, "other.toml")))
    assert result.exit_code == 0, result.output


def test_top_and_compare_take_the_same_of_two_figures_for_one_window(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """With a layer's larger figure beside Netflix's for Squid Game S1's first 28 days, `top`
    ranked the layer's (the larger) while `compare` showed Netflix's (the one read first):
    both now take the one read first, the dataset's below the layer's."""
    bigger = SECOND_FIGURE.replace("= 10\n", "= 1700000000\n")
    layer = write_dataset(bigger, "bigger.toml")
    board = json.loads(
        run_shipped("--add-data", str(layer), "top", "-m", "hours-28", "--json").stdout
    )
    squid = next(row for row in board["entries"] if row["show"] == "squid-game")
    assert squid["value"] == 1650450000 and squid["netflix_rank"] == 1
    compared = json.loads(
        run_shipped("--add-data", str(layer), "compare", "squid-game", "the-glory", "--json").stdout
    )
    row = next(
        r
        for r in compared["stats"]
        if r["window"] == "first-28-days" and r["metric"] == "hours-viewed"
    )
    assert row["values"][0] == 1650450000


#: A week of Squid Game as the shipped netflix.toml gives it, as a refreshed copy of that file
#: layered over the shipped one gives it again.
NETFLIX_WEEK_AGAIN = """\
[[citations]]
id = "netflix-top10-tv-non-english-2021-09-19"
url = "https://www.netflix.com/tudum/top10"
title = "Netflix Top 10, global TV (Non-English), week ending 2021-09-19"
publisher = "Netflix"
date = 2021-09-19

[[stats]]
show = "squid-game"
season = 1
metric = "hours-viewed"
value = 63190000
unit = "hours"
window = "week:2021-09-19"
list = "TV (Non-English)"
as_of = 2021-09-19
sources = ["netflix-top10-tv-non-english-2021-09-19"]
"""


def test_a_figure_given_again_is_one_figure(run_shipped: Run, write_dataset: WriteDataset) -> None:
    """A refreshed netflix.toml layered over the shipped one gave every week they share twice:
    Squid Game's hours summed to 10.1B for 5.05B, `show` listed each row twice and `data check
    --strict` passed. The same figure given again is one figure."""
    layer = str(write_dataset(NETFLIX_WEEK_AGAIN, "again.toml"))

    def hours(*layers: str) -> tuple[str, ...]:
        result = run_shipped(*layers, "list", "--sort", "hours", "--limit", "1", "--csv")
        assert result.exit_code == 0, result.output
        return tuple(result.stdout.splitlines()[1].split(",")[:12])

    assert hours("--add-data", layer) == hours()
    assert "5048300000" in hours()
    stats = as_json(run_shipped("--add-data", layer, "show", "squid-game", "--json"))["stats"]
    assert len(stats) == len(as_json(run_shipped("show", "squid-game", "--json"))["stats"])
    week = [s for s in stats if s["window"] == "week:2021-09-19" and s["metric"] == "hours-viewed"]
    assert [s["value"] for s in week] == [63190000]
    result = run_shipped("data", "check", "--strict", "--json", layer)
    assert result.exit_code == 0, result.output


def test_another_value_under_the_same_citation_is_a_strict_warning(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A second value for the same week, citing the same Netflix list as the first, contradicts
    it as one from another source does: data check passed it, as its source was shared."""
    changed = NETFLIX_WEEK_AGAIN.replace("value = 63190000", "value = 63190001")
    layer = write_dataset(changed, "changed.toml")
    result = run_shipped("data", "check", "--strict", "--json", str(layer))
    assert result.exit_code == 1
    cited = "as of 2021-09-19 (netflix-top10-tv-non-english-2021-09-19)"
    assert [
        at_entry(layer, w) for w in json.loads(result.output)["warnings"] if "given twice" in w
    ] == [
        "stats[0]: squid-game hours-viewed, week:2021-09-19, season 1 is given twice, "
        f"63,190,000 hours {cited} and 63,190,001 hours {cited}; the page lists both"
    ]


def test_the_shipped_platforms_are_spelled_one_way(run_shipped: Run) -> None:
    result = run_shipped("data", "check", "--strict", "--json")
    assert result.exit_code == 0, result.output
    assert not [w for w in as_json(result)["warnings"] if ".platform:" in w]


LAYER = """\
[meta]
schema = 1

[[citations]]
id = "layer-press"
url = "https://example.org/layer"
title = "A layer's source"
publisher = "Example Press"

[[shows]]
slug = "harbour-film"
title = "Harbour Film"
kind = "film"
platform = "Example Pictures"
genres = ["thriller"]
synopsis = "A test film."
release_date = 2024-05-01
directors = ["oh-taeyang"]
sources = ["layer-press"]
cast_sources = ["layer-press"]

[[shows.cast]]
person = "han-ji-won"
character = "Boss"
role = "main"

[[stats]]
show = "moonlit-hallway"
metric = "views"
value = 5
unit = "views"
window = "total"
as_of = 2024-01-01
sources = ["layer-press"]
"""


def test_a_layer_is_checked_over_the_dataset_it_uses(run: Run, write_dataset: WriteDataset) -> None:
    layer = write_dataset(LAYER, "layer.toml")
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    assert "unknown" not in result.stderr
    assert (
        f"kdrama: note: {layer} uses moonlit-hallway, oh-taeyang and han-ji-won from the dataset in"
        f" use: checked as a layer over it (as {KDRAMA} --add-data {layer} data check;"
    ) in " ".join(result.stderr.split())
    assert "Dataset OK" in result.stdout and str(MINI) in result.stdout
    report = as_json(run("data", "check", str(layer), "--json"))
    assert report["as_layer"] is True
    assert report["files"] == [str(MINI), str(layer)]
    assert report["counts"]["shows"] == 4 and report["counts"]["stats"] == 5


def test_a_layer_checked_alone_names_what_it_borrows_as_unknown(
    run: Run, write_dataset: WriteDataset
) -> None:
    layer = write_dataset(LAYER, "layer.toml")
    result = run("data", "check", str(layer), "--alone")
    assert result.exit_code == 1
    assert "stats[0].show: unknown show 'moonlit-hallway'" in result.stderr
    assert "cast[0].person: unknown person 'han-ji-won'" in result.stderr
    assert "note:" not in result.stderr
    assert as_json(run("data", "check", str(MINI), "--json"))["as_layer"] is False


def test_every_kind_of_entry_a_layer_uses_makes_it_a_layer(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A title, a person, a source work and a citation of the dataset in use: each is an
    unknown reference when the file is checked alone (its kind and id are part of the problem,
    not read back from its message), and each makes the file a layer."""
    from kdrama_cli.catalogue.loader import check_dataset
    from kdrama_cli.catalogue.problems import Unknown

    layer = write_dataset(
        LAYER.replace('"layer-press"]', '"layer-press", "test-chart"]', 1).replace(
            'directors = ["oh-taeyang"]',
            'directors = ["oh-taeyang"]\nsource_work = "the-lantern-room"',
        ),
        "layer.toml",
    )
    alone = check_dataset([layer]).problems
    assert [p.unknown for p in alone if p.unknown] == [
        Unknown("show", "moonlit-hallway"),
        Unknown("person", "oh-taeyang"),
        Unknown("source work", "the-lantern-room"),
        Unknown("citation", "test-chart"),
        Unknown("person", "han-ji-won"),
    ]
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    assert "uses moonlit-hallway, oh-taeyang, the-lantern-room and 2 more from" in " ".join(
        result.stderr.split()
    )
    assert as_json(run("data", "check", str(layer), "--json"))["as_layer"] is True


def test_a_layer_still_reports_what_nothing_defines(run: Run, write_dataset: WriteDataset) -> None:
    layer = write_dataset(LAYER.replace('directors = ["oh-taeyang"]', 'directors = ["nobody"]'))
    result = run("data", "check", str(layer))
    assert result.exit_code == 1
    assert "uses moonlit-hallway and han-ji-won from the dataset in use" in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"kdrama: error: {layer}:10: shows[harbour-film].directors: unknown person 'nobody'"
        f"{NEW_PERSON}"
    ]
    # and the entry to paste for them, which the dataset in use lacks (walk35)
    assert result.stderr.endswith('\n[[people]]\nid = "nobody"\nname = "Nobody"\n')


def test_a_repeated_title_s_references_are_checked_in_the_same_run(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A layer repeating a shipped slug without override got "already defined" alone: the merge
    left the entry out, so its unknown person and citation showed only after override = true
    was added, in a second run (a fresh-eyes review). Both come in the first."""
    layer = write_dataset(
        '[[shows]]\nslug = "kingdom"\ntitle = "Kingdom"\nkind = "series"\n'
        'platform = "Netflix"\ngenres = ["horror"]\nsynopsis = "x"\n'
        'sources = ["nope-citation"]\ndirectors = ["nobody-here"]\n',
        "dup.toml",
    )
    for args in (["data", "check", str(layer)], ["--add-data", str(layer), "show", "kingdom"]):
        result = run_shipped(*args)
        assert result.exit_code == 1, args
        errors = [line for line in result.stderr.splitlines() if "error:" in line]
        assert [e.split(": ", 4)[-1] for e in errors] == [
            "slug 'kingdom' is already defined in the shipped shows.toml; set override = true "
            "to replace it: an override replaces the entry whole, so copy its whole [[shows]] "
            f"block from {entry_at(SHIPPED, 'shows', 'slug', 'kingdom')} and change it there",
            f"unknown person 'nobody-here'{NEW_PERSON}",
            "unknown citation 'nope-citation'",
        ], (args, errors)


def test_a_layer_that_redeclares_a_shipped_title_is_told_to_override_it_whole(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """``slug = "kingdom"`` with a new title, the first thing an extender tries: one line says
    the slug is defined already, how to override it and that an override replaces the entry
    whole, instead of the five required fields the entry lacks. It says where the entry to
    copy starts, as PATH:LINE (it said "the file `kdrama data path` lists", in which the block
    was to be found among 94,000 lines)."""
    at = entry_at(SHIPPED, "shows", "slug", "kingdom")
    layer = write_dataset('[[shows]]\nslug = "kingdom"\ntitle = "Kingdom"\n', "dup.toml")
    for args in (["data", "check", str(layer)], ["--add-data", str(layer), "show", "kingdom"]):
        result = run_shipped(*args)
        assert result.exit_code == 1, args
        errors = [line for line in result.stderr.splitlines() if "error:" in line]
        assert errors == [
            f"kdrama: error: {layer}:1: shows[kingdom]: slug 'kingdom' is already defined in the "
            "shipped shows.toml; set override = true to replace it: an override replaces the "
            f"entry whole, so copy its whole [[shows]] block from {at} and change it there"
        ], args
    overriding = write_dataset(
        '[[shows]]\nslug = "kingdom"\ntitle = "Kingdom"\noverride = true\n', "over.toml"
    )
    result = run_shipped("data", "check", str(overriding))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"kdrama: error: {overriding}:1: shows[kingdom]: override = true replaces the entry of "
        "the shipped shows.toml whole, and this one lacks kind, platform, genres, synopsis and "
        f"sources: copy its whole [[shows]] block from {at} and change it there"
    ]
    # a title of one's own that lacks fields is still told which
    own = write_dataset('[[shows]]\nslug = "my-own-title"\ntitle = "Mine"\n', "own.toml")
    assert (
        "shows[my-own-title].kind: missing required field"
        in run_shipped("data", "check", str(own)).stderr
    )


#: A layer's title with a misspelt key (``episode``) beside a mistyped citation and person.
MISSPELT = """
[[citations]]
id = "harbour-press"
url = "https://en.yna.co.kr/view/AEN20260101000000315"
title = "t"
publisher = "Yonhap News Agency"

[[shows]]
slug = "moonlit-harbour"
title = "Moonlit Harbour"
kind = "series"
platform = "tvN"
genres = ["romance"]
synopsis = "A ferry captain and a lighthouse keeper trade letters."
sources = ["harbour-pres"]
cast_sources = ["harbour-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2026-03-07
episode = 16
sources = ["harbour-press"]

[[shows.cast]]
person = "han-ji-wan"
character = "Captain Do"
role = "main"
"""


def test_one_check_reports_unknown_ids_beside_a_misspelt_key(
    run: Run, write_dataset: WriteDataset
) -> None:
    """README: data check reports every problem. A misspelt key no longer hides the unknown
    citation and person of the same file until a second run (ux-review11, M4); the citation
    mistyped from one the file defines gets the nearest id, as a person does (COULD 2)."""
    path = write_dataset(MISSPELT, "layer.toml")
    result = run("data", "check", str(path), "--alone")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {path}:18: shows[moonlit-harbour].seasons[0].episode: unknown key. Did"
        " you mean episodes?",
        f"kdrama: error: {path}:18: shows[moonlit-harbour].seasons[0].episodes: a released season"
        " needs its episode count (or episodes_unknown saying why no source gives one)",
        f"kdrama: error: {path}:8: shows[moonlit-harbour].sources: unknown citation "
        "'harbour-pres'. Did you mean harbour-press?",
        f"kdrama: error: {path}:25: shows[moonlit-harbour].cast[0].person: unknown person"
        " 'han-ji-wan'",
    ]
    # Checked as a layer (it uses han-ji-won of the dataset in use, which the misspelt key hid
    # from the check that decides it), the person is no longer unknown.
    used = write_dataset(MISSPELT.replace('"han-ji-wan"', '"han-ji-won"'), "uses.toml")
    result = run("data", "check", str(used))
    assert "uses han-ji-won from the dataset in use: checked as a layer" in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert [line.split(": ")[3] for line in errors] == [
        "shows[moonlit-harbour].seasons[0].episode",
        "shows[moonlit-harbour].seasons[0].episodes",
        "shows[moonlit-harbour].sources",
    ]
    report = json.loads(run("data", "check", str(path), "--alone", "--json").stdout)
    assert len(report["problems"]) == 4 and report["unchecked"] == 0
    # Every other command still refuses the layer with the problems of its entries.
    shown = run("--add-data", str(used), "show", "moonlit-harbour")
    assert shown.exit_code == 1 and "episode: unknown key" in shown.stderr


def test_references_that_errors_leave_unchecked_are_said_in_one_line(
    run: Run, write_dataset: WriteDataset
) -> None:
    """What cannot be checked for the errors in it (directors given as a string; a citation
    with no id, which may be the one a reference names) is said in one line, not left out
    silently; what can be is checked."""
    layer = write_dataset(
        MISSPELT.replace('id = "harbour-press"\n', "").replace(
            'cast_sources = ["harbour-press"]',
            'cast_sources = ["harbour-press"]\ndirectors = "han-ji-won"',
        )
    )
    result = run("data", "check", str(layer), "--alone")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "unknown citation" not in result.stderr  # harbour-pres may be the id-less one
    assert f"kdrama: error: {layer}:25: shows[moonlit-harbour].cast[0].person: unknown person " in (
        "\n".join(lines)
    )
    assert lines[-1] == (
        "kdrama: note: the references of 1 entry (to citations, people, titles, source works or"
        " seasons) are checked once its errors are fixed"
    )
    report = json.loads(run("data", "check", str(layer), "--alone", "--json").stdout)
    assert report["unchecked"] == 1
    # A file whose errors hide nothing says nothing of the kind.
    whole = run("data", "check", str(write_dataset(MISSPELT, "m.toml")), "--alone")
    assert "checked once" not in whole.stderr


def test_a_mistyped_citation_of_a_layer_in_parts_is_given_the_nearest_id(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A layer split into parts cites in one part what another defines: a mistyped citation
    is named with the nearest id of the parts, by data check PATH and by every command loading
    it with --add-data (ux-review11, COULD 2)."""
    write_dataset(MISSPELT.split("[[shows]]")[0], "people.toml")
    show = "[[shows]]" + MISSPELT.split("[[shows]]")[1].replace("episode =", "episodes =")
    write_dataset(show.replace('"han-ji-wan"', '"han-ji-won"'), "show.toml")
    layer = write_dataset('[meta]\ninclude = ["people.toml", "show.toml"]\n', "layer.toml")
    hint = "unknown citation 'harbour-pres'. Did you mean harbour-press?"
    assert hint in run("data", "check", str(layer)).stderr
    assert hint in run("--add-data", str(layer), "data", "check").stderr


@pytest.mark.parametrize("table", ["seasons", "cast", "stats", "facts"])
@pytest.mark.parametrize("value", ["1", "2020-01-01", '"x"'])
def test_a_title_table_that_is_not_a_list_is_a_problem_not_a_crash(
    run: Run, write_dataset: WriteDataset, table: str, value: str
) -> None:
    """``cast = 1`` in a [[shows]] entry was an internal error (exit 70) in the rules that
    read a title's seasons and cast: it is one problem at its location."""
    film = (
        '[[citations]]\nid = "c1"\nurl = "https://en.yna.co.kr/view/AEN20260101000000315"\n'
        'title = "t"\npublisher = "Yonhap News Agency"\n\n[[shows]]\nslug = "night-train"\n'
        'title = "Night Train"\nkind = "film"\nplatform = "Netflix"\ngenres = ["thriller"]\n'
        'synopsis = "x"\nrelease_date = 2024-01-01\nsources = ["c1"]\n'
    )
    path = write_dataset(f"{film}{table} = {value}\n")
    result = run("data", "check", str(path), "--alone")
    assert result.exit_code == 1, result.output
    assert f"shows[night-train].{table}: expected an array of tables" in result.stderr


def test_a_redeclared_series_without_seasons_is_told_it_is_defined_not_that_seasons_miss(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A whole-looking ``kingdom`` of one's own with no seasons and no override (ux-review11,
    M4): the slug defined already is said alone, in place of "seasons: missing", which would
    have its author add seasons to an entry that can never load (data/README.md, Layers)."""
    entry = (
        '[[citations]]\nid = "x1"\nurl = "https://www.yna.co.kr/view/AKR20260101000100005"\n'
        'title = "t"\npublisher = "Yonhap News Agency"\n\n[[shows]]\nslug = "kingdom"\n'
        'title = "Kingdom"\nkind = "series"\nplatform = "Netflix"\ngenres = ["horror"]\n'
        'synopsis = "x"\nsources = ["x1"]\n'
    )
    layer = write_dataset(entry, "dup.toml")
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"kdrama: error: {layer}:7: shows[kingdom]: slug 'kingdom' is already defined in the "
        "shipped shows.toml; set override = true to replace it: an override replaces the "
        "entry whole, so copy its whole [[shows]] block from "
        f"{entry_at(SHIPPED, 'shows', 'slug', 'kingdom')} and change it there"
    ]
    # with override = true, the seasons are named among what the entry lacks
    over = write_dataset(entry.replace('slug = "kingdom"', 'slug = "kingdom"\noverride = true'))
    errors = [line for line in run_shipped("data", "check", str(over)).stderr.splitlines()]
    assert any("whole, and this one lacks seasons: copy its whole" in line for line in errors)
    # a series of one's own still hears that it needs a season
    own = write_dataset(entry.replace('"kingdom"', '"my-kingdom"'), "own.toml")
    assert (
        "shows[my-kingdom].seasons: missing: a series needs at least one season"
        in run_shipped("data", "check", str(own)).stderr
    )


#: Three entries that take ids of MINI's for other things: another page, film and person.
OTHER_THINGS = """
[[citations]]
id = "test-chart"
url = "https://example.com/my-blog/day-train"
title = "My review"
publisher = "Example Blog"

[[people]]
id = "han-ji-won"
name = "Park Seo-yeon"
hangul = "박서연"

[[shows]]
slug = "night-train"
title = "Day Train"
kind = "film"
platform = "Theatrical"
genres = ["action"]
synopsis = "A train by day."
release_date = 2020-01-01
sources = ["test-chart"]
"""


def test_an_id_taken_for_another_thing_offers_an_id_of_its_own_before_override(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A citation of another page given a shipped citation's id, or a title or person of
    another name given its slug or id, was told only to set override = true: followed, every
    fact citing the shipped page would cite the fan's page, or the shipped title would be gone.
    The error now says it may be another one, needing an id of its own, and says where the
    entry it clashes with starts, to copy it from."""
    layer = write_dataset(OTHER_THINGS, "mine.toml")
    result = run("--add-data", str(layer), "show", "night-train")
    assert result.exit_code == 1
    errors = [line.split(": ", 4)[-1] for line in result.stderr.splitlines() if "error:" in line]
    copy = "set override = true: an override replaces the entry whole, so copy its whole"
    assert errors == [
        "id 'test-chart' is already defined in "
        f"{MINI}, for the page https://example.org/chart: if this is another source, give it an"
        f" id of its own; to correct the one in {MINI}, {copy} [[citations]] block from "
        f"{entry_at(MINI, 'citations', 'id', 'test-chart')} and change it there",
        f"id 'han-ji-won' is already defined in {MINI}, as 'Han Ji-won': if this is another"
        f" person, give them an id of their own; to correct the one in {MINI}, {copy}"
        f" [[people]] block from {entry_at(MINI, 'people', 'id', 'han-ji-won')} and change it"
        " there",
        f"slug 'night-train' is already defined in {MINI}, as 'Night Train': if this is another"
        f" title, give it a slug of its own; to correct the one in {MINI}, {copy} [[shows]]"
        f" block from {entry_at(MINI, 'shows', 'slug', 'night-train')} and change it there",
    ]
    # the same page, name or title (an alias of the person counts): a correction, told only
    # to override, with where to copy from
    same = (
        OTHER_THINGS.replace("https://example.com/my-blog/day-train", "https://example.org/chart/")
        .replace('"Park Seo-yeon"', '"Han Jee-won"')
        .replace('"박서연"', '"한지원"')
        .replace('"Day Train"', '"Night Train"')
    )
    result = run("data", "check", str(write_dataset(same, "same.toml")))
    said = result.stderr
    assert "if this is another" not in said
    assert (
        f"slug 'night-train' is already defined in {MINI}; set override = true to replace it: an"
        " override replaces the entry whole, so copy its whole [[shows]] block from "
        f"{entry_at(MINI, 'shows', 'slug', 'night-train')} and change it there"
    ) in said


def test_files_too_large_together_are_told_the_limit_in_mib(
    run: Run, write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file over its limit is told "the limit is 64 MiB"; the files of a run over theirs
    together were told "the files exceed 268,435,456 bytes". They are told the limit in MiB
    too, and how much they come to (the limit lowered here to 1 MiB, for two small files)."""
    from kdrama_cli.catalogue import loader

    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", 1024 * 1024)
    padding = "# padding\n" * 60_000  # 600,000 bytes
    base = write_dataset(BASE + padding, "base.toml")
    layer = write_dataset(LAYER + padding, "layer.toml")
    result = run("--data", str(base), "--add-data", str(layer), "data", "check")
    assert result.exit_code == 1
    total = base.stat().st_size + layer.stat().st_size
    assert total > 1024 * 1024
    assert (
        f"kdrama: error: {layer}: not read: the files of one run are too large together"
        f" ({total:,} bytes with this one; the limit is 1 MiB in total)"
    ) in result.stderr.splitlines(), result.stderr


def test_a_clash_reads_each_file_once_for_its_advice_and_every_line(
    run: Run, write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An "already defined" says where the earlier entry starts and is itself placed at its
    entry's line: one read of each file serves both (the layer's text was read twice for
    them, once for the clash's advice and once for every problem's line)."""
    from kdrama_cli.catalogue import loader

    reads: list[str] = []
    real_read = loader.read_regular_file

    def counted(name: str, limit: int = loader.MAX_FILE_BYTES) -> bytes:
        reads.append(Path(name).name)
        return real_read(name, limit)

    monkeypatch.setattr(loader, "read_regular_file", counted)
    layer = write_dataset(OTHER_THINGS, "mine.toml")
    result = run("--add-data", str(layer), "show", "night-train")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3, result.stderr
    # each placed at its line in mine.toml, each naming the line of MINI's entry
    for error, (table, key, identity) in zip(
        errors,
        [
            ("citations", "id", "test-chart"),
            ("people", "id", "han-ji-won"),
            ("shows", "slug", "night-train"),
        ],
        strict=True,
    ):
        assert error.startswith(f"kdrama: error: {entry_at(layer, table, key, identity)}: ")
        assert f" block from {entry_at(MINI, table, key, identity)} and change it" in error
    # parsed once and read once more for the lines, each
    assert Counter(reads) == {"mine.toml": 2, "mini.toml": 2}, reads


def test_two_layers_sharing_a_slug_name_the_earlier_entry_s_line_not_data_path(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Two fans' layers both using one slug: the error named the first layer, then sent the
    reader to "the file kdrama ... data path lists" for it. It now gives that file's line."""
    first = write_dataset(LAYER, "one.toml")
    second = write_dataset(LAYER.replace('"A test film."', '"A film."'), "friend.toml")
    result = run("--add-data", str(first), "--add-data", str(second), "show", "harbour-film")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert (
        f"{entry_at(second, 'shows', 'slug', 'harbour-film')}: shows[harbour-film]: slug"
        f" 'harbour-film' is already defined in {first}; set"
        " override = true to replace it: an override replaces the entry whole, so copy its whole"
        f" [[shows]] block from {entry_at(first, 'shows', 'slug', 'harbour-film')} and change it"
        " there"
    ) in said
    assert "data path" not in said
    # an earlier file whose lines cannot be told (its entries written as inline tables): the
    # file is named already, and the error does not send the reader to data path for it
    inline = write_dataset(
        'citations = [{ id = "mine", url = "https://example.org/m", title = "M", publisher ='
        ' "Example Press" }]\n',
        "inline.toml",
    )
    again = write_dataset(
        '[[citations]]\nid = "mine"\nurl = "https://example.org/m"\ntitle = "M2"\n'
        'publisher = "Example Press"\n',
        "again.toml",
    )
    said = " ".join(
        run("--add-data", str(inline), "--add-data", str(again), "data", "check").stderr.split()
    )
    assert (
        f"{again}:1: citations[mine]: id 'mine' is already defined in {inline}; set override ="
        " true to replace it: an override replaces the entry whole, so copy its whole"
        " [[citations]] block from that file and change it there"
    ) in said


def test_layer_option_catches_a_redefinition_without_override(
    run: Run, write_dataset: WriteDataset
) -> None:
    copy = write_dataset(BASE.replace("runtime_minutes = 118", "runtime_minutes = 120"))
    assert run("data", "check", str(copy)).exit_code == 0  # a whole dataset: checked by itself
    result = run("data", "check", str(copy), "--layer")
    assert result.exit_code == 1
    assert (
        f"{copy}:196: shows[night-train]: slug 'night-train' is already defined in {MINI}; "
        "set override = true to replace it"
    ) in result.stderr
    layer = write_dataset(LAYER, "layer.toml")
    assert as_json(run("data", "check", str(layer), "--layer", "--json"))["as_layer"] is True


def test_layer_or_alone_needs_a_path(run: Run) -> None:
    result = run("data", "check", "--layer")
    assert result.exit_code == 2
    assert "--layer goes with a PATH to check" in result.stderr


def test_layer_and_alone_together_are_a_usage_error(run: Run, write_dataset: WriteDataset) -> None:
    layer = write_dataset(LAYER, "layer.toml")
    for options in (["--layer", "--alone"], ["--alone", "--layer"]):
        result = run("data", "check", str(layer), *options)
        assert result.exit_code == 2
        assert "--layer and --alone: give one" in result.stderr


def test_a_layer_check_says_what_the_layer_holds(run: Run, write_dataset: WriteDataset) -> None:
    """The table counts the merged dataset; a line above it says what the layer brings."""
    layer = write_dataset(LAYER, "layer.toml")
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert (
        f"{layer} holds 1 title, 1 credit, 1 figure and 1 citation; merged over the dataset in"
        " use: Dataset OK"
    ) in said
    assert " holds " not in run("data", "check", str(MINI)).stdout  # a base: no such line


def test_a_layer_check_parses_the_layer_once_for_each_load(
    run: Run, write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A layer's check parses it three times: once for what it holds (its counts, titles and
    overrides together), once by itself and once merged; a check that fails reuses what it
    read to count. Its text is read a fourth time, not parsed, for the lines of the entries
    its check by itself finds using the dataset in use."""
    from kdrama_cli.catalogue import loader

    reads: list[str] = []
    real_read = loader.read_regular_file

    def counted(name: str, limit: int = loader.MAX_FILE_BYTES) -> bytes:
        reads.append(Path(name).name)
        return real_read(name, limit)

    monkeypatch.setattr(loader, "read_regular_file", counted)
    layer = write_dataset(LAYER, "layer.toml")
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    assert " holds 1 title, 1 credit, 1 figure and 1 citation;" in " ".join(result.stdout.split())
    assert reads.count("layer.toml") == 4


def test_a_layer_check_names_its_partial_titles_and_what_they_lack(
    run: Run, write_dataset: WriteDataset
) -> None:
    """`list --completeness full` leaves a partial title out; the layer's check says which of
    its titles are partial, and why, rather than leaving the author to find out."""
    layer = write_dataset(LAYER, "layer.toml")
    said = " ".join(run("data", "check", str(layer)).stdout.split())
    assert (
        "harbour-film (no facts) is partial: list --completeness full leaves it out. "
        f"{layer} holds 1 title"
    ) in said
    full = LAYER.replace(
        'role = "main"\n',
        'role = "main"\n\n[[shows.facts]]\ntext = "Shot in a week."\nsources = ["layer-press"]\n',
        1,
    )
    assert " partial" not in run("data", "check", str(write_dataset(full, "full.toml"))).stdout


def test_a_mistyped_id_gets_the_nearest_of_the_dataset_in_use(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A [[stats]] for 'moonlit-halway' is checked alone (it borrows nothing the dataset in use
    has), where no title exists: the error names the one meant. A bad citation beside the bad
    title is reported too, not hidden by it."""
    stat_only = "[[stats]]" + LAYER.rsplit("[[stats]]", 1)[1]
    typo = stat_only.replace('"moonlit-hallway"', '"moonlit-halway"').replace(
        '["layer-press"]', '["nope"]'
    )
    result = run("data", "check", str(write_dataset(typo, "typo.toml")))
    assert result.exit_code == 1
    errors = [line.split(": ", 3)[-1] for line in result.stderr.splitlines()]
    assert errors == [
        "stats[0].show: unknown show 'moonlit-halway'. Did you mean moonlit-hallway?",
        "stats[0].sources: unknown citation 'nope'",
    ]


def test_a_mistyped_id_of_the_files_own_is_named_and_alone_offers_only_its_own(
    run: Run, write_dataset: WriteDataset
) -> None:
    """The likeliest typo is of one's own id; --alone reads nothing but the file, so the ids of
    the dataset in use are not offered then."""
    own = (
        '[meta]\nschema = 1\n\n[[citations]]\nid = "my-cite"\nurl = "https://example.org/x"\n'
        'title = "X"\npublisher = "Example Press"\n\n[[stats]]\nshow = "moonlit-halway"\n'
        'metric = "hours-viewed"\nvalue = 5\nunit = "hours"\nwindow = "total"\n'
        'as_of = 2024-01-01\nsources = ["my-cit"]\n'
    )
    path = str(write_dataset(own, "own.toml"))
    merged = run("data", "check", path).stderr
    assert "unknown citation 'my-cit'. Did you mean my-cite?" in merged
    assert "unknown show 'moonlit-halway'. Did you mean moonlit-hallway?" in merged
    alone = run("data", "check", path, "--alone").stderr
    assert "unknown citation 'my-cit'. Did you mean my-cite?" in alone
    assert "unknown show 'moonlit-halway'\n" in alone  # no id of the dataset in use


#: A layer that fixes a title of the base by writing it out again, self-contained (its own
#: citation and no credits), and forgets override = true: by itself it is a valid dataset.
REDEFINING = """\
[[citations]]
id = "fix-press"
url = "https://example.org/fix"
title = "A correction"
publisher = "Example Press"

[[shows]]
slug = "night-train"
title = "Night Train"
kind = "film"
platform = "Example Pictures"
genres = ["action"]
synopsis = "Passengers on the last train of the night face a flood."
release_date = 2016-07-20
sources = ["fix-press"]
"""

ALREADY = "shows[night-train]: slug 'night-train' is already defined in"


def test_a_layer_that_redefines_a_title_is_checked_as_a_layer(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Alone it passes, and every command would then refuse it: the check says what
    --add-data will say, and why it checked the file that way."""
    layer = write_dataset(REDEFINING, "fix.toml")
    assert run("--add-data", str(layer), "show", "night-train").exit_code == 1
    result = run("data", "check", str(layer))
    assert result.exit_code == 1
    assert f"kdrama: error: {layer}:7: {ALREADY} {MINI}; set override = true" in result.stderr
    assert (
        f"kdrama: note: {layer} defines night-train, which the dataset in use has too: checked"
        " as a layer over it, where an entry that replaces another needs override = true"
    ) in " ".join(result.stderr.split())
    report = json.loads(run("data", "check", str(layer), "--json").stdout)
    assert (report["as_layer"], report["ok"]) == (True, False)
    assert run("data", "check", str(layer), "--alone").exit_code == 0
    fixed = write_dataset(REDEFINING.replace("[[shows]]\n", "[[shows]]\noverride = true\n"))
    result = run("data", "check", str(fixed))
    assert result.exit_code == 0, result.stderr
    assert "overrides the one in" in result.stderr
    # The note says what the file does (it says override = true), not what it lacks.
    said = " ".join(result.stderr.split())
    assert "needs override = true" not in said
    assert f"{fixed} marks night-train override = true: checked as a layer over the" in said


def test_the_personal_dataset_checked_by_its_path_is_a_layer(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(LAYER, encoding="utf-8")  # a valid one, with a title of its own
    # A whole dataset (an edited copy of the base) is still a base, beside a personal dataset.
    copy = write_dataset(BASE.replace("runtime_minutes = 118", "runtime_minutes = 120"))
    assert run("data", "check", str(copy)).exit_code == 0
    personal.write_text(REDEFINING, encoding="utf-8")
    result = run("data", "check", str(personal))
    assert result.exit_code == 1
    assert f"kdrama: error: {personal}:7: {ALREADY} {MINI}" in result.stderr
    assert f"kdrama: note: {personal} is your personal dataset: checked as a layer" in (
        " ".join(result.stderr.split())
    )
    assert run("data", "check", str(personal), "--alone").exit_code == 0


def test_an_add_data_file_checked_by_its_path_is_a_layer(
    run: Run, write_dataset: WriteDataset
) -> None:
    layer = write_dataset(REDEFINING, "fix.toml")
    result = run("--add-data", str(layer), "data", "check", str(layer))
    assert result.exit_code == 1
    assert f"{layer} is given with --add-data: checked as a layer" in result.stderr
    assert result.stderr.count(ALREADY) == 1


def test_a_layer_problem_is_reported_once_where_the_layer_has_it(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A [[stats]] of a layer joins a title of the base; its unknown citation is the layer's
    problem, not the base file's at an index the layer does not have."""
    stat_cited = LAYER.rsplit('sources = ["layer-press"]', 1)[0]  # the last: the [[stats]]'s
    layer = write_dataset(stat_cited + 'sources = ["nope"]\n', "layer.toml")
    for args in (["data", "check", str(layer)], ["--add-data", str(layer), "data", "check"]):
        result = run(*args)
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        assert errors == [f"kdrama: error: {layer}:27: stats[0].sources: unknown citation 'nope'"]


def test_a_layer_over_a_dataset_that_does_not_load_still_gets_its_report(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    """A layer using entries it does not define needs the dataset in use to tell; when that
    (here the personal dataset) is broken, the file is checked over it, so the report, --json
    included, names what is wrong there, rather than printing nothing."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text("[[shows]]\nslug = 3\n", encoding="utf-8")
    layer = write_dataset(LAYER, "layer.toml")
    result = run("data", "check", str(layer), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["as_layer"] is True
    assert any(p.startswith(f"{personal}:1: shows[0].slug") for p in report["problems"])
    plain = run("data", "check", str(layer))
    assert plain.exit_code == 1
    assert "the dataset in use does not load" in " ".join(plain.stderr.split())


def test_a_scheduled_premiere_may_be_in_the_future_and_a_note_may_break_lines(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = BASE.replace("release_date = 2016-07-20", "release_date = 2099-07-20", 1).replace(
        'title = "Night Train"', 'title = "Night Train"\nromanization = "Bam\\tgicha"', 1
    )
    assert _check(run, write_dataset(text)) == (0, [])


def test_an_include_that_cannot_be_read_names_the_file_that_includes_it(
    run: Run, tmp_path: Path
) -> None:
    layer = tmp_path / "inc.toml"
    layer.write_text('[meta]\nschema = 1\ninclude = ["nope.toml", "/"]\n', encoding="utf-8")
    result = run("data", "check", str(layer))
    assert result.exit_code == 1
    # at the line of its include key, as every entry's problem is (walk33 #13)
    assert f"{layer}:3: meta.include[0]: {tmp_path / 'nope.toml'}: no such file" in result.stderr
    assert f"{layer}:3: meta.include[1]: /: is a directory" in result.stderr
    # and of meta.include written as a dotted key before any table
    dotted = tmp_path / "dotted.toml"
    dotted.write_text('# mine\nmeta.include = ["nope.toml"]\n', encoding="utf-8")
    said = run("data", "check", str(dotted)).stderr
    assert f"{dotted}:2: meta.include[0]: {tmp_path / 'nope.toml'}: no such file" in said


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[meta]\r\nschema = 1\r\ninclude = ["nope.toml"]\r\n', 3),
        ('\ufeff[meta]\r\nschema = 1\r\ninclude = ["nope.toml"]\r\n', 3),
        ('\ufeff# mine\r\n[meta] # the layer\r\n\r\ninclude = [\r\n  "nope.toml",\r\n]\r\n', 4),
        ('\ufeff[meta]\r\nschema = 1\r\n"include" = ["nope.toml"]\r\n', 1),
        ("\ufeff[meta]\nschema = 1\ninclude = ['nope.toml']\n", 3),
    ],
    ids=["crlf", "bom-crlf", "bom-crlf-comments", "bom-crlf-header", "bom"],
)
def test_an_include_problem_has_its_line_in_a_file_with_crlf_line_ends_or_a_bom(
    run: Run, tmp_path: Path, text: str, line: int
) -> None:
    """review33 #4: a file a Windows editor saved ends its lines with CRLF, and may begin with
    a BOM: its include problem is at the include key's line, as an entry's problem in it is
    (at its [meta] header's for a key the line scan does not read, "include" in quotes)."""
    layer = tmp_path / "inc.toml"
    layer.write_bytes(text.encode("utf-8"))
    result = run("data", "check", str(layer))
    assert result.exit_code == 1
    assert (
        f"kdrama: error: {layer}:{line}: meta.include[0]: {tmp_path / 'nope.toml'}: no such file"
    ) in result.stderr


def test_data_check_refuses_a_list_netflix_does_not_have(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A misspelt list ("TV (Non English)") would make a board no --list opens: a warning that
    names the list meant (an error with --strict); two lists joined as the importer joins them
    pass."""
    text = BASE.replace(
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\n',
        'window = "first-28-days"\nseason = 1\nas_of = 2022-03-01\nlist = "TV (Non English)"\n',
        1,
    )
    assert text != BASE
    code, report = _strict(run, write_dataset(text))
    assert code == 1
    assert report["warnings"] == [
        "shows[moonlit-hallway].stats[1]: moonlit-hallway's hours-viewed figure (first-28-days)"
        " names the list 'TV (Non English)', which is not one of Netflix's. Did you mean"
        " 'TV (Non-English)'?"
    ]
    joined = text.replace('"TV (Non English)"', '"TV (English) / TV (Non-English)"')
    assert _strict(run, write_dataset(joined, "joined.toml"))[1]["warnings"] == []


def test_a_layer_s_figure_is_warned_of_in_the_layer_s_file(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A layer's figure for a shipped title, with a misspelt list or none, was reported against
    the installed shows.toml, which the user cannot edit: the warning names the layer, and the
    [[stats]] entry there (not the citation it shares with other figures)."""
    layer = write_dataset(
        SECOND_FIGURE.replace('list = "TV (Non-English)"', 'list = "TV (Non English)"')
        .replace('show = "squid-game"', 'show = "the-glory"')
        .replace("value = 10\n", "value = 12\n"),
        "mine.toml",
    )
    result = run_shipped("data", "check", "--json", str(layer))
    listed = [w for w in json.loads(result.output)["warnings"] if "Non English" in w]
    assert listed and all(at_entry(layer, w).startswith("stats[0]: the-glory's") for w in listed)


def test_a_seasons_future_date_is_addressed_as_its_other_problems_are(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Moonlit Hallway's second season (seasons[1], as the errors and the other warnings name
    it) had its future "as of" reported at seasons[2]: its number, a place past the end of a
    two-season list, so one season had two addresses in one run."""
    text = BASE.replace("as_of = 2026-11-01", "as_of = 2099-11-01", 1).replace(
        'note = "Renewal announced by the cast in a video."',
        'note = "=Renewal announced by the cast in a video."',
        1,
    )
    path = write_dataset(text)
    warnings = [
        at_entry(path, w) for w in as_json(run("data", "check", str(path), "--json"))["warnings"]
    ]
    assert "shows[moonlit-hallway].seasons[1].as_of: 2099-11-01 is in the future" in warnings
    assert any(w.startswith("shows[moonlit-hallway].seasons[1].note:") for w in warnings)
    assert not any("seasons[2]" in w for w in warnings)


def test_future_dates_and_control_characters_are_warnings(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A page dated next year, or text with terminal codes, is wrong but never printed as it
    is: a warning (an error with --strict), so a machine with a wrong clock still reads data."""
    text = (
        BASE.replace("date = 2022-06-06", "date = 2099-06-06", 1)
        .replace("as_of = 2022-02-01", "as_of = 2099-02-01", 1)
        .replace('title = "Night Train"', 'title = "Night \\u001b[5mTrain\\u0007"', 1)
    )
    path = write_dataset(text)
    relaxed = run("data", "check", str(path), "--json")
    assert relaxed.exit_code == 0
    warnings = [at_entry(path, w) for w in as_json(relaxed)["warnings"]]
    assert any(w.endswith(".date: 2099-06-06 is in the future") for w in warnings), warnings
    assert any("as of 2099-02-01, in the future" in w for w in warnings), warnings
    assert "shows[night-train].title: contains a control character (not text)" in warnings
    assert run("data", "check", str(path), "--strict").exit_code == 1


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("Night \\u202eTrain", "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control"),
        ("Night Train\\u200f", "U+200F RIGHT-TO-LEFT MARK, a bidirectional control"),
        (
            "\\u2066Night\\u2069 \\u061cTrain\\u2066",
            "U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE and U+061C ARABIC"
            " LETTER MARK, bidirectional controls",
        ),
    ],
    ids=["override", "invisible-mark", "several"],
)
def test_a_bidirectional_control_is_a_warning_naming_it(
    run: Run, write_dataset: WriteDataset, written: str, named: str
) -> None:
    """walk33 #8: pages and --csv leave out the bidirectional controls (docs/output.md) that
    --json keeps, and U+202E reverses how a line shows ("Trojan Source"): warned about as a
    control character is (so --strict fails), each named; the text around them is kept."""
    path = write_dataset(BASE.replace('title = "Night Train"', f'title = "{written}"', 1))
    relaxed = run("data", "check", str(path), "--json")
    assert relaxed.exit_code == 0
    warnings = [at_entry(path, w) for w in as_json(relaxed)["warnings"]]
    assert f"shows[night-train].title: contains {named} (not text: invisible, and can" in (
        "\n".join(warnings)
    ), warnings
    assert run("data", "check", str(path), "--strict").exit_code == 1
    plain = run("data", "check", str(write_dataset(BASE, "plain.toml")), "--strict")
    assert plain.exit_code == 0


def test_a_control_character_hides_neither_a_bidirectional_control_nor_a_tab(
    run: Run, write_dataset: WriteDataset
) -> None:
    """review33 #9: a bell in a text said nothing of the U+202E beside it (nor of a tab): the
    author removed the bell, checked again, and only then heard of the override. Each is said
    in the one run, in one order: the control character, the tab, the bidirectional control."""
    title = "Night\\u0007 \\u202eTrain\\tExpress"  # as TOML writes them
    path = write_dataset(BASE.replace('title = "Night Train"', f'title = "{title}"', 1))
    code, report = _strict(run, path)
    assert code == 1
    assert report["warnings"] == [
        "shows[night-train].title: contains a control character (not text)",
        "shows[night-train].title: contains a tab or a line break, in a one-line field (pages,"
        " --csv and --tsv print it as a space, while --json keeps it)",
        "shows[night-train].title: contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional"
        " control (not text: invisible, and can reorder how the line shows): pages, --csv and"
        " --tsv leave it out, while --json keeps it",
    ]


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        ('title = "Night Train"', 'title = "Night\\tTrain"', "shows[night-train].title"),
        ('title = "Night Train"', 'title = "Night\\nTrain"', "shows[night-train].title"),
        ('title = "Night Train"', 'title = "Night\\u2028Train"', "shows[night-train].title"),
        (
            'aliases = ["The Lantern Room"]',
            'aliases = ["The Lantern\\nRoom"]',
            "shows[moonlit-hallway].aliases[0]",
        ),
        (
            'synopsis = "Students trapped in a night school look for a way out before dawn."',
            'synopsis = "Students trapped in a night school.\\nThey look for a way out."',
            None,  # a synopsis may run over lines
        ),
    ],
    ids=[
        "tab-in-a-title",
        "line-break-in-a-title",
        "line-separator-in-a-title",
        "line-break-in-an-alias",
        "synopsis",
    ],
)
def test_a_tab_or_line_break_in_a_one_line_field_is_a_warning(
    run: Run, write_dataset: WriteDataset, old: str, new: str, warned: str | None
) -> None:
    """A title holding a tab and a line break passed --strict: pages fold them to a space,
    while --json and search keep them. A name or a title is one line; a synopsis or a note
    may be several."""
    assert old in BASE
    code, report = _strict(run, write_dataset(BASE.replace(old, new, 1)))
    expected = (
        [
            f"{warned}: contains a tab or a line break, in a one-line field (pages, --csv and "
            "--tsv print it as a space, while --json keeps it)"
        ]
        if warned
        else []
    )
    assert (code, report["warnings"]) == (1 if warned else 0, expected)
    if warned == "shows[night-train].title":  # and the page prints it on one line
        page = run("--data", str(write_dataset(BASE.replace(old, new, 1))), "show", "night-train")
        assert "Night Train" in page.stdout, page.stdout


def test_what_the_tab_warning_says_of_each_output_is_what_it_does(
    run: Run, write_dataset: WriteDataset
) -> None:
    """The warning said --csv keeps a tab, and docs/output.md that only TSV turns one into a
    space, while CSV gave it as a space too and left out a bidirectional control, silently.
    A title with both: the page, --csv and --tsv give a space and drop the control; --json
    keeps both, escaped."""
    title = 'Night \\"Train\\"\\tExpress \\u202eRLO'  # as TOML writes them
    path = write_dataset(BASE.replace('title = "Night Train"', f'title = "{title}"', 1))
    warnings = [
        at_entry(path, w) for w in as_json(run("data", "check", str(path), "--json"))["warnings"]
    ]
    warned = (
        "shows[night-train].title: contains a tab or a line break, in a one-line field"
        " (pages, --csv and --tsv print it as a space, while --json keeps it)"
    )
    assert warned in warnings, warnings
    # and of the override, named (walk33 #8): one warning does not hide the other
    assert any("contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional" in w for w in warnings)
    shown = 'Night "Train" Express RLO'
    assert shown in run("--data", str(path), "show", "night-train").stdout
    rows = run("--data", str(path), "list", "--csv").stdout
    assert '"Night ""Train"" Express RLO"' in rows and "\t" not in rows and "\u202e" not in rows
    tabbed = run("--data", str(path), "list", "--tsv").stdout
    assert f"night-train\t{shown}\t" in tabbed and "\u202e" not in tabbed
    listed = run("--data", str(path), "list", "--json").stdout
    assert "Express \\u202eRLO" in listed
    [row] = [r for r in json.loads(listed) if r["slug"] == "night-train"]
    assert row["title"] == 'Night "Train"\tExpress \u202eRLO'


def test_text_a_spreadsheet_reads_as_a_formula_is_a_warning(
    run: Run, write_dataset: WriteDataset
) -> None:
    """--csv writes text as it is (for scripts): a layer's `=HYPERLINK(...)` name would be a
    live formula in a spreadsheet (OWASP's CSV injection), so data check stops it at its
    author. A plain signed number ("-1", "+3.5%") is read as a number, and is left alone."""
    text = (
        BASE.replace(
            'name = "Kang Bo-ra"', 'name = "=HYPERLINK(\\"http://x.example\\",\\"Kang\\")"'
        )
        .replace('character = "Ko Dae-ho"', 'character = "@SUM(1+1)"')
        .replace('character = "Conductor"', "character = \"-2+3+cmd|' /C calc'!A0\"")
        .replace('character = "Harbour master"', 'character = " +HYPERLINK(1)"')
        .replace('character = "Teacher Lim"', 'character = "-1"')
        .replace('character = "Captain Yun"', 'character = "+3.5%"')
    )
    assert '"-1"' in text and '"+3.5%"' in text  # the two numbers are in the file
    path = write_dataset(text)
    relaxed = run("data", "check", str(path), "--json")
    assert relaxed.exit_code == 0
    # each at its entry's line: a credit's at its [[shows.cast]] header
    warnings = [at_entry(path, w) for w in as_json(relaxed)["warnings"] if "formula" in w]
    said = "which a spreadsheet opening --csv output reads as a formula"
    assert sorted(warnings) == [
        f"people[kang-bora].name: starts with '=', {said}",
        f"shows[moonlit-hallway].cast[1].character: starts with '@', {said}",
        f"shows[night-train].cast[0].character: starts with '-', {said}",
        f"shows[river-of-lanterns].cast[1].character: starts with '+', {said}",
    ]
    assert run("data", "check", str(path), "--strict").exit_code == 1


def test_the_verdict_and_the_exit_status_agree_under_strict(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A script reading `ok`, or a person reading the page, sees the verdict the exit status
    gives: with --strict a warning fails the check, so neither says the dataset is OK."""
    path = write_dataset(BASE.replace("date = 2022-06-06", "date = 2099-06-06", 1))
    strict = run("data", "check", str(path), "--strict", "--json")
    assert strict.exit_code == 1
    report = json.loads(strict.stdout)
    assert (report["ok"], report["strict"], report["problems"]) == (False, True, [])
    relaxed = as_json(run("data", "check", str(path), "--json"))
    assert (relaxed["ok"], relaxed["strict"]) == (True, False) and relaxed["warnings"]
    page = run("data", "check", str(path), "--strict")
    assert page.exit_code == 1
    assert "Dataset OK" not in page.stdout
    assert "Dataset fails --strict" in page.stdout and "1 warning: fails --strict." in page.stdout
    passing = run("data", "check", str(path))
    assert passing.exit_code == 0
    assert "Dataset OK" in passing.stdout
    assert "1 warning: fails only with --strict." in passing.stdout


def test_the_page_the_json_and_the_exit_status_give_one_verdict(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict is decided once (CheckReport.passed) and handed to the page and --json, so a
    change to what fails the check (weak-only citations under --strict, say) changes all three
    together rather than leaving copies that disagree."""
    from kdrama_cli.catalogue.loader import CheckReport

    assert as_json(run("data", "check", "--json"))["ok"] is True
    monkeypatch.setattr(CheckReport, "passed", lambda self, strict=False: False)
    report = run("data", "check", "--json")
    assert (report.exit_code, json.loads(report.stdout)["ok"]) == (1, False)
    page = run("data", "check")
    assert page.exit_code == 1 and "Dataset OK" not in page.stdout


def test_data_check_counts_titles_and_figures_as_every_page_says(run: Run) -> None:
    """README and every other command say "titles" and "figures"; `data check` too (its JSON
    keeps the dataset's own "shows" and "stats" beside them)."""
    page = run("data", "check").stdout
    rows = {line.split()[0] for line in page.splitlines() if line.strip()}
    assert {"titles", "figures"} <= rows and not {"shows", "stats"} & rows
    counts = as_json(run("data", "check", "--json"))["counts"]
    assert counts["titles"] == counts["shows"] > 0
    assert counts["figures"] == counts["stats"] > 0


def test_data_readme_documents_every_key_the_check_accepts() -> None:
    """data/README.md is "the format documented field by field": each table's section has a
    row for every key the check accepts there ([meta] include, every entry's override)."""
    import re

    from kdrama_cli.catalogue import schema
    from tests.conftest import REPO

    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    sections = {
        "## `[meta]`": schema.META,
        "## `[[citations]]`": schema.CITATION,
        "## `[[people]]`": schema.PERSON,
        "## `[[source_works]]`": schema.SOURCE_WORK,
        "## `[[shows]]`": schema.SHOW,
        "### `[[shows.seasons]]`": schema.SEASON,
        "### `[[shows.cast]]`": schema.CREDIT,
        "### `[[shows.stats]]`": schema.STAT,
        "### `[[shows.facts]]`": schema.FACT,
    }
    for heading, spec in sections.items():
        body = re.split(r"\n#{2,3} ", text.split(f"\n{heading}", 1)[1], maxsplit=1)[0]
        rows = [line.split("|")[1] for line in body.splitlines() if line.startswith("| `")]
        documented = {key for row in rows for key in re.findall(r"`([a-z_]+)`", row)}
        assert set(spec) <= documented, (heading, sorted(set(spec) - documented))
    assert "## Layers" in text


#: A layer's new person who shares the name of the base's han-ji-won (who has no note).
NAMESAKE = LAYER.replace(
    "[[shows]]",
    '[[people]]\nid = "han-ji-won-2"\nname = "Han Ji-won"\nhangul = "한지원"\nNOTE\n\n[[shows]]',
).replace('person = "han-ji-won"', 'person = "han-ji-won-2"')


def test_a_layer_tells_its_namesake_apart_in_its_own_file(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A layer may add a second Han Ji-won: the note that tells the two apart goes on its own
    person, in its own file; the base's entry, which the layer author cannot edit, needs none,
    and no error names the base's file."""
    bare = write_dataset(NAMESAKE.replace("NOTE\n", ""), "namesake.toml")
    for args in (["data", "check", str(bare)], ["--add-data", str(bare), "show", "harbour"]):
        result = run(*args)
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        assert errors == [
            f"kdrama: error: {bare}:10: people[han-ji-won-2].note: shares the name 'Han Ji-won'"
            f' with han-ji-won of {MINI}; tell them apart: add note = "…" to'
            " people[han-ji-won-2] in this file, saying who this is (a best-known title or role)"
        ]
    noted = write_dataset(NAMESAKE.replace("NOTE", 'note = "The harbour actor."'), "noted.toml")
    assert run("data", "check", str(noted)).exit_code == 0
    page = run("--add-data", str(noted), "show", "harbour film")
    assert page.exit_code == 0 and "Han Ji-won" in page.stdout


def test_a_file_of_its_own_with_a_namesake_is_checked_as_the_layer_it_breaks(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A file that uses nothing of the dataset in use passes by itself; but a person in it who
    shares a name with one of that dataset, and has no note, makes --add-data refuse it. The
    check refuses it too, with the same error, and says why it checked it as a layer."""
    own = NAMESAKE[: NAMESAKE.index("[[stats]]")].replace(
        'directors = ["oh-taeyang"]', 'directors = ["han-ji-won-2"]'
    )
    bare = write_dataset(own.replace("NOTE\n", ""), "own.toml")
    assert run("data", "check", str(bare), "--alone").exit_code == 0
    added = run("--add-data", str(bare), "show", "harbour")
    assert added.exit_code == 1
    checked = run("data", "check", str(bare))
    assert checked.exit_code == 1
    errors = [line for line in checked.stderr.splitlines() if "error" in line]
    assert (
        errors
        == added.stderr.splitlines()
        == [
            f"kdrama: error: {bare}:10: people[han-ji-won-2].note: shares the name 'Han Ji-won'"
            f' with han-ji-won of {MINI}; tell them apart: add note = "…" to'
            " people[han-ji-won-2] in this file, saying who this is (a best-known title or role)"
        ]
    )
    assert (
        f"kdrama: note: {bare} defines people named as people of the dataset in use are"
        " (han-ji-won-2): checked as a layer over it, where each needs a note to tell them apart"
    ) in " ".join(checked.stderr.split())
    assert json.loads(run("data", "check", str(bare), "--json").stdout)["ok"] is False
    noted = write_dataset(own.replace("NOTE", 'note = "The harbour actor."'), "noted.toml")
    result = run("data", "check", str(noted))
    assert result.exit_code == 0, result.stderr
    assert "checked as a layer" not in result.stderr


TITLE_NAMED_AS_ANOTHER = """
[[citations]]
id = "own-film-cite"
url = "https://www.example.com/own-film"
title = "Own film"
publisher = "Example"

[[people]]
id = "own-film-lead"
name = "Own Film Lead"
sources = ["own-film-cite"]

[[shows]]
slug = "own-film"
title = "Own Film"
aliases = ["The Glory", "CLOY"]
kind = "film"
platform = "Netflix"
genres = ["drama"]
synopsis = "A film of the layer's own."
release_date = 2020-01-01
cast_sources = ["own-film-cite"]
sources = ["own-film-cite"]

[[shows.cast]]
person = "own-film-lead"
character = "Zed"
role = "main"
"""


def test_a_file_whose_title_is_named_as_a_title_in_use_is_checked_as_a_layer(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A file of its own whose aliases are names of shipped titles ("The Glory", "CLOY")
    passed by itself, while --add-data then warned about both and made `show cloy`
    ambiguous: the check now reads it as the layer it is, says why, and warns as --add-data
    does."""
    own = tmp_path / "own.toml"
    own.write_text(TITLE_NAMED_AS_ANOTHER, encoding="utf-8")
    checked = run_shipped("data", "check", str(own), "--strict")
    added = run_shipped("--add-data", str(own), "data", "check", "--strict")
    assert checked.exit_code == added.exit_code == 1
    said = " ".join(checked.stderr.split())
    assert f"{own} gives titles names that titles of the dataset in use have (own-film)" in said
    for warning in ("'The Glory' is the title of the-glory", "'CLOY' is an alias of crash-landing"):
        assert warning in said and warning in " ".join(added.stderr.split())
    assert json.loads(run_shipped("data", "check", str(own), "--json").stdout)["as_layer"] is True
    alone = run_shipped("data", "check", str(own), "--alone", "--strict")
    assert alone.exit_code == 0, alone.stderr


def test_two_namesakes_of_one_file_each_need_a_note(run: Run, write_dataset: WriteDataset) -> None:
    """In one file, as in the shipped dataset, each of two people who share a name has a note."""
    text = BASE.replace('name = "Kang Bo-ra"', 'name = "Han Ji-won"\nnote = "The captain."')
    result = run("data", "check", str(write_dataset(text)))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert "with kang-bora; add a note" in errors[0]
    assert "people[han-ji-won].note: shares the name" in errors[0]


#: Figures in a file of their own for moonlit-hallway's seasons 1 and 2 (as netflix.toml
#: holds Netflix's), and an override of moonlit-hallway that keeps only season 1.
FIGURES = "".join(
    f'[[stats]]\nshow = "moonlit-hallway"\nmetric = "views"\nvalue = {value}\nunit = "views"\n'
    f'window = "week:{week}"\nseason = {season}\nas_of = 2024-05-01\n'
    'sources = ["test-chart"]\n\n'
    for value, season, week in ((1, 1, "2024-01-07"), (2, 2, "2024-02-04"), (3, 2, "2024-03-03"))
)
SEASON_ONE = """\
[[shows]]
slug = "moonlit-hallway"
override = true
title = "Moonlit Hallway"
kind = "series"
platform = "Examplenet"
genres = ["horror"]
synopsis = "Students trapped in a night school look for a way out before dawn."
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-01-28
episodes = 12
sources = ["test-press"]
"""


def test_an_override_that_leaves_out_seasons_with_figures_is_told_so_in_its_file(
    run: Run, write_dataset: WriteDataset
) -> None:
    """The figures of another file (the generated netflix.toml, which nobody edits) are right:
    the override left out their season. One line, in the override's file, says to keep it."""
    figures = write_dataset(FIGURES, "figures.toml")
    override = write_dataset(SEASON_ONE, "override.toml")
    layers = ["--add-data", str(figures), "--add-data", str(override)]
    for args in ([*layers, "show", "moonlit hallway"], [*layers, "data", "check"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            f"kdrama: error: {override}:1: shows[moonlit-hallway].seasons: this override has no"
            f" season 2, but 2 figures in {figures} are for moonlit-hallway season 2: keep"
            f" season 2 in the override (copy its [[shows.seasons]] from {MINI};"
            f" {kdrama_on('--data', MINI, *layers)} data"
            " path prints where it is)"
        ]
    assert run("--add-data", str(figures), "show", "moonlit hallway").exit_code == 0
    # A figure of the override's own file for a season it lacks is that figure's problem.
    own = write_dataset(SEASON_ONE + "\n" + FIGURES, "own.toml")
    result = run("--add-data", str(own), "data", "check")
    assert result.exit_code == 1
    assert f"{own}:28: stats[1].season: moonlit-hallway has no season 2" in result.stderr


def test_an_override_that_replaces_nothing_is_an_error_naming_the_id_meant(
    run: Run, write_dataset: WriteDataset
) -> None:
    """override = true says the author means to replace an entry: with a mistyped slug it
    would add a second Night Train beside the first. A file marking an override is checked as
    a layer, where the entry it means is."""
    typo = REDEFINING.replace("[[shows]]\n", "[[shows]]\noverride = true\n").replace(
        'slug = "night-train"', 'slug = "night-trian"'
    )
    layer = write_dataset(typo, "typo.toml")
    error = (
        f"kdrama: error: {layer}:7: shows[night-trian].override: override = true, but no earlier"
        " file defines slug 'night-trian'. Did you mean night-train?"
    )
    result = run("data", "check", str(layer), "--strict")
    assert result.exit_code == 1
    assert error in result.stderr.splitlines()
    assert (
        f"kdrama: note: {layer} marks night-trian override = true: checked as a layer over the"
        " dataset in use, whose entries it replaces"
    ) in " ".join(result.stderr.split())
    report = json.loads(run("data", "check", str(layer), "--json").stdout)
    assert (report["as_layer"], report["ok"]) == (True, False)
    shown = run("--add-data", str(layer), "search", "night train", "--json")
    assert shown.exit_code == 1
    assert error.removeprefix("kdrama: error: ") in json_error(shown)["message"].splitlines()
    assert shown.stderr.count("\n") == 1  # the error is its one line
    shown = run("--add-data", str(layer), "search", "night train")
    assert shown.exit_code == 1 and error in shown.stderr.splitlines()


def test_the_override_note_names_the_file_that_marks_it(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A layer whose included file overrides a person: the note names that file, where the
    author finds override = true, not only the file checked, which has none (ux-review13,
    SHOULD 3). The way to check it again stays the file checked."""
    fixes = write_dataset(
        '[[people]]\nid = "seo-minho"\noverride = true\nname = "Minho"\nhangul = "서민호"\n',
        "fixes.toml",
    )
    main = write_dataset('[meta]\ninclude = ["fixes.toml"]\n', "main.toml")
    result = run("data", "check", str(main))
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert (
        f"kdrama: note: {fixes}, included by {main}, marks seo-minho override = true: checked"
        f" as a layer over the dataset in use, whose entries it replaces (as {KDRAMA} --add-data"
        f" {main} data check;"
    ) in said, said
    # where the file checked marks one too, both are named
    main.write_text(
        '[meta]\ninclude = ["fixes.toml"]\n\n[[people]]\nid = "kang-bora"\noverride = true\n'
        'name = "Bora"\nhangul = "강보라"\n',
        encoding="utf-8",
    )
    said = " ".join(run("data", "check", str(main)).stderr.split())
    assert (
        f"kdrama: note: {main} and {fixes} mark kang-bora and seo-minho override = true: checked as"
        " a layer over the dataset in use, whose entries they replace"
    ) in said, said


@pytest.mark.parametrize(
    ("slug", "error"),
    [("", "missing required field"), ("slug = 5\n", "expected a string, got an integer")],
    ids=["no-slug", "integer-slug"],
)
def test_an_override_without_a_slug_is_named_by_its_error_not_as_none(
    run: Run, write_dataset: WriteDataset, slug: str, error: str
) -> None:
    """An override with no slug, or one that is not text, has no id to name: the schema's error
    says what is wrong, and no note says the file "marks None override = true"."""
    path = write_dataset(f'[[shows]]\noverride = true\n{slug}title = "Night Train"\n', "o.toml")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f"kdrama: error: {path}:1: shows[0].slug: {error}" in result.stderr.splitlines()
    assert "None" not in result.stderr and " 5 override" not in result.stderr
    assert "marks" not in result.stderr


def test_every_message_about_an_entry_of_the_shipped_dataset_names_it_one_way(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """An override, a copy and a clash with a shipped entry name its file as the namesake and
    seasons errors do, "the shipped shows.toml", not by a path inside the installed package.
    The one path a clash gives is where to copy the entry from (PATH:LINE), which the fan
    opens."""
    import sys

    import tomli_w

    from kdrama_cli.catalogue.locations import packaged_dataset

    shipped = packaged_dataset()
    assert shipped is not None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    with open(shipped, "rb") as stream:
        first, second = tomllib.load(stream)["citations"][:2]

    def corrected(citation: dict[str, object]) -> dict[str, object]:
        return {**citation, "title": f"{citation['title']} (corrected)"}

    said = {  # a load that fails lists no notes: the clash has a file of its own
        "notes": (
            [first, {**corrected(second), "override": True}],
            ["is the same as in the shipped shows.toml", "overrides the one in the shipped"],
        ),
        "clash": ([corrected(first)], ["is already defined in the shipped shows.toml;"]),
    }
    for name, (citations, words) in said.items():
        layer = write_dataset(tomli_w.dumps({"citations": citations}), f"{name}.toml")
        result = run_shipped("--add-data", str(layer), "data", "check")
        stderr = " ".join(result.stderr.split())
        assert all(w in stderr for w in words), (name, stderr)
        copy_from = f"block from {entry_at(Path(shipped), 'citations', 'id', first['id'])} and"
        assert shipped not in stderr.replace(copy_from, ""), (name, stderr)


def test_an_override_that_drops_what_the_entry_had_is_a_warning_naming_it(
    run: Run, write_dataset: WriteDataset
) -> None:
    """An override is a copy of the whole entry: when the dataset below later gains a season,
    a credit or a fact, the copy goes on hiding it, and data check said only "overrides the one
    in ...". It now warns (so --strict fails) with what the override leaves out, and where to
    copy it from. A reworded fact is a correction, not a fact dropped; a whole copy is no
    warning."""
    block = MINI.read_text(encoding="utf-8").split("[[shows]]")[1]
    whole = "[[shows]]\noverride = true" + block
    assert run("data", "check", str(write_dataset(whole, "whole.toml")), "--strict").exit_code == 0
    stale = (
        whole.replace('aliases = ["The Lantern Room"]\n', "")
        .replace("seasons = [1, 2]", "seasons = [1]")
        .replace("single sound stage", "single large sound stage")
    )
    stale = (
        stale[: stale.index("[[shows.seasons]]\nnumber = 2")]
        + stale[stale.index("[[shows.cast]]") :]
    )
    stale = stale[: stale.rindex("[[shows.facts]]")]
    layer = write_dataset(stale, "stale.toml")
    warning = (
        f"kdrama: warning: {entry_at(layer, 'shows', 'slug', 'moonlit-hallway')}:"
        " shows[moonlit-hallway]: drops season 2, 1 fact and 1 alias"
        " that the entry it overrides has (an override replaces it whole, and hides what it"
        " gains later too): copy what yours should keep from"
        f" {entry_at(MINI, 'shows', 'slug', 'moonlit-hallway')}, or name what it leaves out on"
        ' purpose in drops: drops = ["season:2", "fact:Cha Eun-bi survives the first",'
        ' "alias:The Lantern Room"]'
    )
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    assert warning in result.stderr.splitlines()
    assert run("data", "check", str(layer), "--strict").exit_code == 1
    report = json.loads(run("data", "check", str(layer), "--json").stdout)
    assert warning.removeprefix("kdrama: warning: ") in report["warnings"]
    # a layer over the dataset in use, as every command loads it
    assert warning in run("--add-data", str(layer), "data", "check").stderr.splitlines()


def test_what_an_override_leaves_unused_below_it_is_said_once_not_warned_about(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Replacing moonlit-hallway with an entry of its own citation and no cast leaves the
    base's test-press and han-ji-won (used by nothing else) unused, and its webtoon adapted by
    no title: the layer author cannot remove them from the file below, so the override's note
    says so, and they are no warnings. The one warning is that the override drops the cast,
    figures and facts it left out (this test passed --strict before overrides were warned
    about what they drop)."""
    text = SEASON_ONE.replace('"test-press"', '"test-chart"').replace(
        "[[shows.seasons]]",
        'cast_unknown = "No source names a cast (as of 2026-11-01)."\n\n[[shows.seasons]]\n'
        'number = 2\nstatus = "renewed"\nas_of = 2026-11-01\nsources = ["test-chart"]\n\n'
        "[[shows.seasons]]",
        1,
    )
    layer = write_dataset(text, "override.toml")
    result = run("data", "check", str(layer), "--strict")
    assert result.exit_code == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    at = entry_at(layer, "shows", "slug", "moonlit-hallway")
    assert warnings[0].startswith(f"kdrama: warning: {at}: shows[moonlit-hallway]: drops 3")
    assert (
        f"kdrama: note: {layer}: shows[moonlit-hallway] overrides the one in {MINI}, which"
        " alone used 1 citation, 1 person and 1 source work there: left unused, they are not"
        " warned about (only that file could remove them)"
    ) in result.stderr.splitlines()
    report = json.loads(run("data", "check", str(layer), "--strict", "--json").stdout)
    assert [w.split(": ")[2].split()[0] for w in report["warnings"]] == ["drops"]
    assert "1 citation, 1 person and 1 source work" in report["overrides"][0]
    unused = '\n[[citations]]\nid = "mine"\nurl = "https://example.org/m"\ntitle = "M"\n'
    own = write_dataset(text + unused + 'publisher = "Example Press"\n', "own.toml")
    result = run("data", "check", str(own), "--strict")
    assert result.exit_code == 1
    at = entry_at(own, "citations", "id", "mine")
    assert f"kdrama: warning: {at}: citations[mine]: never used" in result.stderr.splitlines()


def test_a_warning_names_the_file_of_its_entry(run: Run, write_dataset: WriteDataset) -> None:
    """A layer's warnings and the dataset's below it are told apart by their file, in the
    text as in --json, as problems are, and at the line of the entry's header (FILE:LINE,
    as its errors are), for an editor to open."""
    layer = write_dataset(
        LAYER.replace(
            'publisher = "Example Press"', 'publisher = "Example Press"\ndate = 2099-01-01'
        ),
        "layer.toml",
    )
    result = run("data", "check", str(layer))
    assert result.exit_code == 0, result.stderr
    at = entry_at(layer, "citations", "id", "layer-press")
    assert at == f"{layer}:4"
    warning = f"{at}: citations[layer-press].date: 2099-01-01 is in the future"
    assert f"kdrama: warning: {warning}" in result.stderr.splitlines()
    assert as_json(run("data", "check", str(layer), "--json"))["warnings"] == [warning]


def test_a_warning_gives_no_line_rather_than_a_wrong_one(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Entries written as inline tables have no [[table]] header to count: their warnings name
    the file alone, not a line of another entry; the layer's other tables keep their lines."""
    layer = write_dataset(
        'citations = [{ id = "mine", url = "https://example.org/m", title = "M", publisher ='
        ' "Example Press" }]\n\n[[people]]\nid = "idle"\nname = "Idle Person"\n'
        'note = "Credited nowhere yet."\nsources = ["test-press"]\n',
        "inline.toml",
    )
    warnings = as_json(run("data", "check", str(layer), "--layer", "--json"))["warnings"]
    assert f"{layer}: citations[mine]: never used" in warnings, warnings
    assert f"{layer}:3: people[idle]: credited on no title" in warnings, warnings


def test_a_file_of_additions_given_with_data_is_told_to_use_add_data(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """--data replaces the shipped dataset: a layer crediting lee-jung-jae then says "unknown
    person", and a note says the shipped dataset has him and how to add the file to it."""
    own = LAYER.rsplit("[[stats]]", 1)[0].replace('directors = ["oh-taeyang"]\n', "")
    layer = write_dataset(own.replace("han-ji-won", "lee-jung-jae"), "layer.toml")
    assert run_shipped("--add-data", str(layer), "show", "harbour film").exit_code == 0
    # The hint asks an index of the shipped dataset (the package's, or the cache's), never
    # parsing it after an error: a run on the shipped dataset leaves one in the cache.
    assert run_shipped("show", "kingdom").exit_code == 0
    result = run_shipped("--data", str(layer), "show", "harbour film")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {layer}:21: shows[harbour-film].cast[0].person: unknown person"
        " 'lee-jung-jae'",
        "kdrama: note: the shipped dataset has lee-jung-jae, but a dataset given with --data"
        f" replaces the shipped one: to add {layer} to it, use --add-data {layer}",
    ]
    from_env = run_shipped("show", "harbour film", env={"KDRAMA_DATA": str(layer)})
    assert from_env.exit_code == 1
    # One note, not two each saying "unset KDRAMA_DATA".
    assert [line for line in from_env.stderr.splitlines() if "note:" in line] == [
        f"kdrama: note: {layer} is the dataset $KDRAMA_DATA names (set in your environment),"
        " used instead of the shipped one, which has lee-jung-jae: to add"
        f" {layer} to it, unset KDRAMA_DATA and use --add-data {layer}"
    ]


def test_only_the_base_files_own_references_earn_the_add_data_note(
    run_shipped: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    """With a valid one-title --data and an --add-data layer naming squid-game, the note said
    the shipped dataset has squid-game and told the user to add the --data file with
    --add-data: the layer's references were taken for the base's. A file the base includes is
    part of the base, and still gets the note."""
    assert run_shipped("show", "kingdom").exit_code == 0  # an index of the shipped dataset
    base = write_dataset(MINI.read_text("utf-8"), "base.toml")
    layer = write_dataset("[[stats]]" + NETFLIX_WEEK_AGAIN.split("[[stats]]", 1)[1])
    result = run_shipped("--data", str(base), "--add-data", str(layer), "list")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {layer}:1: stats[0].show: unknown show 'squid-game'",
        f"kdrama: error: {layer}:1: stats[0].sources: unknown citation "
        "'netflix-top10-tv-non-english-2021-09-19'",
    ]
    including = base.read_text("utf-8").replace(
        "schema = 1\n", f'schema = 1\ninclude = ["{layer.name}"]\n', 1
    )
    assert including != base.read_text("utf-8")
    base.write_text(including, "utf-8")
    result = run_shipped("--data", str(base), "list")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "kdrama: note: the shipped dataset has squid-game and netflix-top10-tv-non-english-2021-09-"
        "19, but a dataset given with --data replaces the shipped one: to add "
        f"{base} to it, use --add-data {base}"
    )


def test_a_missing_file_named_by_kdrama_data_says_where_it_came_from(
    run_shipped: Run, tmp_path: Path
) -> None:
    missing = tmp_path / "nope.toml"
    result = run_shipped("show", "kingdom", env={"KDRAMA_DATA": str(missing)})
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kdrama: error: {missing}: no such file",
        f"kdrama: note: {missing} is the dataset $KDRAMA_DATA names (set in your environment),"
        " used instead of the shipped one: unset KDRAMA_DATA to use the shipped dataset",
    ]
    given = run_shipped("--data", str(missing), "show", "kingdom")
    assert given.stderr.splitlines() == [f"kdrama: error: {missing}: no such file"]


def test_a_missing_file_is_worded_alike_by_every_command_that_reads_one(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`data check` said "no such file" and `seen import`, `data netflix` and a seen list
    linked to nothing the C library's "No such file or directory" (ux-review14, COULD 4)."""
    missing = tmp_path / "nope"
    seen = tmp_path / "seen.toml"
    seen.symlink_to(tmp_path / "gone.toml")
    for args in (
        ("data", "check", str(missing)),
        ("seen", "import", str(missing)),
        ("data", "netflix", str(missing)),
        ("seen", "list"),
    ):
        result = run_shipped(*args, env={"KDRAMA_SEEN": str(seen)})
        assert result.exit_code == 1, (args, result.stderr)
        said = f"{missing}: no such file"
        if args == ("seen", "list"):  # and a link says where it points
            gone = tmp_path / "gone.toml"
            said = f"{seen}: no such file: it is a link to {gone}, which is not there"
        assert result.stderr.splitlines() == [f"kdrama: error: {said}"], args


def test_a_duplicate_id_in_one_file_names_both_entries_by_position(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Both entries are people[han-ji-won]: their positions and lines say which two to look
    at (the file:LINE of the second, as a syntax error gives, and the first's line)."""
    text = BASE.replace('id = "yoon-gaeul"', 'id = "han-ji-won"')
    path = write_dataset(text)
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert (
        f"kdrama: error: {path}:48: people[4].id: duplicate id 'han-ji-won' (first at people[0],"
        " line 26)"
    ) in result.stderr.splitlines()
    lines = text.splitlines()
    assert lines[47] == lines[25] == "[[people]]" and lines[48] == 'id = "han-ji-won"'


@pytest.mark.parametrize("parallel", [False, True])
def test_a_duplicate_id_carries_its_line_apart_from_its_file(
    run: Run, write_dataset: WriteDataset, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    """A duplicate's line was written into its file ("x.toml:48"), so that whatever asked which
    file a problem is in had to strip it. The file is the file and the line its own field, as
    every other entry's problem has them, also through the forked validator of big files; the
    line printed and in --json is as before."""
    from kdrama_cli.catalogue import loader
    from kdrama_cli.catalogue.problems import InvalidEntries

    if parallel:
        monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    path = write_dataset(BASE.replace('id = "yoon-gaeul"', 'id = "han-ji-won"'))
    with pytest.raises(InvalidEntries) as raised:
        loader.load_dataset([path])
    duplicate = next(p for p in raised.value.problems if p.location == "people[4].id")
    assert (duplicate.file, duplicate.line) == (str(path), 48)
    said = f"{path}:48: people[4].id: duplicate id 'han-ji-won' (first at people[0], line 26)"
    assert str(duplicate) == said
    result = run("data", "check", str(path), "--json")
    assert result.exit_code == 1
    assert said in json.loads(result.stdout)["problems"]
    assert f"kdrama: error: {said}" in run("data", "check", str(path)).stderr.splitlines()


def test_a_duplicate_id_gives_no_line_rather_than_a_wrong_one(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A header-like line inside a multi-line string is not an entry: the lines cannot be told
    from the headers then, so the positions alone are given, not the wrong lines."""
    text = BASE.replace('id = "yoon-gaeul"', 'id = "han-ji-won"').replace(
        'name = "Oh Tae-yang"', 'name = "Oh Tae-yang"\nnote = """\n[[people]]\n"""', 1
    )
    path = write_dataset(text)
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert (
        f"kdrama: error: {path}: people[4].id: duplicate id 'han-ji-won' (first at people[0])"
    ) in result.stderr.splitlines()


def test_a_file_repeating_another_exactly_is_loaded_once_and_says_so(
    run: Run, write_dataset: WriteDataset, tmp_path: Path
) -> None:
    """A layer copied into the personal dataset defines every entry twice, identically: each is
    loaded once, and the check says so, since editing either copy breaks every command."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(LAYER, encoding="utf-8")
    layer = write_dataset(LAYER, "layer.toml")
    assert run("--add-data", str(layer), "show", "harbour film").exit_code == 0
    result = run("--add-data", str(layer), "data", "check")
    assert result.exit_code == 0, result.stderr
    note = (
        f"{layer}: citations[layer-press] and shows[harbour-film] are the same as in {personal},"
        " loaded once; a change to either copy makes them defined twice (give the later one"
        " override = true, or remove one copy)"
    )
    assert f"kdrama: note: {note}" in result.stderr.splitlines()
    report = as_json(run("--add-data", str(layer), "data", "check", "--json"))
    assert report["repeated"] == [note]
    assert as_json(run("data", "check", "--json"))["repeated"] == []


def test_a_citation_that_says_spoiler_but_is_not_flagged_is_warned_of(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A headline or address that says "spoiler" ("…-finale-spoiler-crowned-winner") was printed
    beside a contestant's row without --spoilers; data check names it until it is flagged."""
    first = BASE.index("[[citations]]")
    end = BASE.index("\n\n", first)
    block = BASE[first:end]
    cited = block.replace('url = "', 'url = "https://example.org/finale-spoiler-winner?x=', 1)
    text = BASE.replace(block, cited, 1)
    assert text != BASE
    code, report = _strict(run, write_dataset(text))
    assert code == 1
    warned = [w for w in report["warnings"] if "holds spoilers" in w]  # type: ignore[union-attr]
    assert len(warned) == 1 and "its address says it holds spoilers" in warned[0]
    flagged = text.replace(cited, cited + "\nspoiler = true", 1)
    assert _strict(run, write_dataset(flagged, "flagged.toml"))[1]["warnings"] == []


@pytest.mark.parametrize(
    "headline",
    [
        "흑백요리사2 최종회 (스포주의)",
        "[스포] 결말 해석",
        "Finale SPOILERS",
        "放送開始、二人のケミに注目【ネタバレあり】",
        "最终集剧透",
    ],
)
def test_the_spoiler_warning_reads_korean_marks_too(
    run: Run, write_dataset: WriteDataset, headline: str
) -> None:
    """Korean press marks a spoiler "스포주의" or "[스포]" more often than "스포일러", Japanese
    press "【ネタバレあり】" (a shipped Kstyle recap went unflagged); "스포츠" (sports) is not
    one."""
    text = BASE.replace('title = "Moonlit Hallway renewed"', f'title = "{headline}"', 1)
    assert text != BASE
    warned = [w for w in _strict(run, write_dataset(text))[1]["warnings"] if "spoilers" in w]  # type: ignore[union-attr]
    assert len(warned) == 1 and "its headline says it holds spoilers" in warned[0]
    sports = BASE.replace('title = "Moonlit Hallway renewed"', 'title = "스포츠서울 단독"', 1)
    assert _strict(run, write_dataset(sports, "sports.toml"))[1]["warnings"] == []


def test_a_figure_given_again_later_is_as_of_the_later_date(
    run_shipped: Run, write_dataset: WriteDataset
) -> None:
    """A refreshed all-time snapshot holding the same figure merged into the first, which kept
    its date while citing both: the page said "as of 2023-05-31" for a figure a later list
    still gives. The one figure is as of the later date, citing both."""
    later = """\
[[citations]]
id = "most-popular-again"
url = "https://www.netflix.com/tudum/top10"
title = "Netflix Top 10, most popular TV (Non-English) of all time, a later snapshot"
publisher = "Netflix"
date = 2023-06-30

[[stats]]
show = "squid-game"
season = 1
metric = "hours-viewed"
value = 1650450000
unit = "hours"
window = "first-28-days"
list = "TV (Non-English)"
as_of = 2023-06-30
note = "#1 of all time, Most Popular TV (Non-English)"
sources = ["most-popular-again"]
"""
    layer = str(write_dataset(later, "later.toml"))
    stats = as_json(run_shipped("--add-data", layer, "show", "squid-game", "--json"))["stats"]
    first = [s for s in stats if s["window"] == "first-28-days"]
    assert [(s["value"], s["as_of"]) for s in first] == [(1650450000, "2023-06-30")]
    assert "most-popular-again" in first[0]["source"]


def test_data_help_says_where_the_format_is_described(run: Run) -> None:
    """An installed user had no pointer to the dataset format: `data --help` names the README
    beside the shipped shows.toml, and `data path` prints where that file is."""
    from kdrama_cli.catalogue.locations import packaged_dataset

    said = " ".join(run("data", "--help").output.split())
    assert "README.md beside the shipped shows.toml" in said and "kdrama data path" in said
    shipped = packaged_dataset()
    assert shipped is not None and (Path(shipped).parent / "README.md").is_file()


def test_a_file_checked_by_itself_says_so(run: Run, tmp_path: Path) -> None:
    """A file that uses nothing of the dataset in use is checked by itself, as --data loads it;
    the page says so, as a layer's check says what the layer holds, so its author knows which
    check ran. Asked for (--alone, --layer) or checked as a layer, it is not said."""
    copy = tmp_path / "mine.toml"
    copy.write_text(BASE, encoding="utf-8")
    said = " ".join(run("data", "check", str(copy), env={"COLUMNS": "200"}).stdout.split())
    assert f"{copy} uses nothing of the dataset in use, so it was checked by itself" in said
    assert "(--layer checks it over the dataset in use)" in said
    asked = run("data", "check", str(copy), "--alone", env={"COLUMNS": "200"}).stdout
    assert "checked by itself" not in asked
    # the dataset in use, named, is that dataset: it does not "use nothing of" it
    in_use = run("data", "check", str(MINI), env={"COLUMNS": "200"})
    assert in_use.exit_code == 0 and "checked by itself" not in in_use.stdout


def test_a_syntax_error_names_the_line_toml_counts(run: Run, tmp_path: Path) -> None:
    """TOML ends a line at a line feed only: a comment holding U+2028 made the hint quote the
    commented-out words after it as the line at fault."""
    path = tmp_path / "sep.toml"
    path.write_text(
        "[meta]\nschema = 1\n# was: \u2028genre = Secret Plot Twist Ending\ntitle = Foo Bar\n",
        encoding="utf-8",
    )
    said = run("data", "check", str(path)).stderr
    assert 'text needs quotes (title = "Foo Bar")' in said
    assert "Secret" not in said


def test_two_files_given_to_a_command_of_one_path_are_told_to_run_it_twice(run: Run) -> None:
    """`kdrama data check A.toml B.toml` was told that a title of several words goes in quotes
    ("Squid Game"): the hint for names, on a command that takes a file."""
    for args, said in (
        (["data", "check", "a.toml", "b.toml"], "data check takes one PATH"),
        (["seen", "import", "a.csv", "b.csv"], "seen import takes one FILE"),
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.endswith(
            f"{said} (a name with spaces goes in quotes): run it once for each file\n"
        ), result.stderr


def test_a_very_long_unknown_key_is_shown_cut(run: Run, write_dataset: WriteDataset) -> None:
    """A 100,000-character key was echoed whole in its problem's location: one line of
    100 KB on stderr."""
    path = write_dataset("[[shows]]\n" + "k" * 100_000 + " = 1\n", "long.toml")
    result = run("data", "check", "--alone", str(path))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert f"shows[0].{'k' * 59}…: unknown key" in first and len(first) < 1_000


def test_a_layer_title_of_a_title_below_it_in_both_languages_is_a_warning(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A layer could add a second Moonlit Hallway (달빛 복도), a copy made without override =
    true, and pass --strict; every lookup of the name was then ambiguous, while an alias doing
    the same was a warning. A film of the name beside the series is no copy."""
    copy = LAYER.replace(
        'title = "Harbour Film"\nkind = "film"',
        'title = "Moonlit Hallway"\nkorean_title = "달빛 복도"\nkind = "series"',
    ).replace("release_date = 2024-05-01\n", "")
    assert copy != LAYER
    copy += (
        '\n[[shows.seasons]]\nnumber = 1\nstatus = "released"\nrelease_date = 2024-05-01\n'
        'episodes = 8\nsources = ["layer-press"]\n'
    )
    path = write_dataset(copy, "copy.toml")
    code, report = _strict(run, path)
    assert code == 1
    assert (
        "shows[harbour-film].title: 'Moonlit Hallway' (달빛 복도) is moonlit-hallway's"
        " title too, and moonlit-hallway's Korean title: a lookup of either finds both. To"
        " correct moonlit-hallway, write this block as slug = 'moonlit-hallway' with override ="
        " true"
    ) in report["warnings"]
    film = LAYER.replace(
        'title = "Harbour Film"', 'title = "Moonlit Hallway"\nkorean_title = "달빛 복도"'
    )
    assert film != LAYER
    code, report = _strict(run, write_dataset(film, "film.toml"))
    assert not [w for w in report["warnings"] if "is moonlit-hallway's title too" in w]


def test_a_season_of_its_own_name_opens_and_is_checked_as_a_titles_alias_is(
    run: Run, write_dataset: WriteDataset
) -> None:
    """A season's own title (Alchemy of Souls: Light and Shadow, 환혼: 빛과 그림자) was kept as
    an alias of the whole title, which opened every season and matched no history row of the
    season: a season's aliases open it, show on the page with its number, are in --json, and
    clash with another title's name as a title's alias does."""
    marked = 'netflix_titles = ["Moonlit Hallway: Season 1"]\n'
    assert marked in BASE
    text = BASE.replace(
        marked, marked + 'aliases = ["Moonlit Hallway: First Night", "달빛 복도: 첫날 밤"]\n', 1
    )
    path = write_dataset(text)
    assert run("--data", str(path), "data", "check", "--strict").exit_code == 0
    data = as_json(run("--data", str(path), "show", "달빛 복도 첫날 밤", "--json"))
    assert [s["number"] for s in data["seasons"]] == [1]
    assert data["seasons"][0]["aliases"] == ["Moonlit Hallway: First Night", "달빛 복도: 첫날 밤"]
    page = run("--data", str(path), "show", "moonlit-hallway", env={"COLUMNS": "200"}).stdout
    assert (
        "also known as: The Lantern Room; Moonlit Hallway: First Night (S1); 달빛 복도: 첫날"
        " 밤 (S1)"
    ) in page
    clash = write_dataset(BASE.replace(marked, marked + 'aliases = ["Night Train"]\n', 1), "c.toml")
    code, report = _strict(run, clash)
    assert code == 1
    assert (
        "shows[moonlit-hallway].seasons[0].aliases: 'Night Train' is the title of night-train"
        in (report["warnings"])
    )
    # one name for the title and a season, or for two seasons: only one of them opens
    twice = BASE.replace(marked, marked + 'aliases = ["The Lantern Room"]\n', 1)
    code, report = _strict(run, write_dataset(twice, "t.toml"))
    assert code == 1
    assert (
        "shows[moonlit-hallway].seasons[0].aliases: 'The Lantern Room' is in aliases too: keep one"
    ) in report["warnings"]


def _toml_blocks(text: str) -> list[str]:
    """The ```toml blocks of a Markdown page, each without its fences (and the indent of a
    block inside a list item)."""
    import re
    import textwrap

    return [
        textwrap.dedent(block)
        for block in re.findall(r"^[ \t]*```toml\n(.*?)^[ \t]*```$", text, re.M | re.S)
    ]


def test_the_first_layer_of_data_readme_loads_over_the_shipped_dataset(
    run_shipped: Run, tmp_path: Path
) -> None:
    """data/README.md's "Your first layer" is a whole file copied from the page: it checks
    clean under --strict, and its title, credit, new person, fact and citations show."""
    from tests.conftest import REPO

    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Your first layer\n", 1)[1].split("\n## ", 1)[0]
    layer = tmp_path / "my-first-layer.toml"
    layer.write_text(_toml_blocks(section)[0], encoding="utf-8")
    checked = run_shipped("data", "check", str(layer), "--strict")
    assert checked.exit_code == 0, checked.output
    assert "kdrama: warning:" not in checked.stderr
    page = run_shipped("--add-data", str(layer), "show", "my-first-show")
    assert page.exit_code == 0, page.output
    shown = " ".join(page.stdout.split())
    for said in (
        "My First Show",
        "Lee Jung-jae 이정재 Baker Kang main 1",
        "Directed by: Yoon Da-on",
        "Every episode of the made-up first season takes place at night.",
        "https://example.com/news/my-first-show-announced",
        "https://example.com/reviews/my-first-show",
    ):
        assert said in shown, (said, page.stdout)


def test_every_toml_example_in_the_docs_parses() -> None:
    """A TOML block of the docs is copied as it stands: each must be TOML (the shorthand
    `[meta] include = [...]` on one line was a syntax error when copied)."""
    import tomli  # tomllib is 3.11's; kdrama parses with tomli on every version

    from tests.conftest import REPO

    pages = [REPO / "README.md", REPO / "data" / "README.md", *(REPO / "docs").glob("*.md")]
    blocks = 0
    for page in pages:
        for block in _toml_blocks(page.read_text(encoding="utf-8")):
            tomli.loads(block)
            blocks += 1
    assert blocks >= 3


def _line_of(detail: dict[str, object]) -> str:
    """The line a problem's or warning's detail stands for, as `problems` gives it."""
    where = str(detail["file"])
    for part in ("line", "column"):
        if detail[part] is not None:
            where = f"{where}:{detail[part]}"
    if detail["location"] is not None:
        where = f"{where}: {detail['location']}"
    return f"{where}: {detail['message']}"


def test_check_json_gives_each_problem_and_warning_as_an_object_too(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """`problem_details` and `warning_details` are `problems` and `warnings` again, in order,
    with the keys of an error's problems, so a script reads the file, the line and the column
    without parsing the lines: a file named with ':' stays one file."""
    text = BASE.replace("date = 2022-06-06", "date = 2099-06-06", 1)
    text = text.replace('id = "kang-bora"', 'id = "kang-bora"\nfoo = 1', 1)
    path = write_dataset(text, "odd:1.toml")
    result = run("data", "check", "--data", str(path), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["problems"] and report["warnings"]
    for lines, details in (
        (report["problems"], report["problem_details"]),
        (report["warnings"], report["warning_details"]),
    ):
        assert [_line_of(detail) for detail in details] == lines
        assert all(
            set(detail) == {"file", "line", "column", "location", "message"} for detail in details
        )
    (problem,) = report["problem_details"]
    assert (problem["file"], problem["location"]) == (str(path), "people[kang-bora].foo")
    header = entry_at(path, "people", "id", "kang-bora").rsplit(":", 1)[1]
    assert problem["line"] == int(header) and problem["column"] is None
    (warning,) = report["warning_details"]
    assert (warning["file"], warning["location"]) == (str(path), "citations[test-press].date")
    assert warning["message"] == "2099-06-06 is in the future"
    # A syntax error's detail has its column, and the error's JSON the same object.
    broken = write_dataset("[[shows]\nslug = 1\n", "broken:2.toml")
    syntax = json.loads(run("data", "check", "--data", str(broken), "--json").stdout)
    (detail,) = syntax["problem_details"]
    assert detail["file"] == str(broken) and detail["column"] is not None
    assert [_line_of(detail)] == syntax["problems"] and syntax["warning_details"] == []
    error = json_error(run("--data", str(broken), "show", "squid-game", "--json"))
    assert error["problems"] == [detail]


def test_check_json_cleans_a_control_character_in_problems_as_in_their_details(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """A key holding an escape sequence (a quoted TOML key may) is named without it in
    `problems`, as `problem_details` and the human line name it: the three agree, and no
    line a script echoes to a terminal colours it."""
    text = BASE.replace('id = "kang-bora"', 'id = "kang-bora"\n"fo\\u001b[31mo" = 1', 1)
    path = write_dataset(text)
    report = json.loads(run("data", "check", "--data", str(path), "--json").stdout)
    (line,) = report["problems"]
    assert "\x1b" not in line and "people[kang-bora].foo" in line
    assert [_line_of(detail) for detail in report["problem_details"]] == [line]
    human = run("data", "check", "--data", str(path))
    assert human.exit_code == 1 and line in " ".join(human.output.split())


@pytest.mark.parametrize(
    "args",
    [
        ["data", "check", "-"],
        ["--add-data", "-", "list"],
        ["--data", "-", "list"],
        ["data", "netflix", "-"],
    ],
)
def test_a_dataset_named_dash_says_standard_input_is_not_read(run: Run, args: list[str]) -> None:
    """walk-scripter (audit38): `cat my.toml | kdrama data check -` said only "-: no such file",
    as if the path were mistyped, while `seen import -` reads standard input: a script author
    could not tell that a dataset is read from a file only."""
    result = run(*args, input=(FIXTURES / "layer.toml").read_text(encoding="utf-8"))
    assert result.exit_code == 1, result.output
    assert "-: no such file (- is a file's name here, not standard input" in result.stderr
    assert "save the text to a file and give its path" in result.stderr
    if args[-1] == "list":  # as JSON: the problem's file is "-", its message says why
        error = json_error(run(*args, "--json", input=""))
        assert error["problems"][0]["file"] == "-"
        assert "not standard input" in error["problems"][0]["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_dataset_given_as_a_pipe_says_what_to_do(run: Run, tmp_path: Path) -> None:
    """walk-scripter (audit38): `kdrama data check <(cmd)` said only "/dev/fd/63: is a named
    pipe (FIFO), not a regular file": what it is, not what to do, where `seen import`'s says
    to pipe it to standard input. A dataset is read from a file only, and now says so."""
    pipe = tmp_path / "layer.toml"
    os.mkfifo(pipe)
    for args in (["data", "check", str(pipe)], ["--add-data", str(pipe), "list"]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert (
            f"{pipe}: is a named pipe (FIFO), not a regular file (only a file is read here: "
            "save the text to one and give its path)"
        ) in " ".join(result.stderr.split())
    # Netflix's list given as `data netflix <(cmd)` says the same (review 38 #8)
    netflix = run("data", "netflix", str(pipe))
    assert netflix.exit_code != 0 and netflix.stdout == ""
    assert (
        f"{pipe}: is a named pipe (FIFO), not a regular file (only a file is read here: "
        "save the text to one and give its path)"
    ) in " ".join(netflix.stderr.split())

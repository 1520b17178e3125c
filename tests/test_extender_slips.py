"""What a fan extending the dataset gets for the slips a hand-written layer has (walk 35): a
list left open above the next key, a backslash in "…", a misspelt table, an empty base, a
newer schema, an include written for a shell, an invisible character."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import KDRAMA, Run

_META = "[meta]\nschema = 1\n\n[[citations]]\n"


def _check(run: Run, path: Path, content: str | bytes) -> tuple[int, str]:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run("data", "check", str(path))
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # the list's opening bracket, where the parser saw only the next key as a bad value
        (_META + 'genres = ["romance", "comedy",\ntitle = "A"\n', ":5:10: "),
        (_META + 'genres = ["romance", "comedy"\ntitle = "A"\n', ":5:10: "),  # no comma either
        (_META + 'genres = [\n  "romance",\n[[shows]]\n', ":5:10: "),
        (_META + 'genres = ["romance",\n  # a comment\n[meta]\n', ":5:10: "),
    ],
    ids=["next-key", "next-key-no-comma", "next-header", "next-table"],
)
def test_a_list_left_open_above_the_next_key_is_placed_at_its_bracket(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, content)
    assert code == 1
    message = "the list that opens here is not closed: close it with ]"
    assert f"kdrama: error: {path}{expected}{message}\n" == said
    assert "text needs quotes" not in said


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # an unquoted item of a list of several lines is still text that needs quotes
        (_META + "genres = [\n  drama,\n]\n", ":6:3: text needs quotes (url ="),
        # an open list at the end of the file keeps its own words
        (
            _META + 'genres = [\n  "drama",\n',
            ":5:10: the list that opens here is not closed before the end of the file",
        ),
        (_META + 'genres = ["a" "b"]\n', ":5:15: a list is not closed, or a comma is missing"),
    ],
    ids=["unquoted-item", "open-at-end", "no-comma-on-one-line"],
)
def test_the_other_list_mistakes_keep_their_words(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, content)
    assert code == 1
    assert f"kdrama: error: {path}{expected}" in said, said


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            _META + 'title = "C:\\Users\\me"\n',
            ':5:12: a backslash starts an escape in "…" (\\n, \\"): write it \\\\, or put the'
            " text in '…', which has none: title = 'C:\\Users\\me'",
        ),
        (
            _META + 'title = "AC/DC \\ Show"\n',
            ':5:16: a backslash starts an escape in "…" (\\n, \\"): write it \\\\, or put the'
            " text in '…', which has none: title = 'AC/DC \\ Show'",
        ),
        (  # no example in '…' for text holding an apostrophe
            _META + 'title = "It\'s \\ mine"\n',
            ':5:15: a backslash starts an escape in "…" (\\n, \\"): write it \\\\, or put the'
            " text in '…', which has none\n",
        ),
        (  # an item of a list, at its own backslash
            _META + 'aliases = ["a\\d"]\n',
            ':5:14: a backslash starts an escape in "…"',
        ),
        (  # an escape meant as one, too short
            _META + 'title = "Zo\\u00e"\n',
            ":5:12: \\u is followed by 4 hex digits (\\u00E9) and \\U by 8: for a backslash itself"
            " write \\\\, or put the text in '…'",
        ),
    ],
    ids=["windows-path", "lone-backslash", "apostrophe", "list-item", "short-unicode-escape"],
)
def test_a_backslash_in_a_basic_string_says_how_to_write_it(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, content)
    assert code == 1
    assert f"kdrama: error: {path}{expected}" in said, said
    assert "Invalid hex value" not in said and "Unescaped" not in said


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"\xef\xbb\xbf\xef\xbb\xbf[meta]\nschema = 1\n",
            ":1:1: an invisible character (U+FEFF, a byte-order mark: a file may start with one,"
            " and no more) is here, which an editor may not show: delete it",
        ),
        (
            b"[meta]\nschema = 1\x00\n",
            ":2:11: an invisible character (U+0000, a NUL byte) is here, which an editor may not"
            " show: delete it",
        ),
        (
            "[meta]\nschema\u200b = 1\n".encode(),
            ":2:7: an invisible character (U+200B, zero width space) is here",
        ),
        # a control character in a string keeps its own words (it may be written \uXXXX)
        (
            (_META + 'title = "A\x07"\n').encode(),
            ":5:11: a control character (U+0007) is not allowed here: take it out",
        ),
    ],
    ids=["two-boms", "nul", "zero-width-space", "control-in-string"],
)
def test_an_invisible_character_is_named(
    run: Run, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, content)
    assert code == 1
    assert f"kdrama: error: {path}{expected}" in said, said


_PERSON = '[[people]]\nid = "kim-a"\nname = "Kim A"\n'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            _META + 'id = "a"\n\n[[person]]\nid = "kim-a"\n',
            ":7: person: unknown top-level key. Did you mean [[people]]?",
        ),
        (
            '[meta]\nschema = 1\n\n[[show]]\nslug = "x"\n\n[[shows.seasons]]\nnumber = 1\n',
            ":4: show: unknown top-level key. Did you mean [[shows]]?",
        ),
        (
            '[meta]\nschema = 1\n\n[[show]]\nslug = "x"\n\n[[shows.seasons]]\nnumber = 1\n',
            ":7: shows: [[shows.seasons]] comes before any [[shows]] entry",
        ),
        (
            "[meta]\nschema = 1\n\n" + _PERSON + '\n[citations]\nid = "a"\n',
            ":8: citations: written [citations]: each entry is an array table, [[citations]]",
        ),
        (  # include written above every header, with no [meta]: told where it goes
            '# my layer\ninclude = ["other.toml"]\n\n' + _PERSON,
            ":2: include: unknown top-level key: include goes under [meta] (a [meta] header on a"
            " line above it)",
        ),
    ],
    ids=["person", "show", "orphan-season", "single-bracket", "include-without-meta"],
)
def test_a_misspelt_top_level_table_is_placed_at_its_header(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, content)
    assert code == 1
    assert f"kdrama: error: {path}{expected}" in said, said


def test_a_misspelt_top_level_table_has_its_line_in_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "layer.toml"
    path.write_text('[meta]\nschema = 1\n\n[[person]]\nid = "kim-a"\n', encoding="utf-8")
    result = run("--add-data", str(path), "list", "--json")
    assert result.exit_code == 1
    error = json.loads(result.stderr.splitlines()[-1])["error"]
    assert [(p["line"], p["location"]) for p in error["problems"]] == [(4, "person")]
    assert error["problems"][0]["message"].startswith("unknown top-level key. Did you mean")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "file is empty"),
        ("# just a comment\n\n", "file is empty: it holds only comments"),
        ("[meta]\nschema = 1\n", "file is empty: it holds only [meta], no entries"),
    ],
    ids=["empty", "comments", "meta"],
)
def test_a_base_with_no_entries_is_refused_as_an_empty_one_is(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    """An empty base was an error, and one holding only comments or only [meta] passed as a
    catalogue of 0 titles (README: a layer of comments is as an empty one)."""
    path = tmp_path / "mine.toml"
    code, said = _check(run, path, content)
    assert code == 1
    assert said.splitlines() == [
        f"kdrama: error: {path}: {expected}",
        "kdrama: note: a base dataset needs entries, but an empty layer (an --add-data file)"
        f" loads: {KDRAMA} data check {path} --layer checks it as one",
    ]
    listed = run("--data", str(path), "list")
    assert (listed.exit_code, listed.stderr) == (1, f"kdrama: error: {path}: {expected}\n")
    # as a layer, it adds nothing, as README says
    assert run("data", "check", str(path), "--layer").exit_code == 0
    assert run("--add-data", str(path), "list").exit_code == 0


def test_a_base_of_only_a_newer_schema_is_told_to_upgrade_not_that_it_is_empty(
    run: Run, tmp_path: Path
) -> None:
    """review35 #3: a file for a newer kdrama holding only its [meta] was told "file is empty",
    which no edit of it mends: it is told what is, that it is for a newer kdrama."""
    path = tmp_path / "newer.toml"
    code, said = _check(run, path, "[meta]\nschema = 3\n")
    assert code == 1
    assert said.splitlines()[0] == (
        f"kdrama: error: {path}:1: meta.schema: this file is for a newer kdrama (schema 3; this"
        " one reads schema 1): upgrade kdrama to read it"
    )
    assert "empty" not in said


def test_a_base_of_includes_with_entries_is_not_empty(run: Run, tmp_path: Path) -> None:
    (tmp_path / "part.toml").write_text(_PERSON, encoding="utf-8")
    index = tmp_path / "index.toml"
    index.write_text('[meta]\nschema = 1\ninclude = ["part.toml"]\n', encoding="utf-8")
    assert run("data", "check", str(index)).exit_code == 0
    (tmp_path / "part.toml").write_text("# to do\n", encoding="utf-8")
    code, said = _check(run, index, index.read_text(encoding="utf-8"))
    assert code == 1
    assert (
        f"kdrama: error: {index}: file is empty: it holds only [meta], and the files it includes"
        " hold no entries either\n"
    ) in said


def _bulk(count: int) -> str:
    """A dataset of ``count`` made-up films with no cast: a warning each."""
    films = "".join(
        f'\n[[shows]]\nslug = "bulk-{n}"\ntitle = "Bulk {n}"\nkind = "film"\nplatform = "Netflix"\n'
        f'genres = ["drama"]\nsynopsis = "A made-up film."\nrelease_date = 2024-01-01\n'
        'sources = ["c"]\n'
        for n in range(count)
    )
    return (
        '[[citations]]\nid = "c"\nurl = "https://example.com/c"\ntitle = "C"\npublisher = "P"\n'
        + films
    )


def test_warnings_come_in_file_order_and_are_capped_as_problems_are(
    run: Run, tmp_path: Path
) -> None:
    """A layer of 3,000 films with no cast printed 3,017 lines, ordered bulk-0, bulk-1,
    bulk-10, bulk-100 (lines 7, 17, 107, 1007): the first 50 by line, then the rest counted
    by kind, as problems are; --json keeps every warning, in the same order."""
    path = tmp_path / "bulk.toml"
    path.write_text(_bulk(120), encoding="utf-8")
    result = run("data", "check", str(path), "--alone")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    lines = [
        int(line.removeprefix(f"kdrama: warning: {path}:").split(":")[0]) for line in said[:50]
    ]
    assert lines == sorted(lines) and lines[:3] == [7, 17, 27]
    assert said[:2] == [
        f"kdrama: warning: {path}:7: shows[bulk-0]: has no cast",
        f"kdrama: warning: {path}:17: shows[bulk-1]: has no cast",
    ]
    assert said[50:] == ["kdrama: warning: ... and 70 more warnings (70 x has no cast)"]
    assert "120 warnings" in " ".join(result.stdout.split())
    strict = run("data", "check", str(path), "--alone", "--strict")
    assert strict.exit_code == 1 and strict.stderr == result.stderr
    every = json.loads(run("data", "check", str(path), "--alone", "--json").stdout)
    assert len(every["warnings"]) == len(every["warning_details"]) == 120
    assert [w["line"] for w in every["warning_details"]] == [7 + 10 * n for n in range(120)]


@pytest.mark.parametrize(
    ("how", "env", "said"),
    [
        (
            ["--no-personal"],
            None,
            "left out by --no-personal, and may hold it: leave out --no-personal.",
        ),
        (
            [],
            {"KDRAMA_NO_PERSONAL": "1"},
            "left out by $KDRAMA_NO_PERSONAL (set in your"
            " environment), and may hold it: unset KDRAMA_NO_PERSONAL to read it.",
        ),
    ],
    ids=["option", "environment"],
)
def test_a_miss_with_the_personal_dataset_left_out_says_so(
    run: Run, tmp_path: Path, how: list[str], env: dict[str, str] | None, said: str
) -> None:
    """An export of KDRAMA_NO_PERSONAL forgotten in a shell's start-up file hid the titles of
    the personal dataset with no word why, where $KDRAMA_DATA's is said after the miss."""
    missed = run(*how, "show", "my-first-show", env=env)
    assert missed.exit_code == 2
    assert "personal dataset" not in missed.stderr  # none to leave out
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text("# my titles\n", encoding="utf-8")
    missed = run(*how, "show", "my-first-show", env=env)
    assert missed.exit_code == 2
    words = " ".join(missed.stderr.split())
    assert words.startswith("kdrama: error: no title matches 'my-first-show'.")
    assert f"Your personal dataset ({personal}) is {said}" in words
    assert "personal dataset" not in " ".join(run("show", "my-first-show").stderr.split())


def test_a_newer_schema_says_to_upgrade(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "layer.toml"
    code, said = _check(run, path, "[meta]\nschema = 2\n\n" + _PERSON)
    assert code == 1
    assert said.startswith(
        f"kdrama: error: {path}:1: meta.schema: this file is for a newer kdrama (schema 2; this"
        " one reads schema 1): upgrade kdrama to read it\n"
    ), said
    assert "must be at least 1, got 0" in _check(run, path, "[meta]\nschema = 0\n\n" + _PERSON)[1]


@pytest.mark.parametrize(
    ("include", "expected"),
    [
        (
            "parts\\\\people.toml",
            "parts\\people.toml: no such file: [meta] include takes paths written with /, not"
            " \\: parts/people.toml",
        ),
        (
            "$HOME/people.toml",
            "$HOME/people.toml: no such file: [meta] include takes file paths as written, and a"
            " variable such as $HOME is not expanded: give the path from the including file's"
            " folder, or in full",
        ),
        ("nowhere.toml", "nowhere.toml: no such file\n"),
    ],
    ids=["backslash", "variable", "plain"],
)
def test_an_include_written_for_a_shell_or_windows_says_how_to_write_it(
    run: Run, tmp_path: Path, include: str, expected: str
) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "people.toml").write_text(_PERSON, encoding="utf-8")
    index = tmp_path / "index.toml"
    code, said = _check(run, index, f'[meta]\nschema = 1\ninclude = ["{include}"]\n\n' + _PERSON)
    assert code == 1
    assert f"kdrama: error: {index}:3: meta.include[0]: {tmp_path}/{expected}" in said, said


def test_the_note_under_capped_warnings_says_how_many_were_shown(run: Run, tmp_path: Path) -> None:
    """review35 #4: with an error and sixty warnings, fifty are printed and the rest counted,
    and the note said "the 60 warnings above": it says fifty of them are shown."""
    people = [f'[[people]]\nid = "p{n}"\nname = "Person Number{n}"\n' for n in range(60)]
    path = tmp_path / "many.toml"
    path.write_text('[[people]]\nid = "BAD ID"\nname = "Bad"\n\n' + "\n".join(people), "utf-8")
    said = run("--add-data", str(path), "data", "check").stderr
    assert "kdrama: warning: ... and 10 more warnings (10 x credited on no title)" in said
    assert "kdrama: note: the 60 warnings (50 shown above, the rest counted) are about" in said

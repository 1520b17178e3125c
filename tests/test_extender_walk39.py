"""What `data check` tells a fan who writes a layer of their own (walk 39): a title's table
under a misspelt parent header, a person re-declared without extend, an include written as one
string, a Hangul name where the romanised one goes, a layer saved with a hidden .txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI, Run

_TITLE = """[meta]
schema = 1

[[citations]]
id = "my-page"
url = "https://example.com/news/my-page"
title = "Example article"
publisher = "Example News"

[[shows]]
slug = "my-show"
title = "My Show"
kind = "series"
platform = "tvN"
genres = ["romance"]
synopsis = "A made-up series."
sources = ["my-page"]

[[shows.seasons]]
number = 1
status = "announced"
as_of = 2025-01-10
sources = ["my-page"]
"""


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("[[show.seasons]]", "[[shows.seasons]]"),
        ("[[Shows.seasons]]", "[[shows.seasons]]"),
        ("[[show.season]]", "[[shows.seasons]]"),
    ],
)
def test_a_titles_table_under_a_misspelt_parent_is_told_the_header_to_write(
    run: Run, tmp_path: Path, written: str, meant: str
) -> None:
    """[[show.seasons]] was told "Did you mean [[shows]]?", and a user who wrote [[shows]]
    made a second, empty title: the header to write is the seasons' own."""
    path = tmp_path / "layer.toml"
    path.write_text(_TITLE.replace("[[shows.seasons]]", written), encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    name = written.strip("[]").split(".")[0]
    line = _TITLE.splitlines().index("[[shows.seasons]]") + 1
    assert (
        f"kdrama: error: {path}:{line}: {name}: unknown table: the header {written} should read"
        f" {meant}\n"
    ) in result.stderr, result.stderr
    assert "Did you mean [[shows]]" not in result.stderr


@pytest.mark.parametrize(
    ("include", "said"),
    [
        (
            '"parts/show.toml"',
            'expected a list, got a string; write it in brackets: ["parts/show.toml"]',
        ),
        ("[3]", "its 1st item: expected a string, got an integer"),
    ],
)
def test_an_include_not_written_as_a_list_of_paths_is_told_so_not_that_the_file_is_empty(
    run: Run, tmp_path: Path, include: str, said: str
) -> None:
    """A file holding only [meta] and an include written as one string was "empty: it holds
    only [meta]", checked as a base: the include, which reads nothing, is the mistake."""
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "show.toml").write_text(_TITLE, encoding="utf-8")
    path = tmp_path / "index.toml"
    path.write_text(f"[meta]\ninclude = {include}\n", encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f"kdrama: error: {path}:1: meta.include: {said}\n" in result.stderr, result.stderr
    assert "file is empty" not in result.stderr


def test_a_person_in_use_declared_again_without_extend_is_told_to_set_it(
    run: Run, tmp_path: Path
) -> None:
    """A file that only adds an alias to a person of the dataset in use, without extend =
    true, does not load by itself: it was checked alone and told only that the person lacks a
    name. As a title declared again is, it is checked as a layer and told what to set."""
    path = tmp_path / "alias.toml"
    path.write_text('[[people]]\nid = "kang-bora"\naliases = ["Bora Kang"]\n', encoding="utf-8")
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert (
        f"kdrama: note: {path} defines kang-bora, which the dataset in use has too: checked as"
        " a layer over it"
    ) in result.stderr, result.stderr
    assert (
        f"kdrama: error: {path}:1: people[kang-bora]: id 'kang-bora' is already defined in "
    ) in result.stderr
    assert "to add its aliases to that entry, set extend = true" in result.stderr
    assert "name: missing required field" not in result.stderr
    # a new person of the file's own, as broken, is still checked by itself
    path.write_text('[[people]]\nid = "kim-new"\naliases = ["Kim"]\n', encoding="utf-8")
    result = run("data", "check", str(path))
    assert f"kdrama: error: {path}:1: people[kim-new].name: missing required field" in (
        result.stderr
    )
    assert "checked as a layer" not in result.stderr


_HANGUL_NAMES = """
[[citations]]
id = "my-page"
url = "https://example.com/news/my-page"
title = "Example article"
publisher = "Example News"

[[people]]
id = "yoon-da-on"
name = "윤다온"
sources = ["my-page"]

[[shows]]
slug = "moonlit-hallway"
extend = true
cast_sources = ["my-page"]

[[shows.cast]]
person = "yoon-da-on"
character = "제빵사 강"
role = "supporting"
seasons = [1]
"""


def test_hangul_in_a_romanised_name_is_a_warning_naming_the_field_it_goes_in(
    run: Run, tmp_path: Path
) -> None:
    """A person's name and a credit's character written in Hangul passed --strict, and the
    page was headed by the Hangul twice, the romanised name nowhere."""
    path = tmp_path / "hangul.toml"
    path.write_text(_HANGUL_NAMES, encoding="utf-8")
    result = run("data", "check", str(path), "--strict")
    assert result.exit_code == 1, result.stderr
    assert (
        f"kdrama: warning: {path}:8: people[yoon-da-on].name: '윤다온' is in Hangul: name is the"
        ' romanised name (Park Ji-hu), and the Hangul goes in hangul (hangul = "윤다온")\n'
    ) in result.stderr, result.stderr
    assert (
        f"kdrama: warning: {path}:18: shows[moonlit-hallway].cast[0].character: '제빵사 강'"
        " is in Hangul: character is the romanised name (Seong Gi-hun),"
        ' and the Hangul goes in character_hangul (character_hangul = "제빵사 강")\n'
    ) in result.stderr
    fixed = _HANGUL_NAMES.replace('name = "윤다온"', 'name = "Yoon Da-on"\nhangul = "윤다온"')
    path.write_text(fixed.replace('"제빵사 강"', '"Baker Kang"'), encoding="utf-8")
    result = run("data", "check", str(path), "--strict")
    assert result.exit_code == 0, result.stderr
    assert "in Hangul" not in result.stderr


def test_a_layer_saved_with_a_hidden_txt_is_named_where_its_name_was_given(
    run: Run, tmp_path: Path
) -> None:
    """Notepad, with extensions hidden, saves layer.toml as layer.toml.txt: the path the user
    typed was "no such file", and its folder "holds none"."""
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "layer.toml.txt").write_text(_TITLE, encoding="utf-8")
    typed = folder / "layer.toml"
    result = run("--add-data", str(typed), "show", "moonlit-hallway")
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {typed}: no such file; {typed}.txt is there: an editor that hides file"
        " extensions (Windows Notepad) added .txt; rename it to layer.toml, or give its name"
        " as it is\n"
    )
    result = run("data", "check", str(folder))
    assert result.exit_code == 1
    assert (
        f"this folder holds none but {folder}/layer.toml.txt: an editor that hides file"
        " extensions (Windows Notepad) added .txt; rename it to layer.toml\n"
    ) in result.stderr, result.stderr
    (folder / "layer.toml.txt").rename(folder / "Layer.TOML")
    assert f"a dataset is one file: give it, {folder}/Layer.TOML\n" in (
        run("data", "check", str(folder)).stderr
    )
    bare = tmp_path / "mine"
    (tmp_path / "mine.toml").write_text(_TITLE, encoding="utf-8")
    assert run("data", "check", str(bare)).stderr == (
        f"kdrama: error: {bare}: no such file; {bare}.toml is there: give its whole name\n"
    )


@pytest.mark.parametrize(
    ("content", "place", "said"),
    [
        (
            b'# my layer\r[[citations]]\rid = "a"\r',
            ":1:11: ",
            "the lines of this file end with a carriage return alone, as classic Mac OS saved"
            " them: save it with LF (Unix) or CRLF (Windows) line ends",
        ),
        (
            b'[[citations]]\r\nid = "a\rb"\r\n',
            ":2:8: ",
            "a carriage return (U+000D) stands alone here, ending no line, which an editor may"
            " not show: delete it, or save the file with LF or CRLF line ends",
        ),
    ],
    ids=["old-mac-line-ends", "stray"],
)
def test_a_carriage_return_that_ends_no_line_is_said_in_words(
    run: Run, tmp_path: Path, content: bytes, place: str, said: str
) -> None:
    """Lines ended by a carriage return alone were the parser's own "Found invalid character
    '\\r'", the one message of a layer's syntax not put in words."""
    path = tmp_path / "layer.toml"
    path.write_bytes(content)
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"kdrama: error: {path}{place}{said}\n"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            'url = "example.com/news/my-page"',
            "citations[my-page].url: expected an http(s) URL, got 'example.com/news/my-page';"
            " write it with https://: https://example.com/news/my-page",
        ),
        (
            'url = "https://example.com/news/my-page"\n\n[[shows]]\nslug = "moonlit-hallway"\n'
            'extend = true\n\n[[shows.stats]]\nmetric = "hours-viewed"\nvalue = "1,200,000"\n'
            'unit = "hours"\nwindow = "first-28-days"\nas_of = 2025-02-01\nsources = ["my-page"]',
            "shows[moonlit-hallway].stats[0].value: expected a number, got a string; write it"
            " without quotes or commas: value = 1200000",
        ),
    ],
    ids=["address-without-scheme", "figure-with-commas"],
)
def test_a_value_copied_as_a_page_shows_it_is_told_how_to_write_it(
    run: Run, tmp_path: Path, written: str, said: str
) -> None:
    """An address copied from the address bar without https://, and a figure copied with its
    thousands separators, were refused without the value to write."""
    path = tmp_path / "layer.toml"
    path.write_text(
        '[[citations]]\nid = "my-page"\ntitle = "A"\npublisher = "P"\n' + written + "\n",
        encoding="utf-8",
    )
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert f": {said}\n" in result.stderr, result.stderr


def test_compare_beside_a_title_with_no_figures_says_so_in_a_line(run: Run, tmp_path: Path) -> None:
    """A layer's own title, with no figure, beside one with Netflix's: the line under the table
    listed which lists and windows the other's figures were on "where My Show's figures are
    not", for a title that has none at all."""
    path = tmp_path / "mine.toml"
    path.write_text(_TITLE, encoding="utf-8")
    env = {"COLUMNS": "200", "NO_COLOR": "1"}
    page = run("--add-data", str(path), "compare", "my-show", "moonlit-hallway", env=env).stdout
    assert (
        "No figures with the same metric and window to compare.\nNone of Moonlit Hallway's"
        " figures can be compared: My Show has no figures."
    ) in page, page
    assert "where My Show's figures are not" not in page
    assert "to set beside" not in page


@pytest.mark.parametrize(
    ("named", "said"),
    [
        ("My Show", "'My Show' is a name; the slug of My Show is my-show"),
        ("달빛 복도", "'달빛 복도' is a name; the slug of Moonlit Hallway is moonlit-hallway"),
        ("No Such Title", "'No Such Title' is a name: a show is given by id, like 'squid-game'"),
    ],
)
def test_a_figure_naming_its_title_by_name_is_told_the_slug(
    run: Run, tmp_path: Path, named: str, said: str
) -> None:
    """A top-level [[stats]] with show = "My Show" was told only that a show is given by id,
    like 'squid-game', where a credit's person typed as a name is told the id."""
    path = tmp_path / "mine.toml"
    path.write_text(
        _TITLE + f'\n[[stats]]\nshow = "{named}"\nmetric = "hours-viewed"\nvalue = 1000\n'
        'unit = "hours"\nwindow = "first-28-days"\nas_of = 2025-02-01\nsources = ["my-page"]\n',
        encoding="utf-8",
    )
    result = run("--add-data", str(path), "show", "my-show")
    assert result.exit_code == 1
    assert f": stats[0].show: {said}\n" in result.stderr, result.stderr


def test_a_repeated_credit_with_seasons_the_entry_lacks_names_the_seasons_not_added(
    run: Run, tmp_path: Path
) -> None:
    """An extension crediting a shipped character again for the season they return in
    (seasons = [2]) was "already in the cast ... listed once": the season was dropped without
    a word about it, and the pages kept season 1 alone."""
    path = tmp_path / "returns.toml"
    extension = (
        '[[shows]]\nslug = "moonlit-hallway"\nextend = true\n\n[[shows.cast]]\n'
        'person = "seo-minho"\ncharacter = "Ko Dae-ho"\nrole = "main"\nseasons = [2]\n'
    )
    path.write_text(extension, encoding="utf-8")
    result = run("data", "check", str(path), "--strict")
    assert result.exit_code == 1
    assert (
        f"kdrama: warning: {path}:5: shows[moonlit-hallway].cast[0]: the credit of seo-minho as"
        f" 'Ko Dae-ho' is already in the cast (in {MINI}), for season 1, not season 2: listed"
        " once, it keeps its seasons; to add a season to a credit, give the whole title with"
        " override = true\n"
    ) in result.stderr, result.stderr
    path.write_text(extension.replace("[2]", "[1]"), encoding="utf-8")
    said = run("data", "check", str(path)).stderr
    assert "is already in the cast" in said
    assert "it is listed once; remove it here" in said


def test_a_single_bracket_header_before_its_array_table_is_placed_at_its_own_line(
    run: Run, tmp_path: Path
) -> None:
    """[shows.facts] written for a title's first fact, then [[shows.facts]] for its second: the
    error was placed at the second, correct header ("clashes with a [shows.facts] table ...
    above it"), not at the one to change."""
    text = (
        _TITLE
        + '\n[shows.facts]\ntext = "One."\nsources = ["my-page"]\n'
        + '\n[[shows.facts]]\ntext = "Two."\nsources = ["my-page"]\n'
    )
    path = tmp_path / "layer.toml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("[shows.facts]") + 1
    result = run("data", "check", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"kdrama: error: {path}:{line}:1: written [shows.facts]: each entry is an array table,"
        " [[shows.facts]]\n"
    )


def test_a_citation_only_a_repeated_item_cites_is_not_called_never_used(
    run: Run, tmp_path: Path
) -> None:
    """Walk 39 #17: a citation that only a credit the entry has already cites (listed once,
    the credit cites nothing) was "never used", though the file cites it, beside the warning
    that the credit is listed once: together they read as a contradiction."""
    path = tmp_path / "again.toml"
    path.write_text(
        '[[citations]]\nid = "my-page"\nurl = "https://example.com/news/my-page"\n'
        'title = "Example article"\npublisher = "Example News"\n\n'
        '[[shows]]\nslug = "moonlit-hallway"\nextend = true\n\n[[shows.cast]]\n'
        'person = "seo-minho"\ncharacter = "Ko Dae-ho"\nrole = "main"\nsources = ["my-page"]\n',
        encoding="utf-8",
    )
    result = run("data", "check", str(path))
    assert result.exit_code == 0, result.output
    assert (
        f"kdrama: warning: {path}:1: citations[my-page]: used only by"
        " shows[moonlit-hallway].cast[0], which is listed once (the entry has it already):"
        " remove it with that item\n"
    ) in result.stderr, result.stderr
    assert "never used" not in result.stderr
    assert f"{path}:11: shows[moonlit-hallway].cast[0]: the credit of seo-minho" in result.stderr
    # a fact the credit's page is also cited by: used, no warning about the citation
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[shows.facts]]\ntext = "A made-up fact."\nsources = ["my-page"]\n',
        encoding="utf-8",
    )
    assert "citations[my-page]" not in run("data", "check", str(path)).stderr


def test_a_repeated_item_citing_a_page_twice_is_named_once(run: Run, tmp_path: Path) -> None:
    """Review 40 #6: a repeated credit citing the page twice was counted twice, so the warning
    named one item and spoke of several ("which are listed once (the entry has them already):
    remove it with those items")."""
    path = tmp_path / "again.toml"
    path.write_text(
        '[[citations]]\nid = "my-page"\nurl = "https://example.com/news/my-page"\n'
        'title = "Example article"\npublisher = "Example News"\n\n'
        '[[shows]]\nslug = "moonlit-hallway"\nextend = true\n\n[[shows.cast]]\n'
        'person = "seo-minho"\ncharacter = "Ko Dae-ho"\nrole = "main"\n'
        'sources = ["my-page", "my-page"]\n',
        encoding="utf-8",
    )
    said = run("data", "check", str(path)).stderr
    assert (
        "citations[my-page]: used only by shows[moonlit-hallway].cast[0], which is listed once"
        " (the entry has it already): remove it with that item\n"
    ) in said, said

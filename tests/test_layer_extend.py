"""A layer adds to an entry of the dataset below it with ``extend = true`` (data/README.md,
Layers): its lists are appended, and every other key stays the earlier entry's."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import Run, as_json, flat

CITATION = """
[[citations]]
id = "my-extra-page"
url = "https://example.com/news/squid-game-extra"
title = "Example article about Squid Game"
publisher = "Example News"
date = 2025-01-10
"""

#: Adds to the shipped Squid Game and Park Ji-hu: an alias, a genre, a director, a season, a
#: credit, a figure and a fact; an alias and a source of a person.
EXTENSION = (
    CITATION
    + """
[[shows]]
slug = "squid-game"
extend = true
aliases = ["Ojingeo Geim Extra"]
genres = ["made-up-genre"]
directors = ["park-ji-hu"]
sources = ["my-extra-page"]  # what its director rests on: the shipped pages do not name them

[[shows.seasons]]
number = 4
status = "announced"
as_of = 2025-01-10
sources = ["my-extra-page"]

[[shows.cast]]
person = "park-ji-hu"
character = "Player 999"
role = "supporting"
seasons = [3, 4]
sources = ["my-extra-page"]

[[shows.stats]]
metric = "ratings"
value = 12.5
unit = "percent"
window = "episode:1"
season = 3
as_of = 2025-01-10
sources = ["my-extra-page"]

[[shows.facts]]
text = "A made-up fact that an extension adds."
sources = ["my-extra-page"]

[[people]]
id = "park-ji-hu"
extend = true
aliases = ["Jihu Parkextra"]
sources = ["my-extra-page"]
"""
)


def _layer(tmp_path: Path, text: str, name: str = "layer.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(result_stderr: str) -> list[str]:
    return [line for line in result_stderr.splitlines() if line.startswith("kdrama: error:")]


def test_an_extension_adds_to_the_shipped_title_in_show_json(
    run_shipped: Run, tmp_path: Path
) -> None:
    before = as_json(run_shipped("show", "squid-game", "--json"))
    layer = _layer(tmp_path, EXTENSION)
    after = as_json(run_shipped("--add-data", str(layer), "show", "squid-game", "--json"))
    # the scalar fields stay the shipped entry's
    for key in ("title", "korean_title", "kind", "platform", "synopsis"):
        assert after[key] == before[key]
    assert after["aliases"] == [*before["aliases"], "Ojingeo Geim Extra"]
    assert after["genres"] == [*before["genres"], "made-up-genre"]
    assert after["directors"] == [*before["directors"], "Park Ji-hu"]
    assert [s["number"] for s in after["seasons"]] == [1, 2, 3, 4]
    assert len(after["cast"]) == len(before["cast"]) + 1
    added = [c for c in after["cast"] if c["person"] == "park-ji-hu"]
    assert [(c["character"], c["seasons"]) for c in added] == [("Player 999", [3, 4])]
    assert len(after["facts"]) == len(before["facts"]) + 1
    assert after["facts"][-1]["text"] == "A made-up fact that an extension adds."
    assert len(after["stats"]) == len(before["stats"]) + 1
    assert any(
        s["metric"] == "ratings" and s["value"] == 12.5 and s["season"] == 3 for s in after["stats"]
    )


def test_an_extension_shows_on_the_page_the_person_page_and_in_search(
    run_shipped: Run, tmp_path: Path
) -> None:
    layer = str(_layer(tmp_path, EXTENSION))
    page = run_shipped("--add-data", layer, "show", "squid-game")
    assert page.exit_code == 0, page.output
    assert "A made-up fact that an extension adds." in page.stdout
    # the credits the extension added are marked, and a line names the layer
    assert "Directed by: Hwang Dong-hyuk, Park Ji-hu *" in flat(page.stdout)
    assert f"* From a layer: Squid Game extended by {layer} (Park Ji-hu, director" in flat(
        page.stdout
    )
    cast = run_shipped("--add-data", layer, "cast", "squid-game")
    assert "Park Ji-hu * 박지후 Player 999 supporting 3, 4" in flat(cast.stdout)
    assert f"* From a layer: Squid Game extended by {layer} (Park Ji-hu)" in flat(cast.stdout)
    person = run_shipped("--add-data", layer, "person", "Jihu Parkextra", "--json")
    found = as_json(person)
    assert found["id"] == "park-ji-hu"
    assert found["aliases"] == ["Park Ji-hoo", "Jihu Parkextra"]
    assert any(
        c["slug"] == "squid-game" and c["character"] == "Player 999" for c in found["credits"]
    )
    search = as_json(run_shipped("--add-data", layer, "search", "Ojingeo Geim Extra", "--json"))
    assert search[0]["target"] == "squid-game"
    assert search[0]["matched"] == "alias: Ojingeo Geim Extra"


def test_the_index_built_from_an_extended_dataset_holds_the_merged_title(
    run_shipped: Run, tmp_path: Path, shipped_cache: Path
) -> None:
    """The index is keyed by the files read, so a layer's edit rebuilds it, and a page answered
    from it (the second run) holds what the extension added."""
    layer = _layer(tmp_path, EXTENSION)
    first = as_json(run_shipped("--add-data", str(layer), "show", "squid-game", "--json"))
    again = as_json(run_shipped("--add-data", str(layer), "show", "squid-game", "--json"))
    assert first == again
    found = []
    for index in shipped_cache.rglob("index-*.sqlite"):
        with sqlite3.connect(index) as connection:
            files = {row[0] for row in connection.execute("SELECT path FROM files")}
            if str(layer) not in files:
                continue
            found.append(
                (
                    connection.execute(
                        "SELECT target FROM names WHERE name = 'Ojingeo Geim Extra'"
                    ).fetchall(),
                    connection.execute(
                        "SELECT slug FROM credits WHERE person = 'park-ji-hu'"
                    ).fetchall(),
                )
            )
    assert len(found) == 1
    names, credits = found[0]
    assert ("squid-game",) in names
    assert ("squid-game",) in credits
    # a change to the layer is seen at once (the index of the old layer is not reused)
    layer.write_text(EXTENSION.replace("Ojingeo Geim Extra", "Ojingeo Geim Other"), "utf-8")
    changed = as_json(run_shipped("--add-data", str(layer), "show", "squid-game", "--json"))
    assert "Ojingeo Geim Other" in changed["aliases"]
    assert "Ojingeo Geim Extra" not in changed["aliases"]


def test_data_check_lists_each_extension_as_a_note(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(tmp_path, EXTENSION)
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code == 0, result.output
    assert (
        f"kdrama: note: {layer}: shows[squid-game] extends the one in the shipped shows.toml"
        in result.stderr
    )
    assert (
        f"kdrama: note: {layer}: people[park-ji-hu] extends the one in the shipped shows.toml"
        in result.stderr
    )
    # checked as a layer, since it extends entries of the dataset in use
    assert f"{layer} marks park-ji-hu and squid-game extend = true: checked as a layer" in (
        result.stderr
    )
    assert "kdrama: warning" not in result.stderr
    report = json.loads(run_shipped("data", "check", str(layer), "--json").stdout)
    assert report["ok"] is True
    assert report["extensions"] == [
        f"{layer}: people[park-ji-hu] extends the one in the shipped shows.toml",
        f"{layer}: shows[squid-game] extends the one in the shipped shows.toml",
    ]
    # what the layer holds: a credit, a figure, a fact and a citation, no title or person,
    # and the two entries it extends (a layer of extensions alone said it held no entries),
    # with what they add besides: its season, the title's and the person's aliases, its
    # genre and director were not counted (walk39 #15)
    assert (
        f"{layer} holds 1 credit, 1 figure, 1 fact, 1 citation and 2 extensions of earlier"
        " entries (adding 1 season, 2 aliases, 1 genre and 1 director); merged over the"
        " dataset in use:" in flat(result.stdout)
    )
    alias = _layer(
        tmp_path, '[[people]]\nid = "park-ji-hu"\nextend = true\naliases = ["PJH"]\n', "a.toml"
    )
    only = flat(run_shipped("data", "check", str(alias)).stdout)
    assert f"{alias} holds 1 extension of an earlier entry (adding 1 alias); merged over" in only
    credit = _layer(
        tmp_path,
        CITATION + '[[shows]]\nslug = "squid-game"\nextend = true\n'
        '[[shows.facts]]\ntext = "A made-up fact."\nsources = ["my-extra-page"]\n',
        "f.toml",
    )
    facts = flat(run_shipped("data", "check", str(credit)).stdout)
    # nothing added but what is counted already: no "(adding ...)"
    assert f"{credit} holds 1 fact, 1 citation and 1 extension of an earlier entry; merged" in (
        facts
    )


def test_an_extension_gives_no_title_or_other_field(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(
        tmp_path,
        '[[shows]]\nslug = "squid-game"\nextend = true\ntitle = "Squid Game!"\n'
        'aliases = ["Ojingeo Geim Extra"]\n',
    )
    result = run_shipped("--add-data", str(layer), "show", "squid-game")
    assert result.exit_code != 0
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:1: shows[squid-game].title: extend = true only adds to the"
        " title's lists (aliases, genres, directors, writers, creators, related, netflix_titles,"
        " sources, cast_sources, [[shows.seasons]], [[shows.cast]], [[shows.stats]] and"
        " [[shows.facts]]); to change title, give the whole entry with override = true instead"
    ]
    person = _layer(
        tmp_path, '[[people]]\nid = "park-ji-hu"\nextend = true\nname = "Park J."\n', "p.toml"
    )
    said = run_shipped("--add-data", str(person), "person", "park-ji-hu").stderr
    assert _errors(said) == [
        f"kdrama: error: {person}:1: people[park-ji-hu].name: extend = true only adds to the"
        " person's lists (aliases and sources); to change name, give the whole entry with"
        " override = true instead"
    ]


def test_extending_what_no_earlier_file_defines_is_an_error(
    run_shipped: Run, tmp_path: Path
) -> None:
    layer = _layer(
        tmp_path, '[[shows]]\nslug = "squid-gam"\nextend = true\naliases = ["Extra Name"]\n'
    )
    result = run_shipped("--add-data", str(layer), "show", "squid-game")
    assert result.exit_code != 0
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:1: shows[squid-gam].extend: extend = true, but no earlier file"
        " defines slug 'squid-gam': nothing to extend. Did you mean squid-game? To add it as a"
        " new title, remove extend = true and give the whole entry"
    ]


def test_extend_and_override_together_is_an_error(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(
        tmp_path,
        '[[people]]\nid = "park-ji-hu"\nextend = true\noverride = true\nname = "Park Ji-hu"\n',
    )
    result = run_shipped("--add-data", str(layer), "person", "park-ji-hu")
    assert result.exit_code != 0
    assert (
        f"kdrama: error: {layer}:1: people[park-ji-hu].extend: extend = true and override = true"
        " together: extend adds to the earlier entry's lists, override replaces the entry whole;"
        " keep one of them"
    ) in _errors(result.stderr)


def test_a_citation_or_a_source_work_is_not_extended(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(
        tmp_path,
        CITATION.replace("date = 2025-01-10", "extend = true")
        + '\n[[source_works]]\nid = "x-work"\nextend = true\ntitle = "X"\nkind = "webtoon"\n'
        'sources = ["my-extra-page"]\n',
    )
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code != 0
    errors = _errors(result.stderr)
    assert (
        f"kdrama: error: {layer}:2: citations[my-extra-page].extend: extend = true adds to the"
        " lists of a title ([[shows]]) or a person ([[people]]); a citation is not extended: to"
        " change one, give it whole with override = true"
    ) in errors
    assert (
        f"kdrama: error: {layer}:9: source_works[x-work].extend: extend = true adds to the"
        " lists of a title ([[shows]]) or a person ([[people]]); a source work is not extended:"
        " to change one, give it whole with override = true"
    ) in errors


def test_a_top_level_figure_is_told_it_is_never_extended(run_shipped: Run, tmp_path: Path) -> None:
    """`extend = true` on a top-level [[stats]] was told a source work is not extended, and
    the same key was an unknown one besides: a figure is said once, for what it is."""
    figure = (
        '[[stats]]\nshow = "squid-game"\nextend = true\nmetric = "ratings"\nvalue = 1.0\n'
        'unit = "percent"\nwindow = "episode:1"\nseason = 1\nas_of = 2025-01-10\n'
        'sources = ["my-extra-page"]\n'
    )
    layer = _layer(tmp_path, CITATION + "\n" + figure)
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code == 1
    about = [e for e in _errors(result.stderr) if "stats[0].extend" in e]
    assert about == [
        f"kdrama: error: {layer}:9: stats[0].extend: a top-level [[stats]] figure is never"
        " extended nor overridden: each one adds a figure to the title its show names, so"
        " remove extend = true"
    ]


def test_a_netflix_record_takes_only_aliases_from_an_extension(
    run_shipped: Run, tmp_path: Path
) -> None:
    """An extension of a title held only as Netflix's record was taken whole: its page listed
    the credits added under a box saying the catalogue holds none, and `list` still counted it
    a Netflix record. An alias (a name fans type) is taken; anything else is an error saying
    how to research the title instead."""
    alias = _layer(
        tmp_path, '[[shows]]\nslug = "12-12-the-day"\nextend = true\naliases = ["Twelve Twelve"]\n'
    )
    page = run_shipped("--add-data", str(alias), "show", "twelve twelve")
    assert page.exit_code == 0 and "12.12: The Day" in page.stdout
    cast = CITATION + (
        '\n[[shows]]\nslug = "12-12-the-day"\nextend = true\n\n[[shows.cast]]\n'
        'person = "park-ji-hu"\ncharacter = "A soldier"\nrole = "supporting"\n'
        'sources = ["my-extra-page"]\n'
    )
    layer = tmp_path / "cast.toml"
    layer.write_text(cast, encoding="utf-8")
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code == 1
    assert (
        f"{layer}:9: shows[12-12-the-day].cast: 12-12-the-day is held only as Netflix's record"
        " (netflix_only, in the shipped netflix.toml): extend = true adds only aliases to it;"
        " to research it, give it whole with override = true, without netflix_only"
    ) in result.stderr
    # walk33 #12: every key refused is named in the one line, not the first alone (nor the
    # line said twice, once more with the keys an entry with errors was read with)
    more = _layer(
        tmp_path,
        cast.replace(
            "extend = true\n", 'extend = true\ngenres = ["war"]\ndirectors = ["park-ji-hu"]\n'
        ),
        "more.toml",
    )
    result = run_shipped("data", "check", str(more))
    assert _errors(result.stderr) == [
        f"kdrama: error: {more}:9: shows[12-12-the-day].genres: 12-12-the-day is held only as"
        " Netflix's record (netflix_only, in the shipped netflix.toml): extend = true adds only"
        " aliases to it, not genres, directors or cast; to research it, give it whole with"
        " override = true, without netflix_only"
    ]


def test_a_netflix_record_extended_with_facts_and_cast_is_told_once(
    run_shipped: Run, tmp_path: Path
) -> None:
    """review33 #2: the entry read whole and the entry read again for its references named the
    refused keys in two orders (the file's, and facts after cast), so the one problem was said
    twice, at .facts and at .cast: it is said once, in the file's order, everywhere."""
    layer = _layer(
        tmp_path,
        CITATION + '\n[[shows]]\nslug = "12-12-the-day"\nextend = true\naliases = ["Twelve"]\n'
        'genres = ["war"]\n\n[[shows.facts]]\ntext = "A made-up fact."\n'
        'sources = ["my-extra-page"]\n\n[[shows.cast]]\nperson = "park-ji-hu"\n'
        'character = "A soldier"\nrole = "supporting"\nsources = ["my-extra-page"]\n',
    )
    message = (
        "12-12-the-day is held only as Netflix's record (netflix_only, in the shipped"
        " netflix.toml): extend = true adds only aliases to it, not {}; to research it, give it"
        " whole with override = true, without netflix_only"
    )
    checked = run_shipped("data", "check", str(layer))
    assert checked.exit_code == 1
    assert _errors(checked.stderr) == [
        f"kdrama: error: {layer}:9: shows[12-12-the-day].genres: "
        + message.format("genres, facts or cast")
    ]
    shown = run_shipped("--add-data", str(layer), "show", "12-12-the-day", "--json")
    assert shown.exit_code == 1
    problems = json.loads(shown.stderr.splitlines()[-1])["error"]["problems"]
    assert [(p["location"], p["message"]) for p in problems] == [
        ("shows[12-12-the-day].genres", message.format("genres, facts or cast"))
    ]
    # the tables alone: one line, at the first of them in the file
    alone = _layer(tmp_path, layer.read_text(encoding="utf-8").replace('genres = ["war"]\n', ""))
    listed = json.loads(run_shipped("data", "check", str(alone), "--json").stdout)["problems"]
    assert listed == [f"{alone}:9: shows[12-12-the-day].facts: " + message.format("facts or cast")]


def test_a_season_the_title_has_is_an_error(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(
        tmp_path,
        CITATION
        + '\n[[shows]]\nslug = "squid-game"\nextend = true\n\n[[shows.seasons]]\nnumber = 2\n'
        'status = "announced"\nas_of = 2025-01-10\nsources = ["my-extra-page"]\n',
    )
    result = run_shipped("--add-data", str(layer), "show", "squid-game")
    assert result.exit_code != 0
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:13: shows[squid-game].seasons[0].number: season 2 is already"
        " there (in the shipped shows.toml): extend = true adds new seasons only; to change"
        " season 2, give the whole title with override = true"
    ]


def test_what_an_extension_adds_is_checked_with_the_rest_of_the_title(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A credit for a season the title lacks, seasons for a film, an unknown citation: each
    said at the extension's own line and place."""
    layer = _layer(
        tmp_path,
        CITATION
        + """
[[shows]]
slug = "squid-game"
extend = true

[[shows.cast]]
person = "park-ji-hu"
character = "X"
role = "supporting"
seasons = [7]

[[shows.facts]]
text = "A fact."
sources = ["no-such-page"]

[[shows]]
slug = "train-to-busan"
extend = true

[[shows.seasons]]
number = 1
status = "announced"
as_of = 2025-01-10
sources = ["my-extra-page"]
""",
    )
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code != 0
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:13: shows[squid-game].cast[0].seasons: season 7 does not"
        " exist: squid-game has seasons 1 to 3",
        f"kdrama: error: {layer}:19: shows[squid-game].facts[0].sources: unknown citation"
        " 'no-such-page'",
        f"kdrama: error: {layer}:23: shows[train-to-busan].seasons: a film has no seasons; give"
        " release_date instead",
    ]


def test_a_field_error_in_an_extension_hides_none_of_what_it_says_with_the_title(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk33 #2: a rating of 150 in an extension hid its credit's season 7 and its fact's
    season 8 until it was fixed, with `unchecked` 0; a new title's were said in one run. Now
    one run says all three, at each item's own place; and where a season's own number is
    wrong, so that a credit's seasons cannot be judged, the entry is counted unchecked."""
    body = """
[[shows]]
slug = "squid-game"
extend = true

[[shows.cast]]
person = "park-ji-hu"
character = "Player 999"
role = "supporting"
seasons = [7]
sources = ["my-extra-page"]

[[shows.facts]]
text = "A made-up fact."
season = 8
sources = ["my-extra-page"]

[[shows.stats]]
metric = "ratings"
value = 150
unit = "percent"
window = "episode:1"
as_of = 2025-01-13
sources = ["my-extra-page"]
"""
    layer = _layer(tmp_path, CITATION + body)
    result = run_shipped("data", "check", str(layer))
    assert result.exit_code == 1
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:25: shows[squid-game].stats[0].value: 150 percent is more"
        " than 100",
        f"kdrama: error: {layer}:13: shows[squid-game].cast[0].seasons: season 7 does not"
        " exist: squid-game has seasons 1 to 3",
        f"kdrama: error: {layer}:20: shows[squid-game].facts[0].season: season 8 does not"
        " exist: squid-game has seasons 1 to 3",
    ]
    assert "checked once" not in result.stderr  # all was checked
    report = json.loads(run_shipped("data", "check", str(layer), "--json").stdout)
    assert len(report["problems"]) == 3 and report["unchecked"] == 0
    # A season added with its number quoted: the credit's season 4 may be it, so nothing is
    # said of it, and the entry is counted as not checked yet.
    season = (
        '\n[[shows.seasons]]\nnumber = "4"\nstatus = "announced"\nas_of = 2025-01-10\n'
        'sources = ["my-extra-page"]\n'
    )
    quoted = _layer(
        tmp_path,
        CITATION + body.replace("seasons = [7]", "seasons = [4]") + season,
        "quoted.toml",
    )
    result = run_shipped("data", "check", str(quoted))
    assert "season 4 does not exist" not in result.stderr
    assert "seasons[0].number: expected an integer, got a string" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "kdrama: note: the references of 1 entry (to citations, people, titles, source works or"
        " seasons) are checked once its errors are fixed"
    )
    assert json.loads(run_shipped("data", "check", str(quoted), "--json").stdout)["unchecked"] == 1


def test_what_an_entry_with_errors_refers_to_is_said_where_its_file_has_it(
    run_shipped: Run, tmp_path: Path
) -> None:
    """An entry with errors is read again for its references with what breaks it left out or
    stood in for: a season's quoted number stood in as 1 was told "season 1 is already there",
    and a credit left out for its person moved the next one up, whose unknown citation was said
    at the credit before it (cast[0], its line)."""
    layer = _layer(
        tmp_path,
        CITATION
        + """
[[shows]]
slug = "squid-game"
extend = true

[[shows.seasons]]
number = "4"
status = "announced"
as_of = 2025-01-10
sources = ["my-extra-page"]

[[shows.cast]]
person = "Park Ji-hu"
character = "Player 999"
role = "supporting"
sources = ["my-extra-page"]

[[shows.cast]]
person = "park-ji-hu"
character = "Player 998"
role = "supporting"
sources = ["no-such-page"]
""",
    )
    result = run_shipped("data", "check", str(layer))
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:13: shows[squid-game].seasons[0].number: expected an integer,"
        " got a string; write it without quotes: number = 4",
        f"kdrama: error: {layer}:19: shows[squid-game].cast[0].person: 'Park Ji-hu' is a name;"
        " the id of Park Ji-hu (박지후) is park-ji-hu",
        f"kdrama: error: {layer}:25: shows[squid-game].cast[1].sources: unknown citation"
        " 'no-such-page'",
    ]


def test_a_problem_of_the_merged_title_is_said_at_the_extension_that_caused_it(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A credit added to a title with no cast, without cast_sources, is the problem of the
    layer that added it, at its entry's line: not of a later layer that only adds an alias;
    where two layers add credits, each is told."""
    first = _layer(
        tmp_path,
        CITATION
        + '\n[[shows]]\nslug = "squid-game-the-challenge"\nextend = true\n\n[[shows.cast]]\n'
        'person = "park-ji-hu"\ncharacter = "Player 1"\nrole = "supporting"\n'
        'sources = ["my-extra-page"]\n',
        "first.toml",
    )
    text = '[[shows]]\nslug = "squid-game-the-challenge"\nextend = true\naliases = ["Extra"]\n'
    second = _layer(tmp_path, text, "second.toml")
    layers = ["--add-data", str(first), "--add-data", str(second)]
    said = " a cast list needs at least one citation"
    checked = run_shipped(*layers, "data", "check")
    assert checked.exit_code != 0
    assert _errors(checked.stderr) == [
        f"kdrama: error: {first}:9: shows[squid-game-the-challenge].cast_sources:{said}"
    ]
    second.write_text(
        text + '\n[[shows.cast]]\nperson = "park-ji-hu"\ncharacter = "Player 2"\n'
        'role = "supporting"\nsources = ["my-extra-page"]\n',
        encoding="utf-8",
    )
    both = run_shipped(*layers, "show", "squid-game-the-challenge")
    assert _errors(both.stderr) == [
        f"kdrama: error: {first}:9: shows[squid-game-the-challenge].cast_sources:{said}",
        f"kdrama: error: {second}:1: shows[squid-game-the-challenge].cast_sources:{said}",
    ]


def test_an_extension_that_adds_nothing_is_an_error(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(tmp_path, '[[people]]\nid = "park-ji-hu"\nextend = true\n')
    result = run_shipped("--add-data", str(layer), "person", "park-ji-hu")
    assert _errors(result.stderr) == [
        f"kdrama: error: {layer}:1: people[park-ji-hu].extend: extend = true, but the entry adds"
        " nothing: it lists none of aliases and sources"
    ]


def test_what_the_entry_has_already_is_listed_once_and_warned_about(
    run_shipped: Run, tmp_path: Path
) -> None:
    """An alias, a credit (same person and character) or a fact the entry has already: the
    shipped dataset may gain what a layer added, so it is a warning (--strict fails), not an
    error that would break every command after an upgrade; the item is listed once."""
    layer = _layer(
        tmp_path,
        """
[[shows]]
slug = "squid-game"
extend = true
aliases = ["오겜"]

[[shows.cast]]
person = "lee-jung-jae"
character = "Seong Gi-hun"
role = "main"

[[people]]
id = "park-ji-hu"
extend = true
aliases = ["park ji-hoo"]
""",
    )
    before = as_json(run_shipped("show", "squid-game", "--json"))
    after = as_json(run_shipped("--add-data", str(layer), "show", "squid-game", "--json"))
    assert after["aliases"] == before["aliases"]
    assert after["cast"] == before["cast"]
    checked = run_shipped("data", "check", str(layer))
    assert checked.exit_code == 0, checked.output
    warnings = [line for line in checked.stderr.splitlines() if "warning" in line]
    assert warnings == [  # in line order
        f"kdrama: warning: {layer}:2: shows[squid-game].aliases: '오겜' is already in aliases (in"
        " the shipped shows.toml): it is listed once; remove it here",
        f"kdrama: warning: {layer}:7: shows[squid-game].cast[0]: the credit of lee-jung-jae as"
        " 'Seong Gi-hun' is already in the cast (in the shipped shows.toml): it is listed once;"
        " remove it here, or give the whole title with override = true to change it",
        f"kdrama: warning: {layer}:12: people[park-ji-hu].aliases: 'park ji-hoo' is already in"
        " aliases (in the shipped shows.toml): it is listed once; remove it here",
    ]
    assert run_shipped("data", "check", "--strict", str(layer)).exit_code != 0


def test_an_override_after_an_extension_replaces_what_it_added_too(
    run_shipped: Run, tmp_path: Path
) -> None:
    """Two layers: the first extends a person, the second overrides it; the override is told
    it drops the alias the extension added."""
    first = _layer(tmp_path, EXTENSION, "first.toml")
    second = _layer(
        tmp_path,
        '[[people]]\nid = "park-ji-hu"\noverride = true\nname = "Park Ji-hu"\n'
        'hangul = "박지후"\naliases = ["Park Ji-hoo"]\n',
        "second.toml",
    )
    found = as_json(
        run_shipped(
            "--add-data", str(first), "--add-data", str(second), "person", "park-ji-hu", "--json"
        )
    )
    assert found["aliases"] == ["Park Ji-hoo"]


def test_the_extension_example_of_data_readme_loads_over_the_shipped_dataset(
    run_shipped: Run, tmp_path: Path
) -> None:
    """data/README.md's extension example, copied as it stands: it checks clean under
    --strict, and what it adds shows on the title's and the person's pages."""
    from tests.conftest import REPO
    from tests.test_data_check import _toml_blocks

    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    section = text.split("- **To add to an entry**", 1)[1].split("- **To correct an entry**")[0]
    layer = _layer(tmp_path, _toml_blocks(section)[0], "extend.toml")
    checked = run_shipped("data", "check", str(layer), "--strict")
    assert checked.exit_code == 0, checked.output
    assert "kdrama: warning:" not in checked.stderr
    # on the day the shipped dataset was last reviewed, its made-up season is news, not stale
    # (dated 2025-01-10, it showed "stale" with three lines of why: walk35)
    import tomli

    with (REPO / "data" / "shows.toml").open("rb") as file:
        updated = tomli.load(file)["meta"]["updated"]
    on_the_day = {"KDRAMA_TODAY": updated.isoformat()}
    shown = as_json(
        run_shipped("--add-data", str(layer), "show", "squid-game", "--json", env=on_the_day)
    )
    assert "Squid Game (made-up alias)" in shown["aliases"]
    assert shown["seasons"][-1]["number"] == 4
    assert shown["seasons"][-1]["stale"] is False
    assert shown["seasons"][-1]["as_of"] <= updated.isoformat()
    assert shown["facts"][-1]["text"] == "A made-up fourth season is announced in this example."
    person = as_json(run_shipped("--add-data", str(layer), "person", "park-ji-hu", "--json"))
    assert person["aliases"] == ["Park Ji-hoo", "Ji-hu Park (made-up alias)"]
    assert any(c["slug"] == "squid-game" for c in person["credits"])


# --- an override that says what it drops on purpose ------------------------------------------


def _moving_override(drops: list[str] | None, **changes: object) -> str:
    """The shipped Moving as an override that leaves out its season 2, Ryoo Seung-bum's credit,
    the fact about his character, its writer and its Korean title, naming ``drops``."""
    import tomli
    import tomli_w

    from tests.conftest import SHIPPED

    with SHIPPED.open("rb") as file:
        shipped = tomli.load(file)
    entry = next(show for show in shipped["shows"] if show["slug"] == "moving")
    entry = {**entry, "override": True}
    if drops is not None:
        entry["drops"] = drops
    entry["seasons"] = [s for s in entry["seasons"] if s["number"] == 1]
    entry["cast"] = [c for c in entry["cast"] if c["person"] != "ryoo-seung-bum"]
    entry["facts"] = [f for f in entry["facts"] if not f["text"].startswith("Frank,")]
    del entry["writers"], entry["korean_title"]
    entry.update(changes)
    # the keys in the order a hand-written entry has them: slug first, then override and drops
    first = {key: entry.pop(key) for key in ("slug", "override", "drops") if key in entry}
    return tomli_w.dumps({"shows": [{**first, **entry}]})


MOVING_DROPS = [
    "season:2",
    "cast:ryoo-seung-bum",
    "fact:Frank, the mysterious delivery man",
    "crew:kang-full",
    "field:korean_title",
]


def test_an_override_warns_about_what_it_drops_unless_drops_names_it(
    run_shipped: Run, tmp_path: Path
) -> None:
    silent = _layer(tmp_path, _moving_override(None), "silent.toml")
    said = run_shipped("data", "check", str(silent))
    assert said.exit_code == 0, said.output
    assert (
        f"kdrama: warning: {silent}:1: shows[moving]: drops season 2, 1 cast credit, 1 fact,"
        " 1 crew credit and its korean_title that the entry it overrides has"
    ) in said.stderr
    named = _layer(tmp_path, _moving_override(MOVING_DROPS), "named.toml")
    checked = run_shipped("data", "check", "--strict", str(named))
    assert checked.exit_code == 0, checked.output
    assert "kdrama: warning:" not in checked.stderr
    assert f"kdrama: note: {named}: shows[moving] overrides the one in the shipped" in (
        checked.stderr
    )
    shown = as_json(run_shipped("--add-data", str(named), "show", "moving", "--json"))
    assert [s["number"] for s in shown["seasons"]] == [1]
    assert "ryoo-seung-bum" not in [c["person"] for c in shown["cast"]]
    assert shown["korean_title"] is None
    assert shown["writers"] == []


def test_what_drops_leaves_unnamed_is_still_warned_about(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(tmp_path, _moving_override(["season:2", "field:korean_title"]))
    said = run_shipped("data", "check", str(layer))
    assert said.exit_code == 0, said.output
    assert (
        f"kdrama: warning: {layer}:1: shows[moving]: drops 1 cast credit, 1 fact and 1 crew credit"
        " that the entry it overrides has (an override replaces it whole, and hides what it"
        " gains later too): copy what yours should keep from"
    ) in said.stderr
    (line,) = [line for line in said.stderr.splitlines() if "warning" in line]
    # walk35 #15: the drops line to paste, what it names already first
    assert line.endswith(
        ', or name what it leaves out on purpose in drops: drops = ["season:2",'
        ' "field:korean_title", "cast:ryoo-seung-bum", "fact:Frank, the mysterious delivery'
        ' man", "crew:kang-full"]'
    )


def test_a_drops_item_that_names_nothing_dropped_is_a_warning(
    run_shipped: Run, tmp_path: Path
) -> None:
    layer = _layer(
        tmp_path, _moving_override([*MOVING_DROPS, "season:5", "cast:zo-in-sung", "alias:Nope"])
    )
    said = run_shipped("data", "check", str(layer))
    assert said.exit_code == 0, said.output
    warnings = [line for line in said.stderr.splitlines() if "warning" in line]
    assert warnings == [
        f"kdrama: warning: {layer}:1: shows[moving].drops: 'season:5', 'cast:zo-in-sung' and"
        " 'alias:Nope' name nothing this override drops (the entry it overrides lacks it, or"
        " yours keeps it): remove them from drops"
    ]
    assert run_shipped("data", "check", "--strict", str(layer)).exit_code != 0


def test_drops_without_override_or_misspelt_is_an_error(run_shipped: Run, tmp_path: Path) -> None:
    plain = _layer(
        tmp_path,
        '[[people]]\nid = "my-own-person"\nname = "My Own"\ndrops = ["alias:X"]\n',
        "plain.toml",
    )
    result = run_shipped("--add-data", str(plain), "person", "park-ji-hu")
    assert result.exit_code != 0
    assert _errors(result.stderr) == [
        f"kdrama: error: {plain}:1: people[my-own-person].drops: drops names what an override"
        " leaves out of the entry it replaces, and this entry has no override = true"
    ]
    wrong = _layer(
        tmp_path,
        _moving_override(["seasons:2", "season:two", "figure:hours-viewed", "cast:", "season:02"]),
        "wrong.toml",
    )
    result = run_shipped("--add-data", str(wrong), "show", "moving")
    assert result.exit_code != 0
    forms = (
        "write season:N, cast:PERSON-ID, crew:PERSON-ID, alias:NAME, fact:START OF ITS TEXT,"
        " figure:METRIC:WINDOW, netflix_title:NAME or field:KEY"
    )
    assert _errors(result.stderr) == [
        f"kdrama: error: {wrong}:1: shows[moving].drops: 'seasons:2' names nothing an override"
        f" drops: {forms}",
        f"kdrama: error: {wrong}:1: shows[moving].drops: 'season:two': a season is given by its"
        " number (season:2)",
        f"kdrama: error: {wrong}:1: shows[moving].drops: 'figure:hours-viewed': a figure is given"
        " by its metric and window (figure:hours-viewed:week:2024-01-07)",
        f"kdrama: error: {wrong}:1: shows[moving].drops: 'cast:' names nothing an override"
        f" drops: {forms}",
        f"kdrama: error: {wrong}:1: shows[moving].drops: 'season:02': write season:2, without"
        " the zero",
    ]


def test_a_drops_season_of_thousands_of_digits_is_the_ordinary_error(
    run_shipped: Run, tmp_path: Path
) -> None:
    """review33 #1: a season in drops with a zero before more digits than int() reads (4,300)
    is an error as any misspelt season is (exit 1), not an internal error (exit 70); what it
    should be is offered only for a number a season can have."""
    huge = "0" + "9" * 4400
    layer = _layer(tmp_path, _moving_override([*MOVING_DROPS, f"season:{huge}", "season:007"]))
    result = run_shipped("--add-data", str(layer), "show", "moving")
    assert result.exit_code == 1, result.output
    errors = [line.partition(".drops: ")[2] for line in _errors(result.stderr)]
    assert len(errors) == 2, errors
    assert errors[0].startswith("'season:0999") and errors[0].endswith(
        "': a season is given by its number (season:2)"
    )
    assert errors[1] == "'season:007': write season:7, without the zero"


def test_a_person_override_names_the_alias_it_drops(run_shipped: Run, tmp_path: Path) -> None:
    layer = _layer(
        tmp_path,
        '[[people]]\nid = "park-ji-hu"\noverride = true\ndrops = ["alias:park ji-hoo"]\n'
        'name = "Park Ji-hu"\nhangul = "박지후"\n',
    )
    checked = run_shipped("data", "check", "--strict", str(layer))
    assert checked.exit_code == 0, checked.output
    found = as_json(run_shipped("--add-data", str(layer), "person", "park-ji-hu", "--json"))
    assert found["aliases"] == []


def test_a_warning_about_what_an_extension_adds_names_the_extension(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The merged title's warnings about an added alias or fact are said in the extension's
    file, at the added item's own place, not in the shipped file at its merged place."""
    layer = _layer(
        tmp_path,
        CITATION + '\n[[shows]]\nslug = "squid-game"\nextend = true\naliases = ["Kingdom"]\n\n'
        '[[shows.facts]]\ntext = "=1+1 is a made-up fact."\nsources = ["my-extra-page"]\n',
    )
    said = run_shipped("data", "check", str(layer))
    assert said.exit_code == 0, said.output
    warnings = [line for line in said.stderr.splitlines() if "warning" in line]
    assert f"kdrama: warning: {layer}:9: shows[squid-game].aliases: 'Kingdom' is the title of" in (
        " ".join(warnings)
    )
    facts = [w for w in warnings if ".facts[" in w]
    assert len(facts) == 1
    assert facts[0].startswith(f"kdrama: warning: {layer}:14: shows[squid-game].facts[0].text:")


def test_a_second_layer_extends_what_the_first_extended(run_shipped: Run, tmp_path: Path) -> None:
    """Extensions chain: the second layer sees the first's season 4, and its own mistake is
    said at its own line."""
    first = str(_layer(tmp_path, EXTENSION, "first.toml"))
    text = (
        '[[shows]]\nslug = "squid-game"\nextend = true\naliases = ["Second Alias"]\n\n'
        '[[shows.cast]]\nperson = "park-ji-hu"\ncharacter = "Player 1000"\nrole = "supporting"\n'
        "seasons = [SEASON]\n"
    )
    second = _layer(tmp_path, text.replace("SEASON", "9"), "second.toml")
    wrong = run_shipped("--add-data", first, "--add-data", str(second), "show", "squid-game")
    assert _errors(wrong.stderr) == [
        f"kdrama: error: {second}:6: shows[squid-game].cast[0].seasons: season 9 does not"
        " exist: squid-game has seasons 1 to 4"
    ]
    second.write_text(text.replace("SEASON", "4"), encoding="utf-8")
    shown = as_json(
        run_shipped("--add-data", first, "--add-data", str(second), "show", "squid-game", "--json")
    )
    assert shown["aliases"][-2:] == ["Ojingeo Geim Extra", "Second Alias"]
    assert [c["character"] for c in shown["cast"] if c["person"] == "park-ji-hu"] == [
        "Player 999",
        "Player 1000",
    ]

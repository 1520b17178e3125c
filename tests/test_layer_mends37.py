"""The layered dataset's leftovers of review 36 (audit36/review.md, closing50.md), each run
through the CLI: which layers came through the personal dataset is recorded by the load (#4);
an extension citing a page the title cites already rests its credits on it (#3); a layer
replacing a citation a person's entry cites names itself on their page (#10); cast --json's
rows carry their layer, and compare marks a layer's crew (its --json and show's give it a
layer too); the [[people]] entry to paste follows a flag on the problem (#9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI, Run, as_json, flat
from tests.made_up import write_layer
from tests.test_layer_slips36 import CHART_FIX, RELATED, UNSOURCED

#: Kang Bo-ra's entry given an alias by a layer: her own page then has a Layer line.
ALIAS = """
[[people]]
id = "kang-bora"
extend = true
aliases = ["Bora Kang"]
"""


def friend_through_personal(tmp_path: Path) -> str:
    """A friend's pack (a new title naming Night Train as related, a credit in Night Train,
    an alias of Kang Bo-ra's) that the personal dataset includes."""
    friend = tmp_path / "friend" / "index.toml"
    friend.parent.mkdir()
    friend.write_text(RELATED + UNSOURCED + ALIAS, encoding="utf-8")
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(f'[meta]\ninclude = ["{friend}"]\n', encoding="utf-8")
    return str(friend)


# --- #4: the personal dataset's files are recorded by the load, not read again by a page ---


def test_a_page_knows_the_personal_datasets_files_without_reading_its_includes_again(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which files came in through the personal dataset is kept with the layer marks (in the
    index too): a page a layer changed reads no include graph to say so, and an --add-data
    file beside it is never said to be personal."""
    from kdrama_cli.catalogue import loader

    friend = friend_through_personal(tmp_path)
    extra = write_layer(tmp_path, CHART_FIX, "cit.toml")

    def read_again(path: object) -> object:
        raise AssertionError(f"a page read {path}'s includes again")

    monkeypatch.setattr(loader, "read_through", read_again)
    for when in ("parsed", "from the index"):
        document = as_json(run("--add-data", extra, "show", "night-train", "--json"))
        assert document["layers"] == [
            {"how": "extended", "file": friend, "personal": True},
            {"how": "cited", "file": extra, "personal": False},
            {"how": "related", "file": friend, "personal": True},
        ], when
        shown = run("--add-data", extra, "show", "night-train")
        assert shown.exit_code == 0, shown.output
        assert (
            f"Layers: extended by {friend} (through your personal dataset); sources changed by"
            f" {extra}; named as related by {friend} (through your personal dataset)"
        ) in flat(shown.stdout)
        person = as_json(run("--add-data", extra, "person", "kang-bora", "--json"))
        assert person["layers"] == [{"how": "extended", "file": friend, "personal": True}]
        layered = [c["layer"] for c in person["credits"] if c["slug"] == "night-train"]
        assert layered and all(mark["personal"] for mark in layered), layered
    assert list((tmp_path / "cache").rglob("index-*.sqlite")), "the second round read no index"
    # --no-personal: the same file given with --add-data is not the personal dataset's
    given = as_json(run("--no-personal", "--add-data", friend, "show", "night-train-2", "--json"))
    assert given["layers"] == [{"how": "added", "file": friend, "personal": False}]


# --- #3: an extension that cites the title's own page again rests its credits on it --------

#: UNSOURCED citing the chart page the title already cites, for its cast and its director:
#: the author chose that page for the credits they add.
CITED_AGAIN = UNSOURCED.replace(
    'directors = ["kang-bora"]\n',
    'directors = ["kang-bora"]\nsources = ["test-chart"]\ncast_sources = ["test-chart"]\n',
)


def test_an_extension_citing_a_page_the_title_cites_already_rests_its_credits_on_it(
    run: Run, tmp_path: Path
) -> None:
    """The credits the extension adds cite the chart, on the person page and in --json alike
    (parsed and from the index), as `cast` does; data check neither calls them unsourced nor
    tells the author to remove the citation they rest on."""
    layer = write_layer(tmp_path, CITED_AGAIN, "rep.toml")
    for when in ("parsed", "from the index"):
        document = as_json(run("--add-data", layer, "person", "kang-bora", "--json"))
        night = [
            (c["capacity"], c["source"]) for c in document["credits"] if c["slug"] == "night-train"
        ]
        assert night == [("actor", ["test-chart"]), ("director", ["test-chart"])], when
        shown = run("--add-data", layer, "person", "kang-bora")
        assert "No source" not in shown.stdout
        row = next(line for line in shown.stdout.splitlines() if "Night Train" in line)
        assert row.rstrip().endswith("]"), row  # a reference, not "—"
        assert "Example chart" in shown.stdout
    cast = as_json(run("--add-data", layer, "cast", "night-train", "--json"))
    hers = [row["source"] for row in cast if row["person"] == "kang-bora"]
    assert hers == [["test-chart"]]
    checked = run("data", "check", layer, "--strict")
    assert checked.exit_code == 0, checked.output
    assert "kdrama: warning:" not in checked.stderr
    # a repeat no credit of the extension rests on is still one to remove
    alias = '[[shows]]\nslug = "night-train"\nextend = true\naliases = ["Last Train"]\n'
    bare = write_layer(tmp_path, alias + 'cast_sources = ["test-chart"]\n', "bare.toml")
    said = run("data", "check", bare).stderr
    assert "'test-chart' is already in cast_sources" in said and "remove it here" in said


# --- #10: a layer that replaces a citation a person's own entry cites names itself there ----

#: Kang Bo-ra's entry resting on a page of its own (a profile giving her Hangul).
PROFILE = """
[[citations]]
id = "test-profile"
url = "https://example.org/profile/kang-bora"
title = "Kang Bo-ra profile"
publisher = "Example Press"
date = 2022-01-01
"""

#: The profile corrected by a layer: a new address.
PROFILE_FIX = PROFILE.replace(
    'id = "test-profile"\n', 'id = "test-profile"\noverride = true\n'
).replace("profile/kang-bora", "profile/moved")


def test_a_layer_replacing_a_citation_a_persons_entry_cites_names_itself_on_their_page(
    run: Run, tmp_path: Path
) -> None:
    """The person's page cites the layer's address, so it says which layer changed its
    sources, as a title's page does; a person whose entry cites no such page has no line."""
    text = MINI.read_text(encoding="utf-8").replace(
        'id = "kang-bora"\nname = "Kang Bo-ra"\nhangul = "강보라"\n',
        'id = "kang-bora"\nname = "Kang Bo-ra"\nhangul = "강보라"\nsources = ["test-profile"]\n',
    )
    data = write_layer(tmp_path, text + PROFILE, "data.toml")
    layer = write_layer(tmp_path, PROFILE_FIX, "fix.toml")
    for when in ("parsed", "from the index"):
        shown = run("--data", data, "--add-data", layer, "person", "kang-bora")
        assert shown.exit_code == 0, shown.output
        page = flat(shown.stdout)
        assert f"Layer: sources changed by {layer}" in page, when
        assert "https://example.org/profile/moved" in page
        document = as_json(
            run("--data", data, "--add-data", layer, "person", "kang-bora", "--json")
        )
        assert document["layers"] == [{"how": "cited", "file": layer, "personal": False}]
    other = as_json(run("--data", data, "--add-data", layer, "person", "oh-taeyang", "--json"))
    assert other["layers"] == []
    assert "Layer" not in run("--data", data, "--add-data", layer, "show", "night-train").stdout


# --- cast --json's layer, compare's crew rows ------------------------------------------------


def test_cast_json_gives_each_credit_its_layer_as_the_person_page_does(
    run: Run, tmp_path: Path
) -> None:
    """A row a layer's extension added carries the same `layer` as the person's credit (with
    whether it came through the personal dataset); a row of the base's, null; a title a layer
    added gives each of its rows that layer, "added"."""
    layer = write_layer(tmp_path, UNSOURCED, "mine.toml")
    rows = as_json(run("--add-data", layer, "cast", "night-train", "--json"))
    person = as_json(run("--add-data", layer, "person", "kang-bora", "--json"))
    credit = next(
        c for c in person["credits"] if c["slug"] == "night-train" and c["capacity"] == "actor"
    )
    assert {row["person"]: row["layer"] for row in rows} == {
        "seo-minho": None,
        "kang-bora": credit["layer"],
    }
    assert credit["layer"] == {"how": "extended", "file": layer, "personal": False}
    # every title's cast: the same rows
    every = as_json(run("--add-data", layer, "cast", "--json"))
    assert [r["layer"] for r in every if r["slug"] == "night-train"] == [r["layer"] for r in rows]
    assert all(r["layer"] is None for r in every if r["slug"] != "night-train")
    # show --json's cast gives it too
    show = as_json(run("--add-data", layer, "show", "night-train", "--json"))
    assert [r["layer"] for r in show["cast"]] == [r["layer"] for r in rows]
    # through the personal dataset: said so
    friend = friend_through_personal(tmp_path)
    mine = as_json(run("cast", "night-train", "--json"))
    assert [r["layer"] for r in mine if r["person"] == "kang-bora"] == [
        {"how": "extended", "file": friend, "personal": True}
    ]


def test_compare_marks_a_director_a_layer_added_as_it_marks_its_cast(
    run: Run, tmp_path: Path
) -> None:
    """The Directors row marks the layer's director "*", and a line under the table names
    the layer and what it cites, as the show page says it; without a layer, no mark."""
    from tests.test_layer_slips36 import SOURCED

    layer = write_layer(tmp_path, SOURCED, "mine.toml")
    shown = run("--add-data", layer, "compare", "night-train", "moonlit-hallway")
    assert shown.exit_code == 0, shown.output
    directors = next(line for line in shown.stdout.splitlines() if "Directors" in line)
    assert "Oh Tae-yang, Kang Bo-ra *" in directors
    writers = next(line for line in shown.stdout.splitlines() if "Writers" in line)
    assert "*" not in writers  # her writing credit is the base's
    page = flat(shown.stdout)
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra, director [" in page
    show_page = flat(run("--add-data", layer, "show", "night-train").stdout)
    assert f"Night Train extended by {layer} (Kang Bo-ra, director [" in show_page
    # a layer that cites nothing for her: the page says so, as the show page does
    bare = write_layer(tmp_path, UNSOURCED, "bare.toml")
    said = flat(run("--add-data", bare, "compare", "night-train", "moonlit-hallway").stdout)
    table, _, common = said.partition("Cast in common")
    assert "(Kang Bo-ra, director)" in table
    assert f"* No source: {bare} cites no source for its credit in Night Train" in table
    plain = run("compare", "night-train", "moonlit-hallway").stdout
    assert "*" not in plain


def test_compare_json_gives_each_person_in_common_the_layer_of_their_credit_in_each_title(
    run: Run, tmp_path: Path
) -> None:
    """review 38: compare --json's `cast_in_common` rows carried no `layer` while show's and
    cast's rows do: each person in common now has, for each title they are in, the layer that
    gave their credit there, as cast --json's row of it gives it (an extension's, a title the
    layer added, through the personal dataset), null for the base's."""
    layer = write_layer(tmp_path, UNSOURCED, "mine.toml")

    def in_common(*args: str) -> dict[str, Any]:
        document = as_json(run(*args, "compare", "night-train", "moonlit-hallway", "--json"))
        return {row["person"]: row["layer"] for row in document["cast_in_common"]}

    rows = as_json(run("--add-data", layer, "cast", "night-train", "--json"))
    given = next(row["layer"] for row in rows if row["person"] == "kang-bora")
    assert given == {"how": "extended", "file": layer, "personal": False}
    base = {"seo-minho": {"night-train": None, "moonlit-hallway": None}}
    assert in_common("--no-personal") == base  # without the layer she is in one of them only
    for _ in ("parsed", "from the index"):
        assert in_common("--add-data", layer) == {
            **base,
            "kang-bora": {"night-train": given, "moonlit-hallway": None},
        }
    # a title the layer adds: each of its credits is the layer's, "added"
    added = write_layer(
        tmp_path,
        RELATED.replace('related = ["night-train"]\n', 'cast_sources = ["test-press"]\n')
        + '\n[[shows.cast]]\nperson = "kang-bora"\ncharacter = "Conductor"\nrole = "main"\n',
        "added.toml",
    )
    document = as_json(
        run("--add-data", added, "compare", "night-train-2", "moonlit-hallway", "--json")
    )
    assert {row["person"]: row["layer"] for row in document["cast_in_common"]} == {
        "kang-bora": {
            "night-train-2": {"how": "added", "file": added, "personal": False},
            "moonlit-hallway": None,
        }
    }
    # through the personal dataset: said so
    friend = friend_through_personal(tmp_path)
    assert in_common() == {
        **base,
        "kang-bora": {
            "night-train": {"how": "extended", "file": friend, "personal": True},
            "moonlit-hallway": None,
        },
    }


def test_compare_json_says_a_credit_in_common_came_through_the_personal_dataset_with_no_crew(
    run: Run, tmp_path: Path
) -> None:
    """A personal dataset's pack that adds only a credit (no crew): `cast_in_common[].layer`
    says `personal: true`, as cast --json's row of that credit does. compare asked which
    files came through the personal dataset of the crew's layers alone, so with no crew
    layer it said false."""
    friend = tmp_path / "friend" / "index.toml"
    friend.parent.mkdir()
    friend.write_text(UNSOURCED.replace('directors = ["kang-bora"]\n', ""), encoding="utf-8")
    assert "directors" not in friend.read_text(encoding="utf-8")
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(f'[meta]\ninclude = ["{friend}"]\n', encoding="utf-8")
    given = {"how": "extended", "file": str(friend), "personal": True}
    rows = as_json(run("cast", "night-train", "--json"))
    assert next(row["layer"] for row in rows if row["person"] == "kang-bora") == given
    for _ in ("parsed", "from the index"):
        document = as_json(run("compare", "night-train", "moonlit-hallway", "--json"))
        assert document["layered_crew"] == [[], []]
        in_common = {row["person"]: row["layer"] for row in document["cast_in_common"]}
        assert in_common["kang-bora"] == {"night-train": given, "moonlit-hallway": None}


def test_compare_and_show_json_give_a_layers_crew_its_layer_as_cast_rows_do(
    run: Run, tmp_path: Path
) -> None:
    """compare --json's directors and writers were names alone while cast --json's rows carry
    their layer: `layered_crew` gives each crew member a layer's extension added (the ones
    the page marks "*"), with the same `layer` as the cast row and what the layer cites;
    show --json gives the title's, and through the personal dataset it says so."""
    from tests.test_layer_slips36 import SOURCED

    layer = write_layer(tmp_path, SOURCED, "mine.toml")
    compared = as_json(
        run("--add-data", layer, "compare", "night-train", "moonlit-hallway", "--json")
    )
    rows = as_json(run("--add-data", layer, "cast", "night-train", "--json"))
    given = next(row["layer"] for row in rows if row["person"] == "kang-bora")
    assert given == {"how": "extended", "file": layer, "personal": False}
    assert compared["layered_crew"] == [
        [
            {
                "capacity": "director",
                "person": "kang-bora",
                "name": "Kang Bo-ra",
                "layer": given,
                "source": ["test-press"],
            }
        ],
        [],
    ]
    assert "test-press" in {source["id"] for source in compared["sources"]}
    shown = as_json(run("--add-data", layer, "show", "night-train", "--json"))
    assert shown["layered_crew"] == compared["layered_crew"][0]
    # through the personal dataset, citing nothing for her
    friend = friend_through_personal(tmp_path)
    mine = as_json(run("compare", "night-train", "moonlit-hallway", "--json"))
    assert [(c["layer"], c["source"]) for c in mine["layered_crew"][0]] == [
        ({"how": "extended", "file": friend, "personal": True}, [])
    ]
    plain = as_json(run("--no-personal", "compare", "night-train", "moonlit-hallway", "--json"))
    assert plain["layered_crew"] == [[], []]
    assert as_json(run("--no-personal", "show", "night-train", "--json"))["layered_crew"] == []


# --- #9: the [[people]] entry to paste follows a flag on the problem, not its wording --------


def test_the_people_to_paste_follow_the_problem_not_the_words_of_its_hint(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However the line of a person new to the catalogue ends (a hint reworded, a note added
    after it), `data check` and a command loading the layer still give the entry to paste; a
    mistyped id of the catalogue's gets none."""
    from kdrama_cli.answers import layers
    from kdrama_cli.catalogue.problems import Problem

    real = layers.with_nearest

    def reworded(*args: Any, **kwargs: Any) -> list[Problem]:
        return [p._replace(message=f"{p.message} (reworded)") for p in real(*args, **kwargs)]

    monkeypatch.setattr(layers, "with_nearest", reworded)
    layer = write_layer(tmp_path, UNSOURCED.replace("kang-bora", "kim-new-actor"), "new.toml")
    paste = '\n[[people]]\nid = "kim-new-actor"\nname = "Kim New-actor"\n'
    for args in (["data", "check", layer], ["--add-data", layer, "show", "night-train"]):
        said = run(*args)
        assert said.exit_code != 0, args
        assert "unknown person 'kim-new-actor'" in said.stderr and "(reworded)" in said.stderr
        assert said.stderr.endswith(paste), (args, said.stderr)
    typo = write_layer(tmp_path, UNSOURCED.replace("kang-bora", "kang-borra"), "typo.toml")
    told = run("data", "check", typo).stderr
    assert "Did you mean kang-bora?" in told and "[[people]]" not in told

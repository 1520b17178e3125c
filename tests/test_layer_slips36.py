"""What a fan extending the dataset gets where the walk of 35 and its review left a layer's
page or error wrong (audit 35): a credit an extension adds is cited to what its layer cites,
never to the title's own pages; a switch written in quotes, a person new to the catalogue and a
folder given for a file each get one clear error; the empty base is told by a flag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINI, Run, as_json, flat
from tests.made_up import kang_bora_in_night_train, write_layer

#: Kang Bo-ra cast in Night Train (supporting) and made one of its directors, by an extension
#: that cites nothing (UNSOURCED) and by one resting on the press page it adds (SOURCED).
UNSOURCED, SOURCED = kang_bora_in_night_train("supporting")


def _night_train(document: dict[str, object]) -> list[tuple[str, object]]:
    credits = document["credits"]
    assert isinstance(credits, list)
    return [(c["capacity"], c["source"]) for c in credits if c["slug"] == "night-train"]


# --- 1. a credit an extension adds rests on what its layer cites ---------------------------


def test_an_unsourced_extension_credit_cites_nothing_and_says_so(run: Run, tmp_path: Path) -> None:
    """The credit is the layer's, so the title's chart page (which never names her) is not
    its source: the row cites nothing, and a line under the credits says the layer gave none;
    --json gives [] as its source, parsed and from the index alike."""
    layer = write_layer(tmp_path, UNSOURCED)
    for _ in ("parsed", "from the index"):
        shown = run("--add-data", layer, "person", "kang-bora")
        assert shown.exit_code == 0, shown.output
        row = next(line for line in shown.stdout.splitlines() if "Night Train" in line)
        assert row.rstrip().endswith("—"), row  # no [n]: nothing cited
        assert "Stowaway *" in row
        assert (
            f"* No source: {layer} cites no source for its credit in Night Train (the title's"
            " own sources do not name it)"
        ) in flat(shown.stdout)
        document = as_json(run("--add-data", layer, "person", "kang-bora", "--json"))
        assert _night_train(document) == [("actor", []), ("director", [])]


def test_an_extension_credit_cites_its_own_and_the_cast_lists_the_extension_adds(
    run: Run, tmp_path: Path
) -> None:
    """A credit rests on its own sources and the cast_sources its extension adds; a crew
    credit on the sources it adds: never the title's own, and no "No source" line."""
    layer = write_layer(tmp_path, SOURCED)
    document = as_json(run("--add-data", layer, "person", "kang-bora", "--json"))
    assert _night_train(document) == [("actor", ["test-press"]), ("director", ["test-press"])]
    shown = run("--add-data", layer, "person", "kang-bora")
    assert "No source" not in shown.stdout
    row = next(line for line in shown.stdout.splitlines() if "Night Train" in line)
    assert row.rstrip().endswith("[1]")
    assert "[1] Example Press" in shown.stdout
    # a credit as the base gives it still rests on its title's cast lists
    river = [c["source"] for c in document["credits"] if c["slug"] == "river-of-lanterns"]
    assert river == [["test-chart"]]


def test_data_check_warns_about_an_extension_credit_with_no_source(
    run: Run, tmp_path: Path
) -> None:
    """Pages would cite such a credit to nothing: a warning each (--strict fails), at the
    credit's line; with sources given, none."""
    layer = write_layer(tmp_path, UNSOURCED)
    checked = run("data", "check", layer)
    assert checked.exit_code == 0, checked.output
    warnings = [line for line in checked.stderr.splitlines() if "warning" in line]
    assert warnings == [
        f"kdrama: warning: {layer}:2: shows[night-train].directors: the directors an extension"
        " adds cite no source, and pages cite them to none (the title's sources are the earlier"
        ' file\'s, which do not name them): add sources = ["…"] to the extension, the citation'
        " that names them",
        f"kdrama: warning: {layer}:7: shows[night-train].cast[0]: a credit an extension adds"
        " cites no source of its own, and pages cite it to none (the title's cast lists are the"
        ' earlier file\'s, which do not name it): add sources = ["…"], the citation that names'
        " it",
    ]
    assert run("data", "check", layer, "--strict").exit_code == 1
    sourced = write_layer(tmp_path, SOURCED, "sourced.toml")
    clean = run("data", "check", sourced, "--strict")
    assert clean.exit_code == 0, clean.output
    assert "kdrama: warning:" not in clean.stderr


# --- 2. override = "true" -------------------------------------------------------------------


@pytest.mark.parametrize("switch", ['override = "true"', 'extend = "true"', "override = 1"])
def test_a_switch_in_quotes_gets_one_error_not_also_already_defined(
    run: Run, tmp_path: Path, switch: str
) -> None:
    """The type error says how to write it; "already defined, set override = true" beside
    it contradicted it (the author had set it)."""
    layer = write_layer(tmp_path, f'[[shows]]\nslug = "night-train"\n{switch}\naliases = ["NT"]\n')
    checked = run("data", "check", layer, "--layer")
    assert checked.exit_code == 1
    errors = [line for line in checked.stderr.splitlines() if "error" in line]
    key = switch.split()[0]
    assert len(errors) == 1, errors
    assert f"shows[night-train].{key}: expected true or false" in errors[0]
    assert "already defined" not in checked.stderr


# --- 3. a person new to the catalogue -------------------------------------------------------


def test_a_credit_of_a_new_person_is_told_the_people_entry_to_paste(
    run: Run, tmp_path: Path
) -> None:
    """No near id: the error says a [[people]] entry is needed, and a note gives one to paste,
    which then loads."""
    text = (
        '[[shows]]\nslug = "night-train"\nextend = true\n\n[[shows.cast]]\n'
        'person = "kim-new-actor"\ncharacter = "Guard"\nrole = "special"\n'
        'sources = ["test-press"]\n'
    )
    layer = write_layer(tmp_path, text)
    checked = run("data", "check", layer)
    assert checked.exit_code == 1
    lines = checked.stderr.splitlines()
    assert (
        f"kdrama: error: {layer}:5: shows[night-train].cast[0].person: unknown person"
        " 'kim-new-actor': a person new to the catalogue needs a [[people]] entry of that id in"
        " your file (data/README.md, [[people]]; the note below gives one to paste)"
    ) in lines
    start = lines.index("[[people]]")
    block = "\n".join(lines[start:])
    assert block.strip() == '[[people]]\nid = "kim-new-actor"\nname = "Kim New-actor"'
    Path(layer).write_text(text + "\n" + block + "\n", encoding="utf-8")
    fixed = run("data", "check", layer, "--strict")
    assert fixed.exit_code == 0, fixed.output
    # every command's error says the same, and its JSON carries the note
    Path(tmp_path / "other.toml").write_text(text, encoding="utf-8")
    shown = run("--add-data", str(tmp_path / "other.toml"), "show", "night-train", "--json")
    error = json.loads(shown.stderr.splitlines()[-1])["error"]
    assert error["notes"][-1].endswith('[[people]]\nid = "kim-new-actor"\nname = "Kim New-actor"')


def test_a_near_miss_of_a_person_id_is_still_did_you_mean(run: Run, tmp_path: Path) -> None:
    text = (
        '[[shows]]\nslug = "night-train"\nextend = true\n\n[[shows.cast]]\n'
        'person = "kang-borra"\ncharacter = "Guard"\nrole = "special"\nsources = ["test-press"]\n'
    )
    checked = run("data", "check", write_layer(tmp_path, text))
    assert "Did you mean kang-bora?" in checked.stderr
    assert "[[people]]" not in checked.stderr


# --- 4. a folder given for a dataset --------------------------------------------------------


def test_a_folder_given_to_add_data_names_the_file_it_needs(run: Run, tmp_path: Path) -> None:
    """A pack with a file that includes the others: that file. A folder of parts with none:
    the index.toml to write, with its include line. A folder holding one file: that one."""
    pack = tmp_path / "pack"
    (pack / "parts").mkdir(parents=True)
    (pack / "parts" / "a.toml").write_text("", encoding="utf-8")
    (pack / "parts" / "b.toml").write_text("", encoding="utf-8")
    (pack / "index.toml").write_text(
        '[meta]\nschema = 1\ninclude = ["parts/a.toml", "parts/b.toml"]\n', encoding="utf-8"
    )
    said = run("--add-data", str(pack), "show", "night-train").stderr
    assert said == (
        f"kdrama: error: {pack}: is a directory, not a regular file: a dataset is one file:"
        f" give the one that includes the others, {pack}/index.toml\n"
    )
    parts = pack / "parts"
    said = run("--add-data", str(parts), "show", "night-train").stderr
    assert said == (
        f"kdrama: error: {parts}: is a directory, not a regular file: a dataset is one file, and"
        f" a folder of parts needs one that lists them: write {parts}/index.toml holding [meta]"
        ' and, on the line under it, include = ["a.toml", "b.toml"], then give'
        f" {parts}/index.toml\n"
    )
    (parts / "b.toml").unlink()
    said = run("--add-data", str(parts), "show", "night-train").stderr
    assert said.endswith(f"a dataset is one file: give it, {parts}/a.toml\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    checked = run("data", "check", str(empty))
    assert "a dataset is one .toml file, and this folder holds none" in checked.stderr


# --- 6. an empty base is told by a flag, and the schema by schema.py's bound -----------------


def test_an_empty_base_note_follows_the_flag_not_the_words(run: Run, tmp_path: Path) -> None:
    """The note that an empty layer loads follows an empty base whatever its message says;
    a base whose [meta] gives a newer schema than schema.SCHEMA is told to upgrade."""
    from kdrama_cli.catalogue import schema

    path = write_layer(tmp_path, "# nothing yet\n", "empty.toml")
    said = run("data", "check", path).stderr
    assert f"kdrama: error: {path}: file is empty: it holds only comments\n" in said
    assert "an empty layer (an --add-data file) loads" in said
    newer = write_layer(tmp_path, f"[meta]\nschema = {schema.SCHEMA + 1}\n", "newer.toml")
    said = run("data", "check", newer).stderr
    assert "this file is for a newer kdrama" in said and "file is empty" not in said
    current = write_layer(tmp_path, f"[meta]\nschema = {schema.SCHEMA}\n", "current.toml")
    assert "file is empty: it holds only [meta]" in run("data", "check", current).stderr


def test_the_mini_fixture_is_what_these_tests_extend() -> None:
    """The titles and citations the layers above name are the mini dataset's."""
    text = MINI.read_text(encoding="utf-8")
    for name in ('slug = "night-train"', 'id = "kang-bora"', 'id = "test-press"'):
        assert name in text


# --- 5. the Layer line of a title a layer changed through another entry ---------------------

#: The chart page Night Train cites, corrected: a new address.
CHART_FIX = """
[[citations]]
id = "test-chart"
override = true
url = "https://example.org/charts/moved"
title = "Example chart"
publisher = "Example Charts"
date = 2022-03-01
"""

#: A new title that names Night Train among its related titles.
RELATED = """
[[shows]]
slug = "night-train-2"
title = "Night Train 2"
kind = "film"
platform = "Examplenet"
genres = ["thriller"]
synopsis = "A made-up sequel."
release_date = 2024-01-01
related = ["night-train"]
sources = ["test-press"]
"""


def test_a_title_whose_citation_a_layer_replaced_names_the_layer(run: Run, tmp_path: Path) -> None:
    layer = write_layer(tmp_path, CHART_FIX, "cit.toml")
    shown = run("--add-data", layer, "show", "night-train")
    assert shown.exit_code == 0, shown.output
    assert f"Layer: sources changed by {layer}" in flat(shown.stdout)
    assert "https://example.org/charts/moved" in shown.stdout
    document = as_json(run("--add-data", layer, "show", "night-train", "--json"))
    assert document["layers"] == [{"how": "cited", "file": layer, "personal": False}]
    # a title that cites the chart nowhere is not marked so (the layer's own, citing the press)
    own = RELATED.replace('related = ["night-train"]\n', "")
    both = write_layer(tmp_path, CHART_FIX + own, "both.toml")
    other = as_json(run("--add-data", both, "show", "night-train-2", "--json"))
    assert other["layers"] == [{"how": "added", "file": both, "personal": False}]
    # the citation's title is an entry of its own, not a title or a person's layer
    assert as_json(run("--add-data", layer, "person", "kang-bora", "--json"))["layers"] == []


def test_a_title_a_layer_names_in_related_names_the_layer(run: Run, tmp_path: Path) -> None:
    layer = write_layer(tmp_path, RELATED, "rel.toml")
    for _ in ("parsed", "from the index"):
        shown = run("--add-data", layer, "show", "night-train")
        assert shown.exit_code == 0, shown.output
        page = flat(shown.stdout)
        assert f"Layer: named as related by {layer}" in page
        assert "Night Train 2 (night-train-2)" in page
        document = as_json(run("--add-data", layer, "show", "night-train", "--json"))
        assert document["layers"] == [{"how": "related", "file": layer, "personal": False}]
    # the layer's own title says it added it, as before
    assert f"Layer: added by {layer}" in flat(
        run("--add-data", layer, "show", "night-train-2").stdout
    )
    # both marks in load order, grouped as the line says them
    fix = write_layer(tmp_path, CHART_FIX, "cit.toml")
    both = run("--add-data", layer, "--add-data", fix, "show", "night-train")
    assert f"Layers: sources changed by {fix}; named as related by {layer}" in flat(both.stdout)


def test_a_title_through_the_personal_dataset_says_so(run: Run, tmp_path: Path) -> None:
    """A file the personal dataset includes (a friend's pack) is named with where it comes
    from, on the title's page, its person's credit and in --json."""
    friend = tmp_path / "friend" / "index.toml"
    friend.parent.mkdir()
    friend.write_text(RELATED, encoding="utf-8")
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(f'[meta]\ninclude = ["{friend}"]\n', encoding="utf-8")
    shown = run("show", "night-train-2")
    assert shown.exit_code == 0, shown.output
    assert f"Layer: added by {friend} (through your personal dataset)" in flat(shown.stdout)
    document = as_json(run("show", "night-train-2", "--json"))
    assert document["layers"] == [{"how": "added", "file": str(friend), "personal": True}]
    # --no-personal: the title is gone; an --add-data file is never said to be personal
    given = as_json(
        run("--no-personal", "--add-data", str(friend), "show", "night-train-2", "--json")
    )
    assert given["layers"] == [{"how": "added", "file": str(friend), "personal": False}]

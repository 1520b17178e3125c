"""A credit a layer's extension adds to a shipped title is cited to what its layer cites on every
page that lists it, not only the person page (audit 36): the show page's cast and crew, `kdrama
cast` (page, --json, --csv), a path's hop, compare's cast in common and the quiz's credit
questions, all by the one rule of answers.sources; each page marks it "*" and names the layer,
in the person page's words."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import MINI, Run, as_json, flat
from tests.made_up import kang_bora_in_night_train, write_layer

#: Kang Bo-ra cast in Night Train and made one of its directors (a lead), by an extension that
#: cites nothing (UNSOURCED) and by one resting on the press page it adds (SOURCED).
UNSOURCED, SOURCED = kang_bora_in_night_train("main")

PRESS = "https://example.org/press/moonlit"
CHART = "https://example.org/chart"


def _refs(page: str) -> dict[str, str]:
    """The numbered Sources list of a page: its URL -> "[n]"."""
    lines = page.splitlines()
    found = {}
    for number, line in enumerate(lines):
        if line.startswith("[") and "]" in line and number + 1 < len(lines):
            found[lines[number + 1].strip()] = line.split()[0]
    return found


def test_the_rule_is_the_person_pages(tmp_path: Path) -> None:
    """answers.sources.credit_sources gives the person page's sources of the layer's credit,
    and of a credit as the base gives it the title's cast lists and its own."""
    from kdrama_cli.answers.person_page import person_detail
    from kdrama_cli.answers.sources import credit_sources
    from kdrama_cli.catalogue.loader import load_dataset

    for text, rests in ((UNSOURCED, ()), (SOURCED, ("test-press",))):
        dataset = load_dataset([MINI, Path(write_layer(tmp_path, text))])
        show = dataset.shows["night-train"]
        added = next(c for c in show.cast if c.person == "kang-bora")
        assert credit_sources(dataset, show, added) == rests
        detail = person_detail(dataset, dataset.people["kang-bora"])
        (actor,) = [c for c in detail.credits if c.show.slug == "night-train" and c.credit]
        assert actor.sources == rests
        base = next(c for c in show.cast if c.person == "seo-minho")
        assert credit_sources(dataset, show, base)[0] == "test-chart"


def test_the_show_page_marks_the_layers_credits_and_cites_its_source(
    run: Run, tmp_path: Path
) -> None:
    """The cast row and the director are marked, a line under each names the layer with what
    it cites; --json cites the cast credit to the layer's page alone."""
    layer = write_layer(tmp_path, SOURCED)
    page = run("--add-data", layer, "show", "night-train")
    assert page.exit_code == 0, page.output
    press = _refs(page.stdout)[PRESS]
    text = flat(page.stdout)
    assert "Directed by: Oh Tae-yang, Kang Bo-ra *" in text
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra, director {press})" in text
    assert "Kang Bo-ra * 강보라 Stowaway main" in text
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra {press})" in text
    assert "No source" not in text
    cast = as_json(run("--add-data", layer, "show", "night-train", "--json"))["cast"]
    rests = {row["person"]: row["source"] for row in cast}
    assert rests == {"seo-minho": ["test-chart", "test-press"], "kang-bora": ["test-press"]}


def test_the_show_page_says_the_layer_cites_no_source(run: Run, tmp_path: Path) -> None:
    layer = write_layer(tmp_path, UNSOURCED)
    page = run("--add-data", layer, "show", "night-train")
    assert page.exit_code == 0, page.output
    text = flat(page.stdout)
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra, director)" in text
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra)" in text
    said = (
        f"* No source: {layer} cites no source for its credit in Night Train (the title's own"
        " sources do not name it)"
    )
    assert text.count(said) == 2  # under the crew and under the cast
    assert "Example Press" not in page.stdout  # nothing cites the press page
    cast = as_json(run("--add-data", layer, "show", "night-train", "--json"))["cast"]
    assert {row["person"]: row["source"] for row in cast} == {
        "seo-minho": ["test-chart"],
        "kang-bora": [],
    }


def test_cast_cites_the_layers_credit_to_its_source_in_every_output(
    run: Run, tmp_path: Path
) -> None:
    """The page's Src column, --json's source and --csv's source_urls: the layer's page, not
    the title's chart; with none, nothing."""
    layer = write_layer(tmp_path, SOURCED)
    page = run("--add-data", layer, "cast", "night-train")
    assert page.exit_code == 0, page.output
    refs = _refs(page.stdout)
    row = next(line for line in page.stdout.splitlines() if "Stowaway" in line)
    assert row.split()[:3] == ["Kang", "Bo-ra", "*"]
    assert row.rstrip().endswith(refs[PRESS]) and refs[CHART] not in row
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra)" in flat(page.stdout)
    rows = as_json(run("--add-data", layer, "cast", "night-train", "--json"))
    assert {r["person"]: r["source"] for r in rows}["kang-bora"] == ["test-press"]
    sheet = run("--add-data", layer, "cast", "night-train", "--csv")
    urls = {r["person"]: r["source_urls"] for r in csv.DictReader(io.StringIO(sheet.stdout))}
    assert urls["kang-bora"] == PRESS

    bare = write_layer(tmp_path, UNSOURCED)
    page = run("--add-data", bare, "cast", "night-train")
    row = next(line for line in page.stdout.splitlines() if "Stowaway" in line)
    assert "[" not in row
    assert f"* No source: {bare} cites no source for its credit in Night Train" in flat(page.stdout)
    rows = as_json(run("--add-data", bare, "cast", "night-train", "--json"))
    assert {r["person"]: r["source"] for r in rows}["kang-bora"] == []
    sheet = run("--add-data", bare, "cast", "night-train", "--csv")
    urls = {r["person"]: r["source_urls"] for r in csv.DictReader(io.StringIO(sheet.stdout))}
    assert urls == {"seo-minho": CHART, "kang-bora": ""}


def test_a_path_hop_through_the_layers_credit_cites_its_source(run: Run, tmp_path: Path) -> None:
    layer = write_layer(tmp_path, SOURCED)
    page = run("--add-data", layer, "path", "kang-bora", "night-train")
    assert page.exit_code == 0, page.output
    assert "Kang Bo-ra as Stowaway, also director * [1] in Night Train" in flat(page.stdout)
    assert f"* From a layer: Night Train extended by {layer} (Kang Bo-ra)" in flat(page.stdout)
    assert _refs(page.stdout) == {PRESS: "[1]"}
    found = as_json(run("--add-data", layer, "path", "kang-bora", "night-train", "--json"))
    assert found["paths"][0]["hops"][0]["left"]["source"] == ["test-press"]

    bare = write_layer(tmp_path, UNSOURCED)
    page = run("--add-data", bare, "path", "kang-bora", "night-train")
    assert "Kang Bo-ra as Stowaway, also director * in Night Train" in flat(page.stdout)
    assert f"* No source: {bare} cites no source for its credit in Night Train" in flat(page.stdout)
    assert "Sources" not in page.stdout  # nothing to list: not the title's chart
    found = as_json(run("--add-data", bare, "path", "kang-bora", "night-train", "--json"))
    assert found["paths"][0]["hops"][0]["left"]["source"] == []


def test_compare_cites_the_layers_credit_in_common_to_its_source(run: Run, tmp_path: Path) -> None:
    bare = write_layer(tmp_path, UNSOURCED)
    page = run("--add-data", bare, "compare", "night-train", "moonlit-hallway")
    assert page.exit_code == 0, page.output
    row = next(line for line in page.stdout.splitlines() if "Stowaway" in line)
    assert "Kang Bo-ra" in row and "Stowaway *" in row and "Stowaway * [" not in row
    text = flat(page.stdout)
    assert f"* From a layer: Night Train extended by {bare} (Kang Bo-ra)" in text
    assert f"* No source: {bare} cites no source for its credit in Night Train" in text
    compared = as_json(
        run("--add-data", bare, "compare", "night-train", "moonlit-hallway", "--json")
    )
    kang = next(c for c in compared["cast_in_common"] if c["person"] == "kang-bora")
    assert kang["source"] == {"night-train": [], "moonlit-hallway": ["test-press"]}

    layer = write_layer(tmp_path, SOURCED)
    compared = as_json(
        run("--add-data", layer, "compare", "night-train", "moonlit-hallway", "--json")
    )
    kang = next(c for c in compared["cast_in_common"] if c["person"] == "kang-bora")
    assert kang["source"]["night-train"] == ["test-press"]


def test_the_quiz_cites_the_layers_credit_to_its_source_and_asks_none_it_cites_nothing_for(
    run: Run, tmp_path: Path
) -> None:
    def questions(layer: str) -> list[dict[str, object]]:
        args = ("quiz", "--show", "night-train", "-q", "30", "--seed", "1", "--json")
        found: list[dict[str, object]] = []
        for seed in ("1", "2", "3"):
            chosen = [a if a != "1" else seed for a in args]
            found += as_json(run("--add-data", layer, *chosen))
        return found

    def about_her(found: list[dict[str, object]]) -> list[dict[str, object]]:
        return [q for q in found if "Stowaway" in str(q["question"]) + str(q["explanation"])]

    asked = about_her(questions(write_layer(tmp_path, SOURCED)))
    assert asked
    for question in asked:
        assert question["sources"], question
        assert [s["id"] for s in question["sources"]] == ["test-press"]  # type: ignore[attr-defined]
    assert about_her(questions(write_layer(tmp_path, UNSOURCED))) == []

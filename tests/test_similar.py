"""`kdrama similar SHOW`: ranked titles, each with its reasons as data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kdrama_cli.answers.similar import WEIGHTS, similar
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Dataset
from tests.conftest import KDRAMA, SHIPPED, AddData, Run, as_json
from tests.made_up import META, film, harbour_days, people

NARROW = {"COLUMNS": "80"}


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset([SHIPPED])


def _seen(tmp_path: Path, text: str = "") -> dict[str, str]:
    seen = tmp_path / "seen.toml"
    seen.write_text(f"[seen]\n{text}", encoding="utf-8")
    return {"KDRAMA_SEEN": str(seen)}


def _by_slug(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {result["slug"]: result for result in document["results"]}


def test_shared_cast_ranks_with_the_names_as_reasons(run_shipped: Run, tmp_path: Path) -> None:
    document = as_json(run_shipped("similar", "all-of-us-are-dead", "--json", env=_seen(tmp_path)))
    assert document["show"] == "all-of-us-are-dead"
    squid = _by_slug(document)["squid-game"]
    cast = {r["detail"] for r in squid["reasons"] if r["kind"] == "cast"}
    assert "Lee Yoo-mi" in cast  # in season 1 of both
    # Kim Si-eun and Roh Jae-won are cast in All of Us Are Dead's season 2, which is not out.
    assert not {"Kim Si-eun", "Roh Jae-won"} & cast
    assert {r["person"] for r in squid["reasons"] if r["kind"] == "cast"} >= {"lee-yoo-mi"}
    # A supporting part in both titles weighs "cast-other"; the ranking follows the scores.
    shared = next(r for r in squid["reasons"] if r["person"] == "lee-yoo-mi")
    assert shared["weight"] == WEIGHTS["cast-other"]
    ahead = [r for r in document["results"] if r["rank"] < squid["rank"]]
    assert ahead and all(r["score"] >= squid["score"] for r in ahead)
    behind = [r for r in document["results"] if r["rank"] > squid["rank"]]
    assert all(r["score"] <= squid["score"] for r in behind)


def test_every_result_has_reasons_that_add_up_to_its_score(
    run_shipped: Run, tmp_path: Path
) -> None:
    env = _seen(tmp_path)
    for slug in ("squid-game", "reply-1988", "kingdom", "the-glory", "train-to-busan"):
        document = as_json(run_shipped("similar", slug, "--json", env=env))
        results = document["results"]
        assert len(results) > 10, slug  # every title like it: --json has no page limit
        assert slug not in _by_slug(document)
        scores = [r["score"] for r in results]
        assert scores == sorted(scores, reverse=True)
        assert [r["rank"] for r in results] == list(range(1, len(results) + 1))
        for result in results:
            assert result["reasons"], (slug, result["slug"])
            assert result["score"] == sum(r["weight"] for r in result["reasons"])
            assert all(r["weight"] in WEIGHTS.values() for r in result["reasons"])


def test_writers_directors_and_links_count_most(run_shipped: Run, tmp_path: Path) -> None:
    env = _seen(tmp_path)
    kingdom = as_json(run_shipped("similar", "kingdom", "--json", env=env))
    first = kingdom["results"][0]
    assert first["slug"] == "kingdom-ashin-of-the-north"
    kinds = {(r["kind"], r["detail"]) for r in first["reasons"]}
    assert ("writer", "Kim Eun-hee") in kinds and ("director", "Kim Seong-hun") in kinds
    assert any(kind == "related" for kind, _ in kinds)
    assert {"zombie", "horror"} <= {detail for kind, detail in kinds if kind == "genre"}
    glory = as_json(run_shipped("similar", "the-glory", "--json", env=env))
    writers = {
        result["slug"]
        for result in glory["results"]
        for r in result["reasons"]
        if r["kind"] == "writer" and r["detail"] == "Kim Eun-sook"
    }
    assert "descendants-of-the-sun" in writers
    reply = as_json(run_shipped("similar", "reply-1988", "--json", env=env))
    assert reply["results"][0]["slug"] == "hospital-playlist"


def test_a_person_counts_once_for_the_strongest_role(shipped: Dataset) -> None:
    """Yeon Sang-ho wrote and directed both Train to Busan and Hellbound: one reason, the
    stronger role's, that says the other."""
    answer = similar(shipped, shipped.shows["train-to-busan"], 10)
    hellbound = next(r for r in answer.results if r.slug == "hellbound")
    yeon = [r for r in hellbound.reasons if r.person == "yeon-sang-ho"]
    assert len(yeon) == 1 and yeon[0].weight == WEIGHTS["writer"]
    assert yeon[0].detail == "Yeon Sang-ho (also director)"


def test_seen_titles_are_left_out_unless_asked(run_shipped: Run, tmp_path: Path) -> None:
    env = _seen(tmp_path, "squid-game = [1, 2]\n")
    hidden = as_json(run_shipped("similar", "all-of-us-are-dead", "--json", env=env))
    assert "squid-game" not in _by_slug(hidden)
    shown = as_json(
        run_shipped("similar", "all-of-us-are-dead", "--include-seen", "--json", env=env)
    )
    assert "squid-game" in _by_slug(shown)
    # Squid Game shares a supporting actor, so it ranks 16th: a page of 20 holds it.
    page = run_shipped("similar", "all-of-us-are-dead", "-n", "20", env={**env, **NARROW})
    assert page.exit_code == 0
    assert "Squid Game" not in page.stdout
    assert "--include-seen" in page.stdout
    # The stored page is keyed by the seen file: emptying it brings Squid Game back.
    env = _seen(tmp_path)
    again = run_shipped("similar", "all-of-us-are-dead", "-n", "20", env={**env, **NARROW})
    assert "Squid Game" in again.stdout


def test_json_and_csv_say_on_stderr_what_the_page_says_under_it(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`similar --json` left out the seen titles without a word, and an empty answer gave no
    reason: stderr now says what the page says (the seen line; why nothing is listed), and
    stdout stays the document."""
    env = _seen(tmp_path, "squid-game = [1, 2]\n")
    for output in ("--json", "--csv"):
        result = run_shipped("similar", "all-of-us-are-dead", output, env=env)
        assert result.exit_code == 0
        assert "1 title you have seen is left out: --include-seen lists it." in result.stderr
        assert "--include-seen" not in result.stdout
    shown = run_shipped("similar", "all-of-us-are-dead", "--include-seen", "--json", env=env)
    assert shown.stderr == ""
    empty = run_shipped("similar", "radio-romance", "--json")
    assert as_json(empty)["results"] == []
    assert "the catalogue holds only Netflix's record, nothing to compare" in empty.stderr


def test_the_seen_line_counts_only_seen_titles_that_would_have_been_listed(
    run_shipped: Run, tmp_path: Path
) -> None:
    """Squid Game is like All of Us Are Dead, but not among its three closest: leaving it out
    changes nothing there, so no line says it was; among twenty, the line counts it."""
    env = {**_seen(tmp_path, "squid-game = [1, 2]\n"), **NARROW}
    listed = as_json(run_shipped("similar", "all-of-us-are-dead", "-n", "20", "--json", env=env))
    assert "squid-game" not in _by_slug(listed)
    everything = run_shipped("similar", "all-of-us-are-dead", "-n", "20", "--include-seen", env=env)
    assert "Squid Game" in everything.stdout
    short = run_shipped("similar", "all-of-us-are-dead", "-n", "3", env=env).stdout
    assert "seen" not in short
    page = " ".join(
        run_shipped("similar", "all-of-us-are-dead", "-n", "20", env=env).stdout.split()
    )
    assert "1 title you have seen is left out: --include-seen lists it." in page


def test_a_short_limit_is_the_top_of_a_long_one(run_shipped: Run, tmp_path: Path) -> None:
    env = _seen(tmp_path)
    for slug in ("squid-game", "hellbound", "crash-landing-on-you"):
        top = as_json(run_shipped("similar", slug, "-n", "3", "--json", env=env))["results"]
        every = as_json(run_shipped("similar", slug, "-n", "500", "--json", env=env))["results"]
        assert top == every[:3], slug


def test_a_page_cut_at_the_limit_says_of_how_many(run_shipped: Run, tmp_path: Path) -> None:
    """As `list` says "5 of 1,623 titles (--limit N for more)"; the count leaves seen titles
    out, as the list does. --json stays as it is."""
    env = {**_seen(tmp_path), **NARROW}
    every = as_json(run_shipped("similar", "kingdom", "-n", "500", "--json", env=env))
    total = len(every["results"])
    assert total > 2
    page = " ".join(run_shipped("similar", "kingdom", "-n", "2", env=env).stdout.split())
    assert f"2 of {total} titles (--limit N for more)" in page
    whole = run_shipped("similar", "kingdom", "-n", str(total), env=env).stdout
    assert "(--limit" not in whole
    seen = {**_seen(tmp_path, f"{every['results'][-1]['slug']} = []\n"), **NARROW}
    fewer = " ".join(run_shipped("similar", "kingdom", "-n", "2", env=seen).stdout.split())
    assert f"2 of {total - 1} titles (--limit N for more)" in fewer
    assert (
        "(--limit N for more)"
        not in run_shipped("similar", "kingdom", "-n", "2", "--json", env=env).output
    )


def test_the_index_bound_search_matches_scoring_every_title(shipped: Dataset) -> None:
    """Reading candidates best bound first, and stopping early, lists what scoring every
    title would (the dataset here is parsed: lookups in memory, not the index)."""
    for slug in ("squid-game", "kingdom", "reply-1988", "hometown-cha-cha-cha", "moving"):
        show = shipped.shows[slug]
        every = similar(shipped, show, 100_000).results
        assert len(every) > 10
        for limit in (1, 4, 10):
            assert similar(shipped, show, limit).results == every[:limit]
            assert similar(shipped, show, limit).total == len(every)  # what the limit cut
        left_out = {every[0].slug, every[2].slug}
        fewer = similar(shipped, show, 5, left_out)
        assert fewer.results == tuple(r for r in every if r.slug not in left_out)[:5]
        assert fewer.total == len(every) - 2


def test_the_page_wraps_every_reason_at_80_columns(run_shipped: Run, tmp_path: Path) -> None:
    result = run_shipped("similar", "all-of-us-are-dead", env={**_seen(tmp_path), **NARROW})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Titles like All of Us Are Dead (all-of-us-are-dead)"
    assert all(len(line) <= 80 for line in lines)
    assert "…" not in result.stdout
    flat = " ".join(result.stdout.split())
    # one line under the page, at 80 columns two; the weights are in --help
    assert "Score: the sum of what the titles share, each reason's weight beside it" in flat
    assert lines[-1].endswith("lists every reason with its weight).") and len(lines[-2]) > 40
    helped = " ".join(run_shipped("similar", "--help").stdout.split())
    assert "the same source work 5; the same writer, director, creator or source author 4" in helped
    wide = run_shipped(
        "similar", "all-of-us-are-dead", "-n", "20", env={**_seen(tmp_path), "COLUMNS": "200"}
    )
    squid = next(line for line in wide.stdout.splitlines() if "Squid Game" in line)
    assert "cast: Lee Yoo-mi (+1); genres: thriller (+1)" in squid


def test_json_shape(run_shipped: Run, tmp_path: Path) -> None:
    document = as_json(run_shipped("similar", "kingdom", "-n", "2", "--json", env=_seen(tmp_path)))
    assert set(document) == {"slug", "show", "title", "weights", "results"}
    assert document["weights"] == WEIGHTS
    result = document["results"][0]
    assert set(result) == {"rank", "slug", "title", "kind", "year", "score", "reasons"}
    assert set(result["reasons"][0]) == {"kind", "detail", "weight", "person"}
    assert len(document["results"]) == 2


def test_csv_and_tsv(run_shipped: Run, tmp_path: Path) -> None:
    env = _seen(tmp_path)
    text = run_shipped("similar", "squid-game", "--csv", env=env).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == "rank,slug,title,score,reasons"
    assert len(rows) > 10 and rows[0]["rank"] == "1"  # every row: no page limit
    longer = run_shipped("similar", "squid-game", "--csv", "-n", "100", env=env).stdout
    aouad = next(
        r for r in csv.DictReader(io.StringIO(longer)) if r["slug"] == "all-of-us-are-dead"
    )
    assert "cast: Lee Yoo-mi (+1)" in aouad["reasons"].split("; ")
    assert int(aouad["score"]) == sum(
        int(reason.rsplit("(+", 1)[1].rstrip(")")) for reason in aouad["reasons"].split("; ")
    )
    tsv = run_shipped("similar", "squid-game", "--tsv", "-n", "2", env=env).stdout
    assert tsv.splitlines()[0].split("\t") == ["rank", "slug", "title", "score", "reasons"]
    assert len(tsv.splitlines()) == 3


def test_crew_in_other_roles_on_the_mini_dataset(run: Run, tmp_path: Path) -> None:
    document = as_json(run("similar", "river-of-lanterns", "--json", env=_seen(tmp_path)))
    first = document["results"][0]
    assert first["slug"] == "moonlit-hallway"
    crew = [r for r in first["reasons"] if r["kind"] == "crew"]
    assert crew and crew[0]["detail"] == "Oh Tae-yang (creator → director)"
    assert crew[0]["weight"] == WEIGHTS["crew"]


def test_unknown_show_is_a_usage_error(run_shipped: Run) -> None:
    result = run_shipped("similar", "Squid Gaem")
    assert result.exit_code == 2
    assert result.stderr.startswith("kdrama: error: no title matches 'Squid Gaem'.")


def test_nothing_similar_is_an_empty_answer(run_shipped: Run, tmp_path: Path) -> None:
    document = as_json(run_shipped("list", "--completeness", "netflix-only", "--json"))
    slug = document[0]["slug"]
    env = _seen(tmp_path)
    page = run_shipped("similar", slug, env=env)
    assert page.exit_code == 0 and page.stdout == ""
    assert "only Netflix's record" in page.stderr
    assert json.loads(run_shipped("similar", slug, "--json", env=env).stdout)["results"] == []
    sheet = run_shipped("similar", slug, "--csv", env=env).stdout
    assert sheet == "rank,slug,title,score,reasons\n"


EXTRA = """
[meta]
schema = 1

[[source_works]]
id = "the-paper-lamp"
title = "The Paper Lamp"
kind = "webtoon"
writers = ["kang-bora"]
platform = "Example Webtoon"
sources = ["test-webtoon"]

[[shows]]
slug = "lantern-room-film"
title = "The Lantern Room: The Film"
kind = "film"
platform = "theatrical"
genres = ["horror"]
synopsis = "The webtoon again, as a film."
release_date = 2024-05-01
source_work = "the-lantern-room"
sources = ["test-press"]

[[shows]]
slug = "paper-lamp"
title = "Paper Lamp"
kind = "series"
platform = "Examplenet"
genres = ["romance"]
synopsis = "Another webtoon on the same site."
source_work = "the-paper-lamp"
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2024-01-01
episodes = 8
sources = ["test-press"]
"""


def test_the_same_source_work_counts_once(run: Run, tmp_path: Path, add_data: AddData) -> None:
    env = _seen(tmp_path)
    document = as_json(run(*add_data(EXTRA), "similar", "moonlit-hallway", "--json", env=env))
    results = _by_slug(document)
    film = results["lantern-room-film"]
    kinds = [(r["kind"], r["detail"], r["weight"]) for r in film["reasons"]]
    # the webtoon's author is not counted again, nor its kind or platform; theatrical is no
    # platform to share
    # (in five titles with genres, no genre is rare)
    assert kinds == [
        ("source-work", "The Lantern Room", WEIGHTS["source-work"]),
        ("genre", "horror", WEIGHTS["genre"]),
    ]
    assert film["score"] == WEIGHTS["source-work"] + WEIGHTS["genre"]
    lamp = results["paper-lamp"]
    lamp_kinds = {(r["kind"], r["detail"]) for r in lamp["reasons"]}
    # Kang Bo-ra wrote Moonlit Hallway and the Paper Lamp webtoon: crew of both
    assert ("crew", "Kang Bo-ra (writer → source author)") in lamp_kinds
    assert ("source-platform", "Example Webtoon") in lamp_kinds
    assert not any(kind == "source-kind" for kind, _ in lamp_kinds)
    assert ("platform", "Examplenet") in lamp_kinds


def test_a_source_platform_spelled_otherwise_is_the_same_platform(
    run: Run, tmp_path: Path, add_data: AddData
) -> None:
    """A user's layer may spell a platform in another case, with a note after it: it is the
    platform `list --source-platform` finds it under, so similar counts it as shared too."""
    other = EXTRA.replace(
        'platform = "Example Webtoon"', 'platform = "example webtoon (later Elsewhere)"'
    )
    document = as_json(
        run(*add_data(other), "similar", "moonlit-hallway", "--json", env=_seen(tmp_path))
    )
    lamp = {(r["kind"], r["detail"]) for r in _by_slug(document)["paper-lamp"]["reasons"]}
    assert ("source-platform", "Example Webtoon") in lamp  # as the title asked about has it
    listed = as_json(
        run(*add_data(other), "list", "--source-platform", "Example Webtoon", "--json")
    )
    assert "paper-lamp" in {row["slug"] for row in listed}


#: A series whose season 2 is only renewed, with Ahn Later cast in it alone and Yoo First in
#: season 1; each is also in a film of its own.
SEASON_NOT_OUT = (
    META
    + people(("ahn-later", "Ahn Later"), ("yoo-first", "Yoo First"))
    + harbour_days(("ahn-later", "Newcomer", (2,)), ("yoo-first", "Deckhand", (1,)))
    + film("later-film", ("ahn-later", "Someone"))
    + film("first-film", ("yoo-first", "Someone"))
)


def test_cast_counts_only_in_seasons_that_are_out(
    run: Run, tmp_path: Path, add_data: AddData
) -> None:
    extra = add_data(SEASON_NOT_OUT, "not-out.toml")
    env = _seen(tmp_path)
    document = as_json(run(*extra, "similar", "harbour-days", "--json", env=env))
    found = _by_slug(document)
    assert list(found) == ["first-film"]  # later-film shares only a season not out
    assert found["first-film"]["reasons"] == [
        {
            "kind": "cast",
            "detail": "Yoo First",
            "weight": WEIGHTS["cast-main-both"],
            "person": "yoo-first",
        }
    ]
    back = as_json(run(*extra, "similar", "later-film", "--json", env=env))
    assert "harbour-days" not in _by_slug(back)


def test_a_season_typed_with_the_title_is_noted_not_dropped(run: Run) -> None:
    """similar compares whole titles: 'moonlit hallway 2' is Moonlit Hallway, and stderr says
    so, also on a second run, which must not replay the page without the note."""
    for _ in range(2):
        result = run("similar", "moonlit hallway 2", "--json")
        assert as_json(result)["show"] == "moonlit-hallway"
        assert (
            "kdrama: note: similar works on whole titles: 'moonlit hallway 2' is taken as "
            "Moonlit Hallway, every season"
        ) in " ".join(result.stderr.split())
    assert "note" not in run("similar", "moonlit-hallway").stderr


def test_a_persons_name_says_it_is_a_person(run: Run) -> None:
    result = run("similar", "Oh Tae-yang")
    assert result.exit_code == 2
    said = f"'Oh Tae-yang' is a person: {KDRAMA} person oh-taeyang."
    assert said in " ".join(result.stderr.split())


def test_a_credit_flagged_as_a_spoiler_is_no_shared_cast(run_shipped: Run, tmp_path: Path) -> None:
    """`similar queen-of-tears` gave "cast: Kim Soo-hyun" for Hotel Del Luna, whose credit of
    his is a surprise cameo flagged as a spoiler (answers.spoilers): similar has no --spoilers,
    so it never uses such a credit."""
    document = as_json(run_shipped("similar", "queen-of-tears", "--json", env=_seen(tmp_path)))
    for result in document["results"]:
        people = {r.get("person") for r in result["reasons"] if r["kind"] == "cast"}
        assert not (result["slug"] == "hotel-del-luna" and "kim-soo-hyun" in people)
    okay = _by_slug(document)["its-okay-to-not-be-okay"]
    assert "kim-soo-hyun" in {r.get("person") for r in okay["reasons"] if r["kind"] == "cast"}


def test_netflix_companion_records_are_not_sequels(run_shipped: Run, tmp_path: Path) -> None:
    """The importer files Netflix's making-of, talk and extended cut under their title
    (companion_of), not among its sequels: `similar` recommended Believer's own extended cut,
    and Squid Game's making-of and talk, as a "sequel, prequel or spin-off" (+5)."""
    env = _seen(tmp_path)
    for slug, companions in (
        ("squid-game", {"squid-game-making-season-2", "squid-game-in-conversation"}),
        ("believer", {"believer-extended-cut"}),
    ):
        result = run_shipped("similar", slug, "--json", "--limit", "100", env=env)
        listed = {row["slug"] for row in json.loads(result.stdout)["results"]}
        assert not listed & companions, slug
    related = as_json(run_shipped("similar", "squid-game", "--json", "--limit", "100", env=env))
    challenge = _by_slug(related)["squid-game-the-challenge"]  # a spin-off keeps its +5
    assert ("related", "sequel, prequel or spin-off") in {
        (r["kind"], r["detail"]) for r in challenge["reasons"]
    }


def test_netflix_records_titled_alike_are_not_called_sequels(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The generated netflix.toml links Netflix's records that it titles alike and that stay
    apart ('Running Man', 'Running Man: 2024', 'Running Man: 2025', each netflix_only): they
    are later runs as Netflix lists them, and `similar` called them a "sequel, prequel or
    spin-off"; a curated link (Train to Busan and Peninsula) keeps those words."""
    env = {**_seen(tmp_path), **NARROW}
    page = run_shipped("similar", "running-man", env=env).stdout
    assert "related: Netflix titles them alike (+5)" in page
    assert "sequel" not in page
    document = as_json(run_shipped("similar", "running-man-2024", "--json", env=env))
    for slug in ("running-man", "running-man-2025"):
        reasons = {(r["kind"], r["detail"]) for r in _by_slug(document)[slug]["reasons"]}
        assert ("related", "Netflix titles them alike") in reasons, slug
    busan = as_json(run_shipped("similar", "train-to-busan", "--json", env=env))
    assert ("related", "sequel, prequel or spin-off") in {
        (r["kind"], r["detail"]) for r in _by_slug(busan)["peninsula"]["reasons"]
    }


def test_a_companion_record_is_never_a_title_like_its_own(
    run: Run, tmp_path: Path, add_data: AddData
) -> None:
    """A companion record that shares a genre and the director (an extended cut does) is the
    same work on another record: left out both ways, while the same title as a sequel ranks."""

    def redux(link: str) -> list[str]:
        entry = film("night-train-redux").replace(
            'genres = ["drama"]', f'genres = ["action"]\ndirectors = ["oh-taeyang"]\n{link}'
        )
        return add_data(META + entry, "redux.toml")

    env = _seen(tmp_path)

    def listed(layer: list[str], slug: str) -> set[str]:
        document = as_json(run(*layer, "similar", slug, "--json", env=env))
        return {row["slug"] for row in document["results"]}

    companion = redux('companion_of = "night-train"')
    assert "night-train-redux" not in listed(companion, "night-train")
    assert "night-train" not in listed(companion, "night-train-redux")
    assert "night-train-redux" in listed(redux('related = ["night-train"]'), "night-train")


def test_a_narrow_page_says_the_slugs_it_leaves_out(run_shipped: Run) -> None:
    """A title's slug wider than its column is left out rather than broken (a broken one
    cannot be copied), and nothing said so: 'Queen of Tears' stood with no queen-of-tears
    under it. A line now counts them and names the width that shows them; a page wide enough
    says nothing. (Below about 60 columns the titles are blocks, where every slug fits.)"""
    narrow = run_shipped("--no-pager", "similar", "crash-landing-on-you", env={"COLUMNS": "62"})
    assert narrow.exit_code == 0, narrow.output
    page = narrow.stdout
    slugs = [r["slug"] for r in as_json(run_shipped("similar", "cloy", "--json"))["results"]]
    assert "the-legend-of-the-blue-sea" in slugs[:10]
    assert "the-legend-of-the-blue-sea" not in page.split()  # wider than its column
    said = " ".join(page.split())
    left = said.split("Left out at 62 columns: ", 1)[-1]
    assert "Left out at 62 columns: the slug" in said and "The Legend of the Blue Sea" in left
    named = re.search(r"too long to fit unbroken \(COLUMNS=(\d+) shows (?:it|them)\)", said)
    assert named, said
    # the width it names shows every slug, and nothing is left out there
    wide = run_shipped(
        "--no-pager", "similar", "crash-landing-on-you", env={"COLUMNS": named.group(1)}
    )
    assert "Left out at" not in wide.stdout
    assert all(slug in wide.stdout.split() for slug in slugs[:10])  # the page lists ten
    narrower = run_shipped(
        "--no-pager",
        "similar",
        "crash-landing-on-you",
        env={"COLUMNS": str(int(named.group(1)) - 1)},
    )
    assert (
        "too long to fit unbroken" in " ".join(narrower.stdout.split())
        or "Left out at" in narrower.stdout
    )


def test_a_narrow_page_lists_each_title_as_a_block(run_shipped: Run) -> None:
    """At 40 or 50 columns the Why column wrapped to a word or two a line ("same" /
    "director: Lee" / "Jeong-hyo"), eleven lines for one title: below about 60 columns each
    title is a block, as top's and compare's rows are, its reasons on lines as wide as the
    page. From 60 columns it is the table."""
    for columns in ("40", "50"):
        page = run_shipped(
            "--no-pager", "similar", "cloy", "-n", "3", env={"COLUMNS": columns}
        ).stdout
        lines = page.splitlines()
        assert not any(line.startswith("#   Title") for line in lines), page
        block = lines[lines.index("1  Queen of Tears") :][:6]
        assert block[1:4] == ["   queen-of-tears", "   2024 · series", "  Score: 8"], page
        assert block[4].startswith("  Why: same writer: Park Ji-eun (+4);"), page
        assert "Romance Is a Bonus Book" in lines[lines.index("2  Romance Is a Bonus Book")]
    table = run_shipped("--no-pager", "similar", "cloy", "-n", "3", env={"COLUMNS": "60"}).stdout
    assert table.splitlines()[1].split() == ["#", "Title", "Score", "Why"]


def test_a_source_platform_with_a_note_is_that_platform(run_shipped: Run) -> None:
    """Misaeng's webtoon came out on "Daum Webtoon (later Kakao Webtoon)", Itaewon Class's on
    Daum Webtoon: the same platform, as list --source-platform has it."""
    answer = json.loads(run_shipped("similar", "misaeng", "-n", "200", "--json").stdout)
    [itaewon] = [r for r in answer["results"] if r["slug"] == "itaewon-class"]
    assert {"kind": "source-platform", "detail": "Daum Webtoon", "weight": 1} in [
        {k: reason[k] for k in ("kind", "detail", "weight")} for reason in itaewon["reasons"]
    ]

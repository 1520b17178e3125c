"""A source work based on another (`based_on`): the webtoon drawn from the web novel a title
adapts. A title names one source work, so such a work reached no title: its makers had no
credits, no path led through them, the title's page never named it and nothing warned."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI, Run, as_json, at_entry

WriteDataset = Callable[[str], Path]

#: The fixture's webtoon, adapted by Moonlit Hallway, made into a novel by Kim Dal with the
#: webtoon's own maker, Yoon Ga-eul.
NOVEL = """
[[people]]
id = "kim-dal"
name = "Kim Dal"
hangul = "김달"

[[source_works]]
id = "the-lantern-room-novel"
title = "Lantern Room Nights"
korean_title = "등불의 밤"
kind = "novel"
writers = ["kim-dal", "yoon-gaeul"]
platform = "Example Books"
start_year = 2014
based_on = "the-lantern-room"
sources = ["test-novel"]

[[citations]]
id = "test-novel"
url = "https://example.org/books/lantern-nights"
title = "The Lantern Room becomes a novel"
publisher = "Example Books"
"""

NOVELIST = "writer of the novel adaptation of the original webtoon"


@pytest.fixture
def novel(write_dataset: WriteDataset) -> str:
    return str(write_dataset(MINI.read_text(encoding="utf-8") + NOVEL))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_show_page_names_the_work_based_on_the_one_it_adapts(run: Run, novel: str) -> None:
    page = flat(run("--data", novel, "--no-pager", "show", "moonlit-hallway").stdout)
    source = page.split("Source ", 1)[1]
    assert source.startswith(
        "Adapted from the webtoon The Lantern Room (등불의 방), written and drawn by Yoon"
        " Ga-eul (Example Webtoon, 2010–2012) [2] Also adapted as the novel Lantern Room"
        " Nights (등불의 밤), written by Kim Dal and Yoon Ga-eul (Example Books, 2014) [3]"
    ), source
    assert "[3] Example Books, “The Lantern Room becomes a novel”" in page


def test_show_json_gives_the_works_based_on_its_source_work(run: Run, novel: str) -> None:
    work = as_json(run("--data", novel, "show", "moonlit-hallway", "--json"))["source_work"]
    assert (work["id"], work["based_on"]) == ("the-lantern-room", None)
    [based] = work["adaptations"]
    assert set(based) == set(work) - {"adaptations"}  # the same shape, less the list
    assert based["id"] == "the-lantern-room-novel"
    assert based["based_on"] == "the-lantern-room"
    assert based["writers"] == ["Kim Dal", "Yoon Ga-eul"]
    assert based["source"] == ["test-novel"]
    plain = as_json(run("show", "moonlit-hallway", "--json"))["source_work"]
    assert plain["adaptations"] == [] and plain["based_on"] is None


def test_a_maker_of_the_work_based_on_it_is_credited_on_the_title(run: Run, novel: str) -> None:
    person = as_json(run("--data", novel, "person", "kim-dal", "--json"))
    assert [(c["slug"], c["capacity"], c["source"]) for c in person["credits"]] == [
        ("moonlit-hallway", NOVELIST, ["test-novel"])
    ]
    wide = {"COLUMNS": "200"}  # the row on one line
    page = flat(run("--data", novel, "--no-pager", "person", "kim-dal", env=wide).stdout)
    assert "No credits in the catalogue" not in page
    assert f"2022 Moonlit Hallway {NOVELIST} (Lantern Room Nights) crew" in page
    # the webtoon's maker keeps its capacity and gains the novel's
    both = as_json(run("--data", novel, "person", "yoon-gaeul", "--json"))
    assert [c["capacity"] for c in both["credits"]] == [
        "original webtoon writer and artist",
        NOVELIST,
    ]


def test_person_json_and_csv_name_the_work_each_authors_credit_rests_on(
    run: Run, novel: str
) -> None:
    """The page's As column names the work behind a writer's credit ("(Lantern Room Nights)");
    --json and --csv gave only the capacity, so a script could not tell Yoon Ga-eul's webtoon
    credit from the novel's."""
    both = as_json(run("--data", novel, "person", "yoon-gaeul", "--json"))
    assert [(c["capacity"], c["work"]) for c in both["credits"]] == [
        (
            "original webtoon writer and artist",
            {
                "id": "the-lantern-room",
                "title": "The Lantern Room",
                "korean_title": "등불의 방",
                "kind": "webtoon",
            },
        ),
        (
            NOVELIST,
            {
                "id": "the-lantern-room-novel",
                "title": "Lantern Room Nights",
                "korean_title": "등불의 밤",
                "kind": "novel",
            },
        ),
    ]
    rows = list(
        csv.DictReader(io.StringIO(run("--data", novel, "person", "yoon-gaeul", "--csv").stdout))
    )
    assert [(r["work_id"], r["work_title"]) for r in rows] == [
        ("the-lantern-room", "The Lantern Room"),
        ("the-lantern-room-novel", "Lantern Room Nights"),
    ]
    actor = as_json(run("--data", novel, "person", "han-ji-won", "--json"))
    assert {c["work"] for c in actor["credits"]} == {None}


def test_path_and_search_reach_the_title_through_the_work_based_on_it(run: Run, novel: str) -> None:
    hop = flat(run("--data", novel, "--no-pager", "path", "kim-dal", "han-ji-won").stdout)
    assert f"Kim Dal, {NOVELIST} [" in hop and "in Moonlit Hallway" in hop
    assert " as " not in hop.split("Kim Dal", 1)[1].split("[", 1)[0]
    found = as_json(run("--data", novel, "search", "kim dal", "--json"))
    assert any(
        r["target"] == "moonlit-hallway" and r["matched"] == f"{NOVELIST}: Kim Dal" for r in found
    ), found
    titled = as_json(run("--data", novel, "search", "lantern room nights", "--json"))
    assert titled[0]["target"] == "moonlit-hallway", titled
    assert titled[0]["matched"] == "novel adaptation title: Lantern Room Nights"


def test_a_source_work_no_title_reaches_is_warned_about(
    run: Run, write_dataset: WriteDataset
) -> None:
    text = MINI.read_text(encoding="utf-8") + NOVEL.replace('based_on = "the-lantern-room"\n', "")
    written = write_dataset(text)
    path = str(written)
    loose = run("data", "check", path, "--json")
    assert loose.exit_code == 0
    [warning] = json.loads(loose.stdout)["warnings"]
    # at the line of the work's [[source_works]] header
    assert at_entry(written, warning) == (
        "source_works[the-lantern-room-novel]: no title adapts it, nor a work it is based on"
    )
    strict = run("data", "check", path, "--strict")
    assert strict.exit_code == 1
    assert f"kdrama: warning: {warning}" in strict.stderr
    # once based on the work the title adapts, it is reached: nothing to warn about
    assert run("--data", str(write_dataset(MINI.read_text() + NOVEL)), "data", "check").stderr == ""


@pytest.mark.parametrize(
    ("based_on", "more", "expected"),
    [
        (
            "nowhere",
            "",
            "source_works[the-lantern-room-novel].based_on: unknown source work 'nowhere'",
        ),
        (
            "the-lantern-room-novel",
            "",
            "source_works[the-lantern-room-novel].based_on: the-lantern-room-novel cannot be"
            " based on itself",
        ),
        (  # two works based on each other: one line, at the first of them
            "the-lantern-room-zine",
            '\n[[source_works]]\nid = "the-lantern-room-zine"\ntitle = "Lantern Zine"\n'
            'kind = "other"\nbased_on = "the-lantern-room-novel"\nsources = ["test-novel"]\n',
            "source_works[the-lantern-room-novel].based_on: based on each other in a circle"
            " (the-lantern-room-novel -> the-lantern-room-zine -> the-lantern-room-novel): a"
            " work cannot adapt its adaptation",
        ),
    ],
)
def test_based_on_names_another_work_and_no_circle(
    run: Run, write_dataset: WriteDataset, based_on: str, more: str, expected: str
) -> None:
    novel = NOVEL.replace('"the-lantern-room"\n', f'"{based_on}"\n')
    path = str(write_dataset(MINI.read_text(encoding="utf-8") + novel + more))
    result = run("data", "check", path, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p.partition(": ")[2] for p in problems] == [expected], problems
    # every other command refuses the dataset with the same line
    shown = run("--data", path, "show", "moonlit-hallway")
    assert shown.exit_code != 0 and expected in shown.stderr


def test_business_proposal_reaches_the_webtoon_of_its_web_novel(run_shipped: Run) -> None:
    """The shipped webtoon of The Office Blind Date (drawn by NARAK, scripted by Deulkkae)."""
    page = flat(run_shipped("--no-pager", "show", "business-proposal").stdout)
    assert (
        "Also adapted as the webtoon A Business Proposal (사내맞선), written by HaeHwa and"
        " Deulkkae, drawn by NARAK (KakaoPage) [" in page
    )
    work = as_json(run_shipped("show", "business-proposal", "--json"))["source_work"]
    assert [w["id"] for w in work["adaptations"]] == ["the-office-blind-date-webtoon"]
    wide = {"COLUMNS": "200"}  # the row on one line
    narak = flat(run_shipped("--no-pager", "person", "narak", env=wide).stdout)
    assert "No credits in the catalogue" not in narak
    assert "artist of the webtoon adaptation of the original web novel" in narak
    haehwa = as_json(run_shipped("person", "haehwa", "--json"))
    assert [c["capacity"] for c in haehwa["credits"]] == [
        "original web novel writer",
        "writer of the webtoon adaptation of the original web novel",
    ]
    path = flat(run_shipped("--no-pager", "path", "narak", "ahn-hyo-seop").stdout)
    assert "NARAK, artist of the webtoon adaptation of the original web novel [" in path
    assert "Ahn Hyo-seop as Kang Tae-moo" in path
    found = as_json(run_shipped("search", "NARAK", "--json"))
    assert any(r["target"] == "business-proposal" for r in found), found


def test_a_work_only_a_title_with_errors_adapts_is_not_warned_about(
    run: Run, write_dataset: WriteDataset
) -> None:
    """Beside errors, data check judges the warnings of the entries without them: the webtoon
    of a title left out for an error is still that title's, not a work no title reaches."""
    text = MINI.read_text(encoding="utf-8").replace("episodes = 12", 'episodes = "twelve"', 1)
    result = run("data", "check", str(write_dataset(text)), "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and len(report["problems"]) == 1, report["problems"]
    assert not [w for w in report["warnings"] if "source_works[" in w], report["warnings"]

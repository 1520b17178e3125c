"""Pages for people: nothing cut at 80 columns, every listed source referenced, URLs whole and
clickable, plain text that survives a pipe, empty answers on stderr."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from kdrama_cli.answers.compare import compare
from kdrama_cli.answers.quiz import TriviaFact
from kdrama_cli.answers.show_page import show_detail
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.views.discovery import SLUG_SHOWN, trivia_view
from kdrama_cli.views.tables import HANGUL_WORD_CELLS
from kdrama_cli.views.titles import comparison_view, show_view
from tests.conftest import SHIPPED, Run

WIDE = {"COLUMNS": "80"}


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset([SHIPPED])


def _render(renderable: object, width: int = 80) -> str:
    console = Console(width=width, no_color=True, highlight=False, markup=False, emoji=False)
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return capture.get()


def _referenced(text: str) -> set[int]:
    numbers: set[int] = set()
    for group in re.findall(r"\[([0-9][0-9,–]*)\]", text):
        for part in group.split(","):
            first, _, last = part.partition("–")
            numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def test_every_listed_source_is_referenced_on_every_show_page(shipped: Dataset) -> None:
    for show in shipped.shows.values():
        if show.netflix_only:
            continue
        detail = show_detail(shipped, show)
        body, _, _ = _render(show_view(detail, every_column="--json")).partition("\nSources\n")
        listed = set(range(1, len(detail.listed) + 1))
        assert _referenced(body) == listed, show.slug


def test_a_show_page_lists_only_its_own_sources_and_json_has_them_all(
    shipped: Dataset, run_shipped: Run
) -> None:
    detail = show_detail(shipped, shipped.shows["squid-game"], spoilers=True, weekly=True)
    assert detail.more_citations  # credits of cast beyond the main cast: not on the page
    document = json.loads(run_shipped("show", "squid-game", "--json").stdout)
    ids = {source["id"] for source in document["sources"]}
    assert ids == {c.id for c in (*detail.citations, *detail.more_citations)}
    cited = {i for row in document["cast"] for i in row["source"]}
    assert cited <= ids


def test_comparison_and_trivia_reference_every_source_they_list(shipped: Dataset) -> None:
    shows = [shipped.shows["squid-game"], shipped.shows["all-of-us-are-dead"]]
    comparison = compare(shipped, shows)
    body, _, _ = _render(comparison_view(comparison)).partition("\nSources\n")
    assert _referenced(body) == set(range(1, len(comparison.citations) + 1))
    show = shipped.shows["all-of-us-are-dead"]
    fact = show.facts[0]
    trivia = TriviaFact(
        show=show, fact=fact, citations=tuple(shipped.citations[i] for i in fact.sources)
    )
    page = _render(trivia_view(trivia))
    assert page.startswith("All of Us Are Dead")  # the title before the fact's "it"


def test_the_weeks_of_one_top_10_list_are_one_source(shipped: Dataset) -> None:
    detail = show_detail(shipped, shipped.shows["squid-game"])
    weekly = [c for c in detail.citations if ", week ending " in c.title]
    assert len(weekly) >= 2
    entries = [c for c in detail.listed if c.id in {w.id for w in weekly}]
    assert len(entries) == 1 and len(detail.listed) == len(detail.citations) - len(weekly) + 1
    assert ", weeks ending " in entries[0].title
    assert set(detail.ref([c.id for c in weekly])) == {detail.listed.index(entries[0]) + 1}


def test_source_urls_stay_whole_on_one_line(run_shipped: Run) -> None:
    out = run_shipped("show", "all-of-us-are-dead", env=WIDE).output
    document = json.loads(run_shipped("show", "all-of-us-are-dead", "--json").stdout)
    lines = [line.strip() for line in out.splitlines()]
    long_urls = 0
    for source in document["sources"]:
        if source["url"] in out:  # listed on the page
            assert source["url"] in lines, source["url"]
            long_urls += len(source["url"]) > 75
    assert long_urls  # the test means something: some URLs are wider than the page


def test_sources_are_hyperlinks_on_a_colour_terminal(run_shipped: Run) -> None:
    env = {"COLUMNS": "80", "NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    out = run_shipped("--no-pager", "show", "all-of-us-are-dead", env=env).output
    assert "\x1b]8;id=" in out
    assert ";https://www.radiotimes.com/tv/sci-fi/all-of-us-are-dead-cast/\x1b\\" in out


@pytest.mark.parametrize(
    "args",
    [["list"], ["search", "지금 우리"], ["top", "--limit", "50"], ["person", "lee-byung-hun"]],
)
def test_nothing_is_cut_at_80_columns(run_shipped: Run, args: list[str]) -> None:
    # A person page's Sources list ends it: its headlines are the publishers' own words (one
    # has "…" in it), and its URLs are never wrapped (test_urls_are_never_wrapped).
    out = run_shipped(*args, env=WIDE).output.split("\nSources\n")[0]
    assert "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_every_title_slug_and_hangul_word_survives_at_80_columns(run_shipped: Run) -> None:
    out = run_shipped("list", env=WIDE).output
    words = set(out.split())
    for row in json.loads(run_shipped("list", "--json").stdout):
        if len(row["slug"]) <= SLUG_SHOWN:
            assert row["slug"] in words
        for word in row["title"].split():
            assert word in words, (row["slug"], word)
        for word in (row["korean_title"] or "").split():
            # Korean may break between syllables, but only a word too long for its column.
            if cell_len(word) <= HANGUL_WORD_CELLS:
                assert word in words, (row["slug"], word)


def _slugs(run_shipped: Run) -> set[str]:
    return {row["slug"] for row in json.loads(run_shipped("list", "--json").stdout)}


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--sort", "hours", "-n", "8"],
        ["person", "lee-jung-jae"],
        ["upcoming"],
        ["similar", "kingdom", "-n", "5", "--include-seen"],
    ],
)
def test_a_slug_is_never_broken_at_40_columns(run_shipped: Run, args: list[str]) -> None:
    """A slug under a title is there to copy: at 40 columns it is shown whole, or, where its
    column is too narrow, left out ("extraordinary-att / orney-woo" could not be copied)."""
    slugs = _slugs(run_shipped)
    out = run_shipped(*args, env={"COLUMNS": "40", "KDRAMA_TODAY": "2026-12-01"}).stdout
    words = out.split()
    whole = [word for word in words if word in slugs]
    broken = [
        w
        for w in words
        if "-" in w and w not in slugs and any(s.startswith(w) and len(w) >= 6 for s in slugs)
    ]
    assert whole and broken == [], args


def test_columns_give_way_on_a_narrow_terminal(run_shipped: Run) -> None:
    out = run_shipped("list", "--limit", "3", env={"COLUMNS": "50"}).output
    assert "Left out at 50 columns: Kind / Platform, Genres" in " ".join(out.split())
    assert "100-days-my-prince" in out.split()


def test_piped_pages_have_no_leading_blank_line_or_trailing_spaces(run_shipped: Run) -> None:
    for args in (["list", "--limit", "5"], ["show", "squid-game"], ["top"], ["cast", "kingdom"]):
        out = run_shipped(*args, env=WIDE).stdout
        assert out.splitlines()[0].strip(), args
        assert not any(line.endswith(" ") for line in out.splitlines()), args


def test_one_title_is_one_title(run_shipped: Run) -> None:
    assert run_shipped("list", "--kind", "documentary").stdout.rstrip().endswith("\n1 title")
    limited = run_shipped("list", "--limit", "3").stdout.rstrip()
    total = len(json.loads(run_shipped("list", "--json").stdout))
    assert limited.endswith(f"3 of {total:,} titles (--limit N for more)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "qqqzzzxx"], "Nothing in the catalogue matches 'qqqzzzxx'"),
        (["list", "--kind", "documentary", "--year", "1950"], "No title matches those filters."),
        (["cast", "12-12-the-day"], "12.12: The Day: no cast yet"),
    ],
)
def test_an_empty_answer_says_so_on_stderr_only(
    run_shipped: Run, args: list[str], message: str
) -> None:
    result = run_shipped(*args)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert message in result.stderr
    assert run_shipped(*args, "--json").stdout.strip() == "[]"


def test_a_title_never_in_the_top_10_charts_nothing(run_shipped: Run) -> None:
    result = run_shipped("chart", "kingdom")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "Kingdom: in none of Netflix's weekly global Top 10 lists" in result.stderr
    weeks = json.loads(run_shipped("chart", "kingdom", "--json").stdout)
    assert weeks == [
        {
            "slug": "kingdom",
            "show": "kingdom",
            "title": "Kingdom",
            "season": None,
            "not_out": None,
            "top10_from": "2021-07-04",
            "no_weeks": "out-before-top10",
            "weeks": [],
            "sources": [],
        }
    ]


def test_kdrama_alone_prints_help_on_stdout(run_shipped: Run) -> None:
    result = run_shipped()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    assert "[OPTIONS] COMMAND [ARGS]..." in result.stdout.splitlines()[0]
    assert "Commands:" in result.stdout


def test_charts_name_the_season_mark_gaps_and_rank_once(run_shipped: Run) -> None:
    out = run_shipped("chart", "squid-game", "--season", "2", env=WIDE).output
    assert out.startswith("Squid Game  오징어 게임  S2")
    glory = run_shipped("chart", "the-glory", env=WIDE).output
    assert "5 weeks out" in glory  # between the two parts
    ranks = run_shipped("chart", "the-glory", "--metric", "rank", env=WIDE).output
    header = next(line for line in ranks.splitlines() if line.startswith("Week ending"))
    assert header.split().count("Rank") == 1


def test_facts_hang_under_their_bullet(run_shipped: Run) -> None:
    out = run_shipped("show", "all-of-us-are-dead", env=WIDE).output
    facts = out.split("\nFacts\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert facts[0].startswith("• ")
    continuation = [line for line in facts if not line.startswith("• ")]
    assert continuation and all(line.startswith("  ") for line in continuation[:-1])


def test_two_sheet_formats_at_once_are_a_usage_error(run_shipped: Run) -> None:
    result = run_shipped("list", "--csv", "--tsv")
    assert result.exit_code == 2 and "--csv and --tsv" in result.output


def test_big_numbers_are_written_one_way(run_shipped: Run) -> None:
    out = run_shipped("show", "kingdom", env=WIDE).stdout
    reports = out.split("Netflix engagement reports\n", 1)[1]
    assert "800K" in reports and "800,000" not in reports


@pytest.mark.parametrize("width", ["55", "60", "64"])
def test_narrow_show_pages_drop_columns_rather_than_cut(run_shipped: Run, width: str) -> None:
    out = run_shipped("show", "squid-game", env={"COLUMNS": width}).stdout
    body = out.split("\nSources\n", 1)[0]  # headlines quoted in Sources may hold a "…"
    assert "…" not in body
    for line in body.splitlines():
        assert line.count("[") == line.count("]"), line  # no reference group split
    assert f"Left out at {width} columns" in " ".join(out.split())


def test_a_person_page_marks_announced_seasons(run_shipped: Run) -> None:
    out = run_shipped("person", "Park Solomon", env=WIDE).stdout
    assert "1, 2 (announced)" in out


def test_a_person_page_at_80_columns_keeps_its_sources(run_shipped: Run) -> None:
    """Hyun Bin's slug `confidential-assignment-2-international` is wider than the Title
    column can be beside Role and Src at 80 columns: the cell leaves the slug out (its title
    opens the page too), rather than every row lose the citations that point at the page's
    sources, or the role that tells a lead from a cameo."""
    out = run_shipped("person", "hyun-bin", env=WIDE).stdout
    table, sources = out.split("\nSources\n", 1)
    header = next(line for line in table.splitlines() if line.startswith("Year"))
    assert header.split() == ["Year", "Title", "As", "Role", "Seasons", "Src"]
    assert "[1" in table and "[1]" in sources  # a row points at the first source
    assert "confidential-assignment-2-international" not in table
    assert "crash-landing-on-you" in table  # a slug that fits stays
    said = " ".join(table.split())
    named = re.search(
        r"Left out at 80 columns: the slug of “Confidential Assignment 2: International”, too "
        r"long to fit unbroken \(COLUMNS=(\d+) shows it\)\.",
        said,
    )
    assert named, said
    wide = run_shipped("person", "hyun-bin", env={"COLUMNS": named.group(1)}).stdout
    assert "confidential-assignment-2-international" in wide and "Left out" not in wide


def test_the_slugs_left_out_are_named_by_quoted_titles(run_shipped: Run) -> None:
    """The rows that lost their slug are named by their titles, which may hold a comma: "the
    slugs of Officer Black Belt, Genie, Make a Wish" read as three titles, not two."""
    out = run_shipped("--no-pager", "person", "kim-woo-bin", env={"COLUMNS": "50"}).stdout
    assert re.search(
        r"Left out at 50 columns: the slugs of “Officer Black Belt” and “Genie, Make a Wish”, "
        r"too long to fit unbroken \(COLUMNS=\d+ shows them\)\.",
        " ".join(out.split()),
    ), out


def test_a_person_page_at_80_columns_keeps_the_role(run_shipped: Run) -> None:
    """Role (main, supporting, special: what tells a lead from a cameo) was the first column
    a person page left out: at 80 columns, the width in a pipe, 224 of 1,196 actors' pages had
    none (Ju Ji-hoon's, Kim Hye-soo's, Kang Ha-neul's). It now outlasts Src and the slugs, and
    on a narrower terminal goes only after Src."""
    for person in ("ju-ji-hoon", "kim-hye-soo", "kang-ha-neul"):
        out = run_shipped("person", person, env=WIDE).stdout
        header = next(line for line in out.splitlines() if line.startswith("Year"))
        assert header.split() == ["Year", "Title", "As", "Role", "Seasons", "Src"], person
        assert "Left out at 80 columns: Role" not in out
        assert " supporting " in out or " main " in out
    for columns in range(80, 40, -1):
        out = run_shipped("person", "kim-hye-soo", env={"COLUMNS": str(columns)}).stdout
        header = next(line for line in out.splitlines() if line.startswith("Year")).split()
        assert "Role" in header or "Src" not in header, (columns, header)


def test_the_chart_pointer_counts_chart_weeks(run_shipped: Run) -> None:
    out = run_shipped("show", "hotel-del-luna", env=WIDE).stdout
    weeks = len(run_shipped("chart", "hotel-del-luna", "--csv").stdout.splitlines()) - 1
    assert f"+ {weeks} week{'s' if weeks != 1 else ''} in Netflix's global Top 10" in out


def test_a_piped_quiz_starts_with_its_question_and_keeps_urls_whole(run_shipped: Run) -> None:
    out = run_shipped(
        "quiz", "--seed", "1", "--questions", "2", input="1\n2\n", env={"COLUMNS": "60"}
    ).stdout
    assert out.startswith("Question 1/2")
    for line in out.splitlines():
        if "http" in line:
            assert line.lstrip().startswith("http")
        else:
            assert len(line) <= 60, line


def test_a_slug_too_long_to_show_under_its_title_is_said_to_be_left_out(
    run_shipped: Run,
) -> None:
    """`list` printed Money Heist: Korea's row without the slug every other row has, and
    nothing said so (a person page names a slug it leaves out): the note names whose, and
    where every slug is."""
    out = " ".join(run_shipped("list", "--genre", "heist", env=WIDE).output.split())
    assert (
        "Not shown: the slug of “Money Heist: Korea - Joint Economic Area”, longer than 32"
        " characters (the title opens it too; --csv lists every slug)."
    ) in out
    assert "the-thieves" in out
    short = run_shipped("list", "--genre", "zombie", env=WIDE).output
    assert "Not shown" not in short

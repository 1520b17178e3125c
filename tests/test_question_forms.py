"""A fan's whole question around a name (walk: issue 11's spirit): 'who directed squid game',
'who is in all of us are dead', 'is there a season 3 of squid game', 'han so-hee dramas'
missed ("no title matches"), though the name inside was whole. A short list of frames
(answers/questions.py) is read once the words as typed name nothing, and only around a whole
name (the real CLI on the shipped catalogue, and on made-up titles named like questions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AddData, Run, as_json, flat, json_error
from tests.made_up import META, TEST_CHART, film

# --- a question about a title opens it, saying how it was read ---------------------------------


@pytest.mark.parametrize(
    ("typed", "slug", "bare"),
    [
        ("who directed squid game", "squid-game", "squid game"),
        ("Who directed Squid Game?", "squid-game", "Squid Game"),
        ("who wrote the glory", "the-glory", "the glory"),
        ("what is the webtoon of all of us are dead", "all-of-us-are-dead", "all of us are dead"),
        ("is all of us are dead based on a webtoon", "all-of-us-are-dead", "all of us are dead"),
        ("what is the glory about?", "the-glory", "the glory"),
        ("오징어 게임 감독 누구야", "squid-game", "오징어 게임"),
        ("오징어 게임 감독은 누구예요?", "squid-game", "오징어 게임"),
        ("지금 우리 학교는 원작", "all-of-us-are-dead", "지금 우리 학교는"),
    ],
)
def test_a_question_about_a_title_opens_it(
    run_shipped: Run, typed: str, slug: str, bare: str
) -> None:
    """The page (whose header names the crew and the source work) and its --json are the
    title's own; the reading is a note on stderr, as other readings are, and the JSON is
    unchanged (docs/output.md)."""
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown) == as_json(run_shipped("show", slug, "--json"))
    assert f"kdrama: note: {typed!r} is read as {bare!r}: " in flat(shown.stderr)
    page = run_shipped("show", typed)
    assert page.exit_code == 0 and "is read as" in page.stderr


def test_a_crew_question_about_a_title_crediting_no_one_so_says_it(run_shipped: Run) -> None:
    shown = run_shipped("show", "who created hellbound", "--json")
    assert as_json(shown)["slug"] == "hellbound"
    assert "is read as 'hellbound': Hellbound (which credits no creator)" in flat(shown.stderr)


# --- the cast asked for ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["who is in all of us are dead", "who's in all of us are dead?", "cast of all of us are dead"],
)
def test_a_cast_question_opens_the_page_and_names_the_cast_command(
    run_shipped: Run, typed: str
) -> None:
    """show's page lists the main cast; the note says where the whole cast is."""
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown)["slug"] == "all-of-us-are-dead"
    said = flat(shown.stderr)
    assert f"{typed!r} is read as 'all of us are dead': All of Us Are Dead" in said
    assert "its whole cast: kdrama cast all-of-us-are-dead" in said


def test_a_cast_question_to_cast_is_the_cast(run_shipped: Run) -> None:
    listed = run_shipped("cast", "who is in all of us are dead")
    assert listed.exit_code == 0, listed.output
    assert "All of Us Are Dead" in listed.stdout
    assert "'who is in all of us are dead' is read as 'all of us are dead'" in flat(listed.stderr)
    assert "its whole cast" not in listed.stderr


def test_a_cast_question_to_another_command_names_the_cast_command(run_shipped: Run) -> None:
    """As 'squid game cast' does to chart: chart shows no cast, so it is not the chart."""
    error = json_error(run_shipped("chart", "who is in all of us are dead", "--json"))
    assert error["kind"] == "not_found"
    assert "All of Us Are Dead's cast: kdrama cast all-of-us-are-dead" in error["message"]


# --- a season asked about ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "season"),
    [
        ("is there a season 3 of squid game", 3),
        ("is there a squid game season 2?", 2),
        ("will there be a third season of squid game", 3),
    ],
)
def test_a_season_question_opens_that_season(run_shipped: Run, typed: str, season: int) -> None:
    shown = run_shipped("show", typed, "--json")
    page = as_json(shown)
    assert page == as_json(run_shipped("show", f"squid game {season}", "--json"))
    assert [s["number"] for s in page["seasons"]] == [season]
    assert f"Squid Game, season {season}" in flat(shown.stderr)


def test_a_season_question_the_title_lacks_says_which_it_has(run_shipped: Run) -> None:
    error = json_error(run_shipped("show", "is there a season 9 of squid game", "--json"))
    assert error["kind"] == "not_found"
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9" in error["message"]


# --- a question about a person -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("han so-hee dramas", "han-so-hee"),  # offered Ahn So-hee first
        ("han so-hee movies", "han-so-hee"),
        ("lee jung-jae shows", "lee-jung-jae"),
        ("lee jung-jae's movies", "lee-jung-jae"),
        ("dramas with han so-hee", "han-so-hee"),
        ("who is han so-hee?", "han-so-hee"),
        ("한소희 드라마", "han-so-hee"),
    ],
)
def test_a_question_about_a_persons_titles_is_the_person(
    run_shipped: Run, typed: str, who: str
) -> None:
    assert as_json(run_shipped("person", typed, "--json"))["id"] == who


@pytest.mark.parametrize(
    ("typed", "who", "read"),
    [
        ("who directed squid game", "hwang-dong-hyuk", "the director of Squid Game"),
        ("who wrote the glory", "kim-eun-sook", "the writer of The Glory"),
    ],
)
def test_a_crew_question_to_person_is_the_one_credited(
    run_shipped: Run, typed: str, who: str, read: str
) -> None:
    found = run_shipped("person", typed, "--json")
    assert as_json(found)["id"] == who
    assert f"{typed!r} is read as {read}" in flat(found.stderr)


# --- never a wrong open ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("who are you: school 2015", "who-are-you-school-2015"),
        ("what's wrong with secretary kim", "whats-wrong-with-secretary-kim"),
        ("when the phone rings", "when-the-phone-rings"),
        ("was it love?", "was-it-love"),
    ],
)
def test_a_title_named_like_a_question_opens_as_typed(
    run_shipped: Run, typed: str, slug: str
) -> None:
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown)["slug"] == slug
    assert "is read as" not in shown.stderr


def test_a_made_up_title_named_as_a_question_wins_over_the_frame(
    run_shipped: Run, add_data: AddData
) -> None:
    """A title whose whole name is a frame around another title's is that title, as typed."""
    data = add_data(META + TEST_CHART + film("who-wrote-kingdom", title="Who Wrote Kingdom"))
    shown = run_shipped(*data, "show", "who wrote kingdom", "--json")
    assert as_json(shown)["slug"] == "who-wrote-kingdom"
    assert "is read as" not in shown.stderr


@pytest.mark.parametrize(
    ("command", "typed"),
    [
        ("show", "who directed squid"),  # only part of a name
        ("show", "is there a season 3 of squid"),
        ("show", "what is the webtoon of all of us"),
        ("person", "han dramas"),  # part of a name
        ("person", "who is han so"),
    ],
)
def test_a_question_around_part_of_a_name_is_still_a_miss(
    run_shipped: Run, command: str, typed: str
) -> None:
    error = json_error(run_shipped(command, typed, "--json"))
    assert error["kind"] == "not_found"
    assert f"matches {typed!r}" in error["message"]


def test_a_question_around_a_name_two_titles_share_is_the_choice(run_shipped: Run) -> None:
    error = json_error(run_shipped("show", "who wrote new world", "--json"))
    assert error["kind"] == "ambiguous"
    assert error["message"].startswith("'who wrote new world' matches 2 titles")
    assert set(error["suggestions"]) == {"new-world", "new-world-series"}


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("who directed squid game", "hwang-dong-hyuk"),
        ("who is in all of us are dead", "all-of-us-are-dead"),
        ("han so-hee dramas", "han-so-hee"),
    ],
)
def test_search_reads_a_question_as_show_and_person_do(
    run_shipped: Run, typed: str, target: str
) -> None:
    """search found nothing for these ("Nothing in the catalogue matches"): it lists what the
    question names, first."""
    results = as_json(run_shipped("search", typed, "--json"))
    assert results and results[0]["target"] == target


# --- a write reads a name, never a question (review a42) ----------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "is there a season 3 of squid game",  # asks whether it exists: marked season 3 seen
        "who directed squid game",
        "what is squid game about",
        "오징어 게임 원작",
    ],
)
def test_seen_add_reads_no_question(run_shipped: Run, tmp_path: Path, typed: str) -> None:
    """`seen add "is there a season 3 of squid game"` marked season 3 seen, with only a note:
    no fan types a question to change their list, and a misread write is a wrong list. The
    miss is the question's as typed, and the list is left as it was (not made)."""
    seen = tmp_path / "seen.toml"
    added = run_shipped("seen", "add", typed, env={"KDRAMA_SEEN": str(seen)})
    assert added.exit_code == 2
    assert f"no title matches {typed!r}" in flat(added.stderr)
    assert "is read as" not in added.stderr
    assert not seen.exists()


def test_seen_remove_reads_no_question(run_shipped: Run, tmp_path: Path) -> None:
    seen = tmp_path / "seen.toml"
    env = {"KDRAMA_SEEN": str(seen)}
    assert run_shipped("seen", "add", "squid game 3", env=env).exit_code == 0
    before = seen.read_text(encoding="utf-8")
    removed = run_shipped("seen", "remove", "is there a season 3 of squid game", env=env)
    assert removed.exit_code == 2 and "is read as" not in removed.stderr
    assert seen.read_text(encoding="utf-8") == before


def test_seen_add_still_reads_the_name_typed_with_a_season(
    run_shipped: Run, tmp_path: Path
) -> None:
    seen = tmp_path / "seen.toml"
    added = run_shipped("seen", "add", "squid game 3", env={"KDRAMA_SEEN": str(seen)})
    assert added.exit_code == 0, added.output
    assert "squid-game = [3]" in seen.read_text(encoding="utf-8")


# --- 'squid game cast' and 'cast of squid game' agree (review a42) ------------------------------


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("squid game cast", "squid game"),
        ("Squid Game's cast", "Squid Game"),
        ("오징어 게임 출연진", "오징어 게임"),
        ("cast of squid game", "squid game"),
    ],
)
def test_show_opens_a_titles_whole_name_with_a_word_for_its_cast(
    run_shipped: Run, typed: str, bare: str
) -> None:
    """`show "cast of squid game"` opened the page while `show "squid game cast"` missed: the
    page lists the main cast, and both name where the whole cast is, in the same note."""
    shown = run_shipped("show", typed, "--json")
    assert shown.exit_code == 0, shown.output
    assert as_json(shown) == as_json(run_shipped("show", "squid-game", "--json"))
    said = flat(shown.stderr)
    assert f"{typed!r} is read as {bare!r}: Squid Game; its whole cast: kdrama cast squid-game" in (
        said
    )


@pytest.mark.parametrize("typed", ["squid cast", "squid gam cast", "new world cast"])
def test_a_word_for_the_cast_after_part_of_a_name_is_still_shows_miss(
    run_shipped: Run, typed: str
) -> None:
    """Only a title's whole name opens, as for 'cast of …': part of one, a slip, or a name two
    titles share stays the miss of the words typed."""
    error = json_error(run_shipped("show", typed, "--json"))
    assert error["kind"] == "not_found"
    assert error["message"].startswith(f"no title matches {typed!r}")


def test_a_word_for_the_cast_to_similar_still_names_the_cast_command(run_shipped: Run) -> None:
    error = json_error(run_shipped("similar", "squid game cast", "--json"))
    assert error["kind"] == "not_found"
    assert "Squid Game's cast: kdrama cast squid-game" in error["message"]

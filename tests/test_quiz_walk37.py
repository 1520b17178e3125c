"""`kdrama quiz` walked as a player (audit37): questions whose answer the quiz's own shape or the
question's words gave away."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.conftest import Run, as_json


def _quiz(run: Run, *args: str) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = as_json(run("quiz", *args, "--json"))
    return questions


def _ranked(question: dict[str, Any]) -> list[str]:
    """A figure question's options from the most to the least, as its explanation lists them
    ("Netflix's figures (...): Parasite: 2,500,000 views; Count: 1,200,000 views.")."""
    listed = question["explanation"].split("): ", 1)[1].removesuffix(".")
    return [entry.rsplit(": ", 1)[0] for entry in listed.split("; ")]


def test_a_show_quiz_s_title_is_not_the_answer_to_most_figure_questions(run_shipped: Run) -> None:
    """`kdrama quiz --show parasite` offered Parasite in every figure question, beside three
    titles drawn at random from the whole report, and Parasite led in 8 of 9: the player could
    answer the title asked about without knowing a figure. How many options did better is now
    drawn first, so the title is about as often first, second, third or last."""
    places: Counter[int] = Counter()
    for slug, title in (("parasite", "Parasite"), ("train-to-busan", "Train to Busan")):
        for seed in range(1, 9):
            for q in _quiz(run_shipped, "--show", slug, "-q", "30", "--seed", str(seed)):
                if q["kind"] == "netflix-figure":
                    assert title in q["options"], q
                    places[_ranked(q).index(title)] += 1
    asked = sum(places.values())
    assert asked >= 60, places
    assert set(places) == {0, 1, 2, 3}, places
    assert places[0] <= asked * 0.4, places  # was 16 of 18 for these two titles
    assert places[3] >= asked // 8, places


def test_a_character_with_the_actor_s_given_name_is_not_asked_about(run_shipped: Run) -> None:
    """ "Who plays Choi Hyun-su in One Spring Night?" offered Lim Hyun-su, the one option with
    the character's given name: a character named like the actor answers its own question, and
    the rule only caught a whole name inside the other (Kim Su-an as Su-an)."""
    asked = [
        q
        for seed in (1, 2, 3)
        for q in _quiz(run_shipped, "--show", "one-spring-night", "-q", "25", "--seed", str(seed))
    ]
    assert len([q for q in asked if q["kind"] in ("who-plays", "which-character")]) >= 10
    assert "Who plays Choi Hyun-su in One Spring Night?" not in [q["question"] for q in asked]
    assert "Which character does Lim Hyun-su play in One Spring Night?" not in [
        q["question"] for q in asked
    ]
    # the other credits are still asked, and Lim Hyun-su is still a wrong option about them
    assert any("Lim Hyun-su" in q["options"] for q in asked if q["kind"] == "who-plays")


def test_a_source_work_that_begins_with_a_short_title_is_not_asked(run_shipped: Run) -> None:
    """ "“D.P.” is adapted from which original work?" was answered by "D.P Dog's Day", the one
    option that begins with the title: "D.P." folds to a word of two letters, too short for
    the rule against a source work sharing a word of three or more with the title."""
    for seed in (1, 2, 3):
        questions = _quiz(run_shipped, "--show", "dp", "-q", "25", "--seed", str(seed))
        assert len(questions) >= 5
        assert not [q for q in questions if q["kind"] == "source-work"], seed
        authors = [q for q in questions if q["kind"] == "source-author"]
        assert all("D.P Dog's Day" in q["question"] for q in authors)  # still asked who wrote it

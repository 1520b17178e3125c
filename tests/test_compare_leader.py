"""Which title `kdrama compare` stars as a row's leader: ties, missing figures, a rank (where
less leads), a figure that is not ranked, and a title with two figures of a row, on the made-up
fixture dataset with a layer of figures made for each case."""

from __future__ import annotations

from tests.conftest import AddData, Run, as_json

#: A third series, so that a row can leave one title out.
PAPER_KITES = """
[[shows]]
slug = "paper-kites"
title = "Paper Kites"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "Two kite makers race the monsoon."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-05-01
episodes = 8
sources = ["test-chart"]
"""

UNITS = {
    "hours-viewed": "hours",
    "views": "views",
    "rank": "rank",
    "runtime": "minutes",
    "countries-in-top10": "countries",
}

M, R, P = "moonlit-hallway", "river-of-lanterns", "paper-kites"

#: (metric, window): each title's figures of the row, in the order the dataset gives them
#: (the first is the row's `values`, any other its `other_figures`), and the leader compare
#: stars. Moonlit Hallway's 91 countries in its first 10 days are the fixture's own.
CASES: dict[tuple[str, str], tuple[dict[str, tuple[int, ...]], str | None]] = {
    # a tie at the top stars no title; a tie below it leaves the leader its star
    ("views", "first-91-days"): ({M: (5_000_000,), R: (5_000_000,), P: (3_000_000,)}, None),
    ("views", "first-28-days"): ({M: (5_000_000,), R: (3_000_000,), P: (3_000_000,)}, M),
    ("rank", "episode:1"): ({M: (1,), R: (1,), P: (4,)}, None),
    # a title without the figure is no rival, also where less leads
    ("views", "first-3-days"): ({M: (1_000_000,), P: (2_000_000,)}, P),
    ("rank", "total"): ({M: (3,), R: (2,)}, R),
    # a figure that is no measure of success stars no title
    ("runtime", "total"): ({M: (500,), R: (400,)}, None),
    # two figures of one title: a leader only where every choice gives it
    ("hours-viewed", "first-91-days"): ({M: (10_000_000, 4_000_000), R: (9_000_000,)}, None),
    ("hours-viewed", "first-7-days"): ({M: (10_000_000, 12_000_000), R: (9_000_000,)}, M),
    # hours add up: 6M and 5M of one season listed twice are 11M, above 10M
    ("hours-viewed", "first-10-days"): ({M: (10_000_000,), R: (6_000_000, 5_000_000)}, None),
    # countries do not: 60 and 50 are never 110
    ("countries-in-top10", "first-10-days"): ({R: (60, 50)}, M),
    # one figure restated is not summed: 5M twice is 5M, below 9M
    ("hours-viewed", "first-14-days"): ({M: (9_000_000,), R: (5_000_000, 5_000_000)}, M),
    # a second figure tied with the other title's
    ("views", "first-14-days"): ({M: (12_000_000, 10_000_000), R: (10_000_000,)}, None),
    ("rank", "episode:2"): ({M: (1, 3), R: (2,)}, None),
    ("rank", "episode:3"): ({M: (1, 2), R: (3,), P: (4, 5)}, M),
}


def _layer() -> str:
    figures = []
    for (metric, window), (given, _) in CASES.items():
        for slug, values in given.items():
            for number, value in enumerate(values, 1):
                figures.append(
                    f'[[stats]]\nshow = "{slug}"\nmetric = "{metric}"\nvalue = {value}\n'
                    f'unit = "{UNITS[metric]}"\nwindow = "{window}"\nseason = 1\n'
                    f'as_of = 2024-01-07\nsources = ["test-chart"]\nnote = "listing {number}"\n'
                )
    return "\n".join([PAPER_KITES, *figures])


def test_compare_stars_the_leader_every_choice_of_figure_gives(run: Run, add_data: AddData) -> None:
    """Each row of CASES, in one run: its leader, and its figures as given (the first of each
    title's in `values`, the rest in `other_figures`)."""
    document = as_json(run(*add_data(_layer()), "compare", M, R, P, "--json"))
    rows = {(row["metric"], row["window"]): row for row in document["stats"]}
    assert {key: rows[key]["leader"] for key in CASES} == {
        key: leader for key, (_, leader) in CASES.items()
    }
    for key, (given, _) in CASES.items():
        own = dict(given)
        if key == ("countries-in-top10", "first-10-days"):
            own[M] = (91,)  # the fixture's own, given first
        row = rows[key]
        assert row["values"] == [own[slug][0] if slug in own else None for slug in (M, R, P)]
        assert [[f["value"] for f in figures] for figures in row["other_figures"]] == [
            list(own.get(slug, ())[1:]) for slug in (M, R, P)
        ], key


def test_compare_makes_no_row_of_a_figure_one_title_has(run: Run, add_data: AddData) -> None:
    """A figure only one title has is no comparison: no row, so no leader; `left_out` gives it."""
    only = (
        '[[stats]]\nshow = "paper-kites"\nmetric = "views"\nvalue = 2000000\nunit = "views"\n'
        'window = "first-7-days"\nseason = 1\nas_of = 2024-01-07\nsources = ["test-chart"]\n'
    )
    document = as_json(run(*add_data(PAPER_KITES + only), "compare", M, R, P, "--json"))
    assert ("views", "first-7-days") not in {(r["metric"], r["window"]) for r in document["stats"]}
    assert [(i["slug"], i["metric"], i["window"], i["reason"]) for i in document["left_out"]][
        -1
    ] == (P, "views", "first-7-days", "window")


def test_compare_needs_two_titles(run: Run) -> None:
    refused = run("compare", M)
    assert refused.exit_code == 2 and "compare needs at least two titles" in refused.output


def test_the_leader_rule_with_one_title_and_with_many_figures() -> None:
    """The rule on its own: one title leads alone, at one figure or two; where less leads, the
    title without the figure still does not lead (it scores below every figure)."""
    from kdrama_cli.answers.compare import _leader

    assert _leader("views", [[5.0]]) == 0
    assert _leader("views", [[5.0, 3.0]]) == 0
    assert _leader("runtime", [[5.0]]) is None
    assert _leader("rank", [[], [7.0]]) == 1
    assert _leader("rank", [[2.0], [], [1.0]]) == 2
    # 8M, 2.8M and their 10.8M all trail 128.3M; 300K, 100K or 400K beside 100K decide nothing
    assert _leader("hours-viewed", [[8e6, 2.8e6], [2.1e6], [128.3e6]]) == 2
    assert _leader("views", [[3e5, 1e5], [1e5]]) is None

"""`kdrama path`: the shortest chain of shared credits, found from both ends."""

from __future__ import annotations

import json
import random
import re
from collections import deque
from collections.abc import Callable
from pathlib import Path

import pytest

from kdrama_cli.answers.paths import MAX_SPOILER_ROUNDS, shortest_paths
from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.catalogue.names import credit_rows
from tests.conftest import SHIPPED, AddData, Run, flat, json_error
from tests.made_up import META, SEASON_NOT_OUT, TIDAL_TOWN, film, harbour_days, people
from tests.test_cast_compare import FRONT_MAN_S1

WIDE = {"COLUMNS": "80"}


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset([SHIPPED])


def test_two_people_two_titles_apart(run_shipped: Run) -> None:
    out = " ".join(run_shipped("path", "Lee Jung-jae", "Song Hye-kyo", env=WIDE).stdout.split())
    assert out.startswith("Lee Jung-jae → Song Hye-kyo 2 shared titles apart")
    assert "Lee Jung-jae as Seong Gi-hun · S1, S2, S3" in out
    assert "in Squid Game (squid-game)" in out and "in The Glory (the-glory)" in out
    assert "Song Hye-kyo as Moon Dong-eun · S1" in out
    assert "Sources" in out


def test_json_names_every_hop_with_characters_and_sources(run_shipped: Run) -> None:
    document = json.loads(run_shipped("path", "lee-jung-jae", "song-hye-kyo", "--json").stdout)
    assert document["connected"] and document["degrees"] == 2
    assert document["from"] == {
        "kind": "person",
        "slug": None,
        "person": "lee-jung-jae",
        "id": "lee-jung-jae",
        "name": "Lee Jung-jae",
        "season": None,
        "told_apart": None,
    }
    hops = document["paths"][0]["hops"]
    assert [h["show"] for h in hops] == ["squid-game", "the-glory"]
    assert hops[0]["left"]["as"] == "Seong Gi-hun" and hops[0]["left"]["seasons"] == [1, 2, 3]
    assert hops[0]["right"]["person"] == hops[1]["left"]["person"]
    ids = {s["id"] for s in document["sources"]}
    assert all(set(h[side]["source"]) <= ids for h in hops for side in ("left", "right"))


def test_of_chains_as_short_the_one_whose_roles_are_named_comes_first(run_shipped: Run) -> None:
    """Park Hae-joon to Kim Hae-sook opened with a cameo "in a role not named" in 20th Century
    Girl, while a chain as short runs through parts the sources name: that one comes first."""
    document = json.loads(run_shipped("path", "Park Hae-joon", "Kim Hae-sook", "--json").stdout)
    first = document["paths"][0]["hops"]
    assert document["degrees"] == 2
    assert all(h[side]["as"] for h in first for side in ("left", "right") if h[side]), first
    everyone = json.loads(
        run_shipped("path", "Park Hae-joon", "Kim Hae-sook", "--all", "--json").stdout
    )
    unnamed = [
        sum(1 for h in p["hops"] for side in ("left", "right") if h[side] and not h[side]["as"])
        for p in everyone["paths"]
    ]
    assert unnamed == sorted(unnamed), unnamed  # all of them can be watched: names decide


def test_a_person_and_a_title(run_shipped: Run) -> None:
    document = json.loads(run_shipped("path", "Park Ji-hu", "Squid Game", "--json").stdout)
    assert document["to"] == {
        "kind": "title",
        "slug": "squid-game",
        "person": None,
        "id": "squid-game",
        "name": "Squid Game",
        "season": None,
        "told_apart": None,
    }
    last = document["paths"][0]["hops"][-1]
    assert last["show"] == "squid-game" and last["right"] is None


def test_both_ends_have_the_same_keys_whatever_their_kind(run_shipped: Run) -> None:
    """A person end had no `slug` key and a title end no `person` (Python's
    d["from"]["slug"] raised KeyError), where search gives every key, null where it does not
    apply: so do a path's ends now."""
    document = json.loads(run_shipped("path", "iu", "squid-game", "--json").stdout)
    assert list(document["from"]) == list(document["to"])
    assert (document["from"]["slug"], document["from"]["person"]) == (None, "iu")
    assert (document["to"]["slug"], document["to"]["person"]) == ("squid-game", None)


def test_a_hop_merges_every_credit_of_a_person_in_the_title(run_shipped: Run) -> None:
    """Lee Byung-hun has two Squid Game credits (supporting in S1, main in S2 and S3): the hop
    names all three seasons and the sources of both, not the first credit alone."""
    page = " ".join(run_shipped("path", "lee-byung-hun", "lee-jung-jae", env=WIDE).stdout.split())
    assert "Lee Byung-hun as The Front Man · S1, S2, S3 [" in page
    assert "Hwang In-ho" not in page  # who the Front Man is: season 1's twist, a flagged note
    document = json.loads(run_shipped("path", "lee-byung-hun", "squid-game", "--json").stdout)
    left = document["paths"][0]["hops"][0]["left"]
    assert left["as"] == "The Front Man"
    assert left["characters"] == ["The Front Man"]
    assert left["seasons"] == [1, 2, 3]
    assert "squid-game-indiatoday-s3-release" in left["source"]  # the S2-S3 credit's own source


def test_a_hop_names_every_character_and_crew_role_once(run_shipped: Run) -> None:
    """Park Seo-joon plays a different character in each Gyeongseong Creature season; Lee
    Jung-jae acts in Hunt and directed and wrote it."""
    page = " ".join(
        run_shipped("path", "park-seo-joon", "gyeongseong-creature", env=WIDE).stdout.split()
    )
    assert "Park Seo-joon as Jang Tae-sang / Jang Ho-jae · S1, S2" in page
    hunt = " ".join(run_shipped("path", "lee-jung-jae", "hunt", env=WIDE).stdout.split())
    assert "Lee Jung-jae as Park Pyong-ho, also director, writer [" in hunt
    creator = " ".join(
        run_shipped("path", "hwang-dong-hyuk", "squid-game", env=WIDE).stdout.split()
    )
    assert "Hwang Dong-hyuk, creator, director, writer [" in creator
    document = json.loads(run_shipped("path", "lee-jung-jae", "hunt", "--json").stdout)
    left = document["paths"][0]["hops"][0]["left"]
    assert left["characters"] == ["Park Pyong-ho", "director", "writer"]
    assert left["as"] == "Park Pyong-ho / director / writer"


def test_all_lists_every_shortest_chain_up_to_the_bound(run_shipped: Run) -> None:
    one = json.loads(run_shipped("path", "Hyun Bin", "Lee Jung-jae", "--json").stdout)
    assert len(one["paths"]) == 1 and one["more"]
    every = json.loads(
        run_shipped("path", "Hyun Bin", "Lee Jung-jae", "--all", "--max", "100", "--json").stdout
    )
    count = len(every["paths"])
    assert count >= 2 and not every["more"]
    assert {len(p["hops"]) for p in every["paths"]} == {one["degrees"]}
    chains = {tuple((h["show"], h["right"]["person"]) for h in p["hops"]) for p in every["paths"]}
    assert len(chains) == count  # different chains, not one repeated
    bounded = json.loads(
        run_shipped(
            "path", "Hyun Bin", "Lee Jung-jae", "--all", "--max", str(count - 1), "--json"
        ).stdout
    )
    assert len(bounded["paths"]) == count - 1 and bounded["more"]
    page = run_shipped("path", "Hyun Bin", "Lee Jung-jae", "--all", "--max", "2", env=WIDE).stdout
    assert "Chain 1" in page and "Chain 2" in page
    # The line under one chain read "lists up to 100", as if a hundred chains were there; it
    # now says what --max bounds.
    first = run_shipped("path", "Hyun Bin", "Lee Jung-jae", env=WIDE).stdout
    assert (
        "More chains of the same length exist than are listed: --all --max N lists N of them "
        "(N up to 100)." in " ".join(first.split())
    )


@pytest.mark.parametrize("given", ["--max", "--max=20"])
def test_max_without_all_is_a_usage_error(run: Run, given: str) -> None:
    """--max bounds --all's chains; alone it was ignored without a word, so the one chain
    printed looked like the answer to "at most 3" (UX review 14, COULD 3). Even the default
    value given by hand is refused: what it asks for is --all."""
    args = [given, "3"] if given == "--max" else [given]
    result = run("path", "han-ji-won", "river-of-lanterns", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kdrama: error: --max goes with --all: add --all to list every shortest chain"
        " (up to --max)\n"
    )
    assert run("path", "han-ji-won", "river-of-lanterns", "--all", *args).exit_code == 0


def test_unknown_names_are_usage_errors_with_a_way_forward(run_shipped: Run) -> None:
    result = run_shipped("path", "Lee Jung-jae", "Nobodyxyz")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "no person or title matches 'Nobodyxyz'." in message  # B may be a title too
    assert "The catalogue has 1," in message and " people and 1," in message
    assert " titles; try `kdrama search Nobodyxyz`" in message
    near = " ".join(run_shipped("path", "gong-yoo", "squidd").stderr.split())
    assert "no person or title matches 'squidd'. Did you mean Squid Game?" in near


#: People whose names share a word with the fixture's film Night Train, and one whose name
#: starts with its whole title.
NIGHT_PEOPLE = """
[[people]]
id = "night-kim"
name = "Night Kim"

[[people]]
id = "night-park"
name = "Night Park"

[[people]]
id = "night-trainer"
name = "Night Trainer"
"""


@pytest.fixture
def night_people(add_data: AddData) -> list[str]:
    return add_data(NIGHT_PEOPLE, "night.toml")


def test_a_name_several_people_match_is_not_taken_for_a_title(
    run: Run, night_people: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'night' is part of three people's names and of one title's: in a pipe it is the usual
    usage error listing them all, never a chain from the title nobody picked."""
    result = run(*night_people, "path", "night", "han-ji-won")
    assert (result.exit_code, result.stdout) == (2, "")
    message = " ".join(result.stderr.split())
    assert "'night' matches 3 people and 1 title: night-kim (Night Kim); night-train" in message
    assert "night-train (title: Night Train)" in message and "Please choose one" in message
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)  # a terminal asks
    picker = run(*night_people, "path", "night", "han-ji-won", input="2\n")
    assert "2. title: Night Train  (night-train)" in picker.stderr
    assert picker.exit_code == 0, picker.output
    assert picker.stdout.startswith("Night Train → Han Ji-won")


def test_titles_that_only_contain_the_name_come_after_the_people_it_starts(
    run_shipped: Run,
) -> None:
    """'lee' listed "Cheer Up, Mr. Lee" and "HYE MI LEE YE CHAE PA" among its first five,
    pushing out Lee Jung-jae: README ranks names that start with what was typed first. A
    title that starts with it still goes in turn with the people ('park': Park Hwa-Young)."""
    lee = " ".join(run_shipped("path", "lee", "iu").stderr.split())
    first_five = lee.split(": ", 1)[1].split(", and ")[0]
    assert "title:" not in first_five and "lee-jung-jae (" in first_five, lee
    park = " ".join(run_shipped("path", "park", "iu").stderr.split())
    assert "park-hwa-young (title: Park Hwa-Young)" in park.split(", and ")[0], park
    # By every name: Esom's alias "Lee Som" starts with 'lee'; '김지' starts the Hangul of
    # people called Kim Ji-, not of the film 82년생 김지영 (the reviewer's finding).
    assert "esom (" in first_five
    kim = " ".join(run_shipped("path", "김지", "iu").stderr.split())
    assert "title:" not in kim.split(" 1 title: ", 1)[1].split(", and ")[0], kim


def test_one_name_typed_for_both_ends_says_so(run_shipped: Run) -> None:
    """`path Park Ji-hu` (the other end forgotten, the name unquoted) said "'Park' matches 122
    people", which says nothing of the mistake: the two words are one person's name."""
    result = run_shipped("path", "Park", "Ji-hu")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.strip() == (
        "kdrama: error: 'Park Ji-hu' is one name, and path takes two, one for each end: "
        "kdrama path 'Park Ji-hu' NAME"
    )
    other = run_shipped("path", "park", "iu")  # two words that are no one name: as before
    assert "'park' matches" in other.stderr and "one name" not in other.stderr


def test_a_name_only_titles_match_is_a_title(run: Run) -> None:
    """A name no person has is looked up among the titles, with their rules: two titles are a
    choice, not "no person matches"; one is an end; a season it lacks is the title's error."""
    several = run("path", "han-ji-won", "lantern")
    assert several.exit_code == 2
    assert (
        "'lantern' matches 2 titles: moonlit-hallway (Moonlit Hallway, also The Lantern Room);"
        " river-of-lanterns" in " ".join(several.stderr.split())
    )
    assert "matches 'lantern'" not in several.stderr
    one = json.loads(run("path", "han-ji-won", "river of lant", "--json").stdout)
    assert one["to"] == {
        "kind": "title",
        "slug": "river-of-lanterns",
        "person": None,
        "id": "river-of-lanterns",
        "name": "River of Lanterns",
        "season": None,
        "told_apart": None,
    }
    season = run("path", "han-ji-won", "river of lanterns 9")
    assert season.exit_code == 2
    assert "the catalogue has season 1 of River of Lanterns, not season 9" in season.stderr


def test_a_whole_title_comes_before_part_of_a_name(run: Run, night_people: list[str]) -> None:
    """'Night Train' is a title's whole name and only the start of Night Trainer's."""
    document = json.loads(run(*night_people, "path", "Night Train", "han-ji-won", "--json").stdout)
    assert document["from"] == {
        "kind": "title",
        "slug": "night-train",
        "person": None,
        "id": "night-train",
        "name": "Night Train",
        "season": None,
        "told_apart": None,
    }
    person = json.loads(run(*night_people, "path", "Night Kim", "han-ji-won", "--json").stdout)
    assert person["from"]["id"] == "night-kim"


LONELY = """
[meta]
schema = 1

[[people]]
id = "lonely-actor"
name = "Lonely Actor"

[[shows]]
slug = "lonely-film"
title = "Lonely Film"
kind = "film"
platform = "Example Pictures"
genres = ["drama"]
synopsis = "A made-up film that shares nobody with any other title."
release_date = 2020-01-01
sources = ["test-chart"]
cast_sources = ["test-chart"]

[[shows.cast]]
person = "lonely-actor"
character = "Alone"
role = "main"
"""


def test_no_connection_is_a_clear_answer(run: Run, add_data: AddData) -> None:
    lonely = add_data(LONELY, "lonely.toml")
    result = run(*lonely, "path", "Lonely Actor", "seo-minho")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "No chain of shared credits connects Lonely Actor and Minho" in result.stderr
    document = json.loads(run(*lonely, "path", "lonely-actor", "seo-minho", "--json").stdout)
    assert document["connected"] is False and document["paths"] == []


def _plain_distance(dataset: Dataset, start: str, end: str) -> int | None:
    """Shared titles between two people by a plain breadth-first search (the reference)."""
    titles: dict[str, set[str]] = {}
    people: dict[str, set[str]] = {}
    for person, slug in credit_rows(dataset):
        titles.setdefault(person, set()).add(slug)
        people.setdefault(slug, set()).add(person)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        person = queue.popleft()
        if person == end:
            return seen[person]
        for slug in titles.get(person, ()):
            for other in people[slug]:
                if other not in seen:
                    seen[other] = seen[person] + 1
                    queue.append(other)
    return None


def test_the_two_ended_search_finds_what_a_plain_search_finds(shipped: Dataset) -> None:
    rng = random.Random(7)
    ids = sorted(p.id for p in shipped.people.values())
    for _ in range(40):
        a, b = rng.sample(ids, 2)
        expected = _plain_distance(shipped, a, b)
        # with spoilers: the reference counts every credit, a hidden cameo's too (Lee Jun-ho's
        # in Celebrity is the shortest link from Yoo Jung-hee to Kim Dong-hwi)
        found = shortest_paths(shipped, shipped.people[a], shipped.people[b], spoilers=True)
        got = found.paths[0].degrees if found.paths else None
        assert got == expected, (a, b)
        for path in found.paths:  # each hop really is a title both are credited in
            for hop in path.hops:
                for role in (hop.left, hop.right):
                    assert role is not None
                    assert hop.show.slug in {
                        s for p, s in credit_rows(shipped) if p == role.person.id
                    }


#: Namesakes: two people called "Jo Echo", each in a film with Minho (so two titles apart), and
#: two called "Park Twin", each alone in a film of their own.
NAMESAKES = (
    META
    + "".join(
        f'\n[[people]]\nid = "{person}"\nname = "{name}"\nnote = "{note}"\n'
        for person, name, note in (
            ("jo-echo-a", "Jo Echo", "The actress."),
            ("jo-echo-b", "Jo Echo", "The stunt performer."),
            ("park-twin-a", "Park Twin", "The actor."),
            ("park-twin-b", "Park Twin", "The writer."),
        )
    )
    + film("echo-film-a", ("jo-echo-a", "Singer"), ("seo-minho", "Driver"))
    + film("echo-film-b", ("seo-minho", "Pilot"), ("jo-echo-b", "Stunt double"))
    + film("twin-film-a", ("park-twin-a", "First"))
    + film("twin-film-b", ("park-twin-b", "Second"))
)


@pytest.fixture
def namesakes(add_data: AddData) -> list[str]:
    return add_data(NAMESAKES, "namesakes.toml")


def test_two_people_who_share_a_name_are_not_the_same(run: Run, namesakes: list[str]) -> None:
    result = run(*namesakes, "path", "park-twin-a", "park-twin-b")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "are the same" not in result.stderr
    assert (
        "No chain of shared credits connects Park Twin (park-twin-a, the actor) and Park Twin"
        " (park-twin-b, the writer)" in flat(result.stderr)
    )
    document = json.loads(run(*namesakes, "path", "park-twin-a", "park-twin-b", "--json").stdout)
    assert document["connected"] is False and document["degrees"] is None


def test_namesakes_in_a_chain_are_told_apart_by_id(run: Run, namesakes: list[str]) -> None:
    out = " ".join(run(*namesakes, "path", "jo-echo-a", "jo-echo-b", env=WIDE).stdout.split())
    assert out.startswith(
        "Jo Echo (jo-echo-a, the actress) → Jo Echo (jo-echo-b, The stunt performer)"
        " 2 shared titles apart"
    )
    assert "Jo Echo (jo-echo-a) as Singer" in out
    assert "Jo Echo (jo-echo-b) as Stunt double" in out
    assert "Minho (Minho" not in out and "(seo-minho" not in out  # no namesake: name only


def test_json_says_what_tells_a_namesake_end_apart(run: Run, namesakes: list[str]) -> None:
    """The page's heading says which Jo Echo each end is ("the actress"); --json gave only
    the name and id: each end's `told_apart` says it as the heading does, null for an end no
    other shares a name with."""
    document = json.loads(run(*namesakes, "path", "jo-echo-a", "seo-minho", "--json").stdout)
    assert document["from"]["told_apart"] == "the actress"
    assert document["to"]["told_apart"] is None
    heading = flat(run(*namesakes, "path", "jo-echo-a", "seo-minho", env=WIDE).stdout)
    assert heading.startswith("Jo Echo (jo-echo-a, the actress) → Minho")
    twins = json.loads(run(*namesakes, "path", "park-twin-a", "park-twin-b", "--json").stdout)
    assert (twins["from"]["told_apart"], twins["to"]["told_apart"]) == ("the actor", "the writer")


def test_a_person_in_the_title_at_the_other_end_is_credited_in_it(run: Run) -> None:
    """`path lee-jung-jae "Squid Game"` read "1 shared title apart", as if he were a title away
    from the show he leads: a person credited in the title at the other end is "credited in
    the title", either way round; a person further off is still counted in shared titles."""
    for ends in (("Han Ji-won", "moonlit-hallway"), ("moonlit-hallway", "Han Ji-won")):
        heading = run("--no-pager", "path", *ends).stdout.splitlines()[0]
        assert heading.endswith("  credited in the title"), heading
        assert "apart" not in heading
    document = json.loads(run("path", "Han Ji-won", "moonlit-hallway", "--json").stdout)
    assert document["degrees"] == 1
    season = run("--no-pager", "path", "Han Ji-won", "moonlit hallway 2").stdout.splitlines()[0]
    assert season.endswith("  credited in the season"), season
    farther = run("--no-pager", "path", "Minho", "river-of-lanterns").stdout.splitlines()[0]
    assert farther.endswith("shared titles apart"), farther


def test_one_person_typed_two_ways_is_the_same_person(run: Run) -> None:
    """Both ends one person or title: one name typed twice was an error (exit 2), while two
    spellings of it gave a page "0 shared titles apart", and a title with its own season a page
    too, though compare refuses that pair (walk32 #8): three outcomes for one slip. The ends are
    resolved first, and one person or title at both ends is one error, however typed."""
    cases = {
        # a name and an alias of one person
        ("Han Ji-won", "Han Jee-won"): "the same person was given twice: 'Han Ji-won' and "
        "'Han Jee-won' are both Han Ji-won; name two different people or titles",
        # a slug and a title
        ("moonlit-hallway", "Moonlit Hallway"): "the same title was given twice: "
        "'moonlit-hallway' and 'Moonlit Hallway' are both Moonlit Hallway; ",
        # a title and its own season, or two of its seasons
        ("moonlit hallway", "moonlit hallway 2"): "the same title was given twice: "
        "'moonlit hallway' and 'moonlit hallway 2' are both Moonlit Hallway; ",
        ("moonlit hallway 1", "moonlit hallway 2"): "are both Moonlit Hallway; name two",
        # one name typed twice
        ("han ji-won", "Han Ji-won"): "the same person was given twice",
        ("moonlit-hallway", "Moonlit-Hallway"): "the same title was given twice",
        ("moonlit hallway 2", "Moonlit Hallway 2"): "are both Moonlit Hallway season 2;",
    }
    for args, said in cases.items():
        for extra in ((), ("--json",)):
            twice = run("path", *args, *extra)
            assert twice.exit_code == 2 and twice.stdout == "", args
            told = f"kdrama: error: {json_error(twice)['message']}" if extra else twice.stderr
            assert told.startswith("kdrama: error: the same "), told
            assert said in told and "name two different" in told, told
    # a person and a season of a title they are in are two ends
    assert run("path", "Han Ji-won", "moonlit hallway 2").exit_code == 0


@pytest.fixture
def season_not_out(add_data: AddData) -> list[str]:
    return add_data(SEASON_NOT_OUT, "not-out.toml")


def test_a_season_not_out_is_marked_announced_in_a_hop(run: Run, season_not_out: list[str]) -> None:
    args = [*season_not_out, "path", "cho-lead", "end-film", "--all"]
    out = " ".join(run(*args, env=WIDE).stdout.split())
    assert (
        "Cho Lead as Captain · S1, announced S2 [1] and Ahn Later as Newcomer · announced S2" in out
    )
    assert "Cho Lead as Captain · S1, announced S2 [1] and Yoo First as Deckhand · S1 [1] in" in out
    assert "Newcomer · S2" not in out  # never as if released
    hops = [path["hops"][0] for path in json.loads(run(*args, "--json").stdout)["paths"]]
    roles = {hop["right"]["person"]: hop["right"] for hop in hops}
    assert roles["ahn-later"]["seasons"] == [2] and roles["ahn-later"]["announced_seasons"] == [2]
    assert roles["yoo-first"]["announced_seasons"] == []
    assert hops[0]["left"]["announced_seasons"] == [2]


def test_a_chain_through_released_seasons_comes_first(run: Run, season_not_out: list[str]) -> None:
    one = json.loads(run(*season_not_out, "path", "cho-lead", "end-film", "--json").stdout)
    assert [hop["right"] and hop["right"]["person"] for hop in one["paths"][0]["hops"]] == [
        "yoo-first",
        None,
    ]
    assert one["more"] is True
    every = json.loads(
        run(*season_not_out, "path", "cho-lead", "end-film", "--all", "--json").stdout
    )
    order = [path["hops"][0]["right"]["person"] for path in every["paths"]]
    assert order == ["yoo-first", "ahn-later"]  # the one only announced is still a chain


def test_a_title_end_with_a_season_is_reached_through_that_season(
    run: Run, season_not_out: list[str]
) -> None:
    """'harbour days 2' is season 2: the chain reaches it through Ahn Later, cast in season 2
    alone, never through Yoo First, cast in season 1 alone; the page and --json name it."""
    for season, person in ((2, "ahn-later"), (1, "yoo-first")):
        args = [*season_not_out, "path", "end-film", f"harbour days {season}", "--all"]
        document = json.loads(run(*args, "--json").stdout)
        assert document["to"] == {
            "kind": "title",
            "slug": "harbour-days",
            "person": None,
            "id": "harbour-days",
            "name": "Harbour Days",
            "season": season,
            "told_apart": None,
        }
        last = {path["hops"][-1]["left"]["person"] for path in document["paths"]}
        assert last == {person}
        page = " ".join(run(*args, env=WIDE).stdout.split())
        heading = f"End Film → Harbour Days season {season} 2 shared titles or seasons apart"
        assert page.startswith(heading)
    whole = json.loads(
        run(*season_not_out, "path", "end-film", "harbour-days", "--all", "--json").stdout
    )
    assert whole["to"]["season"] is None
    assert {p["hops"][-1]["left"]["person"] for p in whole["paths"]} == {"ahn-later", "yoo-first"}


def test_a_title_with_only_netflix_record_says_why_no_chain_reaches_it(run_shipped: Run) -> None:
    result = run_shipped("path", "heartstrings", "lomon")
    assert (result.exit_code, result.stdout) == (0, "")
    assert (
        "No chain of shared credits connects Heartstrings and Lomon: Heartstrings has no cast or "
        "crew in the catalogue (Netflix's record only)."
    ) in " ".join(result.stderr.split())


def test_a_spoiler_credit_is_no_hop_unless_asked(run_shipped: Run) -> None:
    """Kim Soo-hyun's cameo in Hotel Del Luna's last episode is flagged as a spoiler: the chain
    from Lee Jung-jae to IU does not go through it unless --spoilers is given."""
    plain = json.loads(run_shipped("path", "Lee Jung-jae", "IU", "--all", "--json").stdout)
    hops = [
        (hop["show"], side["person"])
        for p in plain["paths"]
        for hop in p["hops"]
        for side in (hop["left"], hop["right"])
        if side
    ]
    assert plain["connected"] and ("hotel-del-luna", "kim-soo-hyun") not in hops
    text = flat(run_shipped("path", "Lee Jung-jae", "IU", "--all").stdout)
    assert "Owner of Hotel Blue Moon" not in text
    asked = flat(run_shipped("path", "Lee Jung-jae", "IU", "--spoilers").stdout)
    assert "Kim Soo-hyun as Owner of Hotel Blue Moon · S1" in asked  # a role with "as"


def test_a_person_in_another_season_does_not_reach_a_season_in_one_step(
    run_shipped: Run,
) -> None:
    """Park Hae-soo plays in Squid Game season 1 only: season 2 is reached through someone in
    season 2, never through his own season-1 credit."""
    found = json.loads(run_shipped("path", "Park Hae-soo", "squid game 2", "--json").stdout)
    assert found["connected"] and found["degrees"] == 2
    last = {path["hops"][-1]["left"]["person"] for path in found["paths"]}
    assert "park-hae-soo" not in last
    same = json.loads(run_shipped("path", "Lee Jung-jae", "squid game 2", "--json").stdout)
    assert same["degrees"] == 1  # in season 2 himself


def test_a_season_is_not_reached_through_a_hidden_cameo_in_it(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """Ahn Ah-ra leads Tidal Town season 1, and her only season-2 credit is a surprise cameo,
    flagged: without --spoilers, season 2 is two steps from her (through Do Da-eun, in both
    seasons), never one hop that names her season-1 part "in Tidal Town season 2", from
    either end. With --spoilers the cameo is the hop."""
    data = ["--data", str(write_dataset(TIDAL_TOWN, "tidal.toml"))]
    for ends in (("aa", "tidal town 2"), ("tidal town 2", "aa")):
        found = json.loads(run(*data, "path", *ends, "--json").stdout)
        assert found["degrees"] == 2, ends
        seasons = [hop["season"] for hop in found["paths"][0]["hops"]]
        assert seasons == ([1, 2] if ends[0] == "aa" else [2, 1])
        page = flat(run(*data, "path", *ends).stdout)
        assert "Masked Sister" not in page
        # her season-1 part named in a hop through season 2, with its seasons or without
        assert not re.search(r"Ferry girl[^.]* in Tidal Town season 2", page), page
    asked = flat(run(*data, "path", "aa", "tidal town 2", "--spoilers").stdout)
    assert "Ahn Ah-ra as The Masked Sister [1] in Tidal Town season 2" in asked


#: Tidal Town, plus Eun Eun-ji, whose one credit there is a flagged surprise cameo in season 2
#: (and a lead in a film of her own), and Zo Zero, who shares no title with anyone.
CAMEO_ONLY = TIDAL_TOWN.replace(
    '[[shows.cast]]\nperson = "dd"',
    '[[shows.cast]]\nperson = "ee"\ncharacter = "The Stranger"\nrole = "special"\n'
    'seasons = [2]\nspoiler = true\n\n[[shows.cast]]\nperson = "dd"',
    1,
) + "".join(
    f'\n[[people]]\nid = "{person}"\nname = "{name}"\n'
    + film(slug, (person, "Singer")).replace("test-chart", "c-press")
    for person, name, slug in (("ee", "Eun Eun-ji", "far-film"), ("zz", "Zo Zero", "lone-film"))
)


@pytest.mark.parametrize("title", ["Tidal Town", "tidal town 2", "Do Da-eun"])
def test_a_miss_without_spoilers_does_not_say_a_hidden_cameo_joins_the_two_ends(
    run: Run, write_dataset: Callable[..., Path], title: str
) -> None:
    """Eun Eun-ji's only link to Tidal Town is her flagged cameo in season 2. `path` used to
    search again with spoilers and say "one runs through a special appearance flagged as a
    spoiler": that she is in Tidal Town (season 2) as a surprise, which `cast` and `person` each
    keep apart. Her miss now reads as that of Zo Zero, whom no chain reaches even with
    spoilers, on the page and in --json; --spoilers still follows the cameo."""
    data = ["--data", str(write_dataset(CAMEO_ONLY, "cameo.toml"))]
    hidden = run(*data, "path", "Eun Eun-ji", title)
    apart = run(*data, "path", "Zo Zero", title)
    assert hidden.exit_code == apart.exit_code == 0
    assert not hidden.stdout and not apart.stdout
    said = flat(hidden.stderr)
    assert said.replace("Eun Eun-ji", "X") == flat(apart.stderr).replace("Zo Zero", "X")
    assert "without spoilers: special appearances flagged as spoilers are not followed" in said
    assert "(add --spoilers to follow them)." in said and "Stranger" not in said
    documents = [
        json.loads(run(*data, "path", who, title, "--json").stdout)
        for who in ("Eun Eun-ji", "Zo Zero")
    ]
    assert [{**d, "from": None} for d in documents][0] == {**documents[1], "from": None}
    shown = run(*data, "path", "Eun Eun-ji", title, "--spoilers")
    assert "Eun Eun-ji as The Stranger" in flat(shown.stdout) and "No chain" not in shown.stderr
    alone = flat(run(*data, "path", "Zo Zero", title, "--spoilers").stderr)
    assert alone.endswith("in the catalogue.") and "flagged" not in alone


#: The citation made_up.film cites.
CHART = (
    '\n[[citations]]\nid = "test-chart"\nurl = "https://example.org/chart"\n'
    'title = "Example chart"\npublisher = "Example Charts"\n'
)


def _cameo_routes(routes: int) -> str:
    """Ahn Start and 101 extras in a film; the extras in each of ``routes`` films where Bae End
    is a flagged surprise cameo, his only credit there; and Bae End in 150 films of his own,
    so that the search from his side is the wider one and meets at the cameo films: each
    round then fills its pool of chains through one cameo film, and leaves out one credit."""
    extras = [(f"x{n:03}", "Crowd") for n in range(1, 102)]
    named = [(person, f"Extra {person}") for person, _ in extras]
    text = META + CHART + people(("aa", "Ahn Start"), ("bb", "Bae End"), *named)
    text += film("start-film", ("aa", "Lead"), *extras)
    for k in range(1, routes + 1):
        text += film(f"cameo-film-{k:02}", *extras)
        text += f'\n[[shows.cast]]\nperson = "bb"\ncharacter = "Guest {k}"\nrole = "special"\n'
        text += "spoiler = true\n"
    text += "".join(film(f"own-film-{n:03}", ("bb", "Lead")) for n in range(1, 151))
    return text


def test_a_chain_is_never_through_a_hidden_cameo_when_the_rounds_run_out(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """Each round of the search leaves out the flagged credits its chains went through, for
    at most MAX_SPOILER_ROUNDS rounds: with more cameo-only routes than that, the last
    round's chain went through a cameo, and was printed ("Bae End, credited in Cameo Film
    20"). It is now a miss, worded as every miss without spoilers; --spoilers follows one."""
    data = ["--data", str(write_dataset(_cameo_routes(MAX_SPOILER_ROUNDS + 1), "routes.toml"))]
    page = run(*data, "path", "Ahn Start", "Bae End")
    assert (page.exit_code, page.stdout) == (0, "")
    assert flat(page.stderr) == (
        "No chain of shared credits connects Ahn Start and Bae End without spoilers: special "
        "appearances flagged as spoilers are not followed (add --spoilers to follow them)."
    )
    document = json.loads(run(*data, "path", "Ahn Start", "Bae End", "--all", "--json").stdout)
    assert (document["connected"], document["paths"]) == (False, [])
    asked = flat(run(*data, "path", "Ahn Start", "Bae End", "--spoilers").stdout)
    assert "Bae End as Guest 1 [1] in Cameo Film 01" in asked


@pytest.mark.parametrize(
    ("person", "season", "cast_in"),
    [("O Yeong-su", 2, [1]), ("Jung Ho-yeon", 3, [1]), ("Park Hae-soo", 2, [1])],
)
def test_a_season_is_reached_through_the_title_s_other_seasons(
    run_shipped: Run, person: str, season: int, cast_in: list[int]
) -> None:
    """O Yeong-su plays only in Squid Game season 1: he passes through the title like any other,
    with someone of season 1 who is in season 2 as well, and that person's season-2 credit is
    the last step, from either end. Before, a title end named with a season could not be passed
    through at all: O Yeong-su was "not connected" to season 2, Jung Ho-yeon 4 titles away
    from season 3."""
    for ends in ((person, f"squid game {season}"), (f"squid game {season}", person)):
        found = json.loads(run_shipped("path", *ends, "--all", "--json").stdout)
        assert found["degrees"] == 2, ends
        forward = [c["hops"] if ends[0] == person else c["hops"][::-1] for c in found["paths"]]
        within = [hops for hops in forward if hops[0]["show"] == "squid-game"]
        assert within, ends  # Park Hae-soo's chain through Yaksha is as short
        for hops in within:
            roles = [(hop["left"], hop["right"]) for hop in hops]
            if ends[0] != person:
                roles = [(right, left) for left, right in roles]
            (them, link), (again, end) = roles
            assert hops[1]["show"] == "squid-game"
            # each hop names the season it goes through: the last, the season asked
            assert hops[1]["season"] == season and hops[0]["season"] != season
            assert them["person"] != link["person"] == again["person"] and end is None
            assert them["seasons"] == cast_in
            assert set(cast_in) & set(link["seasons"]) or not link["seasons"]  # crew: every one
            assert season in again["seasons"] or not again["seasons"]
    page = flat(run_shipped("path", person, f"squid game {season}").stdout)
    heading = f"{person} → Squid Game season {season} 2 shared titles or seasons apart"
    assert page.startswith(heading)
    assert f"in Squid Game season {season} (squid-game)" in page


def test_a_season_end_passes_only_through_seasons_that_are_out(
    run: Run, season_not_out: list[str]
) -> None:
    """Yoo First (season 1) reaches Harbour Days season 2 through Cho Lead, who shares season
    1 with him and is in season 2; Ahn Later (season 2, not out) reaches season 1 only through
    the film: the two never shared a season that can be watched."""
    found = json.loads(
        run(*season_not_out, "path", "yoo-first", "harbour days 2", "--all", "--json").stdout
    )
    chains = {
        tuple((hop["show"], hop["right"] and hop["right"]["person"]) for hop in chain["hops"])
        for chain in found["paths"]
    }
    assert chains == {
        (("harbour-days", "cho-lead"), ("harbour-days", None)),
        (("end-film", "ahn-later"), ("harbour-days", None)),
    }
    back = json.loads(
        run(*season_not_out, "path", "ahn-later", "harbour days 1", "--all", "--json").stdout
    )
    assert [[hop["show"] for hop in chain["hops"]] for chain in back["paths"]] == [
        ["end-film", "harbour-days"]
    ]


def test_path_cites_a_credit_by_the_one_rule(run_shipped: Run) -> None:
    """A hop cites what the cast page cites (answers.sources): the title's cast lists, then the
    credits' own sources. It gave a credit's own sources alone, so Lee Byung-hun's "S1, S2, S3"
    never cited the season 1 cast list."""
    found = json.loads(run_shipped("path", "lee-byung-hun", "lee-jung-jae", "--json").stdout)
    hop = found["paths"][0]["hops"][0]
    assert (hop["show"], hop["left"]["person"], hop["left"]["seasons"]) == (
        "squid-game",
        "lee-byung-hun",
        [1, 2, 3],
    )
    # his season-1 credit's sources by the one rule, then his later credit's own
    assert hop["left"]["source"] == [
        *FRONT_MAN_S1,
        "squid-game-indiatoday-s3-release",
        "squid-game-radiotimes-front-man",
        "squid-game-straitstimes-s2-cast",
    ]
    assert "squid-game-marieclaire-s1-cast" in {source["id"] for source in found["sources"]}


def test_path_sources_say_how_to_see_a_hidden_headline(run_shipped: Run) -> None:
    """path has --spoilers, yet its Sources list pointed to "kdrama show TITLE --spoilers"."""
    page = flat(run_shipped("path", "go-youn-jung", "alchemy-of-souls").stdout)
    assert "TITLE" not in page
    assert "headline and address hidden as a spoiler: add --spoilers" in page
    told = run_shipped("path", "go-youn-jung", "alchemy-of-souls", "--spoilers").stdout
    assert "headline and address hidden" not in told


def test_path_json_withholds_the_headlines_of_sources_flagged_as_spoilers(
    run_shipped: Run,
) -> None:
    """The chain between Physical: 100's winner and runner-up cites the headlines that name
    them; the page hides those, and so does `path --json`, until --spoilers."""
    people = ("woo-jin-yong", "jung-hae-min")
    result = run_shipped("path", *people, "--json")
    flagged = [s for s in json.loads(result.stdout)["sources"] if s["spoiler"]]
    assert flagged and all((s["title"], s["url"]) == (None, None) for s in flagged)
    assert re.search(r"hidden as (a spoiler|spoilers): add --spoilers", result.stderr)
    told = json.loads(run_shipped("path", *people, "--json", "--spoilers").stdout)
    assert all(s["title"] and s["url"] for s in told["sources"])


def test_the_author_of_the_adapted_work_is_named_as_the_person_page_names_them(
    run_shipped: Run,
) -> None:
    """Joo Dong-geun's hop through All of Us Are Dead read "Joo Dong-geun, credited" and gave
    "credited" as his character in --json; his page calls him the original webtoon writer, and
    the hop cites the webtoon's sources, as that page does."""
    page = flat(run_shipped("--no-pager", "path", "joo-dong-geun", "lee-jung-jae").stdout)
    # he wrote and drew it, as the title's page says ("written and drawn by")
    said = "original webtoon writer and artist"
    assert f"Joo Dong-geun, {said}" in page and "credited" not in page
    found = json.loads(run_shipped("path", "joo-dong-geun", "lee-jung-jae", "--json").stdout)
    left = found["paths"][0]["hops"][0]["left"]
    assert left["as"] == said
    assert left["characters"] == [said]
    person = json.loads(run_shipped("person", "joo-dong-geun", "--json").stdout)
    webtoon = next(c for c in person["credits"] if c["slug"] == "all-of-us-are-dead")
    assert webtoon["capacity"] == left["as"] and webtoon["source"] == left["source"]


def test_a_crew_member_who_also_made_the_adapted_work_keeps_both_capacities(
    run_shipped: Run,
) -> None:
    """Choi Gyu-seok wrote Hellbound and drew the webtoon it adapts; his page says "writer,
    original webtoon artist", but his hop said only "writer", as if he had co-written the
    series alone: the source-work capacity was named only for someone with no crew credit.
    The hop names every capacity the page does, in its order, and cites the webtoon too."""
    ends = ("choi-gyu-seok", "yeon-sang-ho")
    page = flat(run_shipped("--no-pager", "path", *ends).stdout)
    assert "Choi Gyu-seok, writer, original webtoon artist [" in page
    assert "Yeon Sang-ho, director, writer, original webtoon writer [" in page
    found = json.loads(run_shipped("path", *ends, "--json").stdout)
    hop = found["paths"][0]["hops"][0]
    person = json.loads(run_shipped("person", "choi-gyu-seok", "--json").stdout)
    made = [c for c in person["credits"] if c["slug"] == hop["slug"]]
    assert hop["left"]["characters"] == [c["capacity"] for c in made]
    assert set(hop["left"]["source"]) == {i for c in made for i in c["source"]}
    # as documented (docs/output.md), --json's "as" joins a role's parts with " / "
    assert hop["left"]["as"] == "writer / original webtoon artist"
    moving = json.loads(run_shipped("path", "kang-full", "moving", "--json").stdout)
    left = moving["paths"][0]["hops"][0]["left"]
    assert left["characters"] == ["writer", "original webtoon writer and artist"]


def test_a_hop_through_a_season_says_crew_are_the_whole_titles(run_shipped: Run) -> None:
    """ "Lee Dan, director in Taxi Driver season 1" claimed a season no source gives: the
    catalogue holds Taxi Driver's directors for the whole title, and his own note makes him
    season 2's. A hop through a season says a crew credit is the title's; a hop through the
    whole title, and a role, say what they said; --json gives the crew credit no seasons."""
    page = flat(run_shipped("--no-pager", "path", "lee-dan", "taxi driver 1").stdout)
    assert "Lee Dan, director (the title's crew: no season recorded) [" in page
    assert "in Taxi Driver season 1" in page
    both = flat(run_shipped("--no-pager", "path", "yeon-sang-ho", "hellbound 2").stdout)
    said = "director, writer (the title's crew: no season recorded), original webtoon writer"
    assert f"Yeon Sang-ho, {said} [" in both
    whole = flat(run_shipped("--no-pager", "path", "lee-dan", "esom").stdout)
    assert "Lee Dan, director [" in whole and "no season recorded" not in whole
    found = json.loads(run_shipped("path", "lee-dan", "taxi driver 1", "--json").stdout)
    hop = found["paths"][0]["hops"][0]
    assert (hop["season"], hop["left"]["as"], hop["left"]["seasons"]) == (1, "director", [])


def test_of_chains_as_short_one_whose_people_shared_a_season_comes_first(
    run_shipped: Run,
) -> None:
    """Park Hae-soo (Squid Game S1) and Yang Dong-geun (S2 and S3) never met in Squid Game,
    yet path answered with it, and --all listed it before Yaksha, a film both are in. Of
    chains as short, those whose people share a season of each title come first."""
    ends = ("Park Hae-soo", "Yang Dong-geun")
    page = flat(run_shipped("--no-pager", "path", *ends).stdout)
    assert "in Yaksha: Ruthless Operations" in page and "Squid Game" not in page
    every = json.loads(run_shipped("path", *ends, "--all", "--json").stdout)
    assert [p["hops"][0]["slug"] for p in every["paths"]] == [
        "yaksha-ruthless-operations",
        "squid-game",
    ]


def test_an_authors_capacity_names_the_kind_of_work_in_words() -> None:
    """'original web-novel writer' and 'original other writer' were the kind's id, not words:
    the kind is named as show names it ("Adapted from the web novel ..."), and "other" names
    none."""
    from kdrama_cli.catalogue.models import original_capacity

    assert original_capacity("webtoon", "writer") == "original webtoon writer"
    assert original_capacity("web-novel", "writer") == "original web novel writer"
    assert original_capacity("other", "artist") == "original artist"


def test_a_web_novelists_hop_reads_as_the_person_page_does(run_shipped: Run) -> None:
    page = flat(run_shipped("--no-pager", "path", "sungsojak", "park-min-young").stdout)
    assert "Sungsojak, original web novel writer" in page
    person = flat(run_shipped("--no-pager", "person", "sungsojak").stdout)
    assert "original web novel writer" in person and "web-novel" not in person


def test_a_hop_through_a_season_names_that_season_once(run: Run, season_not_out: list[str]) -> None:
    """A hop through one season of a title read "Cho Lead as Captain · S1, announced S2 in
    Harbour Days season 1": the seasons of the whole credit beside the one season the hop
    goes through, said twice and at odds. The hop names its season; the role says only
    whether that season is announced. --json still gives every season of the credit."""
    args = [*season_not_out, "path", "yoo-first", "harbour days 2"]
    page = flat(run(*args, env=WIDE).stdout)
    assert "Yoo First as Deckhand [1] and Cho Lead as Captain [1] in Harbour Days season 1" in page
    assert "2. Cho Lead as Captain · announced [1] in Harbour Days season 2" in page
    assert "· S1" not in page and "announced S2" not in page
    hops = json.loads(run(*args, "--json").stdout)["paths"][0]["hops"]
    assert [hop["season"] for hop in hops] == [1, 2]
    assert hops[1]["left"]["seasons"] == [1, 2] and hops[1]["left"]["announced_seasons"] == [2]


def test_a_hop_through_a_shipped_season_names_it_once(run_shipped: Run) -> None:
    page = flat(run_shipped("path", "gong-yoo", "squid game 1", env=WIDE).stdout)
    assert page.startswith("Gong Yoo → Squid Game season 1 credited in the season")
    assert "1. Gong Yoo as The Recruiter [" in page
    assert "] in Squid Game season 1 (squid-game)" in page
    assert "S1, S2" not in page
    # a hop through the whole title still names the seasons of each credit
    whole = flat(run_shipped("path", "gong-yoo", "squid-game", env=WIDE).stdout)
    assert "Gong Yoo as The Recruiter · S1, S2 [" in whole


@pytest.mark.parametrize(
    ("ends", "heading"),
    [
        (
            ("kim-go-eun-model", "lee-jung-jae"),
            "Kim Go-eun (kim-go-eun-model, Single's Inferno 5 contestant) → Lee Jung-jae ",
        ),
        (
            ("lee-jung-jae", "kim-go-eun"),
            "Lee Jung-jae → Kim Go-eun (kim-go-eun, actress (Goblin, Little Women)) ",
        ),
        (("new-world", "lee-jung-jae"), "New World (신세계, 2013 film) → Lee Jung-jae "),
    ],
)
def test_an_end_that_shares_its_name_is_told_apart_in_the_heading(
    run_shipped: Run, ends: tuple[str, str], heading: str
) -> None:
    """`path kim-go-eun-model lee-jung-jae` was headed "Kim Go-eun → Lee Jung-jae", though the
    catalogue has two Kim Go-euns, an actress and a Single's Inferno contestant: the heading
    names which, by the note the "Which one?" list gives, and a title which of its name."""
    page = flat(run_shipped("path", *ends, env=WIDE).stdout)
    assert page.startswith(heading), page[:200]


def test_a_record_only_end_that_shares_its_name_is_told_apart(run_shipped: Run) -> None:
    result = run_shipped("path", "new-world-series", "lee-jung-jae")
    assert (result.exit_code, result.stdout) == (0, "")
    assert flat(result.stderr) == (
        "No chain of shared credits connects New World (신세계로부터, series) and Lee Jung-jae: "
        "New World (신세계로부터, series) has no cast or crew in the catalogue (Netflix's record "
        "only)."
    )


#: Harbour Days directed by Dee Director, who also has a cameo in its season 1 alone.
DIRECTOR_CAMEO = (
    META
    + people(("dee-director", "Dee Director"), ("cho-lead", "Cho Lead"))
    + harbour_days(("dee-director", "Bar Owner", (1,)), ("cho-lead", "Captain", (1, 2))).replace(
        'cast_sources = ["test-chart"]\n',
        'cast_sources = ["test-chart"]\ndirectors = ["dee-director"]\n',
        1,
    )
)


def test_a_season_hop_names_no_part_from_another_season(run: Run, add_data: AddData) -> None:
    """Dee Director directs Harbour Days and plays the bar owner in its season 1: a hop through
    season 2, reached as the title's crew, read "Dee Director as Bar Owner · S1, also director
    … in Harbour Days season 2", a part from another season said as if in this one."""
    data = add_data(DIRECTOR_CAMEO, "director-cameo.toml")
    page = flat(run(*data, "path", "dee-director", "harbour days 2", env=WIDE).stdout)
    assert page.startswith("Dee Director → Harbour Days season 2 credited in the season")
    assert (
        "1. Dee Director, director (the title's crew: no season recorded) [1] in Harbour Days"
        " season 2" in page
    )
    assert "Bar Owner" not in page
    first = flat(run(*data, "path", "dee-director", "harbour days 1", env=WIDE).stdout)
    assert (
        "1. Dee Director as Bar Owner, also director (the title's crew: no season recorded) [1]"
        in first
    )
    hop = json.loads(run(*data, "path", "dee-director", "harbour days 2", "--json").stdout)
    left = hop["paths"][0]["hops"][0]["left"]
    assert (left["characters"], left["seasons"]) == (["director"], [])


def test_a_part_typed_at_an_end_says_which_season_it_is(run_shipped: Run) -> None:
    """`path gong-yoo "the glory part 2"` was headed "The Glory season 1" without a word of
    why, where show and cast say that part 2 came out within season 1: so does path now."""
    result = run_shipped("path", "gong-yoo", "the glory part 2", env=WIDE)
    assert flat(result.stdout).startswith("Gong Yoo → The Glory season 1 ")
    assert "kdrama: note: part 2 of The Glory is in its season 1." in flat(result.stderr)
    document = run_shipped("path", "gong-yoo", "the glory part 2", "--json")
    assert json.loads(document.stdout)["to"]["season"] == 1
    assert "part 2 of The Glory is in its season 1." in flat(document.stderr)

"""Issue 14: a fan's question finds its answer the first time, however it is typed.

A table of questions as fans type them (the real CLI on the shipped catalogue, --json for the
answer), then property tests: any common romanisation of a name's Hangul finds that person.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run

# (question, command, where to look in the JSON, expected)
TITLES = [
    # 2. names however romanised: a title's Korean name typed in Latin letters, other spellings
    ("romanised title", ["show", "jigeum uri hakgyo"], "slug", "all-of-us-are-dead"),
    ("romanised, other spelling", ["show", "jigum uri hakkyo"], "slug", "all-of-us-are-dead"),
    ("romanised Squid Game", ["show", "ojingeo geim"], "slug", "squid-game"),
    # 3. Korean typed as Korean
    ("Hangul with spaces", ["show", "지금 우리 학교는"], "slug", "all-of-us-are-dead"),
    ("Hangul without spaces", ["show", "지금우리학교는"], "slug", "all-of-us-are-dead"),
    ("Hangul initials", ["show", "ㅈㄱㅇㄹㅎㄱㄴ"], "slug", "all-of-us-are-dead"),
    ("Hangul initials, spaced", ["show", "ㅇㅈㅇ ㄱㅇ"], "slug", "squid-game"),
    ("no spaces in English", ["show", "squidgame"], "slug", "squid-game"),
    # 4. abbreviations and nicknames fans use (aliases cited to the press)
    ("Korean abbreviation", ["show", "지우학"], "slug", "all-of-us-are-dead"),
    ("Korean abbreviation 오겜", ["show", "오겜"], "slug", "squid-game"),
    ("Korean abbreviation 응팔", ["show", "응팔"], "slug", "reply-1988"),
    ("Korean abbreviation 선업튀", ["show", "선업튀"], "slug", "lovely-runner"),
    ("English abbreviation", ["show", "CLOY"], "slug", "crash-landing-on-you"),
    ("the heroine's name", ["show", "우영우"], "slug", "extraordinary-attorney-woo"),
]

PEOPLE = [
    ("family name Yi", ["person", "Yi Jung-jae"], "lee-jung-jae"),
    ("family name Rhee, no hyphen", ["person", "Rhee Jungjae"], "lee-jung-jae"),
    ("given name first", ["person", "Jung-jae Lee"], "lee-jung-jae"),
    ("given name first, Song", ["person", "Hye-kyo Song"], "song-hye-kyo"),
    ("given name first, no hyphen", ["person", "Hyekyo Song"], "song-hye-kyo"),
    ("Bak for Park, hu for hoo", ["person", "Bak Jihu"], "park-ji-hu"),
    ("Chung for Jung", ["person", "Chung Hoyeon"], "jung-ho-yeon"),
    ("Sohn for Son", ["person", "Sohn Ye-jin"], "son-ye-jin"),
    ("Hyeon for Hyun", ["person", "Hyeon Bin"], "hyun-bin"),
    ("Yim for Im", ["person", "Im Si-wan"], "yim-si-wan"),
    ("Choe for Choi", ["person", "Choe Woo-sik"], "choi-woo-shik"),
    ("Hangul name", ["person", "송혜교"], "song-hye-kyo"),
    ("Jung-jae is not Jong-jae", ["person", "Lee Jeong-jae"], "lee-jung-jae"),
]


@pytest.mark.parametrize(
    ("question", "command", "key", "expected"), TITLES, ids=[t[0] for t in TITLES]
)
def test_a_title_is_found_however_it_is_typed(
    run_shipped: Run, question: str, command: list[str], key: str, expected: str
) -> None:
    result = run_shipped(*command, "--json")
    assert result.exit_code == 0, (question, result.output)
    assert json.loads(result.stdout)[key] == expected


@pytest.mark.parametrize(("question", "command", "expected"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_a_person_is_found_however_the_name_is_spelt(
    run_shipped: Run, question: str, command: list[str], expected: str
) -> None:
    result = run_shipped(*command, "--json")
    assert result.exit_code == 0, (question, result.output)
    assert json.loads(result.stdout)["id"] == expected


SEASONS = [
    (["show", "squid game 2"], 2),
    (["show", "squid game season 3"], 3),
    (["show", "Squid Game S2"], 2),
    (["show", "오징어 게임 2"], 2),
    (["show", "오징어 게임 시즌2"], 2),
    (["show", "kingdom season 2"], 2),
]


@pytest.mark.parametrize(("command", "season"), SEASONS, ids=[" ".join(c) for c, _ in SEASONS])
def test_a_title_with_a_season_opens_that_season(
    run_shipped: Run, command: list[str], season: int
) -> None:
    page = run_shipped(*command)
    assert page.exit_code == 0, page.output
    assert f"Season {season}\n" in page.output
    data = json.loads(run_shipped(*command, "--json").stdout)
    assert [s["number"] for s in data["seasons"]] == [season]


def test_a_season_that_does_not_exist_says_which_do(run_shipped: Run) -> None:
    result = run_shipped("show", "squid game 9")
    assert result.exit_code == 2
    assert "Squid Game has no season 9 (seasons: 1, 2, 3)" in result.stderr


def test_a_title_ending_in_a_number_is_not_a_season(run_shipped: Run) -> None:
    data = json.loads(run_shipped("show", "Reply 1988", "--json").stdout)
    assert data["slug"] == "reply-1988" and len(data["seasons"]) == 1


# --- property: every common romanisation of a name's Hangul finds that person ---------------

# Spellings fans and the press use for each part of a syllable (first consonant, vowel, last
# consonant), by Unicode's order. ㅇ as a first consonant is silent.
# fmt: off
_FIRST = (("g", "k"), ("kk", "gg"), ("n",), ("d", "t"), ("tt",), ("r", "l"), ("m",), ("b", "p"),
          ("pp",), ("s",), ("ss",), ("",), ("j", "ch"), ("jj",), ("ch",), ("k",), ("t",), ("p",),
          ("h",))
_VOWEL = (("a",), ("ae", "e"), ("ya",), ("yae", "ye"), ("eo", "u"), ("e",), ("yeo", "yu"),
          ("ye",), ("o",), ("wa",), ("wae", "we"), ("oe", "oi"), ("yo",), ("u", "oo"), ("wo",),
          ("we",), ("wi",), ("yu", "yoo"), ("eu", "u"), ("ui", "eui"), ("i", "ee"))
_LAST = (("",), ("k", "g"), ("kk",), ("k",), ("n",), ("n",), ("n",), ("t", "d"), ("l",), ("k",),
         ("m",), ("l",), ("l",), ("l",), ("p",), ("l",), ("m",), ("p", "b"), ("p",), ("t",),
         ("t",), ("ng",), ("t",), ("t",), ("k",), ("t",), ("p",), ("t",))
# fmt: on
_FAMILY = {
    "이": ("Lee", "Yi", "Rhee"),
    "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe"),
    "노": ("Roh", "Noh"),
    "임": ("Lim", "Im", "Yim"),
    "오": ("Oh", "O"),
    "안": ("Ahn", "An"),
    "손": ("Son", "Sohn"),
    "정": ("Jung", "Jeong", "Chung"),
}  # fmt: skip


def _spellings(syllable: str) -> list[str]:
    index = ord(syllable) - 0xAC00
    first, rest = divmod(index, 21 * 28)
    vowel, last = divmod(rest, 28)
    return [
        f + v + c
        for f in _FIRST[first]
        for v in (("woo", "u") if first == 11 and vowel == 13 else _VOWEL[vowel])
        for c in _LAST[last]
    ]


@st.composite
def _romanised(draw: st.DrawFn, hangul: str) -> str:
    family, *given = hangul
    surname = draw(st.sampled_from(_FAMILY.get(family, [s.title() for s in _spellings(family)])))
    parts = [draw(st.sampled_from(_spellings(s))) for s in given]
    joiner = draw(st.sampled_from(["-", "", " "]))
    first_name = joiner.join(parts)
    first_name = first_name[:1].upper() + first_name[1:]
    if draw(st.booleans()):
        return f"{surname} {first_name}"
    return f"{first_name} {surname}"  # given name first


@pytest.fixture(scope="module")
def shipped() -> object:
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.locations import packaged_dataset

    return load_dataset([packaged_dataset()])


def _people_to_try(dataset: object) -> list[tuple[str, str]]:
    """(person id, Hangul) of people with a three-syllable Hangul name that no one else's name
    sounds like (by the finer key): a generated spelling then has one right answer."""
    from kdrama_cli.catalogue.sounds import sound_key

    people = dataset.people.values()  # type: ignore[attr-defined]
    owners: dict[str, set[str]] = {}
    for person in people:
        for name in (person.hangul, person.name, *person.aliases):
            if name:
                owners.setdefault(sound_key(name, fine=True), set()).add(person.id)
    return sorted(
        (p.id, p.hangul)
        for p in people
        if p.hangul
        and len(p.hangul) == 3
        and all("가" <= ch <= "힣" for ch in p.hangul)
        and owners.get(sound_key(p.hangul, fine=True)) == {p.id}
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_common_romanisation_of_a_hangul_name_finds_the_person(
    shipped: object, data: st.DataObject
) -> None:
    from hypothesis import assume

    from kdrama_cli.answers.titles import Ambiguous, LookupError_, find_person
    from kdrama_cli.catalogue.names import lookup_of, normalize

    person_id, hangul = data.draw(st.sampled_from(_people_to_try(shipped)))
    typed = data.draw(_romanised(hangul))
    # A spelling that is also (part of) another person's written name is that person's first.
    others = {r.target for r in lookup_of(shipped).containing("person", normalize(typed))}  # type: ignore[arg-type]
    assume(others <= {person_id})
    try:
        found = find_person(shipped, typed)  # type: ignore[arg-type]
    except Ambiguous as error:
        # Given name first and family name first can both be someone: then both are offered.
        assert person_id in [identity for identity, _ in error.candidates], (typed, hangul)
        return
    except LookupError_ as error:
        pytest.fail(f"{typed!r} ({hangul}) found nothing: {error}")
    assert found.id == person_id, (typed, hangul)

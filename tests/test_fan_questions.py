"""Issue 14: a fan's question finds its answer the first time, however it is typed.

A table of questions as fans type them (the real CLI on the shipped catalogue, --json for the
answer), then property tests: any common romanisation of a name's Hangul finds that person.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI, AddData, Run, as_json, json_error, kdrama_on
from tests.made_up import META, TEST_CHART, film, people

# (question, command, where to look in the JSON, expected)
TITLES = [
    # 2. names however romanised: a title's Korean name typed in Latin letters, other spellings
    ("romanised title", ["show", "jigeum uri hakgyo"], "slug", "all-of-us-are-dead"),
    ("romanised, other spelling", ["show", "jigum uri hakkyo"], "slug", "all-of-us-are-dead"),
    ("romanised Squid Game", ["show", "ojingeo geim"], "slug", "squid-game"),
    # McCune–Reischauer's breves: ŏ is eo (the letter was dropped: 'Ojingŏ' folded as 'Ojing')
    ("McCune–Reischauer ŏ", ["show", "Ojingŏ Geim"], "slug", "squid-game"),
    ("McCune–Reischauer, capitals", ["show", "OJINGŎ GEIM"], "slug", "squid-game"),
    ("MR breve as a combining mark", ["show", "Ojingo\u0306 Geim"], "slug", "squid-game"),
    # 3. Korean typed as Korean
    ("Hangul with spaces", ["show", "지금 우리 학교는"], "slug", "all-of-us-are-dead"),
    ("Hangul without spaces", ["show", "지금우리학교는"], "slug", "all-of-us-are-dead"),
    ("Hangul initials", ["show", "ㅈㄱㅇㄹㅎㄱㄴ"], "slug", "all-of-us-are-dead"),
    ("Hangul initials, spaced", ["show", "ㅇㅈㅇ ㄱㅇ"], "slug", "squid-game"),
    # initials as conjoining jamo (U+110B ...), as some keyboards and pasted text give them
    ("conjoining-jamo initials", ["show", "\u110b\u110c\u110b\u1100\u110b"], "slug", "squid-game"),
    (
        "conjoining-jamo initials, spaced",
        ["show", "\u110b\u110c\u110b \u1100\u110b"],
        "slug",
        "squid-game",
    ),
    ("no spaces in English", ["show", "squidgame"], "slug", "squid-game"),
    ("a possessive left out", ["show", "single inferno"], "slug", "singles-inferno"),
    ("Dr. spelt out", ["show", "doctor romantic"], "slug", "dr-romantic"),
    (
        "a subtitle's The left out",
        ["show", "asura city of madness"],
        "slug",
        "asura-the-city-of-madness",
    ),
    ("Mr. spelt out", ["show", "mister queen"], "slug", "mr-queen"),
    (
        "accents and a possessive left out",
        ["show", "paik les miserables"],
        "slug",
        "paik-s-les-miserables",
    ),
    (
        "a curly possessive left out",
        ["show", "kian bizarre b&b"],
        "slug",
        "kians-bizarre-b-and-b",
    ),
    # 4. abbreviations and nicknames fans use (aliases cited to the press)
    ("Korean abbreviation", ["show", "지우학"], "slug", "all-of-us-are-dead"),
    ("Korean abbreviation 오겜", ["show", "오겜"], "slug", "squid-game"),
    ("Korean abbreviation 응팔", ["show", "응팔"], "slug", "reply-1988"),
    ("Korean abbreviation 선업튀", ["show", "선업튀"], "slug", "lovely-runner"),
    ("English abbreviation", ["show", "CLOY"], "slug", "crash-landing-on-you"),
    # a Korean title's Latin letters as Korean press writes them in Hangul
    ("SKY in Hangul", ["show", "스카이캐슬"], "slug", "sky-castle"),
    ("SKY in Hangul, spaced", ["show", "스카이 캐슬"], "slug", "sky-castle"),
    ("Mr. in Hangul", ["show", "미스터 플랑크톤"], "slug", "mr-plankton"),
    ("D.P. in Hangul", ["show", "디피"], "slug", "dp"),
    # a legal name the press gives (본명)
    ("Suga's legal name", ["person", "민윤기"], "id", "suga"),
    ("Cha Eun-woo's legal name", ["person", "이동민"], "id", "cha-eun-woo"),
    ("the heroine's name", ["show", "우영우"], "slug", "extraordinary-attorney-woo"),
    # the webtoon or novel a drama adapts, named in full, opens the drama (not a title that
    # merely contains the name: "Face" is the graphic novel The Ugly adapts, not The Face Reader)
    ("webtoon's English title", ["show", "Get Schooled"], "slug", "teach-you-a-lesson"),
    ("webtoon's Korean title", ["show", "머니게임"], "slug", "the-8-show"),
    ("novel's English title", ["show", "I Met Loh Kiwan"], "slug", "my-name-is-loh-kiwan"),
    ("a source's name over part of a title", ["show", "Face"], "slug", "the-ugly"),
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
    # McCune–Reischauer's breves, ŏ as eo and ŭ as eu: 'Chŏng' folded as 'Chng' and missed
    ("McCune–Reischauer ŏ", ["person", "Yi Chŏng-jae"], "lee-jung-jae"),
    ("MR ŏ twice", ["person", "Chŏng Ho-yŏn"], "jung-ho-yeon"),
    ("MR breve as a combining mark", ["person", "Cho\u0306ng Ho-yo\u0306n"], "jung-ho-yeon"),
    # without the breve, o is ㅗ, as before: Yi Chong-jae is 이종재
    ("MR without its breve", ["person", "Yi Chong-jae"], "lee-jong-jae"),
    ("MR without breves", ["person", "Chong Ho-yon"], "jung-ho-yeon"),
    # written family name last, as English-language credits give them: as close as the name
    # in order, not a choice with the sound-alike director Lee Byeong-heon
    ("family name last, not a sound-alike", ["person", "Byung-hun Lee"], "lee-byung-hun"),
    # nor the start of another's name (Hyun Woo-seok)
    ("family name last, not part of a name", ["person", "Hyun-woo Seo"], "seo-hyun-woo"),
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


def test_two_names_typed_together_are_not_a_third_that_folds_alike(run_shipped: Run) -> None:
    """'park gong yoo' and 박은교 (Park Eun-kyo) have one sound key (pak-on-kyo), one syllable's
    closing consonant read as the next one's opening: the person page did not open him, and
    path took the two ends for one name."""
    result = run_shipped("person", "park gong yoo")
    assert result.exit_code == 2
    assert "no person matches 'park gong yoo'" in result.stderr
    path = " ".join(run_shipped("path", "park", "gong yoo").stderr.split())
    assert "is one name" not in path and "'park' matches" in path


#: A typo of one title's English name that folds, by the rules for romanised Korean (g/k, r/l,
#: d/t, doubled letters), into another title's name: it must never open that other title.
TYPOS_OF_ANOTHER_TITLE = [
    ("glroy", "crash-landing-on-you", "The Glory"),  # CLOY's sound key before
    ("gloy", "crash-landing-on-you", "Crash Landing on You"),
    ("the truk", "the-drug-king", "The Trunk"),
    ("aive", "eve", "#Alive"),
    # one slip from a whole English name, and the sound of another title's Korean name: the
    # typo is the likelier (a whole English name is never matched by its sound)
    ("heero", "healer", "Hero"),  # 힐러
    ("buring", "bts-bring-the-soul-the-movie", "Burning"),
    ("the bors", "the-devils-plan", "The Bros"),
    ("my namee", "you-are-beautiful", "My Name"),  # 미남이시네요 begins so
    ("compop", "partners-for-justice", "Comopop"),
    ("ong pal", "reply-1988", "Yong Pal"),
]


@pytest.mark.parametrize(
    ("typed", "not_this", "suggested"),
    TYPOS_OF_ANOTHER_TITLE,
    ids=[t[0] for t in TYPOS_OF_ANOTHER_TITLE],
)
def test_a_typo_of_an_english_title_does_not_open_the_title_it_sounds_like(
    run_shipped: Run, tmp_path: Path, typed: str, not_this: str, suggested: str | None
) -> None:
    """Sound keys are for Korean names typed another way, never a title's English names, so
    'the truk' is "no title matches" with The Trunk offered, not The Drug King's page, and
    `seen add` writes nothing."""
    result = run_shipped("show", typed)
    assert result.exit_code == 2, result.output
    assert "no title matches" in result.stderr
    if suggested is not None:
        assert suggested in result.stderr
    seen = tmp_path / "seen.toml"
    added = run_shipped("seen", "add", typed, env={"KDRAMA_SEEN": str(seen)})
    assert added.exit_code == 2, added.output
    assert not seen.exists() or not_this not in seen.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "typed", "key", "expected"),
    [
        ("show", "squid game's", "slug", "squid-game"),
        ("show", "Squid Game’s", "slug", "squid-game"),
        ("show", "SQUID GAME'S", "slug", "squid-game"),
        ("show", "squid-game's", "slug", "squid-game"),
        ("show", "the glory's", "slug", "the-glory"),
        ("cast", "squid game's", "slug", "squid-game"),
        ("person", "Lee jung-jae's", "id", "lee-jung-jae"),
        ("person", "Lee Jung-jae’s", "id", "lee-jung-jae"),
        ("person", "IU's", "id", "iu"),
    ],
)
def test_a_possessive_after_a_whole_name_is_that_name(
    run_shipped: Run, command: str, typed: str, key: str, expected: str
) -> None:
    """A fan asks about a title's or a person's things: "squid game's" missed, offering Squid
    Game: Making Season 2 first. The name before the 's is taken when it is a whole name."""
    page = as_json(run_shipped(command, typed, "--json"))
    rows = page if isinstance(page, list) else [page]  # cast lists one row per credit
    assert {row[key] for row in rows} == {expected}


def test_a_possessive_after_part_of_a_name_is_still_a_miss(run_shipped: Run) -> None:
    """Only a whole name is taken: the 's never turns part of a name into a guess, and a name
    that is only its words ('single inferno') is found as before."""
    error = json_error(run_shipped("show", "squid's", "--json"))
    assert error["kind"] in ("not_found", "ambiguous")
    assert as_json(run_shipped("show", "single inferno", "--json"))["slug"] == "singles-inferno"
    assert as_json(run_shipped("show", "squid game", "--json"))["slug"] == "squid-game"
    assert as_json(run_shipped("person", "Lee Jung-jae", "--json"))["id"] == "lee-jung-jae"


@pytest.mark.parametrize("typed", ["squidd game", "sqid game", "sqid gam", "Squidd Game 2"])
def test_a_typo_of_a_whole_name_never_opens_a_title_that_begins_so(
    run_shipped: Run, typed: str
) -> None:
    """'squidd game' sounds like the start of Squid Game: The Challenge (a title with no Hangul
    name keeps its English one in the sound tables) and like the whole of Squid Game: it
    opened the Challenge, and 'Squidd Game 2' the Challenge's season 2. A typo of a whole name
    is likelier than one of another name's start, so it is "Did you mean", Squid Game first,
    in every command that finds a title."""
    error = json_error(run_shipped("show", typed, "--json"))
    assert error["code"] == 2 and error["kind"] == "not_found"
    assert error["suggestions"][0] == "squid-game"
    for command in (["trivia", "--show", typed], ["similar", typed], ["chart", typed]):
        other = run_shipped(*command)
        assert other.exit_code == 2, (command, other.output)
        assert "Did you mean Squid Game" in " ".join(other.stderr.split())
    search = run_shipped("search", typed, "--json")
    assert "squid-game-the-challenge" not in search.stdout


@pytest.mark.parametrize(
    ("typed", "slug", "season"),
    [
        ("squid game", "squid-game", None),
        ("Squid Game 2", "squid-game", 2),
        ("squid game the challenge", "squid-game-the-challenge", None),
        ("squid game the challenge 2", "squid-game-the-challenge", 2),
        ("jigum uri hakkyo", "all-of-us-are-dead", None),  # the start of a title by sound
    ],
)
def test_the_names_a_sound_alike_start_was_refused_for_still_open(
    run_shipped: Run, typed: str, slug: str, season: int | None
) -> None:
    result = run_shipped("show", typed, "--json")
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["slug"] == slug
    if season is not None:
        assert [s["number"] for s in page["seasons"]] == [season]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("kingdum", "kingdom"),
        ("muving", "moving"),
        ("tokkaebi", "goblin"),
        # 씨 as fans write it, sshi: 'naui ajusshi' missed while 'na ui ajussi' opened it
        ("naui ajusshi", "my-mister"),
        ("ahjusshi", "the-man-from-nowhere"),  # 아저씨, the film's Korean title
    ],
)
def test_a_korean_title_typed_another_way_still_opens_by_its_sound(
    run_shipped: Run, typed: str, slug: str
) -> None:
    result = run_shipped("show", typed, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["slug"] == slug


@pytest.mark.parametrize(
    ("typed", "title"),
    [("the glori", "The Glory"), ("crash landing on yu", "Crash Landing on You")],
)
def test_a_typo_of_an_english_title_is_offered_not_opened(
    run_shipped: Run, typed: str, title: str
) -> None:
    """English names match as typed; a typo of one is offered under "Did you mean"."""
    result = run_shipped("show", typed)
    assert result.exit_code == 2
    assert f"Did you mean {title}" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("name", "people"),
    [
        ("정지훈", {"rain", "jung-ji-hoon-child-actor"}),
        ("Kim Taehyung", {"v", "kim-tae-hyung"}),
        ("김진영", {"dex", "kim-jin-young"}),
    ],
)
def test_a_legal_name_another_person_goes_by_lists_both(
    run_shipped: Run, name: str, people: set[str]
) -> None:
    """정지훈 opened the child actor of that name, never Rain, whose legal name it is, and Kim
    Taehyung a film director, never BTS's V: a name two people go by lists both."""
    error = json_error(run_shipped("person", name, "--json"))
    assert error["kind"] == "ambiguous" and set(error["suggestions"]) == people


@pytest.mark.parametrize(("question", "command", "expected"), PEOPLE, ids=[p[0] for p in PEOPLE])
def test_a_person_is_found_however_the_name_is_spelt(
    run_shipped: Run, question: str, command: list[str], expected: str
) -> None:
    result = run_shipped(*command, "--json")
    assert result.exit_code == 0, (question, result.output)
    assert json.loads(result.stdout)["id"] == expected


def test_path_takes_a_name_written_family_name_last_as_person_does(run_shipped: Run) -> None:
    """`path "Byung-hun Lee" "Gong Yoo"` was a choice between Lee Byung-hun and the director
    Lee Byeong-heon, whose name sounds alike; the name in order names him alone."""
    result = run_shipped("path", "Byung-hun Lee", "Gong Yoo", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["from"]["id"] == "lee-byung-hun"
    # a whole name by its sound over a title that only begins so: 'Baek Jong-won' is Paik
    # Jong-won, as `person` takes it, not a choice with his show 백종원의 레미제라블
    paik = run_shipped("path", "Baek Jong-won", "Gong Yoo", "--json")
    assert paik.exit_code == 0, paik.output
    assert json.loads(paik.stdout)["from"]["id"] == "paik-jong-won"
    assert as_json(run_shipped("person", "Baek Jong-won", "--json"))["id"] == "paik-jong-won"


def test_a_name_sounding_a_person_whole_is_the_person_in_show_and_search_too(
    run_shipped: Run,
) -> None:
    """path and person took 'Baek Jong-won' as Paik Jong-won, while show opened his show
    백종원의 레미제라블, which the name only begins by sound, and search ranked that show first.
    show now says who the name is and offers the show; search ranks him first."""
    shown = run_shipped("show", "Baek Jong-won")
    assert shown.exit_code == 2
    said = " ".join(shown.stderr.split())
    assert "'Baek Jong-won' is a person: kdrama person paik-jong-won." in said, said
    assert "Did you mean Paik's Les Misérables?" in said
    found = as_json(run_shipped("search", "Baek Jong-won", "--json"))
    assert [r["target"] for r in found[:2]] == ["paik-jong-won", "paik-s-les-miserables"]
    # the whole title by its sound still opens it
    whole = run_shipped("show", "baekjongwonui remijerabeul", "--json")
    assert as_json(whole)["slug"] == "paik-s-les-miserables"


def test_namesakes_without_a_note_are_told_apart_by_a_title_never_a_cameos(
    run: Run, add_data: AddData
) -> None:
    """`person 이준` listed "lee-joon (Lee Joon)" beside the chef's note: a person with no
    note is told apart by a title they are credited in, the latest first; a title whose only
    tie to them is a surprise cameo (a flagged special appearance) is never the one named."""
    named = (("dal-one", "Kim Dal"), ("dal-two", "Gim Dal"), ("dal-three", "Kim Tal"))
    layer = add_data(
        "".join(f'\n[[people]]\nid = "{i}"\nname = "{n}"\nhangul = "김달"\n' for i, n in named)
        + film("dal-film", ("dal-one", "Dal"))
        + film("cameo-film", ("dal-two", "Himself")).replace(
            'role = "main"\n', 'role = "special"\nspoiler = true\n'
        )
        + film("other-film", ("dal-three", "Tal"))
        + film("more-film", ("dal-three", "Tal again")).replace("2020-01-01", "2021-01-01")
    )
    said = " ".join(run(*layer, "person", "김달").stderr.split())
    assert "dal-one (Kim Dal, in Dal Film)" in said, said
    assert "dal-three (Kim Tal, in More Film and 1 more title)" in said, said
    assert "dal-two (Gim Dal)" in said and "Cameo Film" not in said, said


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["index", "files"])
def test_an_id_typed_in_any_case_is_that_id(run_shipped: Run, cache: list[str]) -> None:
    """`show confession` opened 자백 (two films are called Confession), and `show Confession`
    said it matches 2 titles; `person jisoo` opened BLACKPINK's Jisoo, and `Jisoo` listed her
    with the actor Ji Soo. Ids are lower-case: one typed in any case is that id."""
    for typed in ("confession", "Confession", "CONFESSION"):
        assert as_json(run_shipped(*cache, "show", typed, "--json"))["slug"] == "confession"
    for typed in ("jisoo", "Jisoo", "JISOO"):
        assert as_json(run_shipped(*cache, "person", typed, "--json"))["id"] == "jisoo"
    ends = as_json(run_shipped(*cache, "path", "JISOO", "Squid-Game", "--json"))
    assert (ends["from"]["id"], ends["to"]["id"]) == ("jisoo", "squid-game"), ends


def test_an_id_that_is_another_entry_s_name_too_says_so(run_shipped: Run) -> None:
    """`show Confession` opens the film confession; the other film called Confession
    (좋은 친구들) was not mentioned, so a fan who meant it never knew it was there. A note on
    stderr names it and the command that opens it; a slug typed as one is not noted."""
    said = run_shipped("show", "Confession", "--json")
    assert as_json(said)["slug"] == "confession"
    assert " ".join(said.stderr.split()) == (
        "kdrama: note: 'Confession' opens Confession (confession, 자백); Confession "
        "(confession-film, 좋은 친구들) is named so too: kdrama show confession-film"
    )
    person = run_shipped("person", "Jisoo")
    assert "Ji Soo (ji-soo, 지수) is named so too: kdrama person ji-soo" in " ".join(
        person.stderr.split()
    )
    assert run_shipped("show", "new-world").stderr == ""
    assert run_shipped("show", "squid game").stderr == ""


def test_path_and_compare_say_the_note_on_an_id_once_each(run_shipped: Run) -> None:
    """`path` finds a person or a title with its own finder and said nothing when `JISOO`
    opened BLACKPINK's Jisoo, though `person JISOO` notes the actor Ji Soo; `compare
    Confession Confession` said the same note twice before its error."""
    ends = run_shipped("path", "JISOO", "Confession")
    said = " ".join(ends.stderr.split())
    assert "'JISOO' opens Jisoo (jisoo, 지수); Ji Soo (ji-soo, 지수) is named so too" in said
    assert "'Confession' opens Confession (confession, 자백)" in said
    twice = run_shipped("compare", "Confession", "Confession")
    assert twice.exit_code == 2
    assert twice.stderr.count("kdrama: note: 'Confession' opens") == 1, twice.stderr
    assert "the same title was given twice" in twice.stderr


SEASONS = [
    (["show", "squid game 2"], 2),
    (["show", "squid game season 3"], 3),
    (["show", "Squid Game S2"], 2),
    (["show", "오징어 게임 2"], 2),
    (["show", "오징어 게임 시즌2"], 2),
    (["show", "kingdom season 2"], 2),
    # a season said in words, one to ten
    (["show", "squid game season two"], 2),
    (["show", "squid game second season"], 2),
    (["show", "Squid Game 3rd Season"], 3),
    # in Roman numerals, as a sequel's poster prints it
    (["show", "kingdom ii"], 2),
    (["show", "Squid Game Season III"], 3),
    # Korean ordinals, as English ones
    (["show", "오징어 게임 두번째 시즌"], 2),
    (["show", "오징어 게임 세 번째 시즌"], 3),
    (["show", "오징어 게임 2번째 시즌"], 2),
    # the last season said so: the latest out
    (["show", "squid game final season"], 3),
    (["show", "Sweet Home the last season"], 3),
    (["show", "오징어 게임 마지막 시즌"], 3),
    # an alias that is a season's own title names that season
    (["show", "weak hero class 2"], 2),
    # a season's own name without a number, in Korean or English, and in Hangul with "Class"
    (["show", "환혼: 빛과 그림자"], 2),
    (["show", "환혼 빛과 그림자"], 2),
    (["show", "Alchemy of Souls: Light and Shadow"], 2),
    (["show", "약한영웅 Class 1"], 1),
    (["show", "약한영웅 class 2"], 2),
    (["show", "Hospital Playlist 2"], 2),
    # part of that alias, with the season's words: the season, not the whole title
    (["show", "Physical 100 season 2"], 2),
    (["show", "Physical: 100 Season 2 – Underground"], 2),
    # part of one season's own name opens that season, as search's command for it does
    (["show", "class 2"], 2),
    # the final season is the last out, by Netflix's files too: Better Late Than Single S2
    (["show", "better late than single final season"], 2),
    # a number in words alone after the title, as a bare figure is
    (["show", "squid game two"], 2),
    (["show", "Squid Game Three"], 3),
    # 'part' shortened, 'vol.', 'chapter', and Korean 부 ('part') after the number
    (["show", "squid game pt 2"], 2),
    (["show", "squid game pt2"], 2),
    (["show", "squid game pt. 3"], 3),
    (["show", "squid game p2"], 2),
    (["show", "squid game vol 2"], 2),
    (["show", "squid game vol.2"], 2),
    (["show", "squid game chapter 2"], 2),
    (["show", "오징어 게임 2부"], 2),
    (["show", "환혼 2부"], 2),
    # the first season as Korean says it, without 번째
    (["show", "오징어게임 첫 시즌"], 1),
    (["show", "오징어 게임 첫번째 시즌"], 1),
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


def test_a_numeral_that_ends_a_name_is_no_season(run_shipped: Run) -> None:
    """Roman numerals are read as seasons only where they cannot be a name's own letter: a bare
    'x' or 'v' is left to the name ('kingdom x' is no fifth or tenth season), and a season the
    title lacks is still the error naming the seasons it has. Words that say a season need a
    title before them."""
    for query in ("kingdom x", "kingdom v"):
        assert f"no title matches '{query}'" in run_shipped("show", query).stderr, query
    # a Korean ordinal is a word of its own: the twelfth (열두번째) is not the second (두번째)
    twelfth = run_shipped("show", "오징어 게임 열두번째 시즌", "--json")
    assert twelfth.exit_code == 2 and "no title matches" in twelfth.stderr
    # 'the final season' names no title: not 'the' (hundreds of titles) with its last season
    bare = run_shipped("show", "the final season")
    assert bare.exit_code == 2 and "no title matches 'the final season'" in bare.stderr
    lacking = run_shipped("show", "squid game iv")
    assert lacking.exit_code == 2
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 4" in lacking.stderr


@pytest.mark.parametrize("query", ["the glory pt 2", "the glory vol. 2", "더 글로리 2부"])
def test_a_part_said_short_is_the_season_it_came_out_in(run_shipped: Run, query: str) -> None:
    """'pt', 'vol.' and '부' say a part as 'part' does: The Glory's part 2 is in its season 1,
    and the page says so."""
    page = run_shipped("show", query)
    assert page.exit_code == 0, page.output
    assert "part 2 of The Glory is in its season 1" in page.stderr
    assert [s["number"] for s in as_json(run_shipped("show", query, "--json"))["seasons"]] == [1]


def test_a_name_ending_in_a_season_word_is_that_name(run_shipped: Run) -> None:
    """Titles whose own names end in what now reads as a season (a number in words, '1부')
    still open, whole: a name is found before a season is read in it. A bare number in words
    after a title is read as a bare figure is: 'the glory two' says where part 2 is."""
    for typed, slug in (
        ("Thirty-Nine", "thirty-nine"),
        ("thirty nine", "thirty-nine"),
        ("The Escape of the Seven", "the-escape-of-the-seven"),
        ("Twenty Five Twenty One", "twenty-five-twenty-one"),
        ("One on One", "one-on-one"),
        ("Don't be the First one", "don-t-be-the-first-one"),
        ("The Five", "the-five"),
        ("외계+인 1부", "alienoid-part-1"),
        ("외계+인 2부", "alienoid-return-to-the-future"),
    ):
        page = as_json(run_shipped("show", typed, "--json"))
        assert page["slug"] == slug, typed
        # every season, as the slug opens it: no season read in the name
        assert page["seasons"] == as_json(run_shipped("show", slug, "--json"))["seasons"], typed
    two = run_shipped("show", "the glory two")
    assert two.exit_code == 2 and "part 2 belongs to season 1" in two.stderr


def test_a_seasons_title_in_netflixs_files_opens_that_season(run_shipped: Run) -> None:
    """A title as Netflix's Top 10 prints it opens its season, as a season's own alias does:
    'Men on a Mission: 2021' (season 3) was "no title matches", though its page lists it."""
    page = run_shipped("show", "Men on a Mission: 2021")
    assert page.exit_code == 0, page.output
    assert "(matched Netflix title: Men on a Mission: 2021)" in page.output
    data = json.loads(run_shipped("show", "Men on a Mission: 2021", "--json").stdout)
    assert data["slug"] == "men-on-a-mission" and [s["number"] for s in data["seasons"]] == [3]


@pytest.mark.parametrize("query", ["season 1", "2021", "men on a mission", "glroy", "ㅈㄱ"])
def test_search_by_the_index_lists_what_search_in_memory_does(run_shipped: Run, query: str) -> None:
    """The index's SQL and the in-memory lookup leave out the same kinds of names (Netflix's
    season titles, sound keys, initials): 'season 1' would otherwise list hundreds of seasons
    through one of them only."""
    run_shipped("search", query, "--json")  # the first run may build the index from the files
    indexed = as_json(run_shipped("search", query, "--json", "--spoilers"))
    in_memory = as_json(run_shipped("--no-cache", "search", query, "--json", "--spoilers"))
    assert indexed == in_memory
    assert len(as_json(run_shipped("search", "season 1", "--json"))) < 50


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["index", "files"])
@pytest.mark.parametrize(
    ("query", "slug", "seasons"),
    [
        ("squid game 2021", "squid-game", [1, 2, 3]),
        ("squid game (2021)", "squid-game", [1, 2, 3]),
        # a later year is the season that came out in it (one with none is a miss: below)
        ("Squid Game, 2024", "squid-game", [2]),
        ("squid game 2025", "squid-game", [3]),
        # a season that aired across New Year is of both years (2025-11-21 to 2026-01-10)
        ("taxi driver 2026", "taxi-driver", [3]),
        ("taxi driver season 3 2026", "taxi-driver", [3]),
        ("오징어 게임 2021", "squid-game", [1, 2, 3]),
        ("squid game season 2 2024", "squid-game", [2]),
        # a bare season number before the year reads as 'season 2' does
        ("squid game 2 2024", "squid-game", [2]),
        ("squid game 2 (2024)", "squid-game", [2]),
        ("오징어 게임 2 2024", "squid-game", [2]),
        ("new world 2013", "new-world", []),  # the film, not the series of the same name
        ("twenty-five twenty-one 2022", "twenty-five-twenty-one", [1]),
        # names that end in numbers of their own are found whole first
        ("reply 1988", "reply-1988", [1]),
        ("Men on a Mission: 2021", "men-on-a-mission", [3]),
        ("physical: 100 2023", "physical-100", [1, 2]),  # its first year: the whole title
    ],
)
def test_a_year_after_a_title_finds_the_title_of_that_year(
    run_shipped: Run, cache: list[str], query: str, slug: str, seasons: list[int]
) -> None:
    """'squid game 2021' and 'squid game (2021)' were "no title matches" with only "Did you
    mean Squid Game": a year after a title finds the title whose years hold it, and tells
    same-named titles apart."""
    data = as_json(run_shipped(*cache, "show", query, "--json"))
    assert (data["slug"], [s["number"] for s in data["seasons"]]) == (slug, seasons)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["index", "files"])
def test_a_year_no_title_of_that_name_is_from_is_a_miss_that_says_so(
    run_shipped: Run, cache: list[str]
) -> None:
    """A year none of the titles of that name is from is a clear miss, naming their years;
    part of a name before a year none of its titles is from is the miss it was."""
    one = run_shipped(*cache, "show", "squid game 1999")
    assert one.exit_code == 2 and one.stdout == ""
    assert " ".join(one.stderr.split()) == (
        "kdrama: error: no title matches 'squid game 1999': the catalogue has Squid Game "
        "(2021–2025), and no title of that name from 1999"
    )
    # A title of that name whose year is unknown may be of that year: the ordinary miss, with
    # the nearest names, among them a name that holds the year itself.
    two = run_shipped(*cache, "show", "new world 2021")
    assert two.exit_code == 2 and "Did you mean New World" in two.stderr
    assert "no title of that name" not in two.stderr
    held = " ".join(run_shipped(*cache, "show", "travelogue earth 2022").stderr.split())
    assert "Travelogue Earth: 2021-2022" in held and "no title of that name" not in held
    for said in ("squid game season 2 2021", "squid game 2 2021"):
        both = run_shipped(*cache, "show", said)
        assert (both.exit_code, both.stdout) == (2, "")
        assert (
            f"'{said}' names season 2 of Squid Game, which came out in 2024, and the year 2021:"
            " give one"
        ) in " ".join(both.stderr.split())
    # a title whose name ends in a number, with a year not its own: that title's miss, not a
    # season of another title ('believer 2' is Believer 2, not season 2 of Believer)
    sequel = run_shipped(*cache, "show", "believer 2 2018")
    assert (sequel.exit_code, sequel.stdout) == (2, "")
    assert " ".join(sequel.stderr.split()) == (
        "kdrama: error: no title matches 'believer 2 2018': the catalogue has Believer 2 (2023),"
        " and no title of that name from 2018"
    )
    short = run_shipped(*cache, "show", "reply 1994")
    assert short.exit_code == 2 and "Did you mean Reply 1988?" in short.stderr
    part = run_shipped(*cache, "show", "glory 2019")
    assert part.exit_code == 2 and "Did you mean The Glory?" in part.stderr


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["index", "files"])
def test_a_year_of_a_titles_run_with_no_season_of_its_own_says_so(
    run_shipped: Run, cache: list[str], tmp_path: Path
) -> None:
    """`seen add "squid game 2023"` marked all three seasons seen, though none came out in
    2023: a later year of a title's run is the season that came out in it, and a year in
    which none did is a miss that names the seasons' years, which writes nothing."""
    said = (
        "kdrama: error: no season of Squid Game came out in 2023, as 'squid game 2023' asks "
        "(the catalogue dates S1 2021, S2 2024, S3 2025): give the year one came out, or a "
        "season"
    )
    seen = tmp_path / "seen.toml"
    for args in (("show", "squid game 2023"), ("seen", "add", "squid game 2023")):
        result = run_shipped(*cache, *args, env={"KDRAMA_SEEN": str(seen)})
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        assert " ".join(result.stderr.split()) == said
    assert not seen.exists()
    data = as_json(run_shipped(*cache, "show", "squid game 2024", "--json"))
    assert [s["number"] for s in data["seasons"]] == [2]
    found = as_json(run_shipped(*cache, "search", "squid game 2023", "--json"))
    assert found[0]["target"] == "squid-game"
    assert "no season came out in 2023" in found[0]["matched"]


def test_a_season_that_does_not_exist_says_which_do(run_shipped: Run) -> None:
    result = run_shipped("show", "squid game 9")
    assert result.exit_code == 2
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9" in result.stderr


def test_an_alias_without_a_season_still_opens_every_season(run_shipped: Run) -> None:
    data = json.loads(run_shipped("show", "Wise Doctor Life", "--json").stdout)
    assert [s["number"] for s in data["seasons"]] == [1, 2]
    page = run_shipped("show", "hospital playlist 2").output
    assert "(matched alias: Hospital Playlist 2)" in page and "\nSeason 2\n" in page


def test_a_film_sequel_called_by_its_working_title_opens_the_sequel(run_shipped: Run) -> None:
    """'Train to Busan 2' is an alias of Peninsula (the press's working title), so the number is
    not read as a season of the film Train to Busan, which has none (ux-review14, SHOULD 4)."""
    result = run_shipped("show", "train to busan 2")
    assert result.exit_code == 0, result.stderr
    assert "Peninsula" in result.output and "(matched alias: Train to Busan 2)" in result.output
    assert "has no seasons" not in result.stderr


PART_NOTE = (
    "kdrama: note: part 2 of The Glory is in its season 1. Released on Netflix in two parts:"
    " Part 1 (8 episodes) on 2022-12-30 and Part 2 (8 episodes) on 2023-03-10."
)


def test_a_part_of_a_season_opens_the_season_it_came_out_in(run_shipped: Run) -> None:
    """The Glory's one season came out in two parts: 'part 2' was refused (exit 2, "not
    season 2") though the catalogue knows it is season 1, as `seen import` reads "The Glory:
    Part 2"; it opens season 1 and says why. Where the parts are the seasons (Alchemy of
    Souls), 'part 2' is season 2."""
    result = run_shipped("show", "the glory part 2", "--json")
    assert result.exit_code == 0, result.stderr
    assert [s["number"] for s in json.loads(result.stdout)["seasons"]] == [1]
    assert result.stderr == PART_NOTE + "\n"
    page = run_shipped("show", "the glory part 2")
    assert page.exit_code == 0 and "The Glory" in page.stdout
    assert "part 2" not in run_shipped("show", "the glory season 2").stderr
    data = json.loads(run_shipped("show", "alchemy of souls part 2", "--json").stdout)
    assert [s["number"] for s in data["seasons"]] == [2]


def test_part_one_says_which_season_holds_it_as_part_two_does(run_shipped: Run) -> None:
    """'the glory part 1' opened season 1 without a word, while 'part 2' said which season holds
    it: both parts now get the note. Alchemy of Souls' parts are its seasons, so its 'part 1'
    opens season 1 with none."""
    result = run_shipped("show", "the glory part 1", "--json")
    assert result.exit_code == 0, result.stderr
    assert [s["number"] for s in json.loads(result.stdout)["seasons"]] == [1]
    assert result.stderr == PART_NOTE.replace("part 2 of", "part 1 of") + "\n"
    for query, season in (
        ("alchemy of souls part 1", 1),
        ("alchemy of souls part ii", 2),
        ("환혼 파트 2", 2),
    ):
        souls = run_shipped("show", query, "--json")
        assert [s["number"] for s in json.loads(souls.stdout)["seasons"]] == [season], query
        assert souls.stderr == "", query


@pytest.mark.parametrize("query", ["the glory part 3", "더 글로리 파트 3"])
def test_a_part_the_title_lacks_names_its_parts_not_a_season(run_shipped: Run, query: str) -> None:
    """'the glory part 3' said "the catalogue has season 1 of The Glory, not season 3", a
    season the user never named: a part asked for names the parts the title came out in. A
    bare number and a title whose parts are its seasons still speak of seasons."""
    result = run_shipped("show", query)
    assert result.exit_code == 2
    assert result.stderr == (
        "kdrama: error: The Glory came out in parts 1 and 2, not in a part 3: "
        "kdrama show the-glory\n"
    )
    bare = run_shipped("show", "the glory 3")
    assert "the catalogue has season 1 of The Glory, not season 3" in bare.stderr
    souls = run_shipped("show", "alchemy of souls part 4")
    assert "seasons 1 and 2 of Alchemy of Souls, not season 4" in souls.stderr
    found = as_json(run_shipped("search", query, "--json"))
    assert found[0]["matched"].endswith("; came out in parts 1 and 2, not in a part 3")


@pytest.mark.parametrize("query", ["더 글로리 파트 2", "더 글로리 파트2", "The Glory 파트 2"])
def test_a_part_said_in_korean_is_a_part(run_shipped: Run, query: str) -> None:
    """'더 글로리 파트 2' was "no title matches" while 'the glory part 2' was understood (and
    `seen import` reads '파트 N'): 파트 is 'part', a half of The Glory's one season, and the
    second season of Alchemy of Souls, whose parts are its seasons."""
    result = run_shipped("show", query, "--json")
    assert result.exit_code == 0, result.stderr
    assert [s["number"] for s in json.loads(result.stdout)["seasons"]] == [1]
    assert result.stderr == PART_NOTE + "\n"
    data = as_json(run_shipped("show", "환혼 파트 2", "--json"))
    assert data["slug"] == "alchemy-of-souls" and [s["number"] for s in data["seasons"]] == [2]


def test_every_command_taking_a_title_takes_a_part_as_its_season(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`seen add`, `cast` and `trivia --show` refused 'the glory part 2' as `show` did, while
    `seen import` marked the same row as season 1."""
    seen = tmp_path / "seen.toml"
    added = run_shipped("seen", "add", "the glory part 2", env={"KDRAMA_SEEN": str(seen)})
    assert added.exit_code == 0 and "Seen: The Glory S1" in added.stderr
    assert PART_NOTE in added.stderr
    assert "the-glory = [1]" in seen.read_text(encoding="utf-8")
    cast = run_shipped("cast", "the", "glory", "part", "2", "--role", "main", "--json")
    assert cast.exit_code == 0 and json.loads(cast.stdout)
    assert run_shipped("trivia", "--show", "the glory part 2").exit_code == 0
    # a command of whole titles says only that it takes the title whole
    whole = run_shipped("similar", "the glory part 2", "--json")
    assert whole.exit_code == 0 and PART_NOTE not in whole.stderr
    assert "similar works on whole titles: 'the glory part 2' is taken as The Glory" in whole.stderr
    both = run_shipped("show", "the glory part 2", "-s", "2")
    assert both.exit_code == 2
    assert "'the glory part 2' names season 1 and --season says 2" in both.stderr


@pytest.mark.parametrize("query", ["the glory 2", "더 글로리 2"])
def test_a_title_released_in_parts_hints_at_its_part_for_a_bare_number(
    run_shipped: Run, query: str
) -> None:
    """'더 글로리 2' is the Korean press's own name for The Glory's part 2: a bare number gets
    the hint 'the glory part 2' gets, not only "not season 2"; a number no part has, none."""
    result = run_shipped("show", query)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "not season 2; part 2 belongs to season 1 (" in message, message
    assert message.endswith("kdrama show the-glory --season 1"), message
    assert "belongs" not in run_shipped("show", "the glory 3").stderr


def test_a_respelled_title_with_a_number_is_the_title_of_that_name(run_shipped: Run) -> None:
    """'deurimhai 2' respells 드림하이 2, Dream High 2: it was read as season 2 of Dream High
    (드림하이), which has none, before the whole name was tried respelled."""
    opened = as_json(run_shipped("show", "deurimhai 2", "--json"))
    assert opened["slug"] == "dream-high-2"
    missing = run_shipped("show", "deurimhai 3")
    assert missing.exit_code == 2
    assert "the catalogue has season 1 of Dream High, not season 3" in missing.stderr


def test_a_title_ending_in_a_number_is_not_a_season(run_shipped: Run) -> None:
    data = json.loads(run_shipped("show", "Reply 1988", "--json").stdout)
    assert data["slug"] == "reply-1988" and len(data["seasons"]) == 1


def test_a_bare_number_after_part_of_a_title_is_the_title_typed_short(run_shipped: Run) -> None:
    """'reply 1' is a fan still typing 'reply 1988', not Reply 1988's season 1; 'reply 88' is
    no season at all. A number after a whole title, or a season said in words, stays one."""
    page = run_shipped("show", "reply 1")
    assert page.exit_code == 0, page.output
    assert "\nSeasons\n" in page.output and "Season 1\n" not in page.output
    assert "--season" not in page.output
    results = as_json(run_shipped("search", "reply 1", "--json"))
    assert results[0]["command"] == "kdrama show reply-1988"
    assert results[0]["matched"] == "title: Reply 1988"
    short = run_shipped("show", "reply 88")
    assert short.exit_code == 2
    assert "season" not in short.stderr and "Did you mean Reply 1988?" in short.stderr
    said = run_shipped("show", "reply season 1")
    assert said.exit_code == 0, said.output
    assert "\nSeason 1\n" in said.output


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("penthouse 9", "The Penthouse: War in Life"),  # a trailing number dropped
        ("kingdom north", "Kingdom: Ashin of the North"),  # words of the title, others between
        ("trade secret detectives", "Detectives: The Trade Secret"),  # in another order
    ],
)
def test_a_miss_suggests_the_title_its_words_name_read_loosely(
    run_shipped: Run, typed: str, meant: str
) -> None:
    """'show glory 2' and 'search glory 2' said no title matches, with no "Did you mean The
    Glory?" ('reply 88' suggested Reply 1988): a bare number after part of a name that is no
    season of the title is not read as one, and no name was near enough by spelling. The
    titles the words name without the number, or as words of one title, are suggested first,
    by show and by search alike ('glory 2' is now read as The Glory's part 2: the test below)."""
    shown = run_shipped("show", *typed.split())
    assert shown.exit_code == 2
    assert f"Did you mean {meant}" in " ".join(shown.stderr.split())
    searched = run_shipped("search", *typed.split(), env={"COLUMNS": "200"})
    if searched.stdout:  # search found it by its own rules: nothing to suggest
        assert meant in searched.stdout
    else:
        assert f"Did you mean {meant}" in " ".join(searched.stderr.split())


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("squid game 1999", "Squid Game"), ("physical 100 2025", "Physical: 100")],
)
def test_a_search_for_a_title_in_a_year_it_is_not_from_suggests_it(
    run_shipped: Run, typed: str, meant: str
) -> None:
    """'search physical 100 2025' said only "try fewer words" where `show` names Physical:
    100 and its years: a search that finds nothing suggests the titles of that name too."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2
    assert f"the catalogue has {meant} (" in " ".join(shown.stderr.split())
    searched = run_shipped("search", typed, env={"COLUMNS": "200"})
    assert searched.stdout == ""
    assert f"Did you mean {meant}?" in " ".join(searched.stderr.split())


def test_a_search_for_titles_of_one_name_in_a_year_tells_them_apart(
    run: Run, add_data: AddData
) -> None:
    """Review 40 #4: two titles of one name and neither from the year typed made search say
    "Did you mean Tide Film or Tide Film?"; it tells them apart as show's error does."""
    layer = add_data(
        film("tide-film", ("seo-minho", "Dal"), title="Tide Film")
        + film("tide-film-2021", ("seo-minho", "Tal"), title="Tide Film").replace(
            "2020-01-01", "2021-01-01"
        )
    )
    shown = " ".join(run(*layer, "show", "tide film 1999").stderr.split())
    assert "Tide Film (tide-film, 2020)" in shown and "Tide Film (tide-film-2021, 2021)" in shown
    searched = " ".join(run(*layer, "search", "tide film 1999").stderr.split())
    assert (
        "Did you mean Tide Film (tide-film, 2020) or Tide Film (tide-film-2021, 2021)?" in searched
    ), searched


def test_a_bare_number_after_part_of_a_name_is_a_season_the_title_has(run_shipped: Run) -> None:
    """'penthouse 2' and 'glory 2' missed: a bare number after part of a name was always the
    name typed short, so fans typing a season of The Penthouse: War in Life by its short name
    got "no title matches". Where the one title the words begin has no figure in its name,
    the number is the season it has ('penthouse 2'), or the part ('glory 2': The Glory's part
    2 came out within season 1, which the error says); a title with a figure in its name is
    still typed short ('reply 1' is Reply 1988, not a season of it)."""
    season = as_json(run_shipped("show", "penthouse 2", "--json"))
    assert season["slug"] == "the-penthouse-war-in-life"
    assert [s["number"] for s in season["seasons"]] == [2]
    part = run_shipped("show", "glory 2")
    assert part.exit_code == 2
    said = " ".join(part.stderr.split())
    assert (
        "the catalogue has season 1 of The Glory, not season 2; part 2 belongs to season 1" in said
    )
    found = as_json(run_shipped("search", "glory 2", "--json"))[0]
    assert found["target"] == "the-glory" and "part 2 belongs to season 1" in found["matched"]
    short = as_json(run_shipped("show", "reply 1", "--json"))
    assert short["slug"] == "reply-1988" and len(short["seasons"]) == 1  # the whole title


def test_a_netflix_record_found_with_an_article_asks_about_the_title_meant(
    run_shipped: Run,
) -> None:
    """'show the goblin' opens the Netflix record of the film The Goblin, while 'show goblin'
    opens Guardian: The Lonely and Great God (alias Goblin): the film's page asks whether
    that title was meant, and how to open it; Guardian's page asks nothing."""
    page = run_shipped("show", "the", "goblin")
    assert page.exit_code == 0, page.output
    said = " ".join(page.stdout.replace("│", " ").split())
    assert "The Goblin" in said
    assert "Looking for Guardian: The Lonely and Great God? kdrama show goblin" in said
    guardian = run_shipped("show", "goblin")
    assert "Guardian: The Lonely and Great God" in guardian.stdout
    assert "Looking for" not in guardian.stdout
    assert "Looking for" not in run_shipped("show", "the glory").stdout


def test_an_article_the_title_lacks_is_read_without_it(run_shipped: Run) -> None:
    """The English press calls Inheritors "The Inheritors"; the name with its article matched
    nothing and was a miss ("Did you mean Inheritors?"). A leading article the catalogue's
    names lack is left out, where the rest names one title whole; the title's own article is
    kept (The Glory), and a name a title holds with its article wins (The Goblin)."""
    for typed in ("The Inheritors", "the inheritors", "An Inheritors", "the inheritors 2013"):
        page = as_json(run_shipped("show", typed, "--json"))
        assert page["slug"] == "inheritors", typed
    assert as_json(run_shipped("cast", "The Inheritors", "--json"))[0]["show"] == "inheritors"
    assert as_json(run_shipped("show", "the glory", "--json"))["slug"] == "the-glory"
    assert as_json(run_shipped("show", "the goblin", "--json"))["slug"] == "the-goblin"
    season = as_json(run_shipped("show", "the squid game 2", "--json"))
    assert season["slug"] == "squid-game" and [s["number"] for s in season["seasons"]] == [2]
    season = run_shipped("show", "the inheritors season 2")
    assert season.exit_code == 2
    assert "the catalogue has season 1 of Inheritors, not season 2" in season.stderr
    year = run_shipped("show", "the inheritors 2020")
    assert year.exit_code == 2 and "no title matches 'the inheritors 2020': the catalogue has " in (
        year.stderr
    )
    miss = run_shipped("show", "the inheritorz")
    assert miss.exit_code == 2 and "no title matches 'the inheritorz'" in miss.stderr


def test_a_bare_season_after_an_article_the_title_lacks_is_read_as_said_in_words(
    run_shipped: Run,
) -> None:
    """'the inheritors 2' was a miss ("Did you mean Inheritors?") while 'the inheritors season
    2' and 'inheritors 2' said Inheritors has one season: the season's pattern read the last
    letter of 'inheritors' as the 's' of 's2', so the words before the number were
    'inheritor', part of a name, which the article's stage (whole names only) does not take.
    An 's' that says a season begins a word of its own."""
    said = "the catalogue has season 1 of Inheritors, not season 2"
    typings = ("the inheritors 2", "the inheritors season 2", "inheritors 2", "the inheritors s2")
    for typed in typings:
        result = run_shipped("show", typed)
        assert result.exit_code == 2 and said in result.stderr, (typed, result.stderr)
        error = json.loads(run_shipped("show", typed, "--json").stderr.splitlines()[-1])["error"]
        assert (error["kind"], error["suggestions"]) == ("not_found", ["inheritors"]), typed
        assert error["message"].startswith(said), typed
    # a season the title has, after an article it lacks, opens it, as without the article
    for typed in ("the alchemy of souls 2", "alchemy of souls 2"):
        page = as_json(run_shipped("show", typed, "--json"))
        assert page["slug"] == "alchemy-of-souls" and [s["number"] for s in page["seasons"]] == [2]
    # the words before the number are the whole name typed: White Nights, not White Night
    nights = run_shipped("show", "white nights 2")
    assert nights.exit_code == 2
    assert "the catalogue has season 1 of White Nights, not season 2" in nights.stderr
    # only a Latin letter before it makes an 's' part of the title's last word: a Hangul
    # title, or a number, just before 's2' is a title and its season, as with a space
    for typed in ("오징어 게임s2", "오징어게임s2", "squid game_s2"):
        page = as_json(run_shipped("show", typed, "--json"))
        assert page["slug"] == "squid-game", typed
        assert [s["number"] for s in page["seasons"]] == [2], typed
    reply = run_shipped("show", "reply 1988s2")
    assert "the catalogue has season 1 of Reply 1988, not season 2" in reply.stderr
    # honest misses stay misses, with the nearest name first
    for typed in ("the inheritorz 2", "the inheritor 2", "inheritor 2"):
        miss = run_shipped("show", typed)
        assert miss.exit_code == 2 and f"no title matches {typed!r}" in miss.stderr, typed
        assert "Did you mean Inheritors" in " ".join(miss.stderr.split()), typed


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

    from kdrama_cli.answers.finding import Ambiguous, LookupError_, find_person
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


# --- 1. characters lead to actors; 6. the catalogue's own words, no hits across words -------


def _search(run_shipped: Run, *query: str) -> list[dict[str, object]]:
    result = run_shipped("search", *query, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_character_says_who_plays_them(run_shipped: Run) -> None:
    first = _search(run_shipped, "Nam-ra")[0]
    assert first["kind"] == "character" and first["target"] == "all-of-us-are-dead"
    assert (first["actor"], first["person"]) == ("Cho Yi-hyun", "cho-yi-hyun")
    assert first["seasons"] == [1, 2]
    page = run_shipped("search", "Nam-ra")
    assert "played by Cho Yi-hyun (S1, S2)" in " ".join(page.output.split())


def test_a_cast_note_finds_the_character_and_the_actor(run_shipped: Run) -> None:
    first = _search(run_shipped, "player 456")[0]
    assert first["matched"] == "cast note: Player 456."
    assert first["actor"] == "Lee Jung-jae"


def test_one_actor_holding_a_character_over_several_credits_gets_all_seasons(
    run_shipped: Run,
) -> None:
    first = _search(run_shipped, "front man")[0]
    assert first["actor"] == "Lee Byung-hun" and first["seasons"] == [1, 2, 3]


@pytest.mark.parametrize(
    ("query", "slug", "matched"),
    [
        ("webtoon", "all-of-us-are-dead", "adapted from a webtoon"),
        ("manhwa", "kingdom", "adapted from a manhwa"),
        ("web novel", "marry-my-husband", "adapted from a web novel"),
        ("novel", "marry-my-husband", "adapted from a web novel"),
        # Where the work came out: fans know a webtoon by its platform.
        ("Naver Webtoon", "all-of-us-are-dead", "adapted from a webtoon on Naver Webtoon"),
        ("kakaopage", "business-proposal", "adapted from a web novel on KakaoPage"),
        # the Korean names list's filters take find the same titles
        ("넷플릭스", "squid-game", "platform: Netflix"),
        ("카카오페이지", "business-proposal", "adapted from a web novel on KakaoPage"),
        ("tvN", "reply-1988", "platform: tvN"),
        ("film", "a-hard-day", "kind: film"),
    ],
)
def test_the_catalogues_own_words_find_titles(
    run_shipped: Run, query: str, slug: str, matched: str
) -> None:
    hits = {r["target"]: r for r in _search(run_shipped, query, "--limit", "2000")}
    assert slug in hits, sorted(hits)[:10]
    assert hits[slug]["matched"] == matched


def test_no_hit_is_made_by_joining_two_words(run_shipped: Run) -> None:
    labels = [r["label"] for r in _search(run_shipped, "manhwa", "--limit", "2000")]
    assert not any("Front Man" in str(label) for label in labels)
    assert not any(r["label"] == "Human" for r in _search(run_shipped, "man", "--limit", "2000"))


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("manhwa", "The Front Man (Hwang In-ho)", False),
        ("front man", "The Front Man (Hwang In-ho)", True),
        ("squidgame", "Squid Game", True),
        ("squid ga", "Squid Game", True),
        ("squidga", "Squid Game", False),
        ("namra", "Choi Nam-ra", True),
        ("영우", "이상한 변호사 우영우", True),
        ("man", "Human", False),
        ("novel", "web-novel", True),
    ],
)
def test_words_match_only_at_word_boundaries(query: str, name: str, expected: bool) -> None:
    from kdrama_cli.catalogue.folding import matches_words

    assert matches_words(query, name) is expected


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("detectives trade secret", "Detectives: The Trade Secret", True),
        ("kingdom north", "Kingdom: Ashin of the North", True),
        ("kingdom nor", "Kingdom: Ashin of the North", True),  # the last word while typing
        ("kingdom no ashin", "Kingdom: Ashin of the North", False),  # only the last is cut
        ("north kingdom", "Kingdom: Ashin of the North", False),  # the name's order
        ("kingdom", "Kingdom: Ashin of the North", False),  # one word: matches_words' part
        ("love cha", "Hometown Cha-Cha-Cha", False),  # 'love' is no word of the name
        ("우리 학교", "지금 우리 학교는", True),
        ("나 의", "나쁜녀석들: 악의 도시", False),  # a word but the last is a whole word
    ],
)
def test_a_title_s_words_match_with_words_left_out_between(
    query: str, name: str, expected: bool
) -> None:
    from kdrama_cli.catalogue.folding import matches_words_skipping

    assert matches_words_skipping(query, name) is expected


def test_search_finds_a_title_typed_without_its_little_words(run_shipped: Run) -> None:
    """'detectives trade secret' found nothing, though `show` suggested that very search for
    it: a fan leaves out 'the', 'of' and what follows a colon. Such a title ranks below one
    the query's words name in a row."""
    results = _search(run_shipped, "detectives trade secret")
    assert [r["target"] for r in results] == [
        "detectives-the-trade-secret",
        "detectives-the-trade-secret-2025",
    ]
    parsed = json.loads(
        run_shipped("--no-cache", "search", "detectives trade secret", "--json").stdout
    )
    assert parsed == results  # the index and the parsed files answer alike
    assert results[0]["matched"] == "title: Detectives: The Trade Secret"
    # show opens it now, without the article that opens its subtitle, where it suggested
    # that very search
    shown = as_json(run_shipped("show", "detectives trade secret", "--json"))
    assert shown["slug"] == "detectives-the-trade-secret"
    ranked = [r["target"] for r in _search(run_shipped, "kingdom north", "--limit", "50")]
    assert ranked[0] == "kingdom-ashin-of-the-north"


def test_a_title_found_with_words_left_out_ranks_below_one_named_in_a_row(
    run_shipped: Run,
) -> None:
    """'the king' names The King: Eternal Monarch in a row and The Drug King with words
    between: the first ranks above; and a title whose synopsis also holds the words is found
    as a title, not through its synopsis ('move heaven' is Move to Heaven's title)."""
    results = _search(run_shipped, "the king", "--limit", "100")
    rank = {r["target"]: (r["rank"], r["score"]) for r in results if r["kind"] == "title"}
    assert rank["the-drug-king"][1] < rank["the-king-eternal-monarch"][1]
    assert rank["the-drug-king"][0] > rank["the-king-eternal-monarch"][0]
    (first, *_) = _search(run_shipped, "move heaven")
    assert (first["kind"], first["target"], first["matched"]) == (
        "title",
        "move-to-heaven",
        "title: Move to Heaven",
    )


# --- 7. ambiguity; 8. misses ----------------------------------------------------------------


def test_an_ambiguous_name_in_a_pipe_lists_the_best_few_and_counts_the_rest(
    run_shipped: Run,
) -> None:
    result = run_shipped("person", "lee")
    assert result.exit_code == 2
    message = result.stderr.strip().splitlines()[-1]
    assert len(message) < 600, message  # not every Lee in the catalogue
    assert "'lee' matches" in message and " more." in message
    listed = message.split("people: ")[1].split(", and ")[0]
    assert len(listed.split("); ")) == 5  # the best five


def test_an_ambiguous_name_says_the_alias_a_candidate_was_found_by(
    run: Run, add_data: AddData
) -> None:
    """'lee' listed "esom (Esom)", which read as a wrong match: she was found by her alias Lee
    Som (ux-review14, COULD 2). One found by a name of its own is listed as before."""
    layer = add_data(
        '[[people]]\nid = "yuna"\nname = "Yuna"\naliases = ["Seo Yu-na"]\n\n'
        '[[shows]]\nslug = "moonlit-lantern"\ntitle = "Moonlit Lantern"\nkind = "film"\n'
        'platform = "Examplenet"\ngenres = ["horror"]\nsynopsis = "A hall."\n'
        'sources = ["test-press"]\nrelease_date = 2020-01-01\n'
    )
    people = run(*layer, "person", "seo").stderr
    assert "yuna (Yuna, also Seo Yu-na)" in people, people
    # found by his alias: his id, though it starts "seo", is no name (walk36-people #1)
    assert "seo-minho (Minho, also Seo Min-ho, in Moonlit Hallway" in people, people
    titles = run(*layer, "show", "lantern").stderr  # Moonlit Hallway's alias, a title
    assert "moonlit-hallway (Moonlit Hallway, also The Lantern Room)" in titles, titles
    assert "moonlit-lantern (Moonlit Lantern)" in titles, titles
    own = run(*layer, "show", "moonlit").stderr
    assert "(Moonlit Hallway)" in own and ", as" not in own, own


def test_and_and_ampersand_find_the_same_title(run: Run, add_data: AddData) -> None:
    """README: names are matched "ignoring case, spacing and punctuation", yet `show sweet and
    sour` missed Sweet & Sour and only suggested it (ux-review14, COULD 14). Both ways round,
    and before a season."""
    film = '[[shows]]\nslug = "{slug}"\ntitle = "{title}"\nkind = "{kind}"\n'
    layer = add_data(
        film.format(slug="salt-pepper", title="Salt & Pepper", kind="film")
        + 'platform = "Examplenet"\ngenres = ["comedy"]\nsynopsis = "A meal."\n'
        'sources = ["test-press"]\nrelease_date = 2020-01-01\n'
        + film.format(slug="bread-butter", title="Bread and Butter", kind="series")
        + 'platform = "Examplenet"\ngenres = ["comedy"]\nsynopsis = "A meal."\n'
        'sources = ["test-press"]\n'
        + "".join(
            f'[[shows.seasons]]\nnumber = {n}\nstatus = "released"\nrelease_date = 202{n}-01-01\n'
            'episodes = 8\nsources = ["test-press"]\n'
            for n in (1, 2)
        )
    )
    for query, slug in (
        ("salt and pepper", "salt-pepper"),
        ("SALT AND PEPPER", "salt-pepper"),
        ("bread & butter", "bread-butter"),
        ("bread&butter", "bread-butter"),
        ("bread＆butter", "bread-butter"),  # the full-width '&' a Korean keyboard gives
        ("salt and pep", "salt-pepper"),  # part of a name, through the '&' spelling
    ):
        found = run(*layer, "show", query, "--json")
        assert found.exit_code == 0, (query, found.stderr)
        assert json.loads(found.stdout)["slug"] == slug
    second = json.loads(run(*layer, "show", "bread & butter 2", "--json").stdout)
    assert second["slug"] == "bread-butter"
    assert [season["number"] for season in second["seasons"]] == [2]


def test_an_ambiguous_title_puts_names_that_start_with_the_query_first(run_shipped: Run) -> None:
    message = run_shipped("show", "love").stderr
    first = message.split("titles: ")[1].split(";")[0]
    assert first.lower().startswith("love")


def test_on_a_terminal_an_ambiguous_name_is_picked_from_a_numbered_list(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    result = run_shipped("show", "love", input="2\n")
    assert result.exit_code == 0, result.output
    listed = [line.split(". ", 1)[1] for line in result.stderr.splitlines() if ". " in line]
    assert len(listed) == 9 and "more: give more of the name" in result.stderr
    second_title = listed[1].rsplit("  (", 1)[0]
    assert result.stdout.splitlines()[1].strip("│ ").startswith(f"{second_title}  ")
    # with --json nothing is asked, at a terminal too: the error lists them for a script
    error = json.loads(run_shipped("show", "love", "--json", input="2\n").stderr)["error"]
    assert error["kind"] == "ambiguous"
    assert error["suggestions"][1] == listed[1].rsplit("(", 1)[1].rstrip(")")
    cancelled = run_shipped("show", "love", input="\n")
    assert (cancelled.exit_code, cancelled.stdout) == (2, "")
    assert cancelled.stderr.endswith("kdrama: cancelled: nothing was chosen\n")


@pytest.mark.parametrize("query", ["오징어겜", "오징어계임"])
def test_a_hangul_miss_is_offered_the_nearest_names(run_shipped: Run, query: str) -> None:
    """'오징어겜' (as fans shorten 오징어 게임) got no "Did you mean": one syllable is three
    letters, and a slip within one was scored as a whole syllable wrong (review 16, C7)."""
    result = run_shipped("similar", query)
    assert result.exit_code == 2
    assert f"no title matches '{query}'. Did you mean Squid Game" in " ".join(result.stderr.split())


def test_a_miss_says_so_suggests_and_says_what_to_try(run_shipped: Run) -> None:
    result = run_shipped("show", "squid gaem")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "no title matches 'squid gaem'. Did you mean Squid Game" in message
    assert "The catalogue has 1," in message and "titles" in message
    assert "kdrama search 'squid gaem'" in message and "--add-data" in message
    person = " ".join(run_shipped("person", "Lee Jung jea").stderr.split())
    assert "Did you mean Lee Jung-jae" in person


def test_a_miss_counts_a_catalogue_of_one_as_one(
    run: Run, write_dataset: Callable[..., Path]
) -> None:
    """A catalogue of one title and one person was said to have '1 titles' and '1 people'."""
    one = write_dataset(
        META + TEST_CHART + people(("kim-one", "Kim One")) + film("lone", ("kim-one", "Hero"))
    )
    said = {}
    for args in (["show", "nope"], ["person", "nope"], ["path", "nope", "kim-one"]):
        result = run("--data", str(one), *args)
        assert result.exit_code == 2, result.output
        said[args[0]] = " ".join(result.stderr.split())
    search = f"{kdrama_on('--data', one)} search nope"
    assert f"The catalogue has 1 title; try `{search}`" in said["show"]
    assert f"The catalogue has 1 person; try `{search}`" in said["person"]
    assert "The catalogue has 1 person and 1 title; try" in said["path"]


def test_a_miss_suggests_names_matched_from_a_word_start(run_shipped: Run) -> None:
    """'kingdon' suggested Warning: Do Not Play: names are compared with their spaces taken
    out, and a match of part of a name was taken from anywhere in one, 'warnINGDONotplay'.
    Part of a name now counts from the start of one of its words (ux review)."""
    result = run_shipped("show", "kingdon")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "no title matches 'kingdon'. Did you mean Kingdom " in message
    assert "Kingdom: Ashin of the North?" in message
    assert "Warning: Do Not Play" not in message


@pytest.mark.parametrize(
    ("command", "typed"), [("show", "--no-pager"), ("person", "-x y"), ("show", "squid gaem")]
)
def test_the_search_a_miss_suggests_runs_as_pasted(
    run_shipped: Run, command: str, typed: str
) -> None:
    """A name that begins with '-' goes after "--" in the hint: `kdrama search --no-pager`
    pasted would be search with an option and no query (a usage error)."""
    import re
    import shlex

    miss = run_shipped(command, "--", typed)
    assert miss.exit_code == 2
    hint = re.search(r"try `kdrama (search [^`]+)`", " ".join(miss.stderr.split()))
    assert hint is not None, miss.stderr
    words = shlex.split(hint.group(1))
    assert words[-1] == typed
    pasted = run_shipped(*words)
    assert pasted.exit_code == 0, pasted.output
    assert "Usage:" not in pasted.output


# --- 9. the command line itself -------------------------------------------------------------


def test_global_options_work_after_the_command_too(run_shipped: Run) -> None:
    after = run_shipped("show", "squid-game", "--no-color", "--no-pager", "--json")
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout)["slug"] == "squid-game"
    missing = run_shipped("show", "squid-game", "--data", "/nonexistent/kdrama.toml")
    assert missing.exit_code == 1 and "/nonexistent/kdrama.toml" in missing.stderr
    literal = run_shipped("search", "--", "--no-pager")  # after --, nothing moves
    assert literal.exit_code == 0 and "--no-pager" in literal.output


def test_a_mistyped_command_gets_did_you_mean(run_shipped: Run) -> None:
    result = run_shipped("shwo", "squid-game")
    assert result.exit_code == 2
    assert "No such command 'shwo'. Did you mean kdrama show squid-game?" in result.stderr


def test_filter_values_can_be_listed_completed_and_corrected(run_shipped: Run) -> None:
    genres = as_json_list(run_shipped("values", "genre", "--json"))
    assert {
        "value": "zombie",
        "titles": genres[[g["value"] for g in genres].index("zombie")]["titles"],
    } in genres
    kinds = {v["value"] for v in as_json_list(run_shipped("values", "adapted-from", "--json"))}
    assert {"webtoon", "novel", "manhwa"} <= kinds
    typo = run_shipped("list", "--genre", "zombi")
    assert typo.exit_code == 2
    assert "no title has the genre 'zombi'. Did you mean zombie?" in " ".join(typo.stderr.split())
    platform = run_shipped("list", "--platform", "Netflx")
    assert platform.exit_code == 2 and "Did you mean Netflix" in platform.stderr
    empty = run_shipped("list", "--genre", "zombie", "--year", "1999")  # known, just no titles
    assert empty.exit_code == 0


def test_filter_values_complete_on_tab(
    shipped_cache: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.shell_completion import ShellComplete

    monkeypatch.setenv("XDG_CACHE_HOME", str(shipped_cache))
    monkeypatch.setenv("KDRAMA_SYNC_INDEX", "1")

    from kdrama_cli.cli import cli

    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    genres = [item.value for item in completer.get_completions(["list", "--genre"], "zom")]
    assert genres == ["zombie"]
    platforms = [item.value for item in completer.get_completions(["list", "--platform"], "tv")]
    assert "tvN" in platforms


def as_json_list(result: object) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return json.loads(result.stdout)  # type: ignore[attr-defined,no-any-return]


def test_a_short_title_with_a_number_is_not_read_as_a_season(run_shipped: Run) -> None:
    result = run_shipped("show", "reply 88")
    assert result.exit_code == 2
    assert "Did you mean Reply 1988?" in " ".join(result.stderr.split())


_FRAGMENTS = [
    "squid",
    "game",
    "reply",
    "88",
    "2",
    "season",
    "오징어",
    "게임",
    "징어",
    "학교",
    "ㅈㄱ",
    "love",
    "kingdom",
    "s3",
    "hakkyo",
    "jigum",
    "the",
    "glory",
    "x",
    "시즌2",
    "lee",
    "park",
    "remarriage",
    "desires",
    "leashes",
    "and",
    "&",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4))
@example(words=["&", "s3"])  # a season after words that fold to nothing: no title, both say
@example(words=["squid game", "1999"])  # a whole name before a year: never a miss
@example(words=["new world", "(2013)"])
@example(words=["reply", "1994"])  # part of a name before a year none of its titles is from
@example(words=["the inheritors", "2"])  # a season after an article the title lacks
@example(words=["white nights", "2"])  # not 'white night' and 's 2'
@example(words=["glory", "2"])  # a bare number after part of a name: a part the title holds
@example(words=["naggers", "2"])  # part of Love Naggers, which has a season 2
# Part of a key fans type short ('jesters game changers'), from a word of it: the finder read
# the name's words and the check the key's, so a part inside a word was found by the one only.
@example(words=["s game"])  # inside "Jesters" of Jesters: (The) Game Changers: a miss, both say
@example(words=["s les miserables"])  # inside a slug's "paik-s", unaccented: a miss
@example(words=["2 wrathful"])  # The Divine Move 2: (The) Wrathful, from a word: found
@example(words=["squidd game"])  # sounds like the start of one title, the whole of another
@example(words=["jigum", "uri hakkyo"])  # the start of a title by sound
@example(words=["squid game's"])  # a possessive after a whole name
@example(words=["lee", "jung-jae's"])
@example(words=["squid game", "two"])  # a number in words alone after a title
@example(words=["glory", "two"])
@example(words=["the glory", "pt 2"])
@example(words=["오징어 게임", "2부"])
@example(words=["오징어게임", "첫 시즌"])
@example(words=["heero"])  # one slip from Hero, and the sound of 힐러 (Healer)
@example(words=["kingdum"])  # one slip from Kingdom, and the sound of its 킹덤
@example(words=["squid games"])  # a plural after one title's whole name
@example(words=["a good boys"])  # a plural, not the article: A Good Boy
@example(words=["new worlds"])  # a plural after the name of two titles: no answer there
@example(words=["squids"])  # a plural after part of a name
@example(words=["kingdoms"])  # not 'kingdom' and the 's' of Dream kingdom Sofy&Ruby: Kingdom
@example(words=["hello jadoos"])  # part of three longer names so: Hello Jadoo
@example(words=["kingdoms", "2"])
@example(words=["kingdoms", "2019"])
@example(words=["kingdoms", "2030"])
@example(words=["오징어", "game"])  # two scripts: offered, never opened
@example(words=["screwballss"])  # a doubled plural: offered, never opened
@example(words=["black knightss"])
@example(words=["squid games", "2021"])  # a plural before a year
@example(words=["squid games", "1999"])  # a year the title lacks: NoSuchYear
@example(words=["sweet homes", "2020"])
@example(words=["squid games", "2"])  # a plural before a season
@example(words=["squid games", "9"])  # a season the title lacks: NoSuchSeason
@example(words=["strangers", "2"])  # names titles as typed: no plural read, a miss
@example(words=["sweet homes", "2"])  # part of Our Sweet Homes, before a season
@example(words=["confessions"])  # a plural after a slug ('confession'), a name of two titles
@example(words=["start-ups", "2"])
@example(words=["squid game", "ss2"])
@example(words=["squid game", "no. 2"])
def test_the_check_of_a_miss_agrees_with_the_lookup(shipped: object, words: list[str]) -> None:
    """would_match (asked of the index's second copy of every key when a lookup finds
    nothing) must say "nothing" exactly when find_show and find_person found nothing, or every
    honest miss would throw the index away."""
    from kdrama_cli.answers.finding import (
        Ambiguous,
        NoSuchSeason,
        NoSuchYear,
        NotFound,
        find_person,
        find_show,
        would_match,
    )
    from kdrama_cli.catalogue.names import KeysLookup, lookup_of

    query = " ".join(words)
    keys = KeysLookup(
        lambda kind: lookup_of(shipped).keys_and_labels(kind)[0],  # type: ignore[attr-defined]
        lookup_of(shipped).spaced_keys,  # type: ignore[attr-defined]
    )  # type: ignore[arg-type]
    for kind, find in (("title", find_show), ("person", find_person)):
        try:
            find(shipped, query)  # type: ignore[arg-type,operator]
        except NotFound:
            assert not would_match(shipped, kind, query, keys), (kind, query)  # type: ignore[arg-type]
        except (Ambiguous, NoSuchSeason, NoSuchYear):
            assert would_match(shipped, kind, query, keys), (kind, query)  # type: ignore[arg-type]
        else:
            assert would_match(shipped, kind, query, keys), (kind, query)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    [
        "remarriage and desires",  # the title has '&'
        "love & leashes",  # the title has 'and'
        "remarriage and desi",  # part of a name, through the '&' spelling
        "remarriage ＆ desires 1",  # the full-width '&', before a season
    ],
)
def test_the_check_of_a_miss_knows_the_and_spellings(shipped: object, query: str) -> None:
    """A lookup finds 'and' for '&' (and back), so the check of a miss must too: were it to say
    "no such name" for these, every such lookup would throw the index away as damaged."""
    from kdrama_cli.answers.finding import find_show, would_match
    from kdrama_cli.catalogue.names import KeysLookup, lookup_of

    find_show(shipped, query)  # type: ignore[arg-type]  # found, or this raises
    keys = KeysLookup(
        lambda kind: lookup_of(shipped).keys_and_labels(kind)[0],  # type: ignore[attr-defined]
        lookup_of(shipped).spaced_keys,  # type: ignore[attr-defined]
    )  # type: ignore[arg-type]
    assert would_match(shipped, "title", query, keys)  # type: ignore[arg-type]


# --- a source work's name: one adaptation opens it, several are a choice, none is a miss -------

LANTERN = MINI.read_text(encoding="utf-8").replace('aliases = ["The Lantern Room"]\n', "", 1)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["index", "files"])
def test_a_source_work_name_leads_to_what_adapts_it(
    run: Run, write_dataset: Callable[[str], Path], cache: list[str]
) -> None:
    assert 'source_work = "the-lantern-room"' in LANTERN and "The Lantern Room" in LANTERN
    one = write_dataset(LANTERN, "one.toml")
    page = run(*cache, "--data", str(one), "show", "등불의 방").output
    assert "Moonlit Hallway" in page and "(matched webtoon Korean title: 등불의 방)" in page

    # Adapted twice (a series and a film): a choice, in a pipe exit 2 naming both.
    film = LANTERN.replace(
        'slug = "night-train"\n', 'slug = "night-train"\nsource_work = "the-lantern-room"\n', 1
    )
    both = run(*cache, "--data", str(write_dataset(film, "two.toml")), "show", "The Lantern Room")
    assert both.exit_code == 2
    # Each by its own title, oldest first (not three times the webtoon's name).
    assert "night-train (Night Train); moonlit-hallway (Moonlit Hallway)" in both.output

    # A short name (no partial stage for two letters) still leads to the adaptation.
    short = LANTERN.replace('korean_title = "등불의 방"', 'korean_title = "등불"', 1)
    found = run(*cache, "--data", str(write_dataset(short, "short.toml")), "show", "등불", "--json")
    assert json.loads(found.stdout)["slug"] == "moonlit-hallway"

    # Adapted by nothing: no page to open, and search does not offer one.
    alone = write_dataset(LANTERN.replace('source_work = "the-lantern-room"\n', "", 1), "none.toml")
    assert run(*cache, "--data", str(alone), "show", "The Lantern Room").exit_code == 2
    assert (
        "the-lantern-room" not in run(*cache, "--data", str(alone), "search", "lantern room").output
    )


def test_a_name_as_written_opens_that_person_and_notes_the_namesake(run_shipped: Run) -> None:
    """Ji Soo and Jisoo fold to one key; 'Ji Soo' as his page writes it opens him (it was a
    'matches 2 people' error), with the note that Jisoo is called so too, as 'jisoo' notes
    him."""
    result = run_shipped("person", "Ji Soo", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "ji-soo"
    said = " ".join(result.stderr.split())
    assert "'Ji Soo' opens Ji Soo (ji-soo, 지수); Jisoo (jisoo, 지수) is named so too" in said
    assert json.loads(run_shipped("person", "jisoo", "--json").stdout)["id"] == "jisoo"
    # his id is his name as written too: typed in any case, it notes the namesake
    for typed in ("ji-soo", "JI-SOO"):
        assert "Jisoo (jisoo, 지수) is named so too" in " ".join(
            run_shipped("person", typed).stderr.split()
        )
    # a hyphen is no difference: typed with spaces, two Kim Jae-wons are still two
    for typed in ("kim jae won", "Kim Jae-won"):
        assert "matches 2 people" in run_shipped("person", typed).stderr


def test_a_person_taken_by_their_id_as_written_notes_the_namesake(
    run: Run, add_data: AddData
) -> None:
    """'ji soo' is the id ji-soo written with a space: find_person takes Kim Ji-soo by it, as
    it takes a name as written, and the note names the Jisoo it was not taken for, as 'Jisoo'
    names him; the id typed as itself ('ji-soo') needs no note."""
    layer = add_data(META + people(("ji-soo", "Kim Ji-soo"), ("jisoo-singer", "Jisoo")))
    taken = run(*layer, "person", "ji soo", "--json")
    assert json.loads(taken.stdout)["id"] == "ji-soo"
    person = f"{kdrama_on('--data', MINI, *layer)} person jisoo-singer"
    assert f"Jisoo (jisoo-singer) is named so too: {person}" in " ".join(taken.stderr.split())
    assert "named so too" not in run(*layer, "person", "ji-soo").stderr


def test_a_namesakes_note_is_cut_at_a_semicolon_outside_its_brackets(run_shipped: Run) -> None:
    said = " ".join(run_shipped("person", "Kim Won-seok").stderr.split())
    assert (
        "(Kim Won-seok, screenwriter (The Queen's Classroom; co-writer of Descendants of " in said
    )


def test_a_namesakes_note_reads_on_from_the_name_after_its_comma(run_shipped: Run) -> None:
    """The `person NAME` ambiguity error read "(Kim Si-eun, Actress known for ...)", a capital
    mid-sentence (walk32 #22): a note's first word is lowered where it is a common word, and a
    name (Korean, Crime Scene, Single's Inferno) keeps its capital."""
    from kdrama_cli.answers.finding import _mid_sentence

    result = run_shipped("person", "kim si-eun")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "kim-si-eun (Kim Si-eun, actress known for the film Next Sohee" in said
    assert "kim-si-eun-samgwang (Kim Si-eun, actress who plays Yuk-jo in Love Alarm" in said
    assert _mid_sentence("Crime Scene player") == "Crime Scene player"
    assert _mid_sentence("Korean-American singer") == "Korean-American singer"
    assert _mid_sentence("Single's Inferno contestant") == "Single's Inferno contestant"
    assert _mid_sentence("TV presenter") == "TV presenter"
    assert _mid_sentence("Producer-director of MBC") == "producer-director of MBC"


@pytest.mark.parametrize("typed", ["다음웹툰", "kakao page", "Daum Webtoon", "네이버 웹툰"])
def test_search_finds_a_source_platform_as_list_does(run_shipped: Run, typed: str) -> None:
    """One rule for both: '다음웹툰' also finds Misaeng's "Daum Webtoon (later Kakao Webtoon)",
    and 'kakao page' is KakaoPage, in search as in list --source-platform."""
    listed = {
        r["slug"]
        for r in json.loads(run_shipped("list", "--source-platform", typed, "--json").stdout)
    }
    found = {
        r["target"]
        for r in _search(run_shipped, typed, "--limit", "2000")
        if r["matched"].startswith("adapted from")
    }
    assert listed and found == listed


def test_a_characters_name_asked_for_as_a_person_or_a_title_names_who_plays_them(
    run_shipped: Run,
) -> None:
    """Fans remember the character: `person "Seong Gi-hun"` offered three sound-alikes though
    the catalogue knows Lee Jung-jae plays him. A character's name (or its Hangul, or a short
    cast note fans call them by) now names who plays them, or the title, with the command."""
    for typed in ("Seong Gi-hun", "성기훈", "Player 456"):
        said = " ".join(run_shipped("person", typed).stderr.split())
        assert said.endswith(
            f"'{typed}' is a character in Squid Game, played by Lee Jung-jae: "
            "kdrama person lee-jung-jae."
        ), said
        assert "Did you mean" not in said
    title = " ".join(run_shipped("show", "Ri Jeong-hyeok").stderr.split())
    assert title.endswith(
        "'Ri Jeong-hyeok' is a character in Crash Landing on You: kdrama show crash-landing-on-you."
    )
    path = run_shipped("path", "Seong Gi-hun", "Gong Yoo")
    assert path.exit_code == 2
    assert "played by Lee Jung-jae: kdrama person lee-jung-jae" in " ".join(path.stderr.split())
    # a surprise cameo's character stays hidden: Hotel Del Luna's last guest is not named
    cameo = " ".join(run_shipped("person", "Owner of Hotel Blue Moon").stderr.split())
    assert "is a character" not in cameo and "kim-soo-hyun" not in cameo
    # nor a note withheld as a spoiler: who won, a hidden identity
    for typed, who in (
        ("winner of season 1", "woo-jin-yong"),
        ("The Front Man is Hwang In-ho.", "lee-byung-hun"),
    ):
        for command in (("person", typed), ("path", typed, "Gong Yoo")):
            said = " ".join(run_shipped(*command).stderr.split())
            assert "is a character" not in said and who not in said, said
    # a part several play names none of them, whose order could say who won
    spoons = " ".join(run_shipped("person", "Black Spoon contestant").stderr.split())
    assert spoons.endswith(
        "'Black Spoon contestant' is a character in Culinary Class Wars, played by 5 people: "
        "kdrama cast culinary-class-wars."
    )


def test_a_name_picked_from_the_list_gets_no_note_that_others_share_it(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Picking one Kim Go-eun from the list of two was followed by "'kim go eun' opens Kim
    Go-eun (kim-go-eun-model); Kim Go-eun (kim-go-eun) is named so too", as though kdrama had
    overridden the pick: the list showed both, so after a pick no such note is said."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    for answer, picked in (("1\n", "kim-go-eun"), ("2\n", "kim-go-eun-model")):
        result = run_shipped("person", "kim go eun", "--csv", input=answer)
        assert result.exit_code == 0, result.output
        assert f"{answer.strip()}. Kim Go-eun" in result.stderr and f"({picked})" in result.stderr
        assert "named so too" not in result.stderr
        rows = result.stdout.splitlines()[1:]
        assert rows and {row.split(",")[0] for row in rows} == {picked}


def test_a_run_together_name_does_not_start_inside_joined_words(run_shipped: Run) -> None:
    """'hoyeon', HoYeon Jung's own spelling of her name, matched Yeon Sang-ho too, through
    'ho' of his alias Sang-ho Yeon run on over the space into 'Yeon', and a script asking for
    her got exit 2. Typed from inside a hyphenated name, a run-together key stays inside it;
    'jae' still finds Lee Jung-jae, and 'squidgame' Squid Game."""
    for typed in ("hoyeon", "ho yeon"):
        found = run_shipped("person", typed, "--json")
        assert found.exit_code == 0, found.stderr
        assert json.loads(found.stdout)["id"] == "jung-ho-yeon"
    listed = run_shipped("search", "hoyeon", "--json")
    assert [r["target"] for r in json.loads(listed.stdout)] == ["jung-ho-yeon"]
    assert json.loads(run_shipped("show", "squidgame", "--json").stdout)["slug"] == "squid-game"
    jae = run_shipped("search", "jung-jae", "--json")
    assert "lee-jung-jae" in [r["target"] for r in json.loads(jae.stdout)]


def test_the_words_that_tell_namesakes_apart_in_an_id_are_no_name(run_shipped: Run) -> None:
    """`person hunt` opened the actress Jeon Hye-jin, whose id jeon-hye-jin-hunt tells her
    from a namesake, and `person director` listed twelve people by their ids' last word
    (walk36-people #1): an id is found whole, never in part, so 'hunt' is the film, and the
    id typed whole still opens her."""
    hunt = run_shipped("person", "hunt")
    assert hunt.exit_code == 2
    said = " ".join(hunt.stderr.split())
    assert "no person matches 'hunt'. 'hunt' is a title: kdrama show hunt" in said
    assert "Jeon Hye-jin" not in said
    director = " ".join(run_shipped("person", "director").stderr.split())
    assert "no person matches 'director'" in director
    assert "kim-hee-won-director" not in director
    assert "matches" not in director.replace("no person matches", "")
    taken = run_shipped("person", "jeon-hye-jin-hunt", "--json")
    assert json.loads(taken.stdout)["id"] == "jeon-hye-jin-hunt"
    spaced = run_shipped("person", "kim si eun samgwang", "--json")
    assert json.loads(spaced.stdout)["id"] == "kim-si-eun-samgwang"
    # a title's slug likewise: 'series' is no list of the titles whose slug ends so
    assert "new-world-series" not in run_shipped("show", "series").stderr


def test_a_namesakes_note_ends_at_its_first_sentence_and_its_article_reads_on(
    run_shipped: Run,
) -> None:
    """'Kim Hee-won' listed "(Kim Hee-won, TV drama director (…, Queen of Tears). Not the…)",
    a sentence cut after two words, and 'Kim Min-jae' "(Kim Min-jae, The actor who was 40
    …)", a capital mid-sentence (walk36-people #4, #5)."""
    from kdrama_cli.answers.finding import _first_clause, _mid_sentence

    said = " ".join(run_shipped("person", "Kim Hee-won").stderr.split())
    assert "Little Women, Queen of Tears)); kim-hee-won (Kim Hee-won, actor (Moving))" in said
    assert "…" not in said
    said = " ".join(run_shipped("person", "Kim Min-jae").stderr.split())
    assert "kim-min-jae (Kim Min-jae, actor (Sergeant Hwang in Peninsula), 40 in 2019)" in said
    assert _mid_sentence("The Glory's writer") == "The Glory's writer"
    assert _first_clause("Star of Dr. Romantic. Not the singer") == "Star of Dr. Romantic"
    assert _first_clause("Actor. not a sentence") == "Actor. not a sentence"
    # an initial, or a word with dots of its own, is an abbreviation too (review36 #6)
    assert _first_clause("Singer at J. Y. Park's agency. Not the actor") == (
        "Singer at J. Y. Park's agency"
    )
    assert _first_clause("Rapper, a.k.a. Zico. Not the chef") == "Rapper, a.k.a. Zico"
    assert _first_clause("Producer at Example Co. Ltd. Seoul") == (
        "Producer at Example Co. Ltd. Seoul"
    )


def test_a_persons_own_entry_cites_what_it_rests_on(run_shipped: Run) -> None:
    """IU's page said "legal name Lee Ji-eun (이지은)" with no source, though her entry cites
    two pages for it, and a director's name rested on nothing the page showed (walk36-people
    #2): the note (or the line above the credits) ends with the numbers of the person's own
    sources, listed after what the credits cite, and --json gives them as `source`."""
    from kdrama_cli.views.titles import refs_cell
    from tests.conftest import flat

    page = run_shipped("person", "IU", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert page.exit_code == 0, page.stderr
    answer = json.loads(run_shipped("person", "IU", "--json").stdout)
    assert "iu-insight-real-name" in answer["source"]
    described = [s["id"] for s in answer["sources"]]
    assert described[-1] == "iu-insight-real-name"
    numbers = refs_cell([described.index(i) + 1 for i in answer["source"]])
    lines = page.stdout.splitlines()
    assert f"Singer and actress; legal name Lee Ji-eun (이지은). {numbers}" in lines
    last = len(described)
    text = flat(page.stdout)
    assert f"[{last - 1}] Edaily, “아이유, '배우 이지은' 사라진 이유 [뒷얘기]”" in text
    assert f"[{last}] Insight, “아이유가 앞으로 '본명 이지은' 안 쓰고 '아이유'만 쓰겠다" in text
    # a person with neither aliases nor a note: on the header, after the Hangul
    header = run_shipped("person", "hwang-dong-hyuk", env={"COLUMNS": "100", "NO_COLOR": "1"})
    first = header.stdout.splitlines()[0]
    assert first.startswith("Hwang Dong-hyuk  황동혁 [") and first.endswith("]")


def test_titles_worked_on_together_are_in_the_order_the_page_lists_them(
    run_shipped: Run,
) -> None:
    """Yoo In-soo's page lists Alchemy of Souls (2022) before The Uncanny Counter (on the
    row of 2023, his season 2), while "Also worked with" named them the other way round, by
    the titles' first years (walk36-people #6)."""
    answer = json.loads(run_shipped("person", "yoo-in-soo", "--json").stdout)
    order = [c["slug"] for c in answer["credits"]]
    assert order.index("alchemy-of-souls") < order.index("the-uncanny-counter")
    (yoo,) = [c for c in answer["also_worked_with"] if c["person"] == "yoo-jun-sang"]
    assert yoo["shows"] == ["alchemy-of-souls", "the-uncanny-counter"]
    page = run_shipped("person", "yoo-in-soo", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Yoo Jun-sang 유준상   Alchemy of Souls, The Uncanny Counter" in page.stdout


def test_a_characters_name_without_its_article_says_who_plays_them(run_shipped: Run) -> None:
    """`person "The Front Man"` says Lee Byung-hun plays him, but `person "Front Man"`, as
    fans call him, was a bare miss (walk36-people #9)."""
    said = " ".join(run_shipped("person", "Front Man").stderr.split())
    assert (
        "no person matches 'Front Man'. 'Front Man' is a character in Squid Game, played by "
        "Lee Byung-hun: kdrama person lee-byung-hun." in said
    )
    said = " ".join(run_shipped("show", "Recruiter").stderr.split())
    assert "'Recruiter' is a character in Squid Game: kdrama show squid-game" in said

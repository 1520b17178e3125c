"""What a fan who types in Korean found missed (audit40, walk-korean): the Revised
Romanization of a title of several words, a year written with 년, the last season said 최종
시즌, the cast asked for with 캐스트, 배우들, 등장인물 or after 의, a person's name with a
courtesy (씨, 님) or 배우 beside it, and the Korean words for a role or a kind (the real CLI on
the shipped catalogue)."""

from __future__ import annotations

import pytest

from tests.conftest import AddData, Run, as_json, flat, json_error
from tests.made_up import META

# --- a romanisation whose words each hold a vowel pair ----------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Seulgiroun Uisa Saenghwal",  # 슬기로운 의사생활 in the Revised Romanization
        "Sŭlgiroun Ŭisa Saenghwal",  # and in McCune–Reischauer's
        "seulgiroun uisa",  # its start
    ],
)
def test_a_romanised_title_of_several_split_words_is_found(run_shipped: Run, typed: str) -> None:
    """'Seulgiroun Uisa Saenghwal' missed with no suggestion, though 'Seulgirowun Uisa
    Saenghwal' was found: 슬기로운's 'roun' is ro-un, and the readings that split it were cut
    off behind those splitting the first word's 'eu' and the later words' pairs."""
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown)["slug"] == "hospital-playlist"
    assert "matched another spelling of the Korean title: 슬기로운 의사생활" in shown.stderr


# --- a year written as Korean writes it --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "seasons"),
    [
        ("오징어 게임 2021년", [1, 2, 3]),  # its first year: the whole title
        ("오징어 게임 2024년", [2]),  # a later year: the season out in it
        ("오징어 게임 (2024년)", [2]),
        ("오징어 게임 2024년작", [2]),
    ],
)
def test_a_year_with_nyeon_after_it_is_read_as_the_year(
    run_shipped: Run, typed: str, seasons: list[int]
) -> None:
    """'오징어 게임 2024년' missed ("Did you mean Squid Game?"), while '오징어 게임 2024' was
    season 2: Korean writes a year with 년 after it."""
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == "squid-game"
    assert [season["number"] for season in page["seasons"]] == seasons


def test_a_year_with_nyeon_none_came_out_in_names_the_seasons_years(run_shipped: Run) -> None:
    error = json_error(run_shipped("show", "오징어 게임 2023년", "--json"))
    assert "no season of Squid Game came out in 2023" in error["message"]


# --- the last season, as the Korean press says it ------------------------------------------


def test_choejong_sijeun_is_the_last_season(run_shipped: Run) -> None:
    """'오징어 게임 최종 시즌' missed; 마지막 시즌 and 파이널 시즌 were the third."""
    for typed in ("오징어 게임 최종 시즌", "오징어 게임 최종시즌"):
        page = as_json(run_shipped("show", typed, "--json"))
        assert [season["number"] for season in page["seasons"]] == [3]


# --- the cast, asked for in Korean -------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["오징어 게임 캐스트", "오징어 게임 배우들", "오징어 게임 등장인물", "오징어 게임의 출연진"],
)
def test_cast_takes_the_korean_words_for_a_cast(run_shipped: Run, typed: str) -> None:
    """`cast "오징어 게임 출연진"` was the cast, while 캐스트, 배우들 (which search knew),
    등장인물 (the characters) and '…의 출연진' missed."""
    result = run_shipped("cast", typed)
    assert result.exit_code == 0, result.output
    assert "Seong Gi-hun" in result.stdout and "이정재" in result.stdout
    assert f"note: '{typed}' is read as '오징어 게임': Squid Game" in flat(result.stderr)


@pytest.mark.parametrize("typed", ["오징어 게임 등장인물", "오징어 게임의 출연진"])
def test_search_points_to_the_cast_for_the_korean_words_too(run_shipped: Run, typed: str) -> None:
    """search offered "Did you mean Squid Game?" for 등장인물 where it names the cast's command
    for 출연진."""
    result = run_shipped("search", typed)
    assert "Squid Game's cast: kdrama cast squid-game" in flat(result.stderr)


@pytest.mark.parametrize(
    ("command", "typed"),
    [
        ("similar", "오징어 게임 배우들"),
        ("similar", "squid game cast"),
        ("chart", "오징어 게임 출연진"),
    ],
)
def test_a_command_other_than_cast_names_the_casts_command(
    run_shipped: Run, command: str, typed: str
) -> None:
    """`show "오징어 게임 출연진"` said only "Did you mean Squid Game?", where search names
    the cast's command: so does every command that takes a title and shows no cast, before the
    nearest names (show, whose page lists the main cast, opens it, naming the cast's command:
    tests/test_question_forms.py)."""
    error = json_error(run_shipped(command, typed, "--json"))
    assert error["kind"] == "not_found" and error["suggestions"] == ["squid-game"]
    assert "Squid Game's cast: kdrama cast squid-game. Did you mean Squid Game?" in error["message"]


# --- a name with a courtesy or 배우 beside it ---------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        ["배우 이정재"],
        ["이정재 배우"],
        ["이정재", "배우"],  # unquoted, as person takes a name of several words
        ["이정재 씨"],
        ["이정재씨"],
        ["이정재님"],
    ],
)
def test_a_name_with_a_courtesy_or_the_word_actor_is_the_person(
    run_shipped: Run, typed: list[str]
) -> None:
    """'배우 이정재' and '이정재 씨' missed ("Did you mean Lee Jung-jae?"), though '황동혁 감독'
    was Hwang Dong-hyuk: Korean names an actor so, and 씨 and 님 are the courtesy a name is
    said with."""
    assert as_json(run_shipped("person", *typed, "--json"))["id"] == "lee-jung-jae"


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("연상호 감독님", "yeon-sang-ho"),  # the crew word with its courtesy
        ("황동혁감독", "hwang-dong-hyuk"),  # typed against the name
        ("김은숙작가", "kim-eun-sook"),
    ],
)
def test_a_crew_word_with_a_courtesy_or_against_the_name_is_read(
    run_shipped: Run, typed: str, who: str
) -> None:
    result = run_shipped("person", typed, "--json")
    assert as_json(result)["id"] == who
    assert f"note: '{typed}' is read as" in flat(result.stderr)


def test_baeu_chooses_the_actor_among_namesakes(run_shipped: Run) -> None:
    """이병헌 is the actor Lee Byung-hun and the director Lee Byeong-heon: with 배우 it is the
    actor, with 감독 the director, bare the list of both."""
    for typed in ("이병헌 배우", "배우 이병헌"):
        assert as_json(run_shipped("person", typed, "--json"))["id"] == "lee-byung-hun"
    assert as_json(run_shipped("person", "이병헌 감독", "--json"))["id"] == "lee-byeong-heon"
    assert json_error(run_shipped("person", "이병헌", "--json"))["kind"] == "ambiguous"


def test_path_takes_a_name_with_a_courtesy(run_shipped: Run) -> None:
    result = run_shipped("path", "배우 이정재", "공유 씨")
    assert result.exit_code == 0, result.output
    assert "Lee Jung-jae → Gong Yoo" in flat(result.stdout)


def test_a_courtesy_beside_a_name_namesakes_share_lists_them(run_shipped: Run) -> None:
    """'김고은 씨' said "no person matches" while '김고은' lists the actress and the model: it
    lists them too, and 배우 there is the actress, the one of them who acts."""
    error = json_error(run_shipped("person", "김고은 씨", "--json"))
    assert error["kind"] == "ambiguous"
    assert {"kim-go-eun", "kim-go-eun-model"} <= set(error["suggestions"])
    assert as_json(run_shipped("person", "배우 김고은", "--json"))["id"] == "kim-go-eun"
    # a singer credited as himself in a concert film does not act: V is not the 배우 김태형
    assert json_error(run_shipped("person", "배우 김태형", "--json"))["kind"] == "ambiguous"


@pytest.mark.parametrize("typed", ["배우", "씨", "감독님", "이정 배우"])
def test_a_courtesy_alone_or_beside_part_of_a_name_is_still_a_miss(
    run_shipped: Run, typed: str
) -> None:
    """Only a whole name is taken once the courtesy is left off: '이정 배우' opens no one."""
    assert json_error(run_shipped("person", typed, "--json"))["kind"] == "not_found"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("배우 이정재", "Lee Jung-jae"),
        ("이정재 씨", "Lee Jung-jae"),
        ("연상호 감독님", "Yeon Sang-ho"),
        ("황동혁감독", "Hwang Dong-hyuk"),
    ],
)
def test_search_reads_a_name_with_a_courtesy_as_person_does(
    run_shipped: Run, typed: str, found: str
) -> None:
    """search said "Nothing in the catalogue matches '배우 이정재'"."""
    results = as_json(run_shipped("search", typed, "--json"))
    assert results and results[0]["label"] == found


def test_a_crew_word_with_its_courtesy_beside_a_title_is_the_crew_word(run_shipped: Run) -> None:
    """'오징어 게임 감독님' (the director, with the courtesy a director is addressed with) was a
    miss where '오징어 게임 감독' names Hwang Dong-hyuk: person opens him, show the title,
    search lists him and cast says who it is."""
    typed = "오징어 게임 감독님"
    person = run_shipped("person", typed, "--json")
    assert as_json(person)["id"] == "hwang-dong-hyuk"
    assert "is read as the director of Squid Game: Hwang Dong-hyuk" in flat(person.stderr)
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == "squid-game"
    assert as_json(run_shipped("search", typed, "--json"))[0]["target"] == "hwang-dong-hyuk"
    cast = run_shipped("cast", typed)
    assert cast.exit_code == 2
    assert "Hwang Dong-hyuk, director of Squid Game" in flat(cast.stderr)


# --- the Korean words for a role or a kind -----------------------------------------------------


@pytest.mark.parametrize(
    ("show", "role", "listed", "left_out"),
    [
        ("킹덤", "주인공", "Ju Ji-hoon", "Kim Sang-ho"),  # the lead, not the supporting cast
        ("솔로지옥", "진행자", "Hong Jin-kyung", "An Jong-hoon"),  # the hosts, not a contestant
        ("솔로지옥", "MC", "Hong Jin-kyung", "An Jong-hoon"),
    ],
)
def test_cast_role_takes_more_korean_words(
    run_shipped: Run, show: str, role: str, listed: str, left_out: str
) -> None:
    result = run_shipped("cast", show, "--role", role)
    assert result.exit_code == 0, result.output
    assert listed in result.stdout and left_out not in result.stdout


def test_list_kind_takes_sirijeu_for_series(run_shipped: Run) -> None:
    rows = as_json(run_shipped("list", "--kind", "시리즈", "--json"))
    assert rows and {row["kind"] for row in rows} == {"series"}


@pytest.mark.parametrize("typed", ["이정재 배우", "배우 이정재", "이정재 씨"])
def test_show_says_a_name_with_a_courtesy_is_a_person(run_shipped: Run, typed: str) -> None:
    """Walk 40 (Korean) left: `show "이정재 배우"` was the plain miss where `show 이정재` says
    who that is; the miss says it for the name with 배우 or a courtesy beside it too."""
    missed = run_shipped("show", typed)
    assert missed.exit_code == 2
    said = " ".join(missed.stderr.split())
    assert f"'{typed}' is a person: kdrama person lee-jung-jae" in said


def test_top_gives_each_titles_korean_name_to_scripts(run_shipped: Run) -> None:
    """Walk 40 (Korean) left: `top --json` and `--csv` named each title in English alone,
    where list, search and show give its Hangul name too."""
    board = as_json(run_shipped("top", "--metric", "weeks", "--json"))
    first = board["entries"][0]
    assert (first["slug"], first["korean_title"]) == ("squid-game", "오징어 게임")
    header, row = run_shipped("top", "--metric", "weeks", "--csv").stdout.splitlines()[:2]
    assert header.startswith("rank,slug,title,korean_title,season,")
    assert row.startswith("1,squid-game,Squid Game,오징어 게임,1,")


@pytest.mark.parametrize("written", ["2기", "시즌 2", "2시즌", "s2", "S02", "season 2"])
def test_season_takes_a_number_written_beside_the_word_for_a_season(
    run_shipped: Run, written: str
) -> None:
    """Walk 40 (Korean) left: `--season 2기` (and English `--season s2`) were refused, though
    the same words typed in a title's name ('오징어 게임 2기', 'squid game s2') are the season."""
    shown = as_json(run_shipped("show", "squid-game", "--season", written, "--json"))
    assert [season["number"] for season in shown["seasons"]] == [2]
    cast = run_shipped("cast", "squid-game", "--season", written, "--json")
    assert cast.exit_code == 0, cast.output


@pytest.mark.parametrize("written", ["s", "sx2", "two", "2기2"])
def test_season_still_refuses_what_is_no_number(run_shipped: Run, written: str) -> None:
    missed = run_shipped("show", "squid-game", "--season", written)
    assert missed.exit_code == 2 and "give a season number, e.g. --season 2" in missed.stderr


@pytest.mark.parametrize(
    ("typed", "slug", "bare"),
    [
        ("영화 부산행", "train-to-busan", "부산행"),
        ("부산행 영화", "train-to-busan", "부산행"),
        ("train to busan movie", "train-to-busan", "train to busan"),
        ("드라마 오징어 게임", "squid-game", "오징어 게임"),
        ("squid game series", "squid-game", "squid game"),
        ("the film parasite", "parasite", "parasite"),
    ],
)
def test_a_word_for_the_titles_kind_beside_it_is_read_as_the_title(
    run_shipped: Run, typed: str, slug: str, bare: str
) -> None:
    """Walk 40 (Korean) left: '영화 부산행' ("the film Train to Busan") and 'squid game series'
    missed ("Did you mean …?"): a word for the kind of title beside a name that is one title's
    whole name, of that kind, is the title, said on stderr as other readings are."""
    shown = run_shipped("show", typed, "--json")
    assert as_json(shown)["slug"] == slug
    assert f"kdrama: note: '{typed}' is read as '{bare}'" in shown.stderr
    assert run_shipped("cast", typed, "--json").exit_code == 0


@pytest.mark.parametrize(("typed", "meant"), [("squid game movie", "Squid Game")])
def test_a_word_for_another_kind_than_the_titles_is_still_a_miss(
    run_shipped: Run, typed: str, meant: str
) -> None:
    missed = run_shipped("show", typed)
    assert missed.exit_code == 2 and f"Did you mean {meant}?" in missed.stderr
    assert "is read as" not in missed.stderr


# --- a Korean particle after a whole name (walk 41, typing) ------------------------------------


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("오징어 게임은", "squid-game"),
        ("킹덤에서", "kingdom"),
        ("대행사가", "agency"),
        ("관상은", "the-face-reader"),
        ("스물다섯 스물하나를", "twenty-five-twenty-one"),
        # the particle read off first: 'Did you mean' named Confession before this title
        ("자백의 대가에서", "the-price-of-confession"),
    ],
)
def test_a_title_with_a_particle_after_its_whole_name_is_that_title(
    run_shipped: Run, typed: str, slug: str
) -> None:
    """'오징어 게임은' was "no title matches … Did you mean Squid Game?": a particle after one
    title's whole name is read off as "squid game's" possessive is."""
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug
    cast = run_shipped("cast", typed)
    assert cast.exit_code == 0, cast.output
    searched = as_json(run_shipped("search", typed, "--json"))
    assert searched[0]["target"] == slug


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("박보검이", "park-bo-gum"),
        ("김효진의", "kim-hyo-jin"),  # offered beside Kim Hye-jin and Kim Jin-woo
        ("하윤경은", "ha-yoon-kyung"),
        ("이정재가 나온 드라마", "lee-jung-jae"),
        ("이도현 나온", "lee-do-hyun"),
        ("유인수 드라마", "yoo-in-soo"),
    ],
)
def test_a_person_with_a_particle_after_their_whole_name_is_that_person(
    run_shipped: Run, typed: str, person: str
) -> None:
    """'박보검이' to person was "Did you mean", and to search "Nothing in the catalogue
    matches": the particle, or the words for the titles they are in, are read off a whole
    name."""
    assert as_json(run_shipped("person", typed, "--json"))["id"] == person
    searched = as_json(run_shipped("search", typed, "--json"))
    assert searched[0]["target"] == person
    said = " ".join(run_shipped("show", typed).stderr.split())
    assert f"{typed!r} is a person: kdrama person {person}" in said


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("송은이랑", "song-eun-i"),  # 송은이 and 랑, not 송은 and 이랑
        ("한재이랑", "han-jae-yi"),
        ("송은이 나온 드라마", "song-eun-i"),  # 이 her name's, not the subject particle
        ("탕웨이 나온 드라마", "tang-wei"),
        ("슈가 나온 드라마", "suga"),
    ],
)
def test_a_name_ending_in_a_syllable_a_particle_begins_with_keeps_it(
    run_shipped: Run, typed: str, person: str
) -> None:
    """'송은이랑' and '탕웨이 나온 드라마' were "no person matches": the 이 of 이랑, or of
    이 나온, was read off as the particle's, leaving 송은 and 탕웨, no one's name."""
    assert as_json(run_shipped("person", typed, "--json"))["id"] == person


#: Two made-up people, the name of one the other's and 이: '김은이랑' and '김은이 나온 드라마'
#: name 김은이 (with 랑, with 나온), never 김은.
ONE_SYLLABLE_APART = (
    META
    + '\n[[people]]\nid = "gim-eun"\nname = "Gim Eun"\nhangul = "김은"\n'
    + '\n[[people]]\nid = "gim-eun-i"\nname = "Gim Eun-i"\nhangul = "김은이"\n'
)


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("김은이랑", "gim-eun-i"),
        ("김은이 나온 드라마", "gim-eun-i"),
        ("김은이가 나온", "gim-eun-i"),
        ("김은 나온 드라마", "gim-eun"),
        ("김은이 드라마", "gim-eun-i"),
    ],
)
def test_a_particle_read_off_never_opens_a_shorter_namesake(
    run: Run, add_data: AddData, typed: str, person: str
) -> None:
    """'김은이랑' opened 김은, another person, read as 김은 and 이랑, where 김은이 is a name
    of its own: each reading is tried as a whole name, the one keeping the syllable first."""
    data = add_data(ONE_SYLLABLE_APART, "namesakes.toml")
    assert as_json(run(*data, "person", typed, "--json"))["id"] == person


def test_path_reads_particles_at_both_ends(run_shipped: Run) -> None:
    chain = as_json(run_shipped("path", "이정재가", "오징어 게임은", "--json"))
    assert "lee-jung-jae" in str(chain) and "squid-game" in str(chain)


@pytest.mark.parametrize(
    "typed",
    [
        "수지가",  # a name of two syllables before one of a particle: a given name ends so too
        "새 오징어 게임은",  # part of no name before the particle
        "오징어은",  # the start of a name only
        "은",
    ],
)
def test_a_particle_turns_no_miss_into_a_guess(run_shipped: Run, typed: str) -> None:
    for command in ("show", "person"):
        error = json_error(run_shipped(command, typed, "--json"))
        assert error["kind"] in ("not_found", "ambiguous"), error

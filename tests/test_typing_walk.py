"""What a fan types that the typing walk (audit35) found missed: an acronym the data does not
list, a plural, 'ss2' and 'no. 2', a character with the title they are in, and the note a
command gives when it found a title by a guess (the real CLI on the shipped catalogue)."""

from __future__ import annotations

import pytest

from tests.conftest import Run, as_json, json_error

# --- an acronym the dataset does not list: "Did you mean", never the title opened -------------


@pytest.mark.parametrize(
    ("typed", "meant", "slug"),
    [
        ("AOUAD", "All of Us Are Dead", "all-of-us-are-dead"),
        ("aouad", "All of Us Are Dead", "all-of-us-are-dead"),
        ("EAW", "Extraordinary Attorney Woo", "extraordinary-attorney-woo"),
    ],
)
def test_an_acronym_not_in_the_data_offers_the_title_of_those_initials(
    run_shipped: Run, typed: str, meant: str, slug: str
) -> None:
    """'AOUAD' missed with no suggestion at all: the titles whose words begin with its letters
    are offered, and nothing is opened on initials alone."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2 and shown.stdout == ""
    assert f"no title matches {typed!r}. Did you mean {meant}?" in " ".join(shown.stderr.split())
    error = json_error(run_shipped("show", typed, "--json"))
    assert error["kind"] == "not_found" and error["suggestions"][0] == slug
    searched = run_shipped("search", typed)
    assert f"Did you mean {meant}?" in " ".join(searched.stderr.split())


def test_an_acronym_the_data_lists_still_opens_its_title(run_shipped: Run) -> None:
    """CLOY is an alias in the data (cited): that, and only that, opens the title."""
    assert as_json(run_shipped("show", "CLOY", "--json"))["slug"] == "crash-landing-on-you"


# --- a plural 's' after a whole name ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("squid games", "squid-game"),
        ("Squid Games", "squid-game"),
        ("the glorys", "the-glory"),
        # the plural is read before an article the title lacks: A Good Boy, not Good Boy
        ("A Good Boys", "a-good-boy"),
        ("The Goblins", "the-goblin"),
        # a title whose own name ends so is itself, however typed
        ("Inheritors", "inheritors"),
        ("Bloodhounds", "bloodhounds"),
    ],
)
def test_a_plural_after_a_whole_name_is_that_title(run_shipped: Run, typed: str, slug: str) -> None:
    """'squid games' missed ("Did you mean Squid Game, …"): the name before the 's is the
    title, when it is one title's whole name."""
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug


def test_a_plural_after_part_of_a_name_is_still_a_miss(run_shipped: Run) -> None:
    """Only a whole name is taken: the 's' turns no part of a name into a guess."""
    error = json_error(run_shipped("show", "squids", "--json"))
    assert error["kind"] in ("not_found", "ambiguous")


@pytest.mark.parametrize(
    ("typed", "slug", "title", "other"),
    [
        ("kingdoms", "kingdom", "Kingdom", "Sofy"),  # not 'kingdom' + the 's' of 'Sofy&Ruby'
        ("Kingdoms", "kingdom", "Kingdom", "Sofy"),
        ("dreams", "dream", "Dream", "Songs"),  # not The Dream Songs
        ("secrets", "secret", "Secret", "Sunshine"),  # not Secret Sunshine
        ("miniforces", "miniforce", "Miniforce", "Dino"),  # not Miniforce Super Dino Power
        ("punchs", "punch", "Punch", "punch-series"),  # not the 's' of a slug's '-series'
    ],
)
def test_a_plural_read_into_a_longer_name_is_the_whole_name(
    run_shipped: Run, typed: str, slug: str, title: str, other: str
) -> None:
    """'kingdoms' opened Dream kingdom Sofy&Ruby, a kids' title: the one word was read as
    'kingdom' and the start of the next word of that longer name. The plural of one title's
    whole name is that title."""
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug
    shown = run_shipped("show", typed)
    assert shown.exit_code == 0 and shown.stderr == "", shown.output
    header = shown.stdout.splitlines()[1].strip("│ ")
    assert header.startswith(f"{title}  ") and other not in header


def test_a_plural_part_of_several_longer_names_is_the_whole_name(run_shipped: Run) -> None:
    """'hello jadoos' asked which of three Hello Jadoo specials ('jadoo' and the 's' of
    'Special', 'Secret'), never offering Hello Jadoo itself, whose whole name it is."""
    assert as_json(run_shipped("show", "hello jadoos", "--json"))["slug"] == "hello-jadoo"


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("our sweet homes", "our-sweet-homes"),  # its own name, not Sweet Home's plural
        ("sweet homes", "our-sweet-homes"),  # part of a name, the plural a whole word of it
        ("white nights", "white-nights"),  # not White Night
        ("bloods", "hot-young-bloods"),  # 'Bloods' a word of Hot Young Bloods, not Blood
        ("mothers", "green-mothers-club"),  # Green Mothers' Club, not Mother
        ("janes", "jane-s-summer"),  # Jane's Summer as fans type it, not Jane
    ],
)
def test_a_name_that_holds_the_plural_as_typed_still_wins(
    run_shipped: Run, typed: str, slug: str
) -> None:
    assert as_json(run_shipped("show", typed, "--json"))["slug"] == slug


def test_a_plural_of_a_name_two_titles_share_opens_neither(run_shipped: Run) -> None:
    """'new world' names a film and a series, so 'new worlds' is read as neither: it opened
    the series by the 's' of its slug's '-series' until a slug was found only whole."""
    result = run_shipped("show", "new worlds", "--json")
    assert json_error(result)["kind"] == "not_found"
    said = " ".join(run_shipped("show", "new worlds").stderr.split())
    assert "no title matches 'new worlds'. Did you mean New World?" in said


@pytest.mark.parametrize(
    ("typed", "slug", "season"),
    [
        ("squid games 2", "squid-game", 2),
        ("Squid Games 3", "squid-game", 3),
        ("squid games season 2", "squid-game", 2),
        ("squid games s3", "squid-game", 3),
        ("kingdoms 2", "kingdom", 2),
        ("kingdoms season 2", "kingdom", 2),
        ("hospital playlists 2", "hospital-playlist", 2),
    ],
)
def test_a_plural_before_a_season_opens_that_season(
    run_shipped: Run, typed: str, slug: str, season: int
) -> None:
    """'squid games 2' was "no title matches" while 'squid game 2' and 'squid games' open the
    title: the plural is read before a season as it is at the end."""
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == slug
    assert [s["number"] for s in page["seasons"]] == [season]
    assert page == as_json(run_shipped("show", typed.replace("s ", " ", 1), "--json"))
    shown = run_shipped("show", typed)
    assert shown.exit_code == 0 and shown.stderr == "", shown.output
    assert shown.stdout.splitlines()[1].strip("│ ").startswith(f"{page['title']}  ")
    assert f"\nSeason {season}\n" in shown.stdout


def test_a_plural_before_a_season_the_title_lacks_says_so(run_shipped: Run) -> None:
    shown = run_shipped("show", "squid games 9")
    assert shown.exit_code == 2 and shown.stdout == ""
    said = " ".join(shown.stderr.split())
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9" in said
    error = json_error(run_shipped("show", "vincenzos 2", "--json"))
    assert error["suggestions"] == ["vincenzo"]
    assert "the catalogue has season 1 of Vincenzo, not season 2" in error["message"]


def test_a_name_as_typed_before_a_season_is_not_read_as_a_plural(run_shipped: Run) -> None:
    """White Nights has one season: 'white nights 2' says so, and is no season of White Night;
    'strangers' names titles as typed (Strangers Again), so 'strangers 2' is no season of
    Stranger either."""
    error = json_error(run_shipped("show", "white nights 2", "--json"))
    assert "the catalogue has season 1 of White Nights, not season 2" in error["message"]
    error = json_error(run_shipped("show", "strangers 2", "--json"))
    assert error["kind"] == "not_found"
    assert error["message"].startswith("no title matches 'strangers 2'. Did you mean")


@pytest.mark.parametrize(
    ("typed", "singular", "slug", "season"),
    [
        ("kingdoms 2019", "kingdom 2019", "kingdom", None),  # 'kingdoms' runs into Sofy&Ruby
        ("Kingdoms (2020)", "Kingdom (2020)", "kingdom", 2),
        ("squid games 2021", "squid game 2021", "squid-game", None),
        ("squid games 2024", "squid game 2024", "squid-game", 2),
        ("new worlds 2013", "new world 2013", "new-world", None),  # the year tells two apart
    ],
)
def test_a_plural_before_a_year_opens_what_the_singular_does(
    run_shipped: Run, typed: str, singular: str, slug: str, season: int | None
) -> None:
    """'kingdoms 2019' was "no title matches" while 'kingdom 2019' and 'kingdoms' open
    Kingdom: the plural is read before a year as before a season."""
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == slug
    assert page == as_json(run_shipped("show", singular, "--json"))
    if season is not None:
        assert [s["number"] for s in page["seasons"]] == [season]
    shown = run_shipped("show", typed)
    assert shown.exit_code == 0 and shown.stderr == "", shown.output
    assert shown.stdout.splitlines()[1].strip("│ ").startswith(f"{page['title']}  ")


def test_a_plural_before_a_year_the_title_lacks_says_so(run_shipped: Run) -> None:
    """As 'squid game 1999' says; words that name a title as typed take no plural reading
    ('sweet homes' is part of Our Sweet Homes: 'sweet homes 2020' is not Sweet Home)."""
    error = json_error(run_shipped("show", "squid games 1999", "--json"))
    assert error["message"] == (
        "no title matches 'squid games 1999': the catalogue has Squid Game (2021–2025), and no"
        " title of that name from 1999"
    )
    error = json_error(run_shipped("show", "sweet homes 2020", "--json"))
    assert error["kind"] == "not_found"
    assert error["message"].startswith("no title matches 'sweet homes 2020'. Did you mean")
    # a plural run into a longer name ('kingdoms': Dream kingdom Sofy&Ruby) says what the
    # singular says, not the generic miss ("Did you mean Kingdom? The catalogue has …")
    for plural, said in (
        ("kingdoms 2030", "Kingdom (2019–2020), and no title of that name from 2030"),
        ("dreams 2020", "Dream (2023), and no title of that name from 2020"),
    ):
        error = json_error(run_shipped("show", plural, "--json"))
        assert error["message"] == f"no title matches '{plural}': the catalogue has {said}"


@pytest.mark.parametrize(
    ("typed", "meant", "slugs"),
    [
        ("screwballss", "Screwballs", ["screwballs", "screwballs-series"]),  # two of the name
        ("squid gamess", "Squid Game", ["squid-game"]),
        ("black knightss", "Black Knight", ["black-knight"]),  # was after Black
        ("Signalss", "Signal", ["signal"]),  # was after Sign
    ],
)
def test_a_doubled_plural_is_a_miss_offering_the_title_first(
    run_shipped: Run, typed: str, meant: str, slugs: list[str]
) -> None:
    """A plural 's' typed twice opens nothing (real words end in 'ss'), and "Did you mean"
    names first the title named whole without it: 'black knightss' offered Black first."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2 and shown.stdout == ""
    assert f"no title matches {typed!r}. Did you mean {meant}" in " ".join(shown.stderr.split())
    error = json_error(run_shipped("show", typed, "--json"))
    assert error["kind"] == "not_found"
    assert error["suggestions"][: len(slugs)] == slugs


# --- 'ss2', 'no. 2' and '#2' after a title ------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "season"),
    [
        ("squid game ss2", 2),
        ("squid game ss 2", 2),
        ("squid game SS3", 3),
        ("squid game no. 2", 2),
        ("squid game No.3", 3),
        ("squid game #2", 2),
        ("오징어 게임 ss2", 2),
    ],
)
def test_season_shorthand_opens_that_season(run_shipped: Run, typed: str, season: int) -> None:
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == "squid-game"
    assert [s["number"] for s in page["seasons"]] == [season]


def test_a_season_shorthand_the_title_lacks_says_so(run_shipped: Run) -> None:
    shown = run_shipped("show", "squid game ss9")
    assert shown.exit_code == 2
    said = " ".join(shown.stderr.split())
    assert "the catalogue has seasons 1, 2 and 3 of Squid Game, not season 9" in said


@pytest.mark.parametrize(
    ("typed", "slug"),
    [("Korea No.1", "korea-no-1"), ("Miracle in Cell No.7", "miracle-in-cell-no-7")],
)
def test_a_title_s_own_number_sign_is_its_name(run_shipped: Run, typed: str, slug: str) -> None:
    """'No.' in a title's own name is no season said: the whole name opens the whole title."""
    page = as_json(run_shipped("show", typed, "--json"))
    assert page["slug"] == slug
    assert len(page["seasons"]) != 1 or page["seasons"][0]["number"] == 1


# --- a character with the title they are in -----------------------------------------------------

GI_HUN = "Seong Gi-hun in Squid Game is played by Lee Jung-jae: kdrama person lee-jung-jae"


@pytest.mark.parametrize(
    "typed",
    [
        "gi-hun squid game",
        "who plays gi-hun in squid game?",
        "squid game gi-hun",
        "Seong Gi-hun Squid Game",
        "오징어 게임 성기훈",
        "player 456 squid game",
    ],
)
def test_search_for_a_character_and_a_title_names_who_plays_them(
    run_shipped: Run, typed: str
) -> None:
    """'gi-hun squid game' found nothing, and offered only Squid Game: the credit is named,
    with the command that opens the actor."""
    searched = run_shipped("search", typed)
    assert searched.exit_code == 0 and searched.stdout == ""
    assert " ".join(searched.stderr.split()) == (
        f"Nothing in the catalogue matches {typed!r}. {GI_HUN}"
    )


@pytest.mark.parametrize("command", ["show", "cast"])
def test_a_title_command_given_a_character_and_a_title_names_who_plays_them(
    run_shipped: Run, command: str
) -> None:
    shown = run_shipped(command, "who plays gi-hun in squid game")
    assert shown.exit_code == 2
    said = " ".join(shown.stderr.split())
    assert f"no title matches 'who plays gi-hun in squid game'. {GI_HUN}." in said
    assert "Did you mean Squid Game?" in said
    error = json_error(run_shipped(command, "gi-hun squid game", "--json"))
    assert GI_HUN in error["message"] and error["suggestions"] == ["squid-game"]


def test_person_given_a_character_and_a_title_names_who_plays_them(run_shipped: Run) -> None:
    shown = run_shipped("person", "gi-hun in squid game")
    assert shown.exit_code == 2
    assert f"no person matches 'gi-hun in squid game'. {GI_HUN}." in " ".join(shown.stderr.split())


def test_a_name_several_characters_share_points_to_the_cast(run_shipped: Run) -> None:
    """A word that begins several characters' names names none of them: the title's cast."""
    searched = run_shipped("search", "kim squid game")
    said = " ".join(searched.stderr.split())
    assert "'kim' names 2 characters in Squid Game: kdrama cast squid-game" in said


def test_a_character_not_in_that_title_is_no_answer(run_shipped: Run) -> None:
    """Gi-hun is in Squid Game, not in The Glory: the miss stays a miss."""
    searched = run_shipped("search", "gi-hun the glory")
    assert "played by" not in searched.stderr


# --- a title found by a guess is said so beside every command's answer -------------------------

GUESSED = "kdrama: note: 'ㅇㅈㅇㄱㅇ' is taken as Squid Game (matched Korean initials: ㅇㅈㅇㄱㅇ)"


@pytest.mark.parametrize(
    "command",
    [
        ["trivia", "--show", "ㅇㅈㅇㄱㅇ", "--seed", "1"],
        ["chart", "ㅇㅈㅇㄱㅇ"],
        ["similar", "ㅇㅈㅇㄱㅇ"],
        ["compare", "ㅇㅈㅇㄱㅇ", "CLOY"],
        ["cast", "ㅇㅈㅇㄱㅇ"],
        ["path", "ㅇㅈㅇㄱㅇ", "Lee Jung-jae"],
    ],
)
def test_a_command_says_when_it_found_its_title_by_a_guess(
    run_shipped: Run, command: list[str]
) -> None:
    """show's card says "(matched Korean initials: …)"; trivia, chart, similar and compare
    said nothing, so a fan could not tell the tool had guessed."""
    result = run_shipped(*command)
    assert result.exit_code == 0, result.output
    assert GUESSED in result.stderr.splitlines()
    assert "Squid Game" in result.stdout
    # the same words by a whole name, as typed: no note
    typed = ["squid-game" if word == "ㅇㅈㅇㄱㅇ" else word for word in command]
    assert "is taken as" not in run_shipped(*typed).stderr


def test_json_and_csv_are_unchanged_by_the_note(run_shipped: Run) -> None:
    """The note is on stderr: --json and --csv print what the title's slug prints."""
    for command in (["show", "{}", "--json"], ["chart", "{}", "--json"], ["cast", "{}", "--csv"]):
        guessed = run_shipped(*(w.format("ㅇㅈㅇㄱㅇ") for w in command))
        named = run_shipped(*(w.format("squid-game") for w in command))
        assert guessed.stdout == named.stdout != ""
        assert GUESSED in guessed.stderr.splitlines()


def test_show_s_card_says_it_and_no_note_repeats_it(run_shipped: Run) -> None:
    shown = run_shipped("show", "ㅇㅈㅇㄱㅇ")
    assert "(matched Korean initials: ㅇㅈㅇㄱㅇ)" in shown.stdout
    assert "is taken as" not in shown.stderr


@pytest.mark.parametrize(
    ("typed", "named"), [("glorys", "The Glory"), ("squid gamess", "Squid Game")]
)
def test_a_plural_of_part_of_a_name_offers_the_title_it_names(
    run_shipped: Run, typed: str, named: str
) -> None:
    """'glory' opens The Glory as part of its name, but 'glorys' was a miss with no "Did you
    mean" at all: the plural opens nothing (only a whole name's does), but its singular's
    title is offered (review36 #7)."""
    result = run_shipped("show", typed)
    assert result.exit_code == 2
    assert f"no title matches {typed!r}. Did you mean {named}" in " ".join(result.stderr.split())


# --- the command's own word typed with the title ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "bare"),
    [
        (("cast", "squid game cast"), "squid game"),
        (("cast", "Squid Game's cast"), "Squid Game"),
        (("cast", "cast of squid game"), "squid game"),
        (("cast", "오징어 게임 출연진"), "오징어 게임"),
        (("trivia", "--show", "squid game trivia", "--seed", "1"), "squid game"),
        (("trivia", "--show", "trivia about squid game", "--seed", "1"), "squid game"),
        (("similar", "squid game similar"), "squid game"),
    ],
)
def test_a_title_typed_with_the_commands_own_word_is_that_title(
    run_shipped: Run, args: tuple[str, ...], bare: str
) -> None:
    """`cast "squid game cast"` was "no title matches 'squid game cast'": a query that names
    nothing as typed is looked up again without the command's word, and a note says so."""
    typed = next(arg for arg in args[1:] if arg != "--show")
    result = run_shipped(*args)
    assert result.exit_code == 0, result.output
    assert "Squid Game" in result.stdout.splitlines()[0]
    said = " ".join(result.stderr.split())
    assert f"kdrama: note: {typed!r} is read as {bare!r}: Squid Game" in said
    assert as_json(run_shipped(*args, "--json")) == as_json(
        run_shipped(*[bare if arg == typed else arg for arg in args], "--json")
    )


def test_a_season_typed_with_the_commands_own_word_is_kept(run_shipped: Run) -> None:
    result = run_shipped("cast", "cast of squid game 2")
    assert result.exit_code == 0 and "S2" in result.stdout.splitlines()[0], result.output
    said = " ".join(result.stderr.split())
    assert "'cast of squid game 2' is read as 'squid game 2': Squid Game, season 2" in said


def test_the_commands_own_word_turns_no_miss_into_a_guess(run_shipped: Run) -> None:
    """Words that name nothing without it stay the miss of what was typed; a name of two titles
    is still their choice, quoting what was typed."""
    error = json_error(run_shipped("cast", "nothing here cast", "--json"))
    assert error["kind"] == "not_found"
    assert error["message"].startswith("no title matches 'nothing here cast'.")
    error = json_error(run_shipped("cast", "new world cast", "--json"))
    assert error["kind"] == "ambiguous"
    assert error["suggestions"] == ["new-world", "new-world-series"]
    assert error["message"].startswith("'new world cast' matches 2 titles")
    # show has no own word: 'cast' is no word of show's dropped, but a word for the cast its
    # page lists, read only after a whole name (tests/test_question_forms.py)
    error = json_error(run_shipped("show", "squid gam cast", "--json"))
    assert error["kind"] == "not_found"


def test_a_persons_name_typed_with_the_commands_own_word_says_who_it_is(run_shipped: Run) -> None:
    """`cast "gong yoo cast"` said only that no title matches and what to try, while `cast
    "gong yoo"` says whose name it is: the words without the command's own name a person, so
    the miss of what was typed says so (review 38 #7)."""
    result = run_shipped("cast", "gong yoo cast")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "no title matches 'gong yoo cast'." in said
    assert "'gong yoo' is a person: kdrama person gong-yoo." in said
    assert "The catalogue has" not in said
    error = json_error(run_shipped("cast", "gong yoo cast", "--json"))
    assert error["kind"] == "not_found"
    assert "is a person: kdrama person gong-yoo" in error["message"]


# --- a title typed partly in Hangul, partly in Latin letters ------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "slug"),
    [
        ("오징어 game", "Squid Game", "squid-game"),
        ("squid 게임", "Squid Game", "squid-game"),
        ("the 글로리", "The Glory", "the-glory"),
        ("킹덤 ashin", "Kingdom: Ashin of the North", "kingdom-ashin-of-the-north"),
        # a season or a year after the words is taken off first: '2' is in no English name but
        # Squid Game: Making Season 2's, which was all these offered
        ("오징어 game 2", "Squid Game", "squid-game"),
        ("오징어 game season 2", "Squid Game", "squid-game"),
        ("squid 게임 2", "Squid Game", "squid-game"),
        ("킹덤 ashin 2021", "Kingdom: Ashin of the North", "kingdom-ashin-of-the-north"),
    ],
)
def test_a_title_typed_in_two_scripts_is_offered_never_opened(
    run_shipped: Run, typed: str, meant: str, slug: str
) -> None:
    """'오징어 game' was "no title matches" with no suggestion at all: its Hangul words are in
    the title's Korean name and its other words begin words of its English one. Two halves of
    two names are no name typed, so the title is offered, not opened."""
    shown = run_shipped("show", typed)
    assert shown.exit_code == 2 and shown.stdout == ""
    assert f"no title matches {typed!r}. Did you mean {meant}" in " ".join(shown.stderr.split())
    error = json_error(run_shipped("show", typed, "--json"))
    assert error["kind"] == "not_found" and error["suggestions"][0] == slug
    searched = run_shipped("search", typed)
    assert f"Did you mean {meant}" in " ".join(searched.stderr.split())


# --- a person's name one letter off another's is no sound-alike (walk 41) -----------------------


def test_a_name_one_slip_from_a_persons_is_not_opened_as_anothers_sound(run_shipped: Run) -> None:
    """'lee jong-uk' (Lee Jong-suk, an 's' dropped) opened Lee Jung-ok, whose name it sounds
    like only by the coarse key: it is now "Did you mean", Lee Jong-suk first."""
    error = json_error(run_shipped("person", "lee jong-uk", "--json"))
    assert error["kind"] == "not_found"
    assert error["suggestions"][0] == "lee-jong-suk"
    assert "lee-jung-ok" not in error["suggestions"]
    said = " ".join(run_shipped("person", "lee jong-uk").stderr.split())
    assert "no person matches 'lee jong-uk'. Did you mean Lee Jong-suk" in said


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("Lee Jeong-jae", "lee-jung-jae"),  # one slip from Lee Jong-jae, but his romanisation
        ("Yi Jung-jae", "lee-jung-jae"),
        ("Baek Jong-won", "paik-jong-won"),
    ],
)
def test_a_romanisation_of_a_name_still_opens_that_person(
    run_shipped: Run, typed: str, person: str
) -> None:
    assert as_json(run_shipped("person", typed, "--json"))["id"] == person


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("Moon Sang-hon", "moon-sang-hoon"),  # one slip from Moon Sang-don too
        ("Mon Sook", "moon-sook"),  # and from Son Sook
        ("Yoon Jong-hon", "yoon-jong-hoon"),  # and from Yoon Jong-ho
    ],
)
def test_a_slip_the_sound_agrees_on_opens_that_person(
    run_shipped: Run, typed: str, person: str
) -> None:
    """'Moon Sang-hon' opened Moon Sang-hoon, whose name it is by sound and but for one slip,
    until the refusal of a sound-alike one slip from another's name refused it too, for
    being one slip from Moon Sang-don: where the sound finds one of those the slip does, it
    is that one."""
    assert as_json(run_shipped("person", typed, "--json"))["id"] == person


def test_a_slip_from_two_namesakes_the_sound_finds_is_their_choice(run_shipped: Run) -> None:
    error = json_error(run_shipped("person", "Jung Ji-hyon", "--json"))
    assert error["kind"] == "ambiguous"
    assert {"jung-ji-hyun", "jung-ji-hyun-wrestler"} <= set(error["suggestions"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ryu jun-yoel", "Ryu Jun-yeol"),  # two letters swapped
        ("prak ji-hyun", "Park Ji-hyun"),
        ("ra mi-rn", "Ra Mi-ran"),  # a letter dropped
    ],
)
def test_search_offers_the_person_a_mistyped_name_is_nearest(
    run_shipped: Run, typed: str, meant: str
) -> None:
    """search's miss of a mistyped name said only "try fewer words", while `kdrama person`
    offers the person: search, where every miss sends a fan, now offers them too."""
    searched = run_shipped("search", typed)
    assert searched.exit_code == 0 and searched.stdout == ""
    said = " ".join(searched.stderr.split())
    assert said.startswith(f"Nothing in the catalogue matches {typed!r}. Did you mean {meant}")
    person = json_error(run_shipped("person", typed, "--json"))
    assert f"Did you mean {meant}" in person["message"]

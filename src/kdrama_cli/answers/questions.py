"""A fan's whole question around a title's or a person's name ('who directed squid game', 'is
there a season 3 of squid game', 'han so-hee dramas'), read as the words the tool already
reads: the name alone, or the name with a crew word or a season beside it ('director of
squid game', 'squid game season 3').

The frames are a short list, English and Korean, and are tried only once the words as
typed have named nothing (a title whose own name is a question, 'Who Are You: School 2015'
or 'What's Wrong with Secretary Kim', is found as typed first); the caller takes what is left
only when it names a title or a person whole, so a frame never turns a miss into a guess.
Pure text: what the words name is answers.finding's to find."""

from __future__ import annotations

import re

from kdrama_cli.catalogue.record import Record


class TitleQuestion(Record):
    """What a question about a title asks: ``words``, what to look up instead (the title's
    name, with a crew word or a season beside it as the tool reads them), and ``asks``, the
    part of the title asked about that has a command of its own ("cast"), or None."""

    words: str
    asks: str | None = None


#: What a question may end with, which says nothing of the name: a question mark, a full stop.
_CLOSING = "?!.？！。 "
#: The words a crew question is asked by, each with the crew word the tool reads beside a
#: title ('who directed squid game' is 'director of squid game': answers.search.crew_reading).
_CREW_ASKED = {
    "director": r"directed|directs|was\s+the\s+director\s+of|is\s+the\s+director\s+of",
    "writer": r"wrote|writes|scripted|was\s+the\s+writer\s+of|is\s+the\s+writer\s+of",
    "creator": r"created|creates|was\s+the\s+creator\s+of|is\s+the\s+creator\s+of",
}
#: A question for a title's cast: 'who is in all of us are dead', "who's in it", 'who stars
#: in', 'who acted in', 'cast of': the title, whose page lists its main cast, and the cast
#: command, which lists all of it.
_CAST_ASKED = (
    r"^(?:who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+in"
    r"|who\s+(?:stars|starred|acts|acted|appears|appeared|plays|played)\s+in"
    r"|(?:the\s+)?(?:full\s+)?cast\s+(?:of|for|in))\s+(?P<title>\S.*)$"
)
#: A question for a season ('is there a season 3 of squid game', 'will there be a third
#: season of kingdom', 'is there a squid game season 3'): the title with the season after
#: it, as 'squid game season 3' is read (a season the title lacks is the miss that says
#: which it has).
_SEASON_ASKED = (
    r"^(?:is|will)\s+there\s+(?:be\s+)?(?:a|an|another)\s+"
    r"(?:(?P<season>season\s+\S+|\S+\s+season)\s+(?:of|for|to)\s+(?P<title>\S.*)"
    r"|(?P<titled>\S.*\s+season\s+\S+))$"
)
#: A question for what a title is based on, or about, whose page says both ('what is the
#: webtoon of all of us are dead', 'is all of us are dead based on a webtoon', 'what is the
#: glory about'): the title.
_SOURCE = r"(?:webtoon|web\s+comic|comic|manhwa|novel|web\s+novel|book|original|source)"
_TITLE_ASKED = (
    rf"^what(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?(?:original\s+)?{_SOURCE}\s+"
    r"(?:of|for|behind)\s+(?P<title>\S.*)$",
    rf"^what\s+{_SOURCE}\s+(?:is|was)\s+(?P<title>\S.*?)\s+(?:based\s+on|adapted\s+from)$",
    r"^(?:is|was)\s+(?P<title>\S.*?)\s+(?:based\s+on|adapted\s+from)\s+(?:a|an|the)\s+"
    rf"(?:{_SOURCE}|true\s+story|real\s+story)$",
    r"^what(?:['’]s|\s+is|\s+was)\s+(?P<title>\S.*?)\s+(?:based\s+on|about)$",
)
#: Korean asks the same after the name: who the crew is ('오징어 게임 감독 누구야': the crew
#: word the tool reads, without 누구), or what the original is ('지금 우리 학교는 원작',
#: '원작 웹툰'): the title.
_KOREAN_WHO = r"(?<=[가-힣])(?:은|는|이|가)?\s*누구(?:야|예요|에요|인가요|임|지)?$"
_KOREAN_SOURCE = (
    r"(?<=[가-힣])(?:의)?\s+원작(?:\s*(?:웹툰|소설|만화))?(?:은|이)?"
    r"(?:\s*(?:뭐|무엇)(?:야|예요|에요|임)?)?$"
)

#: A question for a person's titles or for who they are ('han so-hee dramas', "lee jung-jae's
#: movies", 'dramas with han so-hee', 'who is han so-hee'): their page, which lists them, as
#: '한소희 드라마' is read (answers.finding.particle_dropped).
_WORKS = r"(?:k-?dramas?|dramas?|movies?|films?|(?:tv\s+)?shows?|series|filmography|works|roles)"
_PERSON_ASKED = (
    rf"^(?P<name>\S.*?)(?:['’]s)?\s+{_WORKS}$",
    rf"^{_WORKS}\s+(?:with|starring|featuring)\s+(?P<name>\S.*)$",
    r"^who(?:['’]s|\s+is|\s+was)\s+(?P<name>\S.*)$",
)


#: The words an English question above begins with: a query in ASCII beginning with none is
#: asked no pattern of them (each compiled costs a run that never needed it most of a
#: millisecond, and a lookup that misses asks them all).
_QUESTION_OPENINGS = ("who", "is", "will", "what", "was", "the", "full", "cast")
#: The words _WORKS reads, one of which an English person question holds.
_WORKS_WORDS = ("drama", "movie", "film", "show", "series", "works", "roles")


def _may_ask(typed: str, opening: bool) -> bool:
    """Whether an English pattern can match the question: only a query not all in ASCII (re's
    IGNORECASE takes 'ſ' for an 's' and 'ı' for an 'i') or one that ``opening`` says is
    framed as a question (its first words, or a word of _WORKS)."""
    return not typed.isascii() or opening


def _asked(text: str) -> str:
    """The question without what closes it and the spaces around it."""
    return " ".join(text.strip().rstrip(_CLOSING).split())


def title_question(query: str) -> TitleQuestion | None:
    """What a whole question about a title asks (see the module's docstring), or None when the
    query is no such question, or nothing is left of the name."""
    typed = _asked(query)
    lowered = typed.lower()
    if not _may_ask(typed, lowered.startswith(_QUESTION_OPENINGS)):
        return _korean_question(typed)
    for capacity, verbs in _CREW_ASKED.items():
        asked = re.match(rf"^who\s+(?:{verbs})\s+(?P<title>\S.*)$", typed, re.IGNORECASE)
        if asked is not None:
            return TitleQuestion(f"{capacity} of {asked['title']}")
    if (asked := re.match(_CAST_ASKED, typed, re.IGNORECASE)) is not None:
        return TitleQuestion(asked["title"], "cast")
    if (asked := re.match(_SEASON_ASKED, typed, re.IGNORECASE)) is not None:
        if asked["titled"]:
            return TitleQuestion(asked["titled"])
        return TitleQuestion(f"{asked['title']} {asked['season']}")
    for pattern in _TITLE_ASKED:
        if (asked := re.match(pattern, typed, re.IGNORECASE)) is not None:
            return TitleQuestion(asked["title"])
    return _korean_question(typed)


def _korean_question(typed: str) -> TitleQuestion | None:
    """A title asked about in Korean (_KOREAN_WHO, _KOREAN_SOURCE), or None: both follow a
    Hangul syllable, so a query in ASCII is asked neither."""
    if typed.isascii():
        return None
    for pattern in (_KOREAN_WHO, _KOREAN_SOURCE):
        bare = re.sub(pattern, "", typed).strip()
        if bare and bare != typed:
            return TitleQuestion(bare)
    return None


def person_question_dropped(query: str) -> str | None:
    """The name a whole question about a person is asked around ('han so-hee dramas' ->
    'han so-hee'), or None when the query is no such question, or nothing is left."""
    typed = _asked(query)
    lowered = typed.lower()
    framed = lowered.startswith("who") or any(word in lowered for word in _WORKS_WORDS)
    if not _may_ask(typed, framed):
        return None
    for pattern in _PERSON_ASKED:
        if (asked := re.match(pattern, typed, re.IGNORECASE)) is not None:
            return asked["name"].strip()
    return None

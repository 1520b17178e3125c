"""Finding a show or a person by what was typed: an exact name, then part of one, then the name
respelled; and what a miss, several matches or a season the title lacks say (no printing)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

from kdrama_cli.answers.questions import person_question_dropped
from kdrama_cli.catalogue.folding import (
    and_spellings,
    has_hangul,
    long_enough_for_part,
    words,
)
from kdrama_cli.catalogue.models import (
    Credit,
    Dataset,
    Person,
    Season,
    Show,
    authors_of,
    fetch,
    seasons_of,
)
from kdrama_cli.catalogue.names import (
    ALIAS,
    NETFLIX_TITLE,
    OWN_NAMES,
    OWN_PERSON_NAMES,
    WHOLE_ONLY,
    NameLookup,
    NameRow,
    lookup_of,
    normalize,
    part_of_name,
    runs_into_a_word,
    word_keys,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.wording import count_of, joined, named_apart, note_clauses, whose
from kdrama_cli.errors import command_line, did_you_mean


class LookupError_(Exception):
    """Base for lookups that found nothing usable; the CLI turns these into usage errors."""


#: What to try after a miss, by kind of thing looked up.
_TRY = {
    "title": "try `{search}` or `{list}`, or add your own titles with --add-data",
    "person": "try `{search}`, or add people with --add-data",
    "person or title": "try `{search}`, or add people and titles with --add-data",
}
_PLURAL = {"person": "people"}

#: How closely a name matched, closest first: a whole name (id, slug, title, alias, Hangul,
#: the name of the work a title adapts), part of one, or the name respelled (however it is
#: romanised, its Hangul initials). find_person_or_show weighs a person against a title by it.
WHOLE, PART, RESPELLED = 0, 1, 2


class NotFound(LookupError_):
    """Nothing matched: say so, the nearest names, how big the catalogue is, what to try."""

    def __init__(
        self,
        kind: str,
        query: str,
        suggestions: Sequence[str],
        catalogue: int | None = None,
        counted: str | None = None,
        other: str | None = None,
    ) -> None:
        """``catalogue`` is how many of ``kind`` the catalogue has; ``counted`` says it in
        words where the kind is two ("1,569 people and 1,638 titles"); ``other``, what the
        name is of the other kind, said before the nearest names ("'IU' is a person: …"),
        in place of the catalogue's size and what to try."""
        self.kind = kind
        self.query = query
        self.suggestions = list(suggestions)
        self.catalogue = catalogue
        self.counted = counted
        #: What the name is of the other kind ("'IU' is a person: …"), as the message says it.
        self.other = other
        #: What the query did find, by part of a name or its sound, before it was refused
        #: because the query names a person in full (find_show): a caller narrowing to titles
        #: of its own (find_show_among) takes it from here rather than look again.
        self.refused_for: Match | Ambiguous | None = None
        parts = [f"no {kind} matches {query!r}."]
        if other:
            parts.append(f"{other}.")
        if self.suggestions:
            parts.append(did_you_mean(self.suggestions))
        if catalogue is not None and counted is None:
            counted = count_of(catalogue, kind, _PLURAL.get(kind))
        if counted is not None and not other:  # what the name is answers it: no more advice
            where = f"The catalogue has {counted};"
            parts.append(f"{where} {_try(kind, query)}.")
        super().__init__(" ".join(parts))

    @property
    def refused(self) -> bool:
        """Whether a title was found and refused for a person's name: the miss is no sign of a
        lost index row."""
        return self.refused_for is not None


def _try(kind: str, query: str) -> str:
    """What to try after a miss of this kind of thing (_TRY), its commands as this run's."""
    search = command_line(f"search {command_argument(query)}")
    return _TRY.get(kind, "").format(search=search, list=command_line("list"))


def command_argument(text: str) -> str:
    """``text`` as the argument of a command to copy: one shell word, after ``--`` when it
    begins with '-' (quoting alone would leave '--no-pager' an option to the command)."""
    from kdrama_cli.errors import shell_quote

    return f"-- {shell_quote(text)}" if text.startswith("-") else shell_quote(text)


class Ambiguous(LookupError_):
    """Several matched: the best few (``candidates`` is ranked), and how many more there are."""

    SHOWN = 5

    def __init__(
        self,
        kind: str,
        query: str,
        candidates: Sequence[tuple[str, str]],
        partial: bool = False,
        respelled: bool = False,
        counted: str | None = None,
        note: str | None = None,
    ) -> None:
        """``note``: a sentence said after the list, of what the words typed asked that the
        command does not show ('queen ratings' to chart: chart draws no TV ratings)."""
        self.kind = kind
        self.query = query
        self.candidates = list(candidates)
        self.note = note
        #: Found by part of their names only (not one whole name).
        self.partial = partial
        #: Found by a respelling of the name only.
        self.respelled = respelled
        #: How closely they matched: WHOLE, PART or RESPELLED.
        self.closeness = PART if partial else RESPELLED if respelled else WHOLE
        shown = self.candidates[: self.SHOWN]
        listed = "; ".join(f"{slug} ({title})" for slug, title in shown)
        more = len(self.candidates) - len(shown)
        rest = f", and {more} more" if more else ""
        counted = counted or f"{len(self.candidates)} {_PLURAL.get(kind, kind + 's')}"
        noted = f" {note}." if note else ""
        super().__init__(
            f"{query!r} matches {counted}: {listed}{rest}. "
            f"Please choose one: give its id, or more of the name.{noted}"
        )


class NoSuchSeason(LookupError_):
    def __init__(
        self,
        show: Show | None,
        number: int,
        part: bool = False,
        match: Match | None = None,
        named: str | None = None,
        said_part: bool = False,
    ) -> None:
        """``part``: the number may name a part of a season (a bare '2': '더 글로리 2'), so a
        season whose note says it came out in that part is named ('part 2' said so opens that
        season instead: _with_asked_season). ``said_part``: the query said 'part' ('the glory
        part 3'), so the message names the parts the title came out in, not a season the user
        never named. ``match``: how the words
        before the season found the title, when they did. ``named``: the title as the message
        names it, where the title alone does not say which ('I am Solo (나는 솔로: 13기-16기)')."""
        self.show = show
        self.match = match
        #: The season the part asked for belongs to (The Glory's part 2 is season 1), for the
        #: command to say how to ask for it in its own words.
        self.part_of: int | None = None
        #: Why, without the title's name: "has no season 2 (seasons: 1; part 2 belongs to
        #: season 1)", as a list of results words it beside the title.
        self.reason = ""
        if show is None:
            message = f"no title in the catalogue has a season {number}"
        elif not show.seasons and show.kind == "film":
            message = f"{named or show.title} is a film: it has no seasons"
        elif not show.seasons:
            message = f"{named or show.title} has no seasons"
        elif said_part and (parted := [x for x in show.seasons if _holds_parts(x)]):
            held = "; ".join(
                f"parts {joined([str(n) for n in sorted(_parts_named(x))])}"
                + (f" of season {x.number}" if len(show.seasons) > 1 else "")
                for x in parted
            )
            self.reason = f"came out in {held}, not in a part {number}"
            message = f"{named or show.title} {self.reason}"
        else:
            message = f"{_what_the_catalogue_has(show, named)}, not season {number}"
            holder = _season_with_part(show, number) if part else None
            belongs = f"; part {number} belongs to season {holder.number}" if holder else ""
            self.reason = f"the catalogue has {_seasons_held(show)}, not season {number}{belongs}"
            if holder is not None and holder.note:
                self.part_of = holder.number
                message += (
                    f"; part {number} belongs to season {holder.number} "
                    f"({_first_sentence(holder.note)})"
                )
        super().__init__(message)


class TwoSeasons(LookupError_):
    """The name says two different seasons ('squid game season 2 season 3'): neither is
    taken over the other."""

    def __init__(self, query: str, first: int, second: int) -> None:
        super().__init__(f"{query!r} names season {first} and season {second}: give one season")


class SeasonNotOfYear(LookupError_):
    """The name says a season and a year that season is not from ('squid game season 2
    2021'): neither is taken over the other."""

    def __init__(self, query: str, show: Show, season: int, released: int, year: int) -> None:
        super().__init__(
            f"{query!r} names season {season} of {show.title}, which came out in {released},"
            f" and the year {year}: give one"
        )


class NoSeasonOfYear(LookupError_):
    """A title and a later year of its run in which none of its seasons came out ('squid game
    2023': S1 2021, S2 2024, S3 2025): not every season, as if the year were not typed."""

    def __init__(self, query: str, show: Show, aired: Mapping[int, range], year: int) -> None:
        self.show = show
        dated = ", ".join(f"S{number} {years[0]}" for number, years in sorted(aired.items()))
        #: Why the title is not opened, as search's Matched column says it beside the title.
        self.reason = f"no season came out in {year} (the catalogue dates {dated})"
        super().__init__(
            f"no season of {show.title} came out in {year}, as {query!r} asks (the catalogue "
            f"dates {dated}): give the year one came out, or a season"
        )


class NoSuchYear(LookupError_):
    """The words before a year name titles by a whole name, and none of them is from that
    year ('squid game 1999'): a miss, not the nearest title of another year."""

    #: How many of the titles of that name the message names.
    NAMED = 3

    def __init__(self, query: str, year: int, shows: Sequence[Show]) -> None:
        self.year, self.shows = year, shows
        several = len(shows) > 1
        named = [
            f"{s.title} ({s.slug + ', ' if several else ''}{s.years or 'year unknown'})"
            for s in shows[: self.NAMED]
        ]
        if len(shows) > len(named):
            named.append(f"{len(shows) - len(named)} more")
        super().__init__(
            f"no title matches {query!r}: the catalogue has {joined(named)}, and no title of "
            f"that name from {year}"
        )


def _what_the_catalogue_has(show: Show, named: str | None = None) -> str:
    """'the catalogue has seasons 1 and 2 of Dr. Romantic': a miss is worded as what the
    catalogue holds, not as a fact about the show (its next season may be out, or coming)."""
    return f"the catalogue has {_seasons_held(show)} of {named or show.title}"


def _seasons_held(show: Show) -> str:
    return seasons_words([s.number for s in show.seasons])


def seasons_words(numbers: Sequence[int]) -> str:
    """'season 1', 'seasons 1 and 2', 'seasons 1, 2 and 3', as a sentence names seasons ('no
    season' for none)."""
    named = [str(n) for n in numbers]
    if not named:
        return "no season"
    if len(named) == 1:
        return f"season {named[0]}"
    return f"seasons {joined(named)}"


def _season_with_part(show: Show, number: int) -> Season | None:
    """The season whose note says it came out in parts, one of them this number: The Glory's
    one season was released as Part 1 and Part 2 (where a title's parts are its seasons, as
    Alchemy of Souls' are, 'part 2' is season 2 and never gets here)."""
    return next((s for s in show.seasons if number in _parts_named(s)), None)


def _parts_named(season: Season) -> set[int]:
    """The parts a season's note names ("Part 1 ... and Part 2": {1, 2}; "Broadcast as Part
    2": {2})."""
    return {int(n) for n in re.findall(r"\bpart\s*(\d+)\b", season.note or "", re.IGNORECASE)}


def _holds_parts(season: Season) -> bool:
    """Whether the season's note says it came out in several parts (The Glory's: "Part 1 ...
    and Part 2"), not that the season is one part ("Broadcast as Part 2", Alchemy of Souls')."""
    return len(_parts_named(season)) > 1


def part_note(match: Match) -> str | None:
    """What a query naming a part of a season opened ("part 2 of The Glory is in its season 1.
    Released on Netflix in two parts ..."), or None when it named no part. The season's note
    follows as a sentence of its own, as it is written ('Released', not after a colon)."""
    if match.part is None or match.season is None:
        return None
    season = match.show.season(match.season)
    said = f". {_first_sentence(season.note)}" if season is not None and season.note else ""
    return f"part {match.part} of {match.show.title} is in its season {match.season}{said}."


def _first_sentence(note: str) -> str:
    return re.split(r"(?<=\.)\s", note.strip(), maxsplit=1)[0].rstrip(".")


def as_id(query: str) -> str:
    """What was typed, read as an id: ids and slugs are lower-case kebab (schema.SLUG_RE), so
    'Confession' is the slug confession as much as 'confession' is. An id is tried before any
    name, in whatever case it was typed: 'Jisoo' is the id jisoo, though the actor Ji Soo's
    name folds to the same key."""
    return query.lower()


def also_named(
    dataset: Dataset, kind: str, query: str, found: str, name: str
) -> list[tuple[str, str]]:
    """When ``query`` was taken as the id ``found`` of the entry called ``name`` (as_id:
    'Confession' is the film confession), that entry and then the others whose whole name the
    query is too, as (id, label), so that a fan who meant another knows it is there: a title's
    label with its id and what tells it apart ('Confession (confession-film, 좋은 친구들)'), a
    person's with their id and Hangul. None when no other has the name, when the query was not
    taken as an id, or when it was typed as the id itself and not as a name ('new-world').
    A person is also taken so by their name as written ('Ji Soo', not Jisoo: _find_person)."""
    by_id = as_id(query) == found and not (query == found and query != name.lower())
    # the names _find_person's tie-break weighs: a name as written, or the id written as a
    # name ('ji soo' for ji-soo), not the id typed as itself, which by_id has judged
    written = kind == "person" and (
        _written_as_typed(query, _person_names(dataset, found))
        or (query.lower() != found and _written_as_typed(query, [found]))
    )
    if not (by_id or written):
        return []
    table = "show" if kind == "title" else "person"
    others = [entry for entry in _named_whole(dataset, query, table=table) if entry != found]
    if not others:
        return []
    labels: dict[str, str] = {}
    if table == "show":
        shows = fetch(dataset.shows, [found, *others])
        apart = told_apart(shows)
        for show in shows:
            labels[show.slug] = _labelled(show.title, show.slug, apart.get(show.slug))
    else:
        for person in fetch(dataset.people, [found, *others]):
            labels[person.id] = _labelled(person.name, person.id, person.hangul)
    return [(entry, labels[entry]) for entry in (found, *others) if entry in labels]


def _labelled(name: str, entry: str, apart: str | None) -> str:
    """'Confession (confession-film, 좋은 친구들)': a name with its id and what tells it apart."""
    return f"{name} ({entry}{', ' + apart if apart else ''})"


class Match(Record):
    show: Show
    #: How the query matched: 'slug', 'title', 'alias', 'korean title', 'romanization', 'partial',
    #: or the source work's name it adapts ('webtoon title', 'novel Korean title', ...).
    matched_by: str
    matched_name: str
    #: A season named with the title ('squid game 2', '오징어 게임 시즌2').
    season: int | None = None
    #: The part of that season the query named, where a season came out in parts: 'the glory
    #: part 2' is The Glory's season 1, part 2.
    part: int | None = None


#: A title followed by a season: 'squid game 2', 'squid game season 2', 'squid game s2',
#: '오징어 게임 시즌2', 'Kingdom 2기', 'Sweet Home part 2', '더 글로리 파트 2', and as fans
#: shorten 'season' ('ss2') or 'part' ('pt 2', 'pt.2', 'p2', 'vol. 2', Korean '2부') or say
#: 'chapter 2'. A word in
#: Latin letters that says the season follows no Latin letter: the last letters of the
#: title's last word say nothing ('inheritors 2' is Inheritors and a 2, not 'inheritor' and
#: 's 2'; 'counterpart 2' not 'counter' and 'part 2'), while a Hangul title or a number just
#: before it is no word it ends ('오징어 게임s2', 'reply 1988s2', as with a space; ``\b``
#: would take Hangul and digits for letters of the word). A pattern string: re compiles it
#: (and caches it) the first time a lookup misses, not on every run that imports this module.
_WITH_SEASON = (
    r"^(?P<title>.+?)[\s:,-]*"
    r"(?P<said>(?<![a-z])(?:season|series|chapter|part|pt\.?|vol\.?|p|ss|s)|시즌|파트)?\s*"
    r"(?P<number>\d{1,2})\s*(?P<gi>기|부)?$"
)
#: A season's own title with a subtitle after its number: 'Physical: 100 Season 2 – Underground'.
_SEASON_SUBTITLED = (
    r"^(?P<title>.+?)[\s:,-]*(?P<said>season|series|part|시즌|파트)\s*(?P<number>\d{1,2})"
    r"(?P<gi>)\s*[–—:-]\s*\S.*$"
)
#: 'No.' before the number a fan types after a title ('squid game no. 2'): the number as a bare
#: one, as '#2' is read (normalize drops the '#'), which a title's own 'No.' is not.
_NUMBER_SIGN = r"(?<![a-z])no\.\s*(?=\d{1,2}$)"
#: The words that say a part, not a season: The Glory's part 2 is a half of its season 1
#: ('부' after the number: '더 글로리 2부').
_PART = ("part", "pt", "vol", "p", "파트", "부")
#: A bare number after a title is read as a season only up to this ('reply 88' is not).
_BARE_SEASON_MAX = 20


#: Seasons said in words, one to ten: 'season two', 'part one', 'second season', '2nd season'.
_COUNTED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINAL = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
)  # fmt: skip
#: A number in words after 'season' ('squid game season two'), or alone after the title,
#: as a bare figure is ('squid game two'); alone it follows a space, so 'Thirty-Nine' keeps
#: its nine (a name is found whole before a season is read in it anyway).
_SAID_AFTER = rf"(?:\b(?P<said>season|series|part)\s+|(?<=\S)\s+)(?P<count>{'|'.join(_COUNTED)})$"
_SAID_BEFORE = (
    rf"\b(?:the\s+)?(?:(?P<nth>{'|'.join(_ORDINAL)})|(?P<figures>\d{{1,2}})(?:st|nd|rd|th))"
    r"\s+(?P<said>season|series|part)$"
)
#: The words _SAID_BEFORE closes with.
_SAID_WORDS = ("season", "series", "part")


#: Roman numerals after a title ('kingdom ii', 'squid game season iii'). A bare I, V or X is
#: left alone: it ends many names ('Produce X') and is rarely typed for a season.
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_ROMAN_SEASON = (
    r"(?:\s(?P<said>season|series|part)\s+(?P<any>i{1,3}|iv|v|vi{1,3}|ix|x)"
    r"|\s(?P<bare>i{2,3}|iv|vi{1,3}|ix))$"
)
#: Korean ordinals before 시즌 or 파트: '두번째 시즌', '두 번째 시즌' and '2번째 시즌' are season
#: 2. The ordinal is a word of its own (after a space, or the title's end in figures), so
#: '열두번째 시즌' (the twelfth) is not read as the second. The first is said without 번째
#: too, as Korean says it: '첫 시즌'.
_KOREAN_NTH = ("첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열")
_KOREAN_SAID_BEFORE = (
    rf"(?:\s+|(?<=\d))?(?<![가-힣])(?:(?P<nth>{'|'.join(_KOREAN_NTH)}|\d{{1,2}})\s*번째"
    r"|(?P<first>첫))\s*(?P<said>시즌|파트)$"
)
#: The last season, however said: 'squid game final season', 'squid game: the last season',
#: '오징어 게임 마지막 시즌', '오징어 게임 최종 시즌' (as the Korean press says it). The title is
#: set apart by a space or a colon and is more than an article: 'the final season' names no
#: title.
_LAST_SEASON = (
    r"^(?P<title>.+?)(?:[\s:,-]+(?:the\s+)?(?:final|last|latest)\s+season"
    r"|[\s:,-]+(?:season|시즌)\s+(?:final|finale)|[\s:,-]*(?:마지막|파이널|최종)\s*시즌)$"
)
#: The words _LAST_SEASON closes with.
_LAST_WORDS = ("season", "final", "finale", "시즌")
_ARTICLES = ("the", "a", "an")


def _may_end_in(name: str, endings: Sequence[str]) -> bool:
    """Whether a pattern that closes (``$``, ignoring case) with one of ``endings`` can match
    the name: asked before re compiles the pattern, which costs a run that never needed it
    about a millisecond ('zombie' is no 'squid game season two'). A name not all ASCII is left
    to the pattern (re's IGNORECASE takes the long 'ſ' for an 's', 'ı' for an 'i')."""
    tail = name[:-1] if name.endswith("\n") else name  # $ matches before a last newline too
    return not tail.isascii() or tail.lower().endswith(tuple(endings))


def _has_figures(name: str) -> bool:
    """Whether the name holds a figure, as every pattern reading a season or a year by its
    number needs (``\\d`` takes no character ``str.isdigit`` does not)."""
    return any(ch.isdigit() for ch in name)


def _in_figures(name: str) -> str:
    """The name with a season said in words at its end said in figures, as _WITH_SEASON reads
    it: 'squid game season two', 'squid game second season', 'squid game season ii' and
    '오징어 게임 두번째 시즌' are 'squid game season 2' (or '... 시즌 2'); 'kingdom ii' is
    'kingdom 2', a bare number as typed. Each pattern is asked only of a name with the ending
    it needs (_may_end_in)."""
    roman = re.search(_ROMAN_SEASON, name, re.IGNORECASE) if _may_end_in(name, _ROMAN) else None
    if roman is not None:
        numeral = (roman["any"] or roman["bare"]).casefold()
        said = f" {roman['said']}" if roman["said"] else ""
        return f"{name[: roman.start()]}{said} {_ROMAN.index(numeral) + 1}"
    korean = None if name.isascii() else re.search(_KOREAN_SAID_BEFORE, name)
    if korean is not None:
        nth = korean["nth"] or korean["first"]
        number = int(nth) if nth.isdigit() else _KOREAN_NTH.index(nth) + 1
        return f"{name[: korean.start()]} {korean['said']} {number}"
    after = re.search(_SAID_AFTER, name, re.I) if _may_end_in(name, _COUNTED) else None
    if after is not None:
        number = _COUNTED.index(after["count"].casefold()) + 1
        return f"{name[: after.start()]}{after['said'] or ''} {number}"
    before = re.search(_SAID_BEFORE, name, re.I) if _may_end_in(name, _SAID_WORDS) else None
    if before is not None:
        nth = before["nth"]
        number = _ORDINAL.index(nth.casefold()) + 1 if nth else int(before["figures"])
        return f"{name[: before.start()]}{before['said']} {number}"
    return name


class _SeasonAsked(Record):
    """A name read as a title followed by a season: 'squid game 2' -> ('squid game', 2)."""

    title: str
    number: int
    #: The season was said in words ('season', 'part', 's', '시즌', '파트', '기'), not a bare
    #: number.
    said: bool
    #: Said as 'part' or '파트' (The Glory's part 2 is a part of its season 1).
    part: bool
    #: Said as the last season ('final season', '마지막 시즌'): ``number`` is 0 until the title
    #: is found and says which (_last_said).
    last: bool = False


def _season_asked(name: str, subtitled: bool = False) -> _SeasonAsked | None:
    """The name as a title and a season, when it reads as one; ``subtitled`` reads a season's
    own title with a subtitle after its number too ('Physical: 100 Season 2 – Underground')."""
    typed = name.strip()
    last = re.match(_LAST_SEASON, typed, re.I) if _may_end_in(typed, _LAST_WORDS) else None
    if last is not None and last["title"].strip().casefold() not in _ARTICLES:
        return _SeasonAsked(last["title"], 0, said=True, part=False, last=True)
    name = _in_figures(name.strip())
    if not _has_figures(name):  # every pattern below reads a number
        return None
    if not subtitled:  # typed, not a name's own 'No.' (Korea No.1, Miracle in Cell No.7)
        name = re.sub(_NUMBER_SIGN, "", name, count=1, flags=re.IGNORECASE)
    found = re.match(_WITH_SEASON, name, re.IGNORECASE)
    if found is None and subtitled:
        found = re.match(_SEASON_SUBTITLED, name, re.IGNORECASE)
    if found is None:
        return None
    said = (found["said"] or found["gi"] or "").casefold().rstrip(".")
    number = int(found["number"])
    return _SeasonAsked(found["title"], number, bool(said), said in _PART)


def _last_said(asked: _SeasonAsked, show: Show) -> _SeasonAsked:
    """The season asked, with the last season said in words made the title's latest season
    out (or, when none is out, its last announced): a fan asking for Squid Game's final
    season means the third, out in 2025, not one the catalogue has no word of."""
    if not asked.last:
        return asked
    seasons = show.watchable_seasons(dt.date.max) or show.seasons  # as `list` counts them
    number = max((season.number for season in seasons), default=0)
    return asked._replace(number=number, last=False)  # said now: read once per title found


#: An episode typed after a title (and its season): 'squid game s2e3', 'squid game s02e03',
#: 'squid game season 2 episode 3', 'Squid Game: Season 2: Episode 3' (as Netflix's history
#: names one), 'moving ep 3', '오징어 게임 시즌2 3화'. The seen list keeps seasons, not episodes:
#: `seen add` reads the episode off and marks its season (episode_in_name).
_EPISODE = (
    r"^(?P<rest>.+?)(?:[\s:,-]*(?:(?<=\d)e|(?<![a-z])(?:episode|ep\.?|e)\s*)(?P<number>\d{1,3})"
    r"|\s*(?P<korean>\d{1,3})\s*(?:화|회))$"
)


def episode_in_name(name: str) -> tuple[str, int] | None:
    """The name without an episode typed at its end, and the episode ('squid game s2e3' is
    ('squid game s2', 3)); None when it names none. A title's own name is found whole first
    (the caller's part): no title of the shipped catalogue ends so."""
    found = re.match(_EPISODE, name.strip(), re.IGNORECASE)
    if found is None or not (rest := found["rest"].rstrip(" :,-")):
        return None
    return rest, int(found["number"] or found["korean"])


def season_in_name(name: str) -> int | None:
    """The season a name gives after its title, as a lookup reads it ('Hospital Playlist:
    Season 2' is 2, '오징어 게임: 시즌2' 2, 'Physical: 100 Season 2 – Underground' 2), or None
    ('1호가 될 순 없어' holds a figure that is no season). A last season said in words names no
    number until its title is found, so is None here."""
    asked = _season_asked(name, subtitled=True)
    return None if asked is None or asked.last else asked.number


def _names_a_season(asked: _SeasonAsked, title_closeness: int) -> bool:
    """Whether the number names a season of the title the words before it found (as closely
    as ``title_closeness``): always when the season was said in words ('reply season 1'); a
    bare number only up to _BARE_SEASON_MAX and after a whole (or respelled) name. A bare
    number after part of a name is the name typed short: 'reply 1' and 'reply 88' are
    Reply 1988 (or a miss), not a season of it."""
    if asked.said:
        return True
    return asked.number <= _BARE_SEASON_MAX and title_closeness != PART


def _held_by_short_name(asked: _SeasonAsked, title: Match) -> bool:
    """Whether a bare number after part of a name is a season all the same: the one title the
    words begin has no figure in its name to be typed short, and has that season, or a part of
    that number ('penthouse 2' is The Penthouse: War in Life's season 2, 'glory 2' the part of
    The Glory's season 1), while 'reply 1' is still not a season of Reply 1988."""
    if asked.said or asked.number > _BARE_SEASON_MAX or closeness(title) != PART:
        return False
    show = title.show
    if any(ch.isdigit() for name in (show.title, title.matched_name) for ch in name):
        return False
    return (
        show.season(asked.number) is not None or _season_with_part(show, asked.number) is not None
    )


#: A title followed by the year it came out: 'squid game 2021', 'new world (2013)', and as
#: Korean writes a year, with 년 ('year') after it, or 년작 ('the work of the year'): '오징어
#: 게임 2021년', '(2024년)'. Four figures, so never a season ('squid game 2') nor most titles'
#: own numbers (Physical: 100); a name that ends in a year of its own (Reply 1988) is found
#: whole before this is read.
_WITH_YEAR = (
    r"^(?P<title>.+?)[\s:,-]*"
    r"(?:\((?P<bracketed>(?:19|20)\d\d)(?:\s*년작?)?\)|(?P<year>(?:19|20)\d\d)(?:\s*년작?)?)$"
)


class _YearAsked(Record):
    """A name read as a title followed by a year: 'squid game (2021)' -> ('squid game', 2021)."""

    title: str
    year: int


def _year_asked(name: str) -> _YearAsked | None:
    found = re.match(_WITH_YEAR, name.strip()) if _has_figures(name) else None
    if found is None:
        return None
    return _YearAsked(found["title"], int(found["bracketed"] or found["year"]))


def _title_and_year(
    dataset: Dataset, query: str, within: int, asked: _YearAsked | None = None
) -> Match | None:
    """The title the words before a year find among those whose years hold it ('squid game
    2021'; 'new world 2013' is the film of 2013, not the series of the same name); None when
    the query ends in no year, or its words find no title from that year and name none whole
    (part of a name and a year is then the nearest names' miss, as it was).

    Raises NoSuchYear when the words name titles whole and none is from that year, and
    Ambiguous when several are. ``asked``: the query read otherwise than as typed (the words
    before a plural's 's', _without_plural), the query still the words said in a miss."""
    asked = asked or _year_asked(query)
    if asked is None:
        return None
    try:
        found = _find_show(
            dataset,
            asked.title,
            spelled=True,
            suggestions=False,
            within=within,
            keep=lambda show: show.spans_year(asked.year),
        )
    except Ambiguous as many:  # several of that year: the list quotes the whole query
        raise Ambiguous("title", query, many.candidates, many.partial, many.respelled) from None
    except NotFound:
        pass
    else:
        return _season_of_year(query, found, asked.year)
    named = fetch(dataset.shows, _named_whole(dataset, asked.title))
    if not named:
        # a title and a season before the year ('squid game 2 2024', 'squid game 2 (2024)'),
        # as 'squid game season 2 2024' reads: the season must be of that year. Words that
        # are a title's whole name ('believer 2') are that title, of another year.
        seasoned = _title_and_season(dataset, asked.title, spelled=True, within=within)
        if seasoned is not None:
            return _season_of_year(query, seasoned, asked.year)
    if named and _no_title_of_year(dataset, query, asked.year, named):
        raise NoSuchYear(query, asked.year, named)
    return None


def _season_of_year(query: str, found: Match, year: int) -> Match:
    """The title a name and a year found, narrowed to the year: a later year than the title's
    first is the one season that aired in it ('squid game 2024': season 2; 'taxi driver 2026':
    season 3, which ran from November 2025 to January 2026), the first year the whole title
    ('squid game 2021', as a title is named with its year). A season named too must have aired
    in that year ('squid game season 2 2021' says two things: TwoSeasons' kin)."""
    show = found.show
    aired = {s.number: _years_aired(s) for s in show.released_seasons if s.release_date}
    if found.season is not None:
        years = aired.get(found.season)
        if years is not None and year not in years:
            raise SeasonNotOfYear(query, show, found.season, years[0], year)
        return found
    if year == show.year:
        return found
    of_year = [number for number, years in aired.items() if year in years]
    if not of_year and aired and len(aired) == len(show.released_seasons):
        raise NoSeasonOfYear(query, show, aired, year)
    return found._replace(season=of_year[0]) if len(of_year) == 1 else found


def _years_aired(season: Season) -> range:
    """The years a season aired in: its first day's to its last day's (one when it came out at
    once, or its end is not known)."""
    first = season.release_date.year if season.release_date else 0
    last = season.end_date.year if season.end_date else first
    return range(first, max(first, last) + 1)


def _no_title_of_year(dataset: Dataset, query: str, year: int, named: Sequence[Show]) -> bool:
    """Whether a name and a year are a miss to say as one (NoSuchYear): every title of that
    name has years, and none of the nearest names holds the year itself ('travelogue earth
    2022' is Travelogue Earth: 2021-2022 typed short, which 'Did you mean' offers). A title
    whose year is unknown may be of that year, so that is the ordinary miss."""
    if any(show.year is None for show in named):
        return False
    return not any(str(year) in name for name in suggest(dataset, "show", query))


#: The tables a miss of each kind names its nearest names from (NotFound.kind).
_SUGGESTED_FROM = {"title": ("show",), "person": ("person",), "person or title": ("person", "show")}


def suggested_ids(dataset: Dataset, miss: NotFound) -> list[str]:
    """The ids of what a miss's "Did you mean" names, in its order: the slug of each title and
    the id of each person one of whose whole names a suggestion is (two titles of one name are
    both given), for a script, which cannot pass a name read for a person to the next command
    as surely as an id."""
    ids: list[str] = []
    for name in miss.suggestions:
        for table in _SUGGESTED_FROM.get(miss.kind, ()):
            ids += _named_whole(dataset, name, table=table)
    return list(dict.fromkeys(ids))


def _named_whole(
    dataset: Dataset, name: str, lookup: NameLookup | None = None, table: str = "show"
) -> list[str]:
    """The slugs of the titles one of whose whole names (a slug, a title, an alias, a Korean
    title, a Netflix title) ``name`` is, whatever their years; with ``table`` "person", the
    ids of the people it is the whole name of."""
    key = normalize(name)
    if not key:
        return []
    rows, _ = next(_candidates(dataset, table, key, lookup, and_spellings(name)))
    return list(dict.fromkeys(row.target for row in rows))


def find_show(
    dataset: Dataset, query: str, suggestions: bool = True, within: int = RESPELLED
) -> Match:
    """The title a query names (_find_show_in_stages), unless it names a title only by part
    of a name or by its sound and names a person in full: 'Lee Je-hoon' is the actor, not
    이제 혼자다! (All By Myself) by sound, and 'Bona' the actress, not the start of Bon
    Appétit, Your Majesty. Such a miss says who the name is, and offers the titles found by
    part of a name (not by sound). With ``suggestions`` False (a caller weighing a title
    against a person itself, as path does, or narrowing to titles of its own, as `seen
    remove` does), the title is returned."""
    try:
        match = _find_show_in_stages(dataset, query, suggestions, within)
    except Ambiguous as many:  # 'Rain' begins nine titles' names, and is one man's
        if suggestions and many.closeness != WHOLE:
            _refuse_a_persons_name(dataset, query, many)
        raise
    if suggestions and closeness(match) != WHOLE:
        _refuse_a_persons_name(dataset, query, match)
    return match


def _refuse_a_persons_name(dataset: Dataset, query: str, found: Match | Ambiguous) -> None:
    """Raise the miss that says who the query names in full, if it names a person so; the
    titles ``found`` by part of a name are offered, by their names and Korean titles ('선재'
    is a person, and 선재 업고 튀어 is Lovely Runner), while one found by sound is no likelier
    meant than any other near name. The miss keeps what was found (``refused_for``)."""
    person = person_named_over(dataset, query, found)
    if person is None:
        return
    said = f"{query!r} is a person: {command_line(f'person {person.id}')}"
    if isinstance(found, Ambiguous):
        titles, how = [title for _, title in found.candidates], found.closeness
    else:
        titles, how = [found.show.title], closeness(found)
    begun = how == PART or _begins_with_them(found, person)
    miss = NotFound("title", query, titles[:_SUGGESTED] if begun else [], other=said)
    miss.refused_for = found
    raise miss


def _begins_with_them(found: Match | Ambiguous, person: Person) -> bool:
    """Whether the one title found by sound begins with the person's own name, as his show
    백종원의 레미제라블 begins with Paik Jong-won's: it is offered, while 이제 혼자다 (All By
    Myself), which only sounds like the start of 'Lee Je-hoon', is not."""
    if not isinstance(found, Match):
        return False
    show = found.show
    pairs = ((person.hangul, show.korean_title), (person.name, show.title))
    return any(
        name and title and normalize(title).startswith(normalize(name)) for name, title in pairs
    )


def person_named_over(dataset: Dataset, query: str, found: Match | Ambiguous) -> Person | None:
    """The person a query names more closely than it names the titles ``found`` by part of a
    name or by sound (find_show refuses such a title for them): one whose whole name it is
    ('Lee Je-hoon', not 이제 혼자다! by sound), or, for a title found only by the sound of the
    start of its name, one whose name it is by sound ('Baek Jong-won' is Paik Jong-won, not
    the start of 백종원의 레미제라블)."""
    person = _whole_person(dataset, query, exact_only=True)
    if person is None and _whole_by_sound_over_start(query, found):
        person = _person_by_sound(dataset, query)
    return person


def _person_by_sound(dataset: Dataset, query: str) -> Person | None:
    """The one person the query names by the sound of their name ('Baek Jong-won' is Paik
    Jong-won), for a title found only by the sound of the start of its name (his show
    백종원의 레미제라블), which path and person already weigh so."""
    try:
        person, how = _find_person(dataset, query, suggestions=False)
    except LookupError_:
        return None
    return person if how != PART else None


def _find_show_in_stages(
    dataset: Dataset, query: str, suggestions: bool = True, within: int = RESPELLED
) -> Match:
    """The title a query names, found in stages; the first that answers wins:

    1. the query as typed (_find_show): the exact slug, then a whole name of any kind (an
       alias that is a season's own title opens that season: 'hospital playlist 2'), then the
       whole name of the webtoon or novel a title adapts, then part of one title's name
       (unless only by a plural's 's' run into a further word of it: 'kingdoms' is Kingdom,
       not Dream kingdom Sofy&Ruby, _plural_over_run_on);
    2. the query as a title followed by the year it came out (_title_and_year: 'squid game
       2021', 'new world (2013)'); a year none of the titles a whole name names is from is
       NoSuchYear;
    3. the query as a title followed by a season (_title_and_season, one rule for every
       stage: 'squid game 2', '오징어 게임 시즌2', 'squid game season two', not 'reply 1').
       After stage 1 found a title by part of a name or by an alias, a season read so is kept
       (_with_season_of); when stage 1 found nothing, the words before the season may also be
       respelled, and a season the title lacks is NoSuchSeason;
    4. the name however it is romanised or typed (its sound, its Hangul initials);

    between stages 3 and 4, a plural 's' closing a title's whole name ('squid games', or
    before a season: 'squid games 2': _without_plural), then a leading article no title's
    name has ('the inheritors' is Inheritors, which the English press calls The Inheritors
    too), read without it, with a year or a season after the name as stages 2 and 3 read them
    (_without_article), then a possessive closing a whole name ("squid game's":
    _without_possessive), then a Korean particle closing one ('오징어 게임은':
    _without_particle);

    else raise NotFound (with the nearest titles unless ``suggestions`` is False, and what
    the name is when it is a person's).

    ``within`` is the loosest match tried (WHOLE: whole names only; PART: parts of names too):
    a title weighed against a person found that closely need not pay for the looser stages,
    whose queries are the costly ones at scale."""
    try:
        found = _find_show(dataset, query, spelled=False, suggestions=False, within=within)
    except NotFound:
        pass
    except Ambiguous as many:  # 'the secret' begins eight titles' names; Secret is one whole
        if many.partial and (whole := _whole_over_part(dataset, query)) is not None:
            return whole
        raise
    else:
        found = _with_season_of(dataset, query, found, within)
        if closeness(found) == PART and (whole := _whole_over_part(dataset, query)) is not None:
            return whole  # 'the escape' is Escape, not the start of The Escape of the Seven
        return found
    dated = _title_and_year(dataset, query, within)
    if dated is not None:
        return dated
    season = _title_and_season(dataset, query, spelled=True, within=within)
    if season is not None and closeness(season) == PART:  # 'a korea no.1' is Korea No.1
        return _whole_over_part(dataset, query) or season
    if season is not None:
        return season
    # A plural before an article the title lacks: 'a good boys' is A Good Boy, not Good Boy.
    without_plural = _without_plural(dataset, query)
    if without_plural is not None:
        return without_plural
    without_article = _without_article(dataset, query)
    if without_article is not None:
        return without_article
    without_possessive = _without_possessive(dataset, query)
    if without_possessive is not None:
        return without_possessive
    without_particle = _without_particle(dataset, query)
    if without_particle is not None:
        return without_particle
    if within < RESPELLED:
        raise NotFound("title", query, [])
    try:
        return _find_show(dataset, query, spelled=True, suggestions=suggestions)
    except NotFound as miss:
        if suggestions:
            miss = _with_titles_in_words(dataset, miss)
        person = _whole_person(dataset, query) if suggestions else None
        if person is None and suggestions:
            # '이정재 배우', '이정재 씨': the person the name is, as person finds them; a name
            # several share is said no more than the bare name's miss says it
            try:
                person = _courteous(dataset, query)
            except Ambiguous:
                person = None
        if person is not None:
            said = f"{query!r} is a person: {command_line(f'person {person.id}')}"
            raise _said_also(miss, said) from None
        character = character_named(dataset, query, "title") if suggestions else None
        if character is not None:
            raise _said_also(miss, character) from None
        played = character_in_title(dataset, query) if suggestions else None
        if played is None:
            raise miss from None
        raise _said_played(miss, played) from None


#: How many titles "Did you mean" names.
_SUGGESTED = 3


def find_show_among(dataset: Dataset, query: str, among: Collection[str]) -> Match:
    """find_show, for a command about a few titles of the catalogue (``among``: the slugs
    on the seen list, for `seen remove`): a query that matches several titles, only one of
    them among those, is that one ('king' is Kingdom when only Kingdom is seen, not a choice of
    20 titles); several among them are the choice; none, the whole catalogue's. A person's
    whole name still finds a title among those ('rain' is Rain or Shine when it is seen),
    which find_show refuses when the whole catalogue is asked."""
    try:
        match = find_show(dataset, query)
    except NotFound as miss:
        found = miss.refused_for
        if found is None:
            raise
        if isinstance(found, Ambiguous):
            return _one_among(dataset, query, found, among, miss)
        if found.show.slug not in among:
            raise miss from None
        return found
    except Ambiguous as many:
        return _one_among(dataset, query, many, among)
    if match.show.slug not in among:  # 'Start-Up' is the series' slug, the film's title too
        named = also_named(dataset, "title", query, match.show.slug, match.show.title)
        listed = [slug for slug, _ in named[1:] if slug in among]
        if len(listed) == 1:
            show = dataset.shows[listed[0]]
            return Match(show, "title", show.title)
    return match


def _one_among(
    dataset: Dataset,
    query: str,
    many: Ambiguous,
    among: Collection[str],
    refused: NotFound | None = None,
) -> Match:
    """The one of several titles a query matched that is among ``among``, with the season the
    query named; several among them are the choice; none, the error the whole catalogue
    gives (``refused``, when find_show refused a person's name, else the ambiguity)."""
    kept = [(slug, title) for slug, title in many.candidates if slug in among]
    if len(kept) > 1:
        raise Ambiguous("title", query, kept, many.partial, many.respelled) from None
    if not kept:
        raise refused or many
    show = dataset.shows[kept[0][0]]
    found = Match(show, "partial" if many.partial else "title", show.title)
    # The words before a season found several ('king season 2'): the season is kept, or
    # `seen remove` would take every season of the title off.
    asked = _season_asked(query)
    if asked is not None and normalize(asked.title) == normalize(many.query):
        return _with_asked_season(query, found, asked)
    return found


def _with_titles_in_words(dataset: Dataset, miss: NotFound) -> NotFound:
    """The miss, naming first the titles its words name read more loosely than a lookup reads
    them (titles_in_words), before the nearest names by spelling: 'glory 2' was "no title
    matches" with no suggestion at all, while 'reply 88' offered Reply 1988; and, for a query
    closing with a plural 's', the titles its singular names so ('glorys': The Glory), which
    _without_plural opens only when the singular is one title's whole name; for one closing
    with the 's' doubled, the titles named whole without it ('screwballss': Screwballs,
    'squid gamess': Squid Game), which are never opened on that reading."""
    plural = _plural_asked(miss.query)
    closing = plural is not None and plural.season is None and plural.year is None
    singular = plural.singular if plural is not None and closing else None
    near = [
        *titles_by_initials(dataset, miss.query),
        *titles_in_words(dataset, miss.query),
        *titles_in_both_scripts(dataset, miss.query),
        *(_titles_found(dataset, singular) if singular else ()),
        *(name for bare in _doubled_dropped(miss.query) for name in _titles_named(dataset, bare)),
    ]
    if not near:
        return miss
    named = list(dict.fromkeys([*near, *miss.suggestions]))[:_SUGGESTED]
    return NotFound(miss.kind, miss.query, named, miss.catalogue, miss.counted)


def _slugs_found(dataset: Dataset, query: str) -> list[str]:
    """The titles a lookup finds for the query, for "Did you mean" only: the one it opens, or
    the first of several it would ask between; none for a miss."""
    try:
        return [_find_show(dataset, query, True, suggestions=False).show.slug]
    except Ambiguous as many:
        return [slug for slug, _ in many.candidates[:_SUGGESTED]]
    except LookupError_:
        return []


def _titles_named(dataset: Dataset, name: str) -> list[str]:
    """The names of the titles ``name`` is a whole name of, as a "Did you mean" lists them."""
    from kdrama_cli.catalogue.printable import clean

    shows = [dataset.shows.get(slug) for slug in _named_whole(dataset, name)]
    return list(dict.fromkeys(clean(show.title) for show in shows if show))


def _titles_found(dataset: Dataset, query: str) -> list[str]:
    """The names of the titles _slugs_found gives, as a "Did you mean" lists them."""
    from kdrama_cli.catalogue.printable import clean

    shows = [dataset.shows.get(slug) for slug in _slugs_found(dataset, query)]
    return [clean(show.title) for show in shows if show]


#: An acronym a fan types for a title: three to eight letters or figures, one word.
_ACRONYM = r"[a-z0-9]{3,8}"
#: How many words a name needs for its initials to be an acronym of it: two are a word.
_ACRONYM_WORDS_MIN = 3


def titles_by_initials(dataset: Dataset, query: str) -> list[str]:
    """The titles one of whose Latin names has the query for its words' initials, in order
    ('AOUAD' is All of Us Are Dead, 'EAW' Extraordinary Attorney Woo), for "Did you mean" only:
    initials alone never open a title, as an acronym the dataset lists as an alias ('CLOY')
    does, found whole before any of this."""
    from kdrama_cli.catalogue.printable import clean

    typed = query.strip().casefold()
    if not re.fullmatch(_ACRONYM, typed):
        return []
    lookup = lookup_of(dataset)
    _, labels = lookup.keys_and_labels("show")
    named = [
        clean(labels[index])
        for index, text in enumerate(lookup.spaced_keys("show"))
        if text[:1] == typed[:1] and _initials_of(text) == typed
    ]
    return list(dict.fromkeys(named))[:_SUGGESTED]


def _initials_of(spaced: str) -> str:
    """The initials of a key spaced where its words begin (names.word_keys): 'all of us are
    dead' -> 'aouad'; none for a name of fewer than _ACRONYM_WORDS_MIN words."""
    parts = re.split(r"[ -]+", spaced)
    return "".join(part[:1] for part in parts) if len(parts) >= _ACRONYM_WORDS_MIN else ""


def titles_in_words(dataset: Dataset, query: str) -> list[str]:
    """The titles a query names when read more loosely than a lookup reads it, for "Did you
    mean": without a trailing number ('glory 2' is The Glory: a bare number after part of a
    name is read as the name typed short, not as a season, so it names no title) or year
    ('glory 2019': no title of the name's part is from 2019), and as
    words of one title in any order, each the start of one of its words ('kingdom north' is
    Kingdom: Ashin of the North, 'trade secret detectives' Detectives: The Trade Secret),
    those in the title's order first. Several matches are named too (up to _SUGGESTED)."""
    from kdrama_cli.catalogue.folding import matches_words_skipping
    from kdrama_cli.catalogue.printable import clean

    slugs: list[str] = []
    for asked in (_year_asked(query), _season_asked(query)):
        if asked is not None:
            slugs += _slugs_found(dataset, asked.title)
    typed = words(query)
    keys = [word for word in typed if len(word) >= 3]
    if len(typed) >= 2 and keys:
        in_order: list[str] = []
        any_order: list[str] = []
        for row in lookup_of(dataset).title_rows_holding(keys):
            have = words(row.name)
            if all(any(word.startswith(w) for word in have) for w in typed):
                ordered = matches_words_skipping(query, row.name)
                (in_order if ordered else any_order).append(row.target)
        slugs += [*in_order, *any_order]
    shows = [dataset.shows.get(slug) for slug in dict.fromkeys(slugs)]
    return list(dict.fromkeys(clean(show.title) for show in shows if show))[:_SUGGESTED]


#: The words a command that takes one title is asked by, which a fan types with the title
#: too ('kdrama cast "squid game cast"', 'kdrama trivia --show "trivia about squid game"'),
#: in Korean too: the cast (출연진, 출연자, 캐스트), its actors (배우, 배우들) or its characters
#: (등장인물), which a cast lists beside them.
_COMMAND_WORDS = {
    "cast": (
        *("cast", "cast list", "actors"),
        *("출연진", "출연자", "캐스트", "배우들", "배우", "등장인물"),
    ),
    "trivia": ("trivia", "facts", "fact"),
    "quiz": ("quiz",),
    "similar": ("similar", "like"),
    "chart": ("chart", "charts", "top 10"),
}
#: The words a fan types after a title for what a command does not show ('squid game ratings'
#: to chart, which draws Netflix's weekly Top 10, never a TV rating): the title is not opened
#: as though the word were not there, and the miss says where that is (ratings_word_dropped).
_WORDS_CHART_DOES_NOT_SHOW = {"chart": ("tv ratings", "tv rating", "ratings", "rating", "시청률")}
#: The little words between a command's word said first and the title ('cast of squid game').
_COMMAND_JOINERS = ("of", "for", "about", "from", "in", "on", "to")


def command_word_dropped(command: str | None, query: str) -> str | None:
    """The query without the command's own word that closes it ('squid game cast', "squid
    game's cast") or opens it ('cast of squid game'), for a command to look up when the query
    as typed named nothing; None when it has none or nothing is left."""
    said = "|".join(re.escape(word) for word in _COMMAND_WORDS.get(command or "", ()))
    if not said:
        return None
    typed = query.strip()
    joiners = "|".join(_COMMAND_JOINERS)
    for pattern in (
        # after a possessive, English or Korean ("squid game's cast", '오징어 게임의 출연진')
        rf"(?:['’]s|의)?[\s:,-]+(?:{said})$",
        rf"^(?:{said})(?:[\s:,-]+(?:{joiners}))?[\s:,-]+",
    ):
        bare = re.sub(pattern, "", typed, count=1, flags=re.IGNORECASE)
        if bare != typed:
            return bare if bare.strip() else None
    return None


#: The little words between a crew word said first and the title or name ('director of
#: kingdom', 'writer for squid game').
_CREW_JOINERS = ("of", "for", "on", "in", "from", "behind")
#: Words that alone beside a crew word name no title and no one ('writer from', 'and
#: writer', 'the director'): the joiners, articles and other little words.
_NOT_BESIDE_A_CREW_WORD = frozenset(
    (*_CREW_JOINERS, *_ARTICLES, "and", "or", "&", "at", "to", "by", "with", "의")
)


def crew_word_split(query: str) -> tuple[str, str] | None:
    """The crew capacity a word for it closes a query with ('squid game director', "squid
    game's writers", '오징어 게임 감독') or opens it with ('director of kingdom', 'the writers of
    squid game', '감독 오징어 게임'), and the words beside it: a title's or a name's, as
    answers.search.crew_reading reads them (vocab.CREW_WORDS). None when no such word is
    there, or only little words beside it ('writer from', 'and writer')."""
    from kdrama_cli.catalogue.vocab import CREW_WORDS

    typed = query.strip()
    if typed.isascii() and not any(word in typed.lower() for word in CREW_WORDS):
        return None  # no crew word to read: the patterns are not compiled ('zombie')
    said = "|".join(re.escape(word) for word in sorted(CREW_WORDS, key=len, reverse=True))
    joiners = "|".join(_CREW_JOINERS)
    for pattern in (
        rf"^(?P<rest>.*?\S)(?:['’]s|의)?[\s:,-]+(?:the\s+)?(?P<word>{said})$",
        rf"^(?:the\s+)?(?P<word>{said})(?:[\s:,-]+(?:{joiners}))?[\s:,-]+(?P<rest>\S.*)$",
    ):
        asked = re.match(pattern, typed, re.IGNORECASE)
        if asked is None:
            continue
        beside = re.split(r"[\s:,-]+", asked["rest"].strip().lower())
        if all(word in _NOT_BESIDE_A_CREW_WORD for word in beside if word):
            continue  # 'the director', 'writer from': no title or name beside it
        return CREW_WORDS[asked["word"].lower()], asked["rest"].strip()
    return None


def kind_word_dropped(dataset: Dataset, query: str) -> str | None:
    """The words of a query that a word for a kind of title closes or opens ('train to busan
    movie', '영화 부산행', 'squid game series', 'the film parasite'), when they name one title
    whole and it is of that kind (vocab.KIND_WORDS, or the kind's own name): the title is
    meant, as a fan says which one. None otherwise: a word for another kind than the title's
    ('squid game movie') reads it no more than a miss does."""
    from kdrama_cli.catalogue.vocab import KIND_WORDS, SHOW_KINDS

    kinds = {kind: kind for kind in SHOW_KINDS if kind not in ("special", "unknown")}
    kinds.update({word.replace("-", " "): kind for word, kind in KIND_WORDS.items()})
    said = "|".join(re.escape(word) for word in sorted(kinds, key=len, reverse=True))
    typed = query.strip()
    for pattern in (
        rf"^(?P<rest>.*?\S)[\s:,-]+(?P<word>{said})$",
        rf"^(?:the\s+)?(?P<word>{said})[\s:,-]+(?P<rest>\S.*)$",
    ):
        asked = re.match(pattern, typed, re.IGNORECASE)
        if asked is None:
            continue
        rest = asked["rest"].strip()
        try:
            match = find_show(dataset, rest, suggestions=False, within=WHOLE)
        except LookupError_:
            continue
        if closeness(match) == WHOLE and match.show.kind == kinds[asked["word"].lower()]:
            return rest
    return None


def ratings_word_dropped(command: str | None, query: str) -> str | None:
    """The query without a closing word for what ``command`` does not show ('squid game
    ratings' to chart: 'squid game'), for a miss to say what the title has instead
    (ratings_not_charted); None when it has no such word."""
    said = "|".join(re.escape(word) for word in _WORDS_CHART_DOES_NOT_SHOW.get(command or "", ()))
    if not said:
        return None
    typed = query.strip()
    bare = re.sub(rf"(?:['’]s)?[\s:,-]+(?:{said})$", "", typed, count=1, flags=re.IGNORECASE)
    return bare if bare != typed and bare.strip() else None


#: What chart shows instead of the TV ratings asked for (ratings_not_charted).
CHART_IS_NO_RATINGS = "kdrama chart draws Netflix's weekly Top 10, not TV ratings"


def ratings_not_charted(show: Show) -> str:
    """What a chart miss for a title and 'ratings' says (ratings_word_dropped): that chart draws
    Netflix's weekly Top 10, and where the title's TV ratings are, or that there are none."""
    from kdrama_cli.catalogue.printable import clean

    said = CHART_IS_NO_RATINGS
    page = command_line(f"show {show.slug}")
    if any(stat.metric == "ratings" for stat in show.stats):
        return f"{said}: {whose(clean(show.title))} are on its page, {page}"
    top10 = command_line(f"chart {show.slug}")
    title = clean(show.title)
    return f"{said}, and the catalogue holds no TV ratings of {title}; its Top 10 weeks: {top10}"


def titles_in_both_scripts(dataset: Dataset, query: str) -> list[str]:
    """The titles a query typed partly in Hangul and partly in Latin letters names, for "Did
    you mean" only ('오징어 game' and 'squid 게임' are Squid Game, 'the 글로리' The Glory): its
    Hangul words are in one of the title's Hangul names (Korean spacing is loose: '오징어게임'),
    and its other words each begin a word of one of its other names. Two halves of two names
    are no one name typed, so the reading never opens a title. A season or a year after the
    words is taken off first, as the season and year stages read one ('오징어 game 2' is Squid
    Game, not only Squid Game: Making Season 2, whose English name holds the '2'), and a
    plural's 's' after the last of them ('오징어 games', '오징어 games 2')."""
    season = _season_asked(query)
    dated = _year_asked(query)
    readings = [asked.title for asked in (season, dated) if asked is not None]
    plural = _plural_asked(query)
    if plural is not None:
        readings.append(plural.singular)
    found = [name for reading in [*readings, query] for name in _in_both_scripts(dataset, reading)]
    return list(dict.fromkeys(found))[:_SUGGESTED]


def _in_both_scripts(dataset: Dataset, query: str) -> list[str]:
    """titles_in_both_scripts for the query as typed."""
    from kdrama_cli.catalogue.printable import clean

    typed = words(query)
    hangul = [word for word in typed if has_hangul(word)]
    latin = [word for word in typed if not has_hangul(word)]
    if not hangul or not latin:
        return []
    lookup = lookup_of(dataset)
    korean = {row.target for row in lookup.title_rows_holding(hangul) if has_hangul(row.name)}
    if not korean:
        return []
    rows = [
        row
        for row in lookup.title_rows_holding(latin)
        if row.target in korean
        and not has_hangul(row.name)
        and all(any(word.startswith(w) for word in words(row.name)) for w in latin)
    ]
    rows.sort(key=lambda row: len(row.key))  # the fewest other words first: Squid Game
    shows = [dataset.shows.get(slug) for slug in dict.fromkeys(row.target for row in rows)]
    return list(dict.fromkeys(clean(show.title) for show in shows if show))[:_SUGGESTED]


#: Articles a title may begin with, which a fan may leave out or type.
_ARTICLE = r"^(?:the|a|an)\s+(?=\S)"


def _without_article(dataset: Dataset, query: str) -> Match | None:
    """The one title a query names whole once its leading article is left out, where the
    query with it named nothing, not even part of a name: fans and the English press put an
    article before a title that has none ('The Inheritors'). Only a whole name is taken, and
    only one title's, so the article never turns a miss into a guess: a name that is part of
    several titles stays a miss, with its "Did you mean"."""
    bare = re.sub(_ARTICLE, "", query.strip(), count=1, flags=re.IGNORECASE)
    if bare == query.strip():
        return None
    try:  # 'the inheritors 2013' and 'the inheritors 2' too, by whole names only
        found = _find_show_in_stages(dataset, bare, suggestions=False, within=WHOLE)
    except NoSuchSeason:  # 'the inheritors 2': the catalogue has season 1 of Inheritors
        raise
    except NoSuchYear as miss:  # said of the words typed, article and all
        raise NoSuchYear(query, miss.year, miss.shows) from None
    except LookupError_:
        return None
    return found if closeness(found) == WHOLE else None


def _whole_over_part(dataset: Dataset, query: str) -> Match | None:
    """The one title the query names whole once its leading article is left out, for a query
    that as typed is only part of a name: a whole name is the closer match, as it is
    everywhere else ('the escape' is the film Escape, not the start of The Escape of the
    Seven; 'a murderer' is Murderer, not the end of Memoir of a Murderer). A season or a year
    the bare title lacks leaves the part of a name found as typed."""
    try:
        return _without_article(dataset, query)
    except LookupError_:
        return None


#: An English possessive closing what was typed ("squid game's", "Lee Jung-jae’s"): a fan
#: asking about a title's or a person's things. The full-width apostrophe is folded by NFKC.
_QUERY_POSSESSIVE = r"(?<=\w)['’＇]s$"


def possessive_dropped(query: str) -> str | None:
    """The query without the possessive that closes it ('squid game's' -> 'squid game'), or
    None when it has none."""
    return _dropped(_QUERY_POSSESSIVE, query) if _may_end_in(query.strip(), ("s",)) else None


def _dropped(pattern: str, query: str) -> str | None:
    """The query without the ending ``pattern`` matches (a possessive, a plural 's'), or None
    when it has none or nothing is left before it."""
    typed = query.strip()
    bare = re.sub(pattern, "", typed, count=1, flags=re.IGNORECASE)
    return bare if bare != typed and bare.strip() else None


def _without_possessive(dataset: Dataset, query: str) -> Match | None:
    """The title a query names whole once the possessive that closes it is left out, where the
    query as typed named nothing: 'squid game's' is Squid Game. Only a whole name is taken
    (several titles of it are a choice), so the possessive never turns a miss into a guess."""
    bare = possessive_dropped(query)
    return None if bare is None else _whole_title_without(dataset, query, bare)


def _whole_title_without(dataset: Dataset, query: str, bare: str) -> Match | None:
    """The one title ``bare`` (the query less an ending: a possessive, a particle) names whole;
    several of that name are a choice that quotes the whole query."""
    try:
        found = _find_show(dataset, bare, spelled=False, suggestions=False, within=WHOLE)
    except Ambiguous as many:
        raise Ambiguous("title", query, many.candidates, many.partial, many.respelled) from None
    except LookupError_:
        return None
    return found if closeness(found) == WHOLE else None


#: A Korean particle closing a name ('오징어 게임은', '이정재의', '박보검이', '킹덤에서'), as a fan
#: types a name in the middle of a sentence: the topic, subject, object and possessive
#: particles, and those of place, company and means. Either form of a pair is taken (은 or 는
#: after any syllable), as fast typing mixes them.
_PARTICLE = r"(?<=[가-힣])(?:이랑|에서|으로|은|는|이|가|을|를|의|도|에|와|과|랑|로)$"
#: What a fan types after a person's name for the titles they are in ('이정재가 나온', '이정재
#: 나온 드라마', '이정재 출연작', '유인수 드라마'): their page, which lists them.
_APPEARED_IN = (
    r"(?<=[가-힣])(?:(?:이|가)?\s*(?:나온|나오는|출연한|출연하는)(?:\s*(?:드라마|영화|작품)들?)?"
    r"|\s+(?:드라마|영화|작품|출연작)들?)$"
)
#: How many Hangul syllables a name must keep once a one-syllable particle is left off, for a
#: person: a given name may end in one ('김지은' is no '김지' with 은 after it), so a name of
#: two is taken only before a longer ending ('수지가 나온').
_PERSON_BEFORE_PARTICLE_MIN = 3


def particle_dropped(query: str, person: bool = False) -> tuple[str, ...]:
    """The names the query may be without a Korean particle closing it ('오징어 게임은' ->
    '오징어 게임'), and, for a person (``person``), without the words for the titles they are
    in ('이정재가 나온 드라마' -> '이정재'); none when it has neither, or too little is left.
    Where the syllable before a shorter ending may be the name's own ('송은이랑' is 송은이 and
    랑 before it is 송은 and 이랑; '슈가 나온' is 슈가, not 슈), that reading comes first: a
    name ends in 이 or 가 as often as a particle is one, and each reading is taken only as a
    whole name."""
    typed = query.strip()
    if typed.isascii():
        return ()  # both patterns follow a Hangul syllable: not compiled for 'lee jung-jae'
    if person and (bare := _dropped(_APPEARED_IN, typed)) is not None:
        ending = typed[len(bare) :]
        return (bare + ending[0], bare) if ending[0] in "이가" else (bare,)
    bare = _dropped(_PARTICLE, typed)
    if bare is None:
        return ()
    ending = typed[len(bare) :]
    readings = [(bare + ending[0], ending[1:])] if ending in _PARTICLE_AFTER_OWN_SYLLABLE else []
    readings.append((bare, ending))
    return tuple(
        name
        for name, particle in readings
        if _syllables(name) >= (_PERSON_BEFORE_PARTICLE_MIN if person and len(particle) == 1 else 2)
    )


#: The particles of two syllables whose last alone is a particle too, after a name ending in
#: the first ('송은이랑', '한재이랑').
_PARTICLE_AFTER_OWN_SYLLABLE = frozenset({"이랑", "으로"})


def _syllables(text: str) -> int:
    return sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")


def _without_particle(dataset: Dataset, query: str) -> Match | None:
    """The title a query names whole once the Korean particle that closes it is left out,
    where the query as typed named nothing: '오징어 게임은' is Squid Game, as "squid game's" is
    (_without_possessive). Only the whole name of one title is taken (several of it are a
    choice), so the particle never turns a miss into a guess."""
    for bare in particle_dropped(query):
        found = _whole_title_without(dataset, query, bare)
        if found is not None:
            return found
    return None


#: A plural 's' closing what was typed in Latin letters ('squid games'), as a fan calls a title
#: by what it holds several of, or a figure closing it ('physical 100s'); not a second 's'
#: ('boss') nor a possessive's (read before).
_QUERY_PLURAL = r"(?<=[a-z0-9])(?<![s'’])s$"


def plural_dropped(query: str) -> str | None:
    """The query without the plural 's' that closes it ('squid games' -> 'squid game'), or
    None when it has none."""
    return _dropped(_QUERY_PLURAL, query) if _may_end_in(query.strip(), ("s",)) else None


class _PluralAsked(Record):
    """A query read as a plural: the words before the 's' and what was asked after it."""

    #: The words before the plural 's' ('squid games 2' -> 'squid game').
    singular: str
    #: Those words as typed, 's' and all ('squid games').
    typed: str
    #: The season read after the plural ('squid games 2'), or None.
    season: _SeasonAsked | None = None
    #: The year read after the plural ('squid games 2021'), the title the words before the
    #: 's', or None. Neither: the 's' closes the query.
    year: _YearAsked | None = None


def _plural_asked(query: str) -> _PluralAsked | None:
    """The one reading of a plural in what was typed, which every stage that reads one asks
    (_without_plural, _plural_over_run_on, _with_titles_in_words, and would_match's
    _named_in_plural): a plural 's' closing the query ('squid games'), else one closing the
    words before a season read as after a whole name ('squid games 2', 'kingdoms season 2'),
    else one closing the words before a year ('squid games 2021', 'kingdoms (2019)').
    Whether the words as typed name a title already, each stage says by its own lookup."""
    bare = plural_dropped(query)
    if bare is not None:
        return _PluralAsked(bare, query.strip())
    asked = _season_asked(query)
    if asked is not None and _names_a_season(asked, WHOLE):
        bare = plural_dropped(asked.title)
        if bare is not None:
            return _PluralAsked(bare, asked.title, season=asked)
    dated = _year_asked(query)
    if dated is None:
        return None
    bare = plural_dropped(dated.title)
    if bare is not None:
        return _PluralAsked(bare, dated.title, year=dated._replace(title=bare))
    # a season between the plural and the year ('squid games 2 2024'): the year is read
    # after the name and its season, as 'squid game 2 2024' reads it (_title_and_year)
    asked = _season_asked(dated.title)
    if asked is None or not _names_a_season(asked, WHOLE):
        return None
    bare = plural_dropped(asked.title)
    if bare is None or not dated.title.startswith(asked.title):
        return None
    seasoned = bare + dated.title[len(asked.title) :]
    return _PluralAsked(bare, asked.title, year=dated._replace(title=seasoned))


#: A plural 's' typed twice ('screwballss', 'squid gamess'): after a letter, as _QUERY_PLURAL.
_QUERY_DOUBLED = r"(?<=[a-z])ss$"


def _doubled_dropped(query: str) -> list[str]:
    """The query without the doubled 's' that closes it, read both ways, for "Did you mean"
    only: one 's' left out ('screwballss' -> 'screwballs'), then both ('squid gamess' ->
    'squid game'); none when it closes so with no doubled 's'. Real words end so too ('boss',
    'princess'), so the reading never opens a title."""
    typed = query.strip()
    if not re.search(_QUERY_DOUBLED, typed, re.IGNORECASE):
        return []
    return [typed[:-1], typed[:-2]]


def _doubled_run_on(query: str, key: str, partial: bool, rows: Sequence[NameRow]) -> bool:
    """Whether part of a name is found only by a doubled 's' closing the query whose second 's'
    begins a further word of every name that holds it: 'Friendss' is "Mom's Friend's Son" so,
    and 'Janess' "Jane's Summer", which no fan typing them means. Such rows open no title, and
    the miss offers the names without the 's' (_doubled_dropped); a name holding the query in
    whole words ('princess') is found as ever."""
    return (
        partial
        and bool(rows)
        and _may_end_in(query.strip(), ("ss",))
        and re.search(_QUERY_DOUBLED, query.strip(), re.IGNORECASE) is not None
        and all(runs_into_a_word(row.name or row.key, row.key, key, row.label) for row in rows)
    )


def _without_plural(dataset: Dataset, query: str) -> Match | None:
    """The title a query names whole once the plural 's' that closes it is left out, where the
    query as typed named nothing, not even part of a name: 'squid games' is Squid Game, and
    'squid games 2' its season 2, as 'squid game 2' is (_title_and_season's reading of a
    season, after a whole name). Only a whole name of one title is taken (a title whose own
    name ends so, 'Inheritors', was found as typed), so the 's' never turns a miss into a
    guess. Raises NoSuchSeason for a season the title lacks ('squid games 9'). A year after
    the plural is read as after the name (_title_and_year: 'squid games 2021'), NoSuchYear
    when no title of the name is from it."""
    plural = _plural_asked(query)
    if plural is None:
        return None
    asked = plural.season
    said_after = asked is not None or plural.year is not None  # a season or a year
    if said_after and _names_as_typed(dataset, plural.typed) and not _runs_on_only(dataset, plural):
        return None
    if plural.year is not None:
        dated = _title_and_year(dataset, query, WHOLE, plural.year)
        return dated if dated is not None and closeness(dated) == WHOLE else None
    try:
        found = _find_show(dataset, plural.singular, spelled=False, suggestions=False, within=WHOLE)
    except LookupError_:
        return None
    if closeness(found) != WHOLE:
        return None
    return found if asked is None else _with_asked_season(query, found, asked)


def _runs_on_only(dataset: Dataset, plural: _PluralAsked) -> bool:
    """Whether the words before a plural and a year name a title as typed only by running the
    's' into a further word of a longer name ('kingdoms 2030': Dream kingdom Sofy&Ruby), the
    words before the 's' one title's whole name: the year is then read after that name, as
    'kingdom 2030' reads (NoSuchYear), not left to the ordinary miss."""
    if plural.year is None:
        return False
    lookup = lookup_of(dataset)
    key = normalize(plural.typed)
    exact = next(_candidates(dataset, "show", key, lookup, and_spellings(plural.typed)))[0]
    return not exact and _plural_run_on(dataset, plural.typed, lookup)


def _names_as_typed(dataset: Dataset, title: str) -> bool:
    """Whether the words before a season name a title as typed, whole or in part: the season
    was read after them already (_title_and_season), so no plural is read into them ('sweet
    homes 2' is Our Sweet Homes' or nothing, never Sweet Home's season 2)."""
    try:
        _find_show(dataset, title, spelled=False, suggestions=False, within=PART)
    except NotFound:
        return False
    except LookupError_:
        return True
    return True


def meant_instead(dataset: Dataset, match: Match) -> tuple[Show, str] | None:
    """For a title the catalogue holds only as Netflix's record, found by its whole name with
    a leading article ('the goblin' is the film The Goblin): the researched title that name
    without its article opens (Guardian: The Lonely and Great God, whose alias is Goblin), and
    those words, for the page to ask whether that title was meant. None otherwise."""
    show = match.show
    if not show.netflix_only or match.matched_by == "partial":
        return None
    name = match.matched_name
    if match.matched_by in ("slug", "id"):  # 'the goblin' is the slug the-goblin's key too
        if normalize(show.title) != normalize(name):
            return None
        name = show.title
    bare = re.sub(_ARTICLE, "", name, count=1, flags=re.IGNORECASE)
    if bare == name:
        return None
    try:
        other = find_show(dataset, bare, suggestions=False, within=WHOLE)
    except LookupError_:
        return None
    if other.show.slug == show.slug or other.show.netflix_only:
        return None
    return other.show, bare.casefold()


def _said_also(miss: NotFound, other: str) -> NotFound:
    """The miss, saying what the name is of the other kind (a person, a title). The name was
    matched whole there, so the nearest names of this kind are far weaker guesses ('IU' is
    the singer, and the film I is no answer): only those that begin with the whole name
    typed are still offered ('I' is a film, and IU may be meant)."""
    typed = normalize(miss.query)
    kept = [name for name in miss.suggestions if normalize(name).startswith(typed)]
    return NotFound(miss.kind, miss.query, kept, miss.catalogue, miss.counted, other)


def _said_played(miss: NotFound, played: tuple[str, str]) -> NotFound:
    """The miss, saying who plays the character the query names with a title (what
    character_in_title found): the nearest names stay, the title among them."""
    said = "{}: {}".format(*played)
    return NotFound(miss.kind, miss.query, miss.suggestions, miss.catalogue, miss.counted, said)


def _whole_person(dataset: Dataset, query: str, exact_only: bool = False) -> Person | None:
    """The one person the query names in full (a name, an alias, the Hangul), if any: a name
    given where a title was asked for is more likely that person than the nearest title
    ('IU' is the singer, not the film I). ``exact_only``: only the name as typed is asked,
    not the stages a miss of it would go on to (parts of names, sound-alikes), for a caller
    that has already found a title and only weighs a whole name against it."""
    if exact_only:
        key = normalize(query)
        rows = lookup_of(dataset).exact("person", key) if key else []
        found = {row.target for row in rows or _family_name_first(dataset, query)}
        return dataset.people[found.pop()] if len(found) == 1 else None
    try:
        person, how = _find_person(dataset, query, suggestions=False)
    except LookupError_:
        return None
    return person if how == WHOLE else None


def whole_person(dataset: Dataset, query: str) -> Person | None:
    """The one person the query names in full, if any (_whole_person): what a reading of its
    words as something else ('백 감독', Baek Jong-yeol's alias, as a director named 백) gives
    way to."""
    return _whole_person(dataset, query)


def _whole_title(dataset: Dataset, query: str) -> Match | None:
    """The one title the query names in full (with a season, if it names one), if any."""
    try:
        match = find_show(dataset, query, suggestions=False, within=WHOLE)
    except LookupError_:
        return None
    return match if closeness(match) == WHOLE else None


def character_named(dataset: Dataset, query: str, wanted: str) -> str | None:
    """What to say when a name asked for as a person or a title (``wanted``) is a character's
    in full (its name, its Hangul, or a short cast note fans call them by: 'Player 456'; a
    name that opens with "The" without it: 'Front Man'): who
    plays them, with the command that opens that person, or the title with its command.
    Nothing a page withholds is given away: a character only a hidden credit plays (a surprise
    cameo), or a cast note withheld as a spoiler ('Winner of season 1.', 'The Front Man is
    ...'), is no match, as search leaves them out. A part several people play (a reality
    show's 'Black Spoon contestant') names none of them, whose order could say who won, but
    the title's cast. None when the name is no character's, or only such a one's."""
    from kdrama_cli.answers.spoilers import credit_hidden, note_withheld
    from kdrama_cli.catalogue.printable import clean

    key = normalize(query)
    if not key:
        return None
    lookup = lookup_of(dataset)
    rows = lookup.exact("character", key)
    if not rows and query.split()[0].casefold() != "the":  # 'Front Man' is The Front Man
        rows = lookup.exact("character", normalize(f"the {query}"))
    played: dict[str, dict[str, None]] = {}  # slug: the ids of who plays them
    for row in rows:
        show = dataset.shows.get(row.target)
        if show is None or row.how not in ("character", "cast note"):
            continue
        if row.how == "character":
            credits = [c for c in show.cast if row.name in (c.character, c.character_hangul)]
        else:  # a note is a match only where every page shows it
            credits = [c for c in show.cast if c.note == row.name]
            if any(note_withheld(c, spoilers=False) for c in credits):
                continue
        credits = [c for c in credits if not credit_hidden(c, spoilers=False)]
        if credits:
            played.setdefault(show.slug, {}).update(dict.fromkeys(c.person for c in credits))
    if not played:
        return None
    shows = fetch(dataset.shows, played)
    if len(shows) > 1:
        titles = joined([clean(show.title) for show in shows])
        search = command_line(f"search {command_argument(query)}")
        return f"{query!r} is a character in {titles}: {search}"
    show = shows[0]
    said = f"{query!r} is a character in {clean(show.title)}"
    people = fetch(dataset.people, played[show.slug])
    if wanted == "title" or not people:
        return f"{said}: {command_line(f'show {show.slug}')}"
    if len(people) > 1:
        return f"{said}, played by {len(people)} people: {command_line(f'cast {show.slug}')}"
    played_by = clean(people[0].name)
    return f"{said}, played by {played_by}: {command_line(f'person {people[0].id}')}"


#: A fan's question before a character and a title ('who plays gi-hun in squid game'), and
#: the word between them ('gi-hun in squid game'): neither is a name.
_WHO_PLAYS = (
    r"^(?:who(?:['’]s|\s+(?:plays|played|is|was|acts|acted)(?:\s+as)?)"
    r"|(?:the\s+)?(?:actor|actress)\s+(?:of|for|playing|who\s+plays))\s+"
)
_BETWEEN = ("in", "from", "of", "on")
#: A character and a title are read in a query of at most this many words.
_CHARACTER_TITLE_MAX_WORDS = 10


def character_in_title(dataset: Dataset, query: str) -> tuple[str, str] | None:
    """What a query that is a character and the title they are in asks ('gi-hun squid game',
    'who plays gi-hun in squid game?', '오징어 게임 성기훈'), as (the credit, the command that
    answers it): "Seong Gi-hun in Squid Game is played by Lee Jung-jae" and `kdrama person
    lee-jung-jae`; a part several people play, the title's cast (as character_named, which
    never names who of several, and gives nothing a page withholds). The title must be a whole
    name (with its season, if one is said: the credits of that season), the character the
    whole name of one of its characters, or part of it from the start of a word ('gi-hun').
    None when the query reads as no such pair."""
    from kdrama_cli.catalogue.printable import clean

    typed = re.sub(_WHO_PLAYS, "", query.strip().rstrip("?!. "), count=1, flags=re.IGNORECASE)
    words_ = typed.split()
    if not 2 <= len(words_) <= _CHARACTER_TITLE_MAX_WORDS:
        return None
    for cut in range(1, len(words_)):
        first, second = words_[:cut], words_[cut:]
        for character, title in ((first, second), (second, first)):
            if character is first and character[-1].casefold() in _BETWEEN:
                character = character[:-1]
            if not character:
                continue
            match = _whole_title(dataset, " ".join(title))
            if match is None:
                continue
            played = _credits_named(match, " ".join(character))
            if not played:
                continue
            show = match.show
            names = list(dict.fromkeys(c.character or "" for c in played))
            said = f"{clean(names[0])} in {clean(show.title)}"
            if len(names) > 1:
                return (
                    f"{' '.join(character)!r} names {len(names)} characters in {clean(show.title)}",
                    command_line(f"cast {show.slug}"),
                )
            people = fetch(dataset.people, dict.fromkeys(c.person for c in played))
            if len(people) != 1:
                return f"{said} is played by {len(people)} people", command_line(
                    f"cast {show.slug}"
                )
            person = people[0]
            return f"{said} is played by {clean(person.name)}", command_line(f"person {person.id}")
    return None


def _credits_named(match: Match, name: str) -> list[Credit]:
    """The credits of the title ``match`` found (of its season, when it names one) whose
    character ``name`` names whole, or from the start of one of its words (two Hangul
    syllables, three letters at least), or whose short cast note it is whole ('Player 456');
    none a page withholds (a surprise cameo, a note flagged as a spoiler)."""
    from kdrama_cli.answers.spoilers import credit_hidden, note_withheld
    from kdrama_cli.catalogue.folding import starts_a_word

    key = normalize(name)
    if not key:
        return []
    part = long_enough_for_part(key)
    found: list[Credit] = []
    for credit in match.show.cast:
        if credit_hidden(credit, spoilers=False):
            continue
        if match.season is not None and match.season not in seasons_of(credit, match.show):
            continue
        names = [n for n in (credit.character, credit.character_hangul) if n]
        if any(
            normalize(n) == key or (part and key in normalize(n) and starts_a_word(n, key))
            for n in names
        ) or (
            credit.character
            and credit.note
            and normalize(credit.note) == key
            and not note_withheld(credit, spoilers=False)
        ):
            found.append(credit)
    return found


def named_whole(dataset: Dataset, query: str) -> Person | Match | None:
    """The one person or title the words name in full, for reading a query as two names
    ('hyun bin son ye-jin', 'lee jung jae squid game'); None when they name neither in full, or
    both a person and a title (which one is meant is no one's guess)."""
    person, title = _whole_person(dataset, query), _whole_title(dataset, query)
    if person is not None and title is not None:
        return None
    return person or title


def _title_and_season(dataset: Dataset, query: str, spelled: bool, within: int) -> Match | None:
    """The title the words before a season find, with that season, when the query reads as a
    title and a season (_names_a_season); else None (no season in it, no title before it, or
    a bare number after part of a name: 'reply 1'). ``spelled``: the words may be respelled.

    Raises NoSuchSeason when the season is read but the title lacks it ('the glory season 2',
    '더 글로리 2'), and Ambiguous when the words before a season read so find several titles."""
    asked = _season_asked(query)
    if asked is None:
        return None
    try:
        title = _find_show(dataset, asked.title, spelled, suggestions=False, within=within)
    except NotFound:
        return None
    except Ambiguous as many:
        if _names_a_season(asked, many.closeness):
            raise
        return None
    if not _names_a_season(asked, closeness(title)) and not _held_by_short_name(asked, title):
        return None
    asked = _last_said(asked, title.show)
    lacking = title.show.season(asked.number) is None
    if lacking and closeness(title) == RESPELLED and _spelled(dataset, "show", query):
        # The words before the number were respelled, and so is the whole query a title:
        # 'deurimhai 2' is Dream High 2 (드림하이 2), not a season Dream High lacks.
        return None
    return _with_asked_season(query, title, asked)


def _with_asked_season(query: str, title: Match, asked: _SeasonAsked) -> Match:
    """``title`` with the season ``asked`` of it; NoSuchSeason when it lacks that season."""
    asked = _last_said(asked, title.show)
    if title.season is not None and title.season != asked.number:
        raise TwoSeasons(query, title.season, asked.number)
    if title.show.season(asked.number) is None:
        # A part said so ('the glory part 2', '더 글로리 파트 2') is the season that came out
        # in parts, one of them that number: what seen import makes of "The Glory: Part 2".
        holder = _season_with_part(title.show, asked.number) if asked.part else None
        if holder is not None:
            return title._replace(season=holder.number, part=asked.number)
        # A bare number may be a part as well ('더 글로리 2', the Korean press's name for The
        # Glory's part 2), but may as well be a season the catalogue lacks: the error says
        # which season holds that part. 'season 2' said in words is no part.
        raise NoSuchSeason(
            title.show, asked.number, not asked.said, title, said_part=bool(asked.part)
        )
    season = title.show.season(asked.number)
    if asked.part and season is not None and _holds_parts(season):
        # 'the glory part 1': season 1 came out in parts, part 1 among them, so the answer
        # says so, as it does for part 2; a title whose seasons are its parts (Alchemy of
        # Souls: "Broadcast as Part 2") gets no note.
        return title._replace(season=asked.number, part=asked.number)
    return title._replace(season=asked.number)


def _with_season_of(dataset: Dataset, query: str, found: Match, within: int) -> Match:
    """The title the whole query found, or the season the query names when it found it only
    by part of a name or by an alias, and the words before the season find a title that has
    that season: 'Physical 100 season 2' is part of the alias 'Physical: 100 Season 2 –
    Underground', and is that season, not the whole title. The season of the same title is
    kept with how the query found it; another title's only when its whole name was typed:
    '오징어 게임 시즌2' is Squid Game's season 2 before it is the start of '오징어 게임: 시즌2
    제작 이야기', Netflix's making-of special. An alias matched whole is never another title's."""
    if found.season is not None or found.matched_by not in ("partial", ALIAS):
        return found
    try:
        season = _title_and_season(dataset, query, spelled=False, within=within)
    except LookupError_:
        return found
    if season is None:
        return found
    if season.show.slug == found.show.slug:
        return found._replace(season=season.season)
    if found.matched_by == ALIAS or closeness(season) != WHOLE:
        return found
    return season


def _adaptation(
    dataset: Dataset, query: str, key: str, keep: Callable[[Show], bool] | None = None
) -> Match | None:
    """The title adapted from the webtoon or novel the query names in full ('Get Schooled' is
    Teach You a Lesson): a fan who types the source's name means the drama. Only a whole name
    (a part of one is a search); several adaptations are for the person to choose from.
    ``keep`` as for _find_show: a work whose adaptations it keeps none of is NotFound."""
    rows = [row for row in lookup_of(dataset).exact("work", key) if row.target in dataset.shows]
    if keep is not None and rows:
        rows = _kept(dataset, rows, keep)
        if not rows:
            raise NotFound("title", query, [])
    best: dict[str, NameRow] = {}
    for row in rows:
        best.setdefault(row.target, row)
    if len(best) > 1:  # each adaptation by its own title (rows carry the work's), oldest first
        shows = sorted(
            (dataset.shows[slug] for slug in best),
            key=lambda s: (s.first_date or dt.date.max, s.title),
        )
        apart = told_apart(shows)
        listed = [(s.slug, _apart_label(s.title, apart.get(s.slug))) for s in shows]
        raise Ambiguous("title", query, listed)
    if not best:
        return None
    row = next(iter(best.values()))
    return Match(dataset.shows[row.target], row.how, row.name)


def _find_show(
    dataset: Dataset,
    query: str,
    spelled: bool,
    suggestions: bool = True,
    within: int = RESPELLED,
    keep: Callable[[Show], bool] | None = None,
) -> Match:
    """find_show's stage of the query as typed (``spelled``: respelled too). ``keep``: only
    the titles it keeps are matched (those of the year typed after the name), each found by
    its names, the slug one of them ('confession 2014' may be the other film called
    Confession); when a whole name finds titles and it keeps none, that is NotFound, without
    trying part of a name."""
    if keep is None and (slug := as_id(query)) in dataset.shows:
        show = dataset.shows[slug]
        return Match(show, "slug", show.slug)
    key = normalize(query)
    if not key:
        raise NotFound("title", query, [])
    for rows, partial in _candidates(dataset, "show", key, also=and_spellings(query)):
        # before the year's titles are kept: 'kingdoms 2019' is Kingdom's year, though Dream
        # kingdom Sofy&Ruby, which 'kingdoms' runs into, is of another
        if partial and rows and (plural := _plural_over_run_on(dataset, query, key, rows, keep)):
            return plural
        if _doubled_run_on(query, key, partial, rows):
            rows = []
        if keep is not None and rows:
            rows = _kept(dataset, rows, keep)
            if not rows and not partial:
                raise NotFound("title", query, [])
        best: dict[str, NameRow] = {}
        for row in rows:
            best.setdefault(row.target, row)
        if len(best) > 1 and not partial:
            best = _own_names_first(best, rows)
        if len(best) == 1:
            row = next(iter(best.values()))
            show = dataset.shows[row.target]
            if partial:  # part of one season's own name ('class 2') opens that season
                named = {alias_season(show, r) for r in rows if r.target == show.slug}
                return Match(show, "partial", row.name, named.pop() if len(named) == 1 else None)
            return Match(show, row.how, row.name, alias_season(show, row))
        if len(best) > 1:
            ranked = _ranked_titles(dataset, key, best.values(), _aliases_only(rows, OWN_NAMES))
            raise Ambiguous("title", query, ranked, partial)
        if not partial:  # no title's own name: the whole name of the work one adapts, then part
            adaptation = _adaptation(dataset, query, key, keep)
            if adaptation is not None:
                return adaptation
        if within < PART:  # before the next stage's query runs
            break
    rows = _spelled(dataset, "show", query) if spelled and within >= RESPELLED else []
    if keep is not None and rows:
        rows = _kept(dataset, rows, keep)
    if rows:
        best = {}
        for row in rows:
            best.setdefault(row.target, row)
        if len(best) == 1:
            row = next(iter(best.values()))
            return Match(dataset.shows[row.target], _how_spelled(row), row.name)
        ranked = _ranked_titles(dataset, key, best.values())
        raise Ambiguous("title", query, ranked, respelled=True)
    if not suggestions:
        raise NotFound("title", query, [])
    raise NotFound("title", query, suggest(dataset, "show", query), _count(dataset, "shows"))


def _plural_over_run_on(
    dataset: Dataset,
    query: str,
    key: str,
    rows: Sequence[NameRow],
    keep: Callable[[Show], bool] | None,
) -> Match | None:
    """The title whose whole name the query is with its plural 's' left out ('kingdoms' is
    Kingdom), where every row found by part of a name holds the query only by running that 's'
    into a further word of a longer name (names.runs_into_a_word): 'kingdom' and the 's' of
    'Sofy' is no reading of Dream kingdom Sofy&Ruby a fan means. A name that holds the plural
    as typed, in whole words, is still found by it ('sweet homes' is part of Our Sweet Homes,
    'janes' of Jane's Summer); so is part of a name when no one title has the name before the
    's' whole (_without_plural's rule)."""
    plural = _plural_asked(query)  # a season or year after it is read by their own stages
    if plural is None or plural.season is not None or plural.year is not None:
        return None
    if not all(runs_into_a_word(row.name or row.key, row.key, key, row.label) for row in rows):
        return None
    try:
        found = _find_show(
            dataset, plural.singular, spelled=False, suggestions=False, within=WHOLE, keep=keep
        )
    except LookupError_:
        return None
    return found if closeness(found) == WHOLE else None


def _kept(dataset: Dataset, rows: Sequence[NameRow], keep: Callable[[Show], bool]) -> list[NameRow]:
    """The rows of the titles ``keep`` keeps (each title read once)."""
    shows = fetch(dataset.shows, dict.fromkeys(row.target for row in rows))
    kept = {show.slug for show in shows if keep(show)}
    return [row for row in rows if row.target in kept]


def _own_names_first(best: dict[str, NameRow], rows: Sequence[NameRow]) -> dict[str, NameRow]:
    """Of several titles a whole name matches, the one it is the own name of, when only one:
    an alias another title has as its title ("Squid Game" given as an alias in a layer, which
    data check warns about) never makes the title itself ambiguous."""
    own = {row.target: row for row in rows if row.how in OWN_NAMES}
    return own if len(own) == 1 else best


def alias_season(show: Show, row: NameRow) -> int | None:
    """The season an alias names: one of a season's own aliases ('환혼: 빛과 그림자'), or one
    of the title's read as a title with a season is ('Hospital Playlist 2'): the whole alias
    typed opens that season, as 'hospital playlist season 2' does, and search's command for a
    title found by part of it opens that season too. Only for a title with several seasons,
    one of them that number."""
    if row.how == NETFLIX_TITLE and len(show.seasons) >= 2:
        return next((s.number for s in show.seasons if row.name in s.netflix_titles), None)
    if row.how != ALIAS or len(show.seasons) < 2:
        return None
    key = normalize(row.name)
    for season in show.seasons:
        if any(normalize(alias) == key for alias in season.aliases):
            return season.number
    asked = _season_asked(row.name, subtitled=True)
    if asked is None or not _names_a_season(asked, WHOLE):  # the alias is a whole name
        return None
    return asked.number if show.season(asked.number) is not None else None


def _ranked_titles(
    dataset: Dataset, key: str, rows: Iterable[NameRow], aliases: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """Candidates whose name starts with what was typed first, then by title; titles of the
    same name say what tells them apart (_told_apart_among), and one found only by an alias
    says which (``aliases``, from _aliases_only)."""
    ordered = sorted(rows, key=lambda r: (not r.key.startswith(key), len(r.key), r.label))
    apart = _told_apart_among(dataset, [(r.target, r.label) for r in ordered])
    return [
        (r.target, _found_as(_apart_label(r.label, apart.get(r.target)), r.target, aliases or {}))
        for r in ordered
    ]


def told_apart(shows: Iterable[Show]) -> dict[str, str]:
    """What tells titles of the same name apart, by slug, for those whose name another of
    ``shows`` has too: their Korean titles, years and kinds, each only where they differ
    ('신세계, 2013 film' beside '신세계로부터, series'; '나는 솔로: 1기-4기' beside '나는 솔로:
    5기-8기'). A list of several matches, a picker or a report of titles would otherwise name
    seven titles "I am Solo" and leave only their ids to choose by."""
    named: dict[str, dict[str, Show]] = {}
    for show in shows:
        named.setdefault(normalize(show.title), {})[show.slug] = show
    apart: dict[str, str] = {}
    for same in (group for group in named.values() if len(group) > 1):
        said = {slug: _what_differs(show) for slug, show in same.items()}
        # Only what differs: seven 'series' beside seven Korean titles tell nothing more.
        differ = [len({each[at] for each in said.values()}) > 1 for at in range(3)]
        for slug, fields in said.items():
            korean, years, kind = (v if d else None for v, d in zip(fields, differ, strict=True))
            when = " ".join(part for part in (years, kind) if part)
            if text := ", ".join(part for part in (korean, when) if part):
                apart[slug] = text
    return apart


def told_apart_in_catalogue(dataset: Dataset, shows: Iterable[Show]) -> dict[str, str]:
    """told_apart for ``shows`` against every title of the catalogue that shares a name with
    one of them, not only against each other: a report that names one "New World" says which
    of the catalogue's two it is."""
    given = {show.slug: show for show in shows}
    named = {slug for show in given.values() for slug in _named_whole(dataset, show.title)}
    others = fetch(dataset.shows, sorted(named - set(given)))
    apart = told_apart([*given.values(), *others])
    return {slug: text for slug, text in apart.items() if slug in given}


def named_in_catalogue(dataset: Dataset, show: Show) -> str:
    """The title, with what tells it apart from another of its name in the catalogue: 'Start-Up
    (시동)', so a confirmation says which Start-Up."""
    return named_apart(show.title, told_apart_in_catalogue(dataset, [show]).get(show.slug))


def _what_differs(show: Show) -> tuple[str | None, str | None, str | None]:
    """What may tell a title apart from another of its name: its Korean title, its years and
    its kind (none when the catalogue does not know it)."""
    return show.korean_title, show.years, show.kind if show.kind != "unknown" else None


def _told_apart_among(dataset: Dataset, candidates: Sequence[tuple[str, str]]) -> dict[str, str]:
    """told_apart for the candidates (slug, label) whose labels repeat: only those titles are
    read, as part of a name can match hundreds of titles."""
    seen: dict[str, int] = {}
    for _, label in candidates:
        seen[normalize(label)] = seen.get(normalize(label), 0) + 1
    repeated = [slug for slug, label in candidates if seen[normalize(label)] > 1]
    return told_apart(fetch(dataset.shows, repeated)) if repeated else {}


def _apart_label(label: str, apart: str | None) -> str:
    """'New World, 신세계, 2013 film': a candidate's label and what tells it apart, after a
    comma, as a person's note follows their name (the picker puts it under the name)."""
    return f"{label}, {apart}" if apart else label


def _aliases_only(rows: Iterable[NameRow], own: Sequence[str]) -> dict[str, str]:
    """The alias each entry was matched by, for the entries none of whose own names matched:
    'lee' finds Esom by her alias Lee Som, and a list of candidates that said only "Esom" read
    as a wrong match. Hows in ``own`` are an entry's own names (a title's, a person's)."""
    rows = list(rows)
    named = {row.target for row in rows if row.how in own}
    aliases: dict[str, str] = {}
    for row in rows:
        if row.how == ALIAS and row.target not in named:
            aliases.setdefault(row.target, row.name)
    return aliases


def _found_as(label: str, target: str, aliases: dict[str, str]) -> str:
    """A candidate's label, with the alias it was found by ("Esom, also Lee Som"): "as" would
    read as the character a person plays, which is what "as" means everywhere else."""
    alias = aliases.get(target)
    return f"{label}, also {alias}" if alias else label


def _count(dataset: Dataset, table: str) -> int:
    return len(dataset.shows if table == "shows" else dataset.people)


def _spelled(
    dataset: Dataset, kind: str, query: str, lookup: NameLookup | None = None
) -> list[NameRow]:
    """Rows that match the query however it is romanised or ordered (catalogue.sounds), or by
    its Hangul initial consonants: tried when no name matched as typed. A title or person found
    by sound is refused when the query is one slip from another's whole name (_one_slip_from):
    'lee jong-uk' is Lee Jong-suk mistyped before it is Lee Jung-ok's sound. A person is
    refused so only when found by the coarse sound alone: by the finer one, the query is a
    romanisation of their name ('Lee Jeong-jae' is Lee Jung-jae, though one slip from Lee
    Jong-jae); and a person the sound and the slip both find is kept, the others dropped
    ('Mon Sook' is Moon Sook, though one slip from Son Sook too)."""
    rows = _sounding(dataset, kind, query, lookup)
    if not rows or rows[0].kind in ("show-initials", "person-sound-fine"):
        return rows
    slipped = _one_slip_from(dataset, query, kind)
    if not slipped:
        return rows
    named = _named_rows(dataset, rows, lambda own: _sounding(dataset, kind, query, own))
    if named is None:
        return rows
    if kind == "person":
        # The sound and the slip agree on someone ('Moon Sang-hon': Moon Sang-hoon, though one
        # slip from Moon Sang-don too): those; refused only where the sound finds none of them.
        agreed = {row.target for row in named} & slipped
        if not agreed or not all(row.target for row in rows):  # bare keys: only whether any
            return rows if agreed else []
        return [row for row in rows if row.target in agreed]
    return [] if slipped - {row.target for row in named} else rows


def _named_rows(
    dataset: Dataset, rows: Sequence[NameRow], ask: Callable[[NameLookup], list[NameRow]]
) -> list[NameRow] | None:
    """``rows``, to judge a match by the entries they name; rows of bare keys (names.KeysLookup,
    read by the check of an empty answer) name none, so ``ask`` asks the lookup itself for
    them, as _agrees does. None when it has lost every one: a key whose rows the lookup lost
    still counts as a match, which is what the check is there to find."""
    if all(row.target for row in rows):
        return list(rows)
    return ask(lookup_of(dataset)) or None


#: How long a name's key must be for a query one slip from it to be its typo before it is
#: another name's sound: 'heero' is Hero mistyped, not 힐러 (Healer) typed in Latin letters.
_SLIP_KEY_MIN = 4


def _one_slip_from(dataset: Dataset, query: str, kind: str = "show") -> set[str]:
    """The titles one of whose whole names (titles, aliases, Korean titles, slugs) the query is
    but for one slip: a letter left out, doubled, changed or swapped with the next ('buring'
    for Burning, 'the bors' for The Bros); with ``kind`` "person", the people so. Such a query
    is that name mistyped before it is another's Korean name typed in Latin letters: a title
    or person it finds only by sound that is not among these is "Did you mean", never
    opened."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    key = normalize(query)
    if len(key) < _SLIP_KEY_MIN:
        return set()
    lookup = lookup_of(dataset)
    keys, _ = lookup.keys_and_labels(kind)
    near = process.extract(key, keys, scorer=OSA.distance, score_cutoff=1, limit=None)
    return {
        row.target for name, distance, _ in near if distance for row in lookup.exact(kind, name)
    }


def _sounding(
    dataset: Dataset, kind: str, query: str, lookup: NameLookup | None = None
) -> list[NameRow]:
    """_spelled's rows, before a title one slip from another's name is refused."""
    from kdrama_cli.catalogue.sounds import is_initials, name_orders, sound_keys

    lookup = lookup or lookup_of(dataset)
    if kind == "show" and is_initials(query):
        key = normalize(query)
        rows = lookup.exact("show-initials", key)
        if not rows and len(key) >= 2:
            rows = _starting(lookup, "show-initials", key)
        return rows
    orders = name_orders(query) if kind == "person" else [query]
    # The finer key first (Jung-jae is not Jong-jae), then the coarse one. Both word orders
    # count alike: 'Eesu Chung' may be Lee Soo-jung as typed or Jung Yi-seo given name first,
    # and then both are offered. A short Hangul query asks only names kept in Latin letters.
    short = _short_hangul(query)
    tables = [(True, "{kind}-sound-latin")] if short else _SOUND_TABLES
    for fine, table in tables:
        keys = [k for q in orders for k in sound_keys(q, fine) if len(k) >= 3]
        keys = list(dict.fromkeys(keys))
        rows = [row for key in keys for row in lookup.exact(table.format(kind=kind), key)]
        if kind == "person":  # 'park gong yoo' is not Park Eun-kyo, though their keys agree
            rows = [r for r in rows if _agrees(dataset, r, orders)]
        if rows:
            return rows
    if kind == "show" and not short:
        # The start of a title, typed another way ('jigum uri hakkyo'), read as the whole is,
        # two vowels perhaps of two syllables ('seulgiroun uisa': seulgiro-un, 슬기로운 의사)
        for key in sound_keys(query):
            if len(key) < 6:
                continue
            rows = _starting(lookup, "show-sound", key)
            if rows:
                return [] if _begins_another_title(dataset, lookup, key, rows) else rows
    return []


def _begins_another_title(
    dataset: Dataset, lookup: NameLookup, key: str, rows: Sequence[NameRow]
) -> bool:
    """Whether the sound ``key`` that begins the names of ``rows`` (the start of a title typed
    another way) also begins the English name of another title, one the sound tables keep out
    (names._sounded_names): 'squidd game' sounds like the start of Squid Game: The Challenge,
    and like the whole of Squid Game. Which was meant no sound can tell, and a typo of a whole
    name is likelier than one of a name's start: it is "Did you mean", not the Challenge's page.
    Rows of bare keys are judged by the titles the lookup itself names (_named_rows)."""
    english = _starting(lookup, "show-sound-english", key)
    if not english:
        return False
    named = _named_rows(dataset, rows, lambda own: _starting(own, "show-sound", key))
    others = _named_rows(dataset, english, lambda own: _starting(own, "show-sound-english", key))
    if named is None or others is None:
        return False
    return bool({row.target for row in others} - {row.target for row in named})


def _starting(lookup: NameLookup, table: str, key: str) -> list[NameRow]:
    """The rows of ``table`` whose key starts with ``key`` (not only holds it from a word on)."""
    return [row for row in lookup.containing(table, key) if row.key.startswith(key)]


def _agrees(dataset: Dataset, row: NameRow, orders: list[str]) -> bool:
    """Whether a person's row found by sound agrees with the query syllable by syllable
    (sounds.pieces_agree). A row of bare keys (names.KeysLookup, read by the check of an empty
    answer) has no name to compare: the names of its key are asked of the lookup itself, so the
    check refuses what the lookup refused ('park gong yoo' is not 박은교) and keeps what it kept
    ('the x' for Dex); a key the lookup has lost every row of still counts as a match, which is
    what the check is there to find."""
    from kdrama_cli.catalogue.sounds import pieces_agree

    if row.target:
        return any(pieces_agree(order, row.name) for order in orders)
    named = lookup_of(dataset).exact(row.kind, row.key)
    return not named or any(pieces_agree(order, r.name) for r in named for order in orders)


def respelled(dataset: Dataset, kind: str, query: str) -> list[NameRow]:
    """The rows of titles (``kind`` 'show') or people that match ``query`` only however it is
    romanised or ordered, or by a title's Hangul initials: the last stage of find_show and
    find_person, for search to find what they open (and what their ambiguity lists name)."""
    return _spelled(dataset, kind, query)


_SOUND_TABLES = [(True, "{kind}-sound-fine"), (False, "{kind}-sound")]

#: Hangul syllables a query needs before it may match, by its sound alone, a name the
#: dataset has in Hangul.
_HANGUL_SOUND_ALIKE_MIN = 3


def _short_hangul(query: str) -> bool:
    """Whether the query is Hangul of one or two syllables. Sound keys are for a name typed in
    another script or romanisation; such a query is spelt as meant, so a title or person known
    in Hangul that it did not match as typed is another word that folds alike ('진거' is not
    친구, Friend, nor 진구, Jin Goo, though ㅈ/ㅊ and ㅓ/ㅜ fold together). It may match by
    sound only what the dataset has in Latin letters alone. From three syllables a slip is
    more likely a typo of a longer name ('오징어 개임')."""
    syllables = sum(1 for ch in query if "\uac00" <= ch <= "\ud7a3")
    return 0 < syllables < _HANGUL_SOUND_ALIKE_MIN


def would_match(dataset: Dataset, kind: str, query: str, lookup: NameLookup) -> bool:
    """Whether ``lookup`` has a name that finding ``query`` (a title or a person, every stage
    of find_show or find_person) would have matched.

    Asked of the index's checksummed copy of every name key when a lookup came back empty: if
    that copy has a match the rows did not, the index lost rows, and the answer "no such
    title" would be the damage's, not the dataset's. One stage, a source work's whole name
    (_adaptation), is not in that copy: a lost row there sends the lookup on to the later
    stages, as if the work were not in the catalogue. Nor is the article a title lacks
    (_without_article), whose words are found as the lookup finds them. Nor are years: a
    name before a year ('squid game 2021', 'glory 2022') finds a title only when one of those
    it names is from that year, which the copy cannot say, so its titles are found through
    the index's own rows, and a lost row there is a miss as well. A plural before a year
    ('kingdoms 2019', 'squid games 2021') is found as years are, through the index's own rows
    (_found_of_year), not the copy: a lost row there is the ordinary miss too. So is a bare
    number after part of a name, a season only when the one title it begins has it ('glory 2')."""
    table = "show" if kind == "title" else kind
    key = normalize(query)
    also = and_spellings(query)
    if key and any(
        rows and not _doubled_run_on(query, key, partial, rows)
        for rows, partial in _candidates(dataset, table, key, lookup, also)
    ):
        return True
    if _spelled(dataset, table, query, lookup):
        return True
    # A whole name before a year is that title, or NoSuchYear, unless _title_and_year leaves
    # it to the ordinary miss (a title of that name of unknown year, a near name holding it):
    # which, only the titles' years say, so they are found as the lookup found them.
    dated = _year_asked(query) if table == "show" else None
    if dated is not None and (shows := fetch(dataset.shows, _named_whole(dataset, dated.title))):
        if any(show.spans_year(dated.year) for show in shows):
            return True
        if _no_title_of_year(dataset, query, dated.year, shows):
            return True
    asked = _season_asked(query) if table == "show" else None
    # As find_show reads a season (_names_a_season), by how closely the title matched; words
    # before it that fold to nothing ('& s3') find no title there, as in _find_show.
    if asked is not None and (title_key := normalize(asked.title)):
        also = and_spellings(asked.title)
        found = [rows for rows, _ in _candidates(dataset, table, title_key, lookup, also)]
        if found[0]:
            if _names_a_season(asked, WHOLE):
                return True
        elif any(found):
            if _names_a_season(asked, PART) or _held_short(dataset, asked):
                return True
            # Part of a name only by a plural's 's' run into a further word ('kingdoms 2'):
            # the whole name before the 's', as _find_show reads it (_plural_over_run_on).
            if _names_a_season(asked, WHOLE) and _plural_run_on(dataset, asked.title, lookup):
                return True
        # The respelled title is tried only when no part of a name matched.
        elif _spelled(dataset, table, asked.title, lookup) and _names_a_season(asked, RESPELLED):
            return True
    # A possessive left out ("squid game's", "Lee Jung-jae's"): the whole name before it; a
    # title's plural 's' ('squid games'), the one title named whole before it.
    bare = possessive_dropped(query)
    if bare is not None and _whole_name_rows(dataset, table, bare, lookup):
        return True
    # A Korean particle left out ('오징어 게임은', '박보검이', '이정재 나온 드라마'): the whole
    # name before it.
    for bare in particle_dropped(query, person=table == "person"):
        if _whole_name_rows(dataset, table, bare, lookup):
            return True
    if table == "show" and _named_in_plural(dataset, query, lookup):
        return True
    if table == "show" and dated is not None and _found_of_year(dataset, query):
        return True
    # A leading article the title lacks ('the inheritors'): found as the lookup found it, as
    # a year is, since the stage runs the whole staged search again on the words after it.
    # find_show asks it after a season it did not read (a bare number after part of a name).
    return table == "show" and _found_without_article(dataset, query)


def _named_in_plural(dataset: Dataset, query: str, lookup: NameLookup) -> bool:
    """Whether the words before a plural 's' (and a season after it: 'squid games 2') are a
    title's slug or the whole name of one title (_without_plural) in ``lookup``, the words
    before a season naming nothing as typed. Bare keys cannot say how many titles a name is
    of, so the lookup itself is asked (_named_rows); a key whose rows it has lost still counts
    as a match."""
    plural = _plural_asked(query)
    if plural is None or plural.year is not None:  # a year: _found_of_year
        return False
    if plural.season is not None:
        typed = normalize(plural.typed)
        also = and_spellings(plural.typed)
        if typed and any(rows for rows, _ in _candidates(dataset, "show", typed, lookup, also)):
            return False
    bare = plural.singular
    key = normalize(bare)
    if not key:
        return False
    if as_id(bare) in dataset.shows:  # a slug, found before any name ('confessions', 'start-ups')
        return True
    also = and_spellings(bare)
    rows = next(_candidates(dataset, "show", key, lookup, also))[0]
    if not rows:
        return False
    named = _named_rows(
        dataset, rows, lambda own: next(_candidates(dataset, "show", key, own, also))[0]
    )
    if named is None:
        return True
    best: dict[str, NameRow] = {}
    for row in named:
        best.setdefault(row.target, row)
    return len(_own_names_first(best, named)) == 1


def _plural_run_on(dataset: Dataset, query: str, lookup: NameLookup) -> bool:
    """Whether ``lookup`` finds ``query`` by part of a name only by running a plural's 's' into
    a further word of a longer name, the words before the 's' the whole name of one title:
    what _plural_over_run_on reads as that title."""
    key = normalize(query)
    also = and_spellings(query)
    rows = [
        row
        for rows, partial in _candidates(dataset, "show", key, lookup, also)
        if partial
        for row in rows
    ]
    return (
        bool(rows)
        and all(runs_into_a_word(row.name or row.key, row.key, key, row.label) for row in rows)
        and _named_in_plural(dataset, query, lookup)
    )


def _found_of_year(dataset: Dataset, query: str) -> bool:
    """Whether a plural before a year finds a title, as the lookup finds it (as years are):
    run into a further word of a name ('kingdoms 2019', _plural_over_run_on, as typed), or
    left out ('squid games 2021', _without_plural); a year the title lacks is found too."""
    plural = _plural_asked(query)
    if plural is None or plural.year is None:
        return False
    try:
        dated = _title_and_year(dataset, query, RESPELLED) or _without_plural(dataset, query)
    except NotFound:
        return False
    except LookupError_:
        return True
    return dated is not None


def _held_short(dataset: Dataset, asked: _SeasonAsked) -> bool:
    """Whether a bare number after part of a name is a season all the same (_held_by_short_name:
    'glory 2', 'naggers 2'), the title found as the lookup finds it: which title the words
    begin, and its seasons, the copy of the keys cannot say."""
    try:
        title = _find_show(dataset, asked.title, spelled=False, suggestions=False, within=PART)
    except LookupError_:
        return False
    return _held_by_short_name(asked, title)


def _found_without_article(dataset: Dataset, query: str) -> bool:
    """Whether the article stage of find_show answers ``query``: a title, or a season or a
    year the title it names lacks."""
    try:
        return _without_article(dataset, query) is not None
    except (NoSuchSeason, NoSuchYear):
        return True


_SPELLED_HOWS = ("Korean initials", "another spelling of the Korean title", "another spelling of")


def how_respelled(row: NameRow) -> str:
    """How a row of ``respelled`` matched, in the words a Match says it ("Korean initials",
    "another spelling of the Korean title", "another spelling of")."""
    return _how_spelled(row)


def _how_spelled(row: NameRow) -> str:
    if row.kind == "show-initials":
        return _SPELLED_HOWS[0]
    hangul = has_hangul(row.name)
    return _SPELLED_HOWS[1] if hangul else _SPELLED_HOWS[2]


def guessed_note(query: str, match: Match) -> str | None:
    """What a command says beside a title it found by a guess, by the sound of a name typed
    another way or by its Hangul initials ("'jigum uri hakkyo' is taken as All of Us Are Dead
    (matched another spelling of the Korean title: 지금 우리 학교는)"), as `show`'s card says
    "(matched …)"; None for a title found by a name as typed (its romanisation too), or part of
    one."""
    from kdrama_cli.catalogue.printable import clean

    if closeness(match) != RESPELLED:
        return None
    how = f"{match.matched_by}: {clean(match.matched_name)}"
    return f"{query!r} is taken as {clean(match.show.title)} (matched {how})"


def closeness(match: Match) -> int:
    """How closely a title matched (WHOLE, PART or RESPELLED), from how it was found."""
    if match.matched_by == "partial":
        return PART
    return RESPELLED if match.matched_by in _SPELLED_HOWS else WHOLE


def _candidates(
    dataset: Dataset,
    kind: str,
    key: str,
    lookup: NameLookup | None = None,
    also: Sequence[str] = (),
) -> Iterator[tuple[list[NameRow], bool]]:
    """Rows to try in turn, each with whether it is a partial match: exact names first, then
    names containing the key from the start of one of their words ('egob' never opens The
    Goblin), when the key is long enough for that (folding.long_enough_for_part: 3 characters,
    2 Hangul syllables). A slug or a person's id is found only whole: the words that tell
    namesakes apart are no name ('hunt' is the film, never the actress jeon-hye-jin-hunt;
    'director' no list of kim-hee-won-director and the others). Lazy: the containing query
    runs only when no exact name answered.
    Each stage tries the key, then the keys in ``also`` while it finds nothing: the query with
    "and" and "&" written for each other (folding.and_spellings)."""
    lookup = lookup or lookup_of(dataset)
    exact: list[NameRow] = []
    for each in (key, *also):
        exact = exact or lookup.exact(kind, each)
    if kind == "show":  # a season's or film's title in Netflix's files, whole
        for each in (key, *also):
            exact = exact or lookup.exact("show-netflix", each)
    yield exact, False
    partial: list[NameRow] = []
    for each in (key, *also):
        if not partial and long_enough_for_part(each):
            partial = [
                r
                for r in lookup.containing(kind, each)
                if r.key != each
                and r.how not in WHOLE_ONLY
                and part_of_name(r.name or r.key, r.key, each, r.label)
            ]
    if long_enough_for_part(key) or partial:
        yield partial, True


def _whole_name_rows(
    dataset: Dataset, table: str, name: str, lookup: NameLookup | None = None
) -> list[NameRow]:
    """The rows whose whole name ``name`` is (what is left of a query once a possessive or a
    Korean particle closing it is left out), its other spellings too: _candidates' first
    stage, in ``lookup`` or the dataset's; none when ``name`` folds to nothing."""
    key = normalize(name)
    if not key:
        return []
    return next(_candidates(dataset, table, key, lookup, and_spellings(name)))[0]


def suggest(dataset: Dataset, kind: str, query: str, limit: int = 3) -> list[str]:
    """The names closest to a query, for 'Did you mean ...?' (rapidfuzz: its cost stays small
    over tens of thousands of names, where difflib's grows with the catalogue)."""
    from rapidfuzz import fuzz, process

    from kdrama_cli.catalogue.printable import clean

    key = normalize(query)
    lookup = lookup_of(dataset)
    keys, labels = lookup.keys_and_labels(kind)
    hangul = has_hangul(key)
    spell = _letters_of if hangul else str
    spelt = [_letters_of(k) for k in keys] if hangul else keys
    # A cheap edit-distance pass picks candidates among every name; a score that also forgives
    # a name typed in part, from the start of one of its words, ranks the few left.
    rough = process.extract(spell(key), spelt, scorer=fuzz.ratio, limit=50, score_cutoff=50)
    typed = [spell(word) for word in words(query)]

    def spaced(index: int) -> Callable[[str], str]:
        return lambda _: spell(_spaced(lookup, kind, keys[index]))

    ranked = sorted(
        ((_nearness(typed, spelt[index], spaced(index)), index) for _, _, index in rough),
        key=lambda pair: (-pair[0], pair[1]),
    )
    close = [index for score, index in ranked if score >= 75]
    return list(dict.fromkeys(clean(labels[index]) for index in close))[:limit]


def _letters_of(text: str) -> str:
    """Hangul spelt out letter by letter (오징어겜 as ㅇㅗㅈㅣㅇㅇㅓㄱㅔㅁ): one syllable is three
    letters, so a slip of one letter ('겜' for '게임') is a small edit, not a whole syllable's."""
    import unicodedata

    return unicodedata.normalize("NFD", text)


def _nearness(typed: Sequence[str], key: str, spaced: Callable[[str], str]) -> float:
    """How near the words typed are to a name's key, 0 to 100: rapidfuzz's WRatio for keys,
    which have no spaces (their edit-distance ratio, or, when one is half as long again as the
    other, the best stretch of the longer one as long as the shorter, scaled down), except that
    the stretch must begin a word. WRatio took it from anywhere: 'kingdon' came near
    'warnINGDONotplay'. ``spaced`` gives the key spaced where its names' words begin; it is
    asked only of a key much longer than what was typed, so a miss reads few names."""
    from rapidfuzz import fuzz

    joined = "".join(typed)
    whole = fuzz.ratio(joined, key)
    if len(joined) > len(key):
        shorter, longer, longer_words = key, joined, typed
    else:
        shorter, longer, longer_words = joined, key, ()
    if not shorter or len(longer) < 1.5 * len(shorter):
        return whole
    scale = 0.9 if len(longer) < 8 * len(shorter) else 0.6
    spans = list(_spans(longer_words or spaced(key).replace("-", " ").split()))
    part = max(fuzz.ratio(shorter, longer[start : start + len(shorter)]) for start, _ in spans)
    # One whole word of the name typed with a slip ('glroy' for the Glory's 'glory') is as
    # near as that word, not scaled down as a stretch that cuts a word is.
    word = max(
        (fuzz.ratio(shorter, longer[a:b]) for a, b in spans if b - a == len(shorter)), default=0
    )
    return max(whole, part * scale, word)


def _spans(words_: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Where each word begins and ends in the words written together."""
    start = 0
    for word in words_:
        yield start, start + len(word)
        start += len(word)


def _spaced(lookup: NameLookup, kind: str, key: str) -> str:
    """A key spaced where a word of any of its names begins (names.word_keys)."""
    _, spaced = word_keys(lookup.exact(kind, key))
    return spaced[0] if spaced and spaced[0] else key


#: What Korean sets beside a person's name that is no part of it: a courtesy after it (씨,
#: 님: '이정재 씨', '이정재님', '연상호 감독님'), and 배우 ('actor') before or after it, as the
#: press names an actor ('배우 이정재', '이정재 배우'). A crew word is kept, its courtesy left
#: off ('감독님' is 감독, which the crew reading reads), and set apart from a name typed
#: against it ('황동혁감독', '김은숙작가').
_COURTESY_AFTER = r"(?:(?<=\S)\s+|(?<=[가-힣]))(?:씨|님)$"
_ACTOR_BESIDE = r"^배우\s+(?=\S)|(?:(?<=\S)\s+|(?<=[가-힣]))배우$"
_CREW_AGAINST_NAME = r"(?<=[가-힣])(감독|작가|연출가|각본가|극작가)$"
#: Every word one of the three patterns above reads: a query holding none is as typed.
_COURTESY_WORDS = ("씨", "님", "배우", "감독", "작가", "연출가", "각본가", "극작가")


def courtesy_dropped(query: str) -> str | None:
    """The query without the courtesy or the word 배우 Korean sets beside a name, and with a
    crew word typed against the name set apart ('배우 이정재' is '이정재', '연상호 감독님' '연상호
    감독', '황동혁감독' '황동혁 감독'); None when it has none, or nothing else is left."""
    typed = query.strip()
    if not any(word in typed for word in _COURTESY_WORDS):
        return None  # nothing to leave off: the patterns are not compiled
    bare = re.sub(_COURTESY_AFTER, "", typed)
    bare = re.sub(_ACTOR_BESIDE, "", bare).strip()
    bare = re.sub(_CREW_AGAINST_NAME, r" \1", bare)
    return bare if bare and bare != typed else None


def _courteous(dataset: Dataset, query: str) -> Person | None:
    """The person a query names whole once a courtesy or 배우 beside the name is left off
    (courtesy_dropped); None when it names no one so, or only part of a name. A name several
    people share, said with 배우, is the one of them who acts: '이병헌 배우' is the actor Lee
    Byung-hun, not the director Lee Byeong-heon, whose Hangul name is his too; else it is
    Ambiguous, listing them, as the name alone is ('김고은 씨': the actress and the model)."""
    bare = courtesy_dropped(query)
    if bare is None:
        return None
    try:
        person, how = _find_person(dataset, bare, suggestions=False)
    except Ambiguous as many:
        if many.closeness != WHOLE:
            return None
        said = re.sub(_COURTESY_AFTER, "", query.strip())
        if re.search(_ACTOR_BESIDE, said) is not None:
            acting = [target for target, _ in many.candidates if _acts(dataset, target)]
            if len(acting) == 1:
                return dataset.people[acting[0]]
        raise Ambiguous("person", query, many.candidates) from None
    except LookupError_:
        return None
    return person if how == WHOLE else None


#: A credit as oneself, which is no part acted ('Himself' in a concert film).
_AS_ONESELF = frozenset({"himself", "herself", "themselves", "themself", "self"})


def _acts(dataset: Dataset, person_id: str) -> bool:
    """Whether the person plays a part in a scripted title (not only its crew, nor as a host,
    a contestant or themself): who 배우 ('actor') names."""
    from kdrama_cli.catalogue.vocab import UNSCRIPTED_KINDS

    shows = fetch(dataset.shows, lookup_of(dataset).titles_of(person_id))
    return any(
        credit.person == person_id
        and credit.role in ("main", "supporting", "special")
        and (credit.character or "").casefold() not in _AS_ONESELF
        for show in shows
        if show.kind not in UNSCRIPTED_KINDS
        for credit in show.cast
    )


def find_person(dataset: Dataset, query: str) -> Person:
    """The id in any case (as_id), then exact name, alias or Hangul (any case or punctuation),
    then a unique part, then a whole name with a Korean particle after it ('박보검이', '이정재
    나온 드라마'), then the name however it is romanised or ordered; last, the name without a
    courtesy or 배우 beside it ('이정재 씨', '배우 이정재')."""
    try:
        return _find_person(dataset, query)[0]
    except NotFound as miss:
        if (person := _courteous(dataset, query)) is not None:
            return person
        title = _whole_title(dataset, query)
        if title is None:
            character = character_named(dataset, query, "person")
            if character is not None:
                raise _said_also(miss, character) from None
            played = character_in_title(dataset, query)
            if played is None:
                raise
            raise _said_played(miss, played) from None
        command = command_line(f"show {title.show.slug}")
        if title.season is not None:
            command += f" --season {title.season}"
        raise _said_also(miss, f"{query!r} is a title: {command}") from None


def _find_person(dataset: Dataset, query: str, suggestions: bool = True) -> tuple[Person, int]:
    """find_person, and how closely the person matched (WHOLE, PART or RESPELLED)."""
    if (person_id := as_id(query)) in dataset.people:
        return dataset.people[person_id], WHOLE
    key = normalize(query)
    if not key:
        raise NotFound("person", query, [])
    for how, rows in _person_rows(dataset, key, query):
        found = {row.target for row in rows}
        if len(found) == 1:
            return dataset.people[found.pop()], how
        if len(found) > 1 and how == WHOLE:
            # 'Ji Soo' is Ji Soo, not Jisoo: names alike but for spacing, one written as typed
            spelled = {row.target for row in rows if _written_as_typed(query, [row.name])}
            if len(spelled) == 1:
                return dataset.people[spelled.pop()], how
        if len(found) > 1:
            ranked = _ranked_people(dataset, key, rows)
            raise Ambiguous("person", query, ranked, how == PART, how == RESPELLED)
    if not suggestions:
        raise NotFound("person", query, [])
    raise NotFound("person", query, suggest(dataset, "person", query), _count(dataset, "people"))


def _written_as_typed(query: str, names: Iterable[str]) -> bool:
    """Whether one of a person's names is the query as written (_as_written): the tie-break of
    _find_person between names alike but for spacing, and so also when also_named notes the
    namesake a query was not taken for."""
    typed = _as_written(query)
    return any(_as_written(name) == typed for name in names)


def _person_names(dataset: Dataset, person_id: str) -> list[str]:
    """Every name a person is found by as written: their name, aliases and Hangul name (the
    id, which _find_person's tie-break reads too, also_named weighs apart)."""
    person = dataset.people.get(person_id)
    if person is None:
        return []
    return [name for name in (person.name, *person.aliases, person.hangul) if name]


def _as_written(name: str) -> str:
    """A name as written, but for case, hyphens and runs of spaces: 'Ji Soo' and 'ji  soo'
    agree, 'kim jae won' and 'Kim Jae-won' too (so two people of that name stay two), while
    'Ji Soo' and 'Jisoo' do not (normalize folds them together)."""
    return " ".join(name.replace("-", " ").split()).casefold()


def _person_rows(dataset: Dataset, key: str, query: str) -> Iterator[tuple[int, list[NameRow]]]:
    """Rows to try in turn for a person, each with how closely they match; each stage is run
    only when the one before found none. A whole name written family name last ('Byung-hun
    Lee', as English-language credits give it) is as close as one typed in order, before part
    of a name ('Hyun-woo Seo' is Seo Hyun-woo, not the start of Hyun Woo-seok) and before the
    sound-alikes its respelling would also find (Lee Byeong-heon)."""
    stages = _candidates(dataset, "person", key, also=and_spellings(query))
    exact, _ = next(stages)
    yield WHOLE, exact
    yield WHOLE, _family_name_first(dataset, query)
    # a possessive left out ("Lee Jung-jae's"): that person's whole name, before any part
    if (bare := possessive_dropped(query)) is not None:
        yield WHOLE, _whole_name_rows(dataset, "person", bare)
    for rows, partial in stages:  # the costly query for part of a name runs only now
        yield (PART if partial else WHOLE), rows
    # a Korean particle or the words for their titles after a whole name ('박보검이', '이정재
    # 나온 드라마'): that person, once no name holds the words as typed
    for bare in particle_dropped(query, person=True):
        if bare_key := normalize(bare):
            yield WHOLE, next(_candidates(dataset, "person", bare_key, also=and_spellings(bare)))[0]
    # a whole question around a whole name ('han so-hee dramas', 'who is han so-hee'), as the
    # Korean words for their titles are read
    if (bare := person_question_dropped(query)) is not None and (bare_key := normalize(bare)):
        yield WHOLE, next(_candidates(dataset, "person", bare_key, also=and_spellings(bare)))[0]
    yield RESPELLED, _spelled(dataset, "person", query)


def _family_name_first(dataset: Dataset, query: str) -> list[NameRow]:
    """The people whose whole name the query is with its last word moved first, word for
    word: 'Jung Yoon-ha' turned round is "Yoon-ha Jung", which folds as Yoon Ha-jung does but
    is not her name (its words part elsewhere)."""
    from kdrama_cli.catalogue.sounds import name_orders

    lookup = lookup_of(dataset)
    return [
        row
        for order in name_orders(query)[1:]
        for row in lookup.exact("person", normalize(order))
        if _words(order) == _words(row.name)
    ]


def _words(name: str) -> list[str]:
    """A name's words, each without its hyphens and case: 'Lee Byung-hun' and 'lee byunghun'
    agree, 'Yoon-ha Jung' and 'Yoon Ha-jung' do not."""
    return [word.replace("-", "").casefold() for word in name.split()]


def namesake_apart(dataset: Dataset, query: str, other: str) -> tuple[Person, str] | None:
    """For the two ends of a path: when ``query`` names two people who share a name and
    ``other`` is exactly one of them ('Kim Si-eun' and kim-si-eun-samgwang), the other of the
    two, with how it is told apart (its note, as the namesake list gives it): a path from a
    person to themselves is no question, so the end typed as the shared name is the namesake
    (walk36-people #15). None when ``query`` is not such a name or ``other`` is none of them."""
    try:
        end = find_person_or_show(dataset, other)
    except LookupError_:
        return None
    if not isinstance(end, Person):
        return None
    try:
        find_person_or_show(dataset, query)
    except Ambiguous as error:
        if error.kind != "person" or len(error.candidates) != 2:
            return None
        left = [(i, said) for i, said in error.candidates if i != end.id]
        if len(left) == 1 and left[0][0] in dataset.people:
            return dataset.people[left[0][0]], left[0][1]
    except LookupError_:
        pass
    return None


def find_person_or_show(dataset: Dataset, query: str) -> Person | Match:
    """A person or a title (as a Match, which keeps a season named with it: 'squid game 2'),
    for an end of a connection path: an id or slug as typed, else whichever matches more
    closely (a whole name before part of one, before a respelling: 'JUNG_E' is the film,
    though the names of 7 people have 'Jung E' in them).

    People and titles that match as closely are weighed together: the one match there is, or
    Ambiguous listing them all ('park': 114 people and the film Park Hwa-Young), never a title
    in place of people too many to choose from. Nothing at all is NotFound for a person or
    title, with the nearest names of both (or the title's own error: 'squid game 9' names a
    season Squid Game does not have)."""
    if (identity := as_id(query)) in dataset.people:
        return dataset.people[identity]
    if identity in dataset.shows:
        return Match(dataset.shows[identity], "slug", identity)
    ends = _ends(dataset, query)
    if not ends and (person := _courteous(dataset, query)) is not None:
        return person  # '배우 이정재', '이정재 씨'
    if not ends:
        miss = _no_person_or_title(dataset, query)
        character = character_named(dataset, query, "person")
        raise miss if character is None else _said_also(miss, character)
    best = min(how for how, _ in ends)
    closest = [end for how, end in ends if how == best]
    first = closest[0]
    tied = len(closest) == 2
    if isinstance(first, Person) and tied and _whole_by_sound_over_start(query, closest[1]):
        return first  # 'Baek Jong-won' is Paik Jong-won, not the start of his show
    if len(closest) == 2:  # a person's, then a title's
        people, titles = _listed(closest[0]), _listed(closest[1])
        raise _people_and_titles(query, people, titles, best, _named_from_start(dataset, query))
    if isinstance(closest[0], Ambiguous):
        raise closest[0]
    return closest[0]


_End = tuple[int, "Person | Match | Ambiguous"]


def _whole_by_sound_over_start(query: str, title: Person | Match | Ambiguous) -> bool:
    """Whether the one title a name ties with one person (found by the sound of their whole
    name) was found only by the sound of the start of its name: the whole name is the closer
    ('Baek Jong-won' is Paik Jong-won, whose show 백종원의 레미제라블 merely begins so), as
    person's own lookup takes it."""
    if not isinstance(title, Match):
        return False
    if title.matched_by not in _SPELLED_HOWS:
        return False
    from kdrama_cli.catalogue.sounds import sound_key

    return sound_key(title.matched_name) != sound_key(query)


def _no_person_or_title(dataset: Dataset, query: str) -> NotFound:
    """Neither a person nor a title matches: the nearest names of both, and both counts."""
    near = [*suggest(dataset, "person", query), *suggest(dataset, "show", query)]
    counted = (
        f"{count_of(_count(dataset, 'people'), 'person', 'people')} and "
        f"{count_of(_count(dataset, 'shows'), 'title')}"
    )
    return NotFound("person or title", query, list(dict.fromkeys(near))[:3], counted=counted)


def _ends(dataset: Dataset, query: str) -> list[_End]:
    """What the name finds as a person, then as a title at least as close, each with how
    closely it matched: the one match, or Ambiguous. A title's own error other than a miss
    ('squid game 9': no such season) is raised when no person matches."""
    ends: list[_End] = []
    try:
        person, how = _find_person(dataset, query, suggestions=False)
        ends.append((how, person))
    except Ambiguous as many:
        ends.append((many.closeness, many))
    except NotFound:
        pass
    # A title can only tie with or beat the person's match: looser stages are not tried.
    within = ends[0][0] if ends else RESPELLED
    try:
        match = find_show(dataset, query, suggestions=False, within=within)
        ends.append((closeness(match), match))
    except Ambiguous as many:
        ends.append((many.closeness, many))
    except NotFound:
        pass
    except LookupError_:
        if not ends:
            raise
    return ends


def _listed(end: Person | Match | Ambiguous) -> list[tuple[str, str]]:
    """(id, label) of what one kind of lookup found: its candidates, or the one match."""
    if isinstance(end, Ambiguous):
        return end.candidates
    return [(end.show.slug, end.show.title)] if isinstance(end, Match) else [(end.id, end.name)]


def _named_from_start(dataset: Dataset, query: str) -> set[str]:
    """The people and titles one of whose names (Hangul, an alias, a romanisation) starts with
    what was typed: 'lee' is the start of Esom's "Lee Som", '김지' of 82년생 김지영's Hangul
    only in part."""
    key = normalize(query)
    lookup = lookup_of(dataset)
    return {row.target for kind in ("person", "show") for row in _starting(lookup, kind, key)}


def _people_and_titles(
    query: str,
    people: list[tuple[str, str]],
    titles: list[tuple[str, str]],
    how: int,
    from_start: Collection[str] = (),
) -> Ambiguous:
    """People and titles that match a name as closely, listed together: the best of each kind
    first, in turn, so a title is not lost under a hundred people; titles say they are one.
    Those one of whose names starts with what was typed (``from_start``) come first, as in a
    list of people alone: a title that only has the word further on ("Cheer Up, Mr. Lee") is
    not among the first five for 'lee' ahead of Lee Byung-hun."""
    together: list[tuple[str, str]] = []
    for first in (True, False):
        pairs = itertools.zip_longest(
            [(target, label) for target, label in people if (target in from_start) is first],
            [(slug, f"title: {label}") for slug, label in titles if (slug in from_start) is first],
        )
        together += [end for pair in pairs for end in pair if end is not None]
    counted = f"{count_of(len(people), 'person', 'people')} and {count_of(len(titles), 'title')}"
    return Ambiguous("person or title", query, together, how == PART, how == RESPELLED, counted)


def _ranked_people(dataset: Dataset, key: str, rows: Sequence[NameRow]) -> list[tuple[str, str]]:
    """Candidates whose name starts with what was typed first, then the most credited (the one
    a fan most likely means), then by name."""
    lookup = lookup_of(dataset)
    starts: dict[str, bool] = {}
    for row in rows:
        starts[row.target] = starts.get(row.target, False) or row.key.startswith(key)
    people = [dataset.people[i] for i in starts]
    titles = {p.id: lookup.titles_of(p.id) for p in people}
    people.sort(key=lambda p: (not starts[p.id], -len(titles[p.id]), p.name, p.id))
    aliases = _aliases_only(rows, OWN_PERSON_NAMES)
    return [
        (p.id, _found_as(p.name, p.id, aliases) + _told_apart_by(dataset, p, titles[p.id]))
        for p in people
    ]


def person_told_apart(dataset: Dataset, person: Person) -> str | None:
    """What tells a person apart from another the catalogue names as they are, as the list of
    namesakes says it (_told_apart_by): 'Single's Inferno 5 contestant' for one Kim Go-eun,
    'actress (Goblin, Little Women)' for the other; None for a person no other shares a name
    with. A page that names one of them alone (a path's ends) says which one it is."""
    key = normalize(person.name)
    others = [
        other
        for other in fetch(dataset.people, _named_whole(dataset, person.name, table="person"))
        if other.id != person.id and normalize(other.name) == key
    ]
    if not others:
        return None
    said = _told_apart_by(dataset, person, lookup_of(dataset).titles_of(person.id))
    return said.removeprefix(", ") or None


def _told_apart_by(dataset: Dataset, person: Person, slugs: Collection[str]) -> str:
    """What tells a person apart in a list of namesakes: their note, else the title they are
    credited in that came out last ('in Bloodhounds and 2 more titles'), so two people of
    one Hangul name are not a blind pick between ids."""
    if person.note:
        return f", {_mid_sentence(_short(person.note))}"
    from kdrama_cli.answers.spoilers import spoiler_only

    shows = sorted(
        (
            show
            for show in fetch(dataset.shows, slugs)  # never a surprise cameo's title
            if not spoiler_only(show, person.id, False, authors_of(dataset.works_of(show)))
        ),
        key=lambda s: (-(s.last_year or (9999 if s.airing else s.year or 0)), s.title),
    )
    if not shows:
        return ""
    more = len(shows) - 1
    return f", in {shows[0].title}" + (f" and {count_of(more, 'more title')}" if more else "")


#: Words a person's note begins with that are no name: after "Kim Si-eun, " they are written
#: in lower case ("actress known for ..."). A word not listed (Korean, Hankyoreh, Crime Scene,
#: Single's Inferno) keeps its capital: a name lowered would be wrong, a word left capitalised
#: only untidy.
_COMMON_FIRST_WORDS = frozenset(
    [
        "accountant",
        "actor",
        "actress",
        "artist",
        "beauty",
        "broadcaster",
        "cartoonist",
        "cast",
        "chef",
        "child",
        "co-creator",
        "co-director",
        "co-writer",
        "comedian",
        "comic",
        "comics",
        "cook",
        "creator",
        "credited",
        "criminal",
        "dancer",
        "director",
        "documentary",
        "fashion",
        "film",
        "fitness",
        "former",
        "formerly",
        "gymnast",
        "handball",
        "heir",
        "influencer",
        "joint",
        "judo",
        "lawyer",
        "leader",
        "live-event",
        "martial",
        "member",
        "mixed",
        "model",
        "mountain",
        "novelist",
        "orthopaedic",
        "pastor",
        "pen",
        "performer",
        "physician",
        "played",
        "player",
        "plays",
        "police",
        "producer-director",
        "professional",
        "rapper",
        "restaurateur",
        "rhythmic",
        "runner-up",
        "runs",
        "science",
        "screenwriter",
        "scriptwriter",
        "singer",
        "social",
        "speed",
        "stage",
        "strongman",
        "swimmer",
        "television",
        "track",
        "trauma",
        "travel",
        "urologist",
        "variety",
        "web",
        "webtoon",
        "woman",
        "wrestler",
        "writer",
        "writer-director",
        "writing",
        "young",
    ]
)


def _mid_sentence(note: str) -> str:
    """A note as it reads after a name and a comma: its first word in lower case when it is a
    common word ("Kim Si-eun, actress known for ..."), not a name (_COMMON_FIRST_WORDS)."""
    first = re.match(r"[A-Za-z-]+", note)
    if first and first[0].casefold() in _COMMON_FIRST_WORDS and first[0][1:].islower():
        return note[:1].lower() + note[1:]
    # "The actor who was 40 in 2019": an article before a common word reads on as one too,
    # where "The Glory's ..." names a title and keeps its capital
    article = re.match(r"The ([A-Za-z-]+)\b", note)
    if article and article[1].casefold() in _COMMON_FIRST_WORDS and article[1].islower():
        return "t" + note[1:]
    return note


def _first_clause(note: str) -> str:
    """The note up to its first semicolon, or the end of its first sentence, outside brackets:
    "Screenwriter (The Queen's Classroom; co-writer of Descendants of the Sun)" stays whole,
    where cutting at the first semicolon left its bracket open and lost what tells the
    namesakes apart; "TV drama director (…, Queen of Tears). Not the actor …" ends at its
    full stop, where a cut between words left "Not the…" (walk36-people #5). The full stop of
    "Dr." or "Mr." ends no sentence (catalogue.wording.note_clauses)."""
    return note_clauses(note)[0]


def _short(note: str, width: int = 90) -> str:
    """A disambiguating note cut to its first clause, for a list of candidates (the picker
    gives it two lines), and if still longer, between words."""
    first = _first_clause(note).strip().rstrip(".")
    if len(first) <= width:
        return first
    cut = first[: width - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,:—–-") + "…"

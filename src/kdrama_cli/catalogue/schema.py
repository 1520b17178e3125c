"""The dataset schema: structural validation of parsed TOML, merging, and cross-reference checks.

Validation never stops at the first problem: it walks the whole document and returns every problem
with a path such as ``shows[all-of-us-are-dead].cast[3].seasons`` (list indexes count from 0).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from kdrama_cli.catalogue.folding import has_hangul, normalize
from kdrama_cli.catalogue.models import (
    LAYER_ITEM_LISTS,
    METRICS,
    OUT_STATUSES,
    ROLES,
    SEASON_STATUSES,
    SHOW_KINDS,
    SOURCE_KINDS,
    UNITS,
    Citation,
    Credit,
    Dataset,
    Fact,
    LayerMark,
    Person,
    Replacement,
    Season,
    Show,
    SourceWork,
    Stat,
    release_window,
    week_ending,
    window_end,
    window_problem,
)
from kdrama_cli.catalogue.printable import NOT_IN_ADDRESS
from kdrama_cli.catalogue.problems import Problem, ReferenceKind, Unknown
from kdrama_cli.catalogue.vocab import (
    KIND_WORDS,
    MAX_RANK_DIGITS,
    METRIC_UNITS,
    NETFLIX_METRICS,
    PUBLISHER_KINDS,
    ROLE_WORDS,
    SEASONED_KINDS,
    unread_all_time_rank,
    with_article,
)
from kdrama_cli.catalogue.wording import first_few, joined, number_runs, shortened
from kdrama_cli.errors import command_line

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
#: Refused in an address (printable.NOT_IN_ADDRESS): a quote there ends the link of an
#: --export-html page early, and the rest of the address becomes markup of the page.
URL_UNSAFE_RE = re.compile(f"[{re.escape(NOT_IN_ADDRESS)}]")
MAX_TEXT = 5_000
MAX_LIST = 10_000
#: Dates a dataset may hold (`list --year` takes the same years).
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

MAX_NUMBER = 10**13

Located = tuple[str, str]  # (location, message)


@dataclass(frozen=True, slots=True)
class Field:
    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    #: For an id field ("slug", "ids"): what its ids name, when it refers to other entries
    #: ("person" for a credit's person), which decides the example an error gives.
    refers: ReferenceKind | None = None
    #: For an entry's own id: what the entry is ("person": a Hangul id is romanised syllable
    #: by syllable, as the ids of people are: 'yun-da-on').
    own: ReferenceKind | None = None
    #: For a list of strings whose items never hold a comma (genres): a string of several,
    #: comma-separated, is a list written as one string (walk35 #2).
    one_word: bool = False


#: An id of each kind, as an error about a malformed one gives for an example.
_ID_EXAMPLES: Mapping[ReferenceKind | None, str] = {
    None: "squid-game",
    "show": "squid-game",
    "person": "park-ji-hu",
    "source work": "the-lantern-room",
    "citation": "squid-game-nme-emmys",
}


def _f(kind: str, required: bool = False, **options: Any) -> Field:
    return Field(kind, required, **options)


#: ``schema`` may be left out (a file without [meta] is read as schema 1 too), so a one-entry
#: layer needs no header; a version the reader does not know is refused.
#: The format version this kdrama reads (data/README.md, [meta]): a file of a higher one is
#: for a newer kdrama.
SCHEMA = 1

META = {"schema": _f("int", low=1, high=SCHEMA), "updated": _f("date"), "include": _f("strs")}
CITATION = {
    "id": _f("slug", True),
    "url": _f("url", True),
    "title": _f("str", True),
    "publisher": _f("str", True),
    "date": _f("date"),
    "kind": _f("str", choices=PUBLISHER_KINDS),
    "spoiler": _f("bool"),
    "title_note": _f("str"),
    "url_note": _f("str"),
    "override": _f("bool"),
    "extend": _f("bool"),
    "drops": _f("strs"),
}
PERSON = {
    "id": _f("slug", True, own="person"),
    "name": _f("str", True),
    "hangul": _f("korean"),
    "aliases": _f("strs"),
    "note": _f("str"),
    "editor_note": _f("str"),
    "sources": _f("ids"),
    "override": _f("bool"),
    "extend": _f("bool"),
    "drops": _f("strs"),
}
SOURCE_WORK = {
    "id": _f("slug", True),
    "title": _f("str", True),
    "title_note": _f("str"),
    "kind": _f("str", True, choices=SOURCE_KINDS),
    "korean_title": _f("korean"),
    "romanization": _f("str"),
    "story_by": _f("ids", refers="person"),
    "writers": _f("ids", refers="person"),
    "artists": _f("ids", refers="person"),
    "platform": _f("str"),
    "start_year": _f("int", low=1800, high=2100),
    "end_year": _f("int", low=1800, high=2100),
    "sources": _f("ids", True),
    "based_on": _f("slug", refers="source work"),
    "override": _f("bool"),
    "extend": _f("bool"),
    "drops": _f("strs"),
}
SEASON = {
    "number": _f("int", True, low=1, high=100),
    "status": _f("str", True, choices=SEASON_STATUSES),
    "release_date": _f("date"),
    "end_date": _f("date"),
    "episodes": _f("int", low=1, high=10_000),
    "episodes_unknown": _f("str"),
    "release_date_unknown": _f("str"),
    "netflix_release_date": _f("date"),
    "release_window": _f("str"),
    "platform": _f("str"),
    "status_date": _f("date"),
    "as_of": _f("date"),
    "note": _f("str"),
    "netflix_titles": _f("strs"),
    "aliases": _f("strs"),
    "sources": _f("ids", True),
}
CREDIT = {
    "person": _f("slug", True, refers="person"),
    "character": _f("str"),
    "character_unknown": _f("str"),
    "character_hangul": _f("korean"),
    "role": _f("str", True, choices=ROLES),
    "seasons": _f("ints", low=1, high=100),
    "note": _f("str"),
    "spoiler": _f("bool"),
    "sources": _f("ids"),
}
STAT = {
    "metric": _f("str", True, choices=METRICS),
    "value": _f("number", True),
    "unit": _f("str", True, choices=UNITS),
    "window": _f("window", True),
    "season": _f("int", low=1, high=100),
    "list": _f("str"),
    "as_of": _f("date", True),
    "note": _f("str"),
    "sources": _f("ids", True),
}
TOP_LEVEL_STAT = {"show": _f("slug", True, refers="show"), **STAT}
FACT = {
    "text": _f("str", True),
    "spoiler": _f("bool"),
    "season": _f("int", low=1, high=100),
    "sources": _f("ids", True),
}
SHOW = {
    "slug": _f("slug", True),
    "title": _f("str", True),
    "korean_title": _f("korean"),
    "romanization": _f("str"),
    "aliases": _f("strs"),
    "kind": _f("str", True, choices=SHOW_KINDS),
    "platform": _f("str", True),
    "genres": _f("strs", True, one_word=True),
    "synopsis": _f("str", True),
    "directors": _f("ids", refers="person"),
    "writers": _f("ids", refers="person"),
    "creators": _f("ids", refers="person"),
    "source_work": _f("slug", refers="source work"),
    "related": _f("ids", refers="show"),
    "companion_of": _f("slug", refers="show"),
    "release_date": _f("date"),
    "runtime_minutes": _f("int", low=1, high=10_000),
    "netflix_titles": _f("strs"),
    "sources": _f("ids", True),
    "cast_sources": _f("ids"),
    "cast_unknown": _f("str"),
    "crew_unknown": _f("str"),
    "netflix_only": _f("bool"),
    "netflix_release_date": _f("date"),
    "override": _f("bool"),
    "extend": _f("bool"),
    "drops": _f("strs"),
}
#: An entry that holds only Netflix's record: Netflix's files give no platform, genres or
#: synopsis, so none is required (and none is invented).
NETFLIX_ONLY_SHOW = {
    **SHOW,
    "platform": _f("str"),
    "genres": _f("strs", one_word=True),
    "synopsis": _f("str"),
}
SHOW_TABLES: Mapping[str, Mapping[str, Field]] = {
    "seasons": SEASON,
    "cast": CREDIT,
    "stats": STAT,
    "facts": FACT,
}
#: The lists an entry marked ``extend = true`` adds to, by table (a title's seasons, cast,
#: figures and facts among them): every other key of the entry is the earlier entry's, which
#: only an override (``override = true``) changes. A citation or a source work has no list a
#: layer would add to, and is never extended.
EXTENSIBLE: Mapping[str, tuple[str, ...]] = {
    "shows": (
        "aliases",
        "genres",
        "directors",
        "writers",
        "creators",
        "related",
        "netflix_titles",
        "sources",
        "cast_sources",
        "seasons",
        "cast",
        "stats",
        "facts",
    ),
    "people": ("aliases", "sources"),
}
TOP_LEVEL: Mapping[str, tuple[str, Mapping[str, Field]]] = {
    "citations": ("id", CITATION),
    "people": ("id", PERSON),
    "source_works": ("id", SOURCE_WORK),
    "shows": ("slug", SHOW),
    "stats": ("show", TOP_LEVEL_STAT),
}


Checker = Callable[[Any], "str | None"]


def _compile(field: Field) -> Checker:
    """A checker for one field, built once: validation runs it for every value of a big file."""
    kind = field.kind
    if kind in ("str", "korean", "slug", "url", "window"):
        choices = frozenset(field.choices)
        pattern = {"slug": SLUG_RE, "url": URL_RE}.get(kind)

        def check_text(value: Any) -> str | None:
            if type(value) is not str:
                return f"expected a string, got {_type_name(value)}"
            if len(value) > MAX_TEXT:
                return f"is too long ({len(value)} characters; the limit is {MAX_TEXT})"
            if not value.strip():
                return "must not be empty"
            if kind == "url" and (unsafe := URL_UNSAFE_RE.search(value)):
                sign = unsafe.group()
                return (
                    f"an address holds no {sign} as it is: write it %{ord(sign):02X}, as a "
                    f"browser's address bar does, got {value!r}"
                )
            if pattern is not None and not pattern.match(value):
                if kind == "slug":
                    return _not_an_id(value, field.refers, field.own)
                return f"expected an http(s) URL, got {value!r}{_with_scheme(value)}"
            if kind == "korean" and not has_hangul(value):
                return f"expected Korean text with Hangul, got {value!r}"
            if kind == "window" and (wrong := window_problem(value)) is not None:
                return wrong
            if choices and value not in choices:
                from kdrama_cli.errors import did_you_mean

                near = _near_miss(value, field.choices)
                hint = f". {did_you_mean(near)}" if near else ""
                return f"expected one of {', '.join(field.choices)}; got {value!r}{hint}"
            return None

        return check_text
    if kind == "int":

        def check_int(value: Any) -> str | None:
            if type(value) is not int:
                return f"expected an integer, got {_type_name(value)}"
            return _check_range(field, value)

        return check_int
    if kind == "number":

        def check_number(value: Any) -> str | None:
            if type(value) not in (int, float):
                return f"expected a number, got {_type_name(value)}"
            if not value > 0 or value > MAX_NUMBER:  # also catches nan
                return f"expected a positive number up to {MAX_NUMBER:,}, got {value!r}"
            return None

        return check_number
    if kind == "bool":

        def check_bool(value: Any) -> str | None:
            return (
                None if type(value) is bool else f"expected true or false, got {_type_name(value)}"
            )

        return check_bool
    if kind == "date":
        # A date outside these years is a typo (1800 for 2018); a date in the future is only
        # a warning (dataset_warnings): a clock set wrong must not refuse the dataset.
        def check_date(value: Any) -> str | None:
            if type(value) is dt.date:
                if value < FIRST_DATE:
                    return f"{value} is before {FIRST_DATE}"
                if value > LAST_DATE:
                    return f"{value} is after {LAST_DATE}"
                return None
            if isinstance(value, (dt.datetime, dt.time)):
                return "expected a date without a time (2022-01-28)"
            if isinstance(value, str):
                return f"expected an unquoted TOML date like 2022-01-28, got the string {value!r}"
            return f"expected a date like 2022-01-28, got {_type_name(value)}"

        return check_date
    if kind in ("strs", "ids", "ints"):
        item_kind = {"strs": "str", "ids": "slug", "ints": "int"}[kind]
        check_item = _compile(Field(item_kind, low=field.low, high=field.high, refers=field.refers))

        def check_list(value: Any) -> str | None:
            if type(value) is not list:
                got = f"expected a list, got {_type_name(value)}"
                if type(value) is str and (several := _as_items(value, kind, field, check_item)):
                    return f"{got}; {several}"
                if type(value) in (str, int) and check_item(value) is None:
                    # one item written bare: include = "parts.toml"
                    return f"{got}; write it in brackets: [{_toml_item(value)}]"
                return got
            if len(value) > MAX_LIST:
                return f"has too many items ({len(value)}; the limit is {MAX_LIST})"
            for index, item in enumerate(value):
                problem = check_item(item)
                if problem:
                    return f"its {_ordinal(index + 1)} item: {problem}"
            if kind == "ints" and len(set(value)) != len(value):
                return "has duplicate values"
            return None

        return check_list
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


def _not_an_id(value: str, refers: ReferenceKind | None, own: ReferenceKind | None = None) -> str:
    """What is wrong with ``value`` as an id, in the words its likely mistake needs: a name
    typed where an id goes ('Lee Jung-jae'), Hangul ('이정재': ids are ASCII), underscores
    ('lee_jung_jae'); with the id written as one (kebab-case) for a new entry's id."""
    example = _ID_EXAMPLES[refers or own]
    found_by = _found_by(value) if refers == "person" else ""
    named = refers is not None and (
        has_hangul(value) or any(c.isspace() or c.isupper() for c in value.strip())
    )
    written = None if named else as_id(value, syllables=own == "person")
    hint = f"; as an id: {written!r}" if written else ""
    if has_hangul(value):
        said = f"ids are ASCII (lowercase letters, digits and hyphens, like {example!r})"
        return f"{said}, got {value!r}{hint}{found_by}"
    if named:
        # a name where an id goes: a load that has the entry gives its id (named_references)
        return f"{value!r} is a name: a {refers} is given by id, like {example!r}{found_by}"
    return f"expected a kebab-case id like {example!r}, got {value!r}{hint}"


def _found_by(name: str) -> str:
    """How to find a person's id from their name."""
    import json

    return f" ({command_line('person ' + json.dumps(name, ensure_ascii=False))} gives it)"


def as_id(text: str, *, syllables: bool = False) -> str | None:
    """``text`` written as an id: ASCII kebab-case, Hangul romanised ('Lee Jung-jae' is
    lee-jung-jae, '나쁜 쇼' nappeun-syo; with ``syllables``, as a person's name is, each
    syllable apart: '윤다온' yun-da-on); None when nothing of it is left."""
    import unicodedata

    from kdrama_cli.catalogue.romanize import romanize

    roman = romanize(text, "-" if syllables else "")
    latin = unicodedata.normalize("NFKD", roman).encode("ascii", "ignore").decode()
    written = "-".join(re.findall(r"[a-z0-9]+", latin.casefold()))
    return written if written and written != text and SLUG_RE.match(written) else None


def _as_items(
    value: str, kind: str, field: Field, check_item: Callable[[Any], str | None]
) -> str | None:
    """How to write ``value``, a list typed as one string of comma-separated items
    (genres = "romance, comedy"), as a list: each its own item, where no item of the list holds
    a comma (ids, numbers, genres); offered beside the one item it may be where an item may
    hold one (an alias, a Netflix title). None for a string that holds no list (walk35 #2:
    "write it in brackets" gave ["romance, comedy"], one genre, which passed --strict)."""
    typed = [part.strip() for part in value.split(",")]
    parts: list[str | int] = list(typed)
    if kind == "ints":  # seasons = "1, 2"
        parts = [int(p) if p.isascii() and p.isdigit() and len(p) < 4 else p for p in typed]
    if len(parts) < 2 or not all(parts) or any(check_item(part) is not None for part in parts):
        return None
    listed = "[" + ", ".join(_toml_item(part) for part in parts) + "]"
    if kind != "strs" or field.one_word:
        return f"write it as a list: {listed}"
    if ", " not in value or check_item(value) is not None:
        return None
    return f"write it as a list: {listed}, or [{_toml_item(value)}] if it is one item"


def _toml_item(value: str | int) -> str:
    """One list item as TOML writes it (a basic string is JSON's, escapes and all)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _check_range(field: Field, value: int) -> str | None:
    if field.low is not None and value < field.low:
        return f"must be at least {field.low}, got {value}"
    if field.high is not None and value > field.high:
        return f"must be at most {field.high}, got {value}"
    return None


def _type_name(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return names.get(type(value), type(value).__name__)


#: Keys and values a newcomer writes for the dataset's own (spelled as _near_miss spells a
#: word: lower case, hyphens), each with what it stands for where that is a key or value:
#: name is a title's title (a person's own key is name), id a title's slug and slug any other
#: entry's id, season a season's number, fact a fact's text, a season that ended released.
_OTHER_WORDS: Mapping[str, tuple[str, ...]] = {
    "name": ("title",),
    "title-name": ("title",),
    "english-title": ("title",),
    "id": ("slug",),
    "slug": ("id",),
    "network": ("platform",),
    "channel": ("platform",),
    "broadcaster": ("platform",),
    "season": ("number",),
    "season-number": ("number",),
    "fact": ("text",),
    "korean-name": ("hangul", "korean_title"),
    "hangul-name": ("hangul",),
    "korean": ("korean_title", "hangul"),
    "actor": ("person",),
    "actress": ("person",),
    "person-id": ("person",),
    "role-name": ("character",),
    "character-name": ("character",),
    "ended": ("released",),
    "finished": ("released",),
    "completed": ("released",),
    "aired": ("released",),
    "ongoing": ("airing",),
    "guest": ("special", "supporting"),
    "guest-star": ("special", "supporting"),
}


def _near_miss(word: str, known: Sequence[str]) -> list[str]:
    """The one word of ``known`` that ``word`` is likely meant for, if any: a misspelt key
    ('titel') or a misspelt value of a fixed set ('flim', 'mian', 'relesed'); a role or a kind
    in the words fans use ('cameo' is special, 'movie' film: vocab.ROLE_WORDS, KIND_WORDS);
    the start of the one value it begins ('hours' of hours-viewed)."""
    import difflib

    spelled = "-".join(word.casefold().replace("_", " ").split())
    # another word for one (name for title): no spelling is near it (walk35 #7)
    other = [meant for meant in _OTHER_WORDS.get(spelled, ()) if meant in known]
    if other:
        return other
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    if close:
        return close
    # a word `list --role` or `list --kind` takes for a value ('cameo', 'movie', 'variety')
    meant = ROLE_WORDS.get(spelled) or KIND_WORDS.get(spelled)
    if meant is not None and meant in known:
        return [meant]
    begun = [value for value in known if value.startswith(spelled)]  # 'web': webtoon too
    return begun if spelled and len(begun) == 1 and begun[0].startswith(f"{spelled}-") else []


#: How much of a key a problem's location shows: a 100,000-character key was one stderr line.
_KEY_SHOWN = 60


def _key_shown(key: object) -> str:
    return shortened(str(key), _KEY_SHOWN)


def _unknown_key(key: str, known: list[str], what: str = "key") -> str:
    """'unknown key', with the likely intended key first when it is a near miss."""
    from kdrama_cli.errors import did_you_mean

    close = _near_miss(key, known)
    if close:
        return f"unknown {what}. {did_you_mean(close)}"
    return f"unknown {what} (expected one of: {', '.join(known)})"


def _check_table(
    table: Any, spec: Mapping[str, Field], where: str, nested: Mapping[str, Any] | None = None
) -> Iterator[Located]:
    if not isinstance(table, dict):
        yield where, f"expected a table, got {_type_name(table)}"
        return
    nested = nested or {}
    checkers = _checkers(spec)
    for key, value in table.items():
        checker = checkers.get(key)
        if checker is None:
            if key not in nested:
                yield (
                    f"{where}.{_key_shown(key)}",
                    _unknown_table(where, key, value, nested)
                    or _unknown_key(str(key), [*spec, *nested]),
                )
            continue
        problem = checker(value)
        if problem:
            yield f"{where}.{key}", problem + _unquoted(str(key), spec[key], value)
    # a key misspelt is one mistake: its "Did you mean" says it, not also "missing" for the key
    meant = _meant_keys(table, spec, nested)
    for key in _required(spec):
        value = table.get(key)
        if value is None:
            if key not in meant:
                yield f"{where}.{key}", "missing required field"
        elif value == [] and spec[key].kind in ("strs", "ids"):
            yield f"{where}.{key}", "must list at least one item"


#: A whole number or a decimal one as a string holds it: what a quoted number would be.
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
#: A number written with thousands separators, as a page prints a figure ("1,000,000").
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: The longest text read as a quoted number: MAX_NUMBER has 14 digits, and a few zeros more.
_NUMBER_DIGITS = 40


def _unquoted(key: str, field: Field, value: Any) -> str:
    """How to write ``value`` of ``key``, a string that reads as the integer, number or boolean
    ``field`` takes (``episodes = "12"``, ``spoiler = "false"``, ``seasons = ["1"]``), without
    its quotes, as a quoted date is told: "; write it without quotes: episodes = 12". Empty
    when it reads as no such value, or as one the field refuses all the same (episodes = 0)."""
    if field.kind == "ints" and isinstance(value, list) and value:
        items = [item if type(item) is int else _unquoted_value("int", item) for item in value]
        if any(type(item) is not int for item in items):
            return ""
        if _compile(field)(items) is not None:
            return ""
        return f"; write them without quotes: {key} = [{', '.join(map(str, items))}]"
    meant = _unquoted_value(field.kind, value)
    if meant is None or _compile(field)(meant) is not None:
        return ""
    literal = str(meant).lower() if type(meant) is bool else str(meant)
    marks = "quotes or commas" if "," in value else "quotes"  # value = "1,000,000" (walk39 #9)
    return f"; write it without {marks}: {key} = {literal}"


#: An address typed without its scheme, as a browser's address bar shows it: a host name of
#: two labels or more, then a path or nothing.
_SCHEMELESS = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:[/?#]\S*)?")


def _with_scheme(value: str) -> str:
    """The address to write for one given without https:// (example.com/news/x, as a
    browser's address bar shows it): "; write it with https://: https://example.com/news/x"
    (walk39 #10). Empty for anything else."""
    if not _SCHEMELESS.fullmatch(value):
        return ""
    return f"; write it with https://: https://{value}"


def _unquoted_value(kind: str, value: Any) -> int | float | bool | None:
    """The integer, number or boolean a string that ``kind`` refuses as one reads as."""
    if type(value) is not str:
        return None
    text = value.strip()
    if kind == "bool":
        return {"true": True, "false": False}.get(text.casefold())
    if _GROUPED_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    # No value a field takes runs to more digits than this, and int() refuses a text of over
    # 4,300 digits with a ValueError: a hostile file's long number stays the ordinary error.
    if (
        kind not in ("int", "number")
        or len(text) > _NUMBER_DIGITS
        or not _NUMBER_TEXT.fullmatch(text)
    ):
        return None
    if kind == "int" or "." not in text:
        return int(text) if "." not in text else None
    return float(text)


def _meant_keys(
    table: Mapping[str, Any], spec: Mapping[str, Field], nested: Mapping[str, Any] | None = None
) -> set[str]:
    """The keys of ``spec`` (and ``nested``) that ``table`` lacks but has a near miss of
    ('synopsys' for synopsis): the unknown key's "Did you mean" names them already."""
    known = [*spec, *(nested or {})]
    meant: set[str] = set()
    for key in table:
        if key not in known:
            meant.update(k for k in _near_miss(str(key), known) if k not in table)
    return meant


_SPEC_CHECKERS: dict[int, tuple[Mapping[str, Field], dict[str, Checker]]] = {}


def _checkers(spec: Mapping[str, Field]) -> dict[str, Checker]:
    """Key -> checker for a table spec, built once per spec (specs are module constants, or
    built once: _extension_spec). Each is kept with its spec and found by identity: a spec
    freed would leave its id to another, which would then be checked by the first's keys.
    _required and _extension_spec keep theirs so too."""
    cached = _SPEC_CHECKERS.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _SPEC_CHECKERS[id(spec)] = (spec, {k: _compile(f) for k, f in spec.items()})
    return cached[1]


def _table_ok(table: Any, spec: Mapping[str, Field], nested: Mapping[str, Any] = {}) -> bool:  # noqa: B006
    """True when a table has no problem: the fast path, which builds no location strings."""
    if type(table) is not dict:
        return False
    checkers = _checkers(spec)
    for key, value in table.items():
        checker = checkers.get(key)
        if checker is None:
            if key in nested:
                continue
            return False
        if checker(value) is not None:
            return False
    for key in _required(spec):
        value = table.get(key)
        if value is None or value == []:
            return False
    return True


_REQUIRED: dict[int, tuple[Mapping[str, Field], tuple[str, ...]]] = {}


def _required(spec: Mapping[str, Field]) -> tuple[str, ...]:
    """The required keys of a table spec, computed once per spec and found by the spec's
    identity, as _checkers are."""
    cached = _REQUIRED.get(id(spec))
    if cached is None or cached[0] is not spec:
        keys = tuple(k for k, f in spec.items() if f.required)
        cached = _REQUIRED[id(spec)] = (spec, keys)
    return cached[1]


def _label(table: Any, key: str, index: int) -> str:
    value = table.get(key) if isinstance(table, dict) else None
    if isinstance(value, str) and SLUG_RE.match(value):
        return value
    return str(index)


def _array(value: Any, where: str) -> tuple[list[Any], list[Located]]:
    """The entries of an array of tables at ``where`` (``shows``, ``shows[x].cast``), or what
    is wrong with it, naming the header to write as a file writes it: ``[[shows.cast]]``, not
    ``[[cast]]``, which would be a table of its own."""
    if isinstance(value, list):
        return value, []
    header = _header_of(where)
    if isinstance(value, dict):
        nested = [key for key, item in value.items() if isinstance(item, list)]
        if nested:
            # [[shows.cast]] after a misspelt [[show]] makes `shows` a table of its own
            return [], [
                (
                    where,
                    f"[[{header}.{nested[0]}]] comes before any [[{header}]] entry: each belongs"
                    f" to the [[{header}]] entry above it (is that entry's name misspelt?)",
                )
            ]
        return [], [(where, f"written [{header}]: each entry is an array table, [[{header}]]")]
    return [], [(where, f"expected an array of tables ([[{header}]])")]


def _header_of(where: str) -> str:
    """The table header's name of a location: ``shows.cast`` for ``shows[x].cast``."""
    return re.sub(r"\[[^\]]*\]", "", where)


#: What a misspelt top-level table is told to write: its header as a file writes it.
_TOP_HEADERS = {"meta": "[meta]", **{name: f"[[{name}]]" for name in TOP_LEVEL}}
#: A title's own tables, written at the top level by mistake: their header under [[shows]].
_SHOW_HEADERS = {name: f"[[shows.{name}]]" for name in SHOW_TABLES if name not in TOP_LEVEL}
#: Top-level tables named in the singular, too far from their name for a near miss.
_SINGULAR_TABLES = {"person": "people"}


def _unknown_top_level(key: str, value: object = None) -> str:
    """An unknown top-level key, with the header it likely means: ``[[show]]`` is told
    ``[[shows]]``, ``[[person]]`` ``[[people]]``, a title's ``[[season]]`` written without its
    title ``[[shows.seasons]]`` under the [[shows]] entry it belongs to, and a title's table
    under a misspelt parent (``[[show.seasons]]``, whose ``value`` is a table holding only the
    seasons) the header it should read, ``[[shows.seasons]]``: told ``[[shows]]``, a user
    wrote a second, empty title (walk39 #1)."""
    from kdrama_cli.errors import did_you_mean

    if key in META:  # include = [...] with no [meta] header above it
        return (
            f"unknown top-level key: {key} goes under [meta] (a [meta] header on a line above it)"
        )
    known = [*_TOP_HEADERS, *_SHOW_HEADERS]
    close = _near_miss(key, known) or [
        meant for meant in (f"{key}s", _SINGULAR_TABLES.get(key)) if meant in known
    ]
    if not close:
        listed = ", ".join(_TOP_HEADERS.values())
        return f"unknown top-level key (expected one of: {listed})"
    sub = _sub_table(value) if close[0] == "shows" else None
    if sub is not None:
        meant = _near_miss(sub, list(SHOW_TABLES)) or [sub]
        return (
            f"unknown table: the header [[{shortened(key, 40)}.{shortened(sub, 40)}]] should"
            f" read [[shows.{meant[0]}]]"
        )
    if close[0] in _SHOW_HEADERS:
        return (
            f"unknown top-level key. {did_you_mean([_SHOW_HEADERS[close[0]]])} Each goes under"
            " the [[shows]] entry of its title"
        )
    return f"unknown top-level key. {did_you_mean([_TOP_HEADERS[close[0]]])}"


def _sub_table(value: object) -> str | None:
    """The name of the array of tables a top-level table written only as its parent holds
    (``seasons`` of ``[[show.seasons]]``, which makes ``show`` a table with that one key), or
    None where the table holds anything else (``[[show]]`` itself is a list)."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((name, items),) = value.items()
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        return None
    return str(name)


def _newer_schema(problem: Located) -> Located:
    """A schema above this kdrama's is a file written for a later kdrama, not a number out of
    range: what to do is upgrade."""
    where, message = problem
    newer = re.fullmatch(r"must be at most (\d+), got (\d+)", message)
    if where != "meta.schema" or newer is None:
        return problem
    return where, (
        f"this file is for a newer kdrama (schema {newer[2]}; this one reads schema"
        f" {newer[1]}): upgrade kdrama to read it"
    )


def validate_document(document: Mapping[str, Any]) -> list[Located]:
    """Every structural problem in one parsed document (types, required keys, local rules)."""
    problems: list[Located] = []
    for key in document:
        if key != "meta" and key not in TOP_LEVEL:
            problems.append((_key_shown(key), _unknown_top_level(str(key), document[key])))
    if "meta" in document:
        problems.extend(map(_newer_schema, _check_table(document["meta"], META, "meta")))
    for name, (id_key, spec) in TOP_LEVEL.items():
        if name not in document:
            continue
        entries, array_problems = _array(document[name], name)
        problems.extend(array_problems)
        seen: dict[str, int] = {}  # id -> the position of the entry that has it first
        for index, entry in enumerate(entries):
            label = _label(entry, id_key, index)
            where = f"{name}[{label}]" if name != "stats" else f"stats[{index}]"
            nested: Mapping[str, Any] = SHOW_TABLES if name == "shows" else {}
            used = spec
            if name == "shows" and isinstance(entry, dict) and entry.get("netflix_only") is True:
                used = NETFLIX_ONLY_SHOW
            extension = is_extension(entry)
            if extension and name not in EXTENSIBLE:
                problems.append((f"{where}.extend", _not_extensible(name)))
                extension = False
                if name == "stats":  # said once: not also an unknown key of a figure
                    entry = {k: v for k, v in entry.items() if k != "extend"}
            elif extension and entry.get("override") is True:
                problems.append((f"{where}.extend", _EXTEND_AND_OVERRIDE))
                extension = False
            if extension:
                problems.extend(_extension_problems(entry, name, spec, where))
            elif not _table_ok(entry, used, nested):
                problems.extend(_check_table(entry, used, where, nested))
            if name == "stats":
                problems.extend(_stat_problems(entry, where))
            if name != "stats" and isinstance(entry, dict):
                identity = entry.get(id_key)
                if isinstance(identity, str):
                    if identity in seen:
                        # Both entries have the label shows[x]: their positions tell them apart.
                        first = f"{name}[{seen[identity]}]"
                        message = f"duplicate {id_key} {identity!r} (first at {first})"
                        if extension:
                            message += (
                                ": extend = true adds to an entry of an earlier file; add to"
                                " the entry itself what this one adds"
                            )
                        problems.append((f"{name}[{index}].{id_key}", message))
                    seen.setdefault(identity, index)
            if name == "shows" and isinstance(entry, dict):
                problems.extend(_validate_show_body(entry, where, whole=not extension))
            if name != "stats" and isinstance(entry, dict) and "drops" in entry:
                problems.extend(_drops_problems(entry, where))
            if name == "source_works" and isinstance(entry, dict):
                problems.extend(_check_years(entry, where))
    return problems


#: What an override's ``drops`` names, each as KIND:WHAT: what the entry it replaces has and
#: it leaves out on purpose (loader._dropped_items lists them the same way).
DROP_KINDS = ("season", "cast", "crew", "alias", "fact", "figure", "netflix_title", "field")
_DROP_FORMS = (
    "season:N, cast:PERSON-ID, crew:PERSON-ID, alias:NAME, fact:START OF ITS TEXT,"
    " figure:METRIC:WINDOW, netflix_title:NAME or field:KEY"
)


def _drops_problems(entry: Mapping[str, Any], where: str) -> Iterator[Located]:
    """``drops`` goes with ``override = true``, and names each thing as KIND:WHAT."""
    drops = entry.get("drops")
    if entry.get("override") is not True:
        yield (
            f"{where}.drops",
            "drops names what an override leaves out of the entry it replaces, and this entry"
            " has no override = true",
        )
        return
    for item in drops if isinstance(drops, list) else ():
        if not isinstance(item, str):
            continue  # the list's own check says so
        kind, colon, what = item.partition(":")
        if not colon or kind not in DROP_KINDS or not what.strip():
            yield f"{where}.drops", f"{item!r} names nothing an override drops: write {_DROP_FORMS}"
        elif kind == "season" and not (what.isascii() and what.isdigit()):
            yield f"{where}.drops", f"{item!r}: a season is given by its number (season:2)"
        elif kind == "season" and len(what) > 1 and what[0] == "0":  # season:02 matches none
            # read as text, not int(): it refuses a number of over 4,300 digits (a ValueError)
            bare = what.lstrip("0") or "0"
            yield (
                f"{where}.drops",
                (
                    f"{item!r}: write season:{bare}, without the zero"
                    if len(bare) <= 3
                    else f"{item!r}: a season is given by its number (season:2)"
                ),
            )
        elif kind == "figure" and ":" not in what:
            yield (
                f"{where}.drops",
                f"{item!r}: a figure is given by its metric and window"
                " (figure:hours-viewed:week:2024-01-07)",
            )


def is_extension(entry: Any) -> bool:
    """Whether an entry is marked ``extend = true``: it adds to the lists of the entry of the
    same id in an earlier file (EXTENSIBLE)."""
    return isinstance(entry, dict) and entry.get("extend") is True


def _not_extensible(table: str) -> str:
    if table == "stats":
        return (
            "a top-level [[stats]] figure is never extended nor overridden: each one adds a"
            " figure to the title its show names, so remove extend = true"
        )
    what = "a citation" if table == "citations" else "a source work"
    return (
        f"extend = true adds to the lists of a title ([[shows]]) or a person ([[people]]);"
        f" {what} is not extended: to change one, give it whole with override = true"
    )


_EXTEND_AND_OVERRIDE = (
    "extend = true and override = true together: extend adds to the earlier entry's lists,"
    " override replaces the entry whole; keep one of them"
)


#: What each table's entries are called in an extension's messages.
_ENTRY_WORDS = {"shows": "title", "people": "person"}


def _extension_problems(
    entry: Mapping[str, Any], table: str, spec: Mapping[str, Field], where: str
) -> Iterator[Located]:
    """An entry marked ``extend = true``: its id, and the lists it adds (each item checked as
    an entry's own is); any other key of the entry (a title, a synopsis, a kind) is the earlier
    entry's, which only an override changes."""
    nested: Mapping[str, Any] = SHOW_TABLES if table == "shows" else {}
    allowed = _extension_spec(table, spec)
    plain = {}
    for key, value in entry.items():
        if key in spec and key not in allowed:
            yield (
                f"{where}.{key}",
                f"extend = true only adds to the {_ENTRY_WORDS[table]}'s lists"
                f" ({_lists_said(table)}); to change {key}, give the whole entry with"
                " override = true instead",
            )
        else:
            plain[key] = value
    yield from _check_table(plain, allowed, where, nested)
    if set(entry) <= {TOP_LEVEL[table][0], "extend"}:
        yield (
            f"{where}.extend",
            f"extend = true, but the entry adds nothing: it lists none of {_lists_said(table)}",
        )


#: The spec an extension of each table is checked against (_extension_spec), by table and
#: the table's spec, kept beside that spec and found by its identity, as _checkers are.
_EXTENSION_SPECS: dict[tuple[str, int], tuple[Mapping[str, Field], dict[str, Field]]] = {}


def _extension_spec(table: str, spec: Mapping[str, Field]) -> dict[str, Field]:
    """What an extension of ``table`` may give: its id, ``extend`` and the lists it adds to,
    none of them required (an extension gives what it adds), built once per table."""
    cached = _EXTENSION_SPECS.get((table, id(spec)))
    if cached is None or cached[0] is not spec:
        id_key = TOP_LEVEL[table][0]
        lists = EXTENSIBLE[table]
        allowed = {
            key: (Field(field.kind, False, field.choices, field.low, field.high, field.refers))
            for key, field in spec.items()
            if key in lists or key in (id_key, "extend")
        }
        allowed[id_key] = spec[id_key]
        cached = _EXTENSION_SPECS[(table, id(spec))] = (spec, allowed)
    return cached[1]


def _lists_said(table: str) -> str:
    """The lists an extension of ``table`` adds to, in words."""
    lists = EXTENSIBLE[table]
    if table != "shows":
        return joined(lists)
    tables = [key for key in lists if key in SHOW_TABLES]
    return (
        ", ".join(k for k in lists if k not in SHOW_TABLES)
        + ", "
        + joined(f"[[shows.{key}]]" for key in tables)
    )


def _stat_problems(stat: Any, where: str) -> list[Located]:
    """What a figure's fields say wrongly together, a title's own figures and top-level ones
    alike: a unit not its metric's, a rating out of range or window, a date before its window
    ended, an all-time rank a board cannot read."""
    if not isinstance(stat, dict):
        return []
    # The window, when well formed: one that is not is its field's own problem, said once.
    window = stat.get("window")
    sound = window if isinstance(window, str) and window_problem(window) is None else None
    return [
        *_unit_of_metric(stat, where),
        *_rating_of(stat, where, sound),
        *_as_of_before_window(stat, where, sound),
        *_cumulative_day(stat, where, sound),
        *_all_time_rank_of(stat, where),
    ]


def _unit_of_metric(stat: Any, where: str) -> list[Located]:
    """A figure's unit is its metric's (METRIC_UNITS). An unknown metric or unit is reported by
    the field's own check, so only a known pair that does not go together is named here."""
    if not isinstance(stat, dict):
        return []
    metric, unit = stat.get("metric"), stat.get("unit")
    expected = METRIC_UNITS.get(metric) if isinstance(metric, str) else None
    if expected is None or unit == expected or unit not in UNITS:
        return []
    return [(f"{where}.unit", f"{unit!r} is not a unit of {metric} ({expected})")]


def _rating_of(stat: dict[str, Any], where: str, window: str | None) -> list[Located]:
    """A percentage above 100 (a rating of 250% passed, and was printed), and a TV rating in a
    window of Netflix's: a rating is one episode's share of households (`episode:N`), or a
    run's average (`total`), never a Top 10 week's or a report's. ``window``: the figure's,
    when well formed."""
    found: list[Located] = []
    value = stat.get("value")
    if stat.get("unit") == "percent" and isinstance(value, (int, float)) and value > 100:
        found.append((f"{where}.value", f"{value} percent is more than 100"))
    netflix_window = window is not None and not window.startswith("episode:") and window != "total"
    if stat.get("metric") == "ratings" and netflix_window:
        found.append(
            (
                f"{where}.window",
                f"a TV rating is one episode's (window = 'episode:N') or a run's average "
                f"('total'), not {window!r}",
            )
        )
    return found


def _as_of_before_window(stat: dict[str, Any], where: str, window: str | None) -> list[Located]:
    """A figure dated before its window ended (a Top 10 week's figure as of the Tuesday before
    that week's Sunday): nobody could have counted it then, so one of the two dates is wrong.
    ``window``: the figure's, when well formed (a week that is not one is said at the window)."""
    as_of = stat.get("as_of")
    if window is None or type(as_of) is not dt.date:
        return []
    kind, _, day = window.partition(":")
    end = dt.date.fromisoformat(day) if kind == "cumulative" else window_end(window)
    if end is None or as_of >= end:
        return []
    return [(f"{where}.as_of", f"{as_of} is before its window ({window}) ended, on {end}")]


def _cumulative_day(stat: dict[str, Any], where: str, window: str | None) -> list[Located]:
    """A running total of Netflix's weekly lists counted to a day that ends no week: its
    pages print "weeks ending 2021-07-04 to" that day. Other figures may run to any day.
    ``window``: the figure's, when well formed."""
    if stat.get("metric") not in NETFLIX_METRICS:
        return []
    if window is None or not window.startswith("cumulative:"):
        return []
    day = dt.date.fromisoformat(window[len("cumulative:") :])
    sunday = week_ending(day)
    if sunday == day:
        return []
    return [
        (
            f"{where}.window",
            f"{window!r}: Netflix's weekly lists end on a Sunday, and {day} is a "
            f"{day.strftime('%A')} (the week ends {sunday})",
        )
    ]


def _all_time_rank_of(stat: Any, where: str) -> list[Located]:
    """A note in the form of Netflix's all-time rank ("#3 of all time, Most Popular TV
    (Non-English)") whose rank a board cannot read (vocab.all_time_rank): a board would leave
    the figure unranked, and the file's author would never know."""
    if not isinstance(stat, dict):
        return []
    note, chart_list = stat.get("note"), stat.get("list")
    if not isinstance(note, str) or not isinstance(chart_list, str):
        return []
    rank = unread_all_time_rank(note, chart_list)
    if rank is None:
        return []
    shown = rank if len(rank) <= 20 else f"{rank[:20]}… ({len(rank)} characters)"
    expected = f"a whole number from 1 to {10**MAX_RANK_DIGITS - 1:,} in ASCII digits"
    return [(f"{where}.note", f"gives the all-time rank {shown!r}; expected {expected}")]


def _check_years(entry: Mapping[str, Any], where: str) -> Iterator[Located]:
    start, end = entry.get("start_year"), entry.get("end_year")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        yield f"{where}.end_year", f"ends ({end}) before it starts ({start})"


def _validate_show_body(
    show: Mapping[str, Any], where: str, *, whole: bool = True
) -> Iterator[Located]:
    """A title's seasons, cast, figures and facts, each and together. Not ``whole`` (an
    extension, which adds to an earlier entry), only what each says by itself: what they say
    with the rest of the title (a credit's seasons, a film's seasons, the cast's citations) is
    checked once merged (_extended_problems)."""
    for table_name, spec in SHOW_TABLES.items():
        if table_name not in show:
            continue
        entries, array_problems = _array(show[table_name], f"{where}.{table_name}")
        yield from array_problems
        for index, entry in enumerate(entries):
            if not _table_ok(entry, spec):
                yield from _check_table(entry, spec, f"{where}.{table_name}[{index}]")
            if table_name == "stats":
                yield from _stat_problems(entry, f"{where}.{table_name}[{index}]")
    if not whole:
        yield from _season_problems(show, where, set(), False)
        for index, credit in enumerate(_entries(show, "cast")):
            if isinstance(credit, dict):
                yield from _credit_character(credit, f"{where}.cast[{index}]")
        return
    seasons = [s for s in _entries(show, "seasons") if isinstance(s, dict)]
    kind = show.get("kind")
    # Netflix's files give only the day a title came to Netflix (netflix_release_date), which
    # for a licensed title is not its release, and no episode counts: an entry holding only
    # Netflix's record states no more than that.
    record_only = show.get("netflix_only") is True
    if kind == "unknown" and not record_only:
        yield f"{where}.kind", "only Netflix's record alone (netflix_only) may have an unknown kind"
    if kind not in SHOW_KINDS or (kind == "unknown" and not record_only):
        # a kind said wrongly is one mistake: what a kind asks of the title is not judged by it
        kind = None
    if kind in ("film", "unknown"):
        if seasons:
            what = "a film" if kind == "film" else "a title of unknown kind"
            yield f"{where}.seasons", f"{what} has no seasons; give release_date instead"
        if "release_date" not in show and not record_only:
            yield f"{where}.release_date", "missing required field for a film"
    elif kind in SEASONED_KINDS and not seasons and isinstance(show.get("seasons"), list):
        yield f"{where}.seasons", f"a {kind} needs at least one season"
    elif kind in SEASONED_KINDS and "seasons" not in show and not _meant(show, "seasons"):
        yield f"{where}.seasons", f"missing: a {kind} needs at least one season"
    numbers: set[int] = set()
    yield from _season_problems(show, where, numbers, record_only)
    # a season whose number is missing or wrong (season = 1, number = "1") is one mistake, said
    # of itself: the seasons the title's items name are checked once it is fixed (walk35 #7)
    numbered = all(type(season.get("number")) is int for season in seasons)
    yield from _cross_problems(show, where, numbers if numbered else None, kind)


def _season_problems(
    show: Mapping[str, Any], where: str, numbers: set[int], record_only: bool
) -> Iterator[Located]:
    """Each season's own problems, and two seasons of one number or out of date order;
    ``numbers`` receives the seasons' numbers."""
    first_at: dict[int, int] = {}  # season number -> the position of its first entry
    previous: tuple[int, dt.date] | None = None
    for index, season in enumerate(_entries(show, "seasons")):
        if not isinstance(season, dict):
            continue
        at = f"{where}.seasons[{index}]"
        number, status = season.get("number"), season.get("status")
        if isinstance(number, int):
            if number in numbers:
                yield f"{at}.number", _season_twice(number, first_at[number], index)
            numbers.add(number)
            first_at.setdefault(number, index)
        released = season.get("release_date")
        yield from _given_or_why(
            season,
            at,
            "release_date",
            status in OUT_STATUSES and not record_only,
            f"{with_article(str(status))} season needs its release date (or "
            "release_date_unknown saying why no source gives one)",
            "only a released or airing season of a researched entry can lack its date",
        )
        yield from _given_or_why(
            season,
            at,
            "episodes",
            status == "released" and not record_only,
            "a released season needs its episode count (or episodes_unknown saying why no "
            "source gives one)",
            "only a released season of a researched entry needs its episode count",
        )
        # every known status but released needs an as_of (data/README.md): an airing season's
        # news is judged stale by it. A mistyped status is reported once, as such.
        if status in SEASON_STATUSES and status != "released" and "as_of" not in season:
            yield (
                f"{at}.as_of",
                f"{with_article(str(status))} season needs an as_of date (the day its status "
                "was last confirmed)",
            )
        yield from _release_window(season, at)
        end = season.get("end_date")
        if _is_date(released) and _is_date(end) and end < released:
            yield f"{at}.end_date", f"ends ({end}) before it starts ({released})"
        if _is_date(released) and isinstance(number, int):
            if previous and number > previous[0] and released < previous[1]:
                yield (
                    f"{at}.release_date",
                    f"season {number} ({released}) is dated before season {previous[0]} "
                    f"({previous[1]})",
                )
            previous = (number, released)


def _cross_problems(
    show: Mapping[str, Any], where: str, numbers: set[int] | None, kind: str | None
) -> Iterator[Located]:
    """What a title's seasons, cast, figures and facts say wrongly together; the seasons its
    items name only where ``numbers`` (every season's) is known."""
    if _entries(show, "cast") and "cast_sources" not in show:
        yield f"{where}.cast_sources", "a cast list needs at least one citation"
    if "cast_unknown" in show and show.get("cast"):
        yield f"{where}.cast_unknown", "given together with a cast list"
    if "crew_unknown" in show and any(show.get(k) for k in ("directors", "creators")):
        yield f"{where}.crew_unknown", "given together with directors or creators"
    for index, credit in enumerate(_entries(show, "cast")):
        if not isinstance(credit, dict):
            continue
        yield from _credit_character(credit, f"{where}.cast[{index}]")
        if not isinstance(credit.get("seasons"), list):
            continue
        if numbers is None:
            continue
        if credit["seasons"] and not numbers and isinstance(kind, str) and kind in _SEASONLESS:
            # docs/output.md: a film's credit covers no season ("seasons": [] in --json)
            yield (
                f"{where}.cast[{index}].seasons",
                f"{_SEASONLESS[kind]} has no seasons; leave seasons out",
            )
            continue
        if _checkers(CREDIT)["seasons"](credit["seasons"]) is not None:
            continue  # a season out of range is the field's own problem, said once
        for number in credit["seasons"]:
            if isinstance(number, int) and numbers and number not in numbers:
                yield f"{where}.cast[{index}].seasons", _no_such_season(show, number, numbers)
    for table_name in ("stats", "facts"):
        for index, entry in enumerate(_entries(show, table_name)):
            if not isinstance(entry, dict):
                continue
            number = entry.get("season")
            if (
                numbers is not None
                and isinstance(number, int)
                and _checkers(FACT)["season"](number) is None
                and (number not in numbers)
            ):
                at = f"{where}.{table_name}[{index}].season"
                yield at, _no_such_season(show, number, numbers)


def _no_such_season(show: Mapping[str, Any], number: int, numbers: set[int]) -> str:
    """A season that a credit, a figure or a fact names and the title lacks, with the seasons
    it has, so that the mistyped number can be told from a season left out."""
    if not numbers:
        return f"season {number} does not exist: the title has no seasons"
    slug = show.get("slug")
    whose = slug if isinstance(slug, str) and SLUG_RE.match(slug) else "the title"
    runs = _runs(sorted(numbers))
    has = f"season {runs[0]}" if len(numbers) == 1 else f"seasons {joined(runs)}"
    return f"season {number} does not exist: {whose} has {has}"


def _runs(numbers: Sequence[int]) -> list[str]:
    """Sorted numbers as runs: [1, 2, 3, 5] is '1 to 3' and '5' (a title of 40 seasons says
    them in a few words)."""
    said: list[str] = []
    for run in number_runs(numbers):
        said.extend([f"{run[0]} to {run[-1]}"] if len(run) > 2 else map(str, run))
    return said


def _season_twice(number: int, first: int, again: int) -> str:
    """A season number given to two seasons of a title, with the positions of both entries
    said as places (the 1st, the 2nd), so that ``seasons[1]`` beside "season 1" is not read as
    a season number."""
    return (
        f"duplicate season {number}: the {_ordinal(first + 1)} and {_ordinal(again + 1)} "
        f"[[shows.seasons]] of this title both have number = {number}"
    )


def _ordinal(place: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    last = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{last}"


def _meant(show: Mapping[str, Any], key: str) -> bool:
    """Whether a title lacks ``key`` for a misspelling of it, which its "Did you mean" says."""
    return key in _meant_keys(show, SHOW, SHOW_TABLES)


#: The kinds whose titles have no seasons of their own (a special may list some), as a problem
#: about a credit that names seasons calls them.
_SEASONLESS = {"film": "a film", "special": "a special", "unknown": "a title of unknown kind"}


def _entries(show: Mapping[str, Any], table: str) -> list[Any]:
    """A title's seasons, cast, figures or facts; none when they are not a list (``cast = 1``,
    which _array reports)."""
    entries = show.get(table)
    return entries if isinstance(entries, list) else []


def _given_or_why(
    record: Mapping[str, Any], at: str, key: str, needed: bool, missing: str, unneeded: str
) -> Iterator[Located]:
    """A field a record needs (``needed``), or ``<key>_unknown`` saying why no source gives
    it, never both; the reason is only for a record that needs the field."""
    why = f"{key}_unknown"
    if needed:
        if key not in record and why not in record:
            yield f"{at}.{key}", missing
        elif key in record and why in record:
            yield f"{at}.{why}", f"given together with {key}"
    elif why in record:
        yield f"{at}.{why}", unneeded


#: Words that say how someone appears, not whom they play. "Himself", "Host" and "Player" are
#: real parts in reality and variety shows and are not listed.
_NOT_A_CHARACTER = frozenset(
    {"cameo", "cameo appearance", "special appearance", "guest appearance", "unknown", "unnamed"}
)


def _credit_character(credit: Mapping[str, Any], at: str) -> Iterator[Located]:
    """A credit names its character, or says in ``character_unknown`` why no source does (a
    cameo kept secret, a cast list without roles); such a credit cites its own sources."""
    # role_name = "…": its "Did you mean character?" says it, once (walk35 #7)
    meant = "character" in _meant_keys(credit, CREDIT)
    problems = _given_or_why(
        credit,
        at,
        "character",
        True,
        "a credit needs its character (or character_unknown saying why no source names one)",
        "",
    )
    yield from (p for p in problems if not (meant and p[0] == f"{at}.character"))
    character = credit.get("character")
    if isinstance(character, str) and character.strip().casefold() in _NOT_A_CHARACTER:
        yield (
            f"{at}.character",
            f"{character!r} is not a character: name the role, or give character_unknown "
            "saying why no source names one",
        )
    if "character_unknown" in credit:
        if "character_hangul" in credit:
            yield f"{at}.character_hangul", "given without the character it spells"
        if not credit.get("sources"):
            yield f"{at}.sources", "a credit whose character is unknown needs its own citation"


def _is_date(value: Any) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


# --- building and cross-references -----------------------------------------------------------


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else ()


def _release_window(season: Mapping[str, Any], at: str) -> Iterator[Located]:
    """A release window is well formed, and only for a season not out that has no date."""
    window = season.get("release_window")
    if not isinstance(window, str):
        return
    if release_window(window) is None:
        from kdrama_cli.errors import did_you_mean

        meant = _window_meant(window)
        hint = f". {did_you_mean([meant])}" if meant else ""
        yield (
            f"{at}.release_window",
            f"{window!r} is not a release window (2026, 2026-Q2, 2026-H1, 2026-07 or "
            f"2026-summer){hint}",
        )
    elif season.get("status") in OUT_STATUSES or "release_date" in season:
        yield f"{at}.release_window", "only a season not out and not dated has a release window"


#: A part of a year as a release window does not spell it, and as it does.
_WINDOW_WORDS = {"fall": "autumn"}
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july")
_MONTHS += ("august", "september", "october", "november", "december")


def _window_meant(window: str) -> str | None:
    """The release window a malformed one plainly means, if any: '2027-fall' is 2027-autumn,
    'summer 2026' 2026-summer, '2026-q2' 2026-Q2, '2026-7' and 'July 2026' 2026-07."""
    words = [w for w in re.split(r"[\s_/.,-]+", window.strip().casefold()) if w]
    years = [w for w in words if len(w) == 4 and w.isascii() and w.isdigit()]
    if len(words) != 2 or len(years) != 1:
        return None
    year = years[0]
    part = _WINDOW_WORDS.get(words[1] if words[0] == year else words[0])
    part = part or (words[1] if words[0] == year else words[0])
    if part.isascii() and part.isdigit() and len(part.lstrip("0")) <= 2 and 1 <= int(part) <= 12:
        part = f"{int(part):02d}"
    elif months := [n for n, name in enumerate(_MONTHS, 1) if name.startswith(part)]:
        part = f"{months[0]:02d}" if len(part) >= 3 else part
    elif len(part) == 2 and part[0] in "qh":
        part = part.upper()
    meant = f"{year}-{part}"
    return meant if meant != window and release_window(meant) is not None else None


def _make_show(entry: Mapping[str, Any]) -> Show:
    seasons = tuple(
        sorted(
            (
                Season(
                    number=s["number"],
                    status=s["status"],
                    release_date=s.get("release_date"),
                    end_date=s.get("end_date"),
                    episodes=s.get("episodes"),
                    status_date=s.get("status_date"),
                    as_of=s.get("as_of"),
                    note=s.get("note"),
                    netflix_titles=_strs(s.get("netflix_titles")),
                    sources=_strs(s.get("sources")),
                    episodes_unknown=s.get("episodes_unknown"),
                    release_date_unknown=s.get("release_date_unknown"),
                    netflix_release_date=s.get("netflix_release_date"),
                    release_window=s.get("release_window"),
                    platform=s.get("platform"),
                    aliases=_strs(s.get("aliases")),
                )
                for s in entry.get("seasons", [])
            ),
            key=lambda season: season.number,
        )
    )
    make_credit = Credit._make  # positional construction: the hottest loop of a big load
    cast = tuple(
        make_credit(
            (
                c["person"],
                c.get("character"),
                c["role"],
                c.get("character_hangul"),
                tuple(sorted(c["seasons"])) if "seasons" in c else (),
                c.get("note"),
                c.get("spoiler", False),
                tuple(c["sources"]) if "sources" in c else (),
                c.get("character_unknown"),
            )
        )
        for c in entry.get("cast", [])
    )
    return Show(
        slug=entry["slug"],
        title=entry["title"],
        kind=entry["kind"],
        platform=entry.get("platform", ""),
        genres=_strs(entry.get("genres")),
        synopsis=entry.get("synopsis", ""),
        sources=_strs(entry["sources"]),
        korean_title=entry.get("korean_title"),
        romanization=entry.get("romanization"),
        aliases=_strs(entry.get("aliases")),
        directors=_strs(entry.get("directors")),
        writers=_strs(entry.get("writers")),
        creators=_strs(entry.get("creators")),
        source_work=entry.get("source_work"),
        related=_strs(entry.get("related")),
        companion_of=entry.get("companion_of"),
        release_date=entry.get("release_date"),
        runtime_minutes=entry.get("runtime_minutes"),
        netflix_titles=_strs(entry.get("netflix_titles")),
        cast_sources=_strs(entry.get("cast_sources")),
        cast_unknown=entry.get("cast_unknown"),
        crew_unknown=entry.get("crew_unknown"),
        seasons=seasons,
        cast=cast,
        stats=tuple(_make_stat(s) for s in entry.get("stats", [])),
        facts=tuple(
            Fact(
                text=f["text"],
                sources=_strs(f["sources"]),
                spoiler=f.get("spoiler", False),
                season=f.get("season"),
            )
            for f in entry.get("facts", [])
        ),
        netflix_only=entry.get("netflix_only", False),
        netflix_release_date=entry.get("netflix_release_date"),
    )


def _make_stat(entry: Mapping[str, Any]) -> Stat:
    return Stat(
        metric=entry["metric"],
        value=entry["value"],
        unit=entry["unit"],
        window=entry["window"],
        as_of=entry["as_of"],
        sources=_strs(entry["sources"]),
        season=entry.get("season"),
        list=entry.get("list"),
        note=entry.get("note"),
    )


def _make_person(entry: Mapping[str, Any]) -> Person:
    return Person(
        id=entry["id"],
        name=entry["name"],
        hangul=entry.get("hangul"),
        aliases=_strs(entry.get("aliases")),
        note=entry.get("note"),
        sources=_strs(entry.get("sources")),
        editor_note=entry.get("editor_note"),
    )


def _make_source_work(entry: Mapping[str, Any]) -> SourceWork:
    return SourceWork(
        id=entry["id"],
        title=entry["title"],
        title_note=entry.get("title_note"),
        kind=entry["kind"],
        korean_title=entry.get("korean_title"),
        romanization=entry.get("romanization"),
        story_by=_strs(entry.get("story_by")),
        writers=_strs(entry.get("writers")),
        artists=_strs(entry.get("artists")),
        platform=entry.get("platform"),
        start_year=entry.get("start_year"),
        end_year=entry.get("end_year"),
        sources=_strs(entry.get("sources")),
        based_on=entry.get("based_on"),
    )


def _make_citation(entry: Mapping[str, Any]) -> Citation:
    return Citation(
        id=entry["id"],
        url=entry["url"],
        title=entry["title"],
        publisher=entry["publisher"],
        date=entry.get("date"),
        kind=entry.get("kind"),
        spoiler=entry.get("spoiler", False),
        title_note=entry.get("title_note"),
        url_note=entry.get("url_note"),
    )


#: Where each item of an extended entry's lists comes from, by list: (the file, its position
#: among that file's entry's items), in the merged entry's order.
Parts = dict[str, list[tuple[str, int]]]


def _what_repeats(key: str, item: Any) -> Hashable:
    """What tells an item of list ``key`` from another when an extension adds it: a season's
    number, a credit's person and character, a fact's text, a figure's season, metric,
    window, list, value and note, an alias or a genre in any case, an id as it is; None for
    an item that is not one (its own check says so)."""
    if not isinstance(item, dict):
        if not isinstance(item, str):
            return None
        return normalize(item) if key in ("aliases", "genres") else item
    if key == "seasons":
        return item.get("number")
    if key == "cast":
        character = item.get("character")
        return (item.get("person"), normalize(character) if isinstance(character, str) else None)
    if key == "facts":
        text = item.get("text")
        return " ".join(text.split()).casefold() if isinstance(text, str) else None
    if key == "stats":
        fields = ("season", "metric", "window", "list", "value", "note")
        return tuple(item.get(k) for k in fields)
    return None


def _repeated_item(key: str, item: Any, label: str, earlier: Any = None) -> str:
    """What is said of an item an extension adds that the entry has already (from ``label``;
    ``earlier``: the entry's own item)."""
    if key == "seasons":
        number = item.get("number")
        return (
            f"season {number} is already there (in {label}): extend = true adds new seasons"
            f" only; to change season {number}, give the whole title with override = true"
        )
    if key == "cast":
        character = item.get("character")
        part = f" as {character!r}" if isinstance(character, str) else ""
        lost = _seasons_not_added(item, earlier)
        if lost:  # seasons = [2] for a character who returns: dropped without a word (walk39)
            return (
                f"the credit of {item.get('person')}{part} is already in the cast (in {label}),"
                f" {lost}: listed once, it keeps its seasons; to add a season to a credit,"
                " give the whole title with override = true"
            )
        return (
            f"the credit of {item.get('person')}{part} is already in the cast (in {label}):"
            " it is listed once; remove it here, or give the whole title with override = true"
            " to change it"
        )
    if key in ("facts", "stats"):
        what = "fact" if key == "facts" else "figure"
        return f"the same {what} is already there (in {label}): it is listed once; remove it here"
    return f"{item!r} is already in {key} (in {label}): it is listed once; remove it here"


def _seasons_not_added(item: Any, earlier: Any) -> str:
    """The seasons a repeated credit names that the entry's own credit of that person and
    character does not cover, said as "for season 1, not season 2"; empty where it covers them
    (one with no ``seasons`` covers all) or where ``item`` names none (all the seasons there
    are may be those the earlier one names)."""
    if not isinstance(earlier, dict) or not isinstance(item, dict):
        return ""
    mine, theirs = item.get("seasons"), earlier.get("seasons")
    if not isinstance(theirs, list):
        return ""
    covered = {n for n in theirs if type(n) is int}
    if not isinstance(mine, list):  # every season: the earlier one's may be all there are
        return ""
    lost = sorted({n for n in mine if type(n) is int} - covered)
    if not lost:
        return ""
    return f"for {_seasons_said(covered)}, not {_seasons_said(set(lost))}"


def _seasons_said(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    word = "season" if len(ordered) == 1 else "seasons"
    return f"{word} {joined(str(n) for n in ordered)}"


@dataclass
class _Merged:
    """Entries by id with the file each came from; later files may override with ``override``."""

    entries: dict[str, tuple[str, Mapping[str, Any]]]
    kind: str
    id_key: str
    overrides: list[str] = field(default_factory=list)
    #: The entries an override replaced, by id: (their file, the entry).
    replaced: dict[str, tuple[str, Mapping[str, Any]]] = field(default_factory=dict)
    #: One per line of ``overrides``: what was replaced, as Dataset.replacements has it.
    replacements: list[Replacement] = field(default_factory=list)
    #: Entries a later file repeats exactly, without override: (file, earlier file, "kind[id]").
    repeats: list[tuple[str, str, str]] = field(default_factory=list)
    #: One line per extension (``extend = true``): "file: shows[x] extends the one in ...".
    extensions: list[str] = field(default_factory=list)
    #: The entries extensions added to, by id: where each item of their lists comes from.
    parts: dict[str, Parts] = field(default_factory=dict)
    #: What an extension repeats of the entry it extends: a warning each (it is listed once).
    repeated_items: list[Problem] = field(default_factory=list)
    #: The citations those repeated items cite, each with the items, as (file, location):
    #: listed once, the items cite nothing, yet the file cites them (Dataset.repeats_cite).
    repeats_cite: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: The entries extensions added to, by id: for each list of citations (sources,
    #: cast_sources), those an extension names that the entry lists already, each as (its
    #: place in the merged list, the extension's file, its place in the extension's list):
    #: listed once, they are still what the extension's credits rest on (Dataset.layer_cited).
    cited_again: dict[str, dict[str, list[tuple[int, str, int]]]] = field(default_factory=dict)
    #: The file that first gave each entry (a later file's exact repeat or override leaves it),
    #: and the last file that replaced it (``override = true``): for the layers a page names.
    first: dict[str, str] = field(default_factory=dict)
    replaced_by: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, entry: Mapping[str, Any], index: int, problems: list[Problem]) -> None:
        identity = entry[self.id_key]
        earlier = self.entries.get(identity)
        if self.kind in EXTENSIBLE and is_extension(entry) and entry.get("override") is not True:
            self._extend(name, entry, identity, earlier, problems)
            return
        if earlier is None and entry.get("override"):
            problems.append(self._replaces_nothing(name, identity))
        if earlier is not None and not entry.get("override") and earlier[1] != entry:
            adds = extension_meant(self.kind, entry, earlier[1])
            problems.append(
                Problem(
                    name,
                    f"{self.kind}[{identity}]",
                    already_defined(self.kind, self.id_key, identity, earlier[0], adds=adds),
                )
            )
            return
        if earlier is not None and earlier[1] != entry:
            self.overrides.append(
                f"{name}: {self.kind}[{identity}] overrides the one in {_file_label(earlier[0])}"
            )
            self.replaced.setdefault(identity, earlier)
            parts = self.parts.get(identity, {})
            self.replacements.append(Replacement(self.kind, identity, name, *earlier, parts))
            self.replaced_by[identity] = name
            self.parts.pop(identity, None)  # what extensions added is replaced with the rest
            self.cited_again.pop(identity, None)
        elif earlier is not None and earlier[0] != name:
            self.repeats.append((name, earlier[0], f"{self.kind}[{identity}]"))
        self.entries[identity] = (name, entry)
        self.first.setdefault(identity, name)

    def _extend(
        self,
        name: str,
        entry: Mapping[str, Any],
        identity: str,
        earlier: tuple[str, Mapping[str, Any]] | None,
        problems: list[Problem],
    ) -> None:
        """The earlier entry of ``identity`` with the lists of ``entry`` (``extend = true``)
        added to its own: a season it has already is an error, any other item it has already a
        warning (listed once)."""
        if earlier is None:
            problems.append(self._extends_nothing(name, identity))
            return
        base_file, base = earlier
        beyond = [k for k in entry if k not in (self.id_key, "extend", "aliases")]
        if self.kind == "shows" and base.get("netflix_only") is True and beyond:
            # merged, its page would list the credits added under a box saying the catalogue
            # holds no cast for it, and list would count it a Netflix record still; an alias
            # (a name fans type for it) is all such a title takes
            # one line naming every key refused, at the first (walk33 #12)
            refused = ", ".join(beyond[:-1]) + f" or {beyond[-1]}"
            more = f", not {refused}" if beyond[1:] else ""
            problems.append(
                Problem(
                    name,
                    f"shows[{identity}].{beyond[0]}",
                    f"{identity} is held only as Netflix's record (netflix_only, in"
                    f" {_file_label(base_file)}): extend = true adds only aliases to it{more};"
                    " to research it, give it whole with override = true, without netflix_only",
                )
            )
            return
        parts = self.parts.get(identity, {})
        merged = dict(base)
        grown: Parts = {}
        new: dict[str, list[int]] = {}  # the place in entry's list of each item it adds
        # a citation the entry lists already: (its place, the extension's place, the warning)
        again: dict[str, list[tuple[int, int, Problem]]] = {}
        for key in EXTENSIBLE[self.kind]:
            listed = base.get(key)
            have = list(listed) if isinstance(listed, list) else []
            origin = list(parts.get(key) or [(base_file, i) for i in range(len(have))])
            added = entry.get(key)
            if not isinstance(added, list) or not added:
                if have or key in base:
                    merged[key] = have
                grown[key] = origin
                continue
            known: dict[Hashable, int] = {}
            for place, one in enumerate(have):
                known.setdefault(_what_repeats(key, one), place)
            for position, item in enumerate(added):
                what = _what_repeats(key, item)
                there = known.get(what) if what is not None else None
                if there is None:
                    known.setdefault(what, len(have))
                    have.append(item)
                    origin.append((name, position))
                    new.setdefault(key, []).append(position)
                    continue
                where = f"{self.kind}[{identity}].{key}"
                if key in SHOW_TABLES:
                    where += f"[{position}]"
                said = _repeated_item(key, item, _file_label(origin[there][0]), have[there])
                if key == "seasons":
                    problems.append(Problem(name, f"{where}.number", said))
                elif key in CITED_LISTS and self.kind == "shows" and origin[there][0] != name:
                    again.setdefault(key, []).append((there, position, Problem(name, where, said)))
                else:
                    self.repeated_items.append(Problem(name, where, said))
                    cited = item.get("sources") if isinstance(item, dict) else None
                    for citation in cited if isinstance(cited, list) else []:
                        if isinstance(citation, str):
                            self.repeats_cite.setdefault(citation, []).append((name, where))
            if have or key in base:
                merged[key] = have
            grown[key] = origin
        if self.kind == "shows":
            self.repeated_items.extend(_unsourced_credits(name, identity, entry, base, new))
            for key, repeats in again.items():
                cited = self.cited_again.setdefault(identity, {}).setdefault(key, [])
                cited.extend((there, name, position) for there, position, _ in repeats)
                # the credits the extension adds rest on it: not a repeat to remove
                if not any(new.get(credits) for credits in CITED_LISTS[key]):
                    self.repeated_items.extend(problem for _, _, problem in repeats)
        self.parts[identity] = grown
        self.entries[identity] = (base_file, merged)
        self.extensions.append(
            f"{name}: {self.kind}[{identity}] extends the one in {_file_label(base_file)}"
        )

    def _extends_nothing(self, name: str, identity: str) -> Problem:
        """``extend = true`` on an entry no earlier file defines: a mistyped id, or a new entry
        marked by mistake."""
        import difflib

        from kdrama_cli.errors import did_you_mean

        close = difflib.get_close_matches(identity, list(self.entries), n=3, cutoff=0.8)
        hint = f" {did_you_mean(close)}" if close else ""
        word = _ENTRY_WORDS[self.kind]
        return Problem(
            name,
            f"{self.kind}[{identity}].extend",
            f"extend = true, but no earlier file defines {self.id_key} {identity!r}: nothing to"
            f" extend.{hint} To add it as a new {word}, remove extend = true and give the whole"
            " entry",
        )

    def _replaces_nothing(self, name: str, identity: str) -> Problem:
        """``override = true`` on an entry no earlier file defines: almost always a mistyped id,
        which would otherwise add a second title beside the one meant."""
        import difflib

        from kdrama_cli.errors import did_you_mean

        close = difflib.get_close_matches(identity, list(self.entries), n=3, cutoff=0.8)
        hint = f". {did_you_mean(close)}" if close else ""
        return Problem(
            name,
            f"{self.kind}[{identity}].override",
            f"override = true, but no earlier file defines {self.id_key} {identity!r}{hint}",
        )


#: A title's lists of citations, each with the lists of credits that rest on it: a cast credit
#: on the cast lists (cast_sources), a director, writer or creator on the title's sources.
CITED_LISTS: Mapping[str, tuple[str, ...]] = {
    "cast_sources": ("cast",),
    "sources": ("directors", "writers", "creators"),
}


def _unsourced_credits(
    name: str,
    slug: str,
    entry: Mapping[str, Any],
    base: Mapping[str, Any],
    new: Mapping[str, list[int]],
) -> Iterator[Problem]:
    """A warning for each credit an extension of a title adds (``new``: the places in its
    lists of the items it adds, not those the title has already) with nothing of its own to
    rest on: a [[shows.cast]] item with no sources, where the extension adds no cast_sources;
    crew where it adds no sources. Pages cite such a credit to what its layer cites, never to
    the earlier entry's pages, which do not name it, so it would be cited to nothing. A cast
    added to a title that cites no cast list is an error of its own (_extended_problems)."""
    cast = entry.get("cast")
    if isinstance(cast, list) and not entry.get("cast_sources") and base.get("cast_sources"):
        for position in new.get("cast", ()):
            credit = cast[position]
            if isinstance(credit, dict) and not credit.get("sources"):
                yield Problem(
                    name,
                    f"shows[{slug}].cast[{position}]",
                    "a credit an extension adds cites no source of its own, and pages cite it to"
                    " none (the title's cast lists are the earlier file's, which do not name it):"
                    ' add sources = ["…"], the citation that names it',
                )
    if entry.get("sources"):
        return
    for crew in ("directors", "writers", "creators"):
        if new.get(crew):
            yield Problem(
                name,
                f"shows[{slug}].{crew}",
                f"the {crew} an extension adds cite no source, and pages cite them to none (the"
                " title's sources are the earlier file's, which do not name them): add"
                ' sources = ["…"] to the extension, the citation that names them',
            )


def already_defined(
    table: str,
    id_key: str,
    identity: str,
    earlier: str,
    *,
    at: str | None = None,
    other: tuple[str, str] | None = None,
    adds: str | None = None,
) -> str:
    """What is said of an entry whose id an earlier file defines, given without override: how
    to correct that entry, and that a correction replaces it whole (data/README.md, Layers).
    The loader adds ``at``, where the earlier entry starts (``PATH:LINE``), and, when the two
    are plainly different things (another page, another title's name), ``other``: how the
    earlier one is known ("as 'Moonlit Bakery'") and what this one would be ("title").
    ``adds`` (extension_meant), said first: how to add to the earlier entry instead, for an
    entry that holds only what an extension adds."""
    label = _file_label(earlier)
    copy = copy_whole(table, earlier, at)
    if other is None and adds is not None:
        return (
            f"{id_key} {identity!r} is already defined in {label}; {adds}; to correct it"
            f" instead, set override = true: an override replaces the entry whole, so {copy}"
        )
    if other is None:
        return (
            f"{id_key} {identity!r} is already defined in {label}; set override = true to"
            f" replace it: an override replaces the entry whole, so {copy}"
        )
    known, thing = other
    own = "them an id of their own" if thing == "person" else f"it {_a(id_key)} of its own"
    return (
        f"{id_key} {identity!r} is already defined in {label}, {known}: if this is another"
        f" {thing}, give {own}; to correct the one in {label}, set override = true: an override"
        f" replaces the entry whole, so {copy}"
    )


def extension_meant(table: str, entry: Any, earlier: Any) -> str | None:
    """How to add to ``earlier`` what ``entry``, of the same id and given without override,
    holds, when it holds only what ``extend = true`` adds (lists, seasons, credits, facts),
    besides keys it repeats as they are: an entry that only adds to a shipped one (``slug =
    "squid-game"`` and a [[shows.cast]]) was told only to copy the whole block as an override
    (walk35 #3). None for an entry that changes a key of the earlier one (a correction), or
    one of a table no extension adds to."""
    if table not in EXTENSIBLE or not isinstance(entry, dict) or not isinstance(earlier, dict):
        return None
    if "override" in entry or "extend" in entry:
        return None  # a mistyped one is said of itself
    id_key = TOP_LEVEL[table][0]
    lists = EXTENSIBLE[table]
    added = [key for key in entry if key in lists]
    repeated = [key for key in entry if key != id_key and key not in lists]
    if not added or any(earlier.get(key) != entry[key] for key in repeated):
        return None
    if earlier.get("netflix_only") is True and added != ["aliases"]:
        return None  # a Netflix record takes only aliases: researched with an override
    if repeated:
        return (
            f"to add its {joined(added)} to that entry, set extend = true and remove"
            f" {joined(repeated)}, which {'it repeats' if len(repeated) == 1 else 'they repeat'}"
            " (an extension holds only what it adds)"
        )
    return f"to add its {joined(added)} to that entry, set extend = true"


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def copy_whole(table: str, earlier: str, at: str | None = None) -> str:
    """How to start an override of an entry of ``earlier``: copy its block from ``at`` (its
    ``PATH:LINE``), or from that file; the shipped one is found with `data path`."""
    if at is not None:
        where = at
    elif _file_label(earlier) != earlier:
        where = f"the file {command_line('data path')} lists"
    else:
        where = "that file"
    return f"copy its whole [[{table}]] block from {where} and change it there"


def redefined_first(
    documents: Sequence[tuple[str, Mapping[str, Any]]], problems: list[Problem]
) -> list[Problem]:
    """``problems`` with an entry that re-declares an earlier file's id to change a field or
    two (``slug = "kingdom"`` and a title) reported as that, in one line instead of its missing
    required fields, which would only lead its author to fill them in and end with a title that
    has lost its cast, seasons and facts: without override, that the id is defined already;
    with it, that an override replaces the entry whole."""
    # (table, id) -> the first file that defines it, and its entry there
    defined: dict[tuple[str, str], tuple[str, Any]] = {}
    # (file, "table[id]") -> what to say instead of the entry's missing fields
    redefined: dict[tuple[str, str], Callable[[list[str]], str]] = {}
    # (file, "table[id]") -> what the entry, one that only adds, is told as an extension
    extending: dict[tuple[str, str], set[Located]] = {}
    for name, document in documents:
        for table, (id_key, _) in TOP_LEVEL.items():
            entries = document.get(table) if table != "stats" else None
            for entry in entries if isinstance(entries, list) else ():
                identity = entry.get(id_key) if isinstance(entry, dict) else None
                if not isinstance(identity, str):
                    continue
                earlier, first = defined.setdefault((table, identity), (name, entry))
                if earlier == name:
                    continue
                if _mistyped_switch(entry):
                    # override = "true": its own error says to drop the quotes; "already
                    # defined, set override = true" beside it would contradict it (walk35)
                    redefined[(name, f"{table}[{identity}]")] = lambda _: ""
                    continue
                adds = (
                    None if entry.get("override") is True else extension_meant(table, entry, first)
                )
                where = f"{table}[{identity}]"
                redefined[(name, where)] = _redeclared(
                    table, id_key, identity, earlier, entry.get("override") is True, adds
                )
                if adds is not None:
                    # what it lacks as a whole entry (a cast's cast_sources) it does not as an
                    # extension: said alone, as README "How datasets are merged" has it
                    as_one = validate_document({table: [{**entry, "extend": True}]})
                    extending[(name, where)] = set(as_one)
    if not redefined:
        return problems
    missing: dict[tuple[str, str], list[str]] = {}
    kept: list[Problem | tuple[str, str]] = []
    for problem in problems:
        where, _, field_name = problem.location.partition(".")
        key = (problem.file, where)
        top = field_name.isidentifier()  # kind, not seasons[0].number
        if key in extending and not _lacks_field(problem.message):
            if (problem.location, problem.message) in extending[key]:
                kept.append(problem)
            continue
        if not _lacks_field(problem.message) or not top or key not in redefined:
            kept.append(problem)
            continue
        if key not in missing:
            kept.append(key)
        missing.setdefault(key, []).append(field_name)
    told = [
        p if isinstance(p, Problem) else Problem(p[0], p[1], redefined[p](missing[p])) for p in kept
    ]
    return [p for p in told if p.message]


#: The keys that say how an entry meets the earlier one of its id.
_SWITCHES = ("override", "extend")


def _mistyped_switch(entry: Mapping[str, Any]) -> bool:
    """Whether ``entry`` gives ``override`` or ``extend`` as something other than true or
    false (``override = "true"``): its own type error says how to write it, and what the entry
    would lack as a new one is beside the point."""
    return any(key in entry and not isinstance(entry[key], bool) for key in _SWITCHES)


def _on(value: object) -> bool:
    """Whether a switch written as another type (``"true"``, ``"yes"``, ``1``) means true."""
    return str(value).strip().lower() in ("true", "yes", "on", "1")


def _lacks_field(message: str) -> bool:
    """Whether a problem says an entry lacks a field it needs: a required one, a series' seasons
    ("missing: a series needs at least one season"), a film's release date."""
    return message.startswith(("missing required field", "missing: "))


def _redeclared(
    table: str, id_key: str, identity: str, earlier: str, override: bool, adds: str | None
) -> Callable[[list[str]], str]:
    """The line for an entry of ``identity`` that lacks required fields (given to the result)
    although ``earlier`` defines it; ``adds``: how to add to it instead (extension_meant)."""
    if not override:
        return lambda _: already_defined(table, id_key, identity, earlier, adds=adds)
    return lambda fields: (
        f"override = true replaces the entry of {_file_label(earlier)} whole, and this one "
        f"lacks {joined(fields)}: {copy_whole(table, earlier)}"
    )


def build_dataset(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
    layers: Sequence[str] = (),
) -> tuple[Dataset, list[Problem]]:
    """Merge validated documents in order and check every cross-reference. ``layers``: the
    files loaded over the base, in load order, whose part in each title and person the
    dataset keeps (Dataset.layers_of)."""
    problems: list[Problem] = []
    merged, extra_stats = _merge(documents, problems)
    citations = {k: _make_citation(e) for k, (_, e) in merged["citations"].entries.items()}
    people = {k: _make_person(e) for k, (_, e) in merged["people"].entries.items()}
    works = {k: _make_source_work(e) for k, (_, e) in merged["source_works"].entries.items()}
    shows = {k: _make_show(e) for k, (_, e) in merged["shows"].entries.items()}
    show_files = {k: f for k, (f, _) in merged["shows"].entries.items()}

    attached: dict[str, list[Stat]] = {}
    attached_at: dict[str, list[tuple[str, str]]] = {}
    # Figures of another file for seasons an override left out: the override's problem.
    orphaned: dict[str, dict[int, list[str]]] = {}
    for name, index, entry in extra_stats:
        slug = entry["show"]
        where = f"stats[{index}]"
        show = shows.get(slug)
        if show is None:
            problems.append(unknown(name, f"{where}.show", "show", slug))
        else:
            season = entry.get("season")
            if season is not None and show.season(season) is None:
                if slug in merged["shows"].replaced and show_files[slug] != name:
                    orphaned.setdefault(slug, {}).setdefault(season, []).append(name)
                else:
                    message = f"{slug} has no season {season}"
                    problems.append(Problem(name, f"{where}.season", message))
        # checked whatever the title: a mistyped show must not hide a bad citation beside it
        problems.extend(_missing(name, f"{where}.sources", entry["sources"], citations))
        if show is not None:
            attached.setdefault(slug, []).append(_make_stat(entry))
            attached_at.setdefault(slug, []).append((name, where))

    def check(
        name: str, where: str, ids: tuple[str, ...], pool: Mapping[str, Any], what: ReferenceKind
    ) -> None:
        for identity in ids:
            if identity not in pool:
                problems.append(unknown(name, where, what, identity))

    def check_each(
        table: str,
        key: str,
        field_name: str,
        ids: tuple[str, ...],
        pool: Mapping[str, Any],
        what: ReferenceKind,
    ) -> None:
        """``check`` of an entry's list of ids, each said in the file that lists it (an
        extension's own, or the entry's)."""
        store = merged[table]
        origin = store.parts.get(key, {}).get(field_name)
        where = f"{table}[{key}].{field_name}"
        for position, identity in enumerate(ids):
            if identity not in pool:
                file = origin[position][0] if origin and position < len(origin) else None
                problems.append(unknown(file or store.entries[key][0], where, what, identity))

    def place(table: str, key: str, field_name: str, index: int) -> tuple[str, str]:
        return _place(merged[table], key, field_name, index)

    for key in merged["people"].entries:
        check_each("people", key, "sources", people[key].sources, citations, "citation")
    for key, (name, _) in merged["source_works"].entries.items():
        work = works[key]
        where = f"source_works[{key}]"
        check(name, f"{where}.story_by", work.story_by, people, "person")
        check(name, f"{where}.writers", work.writers, people, "person")
        check(name, f"{where}.artists", work.artists, people, "person")
        check(name, f"{where}.sources", work.sources, citations, "citation")
        if work.based_on == key:
            message = f"{key} cannot be based on itself"
            problems.append(Problem(name, f"{where}.based_on", message))
        elif work.based_on:
            check(name, f"{where}.based_on", (work.based_on,), works, "source work")
    problems.extend(_works_based_in_a_circle(works, merged["source_works"].entries))
    for slug, show in shows.items():
        name = show_files[slug]
        where = f"shows[{slug}]"
        for role in ("directors", "writers", "creators"):
            check_each("shows", slug, role, getattr(show, role), people, "person")
        check_each("shows", slug, "related", show.related, shows, "show")
        if show.companion_of == slug:
            message = f"{slug} cannot be a companion of itself"
            problems.append(Problem(name, f"{where}.companion_of", message))
        elif show.companion_of:
            check(name, f"{where}.companion_of", (show.companion_of,), shows, "show")
        if show.source_work:
            check(name, f"{where}.source_work", (show.source_work,), works, "source work")
        check_each("shows", slug, "sources", show.sources, citations, "citation")
        check_each("shows", slug, "cast_sources", show.cast_sources, citations, "citation")
        if slug in merged["shows"].parts:
            entry = merged["shows"].entries[slug][1]
            problems.extend(_extended_problems(slug, entry, merged["shows"], place))
            for table_name in SHOW_TABLES:
                for index, item in enumerate(_entries(entry, table_name)):
                    file, at = place("shows", slug, table_name, index)
                    if table_name == "cast":
                        check(file, f"{at}.person", (item["person"],), people, "person")
                    check(file, f"{at}.sources", _strs(item.get("sources")), citations, "citation")
            continue
        for index, season in enumerate(show.seasons):
            check(name, f"{where}.seasons[{index}].sources", season.sources, citations, "citation")
        for index, credit in enumerate(show.cast):
            check(name, f"{where}.cast[{index}].person", (credit.person,), people, "person")
            check(name, f"{where}.cast[{index}].sources", credit.sources, citations, "citation")
        for index, stat in enumerate(show.stats):
            check(name, f"{where}.stats[{index}].sources", stat.sources, citations, "citation")
        for index, fact in enumerate(show.facts):
            check(name, f"{where}.facts[{index}].sources", fact.sources, citations, "citation")
    order = {name: position for position, (name, _) in enumerate(documents)}  # each file once
    problems.extend(
        _seasons_left_out(slug, by_season, show_files[slug], merged["shows"].replaced[slug][0])
        for slug, by_season in orphaned.items()
    )
    problems.extend(_same_name_people(people, merged["people"].entries, order))
    # Top-level [[stats]] join their title only now: checked above where their own file has
    # them, they would be reported a second time as the title's, in the title's file.
    figure_origins: dict[str, tuple[tuple[str, str], ...]] = {}
    for slug, show in shows.items():
        own = [place("shows", slug, "stats", i) for i in range(len(show.stats))]
        figures, places = _figures_once(
            show.stats + tuple(attached.get(slug, ())), own + attached_at.get(slug, [])
        )
        if len(figures) != len(show.stats) or slug in attached:
            shows[slug] = show._replace(stats=figures)
        figure_origins[slug] = places
    _link_both_ways(shows)
    _link_adaptations(works)

    dataset = Dataset(
        shows=shows,
        people=people,
        source_works=works,
        citations=citations,
        files=tuple(dict.fromkeys(name for name, _ in documents)),
        overrides=tuple(o for store in merged.values() for o in store.overrides),
        replacements=tuple(r for store in merged.values() for r in store.replacements),
        repeated=_repeated([r for store in merged.values() for r in store.repeats]),
        origins={
            table: {key: file for key, (file, _) in store.entries.items()}
            for table, store in merged.items()
        },
        figure_origins=figure_origins,
        extensions=tuple(line for store in merged.values() for line in store.extensions),
        parts={table: dict(store.parts) for table, store in merged.items() if store.parts},
        repeated_items=tuple(p for store in merged.values() for p in store.repeated_items),
        repeats_cite={
            citation: tuple(items)
            for store in merged.values()
            for citation, items in store.repeats_cite.items()
        },
        layer_marks=_layer_marks(merged, figure_origins, layers),
        layer_items=_layer_items(merged["shows"], layers),
    )
    return dataset, problems


def _layer_marks(
    merged: Mapping[str, _Merged],
    figure_origins: Mapping[str, tuple[tuple[str, str], ...]],
    layers: Sequence[str],
) -> dict[str, dict[str, tuple[LayerMark, ...]]]:
    """For each title and person a layer made or changed, how: the layer that first gave it
    (added), the last that replaced it (an override drops what came before, so only that one
    counts), then each other layer that added to what is left, in load order: an extension's
    items, or a title's figures given by a layer's own ``[[stats]]``. An exact repeat of an
    entry changes nothing and is not named."""
    if not layers:
        return {}
    order = {file: position for position, file in enumerate(layers)}
    through = _layer_marks_through(merged, order)
    found: dict[str, dict[str, tuple[LayerMark, ...]]] = {}
    for table in ("shows", "people", "source_works"):
        store = merged[table]
        marks: dict[str, tuple[LayerMark, ...]] = {}
        for key in store.entries:
            first, by = store.first.get(key, ""), store.replaced_by.get(key, "")
            given = [f for items in store.parts.get(key, {}).values() for f, _ in items]
            if table == "shows":
                figures = figure_origins.get(key, ())
                given += [f for f, where in figures if where.startswith("stats[")]
            extending = sorted(
                {f for f in given if f in order and f not in (first, by)}, key=order.__getitem__
            )
            marked = [LayerMark("added", first)] if first in order else []
            marked += [LayerMark("replaced", by)] if by in order else []
            marked += [LayerMark("extended", file) for file in extending]
            marked += [LayerMark(how, file) for how, file in through.get(table, {}).get(key, ())]
            if marked:
                marks[key] = tuple(marked)
        if marks:
            found[table] = marks
    return found


def _layer_marks_through(
    merged: Mapping[str, _Merged], order: Mapping[str, int]
) -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """For each title and person a layer changed through another entry, how and by which
    layers, in load order, by table (walk35): "cited", a citation it cites that a layer
    replaced (override = true: the page cites the layer's address or headline; a person's
    page cites what their own entry cites), and, for a title, "related", a layer's title that
    names it in ``related`` (its page then lists that title, linked both ways), unless its own
    entry names that title already."""
    shows = merged["shows"]
    replaced = {key: by for key, by in merged["citations"].replaced_by.items() if by in order}
    people: dict[str, dict[tuple[str, str], None]] = {}
    for person, (_, entry) in merged["people"].entries.items() if replaced else ():
        for cited in _strings(entry.get("sources")):
            if cited in replaced:
                people.setdefault(person, {})[("cited", replaced[cited])] = None
    found: dict[str, dict[tuple[str, str], None]] = {}
    for slug, (file, entry) in shows.entries.items():
        if replaced:
            for cited in _cited_ids(entry):
                if cited in replaced:
                    found.setdefault(slug, {})[("cited", replaced[cited])] = None
        listed = entry.get("related")
        origin = shows.parts.get(slug, {}).get("related")
        for index, other in enumerate(listed if isinstance(listed, list) else ()):
            by = origin[index][0] if origin and index < len(origin) else file
            target = shows.entries.get(other) if isinstance(other, str) else None
            if by not in order or target is None or other == slug:
                continue
            theirs = target[1].get("related")
            if isinstance(theirs, list) and slug in theirs:
                continue  # linked by its own entry already
            found.setdefault(other, {})[("related", by)] = None
    return {
        table: {
            key: tuple(sorted(marks, key=lambda mark: (mark[0] != "cited", order[mark[1]])))
            for key, marks in by_key.items()
        }
        for table, by_key in (("shows", found), ("people", people))
        if by_key
    }


def _cited_ids(entry: Mapping[str, Any]) -> Iterator[str]:
    """Every citation id a title's entry cites: its own lists, and those of its seasons,
    credits, figures and facts."""
    for key in ("sources", "cast_sources"):
        yield from _strings(entry.get(key))
    for table in SHOW_TABLES:
        items = entry.get(table)
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict):
                yield from _strings(item.get("sources"))


def _strings(value: Any) -> Iterator[str]:
    yield from (item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def _layer_items(
    shows: _Merged, layers: Sequence[str]
) -> dict[str, dict[str, tuple[tuple[int, str], ...]]]:
    """For each title a layer's extension added credits to, the position of each such credit
    in its list (cast, directors, writers, creators) and the layer's file (LayerItems): the
    title's other credits are its entry's, whose file Dataset.entry_layer names. The same for
    the citations an extension lists (sources, cast_sources), in its own order, those the
    title listed already among them: what its credits rest on."""
    if not layers:
        return {}
    order = {file: position for position, file in enumerate(layers)}
    found: dict[str, dict[str, tuple[tuple[int, str], ...]]] = {}
    for slug, parts in shows.parts.items():
        own = shows.entries[slug][0]
        again = shows.cited_again.get(slug, {})
        by_list: dict[str, tuple[tuple[int, str], ...]] = {}
        for field_name in LAYER_ITEM_LISTS:
            listed = [
                (at, file, position)
                for at, (file, position) in enumerate(parts.get(field_name, ()))
                if file in order and file != own
            ]
            if field_name in again:
                listed += [item for item in again[field_name] if item[1] in order]
                listed.sort(key=lambda item: (order[item[1]], item[2]))
            if listed:
                by_list[field_name] = tuple((at, file) for at, file, _ in listed)
        if by_list:
            found[slug] = by_list
    return found


def _place(store: _Merged, key: str, field_name: str, index: int) -> tuple[str, str]:
    """The file and place of the ``index``-th item of an entry's list once merged."""
    table = store.kind
    origin = store.parts.get(key, {}).get(field_name)
    if origin and index < len(origin):
        file, position = origin[index]
        return file, f"{table}[{key}].{field_name}[{position}]"
    return store.entries[key][0], f"{table}[{key}].{field_name}[{index}]"


_PART = re.compile(r"^(\w+)\[([^\]]+)\]\.(\w+)\[(\d+)\](.*)$")


def _extended_problems(
    slug: str,
    entry: Mapping[str, Any],
    store: _Merged,
    place: Callable[[str, str, str, int], tuple[str, str]],
) -> Iterator[Problem]:
    """What a title's extensions say wrongly with the rest of it, checked once merged (a
    credit for a season it lacks, seasons for a film, a cast added with no citation for a
    cast list), each said in the file and at the place that gives the item; a problem of the
    whole title (``cast_sources``), in the files whose items cause it (_causes)."""
    for location, message in _validate_show_body(entry, f"shows[{slug}]"):
        part = _PART.match(location)
        if part is not None and part[3] in SHOW_TABLES:
            file, at = place("shows", slug, part[3], int(part[4]))
            yield Problem(file, at + part[5], message)
        else:
            for file in _causes(slug, location, store):
                yield Problem(file, location, message)


#: The lists whose items make a merged title's field wrong: a cast with no cast_sources, a
#: cast beside cast_unknown, directors or creators beside crew_unknown, seasons for a film.
_CAUSED_BY: Mapping[str, tuple[str, ...]] = {
    "cast_sources": ("cast",),
    "cast_unknown": ("cast",),
    "crew_unknown": ("directors", "creators"),
    "seasons": ("seasons",),
}


def _causes(slug: str, location: str, store: _Merged) -> list[str]:
    """The files a problem of merged title ``slug`` at ``location`` (``shows[x].cast_sources``)
    is said in: each extension that added an item of the lists that make it wrong (_CAUSED_BY),
    in the order they were read; else the title's own file, whose entry made it so (an
    extension adds only lists, so a field beside them is the base entry's)."""
    base = store.entries[slug][0]
    field_name = location.partition(".")[2].partition("[")[0]
    parts = store.parts.get(slug, {})
    files = [
        file
        for key in _CAUSED_BY.get(field_name, (field_name,))
        for file, _ in parts.get(key, ())
        if file != base
    ]
    return list(dict.fromkeys(files)) or [base]


def _figures_once(
    figures: Sequence[Stat], places: Sequence[tuple[str, str]]
) -> tuple[tuple[Stat, ...], tuple[tuple[str, str], ...]]:
    """A title's figures, each given once, with the file and entry that give each.

    A figure given again, for the same season, metric, window and list with the same value and
    note, is the same figure: a refreshed netflix.toml layered over the shipped one repeats
    every week it shares with it, and counting each twice would double the title's hours. It is
    kept where it was first given, citing the sources of both, as of the later of their dates
    (a refreshed all-time snapshot holding the same figure says it still holds). The note is
    part of what a figure is: Netflix's engagement report can give one season two rows of
    equal hours under two of its titles, each note naming one, and both count."""
    first: dict[tuple[Any, ...], int] = {}
    kept: list[Stat] = []
    kept_at: list[tuple[str, str]] = []
    for stat, place in zip(figures, places, strict=True):
        key = (stat.season, stat.metric, stat.window, stat.list, stat.value, stat.note)
        at = first.get(key)
        if at is None:
            first[key] = len(kept)
            kept.append(stat)
            kept_at.append(place)
        else:
            sources = tuple(dict.fromkeys(kept[at].sources + stat.sources))
            as_of = max(kept[at].as_of, stat.as_of)
            kept[at] = kept[at]._replace(sources=sources, as_of=as_of)
    return tuple(kept), tuple(kept_at)


def _merge(
    documents: Sequence[tuple[str, Mapping[str, Any]]], problems: list[Problem]
) -> tuple[dict[str, _Merged], list[tuple[str, int, Mapping[str, Any]]]]:
    """The entries of validated documents by table and id, later files replacing earlier ones
    where they say override = true, and the top-level figures with their file and position;
    an id defined twice without override, or an override of nothing, goes to ``problems``."""
    merged = {
        name: _Merged({}, name, id_key)
        for name, (id_key, _) in TOP_LEVEL.items()
        if name != "stats"
    }
    extra_stats: list[tuple[str, int, Mapping[str, Any]]] = []
    for name, document in documents:
        for table, store in merged.items():
            for index, entry in enumerate(document.get(table, [])):
                store.add(name, entry, index, problems)
        for index, entry in enumerate(document.get("stats", [])):
            extra_stats.append((name, index, entry))
    return merged, extra_stats


# --- the references of documents that do not validate ----------------------------------------

#: What stands in for a required field that an entry lacks or gets wrong, by the field's kind,
#: so that the entry can be built to check its references: never shown, never reported.
_STAND_IN: Mapping[str, Any] = {
    "str": "?",
    "korean": "?",
    "url": "https://example.invalid/",
    "window": "total",
    "int": 1,
    "number": 1,
    "date": FIRST_DATE,
    "strs": [],
    "ids": [],
}


def reference_problems(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
) -> tuple[list[Problem], int]:
    """What build_dataset would say of ``documents``, which do not validate, about references
    (an unknown citation, person, title or source work) and ids defined in two files, so that
    `data check` reports them in the same run as the entries' own problems. Each entry is read
    as far as its id and references are well formed, a stand-in taking the place of a field
    that is not; an entry with no usable id is left out. Also the number of entries whose
    references could not all be checked: they are checked once their own errors are fixed."""
    salvaged: list[tuple[str, Mapping[str, Any]]] = []
    unchecked: set[tuple[str, str]] = set()  # (file, "shows[slug]") of each entry not whole
    idless: set[str] = set()  # the tables with an entry left out for want of an id
    written: dict[tuple[str, str], _Written] = {}
    for name, document in documents:
        salvaged.append((name, _salvage_document(name, document, unchecked, idless, written)))
    merging: list[Problem] = []
    _merge(salvaged, merging)
    # An entry repeating an earlier file's id without override is left out of the merge, and
    # its references with it: built as an override here, they are checked all the same.
    _, problems = build_dataset(_repeats_overriding(salvaged))
    problems = [*(p for p in merging if p not in problems), *problems]
    # each said where its file has it, and nothing said of a stand-in
    merging = [p for p in map(lambda p: _as_written(p, written), merging) if p is not None]
    merging = [_as_extension_told(p, documents) for p in merging]
    problems = [p for p in map(lambda p: _as_written(p, written), problems) if p is not None]
    defined_twice = set(merging)  # and overrides of nothing
    # An entry left out for want of an id may be the one a reference names: unknown references
    # of its kind are not reported, but counted with their entries as not checked.
    unsure = {kind for table, kind in _KINDS.items() if table in idless}
    found: list[Problem] = []
    for problem in problems:
        if problem.unknown is not None and problem.unknown.kind in unsure:
            unchecked.add((problem.file, problem.location.partition("]")[0] + "]"))
        elif problem.unknown is not None or problem in defined_twice:
            found.append(problem)
    merged_problems, unmerged = _extensions_as_written(documents)
    found.extend(p for p in merged_problems if p not in found)
    unchecked |= unmerged
    return found, len(unchecked)


def _as_extension_told(
    problem: Problem, documents: Sequence[tuple[str, Mapping[str, Any]]]
) -> Problem:
    """``problem``, found on salvaged entries, with the "already defined" of an entry that only
    adds to the earlier one told how to extend it, as the same entry checked whole is
    (extension_meant): a stand-in for a field it lacks (a title) is no key it changes."""
    place = re.fullmatch(r"(\w+)\[([^\]]+)\]", problem.location)
    if place is None or place[1] not in EXTENSIBLE:
        return problem
    table, identity = place[1], place[2]
    id_key = TOP_LEVEL[table][0]
    if not problem.message.startswith(f"{id_key} {identity!r} is already defined in "):
        return problem  # read no file's entries for another problem
    found = [
        (name, entry)
        for name, document in documents
        for entry in _entries_of(document, table)
        if entry.get(id_key) == identity
    ]
    this = next((entry for name, entry in found if name == problem.file), None)
    if not found or this is None:
        return problem
    earlier, first = found[0]
    if problem.message != already_defined(table, id_key, identity, earlier):
        return problem
    adds = extension_meant(table, this, first)
    if adds is None:
        return problem
    return problem._replace(message=already_defined(table, id_key, identity, earlier, adds=adds))


def _entries_of(document: Mapping[str, Any], table: str) -> list[dict[str, Any]]:
    entries = document.get(table)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


#: A problem's place in a top-level figure: ``stats[3]`` and the rest.
_TOP_FIGURE = re.compile(r"^stats\[(\d+)\](.*)$")


def _as_written(problem: Problem, written: Mapping[tuple[str, str], _Written]) -> Problem | None:
    """``problem``, found on salvaged entries, at the place its file gives the item it is
    about (an item left out before it moved it up); None when it is about a field stood in
    for (a season's number that is not one, "season 1 is already there")."""
    part = _PART.match(problem.location)
    if part is not None:
        items = written.get((problem.file, f"{part[1]}[{part[2]}]"))
        places = items.places.get(part[3]) if items is not None else None
        if items is None or places is None or int(part[4]) >= len(places):
            return problem
        place = f"{part[3]}[{places[int(part[4])]}]"
        rest = part[5]
        if rest.startswith(".") and f"{place}{rest}" in items.stood_in:
            return None
        return problem._replace(location=f"{part[1]}[{part[2]}].{place}{rest}")
    figure = _TOP_FIGURE.match(problem.location)
    top = written.get((problem.file, "stats")) if figure is not None else None
    if figure is None or top is None or int(figure[1]) >= len(top.places["stats"]):
        return problem
    return problem._replace(location=f"stats[{top.places['stats'][int(figure[1])]}]{figure[2]}")


#: Where a problem of a merged title is one its extensions' items make with the rest of it
#: (_extended_problems), rather than one of an item's own fields, which validation says: a
#: credit's, a figure's or a fact's season the title lacks, seasons for a film, a cast with
#: no citation or beside cast_unknown, crew beside crew_unknown.
_WITH_THE_TITLE = re.compile(
    r"^shows\[[^\]]+\]\.(?:(?:cast\[\d+\]\.seasons|(?:stats|facts)\[\d+\]\.season)"
    r"|cast_sources|cast_unknown|crew_unknown|seasons)$"
)


def _extensions_as_written(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
) -> tuple[list[Problem], set[tuple[str, str]]]:
    """For documents that do not validate, so that no merge ran: what each title's extensions
    say wrongly with the rest of it (_WITH_THE_TITLE), judged on the titles extended, merged
    as written with each field that breaks the schema left out (an item keeps its place: a
    problem names the item where its file has it). A field error beside them (a rating of 150)
    then hides none of them. A title one of whose seasons has no number that is one cannot be
    judged (a credit's seasons may name it): each extension of it goes to the second set,
    (file, "shows[slug]"), as an entry not checked until its errors are fixed."""
    extended = {
        entry["slug"]
        for _, document in documents
        for entry in _listed(document.get("shows"))
        if is_extension(entry) and isinstance(entry.get("slug"), str)
    }
    if not extended:
        return [], set()
    sound = [
        (
            name,
            {
                "shows": [
                    _as_sound(entry)
                    for entry in _listed(document.get("shows"))
                    if isinstance(entry, dict) and entry.get("slug") in extended
                ]
            },
        )
        for name, document in documents
    ]
    store = _merge(sound, [])[0]["shows"]
    found: list[Problem] = []
    unjudged: set[tuple[str, str]] = set()
    for slug, parts in store.parts.items():
        base, entry = store.entries[slug]
        if any("number" not in season for season in _entries(entry, "seasons")):
            unjudged.update(
                (file, f"shows[{slug}]")
                for origin in parts.values()
                for file, _ in origin
                if file != base
            )
            continue
        for problem in _extended_problems(
            slug, entry, store, lambda _, key, name, index: _place(store, key, name, index)
        ):
            if problem.file != base and _WITH_THE_TITLE.match(problem.location):
                found.append(problem)
    return found, unjudged


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_sound(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A title's entry with each field that breaks its schema left out, and each item of its
    seasons, cast, figures and facts likewise (an item that is no table kept as an empty one,
    so that every other keeps its place)."""
    spec = NETFLIX_ONLY_SHOW if entry.get("netflix_only") is True else SHOW
    checkers = _checkers(spec)
    sound: dict[str, Any] = {
        key: value
        for key, value in entry.items()
        if key == "slug" or (key in spec and checkers[key](value) is None)
    }
    for table, item_spec in SHOW_TABLES.items():
        items = entry.get(table)
        if not isinstance(items, list):
            continue
        item_checkers = _checkers(item_spec)
        sound[table] = [
            {k: v for k, v in item.items() if k in item_spec and item_checkers[k](v) is None}
            if isinstance(item, dict)
            else {}
            for item in items
        ]
    return sound


def _repeats_overriding(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
) -> list[tuple[str, Mapping[str, Any]]]:
    """``documents`` with each entry whose id an earlier file defines, given without override,
    marked as an override: so a build reads the entry's references rather than dropping it."""
    defined: dict[str, set[Any]] = {table: set() for table in TOP_LEVEL if table != "stats"}
    marked: list[tuple[str, Mapping[str, Any]]] = []
    for name, document in documents:
        tables: dict[str, Any] = dict(document)
        for table, seen in defined.items():
            entries = document.get(table)
            if not isinstance(entries, list):
                continue
            id_key = TOP_LEVEL[table][0]
            rows = []
            for entry in entries:
                identity = entry.get(id_key)
                if identity in seen and not entry.get("override") and not is_extension(entry):
                    entry = {**entry, "override": True}
                seen.add(identity)
                rows.append(entry)
            tables[table] = rows
        marked.append((name, tables))
    return marked


#: The kind of reference (an Unknown's kind) that names each table's entries.
_KINDS: Mapping[str, ReferenceKind] = {
    "citations": "citation",
    "people": "person",
    "source_works": "source work",
    "shows": "show",
}


def _salvage_document(
    name: str,
    document: Mapping[str, Any],
    unchecked: set[tuple[str, str]],
    idless: set[str],
    written: dict[tuple[str, str], _Written] | None = None,
) -> dict[str, list[Mapping[str, Any]]]:
    """The entries of ``document`` as far as they can be built (``_salvage``), each id once (a
    second entry of an id in the same file is a problem of its own). Each entry not checked
    whole goes to ``unchecked``; the table of one left out for want of an id to ``idless``;
    where each entry's items are in the file, by (file, "shows[slug]"), to ``written``, with
    (file, "stats") for the places of the top-level figures kept."""
    written = written if written is not None else {}
    kept: dict[str, list[Mapping[str, Any]]] = {}
    for table, (id_key, spec) in TOP_LEVEL.items():
        entries = document.get(table)
        if not isinstance(entries, list):
            continue
        rows: list[Mapping[str, Any]] = []
        kept[table] = rows
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            used = spec
            if table == "shows" and isinstance(entry, dict) and entry.get("netflix_only") is True:
                used = NETFLIX_ONLY_SHOW
            items = _Written()
            row, whole = _salvage(entry, used, table == "shows", items)
            identity = row.get(id_key) if row is not None else None
            label = identity if table != "stats" else index
            if row is None or (table != "stats" and identity in seen):
                if _refers(used, id_key):  # a citation refers to nothing
                    unchecked.add((name, f"{table}[{index}]"))
                if row is None and table != "stats":
                    idless.add(table)
                continue
            seen.add(str(identity))
            rows.append(row)
            if table == "stats":
                written.setdefault((name, "stats"), _Written()).places.setdefault(
                    "stats", []
                ).append(index)
            else:
                written[(name, f"{table}[{label}]")] = items
            if not whole:
                unchecked.add((name, f"{table}[{label}]"))
    return kept


def _refers(spec: Mapping[str, Field], id_key: str) -> bool:
    """Whether entries of ``spec`` refer to other entries (a title to people and citations)."""
    return any(f.kind in ("ids", "slug") for key, f in spec.items() if key != id_key)


@dataclass
class _Written:
    """Where the items of a salvaged entry are in its file: a title's seasons, cast, figures
    and facts that lack what they are (a credit's person) are left out, so the places of those
    after them differ; and the fields stood in for (a season's number), of which nothing said
    is reported."""

    #: For each list of items, the place in the file of each item kept.
    places: dict[str, list[int]] = field(default_factory=dict)
    #: "number" or "seasons[2].number": each field stood in for, where the file has it.
    stood_in: set[str] = field(default_factory=set)


def _salvage(
    entry: Any, spec: Mapping[str, Field], show: bool = False, written: _Written | None = None
) -> tuple[Mapping[str, Any] | None, bool]:
    """``entry`` with what breaks ``spec`` left out and stood in for (_STAND_IN), and whether
    every reference in it is kept; None when it lacks what it is or refers to (an id, a
    credit's person, a figure's title). ``written`` receives where its items are in the file,
    and what was stood in for."""
    written = written if written is not None else _Written()
    if type(entry) is not dict:
        return None, False
    nested: Mapping[str, Any] = SHOW_TABLES if show else {}
    if _table_ok(entry, spec, nested):
        if not show:
            return entry, True
        row: dict[str, Any] = dict(entry)
        whole = True
    else:
        checkers = _checkers(spec)
        row = {k: v for k, v in entry.items() if k in spec and checkers[k](v) is None}
        whole = all(k in row for k in entry if k in spec and spec[k].kind in ("ids", "slug"))
        # override = "true" is read as meant, so the entry is not also told it is defined
        # already (its own error says to drop the quotes)
        row.update((k, True) for k in _SWITCHES if k in entry and k not in row and _on(entry[k]))
        required = _required(spec)
        if is_extension(row):  # it gives its id and lists only: nothing else is stood in
            required = tuple(key for key in required if spec[key].kind == "slug")
        for key in required:
            if key in row:
                continue
            field = spec[key]
            if field.kind == "slug":
                # a credit's person given as no id ('Lee Jung-jae') is a reference said wrong,
                # reported as such: unchecked only if the credit refers to more (its sources)
                refs = {k for k in entry if k in spec and spec[k].kind in ("ids", "slug")}
                others = bool(refs - {key})
                return None, isinstance(entry.get(key), str) and not others and not show
            row[key] = field.choices[0] if field.choices else _STAND_IN[field.kind]
            written.stood_in.add(key)
    for table, sub in nested.items():
        if table not in entry:
            continue
        items = entry[table]
        rows = []
        places = written.places.setdefault(table, [])
        for position, item in enumerate(items if isinstance(items, list) else ()):
            inner = _Written()
            salvaged, kept = _salvage(item, sub, written=inner)
            whole = whole and kept
            if salvaged is not None:
                rows.append(salvaged)
                places.append(position)
                written.stood_in.update(f"{table}[{position}].{key}" for key in inner.stood_in)
        whole = whole and isinstance(items, list)
        row[table] = rows
    if nested:
        # its keys in the file's order, the stand-ins after: what is said of the entry as
        # salvaged ("not facts or cast") is then said as of the entry read whole, and one
        # problem found by both is reported once (review33 #2)
        row = {**{k: row[k] for k in entry if k in row}, **row}
    return row, whole


def _link_both_ways(shows: dict[str, Show]) -> None:
    """``related`` is a link both ways (a sequel, a prequel, a spin-off): each title lists the
    titles that list it, after its own. ``companion_of`` (Netflix's making-of of a show) is seen
    from the other side as ``companions``. A file can so link its titles to a title of another
    file it cannot edit (the generated netflix.toml to a curated entry)."""
    linked: dict[str, dict[str, None]] = {}
    companions: dict[str, list[str]] = {}
    for slug, show in shows.items():
        for other in show.related:
            if other in shows and other != slug and slug not in shows[other].related:
                linked.setdefault(other, {})[slug] = None
        if show.companion_of in shows and show.companion_of != slug:
            companions.setdefault(show.companion_of, []).append(slug)
    for slug, others in linked.items():
        shows[slug] = shows[slug]._replace(related=shows[slug].related + tuple(others))
    for slug, records in companions.items():
        shows[slug] = shows[slug]._replace(companions=tuple(records))


def _works_based_in_a_circle(
    works: Mapping[str, SourceWork], files: Mapping[str, tuple[str, Any]]
) -> Iterator[Problem]:
    """One problem for each circle of ``based_on`` (a based on b, b based on a), at the first
    of its works by id: no work can adapt one that adapts it, and a title reaching either
    would reach the other without end. A work based on itself is its own problem."""
    done: set[str] = set()
    for start in sorted(works):
        trail: list[str] = []
        at: str | None = start
        while at is not None and at in works and at not in done and at not in trail:
            trail.append(at)
            at = works[at].based_on
        done.update(trail)
        if at is None or at not in trail or works[at].based_on == at:
            continue
        circle = trail[trail.index(at) :]
        first = min(circle)
        turn = circle.index(first)
        circle = circle[turn:] + circle[:turn]
        said = " -> ".join([*circle, first])
        message = f"based on each other in a circle ({said}): a work cannot adapt its adaptation"
        yield Problem(files[first][0], f"source_works[{first}].based_on", message)


def _link_adaptations(works: dict[str, SourceWork]) -> None:
    """``based_on`` seen from the other side: each work lists the works based on it, in
    dataset order, as ``adaptations`` (Dataset.works_of follows them)."""
    based: dict[str, list[str]] = {}
    for key, work in works.items():
        if work.based_on in works and work.based_on != key:
            based.setdefault(work.based_on, []).append(key)
    for key, others in based.items():
        works[key] = works[key]._replace(adaptations=tuple(others))


def _repeated(repeats: Sequence[tuple[str, str, str]]) -> tuple[str, ...]:
    """One line per file that repeats entries of an earlier one exactly (a layer copied into
    the personal dataset): each is loaded once, but a change to either copy makes it a second
    definition of the entry, which needs override = true."""
    by_files: dict[tuple[str, str], list[str]] = {}
    for file, earlier, entry in repeats:
        by_files.setdefault((file, earlier), []).append(entry)
    lines = []
    for (file, earlier), entries in by_files.items():
        listed = first_few(entries)
        many = len(entries) > 1
        lines.append(
            f"{file}: {listed} {'are' if many else 'is'} the same as in {_file_label(earlier)},"
            " loaded once;"
            f" a change to either copy makes {'them' if many else 'it'} defined twice (give the"
            " later one override = true, or remove one copy)"
        )
    return tuple(lines)


def _seasons_left_out(
    slug: str, by_season: Mapping[int, list[str]], file: str, earlier: str
) -> Problem:
    """One problem, in the overriding file, for the figures of other files (Netflix's, in the
    generated netflix.toml) whose seasons the override of ``slug`` left out: the figures are
    right, the override is missing seasons."""
    numbers = sorted(by_season)
    files = list(dict.fromkeys(f for n in numbers for f in by_season[n]))
    count = sum(len(by_season[n]) for n in numbers)
    seasons = ", ".join(map(str, numbers))
    word = "season" if len(numbers) == 1 else "seasons"
    return Problem(
        file,
        f"shows[{slug}].seasons",
        f"this override has no {word} {seasons}, but {count:,} figure"
        f"{'' if count == 1 else 's'} in {', '.join(_file_label(f) for f in files)} "
        f"{'is' if count == 1 else 'are'} for {slug} {word} {seasons}: keep {word} {seasons} "
        f"in the override (copy its [[shows.seasons]] from {_file_label(earlier)}; "
        f"{command_line('data path')} prints where it is)",
    )


def _missing(name: str, where: str, ids: list[str], pool: Mapping[str, Any]) -> list[Problem]:
    return [unknown(name, where, "citation", identity) for identity in ids if identity not in pool]


def unknown(name: str, where: str, kind: ReferenceKind, identity: str) -> Problem:
    """The problem of a reference to an entry no file defines, saying which (``unknown``)."""
    return Problem(name, where, f"unknown {kind} {identity!r}", Unknown(kind, identity))


def _same_name_people(
    people: Mapping[str, Person],
    files: Mapping[str, tuple[str, Any]],
    order: Mapping[str, int],
) -> Iterator[Problem]:
    """People who share a name are told apart by notes: of two in one file, each needs a note;
    of two in different files, the one in the later file does (a layer adds a third Kim Si-eun
    with a note of its own, and cannot edit the file below it). So every two people who share
    a name have a note between them, and it is asked for in the file that made them two."""
    for person, same_file, earlier in _namesakes(
        people, {k: f for k, (f, _) in files.items()}, order
    ):
        file = files[person.id][0]
        if same_file:
            yield Problem(
                file,
                f"people[{person.id}].note",
                f"shares the name {person.name!r} with {', '.join(same_file)}; add a note "
                "to tell them apart",
            )
        else:
            others = ", ".join(f"{p.id} of {_file_label(files[p.id][0])}" for p in earlier)
            yield Problem(
                file,
                f"people[{person.id}].note",
                f"shares the name {person.name!r} with {others}; tell them apart: add "
                f'note = "…" to people[{person.id}] in this file, saying who this is (a '
                "best-known title or role)",
            )


def _namesakes(
    people: Mapping[str, Person], files: Mapping[str, str], order: Mapping[str, int]
) -> Iterator[tuple[Person, list[str], list[Person]]]:
    """Each person the namesake rule (_same_name_people) stops: one with no note who shares a
    name with others of their own file (their ids) or of earlier files (those people)."""
    by_name: dict[str, list[Person]] = {}
    for person in people.values():
        by_name.setdefault(person.name.casefold(), []).append(person)
    for group in by_name.values():
        if len(group) < 2:
            continue
        for person in group:
            if person.note:
                continue
            file = files[person.id]
            same_file = [p.id for p in group if p is not person and files[p.id] == file]
            earlier = [p for p in group if order[files[p.id]] < order[file] and files[p.id] != file]
            if same_file or earlier:
                yield person, same_file, earlier


def namesakes_over(layer: Mapping[str, Person], below: Iterable[Person]) -> tuple[str, ...]:
    """The ids of ``layer``'s people that loading it over ``below`` (a layer over the dataset
    in use, which defines none of them) stops for sharing a name: the loader's own rule, asked
    without loading, so that `data check LAYER` refuses what --add-data LAYER will."""
    people = {person.id: person for person in below}
    files = dict.fromkeys(people, "below")
    people.update(layer)
    files.update(dict.fromkeys(layer, "layer"))
    found = _namesakes(people, files, {"below": 0, "layer": 1})
    return tuple(person.id for person, _, _ in found if files[person.id] == "layer")


@functools.lru_cache(maxsize=256)  # asked once per override: a layer may have thousands
def _file_label(name: str) -> str:
    """A dataset file as a message about another file names it: the shipped dataset by that
    name (its path is inside the installed package, where nobody edits it)."""
    import os

    from kdrama_cli.catalogue.locations import packaged_dataset

    shipped = packaged_dataset()
    if shipped is not None and os.path.dirname(name) == os.path.dirname(shipped):
        return f"the shipped {os.path.basename(name)}"
    return name


def _unknown_table(where: str, key: object, value: object, tables: Iterable[str]) -> str | None:
    """What to do about a table an entry (``where``: ``shows[x]``) does not have, written under
    a header close to one it has ([[shows.season]] for [[shows.seasons]]): the header is what
    to rename, not a key, and each of ``tables`` is an array of tables ([[…]]). None for a key
    that holds no table, or no table close to it."""
    import difflib

    is_list = isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    if not (is_list or isinstance(value, dict)) or not isinstance(key, str):
        return None
    close = difflib.get_close_matches(key, list(tables), n=1, cutoff=0.75)
    if not close:
        return None
    parent = where.split("[", 1)[0]
    opening, closing = ("[[", "]]") if is_list else ("[", "]")
    return (
        f"unknown table: the header {opening}{parent}.{shortened(key, 40)}{closing} should read"
        f" [[{parent}.{close[0]}]]"
    )


# --- names typed where ids go ----------------------------------------------------------------

#: A problem's location at a field of an entry or of one of a title's credits.
_AT_FIELD = re.compile(r"^(\w+)\[([^\]]*)\](?:\.(\w+)\[(\d+)\])?\.(\w+)$")
#: The place of a list's item a problem is about ("its 2nd item: ").
_ITEM = re.compile(r"^its (\d+)\w\w item: ")


def named_references(
    problems: Sequence[Problem], documents: Sequence[tuple[str, Mapping[str, Any]]]
) -> list[Problem]:
    """``problems`` with each person's name typed where their id goes ('Lee Jung-jae',
    '이정재', 'lee_jung_jae') said with the id, when a file of the load has that person: "'Lee
    Jung-jae' is a name; the id of Lee Jung-jae (이정재) is lee-jung-jae". The schema's own check
    sees one file at a time, so the names are looked up here, over every file of the load."""
    people: dict[str, tuple[str, str, str | None]] | None = None
    titles: dict[str, tuple[str, str]] | None = None
    parsed = dict(documents)
    result = []
    for problem in problems:
        document = parsed.get(problem.file)
        typed = _typed_reference(problem, document)
        if typed is None:
            named_title = _typed_reference(problem, document, "show")
            if named_title is not None:  # show = "My Show" for my-show (walk39 #8)
                titles = _titles_by_name(documents) if titles is None else titles
                problem = _with_slug(problem, named_title, titles)
            result.append(problem)
            continue
        if people is None:
            people = _people_by_name(documents)
        found = people.get(normalize(typed)) or people.get(as_id(typed) or "")
        if found is None:
            result.append(problem)
            continue
        identity, name, hangul = found
        item = _ITEM.match(problem.message)
        named = f"{name} ({hangul})" if hangul else name
        if identity == typed and (written := as_id(typed, syllables=True)) is not None:
            # the person's own id is the value refused ('윤다온'): both are fixed (walk35 #8)
            message = (
                f"{item.group() if item else ''}{typed!r} is not an id, and neither is"
                f" {named}'s own, which it repeats: write both as {written!r}"
            )
            result.append(problem._replace(message=message))
            continue
        if not SLUG_RE.match(identity):
            result.append(problem)  # no id to give
            continue
        said = f"{typed!r} is {'a name' if typed != identity.replace('-', '_') else 'not an id'}"
        message = f"{item.group() if item else ''}{said}; the id of {named} is {identity}"
        result.append(problem._replace(message=message))
    return result


def _with_slug(problem: Problem, typed: str, titles: Mapping[str, tuple[str, str]]) -> Problem:
    """``problem`` about a title's name typed where its slug goes, said with the slug when a
    file of the load has that title (_titles_by_name): "'My Show' is a name; the slug of My
    Show is my-show"."""
    found = titles.get(normalize(typed))
    if found is None:
        return problem
    slug, title = found
    item = _ITEM.match(problem.message)
    said = f"{typed!r} is a name; the slug of {title} is {slug}"
    return problem._replace(message=f"{item.group() if item else ''}{said}")


def about_a_reference(problem: Problem, refers: ReferenceKind = "person") -> bool:
    """Whether a problem is about a field that names people by id (a credit's person, a
    title's directors, a work's writers), or entries of another kind by ``refers``:
    named_references may tell the id meant."""
    at = _AT_FIELD.match(problem.location)
    if at is None:
        return False
    table, _, sub, _, key = at.groups()
    spec = TOP_LEVEL.get(table, ("", {}))[1]
    if sub is not None:
        spec = SHOW_TABLES.get(sub, {}) if table == "shows" else {}
    field = spec.get(key)
    return field is not None and field.refers == refers


def people_as_document(people: Iterable[Person]) -> Mapping[str, Any]:
    """People of a dataset as a file would give them, for named_references to look names up
    in a dataset beside the files checked (the dataset in use, when a file is checked alone)."""
    return {
        "people": [
            {"id": p.id, "name": p.name, "hangul": p.hangul, "aliases": list(p.aliases)}
            for p in people
        ]
    }


def _typed_reference(
    problem: Problem, document: Mapping[str, Any] | None, refers: ReferenceKind = "person"
) -> str | None:
    """The value a problem about a person field (a credit's person, a director; or, by
    ``refers``, a field of another kind: a figure's show) finds malformed as an id, when that
    is what it is about."""
    at = _AT_FIELD.match(problem.location)
    if document is None or at is None or not about_a_reference(problem, refers):
        return None
    table, label, sub, position, key = at.groups()
    entry = _entry_at(document.get(table), TOP_LEVEL[table][0], label)
    if sub is not None:
        rows = entry.get(sub) if isinstance(entry, dict) else None
        index = int(position)
        entry = rows[index] if isinstance(rows, list) and index < len(rows) else None
    value = entry.get(key) if isinstance(entry, dict) else None
    if isinstance(value, list):
        item = _ITEM.match(problem.message)
        place = int(item.group(1)) - 1 if item else len(value)
        value = value[place] if place < len(value) else None
    return value if isinstance(value, str) and not SLUG_RE.match(value) else None


def _entry_at(rows: Any, id_key: str, label: str) -> Any:
    """The entry of a table that a location's label names: by id, else by position."""
    if not isinstance(rows, list):
        return None
    for row in rows:
        if isinstance(row, dict) and row.get(id_key) == label:
            return row
    return rows[int(label)] if label.isdigit() and int(label) < len(rows) else None


def _titles_by_name(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
) -> dict[str, tuple[str, str]]:
    """Every title of the load's files by its names folded (title, Korean title, aliases):
    (slug, title). A name two titles share names neither."""
    found = _entries_by_name(documents, "shows", "slug", "title", ("korean_title",))
    return {key: (row["slug"], row["title"]) for key, row in found.items()}


def _people_by_name(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
) -> dict[str, tuple[str, str, str | None]]:
    """Every person of the load's files by each of their names folded (name, Hangul name,
    aliases) and by id: (id, name, Hangul name). A name two people share names neither."""
    found = _entries_by_name(documents, "people", "id", "name", ("hangul",), by_id=True)
    return {
        key: (row["id"], row["name"], _text_or_none(row.get("hangul")))
        for key, row in found.items()
    }


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _entries_by_name(
    documents: Sequence[tuple[str, Mapping[str, Any]]],
    table: str,
    id_key: str,
    name_key: str,
    other_names: tuple[str, ...],
    by_id: bool = False,
) -> dict[str, Mapping[str, Any]]:
    """Every entry of ``table`` in the load's files (with a text ``id_key`` and ``name_key``)
    by each of its names folded (``name_key``, ``other_names``, aliases), and with ``by_id``
    by its id as written: a name two entries share names neither."""
    found: dict[str, Mapping[str, Any]] = {}
    shared: set[str] = set()
    for _, document in documents:
        rows = document.get(table)
        for row in rows if isinstance(rows, list) else ():
            if not isinstance(row, dict):
                continue
            identity = row.get(id_key)
            if not isinstance(identity, str) or not isinstance(row.get(name_key), str):
                continue
            aliases = row.get("aliases")
            names = [
                *(row.get(key) for key in (name_key, *other_names)),
                *(aliases if isinstance(aliases, list) else ()),
            ]
            for key in {normalize(n) for n in names if isinstance(n, str)} - {""}:
                if found.get(key, row)[id_key] != identity:
                    shared.add(key)
                found[key] = row
            if by_id:
                found[identity] = row
    return {key: row for key, row in found.items() if key not in shared}

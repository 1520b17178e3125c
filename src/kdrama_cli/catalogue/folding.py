"""Folding text for comparison: how names, titles and queries are matched and sorted.

ASCII text is folded without unicodedata, which is imported for the first text that needs it:
NFKC leaves ASCII as it is and casefold() is lower() there, and a run asked in ASCII (most
--json answers) then never loads its tables.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence


def normalize(text: str) -> str:
    """Fold case, width and punctuation so that 'all of us are dead' finds 'All of Us Are Dead'."""
    folded = text.lower() if text.isascii() else _nfkc(text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@functools.cache
def _and_word() -> re.Pattern[str]:
    """ "and" between two words, which a name may write "&" ("Sweet & Sour"); compiled for the
    first text that has one, not by every command at import."""
    return re.compile(r"(?<=\w)\s+and\s+(?=\w)", re.IGNORECASE)


def and_spellings(text: str) -> list[str]:
    """The other keys a text stands for with "and" and "&" written for each other: 'sweet and
    sour' is also 'sweetsour', the key of 'Sweet & Sour' (whose "&" folds away as punctuation),
    and 'b&b' also 'bandb'. A full-width "＆" (as a Korean keyboard gives it) is an "&". Every
    "and" is swapped, or none. Empty when the text has neither, or folds to the same key."""
    if not text.isascii():
        text = _nfkc(text)
    if "&" not in text and "and" not in text.lower():
        return []
    keys = []
    if "&" in text:
        keys.append(normalize(text.replace("&", " and ")))
    swapped = _and_word().sub(" & ", text)
    if swapped != text:
        keys.append(normalize(swapped))
    key = normalize(text)
    return [other for other in dict.fromkeys(keys) if other and other != key]


def _nfkc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text)


#: A run of letters and digits: re's word characters are exactly those str.isalnum() accepts,
#: and the underscore, left out here.
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of a text, each normalized ('The Front Man (Hwang In-ho)' -> the, front, man,
    hwang, in, ho)."""
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold() is lower() there
        return _WORD.findall(text.lower())
    return _WORD.findall(_nfkc(text).casefold())


def starts_a_word(name: str, key: str) -> bool:
    """Whether the folded ``key`` occurs in ``normalize(name)`` starting at one of its words:
    'glory' in 'The Glory', 'jae' in 'Lee Jung-jae', never 'egob' across 'th|e gob|lin'. Korean
    titles often run words together ('낭만닥터김사부'), so a key with Hangul may start anywhere.

    A key that starts inside a group of joined words ('ho' of 'Sang-ho') ends inside it: it
    does not run on over a space ('hoyeon' is no part of 'Sang-ho Yeon', though it is of 'Jung
    Ho-yeon', and 'jungho' of both). ``name`` may be a key written by ``spaced``."""
    if _hangul_key(key):
        return True
    parts = words(name)
    folded = "".join(parts)
    if key not in folded:  # a key not spelled by its name (a sound-alike): no words to go by
        return True
    start = 0
    groups: list[tuple[int, int]] | None = None
    for index, word in enumerate(parts):  # called for every partial candidate: one scan
        if word[0] == key[0] and folded.startswith(key, start):
            groups = groups or word_groups(name, len(parts))
            first, last = groups[index]
            if index == first or start + len(key) <= sum(map(len, parts[:last])):
                return True
        start += len(word)
    return False


def ends_one_into_a_word(name: str, key: str) -> bool:
    """Whether the folded ``key``, where it begins a word of ``name`` (as ``starts_a_word``
    reads it), ends only with the first letter of a further word: 'kingdoms' in 'Dream kingdom
    Sofy&Ruby' is 'kingdom' and the 's' of 'Sofy'. False where the key ends with a word of the
    name anywhere it begins one ('sweet homes' in 'Our Sweet Homes', 'janes' in "Jane's
    Summer"), where it ends inside a word otherwise, and where the name does not spell it."""
    parts = words(name)
    folded = "".join(parts)
    if _hangul_key(key) or key not in folded:
        return False
    bounds = list(itertools.accumulate(map(len, parts), initial=0))
    starts = set(bounds[:-1])
    groups = word_groups(name, len(parts))
    ran_on = False
    for index, start in enumerate(bounds[:-1]):
        if not folded.startswith(key, start):
            continue
        end = start + len(key)
        first, last = groups[index]
        if index != first and end > bounds[last]:
            continue  # no part of the name (starts_a_word): it runs on out of a joined group
        if end in bounds:
            return False
        if end - 1 not in starts:
            return False
        ran_on = True
    return ran_on


def word_groups(name: str, count: int) -> list[tuple[int, int]]:
    """For each of the ``count`` words of ``name`` (as ``words`` finds them), the first word
    of the group it is joined in and the one after its last: words are joined by anything but
    a space ('Sang-ho', 'D.P.'). Every word its own group where the counts disagree."""
    groups: list[tuple[int, int]] = []
    for chunk in name.split():
        size = len(words(chunk))
        groups += [(len(groups), len(groups) + size)] * size
    if len(groups) != count:
        return [(index, index + 1) for index in range(count)]
    return groups


def long_enough_for_part(key: str) -> bool:
    """Whether a folded key may match part of a name: 3 characters, so a letter or two never
    matches half the catalogue, or 2 in Hangul, where one syllable holds two or three letters
    and most words are two syllables ('학교', '닥터', '게임')."""
    return len(key) >= (2 if _is_hangul(key) else 3)


def spaced(names: Iterable[str]) -> str:
    """One key written with a space wherever a word of any of its names begins after a space,
    and a hyphen where one begins joined to the word before ('Start-Up' and 'Startup' ->
    'start-up'; 'Sang-ho Yeon' -> 'sang-ho yeon'): what ``starts_a_word`` needs of a name,
    kept beside bare keys."""
    key, starts, spaces = "", set(), set()
    for name in names:
        folded = ""
        for chunk in name.split():
            spaces.add(len(folded))
            for word in words(chunk):
                starts.add(len(folded))
                folded += word
        key = key or folded
    bounds = sorted(starts)
    if not bounds:
        return key
    pieces = [key[a:b] for a, b in zip(bounds, [*bounds[1:], None], strict=True)]
    marks = [" " if bound in spaces else "-" for bound in bounds[1:]]
    return pieces[0] + "".join(mark + piece for mark, piece in zip(marks, pieces[1:], strict=True))


@functools.lru_cache(maxsize=64)
def _hangul_key(key: str) -> bool:
    """_is_hangul for a query key, asked once per candidate name with the same key."""
    return _is_hangul(key)


def _is_hangul(word: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in word)


#: Hangul: the jamo, the compatibility jamo (ㄱ, ㅏ) and the syllables.
_HANGUL = "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]"


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable or letter (jamo): the one test of it, for the
    schema's Korean names, the names file's Hangul part and the lookup's sound keys."""
    if text.isascii():
        return False
    return _hangul_pattern().search(text) is not None


@functools.cache
def _hangul_pattern() -> re.Pattern[str]:
    """The pattern of _HANGUL, compiled when first needed: its ranges of some 11,000
    characters take re a millisecond or two to compile, which every command importing this
    module paid, though most never ask (show --json, list --json)."""
    return re.compile(_HANGUL)


def matches_words(query: str, name: str) -> bool:
    """True when the query's words match the name's words in a row, never joining two words of
    the name to make one of the query's ('manhwa' is not in 'Front Man (Hwang In-ho)').

    Every query word must match from the start of a name word. A query word may cover several
    whole name words ('squidgame' for 'Squid Game'), over a space only from the first of
    words joined otherwise ('hoyeon' is not in 'Sang-ho Yeon': starts_a_word); only the last
    may stop part-way through one ('squid ga' while typing). Hangul is matched inside a word
    too: Korean compounds are written as one word ('영우' in '우영우')."""
    asked = words(query)
    have = words(name)
    if not asked or not have:
        return False
    groups = word_groups(name, len(have))
    for start in range(len(have)):
        offsets = range(len(have[start])) if _is_hangul(asked[0]) else (0,)
        for offset in offsets:
            if _match_from(asked, have, start, offset, groups):
                return True
    return False


def matches_words_skipping(query: str, name: str) -> bool:
    """True when the query's two or more words are words of the name, in the name's order,
    with other words of the name between them: 'detectives trade secret' for 'Detectives: The
    Trade Secret', 'kingdom north' for 'Kingdom: Ashin of the North'. Each word but the last is
    a whole word of the name (Hangul too: '나 의' is no title's); the last may be the start of
    one, as while typing ('kingdom nor')."""
    asked = words(query)
    have = words(name)
    if len(asked) < 2:
        return False
    index = 0
    for number, query_word in enumerate(asked):
        last = number == len(asked) - 1
        while index < len(have):
            word = have[index]
            index += 1
            if word == query_word or (last and word.startswith(query_word)):
                break
        else:
            return False
    return True


def _match_from(
    asked: list[str],
    have: list[str],
    index: int,
    offset: int,
    groups: Sequence[tuple[int, int]],
) -> bool:
    for number, query_word in enumerate(asked):
        last = number == len(asked) - 1
        rest = query_word
        if index >= len(have):
            return False
        word = have[index][offset:]
        if rest == word:
            index, offset = index + 1, 0
            continue
        if word.startswith(rest):
            return last  # only the last word may stop part-way through a name word
        # The query word runs on into the next name words: it must cover them whole, and
        # from inside joined words ('ho' of 'Sang-ho') it may not run on over a space.
        first, after = groups[index]
        end = after if index != first and not _is_hangul(query_word) else len(have)
        while rest.startswith(word) and word:
            rest = rest[len(word) :]
            index, offset = index + 1, 0
            if not rest:
                break
            if index >= end:
                return False
            word = have[index]
        if rest:
            return False
    return True

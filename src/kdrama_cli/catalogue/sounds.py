"""Matching Korean names however they are romanised, ordered or typed.

Korean names reach English in many spellings: 정 is Jeong, Jung or Chung; 현 is Hyeon or Hyun;
이 is Lee, Yi or Rhee; 혜교 is Hye-kyo, Hyekyo or Hye Kyo. Rather than listing every variant by
hand, both sides are folded to a *sound key* by rule: a name's Hangul through the Revised
Romanization (catalogue.romanize), and whatever the user typed, through the same folding. The
folding merges the letters that vary between romanisations:

- vowels: eo/o/u/oo/eu are one sound; yeo/yo/yu/you/yoo one; ae/e/ai one; yae/ye one;
  ee/i/yi/ui one; oe/oi/we/wae one; woo/wu is u;
- consonants: g/k/c/ck/kk, d/t/tt, b/p/pp/f, j/ch/jj/z, s/ss/sh/ssh (ajusshi), r/l are
  pairs; a doubled letter is one; an h closing a syllable (Ahn, Oh, Suh, Sohn) is silent;
- family names spelt by custom rather than by rule: Lee/Yi/Rhee/Ri, Park/Pak/Bahk, Roh/Noh,
  Lim/Im/Yim, Hur/Huh/Heo, Choi/Choe;
- word order: a person's name also matches given name first ("Hye-kyo Song").

The key is coarse on purpose: it finds a name typed any common way, at the price of sometimes
finding two (Song and Sung fold alike). Lookups try it only after exact names and parts of
names found nothing, and an answer found this way says so.

Hangul initial consonants (초성, 'ㅈㄱㅇㄹㅎㄱㄴ' for 지금 우리 학교는) are matched by their own
key (``initials``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from kdrama_cli.catalogue.romanize import is_hangul_syllable, romanize

__all__ = ["initials", "is_initials", "name_orders", "pieces_agree", "sound_key", "sound_keys"]

#: Family names whose usual spellings follow custom, not the letter rules.
_FAMILY = {
    **dict.fromkeys(("lee", "rhee", "yi", "ri", "rhie", "li"), "i"),
    **dict.fromkeys(("park", "pak", "bahk", "bak"), "pak"),
    **dict.fromkeys(("roh", "noh", "rho"), "no"),
    **dict.fromkeys(("lim", "yim", "rim"), "im"),
    **dict.fromkeys(("hur", "huh", "heo"), "heo"),
}

# Letter groups, longest first: each maps to one symbol of the key (capitals are vowel classes,
# so they never meet a consonant letter).
_GROUPS = {
    # vowels
    "woo": "O", "wu": "O",
    "yeo": "YO", "you": "YO", "yoo": "YO", "yo": "YO", "yu": "YO",
    "yae": "YE", "yea": "YE", "ye": "YE",
    "wae": "WE", "oe": "WE", "oi": "WE", "we": "WE",
    "weo": "WO", "wo": "WO",
    "wa": "WA", "wi": "WI", "ya": "YA",
    "eui": "I", "ui": "I", "yi": "I", "ee": "I", "i": "I",
    "eo": "O", "eu": "O", "oo": "O", "ou": "O", "o": "O", "u": "O",
    "ae": "E", "ai": "E", "e": "E", "a": "A",
    # consonants
    "ch": "j", "jj": "j", "j": "j",
    "ssh": "s", "sh": "s", "ss": "s", "s": "s",
    "kk": "k", "gg": "k", "ck": "k", "g": "k", "k": "k", "c": "k", "q": "k",
    "tt": "t", "dd": "t", "th": "t", "d": "t", "t": "t",
    "pp": "p", "bb": "p", "ph": "p", "b": "p", "p": "p", "f": "p", "v": "p",
    "r": "l", "l": "l", "z": "j",
}  # fmt: skip
_PATTERN = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)))
#: The finer key keeps o (ㅗ) apart from eo, u, eu and oo (ㅓ, ㅜ, ㅡ), which romanisations
#: swap freely (Jeong/Jung, Hyeon/Hyun, Seung/Sung) but rarely with o: Jung-jae is not Jong-jae.
_FINE = {
    **_GROUPS,
    "woo": "U", "wu": "U",
    "yeo": "YU", "you": "YU", "yoo": "YU", "yu": "YU", "yo": "YO",
    "eo": "U", "eu": "U", "oo": "U", "ou": "U", "u": "U", "o": "O",
}  # fmt: skip
_SILENT_H = re.compile(r"(?<=[AEIOUY])h(?![AEIOUYW])")
_VOWEL_START = frozenset("AEIOYW")


def _fold_latin(word: str, fine: bool = False) -> str:
    """One word or syllable of lower-case ASCII letters folded to its key."""
    groups = _FINE if fine else _GROUPS
    folded = _PATTERN.sub(lambda m: groups[m.group()], word)
    return _SILENT_H.sub("", folded)


def _pieces(text: str) -> list[str]:
    """The parts of a name to fold one by one: each Hangul syllable, and each word of Latin
    letters (split on spaces, hyphens and punctuation). Folding a syllable or a word at a time
    keeps the letters of two syllables from being read as one sound ('Jo Woo-jin': jo, woo,
    jin; 조우진: jo, u, jin)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    pieces: list[str] = []
    for word in re.split(r"[^\w]+|_", text):
        latin = ""
        for ch in word:
            if is_hangul_syllable(ch):
                if latin:
                    pieces.append(latin)
                    latin = ""
                pieces.append(romanize(ch))
            elif ch.isascii() and ch.isalpha():
                latin += ch
            elif ch.isalpha() and (plain := _plain_latin(ch)):
                latin += plain
            elif ch.isdigit():
                # Digits are kept, as themselves: 'Squid Game 2' is not 'Squid Game'.
                if latin:
                    pieces.append(latin)
                    latin = ""
                pieces.append(ch)
        if latin:
            pieces.append(latin)
    return pieces


#: McCune–Reischauer's vowels with a breve, as the Revised Romanization spells them: 'Chŏng
#: Ho-yŏn' is Jeong Ho-yeon, 'Ojingŏ' is Ojingeo (NFKC has already joined an o or u and a
#: combining breve, U+0306, into one letter; capitals are cased down before).
_BREVES = {"ŏ": "eo", "ŭ": "eu"}


def _plain_latin(ch: str) -> str:
    """A Latin letter other than plain ASCII as the ASCII letters it stands for here: MR's ŏ
    and ŭ (_BREVES), any other with its accents left off (é is e); empty for a letter of
    another script, which the sound key does not know."""
    if ch in _BREVES:
        return _BREVES[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalpha() else ""


#: Vowel pairs that are one sound in one name and the meeting of two syllables in another:
#: 'Hyeok' is 혁 (hyeok) or 혜옥 (hye-ok), 'Goeun' is 고은 (go-eun).
_SPLITTABLE = re.compile("(?<=[aeiou])(?=[aeiou])")


def sound_keys(text: str, fine: bool = False, limit: int = 8) -> list[str]:
    """The sound key of what a user typed, then (at most ``limit`` in all) the keys of its
    other readings where two vowels may belong to two syllables ('Hyeok Gim' may be 김혜옥).

    A word is split at one place at most, and the readings that split fewest words come
    first: every reading splitting one word is tried before any splitting two. Cut at the
    limit in the order the words come, the readings of a title of several words with vowel
    pairs kept only the splits of its first words: 'Seulgiroun Uisa Saenghwal' (슬기로운
    의사생활, the Revised Romanization) lost 'seulgiro-un', the one it needs."""
    pieces = _pieces(text)
    if not pieces:
        return []
    splits = [
        [m.start() for m in _SPLITTABLE.finditer(piece)] if piece.isalpha() else []
        for piece in pieces
    ]
    places = [(at, split) for at, found in enumerate(splits) for split in found]
    readings: list[list[str]] = []
    for count in range(len(pieces) + 1):
        for chosen in itertools.combinations(places, count):
            split_at = dict(chosen)
            if len(split_at) < count:
                continue  # two places in one word
            reading: list[str] = []
            for at, piece in enumerate(pieces):
                cut = split_at.get(at)
                reading += [piece] if cut is None else [piece[:cut], piece[cut:]]
            readings.append(reading)
            if len(readings) >= limit:
                return list(dict.fromkeys(_key(r, fine) for r in readings))
    return list(dict.fromkeys(_key(r, fine) for r in readings))


def sound_key(text: str, fine: bool = False) -> str:
    """The sound key of a name or title: '이정재', 'Lee Jung-jae' and 'Yi Jeong Jae' agree.

    ``fine`` keeps o apart from eo/u (see _FINE). The first word may be a family name spelt by
    custom (Lee, Park, Roh...). Empty when the text has no letters this folding knows (then it
    matches nothing)."""
    pieces = _pieces(text)
    return _key(pieces, fine) if pieces else ""


def _key(pieces: list[str], fine: bool) -> str:
    pieces = [_FAMILY.get(pieces[0], pieces[0]), *pieces[1:]]
    # A closing y after a consonant is i (Suzy, Jiy).
    folded = "".join(_fold_latin(re.sub(r"(?<=[^aeiouy])y$", "i", p), fine) for p in pieces)
    # A doubled consonant (Hanna, Sulli) is one, also across syllables.
    return re.sub(r"([a-z])\1+", r"\1", folded)


def pieces_agree(typed: str, name: str) -> bool:
    """Whether a name found by its sound key also sounds alike syllable by syllable, where that
    can be told: when what was typed has as many parts as the name (words, or syllables of
    Hangul), each pair must fold alike. The key joins its parts, so 'park gong yoo' (pak, kon,
    yo) folded as 박은교, Park Eun-kyo (pak, on, kyo), does: one syllable's closing consonant
    read as the next one's opening. A name typed with fewer parts ('Hyekyo Song') is judged by
    the whole key alone."""
    ours, theirs = _pieces(typed), _pieces(name)
    if len(ours) != len(theirs):
        return True
    # the first part may be a family name spelt by custom (Lee, Park); no other is (rim, li)
    return _key(ours[:1], False) == _key(theirs[:1], False) and all(
        _key(["", a], False) == _key(["", b], False)
        for a, b in zip(ours[1:], theirs[1:], strict=True)
    )


def name_orders(text: str) -> list[str]:
    """The text as typed, and with its last word moved first (given name first, "Hye-kyo
    Song", becomes "Song Hye-kyo"), when it has more than one word."""
    words = text.split()
    orders = [text]
    if len(words) > 1:
        orders.append(" ".join([words[-1], *words[:-1]]))
    return orders


_JAMO_FIRST, _JAMO_LAST = 0x3131, 0x314E  # compatibility consonants ㄱ..ㅎ
# Initial consonants in syllable order, as compatibility jamo.
_INITIAL_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


#: The initial consonants as conjoining jamo (ᄀ..ᄒ), as some keyboards and pasted text give
#: them: normalize (NFKC) folds the compatibility ones into these, so both find the same keys.
_CHOSEONG_FIRST, _CHOSEONG_LAST = 0x1100, 0x1112


def is_initials(text: str) -> bool:
    """True when the text is Hangul initial consonants only (spaces allowed), like 'ㅈㄱ ㅇㄹ',
    as compatibility jamo (ㅈ, U+3148) or conjoining ones (ᄌ, U+110C)."""
    letters = [ord(ch) for ch in text if not ch.isspace()]
    return bool(letters) and all(
        _JAMO_FIRST <= at <= _JAMO_LAST or _CHOSEONG_FIRST <= at <= _CHOSEONG_LAST for at in letters
    )


def initials(text: str) -> str:
    """The initial consonant of every Hangul syllable ('지금 우리 학교는' -> 'ㅈㄱㅇㄹㅎㄱㄴ');
    empty when the text has no Hangul syllable."""
    out = []
    for ch in text:
        if is_hangul_syllable(ch):
            out.append(_INITIAL_JAMO[(ord(ch) - 0xAC00) // (21 * 28)])
    return "".join(out)


#: How alike (rapidfuzz's ratio, 0 to 100) the consonants of a Korean title and of the English
#: one must be for the Korean to be the English spelt in Hangul: Sweet Home's 스위트홈 is 100,
#: Physical: Asia's 피지컬: 아시아 73, while The Ugly's 얼굴 ("face") is 67 and Reply 1988's
#: 응답하라 1988 well under.
_SPELT_OUT = 70
#: The same for a run of the English title's words, set higher as a short run matches more by
#: chance: Mission: Cross's 크로스 ("Cross") is 100, while If Wishes Could Kill's 기리고 and
#: "Could Kill" are 75.
_SPELT_OUT_PART = 80
#: English digits as Korean spells them out (The 8 Show, 더 에이트 쇼).
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spelt_out(title: str, korean_title: str | None, whole: bool = False) -> bool:
    """Whether a title's Korean name is its English one (or part of it) written in Hangul
    (스위트홈, 킹덤; 크로스 for Mission: Cross; 미생 for Misaeng: Incomplete Life): the quiz does
    not ask it. Told by the consonants of their sound keys (sound_key), as Korean adds vowels
    the English lacks (스-위-트), comparing each part of the Korean title (split at a colon) with
    the whole English title and with each run of its words, each also as Korean hears it
    (_heard: Carter is 카터, Hierarchy 하이라키).

    ``whole``: only the whole Korean title against the whole English one (as written, or as
    Korean hears it): a page does not romanise such a title back ("Kingdeom" for 킹덤 reads as
    a typing error), while 무브 투 헤븐: 나는 유품정리사입니다 (Move to Heaven), spelt out only in
    part, keeps its romanisation, which says the rest."""

    def consonants(text: str) -> str:
        return "".join(c for c in sound_key(text) if c.islower())

    korean_title = korean_title or ""
    english = consonants(title)
    korean = consonants(korean_title)
    if korean and ratio(korean, english) >= _SPELT_OUT:
        return True
    if whole:
        return bool(korean) and ratio(korean, consonants(_heard(title))) >= _SPELT_OUT
    words = re.sub(r"[:,!?]", " ", title).split()
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    for part in (korean_title, *korean_title.split(":")):
        heard = consonants(part)
        if len(heard) < 2:
            continue
        for run in runs:
            for spelling in {consonants(run), consonants(_heard(run))}:
                whole = run == " ".join(words)
                if not whole and len(spelling) < 3:
                    continue  # "Kill" (k, l) is too short to tell
                bar = _SPELT_OUT if whole else _SPELT_OUT_PART
                if spelling and ratio(heard, spelling) >= bar:
                    return True
    return False


def ratio(first: str, second: str) -> float:
    """How alike two strings are, 0 to 100: rapidfuzz's ``fuzz.ratio`` (the share of both
    strings their longest common subsequence makes up), to the same float. spelt_out compares
    a title's few dozen consonants on every show page, and importing rapidfuzz for that took
    as long as importing click."""
    total = len(first) + len(second)
    if not total:
        return 100.0
    # The longest common subsequence, one row of the table at a time.
    above = [0] * (len(second) + 1)
    for letter in first:
        row = [0]
        for at, other in enumerate(second):
            row.append(above[at] + 1 if letter == other else max(above[at + 1], row[at]))
        above = row
    return 100 * (1 - (total - 2 * above[-1]) / total)


def _heard(english: str) -> str:
    """English as a Korean spelling hears it: no r before a consonant or at the end (Carter,
    카터), ph as p and ch as k, no gh or w after a vowel (eight, show), c before e, i or y as s,
    y between consonants as i (Sisyphus, 시지프스) and digits as words (The 8 Show, 더 에이트
    쇼)."""
    text = re.sub(r"\d", lambda m: f" {_DIGIT_WORDS[int(m[0])]} ", english.lower())
    text = re.sub(r"r(?![aeiouy])", "", text).replace("ph", "p").replace("ch", "k")
    text = re.sub(r"(?<=[aeiou])(gh|w)(?![aeiou])", "", text)
    text = re.sub(r"c(?=[eiy])", "s", text)
    return re.sub(r"(?<=[^aeiou\s])y(?=[^aeiou\s])", "i", text)

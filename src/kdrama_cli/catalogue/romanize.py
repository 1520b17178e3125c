"""Hangul to Latin letters by the Revised Romanization's letter rules, syllable by syllable.

Sound changes between syllables (assimilation, liaison) are not applied: the result is a key
or a slug that anyone can derive from the Hangul again, not a pronunciation guide.
"""

from __future__ import annotations

# Initial consonants, vowels and final consonants, in Unicode's order.
# fmt: off
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
             "k", "t", "p", "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
# fmt: on
_FIRST, _LAST = 0xAC00, 0xD7A3


def is_hangul_syllable(ch: str) -> bool:
    return _FIRST <= ord(ch) <= _LAST


def syllable(ch: str) -> str:
    """One precomposed Hangul syllable in Latin letters ('한' -> 'han')."""
    index = ord(ch) - _FIRST
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


def romanize(text: str, separator: str = "") -> str:
    """Every Hangul syllable romanised (joined by ``separator`` within a word); anything else
    kept as it is: '지금 우리 학교는' -> 'jigeum uri hakgyoneun'."""
    out: list[str] = []
    previous_hangul = False
    for ch in text:
        if is_hangul_syllable(ch):
            if previous_hangul and separator:
                out.append(separator)
            out.append(syllable(ch))
            previous_hangul = True
        else:
            out.append(ch)
            previous_hangul = False
    return "".join(out)

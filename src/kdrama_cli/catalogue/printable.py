"""Text made safe for a terminal: escape sequences, control characters, bidirectional overrides
and undecodable bytes removed or replaced.

In the catalogue because everything above prints dataset text, file names and keys: the views
on stdout, and error messages and warnings on stderr.
"""

from __future__ import annotations

import os
import re
from typing import Any

# C0 and C1 controls (but not tab/newline, handled separately) and DEL; with them, the Unicode
# bidirectional embeddings/overrides/isolates that can reorder what a terminal shows.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: The character a printed page puts for a space inside a command it suggests, while it is laid
#: out (views.pasteable): U+FDD0, a Unicode noncharacter, which the standard keeps for a
#: program's own use and never for text; clean() takes it out of the dataset's text, so that no
#: other comes out as a space.
PAGE_MARKER = "\ufdd0"
#: What a web address never holds as itself (RFC 3986; a browser percent-encodes it), besides
#: spaces and control characters: `data check` refuses an address holding one, and a page's
#: link percent-encodes it (a quote would end an --export-html page's href early).
NOT_IN_ADDRESS = '"<>\\^`{|}'
#: The bidirectional controls: embeddings, overrides and isolates, and the invisible marks
#: (LRM, RLM, ALM) that can reorder how a line shows (U+202E is the "Trojan Source" one).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_UNSAFE = f"[{_CONTROLS}{BIDI_CONTROLS}{PAGE_MARKER}]"
# An OSC string is removed with its terminator; one that never ends loses only its introducer
# (the text after it is kept, not swallowed: "\x1b]squid game" is "squid game").
_ESCAPE_SEQUENCE = (
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*(?:\x1b\\)?|.)"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*(?:\x07|\x9c)"
)


def clean(text: str, keep_newlines: bool = False) -> str:
    """Text from a dataset made safe for a terminal: escape sequences and controls removed."""
    if text.isprintable():
        # Every character either pattern removes is unprintable, so this C-speed check lets
        # ordinary text (nearly all of it) skip the regular expressions, and their compiling.
        return text
    # re caches compiled patterns: compiling on first use keeps imports cheap.
    text = re.sub(_ESCAPE_SEQUENCE, "", text)
    # Unicode's line and paragraph separators, and NEL, are line breaks too, which a terminal
    # would print as they are inside a table cell.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\t", " ")
    text = re.sub(_UNSAFE, "", text)
    # Lone surrogates (undecodable bytes in a file name or argument) cannot be written out.
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def dumb_terminal() -> bool:
    """Whether $TERM says the terminal moves no cursor (Emacs's M-x shell, some IDE consoles),
    as Rich reads it: such a terminal is not paged (views.console), since less only warns
    "terminal is not fully functional" and waits for RETURN before the page, and browse refuses
    it. Here, beside what a terminal is given to show, so that asking costs a replayed page
    (app) no import."""
    return os.environ.get("TERM", "").lower() in ("dumb", "unknown")


def at_a_terminal(stream: Any) -> bool:
    """Whether ``stream`` is a terminal: False for one that is None (a standard stream closed
    when kdrama started), closed, or no file at all (CliRunner's), rather than an error. Asked
    of stdout for a replayed page's key (store.pages) and of stderr before an interrupt's line
    (cli, launch), which begins on a line of its own after the terminal's ^C."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def has_control(text: str) -> bool:
    """Whether text holds a control character other than a tab or a line break: terminal codes,
    a bell, a carriage return (what `data check` warns about; clean removes them)."""
    return not text.isprintable() and re.search(f"[{_CONTROLS}]", text) is not None


def bidi_controls(text: str) -> list[str]:
    """The bidirectional controls in ``text`` (BIDI_CONTROLS), each once, in the order they come,
    named as Unicode names them: "U+202E RIGHT-TO-LEFT OVERRIDE" (what `data check` warns about;
    clean removes them, so pages and --csv show the text otherwise than --json)."""
    if text.isprintable():
        return []
    import unicodedata

    found = dict.fromkeys(re.findall(f"[{BIDI_CONTROLS}]", text))
    return [f"U+{ord(c):04X} {unicodedata.name(c, 'BIDIRECTIONAL CONTROL')}" for c in found]


#: The error handler an output stream that cannot encode some text uses: "replace" wrote one
#: "?" for a Hangul syllable, which a table measured as two cells wide, so every border and
#: column after a Korean title moved left; and "[13–25]" read "[13?25]".
FOLD_ERRORS = "kdrama-fold"

#: Punctuation the pages use, each as the ASCII character of the same width a reader takes
#: for it.
_ASCII_FOLDS = {
    "–": "-",
    "—": "-",
    "‐": "-",
    "−": "-",
    "·": ".",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "★": "*",
    "☆": "*",
    "†": "+",
    "‡": "#",
    "→": ">",
    "←": "<",
    "×": "x",
    "•": "*",
    "…": ".",
    "\u00a0": " ",
}


def fold_errors() -> str:
    """FOLD_ERRORS, registered with the codecs on first use."""
    import codecs

    try:
        codecs.lookup_error(FOLD_ERRORS)
    except LookupError:
        codecs.register_error(FOLD_ERRORS, _fold)
    return FOLD_ERRORS


def _fold(error: UnicodeError) -> tuple[str, int]:
    """What an encoding error writes for the characters it cannot encode: a fold from
    _ASCII_FOLDS, else "?" as many times as the character is wide (cells_of: two for a Hangul
    syllable, none for a combining mark or a decomposed syllable's vowel and final)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        out.append(_ASCII_FOLDS.get(char) or "?" * cells_of(char))
    return "".join(out), error.end


#: Characters a terminal draws in no cell of their own, as Rich counts them: a decomposed
#: Hangul syllable's vowel and final consonant (a layer saved in NFD by a macOS tool), the
#: Hangul fillers, and an emoji's skin tone.
#: A pattern, compiled on first use (re caches it): every run imports this module, and compiling
#: it took most of a millisecond.
_NO_CELL = "[\u1160-\u11ff\ud7b0-\ud7ff\u3164\uffa0\U0001f3fb-\U0001f3ff]"


def cells_of(char: str) -> int:
    """How many terminal cells one character takes, by the rule the tables are laid out by:
    none for a mark, a format character (a zero-width joiner, a variation selector's kin) or
    _NO_CELL; two for a wide one (a Hangul syllable); one otherwise. The '?'s an encoding
    error writes (_fold) and the lines stderr wraps (views.text.cell_width) count alike."""
    import unicodedata

    if unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf") and char != "\u00ad":
        return 0
    if re.match(_NO_CELL, char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1

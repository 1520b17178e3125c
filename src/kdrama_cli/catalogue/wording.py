"""Words as a sentence says them, for every layer that writes one: joined ('a, b and c'), the
first few of many ('a, b, c and 4 more'), counted ('1 title', '2 titles') and owning
("Squid Game's")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def joined(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def first_few(items: Sequence[str], few: int = 3) -> str:
    """'a, b, c and 4 more': the first ``few`` of ``items`` joined, and how many others; all
    of them, joined, when there are no more than ``few``."""
    more = len(items) - few
    return joined([*items[:few], *([f"{more:,} more"] if more > 0 else [])])


def whose(name: str) -> str:
    """A name as a sentence makes it own something: "Squid Game's", "Bloodhounds'", "Queen of
    Tears'" (the one rule, for every layer that writes a possessive)."""
    return name + ("'" if name.endswith("s") else "'s")


def shortened(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` - 1 characters and "…" when it is longer: a value
    echoed in a message (an unknown key, a --season typed) stays one readable line."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def slugs_of(titles: Sequence[str]) -> str:
    """'the slug of “Squid Game”', 'the slugs of “A”, “B”, “C” and 4 more': the titles whose
    slugs a table left out, each quoted, as a title may hold a comma ("Genie, Make a Wish")."""
    return f"the slug{'s' if len(titles) > 1 else ''} of {first_few([f'“{t}”' for t in titles])}"


def named_apart(title: str, apart: str | None) -> str:
    """'New World (신세계, 2013 film)': a title and what tells it apart from another of its
    name (told_apart), if anything needs to, as every message and list that names one says it."""
    return f"{title} ({apart})" if apart else title


def size_of(count: int) -> str:
    """A size as the documentation gives a limit: '64 MiB' for a whole number of MiB, else
    '1,234 bytes'."""
    mebibytes, rest = divmod(count, 1024 * 1024)
    return f"{mebibytes:,} MiB" if mebibytes and not rest else f"{count:,} bytes"


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """'1 title', '1,710 titles', '0 titles'; ``plural`` for a word that does not take an s
    ('1 person', '2 people')."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def number_runs(numbers: Iterable[int]) -> list[list[int]]:
    """Sorted numbers in runs of consecutive ones: [1, 2, 3, 5] is [[1, 2, 3], [5]], for a
    sentence ('seasons 1 to 3 and 5') or a reference cell ('[1–3,5]') to say them briefly."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def note_clauses(note: str) -> list[str]:
    """A note cut at each semicolon and each sentence's end outside brackets, each part as
    written (its stop and the space after it left out): "Screenwriter (The Queen's
    Classroom; co-writer of Descendants of the Sun)" stays whole, "TV drama director (…).
    Not the actor …" is two. The full stop of "Dr.", an initial ("J. Y. Park") or a dotted
    word ("a.k.a.") ends no sentence."""
    clauses: list[str] = []
    depth = begun = 0
    for at, ch in enumerate(note):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch == ";" or _sentence_ends(note, at)):
            clauses.append(note[begun:at])
            begun = at + 1
    return [*clauses, note[begun:]]


def _sentence_ends(note: str, at: int) -> bool:
    """Whether the character at ``at`` is a full stop that ends a sentence: a space and a
    capital follow it, and it closes no abbreviation."""
    return (
        note[at] == "."
        and note[at + 1 : at + 3].startswith(" ")
        and note[at + 2 : at + 3].isupper()
        and not _abbreviated(note[:at])
    )


def _abbreviated(before: str) -> bool:
    """Whether the full stop after ``before`` is an abbreviation's: a title of address ("Dr."),
    an initial ("J. Y. Park"), or a word with dots of its own ("a.k.a.", "U.S.")."""
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = re.search(r"(\w+)$", token)
    if not word:
        return False
    return word[1] in _TITLES_OF_ADDRESS or len(word[1]) == 1 or "." in token


#: Words whose full stop is an abbreviation's, not a sentence's end: "Dr. Romantic".
_TITLES_OF_ADDRESS = frozenset(
    ["Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "vs", "No", "Co", "Ltd", "Inc", "Corp"]
)

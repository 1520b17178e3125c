"""Words as a sentence says them, for every layer that writes one: joined ('a, b and c'), the
first few of many ('a, b, c and 4 more') and counted ('1 title', '2 titles')."""

from __future__ import annotations

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

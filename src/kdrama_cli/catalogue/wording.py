"""Words as a sentence says them, for every layer that writes one: joined ('a, b and c') and
counted ('1 title', '2 titles')."""

from __future__ import annotations

from collections.abc import Iterable


def joined(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """'1 title', '1,710 titles', '0 titles'; ``plural`` for a word that does not take an s
    ('1 person', '2 people')."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"

"""Words joined as a sentence names them, for every layer that writes one."""

from __future__ import annotations

from collections.abc import Iterable


def joined(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"

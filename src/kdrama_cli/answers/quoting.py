"""Where words typed without quotes divide into the names a command takes ('lee jung-jae
song hye-kyo' is "lee jung-jae" and "song hye-kyo"), so an error can show the command quoted."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

#: Beyond this many words no division is tried: every run of words is one lookup, and an
#: error must stay quick.
MOST_WORDS = 8


#: How a run of words names a thing: not one thing, part of one's name, or a whole name.
NONE, PART, WHOLE = 0, 1, 2


def divide(
    words: Sequence[str],
    names_one: Callable[[str], tuple[int, Hashable]],
    parts: int | None = None,
    fewest: int = 2,
) -> list[str] | None:
    """The one way to cut ``words`` into runs that each name exactly one thing, each a
    different one (``names_one`` grades a run NONE, PART or WHOLE and says which thing it
    names: '지금 우리' '학교는' are one title twice, which no command takes): ``parts`` runs, or
    ``fewest`` or more when None (chart takes one title: 'squid game' is a division of its own).
    Of several ways, the one whose every run is a whole name ('squid game' 'the glory', not
    'squid game the' 'glory'). None when there is no such way or more than one, as a guess the
    error tells the person to type must be the only one."""
    if not max(2, fewest) <= len(words) <= MOST_WORDS:
        return None
    known: dict[tuple[int, int], tuple[int, Hashable]] = {}

    def grade(start: int, end: int) -> tuple[int, Hashable]:
        if (start, end) not in known:
            known[start, end] = names_one(" ".join(words[start:end]))
        return known[start, end]

    found: list[tuple[list[str], bool]] = []

    def walk(start: int, taken: list[str], things: list[Hashable], whole: bool) -> None:
        if start == len(words):
            if len(taken) == parts if parts is not None else len(taken) >= fewest:
                found.append((taken, whole))
            return
        if parts is not None and len(taken) == parts:
            return
        for end in range(start + 1, len(words) + 1):
            how, thing = grade(start, end)
            if how and thing not in things:
                run = " ".join(words[start:end])
                walk(end, [*taken, run], [*things, thing], whole and how == WHOLE)

    walk(0, [], [], True)
    if len(found) == 1:
        return found[0][0]
    wholly = [taken for taken, whole in found if whole]
    return wholly[0] if len(wholly) == 1 else None


def joins(words: Sequence[str], at: int, names_one: Callable[[str], tuple[int, Hashable]]) -> bool:
    """Whether the word at ``at`` and the words beside it make one title's or person's whole
    name ('squid' in 'squid game kingdom'): a run of two words or more that holds it and that
    ``names_one`` grades WHOLE. Typed without quotes, the word is then part of that name, not
    one to pick a match for."""
    if not 2 <= len(words) <= MOST_WORDS:
        return False
    return any(
        names_one(" ".join(words[start:end]))[0] == WHOLE
        for start in range(at + 1)
        for end in range(max(at + 1, start + 2), len(words) + 1)
    )

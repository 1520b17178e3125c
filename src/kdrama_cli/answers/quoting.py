"""Where words typed without quotes divide into the names a command takes ('lee jung-jae
song hye-kyo' is "lee jung-jae" and "song hye-kyo"), so an error can show the command quoted."""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: Beyond this many words no division is tried: every run of words is one lookup, and an
#: error must stay quick.
MOST_WORDS = 8


#: How a run of words names a thing: not one thing, part of one's name, or a whole name.
NONE, PART, WHOLE = 0, 1, 2


def divide(
    words: Sequence[str], names_one: Callable[[str], int], parts: int | None = None
) -> list[str] | None:
    """The one way to cut ``words`` into runs that each name exactly one thing
    (``names_one`` grades a run NONE, PART or WHOLE): ``parts`` runs, or two or more when None.
    Of several ways, the one whose every run is a whole name ('squid game' 'the glory', not
    'squid game the' 'glory'). None when there is no such way or more than one, as a guess the
    error tells the person to type must be the only one."""
    if not 2 <= len(words) <= MOST_WORDS:
        return None
    known: dict[tuple[int, int], int] = {}

    def grade(start: int, end: int) -> int:
        if (start, end) not in known:
            known[start, end] = names_one(" ".join(words[start:end]))
        return known[start, end]

    found: list[tuple[list[str], bool]] = []

    def walk(start: int, taken: list[str], whole: bool) -> None:
        if start == len(words):
            if len(taken) == parts if parts is not None else len(taken) >= 2:
                found.append((taken, whole))
            return
        if parts is not None and len(taken) == parts:
            return
        for end in range(start + 1, len(words) + 1):
            if how := grade(start, end):
                walk(end, [*taken, " ".join(words[start:end])], whole and how == WHOLE)

    walk(0, [], True)
    if len(found) == 1:
        return found[0][0]
    wholly = [taken for taken, whole in found if whole]
    return wholly[0] if len(wholly) == 1 else None

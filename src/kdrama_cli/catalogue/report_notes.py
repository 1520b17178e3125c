"""The note on every engagement-report figure, written by the importer and read by answers.

A figure's note names Netflix's own title for the report row, whether the title was available
globally, and Netflix's release date where the report gives one. Kept apart from the importer so
that reading a note costs nothing on the answer path.
"""

from __future__ import annotations

import datetime as dt

_TITLE, _GLOBAL, _NOT_GLOBAL, _RELEASED = (
    "Netflix's title: ",
    "available globally",
    "not available globally",
    "released on Netflix ",
)


def figure_note(title: str, available: bool | None, release: dt.date | None) -> str:
    """The note every report figure carries: Netflix's title for the row, its availability and
    Netflix's release date ("Netflix's title: X: Season 1; available globally; released on
    Netflix 2023-01-05"). read_note reads it back."""
    notes = [_TITLE + title]
    if available is not None:
        notes.append(_GLOBAL if available else _NOT_GLOBAL)
    if release:
        notes.append(_RELEASED + release.isoformat())
    return "; ".join(notes)


def read_note(note: str | None) -> tuple[str | None, bool | None, dt.date | None]:
    """(Netflix's title, available globally?, Netflix release date) from figure_note's text."""
    title: str | None = None
    available: bool | None = None
    release: dt.date | None = None
    for part in (note or "").split("; "):
        if part.startswith(_TITLE):
            title = part[len(_TITLE) :]
        elif part == _GLOBAL:
            available = True
        elif part == _NOT_GLOBAL:
            available = False
        elif part.startswith(_RELEASED):
            try:
                release = dt.date.fromisoformat(part[len(_RELEASED) :])
            except ValueError:
                release = None
    return title, available, release

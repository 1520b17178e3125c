"""What every page leaves out as a spoiler unless the reader asks for spoilers: one rule.

A fact, or a cast credit whose note gives a plot point or a result away, carries ``spoiler =
true`` in the dataset. `show` and `trivia` leave such facts out, `search` (and browse) leave
out what matched only through such a note, `person` and `cast` leave such a credit out (and
"Also worked with" does not count it), and `path` never makes such a credit a hop: each until
``--spoilers`` is given, and a page that left something out says so (credits_hidden). `similar`
and the quiz, which have no ``--spoilers``, never use such a credit. `show --json` alone gives
everything, flagged.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from kdrama_cli.catalogue.models import Show


class Flagged(Protocol):
    """A fact or a credit: anything the dataset can flag as a spoiler."""

    @property
    def spoiler(self) -> bool: ...


def hidden(item: Flagged, spoilers: bool) -> bool:
    """Whether a page leaves ``item`` out: it is flagged and spoilers were not asked for."""
    return item.spoiler and not spoilers


def note_hidden(show: Show, note: str, spoilers: bool) -> bool:
    """Whether a cast note of the title is hidden: every credit of the title with that note
    is flagged (a note is searched by its text, which two credits may share)."""
    credits = [c for c in show.cast if c.note == note]
    return bool(credits) and all(hidden(c, spoilers) for c in credits)


def spoiler_only(show: Show, person_id: str, spoilers: bool, authors: Collection[str] = ()) -> bool:
    """Whether all that ties a person to a title is hidden: every cast credit of theirs in it
    is flagged, and they are neither its crew (a creator, director or writer) nor one of the
    ``authors`` of its source work."""
    if person_id in (*show.creators, *show.directors, *show.writers, *authors):
        return False
    credits = [c for c in show.cast if c.person == person_id]
    return bool(credits) and all(hidden(c, spoilers) for c in credits)


#: What a page says to show what it left out as a spoiler, after "N … hidden".
ADD_SPOILERS = "add --spoilers"


def credits_hidden(count: int) -> str:
    """What a page says under what it lists when it left ``count`` flagged credits out."""
    plural = "s" if count != 1 else ""
    return f"{count} credit{plural} hidden as a spoiler: {ADD_SPOILERS}"

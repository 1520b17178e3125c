"""What every page leaves out as a spoiler unless the reader asks for spoilers: one rule.

A fact, or a cast credit whose note gives a plot point or a result away, carries ``spoiler =
true`` in the dataset. `show` and `trivia` leave such facts out, `cast` such notes (and
counts them: notes_hidden_line), and `search` (and browse) what matched only through such a
note. A flagged special appearance is a surprise cameo, the
credit itself the spoiler (credit_hidden): `person` and `cast` leave it out (and "Also worked
with" does not count it), so does `show` (and browse's title page) from the cast it lists and
the count of the rest, `search` neither matches its character nor names who plays it
(character_hidden), `compare` leaves it out of the cast in common, the seen pages (`seen
people`, and "You have seen them in" under a show page's cast) do not count it, and `path`
never makes it a hop (nor puts it in a season of a title end: 'tidal town 2'). Each holds
until ``--spoilers`` is given, and a page that left something out says so (credits_hidden).
`similar` and the quiz, which have no ``--spoilers``, never use such a credit. `show --json`
gives all of a title, every fact and credit, flagged. `cast --json`/`--csv` follow the cast
page: a flagged cameo is left out and a flagged note withheld (null, or an empty cell), and
stderr says so. The other machine outputs (`person` and `seen people` with --json or --csv,
which give no credit's note) keep flagged headlines, flagged; only a flagged cameo is left out
of them, as of the pages.

A title's cast is listed in the dataset's order, and a competition's file lists its winner
first, then the runner-up: where a page withholds a note, the order would give away what the
note hides. So each role whose listed notes include a withheld one is listed by name instead
(listing_order), on every page that lists it, unless ``--spoilers``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol, TypeVar

from kdrama_cli.catalogue.models import Credit, Person, Show


class Flagged(Protocol):
    """A fact or a credit: anything the dataset can flag as a spoiler."""

    @property
    def spoiler(self) -> bool: ...


def hidden(item: Flagged, spoilers: bool) -> bool:
    """Whether a page leaves ``item`` out: it is flagged and spoilers were not asked for."""
    return item.spoiler and not spoilers


def credit_hidden(credit: Credit, spoilers: bool) -> bool:
    """Whether a page leaves a cast credit itself out: a flagged special appearance, a surprise
    cameo (Kim Soo-hyun in Hotel Del Luna's epilogue), whose mere listing gives it away. The
    flag marks the credit's note (data/README.md): a flagged lead or supporting part (a
    contestant who won, an intern with a hidden identity) stays listed, with its note
    withheld, as leaving it out would point at it."""
    return credit.role == "special" and hidden(credit, spoilers)


def note_hidden(show: Show, note: str, spoilers: bool) -> bool:
    """Whether a cast note of the title is hidden: every credit of the title with that note
    is flagged (a note is searched by its text, which two credits may share)."""
    credits = [c for c in show.cast if c.note == note]
    return bool(credits) and all(hidden(c, spoilers) for c in credits)


def note_withheld(credit: Credit, spoilers: bool) -> bool:
    """Whether a listed credit's note is withheld: it has one, and it is flagged (a contestant's
    result, a hidden identity) and spoilers were not asked for."""
    return bool(credit.note) and hidden(credit, spoilers)


def shown_note(credit: Credit, spoilers: bool) -> str | None:
    """A listed credit's note as a page or file gives it: None when it is withheld."""
    return None if note_withheld(credit, spoilers) else credit.note


class Listed(Protocol):
    """A credit as a page lists it, with who holds it (answers.titles.CastEntry)."""

    @property
    def credit(self) -> Credit: ...

    @property
    def person(self) -> Person: ...


L = TypeVar("L", bound=Listed)


def notes_withheld(entries: Iterable[Listed], spoilers: bool) -> int:
    """How many of the listed credits' notes are withheld (notes_hidden_line says so)."""
    return sum(1 for entry in entries if note_withheld(entry.credit, spoilers))


def listing_order(entries: Sequence[L], spoilers: bool) -> tuple[L, ...]:
    """One title's listed credits in an order that gives no withheld note away.

    The dataset lists a competition's winner first, then the runner-up: so each role whose
    listed notes include a withheld one is ordered by the person's name (casefolded, which
    does not depend on the locale; their id breaks a tie), and every other role, a drama's
    leads among them, keeps the dataset's order. Roles stay where they were."""
    roles = {e.credit.role for e in entries if note_withheld(e.credit, spoilers)}
    if not roles:
        return tuple(entries)
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        first.setdefault(entry.credit.role, index)

    def place(item: tuple[int, L]) -> tuple[int, str, str, int]:
        index, entry = item
        if entry.credit.role not in roles:
            return (first[entry.credit.role], "", "", index)
        return (first[entry.credit.role], entry.person.name.casefold(), entry.person.id, 0)

    return tuple(entry for _, entry in sorted(enumerate(entries), key=place))


def character_hidden(show: Show, name: str, spoilers: bool) -> bool:
    """Whether a character of the title is hidden: every credit of the title that plays it
    (by its name or its Hangul) is hidden itself (credit_hidden), so that finding the
    character would give the cameo away."""
    credits = [c for c in show.cast if name in (c.character, c.character_hangul)]
    return bool(credits) and all(credit_hidden(c, spoilers) for c in credits)


def spoiler_only(show: Show, person_id: str, spoilers: bool, authors: Collection[str] = ()) -> bool:
    """Whether all that ties a person to a title is hidden: every cast credit of theirs in it
    is flagged, and they are neither its crew (a creator, director or writer) nor one of the
    ``authors`` of its source work."""
    if person_id in (*show.creators, *show.directors, *show.writers, *authors):
        return False
    credits = [c for c in show.cast if c.person == person_id]
    return bool(credits) and all(credit_hidden(c, spoilers) for c in credits)


#: What a page says to show what it left out as a spoiler, after "N … hidden".
ADD_SPOILERS = "add --spoilers"


def notes_hidden_line(count: int, how: str = ADD_SPOILERS) -> str:
    """What the cast page says when it left ``count`` flagged notes of listed credits out (a
    lead whose note gives a hidden identity away)."""
    plural = "s" if count != 1 else ""
    return f"{count} cast note{plural} hidden as a spoiler: {how}"


def credits_hidden(count: int, how: str = ADD_SPOILERS) -> str:
    """What a page says under what it lists when it left ``count`` flagged credits out, and
    ``how`` to see them (in browse, which has no --spoilers: the command line that does)."""
    plural = "s" if count != 1 else ""
    return f"{count} credit{plural} hidden as a spoiler: {how}"


def cast_hidden_line(credits: int, notes: int, how: str = ADD_SPOILERS) -> str:
    """The one line a cast list says under it for what it left out as spoilers: ``credits``
    left out whole (credits_hidden) and ``notes`` withheld from listed credits
    (notes_hidden_line), "2 credits and 1 cast note hidden as spoilers" when both; '' for none."""
    if credits and notes:
        plural = "s" if credits != 1 else ""
        note_plural = "s" if notes != 1 else ""
        return (
            f"{credits} credit{plural} and {notes} cast note{note_plural} hidden as spoilers: {how}"
        )
    if credits:
        return credits_hidden(credits, how)
    return notes_hidden_line(notes, how) if notes else ""

"""What every page leaves out as a spoiler unless the reader asks for spoilers: one rule.

A fact, or a cast credit whose note gives a plot point or a result away, carries ``spoiler =
true`` in the dataset. `show` and `trivia` leave such facts out, `cast` such notes (and counts
them), and `search` (and browse) what matched only through such a note. A flagged special
appearance is a surprise cameo, the credit itself the spoiler (credit_hidden): `person` and
`cast` leave it out (and "Also worked with" does not count it), so does `show` (and browse's
title page) from the cast it lists and the count of the rest, `search` neither matches its
character nor names who plays it (character_hidden), `compare` leaves it out of the cast in
common, the seen pages (`seen people`, and "You have seen them in" under a show page's cast) do
not count it, and `path` never makes it a hop (nor puts it in a season of a title end: 'tidal
town 2'). Each holds until ``--spoilers`` is given, and a page that left something out says so
(views.spoiler_notes, in one wording). `similar` and the quiz, which have no ``--spoilers``,
never use such a credit. `show --json` gives all of a title, every fact and credit, flagged.
`cast --json`/`--csv` follow the cast page: a flagged cameo is left out and a flagged note
withheld (null, or an empty cell), and stderr says so. A withheld note takes the other notes of
its role with it where it would otherwise leave the one row of its role without a note
(covered_roles); and without ``--spoilers`` no listed credit says whether it is flagged. The
other machine outputs (`person` and `seen people` with --json or --csv) give no credit's note;
only a flagged cameo is left out of them, as of the pages. A citation flagged as a spoiler (its
headline gives a result away) is given without its headline and address by every page and every
`--json` and `--csv` but `show --json` (its title and url null, its address left out of a
sheet), and stderr says how many; those with no --spoilers (quiz, top, chart, upcoming) always
withhold them. What a page or stderr says it left out is worded by views.spoiler_notes, one way.

A title's cast is listed in the dataset's order, and a competition's file lists its winner
first, then the runner-up: where a page withholds a note, the order would give away what the
note hides. So a reality title's contestants are listed by name instead (listing_order), on
every page that lists them, unless ``--spoilers``; a drama's roles keep their billing order,
which tells no result.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from kdrama_cli.catalogue.models import Citation, Credit, Person, Show
from kdrama_cli.catalogue.vocab import UNSCRIPTED_KINDS


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


def shown_note(credit: Credit, spoilers: bool, covered: Collection[str] = ()) -> str | None:
    """A listed credit's note as a page or file gives it: None when it is withheld, flagged
    itself or in one of the ``covered`` roles (covered_roles)."""
    if spoilers:
        return credit.note
    return None if note_withheld(credit, spoilers) or credit.role in covered else credit.note


class Listed(Protocol):
    """A credit as a page lists it, with who holds it (answers.show_page.CastEntry)."""

    @property
    def show(self) -> Show: ...

    @property
    def credit(self) -> Credit: ...

    @property
    def person(self) -> Person: ...


L = TypeVar("L", bound=Listed)


def flagged_citations(ids: Iterable[str], citations: Mapping[str, Citation]) -> set[str]:
    """Those of ``ids`` whose citation is flagged as a spoiler (its story gives a result away);
    an id the dataset does not hold is not."""
    return {i for i in ids if i in citations and citations[i].spoiler}


def notes_withheld(entries: Iterable[Listed], spoilers: bool) -> int:
    """How many of the listed credits' notes are withheld as flagged (the cast page counts
    them: views.spoiler_notes.notes_hidden_line)."""
    return sum(1 for entry in entries if note_withheld(entry.credit, spoilers))


def covered_roles(entries: Iterable[Listed], spoilers: bool) -> frozenset[str]:
    """The roles of one title's listed credits whose notes are all withheld: each role with a
    flagged note to withhold whose other rows all have a note. Withheld alone, that note would
    leave its row the one of its role without a note, which points at it (Strong Girl
    Bong-soon's supporting parts are each described but the kidnapper); where other rows of
    the role have none (Squid Game's players), its row is one of them, and notes stay."""
    listed = list(entries)
    withheld = {e.credit.role for e in listed if note_withheld(e.credit, spoilers)}
    noteless = {e.credit.role for e in listed if not e.credit.note}
    return frozenset(withheld - noteless)


def listed_by_name(show: Show, credit: Credit, spoilers: bool) -> bool:
    """Whether listing_order lists a credit by its person's name: a reality title's contestant
    (any role but host and judge), unless spoilers were asked for."""
    return not spoilers and show.kind in UNSCRIPTED_KINDS and credit.role not in ("host", "judge")


def listing_order(entries: Sequence[L], spoilers: bool) -> tuple[L, ...]:
    """One title's listed credits in an order that gives no withheld note away.

    The dataset lists a competition's winner first, then the runner-up, and a dating show's
    cast as the press told of them, the final couples' stories first: so the contestants of
    a reality title (every role but its hosts and judges) are ordered by the person's name
    (casefolded, which does not depend on the locale; their id breaks a tie), and every other
    role, a drama's leads among them, keeps the dataset's order. Roles stay where they were."""
    roles = {e.credit.role for e in entries if listed_by_name(e.show, e.credit, spoilers)}
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


#: What a page says to show what it left out as a spoiler, after "N … hidden as spoilers"
#: (views.spoiler_notes).
ADD_SPOILERS = "add --spoilers"

"""What can be wrong with a dataset: one ``Problem``, and ``DatasetError`` carrying them all.

The lowest layer that reports problems owns them, so the loader, the schema, the file locator and
the commands share one type without importing one another. A run answered from the index catches
``DatasetError`` without importing the loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.wording import shortened

#: The characters of an id a problem echoes: longer ones are cut with "…".
ID_SHOWN = 60

#: What an entry can refer to by id.
ReferenceKind = Literal["show", "person", "source work", "citation"]


class Unknown(Record):
    """A reference to an entry that no file of the load defines: its kind and id."""

    kind: ReferenceKind
    id: str


class Problem(Record):
    """One thing wrong with a dataset: where it is and what is wrong."""

    file: str
    location: str
    message: str
    #: What the problem refers to, when it is a reference to an entry no file defines: a
    #: layer checked by itself has these for what it uses of the dataset below it.
    unknown: Unknown | None = None
    #: The line of ``file`` on which the entry of ``location`` begins, when known: the problem
    #: then reads "FILE:LINE: location: message", which an editor opens at the entry.
    line: int | None = None
    #: The column of ``line`` where the problem is, when known (a TOML syntax error's, a byte
    #: that is not UTF-8): the problem then reads "FILE:LINE:COLUMN: message". The file, the
    #: line and the column are kept apart, so a file named "notes:12" is never read as one.
    column: int | None = None
    #: Whether the problem is a base that holds no entry (no text, only comments or only
    #: [meta]): `data check` then adds that an empty layer loads. The message words it.
    empty: bool = False
    #: Whether the problem names a person no file defines and no id of the dataset in use is
    #: near (answers.layers.with_nearest): one new to the catalogue, whom `data check` and
    #: every command give a [[people]] entry to paste (people_to_add). The message words it.
    new_person: bool = False
    #: Whether the problem is a seen-list key written as a title's name ('"Squid Game" = [1]'):
    #: the list knows no catalogue, so the app adds the command that writes its entry where the
    #: name finds one title (App._seen_key_named). The message words it.
    key_is_title_name: bool = False

    def as_fields(self) -> dict[str, Any]:
        """The problem as JSON's values by field name (its Unknown too), for another process
        to read back (from_fields): a field Problem gains crosses with the rest, by its name."""
        fields = self._asdict()
        if self.unknown is not None:
            fields["unknown"] = self.unknown._asdict()
        return fields

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Problem:
        """The problem ``as_fields`` gave."""
        unknown = fields.get("unknown")
        return cls(**{**fields, "unknown": Unknown(**unknown) if unknown is not None else None})

    def __str__(self) -> str:
        file = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            file = f"{file}:{self.column}"
        where = f"{file}: {self.shown_location}" if self.location else file
        return f"{where}: {self.shown_message}"

    @property
    def shown_message(self) -> str:
        """The message as the problem's line shows it: an id quoted in it cut as a location's
        is (shown_location)."""
        return re.sub(_LONG_QUOTED, _cut, self.message)

    @property
    def shown_location(self) -> str:
        """The location as a message shows it: an id of thousands of characters
        (``shows[aaaa…]``) cut, so each problem stays a line one can read."""
        return re.sub(_LONG_BRACKETED, _cut, self.location)


def problem_json(problem: Problem) -> dict[str, Any]:
    """One problem as its human line gives it: the file, the line and column where known (a
    syntax error's, else the line its entry begins on), the entry's location (null for a
    whole file's problem), the message. The JSON error's ``problems`` (failures) and `data
    check --json`'s ``problem_details`` and ``warning_details`` each hold these."""
    from kdrama_cli.catalogue.printable import clean

    return {
        "file": clean(problem.file),
        "line": problem.line,
        "column": problem.column,
        "location": clean(problem.shown_location) or None,
        "message": clean(problem.shown_message),
    }


#: An id in a location's brackets, or quoted in a message, too long to echo whole: ids hold
#: no spaces, slashes or dots, so a quoted phrase of a hint, an address or a path (the value
#: to mend) is never cut. Patterns compiled on first use (re caches them): a page that has no
#: problem to say imports this module all the same.
_LONG_BRACKETED = rf"(?<=\[)[^\]\s/.]{{{ID_SHOWN + 1},}}(?=\])"
_LONG_QUOTED = rf"(?<=')[^'\s/.]{{{ID_SHOWN + 1},}}(?=')"


def _cut(found: re.Match[str]) -> str:
    return shortened(found.group(), ID_SHOWN)


class DatasetError(Exception):
    """A dataset could not be loaded; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InvalidEntries(DatasetError):
    """Every file was read and parsed, but entries break the schema (types, required fields,
    local rules): the dataset was not built. The load adds what the entries refer to that no
    file defines, as far as they can be read; ``unchecked`` counts the entries whose references
    could not all be checked (they are, once their own errors are fixed)."""

    def __init__(self, problems: Sequence[Problem], unchecked: int = 0) -> None:
        super().__init__(problems)
        self.unchecked = unchecked


class UnresolvedReferences(DatasetError):
    """Every entry validated, but the merged dataset does not hold together: a reference to an
    entry no file defines, an id defined twice, an override of nothing."""


#: Problems listed one by one before the rest are summarised.
SHOWN_PROBLEMS = 50


def summary(
    problems: Sequence[object], shown: int = SHOWN_PROBLEMS, noun: str = "problem"
) -> list[str]:
    """The first ``shown`` problems, then one line counting the rest by what is wrong, so that
    thousands of similar problems take a few lines. Messages that differ only in the ids they
    quote are one kind ("80 x unknown citation (nope-0, nope-1, …)"), not 80 kinds of one.
    ``noun``: what they are, in the count ("... and 2,950 more warnings")."""
    lines = [str(p) for p in problems[:shown]]
    rest = problems[shown:]
    if rest:
        from kdrama_cli.catalogue.wording import count_of

        kinds = _kinds(str(getattr(p, "message", p)) for p in rest)
        ranked = sorted(kinds.values(), key=len, reverse=True)  # stable: first seen first
        common = "; ".join(f"{len(kind):,} x {_kind_said(kind)}" for kind in ranked[:3])
        others = len(kinds) - min(3, len(kinds))
        more = f"; and {count_of(others, 'other kind')}" if others else ""
        lines.append(f"... and {count_of(len(rest), f'more {noun}')} ({common}{more})")
    return lines


#: A quoted id in a message ('nope-0'), not an apostrophe in a word (Netflix's).
_QUOTED = r"(?<!\w)'([^'\s]+)'(?!\w)"  # compiled on first use, as above
#: The ids a summary names of one kind before "…".
_IDS_NAMED = 3


def _kinds(messages: Iterable[str]) -> dict[str, list[str]]:
    """The messages by kind: each message with its quoted ids taken out."""
    kinds: dict[str, list[str]] = {}
    for message in messages:
        kinds.setdefault(re.sub(_QUOTED, "'…'", message), []).append(message)
    return kinds


def _kind_said(messages: list[str]) -> str:
    """One kind of message as a summary says it: the message itself when all are the same,
    else with the ids that differ taken out and the first few named after it."""
    first = messages[0]
    if all(message == first for message in messages):
        return first
    quoted = [re.findall(_QUOTED, message) for message in messages]
    varying = {at for at in range(len(quoted[0])) if len({ids[at] for ids in quoted}) > 1}
    ids = list(dict.fromkeys(ids[at] for ids in quoted for at in sorted(varying)))
    named = ", ".join(shortened(id_, ID_SHOWN) for id_ in ids[:_IDS_NAMED])
    named += ", …" if len(ids) > _IDS_NAMED else ""
    at = iter(range(len(quoted[0])))
    said = re.sub(_QUOTED, lambda found: "'…'" if next(at) in varying else found[0], first)
    said = said.removesuffix(" '…'")
    return f"{said} ({named})"

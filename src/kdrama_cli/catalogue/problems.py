"""What can be wrong with a dataset: one ``Problem``, and ``DatasetError`` carrying them all.

The lowest layer that reports problems owns them, so the loader, the schema, the file locator and
the commands share one type without importing one another. A run answered from the index catches
``DatasetError`` without importing the loader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

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

    def __str__(self) -> str:
        where = f"{self.file}: {self.shown_location}" if self.location else self.file
        return f"{where}: {_LONG_QUOTED.sub(_cut, self.message)}"

    @property
    def shown_location(self) -> str:
        """The location as a message shows it: an id of thousands of characters
        (``shows[aaaa…]``) cut, so each problem stays a line one can read."""
        return _LONG_BRACKETED.sub(_cut, self.location)


#: An id in a location's brackets, or quoted in a message, too long to echo whole: ids hold
#: no spaces, slashes or dots, so a quoted phrase of a hint, an address or a path (the value
#: to mend) is never cut.
_LONG_BRACKETED = re.compile(rf"(?<=\[)[^\]\s/.]{{{ID_SHOWN + 1},}}(?=\])")
_LONG_QUOTED = re.compile(rf"(?<=')[^'\s/.]{{{ID_SHOWN + 1},}}(?=')")


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


def summary(problems: Sequence[object], shown: int = SHOWN_PROBLEMS) -> list[str]:
    """The first ``shown`` problems, then one line counting the rest by what is wrong, so that
    thousands of similar problems take a few lines."""
    lines = [str(p) for p in problems[:shown]]
    rest = problems[shown:]
    if rest:
        from collections import Counter

        from kdrama_cli.catalogue.wording import count_of

        kinds = Counter(getattr(p, "message", str(p)) for p in rest)
        common = "; ".join(f"{count:,} x {message}" for message, count in kinds.most_common(3))
        others = len(kinds) - min(3, len(kinds))
        more = f"; and {count_of(others, 'other kind')}" if others else ""
        lines.append(f"... and {count_of(len(rest), 'more problem')} ({common}{more})")
    return lines

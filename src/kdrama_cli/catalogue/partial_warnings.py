"""The warnings `data check` can judge while a dataset has errors: those of the entries that
validated, so that a layer's author fixes errors and warnings in one round.

The dataset is built again from its entries without errors, leaving out in turn any entry
that refers to one left out, so that every warning is judged on entries that are whole and whose
references hold. The loader judges it, and drops what the entries left out could make wrong: a
citation or person "never used" that one of them uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kdrama_cli.catalogue.models import Dataset
from kdrama_cli.catalogue.problems import Problem
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.schema import SLUG_RE, TOP_LEVEL

#: The entry a problem's location is about: its table and its label (an id, or a position).
_ENTRY = re.compile(r"^(\w+)\[([^\]]+)\]")

#: (file, table, label) of an entry.
EntryKey = tuple[str, str, str]


class _Entry:
    """One top-level entry of a file, where it is."""

    __slots__ = ("file", "table", "index", "labels", "value")

    def __init__(self, file: str, table: str, index: int, value: dict[str, Any]) -> None:
        self.file, self.table, self.index, self.value = file, table, index, value
        id_key = TOP_LEVEL[table][0]
        identity = value.get(id_key) if table != "stats" else None
        # As problems name it (schema._label): by its id when that is one, else its position;
        # a duplicate id is named by its position whatever the id.
        self.labels = {str(index)}
        if isinstance(identity, str) and SLUG_RE.match(identity):
            self.labels.add(identity)


class Remnant(Record):
    """The dataset of a load's entries that validated and whose references hold, to judge the
    warnings of: what was left out, and where its top-level figures are in their files."""

    dataset: Dataset
    #: The entries left out (with errors, or referring to such an entry), as parsed.
    left_out: tuple[Mapping[str, Any], ...]
    #: (file, position among the top-level figures kept) -> its position in the file.
    positions: Mapping[tuple[str, int], int]

    def in_its_file(self, warning: Problem) -> Problem:
        """A warning about a top-level figure, at the figure's position in its file."""
        figure = re.match(r"stats\[(\d+)\]", warning.location)
        if figure is None or (warning.file, int(figure[1])) not in self.positions:
            return warning
        at = self.positions[(warning.file, int(figure[1]))]
        return warning._replace(location=f"stats[{at}]{warning.location[figure.end() :]}")


def remnant(
    documents: Sequence[tuple[str, Mapping[str, Any]]], problems: Iterable[Problem]
) -> Remnant:
    """The entries of ``documents`` (every file of a load, read) without an error among
    ``problems``, built into a dataset, leaving out in turn any entry whose references do not
    hold without those left out."""
    from kdrama_cli.catalogue.schema import build_dataset

    names = [name for name, _ in documents]
    entries = [
        _Entry(name, table, index, entry)
        for name, document in documents
        for table in TOP_LEVEL
        if isinstance(document.get(table), list)
        for index, entry in enumerate(document[table])
        if type(entry) is dict
    ]
    left_out = _entries_of(problems, names)
    kept = [e for e in entries if not _named(e, left_out)]
    while True:  # each round leaves out at least one more entry, or ends
        dataset, cross = build_dataset(_documents(names, kept))
        positions = _kept_positions(kept)
        # a figure's position among the figures kept, back to its position in its file
        left_out |= {
            _original(key, positions)
            for key in _entries_of(cross, names)
            if key[1] != "stats" or (key[0], int(key[2])) in positions
        }
        still = [e for e in kept if not _named(e, left_out)]
        if len(still) == len(kept):
            break
        kept = still
    return Remnant(dataset, tuple(e.value for e in entries if _named(e, left_out)), positions)


def _entries_of(problems: Iterable[Problem], names: Sequence[str]) -> set[EntryKey]:
    """The entries ``problems`` are about, by file."""
    files = set(names)
    found: set[EntryKey] = set()
    for problem in problems:
        entry = _ENTRY.match(problem.location)
        if entry is None or entry[1] not in TOP_LEVEL:
            continue  # about a whole file (a top-level key, [meta]): no entry of it
        if problem.file in files:
            found.add((problem.file, entry[1], entry[2]))
    return found


def _named(entry: _Entry, keys: set[EntryKey]) -> bool:
    return any((entry.file, entry.table, label) in keys for label in entry.labels)


def _documents(names: Sequence[str], kept: Sequence[_Entry]) -> list[tuple[str, dict[str, Any]]]:
    """The files again, each with only its entries in ``kept``."""
    documents: dict[str, dict[str, list[Any]]] = {name: {} for name in names}
    for entry in kept:
        documents[entry.file].setdefault(entry.table, []).append(entry.value)
    return list(documents.items())


def _kept_positions(kept: Sequence[_Entry]) -> dict[tuple[str, int], int]:
    """(file, position among the top-level figures kept) -> its position in the file."""
    positions: dict[tuple[str, int], int] = {}
    counts: dict[str, int] = {}
    for entry in kept:
        if entry.table == "stats":
            at = counts.get(entry.file, 0)
            positions[(entry.file, at)] = entry.index
            counts[entry.file] = at + 1
    return positions


def _original(key: EntryKey, positions: Mapping[tuple[str, int], int]) -> EntryKey:
    file, table, label = key
    if table != "stats":
        return key
    return (file, table, str(positions[(file, int(label))]))

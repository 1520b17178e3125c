"""The line of a dataset file on which an entry begins, so that a problem about the entry reads
``FILE:LINE: shows[x].seasons[0].episodes: …``, as a TOML syntax error does: in a file of
160,000 lines the entry's path alone leaves its author searching, and an editor opens FILE:LINE.

The lines are those of the entries' ``[[table]]`` headers (``[[shows.seasons]]`` for a season),
counted from the file's text and trusted only where they agree with the parsed entries: an entry
written as an inline table, or a header-like line inside a multi-line string, leaves the
problems of that table without a line rather than with a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kdrama_cli.catalogue.problems import Problem

#: A ``[[table]]`` or ``[[table.sub]]`` header.
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(\w+)(?:[ \t]*\.[ \t]*(\w+))?[ \t]*\]\]")
#: An entry's part of a problem's location: ``shows[x]``, then ``.seasons[0]`` when in one.
_ENTRY = re.compile(r"^(\w+)\[([^\]]*)\](?:\.(\w+)\[(\d+)\])?")

#: The key that names each table's entries (its id), as schema.TOP_LEVEL has it.
IdKeys = Mapping[str, str]


class _Headers:
    """The header lines of one file: each top-level table's, and within each of its entries,
    each nested table's."""

    def __init__(self, text: str) -> None:
        self.top: dict[str, list[int]] = {}
        self.nested: dict[str, list[dict[str, list[int]]]] = {}
        for number, line in enumerate(text.split("\n"), 1):
            found = _HEADER.match(line)
            if found is None:
                continue
            table, sub = found.groups()
            if sub is None:
                self.top.setdefault(table, []).append(number)
                self.nested.setdefault(table, []).append({})
            elif self.nested.get(table):
                self.nested[table][-1].setdefault(sub, []).append(number)


def top_header_lines(text: str) -> dict[str, list[int]]:
    """The line of each top-level ``[[table]]`` header of a file's text, by table."""
    return _Headers(text).top


def at_entry_lines(
    problems: Sequence[Problem],
    documents: Sequence[tuple[str, Mapping[str, Any]]],
    id_keys: IdKeys,
    text_of: Callable[[str], str | None],
) -> list[Problem]:
    """``problems`` each given the line of the entry it is about, where it has one and it can
    be told. ``text_of`` reads a file's text (None when it no longer reads); each file is read
    once, and only when one of its problems asks."""
    parsed = dict(documents)
    headers: dict[str, _Headers | None] = {}
    ids: dict[tuple[str, str], dict[str, int]] = {}

    def line_of(problem: Problem) -> int | None:
        document = parsed.get(problem.file)
        entry = _ENTRY.match(problem.location)
        if document is None or entry is None:
            return None
        table, label, sub, position = entry.groups()
        rows = document.get(table)
        if table not in id_keys or not isinstance(rows, list):
            return None
        if problem.file not in headers:
            text = text_of(problem.file)
            headers[problem.file] = _Headers(text) if text is not None else None
        found = headers[problem.file]
        lines = found.top.get(table, []) if found is not None else []
        if found is None or len(lines) != len(rows):
            return None
        key = (problem.file, table)
        if key not in ids:
            ids[key] = first_positions(rows, id_keys[table])
        index = ids[key].get(label)
        if index is None and label.isdigit():
            index = int(label)
        if index is None or index >= len(rows):
            return None
        if sub is None:
            return lines[index]
        inner = found.nested[table][index].get(sub, [])
        given = rows[index].get(sub) if isinstance(rows[index], dict) else None
        if isinstance(given, list) and len(inner) == len(given) and int(position) < len(inner):
            return inner[int(position)]
        return lines[index]

    return [
        problem if problem.line is not None else problem._replace(line=line_of(problem))
        for problem in problems
    ]


def first_positions(rows: Sequence[Any], id_key: str) -> dict[str, int]:
    """Each id of a table's entries and the position of the first entry with it (a top-level
    figure has no id: its location gives its position)."""
    positions: dict[str, int] = {}
    for index, row in enumerate(rows):
        identity = row.get(id_key) if isinstance(row, dict) and id_key else None
        if isinstance(identity, str):
            positions.setdefault(identity, index)
    return positions

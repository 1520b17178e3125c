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
#: The ``[meta]`` table's header (a comment may follow it; a line may end "\r\n"), as this
#: module and loader._include_line find it.
META_HEADER = re.compile(r"^[ \t]*\[[ \t]*meta[ \t]*\][ \t]*(?:#.*)?\r?$")
#: A table inside ``[meta]`` given a header of its own: ``[meta.extra]``.
_META_TABLE = re.compile(r"^[ \t]*\[[ \t]*meta[ \t]*\.[ \t]*(\w+)[ \t]*\][ \t]*(?:#.*)?\r?$")
#: The top-level key a header line names (``person`` of ``[[person]]``, ``shows`` of
#: ``[shows]`` or ``[[shows.seasons]]``), and a key given before any header (``include =``).
_ANY_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([\w-]+)")
_TOP_KEY = re.compile(r"^[ \t]*([\w-]+)[ \t]*[=.]")
#: A problem about a top-level key as a whole (an unknown table, [shows] for [[shows]]).
_TOP_LOCATION = re.compile(r"[\w-]+")
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
        self.meta: list[int] = []
        self.first_header = False
        self.meta_tables: dict[str, list[int]] = {}
        #: The first line naming each top-level key: a header, or a key before any header.
        self.first: dict[str, int] = {}
        for number, line in enumerate(text.split("\n"), 1):
            named = _ANY_HEADER.match(line) or (None if self.first_header else _TOP_KEY.match(line))
            if named:
                self.first.setdefault(named.group(1), number)
            self.first_header = self.first_header or _ANY_HEADER.match(line) is not None
            found = _HEADER.match(line)
            if found is None:
                if META_HEADER.match(line):
                    self.meta.append(number)
                elif inner := _META_TABLE.match(line):
                    self.meta_tables.setdefault(inner.group(1), []).append(number)
                continue
            table, sub = found.groups()
            if sub is None:
                self.top.setdefault(table, []).append(number)
                self.nested.setdefault(table, []).append({})
            elif self.nested.get(table):
                self.nested[table][-1].setdefault(sub, []).append(number)


class EntryLines:
    """Where the entries of one load's files are: each file read and scanned for its headers
    once, when a problem about it first asks, and each table's ids indexed once, for every
    problem of the load that asks (a duplicate id, an "already defined" and the earlier entry
    it names, an override's, each entry's line): thousands of problems, and a clash's advice
    beside them, cost one pass over a file.

    ``documents`` is the load's list of parsed files, which the load fills as it reads (it is
    asked only once they are read); ``text_of`` reads a file's text again (None when it no
    longer reads)."""

    def __init__(
        self,
        documents: list[tuple[str, dict[str, Any]]],
        id_keys: IdKeys,
        text_of: Callable[[str], str | None],
    ) -> None:
        self.documents = documents
        self._id_keys = id_keys
        self._text_of = text_of
        self._named: dict[str, dict[str, Any]] = {}
        #: How many of ``documents`` _named holds: the load appends to the list as it reads.
        self._indexed = 0
        self._headers: dict[str, _Headers | None] = {}
        self._ids: dict[tuple[str, str], dict[str, int]] = {}

    def document(self, file: str) -> dict[str, Any] | None:
        """The parsed document of ``file``, when the load read it."""
        if self._indexed != len(self.documents):  # a name given twice is one key: not len
            self._named = dict(self.documents)
            self._indexed = len(self.documents)
        return self._named.get(file)

    def rows(self, file: str, table: str) -> list[Any] | None:
        """The entries of ``table`` in ``file`` as parsed, when it has a list of them."""
        document = self.document(file)
        rows = document.get(table) if document is not None else None
        return rows if isinstance(rows, list) else None

    def position(self, file: str, table: str, identity: str) -> int | None:
        """The position of the first entry of ``table`` in ``file`` whose id is ``identity``."""
        key = (file, table)
        if key not in self._ids:
            self._ids[key] = first_positions(self.rows(file, table) or [], self._id_keys[table])
        return self._ids[key].get(identity)

    def lines(self, file: str, table: str) -> list[int] | None:
        """The header line of each entry of ``table`` in ``file``, one per parsed entry; None
        when they cannot be told (the file no longer reads, an entry written as an inline
        table, or a header-like line inside a multi-line string)."""
        rows = self.rows(file, table)
        found = self._scanned(file) if rows is not None else None
        if found is None or rows is None:
            return None
        lines = found.top.get(table, [])
        return lines if len(lines) == len(rows) else None

    def line_of(self, problem: Problem) -> int | None:
        """The line of the entry (or the season, credit, figure or fact of a title) that
        ``problem`` is about, where it has one and it can be told."""
        if problem.location == "meta" or problem.location.startswith(("meta.", "meta[")):
            return self._meta_line(problem.file, problem.location)
        if _TOP_LOCATION.fullmatch(problem.location):
            return self._top_line(problem.file, problem.location)
        entry = _ENTRY.match(problem.location)
        if entry is None:
            return None
        table, label, sub, position = entry.groups()
        if table not in self._id_keys:
            return None
        lines = self.lines(problem.file, table)
        rows = self.rows(problem.file, table)
        if lines is None or rows is None:
            return None
        index = self.position(problem.file, table, label)
        if index is None and label.isdigit():
            index = int(label)
        if index is None or index >= len(rows):
            return None
        found = self._scanned(problem.file)
        if sub is None or found is None:
            return lines[index]
        inner = found.nested[table][index].get(sub, [])
        given = rows[index].get(sub) if isinstance(rows[index], dict) else None
        if isinstance(given, list) and len(inner) == len(given) and int(position) < len(inner):
            return inner[int(position)]
        return lines[index]

    def placed(self, problems: Sequence[Problem]) -> list[Problem]:
        """``problems`` each given the line of the entry it is about, where it has none yet
        and the entry's can be told; a file is read only when one of its problems asks."""
        return [
            problem if problem.line is not None else problem._replace(line=self.line_of(problem))
            for problem in problems
        ]

    def _meta_line(self, file: str, location: str) -> int | None:
        """The line of ``file``'s ``[meta]`` header, for a problem with one of its keys (an
        unknown key, a wrong schema), or of a table's own header inside it (``[meta.extra]``,
        for ``meta.extra``): None when the file gives its meta as dotted keys or an inline
        table, or when a second header-like line (inside a multi-line string) leaves the
        header in doubt."""
        document = self.document(file)
        found = self._scanned(file)
        meta = document.get("meta") if document is not None else None
        if not isinstance(meta, dict) or found is None:
            return None
        key = location.removeprefix("meta.").split(".")[0].split("[")[0]
        own = found.meta_tables.get(key, []) if location.startswith("meta.") else []
        if isinstance(meta.get(key), dict) and len(own) == 1:
            return own[0]
        return found.meta[0] if len(found.meta) == 1 else None

    def _top_line(self, file: str, key: str) -> int | None:
        """The line of the header that opens the top-level ``key`` of ``file`` (a misspelt
        ``[[person]]``, a ``[shows]`` written for ``[[shows]]``, the ``[[shows.seasons]]`` of a
        misspelt ``[[show]]``), or of the key itself given above every header (``include =``
        without ``[meta]``): its first, where the file has the key."""
        document = self.document(file)
        found = self._scanned(file) if document is not None and key in document else None
        return found.first.get(key) if found is not None else None

    def _scanned(self, file: str) -> _Headers | None:
        if file not in self._headers:
            text = self._text_of(file) if self.document(file) is not None else None
            self._headers[file] = _Headers(text) if text is not None else None
        return self._headers[file]


def first_positions(rows: Sequence[Any], id_key: str) -> dict[str, int]:
    """Each id of a table's entries and the position of the first entry with it (a top-level
    figure has no id: its location gives its position)."""
    positions: dict[str, int] = {}
    for index, row in enumerate(rows):
        identity = row.get(id_key) if isinstance(row, dict) and id_key else None
        if isinstance(identity, str):
            positions.setdefault(identity, index)
    return positions

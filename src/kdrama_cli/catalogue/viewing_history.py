"""Reading Netflix's viewing history (NetflixViewingHistory.csv) for `seen import` (no printing).

Netflix lets a profile download what it watched as a CSV file of two columns, ``Title,Date``
(``제목,날짜`` from a profile set to Korean), UTF-8 with a byte-order mark. Only the titles are
read: the date's format (12/27/24, or 24. 12. 27. in Korean) does not matter.

The account's "Download your personal information" archive has a richer file,
CONTENT_INTERACTION/ViewingActivity.csv, which is read too: its columns are ``Profile Name,
Start Time, Duration, Attributes, Title, Supplemental Video Type, Device Type, Bookmark, Latest
Bookmark, Country`` (as public projects that parse it list them, e.g.
vishwakarmaanjali/OTT-User-Engagement-Retention-Analysis, cleaned-data/column-description.md),
and besides what was watched it logs what merely played: a row whose Supplemental Video Type is
set (TRAILER, TEASER_TRAILER, HOOK, RECAP, PROMOTIONAL, CINEMAGRAPH, the values
leanerdz/Netflix-TP-Neo4J, exercices/ex1.js, filters out) is a trailer, an autoplayed preview
or another extra, not the title seen, so it is skipped and counted. The file is the
user's, but read as untrusted input all the same: bounded, a regular file only (or standard
input), and anything that is not such a history is a DatasetError naming the file and, for
what is in it, the line (``PATH:LINE: ...``, as data netflix names a row), never a traceback.
"""

from __future__ import annotations

import csv
import io
import os
import sys

from kdrama_cli.catalogue.problems import DatasetError, Problem
from kdrama_cli.catalogue.reading import UnreadableFile, read_regular_file, why_unreadable
from kdrama_cli.catalogue.wording import shortened, size_of

#: The name that reads the history from standard input.
STDIN = "-"
#: Larger histories are refused, from a file or from standard input alike (years of daily
#: viewing take a few megabytes).
MAX_HISTORY_BYTES = 64 * 1024 * 1024

#: The title column's header: a profile set to Korean downloads "제목,날짜" for "Title,Date".
_TITLE_HEADERS = ("title", "제목")


#: A title of kdrama's own seen-list export: its slug and the seasons seen (none for a film).
SeenEntry = tuple[str, tuple[int, ...]]


class SeenExport(list[SeenEntry]):
    """The titles of kdrama's own seen-list export, told apart from a history's titles even
    when there are none (an empty list backed up)."""


#: The column of ViewingActivity.csv that marks a row as an extra (a trailer, a preview).
_EXTRA_HEADER = "supplemental video type"


class HistoryTitles(list[str]):
    """The titles of a viewing history's rows, one a row; ``extras``: the rows left out as
    trailers, previews and other extras (ViewingActivity.csv's Supplemental Video Type)."""

    def __init__(self, titles: list[str], extras: int = 0) -> None:
        super().__init__(titles)
        self.extras = extras


def history_titles(path: str) -> HistoryTitles | SeenExport:
    """The Title column of the viewing history at ``path`` (``-``: standard input), one entry a
    row, blank titles and (in ViewingActivity.csv) trailers and previews left out; or, for
    kdrama's own export (`seen list --json`, `--csv` or `--tsv`, a backup), its (slug, seasons)
    entries. DatasetError when it cannot be read or is neither."""
    text = _history_text(path)
    if not text.strip():
        raise _error(path, "empty: a Netflix viewing history is a CSV file with a Title column")
    exported = _seen_export(path, text)
    if exported is not None:
        return exported
    rows = csv.reader(io.StringIO(text))
    try:
        header = next(rows, None) or []
    except csv.Error as error:  # a first line that is not CSV: a minified page, a base64 blob
        raise _error(path, f"not a Netflix viewing history ({error})", rows.line_num) from None
    names = [h.strip().lower() for h in header]
    column = next((names.index(h) for h in _TITLE_HEADERS if h in names), None)
    if column is None:
        raise _error(
            path,
            "not a Netflix viewing history (no Title column) nor kdrama's own seen-list export"
            " (kdrama seen list --json, --csv or --tsv)",
        )
    extra = names.index(_EXTRA_HEADER) if _EXTRA_HEADER in names else None
    titles: list[str] = []
    extras = 0
    try:
        for row in rows:
            if extra is not None and len(row) > extra and row[extra].strip():
                extras += 1  # a trailer or preview that played: not the title watched
            elif len(row) > column and row[column].strip():
                titles.append(row[column])
    except csv.Error as error:
        raise _error(path, f"cannot read: {error}", rows.line_num) from None
    return HistoryTitles(titles, extras)


#: The first columns of `seen list --csv`.
_EXPORT_HEADER = ("slug", "title")


def _seen_export(path: str, text: str) -> SeenExport | None:
    """The entries of kdrama's own seen-list export (`seen list --json`: an array of objects
    with a slug and seasons; `--csv` or `--tsv`: a slug column and seasons as "1; 2; 3"), or
    None when ``text`` is not one (a Netflix history). What is in it is checked as a history's
    rows are: a slug that is no text or seasons that are not whole numbers name the row."""
    if text.lstrip().startswith("["):
        import json

        try:
            rows = json.loads(text)  # a list, as the text starts with "[" (or an error)
        except (ValueError, RecursionError) as error:
            raise _error(path, f"not a kdrama seen list (JSON): {error}") from None
        return SeenExport(_entry(path, row, f"title {at + 1}: ") for at, row in enumerate(rows))
    first_line = text.split("\n", 1)[0]
    tabbed = "\t" in first_line  # `seen list --tsv`: no quoting, a tab between columns
    first = first_line.split("\t" if tabbed else ",")
    if tuple(_unquoted(name).lower() for name in first[:2]) != _EXPORT_HEADER:
        return None
    # Each row is named by the line it ends on, as the reader counts lines: a quoted title can
    # span several (a row's number would name the wrong line for every row after it).
    if tabbed:
        rows = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        rows = csv.reader(io.StringIO(text))
    entries = SeenExport()
    try:
        header = [_unquoted(name) for name in next(rows)]
        for row in rows:
            if row:  # not a blank line
                named = dict(zip(header, row, strict=False))  # a short row lacks the rest
                entries.append(_export_entry(path, named, rows.line_num))
    except csv.Error as error:
        raise _error(path, f"cannot read: {error}", rows.line_num) from None
    return entries


def _export_entry(path: str, row: dict[str, str], line: int) -> SeenEntry:
    """One row of `seen list --csv` or `--tsv`, its seasons written "1; 2; 3". A TSV saved by
    a spreadsheet may quote a value kdrama wrote bare: the quotes around it are not part of
    it."""
    seasons = [_unquoted(part) for part in (row.get("seasons") or "").split(";")]
    slug = row.get("slug")
    entry = {"slug": _unquoted(slug) if slug else slug, "seasons": [s for s in seasons if s]}
    return _entry(path, entry, "", line)


def _unquoted(value: str) -> str:
    """``value`` without the spaces and one pair of double quotes around it."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].strip()
    return value.strip('"').strip()


def _entry(path: str, row: object, which: str, line: int | None = None) -> SeenEntry:
    """One title of the export, or the error naming it: ``which`` ("title 3: ") in a JSON
    array, ``line`` in a CSV file."""
    slug = row.get("slug") if isinstance(row, dict) else None
    seasons = row.get("seasons", []) if isinstance(row, dict) else None
    if not isinstance(slug, str) or not slug.strip():
        raise _error(path, f"{which}not a kdrama seen list: each title needs its slug", line)
    numbers = []
    for season in seasons if isinstance(seasons, list) else [seasons]:
        text = str(season)
        if season is None:
            text = "null"
        if isinstance(season, bool) or not (text.isascii() and text.isdigit() and len(text) < 7):
            named = shortened(slug.strip(), 60)
            said = f"{which}{named}: a season is a number, not {shortened(text, 20)!r}"
            raise _error(path, said, line)
        numbers.append(int(text))
    return slug.strip(), tuple(sorted(set(numbers)))


def _history_text(path: str) -> str:
    """The text of the history: UTF-8, with or without a BOM."""
    try:
        raw = _stdin_bytes() if path == STDIN else read_regular_file(path, MAX_HISTORY_BYTES)
    except OSError as error:  # UnreadableFile too
        raise _error(path, why_unreadable(error) + _pipe_it_in(path)) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # utf-8-sig would count from the BOM
    except UnicodeDecodeError as error:
        from kdrama_cli.catalogue.syntax import not_utf8

        line, column, message = not_utf8(raw, error.start)
        raise _error(path, message, line, column) from None


def _pipe_it_in(path: str) -> str:
    """What to do instead when ``path`` is a pipe (the shell's ``<(cmd)`` names one), which is
    refused as a dataset is: a history piped to standard input is read."""
    import stat

    try:
        piped = path != STDIN and stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return ""
    return "; give it on standard input instead: cmd | kdrama seen import -" if piped else ""


def _stdin_bytes() -> bytes:
    """Standard input's bytes; UnreadableFile when there is none (``<&-`` closes it) or when it
    holds more than a file may: one byte over the bound is read to tell, so a history is never
    cut short and imported in part."""
    if sys.stdin is None:
        raise UnreadableFile(0, "standard input is closed")
    raw = sys.stdin.buffer.read(MAX_HISTORY_BYTES + 1)
    if len(raw) > MAX_HISTORY_BYTES:
        raise UnreadableFile(
            0, f"standard input is too large (more than {size_of(MAX_HISTORY_BYTES)})"
        )
    return raw


def _error(
    path: str, message: str, at: int | None = None, column: int | None = None
) -> DatasetError:
    """The error for the history at ``path``, at a row when ``at`` gives its line (and
    ``column`` its column: ``PATH:LINE`` as data netflix and data check name a row). Standard input
    (``-``) is said as "standard input", as an empty history's line says it, unless the
    message already names it ("standard input is too large")."""
    named = path
    if path == STDIN and "standard input" not in message:
        named = "standard input"
    return DatasetError([Problem(named, "", message, line=at, column=column)])

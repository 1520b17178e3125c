"""The seen list: which titles and seasons the user has watched, in a small TOML file.

``$KDRAMA_SEEN`` names the file; otherwise it is ``seen.toml`` in the user's data directory
(``$XDG_DATA_HOME/kdrama``). It is the user's own file, but read as untrusted input all the
same: bounded, a regular file only, every entry checked; a malformed file is an error naming
the file and the entry, never a traceback.

Every change is made by update_seen: under a lock on ``seen.toml.lock`` beside it (beside the
file a link names, so that two names for one file take one lock), the file is read as it is at
that moment, changed, and written back atomically, so two kdramas changing it at once (a
script's parallel `seen add`, `browse` beside a shell) each build on the other's change instead
of overwriting it. The user's own comments and layout are kept (tomlkit edits the entries in
place); a new file starts with a comment saying what it is, and is private (0600: a viewing
history). The file itself is kept as the user set it up (writing.py): a link is written
through, the mode kept, a read-only file refused.

    [seen]
    squid-game = [1, 2]      # seasons watched
    train-to-busan = []      # a film (or a title without seasons)
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from kdrama_cli.catalogue.locations import seen_named, seen_path
from kdrama_cli.catalogue.problems import DatasetError, Problem

MAX_SEEN_BYTES = 8 * 1024 * 1024
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

#: How long a change waits for another kdrama that is changing the list.
LOCK_WAIT_SECONDS = 10.0

Seen = dict[str, tuple[int, ...]]
T = TypeVar("T")


def read_seen(path: str | None) -> Seen:
    """The seen list in the file (empty when there is no file yet)."""
    text = _read_text(path)
    return _parse(path, text) if path is not None and text is not None else {}


def _read_text(path: str | None) -> str | None:
    """The file's text; None when there is no file yet."""
    if path is None or not os.path.lexists(path):
        return None
    from kdrama_cli.catalogue.reading import read_regular_file, why_unreadable

    try:
        raw = read_regular_file(path, MAX_SEEN_BYTES)
    except OSError as error:  # UnreadableFile too
        raise DatasetError([Problem(path, "", why_unreadable(error))]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        from kdrama_cli.catalogue.syntax import not_utf8

        # as a dataset file says it: a list saved as UTF-16 by Notepad, or in EUC-KR
        line, column, message = not_utf8(raw, error.start)
        raise DatasetError([Problem(path, "", message, line=line, column=column)]) from None


def _parse(path: str, text: str) -> Seen:
    from kdrama_cli.catalogue.loader import parse_toml

    return _entries(path, parse_toml(path, text))


def _entries(path: str, document: Mapping[str, object]) -> Seen:
    table = document.get("seen", {})
    if not isinstance(table, dict):
        raise DatasetError([Problem(path, "seen", "must be a table of title = [seasons]")])
    seen: Seen = {}
    problems = _outside(path, document)
    for slug, seasons in table.items():
        where = f"seen.{slug}"
        if not _SLUG.fullmatch(slug):
            named = _written_as_name(slug)
            message = NAME_NOT_SLUG if named else "is not a title's slug"
            problems.append(Problem(path, where, message, key_is_title_name=named))
        elif not _season_numbers(seasons):
            problems.append(Problem(path, where, _not_seasons(seasons)))
        else:
            seen[slug] = tuple(sorted(set(seasons)))
    if problems:
        raise DatasetError(problems)
    return seen


#: Why a key written as a title's name ('"Squid Game" = [1]') is no entry: its problem is
#: flagged (Problem.key_is_title_name), and the app adds the command that writes its entry
#: where the name finds one title (App._seen_key_named).
NAME_NOT_SLUG = "is not a title's slug (lower-case words joined by '-'): take it out"


def _written_as_name(key: str) -> bool:
    """Whether a key that is no slug reads as a title's name written by hand."""
    from kdrama_cli.catalogue.printable import has_control

    name = " ".join(key.split())
    return (
        any(c.isalpha() for c in name)
        and not has_control(name)
        and len(name) <= 80
        and "/" not in name
    )


def _outside(path: str, document: Mapping[str, object]) -> list[Problem]:
    """In a file with no [seen] table, the lines that read as its entries (a slug = a list of
    season numbers), each a problem: written by hand without the [seen] line, they would be
    read as not seen, and stay so after the next `seen add` wrote the table below them. Once
    the file has its table, what else it holds (the user's own keys and tables, `tags = [1]`
    above it) is kept and left alone."""
    if "seen" in document:
        return []
    return [
        Problem(path, key, "is outside the [seen] table: write it under the line [seen]")
        for key, value in document.items()
        if _SLUG.fullmatch(key) and _season_numbers(value)
    ]


def _season_numbers(value: object) -> bool:
    """Whether a value is a seen entry's: a list of season numbers, perhaps empty (a film)."""
    return isinstance(value, list) and all(
        isinstance(n, int) and not isinstance(n, bool) and 0 < n < 1000 for n in value
    )


def _not_seasons(value: object) -> str:
    """Why a value is no list of season numbers, naming the first item that is none where the
    value is a list: '[0, 9]' said only "must be a list of season numbers", and the 0 had to
    be found by eye."""
    said = "must be a list of season numbers"
    if not isinstance(value, list):
        return said + ", as [1, 2] ([] for a film)"
    for item in value:
        if isinstance(item, bool):
            return f"{said}: {str(item).lower()} is none"
        if isinstance(item, int) and not 0 < item < 1000:
            return f"{said}: {item} is none (seasons count from 1)"
        if isinstance(item, str) and item.strip().isdigit() and len(item) < 4:
            return f"{said}: {item!r} is text (write {int(item)}, without quotes)"
        if isinstance(item, float):
            return f"{said}: {item} is none (write a whole number)"
    return said


def seen_text(seen: Mapping[str, Iterable[int]]) -> str:
    """The file's text: one line a title (slugs are bare TOML keys by construction: only
    lowercase letters, digits and hyphens)."""
    lines = [
        "# The titles you have seen, for kdrama (kdrama seen add / remove / import).",
        "# Each line is a title's slug = the seasons seen ([] for a film).",
        "",
        "[seen]",
    ]
    for slug in sorted(seen):
        if not _SLUG.fullmatch(slug):
            raise ValueError(f"not a slug: {slug!r}")
        numbers = ", ".join(str(n) for n in sorted(set(seen[slug])))
        lines.append(f"{slug} = [{numbers}]")
    return "\n".join(lines) + "\n"


#: The line added to update_seen's ``notes`` when the file had to be written afresh.
REWRITTEN = "could not edit {path} in place: kept your list but not its comments or layout"


def update_seen(
    path: str, change: Callable[[Seen], tuple[Seen | None, T]], notes: list[str] | None = None
) -> T:
    """Apply ``change`` to the seen list as the file holds it now, and return what it returns.

    ``change`` gets the list read under the lock and returns (the new list, or None to leave the
    file alone; its own result). The new list is written atomically before the lock is let go,
    with the user's comments kept; when they could not be (edited_text), a line saying so is
    added to ``notes``, for the command to say. DatasetError for a malformed file; OSError when
    the file or its lock cannot be written (writing.ReadOnlyFile when the user made it
    read-only; NotADirectoryError, "PATH is not a folder", when a file is where its folder
    should be), or LockBusy when another kdrama holds the lock for longer than
    LOCK_WAIT_SECONDS."""
    from kdrama_cli.catalogue.locking import locked
    from kdrama_cli.catalogue.writing import write_atomically

    with locked(_lock_file(path), LOCK_WAIT_SECONDS):
        text = _read_text(path)
        new, result = change(_parse(path, text) if text is not None else {})
        if new is not None:
            written, kept = edited_text(path, text, new)
            write_atomically(path, written, private=True)
            if not kept and notes is not None:
                notes.append(REWRITTEN.format(path=path))
    return result


def _lock_file(path: str) -> str:
    """The lock that guards the list at ``path``, its folder made where missing (the data
    folder's; one $KDRAMA_SEEN names is refused, FileNotFoundError, when not there): beside the file
    the list is written to, which write_atomically finds through links. A list kept with the
    user's dotfiles and linked into the data folder, while a script's $KDRAMA_SEEN names the
    file itself, is one file by two names: locked beside the name each used, a change through
    one and a change through the other could each overwrite the other's."""
    folder = os.path.dirname(path) or "."
    if seen_named() and path == seen_path() and not os.path.isdir(folder):
        # A folder of the user's own naming is theirs to make: made here, a typo in
        # $KDRAMA_SEEN (or a '~' no shell expanded) started a new, empty list elsewhere.
        _refuse_a_file_in_the_way(folder)
        raise FileNotFoundError(
            errno.ENOENT,
            f"its folder {folder} does not exist ($KDRAMA_SEEN names it: make the folder, or"
            " point KDRAMA_SEEN at a file in one that does)",
            folder,
        )
    _make_folder(folder)  # the data folder's, made as needed
    target = os.path.realpath(path)
    # A link whose target's folder is gone is refused when written (writing.py); the folder
    # is not made for it, and the lock stays beside the link's own name meanwhile.
    return (target if os.path.isdir(os.path.dirname(target)) else path) + ".lock"


def _make_folder(folder: str) -> None:
    """Make ``folder`` and the folders above it that are missing. Where one of them is a file
    ($XDG_DATA_HOME or the folder in $KDRAMA_SEEN naming a file), makedirs says "File exists"
    or "Not a directory", which points the user at the list: NotADirectoryError naming the
    file in the way. Where the system refuses to make it (a home, or $XDG_DATA_HOME, that is
    read-only or another user's), makedirs said only "Permission denied": PermissionError
    naming the folder and where a list can go instead."""
    try:
        os.makedirs(folder, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        _refuse_a_file_in_the_way(folder)
        raise  # not the cause (made meanwhile): the error as it was
    except PermissionError as error:
        said = (error.strerror or str(error)).lower()
        raise PermissionError(
            error.errno,
            f"its folder {folder} cannot be made, {said} (point KDRAMA_SEEN at a file in a"
            " folder of your own)",
            folder,
        ) from None


def _refuse_a_file_in_the_way(folder: str) -> None:
    """NotADirectoryError naming the file where ``folder``, or a folder above it, should be."""
    there = folder
    while not os.path.lexists(there) and os.path.dirname(there) != there:
        there = os.path.dirname(there)
    if not os.path.isdir(there):
        raise NotADirectoryError(errno.ENOTDIR, f"{there} is not a folder", there) from None


def edited_text(path: str, text: str | None, seen: Mapping[str, Iterable[int]]) -> tuple[str, bool]:
    """The file's new text: ``text`` with its entries changed to ``seen`` and everything else
    (comments, order, other tables) kept; and whether they were. A new file, or one tomlkit
    cannot edit so that it reads back as ``seen`` (tomlkit refuses arrays nested 200 deep,
    which tomllib reads), is written whole by seen_text: False, the user's comments and layout
    are lost."""
    from tomlkit.exceptions import TOMLKitError

    if text is None or not text.strip():
        return seen_text(seen), True
    try:
        # A byte-order mark (Notepad's UTF-8) is read past as parse_toml does: tomlkit refuses it.
        edited = _edit_entries(text.removeprefix("\ufeff"), seen)
        reads_back = _parse(path, edited) == {
            slug: tuple(sorted(set(seasons))) for slug, seasons in seen.items()
        }
    except (TOMLKitError, DatasetError):  # tomlkit fails, or its edit does not even parse
        reads_back = False
    return (edited, True) if reads_back else (seen_text(seen), False)


def _edit_entries(text: str, seen: Mapping[str, Iterable[int]]) -> str:
    """``text`` with the [seen] table's entries made ``seen``: removed ones deleted (with their
    line's comment), changed ones edited in place (keeping theirs), new ones added at the end."""
    import tomlkit

    document = tomlkit.parse(text)
    table: Any = document.get("seen")
    if table is None:
        table = tomlkit.table()
        document["seen"] = table
    for slug in [key for key in table if key not in seen]:
        del table[slug]
    for slug in sorted(seen):
        numbers = sorted(set(seen[slug]))
        if slug not in table:
            table[slug] = tomlkit.item(numbers)
        elif list(table[slug]) != numbers:
            table[slug].clear()
            table[slug].extend(numbers)
    return tomlkit.dumps(document)

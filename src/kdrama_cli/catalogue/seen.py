"""The seen list: which titles and seasons the user has watched, in a small TOML file.

``$KDRAMA_SEEN`` names the file; otherwise it is ``seen.toml`` in the user's data directory
(``$XDG_DATA_HOME/kdrama``). It is the user's own file, but read as untrusted input all the
same: bounded, a regular file only, every entry checked; a malformed file is an error naming
the file and the entry, never a traceback. Written atomically, with a comment saying what it is.

    [seen]
    squid-game = [1, 2]      # seasons watched
    train-to-busan = []      # a film (or a title without seasons)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping

from kdrama_cli.catalogue.locations import user_data_dir
from kdrama_cli.catalogue.problems import DatasetError, Problem

#: The environment variable that names the seen file (tests use it).
ENV_SEEN = "KDRAMA_SEEN"
MAX_SEEN_BYTES = 8 * 1024 * 1024
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

Seen = dict[str, tuple[int, ...]]


def seen_path() -> str | None:
    """Where the seen list lives; None when there is no home to keep it in."""
    named = os.environ.get(ENV_SEEN)
    if named:
        return os.path.abspath(named)
    folder = user_data_dir()
    return os.path.join(folder, "seen.toml") if folder else None


def read_seen(path: str | None) -> Seen:
    """The seen list in the file (empty when there is no file yet)."""
    if path is None or not os.path.lexists(path):
        return {}
    from kdrama_cli.catalogue.reading import UnreadableFile, read_regular_file

    try:
        raw = read_regular_file(path, MAX_SEEN_BYTES)
    except (UnreadableFile, OSError) as error:
        raise DatasetError([Problem(path, "", error.strerror or str(error))]) from None
    from kdrama_cli.catalogue.loader import _toml

    toml = _toml()
    try:
        document = toml.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DatasetError([Problem(path, "", "not UTF-8 text")]) from None
    except toml.TOMLDecodeError as error:
        raise DatasetError([Problem(path, "", f"not valid TOML: {error}")]) from None
    return _entries(path, document)


def _entries(path: str, document: Mapping[str, object]) -> Seen:
    table = document.get("seen", {})
    if not isinstance(table, dict):
        raise DatasetError([Problem(path, "seen", "must be a table of title = [seasons]")])
    seen: Seen = {}
    problems = []
    for slug, seasons in table.items():
        where = f"seen.{slug}"
        if not _SLUG.fullmatch(slug):
            problems.append(Problem(path, where, "is not a title's slug"))
        elif not isinstance(seasons, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 0 < n < 1000 for n in seasons
        ):
            problems.append(Problem(path, where, "must be a list of season numbers"))
        else:
            seen[slug] = tuple(sorted(set(seasons)))
    if problems:
        raise DatasetError(problems)
    return seen


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


def write_seen(path: str, seen: Mapping[str, Iterable[int]]) -> None:
    """Replace the seen file atomically (its folder is made when missing)."""
    from kdrama_cli.catalogue.writing import write_atomically

    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    write_atomically(path, seen_text(seen))

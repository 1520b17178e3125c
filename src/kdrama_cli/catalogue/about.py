"""What `kdrama --version` says of the shipped dataset: its ``[meta] updated`` date and how many
titles it holds, read without parsing it.

``--version`` is held to the speed of ``python -c "import click"`` (benchmarks/run.py), and
parsing the TOML (or only importing tomllib) would cost more than the rest of the run. The
shipped files are written by kdrama itself (tomli-w and `kdrama data netflix`), one
``[[shows]]`` header a line per title, so counting those headers in the file and the files it
includes counts the titles: tests/test_cli_basics.py checks the count against the loader's.
"""

from __future__ import annotations

import os

from kdrama_cli.catalogue.record import Record

#: Includes followed from the shipped file at most this deep (it includes one file).
_DEPTH = 4


class About(Record):
    updated: str | None
    titles: int


def about_dataset(path: str) -> About | None:
    """The dataset file's ``[meta] updated`` and the titles it and its includes define; None
    when a file cannot be read."""
    try:
        titles = _count_titles(path, set(), _DEPTH)
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return None
    updated = _meta(head).get("updated", "").strip("\"'")
    return About(updated if _is_date(updated) else None, titles)


def _is_date(text: str) -> bool:
    """'2026-12-01' (a TOML local date, as the shipped file writes it)."""
    parts = text.split("-")
    return [len(p) for p in parts] == [4, 2, 2] and all(p.isascii() and p.isdigit() for p in parts)


def _count_titles(path: str, seen: set[str], depth: int) -> int:
    real = os.path.realpath(path)
    if real in seen or depth < 0:
        return 0
    seen.add(real)
    with open(path, "rb") as stream:
        data = stream.read()
    count = data.count(b"\n[[shows]]") + data.startswith(b"[[shows]]")
    folder = os.path.dirname(path)
    for include in _includes(_meta(data[:4096]).get("include")):
        count += _count_titles(os.path.join(folder, include), seen, depth - 1)
    return count


def _meta(head: bytes) -> dict[str, str]:
    """The ``key = value`` lines of the ``[meta]`` table at the top of a file, as written."""
    values: dict[str, str] = {}
    inside = False
    for raw in head.decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if line.startswith("["):
            if inside:
                break
            inside = line == "[meta]"
        elif inside and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.split("#", 1)[0].strip()
    return values


def _includes(value: str | None) -> list[str]:
    """The file names of an ``include = ["a.toml", "b.toml"]`` line."""
    if not value or not value.startswith("["):
        return []
    return [part.strip().strip("\"'") for part in value.strip("[]").split(",") if part.strip()]

"""What `kdrama --version` says of the shipped dataset: its ``[meta] updated`` date, how many
titles it holds and how far its Netflix figures go, read without parsing it.

``--version`` is held to the speed of ``python -c "import click"`` (benchmarks/run.py), and
parsing the TOML (or only importing tomllib) would cost more than the rest of the run. The
shipped files are written by kdrama itself (tomli-w and `kdrama data netflix`), one
``[[shows]]`` header a line per title, so counting those headers in the file and the files it
includes counts the titles: tests/test_cli_basics.py checks the count against the loader's.
Likewise `kdrama data netflix` names each Netflix citation by what it cites
(``netflix-top10-tv-non-english-2026-07-19``, ``netflix-engagement-2025h1``), and a citation no
figure uses is a warning, so the latest of those ids is how far the figures go: the test checks
it against the loader's (models.netflix_reach_of).
"""

from __future__ import annotations

import os

from kdrama_cli.catalogue.record import Record

#: Includes followed from the shipped file at most this deep (it includes one file).
_DEPTH = 4


class About(Record):
    updated: str | None
    titles: int
    #: The week ending the latest weekly Top 10 figure, the latest report's half-year, and
    #: the day of the latest all-time Most Popular list.
    top10_to: str | None = None
    reports_to: str | None = None
    popular_as_of: str | None = None


#: The ids `kdrama data netflix` gives the citations of a week's Top 10 lists (ending in the
#: week's date) and of a half-year's engagement report (ending in "2025h1").
_TOP10_ID = b'\nid = "netflix-top10-'
_REPORT_ID = b'\nid = "netflix-engagement-'
_POPULAR_ID = b'\nid = "netflix-most-popular-'


def reach_label(
    top10_to: str | None, reports_to: str | None, popular_as_of: str | None = None
) -> str | None:
    """'Netflix weekly Top 10 to 2026-07-19, all-time lists as of 2026-07-22; engagement
    reports to January–June 2025', or the parts the dataset has, or None.

    The all-time Most Popular lists are dated apart: they can be later than the last week
    (2026-07-22 after the week ending 2026-07-19), and a page's figures say so."""
    lists = []
    if top10_to:
        lists.append(f"weekly Top 10 to {top10_to}")
    if popular_as_of:
        lists.append(f"all-time lists as of {popular_as_of}")
    parts = [", ".join(lists)] if lists else []
    if reports_to:
        half = "January–June" if reports_to[-1:] in "1" else "July–December"
        parts.append(f"engagement reports to {half} {reports_to[:4]}")
    return "Netflix " + "; ".join(parts) if parts else None


def about_dataset(path: str) -> About | None:
    """The dataset file's ``[meta] updated`` and the titles it and its includes define; None
    when a file cannot be read."""
    found: dict[str, str] = {}
    try:
        titles = _count_titles(path, set(), _DEPTH, found)
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return None
    updated = _meta(head).get("updated", "").strip("\"'")
    return About(
        updated if _is_date(updated) else None,
        titles,
        found.get("top10"),
        found.get("report"),
        found.get("popular"),
    )


#: (what it says, the ids' prefix, the length of their date ending)
_ID_ENDS = (("top10", _TOP10_ID, 10), ("report", _REPORT_ID, 6), ("popular", _POPULAR_ID, 10))


def _is_id_end(text: str) -> bool:
    """A date, or a half-year as a report's id ends ("2025h1")."""
    if len(text) == 6:
        return text[:4].isascii() and text[:4].isdigit() and text[4:] in ("h1", "h2")
    return _is_date(text)


def _is_date(text: str) -> bool:
    """'2026-12-01' (a TOML local date, as the shipped file writes it)."""
    parts = text.split("-")
    return [len(p) for p in parts] == [4, 2, 2] and all(p.isascii() and p.isdigit() for p in parts)


def _count_titles(path: str, seen: set[str], depth: int, found: dict[str, str]) -> int:
    """The titles of a file and its includes; the latest Netflix ids they cite go in found."""
    real = os.path.realpath(path)
    if real in seen or depth < 0:
        return 0
    seen.add(real)
    with open(path, "rb") as stream:
        data = stream.read()
    count = data.count(b"\n[[shows]]") + data.startswith(b"[[shows]]")
    # kdrama writes the citations before the titles: only that part is searched.
    shows = data.find(b"\n[[shows]]")
    citations = data[:shows] if shows >= 0 else data
    for key, prefix, size in _ID_ENDS:
        latest = _latest_id_end(citations, prefix, size)
        if latest and latest > found.get(key, ""):
            found[key] = latest
    folder = os.path.dirname(path)
    for include in _includes(_meta(data[:4096]).get("include")):
        count += _count_titles(os.path.join(folder, include), seen, depth - 1, found)
    return count


def _latest_id_end(data: bytes, prefix: bytes, size: int) -> str | None:
    """The greatest ending of ``size`` characters among the ids that start with ``prefix``
    ("2026-07-19" of netflix-top10-tv-non-english-2026-07-19; "2025H1" of
    netflix-engagement-2025h1); None when there is none."""
    best = b""
    start = data.find(prefix)
    while start >= 0:
        end = data.find(b'"', start + len(prefix))
        value = data[end - size : end] if end >= 0 else b""
        if value > best and _is_id_end(value.decode("ascii", "replace")):
            best = value
        start = data.find(prefix, start + len(prefix))
    return best.decode("ascii").upper() if best else None


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

"""How deep the catalogue goes where fans look most (the "depth" issue's target list).

Run from the repository root after installing the project:  python scripts/depth.py [--json]

The targets are computed from the shipped dataset itself, whose Netflix figures come from
Netflix's own files:

1. every title with a week in Netflix's *global* weekly Top 10 (national lists do not count;
   Squid Game: The Challenge, an English-language spin-off, is left out);
2. the 50 titles with the most hours across the engagement reports that never had such a week.

For each it reports whether the entry is full (researched, not Netflix's record alone), whether
every released season has its release date and episode count (a season may instead say why no
source gives one: such an entry is full but not dated and counted), and whether it reaches the
credit floor: 6 credits for a drama or film, 4 for a reality or variety show. Credits whose
role no source names (``character_unknown``) count towards the floor, and the titles that
reach it only through them are listed apart. Nothing is written; the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Show

ROOT = Path(__file__).resolve().parents[1]
#: In the Top 10 data but not a Korean work: the English-language spin-off.
NOT_KOREAN = {"squid-game-the-challenge"}
MOST_WATCHED = 50


def global_weeks(show: Show) -> int:
    return sum(
        1 for s in show.stats if s.window.startswith("week:") and s.list != "national Top 10s"
    )


def report_hours(show: Show) -> float:
    return sum(
        s.value
        for s in show.stats
        if s.window.startswith("half-year:") and s.metric == "hours-viewed"
    )


def credit_floor(show: Show) -> int:
    return 4 if show.kind in ("reality", "variety") else 6


def undated_or_uncounted(show: Show) -> bool:
    """A released season whose first date or episode count no source gives."""
    return any(s.release_date is None or s.episodes is None for s in show.released_seasons)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    options = parser.parse_args()

    # The shipped files only (their includes), never $KDRAMA_DATA or a personal dataset.
    dataset = load_dataset([ROOT / "data" / "shows.toml"])
    shows = sorted(dataset.shows.values(), key=lambda s: s.slug)
    top10 = [s for s in shows if global_weeks(s) and s.slug not in NOT_KOREAN]
    others = sorted((s for s in shows if not global_weeks(s)), key=report_hours, reverse=True)
    groups = {"global Top 10": top10, f"{MOST_WATCHED} most-watched others": others[:MOST_WATCHED]}

    report: dict[str, dict[str, Any]] = {}
    for name, members in groups.items():
        full = [s for s in members if s.completeness == "full"]
        thin = [s for s in full if len(s.cast) < credit_floor(s)]
        named = {s.slug: sum(1 for c in s.cast if c.character) for s in full}
        unnamed_help = [s for s in full if named[s.slug] < credit_floor(s) <= len(s.cast)]
        report[name] = {
            "titles": len(members),
            "full": len(full),
            "full_and_at_credit_floor": len(full) - len(thin),
            "not_full": [s.slug for s in members if s.completeness != "full"],
            "undated_or_uncounted": [s.slug for s in full if undated_or_uncounted(s)],
            "below_credit_floor": {s.slug: len(s.cast) for s in thin},
            "at_floor_only_with_unnamed_roles": {s.slug: named[s.slug] for s in unnamed_help},
        }
    if options.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for name, part in report.items():
        print(
            f"{name}: {part['titles']} titles, {part['full']} full entries, "
            f"{part['full_and_at_credit_floor']} of them at the credit floor"
        )
        print(f"  not full ({len(part['not_full'])}): {', '.join(part['not_full'])}")
        undated = part["undated_or_uncounted"]
        print(
            f"  full, but a released season lacks its date or episode count ({len(undated)}): "
            + ", ".join(undated)
        )
        below = ", ".join(f"{slug} ({n})" for slug, n in part["below_credit_floor"].items())
        print(f"  below the credit floor ({len(part['below_credit_floor'])}): {below}")
        helped = part["at_floor_only_with_unnamed_roles"]
        if helped:
            listed = ", ".join(f"{slug} ({n} named)" for slug, n in helped.items())
            print(f"  at the floor only with roles no source names ({len(helped)}): {listed}")
    return 0


def quietly_to_a_closed_pipe() -> int:
    """main(), ending quietly, with status 0, when the reader of stdout has gone (``| head``),
    as kdrama does: it stopped reading, as asked, and Python's BrokenPipeError traceback on
    stderr, and its exit 1 or 120, said otherwise."""
    try:
        status = main()
        sys.stdout.flush()  # inside: the rest of the report, still buffered, meets the pipe here
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the flush at exit writes there, quietly
        return 0
    return status


if __name__ == "__main__":
    raise SystemExit(quietly_to_a_closed_pipe())

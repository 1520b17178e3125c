"""Regenerate the README screenshots: real output of kdrama, saved as SVG by --export-svg.

Run from the repository root after installing the project:  python scripts/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"
SHOTS = {
    "show.svg": ["show", "All of Us Are Dead"],
    "compare.svg": ["compare", "squid-game", "all-of-us-are-dead"],
    "chart.svg": ["chart", "all-of-us-are-dead"],
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "KDRAMA_DATA")}
    env.update({"COLUMNS": "100", "LINES": "10000", "FORCE_COLOR": "1"})
    for name, args in SHOTS.items():
        target = OUT / name
        command = [sys.executable, "-m", "kdrama_cli", "--no-pager", "--export-svg", str(target)]
        subprocess.run([*command, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

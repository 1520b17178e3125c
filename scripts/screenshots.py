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
    import tempfile

    OUT.mkdir(parents=True, exist_ok=True)
    # The shots show what a new user sees: no KDRAMA_* setting of the shell (a dataset list, a
    # fixed day) and no seen list (the user's own would add "You have seen them in").
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR" and not k.startswith("KDRAMA_")}
    env["KDRAMA_SEEN"] = os.path.join(tempfile.mkdtemp(), "seen.toml")
    env.update({"COLUMNS": "100", "LINES": "10000", "FORCE_COLOR": "1"})
    for name, args in SHOTS.items():
        target = OUT / name
        command = [sys.executable, "-m", "kdrama_cli", "--no-pager", "--export-svg", str(target)]
        subprocess.run([*command, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"wrote {target.relative_to(ROOT)}")
    browse_shot(OUT / "browse.svg")
    return 0


def browse_shot(target: Path) -> None:
    """`kdrama browse` at 100x30: "squid" typed, Squid Game opened (needs the tui extra). The
    real app, driven headless by Textual's pilot; an empty seen list, colours on."""
    import asyncio
    import tempfile

    from kdrama_cli.app import App
    from kdrama_cli.commands.browse import BrowseEngine
    from kdrama_cli.views.browser import Browser

    for name in [k for k in os.environ if k == "NO_COLOR" or k.startswith("KDRAMA_")]:
        os.environ.pop(name, None)
    os.environ["KDRAMA_SEEN"] = os.path.join(tempfile.mkdtemp(), "seen.toml")
    app = Browser(BrowseEngine(App()))

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*"squid")
            await pilot.press("enter")
            await pilot.pause()
            app.save_screenshot(target.name, str(target.parent))

    asyncio.run(run())
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main())

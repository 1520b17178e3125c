"""Mends of audit 37's seen-list findings, each run through the CLI as a fan would."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run


def _seen(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "seen.toml"
    path.write_text(text, encoding="utf-8")
    return {"KDRAMA_SEEN": str(path)}


def test_a_series_listed_with_no_season_is_shown_but_not_counted(
    run_shipped: Run, tmp_path: Path
) -> None:
    """`squid-game = []` marks no season, and the README says pages neither mark nor count
    it; `seen list` counted it ("2 titles seen"). It is still listed, with its "—", so the fan
    sees the entry the warning names, and the count says what it left out."""
    env = _seen(tmp_path, "[seen]\nsquid-game = []\nparasite = []\n")
    result = run_shipped("seen", "list", env=env)
    assert result.exit_code == 0, result.output
    assert "Squid Game" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == (
        "1 title seen; 1 more listed with no season marked (—)"
    )
    marked = run_shipped("seen", "list", env=_seen(tmp_path, "[seen]\nsquid-game = [1]\n"))
    assert marked.stdout.rstrip().splitlines()[-1] == "1 title seen"

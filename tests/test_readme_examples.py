"""README's console examples are what kdrama prints today, on the shipped catalogue.

Every ```console block is run: each `$ kdrama ...` line through the CLI (a `| cut` or `| jq`
after it through that tool), with no colour, on a day fixed to the one the examples were made
on, at the width the example was drawn at. A line of `…` or `...` in an example stands for
lines left out; the lines between them must come out together and in order (the first at the
top unless the example starts with a gap, the last at the bottom unless it ends with one).
"""

from __future__ import annotations

import difflib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from tests.test_seen import HISTORY

#: The day the examples were made on (upcoming's says so: "before today (2026-11-30)").
TODAY = "2026-11-30"
#: The width each example was drawn at, as its longest lines and rules imply (upcoming's
#: table needs 81 for its Since column); 100, the screenshots', for the others.
COLUMNS = {"show": "88", "path": "92", "similar": "96", "upcoming": "81"}
GAPS = {"…", "..."}


def _examples() -> list[tuple[int, int, str, list[str]]]:
    """(console block, README line, command, the lines shown under it) for every command in a
    console block."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").split("\n")
    examples: list[tuple[int, int, str, list[str]]] = []
    block = 0
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            block = number if line == "```console" else 0
        elif block and line.startswith("$ "):
            examples.append((block, number, line[2:], []))
        elif block and examples:
            examples[-1][3].append(line)
    return examples


def _mismatch(expected: list[str], actual: list[str]) -> str | None:
    """Why ``actual`` does not show what ``expected`` does (with its gaps), or None."""
    actual = [line.rstrip() for line in actual]
    segments: list[list[str]] = [[]]
    for line in expected:
        if line.strip() in GAPS:
            segments.append([])
        else:
            segments[-1].append(line.rstrip())
    start = 0
    for number, segment in enumerate(segments):
        if not segment:
            continue
        at = next(
            (
                i
                for i in range(start, len(actual) - len(segment) + 1)
                if actual[i : i + len(segment)] == segment
            ),
            None,
        )
        if at is None or (number == 0 and at != 0):
            diff = difflib.unified_diff(segment, actual[start:], "README", "kdrama", lineterm="")
            return "\n".join(diff)
        start = at + len(segment)
    if segments[-1] and start != len(actual):
        return "the example ends before the page does"
    return None


def _run(run_shipped: Run, command: str, seen: Path) -> list[str] | None:
    """What the example's command prints; None when the tool it pipes into is not installed."""
    kdrama, _, pipe = command.partition(" | ")
    args = shlex.split(kdrama)[1:]
    if args[:2] == ["seen", "import"]:
        args[2] = str(seen.parent / args[2])
    env = {"COLUMNS": COLUMNS.get(args[0], "100"), "KDRAMA_TODAY": TODAY, "KDRAMA_SEEN": str(seen)}
    result = run_shipped(*args, env=env)
    assert result.exit_code == 0, result.output
    output = result.output  # stdout and stderr, as a terminal shows them
    if pipe:
        tool = shlex.split(pipe)
        if shutil.which(tool[0]) is None:
            return None
        output = subprocess.run(
            tool, input=output, capture_output=True, text=True, check=True
        ).stdout
    return output.splitlines()


def test_every_readme_console_example_is_what_kdrama_prints(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The examples had drifted from the pages: the path example's sources read [1–3], [4,5],
    [6–8] where the page gives [1–8], [1–6], [9–11] (UX review 13, COULD 8). Each block starts
    with an empty seen list; its commands run in order (show marks what seen import added,
    from test_seen's history of 8 rows)."""
    examples = _examples()
    assert len(examples) >= 8
    drifted = []
    for block, number, command, expected in examples:
        folder = tmp_path / str(block)
        if not folder.exists():
            folder.mkdir()
            (folder / "NetflixViewingHistory.csv").write_text(HISTORY, encoding="utf-8")
        actual = _run(run_shipped, command, folder / "seen.toml")
        why = None if actual is None else _mismatch(expected, actual)
        if why is not None:
            drifted.append(f"README.md:{number}: {command}\n{why}")
    assert not drifted, "\n\n".join(drifted)


def test_readme_examples_use_the_current_keys_not_those_kept_for_compatibility() -> None:
    """README's jq example read `.credits[].show`, a key docs/output.md keeps only for
    compatibility beside `slug` ("use the first"): an example teaches the key to use."""
    kept = {"show", "show_title", "id"}  # docs/output.md, "Names": beside slug, title, person
    piped = [(number, command) for _, number, command, _ in _examples() if "| jq" in command]
    assert piped
    for number, command in piped:
        keys = set(re.findall(r"\.([A-Za-z_]+)", command.partition("| jq")[2]))
        assert not keys & kept, f"README.md:{number}: {command}"


def test_readme_completion_install_works_in_a_new_home(tmp_path: Path) -> None:
    """README's `kdrama completion bash > ~/.local/share/bash-completion/completions/kdrama`
    failed where that folder did not exist yet ("No such file or directory"), as in a new
    home: its install lines, run by bash in an empty home, write each shell's file."""
    if shutil.which("bash") is None:
        return
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in text.split("```sh\n")[1:] if b.startswith('eval "$(kdrama completion'))
    lines = [
        line.split("  #")[0]
        for line in block.split("```")[0].splitlines()
        if line.startswith("mkdir ") or line.startswith("kdrama completion ")
    ]
    # zsh's was `> "${fpath[1]}/_kdrama"`, the system's folder, which only root may write
    # ("permission denied" for everyone else; walk 41): each shell's file is in the home
    assert not [line for line in lines if "fpath" in line]
    assert {"bash", "zsh", "fish"} <= {line.split()[2] for line in lines if line.startswith("kd")}
    home = tmp_path / "home"
    home.mkdir()
    script = 'kdrama() { echo "# $2 completion"; }\nset -e\n' + "\n".join(lines)
    done = subprocess.run(
        ["bash", "-c", script],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    bash = home / ".local/share/bash-completion/completions/kdrama"
    fish = home / ".config/fish/completions/kdrama.fish"
    assert bash.read_text() == "# bash completion\n"
    assert fish.read_text() == "# fish completion\n"
    assert (home / ".zfunc/_kdrama").read_text() == "# zsh completion\n"


def test_readme_zsh_lines_make_zsh_load_kdramas_completion(tmp_path: Path) -> None:
    """The ~/.zshrc lines README gives, with the file its completion lines write, register
    kdrama's completion function in a real zsh (where zsh is installed)."""
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    text = (REPO / "README.md").read_text(encoding="utf-8")
    zshrc = next(b for b in text.split("```sh\n")[1:] if b.startswith("fpath=")).split("```")[0]
    home = tmp_path / "home"
    (home / ".zfunc").mkdir(parents=True)
    (home / ".zfunc/_kdrama").write_text(_completion_script("zsh"), encoding="utf-8")
    (home / ".zshrc").write_text(zshrc, encoding="utf-8")
    done = subprocess.run(
        ["zsh", "-c", "source ~/.zshrc; print -r -- ${_comps[kdrama]}"],
        env={"HOME": str(home), "ZDOTDIR": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (0, "_kdrama\n"), done.stderr


def _completion_script(shell: str) -> str:
    from click.testing import CliRunner

    from kdrama_cli.cli import cli

    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0
    return result.output

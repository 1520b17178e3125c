"""Mutation fuzzer for the loader, the renderers and the cache: runs for a set time.

Each round takes a valid dataset, mutates it (bytes flipped, lines dropped or repeated, values
swapped for hostile strings), then loads it and, when it loads, renders every title through
the real CLI. Some rounds split the dataset into files that include one another (in cycles,
twice, or themselves); others build the cache, damage random bytes of one of its files (the
index, its sidecar, the completion names, a page) and check that the real entry point still
gives the answer the files give. Anything other than a clean DatasetError or a usage error, or
a wrong answer, is a bug: the input is saved under fuzz/crashes/ and the run exits 1.

    python fuzz/fuzz_dataset.py --seconds 300 [--seed N]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from click.testing import CliRunner

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.problems import DatasetError
from kdrama_cli.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [ROOT / "tests" / "fixtures" / "mini.toml"]
HOSTILE = [
    '"\\u001b[2J\\u001b]0;pwned\\u0007"',
    '"[bold red]x[/]"',
    '"\\u202eexe.txt"',
    '""',
    "99999999999999999999999",
    "-1",
    "1979-05-27T07:32:00Z",
    "[[[[[]]]]]",
    '"' + "한" * 3000 + '"',
    "{ a = 1 }",
    "nan",
]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        index = rng.randrange(len(lines)) if lines else 0
        if choice < 0.25 and lines:
            del lines[index]
        elif choice < 0.45 and lines:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif choice < 0.75 and lines and "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {rng.choice(HOSTILE)}"
        elif lines:
            line = bytearray(lines[index].encode("utf-8"))
            if line:
                line[rng.randrange(len(line))] = rng.randrange(256)
            lines[index] = line.decode("utf-8", errors="replace")
    return "\n".join(lines) + "\n"


def run_once(text: str, folder: Path) -> None:
    path = folder / "fuzz.toml"
    path.write_text(text, encoding="utf-8")
    try:
        dataset = load_dataset([path])
    except DatasetError:
        return
    runner = CliRunner()
    for slug in list(dataset.shows)[:5]:
        for args in (["show", slug, "--spoilers"], ["cast", slug], ["show", slug, "--json"]):
            result = runner.invoke(cli, ["--data", str(path), *args], env={"COLUMNS": "60"})
            if (
                result.exit_code not in (0, 1, 2)
                or result.exception
                and not isinstance(result.exception, SystemExit)
            ):
                raise AssertionError(f"{args}: exit {result.exit_code}: {result.exception!r}")


def run_includes(text: str, folder: Path, rng: random.Random) -> None:
    """The dataset split in two files that include each other in random ways."""
    lines = text.splitlines()
    cut = rng.randrange(len(lines) + 1)
    names = ["fuzz.toml", "part.toml", "missing.toml", "fuzz.toml", "part.toml"]
    chosen = [rng.choice(names) for _ in range(rng.randint(1, 4))]
    include = "include = [" + ", ".join(f'"{n}"' for n in chosen) + "]\n"
    first = "\n".join(lines[:cut]).replace("[meta]\n", "[meta]\n" + include, 1)
    (folder / "fuzz.toml").write_text(first + "\n", encoding="utf-8")
    (folder / "part.toml").write_text("\n".join(lines[cut:]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(folder / "fuzz.toml"), "data", "check"])
    if result.exit_code not in (0, 1) or (
        result.exception and not isinstance(result.exception, SystemExit)
    ):
        raise AssertionError(f"includes {chosen}: exit {result.exit_code}: {result.exception!r}")


def run_cache(folder: Path, rng: random.Random) -> None:
    """Build the cache, damage one of its files, and compare the answer with the files'."""
    env = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"), KDRAMA_SYNC_INDEX="1")
    args = [sys.executable, "-m", "kdrama_cli", "--data", str(SEEDS[0])]
    question = rng.choice(
        [["show", "moonlit-hallway", "--json"], ["person", "Kang Bo-ra", "--json"], ["list"]]
    )

    def ask(*extra: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*args, *extra, *question], capture_output=True, env=env, timeout=60)

    expected = ask("--no-cache").stdout
    ask()
    ask()
    files = [p for p in (folder / "cache" / "kdrama").rglob("*") if p.is_file()]
    target = rng.choice(files)
    raw = bytearray(target.read_bytes())
    info = target.stat()
    for _ in range(rng.randint(1, 32)):
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    target.write_bytes(bytes(raw))
    if rng.random() < 0.5:  # as bit rot would: size and times unchanged
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    done = ask()
    if done.returncode != 0 or done.stdout != expected:
        raise AssertionError(
            f"{question} after damaging {target.name}: exit {done.returncode}, "
            f"{'same' if done.stdout == expected else 'different'} answer; {done.stderr[-300:]!r}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    sources = [p.read_text(encoding="utf-8") for p in SEEDS]
    deadline = time.monotonic() + options.seconds
    rounds = 0
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            text = mutate(rng.choice(sources), rng)
            kind = rng.random()
            try:
                if kind < 0.15:
                    run_cache(Path(folder), rng)
                elif kind < 0.35:
                    run_includes(text, Path(folder), rng)
                else:
                    run_once(text, Path(folder))
            except Exception:  # noqa: BLE001 - report any failure with its input
                crashes = ROOT / "fuzz" / "crashes"
                crashes.mkdir(exist_ok=True)
                saved = crashes / f"crash-{int(time.time())}.toml"
                saved.write_text(text, encoding="utf-8")
                traceback.print_exc()
                print(f"crash after {rounds} rounds; input saved to {saved}")
                return 1
            rounds += 1
    print(f"{rounds} rounds in {options.seconds:.0f}s, no crash")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

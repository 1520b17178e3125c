"""Write a valid synthetic dataset in kdrama's schema, for benchmarks at scale.

    python benchmarks/make_dataset.py --shows 10000 --out /tmp/synthetic.toml

N titles (slugs synthetic-show-1 ... synthetic-show-N, titles "Synthetic Show 1" ...), ten
credits each, 2N people shared across titles, Hangul titles, seasons, figures, facts and
citations, with string lengths like the real dataset's. The content is made up and says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kdrama_cli.catalogue.writing import toml_text  # noqa: E402

GENRES = ["drama", "romance", "thriller", "horror", "comedy", "fantasy", "crime", "action"]
PLATFORMS = ["Netflix", "tvN", "JTBC", "SBS", "KBS2", "MBC", "Disney+", "TVING"]
WORDS = [
    "a",
    "detective",
    "a",
    "family",
    "a",
    "village",
    "a",
    "secret",
    "a",
    "heir",
    "a",
    "doctor",
    "a",
    "school",
    "a",
    "war",
    "a",
    "storm",
    "a",
    "ghost",
    "finds",
    "loses",
    "hides",
    "returns",
    "discovers",
    "protects",
    "betrays",
    "remembers",
    "forgets",
    "chases",
]


def hangul(rng: random.Random, syllables: int) -> str:
    return "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(syllables))


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make(shows: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    people_count = max(20, shows * 2)
    citations = [
        {
            "id": f"synthetic-source-{i}",
            "url": f"https://example.org/synthetic/{i}",
            "title": f"Synthetic source {i}: {sentence(rng, 6)}",
            "publisher": "Example Synthetic News",
            "date": dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
        }
        for i in range(1, shows + 1)
    ]
    people = [
        {
            "id": f"synthetic-person-{i}",
            "name": f"Synthetic Person {i}",
            "hangul": hangul(rng, 3),
            "aliases": [f"S. Person {i}"],
        }
        for i in range(1, people_count + 1)
    ]
    entries = []
    for i in range(1, shows + 1):
        cite = [f"synthetic-source-{i}"]
        first = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5000))
        seasons = []
        for number in range(1, rng.randint(1, 3) + 1):
            seasons.append(
                {
                    "number": number,
                    "status": "released",
                    "release_date": first + dt.timedelta(days=400 * (number - 1)),
                    "episodes": rng.choice([6, 8, 10, 12, 16]),
                    "sources": cite,
                }
            )
        cast = [
            {
                "person": f"synthetic-person-{rng.randrange(1, people_count + 1)}",
                "character": f"Character {i}-{k} {hangul(rng, 1)}",
                "character_hangul": hangul(rng, 3),
                "role": "main" if k < 4 else "supporting",
                "seasons": [1],
            }
            for k in range(10)
        ]
        # Ten distinct people per title.
        seen: set[str] = set()
        for credit in cast:
            while credit["person"] in seen:
                credit["person"] = f"synthetic-person-{rng.randrange(1, people_count + 1)}"
            seen.add(str(credit["person"]))
        entries.append(
            {
                "slug": f"synthetic-show-{i}",
                "title": f"Synthetic Show {i}",
                "korean_title": hangul(rng, rng.randint(2, 6)),
                "romanization": f"Hapseong Syo {i}",
                "aliases": [f"The Synthetic {i}"],
                "kind": "series",
                "platform": rng.choice(PLATFORMS),
                "genres": rng.sample(GENRES, 2),
                "synopsis": sentence(rng, 30),
                "directors": [f"synthetic-person-{rng.randrange(1, people_count + 1)}"],
                "writers": [f"synthetic-person-{rng.randrange(1, people_count + 1)}"],
                "sources": cite,
                "cast_sources": cite,
                "seasons": seasons,
                "cast": cast,
                "stats": [
                    {
                        "metric": "hours-viewed",
                        "value": rng.randrange(1_000_000, 900_000_000),
                        "unit": "hours",
                        "window": "first-28-days",
                        "season": 1,
                        "as_of": first + dt.timedelta(days=30),
                        "sources": cite,
                    },
                    {
                        "metric": "weeks-in-top10",
                        "value": rng.randint(1, 30),
                        "unit": "weeks",
                        "window": "cumulative:2026-07-19",
                        "season": 1,
                        "as_of": dt.date(2026, 7, 19),
                        "sources": cite,
                    },
                ],
                "facts": [{"text": sentence(rng, 16), "sources": cite}],
            }
        )
    return {
        "meta": {"schema": 1, "updated": dt.date(2026, 11, 24)},
        "citations": citations,
        "people": people,
        "shows": entries,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shows", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    text = toml_text(
        make(options.shows, options.seed),
        [f"Synthetic kdrama dataset: {options.shows} made-up titles for benchmarks."],
    )
    options.out.write_text(text, encoding="utf-8")
    print(f"wrote {options.out} ({len(text.encode()):,} bytes, {options.shows} titles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

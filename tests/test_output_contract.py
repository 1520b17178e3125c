"""The output contract in docs/output.md holds: every documented JSON key is present, every
CSV/TSV command prints exactly its documented columns, with machine values."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kdrama_cli.views.sheets import COLUMNS
from tests.conftest import FIXTURES, REPO, AddData, Run, as_json, flat
from tests.made_up import film
from tests.test_show import AIRING

DOC = (REPO / "docs" / "output.md").read_text(encoding="utf-8")

#: A command for each documented section, chosen so every documented key has a value to show.
JSON_RUNS: dict[str, list[str]] = {
    "show": ["show", "all-of-us-are-dead", "--json"],
    "cast": ["cast", "squid-game", "--json"],
    "compare": ["compare", "squid-game", "all-of-us-are-dead", "--json"],
    "person": ["person", "lee-byung-hun", "--json"],
    "search": ["search", "nam-ra", "--json"],
    "list": ["list", "--json"],
    "values": ["values", "genre", "--json"],
    "top": ["top", "--metric", "weeks", "--json"],
    "chart": ["chart", "squid-game", "all-of-us-are-dead", "--season", "2", "--json"],
    "trivia": ["trivia", "--seed", "1", "--json"],
    "quiz": ["quiz", "--seed", "1", "--json"],
    "data check": ["data", "check", "--json"],
    "data path": ["data", "path", "--json"],
    "seen list": ["seen", "list", "--json"],
    "seen people": ["seen", "people", "--json"],
    # a history with a row of each kind: matched, not released yet, a season not held, no match
    "seen import": [
        "seen",
        "import",
        str(FIXTURES / "NetflixViewingHistory.csv"),
        "--dry-run",
        "--json",
    ],
    "path": ["path", "Lee Jung-jae", "Song Hye-kyo", "--json"],
    "similar": ["similar", "kingdom", "--json"],
    "upcoming": ["upcoming", "--json"],
}
#: A layer extending the title and the person of the first show and person runs.
LAYERED = ["--add-data", str(FIXTURES / "layer.toml")]
#: Keys only another answer of the same command has: a compare whose figures line up has no
#: `figures_apart`, one whose figures are on separate lists has no stats; few titles' source
#: works have a work based on them.
MORE_JSON_RUNS: dict[str, list[list[str]]] = {
    "compare": [
        ["compare", "squid-game", "squid-game-the-challenge", "--json"],
        # Netflix lists Brave Detectives' season 4 under two titles: `stats[].other_figures`
        ["compare", "brave-detectives", "love-after-divorce", "--json"],
        # a director the layer gives the second title: `layered_crew[][].layer.how`
        [*LAYERED, *JSON_RUNS["compare"]],
    ],
    # a title whose source work has a work based on it: its `source_work.adaptations[]`; the
    # title of the first run with a layer that extends it: `layers[]`
    "show": [["show", "business-proposal", "--json"], [*LAYERED, *JSON_RUNS["show"]]],
    # a credit the layer gives: `[].layer.how`
    "cast": [[*LAYERED, "cast", "all-of-us-are-dead", "--json"]],
    # a writer of the web novel a title adapts and of the webtoon drawn from it: `credits[].work`
    "person": [["person", "haehwa", "--json"], [*LAYERED, *JSON_RUNS["person"]]],
    # people found by their crew credits: `[].capacity`, `[].slugs`
    "search": [["search", "director", "--limit", "3", "--json"]],
    # a backup holding an id the catalogue has since merged ('chimmuk'): `unmatched[].read_as`
    "seen import": [
        ["seen", "import", str(FIXTURES / "seen-backup-renamed.json"), "--dry-run", "--json"]
    ],
}
SHEET_RUNS: dict[str, list[str]] = {
    "list": ["list"],
    "search": ["search", "nam-ra"],
    "values": ["values", "genre"],
    "top": ["top"],
    "chart": ["chart", "squid-game"],
    # Without --spoilers stderr says that the Front Man's note is withheld.
    "cast": ["cast", "squid-game", "--spoilers"],
    "person": ["person", "lee-jung-jae"],
    "compare": ["compare", "squid-game", "all-of-us-are-dead"],
    "seen list": ["seen", "list"],
    "seen people": ["seen", "people"],
    "upcoming": ["upcoming"],
    "similar": ["similar", "kingdom"],
}


def _sections(part: str) -> dict[str, str]:
    """'### `kdrama NAME ...`' sections of one part ('## JSON' or '## CSV and TSV columns')."""
    body = DOC.split(f"\n## {part}\n", 1)[1].split("\n## ", 1)[0]
    found = {}
    for chunk in body.split("\n### ")[1:]:
        heading, _, text = chunk.partition("\n")
        found[_command_name(heading)] = text
    return found


def _command_name(heading: str) -> str:
    """'`kdrama seen list --json`' -> 'seen list'; '`kdrama show SHOW --json`' -> 'show'."""
    words = []
    for word in heading.strip("`").split()[1:]:
        if word.startswith(("-", "[")) or word.isupper() or not word.isalpha():
            break
        words.append(word)
    return " ".join(words)


def _documented_keys(text: str) -> list[str]:
    """The backticked names in the section's bullets (values are written in quotes)."""
    bullets = "\n".join(line for line in text.splitlines() if line.startswith(("- ", "  ")))
    return re.findall(r"`([^`]+)`", bullets)


def _has(document: Any, path: str) -> bool:
    """Whether ``path`` ('cast[].actor', '[].weeks[].week', 'counts.shows') exists; inside a
    list, in at least one item; 'stats[].other_figures[][].value', in a list of lists."""
    if not path:
        return True
    if path.startswith("[]"):
        rest = path[2:].lstrip(".")
        return isinstance(document, list) and any(_has(item, rest) for item in document)
    head, _, rest = path.partition(".")
    key, brackets, inner = head.partition("[]")
    if not isinstance(document, dict) or key not in document:
        return False
    value = document[key]
    if brackets:
        within = f"{inner}.{rest}".strip(".") if rest else inner  # '[].value': a list's items
        return isinstance(value, list) and any(_has(item, within) for item in value)
    if rest:
        return value is not None and _has(value, rest)
    return True


@pytest.fixture
def seen_env(tmp_path: Path) -> dict[str, str]:
    """A seen list with something in it, so the seen commands have rows to show."""
    seen = tmp_path / "seen.toml"
    seen.write_text(
        "[seen]\nsquid-game = [1, 2]\nall-of-us-are-dead = [1]\ntrain-to-busan = []\n",
        encoding="utf-8",
    )
    return {"KDRAMA_SEEN": str(seen)}


def test_every_command_with_json_or_a_table_is_documented() -> None:
    assert set(_sections("JSON")) == set(JSON_RUNS)
    assert set(_sections("CSV and TSV columns")) == set(SHEET_RUNS) == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(JSON_RUNS))
def test_every_documented_json_key_is_present(
    run_shipped: Run, seen_env: dict[str, str], name: str
) -> None:
    keys = _documented_keys(_sections("JSON")[name])
    assert keys, name
    documents = []
    for args in [JSON_RUNS[name], *MORE_JSON_RUNS.get(name, [])]:
        result = run_shipped(*args, env=seen_env)
        assert result.exit_code == 0, result.output
        documents.append(json.loads(result.stdout))
    missing = [key for key in keys if not any(_has(document, key) for document in documents)]
    assert not missing, (name, missing)


def test_every_documented_error_key_is_present(run: Run, write_dataset: Any) -> None:
    """docs/output.md's "Errors": every key it names is in an error's JSON (a dataset's for
    its problems), every error has each of them, and its kinds are the ones errors have."""
    from kdrama_cli.failures import ERROR_KINDS

    body = DOC.split("\n## Errors\n", 1)[1].split("\n## ", 1)[0]
    keys = _documented_keys(body)
    assert "error.problems[].column" in keys and "error.suggestions" in keys
    broken = write_dataset('[[shows]]\nslug = "a"\ntitle = \n')
    runs = [
        ["show", "moonlit-halway", "--json"],
        ["show", "lantern", "--json"],
        ["show", "--sesn", "--json"],
        ["--data", str(broken), "list", "--json"],
    ]
    documents = []
    for args in runs:
        result = run(*args)
        assert result.exit_code in (1, 2) and result.stdout == "", args
        documents.append(json.loads(result.stderr.splitlines()[-1]))
    missing = [key for key in keys if not any(_has(document, key) for document in documents)]
    assert not missing
    top = {key.split(".")[1].split("[")[0] for key in keys}
    assert all(set(document["error"]) == top for document in documents)
    kinds = re.findall(r'"(\w+)" \((\d+):', " ".join(body.split()))
    assert [kind for kind, _ in kinds] == list(ERROR_KINDS)
    assert {(d["error"]["kind"], d["error"]["code"]) for d in documents} <= {
        (kind, int(code)) for kind, code in kinds
    }


@pytest.mark.parametrize("name", sorted(SHEET_RUNS))
def test_csv_and_tsv_print_the_documented_columns(
    run_shipped: Run, seen_env: dict[str, str], name: str
) -> None:
    last_paragraph = _sections("CSV and TSV columns")[name].strip().split("\n\n")[-1]
    documented = tuple(re.findall(r"`([^`]+)`", last_paragraph))
    assert documented == COLUMNS[name]
    for fmt in ("csv", "tsv"):
        result = run_shipped(*SHEET_RUNS[name], f"--{fmt}", env=seen_env)
        assert result.exit_code == 0, result.output
        # nothing on stderr but what a sheet leaves out, as its page says: as a spoiler
        # (upcoming: an address), or as seen (similar, with the seen list these runs use)
        said = ("hidden as a spoiler", "you have seen is left out", "you have seen are left out")
        assert all(any(w in line for w in said) for line in result.stderr.splitlines())
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(result.stdout)))
        else:
            rows = [line.split("\t") for line in result.stdout.splitlines()]
        assert tuple(rows[0]) == documented
        assert len(rows) > 1, name
        assert all(len(row) == len(documented) for row in rows)


def test_sheet_rows_carry_machine_values(run_shipped: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run_shipped("list", "--csv").stdout)))
    squid = next(row for row in rows if row["slug"] == "squid-game")
    assert squid["year"] == "2021"
    assert squid["seasons"] == "3"
    assert squid["first_date"] == "2021-09-17"
    assert float(squid["top10_hours"]) > 1e9  # a number, not "2.9B"
    credits = list(
        csv.DictReader(io.StringIO(run_shipped("person", "lee-jung-jae", "--csv").stdout))
    )
    squid_credit = next(row for row in credits if row["slug"] == "squid-game")
    assert squid_credit["seasons"] == "1; 2; 3"  # what the page shows, not "" for every season
    board = list(
        csv.DictReader(
            io.StringIO(run_shipped("top", "-m", "hours-28", "--tsv").stdout), delimiter="\t"
        )
    )
    assert board[0]["value"] == "1650450000" and board[0]["unit"] == "hours"


def test_json_carries_numbers_beside_labels(run_shipped: Run, run: Run, add_data: AddData) -> None:
    show = json.loads(run_shipped("show", "squid-game", "--json").stdout)
    assert show["years"] == "2021–2025"
    assert (show["first_year"], show["last_year"]) == (2021, 2025)
    # While a season is airing the range is open, and last_year says so as years does: a
    # script must not read a title whose season 2 airs since 2024 as having ended in 2024.
    layer = add_data(AIRING)
    airing = json.loads(run(*layer, "show", "tide-tables", "--json").stdout)
    assert airing["years"] == "2022–" and airing["last_year"] is None
    assert any(season["status"] == "airing" for season in airing["seasons"])
    compared = json.loads(run(*layer, "compare", "tide-tables", "moonlit-hallway", "--json").stdout)
    rows = {row["field"]: row["values"] for row in compared["rows"]}
    assert rows["last_year"][0] is None and rows["last_year"][1] is not None
    person = json.loads(run_shipped("person", "lee-jung-jae", "--json").stdout)
    squid_credit = next(c for c in person["credits"] if c["show"] == "squid-game")
    assert squid_credit["seasons"] == [1, 2, 3]
    cast = json.loads(run_shipped("cast", "squid-game", "--json").stdout)
    lee = next(row for row in cast if row["person"] == "lee-jung-jae")
    assert lee["seasons"] == [1, 2, 3] and lee["source"]


@pytest.mark.parametrize("args", [["list"], ["show", "two-lines"], ["search", "lines"]])
def test_compact_json_is_one_line_even_to_splitlines(
    run: Run, add_data: AddData, args: list[str]
) -> None:
    """walk-scripter (audit38): a line or paragraph separator in a dataset's text (U+2028,
    U+2029) went into the JSON raw: valid JSON, but Python's str.splitlines and JavaScript
    before ES2019 break a line there, so a script reading the compact answer line by line got
    pieces. Escaped, as the controls are, it is one line to every reader, with the same value:
    also `list --json`, which the index stores already encoded."""
    layer = add_data(
        film("two-lines", title="Two\u2028Lines")
        + '\n[[shows.facts]]\ntext = "A fact.\u2029Another."\nsources = ["test-chart"]\n'
    )
    result = run(*layer, *args, "--json")
    assert result.exit_code == 0, result.output
    assert "\u2028" not in result.stdout and "\u2029" not in result.stdout
    assert len(result.stdout.splitlines()) == 1
    assert "\\u2028" in result.stdout  # escaped, and the value the same
    assert "Two\u2028Lines" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_one_output_at_a_time(run_shipped: Run) -> None:
    result = run_shipped("list", "--json", "--csv")
    assert result.exit_code == 2
    assert "--json and --csv" in result.output
    result = run_shipped("--export-svg", "x.svg", "list", "--tsv")
    assert result.exit_code == 2


@pytest.mark.parametrize("export", ["--export-svg", "--export-html"])
def test_an_export_with_the_stored_list_json_is_refused_before_it_is_printed(
    run: Run, tmp_path: Path, export: str
) -> None:
    """`list --json` of the whole catalogue is read from the index already encoded; an export
    with it was refused only after those bytes were on stdout (exit 2 with a page of JSON
    printed), where every other --json is refused before anything is printed."""
    assert run("list").exit_code == 0  # builds the index, which stores the encoded listing
    out = tmp_path / "page.svg"
    result = run(export, str(out), "list", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "save a printed page; --json prints none" in result.stderr
    assert "nothing was exported" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("output", ["--csv", "--tsv", "--json"])
def test_an_export_with_an_answer_for_scripts_is_refused_before_the_answer_is_made(
    run_shipped: Run, tmp_path: Path, output: str
) -> None:
    """Refused once the answer was made, the error came after stderr's note on the credits
    that answer withheld as spoilers, an answer never printed; and an export into a folder
    that is missing was a file error (exit 1) with --json, where the export was refused anyway."""
    out = tmp_path / "page.svg"
    result = run_shipped("--export-svg", str(out), "cast", "squid-game", output)
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"save a printed page; {output} prints none they can save" in result.stderr
    assert "hidden as" not in result.stderr  # no note about an answer that was not made
    assert not out.exists()
    missing = tmp_path / "no-such-folder" / "page.html"
    result = run_shipped("--export-html", str(missing), "list", "--json")
    error = json.loads(result.stderr.splitlines()[-1])["error"]
    assert (result.exit_code, error["code"], error["kind"]) == (2, 2, "usage")
    # after a `--`, --json is a word searched for, and the page it prints is exported
    searched = run_shipped("--export-svg", str(out), "search", "--", "--json")
    assert searched.exit_code == 0 and "save a printed page" not in searched.stderr


#: Each command of SHEET_RUNS on the made-up dataset (tests/fixtures/mini.toml).
MINI_SHEET_RUNS: dict[str, list[str]] = {
    "list": ["list"],
    "search": ["search", "moonlit"],
    "values": ["values", "genre"],
    "top": ["top"],
    "chart": ["chart", "moonlit-hallway"],
    "cast": ["cast", "moonlit-hallway"],
    "person": ["person", "han-ji-won"],
    "compare": ["compare", "moonlit-hallway", "river-of-lanterns"],
    "seen list": ["seen", "list"],
    "seen people": ["seen", "people"],
    "upcoming": ["upcoming"],
    "similar": ["similar", "moonlit-hallway"],
}

#: What each output must not import: the other output's view, and Rich.
NOT_IMPORTED = {
    "--json": ("rich", "kdrama_cli.views.sheets"),
    "--csv": ("rich", "kdrama_cli.views.jsonview"),
}


def test_every_table_command_is_checked_for_its_imports() -> None:
    assert set(MINI_SHEET_RUNS) == set(SHEET_RUNS)


@pytest.mark.parametrize("output", sorted(NOT_IMPORTED))
def test_an_output_imports_only_its_own_view(output: str) -> None:
    """A script's --json or --csv pays for neither Rich nor the other output's view (upcoming
    --json imported the sheets for its stderr line): in a fresh interpreter where importing
    them fails, every command with a table prints that output."""
    import subprocess
    import sys

    from tests.conftest import MINI

    runs = [["--no-cache", "--data", str(MINI), *args, output] for args in MINI_SHEET_RUNS.values()]
    code = (
        "import json, sys\n"
        f"for module in {NOT_IMPORTED[output]!r}:\n"
        "    sys.modules[module] = None  # importing it raises ImportError\n"
        "from click.testing import CliRunner\n"
        "from kdrama_cli.cli import cli\n"
        "for args in json.loads(sys.argv[1]):\n"
        "    result = CliRunner().invoke(cli, args, catch_exceptions=False)\n"
        "    assert result.exit_code == 0, (args, result.output)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(runs)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_documented_kinds_are_the_kinds_a_title_can_have() -> None:
    from kdrama_cli.catalogue.vocab import SHOW_KINDS

    bullets = _sections("JSON")["show"].split("\n- ")
    kind = next(b for b in bullets if b.startswith("`kind`"))
    assert set(re.findall(r'"([^"]+)"', kind)) == set(SHOW_KINDS)


def _dicts(document: Any) -> list[dict[str, Any]]:
    """Every object in a JSON document, at any depth."""
    if isinstance(document, dict):
        return [document, *(d for value in document.values() for d in _dicts(value))]
    if isinstance(document, list):
        return [d for item in document for d in _dicts(item)]
    return []


#: The keys kept for compatibility, each beside the one key for the same thing (the table
#: "Names: the same thing, the same key").
_KEPT = {"show": "slug", "show_title": "title"}


@pytest.mark.parametrize(
    "name", sorted(set(JSON_RUNS) - {"data check", "data path", "values", "upcoming"})
)
def test_a_title_is_slug_and_title_everywhere(
    run_shipped: Run, seen_env: dict[str, str], name: str
) -> None:
    """Wherever a title is named, its slug is `slug` and its name `title`; the older keys
    (`show`, `show_title`, `id`) are still there, with the same values."""
    document = json.loads(run_shipped(*JSON_RUNS[name], env=seen_env).stdout)
    named = 0
    for item in _dicts(document):
        for old, new in _KEPT.items():
            if old in item and not (name == "search" or isinstance(item[old], dict)):
                assert item.get(new) == item[old], (name, old, item)
                named += 1
        if "id" in item and "kind" in item and item["kind"] in ("title", "person"):  # path ends
            assert item["id"] == item["slug" if item["kind"] == "title" else "person"]
            named += 1
    assert named or name in ("show", "search", "list", "data check", "seen import"), name


def test_path_ends_are_a_slug_or_a_person(run_shipped: Run) -> None:
    ends = json.loads(run_shipped("path", "Park Ji-hu", "Squid Game", "--json").stdout)
    assert ends["from"]["person"] == ends["from"]["id"] == "park-ji-hu"
    assert ends["to"]["slug"] == ends["to"]["id"] == "squid-game"
    assert ends["from"]["slug"] is None and ends["to"]["person"] is None  # every key, as search


def test_person_and_list_use_the_keys_other_commands_use(run_shipped: Run) -> None:
    person = json.loads(run_shipped("person", "lee-jung-jae", "--json").stdout)
    assert person["person"] == person["id"] == "lee-jung-jae"
    squid = next(c for c in person["credits"] if c["slug"] == "squid-game")
    assert squid["title"] == squid["show_title"] == "Squid Game"
    listed = json.loads(run_shipped("list", "--json").stdout)
    row = next(r for r in listed if r["slug"] == "squid-game")
    assert row["released_seasons"] == row["seasons"] == 3
    seen = json.loads(
        run_shipped("seen", "list", "--json", env={"KDRAMA_SEEN": "/nonexistent"}).stdout
    )
    assert seen == []


@pytest.mark.parametrize(
    "args",
    [
        ["top", "--json"],
        ["top", "--metric", "report-hours", "--json"],
        ["person", "park-hae-joon", "--json"],
        ["person", "yeon-sang-ho", "--json"],
        ["cast", "squid-game", "--json"],
        ["chart", "squid-game", "all-of-us-are-dead", "--json"],
        ["show", "kingdom", "--json"],
        ["path", "gong-yoo", "kim-tae-ri", "--json"],
        ["compare", "squid-game", "kingdom", "--json"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_every_citation_id_an_answer_names_is_described(run_shipped: Run, args: list[str]) -> None:
    """A script can cite every figure and credit from the answer alone: each id under a
    `source` key is in the `sources` list of the answer (or, in a list, of its item)."""
    from kdrama_cli.views.jsonview import cited_ids

    document = json.loads(run_shipped(*args).stdout)
    answers = document if isinstance(document, list) else [document]
    named = 0
    for answer in answers:
        ids = cited_ids(answer)
        described = {s["id"]: s for s in answer["sources"]}
        assert set(ids) <= set(described), (args, set(ids) - set(described))
        # a source flagged as a spoiler has no address without --spoilers (the page hides it)
        assert all(
            (s["url"] or s["spoiler"]) and s["publisher"] and "date" in s
            for s in described.values()
        )
        named += len(ids)
    assert named, args


def test_credits_and_chart_weeks_carry_their_sources(run_shipped: Run) -> None:
    person = json.loads(run_shipped("person", "yeon-sang-ho", "--json").stdout)
    assert all(credit["source"] for credit in person["credits"])
    cast = json.loads(run_shipped("cast", "squid-game", "--json").stdout)
    assert all(row["source"] for row in cast)  # the cast list's sources, then the credit's own
    chart = json.loads(run_shipped("chart", "squid-game", "--json").stdout)
    assert all(week["source"] for week in chart[0]["weeks"])


def test_cast_and_person_sheets_carry_the_addresses_json_describes(run_shipped: Run) -> None:
    """A script that reads `--csv` can cite every credit as one reading `--json` can: the
    `source_urls` of a row are the addresses of the `sources` the JSON row describes."""
    for args in (["cast", "squid-game"], ["person", "yeon-sang-ho"]):
        described = json.loads(run_shipped(*args, "--json").stdout)
        if isinstance(described, list):  # cast: each row describes its own sources
            rows = described
            urls = {s["id"]: s["url"] for row in rows for s in row["sources"]}
        else:  # a person: one list of sources for the page
            rows = described["credits"]
            urls = {s["id"]: s["url"] for s in described["sources"]}
        sheet = list(csv.DictReader(io.StringIO(run_shipped(*args, "--csv").stdout)))
        assert len(sheet) == len(rows) > 0
        for row, line in zip(rows, sheet, strict=True):
            # the address of a source flagged as a spoiler is null in one, left out of the other
            expected = [urls[i] for i in row["source"] if urls[i]]
            assert expected and line["source_urls"] == "; ".join(expected)


def test_compares_cast_in_common_cites_by_title_and_describes_each_id(run_shipped: Run) -> None:
    """cast_in_common[].source maps each title to its ids: the ids are described, the titles'
    slugs are not taken for ids (Jeon Seok-ho is in Squid Game and Kingdom)."""
    from kdrama_cli.views.jsonview import cited_ids

    answer = json.loads(run_shipped("compare", "squid-game", "kingdom", "--json").stdout)
    [common] = [c for c in answer["cast_in_common"] if c["person"] == "jeon-seok-ho"]
    ids = cited_ids(common)
    assert ids and not {"squid-game", "kingdom"} & set(ids)
    assert set(ids) <= {s["id"] for s in answer["sources"]}


def _strings(document: Any) -> list[str]:
    """Every string value in a JSON document, at any depth (keys aside)."""
    if isinstance(document, dict):
        return [s for value in document.values() for s in _strings(value)]
    if isinstance(document, list):
        return [s for item in document for s in _strings(item)]
    return [document] if isinstance(document, str) else []


def test_a_netflix_only_titles_missing_platform_and_synopsis_are_null(run_shipped: Run) -> None:
    """A title held only as Netflix's record has no platform or synopsis: `show`, `list` and
    `compare` gave "" for them, beside null for its year and episodes, so `.platform //
    "unknown"` and `select(.platform)` took it for a real value. A sheet keeps an empty cell."""
    show = as_json(run_shipped("show", "radio-romance", "--json"))
    assert show["netflix_only"] is True
    assert show["platform"] is None and show["synopsis"] is None and show["years"] is None
    compared = as_json(run_shipped("compare", "radio-romance", "kingdom", "--json"))
    rows = {row["field"]: row["values"] for row in compared["rows"]}
    assert rows["platform"] == [None, "Netflix"]
    # the whole listing (stored in the index once it is built) and a filtered one alike
    for args in (["list"], ["list"], ["list", "--completeness", "netflix-only"]):
        listed = as_json(run_shipped(*args, "--json"))
        row = next(r for r in listed if r["slug"] == "radio-romance")
        assert row["platform"] is None and row["platforms"] == []
        assert "" not in _strings(listed)
    assert "" not in _strings(show) and "" not in _strings(compared)
    sheet = csv.DictReader(io.StringIO(run_shipped("list", "--csv").stdout))
    assert next(r for r in sheet if r["slug"] == "radio-romance")["platform"] == ""


def test_source_work_is_the_id_in_list_and_the_title_in_compare_each_with_the_other(
    run_shipped: Run,
) -> None:
    """`list` gave the source work's id as `source_work` and `compare` its title under the same
    name, with nothing to join them by: list now gives the title beside the id
    (`source_work_title`), compare the id beside the title (a `source_work_id` row), in
    --json and --csv alike, and both agree with show's `source_work` object."""
    work = as_json(run_shipped("show", "kingdom", "--json"))["source_work"]
    assert (work["id"], work["title"]) == ("the-kingdom-of-the-gods", "The Kingdom of the Gods")
    for args in (["list"], ["list"], ["list", "--kind", "series"]):
        listed = as_json(run_shipped(*args, "--json"))
        row = next(r for r in listed if r["slug"] == "kingdom")
        assert (row["source_work"], row["source_work_title"]) == (work["id"], work["title"])
        squid = next(r for r in listed if r["slug"] == "squid-game")
        assert squid["source_work"] is None and squid["source_work_title"] is None
    sheet = csv.DictReader(io.StringIO(run_shipped("list", "--csv").stdout))
    row = next(r for r in sheet if r["slug"] == "kingdom")
    assert (row["source_work"], row["source_work_title"]) == (work["id"], work["title"])
    compared = as_json(run_shipped("compare", "kingdom", "squid-game", "--json"))
    fields = [row["field"] for row in compared["rows"]]
    assert fields.index("source_work_id") == fields.index("source_work") + 1
    values = {row["field"]: row["values"] for row in compared["rows"]}
    assert values["source_work"] == [work["title"], None]
    assert values["source_work_id"] == [work["id"], None]
    long = list(
        csv.DictReader(io.StringIO(run_shipped("compare", "kingdom", "squid-game", "--csv").stdout))
    )
    cells = {(r["slug"], r["field"]): r["value"] for r in long}
    assert cells[("kingdom", "source_work")] == work["title"]
    assert cells[("kingdom", "source_work_id")] == work["id"]
    assert cells[("squid-game", "source_work_id")] == ""


def test_show_json_with_a_season_narrows_what_belongs_to_seasons_and_nothing_else(
    run_shipped: Run,
) -> None:
    """docs/output.md read as if --season N narrowed only `seasons`; cast, figures, reports,
    facts and sources narrow too, as on the page, and the title's own keys do not."""
    whole = as_json(run_shipped("show", "squid-game", "--json"))
    second = as_json(run_shipped("show", "squid-game", "--season", "2", "--json"))
    assert [s["number"] for s in second["seasons"]] == [2]
    for key in ("cast", "stats", "reports", "facts", "sources"):
        assert 0 < len(second[key]) < len(whole[key]), key
    assert all(2 in credit["seasons"] for credit in second["cast"])
    for key in ("stats", "reports", "facts"):
        assert {item["season"] for item in second[key]} <= {None, 2}, key
        assert [i for i in whole[key] if i["season"] in (None, 2)] == second[key], key
    narrowed = {"seasons", "cast", "stats", "reports", "facts", "sources"}
    assert second.keys() == whole.keys()
    assert {k: v for k, v in second.items() if k not in narrowed} == {
        k: v for k, v in whole.items() if k not in narrowed
    }
    section = _sections("JSON")["show"]
    assert "--season N narrows what belongs to seasons" in " ".join(section.split())


@pytest.mark.parametrize(
    "args",
    [
        ["show", "squid-game"],
        ["show", "kingdom"],
        ["show", "all-of-us-are-dead", "--season", "1"],
        ["show", "radio-romance"],
        ["compare", "squid-game", "kingdom"],
        ["compare", "train-to-busan", "peninsula", "radio-romance"],
    ],
    ids=" ".join,
)
def test_every_source_described_is_named_by_a_source_key(run_shipped: Run, args: list[str]) -> None:
    """The title's own sources (what its synopsis, crew, kind and dates rest on, cited after
    the synopsis and in compare's Sources row) were described in `sources` with no `source`
    key naming them, so a script could not tell which of Squid Game's 157 back the synopsis:
    `show --json` gives them as a top-level `source`, `compare --json` one list per title."""
    from kdrama_cli.views.jsonview import cited_ids

    document = as_json(run_shipped(*args, "--json"))
    described = [s["id"] for s in document["sources"]]
    assert set(cited_ids(document)) == set(described)
    if args[0] == "show":
        own = document["source"]
        assert own and own == described[: len(own)]  # the page's first references
    else:
        assert len(document["source"]) == len(document["shows"])
        for slug, own in zip(document["shows"], document["source"], strict=True):
            assert own == as_json(run_shipped("show", slug, "--json"))["source"]


def test_the_pages_cite_the_titles_own_sources_that_json_names(run_shipped: Run) -> None:
    own = as_json(run_shipped("show", "squid-game", "--json"))["source"]
    page = flat(run_shipped("show", "squid-game").stdout)
    assert f"than the money. [1–{len(own)}]" in page
    kingdom = as_json(run_shipped("show", "kingdom", "--json"))["source"]
    table = run_shipped("compare", "squid-game", "kingdom", env={"COLUMNS": "120"}).stdout
    row = next(line for line in table.splitlines() if "Sources" in line and "[1" in line)
    assert f"[1–{len(own)}]" in row
    assert f"[{len(own) + 1}–{len(own) + len(kingdom)}]" in row


def test_compare_counts_a_films_seasons_as_list_does(run_shipped: Run) -> None:
    """compare's `seasons` row gave a film null (an empty cell in --csv) where list, seen list
    and docs/output.md give 0; the page still shows "—"."""
    slugs = ["train-to-busan", "squid-game", "radio-romance"]
    listed = {r["slug"]: r for r in as_json(run_shipped("list", "--json"))}
    compared = as_json(run_shipped("compare", *slugs, "--json"))
    rows = {row["field"]: row["values"] for row in compared["rows"]}
    assert rows["seasons"] == [0, 3, 1]
    assert rows["seasons"] == [listed[slug]["released_seasons"] for slug in slugs]
    sheet = csv.DictReader(io.StringIO(run_shipped("compare", *slugs, "--csv").stdout))
    cells = {r["slug"]: r["value"] for r in sheet if r["field"] == "seasons"}
    assert cells == {"train-to-busan": "0", "squid-game": "3", "radio-romance": "1"}


def test_a_crew_credit_is_the_whole_titles_and_names_no_season(run_shipped: Run) -> None:
    """The catalogue holds a series' creators, directors and writers for the whole title, not
    by season: their credits give `seasons: []` and say what they are in `capacity`, rather
    than claim seasons no source split them by (docs/output.md, Conventions)."""
    person = as_json(run_shipped("person", "hwang-dong-hyuk", "--json"))
    crew = [c for c in person["credits"] if c["slug"] == "squid-game"]
    assert [c["capacity"] for c in crew] == ["creator", "director", "writer"]
    assert all(c["seasons"] == [] and c["character"] is None for c in crew)
    doc = " ".join((REPO / "docs" / "output.md").read_text(encoding="utf-8").split())
    assert "the catalogue does not say which seasons a crew member worked on" in doc


def test_before_top10_is_of_the_type_the_names_table_gives(run_shipped: Run) -> None:
    """`before_top10` is a boolean in show and top and a list of slugs in compare, under one key:
    the Names table said only that what it describes differs, so a script comparing it with
    true, or checking its type, broke on one of them (walk33 #6). The table says each type,
    and the answers have it."""
    names = " ".join(DOC.split("\n## Names", 1)[1].split("\n## ", 1)[0].split())
    assert "in `show` (`stats[]`) and `top` (`entries[]`) a boolean, true or false" in names
    assert "in `compare` (`stats[]`) a list, the slugs of the titles" in names
    show = as_json(run_shipped("show", "sweet-home", "--json"))["stats"]
    top = as_json(run_shipped("top", "--metric", "weeks", "--json"))["entries"]
    assert all(isinstance(item["before_top10"], bool) for item in [*show, *top])
    assert any(item["before_top10"] for item in show) and any(e["before_top10"] for e in top)
    compared = as_json(run_shipped("compare", "kingdom", "squid-game", "--json"))["stats"]
    assert all(isinstance(row["before_top10"], list) for row in compared)
    assert ["kingdom"] in [row["before_top10"] for row in compared]

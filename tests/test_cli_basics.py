"""Help, version, colour and the entry-point guard."""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import Result

from kdrama_cli import __version__
from kdrama_cli.cli import cli
from tests.conftest import FIXTURES, KDRAMA, MINI, SHIPPED, Run, json_error

COMMANDS = [
    ["show"],
    ["cast"],
    ["compare"],
    ["person"],
    ["search"],
    ["list"],
    ["top"],
    ["chart"],
    ["trivia"],
    ["quiz"],
    ["completion"],
    ["help"],
    ["seen"],
    ["seen", "add"],
    ["seen", "remove"],
    ["seen", "list"],
    ["seen", "people"],
    ["seen", "import"],
    ["data"],
    ["data", "check"],
    ["data", "path"],
    ["data", "netflix"],
    ["cache"],
    ["cache", "clear"],
    ["cache", "path"],
]


def test_version_names_the_shipped_dataset_s_date_and_titles(run: Run) -> None:
    """The second line is what the loader finds in the shipped dataset, whatever --data says;
    the third, how far its Netflix figures go: the latest week of a weekly Top 10 figure and
    the latest engagement report among the figures the loader reads, never a typed-in date."""
    import tomllib

    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.models import netflix_reach_of
    from tests.conftest import SHIPPED

    result = run("--version")
    assert result.exit_code == 0
    first, second, third, fourth = result.output.strip().splitlines()
    assert first == f"kdrama, version {__version__}"
    assert fourth == f"dataset in use: {MINI} (--data), not the shipped one"
    shipped = load_dataset([SHIPPED])
    titles = len(shipped.shows)
    updated = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["meta"]["updated"]
    assert second == f"shipped dataset: {titles:,} titles, updated {updated.isoformat()}"
    reach = netflix_reach_of(shipped.shows.values())
    assert reach.top10_to and reach.reports_to and reach.popular_as_of
    half = "January–June" if reach.reports_to.endswith("H1") else "July–December"
    assert third == (
        f"Netflix weekly Top 10 to {reach.top10_to}, all-time lists as of {reach.popular_as_of}; "
        f"engagement reports to {half} {reach.reports_to[:4]}"
    )
    assert run("-V").output == result.output


def test_version_after_the_command_is_the_version(run: Run) -> None:
    """README: global options go before the command or after it; -V and --version after it
    were refused ("No such option '--version'. Did you mean '--json'?"), the only ones."""
    expected = run("--version").output
    for args in (["show", "squid-game", "--version"], ["top", "-V"]):
        result = run(*args)
        assert (result.exit_code, result.output) == (0, expected), args


def test_version_reads_the_dataset_without_parsing_it() -> None:
    """--version is held to the speed of importing click: no TOML parser, no loader, no index."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kdrama_cli", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "shipped dataset: " in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    # nor click's completion, which only a shell asking for completions needs
    for module in (
        "tomllib",
        "sqlite3",
        "kdrama_cli.catalogue.loader",
        "rich",
        "click.shell_completion",
    ):
        assert module not in imported, module


def test_the_modules_every_run_imports_compile_no_pattern_on_import() -> None:
    """Every command, --version and TAB import the command line's modules: a pattern compiled
    at their import (printable's cells, options' season numbers: most of a millisecond) was
    paid by every run, though only a few ever match one. They compile on first use."""
    probe = (
        "import re, sys\n"
        "import kdrama_cli.cli\n"
        "found = sorted(f'{name}.{attr}' for name, module in list(sys.modules.items())\n"
        "    if name.startswith('kdrama_cli') for attr, value in vars(module).items()\n"
        "    if isinstance(value, re.Pattern))\n"
        "assert 'kdrama_cli.options' in sys.modules\n"
        "print(found)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8"
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


_PLAIN_QUERY_PROBE = """
import re._compiler, sys
from kdrama_cli.answers import finding, questions
compiled = []
compile_ = re._compiler.compile
re._compiler.compile = lambda p, f: compiled.append(p) or compile_(p, f)
query = sys.argv[1]
said = (
    finding._season_asked(query), finding._season_asked(query, subtitled=True),
    finding._year_asked(query), finding.plural_dropped(query),
    finding.possessive_dropped(query), finding.crew_word_split(query),
    finding.courtesy_dropped(query), finding.particle_dropped(query, person=True),
    questions.title_question(query), questions.person_question_dropped(query),
)
print(len(compiled), said)
"""


@pytest.mark.parametrize(
    ("query", "compiles", "said"),
    [
        ("zombie", False, "(None, None, None, None, None, None, None, (), None, None)"),
        ("lee jung-jae", False, "(None, None, None, None, None, None, None, (), None, None)"),
        # the readings a lookup miss tries still read what they are for
        ("squid game season two", True, "squid game"),
        ("who directed squid game", True, "director of squid game"),
        ("han so-hee dramas", True, "'han so-hee'"),
        ("이정재가 나온", True, "'이정재'"),
    ],
)
def test_a_query_no_reading_can_match_compiles_none_of_their_patterns(
    query: str, compiles: bool, said: str
) -> None:
    """A lookup that misses (and every search) tries a season said in words, a year, a plural,
    a crew word, a Korean courtesy or particle and a whole question; compiling each pattern
    cost most of a millisecond. A query with nothing any of them reads ('zombie') compiles
    none, and one that holds such a reading is read as ever."""
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_QUERY_PROBE, query],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    count, _, readings = result.stdout.strip().partition(" ")
    assert (int(count) > 0) == compiles, result.stdout
    assert said in readings


@pytest.mark.parametrize("cache", [["--no-cache"], []])
@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("missing.toml", "no such file"),
        ("parts", "is a directory, not a regular file: a dataset is one .toml file, and this"),
    ],
)
def test_a_missing_data_file_is_said_before_any_parsing(
    tmp_path: Path, cache: list[str], given: str, said: str
) -> None:
    """`--add-data /missing.toml show x` parsed the whole shipped dataset (1.6 s) before saying
    the file does not exist: no index has a missing file, so the load fell back to parsing.
    A folder in a file's place was the same (3.8 s)."""
    import os

    (tmp_path / "parts").mkdir()
    missing = str(tmp_path / given)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kdrama_cli", *cache]
        + ["--add-data", missing, "show", "squid-game"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert f"kdrama: error: {missing}: {said}" in result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "tomllib" not in imported and "tomli" not in imported


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run: Run, command: list[str]) -> None:
    result = run(*command, "-h")
    assert result.exit_code == 0
    assert "Usage: " in result.output
    assert "Examples:" in result.output


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["show", "kingdom", "--season"], "show"),
        (["list", "--limit"], "list"),
        (["seen", "people", "--limit"], "seen people"),
        (["--data"], ""),
        # a global option after the command, with no value: it took the command's name as
        # its value ("No such command 'kingdom'")
        (["show", "kingdom", "--data"], ""),
        (["seen", "people", "--add-data"], ""),
    ],
)
def test_an_option_given_no_value_shows_the_usage_as_other_syntax_mistakes_do(
    run: Run, args: list[str], usage: str
) -> None:
    """click raises "Option '--season' requires an argument." with no command to show the
    usage of, so it came alone, while `--bogus` came with the Usage block and "Try ...
    --help": every mistake of syntax gets both (README)."""
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    said = lines[0].split(" [OPTIONS]")[0].split()  # "Usage: cli seen people": CliRunner's name
    assert said[0] == "Usage:" and said[2:] == usage.split(), result.stderr
    assert lines[1].startswith("Try '") and lines[1].endswith(f"{usage} --help' for help.")
    assert f"Error: Option '{args[-1]}' requires an argument." in result.stderr


@pytest.mark.parametrize("group", [[], ["seen"], ["data"], ["cache"]])
def test_a_group_run_alone_prints_its_help_on_stdout(run: Run, group: list[str]) -> None:
    """`kdrama seen` alone is `kdrama seen --help`, as `kdrama` alone is `kdrama --help`: the
    same situation, one behaviour (stdout, exit 0), so `kdrama seen | less` shows it."""
    result = run(*group)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == run(*group, "--help").stdout
    usage = result.stdout.split(" [OPTIONS]", 1)[0].split()
    assert usage[0] == "Usage:" and usage[2:] == group


@pytest.mark.parametrize(
    "words", [[], ["show"], ["seen"], ["seen", "add"], ["data", "check"], ["help"]]
)
def test_help_prints_a_command_s_help(run: Run, words: list[str]) -> None:
    """`kdrama help seen add` is `kdrama seen add --help`; `kdrama help`, `kdrama --help`."""
    result = run("help", *words)
    assert result.exit_code == 0, result.output
    assert result.stdout == run(*words, "--help").stdout
    usage = result.stdout.split(" [OPTIONS]", 1)[0].split()
    assert usage[0] == "Usage:" and usage[2:] == words  # the whole name, after the program's


def test_help_of_a_command_that_does_not_exist_is_a_usage_error(run: Run) -> None:
    result = run("help", "shwo")
    assert result.exit_code == 2
    assert "No such command 'shwo'. Did you mean show?" in result.stderr
    result = run("help", "seen", "ad")
    assert result.exit_code == 2
    assert "No such command 'seen ad'. Did you mean seen add? See 'kdrama seen --help'" in (
        " ".join(result.stderr.split())
    )
    result = run("help", "show", "x")
    assert result.exit_code == 2
    assert "show' has no commands under it ('x'); its help: kdrama help show" in result.stderr
    assert "help" in run("--help").stdout.split("Commands:")[1]


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["shwo"], "No such command 'shwo'. Did you mean show? See 'kdrama --help'"),
        (["seen", "ad"], "No such command 'seen ad'. Did you mean seen add? See 'kdrama seen"),
        (
            ["data", "chek"],
            "No such command 'data chek'. Did you mean data check? See 'kdrama data",
        ),
        (["cache", "clr"], "No such command 'cache clr'. Did you mean cache clear? See 'kdrama"),
        (["seen", "zzz"], "No such command 'seen zzz'. See 'kdrama seen --help' for the commands."),
    ],
)
def test_a_mistyped_command_is_worded_alike_at_every_level(
    run: Run, words: list[str], said: str
) -> None:
    """`kdrama seen ad` got click's own "No such command 'ad'. Did you mean 'add'?" (quoted,
    with no pointer to the commands), unlike `kdrama shwo` and `kdrama help seen ad`."""
    result = run(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert said in message, message
    assert message.endswith("for the commands."), message
    if words[0] != "shwo":  # as `kdrama help` words the same mistake
        assert said.split(" See ")[0] in " ".join(run("help", *words[:2]).stderr.split())


@pytest.mark.parametrize(
    ("words", "meant", "command"),
    [
        (["shwo", "Moonlit Hallway"], "show 'Moonlit Hallway'", "show"),
        (
            ["shwo", "moonlit", "hallway", "--season", "2"],
            "show moonlit hallway --season 2",
            "show",
        ),
        (["cst", "--json", "moonlit-hallway"], "cast --json moonlit-hallway", "cast"),
        (["seen", "ad", "it's mine"], "seen add 'it'\"'\"'s mine'", "seen add"),
        (["data", "chek", "my data.toml"], "data check 'my data.toml'", "data check"),
    ],
)
def test_a_mistyped_command_is_offered_the_whole_line_corrected(
    run: Run, words: list[str], meant: str, command: str
) -> None:
    """`kdrama shwo "All of Us Are Dead"` was told "Did you mean show?": the line typed is
    offered with its command corrected, each word quoted as a shell reads it back, to copy
    and run; and run, it answers. The JSON error's suggestions stay the commands."""
    import shlex

    result = run(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"Did you mean {KDRAMA} {meant}? See 'kdrama " in message, message
    assert json_error(run(*words, "--json"))["suggestions"] == [command]
    if words[0] in ("shwo", "cst"):  # pasted (after the --data the run gives), it answers
        assert run(*shlex.split(meant)).exit_code == 0, meant


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        # the corrected line would not parse: the command's name, as before (review 39 #6)
        (["trivai", "moonlit-hallway"], "trivia"),  # trivia takes a title with --show
        (["quizz", "moonlit-hallway"], "quiz"),
        (["seen", "ls", "moonlit"], "seen list"),  # seen list takes no title
        (["se", "moonlit-hallway"], "seen"),  # no command of seen is near 'moonlit-hallway'
        # each level's command corrected, and the line parses
        (["dat", "chek", "--strict"], f"{KDRAMA} data check --strict"),
        (["trivai", "--show", "moonlit-hallway"], f"{KDRAMA} trivia --show moonlit-hallway"),
    ],
)
def test_a_mistyped_command_is_offered_a_line_only_where_it_would_run(
    run: Run, words: list[str], meant: str
) -> None:
    """Review 39 #6: `trivai squid-game` was offered `kdrama trivia squid-game`, which is a
    usage error, and `dat chek --strict` the typo 'chek' again: a whole line is offered only
    when it parses, each level's command corrected; else the command's name, as before."""
    import shlex

    result = run(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"Did you mean {meant}? See 'kdrama " in message, message
    if meant.startswith(KDRAMA):  # pasted, it is no usage error
        assert run(*shlex.split(meant.removeprefix(KDRAMA))).exit_code != 2, meant


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        (
            ["--no-pager", "shwo", "Moonlit Hallway"],
            "--no-pager show 'Moonlit Hallway'",
        ),
        (  # a value quoted; the dataset options once, first, as every command offered
            ["--export-svg", "a page.svg", "--no-color", "shwo", "moonlit-hallway"],
            "--export-svg 'a page.svg' --no-color show moonlit-hallway",
        ),
        (["--no-cache", "actor", "Han Ji-won"], "--no-cache person 'Han Ji-won'"),
        # after a command the group knows, they were moved before it
        (["data", "chek", "--strict", "--no-pager"], "--no-pager data check --strict"),
        # after a command it does not know, they stay where they were typed
        (["shwo", "moonlit-hallway", "--no-pager"], "show moonlit-hallway --no-pager"),
    ],
)
def test_a_mistyped_command_is_offered_with_the_global_options_typed(
    run: Run, words: list[str], meant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 39: `kdrama --no-pager shwo "All of Us Are Dead"` was offered `kdrama show 'All
    of Us Are Dead'`, the --no-pager typed before the command dropped from the line."""
    monkeypatch.chdir(tmp_path)  # where the export offered is written
    result = run(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"Did you mean {KDRAMA} {meant}? See 'kdrama " in message, message
    if "data" not in words:  # pasted (after the --data the run gives), it answers
        assert run(*shlex.split(meant)).exit_code == 0, meant


def test_a_name_typed_where_the_command_goes_is_told_how_to_look_it_up(run: Run) -> None:
    result = run("squid-game")
    assert result.exit_code == 2
    assert (
        "No such command 'squid-game'. See 'kdrama --help' for the commands; "
        f"{KDRAMA} search squid-game finds a title or person by name."
    ) in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        (["actor", "Lee Jung-jae"], "person 'Lee Jung-jae'"),
        (["Actress", "--no-pager", "Han Ji-won"], "person --no-pager 'Han Ji-won'"),
        (["info", "moonlit hallway"], "show 'moonlit hallway'"),
        # "drama" is show, not the data command its letters are close to
        (["drama", "moonlit-hallway", "--season", "2"], "show moonlit-hallway --season 2"),
        (["find", "moon"], "search moon"),
        # the line typed after the word, as typed: person takes several words
        (["actor", "Han", "Ji-won"], "person Han Ji-won"),
        (["drama", "--season", "2", "moonlit-hallway"], "show --season 2 moonlit-hallway"),
        (
            ["vs", "moonlit hallway", "river-of-lanterns"],
            "compare 'moonlit hallway' river-of-lanterns",
        ),
    ],
)
def test_a_fans_word_for_a_command_is_offered_the_command_with_the_name(
    run: Run, words: list[str], meant: str
) -> None:
    """`kdrama actor "Lee Jung-jae"` was told to search for the word "actor", and `kdrama drama
    x` offered `data`: the command the word means is offered, with the name typed after it."""
    result = run(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"No such command '{words[0]}'. Did you mean {KDRAMA} {meant}? See" in message, message
    error = json_error(run(*words, "--json"))
    assert error["kind"] == "usage" and error["suggestions"] == [meant.split()[0]]
    # with no name after it, the command alone, as a mistyped command's is offered
    alone = " ".join(run(words[0]).stderr.split())
    assert f"Did you mean {meant.split()[0]}? See 'kdrama --help'" in alone, alone


def test_a_command_in_capitals_is_the_command(run: Run) -> None:
    """Every value and name ignores case; the command does too."""
    assert run("LIST", "--json").stdout == run("list", "--json").stdout
    assert run("Show", "moonlit-hallway", "--no-pager").exit_code == 0
    # at every level, and in help
    assert run("DATA", "CHECK").exit_code == 0
    assert run("help", "Show").stdout == run("help", "show").stdout


@pytest.mark.parametrize(
    ("words", "mended"),
    [
        (["--json", "show", "moonlit-hallway"], "show moonlit-hallway --json"),
        (["--limit", "3", "search", "moon"], "search moon --limit 3"),
        (["-n", "3", "--no-cache", "list"], "--no-cache list -n 3"),
        # every such option moves, and a value taken for the command's name is its metavar
        (["--json", "--limit", "2", "list"], "list --json --limit 2"),
        (["--limit", "search", "moon"], "search moon --limit N"),
    ],
)
def test_a_commands_option_before_the_command_says_where_it_goes(
    run: Run, words: list[str], mended: str
) -> None:
    """`kdrama --json show x` got "Did you mean '--version'?": scripts put output options
    first, so the error gives the line with the options after the command (the tests' runner
    puts its --data first)."""
    result = run(*words)
    assert result.exit_code == 2
    said = _said(result)
    assert "so it goes after the command: kdrama --data " in said
    assert said.endswith(f" {mended}"), said
    assert "Did you mean" not in said


@pytest.mark.parametrize("words", [["--json"], ["--json", "help", "show"]])
def test_a_commands_option_with_no_command_says_it_goes_after_one(
    run: Run, words: list[str]
) -> None:
    said = _said(run(*words))
    assert "--json is an option of the commands, so it goes after one" in said
    assert "--version" not in said


@pytest.mark.parametrize("group", ["seen", "data", "cache"])
def test_a_group_lists_its_commands_without_cutting_their_summaries(run: Run, group: str) -> None:
    listing = run(group, "--help", env={"COLUMNS": "80"}).output.split("Commands:")[1]
    listing = listing.split("\n\n")[0]
    assert "..." not in listing
    assert all(len(line) <= 80 for line in listing.splitlines())


def _commands(run: Run, words: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group, as the --help pages list them."""
    page = run(*words, "--help", env={"COLUMNS": "200"}).output
    if "Commands:" not in page:
        return [words]
    listing = page.split("Commands:", 1)[1].split("\n\n")[0]
    names = [line.split()[0] for line in listing.splitlines() if line.startswith("  ")]
    return [words] + [found for name in names for found in _commands(run, (*words, name))]


def test_every_help_page_fits_an_80_column_terminal(run: Run) -> None:
    """Examples and key lists are laid out by hand, and eight of them ran to 81-91 columns
    (`browse --help`'s "Ctrl+Q, q   quit …"), so an 80-column terminal wrapped their comments
    back to column 0. Widths are counted in cells: Hangul takes two."""
    from rich.cells import cell_len

    commands = _commands(run)
    assert len(commands) > 25 and ("seen", "import") in commands
    wide = [
        (" ".join(words), line)
        for words in commands
        for line in run(*words, "--help", env={"COLUMNS": "80"}).output.splitlines()
        if cell_len(line) > 80
    ]
    assert wide == []


def test_help_is_laid_out_at_a_narrow_terminal_s_width() -> None:
    """click lays help out in no fewer than 50 columns: on a 40-column terminal every line ran
    over the edge and the terminal broke it inside a word ("seasons, s" / "ource"), and at 32
    columns an option's text sat in a strip of ten columns. The examples, laid out by hand,
    and a closed list of choices are the only lines wider than the terminal."""
    env = {**os.environ, "COLUMNS": "40"}
    for words in ([], ["show"], ["top"], ["person"], ["seen"]):
        page = _kdrama(*words, "--help", env=env).stdout
        prose = page.split("Examples:")[0]
        wide = [line for line in prose.splitlines() if len(line) > 40 and "|" not in line]
        assert wide == [], words
    show = _kdrama("show", "--help", env=env).stdout
    assert "Usage: kdrama show [OPTIONS] SHOW\n" in show
    assert "  -s, --season N  Only this season.\n" in show
    assert _kdrama("help", "show", env=env).stdout == show
    top = _kdrama("top", "--help", env={**os.environ, "COLUMNS": "32"}).stdout
    metric = top.split("-m, --metric METRIC")[1].splitlines()
    assert metric[0] == "" and metric[1].split() == ["Which", "comparable"], metric[:2]
    at_80 = _kdrama("top", "--help", env={**os.environ, "COLUMNS": "80"}).stdout
    assert "  -m, --metric METRIC             Which comparable figure to rank by" in at_80


def test_a_usage_error_s_usage_line_is_laid_out_as_help_is() -> None:
    """An option given no value (`similar squid-game --limit`) is told with a context made for
    it (cli._command_context), which laid its Usage line out in click's 50 columns: at 30 it
    ran over the edge, while an unknown option's, from the command's own context, was broken
    to fit, as --help is."""
    env = {**os.environ, "COLUMNS": "30"}
    for words in (["similar", "squid-game", "--limit"], ["similar", "squid-game", "--bogus"]):
        said = _kdrama(*words, env=env)
        assert said.returncode == 2
        usage = said.stderr.split("Try ")[0].splitlines()
        assert usage[0].startswith("Usage: kdrama similar"), said.stderr
        assert all(len(line) <= 30 for line in usage), (words, usage)


def test_top_level_help_lists_commands_and_exit_codes(run: Run) -> None:
    out = run("--help").output
    for word in ("show", "cast", "compare", "data", "Exit codes", "--data"):
        assert word in out


def test_help_names_every_exit_code_the_readme_documents(run: Run) -> None:
    import re

    from kdrama_cli import errors
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    documented = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert documented == sorted(v for k, v in vars(errors).items() if k.startswith("EXIT_"))
    line = " ".join(run("--help").output.split("Exit codes:", 1)[1].split())
    assert [int(code) for code in re.findall(r"(\d+) [a-z]", line)] == documented
    assert "70 internal error" in line


def test_every_command_is_documented_in_readme() -> None:
    import click

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    context = click.Context(cli)
    names = cli.list_commands(context)
    assert len(names) >= 13
    for name in names:
        command = cli.get_command(context, name)
        assert command is not None and command.help, name
        assert f"kdrama {name}" in readme, name
        for sub in getattr(command, "commands", {}):
            assert f"kdrama {name} {sub}" in readme, sub


def test_lazy_listing_matches_the_commands() -> None:
    """`kdrama --help` lists commands without importing them; the names must be the real ones."""
    import click

    from kdrama_cli.cli import COMMANDS

    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None and command.name == name


def test_the_commands_that_refuse_an_export_are_real_commands() -> None:
    """cli.NO_PAGE names commands by their words ("seen add"); a renamed command would leave
    its entry matching nothing, and the export refused only after the command had run."""
    from kdrama_cli.cli import NO_PAGE

    context = click.Context(cli)
    for words in NO_PAGE:
        name, *sub = words.split()
        command = cli.get_command(context, name)
        assert command is not None, words
        if sub:
            assert sub[0] in getattr(command, "commands", {}), words


def test_no_color_flag_and_env(run: Run) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(
        cli,
        ["--data", str(MINI), "--no-color", "show", "moonlit-hallway"],
        env={"NO_COLOR": "", "FORCE_COLOR": "1"},
        catch_exceptions=False,
    )
    assert not _has_colour(result.output)
    colored = CliRunner().invoke(
        cli,
        ["--data", str(MINI), "show", "moonlit-hallway"],
        env={"NO_COLOR": "", "FORCE_COLOR": "1"},
        catch_exceptions=False,
    )
    assert _has_colour(colored.output)


def _has_colour(text: str) -> bool:
    """True when an SGR sequence sets a foreground or background colour (bold alone is fine)."""
    import re

    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        codes = [int(c) for c in params.split(";") if c]
        if any(30 <= c <= 49 or 90 <= c <= 107 for c in codes):
            return True
    return False


def _kdrama(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        **kwargs,  # type: ignore[call-overload]
    )


def test_python_dash_m_and_exit_codes() -> None:
    ok = _kdrama("show", "night-train")
    assert ok.returncode == 0 and "Night Train" in ok.stdout
    unknown = _kdrama("show", "zzzz")
    assert unknown.returncode == 2
    assert "Traceback" not in unknown.stderr
    bad_option = _kdrama("show", "--nope")
    assert bad_option.returncode == 2


def test_closed_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), "cast"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    assert proc.returncode == 0


@pytest.mark.parametrize("debug", ["", "0", "false", "1"])
def test_an_internal_error_is_one_line_and_its_traceback_is_there_when_asked_for(
    debug: str,
) -> None:
    """Exit 70 asks for a bug report, but what a report needs, the traceback, could not be had:
    the guard printed one line and nothing else. KDRAMA_DEBUG=1 adds it; without it the line
    says so."""
    code = (
        "import kdrama_cli.cli as entry\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('a bug in show')\n"
        "entry.cli.main = broken\n"
        "entry.main()\n"
    )
    env = {**os.environ, "KDRAMA_DEBUG": debug}
    done = subprocess.run(
        [sys.executable, "-c", code, "show", "x"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 70 and done.stdout == ""
    first, *rest = done.stderr.splitlines()
    assert first.startswith("kdrama: internal error: RuntimeError: a bug in show")
    if debug == "1":
        assert rest[0] == "Traceback (most recent call last):"
        assert rest[-1] == "RuntimeError: a bug in show" and "in broken" in done.stderr
    else:
        assert rest == [] and first.endswith(
            "(a bug: please report it with the command; KDRAMA_DEBUG=1 adds the traceback)"
        )


def test_click_messages_need_no_gettext_look_up(run: Run) -> None:
    """click's messages are used as written (no catalogue search, no `locale` import on every
    run), and read as before: singular and plural alike."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kdrama_cli.cli import cli\n"
        "result = CliRunner().invoke(cli, ['show', '--help'])\n"
        "assert 'Show this message and exit.' in result.output, result.output\n"
        "assert 'locale' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert "Got unexpected extra argument (b)" in run("trivia", "b").output
    assert "Got unexpected extra arguments (b c)" in run("trivia", "b", "c").output
    # A word after a number is not joined to it, as a name's words are to --show's.
    assert "quotes: kdrama trivia --seed" not in run("trivia", "--seed", "3", "b").stderr
    assert "No such option '--nope'" in run("show", "--nope").output


def test_the_entry_point_runs_without_the_cycle_collector_but_long_commands_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`kdrama` turns Python's cycle collector off for its short runs (kdrama_cli.launch); the
    browser and the data commands turn it back on; importing kdrama leaves it alone."""
    import gc

    import click

    import kdrama_cli.cli
    from kdrama_cli import launch

    seen: list[bool] = []
    monkeypatch.setattr(kdrama_cli.cli, "main", lambda: seen.append(gc.isenabled()))
    try:
        launch.main()
        assert seen == [False]
        for name, collecting in (("show", False), ("data", True), ("browse", True)):
            gc.disable()
            cli.get_command(click.Context(cli), name)
            assert gc.isenabled() is collecting, name
    finally:
        gc.enable()
    code = "import gc, kdrama_cli.cli, kdrama_cli.app; assert gc.isenabled()"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "args",
    [
        ["cast", "moonlit-hallway", "--role", "Main"],
        ["upcoming", "--status", "Renewed"],
        ["top", "--metric", "Weeks"],
        ["chart", "moonlit-hallway", "--metric", "Views"],
        ["list", "--sort", "Year"],
        ["list", "--kind", "SERIES"],
        ["values", "Genre"],
        ["completion", "BASH"],
    ],
)
def test_every_choice_ignores_case(run: Run, args: list[str]) -> None:
    typed = run(*args)
    assert typed.exit_code == 0, typed.output
    assert typed.stdout == run(*[a.lower() for a in args]).stdout


def test_a_shell_completion_does_not_know_names_the_argument(run: Run) -> None:
    """The error named the argument by its choices, "Invalid value for '{bash|zsh|fish}'",
    where `values nope` says 'FACET' (ux-review14, COULD 6); the help says what SHELL takes."""
    result = run("completion", "powershell")
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for 'SHELL': 'powershell' is not one of 'bash', 'zsh', 'fish'."
        in result.stderr
    )
    assert "{bash|zsh|fish}" not in result.stderr
    helped = " ".join(run("completion", "--help").stdout.split())
    assert "completion [OPTIONS] SHELL" in helped
    assert "SHELL is one of bash, zsh, fish." in helped


def test_completion_help_installs_each_shell_in_the_home(run: Run) -> None:
    """`completion --help` wrote zsh's file to "${fpath[1]}", the system's folder ("permission
    denied" for all but root), and said nothing of the folders a new home lacks, of the
    bash-completion package bash's folder needs, or of the ~/.zshrc lines zsh does (walk 41)."""
    helped = run("completion", "--help").stdout
    installs = [line.strip() for line in helped.splitlines() if " > " in line]
    assert [line.split(" > ")[1] for line in installs] == [
        "~/.local/share/bash-completion/completions/kdrama",
        "~/.zfunc/_kdrama",
        "~/.config/fish/completions/kdrama.fish",
    ]
    assert "fpath[1]" not in helped
    flat_help = " ".join(helped.split())
    assert "Make each folder first (mkdir -p ~/.zfunc): a new home lacks them." in flat_help
    assert "only with the bash-completion package installed" in flat_help
    assert "    fpath=(~/.zfunc $fpath)\n    autoload -Uz compinit && compinit\n" in helped


def _choices(command: click.Command, path: str) -> list[tuple[str, click.Choice[str]]]:
    """(command path and parameter, its Choice) for every choice of a command and below."""
    found = [
        (f"{path} {param.name}", param.type)
        for param in command.params
        if isinstance(param.type, click.Choice)
    ]
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None:
                found.extend(_choices(sub, f"{path} {name}"))
    return found


def test_no_choice_is_case_sensitive() -> None:
    """A new option with a closed set of values takes options.choice, as every other does."""
    choices = _choices(cli, "kdrama")
    assert len(choices) >= 10
    assert [where for where, choice in choices if choice.case_sensitive] == []


def test_values_names_its_argument_facet(run: Run) -> None:
    result = run("values", "genres")
    assert result.exit_code == 2
    assert "Invalid value for 'FACET'" in result.output
    assert "{genre|" not in result.output


# --- a name of several words, and the examples --help gives -----------------------------------


def _examples() -> list[tuple[str, list[str]]]:
    """Every example line of every command's --help (and of `kdrama --help`), as arguments:
    what follows "Examples:" up to the first line that is not a command."""
    import shlex

    import click

    def walk(group: click.Group, context: click.Context) -> list[click.Command]:
        found: list[click.Command] = []
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None
            found.append(command)
            if isinstance(command, click.Group):
                found.extend(walk(command, context))
        return found

    examples = []
    for command in [cli, *walk(cli, click.Context(cli))]:
        block = (command.epilog or "").partition("Examples:")[2]
        for line in block.strip().splitlines():
            if not line.strip().startswith("kdrama "):
                break
            words = shlex.split(line.split(" > ")[0], comments=True)[1:]
            examples.append((line.strip(), words))
    return examples


#: A layer of one's own, as the examples name it (my-shows.toml, extra.toml): a film with a
#: credit for a person of the shipped catalogue, so it is checked as a layer over it.
_OWN_LAYER = """[meta]
schema = 1

[[citations]]
id = "my-film-page"
url = "https://example.org/my-film"
title = "A page about My Film"
publisher = "Example Press"

[[shows]]
slug = "my-film"
title = "My Film"
kind = "film"
platform = "Theatrical"
genres = ["drama"]
synopsis = "A film of my own."
release_date = 2020-01-01
sources = ["my-film-page"]
cast_sources = ["my-film-page"]

[[shows.cast]]
person = "lee-jung-jae"
character = "Himself"
role = "special"
"""

#: The files the examples read, as a user would have them in the current folder.
_EXAMPLE_FILES: dict[str, str | Path] = {
    "NetflixViewingHistory.csv": (
        'Title,Date\n"Squid Game: Season 1: Red Light, Green Light",1/2/26\n'
    ),
    "seen-backup.json": '[{"slug": "squid-game", "seasons": [1]}, {"slug": "train-to-busan"}]',
    "my-shows.toml": _OWN_LAYER,
    "extra.toml": _OWN_LAYER,
    "all-weeks-global.tsv": FIXTURES / "netflix" / "all-weeks-global.tsv",
    "all-weeks-countries.tsv": FIXTURES / "netflix" / "all-weeks-countries.tsv",
    "most-popular.tsv": FIXTURES / "netflix" / "most-popular-2023-05-31.tsv",
    "korean-title-tiers.tsv": FIXTURES / "netflix" / "tiers.tsv",
    "What_We_Watched_2023Jan-Jun.xlsx": FIXTURES / "netflix" / "What_We_Watched_2023Jan-Jun.xlsx",
}


@pytest.mark.parametrize(("line", "words"), _examples(), ids=[line for line, _ in _examples()])
def test_every_help_example_runs(
    run_shipped: Run,
    line: str,
    words: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`kdrama show 지금 우리 학교는`, as `show --help` prints it, and every other example, with
    the files it names in the current folder (browse needs a terminal: tests/test_browse.py)."""
    if words[0] == "browse":
        pytest.skip("needs a terminal; tests/test_browse.py drives it")
    import glob
    import shutil

    monkeypatch.chdir(tmp_path)
    for name, content in _EXAMPLE_FILES.items():
        if isinstance(content, Path):
            shutil.copyfile(content, tmp_path / name)
        else:
            (tmp_path / name).write_text(content, encoding="utf-8")
    words = [w for word in words for w in (sorted(glob.glob(word)) if "*" in word else [word])]
    env = {"KDRAMA_SEEN": str(tmp_path / "seen.toml"), "KDRAMA_TODAY": "2026-01-01"}
    if words[0] == "cache":
        env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    result = run_shipped(*words, env=env, input="")
    assert result.exit_code == 0, f"{line}\n{result.output}"
    assert "Usage:" not in result.stderr, line


def test_the_show_help_example_with_a_hangul_title_opens_it(run_shipped: Run) -> None:
    assert "kdrama show 지금 우리 학교는" in run_shipped("show", "--help").output
    result = run_shipped("show", "지금", "우리", "학교는", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["slug"] == "all-of-us-are-dead"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["show", "squid", "game", "--json"], "squid-game"),
        (["show", "squid", "game", "--season", "2", "--json"], "squid-game"),
        (["cast", "squid", "game", "-s", "1", "--json"], "Lee Jung-jae"),
        (["similar", "squid", "game", "--json"], "squid-game"),
        (["person", "lee", "jung", "jae", "--json"], "lee-jung-jae"),
        (["search", "지금", "우리", "--json"], "all-of-us-are-dead"),
    ],
)
def test_a_name_of_several_words_needs_no_quotes(
    run_shipped: Run, words: list[str], expected: str
) -> None:
    result = run_shipped(*words)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_an_unquoted_name_of_several_words_is_joined_with_the_options_still_parsed(
    run_shipped: Run,
) -> None:
    page = json.loads(run_shipped("show", "squid", "game", "--season", "2", "--json").stdout)
    assert [s["number"] for s in page["seasons"]] == [2]
    seen = run_shipped("seen", "add", "오징어", "게임", "--season", "1")
    assert seen.exit_code == 0 and "Seen: Squid Game S1" in seen.stderr


@pytest.mark.parametrize(
    ("words", "typed"),
    [
        (["trivia", "--show", "squid", "game"], 'kdrama trivia --show "squid game"'),
        (
            ["trivia", "--show=squid", "game", "--seed", "3"],
            'kdrama trivia --show "squid game" --seed 3',
        ),
        (
            ["quiz", "--show", "squid", "game", "--json"],
            'kdrama quiz --show "squid game" --json',
        ),
        (["path", "lee", "jung-jae", "gong", "yoo"], 'kdrama path "lee jung-jae" "gong yoo"'),
        (
            ["path", "Lee", "Jung-jae", "Song", "Hye-kyo", "--all"],
            'kdrama path "Lee Jung-jae" "Song Hye-kyo" --all',
        ),
    ],
)
def test_words_left_over_say_to_quote_a_name(
    run_shipped: Run, words: list[str], typed: str
) -> None:
    """The hint is the person's own command, quoted: the words joined to the option they
    follow, or divided into path's two ends where only one division names one each."""
    result = run_shipped(*words)
    assert result.exit_code == 2
    message = _said(result)
    assert "Got unexpected extra argument" in message
    assert f"a title or name of several words goes in quotes: {typed}" in message


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (
            ["trivia", "squid-game"],
            "kdrama trivia takes a title with --show: kdrama trivia --show squid-game",
        ),
        (
            ["trivia", "squid", "game"],
            'kdrama trivia takes a title with --show: kdrama trivia --show "squid game"',
        ),
        (
            ["quiz", "--seed", "3", "kingdom"],
            "kdrama quiz takes a title with --show: kdrama quiz --seed 3 --show kingdom",
        ),
        (
            # after '--' the words are words: the line to type drops it, as --show takes them
            ["trivia", "--", "squid", "game"],
            'kdrama trivia takes a title with --show: kdrama trivia --show "squid game"',
        ),
        (
            ["quiz", "--seed", "3", "--", "kingdom"],
            "kdrama quiz takes a title with --show: kdrama quiz --seed 3 --show kingdom",
        ),
        (["list", "drama"], "kdrama list takes no title or name (kdrama list --help)"),
        (["list", "--", "drama"], "kdrama list takes no title or name (kdrama list --help)"),
        (["top", "squid", "game"], "kdrama top takes no title or name (kdrama top --help)"),
        (
            # a fan asking whether a title has a season coming is shown where its seasons are
            ["upcoming", "squid game"],
            "kdrama upcoming takes no title or name (kdrama upcoming --help); a title's seasons "
            "and their status: kdrama show 'squid game'",
        ),
        (
            ["upcoming", "squid", "game", "--json"],
            "kdrama upcoming takes no title or name (kdrama upcoming --help); a title's seasons "
            'and their status: kdrama show "squid game"',
        ),
        (
            ["seen", "list", "x"],
            "kdrama seen list takes no title or name (kdrama seen list --help)",
        ),
    ],
)
def test_words_given_to_a_command_that_takes_none_say_where_they_go(
    run_shipped: Run, words: list[str], said: str
) -> None:
    """`kdrama trivia squid-game` was told that a name of several words goes in quotes ("Squid
    Game"), and `kdrama trivia "squid game"` was told the same again: trivia and quiz take
    their title with --show, and list and top take no title at all."""
    result = run_shipped(*words)
    assert result.exit_code == 2
    message = _said(result)
    assert "goes in quotes" not in message
    assert message.endswith(f"): {said}"), message


def _said(result: Result) -> str:
    """What stderr says, in words, its white space folded: the message of the JSON error a
    command line with --json gets (docs/output.md, "Errors"), else its lines."""
    last = result.stderr.splitlines()[-1] if result.stderr else ""
    if last.startswith('{"error": '):
        return " ".join(json.loads(last)["error"]["message"].split())
    return " ".join(result.stderr.split())


def test_words_that_divide_no_one_way_are_hinted_with_the_command_s_arguments(
    run_shipped: Run,
) -> None:
    """'park' matches many: no division is guessed, and the hint names path's arguments."""
    result = run_shipped("path", "park", "hae", "soo", "lee")
    assert result.exit_code == 2
    assert (
        'a title or name of several words goes in quotes, one pair for each: kdrama path "A" "B"'
        in " ".join(result.stderr.split())
    )


@pytest.mark.parametrize("command", ["compare", "chart"])
def test_a_miss_among_several_titles_says_to_quote_one(run_shipped: Run, command: str) -> None:
    result = run_shipped(command, "crash", "landing", "on", "you", "goblin")
    assert result.exit_code == 2
    assert result.stderr.startswith("kdrama: error: ")
    assert (
        f"a title or name of several words goes in quotes: kdrama {command} "
        '"crash landing on you" "goblin".'
    ) in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("words", "typed"),
    [
        # chart takes one title: the whole run is a division of its own
        (["chart", "squid", "game"], 'kdrama chart "squid game"'),
        # '지금 우리' and '학교는' both name All of Us Are Dead: not a division
        (["chart", "지금", "우리", "학교는"], 'kdrama chart "지금 우리 학교는"'),
        (["compare", "squid", "game", "kingdom"], 'kdrama compare "squid game" "kingdom"'),
    ],
)
def test_the_quoting_hint_is_a_command_that_works(
    run_shipped: Run, words: list[str], typed: str
) -> None:
    """chart's hint divided '지금 우리 학교는' into two runs naming one title, a command that
    fails ('the same title was given twice'), and gave 'squid game' no division, as if chart
    took two titles at least (review 16, S3). The hint's command now answers."""
    result = run_shipped(*words)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"a title or name of several words goes in quotes: {typed}." in message
    quoted = shlex.split(typed)[1:]
    assert run_shipped(*quoted, "--json").exit_code == 0


@pytest.mark.parametrize(
    ("words", "typed"),
    [
        (["compare", "squid", "game", "kingdom"], 'kdrama compare "squid game" "kingdom"'),
        (["compare", "kingdom", "squid", "game"], 'kdrama compare "kingdom" "squid game"'),
        (["chart", "squid", "game"], 'kdrama chart "squid game"'),
    ],
)
def test_at_a_terminal_a_word_of_a_title_typed_without_quotes_is_not_asked_about(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch, words: list[str], typed: str
) -> None:
    """At a terminal, 'compare squid game kingdom' asked "Which one?" for 'squid', then for
    'game', and ended with "the same title was given twice". 'squid' and 'game' make the whole
    name Squid Game: the terminal is given the pipe's hint, and nothing is asked."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    result = run_shipped(*words, input="1\n1\n")
    assert result.exit_code == 2
    assert "Which one?" not in result.stderr
    message = " ".join(result.stderr.split())
    assert "given twice" not in message
    assert f"a title or name of several words goes in quotes: {typed}." in message


def test_at_a_terminal_a_word_that_is_a_name_of_its_own_is_still_asked_about(
    run_shipped: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'squid' beside 'kingdom' makes no title: which Squid Game title is meant is asked. With
    --json nothing is asked, at a terminal too: the ambiguous error names the titles."""
    import kdrama_cli.prompt

    monkeypatch.setattr(kdrama_cli.prompt, "interactive", lambda: True)
    result = run_shipped("compare", "squid", "kingdom", "--csv", input="1\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Which one?") == 1
    compared = {line.split(",")[0] for line in result.stdout.splitlines()[1:]}
    assert compared == {"squid-game", "kingdom"}
    error = json_error(run_shipped("compare", "squid", "kingdom", "--json", input="1\n"))
    assert error["kind"] == "ambiguous" and error["suggestions"][0] == "squid-game"
    assert "squid-game-the-challenge" in error["suggestions"]


@pytest.mark.parametrize(
    "words", [["compare", "kingdom", "the glory season 2"], ["chart", "squid game 9", "kingdom"]]
)
def test_a_season_a_title_lacks_is_not_a_matter_of_quotes(
    run_shipped: Run, words: list[str]
) -> None:
    """The titles were quoted; the season is what is wrong (review 16, S4)."""
    result = run_shipped(*words)
    assert result.exit_code == 2
    assert "not season" in result.stderr and "quotes" not in result.stderr


def test_tab_completes_the_first_word_of_a_name_only() -> None:
    """A slug offered for a second word would land after the first (`show moonlit
    moonlit-hallway`): TAB completes the first word of a name of several words, and no other."""
    from click.shell_completion import ShellComplete

    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    data = ["--data", str(MINI)]
    first = [item.value for item in completer.get_completions([*data, "show"], "moon")]
    assert first == ["moonlit-hallway"]
    assert completer.get_completions([*data, "show", "moonlit"], "moon") == []
    assert completer.get_completions([*data, "person", "bo-ra"], "kang") == []
    after_option = completer.get_completions([*data, "show", "--season", "1"], "moon")
    assert [item.value for item in after_option] == ["moonlit-hallway"]


def test_tab_in_ascii_completes_a_korean_title_that_starts_in_ascii(tmp_path: Path) -> None:
    """'TV 동물농장' holds Hangul, but typing 'tv' reaches it: it is kept with the names ASCII
    typing reads, not with the names of Hangul alone that only Hangul typing reads."""
    from click.shell_completion import ShellComplete

    from tests.conftest import _runner

    data = tmp_path / "shows.toml"
    text = MINI.read_text(encoding="utf-8")
    data.write_text(text.replace('"밤기차"', '"TV 밤기차"', 1), encoding="utf-8")
    run = _runner(data)
    for _ in range(2):  # the index, and the names file TAB reads beside it
        assert run("show", "night-train").exit_code == 0
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    for typed in ("tv", "TV 밤", "밤기"):
        found = completer.get_completions(["--data", str(data), "show"], typed)
        assert [item.value for item in found] == ["night-train"], typed
    found = completer.get_completions(["--data", str(data), "show"], "등불의")
    assert {item.value for item in found} >= {"river-of-lanterns"}


@pytest.mark.parametrize(
    ("command", "typed", "target"),
    [
        ("show", "night-t", "night-train"),  # slug
        ("show", "night t", "night-train"),  # title
        ("show", "밤기", "night-train"),  # Korean title
        ("person", "han-ji", "han-ji-won"),  # id
        ("person", "han ji", "han-ji-won"),  # name
        ("person", "han jee", "han-ji-won"),  # alias
        ("person", "한지", "han-ji-won"),  # Hangul name
    ],
)
def test_tab_completes_from_every_kind_of_name_the_names_file_holds(
    run: Run, command: str, typed: str, target: str
) -> None:
    """The names file holds the rows of catalogue.names.COMPLETION_HOWS: each kind of name
    `show` and `person` accept reaches its target by TAB, from a fresh index's names file."""
    from click.shell_completion import ShellComplete

    for _ in range(2):
        assert run("show", "night-train").exit_code == 0
    completer = ShellComplete(cli, {}, "kdrama", "_KDRAMA_COMPLETE")
    found = completer.get_completions(["--data", str(MINI), command], typed)
    assert target in [item.value for item in found]


def test_a_missing_choice_argument_names_the_choices_on_one_line(run: Run) -> None:
    """click listed them one a line ("Choose from:\\n bash,\\n zsh,\\n fish"); a one-line error is
    what every other usage error gives."""
    result = run("completion")
    assert result.exit_code == 2
    assert "Error: Missing argument 'SHELL'. Choose from: bash, zsh, fish.\n" in result.output
    assert "Traceback" not in result.output


def test_a_mistyped_option_is_offered_the_closest_option_first(run: Run) -> None:
    """`cast --seson 2` said "Did you mean '--json', '--season'?": click sorts its suggestions
    alphabetically, so the nearest came second. They now come closest first, in the wording of
    every other suggestion, for a command's options, a subcommand's and the global ones."""
    cases = [
        (
            ("cast", "--seson", "2"),
            "No such option '--seson'. Did you mean '--season' or '--json'?",
        ),
        (("seen", "people", "--limt", "3"), "No such option '--limt'. Did you mean '--limit'?"),
        (("--no-cach", "show", "x"), "No such option '--no-cach'. Did you mean '--no-cache', "),
        (("show", "x", "--zzzzz"), "No such option '--zzzzz'.\n"),
    ]
    for args, said in cases:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        assert f"Error: {said}" in result.stderr, (args, result.stderr)
        assert "Usage: " in result.stderr  # a mistake of syntax keeps click's Usage block


def test_show_with_a_sheet_option_says_where_its_tables_are(run_shipped: Run) -> None:
    """`kdrama show kingdom --csv` failed with click's bare "No such option '--csv'", though
    the page prints tables (walk33 #4): it now names the cast's sheet and the whole record's
    JSON, with the title and season as typed and the dataset options, still a usage error."""
    cases = [
        (("show", "kingdom", "--csv"), "kingdom", "--csv"),
        (("show", "--tsv", "squid", "game"), "'squid game'", "--tsv"),
        (("show", "kingdom", "-s2", "--csv"), "kingdom --season 2", "--csv"),
        (("show", "--csv"), "SHOW", "--csv"),
    ]
    for args, named, option in cases:
        result = run_shipped(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        assert (
            f"Error: show has no {option}: its cast as a table is `kdrama cast {named} {option}`,"
            f" and the whole record is `kdrama show {named} --json`\n"
        ) in result.stderr, (args, result.stderr)
        assert "Usage: " in result.stderr  # a mistake of syntax keeps its block
    layer = ["--add-data", str(MINI)]  # never read: the line is refused first
    said = run_shipped(*layer, "show", "kingdom", "--csv").stderr
    assert f"`kdrama {' '.join(layer)} cast kingdom --csv`" in said
    # --spoilers goes to cast, which without it leaves out the cameos asked for; show --json
    # gives every credit either way
    spoilers = run_shipped(*layer, "show", "squid-game", "--spoilers", "-s", "2", "--csv")
    assert (
        f"its cast as a table is `kdrama {' '.join(layer)} cast squid-game --season 2 "
        f"--spoilers --csv`, and the whole record is `kdrama {' '.join(layer)} show squid-game"
        " --season 2 --json`\n"
    ) in spoilers.stderr, spoilers.stderr
    # another command without a sheet says it has none and where its answer is (walk36 #22);
    # another mistyped option keeps click's words
    trivia = run_shipped("trivia", "--csv")
    assert trivia.exit_code == 2 and "Usage: " in trivia.stderr
    assert (
        "Error: trivia has no --csv: its answer is not one table of rows; --json gives it\n"
    ) in trivia.stderr
    assert "Error: No such option '--cvs'.\n" in run_shipped("show", "x", "--cvs").stderr


def test_an_output_option_a_command_lacks_says_where_the_answer_is(run_shipped: Run) -> None:
    """`seen add kingdom --json` got click's "No such option '--json'. Did you mean
    '--season'?", a guess by spelling that no script wants (walk36 #22): a command with no
    --json (or no --csv) says so, and where a script finds what it asked for."""
    cases = {
        ("seen", "remove", "kingdom", "--csv"): (
            "seen remove has no --csv: it changes the seen list and says what it did on stderr;"
            " kdrama seen list --csv gives the list"
        ),
        ("path", "gong-yoo", "kim-tae-ri", "--tsv"): (
            "path has no --tsv: its answer is not one table of rows; --json gives it"
        ),
        ("cache", "clear", "--json"): (
            "cache clear has no --json (kdrama cache clear --help lists its options)"
        ),
    }
    for args, said in cases.items():
        result = run_shipped(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == "" and "Did you mean" not in result.stderr
        assert said in " ".join(result.stderr.split()), (args, result.stderr)
    # the data options typed come with the command it names, as every suggested command's do
    layer = ["--add-data", str(MINI)]
    said = run_shipped(*layer, "seen", "add", "kingdom", "--csv").stderr
    assert f"kdrama {' '.join(layer)} seen list --csv gives the list" in " ".join(said.split())


def _help(*words: str) -> str:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*words, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.output


#: The commands that answer a question of the catalogue, whose help ends with the exit
#: statuses a script branches on.
DATA_COMMANDS = [
    ["show"],
    ["cast"],
    ["compare"],
    ["similar"],
    ["person"],
    ["search"],
    ["list"],
    ["values"],
    ["top"],
    ["chart"],
    ["trivia"],
    ["path"],
    ["upcoming"],
    ["seen", "list"],
    ["seen", "people"],
]


@pytest.mark.parametrize("words", DATA_COMMANDS, ids=" ".join)
def test_a_data_commands_help_ends_with_its_exit_statuses(words: list[str]) -> None:
    """Only `kdrama --help` gave the exit codes: `kdrama search --help` never said that nothing
    found is exit 0 or an ambiguous name exit 2 (walk33 #14). Each data command's help ends
    with one line, the same for all, after its examples."""
    helped = _help(*words)
    assert " ".join(helped.split()).endswith(
        "Exit status: 0, also when nothing matches; 2 for an unknown or ambiguous name or a bad "
        "option; see kdrama --help."
    ), helped
    assert helped.count("Exit status:") == 1
    assert helped.index("Examples:") < helped.index("Exit status:")


def test_only_the_data_commands_help_gives_that_line() -> None:
    """quiz and data check say their own exit statuses; a command that changes a file or
    prints no data (seen add, cache clear, completion) has none of the data commands'."""
    for words in (["quiz"], ["data", "check"], ["seen", "add"], ["cache", "clear"], ["help"]):
        assert "Exit status: 0, also when nothing matches" not in _help(*words), words


def test_help_teaches_what_each_command_prints() -> None:
    """A fresh-eyes review: `kdrama --help` listed "values  The values list's filters can
    take"; quiz and trivia said --json prints "instead of a table", though they print none;
    upcoming's help opened with "No page is replayed from the cache"; data check's was one
    dense paragraph after its summary."""
    values = next(line for line in _help().splitlines() if line.strip().startswith("values "))
    assert "list's filters can take" not in values and "kdrama list" in values
    for command, says in (("quiz", "without playing the quiz"), ("trivia", "the fact")):
        helped = " ".join(_help(command).split())
        json_help = helped.split("--json", 1)[1].split(" -h, --help", 1)[0]
        assert "instead of a table" not in json_help and says in json_help, json_help
    paragraphs = _help("upcoming").split("\n\n")
    assert "stale" in paragraphs[2] and "No page is replayed" not in paragraphs[2]
    # show --json is the one JSON that withholds nothing, and its help said only "instead of a
    # table"; path, seen import, data check and data path print no table (walk36 #2)
    for words, says in (
        (["show"], "full record as JSON (UTF-8) instead of the page"),
        (["path"], "every chain"),
        (["seen", "import"], "every title that matched nothing included"),
        (["data", "check"], "every problem and warning, not only the first 50"),
        (["data", "path"], "the files as JSON"),
    ):
        helped = " ".join(_help(*words).split())
        json_help = helped.split("--json ", 1)[1].split(" -h, --help", 1)[0]
        assert "instead of a table" not in json_help and says in json_help, json_help
    assert "with or without --spoilers" in " ".join(_help("show").split())


def test_help_names_what_an_option_does_when_it_is_left_out() -> None:
    """walk36 #3, #4, #16, #17: --no-cache alone of the global switches did not name its
    variable; data netflix --out read "(default, or "-": standard output)"; list's --limit,
    which has no default, spoke of --json giving every row "unless it is given", as if its
    page had one; quiz's Ctrl-C "ends the quiz with the score so far", as end of input does,
    though it exits 130."""
    top = " ".join(_help().split())
    assert "--no-cache Parse the dataset files instead of using the index in the cache " in top
    assert "cache directory (also $KDRAMA_NO_CACHE)." in top
    out = " ".join(_help("data", "netflix").split()).split("--out PATH ", 1)[1]
    assert out.startswith('Write the generated dataset file here (without --out, or with "-",')
    listed = " ".join(_help("list").split()).split("--limit N ", 1)[1]
    assert listed.startswith("At most N rows (default: every row).")
    ranked = " ".join(_help("top").split()).split("--limit N ", 1)[1]
    assert ranked.startswith("At most N rows (--json, --csv and --tsv give every row unless")
    # trivia's --spoilers shows a hidden source's address as well as its headline, as show's
    # says, and picks among more facts, so a --seed can pick another (walk36 #20)
    trivia = " ".join(_help("trivia").split()).split("--spoilers ", 1)[1]
    assert trivia.startswith("Also pick among facts flagged as spoilers (so the same --seed may")
    assert "show the headlines and addresses of sources that give a result away." in trivia
    quiz = " ".join(_help("quiz").split())
    assert "End of input ends the quiz with the score so far (exit 0); Ctrl-C too, with" in quiz
    assert "exit status 130 (interrupted)." in quiz
    check = _help("data", "check").split("Options:")[0].split("\n\n")[1:]
    assert check[0].strip().startswith("Validate a dataset")
    assert "What is checked:" in check[2]
    assert max(len(p.splitlines()) for p in check) <= 10, check


def _one_value_options() -> list[tuple[list[str], str]]:
    """Every command's words with each of its options that takes one value (its longest name):
    the whole tree, groups and the top level included."""
    found: list[tuple[list[str], str]] = []

    def walk(command: click.Command, words: list[str]) -> None:
        for param in command.params:
            if not isinstance(param, click.Option) or param.multiple or param.count:
                continue
            if param.is_flag or param.is_eager:
                continue
            found.append((words, max(param.opts, key=len)))
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, [*words, name])

    walk(cli, [])
    return found


@pytest.mark.parametrize(("words", "option"), _one_value_options())
def test_an_option_of_one_value_given_twice_is_a_usage_error(
    run: Run, words: list[str], option: str
) -> None:
    """click kept the last value and dropped the first without a word: `list --genre romance
    --genre comedy` listed the comedies alone, and the answer hung on the order typed."""
    result = run(*words, option, "1", option, "2")
    assert result.exit_code == 2, (words, option, result.output)
    assert f"Error: Option '{option}' is given twice: it takes one value." in result.stderr
    assert result.stdout == ""


def test_the_walk_of_one_value_options_reaches_every_level() -> None:
    walked = {(" ".join(words), option) for words, option in _one_value_options()}
    assert {("", "--data"), ("list", "--genre"), ("seen add", "--season")} <= walked
    assert ("upcoming", "--status") not in walked  # repeatable: its values combine


def test_a_repeated_option_is_named_as_typed_and_help_still_wins(run: Run) -> None:
    short = run("list", "-n", "3", "-n", "4")
    assert "Error: Option '-n' is given twice: it takes one value." in short.stderr
    both = run("list", "-n", "3", "--limit=4")
    assert "Error: Option '--limit' (also as '-n') is given twice" in both.stderr
    helped = run("list", "--genre", "a", "--genre", "b", "--help")
    assert helped.exit_code == 0 and "Usage: " in helped.stdout


def test_repeatable_options_and_flags_given_twice_still_run(
    run: Run, run_shipped: Run, tmp_path: Path
) -> None:
    """Options refused when given twice (OnceOptions) leave these alone, and each does what it
    says given twice: a flag still asks once, --status asks for both statuses (neither value
    replacing the other), and --add-data merges both layers, the same layer once."""
    listed = json.loads(run("list", "--json", "--json", "--limit", "1").stdout)
    assert [title["slug"] for title in listed] == ["moonlit-hallway"]

    def upcoming(*statuses: str) -> set[tuple[str, int, str]]:
        words = [word for status in statuses for word in ("--status", status)]
        seasons = json.loads(run_shipped("upcoming", *words, "--json").stdout)["seasons"]
        return {(season["slug"], season["season"], season["status"]) for season in seasons}

    renewed, announced = upcoming("renewed"), upcoming("announced")
    assert renewed and announced, "the shipped catalogue has seasons of both statuses"
    assert upcoming("renewed", "announced") == renewed | announced
    assert upcoming("announced", "renewed") == renewed | announced

    from tests.made_up import META, film

    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    first.write_text(META + film("first-film"), encoding="utf-8")
    second.write_text(META + film("second-film"), encoding="utf-8")
    mini = ["moonlit-hallway", "night-train", "river-of-lanterns"]

    def slugs(*layers: Path) -> list[str]:
        words = [word for layer in layers for word in ("--add-data", str(layer))]
        result = run(*words, "list", "--json")
        assert result.stderr == "", result.stderr
        return sorted(title["slug"] for title in json.loads(result.stdout))

    assert slugs(first, second) == sorted([*mini, "first-film", "second-film"])
    assert slugs(first, first) == sorted([*mini, "first-film"])


def test_a_dataset_kdrama_data_names_is_said_after_a_miss_and_by_version(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A $KDRAMA_DATA forgotten in a shell's start-up file leaves a catalogue of a few titles:
    'no title matches' now says which dataset is in use and how to have the shipped one back,
    and --version, where one would look, names it too."""
    alone = tmp_path / "alone.toml"  # one entry: a base of none is refused as empty
    alone.write_text('[meta]\nschema = 1\n\n[[people]]\nid = "kim-a"\nname = "Kim A"\n')
    env = {"KDRAMA_DATA": str(alone)}
    missed = run_shipped("show", "squid game", env=env)
    assert missed.exit_code == 2
    assert (
        f"The catalogue in use is {alone}, which $KDRAMA_DATA names (set in your environment), "
        "not the shipped dataset: unset KDRAMA_DATA to use it."
    ) in " ".join(missed.stderr.split())
    version = run_shipped("--version", env=env).stdout
    assert f"dataset in use: {alone} ($KDRAMA_DATA), not the shipped one" in version
    assert "dataset in use" not in run_shipped("--version").stdout
    # read as the commands read it: --data wins, and spaces are part of the name
    other = tmp_path / "other.toml"
    typed = run_shipped("--data", str(other), "--version", env=env).stdout
    assert f"dataset in use: {other} (no such file) (--data), not the shipped one" in typed
    assert "$KDRAMA_DATA" not in typed
    spaced = run_shipped("--version", env={"KDRAMA_DATA": " "}).stdout
    assert "dataset in use: ' ' (no such file) ($KDRAMA_DATA), not the shipped one" in spaced
    assert "in use" not in run_shipped("show", "xqzqx").stderr  # the shipped dataset


def test_version_names_the_datasets_typed_with_it(run_shipped: Run, tmp_path: Path) -> None:
    """`kdrama --data layer.toml --version` named only the shipped dataset (--version answers
    before the other options are read), so a script logging `kdrama $ARGS --version` recorded
    the wrong one; --add-data was never named. Both are, wherever they are typed."""
    main, layer = tmp_path / "main.toml", tmp_path / "layer.toml"
    for path in (main, layer):
        path.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    for args in (
        ["--data", str(main), "--add-data", str(layer), "--version"],
        ["--version", f"--data={main}", "--add-data", str(layer)],
        ["show", "x", "--add-data", str(layer), "--data", str(main), "-V"],
    ):
        said = run_shipped(*args).stdout.splitlines()
        assert said[-2:] == [
            f"dataset in use: {main} (--data), not the shipped one",
            f"dataset added over it: {layer} (--add-data)",
        ], args
    assert "dataset" not in run_shipped("-V").stdout.splitlines()[-1]
    # the personal dataset, read by every command and named by none, is said in its place
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    said = run_shipped("--add-data", str(layer), "-V").stdout.splitlines()
    assert said[-2:] == [
        f"dataset added over it: {personal} (your personal dataset)",
        f"dataset added over it: {layer} (--add-data)",
    ]
    left_out = f"personal dataset: {personal} (left out: --no-personal)"
    assert run_shipped("-V", "--no-personal").stdout.splitlines()[-1] == left_out
    quiet = run_shipped("-V", env={"KDRAMA_NO_PERSONAL": "yes"})
    assert quiet.stdout.splitlines()[-1] == left_out
    assert quiet.stderr == ""


def test_version_says_it_does_not_understand_a_personal_switch_every_command_refuses(
    run_shipped: Run, tmp_path: Path
) -> None:
    """KDRAMA_NO_PERSONAL=maybe was read as off by --version, which said the personal dataset
    was added, while every command refuses the value (exit 2). --version still answers (a bug
    report, or a script checking what is installed, needs it), and says on stderr, in the
    commands' words, that the value is not understood; it claims neither added nor left out."""
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text("[meta]\nschema = 1\n", encoding="utf-8")
    env = {"KDRAMA_NO_PERSONAL": "maybe"}
    refused = run_shipped("show", "squid-game", env=env)
    assert refused.exit_code == 2
    said = "KDRAMA_NO_PERSONAL='maybe' is not 1 or 0 (nor true or false, yes or no, on or off)"
    assert refused.stderr == f"kdrama: error: {said}\n"
    for flag in ("-V", "--version"):
        version = run_shipped(flag, env=env)
        assert version.exit_code == 0, version.output
        assert version.stderr == f"kdrama: warning: {said}: every command refuses it\n"
        assert version.stdout.splitlines()[-1] == (
            f"personal dataset: {personal} (neither added nor left out: $KDRAMA_NO_PERSONAL is"
            " not understood)"
        )
    # --no-personal typed wins over the variable, for a command and for --version alike
    assert run_shipped("--no-personal", "show", "squid-game", env=env).exit_code == 0
    typed = run_shipped("-V", "--no-personal", env=env)
    assert typed.stderr == ""
    assert (
        typed.stdout.splitlines()[-1] == f"personal dataset: {personal} (left out: --no-personal)"
    )


def test_a_dataset_path_a_terminal_cannot_show_is_suggested_in_a_shell_s_escapes(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A --data path holding a tab and an escape sequence reached the page raw (the escape
    coloured the terminal, the tab broke the command), stderr cleaned it into another path,
    and a path not in UTF-8 made every --export-html fail: a suggested command now quotes such
    a path as $'...' with \\xHH bytes, printable everywhere, and bash reads it back whole."""
    import os
    import subprocess

    from kdrama_cli.errors import shell_quote

    for folder in ("tab\there esc\x1b[31mred", os.fsdecode(b"not-utf8-\xff")):
        home = tmp_path / folder
        home.mkdir()
        dataset = home / "mini.toml"
        dataset.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
        quoted = shell_quote(str(dataset))
        assert quoted.startswith("$'") and quoted.isprintable()
        typed = run_shipped("--data", str(dataset), "show", "Han Ji-won")
        assert f"is a person: kdrama --data {quoted} person han-ji-won." in typed.stderr
        read_back = subprocess.run(
            ["bash", "-c", f"printf %s {quoted}"], capture_output=True, check=True
        ).stdout
        assert read_back == os.fsencode(str(dataset))
        export = tmp_path / "page.html"
        wide = {"COLUMNS": "300"}
        page = run_shipped(
            "--data", str(dataset), "--export-html", str(export), "search", "night", env=wide
        )
        assert page.exit_code == 0, page.stderr
        assert f"kdrama --data {quoted} show night-train" in page.stdout
        assert not any(c in page.stdout + export.read_text("utf-8") for c in "\t\x1b\udcff")


def test_a_suggested_command_carries_the_dataset_options_typed(
    run_shipped: Run, tmp_path: Path
) -> None:
    """'+ 4 more: kdrama cast starlight-garden' under a page of one's own layer asked the
    shipped dataset when pasted, which has no such title: a command a page or an error
    suggests begins with the --data and --add-data typed, quoted for a shell, and pasted it
    answers; a dataset $KDRAMA_DATA names is not repeated, as the environment has it."""
    from kdrama_cli.errors import command_line

    spaced = tmp_path / "my mini.toml"
    spaced.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    typed = run_shipped("--data", str(spaced), "show", "Han Ji-won")
    assert typed.exit_code == 2
    command = f"kdrama --data {shlex.quote(str(spaced))} person han-ji-won"
    assert f"'Han Ji-won' is a person: {command}." in " ".join(typed.stderr.split())
    pasted = run_shipped(*shlex.split(command)[1:])
    assert pasted.exit_code == 0 and "Han Ji-won" in pasted.stdout

    layered = run_shipped("--add-data", str(spaced), "show", "Han Ji-won")
    added = f"kdrama --add-data {shlex.quote(str(spaced))} person han-ji-won"
    assert f"'Han Ji-won' is a person: {added}." in " ".join(layered.stderr.split())

    env = {"KDRAMA_DATA": str(spaced)}
    named = " ".join(run_shipped("show", "Han Ji-won", env=env).stderr.split())
    assert "'Han Ji-won' is a person: kdrama person han-ji-won." in named
    # --no-personal typed is carried too (pasted without it, a broken personal dataset would
    # stop the command); from the environment, as $KDRAMA_DATA, it is not repeated
    alone = run_shipped("--data", str(spaced), "show", "Han Ji-won", "--no-personal")
    without = f"kdrama --data {shlex.quote(str(spaced))} --no-personal person han-ji-won"
    assert f"'Han Ji-won' is a person: {without}." in " ".join(alone.stderr.split())
    quiet = run_shipped("show", "Han Ji-won", env={**env, "KDRAMA_NO_PERSONAL": "1"})
    assert "'Han Ji-won' is a person: kdrama person han-ji-won." in " ".join(quiet.stderr.split())
    # the page cache keeps the two apart: the same files, typed or named by the environment
    wide = {"COLUMNS": "300"}
    for _ in range(2):
        page = run_shipped("--data", str(spaced), "search", "night train", env=wide).stdout
        assert f"kdrama --data {shlex.quote(str(spaced))} show night-train" in page
        page = run_shipped("search", "night train", env={**env, **wide}).stdout
        assert "title: Night Train kdrama show night-train" in " ".join(page.split())
    # after the run, a suggestion is plain again (a library caller, the next test), and a
    # context made without running a command (TAB's completion makes one) sets nothing
    assert command_line("list") == "kdrama list"
    cli.make_context("kdrama", ["--data", str(spaced), "show", "x"], resilient_parsing=True)
    assert command_line("list") == "kdrama list"


def test_a_suggested_command_is_never_broken_across_lines(run_shipped: Run, tmp_path: Path) -> None:
    """'+ 25 more: kdrama --data '/tmp/a folder/…' cast squid-game' broke at a space of the
    path at 80 columns, and pasted, the shell ran half a command: a page's line breaks before
    a command it names, never inside it. One wider than the page runs on, for the terminal to
    wrap whole; an export and a terminal Rich draws to get the same words."""
    folder = tmp_path / "a folder with a long name for a catalogue" / "of my own"
    folder.mkdir(parents=True)
    for name in ("shows.toml", "netflix.toml"):
        (folder / name).write_text((SHIPPED.parent / name).read_text(encoding="utf-8"))
    data = shlex.quote(str(folder / "shows.toml"))
    mine = [f"kdrama --data {data} cast squid-game", f"kdrama --data {data} chart squid-game"]
    plain = ["kdrama cast squid-game", "kdrama chart squid-game"]
    for width in (80, 60, 48):
        env = {"COLUMNS": str(width)}
        page = run_shipped("--data", str(folder / "shows.toml"), "show", "squid-game", env=env)
        lines = page.stdout.splitlines()
        assert all(command in lines for command in mine), page.stdout  # each alone, whole
        shipped = run_shipped("show", "squid-game", env=env).stdout
        assert all(
            any(line.endswith(command) for line in shipped.splitlines()) for command in plain
        )
        named = [line for line in shipped.splitlines() if "kdrama " in line]
        assert named and all(len(line) <= width for line in named)  # fits: no line runs on
        assert "\ufdd0" not in page.stdout + shipped
    html = tmp_path / "page.html"
    exported = run_shipped(
        "--data",
        str(folder / "shows.toml"),
        "--export-html",
        str(html),
        "show",
        "squid-game",
        env={"COLUMNS": "60"},
    )
    assert exported.exit_code == 0 and "\ufdd0" not in exported.stdout
    assert all(command in exported.stdout.splitlines() for command in mine)
    assert "\ufdd0" not in html.read_text(encoding="utf-8")
    # an SVG picture cuts a line at its width: there the command breaks between its words
    svg = tmp_path / "page.svg"
    pictured = run_shipped(
        *("--data", str(folder / "shows.toml"), "--export-svg", str(svg)),
        *("show", "squid-game"),
        env={"COLUMNS": "80"},  # the path's longest word fits; the command does not
    )
    assert pictured.exit_code == 0
    drawn = html_module.unescape(
        " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text()))
    )
    assert mine[0] in " ".join(drawn.split()) and "\ufdd0" not in drawn
    assert mine[0] in pictured.stdout.splitlines()  # while the page printed keeps it whole
    # so does the title's card, whose box cuts its lines: a command that fits stays whole
    card = run_shipped("show", "the goblin", env={"COLUMNS": "20"}).stdout.split("╰")[0]
    assert "goblin" in card.split() and "kdrama show goblin" in " ".join(
        card.replace("│", "").split()
    )


def test_a_note_on_stderr_keeps_a_suggested_command_on_one_line() -> None:
    """A note kdrama writes to a terminal's stderr is wrapped to its width (views.text.wrap_cells):
    a command it suggests stays on one line ("kdrama seen add" / "SHOW" broke it in two)."""
    from kdrama_cli.errors import command_line, suggest_with
    from kdrama_cli.views.text import wrap_cells

    suggest_with(["--data", "'/tmp/a long folder name/mine.toml'"])
    try:
        command = command_line("seen add SHOW")
        lines = wrap_cells(f"Nothing seen yet: {command} adds a title.", 30).splitlines()
    finally:
        suggest_with(())
    assert command in lines and lines[0] == "Nothing seen yet:" and lines[-1] == "adds a title."


def test_a_quoting_hint_for_a_name_with_a_control_character_names_what_was_typed(
    run_shipped: Run,
) -> None:
    """ "squid gae" was suggested for `--show squid $'ga\\x1bme'`: the escape was cleaned out of
    the double-quoted name, which then named another title. Such a name is quoted as $'...'."""
    result = run_shipped("trivia", "--show", "squid", "ga\x1bme")
    assert result.exit_code == 2
    assert "kdrama trivia --show $'squid ga\\x1bme'" in result.stderr

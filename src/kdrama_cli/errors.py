"""Exit codes, the exception every layer may raise to stop output quietly, the one wording of
a suggestion (and of a mistyped command), and how a command kdrama suggests begins."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


#: The words a suggested command begins with: "kdrama" and the dataset options of this run.
_SUGGESTED_START = ["kdrama"]


#: The commands suggested in this run, for the page views: a page breaks its lines around a
#: command it names, never inside it (kdrama_cli.views.pasteable).
_SUGGESTED: dict[str, None] = {}

#: How many suggested commands are remembered; beyond, the oldest is forgotten (a browse
#: session suggests a few on every page it opens).
_REMEMBERED = 5_000


def command_line(rest: str) -> str:
    """A command for the reader to run, as this run was started: "kdrama cast squid-game", or
    with the --data and --add-data typed for it ("kdrama --add-data mine.toml cast
    starlight-garden"), so that, pasted, it answers from the same catalogue. A dataset
    $KDRAMA_DATA names is not repeated: the environment the command is pasted in has it."""
    return suggested(f"{_SUGGESTED_START[0]} {rest}")


def suggested(command: str) -> str:
    """``command``, remembered as one a page may name: every command_line, and one with more
    words put after it ("kdrama show squid-game --spoilers")."""
    if command not in _SUGGESTED and len(_SUGGESTED) >= _REMEMBERED:
        del _SUGGESTED[next(iter(_SUGGESTED))]
    _SUGGESTED[command] = None
    return command


def command_start() -> str:
    """How a suggested command begins in this run ("kdrama", with the dataset options typed),
    not remembered as a command (the page cache keys pages by it)."""
    return _SUGGESTED_START[0]


def suggested_commands() -> list[str]:
    """The commands suggested in this run, longest first (a command that begins another is
    found inside it, so the longer is looked for first)."""
    return sorted(_SUGGESTED, key=len, reverse=True)


def suggest_with(dataset_options: Sequence[str]) -> None:
    """Begin suggested commands with these dataset options, each word already quoted for a
    shell (the command line sets them while a command runs, and clears them after), and forget
    the commands suggested before."""
    _SUGGESTED_START[0] = " ".join(["kdrama", *dataset_options])
    _SUGGESTED.clear()


def asks_for_json(words: Sequence[str]) -> bool:
    """Whether a command line (the words after the program's name) asks for JSON: ``--json``
    among them, wherever typed (after the command or before it), up to a ``--``, after which
    every word is an argument (`kdrama search -- --json`). ``--json=yes`` (or ``--json=``)
    asks for it too: --json takes no value, and the error saying so is written as JSON. --csv
    and --tsv ask for nothing here: their errors stay human lines. Here, below everything,
    so that launch can ask it of a run interrupted before the command line's modules are in."""
    end = words.index("--") if "--" in words else len(words)
    return any(word == "--json" or word.startswith("--json=") for word in words[:end])


def error_document(
    code: int,
    kind: str,
    message: str,
    suggestions: Sequence[str] = (),
    problems: Sequence[Mapping[str, Any]] = (),
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """The JSON document of an error (docs/output.md "Errors"), its texts as given:
    failures.error_json makes them printable first."""
    return {
        "error": {
            "code": code,
            "kind": kind,
            "message": message,
            "suggestions": list(suggestions),
            "problems": list(problems),
            "notes": list(notes),
        }
    }


def interrupted_line(as_json: bool) -> str:
    """The one line Ctrl-C is said in (exit 130): "kdrama: interrupted", or, on a command line
    that asks for JSON, its error's line of JSON. Said by cli.main, and by launch for a Ctrl-C
    that came before cli.main was in (while the modules imported): here, below everything,
    so that both say the same."""
    if not as_json:
        return "kdrama: interrupted"
    import json

    return json.dumps(error_document(EXIT_INTERRUPTED, "interrupted", "interrupted"))


def ignore_interrupts() -> None:
    """Ignore Ctrl-C from here on, once a run has begun to say it was interrupted and end: a
    second Ctrl-C would cut that line short, or, landing after it was said, take the run back
    to an outer handler that says it again (launch). A Ctrl-C already noted but not yet acted
    on is dropped too (Python looks up the handler when it acts on one)."""
    import contextlib
    import signal

    # ValueError: not the main thread, where no handler can be set, nor a Ctrl-C land
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def did_you_mean(names: list[str]) -> str:
    """The one wording of a suggestion, for commands, options, values, titles and people:
    "Did you mean A, B or C?" (click's own, for options, is made to begin the same way:
    kdrama_cli.cli)."""
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return f"Did you mean {listed}?"


#: Words a fan types for a top-level command (`kdrama actor "Lee Jung-jae"`, `kdrama info
#: "squid game"`), and the command each means: asked before the spelling's "Did you mean", so
#: "drama" is show, not the data command its letters are close to.
COMMAND_WORDS = {
    **dict.fromkeys(("actor", "actress", "actors", "people", "who", "star"), "person"),
    **dict.fromkeys(("info", "drama", "dramas", "series", "title", "movie", "film"), "show"),
    **dict.fromkeys(("find", "lookup", "look-up", "query"), "search"),
    **dict.fromkeys(("like", "recommend", "recommendations"), "similar"),
    **dict.fromkeys(("vs", "versus"), "compare"),
    **dict.fromkeys(("ls", "all", "catalogue", "catalog"), "list"),
}


def meant_command(word: str, commands: Iterable[str]) -> str | None:
    """The command a fan's word for it means (COMMAND_WORDS), if the level has that command."""
    meant = COMMAND_WORDS.get(word.casefold())
    return meant if meant is not None and meant in commands else None


def no_such_command(
    word: str,
    commands: Iterable[str],
    before: Sequence[str] = (),
    rest: Sequence[str] = (),
    runnable: Callable[[list[str]], list[str] | None] | None = None,
) -> str:
    """A mistyped command, in one wording at every level and in `kdrama help`: "No such command
    'seen ad'. Did you mean seen add? See 'kdrama seen --help' for the commands." ``before``:
    the group's words under kdrama (none at the top level). ``rest``: the words typed after
    the unknown one. With some, each command offered is the whole line corrected, each word
    quoted for a shell, to copy and run (`kdrama shwo "All of Us Are Dead"`: "Did you mean
    kdrama show 'All of Us Are Dead'?"), and so is the command a fan's word means (`kdrama
    actor "Lee Jung-jae"`: "Did you mean kdrama person 'Lee Jung-jae'?"), when ``runnable``
    says the corrected words (after kdrama) would parse, giving them with each further level's
    command corrected too (`dat chek --strict`: kdrama data check --strict); else, and without
    ``runnable`` or the rest, its name (`trivai squid-game`: trivia, which takes --show)."""
    commands = list(commands)
    listed = " ".join(["kdrama", *before, "--help"])

    def offered(name: str) -> str:
        words = [*before, name]
        line = runnable([*words, *rest]) if rest and runnable is not None else None
        return command_line(shell_join(line)) if line else " ".join(words)

    meant = None if before else meant_command(word, commands)
    if meant is not None:
        return (
            f"No such command {word!r}. {did_you_mean([offered(meant)])} See '{listed}' for the"
            " commands."
        )
    close = close_commands(word, commands)
    hint = f" {did_you_mean([offered(name) for name in close])}" if close else ""
    said = f"No such command {' '.join([*before, word])!r}.{hint} See '{listed}' for the commands"
    if close or before or not word.strip() or not word.isprintable():
        return f"{said}."
    # `kdrama squid-game`, `kdrama 현빈`: a name typed where the command goes
    return f"{said}; {command_line(f'search {shell_quote(word)}')} finds a title or person by name."


def close_commands(word: str, commands: Iterable[str]) -> list[str]:
    """The commands a mistyped one may be, closest first (no_such_command's "Did you mean")."""
    import difflib

    return difflib.get_close_matches(word, list(commands), n=3, cutoff=0.6)


def shell_quote(text: str) -> str:
    """``text`` as one word a shell reads back, for a command kdrama suggests: shlex.quote's,
    or, for text holding what is not printable (a tab, an escape sequence, a byte of a file name
    that is not UTF-8), bash's and zsh's $'...' with each such byte as \\xHH, so the command is
    printable as it stands: a page shows it as stderr does (clean() would take a tab or an escape
    out of one copy only, naming another file) and an export can encode it."""
    import shlex

    if text.isprintable():
        return shlex.quote(text)
    quoted = []
    for character in text:
        if character in "'\\":
            quoted.append("\\" + character)
        elif character.isprintable():
            quoted.append(character)
        else:
            quoted.extend(f"\\x{byte:02x}" for byte in _bytes_of(character))
    return "$'" + "".join(quoted) + "'"


def _bytes_of(character: str) -> bytes:
    """The bytes a shell is to give back for an unprintable character: a file name's
    undecodable byte (a lone surrogate, U+DC80 to U+DCFF, as Python decodes it), else the
    character in UTF-8, whatever the locale's encoding (which may not have it)."""
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:
        return bytes([code - 0xDC00])
    return character.encode("utf-8", "surrogatepass")


def shell_join(words: list[str]) -> str:
    """``words`` as a command line a shell reads back, each quoted by shell_quote."""
    return " ".join(shell_quote(word) for word in words)


def extra_install(extra: str, requirement: str) -> str:
    """What a missing optional extra is and the command that adds it where this kdrama runs:
    "the tui extra: /home/me/.venv/bin/python -m pip install 'textual>=6.0'". It names the pip
    of the Python running kdrama, as no package index holds kdrama-cli (it is installed from its
    checkout), so "pip install 'kdrama-cli[tui]'" found nothing, and a bare `pip` can be
    another Python's; a pipx install takes the same command. On Windows the line is one cmd and
    PowerShell read: single quotes are no quotes to cmd, which took the ``>`` of 'textual>=6.0'
    for a redirection, and PowerShell takes a quoted path first for a string, not a command."""
    import sys

    python = sys.executable or "python3"
    if sys.platform == "win32":
        line = " ".join([_cmd_quote(python), "-m pip install", f'"{requirement}"'])
    else:
        line = shell_join([python, "-m", "pip", "install", requirement])
    return f"the {extra} extra: {line}"


def _cmd_quote(word: str) -> str:
    """A word of a Windows command line: in double quotes where it holds a space or what cmd
    reads as an operator, else bare (a bare path runs in PowerShell too)."""
    return f'"{word}"' if any(c in word for c in " \t&|<>^()%!,;=") else word


class PipeClosed(Exception):
    """The reader of stdout went away (``kdrama cast | head -1``): stop quietly with exit 0.

    Not an OSError on purpose: click turns EPIPE into exit 1, and a closed pipe is not an error.
    """


class ExportFailed(Exception):
    """A file named for an answer (--export-svg, --export-html, upcoming --ics FILE) could not
    be written (the message says why)."""

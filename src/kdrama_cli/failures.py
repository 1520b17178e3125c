"""The errors a command raises to stop with a message: each prints its own 'kdrama: ...'
lines on stderr and exits with its documented code (kdrama_cli.errors has the codes); on a
command line that asks for JSON, one line of JSON instead (error_json, docs/output.md
"Errors").

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kdrama_cli.errors import EXIT_DATA, EXIT_USAGE, command_line, error_document, shell_quote
from kdrama_cli.output import say, say_json

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.catalogue.problems import Problem

T = TypeVar("T")


class KdramaError(click.ClickException):
    """A file or data error (exit 1), printed as one 'kdrama: error: ...' line on stderr."""

    exit_code = EXIT_DATA

    def show(self, file: Any = None) -> None:
        for line in self.format_message().splitlines() or [""]:
            say(f"kdrama: error: {line}")


class PlainUsageError(click.UsageError):
    """A usage error (exit 2) in a well-formed command line: a title, person, season or value
    the catalogue does not have, a name that matches several, one title given twice, values
    that contradict each other (--from after --to), a bad environment variable. One
    'kdrama: error: ...' line on stderr, as file errors are; click's Usage block is kept for
    mistakes of syntax (an unknown option, a missing argument).

    ``lookup`` is the lookup error it reports, when it reports one (a miss, a name matching
    several, a season a title lacks): a command taking several names words its own advice
    from it (App.find_each), and its JSON form names its kind. ``suggested`` gives the ids
    of what a miss's "Did you mean" names (its names are a person's reading), asked only
    when the error is written as JSON."""

    def __init__(
        self,
        message: str,
        lookup: Exception | None = None,
        suggested: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.lookup = lookup
        self.suggested = suggested

    def show(self, file: Any = None) -> None:
        say(f"kdrama: error: {self.format_message()}")


#: The advice every quoting hint starts with.
QUOTES_SAID = "a title or name of several words goes in quotes"

#: Said after a miss among several words given to a command that takes several names, and
#: after words left over by a command that takes one (click's "unexpected extra argument"),
#: when the command line typed is not known: else quote_hint shows it quoted.
QUOTE_HINT = f'{QUOTES_SAID} ("Squid Game")'

#: ctx.meta key: the words typed after the command's name (kdrama_cli.cli keeps them), from
#: which an error rebuilds the command line with its names in quotes.
TYPED = "kdrama.typed"


def quote_hint(ctx: click.Context | None, names: Sequence[str] | None) -> str:
    """What to type instead, in the person's own words: the command line typed with its
    arguments given as ``names``, each in quotes (`kdrama path "Lee Jung-jae" "Song
    Hye-kyo"`); without ``names`` (no one way to divide the words), the command with its
    arguments named ("kdrama path "A" "B""); QUOTE_HINT when the command line is not known."""
    typed = typed_after_command(ctx) if ctx is not None else None
    if ctx is None or typed is None:
        return QUOTE_HINT
    if names is None:
        arguments = [p for p in ctx.command.params if isinstance(p, click.Argument)]
        if not arguments:
            return QUOTE_HINT
        named = " ".join(map(_named, arguments))
        return f"{QUOTES_SAID}, one pair for each: {_program(ctx)} {named}"
    kinds = token_kinds(ctx.command, typed)
    first = kinds.index("word") if "word" in kinds else len(kinds)
    line = [shell_quote(t) for t, k in zip(typed[:first], kinds[:first], strict=True)]
    line += [_quoted(name) for name in names]
    return _retyped(ctx, [*line, *_options_after(typed, kinds, first)])


def words_typed(ctx: click.Context) -> list[str] | None:
    """The arguments typed (not options nor their values), each as the shell gave it."""
    typed = typed_after_command(ctx)
    if typed is None:
        return None
    return [t for t, k in zip(typed, token_kinds(ctx.command, typed), strict=True) if k == "word"]


def joined_to_option(ctx: click.Context) -> str | None:
    """For a command that takes no argument (`trivia --show squid game`, `--show=squid game`):
    the line typed with the words left over joined, in quotes, to the value of the option just
    before them; None when they follow no option's value."""
    typed = typed_after_command(ctx)
    if typed is None or any(isinstance(p, click.Argument) for p in ctx.command.params):
        return None
    kinds = token_kinds(ctx.command, typed)
    first = kinds.index("word") if "word" in kinds else 0
    before = typed[first - 1] if first else ""
    if first and kinds[first - 1] == "value":
        option, head, value = typed[first - 2], typed[: first - 1], before
    elif before.startswith("--") and "=" in before:
        option, value = before.split("=", 1)
        head = [*typed[: first - 1], option]
    else:
        return None
    takes = [p for p in ctx.command.params if option in getattr(p, "opts", ())]
    if not (takes and isinstance(takes[0].type, click.types.StringParamType)):
        return None  # a number or a choice (--seed 3 b) takes no name of several words
    value = " ".join([value, *(t for t, k in zip(typed, kinds, strict=True) if k == "word")])
    line = [*map(shell_quote, head), _quoted(value)]
    return _retyped(ctx, [*line, *_options_after(typed, kinds, first)])


def no_argument_hint(ctx: click.Context) -> str | None:
    """For a command that takes no argument, words that follow no option's value (`trivia
    squid game`, `list drama`), where quotes would not help: a command with --show, the line
    typed with the words as its value (`kdrama trivia --show "squid game"`); any other, that
    it takes no title or name. None for a command that takes an argument."""
    if any(isinstance(p, click.Argument) for p in ctx.command.params):
        return None
    program, command = _program(ctx), " ".join(["kdrama", *ctx.command_path.split()[1:]])
    if "--show" not in options_named(ctx.command):
        said = f"{command} takes no title or name ({program} --help)"
        words = words_typed(ctx) or []
        if command == "kdrama upcoming" and words:
            # `kdrama upcoming "squid game"`: the fan asks whether a title has a season coming
            name = _one_name(words)
            said = f"{said}; a title's seasons and their status: {command_line(f'show {name}')}"
        return said
    typed = typed_after_command(ctx)
    kinds = token_kinds(ctx.command, typed) if typed is not None else []
    words = [t for t, k in zip(typed or (), kinds, strict=True) if k == "word"]
    if typed is None or not words:
        return f'{command} takes a title with --show: {program} --show "SHOW"'
    # the options and their values typed, less a '--' (the words after it go to --show: kept,
    # it would make --show a word too, and the line typed instead fail as this one did)
    pairs = zip(typed, kinds, strict=True)
    line = [shell_quote(t) for t, k in pairs if k != "word" and (t, k) != ("--", "option")]
    return (
        f"{command} takes a title with --show:"
        f" {' '.join([program, *line, '--show', _one_name(words)])}"
    )


def season_command(ctx: click.Context | None, slug: str, season: int | None) -> str | None:
    """The command typed, asking for the title's season instead: its name given as ``slug``
    and `--season N` (`kdrama seen add the-glory --season 1` for `kdrama seen add '더 글로리
    2'`), or for the whole title when ``season`` is None (`kdrama show the-glory` for `kdrama
    show the-glory --season 2`); None when the name was not the command's one argument, or it
    takes no --season."""
    typed = _typed_below(ctx) if ctx is not None else None
    if ctx is None or typed is None:
        return None
    params = ctx.command.params
    arguments = [p for p in params if isinstance(p, click.Argument)]
    if [p.name for p in arguments] != ["show"] or not any(p.name == "season" for p in params):
        return None
    kinds = token_kinds(ctx.command, typed)
    if "word" not in kinds:
        return None
    line: list[str] = []
    season_value = named = False  # the next token is --season's value; the slug is in line
    for token, kind in zip(typed, kinds, strict=True):
        skip = season_value and kind == "value"
        season_value = kind == "option" and token in ("--season", "-s")
        if kind == "word" and not named:
            line.append(shell_quote(slug))  # where the name's first word was
            named = True
        elif kind == "option" and (token.split("=")[0] == "--season" or token[:2] == "-s"):
            continue  # --season 2, --season=2, -s 2, -s2: the season is said at the end
        elif kind != "word" and not skip:
            line.append(shell_quote(token))
    asked = [] if season is None else ["--season", str(season)]
    return " ".join([_program(ctx), *line, *asked])


def _typed_below(ctx: click.Context) -> list[str] | None:
    """The words typed after ``ctx``'s command, for a command under kdrama or under one of
    its groups (`kdrama seen add`)."""
    typed = typed_after_command(ctx)
    if typed is not None or ctx.parent is None or ctx.parent.parent is None:
        return typed
    if ctx.parent.parent.parent is not None:
        return None
    words: list[str] | None = ctx.meta.get(TYPED)
    return words[1:] if words and words[0] == ctx.info_name else None


def _retyped(ctx: click.Context, line: Sequence[str]) -> str:
    """The hint with the command line to type instead: `kdrama path "A B" "C D"`."""
    return f"{QUOTES_SAID}: {' '.join([_program(ctx), *line])}"


def _program(ctx: click.Context) -> str:
    """The command as typed from kdrama down (`kdrama seen add`), whatever the program name,
    with this run's dataset options (kdrama_cli.errors.command_line)."""
    return command_line(" ".join(ctx.command_path.split()[1:]))


def _options_after(typed: Sequence[str], kinds: Sequence[str], first: int) -> list[str]:
    """The options (and their values) typed after the first word, ready for a shell."""
    pairs = zip(typed[first:], kinds[first:], strict=True)
    return [shell_quote(token) for token, kind in pairs if kind != "word"]


def typed_after_command(ctx: click.Context) -> list[str] | None:
    """The words typed after ``ctx``'s command (its options and arguments, as the shell gave
    them), known for a command right under kdrama; None for one deeper down."""
    under_root = ctx.parent is not None and ctx.parent.parent is None
    typed: list[str] | None = ctx.meta.get(TYPED) if under_root else None
    return typed


def options_named(command: click.Command) -> dict[str, click.Option]:
    """A command's options by each of their names (``--data``, ``-V``, ``--no-color``): how the
    command line, its error messages and TAB tell an option typed from the words around it."""
    return {
        name: param
        for param in command.params
        if isinstance(param, click.Option)
        for name in (*param.opts, *param.secondary_opts)
    }


def takes_value(option: click.Option) -> bool:
    """Whether ``option`` takes the next word as its value (``--data PATH``), unlike a flag."""
    return not option.is_flag and not option.count


def after_options(args: Sequence[str], options: Mapping[str, click.Option]) -> int:
    """Where the first word among ``args`` that is neither an option nor an option's value is
    (the command, after the global options typed before it): at a ``--``, or ``len(args)``
    when there is none. A word of ``options`` that takes a value passes over the next word;
    another word beginning with '-' passes alone."""
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        option = options.get(args[index].split("=", 1)[0])
        value = option is not None and takes_value(option) and "=" not in args[index]
        if value and index + 1 < len(args):
            index += 1  # its value
        index += 1
    return index


def options_apart(
    words: Sequence[str], options: Mapping[str, click.Option]
) -> tuple[list[str], list[str], str | None]:
    """``words`` parted into the ``options`` typed among them, each with its value, and the
    rest in their order (everything from ``--`` on, and -h/--help, stay with the rest). The
    third item names an option that ends ``words`` without the value it takes (it would take
    whatever came next), else None. How the group's own options typed after a command are
    moved in front of it (cli._globals_first), and set aside to parse the command's words
    alone (options.runnable_line)."""
    taken: list[str] = []
    rest: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if word == "--":
            rest.extend(words[at:])
            break
        name = word.split("=", 1)[0]
        option = options.get(name)
        if option is None or name in ("-h", "--help"):
            rest.append(word)
        else:
            taken.append(word)
            if takes_value(option) and "=" not in word:
                if at + 1 == len(words):
                    return taken, rest, name
                at += 1
                taken.append(words[at])
        at += 1
    return taken, rest, None


def token_kinds(command: click.Command, typed: Sequence[str]) -> list[str]:
    """For each word typed after a command: 'option', 'value' (an option's) or 'word' (an
    argument). `--show=x` and short options run together (`-n5`) carry their own value."""
    options = options_named(command)
    kinds: list[str] = []
    value_next = only_words = False
    for token in typed:
        if only_words or not (value_next or (token.startswith("-") and len(token) > 1)):
            kinds.append("word")
        elif value_next:
            kinds.append("value")
            value_next = False
        else:
            kinds.append("option")
            only_words = token == "--"
            option = options.get(token)
            value_next = option is not None and takes_value(option)
    return kinds


def _named(argument: click.Argument) -> str:
    """An argument as the hint names it: "A", or "SHOW" "SHOW" for several."""
    name = argument.metavar or (argument.name or "").upper()
    if argument.nargs == 1:
        return f'"{name}"'
    one = name.removesuffix("...").removesuffix("S")
    return f'"{one}" "{one}"'


def _one_name(words: Sequence[str]) -> str:
    """Words typed as one name, as one retypes it: a single word quoted as the shell needs it,
    several joined in double quotes (`trivia squid game`: "squid game")."""
    return shell_quote(words[0]) if len(words) == 1 else _quoted(" ".join(words))


def _quoted(name: str) -> str:
    """A name in the double quotes a person types, unless the shell would read into them or
    it holds what a terminal cannot show (errors.shell_quote's $'...' then)."""
    if name.isprintable() and not any(c in name for c in '"$`\\!'):
        return f'"{name}"'
    return shell_quote(name)


class DatasetProblems(click.ClickException):
    """Dataset or file errors: one line per problem on stderr (the first fifty, then a count of
    the rest by kind), exit 1."""

    exit_code = EXIT_DATA

    def __init__(
        self, problems: list[Problem], personal: str | None = None, notes: Sequence[str] = ()
    ) -> None:
        self.problems = problems
        #: The personal dataset, when the load read it: nothing on the command line named it,
        #: so a problem in it is followed by a note saying what the file is.
        self.personal = personal
        #: Notes said after the problems (App.base_notes: a base that is not the shipped one).
        self.notes = list(notes)
        super().__init__(f"{len(problems)} problems")

    def show(self, file: Any = None) -> None:
        for line in self.lines():
            say(line)

    def lines(self, kind: str = "error") -> list[str]:
        """The lines said on stderr, each problem as a ``kind`` ("error"; "warning" where the
        command does its work all the same, as `data path` lists a file that does not load)."""
        from kdrama_cli.catalogue.problems import summary

        lines = [f"kdrama: {kind}: {line}" for line in summary(self.problems)]
        for note in self.all_notes():
            # a note may end with lines to paste (people_to_add): each a line of its own
            first, *rest = note.split("\n")
            lines += [f"kdrama: note: {first}", *rest]
        return lines

    def all_notes(self) -> list[str]:
        """The notes said after the problems: what the personal dataset is, when a problem is
        in it or in a file it includes, then ``notes``."""
        notes = []
        if self.personal and any(in_file(p.file, self.personal) for p in self.problems):
            notes.append(
                f"{self.personal} is your personal dataset, read automatically "
                "by every command that uses the catalogue; fix it, or run with --no-personal "
                "to leave it out."
            )
        if self.personal:
            notes += _read_through_personal(self)
        return notes + self.notes


def _read_through_personal(error: DatasetProblems) -> list[str]:
    """For each file with a problem that the personal dataset's [meta] include brings in (a
    friend's pack it subscribes to), that it is read through it, and by which includes: the
    error names a file no command line did, maybe months after the include was written."""
    personal = error.personal
    others = [p.file for p in error.problems if personal and not in_file(p.file, personal)]
    if personal is None or not others:
        return []
    from kdrama_cli.catalogue.loader import read_through

    notes = []
    for name, chain in read_through(personal).items():
        if not chain or not any(in_file(file, name) for file in others):
            continue
        first, *rest = chain
        steps = "".join(f", then {including}'s meta.include[{index}]" for including, index in rest)
        notes.append(
            f"{name} is read through your personal dataset {personal}, meta.include[{first[1]}]"
            f"{steps}; fix it, or take that include out of your personal dataset, or run with"
            " --no-personal, to run without it."
        )
    return notes


def in_file(where: str, path: str) -> bool:
    """Whether a problem's file is ``path``."""
    return where == path


class Cancelled(click.ClickException):
    """The person cancelled the choice (Enter, end of input): one line, exit 2, no usage text
    (the candidates were just listed)."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        say(f"kdrama: {self.format_message()}")


def run_query(call: Callable[[], T]) -> T:
    """Run a query, turning a lookup failure (e.g. an unknown season) into a usage error, with
    the command that asks for what the catalogue has (asked_instead)."""
    from kdrama_cli.answers.finding import LookupError_

    try:
        return call()
    except LookupError_ as error:
        raise lookup_failed(error) from None


def lookup_failed(error: Exception, said: str = "") -> PlainUsageError:
    """The usage error of a lookup that found nothing usable (a season the title lacks), its
    message after ``said``, with the command that asks for what the catalogue has: the title's
    slug, which that command names, is what its JSON form offers (a script retries with it)."""
    instead = asked_instead(error)
    show = getattr(error, "show", None)
    offered = [show.slug] if instead and show is not None else []
    return PlainUsageError(f"{said}{error}{instead}", lookup=error, suggested=lambda: offered)


def asked_instead(error: Exception) -> str:
    """': kdrama seen add the-glory --season 1' after "part 2 belongs to season 1" ('더 글로리
    2'): the command typed, asking for the season the part belongs to, or for the whole title
    when it lacks the season (': kdrama show crash-landing-on-you'); '' when there is none to
    say."""
    from kdrama_cli.answers.finding import NoSuchSeason

    if not isinstance(error, NoSuchSeason) or error.show is None or not error.show.seasons:
        return ""  # a film has no seasons: its own line says so, and nothing else is asked
    context = click.get_current_context(silent=True)
    if error.part_of is None and (context is None or context.command.name not in _READ_ONLY):
        return ""  # `seen remove squid-game` would take off every season, not the one asked
    command = season_command(context, error.show.slug, error.part_of)
    return f": {command}" if command else ""


#: The commands whose whole title a season they lack may be asked for instead: they only
#: read (a command that changes the seen list is given no broader command to run).
_READ_ONLY = frozenset({"show", "cast"})


# Errors as JSON: a command line that asks for JSON gets its error as one line of JSON on
# stderr, {"error": {...}}, with the exit code of the human line (docs/output.md, "Errors").

#: Every ``kind`` an error's JSON names, by the exit code it comes with: 2 usage, not_found,
#: ambiguous, cancelled; 1 dataset (with ``problems``), file; 70 internal; 130 interrupted.
ERROR_KINDS = (
    "usage",
    "not_found",
    "ambiguous",
    "cancelled",
    "dataset",
    "file",
    "internal",
    "interrupted",
)


class _ErrorForm:
    """How this run writes its error: as JSON, or as the human lines (the default)."""

    json = False


_FORM = _ErrorForm()


def errors_as_json(on: bool) -> None:
    """Write this run's error as JSON (``on``) or as the human lines."""
    _FORM.json = on


def errors_are_json() -> bool:
    return _FORM.json


def error_json(
    code: int,
    kind: str,
    message: str,
    suggestions: Sequence[str] = (),
    problems: Sequence[Mapping[str, Any]] = (),
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """The JSON document of an error: ``message`` as the human lines say it, without their
    'kdrama: error: ' (text made printable as they are: clean)."""
    from kdrama_cli.catalogue.printable import clean

    return error_document(
        code,
        kind,
        clean(message, keep_newlines=True),
        [clean(s) for s in suggestions],
        problems,
        [clean(note, keep_newlines=True) for note in notes],
    )


def click_error_json(error: click.ClickException) -> dict[str, Any]:
    """A click exception's JSON document: kdrama's own errors (each its kind), and click's
    (a mistake of syntax: kind usage, with the options or commands it offers)."""
    message = error.format_message()
    if isinstance(error, DatasetProblems):
        from kdrama_cli.catalogue.problems import SHOWN_PROBLEMS, problem_json, summary

        problems = [problem_json(p) for p in error.problems[:SHOWN_PROBLEMS]]
        lines = "\n".join(summary(error.problems))
        return error_json(error.exit_code, "dataset", lines, (), problems, error.all_notes())
    if isinstance(error, PlainUsageError):
        kind, suggestions = _lookup_kind(error)
        return error_json(error.exit_code, kind, message, suggestions)
    if isinstance(error, Cancelled):
        return error_json(error.exit_code, "cancelled", message)
    if isinstance(error, click.UsageError):
        return error_json(error.exit_code, "usage", message, offered(error))
    kind = "usage" if error.exit_code == EXIT_USAGE else "file"
    return error_json(error.exit_code, kind, message)


def _lookup_kind(error: PlainUsageError) -> tuple[str, list[str]]:
    """The kind of a usage error in a well-formed line, and the ids it offers: a name matching
    nothing (or a season, a year of the title it names) is not_found, with the ids of the
    nearest names; one matching several, ambiguous, with every candidate's id, best first."""
    lookup = error.lookup
    if lookup is None:
        return "usage", offered(error)  # the values a filter's "Did you mean" names
    from kdrama_cli.answers.finding import (
        Ambiguous,
        NoSeasonOfYear,
        NoSuchSeason,
        NoSuchYear,
        NotFound,
    )

    if isinstance(lookup, Ambiguous):
        return "ambiguous", [id_ for id_, _ in lookup.candidates]
    if isinstance(lookup, NotFound | NoSuchSeason | NoSuchYear | NoSeasonOfYear):
        try:
            suggested = error.suggested() if error.suggested is not None else []
        except Exception:  # noqa: BLE001 - written as the run ends: the ids are extra
            suggested = []  # the names are in the message; their ids could not be had
        return "not_found", suggested
    return "usage", []


#: The attribute of a click exception that holds what it offers instead (offer).
_OFFERED = "kdrama_offered"


def offer(error: click.ClickException, names: Sequence[str]) -> None:
    """Keep what a click error offers instead (the options of "Did you mean", the commands
    near a mistyped one) for its JSON form: its message says them in words."""
    setattr(error, _OFFERED, list(names))


def offered(error: click.ClickException) -> list[str]:
    names: list[str] = getattr(error, _OFFERED, None) or []
    return names


class ErrorAsJson(click.ClickException):
    """An error of a command line that asks for JSON: written as one line of JSON on stderr
    (click_error_json), with the exit code of the error it stands for (``error``)."""

    def __init__(self, error: click.ClickException) -> None:
        super().__init__(error.format_message())
        self.error = error
        self.exit_code = error.exit_code  # type: ignore[misc]  # click's is a class default

    def show(self, file: Any = None) -> None:
        say_json(click_error_json(self.error))


@contextlib.contextmanager
def written_as_asked() -> Iterator[None]:
    """A click error raised inside, on a command line that asks for JSON, becomes the error
    that is written as JSON (ErrorAsJson); else it passes as it is. cli's group wraps what it
    parses and runs in it, so every error of a run, kdrama's and click's, is written alike."""
    try:
        yield
    except click.ClickException as error:
        if not errors_are_json() or isinstance(error, ErrorAsJson):
            raise
        raise ErrorAsJson(error) from error

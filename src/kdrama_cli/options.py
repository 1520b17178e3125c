"""The options, arguments and parameter types commands share (--json, --csv/--tsv, --season,
--limit, a title or name of several words, closed sets of values), and their command group.

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kdrama_cli.catalogue.printable import clean
from kdrama_cli.completion import complete_season
from kdrama_cli.errors import close_commands, did_you_mean, no_such_command
from kdrama_cli.failures import (
    PlainUsageError,
    after_options,
    offer,
    options_apart,
    options_named,
    takes_value,
)

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.answers.finding import Match

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: The narrowest help kdrama lays out: below it, the options' column leaves their text too
#: few columns to read, and the terminal's own wrapping does no worse.
NARROWEST_HELP = 30

#: The least width HelpFormatter leaves an option's text beside it (click's is ten columns).
HELP_TEXT_COLUMNS = 20


class HelpFormatter(click.HelpFormatter):
    """click's help, at the terminal's width however narrow. click never lays help out in
    fewer than 50 columns, so on a 40-column terminal every line of it ran over the edge and
    the terminal broke it inside a word ("seasons, s" / "ource")."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None and click.formatting.FORCED_WIDTH is None:
            import shutil

            columns = shutil.get_terminal_size().columns
            width = max(min(columns, max_width or 80) - 2, NARROWEST_HELP)
        super().__init__(indent_increment, width, max_width)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage on one line when it fits: click wants 20 columns beside the prefix for
        the arguments, and put "[OPTIONS] SHOW" on a line of its own at 40 columns."""
        said = f"{'Usage: ' if prefix is None else prefix:>{self.current_indent}}{prog} {args}"
        if args and len(said) <= self.width:
            self.write(f"{said}\n")
            return
        super().write_usage(prog, args, prefix)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options and commands, their text kept HELP_TEXT_COLUMNS wide beside them: on a
        narrow terminal the first column narrows, and a longer option has its text on the
        lines under it, instead of in a strip of ten columns beside it."""
        room = self.width - self.current_indent - col_spacing - HELP_TEXT_COLUMNS
        super().write_dl(rows, max(min(col_max, room), 4), col_spacing)


class Context(click.Context):
    """The context of every kdrama command and group: its help through HelpFormatter."""

    formatter_class = HelpFormatter


class OnceOptions:
    """Mixed into every command and group: an option that takes one value, given twice, is a
    usage error. click keeps the last value and drops the first without a word, so that
    `list --genre romance --genre comedy` listed the comedies alone, and the answer depended
    on the order the options were typed in. A repeatable option (multiple=True, such as
    upcoming's --status and the global --add-data) and a flag given twice are not refused.
    It also gives them kdrama's Context, whose help fits a narrow terminal."""

    context_class: type[click.Context] = Context

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing:  # completing a half-typed line refuses nothing
            _refuse_repeated_options(self, ctx, args)
        return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]


def _refuse_repeated_options(command: object, ctx: click.Context, args: list[str]) -> None:
    assert isinstance(command, click.Command)
    if any(word in ctx.help_option_names for word in args):
        return  # help is asked for: click gives it, as it does over any other mistake
    try:  # the parser takes its words off the list it is given: a copy
        _, _, order = command.make_parser(ctx).parse_args(args=list(args))
    except click.UsageError:
        return  # click's own parse, next, says what is wrong, in its words
    given: set[str | None] = set()
    for param in order:
        if not isinstance(param, click.Option) or param.multiple or param.count:
            continue
        if param.is_flag or param.is_eager:  # --json twice asks for JSON; --help, for help
            continue
        if param.name in given:
            ctx.fail(f"Option {_option_as_typed(param, args)} is given twice: it takes one value.")
        given.add(param.name)


def _option_as_typed(param: click.Option, args: list[str]) -> str:
    """The option as the command line gives it: '-n' for `-n 3 -n 4`, and both names when
    both were typed ("'--limit' (also as '-n')")."""
    names = (*param.opts, *param.secondary_opts)
    typed: list[str] = []
    for word in args:
        name = word.split("=", 1)[0] if word.startswith("--") else word[:2]
        if name in names and name not in typed:
            typed.append(name)
    longest = max(param.opts, key=len)
    if len(typed) == 1:
        return f"'{typed[0]}'"
    others = [name for name in typed if name != longest]
    return f"'{longest}' (also as {', '.join(repr(name) for name in others)})"


class OnceCommand(OnceOptions, click.Command):
    """A kdrama command (OnceOptions)."""


#: How a data command's help ends (DataCommand): what a script branches on, in one line that
#: every such command shares (`kdrama --help` gives every code).
EXIT_STATUS = (
    "Exit status: 0, also when nothing matches; 2 for an unknown or ambiguous name or a bad "
    "option; see kdrama --help."
)


class DataCommand(OnceCommand):
    """A command that answers a question of the catalogue (show, list, search, seen list…):
    its help ends with EXIT_STATUS, after its examples, so that a script's author learns from
    `kdrama search --help` that nothing found is exit 0 and an ambiguous name exit 2."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(EXIT_STATUS)


class CommandGroup(OnceOptions, click.Group):
    """A group of commands under kdrama (seen, data, cache): a mistyped command is worded as
    one at the top level is (errors.no_such_command), not in click's own words, and the group
    run alone prints its help as `kdrama` alone does."""

    command_class = OnceCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """`kdrama seen` alone asks for nothing wrong: its help on stdout, exit 0, as bare
        `kdrama` (and gh, cargo, docker) give it, not click's usage error on stderr (exit 2)."""
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        named = command_named(self, ctx, name) if name else None
        if named is not None:
            args = [named[0], *args[1:]]  # `kdrama seen LIST`, as `kdrama LIST`
        elif name and not name.startswith("-") and not ctx.resilient_parsing:
            commands, before = self.list_commands(ctx), _words_under_root(ctx)
            runnable = functools.partial(runnable_line, ctx)
            error = click.UsageError(
                no_such_command(name, commands, before, args[1:], runnable), ctx
            )
            offer(error, [" ".join([*before, c]) for c in close_commands(name, commands)])
            raise error
        return super().resolve_command(ctx, args)


#: ctx.meta key (the meta every context of a run shares): the words typed after the
#: program's name, as the group was given them.
ROOT_ARGS = "kdrama.root_args"

#: ctx.meta key: those words as the group parses them, its options typed after the command
#: moved before it (cli._globals_first).
GLOBALS_FIRST = "kdrama.globals_first"

#: The global options every suggested command already begins with when typed (errors.
#: command_line, from cli._dataset_options): a line offered leaves them out of the words.
_DATASET_OPTIONS = ("--data", "--add-data", "--no-personal")


def runnable_line(ctx: click.Context, words: Sequence[str]) -> list[str] | None:
    """The words after `kdrama` of a line offered for a mistyped command (errors.
    no_such_command), with each level's command name corrected to the closest there (`data
    chek --strict`: data check --strict), when the line would parse: every command name known
    and the last command's arguments and options taken as typed, none missing (click parses
    them, as a run would, and runs nothing). None when it would not (`trivia squid-game`:
    trivia takes a title with --show; `seen squid-game`). The global options typed before the
    command lead it as typed (`kdrama --no-pager shwo x`: --no-pager show x), but for the
    dataset options, which command_line puts first in every command suggested."""
    line = _corrected(ctx, words)
    return None if line is None else [*_typed_before(ctx), *line]


def _typed_before(ctx: click.Context) -> list[str]:
    """The global options (with their values) typed for the command, as typed, without the
    dataset options (_DATASET_OPTIONS): those typed before it, and those typed after a
    command the group knows (`data chek --strict --no-pager`), which the group moved before
    it; the ones typed after a command it does not know are among the words after it."""
    root = ctx.find_root()
    typed = list(root.meta.get(GLOBALS_FIRST, ()))
    options = options_named(root.command)
    kept: list[str] = []
    given = typed[: after_options(typed, options)]
    at = 0
    while at < len(given):
        word = given[at]
        name = word.split("=", 1)[0]
        option = options.get(name)
        value = option is not None and takes_value(option) and "=" not in word
        said = given[at : at + 2] if value else [word]
        if name not in _DATASET_OPTIONS:
            kept += said
        at += len(said)
    return kept


def _corrected(ctx: click.Context, words: Sequence[str]) -> list[str] | None:
    """runnable_line's words from the command on."""
    context = ctx.find_root()
    root = group = context.command
    line: list[str] = []
    for at, word in enumerate(words):
        if not isinstance(group, click.Group) or word.startswith("-"):
            return None
        named = command_named(group, context, word)
        if named is None:
            close = close_commands(word, group.list_commands(context))
            command = group.get_command(context, close[0]) if close else None
            if command is None:
                return None
            named = (close[0], command)
        name, command = named
        line.append(name)
        rest = list(words[at + 1 :])
        if isinstance(command, click.Group):
            if not rest:
                return line  # a group alone gives its help
            context = command.make_context(name, [], parent=context, resilient_parsing=True)
            group = command
            continue
        if "--help" not in rest:  # help is given whatever else is typed
            # kdrama's own options may follow the command (cli._globals_first)
            _, own, _ = options_apart(rest, options_named(root))
            try:
                command.make_context(name, own, parent=context)
            except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
                return None
        return [*line, *rest]
    return None


def command_named(
    group: click.Group, ctx: click.Context, word: str
) -> tuple[str, click.Command] | None:
    """The command a word names under a group, in any case ('LIST' is list), with its name as
    the group knows it; None when it names none. Commands are lower-case, as cargo's and git's
    are, but a word typed in capitals is not a different command. (The top level moves its
    options before the command and so folds the word itself: cli._globals_first.)"""
    for name in dict.fromkeys((word, word.casefold())):
        command = group.get_command(ctx, name)
        if command is not None:
            return name, command
    return None


def _words_under_root(ctx: click.Context) -> list[str]:
    """The command's words after the program's ('seen' for `kdrama seen`)."""
    words: list[str] = []
    while ctx.parent is not None:
        words.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return words


def choice(values: Sequence[str], also: Mapping[str, str] | None = None) -> click.Choice[str]:
    """A closed set of values for an option or argument. Every one ignores case, spacing and
    punctuation, as the value filters do (`--kind Film`, `--role Main`, `--metric hours28`),
    gives the value as listed, and a miss suggests the nearest ("Did you mean hours-28?").
    ``also``: other spellings of a value, taken as it (not listed in help or errors): a
    list's name as the pages print it, `--list "TV (Non-English)"` for tv; the word a fan
    uses, `--role cameo` for special."""
    chosen = LooseChoice(values, case_sensitive=False)
    chosen.also = dict(also or {})
    return chosen


class LooseChoice(click.Choice):  # type: ignore[type-arg]  # generic only from click 8.2
    """click's Choice, matched as the filters match (catalogue.folding.normalize)."""

    #: Other spellings of a value, each taken as the value (see ``choice``).
    also: dict[str, str] = {}

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        # click lays the choices out one a line (" bash,\n zsh,\n fish"): one line says it
        return f"Choose from: {', '.join(map(str, self.choices))}."

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # The value as listed, in any case (a default is one): no folding module to import, on
        # a path every run of a command with such an option takes.
        typed = str(value).casefold()
        for option in self.choices:
            if str(option).casefold() == typed:
                return option
        from kdrama_cli.catalogue.folding import normalize

        key = normalize(str(value))
        folded = {normalize(option): option for option in self.choices}
        if key in folded:
            return folded[key]
        spelled = {normalize(other): option for other, option in self.also.items()}
        if key in spelled:
            return spelled[key]
        import difflib
        import unicodedata

        every = {**spelled, **folded}  # a value's other spellings lead to it too
        # Hangul compared letter by letter (its jamo): one syllable of two is half the word, so
        # a one-letter typo of a Korean word (웹퉅 for 웹툰) would be near nothing
        letters = {unicodedata.normalize("NFD", other): other for other in every}
        typed_letters = unicodedata.normalize("NFD", key)
        near = [letters[n] for n in difflib.get_close_matches(typed_letters, list(letters), 3, 0.6)]
        if near and every[near[0]] not in self.choices:
            # nearest to a value taken only for the command to explain (upcoming --status
            # releasd: released seasons are not upcoming), which no suggestion should offer
            return every[near[0]]
        listed = ", ".join(repr(option) for option in self.choices)
        message = f"{value!r} is not one of {listed}."
        meant = [str(option) for option in dict.fromkeys(every[n] for n in near)]
        if meant:
            message += f" {did_you_mean(meant)}"
        from kdrama_cli.catalogue.folding import has_hangul

        if has_hangul(str(value)):  # typed in Korean: the Korean words taken, one a value
            korean: dict[str, str] = {}
            for other, option in self.also.items():
                if has_hangul(other) and option in self.choices:
                    korean.setdefault(option, other)
            if korean:
                words = ", ".join(f"{other} ({option})" for option, other in korean.items())
                message += f" Korean words it takes: {words}."
        try:
            self.fail(message, param, ctx)
        except click.BadParameter as error:
            offer(error, meant)  # the values of its "Did you mean", for its JSON form
            raise


class EnvironmentSwitch(click.types.BoolParamType):
    """The type of a flag that an environment variable can also turn on (--no-cache and
    $KDRAMA_NO_CACHE): the variable read as click reads it (1 or 0, true or false, yes or no,
    on or off, in any case; empty is unset), and another value refused as a bad $KDRAMA_TODAY
    is, naming the variable the user set. click would blame the option, which the user never
    typed, in its Usage block. A flag typed on the command line is never a value to refuse."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            names = param.envvar if param is not None else None
            listed = [names] if isinstance(names, str) else list(names or ())
            given = [name for name in listed if os.environ.get(name)] or listed
            if not given:
                raise
            raise PlainUsageError(not_a_switch(given[0], value)) from None


def not_a_switch(variable: str, value: object) -> str:
    """What is said of an environment variable set to turn a switch on or off with a value that
    is neither (EnvironmentSwitch; --version, which answers before the options are read)."""
    return f"{variable}={value!r} is not 1 or 0 (nor true or false, yes or no, on or off)"


#: A season's number as fans write it beside the word: 's2', 'S02', 'season 2', '시즌 2', '2기'
#: ('the second run'), '2시즌'. Compiled on first use (re caches it), not by every run's import.
_SEASON_WRITTEN = r"(?:s|season|시즌)\s*(\d+)|(\d+)\s*(?:기|시즌)"


class SeasonNumber(click.IntRange):
    """A season's number (1 or more), written alone or as fans write it beside the word for a
    season ('s2', '시즌 2', '2기'): a word for one ('two') is told what to give."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        written = (
            re.fullmatch(_SEASON_WRITTEN, value.strip(), re.IGNORECASE)
            if isinstance(value, str)
            else None
        )
        if written is not None:
            value = written.group(1) or written.group(2)
        if isinstance(value, str) and not value.strip().lstrip("+-").isdigit():
            self.fail(f"{value!r}: give a season number, e.g. --season 2", param, ctx)
        if isinstance(value, str) and len(value.strip()) > 6:  # no title has a millionth season
            from kdrama_cli.catalogue.wording import shortened

            shown = shortened(value, 21)
            self.fail(f"{shown!r} is no season's number: give one, e.g. --season 2", param, ctx)
        try:  # '²' and '①' are digits to isdigit(), not to int(); click says what they are
            number = int(value)
        except ValueError:
            return super().convert(value, param, ctx)
        if self.min is not None and number < self.min:  # click: "0 is not in the range x>=1"
            self.fail(f"{value!r}: seasons are numbered from 1, e.g. --season 2", param, ctx)
        return super().convert(value, param, ctx)


class Day(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.2
    """A day as YYYY-MM-DD (a datetime.date): click's DateTime said '2023-02-30' "does not match
    the format '%Y-%m-%d'" when it does and only the day does not exist."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import datetime as dt
        import re

        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            self.fail(f"{value!r}: give a date as YYYY-MM-DD (2026-11-30)", param, ctx)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a real date: {_what_is_not_real(text)}", param, ctx)


def _what_is_not_real(text: str) -> str:
    """Which part of a YYYY-MM-DD that fromisoformat refused does not exist: the year, the
    month, or the day (with how many days that month has)."""
    import calendar

    year, month, day = (int(part) for part in text.split("-"))
    if year < 1:
        return "the years start at 0001"
    if not 1 <= month <= 12:
        return f"a month goes from 01 to 12, not {month:02d}"
    if day < 1:
        return "the days of a month start at 01"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days, not {day}"


class Year(click.IntRange):
    """A year (1900 to 2100), shown in help as YEAR: click's "INTEGER RANGE" read as though a
    range were taken, and '2020-2022' was "not a valid integer range", so users tried other
    spellings of one. A span typed is told the two options that give it."""

    name = "year"

    def __init__(self) -> None:
        super().__init__(1900, 2100)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import re

        span = re.fullmatch(r"\s*(\d{4})\s*(?:-|–|~|:|\.\.|to)\s*(\d{4})\s*", str(value))
        if isinstance(value, str) and span:
            first, last = sorted(int(year) for year in span.groups())  # ２０２０ is 2020
            said = f"{value!r} is two years: each option takes one"
            if (
                self.min is not None
                and self.max is not None
                and not (self.min <= first and last <= self.max)
            ):
                self.fail(f"{said}, from {self.min} to {self.max}", param, ctx)
            self.fail(f"{said}; for a span, --from {first} --to {last}", param, ctx)
        return super().convert(value, param, ctx)


def json_option(function: F) -> F:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (UTF-8) instead of a table."
    )(function)


def json_instead(what: str) -> Callable[[F], F]:
    """--json for a command whose page is no table: ``what`` says what it prints ("the
    questions and their answers as JSON (UTF-8), instead of playing the quiz")."""

    def option(function: F) -> F:
        return click.option("--json", "as_json", is_flag=True, help=f"Print {what}.")(function)

    return option


def sheet_option(function: F) -> F:
    """--csv and --tsv (the ``sheet`` parameter: None, 'csv' or 'tsv'), for a command that
    prints a table; refused together with --json."""

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        given = [name for name in ("csv", "tsv") if kwargs.pop(f"sheet_{name}")]
        if kwargs.get("as_json"):
            given.insert(0, "json")
        if len(given) > 1:
            raise click.UsageError(f"{' and '.join('--' + g for g in given)}: give one output")
        kwargs["sheet"] = next((g for g in given if g != "json"), None)
        return function(*args, **kwargs)

    for name, what in (("tsv", "tab-separated values"), ("csv", "comma-separated values")):
        checked = click.option(
            f"--{name}",
            f"sheet_{name}",
            is_flag=True,
            help=f"Print the table as UTF-8 {what}, with a header row naming the columns "
            "(docs/output.md in kdrama's source distribution describes them).",
        )(checked)
    return checked  # type: ignore[return-value]


def season_option(function: F) -> F:
    return season_option_saying("Only this season.")(function)


def season_option_saying(help_text: str) -> Callable[[F], F]:
    """--season with help of its own (chart's, which takes several titles)."""

    def decorate(function: F) -> F:
        return click.option(
            "--season",
            "-s",
            type=SeasonNumber(min=1),
            metavar="N",
            shell_complete=complete_season,
            help=help_text,
        )(function)

    return decorate


def season_of(match: Match, season: int | None, query: str) -> int | None:
    """The season asked for: --season, or the one typed with the title ('squid game 2'); the
    two disagreeing is a usage error rather than one of them silently ignored."""
    if season is not None and match.season is not None and season != match.season:
        raise PlainUsageError(
            f"{query!r} names season {match.season} and --season says {season}: give one season"
        )
    return season if season is not None else match.season


def limit_option(default: int | None) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        return click.option(
            "--limit",
            "-n",
            type=click.IntRange(min=1),
            default=default,
            show_default=default is not None,
            metavar="N",
            help=(
                "At most N rows (--json, --csv and --tsv give every row unless it is given)."
                if default is not None
                else "At most N rows (default: every row)."  # list: no page default to explain
            ),
        )(function)

    return decorate


def rows_asked(limit: int | None, machine: bool) -> int | None:
    """The rows a command gives: ``limit`` on a page; with --json, --csv or --tsv (``machine``)
    only a --limit the user typed, never limit_option's default (None: every row). A page's
    default is what fits a screen; a script reading the data must not lose the rest."""
    if not machine:
        return limit
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source("limit")
    typed = source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    return limit if typed else None


def query_text(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A free-text query: not empty, not only punctuation, not absurdly long. Terminal escapes
    and control characters pasted into it are taken out, a tab or line break read as a space,
    as printable.clean does for what is printed: 'squid\x1b[31mgame' is 'squidgame' and
    'zom\x07bie' 'zombie' for every kind of match alike."""
    if value is None:
        return value
    stripped = clean(_as_typed(value)).strip()
    if not stripped:
        raise click.BadParameter("must not be empty")
    if len(stripped) > 200:
        raise click.BadParameter(f"is too long ({len(stripped)} characters; at most 200)")
    if not any(ch.isalnum() for ch in stripped):
        raise click.BadParameter("needs at least one letter or digit")
    return stripped


def _as_typed(value: str) -> str:
    """An argument as the user typed it: in a C locale Python decodes arguments as ASCII and
    keeps other bytes as surrogates, though the terminal sent UTF-8 (Hangul, most often)."""
    if value.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeError, ValueError):
        return value


def query_texts(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """``query_text`` for an argument that takes several values."""
    return tuple(query_text(ctx, param, value) for value in values)


def optional_query_text(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    return None if value is None else query_text(ctx, param, value)


def query_words(ctx: click.Context, param: click.Parameter, words: tuple[str, ...]) -> str | None:
    """One name typed as several words without quotes (``kdrama show squid game``) is those
    words joined by spaces, as if quoted: fans type a title the way they say it. None when the
    argument is optional and not given."""
    if not words:
        return None
    return query_text(ctx, param, " ".join(words))


def name_argument(
    name: str, metavar: str, required: bool = True, **kwargs: Any
) -> Callable[[F], F]:
    """A positional argument for one title or one name (see query_words): it takes every word
    left on the command line, so options may still come before or after it. TAB completes its
    first word only: a slug offered for a later word would follow the words before it."""
    complete = kwargs.pop("shell_complete", None)
    if complete is not None:

        def first_word(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
            return [] if ctx.params.get(param.name or "") else complete(ctx, param, incomplete)

        kwargs["shell_complete"] = first_word
    return click.argument(
        name, nargs=-1, required=required, metavar=metavar, callback=query_words, **kwargs
    )


def a_path(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An empty path names no file: a usage error, rather than the shipped dataset used
    silently (--data ""), ": no such file" (--add-data "", `seen import ""`), or a file
    asked for and silently not written (--ics "", --export-svg ""). An empty $KDRAMA_DATA
    still means unset, as an empty variable does by convention."""
    given = value if isinstance(value, tuple) else (value,)
    if any(path == "" for path in given):
        raise click.BadParameter("an empty path names no file", ctx=ctx, param=param)
    return value

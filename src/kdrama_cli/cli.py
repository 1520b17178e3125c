"""The click command tree: global options, the commands, and the guarded entry point."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

import click

from kdrama_cli import __version__
from kdrama_cli.app import OUTPUT, App, today
from kdrama_cli.catalogue.printable import at_a_terminal, clean
from kdrama_cli.completion import complete_file
from kdrama_cli.errors import (
    EXIT_DATA,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PipeClosed,
    asks_for_json,
    close_commands,
    did_you_mean,
    ignore_interrupts,
    interrupted_line,
    meant_command,
    no_such_command,
    suggest_with,
)
from kdrama_cli.failures import (
    KdramaError,
    PlainUsageError,
    after_options,
    error_json,
    errors_are_json,
    errors_as_json,
    offer,
    options_apart,
    options_named,
    takes_value,
    written_as_asked,
)
from kdrama_cli.options import (
    CONTEXT_SETTINGS,
    GLOBALS_FIRST,
    ROOT_ARGS,
    EnvironmentSwitch,
    OnceOptions,
    a_path,
    runnable_line,
)
from kdrama_cli.output import say, say_json, silence, tolerant_stdout


def _click_messages_as_written() -> None:
    """Let click use its messages as written, without looking each one up in gettext.

    click passes every message it builds (the help of --help and --version, a path's type
    name, its errors) through gettext, and gettext searches the disk for a catalogue on every
    call, importing ``locale`` the first time to name the candidates: about a millisecond of
    every run, spent finding nothing, since click ships no catalogues and kdrama's text is
    English. click's modules bind the two functions at import (``from gettext import gettext
    as _``); they are rebound there. A module that binds them otherwise is left as it is.
    """
    import gettext

    def as_written(message: str) -> str:
        return message

    def as_written_plural(singular: str, plural: str, count: int) -> str:
        if singular == "Did you mean {possibility}?":  # one wording, as errors.did_you_mean
            return singular
        return singular if count == 1 else plural

    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is gettext.gettext:
                module._ = as_written  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = as_written_plural  # type: ignore[attr-defined]


_click_messages_as_written()

#: name -> (module, attribute, one-line help). A command's module is imported only when that
#: command runs (or for its own --help): `kdrama --version` and `kdrama show --json` do not pay
#: for defining every other command. The one-line help is the listing in `kdrama --help`.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "show": ("titles", "show", "Everything about one title, with numbered sources."),
    "cast": ("titles", "cast", "Who plays whom, for one title or all of them."),
    "compare": ("titles", "compare", "Titles side by side, and the cast they share."),
    "similar": ("similar", "similar", "Titles like this one, each with the reasons."),
    "person": ("people", "person", "A person's credits and frequent collaborators."),
    "search": ("discover", "search", "Search titles, people, characters and webtoons."),
    "list": ("discover", "list_titles", "The catalogue as a table, filtered and sorted."),
    "values": (
        "discover",
        "values",
        "The genres, platforms, kinds... that kdrama list filters by.",
    ),
    "top": ("discover", "top", "Leaderboards: one metric over one window."),
    "chart": ("discover", "chart", "A title's weeks in Netflix's global Top 10."),
    "trivia": ("play", "trivia", "One fact from the catalogue, with its source."),
    "quiz": ("play", "quiz", "Multiple-choice questions made from the dataset."),
    "path": ("path", "path", "How two people, or titles, are connected."),
    "upcoming": ("upcoming", "upcoming", "Seasons renewed, announced or in production."),
    "seen": ("seen", "seen", "Your seen list: add, remove, import from Netflix, rank people."),
    "browse": ("browse", "browse", "An interactive browser of the catalogue (the tui extra)."),
    "data": ("data", "data", "Check datasets, list the files loaded, derive Netflix figures."),
    "cache": ("cache", "cache", "The compiled index of the dataset."),
    "completion": ("shell", "completion", "Print a shell completion script."),
    "help": ("help", "help_command", "A command's help: kdrama help seen add."),
}


#: Commands that print no page for --export-svg or --export-html to save: a line, a script, a
#: file, a terminal app. The export options are refused before one of them runs (LazyGroup.
#: resolve_command), as they are for --json: several change something (seen add, cache clear),
#: and a usage error after the change would report a change that was made as not made.
NO_PAGE = frozenset(
    {
        "browse",
        "cache clear",
        "cache path",
        "completion",
        "data netflix",
        "data path",
        "help",
        "quiz",
        "seen add",
        "seen import",
        "seen remove",
    }
)


#: Commands that can run long or read large files: they turn Python's cycle collector back on
#: (kdrama_cli.launch turns it off for the short runs that are everything else).
COLLECTING = frozenset({"browse", "data"})


class LazyGroup(OnceOptions, click.Group):
    """A group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name in COLLECTING:
            import gc

            gc.enable()
        if cmd_name not in self.commands:
            import importlib

            module, attribute, short_help = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"kdrama_cli.commands.{module}"), attribute)
            command.short_help = short_help
            self.commands[cmd_name] = command
        return self.commands[cmd_name]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A mistyped command gets "Did you mean ...?" ('shwo' -> show, with the line typed after
        it: errors.no_such_command)."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            meant = meant_command(name, COMMANDS)
            runnable = functools.partial(runnable_line, ctx)
            error = click.UsageError(
                no_such_command(name, COMMANDS, rest=args[1:], runnable=runnable), ctx
            )
            offer(error, [meant] if meant else close_commands(name, COMMANDS))
            raise error
        _refuse_export_without_page(ctx, args)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Global options are accepted after the command too (`kdrama show x --no-pager`):
        they are moved before it, as click expects them."""
        typed = list(args)  # click's parser takes the words off the list it is given
        ctx.meta[ROOT_ARGS] = typed  # for --version, an eager option, before others are read
        try:
            parsed = _globals_first(self, args)
            ctx.meta[GLOBALS_FIRST] = list(parsed)  # for a line offered (options.runnable_line)
            return super().parse_args(ctx, parsed)
        except click.NoSuchOption as error:  # a global option mistyped (`kdrama --no-cach`)
            if not _commands_option_first(self, ctx, typed, error):
                _closest_first(error)
            raise
        except click.UsageError as error:  # `kdrama --data` with no value: click gives no ctx
            error.ctx = error.ctx or ctx
            raise

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        """The shell asks for completions: TAB completes the global options after the command
        too, as the command line takes them there. Click calls this on every run; the classes
        are made, and click's completion module imported, only when its variable is set (the
        name click gives it: _KDRAMA_COMPLETE)."""
        if complete_var is None:
            complete_var = f"_{prog_name.replace('-', '_').replace('.', '_')}_COMPLETE".upper()
        if not os.environ.get(complete_var):
            return
        from kdrama_cli.completion import register_completion_classes

        register_completion_classes()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: object,
    ) -> click.Context:
        if parent is None:  # the whole command line: its error is JSON when it asks for JSON
            errors_as_json(asks_for_json(args))
        # --help and --version print while the options parse
        with written_as_asked(), _pipe_closed_is_quiet():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> object:
        from kdrama_cli.failures import TYPED

        ctx.meta[TYPED] = list(ctx.args)  # the command's words, for an error to quote them
        # Commands suggested while the command runs begin with its dataset options; only then
        # (completion's contexts, a library caller, the next test get plain "kdrama ...").
        suggest_with(_dataset_options(ctx))
        try:
            with written_as_asked():
                try:
                    with _pipe_closed_is_quiet():
                        return super().invoke(ctx)
                except click.UsageError as error:
                    error.ctx = error.ctx or _command_context(self, ctx)
                    _no_such_output(error)
                    _closest_first(error)
                    _hint_quotes(error)
                    raise
        finally:
            suggest_with(())

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands from COMMANDS without importing them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry[2]) for name, entry in COMMANDS.items()])


def _dataset_options(ctx: click.Context) -> list[str]:
    """The --data, --add-data and --no-personal typed for this run, as a shell reads them back,
    for the commands kdrama suggests: pasted without them, a command would ask another
    catalogue (the shipped dataset, missing the titles of the user's own file, or one with the
    personal dataset left out). $KDRAMA_DATA and $KDRAMA_NO_PERSONAL are in the environment."""
    from kdrama_cli.errors import shell_quote

    options = []
    data = ctx.params.get("data")
    if data and ctx.get_parameter_source("data") is not click.core.ParameterSource.ENVIRONMENT:
        options += ["--data", shell_quote(data)]
    for path in ctx.params.get("add_data") or ():
        options += ["--add-data", shell_quote(path)]
    if ctx.params.get("no_personal") and (
        ctx.get_parameter_source("no_personal") is not click.core.ParameterSource.ENVIRONMENT
    ):
        options.append("--no-personal")
    return options


def _command_context(group: click.Group, ctx: click.Context) -> click.Context | None:
    """The context of the command typed, for a usage error click raised without one (an
    option given no value: `show kingdom --season`), so that it shows the Usage and "Try ...
    --help" lines as every other usage error does."""
    from kdrama_cli.failures import TYPED

    name = ctx.invoked_subcommand
    command = group.get_command(ctx, name) if name else None
    if command is None:
        return None
    # each command's own Context class, whose help and Usage line fit a narrow terminal
    made = command.context_class(command, info_name=name, parent=ctx)
    words = ctx.meta.get(TYPED, [])  # the words after the command: `seen people --limit`
    if isinstance(command, click.Group) and words and not words[0].startswith("-"):
        inner = command.get_command(made, words[0])
        if inner is not None:
            return inner.context_class(inner, info_name=words[0], parent=made)
    return made


#: The options that print an answer for scripts in place of a page, which an export cannot save.
_NO_PAGE_OUTPUTS = ("--json", "--csv", "--tsv")


def _refuse_export_without_page(ctx: click.Context, args: list[str]) -> None:
    """--export-svg or --export-html with a command in NO_PAGE, or with --json, --csv or --tsv
    (``args``: the command line from the command's name on, up to a ``--``), is a usage error,
    given before the command runs: refused once the answer was made, it came after the notes
    on stderr about an answer that was never printed (spoilers withheld), and after the file
    error of an export folder that is missing."""
    exporting = ctx.params.get("export_svg") or ctx.params.get("export_html")
    if ctx.resilient_parsing or not exporting or not args:
        return
    command = next((c for c in (" ".join(args[:2]), args[0]) if c in NO_PAGE), None)
    if command is None:
        typed = args[: args.index("--")] if "--" in args else args
        command = next((word for word in typed if word in _NO_PAGE_OUTPUTS), None)
    if command is not None:
        raise click.UsageError(
            "--export-svg and --export-html save a printed page; "
            f"{command} prints none they can save",
            ctx,
        )


def _one_file(path: str, other: str) -> bool:
    """writing.one_file, imported only when both exports are asked for (most runs ask none)."""
    from kdrama_cli.catalogue.writing import one_file

    return one_file(path, other)


def _refuse_unwritable_exports(*paths: str | None) -> None:
    """An export that could not be written (its folder missing, a FIFO or a folder in its
    place) is refused before the command runs, as the other export mistakes are: the whole
    page was printed first, then refused."""
    if not any(paths):
        return
    from kdrama_cli.catalogue.writing import export_problem

    for path in paths:
        problem = export_problem(path) if path else None
        if problem is not None:
            raise KdramaError(f"cannot write the export: {problem}")


@contextlib.contextmanager
def _pipe_closed_is_quiet() -> Iterator[None]:
    """A write to a pipe whose reader has gone (``kdrama data path | head -1``) becomes
    PipeClosed, which main() turns into exit 0. click itself would catch the BrokenPipeError
    and exit 1, even outside standalone mode; this also covers output that does not go
    through App (click.echo in ``data path``, ``quiz``, ``completion``, --help, --version).
    Ctrl-C goes past click too (_Interrupted), for main() to say it in one line."""
    try:
        yield
    except BrokenPipeError:
        raise PipeClosed from None
    except KeyboardInterrupt:
        # Past click, which would write a blank line (to close a terminal's ^C) before main()
        # could say anything: a script's stderr got "\n" and then the error's one JSON line.
        raise _Interrupted from None


class _Interrupted(Exception):
    """Ctrl-C while a command line is read or run, on its way to main() (exit 130)."""


def _globals_first(group: click.Group, args: list[str]) -> list[str]:
    """``args`` with the group's own options that follow the command moved in front of it.

    Only options the group defines move (with their values); everything after ``--`` stays."""
    options = options_named(group)
    # The group's options before the command stay where they are.
    index = after_options(args, options)
    front = args[:index]
    if index < len(args) and args[index].casefold() in COMMANDS:  # `kdrama LIST`, as `list`
        args = [*args[:index], args[index].casefold(), *args[index + 1 :]]
    if index >= len(args) or args[index] not in COMMANDS:
        return args
    moved, rest, bare = options_apart(args[index:], options)
    if bare is not None:  # moved bare, it would take the command's name
        raise click.BadOptionUsage(bare, f"Option '{bare}' requires an argument.")
    return [*front, *moved, *rest]


def _commands_option_first(
    group: click.Group, ctx: click.Context, args: list[str], error: click.NoSuchOption
) -> bool:
    """A command's option typed before the command (`kdrama --json show squid-game`, as
    scripts often put output options first) says where it goes, with the line mended: every
    such option moved after the command's words (before a `--`), a value it lacks written as
    its metavar (`kdrama --limit search x`: `--limit N`). With no command, or with help, it says
    options of that kind go after a command. Either way not click's guess of a global option
    spelt alike (--json got "Did you mean '--version'?"). True when it said so."""
    name = error.option_name
    end = args.index("--") if "--" in args else len(args)
    at = next((i for i, arg in enumerate(args[:end]) if arg.casefold() in COMMANDS), None)
    command = group.get_command(ctx, args[at].casefold()) if at is not None else None
    if command is None or args[at or 0].casefold() == "help":
        if name not in _COMMAND_OPTIONS:
            return False
        error.message = (  # type: ignore[misc]
            f"{name} is an option of the commands, so it goes after one: kdrama COMMAND ... "
            f"{name} (kdrama --help lists them)"
        )
        error.possibilities = None  # type: ignore[misc]
        return True
    assert at is not None
    options = options_named(command)
    if name not in options:
        return False
    from kdrama_cli.errors import shell_join

    kept: list[str] = []
    moved: list[str] = []
    front = args[:at]
    index = 0
    while index < len(front):
        token = front[index]
        option = options.get(token.split("=", 1)[0])
        if option is None:
            kept.append(token)
        else:
            moved.append(token)
            if "=" not in token and takes_value(option):
                if index + 1 < len(front):
                    index += 1
                    moved.append(front[index])
                else:  # its value was taken for the command's name: say what goes there
                    moved.append(option.metavar or "VALUE")
        index += 1
    words = ["kdrama", *kept, *args[at:end], *moved, *args[end:]]
    error.message = (  # type: ignore[misc]
        f"{name} is an option of {args[at].casefold()}, so it goes after the command: "
        f"{shell_join(words)}"
    )
    error.possibilities = None  # type: ignore[misc]
    return True


#: Options of the commands that people type before one (output formats, --limit, --spoilers):
#: given with no command, they are said to go after one.
_COMMAND_OPTIONS = frozenset(
    {"--json", "--csv", "--tsv", "--limit", "-n", "--spoilers", "--season", "-s"}
)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: kdrama's version, then the date and size of the dataset shipped with it and how
    far its Netflix figures go (read without parsing it: catalogue.about), so a bug report says
    which data answered, and a fan sees that Netflix's newest weeks are not in it; and the
    dataset --data or $KDRAMA_DATA names, when it is another, the personal dataset and the
    --add-data layers (_datasets_named)."""
    if not value or ctx.resilient_parsing:
        return
    from kdrama_cli.catalogue.about import about_dataset, reach_label
    from kdrama_cli.catalogue.locations import packaged_dataset

    _say_version(f"kdrama, version {__version__}")
    shipped = packaged_dataset()
    about = about_dataset(shipped) if shipped else None
    if about is not None:
        updated = f", updated {about.updated}" if about.updated else ""
        _say_version(f"shipped dataset: {about.titles:,} titles{updated}")
        reach = reach_label(about.top10_to, about.reports_to, about.popular_as_of)
        if reach:
            _say_version(reach)
    _datasets_named(ctx, shipped)
    ctx.exit()


def _say_version(line: str) -> None:
    """A line of --version, broken between words at the width of the terminal stdout is on
    (the terminal would break it inside a word: "engagement re" / "ports", "2026-12-0" /
    "6"); in a pipe or a file, one line, as a script reading it expects."""
    if sys.stdout.isatty():
        import shutil

        from kdrama_cli.views.text import wrap_cells

        line = wrap_cells(line, shutil.get_terminal_size().columns - 1)
    click.echo(line)


def _datasets_named(ctx: click.Context, shipped: str | None) -> None:
    """The lines --version adds when the commands would answer from another dataset than the
    shipped one: the one --data names (which wins) or $KDRAMA_DATA does, the personal dataset
    (or that --no-personal leaves it out), and each --add-data layer, so that a bug report, a
    script logging `kdrama $ARGS --version`, and a fan wondering where the catalogue went, see
    it. --version is eager: it answers before the other options are read, so they are taken
    from the words typed. A value is read as the commands read it, spaces and all; an empty
    one is unset."""
    import os

    from kdrama_cli.catalogue.locations import ENV_DATA

    typed = ctx.meta.get(ROOT_ARGS, ())
    data = _typed_values(typed, "--data")
    named, how = (data[-1], "--data") if data else (os.environ.get(ENV_DATA, ""), f"${ENV_DATA}")
    if named:
        from kdrama_cli.catalogue.writing import same_file

        if not same_file(named, shipped):  # False when the package ships none
            _say_version(f"dataset in use: {_shown_path(named)} ({how}), not the shipped one")
    from kdrama_cli.catalogue.locations import user_dataset

    personal = user_dataset()
    # a typed flag is never a value to refuse; the variable's value, every command refuses
    left_out = True if "--no-personal" in typed else _switched_on("KDRAMA_NO_PERSONAL")
    if left_out is None:
        from kdrama_cli.options import not_a_switch

        value = os.environ.get("KDRAMA_NO_PERSONAL", "")
        say(
            f"kdrama: warning: {not_a_switch('KDRAMA_NO_PERSONAL', value)}: every command"
            " refuses it"
        )
    if personal and os.path.lexists(personal):  # read by every command, named by none
        if left_out is None:
            _say_version(
                f"personal dataset: {_shown_path(personal)} (neither added nor left out:"
                " $KDRAMA_NO_PERSONAL is not understood)"
            )
        elif left_out:
            _say_version(f"personal dataset: {_shown_path(personal)} (left out: --no-personal)")
        else:
            _say_version(f"dataset added over it: {_shown_path(personal)} (your personal dataset)")
    for added in _typed_values(typed, "--add-data"):
        if added:
            _say_version(f"dataset added over it: {_shown_path(added)} (--add-data)")


def _switched_on(variable: str) -> bool | None:
    """Whether $variable turns its switch on, read with click's words as EnvironmentSwitch
    reads it when the options are parsed (1, true, yes, on… in any case; empty is unset); None
    for a value that is none of them, which every command refuses as a usage error and
    --version, answering before the options are read, says it does not understand."""
    try:
        return bool(click.BOOL.convert(os.environ.get(variable, "").strip(), None, None))
    except click.BadParameter:
        return None


def _typed_values(typed: Sequence[str], option: str) -> list[str]:
    """The values given to ``option`` in the words ``typed`` (``--data X``, ``--data=X``), in
    order; none after ``--``."""
    values = []
    for at, word in enumerate(typed):
        if word == "--":
            break
        if word == option and at + 1 < len(typed):
            values.append(typed[at + 1])
        elif word.startswith(f"{option}="):
            values.append(word.split("=", 1)[1])
    return values


def _shown_path(path: str) -> str:
    """A dataset's path as --version says it: quoted when spaces are part of it, and said to
    be missing when it is."""
    import os

    from kdrama_cli.catalogue.printable import clean

    shown = clean(path)
    shown = repr(shown) if shown != shown.strip() else shown  # spaces that are part of it
    return shown + ("" if os.path.exists(path) else " (no such file)")


@click.group(
    cls=LazyGroup,
    context_settings=CONTEXT_SETTINGS,
    invoke_without_command=True,
    subcommand_metavar="COMMAND [ARGS]...",
    epilog="""\b
Examples:
  kdrama show "All of Us Are Dead"
  kdrama show squid-game --season 2
  kdrama cast --season 2
  kdrama compare squid-game all-of-us-are-dead
  kdrama person "Park Solomon"
  kdrama search "지금 우리"
  kdrama top --metric hours-28
  kdrama data check

Exit codes: 0 success, 1 dataset or file error, 2 usage error (unknown show, bad option),
70 internal error (a bug: please report it), 130 interrupted. With --json, an error is one
line of JSON on stderr, {"error": {"code": ..., "kind": ..., "message": ...}}.""",
)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version, the shipped dataset's date and size and how far its Netflix "
    "figures go, and exit.",
)
@click.option(
    "--data",
    metavar="PATH",
    envvar="KDRAMA_DATA",
    callback=a_path,
    shell_complete=complete_file,
    help="Use this dataset file instead of the shipped one (also $KDRAMA_DATA).",
)
@click.option(
    "--add-data",
    metavar="PATH",
    multiple=True,
    callback=a_path,
    shell_complete=complete_file,
    help="Merge this dataset file over the others (repeatable; later files win with override).",
)
@click.option(
    "--no-personal",
    is_flag=True,
    type=EnvironmentSwitch(),
    envvar="KDRAMA_NO_PERSONAL",
    help="Leave out your personal dataset (kdrama data path says where it is; also "
    "$KDRAMA_NO_PERSONAL).",
)
@click.option("--no-color", is_flag=True, help="No colour (also $NO_COLOR).")
@click.option(
    "--no-cache",
    is_flag=True,
    type=EnvironmentSwitch(),
    envvar="KDRAMA_NO_CACHE",
    help="Parse the dataset files instead of using the index in the cache directory (also "
    "$KDRAMA_NO_CACHE).",
)
@click.option("--no-pager", is_flag=True, help="Never page long output.")
@click.option(
    "--export-svg",
    callback=a_path,
    metavar="PATH",
    shell_complete=complete_file,
    help="Also save what was printed as an SVG picture.",
)
@click.option(
    "--export-html",
    callback=a_path,
    metavar="PATH",
    shell_complete=complete_file,
    help="Also save what was printed as an HTML page.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data: str | None,
    add_data: tuple[str, ...],
    no_personal: bool,
    no_color: bool,
    no_cache: bool,
    no_pager: bool,
    export_svg: str | None,
    export_html: str | None,
) -> None:
    """Trivia and facts about Korean dramas, offline, with every fact sourced.

    Look up a title, its seasons, the webtoon it came from, who plays whom and how it did on
    Netflix. A SHOW can be given by slug, title, alias, Hangul title or romanisation, ignoring
    case and punctuation.
    """
    tolerant_stdout()
    if ctx.invoked_subcommand is None:  # `kdrama` alone: the help, on stdout, as gh does
        click.echo(ctx.get_help(), color=False if no_color else None)
        ctx.exit(0)
    today()  # a $KDRAMA_TODAY that is no date is refused by every command, as $KDRAMA_NO_CACHE
    _refuse_unwritable_exports(export_svg, export_html)
    from_env = ctx.get_parameter_source("data") is click.core.ParameterSource.ENVIRONMENT
    ctx.obj = App(
        data=data,
        data_from_env=bool(data) and from_env,
        add_data=add_data,
        personal=not no_personal,
        personal_left_out_by=(
            "$KDRAMA_NO_PERSONAL"
            if ctx.get_parameter_source("no_personal") is click.core.ParameterSource.ENVIRONMENT
            else "--no-personal"
        ),
        no_color=no_color,
        cache=not no_cache,
        pager=not no_pager,
        export_svg=export_svg,
        export_html=export_html,
    )
    for option, path in (("--export-svg", export_svg), ("--export-html", export_html)):
        if path == "-":  # as --ics - and --out - mean: but the page itself is on stdout
            raise PlainUsageError(
                f"{option} -: an export is a file beside the page, which is on standard output"
                " already: give a PATH"
            )
    if export_svg and export_html and _one_file(export_svg, export_html):
        raise PlainUsageError(
            f"--export-svg {export_svg} and --export-html {export_html} name one file: the"
            " HTML page would replace the picture; give each its own PATH"
        )
    ctx.obj.refuse_overwriting_inputs("--export-svg", export_svg)
    ctx.obj.refuse_overwriting_inputs("--export-html", export_html)


def _not_exported(*paths: str | None) -> str:
    """Why an empty answer wrote no export, naming the files: one there from an earlier run is
    left as it was, which a script publishing it must know."""
    named = [path for path in paths if path]
    there = [path for path in named if os.path.lexists(path)]
    were = "was" if len(named) == 1 else "were"
    said = f"nothing was exported: the answer is empty, so {' and '.join(named)} {were} not written"
    if there:
        are = "is" if len(there) == 1 else "are"
        said += f" ({' and '.join(there)}, from before, {are} unchanged)"
    return said


def main() -> NoReturn:
    """Console-script entry point: no traceback ever reaches the user.

    An index found damaged while answering is removed and the command answered again from the
    dataset files (once), unless output had already started."""
    # As the group reads it when it parses the line (LazyGroup.make_context): an error before
    # that, or after it (an internal error, Ctrl-C), is written in the same form.
    errors_as_json(asks_for_json(sys.argv[1:]))
    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed
        _reopen_closed_streams()
    # Before click parses anything: --help and --version print from eager options, before
    # the group's callback, and their text has Hangul examples and dashes.
    tolerant_stdout()
    if os.environ.get("_KDRAMA_COMPLETE"):
        _quiet_stderr()
    _sane_terminal_size()
    code = _run()
    if code == _RETRY:
        code = _run(retrying=True)
    _finish(code)


_RETRY = -1


def _run(retrying: bool = False) -> int:
    OUTPUT.reset()
    try:
        code = cli.main(prog_name="kdrama", standalone_mode=False)
        app = OUTPUT.app
        if app is not None and (app.export_svg or app.export_html) and not app.exported:
            if app.answered_nothing:  # an empty answer is an answer (exit 0), not a mistake
                say(f"kdrama: note: {_not_exported(app.export_svg, app.export_html)}")
                return code if isinstance(code, int) else EXIT_OK
            _fail(EXIT_USAGE, "usage", "nothing was exported: this command prints no page to save")
            return EXIT_USAGE
        return code if isinstance(code, int) else EXIT_OK
    except click.exceptions.Exit as done:
        return done.exit_code if isinstance(done.exit_code, int) else EXIT_OK
    except click.ClickException as error:
        _report(error)
        return error.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort, _Interrupted) as error:
        ignore_interrupts()  # a second Ctrl-C neither cuts the line short nor says it twice
        if isinstance(error, _Interrupted) and at_a_terminal(sys.stderr):
            _report("")  # the line the terminal's ^C is on ends before the error's
        _report(interrupted_line(errors_are_json()))
        return EXIT_INTERRUPTED
    except (BrokenPipeError, PipeClosed):
        silence(sys.stdout)
        return EXIT_OK
    except OSError as error:  # writing the output failed: a full disk, a closed descriptor
        _fail(EXIT_DATA, "file", f"cannot write the output: {error.strerror or error}")
        return EXIT_DATA
    except Exception as error:  # noqa: BLE001 - the last guard; the message says how to report
        if os.environ.get("_KDRAMA_COMPLETE"):
            return EXIT_OK  # a TAB never prints an error into the shell: no completions
        index = sys.modules.get("kdrama_cli.store.index")
        if index is not None and isinstance(error, index.IndexDamaged):
            index.discard(error.path)
            if not retrying and not OUTPUT.started:
                return _RETRY
            _fail(
                EXIT_DATA,
                "file",
                "the cache was damaged and has been removed; run the command again",
            )
            return EXIT_DATA
        return _internal_error(error)


#: Set (to anything but 0, false, no, off or empty), an internal error prints its traceback.
_DEBUG = "KDRAMA_DEBUG"


def _internal_error(error: Exception) -> int:
    """A bug's one line, and how to get what a report needs: the traceback, only when asked
    for ($KDRAMA_DEBUG), since a user's terminal is no place for one by default. As JSON, the
    traceback comes first, so that the error's line is stderr's last, as for any error."""
    what = f"{type(error).__name__}: {error}"
    if os.environ.get(_DEBUG, "").strip().lower() in ("", "0", "false", "no", "off"):
        report = f"a bug: please report it with the command; {_DEBUG}=1 adds the traceback"
        _fail(EXIT_INTERNAL, "internal", what, f"kdrama: internal error: {what} ({report})", report)
        return EXIT_INTERNAL
    import traceback

    if not errors_are_json():
        _report(f"kdrama: internal error: {what}")
    try:
        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    except (OSError, ValueError):
        silence(sys.stderr)
    if errors_are_json():
        report = "a bug: please report it with the command and the traceback before this line"
        _fail(EXIT_INTERNAL, "internal", what, note=report)
    return EXIT_INTERNAL


def _fail(code: int, kind: str, message: str, line: str | None = None, note: str = "") -> None:
    """Report an error that is no click exception, of exit ``code``: as JSON on a command line
    that asks for it (failures.error_json, with ``note`` among its notes), else its human
    ``line`` ('kdrama: error: ' and the message, when not given)."""
    if errors_are_json():
        say_json(error_json(code, kind, message, notes=[note] if note else []))
    else:
        _report(line or f"kdrama: error: {message}")


def _report(message: click.ClickException | str) -> None:
    """Write an error message (a line, or a click error's own) whose exit status is already
    decided: a reader of stderr that has gone away (``kdrama show x 2>&1 | head -0``) leaves
    that status as it is (a usage error stays 2) instead of turning it into Python's 1 for an
    unhandled BrokenPipeError."""
    try:
        if isinstance(message, str):
            say(message)
        else:
            message.show(_PrintableStderr())  # type: ignore[arg-type]
    except (OSError, ValueError):
        silence(sys.stderr)


#: The options that ask for an answer a script reads.
_OUTPUTS = ("--json", "--csv", "--tsv")


def _no_such_output(error: click.UsageError) -> None:
    """--json, --csv or --tsv given to a command that has none says so, and where a script
    finds the answer, instead of click's guess of an option spelt alike (`seen add kingdom
    --json` got "Did you mean '--season'?"). show's --csv and --tsv say more (no_sheet_of_show)."""
    if not isinstance(error, click.NoSuchOption) or error.option_name not in _OUTPUTS:
        return
    ctx = error.ctx
    if ctx is None or ctx.parent is None or not error.message.startswith("No such option"):
        return
    from kdrama_cli.errors import command_line

    command = " ".join(ctx.command_path.split()[1:])
    has = {name for param in ctx.command.params for name in param.opts}
    name = error.option_name
    if "--json" in has:
        said = f"{command} has no {name}: its answer is not one table of rows; --json gives it"
    elif command in ("seen add", "seen remove"):
        said = (
            f"{command} has no {name}: it changes the seen list and says what it did on stderr;"
            f" {command_line(f'seen list {name}')} gives the list"
        )
    else:
        said = f"{command} has no {name} ({command_line(f'{command} --help')} lists its options)"
    error.message = said  # type: ignore[misc]
    error.possibilities = None  # type: ignore[misc]


def _closest_first(error: click.UsageError) -> None:
    """A mistyped option's suggestions, closest first: click sorts them alphabetically, so
    `cast --seson 2` offered '--json' before '--season'. difflib's order (the possibilities as
    click keeps them) is kept, in the one wording of a suggestion ("Did you mean '--season' or
    '--json'?")."""
    if not isinstance(error, click.NoSuchOption) or not error.possibilities:
        return
    nearest = did_you_mean([repr(name) for name in error.possibilities])
    error.message = f"{error.message} {nearest}"  # type: ignore[misc]
    offer(error, error.possibilities)
    error.possibilities = None  # type: ignore[misc]


def _hint_quotes(error: click.UsageError) -> None:
    """Words left over after the arguments a command takes are most often a name of several
    words given to an option or to a command that takes two (``path lee jung jae gong yoo``,
    ``trivia --show squid game``): click's "unexpected extra arguments" then says to quote it.
    (A command that takes one name joins its words itself: options.query_words.) The hint is
    the command typed, quoted where it can be told: the words joined to the option before them,
    or divided into path's two ends where only one division names one each."""
    from kdrama_cli.failures import (
        QUOTE_HINT,
        joined_to_option,
        no_argument_hint,
        quote_hint,
        words_typed,
    )

    said = error.message
    if not said.startswith("Got unexpected extra argument") or "goes in quotes" in said:
        return
    ctx = error.ctx
    hint = QUOTE_HINT
    arguments = [p for p in ctx.command.params if isinstance(p, click.Argument)] if ctx else []
    if ctx is not None and arguments and all(isinstance(a.type, click.Path) for a in arguments):
        # a command of files (data check PATH): two files are two runs, not a name to quote
        command = " ".join(ctx.command_path.split()[1:])
        error.message = (  # type: ignore[misc]
            f"{said}: {command} takes one {arguments[0].human_readable_name} (a name with spaces"
            " goes in quotes): run it once for each file"
        )
        return
    if ctx is not None:
        names = None
        words = words_typed(ctx)
        if words and [a.nargs for a in arguments] == [1, 1] and isinstance(ctx.obj, App):
            names = ctx.obj.divide_names(words, ends=True, parts=2)  # path's two ends
        hint = joined_to_option(ctx) or no_argument_hint(ctx) or quote_hint(ctx, names)
    error.message = f"{said}: {hint}"  # type: ignore[misc]


class _PrintableStderr:  # a text stream as far as click.echo needs one
    """stderr for click's error messages, which quote what was typed (a show name, a value):
    escape sequences and control characters are removed on the way."""

    def write(self, text: str) -> int:
        return sys.stderr.write(clean(text, keep_newlines=True))

    def flush(self) -> None:
        sys.stderr.flush()


#: The largest COLUMNS or LINES taken as a terminal's size.
_MAX_TERMINAL_SIZE = 10_000


def _sane_terminal_size() -> None:
    """COLUMNS and LINES that are not a sensible size (0, negative, not a number, absurdly
    large) are ignored, as if unset, so Rich asks the terminal or uses its default."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not _sensible_size(value):
            del os.environ[name]


def _sensible_size(value: str) -> bool:
    """Whether ``value`` is a size from 1 to _MAX_TERMINAL_SIZE, read as Rich and shutil read
    it (int(): "080" is 80). Leading zeros are passed over before the digits are counted, so
    "000001000000000" is the billion it is; a longer number is too large without being read
    (int() of thousands of digits is slow, and refused past 4,300)."""
    if not (value.isascii() and value.isdigit()):
        return False
    digits = value.lstrip("0")
    return 0 < len(digits) <= len(str(_MAX_TERMINAL_SIZE)) and int(digits) <= _MAX_TERMINAL_SIZE


def _reopen_closed_streams() -> None:
    """A closed stdout or stderr (``kdrama show x >&-``) gets /dev/null in its place, so that
    nothing fails on it; a closed stdout is then reported as an error, since there is nowhere
    for the answer to go."""
    stdout_closed = sys.stdout is None
    for number, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError):
                descriptor = os.open(os.devnull, os.O_WRONLY)
                if descriptor != number:
                    os.dup2(descriptor, number)
                    os.close(descriptor)
                stream = open(number, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                setattr(sys, name, stream)
    if stdout_closed:
        _fail(EXIT_DATA, "file", "standard output is closed")
        _finish(EXIT_DATA)


def _quiet_stderr() -> None:
    """Nothing on stderr while completing a TAB: the shell prints it into the command line
    being typed, so a note that is useful once per command ("not using the cache directory")
    would land there on every keystroke. Completion shows no errors either (no completions)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(os.devnull, os.O_WRONLY)
        if descriptor != 2:
            os.dup2(descriptor, 2)
            os.close(descriptor)


def _finish(code: int) -> NoReturn:
    """Flush, start any background index write, and leave without tearing the heap down.

    After loading a big dataset, freeing millions of objects one by one at interpreter exit
    takes longer than the answer did; nothing here needs finalizing once output is flushed. A
    flush that fails (a full disk) turns success into an error: the output was not written.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            silence(sys.stdout)
        except (OSError, ValueError) as error:
            if stream is sys.stdout and code == EXIT_OK:
                message = getattr(error, "strerror", None) or error
                if errors_are_json():
                    say_json(error_json(EXIT_DATA, "file", f"cannot write the output: {message}"))
                else:
                    with contextlib.suppress(OSError, ValueError):
                        sys.stderr.write(f"kdrama: error: cannot write the output: {message}\n")
                code = EXIT_DATA
            silence(sys.stdout)
    index = sys.modules.get("kdrama_cli.store.index")
    if index is not None:
        index.run_pending()
    os._exit(code)

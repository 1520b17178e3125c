"""`kdrama help [COMMAND]...`: a command's help, as `kdrama COMMAND --help` prints it."""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

from kdrama_cli.errors import no_such_command
from kdrama_cli.options import OnceCommand, command_named


def _complete_command(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The commands (or a group's subcommands) after those already typed."""
    found = _resolve(ctx, list(ctx.params.get("words") or ()), strict=False)
    if found is None or not isinstance(found.command, click.Group):
        return []
    group = found.command
    return [
        CompletionItem(name) for name in group.list_commands(found) if name.startswith(incomplete)
    ]


def _resolve(ctx: click.Context, words: list[str], strict: bool = True) -> click.Context | None:
    """The context of the command the words name under kdrama ('seen', 'add'), from which its
    help is printed with its whole name in the Usage line. A word that names no command is a
    usage error (with the nearest names), or None when not ``strict``."""
    context = ctx.find_root()
    for number, word in enumerate(words):
        group = context.command
        if not isinstance(group, click.Group):
            if not strict:
                return None
            raise click.UsageError(
                f"{context.command_path!r} has no commands under it ({word!r}); "
                f"its help: kdrama help {' '.join(words[:number])}"
            )
        named = command_named(group, context, word)
        if named is None:
            if not strict:
                return None
            commands = group.list_commands(context)
            raise click.UsageError(no_such_command(word, commands, words[:number]))
        name, command = named
        context = command.context_class(command, info_name=name, parent=context)
    return context


@click.command(
    "help",
    cls=OnceCommand,
    epilog="""\b
Examples:
  kdrama help
  kdrama help show
  kdrama help seen add""",
)
@click.argument("words", metavar="[COMMAND]...", nargs=-1, shell_complete=_complete_command)
@click.pass_context
def help_command(ctx: click.Context, words: tuple[str, ...]) -> None:
    """Print a command's help: `kdrama help seen add` is `kdrama seen add --help`.

    Without a command, kdrama's own help (the list of commands).
    """
    found = _resolve(ctx, list(words))
    assert found is not None  # strict: a miss is a usage error
    click.echo(found.get_help())

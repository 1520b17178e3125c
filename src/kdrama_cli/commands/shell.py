"""`kdrama completion`: the shell completion script."""

from __future__ import annotations

import click

from kdrama_cli.options import OnceCommand, choice

SHELLS = ("bash", "zsh", "fish")


@click.command(
    cls=OnceCommand,
    epilog="""\b
Examples:
  kdrama completion bash > ~/.local/share/bash-completion/completions/kdrama
  kdrama completion zsh > ~/.zfunc/_kdrama
  kdrama completion fish > ~/.config/fish/completions/kdrama.fish
  eval "$(kdrama completion bash)"     # for this shell only

\b
Make each folder first (mkdir -p ~/.zfunc): a new home lacks them. bash
reads its folder only with the bash-completion package installed (else put
the eval line in ~/.bashrc). zsh reads ~/.zfunc once ~/.zshrc has, in order:
  fpath=(~/.zfunc $fpath)
  autoload -Uz compinit && compinit""",
)
@click.argument("shell", metavar="SHELL", type=choice(SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the completion script for a shell (titles and people complete by slug).

    SHELL is one of bash, zsh, fish."""
    from click.shell_completion import get_completion_class

    root = ctx.find_root().command
    completer_class = get_completion_class(shell)
    assert completer_class is not None  # every name in SHELLS is one click knows
    completer = completer_class(root, {}, "kdrama", "_KDRAMA_COMPLETE")
    click.echo(_split_once(completer.source()) if shell == "fish" else completer.source())


def _split_once(script: str) -> str:
    """Click's fish script splits each "type,value<TAB>description" line at every comma, so a
    description with one is cut short ("Cheer Up, Mr. Lee" shows as "Cheer Up", a season's
    "announced, on Netflix by 2026-07-12" as "announced"): only the first comma separates the
    type from the rest."""
    return script.replace('(string split "," $completion)', '(string split -m 1 "," $completion)')

"""`kdrama cache`: the compiled index of the dataset in the user cache directory."""

from __future__ import annotations

import click

from kdrama_cli.app import CONTEXT_SETTINGS


@click.group(context_settings=CONTEXT_SETTINGS)
def cache() -> None:
    """The index kdrama compiles from the dataset so repeated runs need not parse TOML.

    It is rebuilt automatically whenever a dataset file changes; --no-cache (or
    KDRAMA_NO_CACHE=1) bypasses it.
    """


@cache.command(
    "clear",
    epilog="""\\b
Examples:
  kdrama cache clear""",
)
def cache_clear() -> None:
    """Delete every index file kdrama has written."""
    from kdrama_cli.store.files import user_cache_dir
    from kdrama_cli.store.index import clear

    removed = clear(user_cache_dir())
    click.echo(f"removed {removed} index file{'s' if removed != 1 else ''} from {user_cache_dir()}")


@cache.command(
    "path",
    epilog="""\\b
Examples:
  kdrama cache path""",
)
def cache_path() -> None:
    """Print the cache directory."""
    from kdrama_cli.store.files import user_cache_dir

    click.echo(str(user_cache_dir()))

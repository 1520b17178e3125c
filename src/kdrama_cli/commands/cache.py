"""`kdrama cache`: the compiled index of the dataset in the user cache directory."""

from __future__ import annotations

import click

from kdrama_cli.catalogue.printable import clean
from kdrama_cli.failures import KdramaError
from kdrama_cli.options import CONTEXT_SETTINGS, CommandGroup
from kdrama_cli.output import say


@click.group(
    cls=CommandGroup,
    context_settings=CONTEXT_SETTINGS,
    epilog="""\b
Examples:
  kdrama cache path
  kdrama cache clear""",
)
def cache() -> None:
    """The index kdrama compiles from the dataset so repeated runs need not parse TOML.

    It is rebuilt automatically whenever a dataset file changes; --no-cache (or
    KDRAMA_NO_CACHE=1) bypasses it.
    """


@cache.command(
    "clear",
    short_help="Delete what kdrama has written to the cache directory.",
    epilog="""\b
Examples:
  kdrama cache clear""",
)
def cache_clear() -> None:
    """Delete every index, page and name list kdrama has written to the cache directory."""
    from kdrama_cli.catalogue.wording import joined
    from kdrama_cli.store.files import user_cache_dir
    from kdrama_cli.store.index import BUILD_LOCK, clear
    from kdrama_cli.store.trust import refusal_of
    from kdrama_cli.views.text import count_of

    folder = _folder(user_cache_dir())
    refusal = refusal_of(folder)
    if refusal:
        raise KdramaError(f"not clearing {clean(folder)}: {refusal}")
    cleared = clear(folder)
    removed = [
        count_of(count, singular, plural)
        for count, singular, plural in (
            (cleared.indexes, "index", "indexes"),
            (cleared.names, "name list", None),
            (cleared.pages, "page", None),
        )
        if count
    ]
    if not removed and cleared.files:
        leftovers = count_of(cleared.files, "leftover file", None)
        click.echo(f"removed {leftovers} (no index, page or name list) from {clean(folder)}")
    elif removed:
        click.echo(f"removed {joined(removed)} from {clean(folder)}")
    elif not cleared.left:
        click.echo(f"nothing to remove: {clean(folder)} holds no index, page or name list")
    if cleared.lock_held:
        say(f"kdrama: {BUILD_LOCK} kept: another kdrama holds it while it builds an index")
    if cleared.left:  # a script clearing to force a rebuild must know it did not happen
        files = count_of(cleared.left, "file", None)
        raise KdramaError(
            f"could not remove {files} from {clean(folder)}: {cleared.why_left or 'still there'}"
        )


@cache.command(
    "path",
    short_help="Print the cache directory.",
    epilog="""\b
Examples:
  kdrama cache path""",
)
def cache_path() -> None:
    """Print the cache directory, made if it is missing, as every command makes it (and, on
    stderr, why it is not used when it cannot be)."""
    from kdrama_cli.store.files import user_cache_dir
    from kdrama_cli.store.trust import refusal_of

    folder = _folder(user_cache_dir())
    click.echo(clean(folder))
    refusal = refusal_of(folder)
    if refusal:
        say(f"kdrama: this cache directory is not used: {refusal}")


def _folder(path: str | None) -> str:
    if path is None:
        from kdrama_cli.catalogue.locations import no_home_to_keep

        raise KdramaError(f"there is no cache directory: {no_home_to_keep('it')}")
    return path

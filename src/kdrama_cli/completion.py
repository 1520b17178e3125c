"""Shell completion: the titles, people, seen titles, seasons and files TAB offers, from the
index's plain-text names file when it is fresh. Completion never prints an error.

Nothing here imports Rich: completion must stay light.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.catalogue.models import Dataset


def complete_season(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """The seasons of the title typed before --season (the first, for chart), each with its
    status as help; nothing when no one title is typed yet.

    The title is a parameter when --season comes first; after it, click's parse stops at the
    --season that has no value yet and leaves the title among the context's extra args."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.answers.finding import LookupError_, find_show

    query = _title_typed(ctx)
    dataset = completion_dataset(ctx) if query else None
    if dataset is None or not isinstance(query, str):
        return []
    try:
        show = find_show(dataset, query, suggestions=False).show
    except LookupError_:
        return []
    usable = _seasons_usable(ctx, show)
    return [
        CompletionItem(str(season.number), help=_season_help(show, season))
        for season in show.seasons
        if str(season.number).startswith(incomplete) and (usable is None or season in usable)
    ]


def _seasons_usable(ctx: click.Context, show: Any) -> list[Any] | None:
    """The seasons the command can use, when not every one: `chart` draws the seasons with
    weeks in Netflix's Top 10, and `seen add` marks a season that can be watched: out, or
    listed by Netflix's own files ahead of the catalogue (`cast` and `show` take any, an
    announced cast too)."""
    parent = ctx.parent.command.name if ctx.parent else None
    if ctx.command.name == "chart":
        charted = {stat.season for stat in show.stats if stat.window.startswith("week:")}
        return [season for season in show.seasons if season.number in charted]
    if parent == "seen" and ctx.command.name == "add":
        from kdrama_cli.answers.upcoming import watchable_seasons

        return list(watchable_seasons(show, _today()))
    return None


def environment_day() -> dt.date | None:
    """The day $KDRAMA_TODAY (YYYY-MM-DD) stands in for today, or None when it is unset; a
    value that is no date raises ValueError with that value. The one reading of it:
    `app.today` reports such a value as a usage error, TAB (`_today`) ignores it. It lives
    here because completion may not import `app`."""
    given = os.environ.get("KDRAMA_TODAY", "").strip()
    try:
        return dt.date.fromisoformat(given) if given else None
    except ValueError:
        raise ValueError(given) from None


def _today() -> dt.date | None:
    """$KDRAMA_TODAY as the commands read it, or None for the real day; a value that is not a
    date is the command's to report, never completion's."""
    try:
        return environment_day()
    except ValueError:
        return None


def _title_typed(ctx: click.Context) -> str | None:
    """The one title typed before --season: a command's SHOW, of any number of unquoted words
    ("squid game"), or the first of chart's SHOWS."""
    several = any(param.name == "shows" for param in ctx.command.params)
    typed = ctx.params.get("shows") or ctx.params.get("show") or ctx.args
    if isinstance(typed, str):
        return typed or None
    words = [str(word) for word in typed or ()]
    if not words:
        return None
    return words[0] if several else " ".join(words)


def _season_help(show: Any, season: Any) -> str:
    """'released 2021-09-17', 'renewed', 'announced, on Netflix by 2026-07-12': what TAB
    shows beside a season's number (the last for a season Netflix's own files list ahead of
    the catalogue, as the show page marks it)."""
    from kdrama_cli.answers.upcoming import UPCOMING_STATUSES, netflix_listing

    status = season.status.replace("-", " ")
    if season.status in UPCOMING_STATUSES:
        listing = netflix_listing(show, season.number, _today() or dt.date.today())
        if listing is not None:
            return f"{status}, on Netflix by {listing.by.isoformat()}"
    return f"{status} {season.release_date}" if season.release_date else status


def _completion_rows(ctx: click.Context, kind: str, typed: str = "") -> list[tuple[str, str, str]]:
    """(target, label, name) rows to complete from: the index's plain-text names file when the
    index is fresh (no SQLite, no records; only rows that can match ``typed``), else the
    dataset's lookup rows."""
    root = ctx.find_root()
    data = root.params.get("data") if root else None
    extra = (root.params.get("add_data") or ()) if root else ()
    use_cache = not (root.params.get("no_cache") if root else False)
    personal = not (root.params.get("no_personal") if root else False)
    from kdrama_cli.catalogue.locations import dataset_paths
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.store.files import cache_dir

    try:
        paths = dataset_paths(data, extra, personal)  # without --data: $KDRAMA_DATA, the shipped
        cache = cache_dir() if use_cache else None
        if use_cache:
            from kdrama_cli.store.pages import completion_rows

            rows = completion_rows(cache, paths, kind, typed)
            if rows is not None:
                return rows
        from kdrama_cli.store.index import load

        dataset = load(paths, cache, use_cache)
    except DatasetError:
        return []
    from kdrama_cli.catalogue.names import COMPLETION_HOWS, lookup_of

    return [
        (row.target, row.label, row.name)
        for row in lookup_of(dataset).names(kind)
        if row.how in COMPLETION_HOWS
    ]


def completion_dataset(ctx: click.Context) -> Dataset | None:
    """The dataset a completing command line would use (its --data, --add-data, --no-cache),
    or None when it cannot be loaded: completion never prints an error."""
    root = ctx.find_root()
    data = root.params.get("data") if root else None
    extra = (root.params.get("add_data") or ()) if root else ()
    use_cache = not (root.params.get("no_cache") if root else False)
    personal = not (root.params.get("no_personal") if root else False)
    from kdrama_cli.catalogue.locations import dataset_paths
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.store.files import cache_dir
    from kdrama_cli.store.index import load

    try:
        paths = dataset_paths(data, extra, personal)
        return load(paths, cache_dir() if use_cache else None, use_cache)
    except DatasetError:
        return None


def complete_file(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """File names, completed by the shell itself (the options take a path, not a value we
    validate, so a directory or a missing file is reported when it is read)."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def complete_show(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Slugs whose slug or title starts with what was typed, with the title as help."""
    return _complete(_completion_rows(ctx, "show", incomplete.casefold()), incomplete)


def complete_seen(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Slugs on the seen list that start with what was typed, by slug or title: `seen remove`
    can take nothing else off the list. A slug the catalogue does not have is offered by
    itself (`seen remove` takes it off as the list has it)."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.catalogue.locations import seen_path
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.catalogue.seen import read_seen

    try:
        seen = read_seen(seen_path())
    except DatasetError:
        return []  # a malformed list: `seen list` says what is wrong, a TAB stays quiet
    typed = incomplete.casefold()
    rows = _completion_rows(ctx, "show", typed) if seen else []
    found = _complete([row for row in rows if row[0] in seen], incomplete)
    known = {row[0] for row in rows}
    gone = [slug for slug in seen if slug.startswith(typed) and slug not in known]
    found.extend(CompletionItem(slug, help="not in this catalogue") for slug in sorted(gone))
    return found


def complete_person(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Person ids whose id or name starts with what was typed, with the name as help."""
    return _complete(_completion_rows(ctx, "person", incomplete.casefold()), incomplete)


def complete_person_or_show(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[Any]:
    """People and titles, for `path`, whose ends may be either (find_person_or_show)."""
    typed = incomplete.casefold()
    rows = _completion_rows(ctx, "person", typed) + _completion_rows(ctx, "show", typed)
    return _complete(rows, incomplete)


def _offered_as(target: str, label: str, name: str, typed: str) -> str:
    """A completion's description: the title or name, and the other name that matched what
    was typed when it was one (`오징어` offers squid-game as "Squid Game (오징어 게임)")."""
    if target.startswith(typed) or name == label or typed in label.casefold():
        return label
    return f"{label} ({name})"


def _complete(rows: list[tuple[str, str, str]], incomplete: str) -> list[Any]:
    """Slugs or ids whose id or main name starts with what was typed, with the name as help;
    when none does, those with a word that does (store.pages.completes: `glory` offers
    the-glory). Never both: a shell puts the common start of what is offered on the line, and
    a word match would take that from `squid` (squid-game)."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.store.pages import completes

    typed = incomplete.casefold()
    starting: dict[str, str] = {}
    within: dict[str, str] = {}
    for target, label, name in rows:
        if target.startswith(typed) or name.casefold().startswith(typed):
            starting.setdefault(target, _offered_as(target, label, name, typed))
        elif not starting and completes(target, name, typed):
            within.setdefault(target, _offered_as(target, label, name, typed))
    found = starting or within
    return [CompletionItem(target, help=label) for target, label in sorted(found.items())]


def register_completion_classes() -> None:
    """Make TAB complete kdrama's global options wherever they are typed, as the command line
    takes them (`kdrama show kingdom --no-pager`): click's own completion knew them only before
    the command, so `kdrama show kingdom --no-<TAB>` offered nothing and `kdrama show kingdom
    --add-data <TAB>` no file. Called only when the shell asks for completions."""
    from click.shell_completion import (
        BashComplete,
        FishComplete,
        ShellComplete,
        ZshComplete,
        add_completion_class,
    )

    def anywhere(base: type[ShellComplete]) -> type[ShellComplete]:
        class Anywhere(base):  # type: ignore[valid-type, misc]
            def get_completions(self, args: list[str], incomplete: str) -> list[Any]:
                plain = super().get_completions
                return complete_anywhere(self.cli, args, incomplete, plain)

        Anywhere.__name__ = base.__name__
        return Anywhere

    for base in (BashComplete, ZshComplete, FishComplete):
        add_completion_class(anywhere(base), base.name)


def complete_anywhere(
    root: click.Command, args: list[str], incomplete: str, plain: Any
) -> list[Any]:
    """What TAB offers for ``incomplete`` after ``args``: click's completions (``plain``), and,
    once a command is typed, the root's options too: their names for a word that begins with
    '-', and the value of one typed last (`--add-data <TAB>`: a file)."""
    from kdrama_cli.failures import after_options, options_named, takes_value

    options = options_named(root)
    at = after_options(args, options)
    if at == len(args) or args[at] == "--" or "--" in args[at:]:
        return list(plain(args, incomplete))
    last = args[-1] if len(args) > at + 1 else ""
    if incomplete.startswith("--") and "=" in incomplete:  # `--add-data=pa<TAB>`, as zsh gives it
        last, _, incomplete = incomplete.partition("=")
    awaiting = options.get(last)
    if awaiting is not None and takes_value(awaiting):
        # the word being typed is the value of a global option typed after the command: moved
        # in front of the command bare, it would take the command's name as its value
        return list(awaiting.shell_complete(click.Context(root), incomplete))
    found = list(plain(args, incomplete))
    if not incomplete.startswith("-"):
        return found
    from click.shell_completion import CompletionItem

    offered = {item.value for item in found}
    typed = {word.split("=", 1)[0] for word in args}  # `--data=x` typed is --data typed
    extra = []
    for param in dict.fromkeys(options.values()):
        if "--help" in param.opts or param.hidden:
            continue
        if not param.multiple and typed.intersection((*param.opts, *param.secondary_opts)):
            continue  # typed already: a second value is refused, a second flag does nothing
        for name in param.opts:
            if name.startswith(incomplete) and name not in offered and name.startswith("--"):
                extra.append(CompletionItem(name, help=param.help))
    return found + extra

"""`kdrama seen`: the titles you have watched, kept in a small TOML file of your own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from kdrama_cli import views
from kdrama_cli.app import App, pass_app, today
from kdrama_cli.completion import complete_seen, complete_show
from kdrama_cli.errors import command_line
from kdrama_cli.failures import DatasetProblems, KdramaError, PlainUsageError
from kdrama_cli.options import (
    CommandGroup,
    DataCommand,
    a_path,
    json_instead,
    json_option,
    limit_option,
    name_argument,
    rows_asked,
    season_of,
    season_option,
    sheet_option,
)
from kdrama_cli.output import say
from kdrama_cli.views.text import count_of, season_label, seasons_label

if TYPE_CHECKING:  # named in annotations only
    from kdrama_cli.answers.seen import Reading, SeenTitle
    from kdrama_cli.catalogue.models import Show

T = TypeVar("T")


@click.group(
    cls=CommandGroup,
    epilog="""\b
Examples:
  kdrama seen add squid-game --season 1
  kdrama seen add "Train to Busan"
  kdrama seen import NetflixViewingHistory.csv
  kdrama seen list
  kdrama seen people

The list is $KDRAMA_SEEN if set (a relative path is from the folder kdrama
runs in: give the whole path, or start it with ~/, for one list everywhere),
else seen.toml in your data directory ($XDG_DATA_HOME/kdrama,
~/.local/share/kdrama; on macOS ~/Library/Application Support/kdrama). Show
and person pages then mark where you have seen each actor, and `kdrama
similar` leaves seen titles out.""",
)
def seen() -> None:
    """Your seen list: add, remove, import Netflix's viewing history, list, rank people."""


def _path(app: App) -> str:
    path = app.seen_file()
    if path is None:
        from kdrama_cli.catalogue.locations import no_home_to_keep

        raise KdramaError(f"{no_home_to_keep('the seen list')}: set KDRAMA_SEEN")
    return path


def _change(app: App, change: Callable[[str, list[str]], T]) -> T:
    """Make a change to the seen file as it is on disk now (answers.seen's add_seen and the
    like, under the file's lock, given the file and a list for what to say); a malformed file
    or a failed write is an error (exit 1). A file written afresh, its comments lost, is a
    warning on stderr."""
    from kdrama_cli.catalogue.problems import DatasetError

    path = _path(app)
    notes: list[str] = []
    try:
        result = change(path, notes)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    except OSError as error:
        raise KdramaError(f"cannot write {path}: {error.strerror or error}") from None
    app.seen_changed()  # read again when next asked
    for note in notes:
        say(f"kdrama: warning: {note}")
    return result


@seen.command(
    short_help="Mark a title as seen (one season with --season).",
    epilog="""\b
Examples:
  kdrama seen add "Train to Busan"
  kdrama seen add squid-game --season 1
  kdrama seen add "squid game 2"       # a season typed with the title
  kdrama seen add "squid game s2e3"    # an episode marks its season""",
)
@name_argument("show", "SHOW", shell_complete=complete_show)
@season_option
@pass_app
def add(app: App, show: str, season: int | None) -> None:
    """Mark a title as seen: one season with --season, else every released season.

    An episode typed after the title marks its season ('squid game s2e3'): the list keeps
    whole seasons, and a season counts as seen after one episode.
    """
    from kdrama_cli.answers.finding import named_in_catalogue
    from kdrama_cli.answers.seen import add_seen, without_episode

    typed, episode = without_episode(app.dataset(), show)
    match = app.find(typed)
    found = match.show
    chosen = season_of(match, season, show)
    if episode is not None:
        chosen = _season_of_episode(app, found, chosen, show, episode)
    named = named_in_catalogue(app.dataset(), found)  # 'Start-Up (시동)': which Start-Up
    replacing = _renamed_entry(app, typed, found)  # an older catalogue's id: the title takes it
    try:
        marked = _change(
            app,
            lambda path, notes: add_seen(
                path, found, chosen, today(), notes, named, replacing=replacing
            ),
        )
    except ValueError as error:
        raise PlainUsageError(str(error)) from None
    what = f" {seasons_label(marked.added)}" if marked.added else ""
    said = f"Seen: {named}{what}"
    if marked.replaced:
        said += f" (in place of {replacing}, an id this catalogue no longer has)"
    elif marked.already:
        said += " (already in the list)"
    say(said)


def _renamed_entry(app: App, typed: str, found: Show) -> str | None:
    """The entry on the seen list that ``typed`` names by an id the catalogue no longer has
    and that reads as ``found`` now (answers.seen.gone_readings, as `seen list` names it):
    `seen add` marks the title in its place. None for any other, a layer's own title among
    them, which stays."""
    from kdrama_cli.answers.seen import gone_readings

    old = _gone_slug(app, typed)
    if old not in app.seen() or old in app.dataset().shows:
        return None
    read = gone_readings(app.dataset(), [old])
    return old if read and read[0].show.slug == found.slug else None


def _season_of_episode(
    app: App, found: Show, chosen: int | None, typed: str, episode: int, *, remove: bool = False
) -> int | None:
    """The season an episode typed marks (answers.seen.episode_season), with the note that says
    so; a usage error when several are out and none was said. ``remove``: the episode is taken
    off (`seen remove` undoes what `seen add` did with the same words)."""
    from kdrama_cli.answers.finding import seasons_words
    from kdrama_cli.answers.seen import episode_season

    command = "remove" if remove else "add"
    if not found.seasons:  # a film (or a title held with no seasons): marked whole
        what = "is a film" if found.kind == "film" else "has no seasons in the catalogue"
        whole = "takes it off whole" if remove else "marks it whole"
        app.note(f"kdrama: note: {found.title} {what}: the seen list {whole}")
        return chosen
    chosen, unsaid = episode_season(found, chosen, today())
    if unsaid:
        raise PlainUsageError(
            f"{typed!r} names episode {episode} but not its season, and {found.title} has"
            f" {seasons_words(unsaid)} out: give the season"
            f" ({command_line(f'seen {command} {found.slug} --season N')})"
        )
    if chosen is not None:
        app.note(
            f"kdrama: note: the seen list keeps whole seasons, not episodes: episode {episode}"
            + (
                f" takes season {chosen} of {found.title} off"
                if remove
                else f" marks season {chosen} of {found.title} as seen"
            )
        )
    return chosen


@seen.command(
    epilog="""\b
Examples:
  kdrama seen remove "Train to Busan"
  kdrama seen remove squid-game --season 2""",
)
@name_argument("show", "SHOW", shell_complete=complete_seen)
@season_option
@pass_app
def remove(app: App, show: str, season: int | None) -> None:
    """Take a title (or one season of it) off the seen list.

    An episode typed after the title takes its season off ('squid game s2e3'), as `seen add`
    marked it. An entry the catalogue does not have (a title from a dataset no longer loaded,
    a slug since renamed) is taken off by its slug as the list has it.
    """
    from kdrama_cli.answers.finding import named_in_catalogue
    from kdrama_cli.answers.seen import remove_seen, without_episode

    show = _gone_slug(app, show)
    if show in app.seen() and show not in app.dataset().shows:
        unmarked = _change(app, lambda path, notes: remove_seen(path, show, season, notes))
        title = show
    else:
        typed, episode = without_episode(app.dataset(), show)
        match = app.find(typed, among=app.seen())  # 'king' is Kingdom when only it is seen
        season = season_of(match, season, show)
        if episode is not None:
            season = _season_of_episode(app, match.show, season, show, episode, remove=True)
        title = named_in_catalogue(app.dataset(), match.show)
        try:
            unmarked = _change(
                app, lambda path, notes: remove_seen(path, match.show, season, notes, title)
            )
        except ValueError as error:
            raise PlainUsageError(str(error)) from None
    what = title + (f" {season_label(season)}" if season is not None else "")
    if not unmarked.removed:
        say(f"{what} is not in the seen list.")
        return
    say(f"Removed: {what}")


def _gone_slug(app: App, typed: str) -> str:
    """The slug on the seen list of a title the catalogue no longer has that ``typed`` names
    as its slug reads ('My Show' for my-show, which `seen list` names), else ``typed``: such an
    entry has no name but its slug, and 'My Show' was "no title matches"."""
    import re

    if typed in app.seen():
        return typed
    from kdrama_cli.answers.finding import LookupError_, NotFound, find_show

    slug = re.sub(r"[^a-z0-9]+", "-", typed.casefold()).strip("-")
    if slug not in app.seen() or slug in app.dataset().shows:
        return typed
    try:
        find_show(app.dataset(), typed)  # a name the catalogue has is that title's
    except NotFound:
        return slug
    except LookupError_:
        pass
    return typed


@seen.command(
    "list",
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama seen list
  kdrama seen list --json
  kdrama seen list --csv > seen.csv""",
)
@json_option
@sheet_option
@pass_app
def list_seen(app: App, as_json: bool, sheet: str | None) -> None:
    """The titles in the seen list, with the seasons seen."""
    from kdrama_cli.answers.seen import (
        gone_readings,
        not_out_seasons,
        seen_titles,
        unknown_seasons,
        unknown_slugs,
    )

    app.forget_page()
    _note_missing_folder(app)
    day = today()
    titles = seen_titles(app.dataset(), app.seen(), day)
    ahead = not_out_seasons(titles, day)
    if ahead:
        it = "it" if sum(len(seasons) for _, seasons in ahead) == 1 else "them"
        _say_seasons(ahead, "not out yet", f"; pages do not mark or count {it}")
    extra = unknown_seasons(titles)
    if extra:
        _say_seasons(extra, "not in this catalogue")
    _say_no_season(titles)
    unknown = unknown_slugs(app.dataset(), app.seen())
    readings = gone_readings(app.dataset(), unknown)
    if readings:
        _say_readings(readings)
    read = {reading.slug for reading in readings}
    unread = [slug for slug in unknown if slug not in read]
    if unread:
        from kdrama_cli.errors import shell_quote

        are = "is" if len(unread) == 1 else "are"
        listed = ", ".join(unread)
        how = f"{shell_quote(unread[0])} takes it" if len(unread) == 1 else "SLUG takes one"
        say(
            f"kdrama: {count_of(len(unread), 'seen title')} {are} not in this catalogue: {listed}"
            f" ({command_line(f'seen remove {how}')} off)"
        )
    missing = [(slug, app.seen()[slug]) for slug in unknown]  # kept in what scripts read
    empty = None
    if not titles and not unknown:
        add, load = command_line("seen add SHOW"), command_line("seen import FILE")
        empty = f"The seen list is empty: {add}, or {load}."
    if empty and (sheet or as_json):  # on stderr, as every empty answer's: [] says no why
        app.note(empty)
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.seen_sheet(titles, missing),
        lambda: views.jsonview.seen_json(titles, missing),
    ):
        return
    if not titles and unknown:  # not empty: the line above names what it holds
        app.nothing("No title on the seen list is in this catalogue.")
    elif empty:
        app.nothing(empty)
    else:
        from kdrama_cli.views.seen import seen_view

        app.render(seen_view(titles))


def _say_readings(readings: Sequence[Reading]) -> None:
    """One stderr line for the seen list's entries that the catalogue holds under another id
    now (answers.seen.gone_readings): what each reads as, and the command that moves it."""
    from kdrama_cli.errors import shell_quote

    def now(reading: Reading) -> str:
        season = f" {season_label(reading.season)}" if reading.season is not None else ""
        return f"{reading.show.title}{season} ({reading.show.slug})"

    first, *rest = readings
    listed = f"{first.slug}, read as {now(first)}"
    listed += "".join(f"; {r.slug}, as {now(r)}" for r in rest)
    how = f"{shell_quote(first.slug)} moves it" if not rest else "OLD-ID moves one"
    seem = "seems" if not rest else "seem"
    say(
        f"kdrama: {count_of(len(readings), 'seen title')} {seem} to be in this catalogue under"
        f" another id now, renamed or merged since the list was made: {listed}"
        f" ({command_line(f'seen add {how}')} there)"
    )


def _note_missing_folder(app: App) -> None:
    """One stderr note when $KDRAMA_SEEN names a file in a folder that does not exist: the
    list then reads as empty, and a typo in the variable was told only "The seen list is
    empty" (`seen add` refuses it with the same words)."""
    import os

    from kdrama_cli.catalogue.locations import seen_named

    path = app.seen_file()
    if path is None or not seen_named():
        return
    folder = os.path.dirname(path) or "."
    if os.path.isdir(folder):
        return
    app.note(
        f"kdrama: note: {path}: its folder {folder} does not exist ($KDRAMA_SEEN names it: make"
        " the folder, or point KDRAMA_SEEN at a file in one that does)"
    )


def _say_no_season(titles: Sequence[SeenTitle]) -> None:
    """One stderr line for the titles of seasons that the list holds with none ('squid-game =
    []', written by hand as a film is, as if [] meant all of it): pages mark nothing of them."""
    bare = [title.show for title in titles if not title.seasons and title.show.seasons]
    if not bare:
        return
    listed = ", ".join(f"{show.slug} = []" for show in bare)
    first = bare[0].slug
    how = command_line(f"seen add {first}" if len(bare) == 1 else "seen add SHOW")
    it, has = ("it", "has") if len(bare) == 1 else ("them", "have")
    say(
        f"kdrama: {count_of(len(bare), 'seen title')} with seasons {has}"
        f" none marked ({listed}: [] is for a film); pages mark nothing of {it} ({how} marks"
        " every season out)"
    )


def _say_seasons(
    found: Sequence[tuple[SeenTitle, tuple[int, ...]]], why: str, then: str = ""
) -> None:
    """One stderr line for seen seasons `seen list` flags (``why``: "not out yet", "not in this
    catalogue"), each title with its seasons, and the command that takes one off."""
    count = sum(len(seasons) for _, seasons in found)
    are = "is" if count == 1 else "are"
    listed = "; ".join(
        f"{title.show.title} " + ", ".join(f"S{n}" for n in seasons) for title, seasons in found
    )
    first, seasons = found[0]
    how = (
        command_line(f"seen remove {first.show.slug} --season {seasons[0]}") + " takes it off"
        if count == 1
        else command_line("seen remove SLUG --season N") + " takes one off"
    )
    say(f"kdrama: {count_of(count, 'seen season')} {are} {why}: {listed}{then} ({how})")


@seen.command(
    cls=DataCommand,
    short_help="The people you have seen in the most titles.",
    epilog="""\b
Examples:
  kdrama seen people
  kdrama seen people --limit 50
  kdrama seen people --json
  kdrama seen people --spoilers""",
)
@limit_option(20)
@click.option(
    "--spoilers",
    is_flag=True,
    help="Also count special appearances flagged as spoilers (surprise cameos).",
)
@json_option
@sheet_option
@pass_app
def people(app: App, limit: int, spoilers: bool, as_json: bool, sheet: str | None) -> None:
    """The people you have seen in the most titles (counting only the seasons they were in).

    A special appearance flagged as a spoiler (a surprise cameo) is not counted without
    --spoilers; the page says how many were left out (on stderr with --json or --csv).
    """
    from kdrama_cli.answers.seen import seen_out, seen_people
    from kdrama_cli.views.spoiler_notes import credits_hidden

    app.forget_page()
    _note_missing_folder(app)
    watched = seen_out(app.dataset(), app.seen(), today())  # a season not out has no cast seen
    found = seen_people(app.dataset(), watched, rows_asked(limit, as_json or bool(sheet)), spoilers)
    ranked = found.people
    empty = None
    if not ranked and found.hidden:
        empty = credits_hidden(found.hidden)
    elif not ranked and app.seen() and not watched:  # all it holds is still to come
        listing = command_line("seen list")
        empty = f"Nobody yet: no season on the seen list is out ({listing} names them)."
    elif not ranked:
        empty = "Nobody yet: the seen list is empty, or its titles have no credits."
    if found.hidden and (sheet or as_json):  # on stderr: stdout keeps its contract
        app.note(credits_hidden(found.hidden))
    elif empty and (sheet or as_json):  # why there is nobody, as the page says it
        app.note(empty)
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.seen_people_sheet(ranked),
        lambda: views.jsonview.seen_people_json(ranked),
    ):
        return
    if empty:
        app.nothing(empty)
    else:
        from kdrama_cli.views.seen import seen_people_view

        app.render(seen_people_view(ranked, found.hidden, found.total))


@seen.command(
    "import",
    short_help="Add the titles in Netflix's viewing history (a CSV file).",
    epilog="""\b
Examples:
  kdrama seen import NetflixViewingHistory.csv --dry-run
  kdrama seen import NetflixViewingHistory.csv
  kdrama seen import NetflixViewingHistory.csv --dry-run --json
  kdrama seen import seen-backup.json        # from kdrama seen list --json""",
)
@click.argument("file", type=click.Path(allow_dash=True), callback=a_path)
@click.option("--dry-run", is_flag=True, help="Say what would be added; change nothing.")
@json_instead(
    "the report as JSON (UTF-8) instead of lines of text, every title that matched nothing included"
)
@pass_app
def import_history(app: App, file: str, dry_run: bool, as_json: bool) -> None:
    """Add the titles in Netflix's viewing history (NetflixViewingHistory.csv: Title,Date).

    The personal-data archive's ViewingActivity.csv is read too, without its rows for
    trailers, previews and other extras (those with a Supplemental Video Type), which a note
    on stderr counts.

    Each row is matched through the Netflix titles in the catalogue to a title and season
    ("Squid Game: Season 1: Red Light, Green Light" is Squid Game season 1). Rows that match
    nothing are counted by title; a row for a season not released yet in the catalogue is
    left out and named, as `seen add` refuses it, and so is a row for a season the catalogue
    does not hold; importing the same file twice changes nothing.

    \b
    A history from a Korean profile (제목,날짜) matches through the Hangul
    titles: "오징어 게임: 시즌 2: 1화" is Squid Game season 2.

    The report (what matched, what was added, what was left out) is printed on stdout,
    warnings on stderr; --json gives it whole, every title that matched nothing included.

    A FILE of - reads the history from standard input (at most 64 MiB, as from a file).

    kdrama's own export, `kdrama seen list --json`, `--csv` or `--tsv` saved to a file, is read too
    (each title by its slug and seasons): a backup restores with the same report.
    """
    from kdrama_cli.answers.seen import (
        add_matched,
        imported_titles,
        match_export,
        match_history,
        merge_matched,
    )
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.catalogue.viewing_history import STDIN, SeenExport, history_titles

    if file == STDIN:
        _say_how_to_end_standard_input()
    try:
        rows = history_titles(file)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    exported = isinstance(rows, SeenExport)  # kdrama's own export: slugs and seasons
    extras = 0 if isinstance(rows, SeenExport) else rows.extras
    if isinstance(rows, SeenExport):
        result = match_export(app.dataset(), rows, today())
    else:
        result = match_history(app.dataset(), rows, today())
        if extras and result.rows:  # on stderr: the report's counts are of the rows read
            say(f"kdrama: note: {_extras_skipped(file, extras)}")
    if dry_run or not result.matched:
        merged = merge_matched(app.seen(), result.matched)
    else:
        merged = _change(app, lambda path, notes: add_matched(path, result.matched, notes))
    titles = imported_titles(app.dataset(), result, merged)
    if as_json:
        from kdrama_cli.views.jsonview import history_import_json

        if not result.rows:
            say(f"kdrama: {_holds_no_titles(file, exported, extras)}")
        app.emit_json(history_import_json(result, merged, titles, dry_run))
    elif not result.rows:
        app.nothing(_holds_no_titles(file, exported, extras))
    else:
        from kdrama_cli.answers.finding import told_apart_in_catalogue
        from kdrama_cli.views.history import history_import_lines

        named = [*(t.show for t in titles), *(left.show for left in result.unreleased)]
        apart = told_apart_in_catalogue(app.dataset(), named)
        for line in history_import_lines(result, merged, titles, dry_run, apart):
            click.echo(line)


def _extras_skipped(file: str, extras: int) -> str:
    """The note that rows of ViewingActivity.csv for trailers and previews were not read."""
    from kdrama_cli.catalogue.viewing_history import STDIN
    from kdrama_cli.catalogue.wording import count_of

    where = "standard input" if file == STDIN else file
    rows = count_of(extras, "row", None)
    return (
        f"{rows} of {where} skipped: trailers, previews and other extras (its Supplemental"
        " Video Type column) are not the title seen"
    )


def _holds_no_titles(file: str, exported: bool = False, extras: int = 0) -> str:
    """What an empty history (a header and no rows, or only trailers and previews), or an
    empty export, says: not a count of zeros."""
    from kdrama_cli.catalogue.viewing_history import STDIN

    where = "standard input" if file == STDIN else file
    if exported:
        return f"{where} is an empty seen list: nothing to import"
    if extras:
        return f"{where} holds only trailers, previews and other extras: nothing to import"
    return f"{where} holds no titles, only a header: nothing to import"


def _say_how_to_end_standard_input() -> None:
    """At a terminal, `seen import -` waits for a history to be pasted: say so, and how to end
    it, rather than seem to hang."""
    import sys

    try:
        typed = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):  # a closed stream
        typed = False
    if typed:
        end = "Ctrl-Z and Enter" if sys.platform == "win32" else "Ctrl-D"
        say(f"kdrama: reading the viewing history from standard input; end it with {end}")

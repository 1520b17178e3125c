"""The Rich page of `kdrama upcoming`: one row per coming season, its news under the table, then
the numbered sources.

At 80 columns a row is the title with its season ("All of Us Are Dead S2") and its slug under
it, the status, the day it was announced ("Since"), the day it was last confirmed ("As of",
with "stale" under it when that is old news) and, when any season has one, a release date or
"—". A flag under a column that gives way on a narrow terminal goes under the Status. The
notes, the real news, are too long for a cell: they follow the table as bullets, each with its
references.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text

from kdrama_cli.answers.upcoming import UPCOMING_STATUSES, Coming, Upcoming, dated_status
from kdrama_cli.catalogue.models import Citation, Season, release_window
from kdrama_cli.views.page import Page
from kdrama_cli.views.tables import Column, FitTable
from kdrama_cli.views.text import clean, count_of, season_label, spoilers_command, status_label
from kdrama_cli.views.titles import (
    DASH,
    MAX_WIDTH,
    STATUS_STYLES,
    Hanging,
    passed_legend,
    refs_cell,
    sources_list,
    stale_legend,
)

COLUMNS = (
    Column("Title", id_line=1),
    Column("Status", comfort=len("in production")),  # not "in / production": Since goes first
    # On a narrow terminal Since gives way first, then As of, then Release: a slug never breaks.
    # The "stale" under As of and the "passed" under Release then go under the Status.
    Column("Since", whole=True, drop=3),
    Column("As of", whole=True, drop=2, flags_under=1),
    Column("Release", whole=True, drop=1, flags_under=1),
)


def _label(entry: Upcoming) -> str:
    return f"{clean(entry.title)} {season_label(entry.season.number)}"


def _date_cell(day: dt.date | None, flag: str | None = None) -> Text:
    text = Text(day.isoformat() if day else DASH)
    if flag:
        text.append(f"\n{flag}", style="bold red")
    return text


def _row(entry: Upcoming, with_release: bool) -> list[Text]:
    season = entry.season
    title = Text(clean(entry.title), style="bold")
    title.append(f" {season_label(season.number)}")
    title.append(f"\n{entry.slug}", style="dim")
    status = Text(status_label(season.status), style=STATUS_STYLES.get(season.status, ""))
    if entry.on_netflix is not None:
        status.append("\non Netflix", style="bold red")
    cells = [
        title,
        status,
        _date_cell(season.status_date),
        _date_cell(season.as_of, "stale" if entry.stale else None),
    ]
    if with_release:
        flag = "passed" if entry.release_passed or entry.window_passed else None
        cells.append(_release_cell(season, flag))
    return cells


def _release_cell(season: Season, flag: str | None) -> Text:
    """The release date, else the window it was announced for ("Q2 2026"), else a dash."""
    window = release_window(season.release_window) if season.release_window else None
    if season.release_date is None and window is not None:
        text = Text(window[0])
        if flag:
            text.append(f"\n{flag}", style="bold red")
        return text
    return _date_cell(season.release_date, flag)


def _table(coming: Coming) -> FitTable:
    """The Release column only when a season has a release date: a column of dashes would
    only repeat what the line above the table says, and cost the titles room at 80 columns."""
    with_release = any(
        entry.season.release_date or entry.season.release_window for entry in coming.entries
    )
    columns = COLUMNS if with_release else COLUMNS[:-1]
    rows = [_row(entry, with_release) for entry in coming.entries]
    return FitTable(columns, rows, every_column="--csv")


def _summary(coming: Coming) -> Text:
    """The line above the table, whose every count is one of the table's flags:

    '11 seasons coming (5 renewed, 4 announced, 2 in production), 2 of them past their
    announced release; ...' or, when Netflix's own files list one of them (its row says
    "on Netflix": out, so not coming), '12 seasons listed as coming: 11 still to come (5
    renewed, 4 announced, 2 in production) and 1 already out on Netflix; 2 past their announced
    release, 1 of them on Netflix; ...'. "Past its announced release" counts the rows marked
    "passed" (the release date or window is before today), whether or not Netflix lists them:
    it was counted among the seasons still to come only, one less than the table marks."""
    ahead = coming.ahead
    statuses = [entry.season.status for entry in ahead]
    kinds = ", ".join(
        f"{statuses.count(s)} {status_label(s)}" for s in UPCOMING_STATUSES if s in statuses
    )
    out = len(coming.entries) - len(ahead)
    if out:
        line = Text(f"{count_of(len(coming.entries), 'season')} listed as coming", style="bold")
        line.append(f": {len(ahead) or 'none'} still to come")
    else:
        line = Text(f"{count_of(len(ahead), 'season')} coming", style="bold")
    if kinds:
        line.append(f" ({kinds})")
    if out:
        line.append(f" and {out} already out on Netflix")
    # A season whose announced date has passed is still listed (the catalogue has no news
    # that it came out), but not "without comment": the line says how many rows are "passed".
    late = [entry for entry in coming.entries if entry.release_passed or entry.window_passed]
    if late:
        release = f"{'its' if len(late) == 1 else 'their'} announced release"
        if out:
            listed = sum(1 for entry in late if entry.on_netflix is not None)
            line.append(f"; {len(late)} past {release}")
            if listed:
                line.append(
                    ", the one on Netflix"
                    if len(late) == 1
                    else f", {'all' if listed == len(late) else listed} of them on Netflix"
                )
        else:
            line.append(f", {len(late)} of them past {release}")
    dated = len(coming.dated)
    if dated:
        first = coming.dated[0].season.release_date
        when = first.isoformat() if first else DASH
        line.append(f"; {dated} with a release date, the first {when}.")
    else:
        line.append("; no upcoming release date in the catalogue.")
    return line


def _legend(coming: Coming) -> Text | None:
    """What "stale" and "passed" mean, when a row says so (worded as on the show page)."""
    lines = []
    if any(entry.stale for entry in coming.entries):
        lines.append(stale_legend(coming.today))
    if any(entry.release_passed or entry.window_passed for entry in coming.entries):
        lines.append(passed_legend(coming.today))
    if any(entry.on_netflix for entry in coming.entries):
        lines.append(
            "on Netflix: Netflix's own Top 10 or engagement report lists the season, so it is "
            "out, though the catalogue has not caught up (its news, below, says when)."
        )
    return Text("\n".join(lines), style="dim") if lines else None


def _status_said(season: Season) -> str:
    """A season with no note of news, in words as the show page says it ("Renewed since
    2026-11-01, as of 2026-11-20."): its bullet, which carries its sources, would have been
    the title alone ("• Starlight Bakery S2 [1]")."""
    said = dated_status(season)
    return f"{said[:1].upper()}{said[1:]}."


def _notes(coming: Coming) -> Hanging:
    positions = {c.id: n for n, c in enumerate(coming.citations, start=1)}
    entries = []
    for entry in coming.entries:
        text = Text(_label(entry), style="bold")
        note = clean(entry.season.note) if entry.season.note else ""
        if not note and entry.on_netflix is None:  # the line Netflix's lists give says enough
            note = _status_said(entry.season)
        if note:
            text.append(": ")
            text.append(note)
        if entry.on_netflix is not None:
            # after the note's own full stop ("...in 2026."), not a second one
            ended = note.rstrip().endswith((".", "!", "?"))
            text.append((" " if ended else ". ") if note else ": ")
            text.append(f"{entry.on_netflix.words}: it is out, though not marked released here.")
        refs = refs_cell([positions[c.id] for c in entry.citations if c.id in positions])
        if refs:
            text.append(f" {refs}", style="dim")
        entries.append(("•", text))
    return Hanging(entries, label_style="")


def upcoming_view(coming: Coming) -> RenderableType:
    parts: list[RenderableType] = [
        _summary(coming),
        Text(""),
        _table(coming),
    ]
    legend = _legend(coming)
    if legend is not None:
        parts.append(legend)
    parts += [Text("\nNews", style="bold cyan"), _notes(coming)]
    if coming.citations:
        listed = sources_list(coming.citations, hint=_page_showing(coming))
        parts += [Text("\nSources", style="bold cyan"), listed]
    return Page(parts, MAX_WIDTH)


def _page_showing(coming: Coming) -> Callable[[Citation], str]:
    """For a source left out as a spoiler, the command of each title whose news cites it:
    `upcoming` has no --spoilers, and the page lists many titles."""
    slugs: dict[str, list[str]] = {}
    for entry in coming.entries:
        for citation in entry.citations:
            citing = slugs.setdefault(citation.id, [])
            if entry.slug not in citing:
                citing.append(entry.slug)

    def hint(citation: Citation) -> str:
        pages = " or ".join(spoilers_command(slug) for slug in slugs.get(citation.id, ()))
        return f"{pages} shows it" if pages else ""

    return hint

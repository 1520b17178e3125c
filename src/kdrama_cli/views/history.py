"""The report of `kdrama seen import` as lines of text: what a viewing history matched, what it
added to the seen list (or would), and the rows it left out. No Rich: the report is a few
lines of prose, printed as they are (as `data path` prints its list), and its `--json` twin
is views.jsonview.history_import_json."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kdrama_cli.answers.seen import HistoryMatch, ImportedTitle, Merged, Reading
from kdrama_cli.catalogue.wording import named_apart
from kdrama_cli.errors import command_line, shell_quote
from kdrama_cli.views.text import clean, count_of, season_label, seasons_label

#: How many of the titles that matched nothing the report names (--json gives them all).
UNMATCHED_SHOWN = 10


def history_import_lines(
    match: HistoryMatch,
    merged: Merged,
    titles: Sequence[ImportedTitle],
    dry_run: bool,
    apart: Mapping[str, str],
) -> list[str]:
    """The report: the counts, each title that gains something (a title new to the list, or
    seasons new to it), the rows left out for a season not out yet or not held, and the
    titles that matched nothing, the most watched first. ``apart``: what tells a title apart
    from others of its name (answers.finding.told_apart_in_catalogue), by slug."""
    added = " would be added" if dry_run else " added"
    row = "exported title" if match.by_slug else "viewing row"
    lines = [
        f"{count_of(match.rows, row)}: {match.matched_rows:,} matched "
        f"{count_of(len(match.matched), 'title')} in the catalogue "
        f"({count_of(merged.new_titles, 'new title')}, "
        f"{count_of(merged.new_seasons, 'new season')}{added})."
    ]
    gained = [t for t in titles if t.new_title or t.new_seasons]
    if gained:
        lines.append("Would be added:" if dry_run else "Added:")
        lines.extend(_gained_line(title, apart.get(title.show.slug)) for title in gained)
    if match.unreleased:
        rows = sum(left.rows for left in match.unreleased)
        listed = ", ".join(
            _season_of(clean(named_apart(left.show.title, apart.get(left.show.slug))), left.season)
            for left in match.unreleased
        )
        which = "is for a season" if rows == 1 else "are for seasons"
        lines.append(
            f"{count_of(rows, 'row')} {which} not released yet in the catalogue, not added "
            f"(as `kdrama seen add` refuses them): {listed}."
        )
    for left in match.missing_seasons:
        lines.append(f"{count_of(left.rows, 'row')} not added: {clean(left.reason)}.")
    read = {reading.slug: reading for reading in match.readings}
    if match.unmatched and match.by_slug:  # slugs of another catalogue, or a dataset of one's own
        slugs = ", ".join(
            clean(slug) + _read_as(read.get(slug)) for slug, _ in match.unmatched[:UNMATCHED_SHOWN]
        )
        more = len(match.unmatched) - UNMATCHED_SHOWN
        lines.append(
            f"{count_of(len(match.unmatched), 'title')} not in this catalogue, not added: {slugs}"
            + (f" and {more:,} more (--json lists them all)." if more > 0 else ".")
        )
        if read:
            first = next(iter(read))
            one = len(read) == 1
            how = f"{shell_quote(first)} marks it" if one else "OLD-ID marks one"
            which = "The id read as a title has" if one else "Each id read as a title has"
            lines.append(
                f"{which} been renamed or merged since the export:"
                f" {command_line(f'seen add {how}')}."
            )
    elif match.unmatched:
        unmatched_rows = sum(count for _, count in match.unmatched)
        lines.append(
            f"{count_of(unmatched_rows, 'row')} ({count_of(len(match.unmatched), 'title')}) "
            "matched nothing in the catalogue (most are not Korean); the most watched:"
        )
        shown = match.unmatched[:UNMATCHED_SHOWN]
        lines.extend(f"  {count:>4}  {clean(title)}" for title, count in shown)
        if len(shown) < len(match.unmatched):
            lines.append(
                f"  … and {len(match.unmatched) - len(shown):,} more: --json lists them all"
            )
    return lines


def _read_as(reading: Reading | None) -> str:
    """' (read as Heart Blackened, heart-blackened, now)' after an exported id the catalogue no
    longer has, which the title finder reads as a title (answers.seen.gone_readings)."""
    if reading is None:
        return ""
    season = f" {season_label(reading.season)}" if reading.season is not None else ""
    return f" (read as {clean(reading.show.title)}{season}, {reading.show.slug}, now)"


def _season_of(title: str, season: int | None) -> str:
    """'All of Us Are Dead S2'."""
    return title + (f" {season_label(season)}" if season is not None else "")


def _gained_line(title: ImportedTitle, apart: str | None) -> str:
    """'  Squid Game S1, S2' (the seasons new to the list); '  Train to Busan' (a film)."""
    seasons = f" {seasons_label(title.new_seasons)}" if title.new_seasons else ""
    return f"  {clean(named_apart(title.show.title, apart))}{seasons}"

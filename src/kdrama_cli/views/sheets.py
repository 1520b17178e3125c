"""Tables for scripts: ``--csv`` and ``--tsv`` (the column contract is in docs/output.md).

Each command that prints a table has a sheet here: a header of stable, documented column names
(``COLUMNS``) and one row per table row, with machine values (numbers as numbers, dates as ISO
strings, the slug or person id beside every name). Lists inside a cell are joined with "; ".

CSV follows RFC 4180 quoting with "\\n" line ends; TSV has no quoting. In both, a value is made
safe as a page's text is (``cell``, through ``clean``): a tab or a line break becomes a space,
so that every row is one line, and control characters, terminal codes and bidirectional
controls are left out. No Rich here: these paths stay as fast as ``--json``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from kdrama_cli.answers.charts import ChartWeek
from kdrama_cli.answers.compare import Comparison, SeasonsOut, leading_sign
from kdrama_cli.answers.leaderboards import Board, BoardEntry
from kdrama_cli.answers.listing import top10_total
from kdrama_cli.answers.person_page import PersonDetail
from kdrama_cli.answers.show_page import CastEntry
from kdrama_cli.answers.spoilers import covered_roles, hidden, shown_note
from kdrama_cli.catalogue.models import Citation, Show, ShowSummary, seasons_of
from kdrama_cli.views.text import (
    announced_label,
    characters_label,
    clean,
    coming_words,
    lookup_command,
    season_label,
    seen_credit_label,
    tied_ranks,
)

#: Every sheet's columns, in order: the contract scripts rely on (docs/output.md lists them,
#: and tests/test_sheets.py checks both agree with what is printed).
COLUMNS: dict[str, tuple[str, ...]] = {
    "list": (
        "slug",
        "title",
        "korean_title",
        "kind",
        "year",
        "first_date",
        "platform",
        "seasons",
        "genres",
        "source_work",
        "source_kind",
        "top10_hours",
        "top10_views",
        "completeness",
        "released_seasons",
        "top10_views_partial",
        "top10_to",
        "platforms",
        "source_platform",
        "source_work_title",
    ),
    "search": (
        "rank",
        "kind",
        "label",
        "matched",
        "target",
        "command",
        "person",
        "actor",
        "seasons",
        "score",
        "capacity",
        "slugs",
    ),
    "values": ("value", "titles"),
    "top": (
        "rank",
        "slug",
        "title",
        "korean_title",
        "season",
        "metric",
        "value",
        "unit",
        "window",
        "window_label",
        "as_of",
        "list",
        "netflix_rank",
        "netflix_title",
        "before_top10",
        "partial_days",
        "week_by_week",
        "debut",
    ),
    "chart": ("slug", "title", "week", "season", "rank", "hours", "views", "list", "partial_days"),
    "cast": (
        "slug",
        "title",
        "person",
        "actor",
        "actor_hangul",
        "character",
        "character_hangul",
        "character_unknown",
        "role",
        "seasons",
        "announced_seasons",
        "note",
        "spoiler",
        "source_urls",
    ),
    "person": (
        "person",
        "name",
        "slug",
        "title",
        "korean_title",
        "year",
        "capacity",
        "character",
        "character_hangul",
        "character_unknown",
        "role",
        "seasons",
        "source_urls",
        "announced_seasons",
        "seen",
        "seen_seasons",
        "work_id",
        "work_title",
    ),
    "compare": (
        "slug",
        "title",
        "field",
        "value",
        "unit",
        "window",
        "season",
        "leader",
        "before_top10",
        "broadcaster",
        "debut",
        "as_of",
        "other_values",
        "other_notes",
        "note",
        "release_unknown",
        "week_by_week",
    ),
    "seen list": (
        "slug",
        "title",
        "korean_title",
        "kind",
        "seasons",
        "released_seasons",
        "in_catalogue",
        "year",
    ),
    "seen people": ("rank", "person", "name", "hangul", "titles", "seen_in", "seen_in_label"),
    "similar": ("rank", "slug", "title", "score", "reasons"),
    "upcoming": (
        "slug",
        "title",
        "korean_title",
        "season",
        "status",
        "status_date",
        "as_of",
        "release_date",
        "release_window",
        "stale",
        "note",
        "source_urls",
        "release_passed",
        "window_passed",
        "on_netflix_by",
        "news_date",
        "on_netflix_source_urls",
    ),
}


class Sheet(NamedTuple):
    name: str
    rows: list[tuple[Any, ...]]

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS[self.name]


def cell(value: Any) -> str:
    """One value as sheet text: '' for nothing, numbers without a needless '.0', ISO dates,
    lists joined with '; ', booleans as true/false; text cleaned as a page's is (a tab or a
    line break a space, controls and bidirectional controls left out)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return clean(str(value))


def render(sheet: Sheet, fmt: str) -> str:
    """The sheet as CSV or TSV text: a header row, then the rows; every line ends in "\\n"."""
    width = len(sheet.columns)
    rows = [sheet.columns, *([cell(v) for v in row] for row in sheet.rows)]
    for row in rows[1:]:
        assert len(row) == width, (sheet.name, row)
    if fmt == "tsv":
        flat = (
            "\t".join(" ".join(value.replace("\t", " ").splitlines()) for value in row)
            for row in rows
        )
        return "".join(line + "\n" for line in flat)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def list_sheet(shows: Sequence[ShowSummary], top10_to: str | None = None) -> Sheet:
    """The catalogue's rows, with the keys of ``list --json`` (summary_record): ``seasons``,
    kept for compatibility, and ``released_seasons`` are both the count out, 0 for a film;
    ``top10_to``, the week the Top 10 sums run to."""
    return Sheet(
        "list",
        [
            (
                s.slug,
                s.title,
                s.korean_title,
                s.kind,
                s.year,
                s.first_date,
                s.platform,
                s.seasons or 0,
                s.genres,
                s.source_work,
                s.source_kind,
                top10_total(s, "hours-viewed"),
                top10_total(s, "views"),
                s.completeness,
                s.seasons or 0,
                s.top10_views_partial,
                top10_to,
                s.platforms,
                s.source_platform,
                s.source_work_title,
            )
            for s in shows
        ],
    )


def search_sheet(results: Sequence[Any]) -> Sheet:
    rows = []
    for number, r in enumerate(results, start=1):
        rows.append(
            (
                number,
                r.kind,
                r.label,
                r.matched,
                r.target,
                lookup_command(r.kind, r.target, r.season),
                r.person,
                r.actor,
                r.seasons,
                r.score,
                r.capacity,
                r.slugs if r.capacity else None,
            )
        )
    return Sheet("search", rows)


def values_sheet(found: Iterable[tuple[str, int]]) -> Sheet:
    return Sheet("values", [(value, count) for value, count in found])


def board_sheet(entries: Sequence[BoardEntry], board: Board) -> Sheet:
    # every entry carries its own metric, unit and window; the board says whether week_by_week
    # is asked (best-week-views only)
    views = board.origin == "top10-views"
    return Sheet(
        "top",
        [
            (
                number,
                e.show.slug,
                e.show.title,
                e.show.korean_title,
                e.season,
                e.stat.metric,
                e.stat.value,
                e.stat.unit,
                e.stat.window,
                e.stat.window_label,
                e.stat.as_of,
                e.stat.list,
                e.netflix_rank,
                e.netflix_title,
                e.before_top10,
                e.partial_days,
                e.week_by_week if views else None,
                e.debut,
            )
            for number, e in zip(tied_ranks([e.stat.value for e in entries]), entries, strict=True)
        ],
    )


def chart_sheet(charts: Sequence[tuple[Show, Sequence[ChartWeek]]]) -> Sheet:
    return Sheet(
        "chart",
        [
            # partial_days: a week the release cut short (empty for a whole week), as --json
            (
                show.slug,
                show.title,
                w.week,
                w.season,
                w.rank,
                w.hours,
                w.views,
                w.list,
                w.partial_days,
            )
            for show, weeks in charts
            for w in weeks
        ],
    )


def cast_sheet(
    groups: Sequence[tuple[Show, Sequence[CastEntry]]],
    citations: Sequence[Citation],
    spoilers: bool = False,
) -> Sheet:
    """A row per credit, with the addresses of what it rests on (``citations``: those the
    credits name, answers.cast.cast_citations), as `--json`'s ``sources`` give them.
    Without ``spoilers`` a flagged note is withheld (an empty cell), as on the cast page, and
    so is the address of a citation flagged as a spoiler (shown_urls)."""
    urls = shown_urls(citations, spoilers)
    rows = []
    for show, entries in groups:
        covered = covered_roles(entries, spoilers)
        for entry in entries:
            credit = entry.credit
            rows.append(
                (
                    show.slug,
                    show.title,
                    entry.person.id,
                    entry.person.name,
                    entry.person.hangul,
                    credit.character,
                    credit.character_hangul,
                    credit.character_unknown,
                    credit.role,
                    seasons_of(credit, show),
                    entry.announced_seasons,
                    shown_note(credit, spoilers, covered),
                    credit.spoiler if spoilers else None,
                    _addresses(entry.sources, urls),
                )
            )
    return Sheet("cast", rows)


def person_sheet(
    detail: PersonDetail,
    spoilers: bool = False,
    marks: Sequence[tuple[int, ...] | None] | None = None,
) -> Sheet:
    """A row per credit, with the addresses of what it rests on (as cast_sheet) and what you
    have seen of it (``marks``, one per credit: answers.seen.credits_seen; None without a seen
    list)."""
    urls = shown_urls(detail.citations, spoilers)
    person = detail.person
    rows = []
    for index, entry in enumerate(detail.credits):
        seen = marks[index] if marks else None
        credit = entry.credit
        rows.append(
            (
                person.id,
                person.name,
                entry.show.slug,
                entry.show.title,
                entry.show.korean_title,
                entry.show.year,
                entry.capacity,
                credit.character if credit else None,
                credit.character_hangul if credit else None,
                credit.character_unknown if credit else None,
                credit.role if credit else None,
                seasons_of(credit, entry.show) if credit else (),
                _addresses(entry.sources, urls),
                entry.announced,
                seen is not None,
                seen or (),
                entry.work.id if entry.work else None,
                entry.work.title if entry.work else None,
            )
        )
    return Sheet("person", rows)


def shown_urls(citations: Iterable[Citation], spoilers: bool) -> dict[str, str]:
    """Each citation's address by its id, but, without ``spoilers``, those of citations
    flagged as spoilers: an address often repeats the headline that gives a result away, and
    the page hides both (the command says on stderr how many it left out)."""
    return {c.id: c.url for c in citations if not hidden(c, spoilers)}


def _addresses(ids: Iterable[str], urls: Mapping[str, str]) -> list[str]:
    return [urls[i] for i in ids if i in urls]


def _coming(seasons: SeasonsOut) -> list[str]:
    """compare's coming seasons, each as its page's Seasons cell words it: 'S2 announced since
    2022-08-17, as of 2023-06-09, stale'."""
    return [f"{season_label(s.number)} {coming_words(s, stale)}" for s, stale in seasons.coming]


def compare_sheet(comparison: Comparison) -> Sheet:
    """One row per title and field (a long table: the columns stay the same whatever is
    compared); figures carry their unit, window and season, and whether that title leads."""
    shows = comparison.shows
    rows: list[tuple[Any, ...]] = []

    # the columns after slug, title, field and value that a row of a title's own field or of
    # the cast in common leaves empty
    blank = (None,) * (len(COLUMNS["compare"]) - 4)

    def field(name: str, values: Sequence[Any]) -> None:
        for show, value in zip(shows, values, strict=True):
            rows.append((show.slug, show.title, name, value, *blank))

    field("korean_title", [s.korean_title for s in shows])
    field("kind", [s.kind for s in shows])
    field("first_year", [s.first_date.year if s.first_date else None for s in shows])
    field("last_year", [s.last_year for s in shows])
    field("platform", [s.platform for s in shows])
    field("platforms", [list(s.platforms) for s in shows])
    field("seasons", [seasons.out for seasons in comparison.seasons])  # 0 for a film, as list
    field(
        "on_netflix_seasons",
        [list(seasons.on_netflix_numbers) or None for seasons in comparison.seasons],
    )
    field("coming_seasons", [_coming(seasons) or None for seasons in comparison.seasons])
    field("episodes", [s.episodes for s in shows])
    field("source_work", [w.title if w else None for w in comparison.source_works])
    field("source_work_id", [w.id if w else None for w in comparison.source_works])
    field("directors", [[p.name for p in group] for group in comparison.directors])
    field("writers", [[p.name for p in group] for group in comparison.writers])
    field("genres", [s.genres for s in shows])
    for stat_row in comparison.stats:
        for index, (show, value) in enumerate(zip(shows, stat_row.values, strict=True)):
            if value is None:
                continue
            rows.append(
                (
                    show.slug,
                    show.title,
                    stat_row.metric,
                    value,
                    stat_row.unit,
                    stat_row.windows,
                    stat_row.season,
                    _leads(stat_row.metric, stat_row.leader, index),
                    stat_row.before_top10[index] if stat_row.before_top10 else None,
                    stat_row.broadcaster,
                    stat_row.debuts[index] if stat_row.debuts else None,
                    stat_row.as_of[index],
                    # the title's other figures of the row, which can leave it without a
                    # leader, and the note of each, which tells it from the figure in value
                    [s.value for s in stat_row.others[index]] if stat_row.others else None,
                    [_item(s.note) for s in stat_row.others[index]] if stat_row.others else None,
                    stat_row.notes[index] if stat_row.notes else None,
                    stat_row.release_unknown[index] if stat_row.release_unknown else None,
                    stat_row.week_by_week[index] if stat_row.week_by_week else None,
                )
            )
    for shared in comparison.shared_cast:
        for index, (show, characters) in enumerate(zip(shows, shared.characters, strict=True)):
            if characters:
                played = f"{shared.person.name} as {characters_label(characters)}"
                played += announced_label(shared.seasons[index], shared.announced[index])
                rows.append((show.slug, show.title, "shared_cast", played, *blank))
    return Sheet("compare", rows)


def _item(text: str | None) -> str | None:
    """Text as one item of a cell's list: its own '; ' written ', ', so that '; ' only ever
    separates the items (compare's other_notes, one per figure of other_values: "Netflix's
    title: Brave Detectives: Season 4: 2024, not available globally")."""
    return clean(text).replace("; ", ", ") if text else None


def _leads(metric: str, leader: int | None, index: int) -> bool | None:
    """Whether the title at ``index`` leads its row; empty for a figure that is not ranked."""
    if leading_sign(metric) is None:
        return None
    return index == leader


def seen_sheet(titles: Sequence[Any], missing: Sequence[tuple[str, tuple[int, ...]]] = ()) -> Sheet:
    """As jsonview.seen_json: the titles the catalogue lacks last, with empty cells."""
    rows: list[tuple[Any, ...]] = [
        (
            t.show.slug,
            t.show.title,
            t.show.korean_title,
            t.show.kind,
            t.seasons,
            t.out,
            True,
            t.show.year,
        )
        for t in titles
    ]
    rows += [(slug, None, None, None, seasons, None, False, None) for slug, seasons in missing]
    return Sheet("seen list", rows)


def seen_people_sheet(people: Sequence[Any]) -> Sheet:
    return Sheet(
        "seen people",
        [
            (
                number,
                p.person.id,
                p.person.name,
                p.person.hangul,
                len(p.credits),
                [c.show.slug for c in p.credits],
                # ', ' between a character and a crew role: '; ' separates the titles
                [seen_credit_label(c, between=", ") for c in p.credits],
            )
            for number, p in zip(tied_ranks([len(p.credits) for p in people]), people, strict=True)
        ],
    )


def upcoming_sheet(coming: Any) -> Sheet:
    """`kdrama upcoming --csv` (an answers.upcoming.Coming): a row per coming season, with the
    addresses of its sources but those flagged as spoilers (an address often repeats the
    headline that gives a result away, and upcoming has no --spoilers: the page and the
    calendar leave them out too; views.text.upcoming_hidden says so). ``news_date`` and the
    addresses of the Netflix list that has the season out are `--json`'s ``news_date`` and
    ``on_netflix_source``, so the sheet carries every field the JSON does."""
    return Sheet(
        "upcoming",
        [
            (
                e.slug,
                e.title,
                e.korean_title,
                e.season.number,
                e.season.status,
                e.season.status_date,
                e.season.as_of,
                e.season.release_date,
                e.season.release_window,
                e.stale,
                e.season.note,
                [c.url for c in e.citations if not hidden(c, spoilers=False)],
                e.release_passed,
                e.window_passed,
                e.on_netflix.by if e.on_netflix else None,
                e.news_date,
                _listing_urls(e),
            )
            for e in coming.entries
        ],
    )


def _listing_urls(entry: Any) -> list[str | None]:
    """The addresses of the citations of the Netflix list that has an upcoming season out
    (none when no list has it), but those flagged as spoilers, as ``source_urls``."""
    listed = set(entry.on_netflix.sources) if entry.on_netflix else set()
    return [c.url for c in entry.citations if c.id in listed and not hidden(c, spoilers=False)]


def similar_sheet(answer: Any) -> Sheet:
    """`kdrama similar SHOW --csv` (an answers.similar.Similar): a row per title, its reasons
    as "kind: detail (+weight)" joined with "; "."""
    return Sheet(
        "similar",
        [
            (
                rank,
                r.slug,
                r.title,
                r.score,
                [f"{x.kind}: {x.detail} (+{x.weight})" for x in r.reasons],
            )
            for rank, r in enumerate(answer.results, start=1)
        ],
    )

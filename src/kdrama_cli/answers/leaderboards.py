"""Leaderboards: title-seasons ranked by one figure of Netflix's weekly Top 10 or of an
engagement report, and the citations behind the figures (no printing)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kdrama_cli.answers.charts import (
    ViewsRuntime,
    divided_by_part,
    out_before_top10,
    partial_days,
    views_runtime,
)
from kdrama_cli.catalogue.models import (
    WEEKLY_VIEWS_FROM,
    Citation,
    Dataset,
    Show,
    Stat,
    fetch,
    half_year_months,
    lists_by_report,
    rows_of_one_source,
    window_end,
    window_start,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.report_notes import read_note
from kdrama_cli.catalogue.vocab import (
    REPORT_SHEETS,
    TOP10_LISTS,
    all_time_rank,
    report_lists,
)

if TYPE_CHECKING:
    from kdrama_cli.answers.charts import ChartWeek


class Board(Record):
    """One comparable figure: a metric over one window, for each title-season that has it."""

    key: str
    label: str
    metric: str
    unit: str
    window_prefix: str
    #: For weekly figures, the best single week is taken.
    best_week: bool = False
    #: Where Netflix publishes the figure, which bounds how many titles can have it:
    #: 'most-popular' (only its all-time Most Popular lists, ten titles a category), 'top10'
    #: (its weekly global Top 10), 'top10-views' (the same, from WEEKLY_VIEWS_FROM), 'report'
    #: (one half-year engagement report).
    origin: str = "top10"
    #: The figure as a sentence names it, for a report's board: "the report gives no views".
    noun: str = ""


BOARDS = {
    board.key: board
    for board in (
        Board(
            "hours-28",
            "Hours viewed in the first 28 days",
            "hours-viewed",
            "hours",
            "first-28-days",
            origin="most-popular",
        ),
        Board(
            "hours-91",
            "Hours viewed in the first 91 days",
            "hours-viewed",
            "hours",
            "first-91-days",
            origin="most-popular",
        ),
        Board(
            "views-91",
            "Views in the first 91 days",
            "views",
            "views",
            "first-91-days",
            origin="most-popular",
        ),
        Board(
            "weeks", "Weeks in Netflix's global Top 10", "weeks-in-top10", "weeks", "cumulative:"
        ),
        Board(
            "best-week",
            "Hours viewed in the best single week",
            "hours-viewed",
            "hours",
            "week:",
            True,
        ),
        Board(
            "best-week-views",
            "Views in the best single week",
            "views",
            "views",
            "week:",
            True,
            origin="top10-views",
        ),
    )
}


#: Boards over one of Netflix's half-year engagement reports (one report at a time): metric,
#: unit, the board's label, and the figure as a sentence names it.
REPORT_BOARDS = {
    "report-hours": ("hours-viewed", "hours", "Hours viewed", "hours viewed"),
    "report-views": ("views", "views", "Views", "views"),
}


def reports_in(dataset: Dataset) -> list[str]:
    """The engagement reports the dataset has figures from ('2023H1', ...), oldest first."""
    return sorted(_lists_by_report(dataset))


def reports_with_sheets(dataset: Dataset) -> list[str]:
    """The reports whose figures are ranked a sheet at a time (vocab.report_lists: from
    July-December 2023 on, Netflix's workbook has a TV sheet and a film sheet), oldest first:
    those `top --list tv|films` can rank."""
    sheets = set(REPORT_SHEETS.values())
    return sorted(
        report
        for report, named in _lists_by_report(dataset).items()
        if (report_lists(named) or frozenset()) & sheets
    )


def _lists_by_report(dataset: Dataset) -> dict[str, set[str | None]]:
    """Each report the dataset has figures from ('2025H1'), and the lists its figures name."""
    named = lists_by_report(dataset.shows.values())
    return {window[len("half-year:") :]: lists for window, lists in named.items()}


def report_board(key: str, report: str) -> Board:
    """The board of one metric in one report: 'report-hours' in '2023H1'."""
    metric, unit, label, noun = REPORT_BOARDS[key]
    half = half_year_months(report.endswith("H1"))
    title = f"{label} in Netflix's engagement report, {half} {report[:4]}"
    return Board(key, title, metric, unit, f"half-year:{report}", origin="report", noun=noun)


def reports_ranking(dataset: Dataset, key: str, kind: str | None = None) -> list[str]:
    """The reports whose ``key`` board ('report-views') ranks a title (of ``kind``), oldest
    first: where to look when the board of one report is empty."""
    metric, unit, _, _ = REPORT_BOARDS[key]
    found: set[str] = set()
    for show in dataset.shows.values():
        if kind and show.kind != kind:
            continue
        found.update(
            stat.window[len("half-year:") :]
            for stat in show.stats
            if stat.metric == metric and stat.unit == unit and stat.window.startswith("half-year:")
        )
    return sorted(found)


class BoardEntry(Record):
    show: Show
    season: int | None
    stat: Stat
    #: Netflix's own rank of the figure on its all-time Most Popular list (a board of one of
    #: those lists), from the figure's note; None elsewhere. A board ranks the catalogue's
    #: titles only, so its own positions are not Netflix's.
    netflix_rank: int | None = None
    #: Netflix's own title for the figure's row, where the board ranks the title-season more
    #: than once (an engagement report listing a season under two of its titles: 'Brave
    #: Detectives: Season 4: 2025' and '...: 2024'); None elsewhere.
    netflix_title: str | None = None
    #: On a board taken over Netflix's weekly lists (weeks in them, a best week): the
    #: title-season came out before they begin (answers.charts.out_before_top10), so its
    #: weeks before then, perhaps its best, are not counted (Sweet Home S1, out in 2020, has
    #: one week in them, in 2023).
    before_top10: bool = False
    #: On a best-week board: how many days the week's figure covers when fewer than seven,
    #: the season (or film) having come out on Netflix during that week, its first in the list
    #: (Squid Game S2's 487.6M hours are of 4 days, from a Thursday; The Pirates: The Last Royal
    #: Treasure's of 5, on Netflix five weeks after cinemas), as its first-N-days figure of that
    #: week says and `show` labels it ("first 4 days"); None for a whole week.
    partial_days: int | None = None
    #: On the best-week-views board: what the week's views were divided by and the season's
    #: whole runtime (answers.charts.ViewsRuntime); None on every other board.
    runtime: ViewsRuntime | None = None
    #: On a report's board: the day the title-season came out on Netflix where that is within
    #: the half-year (answers.compare.came_out), so its figure counts only the days from then
    #: to the half-year's end, not the whole half-year its neighbours' may (Mask Girl's 18.5M
    #: views of July-December 2023 are of 136 days, from 2023-08-18); None for one out before
    #: the half-year began, one whose day is unknown, and on every other board.
    debut: dt.date | None = None

    @property
    def week_by_week(self) -> bool:
        """Whether the figure is a week's views of a season released week by week, divided by
        the episodes out by then (Tastefully Yours' 6.6M views of its first week: 2 hours of
        its 10): such a best week is not measured as one out all at once is."""
        return divided_by_part(self.runtime)


class Ranking(Record):
    """A board's rows, and the counts that say why it holds fewer than were asked for."""

    #: Best first, at most ``limit``, only of ``kind`` when given.
    entries: tuple[BoardEntry, ...]
    #: Title-seasons with the figure of ``kind`` (all of them, before ``limit``).
    ranked: int
    #: Title-seasons with the figure, of any kind.
    with_figure: int
    kind: str | None
    limit: int | None
    #: The Netflix list the board ranks: a Top 10 list, or a report's sheet ("What We
    #: Watched: TV"; "What We Watched" for the report of one sheet); None where no figure
    #: names a list (a dataset of one's own), which ranks them all together.
    chart_list: str | None = None
    #: The other lists with this figure, and how many title-seasons (of ``kind``) each has.
    other_lists: tuple[tuple[str, int], ...] = ()
    #: Every list with this figure, and how many title-seasons of any kind each has: where the
    #: titles are when none of ``kind`` has the figure on any list.
    any_kind: tuple[tuple[str, int], ...] = ()
    #: Title-seasons (of ``kind``) whose figure names no list, where others name theirs: on
    #: no list's board, so the board says they were left out.
    unlisted: tuple[BoardEntry, ...] = ()
    #: On a board of weekly views (from WEEKLY_VIEWS_FROM): the title-seasons (of ``kind``,
    #: on the board's list) whose best week by hours came before Netflix published views, so
    #: their best week's views are not known (Squid Game S1's, in 2021, has hours only). Left
    #: off the board, which says so, rather than ranked by their best week since. One that
    #: charted before but peaked since (Bloodhounds S1) is ranked: views are hours / runtime.
    before_views: tuple[BoardEntry, ...] = ()
    #: On a board of an all-time Most Popular list: the unit Netflix ranks that list by
    #: ('views' for the 91-day lists, 'hours' for the 28-day ones), which its ranks
    #: (BoardEntry.netflix_rank) follow even on a board of the other unit; None elsewhere.
    netflix_ranked_by: str | None = None
    #: The title-seasons with the figure on the board's list that ``kind`` left out, best
    #: first: Netflix's films list counts a special (Kingdom: Ashin of the North), which
    #: --kind film leaves off the board, and the board names it.
    other_kinds: tuple[BoardEntry, ...] = ()

    @property
    def short(self) -> bool:
        """Fewer rows than --limit asked for."""
        return self.limit is not None and len(self.entries) < self.limit

    @property
    def filtered(self) -> bool:
        """--kind left out titles that have the figure."""
        return self.with_figure > self.ranked


def leaderboard(
    dataset: Dataset,
    board: Board,
    kind: str | None = None,
    limit: int | None = 10,
    chart_list: str | None = None,
) -> Ranking:
    """Title-seasons ranked by one metric over one window; figures of other windows never mix.
    Titles of every kind are counted, so a board emptied by ``kind`` can say so.

    A board ranks one of Netflix's lists (``chart_list``: a TOP10_LISTS value, or for a
    report's board a sheet of the report, a REPORT_SHEETS value; by default _default_list's)
    and names the others. Netflix's engagement reports list TV and films on sheets of their
    own from July-December 2023 on; January-June 2023's one sheet is the one list of its
    board."""
    everything = _board_entries(dataset, board)
    before: list[BoardEntry] = []
    if board.origin == "top10-views":
        before = [e for e in everything if _charted_before_views(e)]
        everything = [e for e in everything if not _charted_before_views(e)]
    listed, apart = _listed_apart(board, everything)
    counts = {entry.stat.list or "": 0 for entry in listed}
    if not counts:  # no figure names a list (a dataset of one's own): nothing to keep apart
        earlier = _ranked(before, kind, None).entries
        return _ranked(everything, kind, limit)._replace(before_views=earlier)
    any_kind = dict(counts)
    for entry in listed:
        any_kind[entry.stat.list or ""] += 1
        if not kind or entry.show.kind == kind:
            counts[entry.stat.list or ""] += 1
    if chart_list is None:
        chart_list = _default_list(board, counts, kind)
    ranking = _ranked([e for e in listed if e.stat.list == chart_list], kind, limit)
    if board.origin == "most-popular":
        ranking = ranking._replace(netflix_ranked_by=_all_time_measure(dataset, board, chart_list))
    unlisted = _ranked(apart, kind, None).entries
    earlier = _ranked([e for e in before if e.stat.list == chart_list], kind, None).entries
    others = tuple(
        (name, count) for name, count in _by_size(counts) if name != chart_list and count
    )
    everywhere = tuple((name, count) for name, count in _by_size(any_kind) if count)
    return ranking._replace(
        chart_list=chart_list,
        other_lists=others,
        any_kind=everywhere,
        unlisted=unlisted,
        before_views=earlier,
    )


def _default_list(board: Board, counts: dict[str, int], kind: str | None) -> str:
    """The list a board ranks when none is asked for, of those ``counts`` holds (each with
    its title-seasons of ``kind``): the one with the most, ties in _list_place order.

    A report's board ranks its TV sheet, where it has one, unless ``kind`` picks the sheet
    with the most of that kind (the Films sheet for --kind film): which of two sheets of some
    460 title-seasons each holds one more (January-June 2024's Films sheet) is no reason to
    rank the films."""
    tv_sheet = REPORT_SHEETS["tv"]
    if board.origin == "report" and kind is None and tv_sheet in counts:
        return tv_sheet
    return min(counts, key=lambda name: (-counts[name], _list_place(name), name))


def _charted_before_views(entry: BoardEntry) -> bool:
    """Whether the entry's title-season's best week in the Top 10 list of its figure is before
    Netflix published weekly views, so its best week by views is not known.

    Netflix's weekly views are the week's hours divided by the runtime out by then: for a
    season out all at once its whole runtime, which does not change, so its best week by
    views is its best week by hours, and a season in the Top 10 before then whose hours
    peaked later (Bloodhounds S1: 28M hours in its first week, 65.9M in the week ending
    2023-06-18) has its best week's views. Only one whose best week by hours came first
    (Squid Game S1, in 2021) is unknown; so is one with a week before whose hours are not
    given, which might have been its best. A season released week by week is otherwise: its
    runtime grows (Culinary Class Wars S1 had the most views, 4.9M, in the week ending
    2024-09-29, the most hours a week later, with 4M views): were one in the Top 10 week by
    week on both sides of June 2023, its early weeks, unpublished, might have had more views
    than its best week by hours, which this rule would not know."""
    before: dict[str, float | None] = {}
    since: float | None = None
    for stat in entry.show.stats:
        if not stat.window.startswith("week:") or stat.metric not in ("rank", "hours-viewed"):
            continue
        if stat.season != entry.season or stat.list != entry.stat.list:
            continue
        week = stat.window[5:]
        hours = stat.value if stat.metric == "hours-viewed" else None
        if dt.date.fromisoformat(week) < WEEKLY_VIEWS_FROM:
            if hours is not None or week not in before:
                before[week] = hours
        elif hours is not None:
            since = hours if since is None else max(since, hours)
    return any(hours is None or since is None or hours > since for hours in before.values())


def _all_time_measure(dataset: Dataset, board: Board, chart_list: str) -> str | None:
    """The unit ('hours', 'views') by which Netflix ranks its all-time Most Popular list
    ``chart_list`` of ``board``'s window, read from the figures its ranks are noted on.

    A unit whose figures fall as Netflix's ranks rise can be the one it ranks by. Where the
    list gives both (the 91-day lists), both may fall among the catalogue's few titles, and
    views are the measure: Netflix gives views only on the lists it ranks by views (its
    28-day lists, ranked by hours, give none). None where no unit agrees with the ranks."""
    figures: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for show in dataset.shows.values():
        for stat in show.stats:
            if stat.window != board.window_prefix or stat.list != chart_list:
                continue
            rank = all_time_rank(stat.note, stat.list)
            if rank is not None and stat.unit in ("hours", "views"):
                figures[stat.unit].append((rank, stat.value))
    agreeing = [
        unit
        for unit in ("views", "hours")
        if unit in figures and _falling(sorted(figures[unit], key=lambda f: (f[0], -f[1])))
    ]
    return agreeing[0] if agreeing else None


def _falling(ranked: Sequence[tuple[int, float]]) -> bool:
    """Whether figures in Netflix's rank order, (rank, value), never rise."""
    return all(earlier[1] >= later[1] for earlier, later in itertools.pairwise(ranked))


def _listed_apart(
    board: Board, entries: list[BoardEntry]
) -> tuple[list[BoardEntry], list[BoardEntry]]:
    """The entries on a list the board can rank, and those on none, which belong to no board
    (the board says it left them out, and data check warns of them): a figure naming no list,
    or one Netflix does not have (a misspelt "TV (Non English)"); on a report's board, one
    naming none of its report's lists (vocab.report_lists: a sheet of a report of two)."""
    lists = report_lists(entry.stat.list for entry in entries) if board.origin == "report" else None
    listed: list[BoardEntry] = []
    apart: list[BoardEntry] = []
    for entry in entries:
        name = entry.stat.list
        on_one = name in lists if lists is not None else _netflix_list(name)
        (listed if on_one else apart).append(entry)
    return listed, apart


def _netflix_list(name: str | None) -> bool:
    """A figure's list is one of Netflix's (or several, joined as the importer joins them)."""
    from kdrama_cli.catalogue.vocab import lists_not_netflix

    return bool(name) and not lists_not_netflix(name or "")


def _by_size(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Lists and their counts, the largest first, then in TOP10_LISTS order."""
    return sorted(counts.items(), key=lambda item: (-item[1], _list_place(item[0])))


def cited_by(dataset: Dataset, figures: Iterable[Stat | ChartWeek]) -> tuple[Citation, ...]:
    """The citations of a board's or a chart's figures, each once, in the order first cited:
    what their page lists under Sources."""
    ids = dict.fromkeys(i for figure in figures for i in figure.sources)
    return fetch(dataset.citations, ids)


def list_option(name: str) -> str | None:
    """The word `top --list` takes for one of Netflix's lists or a report's sheets ("films"),
    None for another."""
    lists = (*TOP10_LISTS.items(), *REPORT_SHEETS.items())
    return next((word for word, listed in lists if listed == name), None)


def _list_place(name: str) -> int:
    """A list's place in TOP10_LISTS, then REPORT_SHEETS (TV first), after them a list it
    does not know."""
    places = [*TOP10_LISTS.values(), *REPORT_SHEETS.values()]
    return places.index(name) if name in places else len(places)


def _ranked(entries: list[BoardEntry], kind: str | None, limit: int | None) -> Ranking:
    best_first = sorted(entries, key=lambda e: (-e.stat.value, e.show.title, e.season or 0))
    ranked = [e for e in best_first if not kind or e.show.kind == kind]
    others = tuple(e for e in best_first if kind and e.show.kind != kind)
    shown = ranked[:limit] if limit else ranked
    return Ranking(tuple(shown), len(ranked), len(entries), kind, limit, other_kinds=others)


def _board_entries(dataset: Dataset, board: Board) -> list[BoardEntry]:
    """Each title-season's figure for the board (its best week for a best-week board), in
    whichever list it is.

    Where a title has two figures for one window, the rule `data check` follows decides
    (models.rows_of_one_source): two rows one source gives, each note naming what it counts
    (an engagement report that lists a season under two of Netflix's titles), are both
    ranked, each named by its Netflix title; a figure contradicting another (a layer's beside
    Netflix's, which data check warns about and `show` lists both of) leaves the board the
    one read first, the dataset below the layer's, never the larger: the one `compare` sets in
    its row's values (it gives the other beside it, and stars no title on that row)."""
    entries: list[BoardEntry] = []
    for show in dataset.shows.values():
        windows: dict[tuple[int | None, str | None], dict[str, list[Stat]]] = {}
        for stat in show.stats:
            if not _on_board(stat, board):
                continue
            rows = windows.setdefault((stat.season, stat.list), {}).setdefault(stat.window, [])
            if all(rows_of_one_source(row, stat) for row in rows):
                rows.append(stat)
        for (season, _), by_window in windows.items():
            # a board over many windows (weeks) takes the best one's rows
            rows = max(by_window.values(), key=lambda found: max(row.value for row in found))
            twice = len(rows) > 1
            entries.extend(
                BoardEntry(
                    show,
                    season,
                    stat,
                    _netflix_rank(board, stat),
                    read_note(stat.note)[0] if twice else None,
                    _before_top10(board, show, stat),
                    _partial_days(show, stat) if board.best_week else None,
                    views_runtime(show, stat) if board.origin == "top10-views" else None,
                    _debut(board, show, stat),
                )
                for stat in rows
            )
    return entries


def _on_board(stat: Stat, board: Board) -> bool:
    """Whether the figure is of the board's metric, in its unit, over its window (a window
    ending in ':' takes every window it begins: each week of a best-week board)."""
    if stat.metric != board.metric or stat.unit != board.unit:
        return False
    if board.window_prefix.endswith(":"):
        return stat.window.startswith(board.window_prefix)
    return stat.window == board.window_prefix


def _partial_days(show: Show, week: Stat) -> int | None:
    """The days a weekly figure covers when the season (or film) came out on Netflix during
    its week (answers.charts.partial_days); None for a whole week."""
    ends = window_end(week.window)
    return partial_days(show, week.season, week.list, ends) if ends is not None else None


def _debut(board: Board, show: Show, stat: Stat) -> dt.date | None:
    """On a report's board, the day the figure's season came out on Netflix where that is
    within the report's half-year (compare marks the same figure with the same day,
    StatRow.debuts); None otherwise."""
    if board.origin != "report":
        return None
    from kdrama_cli.answers.compare import came_out

    start, end = window_start(stat.window), window_end(stat.window)
    day = came_out(show, stat)
    if day is None or start is None or end is None:
        return None
    return day if start <= day <= end else None


def _before_top10(board: Board, show: Show, stat: Stat) -> bool:
    """Whether a board's figure leaves out weeks of its title-season, out before Netflix's
    weekly lists begin: a board of those lists' weeks (weeks in them, a best week) only."""
    return board.origin in ("top10", "top10-views") and out_before_top10(show, stat.season)


def _netflix_rank(board: Board, stat: Stat) -> int | None:
    """Netflix's rank of an all-time Most Popular figure, as its note gives it."""
    if board.origin != "most-popular":
        return None
    return all_time_rank(stat.note, stat.list)

"""Why a leaderboard or a chart has fewer rows or figures than asked for, in words.

The answers count (``Ranking``, ``weeks_before_views``) and say where Netflix publishes each
figure (``Board.origin``); this module only words it. No Rich: an empty board's message is
printed without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kdrama_cli.answers.charts import WEEKLY_TOP10_FROM, WEEKLY_VIEWS_FROM, ChartGap
from kdrama_cli.answers.leaderboards import Board, BoardEntry, Ranking, list_option
from kdrama_cli.answers.upcoming import dated_status
from kdrama_cli.catalogue.models import Season, Show, window_end
from kdrama_cli.catalogue.vocab import sheet_of
from kdrama_cli.catalogue.wording import first_few, joined
from kdrama_cli.errors import command_line
from kdrama_cli.views.text import clean, count_of, season_label

#: Why few titles have a board's figure, by where Netflix publishes it.
REASONS = {
    "most-popular": (
        "Netflix publishes it only for the titles on its all-time Most Popular lists "
        "(try --metric weeks)"
    ),
    "top10": "Netflix publishes it only for the titles in its weekly global Top 10",
    "top10-views": (
        "Netflix publishes it only for the titles in its weekly global Top 10, "
        f"from the week ending {WEEKLY_VIEWS_FROM.isoformat()}"
    ),
    "report": "the report lists no other Korean title",
}

#: A kind of title in a sentence: one ('is a film'), several ('are films').
KIND_NOUNS = {
    "series": ("a series", "series"),
    "film": ("a film", "films"),
    "reality": ("a reality show", "reality shows"),
    "documentary": ("a documentary", "documentaries"),
    "special": ("a special", "specials"),
    "unknown": (
        "of unknown kind (TV or film not given)",
        "of unknown kind (TV or film not given)",
    ),
}


def _kind(kind: str, count: int) -> str:
    one, several = KIND_NOUNS.get(kind, (f"a {kind}", kind))
    return f"is {one}" if count == 1 else f"are {several}"


def _here(board: Board, ranking: Ranking) -> str:
    """' on this list' (' on this sheet', of a report) where other lists have the figure too,
    of whatever kind: counts are of this list's (so every --kind reads alike on one board)."""
    if not (ranking.other_lists or len(ranking.any_kind) > 1):
        return ""
    return " on this sheet" if board.origin == "report" else " on this list"


def _lists(board: Board) -> str:
    """Where a board's lists are: Netflix's lists, or a report's sheets."""
    return "the report's sheets" if board.origin == "report" else "Netflix's lists"


def empty_board(board: Board, ranking: Ranking, elsewhere: Sequence[str] = ()) -> str:
    """The one line for a board with no row: the --kind filter, or the catalogue and why.
    ``elsewhere`` lists the other reports whose board has rows, for a report's board."""
    reason = REASONS.get(board.origin)
    if board.origin == "report" and elsewhere:
        reason = f"try --report {elsewhere[-1]}"
    if ranking.kind and ranking.filtered:
        # "none of the 4 ... is a film": the filter is the cause, not the catalogue.
        told = (
            f"none of the {ranking.with_figure:,} with this figure{_here(board, ranking)} "
            f"{_kind(ranking.kind, 1)}"
        )
    elif ranking.kind and not ranking.other_lists and ranking.any_kind:
        # No title of --kind has it on any list; titles of other kinds do, on other lists.
        total = sum(count for _, count in ranking.any_kind)
        told = (
            f"none of the {total:,} with this figure, on any of {_lists(board)}, "
            f"{_kind(ranking.kind, 1)}"
        )
        named = _other_lists_named(ranking, ranking.any_kind)
        reason = f"those with it are on {named}, with no --kind"
    elif board.origin == "report":
        # The catalogue has every Korean title of a report: none has it, so the report has none.
        told = f"the report gives no {board.noun}"
    else:
        told = "no title in the catalogue has this figure"
        told += _here(board, ranking)
    if ranking.other_lists:  # the titles are there, on another of Netflix's lists
        others = "the report's other sheet" if board.origin == "report" else "Netflix's other lists"
        reason = f"those with it are on {others}: {_other_lists_named(ranking)}"
    said = f"{board_title(board, ranking)}: {told}" + (f"; {reason}." if reason else ".")
    more = [line for line in (left_out(board, ranking), before_views(ranking)) if line]
    return " ".join([said, *more])


def left_out(board: Board, ranking: Ranking) -> str | None:
    """The line saying which titles with the figure name no list (no sheet of the report, on a
    report's board), and so are on no board."""
    if not ranking.unlisted:
        return None
    count = len(ranking.unlisted)
    listed = _named(ranking.unlisted)
    if count == 1:
        return (
            f"Left out: {listed} has this figure but names none of {_lists(board)}, so no "
            f"board ranks it ({command_line('data check')} says which figure)."
        )
    return (
        f"Left out: {count:,} with this figure name none of {_lists(board)} ({listed}), "
        f"so no board ranks them ({command_line('data check')} says which figures)."
    )


#: A kind as a list of kinds names it: 'a special', 'reality shows and a documentary'.
_KINDS_LISTED = {**KIND_NOUNS, "unknown": ("a title of unknown kind", "titles of unknown kind")}


def kind_left_out(board: Board, ranking: Ranking) -> str | None:
    """The line naming the title-seasons with the figure on the board's list that --kind left
    out, where it kept most of them: Netflix's films list counts Kingdom: Ashin of the North, a
    special, so a board of --kind film ranks 61 of the list's 62 and says which one is missing.
    A kind that is the list's few (--kind reality on the TV list) leaves out the rest as
    anyone would expect, and the board's count says so already."""
    others = ranking.other_kinds
    if not others or len(others) >= ranking.ranked:
        return None
    said = (
        f"Left out by --kind {ranking.kind}: {len(others):,} of the {ranking.with_figure:,} "
        f"with this figure{_here(board, ranking)}"
    )
    if len(others) == 1:
        one = others[0]
        return f"{said}, {_entry_name(one)} ({_kind_listed(one.show.kind, 1)})."
    return f"{said}, of other kinds ({_kinds_of(others)}): {_named(others)}."


def _kind_said_short(ranking: Ranking) -> bool:
    """Whether short_board's line counts the titles of --kind among the list's ('Only 61 of
    the 62 ... are films'), which kind_left_out's count would then say again."""
    return bool(ranking.short and ranking.entries and ranking.kind and ranking.filtered)


def short_and_left_out(board: Board, ranking: Ranking) -> list[str]:
    """The page's lines of short_board and kind_left_out. Where the first has counted the
    titles of --kind among the list's, the titles --kind left out are named in the same line,
    not counted again: "Only 61 of the 62 with this figure on this list are films: ... The one
    left out is a special: Kingdom: Ashin of the North." (--json and --csv say kind_left_out
    alone, on stderr.)"""
    short = short_board(board, ranking)
    left_out = kind_left_out(board, ranking)
    others = ranking.other_kinds
    merged = _kind_said_short(ranking) and len(others) == ranking.with_figure - ranking.ranked
    if short is None or not merged or left_out is None:
        return [line for line in (short, left_out) if line]
    named = _kinds_of(others)
    if len(others) == 1:
        return [f"{short} The one left out is {named}: {_named(others)}."]
    return [f"{short} The {len(others):,} left out are {named}: {_named(others)}."]


def _kinds_of(entries: Sequence[BoardEntry]) -> str:
    """'a special', 'reality shows and a documentary': the kinds of the entries, counted."""
    kinds = Counter(entry.show.kind for entry in entries)
    return joined([_kind_listed(kind, count) for kind, count in kinds.items()])


def _kind_listed(kind: str, count: int) -> str:
    """'a special' for one, 'specials' for several."""
    one, several = _KINDS_LISTED.get(kind, (f"a {kind}", kind))
    return one if count == 1 else several


def _named(entries: Sequence[BoardEntry]) -> str:
    """'Squid Game S1, Bloodhounds S1, Mask Girl and 4 more': a few board rows by name."""
    return first_few([_entry_name(entry) for entry in entries])


def views_window(board: Board) -> str | None:
    """The dim line under a board of weekly views: the weeks it can hold."""
    if board.origin != "top10-views":
        return None
    return (
        f"Weeks ending {WEEKLY_VIEWS_FROM.isoformat()} and later only: Netflix published no "
        "weekly views before."
    )


def before_views(ranking: Ranking) -> str | None:
    """The line naming the title-seasons a board of weekly views left out because their best
    week by hours came before Netflix published views (answers.leaderboards.Ranking.before_views):
    their best week since is not their best week, so their best week's views are not known."""
    if not ranking.before_views:
        return None
    return (
        f"Left out: {len(ranking.before_views):,} whose best week by hours was before "
        f"{WEEKLY_VIEWS_FROM.isoformat()}, when Netflix published no weekly views "
        f"({_named(ranking.before_views)}); --metric best-week ranks every week by hours."
    )


def listed_twice(ranking: Ranking) -> str | None:
    """The dim line under a board that ranks a title-season more than once, each row under
    the Netflix title it is quoted with: an engagement report listing the season under two of
    Netflix's titles (Brave Detectives' season 4, January-June 2025)."""
    names = list(dict.fromkeys(_entry_name(e) for e in ranking.entries if e.netflix_title))
    if not names:
        return None
    return (
        f"The report lists {joined(names)} under more than one of Netflix's titles (quoted): "
        "each is a row of its own, with its own figure, as in the report."
    )


def _entry_name(entry: BoardEntry) -> str:
    """A board row's title as the board names it: 'Squid Game S2', 'The Glory'."""
    if entry.season and len(entry.show.seasons) > 1:
        return f"{clean(entry.show.title)} {season_label(entry.season)}"
    return clean(entry.show.title)


def short_board(board: Board, ranking: Ranking) -> str | None:
    """The dim line under a board with fewer rows than --limit asked for, or None."""
    if not ranking.short or not ranking.entries:
        return None
    count = len(ranking.entries)
    reason = REASONS.get(board.origin)
    if ranking.kind and ranking.filtered:  # what _kind_said_short asks
        line = f"Only {count:,} of the {ranking.with_figure:,} with this figure"
        line += f"{_here(board, ranking)} "
        line += _kind(ranking.kind, count)
        if ranking.with_figure >= (ranking.limit or 0):
            reason = None  # the filter alone made the board short
    else:
        korean = _korean(board, ranking)
        titles = len({entry.show.slug for entry in ranking.entries})
        if count == 1:
            line = f"Only this one {'Korean title ' if korean else ''}has this figure"
        elif titles < count:  # seasons of one title are rows of their own: Squid Game S1-S3
            rows = "seasons" if all(entry.season for entry in ranking.entries) else "rows"
            named = ("Korean " if korean else "") + ("title" if titles == 1 else "titles")
            line = f"Only these {count:,} {rows} of {titles:,} {named} have this figure"
        else:
            ours = "Korean titles" if korean else "of the catalogue's titles"
            line = f"Only these {count:,} {ours} have this figure"
        line += _here(board, ranking)
    return line + (f": {reason}." if reason else ".")


def _korean(board: Board, ranking: Ranking) -> bool:
    """Whether the board's titles are Korean ones among others on Netflix's list (a non-English
    list, or a report): the English lists hold the catalogue's spin-offs, such as Squid Game:
    The Challenge, and a dataset of one's own names no list."""
    if board.origin == "report":
        return True
    return ranking.chart_list is not None and "(Non-English)" in ranking.chart_list


def netflix_ranks(ranking: Ranking) -> bool:
    """Whether a board's first column is Netflix's own rank (an all-time Most Popular list,
    whose figures give it), rather than the board's."""
    return any(entry.netflix_rank is not None for entry in ranking.entries)


#: The board's line on what its # column ranks ("# ranks only ..." read as a comment).
_RANKS = "The # column ranks only"


def board_scope(board: Board, ranking: Ranking) -> str | None:
    """The dim line saying whose rank a board gives. It ranks the catalogue's titles only,
    while its heading names Netflix's list: on an all-time Most Popular list its first
    column is Netflix's own rank (BoardEntry.netflix_rank), elsewhere the board's, which
    Netflix's list does not give."""
    ours = "the catalogue's Korean titles" if _korean(board, ranking) else "the catalogue's titles"
    if board.origin == "report":
        sheet = sheet_of(ranking.chart_list)
        if sheet:
            return f"{_RANKS} the report's Korean titles, not every title on its {sheet} sheet."
        together = " (TV and films together, on one sheet)" if ranking.chart_list else ""
        return f"{_RANKS} the report's Korean titles, not every title it lists{together}."
    if ranking.chart_list is None:  # a dataset of one's own: its figures name no list
        return None
    if netflix_ranks(ranking):
        by = ranking.netflix_ranked_by
        # Netflix's order, not the figure's, where it ranks the list by another unit (by views
        # on an hours-91 board: Squid Game S3 is 3rd, 4th by hours)
        ranked_by = f", which Netflix ranks by {by}" if by and by != board.unit else ""
        return (
            f"Netflix #: the title's rank on Netflix's all-time Most Popular {ranking.chart_list} "
            f"list{ranked_by}; this board holds only {ours} on it."
        )
    return f"{_RANKS} {ours}, not the whole of Netflix's {ranking.chart_list} list."


def board_title(board: Board, ranking: Ranking) -> str:
    """A board's heading: its figure, and the Netflix list it ranks when it ranks one (the
    sheet, of a report's board: its label names the report, whose one sheet goes unsaid)."""
    if board.origin == "report":
        sheet = sheet_of(ranking.chart_list)
        return f"{board.label} · {sheet}" if sheet else board.label
    return f"{board.label} · {ranking.chart_list}" if ranking.chart_list else board.label


def other_lists(board: Board, ranking: Ranking) -> str | None:
    """The dim line naming the lists (a report's sheets) a board leaves out, with the option
    for each."""
    named = _other_lists_named(ranking)
    if not named:
        return None
    if board.origin == "report":
        return f"The report lists other titles with this figure on a sheet of their own: {named}."
    return f"Netflix ranks other titles with this figure on lists of their own: {named}."


def _other_lists_named(ranking: Ranking, lists: Sequence[tuple[str, int]] | None = None) -> str:
    """'Films (Non-English), 61 (--list films); TV (English), 2 (--list tv-english)': the
    board's other lists, or ``lists``; a report's sheet by its name ('Films, 428 (--list
    films)')."""
    return "; ".join(
        f"{sheet_of(name) or name}, {count:,}"
        + (f" (--list {word})" if (word := list_option(name)) else "")
        for name, count in (ranking.other_lists if lists is None else lists)
    )


def views_before_published(weeks: int) -> str:
    """The dim line under a views chart with weeks from before Netflix published views."""
    return (
        f"No views for {count_of(weeks, 'week')}: Netflix published weekly views from the "
        f"week ending {WEEKLY_VIEWS_FROM.isoformat()}."
    )


def season_not_out(season: Season, stale: str | None = None) -> str:
    """Why a season has no Top 10 weeks, as the show page gives its status: 'season 2 is not
    out yet (in production since 2025-07-23, as of 2026-02-22)'; a cancelled one never came
    out."""
    status = dated_status(season) + (f"; stale: {stale}" if stale else "")
    if season.status == "cancelled":
        return f"season {season.number} never came out ({status})"
    return f"season {season.number} is not out yet ({status})"


#: Marks a figure over Netflix's weekly lists of a title-season out before they begin, which
#: leaves out its earlier weeks: on show, top and compare alike. Not "†", which compare puts
#: beside a half-year figure of a season's first days (DEBUT_MARK, below), a row that
#: may sit in one table with this one.
BEFORE_TOP10 = "‡"


def before_top10(named: Sequence[str] = (), starred: bool = False) -> str:
    """The note under figures marked BEFORE_TOP10, worded as a chart with no week says it: who
    came out before Netflix's weekly lists begin ('Kingdom S1'; none named under a board,
    whose marked rows say); ``starred``: under a comparison, whose rows with such a figure
    star no title."""
    said = f"{BEFORE_TOP10} {joined(named)} came out" if named else f"{BEFORE_TOP10} came out"
    said += (
        f" before Netflix's weekly Top 10 lists begin with the week ending "
        f"{WEEKLY_TOP10_FROM.isoformat()}, and earlier weeks are not published: "
    )
    if not named:
        return said + "the figure leaves them out."
    said += "its figures" if len(named) == 1 else "their figures"
    said += f" marked {BEFORE_TOP10} leave them out"
    return said + (", and a row with one stars no title." if starred else ".")


#: Marks a half-year figure of a season that came out on Netflix within the half-year, whose
#: figure counts only its first days: compare's rows (StatRow.debuts) and a report's board
#: (BoardEntry.debut) alike.
DEBUT_MARK = "†"


def debuts_board(ranking: Ranking) -> str | None:
    """What the DEBUT_MARK beside a report board's figure means, with the days each of the
    first three marked rows counts; None when no row has it. The board ranks Netflix's figures
    as its report does, but a season out for a few days of the half-year sits beside one out
    all of it, and the page says so rather than let the order pass for a like span's."""
    named = []
    for entry in ranking.entries:
        end = window_end(entry.stat.window)
        if entry.debut is None or end is None:
            continue
        days = count_of((end - entry.debut).days + 1, "day")
        named.append(
            f"{clean(entry.show.title)}{_season_named(entry)}, {entry.debut.isoformat()}: {days}"
        )
    if not named:
        return None
    shown = "; ".join(named[:3]) + (f"; and {len(named) - 3:,} more" if len(named) > 3 else "")
    return (
        f"{DEBUT_MARK} came out on Netflix within that half-year: its figure counts only the "
        f"days from then to the half-year's end ({shown}), not the whole half-year, so it "
        "does not compare with that of a title out all of it."
    )


#: Marks a week's views of a season released week by week, which Netflix divided by the
#: episodes out by then (answers.charts.ViewsRuntime): on compare's debut-week views and top's
#: best-week-views board.
WEEKLY_MARK = "¶"
#: Why a week's views of a season released week by week are of part of it, as the chart's
#: note, compare's line and top's best-week-views board all say it.
CAME_OUT_WEEK_BY_WEEK = (
    "came out week by week: Netflix divides a week's hours by the runtime out by then"
)


def whole_hours(hours: float) -> str:
    """A runtime in whole hours, as a chart's note says it ("2 hours"), never "0 hours"."""
    whole = max(1, round(hours))
    return f"{whole} hour{'s' if whole != 1 else ''}"


def _season_named(entry: BoardEntry) -> str:
    """' S2' after a title of several seasons, as a board's row names it; else nothing."""
    return f" {season_label(entry.season)}" if entry.season and len(entry.show.seasons) > 1 else ""


def week_by_week_board(ranking: Ranking) -> str | None:
    """What the WEEKLY_MARK beside a best week's views means, with the runtimes Netflix divided
    by (the first three named); None when no row has it."""
    named = [
        f"{clean(entry.show.title)}{_season_named(entry)}: "
        f"about {whole_hours(entry.runtime.first)} of at least {whole_hours(entry.runtime.whole)}"
        for entry in ranking.entries
        if entry.week_by_week and entry.runtime is not None and entry.runtime.whole is not None
    ]
    if not named:
        return None
    shown = "; ".join(named[:3]) + (f"; and {len(named) - 3:,} more" if len(named) > 3 else "")
    return (
        f"{WEEKLY_MARK} {CAME_OUT_WEEK_BY_WEEK}, so such a season's best week by views counts "
        "only the episodes already out "
        f"({shown}) and does not compare with the best week of a season out all at once; "
        "--metric best-week ranks their hours, which do."
    )


def partial_week(days: int) -> str:
    """Under the figure of a best-week row whose week was cut short by the release, as `show`
    labels the same figure: 'first 4 days'."""
    return f"first {count_of(days, 'day')}"


def partial_weeks(ranking: Ranking) -> str | None:
    """The footnote of a best-week board with a week cut short by a release (BoardEntry.
    partial_days), naming what came out as those rows are: a season, or a film (a films
    list's rows), or both on one board ('the season or special': a TV list can rank a
    one-off special beside seasons)."""
    cut = [entry for entry in ranking.entries if entry.partial_days]
    if not cut:
        return None
    return partial_weeks_note(_released_as(entry) for entry in cut)


def partial_weeks_note(released_as: Iterable[str]) -> str:
    """What "first N days" under a weekly figure means, naming what came out ('season',
    'film'): the footnote of top's best-week board and of a chart."""
    what = " or ".join(dict.fromkeys(released_as))
    return (
        f"first N days: the {what} came out on Netflix during that week, its first in the list, "
        "so the figure is of those days, not a whole week."
    )


def _released_as(entry: BoardEntry) -> str:
    """What a board's row came out as: 'season' for a season's figure, else its kind where a
    sentence can name a release by it ('film', 'special'), else 'title'."""
    if entry.season is not None:
        return "season"
    return entry.show.kind if entry.show.kind in ("film", "special") else "title"


def no_weeks(reason: str) -> str:
    """Why a chart has no week, worded from answers.charts.why_no_weeks (a season not out
    is worded by season_not_out): only what the lists Netflix published can say."""
    if reason == "never-in-top10":
        return "never in Netflix's weekly global Top 10 lists in the catalogue"
    said = (
        "in none of Netflix's weekly global Top 10 lists, which begin with the week ending "
        f"{WEEKLY_TOP10_FROM.isoformat()}; "
    )
    if reason == "out-before-top10":
        return said + "it came out before then, and earlier weeks are not published"
    return said + "earlier weeks are not published"


def empty_charts(charts: Sequence[tuple[Show, ChartGap]]) -> str:
    """The message for charts with no week at all, each a title and its gap
    (answers.charts.chart_gap). A season not out says so, rather than "never in the Top
    10", which reads as if the title itself had never charted; a title out before Netflix's
    lists begin is not said to have never charted either."""
    lines = []
    for show, gap in charts:
        if gap.not_out is not None:
            lines.append(f"{show.title} {season_not_out(gap.not_out, gap.stale)}.")
        elif gap.no_weeks is not None:
            lines.append(f"{show.title}: {no_weeks(gap.no_weeks)}.")
    return " ".join(lines)

"""A title's weekly Top 10 chart: its weeks, those before Netflix published views, and why a
title or season has none (no printing)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from kdrama_cli.catalogue.models import (
    WEEKLY_TOP10_FROM as WEEKLY_TOP10_FROM,  # given to the views with the other weeks
)
from kdrama_cli.catalogue.models import (
    WEEKLY_VIEWS_FROM as WEEKLY_VIEWS_FROM,
)
from kdrama_cli.catalogue.models import (
    Season,
    Show,
    Stat,
    window_days,
)
from kdrama_cli.catalogue.record import Record

#: WEEKLY_VIEWS_FROM, the first week for which Netflix's global Top 10 gives views (hours only
#: before it), and WEEKLY_TOP10_FROM, the first week of Netflix's published weekly Top 10
#: (all-weeks-global.tsv starts with the week ending this Sunday; no earlier week is
#: published), are imported above from catalogue.models: a title's summary needs the one, a
#: figure's window label the other.

#: The first day of the first published week (Monday to Sunday): a title out on it or later
#: is in the lists from its first week.
_LISTED_FROM = WEEKLY_TOP10_FROM - dt.timedelta(days=6)


class ChartWeek(Record):
    week: dt.date
    season: int | None
    rank: int | None
    hours: float | None
    views: float | None
    list: str | None
    #: The citation ids of the week's figures.
    sources: tuple[str, ...] = ()
    #: How many days the week's figures cover when fewer than seven: the season (or film) came
    #: out on Netflix during the week (partial_days), as `top` and `show` label it ("first 4
    #: days"); None for a whole week.
    partial_days: int | None = None


def partial_days(show: Show, season: int | None, chart: str | None, ends: dt.date) -> int | None:
    """The days a weekly figure (of ``season`` on the list ``chart``, the week ending ``ends``)
    covers when the season (or film) came out on Netflix during its week: the N of its
    first-N-days figure of that week on the same list (fewer than seven; `data netflix` writes
    one for a debut week that the release cuts short, counted from Netflix's own release date
    where its engagement reports give one in that week); None for a whole week. The rule of
    `top`'s best-week board, `show`'s figures and `chart`'s bars."""
    for stat in show.stats:
        if (stat.season, stat.list, stat.as_of) != (season, chart, ends):
            continue
        days = window_days(stat.window)
        if stat.metric in ("hours-viewed", "views") and days is not None and days < 7:
            return days
    return None


def weeks_before_views(weeks: Sequence[ChartWeek]) -> int:
    """How many of these weeks come before Netflix published weekly views (hours only)."""
    return sum(1 for week in weeks if week.week < WEEKLY_VIEWS_FROM)


#: How much the runtime a season's weekly views imply must grow from its first such week to
#: its last to be said: hours and views are each rounded to 100,000, so a smaller rise may
#: be rounding alone.
_RUNTIME_GROWTH = 1.25


class GrowingRuntime(Record):
    """A season released week by week, whose weekly views Netflix divided by the runtime out
    by then: ``first`` and ``last`` are the runtimes (hours) its first and last weeks with
    views imply, hours over views."""

    season: int | None
    first: float
    last: float


def growing_runtimes(weeks: Sequence[ChartWeek]) -> list[GrowingRuntime]:
    """The seasons among ``weeks`` whose runtime grew while they were in the Top 10 (Idol I:
    about 2 hours in its first week, 12 in its last), so that their weekly views fall as
    episodes are added while the hours rise: views of such a season do not compare from
    week to week."""
    implied: dict[int | None, list[float]] = defaultdict(list)
    for week in weeks:
        if week.hours and week.views:
            implied[week.season].append(week.hours / week.views)
    return [
        GrowingRuntime(season, runtimes[0], runtimes[-1])
        for season, runtimes in implied.items()
        if len(runtimes) > 1 and runtimes[-1] >= runtimes[0] * _RUNTIME_GROWTH
    ]


class ViewsRuntime(Record):
    """What a views figure of one week of Netflix's weekly Top 10 (a week, or a debut week's
    first days, ``first-N-days``) was divided by, and the season's whole runtime as far as
    Netflix's files show, in hours. Netflix's weekly views are a week's hours over the runtime
    out by the week's end, so a season released week by week is divided in its first week by
    its first episodes alone (Phantom Lawyer: about 2 hours, of 11 by its fifth week) and one
    out all at once by the whole season (The 8 Show: about 7 hours): their views do not
    compare, nor a weekly release's best week by views with another season's."""

    #: The runtime the figure implies: its week's hours over its views.
    first: float
    #: The largest runtime the season's weeks imply (hours over views) or an engagement report
    #: gives: the least its whole runtime is, as a season may have gone on after its last
    #: week in the Top 10 and its last report; None when no other week or report is there (a
    #: season with one week in the Top 10 and no report yet): then nothing tells how it came
    #: out.
    whole: float | None

    @property
    def week_by_week(self) -> bool | None:
        """Whether the figure was divided by part of the season, which came out over several
        weeks (week by week, or in parts): its runtime grew by more than rounding alone could
        make it (_RUNTIME_GROWTH, as a chart judges it); False when the figure was divided by
        the whole season, None when the files cannot tell."""
        if self.whole is None:
            return None
        return self.whole >= self.first * _RUNTIME_GROWTH


def divided_by_part(runtime: ViewsRuntime | None) -> bool:
    """Whether a views figure is known to be divided by part of its season (a week's of a
    season released week by week: ViewsRuntime.week_by_week); False for none, or where the
    files cannot tell. What compare's rows and top's best-week-views board mark."""
    return runtime is not None and runtime.week_by_week is True


#: The longest debut week: a figure over more first days (28, 91) is of Netflix's Most Popular
#: lists, whose views divide by the whole runtime.
_WEEK_DAYS = 7


def views_runtime(show: Show, stat: Stat) -> ViewsRuntime | None:
    """For a views figure of one week of Netflix's weekly Top 10 (``week:``, or a debut week's
    ``first-N-days``), what it was divided by and the season's whole runtime (ViewsRuntime);
    None for any other figure, or one without the hours of the same week and list to tell it."""
    days = window_days(stat.window)
    weekly = stat.window.startswith("week:") or (days is not None and days <= _WEEK_DAYS)
    if stat.metric != "views" or not weekly or not stat.value:
        return None
    same = (stat.window, stat.season, stat.list, stat.as_of)
    hours = next(
        (
            other.value
            for other in show.stats
            if other.metric == "hours-viewed"
            and (other.window, other.season, other.list, other.as_of) == same
        ),
        None,
    )
    if not hours:
        return None
    others = [
        week.hours / week.views
        for week in weekly_chart(show, stat.season)
        if week.season == stat.season and week.week != stat.as_of and week.hours and week.views
    ]
    reported = [
        other.value / 60
        for other in show.stats
        if other.metric == "runtime" and other.unit == "minutes" and other.season == stat.season
    ]
    first = hours / stat.value
    largest = max([*others, *reported], default=None)
    # the season's runtime is at least its own week's (a last week implies more than earlier ones)
    return ViewsRuntime(first, None if largest is None else max(largest, first))


def weekly_chart(show: Show, season: int | None = None) -> list[ChartWeek]:
    """The show's weeks in Netflix's global Top 10, oldest first; with ``season``, that
    season's weeks and those Netflix gave no season (the title's), as `show --season` counts
    them."""
    rows: dict[tuple[str, int | None], dict[str, float]] = defaultdict(dict)
    lists: dict[tuple[str, int | None], str | None] = {}
    cited: dict[tuple[str, int | None], dict[str, None]] = defaultdict(dict)
    for stat in show.stats:
        if not stat.window.startswith("week:") or stat.metric not in (
            "rank",
            "hours-viewed",
            "views",
        ):
            continue
        if season is not None and stat.season not in (None, season):
            continue
        key = (stat.window[5:], stat.season)
        rows[key][stat.metric] = stat.value
        lists[key] = stat.list
        cited[key].update(dict.fromkeys(stat.sources))
    result = []
    for (week, number), values in sorted(rows.items(), key=lambda i: (i[0][0], i[0][1] or 0)):
        if "rank" not in values and "hours-viewed" not in values:
            continue  # e.g. countries-only weeks
        rank = values.get("rank")
        ends = dt.date.fromisoformat(week)
        result.append(
            ChartWeek(
                week=ends,
                season=number,
                rank=int(rank) if rank is not None else None,
                hours=values.get("hours-viewed"),
                views=values.get("views"),
                list=lists[(week, number)],
                sources=tuple(cited[(week, number)]),
                partial_days=partial_days(show, number, lists[(week, number)], ends),
            )
        )
    return result


def why_no_weeks(show: Show, season: int | None = None, listed: bool = False) -> str:
    """Why a chart of ``show`` (or of its season ``season``) has no week, as one key:

    - ``season-not-out``: the season asked for is renewed, announced, in production or
      cancelled;
    - ``out-before-top10``: it (its first season, for a whole series) came out before the week
      ending WEEKLY_TOP10_FROM, so its first weeks fall before the lists Netflix published:
      "never in the Top 10" is not known, only that it is in none of the lists since;
    - ``undated``: no date in the dataset says when it came out, so the same holds;
    - ``never-in-top10``: it came out since the lists began and is in none of them.

    ``listed``: the season asked for is coming in the catalogue, but Netflix's own files list it
    (answers.upcoming.watchable), so it is out, with no date of its own on record.
    """
    asked = show.season(season) if season is not None else None
    if asked is not None and not asked.is_out and not listed:
        return "season-not-out"
    first = _first_out(show, season)
    if first is None:
        return "undated"
    if first < _LISTED_FROM:
        return "out-before-top10"
    return "never-in-top10"


def _first_out(show: Show, season: int | None) -> dt.date | None:
    """When the season ``season`` came out, or with None (or a season the title lacks) the
    title: its first season out, or the film; None when no date in the dataset says."""
    asked = show.season(season) if season is not None else None
    if asked is not None:
        return asked.release_date
    if show.seasons:
        return min((s.release_date for s in show.released_seasons if s.release_date), default=None)
    return show.release_date


def out_before_top10(show: Show, season: int | None) -> bool:
    """Whether the season ``season`` of ``show`` (with None, the title: its first season, or
    the film) came out before the week ending WEEKLY_TOP10_FROM, the first Netflix published:
    its weeks before then, perhaps its best, are in no list, so a figure taken over the lists
    (weeks in them, a best week, a count of countries) leaves them out. An undated one is not
    said to have: nothing says so."""
    first = _first_out(show, season)
    return first is not None and first < _LISTED_FROM


def leaves_out_weeks(show: Show, stat: Stat) -> bool:
    """Whether a running total of the lists (Stat.top10_running) of ``show`` leaves out
    weeks of its season, which came out before the lists begin (out_before_top10): such a
    total is not comparable with one of a season out since, whose every week is counted."""
    return stat.top10_running and out_before_top10(show, stat.season)


class ChartGap(Record):
    """What a chart says besides its weeks, worked out once for the page, the message and
    --json alike: the season asked for when it is not out (renewed, announced, in production
    or cancelled), and, for a chart with no week, why (a why_no_weeks key)."""

    not_out: Season | None
    no_weeks: str | None
    #: Why the news of the season not out is stale on the day asked (answers.upcoming's
    #: rule, as the show page flags it), or None.
    stale: str | None = None


def chart_gap(
    show: Show, season: int | None, weeks: Sequence[ChartWeek], today: dt.date | None = None
) -> ChartGap:
    """The gap of the chart of ``show`` (its season ``season``, or None) with these weeks."""
    from kdrama_cli.answers.upcoming import stale_reason, watchable

    day = today or dt.date.today()
    asked = show.season(season) if season is not None else None
    # A season Netflix's own files list is out, whatever the catalogue's status says: the
    # chart does not call it "not out yet", as the show page marks it "on Netflix by".
    not_out = asked if asked is not None and not watchable(show, asked, day) else None
    listed = asked is not None and not asked.is_out and not_out is None
    stale = stale_reason(not_out, day, show) if not_out else None
    return ChartGap(not_out, None if weeks else why_no_weeks(show, season, listed), stale)

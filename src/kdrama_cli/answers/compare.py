"""Comparing titles: their figures side by side, who leads each, the people they share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from kdrama_cli.answers.charts import (
    ViewsRuntime,
    divided_by_part,
    leaves_out_weeks,
    views_runtime,
)
from kdrama_cli.answers.sources import cast_layer, layer_cited, layered_crew, rests_on
from kdrama_cli.answers.spoilers import credit_hidden
from kdrama_cli.answers.upcoming import NetflixListing, netflix_listing, staleness
from kdrama_cli.catalogue.models import (
    Citation,
    Dataset,
    LayerMark,
    Person,
    Season,
    Show,
    SourceWork,
    Stat,
    fetch,
    parse_window,
    seasons_of,
    window_end,
    window_start,
)
from kdrama_cli.catalogue.record import Record


class StatRow(Record):
    """One comparable figure across titles: same metric, unit, window and chart."""

    metric: str
    unit: str
    window: str
    window_label: str
    list: str | None
    season: int | None
    #: One value per compared show (None where that show has no such figure).
    values: tuple[float | None, ...]
    leader: int | None
    #: Every window the row stands for: ``(window,)``, or several reports in order when they
    #: all gave the same figures for a title's own length (see ``_fold_repeats``).
    windows: tuple[str, ...]
    #: Each show's citations for the row (those of every folded report).
    sources: tuple[tuple[str, ...], ...]
    #: For a TV rating, the broadcaster whose ratings the row lines up (see ``measured_by``).
    broadcaster: str | None = None
    #: For a ranked half-year row where a title's season came out on Netflix within the
    #: half-year: per title, that day, None for the others (see ``_debuts``); empty for every
    #: other row.
    debuts: tuple[dt.date | None, ...] = ()
    #: For a ranked half-year row, for each show whether the day its season came to Netflix is
    #: unknown and no earlier figure has it there, so its figure may count the whole half-year or
    #: only its last days (``release_unknown``): Brave Detectives S3, first in July–December
    #: 2023's report, with no date anywhere. A row with one has no leader, as what its figures
    #: count cannot be told alike. Empty for every other row.
    release_unknown: tuple[bool, ...] = ()
    #: For a row of running totals of Netflix's weekly lists (Stat.top10_running), for each
    #: show whether its figure leaves out weeks, its season having come out before the lists
    #: begin (answers.charts.leaves_out_weeks): Kingdom S1's countries, counted from 2021
    #: only. A row with one has no leader, as its figures do not cover the same weeks of each
    #: title. Empty for a row of other figures.
    before_top10: tuple[bool, ...] = ()
    #: For a row of views of a debut week (``first-N-days``) that sets a season released week
    #: by week beside one that was not (out all at once, or the files cannot tell), for each
    #: show whether its season came out week by week (answers.charts.ViewsRuntime): Netflix
    #: divided its first days' hours by the few episodes out then, the other's by its whole
    #: runtime, so the views do not count alike (Phantom Lawyer's 1.8M beside The 8 Show's
    #: 1.7M, which leads in hours by three times). A row with one has no leader, as in hours
    #: the order may be the other way. Empty on every other row, and on one whose seasons all
    #: came out week by week, or none did.
    week_by_week: tuple[bool, ...] = ()
    #: For such a row, each show's ViewsRuntime (None where it has no figure), for the page to
    #: say the runtimes; empty where ``week_by_week`` is.
    debut_runtimes: tuple[ViewsRuntime | None, ...] = ()
    #: For each show, the day its figure is as of (None where it has none); for a row that
    #: stands for several reports, the last one's.
    as_of: tuple[dt.date | None, ...] = ()
    #: For each show, its other figures of the row (the same metric, unit, window, list and
    #: season), given after the one in ``values``: a layer's beside Netflix's, which data check
    #: warns about, or two rows one source gives (an engagement report listing a season under
    #: two of Netflix's titles). Empty for most; a row where the title taken at one of them
    #: (or, for hours and views, at their sum) could lead or trail otherwise than at its figure
    #: in ``values`` has no leader, as which title leads would hang on the figure taken
    #: (``_leader``). ``Comparison.left_out`` lists each too ('twice').
    others: tuple[tuple[Stat, ...], ...] = ()
    #: For each show, its figure's note (None where it has none or no figure): what tells it
    #: from the title's other figures of the row (Netflix's title of each of two listings);
    #: for a row that stands for several reports, the last one's.
    notes: tuple[str | None, ...] = ()


class SeasonsOut(Record):
    """A title's seasons as compare's Seasons row gives them, judged on one day as every count
    of seasons out is (Show.watchable): how many are out; of those, each the catalogue still
    has as coming but Netflix's own files list, with that listing (Better Late Than Single S2,
    on Netflix by 2026-07-12); and each still to come, with whether its news is stale
    (answers.upcoming.staleness, as show and upcoming flag it)."""

    out: int
    on_netflix: tuple[tuple[Season, NetflixListing], ...] = ()
    coming: tuple[tuple[Season, bool], ...] = ()

    @property
    def on_netflix_numbers(self) -> tuple[int, ...]:
        return tuple(season.number for season, _ in self.on_netflix)

    @property
    def stale(self) -> bool:
        """Whether a season still to come is flagged stale."""
        return any(flagged for _, flagged in self.coming)


def seasons_out(show: Show, today: dt.date) -> SeasonsOut:
    """``show``'s SeasonsOut on ``today``; a cancelled season is neither out nor coming."""
    out = 0
    on_netflix: list[tuple[Season, NetflixListing]] = []
    coming: list[tuple[Season, bool]] = []
    for season in show.seasons:
        watchable = show.watchable(season, today)
        out += watchable
        if season.is_out or season.status == "cancelled":
            continue
        # out, though not marked so, by Netflix's files (Show.watchable): with that listing
        listing = netflix_listing(show, season.number, today) if watchable else None
        if listing is not None:
            on_netflix.append((season, listing))
        else:
            coming.append((season, staleness(season, today, show).stale))
    return SeasonsOut(out, tuple(on_netflix), tuple(coming))


class SharedPerson(Record):
    person: Person
    #: For each compared show, the characters this person plays in it (empty where absent;
    #: None for a role no source names).
    characters: tuple[tuple[str | None, ...], ...]
    #: For each compared show, this person's seasons in it that are released or airing, and
    #: those that are not out (renewed, announced, in production): a credit only in the
    #: second is as announced, as a show page's cast table and a path's hop mark it.
    seasons: tuple[tuple[int, ...], ...] = ()
    announced: tuple[tuple[int, ...], ...] = ()
    #: For each compared show, what this person's credits there rest on, by the one rule
    #: (answers.sources: the title's cast lists, then each credit's own; a credit a layer's
    #: extension added, what that layer cites for it).
    sources: tuple[tuple[str, ...], ...] = ()
    #: For each compared show, the layer whose extension added this person's credit there
    #: (answers.sources.cast_layer), which the page marks; None for any other credit.
    extended_by: tuple[LayerMark | None, ...] = ()
    #: For each compared show, the layer that gave this person's credit there, whether its
    #: extension added the credit or it added or replaced the whole title (cast_layer, as a
    #: show page's cast row gives it in --json); of several credits there, the first a layer
    #: gave. None for a credit as the base dataset gives it.
    given_by: tuple[LayerMark | None, ...] = ()

    @property
    def only_announced(self) -> bool:
        """Whether in some compared title this person is credited only in seasons not out:
        nothing shared on screen yet."""
        return any(
            chars and not out and pending
            for chars, out, pending in zip(
                self.characters, self.seasons, self.announced, strict=True
            )
        )


class FiguresApart(Record):
    """Why titles that have figures of one metric over one window share no row in compare."""

    #: 'list': Netflix ranks them on different lists ("TV (Non-English)", "TV (English)");
    #: 'season': their figures are of different seasons (a film's are of no season);
    #: 'broadcaster': they are TV ratings of different broadcasters (``measured_by``).
    reason: str
    metric: str
    window_label: str
    #: For each title, the lists its figures are on ('list'), the seasons they are of, 0 for
    #: a film's ('season'), or the broadcaster of its ratings ('broadcaster'); empty for a
    #: title without the figure.
    lists: tuple[tuple[str, ...], ...] = ()
    seasons: tuple[tuple[int, ...], ...] = ()
    broadcasters: tuple[tuple[str, ...], ...] = ()


class LeftOut(Record):
    """A figure of one compared title that no row holds, and why: no other title has one of
    the same metric, unit, window, Netflix list and season to set beside it."""

    #: The title's place among those compared.
    show: int
    stat: Stat
    #: 'list': no other title has a figure on the Netflix list this one is on (a film's
    #: beside series'); 'season': no other title has a figure of this season (a film's
    #: figures are of none); 'window': the others have figures of this season, but none of
    #: this metric over this window (a title's first 91 days, a report from before another
    #: title came out); 'broadcaster': a TV rating whose broadcaster no other title's
    #: rating of its episode and season shares (``measured_by``); 'twice': the title has
    #: another figure for the same row, given before it, which the row's values hold (the
    #: row gives this one in ``StatRow.others`` and has no leader).
    reason: str
    #: The season the figure is compared as (``compared_season``): its own, or for a figure
    #: of no season of a title with one season out, that season.
    season: int | None = None
    #: For a TV rating, the broadcaster it is compared within (``measured_by``): the one a
    #: 'broadcaster' reason keeps apart from the others'.
    broadcaster: str | None = None


class Comparison(Record):
    shows: tuple[Show, ...]
    source_works: tuple[SourceWork | None, ...]
    directors: tuple[tuple[Person, ...], ...]
    writers: tuple[tuple[Person, ...], ...]
    stats: tuple[StatRow, ...]
    shared_cast: tuple[SharedPerson, ...]
    citations: tuple[Citation, ...]
    #: With no figure row: why titles that have a figure of the same metric and window still
    #: share none (None when no two have one).
    figures_apart: FiguresApart | None = None
    #: The titles that have figures of their own but none in any row (a film beside two
    #: series: its figures are on another of Netflix's lists; with no row, every title that
    #: has a figure).
    unmatched: tuple[Show, ...] = ()
    #: Each figure of the titles that no row holds, with why (weekly chart positions, which
    #: are for `kdrama chart`, are never rows and not counted here).
    left_out: tuple[LeftOut, ...] = ()
    #: The surprise cameos (credits flagged as spoilers) of the titles compared, left out of
    #: the cast in common, counted whether or not one would be in it; and whether spoilers
    #: were asked for: flagged credits are then in it, and the Sources list shows the
    #: headlines of citations flagged as spoilers.
    hidden: int = 0
    spoilers: bool = False
    #: For each title, its seasons out and to come on ``today`` (SeasonsOut).
    seasons: tuple[SeasonsOut, ...] = ()
    #: The day the seasons were judged on: a stale season's news is old by it.
    today: dt.date = dt.date.min
    #: For each title, the crew a layer's extension added (answers.sources.layered_crew:
    #: capacity, person id, layer, what it cites): the Directors and Writers rows mark them.
    crew_layered: tuple[tuple[tuple[str, str, LayerMark, tuple[str, ...]], ...], ...] = ()

    @property
    def layer_marks(self) -> tuple[LayerMark, ...]:
        """Every layer the comparison names: of the crew a layer added and of the cast in
        common (SharedPerson.given_by), for the page to ask which came through the personal
        dataset (App.through_personal)."""
        crew = (layer for given in self.crew_layered for _, _, layer, _ in given)
        cast = (mark for shared in self.shared_cast for mark in shared.given_by if mark)
        return (*crew, *cast)


#: Which way each metric of ``catalogue.vocab.METRICS`` leads; see ``leading_sign``. Public so
#: that a test keeps it in step with the vocabulary: every metric decided, none left to chance.
LEADS: dict[str, float | None] = {
    "hours-viewed": 1.0,
    "views": 1.0,
    "households": 1.0,
    "weeks-in-top10": 1.0,
    "countries-in-top10": 1.0,
    "ratings": 1.0,
    "rank": -1.0,
    "runtime": None,
    "contestants": None,
    "prize": None,
}


def leading_sign(metric: str) -> float | None:
    """Which way a figure leads in ``compare``: 1 when more is better, -1 when less is, None
    when the figure is no measure of success, so no title is starred for it.

    Decided for every metric in ``catalogue.vocab.METRICS`` (a test keeps the two in step):

    - ``hours-viewed``, ``views``, ``households``: how much or by how many it was watched.
    - ``weeks-in-top10``, ``countries-in-top10``: how long and how widely it charted.
    - ``ratings``: a broadcast's audience share.
    - ``rank``: a chart position, so #1 leads and less is better.
    - ``runtime``: how long the season or film is. A longer one did not do better.
    - ``contestants``: how many people a competition starts with: its format, not its success.
    - ``prize``: the money on offer: a production choice, not the audience's verdict.

    A metric missing here (a newer vocabulary) is not ranked rather than ranked wrongly.
    """
    return LEADS.get(metric)


#: The metrics whose figures add up: a season Netflix lists under two titles was watched for
#: the hours (and views) of both rows, so their sum is a figure the title could take too.
_ADDS_UP = frozenset({"hours-viewed", "views"})


def _leader(metric: str, given: Sequence[Sequence[float]]) -> int | None:
    """The index of the title that leads a row, or None: on a tie, for a metric that is not
    ranked (``leading_sign``), and where which title leads hangs on the figure taken.

    ``given`` holds each title's figures of the row in the dataset's order: none where it has
    no such figure, one for most, more where it has others (``StatRow.others``). A title
    leads when it does whichever figure each title is taken at (for hours and views, the sum
    of a title's figures too, as a season Netflix lists under two titles was watched for
    both): its lowest-scoring choice beats every other title's highest-scoring one, as Single's
    Inferno's 128.3M hours beat Brave Detectives' 8M, 2.8M and their 10.8M alike.

    One rule serves every row, as a title with one figure has one choice, whose lowest and
    highest are that figure: the title whose figure beats every other leads, a tie at the top
    stars none, and a title without the figure is no rival (it scores below any figure, also
    where less leads). A second figure that restates the first is one choice, not a sum.
    tests/test_compare_leader.py pins each of these answers."""
    sign = leading_sign(metric)
    if sign is None:
        return None
    lowest: list[float] = []
    highest: list[float] = []
    for figures in given:
        choices = list(dict.fromkeys(figures))  # one figure restated is one choice
        if metric in _ADDS_UP and len(choices) > 1:
            choices.append(sum(figures))
        scores = [sign * value for value in choices] or [float("-inf")]
        lowest.append(min(scores))
        highest.append(max(scores))
    best = max(range(len(given)), key=lowest.__getitem__)
    beaten = all(lowest[best] > high for index, high in enumerate(highest) if index != best)
    return best if beaten else None


#: What figures must share to be compared: metric, unit, window, Netflix list, season (as
#: ``compared_season`` has it), and for a TV rating its broadcaster (``measured_by``).
GroupKey = tuple[str, str, str, "str | None", "int | None", "str | None"]


def measured_by(show: Show, stat: Stat) -> str | None:
    """For a TV rating, the broadcaster that aired it (the title's platform): ratings are
    compared only within one broadcaster. Terrestrial, general-programming and pay-TV channels'
    ratings are calculated on different bases (Yonhap, 2017-12-29, on Nielsen Korea: "지상파,
    종합편성, 유료채널이 서로 다른 기준에 의해 시청률이 계산돼 해석과 비교에 혼란이 있었던"), and a
    figure records its base only in the words of its note, when at all; so Queen of Tears' 24.85%
    on tvN is never ranked against Descendants of the Sun's 38.8% on KBS2. None for any other
    metric, whose unit and window say all there is to say of what it counts. A season that came
    out on another channel (The Uncanny Counter's second, on tvN) is measured as that channel's."""
    if stat.metric != "ratings":
        return None
    season = show.season(stat.season) if stat.season is not None else None
    return season.platform if season is not None and season.platform else show.platform


def compared_season(show: Show, stat: Stat) -> int | None:
    """The season a figure is compared as: its own, or, for a figure given for no season of a
    title with one season out, that season, as the whole of such a title is its one season:
    Itaewon Class' final-episode rating, stored with no season, is set beside Reborn Rich's,
    stored as season 1's. A figure of no season of a title with several seasons out is the
    whole title's, and a film's is of no season: those stay None."""
    if stat.season is not None:
        return stat.season
    out = show.released_seasons
    return out[0].number if len(out) == 1 else None


def _stat_group_key(show: Show, stat: Stat) -> GroupKey:
    return (
        stat.metric,
        stat.unit,
        stat.window,
        stat.list,
        compared_season(show, stat),
        measured_by(show, stat),
    )


def _headline(stat: Stat) -> bool:
    """Whether compare lines the figure up: all but a week's chart figures, which are
    `kdrama chart`'s."""
    return not stat.window.startswith("week:")


def _stat_rows(shows: Sequence[Show]) -> list[StatRow]:
    """A row for each figure two or more of the titles have for the same metric, unit, window,
    chart and season (and a TV rating's broadcaster), sorted by metric, season and window."""
    groups: dict[GroupKey, list[list[Stat]]] = {}
    for index, show in enumerate(shows):
        for stat in show.stats:
            if not _headline(stat):
                continue  # weekly chart positions are for `kdrama chart`, not a headline row
            row = groups.setdefault(_stat_group_key(show, stat), [[] for _ in shows])
            row[index].append(stat)  # the first read is the row's; any other, its others
    rows: list[StatRow] = []
    for (metric, unit, window, chart, season, broadcaster), given in groups.items():
        stats = [figures[0] if figures else None for figures in given]
        others = tuple(tuple(figures[1:]) for figures in given)
        # the title every choice of figure gives (none where the choice could change it)
        leader = _leader(metric, [[stat.value for stat in figures] for figures in given])
        present = [s for s in stats if s is not None]
        if len(present) < 2:
            continue  # a figure only one title has is not a comparison
        values = tuple(s.value if s else None for s in stats)
        # only a running total of the weekly lists can leave out weeks (leaves_out_weeks)
        before = (
            tuple(
                s is not None and leaves_out_weeks(show, s)
                for show, s in zip(shows, stats, strict=True)
            )
            if present[0].top10_running
            else ()
        )
        ranked_half_year = leading_sign(metric) is not None and window.startswith("half-year:")
        unknown = (
            tuple(
                s is not None and release_unknown(show, s)
                for show, s in zip(shows, stats, strict=True)
            )
            if ranked_half_year
            else ()
        )
        runtimes = tuple(
            views_runtime(show, s) if s else None for show, s in zip(shows, stats, strict=True)
        )
        weekly = _week_by_week(stats, runtimes)
        rows.append(
            StatRow(
                metric=metric,
                unit=unit,
                window=window,
                window_label=present[0].window_label,
                list=chart,
                season=season,
                values=values,
                # no leader where one leaves out weeks, or may count only some days
                leader=None if any(before) or any(unknown) or any(weekly) else leader,
                windows=(window,),
                sources=tuple(s.sources if s else () for s in stats),
                broadcaster=broadcaster,
                debuts=_debuts(shows, stats) if ranked_half_year else (),
                release_unknown=unknown,
                before_top10=before,
                as_of=tuple(s.as_of if s else None for s in stats),
                others=others if any(others) else (),
                notes=tuple(s.note if s else None for s in stats),
                week_by_week=weekly,
                debut_runtimes=runtimes if weekly else (),
            )
        )
    rows.sort(key=lambda r: (r.metric, r.season or 0, r.window, r.broadcaster or ""))
    return rows


def _week_by_week(
    stats: Sequence[Stat | None], runtimes: Sequence[ViewsRuntime | None]
) -> tuple[bool, ...]:
    """For a row of views of a debut week, whether each title's season came out week by week,
    when one did and another title's figure is of a season that did not, or that the files
    cannot tell (StatRow.week_by_week); empty otherwise, for a row of any other figure too."""
    weekly = tuple(divided_by_part(runtime) for runtime in runtimes)
    said = [part for stat, part in zip(stats, weekly, strict=True) if stat is not None]
    if not any(said) or all(said):
        return ()
    return weekly


def came_out(show: Show, stat: Stat) -> dt.date | None:
    """The day the season (or film) a figure is of came out on Netflix, as well as the
    dataset knows it: Netflix's release date in an engagement report's note, else the
    season's (as ``compared_season`` has it; else the title's) Netflix release date, else its
    first release."""
    from kdrama_cli.catalogue.report_notes import read_note

    netflix = read_note(stat.note)[2] if stat.window.startswith("half-year:") else None
    if netflix:
        return netflix
    number = compared_season(show, stat)
    season = show.season(number) if number else None
    if season:
        return season.netflix_release_date or season.release_date
    return show.netflix_release_date or show.release_date


def _debuts(shows: Sequence[Show], stats: Sequence[Stat | None]) -> tuple[dt.date | None, ...]:
    """For a half-year row, the day each title's season came out where that is within the
    half-year: its figure is then of a season's first days (months, or as few as four), not of
    a whole half-year, and the row's ★ says which was watched more in that half-year, not which
    did better over a like span (Bloodhounds' 6.3M views in January–June 2025, two years after
    it came out, beside The Trauma Code's 34.1M, released that January). Whatever the other
    titles' days, out before, within it too or unknown (``release_unknown``), the figure counts
    only its own days: Single's Inferno S3, out 2023-12-12, beside Brave Detectives S3, whose
    day no source gives. Empty when no title's came out within it.
    """
    window = next(s.window for s in stats if s is not None)
    start, end = window_start(window), window_end(window)
    if start is None or end is None or not window.startswith("half-year:"):
        return ()
    days = [came_out(show, s) if s else None for show, s in zip(shows, stats, strict=True)]
    debuts = tuple(day if day and start <= day <= end else None for day in days)
    return debuts if any(debuts) else ()


def release_unknown(show: Show, stat: Stat) -> bool:
    """Whether a half-year figure's season may have come to Netflix within the half-year, for
    all the dataset knows: no day for it (``came_out``), and no figure of the same season over
    a window that ended before the half-year began (a week of Netflix's Top 10, an earlier
    report), which would put it on Netflix by then. Brave Detectives S3 in July–December 2023
    (no source dates it; the report it is first in gives no date) is; its January–June 2024
    figure, after that report, is not; nor is Her Private Life's January–June 2023 figure, as
    its weeks in the Top 10 in 2021 have it on Netflix long before. False for a figure of any
    other window."""
    start = window_start(stat.window)
    if start is None or not stat.window.startswith("half-year:"):
        return False
    if came_out(show, stat) is not None:
        return False
    season = compared_season(show, stat)
    return not any(
        (end := window_end(other.window)) is not None
        and end < start
        and compared_season(show, other) == season
        for other in show.stats
    )


def _figures_apart(shows: Sequence[Show]) -> FiguresApart | None:
    """When no figure row lines up: the first metric and window two titles both have, and
    what keeps their figures apart, the list Netflix ranks them on before the season, and for
    TV ratings of one season, their broadcasters."""
    found: dict[tuple[str, str, str], list[list[Stat]]] = {}
    for index, show in enumerate(shows):
        for stat in show.stats:
            if not _headline(stat):
                continue
            found.setdefault((stat.metric, stat.unit, stat.window), [[] for _ in shows])[
                index
            ].append(stat)
    # the headline figures first: how much it was watched, then how long it charted
    order = {
        metric: place for place, metric in enumerate(("hours-viewed", "views", "weeks-in-top10"))
    }
    shared = [
        (key, per)
        for key, per in sorted(found.items(), key=lambda item: (order.get(item[0][0], 9), item[0]))
        if sum(1 for s in per if s) > 1
    ]
    for reason in ("list", "season", "broadcaster"):
        for (metric, _, _), per in shared:
            label = next(s.window_label for stats in per for s in stats)
            lists = tuple(tuple(sorted({s.list or "" for s in stats})) for stats in per)
            if reason == "list" and not _in_common(lists):
                return FiguresApart("list", metric, label, lists=lists)
            seasons = tuple(
                tuple(sorted({compared_season(show, s) or 0 for s in stats}))
                for show, stats in zip(shows, per, strict=True)
            )
            if reason == "season" and (metric != "ratings" or not _in_common(seasons)):
                return FiguresApart("season", metric, label, seasons=seasons)
            if reason == "broadcaster" and metric == "ratings":
                broadcasters = tuple(
                    tuple(sorted({measured_by(show, s) or "" for s in stats}))
                    for show, stats in zip(shows, per, strict=True)
                )
                return FiguresApart("broadcaster", metric, label, broadcasters=broadcasters)
    return None


def _in_common(each: Sequence[tuple[object, ...]]) -> bool:
    """Whether two of the titles share a value (a list, a season) of their figures."""
    return any(sum(1 for values in each if value in values) > 1 for value in set().union(*each))


def _fold_repeats(rows: Sequence[StatRow]) -> list[StatRow]:
    """One row for a title's own length repeated unchanged by report after report.

    Every engagement report restates each title's runtime, so two titles on Netflix for two
    years would get four rows of the same two numbers, told apart only by the report. For a
    metric that is not ranked (``leading_sign`` is None) such neighbouring rows (same metric,
    unit, chart and season, and the same value for every title) become one whose label names
    the span of reports. Rows whose figures differ are kept apart: there the window is what
    tells them apart. A ranked figure (hours, views) is never folded, as each report measures
    a different half-year.
    """
    folded: list[StatRow] = []
    for row in rows:
        last = folded[-1] if folded else None
        if (
            last is None
            or leading_sign(row.metric) is not None
            or row.others
            or last.others
            or (last.metric, last.unit, last.list, last.season, last.broadcaster, last.values)
            != (row.metric, row.unit, row.list, row.season, row.broadcaster, row.values)
        ):
            folded.append(row)
            continue
        windows = (*last.windows, row.window)
        first = parse_window(windows[0]) or windows[0]
        label = f"same in {len(windows)} reports, {first} to {row.window_label}"
        sources = tuple(
            (*old, *(i for i in new if i not in old))
            for old, new in zip(last.sources, row.sources, strict=True)
        )
        # as of the last report that restates it (rows run oldest first)
        as_of = tuple(new or old for old, new in zip(last.as_of, row.as_of, strict=True))
        notes = tuple(new or old for old, new in zip(last.notes, row.notes, strict=True))
        folded[-1] = last._replace(
            windows=windows, window_label=label, sources=sources, as_of=as_of, notes=notes
        )
    return folded


def _left_out(shows: Sequence[Show], rows: Sequence[StatRow]) -> list[LeftOut]:
    """Every headline figure of the titles that no row holds, with the first of what keeps it
    apart, in the order figures_apart tries them: the Netflix list it names, which no other
    title has a figure on; then its season, which no other title has a figure of; else its
    metric and window, which no other title has for that season on that list. A title's second
    figure for a row (``StatRow.others``) is 'twice'."""
    in_rows = {
        (index, (row.metric, row.unit, window, row.list, row.season, row.broadcaster))
        for row in rows
        for window in row.windows
        for index, value in enumerate(row.values)
        if value is not None
    }
    figures = [
        [(stat, _stat_group_key(show, stat)) for stat in show.stats if _headline(stat)]
        for show in shows
    ]
    left: list[LeftOut] = []
    for index, stats in enumerate(figures):
        first: dict[GroupKey, Stat] = {}  # the figure of each key the row holds, if any
        others = [
            key for other, theirs in enumerate(figures) if other != index for _, key in theirs
        ]
        lists = {key[3] for key in others}
        seasons = {key[4] for key in others}
        windows = {key[2] for key in others}
        for stat, key in stats:
            if (index, key) in in_rows:
                if first.setdefault(key, stat) is stat:
                    continue  # in its row's values
                reason = "twice"  # in its row's others
            elif _kept_out_by_half_year(key, windows):
                reason = "window"  # a half-year no other title has a figure of, on any sheet
            elif stat.list is not None and stat.list not in lists:
                reason = "list"
            elif key[4] not in seasons:
                reason = "season"
            elif key[5] and any(other[:5] == key[:5] for other in others):
                reason = "broadcaster"  # another title's rating of it is another broadcaster's
            else:
                reason = "window"
            left.append(LeftOut(index, stat, reason, key[4], key[5]))
    return left


def _kept_out_by_half_year(key: GroupKey, windows: set[str]) -> bool:
    """Whether an engagement report's figure is kept out by its half-year before its list,
    season or broadcaster: no other title has a figure of that half-year at all. A report's
    lists are its own (January-June 2023's "What We Watched" had no sheets, later reports a
    TV and a film sheet): Crash Landing on You's January-June 2023 hours beside Queen of
    Tears, out in 2024, and a 2022 film's 2023 figures beside two 2024 series."""
    window = key[2]
    return window.startswith("half-year:") and window not in windows


def _shared_cast(
    dataset: Dataset, shows: Sequence[Show], spoilers: bool = False, today: dt.date | None = None
) -> list[SharedPerson]:
    """People credited in two or more of the shows, each with their characters and seasons
    in each; those shared only through a season not out on ``today`` come last, as in a path.
    A surprise cameo (answers.spoilers.credit_hidden) counts only with ``spoilers``."""
    characters: dict[str, list[tuple[str | None, ...]]] = {}
    seasons: dict[str, list[set[int]]] = {}
    sources: dict[str, list[dict[str, None]]] = {}
    layers: dict[str, list[LayerMark | None]] = {}
    given_by: dict[str, list[LayerMark | None]] = {}
    for index, show in enumerate(shows):
        for credit in show.cast:
            if credit_hidden(credit, spoilers):
                continue
            cited = sources.setdefault(credit.person, [{} for _ in shows])[index]
            layer = cast_layer(dataset, show, credit)
            given = layer_cited(dataset, show, layer, "cast_sources", credit.sources)
            cited.update(dict.fromkeys(rests_on(show, credit, given)))
            if given is not None:
                layers.setdefault(credit.person, [None for _ in shows])[index] = layer
            gave = given_by.setdefault(credit.person, [None for _ in shows])
            gave[index] = gave[index] or layer
            played = characters.setdefault(credit.person, [() for _ in shows])
            if credit.character not in played[index]:
                played[index] = played[index] + (credit.character,)
            seasons.setdefault(credit.person, [set() for _ in shows])[index].update(
                seasons_of(credit, show)
            )
    shared: list[SharedPerson] = []
    for person_id, played in characters.items():
        if sum(1 for c in played if c) < 2:
            continue
        split = [
            _out_and_not(show, n, today) for show, n in zip(shows, seasons[person_id], strict=True)
        ]
        out, pending = (tuple(part) for part in zip(*split, strict=True))
        rests = tuple(tuple(ids) for ids in sources[person_id])
        marks = tuple(layers.get(person_id, [None for _ in shows]))
        person = dataset.people[person_id]
        shared.append(
            SharedPerson(
                person, tuple(played), out, pending, rests, marks, tuple(given_by[person_id])
            )
        )
    shared.sort(key=lambda p: (p.only_announced, p.person.name))
    return shared


def _cameos_hidden(shows: Sequence[Show]) -> int:
    """How many surprise cameos of the titles compared are left out without spoilers: all of
    them, not only those the cast in common would list, as counting those would say whose
    cameo a title hides (the cameo shared by Hotel Del Luna and Queen of Tears), which `path`
    will not say either."""
    return sum(1 for show in shows for credit in show.cast if credit_hidden(credit, spoilers=False))


def _out_and_not(
    show: Show, numbers: Iterable[int], today: dt.date | None = None
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Of a credit's seasons, those out on ``today`` (released or airing, or listed by
    Netflix's own files: answers.upcoming.season_watchable), and those not out yet."""
    from kdrama_cli.answers.upcoming import season_watchable

    ordered = sorted(numbers)
    out = tuple(n for n in ordered if season_watchable(show, n, today))
    return out, tuple(n for n in ordered if n not in out)


def compare(
    dataset: Dataset,
    shows: Sequence[Show],
    spoilers: bool = False,
    today: dt.date | None = None,
) -> Comparison:
    """Side-by-side facts; figures share a row only when metric, unit, window, Netflix list and
    season agree (and a TV rating's broadcaster, ``measured_by``), and when none do,
    ``figures_apart`` says which keeps them apart; ``left_out`` holds each figure no row does.
    A surprise cameo is not in the cast in common unless ``spoilers``; ``hidden`` counts the
    titles' own.
    A coming season Netflix's files list by ``today`` (default: the real day) is out."""
    day = today or dt.date.today()
    rows = _fold_repeats(_stat_rows(shows))

    shared = _shared_cast(dataset, shows, spoilers, day)

    cited: list[str] = []
    for show in shows:
        cited.extend(i for i in show.sources if i not in cited)
    for stat_row in rows:
        for ids in stat_row.sources:
            cited.extend(i for i in ids if i not in cited)
        for figures in stat_row.others:  # the page gives them in the row's cell
            for stat in figures:
                cited.extend(i for i in stat.sources if i not in cited)
    for person in shared:  # each credit in common, by the one rule (answers.sources)
        for ids in person.sources:
            cited.extend(i for i in ids if i not in cited)
    crew = tuple(layered_crew(dataset, show) for show in shows)
    for given in crew:  # what a layer's extension cites for the crew it added
        for *_, ids in given:
            cited.extend(i for i in ids if i not in cited)
    works = tuple(dataset.source_works.get(s.source_work) if s.source_work else None for s in shows)
    left_out = _left_out(shows, rows)
    apart = {(item.show, id(item.stat)) for item in left_out}
    return Comparison(
        shows=tuple(shows),
        source_works=works,
        directors=tuple(fetch(dataset.people, s.directors or s.creators) for s in shows),
        writers=tuple(fetch(dataset.people, s.writers) for s in shows),
        stats=tuple(rows),
        shared_cast=tuple(shared),
        citations=fetch(dataset.citations, cited),
        figures_apart=None if rows else _figures_apart(shows),
        seasons=tuple(seasons_out(show, day) for show in shows),
        today=day,
        unmatched=tuple(
            show
            for index, show in enumerate(shows)
            if (headline := [s for s in show.stats if _headline(s)])
            and all((index, id(s)) in apart for s in headline)
        ),
        left_out=tuple(left_out),
        hidden=0 if spoilers else _cameos_hidden(shows),
        spoilers=spoilers,
        crew_layered=crew if any(crew) else (),
    )

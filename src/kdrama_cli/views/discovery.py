"""Rich renderables for the discovery commands: person, search, list, top, chart, trivia."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from kdrama_cli.answers.charts import (
    WEEKLY_TOP10_FROM,
    WEEKLY_VIEWS_FROM,
    ChartGap,
    ChartWeek,
    GrowingRuntime,
    growing_runtimes,
    weeks_before_views,
)
from kdrama_cli.answers.leaderboards import Board, Ranking
from kdrama_cli.answers.listing import ListPage, Unlabelled, top10_total
from kdrama_cli.answers.spoilers import ADD_SPOILERS
from kdrama_cli.catalogue.folding import normalize
from kdrama_cli.catalogue.models import Citation, Show, ShowSummary
from kdrama_cli.catalogue.vocab import COMPOUND_GENRES, broader_value
from kdrama_cli.catalogue.wording import joined, slugs_of
from kdrama_cli.errors import command_line
from kdrama_cli.views.boards import (
    BEFORE_TOP10,
    CAME_OUT_WEEK_BY_WEEK,
    DEBUT_MARK,
    WEEKLY_MARK,
    before_top10,
    before_views,
    board_scope,
    board_title,
    debuts_board,
    empty_board,
    left_out,
    listed_twice,
    netflix_ranks,
    no_weeks,
    other_lists,
    partial_week,
    partial_weeks,
    partial_weeks_note,
    season_not_out,
    short_and_left_out,
    views_before_published,
    views_window,
    week_by_week_board,
    whole_hours,
)
from kdrama_cli.views.spoiler_notes import credits_hidden
from kdrama_cli.views.tables import Column, FitTable
from kdrama_cli.views.text import (
    LAYER_CREDIT_MARK,
    clean,
    count_of,
    cut_at_limit,
    format_figure,
    human_number,
    layer_credits_line,
    layers_line,
    listed_last_note,
    lookup_command,
    season_label,
    seasons_label,
    shell_word,
    spoilers_command,
    tied_ranks,
    unknown_year_note,
    unlabelled_note,
    unsourced_credits_line,
)
from kdrama_cli.views.titles import (
    DASH,
    Hanging,
    _t,
    character_cell,
    refs_cell,
    sources_list,
    title_line,
)

if TYPE_CHECKING:  # records named in annotations only: `list` imports no person, quiz or search
    from kdrama_cli.answers.person_page import PersonDetail, TitleCredits
    from kdrama_cli.answers.quiz import TriviaFact
    from kdrama_cli.answers.search import SearchResult

BAR = "█"
#: A slug is shown under its title in `kdrama list` up to this length (the title itself works
#: as the handle too); a longer one would take the whole page's width.
SLUG_SHOWN = 32
PARTIAL = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int = 30) -> str:
    """A horizontal bar of ``width`` cells for the largest value, in eighths of a cell; a
    value too small for an eighth still gets one, so that it never reads as no value."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, part = divmod(eighths, 8)
    return BAR * full + (PARTIAL[part] if part else "")


#: Under a person's credits: why a career looks short (P5-7).
CATALOGUE_ONLY = (
    "Only the titles the catalogue has researched list cast and crew; those it holds only as "
    "Netflix's record have none, so other work of theirs is not listed."
)


def person_view(
    detail: PersonDetail,
    seen: Sequence[tuple[int, ...] | None] | None = None,
    *,
    every_column: str | None,
    table: bool = True,
    to_see_spoilers: str = ADD_SPOILERS,
    fold_urls: bool = False,
) -> RenderableType:
    """A person's page: one row per title, each citing its sources in a Src column numbered
    as the Sources list under the page. With ``seen`` (one mark per credit, from the seen
    list) a Seen column says which titles you have watched, when any. ``every_column``: the
    caller's option that prints every column (FitTable), or None. Without ``table`` the
    credits are left for the caller to list (the browser's list of links, person_links).
    ``to_see_spoilers`` says how to see what the page hides as a spoiler (browse has no
    --spoilers: it names the command line); ``fold_urls`` folds a source's address at the
    width (browse's pane crops a line a terminal would wrap)."""
    person = detail.person
    header = Text(clean(person.name), style="bold")
    if person.hangul:
        header.append(f"  {clean(person.hangul)}", style="bold magenta")
    parts: list[RenderableType] = [header]
    known = other_names(person.name, person.aliases)
    if known:
        parts.append(Text("also known as: " + "; ".join(clean(a) for a in known), "dim"))
    if person.note:
        parts.append(_t(person.note, "dim"))
    # what the name, aliases and note rest on, on the last of those lines (the header's
    # when there is neither): "legal name Lee Ji-eun (이지은). [24,25]"
    own = refs_cell(detail.ref(detail.sources))
    if own:
        last = parts[-1]
        if isinstance(last, Text):
            last.append(f" {own}", style="dim")
    layered = layers_line(detail.layers, detail.personal)
    if layered:  # a person (or part of one) from the user's own file, not the base dataset's
        parts.append(Text(layered, style="dim"))
    if detail.credits:
        parts.append(Text("Credits in this catalogue", style="bold cyan"))
        if table:
            parts.append(_credits_table(detail, seen, every_column))
            if any(_crew_of_seasons(row) for row in detail.titles):  # what a blank cell means
                parts.append(Text(_crew_seasons_note(detail.titles), style="dim"))
        else:
            parts.append(Text("One line per title below: Enter opens it.", style="dim"))
        # the credits from the user's own files, not the base dataset's: each row marked
        from_layers = layer_credits_line([given for row in detail.titles for given in row.layers])
        if from_layers:
            parts.append(Text(from_layers, style="dim"))
        unsourced = unsourced_credits_line(detail.unsourced)
        if unsourced:
            parts.append(Text(unsourced, style="dim"))
        parts.append(Text(CATALOGUE_ONLY, style="dim"))
    elif not detail.hidden:  # else the line below says why none is listed
        parts.append(Text("No credits in the catalogue.", style="dim"))
    if detail.hidden:
        parts.append(Text(credits_hidden(detail.hidden, to_see_spoilers), style="dim"))
    if detail.colleagues:
        worked = []
        for colleague in detail.colleagues:
            name = _t(colleague.person.name, "bold")
            if colleague.person.hangul:
                name.append(f" {clean(colleague.person.hangul)}", style="magenta")
            worked.append([name, _t(", ".join(s.title for s in colleague.shows))])
        parts.append(Text("\nAlso worked with", style="bold cyan"))
        columns = [Column("Person"), Column("Titles together")]
        parts.append(FitTable(columns, worked, every_column=every_column))
    if detail.citations:
        listed = sources_list(
            detail.citations, spoilers=detail.spoilers, hint=to_see_spoilers, fold_urls=fold_urls
        )
        parts += [Text("\nSources", style="bold cyan"), listed]
    return Group(*parts)


def other_names(name: str, aliases: Sequence[str]) -> list[str]:
    """The aliases a person page lists as other names: not the name in another case ("j-hope"
    of J-hope, "SUGA" of Suga: the official styling, which search still finds), each once
    (walk36-people #10)."""
    said = {name.casefold()}
    known = []
    for alias in aliases:
        if alias.casefold() not in said:
            said.add(alias.casefold())
            known.append(alias)
    return known


def _as_cell(row: TitleCredits) -> Text:
    """'Park Pyong-ho (박평호)' and, under it, 'also director, writer'; a part or a capacity
    a layer gave marked LAYER_CREDIT_MARK ('Player 999 *', 'also director *')."""
    lines = []
    for credit, layered in zip(
        row.acted, row.acted_layered or (False,) * len(row.acted), strict=True
    ):
        line = character_cell(credit)
        if layered:
            line.append(f" {LAYER_CREDIT_MARK}", style="dim")
        lines.append(line)
    cell = Text("\n").join(lines)
    if row.made:
        marked = row.made_layered or (False,) * len(row.made)
        made = [
            clean(capacity) + (f" {LAYER_CREDIT_MARK}" if layered else "")
            for capacity, layered in zip(row.made, marked, strict=True)
        ]
        cell.append(("\nalso " if row.acted else "") + ", ".join(made), style="italic")
    return cell


def role_label(row: TitleCredits, seasons: Callable[[Sequence[int]], str] = seasons_label) -> str:
    """A person's role in one title, as their page's Role column and browse's list of their
    credits both give it: 'main', or, for a part that changed role between seasons, each role
    with its seasons, 'supporting (S1), main (S2, S3)' (``seasons`` words them: browse says
    which are announced)."""
    if not row.roles_by_season:
        return row.role
    return ", ".join(f"{name} ({seasons(numbers)})" for name, numbers in row.roles_by_season)


#: Under a person's credits when a row of a series is crew alone: why its Seasons cell is
#: blank, where "—" read as "no seasons" (walk36-people #8).
CREW_SEASONS = (
    "A blank Seasons cell is a crew credit's: the catalogue holds a title's crew for the "
    "whole title, not season by season."
)


#: Added when a "—" is beside the blank cells: the mix of the two read as random (audit37 #15).
DASH_SEASONS = f' A "{DASH}" is a title without seasons, as a film.'


def _crew_seasons_note(rows: Sequence[TitleCredits]) -> str:
    """CREW_SEASONS, and what a "—" means when a title without seasons has one there too."""
    dashed = any(not row.show.seasons for row in rows)
    return CREW_SEASONS + (DASH_SEASONS if dashed else "")


def _crew_of_seasons(row: TitleCredits) -> bool:
    """Whether a row is crew alone in a title of seasons: the dataset holds no season for it
    (a film's row, of no seasons, keeps its "—")."""
    return not row.acted and not row.seasons and not row.announced and bool(row.show.seasons)


def _seasons_cell(row: TitleCredits) -> Text:
    if _crew_of_seasons(row):
        return Text("")
    seasons = Text(", ".join(str(n) for n in row.seasons) or DASH)
    if row.announced:  # as the show and cast pages mark them
        seasons.append(" (announced)", style="yellow")
    return seasons


def _credits_table(
    detail: PersonDetail,
    seen: Sequence[tuple[int, ...] | None] | None,
    every_column: str | None,
) -> FitTable:
    """One row per title: its English title, its Korean one under it, then the slug to copy."""
    rows = detail.titles
    marks = detail.titles_seen(seen)
    marked = any(mark is not None for mark in marks)  # no Seen column when nothing is seen
    cells: list[list[Text | str]] = []
    for row, mark in zip(rows, marks, strict=True):
        title = _t(row.show.title)
        if row.show.korean_title_shown:
            title.append(f"\n{clean(row.show.korean_title_shown)}", style="magenta")
        title.append(f"\n{row.show.slug}", style="dim")
        line: list[Text | str] = [row.year_label or DASH, title, _as_cell(row), role_label(row)]
        line.append(_seasons_cell(row))
        if marked:
            line.append(_seen_mark(_short_of(mark, row.seasons)))
        line.append(refs_cell(detail.ref(row.sources)))
        cells.append(line)
    # A year right-aligned, as a table of years reads; flush left when a row's is wider ("by
    # 2026": out, dated by no source), which indented every other row (walk36-people #11)
    wider = any(len(line[0]) > len("2026") for line in cells if isinstance(line[0], str))
    columns = [
        Column("Year", "left" if wider else "right", whole=True),
        Column("Title", id_line=-1),
        Column("As", comfort=16),  # "The Front Man (Hwang In-ho)" in two lines, not five
        # main, supporting or special: what tells a lead from a cameo, so it outlasts Src
        Column("Role", drop=2, over_ids=True),
        Column("Seasons", drop=1, over_ids=True),
        # the ✓ is what a seen list is for: Src (the Sources list stays under the page) goes first
        *([Column("Seen", style="green", drop=3, over_ids=True)] if marked else []),
        # without it no row points at the page's sources: a long slug gives way first
        Column("Src", style="dim", whole=True, drop=4, over_ids=True),
    ]
    return FitTable(columns, cells, every_column=every_column)


def _short_of(mark: tuple[int, ...] | None, seasons: Sequence[int]) -> tuple[int, ...] | None:
    """The seasons a Seen cell names: none when every season of the row's is seen, which its
    Seasons column lists already ("✓ S1, S2, S3" took four lines beside a one-line row). A row
    that lists no seasons (a creator's, a writer's) keeps the seasons seen named."""
    if mark and seasons and set(seasons) <= set(mark):
        return ()
    return mark


def _seen_mark(mark: tuple[int, ...] | None) -> str:
    """'✓', '✓ S1, S2', or '' (not seen)."""
    if mark is None:
        return ""
    return "✓ " + seasons_label(mark) if mark else "✓"


def search_view(
    query: str,
    results: Sequence[SearchResult],
    hidden: str | None = None,
    total: int | None = None,
) -> RenderableType:
    """The results as a table; under it a dim line when --limit cut it (``total``: how many
    matched), and ``hidden``, one saying that matches were left out as spoilers and how to
    see them."""
    if not results:
        return Text(f"Nothing in the catalogue matches {clean(query)!r}.")
    rows: list[list[Text | str]] = []
    # Two results of one name (a title and Netflix's record of the same name) would read
    # alike once the command to copy gives way: each says its id under the name. Results of
    # one character and title (each contestant "Herself") differ by who plays it instead.
    labels = Counter(label for label, _ in {(r.label, r.target) for r in results})
    for number, result in enumerate(results, start=1):
        label = Text()
        label.append(clean(result.label), "bold")
        if labels[result.label] > 1:
            label.append(f"\n{clean(result.target)}", "dim")
        if result.actor:
            seasons = seasons_label(result.seasons)
            played = f"played by {result.actor}" + (f" ({seasons})" if seasons else "")
            label.append("\n" + clean(played))
        rows.append(
            [
                str(number) if number is not None else DASH,
                label,
                result.kind,
                _t(result.matched),
                lookup_command(result.kind, result.target, result.season),
            ]
        )
    # What matched is the point of a search: on a narrow terminal Kind (which Matched mostly
    # says too) and then the command to copy give way first (the title or name in Result
    # opens it too), before Matched is squeezed into a word a line; narrower still, Matched
    # goes under the result. Kind comes back when the command went and left room for it. A
    # title narrows to 16 cells ("Squid Game:" over "Making Season 2") before the command
    # goes, so that at 80 columns `squid game 2` still gives its --season 2.
    table = FitTable(
        [
            Column("#", "right", style="dim", whole=True),
            Column("Result", comfort=16, roomy=24),
            Column("Kind", drop=3, returns=True),
            Column("Matched", drop=1, comfort=16, under=1),
            Column("Look up with", style="dim", whole=True, drop=2),
        ],
        rows,
        every_column="--csv",
    )
    notes = [line for line in (cut_at_limit(len(results), total, "result"), hidden) if line]
    return Group(table, *(Text(line, style="dim") for line in notes)) if notes else table


def values_view(
    facet: str, values: Sequence[tuple[str, int]], unlabelled: Unlabelled | None = None
) -> RenderableType:
    """The values with their counts, and a line for each value that counts another's titles
    too (novel and web-novel), so the counts need not add up to the catalogue; ``unlabelled``:
    the titles held only as Netflix's record, which no genre or platform counts."""
    table = FitTable(
        [Column(facet.replace("-", " ").capitalize()), Column("Titles", "right", whole=True)],
        [[_t(value), f"{count:,}"] for value, count in values],
        every_column="--csv",
    )
    lines = _broader_notes(facet, [v for v, _ in values])
    if unlabelled and unlabelled.left_out:
        lines.append(unlabelled_note(unlabelled, counted=True))
    notes = [Text(line, style="dim") for line in lines]
    return Group(table, *notes) if notes else table


def _broader_notes(facet: str, values: Sequence[str]) -> list[str]:
    """'novel counts the titles of web-novel too, as kdrama list --adapted-from novel finds
    them.' for each listed value that takes in others."""
    spelled = {normalize(value): value for value in values}
    taken_in: dict[str, list[str]] = {}
    for value in values:
        broader = broader_value(facet, value)
        if broader is not None and normalize(broader) in spelled:
            taken_in.setdefault(spelled[normalize(broader)], []).append(value)
    lines = [
        f"{clean(wide)} counts the titles of {joined(clean(n) for n in narrow)} too, as "
        f"{command_line(f'list --{facet} {shell_word(wide)}')} finds them."
        for wide, narrow in taken_in.items()
    ]
    if facet == "genre":  # a genre made of two counts the titles tagged with both
        lines += [
            f"{compound} counts the titles tagged both {joined(parts)} too, as "
            f"{command_line(f'list --genre {shell_word(compound)}')} finds them."
            for compound, parts in COMPOUND_GENRES.items()
            if normalize(compound) in spelled
        ]
    return lines


def list_view(page: ListPage, sort: str) -> RenderableType:
    """The catalogue table (answers.listing.list_page), and under it: how many match when the
    limit cut the list short; the titles the filters left out for want of a year or a label;
    sorted by views, the titles in the Top 10 before Netflix published weekly views, marked
    apart, and the first of them the limit left out; the week the Top 10 sums run to, which
    the footnote gives them as of."""
    shows, before_views = page.shows, page.before_views
    if not shows:
        return Text("No title matches those filters.")
    extra = {"hours": "hours-viewed", "views": "views"}.get(sort)
    columns = [
        Column("Title", id_line=1),
        Column("Korean", drop=3),
        Column("Year", "right", whole=True),
        Column("Kind / Platform", drop=4),
        Column("Seasons", "right", whole=True, drop=2),
        Column("Genres", drop=5),
    ]
    if extra:
        columns.append(Column(f"Top 10 {sort}*", "right", whole=True))
    rows: list[list[Text | str]] = []
    for show in shows:
        title = _t(show.title, "bold")
        if len(show.slug) <= SLUG_SHOWN:
            title.append(f"\n{show.slug}", style="dim")
        kind = Text(show.kind)
        if show.platforms:  # the title's, then any other a season came out on: "OCN, tvN"
            kind.append(f"\n{clean(', '.join(show.platforms))}", style="dim")
        row: list[Text | str] = [
            title,
            _t(show.korean_title),
            str(show.year or DASH),
            kind,
            str(show.seasons) if show.seasons is not None else DASH,
            _t(", ".join(show.genres)),
        ]
        if extra:
            summed = top10_total(show, extra)
            cell = human_number(summed, short=True) if summed else DASH
            if sort == "views" and show.slug in before_views:
                cell = f"{cell if summed else 'unpublished'}{BEFORE_VIEWS}"
            row.append(cell)
        rows.append(row)
    table = FitTable(columns, rows, every_column="--csv")  # `list` has --csv
    counted = cut_at_limit(len(shows), page.total, "title") or count_of(len(shows), "title")
    parts: list[RenderableType] = [table]
    unslugged = [show.title for show in shows if len(show.slug) > SLUG_SHOWN]
    if unslugged:  # a row without the slug every other row has is said, as FitTable says it
        said = (
            f"Not shown: {slugs_of([clean(title) for title in unslugged])}, longer than"
            f" {SLUG_SHOWN} characters (the title opens {'them' if len(unslugged) > 1 else 'it'}"
            " too; --csv lists every slug)."
        )
        parts.append(Text(said, style="dim"))
    parts.append(Text(counted, style="dim"))
    if page.unknown_year.left_out:
        parts.append(Text(unknown_year_note(page.unknown_year), style="dim"))
    if page.unlabelled.left_out:
        parts.append(Text(unlabelled_note(page.unlabelled), style="dim"))
    if page.listed_last.left_out:  # sorted by year: the titles of unknown year come last
        last = listed_last_note(page.listed_last, page.last_past_limit)
        parts.append(Text(last, style="dim"))
    if page.first_after is not None:
        shown = {show.slug for show in shows}
        parts.append(Text(listed_after(page.first_after, len(before_views - shown) - 1)))
    if extra:
        parts.append(Text(summed_note(sort, before_views, page.totals_to), style="dim"))
    return Group(*parts)


def listed_after(first: ShowSummary, others: int) -> str:
    """Under `list --sort views` cut by --limit: the best-viewed of the titles listed after
    the others, which the page's rows may not reach (Squid Game, in the Top 10 from 2021)."""
    summed = top10_total(first, "views")
    figure = f"{human_number(summed, short=True) if summed else 'unpublished'}{BEFORE_VIEWS}"
    since = f"{WEEKLY_VIEWS_FROM:%B %Y}"
    if not others:
        return f"{clean(first.title)} ({figure}), with weeks before {since}, is listed after these."
    return (
        f"{clean(first.title)} ({figure}) and {count_of(others, 'other')} with weeks before "
        f"{since} are listed after these."
    )


#: Marks a title's summed views that leave out weeks before Netflix published views.
BEFORE_VIEWS = "†"


def summed_note(sort: str, before_views: frozenset[str], top10_to: str | None = None) -> str:
    """The footnote of `list --sort hours|views`: what was summed, and over which weeks, to the
    week ``top10_to`` (the sums are running totals: a title still in the lists adds more).
    Netflix's weekly lists begin in July 2021 and give views only from June 2023, so the
    window is not the same for every title: views name the titles in the Top 10 before."""
    start = WEEKLY_TOP10_FROM.isoformat()
    weeks = (
        f"the weeks ending {start} (when the lists begin) to {top10_to}"
        if top10_to
        else f"the lists, which begin with the week ending {start}"
    )
    said = (
        f"* {sort} summed over the weeks a title spent in Netflix's weekly global Top 10 (all "
        f"seasons), not its total viewing: {weeks}."
    )
    if sort != "views":
        return said
    said += f" Netflix published weekly views only from the week ending {WEEKLY_VIEWS_FROM}"
    if not before_views:
        return said + "."
    return (
        f"{said}: {BEFORE_VIEWS} marks the {count_of(len(before_views), 'title')} in the Top "
        '10 before then, whose figure leaves those weeks out ("unpublished" when every week '
        "was before), listed after the others."
    )


def board_view(
    board: Board, ranking: Ranking, citations: Sequence[Citation] = ()
) -> RenderableType:
    """A leaderboard; one dim line under it says why it holds fewer rows than --limit, and the
    Sources of its figures (answers.leaderboards.cited_by) follow."""
    title = Text(board_title(board, ranking), style="bold")
    if not ranking.entries:
        return Group(title, Text(empty_board(board, ranking), style="dim"))
    entries = ranking.entries
    largest = max(e.stat.value for e in entries)
    rows: list[list[Text | str]] = []
    ranks: Sequence[int | None] = tied_ranks([e.stat.value for e in entries])
    netflix = netflix_ranks(ranking)  # Netflix's own ranks, not the board's
    if netflix:
        ranks = [e.netflix_rank for e in entries]
    marked = any(entry.before_top10 for entry in entries)  # figures stay aligned beside a mark
    weekly = any(entry.week_by_week for entry in entries)
    debuts = any(entry.debut for entry in entries)
    # A date every row shares (a weekly board's last list, a report's end) is said once in the
    # heading: a column repeating it on every row told nothing and was the first to go.
    dates = {entry.stat.as_of for entry in entries}
    shared = next(iter(dates)) if not board.best_week and len(dates) == 1 else None
    if shared is not None:
        title.append(f" · as of {shared.isoformat()}", style="not bold dim")
    for number, entry in zip(ranks, entries, strict=True):
        label = _t(entry.show.title, "bold")
        if entry.season and len(entry.show.seasons) > 1:
            label.append(f" {season_label(entry.season)}", style="dim")
        if entry.netflix_title:  # one of a season's rows: the Netflix title it is listed under
            label.append(f" “{clean(entry.netflix_title)}”", style="dim")
        window = entry.stat.window
        if board.best_week:
            when = window[5:] if window.startswith("week:") else entry.stat.window_label
        else:
            when = entry.stat.as_of.isoformat()
        figure = Text(format_figure(entry.stat.value, entry.stat.unit, short=True))
        figure.append(BEFORE_TOP10 if entry.before_top10 else " " * marked)
        figure.append(WEEKLY_MARK if entry.week_by_week else " " * weekly)
        figure.append(DEBUT_MARK if entry.debut else " " * debuts)
        if entry.partial_days:  # under the figure, which a narrow page never leaves out
            figure.append(f"\n{partial_week(entry.partial_days)}", style="dim")
        row: list[Text | str] = [
            str(number) if number is not None else DASH,
            label,
            figure,
            bar(entry.stat.value, largest, 16),
        ]
        rows.append(row if shared is not None else [*row, when])
    columns = [
        Column("Netflix #" if netflix else "#", "right", whole=True),
        Column("Title", comfort=24),
        Column("Figure", "right", whole=True),
        # The bars give way first, unnoted; then the date, before a title's words would
        # break, and the note under the table says so.
        Column("", style="cyan", whole=True, drop=2),
    ]
    if shared is None:
        heading = "Week ending" if board.best_week else "As of"
        columns.append(Column(heading, style="dim", whole=True, drop=1))
    table = FitTable(columns, rows, every_column="--csv")
    cut = cut_at_limit(len(entries), ranking.ranked, "ranked", "ranked")
    notes = [
        line
        for line in (
            cut,
            board_scope(board, ranking),
            before_top10() if marked else None,
            partial_weeks(ranking),
            week_by_week_board(ranking),
            debuts_board(ranking),
            views_window(board),
            before_views(ranking),
            listed_twice(ranking),
            *short_and_left_out(board, ranking),
            other_lists(board, ranking),
            left_out(board, ranking),
        )
        if line
    ]
    return Group(
        title, table, *(Text(line, style="dim") for line in notes), *figures_sources(citations)
    )


def figures_sources(citations: Sequence[Citation]) -> list[RenderableType]:
    """The numbered Sources under a board or a chart. Netflix cites each week's list apart,
    so a chart of a year would list fifty pages alike: citations of one publisher and address
    whose titles differ only by their own date are listed once, the date elided, with how many
    there are and the dates they span. Nothing when nothing is cited."""
    if not citations:
        return []
    groups: dict[tuple[str, ...], list[Citation]] = {}
    for citation in citations:
        groups.setdefault(_dated_alike(citation), []).append(citation)
    entries: list[tuple[str, Text, str]] = []
    for number, cited in enumerate(groups.values(), start=1):
        if len(cited) == 1:
            entries.append(_one_source(number, cited[0]))
            continue
        first = cited[0]
        dates = sorted(c.date for c in cited if c.date)
        elided = first.title.replace(first.date.isoformat(), "…") if first.date else first.title
        said = f"{clean(first.publisher)}, “{clean(elided)}” ({len(cited):,} citations"
        said += f", dated {dates[0].isoformat()} to {dates[-1].isoformat()})"
        entries.append((f"[{number}]", Text(said, overflow="fold"), clean(first.url)))
    return [Text("\nSources", style="bold cyan"), Hanging(entries)]


def _dated_alike(citation: Citation) -> tuple[str, ...]:
    """What citations listed as one share: publisher, address, and title but for its date (a
    citation with a hidden headline, or with no date in its title, is listed on its own)."""
    date = citation.date.isoformat() if citation.date else None
    if date is None or date not in citation.title or citation.spoiler or citation.title_note:
        return (citation.id,)
    return (citation.publisher, citation.url, citation.title.replace(date, ""))


def _one_source(number: int, citation: Citation) -> tuple[str, Text, str]:
    """One citation as a numbered Sources list gives it (views.titles.sources_list)."""
    listed = sources_list([citation])
    assert isinstance(listed, Hanging)
    _, text, url = listed.entries[0]
    return f"[{number}]", text, url


#: Under a chart of several seasons with a gap line: what the gap counts.
TITLE_GAPS = "Weeks out: weeks with no season of the title in the Top 10."


def chart_view(
    charts: Sequence[tuple[Show, Sequence[ChartWeek]]],
    metric: str,
    seasons: Sequence[int | None],
    gaps: Sequence[ChartGap],
    citations: Sequence[Citation] = (),
) -> RenderableType:
    """Each title's chart in turn; ``seasons`` names the season each was charted for (or
    None), and ``gaps`` (answers.charts.chart_gap) why one with no week has none. The
    Sources of every chart's weeks (answers.leaderboards.cited_by) follow the last.

    Every chart's bars are drawn to one scale, the page's largest week, so that titles charted
    side by side can be compared by their bars as by their figures. A rank has a scale of its
    own, the Top 10's places: a #1 is the full bar and a #10 a tenth of it, alone or beside
    other titles."""
    parts: list[RenderableType] = []
    largest = (
        _TOP_PLACES
        if metric == "rank"
        else max(
            (v for _, weeks in charts for w in weeks if (v := _chart_value(w, metric))), default=0
        )
    )
    for (show, weeks), season, empty in zip(charts, seasons, gaps, strict=True):
        if parts:  # a blank line between one title's chart and the next heading
            parts.append(Text(""))
        heading = Text(clean(show.title), style="bold")
        if show.korean_title_shown:
            heading.append(f"  {clean(show.korean_title_shown)}", style="magenta")
        charted = sorted({w.season for w in weeks if w.season})
        if season is not None:
            heading.append(f"  {season_label(season)}")
        elif len(charted) == 1 and len(show.seasons) > 1:
            heading.append(f"  {season_label(charted[0])}")
        label = {"hours": "hours viewed", "views": "views", "rank": "rank"}[metric]
        heading.append(f"\nweeks in Netflix's global Top 10, by {label}", style="dim")
        parts.append(heading)
        if empty.no_weeks is not None:  # no week: a season not out, or why_no_weeks' reason
            not_out = empty.not_out
            said = (
                season_not_out(not_out, empty.stale)
                if not_out is not None
                else no_weeks(empty.no_weeks)
            )
            parts.append(Text(f"{said[0].upper()}{said[1:]}.", style="dim"))
            continue
        if metric == "views" and not any(week.views for week in weeks):
            # a column of dashes, then why: said once, up front, with what does chart them
            parts.append(Text(_no_views(show, season, len(weeks)), style="dim"))
            continue
        several = len({w.season for w in weeks}) > 1
        values = [_chart_value(w, metric) for w in weeks]
        # On a narrow terminal the bars give way first (unnoted), then the rank beside the
        # figure charted, then the season; the week and the figure are never cut.
        columns = [Column("Week ending", whole=True)]
        if several:
            columns.append(Column("Season", "right", whole=True, drop=1))
        if metric != "rank":
            columns.append(Column("Rank", "right", whole=True, drop=2))
        columns.append(Column(metric.capitalize(), "right", whole=True))
        columns.append(Column("", style="cyan", whole=True, drop=3))
        rows: list[list[Text | str]] = []
        previous: ChartWeek | None = None
        gaps_shown = False
        for week, value in zip(weeks, values, strict=True):
            # Weeks with no row at all, whichever season the rows on either side are of: the
            # title was out of the Top 10 (a season out while another stays in is no gap).
            missed = (week.week - previous.week).days // 7 - 1 if previous is not None else 0
            if missed > 0:
                gap = Text(f"{count_of(missed, 'week')} out", style="dim italic")
                rows.append([gap, *([""] * (len(columns) - 1))])
                gaps_shown = True
            previous = week
            row: list[Text | str] = [week.week.isoformat()]
            if several:
                row.append(season_label(week.season) if week.season else DASH)
            row.append(f"#{week.rank}" if week.rank else DASH)
            if metric != "rank":
                row.append(human_number(value, short=True) if value else DASH)
            row.append(bar(value or 0, largest, 28))
            rows.append(row)
            if week.partial_days and value and metric != "rank":  # a short bar, a short week
                # a row of its own under the week, as "3 weeks out" is: it wraps on a narrow
                # terminal, where under the figure it would widen a column that never wraps
                short = Text(partial_week(week.partial_days), style="dim")
                rows.append([short, *([""] * (len(columns) - 1))])
        parts.append(FitTable(columns, rows, every_column="--csv"))
        if several and gaps_shown:
            parts.append(Text(TITLE_GAPS, style="dim"))
        cut = [w for w, value in zip(weeks, values, strict=True) if w.partial_days and value]
        if metric != "rank" and cut:
            kind = show.kind if show.kind in ("film", "special") else "title"
            what = ("season" if week.season is not None else kind for week in cut)
            parts.append(Text(partial_weeks_note(what), style="dim"))
        unpublished = weeks_before_views(weeks) if metric == "views" else 0
        if unpublished:
            parts.append(Text(views_before_published(unpublished), style="dim"))
        if metric == "views":
            parts += [Text(growing_runtime_note(g), style="dim") for g in growing_runtimes(weeks)]
    return Group(*parts, *figures_sources(citations))


def _no_views(show: Show, season: int | None, weeks: int) -> str:
    """Why a views chart has no bar at all: every week is from before Netflix published views
    (hours only), and the command that charts the hours of those weeks."""
    said = "its week has" if weeks == 1 else f"none of its {weeks} weeks has"
    hours = f"chart {shell_word(show.slug)}"
    hours += f" --season {season}" if season is not None else ""
    return (
        f"No views to chart: {said} views, as Netflix published weekly views from the week "
        f"ending {WEEKLY_VIEWS_FROM.isoformat()}. Their hours viewed: "
        f"{command_line(f'{hours} --metric hours')}."
    )


def growing_runtime_note(growing: GrowingRuntime) -> str:
    """Why a season released week by week has views that fall while its hours rise."""
    whose = f"Season {growing.season}" if growing.season else "This title"
    return (
        f"{whose} {CAME_OUT_WEEK_BY_WEEK} (about {whole_hours(growing.first)} in its first week"
        f" here, {whole_hours(growing.last)} in its last), so its views fall as episodes are added"
        " and do not compare from week to week; its hours do."
    )


#: The places of a weekly Top 10, the scale of a chart's rank bars.
_TOP_PLACES = 10


def _chart_value(week: ChartWeek, metric: str) -> float | None:
    if metric == "rank":  # a longer bar for a better rank
        return _TOP_PLACES + 1 - week.rank if week.rank else None
    return week.hours if metric == "hours" else week.views


def trivia_view(
    trivia: TriviaFact, spoilers: bool = False, not_out: str | None = None
) -> RenderableType:
    """The title first (a fact often says "the series" or "it"), then the fact, with the season
    it is about when it is about one: a title's page lists a season's facts under that season,
    but on its own "won the grand prize for playing Kim Sa-bu" would be dated by its source
    (a season 2 announcement) to the wrong year. Its sources' headlines that give a result away
    show only with ``spoilers``."""
    heading = title_line(trivia.show)  # as the show page heads it
    text = Text("")
    if trivia.fact.spoiler:
        text.append("[spoiler] ", style="red")
    if trivia.fact.season is not None:
        text.append(f"(season {trivia.fact.season}) ", style="dim")
    text.append_text(_t(trivia.fact.text))
    if trivia.citations:
        text.append(f" {refs_cell(range(1, len(trivia.citations) + 1))}", style="dim")
    said = [Text(not_out, style="dim")] if not_out else []  # the season asked is not out
    return Group(
        heading,
        *said,
        Hanging([("•", text)], label_style=""),
        Text("\nSources", style="bold cyan"),
        # --spoilers would change which fact is picked, so point to the title's own page.
        sources_list(trivia.citations, spoilers=spoilers, hint=spoilers_command(trivia.show.slug)),
    )

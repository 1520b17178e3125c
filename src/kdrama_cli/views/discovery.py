"""Rich renderables for the discovery commands: person, search, list, top, chart, trivia."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kdrama_cli.answers.discovery import (
    Board,
    BoardEntry,
    ChartWeek,
    PersonDetail,
    SearchResult,
    top10_total,
)
from kdrama_cli.answers.quiz import TriviaFact
from kdrama_cli.catalogue.models import Show, ShowSummary
from kdrama_cli.views.text import clean, format_figure, human_number
from kdrama_cli.views.titles import DASH, _t, sources_list

BAR = "█"
PARTIAL = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int = 30) -> str:
    """A horizontal bar of ``width`` cells for the largest value, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    full, part = divmod(eighths, 8)
    return BAR * full + (PARTIAL[part] if part else "")


def person_view(detail: PersonDetail) -> RenderableType:
    person = detail.person
    header = Text(clean(person.name), style="bold")
    if person.hangul:
        header.append(f"  {clean(person.hangul)}", style="bold magenta")
    parts: list[RenderableType] = [header]
    if person.aliases:
        parts.append(Text("also known as: " + "; ".join(clean(a) for a in person.aliases), "dim"))
    if person.note:
        parts.append(_t(person.note, "dim"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Credits", title_justify="left")
    table.add_column("Year", justify="right")
    table.add_column("Title")
    table.add_column("As")
    table.add_column("Role")
    table.add_column("Seasons")
    for entry in detail.credits:
        credit = entry.credit
        title = _t(entry.show.title)
        if entry.show.korean_title:
            title.append(f" {clean(entry.show.korean_title)}", style="magenta")
        if credit:
            character = _t(credit.character)
            if credit.character_hangul:
                character.append(f" ({clean(credit.character_hangul)})", style="dim")
            # A credit without seasons covers every season of a series (and none of a film).
            numbers = credit.seasons or tuple(s.number for s in entry.show.seasons)
            seasons = ", ".join(str(n) for n in numbers) or DASH
            table.add_row(str(entry.show.year or DASH), title, character, credit.role, seasons)
        else:
            what = entry.capacity
            if entry.work:
                what += f" ({clean(entry.work.title)})"
            table.add_row(
                str(entry.show.year or DASH), title, Text(what, style="italic"), "crew", DASH
            )
    parts.append(table if detail.credits else Text("No credits in the catalogue.", style="dim"))
    if detail.colleagues:
        worked = Table(
            box=box.SIMPLE_HEAD, pad_edge=False, title="Also worked with", title_justify="left"
        )
        worked.add_column("Person")
        worked.add_column("Titles together")
        for colleague in detail.colleagues:
            name = _t(colleague.person.name, "bold")
            if colleague.person.hangul:
                name.append(f" {clean(colleague.person.hangul)}", style="magenta")
            worked.add_row(name, _t(", ".join(s.title for s in colleague.shows)))
        parts.append(worked)
    return Group(*parts)


def search_view(query: str, results: Sequence[SearchResult]) -> RenderableType:
    if not results:
        return Text(f"Nothing in the catalogue matches {clean(query)!r}.")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Result")
    table.add_column("Kind")
    table.add_column("Matched")
    table.add_column("Look up with", style="dim")
    for number, result in enumerate(results, start=1):
        command = "person" if result.kind == "person" else "show"
        label = Text()
        label.append(clean(result.label), "bold")
        if result.actor:
            seasons = ", ".join(str(n) for n in result.seasons)
            played = f"played by {result.actor}" + (f" (seasons {seasons})" if seasons else "")
            label.append("\n" + clean(played))
        table.add_row(
            str(number),
            label,
            result.kind,
            _t(result.matched),
            f"kdrama {command} {result.target}",
        )
    return table


def values_view(facet: str, values: Sequence[tuple[str, int]]) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(facet.replace("-", " ").capitalize())
    table.add_column("Titles", justify="right")
    for value, count in values:
        table.add_row(_t(value), f"{count:,}")
    return table


def list_view(shows: Sequence[ShowSummary], sort: str) -> RenderableType:
    if not shows:
        return Text("No title matches those filters.")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Title")
    table.add_column("Korean")
    table.add_column("Year", justify="right")
    table.add_column("Kind")
    table.add_column("Platform")
    table.add_column("Seasons", justify="right")
    table.add_column("Genres")
    extra = {"hours": "hours-viewed", "views": "views"}.get(sort)
    if extra:
        table.add_column(f"Top 10 {sort}*", justify="right")
    for show in shows:
        row: list[RenderableType] = [
            _t(show.title, "bold"),
            _t(show.korean_title),
            str(show.year or DASH),
            show.kind,
            _t(show.platform),
            str(show.seasons) if show.seasons is not None else DASH,
            _t(", ".join(show.genres)),
        ]
        if extra:
            total = top10_total(show, extra)
            row.append(human_number(total, short=True) if total else DASH)
        table.add_row(*row)
    parts: list[RenderableType] = [table, Text(f"{len(shows)} titles", style="dim")]
    if extra:
        parts.append(
            Text(
                f"* {sort} summed over the weeks a title spent in Netflix's weekly global Top 10 "
                "(all seasons): the same window for every title, not its total viewing.",
                style="dim",
            )
        )
    return Group(*parts)


def board_view(board: Board, entries: Sequence[BoardEntry]) -> RenderableType:
    title = Text(board.label, style="bold")
    if not entries:
        return Group(title, Text("No title in the catalogue has this figure.", style="dim"))
    largest = max(e.stat.value for e in entries)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Title")
    table.add_column("Figure", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, style="cyan")
    table.add_column("When", style="dim")
    for number, entry in enumerate(entries, start=1):
        label = _t(entry.show.title, "bold")
        if entry.season and len(entry.show.seasons) > 1:
            label.append(f" S{entry.season}", style="dim")
        when = entry.stat.window_label if board.best_week else f"as of {entry.stat.as_of}"
        table.add_row(
            str(number),
            label,
            format_figure(entry.stat.value, entry.stat.unit, short=True),
            bar(entry.stat.value, largest, 24),
            when,
        )
    return Group(title, table)


def chart_view(charts: Sequence[tuple[Show, Sequence[ChartWeek]]], metric: str) -> RenderableType:
    parts: list[RenderableType] = []
    for show, weeks in charts:
        heading = Text(clean(show.title), style="bold")
        if show.korean_title:
            heading.append(f"  {clean(show.korean_title)}", style="magenta")
        heading.append(f"  weeks in Netflix's global Top 10 ({metric})", style="dim")
        parts.append(heading)
        if not weeks:
            parts.append(Text("Never in the global Top 10 in the data.", style="dim"))
            continue
        several = len({w.season for w in weeks}) > 1
        values = [_chart_value(w, metric) for w in weeks]
        largest = max((v for v in values if v), default=0)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("Week ending")
        if several:
            table.add_column("S", justify="right")
        table.add_column("Rank", justify="right")
        table.add_column(metric.capitalize(), justify="right", no_wrap=True)
        table.add_column("", no_wrap=True, style="cyan")
        for week, value in zip(weeks, values, strict=True):
            row = [week.week.isoformat()]
            if several:
                row.append(str(week.season or DASH))
            row.append(f"#{week.rank}" if week.rank else DASH)
            if metric == "rank":
                row.append(f"#{week.rank}" if week.rank else DASH)
            else:
                row.append(human_number(value, short=True) if value else DASH)
            row.append(bar(value or 0, largest, 28))
            table.add_row(*row)
        parts.append(table)
    return Group(*parts)


def _chart_value(week: ChartWeek, metric: str) -> float | None:
    if metric == "rank":
        return 11 - week.rank if week.rank else None  # a longer bar for a better rank
    return week.hours if metric == "hours" else week.views


def trivia_view(trivia: TriviaFact) -> RenderableType:
    text = Text("")
    if trivia.fact.spoiler:
        text.append("[spoiler] ", style="red")
    text.append_text(_t(trivia.fact.text))
    about = Text(f"— {clean(trivia.show.title)}", style="dim")
    return Group(text, about, Text("Sources", style="bold cyan"), sources_list(trivia.citations))

"""Rich renderables built from query results (no file access, no queries).

Every string that comes from a dataset goes through ``_t`` (a ``Text`` with controls removed), so
dataset text is never parsed as markup and never reaches the terminal as an escape sequence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kdrama_cli.answers.finding import command_argument, seasons_words
from kdrama_cli.answers.spoilers import (
    ADD_SPOILERS,
    covered_roles,
    notes_withheld,
    shown_note,
)
from kdrama_cli.answers.spoilers import hidden as spoiler_hidden
from kdrama_cli.answers.upcoming import (
    NetflixListing,
    since_and_as_of,
    stale_before,
)
from kdrama_cli.catalogue.about import reach_label
from kdrama_cli.catalogue.models import (
    Citation,
    Credit,
    LayerMark,
    Person,
    Season,
    Show,
    Stat,
    window_end,
)
from kdrama_cli.catalogue.sounds import spelt_out
from kdrama_cli.catalogue.vocab import (
    KIND_LABELS,
    NETFLIX_METRICS,
    UNNAMED_ROLE,
    UNSCRIPTED_KINDS,
    source_kind_words,
)
from kdrama_cli.catalogue.wording import joined, number_runs, whose
from kdrama_cli.errors import command_line, suggested
from kdrama_cli.views.boards import (
    BEFORE_TOP10,
    CAME_OUT_WEEK_BY_WEEK,
    DEBUT_MARK,
    WEEKLY_MARK,
    before_top10,
    whole_hours,
)
from kdrama_cli.views.page import Page
from kdrama_cli.views.quicktable import QuickTable
from kdrama_cli.views.spoiler_notes import (
    cameos_not_compared,
    cast_hidden_line,
    credits_hidden,
    facts_hidden,
    source_hidden,
)
from kdrama_cli.views.tables import Column, FitTable, WholeWords
from kdrama_cli.views.text import (
    COUNT_WORDS,
    LAYER_CREDIT_MARK,
    announced_label,
    characters_label,
    citation_label,
    clean,
    coming_words,
    count_of,
    cut_at_limit,
    due_words,
    duration_label,
    format_figure,
    layer_cast_line,
    layers_line,
    link_target,
    metric_label,
    season_label,
    status_label,
    unsourced_credits_line,
)

if TYPE_CHECKING:  # records named in annotations only: `show` does not import compare's answer
    from kdrama_cli.answers.compare import (
        Comparison,
        LeftOut,
        SeasonsOut,
        SharedPerson,
        StatRow,
    )
    from kdrama_cli.answers.show_page import CastEntry, ShowDetail, WorkCredits

DASH = "—"
MAX_WIDTH = 120
STATUS_STYLES = {
    "released": "green",
    "airing": "green",
    "renewed": "yellow",
    "announced": "yellow",
    "in-production": "yellow",
    "cancelled": "red",
}


def _t(text: str | None, style: str = "") -> Text:
    """Dataset text as inert Rich text."""
    return Text(clean(text) if text else DASH, style=style)


def character_cell(credit: Credit) -> Text:
    """Who a credit plays, its Hangul dim in brackets; a role no source names, said so."""
    if credit.character is None:
        return Text(UNNAMED_ROLE, style="dim italic")
    said = _BRACKET_AFTER.fullmatch(credit.character) if credit.character_hangul else None
    if said:  # "Jung Ki-ho (young)": one bracket, "Jung Ki-ho (정기호, young)", not two
        hangul = clean(credit.character_hangul or "")
        character = _t(said[1])  # "Dam-i and Lee Hwi (담이, 이휘; young)"
        character.append(f" ({hangul}{'; ' if ',' in hangul else ', '}", style="dim")
        character.append(clean(said[2]))
        character.append(")", style="dim")
        return character
    character = _t(credit.character)
    if credit.character_hangul:
        character.append(f" ({clean(credit.character_hangul)})", style="dim")
    return character


#: A character's name that ends in words of its own in brackets ("Jung Ki-ho (young)", "Lee
#: Bong-han (Kasim)"): the Hangul joins that bracket, where a second read "(young) (정기호)"
#: (walk36-people #12).
_BRACKET_AFTER = re.compile(r"(.*\S) \(([^()]+)\)")


def refs_cell(numbers: Sequence[int]) -> str:
    """Reference numbers as one bracket, runs collapsed: [1,4,6–9]. No spaces, so a group
    never breaks across lines."""
    if not numbers:
        return ""
    runs = number_runs(sorted(set(numbers)))
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ",".join(map(str, run)) for run in runs]
    return f"[{','.join(parts)}]"


def _names(people: Iterable[Person]) -> str:
    return ", ".join(clean(p.name) for p in people)


def _section(title: str) -> Text:
    """A section heading, with the blank line above it."""
    return Text("\n" + title, style="bold cyan")


def season_status(season: Season, stale: bool = False) -> Text:
    """'released' or 'renewed (since 2022-06-06; as of 2026-11-01; due Q2 2026)' ('due
    2026-12-20' where the premiere day is set; a cancelled season is due nothing), with 'stale'
    after it when answers.upcoming.staleness says so: never released if not out. An
    airing season is not finished either: 'airing (since 2024-09-13; as of 2026-02-27)', since
    its first episode (or the day it was said to air) and as last confirmed. One day for both
    is said once: 'renewed (on 2026-01-13)', but 'airing (since 2024-09-13; as of that day)'."""
    text = Text(status_label(season.status), style=STATUS_STYLES.get(season.status, ""))
    details = []
    airing = season.status == "airing"
    since = season.status_date or (season.release_date if airing else None)
    if airing or not season.is_out:
        details.extend(since_and_as_of(since, season.as_of, ongoing=airing))
    due = due_words(season)
    if due:
        details.append(due)
    if details:
        text.append(f" ({'; '.join(details)})", style="dim")
    if stale:
        text.append(" stale", style="bold red")
    return text


def stale_legend(today: dt.date) -> str:
    """What "stale" means, on every page that marks a season so (the rule is
    answers.upcoming.staleness)."""
    return (
        f"stale: the catalogue's latest news of the season is from before "
        f"{stale_before(today).isoformat()} (more than a year old), the release date or "
        "window it was announced for has passed, or Netflix's own files list it: it may have "
        "moved on since."
    )


def on_netflix_note(listing: NetflixListing | None) -> str | None:
    """Why a season the catalogue has as coming is marked "on Netflix by" a day."""
    if listing is None:
        return None
    return (
        f"{listing.words}, so it is out; the catalogue has not marked it released yet, so "
        "its release date and episodes are not given here."
    )


def _undated_note(detail: ShowDetail, season: Season) -> str | None:
    """Why an out season's release date is not given, and, when Netflix's files list it, by
    when it was out ("by 2026-05-17" in the table)."""
    listing = dict(detail.undated).get(season.number)
    if listing is None:
        return season.release_date_unknown
    by = f"{listing.words}, so it was out by then."
    return f"{season.release_date_unknown} {by}" if season.release_date_unknown else by


def passed_legend(today: dt.date) -> str:
    """What "passed" means under a release date or window."""
    return (
        f"passed: the announced release date or window is before today "
        f"({today.isoformat()}), but the season is not marked released."
    )


def title_line(show: Show) -> Text:
    """A title as a page heads it: its English and Hangul titles and the romanisation, as on
    the show page and in trivia."""
    header = Text()
    header.append(clean(show.title), style="bold")
    if show.korean_title_shown:
        header.append(f"  {clean(show.korean_title_shown)}", style="bold magenta")
    # Not of a Korean title that is the English one in Hangul: 킹덤 read back as "Kingdeom"
    # reads as a typing error.
    romanised = show.romanization and not _spells(show.title, show.romanization)
    if romanised and not spelt_out(show.title, show.korean_title, whole=True):
        header.append(f"  ({clean(show.romanization or '')})", style="dim")
    return header


#: An apostrophe or quote mark as either way of typing it: ’ and ' are one mark to a reader.
_ONE_MARK = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _as_typed(name: str) -> str:
    """A name with its curly apostrophes and quote marks straight: an alias that is the title
    as another source typed its apostrophe ("Single’s Inferno" of Single's Inferno) is no
    other name, and a page that printed it as "also known as" gave the title twice."""
    return name.translate(_ONE_MARK)


def _spells(title: str, romanization: str) -> bool:
    """Whether the English title already spells the romanisation ('Misaeng: Incomplete Life'
    and 'Misaeng'), which the header then need not repeat."""
    letters = [re.sub(r"[^0-9a-z]", "", name.casefold()) for name in (title, romanization)]
    return bool(letters[1]) and letters[1] in letters[0]


def _undated(status: str, charted: dt.date | None) -> str:
    """When a title no source dates came out, as its header says: a week in Netflix's Top 10
    shows it was out by then ("released by 2026-06-07"), though not since when."""
    if charted is None:
        return f"{status}, date unknown"  # released, or airing
    by = f"by {charted.isoformat()} (first week in Netflix's Top 10)"
    return f"released {by}" if status == "released" else f"{status}, out {by}"


def _header(show: Show, listed_first: NetflixListing | None = None) -> Text:
    """The card's first lines: the titles, then when (the years; for a title no season of
    which the catalogue marks out, but one Netflix's own files list, "on Netflix by" the day
    the first list ends, as the seasons table says it; else "unreleased"), kind and platform,
    genres and other names."""
    header = title_line(show)
    if show.years:
        when = show.years
    elif show.netflix_only and show.netflix_since:  # the day it came to Netflix, not out
        when = f"on Netflix since {show.netflix_since.year}"
    elif show.netflix_only:
        when = "on Netflix"
    elif show.released_seasons:  # out, but no source dates it (the seasons table says why)
        when = _undated(show.released_seasons[0].status, show.first_top10_week)
    elif listed_first is not None:  # coming in the catalogue, but Netflix lists it: out
        when = f"on Netflix by {listed_first.by.isoformat()}"
    else:
        when = "unreleased"
    facts = [when, KIND_LABELS.get(show.kind, show.kind), platforms_label(show)]
    if show.runtime_minutes:
        facts.append(f"{show.runtime_minutes} min")
    header.append("\n" + " · ".join(f for f in facts if f))
    if show.genres:
        header.append("\n" + ", ".join(clean(g) for g in show.genres), style="italic")
    # a season's own names after the title's, each saying its season ('환혼: 빛과 그림자 (S2)');
    # not the title again with its apostrophe typed the other way, which search still finds
    printed = {_as_typed(show.title), _as_typed(show.korean_title or "")}
    known = [clean(a) for a in show.aliases if _as_typed(a) not in printed] + [
        f"{clean(a)} ({season_label(season.number)})"
        for season in show.seasons
        for a in season.aliases
    ]
    if known:
        header.append("\nalso known as: " + "; ".join(known), style="dim")
    return header


def platforms_label(show: Show) -> str:
    """The title's platform, then any other its seasons came out on: "OCN; season 2 on tvN"."""
    parts = [clean(show.platform)]
    for platform, numbers in show.seasons_elsewhere:
        parts.append(f"{seasons_words(numbers)} on {clean(platform)}")
    return "; ".join(p for p in parts if p)


def _seasons_table(detail: ShowDetail, every_column: str | None) -> FitTable:
    rows: list[list[Text | str]] = []
    for season in detail.seasons:
        released = DASH
        if season.is_out and season.release_date:
            released = season.release_date.isoformat()
            if season.end_date and season.end_date != season.release_date:
                released += f" – {season.end_date.isoformat()}"
        episodes = str(season.episodes) if season.episodes and season.is_out else DASH
        judged = detail.stale(season.number)
        status = season_status(season, judged.stale)
        if judged.on_netflix is not None:
            status.append(f"\non Netflix by {judged.on_netflix.by.isoformat()}", style="bold red")
        released = _listed_by(detail, season.number) or released
        rows.append([str(season.number), released, episodes, status, _season_refs(detail, season)])
    columns = [
        Column("Season", "right", whole=True),
        Column("Released"),
        Column("Episodes", "right", whole=True, drop=1),
        Column("Status"),
        # the numbers of the page's sources: the least a fan reads here, so the first to go
        Column("Src", style="dim", whole=True, drop=2),
    ]
    return FitTable(columns, rows, every_column=every_column)


def _listed_by(detail: ShowDetail, number: int) -> str | None:
    """'by 2022-01-30' for season ``number`` out and dated by no source: the first week or
    report of Netflix's that lists it. None otherwise (a coming season Netflix lists says
    so under its status)."""
    listing = detail.listing(number)
    if listing is None or detail.stale(number).on_netflix is not None:
        return None
    return f"by {listing.by.isoformat()}"


def _season_refs(detail: ShowDetail, season: Season) -> str:
    """A season's references, with those of the Netflix list that dates it, if one does."""
    listing = detail.listing(season.number)
    listed = listing.sources if listing is not None else ()
    return refs_cell(detail.ref((*season.sources, *listed)))


NETFLIX_ONLY = (
    "Only Netflix's record of this title is in the catalogue so far: {what}. Its cast, crew, "
    "synopsis and source work are not in the catalogue yet."
)
REPORTS_NOTE = (
    "Each row is one half-year of viewing, from Netflix's What We Watched report (hours to the "
    "nearest 100,000): figures of different reports do not compare."
)


def report_label(key: str) -> str:
    """'2023H1' -> '2023 Jan–Jun'."""
    return f"{key[:4]} {'Jan–Jun' if key.endswith('H1') else 'Jul–Dec'}"


def runtime_label(minutes: float | None) -> str:
    return duration_label(minutes) if minutes else DASH


def _reports_table(detail: ShowDetail, every_column: str | None) -> FitTable:
    several = len({row.season for row in detail.reports}) > 1
    # Two rows of one report and season (Netflix split a season: "Brave Detectives: Season 4:
    # 2024" and ": 2025"): Netflix's own title tells them apart.
    keys = [(row.report, row.season) for row in detail.reports]
    shared = {key for key in keys if keys.count(key) > 1}
    columns = [Column("Report", comfort=12)]
    if several:
        columns.append(Column("Season", "right", whole=True, drop=2))
    if shared:  # Netflix's season label ("Season 4: 2025"), or its whole title if another
        columns.append(Column("Netflix's season", drop=3))
    # The references give way before Season, which tells apart two rows of one report.
    columns += [
        Column("Hours", "right", whole=True),
        Column("Views", "right", whole=True, drop=2),
        Column("Runtime", "right", whole=True, drop=5),
        Column("Global", whole=True, drop=6),
        Column("Src", style="dim", whole=True, drop=4),
    ]
    rows: list[list[Text | str]] = []
    for row in detail.reports:
        cells: list[Text | str] = [report_label(row.report)]
        if several:
            cells.append(str(row.season) if row.season else DASH)
        if shared:
            named = (row.report, row.season) in shared and row.title
            cells.append(Text(_netflix_label(row.title, detail.show.title), "dim") if named else "")
        available = {True: "yes", False: "no", None: DASH}[row.available]
        cells += [
            format_figure(row.hours, "hours", short=True).removesuffix(" hours")
            if row.hours
            else DASH,
            format_figure(row.views, "views", short=True).removesuffix(" views")
            if row.views
            else DASH,
            runtime_label(row.runtime_minutes),
            available,
            refs_cell(detail.ref(row.sources)),
        ]
        rows.append(cells)
    return FitTable(columns, rows, every_column=every_column)


def _runtimes_note(detail: ShowDetail) -> str:
    """A film's runtime beside Netflix's other one in its reports (20th Century Girl: 119 min
    in the header, 2h 01m in the table): the page says whose each is, so neither reads as a
    mistake. Nothing when they agree or either is missing."""
    own = detail.show.runtime_minutes
    netflix = {round(row.runtime_minutes) for row in detail.reports if row.runtime_minutes}
    if not own or not netflix or netflix == {own}:
        return ""
    noun = "film" if detail.show.kind == "film" else "title"
    return (
        f" Runtime is Netflix's, the length of what it streams; the {own} min above is the"
        f" {noun}'s own, as its sources give it."
    )


def _netflix_label(netflix_title: str | None, title: str) -> str:
    """Netflix's title of a row without the show's own title in front: "Season 4: 2025"."""
    name = clean(netflix_title or "")
    return name.removeprefix(f"{clean(title)}: ") or name


def _netflix_seasons_table(detail: ShowDetail, every_column: str | None) -> FitTable:
    """Seasons of an entry holding only Netflix's record: as Netflix labels them, with the
    day each came to Netflix, or else the first week or report of Netflix's that lists it
    ("by 2022-01-30", as a researched title's undated season says); no On Netflix column
    when no season has either."""
    dates = [_netflix_date(detail, season) for season in detail.seasons]
    dated = any(dates)
    rows: list[list[Text | str]] = []
    for season, date in zip(detail.seasons, dates, strict=True):
        titles = "; ".join(clean(t) for t in season.netflix_titles) or DASH
        when = [date or DASH] if dated else []
        rows.append([str(season.number), titles, *when, _season_refs(detail, season)])
    columns = [
        Column("Season", "right", whole=True),
        Column("Netflix's title"),
        *([Column("On Netflix", whole=True)] if dated else []),
        Column("Src", style="dim", whole=True, drop=1),
    ]
    return FitTable(columns, rows, every_column=every_column)


def _netflix_date(detail: ShowDetail, season: Season) -> str | None:
    """The day Netflix's files say the season came to Netflix, else by when it was there."""
    on_netflix = season.netflix_release_date
    return on_netflix.isoformat() if on_netflix else _listed_by(detail, season.number)


def _source_work(detail: ShowDetail) -> Text:
    """The work the title adapts, then a line for each work based on it ("Also adapted as the
    webtoon ..."), each with its people, where it came out and its citations."""
    credits = detail.source_credits
    assert credits is not None
    lines = [_work_line("Adapted from", credits, detail)]
    lines += [_work_line("Also adapted as", based, detail) for based in detail.adaptations]
    return Text("\n").join(lines)


def _work_line(opening: str, credited: WorkCredits, detail: ShowDetail) -> Text:
    """'Adapted from the web novel The Office Blind Date (사내맞선), written by HaeHwa
    (KakaoPage, 2017–2018) [5–7]': ``opening``, the work's kind and title, its people, where
    and when it came out, and the page's reference numbers of its sources."""
    work = credited.work
    text = Text(f"{opening} ")
    kind = source_kind_words(work.kind)
    if kind:
        text.append(f"the {clean(kind)} ")
    text.append(clean(work.title), style="bold")
    # The Korean title and a note on the English one ("our literal translation of the Korean
    # title") share one bracket; the note, about the data rather than the work, is dim.
    if work.korean_title or work.title_note:
        text.append(" (")
        text.append(clean(work.korean_title or ""))
        if work.title_note:
            text.append("; " if work.korean_title else "")
            text.append(clean(work.title_note), style="dim")
        text.append(")")

    def names(people: Iterable[Person]) -> str:  # in a sentence: "A, B and C"
        return joined(clean(p.name) for p in people)

    credits = []
    if credited.story_by:  # the original story (원안) its writers wrote it from
        credits.append(f"original story by {names(credited.story_by)}")
    if credited.writers and credited.artists == credited.writers:
        credits.append(f"written and drawn by {names(credited.writers)}")
    else:
        if credited.writers:
            credits.append(f"written by {names(credited.writers)}")
        if credited.artists:
            credits.append(f"drawn by {names(credited.artists)}")
    if credits:
        text.append(", " + ", ".join(credits))
    where = ", ".join(x for x in (clean(work.platform or ""), work.years or "") if x)
    if where:
        text.append(f" ({where})")
    text.append(f" {refs_cell(detail.ref(work.sources))}", style="dim")
    return text


def _crew(detail: ShowDetail) -> Text:
    lines = []
    layered = {(capacity, person): layer for capacity, person, layer, _ in detail.crew_layered}
    for capacity, label, people in (
        ("creator", "Created by", detail.creators),
        ("director", "Directed by", detail.directors),
        ("writer", "Written by", detail.writers),
    ):
        if people:
            # a credit a layer's extension added is marked, and the lines below say which
            names = (
                clean(p.name) + (f" {LAYER_CREDIT_MARK}" if (capacity, p.id) in layered else "")
                for p in people
            )
            lines.append(f"{label}: {', '.join(names)}")
    if not detail.creators and not detail.directors and detail.show.crew_unknown:
        lines.append(clean(detail.show.crew_unknown))  # why no director is named
    text = Text("\n".join(lines))
    if detail.crew_layered:
        by_id = {p.id: p for p in (*detail.creators, *detail.directors, *detail.writers)}
        title = detail.show.title
        given = [
            (title, f"{by_id[i].name}, {capacity}", layer, refs_cell(detail.ref(cited)))
            for capacity, i, layer, cited in detail.crew_layered
        ]
        unsourced = [(title, layer) for _, _, layer, cited in detail.crew_layered if not cited]
        for line in layer_notes(given, unsourced):
            text.append("\n")
            text.append_text(line)
    return text


def cast_table(
    entries: Sequence[CastEntry],
    every_column: str | None,
    show_seasons: bool = True,
    refs: Sequence[str] | None = None,
    notes: bool | None = None,
    covered: Collection[str] = (),
) -> FitTable:
    """Actor (with Hangul), character, role and seasons; unreleased seasons marked announced.
    ``every_column``: the caller's option that prints every column (FitTable), or None.
    ``refs``: each entry's reference numbers ("[7]"), for a Src column. ``notes``: None leaves
    the credits' notes out (the show page's short cast); else each note goes under its
    character, as answers.spoilers.shown_note gives it (``notes``: whether spoilers were asked
    for; ``covered``: the roles whose notes are withheld together)."""
    columns = [
        # An actor's name whole ("Yoon Chan-young", not "Yoon / Chan-young"); their Hangul
        # goes under it where the character and its note would otherwise be squeezed.
        Column(_people_heading(entries), comfort=15),
        Column("Hangul", drop=5, under=0),
        Column("Character", roomy=20),
        Column("Role", drop=4),
    ]
    if show_seasons:
        columns.append(Column("Seasons", drop=1))
    if refs is not None:
        columns.append(Column("Src", style="dim", whole=True, drop=2))
    rows: list[list[Text | str]] = []
    for number, entry in enumerate(entries):
        credit = entry.credit
        character = character_cell(credit)
        note = shown_note(credit, notes, covered) if notes is not None else None
        if note:
            character.append("\n" + clean(note), style="dim")
        name = _t(entry.person.name, "bold")
        if entry.layer is not None:  # a layer's extension gave it: layer_cast_line says which
            name.append(f" {LAYER_CREDIT_MARK}", style="dim")
        row: list[Text | str] = [
            name,
            _t(entry.person.hangul),
            character,
            Text(credit.role),
        ]
        if show_seasons:
            row.append(_seasons_cell(entry))
        if refs is not None:
            row.append(refs[number])
        rows.append(row)
    return FitTable(columns, rows, every_column=every_column)


def _layer_cast_notes(
    title: str, entries: Sequence[CastEntry], refs: Callable[[CastEntry], str]
) -> list[Text]:
    """The lines under a title's cast table of the credits a layer's extension added (marked
    LAYER_CREDIT_MARK), as a person's page says them: which layer gave each, with ``refs`` of
    what it cites for it, and which the layer cites no source for; [] when none."""
    layered = [e for e in entries if e.layer is not None]
    given = [(title, e.person.name, e.layer, refs(e)) for e in layered if e.layer]
    return layer_notes(given, [(title, e.layer) for e in layered if e.layer and not e.cited])


def layer_notes(
    given: Sequence[tuple[str, str, LayerMark, str]], unsourced: Sequence[tuple[str, LayerMark]]
) -> list[Text]:
    """The dim lines under a page's credits of those a layer's extension added
    (layer_cast_line), then of those its layer cites no source for (unsourced_credits_line)."""
    said = [layer_cast_line(given), unsourced_credits_line(unsourced)]
    return [Text(line, style="dim") for line in said if line]


def _people_heading(entries: Sequence[CastEntry]) -> str:
    """'Actor' over a drama's or film's cast, 'Person' over a reality show's (Paik Jong-won
    judges Culinary Class Wars; he plays no one)."""
    unscripted = entries and all(e.show.kind in UNSCRIPTED_KINDS for e in entries)
    return "Person" if unscripted else "Actor"


def _seasons_cell(entry: CastEntry) -> Text:
    seasons = entry.credit.seasons
    if not seasons and not entry.show.seasons:
        return Text(DASH)
    numbers = seasons or tuple(s.number for s in entry.show.seasons)
    text = Text()
    released = [n for n in numbers if n not in entry.announced_seasons]
    text.append(", ".join(str(n) for n in released))
    if entry.announced_seasons:
        if released:
            text.append(", ")
        announced = ", ".join(str(n) for n in entry.announced_seasons)
        text.append(f"{announced} (announced)", style="yellow")
    return text


def announced_note(entries: Sequence[CastEntry]) -> list[Text]:
    """One line under a cast table saying what 'announced' means and as of when."""
    pending: dict[int, str | None] = {}
    for entry in entries:
        for number in entry.announced_seasons:
            pending.setdefault(number, entry.announced_as_of)
    lines: list[Text] = []
    for number, as_of in sorted(pending.items()):
        season = next((s for s in entries[0].show.seasons if s.number == number), None)
        status = status_label(season.status) if season else "announced"
        line = f"Season {number} is {status}, not released: its cast is as announced"
        line += f" (as of {as_of})." if as_of else "."
        lines.append(Text(("" if lines else "\n") + line, style="dim yellow"))
    return lines


class Adaptive:
    """A table where it fits; otherwise the same content as wrapped lines.

    Rich drops columns that do not fit a narrow terminal; for figures that would print a value
    without its window, so below the table's minimum width each row becomes a line instead.
    """

    def __init__(self, table: Table, lines: Sequence[RenderableType], needed: int) -> None:
        self.table = table
        self.lines = lines
        self.needed = needed

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.needed <= options.max_width:
            yield QuickTable(self.table)
        else:
            yield from self.lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)


def _stats_table(detail: ShowDetail, stats: Sequence[Stat]) -> Adaptive:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Figure", no_wrap=True)
    table.add_column("Value", justify="right", no_wrap=True)
    # Wide enough for "cumulative to" above its date, so a window never breaks inside a word.
    table.add_column("Window", min_width=13)
    table.add_column("As of", no_wrap=True)
    markers = note_markers(stats)
    if markers:
        table.add_column("", style="dim", no_wrap=True)  # the letter of a note under the table
    table.add_column("Src", style="dim", overflow="fold")
    several_seasons = len({stat.season for stat in stats}) > 1
    bullets: list[tuple[str, Text]] = []
    label_width = figure_width = refs_width = 0
    for stat in stats:
        label = metric_label(stat.metric, stat.window)
        window = stat.window_label
        if stat.season and several_seasons:
            window = f"{season_label(stat.season)} · {window}"
        figure = format_figure(stat.value, stat.unit, short=True)
        figure += BEFORE_TOP10 if stat in detail.before_top10 else ""
        marker = markers.get(stat.note or "", "")
        refs = refs_cell(detail.ref(stat.sources))
        cells = [label, figure, _window_cell(stat, several_seasons), stat.as_of.isoformat()]
        table.add_row(*cells, *([marker] if markers else []), refs)
        # A bullet as Facts has, its note's letter inside the brackets: "(as of …; see b)".
        said = [] if window.endswith(stat.as_of.isoformat()) else [f"as of {stat.as_of}"]
        said += [f"see {marker}"] if marker else []  # "cumulative to X" says its day once
        dated = f" ({'; '.join(said)})" if said else ""
        line = Text(f"{label}: {figure}, {window}{dated}")
        line.append(f" {refs}", style="dim")
        bullets.append(("•", line))
        label_width = max(label_width, cell_len(label))
        figure_width = max(figure_width, cell_len(figure))
        refs_width = max(refs_width, cell_len(refs))
    # Every column but Window must fit whole; Window may wrap down to its 13 cells.
    marker_width = max(map(len, markers.values()), default=0)
    date_width = len("2026-01-01")
    needed = label_width + figure_width + 13 + date_width + marker_width + refs_width + 2 * 5
    return Adaptive(table, [Hanging(bullets, label_style="")], needed)


def _window_cell(stat: Stat, several_seasons: bool) -> str:
    """A figure's window in the Figures table, beside its As of date: a cumulative window
    that runs to that date is "cumulative", as "cumulative to 2026-07-19" would give the day
    twice on the row (and wrap); one that ends on another day keeps it. (A running total of
    Netflix's weekly lists counts from their first week: for a season out before then, its
    figure is marked and the note under the table names that week.) A best rank is no sum:
    its window reads "all weeks", the weeks it is the best of."""
    window = stat.window_label
    if stat.window == f"cumulative:{stat.as_of.isoformat()}":
        window = "all weeks" if stat.metric == "rank" else "cumulative"
    return f"{season_label(stat.season)} · {window}" if stat.season and several_seasons else window


def note_markers(stats: Sequence[Stat]) -> dict[str, str]:
    """A letter for each distinct note, in order of first appearance (a, b, ... z, aa, ...)."""
    markers: dict[str, str] = {}
    for stat in stats:
        if stat.note and stat.note not in markers:
            index = len(markers)
            letter = chr(ord("a") + index % 26)
            markers[stat.note] = letter * (1 + index // 26)
    return markers


def _notes(notes: Iterable[tuple[str, str | None]]) -> list[RenderableType]:
    """Notes printed under a table (after a blank line), so long text never squeezes the
    table's columns. Under a short label ("a:") a note wraps past it; a long one ("Season 3
    release date:") would leave a narrow terminal too little room, so its note wraps to the
    margin."""
    entries = [(f"{clean(label)}:", _t(note, "dim")) for label, note in notes if note]
    if not entries:
        return []
    if max(len(label) for label, _ in entries) <= 4:
        return [Text(""), Hanging(entries, label_style="dim bold")]
    lines: list[RenderableType] = [Text("")]
    for label, note in entries:
        line = Text(f"{label} ", style="dim bold")
        line.append_text(note)
        lines.append(line)
    return lines


def show_view(
    detail: ShowDetail,
    after_cast: Sequence[RenderableType] = (),
    *,
    every_column: str | None,
    to_see_spoilers: str = ADD_SPOILERS,
    fold_urls: bool = False,
    rest_of_cast: str | None = None,
) -> RenderableType:
    """The whole `kdrama show` page: a card (titles, year, genres, synopsis), then sections.
    ``every_column`` is the caller's option that prints what a narrow table leaves out (`show`
    has --json; the browser has none), named under such a table; ``to_see_spoilers``, how to
    see what it hides as a spoiler (the browser has no --spoilers: it names the command line);
    ``fold_urls``, whether a source's address is folded at the width (the browser's pane
    crops a line, where a terminal wraps it); ``rest_of_cast``, where the cast the page
    leaves out is, when not `kdrama cast` (the browser's list of links holds it).

    Only the card is boxed: a panel around the whole page would cost a second layout pass
    over every line, and leave the tables four columns less room.
    """
    show = detail.show
    card = _header(show, detail.listed_first)
    if detail.match and detail.match.matched_by not in ("slug", "title", "partial"):
        matched = f"\n(matched {detail.match.matched_by}: {clean(detail.match.matched_name)})"
        card.append(matched, style="dim")
    layered = layers_line(detail.layers, detail.personal)
    if layered:  # a title (or part of one) from the user's own file, not the base dataset's
        card.append(f"\n{layered}", style="dim")
    card.append("\n\n")
    if show.netflix_only:
        what = (
            "its titles, its seasons as Netflix labels them, and its viewing figures"
            if show.seasons
            else "its titles and its viewing figures"  # a film, or a title of kind unknown
        )
        card.append(NETFLIX_ONLY.format(what=what), style="italic")
    else:
        card.append_text(_t(show.synopsis))
    title_refs = refs_cell(detail.ref(show.sources))
    if title_refs:
        card.append(f" {title_refs}", style="dim")
    if detail.instead is not None:  # 'the goblin' opened Netflix's film, not Goblin
        other, typed = detail.instead
        command = command_line(f"show {command_argument(typed)}")
        card.append(f"\n\nLooking for {clean(other.title)}? {command}")
    parts: list[RenderableType] = [Panel(card, box=box.ROUNDED, padding=(0, 1))]
    if detail.seasons and show.netflix_only:
        title = f"Season {detail.season.number}" if detail.season else "Seasons"
        parts += [_section(title), _netflix_seasons_table(detail, every_column)]
    elif detail.seasons:
        title = f"Season {detail.season.number}" if detail.season else "Seasons"
        parts += [_section(title), _seasons_table(detail, every_column)]
        if detail.staleness and detail.today:
            parts.append(Text(stale_legend(detail.today), style="dim"))
        parts += _notes(
            (label, note)
            for s in detail.seasons
            for label, note in (
                (f"Season {s.number}", s.note),
                (f"Season {s.number}", on_netflix_note(detail.stale(s.number).on_netflix)),
                (f"Season {s.number} release date", _undated_note(detail, s)),  # why "—"
                (f"Season {s.number} episodes", s.episodes_unknown),  # why the count is "—"
            )
        )
    elif show.release_date:
        parts.append(_cited(f"\nReleased {show.release_date.isoformat()}", title_refs))
    elif show.netflix_release_date:
        released = f"\nReleased on Netflix {show.netflix_release_date.isoformat()}"
        parts.append(_cited(released, title_refs))
    if detail.source_work:
        parts += [_section("Source"), _source_work(detail)]
    crew = _crew(detail)
    if crew.plain:
        # The title's sources name its makers (as `person --json` cites a crew credit).
        named = detail.creators or detail.directors or detail.writers
        heading = _section("Creators")
        if named and title_refs:
            heading.append(f" {title_refs}", style="dim")
        if detail.season and len(show.seasons) > 1:
            # --season N narrows what the catalogue holds by season; its crew is the title's
            # (Moving's season 2 has a new director, named only in that season's news).
            alone = f"  of the title as a whole, not of season {detail.season.number} alone"
            heading.append(alone, style="dim")
        parts += [heading, crew]
    if detail.cast:
        parts += _cast_section(detail, every_column, to_see_spoilers, rest_of_cast)
        parts += after_cast  # "You have seen them in", from the seen list
    elif show.cast_unknown:  # say why there is no cast, rather than leave it out unexplained
        parts += [_section("Cast"), _t(show.cast_unknown, style="dim")]
    headline = [s for s in detail.stats if not s.window.startswith("week:")]
    if headline:
        parts += [_section("Figures"), _stats_table(detail, headline)]
        parts += _notes((marker, note) for note, marker in note_markers(headline).items())
        early = _out_before_top10(detail, headline)
        if early:
            parts.append(Text(before_top10(early), style="dim"))
    if detail.chart_weeks:
        weeks = f"{count_of(detail.chart_weeks, 'week')} in Netflix's global Top 10"
        weeks += each_season_weeks(detail)
        parts.append(Text(f"+ {weeks}: {_command('chart', detail)}", style="dim"))
    if detail.reports:
        parts += [_section("Netflix engagement reports"), _reports_table(detail, every_column)]
        parts.append(Text(REPORTS_NOTE + _runtimes_note(detail), style="dim"))
    reach = detail.reach and reach_label(*detail.reach)
    netflix = any(s.metric in NETFLIX_METRICS for s in headline)
    if reach and (netflix or detail.chart_weeks or detail.reports):
        parts.append(Text(f"{reach}.", style="dim"))  # how current the figures are
    parts += _facts_section(detail, to_see_spoilers)
    parts += _linked_titles(detail)
    parts += [
        _section("Sources"),
        sources_list(
            detail.listed, spoilers=detail.spoilers, hint=to_see_spoilers, fold_urls=fold_urls
        ),
    ]
    # Full width up to a readable maximum, however wide the terminal is.
    return Page(parts, MAX_WIDTH)


def _out_before_top10(detail: ShowDetail, stats: Sequence[Stat]) -> list[str]:
    """The seasons ('S1'), or the title, whose running totals of Netflix's weekly lists among
    ``stats`` leave out weeks (ShowDetail.before_top10): each once."""
    early = dict.fromkeys(s.season for s in stats if s in detail.before_top10)
    return [season_label(n) if n else clean(detail.show.title) for n in early]


def _linked_titles(detail: ShowDetail) -> list[Text]:
    """The titles the page links to: the sequels, prequels and spin-offs the catalogue names
    ("Related"), apart from the records Netflix titles after this one or this one after (a
    making-of, a talk show, an extended cut, a sequel Netflix lists apart), which its records
    alone cannot tell apart."""

    def titles(shows: Iterable[Show]) -> str:
        return ", ".join(f"{clean(s.title)} ({s.slug})" for s in shows)

    lines = []
    if detail.related:
        lines.append(f"Related: {titles(detail.related)}")
    if detail.companion_of:
        lines.append(f"On Netflix, titled after: {titles([detail.companion_of])}")
    if detail.companions:
        lines.append(f"On Netflix, titled after it: {titles(detail.companions)}")
    return [Text("\n" + "\n".join(lines))] if lines else []


def each_season_weeks(detail: ShowDetail) -> str:
    """' (55 season-weeks, as seasons charted together: S1 32, S2 14, S3 9)' after a title's
    distinct weeks in the Top 10, when more than one season charted: each season's weeks sum
    to more than the title's when seasons charted in the same week, so the sum is named as
    what it is, never given as the title's."""
    if len(detail.season_weeks) < 2:
        return ""
    each = ", ".join(
        f"{season_label(season) if season is not None else 'no season'} {weeks:,}"
        for season, weeks in detail.season_weeks
    )
    summed = sum(weeks for _, weeks in detail.season_weeks)
    if summed == detail.chart_weeks:
        return f" ({each})"
    return f" ({summed:,} season-weeks, as seasons charted together: {each})"


def _cited(line: str, refs: str) -> Text:
    """A line of the page with its reference numbers after it, dim."""
    text = Text(line)
    if refs:
        text.append(f" {refs}", style="dim")
    return text


def _cast_section(
    detail: ShowDetail, every_column: str | None, to_see_spoilers: str, elsewhere: str | None
) -> list[RenderableType]:
    """The main cast (or all of it), how many more `kdrama cast` lists, and how many credits
    the page hid as spoilers (counted apart, as `cast` counts them)."""
    show = detail.show
    shown = detail.cast_shown
    rest = detail.cast_more
    heading = "Main cast" if rest else "Cast"
    # a credit a layer's extension added cites what its layer cites, on the line under the
    # table that names the layer, not beside the title's cast lists (answers.sources)
    cited = [*show.cast_sources, *(i for e in shown if e.layer is None for i in e.own_sources)]
    parts: list[RenderableType] = [_section(heading + f" {refs_cell(detail.ref(cited))}".rstrip())]
    if shown:
        parts.append(cast_table(shown, every_column, show_seasons=bool(show.seasons)))
        parts += announced_note(shown)
        parts += _layer_cast_notes(
            show.title, shown, lambda e: refs_cell(detail.ref(e.own_sources))
        )
    if rest and elsewhere:
        parts.append(Text(f"+ {rest} more {elsewhere}", style="dim"))
    elif rest:
        # With --spoilers the count has the cameos in it, and so must the command it names.
        more = _command("cast", detail)
        if detail.spoilers:
            more = suggested(f"{more} --spoilers")
        parts.append(Text(f"+ {rest} more: {more}", style="dim"))
    if detail.cast_hidden:
        parts.append(Text(credits_hidden(detail.cast_hidden, to_see_spoilers), style="dim"))
    return parts


def _command(name: str, detail: ShowDetail) -> str:
    """The command that shows more of what this page shows: of its season on a season page."""
    command = command_line(f"{name} {detail.show.slug}")
    return suggested(f"{command} --season {detail.season.number}") if detail.season else command


def _facts_section(detail: ShowDetail, to_see_spoilers: str) -> list[RenderableType]:
    """The facts as bullets with a hanging indent (one renderable for all of them)."""
    if not detail.facts and not detail.facts_hidden:
        return []
    entries: list[tuple[str, Text]] = []
    for fact in detail.facts:
        text = Text()
        if fact.spoiler:
            text.append("[spoiler] ", style="red")
        text.append_text(_t(fact.text))
        text.append(f" {refs_cell(detail.ref(fact.sources))}", style="dim")
        entries.append(("•", text))
    parts: list[RenderableType] = [_section("Facts"), Hanging(entries, label_style="")]
    if detail.facts_hidden:
        parts.append(Text(facts_hidden(detail.facts_hidden, to_see_spoilers), style="dim"))
    return parts


def _spoiler_hint() -> str:
    """How to see a hidden spoiler source from a page that has no --spoilers of its own."""
    return f"the title's page shows them with {command_line('show --spoilers')}"


def sources_list(
    citations: Sequence[Citation],
    spoilers: bool = False,
    hint: str | Callable[[Citation], str] = "",
    fold_urls: bool = False,
) -> RenderableType:
    """Numbered sources: publisher, title and date, then the URL on a line of its own, never
    wrapped (a terminal wraps it without breaking it, and copies it whole) and a link where
    the terminal shows links.

    The headline and address of a citation flagged ``spoiler`` (it names a winner, a death,
    an ending; an address often repeats the headline's words) are left out unless
    ``spoilers``; ``hint`` says how to see them ("add --spoilers"; by default, the show page),
    or names, for each citation, the page that shows it (a page listing several titles' news)."""
    entries = []
    for number, citation in enumerate(citations, start=1):
        date = getattr(citation, "date", None)
        publisher = getattr(citation, "publisher", "")
        url = clean(getattr(citation, "url", ""))
        if spoiler_hidden(citation, spoilers):
            # the date before the note, whose last words are the command that shows it
            said = clean(publisher) + (f", {date.isoformat()}" if date else "") + ", "
            entry = Text(said, overflow="fold")
            how = hint(citation) if callable(hint) else hint
            entry.append(source_hidden(how or _spoiler_hint()), style="italic dim")
            url = ""
        else:  # a title_note describes the page: its headline was not kept
            described = bool(getattr(citation, "title_note", None))
            title = getattr(citation, "title", "")
            entry = Text(citation_label(publisher, title, described, date), overflow="fold")
        entries.append((f"[{number}]", entry, url))
    return Hanging(entries, fold_urls=fold_urls)


class Hanging:
    """Labelled entries, each wrapped in the space right of its label (a hanging indent), with
    an optional last line that is never wrapped (a URL, as a link).

    A two-column grid table would draw the same; this costs a fifth as much, which matters on
    a page with dozens of sources.
    """

    def __init__(
        self,
        entries: Sequence[tuple[str, Text] | tuple[str, Text, str]],
        label_style: str = "dim",
        fold_urls: bool = False,
    ) -> None:
        self.entries = [(e[0], e[1], e[2] if len(e) > 2 else "") for e in entries]
        self.label_style = label_style
        #: Fold an address at the width, for a pane that crops a line (browse) where a
        #: terminal would wrap it whole.
        self.fold_urls = fold_urls

    def _label_width(self) -> int:
        return max((cell_len(label) for label, _, _ in self.entries), default=0)

    def map_texts(self, change: Callable[[Text], Text]) -> None:
        """Put ``change(text)`` for each entry's text (views.pasteable keeps the commands they
        name whole)."""
        self.entries = [(label, change(text), url) for label, text, url in self.entries]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = self._label_width()
        width = options.max_width - label_width - 1
        narrow = width < 8  # too narrow to indent: each label on a line above its text
        label_style = console.get_style(self.label_style)
        indent = Segment("" if narrow else " " * (label_width + 1))
        new_line = Segment.line()
        for label, text, url in self.entries:
            if narrow:
                yield Segment(label, label_style)
                yield new_line
            lines = _wrapped(text, console, options.max_width if narrow else width)
            for number, line in enumerate(lines):
                if number == 0 and not narrow:
                    yield Segment(label.rjust(label_width), label_style)
                    yield Segment(" ")
                else:
                    yield indent
                yield from line.render(console)
                yield new_line
            if url:
                style = console.get_style("blue") + Style(link=link_target(url))
                room = max(options.max_width - indent.cell_length, 1)
                pieces = chop_cells(url, room) if self.fold_urls else [url]
                for piece in pieces:
                    yield indent
                    yield Segment(piece, style)
                    yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        label_width = self._label_width() + 1
        widest = max((cell_len(t.plain) for _, t, _ in self.entries), default=0)
        return Measurement(label_width + 8, min(options.max_width, label_width + widest))


def _wrapped(text: Text, console: Console, width: int) -> Iterable[Text]:
    """``text.wrap(console, width)``, without Rich's line-breaking pass for the common entry
    that already fits on one line (wrapping would return it unchanged)."""
    plain = text.plain
    if (
        text.justify in (None, "default")
        and "\n" not in plain
        and "\t" not in plain
        and plain == plain.rstrip()
        and cell_len(plain) <= width
    ):
        return [text]
    return text.wrap(console, width)


def cast_groups_view(
    groups: Sequence[tuple[Show, Sequence[CastEntry]]],
    season: int | None,
    *,
    every_column: str | None,
    stale: Collection[str] | None = None,
    today: dt.date | None = None,
    citations: Sequence[Citation] | None = None,
    hidden: int = 0,
    spoilers: bool = False,
    every_title: bool = False,
    role: str = "all",
    titles_in_all: int | None = None,
) -> RenderableType:
    """Each title's cast under a heading; with a season, the heading gives its status, marked
    stale for the titles in ``stale`` (answers.cast.stale_seasons, judged on ``today``).
    ``hidden`` credits were left out as spoilers (a line says so); with ``spoilers`` the
    Sources list shows the headlines of citations flagged as spoilers. The cast of
    ``every_title`` (no title asked for) opens with a line saying what it lists and in what
    order, with the ``role`` asked for; when --limit cut it short (``titles_in_all``: how many
    titles it would list), that line says "the first" and a dim line under the page says how
    many were left, as every page --limit cut does.

    With ``citations`` (one title's: answers.cast.cast_citations) its heading cites the
    title's cast lists, a Src column each credit's own sources, and the numbered Sources list
    follows, as on `kdrama show`. Without, a line says where the sources are: a numbered
    list for every title would be longer than the casts."""
    positions = {c.id: n for n, c in enumerate(citations or (), start=1)}

    def refs(ids: Iterable[str]) -> str:
        return refs_cell([positions[i] for i in ids if i in positions])

    parts: list[RenderableType] = []
    cut = cut_at_limit(len(groups), titles_in_all, "title") if every_title else None
    if every_title and groups:
        parts.append(_every_title_line(len(groups), season, role, first=cut is not None))
    notes_hidden = 0
    roles: set[str] = set()
    for show, entries in groups:
        heading = Text("\n" if parts else "")  # a blank line between titles
        heading.append(clean(show.title), style="bold")
        if show.korean_title_shown:
            heading.append(f"  {clean(show.korean_title_shown)}", style="magenta")
        if season is not None:
            chosen = show.season(season)
            heading.append(f"  {season_label(season)}: ")
            marked = show.slug in (stale or ())
            heading.append_text(season_status(chosen, marked) if chosen else Text(DASH))
        if citations is not None and refs(show.cast_sources):
            heading.append(f" {refs(show.cast_sources)}", style="dim")
        own: list[str] | None = [refs(e.own_sources) for e in entries]
        if citations is None or not any(own or ()):
            own = None  # no credit cites a source of its own: no Src column
        covered = covered_roles(entries, spoilers)
        table = cast_table(
            entries,
            every_column,
            show_seasons=bool(show.seasons),
            refs=own,
            notes=spoilers,
            covered=covered,
        )
        roles |= covered
        parts += [heading, table]
        if entries:
            parts += announced_note(entries)
            parts += _layer_cast_notes(show.title, entries, lambda e: "")
        notes_hidden += notes_withheld(entries, spoilers)
    if not parts:
        return Text("No cast matches.")
    if hidden or notes_hidden:
        parts.append(Text(cast_hidden_line(hidden, notes_hidden, roles), style="dim"))
    if stale and today:
        parts.append(Text("\n" + stale_legend(today), style="dim"))
    if citations:
        listed = sources_list(citations, spoilers=spoilers, hint=ADD_SPOILERS)
        parts += [_section("Sources"), listed]
    elif citations is None:
        parts.append(Text("\n" + _cast_sources(), style="dim"))
    if cut and groups:
        parts.append(Text(cut, style="dim"))
    return Group(*parts)


def _every_title_line(titles: int, season: int | None, role: str, *, first: bool = False) -> Text:
    """What the cast of every title lists, and in what order: "The season-2 cast of 27
    titles, oldest first (main roles only)"; "of the first 5 titles" when --limit cut it."""
    cast = f"season-{season} cast" if season is not None else "cast"
    order = ", oldest first" if titles > 1 or first else ""
    only = f" ({role} roles only)" if role != "all" else ""
    if first:
        which = "the first title" if titles == 1 else f"the first {count_of(titles, 'title')}"
    else:
        which = count_of(titles, "title")
    return Text(f"The {cast} of {which}{order}{only}", style="bold")


def _cast_sources() -> str:
    """Under the cast of several titles, which cites none."""
    return (
        f"Sources: give one title for its numbered list ({command_line('cast TITLE')}); --json"
        " and --csv give every credit's."
    )


def _shared_cells(shared: SharedPerson, refs: Callable[[Iterable[str]], str]) -> list[Text]:
    """What a person in common plays in each title, with what it rests on; a season not out
    is marked announced."""
    cells = []
    sources = shared.sources or tuple(() for _ in shared.characters)
    layers = shared.extended_by or tuple(None for _ in shared.characters)
    for chars, out, pending, ids, layer in zip(
        shared.characters, shared.seasons, shared.announced, sources, layers, strict=True
    ):
        cell = _t(characters_label(chars) if chars else None)
        if chars and layer is not None:  # a layer's extension gave it: layer_notes says which
            cell.append(f" {LAYER_CREDIT_MARK}", style="dim")
        if chars and pending:
            cell.append(announced_label(out, pending), style="yellow")
        if chars and refs(ids):
            cell.append(f" {refs(ids)}", style="dim")
        cells.append(cell)
    return cells


#: Of a title's crew in compare's Directors or Writers row, those a layer's extension added:
#: by id, each person's name, capacity, layer and what it cites (answers.sources.layered_crew).
_CrewGiven = dict[str, tuple[str, str, LayerMark, tuple[str, ...]]]


def _compared_crew(comparison: Comparison) -> list[tuple[_CrewGiven, _CrewGiven]]:
    """For each title compared, the people of its Directors row (its creators where it names
    no director) and of its Writers row that a layer's extension added."""
    found = []
    crew = comparison.crew_layered or tuple(() for _ in comparison.shows)
    for show, directors, writers, given in zip(
        comparison.shows, comparison.directors, comparison.writers, crew, strict=True
    ):
        rows: tuple[_CrewGiven, _CrewGiven] = ({}, {})
        directing = "director" if show.directors else "creator"
        for capacity, person_id, layer, cited in given:
            at = 0 if capacity == directing else 1 if capacity == "writer" else None
            if at is None:
                continue  # a creator of a title whose row names its directors
            for person in (directors, writers)[at]:
                if person.id == person_id:
                    rows[at][person.id] = (person.name, capacity, layer, cited)
        found.append(rows)
    return found


def _crew_cell(people: Sequence[Person], given: _CrewGiven) -> str | None:
    """compare's Directors or Writers cell: the names, each a layer's extension added marked
    LAYER_CREDIT_MARK, as the show page's crew lines mark them (the lines under the table
    say which layer)."""
    if not given:
        return _names(people) or None
    return ", ".join(
        clean(p.name) + (f" {LAYER_CREDIT_MARK}" if p.id in given else "") for p in people
    )


def seasons_cell(show: Show, seasons: SeasonsOut) -> str | None:
    """compare's Seasons cell: how many are out, then what the show page says of each season
    not marked released: one Netflix's own files list, out ('2 (S2 out on Netflix by
    2026-07-12, not yet marked released here)'), and one still to come, with its dates and
    the stale flag as show and upcoming give them ('1 (+1 announced since 2022-08-17, as of
    2023-06-09, stale)'); None for a title without seasons (a film)."""
    if not show.seasons:
        return None
    said = [
        f"{season_label(season.number)} out on Netflix by {listing.by.isoformat()}, "
        "not yet marked released here"
        for season, listing in seasons.on_netflix
    ]
    said += [f"+1 {coming_words(season, stale)}" for season, stale in seasons.coming]
    return f"{seasons.out} ({'; '.join(said)})" if said else str(seasons.out)


def _no_cast_to_compare(titles: Sequence[str]) -> str:
    """Why titles held only as Netflix's record take no part in the cast in common, as `cast`
    says it of one: "Voice 2: no cast to compare; the catalogue holds only Netflix's record."."""
    named = joined(titles)
    record = "record" if len(titles) == 1 else "records"
    return f"{named}: no cast to compare; the catalogue holds only Netflix's {record}."


#: The widest compare's labels grow: "Hours viewed, July–December 2023, S1" on one line, a
#: window of two dates ("Countries in Top 10, weeks ending 2021-07-04 to 2022-02-27, S1") on
#: two, and the rest of a wide terminal left to the titles' values.
COMPARE_LABEL_CELLS = 36


def comparison_view(comparison: Comparison) -> RenderableType:
    shows = comparison.shows
    positions = {c.id: n for n, c in enumerate(comparison.citations, start=1)}

    def refs(ids: Iterable[str]) -> str:
        return refs_cell([positions[i] for i in ids if i in positions])

    table = Table(box=box.ROUNDED, show_lines=False, title="Comparison", title_style="bold")
    # a window's date is never cut ("…"); a long label wraps, the titles' values get the room
    table.add_column("", style="bold", overflow="fold", max_width=COMPARE_LABEL_CELLS)
    for show in shows:
        table.add_column(_t(show.title), overflow="fold")

    def row(label: str, values: Iterable[str | None]) -> None:
        table.add_row(label, *(_t(v) for v in values))

    row("Korean title", [s.korean_title for s in shows])
    row("Kind", [s.kind for s in shows])
    row("Years", [s.years for s in shows])
    row("Platform", [platforms_label(s) for s in shows])
    row("Seasons", [seasons_cell(s, out) for s, out in zip(shows, comparison.seasons, strict=True)])
    row("Episodes", [str(s.episodes) if s.episodes else None for s in shows])
    row(
        "Source work",
        [f"{w.title} ({w.kind})" if w else None for w in comparison.source_works],
    )
    crew = _compared_crew(comparison)
    row(
        "Directors",
        [_crew_cell(p, marked) for p, (marked, _) in zip(comparison.directors, crew, strict=True)],
    )
    row(
        "Writers",
        [_crew_cell(p, marked) for p, (_, marked) in zip(comparison.writers, crew, strict=True)],
    )
    row("Genres", [", ".join(s.genres) or None for s in shows])
    table.add_row("Sources", *(Text(refs(s.sources) or DASH, style="dim") for s in shows))
    if comparison.stats:
        table.add_section()
        for stat_row in comparison.stats:
            label = metric_label(stat_row.metric, stat_row.window)
            if stat_row.broadcaster:  # whose ratings: one broadcaster's are set side by side
                label += f" on {stat_row.broadcaster}"
            label += f", {stat_row.window_label}"
            if stat_row.season:
                label += f", {season_label(stat_row.season)}"
            cells: list[RenderableType] = []
            for index, value in enumerate(stat_row.values):
                if value is None:
                    cells.append(Text(DASH, style="dim"))
                    continue
                style = "bold green" if index == stat_row.leader else ""
                # A footnote mark touches its figure, as on show and top ("1 week‡"); the
                # star, which is not a footnote, stands apart after it.
                mark = ""
                if stat_row.debuts and stat_row.debuts[index]:
                    mark += DEBUT_MARK  # its first days, beside seasons out longer
                if stat_row.before_top10 and stat_row.before_top10[index]:
                    mark += BEFORE_TOP10  # leaves out weeks before the lists began
                if stat_row.release_unknown and stat_row.release_unknown[index]:
                    mark += UNDATED_MARK  # may count the whole half-year or its last days
                if stat_row.week_by_week and stat_row.week_by_week[index]:
                    mark += WEEKLY_MARK  # divided by the few episodes out in its first days
                mark += " ★" if index == stat_row.leader else ""
                figure = Text(format_figure(value, stat_row.unit, short=True) + mark, style=style)
                if stat_row.sources[index]:
                    figure.append(f" {refs(stat_row.sources[index])}", style="dim")
                # under it, as show's As of column: no wider word than a date ("2021-09-19")
                as_of = stat_row.as_of[index] if stat_row.as_of else None
                if as_of and _as_of_said(stat_row, as_of):
                    figure.append(f"\nas of {as_of}", style="dim")
                for other in stat_row.others[index] if stat_row.others else ():
                    # the title's other figure of the row, which leaves it without a star
                    figure.append(f"\nalso {format_figure(other.value, other.unit, short=True)}")
                    if other.sources:
                        figure.append(f" {refs(other.sources)}", style="dim")
                    if _as_of_said(stat_row, other.as_of):
                        figure.append(f"\nas of {other.as_of}", style="dim")
                cells.append(figure)
            table.add_row(Text(label, style="bold"), *cells)
    parts: list[RenderableType] = [WholeWords(table)]
    given = [
        (show.title, f"{name}, {capacity}", layer, refs(cited))
        for show, (directing, writing) in zip(shows, crew, strict=True)
        for name, capacity, layer, cited in (*directing.values(), *writing.values())
    ]
    parts += layer_notes(given, [(title, layer) for title, _, layer, refs_ in given if not refs_])
    if any(seasons.stale for seasons in comparison.seasons):  # what "stale" in a cell means
        parts.append(Text(stale_legend(comparison.today), style="dim"))
    debuts = debuts_line(comparison)
    if debuts:  # what the † in the table means, right under it
        parts.append(Text(debuts, style="dim"))
    uneven = _before_top10_named(comparison)
    if uneven:  # and the ‡
        parts.append(Text(before_top10(uneven, starred=True), style="dim"))
    undated = undated_line(comparison)
    if undated:  # and the §
        parts.append(Text(undated, style="dim"))
    weekly = week_by_week_line(comparison)
    if weekly:  # and the ¶
        parts.append(Text(weekly, style="dim"))
    twice = given_twice_line(comparison)
    if twice:  # and an "also" in a cell
        parts.append(Text(twice, style="dim"))
    if comparison.shared_cast:
        common = Table(box=box.SIMPLE_HEAD, title="Cast in common", title_style="bold")
        common.add_column("Actor", overflow="fold")
        for show in shows:
            common.add_column(_t(show.title), overflow="fold")
        for shared in comparison.shared_cast:
            name = _t(shared.person.name, "bold")
            if shared.person.hangul:
                name.append(f" {clean(shared.person.hangul)}", style="magenta")
            common.add_row(name, *_shared_cells(shared, refs))
        parts.append(WholeWords(common))
        layered = [
            (show, shared.person.name, layer, ids)
            for shared in comparison.shared_cast
            for show, layer, ids in zip(shows, shared.extended_by, shared.sources, strict=False)
            if layer is not None
        ]
        parts += layer_notes(
            [(show.title, name, layer, "") for show, name, layer, _ in layered],
            [(show.title, layer) for show, _, layer, ids in layered if not ids],
        )
    elif sum(not show.netflix_only for show in shows) >= 2:
        parts.append(Text("No cast in common.", style="dim"))
    record_only = [clean(show.title) for show in shows if show.netflix_only]
    if record_only:  # nothing of theirs could be compared: not an answer of "none in common"
        parts.append(Text(_no_cast_to_compare(record_only), style="dim"))
    if comparison.hidden:
        parts.append(Text(cameos_not_compared(comparison.hidden), style="dim"))
    if not comparison.stats:
        parts.append(Text(no_figures_line(comparison), style="dim"))
        # Nothing lines up: say, per title, what keeps its figures out.
        if comparison.figures_apart is None:
            lines = left_out_lines(comparison, tabled=False)
            parts.extend(Text(line, style="dim") for line in lines)
    else:
        parts.extend(Text(line, style="dim") for line in left_out_lines(comparison))
        if any(item.reason == "broadcaster" for item in comparison.left_out):
            parts.append(Text(RATINGS_APART, style="dim"))
    listed = sources_list(comparison.citations, spoilers=comparison.spoilers, hint=ADD_SPOILERS)
    parts += [_section("Sources"), listed]
    return Group(*parts)


#: Why compare sets a TV rating beside only the same broadcaster's (answers.compare.measured_by).
RATINGS_APART = (
    "TV ratings are compared only within one broadcaster: terrestrial, general-programming and "
    "pay-TV channels' ratings are calculated on different bases, and the figures do not record "
    "which they use."
)


def debuts_line(comparison: Comparison) -> str | None:
    """What the † beside a half-year figure means, and whose it is, with the days its figure
    counts, months or a few: "† came out on Netflix within that half-year: its figures there
    count only the days from then to the half-year's end (The Trauma Code: Heroes on Call S1,
    2025-01-24: 158 days; Squid Game S3, 2025-06-27: 4 days)."; None when no row has one."""
    named: dict[str, None] = {}
    for row in comparison.stats:
        end = window_end(row.window)
        for show, day in zip(comparison.shows, row.debuts, strict=False):
            if day:
                season = f" {season_label(row.season)}" if row.season else ""
                days = f": {count_of((end - day).days + 1, 'day')}" if end else ""
                named[f"{clean(show.title)}{season}, {day.isoformat()}{days}"] = None
    if not named:
        return None
    return (
        f"{DEBUT_MARK} came out on Netflix within that half-year: its figures there count only "
        f"the days from then to the half-year's end ({'; '.join(named)})."
    )


#: Marks a half-year figure of a season whose day on Netflix is unknown (StatRow.release_unknown).
UNDATED_MARK = "§"


def undated_line(comparison: Comparison) -> str | None:
    """What the § beside a half-year figure means, and whose it is: "§ no day is known for
    when the season (or film) came to Netflix, and no earlier figure has it there: its figure may
    count the whole half-year or only its last days, so a row with one stars no title (Brave
    Detectives S3, July–December 2023)."; None when no row has one."""
    named: dict[str, None] = {}
    for row in comparison.stats:
        for show, unknown in zip(comparison.shows, row.release_unknown, strict=False):
            if unknown:
                season = f" {season_label(row.season)}" if row.season else ""
                named[f"{clean(show.title)}{season}, {row.window_label}"] = None
    if not named:
        return None
    return (
        f"{UNDATED_MARK} no day is known for when the season (or film) came to Netflix, and no "
        "earlier figure has it there: its figure may count the whole half-year or only its last "
        f"days, so a row with one stars no title ({'; '.join(named)})."
    )


def week_by_week_line(comparison: Comparison) -> str | None:
    """What the ¶ beside a debut week's views means, with the runtimes Netflix divided by:
    "¶ came out week by week: Netflix divides a week's hours by the runtime out by then, so the
    views of its first days count its first episodes alone (Phantom Lawyer S1: about 2 hours,
    of at least 11 hours in all: the most its later weeks show), where a season out all at once
    is divided by its whole runtime (The 8 Show S1: about 7 hours): their views do not compare,
    and a row with one stars no title; their hours do.";
    None when no row has one."""
    weekly: dict[str, None] = {}
    at_once: dict[str, None] = {}
    for row in comparison.stats:
        for index, runtime in enumerate(row.debut_runtimes):
            if runtime is None:
                continue
            title = clean(comparison.shows[index].title)
            named = f"{title} {season_label(row.season)}" if row.season else title
            if row.week_by_week[index] and runtime.whole is not None:
                first, whole = whole_hours(runtime.first), whole_hours(runtime.whole)
                said = f"about {first}, of at least {whole} in all"
                weekly[f"{named}: {said}"] = None
            elif runtime.week_by_week is False:
                at_once[f"{named}: about {whole_hours(runtime.first)}"] = None
    if not weekly:
        return None
    whole = f" ({'; '.join(at_once)})" if at_once else ""
    return (
        f"{WEEKLY_MARK} {CAME_OUT_WEEK_BY_WEEK}, so the views of its first days count its first "
        "episodes alone "
        f"({'; '.join(weekly)}), where a season out all at once is divided by its whole "
        f"runtime{whole}: their views do not compare, and a row with one stars no title; their "
        "hours do."
    )


def _as_of_said(row: StatRow, day: dt.date) -> bool:
    """Whether a figure's as-of day is worth saying beside it, as show's Figures say it: a
    day its row's window does not end on (a half-year's last day, the Sunday a running total
    of the weekly lists runs to, say it already), so a first 28 or 91 days' total, which
    Netflix restates as it is watched, says when it was read."""
    window = row.windows[-1] if row.windows else row.window
    return window_end(window) != day and window != f"cumulative:{day.isoformat()}"


def given_twice_line(comparison: Comparison) -> str | None:
    """What an "also" figure in a cell means: the dataset gives the title another figure of
    one row, with the notes that tell them apart, and where the choice of figure could change
    which title leads the row stars none ("also: the title's other figure for the row, which
    the dataset gives after the first (Brave Detectives' hours viewed, January–June 2025, S4:
    noted "Netflix's title: …: 2025", also "…: 2024"): …"). None when no row has one."""
    named: dict[tuple[int, str], list[str]] = {}  # by title and notes, in the rows' order
    for row in comparison.stats:
        for index, (show, others) in enumerate(zip(comparison.shows, row.others, strict=False)):
            if others:
                what = _lower_first(metric_label(row.metric, row.window))
                season = f", {season_label(row.season)}" if row.season else ""
                first = row.notes[index] if row.notes else None
                notes = _notes_said(first, others)
                label = f"{whose(clean(show.title))} {what}, {row.window_label}{season}"
                named.setdefault((index, notes), []).append(label)
    if not named:
        return None
    said = "; ".join("; ".join(labels) + notes for (_, notes), labels in named.items())
    return (
        "also: the title's other figure for the row, which the dataset gives after the first "
        f"({said}): a second row of one source (a season Netflix lists under two titles), or "
        "another source's figure, which kdrama data check warns of; where the titles' figures "
        "would give different leaders (taken at either figure, or for hours and views at their "
        "sum), the row stars no title."
    )


def _notes_said(first: str | None, others: Sequence[Stat]) -> str:
    """The notes that tell a title's figures of a row apart, as given_twice_line names them
    (': noted "…", also "…"'), or '' when none of them has one."""
    notes = [first, *(other.note for other in others)]
    if not any(notes):
        return ""
    said = [f'"{clean(note)}"' if note else "no note" for note in notes]
    return f": noted {said[0]}, " + ", ".join(f"also {one}" for one in said[1:])


def left_out_lines(comparison: Comparison, tabled: bool = True) -> list[str]:
    """For each title with figures no row holds, a line saying how many and why, by what keeps
    them out: "2 of Squid Game's figures are not in the table: 2 for seasons 2 and 3, which
    All of Us Are Dead has no figures for. kdrama show squid-game lists them." Without a table
    (``tabled`` false: no figure lines up), "None of X's figures can be compared: …"."""
    shows = comparison.shows
    lines = []
    for index, show in enumerate(shows):
        # a figure given twice is in its row's cell ("also"), said by given_twice_line
        mine = [i for i in comparison.left_out if i.show == index and i.reason != "twice"]
        if not mine:
            continue
        others = [clean(s.title) for n, s in enumerate(shows) if n != index]
        title = whose(clean(show.title))
        if not tabled and not any(s.stats for n, s in enumerate(shows) if n != index):
            # beside titles with no figure at all (a layer's own title): that is the reason,
            # not which lists and windows theirs are not on (walk39 #11)
            have = "has" if len(others) == 1 else "have"
            lines.append(
                f"None of {title} figures can be compared: {joined(others)} {have} no figures."
                f" {command_line(f'show {show.slug}')} lists them."
            )
            continue
        parts = [
            _left_out_part(reason, [i for i in mine if i.reason == reason], others, show)
            for reason in dict.fromkeys(item.reason for item in mine)
        ]
        if not tabled:
            head = f"None of {title} figures can be compared"
        elif show in comparison.unmatched:
            head = f"None of {title} figures is in the table"
        else:
            verb = "is" if len(mine) == 1 else "are"
            head = f"{len(mine):,} of {title} figures {verb} not in the table"
        lines.append(f"{head}: {'; '.join(parts)}. {command_line(f'show {show.slug}')} lists them.")
    return lines


def _list_named(chart_list: str | None) -> str:
    """A Netflix list as `top` names it: an engagement report's sheet 'What We Watched: TV' is
    "the engagement report's TV sheet", as top's heading says 'engagement report, … · TV'."""
    from kdrama_cli.catalogue.vocab import sheet_of

    sheet = sheet_of(chart_list)
    if sheet:
        return f"the engagement report's {sheet} sheet"
    return chart_list or "no Netflix list"


def _left_out_part(reason: str, items: Sequence[LeftOut], others: Sequence[str], show: Show) -> str:
    """One reason of left_out_lines, with how many figures it keeps out: '14 for seasons 2
    and 3, which All of Us Are Dead has no figures for'. Seasons are those the figures are
    compared as (a one-season title's figure of no season is that season's)."""
    one = len(others) == 1
    count = f"{len(items):,}"
    if reason == "list":
        lists = joined(dict.fromkeys(_list_named(i.stat.list) for i in items))
        absent = f"{whose(others[0])} figures are not" if one else "no other title's figures are"
        return f"{count} on {lists}, where {absent}"
    if reason == "season":
        seasons = _seasons_phrase(sorted({i.season or 0 for i in items}), show.kind)
        has = f"{others[0]} has no figures" if one else "no other title has figures"
        return f"{count} {seasons}, which {has} of"
    if reason == "broadcaster":
        broadcasters = joined(dict.fromkeys(i.broadcaster for i in items if i.broadcaster))
        return (
            f"{count} on {broadcasters}, whose TV ratings are not set beside another "
            f"broadcaster's ({_metrics_by_window(items)})"
        )
    has = f"{others[0]} has no figure" if one else "no other title has a figure"
    return f"{count} that {has} to set beside ({_metrics_by_window(items)})"


def _metrics_by_window(items: Sequence[LeftOut], most: int = 3) -> str:
    """'hours viewed and views, first 91 days, S1; contestants, total, S1 and S2': each window
    once with its metrics, and the seasons they are of, as the table's rows name them (one
    entry per set of metrics a window has in some seasons); past ``most`` entries, how many
    more figures. The season is said, as a title's figures of one window can be a row of the
    table for one season and left out for another (Kingdom's season-2 hours of January–June
    2023, beside its season-1 row of that half-year)."""
    by_window: dict[str, dict[int | None, list[LeftOut]]] = {}
    for item in items:
        by_window.setdefault(item.stat.window_label, {}).setdefault(item.season, []).append(item)
    # a figure of no season (a film's, a whole title's) is never one entry with a season's
    entries: dict[tuple[str, tuple[str, ...], bool], list[LeftOut]] = {}
    for window, seasons in by_window.items():
        for season, theirs in seasons.items():
            metrics = tuple(
                dict.fromkeys(
                    _lower_first(metric_label(i.stat.metric, i.stat.window)) for i in theirs
                )
            )
            entries.setdefault((window, metrics, season is None), []).extend(theirs)
    named = []
    for (window, metrics, _), theirs in entries.items():
        numbers = sorted({i.season for i in theirs if i.season})
        of = f", {joined(season_label(n) for n in numbers)}" if numbers else ""
        named.append(f"{joined(metrics)}, {window}{of}")
    if len(named) > most:
        rest = sum(len(theirs) for theirs in list(entries.values())[most - 1 :])
        named = [*named[: most - 1], count_of(rest, "more figure")]
    return "; ".join(named)


def _lower_first(label: str) -> str:
    """'Hours viewed' as a sentence says it, 'hours viewed'; 'TV rating' stays as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _before_top10_named(comparison: Comparison) -> list[str]:
    """The title-seasons whose figures in the comparison are marked BEFORE_TOP10 ('Kingdom
    S1'), each once, in the order of the titles."""
    found: dict[tuple[int, int | None], None] = {}
    for row in comparison.stats:
        for index, before in enumerate(row.before_top10):
            if before:
                found[(index, row.season)] = None
    named = []
    for index, season in sorted(found, key=lambda key: (key[0], key[1] or 0)):
        title = clean(comparison.shows[index].title)
        named.append(f"{title} {season_label(season)}" if season else title)
    return named


def no_figures_line(comparison: Comparison) -> str:
    """Why compare shows no figure: no two titles have one of the same metric and window, or
    they do and Netflix ranks them on different lists, or the figures are of other seasons,
    or they are TV ratings of different broadcasters."""
    apart = comparison.figures_apart
    if apart is None:
        return "No figures with the same metric and window to compare."
    have = [
        (show, lists, seasons)
        for show, lists, seasons in zip(
            comparison.shows,
            apart.lists or [()] * len(comparison.shows),
            apart.seasons or [()] * len(comparison.shows),
            strict=True,
        )
        if lists or seasons
    ]
    what = f"{metric_label(apart.metric)}, {apart.window_label}"
    if apart.reason == "broadcaster":
        each = ", ".join(
            f"{whose(clean(show.title))} on {joined(names)}"
            for show, names in zip(comparison.shows, apart.broadcasters, strict=True)
            if names
        )
        return (
            f"No figures to compare: their figures ({what}) are of different broadcasters "
            f"({each}). {RATINGS_APART}"
        )
    if apart.reason == "list":
        each = ", ".join(
            f"{clean(show.title)} on {' and '.join(_list_named(name) for name in lists)}"
            for show, lists, _ in have
        )
        return (
            f"No figures to compare: Netflix ranks them on separate lists ({what}: {each}), and "
            "figures of different lists do not compare."
        )
    each = ", ".join(
        f"{whose(clean(show.title))} {_seasons_phrase(seasons, show.kind)}"
        for show, _, seasons in have
    )
    return (
        f"No figures to compare: their figures ({what}) are of different seasons ({each}); "
        "compare lines up a season only with the same season of another title."
    )


def _seasons_phrase(seasons: Sequence[int], kind: str) -> str:
    """'for the film', 'for season 1', 'for seasons 1 and 2'; 0 stands for a figure of no
    season: a film's, or a series' given for the whole title ('for the whole title')."""
    named = [n for n in seasons if n]
    parts = [("the film" if kind == "film" else "the whole title")] if 0 in seasons else []
    if named:
        parts.append(seasons_words(named))
    return "for " + " and ".join(parts)


#: How the layer line of `data check` names each count: (singular, plural).
_ENTRY_NOUNS = {
    "shows": ("title", "titles"),
    "people": ("person", "people"),
    "credits": ("credit", "credits"),
    "source_works": ("source work", "source works"),
    "stats": ("figure", "figures"),
    "facts": ("fact", "facts"),
    "citations": ("citation", "citations"),
}


#: How the layer line names what extensions add besides entries (FileSummary.added).
_ADDED_NOUNS = {
    "seasons": ("season", "seasons"),
    "aliases": ("alias", "aliases"),
    "genres": ("genre", "genres"),
    "directors": ("director", "directors"),
    "writers": ("writer", "writers"),
    "creators": ("creator", "creators"),
    "related": ("related title", "related titles"),
    "netflix_titles": ("Netflix title", "Netflix titles"),
}


def layer_line(
    path: str,
    counts: dict[str, int],
    partial: Sequence[tuple[str, Sequence[str]]] = (),
    extensions: int = 0,
    added: Sequence[tuple[str, int]] = (),
) -> str:
    """'my.toml holds 1 title, 1 credit and 2 citations; merged over the dataset in use:' (a
    layer check's table counts the merged dataset, not the layer), after a line naming the
    layer's ``partial`` titles with what each lacks (Show.lacks), which list --completeness
    full leaves out. An entry marked extend = true is counted as an extension: a layer of
    extensions alone said it held no entries; what extensions add besides credits, figures
    and facts (``added``: seasons, aliases...) is said with them, so that the season a layer
    adds is seen counted (walk39 #15)."""
    held = [count_of(counts[key], *_ENTRY_NOUNS[key]) for key in _ENTRY_NOUNS if counts.get(key)]
    if extensions:
        said = count_of(
            extensions, "extension of an earlier entry", "extensions of earlier entries"
        )
        items = [count_of(count, *_ADDED_NOUNS[key]) for key, count in added if key in _ADDED_NOUNS]
        held.append(f"{said} (adding {joined(items)})" if items else said)
    lines = [_partial_line(partial)] if partial else []
    if not held:
        lines.append(f"{clean(path)} holds no entries; merged over the dataset in use:")
    else:
        listed = joined(held)
        lines.append(f"{clean(path)} holds {listed}; merged over the dataset in use:")
    return "\n".join(lines)


def _partial_line(partial: Sequence[tuple[str, Sequence[str]]]) -> str:
    """'moonlit-harbor (no director or creator) is partial: list --completeness full leaves it
    out.'"""
    named = [
        f"{clean(slug)} ({'; '.join(f'no {part}' for part in lacks)})" for slug, lacks in partial
    ]
    verb, it = ("is", "it") if len(partial) == 1 else ("are", "them")
    return f"{joined(named)} {verb} partial: list --completeness full leaves {it} out."


def check_view(
    counts: dict[str, int],
    files: Sequence[str],
    weak: int = 0,
    layer: str | None = None,
    *,
    ok: bool = True,
    warnings: int = 0,
    strict: bool = False,
    alone: str | None = None,
) -> RenderableType:
    """The counts of a valid dataset; ``layer``: a line saying what a layer checked over the
    dataset in use holds (layer_line), above the merged counts. ``ok`` is the verdict the exit
    status gives (CheckReport.passed: a valid dataset fails only --strict, on its warnings).
    ``warnings`` (printed on stderr) are counted under the table. ``alone``: the file that,
    using nothing of the dataset in use, was checked by itself, which a line says (a layer's
    author otherwise could not tell which check ran)."""
    failed = not ok
    table = Table(
        box=box.SIMPLE_HEAD,
        title="Dataset fails --strict" if failed else "Dataset OK",
        title_style="bold red" if failed else "bold green",
    )
    table.add_column("Entries")
    table.add_column("Count", justify="right")
    for key, value in counts.items():
        table.add_row(COUNT_WORDS.get(key, key).replace("_", " "), f"{value:,}")
    parts: list[RenderableType] = [Text(layer), table] if layer else [table]
    citations = counts.get("citations", 0)
    if weak and citations:
        parts.append(
            Text(
                f"{weak:,} of {citations:,} citations ({100 * weak / citations:.1f}%) come from "
                "wikis, databases, blogs or fan sites."
            )
        )
    if warnings:
        verdict = "fails --strict" if strict else "fails only with --strict"
        parts.append(Text(f"{count_of(warnings, 'warning')}: {verdict}."))
    if alone:
        parts.append(
            Text(
                f"{clean(alone)} uses nothing of the dataset in use, so it was checked by itself,"
                " as --data loads it (--layer checks it over the dataset in use).",
                style="dim",
            )
        )
    if files:
        parts.append(
            Text(
                "\n".join(["Files read, in order:", *map(clean, files)]),
                style="dim",
            )
        )
    return Group(*parts)

"""Rich views of the seen list: its titles, the people seen most, and the "seen elsewhere"
lines a show page adds under its cast."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from kdrama_cli.answers.seen import SeenCredit, SeenPerson, SeenTitle
from kdrama_cli.catalogue.models import Person
from kdrama_cli.catalogue.wording import joined, number_runs
from kdrama_cli.views.spoiler_notes import credits_hidden
from kdrama_cli.views.tables import Column, FitTable
from kdrama_cli.views.text import (
    clean,
    count_of,
    cut_at_limit,
    seasons_label,
    seen_credit_label,
    tied_ranks,
)
from kdrama_cli.views.titles import DASH, Hanging, _t


def seen_view(titles: Sequence[SeenTitle]) -> RenderableType:
    rows: list[list[Text | str]] = []
    for entry in titles:
        title = _t(entry.show.title, "bold")
        title.append(f"\n{entry.show.slug}", style="dim")
        if entry.show.seasons:
            seen = f"{seasons_label(entry.seasons)} of {_out(entry)}" if entry.seasons else DASH
        else:  # one release: say what it was, where that is known
            seen = entry.show.kind if entry.show.kind != "unknown" else "seen"
        rows.append([title, _t(entry.show.korean_title), str(entry.show.year or DASH), seen])
    table = FitTable(
        [
            Column("Title"),
            Column("Korean", drop=1),
            Column("Year", "right", whole=True),
            Column("Seen"),
        ],
        rows,
        every_column="--csv",
    )
    # an entry that marks no season of a series ("squid-game = []") is listed, with its "—",
    # but not counted: nothing of it is seen, as every other page reads it
    counted = sum(1 for entry in titles if entry.seasons or not entry.show.seasons)
    count = count_of(counted, "title") + " seen"
    if len(titles) > counted:
        count += f"; {len(titles) - counted} more listed with no season marked (—)"
    return Group(table, Text(count, style="dim"))


def _out(entry: SeenTitle) -> str:
    """The seasons out, after "of": how many ('S1, S2 of 3'), or, where they are not numbered
    from 1 on (Netflix's record of Voice has season 2 alone), which, in words and runs ('S2 of
    season 2', 'S2, S4 of seasons 2–4', 'S1 of seasons 1 and 6'): "S2, S4 of S2, S3, S4" ran
    the two lists together."""
    numbers = sorted(entry.out_numbers)
    if not numbers or numbers == list(range(1, len(numbers) + 1)):
        return str(entry.out)
    runs = [f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in number_runs(numbers)]
    return f"{'season' if len(numbers) == 1 else 'seasons'} {joined(runs)}"


def seen_credit_text(credit: SeenCredit) -> str:
    """'Squid Game S1 (as Ji-yeong)'; crew say what they were: 'Squid Game (creator)'."""
    return seen_credit_label(credit)


def seen_people_view(
    people: Sequence[SeenPerson], hidden: int = 0, total: int | None = None
) -> RenderableType:
    """The ranking, how many seen titles it left out as spoilers (``hidden``), and how many
    people --limit left out of ``total`` (the line every page --limit cut has)."""
    rows: list[list[Text | str]] = []
    ranks = tied_ranks([len(entry.credits) for entry in people])
    for number, entry in zip(ranks, people, strict=True):
        name = _t(entry.person.name, "bold")
        if entry.person.hangul:
            name.append(f" {clean(entry.person.hangul)}", style="magenta")
        name.append(f"\n{entry.person.id}", style="dim")
        titles = "; ".join(seen_credit_text(c) for c in entry.credits)
        rows.append([str(number), name, str(len(entry.credits)), titles])
    table = FitTable(
        [
            Column("#", "right", whole=True),
            Column("Person"),
            Column("Titles", "right", whole=True),
            Column("Seen in"),
        ],
        rows,
        every_column="--csv",
    )
    cut = cut_at_limit(len(people), total, "person", "people")
    lines = [line for line in (cut, credits_hidden(hidden) if hidden else None) if line]
    notes = [Text(line, style="dim") for line in lines]
    return Group(table, *notes) if notes else table


def seen_elsewhere_lines(
    people: Sequence[Person], elsewhere: Mapping[str, Sequence[SeenCredit]]
) -> list[RenderableType]:
    """Under a cast table: for each actor you have seen in other titles, where."""
    entries = []
    for person in people:
        credits = elsewhere.get(person.id)
        if credits:
            text = Text(clean(person.name), style="bold")
            text.append(": " + "; ".join(seen_credit_text(c) for c in credits))
            entries.append(("✓", text))
    if not entries:
        return []
    return [Text("\nYou have seen them in", style="bold"), Hanging(entries, label_style="green")]

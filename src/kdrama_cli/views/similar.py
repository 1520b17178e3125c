"""The Rich view of `kdrama similar SHOW`: a ranked table, each title with why it is listed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from kdrama_cli.answers.similar import REASON_ORDER, Reason, Similar
from kdrama_cli.views.tables import Column, FitTable
from kdrama_cli.views.text import clean, cut_at_limit, seen_left_out

#: How each kind of reason is introduced in the table ("cast: A, B; genres: x, y").
LABELS = {
    "related": "related",
    "source-work": "same source work",
    "writer": "same writer",
    "director": "same director",
    "creator": "same creator",
    "source-author": "same source author",
    "crew": "crew of both",
    "cast": "cast",
    "genre": "genres",
    "source-platform": "same source platform",
    "source-kind": "same kind of source",
    "platform": "same platform",
}

#: Under every page: one line, as the weights of each reason are beside it already (the
#: whole table of weights, six lines, followed every page; `similar --help` has it).
SCORING = (
    "Score: the sum of what the titles share, each reason's weight beside it (the weights:"
    " kdrama similar --help; --json lists every reason with its weight)."
)


def reasons_text(reasons: Sequence[Reason]) -> Text:
    """'cast: Lee Yoo-mi, Kim Si-eun (+4); genres: zombie, horror (+4); same platform: Netflix
    (+1)': each kind of reason with what it adds to the score."""
    groups: dict[str, list[Reason]] = {}
    for reason in reasons:
        groups.setdefault(reason.kind, []).append(reason)
    text = Text()
    for kind in sorted(groups, key=REASON_ORDER.index):
        if text:
            text.append("; ")
        text.append(f"{LABELS.get(kind, kind)}: ")
        text.append(", ".join(clean(r.detail) for r in groups[kind]))
        text.append(f" (+{sum(r.weight for r in groups[kind])})", style="dim")
    return text


def similar_view(answer: Similar) -> RenderableType:
    show = answer.show
    heading = Text("Titles like ", style="bold")
    heading.append(clean(show.title), style="bold cyan")
    heading.append(f" ({show.slug})", style="dim")
    rows: list[list[Text | str]] = []
    for number, result in enumerate(answer.results, start=1):
        title = Text(clean(result.title), style="bold")
        what = " · ".join(str(part) for part in (result.year, result.kind) if part)
        title.append(f"\n{result.slug}" + (f"\n{what}" if what else ""), style="dim")
        rows.append([str(number), title, str(result.score), reasons_text(result.reasons)])
    # A title squeezed to a word a line, or reasons to two, read worse than a block per title
    # (below about 60 columns): neither is narrowed past what still reads as a phrase.
    table = FitTable(
        [
            Column("#", "right", style="dim", whole=True),
            Column("Title", id_line=1, least=24),
            Column("Score", "right", whole=True),
            Column("Why", least=22),
        ],
        rows,
        every_column="--csv",
    )
    parts: list[RenderableType] = [heading, table]
    cut = cut_at_limit(len(answer.results), answer.total, "title")
    if cut:
        parts.append(Text(cut, style="dim"))
    if answer.left_out_seen:
        parts.append(Text(seen_left_out(answer.left_out_seen), style="dim"))
    parts.append(Text(SCORING, style="dim"))
    return Group(*parts)

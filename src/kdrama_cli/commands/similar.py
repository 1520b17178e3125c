"""`kdrama similar SHOW`: titles like this one, each with the reasons it is listed."""

from __future__ import annotations

import click

from kdrama_cli import views
from kdrama_cli.app import App, pass_app, today
from kdrama_cli.completion import complete_show
from kdrama_cli.options import (
    DataCommand,
    json_option,
    limit_option,
    name_argument,
    rows_asked,
    sheet_option,
)


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama similar "All of Us Are Dead"
  kdrama similar reply-1988 --limit 5
  kdrama similar squid-game --include-seen
  kdrama similar kingdom --json

A title's score is the sum of what it shares with SHOW: a related title (sequel, prequel,
spin-off) or the same source work 5; the same writer, director, creator or source author 4,
crew of both in other roles 3; cast (in seasons that are out) 3 with a main role in both, 2
in one, else 1; a genre 1, or 2 when at most 1 in 20 titles has it; the same platform 1, the
same source platform (or else kind of source work) 1. README.md ("Similar titles") says
more; --json lists every reason with its weight. It works on whole titles: a season typed
with SHOW ("squid game 2") is taken as the whole title, and a note on stderr says so.""",
)
@name_argument("show", "SHOW", shell_complete=complete_show)
@limit_option(10)
@click.option(
    "--include-seen", is_flag=True, help="Also list titles on your seen list (left out by default)."
)
@json_option
@sheet_option
@pass_app
def similar(
    app: App, show: str, limit: int, include_seen: bool, as_json: bool, sheet: str | None
) -> None:
    """Titles like SHOW, best first, each with why: shared cast and crew, genres, source."""
    day = today()  # shared cast counts in a season Netflix lists from the day its list ends
    # keyed by the seen file too: its stamp is part of the page's key
    if app.replay_page(also=day):
        return
    from kdrama_cli.answers.similar import WEIGHTS
    from kdrama_cli.answers.similar import similar as find_similar

    match = app.whole_title("similar", show)
    unread = "no title you have seen is left out"  # said when the seen list cannot be read
    leave_out = () if include_seen else tuple(app.seen_marks(unread))
    rows = rows_asked(limit, as_json or bool(sheet))
    answer = find_similar(app.dataset(), match.show, rows, leave_out, day)
    empty = None  # why no title is listed, on the page or beside --json and --csv
    if not answer.results:
        app.verify_empty_answer()
        title = match.show.title
        if match.show.netflix_only:
            empty = f"{title}: the catalogue holds only Netflix's record, nothing to compare."
        elif answer.left_out_seen:
            empty = f"Every title like {title} is on your seen list: --include-seen lists them."
        else:
            empty = f"No title in the catalogue shares cast, crew or a genre with {title}."
    if sheet or as_json:
        from kdrama_cli.views.text import seen_left_out

        if empty or answer.left_out_seen:
            app.note(empty or seen_left_out(answer.left_out_seen))
    if app.emit_data(
        sheet,
        as_json,
        lambda: views.sheets.similar_sheet(answer),
        lambda: views.jsonview.similar_json(answer, WEIGHTS),
    ):
        return
    if empty:
        app.nothing(empty)
        return
    from kdrama_cli.views.similar import similar_view

    app.render(similar_view(answer))

"""`kdrama person`: where have I seen this actor?"""

from __future__ import annotations

import click

from kdrama_cli.app import App, pass_app, today
from kdrama_cli.completion import complete_person
from kdrama_cli.options import DataCommand, json_option, name_argument, sheet_option


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama person "Lee Yoo-mi"
  kdrama person "Park Solomon"      # finds Lomon by an alias
  kdrama person 이유미
  kdrama person yeon-sang-ho --json
  kdrama person kim-soo-hyun --spoilers""",
)
@name_argument("name", "NAME", shell_complete=complete_person)
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        'Also list special appearances flagged as spoilers (surprise cameos), count them in "Also '
        'worked with", and show the headlines and addresses of sources flagged as spoilers.'
    ),
)
@json_option
@sheet_option
@pass_app
def person(app: App, name: str, spoilers: bool, as_json: bool, sheet: str | None) -> None:
    """A person's page: names, every credit in the catalogue, and frequent collaborators.

    NAME is matched against canonical names, aliases (other romanisations, stage names) and
    Hangul, ignoring case and punctuation. Credits are one row per title, each with its
    numbered sources. Only researched titles list cast and crew: a person's work the
    catalogue holds only as Netflix's record, or not at all, is not listed. "Also worked with"
    lists people who share two or more titles with them, counting a title only when both are
    credited in the same season that is out (a film is one season). A special appearance
    flagged as a spoiler (a surprise cameo) is left out, and not counted, without --spoilers;
    the page says how many were (on stderr with --json or --csv).
    """
    day = today()  # a season Netflix lists is out from the day its list ends
    if app.replay_page(also=day):  # the same page rendered before, today: print it again
        return
    from kdrama_cli.answers.person_page import person_detail

    detail = person_detail(app.dataset(), app.find_person(name), spoilers, day)
    detail = detail._replace(personal=app.through_personal(detail.every_layer))
    if detail.hidden and (sheet or as_json):  # on stderr: stdout keeps its contract
        from kdrama_cli.views.spoiler_notes import credits_hidden

        app.note(credits_hidden(detail.hidden))
    marks = None
    seen = app.seen_marks()
    if seen:
        from kdrama_cli.answers.seen import credits_seen

        marks = credits_seen(detail.credits, seen)
    if sheet:
        from kdrama_cli.views.sheets import person_sheet

        app.note_sources_hidden(detail.citations, spoilers, addresses=True)
        app.emit_sheet(person_sheet(detail, spoilers, marks), sheet)
        return
    if as_json:
        from kdrama_cli.views.jsonview import person_detail_json

        app.emit_cited_json(person_detail_json(detail, marks), spoilers)
        return
    from kdrama_cli.views.discovery import person_view

    app.render(person_view(detail, marks, every_column="--csv"))

"""Commands about dataset files: data check, data netflix."""

from __future__ import annotations

import sys
from typing import Any

import click

from kdrama_cli.app import (
    CONTEXT_SETTINGS,
    App,
    DatasetProblems,
    KdramaError,
    json_option,
    pass_app,
    say,
)
from kdrama_cli.errors import EXIT_DATA


@click.group(context_settings=CONTEXT_SETTINGS)
def data() -> None:
    """Work with dataset files: validate them, see which are loaded, derive Netflix figures."""


@data.command(
    "check",
    epilog="""\b
Examples:
  kdrama data check
  kdrama data check my-shows.toml
  kdrama --add-data extra.toml data check --strict
  kdrama data check --json""",
)
@click.argument("path", required=False, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@json_option
@pass_app
def data_check(app: App, path: str | None, strict: bool, as_json: bool) -> None:
    """Validate a dataset and print its counts, or every problem with its location.

    Without PATH it checks the merged dataset in use (base, personal, --add-data). Problems
    (exit 1) are printed one per line on stderr. Warnings (unused citations, people credited
    on nothing, titles with no cast, a fact that rests only on wikis, databases, blogs or fan
    sites) and overrides between files are reported too; warnings fail the check only with
    --strict.
    """
    from pathlib import Path

    from kdrama_cli.catalogue.loader import check_dataset

    report = check_dataset([Path(path)] if path is not None else app.paths())
    failed = bool(report.problems) or (strict and bool(report.warnings))
    if as_json:
        from kdrama_cli.views.jsonview import check_json

        app.emit_json(check_json(report))
        if failed:
            sys.exit(EXIT_DATA)
        return
    if report.problems:
        if path is None:  # the files in use, the personal dataset among them
            raise app.dataset_problems(report.problems)
        raise DatasetProblems(report.problems)
    for line in report.overrides:
        click.echo(f"kdrama: note: {line}", err=True)
    for line in report.warnings:
        click.echo(f"kdrama: warning: {line}", err=True)
    from kdrama_cli.views.titles import check_view

    app.render(check_view(report.counts, report.files, report.weak_citations))
    if failed:
        sys.exit(EXIT_DATA)


@data.command(
    "path",
    epilog="""\b
Examples:
  kdrama data path
  kdrama --add-data extra.toml data path --json""",
)
@json_option
@pass_app
def data_path(app: App, as_json: bool) -> None:
    """Print the dataset files that are loaded, in merge order (includes after their file)."""
    from kdrama_cli.catalogue.loader import loaded_files
    from kdrama_cli.catalogue.problems import DatasetError

    try:
        files = loaded_files(app.paths())
    except DatasetError as error:
        raise app.dataset_problems(error.problems) from None
    if as_json:
        app.emit_json(files)
        return
    for name in files:
        click.echo(name)


@data.command(
    "netflix",
    epilog="""\b
Examples:
  kdrama data netflix all-weeks-global.tsv most-popular.tsv all-weeks-countries.tsv
  kdrama --data data/shows.toml data netflix top10/*.tsv --out data/netflix.toml""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False),
    help='Write the generated dataset file here (default, or "-": standard output).',
)
@click.option(
    "--snapshot",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of a Most Popular file (default: a date in its file name).",
)
@pass_app
def data_netflix(app: App, paths: tuple[str, ...], out: str | None, snapshot: Any) -> None:
    """Derive Netflix figures for the catalogue from Netflix's published Top 10 files.

    Reads Netflix's all-weeks-global.tsv, all-weeks-countries.tsv and most-popular.tsv (in any
    order; the kind of each file is recognised by its columns) and writes a dataset file of
    figures: weekly hours, views and rank for every week a title was in the global Top 10,
    weeks in the Top 10, best rank, the all-time Most Popular figures, and countries in the
    Top 10 by week. Rows are matched only through the netflix_titles of the dataset's seasons
    and films. Korean titles that match nothing are reported when a tiers file is given.
    """
    from pathlib import Path

    from kdrama_cli.catalogue.loader import load_dataset, validate_text
    from kdrama_cli.catalogue.netflix import HEADER, NetflixFileError, derive, read_inputs
    from kdrama_cli.catalogue.problems import DatasetError, Problem
    from kdrama_cli.catalogue.writing import toml_text, write_atomically

    try:
        base = load_dataset([app.paths()[0]], follow_includes=False)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    try:
        found = read_inputs([Path(p) for p in paths], snapshot.date() if snapshot else None)
        derived = derive(base, found)
    except (NetflixFileError, ValueError, KeyError) as error:
        raise KdramaError(str(error)) from None
    try:
        text = toml_text(derived.document, HEADER)
    except (TypeError, ValueError) as error:
        raise KdramaError(f"cannot write the derived figures as TOML: {error}") from None
    if out == "-":  # a standard stream, as elsewhere (seen import -, upcoming --ics -)
        out = None
    problems = validate_text(text)  # the rules data check applies, before anything is written
    if problems:
        raise DatasetProblems([Problem(out or "<output>", *p) for p in problems])
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            write_atomically(out, text)
        except OSError as error:
            raise KdramaError(f"cannot write {out}: {error.strerror}") from None
    stats = len(derived.document["stats"])
    click.echo(f"kdrama: {stats} figures; {derived.matched_titles} titles in the Top 10", err=True)
    if derived.new_titles:
        click.echo(
            f"kdrama: {derived.new_titles} titles from the engagement reports that the dataset"
            " lacks (entries holding Netflix's record only)",
            err=True,
        )
    for line in derived.notes:
        say(f"kdrama: note: {line}")
    for title in derived.added_top10:
        say(f"kdrama: Korean Top 10 title added with Netflix's record only: {title}")
    for title in derived.unmatched_korean:
        say(f"kdrama: unmatched Korean title: {title}")
    for title in derived.unused_mappings:
        click.echo(f"kdrama: no rows for the dataset's Netflix title {title!r}", err=True)

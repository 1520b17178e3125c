"""Commands about dataset files: data check, data netflix."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from kdrama_cli.catalogue.loader import CheckReport
    from kdrama_cli.catalogue.models import Dataset
    from kdrama_cli.catalogue.problems import Problem


@click.group(context_settings=CONTEXT_SETTINGS)
def data() -> None:
    """Work with dataset files: validate them, see which are loaded, derive Netflix figures."""


@data.command(
    "check",
    epilog="""\b
Examples:
  kdrama data check
  kdrama data check my-shows.toml
  kdrama data check my-shows.toml --layer
  kdrama --add-data extra.toml data check --strict
  kdrama data check --json""",
)
@click.argument("path", required=False, type=click.Path())
@click.option(
    "--layer",
    is_flag=True,
    help="Check PATH merged over the dataset in use, as --add-data PATH loads it (default: when "
    "it uses or redefines entries of the dataset in use, or is loaded as a layer).",
)
@click.option("--alone", is_flag=True, help="Check PATH by itself, as --data PATH loads it.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@json_option
@pass_app
def data_check(
    app: App, path: str | None, layer: bool, alone: bool, strict: bool, as_json: bool
) -> None:
    """Validate a dataset and print its counts, or every problem with its location.

    Without PATH it checks the merged dataset in use (base, personal, --add-data). PATH is a
    layer, checked merged over the dataset in use as `kdrama --add-data PATH data check` does
    (and a note says why), when it is your personal dataset or an --add-data file, when it uses
    titles, people, source works or citations it does not define that the dataset in use has
    (a [[stats]] for squid-game, a credit for lee-jung-jae), or when it defines entries the
    dataset in use has too (a kingdom of its own, which needs override = true) without being a
    whole dataset (every title of the base: an edited copy of it). Any other file is checked
    by itself, as a base for --data. --layer always checks it as a layer, --alone always by
    itself (not both). A layer's check says what the file holds above the merged counts.

    Problems (exit 1) are printed one per line on stderr. Warnings (unused citations, people
    credited on nothing, titles with no cast, a fact that rests only on wikis, databases, blogs
    or fan sites) and overrides between files are reported too; warnings fail the check only
    with --strict.
    """
    from kdrama_cli.catalogue.loader import check_dataset

    if layer and alone:
        raise click.UsageError("--layer and --alone: give one (or neither, to let PATH decide)")
    if path is None:
        if layer or alone:
            raise click.UsageError(f"--{'layer' if layer else 'alone'} goes with a PATH to check")
        report, note, as_layer = check_dataset(app.paths()), None, False
    else:
        chosen = True if layer else (False if alone else None)  # None: PATH decides
        report, note, as_layer = _check_file(app, path, chosen)
    if path is not None and report.problems:
        report = report._replace(problems=_with_nearest(app, report.problems))
    failed = bool(report.problems) or (strict and bool(report.warnings))
    if as_json:
        from kdrama_cli.views.jsonview import check_json

        app.emit_json(check_json(report, as_layer=as_layer))
        if failed:
            sys.exit(EXIT_DATA)
        return
    if note:
        say(f"kdrama: note: {note}")
    if report.problems:
        # The files in use, the personal one among them (a note says what it is, unless it is
        # the file named, which the note above has said).
        if path is None or (as_layer and not _same_file(path, app.personal_dataset())):
            raise app.dataset_problems(report.problems)
        raise DatasetProblems(report.problems)
    for line in report.overrides:
        click.echo(f"kdrama: note: {line}", err=True)
    for line in report.warnings:
        click.echo(f"kdrama: warning: {line}", err=True)
    from kdrama_cli.views.titles import check_view, layer_line

    layer_says = None
    if as_layer and path is not None:
        from kdrama_cli.catalogue.loader import file_counts

        layer_says = layer_line(path, file_counts([path]))
    app.render(check_view(report.counts, report.files, report.weak_citations, layer_says))
    if failed:
        sys.exit(EXIT_DATA)


def _check_file(app: App, path: str, layer: bool | None) -> tuple[CheckReport, str | None, bool]:
    """PATH's report, checked by itself or as a layer over the dataset in use; a note saying
    why it was checked as a layer when no option said so; and whether it was.

    A layer author runs `kdrama data check my-layer.toml` and must hear what --add-data would
    say. So PATH is a layer when the dataset in use loads it as one already (the personal
    dataset, an --add-data file); when it uses entries it does not define that the dataset in
    use has (alone, each would be "unknown"); or when it defines entries the dataset in use has
    too (alone they pass, but in a layer each needs override = true) and is not a whole dataset
    (_whole_dataset). Any other file is a base as far as anyone can tell, checked by itself
    unless --layer says otherwise.
    """
    from kdrama_cli.catalogue.loader import check_dataset

    if layer:
        return check_dataset([*app.paths(), path]), None, True
    if layer is None:
        loaded = _loaded_as(app, path)
        if loaded is not None:
            return check_dataset(app.paths()), _loaded_note(path, loaded), True
    alone = check_dataset([path])
    why = None if layer is False else _why_a_layer(app, path, alone)
    if why is None:
        return alone, None, False
    return check_dataset([*app.paths(), path]), why, True


def _why_a_layer(app: App, path: str, alone: CheckReport) -> str | None:
    """Why PATH, checked by itself (``alone``), is a layer over the dataset in use, or None.
    When that dataset does not load, it cannot say which ids it has: PATH is checked over it,
    so the report (and --json) names what is wrong there rather than failing without one."""
    try:
        if alone.dataset is None:
            borrowed = _defined_in_use(app, alone.problems)
            return _layer_note(path, borrowed) if borrowed else None
        also = _also_in_use(app, alone.dataset)
    except DatasetProblems:
        if alone.dataset is not None and not alone.problems:
            return None  # a file that passes by itself needs nothing of a broken base
        return (
            f"the dataset in use does not load, so {path} is checked as a layer over it and its"
            " problems are listed too (--alone checks the file by itself)"
        )
    return _redefining_note(path, also) if also else None


#: At most this many "unknown ..." problems get the nearest ids (each compares the id with
#: every id of its kind in the dataset in use).
_NEAREST_FOR = 20


def _with_nearest(app: App, problems: list[Problem]) -> list[Problem]:
    """PATH's problems, each "unknown show 'squid-gam'" followed by the nearest ids of that
    kind in the dataset in use ("did you mean squid-game?"), when it loads and some are close:
    checked by itself, a file that mistypes a slug of the base cannot know it is one."""
    import difflib

    from kdrama_cli.catalogue.schema import unknown_reference

    try:
        dataset = app.dataset()
    except DatasetProblems:
        return problems
    pools = {
        "show": dataset.shows,
        "person": dataset.people,
        "source work": dataset.source_works,
        "citation": dataset.citations,
    }
    known: dict[str, list[str]] = {}
    hinted, result = 0, []
    for problem in problems:
        reference = unknown_reference(problem.message) if hinted < _NEAREST_FOR else None
        if reference is None or reference[1] in pools[reference[0]]:
            result.append(problem)
            continue
        hinted += 1
        kind, identity = reference
        ids = known.setdefault(kind, list(pools[kind]))
        close = difflib.get_close_matches(identity, ids, n=3, cutoff=0.8)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        result.append(problem._replace(message=problem.message + hint))
    return result


def _loaded_as(app: App, path: str) -> str | None:
    """What PATH is when the dataset in use loads it as a layer: "your personal dataset" or
    "given with --add-data"; None for any other file (the base among them)."""
    paths = app.paths()
    if _same_file(path, app.personal_dataset()):
        return "your personal dataset"
    if any(_same_file(path, used) for used in paths[1:]):
        return "given with --add-data"
    return None


def _same_file(path: str, other: str | None) -> bool:
    import os

    try:
        return other is not None and os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


def _defined_in_use(app: App, problems: list[Problem]) -> list[str]:
    """The ids of "unknown ..." problems that the dataset in use defines, in order, once each."""
    from kdrama_cli.catalogue.schema import REFERENCE_TABLES, unknown_reference

    references = [r for r in (unknown_reference(p.message) for p in problems) if r is not None]
    if not references:
        return []
    dataset = app.dataset()
    found = [
        identity
        for kind, identity in references
        if identity in getattr(dataset, REFERENCE_TABLES[kind])
    ]
    return list(dict.fromkeys(found))


def _also_in_use(app: App, alone: Dataset) -> list[str]:
    """The ids PATH (valid by itself: ``alone``) defines that the dataset in use has too, titles
    first; none for a whole dataset (_whole_dataset)."""
    from kdrama_cli.catalogue.models import fetch
    from kdrama_cli.catalogue.schema import REFERENCE_TABLES

    dataset = app.dataset()
    found: list[str] = []
    for table in REFERENCE_TABLES.values():
        ours = getattr(alone, table)
        theirs = {_identity(entry) for entry in fetch(getattr(dataset, table), ours)}
        found.extend(identity for identity in ours if identity in theirs)
    return found if found and not _whole_dataset(app, alone) else []


def _identity(entry: Any) -> str:
    return str(getattr(entry, "slug", None) or entry.id)


def _whole_dataset(app: App, alone: Dataset) -> bool:
    """Whether PATH has every title of the base in use: an edited copy of it, or a dataset of
    one's own that covers as much, is meant for --data, and is checked by itself."""
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.store.index import load

    paths = app.paths()
    if len(paths) == 1:
        base = app.dataset()
    else:
        try:
            base = load(paths[:1], app.cache_dir(), app.cache)
        except DatasetError as error:
            raise app.dataset_problems(error.problems) from None
    return len(alone.shows) >= len(base.shows) and all(slug in alone.shows for slug in base.shows)


def _loaded_note(path: str, loaded: str) -> str:
    """Why PATH, a file the dataset in use loads as a layer, was checked as one."""
    return (
        f"{path} is {loaded}: checked as a layer, as every command loads it"
        " (--alone checks the file by itself)"
    )


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:3])
    return shown + (f" and {len(ids) - 3:,} more" if len(ids) > 3 else "")


def _layer_note(path: str, borrowed: list[str]) -> str:
    """Why PATH was checked merged over the dataset in use, and how to check it otherwise."""
    import shlex

    return (
        f"{path} uses {_listed(borrowed)} from the dataset in use: checked as a layer over it"
        f" (as kdrama --add-data {shlex.quote(path)} data check; --alone checks the file by"
        " itself)"
    )


def _redefining_note(path: str, also: list[str]) -> str:
    """Why PATH, valid by itself, was checked as a layer: it defines entries the dataset in
    use has, which --add-data (or the personal dataset) would refuse without override = true."""
    import shlex

    return (
        f"{path} defines {_listed(also)}, which the dataset in use has too: checked as a layer"
        " over it, where an entry that replaces another needs override = true (as kdrama"
        f" --add-data {shlex.quote(path)} data check; --alone checks the file by itself, as a"
        " base for --data)"
    )


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

    # The dataset in use knows its files: from a fresh index that is instant, where reading
    # them again parses every file (seconds for the shipped dataset). Files that parse but do
    # not validate are still listed: finding them is what this command is for.
    try:
        files = list(app.dataset().files)
    except DatasetProblems:
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

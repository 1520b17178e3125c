"""Commands about dataset files: data check, data netflix."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from kdrama_cli.app import App, pass_app, today
from kdrama_cli.catalogue.wording import first_few
from kdrama_cli.errors import EXIT_DATA
from kdrama_cli.failures import DatasetProblems, KdramaError, PlainUsageError
from kdrama_cli.options import CONTEXT_SETTINGS, CommandGroup, Day, a_path, json_instead
from kdrama_cli.output import say

if TYPE_CHECKING:
    from kdrama_cli.answers.layers import Held, Why
    from kdrama_cli.catalogue.loader import CheckReport
    from kdrama_cli.catalogue.netflix import Top10Titles
    from kdrama_cli.catalogue.problems import Problem


@click.group(
    cls=CommandGroup,
    context_settings=CONTEXT_SETTINGS,
    epilog="""\b
Examples:
  kdrama data check
  kdrama data check my-shows.toml
  kdrama data path
  kdrama data netflix all-weeks-global.tsv --out netflix.toml""",
)
def data() -> None:
    """Work with dataset files: validate them, see which are loaded, derive Netflix figures.

    The format of a dataset file, every table and field, is described in README.md beside the
    shipped shows.toml, whose path `kdrama data path` prints (data/README.md in the source)."""


@data.command(
    "check",
    short_help="Validate a dataset and print its counts, or every problem.",
    epilog="""\b
Examples:
  kdrama data check
  kdrama data check my-shows.toml
  kdrama data check my-shows.toml --layer
  kdrama --add-data extra.toml data check --strict
  kdrama data check --json""",
)
@click.argument("path", required=False, type=click.Path(), callback=a_path)
@click.option(
    "--layer",
    is_flag=True,
    help="Check PATH merged over the dataset in use, as --add-data PATH loads it (default: when "
    "it uses or redefines entries of the dataset in use, or is loaded as a layer).",
)
@click.option("--alone", is_flag=True, help="Check PATH by itself, as --data PATH loads it.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@json_instead(
    "the report as JSON (UTF-8) on stdout, problems or not: the counts, and every problem and"
    " warning, not only the first 50"
)
@pass_app
def data_check(
    app: App, path: str | None, layer: bool, alone: bool, strict: bool, as_json: bool
) -> None:
    """Validate a dataset and print its counts, or every problem with its location.

    Problems exit 1; warnings exit 1 only with --strict.

    \b
    What is checked:
      no PATH   the dataset in use, merged (base, personal, --add-data)
      PATH      by itself, as --data PATH loads it; or, when it is a layer,
                merged over the dataset in use, as --add-data PATH loads it
                (a note says why)
      --layer   PATH always as a layer; --alone: always by itself

    PATH is a layer when it is your personal dataset or an --add-data file; when it marks an
    entry override = true or extend = true; when it uses titles, people, source works or
    citations that it does not define and the dataset in use has (a [[stats]] for
    squid-game, a credit for lee-jung-jae); or when it defines entries the dataset in use has
    too (a kingdom of its own, which needs override = true) or people with no note who share
    a name with people of it (a Lee Jung-jae of its own, who needs one); a whole dataset
    (every title of the base: an edited copy of it) is not taken for a layer by what it shares
    with the base. A layer's check says what the file holds above the merged counts.

    Problems are printed one per line on stderr: an entry's own errors and, in the same run,
    the ids it refers to that no file defines (a note counts the entries whose errors keep
    their references from being checked).

    Warnings (unused citations, people credited on nothing, titles with no cast, a fact that
    rests only on wikis, databases, blogs or fan sites, an override that drops seasons,
    credits, figures, facts, aliases, crew, Netflix titles or fields of the entry it replaces
    and does not name them in its drops,
    an extension that repeats what its entry has) name the file of their entry, and
    overrides and extensions between files are reported too. While there are problems, the
    warnings of the entries without errors follow them (those of the entries with errors come
    once these are fixed). Citations and people of a file below that only an overridden entry
    used are said with the override, not warned about.
    """
    from kdrama_cli.catalogue.loader import check_dataset

    if layer and alone:
        raise click.UsageError("--layer and --alone: give one (or neither, to let PATH decide)")
    if path is None:
        if layer or alone:
            raise click.UsageError(f"--{'layer' if layer else 'alone'} goes with a PATH to check")
        report, note, as_layer, held = check_dataset(app.paths()), None, False, None
    else:
        chosen = True if layer else (False if alone else None)  # None: PATH decides
        report, note, as_layer, held = _check_file(app, path, chosen)
    if path is not None and report.problems:
        from kdrama_cli.answers.layers import with_nearest

        # Checked by itself, a file that mistypes an id of the base cannot know it is one;
        # --alone reads nothing but PATH, so only PATH's own ids are offered then.
        in_use = None
        if not alone:
            with contextlib.suppress(DatasetProblems):  # no dataset in use: none of its ids
                in_use = app.dataset()
        report = report._replace(problems=with_nearest(report.problems, path, in_use))
    elif report.problems:
        from kdrama_cli.answers.layers import InUse, load_with_nearest

        used = InUse(app.paths(), app.personal_dataset(), app.cache_dir(), app.cache)
        report = report._replace(problems=load_with_nearest(report.problems, used))
    report = report._replace(warnings=_in_file_order(report.warnings, report.files))
    ok = report.passed(strict)
    if as_json:
        from kdrama_cli.views.jsonview import check_json

        app.emit_json(check_json(report, ok=ok, as_layer=as_layer, strict=strict))
        if not ok:
            sys.exit(EXIT_DATA)
        return
    if note:
        say(f"kdrama: note: {note}")
    if report.problems:
        # The files in use, the personal one among them (a note says what it is, unless it is
        # the file named, which the note above has said).
        from kdrama_cli.catalogue.writing import same_file

        if path is None or (as_layer and not same_file(path, app.personal_dataset())):
            error = app.dataset_problems(report.problems)
        else:
            error = DatasetProblems(report.problems)
        if report.unchecked:
            error.notes.append(_unchecked_note(report.unchecked))
        from kdrama_cli.answers.layers import people_to_add

        if block := people_to_add(report.problems):
            error.notes.append(block)
        if path is not None and not alone and _only_empty(report.problems):
            error.notes.append(_empty_layer_note(path))
        if not report.warnings:
            raise error
        # The warnings of the entries without errors come in the same run, after the errors
        # (those of the entries with errors are judged once these validate).
        error.show()
        _say_warnings(report.warnings)
        say(f"kdrama: note: {_warnings_beside_note(len(report.warnings))}")
        sys.exit(EXIT_DATA)
    for line in (*report.overrides, *report.extensions, *report.repeated):
        say(f"kdrama: note: {line}")
    _say_warnings(report.warnings)
    from kdrama_cli.views.titles import check_view, layer_line

    layer_says = None
    if held is not None and path is not None:
        extended = sum(line.startswith(f"{path}: ") for line in report.extensions)
        layer_says = layer_line(path, held.counts, held.partial, extended, held.added)
    app.render(
        check_view(
            report.counts,
            report.files,
            report.weak_citations,
            layer_says,
            ok=ok,
            warnings=len(report.warnings),
            strict=strict,
            alone=_checked_alone(app, path) if not (layer or alone or as_layer) else None,
        )
    )
    if not ok:
        sys.exit(EXIT_DATA)


def _checked_alone(app: App, path: str | None) -> str | None:
    """PATH, when the check chose to read it by itself and it is not a file of the dataset in
    use (`data check data/shows.toml` uses that dataset, it does not use "nothing of it")."""
    if path is None:
        return None
    from kdrama_cli.catalogue.writing import same_file

    with contextlib.suppress(DatasetProblems):
        if any(same_file(path, used) for used in app.paths()):
            return None
    return path


def _in_file_order(warnings: Sequence[Problem], files: Sequence[str]) -> tuple[Problem, ...]:
    """The warnings by file, in the order the load read them, then by line, as an editor walks
    a file: made by kind and id, they went bulk-0, bulk-1, bulk-10, bulk-100, lines 7, 17,
    107, 1007. A warning of a whole file comes before its entries'."""
    rank = {file: at for at, file in enumerate(files)}
    return tuple(
        sorted(warnings, key=lambda warning: (rank.get(warning.file, len(rank)), warning.line or 0))
    )


def _say_warnings(warnings: Sequence[Problem]) -> None:
    """The warnings on stderr, the first 50 of them and the rest counted by kind, as problems
    are (--json gives every one)."""
    from kdrama_cli.catalogue.problems import summary

    for line in summary(warnings, noun="warning"):
        say(f"kdrama: warning: {line}")


def _warnings_beside_note(count: int) -> str:
    """What the warnings said after the errors are about: the entries without errors."""
    from kdrama_cli.catalogue.problems import SHOWN_PROBLEMS

    these = "the warning above is" if count == 1 else f"the {count:,} warnings above are"
    if count > SHOWN_PROBLEMS:  # the first fifty shown, the rest counted by kind
        these = f"the {count:,} warnings ({SHOWN_PROBLEMS} shown above, the rest counted) are"
    return (
        f"{these} about entries without errors; those of the entries with errors, and of the"
        " entries that refer to them (a title crediting a person with an error), are given once"
        " they are fixed"
    )


def _only_empty(problems: Sequence[Problem]) -> bool:
    """Whether the one problem is a file with nothing in it, checked as a base (a layer may
    be empty)."""
    return len(problems) == 1 and problems[0].empty


def _empty_layer_note(path: str) -> str:
    """That the empty file refused as a base is fine as a layer, for one who has just started
    a layer file and checks it as data/README.md says."""
    from kdrama_cli.errors import command_line, shell_quote

    return (
        "a base dataset needs entries, but an empty layer (an --add-data file) loads: "
        + command_line(f"data check {shell_quote(path)} --layer")
        + " checks it as one"
    )


def _unchecked_note(count: int) -> str:
    """That the references of entries with errors that hide them (an id that is not one; a
    season number that is not one, in an extension whose credits name seasons) are not checked
    yet: the problems above are not all there is."""
    entries = "1 entry" if count == 1 else f"{count:,} entries"
    return (
        f"the references of {entries} (to citations, people, titles, source works or seasons)"
        f" are checked once {'its' if count == 1 else 'their'} errors are fixed"
    )


def _check_file(
    app: App, path: str, layer: bool | None
) -> tuple[CheckReport, str | None, bool, Held | None]:
    """PATH's report (checked by itself or as a layer over the dataset in use: see
    answers.layers), a note saying why it was checked as a layer when no option said so,
    whether it was, and then what it holds."""
    from kdrama_cli.answers.layers import InUse, check_file

    def in_use() -> InUse:
        return InUse(app.paths(), app.personal_dataset(), app.cache_dir(), app.cache)

    checked = check_file(path, layer, in_use)
    note = _layer_note(path, checked.why) if checked.why else None
    return checked.report, note, checked.as_layer, checked.held


def _layer_note(path: str, why: Why) -> str:
    """Why PATH was checked as a layer over the dataset in use, and how to check it otherwise."""
    if why.reason == "personal":
        return _loaded_note(path, "your personal dataset")
    if why.reason == "add-data":
        return _loaded_note(path, "given with --add-data")
    if why.reason == "overrides":
        return _overriding_note(path, why.ids, why.files)
    if why.reason == "extends":
        return (
            f"{_marking(path, why.files)} {first_few(why.ids)} extend = true: checked as a layer"
            " over the dataset in use, whose entries it adds to " + _other_ways(path)
        )
    if why.reason == "uses":
        return _uses_note(path, why.ids)
    if why.reason == "redefines":
        return _redefining_note(path, why.ids)
    if why.reason == "namesakes":
        return _namesakes_note(path, why.ids)
    if why.reason == "names":
        return (
            f"{path} gives titles names that titles of the dataset in use have"
            f" ({first_few(why.ids)}): checked as a layer over it, where such a name opens the"
            " wrong title or makes a lookup ambiguous " + _other_ways(path)
        )
    return (
        f"the dataset in use does not load, so {path} is checked as a layer over it and its"
        " problems are listed too (--alone checks the file by itself)"
    )


def _loaded_note(path: str, loaded: str) -> str:
    """Why PATH, a file the dataset in use loads as a layer, was checked as one."""
    return (
        f"{path} is {loaded}: checked as a layer, as every command loads it"
        " (--alone checks the file by itself)"
    )


#: How many of the dataset's Netflix titles with no rows are named one by one: a small file
#: (one week, one report) leaves out most of the catalogue, and 250 lines buried its summary.
UNUSED_NAMED = 10


def _say_unused(titles: Sequence[str]) -> None:
    """The dataset's Netflix titles the files have no rows for: each named when few, else a
    count and the first few (a typo in a mapping shows among few; a partial file has many)."""
    if len(titles) <= UNUSED_NAMED:
        for title in titles:
            say(f"kdrama: no rows for the dataset's Netflix title {title!r}")
        return
    first = first_few([repr(title) for title in titles], 5)
    say(
        f"kdrama: no rows for {len(titles):,} of the dataset's Netflix titles in these files"
        f" (first, alphabetically: {first})"
    )


def _check_command(path: str) -> str:
    """The command that checks PATH as a layer over the dataset in use (with the dataset
    options this run was given: kdrama_cli.errors.command_line)."""
    from kdrama_cli.errors import command_line, shell_quote

    return command_line(f"--add-data {shell_quote(path)} data check")


def _other_ways(path: str, base: bool = True) -> str:
    """The bracket every "checked as a layer" note ends with: the command that checks PATH the
    same way, and --alone for the file by itself (as a base for --data, when it could be one)."""
    alone = "--alone checks the file by itself" + (", as a base for --data" if base else "")
    return f"(as {_check_command(path)}; {alone})"


def _uses_note(path: str, borrowed: Sequence[str]) -> str:
    """Why PATH, which uses entries it does not define, was checked merged over the dataset in
    use, and how to check it otherwise."""
    return (
        f"{path} uses {first_few(borrowed)} from the dataset in use: checked as a layer over it "
        + _other_ways(path, base=False)
    )


def _redefining_note(path: str, also: Sequence[str]) -> str:
    """Why PATH, valid by itself, was checked as a layer: it defines entries the dataset in
    use has, which --add-data (or the personal dataset) would refuse without override = true."""
    return (
        f"{path} defines {first_few(also)}, which the dataset in use has too: checked as a layer"
        " over it, where an entry that replaces another needs override = true " + _other_ways(path)
    )


def _namesakes_note(path: str, same: Sequence[str]) -> str:
    """Why PATH, valid by itself, was checked as a layer: people in it share a name with people
    of the dataset in use, which --add-data (or the personal dataset) refuses without a note."""
    return (
        f"{path} defines people named as people of the dataset in use are ({first_few(same)}):"
        " checked as a layer over it, where each needs a note to tell them apart "
        + _other_ways(path)
    )


def _overriding_note(path: str, replacing: Sequence[str], files: Sequence[str] = ()) -> str:
    """Why PATH, which marks entries override = true (itself or in the ``files`` it includes),
    was checked as a layer over the dataset in use: what it replaces is there."""
    they = "they" if len(files) > 1 else "it"
    return (
        f"{_marking(path, files)} {first_few(replacing)} override = true: checked as a layer over"
        f" the dataset in use, whose entries {they} replace{'s' * (they == 'it')} "
        + _other_ways(path)
    )


def _marking(path: str, files: Sequence[str]) -> str:
    """Who marks the overrides, named where the author finds the key: PATH itself, or the files
    it includes that do ("fixes.toml, included by main.toml, marks")."""
    if not files or list(files) == [path]:
        return f"{path} marks"
    from kdrama_cli.catalogue.wording import joined

    named = joined(files)
    verb = "marks" if len(files) == 1 else "mark"
    return f"{named} {verb}" if path in files else f"{named}, included by {path}, {verb}"


@data.command(
    "path",
    short_help="Print the dataset files that are loaded, in merge order.",
    epilog="""\b
Examples:
  kdrama data path
  kdrama --add-data extra.toml data path --json""",
)
@json_instead("the files as JSON (UTF-8), in the same order")
@pass_app
def data_path(app: App, as_json: bool) -> None:
    """Print the dataset files that are loaded, in merge order (includes after their file).

    Nothing in them is validated (kdrama data check does that): a file that does not load (a
    TOML syntax error, no such file) is listed in its place all the same, and a warning on
    stderr says why. Without a personal dataset, a note on stderr says where one would be read
    from (~/.config/kdrama/shows.toml by default); with --no-personal, one says it was left out.
    """
    from kdrama_cli.catalogue.loader import loaded_files
    from kdrama_cli.catalogue.printable import clean

    # The dataset in use knows its files: from a fresh index that is instant, where reading
    # them again parses every file (seconds for the shipped dataset). Files that do not
    # validate, or do not even parse, are still listed: finding them is what this command is
    # for, so what keeps a file from being read is a warning after the list, not a failure.
    unreadable: list[Problem] = []
    try:
        files = list(app.dataset().files)
    except DatasetProblems:
        files, unreadable = loaded_files(app.paths())
    if as_json:
        app.emit_json(files)
    else:
        for name in files:  # an include's name comes from the file: made printable
            click.echo(clean(name))
    if unreadable:
        for line in app.dataset_problems(unreadable).lines("warning"):
            say(line)
    left_out = _personal_dataset_left_out(app)
    if left_out is not None:
        say(f"kdrama: note: personal dataset: {left_out} (left out: {app.personal_left_out_by})")
    absent = _personal_dataset_absent()
    if absent is not None:
        say(
            f"kdrama: note: personal dataset: {absent} (none there; a file you put there is"
            " read by every command, over the base)"
        )


def _personal_dataset_left_out(app: App) -> str | None:
    """The personal dataset, when one is there and this run leaves it out (--no-personal): the
    list would otherwise not say why a file every other run reads is missing from it."""
    import os

    from kdrama_cli.catalogue.locations import user_dataset

    path = user_dataset()
    if app.personal or path is None or not os.path.lexists(path):
        return None
    return path


def _personal_dataset_absent() -> str | None:
    """Where the personal dataset goes, when no file is there: the list names it when it
    exists, and nothing else but README.md said where a fan's own additions would be read."""
    import os

    from kdrama_cli.catalogue.locations import user_dataset

    path = user_dataset()
    if path is None or os.path.lexists(path):
        return None
    return path


def _top10_counted(top10: Top10Titles) -> str:
    """How many titles are in the Top 10, and, where some are only in national or Most Popular
    lists, how many are in the global weekly lists, the ones `kdrama list` sums: '245 titles in
    the Top 10' beside the 217 titles list gives Top 10 hours read as a contradiction."""
    from kdrama_cli.catalogue.wording import count_of, joined

    said = f"{count_of(top10.total, 'title')} in the Top 10"
    if top10.total == top10.global_weekly:
        return said
    in_global = f"{top10.global_weekly:,}" if top10.global_weekly else "none"
    parts = [f"{in_global} in the global weekly lists (those kdrama list sums)"]
    if top10.national_only:
        parts.append(f"{top10.national_only:,} in national weekly lists but not the global ones")
    if top10.popular_only:
        parts.append(
            f"{top10.popular_only:,} on an all-time Most Popular list but in no weekly one"
        )
    return f"{said}: {joined(parts)}"


@data.command(
    "netflix",
    short_help="Derive Netflix figures and Korean titles from Netflix's own files.",
    epilog="""\b
Examples:
  kdrama data netflix all-weeks-global.tsv all-weeks-countries.tsv
  kdrama data netflix most-popular.tsv --snapshot 2026-11-30
  kdrama data netflix What_We_Watched_*.xlsx korean-title-tiers.tsv

\b
  Regenerating the shipped data/netflix.toml (README.md, "Netflix figures"):
  N=../shared/netflix-top10 E=../shared/netflix-engagement
  kdrama --no-cache --data data/shows.toml data netflix \\
    $N/global-weekly-korean.tsv \\
    $N/countries-weekly-korean-2021-07-04_2022-02-27.tsv \\
    $N/most-popular_*.tsv \\
    $N/korean-title-tiers.tsv $E/*.xlsx --out data/netflix.toml""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=a_path)
@click.option(
    "--out",
    "-o",
    type=click.Path(),
    callback=a_path,
    help='Write the generated dataset file here (without --out, or with "-", it is printed on'
    " standard output).",
)
@click.option(
    "--snapshot",
    type=Day(),
    metavar="YYYY-MM-DD",
    help="Date of a Most Popular file (default: a date in its file name).",
)
@pass_app
def data_netflix(app: App, paths: tuple[str, ...], out: str | None, snapshot: Any) -> None:
    """Derive Netflix figures and Netflix's Korean titles from Netflix's own files.

    Reads the files in any order, each recognised by its content, and writes one dataset file:

    Top 10 files (all-weeks-global.tsv, all-weeks-countries.tsv, most-popular.tsv): weekly
    hours, views and rank for every week a title was in the global Top 10, weeks in the Top 10,
    best rank, the all-time Most Popular figures, and countries in the Top 10 by week. Rows are
    matched only through the netflix_titles of the dataset's seasons and films.

    Engagement reports (Netflix's half-yearly "What We Watched" XLSX workbooks; reading them
    needs the netflix extra, which the checkout's pip install -e '.[dev]' has): hours viewed,
    views, runtime, availability and the day Netflix released it on Netflix, per report and
    season, for every Korean work in them. A work the dataset lacks becomes an entry holding
    Netflix's record only.

    A Korean title tiers file (columns kind, show_title, tier): which Top 10 titles are Korean,
    and whether each is TV or film. Korean Top 10 titles that neither the dataset nor a report
    has become entries holding Netflix's record only; those that match nothing are reported.
    """
    from pathlib import Path

    from kdrama_cli.catalogue.loader import load_dataset, validate_text
    from kdrama_cli.catalogue.netflix import HEADER, NetflixFileError, derive, read_inputs
    from kdrama_cli.catalogue.problems import DatasetError, Problem
    from kdrama_cli.catalogue.wording import count_of
    from kdrama_cli.catalogue.writing import (
        export_problem,
        same_file,
        toml_text,
        write_atomically,
    )

    if out == "-":  # a standard stream, as elsewhere (seen import -, upcoming --ics -)
        out = None
    # Before anything is read: --out over a file kdrama reads (the dataset in use, a layer, the
    # seen list) or one of the inputs would replace the user's data with the derived figures.
    # An included file may be written: the README's recipe regenerates data/netflix.toml,
    # which data/shows.toml includes.
    app.refuse_overwriting_inputs("--out", out, included=False)
    if out is not None and any(same_file(out, path) for path in paths):
        raise PlainUsageError(
            f"--out {out}: that is one of the files read; writing there would replace it:"
            " give another PATH"
        )
    problem = export_problem(out) if out is not None else None
    if problem is not None:  # a folder, a FIFO, a folder that is not there: a file error
        raise KdramaError(f"cannot write {problem}")
    try:
        base = load_dataset([app.paths()[0]], follow_includes=False)
    except DatasetError as error:
        raise DatasetProblems(error.problems) from None
    try:
        found = read_inputs([Path(p) for p in paths], snapshot, today())
        derived = derive(base, found)
    except NetflixFileError as error:
        message = str(error)
        if error.toml is not None:
            how = _check_command(str(error.toml))
            message += f": if it is a dataset, --add-data adds it, and {how} checks it"
        raise KdramaError(message) from None
    except (ValueError, KeyError) as error:
        raise KdramaError(str(error)) from None
    try:
        text = toml_text(derived.document, HEADER)
    except (TypeError, ValueError) as error:
        raise KdramaError(f"cannot write the derived figures as TOML: {error}") from None
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
    figures = count_of(len(derived.document["stats"]), "figure")
    say(f"kdrama: {figures}; {_top10_counted(derived.top10)}")
    # The Top 10 titles the tiers file adds are entries too, each named below: not counted
    # among the engagement reports' titles.
    from_reports = derived.new_titles - len(derived.added_top10)
    if from_reports:
        say(
            f"kdrama: {count_of(from_reports, 'title')} from the engagement reports that the"
            " dataset lacks (entries holding Netflix's record only)"
        )
    for line in derived.notes:
        say(f"kdrama: note: {line}")
    for title in derived.added_top10:
        say(f"kdrama: Korean Top 10 title added with Netflix's record only: {title}")
    for title in derived.unmatched_korean:
        say(f"kdrama: unmatched Korean title: {title}")
    _say_unused(derived.unused_mappings)

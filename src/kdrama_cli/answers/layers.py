"""Whether a file that `kdrama data check PATH` checks is a layer over the dataset in use, and
its report, checked as one or by itself.

A layer author runs `kdrama data check my-layer.toml` and must hear what --add-data would say.
So PATH is a layer when the dataset in use loads it as one already (the personal dataset, an
--add-data file); when it marks an entry ``override = true`` (it means to replace one); when
it uses entries it does not define that the dataset in use has (alone, each would be
"unknown"); or when it defines entries the dataset in use has too (alone they
pass, but in a layer each needs override = true), people with no note who share a name with
people of the dataset in use (in a layer each needs a note), or titles named as titles of the
dataset in use are (in a layer the name opens the wrong title), and is not a whole dataset
(``_whole``). Any other file is a base as far as anyone can tell, checked by itself unless
--layer says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from kdrama_cli.catalogue.loader import CheckReport, FileSummary, check_dataset, file_summary
from kdrama_cli.catalogue.models import Dataset, fetch
from kdrama_cli.catalogue.problems import DatasetError, Problem, ReferenceKind
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.writing import same_file
from kdrama_cli.store.index import load


class InUse(Record):
    """The dataset in use, as this run loads it."""

    #: Its files in merge order: base, personal, then each --add-data.
    paths: list[str]
    #: The personal dataset, when the run reads it.
    personal: str | None
    cache_dir: str | None
    use_cache: bool


#: Why a file was checked as a layer with no option saying so: the dataset in use loads it as
#: one ("personal", "add-data"); it marks entries override = true ("overrides") or extend =
#: true ("extends"); it uses
#: entries of that dataset ("uses"), redefines some ("redefines"), defines people who share
#: a name with some of its people and have no note ("namesakes") or titles one of whose names
#: (title, Korean title, alias) is a name of one of its titles ("names"); or that dataset does
#: not load ("broken"), so the file is checked over it.
Reason = Literal[
    "personal",
    "add-data",
    "overrides",
    "extends",
    "uses",
    "redefines",
    "namesakes",
    "names",
    "broken",
]


class Why(Record):
    """Why a file was checked as a layer, and the ids that decided it ("uses", "redefines",
    "namesakes")."""

    reason: Reason
    ids: tuple[str, ...] = ()
    #: For "overrides", the files that mark the ids: the file checked, or files it includes.
    files: tuple[str, ...] = ()


class Held(Record):
    """What a layer holds by itself, said above the merged counts of its check."""

    #: Its entry counts, not merged over anything.
    counts: dict[str, int]
    #: Its titles that are partial once merged, each with what it lacks (Show.lacks).
    partial: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: What its extensions add besides credits, figures and facts (FileSummary.added).
    added: tuple[tuple[str, int], ...] = ()


class FileCheck(Record):
    """A file's check: its report, whether it was checked as a layer, why (when no option said
    so), and, checked as a layer, what it holds."""

    report: CheckReport
    as_layer: bool
    why: Why | None = None
    held: Held | None = None


def check_file(path: str, layer: bool | None, in_use: Callable[[], InUse]) -> FileCheck:
    """PATH checked as a layer over the dataset in use (``layer`` True), by itself (False), or
    as the module's docstring decides (None). ``in_use`` is asked only when the dataset in use
    matters: --alone reads nothing but PATH."""
    if layer is False:
        return FileCheck(check_dataset([path]), False)
    used = in_use()
    summary = file_summary([path])  # PATH's own part, parsed once for all of it

    def as_layer(why: Why | None, paths: Sequence[str] = (*used.paths, path)) -> FileCheck:
        report = check_dataset(paths)
        return FileCheck(report, True, why, _held(report, summary))

    if layer:
        return as_layer(None)
    loaded = _loaded_as(used, path)
    if loaded is not None:
        return as_layer(Why(loaded), used.paths)
    if summary.overrides:  # it means to replace entries below it: alone each replaces nothing
        return as_layer(Why("overrides", summary.overrides, summary.override_files))
    if summary.extends:  # it means to add to entries below it: alone each extends nothing
        return as_layer(Why("extends", summary.extends, summary.extend_files))
    alone = check_dataset([path])
    why = _why_a_layer(used, alone, summary.titles, summary.people)
    return FileCheck(_names_in_use(alone, path, used), False) if why is None else as_layer(why)


def _names_in_use(alone: CheckReport, path: str, used: InUse) -> CheckReport:
    """A file checked by itself (``alone``) that gives a person's name where their id goes,
    told the id when the dataset in use has that person, as a load with it would be."""
    from kdrama_cli.catalogue.loader import named_documents
    from kdrama_cli.catalogue.schema import (
        about_a_reference,
        named_references,
        people_as_document,
    )

    if not any(about_a_reference(problem) for problem in alone.problems):
        return alone
    try:
        people = people_as_document(_dataset(used).people.values())
    except DatasetError:
        return alone
    documents = [*named_documents([path]), ("", people)]
    return alone._replace(problems=named_references(alone.problems, documents))


def _held(report: CheckReport, summary: FileSummary) -> Held:
    """What a layer holds, its partial titles judged as merged in ``report``."""
    shows = report.dataset.shows if report.dataset is not None else {}
    partial = tuple(
        (slug, tuple(shows[slug].lacks))
        for slug in summary.titles
        if slug in shows and shows[slug].completeness == "partial"
    )
    return Held(summary.counts, partial, summary.added)


def _loaded_as(used: InUse, path: str) -> Reason | None:
    """How the dataset in use loads PATH as a layer, or None for any other file (the base
    among them)."""
    if same_file(path, used.personal):
        return "personal"
    if any(same_file(path, other) for other in used.paths[1:]):
        return "add-data"
    return None


def _why_a_layer(
    used: InUse, alone: CheckReport, titles: Sequence[str] = (), people: Sequence[str] = ()
) -> Why | None:
    """Why PATH, checked by itself (``alone``), is a layer over the dataset in use, or None.
    When that dataset does not load, it cannot say which ids it has: PATH is checked over it,
    so the report (and --json) names what is wrong there rather than failing without one.
    ``titles``: the slugs PATH defines; when PATH does not load by itself, re-declaring some of
    the titles in use (``slug = "kingdom"`` to change its title) makes it a layer, so that the
    check says the slug is defined already rather than list the fields the entry lacks; so does
    re-declaring a person in use (``people``: ``id = "park-ji-hu"`` and an alias, told to set
    extend = true rather than that it lacks a name)."""
    try:
        if alone.dataset is None:
            borrowed = _defined_in_use(used, alone.problems)
            if borrowed:
                return Why("uses", borrowed)
            redefined = _redefined_titles(used, titles, people)
            return Why("redefines", redefined) if redefined else None
        dataset = _dataset(used)
        also = _also_in_use(dataset, alone.dataset)
        why = Why("redefines", also) if also else _namesakes_in_use(dataset, alone.dataset)
        why = why or _title_names_in_use(dataset, alone.dataset)
        return why if why is None or not _whole(used, dataset, alone.dataset) else None
    except DatasetError:
        if alone.dataset is not None and not alone.problems:
            return None  # a file that passes by itself needs nothing of a broken base
        return Why("broken")


def _redefined_titles(
    used: InUse, titles: Sequence[str], people: Sequence[str] = ()
) -> tuple[str, ...]:
    """The titles of ``titles`` the dataset in use has, then the people of ``people`` it has,
    unless ``titles`` hold every title of its base: an edited copy of the base is checked by
    itself (_whole)."""
    if not titles and not people:
        return ()
    dataset = _dataset(used)
    base = dataset if len(used.paths) == 1 else _dataset(used, used.paths[:1])
    if titles and all(slug in titles for slug in base.shows):
        return ()
    return (
        *(slug for slug in titles if slug in dataset.shows),
        *(identity for identity in people if identity in dataset.people),
    )


def _namesakes_in_use(dataset: Dataset, alone: Dataset) -> Why | None:
    """Why PATH (valid by itself: ``alone``) is a layer when it defines people with no note who
    share a name with people of the dataset in use: --add-data refuses them until each has one
    (schema.namesakes_over, the loader's own rule)."""
    from kdrama_cli.catalogue.schema import namesakes_over

    same = namesakes_over(alone.people, dataset.people.values())
    return Why("namesakes", same) if same else None


def _title_names_in_use(dataset: Dataset, alone: Dataset) -> Why | None:
    """Why PATH (valid by itself: ``alone``) is a layer when one of its titles is named as a
    title of the dataset in use is (its title, Korean title or an alias is a name of one
    there: an alias "The Glory", "CLOY"): alone it passes, but loaded over that dataset the
    name opens the wrong title or makes a lookup ambiguous, which the merged check warns
    about."""
    from kdrama_cli.catalogue.names import normalize

    def names(show: Any) -> set[str]:
        named = (show.title, show.korean_title, *show.all_aliases)
        return {key for name in named if name and (key := normalize(name))}

    taken: set[str] = set()
    for show in dataset.shows.values():
        if show.slug not in alone.shows:
            taken |= names(show)
    same = tuple(slug for slug, show in alone.shows.items() if names(show) & taken)
    return Why("names", same) if same else None


#: Each kind of entry an entry can refer to: its table in a dataset file and its id's key.
_FILE_TABLES: dict[ReferenceKind, tuple[str, str]] = {
    "show": ("shows", "slug"),
    "person": ("people", "id"),
    "source work": ("source_works", "id"),
    "citation": ("citations", "id"),
}


def _tables(dataset: Dataset) -> Mapping[ReferenceKind, Mapping[str, Any]]:
    """The dataset's entries of each kind an entry can refer to, titles first."""
    return {
        "show": dataset.shows,
        "person": dataset.people,
        "source work": dataset.source_works,
        "citation": dataset.citations,
    }


def _defined_in_use(used: InUse, problems: Sequence[Problem]) -> tuple[str, ...]:
    """The ids of the unknown references among ``problems`` that the dataset in use defines,
    in order, once each. Raises DatasetError when that dataset does not load."""
    references = [p.unknown for p in problems if p.unknown is not None]
    if not references:
        return ()
    tables = _tables(_dataset(used))
    found = [r.id for r in references if r.id in tables[r.kind]]
    return tuple(dict.fromkeys(found))


def shipped_defines(
    problems: Sequence[Problem], cache_dir: str | None, use_cache: bool
) -> tuple[str, ...]:
    """The ids of the unknown references among ``problems`` that the shipped dataset defines,
    asked of an index of it (the package's, or one in the cache): a hint after an error never
    parses the whole shipped dataset. None when there is no such index."""
    from kdrama_cli.catalogue.locations import packaged_dataset
    from kdrama_cli.store.index import open_index, open_shipped

    shipped = packaged_dataset()
    references = [p.unknown for p in problems if p.unknown is not None]
    if shipped is None or not references or not use_cache:
        return ()
    try:
        indexed = open_index(cache_dir, [shipped]) if cache_dir is not None else None
        indexed = indexed or open_shipped([shipped])
        if indexed is None:
            return ()
        tables = _tables(indexed)
        return tuple(dict.fromkeys(r.id for r in references if r.id in tables[r.kind]))
    except Exception:  # noqa: BLE001 - a hint after an error must never replace the error
        return ()


def _also_in_use(dataset: Dataset, alone: Dataset) -> tuple[str, ...]:
    """The ids PATH (valid by itself: ``alone``) defines that the dataset in use (``dataset``)
    has too, titles first."""
    theirs = _tables(dataset)
    found: list[str] = []
    for kind, ours in _tables(alone).items():
        defined = {_identity(entry) for entry in fetch(theirs[kind], ours)}
        found.extend(identity for identity in ours if identity in defined)
    return tuple(found)


def _identity(entry: Any) -> str:
    return str(getattr(entry, "slug", None) or entry.id)


def _whole(used: InUse, dataset: Dataset, alone: Dataset) -> bool:
    """Whether PATH has every title of the base in use: an edited copy of it, or a dataset of
    one's own that covers as much, is meant for --data, and is checked by itself."""
    base = dataset if len(used.paths) == 1 else _dataset(used, used.paths[:1])
    return len(alone.shows) >= len(base.shows) and all(slug in alone.shows for slug in base.shows)


def _dataset(used: InUse, paths: Sequence[str] | None = None) -> Dataset:
    """The dataset in use (or the one of ``paths``), from the index as every command loads it."""
    return load(used.paths if paths is None else paths, used.cache_dir, used.use_cache)


#: At most this many unknown references get the nearest ids (each compares its id with every
#: id of its kind in the dataset in use).
NEAREST_FOR = 20


def with_nearest(
    problems: Sequence[Problem], path: str, dataset: Dataset | None, also: Sequence[str] = ()
) -> list[Problem]:
    """The problems, each unknown reference ("unknown show 'squid-gam'") followed by the
    nearest ids of its kind (". Did you mean squid-game?") when some are close: ids PATH
    defines itself, with the files it includes and the files ``also`` names (the likeliest
    typo is of one's own id), then those of ``dataset``, the dataset in use (None: PATH checked
    by itself, --alone)."""
    import difflib

    from kdrama_cli.errors import did_you_mean

    own = _own_ids([path, *also])
    tables = _tables(dataset) if dataset is not None else None
    known: dict[ReferenceKind, list[str]] = {}
    hinted, result = 0, []
    for problem in problems:
        reference = problem.unknown if hinted < NEAREST_FOR else None
        if reference is None or (tables is not None and reference.id in tables[reference.kind]):
            result.append(problem)
            continue
        hinted += 1
        ids = known.get(reference.kind)
        if ids is None:
            theirs = list(tables[reference.kind]) if tables is not None else []
            ids = known[reference.kind] = list(dict.fromkeys([*own[reference.kind], *theirs]))
        close = difflib.get_close_matches(reference.id, ids, n=3, cutoff=0.8)
        hint = f". {did_you_mean(close)}" if close else ""
        # no typo of an id of the dataset in use, which lacks it: a person new to the
        # catalogue (walk35); checked by itself, the file may mean one of the base's
        new = not close and reference.kind == "person" and tables is not None
        hint = NEW_PERSON if new else hint
        result.append(problem._replace(message=problem.message + hint, new_person=new))
    return result


#: After "unknown person 'kim-new-actor'" that is no near miss of an id: what to add, which
#: the note of people_to_add gives to paste.
NEW_PERSON = (
    ": a person new to the catalogue needs a [[people]] entry of that id in your file"
    " (data/README.md, [[people]]; the note below gives one to paste)"
)


#: The longest id people_to_add gives an entry to paste for: a longer one, which no problem
#: line shows whole, was never typed as a person's id.
PASTED_ID = 80


def people_to_add(problems: Sequence[Problem]) -> str | None:
    """The note after the problems that name people new to the catalogue (Problem.new_person,
    which with_nearest sets as it words NEW_PERSON): a [[people]] entry for each, ready to
    paste, its name made from the id as the catalogue writes names (``kim-new-actor``: "Kim
    New-actor"), to be checked against the credits."""
    ids = [
        p.unknown.id
        for p in problems
        if p.new_person and p.unknown is not None and len(p.unknown.id) <= PASTED_ID
    ]
    if not ids:
        return None
    blocks = "".join(
        f'\n\n[[people]]\nid = "{identity}"\nname = "{_name_of(identity)}"'
        for identity in dict.fromkeys(ids[:NEAREST_FOR])
    )
    return (
        "to add them, paste this into your file, each name spelt as the press spells it (and"
        f' add hangul = "…" where you know it):{blocks}'
    )


def _name_of(identity: str) -> str:
    """A name for a person's id as the catalogue writes names: the family name, then the
    given name joined by a hyphen ("yoon-da-on": "Yoon Da-on")."""
    family, *given = identity.split("-")
    return " ".join(part for part in (family.title(), "-".join(given).capitalize()) if part)


def load_with_nearest(problems: Sequence[Problem], used: InUse) -> list[Problem]:
    """A load's problems (every command's, not only data check's), each unknown reference
    followed by the nearest ids as `data check PATH` gives them (with_nearest): of the file that
    has it, then of the base the layers are merged over (none when the base itself fails)."""
    if not any(p.unknown is not None for p in problems):
        return list(problems)
    base: Dataset | None = None
    if len(used.paths) > 1 and all(p.file != used.paths[0] for p in problems):
        try:
            base = _dataset(used, used.paths[:1])
        except DatasetError:
            base = None
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    layers = used.paths[1:]  # a layer in parts defines in one what another cites
    hinted = {
        file: iter(with_nearest(group, file, base, layers)) for file, group in by_file.items()
    }
    return [next(hinted[problem.file]) for problem in problems]


def _own_ids(paths: Sequence[str]) -> dict[ReferenceKind, list[str]]:
    """The ids these files and the files they include define, by kind, read from their text
    whatever else is wrong in them: a layer split into parts cites in one what another
    defines."""
    from kdrama_cli.catalogue.loader import read_with_includes

    own: dict[ReferenceKind, list[str]] = {kind: [] for kind in _FILE_TABLES}
    for document in read_with_includes(paths):
        for kind, (table, key) in _FILE_TABLES.items():
            entries = document.get(table)
            for entry in entries if isinstance(entries, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get(key), str):
                    own[kind].append(entry[key])
    return own

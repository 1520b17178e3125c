"""Find, parse and validate dataset files and build the models from them (no printing)."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kdrama_cli.catalogue.locations import PathLike
from kdrama_cli.catalogue.models import (
    Dataset,
    Show,
    Stat,
    latest_past,
    lists_by_report,
    rows_of_one_source,
)
from kdrama_cli.catalogue.printable import bidi_controls, has_control
from kdrama_cli.catalogue.problems import (
    DatasetError,
    InvalidEntries,
    Problem,
    UnresolvedReferences,
)
from kdrama_cli.catalogue.rating_measures import ratings_without_measure
from kdrama_cli.catalogue.reading import (
    MAX_FILE_BYTES,
    UnreadableFile,
    given_file_unreadable,
    read_regular_file,
    regular_file,
    why_unreadable,
)
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import UNSCRIPTED_KINDS
from kdrama_cli.catalogue.wording import count_of, first_few, joined, shortened, size_of

if TYPE_CHECKING:
    from kdrama_cli.catalogue.entry_lines import EntryLines
    from kdrama_cli.catalogue.models import Replacement

# The TOML parser and the schema are imported only when a file is parsed: a run answered from
# the index (kdrama_cli.store.index) never needs them.

#: The most files one load may read (includes included), and their total size.
MAX_FILES = 1000
#: How many levels of includes a file named for a load (--data, --add-data, the personal
#: dataset, data check PATH) may start: it includes a file, which includes another, ...
MAX_INCLUDE_DEPTH = 4
MAX_TOTAL_BYTES = 256 * 1024 * 1024


# Compiled on first use (re caches it): only a TOML syntax error needs it.
_TOML_POSITION = r"\(at line (\d+), column (\d+)\)$"


Fingerprint = tuple[int, int, int, str]  # size, mtime_ns, ctime_ns, sha256 of the bytes read


def _read_bytes(name: str) -> bytes:
    return read_regular_file(name)


def read_document(
    path: PathLike, fingerprints: dict[str, Fingerprint] | None = None, layer: bool = False
) -> dict[str, Any]:
    """Read and parse one TOML file, turning every failure into a DatasetError.

    ``fingerprints`` receives the file's stat taken before reading and the hash of the bytes
    actually parsed, so an index built from this parse can never vouch for later content.
    A ``layer`` (a file merged over the base) that is empty or only white space is an empty
    document, as one holding only comments is; a base dataset with no text at all (nothing,
    white space or a byte-order mark) is an error, as one with no entries is (_read_all).
    """
    name = os.fspath(path)

    def fail(message: str, location: str = "", empty: bool = False) -> DatasetError:
        return DatasetError([Problem(name, location, message, empty=empty)])

    try:
        stat = os.stat(name)
        raw = _read_bytes(name)
    except (OSError, ValueError) as error:
        raise fail(_unreadable(name, error)) from None
    # A byte-order mark alone (Notepad saving an empty file) is no text either: parse_toml
    # drops it, and the file would pass as a valid dataset of nothing.
    if not raw.removeprefix(b"\xef\xbb\xbf").strip() and not layer:
        raise fail("file is empty", empty=True)
    if fingerprints is not None:
        import hashlib

        digest = hashlib.sha256(raw).hexdigest()
        fingerprints[name] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, digest)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        from kdrama_cli.catalogue.syntax import not_utf8

        line, column, message = not_utf8(raw, error.start)
        raise DatasetError([Problem(name, "", message, line=line, column=column)]) from None
    return parse_toml(name, text)


def parse_toml(name: str, text: str) -> dict[str, Any]:
    """The TOML document of ``text`` (the file ``name``), or a DatasetError worded for the
    person who wrote it, at ``PATH:LINE:COL`` (catalogue.syntax): the dataset's files and the
    seen file are both edited by hand."""
    # Windows editors (Notepad) start UTF-8 files with a byte-order mark, which TOML forbids
    # and no editor shows: it is read as what the user meant, not reported as "Invalid
    # statement" at 1:1.
    text = text.removeprefix("\ufeff")
    try:
        document: dict[str, Any] = _toml().loads(text)
        return document
    except _toml().TOMLDecodeError as error:
        from kdrama_cli.catalogue.syntax import explain_at, explain_at_end

        message = str(error)
        position = re.search(_TOML_POSITION, message)
        if position:
            said = message[: position.start()].rstrip()
            line, column, message = explain_at(said, text, *map(int, position.groups()))
            raise DatasetError([Problem(name, "", message, line=line, column=column)]) from None
        # At the end of the document: placed where what was left open opens
        message = re.sub(r"\s*\(at end of document\)$", "", message)
        at_line, at_column, message = explain_at_end(message, text)
        raise DatasetError([Problem(name, "", message, line=at_line, column=at_column)]) from None
    except RecursionError:
        raise DatasetError([Problem(name, "", "tables or arrays are nested too deeply")]) from None


def _toml() -> Any:
    """tomli, the parser the standard library's tomllib is taken from (same results, same
    error messages), because its wheels are compiled (mypyc): it reads the shipped dataset in
    less than half tomllib's time, and parsing is most of what `data check` and building the
    index cost. Where no compiled wheel exists it is the same pure Python as tomllib."""
    import tomli

    return tomli


def validate_text(text: str) -> list[tuple[str, str]]:
    """(location, message) for every structural problem of a dataset file's text, checked with
    the rules data check applies, before it is written anywhere."""
    from kdrama_cli.catalogue.schema import validate_document

    try:
        document = _toml().loads(text)
    except _toml().TOMLDecodeError as error:
        return [("", str(error))]
    return list(validate_document(document))


def _unreadable(name: str, error: OSError | ValueError) -> str:
    """Why file ``name`` could not be read, in the words of a dataset's errors: what it is when
    it is no regular file (with how a dataset takes several files, for a folder of parts),
    "no such file", a NUL in its name."""
    if isinstance(error, UnreadableFile):
        if os.path.isdir(name):
            return f"{error.strerror or 'cannot be read'}: {_folder_needs(name)}"
        return given_file_unreadable(error)  # --data <(cmd): what to do, as data netflix's
    if isinstance(error, ValueError):  # an embedded NUL
        return "the file name contains a NUL character"
    if error.errno == errno.ELOOP:
        return _links_in_a_circle(name)
    if isinstance(error, FileNotFoundError) and name.startswith("~"):
        # --add-data=~/x, --data "~/x" or KDRAMA_DATA="~/x": the shell expands ~ only as a word
        # of its own, unquoted, so the path reached us as written.
        return (
            "no such file: ~ was not made your home folder (a shell does that only for an"
            " unquoted word such as --add-data ~/x.toml): give the path in full"
        )
    if isinstance(error, FileNotFoundError):
        near = _named_nearly(name)
        if near:
            return f"{why_unreadable(error)}; {near}"
    return why_unreadable(error)


def _named_nearly(name: str) -> str | None:
    """What is there under ``name`` with an extension added, where ``name`` is not: a layer
    saved by an editor that hides extensions as layer.toml.txt (walk39 #5), or a file named
    without its .toml."""
    if os.path.lexists(name):
        return None
    if os.path.isfile(f"{name}.txt"):
        return (
            f"{name}.txt is there: {_txt_added(os.path.basename(name))}, or give its name as it is"
        )
    if not name.lower().endswith(".toml") and os.path.isfile(f"{name}.toml"):
        return f"{name}.toml is there: give its whole name"
    return None


#: The file a folder of parts is given by when none of its files includes the others.
FOLDER_INDEX = "index.toml"


def _folder_needs(folder: str) -> str:
    """What to give for a folder given as a dataset (``--add-data pack``): its file that
    includes the others (a friend's pack's index.toml, found in it or a folder under it), or,
    where none does, the FOLDER_INDEX to write there, listing its .toml files (walk35)."""
    files = _toml_files(folder)
    including = [f for f in files if _includes(os.path.join(folder, f))]
    if including:
        named = " or ".join(_joined(folder, f) for f in including[:3])
        return f"a dataset is one file: give the one that includes the others, {named}"
    if len(files) == 1:
        return f"a dataset is one file: give it, {_joined(folder, files[0])}"
    if not files:
        saved = _saved_as_text(folder)
        if saved:  # layer.toml.txt, from an editor that hides extensions (walk39 #5)
            named = _joined(folder, saved)
            return (
                f"a dataset is one .toml file, and this folder holds none but {named}:"
                f" {_txt_added(saved.removesuffix('.txt'))}"
            )
        return "a dataset is one .toml file, and this folder holds none"
    index = _joined(folder, FOLDER_INDEX)
    files = [f for f in files if f != FOLDER_INDEX] or files
    listed = ", ".join(f'"{f}"' for f in files[:3]) + (", ..." if len(files) > 3 else "")
    parts = f"include = [{listed}]"
    return (
        f"a dataset is one file, and a folder of parts needs one that lists them: write {index}"
        f" holding [meta] and, on the line under it, {parts}, then give {index}"
    )


def _txt_added(meant: str) -> str:
    """What to do about a layer an editor that hides extensions saved as ``meant``.txt."""
    return (
        f"an editor that hides file extensions (Windows Notepad) added .txt; rename it to {meant}"
    )


def _saved_as_text(folder: str) -> str | None:
    """The first file of ``folder`` named NAME.toml.txt, or None."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.lower().endswith(".toml.txt"))
    except OSError:
        return None
    return names[0] if names else None


def _toml_files(folder: str) -> list[str]:
    """The .toml files of ``folder`` and of the folders directly in it, as paths from it
    (``parts/a.toml``), sorted: at most a few hundred are looked at."""
    found: list[str] = []
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)[:200]
        for entry in listed:
            if entry.name.lower().endswith(".toml") and entry.is_file():
                found.append(entry.name)
        for entry in listed:
            if entry.is_dir() and not entry.name.startswith("."):
                with os.scandir(entry.path) as inner:
                    found += sorted(
                        f"{entry.name}/{e.name}"
                        for e in list(inner)[:200]
                        if e.name.lower().endswith(".toml") and e.is_file()
                    )
    except OSError:
        return found
    return found


def _includes(path: str) -> bool:
    """Whether the file at ``path`` has a ``[meta]`` include, judged from its first 64 KiB."""
    try:
        with open(path, "rb") as file:
            head = file.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    return _META_INCLUDE.search(head) is not None


#: A ``[meta]`` header, then an ``include =`` before the next header.
_META_INCLUDE = re.compile(
    r"^[ \t]*\[[ \t]*meta[ \t]*\].*\n(?:[ \t]*(?:[^\[\s].*)?\n)*?[ \t]*include[ \t]*=", re.M
)


def _joined(folder: str, name: str) -> str:
    """``name`` in ``folder``, as the folder was typed (``pack/index.toml``)."""
    return os.path.join(folder, name) if folder else name


def _links_in_a_circle(name: str) -> str:
    """Why a name that is a symbolic link leading back to itself, through others or not, reads
    as no file, with the links in order (the C library says only "too many levels of symbolic
    links"), and what to do."""
    chain = [name]
    seen = {os.path.abspath(name)}
    where = "its path goes through symbolic links in a circle"  # a folder's link, not the file
    for _ in range(MAX_LINKS_SHOWN):
        try:
            target = os.readlink(chain[-1])
        except OSError:
            break
        chain.append(os.path.join(os.path.dirname(chain[-1]), target))
        if os.path.abspath(chain[-1]) in seen:
            circle = " -> ".join(os.path.basename(link) for link in chain)
            where = f"symbolic links in a circle ({circle})"
            break
        seen.add(os.path.abspath(chain[-1]))
    return (
        f"no file is there: {where}; point a link at the dataset file, or give the file's own path"
    )


#: How many links of a circle are followed to name them.
MAX_LINKS_SHOWN = 8


def files_missing(paths: Iterable[PathLike]) -> list[Problem]:
    """The named files that are not there to read (no such file, permission denied, a folder or
    a device in a file's place), in the words a load gives them: asked before parsing, so that
    a mistyped ``--add-data`` path is reported at once rather than after the whole base dataset
    has been parsed. What the files hold and their includes are the load's to judge."""
    problems: list[Problem] = []
    for path in paths:
        name = os.fspath(path)
        try:
            regular_file(name)
        except (OSError, ValueError) as error:
            problems.append(Problem(name, "", _unreadable(name, error)))
    return problems


def load_dataset(
    paths: Iterable[PathLike],
    follow_includes: bool = True,
    *,
    lines: EntryLines | None = None,
) -> Dataset:
    """Parse, validate and merge dataset files in order; raise DatasetError with every problem.

    ``follow_includes=False`` reads only the named files, ignoring ``[meta] include`` (used when
    regenerating an included file from the rest). ``lines`` (entry_lines_of) receives every
    document that parsed, even when the load fails, and keeps the files' lines the problems
    were placed with: check_dataset counts the documents and places its warnings without
    parsing or scanning the files again.
    Entries that break the schema, or that a merge leaves out (an id defined twice), are
    followed by the ids they name that no file defines, as far as they can be read
    (schema.reference_problems), so that every command reports what `data check` does: fixing
    one list of errors must not reveal another.
    """
    import gc

    # Parsing and building create millions of small acyclic objects; the cycle collector would
    # walk them again and again for nothing (about 8% of a big parse).
    collecting = gc.isenabled()
    gc.disable()
    lines = lines if lines is not None else entry_lines_of([])
    documents = lines.documents
    try:
        return _load_dataset(paths, follow_includes, lines)
    except InvalidEntries as error:
        problems, unchecked = _with_references(error.problems, documents)
        problems = _with_clash_advice(problems, lines)
        raise InvalidEntries(_at_lines(problems, lines), unchecked) from None
    except UnresolvedReferences as error:
        problems = error.problems
        if _left_out(problems):
            problems = _with_references(problems, documents)[0]
        problems = _with_clash_advice(problems, lines)
        raise UnresolvedReferences(_at_lines(problems, lines)) from None
    finally:
        if collecting:
            gc.enable()


def _with_references(
    problems: Sequence[Problem], documents: Sequence[tuple[str, dict[str, Any]]]
) -> tuple[list[Problem], int]:
    """``problems`` followed by what the entries they leave unchecked refer to that no file
    defines (schema.reference_problems: entries that break the schema, an entry repeating an
    earlier file's id without override), and how many entries could not be checked at all."""
    from kdrama_cli.catalogue.schema import reference_problems

    found, unchecked = reference_problems(documents)
    known = set(problems)
    return [*problems, *(p for p in found if p not in known)], unchecked


#: The characters of a page's address an "already defined" shows.
URL_SHOWN = 80

#: Where an entry as a whole is: "shows[the-glory]".
_ENTRY = re.compile(r"(\w+)\[(.+)\]")


def entry_lines_of(documents: list[tuple[str, dict[str, Any]]]) -> EntryLines:
    """Where the entries of a load's ``documents`` are, each file read again and scanned only
    when a problem about it first asks (entry_lines.EntryLines)."""
    from kdrama_cli.catalogue.entry_lines import EntryLines
    from kdrama_cli.catalogue.schema import TOP_LEVEL

    id_keys = {table: key if table != "stats" else "" for table, (key, _) in TOP_LEVEL.items()}
    return EntryLines(documents, id_keys, _file_text)


def _with_clash_advice(problems: list[Problem], lines: EntryLines) -> list[Problem]:
    """``problems`` with each "already defined" (and each override that lacks fields) told
    where the earlier entry starts, ``PATH:LINE``, to open and copy it from (the shipped
    shows.toml has 94,000 lines), and, when the two entries are plainly different things
    (another page, a title or person of another name), that this one may need an id of its
    own rather than override = true. The files are scanned for lines only when such a problem
    is there, through ``lines``, which then places every problem of the load without a second
    scan."""
    from kdrama_cli.catalogue.schema import TOP_LEVEL

    mended = list(problems)
    for position, problem in enumerate(problems):
        entry = _ENTRY.fullmatch(problem.location)
        if entry is None or entry[1] not in TOP_LEVEL or entry[1] == "stats":
            continue
        advice = _clash_advice(problem, entry[1], entry[2], lines)
        if advice is not None:
            mended[position] = problem._replace(message=advice)
    return mended


def _find(
    lines: EntryLines, file: str, table: str, identity: str
) -> tuple[dict[str, Any], str] | None:
    """The first entry of ``table`` in ``file`` with ``identity``, and where it starts:
    ``PATH:LINE``, or the file alone when its lines cannot be told."""
    place = lines.position(file, table, identity)
    rows = lines.rows(file, table)
    if place is None or rows is None:
        return None
    headers = lines.lines(file, table)
    return rows[place], f"{file}:{headers[place]}" if headers is not None else file


def _clash_advice(problem: Problem, table: str, identity: str, lines: EntryLines) -> str | None:
    """The message of ``problem`` (about ``table[identity]``) with where the earlier entry it
    clashes with starts and, for "already defined", whether it is plainly another thing; None
    when it is no such message or nothing can be added."""
    from kdrama_cli.catalogue.schema import (
        TOP_LEVEL,
        already_defined,
        copy_whole,
        extension_meant,
    )

    file = problem.file
    if lines.document(file) is None:
        return None
    id_key = TOP_LEVEL[table][0]
    this = _find(lines, file, table, identity)
    for earlier, _ in lines.documents:
        if earlier == file:
            break  # only a file read before this one
        found = _find(lines, earlier, table, identity)
        if found is None:
            continue
        entry, where = found
        at = where if where != earlier else None
        adds = extension_meant(table, this[0], entry) if this is not None else None
        if problem.message == already_defined(table, id_key, identity, earlier, adds=adds):
            other = _plainly_other(table, entry, this[0]) if this is not None else None
            if at is None and other is None:
                return None
            return already_defined(table, id_key, identity, earlier, at=at, other=other, adds=adds)
        plain = copy_whole(table, earlier)
        if at is not None and problem.message.endswith(plain):
            return problem.message.removesuffix(plain) + copy_whole(table, earlier, at)
    return None


def _plainly_other(
    table: str, earlier: dict[str, Any], this: dict[str, Any]
) -> tuple[str, str] | None:
    """How ``earlier`` is known and what ``this`` would be, when the two entries of one id are
    plainly different things: a citation of another page, a title, person or source work of
    another name (in neither script, nor among the earlier one's aliases). A citation sharing
    an id with a shipped one, or two fans' titles sharing a slug, more likely needs an id of its
    own than an override, which would re-source or replace the earlier entry everywhere."""
    if table == "citations":
        url, other_url = earlier.get("url"), this.get("url")
        if not (isinstance(url, str) and isinstance(other_url, str)):
            return None
        if _same_page(url, "")[0] == _same_page(other_url, "")[0]:
            return None
        return f"for the page {shortened(url, URL_SHOWN)}", "source"
    key, hangul, thing = {
        "shows": ("title", "korean_title", "title"),
        "people": ("name", "hangul", "person"),
        "source_works": ("title", "korean_title", "source work"),
    }[table]
    if _named_apart(earlier, this, key, hangul):
        return f"as {earlier[key]!r}", thing
    return None


def _named_apart(earlier: dict[str, Any], this: dict[str, Any], key: str, hangul: str) -> bool:
    """Whether two entries' names differ: ``key`` (a title, a name) is not among the earlier
    one's names or aliases, and the Hangul names, when both give one, differ too."""
    from kdrama_cli.catalogue.names import normalize

    name = this.get(key)
    if not isinstance(name, str) or not isinstance(earlier.get(key), str):
        return False
    known = [earlier[key], *_strs_of(earlier.get("aliases"))]
    if normalize(name) in {normalize(n) for n in known}:
        return False
    ours, theirs = this.get(hangul), earlier.get(hangul)
    return not (isinstance(ours, str) and isinstance(theirs, str)) or (
        normalize(ours) != normalize(theirs)
    )


def _at_lines(problems: Sequence[Problem], lines: EntryLines) -> list[Problem]:
    """``problems`` each with the line of the entry it is about (entry_lines), and a person's
    name typed where their id goes said with the id (schema.named_references)."""
    from kdrama_cli.catalogue.schema import named_references

    return lines.placed(named_references(problems, lines.documents))


def _file_text(file: str) -> str | None:
    """A dataset file's text, read again to count its lines (None when it no longer reads as
    UTF-8): once a load, for every problem and warning placed at its entry (EntryLines)."""
    try:
        return read_regular_file(file).decode("utf-8").removeprefix("\ufeff")
    except (OSError, ValueError):
        return None


def _left_out(problems: Sequence[Problem]) -> bool:
    """Whether a merge left entries out, and their references unchecked: a problem that is no
    unknown reference is an id defined twice or an override of nothing."""
    return any(problem.unknown is None for problem in problems)


def _load_dataset(paths: Iterable[PathLike], follow_includes: bool, lines: EntryLines) -> Dataset:
    problems: list[Problem] = []
    fingerprints: dict[str, Fingerprint] = {}
    layers: dict[str, int] = {}
    documents = _read_all(paths, problems, follow_includes, fingerprints, layers=layers)
    lines.documents.extend(documents)
    if problems:
        raise DatasetError(problems)
    from kdrama_cli.catalogue.schema import build_dataset

    size = sum(fingerprint[0] for fingerprint in fingerprints.values())
    if size >= PARALLEL_BYTES and hasattr(os, "fork"):
        dataset, cross_problems = _validate_while_building(documents, lines, list(layers))
    else:
        problems.extend(_structural_problems(documents, lines))
        if problems:
            raise InvalidEntries(problems)
        dataset, cross_problems = build_dataset(documents, list(layers))
    if cross_problems:
        raise UnresolvedReferences(cross_problems)
    dataset.fingerprints = fingerprints
    dataset.layer_roots = layers if dataset.layer_marks else {}
    return dataset


#: From this many bytes of TOML on, structural validation runs in a forked process while the
#: models are built, using a second core: a big dataset's first load then costs little more
#: than parsing it.
PARALLEL_BYTES = 4 * 1024 * 1024


def _structural_problems(
    documents: list[tuple[str, dict[str, Any]]], lines: EntryLines
) -> list[Problem]:
    from kdrama_cli.catalogue.schema import redefined_first, validate_document

    problems = [
        Problem(name, location, message)
        for name, document in documents
        for location, message in validate_document(document)
    ]
    problems = redefined_first(documents, problems)
    if not any(p.message.startswith("duplicate ") for p in problems):
        return problems  # the usual case: no file is read again
    return [_with_lines(p, lines) if p.message.startswith("duplicate ") else p for p in problems]


#: A duplicate id within one file: "shows[3].slug" with "... (first at shows[0])".
_DUPLICATE = r"^(\w+)\[(\d+)\]\.\w+$"
_FIRST_AT = r"\(first at (\w+)\[(\d+)\]\)$"


def _with_lines(problem: Problem, lines: EntryLines) -> Problem:
    """A duplicate id with the lines of both entries (its own as ``Problem.line``, which reads
    ``FILE:LINE`` as a syntax error does, and the first entry's in the message), found from the
    file's ``[[table]]`` headers: in a long file the positions alone leave the author counting.
    Unchanged when the lines cannot be told."""
    entry = re.match(_DUPLICATE, problem.location)
    first = re.search(_FIRST_AT, problem.message)
    if entry is None or first is None:
        return problem
    headers = lines.lines(problem.file, entry.group(1))
    at, was = int(entry.group(2)), int(first.group(2))
    if headers is None or max(at, was) >= len(headers):
        return problem
    message = problem.message[: first.start()] + (
        f"(first at {first.group(1)}[{was}], line {headers[was]})"
    )
    return problem._replace(line=headers[at], message=message)


def _validate_while_building(
    documents: list[tuple[str, dict[str, Any]]], lines: EntryLines, layers: Sequence[str] = ()
) -> tuple[Dataset, list[Problem]]:
    """Validate in a child process while this one builds the models; problems win.

    Building assumes valid input, so an exception while building is only raised when the child
    found no problem to explain it.
    """
    import json

    from kdrama_cli.catalogue.schema import build_dataset

    reader, writer = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        problems = _structural_problems(documents, lines)
        if problems:
            raise InvalidEntries(problems) from None
        return build_dataset(documents, layers)
    if child == 0:  # the validator
        status = 1
        try:
            os.close(reader)
            found = [p.as_fields() for p in _structural_problems(documents, lines)]
            data = json.dumps(found).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(writer, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    built: tuple[Dataset, list[Problem]] | None = None
    failure: Exception | None = None
    try:
        built = build_dataset(documents, layers)
    except Exception as error:  # noqa: BLE001 - explained by the validator's problems
        failure = error
    chunks = []
    with os.fdopen(reader, "rb") as stream:
        chunks.append(stream.read())
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0:  # the validator itself failed: do it here
        problems = _structural_problems(documents, lines)
    else:
        found = json.loads(b"".join(chunks).decode("utf-8"))
        problems = [Problem.from_fields(fields) for fields in found]
    if problems:
        raise InvalidEntries(problems)
    if failure is not None or built is None:
        raise RuntimeError(f"building the dataset failed: {failure!r}")
    return built


def _read_all(
    paths: Iterable[PathLike],
    problems: list[Problem],
    follow_includes: bool = True,
    fingerprints: dict[str, Fingerprint] | None = None,
    reading: _Reading | None = None,
    layers: dict[str, int] | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Every document of a load in merge order, each file's includes right after it. The first
    path is the base; every later one (the personal dataset, each --add-data) is a layer, and so
    are the files a layer includes (read_document: an empty layer adds nothing). ``layers``
    receives the names of the layers' documents, in order, each with the place among ``paths``
    of the path that is or includes it (Dataset.layer_roots: a file two paths include is read,
    and counted, under the first)."""
    reading = reading if reading is not None else _Reading()
    documents: list[tuple[str, dict[str, Any]]] = []
    for position, path in enumerate(paths):
        depth = 0 if follow_includes else None
        layer = position > 0
        before = len(problems)
        read = _with_includes(path, problems, depth, fingerprints, reading, layer=layer)
        if not layer and read and len(problems) == before:
            problems.extend(_no_entries(read))
        if layer and layers is not None:
            layers.update((name, position) for name, _ in read)
        documents.extend(read)
    return documents


def _no_entries(read: list[tuple[str, dict[str, Any]]]) -> list[Problem]:
    """That a base read whole (with its includes) holds no entry, as an empty base does: only
    comments, or only its [meta]. A layer may (it adds nothing), a base may not: a catalogue of
    nothing answers every question "no title matches" and passes `data check`."""
    if any(key != "meta" for _, document in read for key in document):
        return []
    name, document = read[0]
    meta = document.get("meta")
    schema = meta.get("schema") if isinstance(meta, dict) else None
    from kdrama_cli.catalogue.schema import SCHEMA

    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA:
        return []  # a file for a newer kdrama: the check of its [meta] says so (upgrade)
    include = meta.get("include") if isinstance(meta, dict) else None
    if include is not None and not (
        isinstance(include, list) and all(isinstance(path, str) for path in include)
    ):
        # include = "parts/a.toml": the check of its [meta] says to write a list, where "it
        # holds only [meta]" would point away from the fix (walk39 #3)
        return []
    holds = "only comments" if not document else "only [meta], no entries"
    if len(read) > 1:
        holds = "only [meta], and the files it includes hold no entries either"
    return [Problem(name, "", f"file is empty: it holds {holds}", empty=True)]


class _Reading:
    """What one load has read so far: each file once (by its real path), within bounds."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.bytes = 0
        #: Each file read, or tried and found unreadable, in the order of the load.
        self.tried: list[str] = []
        #: Each included file with the file and the place in its [meta] include that first
        #: named it.
        self.named_by: dict[str, tuple[str, int]] = {}


def _with_includes(
    path: PathLike,
    problems: list[Problem],
    depth: int | None,
    fingerprints: dict[str, Fingerprint] | None = None,
    reading: _Reading | None = None,
    chain: tuple[str, ...] = (),
    layer: bool = False,
) -> list[tuple[str, dict[str, Any]]]:
    """A document followed by the files its ``[meta] include`` names (relative to it).

    Includes form a graph: a file already read in this load is not read again (two files may
    include a third), a file that includes itself through others is reported, and the files and
    bytes read in all are bounded."""
    reading = reading if reading is not None else _Reading()
    name = os.fspath(path)
    try:
        real = os.path.realpath(name)
    except (OSError, ValueError):
        real = name
    if real in chain:
        cycle = " -> ".join(os.path.basename(c) for c in (*chain[chain.index(real) :], real))
        problems.append(
            Problem(name, "meta.include", f"includes itself ({cycle})", line=_include_line(name))
        )
        return []
    if real in reading.seen:
        return []  # read already (a shared include, or a file named twice)
    if len(reading.seen) >= MAX_FILES:
        problems.append(Problem(name, "", f"not read: a load reads at most {MAX_FILES:,} files"))
        return []
    reading.seen.add(real)
    reading.tried.append(name)
    with contextlib.suppress(OSError, ValueError):  # read_document reports these
        size = os.stat(name).st_size
        if size <= MAX_FILE_BYTES:  # a single file too large gets its own, plainer message
            reading.bytes += size
    if reading.bytes > MAX_TOTAL_BYTES:
        problems.append(
            Problem(
                name,
                "",
                f"not read: the files of one run are too large together ({reading.bytes:,} bytes"
                f" with this one; the limit is {size_of(MAX_TOTAL_BYTES)} in total)",
            )
        )
        return []
    try:
        document = read_document(path, fingerprints, layer)
    except DatasetError as error:
        problems.extend(error.problems)
        return []
    loaded = [(name, document)]
    if depth is None:
        return loaded
    meta = document.get("meta")
    includes = meta.get("include", []) if isinstance(meta, dict) else []
    if not isinstance(includes, list):
        return loaded  # reported by validation
    at = functools.cache(_include_line)  # the file is read again only for a problem
    for index, include in enumerate(includes):
        if not isinstance(include, str):
            continue  # reported by validation
        if depth >= MAX_INCLUDE_DEPTH:
            message = (
                f"includes nest too deeply: {include!r} would be included {depth + 1} levels "
                f"down, and includes are read at most {MAX_INCLUDE_DEPTH} levels down from the "
                "file given"
            )
            problems.append(Problem(name, f"meta.include[{index}]", message, line=at(name)))
            continue
        included = os.path.join(os.path.dirname(name), include)
        reading.named_by.setdefault(included, (name, index))
        before = len(problems)
        loaded.extend(
            _with_includes(
                included, problems, depth + 1, fingerprints, reading, (*chain, real), layer
            )
        )
        # An include that cannot be read at all is the including file's mistake: say which
        # file and which entry named it ("a.toml: meta.include[0]: b.toml: no such file").
        for position, problem in enumerate(problems[before:], before):
            if problem.file == included and not problem.location and problem.line is None:
                said = _include_unread(include, included, name) or problem.message
                problems[position] = Problem(
                    name, f"meta.include[{index}]", f"{included}: {said}", line=at(name)
                )
            elif _unparsed_other_file(problem, included):
                problems[position] = problem._replace(
                    message=f"{problem.message} (read as a dataset file because {name}'s"
                    f" meta.include[{index}] names it)"
                )
    return loaded


#: A ``[meta]`` header; a line that starts another table; ``include =`` under [meta], or
#: ``meta.include =`` before any table.
_TABLE_HEADER = re.compile(r"^[ \t]*\[")
_INCLUDE_KEY = re.compile(r"^[ \t]*include[ \t]*=")
_DOTTED_INCLUDE = re.compile(r"^[ \t]*meta[ \t]*\.[ \t]*include[ \t]*=")


def _include_line(name: str) -> int | None:
    """The line of file ``name`` where its ``[meta] include`` is given (its ``include =`` key,
    else the ``[meta]`` header), for a problem with an include to read ``FILE:LINE:`` as every
    entry's does; None when it cannot be told."""
    from kdrama_cli.catalogue.entry_lines import META_HEADER

    text = _file_text(name)
    if text is None:
        return None
    header: int | None = None
    top = True  # before any table: where meta.include = [...] may be written
    # lines as TOML ends them, "\n" or "\r\n" (a file a Windows editor saved); splitlines()
    # would also end one at \f or U+2028, and count lines the parser does not
    for number, line in enumerate(text.split("\n"), 1):
        if META_HEADER.match(line):
            header, top = number, False
        elif _TABLE_HEADER.match(line):
            if header is not None:
                break
            top = False
        elif (header is not None and _INCLUDE_KEY.match(line)) or (
            top and _DOTTED_INCLUDE.match(line)
        ):
            return number
    return header


def _unparsed_other_file(problem: Problem, included: str) -> bool:
    """Whether ``problem`` is a TOML syntax error (or bytes that are not text) in a file that
    an include names and that is no .toml file: notes.txt or a picture listed by mistake. The
    error is at the file's own line ("notes.txt:1:4: expected key = value"), which alone does
    not say why kdrama read a text file at all."""
    return (
        problem.file == included
        and problem.line is not None
        and not problem.location
        and not included.lower().endswith(".toml")
    )


def _include_unread(include: str, included: str, including: str) -> str | None:
    """What to write instead of an include that names a folder or a pattern, or None: the
    advice for a folder given as a dataset (list its files in [meta] include) would send an
    author who did just that in a circle. The example names the folder's .toml files, never
    the ``including`` file itself (include = ["."])."""
    if os.path.isdir(included):
        try:
            parts = sorted(
                f
                for f in os.listdir(included)
                if f.endswith(".toml")
                and not os.path.samefile(os.path.join(included, f), including)
            )
        except OSError:
            parts = []
        named = ", ".join(f'"{include.rstrip("/")}/{part}"' for part in parts[:2])
        more = ", ..." if len(parts) > 2 else ""
        example = f" (include = [{named}{more}])" if parts else ""
        return f"is a directory: [meta] include takes files, each named by its path{example}"
    if any(mark in include for mark in "*?[") and not os.path.lexists(included):
        return (
            "no such file: [meta] include takes file paths, and a pattern such as * is not expanded"
        )
    if "\\" in include and not os.path.lexists(included):
        written = include.replace("\\", "/")
        return f"no such file: [meta] include takes paths written with /, not \\: {written}"
    if "$" in include and not os.path.lexists(included):
        return (
            "no such file: [meta] include takes file paths as written, and a variable such as"
            " $HOME is not expanded: give the path from the including file's folder, or in full"
        )
    if include.startswith("~") and not os.path.lexists(included):
        return (
            "no such file: [meta] include takes file paths, and ~ is not your home folder here:"
            " give the path from the including file's folder, or in full"
        )
    return None


class CheckReport(Record):
    """What `kdrama data check` reports: the dataset (when valid), its problems and counts."""

    dataset: Dataset | None
    problems: list[Problem]
    counts: dict[str, int]
    files: list[str]
    #: Each with the file of the entry it is about, and its line where it can be told.
    warnings: tuple[Problem, ...] = ()
    overrides: tuple[str, ...] = ()
    #: Citations from wikis, databases, blogs or fan sites (catalogue.publishers).
    weak_citations: int = 0
    #: Files that repeat entries of an earlier one exactly (Dataset.repeated).
    repeated: tuple[str, ...] = ()
    #: Entries whose references (to citations, people, titles, source works) could not all
    #: be checked for their own errors (an id that is not one): checked once those are fixed.
    unchecked: int = 0
    #: Entries a later file added to (``extend = true``): "file: shows[x] extends ...".
    extensions: tuple[str, ...] = ()

    def passed(self, strict: bool = False) -> bool:
        """The check's verdict, which its exit status, page and --json all give: no problem,
        and under ``strict`` no warning either."""
        return not self.problems and not (strict and self.warnings)


def loaded_files(paths: Iterable[PathLike]) -> tuple[list[str], list[Problem]]:
    """The files a load reads, in order, with included files after the one naming them, and
    what keeps files from being read (a TOML syntax error, no such file). A file that cannot be
    read is listed in its place all the same: which files a broken load reads is what
    `kdrama data path` is asked when one of them is broken. Nothing in them is validated."""
    problems: list[Problem] = []
    reading = _Reading()
    _read_all(paths, problems, reading=reading)
    return list(dict.fromkeys(reading.tried)), problems


def read_through(path: PathLike) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each file that ``path``'s includes bring into a load, directly or through other
    includes, with the includes that lead to it from ``path`` down: (the including file, the
    place in its [meta] include). Nothing is validated; a file that cannot be read is there
    all the same, as in loaded_files."""
    reading = _Reading()
    _read_all([path], [], reading=reading)
    chains: dict[str, tuple[tuple[str, int], ...]] = {}
    for name in reading.tried[1:]:
        chain: list[tuple[str, int]] = []
        current, passed = name, {name}
        while current in reading.named_by:
            current, index = reading.named_by[current]
            if current in passed:
                break
            passed.add(current)
            chain.append((current, index))
        chains[name] = tuple(reversed(chain))
    return chains


def check_dataset(paths: Iterable[PathLike]) -> CheckReport:
    """Validate without raising: every problem, and counts even when the dataset is invalid."""
    paths = [os.fspath(p) for p in paths]
    lines = entry_lines_of([])
    documents = lines.documents
    try:
        dataset = load_dataset(paths, lines=lines)
    except (InvalidEntries, UnresolvedReferences) as error:
        # Invalid entries come with what they refer to that no file defines, as far as they can
        # be read, so that one run reports both (README, data check), and how many could not
        # be checked; a dataset that does not hold together was checked throughout.
        return CheckReport(
            None,
            error.problems,
            raw_counts(d for _, d in documents),
            [n for n, _ in documents],
            tuple(lines.placed(_warnings_beside(documents, error.problems))),
            unchecked=error.unchecked if isinstance(error, InvalidEntries) else 0,
        )
    except DatasetError as error:  # a file that cannot be read: nothing in the rest validated
        return CheckReport(
            None,
            error.problems,
            raw_counts(d for _, d in documents),
            [n for n, _ in documents] or [str(p) for p in paths],
        )
    from kdrama_cli.catalogue.publishers import weak_share

    warnings = [_with_file(w, dataset) for w in dataset_warnings(dataset)]
    left = _left_unused(dataset, warnings)
    overrides = [
        line + _left_unused_note(left.get(position, []), replacement.earlier_file)
        for position, (line, replacement) in enumerate(
            zip(dataset.overrides, dataset.replacements, strict=True)
        )
    ]
    orphans = {id(w) for found in left.values() for w in found}
    kept = [w for w in warnings if id(w) not in orphans]
    return CheckReport(
        dataset,
        [],
        dataset.counts(),
        list(dataset.files),
        tuple(
            lines.placed(kept + list(dataset.repeated_items) + _overrides_that_drop(dataset, lines))
        ),
        tuple(overrides),
        weak_share(dataset.citations.values())[0],
        dataset.repeated,
        extensions=dataset.extensions,
    )


def _overrides_that_drop(dataset: Dataset, lines: EntryLines) -> list[Problem]:
    """A warning for each override that leaves out seasons, credits, figures, facts, aliases or
    fields of the entry it replaces, save what its ``drops`` names. An override is a copy of the
    whole entry: when the shipped dataset later gains a season or a fact, or fixes one, the
    copy goes on hiding it, and the override's note alone ("overrides the one in ...") said
    nothing of it. A ``drops`` item that names nothing the override drops is a warning too."""
    if not dataset.replacements:
        return []
    found = []
    for replacement in dataset.replacements:
        this = _find(lines, replacement.file, replacement.table, replacement.id)
        if this is None:
            continue
        items = _dropped_items(replacement.earlier, this[0])
        named = _strs_of(this[0].get("drops"))
        unsaid = [item for item in items if not any(_drop_names(n, item) for n in named)]
        where = f"{replacement.table}[{replacement.id}]"
        idle = [n for n in named if not any(_drop_names(n, item) for item in items)]
        if idle:
            found.append(
                Problem(
                    replacement.file,
                    f"{where}.drops",
                    f"{first_few([repr(n) for n in idle])} name"
                    f"{'s' * (len(idle) == 1)} nothing this override drops (the entry"
                    " it overrides lacks it, or yours keeps it): remove "
                    f"{'it' if len(idle) == 1 else 'them'} from drops",
                )
            )
        if not unsaid:
            continue
        # what extensions added to the entry came from their files, not the one it started in
        # (walk35 #6): each file's share is said, and where to copy it from
        files = _origins(unsaid, replacement)
        by_file = {f: [i for i, o in zip(unsaid, files, strict=True) if o == f] for f in files}
        base = replacement.earlier_file
        said = [
            f"{joined(_dropped_words(its))} that "
            + ("the entry it overrides has" if file == base else f"an extension in {file} added")
            for file, its in sorted(by_file.items(), key=lambda pair: pair[0] != base)
        ]
        if base not in by_file:
            said[-1] += " to the entry it overrides"
        places = []
        for file in sorted(by_file, key=lambda f: f != base):
            earlier = _find(lines, file, replacement.table, replacement.id)
            places.append(earlier[1] if earlier is not None else file)
        found.append(
            Problem(
                replacement.file,
                where,
                f"drops {joined(said)} (an override replaces it whole, and hides what it gains"
                f" later too): copy what yours should keep from {joined(places)}, or name what"
                " it leaves out on purpose in drops: "
                + _drops_line([n for n in named if n not in idle], unsaid),
            )
        )
    return found


def _origins(items: Sequence[Dropped], replacement: Replacement) -> list[str]:
    """The file each of ``items``, left out of ``replacement``'s earlier entry, came from: the
    entry's own, or the extension that added it (Replacement.parts), for each item the last one
    of its kind not yet said (an extension's items come after the entry's)."""
    base, parts, earlier = replacement.earlier_file, replacement.parts, replacement.earlier
    if not parts:
        return [base] * len(items)
    taken: set[tuple[str, int]] = set()

    def place(key: str, match: Callable[[Any], bool], once: bool = True) -> str | None:
        listed = earlier.get(key)
        listed = listed if isinstance(listed, list) else []
        origin = parts.get(key) or []
        for index in range(len(listed) - 1, -1, -1):
            if (key, index) in taken or not match(listed[index]):
                continue
            if once:
                taken.add((key, index))
            return origin[index][0] if index < len(origin) else base
        return None

    def field_is(name: str, what: str) -> Callable[[Any], bool]:
        return lambda table: isinstance(table, dict) and str(table.get(name)) == what

    def origin_of(kind: str, what: str) -> str | None:
        if kind == "season":
            return place("seasons", field_is("number", what))
        if kind == "cast":
            return place("cast", field_is("person", what))
        if kind == "fact":
            return place("facts", field_is("text", what))
        if kind == "figure":
            return place(
                "stats",
                lambda s: isinstance(s, dict) and f"{s.get('metric')}:{s.get('window')}" == what,
            )
        if kind in ("alias", "crew"):
            keys = ("aliases",) if kind == "alias" else ("directors", "writers", "creators")
            found = (place(key, lambda name: name == what) for key in keys)
            return next((file for file in found if file is not None), None)
        if kind == "netflix_title":
            return place("netflix_titles", lambda name: name == what) or place(
                "seasons",
                lambda s: isinstance(s, dict) and what in _strs_of(s.get("netflix_titles")),
                once=False,
            )
        return None  # a field: only an override changes one

    return [origin_of(*item[0].split(":", 1)) or base for item in items]


def _drops_line(named: Sequence[str], unsaid: Sequence[Dropped]) -> str:
    """The ``drops`` line that names what an override leaves out, ready to paste in place of
    its own (walk35 #15): the items it names already, then those it does not, each as
    _dropped_items gives it, a fact by the first words of its text."""
    import json

    items = list(dict.fromkeys([*named, *(_drop_item(item) for item in unsaid)]))
    # every item, however many: a line cut short ("… and 27 more") is no TOML to paste
    return f"drops = [{', '.join(json.dumps(item, ensure_ascii=False) for item in items)}]"


def _drop_item(item: Dropped) -> str:
    """A ``drops`` item for ``item``: a fact by its first few words (drops names a fact by the
    start of its text), anything else as it is."""
    kind, _, what = item[0].partition(":")
    if kind != "fact":
        return item[0]
    words = what.split()
    start = " ".join(words[:_FACT_WORDS]).rstrip(",;:") if len(words) > _FACT_WORDS else what
    return f"fact:{start}"


#: How many words of a fact's text a drops line names it by.
_FACT_WORDS = 5


#: Keys whose absence from an override says nothing: sources follow what the entry keeps, and
#: an "unknown" reason goes with the list it stands for.
_NOT_DROPPED = frozenset(
    (
        "override",
        "extend",
        "drops",
        "sources",
        "cast_sources",
        "editor_note",
        "cast_unknown",
        "crew_unknown",
    )
)
#: Lists of ids or names, each counted as what it holds, and named in ``drops`` by its kind.
_NAMED_LISTS = {
    "aliases": ("alias", "aliases"),
    "directors": ("crew credit", None),
    "writers": ("crew credit", None),
    "creators": ("crew credit", None),
    "story_by": ("credit", None),
    "artists": ("credit", None),
}
_DROP_KIND = {"alias": "alias", "crew credit": "crew", "credit": "crew"}

#: One thing an override leaves out: as ``drops`` names it ("cast:lee-jung-jae"), and the
#: words that count it ("cast credit"), or for a fact its whole text after "fact:".
Dropped = tuple[str, str]


def _dropped_items(earlier: Mapping[str, Any], entry: Mapping[str, Any]) -> list[Dropped]:
    """What ``entry`` leaves out of ``earlier``, the entry it replaces, one item each, in the
    order the warning says them."""
    from collections import Counter

    items: list[Dropped] = []
    seasons = sorted(
        set(_values(earlier.get("seasons"), "number"))
        - set(_values(entry.get("seasons"), "number"))
    )
    items += [(f"season:{n}", "season") for n in seasons]
    people = Counter(_values(earlier.get("cast"), "person"))
    people -= Counter(_values(entry.get("cast"), "person"))
    items += [(f"cast:{p}", "cast credit") for p in people.elements()]
    figures = Counter(_figure_keys(earlier)) - Counter(_figure_keys(entry))
    items += [(f"figure:{f[0]}:{f[1]}", "figure") for f in figures.elements()]
    facts = _facts_left_out(earlier.get("facts"), entry.get("facts"))
    items += [(f"fact:{text}", "fact") for text in facts]
    for key, (word, _) in _NAMED_LISTS.items():
        left = Counter(_strs_of(earlier.get(key))) - Counter(_strs_of(entry.get(key)))
        items += [(f"{_DROP_KIND[word]}:{name}", word) for name in left.elements()]
    # a season left out is said as itself ("season:2"), its Netflix titles with it
    kept = {_folded(title) for title in _netflix_titles_of(entry)}
    items += [
        (f"netflix_title:{title}", "Netflix title")
        for title in dict.fromkeys(_netflix_titles_of(earlier, but=seasons))
        if _folded(title) not in kept
    ]
    items += [
        (f"field:{key}", "field")
        for key in earlier
        if key not in entry
        and key not in _NOT_DROPPED
        and key not in _NAMED_LISTS
        and key not in ("seasons", "cast", "stats", "facts", "netflix_titles")
        and not _researched_in_place(key, earlier, entry)
    ]
    return items


def _researched_in_place(key: str, earlier: Mapping[str, Any], entry: Mapping[str, Any]) -> bool:
    """Whether ``key`` of a Netflix record (``netflix_only``) is one a researched override of it
    leaves out as data/README.md says to research such a title (the whole entry, without
    ``netflix_only``): the mark itself, and the day it came to Netflix where the entry gives
    release dates of its own. Copying either back would undo the research (walk35 #1)."""
    if earlier.get("netflix_only") is not True or entry.get("netflix_only") is True:
        return False
    if key == "netflix_only":
        return True
    seasons = entry.get("seasons")
    dated = "release_date" in entry or any(
        isinstance(season, dict) and "release_date" in season
        for season in (seasons if isinstance(seasons, list) else ())
    )
    return key == "netflix_release_date" and dated


def _netflix_titles_of(entry: Mapping[str, Any], but: Sequence[Any] = ()) -> list[str]:
    """The names Netflix gives a title (its own ``netflix_titles`` and those of its seasons
    but the numbers ``but`` names), which `seen import` and search match it by (walk35 #1)."""
    seasons = entry.get("seasons")
    return _strs_of(entry.get("netflix_titles")) + [
        title
        for season in (seasons if isinstance(seasons, list) else ())
        if isinstance(season, dict) and season.get("number") not in but
        for title in _strs_of(season.get("netflix_titles"))
    ]


def _folded(text: str) -> str:
    """``text`` as a name is compared: spaces and case aside."""
    return " ".join(text.split()).casefold()


def _drop_names(named: str, item: Dropped) -> bool:
    """Whether an override's ``drops`` item names ``item``: the same thing, a fact by the start
    of its text and an alias in any case (spaces and case aside)."""
    kind, _, what = named.partition(":")
    item_kind, _, item_what = item[0].partition(":")
    if kind != item_kind:
        return False
    if kind in ("fact", "alias", "netflix_title"):
        fold = _folded(what)
        text = _folded(item_what)
        return text.startswith(fold) if kind == "fact" else text == fold
    return what.strip() == item_what


#: What a kind of item is for, where its name alone does not say it.
_WHY_COUNTED = {
    "Netflix title": " (netflix_titles: what kdrama seen import matches a viewing history by)"
}


def _dropped_words(items: Sequence[Dropped]) -> list[str]:
    """What ``items`` are, in words: "season 2", "12 cast credits", "3 facts", "its
    korean_title"."""
    said = []
    seasons = [item[0].partition(":")[2] for item in items if item[1] == "season"]
    if seasons:
        said.append(f"season{'s' * (len(seasons) > 1)} {joined(seasons)}")
    for one, many in (
        ("cast credit", None),
        ("figure", None),
        ("fact", None),
        ("alias", "aliases"),
        ("crew credit", None),
        ("credit", None),
        ("Netflix title", None),
    ):
        count = sum(item[1] == one for item in items)
        if count:
            said.append(count_of(count, one, many) + _WHY_COUNTED.get(one, ""))
    fields = [item[0].partition(":")[2] for item in items if item[1] == "field"]
    if fields:
        said.append(f"its {joined(fields)}")
    return said


def _values(entries: Any, key: str) -> list[Any]:
    """``key`` of each table in a list of tables (a title's seasons' numbers)."""
    listed = entries if isinstance(entries, list) else []
    return [entry.get(key) for entry in listed if isinstance(entry, dict)]


def _strs_of(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _figure_keys(entry: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """What tells a title's own figures apart: metric, window, season and list."""
    stats = entry.get("stats")
    return [
        (s.get("metric"), s.get("window"), s.get("season"), s.get("list"))
        for s in (stats if isinstance(stats, list) else [])
        if isinstance(s, dict)
    ]


def _facts_left_out(earlier: Any, kept: Any) -> list[str]:
    """The facts of ``earlier`` ``kept`` has neither as they are nor reworded (a fact whose
    text mostly matches one of ``kept``'s is a correction, not a fact dropped): their texts."""
    from difflib import SequenceMatcher

    def texts(facts: Any) -> list[str]:
        return [" ".join(str(text).split()).casefold() for text in _values(facts, "text")]

    left = texts(kept)
    missing = []
    for original, text in zip(_values(earlier, "text"), texts(earlier), strict=True):
        match = text if text in left else None
        match = match or next(
            (other for other in left if SequenceMatcher(None, text, other).ratio() >= 0.6), None
        )
        if match is None:
            missing.append(str(original))
        else:
            left.remove(match)
    return missing


def _warnings_beside(
    documents: list[tuple[str, dict[str, Any]]], problems: list[Problem]
) -> tuple[Problem, ...]:
    """The warnings of a load's entries that have no error among ``problems`` (and whose
    references hold), so that one run of data check reports both; nothing of what the entries
    with errors could make wrong (a citation only such an entry uses is not "never used")."""
    from kdrama_cli.catalogue.partial_warnings import remnant

    kept = remnant(documents, problems)
    used_by_left_out = {s for entry in kept.left_out for s in _strings(entry)}
    warnings = [_with_file(w, kept.dataset) for w in dataset_warnings(kept.dataset)]
    warnings += kept.dataset.repeated_items
    orphans = {id(w) for found in _left_unused(kept.dataset, warnings).values() for w in found}
    return tuple(
        kept.in_its_file(w)
        for w in warnings
        if id(w) not in orphans
        and not (
            _unused_kind(w.message) is not None
            and w.location.partition("[")[2][:-1] in used_by_left_out
        )
    )


def _with_file(warning: str, dataset: Dataset) -> Problem:
    """A warning ("citations[x]: never used") with the file of the entry it is about; a
    figure's (``shows[x].stats[i]``, ``i`` its place among the title's figures once merged)
    with the file and the place in it that give that figure."""
    location, _, message = warning.partition(": ")
    figure = _MERGED_FIGURE.fullmatch(location)
    if figure and dataset.figure_origins:
        places = dataset.figure_origins.get(figure[1], ())
        if int(figure[2]) < len(places):
            file, place = places[int(figure[2])]
            return Problem(file, place + (figure[3] or ""), message)
    part = _MERGED_PART.fullmatch(location)
    if part:
        origin = dataset.parts.get(part[1], {}).get(part[2], {}).get(part[3])
        if origin and int(part[4]) < len(origin):
            file, position = origin[int(part[4])]
            return Problem(file, f"{part[1]}[{part[2]}].{part[3]}[{position}]{part[5]}", message)
    listed = _MERGED_LIST.fullmatch(location)
    if listed:
        giver = _file_of_listed(dataset, listed[1], listed[2], listed[3], message)
        if giver is not None:
            return Problem(giver, location, message)
    table, _, rest = location.partition("[")
    file = (dataset.origins or {}).get(table, {}).get(rest.partition("]")[0], "")
    return Problem(file, location, message)


def _file_of_listed(
    dataset: Dataset, table: str, identity: str, key: str, message: str
) -> str | None:
    """The file that gives the value a warning about an extended entry's list quotes first
    (``shows[x].aliases: 'CLOY' is the title of …``): an extension's, or the entry's own."""
    origin = dataset.parts.get(table, {}).get(identity, {}).get(key)
    entry = getattr(dataset, table, {}).get(identity) if origin else None
    values = getattr(entry, key, None)
    if not origin or not isinstance(values, tuple):
        return None
    for position, value in enumerate(values[: len(origin)]):
        if isinstance(value, str) and message.startswith(repr(value)):
            return origin[position][0]
    return None


_MERGED_FIGURE = re.compile(r"shows\[(.+)\]\.stats\[(\d+)\](\.\w+)?")
#: An item of an entry's list (``shows[x].facts[3].text``): an extension's items are said in
#: its own file (Dataset.parts).
_MERGED_PART = re.compile(r"(\w+)\[([^\]]+)\]\.(\w+)\[(\d+)\](.*)")
#: A list of an entry (``shows[x].aliases``), which a warning quotes a value of.
_MERGED_LIST = re.compile(r"(\w+)\[([^\]]+)\]\.(\w+)")


#: A source work no title reaches: no page names it or its people.
UNREACHED_WORK = "no title adapts it, nor a work it is based on"

#: Warnings that an entry is used by nothing, and the table of the entry.
_UNUSED = {
    "never used": "citations",
    "credited on no title": "people",
    UNREACHED_WORK: "source_works",
}


def _left_unused(dataset: Dataset, warnings: list[Problem]) -> dict[int, list[Problem]]:
    """The warnings about citations and people of another file that only an entry an override
    replaced used, by the override's position in ``dataset.overrides``. The overriding file's
    author cannot remove them from the file below (the shipped dataset), so they are said once
    with the override, not warned about (and do not fail --strict)."""
    found: dict[int, list[Problem]] = {}
    for position, replacement in enumerate(dataset.replacements):
        named = set(_strings(replacement.earlier))
        for warning in warnings:
            table = _unused_kind(warning.message)
            key = warning.location.partition("[")[2].rstrip("]")
            if (
                table is not None
                and warning.location.startswith(f"{table}[")
                and key in named
                and warning.file != replacement.file
            ):
                found.setdefault(position, []).append(warning)
    return found


def _left_unused_note(warnings: list[Problem], earlier_file: str) -> str:
    """What an override leaves unused in the files below it, said after the override."""
    if not warnings:
        return ""
    kinds: tuple[tuple[str, str, str | None], ...] = (
        ("citations", "citation", None),
        ("people", "person", "people"),
        ("source_works", "source work", None),
    )
    counted = joined(
        count_of(count, one, many)
        for table, one, many in kinds
        if (count := sum(w.location.startswith(f"{table}[") for w in warnings))
    )
    files = list(dict.fromkeys(w.file for w in warnings))
    where = "there" if files == [earlier_file] else f"in {', '.join(files)}"
    return (
        f", which alone used {counted} {where}: left unused, they are not warned about (only"
        " that file could remove them)"
    )


def _strings(value: Any) -> Iterator[str]:
    """Every string in a parsed entry, however deep (the ids it refers to among them)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def dataset_warnings(dataset: Dataset) -> list[str]:
    """Things that are allowed but probably a mistake: unused citations, idle people, no cast."""
    used: set[str] = set()
    credited: set[str] = set()
    for show in dataset.shows.values():
        used.update(show.sources, show.cast_sources)
        for season in show.seasons:
            used.update(season.sources)
        for credit in show.cast:
            used.update(credit.sources)
            credited.add(credit.person)
        for stat in show.stats:
            used.update(stat.sources)
        for fact in show.facts:
            used.update(fact.sources)
        credited.update(show.directors, show.writers, show.creators)
    for work in dataset.source_works.values():
        used.update(work.sources)
        credited.update(work.authors)
    for person in dataset.people.values():
        used.update(person.sources)
    warnings = [
        f"citations[{c}]: {_unused_citation(dataset, c)}"
        for c in sorted(dataset.citations)
        if c not in used
    ]
    warnings += [
        f"people[{p}]: credited on no title" for p in sorted(dataset.people) if p not in credited
    ]
    warnings += _unreached_works(dataset)
    warnings += [
        f"shows[{s.slug}]: has no cast"
        for s in sorted(dataset.shows.values(), key=lambda s: s.slug)
        if not s.cast
        and s.kind not in UNSCRIPTED_KINDS
        and not s.netflix_only
        and not s.cast_unknown
    ]
    warnings += _alias_clashes(dataset)
    warnings += _weak_only(dataset)
    warnings += _outlet_spellings(dataset)
    warnings += _publisher_spellings(dataset)
    warnings += _platform_spellings(dataset)
    warnings += _season_platforms_of_the_title(dataset)
    warnings += _other_words(dataset)
    warnings += _future_dates(dataset)
    warnings += _figures_given_twice(dataset)
    controls, formulas = _text_problems(dataset)
    warnings += controls
    warnings += formulas
    warnings += _unclean_addresses(dataset)
    warnings += _pages_cited_twice(dataset)
    warnings += _unflagged_spoilers(dataset)
    warnings += _unknown_lists(dataset)
    warnings += _figures_of_no_list(dataset)
    warnings += _report_figures_of_no_sheet(dataset)
    warnings += _roles_named_as_characters(dataset)
    warnings += _hangul_where_romanised(dataset)
    warnings += ratings_without_measure(dataset)
    warnings += _linked_twice(dataset)
    warnings += _companions_of_companions(dataset)
    return warnings


#: How the warning of a citation no entry cites begins where items an extension repeats cite
#: it (_unused_citation); an _UNUSED warning all the same.
USED_ONLY_BY_REPEATS = "used only by "


def _unused_citation(dataset: Dataset, citation: str) -> str:
    """What is said of a citation that nothing in the merged dataset cites: "never used", or,
    where only items an extension repeats cite it (listed once, they cite nothing), which
    ones, so that the warning about the repeat (remove it here) and this one (never used)
    are not read as a contradiction (walk39 #17)."""
    repeats = dataset.repeats_cite.get(citation)
    if not repeats:
        return "never used"
    own = (dataset.origins or {}).get("citations", {}).get(citation)
    # one place once, however many of its items cite the page: the count the wording follows
    places = list(
        dict.fromkeys(where if file == own else f"{where} in {file}" for file, where in repeats)
    )
    those = "that item" if len(places) == 1 else "those items"
    verb = "is" if len(places) == 1 else "are"
    return (
        f"{USED_ONLY_BY_REPEATS}{joined(places)}, which {verb} listed once"
        f" (the entry has {'it' if len(places) == 1 else 'them'} already): remove it with {those}"
    )


def _unused_kind(message: str) -> str | None:
    """The table of the entry a warning says nothing uses (_UNUSED), or None."""
    if message.startswith(USED_ONLY_BY_REPEATS):
        return "citations"
    return _UNUSED.get(message)


def _unreached_works(dataset: Dataset) -> list[str]:
    """Source works no title reaches (Dataset.works_of): not the work a title adapts, nor based
    on one, directly or through another (`based_on`). No show page names such a work, and its
    makers have no title on their pages: a webtoon drawn from the novel a drama adapts needs
    its `based_on`."""
    reached = {work.id for show in dataset.shows.values() for work in dataset.works_of(show)}
    return [
        f"source_works[{work_id}]: {UNREACHED_WORK}"
        for work_id in sorted(dataset.source_works)
        if work_id not in reached
    ]


def _linked_twice(dataset: Dataset) -> list[str]:
    """A title both `related` to the title it is Netflix's record of (`companion_of`): the
    page would name the other title twice, once as a sequel and once as titled after it."""
    return [
        f"shows[{show.slug}].companion_of: {show.companion_of!r} is also in its related titles; "
        "give one link or the other"
        for show in sorted(dataset.shows.values(), key=lambda s: s.slug)
        if show.companion_of and show.companion_of in show.related
    ]


def _companions_of_companions(dataset: Dataset) -> list[str]:
    """A title whose `companion_of` is itself a companion record: two that name each other
    would each list the other twice ("titled after" and "titled after it"), and a chain
    (A of B, B of C) escapes `similar`, which keeps a title's companions apart one link deep."""
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        named = dataset.shows.get(show.companion_of) if show.companion_of else None
        if named is not None and named.companion_of:
            found.append(
                f"shows[{show.slug}].companion_of: {named.slug!r} is itself a companion (of "
                f"{named.companion_of!r}); name the title it is titled after, which is no "
                "companion"
            )
    return found


#: A reality title's character that names one of its roles, singular or plural: the credit's
#: role should say it, or ``cast --role`` never finds it.
_ROLE_CHARACTERS = {
    "host": "host",
    "hosts": "host",
    "mc": "host",
    "mcs": "host",
    "judge": "judge",
    "judges": "judge",
}


def _role_named(character: str | None) -> str | None:
    """The role a character names: "Judge", "Hosts", "MC (season 2)"; None for any other."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", character or "").strip().casefold()
    return _ROLE_CHARACTERS.get(bare)


def _roles_named_as_characters(dataset: Dataset) -> list[str]:
    """A reality title's credit whose character is "Judge" or "Host" but whose role is another:
    `cast --role judge` would find nobody (Culinary Class Wars' judges were once filed as main).
    A drama's judge or MC is a part like any other, and is not warned about."""
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        if show.kind != "reality":
            continue
        for index, credit in enumerate(show.cast):
            meant = _role_named(credit.character)
            if meant and credit.role != meant:
                found.append(
                    f"shows[{show.slug}].cast[{index}].role: {credit.role!r} for the character "
                    f"{credit.character!r}; `cast --role {meant}` finds it only as "
                    f"role = {meant!r}"
                )
    return found


def _hangul_where_romanised(dataset: Dataset) -> list[str]:
    """A person's ``name`` or a credit's ``character`` written in Hangul: each is the romanised
    name, and the Hangul goes in ``hangul`` or ``character_hangul``. It passed, and the
    person's page was headed "윤다온  윤다온", the romanised name nowhere (walk39 #4)."""
    from kdrama_cli.catalogue.folding import has_hangul

    found = []
    for person in sorted(dataset.people.values(), key=lambda p: p.id):
        if has_hangul(person.name):
            found.append(
                f"people[{person.id}].name: {person.name!r} is in Hangul: name is the"
                f" romanised name (Park Ji-hu), and the Hangul goes in"
                f" {_hangul_field('hangul', person.name, person.hangul)}"
            )
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for index, credit in enumerate(show.cast):
            if credit.character and has_hangul(credit.character):
                field = _hangul_field("character_hangul", credit.character, credit.character_hangul)
                found.append(
                    f"shows[{show.slug}].cast[{index}].character: {credit.character!r} is in"
                    f" Hangul: character is the romanised name (Seong Gi-hun), and the Hangul"
                    f" goes in {field}"
                )
    return found


def _hangul_field(key: str, written: str, given: str | None) -> str:
    """The field the Hangul goes in, as the line to write where the entry lacks it."""
    return f"{key}, which this entry has" if given else f'{key} ({key} = "{written}")'


def _figures_given_twice(dataset: Dataset) -> list[str]:
    """Two figures of one title for the same metric, window and season, on the same Netflix list
    (or one on none): they contradict each other (a layer's 10 hours beside Netflix's 1.65B, a
    refreshed netflix.toml's corrected week beside the shipped one, under the same citation),
    and `show` lists both. The same figure given again is one (schema._figures_once). A source
    may give two when each note says what it counts (models.rows_of_one_source, the rule `top`
    follows too): Netflix's engagement report lists a season under two of its titles, each a
    row whose note names the title."""
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        groups: dict[tuple[str, str, int | None], list[tuple[int, Stat]]] = {}
        for position, stat in enumerate(show.stats):
            groups.setdefault((stat.metric, stat.window, stat.season), []).append((position, stat))
        for (metric, window, season), stats in groups.items():
            for number, (_, first) in enumerate(stats):
                for position, second in stats[number + 1 :]:
                    if first.list and second.list and first.list != second.list:
                        continue
                    if rows_of_one_source(first, second):
                        continue
                    what = f"{metric}, {window}" + (f", season {season}" if season else "")
                    found.append(
                        f"{_figure_at(show, position)}: {show.slug} {what} is given twice, "
                        f"{_figure(first)} and {_figure(second)}; the page lists both"
                    )
    return found


def _figure(stat: Stat) -> str:
    return f"{stat.value:,} {stat.unit} as of {stat.as_of} ({', '.join(stat.sources)})"


def _figure_at(show: Show, position: int) -> str:
    """Where a warning about the title's figure at ``position`` (in ``show.stats``) is filed;
    check_dataset turns it into the file and entry that give the figure (a layer's top-level
    ``stats[0]`` for a shipped title, not the shipped file, which the user cannot edit)."""
    return f"shows[{show.slug}].stats[{position}]"


#: Windows of the figures Netflix publishes by list (its weekly Top 10 and all-time Most
#: Popular lists), which `top` ranks one list at a time.
_LISTED_WINDOWS = ("week:", "cumulative:", "first-28-days", "first-91-days")


def _figures_of_no_list(dataset: Dataset) -> list[str]:
    """A Top 10 figure that names no list, where others do: `top` ranks each of Netflix's
    lists apart, so it is on no board (a dataset whose figures name no list ranks them all
    together, and is not warned about)."""
    from kdrama_cli.catalogue.vocab import NETFLIX_METRICS, TOP10_LISTS

    named = set(TOP10_LISTS.values())
    if not any(stat.list in named for show in dataset.shows.values() for stat in show.stats):
        return []
    return [
        f"{_figure_at(show, position)}: {show.slug}'s {stat.metric} figure ({stat.window}) "
        f"names no list, so no `top` board ranks it (give its list, such as list = "
        f"{TOP10_LISTS['tv']!r})"
        for show in sorted(dataset.shows.values(), key=lambda s: s.slug)
        for position, stat in enumerate(show.stats)
        if not stat.list
        and stat.window.startswith(_LISTED_WINDOWS)
        and stat.metric in NETFLIX_METRICS  # a TV rating or a prize is on no Netflix list
    ]


def _report_figures_of_no_sheet(dataset: Dataset) -> list[str]:
    """An engagement-report figure naming none of its report's lists where others name theirs
    (vocab.report_lists): no list or 'What We Watched' in a report whose figures name its TV
    and film sheets. `top` ranks each sheet apart, so it is on no board."""
    from kdrama_cli.catalogue.vocab import WHAT_WE_WATCHED, report_lists

    named = lists_by_report(dataset.shows.values())
    lists = {window: report_lists(names) for window, names in named.items()}
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for position, stat in enumerate(show.stats):
            kept = lists.get(stat.window)
            if kept is None or stat.list in kept:
                continue
            sheets = " or ".join(repr(name) for name in sorted(kept))
            which = "its report's sheets" if WHAT_WE_WATCHED not in kept else "its report's list"
            said = repr(stat.list) if stat.list else "no list"
            found.append(
                f"{_figure_at(show, position)}: {show.slug}'s {stat.metric} figure "
                f"({stat.window}) names {said}, none of {which}, so no `top` board ranks it "
                f"(give list = {sheets})"
            )
    return found


def _unknown_lists(dataset: Dataset) -> list[str]:
    """A figure naming a list Netflix does not have ("TV (Non English)"): `top` would rank it
    on a board of its own, which no `top --list` opens."""
    from difflib import get_close_matches

    from kdrama_cli.catalogue.vocab import NETFLIX_LISTS, lists_not_netflix
    from kdrama_cli.errors import did_you_mean

    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for position, stat in enumerate(show.stats):
            if not stat.list:
                continue
            for name in lists_not_netflix(stat.list):
                close = get_close_matches(name, NETFLIX_LISTS, n=1, cutoff=0.6)
                known = ", ".join(repr(n) for n in NETFLIX_LISTS)
                hint = did_you_mean([repr(close[0])]) if close else f"Netflix's are {known}."
                found.append(
                    f"{_figure_at(show, position)}: {show.slug}'s {stat.metric} figure "
                    f"({stat.window}) names the list {name!r}, which is not one of Netflix's. "
                    f"{hint}"
                )
    return found


def _future_dates(dataset: Dataset, today: dt.date | None = None) -> list[str]:
    """Dates that say something already happened (a page's date, an "as of", a status) but lie
    ahead (models.latest_past). A warning, not an error: a machine whose clock is wrong must
    still read the data."""
    latest = latest_past(today)
    found = [
        f"citations[{c.id}].date: {c.date} is in the future"
        for c in sorted(dataset.citations.values(), key=lambda c: c.id)
        if c.date is not None and c.date > latest
    ]
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        # A season's place in the list, from 0, as every other message addresses it (the
        # season's number, which this used, named the next season or one past the end).
        for position, season in enumerate(show.seasons):
            for field in ("status_date", "as_of"):
                value = getattr(season, field)
                if value is not None and value > latest:
                    at = f"shows[{show.slug}].seasons[{position}].{field}"
                    found.append(f"{at}: {value} is in the future")
        found += [
            f"{_figure_at(show, position)}.as_of: {show.slug}'s {stat.metric} figure "
            f"({stat.window}) is as of {stat.as_of}, in the future"
            for position, stat in enumerate(show.stats)
            if stat.as_of > latest
        ]
    return found


def _text_problems(dataset: Dataset) -> tuple[list[str], list[str]]:
    """Every piece of text in the dataset, read once, for two problems, each list in the
    dataset's order (``people[han-ji-won].name``):

    - control characters: terminal codes, bells or carriage returns, and the bidirectional
      controls (U+202E RIGHT-TO-LEFT OVERRIDE, an invisible U+200F RIGHT-TO-LEFT MARK copied
      with a name). The views never print them, but `--json` and the calendar carry the text
      as it is, and it is not what any source says;
    - text that a spreadsheet opening `--csv` or `--tsv` output would read as a formula
      (OWASP's "CSV injection": `=HYPERLINK(...)` in a layer's name is a live link). `--csv`
      keeps text as it is, for scripts, so the check stops it at its author.

    A field's address is built only for text that has a problem: the walk meets 300,000
    values, and building each one's address took a fifth of `data check`'s time."""
    controls: list[str] = []
    formulas: list[str] = []

    def walk(value: Any, where: list[str]) -> None:
        if isinstance(value, str):
            # each of the three said on its own: a bell does not hide a tab, nor either of
            # them an override, and the author learns of all in one run (review33 #9)
            if has_control(value):
                controls.append(f"{''.join(where)}: contains a control character (not text)")
            if not value.isprintable() and _BREAKS.search(value) and _one_line(where):
                controls.append(
                    f"{''.join(where)}: contains a tab or a line break, in a one-line field "
                    "(pages, --csv and --tsv print it as a space, while --json keeps it)"
                )
            if not value.isprintable() and (bidi := bidi_controls(value)):
                one = len(bidi) == 1
                controls.append(
                    f"{''.join(where)}: contains {joined(bidi)},"
                    f" {'a bidirectional control' if one else 'bidirectional controls'} (not"
                    " text: invisible, and can reorder how the line shows): pages, --csv and"
                    f" --tsv leave {'it' if one else 'them'} out, while --json keeps"
                    f" {'it' if one else 'them'}"
                )
            formula = _formula_start(value)
            if formula:
                formulas.append(
                    f"{''.join(where)}: starts with {formula!r}, which a spreadsheet opening "
                    "--csv output reads as a formula"
                )
        elif isinstance(value, tuple) and hasattr(value, "_fields"):
            for name, item in zip(value._fields, value, strict=True):
                if item is not None and not isinstance(item, (bool, int, float)):
                    where.append(f".{name}")
                    walk(item, where)
                    where.pop()
        elif isinstance(value, (tuple, list, frozenset, set)):
            for index, item in enumerate(value):
                where.append(f"[{index}]")
                walk(item, where)
                where.pop()
        elif isinstance(value, dict):
            for name, item in value.items():
                where.append(f".{name}")
                walk(item, where)
                where.pop()

    groups = (
        ("shows", dataset.shows),
        ("people", dataset.people),
        ("citations", dataset.citations),
        ("source_works", dataset.source_works),
    )
    for group, entries in groups:
        for key in sorted(entries):
            walk(entries[key], [f"{group}[{key}]"])
    return controls, formulas


#: Fields of one line: a name or a title, printed in a table cell or a heading. A synopsis, a
#: note or a fact may run over lines.
_ONE_LINE_FIELDS = frozenset(
    (".title", ".korean_title", ".romanization", ".aliases", ".name", ".hangul", ".character")
    + (".character_hangul", ".publisher", ".platform", ".genres", ".slug", ".id")
    + (".netflix_titles",)
)


#: A tab or a line break: a newline, or Unicode's line or paragraph separator.
_BREAKS = re.compile("[\t\n\u2028\u2029]")


def _one_line(where: Sequence[str]) -> bool:
    """Whether the field at ``where`` (its address, in parts) is one of _ONE_LINE_FIELDS: the
    last named part, past any list index ("aliases[2]")."""
    named = next((part for part in reversed(where) if part.startswith(".")), "")
    return named in _ONE_LINE_FIELDS


#: What a spreadsheet reads as a number, not a formula, though it starts with "+" or "-".
_SIGNED_NUMBER = re.compile(r"[+-][0-9][0-9.,]*%?")


def _formula_start(text: str) -> str | None:
    """The character a spreadsheet would start a formula with, if ``text`` reads as one: "="
    or "@", or "+" or "-" not followed by a plain number ("-1" and "+3.5%" are numbers;
    "-2+3+cmd|..." and "+HYPERLINK(...)" are formulas). Leading spaces and tabs are passed
    over, as some spreadsheets do."""
    first = text[:1]
    if first not in ("=", "@", "+", "-") and not first.isspace():
        return None  # most text: nothing to strip or match
    start = text.lstrip()
    if start[:1] in ("=", "@") or (
        start[:1] in ("+", "-") and len(start) > 1 and not _SIGNED_NUMBER.fullmatch(start)
    ):
        return start[0]
    return None


def _unclean_addresses(dataset: Dataset) -> list[str]:
    """Citations whose address is not the page's public address as a reader should get it:
    tracking parameters, a translator's wrapper, a staging or development host."""
    from kdrama_cli.catalogue.addresses import address_problem

    found = []
    for key, citation in sorted(dataset.citations.items()):
        problem = address_problem(citation.url, citation.url_note)
        if problem is not None:
            found.append(f"citations[{key}].url: {problem}")
    return found


def _same_page(url: str, title: str) -> tuple[str, str]:
    """What makes two citations one page: the address without its scheme, a leading ``www.``
    or a trailing slash, and the headline without case or runs of spaces. Plain string work,
    not urlsplit, which raises on an address such as "http://[oops" (a warning must not stop
    the check)."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    host, _, rest = address.partition("/")
    path, mark, query = rest.partition("?")
    page = f"{host.casefold().removeprefix('www.')}/{path.rstrip('/')}{mark}{query}"
    return page, " ".join(title.split()).casefold()


def _pages_cited_twice(dataset: Dataset) -> list[str]:
    """Two citations of one page, same address and headline, under two ids: an entry that
    cites one of them looks sourced apart from the other, and a fix to one (its date, its
    address) misses the other. D.P.'s Sports Donga page was added a second time this way.
    Netflix's Top 10 files share one address but each has its own title, so they are apart."""
    first: dict[tuple[str, str], str] = {}
    found = []
    for key, citation in sorted(dataset.citations.items()):
        page = _same_page(citation.url, citation.title)
        if page in first:
            found.append(
                f"citations[{key}]: the same page (address and headline) as "
                f"citations[{first[page]}]; cite {first[page]!r} and drop this entry"
            )
        else:
            first[page] = key
    return found


#: Words with which a headline or an address says it gives a story or a result away: English,
#: Korean ("스포주의", "[스포]"), Japanese ("【ネタバレあり】", as Kstyle marks an episode's recap)
#: and Chinese ("劇透"/"剧透").
_SAYS_SPOILER = re.compile(
    r"spoiler|스포일러|스포\s*주의|[\[(]스포[\])]|ネタバレ|劇透|剧透", re.IGNORECASE
)


def _unflagged_spoilers(dataset: Dataset) -> list[str]:
    """A citation whose headline or address says "spoiler" ("…-finale-spoiler-crowned-winner")
    but is not flagged: pages would print it beside the rows it sources, without --spoilers."""
    return [
        f"citations[{key}]: its {where} says it holds spoilers; flag it (spoiler = true) so that "
        "pages withhold its headline and address until --spoilers"
        for key, citation in sorted(dataset.citations.items())
        if not citation.spoiler
        for where in (
            ("headline" if _SAYS_SPOILER.search(citation.title) else "address",)
            if _SAYS_SPOILER.search(f"{citation.title} {citation.url}")
            else ()
        )
    ]


def _spelt_apart(named: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str, str, int]]:
    """For (where, value) pairs, in their order: each value spelled apart from the most used
    spelling of its folded key ("theatrical" beside "Theatrical", "8days" beside "8 Days"),
    as (where, value, that spelling, how many use it); ties go to the first sorted."""
    from kdrama_cli.catalogue.names import normalize

    spellings: dict[str, dict[str, int]] = {}
    for _, value in named:
        met = spellings.setdefault(normalize(value), {})
        met[value] = met.get(value, 0) + 1
    for where, value in named:
        used = spellings.get(normalize(value), {})
        if len(used) < 2:
            continue
        usual = max(sorted(used), key=used.__getitem__)
        if value != usual:
            yield where, value, usual, used[usual]


def _publisher_spellings(dataset: Dataset) -> list[str]:
    """A citation naming its outlet as others do but spelled apart in case, spacing or
    punctuation ("8days" beside "8 Days", "GwenchaNoona" beside "Gwenchanoona"): a Sources
    list would show one outlet two ways. The name before any note in brackets is compared."""
    from kdrama_cli.catalogue.names import normalize

    outlets = [
        (key, name)
        for key, citation in sorted(dataset.citations.items())
        if normalize(name := citation.publisher.partition(" (")[0].strip())
    ]
    return [
        f"citations[{key}].publisher: {dataset.citations[key].publisher!r}; {others:,} other "
        f"{'citation spells' if others == 1 else 'citations spell'} this outlet {usual!r}"
        for key, _, usual, others in _spelt_apart(outlets)
    ]


def _platform_spellings(dataset: Dataset) -> list[str]:
    """A title (or season) whose platform is another's spelled differently ("theatrical",
    "Theatrical"): `list --platform` finds both, but pages print them apart and `values` shows
    one."""
    platforms = [
        (f"shows[{show.slug}]{where}.platform", platform)
        for show, where, platform in _platforms_named(dataset)
    ]
    return [
        f"{at}: {platform!r}; the catalogue spells it {usual!r} ({count_of(others, 'use')})"
        for at, platform, usual, others in _spelt_apart(platforms)
    ]


def _season_platforms_of_the_title(dataset: Dataset) -> list[str]:
    """A season naming the title's own platform: the field is for a season that came out
    elsewhere (data/README.md), and --json would give it where the docs promise null."""
    return [
        f"shows[{show.slug}]{where}.platform: {platform!r} is the title's own platform; "
        "give a season's only where it came out elsewhere"
        for show, where, platform in _platforms_named(dataset)
        if where and platform == show.platform
    ]


def _platforms_named(dataset: Dataset) -> Iterator[tuple[Show, str, str]]:
    """Each platform a title names, with where below the title it is ("" for its own,
    ".seasons[1]" for a season's, by the season's place in the list), titles by slug."""
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        if show.platform:
            yield show, "", show.platform
        for position, season in enumerate(show.seasons):
            if season.platform:
                yield show, f".seasons[{position}]", season.platform


def _other_words(dataset: Dataset) -> list[str]:
    """A genre or platform written with another word for one the catalogue uses ("sci-fi" for
    "science fiction", "좀비물" for zombie, "cinema" for Theatrical): `list` finds both, but
    `similar` counts them apart. Also a genre written with capitals ("Horror"), which pages
    print as typed beside every other title's lower-case one."""
    import json
    import shlex

    from kdrama_cli.catalogue.names import normalize
    from kdrama_cli.catalogue.vocab import canonical_value

    def meant(facet: str, value: str) -> str | None:
        canonical = canonical_value(facet, value)
        return canonical if normalize(canonical) != normalize(value) else None

    lower_case = _lower_case_genres(dataset)
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for value in show.genres:
            if "," in value and all(part.strip() for part in value.split(",")):
                # genres = ["romance, comedy"]: one genre, which list --genre romance misses
                parts = [part.strip() for part in value.split(",")]
                items = ", ".join(json.dumps(part, ensure_ascii=False) for part in parts)
                found.append(
                    f"shows[{show.slug}].genres: {value!r} holds a comma: it is one genre, which"
                    f" list --genre {shlex.quote(parts[0])} does not find; write each genre as"
                    f" its own item: [{items}]"
                )
            elif genre := meant("genre", value):
                found.append(
                    f"shows[{show.slug}].genres: {value!r}; the catalogue calls this genre "
                    f"{genre!r}"
                )
            elif value != value.lower():
                written = lower_case.get(normalize(value), value.lower())
                found.append(
                    f"shows[{show.slug}].genres: {value!r}; the catalogue writes genres in lower"
                    f" case: {written!r}"
                )
    for show, where, named in _platforms_named(dataset):
        if platform := meant("platform", named):
            found.append(
                f"shows[{show.slug}]{where}.platform: {named!r}; the catalogue calls this "
                f"platform {platform!r}"
            )
    return found


def _lower_case_genres(dataset: Dataset) -> dict[str, str]:
    """The lower-case spelling of each genre the titles use, by its folded form (the most used
    one; ties: the first sorted): what a capitalised genre ("Horror") is written as."""
    from collections import Counter

    from kdrama_cli.catalogue.names import normalize

    used = Counter(
        genre for show in dataset.shows.values() for genre in show.genres if genre == genre.lower()
    )
    spellings: dict[str, str] = {}
    for genre in sorted(used, key=lambda g: (-used[g], g)):
        spellings.setdefault(normalize(genre), genre)
    return spellings


def _outlet_spellings(dataset: Dataset) -> list[str]:
    """A citation that spells a known outlet's name its own way ("Joy News 24")."""
    from kdrama_cli.catalogue.publishers import outlet_name, portal_spelling

    found = []
    for key, citation in sorted(dataset.citations.items()):
        name = outlet_name(citation)
        if name is not None:
            found.append(
                f"citations[{key}].publisher: {citation.publisher!r}; the dataset calls this "
                f"outlet {name!r}"
            )
        portal = portal_spelling(citation)
        if portal is not None:
            name, spelling = portal
            alone = "" if spelling.startswith(name) else f" (or {name!r} when it names none)"
            found.append(
                f"citations[{key}].publisher: {citation.publisher!r}; a page on {name} is "
                f"another outlet's article it carries: write {spelling!r}{alone}"
            )
    return found


def _weak_only(dataset: Dataset) -> list[str]:
    """Each sourced item whose every citation is a wiki, database, blog or fan site."""
    from kdrama_cli.catalogue.publishers import rests_on_weak_only

    citations = dataset.citations
    found: list[tuple[str, tuple[str, ...]]] = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        where = f"shows[{show.slug}]"
        found.append((where, show.sources))
        found.append((f"{where}.cast_sources", show.cast_sources))
        found.extend((f"{where}.seasons[{i}]", s.sources) for i, s in enumerate(show.seasons))
        found.extend((f"{where}.cast[{i}]", c.sources) for i, c in enumerate(show.cast))
        found.extend((f"{where}.stats[{i}]", s.sources) for i, s in enumerate(show.stats))
        found.extend((f"{where}.facts[{i}]", f.sources) for i, f in enumerate(show.facts))
    found.extend((f"source_works[{k}]", w.sources) for k, w in sorted(dataset.source_works.items()))
    found.extend((f"people[{k}]", p.sources) for k, p in sorted(dataset.people.items()))
    return [
        f"{where}: rests only on wikis, databases, blogs or fan sites ({', '.join(ids)}); "
        "cite the press or an official source beside them"
        for where, ids in found
        if rests_on_weak_only(ids, citations)
    ]


def _researching(record: Show) -> str:
    """What an override that researches ``record``, a Netflix record (``netflix_only``), keeps:
    the names Netflix gives it, which a viewing history is matched by (walk35 #1)."""
    if not record.netflix_only:
        return ""
    named = [*record.netflix_titles, *(t for s in record.seasons for t in s.netflix_titles)]
    if not named:
        return ", without netflix_only"
    where = "its seasons' netflix_titles" if not record.netflix_titles else "its netflix_titles"
    return f", without netflix_only, keeping {where} ({first_few([repr(n) for n in named])})"


def _alias_clashes(dataset: Dataset) -> list[str]:
    """An alias that is another title's (or another person's) name sends a lookup to the wrong
    entry, or makes it ambiguous."""
    from kdrama_cli.catalogue.names import normalize

    titles: dict[str, str] = {}
    for show in dataset.shows.values():
        for name in (show.slug, show.title, show.korean_title):
            if name:
                titles.setdefault(normalize(name), show.slug)
    names: dict[str, str] = {}
    for person in dataset.people.values():
        for name in (person.id, person.name, person.hangul):
            if name:
                names.setdefault(normalize(name), person.id)
    # An alias -> the title that has it first in merge order (a layer's comes after the base's,
    # so the warning is about the layer's entry).
    aliases: dict[str, str] = {}
    for show in dataset.shows.values():
        for _, alias in _aliases_at(show):
            aliases.setdefault(normalize(alias), show.slug)
    warnings = []
    # Two titles of one kind, one English and one Korean title: remakes and namesakes share
    # one of them, a film and its series both (The Witch, 마녀), a copy made without override =
    # true all three (its dates changed or not), and every lookup of the name is then
    # ambiguous; the shipped catalogue, Netflix's every Korean title, has no such pair. The
    # later one in merge order is named.
    named_both: dict[tuple[str, str, str], str] = {}
    for show in dataset.shows.values():
        if not show.korean_title:
            continue
        both = (normalize(show.title), normalize(show.korean_title), show.kind)
        first = named_both.setdefault(both, show.slug)
        if first != show.slug:
            warnings.append(
                f"shows[{show.slug}].title: {show.title!r} ({show.korean_title}) is {first}'s"
                f" title too, and {first}'s Korean title: a lookup of either finds both. To"
                f" correct {first}, write this block as slug = {first!r} with override = true"
                + _researching(dataset.shows[first])
            )
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        own = {normalize(n) for n in (show.slug, show.title, show.korean_title) if n}
        given: dict[str, str] = {}  # an alias -> the list it is first in
        for where, alias in _aliases_at(show):
            key = normalize(alias)
            if given.setdefault(key, where) != where:  # the title's and a season's, or two
                said = given[key].removeprefix(f"shows[{show.slug}].")  # seasons': one opens
                warnings.append(f"{where}: {alias!r} is in {said} too: keep one")
            other = titles.get(key)
            if other and other != show.slug and key not in own:
                warnings.append(f"{where}: {alias!r} is the title of {other}")
            elif aliases[key] != show.slug and key not in own:
                warnings.append(f"{where}: {alias!r} is an alias of {aliases[key]} too")
    for person in sorted(dataset.people.values(), key=lambda p: p.id):
        own = {normalize(n) for n in (person.id, person.name, person.hangul) if n}
        for alias in person.aliases:
            other = names.get(normalize(alias))
            if other and other != person.id and normalize(alias) not in own:
                # A legal name another person goes by (Rain's 정지훈, a child actor's name):
                # two people who share a name, each with a note telling them apart, as
                # namesakes are; a lookup of it lists both.
                if person.note and dataset.people[other].note:
                    continue
                warnings.append(
                    f"people[{person.id}].aliases: {alias!r} is the name of {other}: if they"
                    " are two people who share it, give each a note telling them apart"
                )
    return warnings


def _aliases_at(show: Show) -> list[tuple[str, str]]:
    """A title's aliases and its seasons' (a season's own title), each with where it is."""
    at = f"shows[{show.slug}]"
    found = [(f"{at}.aliases", alias) for alias in show.aliases]
    for position, season in enumerate(show.seasons):
        found += [(f"{at}.seasons[{position}].aliases", alias) for alias in season.aliases]
    return found


class FileSummary(Record):
    """What files hold by themselves (and what they include), read whatever else is wrong in
    them: a layer's own part of its check."""

    #: Entry counts, not merged over anything (raw_counts).
    counts: dict[str, int]
    #: The slugs of the titles they define, in file order.
    titles: tuple[str, ...]
    #: The ids and slugs they mark ``override = true``, in order: such a file means to replace
    #: entries of a dataset below it.
    overrides: tuple[str, ...]
    #: The files that mark them, in the order read: the file checked, or files it includes
    #: (where the author finds each ``override = true``).
    override_files: tuple[str, ...] = ()
    #: The ids and slugs they mark ``extend = true``, in order: such a file means to add to
    #: entries of a dataset below it.
    extends: tuple[str, ...] = ()
    #: The files that mark them, in the order read.
    extend_files: tuple[str, ...] = ()
    #: The ids of the people they define, in file order: a file that does not load by itself
    #: and re-declares a person in use means to add to or correct them (walk39 #2).
    people: tuple[str, ...] = ()
    #: What their extensions add besides credits, figures and facts (``counts``), by list:
    #: (list, how many items), the seasons first, those with any (walk39 #15).
    added: tuple[tuple[str, int], ...] = ()


def file_summary(paths: Iterable[PathLike]) -> FileSummary:
    """The FileSummary of these files, each parsed once."""
    named = _read_all([os.fspath(p) for p in paths], [])
    documents = [document for _, document in named]
    marked = _override_ids(named)
    extending = _override_ids(named, "extend")
    return FileSummary(
        raw_counts(documents),
        _defined_ids(documents),
        tuple(marked),
        tuple(dict.fromkeys(marked.values())),
        tuple(extending),
        tuple(dict.fromkeys(extending.values())),
        _defined_ids(documents, "people", "id"),
        extension_items(documents),
    )


def named_documents(paths: Iterable[PathLike]) -> list[tuple[str, dict[str, Any]]]:
    """read_with_includes, each document with its file's name."""
    return _read_all([os.fspath(p) for p in paths], [])


def read_with_includes(paths: Iterable[PathLike]) -> list[dict[str, Any]]:
    """The documents of these files and of the files they include, as far as they can be read
    (what a layer holds, whatever else is wrong in it)."""
    return [d for _, d in _read_all([os.fspath(p) for p in paths], [])]


def _defined_ids(
    documents: Iterable[dict[str, Any]], table: str = "shows", key: str = "slug"
) -> tuple[str, ...]:
    """The slugs of the titles these documents define (or the ids of another ``table``'s
    entries, by their ``key``), in order, once each."""
    ids: dict[str, None] = {}
    for document in documents:
        entries = document.get(table)
        for entry in entries if isinstance(entries, list) else []:
            identity = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(identity, str):
                ids.setdefault(identity)
    return tuple(ids)


def _override_ids(
    documents: Iterable[tuple[str, dict[str, Any]]], key: str = "override"
) -> dict[str, str]:
    """The ids marked ``override = true`` (or ``key = true``: ``extend``) in these named
    documents, in order, each with the file that marks it."""
    from kdrama_cli.catalogue.schema import TOP_LEVEL

    found: dict[str, str] = {}
    for name, document in documents:
        for table, (id_key, _) in TOP_LEVEL.items():
            entries = document.get(table)
            for entry in entries if isinstance(entries, list) else ():
                if not isinstance(entry, dict) or entry.get(key) is not True:
                    continue
                identity = entry.get(id_key)
                if isinstance(identity, str):  # no id, or not text: the schema says so
                    found.setdefault(identity, name)
    return found


#: The lists of an extension a layer's check does not count as what it adds
#: (FileSummary.added): its credits, figures and facts are counted as entries (raw_counts),
#: and its lists of citations add no page of their own. Every other list an entry may extend
#: (schema.EXTENSIBLE) is counted, the seasons first.
COUNTED_APART = frozenset({"cast", "stats", "facts", "sources", "cast_sources"})


def extension_items(documents: Iterable[dict[str, Any]]) -> tuple[tuple[str, int], ...]:
    """How many items of each list the extensions (``extend = true``) of parsed documents
    that may not be valid add, but those COUNTED_APART, a title's and a person's aliases
    together."""
    from kdrama_cli.catalogue.schema import EXTENSIBLE, is_extension

    lists = [key for key in EXTENSIBLE["shows"] if key not in COUNTED_APART]
    lists.sort(key=lambda key: key != "seasons")  # stable: the rest in the schema's order
    added = dict.fromkeys(lists, 0)
    for document in documents:
        for table in ("shows", "people"):
            entries = document.get(table)
            for entry in entries if isinstance(entries, list) else []:
                if not is_extension(entry):
                    continue
                for key in EXTENSIBLE.get(table, ()):
                    items = entry.get(key)
                    if key in added and isinstance(items, list):
                        added[key] += len(items)
    return tuple((key, count) for key, count in added.items() if count)


def raw_counts(documents: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Entry counts of parsed documents that may not be valid."""
    from kdrama_cli.catalogue.schema import is_extension

    counts = dict.fromkeys(
        ("shows", "people", "credits", "source_works", "stats", "facts", "citations"), 0
    )

    def size(value: Any) -> int:
        return len(value) if isinstance(value, list) else 0

    for document in documents:
        shows = document.get("shows")
        shows = shows if isinstance(shows, list) else []
        # an extension (extend = true) adds to an entry below it: no title or person of its own
        counts["shows"] += sum(not is_extension(show) for show in shows)
        people = document.get("people")
        people = people if isinstance(people, list) else []
        counts["people"] += sum(not is_extension(person) for person in people)
        counts["source_works"] += size(document.get("source_works"))
        counts["citations"] += size(document.get("citations"))
        counts["stats"] += size(document.get("stats"))
        for show in shows:
            if isinstance(show, dict):
                counts["credits"] += size(show.get("cast"))
                counts["stats"] += size(show.get("stats"))
                counts["facts"] += size(show.get("facts"))
    return counts

"""What every command shares: per-invocation state, output, errors and option decorators.

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from kdrama_cli.errors import (
    EXIT_DATA,
    EXIT_USAGE,
    ExportFailed,
    PipeClosed,
    did_you_mean,
    no_such_command,
)

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.answers.titles import Ambiguous, Match
    from kdrama_cli.catalogue.models import Citation, Dataset, Person
    from kdrama_cli.catalogue.problems import Problem

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CommandGroup(click.Group):
    """A group of commands under kdrama (seen, data, cache): a mistyped command is worded as
    one at the top level is (errors.no_such_command), not in click's own words."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        typed = name and not name.startswith("-") and not ctx.resilient_parsing
        if typed and self.get_command(ctx, name) is None:
            ctx.fail(no_such_command(name, self.list_commands(ctx), _words_under_root(ctx)))
        return super().resolve_command(ctx, args)


def _words_under_root(ctx: click.Context) -> list[str]:
    """The command's words after the program's ('seen' for `kdrama seen`)."""
    words: list[str] = []
    while ctx.parent is not None:
        words.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return words


def say(line: str) -> None:
    """One line on stderr, made printable: names, keys and paths from a dataset or from the
    command line can hold escape sequences, controls or undecodable bytes.

    What stderr says is advisory: when it cannot be written (its reader has gone, as in
    ``kdrama cast x --json 2> >(head -c0)``, or a full disk) it is silenced and the command
    carries on, so the answer on stdout and the exit status are what they would have been."""
    from kdrama_cli.catalogue.printable import clean

    try:
        click.echo(clean(line), err=True)
    except (OSError, ValueError):
        silence(sys.stderr)


def silence(stream: TextIO) -> None:
    """After the reader of ``stream`` (stdout or stderr) went away, point it at devnull, so
    later writes and the flush at exit are quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):
        pass


def _fitted_to_terminal(message: str) -> str:
    """A message of several sentences broken between words at a terminal's width, as pages
    wrap (a terminal would break a word in two); in a pipe or a file, as it is."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return message
    from kdrama_cli.views.text import wrap_cells

    width = _columns_of(stream) - 1
    return "\n".join(wrap_cells(line, width) if line else "" for line in message.split("\n"))


def _columns_of(stream: TextIO) -> int:
    """The width of the terminal ``stream`` is on: $COLUMNS when set, as for pages; else that
    terminal's own, whatever stdout is (``kdrama list --year 2010 | less`` writes its message
    on the terminal, while shutil would measure stdout, a pipe, and guess 80); else shutil's."""
    import shutil

    if not os.environ.get("COLUMNS"):
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError):
            columns = 0
        if columns > 0:
            return columns
    return shutil.get_terminal_size().columns


class KdramaError(click.ClickException):
    """A file or data error (exit 1), printed as one 'kdrama: error: ...' line on stderr."""

    exit_code = EXIT_DATA

    def show(self, file: Any = None) -> None:
        for line in self.format_message().splitlines() or [""]:
            say(f"kdrama: error: {line}")


class PlainUsageError(click.UsageError):
    """A usage error (exit 2) in a well-formed command line: a title, person, season or value
    the catalogue does not have, a name that matches several, a bad environment variable. One
    'kdrama: error: ...' line on stderr, as file errors are; click's Usage block is kept for
    mistakes of syntax (an unknown option, a missing argument)."""

    def show(self, file: Any = None) -> None:
        say(f"kdrama: error: {self.format_message()}")


#: Said after a miss among several words given to a command that takes several names, and
#: after words left over by a command that takes one (click's "unexpected extra argument").
QUOTE_HINT = 'a title or name of several words goes in quotes ("Squid Game")'


class DatasetProblems(click.ClickException):
    """Dataset or file errors: one line per problem on stderr (the first fifty, then a count of
    the rest by kind), exit 1."""

    exit_code = EXIT_DATA

    def __init__(
        self, problems: list[Problem], personal: str | None = None, notes: Sequence[str] = ()
    ) -> None:
        self.problems = problems
        #: The personal dataset, when the load read it: nothing on the command line named it,
        #: so a problem in it is followed by a note saying what the file is.
        self.personal = personal
        #: Notes said after the problems (App.base_notes: a base that is not the shipped one).
        self.notes = list(notes)
        super().__init__(f"{len(problems)} problems")

    def show(self, file: Any = None) -> None:
        from kdrama_cli.catalogue.problems import summary

        for line in summary(self.problems):
            say(f"kdrama: error: {line}")
        if self.personal and any(_names(p.file, self.personal) for p in self.problems):
            say(
                f"kdrama: note: {self.personal} is your personal dataset, read automatically "
                "by every command that uses the catalogue; fix it, or move it away to run "
                "without it."
            )
        for note in self.notes:
            say(f"kdrama: note: {note}")


def _unreadable_seen(path: str | None, problems: list[Problem], ignored: str) -> str:
    """Why a page ignores the seen list, in one line: the file, its first problem, what the
    page does without the list, the fix."""
    first = problems[0]
    what = f"{first.location}: {first.message}" if first.location else first.message
    more = f"; and {len(problems) - 1:,} more" if len(problems) > 1 else ""
    return (
        f"the seen list {path} cannot be read ({what}{more}), so {ignored} on this page: fix"
        " the file (kdrama seen list names every problem), or move it away to start a new list"
    )


def _names(where: str, path: str) -> bool:
    """Whether a problem's file is ``path`` (a TOML syntax error's is "PATH:LINE:COLUMN")."""
    return where == path or where.startswith(f"{path}:")


class _Output:
    """What this run has done so far, for cli.main: whether any answer reached stdout (then a
    damaged index cannot be answered around by starting again), and the run's App."""

    def __init__(self) -> None:
        self.started = False
        self.app: App | None = None

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]


OUTPUT = _Output()


class App:
    """Per-invocation state: where the dataset is and how to print."""

    def __init__(
        self,
        data: str | None = None,
        add_data: tuple[str, ...] = (),
        no_color: bool = False,
        cache: bool = True,
        pager: bool = True,
        export_svg: str | None = None,
        export_html: str | None = None,
        data_from_env: bool = False,
    ) -> None:
        self.data = data
        #: ``data`` came from $KDRAMA_DATA, not --data.
        self.data_from_env = data_from_env
        self.add_data = add_data
        self.no_color = no_color
        self.cache = cache
        self.pager = pager
        self.export_svg = export_svg
        self.export_html = export_html
        self._dataset: Dataset | None = None
        self._page_key: str | None = None
        #: The lines said on stderr beside this run's answer (note), kept with its page, and
        #: the page once kept, to be kept again with a line said after it.
        self._notes: list[str] = []
        self._stored_page: str | bytes | None = None
        self._seen: dict[str, tuple[int, ...]] | None = None
        #: Whether an --export-* file was written (a command that prints no page writes none).
        self.exported = False
        OUTPUT.app = self

    def paths(self) -> list[str]:
        """The dataset files in merge order: base, personal, then each --add-data."""
        from kdrama_cli.catalogue.locations import dataset_paths
        from kdrama_cli.catalogue.problems import DatasetError

        try:
            return dataset_paths(self.data, self.add_data)
        except DatasetError as error:
            raise DatasetProblems(error.problems) from None

    def cache_dir(self) -> str | None:
        """The trusted cache directory, or None (--no-cache, no home, or not the user's own)."""
        if not self.cache:
            return None
        from kdrama_cli.store.files import cache_dir

        return cache_dir()

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from kdrama_cli.catalogue.problems import DatasetError
            from kdrama_cli.store.index import load

            try:
                self._dataset = load(self.paths(), self.cache_dir(), self.cache)
            except DatasetError as error:
                from kdrama_cli.answers.layers import InUse, load_with_nearest

                used = InUse(self.paths(), self.personal_dataset(), self.cache_dir(), self.cache)
                raise self.dataset_problems(load_with_nearest(error.problems, used)) from None
        return self._dataset

    def dataset_problems(self, problems: list[Problem]) -> DatasetProblems:
        """The error for problems found loading this run's dataset files (self.paths())."""
        return DatasetProblems(
            problems, personal=self.personal_dataset(), notes=self.base_notes(problems)
        )

    def base_notes(self, problems: Sequence[Problem]) -> list[str]:
        """What to say after problems of a base that is not the shipped dataset: that
        $KDRAMA_DATA named it (an export forgotten in a shell's start-up file breaks every
        command), and that the shipped dataset has ids it uses, which --data drops (a file of
        additions is meant for --add-data)."""
        from kdrama_cli.answers.layers import same_file, shipped_defines
        from kdrama_cli.catalogue.locations import ENV_DATA, packaged_dataset

        base, shipped = self.paths()[0], packaged_dataset()
        if shipped is None or base == shipped or same_file(base, shipped):
            return []
        from_env = f"{base} is the dataset ${ENV_DATA} names (set in your environment), used"
        borrowed = shipped_defines(problems, self.cache_dir(), self.cache)
        if borrowed:  # one note: what to do names unsetting $KDRAMA_DATA too
            import shlex

            listed = ", ".join(borrowed[:3]) + (
                f" and {len(borrowed) - 3:,} more" if len(borrowed) > 3 else ""
            )
            add = f"to add {base} to it, {{}}use --add-data {shlex.quote(base)}"
            if self.data_from_env:
                return [
                    f"{from_env} instead of the shipped one, which has {listed}: "
                    + add.format(f"unset {ENV_DATA} and ")
                ]
            return [
                f"the shipped dataset has {listed}, but a dataset given with --data replaces"
                " the shipped one: " + add.format("")
            ]
        if self.data_from_env and any(_names(p.file, base) for p in problems):
            return [
                f"{from_env} instead of the shipped one: unset {ENV_DATA} to use the shipped"
                " dataset"
            ]
        return []

    def personal_dataset(self) -> str | None:
        """The personal dataset, when this run reads it (dataset_paths puts it second)."""
        from kdrama_cli.catalogue.locations import user_dataset

        path = user_dataset()
        return path if path is not None and path in self.paths()[1:2] else None

    def find(self, query: str, param_hint: str = "SHOW") -> Match:
        from kdrama_cli.answers.titles import find_show

        return self._found("title", find_show, query, param_hint)

    def whole_title(self, command: str, query: str, param_hint: str = "SHOW") -> Match:
        """A title for a command that works on whole titles (similar, quiz): a season typed
        with it ('squid game 2') is not dropped silently but noted (note_whole_title)."""
        match = self.find(query, param_hint)
        self.note_whole_title(command, query, match)
        return match

    def note_whole_title(self, command: str, query: str, match: Match) -> None:
        """The note, on stderr, that ``command`` takes a title found with a season as the
        whole title; it is kept with the page, and said again when the page is replayed.
        compare, which finds its titles together, calls it for each one."""
        if match.season is not None:
            self.note(
                f"kdrama: note: {command} works on whole titles: {query!r} is taken as "
                f"{match.show.title}, every season"
            )

    def find_person(self, query: str, param_hint: str = "NAME") -> Person:
        from kdrama_cli.answers.titles import find_person

        return self._found("person", find_person, query, param_hint)

    def _found(
        self, kind: str, finder: Callable[[Dataset, str], T], query: str, param_hint: str
    ) -> T:
        """What ``finder`` finds; several matches ask the person at a terminal to pick one
        (choose), and a miss, once checked against the index (verify_miss), or an ambiguity
        left unpicked is a usage error (exit 2) naming what to try."""
        from kdrama_cli.answers.titles import Ambiguous, LookupError_, NotFound

        # An option's name leads the message (--show: no title matches ...); an argument's
        # would add nothing to the query the message quotes.
        said = f"{param_hint}: " if param_hint.startswith("-") else ""
        try:
            return finder(self.dataset(), query)
        except Ambiguous as error:
            chosen = choose(error)
            if chosen is None:
                raise PlainUsageError(f"{said}{error}") from None
            # The page now depends on what was picked, not only on the request: kept under the
            # request, it would answer every later run with this pick and never ask again.
            self.forget_page()
            return finder(self.dataset(), chosen)
        except NotFound as error:
            self.verify_miss(kind, query)
            raise PlainUsageError(f"{said}{error}") from None
        except LookupError_ as error:
            raise PlainUsageError(f"{said}{error}") from None

    def find_each(self, queries: Sequence[str]) -> list[Match]:
        """The titles of a command that takes several (compare, chart). A miss among several
        is most often one title typed without quotes ('compare squid game'): the error says
        how to give it."""
        matches = []
        for query in queries:
            try:
                matches.append(self.find(query))
            except PlainUsageError as error:
                if len(queries) < 2:
                    raise
                hinted = f"{error.format_message().rstrip('.')}; {QUOTE_HINT}."
                raise PlainUsageError(hinted) from None
        return matches

    def find_person_or_show(self, query: str, param_hint: str) -> Person | Match:
        """A person or a title (a Match: with the season named, if any), whichever the name
        matches more closely (answers.titles.find_person_or_show); several, people or titles,
        are asked or listed as for any name, and nothing is a usage error (exit 2, with the
        nearest people and titles)."""
        from kdrama_cli.answers.titles import find_person_or_show

        return self._found("person or title", find_person_or_show, query, param_hint)

    def seen_file(self) -> str | None:
        from kdrama_cli.catalogue.seen import seen_path

        return seen_path()

    def seen(self) -> dict[str, tuple[int, ...]]:
        """The user's seen list ({} when there is none); a malformed file is an error (exit 1)
        naming the file and the entry."""
        if self._seen is None:
            from kdrama_cli.catalogue.problems import DatasetError
            from kdrama_cli.catalogue.seen import read_seen

            try:
                self._seen = read_seen(self.seen_file())
            except DatasetError as error:
                raise DatasetProblems(error.problems) from None
        return self._seen

    def seen_changed(self, entries: dict[str, tuple[int, ...]] | None = None) -> None:
        """Tell the app the seen file was just changed: ``entries`` is the list as the file
        now holds it, or None to read the file again when the list is next asked for."""
        self._seen = entries

    def seen_marks(self, ignored: str = "nothing is marked as seen") -> dict[str, tuple[int, ...]]:
        """The seen list for a page that only uses it to mark or leave out what was seen (show,
        person, similar). A malformed file does not stop such a page: one warning on stderr
        names the file, what is wrong, what the page does without it (``ignored``) and how to
        fix it, and the page is printed as with no list (and not kept for replay, so the
        warning comes back until the file is fixed). The `seen` commands, which read or change
        the list itself, still fail (seen())."""
        try:
            return self.seen()
        except DatasetProblems as error:
            self.note(
                f"kdrama: warning: {_unreadable_seen(self.seen_file(), error.problems, ignored)}"
            )
            # A file made readable again by chmod keeps the size, time and inode the page's
            # key holds (seen_stamp): a page kept now would be replayed without the list.
            self.forget_page()
            self._seen = {}
            return self._seen

    def seen_stamp(self) -> tuple[int, int, int] | None:
        """The seen file's size, times and inode: part of a stored page's key, since show and
        person pages mark what you have seen."""
        path = self.seen_file()
        try:
            info = os.stat(path) if path else None
        except (OSError, ValueError):
            return None
        return (info.st_size, info.st_mtime_ns, info.st_ino) if info else None

    def verify_miss(self, kind: str, query: str) -> None:
        """Before saying no title (or person) matches, make sure the index did not lose the
        rows that would have: against its checksummed copy of every name key when it has one,
        else as for any empty answer."""
        from kdrama_cli.answers.titles import would_match
        from kdrama_cli.catalogue.names import lookup_of

        dataset = self.dataset()
        kinds = ("person", "title") if kind == "person or title" else (kind,)
        lookup_of(dataset).confirm_empty(
            lambda keys: any(would_match(dataset, k, query, keys) for k in kinds)
        )

    def verify_empty_answer(self) -> None:
        """Before saying nothing matched, make sure the index did not lose the rows that would
        have (kdrama_cli.store.index.SqliteLookup.verify); from parsed files, a no-op."""
        from kdrama_cli.catalogue.names import lookup_of

        lookup_of(self.dataset()).verify()

    def replay_page(self, also: Any = None) -> bool:
        """Print this exact page from the page cache, if it was rendered before; True if so.

        Called by a command before it imports its renderer, so a repeated lookup costs neither
        Rich's import nor its layout. See kdrama_cli.store.pages for what the key covers;
        ``also`` is anything else the page depends on (the day, for a page that judges news
        stale).
        """
        if not self.cache or self.export_svg or self.export_html:
            return False
        cache = self.cache_dir()
        if cache is None:
            return False
        from kdrama_cli.store.pages import current_index_id, page_key, read_page, request_of

        # Freshness from the index's sidecar and os.stat alone: no SQLite, no dataset loaded.
        index = current_index_id(cache, self.paths())
        if index is None:
            return False
        context = click.get_current_context()
        request = request_of(context.find_root().params, context.command_path, context.params)
        request = (request, self.seen_stamp())  # pages mark what you have seen
        if also is not None:
            request = (request, repr(also))
        self._page_key = page_key(index, request)
        stored = read_page(cache, self._page_key)
        if stored is None:
            return False
        notes, page = stored
        if self.pager and _needs_pager(page):
            return False
        for line in notes:  # said again as the page first said them, cleaned again by say()
            say(line)
        OUTPUT.started = True
        try:
            sys.stdout.write(page)
            sys.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed from None
        return True

    def render(self, renderable: Any) -> None:
        """Print a Rich renderable: through a pager when it is taller than the terminal."""
        from kdrama_cli.views.console import print_renderable

        store = self._store_page if self._page_key is not None else None
        OUTPUT.started = True

        try:
            print_renderable(
                renderable,
                no_color=self.no_color,
                pager=self.pager,
                export_svg=self.export_svg,
                export_html=self.export_html,
                store=store,
            )
        except BrokenPipeError:
            raise PipeClosed from None
        except ExportFailed as error:
            raise KdramaError(f"cannot write the export: {error}") from None
        self.exported = bool(self.export_svg or self.export_html)

    def refuse_export(self, output: str) -> None:
        """A usage error when --export-svg or --export-html was given for an output that is no
        printed page (``output``: "--json", "--ics -"), raised before anything is printed."""
        if self.export_svg or self.export_html:
            raise click.UsageError(
                f"--export-svg and --export-html save a printed page; {output} prints none"
            )

    def emit_json(self, value: Any) -> None:
        self.refuse_export("--json")
        from kdrama_cli.views.jsonview import dumps_for

        text = dumps_for(value, sys.stdout)
        self._write(text)
        self._store_page(text)

    def emit_cited_json(self, value: Any, spoilers: bool = True, how: str | None = None) -> None:
        """emit_json for an answer that names citation ids (a "source" list): an object gets
        a ``sources`` list describing each id it names; a list (cast, chart), a ``sources``
        list in each item, for the ids that item names. A script can then cite every figure
        and credit without asking `kdrama show`. Without ``spoilers`` (a command that has the
        option and was not given it) a citation flagged as a spoiler is described without its
        headline and address, as its page shows it, and stderr says how many were, and
        ``how`` to see them (note_sources_hidden)."""
        from kdrama_cli.catalogue.models import fetch
        from kdrama_cli.views.jsonview import cited_ids, rows_with_sources, with_sources

        citations = fetch(self.dataset().citations, cited_ids(value))
        self.note_sources_hidden(citations, spoilers, how=how)
        if isinstance(value, list):
            self.emit_json(rows_with_sources(value, citations, spoilers))
        else:
            self.emit_json(with_sources(value, citations, spoilers))

    def note_sources_hidden(
        self,
        citations: Iterable[Citation],
        spoilers: bool,
        addresses: bool = False,
        how: str | None = None,
    ) -> None:
        """On stderr, once: how many of the citations a `--json` answer describes (or, with
        ``addresses``, a `--csv` answer gives the addresses of) are flagged as spoilers and
        were given without their headline and address (or their address), as the page hides
        them; nothing with ``spoilers``. ``how`` to see them: "add --spoilers" unless the
        command has no such option."""
        from kdrama_cli.answers.spoilers import ADD_SPOILERS, hidden, sources_hidden_line

        count = len({c.id for c in citations if hidden(c, spoilers)})
        if count:
            self.note(sources_hidden_line(count, how or ADD_SPOILERS, addresses))

    def emit_stored_json(self, data: bytes) -> None:
        """Print UTF-8 JSON the index keeps already encoded, in the form emit_json writes to a
        pipe (the caller checks views.jsonview.takes_compact): its bytes as they are to a UTF-8
        stream, decoded for any other. It is kept as a page too: a replayed page needs no
        SQLite, so the next run is cheaper still."""
        data += b"\n"
        if _is_utf8(sys.stdout) and getattr(sys.stdout, "buffer", None) is not None:
            self._write_bytes(data)
        else:
            self._write(data.decode("utf-8", "replace"))
        self._store_page(data)

    def emit_file(self, data: bytes) -> None:
        """Print a file's bytes as they are, for an option given "-" (upcoming --ics -): a
        file keeps its own encoding and line ends (a calendar is UTF-8 with CRLF), whatever
        stdout's encoding. Never kept as a page."""
        self.refuse_export("a file on standard output")
        if getattr(sys.stdout, "buffer", None) is not None:
            self._write_bytes(data)
        else:
            self._write(data.decode("utf-8", "replace"))

    def _write_bytes(self, data: bytes) -> None:
        OUTPUT.started = True
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise PipeClosed from None

    def _write(self, text: str) -> None:
        OUTPUT.started = True
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed from None

    def emit_sheet(self, sheet: Any, fmt: str) -> None:
        """Print a table for scripts (views.sheets): CSV or TSV with a header row, in UTF-8
        whatever stdout's encoding.

        A CSV file is read by programs, not by the locale it was written in: a stream that
        cannot encode Hangul (a C locale, PYTHONIOENCODING=cp1252, a Windows code page) would
        otherwise turn every Korean title and name into "???", losing them for good. (JSON
        stays text: it escapes what the stream cannot take, without loss.) Written as bytes
        to such a stream, the sheet is not kept as a page: a replay writes text."""
        self.refuse_export(f"--{fmt}")
        from kdrama_cli.views.sheets import render

        text = render(sheet, fmt)
        if _is_utf8(sys.stdout) or getattr(sys.stdout, "buffer", None) is None:
            self._write(text)
            self._store_page(text)
        else:
            self._write_bytes(text.encode("utf-8", "replace"))

    def nothing(self, message: str) -> None:
        """An empty answer to a page: its message on stderr and nothing on stdout (exit 0), so
        a pipe reads no text that is not an answer. (--json prints [] and --csv its header.)"""
        self.forget_page()
        OUTPUT.started = True
        for line in _fitted_to_terminal(message).split("\n"):  # say() would join the lines
            say(line)

    def note(self, line: str) -> None:
        """A line on stderr beside this run's answer (spoilers hidden, titles left out, a title
        taken whole): kept with the answer's page, so that a replay says it again. It depends
        on nothing the page's key leaves out (the request, the index, the seen file)."""
        say(line)
        self._notes.append(line)
        if self._stored_page is not None:  # said after the page was kept: keep them again
            self._store_page(self._stored_page)

    def forget_page(self) -> None:
        """Do not keep this run's output for replay: it depends on more than the page's key
        holds (a pick at a prompt, a seen file that could not be read), or a line said on
        stderr without note()."""
        self._page_key = None

    def _store_page(self, page: str | bytes) -> None:
        """Keep a page, with the lines noted beside it, for replay_page (only when
        replay_page computed a key for it)."""
        cache = self.cache_dir()
        if self._page_key is None or cache is None:
            return
        from kdrama_cli.store.pages import write_page

        self._stored_page = page
        write_page(cache, self._page_key, page, self._notes)


pass_app = click.make_pass_decorator(App)


def today() -> dt.date:
    """Today; $KDRAMA_TODAY (YYYY-MM-DD) stands in for it, so tests can fix the day that
    dated releases and stale news are judged against."""
    given = os.environ.get("KDRAMA_TODAY", "").strip()
    if not given:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise PlainUsageError(f"KDRAMA_TODAY={given!r} is not a date (YYYY-MM-DD)") from None


def interactive() -> bool:
    """A person at a terminal, who can be asked to choose (never a pipe or a script). The
    question goes to stderr, so stderr must be the terminal too: with it sent to a file
    (``2>err.log``) the person would wait for a question they cannot see."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Cancelled(click.ClickException):
    """The person cancelled the choice (Enter, end of input): one line, exit 2, no usage text
    (the candidates were just listed)."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        say(f"kdrama: {self.format_message()}")


#: How many answers that are not one of the numbers the picker takes before it gives up.
CHOOSE_TRIES = 3


def choose(error: Ambiguous) -> str | None:
    """On a terminal, the candidates numbered and the one picked (its id), by its number or by
    its id as listed; None in a pipe, or after CHOOSE_TRIES answers that are neither (then the
    usage error lists the best few). Enter or end of input raises Cancelled; Ctrl-C is the
    KeyboardInterrupt any command stops on (exit 130)."""
    if not interactive():
        return None
    from kdrama_cli.catalogue.printable import clean

    shown = error.candidates[:9]
    click.echo(f"{clean(error.query)!r} matches {len(error.candidates):,}:", err=True)
    import shutil

    width = shutil.get_terminal_size().columns
    # The id is what may be typed: the label gives way, so the id stays on its line; the rest
    # of the label (what tells namesakes apart) goes on one line under it. Where one id leaves
    # too little room beside it, every entry puts its id first, the label under it.
    widest = max(len(f"  {n}. ") + len(f"  ({i})") for n, (i, _) in enumerate(shown, start=1))
    ids_first = width - widest - 1 < 16
    for number, (identity, label) in enumerate(shown, start=1):
        start, end = f"  {number}. ", f"  ({identity})"
        room = width - len(start) - len(end) - 1
        indent = " " * len(start)
        under = width - len(indent) - 1
        if ids_first:
            click.echo(f"{start}({identity})", err=True)
            first, rest = split_label(clean(label), under)
            click.echo(f"{indent}{first}", err=True)
        else:
            first, rest = split_label(clean(label), room)
            click.echo(f"{start}{first}{end}", err=True)
        if rest:
            click.echo(f"{indent}{fitted(rest, under)}", err=True)
    more = len(error.candidates) - len(shown)
    if more:
        click.echo(f"  … and {more:,} more: give more of the name to narrow them", err=True)
    ids = {identity.casefold(): identity for identity, _ in error.candidates}
    for _ in range(CHOOSE_TRIES):
        click.echo(f"Which one? [1-{len(shown)} or its id, Enter to cancel]: ", nl=False, err=True)
        answer = answer_line()
        if answer is None or not answer.strip():
            raise Cancelled("cancelled: nothing was chosen")
        answer = answer.strip()
        if answer.isdecimal() and 1 <= int(answer) <= len(shown):
            return shown[int(answer) - 1][0]
        if answer.casefold() in ids:
            return ids[answer.casefold()]
        click.echo(
            f"  {clean(answer)!r} is not a number from 1 to {len(shown)} or an id listed.",
            err=True,
        )
    click.echo(f"No choice after {CHOOSE_TRIES} answers that were not one of those.", err=True)
    return None


def split_label(label: str, room: int) -> tuple[str, str]:
    """``label`` as the words that fit in ``room`` cells and the rest ("" when it all fits);
    a room too small for a word or two keeps it whole, for the terminal to wrap."""
    from rich.cells import cell_len

    if cell_len(label) <= room or room < 16:
        return label, ""
    words = label.split(" ")
    taken = 1
    while taken < len(words) and cell_len(" ".join(words[: taken + 1])) <= room:
        taken += 1
    if cell_len(words[0]) > room:  # one word wider than the room: cut as fitted does
        return fitted(label, room), ""
    return " ".join(words[:taken]), " ".join(words[taken:])


def fitted(label: str, room: int) -> str:
    """``label`` in at most ``room`` cells: cut between words, with "…", when it is wider (a
    room too small for a word or two leaves it whole, for the terminal to wrap)."""
    from rich.cells import cell_len

    if cell_len(label) <= room or room < 16:
        return label
    cut = label
    while cut and cell_len(cut) > room - 1:
        cut = cut[:-1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:—–-…") + "…"


def answer_line(longest: int = 200) -> str | None:
    """One line typed at a prompt (the picker's, the quiz's), None at the end of input or with
    no standard input. At most ``longest`` characters are kept: the rest of an over-long line
    is read in bounded pieces and dropped, so it is one bad answer, not a memory runaway or the
    next answers. Bytes that are not text read as U+FFFD, a bad answer too. Read directly, not
    through click.prompt, which turns Ctrl-C into the same Abort as the end of input: here
    Ctrl-C stays an interrupt."""
    stdin = sys.stdin
    if stdin is None:
        return None
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    _wait_for_a_line(stdin)
    try:
        line = stdin.readline(longest)
        if line and not line.endswith("\n"):
            while (rest := stdin.readline(1 << 16)) and not rest.endswith("\n"):
                pass  # the rest of an over-long line
    except (OSError, ValueError):  # a closed stream; UnicodeDecodeError is a ValueError
        return None
    return line or None


#: How long a wait for an answer at a terminal goes without looking for a Ctrl-C.
_ANSWER_SLICE = 0.25


def _wait_for_a_line(stdin: Any) -> None:
    """At a terminal, wait in short slices until a typed line can be read.

    Python acts on a signal between two steps of the program. A Ctrl-C that lands after its
    last check and before the blocking read starts is noted but not acted on until the read
    returns, that is, until the person types a line: the question would ignore Ctrl-C. Each
    slice here ends in such a check, so on a POSIX terminal Ctrl-C always stops the question
    within a quarter of a second. Only a terminal in line mode (canonical: it hands over one
    line per read) is waited on so, as nothing typed can then wait in a buffer the wait cannot
    see. Elsewhere (a pipe, a file, a raw terminal, Windows, where select takes only sockets)
    the read itself is what waits.
    """
    import select

    try:
        if not stdin.isatty():
            return
        descriptor = stdin.fileno()
        if not _line_mode(descriptor):
            return
        while not select.select([descriptor], [], [], _ANSWER_SLICE)[0]:
            pass
    except (AttributeError, ValueError, OSError):  # no descriptor, or not one select takes
        return


def _line_mode(descriptor: int) -> bool:
    """Whether the terminal hands over what is typed a line at a time (POSIX only)."""
    try:
        import termios
    except ImportError:  # Windows
        return False
    try:
        return bool(termios.tcgetattr(descriptor)[3] & termios.ICANON)
    except (termios.error, OSError, ValueError):
        return False


def _needs_pager(page: str) -> bool:
    """A stored page is replayed only where it would not be paged."""
    try:
        if not sys.stdout.isatty():
            return False
        return page.count("\n") > os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return False


def choice(values: Sequence[str]) -> click.Choice[str]:
    """A closed set of values for an option or argument. Every one ignores case, spacing and
    punctuation, as the value filters do (`--kind Film`, `--role Main`, `--metric hours28`),
    gives the value as listed, and a miss suggests the nearest ("Did you mean hours-28?")."""
    return LooseChoice(values, case_sensitive=False)


class LooseChoice(click.Choice):  # type: ignore[type-arg]  # generic only from click 8.2
    """click's Choice, matched as the filters match (catalogue.folding.normalize)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # The value as listed, in any case (a default is one): no folding module to import, on
        # a path every run of a command with such an option takes.
        typed = str(value).casefold()
        for option in self.choices:
            if str(option).casefold() == typed:
                return option
        from kdrama_cli.catalogue.folding import normalize

        key = normalize(str(value))
        folded = {normalize(option): option for option in self.choices}
        if key in folded:
            return folded[key]
        import difflib

        near = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6)
        listed = ", ".join(repr(option) for option in self.choices)
        message = f"{value!r} is not one of {listed}."
        if near:
            message += f" {did_you_mean([folded[n] for n in near])}"
        self.fail(message, param, ctx)


class SeasonNumber(click.IntRange):
    """A season's number (1 or more): a word for one ('two') is told what to give."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip().lstrip("+-").isdigit():
            self.fail(f"{value!r}: give a season number, e.g. --season 2", param, ctx)
        return super().convert(value, param, ctx)


def json_option(function: F) -> F:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (UTF-8) instead of a table."
    )(function)


def sheet_option(function: F) -> F:
    """--csv and --tsv (the ``sheet`` parameter: None, 'csv' or 'tsv'), for a command that
    prints a table; refused together with --json."""

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        given = [name for name in ("csv", "tsv") if kwargs.pop(f"sheet_{name}")]
        if kwargs.get("as_json"):
            given.insert(0, "json")
        if len(given) > 1:
            raise click.UsageError(f"{' and '.join('--' + g for g in given)}: give one output")
        kwargs["sheet"] = next((g for g in given if g != "json"), None)
        return function(*args, **kwargs)

    for name, what in (("tsv", "tab-separated values"), ("csv", "comma-separated values")):
        checked = click.option(
            f"--{name}",
            f"sheet_{name}",
            is_flag=True,
            help=f"Print the table as UTF-8 {what} with a header row (columns: docs/output.md).",
        )(checked)
    return checked  # type: ignore[return-value]


def season_option(function: F) -> F:
    return click.option(
        "--season",
        "-s",
        type=SeasonNumber(min=1),
        metavar="N",
        shell_complete=complete_season,
        help="Only this season.",
    )(function)


def complete_season(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """The seasons of the title typed before --season (the first, for chart), each with its
    status as help; nothing when no one title is typed yet.

    The title is a parameter when --season comes first; after it, click's parse stops at the
    --season that has no value yet and leaves the title among the context's extra args."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.answers.titles import LookupError_, find_show

    query = _title_typed(ctx)
    dataset = completion_dataset(ctx) if query else None
    if dataset is None or not isinstance(query, str):
        return []
    try:
        show = find_show(dataset, query, suggestions=False).show
    except LookupError_:
        return []
    usable = _seasons_usable(ctx, show)
    return [
        CompletionItem(str(season.number), help=_season_help(season))
        for season in show.seasons
        if str(season.number).startswith(incomplete) and (usable is None or season in usable)
    ]


def _seasons_usable(ctx: click.Context, show: Any) -> list[Any] | None:
    """The seasons the command can use, when not every one: `chart` draws the seasons with
    weeks in Netflix's Top 10, and `seen add` marks a season that is out (`cast` and `show`
    take any, an announced cast too)."""
    parent = ctx.parent.command.name if ctx.parent else None
    if ctx.command.name == "chart":
        charted = {stat.season for stat in show.stats if stat.window.startswith("week:")}
        return [season for season in show.seasons if season.number in charted]
    if parent == "seen" and ctx.command.name == "add":
        return [season for season in show.seasons if season.is_out]
    return None


def _title_typed(ctx: click.Context) -> str | None:
    """The one title typed before --season: a command's SHOW, of any number of unquoted words
    ("squid game"), or the first of chart's SHOWS."""
    several = any(param.name == "shows" for param in ctx.command.params)
    typed = ctx.params.get("shows") or ctx.params.get("show") or ctx.args
    if isinstance(typed, str):
        return typed or None
    words = [str(word) for word in typed or ()]
    if not words:
        return None
    return words[0] if several else " ".join(words)


def _season_help(season: Any) -> str:
    """'released 2021-09-17', 'renewed': what TAB shows beside a season's number."""
    status = season.status.replace("-", " ")
    return f"{status} {season.release_date}" if season.release_date else status


def season_of(match: Match, season: int | None, query: str) -> int | None:
    """The season asked for: --season, or the one typed with the title ('squid game 2'); the
    two disagreeing is a usage error rather than one of them silently ignored."""
    if season is not None and match.season is not None and season != match.season:
        raise PlainUsageError(
            f"{query!r} names season {match.season} and --season says {season}: give one season"
        )
    return season if season is not None else match.season


def limit_option(default: int | None) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        return click.option(
            "--limit",
            "-n",
            type=click.IntRange(min=1),
            default=default,
            show_default=default is not None,
            metavar="N",
            help="At most N rows.",
        )(function)

    return decorate


def query_text(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A free-text query: not empty, not only punctuation, not absurdly long."""
    if value is None:
        return value
    stripped = _as_typed(value).strip()
    if not stripped:
        raise click.BadParameter("must not be empty")
    if len(stripped) > 200:
        raise click.BadParameter(f"is too long ({len(stripped)} characters; at most 200)")
    if not any(ch.isalnum() for ch in stripped):
        raise click.BadParameter("needs at least one letter or digit")
    return stripped


def _as_typed(value: str) -> str:
    """An argument as the user typed it: in a C locale Python decodes arguments as ASCII and
    keeps other bytes as surrogates, though the terminal sent UTF-8 (Hangul, most often)."""
    if value.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeError, ValueError):
        return value


def query_texts(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """``query_text`` for an argument that takes several values."""
    return tuple(query_text(ctx, param, value) for value in values)


def optional_query_text(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    return None if value is None else query_text(ctx, param, value)


def query_words(ctx: click.Context, param: click.Parameter, words: tuple[str, ...]) -> str | None:
    """One name typed as several words without quotes (``kdrama show squid game``) is those
    words joined by spaces, as if quoted: fans type a title the way they say it. None when the
    argument is optional and not given."""
    if not words:
        return None
    return query_text(ctx, param, " ".join(words))


def name_argument(
    name: str, metavar: str, required: bool = True, **kwargs: Any
) -> Callable[[F], F]:
    """A positional argument for one title or one name (see query_words): it takes every word
    left on the command line, so options may still come before or after it. TAB completes its
    first word only: a slug offered for a later word would follow the words before it."""
    complete = kwargs.pop("shell_complete", None)
    if complete is not None:

        def first_word(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
            return [] if ctx.params.get(param.name or "") else complete(ctx, param, incomplete)

        kwargs["shell_complete"] = first_word
    return click.argument(
        name, nargs=-1, required=required, metavar=metavar, callback=query_words, **kwargs
    )


def _is_utf8(stream: Any) -> bool:
    """Whether a text stream writes UTF-8."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") in ("utf8", "u8")


def tolerant_stdout() -> None:
    """On a terminal or pipe that cannot encode Hangul (PYTHONIOENCODING=ascii, a C locale),
    replace what cannot be written instead of failing with UnicodeEncodeError. (In a C locale
    Python's own error handler is surrogateescape, which fails on Hangul just the same.)"""
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None) or "strict"
    if reconfigure is None or errors in _TOLERANT:
        return
    try:
        "한—".encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        reconfigure(errors="replace")


_TOLERANT = frozenset({"replace", "backslashreplace", "xmlcharrefreplace", "namereplace"})


def run_query(call: Callable[[], T]) -> T:
    """Run a query, turning a lookup failure (e.g. an unknown season) into a usage error."""
    from kdrama_cli.answers.titles import LookupError_

    try:
        return call()
    except LookupError_ as error:
        raise PlainUsageError(str(error)) from None


def _completion_rows(ctx: click.Context, kind: str, typed: str = "") -> list[tuple[str, str, str]]:
    """(target, label, name) rows to complete from: the index's plain-text names file when the
    index is fresh (no SQLite, no records; only rows that can match ``typed``), else the
    dataset's lookup rows."""
    root = ctx.find_root()
    data = root.params.get("data") if root else None
    extra = (root.params.get("add_data") or ()) if root else ()
    use_cache = not (root.params.get("no_cache") if root else False)
    from kdrama_cli.catalogue.locations import dataset_paths
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.store.files import cache_dir

    try:
        paths = dataset_paths(data, extra)  # without --data, $KDRAMA_DATA, then the shipped
        cache = cache_dir() if use_cache else None
        if use_cache:
            from kdrama_cli.store.pages import completion_rows

            rows = completion_rows(cache, paths, kind, typed)
            if rows is not None:
                return rows
        from kdrama_cli.store.index import load

        dataset = load(paths, cache, use_cache)
    except DatasetError:
        return []
    from kdrama_cli.catalogue.names import COMPLETION_HOWS, lookup_of

    return [
        (row.target, row.label, row.name)
        for row in lookup_of(dataset).names(kind)
        if row.how in COMPLETION_HOWS
    ]


def completion_dataset(ctx: click.Context) -> Dataset | None:
    """The dataset a completing command line would use (its --data, --add-data, --no-cache),
    or None when it cannot be loaded: completion never prints an error."""
    root = ctx.find_root()
    data = root.params.get("data") if root else None
    extra = (root.params.get("add_data") or ()) if root else ()
    use_cache = not (root.params.get("no_cache") if root else False)
    from kdrama_cli.catalogue.locations import dataset_paths
    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.store.files import cache_dir
    from kdrama_cli.store.index import load

    try:
        paths = dataset_paths(data, extra)
        return load(paths, cache_dir() if use_cache else None, use_cache)
    except DatasetError:
        return None


def a_path(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An empty --data, --add-data or `data check` PATH names no file: a usage error, rather
    than the shipped dataset used silently (--data "") or ": no such file" (--add-data "").
    An empty $KDRAMA_DATA still means unset, as an empty variable does by convention."""
    given = value if isinstance(value, tuple) else (value,)
    if any(path == "" for path in given):
        raise click.BadParameter("an empty path names no file", ctx=ctx, param=param)
    return value


def complete_file(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """File names, completed by the shell itself (the options take a path, not a value we
    validate, so a directory or a missing file is reported when it is read)."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def complete_show(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Slugs whose slug or title starts with what was typed, with the title as help."""
    return _complete(_completion_rows(ctx, "show", incomplete.casefold()), incomplete)


def complete_seen(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Slugs on the seen list that start with what was typed, by slug or title: `seen remove`
    can take nothing else off the list. A slug the catalogue does not have is offered by
    itself (`seen remove` takes it off as the list has it)."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.catalogue.problems import DatasetError
    from kdrama_cli.catalogue.seen import read_seen, seen_path

    try:
        seen = read_seen(seen_path())
    except DatasetError:
        return []  # a malformed list: `seen list` says what is wrong, a TAB stays quiet
    typed = incomplete.casefold()
    rows = _completion_rows(ctx, "show", typed) if seen else []
    found = _complete([row for row in rows if row[0] in seen], incomplete)
    known = {row[0] for row in rows}
    gone = [slug for slug in seen if slug.startswith(typed) and slug not in known]
    found.extend(CompletionItem(slug, help="not in this catalogue") for slug in sorted(gone))
    return found


def complete_person(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Person ids whose id or name starts with what was typed, with the name as help."""
    return _complete(_completion_rows(ctx, "person", incomplete.casefold()), incomplete)


def complete_person_or_show(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[Any]:
    """People and titles, for `path`, whose ends may be either (find_person_or_show)."""
    typed = incomplete.casefold()
    rows = _completion_rows(ctx, "person", typed) + _completion_rows(ctx, "show", typed)
    return _complete(rows, incomplete)


def _offered_as(target: str, label: str, name: str, typed: str) -> str:
    """A completion's description: the title or name, and the other name that matched what
    was typed when it was one (`오징어` offers squid-game as "Squid Game (오징어 게임)")."""
    if target.startswith(typed) or name == label or typed in label.casefold():
        return label
    return f"{label} ({name})"


def _complete(rows: list[tuple[str, str, str]], incomplete: str) -> list[Any]:
    """Slugs or ids whose id or main name starts with what was typed, with the name as help;
    when none does, those with a word that does (store.pages.completes: `glory` offers
    the-glory). Never both: a shell puts the common start of what is offered on the line, and
    a word match would take that from `squid` (squid-game)."""
    from click.shell_completion import CompletionItem

    from kdrama_cli.store.pages import completes

    typed = incomplete.casefold()
    starting: dict[str, str] = {}
    within: dict[str, str] = {}
    for target, label, name in rows:
        if target.startswith(typed) or name.casefold().startswith(typed):
            starting.setdefault(target, _offered_as(target, label, name, typed))
        elif not starting and completes(target, name, typed):
            within.setdefault(target, _offered_as(target, label, name, typed))
    found = starting or within
    return [CompletionItem(target, help=label) for target, label in sorted(found.items())]

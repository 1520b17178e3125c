"""The per-run App every command is handed: where the dataset is and how to print; its
lookups turn misses into usage errors, and a page printed before is replayed.

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from kdrama_cli.errors import ExportFailed, PipeClosed, command_line, command_start
from kdrama_cli.failures import (
    DatasetProblems,
    KdramaError,
    PlainUsageError,
    in_file,
    lookup_failed,
    quote_hint,
)
from kdrama_cli.output import is_utf8, say

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.answers.finding import Match
    from kdrama_cli.answers.search import CrewReading
    from kdrama_cli.catalogue.models import Citation, Dataset, LayerMark, Person
    from kdrama_cli.catalogue.problems import Problem
    from kdrama_cli.views.sheets import Sheet

T = TypeVar("T")


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


def _unreadable_seen(
    path: str | None, problems: list[Problem], ignored: str, page: bool = True
) -> str:
    """Why a page ignores the seen list, in one line: the file, its first problem, what the
    page does without the list, the fix (for a path $KDRAMA_SEEN names, the variable's).
    ``page`` False: the answer is --json or --csv for a script, no page."""
    first = problems[0]
    what = str(first).removeprefix(f"{first.file}: ")
    more = f"; and {len(problems) - 1:,} more" if len(problems) > 1 else ""
    where = " on this page" if page else ""
    said = f"the seen list {path} cannot be read ({what}{more}), so {ignored}{where}: "
    if _seen_from_env(path):
        return f"{said}it is the path $KDRAMA_SEEN names (set in your environment): {SEEN_FIX}"
    return said + (
        f"fix the file ({command_line('seen list')} names every problem), or move it away to start"
        " a new list"
    )


def _for_a_script() -> bool:
    """Whether the command running answers with --json, --csv or --tsv, not a page."""
    context = click.get_current_context(silent=True)
    params = context.params if context is not None else {}
    return any(params.get(name) for name in ("as_json", "sheet_csv", "sheet_tsv"))


#: The fix for a seen list that cannot be read where $KDRAMA_SEEN names it: the variable, not
#: the file (moving away /tmp, which it may name, is no answer).
SEEN_FIX = "point KDRAMA_SEEN at a file of yours, or unset it to use seen.toml in your data folder"

#: The commands about a title whose miss of a title with a crew word ('squid game director')
#: says who that crew is: they list none (show's page does: it opens the title; quiz asks who
#: directed a title, and a quiz of the title may be what was meant: its miss is as ever).
_CREW_HINTED = ("cast", "chart", "similar", "trivia", "compare")
#: The commands that change the seen list (`seen add`, `seen remove`): they read a title's name,
#: never a fan's question around it (answers.questions). No one types a question to change
#: their list, and a question misread there is a season marked seen: 'is there a season 3 of
#: squid game' asks whether it exists, and is the miss, as it was.
_WRITES = ("add", "remove")


def _crew_by_name(query: str, reading: CrewReading) -> str:
    """What show's miss says of a crew word beside part of credited people's names
    ('director yeon'): who they are, the page of the one or the search listing several."""
    from kdrama_cli.answers.finding import command_argument
    from kdrama_cli.catalogue.wording import count_of

    people = reading.people
    if len(people) == 1:
        one = people[0]
        return f"{query!r} names a {reading.capacity}: {one.label}: " + command_line(
            f"person {one.target}"
        )
    said = count_of(len(people), reading.capacity)
    return (
        f"{query!r} names {said}: "
        + command_line(f"search {command_argument(query)}")
        + " lists them"
    )


def _none_credited(reading: CrewReading, title: str) -> str:
    """What person's miss says of a crew word beside a title crediting no one so
    ('hellbound creator', 'dream high 2 director'), as search says it: that none is, and
    where its crew is."""
    from kdrama_cli.catalogue.wording import joined

    said = f"{title} credits no {reading.capacity}"
    page = command_line(f"show {reading.titles[0]}")
    if not reading.people:  # the title's row, saying why it has no crew
        why = reading.found[0].matched.split("; ", 1)[-1]
        return f"{said} ({why}): {page}"
    return f"{said}; its crew is {joined([p.label for p in reading.people])}: {page}"


def _seen_from_env(path: str | None) -> bool:
    """Whether the seen list is no file at all (a folder, a device) where $KDRAMA_SEEN names
    it: then the variable is what to mend. A file it names that is malformed is the file's."""
    from kdrama_cli.catalogue.locations import ENV_SEEN

    return (
        bool(os.environ.get(ENV_SEEN))
        and path is not None
        and os.path.exists(path)  # a missing file is a new list; a broken link says so itself
        and not os.path.isfile(path)
    )


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
        personal: bool = True,
        personal_left_out_by: str = "--no-personal",
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
        #: Whether the personal dataset is read (False: --no-personal / $KDRAMA_NO_PERSONAL).
        self.personal = personal
        #: What left it out, for a note to name: the option, or the variable in the environment.
        self.personal_left_out_by = personal_left_out_by
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
        #: The names typed that matched several, one picked from the list at a terminal: the
        #: list showed the others, so no note says they are named so too.
        self._picked: set[str] = set()
        #: Whether an --export-* file was written (a command that prints no page writes none).
        self.exported = False
        #: The answer was empty (nothing()): no page to export, and no mistake in asking.
        self.answered_nothing = False
        OUTPUT.app = self

    def paths(self) -> list[str]:
        """The dataset files in merge order: base, personal, then each --add-data."""
        from kdrama_cli.catalogue.locations import dataset_paths
        from kdrama_cli.catalogue.problems import DatasetError

        try:
            return dataset_paths(self.data, self.add_data, self.personal)
        except DatasetError as error:
            raise DatasetProblems(error.problems) from None

    def cache_dir(self) -> str | None:
        """The trusted cache directory, or None (--no-cache, no home, or not the user's own);
        a directory refused is said once on stderr, the first time it is asked for."""
        if not self.cache:
            return None
        from kdrama_cli.store.files import cache_dir
        from kdrama_cli.store.trust import refusals_to_tell

        folder = cache_dir()
        for path, refusal in refusals_to_tell():
            say(
                f"kdrama: warning: not using the cache directory {path}: {refusal};"
                " running without it"
            )
        return folder

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from kdrama_cli.catalogue.problems import DatasetError
            from kdrama_cli.store.index import load

            try:
                self._dataset = load(self.paths(), self.cache_dir(), self.cache)
            except DatasetError as error:
                from kdrama_cli.answers.layers import InUse, load_with_nearest, people_to_add

                used = InUse(self.paths(), self.personal_dataset(), self.cache_dir(), self.cache)
                problems = load_with_nearest(error.problems, used)
                failure = self.dataset_problems(problems)
                if block := people_to_add(problems):
                    failure.notes.append(block)
                raise failure from None
        return self._dataset

    def _env_base(self) -> str:
        """After a miss, when $KDRAMA_DATA names the dataset in use: that it does, and how to
        have the shipped one back. An export forgotten in a shell's start-up file leaves a
        catalogue of a few titles, and 'no title matches' alone does not say why."""
        from kdrama_cli.catalogue.locations import ENV_DATA, packaged_dataset
        from kdrama_cli.catalogue.writing import same_file

        base, shipped = self.paths()[0], packaged_dataset()
        if not self.data_from_env or same_file(base, shipped):  # False without a shipped one
            return ""
        return (
            f" The catalogue in use is {base}, which ${ENV_DATA} names (set in "
            f"your environment), not the shipped dataset: unset {ENV_DATA} to use it."
        )

    def _personal_left_out(self) -> str:
        """After a miss, when the personal dataset exists and this run leaves it out: that it
        does, and what leaves it out. A $KDRAMA_NO_PERSONAL forgotten in a shell's start-up
        file hides the titles one added there, and 'no title matches' alone does not say why.
        One stat, on the miss alone."""
        import os

        from kdrama_cli.catalogue.locations import user_dataset

        if self.personal:
            return ""
        path = user_dataset()
        if path is None or not os.path.isfile(path):
            return ""
        by = self.personal_left_out_by
        undo = f"unset {by[1:]} to read it" if by.startswith("$") else "leave out --no-personal"
        where = " (set in your environment)" if by.startswith("$") else ""
        return (
            f" Your personal dataset ({path}) is left out by {by}{where}, and may hold it: {undo}."
        )

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
        from kdrama_cli.answers.layers import shipped_defines
        from kdrama_cli.catalogue.locations import ENV_DATA, packaged_dataset
        from kdrama_cli.catalogue.writing import same_file

        base, shipped = self.paths()[0], packaged_dataset()
        if shipped is None or same_file(base, shipped):
            return []
        from_env = f"{base} is the dataset ${ENV_DATA} names (set in your environment), used"
        borrowed = shipped_defines(self._base_problems(problems), self.cache_dir(), self.cache)
        if borrowed:  # one note: what to do names unsetting $KDRAMA_DATA too
            from kdrama_cli.catalogue.wording import first_few
            from kdrama_cli.errors import shell_quote

            listed = first_few(borrowed)
            add = f"to add {base} to it, {{}}use --add-data {shell_quote(base)}"
            if self.data_from_env:
                return [
                    f"{from_env} instead of the shipped one, which has {listed}: "
                    + add.format(f"unset {ENV_DATA} and ")
                ]
            return [
                f"the shipped dataset has {listed}, but a dataset given with --data replaces"
                " the shipped one: " + add.format("")
            ]
        if self.data_from_env and any(in_file(p.file, base) for p in problems):
            return [
                f"{from_env} instead of the shipped one: unset {ENV_DATA} to use the shipped"
                " dataset"
            ]
        return []

    def _base_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """The unknown references among ``problems`` made by the files the base reads (itself
        and the files it includes), not by a layer over it: a layer's reference to a shipped id
        says nothing of how the base was given. The base's includes are read again only when a
        reference is in a file that neither the base nor a layer named on the command line is."""
        base, layers = self.paths()[0], self.paths()[1:]
        references = [p for p in problems if p.unknown is not None]

        def named(problem: Problem) -> bool:
            return any(in_file(problem.file, path) for path in (base, *layers))

        included: list[str] = []
        if not all(named(p) for p in references):
            from kdrama_cli.catalogue.loader import loaded_files

            included = loaded_files([base])[0][1:]
        return [p for p in references if any(in_file(p.file, f) for f in (base, *included))]

    def personal_dataset(self) -> str | None:
        """The personal dataset, when this run reads it (dataset_paths puts it at
        PERSONAL_PLACE)."""
        from kdrama_cli.catalogue.locations import PERSONAL_PLACE, user_dataset

        path = user_dataset()
        read = self.paths()[PERSONAL_PLACE : PERSONAL_PLACE + 1]
        return path if path is not None and path in read else None

    def through_personal(self, marks: Sequence[LayerMark]) -> tuple[str, ...]:
        """The files of ``marks`` (a page's layers) that the personal dataset is or includes,
        directly or through other includes: a page names them with where they come from. The
        load recorded which path each layer came in through (Dataset.layers_through; the
        index keeps it), so no file is read again for it."""
        from kdrama_cli.catalogue.locations import PERSONAL_PLACE

        if not marks or self.personal_dataset() is None:
            return ()
        files = self.dataset().layers_through(PERSONAL_PLACE)
        return tuple(dict.fromkeys(mark.file for mark in marks if mark.file in files))

    def find(
        self,
        query: str,
        param_hint: str = "SHOW",
        ask: bool = True,
        among: Collection[str] | None = None,
        whole: bool = False,
        on_page: bool = False,
    ) -> Match:
        """The title (and season) ``query`` names; ``ask`` False: a name matching several is
        the usage error even at a terminal, for the caller to word (find_each); ``among``: the
        slugs the command is about (the seen list's), which a name matching several narrows
        to (answers.finding.find_show_among); ``whole``: the command takes whole titles, and
        note_whole_title says what became of a season or part typed; ``on_page``: the page
        asks itself whether another title was meant and how the title was matched (show's
        card), so no note says either."""
        from kdrama_cli.answers.finding import find_show, find_show_among

        finder: Callable[[Dataset, str], Match] = find_show
        if among is not None:
            finder = functools.partial(find_show_among, among=among)
        finder = self._or_without_command_word(finder)
        match: Match = self._found("title", finder, query, param_hint, ask)
        self._note_also_named("title", query, match.show.slug, match.show.title)
        if not whole:
            self._note_part(match)
        if not on_page:
            self.note_meant_instead(query, match)
            self._note_guessed(query, match)
        return match

    def _or_without_command_word(
        self, finder: Callable[[Dataset, str], Match]
    ) -> Callable[[Dataset, str], Match]:
        """``finder``, which, when a query names nothing as typed, looks it up again without
        the word of the command asked that closes or opens it (answers.finding's
        command_word_dropped: `cast "squid game cast"` is Squid Game's cast), and says so on
        stderr; a miss again is the miss of the words typed, with their "Did you mean"."""
        from kdrama_cli.answers.finding import (
            CHART_IS_NO_RATINGS,
            WHOLE,
            Ambiguous,
            LookupError_,
            NotFound,
            closeness,
            command_word_dropped,
            kind_word_dropped,
            ratings_not_charted,
            ratings_word_dropped,
        )
        from kdrama_cli.answers.questions import TitleQuestion, title_question

        context = click.get_current_context(silent=True)
        command = context.info_name if context is not None else None

        def find(dataset: Dataset, query: str) -> Match:
            try:
                return read(dataset, query, query)
            except NotFound as miss:
                question = title_question(query) if command not in _WRITES else None
                if question is None:
                    raise
                return _answer_question(miss, dataset, query, question)

        def _answer_question(
            miss: NotFound, dataset: Dataset, query: str, question: TitleQuestion
        ) -> Match:
            """The title a whole question names ('who directed squid game', 'is there a
            season 3 of squid game': answers.questions), read as its words are: the title's
            whole name only, with a note on stderr quoting the question; the cast asked for
            ('who is in all of us are dead') is the cast to `cast`, the title's page with a
            note naming `cast` to show, and to other commands the miss naming `cast`. A
            question whose words name nothing whole is the miss of the question as typed."""
            words = question.words
            if question.asks == "cast" and command not in ("cast", "show"):
                _say_where_the_cast_is(miss, dataset, f"{words} cast")
                raise miss
            try:
                match = read(dataset, words, query, question=question)
            except NotFound as again:
                if again.other:  # what the words are instead: who the crew is, the cast
                    raise NotFound(
                        miss.kind,
                        query,
                        miss.suggestions,
                        miss.catalogue,
                        miss.counted,
                        other=again.other,
                    ) from None
                raise miss from None
            except Ambiguous as many:
                if many.partial or many.respelled:  # part of several names: no whole name
                    raise miss from None
                # a whole name two titles share ('who wrote new world'): the choice, quoting
                # the words typed
                raise Ambiguous("title", query, many.candidates) from None
            return match

        def read(
            dataset: Dataset, query: str, said: str, question: TitleQuestion | None = None
        ) -> Match:
            """The title ``query`` names, or the words of it that do, said in a note on
            stderr that quotes ``said`` (what was typed: the query itself, or the question
            it was read from, ``question``)."""
            also = ""
            bare: str | None = query
            try:
                match = finder(dataset, query)
            except NotFound as miss:
                bare = command_word_dropped(command, query)
                if bare is None:
                    _say_ratings_not_charted(miss, dataset, ratings_word_dropped(command, query))
                    bare, also = _cast_on_the_page(dataset, query) or (None, "")
                    if bare is None:
                        _say_where_the_cast_is(miss, dataset, query)
                        bare, also = _title_of_crew(miss, dataset, query) or (None, "")
                    if bare is None:
                        # 'train to busan movie', '영화 부산행': the title of that kind
                        bare = kind_word_dropped(dataset, query)
                    if bare is None:
                        raise
                try:
                    match = finder(dataset, bare)
                except NotFound as again:
                    if again.other and not (miss.suggestions or miss.other):
                        # 'gong yoo cast': the words before the command's own are a person's
                        # name, which is what to say ("'gong yoo' is a person: …")
                        raise NotFound(
                            miss.kind,
                            query,
                            again.suggestions,
                            miss.catalogue,
                            miss.counted,
                            other=again.other,
                        ) from None
                    if miss.suggestions or not again.suggestions:
                        raise miss from None
                    # '오징어 game cast': the title the words before the command's name, in
                    # two scripts, would be ("Did you mean Squid Game?"), for the words typed
                    raise NotFound(
                        miss.kind, query, again.suggestions, miss.catalogue, miss.counted
                    ) from None
                except Ambiguous as many:  # the list quotes the words typed
                    raise Ambiguous(
                        "title", query, many.candidates, many.partial, many.respelled
                    ) from None
            if question is not None and closeness(match) != WHOLE:
                # a question is read only around a whole name: 'who directed squid' is no
                # guess at Squid Game
                raise NotFound("title", query, []) from None
            if bare == said:
                return match
            if question is not None and question.asks == "cast" and command != "cast":
                also += f"; its whole cast: {command_line(f'cast {match.show.slug}')}"
            season = f", season {match.season}" if match.season is not None else ""
            self.note(
                f"kdrama: note: {said!r} is read as {bare!r}: {match.show.title}{season}{also}"
            )
            return match

        def _title_of_crew(miss: NotFound, dataset: Dataset, query: str) -> tuple[str, str] | None:
            """A miss of a title with a crew word beside it ('squid game director',
            'director of kingdom'), read as search reads it (answers.search.crew_reading):
            show, whose page names the crew, opens the title the other words name whole, and
            what its note adds ('hellbound creator': that the title credits no creator);
            words that begin credited people's names ('director yeon') are a miss naming
            them. A command that lists no crew misses, saying who the crew is and where
            their page is (answers.search.crew_said), or naming the people as show does
            ('director yeon' to cast). None: the miss as it was."""
            from kdrama_cli.answers.search import crew_reading, crew_said

            if command != "show" and command not in _CREW_HINTED:
                return None
            reading = crew_reading(dataset, query)
            if reading is None:
                return None
            if command != "show":
                said = (
                    crew_said(reading, query, command)
                    if reading.titles
                    else _crew_by_name(query, reading)
                    if reading.people
                    else None
                )
                if said is not None:
                    raise NotFound(miss.kind, miss.query, miss.suggestions, other=said) from None
                return None
            if reading.titles:
                also = "" if reading.credited else f" (which credits no {reading.capacity})"
                return reading.words, also
            raise NotFound(
                miss.kind, miss.query, miss.suggestions, other=_crew_by_name(query, reading)
            ) from None

        def _cast_on_the_page(dataset: Dataset, query: str) -> tuple[str, str] | None:
            """A title's whole name with a word for its cast after it, to show ('squid game
            cast', '오징어 게임 출연진'): the title, whose page lists its main cast, and what
            the note adds, where the whole cast is, as for 'cast of squid game' (answers.
            questions). Part of a name, or another command, is None: the miss naming `cast`."""
            from kdrama_cli.answers.search import cast_words_dropped

            words = cast_words_dropped(query) if command == "show" else None
            if words is None:
                return None
            try:
                match = finder(dataset, words)
            except LookupError_:
                return None
            if closeness(match) != WHOLE:
                return None
            return words, f"; its whole cast: {command_line(f'cast {match.show.slug}')}"

        def _say_where_the_cast_is(miss: NotFound, dataset: Dataset, query: str) -> None:
            """A miss of a title with a word for its cast after it, to a command other than
            cast ('show "오징어 게임 출연진"'): the same miss, naming the cast's command, as
            search does (answers.search.cast_asked)."""
            from kdrama_cli.answers.search import cast_asked

            asked = cast_asked(dataset, query) if command != "cast" else None
            if asked is not None:
                other = f"{asked[0]}: {asked[1]}"
                raise NotFound(miss.kind, miss.query, miss.suggestions, other=other) from None

        def _say_ratings_not_charted(miss: NotFound, dataset: Dataset, bare: str | None) -> None:
            """A miss of a title with a word for what the command does not show ('squid game
            ratings' to chart): the same miss, saying where that is (answers.finding)."""
            if bare is None:
                return
            try:
                show = finder(dataset, bare).show
            except Ambiguous as many:
                # 'queen ratings': the choice the words before 'ratings' give, as for the
                # title alone (no one title picked for them), and that chart shows no ratings
                raise Ambiguous(
                    many.kind,
                    miss.query,
                    many.candidates,
                    many.partial,
                    many.respelled,
                    note=CHART_IS_NO_RATINGS,
                ) from None
            except LookupError_:
                return
            said = ratings_not_charted(show)
            raise NotFound(miss.kind, miss.query, miss.suggestions, other=said) from None

        return find

    def _note_guessed(self, query: str, match: Match) -> None:
        """The note, on stderr, that a title was found by a guess (a name respelled, Hangul
        initials), which show's card says as "(matched …)": trivia, chart, similar, compare,
        path and a page printed as --json or --csv say it here, and their output is unchanged."""
        from kdrama_cli.answers.finding import guessed_note

        said = guessed_note(query, match)
        if said is not None:
            self.note(f"kdrama: note: {said}")

    def note_meant_instead(self, query: str, match: Match) -> None:
        """The note, on stderr, that a name with a leading article opened a title held only as
        Netflix's record, and the researched title it names without it ('the goblin' is
        Netflix's film The Goblin; Goblin is Guardian: The Lonely and Great God), as show's
        page asks "Looking for …?"."""
        from kdrama_cli.answers.finding import command_argument, meant_instead

        instead = meant_instead(self.dataset(), match)
        if instead is not None:
            other, bare = instead
            self.note(
                f"kdrama: note: {query!r} opens {match.show.title} ({match.show.slug}), a title "
                f"the catalogue holds only as Netflix's record; looking for {other.title}? "
                + command_line(f"show {command_argument(bare)}")
            )

    def _note_part(self, match: Match) -> None:
        """The note, on stderr, that a part typed ('the glory part 2') opened the season it
        came out in, which is what the page shows."""
        from kdrama_cli.answers.finding import part_note

        said = part_note(match)
        if said is not None:
            self.note(f"kdrama: note: {said}")

    def take_as(
        self, query: str, identity: str, said: str, why: str, beside: str | None = None
    ) -> str:
        """``identity`` for a name that matched several, picked by the command (path's
        namesake at the other end), with a note on stderr saying so and why; the note that
        the id is another's name too is not said again (the pick says it), for it nor for
        ``beside``, the query the pick was made apart from (path's other end, whose note
        would offer the namesake already picked)."""
        self.note(f"kdrama: note: {query!r} is taken as {identity} ({said}): {why}")
        self._picked.update(q for q in (identity, beside) if q is not None)
        return identity

    def _note_also_named(self, kind: str, query: str, found: str, name: str) -> None:
        """The note, on stderr, that a query taken as an id is another entry's whole name too
        ('Confession' opens the film confession; confession-film is called Confession too)."""
        if query in self._picked:
            return
        from kdrama_cli.answers.finding import also_named
        from kdrama_cli.catalogue.wording import joined

        named = also_named(self.dataset(), kind, query, found, name)
        if named:
            (_, opened), others = named[0], named[1:]
            command = "show" if kind == "title" else "person"
            ids = others[0][0] if len(others) == 1 else "ID"
            self.note(
                f"kdrama: note: {query!r} opens {opened}; "
                f"{joined(label for _, label in others)} "
                f"{'is' if len(others) == 1 else 'are'} named so too: "
                + command_line(f"{command} {ids}")
            )

    def whole_title(self, command: str, query: str, param_hint: str = "SHOW") -> Match:
        """A title for a command that works on whole titles (similar, quiz): a season typed
        with it ('squid game 2') is not dropped silently but noted (note_whole_title)."""
        match = self.find(query, param_hint, whole=True)
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
        from kdrama_cli.answers.finding import find_person

        person: Person = self._found("person", self._or_crew(find_person), query, param_hint)
        self._note_also_named("person", query, person.id, person.name)
        return person

    def _or_crew(
        self, finder: Callable[[Dataset, str], Person]
    ) -> Callable[[Dataset, str], Person]:
        """``finder``, which, when a query names no one as typed, reads a crew word beside a
        title's whole name or part of a credited name ('squid game director', 'director
        yeon') as search does (answers.search.crew_reading): the one it names opens, said on
        stderr, and several are listed, or asked about, as a name that matches several is; a
        title crediting no one so ('hellbound creator') is a miss saying so."""
        from kdrama_cli.answers.finding import Ambiguous, NotFound
        from kdrama_cli.answers.questions import title_question
        from kdrama_cli.answers.search import crew_reading

        def find(dataset: Dataset, query: str) -> Person:
            try:
                return finder(dataset, query)
            except NotFound as miss:
                reading = crew_reading(dataset, query)
                question = title_question(query) if reading is None else None
                if question is not None:  # 'who directed squid game': 'director of squid game'
                    reading = crew_reading(dataset, question.words)
                if reading is None:
                    raise
                if not reading.credited:  # 'hellbound creator': no one is, and who is
                    raise NotFound(
                        miss.kind,
                        query,
                        miss.suggestions,
                        other=_none_credited(reading, dataset.shows[reading.titles[0]].title),
                    ) from None
            people = reading.people
            if len(people) > 1:
                raise Ambiguous("person", query, [(p.target, p.label) for p in people]) from None
            one = people[0]
            read = (
                f"the {one.matched}: {one.label}"
                if reading.titles
                else f"{one.label}, {one.matched}"
            )
            self.note(f"kdrama: note: {query!r} is read as {read}")
            return dataset.people[one.target]

        return find

    def _found(
        self,
        kind: str,
        finder: Callable[[Dataset, str], T],
        query: str,
        param_hint: str,
        ask: bool = True,
    ) -> T:
        """What ``finder`` finds; several matches ask the person at a terminal to pick one
        (choose), and a miss, once checked against the index (verify_miss), or an ambiguity
        left unpicked is a usage error (exit 2) naming what to try."""
        from kdrama_cli.answers.finding import Ambiguous, LookupError_, NotFound

        # An option's name leads the message (--show: no title matches ...); an argument's
        # would add nothing to the query the message quotes.
        said = f"{param_hint}: " if param_hint.startswith("-") else ""
        try:
            return finder(self.dataset(), query)
        except Ambiguous as error:
            from kdrama_cli.prompt import choose  # asked only of a name that matches several

            chosen = choose(error) if ask else None
            if chosen is None:
                raise PlainUsageError(f"{said}{error}", lookup=error) from None
            # The page now depends on what was picked, not only on the request: kept under the
            # request, it would answer every later run with this pick and never ask again.
            self.forget_page()
            self._picked.add(query)
            return finder(self.dataset(), chosen)
        except NotFound as error:
            if not error.refused:  # a name refused for a person's found a title: no loss
                self.verify_miss(kind, query)
            from kdrama_cli.answers.finding import suggested_ids

            dataset, miss = self.dataset(), error
            raise PlainUsageError(
                f"{said}{error}{self._env_base()}{self._personal_left_out()}",
                lookup=error,
                suggested=lambda: suggested_ids(dataset, miss),
            ) from None
        except LookupError_ as error:
            raise lookup_failed(error, said) from None

    def find_each(
        self, queries: Sequence[str], fewest: int = 2, whole: bool = False
    ) -> list[Match]:
        """The titles of a command that takes several (compare, chart; ``fewest``: how few it
        takes). A miss or a name matching several, among several words, is most often one
        title typed without quotes ('compare squid game'): the error says how to give it. At a
        terminal too, a word that matches several is not asked about when it and the words
        beside it make a title's whole name ('squid' of 'squid game kingdom'): picking a match
        for 'squid', then for 'game', ended in "the same title was given twice". A season a
        title lacks ('squid game 9', quoted) is not a matter of quotes."""
        from kdrama_cli.answers.finding import Ambiguous, NotFound
        from kdrama_cli.prompt import may_ask

        matches = []
        for at, query in enumerate(queries):
            # One word among several may be part of a name typed without quotes.
            hintable = len(queries) >= 2 and " " not in query
            try:
                matches.append(self.find(query, ask=not hintable, whole=whole))
                continue
            except PlainUsageError as error:
                if not hintable or not isinstance(error.lookup, NotFound | Ambiguous):
                    raise
                failed = error
            if isinstance(failed.lookup, Ambiguous) and may_ask():
                from kdrama_cli.answers.quoting import joins

                grade = self._name_grader(ends=False)
                if grade is None or not joins(queries, at, grade):
                    matches.append(self.find(query))  # a word of its own: the person picks
                    continue
            names = self.divide_names(queries, ends=False, fewest=fewest)
            if (
                names is None
                and len(queries) <= fewest
                and self.divide_names(queries, ends=False, parts=1, fewest=1) is None
            ):
                # each word must be a name of its own, and together they name nothing:
                # a misspelling ('glroy kingdom'), not a title typed without quotes ('squid game')
                raise failed
            hint = quote_hint(click.get_current_context(silent=True), names)
            hinted = f"{failed.format_message().rstrip('.')}; {hint}."
            raise PlainUsageError(hinted, failed.lookup, failed.suggested) from None
        return matches

    def divide_names(
        self, words: Sequence[str], ends: bool, parts: int | None = None, fewest: int = 2
    ) -> list[str] | None:
        """The one way the words typed divide into titles (or, with ``ends``, people or
        titles, as path's ends) that each name one (answers.quoting), so an error can show
        them in quotes; None when there is no one way, or the dataset cannot be read. Nothing
        is asked: a name that matches several is no division."""
        from kdrama_cli.answers.quoting import divide

        grade = self._name_grader(ends)
        return None if grade is None else divide(words, grade, parts, fewest)

    def _name_grader(self, ends: bool) -> Callable[[str], tuple[int, Hashable]] | None:
        """How a run of words names a title (or, with ``ends``, a person or a title): NONE,
        PART or WHOLE, and which one, as answers.quoting takes it; None when the dataset
        cannot be read. Nothing is asked: a name that matches several names none."""
        from kdrama_cli.answers.finding import (
            LookupError_,
            Match,
            find_person_or_show,
            find_show,
        )
        from kdrama_cli.answers.quoting import NONE, PART, WHOLE

        try:
            dataset = self.dataset()
        except click.ClickException:
            return None

        def names_one(query: str) -> tuple[int, Hashable]:
            try:
                found = (
                    find_person_or_show(dataset, query)
                    if ends
                    else find_show(dataset, query, suggestions=False)
                )
            except LookupError_:
                return NONE, None
            if not isinstance(found, Match):
                return WHOLE, ("person", found.id)
            # A title and its season: two seasons of one title are two names (chart takes them).
            thing = ("title", found.show.slug, found.season)
            return (PART if found.matched_by == "partial" else WHOLE), thing

        return names_one

    def find_person_or_show(self, query: str, param_hint: str) -> Person | Match:
        """A person or a title (a Match: with the season named, if any), whichever the name
        matches more closely (answers.finding.find_person_or_show); several, people or titles,
        are asked or listed as for any name, and nothing is a usage error (exit 2, with the
        nearest people and titles)."""
        from kdrama_cli.answers.finding import Match, find_person_or_show

        found: Person | Match = self._found(
            "person or title", find_person_or_show, query, param_hint
        )
        if isinstance(found, Match):
            self._note_also_named("title", query, found.show.slug, found.show.title)
            self._note_part(found)  # 'the glory part 2' is headed "The Glory season 1"
            self.note_meant_instead(query, found)
            self._note_guessed(query, found)
        else:
            self._note_also_named("person", query, found.id, found.name)
        return found

    def refuse_overwriting_inputs(
        self, option: str, path: str | None, included: bool = True
    ) -> None:
        """A usage error when a file named for an answer (--export-svg, --export-html, upcoming
        --ics FILE) is one kdrama reads: a dataset file (the base, the personal dataset, an
        --add-data layer, and with ``included`` every file they include, as the shipped
        dataset includes netflix.toml) or the seen list. Writing there would replace the
        user's data with the page or the calendar, and every later command would fail on it;
        it is refused before anything is written. ``data netflix`` passes ``included=False``:
        regenerating the included netflix.toml is what it is for."""
        if not path or path == "-":
            return
        from kdrama_cli.catalogue.locations import user_dataset
        from kdrama_cli.catalogue.writing import one_file

        try:
            inputs = [(name, "a dataset file") for name in self.paths()]
        except DatasetProblems:  # the base missing: that error comes with the answer
            inputs = []
        if included and inputs:
            inputs += [(name, "a dataset file") for name in self._included_files()]
        # These two are read whenever they are there: written before they exist, the next
        # command would read the page or the calendar as the user's list or dataset.
        seen, personal = self.seen_file(), user_dataset()
        if seen:
            inputs.append((seen, "your seen list"))
        if personal:
            inputs.append((personal, "your personal dataset"))
        for name, what in inputs:
            if one_file(path, name):
                if os.path.lexists(name):
                    why = f"that is {what} kdrama reads ({name}); writing there would replace it"
                else:  # not made yet: the next command would read what is written as the list
                    why = (
                        f"that is where kdrama looks for {what} ({name}); what is written there"
                        " would be read as that"
                    )
                raise PlainUsageError(f"{option} {path}: {why}: give another PATH")

    def _included_files(self) -> list[str]:
        """The files the dataset in use includes (and the ones it names itself): from the
        loaded dataset, instant from a fresh index, or read again where it does not load."""
        try:
            return list(self.dataset().files)
        except DatasetProblems:  # a broken file: that error comes with the answer
            from kdrama_cli.catalogue.loader import loaded_files

            return loaded_files(self.paths())[0]

    def seen_file(self) -> str | None:
        from kdrama_cli.catalogue.locations import seen_path

        return seen_path()

    def seen(self) -> dict[str, tuple[int, ...]]:
        """The user's seen list ({} when there is none); a malformed file is an error (exit 1)
        naming the file and the entry."""
        if self._seen is None:
            path = self.seen_file()
            if path is None or not os.path.lexists(path):
                self._seen = {}  # no list yet: nothing to import the reader for
                return self._seen
            from kdrama_cli.catalogue.problems import DatasetError
            from kdrama_cli.catalogue.seen import read_seen

            try:
                self._seen = read_seen(path)
            except DatasetError as error:
                notes = (
                    [
                        f"{path} is the seen list $KDRAMA_SEEN names (set in your environment): "
                        f"{SEEN_FIX}"
                    ]
                    if _seen_from_env(path)
                    else []
                )
                problems = [self._seen_key_named(problem) for problem in error.problems]
                raise DatasetProblems(problems, notes=notes) from None
        return self._seen

    def _seen_key_named(self, problem: Problem) -> Problem:
        """A seen-list key written as a title's name, with the command that writes its entry
        when the name finds one title ('"Squid Games" = [1]': kdrama seen add squid-game); a
        name that finds none, or several, gets no command, as none would work
        (Problem.key_is_title_name flags such a key's problem)."""
        if not problem.key_is_title_name:
            return problem
        from kdrama_cli.answers.finding import LookupError_, find_show

        try:
            found = find_show(self.dataset(), problem.location.removeprefix("seen."))
        except LookupError_:
            return problem
        add = command_line(f"seen add {found.show.slug}")
        return problem._replace(message=f"{problem.message} and run {add}")

    def seen_changed(self, entries: dict[str, tuple[int, ...]] | None = None) -> None:
        """Tell the app the seen file was just changed: ``entries`` is the list as the file
        now holds it, or None to read the file again when the list is next asked for."""
        self._seen = entries

    def seen_marks(self, ignored: str = "nothing is marked as seen") -> dict[str, tuple[int, ...]]:
        """The seen list for a page that only uses it to mark or leave out what was seen (show,
        person, similar, browse), without the seasons not out today (answers.seen.seen_out). A
        malformed file does not stop such a page: one warning on stderr names the file, what is
        wrong, what the page does without it (``ignored``) and how to fix it, and the page is
        printed as with no list (and not kept for replay, so the warning comes back until the
        file is fixed). The `seen` commands, which read or change the list itself, still fail
        (seen())."""
        try:
            seen = self.seen()
        except DatasetProblems as error:
            said = _unreadable_seen(self.seen_file(), error.problems, ignored, not _for_a_script())
            self.note(f"kdrama: warning: {said}")
            # A file made readable again by chmod keeps the size, time and inode the page's
            # key holds (seen_stamp): a page kept now would be replayed without the list.
            self.forget_page()
            self._seen = {}
            return self._seen
        if not seen:
            return seen
        from kdrama_cli.answers.seen import seen_out

        return seen_out(self.dataset(), seen, today())

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
        from kdrama_cli.answers.finding import would_match
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
        # and the commands they suggest begin as this run was typed (--data, or $KDRAMA_DATA)
        request = (request, command_start())
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
        self._write(page)
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
                "--export-svg and --export-html save a printed page; "
                f"{output} prints none they can save"
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
        from kdrama_cli.answers.spoilers import ADD_SPOILERS, hidden
        from kdrama_cli.views.spoiler_notes import sources_hidden_line

        count = len({c.id for c in citations if hidden(c, spoilers)})
        if count:
            self.note(sources_hidden_line(count, how or ADD_SPOILERS, addresses))

    def emit_stored_json(self, data: bytes) -> None:
        """Print UTF-8 JSON the index keeps already encoded, in the form emit_json writes to a
        pipe (the caller checks catalogue.jsontext.takes_compact): its bytes as they are to a UTF-8
        stream, decoded for any other. It is kept as a page too: a replayed page needs no
        SQLite, so the next run is cheaper still. An export is refused first, as by
        emit_json."""
        self.refuse_export("--json")
        data += b"\n"
        if is_utf8(sys.stdout) and getattr(sys.stdout, "buffer", None) is not None:
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
        if is_utf8(sys.stdout) or getattr(sys.stdout, "buffer", None) is None:
            self._write(text)
            self._store_page(text)
        else:
            self._write_bytes(text.encode("utf-8", "replace"))

    def emit_data(
        self,
        sheet: str | None,
        as_json: bool,
        table: Callable[[], Sheet] | None = None,
        document: Callable[[], Any] | None = None,
    ) -> bool:
        """Print the answer for scripts, if one was asked for, and say whether it was: the
        ``table`` as --csv or --tsv (``sheet``, emit_sheet), else the ``document`` as --json
        (emit_json); False leaves the page to the command.

        Each is called only for its own output, so a command names its views in lambdas
        (``lambda: views.sheets.search_sheet(results)``) and imports only the one it prints,
        and never Rich. What the page would say beside the answer, the command says on stderr
        (note) before calling this."""
        if sheet and table is not None:
            self.emit_sheet(table(), sheet)
            return True
        if as_json and document is not None:
            self.emit_json(document())
            return True
        return False

    def nothing(self, message: str) -> None:
        """An empty answer to a page: its message on stderr and nothing on stdout (exit 0), so
        a pipe reads no text that is not an answer. (--json prints [] and --csv its header.)"""
        self.forget_page()
        OUTPUT.started = True
        self.answered_nothing = True
        for line in _fitted_to_terminal(message).split("\n"):  # say() would join the lines
            say(line)

    def note(self, line: str) -> None:
        """A line on stderr beside this run's answer (spoilers hidden, titles left out, a title
        taken whole): kept with the answer's page, so that a replay says it again. It depends
        on nothing the page's key leaves out (the request, the index, the seen file). A line
        said already is not said again: a name given twice ('compare Confession Confession')
        earns its note once."""
        if line in self._notes:
            return
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
    from kdrama_cli.completion import environment_day

    try:
        day = environment_day()
    except ValueError as error:
        given = error.args[0]
        raise PlainUsageError(f"KDRAMA_TODAY={given!r} is not a date (YYYY-MM-DD)") from None
    return day or dt.date.today()


def _needs_pager(page: str) -> bool:
    """A stored page is replayed only where it would not be paged."""
    from kdrama_cli.catalogue.printable import dumb_terminal  # imported already: no view

    try:
        if not sys.stdout.isatty() or dumb_terminal():
            return False
        return page.count("\n") > os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return False

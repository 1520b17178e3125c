"""`kdrama browse`: an interactive browser over the catalogue (Textual, the ``tui`` extra).

The command is thin: :class:`BrowseEngine` answers the browser's questions through the same
``answers`` functions as `kdrama search`, `show`, `person` and `seen add`, and the Textual app in
``views/browser.py`` shows them. Textual is imported only inside the command, so no other
command ever loads it, and without the extra this prints one line and exits 1.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from kdrama_cli.app import App, pass_app, today
from kdrama_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, command_line, extra_install
from kdrama_cli.failures import KdramaError, PlainUsageError
from kdrama_cli.options import OnceCommand, name_argument
from kdrama_cli.output import say

if TYPE_CHECKING:
    from kdrama_cli.answers.search import SearchAnswer, SearchResult, TitleFound
    from kdrama_cli.views.browser import PersonPage, TitlePage

T = TypeVar("T")

#: The tui extra's package, as pyproject.toml's [project.optional-dependencies] gives it.
TUI_REQUIREMENT = "textual>=6.0"


class BrowseEngine:
    """The browser's questions, answered by kdrama_cli.answers (views.browser.Engine), on
    ``day`` ($KDRAMA_TODAY, as every command): whether a season is out, listed by Netflix or
    stale news is judged as `kdrama show`, `person` and `seen add` judge it."""

    def __init__(self, app: App, day: dt.date | None = None) -> None:
        self.app = app
        self.day = day
        #: The last mark made (slug, seasons it added, whether the title was new to the list).
        self._last_mark: tuple[str, tuple[int, ...], bool] | None = None

    def _answered(self, ask: Callable[[], T]) -> T:
        """An answer; when the index turns out damaged mid-session it is discarded and the
        question asked again of the dataset files, as cli.main does for a command."""
        from kdrama_cli.store.index import IndexDamaged, discard

        try:
            return ask()
        except IndexDamaged as error:
            discard(error.path)
            self.app.cache = False
            self.app._dataset = None
            return ask()

    def search(self, query: str, limit: int) -> SearchAnswer:
        return self._answered(lambda: self._search(query, limit))

    def titles_found(self, results: Sequence[SearchResult]) -> dict[str, TitleFound]:
        from kdrama_cli.answers.search import titles_found

        return self._answered(lambda: titles_found(self.app.dataset(), results))

    def examples(self) -> tuple[str, ...]:
        from kdrama_cli.answers.search import search_examples

        return self._answered(lambda: search_examples(self.app.dataset()))

    def title(self, slug: str, season: int | None = None) -> TitlePage:
        return self._answered(lambda: self._title(slug, season))

    def person(self, person_id: str) -> PersonPage:
        return self._answered(lambda: self._person(person_id))

    def _search(self, query: str, limit: int) -> SearchAnswer:
        from kdrama_cli.answers.search import search_answer

        return search_answer(self.app.dataset(), query, limit)

    def _title(self, slug: str, season: int | None = None) -> TitlePage:
        from kdrama_cli.answers.seen import seen_elsewhere
        from kdrama_cli.answers.show_page import show_detail
        from kdrama_cli.views.browser import TitlePage

        dataset = self.app.dataset()
        show = dataset.shows[slug]
        detail = show_detail(dataset, show, season, today=self.day)
        detail = detail._replace(personal=self.app.through_personal(detail.layers))
        seen = self.app.seen_marks()
        elsewhere = None
        if seen:
            elsewhere = seen_elsewhere(dataset, seen, detail.credited, slug)
        return TitlePage(detail, seen.get(slug), elsewhere)

    def _person(self, person_id: str) -> PersonPage:
        from kdrama_cli.answers.person_page import person_detail
        from kdrama_cli.answers.seen import credits_seen
        from kdrama_cli.views.browser import PersonPage

        dataset = self.app.dataset()
        detail = person_detail(dataset, dataset.people[person_id], today=self.day)
        detail = detail._replace(personal=self.app.through_personal(detail.every_layer))
        seen = self.app.seen_marks()
        return PersonPage(detail, credits_seen(detail.credits, seen) if seen else None)

    def mark_seen(self, slug: str, season: int | None = None) -> str:
        """A season of a title, or every released one, onto the seen list, as `kdrama seen
        add` does: to the file as it is now (another kdrama may have changed it since this one
        read it)."""
        from kdrama_cli.answers.seen import add_seen
        from kdrama_cli.views.text import seasons_label

        show = self.app.dataset().shows[slug]
        path = self.app.seen_file()
        if path is None:
            from kdrama_cli.catalogue.locations import no_home_to_keep

            raise ValueError(f"{no_home_to_keep('the seen list')}: set KDRAMA_SEEN")
        notes: list[str] = []  # the file written afresh, its comments lost: said in the notice
        with _as_notice(path):  # ValueError (not out yet, no such season) is one already
            marked = add_seen(path, show, season, self.day, notes=notes)
        self.app.seen_changed(marked.entries)  # the list as the file now holds it
        # what u takes back: the title if it was not listed, else the seasons this added; a
        # mark that added nothing leaves the one before it to take back
        if not marked.already:
            self._last_mark = (slug, marked.new_seasons, marked.new)
        what = f" {seasons_label(marked.added)}" if marked.added else ""
        said = f"Seen: {show.title}{what}" + (" (already in the list)" if marked.already else "")
        return "; ".join([said, *notes])

    def undo_seen(self) -> str | None:
        """The last mark_seen taken back, as `kdrama seen remove` would: the title when it
        was not on the list before, else the seasons the mark added (to the file as it is
        now). None when there is nothing to take back."""
        from kdrama_cli.answers.seen import remove_seen
        from kdrama_cli.views.text import seasons_label

        if self._last_mark is None:
            return None
        slug, seasons, whole = self._last_mark
        show = self.app.dataset().shows[slug]
        path = self.app.seen_file()
        if path is None:
            return None
        notes: list[str] = []
        removed = False
        with _as_notice(path):  # the mark is kept: u again, once the file is mended
            for season in [None] if whole else seasons:
                unmarked = remove_seen(path, show, season, notes=notes)
                self.app.seen_changed(unmarked.entries)
                removed = removed or unmarked.removed
        self._last_mark = None
        what = "" if whole or not seasons else f" {seasons_label(seasons)}"
        # as `kdrama seen remove` says it
        said = f"Removed: {show.title}{what}"
        if not removed:  # another kdrama took it off meanwhile
            said = f"{show.title}{what} is not in the seen list."
        return "; ".join([said, *notes])

    def can_undo(self) -> bool:
        return self._last_mark is not None


@contextlib.contextmanager
def _as_notice(path: str) -> Iterator[None]:
    """A change to the seen file that fails, as the ValueError the browser shows as a notice:
    the file's first problem, or why it cannot be written."""
    from kdrama_cli.catalogue.problems import DatasetError

    try:
        yield
    except DatasetError as error:
        raise ValueError(str(error.problems[0])) from None
    except OSError as error:
        raise ValueError(f"cannot write {path}: {error.strerror or error}") from None


@click.command(
    cls=OnceCommand,
    epilog="""\b
Keys:
  type        search titles, people and characters (as kdrama search);
              a letter typed on the results or a page searches too, but
              for s on a title's page and u after a mark
  ↓           from the search box to the results (on a page, its links)
  Enter       open the result, the cast row's person or the credit's title
  Tab, Shift+Tab
              between the search box, the page and its links (a title's
              cast and crew, a person's credits); the footer says where
  ↑ ↓ PgUp PgDn
              move in a list, scroll the page
  Esc, Bksp   back (the history); with nothing to go back to, Esc clears
              the search box, and on an empty one quits (the footer says
              which); Bksp on the results takes the last letter off the
              search
  /           focus the search box; it selects the old query, so typing
              replaces it
  s           on a title's page, mark the title seen (the season it is
              open at, as kdrama seen add --season; else every released
              season)
  u           after a mark, take it back off the seen list
  F1, ?       list these keys (? off the search box; in it, ? is typed)
  Ctrl+Q      quit
  Ctrl+C      quit with status 130

\b
Examples:
  kdrama browse
  kdrama browse "squid game"
  kdrama browse "squid game 2"      # its result opens season 2

Needs the tui extra (Textual): without it, kdrama browse prints the pip
command that adds it to the Python kdrama runs in.""",
)
@name_argument("query", "[QUERY]", required=False)  # 'browse squid game', as 'search' takes it
@pass_app
def browse(app: App, query: str | None) -> None:
    """An interactive browser: search as you type, open titles and people, follow the links."""
    query = query or ""
    try:
        import textual  # noqa: F401 - only to know whether the extra is installed
    except ImportError:
        raise KdramaError(f"browse needs {extra_install('tui', TUI_REQUIREMENT)}") from None
    from kdrama_cli.catalogue.printable import dumb_terminal

    dumb = dumb_terminal()
    if not (sys.stdin.isatty() and sys.stdout.isatty()) or dumb:
        from kdrama_cli.errors import shell_join

        # without a query, QUERY to fill in: a bare `kdrama search` is a usage error itself
        search = command_line(shell_join(["search", query]) if query else "search QUERY")
        if dumb:  # Emacs's M-x shell: the screen's escape codes shown as text
            term = os.environ.get("TERM", "")
            raise PlainUsageError(
                f"browse needs a terminal that can draw a screen, and TERM={term} says this"
                f" one cannot; try {search}"
            )
        raise PlainUsageError(f"browse needs a terminal (stdin and stdout); try {search}")
    from kdrama_cli.views.browser import Browser

    day = today()  # a $KDRAMA_TODAY that is no date is reported before the screen is taken
    app.dataset()
    app.seen()  # a malformed seen list is reported before the screen is taken over
    if app.no_color:
        os.environ["NO_COLOR"] = "1"  # Textual reads it when the app is made
    browser = Browser(BrowseEngine(app, day), query)
    browser.run()
    if browser.return_code == Browser.INTERRUPTED:
        raise SystemExit(EXIT_INTERRUPTED)
    if browser.return_code == Browser.TERMINATED:  # `kill`: the screen given back, then gone
        raise SystemExit(Browser.TERMINATED)
    if browser.return_code:  # Textual caught an error, printed its traceback and returned 1
        say("kdrama: internal error: browse stopped on an error (above): please report it")
        raise SystemExit(EXIT_INTERNAL)

"""`kdrama browse`: the interactive browser, a Textual app over the same answers as the commands.

One engine, two front ends: this module never asks the catalogue a question and never reads or
writes a file. The command (``commands/browse.py``) hands it an :class:`Engine` whose methods ask
the ``answers`` layer and keep the seen list; the browser shows the records those return with
the very renderables ``kdrama show``, ``kdrama person`` and ``kdrama search`` print.

Only ``commands/browse.py`` imports this module (inside the command), so no other command pays
for Textual, and without the ``tui`` extra nothing else notices it is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kdrama_cli.answers.person_page import PersonDetail, TitleCredits
from kdrama_cli.answers.search import SearchAnswer, SearchResult
from kdrama_cli.answers.seen import SeenCredit
from kdrama_cli.answers.show_page import ShowDetail
from kdrama_cli.views.pasteable import Unjoined, keep_commands_whole
from kdrama_cli.views.text import (
    clean,
    count_of,
    hidden_matches,
    nothing_matches,
    seasons_label,
    spoilers_command,
)

#: How many search results the list holds (`kdrama search` prints 20 by default).
RESULTS = 50

Kind = Literal["search", "title", "person"]


@dataclass(frozen=True)
class Entry:
    """A place in the browser's history: a search, a title (slug) or a person (id). A title
    may be opened at one season ("squid game 2" in the search), as `kdrama show --season`."""

    kind: Kind
    key: str
    season: int | None = None


@dataclass(frozen=True)
class TitlePage:
    detail: ShowDetail
    #: The seasons of it you have seen ((), a film seen), or None when it is not in the list.
    seen: tuple[int, ...] | None = None
    #: For each of the cast shown, the other titles of theirs you have seen.
    elsewhere: Mapping[str, Sequence[SeenCredit]] | None = None


@dataclass(frozen=True)
class PersonPage:
    detail: PersonDetail
    #: One mark per credit from the seen list, as ``kdrama person`` shows them (None: no list).
    marks: Sequence[tuple[int, ...] | None] | None = None


class Engine(Protocol):
    """What the browser asks; the command answers through kdrama_cli.answers."""

    def search(self, query: str, limit: int) -> SearchAnswer: ...

    def title(self, slug: str, season: int | None = None) -> TitlePage: ...

    def person(self, person_id: str) -> PersonPage: ...

    def mark_seen(self, slug: str, season: int | None = None) -> str:
        """Put a title (or one season of it) on the seen list; the line to show (or raise
        ValueError why not)."""
        ...

    def undo_seen(self) -> str | None:
        """Take the last mark_seen back off the seen list (what it added, and the title if it
        was not listed before); the line to show, None when there is nothing to undo (or
        raise ValueError why not)."""
        ...

    def can_undo(self) -> bool:
        """Whether a mark_seen added something undo_seen can take back."""
        ...


def results_heading(answer: SearchAnswer, query: str) -> str:
    """'50 of 465 results', as search's page says what its limit cut ('3 results' when none
    was), and how many matches it left out as spoilers, with the command line that shows
    them (browse has no --spoilers)."""
    shown = len(answer.results)
    said = count_of(shown, "result")
    if answer.total > shown:
        said = f"{shown} of {count_of(answer.total, 'result')}"
    if answer.hidden:
        said += f" · {hidden_matches(answer.hidden, query)}"
    return said


def result_entry(result: SearchResult) -> Entry:
    """Where a search result leads: a person's page, else a title's, at the season the
    query named when it named one."""
    if result.kind == "person":
        return Entry("person", result.target)
    return Entry("title", result.target, result.season)


def result_prompt(result: SearchResult) -> Text:
    """One search result as a line of the list: the label, who plays a character, the match."""
    line = Text()
    line.append(clean(result.label), "bold")
    if result.season is not None:
        line.append(f" · Season {result.season}", "bold")
    if result.actor:
        seasons = seasons_label(result.seasons)
        line.append(f"  played by {clean(result.actor)}" + (f" ({seasons})" if seasons else ""))
    line.append(f"  {result.kind}", "cyan")
    if result.matched and (
        result.kind not in ("title", "person", result.matched)
        or result.matched.startswith(_FOUND_BY_WHAT_IT_IS)
    ):
        line.append(f" · {clean(result.matched)}", "dim")
    return line


#: How a title found by something other than its names says so ("genre: zombie", "platform:
#: Netflix", "adapted from a webtoon"): shown beside it, as a name matched is not.
_FOUND_BY_WHAT_IT_IS = ("genre:", "synopsis:", "platform:", "kind:", "adapted from ")


def credit_seasons(numbers: Sequence[int], announced: Sequence[int]) -> str:
    """'S1' or 'S2, S3' for a credit of some seasons only; a season not out yet is said to be
    announced ('S1, announced S2'), as the cast table marks it, never given as released."""
    out = seasons_label([n for n in numbers if n not in announced])
    coming = [n for n in numbers if n in announced]
    if not coming:
        return out
    said = f"announced {seasons_label(coming)}"
    return f"{out}, {said}" if out else said


def title_links(detail: ShowDetail) -> list[tuple[str, Text]]:
    """The people a title's page leads to: its cast (every credit `kdrama cast` lists, in its
    order: not a hidden cameo), then its crew and the source work's authors. Pairs of (person
    id, line)."""
    links: list[tuple[str, Text]] = []
    every_season = {season.number for season in detail.show.seasons}
    for entry in detail.cast_listed:
        line = Text(clean(entry.person.name), "bold")
        if entry.credit.character:
            line.append(f"  as {clean(entry.credit.character)}")
        line.append(f"  {entry.credit.role}", "dim")
        numbers = entry.credit.seasons
        some = len(every_season) > 1 and set(numbers) != every_season
        if numbers and (some or entry.announced_seasons):
            # Only some seasons: say which, or one actor with two roles (supporting in S1,
            # main from S2) reads as the same line twice; and a season not out is announced,
            # as `kdrama cast` marks it.
            line.append(f"  {credit_seasons(numbers, entry.announced_seasons)}", "dim")
        links.append((entry.person.id, line))
    crew = (
        ("creator", detail.creators),
        ("director", detail.directors),
        ("writer", detail.writers),
    )
    for capacity, people in crew:
        for person in people:
            line = Text(clean(person.name), "bold")
            line.append(f"  {capacity}", "dim")
            links.append((person.id, line))
    # The works' authors, each once, in the words a person's page and path give them (one who
    # wrote and drew it: "original webtoon writer and artist"; one of a work based on it:
    # "artist of the webtoon adaptation of the original web novel").
    original = detail.source_work
    credits = (detail.source_credits, *detail.adaptations) if detail.source_credits else ()
    for credited in credits:
        people = (*credited.story_by, *credited.writers, *credited.artists)
        based_on = original if credited.work is not original else None
        for person in {p.id: p for p in people}.values():
            line = Text(clean(person.name), "bold")
            line.append(f"  {credited.work.capacity_of(person.id, based_on)}", "dim")
            links.append((person.id, line))
    return links


def person_links(page: PersonPage) -> list[tuple[str, Text]]:
    """The titles a person's page leads to, one line per title, with what the page's table
    would say of it (the page leaves its table out for this list): pairs of (slug, line)."""
    from kdrama_cli.views.discovery import role_label
    from kdrama_cli.views.titles import character_cell, refs_cell

    rows = page.detail.titles
    marks = page.detail.titles_seen(page.marks)
    links: list[tuple[str, Text]] = []
    for row, mark in zip(rows, marks, strict=True):
        line = Text(clean(row.show.title), "bold")
        if row.year_label:  # "2021", or "by 2026" for a title out that no source dates
            line.append(f" ({row.year_label})")

        def seasons(numbers: Sequence[int], row: TitleCredits = row) -> str:
            # a season not out yet is announced, as the title's cast rows and `kdrama
            # person` mark it, never given as released
            return credit_seasons(numbers, row.announced)

        # A part that changed role between seasons gives each role its seasons, as the
        # page's table does ("supporting (S1), main (S2, S3)"): the seasons are said there.
        split = bool(row.acted and row.roles_by_season)
        if row.acted:
            line.append("  as ")
            line.append(" / ".join(character_cell(credit).plain for credit in row.acted))
            # the role, as the page's table gives it (a special appearance says so)
            line.append("  " + role_label(row, seasons), "dim")
        if row.made:
            line.append(("  also " if row.acted else "  ") + clean(", ".join(row.made)), "dim")
        if row.seasons and row.show.seasons and not split:
            line.append(f"  {seasons(row.seasons)}", "dim")
        if mark is not None:
            line.append("  ✓", "green")
        refs = refs_cell(page.detail.ref(row.sources))
        if refs:
            line.append(f"  {refs}", "dim")
        links.append((row.show.slug, line))
    return links


def title_renderable(page: TitlePage) -> RenderableType:
    """The `kdrama show` page, with the seen-list lines it prints under the cast."""
    from kdrama_cli.views.titles import show_view

    extra: list[RenderableType] = []
    if page.elsewhere:
        from kdrama_cli.views.seen import seen_elsewhere_lines

        extra = seen_elsewhere_lines(page.detail.credited, page.elsewhere)
    # No options to name: what a narrow table leaves out, what is hidden as a spoiler (the
    # command line that shows it instead).
    detail = page.detail
    spoilers = spoilers_command(detail.show.slug, detail.season.number if detail.season else None)
    view = show_view(
        detail,
        after_cast=extra,
        every_column=None,
        to_see_spoilers=spoilers,
        fold_urls=True,
        rest_of_cast="in the list of cast and crew below",  # it holds everyone
    )
    if page.seen is None:
        return view
    show = page.detail.show
    what = seasons_label(page.seen) if show.seasons and page.seen else "yes"
    return Group(Text(f"✓ Seen: {what}", "green"), view)


def person_renderable(page: PersonPage) -> RenderableType:
    from kdrama_cli.views.discovery import person_view

    # The credits are the list of links under the page: the page does not list them again.
    # Browse has no --spoilers: the command line that shows what is hidden is named instead.
    spoilers = spoilers_command(page.detail.person.id, kind="person")
    return person_view(
        page.detail,
        page.marks,
        every_column=None,
        table=False,
        to_see_spoilers=spoilers,
        fold_urls=True,
    )


#: Letters bound to an action off the search box: typed where the action is off (s off a
#: title's page, u with nothing to take back), they go on searching as every other letter.
_LETTER_ACTIONS = {"s": "mark_seen", "u": "undo_seen"}


class SearchBox(Input):
    """The search field; Down moves to the results. Focused by Tab, it selects what it holds
    (typing replaces it); focused by a letter typed elsewhere (Browser.on_key), it keeps the
    cursor after that letter, so that the next ones follow it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open"),
        Binding("down", "app.focus_list", "Results"),
    ]
    #: Set by the browser as it hands a typed letter over: the coming focus selects nothing.
    typed_into = False

    def _on_focus(self, event: events.Focus) -> None:
        # Textual calls Input's own handler after this one: it selects only where asked to
        if self.typed_into:
            self.typed_into = False
            self.select_on_focus = False
            self.call_later(setattr, self, "select_on_focus", True)


class Links(OptionList):
    """The search results, a title's cast and crew, a person's credits: Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]


class Browser(App[None]):
    """Search, open a title or a person, follow a cast row or a credit, go back."""

    TITLE = "kdrama"
    ENABLE_COMMAND_PALETTE = False  # the footer's room is for the browser's own keys
    CSS = """
    Screen { layout: vertical; }
    #search { dock: top; }
    #results { height: 1fr; border: round $primary-darken-2; }
    #page { height: 1fr; }
    #links { height: auto; max-height: 40%; border: round $primary-darken-2; }
    OptionList:focus { border: round $accent; }
    .hidden { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("escape", "go_back", "Back"),
        Binding("backspace", "go_back", "Back", show=False),
        Binding("s", "mark_seen", "Seen"),
        Binding("u", "undo_seen", "Undo seen"),
        # Ctrl-Q, not q: a letter typed anywhere goes on searching (on_key), and "squid"
        # typed on a page quit at its second letter. Shown on every screen.
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # As everywhere else in kdrama, Ctrl-C stops at once with status 130.
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True),
    ]
    #: The exit status of Ctrl-C (kdrama_cli.errors.EXIT_INTERRUPTED).
    INTERRUPTED = 130

    def __init__(self, engine: Engine, query: str = "") -> None:
        super().__init__()
        self.engine = engine
        self.initial_query = query
        self.current: Entry = Entry("search", query)
        self.history: list[Entry] = []
        #: What the results or the links list leads to, by option index.
        self._targets: list[Entry] = []
        self._results: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield SearchBox(
            value=self.initial_query,
            placeholder="Search titles, people, characters…",
            id="search",
        )
        yield Links(id="results")
        with VerticalScroll(id="page", classes="hidden"):
            yield Static(id="body")
        yield Links(id="links", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self._render_search(self.initial_query)
        self.query_one("#search", Input).focus()

    # --- showing an entry --------------------------------------------------------------------

    def _render_search(self, query: str) -> None:
        results_list = self.query_one("#results", OptionList)
        answer = self.engine.search(query, RESULTS) if query.strip() else SearchAnswer([])
        results = answer.results
        self._results = [result_entry(result) for result in results]
        results_list.clear_options()
        results_list.add_options([Option(result_prompt(result)) for result in results])
        # Text, not str: Textual reads a str title as markup, and what was typed ("[/") is
        # no markup
        if results:
            results_list.highlighted = 0
            results_list.border_title = Text(f"{results_heading(answer, query)} · Enter opens")
        elif query.strip():
            said = f"Nothing matches {clean(query)!r}"
            if answer.hidden:
                said += f" · {hidden_matches(answer.hidden, query)}"
            results_list.border_title = Text(said)
            # what `kdrama search` says of it: the titles meant, or the command that answers
            # what was asked ('squid game cast'), a line of the list that opens nothing
            if not answer.hidden:
                why = nothing_matches(query, answer.nearest, answer.instead)
                results_list.add_option(Option(Text(clean(why), style="dim"), disabled=True))
        else:
            results_list.border_title = "Type to search the catalogue"
        self._show_mode("search")

    def _show_mode(self, kind: Kind) -> None:
        searching = kind == "search"
        self.query_one("#results").set_class(not searching, "hidden")
        self.query_one("#page").set_class(searching, "hidden")
        self.query_one("#links").set_class(searching, "hidden")

    def _render_page(self, entry: Entry) -> None:
        links_list = self.query_one("#links", OptionList)
        if entry.kind == "title":
            title = self.engine.title(entry.key, entry.season)
            body = title_renderable(title)
            links = [(Entry("person", key), line) for key, line in title_links(title.detail)]
            links_list.border_title = "Cast and crew · Enter opens a person"
            self.sub_title = title.detail.show.title
            if entry.season is not None:
                self.sub_title += f" · Season {entry.season}"
        else:
            person = self.engine.person(entry.key)
            body = person_renderable(person)
            links = [(Entry("title", key), line) for key, line in person_links(person)]
            links_list.border_title = "Credits · Enter opens a title"
            self.sub_title = person.detail.person.name
        # A command a line names moves whole to the next line; one wider than the pane is
        # folded at its edge, which cuts a line a terminal would wrap.
        self.query_one("#body", Static).update(Unjoined(keep_commands_whole(body, run_on=False)))
        self.query_one("#page", VerticalScroll).scroll_home(animate=False)
        self._targets = [target for target, _ in links]
        links_list.clear_options()
        links_list.add_options([Option(line) for _, line in links])
        if links:
            links_list.highlighted = 0
        self._show_mode(entry.kind)
        links_list.set_class(not links, "hidden")  # a Netflix-only record has no cast to list
        (links_list if links else self.query_one("#page")).focus()

    def open(self, entry: Entry, remember: bool = True) -> None:
        """Show an entry; with ``remember`` the one shown before goes on the history."""
        if remember and entry != self.current:
            self.history.append(self.current)
        self.current = entry
        self.refresh_bindings()
        if entry.kind == "search":
            self._set_search_text(entry.key)
            self._render_search(entry.key)
            self.sub_title = ""
            self.action_focus_list()
        else:
            if not remember:  # back on a page: the box shows the search that led to it
                searches = [e.key for e in self.history if e.kind == "search"]
                self._set_search_text(searches[-1] if searches else "")
            self._render_page(entry)

    def _set_search_text(self, text: str) -> None:
        """Put ``text`` in the search box without searching for it."""
        search = self.query_one("#search", Input)
        if search.value != text:
            with search.prevent(Input.Changed):
                search.value = text

    # --- events ------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.current.kind == "search":
            self.current = Entry("search", event.value)  # typing refines, it is not a step
            self._render_search(event.value)
        else:
            self.history.append(self.current)
            self.current = Entry("search", event.value)
            self._render_search(event.value)
            self.sub_title = ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results_list = self.query_one("#results", OptionList)
        if self._results:
            self.open(self._results[results_list.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        targets = self._results if event.option_list.id == "results" else self._targets
        if 0 <= event.option_index < len(targets):
            self.open(targets[event.option_index])

    # --- actions -----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        search = self.query_one("#search", Input)
        search.focus()
        search.action_select_all()

    def action_focus_list(self) -> None:
        if self.current.kind == "search":
            if self._results:  # not a list holding only why nothing matched
                self.query_one("#results", OptionList).focus()
        else:
            self.query_one("#links").focus()

    def action_go_back(self) -> None:
        if self.history:
            self.open(self.history.pop(), remember=False)
        elif self.current.kind == "search" and self.current.key.strip():
            # Nothing to go back to: Esc clears what was typed, as in a search field, and a
            # second Esc leaves
            self.open(Entry("search", ""), remember=False)
            self.query_one("#search", Input).focus()
        elif self.current.kind == "search":
            self.exit()  # Esc on the empty first screen leaves, as in other finders

    def action_interrupt(self) -> None:
        self.exit(return_code=self.INTERRUPTED)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "s Seen" only on a title's page, "u Undo seen" only while a mark can be taken back
        (elsewhere each letter goes on searching: on_key)."""
        if action == "undo_seen":
            return self.engine.can_undo()
        if action == "mark_seen":  # on a title's page; on the results, s is a letter to search
            return self.current.kind == "title"
        return True

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the results or on a page, where no key is bound to it, goes on
        searching as typed in the box would (a fan types the next search without "/" first);
        Backspace on the results takes the last letter off the search, not the whole of it."""
        search = self.query_one("#search", SearchBox)
        if self.focused is search:
            return
        if event.key == "backspace" and self.current.kind == "search" and self._on_results():
            text = search.value[:-1]
        else:
            letter = event.character
            if not letter or not letter.isprintable() or letter == "/":
                return
            action = _LETTER_ACTIONS.get(letter)
            if action is not None and self.check_action(action, ()):
                return  # the key's own action (s on a title's page, u after a mark)
            kept = search.value if self.current.kind == "search" else ""  # a page: a new search
            text = kept + letter
        event.prevent_default()
        event.stop()
        search.typed_into = True  # its focus keeps the cursor after the text, selecting none
        search.focus()
        search.value = text
        search.cursor_position = len(text)

    def _render_in_place(self) -> None:
        """The page drawn again (its seen line changed), where it was: scrolled as it was,
        the same link highlighted, the focus where it was (s lost all three)."""
        page = self.query_one("#page", VerticalScroll)
        links = self.query_one("#links", OptionList)
        scrolled, highlighted, focused = page.scroll_y, links.highlighted, self.focused
        self._render_page(self.current)
        if highlighted is not None and highlighted < links.option_count:
            links.highlighted = highlighted
        if focused is not None and focused.is_attached:
            focused.focus()
        page.call_after_refresh(page.scroll_to, y=scrolled, animate=False)

    def _on_results(self) -> bool:
        return self.focused is self.query_one("#results", OptionList)

    def action_mark_seen(self) -> None:
        """The title shown: the season it is open at, else every released season (as `kdrama
        seen add` with or without --season). Only on a title's page (check_action): on the
        results, s is a letter of the search being typed."""
        if self.current.kind != "title":
            return
        target = self.current
        try:
            message = self.engine.mark_seen(target.key, target.season)
        except ValueError as error:
            # markup=False: a notice names a title or a file ("[/]" in either is no markup)
            self.notify(str(error), severity="error", markup=False)
            return
        self.refresh_bindings()
        self.notify(f"{message} · u undoes" if self.engine.can_undo() else message, markup=False)
        self._render_in_place()

    def action_undo_seen(self) -> None:
        """The last mark taken back off the seen list (s on a title typed by mistake)."""
        try:
            message = self.engine.undo_seen()
        except ValueError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.refresh_bindings()
        if message is None:
            return
        self.notify(message, markup=False)
        if self.current.kind == "title":
            self._render_in_place()

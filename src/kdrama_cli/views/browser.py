"""`kdrama browse`: the interactive browser, a Textual app over the same answers as the commands.

One engine, two front ends: this module never asks the catalogue a question and never reads or
writes a file. The command (``commands/browse.py``) hands it an :class:`Engine` whose methods ask
the ``answers`` layer and keep the seen list; the browser shows the records those return with
the very renderables ``kdrama show``, ``kdrama person`` and ``kdrama search`` print.

Only ``commands/browse.py`` imports this module (inside the command), so no other command pays
for Textual, and without the ``tui`` extra nothing else notices it is missing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar, Literal, Protocol

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kdrama_cli.answers.person_page import PersonDetail
from kdrama_cli.answers.search import SearchAnswer, SearchResult, TitleFound
from kdrama_cli.answers.seen import SeenCredit
from kdrama_cli.answers.show_page import ShowDetail
from kdrama_cli.views.pasteable import Unjoined, keep_commands_whole
from kdrama_cli.views.text import (
    LAYER_CREDIT_MARK,
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

    def titles_found(self, results: Sequence[SearchResult]) -> Mapping[str, TitleFound]:
        """The kind and year of each title among the results, by slug."""
        ...

    def examples(self) -> Sequence[str]:
        """Two or three searches of the catalogue in use to offer before anything is typed."""
        ...

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


def results_heading(answer: SearchAnswer) -> str:
    """'50 of 465 results', as search's page says what its limit cut ('3 results' when none
    was), and how many matches it left out as spoilers ('2 hidden as spoilers'): the list's
    first line names the command line that shows them (hidden_line)."""
    shown = len(answer.results)
    said = count_of(shown, "result")
    if answer.total > shown:
        said = f"{shown} of {count_of(answer.total, 'result')}"
    if answer.hidden:
        said += f" · {answer.hidden} hidden as {'a spoiler' if answer.hidden == 1 else 'spoilers'}"
    return said


def hidden_line(answer: SearchAnswer, query: str) -> Option | None:
    """The list's line of the matches left out as spoilers, in search's words, with the
    command line that lists them (browse has no --spoilers): a line of the list, which wraps,
    where the list's heading cut the command at 80 columns ("kdrama search --spoiler…")."""
    if not answer.hidden:
        return None
    return Option(Text(hidden_matches(answer.hidden, query), style="dim"), disabled=True)


def result_entry(result: SearchResult) -> Entry:
    """Where a search result leads: a person's page, else a title's, at the season the
    query named when it named one."""
    if result.kind == "person":
        return Entry("person", result.target)
    return Entry("title", result.target, result.season)


def result_prompt(result: SearchResult, found: TitleFound | None = None) -> Text:
    """One search result as a line of the list: the label (a title's year, or when Netflix
    released a title held only as its record), who plays a character, the kind (a title's
    own: series, film, special...), and what matched where the line does not show it."""
    line = Text()
    line.append(clean(result.label), "bold")
    if result.season is not None:
        line.append(f" · Season {result.season}", "bold")
    elif found is not None and found.year:  # the title's year, not the season named's
        line.append(f" ({found.year})")
    elif found is not None and found.netflix_since:
        line.append(f" (on Netflix since {found.netflix_since})")
    if result.actor:
        seasons = seasons_label(result.seasons)
        line.append(f"  played by {clean(result.actor)}" + (f" ({seasons})" if seasons else ""))
    kind = result.kind
    if found is not None and found.kind != "unknown":
        kind = found.kind  # a making-of (special) from the show (series)
    line.append(f"  {kind}", "cyan")
    said = match_said(result)
    if said:
        line.append(f" · {clean(said)}", "dim")
    return line


#: How a title found by something other than its names says so ("genre: zombie", "platform:
#: Netflix", "adapted from a webtoon"): shown beside it, whatever its name.
_FOUND_BY_WHAT_IT_IS = ("genre:", "synopsis:", "platform:", "kind:", "adapted from ")


def match_said(result: SearchResult) -> str | None:
    """What matched, as `kdrama search`'s Matched column gives it, where the line does not
    show it already: a Hangul title or name ("Korean title: 김씨 표류기"), an alias, a cast
    note, a genre; and why a title lacks the season asked for ("the catalogue has season 1,
    not season 2"). None when the name the line shows is what matched ("character:
    Lee Byung-chan" beside "Lee Byung-chan in All of Us Are Dead")."""
    matched = result.matched
    if not matched:
        return None
    if matched.startswith(_FOUND_BY_WHAT_IT_IS):
        return matched
    head, _, why = matched.partition("; ")  # "title: The Glory; the catalogue has season 1..."
    _, colon, name = head.partition(": ")
    if result.season is not None:  # the line says " · Season 2"
        name = name.removesuffix(f", season {result.season}")
    shown = clean(result.label).casefold()
    # a source work's match says what kind of work it is ("webtoon title: The Lantern Room")
    named = colon and clean(name).casefold() in shown and result.kind != "source work"
    if named or head == result.kind:
        head = ""
    return "; ".join(part for part in (head, why) if part) or None


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
        # a season not out yet is announced, as the title's cast rows and `kdrama person`
        # mark it, never given as released
        seasons = partial(credit_seasons, announced=row.announced)

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
        if row.layers:  # a credit a layer gave, as the page's table marks it
            line.append(f" {LAYER_CREDIT_MARK}", "dim")
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
_LETTER_ACTIONS = {"s": "mark_seen", "u": "undo_seen", "?": "keys_here"}

#: The keys, as the in-app list (F1, ?) gives them; `kdrama browse --help` and README's table
#: say the same (a test holds them to it).
KEYS: tuple[tuple[str, str], ...] = (
    (
        "type",
        "search titles, people and characters (as kdrama search); a letter typed on "
        "the results or a page searches too, but for s and u where they mark",
    ),
    ("↓", "from the search box to the results (on a page, to its links)"),
    ("Enter", "open the result, the cast row's person or the credit's title"),
    ("Tab, Shift+Tab", "between the search box, the page and its links"),
    ("↑ ↓ PgUp PgDn", "move in a list, scroll the page"),
    (
        "Esc, Bksp",
        "back (the history); with nothing to go back to, Esc clears the search "
        "box, and on an empty one quits; Bksp on the results takes the last letter off",
    ),
    ("/", "the search box, the old query selected: typing replaces it"),
    ("s", "on a title's page, mark it seen (the season it is open at, else every released season)"),
    ("u", "after a mark, take it back off the seen list"),
    ("F1, ?", "this list (? off the search box; in it, ? is typed)"),
    ("Ctrl+Q", "quit"),
    ("Ctrl+C", "quit with status 130"),
)


class KeysScreen(ModalScreen[None]):
    """The keys (F1, or ? off the search box): any of Esc, F1, ?, Enter or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,enter,q", "dismiss", "Close"),
    ]
    CSS = """
    KeysScreen { align: center middle; }
    #keys { width: 90; max-width: 100%; height: auto; max-height: 100%;
            border: round $accent; background: $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, does in KEYS:
            table.add_row(key, does)
        with VerticalScroll(id="keys"):
            yield Static(table)
        yield Footer()  # its own: the page's under it would offer keys this list takes

    def on_mount(self) -> None:
        keys = self.query_one("#keys", VerticalScroll)
        keys.border_title = "Keys"
        keys.border_subtitle = "Esc closes"


def _input_edits() -> dict[str, str]:
    """Input's own keys that edit the text or move the cursor (Backspace, Delete, the arrows,
    Home, End and their Ctrl forms), each key to its action."""
    edits = ("cursor_", "delete_", "home", "end", "select_all")
    return {
        key.strip(): binding.action
        for binding in Input.BINDINGS
        if isinstance(binding, Binding) and binding.action.startswith(edits)
        for key in binding.key.split(",")
    }


class SearchBox(Input):
    """The search field; Down moves to the results. Focused by Tab, it selects what it holds
    (typing replaces it); focused by a letter typed elsewhere (Browser.on_key), it keeps the
    cursor after that letter, so that the next ones follow it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open"),
        # one key, each label where its action is on (Browser.check_action): no "Results"
        # with none to move to
        Binding("down", "app.focus_list", "Results"),
        Binding("down", "app.focus_links", "Links"),
        Binding("tab", "app.focus_page", "Page"),  # a page is open behind the box
    ]
    #: Set by the browser as it hands a typed letter over: the coming focus selects nothing.
    typed_into = False
    #: Input's editing keys, run as each arrives (_on_key).
    EDITS: ClassVar[dict[str, str]] = _input_edits()

    async def _on_key(self, event: events.Key) -> None:
        # Textual inserts a letter where it arrives but runs a key's binding only once the key
        # has gone up to the app, behind the letters typed after it: "squid", Backspace, "x"
        # read at once (a fast typist, or keys read while a search draws) gave "squid", the x
        # typed and then taken off. Run here, each edit comes in the order typed.
        action = self.EDITS.get(event.key)
        if action is None:
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "⏎ Open" with nothing to open: the screen before a search, or no match."""
        if action == "submit":
            return bool(getattr(self.app, "_results", True))
        return super().check_action(action, parameters)

    def _on_focus(self, event: events.Focus) -> None:
        # Textual calls Input's own handler after this one: it selects only where asked to
        if self.typed_into:
            self.typed_into = False
            self.select_on_focus = False
            self.call_later(setattr, self, "select_on_focus", True)


class Links(OptionList):
    """The search results, a title's cast and crew, a person's credits: Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open"),
        # the links' page, to scroll it ("⇧tab": the footer holds every key at 80 columns)
        Binding("shift+tab", "app.focus_page", "Page", key_display="⇧tab"),
    ]


class Page(VerticalScroll):
    """A title's or a person's page. Enter opens nothing here: Tab moves to the links under
    it, and the footer says so by what they are."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_links", "Cast"),
        Binding("tab", "app.focus_credits", "Credits"),
    ]


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
        # Esc, by what it does there (check_action): back through the history; with none,
        # it clears what was typed, and on an empty first screen it quits
        Binding("escape", "go_back", "Back"),
        Binding("escape", "clear_search", "Clear"),
        Binding("escape", "leave", "Quit"),
        Binding("backspace", "go_back", "Back", show=False),
        Binding("f1", "keys", "Keys"),
        Binding("question_mark", "keys_here", "Keys", show=False),  # typed in the box: a ?
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
    #: The exit status of a SIGTERM (`kill`), 128 + 15, as a shell gives a command it ended.
    TERMINATED = 143

    def __init__(self, engine: Engine, query: str = "") -> None:
        super().__init__()
        self.engine = engine
        self.initial_query = query
        self.current: Entry = Entry("search", query)
        self.history: list[Entry] = []
        #: What the results or the links list leads to, by option index.
        self._targets: list[Entry] = []
        self._results: list[Entry] = []
        #: The option of the first result (1 under the line of matches hidden as spoilers).
        self._results_from = 0
        self._example_searches: tuple[str, ...] | None = None

    def compose(self) -> ComposeResult:
        yield SearchBox(
            value=self.initial_query,
            placeholder="Search titles, people, characters…",
            id="search",
        )
        yield Links(id="results")
        with Page(id="page", classes="hidden"):
            yield Static(id="body")
        yield Links(id="links", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self._render_search(self.initial_query)
        self.query_one("#search", Input).focus()
        self._leave_on_signals()

    def _leave_on_signals(self) -> None:
        """`kill` (SIGTERM) and an interrupt sent as a signal (`kill -INT`) leave as Ctrl+Q
        and Ctrl+C do, the terminal given back: SIGTERM ended the process with the screen in
        raw mode, on the alternate screen, reporting the mouse, and a SIGINT exited 0."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for number, status in (
            (signal.SIGTERM, self.TERMINATED),
            (signal.SIGINT, self.INTERRUPTED),
        ):
            # a signal the process was started ignoring (nohup) stays ignored
            with contextlib.suppress(ValueError):  # outside the main thread: no handler to ask
                if signal.getsignal(number) is signal.SIG_IGN:
                    continue
            # not on Windows, nor where the loop runs outside the main thread
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, partial(self.exit, return_code=status))

    # --- showing an entry --------------------------------------------------------------------

    def _render_search(self, query: str) -> None:
        results_list = self.query_one("#results", OptionList)
        answer = self.engine.search(query, RESULTS) if query.strip() else SearchAnswer([])
        results = answer.results
        self._results = [result_entry(result) for result in results]
        found = self.engine.titles_found(results) if results else {}
        results_list.clear_options()
        # the matches hidden as spoilers, first: a line after the results is never shown by
        # moving to the last of them
        hidden = hidden_line(answer, query)
        self._results_from = int(hidden is not None and bool(results))
        if self._results_from:
            results_list.add_option(hidden)
        results_list.add_options(
            [
                Option(
                    result_prompt(
                        result, found.get(result.target) if result.kind == "title" else None
                    )
                )
                for result in results
            ]
        )
        # Text, not str: Textual reads a str title as markup, and what was typed ("[/") is
        # no markup
        if results:
            results_list.highlighted = self._results_from
            results_list.border_title = Text(f"{results_heading(answer)} · Enter opens")
        elif query.strip():
            said = f"Nothing matches {clean(query)!r}"
            if answer.hidden:
                said += f" · {results_heading(answer).removeprefix('0 results · ')}"
            results_list.border_title = Text(said)
            # what `kdrama search` says of it: the titles meant, or the command that answers
            # what was asked ('squid game cast'), a line of the list that opens nothing
            if hidden is not None:
                results_list.add_option(hidden)
            else:
                why = nothing_matches(query, answer.nearest, answer.instead)
                results_list.add_option(Option(Text(clean(why), style="dim"), disabled=True))
        else:
            results_list.border_title = "Type to search the catalogue"
            # what to type, from the catalogue in use: a title, a person, a character
            examples = self._examples()
            if examples:
                said = "Titles, people and characters, for example:"
                results_list.add_option(Option(Text(said, style="dim"), disabled=True))
                for example in examples:
                    results_list.add_option(Option(Text(f"  {clean(example)}"), disabled=True))
            results_list.add_option(Option(Text("F1 lists the keys.", style="dim"), disabled=True))
        self._show_mode("search")
        self.refresh_bindings()  # "↓ Results" only with results to move to

    def _examples(self) -> Sequence[str]:
        if self._example_searches is None:
            self._example_searches = tuple(self.engine.examples())
        return self._example_searches

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
        if event.value != event.input.value:
            # Typed faster than the results are drawn: the box has moved on (a later Changed
            # is on its way), or Esc, / or Backspace set it since. Searching for what it no
            # longer holds would lag a burst of keys by a search each, and redraw results (and
            # the query Esc acts on) for a search the box no longer shows.
            return
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
            highlighted = results_list.highlighted or self._results_from
            self.open(self._results[max(highlighted - self._results_from, 0)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        targets, index = self._targets, event.option_index
        if event.option_list.id == "results":
            targets, index = self._results, index - self._results_from
        if 0 <= index < len(targets):
            self.open(targets[index])

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

    def action_clear_search(self) -> None:
        """Nothing to go back to: Esc clears what was typed, as in a search field, and a
        second Esc leaves."""
        self.open(Entry("search", ""), remember=False)
        self.query_one("#search", Input).focus()

    def action_leave(self) -> None:
        self.exit()  # Esc on the empty first screen leaves, as in other finders

    def action_focus_links(self) -> None:
        self.query_one("#links").focus()

    def action_focus_credits(self) -> None:
        self.query_one("#links").focus()

    def action_focus_page(self) -> None:
        self.query_one("#page").focus()

    def action_keys(self) -> None:
        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen())

    def action_keys_here(self) -> None:
        self.action_keys()

    def action_interrupt(self) -> None:
        self.exit(return_code=self.INTERRUPTED)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key offered where it does something, and by what it does there: "s Seen"
        only on a title's page, "u Undo seen" only while a mark can be taken back (elsewhere
        each letter goes on searching: on_key); Esc "Back", "Clear" or "Quit"; "↓ Results"
        only with results; Tab "Cast" or "Credits" from a page to its links."""
        if isinstance(self.screen, KeysScreen) and action not in ("quit", "interrupt"):
            return False  # the list of keys takes its own (and Ctrl+Q, Ctrl+C still quit)
        if action == "undo_seen":
            return self.engine.can_undo()
        if action == "mark_seen":  # on a title's page; on the results, s is a letter to search
            return self.current.kind == "title"
        searching = self.current.kind == "search"
        if action == "go_back":
            return bool(self.history)
        if action == "clear_search":
            return not self.history and searching and bool(self.current.key.strip())
        if action == "leave":
            return not self.history and searching and not self.current.key.strip()
        if action == "focus_list":  # ↓ from the box: to results there are
            return searching and bool(self._results)
        if action in ("focus_links", "focus_credits"):
            # ↓ from the box to a page's links; Tab from the page to them says what they
            # are: "Cast" on a title's page, "Credits" on a person's
            if searching or self._links_hidden():
                return False
            from_page = self.focused is not None and self.focused.id == "page"
            if action == "focus_credits":
                return from_page and self.current.kind == "person"
            return not from_page or self.current.kind == "title"
        if action == "focus_page":  # Tab from the box, Shift+Tab from the links
            return not searching
        if action in ("keys_here", "focus_search"):
            # in the search box, ? and / are characters to search: neither is offered there
            return self.focused is None or self.focused.id != "search"
        return True

    def _links_hidden(self) -> bool:
        links = self.query("#links")
        return not links or links.first().has_class("hidden")

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the results or on a page, where no key is bound to it, goes on
        searching as typed in the box would (a fan types the next search without "/" first);
        Backspace on the results takes the last letter off the search, not the whole of it."""
        if isinstance(self.screen, KeysScreen):
            return  # its own keys close it; the search under it is not typed into
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

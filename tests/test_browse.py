"""`kdrama browse`: the Textual browser, driven with Textual's pilot on the made-up dataset."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, KDRAMA, MINI, REPO, Run, flat
from tests.made_up import film

pytest.importorskip("textual")  # in the test extra: CI runs these; a bare install skips them

from rich.console import Console  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input, OptionList  # noqa: E402

from kdrama_cli.app import App  # noqa: E402
from kdrama_cli.commands.browse import BrowseEngine  # noqa: E402
from kdrama_cli.views.browser import Browser, Entry, TitlePage, title_renderable  # noqa: E402

SNAPSHOT = FIXTURES / "browse-80x24.txt"

Script = Callable[[Browser, Pilot[None]], Awaitable[None]]


@pytest.fixture
def seen_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "seen.toml"
    monkeypatch.setenv("KDRAMA_SEEN", str(path))
    return path


def browser(query: str = "", layers: tuple[str, ...] = (), data: Path = MINI) -> Browser:
    return Browser(BrowseEngine(App(data=str(data), add_data=layers)), query)


def drive(
    script: Script,
    query: str = "",
    size: tuple[int, int] = (80, 24),
    layers: tuple[str, ...] = (),
    data: Path = MINI,
) -> Browser:
    """Run the browser headless at ``size`` and play ``script`` against it."""
    app = browser(query, layers, data)
    # Scrolling ("end", page down) is instant, so a pause sees where it ends even on a busy
    # machine; an animated scroll may still be under way when the screen is read.
    app.animation_level = "none"

    async def main() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await script(app, pilot)

    asyncio.run(main())
    return app


def screen_text(app: Browser) -> str:
    """What the terminal shows now, as plain text (as the pilot's screenshot draws it)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def flat_title_page(page: TitlePage, width: int = 120) -> str:
    """The browser's title page drawn at ``width``, its words on one line."""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(title_renderable(page))
    return " ".join(console.file.getvalue().split())  # type: ignore[attr-defined]


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def test_typing_lists_titles_people_and_characters_as_search_does(run: Run) -> None:
    shown: dict[str, str] = {}

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"han")
        shown["han"] = screen_text(app)
        await press(pilot, "down")  # to the results; there "/" goes back to the search box
        await press(pilot, "slash", *"cha eun-bi")  # the old query is selected: typing replaces
        shown["character"] = screen_text(app)

    drive(script)
    assert "Han Ji-won" in shown["han"] and "person" in shown["han"]
    # The same matching as `kdrama search`: its first hit is the browser's first row.
    cli = run("search", "cha eun-bi").output
    assert "Cha Eun-bi" in cli
    assert "Cha Eun-bi" in shown["character"]
    assert "played by Han Ji-won" in shown["character"]
    assert "character" in shown["character"]


def test_enter_opens_the_title_with_the_show_page_and_its_cast(run: Run) -> None:
    shown: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit")
        await press(pilot, "enter")
        assert app.current == Entry("title", "moonlit-hallway")
        shown.append(screen_text(app))
        app.query_one("#page").focus()
        await press(pilot, "end")
        shown.append(screen_text(app))

    drive(script, size=(100, 60))
    page = run("show", "moonlit-hallway").output
    top, bottom = shown
    assert "Moonlit Hallway" in top and "달빛 복도" in top
    # The cast rows to follow, with their characters.
    for name in ("Han Ji-won", "as Cha Eun-bi", "Minho", "Kang Bo-ra", "Oh Tae-yang"):
        assert name in top
    assert "Cast and crew" in top
    # The page is `kdrama show`'s: its section headings and its last source line.
    for heading in ("Seasons", "Source", "Main cast", "Figures", "Facts", "Sources"):
        assert heading in page and heading in top + bottom
    last_line = [line for line in page.splitlines() if line.strip()][-1].strip()
    assert last_line[:40] in bottom


def test_a_narrow_page_names_no_command_line_option() -> None:
    """The browser has no --csv or --json: a table that leaves columns out says only that a
    wider terminal shows them."""
    shown: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit")
        await press(pilot, "enter")
        shown.append(screen_text(app))

    drive(script, size=(44, 200))
    page = " ".join(shown[0].split())
    assert "Left out at 44 columns: Src (a wider terminal shows it)." in page
    assert "has every column" not in page


def test_cast_row_opens_the_person_and_a_credit_the_title_with_history() -> None:
    seen: list[Entry] = []
    texts: list[str] = []
    focused: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")  # the title
        await press(pilot, "down", "down", "enter")  # its third cast row: Kang Bo-ra
        seen.append(app.current)
        texts.append(screen_text(app))
        await press(pilot, "enter")  # her first credit: River of Lanterns (2021)
        seen.append(app.current)
        await press(pilot, "escape")
        seen.append(app.current)
        await press(pilot, "backspace")
        seen.append(app.current)
        await press(pilot, "escape")
        seen.append(app.current)
        texts.append(screen_text(app))
        await press(pilot, "escape")  # nothing further back: clears the search box
        seen.append(app.current)
        texts.append(screen_text(app))
        focused.append(app.focused and app.focused.id)

    drive(script)
    kang = Entry("person", "kang-bora")
    assert seen[0] == kang
    assert "Kang Bo-ra" in texts[0] and "강보라" in texts[0] and "Credits" in texts[0]
    assert "River of Lanterns (2021)  as Captain Yun" in texts[0]
    assert seen[1] == Entry("title", "river-of-lanterns")
    moonlit, search = Entry("title", "moonlit-hallway"), Entry("search", "moonlit")
    assert seen[2:] == [kang, moonlit, search, Entry("search", "")]
    assert "Moonlit Hallway" in texts[1] and "1 result ·" in texts[1]
    # Esc with nothing further back empties the box, ready for typing; the app stays open
    assert "Type to search the catalogue" in texts[2] and "1 result ·" not in texts[2]
    assert focused == ["search"]


def test_a_person_page_lists_the_credits_once_one_line_per_title() -> None:
    """The credits are the list of links (Enter opens one), so the page above it does not
    print them as a table too; a title with a role and a crew credit is one line."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        app.open(Entry("person", "kang-bora"))
        await pilot.pause()
        texts.append(screen_text(app))

    drive(script, size=(100, 40))
    screen = texts[0]
    assert screen.count("Teacher Lim") == 1 and screen.count("Captain Yun") == 1
    assert "Moonlit Hallway (2022)  as Teacher Lim  supporting  also writer  S1  [2]" in screen
    assert "Credits in this catalogue" in screen and "Src" not in screen


def test_slash_focuses_the_search_and_typing_from_a_page_can_be_undone() -> None:
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")
        await press(pilot, "slash")
        states.append(app.focused and app.focused.id)
        await press(pilot, *"minho")
        states.append(app.current)
        await press(pilot, "down", "enter")
        states.append(app.current)
        await press(pilot, "escape", "escape")
        states.append(app.current)

    drive(script)
    assert states[0] == "search"
    # "/" selects the old query, so typing replaces it.
    assert states[1] == Entry("search", "minho")
    assert states[2] == Entry("person", "seo-minho")
    assert states[3] == Entry("title", "moonlit-hallway")


def test_s_marks_the_title_seen_and_the_page_says_so(seen_file: Path, run: Run) -> None:
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")
        await press(pilot, "s")
        texts.append(screen_text(app))

    drive(script)
    assert seen_file.read_text(encoding="utf-8").count("moonlit-hallway") == 1
    assert "Seen: Moonlit Hallway S1" in texts[0]  # the notice
    assert "✓ Seen: S1" in texts[0]  # the page
    listed = run("seen", "list", env={"KDRAMA_SEEN": str(seen_file)}).output
    assert "Moonlit Hallway" in listed


def test_a_season_named_in_the_search_opens_that_season_as_show_season_does(
    seen_file: Path, run: Run
) -> None:
    """ "moonlit hallway 2" leads to `kdrama show moonlit-hallway --season 2`: the result says
    the season, Enter opens the season's page, and s marks that season, not the whole title
    (here a season not yet released, which cannot be marked)."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        texts.append(screen_text(app))
        await press(pilot, "enter")
        assert app.current == Entry("title", "moonlit-hallway", 2)
        assert app.sub_title == "Moonlit Hallway · Season 2"
        texts.append(screen_text(app))
        await press(pilot, "s")
        texts.append(screen_text(app))

    drive(script, query="moonlit hallway 2", size=(100, 60))
    results, page, after_s = texts
    assert "Moonlit Hallway · Season 2" in results
    cli = run("show", "moonlit-hallway", "--season", "2").output
    assert "Season 2 is renewed, not released" in cli
    assert "Season 2 is renewed, not released" in " ".join(page.split())
    assert "2022-01-28" not in page  # season 1's release: not on season 2's page
    assert not seen_file.exists()  # nothing marked: season 2 is not released
    assert "season 2" in after_s.lower() and "Seen: Moonlit Hallway" not in after_s
    whole = BrowseEngine(App(data=str(MINI))).title("moonlit-hallway")
    assert [season.number for season in whole.detail.seasons] == [1, 2]


def test_s_adds_to_the_seen_file_as_it_is_now_not_the_copy_read_at_start(
    seen_file: Path, run: Run
) -> None:
    """Browse read the list when it opened; another kdrama then changed the file. Marking a
    title keeps that change (the review's lost `kingdom` and revived `train-to-busan`)."""
    env = {"KDRAMA_SEEN": str(seen_file)}
    run("seen", "add", "night-train", env=env)
    engine = BrowseEngine(App(data=str(MINI)))
    assert engine.app.seen() == {"night-train": ()}  # what the browser read when it opened
    run("seen", "add", "river-of-lanterns", env=env)  # another terminal, meanwhile
    run("seen", "remove", "night-train", env=env)
    assert engine.mark_seen("moonlit-hallway") == "Seen: Moonlit Hallway S1"
    listed = {e["show"] for e in json.loads(run("seen", "list", "--json", env=env).stdout)}
    assert listed == {"river-of-lanterns", "moonlit-hallway"}
    assert engine.title("moonlit-hallway").seen == (1,)


def test_s_on_a_seen_file_written_afresh_says_its_comments_went(seen_file: Path) -> None:
    """The browser's notice says what `seen add` warns of: a file tomlkit cannot edit in place
    (arrays nested 200 deep) is written whole, its comments lost."""
    seen_file.write_text("# mine\nx = " + "[" * 200 + "]" * 200 + "\n[seen]\n", encoding="utf-8")
    engine = BrowseEngine(App(data=str(MINI)))
    assert engine.mark_seen("moonlit-hallway") == (
        f"Seen: Moonlit Hallway S1; could not edit {seen_file} in place: kept your list but not "
        "its comments or layout"
    )
    assert "moonlit-hallway = [1]" in seen_file.read_text(encoding="utf-8")


def test_letters_typed_off_the_search_box_go_on_searching_and_q_is_one() -> None:
    """Typing "squid" on a page marked the title seen (s) and quit (q): a letter typed on the
    results or a page goes to the search box (on a page, a new search), q among them; s is
    still the seen key, and u takes its mark back. Backspace on the results took the whole
    query away: it takes the last letter."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "down")  # to the results: a letter there goes on with the search
        await press(pilot, *"lit")
        states.append((app.current, app.focused and app.focused.id, app.is_running))
        await press(pilot, "down", "backspace")
        states.append((app.current, app.focused and app.focused.id))
        await press(pilot, "enter", "down")  # a page, the focus on its links
        await press(pilot, *"river")
        states.append((app.current, app.is_running))

    app = drive(script, query="moon")
    assert states[0] == (Entry("search", "moonlit"), "search", True)
    assert states[1] == (Entry("search", "moonli"), "search")
    assert states[2] == (Entry("search", "river"), True)
    assert app.return_code is None


def test_u_takes_the_last_seen_mark_back(seen_file: Path) -> None:
    """A mistyped s wrote to the seen list with no way back but `kdrama seen remove`: the
    notice says u undoes it, and u takes off what the mark added (the title, when it was not
    listed before; else only the seasons it added)."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")
        await press(pilot, "s")
        texts.append(screen_text(app))
        texts.append(seen_file.read_text(encoding="utf-8"))
        await press(pilot, "u")
        texts.extend(notice.message for notice in app._notifications)

    drive(script)
    assert "Seen: Moonlit Hallway S1 · u undoes" in texts[0]
    assert "moonlit-hallway = [1]" in texts[1]
    assert "Removed: Moonlit Hallway" in texts[2:]  # as `kdrama seen remove` says it
    assert "moonlit-hallway" not in seen_file.read_text(encoding="utf-8")
    seen_file.write_text("[seen]\nriver-of-lanterns = []\n", encoding="utf-8")

    async def again(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter", "s", "u", "u")  # a second u: nothing to undo

    drive(again)
    assert seen_file.read_text(encoding="utf-8").strip() == "[seen]\nriver-of-lanterns = []"


def test_ctrl_c_quits_with_status_130_as_every_command_does() -> None:
    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "ctrl+c")

    app = drive(script, query="moon")  # the focus is in the search box
    assert not app.is_running
    assert app.return_code == 130


def test_ctrl_q_quits_from_the_search_box_and_esc_from_an_empty_one() -> None:
    async def quit_typing(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "ctrl+q")

    app = drive(quit_typing, query="moon")
    assert not app.is_running and app.return_code == 0

    async def escape(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "escape")

    app = drive(escape)
    assert not app.is_running and app.return_code == 0

    # Started with a search typed: the first Esc clears it, the second leaves
    running: list[bool] = []

    async def escape_twice(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "escape")
        running.append(app.is_running)
        await press(pilot, "escape")

    app = drive(escape_twice, query="moon")
    assert running == [True]
    assert not app.is_running and app.return_code == 0


RECORD_ONLY = """[meta]
schema = 1

[[citations]]
id = "netflix-report"
url = "https://example.org/report"
title = "A report"
publisher = "Netflix"

[[shows]]
slug = "paper-moon"
title = "Paper Moon"
kind = "film"
netflix_only = true
sources = ["netflix-report"]
"""


def test_a_person_page_offers_no_seen_key_and_an_empty_cast_box_is_hidden(
    tmp_path: Path,
) -> None:
    footers: list[str] = []
    links_hidden: list[bool] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")  # the title
        footers.append(screen_text(app).rstrip().splitlines()[-1])
        await press(pilot, "down", "down", "enter")  # Kang Bo-ra
        footers.append(screen_text(app).rstrip().splitlines()[-1])
        links_hidden.append(app.query_one("#links").has_class("hidden"))
        app.open(Entry("title", "paper-moon"))  # a title without cast or crew
        await pilot.pause()
        links_hidden.append(app.query_one("#links").has_class("hidden"))

    layer = tmp_path / "record.toml"
    layer.write_text(RECORD_ONLY, encoding="utf-8")
    drive(script, layers=(str(layer),))
    on_title, on_person = footers
    assert "s Seen" in on_title and "^q Quit" in on_title, on_title
    assert "s Seen" not in on_person and "^q Quit" in on_person, on_person
    assert links_hidden == [False, True]


def test_footer_shows_the_keys_and_no_color_is_honoured() -> None:
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        texts.append(screen_text(app).rstrip().splitlines()[-1])
        await press(pilot, "down")  # in the list: letters still search, s among them
        texts.append(screen_text(app).rstrip().splitlines()[-1])
        await press(pilot, "enter")  # a title's page: s marks it seen
        texts.append(screen_text(app).rstrip().splitlines()[-1])

    app = drive(script, query="moon")
    in_search, in_list, on_page = texts
    # Started with a search and nothing to go back to, Esc clears it; in the box, / is typed
    for key in ("↓ Results", "esc Clear", "^q Quit", "f1 Keys"):
        assert key in in_search, in_search
    assert "/ Search" not in in_search and "esc Back" not in in_search
    for key in ("⏎ Open", "/ Search", "esc Clear", "^q Quit"):
        assert key in in_list, in_list
    assert "esc Back" in on_page and "tab" in on_page, on_page
    assert "s Seen" not in in_list and "s Seen" in on_page, on_page
    assert app.no_color  # NO_COLOR=1 from the test environment
    os.environ.pop("NO_COLOR")
    try:
        assert not browser().no_color
    finally:
        os.environ["NO_COLOR"] = "1"


def test_snapshot_80x24() -> None:
    """The search screen at the smallest size it must work at. Regenerate the file with
    KDRAMA_UPDATE_SNAPSHOTS=1 after a deliberate change."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        texts.append(screen_text(app))

    drive(script, query="lantern")
    lines = [line.rstrip() for line in texts[0].splitlines()]
    assert len(lines) == 24 and max(len(line) for line in lines) <= 80
    # The footer is left out: how Textual draws keys changes between its versions (the keys
    # themselves are checked above).
    text = "\n".join(lines[:-1]) + "\n"
    if os.environ.get("KDRAMA_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_without_the_extra_one_line_and_exit_1(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """The line named "pip install 'kdrama-cli[tui]'", which no package index holds (kdrama is
    installed from its checkout): it names the pip of the Python kdrama runs in (walk 41)."""
    monkeypatch.setitem(sys.modules, "textual", None)
    monkeypatch.setattr(sys, "executable", "/home/me/kdrama env/bin/python")
    result = run("browse")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "kdrama: error: browse needs the tui extra: '/home/me/kdrama env/bin/python' -m pip"
        " install 'textual>=6.0'"
    ]


@pytest.mark.parametrize(
    ("python", "line"),
    [
        (
            r"C:\Users\me\kdrama\.venv\Scripts\python.exe",
            r'C:\Users\me\kdrama\.venv\Scripts\python.exe -m pip install "textual>=6.0"',
        ),
        (
            r"C:\Program Files\Python312\python.exe",
            r'"C:\Program Files\Python312\python.exe" -m pip install "textual>=6.0"',
        ),
    ],
)
def test_without_the_extra_on_windows_the_line_is_one_cmd_reads(
    run: Run, monkeypatch: pytest.MonkeyPatch, python: str, line: str
) -> None:
    """On Windows the line was quoted for a POSIX shell: cmd reads no single quotes, so it ran
    no 'C:\\...python.exe' and took the > of 'textual>=6.0' for a redirection to a file
    "=6.0'". It is quoted in double quotes, where quotes are needed."""
    monkeypatch.setitem(sys.modules, "textual", None)
    monkeypatch.setattr(sys, "executable", python)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "")  # no per-user folders: only the error is asked
    result = run("browse")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"kdrama: error: browse needs the tui extra: {line}"


def test_browse_needs_a_terminal(run: Run) -> None:
    result = run("browse")
    assert result.exit_code == 2  # a usage error: exit 1 is for dataset and file errors
    # no Usage block: the command line is right, the place it runs in is not
    assert result.stderr.splitlines() == [
        f"kdrama: error: browse needs a terminal (stdin and stdout); try {KDRAMA} search QUERY"
    ]
    # the line it offers runs: a bare `kdrama search` was itself a usage error (walk36 #1)
    assert run("search").exit_code == 2
    # a query of several words, unquoted as `search` takes it, and named in the command
    words = run("browse", "moonlit", "hallway")
    assert words.exit_code == 2
    assert words.stderr.splitlines() == [
        "kdrama: error: browse needs a terminal (stdin and stdout); try"
        f" {KDRAMA} search 'moonlit hallway'"
    ]


@pytest.mark.parametrize("term", ["dumb", "unknown"])
def test_browse_needs_a_terminal_that_can_draw_a_screen(
    run: Run, monkeypatch: pytest.MonkeyPatch, term: str
) -> None:
    """TERM=dumb (Emacs's M-x shell) on a terminal: the browser took the screen and the
    terminal showed its escape codes as text ("[?1049h[?1000h..."), with no way to read it."""
    import types

    import kdrama_cli.commands.browse as command

    terminal = types.SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(command, "sys", types.SimpleNamespace(stdin=terminal, stdout=terminal))
    ran: list[Browser] = []
    monkeypatch.setattr(Browser, "run", lambda self: ran.append(self))
    result = run("browse", "moonlit", env={"TERM": term})
    assert result.exit_code == 2
    assert ran == []
    assert result.stderr.splitlines() == [
        f"kdrama: error: browse needs a terminal that can draw a screen, and TERM={term} says"
        f" this one cannot; try {KDRAMA} search moonlit"
    ]
    assert run("browse", env={"TERM": "xterm"}).exit_code == 0
    assert len(ran) == 1


def test_other_commands_never_import_textual() -> None:
    code = (
        "import sys\n"
        "from kdrama_cli.cli import cli\n"
        "for args in (['--help'], ['--data', sys.argv[1], 'show', 'moonlit-hallway'],\n"
        "             ['--data', sys.argv[1], 'search', 'moon'], ['browse', '--help']):\n"
        "    try:\n"
        "        cli.main(args, prog_name='kdrama', standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    subprocess.run(
        [sys.executable, "-c", code, str(MINI)], check=True, env=env, stdout=subprocess.DEVNULL
    )


def test_the_browser_asks_no_question_itself() -> None:
    """One engine, two front ends: views/browser.py takes answers' records (and views) only;
    every question goes through the Engine the command gives it."""
    import ast

    source = (REPO / "src" / "kdrama_cli" / "views" / "browser.py").read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kdrama"):
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            assert not any(alias.name.startswith("kdrama") for alias in node.names)
    questions = {name for name in imported if not name.startswith("kdrama_cli.views.")}
    assert questions == {
        "kdrama_cli.answers.person_page.PersonDetail",
        "kdrama_cli.answers.search.SearchAnswer",
        "kdrama_cli.answers.search.SearchResult",
        "kdrama_cli.answers.search.TitleFound",
        "kdrama_cli.answers.seen.SeenCredit",
        "kdrama_cli.answers.show_page.ShowDetail",
    }


def test_a_damaged_index_mid_session_is_answered_from_the_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import kdrama_cli.answers.search as search_answers
    from kdrama_cli.app import App
    from kdrama_cli.commands.browse import BrowseEngine
    from kdrama_cli.store.index import IndexDamaged

    app = App(data=str(MINI))
    engine = BrowseEngine(app)
    real = search_answers.search_answer
    calls: list[str] = []

    def damaged_once(dataset: object, query: str, limit: int | None = None) -> object:
        calls.append(query)
        if len(calls) == 1:
            raise IndexDamaged(str(tmp_path / "index-x.sqlite"), "a row's CRC")
        return real(dataset, query, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(search_answers, "search_answer", damaged_once)
    results = engine.search("moonlit", 5).results
    assert results and len(calls) == 2
    assert app.cache is False  # asked again of the dataset files


def test_browse_says_a_layer_came_through_the_personal_dataset_as_show_and_person_do(
    run: Run, tmp_path: Path
) -> None:
    """The Layer line of a title and of a person a friend's pack (which the personal dataset
    includes) changed is the one `kdrama show` and `kdrama person` print: "(through your
    personal dataset)" after the file (review36 #5)."""
    from kdrama_cli.views.browser import person_renderable
    from tests.test_layer_mends37 import friend_through_personal

    friend = friend_through_personal(tmp_path)
    through = f"{friend} (through your personal dataset)"
    engine = BrowseEngine(App(data=str(MINI)))
    console = Console(width=120, file=io.StringIO(), color_system=None)
    console.print(title_renderable(engine.title("night-train")))
    console.print(person_renderable(engine.person("kang-bora")))
    browsed = flat(console.file.getvalue())  # type: ignore[attr-defined]
    title_line = f"Layers: extended by {through}; named as related by {through}"
    person_line = f"Layer: extended by {through} Credits in this catalogue"
    assert title_line in flat(run("show", "night-train").stdout)
    assert person_line in flat(run("person", "kang-bora").stdout)
    assert title_line in browsed and person_line in browsed, browsed


def test_the_result_list_hides_a_spoiler_cast_note_as_search_does(tmp_path: Path) -> None:
    """Browse lists what `kdrama search` lists: a cast note flagged as a spoiler is no match."""
    data = tmp_path / "spoiler-note.toml"
    data.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'character = "Ko Dae-ho"\nrole = "main"\n',
            'character = "Ko Dae-ho"\nrole = "main"\nnote = "Escapes at dawn."\nspoiler = true\n',
            1,
        ),
        encoding="utf-8",
    )
    engine = BrowseEngine(App(data=str(data)))
    hid = engine.search("escapes at dawn", 10)
    assert (hid.results, hid.hidden) == ([], 1)
    assert [r.label for r in engine.search("ko dae-ho", 10).results] == [
        "Ko Dae-ho in Moonlit Hallway"
    ]


def test_browse_names_the_command_line_that_shows_what_it_hides_as_a_spoiler() -> None:
    """Browse's person page said "1 credit hidden as a spoiler: add --spoilers", and its title
    pages "add --spoilers" for hidden facts and headlines: browse has no such option (nor a
    key), so they name the command line that shows them."""
    from tests.conftest import SHIPPED

    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        app.open(Entry("person", "kim-soo-hyun"))
        await pilot.pause()
        texts.append(screen_text(app))

    app = drive(script, size=(120, 40), data=SHIPPED)
    person = " ".join(texts[0].split())
    assert "1 credit hidden as a spoiler: kdrama person kim-soo-hyun --spoilers" in person
    assert "add --spoilers" not in person
    # in a pane too narrow for the line, the command goes whole to the next line
    drive(script, size=(60, 40), data=SHIPPED)
    lines = [line.strip() for line in texts[1].splitlines()]
    assert "1 credit hidden as a spoiler:" in lines
    assert "kdrama person kim-soo-hyun --spoilers" in lines
    page = flat_title_page(app.engine.title("culinary-class-wars"))
    assert "2 facts hidden as spoilers: kdrama show culinary-class-wars --spoilers" in page
    assert "address hidden as a spoiler: kdrama show culinary-class-wars --spoilers" in page
    assert "add --spoilers" not in page


def test_the_title_page_hides_a_cameo_as_show_does(tmp_path: Path) -> None:
    """Browse draws the `kdrama show` page: with no main cast it listed every credit, a
    flagged surprise cameo too. It leaves it out and names the command line that shows it."""
    from tests.made_up import SUPPORTING_ONLY

    data = tmp_path / "tidal.toml"
    data.write_text(SUPPORTING_ONLY, encoding="utf-8")
    engine = BrowseEngine(App(data=str(data)))
    page = flat_title_page(engine.title("tt"))
    assert "Ferry girl" in page and "Masked Sister" not in page
    assert "1 credit hidden as a spoiler: kdrama show tt --spoilers" in page


def test_the_title_page_does_not_name_a_hidden_cameo_seen_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Browse's title page adds "You have seen them in" as `kdrama show` does: it named Kim
    Soo-hyun's cameo in Hotel Del Luna, which his person page hides as a spoiler."""
    from tests.conftest import SHIPPED

    seen = tmp_path / "seen.toml"
    seen.write_text("[seen]\nhotel-del-luna = [1]\nqueen-of-tears = [1]\n", encoding="utf-8")
    monkeypatch.setenv("KDRAMA_SEEN", str(seen))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    engine = BrowseEngine(App(data=str(SHIPPED)))
    page = flat_title_page(engine.title("queen-of-tears"))
    assert "✓ Seen: S1" in page
    assert "Owner of Hotel Blue Moon" not in page


def test_the_title_page_says_where_you_have_seen_anyone_credited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `kdrama show` does: Park Gyu-young, supporting in Squid Game season 2, went unsaid
    when only the main cast was looked at; Hotel Del Luna's hidden cameo still is."""
    from tests.conftest import SHIPPED

    seen = tmp_path / "seen.toml"
    seen.write_text("[seen]\ncelebrity = [1]\nqueen-of-tears = [1]\n", encoding="utf-8")
    monkeypatch.setenv("KDRAMA_SEEN", str(seen))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    engine = BrowseEngine(App(data=str(SHIPPED)))
    pages = []
    for slug in ("squid-game", "hotel-del-luna"):
        pages.append(flat_title_page(engine.title(slug)))
    assert "Park Gyu-young: Celebrity S1 (as Seo A-ri)" in pages[0]
    assert "Kim Soo-hyun" not in pages[1]


def test_the_title_s_cast_links_give_no_result_and_no_cameo_away(tmp_path: Path) -> None:
    """The links under a title's page listed every credit in the file's order: Physical:
    100's winner first, then the runner-up, and Hotel Del Luna's hidden cameo (Kim Soo-hyun).
    They list what `kdrama cast` lists, in its order: a role whose notes include a withheld
    one by name, the cameo left out."""
    from kdrama_cli.views.browser import title_links
    from tests.conftest import SHIPPED
    from tests.made_up import RESULTS_IN_ORDER

    engine = BrowseEngine(App(data=str(SHIPPED)))
    links = title_links(engine.title("physical-100").detail)
    contestants = [line.plain.split("  ")[0] for _, line in links if "Contestant" in line.plain]
    assert len(contestants) >= 10 and "Woo Jin-yong" in contestants[1:]
    assert contestants == sorted(contestants, key=str.casefold)
    luna = [key for key, _ in title_links(engine.title("hotel-del-luna").detail)]
    assert "iu" in luna and "kim-soo-hyun" not in luna
    layer = tmp_path / "results.toml"
    layer.write_text(RESULTS_IN_ORDER, encoding="utf-8")
    made_up = BrowseEngine(App(data=str(MINI), add_data=(str(layer),)))
    keys = [key for key, _ in title_links(made_up.title("bake-off").detail)]
    assert keys == ["min", "baek", "ahn", "bae", "yoon", "zeon"]


def test_a_title_lists_the_seasons_of_a_credit_that_covers_only_some() -> None:
    """One actor with two credits for one part (Wi Ha-joon: supporting in Squid Game's first
    season, main in the next two) would read as the same line twice: a credit of some seasons
    only says which, and a season not out yet is said to be announced, as the cast table does.
    A credit of every season, and any credit of a one-season title, says none."""
    from kdrama_cli.views.browser import title_links
    from tests.conftest import SHIPPED

    engine = BrowseEngine(App(data=str(SHIPPED)))
    squid = [line.plain for _, line in title_links(engine.title("squid-game").detail)]
    assert "Wi Ha-joon  as Hwang Jun-ho  supporting  S1" in squid
    assert "Wi Ha-joon  as Hwang Jun-ho  main  S2, S3" in squid
    assert "Lee Jung-jae  as Seong Gi-hun  main" in squid
    dead = [line.plain for _, line in title_links(engine.title("all-of-us-are-dead").detail)]
    assert "Yoo In-soo  as Yoon Gwi-nam  main  S1" in dead
    assert "Lee Min-jae  as Yong Ma-ru  main  announced S2" in dead
    film = [line.plain for _, line in title_links(engine.title("train-to-busan").detail)]
    assert film and not any(line.endswith(("S1", "S2")) for line in film)


def test_browse_judges_a_season_netflix_lists_on_the_commands_day(tmp_path: Path) -> None:
    """The browser asks the same answers as `kdrama person` and `show`, on the day the
    command gives it ($KDRAMA_TODAY, as every command): a credit in a season Netflix's Top 10
    lists is out from the day that list ends, on its person page and its title page alike."""
    import datetime as dt

    from tests.test_upcoming import SHARED_ON_NETFLIX

    data = tmp_path / "shows.toml"
    data.write_text(SHARED_ON_NETFLIX, encoding="utf-8")
    for day, colleagues, announced in (
        (dt.date(2026, 11, 21), [], (1,)),
        (dt.date(2026, 11, 30), ["lee-jun-ho"], ()),
    ):
        engine = BrowseEngine(App(data=str(data), cache=False), day)
        detail = engine.person("kim-min-ja").detail
        assert [c.person.id for c in detail.colleagues] == colleagues
        assert {row.show.slug: row.announced for row in detail.titles}["fresh-news"] == announced
        cast = engine.title("fresh-news").detail.cast
        assert {entry.announced_seasons for entry in cast} == {announced}


def test_the_browse_command_hands_its_engine_the_day_kdrama_today_gives(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BrowseEngine's day defaults to the real one; `kdrama browse` must hand it
    $KDRAMA_TODAY, or the browser judges a season Netflix lists on another day than `kdrama
    show` and `person` do, and no test of the engine alone would tell. A value that is no
    date is a usage error before the screen is taken."""
    import datetime as dt
    import types

    import kdrama_cli.commands.browse as command

    terminal = types.SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(command, "sys", types.SimpleNamespace(stdin=terminal, stdout=terminal))
    engines: list[BrowseEngine] = []
    monkeypatch.setattr(Browser, "run", lambda self: engines.append(self.engine))
    assert run("browse", env={"KDRAMA_TODAY": "2026-11-30"}).exit_code == 0
    assert [engine.day for engine in engines] == [dt.date(2026, 11, 30)]
    refused = run("browse", env={"KDRAMA_TODAY": "soon"})
    assert refused.exit_code == 2 and "KDRAMA_TODAY" in refused.stderr
    assert len(engines) == 1


BRACKETED = film("moon-bracket", title="Moon [/] Rise")


def test_brackets_typed_or_in_a_title_are_shown_as_text_not_read_as_markup(
    seen_file: Path, tmp_path: Path
) -> None:
    """Textual reads a str border title or notice as markup: typing "[/" (a closing tag with
    nothing to close) crashed the browser with a MarkupError, and so did marking seen a title
    whose name holds "[/]"; "[b]" vanished from what was shown."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"[/")
        texts.append(screen_text(app))
        await press(pilot, "backspace", "backspace", *"[b]zz")
        texts.append(screen_text(app))
        app.open(Entry("title", "moon-bracket"))
        await pilot.pause()
        await press(pilot, "s")
        texts.append(screen_text(app))

    layer = tmp_path / "bracket.toml"
    layer.write_text(BRACKETED, encoding="utf-8")
    app = drive(script, layers=(str(layer),))
    assert app.return_code in (None, 0)
    typed, tag, marked = texts
    assert "Nothing matches '[/'" in typed
    assert "Nothing matches '[b]zz'" in tag
    assert "Seen: Moon [/] Rise" in marked
    assert "moon-bracket = []" in seen_file.read_text(encoding="utf-8")


def test_a_browser_that_stops_on_an_error_exits_70_as_any_internal_error_does(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual catches an error in the app, prints its traceback and returns; `kdrama browse`
    then exited 0, as if all had gone well. README: 70 is an internal error."""
    import types

    from textual.app import App as TextualApp

    import kdrama_cli.commands.browse as command

    terminal = types.SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(command, "sys", types.SimpleNamespace(stdin=terminal, stdout=terminal))
    monkeypatch.setattr(Browser, "run", lambda self: TextualApp.run(self, headless=True))

    def broken(self: BrowseEngine, query: str, limit: int) -> list[object]:
        raise RuntimeError("a bug in search")

    monkeypatch.setattr(BrowseEngine, "search", broken)
    result = run("browse", "moon")
    assert result.exit_code == 70
    assert "kdrama: internal error: browse stopped on an error" in result.stderr


def test_the_result_list_says_what_its_limit_cut_and_what_it_hid() -> None:
    """Browse lists the first 50 results and headed them "50 results" when 'kim' finds
    hundreds; and it never said that matches were hidden as spoilers, which `kdrama search`
    says. The heading now says both, with the command line that shows what is hidden."""
    from kdrama_cli.answers.search import search_answer
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.catalogue.locations import packaged_dataset
    from kdrama_cli.views.browser import RESULTS, results_heading
    from kdrama_cli.views.text import hidden_matches

    shipped = load_dataset([packaged_dataset()])

    many = search_answer(shipped, "kim", RESULTS)
    assert many.total > RESULTS
    assert results_heading(many) == f"{RESULTS} of {many.total:,} results"
    few = search_answer(shipped, "kingdom", RESULTS)
    assert results_heading(few) == f"{len(few.results)} results"
    assert hidden_matches(3, "winner") == (
        "3 matches hidden as spoilers: kdrama search --spoilers winner"
    )
    assert hidden_matches(1, "-x y") == (
        "1 match hidden as a spoiler: kdrama search --spoilers -- '-x y'"
    )


def test_going_back_to_a_page_shows_the_search_that_led_to_it() -> None:
    """Esc back to a title left a later query in the search box (Squid Game's page under
    "kim soo-hyun"); the box now shows the search that opened the page."""
    values: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")  # the title, from 'moonlit'
        await press(pilot, "slash")
        await press(pilot, *"kang", "enter")  # a later search, and what it opens
        await press(pilot, "escape")  # back to the 'kang' results
        await press(pilot, "escape")  # back to Moonlit Hallway
        values.append(app.query_one("#search", Input).value)
        values.append(app.current.kind)

    drive(script)
    assert values == ["moonlit", "title"]


def test_a_source_address_is_folded_in_the_pane_not_cut() -> None:
    """The pane crops a line a terminal would wrap: a source's address ended at the pane's edge
    ('…/news-emmys-2022-squid-gam') and could not be copied. In browse it is folded at the
    width, every piece of it shown (`kdrama show` keeps it on one line for a terminal to wrap
    and copy whole)."""
    from rich.text import Text

    from kdrama_cli.views.titles import Hanging

    url = "https://example.com/" + "a" * 70
    console = Console(width=60, file=io.StringIO(), record=True, color_system=None)
    console.print(Hanging([("[1]", Text("Example Press"), url)], fold_urls=True))
    address = console.export_text().split("Example Press\n", 1)[1].split()
    assert "".join(address) == url and len(address) == 2
    assert all(len(line) <= 60 for line in console.export_text().splitlines())


def test_a_title_found_by_its_genre_or_platform_says_so_in_the_browser() -> None:
    """Search gives a title found by its genre the kind title; the browser's line kept the
    match ("genre: zombie") only for other kinds, so it lost why #Alive was listed."""
    from kdrama_cli.answers.search import search_answer
    from kdrama_cli.catalogue.loader import load_dataset
    from kdrama_cli.views.browser import result_prompt

    dataset = load_dataset([REPO / "data" / "shows.toml"])
    lines = {
        r.label: result_prompt(r).plain for r in search_answer(dataset, "zombie", limit=200).results
    }
    assert lines["#Alive"].endswith("title · genre: zombie")
    assert lines["Zombie Detective"].endswith("title")  # found by its name: nothing to add
    netflix = search_answer(dataset, "netflix", limit=1).results[0]
    assert result_prompt(netflix).plain.endswith("title · platform: Netflix")


def test_nothing_matched_says_what_search_says_of_it() -> None:
    """The browser's empty result said only "Nothing matches": `kdrama search` says which
    titles were meant, or which command answers what was asked ('lantern hallway cast')."""
    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        texts.append(" ".join(screen_text(app).split()))
        listed = app.query_one("#results", OptionList)
        texts.append(str(listed.get_option_at_index(0).prompt))
        await press(pilot, "down")  # nothing to open: the focus stays in the box
        texts.append(str(app.focused and app.focused.id))

    drive(script, query="moonlit halway")
    assert "Nothing matches 'moonlit halway'" in texts[0]
    assert texts[1].startswith(
        "Nothing in the catalogue matches 'moonlit halway'. Did you mean Moonlit Hallway"
    )
    assert texts[2] == "search"


def test_a_title_page_says_the_rest_of_its_cast_is_in_the_list_below() -> None:
    """The browser's page said "+ 25 more: kdrama cast squid-game" right above a list of
    links that already held all 30: it now points at that list."""
    from tests.conftest import SHIPPED

    engine = BrowseEngine(App(data=str(SHIPPED)))
    page = flat_title_page(engine.title("squid-game"), 100)
    assert "more in the list of cast and crew below" in page
    assert "kdrama cast squid-game" not in page


def test_s_keeps_the_place_on_the_page(seen_file: Path) -> None:
    """s drew the page again from the top, with the first link highlighted and the focus
    moved: the place on it is kept."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter", "down")
        links = app.query_one("#links", OptionList)
        states.append((links.highlighted, app.focused and app.focused.id))
        await press(pilot, "s")
        states.append((links.highlighted, app.focused and app.focused.id))

    drive(script)
    assert states[0] == states[1]
    assert states[0][0] == 1


def test_one_who_wrote_and_drew_the_work_adapted_is_one_row_as_on_the_page() -> None:
    """The page says "written and drawn by Yoon Ga-eul", one credit; the browser's list had
    two rows for her, "original writer" and "original artist"."""
    from kdrama_cli.views.browser import title_links

    engine = BrowseEngine(App(data=str(MINI)))
    detail = engine.title("moonlit-hallway").detail
    rows = [(person, line.plain) for person, line in title_links(detail)]
    hers = [line for person, line in rows if person == "yoon-gaeul"]
    assert len(hers) == 1 and hers[0].endswith("original webtoon writer and artist")


def test_the_makers_of_a_work_based_on_the_one_adapted_are_links_too() -> None:
    """The page names the webtoon drawn from Business Proposal's web novel; the browser's list
    of its people left NARAK and Deulkkae out, and HaeHwa's webtoon credit."""
    from kdrama_cli.views.browser import title_links
    from tests.conftest import SHIPPED

    engine = BrowseEngine(App(data=str(SHIPPED)))
    detail = engine.title("business-proposal").detail
    rows = [(person, line.plain) for person, line in title_links(detail)]
    adapted = "of the webtoon adaptation of the original web novel"
    assert ("narak", f"NARAK  artist {adapted}") in rows
    assert ("deulkkae", f"Deulkkae  writer {adapted}") in rows
    assert [line for person, line in rows if person == "haehwa"] == [
        "HaeHwa  original web novel writer",
        f"HaeHwa  writer {adapted}",
    ]


def test_the_links_say_a_season_announced_and_a_special_appearance() -> None:
    """Park Ji-hu, in every season of All of Us Are Dead (the second not out), was just
    "main" in the browser's list where `kdrama cast` says "1, 2 (announced)"; a person's
    credits gave no role, so Gong Yoo's Recruiter did not say it is a special appearance."""
    from kdrama_cli.views.browser import person_links, title_links
    from tests.conftest import SHIPPED

    engine = BrowseEngine(App(data=str(SHIPPED)))
    detail = engine.title("all-of-us-are-dead").detail
    hers = [line.plain for person, line in title_links(detail) if person == "park-ji-hu"]
    assert hers and hers[0].endswith("main  S1, announced S2")
    page = engine.person("gong-yoo")
    squid = [line.plain for slug, line in person_links(page) if slug == "squid-game"]
    assert squid and "as The Recruiter (딱지남)  special" in squid[0]


def test_s_and_u_are_letters_where_they_mark_or_undo_nothing(seen_file: Path) -> None:
    """ "squid" typed on the results marked the highlighted title seen, and "under" on a
    person's page searched "nder": s marks only on a title's page, u only takes back a mark,
    and elsewhere each is a letter of the search."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "down", *"su")  # on the results: letters of the search
        states.append(app.current)
        app.open(Entry("person", "kang-bora"))
        await pilot.pause()
        await press(pilot, *"us")  # a person's page: a new search
        states.append(app.current)

    drive(script, query="moon")
    assert states == [Entry("search", "moonsu"), Entry("search", "us")]
    assert not seen_file.exists()


def test_u_takes_back_only_the_seasons_the_mark_added(seen_file: Path) -> None:
    """A title already listed with season 1: s on its page at season 2 adds 2, and u takes
    off 2 alone, not the title."""
    seen_file.write_text("[seen]\nsquid-game = [1]\n", encoding="utf-8")

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        app.open(Entry("title", "squid-game", 2))
        await pilot.pause()
        await press(pilot, "s")
        states.append(seen_file.read_text(encoding="utf-8"))
        await press(pilot, "u")

    from tests.conftest import SHIPPED

    states: list[str] = []
    drive(script, data=SHIPPED)
    assert "squid-game = [1, 2]" in states[0]
    assert "squid-game = [1]" in seen_file.read_text(encoding="utf-8")


def test_tab_back_to_the_search_box_selects_the_old_query() -> None:
    """A letter typed off the box follows what it holds; Tab back to it selects the query,
    so that typing replaces it, as before."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "down", "shift+tab")
        states.append(app.focused and app.focused.id)
        await press(pilot, "r")
        states.append(app.current)

    drive(script, query="moon")
    assert states == ["search", Entry("search", "r")]


def test_a_credit_that_changed_role_gives_each_role_its_seasons_as_person_does(
    run_shipped: Run,
) -> None:
    """Wi Ha-joon's Squid Game credit read "supporting  S1, S2, S3" in the browser, where
    `kdrama person` says "supporting (S1), main (S2, S3)": the browser words the role with the
    person page's own helper, so the two say the same."""
    from kdrama_cli.views.browser import person_links
    from tests.conftest import SHIPPED

    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        app.open(Entry("person", "wi-ha-joon"))
        await pilot.pause()
        texts.append(screen_text(app))

    drive(script, size=(130, 50), data=SHIPPED)
    line = "Squid Game (2021)  as Hwang Jun-ho (황준호)  supporting (S1), main (S2, S3)  [14"
    assert line in texts[0], texts[0]
    assert "S1, S2, S3" not in texts[0]
    cli = run_shipped("person", "wi-ha-joon", env={"COLUMNS": "200"}).output
    assert "supporting (S1), main (S2, S3)" in cli
    engine = BrowseEngine(App(data=str(SHIPPED)))
    front = [line.plain for slug, line in person_links(engine.person("lee-byung-hun"))]
    line = "Squid Game (2021)  as The Front Man (프론트맨)  special (S1), main (S2, S3)  [5–16]"
    assert line in front


def test_a_credit_in_a_season_not_out_is_announced_on_a_person_s_page() -> None:
    """Kim Si-eun's All of Us Are Dead credit read "supporting  S2", as if season 2 were out:
    `kdrama person` says "2 (announced)", and so does the title's own cast list."""
    from tests.conftest import SHIPPED

    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        app.open(Entry("person", "kim-si-eun"))
        await pilot.pause()
        texts.append(screen_text(app))

    drive(script, size=(120, 40), data=SHIPPED)
    assert "All of Us Are Dead  as So Ju-ran  supporting  announced S2  [8–13]" in texts[0]
    assert "Squid Game (2024)  as Kim Young-mi (김영미)  supporting  S2  [1–7]" in texts[0]


def footer(app: Browser) -> str:
    return screen_text(app).rstrip().splitlines()[-1]


def test_esc_says_what_it_does_and_the_first_screen_offers_searches_of_the_catalogue(
    run: Run,
) -> None:
    """The first screen's footer said "esc Back" though Esc quits there, and offered "↓
    Results" with none: Esc is labelled Quit, Clear or Back by what it does, ↓ only with
    results; the empty screen shows searches taken from the catalogue in use."""
    states: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        states.append(screen_text(app))
        await press(pilot, *"zzzz")  # nothing matches: nothing to move to or open
        states.append(footer(app))
        await press(pilot, "backspace", "backspace", "backspace", "backspace", *"moonlit")
        states.append(footer(app))
        await press(pilot, "enter")
        states.append(footer(app))
        await press(pilot, "escape", "escape")  # back to the search, then clear it
        states.append(footer(app))

    app = drive(script)
    first, nothing, typed, on_page, cleared = states
    last = first.rstrip().splitlines()[-1]
    assert "esc Quit" in last and "esc Back" not in last and "Results" not in last, last
    assert "Open" not in last
    # a title, a person and a character of the made-up dataset, each found by search
    assert "for example:" in first
    for example in ("Moonlit Hallway", "Han Ji-won", "Cha Eun-bi"):
        assert f"  {example}" in first
        assert example in run("search", example).output
    assert "Squid Game" not in first  # not in this dataset: not offered
    assert "F1 lists the keys." in first
    assert "Results" not in nothing and "Open" not in nothing and "esc Clear" in nothing
    assert "↓ Results" in typed and "esc Clear" in typed, typed
    assert "esc Back" in on_page, on_page
    assert "esc Quit" in cleared, cleared
    assert app.is_running is False or app.current == Entry("search", "")


def test_the_shipped_catalogue_offers_its_own_searches() -> None:
    from kdrama_cli.answers.search import search_answer, search_examples
    from tests.conftest import SHIPPED

    dataset = App(data=str(SHIPPED)).dataset()
    examples = search_examples(dataset)
    assert examples == ("Squid Game", "Lee Jung-jae", "Seong Gi-hun")
    for example in examples:
        assert search_answer(dataset, example, 1).results[0].label.startswith(example)


def test_f1_lists_the_keys_and_question_mark_too_but_where_it_is_typed() -> None:
    """No in-app help: F1 (and ? off the search box) lists the keys, Tab and PgUp/PgDn
    among them; Esc closes it without leaving; ? typed in the box is a character."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, "f1")
        states.append(screen_text(app))
        await press(pilot, "escape")
        states.append((app.is_running, type(app.screen).__name__))
        await press(pilot, "question_mark")  # in the box: typed
        states.append(app.query_one("#search", Input).value)
        await press(pilot, "backspace", *"moon", "down", "question_mark")
        states.append((type(app.screen).__name__, app.current))
        await press(pilot, *"q")  # closes the list: not a letter of the search under it
        states.append((type(app.screen).__name__, app.current))

    drive(script, size=(100, 30))
    keys, after_esc, typed, on_results, closed = states
    for said in (
        "Tab, Shift+Tab",
        "between the search box, the page and its links",
        "PgUp PgDn",
        "the old query selected: typing replaces it",
        "F1, ?",
        "esc Close",
    ):
        assert said in keys, keys
    assert after_esc == (True, "Screen")
    assert typed == "?"
    assert on_results == ("KeysScreen", Entry("search", "moon"))
    assert closed == ("Screen", Entry("search", "moon"))


def test_tab_is_in_the_footer_where_it_leads_to_the_cast_or_the_credits() -> None:
    """Enter on a title's page did nothing and the footer never showed Tab, the way to its
    cast: from the page, the footer says "tab Cast" (a person's: "tab Credits"), from the
    links "⇧tab Page"."""
    states: list[object] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"moonlit", "enter")  # the links have the focus
        states.append(footer(app))
        await press(pilot, "shift+tab")
        states.append((app.focused and app.focused.id, footer(app)))
        await press(pilot, "tab")
        states.append(app.focused and app.focused.id)
        await press(pilot, "down", "enter", "shift+tab")  # Minho's page
        states.append((app.current, footer(app)))

    drive(script)
    on_links, (on_page, page_footer), tabbed, (person, person_footer) = states
    assert "⇧tab Page" in on_links, on_links
    assert on_page == "page" and "tab Cast" in page_footer, page_footer
    assert tabbed == "links"
    assert person.kind == "person" and "tab Credits" in person_footer, person_footer


def test_browse_help_names_every_key_the_browser_lists(run: Run) -> None:
    """Tab, Shift+Tab and PgUp/PgDn were in README but not in `browse --help`; and --help
    did not say that / selects the old query."""
    from kdrama_cli.views.browser import KEYS

    said = " ".join(run("browse", "--help").output.split())
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    for key, _ in KEYS:
        for one in key.replace(",", " ").split():
            assert one in said, one
    for words in ("Tab, Shift+Tab", "PgUp", "F1", "selects the old query", "typing replaces"):
        assert words in said, words
    assert "| F1, `?` |" in readme and "Tab, Shift+Tab" in readme


def test_results_say_a_title_s_year_and_kind_and_what_matched_beyond_the_name() -> None:
    """Squid Game, its making-of and its reality spin-off all read "title"; 김 listed titles
    whose Hangul title matched without saying so; a character row said "character ·
    character: Lee Byung-chan" under its name. The list gives `kdrama search`'s facts."""
    from tests.conftest import SHIPPED

    shown: dict[str, str] = {}

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        for query in ("squid", "김", "lee byung"):
            app.query_one("#search", Input).value = query
            await pilot.pause()
            shown[query] = screen_text(app)

    drive(script, size=(110, 40), data=SHIPPED)
    squid = shown["squid"]
    assert "Squid Game (2021)  series" in squid
    assert "Squid Game: Making Season 2 (on Netflix since 2025)  series" in squid
    assert "Squid Game: The Challenge (2023)  reality" in squid
    assert "Castaway on the Moon  film · Korean title: 김씨 표류기" in shown["김"]
    assert "Kim Hae-sook  person · hangul: 김해숙" in shown["김"]
    chan = "Lee Byung-chan in All of Us Are Dead  played by Kim Byung-chul (S1)  character"
    assert chan in shown["lee byung"]
    assert "character:" not in shown["lee byung"]
    assert "Lee Byung-hun  person " in shown["lee byung"]  # found by the name it shows
    assert "Lee Byung-hun  person ·" not in shown["lee byung"]


def test_a_season_the_catalogue_lacks_is_said_as_search_says_it(run_shipped: Run) -> None:
    """`browse "the glory season 2"` listed The Glory with no note, where `kdrama search`
    says the catalogue has season 1, not season 2."""
    from tests.conftest import SHIPPED

    texts: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        texts.append(" ".join(screen_text(app).split()))

    drive(script, query="the glory season 2", size=(100, 24), data=SHIPPED)
    note = "the catalogue has season 1, not season 2"
    assert f"The Glory (2022) series · {note}" in texts[0]
    cli = run_shipped("search", "the glory season 2", "--json")
    assert note in json.loads(cli.stdout)[0]["matched"]


def test_a_credit_a_layer_gave_is_marked_in_the_links_as_on_the_page(tmp_path: Path) -> None:
    """A person's line of a title where a layer gave them a credit ends its parts with the
    page's "*", and the page over the links names the layer, as `kdrama person` does; it
    cites what the layer cites ([1], its test-press page), not the title's cast lists."""
    from kdrama_cli.views.browser import person_links, person_renderable
    from tests.test_layer_marks import CREDITS

    layer = tmp_path / "credits.toml"
    layer.write_text(CREDITS, encoding="utf-8")
    engine = BrowseEngine(App(data=str(MINI), add_data=(str(layer),)))
    page = engine.person("kang-bora")
    lines = dict((slug, line.plain) for slug, line in person_links(page))
    assert lines["night-train"] == (
        "Night Train (2016)  as Stowaway  supporting  also director *  [1]"
    )
    assert lines["moonlit-hallway"].endswith("also writer  S1  [1]")
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(person_renderable(page))
    assert f"* From a layer: Night Train extended by {layer}" in console.export_text()


def keys_read_at_once(app: Browser, *keys: str) -> None:
    """Keys as the terminal driver hands over one read of several (a fast typist, or keys
    typed while a search draws): all posted before the browser handles any of them."""
    from textual import events

    for key in keys:
        character = {"backspace": "\x7f", "left": None, "space": " "}.get(key, key)
        app.post_message(events.Key(key, character))


def test_keys_read_at_once_search_only_for_what_the_box_holds() -> None:
    """Every letter of a burst searched in turn, for what the box had already moved past: a
    second and a half behind "squid game", seven behind 300 letters, and an Esc typed in
    between cleared the box while the searches still queued drew their results, and their
    query became the one Esc then acted on."""
    searched: list[tuple[str, str]] = []
    shown: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        box = app.query_one("#search", Input)
        search = app.engine.search

        def recorded(query: str, limit: int):  # type: ignore[no-untyped-def]
            searched.append((query, box.value))
            return search(query, limit)

        app.engine.search = recorded  # type: ignore[method-assign]
        keys_read_at_once(app, *"han ji-won")
        await pilot.pause()
        shown.append(screen_text(app))
        # a search on its way as Esc clears the box: the box and the list must agree
        box.value = "kang bo"
        app.action_clear_search()
        await pilot.pause()
        shown.append(screen_text(app))
        assert app.current == Entry("search", "")

    drive(script)
    assert searched, "nothing was searched"
    assert all(query == held for query, held in searched), searched
    assert searched[0][0] == "han ji-won"
    typed, cleared = shown
    assert "Han Ji-won" in typed
    assert "Type to search the catalogue" in cleared and "Kang Bo-ra" not in cleared


def test_backspace_and_arrows_read_with_letters_edit_in_the_order_typed() -> None:
    """Textual ran Backspace and the arrows only once they had gone up to the app, behind
    the letters read with them: "moon", Backspace, "x" gave "moon" (the x typed, then taken
    off), and Left, "x" put the x at the end."""
    values: list[str] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        box = app.query_one("#search", Input)
        await press(pilot, *"moon")
        keys_read_at_once(app, "backspace", "x")
        await pilot.pause()
        values.append(box.value)
        keys_read_at_once(app, "left", "i")
        await pilot.pause()
        values.append(box.value)

    drive(script)
    assert values == ["moox", "mooix"]


def read_terminal(master: int, until: bytes, seconds: float = 30) -> bytes:
    """What the program under a pseudo-terminal wrote, up to ``until`` (or end of output)."""
    import select
    import time

    said = b""
    deadline = time.monotonic() + seconds
    while until not in said and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program's side closed
                break
            if not chunk:
                break
            said += chunk
    return said


@pytest.mark.parametrize(("sent", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_kill_gives_the_terminal_back_as_quitting_does(sent: str, status: int) -> None:
    """`kill` ended browse where it stood: the terminal left in raw mode, on the alternate
    screen, reporting every mouse move as text; and `kill -INT` exited 0. Each now leaves as
    Ctrl+Q and Ctrl+C do, with the shell's status for the signal."""
    import pty
    import signal
    import termios

    master, terminal = pty.openpty()
    termios.tcsetwinsize(terminal, (24, 80))
    before = termios.tcgetattr(terminal)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "TERM": "xterm-256color"}
    for size in ("COLUMNS", "LINES"):  # the terminal's own: 80x24
        env.pop(size, None)
    browse = subprocess.Popen(
        [sys.executable, "-m", "kdrama_cli", "--data", str(MINI), "browse"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    try:
        assert b"Type to search" in read_terminal(master, b"Type to search")
        assert termios.tcgetattr(terminal) != before  # raw, while it runs
        browse.send_signal(getattr(signal, sent))
        assert browse.wait(timeout=30) == status
        left = read_terminal(master, b"\x1b[?1000l", seconds=5)
        after = termios.tcgetattr(terminal)
    finally:
        if browse.poll() is None:
            browse.kill()
            browse.wait()
        os.close(master)
        os.close(terminal)
    assert after == before  # cooked again, echoing
    assert b"\x1b[?1049l" in left  # off the alternate screen
    assert b"\x1b[?1000l" in left  # no longer reporting the mouse
    assert b"Traceback" not in left


def test_the_command_that_lists_matches_hidden_as_spoilers_is_a_line_of_its_own(
    tmp_path: Path,
) -> None:
    """The results' heading named it ("50 of 198 results · 2 matches hidden as spoilers:
    kdrama search --spoiler…"), cut at 80 columns where the command begins. The heading
    counts them; the list's first line names the command whole, and opens nothing."""
    data = tmp_path / "spoiler-note.toml"
    data.write_text(
        MINI.read_text(encoding="utf-8").replace(
            'character = "Ko Dae-ho"\nrole = "main"\n',
            'character = "Ko Dae-ho"\nrole = "main"\nnote = "Leaves the hallway."\n'
            "spoiler = true\n",
            1,
        ),
        encoding="utf-8",
    )
    shown: list[str] = []
    opened: list[Entry] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        await press(pilot, *"hallway")
        shown.append(screen_text(app))
        await press(pilot, "enter")  # the first result, not the line above it
        opened.append(app.current)
        await press(pilot, "escape", "down", "up", "enter")  # ↑ stops at the first result
        opened.append(app.current)
        await press(pilot, "slash", *"leaves the")  # nothing but what is hidden
        shown.append(screen_text(app))

    drive(script, data=data)
    some, none = shown
    heading = some.splitlines()[3]
    assert "1 result · 1 hidden as a spoiler · Enter opens" in heading and "…" not in heading
    lines = [line.strip("│ ") for line in some.splitlines()]
    assert lines[4] == "1 match hidden as a spoiler: kdrama search --spoilers hallway"
    assert lines[5].startswith("Moonlit Hallway")
    assert opened == [Entry("title", "moonlit-hallway")] * 2
    assert "Nothing matches 'leaves the' · 1 hidden as a spoiler" in none
    assert "search --spoilers 'leaves the'" in none


def test_a_signal_browse_was_started_ignoring_stays_ignored() -> None:
    """As nohup relies on: browse leaves on SIGTERM and SIGINT, but not on one its parent
    had it ignore."""
    import signal

    handled: list[bool] = []

    async def script(app: Browser, pilot: Pilot[None]) -> None:
        import asyncio

        loop = asyncio.get_running_loop()
        handled.append(loop.remove_signal_handler(signal.SIGTERM))
        handled.append(loop.remove_signal_handler(signal.SIGINT))

    before = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        drive(script)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, before)
    assert handled == [False, True]

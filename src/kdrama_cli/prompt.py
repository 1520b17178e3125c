"""Asking the person at a terminal: which of several matches they meant (choose), and one
typed line (answer_line) that Ctrl-C still interrupts.

Nothing here imports Rich at module level: JSON and completion paths must stay light.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import click

from kdrama_cli.failures import Cancelled, errors_are_json

if TYPE_CHECKING:  # the modules themselves are imported only by the commands that need them
    from kdrama_cli.answers.finding import Ambiguous


def interactive() -> bool:
    """A person at a terminal, who can be asked to choose (never a pipe or a script). The
    question goes to stderr, so stderr must be the terminal too: with it sent to a file
    (``2>err.log``) the person would wait for a question they cannot see."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def may_ask() -> bool:
    """Whether a question may be asked: a person at a terminal (interactive), on a command line
    that does not ask for JSON (``--json`` anywhere before a ``--``). A script that asks for
    JSON reads the answer or the error as JSON, even when it runs at a terminal: a "Which one?"
    would wait for a pick no one makes, and the pick would not be the script's to make."""
    return not errors_are_json() and interactive()  # as the command line was read


#: How many answers that are not one of the numbers the picker takes before it gives up.
CHOOSE_TRIES = 3


def choose(error: Ambiguous) -> str | None:
    """On a terminal, the candidates numbered and the one picked (its id), by its number or by
    its id as listed; None in a pipe, with --json (may_ask), or after CHOOSE_TRIES answers
    that are neither (then the usage error lists the best few). Enter or end of input raises
    Cancelled; Ctrl-C is the KeyboardInterrupt any command stops on (exit 130)."""
    if not may_ask():
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
        name, said = named_first(clean(label), room)
        if ids_first:
            click.echo(f"{start}({identity})", err=True)
            first, rest = split_label(clean(label), under)
            click.echo(f"{indent}{first}", err=True)
        elif said is not None:  # the name beside its id, what tells it apart on lines under it
            click.echo(f"{start}{name}{end}", err=True)
            first, rest = split_label(said, under)
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


def named_first(label: str, room: int) -> tuple[str, str | None]:
    """A label too wide for ``room`` that names its entry first ("Kim Si-eun, actress known
    for ..."): the name, and what it says of it (capitalised: "Actress known for ..."), for
    the lines under the numbered one, so
    the id ends the name's line, never a sentence cut in two around it ("Squid (kim-si-eun)
    Game"). (label, None) when the label fits, or names nothing before a comma that fits."""
    from rich.cells import cell_len

    name, comma, said = label.partition(", ")
    if cell_len(label) <= room or not comma or not said or cell_len(name) > room:
        return label, None
    # on lines of its own, what read on after the comma ("actress known for") begins them
    return name, said[:1].upper() + said[1:]


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
    # A byte-order mark opens the text, not the answer: answers saved by Notepad, or piped
    # from PowerShell, begin with one, and "\ufeff1" was refused as no number.
    return line.removeprefix("\ufeff") or None


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

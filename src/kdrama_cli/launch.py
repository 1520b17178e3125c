"""The ``kdrama`` command's entry point: Ctrl-C taken from the first import on, and Python's
cycle collector off for a short run.

``kdrama_cli.cli.main`` turns Ctrl-C into exit 130 and one line, but only once its module is
in: a Ctrl-C while the command line's modules import (click, the group, a run's first few dozen
milliseconds) reached Python's own handler, which printed a traceback. Here, the import and
the run are inside one guard, and this module imports nothing before it (``typing`` only for
the type checker), so that a Ctrl-C at any point after the console script has imported this
module gets the same line as any other: "kdrama: interrupted", or its line of JSON on a
command line that asks for JSON, and exit 130.

A run lasts a few dozen milliseconds, and the collector spends about four of them (some forty
passes over the objects the imports and the answer create) freeing next to nothing: the
process ends, with ``os._exit``, before any cycle it could free matters. It is off from the
first import on. The commands that can run long or read large files (``browse``, ``data``)
turn it back on (``kdrama_cli.cli.COLLECTING``); a library user importing kdrama is not
affected.
"""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    try:
        from kdrama_cli.cli import main as run

        run()
    except KeyboardInterrupt:
        _interrupted()


def _interrupted() -> NoReturn:
    """Ctrl-C that ``cli.main`` did not take (it came before, while its modules imported, or
    as cli.main began to say one): the line every interrupt gets (errors.interrupted_line),
    on a line of its own at a terminal (after the ^C it echoed), and exit 130. Ctrl-C is
    ignored first, so that a second one neither cuts the line short nor has it said twice."""
    code = 130
    while True:
        try:
            from kdrama_cli.errors import ignore_interrupts

            ignore_interrupts()
            break
        except KeyboardInterrupt:
            continue  # one more Ctrl-C before they were ignored: the same interrupt
        except Exception:  # noqa: BLE001 - a module that will not import: the status says it
            os._exit(code)
    try:
        from kdrama_cli.catalogue.printable import at_a_terminal
        from kdrama_cli.errors import EXIT_INTERRUPTED, asks_for_json, interrupted_line

        code = EXIT_INTERRUPTED
        stream = sys.stderr
        if stream is not None:
            fresh = "\n" if at_a_terminal(stream) else ""
            stream.write(fresh + interrupted_line(asks_for_json(sys.argv[1:])) + "\n")
            stream.flush()
    except Exception:  # noqa: BLE001 - a stderr nobody reads: the status says it
        pass
    os._exit(code)

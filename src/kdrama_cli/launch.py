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

#: The line of JSON ``cli.main`` writes for Ctrl-C (failures.error_json of exit 130, kind
#: "interrupted"), written here without importing the modules it would need.
_INTERRUPTED_JSON = (
    '{"error": {"code": 130, "kind": "interrupted", "message": "interrupted", '
    '"suggestions": [], "problems": [], "notes": []}}'
)


def main() -> NoReturn:
    gc.disable()
    try:
        from kdrama_cli.cli import main as run

        run()
    except KeyboardInterrupt:
        _interrupted()


def _interrupted() -> NoReturn:
    """Ctrl-C that ``cli.main`` did not take (it came before, while its modules imported):
    the line every interrupt gets, on a line of its own at a terminal (after the ^C it
    echoed), and exit 130. A second Ctrl-C while it is said cuts nothing short but the line."""
    code = 130
    try:
        from kdrama_cli.catalogue.printable import at_a_terminal
        from kdrama_cli.errors import EXIT_INTERRUPTED, asks_for_json

        code = EXIT_INTERRUPTED
        stream = sys.stderr
        if stream is not None:
            if asks_for_json(sys.argv[1:]):
                stream.write(_INTERRUPTED_JSON + "\n")
            else:
                stream.write(("\n" if at_a_terminal(stream) else "") + "kdrama: interrupted\n")
            stream.flush()
    except (KeyboardInterrupt, Exception):
        pass  # a second Ctrl-C, a stderr nobody reads, a module half imported: the status says it
    os._exit(code)

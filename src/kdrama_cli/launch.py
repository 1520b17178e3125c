"""The ``kdrama`` command's entry point: Python's cycle collector off for a short run.

A run lasts a few dozen milliseconds, and the collector spends about four of them (some forty
passes over the objects the imports and the answer create) freeing next to nothing: the
process ends, with ``os._exit``, before any cycle it could free matters. It is off from the
first import on. The commands that can run long or read large files (``browse``, ``data``)
turn it back on (``kdrama_cli.cli.COLLECTING``); a library user importing kdrama is not
affected.
"""

from __future__ import annotations

import gc
from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    from kdrama_cli.cli import main as run

    run()

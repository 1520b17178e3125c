"""Views: Rich renderables, the ``--json`` documents and the console, built from answers. They never
read files and never ask questions of the catalogue themselves.

``views.sheets`` and ``views.jsonview`` are imported when first touched, so a command can name
the view of each output in a lambda (App.emit_data) and import only the one it prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

#: The views a command may reach as attributes of this package before importing them.
_LAZY = frozenset({"jsonview", "sheets"})

if not TYPE_CHECKING:  # mypy sees the submodules themselves, and checks every call into them

    def __getattr__(name: str) -> object:
        if name not in _LAZY:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        return importlib.import_module(f"{__name__}.{name}")

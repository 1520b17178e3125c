"""JSON text as kdrama writes it, wherever it is written from.

UTF-8 text with Hangul kept as is (or escaped, for a stream that cannot encode it), dates as
ISO strings, and the controls a terminal would obey escaped. The ``--json`` views print it;
the index stores the whole catalogue's listing already in this form (store.index), so both
must encode alike.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

# JSON escapes C0 controls itself; these would otherwise pass through raw and can still move the
# cursor or reorder text in a terminal that shows the JSON: C1 controls, DEL, bidi controls.
_UNSAFE_IN_JSON = "[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"


def dumps(value: Any, ascii_only: bool = False, indent: int | None = 2) -> str:
    """``value`` as JSON text; compact (json's C encoder, several times faster) when
    ``indent`` is None."""
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent, default=_default)
    if text.replace("\n", "").isprintable():
        return text  # every character the pattern escapes is unprintable: nothing to escape
    return re.sub(_UNSAFE_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", text)


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")

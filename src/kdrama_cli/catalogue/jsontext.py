"""JSON text as kdrama writes it, wherever it is written from.

UTF-8 text with Hangul kept as is (or escaped, for a stream that cannot encode it), dates as
ISO strings, and the controls a terminal would obey escaped. The ``--json`` views print it;
the index stores the whole catalogue's listing already in this form (store.index), so both
must encode alike.

``json`` itself is imported by ``dumps``, when JSON is written: ``list --json`` prints the
listing the index keeps encoded, and only asks ``takes_compact`` whether it may.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import IO, Any

# JSON escapes C0 controls itself; these would otherwise pass through raw and can still move the
# cursor or reorder text in a terminal that shows the JSON: C1 controls, DEL, bidi controls. And
# the line and paragraph separators: valid in a JSON string, but a line break to Python's
# str.splitlines and to JavaScript before ES2019, so compact JSON would not be one line to them.
_UNSAFE_IN_JSON = "[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def dumps(value: Any, ascii_only: bool = False, indent: int | None = 2) -> str:
    """``value`` as JSON text; compact (json's C encoder, several times faster) when
    ``indent`` is None."""
    import json

    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent, default=_default)
    if text.replace("\n", "").isprintable():
        return text  # every character the pattern escapes is unprintable: nothing to escape
    return re.sub(_UNSAFE_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", text)


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def can_encode_hangul(stream: IO[str]) -> bool:
    """UTF-8 output keeps Hangul as is; a stream that cannot encode it gets \\uXXXX escapes."""
    try:
        "한".encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def json_form(stream: IO[str]) -> tuple[bool, int | None]:
    """The form of the JSON written to ``stream``: whether non-ASCII is escaped (the stream
    cannot encode Hangul), and the indent (2 for a person at a terminal, none for a program
    reading a pipe). views.jsonview.dumps_for writes it; takes_compact asks it."""
    indent = 2 if getattr(stream, "isatty", lambda: False)() else None
    return not can_encode_hangul(stream), indent


def takes_compact(stream: IO[str]) -> bool:
    """Whether ``stream`` gets compact, Hangul-keeping JSON (a pipe or file that can encode
    Hangul): the form the index stores the catalogue listing in."""
    return json_form(stream) == (False, None)

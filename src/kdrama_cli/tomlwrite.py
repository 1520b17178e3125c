"""A small TOML writer for the dataset's own shape (generated files such as ``netflix.toml``).

It writes scalars, dates, lists of scalars, tables and arrays of tables, in key order, so the
same input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("TOML datasets hold finite numbers only")
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        # JSON string escapes are valid TOML basic-string escapes, except \/ which json never emits.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as a TOML value")


def _is_table_array(value: Any) -> bool:
    if not isinstance(value, (list, tuple)) or not value:
        return False
    return all(isinstance(item, Mapping) for item in value)


def _write_table(lines: list[str], path: str, table: Mapping[str, Any], header: str | None) -> None:
    if header is not None:
        if lines:
            lines.append("")
        lines.append(header)
    nested: list[tuple[str, Any]] = []
    for key, value in table.items():
        if value is None:
            continue
        if isinstance(value, Mapping) or _is_table_array(value):
            nested.append((key, value))
            continue
        lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in nested:
        child = f"{path}.{_key(key)}" if path else _key(key)
        if isinstance(value, Mapping):
            _write_table(lines, child, value, f"[{child}]")
        else:
            for item in value:
                _write_table(lines, child, item, f"[[{child}]]")


def dumps(document: Mapping[str, Any], comment: Sequence[str] = ()) -> str:
    """The document as TOML text, with an optional leading comment block."""
    lines = [f"# {line}".rstrip() for line in comment]
    body: list[str] = []
    _write_table(body, "", document, None)
    if lines and body:
        lines.append("")
    return "\n".join(lines + body) + "\n"

"""Writing dataset files: a document as TOML text (tomli-w), and atomic replacement of a file.

Only the data-maintenance commands write datasets, so tomli-w is imported here, on first use.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any


def _without_none(value: Any) -> Any:
    """A field that is not known is omitted, never written as a placeholder."""
    if isinstance(value, Mapping):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_without_none(v) for v in value]
    return value


def toml_text(document: Mapping[str, Any], comment: Sequence[str] = ()) -> str:
    """The document as TOML text, keys in the order given, with an optional comment block.

    The same document always gives the same bytes. Raises TypeError or ValueError for what TOML
    cannot hold (inf, nan, unsupported types)."""
    import tomli_w

    body = tomli_w.dumps(_without_none(document))
    lines = [f"# {line}".rstrip() for line in comment]
    if lines and body:
        lines.append("")
    return "".join(line + "\n" for line in lines) + body


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so a reader sees the old file or the new one, never a
    part: a temporary file in the same folder, flushed to disk, then renamed over it."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    descriptor, temporary = tempfile.mkstemp(prefix=".kdrama-", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes a private file; a dataset is an ordinary file (0666 less the umask).
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

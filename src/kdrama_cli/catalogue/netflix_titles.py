"""Netflix's titles compared as Netflix writes them in different files and years."""

from __future__ import annotations

import unicodedata


def normalize_title(title: str) -> str:
    """Netflix's labels vary in punctuation (curly apostrophes, dashes) and spacing."""
    text = unicodedata.normalize("NFKC", title)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = text.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.casefold().split())

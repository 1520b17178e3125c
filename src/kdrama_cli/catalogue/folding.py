"""Folding text for comparison: how names, titles and queries are matched and sorted."""

from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    """Fold case, width and punctuation so that 'all of us are dead' finds 'All of Us Are Dead'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())

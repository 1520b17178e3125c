"""Display text shared by the Rich views, the JSON views and the quiz: safe text, numbers, labels.

No Rich here: the ``--json`` and completion paths import this module too.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but not tab/newline, handled separately), DEL, and the Unicode
# bidirectional embeddings/overrides/isolates that can reorder what a terminal shows.
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
_ESCAPE_SEQUENCE = (
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"
)


def clean(text: str, keep_newlines: bool = False) -> str:
    """Text from a dataset made safe for a terminal: escape sequences and controls removed."""
    if text.isprintable():
        # Every character either pattern removes is unprintable, so this C-speed check lets
        # ordinary text (nearly all of it) skip the regular expressions, and their compiling.
        return text
    # re caches compiled patterns: compiling on first use keeps imports cheap.
    text = re.sub(_ESCAPE_SEQUENCE, "", text)
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\t", " ")
    return re.sub(_UNSAFE, "", text)


def human_number(value: float, short: bool = False) -> str:
    """1650450000 -> '1.65 billion' ('1.65B' short); 124790000 -> '124.79 million'; 91 -> '91'."""
    for size, word, letter in ((1e9, " billion", "B"), (1e6, " million", "M")):
        if abs(value) >= size:
            scaled = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return scaled + (letter if short else word)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_UNIT_WORDS = {
    "hours": ("hour", "hours"),
    "views": ("view", "views"),
    "weeks": ("week", "weeks"),
    "countries": ("country", "countries"),
    "households": ("household", "households"),
    "people": ("person", "people"),
}


def format_figure(value: float, unit: str, short: bool = False) -> str:
    """A figure with its unit: '560.78 million hours' ('560.78M hours' short), '$4.56 million'."""
    number = human_number(value, short)
    if unit == "USD":
        return f"${number}"
    if unit == "rank":
        return f"#{number}"
    if unit == "percent":
        return f"{number}%"
    singular, plural = _UNIT_WORDS.get(unit, (unit, unit))
    return f"{number} {singular if value == 1 else plural}"


def status_label(status: str) -> str:
    """'in-production' -> 'in production'."""
    return status.replace("-", " ")


METRIC_LABELS = {
    "hours-viewed": "Hours viewed",
    "views": "Views",
    "weeks-in-top10": "Weeks in Top 10",
    "countries-in-top10": "Countries in Top 10",
    "rank": "Rank",
    "households": "Households",
    "prize": "Prize",
    "contestants": "Contestants",
    "ratings": "TV rating",
}


def metric_label(metric: str, window: str = "") -> str:
    """'Hours viewed'; a rank over more than one week is the best rank in that span."""
    if metric == "rank" and window and not window.startswith("week:"):
        return "Best rank"
    return METRIC_LABELS.get(metric, metric.replace("-", " ").capitalize())

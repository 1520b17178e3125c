"""Audience ratings in a fact's text must say whose measurement they are.

Korean ratings come from two companies (Nielsen Korea, TNmS), over the whole country or the
Seoul metropolitan area, over all households or pay-TV ones: one episode's rating differs by a
point or more between them (Our Blues' finale: 14.6% and 14.5%, Nielsen's two household bases).
A bare "14.6%" beside another title's cannot be compared, and a reader cannot look it up.
"""

from __future__ import annotations

import re

from kdrama_cli.catalogue.models import Dataset

#: A percentage ("12.7%", "23.778%", "7.3 percent").
_PERCENTAGE = re.compile(r"\d+(?:\.\d+)?(?:%| ?per ?cent\b)")
#: Words that make a percentage in a trivia sentence a rating rather than a share of people
#: asked or of members ("named by 5.2% of respondents", "the top 0.1%").
_RATING_WORDS = re.compile(
    r"\b(?:ratings?|rated|viewership|episodes?|finale|premiere|opened at|peaked)\b", re.IGNORECASE
)
#: The companies that measure them ("TNS Media Korea" was TNmS's earlier name). "Nationwide"
#: alone does not say which of the two counted.
_MEASURE_WORDS = re.compile(r"\bNielsen\b|\bTNmS\b|\bTNS\b")


def ratings_without_measure(dataset: Dataset) -> list[str]:
    """A fact giving an audience rating without naming the company that measured it,
    addressed by its place."""
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for index, fact in enumerate(show.facts):
            figures = _PERCENTAGE.findall(fact.text)
            if not figures or not _RATING_WORDS.search(fact.text):
                continue
            if _MEASURE_WORDS.search(fact.text):
                continue
            found.append(
                f"shows[{show.slug}].facts[{index}].text: gives a rating ({', '.join(figures)}) "
                "without whose measure it is; name it as its page does (Nielsen Korea or TNmS; "
                "nationwide or Seoul metropolitan area): ratings of different measures do not "
                "compare"
            )
    return found

"""Audience ratings in a fact's text must say whose measurement they are.

Korean ratings come from two companies (Nielsen Korea, TNmS), over the whole country or the
Seoul metropolitan area, over all households or pay-TV ones: one episode's rating differs by a
point or more between them (Our Blues' finale: 14.6% and 14.5%, Nielsen's two household bases).
A bare "14.6%" beside another title's cannot be compared, and a reader cannot look it up.
"""

from __future__ import annotations

import re

from kdrama_cli.catalogue.models import Dataset

#: A percentage ("12.7%", "23.778%", "7.3 percent", a full-width "14.6％").
_PERCENTAGE = re.compile(r"\d+(?:\.\d+)?(?:%|％| ?per ?cent\b)")
#: A share of something else than households: "70% of its 16 episodes", "90% of its
#: viewership", "5.2% of respondents". A rating is "of households" (or of viewers) if anything.
_SHARE_OF = re.compile(r"\s+of\s+(?!(?:all\s+|pay-TV\s+|paid\s+)?(?:households|homes|viewers)\b)")
#: Words that make a percentage in the same clause a rating.
_RATING_WORDS = re.compile(
    r"\b(?:ratings?|rated|episodes?|finale|premiere|opened|peaked|drew|nationwide|households?|"
    r"metropolitan|broadcast|aired)\b",
    re.IGNORECASE,
)
#: A review site's score, not an audience rating.
_REVIEW_SCORES = re.compile(r"Rotten Tomatoes|Metacritic|IMDb", re.IGNORECASE)
#: The companies that measure them ("TNS Media Korea" was TNmS's earlier name). "Nationwide"
#: alone does not say which of the two counted.
_MEASURE_WORDS = re.compile(r"\bNielsen\b|\bTNmS\b|\bTNS\b")
#: Where one part of a fact ends: a semicolon or a sentence's full stop (not a decimal
#: point). A comma does not: "Its final episode set a new high, passing the 20.5% record".
_CLAUSE_END = re.compile(r";\s|\.\s")


def ratings_in(text: str) -> list[str]:
    """The percentages in a fact that are audience ratings: each in a part of the fact (up to
    a semicolon or a full stop) with a rating word, and not a share of something other than
    households ("70% of its episodes") or a review site's score."""
    found = []
    for clause in _CLAUSE_END.split(text):
        if not _RATING_WORDS.search(clause) or _REVIEW_SCORES.search(clause):
            continue
        found += [
            match.group()
            for match in _PERCENTAGE.finditer(clause)
            if not _SHARE_OF.match(clause, match.end())
        ]
    return found


def ratings_without_measure(dataset: Dataset) -> list[str]:
    """A fact giving an audience rating without naming the company that measured it,
    addressed by its place."""
    found = []
    for show in sorted(dataset.shows.values(), key=lambda s: s.slug):
        for index, fact in enumerate(show.facts):
            if _MEASURE_WORDS.search(fact.text):
                continue
            figures = ratings_in(fact.text)
            if figures:
                found.append(
                    f"shows[{show.slug}].facts[{index}].text: gives a rating "
                    f"({', '.join(figures)}) without whose measure it is; name it as its page "
                    "does (Nielsen Korea or TNmS; nationwide or Seoul metropolitan area): "
                    "ratings of different measures do not compare"
                )
    return found

"""The dataset's controlled vocabularies (kinds, statuses, roles, metrics, units).

A module of plain constants, so commands can build their options without importing models.
"""

#: "unknown" is for Netflix's record alone: a row of the one report (2023 January-June) that does
#: not say TV or film, which no other file of Netflix's places either.
SHOW_KINDS = ("series", "film", "reality", "documentary", "special", "unknown")
#: How a page names a kind where the word alone would mislead.
KIND_LABELS = {"unknown": "TV or film not given by Netflix"}
#: Kinds released in seasons (a film or a special is one release).
SEASONED_KINDS = ("series", "reality", "documentary")
#: Kinds whose people are not a cast of actors (hosts, contestants, interviewees).
UNSCRIPTED_KINDS = ("reality", "documentary")
SEASON_STATUSES = ("released", "airing", "renewed", "announced", "in-production", "cancelled")
#: Statuses under which a season's episodes can be watched.
OUT_STATUSES = ("released", "airing")
ROLES = ("main", "supporting", "special", "host", "judge")
#: Roles listed with the main cast on a title's page (hosts and judges of reality shows too).
LEAD_ROLES = ("host", "judge", "main")
SOURCE_KINDS = ("webtoon", "webcomic", "novel", "web-novel", "manhwa", "film", "book", "other")
METRICS = (
    "hours-viewed",
    "views",
    "weeks-in-top10",
    "countries-in-top10",
    "rank",
    "households",
    "prize",
    "contestants",
    "ratings",
    "runtime",
)
UNITS = (
    "hours",
    "views",
    "weeks",
    "countries",
    "rank",
    "households",
    "USD",
    "people",
    "percent",
    "minutes",
)
#: How complete an entry is (Show.completeness).
COMPLETENESS = ("full", "partial", "netflix-only")
#: Who published a citation. Press and official sources can carry a fact alone; the others
#: (wikis, databases, blogs, fan and aggregator sites) only beside one.
PUBLISHER_KINDS = ("press", "official", "wiki", "database", "blog", "fan")
WEAK_PUBLISHER_KINDS = ("wiki", "database", "blog", "fan")

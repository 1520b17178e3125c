"""Made-up dataset layers the tests of several commands share: people, films, and a series
whose second season is only renewed (a season not out)."""

from __future__ import annotations

META = "[meta]\nschema = 1\n"


def people(*named: tuple[str, str]) -> str:
    """[[people]] entries, each (id, name)."""
    return "".join(f'\n[[people]]\nid = "{person}"\nname = "{name}"\n' for person, name in named)


def film(slug: str, *cast: tuple[str, str]) -> str:
    """A made-up film with these (person, character) credits."""
    text = (
        f'\n[[shows]]\nslug = "{slug}"\ntitle = "{slug.replace("-", " ").title()}"\n'
        'kind = "film"\nplatform = "Example Pictures"\ngenres = ["drama"]\n'
        'synopsis = "A made-up film."\nrelease_date = 2020-01-01\nsources = ["test-chart"]\n'
        'cast_sources = ["test-chart"]\n'
    )
    for person, character in cast:
        text += f'\n[[shows.cast]]\nperson = "{person}"\ncharacter = "{character}"\n'
        text += 'role = "main"\n'
    return text


def harbour_days(*cast: tuple[str, str, tuple[int, ...]]) -> str:
    """Harbour Days, a series with season 1 released and season 2 only renewed, and these
    (person, character, seasons) credits."""
    text = """
[[shows]]
slug = "harbour-days"
title = "Harbour Days"
kind = "series"
platform = "Examplenet"
genres = ["mystery"]
synopsis = "A made-up series."
sources = ["test-chart"]
cast_sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2021-01-01
episodes = 8
sources = ["test-chart"]

[[shows.seasons]]
number = 2
status = "renewed"
status_date = 2022-06-06
as_of = 2026-11-01
sources = ["test-chart"]
"""
    for person, character, seasons in cast:
        text += f'\n[[shows.cast]]\nperson = "{person}"\ncharacter = "{character}"\n'
        text += f'role = "main"\nseasons = [{", ".join(str(n) for n in seasons)}]\n'
    return text


#: A series whose season 2 is only renewed: Cho Lead is in both seasons, Ahn Later is cast in
#: season 2 alone, Yoo First in season 1; a film has Ahn Later and Yoo First. Ahn comes first
#: by id, so a chain through the season not out would be listed first if nothing preferred
#: released credits.
SEASON_NOT_OUT = (
    META
    + people(("cho-lead", "Cho Lead"), ("ahn-later", "Ahn Later"), ("yoo-first", "Yoo First"))
    + harbour_days(
        ("cho-lead", "Captain", (1, 2)),
        ("ahn-later", "Newcomer", (2,)),
        ("yoo-first", "Deckhand", (1,)),
    )
    + film("end-film", ("ahn-later", "Singer"), ("yoo-first", "Driver"))
)


#: Tidal Town, two released seasons: Ahn Ah-ra is a lead in season 1 and a flagged surprise
#: cameo in season 2 (a special appearance, hidden as a spoiler); Do Da-eun is in both seasons,
#: Baek Bo-ra in season 2 alone. With every role "supporting" (SUPPORTING_ONLY) the title has
#: no main cast, so a show page lists every credit it does not hide.
TIDAL_TOWN = """
[meta]
schema = 1
updated = 2026-11-01

[[citations]]
id = "c-press"
url = "https://example.org/press/t"
title = "T cast"
publisher = "Example Press"
date = 2022-06-06

[[people]]
id = "aa"
name = "Ahn Ah-ra"

[[people]]
id = "bb"
name = "Baek Bo-ra"

[[people]]
id = "dd"
name = "Do Da-eun"

[[shows]]
slug = "tt"
title = "Tidal Town"
korean_title = "조수 마을"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A town by the sea."
sources = ["c-press"]
cast_sources = ["c-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2022-01-28
episodes = 8
sources = ["c-press"]

[[shows.seasons]]
number = 2
status = "released"
release_date = 2023-01-28
episodes = 8
sources = ["c-press"]

[[shows.cast]]
person = "aa"
character = "Ferry girl"
role = "main"
seasons = [1]

[[shows.cast]]
person = "aa"
character = "The Masked Sister"
role = "special"
seasons = [2]
spoiler = true
note = "Revealed in the finale as the masked sister."

[[shows.cast]]
person = "dd"
character = "Mayor"
role = "main"
seasons = [1, 2]

[[shows.cast]]
person = "bb"
character = "Newcomer"
role = "main"
seasons = [2]
"""

#: Tidal Town with no main cast: every lead part supporting.
SUPPORTING_ONLY = TIDAL_TOWN.replace('role = "main"', 'role = "supporting"')

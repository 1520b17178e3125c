"""Made-up dataset layers the tests of several commands share: people, films, and a series
whose second season is only renewed (a season not out)."""

from __future__ import annotations

from pathlib import Path

META = "[meta]\nschema = 1\n"

#: The citation film() and harbour_days() cite, which the made-up dataset (mini.toml) has: for
#: a dataset of their own, without it.
TEST_CHART = """
[[citations]]
id = "test-chart"
url = "https://example.org/chart"
title = "Example chart"
publisher = "Example Charts"
"""


def people(*named: tuple[str, str]) -> str:
    """[[people]] entries, each (id, name)."""
    return "".join(f'\n[[people]]\nid = "{person}"\nname = "{name}"\n' for person, name in named)


def film(slug: str, *cast: tuple[str, str], title: str | None = None) -> str:
    """A made-up film with these (person, character) credits, titled after its slug unless
    ``title`` is given (a title with a comma or brackets, as a test of how it is shown)."""
    title = title or slug.replace("-", " ").title()
    text = (
        f'\n[[shows]]\nslug = "{slug}"\ntitle = "{title}"\n'
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


def _cast(*credits: tuple[str, str, str, str | None]) -> str:
    """[[shows.cast]] entries, each (person, character, role, note); a note ending in "!" is
    flagged as a spoiler (the "!" is dropped)."""
    text = ""
    for person, character, role, note in credits:
        text += f'\n[[shows.cast]]\nperson = "{person}"\ncharacter = "{character}"\n'
        text += f'role = "{role}"\n'
        if note:
            text += f'note = "{note.rstrip("!")}"\n'
            text += "spoiler = true\n" if note.endswith("!") else ""
    return text


#: Bake-Off, a made-up competition whose file lists its winner first, then the runner-up (as
#: the shipped data does), both notes flagged; two judges with unflagged notes, and a third
#: two contestants with none (one's name in lower case). Quiet Lane, a drama with the same
#: people: its leads' notes are not flagged, and of its two supporting parts the second's note
#: is (a hidden identity). By name (casefolded) the contestants are Ahn, bae, Yoon, Zeon, and
#: Quiet Lane's supporting parts Ahn, Min.
RESULTS_IN_ORDER = (
    META
    + people(
        ("zeon", "Zeon Winner"),
        ("yoon", "Yoon Runner"),
        ("ahn", "Ahn Third"),
        ("bae", "bae Lower"),
        ("min", "Min Judge"),
        ("baek", "Baek Judge"),
    )
    + """
[[shows]]
slug = "bake-off"
title = "Bake-Off"
kind = "reality"
platform = "Examplenet"
genres = ["reality"]
synopsis = "A made-up baking contest."
sources = ["test-chart"]
cast_sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2024-01-01
episodes = 8
sources = ["test-chart"]
"""
    + _cast(
        ("min", "Judge", "judge", "Head judge."),
        ("baek", "Judge", "judge", "Pastry judge."),
        ("zeon", "Contestant", "main", "Winner of season 1.!"),
        ("yoon", "Contestant", "main", "Runner-up of season 1.!"),
        ("bae", "Contestant", "main", None),
        ("ahn", "Contestant", "main", None),
    )
    + """
[[shows]]
slug = "quiet-lane"
title = "Quiet Lane"
kind = "film"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up drama."
release_date = 2024-01-01
sources = ["test-chart"]
cast_sources = ["test-chart"]
"""
    + _cast(
        ("zeon", "Lead", "main", "The detective."),
        ("yoon", "Second lead", "main", "The detective's sister."),
        ("min", "Neighbour", "supporting", "Lives next door."),
        ("ahn", "Postman", "supporting", "Is the killer.!"),
    )
)


def _hours(show: str, value: int, season: int | None) -> str:
    """Hours viewed in January–June 2024, of a season or (None) given for none."""
    of = f"season = {season}\n" if season else ""
    return (
        f'\n[[stats]]\nshow = "{show}"\nmetric = "hours-viewed"\nvalue = {value}\n'
        f'unit = "hours"\nwindow = "half-year:2024H1"\n{of}as_of = 2024-09-19\n'
        'sources = ["test-chart"]\n'
    )


#: Over the made-up dataset (mini.toml): hours viewed in January–June 2024 of Moonlit Hallway's
#: season 1 (one season out, a second renewed), of River of Lanterns (one season) given for no
#: season, and of Twin Harbour, a series of two seasons out, given for no season: the whole
#: title's.
SEASONLESS_HOURS = (
    META
    + """
[[shows]]
slug = "twin-harbour"
title = "Twin Harbour"
kind = "series"
platform = "Examplenet"
genres = ["drama"]
synopsis = "A made-up series."
sources = ["test-chart"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2021-01-01
episodes = 8
sources = ["test-chart"]

[[shows.seasons]]
number = 2
status = "released"
release_date = 2023-01-01
episodes = 8
sources = ["test-chart"]
"""
    + _hours("moonlit-hallway", 9_000_000, 1)
    + _hours("river-of-lanterns", 5_000_000, None)
    + _hours("twin-harbour", 7_000_000, None)
)


def kang_bora_in_night_train(role: str) -> tuple[str, str]:
    """Two layers over the made-up dataset (mini.toml), as (unsourced, sourced): an extension
    casting Kang Bo-ra in Night Train in ``role`` and making her one of its directors, citing
    nothing (Night Train cites the chart, test-chart, for its cast and record, a page that does
    not name her); and the same credits resting on the press page (test-press) the extension
    adds to the title's cast lists and sources."""
    unsourced = f"""
[[shows]]
slug = "night-train"
extend = true
directors = ["kang-bora"]

[[shows.cast]]
person = "kang-bora"
character = "Stowaway"
role = "{role}"
"""
    sourced = unsourced.replace(
        'directors = ["kang-bora"]\n',
        'directors = ["kang-bora"]\nsources = ["test-press"]\ncast_sources = ["test-press"]\n',
    )
    return unsourced, sourced


def write_layer(tmp_path: Path, text: str, name: str = "mine.toml") -> str:
    """``text`` written to ``tmp_path``/``name``, as the path --add-data takes."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)

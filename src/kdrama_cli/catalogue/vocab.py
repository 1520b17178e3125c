"""The dataset's controlled vocabularies (kinds, statuses, roles, metrics, units).

A module of plain constants, so commands can build their options without importing models.
"""

import functools
from collections.abc import Iterable

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
#: The statuses of a season that is coming but cannot be watched yet, by the catalogue's word;
#: Netflix's own files may already list it (Show.watchable).
UPCOMING_STATUSES = ("renewed", "announced", "in-production")
ROLES = ("main", "supporting", "special", "host", "judge")
#: How a sentence names the credits of each role, in ROLES' order: as roles ("Mask Girl: no
#: main roles in the catalogue's cast") and as the people in them ("with the other notes of
#: the main cast").
ROLE_NOUNS = {
    "main": ("main roles", "main cast"),
    "supporting": ("supporting roles", "supporting cast"),
    "special": ("special appearances", "special appearances"),
    "host": ("hosts", "hosts"),
    "judge": ("judges", "judges"),
}
#: The words a fan types for a crew capacity (models.Show.crew_of), as names.normalize keys
#: them: search ranks the people credited so for 'director', '감독' or '연출' alone, and reads
#: 'squid game director', 'writers of kingdom' as the title's crew (answers.search.crew_reading).
CREW_WORDS = {
    **dict.fromkeys(("director", "directors", "감독", "연출", "연출가"), "director"),
    **dict.fromkeys(
        (
            *("writer", "writers", "screenwriter", "screenwriters", "scriptwriter"),
            *("scriptwriters", "작가", "극본", "각본", "각본가", "극작가"),
        ),
        "writer",
    ),
    **dict.fromkeys(("creator", "creators", "크리에이터"), "creator"),
}
#: Roles listed with the main cast on a title's page (hosts and judges of reality shows too).
LEAD_ROLES = ("host", "judge", "main")
#: The words fans (and the README) use for a role, each taken by ``cast --role`` as the role:
#: a cameo is a special appearance (특별출연), a lead a main part.
ROLE_WORDS = {
    "cameo": "special",
    "cameos": "special",
    "special-appearance": "special",
    "lead": "main",
    "leads": "main",
    "main-cast": "main",
    "supporting-cast": "supporting",
    "hosts": "host",
    "judges": "judge",
    # a show's MC, as Korean (and English) calls its host
    "mc": "host",
    "mcs": "host",
    # as the Korean press credits them
    "주연": "main",
    "주인공": "main",
    "조연": "supporting",
    "특별출연": "special",
    "우정출연": "special",
    "카메오": "special",
    "진행": "host",
    "진행자": "host",
    "심사위원": "judge",
}
#: The words fans use for a kind of title, each taken by `--kind` as the kind: a movie is a
#: film, a variety, dating or competition show is reality (data/README.md), a drama a series.
KIND_WORDS = {
    "movie": "film",
    "movies": "film",
    "films": "film",
    "drama": "series",
    "dramas": "series",
    "tv-series": "series",
    "variety": "reality",
    "variety-show": "reality",
    "dating-show": "reality",
    "competition": "reality",
    "reality-show": "reality",
    "documentaries": "documentary",
    "docuseries": "documentary",
    # as the Korean press names them
    "영화": "film",
    "드라마": "series",
    "시리즈": "series",
    "예능": "reality",
    "다큐멘터리": "documentary",
    "다큐": "documentary",
}
#: How every page names a role no source names (``Credit.character_unknown``): a table's cell
#: says it alone, search's label "a role not named in River of Lanterns".
UNNAMED_ROLE = "role not named"
SOURCE_KINDS = (
    "webtoon",
    "webcomic",
    "novel",
    "web-novel",
    "manhwa",
    "manga",
    "film",
    "book",
    "essay",
    "other",
)
#: Other words for a kind of source work, taken as it by `list --adapted-from` (as KIND_WORDS
#: are by --kind): the Korean press's words ('웹툰 원작', '웹소설', '동명의 소설'), and the
#: kind's own words spaced as prose spaces them.
SOURCE_KIND_WORDS = {
    "web novel": "web-novel",
    "webnovel": "web-novel",
    "web comic": "webcomic",
    "웹툰": "webtoon",
    "웹소설": "web-novel",
    "소설": "novel",
    "웹코믹": "webcomic",
    "만화": "manhwa",
    "망가": "manga",
    "일본 만화": "manga",
    "영화": "film",
    "책": "book",
    "에세이": "essay",
}
#: The kinds of source work nearest in meaning to each, nearest first: what `list
#: --adapted-from webcomic` suggests when no title is adapted from a webcomic. Suggestions only,
#: never other words for a kind (as GENRE_WORDS are): a layer may add a webcomic's adaptation,
#: which --adapted-from webtoon must not find.
KINDRED_SOURCE_KINDS = {
    "webtoon": ("webcomic", "manhwa"),
    "webcomic": ("webtoon", "manhwa"),
    "manhwa": ("webtoon", "webcomic", "manga"),
    "manga": ("manhwa", "webcomic", "webtoon"),
    "novel": ("web-novel", "book"),
    "web-novel": ("novel", "book"),
    "book": ("novel", "web-novel", "essay"),
    "essay": ("book",),
}


def source_kind_words(kind: str) -> str | None:
    """How prose names a kind of source work ("web novel"); None for "other", which names no
    kind: "adapted from the other Hana Yori Dango" and "adapted from a other" are not English."""
    return None if kind == "other" else kind.replace("-", " ")


def with_article(words: str) -> str:
    """The words with their indefinite article: 'a webtoon', 'an essay'."""
    return f"{'an' if words[:1].casefold() in ('a', 'e', 'i', 'o', 'u') else 'a'} {words}"


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
#: The metrics of Netflix's own files (Top 10 lists and engagement reports); the others
#: (a TV rating, a prize) come from elsewhere, and a page dates them by their own "as of".
NETFLIX_METRICS = (
    "hours-viewed",
    "views",
    "weeks-in-top10",
    "countries-in-top10",
    "rank",
    "runtime",
)
#: The unit each metric is given in, as the shipped data and the Netflix importers give it:
#: `kdrama data check` refuses another (12.5M "countries" of hours viewed would be printed,
#: charted and ranked as hours).
METRIC_UNITS = {
    "hours-viewed": "hours",
    "views": "views",
    "weeks-in-top10": "weeks",
    "countries-in-top10": "countries",
    "rank": "rank",
    "households": "households",
    "prize": "USD",
    "contestants": "people",
    "ratings": "percent",
    "runtime": "minutes",
}
#: Netflix's weekly global Top 10 lists (and its all-time Most Popular lists, named alike),
#: by the word ``top --list`` takes. Netflix ranks each list on its own: a film's weeks in
#: the films list and a series' in the TV list are not one race, so a board keeps to one.
TOP10_LISTS = {
    "tv": "TV (Non-English)",
    "films": "Films (Non-English)",
    "tv-english": "TV (English)",
    "films-english": "Films (English)",
}
#: The list of the weekly figures from Netflix's country Top 10s.
NATIONAL_TOP10 = "national Top 10s"
#: The list of a figure from Netflix's half-year engagement report of one sheet (January-June
#: 2023 lists TV and films together).
WHAT_WE_WATCHED = "What We Watched"
#: The sheets of an engagement report from July-December 2023 on, each a list of its own, by
#: the word ``top --list`` takes: Netflix's workbook lists TV and films apart (sheets named
#: 'TV' and 'Film', in 2025 'Shows' and 'Movies'), as its Top 10 ranks them apart.
REPORT_SHEETS = {
    "tv": f"{WHAT_WE_WATCHED}: TV",
    "films": f"{WHAT_WE_WATCHED}: Films",
}
#: The lists' names as boards and pages print them, and the words Netflix's own site uses,
#: each taken by ``top --list`` as the list's word ("TV (Non-English)" is tv, never
#: tv-english, the one list it is not).
LIST_NAMES = {
    **{name: word for word, name in TOP10_LISTS.items()},
    **{name: word for word, name in REPORT_SHEETS.items()},
    "tv-non-english": "tv",
    "films-non-english": "films",
    "tv-english-language": "tv-english",
    "films-english-language": "films-english",
}
#: Every list a figure's ``list`` can name: the Top 10 lists, the national Top 10s (a count
#: of countries) and the engagement reports (one sheet, or a sheet of one). A figure of a
#: title on two lists (weeks in the Top 10 of a title on both TV lists) names them joined by
#: LIST_JOIN.
NETFLIX_LISTS = (
    *TOP10_LISTS.values(),
    NATIONAL_TOP10,
    WHAT_WE_WATCHED,
    *REPORT_SHEETS.values(),
)
LIST_JOIN = " / "


def report_lists(named: Iterable[str | None]) -> frozenset[str] | None:
    """The lists one engagement report's figures are ranked by, from the lists they name:
    its sheets where any names one (the reports from July-December 2023 on), else its one
    sheet, WHAT_WE_WATCHED, where any names that; None where none names either (a dataset of
    one's own), whose figures are ranked together. A figure naming none of them is on no
    board: `top` leaves it out and says so, and `data check` warns of it."""
    names = set(named)
    if names & set(REPORT_SHEETS.values()):
        return frozenset(REPORT_SHEETS.values())
    if WHAT_WE_WATCHED in names:
        return frozenset({WHAT_WE_WATCHED})
    return None


def sheet_of(chart_list: str | None) -> str | None:
    """The sheet an engagement report's list names ('Films' of 'What We Watched: Films'); None
    for another list, or the report of one sheet."""
    if chart_list in REPORT_SHEETS.values():
        return (chart_list or "")[len(WHAT_WE_WATCHED) + 2 :]
    return None


def all_time_note(rank: int, chart_list: str) -> str:
    """The note of a figure from Netflix's all-time Most Popular list ``chart_list``: its rank
    there, as the importer writes it and all_time_rank reads it back."""
    return f"#{rank} of all time, Most Popular {chart_list}"


#: The most digits all_time_rank reads in a rank, as the Netflix importers bound a count: a
#: longer run is a typo, and int() refuses one of more than 4,300 digits.
MAX_RANK_DIGITS = 6


def all_time_rank(note: str | None, chart_list: str | None) -> int | None:
    """Netflix's rank of a figure on its all-time Most Popular list ``chart_list``, from the
    figure's note (all_time_note), or None when the note gives none for that list: a board
    of the catalogue's titles alone cannot rank them as Netflix does. A rank is plain ASCII
    digits (str.isdigit also takes '²' and '٣', which int() refuses), at most
    MAX_RANK_DIGITS of them, and at least 1."""
    rank = _all_time_rank_text(note, chart_list)
    if rank is None or not (rank.isascii() and rank.isdigit()) or len(rank) > MAX_RANK_DIGITS:
        return None
    return int(rank) or None


def unread_all_time_rank(note: str | None, chart_list: str | None) -> str | None:
    """The rank of a note in all_time_note's form for ``chart_list`` that all_time_rank cannot
    read ('²', '0', a run of 4,400 digits), for `data check` to refuse; None for a note of
    another form, or one whose rank it reads."""
    rank = _all_time_rank_text(note, chart_list)
    return rank if rank is not None and all_time_rank(note, chart_list) is None else None


def _all_time_rank_text(note: str | None, chart_list: str | None) -> str | None:
    """What stands for the rank in a note of all_time_note's form for ``chart_list``, whatever
    it is; None for a note of another form."""
    if not note or not chart_list or not note.startswith("#"):
        return None
    rank, _, rest = note[1:].partition(" ")
    return rank if rest == all_time_note(0, chart_list).partition(" ")[2] else None


def lists_not_netflix(name: str) -> list[str]:
    """The lists a figure's ``list`` names that are not Netflix's ("TV (Non English)"): what
    `data check` warns of and `top` leaves off every board."""
    return [part for part in name.split(LIST_JOIN) if part not in NETFLIX_LISTS]


#: The words of ``top --metric``: the Top 10 boards (answers.leaderboards.BOARDS, in that order),
#: then the boards of one engagement report (answers.leaderboards.REPORT_BOARDS).
TOP10_METRICS = ("hours-28", "hours-91", "views-91", "weeks", "best-week", "best-week-views")
REPORT_METRICS = ("report-hours", "report-views")
#: How complete an entry is (Show.completeness).
COMPLETENESS = ("full", "partial", "netflix-only")
#: Who published a citation. Press and official sources can carry a fact alone; the others
#: (wikis, databases, blogs, fan and aggregator sites) only beside one.
PUBLISHER_KINDS = ("press", "official", "wiki", "database", "blog", "fan")
WEAK_PUBLISHER_KINDS = ("wiki", "database", "blog", "fan")

#: Other words for a genre the catalogue uses, in English and Korean, so `--genre sci-fi` and
#: `--genre 좀비` find what "science fiction" and "zombie" find. Each maps to the one word the
#: catalogue spells the genre with (`kdrama data check` warns about a title using another).
#: Words that name a different thing are left out: "teen" is not "youth", "food" not "cooking".
GENRE_WORDS = {
    # English
    "sci-fi": "science fiction",
    "sf": "science fiction",
    "dark comedy": "black comedy",
    "office": "workplace",
    "spy": "espionage",
    "rom-com": "romantic comedy",
    "courtroom": "legal",
    "law": "legal",
    "biographical": "biopic",
    # The English-language press's word for a Korean historical drama (Korean 사극).
    "sageuk": "historical",
    "historical drama": "historical",
    # Korean
    "로맨스": "romance",
    "멜로": "melodrama",
    "로맨틱 코미디": "romantic comedy",
    "로코": "romantic comedy",
    "드라마": "drama",
    "코미디": "comedy",
    "블랙 코미디": "black comedy",
    "스릴러": "thriller",
    "액션": "action",
    "판타지": "fantasy",
    "범죄": "crime",
    "미스터리": "mystery",
    "사극": "historical",
    "시대극": "period",
    "공포": "horror",
    "호러": "horror",
    "리얼리티": "reality",
    "성장": "coming-of-age",
    "법정": "legal",
    "의학": "medical",
    "메디컬": "medical",
    "복수": "revenge",
    "가족": "family",
    "과학 소설": "science fiction",
    "공상 과학": "science fiction",
    "좀비": "zombie",
    "재난": "disaster",
    "서바이벌": "survival",
    "스포츠": "sports",
    "느와르": "noir",
    "누아르": "noir",
    "학원": "school",
    "오피스": "workplace",
    "청춘": "youth",
    "힐링": "healing",
    "군대": "military",
    "밀리터리": "military",
    "히어로": "superhero",
    "슈퍼히어로": "superhero",
    "다큐멘터리": "documentary",
    "오컬트": "occult",
    "첩보": "espionage",
    "스파이": "espionage",
    "음악": "music",
    "정치": "political",
    "타임슬립": "time-slip",
    "예능": "variety",
    "여행": "travel",
    "요리": "cooking",
    "경쟁": "competition",
    "크리처": "creature",
}

#: Other names for a platform the catalogue uses: Korean names and the words for cinemas, so
#: `--platform 넷플릭스` and `--platform cinema` find Netflix's and the cinemas' titles.
PLATFORM_WORDS = {
    "넷플릭스": "Netflix",
    "티비엔": "tvN",
    "티브이엔": "tvN",
    "제이티비씨": "JTBC",
    "에스비에스": "SBS",
    "엠비씨": "MBC",
    "케이비에스2": "KBS2",
    "이엔에이": "ENA",
    "오씨엔": "OCN",
    "E채널": "E Channel",
    "이채널": "E Channel",
    "티빙": "TVING",
    "웨이브": "Wavve",
    "디즈니플러스": "Disney+",
    "디즈니+": "Disney+",
    "Disney Plus": "Disney+",
    "카카오TV": "Kakao TV",
    "카카오티비": "Kakao TV",
    "U+모바일tv": "U+ Mobile TV",
    "KBS 2TV": "KBS2",
    "TV조선": "TV Chosun",
    "티비조선": "TV Chosun",
    "극장": "Theatrical",
    "영화관": "Theatrical",
    "극장 개봉": "Theatrical",
    "cinema": "Theatrical",
    "cinemas": "Theatrical",
    "theaters": "Theatrical",
    "theatres": "Theatrical",
    "theatrical release": "Theatrical",
}
#: The Korean names of the platforms a source work came out on (`list --source-platform
#: 네이버웹툰`); spacing and case never matter, so "Kakao Page" is KakaoPage already.
SOURCE_PLATFORM_WORDS = {
    "네이버 웹툰": "Naver Webtoon",
    "네이버 시리즈": "Naver Series",
    "카카오페이지": "KakaoPage",
    "카카오 웹툰": "Kakao Webtoon",
    "다음 웹툰": "Daum Webtoon",
    "문피아": "Munpia",
    "레진코믹스": "Lezhin Comics",
    "투믹스": "Toomics",
    "코미코": "Comico",
    "저스툰": "Justoon",
}
#: A genre made of two the catalogue also uses: a title tagged with both is one of it, so
#: `--genre rom-com` finds Crash Landing on You ("romance", "comedy") beside the titles tagged
#: "romantic comedy" itself.
COMPOUND_GENRES = {"romantic comedy": ("romance", "comedy")}

#: The other words of each filter that has them (see GENRE_WORDS, PLATFORM_WORDS,
#: SOURCE_KIND_WORDS).
OTHER_WORDS = {
    "genre": GENRE_WORDS,
    "platform": PLATFORM_WORDS,
    "source-platform": SOURCE_PLATFORM_WORDS,
    "adapted-from": SOURCE_KIND_WORDS,
}


@functools.cache
def _other_words(facet: str) -> dict[str, str]:
    """OTHER_WORDS of one filter, keyed by their folded form."""
    from kdrama_cli.catalogue.folding import normalize

    return {normalize(word): value for word, value in OTHER_WORDS.get(facet, {}).items()}


def canonical_value(facet: str, value: str) -> str:
    """The value the catalogue uses for another word for it: for a genre, 'sci-fi' and 'SF' are
    "science fiction", '좀비' and '좀비물' ("zombie stories") are "zombie"; for a platform,
    '넷플릭스' is Netflix and 'cinema' Theatrical. Any other value is itself.

    The one copy of this rule: the filters of `list`, the counts of `values`, search, TAB
    and the warning of `data check` all ask it, so they cannot disagree about a word."""
    from kdrama_cli.catalogue.folding import normalize

    key = normalize(value)
    words = _other_words(facet)
    if facet == "genre" and key not in words and key.endswith("물"):  # 학원물, 좀비물
        key = key[:-1]
    return words.get(key, value)


def broader_value(facet: str, value: str) -> str | None:
    """The value whose filter also finds the titles of this one, if any: a web-novel is a
    novel, and a platform (a title's or its source work's) with a bracketed note is that
    platform ("Theatrical (Lotte Entertainment)" is Theatrical, "Daum Webtoon (later Kakao
    Webtoon)" Daum Webtoon). Nothing else widens: KBS does not find KBS2."""
    if facet == "adapted-from":
        return "novel" if value == "web-novel" else None
    if facet in ("platform", "source-platform") and value.endswith(")"):
        head, bracket, _ = value.partition(" (")
        if bracket and head.strip():
            return head.strip()
    return None


def serialised_on(platform: str | None) -> tuple[str, ...]:
    """The platforms a source work's ``platform`` names: "KakaoPage and Kakao Webtoon" is a
    work serialised on both at once (data/README.md), each found by `--source-platform` and
    search alike; none for no platform."""
    return tuple(platform.split(" and ")) if platform else ()


def value_matches(facet: str, value: str, typed: str) -> bool:
    """Whether ``typed`` finds a title with this value of a filter, as `kdrama list --FACET`
    finds it: another word for the value ('넷플릭스', 'kakao page'), any case or spacing, and a
    value with a bracketed note by the name before it (broader_value), the value read as the
    catalogue's word too. List, search and similar ask it, so the three cannot disagree."""
    from kdrama_cli.catalogue.folding import normalize

    key = normalize(canonical_value(facet, typed))
    named = (value, broader_value(facet, value))
    return any(normalize(canonical_value(facet, v)) == key for v in named if v)

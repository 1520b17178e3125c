"""The catalogue list: its filters (each facet and the values it takes), its order, the titles
of unknown year, and the whole listing as stored JSON (no printing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kdrama_cli.catalogue.folding import has_hangul
from kdrama_cli.catalogue.models import (
    Dataset,
    Show,
    ShowSummary,
    stored_listing,
    summaries_of,
)
from kdrama_cli.catalogue.names import normalize
from kdrama_cli.catalogue.record import Record
from kdrama_cli.catalogue.vocab import (
    COMPOUND_GENRES,
    KINDRED_SOURCE_KINDS,
    OTHER_WORDS,
    broader_value,
    canonical_value,
    serialised_on,
    value_matches,
)


def top10_total(show: Show | ShowSummary, metric: str) -> float | None:
    """The sum of a title's weekly global Top 10 figures (hours or views), over all seasons.

    One consistent window for every title ("the weeks it charted"), so titles can be sorted by
    it; it is labelled as such wherever it is shown.
    """
    if isinstance(show, Show):
        return show.top10_total(metric)
    return show.top10_hours if metric == "hours-viewed" else show.top10_views


def top10_totals_to(dataset: Dataset) -> str | None:
    """The week ending the last week the Top 10 sums (top10_total) count, the catalogue's
    latest weekly Top 10 figure's ("2026-07-19"), or None without one: the sums are running
    totals as of then, as a title still in the lists (Teach You a Lesson) goes on adding."""
    return dataset.netflix_reach().top10_to


def _facet_of(show: ShowSummary, facet: str) -> tuple[str, ...]:
    """The values a filter of `kdrama list` finds this title by, which are also the values
    `kdrama values` counts it under: its own, and the broader one it belongs to, each as the
    catalogue words it ('cinema' is Theatrical), so `values` counts every title `list` finds."""
    if facet == "genre":
        own: tuple[str | None, ...] = show.genres
    elif facet == "platform":  # every platform a season came out on (The Uncanny Counter's tvN)
        own = show.platforms
    elif facet == "kind":
        own = (show.kind,)
    elif facet == "adapted-from":
        own = (show.source_kind,)
    elif facet == "source-platform":  # "KakaoPage and Kakao Webtoon": serialised on both
        own = serialised_on(show.source_platform)
    elif facet == "completeness":
        own = (show.completeness,)
    else:
        raise ValueError(f"unknown facet {facet!r}")
    found: list[str] = []
    for value in own:
        if not value:
            continue
        found.append(canonical_value(facet, value))
        broader = broader_value(facet, value)
        if broader:
            found.append(canonical_value(facet, broader))
    if facet == "genre":
        keys = {normalize(value) for value in found}
        found += [
            compound
            for compound, parts in COMPOUND_GENRES.items()
            if normalize(compound) not in keys and all(normalize(p) in keys for p in parts)
        ]
    return tuple(found)


def facet_values(dataset: Dataset, facet: str) -> list[tuple[str, int]]:
    """Every value a filter can take in this catalogue, with how many titles it finds (a
    broader value counts the titles of the values it takes in), most common first. Values
    that differ only in case, spacing or punctuation are one, spelled as most titles spell it."""
    counts: dict[str, int] = {}
    spellings: dict[str, dict[str, int]] = {}
    for show in summaries_of(dataset):
        keys: set[str] = set()
        for value in _facet_of(show, facet):
            key = normalize(value)
            met = spellings.setdefault(key, {})
            met[value] = met.get(value, 0) + 1
            keys.add(key)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    # the spelling most titles use stands for all (the first met when as many use each)
    spelled = {key: max(met, key=met.__getitem__) for key, met in spellings.items()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], spelled[item[0]].casefold()))
    return [(spelled[key], count) for key, count in ranked]


def korean_names_taken(
    dataset: Dataset, facet: str, value: str, nearest: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """For a value typed in Hangul (--platform 티비씨), the Korean names the filter takes for
    the values some title has, as (name, value): one name a value (넷플릭스 for Netflix, not
    디즈니+ after 디즈니플러스), those of the ``nearest`` values first, the rest in the
    vocabulary's order. None for a value not in Hangul, nor for --genre."""
    words = OTHER_WORDS.get(facet, {})
    if facet == "genre" or not has_hangul(value) or not words:
        return []
    first: dict[str, str] = {}  # value -> its first name in Hangul
    for word, meant in words.items():
        if has_hangul(word):
            first.setdefault(meant, word)
    taken = {
        meant: word for meant, word in first.items() if unknown_value(dataset, facet, meant) is None
    }
    order = [*(meant for meant in nearest if meant in taken), *taken]
    return [(taken[meant], meant) for meant in dict.fromkeys(order)]


def unknown_value(dataset: Dataset, facet: str, value: str) -> list[str] | None:
    """None when the filter finds some title by this value; else the nearest known values, for
    "Did you mean ...?": for a kind of source work, the kinds nearest in meaning that some title
    has (webtoon for webcomic) before those spelt alike."""
    known = [v for v, _ in facet_values(dataset, facet)]
    # the known values are the catalogue's own (_facet_of): only what was typed needs mapping
    folded = {normalize(v): v for v in known}
    if normalize(canonical_value(facet, value)) in folded:
        return None
    from rapidfuzz import fuzz, process

    kindred = KINDRED_SOURCE_KINDS.get(value.casefold(), ()) if facet == "adapted-from" else ()
    nearest = [folded[key] for key in map(normalize, kindred) if key in folded]
    # Scored on the folded forms the filter matches on: 'kbs' is as close to KBS2 as 'KBS' is.
    close = process.extract(
        value, known, scorer=fuzz.WRatio, processor=normalize, limit=3, score_cutoff=70
    )
    # WRatio rates a short value found inside a long one highly ('heist' for
    # 'nonexistentgenre', tvN for 'apple tv'): such a guess is kept only when the two are
    # also alike as wholes (a typo, 'netflx'; a part left off, 'kbs' for KBS2).
    typed = normalize(value)
    nearest += [
        name
        for name, _, _ in close
        if name not in nearest and fuzz.ratio(typed, normalize(name)) >= _ALIKE_AS_WHOLES
    ]
    # typed in Hangul: a value's Korean names (넷플릭스 for '넷플릭'), those some title has
    hangul = has_hangul(value)
    others = {
        word: folded[key]
        for word, meant in (OTHER_WORDS.get(facet, {}) if hangul else {}).items()
        if (key := normalize(canonical_value(facet, meant))) in folded
    }
    alike = process.extract(value, list(others), scorer=fuzz.ratio, processor=normalize, limit=3)
    nearest += [
        others[word]
        for word, score, _ in alike
        if score >= _OTHER_WORD_ALIKE and others[word] not in nearest
    ]
    return list(dict.fromkeys(nearest))[:3]


#: How alike (rapidfuzz's ratio, 0 to 100) a value typed and a known one must be as wholes
#: for "Did you mean": 'sbs tv' and SBS are 75, 'apple tv' and tvN 40.
_ALIKE_AS_WHOLES = 50
#: How alike a value typed and another word for a value must be for "Did you mean" to name
#: the value: '넷플릭' and 넷플릭스 are 86, '티비씨' and 티비엔 67, '티비씨' and 에스비에스 25.
_OTHER_WORD_ALIKE = 60


class CatalogueFilter(Record):
    kind: str | None = None
    completeness: str | None = None
    genre: str | None = None
    platform: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    adapted_from: str | None = None
    source_platform: str | None = None


def _has(show: ShowSummary, facet: str, wanted: str) -> bool:
    """Whether the filter ``--FACET wanted`` finds this title: a whole value, ignoring case,
    spacing and punctuation (never a part of one: "a" is not in "Netflix")."""
    # the rule search and similar ask too (vocab.value_matches), over every value `values`
    # counts the title under (_facet_of: its own, the broader ones, a compound genre)
    return any(value_matches(facet, value, wanted) for value in _facet_of(show, facet))


def _kept(show: ShowSummary, where: CatalogueFilter) -> bool:
    """Whether a title passes every filter of ``where``."""
    if where.kind and show.kind != where.kind:
        return False
    if where.completeness and show.completeness != where.completeness:
        return False
    if where.genre and not _has(show, "genre", where.genre):
        return False
    if where.platform and not _has(show, "platform", where.platform):
        return False
    year = show.year
    if where.year_from is not None and (year is None or year < where.year_from):
        return False
    if where.year_to is not None and (year is None or year > where.year_to):
        return False
    if where.source_platform and not _has(show, "source-platform", where.source_platform):
        return False
    if where.adapted_from:
        if where.adapted_from == "any":
            return show.source_kind is not None
        return _has(show, "adapted-from", where.adapted_from)
    return True


def catalogue(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> list[ShowSummary]:
    """Titles matching every filter, sorted by title, year (oldest first; ``newest``, newest
    first: a title of unknown date last either way), or summed weekly Top 10 figures.

    Sorted by views, the titles in the Top 10 before Netflix published weekly views
    (charted_before_views) come after the others: their sum leaves those weeks out, so it is
    not comparable; then the titles never in the Top 10."""
    shows = [s for s in summaries_of(dataset) if _kept(s, where)]
    if sort == "year":
        shows.sort(key=lambda s: (s.first_date or dt.date.max, s.title))
    elif sort == "newest":
        shows.sort(
            key=lambda s: (
                s.first_date is None,
                -(s.first_date or dt.date.min).toordinal(),
                s.title,
            )
        )
    elif sort == "hours":
        shows.sort(key=lambda s: (-(top10_total(s, "hours-viewed") or -1), s.title))
    elif sort == "views":
        before = charted_before_views(shows)

        def group(s: ShowSummary) -> int:
            """Views known whole (0), in part (1: charted before Netflix gave views), none (2)."""
            if s.top10_hours is None and s.top10_views is None:
                return 2
            return 1 if s.slug in before else 0

        shows.sort(key=lambda s: (group(s), -(top10_total(s, "views") or -1), s.title))
    else:
        shows.sort(key=lambda s: s.sort_key)
    return shows[:limit] if limit else shows


class AloneCount(Record):
    """One filter of a list that matched nothing, and how many titles it keeps on its own.
    ``flags``: the options as typed, (name, value) pairs (a span of years is one filter)."""

    flags: tuple[tuple[str, str], ...]
    keeps: int


def each_alone(dataset: Dataset, where: CatalogueFilter) -> tuple[AloneCount, ...]:
    """For a list of several filters that matched nothing, what each keeps on its own (in the
    order `list --help` gives them), so the user sees which one emptied it: `--genre horror
    --year 1999` said only "No title matches those filters". Empty for fewer than two."""
    years: tuple[tuple[str, str], ...]
    if where.year_from is not None and where.year_from == where.year_to:
        years = (("year", str(where.year_from)),)
    else:
        years = tuple(
            (name, str(value))
            for name, value in (("from", where.year_from), ("to", where.year_to))
            if value is not None
        )
    filters: list[tuple[tuple[tuple[str, str], ...], CatalogueFilter]] = []
    # in the order `list --help` gives the options, a span of years one filter
    for name in (
        "kind",
        "completeness",
        "genre",
        "platform",
        "years",
        "adapted_from",
        "source_platform",
    ):
        if name == "years":
            if years:
                span = CatalogueFilter(year_from=where.year_from, year_to=where.year_to)
                filters.append((years, span))
        elif value := getattr(where, name):
            filters.append((((name.replace("_", "-"), value),), CatalogueFilter(**{name: value})))
    if len(filters) < 2:
        return ()
    summaries = summaries_of(dataset)
    return tuple(
        AloneCount(flags, sum(1 for summary in summaries if _kept(summary, alone)))
        for flags, alone in filters
    )


def charted_before_views(shows: Iterable[ShowSummary]) -> frozenset[str]:
    """The slugs of those of ``shows`` that were in Netflix's weekly global Top 10 in a week
    before WEEKLY_VIEWS_FROM, when its lists gave hours only: their summed views leave those
    weeks out (The Glory's thirteen weeks, all in 2023's first half, give none). The summary
    says so (ShowSummary.top10_views_partial), as `list --json` does."""
    return frozenset(summary.slug for summary in shows if summary.top10_views_partial)


class UnknownYears(Record):
    """The titles the year filters left out for want of a year. ``undated``: how many no
    source dates at all. ``out_by``: the others, (title, week), known only to have been out by
    their first week in Netflix's Top 10 (the show page's "released by"): that bounds the year
    from above only, since a title may chart years after it came out (the Top 10 began only in
    2021), so they are left out too."""

    undated: int = 0
    out_by: tuple[tuple[str, dt.date], ...] = ()

    @property
    def left_out(self) -> int:
        return self.undated + len(self.out_by)


def unknown_year_count(dataset: Dataset, where: CatalogueFilter) -> UnknownYears:
    """The titles that pass every other filter but are left out by the year filters only because
    their year is unknown (most of Netflix's own records: it dates only its premieres). A title
    out by a Top 10 week before ``--from``'s year is not among them: it cannot match."""
    if where.year_from is None and where.year_to is None:
        return UnknownYears()
    others = where._replace(year_from=None, year_to=None)
    kept = (s for s in summaries_of(dataset) if s.year is None and _kept(s, others))
    return _undated(dataset, kept, where.year_from)


def undated_listed(dataset: Dataset, shows: Iterable[ShowSummary]) -> UnknownYears:
    """The titles of unknown year among ``shows``, which `--sort year` and `--sort newest`
    put last: those only known to be out by a week of Netflix's Top 10 apart, as the newest
    sort would otherwise bury the catalogue's latest titles under its oldest without a word."""
    return _undated(dataset, (s for s in shows if s.year is None))


def _undated(
    dataset: Dataset, summaries: Iterable[ShowSummary], year_from: int | None = None
) -> UnknownYears:
    """UnknownYears of ``summaries`` (all of unknown year); a title out by a Top 10 week before
    ``year_from`` is neither: it cannot be of a year from then on."""
    undated = 0
    out_by: list[tuple[bool, dt.date, str]] = []
    for summary in summaries:
        show = dataset.shows.get(summary.slug)
        week = show.first_top10_week if show is not None else None
        if week is None:
            undated += 1
        elif show is not None and (year_from is None or week.year >= year_from):
            out_by.append((show.netflix_only, week, summary.title))
    # the catalogue's own entries first, then Netflix's records: the note names only a few
    return UnknownYears(undated, tuple((title, week) for _, week, title in sorted(out_by)))


class Unlabelled(Record):
    """The titles the catalogue holds only as Netflix's record that --genre or --platform left
    out though they pass every other filter: Netflix's files name no genre and no platform, so
    these filters can never match them, and `list --platform Netflix` counted a tenth of the
    catalogue with no word on why. ``facets``: the filters that left them out ('genre',
    'platform')."""

    left_out: int = 0
    facets: tuple[str, ...] = ()


def unlabelled_count(dataset: Dataset, where: CatalogueFilter) -> Unlabelled:
    """Unlabelled for ``where``: none unless it filters by genre or platform."""
    asked = (("genre", where.genre), ("platform", where.platform))
    facets = tuple(name for name, value in asked if value)
    return _unlabelled(dataset, facets, where._replace(genre=None, platform=None))


def unlabelled_of(dataset: Dataset, facet: str) -> Unlabelled:
    """The titles held only as Netflix's record that no value of ``facet`` counts (`values
    genre`, `values platform`): none for another facet."""
    facets = (facet,) if facet in ("genre", "platform") else ()
    return _unlabelled(dataset, facets, CatalogueFilter())


def _unlabelled(dataset: Dataset, facets: tuple[str, ...], others: CatalogueFilter) -> Unlabelled:
    """The Netflix records that lack a value of each of ``facets`` and pass ``others``."""
    if not facets:
        return Unlabelled()
    count = sum(
        1
        for summary in summaries_of(dataset)
        if summary.completeness == "netflix-only"
        and (
            ("genre" in facets and not summary.genres)
            or ("platform" in facets and not summary.platforms)
        )
        and _kept(summary, others)
    )
    return Unlabelled(count, facets)


def whole_catalogue_json(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> bytes | None:
    """``catalogue(dataset, where, sort, limit)`` as compact UTF-8 JSON, when that is the whole
    catalogue in title order and the index stores it so (encoded once, when it was built):
    listing 1,700 titles then costs one read instead of decoding and encoding each of them."""
    if where != CatalogueFilter() or sort != "title" or limit:
        return None
    return stored_listing(dataset)


class ListPage(Record):
    """What `kdrama list` answers for its filters, order and limit. ``shows``: the titles
    listed; ``total``: how many match, when the limit cut the list short (else None);
    ``unknown_year`` and ``unlabelled``: the titles the filters left out for want of a year
    or of a genre or platform, which the page counts under the table and a script reads on
    stderr; ``totals_to``: the week the Top 10 sums run to (top10_totals_to). Sorted by views,
    ``before_views``: the slugs of every matching title in the Top 10 before Netflix gave
    weekly views (charted_before_views), and ``first_after``: the first of them the limit
    left out, which the page names as it does not reach it. ``alone``: for an empty list of
    several filters, what each keeps on its own (each_alone)."""

    shows: list[ShowSummary]
    total: int | None
    unknown_year: UnknownYears
    unlabelled: Unlabelled
    totals_to: str | None
    before_views: frozenset[str] = frozenset()
    first_after: ShowSummary | None = None
    alone: tuple[AloneCount, ...] = ()
    #: Sorted by year or newest, the matching titles of unknown year, which come last
    #: (undated_listed), and how many of them the limit left out.
    listed_last: UnknownYears = UnknownYears()
    last_past_limit: int = 0


def list_page(
    dataset: Dataset, where: CatalogueFilter, sort: str = "title", limit: int | None = None
) -> ListPage:
    """The page of ``catalogue(dataset, where, sort, limit)``, with what it says around the
    titles; the catalogue is filtered and sorted once, the whole list giving the total and the
    titles charted before views that the limit cuts off."""
    every = catalogue(dataset, where, sort)
    shows = every[:limit] if limit else every
    last = undated_listed(dataset, every) if sort in ("year", "newest") else UnknownYears()
    before_views = frozenset[str]()
    first_after = None
    if sort == "views":  # marked apart: their sum leaves out the weeks before views
        before_views = charted_before_views(every)
        shown = {show.slug for show in shows}
        after = (s for s in every if s.slug in before_views and s.slug not in shown)
        first_after = next(after, None)
    return ListPage(
        shows,
        len(every) if limit and len(shows) == limit else None,
        unknown_year_count(dataset, where),
        unlabelled_count(dataset, where),
        top10_totals_to(dataset),
        before_views,
        first_after,
        () if shows else each_alone(dataset, where),
        last,
        sum(1 for show in every[len(shows) :] if show.year is None) if last.left_out else 0,
    )

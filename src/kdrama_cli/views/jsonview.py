"""Plain JSON views of query results: the ``--json`` contract (documented in README.md).

This module must not import Rich: ``--json`` paths stay fast and free of terminal concerns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from kdrama_cli.answers.spoilers import covered_roles, hidden, shown_note
from kdrama_cli.catalogue.jsontext import dumps, json_form
from kdrama_cli.catalogue.models import (
    Citation,
    LayerMark,
    Season,
    Show,
    ShowSummary,
    Stat,
    seasons_of,
    summary_record,
)
from kdrama_cli.catalogue.printable import clean
from kdrama_cli.catalogue.problems import problem_json
from kdrama_cli.views.text import COUNT_WORDS, lookup_command, tied_ranks

if TYPE_CHECKING:  # the titles module is imported only by the commands that answer with it
    from kdrama_cli.answers.charts import ChartGap
    from kdrama_cli.answers.compare import Comparison, SeasonsOut
    from kdrama_cli.answers.seen import HistoryMatch, ImportedTitle, LeftOut, Merged
    from kdrama_cli.answers.show_page import CastEntry, ShowDetail, WorkCredits

JSON = dict[str, Any]


def dumps_for(value: Any, stream: IO[str]) -> str:
    """JSON text for a stream, with a final newline: UTF-8 text with non-ASCII kept as is
    (escaped where the stream cannot encode Hangul) and unsafe controls escaped; indented for
    a person at a terminal, compact (and several times faster, through json's C encoder) for a
    program reading a pipe."""
    ascii_only, indent = json_form(stream)
    return dumps(value, ascii_only=ascii_only, indent=indent) + "\n"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def citation_json(citation: Citation, spoilers: bool = True) -> JSON:
    """A citation, as a ``sources`` list describes it. Without ``spoilers`` one flagged as a
    spoiler (its headline gives a result away; its address often repeats the headline) keeps
    its id, publisher, date and flag, its ``title``, ``title_note`` and ``url`` null, as a
    page hides them: only `show --json`, the full record, always gives them."""
    withheld = hidden(citation, spoilers)
    return {
        "id": citation.id,
        "url": None if withheld else citation.url,
        "title": None if withheld else citation.title,
        "title_note": None if withheld else citation.title_note,
        "publisher": citation.publisher,
        "date": _date(citation.date),
        "spoiler": citation.spoiler,
    }


def cited_ids(value: Any) -> list[str]:
    """Every citation id a JSON answer names under a "source" key (a list of ids, or for
    compare one list per title), in the order it first does, each once."""
    found: dict[str, None] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "source":
                    found.update(dict.fromkeys(_ids(item)))
                elif key != "sources":
                    visit(item)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(value)
    return list(found)


def _ids(source: Any) -> list[str]:
    if isinstance(source, str):
        return [source]
    if isinstance(source, dict):  # compare's cast in common: slug -> that title's ids
        return [i for item in source.values() for i in _ids(item)]
    return [i for item in source or () for i in _ids(item)]


def with_sources(answer: JSON, citations: Sequence[Citation], spoilers: bool = True) -> JSON:
    """The answer with its ``sources`` list: each citation it names (cited_ids) described
    once, as citation_json gives them with ``spoilers``. ``citations`` holds at least those."""
    by_id = {c.id: c for c in citations}
    answer["sources"] = [citation_json(by_id[i], spoilers) for i in cited_ids(answer) if i in by_id]
    return answer


def rows_with_sources(
    rows: list[JSON], citations: Sequence[Citation], spoilers: bool = True
) -> list[JSON]:
    """An answer that is a list (`cast --json`): each row with the ``sources`` list of the
    citations it names, as each question of `quiz --json` has its own."""
    return [with_sources(row, citations, spoilers) for row in rows]


def _judged_season_json(season: Season, judged: Any, listing: Any) -> JSON:
    """A season of `show --json` with what the page says of it on the day asked: stale, and
    "on Netflix by" a day when Netflix's own files list a season the catalogue has as coming,
    or one out that no source dates (answers.upcoming.netflix_listing; the same keys as
    `upcoming --json`)."""
    return {
        **season_json(season),
        "stale": judged.stale,
        "on_netflix_by": _date(listing.by) if listing else None,
        "on_netflix_source": list(listing.sources) if listing else [],
    }


def season_json(season: Season) -> JSON:
    return {
        "number": season.number,
        "status": season.status,
        "released": season.is_out,
        "release_date": _date(season.release_date),
        "end_date": _date(season.end_date),
        "episodes": season.episodes,
        "episodes_unknown": season.episodes_unknown,
        "release_date_unknown": season.release_date_unknown,
        "netflix_release_date": _date(season.netflix_release_date),
        "release_window": season.release_window,
        "platform": season.platform,
        "status_date": _date(season.status_date),
        "as_of": _date(season.as_of),
        "note": season.note,
        "aliases": list(season.aliases),
        "netflix_titles": list(season.netflix_titles),
        "source": list(season.sources),
    }


def stat_json(stat: Stat) -> JSON:
    return {
        "metric": stat.metric,
        "value": stat.value,
        "unit": stat.unit,
        "window": stat.window,
        "window_label": stat.window_label,
        "season": stat.season,
        "list": stat.list,
        "as_of": _date(stat.as_of),
        "note": stat.note,
        "source": list(stat.sources),
    }


def source_work_json(credited: WorkCredits) -> JSON:
    """A source work with the names of its people; ``based_on``, the id of the work it adapts
    (a webtoon drawn from a web novel), or null."""
    work = credited.work
    return {
        "id": work.id,
        "title": work.title,
        "title_note": work.title_note,
        "korean_title": work.korean_title,
        "romanization": work.romanization,
        "kind": work.kind,
        "story_by": [p.name for p in credited.story_by],
        "writers": [p.name for p in credited.writers],
        "artists": [p.name for p in credited.artists],
        "platform": work.platform,
        "start_year": work.start_year,
        "end_year": work.end_year,
        "based_on": work.based_on,
        "source": list(work.sources),
    }


def _adapted_work_json(detail: ShowDetail) -> JSON | None:
    """The work the title adapts, with the works based on it (``adaptations``, each of the
    same keys but that list) after its own keys."""
    credited = detail.source_credits
    if credited is None:
        return None
    return {
        **source_work_json(credited),
        "adaptations": [source_work_json(based) for based in detail.adaptations],
    }


def cast_json(
    entry: CastEntry,
    with_show: bool = False,
    spoilers: bool = True,
    covered: Collection[str] = (),
    personal: Collection[str] = (),
) -> JSON:
    """A credit; without ``spoilers`` a flagged note is withheld (null), as the cast page
    withholds it (answers.spoilers.shown_note): only `show --json` gives all, flagged. Its
    ``layer`` as a person's credit gives it, ``personal`` the files of the personal dataset
    (App.through_personal)."""
    credit = entry.credit
    row: JSON = {}
    if with_show:
        row["slug"] = entry.show.slug
        row["title"] = entry.show.title
        row["show"] = entry.show.slug  # kept for compatibility: slug
        row["show_title"] = entry.show.title  # kept for compatibility: title
    row.update(
        {
            "actor": entry.person.name,
            "actor_hangul": entry.person.hangul,
            "person": entry.person.id,
            "character": credit.character,
            "character_hangul": credit.character_hangul,
            "character_unknown": credit.character_unknown,
            "role": credit.role,
            "seasons": list(seasons_of(credit, entry.show)),
            "announced_seasons": list(entry.announced_seasons),
            "announced_as_of": entry.announced_as_of,
            "note": shown_note(credit, spoilers, covered),
            # which listed credit is flagged would point at the one whose note is withheld
            "spoiler": credit.spoiler if spoilers else None,
            "source": list(entry.sources),
            "layer": layers_json((entry.given_by,), personal)[0] if entry.given_by else None,
        }
    )
    return row


def show_json(
    detail: ShowDetail,
    elsewhere: Mapping[str, Sequence[Any]] | None = None,
) -> JSON:
    """All of the title's data, spoilers included and flagged; ``elsewhere`` (answers.seen.
    seen_elsewhere) the other titles you have seen its people in, as the page's "You have seen
    them in" lists them, flagged for the ShowDetail.cameos, whose only tie to this title is a
    credit flagged as a spoiler (the page leaves them out without --spoilers)."""
    show = detail.show
    cameos = detail.cameos if elsewhere else frozenset()
    return {
        "slug": show.slug,
        "title": show.title,
        "korean_title": show.korean_title,
        "romanization": show.romanization,
        "aliases": list(show.aliases),
        "kind": show.kind,
        "platform": show.platform or None,  # a Netflix-only title's files name none
        "platforms": list(show.platforms),
        "genres": list(show.genres),
        "years": show.years,
        "first_year": show.first_date.year if show.first_date else None,
        "last_year": show.last_year,
        "release_date": _date(show.release_date),
        "netflix_release_date": _date(show.netflix_release_date),
        "runtime_minutes": show.runtime_minutes,
        "synopsis": show.synopsis or None,
        "directors": [p.name for p in detail.directors],
        "writers": [p.name for p in detail.writers],
        "creators": [p.name for p in detail.creators],
        "crew_unknown": show.crew_unknown,
        "seasons": [
            _judged_season_json(s, detail.stale(s.number), detail.listing(s.number))
            for s in detail.seasons
        ],
        "episodes": show.episodes,
        "source_work": _adapted_work_json(detail),
        "cast": [cast_json(e, personal=detail.personal) for e in detail.cast],
        "cast_unknown": show.cast_unknown,
        "stats": [{**stat_json(s), "before_top10": s in detail.before_top10} for s in detail.stats],
        "facts": [
            {"text": f.text, "spoiler": f.spoiler, "season": f.season, "source": list(f.sources)}
            for f in detail.facts
        ],
        "related": [s.slug for s in detail.related],
        "companion_of": detail.companion_of.slug if detail.companion_of else None,
        "companions": [s.slug for s in detail.companions],
        "netflix_only": show.netflix_only,
        "completeness": show.completeness,
        "reports": [
            {
                "report": row.report,
                "season": row.season,
                "netflix_title": row.title,
                "hours": row.hours,
                "views": row.views,
                "runtime_minutes": row.runtime_minutes,
                "available_globally": row.available,
                "netflix_release_date": _date(row.netflix_release),
                "source": list(row.sources),
            }
            for row in detail.reports
        ],
        "netflix_reach": {
            "top10_to": detail.reach.top10_to if detail.reach else None,
            "reports_to": detail.reach.reports_to if detail.reach else None,
            "popular_as_of": detail.reach.popular_as_of if detail.reach else None,
        },
        "seen_elsewhere": [
            {
                "person": person.id,
                "name": person.name,
                "seen_in": [seen_credit_json(c) for c in elsewhere[person.id]],
                "spoiler": person.id in cameos,
            }
            for person in detail.credited
            if elsewhere and elsewhere.get(person.id)
        ],
        "layers": layers_json(detail.layers, detail.personal),
        "layered_crew": layered_crew_json(
            detail.crew_layered,
            [*detail.directors, *detail.writers, *detail.creators],
            detail.personal,
        ),
        # the title's own: what its synopsis, crew, kind, platform and dates rest on
        "source": list(show.sources),
        "sources": [citation_json(c) for c in (*detail.citations, *detail.more_citations)],
    }


def cast_list_json(
    groups: Sequence[tuple[Show, Sequence[CastEntry]]],
    spoilers: bool = False,
    personal: Collection[str] = (),
) -> list[JSON]:
    rows = []
    for _, entries in groups:
        covered = covered_roles(entries, spoilers)
        rows += [
            cast_json(e, with_show=True, spoilers=spoilers, covered=covered, personal=personal)
            for e in entries
        ]
    return rows


def coming_seasons_json(seasons: SeasonsOut) -> list[JSON]:
    """compare's coming seasons, as its page's Seasons cell gives them (and show --json gives
    each season): status, dates, due day or window, and the stale flag."""
    return [
        {
            "season": season.number,
            "status": season.status,
            "status_date": _date(season.status_date),
            "as_of": _date(season.as_of),
            "release_date": _date(season.release_date),
            "release_window": season.release_window,
            "stale": stale,
        }
        for season, stale in seasons.coming
    ]


def comparison_json(
    comparison: Comparison, spoilers: bool = True, personal: Collection[str] = ()
) -> JSON:
    """`compare --json`; without ``spoilers`` a flagged citation's headline and address are
    null (citation_json), as the page hides them; ``personal`` the files of the personal
    dataset (App.through_personal), for the crew a layer added."""
    shows = comparison.shows
    crew = comparison.crew_layered or tuple(() for _ in shows)
    return {
        "shows": [s.slug for s in shows],
        # each title's own sources, as the page's Sources row cites them: one list per show
        "source": [list(s.sources) for s in shows],
        "rows": [
            {"field": "title", "values": [s.title for s in shows]},
            {"field": "korean_title", "values": [s.korean_title for s in shows]},
            {"field": "kind", "values": [s.kind for s in shows]},
            {"field": "years", "values": [s.years for s in shows]},
            {
                "field": "first_year",
                "values": [s.first_date.year if s.first_date else None for s in shows],
            },
            {
                "field": "last_year",
                "values": [s.last_year for s in shows],
            },
            {"field": "platform", "values": [s.platform or None for s in shows]},
            {"field": "platforms", "values": [list(s.platforms) for s in shows]},
            # how many are out: 0 for a film, as list gives it
            {"field": "seasons", "values": [seasons.out for seasons in comparison.seasons]},
            {
                "field": "on_netflix_seasons",
                "values": [list(seasons.on_netflix_numbers) for seasons in comparison.seasons],
            },
            {
                "field": "coming_seasons",
                "values": [coming_seasons_json(seasons) for seasons in comparison.seasons],
            },
            {"field": "episodes", "values": [s.episodes for s in shows]},
            {
                "field": "source_work",
                "values": [w.title if w else None for w in comparison.source_works],
            },
            {  # the work's id, as list's source_work gives it
                "field": "source_work_id",
                "values": [w.id if w else None for w in comparison.source_works],
            },
            {"field": "directors", "values": [[p.name for p in g] for g in comparison.directors]},
            {"field": "writers", "values": [[p.name for p in g] for g in comparison.writers]},
            {"field": "genres", "values": [list(s.genres) for s in shows]},
        ],
        # the directors and writers of those rows a layer's extension added, as the page
        # marks them (a title naming no director has its creators in the Directors row)
        "layered_crew": [
            layered_crew_json(
                given,
                [*directors, *writers],
                personal,
                ("director" if show.directors else "creator", "writer"),
            )
            for show, directors, writers, given in zip(
                shows, comparison.directors, comparison.writers, crew, strict=True
            )
        ],
        "stats": [
            {
                "metric": row.metric,
                "unit": row.unit,
                "window": row.window,
                "windows": list(row.windows),
                "window_label": row.window_label,
                "list": row.list,
                "season": row.season,
                "broadcaster": row.broadcaster,
                "values": list(row.values),
                "debuts": [
                    day.isoformat() if day else None for day in row.debuts or [None] * len(shows)
                ],
                "leader": shows[row.leader].slug if row.leader is not None else None,
                "source": [list(ids) for ids in row.sources],
                # Titles whose running total leaves out weeks before Netflix's lists begin
                # (none in a row of other figures).
                "before_top10": [
                    show.slug
                    for show, before in zip(
                        shows, row.before_top10 or [False] * len(shows), strict=True
                    )
                    if before
                ],
                # Titles whose season's day on Netflix is unknown, in a half-year's row of
                # hours or views (none in a row of other figures): such a row has no leader.
                "release_unknown": [
                    show.slug
                    for show, unknown in zip(
                        shows, row.release_unknown or [False] * len(shows), strict=True
                    )
                    if unknown
                ],
                # Titles whose season came out week by week, in a debut week's row of views
                # that sets it beside a season that did not (none in a row of other figures):
                # such a row has no leader.
                "week_by_week": [
                    show.slug
                    for show, weekly in zip(
                        shows, row.week_by_week or [False] * len(shows), strict=True
                    )
                    if weekly
                ],
                "as_of": [day.isoformat() if day else None for day in row.as_of],
                # each title's figure's note, which tells it from its other figures
                "notes": list(row.notes or [None] * len(shows)),
                # each title's other figures of the row, each with the note that names it
                "other_figures": [
                    [
                        {
                            "value": stat.value,
                            "as_of": stat.as_of.isoformat(),
                            "source": list(stat.sources),
                            "note": stat.note,
                        }
                        for stat in figures
                    ]
                    for figures in row.others or [()] * len(shows)
                ],
            }
            for row in comparison.stats
        ],
        "cast_in_common": [
            {
                "actor": shared.person.name,
                "actor_hangul": shared.person.hangul,
                "person": shared.person.id,
                "characters": {
                    show.slug: list(chars)
                    for show, chars in zip(shows, shared.characters, strict=True)
                    if chars
                },
                "announced_seasons": {
                    show.slug: list(pending)
                    for show, chars, pending in zip(
                        shows, shared.characters, shared.announced, strict=True
                    )
                    if chars
                },
                "source": {
                    show.slug: list(ids)
                    for show, chars, ids in zip(
                        shows, shared.characters, shared.sources, strict=True
                    )
                    if chars
                },
                # the layer that gave the credit there, as a show's cast[].layer gives it
                "layer": {
                    show.slug: layers_json((mark,), personal)[0] if mark else None
                    for show, chars, mark in zip(
                        shows,
                        shared.characters,
                        shared.given_by or [None] * len(shows),
                        strict=True,
                    )
                    if chars
                },
            }
            for shared in comparison.shared_cast
        ],
        "figures_apart": _figures_apart_json(comparison),
        "unmatched": [show.slug for show in comparison.unmatched],
        "left_out": [
            {
                "slug": shows[item.show].slug,
                "show": shows[item.show].slug,  # kept for compatibility: slug
                "reason": item.reason,
                "metric": item.stat.metric,
                "unit": item.stat.unit,
                "window": item.stat.window,
                "window_label": item.stat.window_label,
                "list": item.stat.list,
                "season": item.season,  # a one-season title's figure of no season: its season
                "value": item.stat.value,
                "as_of": item.stat.as_of.isoformat(),
            }
            for item in comparison.left_out
        ],
        "sources": [citation_json(c, spoilers) for c in comparison.citations],
    }


def _figures_apart_json(comparison: Comparison) -> JSON | None:
    apart = comparison.figures_apart
    if apart is None:
        return None
    shows = comparison.shows
    return {
        "reason": apart.reason,
        "metric": apart.metric,
        "window_label": apart.window_label,
        "lists": {  # a figure of no list is null, as a figure of no season is
            s.slug: [name or None for name in names]
            for s, names in zip(shows, apart.lists, strict=True)
            if names
        }
        if apart.lists
        else None,
        "seasons": {
            s.slug: [n or None for n in numbers]
            for s, numbers in zip(shows, apart.seasons, strict=True)
            if numbers
        }
        if apart.seasons
        else None,
        "broadcasters": {
            s.slug: list(names) for s, names in zip(shows, apart.broadcasters, strict=True) if names
        }
        if apart.broadcasters
        else None,
    }


def _counts_json(counts: dict[str, int]) -> dict[str, int]:
    """The dataset's counts, each also under the word the pages use ("titles" for "shows",
    "figures" for "stats"; the dataset's own keys are kept for compatibility)."""
    worded = dict(counts)
    for key, word in COUNT_WORDS.items():
        if key in counts:
            worded[word] = counts[key]
    return worded


def check_json(report: Any, *, ok: bool, as_layer: bool = False, strict: bool = False) -> JSON:
    """`data check --json`; ``as_layer``: PATH was checked merged over the dataset in use.

    ``ok`` is the verdict the exit status gives (CheckReport.passed), so a script reading it
    never passes what the command failed."""
    return {
        "ok": ok,
        "strict": strict,
        "as_layer": as_layer,
        "files": list(report.files),
        "counts": _counts_json(report.counts),
        # Cleaned as the human lines and the details below are: a file name or key with a
        # control character in it reads the same in all three.
        "problems": [clean(str(p)) for p in report.problems],
        "warnings": [clean(str(w)) for w in report.warnings],
        # The same, one object each (file, line, column, location, message), as an error's
        # JSON gives its problems: a script need not parse the lines above.
        "problem_details": [problem_json(p) for p in report.problems],
        "warning_details": [problem_json(w) for w in report.warnings],
        "overrides": list(report.overrides),
        "extensions": list(report.extensions),
        "weak_citations": report.weak_citations,
        "repeated": list(report.repeated),
        "unchecked": report.unchecked,
    }


# --- discovery commands ----------------------------------------------------------------------


def person_detail_json(detail: Any, marks: Sequence[tuple[int, ...] | None] | None = None) -> JSON:
    """A person's page; ``marks`` (one per credit: answers.seen.credits_seen) say what of each
    credit you have seen, as the page's Seen column does."""
    person = detail.person
    seen = list(marks) if marks else [None] * len(detail.credits)
    return {
        "person": person.id,
        "id": person.id,  # kept for compatibility: person
        "name": person.name,
        "hangul": person.hangul,
        "aliases": list(person.aliases),
        "note": person.note,
        "credits": [
            {
                "slug": entry.show.slug,
                "title": entry.show.title,
                "show": entry.show.slug,  # kept for compatibility: slug
                "show_title": entry.show.title,  # kept for compatibility: title
                "korean_title": entry.show.korean_title,
                "year": entry.show.year,
                "capacity": entry.capacity,
                "work": _work_ref(entry.work),
                "character": entry.credit.character if entry.credit else None,
                "character_hangul": entry.credit.character_hangul if entry.credit else None,
                "character_unknown": entry.credit.character_unknown if entry.credit else None,
                "role": entry.credit.role if entry.credit else None,
                "seasons": list(seasons_of(entry.credit, entry.show)) if entry.credit else [],
                "announced_seasons": list(entry.announced),
                "spoiler": (entry.credit.spoiler if entry.credit else False)
                if detail.spoilers
                else None,
                "source": list(entry.sources),
                "seen": mark is not None,
                "seen_seasons": list(mark or ()),
                "layer": layers_json((entry.layer,), detail.personal)[0] if entry.layer else None,
            }
            for entry, mark in zip(detail.credits, seen, strict=True)
        ],
        "also_worked_with": [
            {
                "person": colleague.person.id,
                "name": colleague.person.name,
                "shows": [s.slug for s in colleague.shows],
            }
            for colleague in detail.colleagues
        ],
        "layers": layers_json(detail.layers, detail.personal),
        # what the name, Hangul, aliases and note rest on; last, so that the sources list
        # numbers them after the credits' as the page does
        "source": list(detail.sources),
    }


def layers_json(marks: Sequence[LayerMark], personal: Collection[str] = ()) -> list[JSON]:
    """The files over the base dataset that made or changed an entry, as the page's "Layers:"
    line names them, each with whether the personal dataset is or brings it in: [] for an
    entry as the base gives it."""
    return [
        {"how": mark.how, "file": mark.file, "personal": mark.file in personal} for mark in marks
    ]


def layered_crew_json(
    given: Sequence[tuple[str, str, LayerMark, tuple[str, ...]]],
    people: Sequence[Any],
    personal: Collection[str] = (),
    capacities: Collection[str] | None = None,
) -> list[JSON]:
    """The crew credits a layer's extension added to a title (answers.sources.layered_crew),
    those of ``people`` (and of ``capacities``, when given) that the page marks: each with its
    ``layer`` as a cast row's is given (cast_json), and what that layer cites for it."""
    names = {person.id: person.name for person in people}
    return [
        {
            "capacity": capacity,
            "person": person,
            "name": names[person],
            "layer": layers_json((layer,), personal)[0],
            "source": list(cited),
        }
        for capacity, person, layer, cited in given
        if person in names and (capacities is None or capacity in capacities)
    ]


def _work_ref(work: Any) -> JSON | None:
    """The source work a writer's or artist's credit rests on (PersonCredit.work), as the
    page's As column names it: null for a role or a crew credit."""
    if work is None:
        return None
    return {
        "id": work.id,
        "title": work.title,
        "korean_title": work.korean_title,
        "kind": work.kind,
    }


def search_json(results: Sequence[Any]) -> list[JSON]:
    return [_search_result(number, r) for number, r in enumerate(results, start=1)]


def _search_result(rank: int, r: Any) -> JSON:
    """One result with every key, as the CSV has every column: ``person``, ``actor`` and
    ``seasons`` say who plays a character, and are null for any other kind of result;
    ``capacity`` and ``slugs`` the crew credits a person was found by, null for any other."""
    character = r.kind == "character"
    crew = r.kind == "person" and r.capacity is not None
    return {
        "rank": rank,
        "kind": r.kind,
        "label": r.label,
        "matched": r.matched,
        "target": r.target,
        "command": lookup_command(r.kind, r.target, r.season),
        "score": r.score,
        "person": r.person if character else None,
        "actor": r.actor if character else None,
        "seasons": list(r.seasons) if character else None,
        "capacity": r.capacity if crew else None,
        "slugs": list(r.slugs) if crew else None,
    }


def list_json(shows: Sequence[ShowSummary], top10_to: str | None = None) -> list[JSON]:
    """``list --json``: each title's summary record (catalogue.models.summary_record), with
    the week its Top 10 sums run to (answers.listing.top10_totals_to)."""
    return [summary_record(s, top10_to) for s in shows]


def board_json(board: Any, ranking: Any) -> JSON:
    """A board (answers.leaderboards.Ranking): its list, the other lists with the figure, and its
    entries ranked."""
    from kdrama_cli.answers.leaderboards import list_option

    entries = ranking.entries
    return {
        "metric": board.key,
        "label": board.label,
        "list": ranking.chart_list,
        "other_lists": [
            {"list": name, "option": list_option(name), "titles": count}
            for name, count in ranking.other_lists
        ],
        # Titles with the figure that name no list: on no list's board.
        "unlisted": [
            {"slug": e.show.slug, "title": e.show.title, "season": e.season}
            for e in ranking.unlisted
        ],
        # An all-time board: the unit Netflix ranks its list by, which netflix_rank follows.
        "netflix_ranked_by": ranking.netflix_ranked_by,
        # A board of weekly views: those whose best week came before Netflix published views.
        "before_views": [
            {"slug": e.show.slug, "title": e.show.title, "season": e.season}
            for e in ranking.before_views
        ],
        "entries": [
            {
                "rank": number,
                "slug": e.show.slug,
                "show": e.show.slug,  # kept for compatibility: slug
                "title": e.show.title,
                "korean_title": e.show.korean_title,
                "season": e.season,
                # Netflix's own rank on its all-time list; ``rank`` is the board's, among
                # the catalogue's titles only.
                "netflix_rank": e.netflix_rank,
                # A season the board ranks more than once: the Netflix title of this row.
                "netflix_title": e.netflix_title,
                **stat_json(e.stat),
                # Out before Netflix's weekly lists begin: its earlier weeks are not counted.
                "before_top10": e.before_top10,
                # On a best-week board: the days a week cut short by the release covers.
                "partial_days": e.partial_days,
                # On the best-week-views board: a season released week by week, whose week's
                # views Netflix divided by the episodes out by then (null on other boards).
                "week_by_week": e.week_by_week if board.origin == "top10-views" else None,
                # On a report's board: the day the season came out on Netflix, within the
                # half-year, so its figure counts only the days from then (null otherwise).
                "debut": e.debut.isoformat() if e.debut else None,
            }
            for number, e in zip(tied_ranks([e.stat.value for e in entries]), entries, strict=True)
        ],
    }


def chart_json(
    charts: Sequence[tuple[Show, Sequence[Any]]],
    seasons: Sequence[int | None],
    gaps: Sequence[ChartGap],
) -> list[JSON]:
    """Each title's weeks; ``seasons``: the season asked for of each, or None. A chart with no
    week says why (``gaps``: answers.charts.chart_gap), and every chart gives the first
    week Netflix's published lists hold."""
    from kdrama_cli.answers.charts import WEEKLY_TOP10_FROM

    return [
        {
            "slug": show.slug,
            "show": show.slug,  # kept for compatibility: slug
            "title": show.title,
            "season": number,
            "not_out": _not_out_json(show, gap.not_out, gap.stale),
            "top10_from": WEEKLY_TOP10_FROM.isoformat(),
            "no_weeks": gap.no_weeks,
            "weeks": [
                {
                    "week": w.week.isoformat(),
                    "season": w.season,
                    "rank": w.rank,
                    "hours": w.hours,
                    "views": w.views,
                    "list": w.list,
                    "source": list(w.sources),
                    "partial_days": w.partial_days,
                }
                for w in weeks
            ],
        }
        for (show, weeks), number, gap in zip(charts, seasons, gaps, strict=True)
    ]


def _not_out_json(show: Show, season: Season | None, stale: str | None = None) -> JSON | None:
    """Why a chart of a season has no week: the season is not out (as the page says)."""
    from kdrama_cli.views.boards import season_not_out

    if season is None:
        return None
    return {
        "status": season.status,
        "status_date": _date(season.status_date),
        "as_of": _date(season.as_of),
        "stale": stale is not None,
        "reason": f"{show.title} {season_not_out(season, stale)}.",
    }


def trivia_json(trivia: Any, spoilers: bool = True) -> JSON:
    """`trivia --json`: the fact with the keys `show --json` gives it (its season and its
    citation ids), and its title; without ``spoilers`` a flagged citation's headline and
    address are null (citation_json), as the page hides them."""
    return {
        "slug": trivia.show.slug,
        "title": trivia.show.title,
        "show": trivia.show.slug,  # kept for compatibility: slug
        "show_title": trivia.show.title,  # kept for compatibility: title
        "text": trivia.fact.text,
        "spoiler": trivia.fact.spoiler,
        "season": trivia.fact.season,
        "source": list(trivia.fact.sources),
        "sources": [citation_json(c, spoilers) for c in trivia.citations],
    }


def questions_json(questions: Sequence[Any]) -> list[JSON]:
    """`quiz --json`: a flagged citation's headline and address are null (citation_json),
    as the quiz hides them; quiz has no --spoilers."""
    return [
        {
            "question": q.text,
            "options": list(q.options),
            "answer": q.answer + 1,
            "explanation": q.explanation,
            "slug": q.show,
            "show": q.show,  # kept for compatibility: slug
            "sources": [citation_json(c, spoilers=False) for c in q.citations],
            "kind": q.kind,
        }
        for q in questions
    ]


# --- the seen list ---------------------------------------------------------------------------


def seen_json(
    titles: Sequence[Any], missing: Sequence[tuple[str, tuple[int, ...]]] = ()
) -> list[JSON]:
    """The seen list: its titles the catalogue has, then (``missing``: slug and seasons, as the
    seen file has them) those it lacks, with what the file says and null for the rest, so an
    export of the list keeps every entry whatever datasets are loaded."""
    known: list[JSON] = [
        {
            "slug": t.show.slug,
            "show": t.show.slug,  # kept for compatibility: slug
            "title": t.show.title,
            "korean_title": t.show.korean_title,
            "kind": t.show.kind,
            "seasons": list(t.seasons),
            "released_seasons": t.out,
            "in_catalogue": True,
            "year": t.show.year,
        }
        for t in titles
    ]
    return known + [
        {
            "slug": slug,
            "show": slug,
            "title": None,
            "korean_title": None,
            "kind": None,
            "seasons": list(seasons),
            "released_seasons": None,
            "in_catalogue": False,
            "year": None,
        }
        for slug, seasons in missing
    ]


def seen_credit_json(credit: Any) -> JSON:
    return {
        "slug": credit.show.slug,
        "show": credit.show.slug,  # kept for compatibility: slug
        "title": credit.show.title,
        "seasons": list(credit.seasons),
        "character": credit.character,
        "crew": list(credit.crew),
    }


def seen_people_json(people: Sequence[Any]) -> list[JSON]:
    return [
        {
            "rank": number,
            "person": p.person.id,
            "name": p.person.name,
            "hangul": p.person.hangul,
            "titles": len(p.credits),
            "seen_in": [seen_credit_json(c) for c in p.credits],
        }
        for number, p in zip(tied_ranks([len(p.credits) for p in people]), people, strict=True)
    ]


def history_import_json(
    match: HistoryMatch, merged: Merged, titles: Sequence[ImportedTitle], dry_run: bool
) -> JSON:
    """What `seen import` read, matched, added (or, with ``dry_run``, would add) and left out:
    every title, where the page names the first few that matched nothing."""
    return {
        "dry_run": dry_run,
        "rows": match.rows,
        "matched_rows": match.matched_rows,
        "new_titles": merged.new_titles,
        "new_seasons": merged.new_seasons,
        "matched": [
            {
                "slug": t.show.slug,
                "title": t.show.title,
                "seasons": list(t.seasons),
                "new_title": t.new_title,
                "new_seasons": list(t.new_seasons),
            }
            for t in titles
        ],
        "not_released": [_left_out_json(left) for left in match.unreleased],
        "season_unmatched": [_left_out_json(left) for left in match.missing_seasons],
        "unmatched": [
            {"title": title, "rows": rows, "read_as": _read_as_json(match, title)}
            for title, rows in match.unmatched
        ],
    }


def _read_as_json(match: HistoryMatch, slug: str) -> JSON | None:
    """An exported id's ``read_as``: the title, and season, the title finder reads an id the
    catalogue no longer has as (answers.seen.gone_readings); null where none, and for every
    title of a Netflix history, whose words are no id (a missing value is null, never a key
    left out)."""
    for reading in match.readings:
        if reading.slug == slug:
            return {"slug": reading.show.slug, "season": reading.season}
    return None


def _left_out_json(left: LeftOut) -> JSON:
    return {
        "slug": left.show.slug,
        "title": left.show.title,
        "season": left.season,
        "rows": left.rows,
        "reason": left.reason or None,
    }


# --- connection paths ------------------------------------------------------------------------


def _endpoint_json(endpoint: Any, season: int | None = None, apart: str | None = None) -> JSON:
    """A path's end, with every key whatever its kind, null where it does not apply (as a
    search result has): `slug` for a title, `person` for a person. "id" is kept for
    compatibility: the same as "slug" (a title) or "person" (a person). `told_apart` is what
    the page's heading says beside the name of an end another shares ("actress (Goblin,
    Little Women)" for one Kim Go-eun), null for the rest."""
    if isinstance(endpoint, Show):
        return {
            "kind": "title",
            "slug": endpoint.slug,
            "person": None,
            "id": endpoint.slug,
            "name": endpoint.title,
            "season": season,
            "told_apart": apart,
        }
    return {
        "kind": "person",
        "slug": None,
        "person": endpoint.id,
        "id": endpoint.id,
        "name": endpoint.name,
        "season": None,
        "told_apart": apart,
    }


def _role_json(role: Any) -> JSON | None:
    if role is None:
        return None
    return {
        "person": role.person.id,
        "name": role.person.name,
        "as": " / ".join(role.named) or None,
        "character_unknown": role.character_unknown,
        "seasons": list(role.seasons),
        "announced_seasons": list(role.announced),
        "source": list(role.sources),
        "characters": list(role.characters),
    }


def connection_json(connection: Any, spoilers: bool = True) -> JSON:
    """`path --json`; without ``spoilers`` a flagged citation's headline and address are
    null (citation_json), as the page hides them."""
    citations: list[Citation] = []
    for path in connection.paths:
        citations.extend(c for c in path.citations if c not in citations)
    return {
        "from": _endpoint_json(connection.start, connection.start_season, connection.start_apart),
        "to": _endpoint_json(connection.end, connection.end_season, connection.end_apart),
        "connected": connection.degrees is not None,
        "degrees": connection.degrees,
        "paths": [
            {
                "hops": [
                    {
                        "slug": hop.show.slug,
                        "show": hop.show.slug,  # kept for compatibility: slug
                        "title": hop.show.title,
                        "season": hop.season,
                        "left": _role_json(hop.left),
                        "right": _role_json(hop.right),
                    }
                    for hop in path.hops
                ]
            }
            for path in connection.paths
        ],
        "more": connection.more,
        "sources": [citation_json(c, spoilers) for c in citations],
    }


# --- what is coming --------------------------------------------------------------------------


def upcoming_json(coming: Any) -> JSON:
    """`kdrama upcoming --json` (an answers.upcoming.Coming): the seasons in the page's order.
    A flagged citation's headline and address are null (citation_json), as the page, the
    calendar and `--csv` leave them out: upcoming has no --spoilers."""
    return {
        "today": _date(coming.today),
        "stale_before": _date(coming.stale_before),
        "seasons": [
            {
                "slug": entry.slug,
                "title": entry.title,
                "korean_title": entry.korean_title,
                "season": entry.season.number,
                "status": entry.season.status,
                "status_date": _date(entry.season.status_date),
                "as_of": _date(entry.season.as_of),
                "news_date": _date(entry.news_date),
                "release_date": _date(entry.season.release_date),
                "release_window": entry.season.release_window,
                "release_passed": entry.release_passed,
                "window_passed": entry.window_passed,
                "stale": entry.stale,
                "on_netflix_by": _date(entry.on_netflix.by) if entry.on_netflix else None,
                "on_netflix_source": list(entry.on_netflix.sources) if entry.on_netflix else [],
                "note": entry.season.note,
                "source": list(entry.season.sources),
            }
            for entry in coming.entries
        ],
        "sources": [citation_json(c, spoilers=False) for c in coming.citations],
    }


# --- similar titles --------------------------------------------------------------------------


def similar_json(answer: Any, weights: dict[str, int]) -> JSON:
    """`kdrama similar SHOW --json` (an answers.similar.Similar): the ranked titles, each
    with its reasons as data, and the weights the scores are made of."""
    return {
        "slug": answer.show.slug,
        "show": answer.show.slug,  # kept for compatibility: slug
        "title": answer.show.title,
        "weights": dict(weights),
        "results": [
            {
                "rank": rank,
                "slug": result.slug,
                "title": result.title,
                "kind": result.kind,
                "year": result.year,
                "score": result.score,
                "reasons": [
                    {
                        "kind": reason.kind,
                        "detail": reason.detail,
                        "weight": reason.weight,
                        "person": reason.person,
                    }
                    for reason in result.reasons
                ],
            }
            for rank, result in enumerate(answer.results, start=1)
        ],
    }

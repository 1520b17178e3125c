"""Records to and from marshal-able tuples, for the index.

marshal is built in (nothing to import) and loads plain tuples fast; it cannot hold dates or
NamedTuples, so each record becomes a tuple of its fields with dates as ordinals, and nested
records as tuples of theirs. Unlike pickle, loading can only ever build the dataset's own
record types.
"""

import datetime as dt
import marshal
from collections.abc import Iterable
from typing import Any

from kdrama_cli.catalogue.models import (
    LAYER_HOWS,
    LAYER_ITEM_LISTS,
    Citation,
    Credit,
    Fact,
    LayerItems,
    LayerMark,
    LayerMarks,
    LayerRoots,
    Person,
    Season,
    Show,
    ShowSummary,
    SourceWork,
    Stat,
)

_date = dt.date.fromordinal


def _day(value: dt.date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _from_day(value: int | None) -> dt.date | None:
    return _date(value) if value is not None else None


def dump_record(record: Any) -> bytes:
    """One record (Show, Person, SourceWork or Citation) as marshal bytes."""
    return marshal.dumps(_encode(record))


_SHOW = {name: position for position, name in enumerate(Show._fields)}
_SEASON_DATES = tuple(
    Season._fields.index(name)
    for name in ("release_date", "end_date", "status_date", "as_of", "netflix_release_date")
)
_SHOW_DATES = ("release_date", "netflix_release_date")
_STAT_AS_OF = Stat._fields.index("as_of")
_CITATION_DATE = Citation._fields.index("date")


def _encode(record: Any) -> tuple[Any, ...]:
    if isinstance(record, Show):
        fields: list[Any] = list(record)
        for name in _SHOW_DATES:
            fields[_SHOW[name]] = _day(fields[_SHOW[name]])
        fields[_SHOW["seasons"]] = tuple(_season(s) for s in record.seasons)
        fields[_SHOW["cast"]] = tuple(tuple(c) for c in record.cast)
        fields[_SHOW["stats"]] = tuple(_with_day(s, (_STAT_AS_OF,)) for s in record.stats)
        fields[_SHOW["facts"]] = tuple(tuple(f) for f in record.facts)
        return ("show", tuple(fields))
    if isinstance(record, Citation):
        return ("citation", _with_day(record, (_CITATION_DATE,)))
    if isinstance(record, Person):
        return ("person", tuple(record))
    if isinstance(record, SourceWork):
        return ("work", tuple(record))
    raise TypeError(f"not a dataset record: {type(record).__name__}")


def _with_day(record: tuple[Any, ...], positions: tuple[int, ...]) -> tuple[Any, ...]:
    fields = list(record)
    for position in positions:
        fields[position] = _day(fields[position])
    return tuple(fields)


def _season(season: Season) -> tuple[Any, ...]:
    return _with_day(season, _SEASON_DATES)


def load_record(data: bytes) -> Any:
    """The record that dump_record wrote."""
    kind, fields = marshal.loads(data)
    if kind == "show":
        values = list(fields)
        for name in _SHOW_DATES:
            values[_SHOW[name]] = _from_day(values[_SHOW[name]])
        values[_SHOW["seasons"]] = tuple(
            Season._make(_season_fields(s)) for s in values[_SHOW["seasons"]]
        )
        values[_SHOW["cast"]] = tuple(Credit._make(c) for c in values[_SHOW["cast"]])
        values[_SHOW["stats"]] = tuple(_stat(s) for s in values[_SHOW["stats"]])
        values[_SHOW["facts"]] = tuple(Fact._make(f) for f in values[_SHOW["facts"]])
        return Show._make(values)
    if kind == "citation":
        values = list(fields)
        values[_CITATION_DATE] = _from_day(values[_CITATION_DATE])
        return Citation._make(values)
    if kind == "person":
        return Person._make(fields)
    if kind == "work":
        return SourceWork._make(fields)
    raise ValueError(f"unknown record kind {kind!r}")


def _season_fields(fields: tuple[Any, ...]) -> list[Any]:
    values = list(fields)
    for position in _SEASON_DATES:
        values[position] = _from_day(values[position])
    return values


def _stat(fields: tuple[Any, ...]) -> Stat:
    values = list(fields)
    values[_STAT_AS_OF] = _date(values[_STAT_AS_OF])
    return Stat._make(values)


_SUMMARY_DATE = ShowSummary._fields.index("first_date")


def dump_summaries(summaries: Iterable[ShowSummary]) -> bytes:
    """Every title's summary as one marshal blob: a listing decodes it in one call."""
    return marshal.dumps(tuple(_with_day(s, (_SUMMARY_DATE,)) for s in summaries))


def load_summaries(data: bytes) -> list[ShowSummary]:
    """The summaries that dump_summaries wrote (ValueError/TypeError when they are not)."""
    rows = marshal.loads(data)
    if not isinstance(rows, tuple):
        raise TypeError("not a tuple of summaries")
    width = len(ShowSummary._fields)
    summaries = []
    for row in rows:
        if not isinstance(row, tuple) or len(row) != width:
            raise ValueError("a summary of the wrong shape")
        day = row[_SUMMARY_DATE]
        if day is not None:
            values = list(row)
            values[_SUMMARY_DATE] = _from_day(day)
            row = tuple(values)
        summaries.append(ShowSummary._make(row))
    return summaries


def dump_layer_marks(
    marks: LayerMarks, items: LayerItems | None = None, roots: LayerRoots | None = None
) -> bytes:
    """What layers made or changed (Dataset.layer_marks), the credits their extensions added
    (Dataset.layer_items) and the path of the load each layer came in through
    (Dataset.layer_roots) as one marshal blob: ({table: {id: ((how, file), ...)}},
    {slug: {list: ((position, file), ...)}}, {file: place})."""
    return marshal.dumps(
        (
            {
                table: {key: tuple(map(tuple, found)) for key, found in by_id.items()}
                for table, by_id in marks.items()
            },
            {slug: dict(by_list) for slug, by_list in (items or {}).items()},
            dict(roots or {}),
        )
    )


def load_layer_marks(data: bytes) -> tuple[LayerMarks, LayerItems, LayerRoots]:
    """The marks, items and roots dump_layer_marks wrote (ValueError/TypeError when they are
    not: a how the pages have no words for, or a list no credit is in, is damage too)."""
    loaded = marshal.loads(data)
    if not isinstance(loaded, tuple) or len(loaded) != 3:
        raise TypeError("not the marks, the items and the roots")
    tables, items, roots = loaded
    if not isinstance(tables, dict) or not isinstance(items, dict) or not isinstance(roots, dict):
        raise TypeError("not a mapping of tables")
    marks = {
        str(table): {
            str(key): tuple(_layer_mark(*pair) for pair in found) for key, found in by_id.items()
        }
        for table, by_id in tables.items()
    }
    added = {
        str(slug): {
            _credit_list(name): tuple(_layer_item(*pair) for pair in added)
            for name, added in by_list.items()
        }
        for slug, by_list in items.items()
    }
    return marks, added, dict(_layer_root(file, place) for file, place in roots.items())


def _layer_root(file: object, place: object) -> tuple[str, int]:
    if not isinstance(file, str) or type(place) is not int or place < 1:
        raise ValueError(f"not a layer's place in the load: {file!r}, {place!r}")
    return file, place


def _credit_list(name: object) -> str:
    if name not in LAYER_ITEM_LISTS:
        raise ValueError(f"not a list of credits or their citations: {name!r}")
    return str(name)


def _layer_item(position: object, file: object) -> tuple[int, str]:
    if type(position) is not int or position < 0 or not isinstance(file, str):
        raise ValueError(f"not a credit a layer added: {position!r}, {file!r}")
    return position, file


def _layer_mark(how: object, file: object) -> LayerMark:
    if how not in LAYER_HOWS or not isinstance(file, str):
        raise ValueError(f"not a layer mark: {how!r}, {file!r}")
    return LayerMark(str(how), file)

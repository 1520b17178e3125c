"""Record behaves as the NamedTuple it stands in for."""

from __future__ import annotations

import pickle

import pytest

from kdrama_cli.catalogue.models import Season, Show
from kdrama_cli.catalogue.record import Record


class Point(Record):
    x: int
    y: int
    label: str | None = None
    tags: tuple[str, ...] = ()


def test_positional_keyword_and_default_construction() -> None:
    assert Point(1, 2) == (1, 2, None, ())
    assert Point(1, 2, "a") == Point(x=1, y=2, label="a") == Point(1, y=2, label="a")
    assert Point(1, 2, tags=("t",)).tags == ("t",)
    point = Point(3, 4, "p")
    assert (point.x, point.y, point.label) == (3, 4, "p")
    assert Point._fields == ("x", "y", "label", "tags")
    assert Point._field_defaults == {"label": None, "tags": ()}


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, 2, 3, (), 5), {}), ((1,), {"label": "a"}), ((1, 2), {"colour": "red"})],
)
def test_wrong_arguments_are_refused(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        Point(*args, **kwargs)  # type: ignore[arg-type, call-arg, misc]


def test_helpers_equality_hashing_and_pickling() -> None:
    point = Point(1, 2, "a")
    assert point._replace(y=5) == Point(1, 5, "a")
    assert point._asdict() == {"x": 1, "y": 2, "label": "a", "tags": ()}
    assert Point._make([1, 2, None, ()]) == Point(1, 2)
    with pytest.raises(TypeError):
        Point._make([1, 2])
    with pytest.raises(TypeError):
        point._replace(z=1)  # type: ignore[call-arg]
    assert hash(point) == hash((1, 2, "a", ()))
    assert pickle.loads(pickle.dumps(point)) == point
    assert type(pickle.loads(pickle.dumps(point))) is Point
    assert repr(point) == "Point(x=1, y=2, label='a', tags=())"
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.colour = "red"  # type: ignore[attr-defined]


def test_dataset_records_keep_their_methods() -> None:
    season = Season(1, "released")
    show = Show("s", "S", "series", "Netflix", (), "", (), seasons=(season,))
    assert show.season(1) is season and show.released_seasons == (season,)


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="follows"):

        class Broken(Record):
            a: int = 0
            b: int

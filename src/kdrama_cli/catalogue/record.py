"""``Record``: typed, immutable tuples, like ``typing.NamedTuple`` but a tenth as dear to define.

``typing.NamedTuple`` builds each class through ``collections.namedtuple``, which compiles a
constructor with ``eval`` and checks every annotation: about 0.2 ms a class. kdrama has a score
of record types, and a command that answers in 60 ms imports most of them, so defining them was
a twentieth of its time. A ``Record`` class is a tuple subclass with the same behaviour (field
properties, defaults, ``_make``, ``_replace``, ``_asdict``, ``_fields``, equality, hashing,
pickling) built without compiling anything.

For type checkers a ``Record`` *is* a ``typing.NamedTuple``, so class bodies are written exactly
as for one. Modules defining records use ``from __future__ import annotations``: the field names
are then read from the class's annotations without evaluating them.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

__all__ = ["Record"]

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:

    class _RecordType(type):
        def __new__(
            mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]
        ) -> _RecordType:
            if bases == (tuple,):  # Record itself
                return super().__new__(mcls, name, bases, namespace)
            annotations = namespace.get("__annotations__")
            if annotations is None:
                raise TypeError(
                    f"record {name}: its module needs 'from __future__ import annotations'"
                )
            fields = tuple(annotations)
            defaults = {f: namespace.pop(f) for f in fields if f in namespace}
            if tuple(defaults) != fields[len(fields) - len(defaults) :]:
                raise TypeError(f"record {name}: a field without a default follows one with")
            namespace["__slots__"] = ()
            namespace["_fields"] = fields
            namespace["_field_defaults"] = defaults
            namespace["__match_args__"] = fields
            namespace["__new__"] = _constructor(name, fields, defaults)
            for index, field in enumerate(fields):
                namespace[field] = property(itemgetter(index), doc=f"Field {index}: {field}")
            return super().__new__(mcls, name, bases, namespace)

    def _constructor(name: str, fields: tuple[str, ...], defaults: dict[str, Any]) -> Any:
        count = len(fields)
        required = count - len(defaults)
        default_values = tuple(defaults.values())

        def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
            given = len(args)
            if not kwargs:
                if given == count:
                    return tuple.__new__(cls, args)
                if required <= given < count:
                    return tuple.__new__(cls, args + default_values[given - required :])
                raise TypeError(f"{name}() takes {required} to {count} arguments, got {given}")
            if given > count:
                raise TypeError(f"{name}() takes {required} to {count} arguments, got {given}")
            values = list(args)
            for field in fields[given:]:
                if field in kwargs:
                    values.append(kwargs.pop(field))
                elif field in defaults:
                    values.append(defaults[field])
                else:
                    raise TypeError(f"{name}() missing argument {field!r}")
            if kwargs:
                raise TypeError(f"{name}() got an unexpected argument {next(iter(kwargs))!r}")
            return tuple.__new__(cls, values)

        __new__.__qualname__ = f"{name}.__new__"
        return __new__

    class Record(tuple, metaclass=_RecordType):
        """Base of the record types; see the module's docstring."""

        __slots__ = ()
        _fields: tuple[str, ...] = ()
        _field_defaults: dict[str, Any] = {}

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            record = tuple.__new__(cls, iterable)
            if len(record) != len(cls._fields):
                raise TypeError(f"{cls.__name__} takes {len(cls._fields)} fields")
            return record

        def _replace(self, **changes: Any) -> Any:
            values = [changes.pop(f, v) for f, v in zip(self._fields, self, strict=True)]
            if changes:
                raise TypeError(f"unknown fields: {', '.join(changes)}")
            return tuple.__new__(type(self), values)

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

        def __repr__(self) -> str:
            pairs = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({pairs})"

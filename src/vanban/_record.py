"""Records that cost nothing at import: dataclasses without generated methods.

``@dataclass`` compiles every method it writes (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, and ``__setattr__``/``__delattr__`` when frozen) with ``exec`` when the class
is made: about 0.3–0.7 ms a class, some 10 ms over the classes a cold ``vanban render``
imports. A record is a class declared ``@dataclass(init=False, repr=False, eq=False)``, which
only collects its fields (about 0.02 ms), so ``dataclasses.fields``, ``replace``, ``asdict``
and ``is_dataclass`` work as before. It writes its ``__init__`` by hand (compiled once into
the .pyc, as fast as the generated one) and takes the rest from a base here, which does what
the generated methods did:

- ``__repr__``: ``Name(field=value, …)`` over the fields with ``repr=True``;
- ``__eq__``: equal when of the same class and the fields with ``compare=True`` are equal;
- :class:`FrozenRecord` also: ``__hash__`` of those fields, and assigning or deleting an
  attribute raises :class:`dataclasses.FrozenInstanceError` (``__init__`` sets the fields
  with ``object.__setattr__``, as a frozen dataclass's does); pickling and copying work.

>>> import dataclasses
>>> @dataclasses.dataclass(init=False, repr=False, eq=False)
... class Point(FrozenRecord):
...     x: int
...     y: int = 0
...
...     def __init__(self, x: int, y: int = 0) -> None:
...         object.__setattr__(self, "x", x)
...         object.__setattr__(self, "y", y)
>>> Point(1), Point(1) == Point(1, 0), hash(Point(1)) == hash(Point(1, 0))
(Point(x=1, y=0), True, True)
>>> dataclasses.replace(Point(1), y=2)
Point(x=1, y=2)
>>> Point(1).x = 3
Traceback (most recent call last):
...
dataclasses.FrozenInstanceError: cannot assign to field 'x'
"""

from __future__ import annotations

import dataclasses
from typing import Any

#: Per class: the names of the fields shown by ``repr`` and of those compared and hashed.
_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _fields(cls: Any) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = _NAMES.get(cls)
    if names is None:
        fields = _fields(cls)
        names = (
            tuple(f.name for f in fields if f.repr),
            tuple(f.name for f in fields if f.compare),
        )
        _NAMES[cls] = names
    return names


class Record:
    """The ``repr`` and ``==`` of a dataclass; unhashable, as a dataclass with ``eq`` is."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _names(type(self))[0])
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _names(type(self))[1]
        # Tuples, as the generated method compares: a field equal by identity (NaN) counts.
        return tuple(getattr(self, n) for n in compared) == tuple(
            getattr(other, n) for n in compared
        )

    __hash__ = None  # type: ignore[assignment]


class FrozenRecord(Record):
    """The methods of a frozen dataclass: ``repr``, ``==``, ``hash`` and no assignment."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(getattr(self, n) for n in _names(type(self))[1]))

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    # Pickling and copying set the fields as ``__init__`` does (the default would assign
    # them, which a frozen record refuses; a frozen dataclass with slots does the same).
    def __getstate__(self) -> Any:
        return [getattr(self, f.name) for f in _fields(type(self))]

    def __setstate__(self, state: Any) -> None:
        for f, value in zip(_fields(type(self)), state, strict=True):
            object.__setattr__(self, f.name, value)

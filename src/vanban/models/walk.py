"""One walk over a document's content: every model, every text, with its YAML path.

The checks (footnote and appendix references, deadlines, warnings) read documents through
:func:`texts` and :func:`models`, so a new block or field is seen by all of them without a
walker of its own.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import compress
from typing import Any

from pydantic import BaseModel

#: Fields of a document whose text is not inline markup (printed as written, or not text).
PLAIN_FIELDS = frozenset(
    {
        "type",
        "issuer",
        "number",
        "symbol",
        "place",
        "date",
        "signer",
        "archive",
        "footnotes",
        "format",
        "task_labels",
        "task_style",
        "recipients",  # markup, read name by name and purpose by purpose (vanban._validation)
        "authority",  # a Quyết định's authority line: printed UPPERCASE as written
        "executors_article",
    }
)
#: Fields inside blocks that are not text the reader sees as written.
_SKIP = frozenset({"span", "split", "align", "id", "width", "colspan", "rowspan", "field"})


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


#: The fields :func:`walk` visits, per model class: (at the document's top, inside it).
_FIELDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}
#: The texts of the walks kept while :func:`shared` is open, by the id of the document walked.
_SHARED_TEXTS: dict[int, list[tuple[str, str]]] = {}
#: The models of those walks, in the same order.
_SHARED_MODELS: dict[int, list[tuple[str, Any]]] = {}
#: The classes of those models, when asked for.
_SHARED_CLASSES: dict[int, set[type[Any]]] = {}


def _fields(cls: type[BaseModel], top: bool) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        names = tuple(n for n in cls.model_fields if n not in _SKIP)
        found = _FIELDS[cls] = (tuple(n for n in names if n not in PLAIN_FIELDS), names)
    return found[0] if top else found[1]


#: How :func:`_collect` goes under a value, by its class: 0 nothing (a text, a number, a
#: date), 1 a list, 2 a model's fields, 3 a mapping's entries. Decided once per class.
_UNDER: dict[type[Any], int] = {str: 0, int: 0, float: 0, bool: 0, list: 1}


def _under(cls: type[Any]) -> int:
    found = _UNDER.get(cls)
    if found is None:
        found = _UNDER[cls] = (
            2
            if issubclass(cls, BaseModel)
            else 1
            if issubclass(cls, list)
            else 3
            if issubclass(cls, dict)
            else 0
        )
    return found


def _collect(value: Any, path: str, out: list[tuple[str, Any]]) -> None:
    """Every value under ``value`` into ``out``."""
    out.append((path, value))
    under = _UNDER.get(type(value))
    if under is None:
        under = _under(type(value))
    if under:
        _collect_under(value, under, path, out)


def _collect_under(value: Any, under: int, path: str, out: list[tuple[str, Any]]) -> None:
    """What :func:`_collect` adds under ``value`` (``under``: its kind, not 0). A child with
    nothing under it is added here, without a call of its own (most are texts); an empty
    list or table is left out (a task's ``extra: {}`` and ``rows: []``: most of a long plan).
    The child's path is made only for a child added."""
    append = out.append
    kinds = _UNDER
    if under == 2:
        values = value.__dict__
        prefix = f"{path}." if path else ""
        names = _FIELDS.get(type(value))
        if names is None:
            _fields(type(value), True)
            names = _FIELDS[type(value)]
        for name in names[1] if path else names[0]:
            item = values[name] if name in values else getattr(value, name)
            if item is None:
                continue
            kind = kinds.get(type(item))
            if kind is None:
                kind = _under(type(item))
            if not kind:
                append((prefix + name, item))
            elif kind == 2 or item:
                child = (prefix + name, item)
                append(child)
                _collect_under(item, kind, child[0], out)
        return
    items = enumerate(value) if under == 1 else value.items()
    for key, item in items:
        kind = kinds.get(type(item))
        if kind is None:
            kind = _under(type(item))
        if kind and not (kind == 2 or item):
            continue
        child = (f"{path}[{key}]" if under == 1 else _join(path, str(key)), item)
        append(child)
        if kind:
            _collect_under(item, kind, child[0], out)


#: How :func:`_gather` goes under a value, by its class: as :data:`_UNDER`, and 4 a text.
_GATHER: dict[type[Any], int] = {str: 4, int: 0, float: 0, bool: 0, list: 1}


def _gather_kind(cls: type[Any]) -> int:
    found = _GATHER.get(cls)
    if found is None:
        found = _GATHER[cls] = 4 if issubclass(cls, str) else _under(cls)
    return found


def _gather(
    value: Any, under: int, path: str, texts: list[tuple[str, str]], found: list[tuple[str, Any]]
) -> None:
    """The texts (of :func:`texts`) and the models (of :func:`models`) under ``value``, in the
    order of :func:`_collect_under`, without the lists, numbers and dates between them."""
    append = texts.append
    kinds = _GATHER
    if under == 2:
        values = value.__dict__
        prefix = f"{path}." if path else ""
        names = _FIELDS.get(type(value))
        if names is None:
            _fields(type(value), True)
            names = _FIELDS[type(value)]
        for name in names[1] if path else names[0]:
            item = values[name] if name in values else getattr(value, name)
            if item is None:
                continue
            kind = kinds.get(type(item))
            if kind is None:
                kind = _gather_kind(type(item))
            if kind == 4:
                append((prefix + name, item))
            elif kind == 2:
                child = (prefix + name, item)
                found.append(child)
                _gather(item, 2, child[0], texts, found)
            elif kind and item:
                _gather(item, kind, prefix + name, texts, found)
        return
    items = enumerate(value) if under == 1 else value.items()
    for key, item in items:
        kind = kinds.get(type(item))
        if kind is None:
            kind = _gather_kind(type(item))
        if not kind:
            continue
        if kind == 4:
            append((f"{path}[{key}]" if under == 1 else _join(path, str(key)), item))
        elif kind == 2:
            child = (f"{path}[{key}]" if under == 1 else _join(path, str(key)), item)
            found.append(child)
            _gather(item, 2, child[0], texts, found)
        elif item:
            where = f"{path}[{key}]" if under == 1 else _join(path, str(key))
            _gather(item, kind, where, texts, found)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value under ``value`` (models, lists, dicts, texts) with its path, depth first;
    an empty list or table is left out (nothing is under it).

    >>> from vanban.models.blocks import Item
    >>> [p for p, _ in walk(Item(title="Mục", content=["Một đoạn."]))]
    ['', 'title', 'content', 'content[0]']
    """
    out: list[tuple[str, Any]] = []
    _collect(value, path, out)
    return iter(out)


@contextmanager
def shared(doc: BaseModel) -> Iterator[None]:
    """Walk ``doc`` once for every :func:`walk` of it inside the ``with`` (the checks of
    :func:`vanban._validation.check_document`, which do not change the document)."""
    share(doc)
    try:
        yield
    finally:
        unshare(doc)


def share(doc: BaseModel) -> None:
    """Walk ``doc`` and keep its texts and models until :func:`unshare` (:func:`shared`
    without a generator, for :func:`vanban._validation.check_document`)."""
    _SHARED_TEXTS[id(doc)], _SHARED_MODELS[id(doc)] = _texts_and_models(doc)


def _texts_and_models(doc: BaseModel) -> tuple[list[tuple[str, str]], list[tuple[str, Any]]]:
    """The texts and the models of ``doc`` (itself first), each with its path: those kept by
    :func:`share`, or one :func:`_gather` walk."""
    got = _SHARED_TEXTS.get(id(doc))
    if got is not None:
        return got, _SHARED_MODELS[id(doc)]
    found: list[tuple[str, Any]] = [("", doc)]
    got = []
    _gather(doc, 2, "", got, found)
    return got, found


def unshare(doc: BaseModel) -> None:
    """Forget the walk of ``doc`` that :func:`share` kept."""
    _SHARED_TEXTS.pop(id(doc), None)
    _SHARED_MODELS.pop(id(doc), None)
    _SHARED_CLASSES.pop(id(doc), None)


def texts(doc: BaseModel) -> list[tuple[str, str]]:
    """Every markup-bearing text of ``doc`` as (YAML path, text), in document order.

    >>> from vanban.models.blocks import Item
    >>> texts(Item(title="Mục đích", content=["Một đoạn."]))
    [('title', 'Mục đích'), ('content[0]', 'Một đoạn.')]
    """
    return list(_texts_and_models(doc)[0])


#: ``issubclass(cls, kind)`` by ``kind``, then ``cls``: a pydantic model's class answers it in
#: Python (``ABCMeta.__subclasscheck__``), and each check asks it of the same few classes.
_SUBCLASS: dict[Any, dict[type[Any], bool]] = {}


def _wanted(
    classes: Iterable[type[Any]], kind: type[Any] | tuple[type[Any], ...]
) -> set[type[Any]]:
    """The ``classes`` that are subclasses of ``kind``."""
    answers = _SUBCLASS.get(kind)
    if answers is None:
        answers = _SUBCLASS[kind] = {}
    out = set()
    for cls in classes:
        found = answers.get(cls)
        if found is None:
            found = answers[cls] = issubclass(cls, kind)
        if found:
            out.add(cls)
    return out


def models(doc: BaseModel, kind: type[Any] | tuple[type[Any], ...]) -> Iterator[tuple[str, Any]]:
    """Every model of ``kind`` inside ``doc``, with its path.

    Decided once per class of value (``isinstance`` on a pydantic model class is slow, and
    a document holds thousands of texts)."""
    items = _texts_and_models(doc)[1]
    if id(doc) in _SHARED_MODELS:  # the classes of a shared walk, found once for every check
        classes = _SHARED_CLASSES.get(id(doc)) or _SHARED_CLASSES.setdefault(
            id(doc), {type(v) for _, v in items}
        )
    else:
        classes = {type(v) for _, v in items}
    wanted = _wanted(classes, kind)
    if not wanted:  # most documents hold no phụ lục, no table: not looked for one by one
        return iter(())
    return iter(items if wanted == classes else pick(items, wanted))


_VALUE = operator.itemgetter(1)


def pick(items: list[tuple[str, Any]], wanted: set[type[Any]]) -> list[tuple[str, Any]]:
    """The ``items`` whose value's class is one of ``wanted``, in order (a long list by
    functions of C, not a comprehension: the 5,000 tasks of a long plan).

    >>> pick([("a", 1), ("b", "x"), ("c", 2)], {int})
    [('a', 1), ('c', 2)]
    """
    if len(items) < 64:
        return [(p, v) for p, v in items if type(v) in wanted]
    return list(compress(items, map(wanted.__contains__, map(type, map(_VALUE, items)))))

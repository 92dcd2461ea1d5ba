"""One walk over a document's content: every model, every text, with its YAML path.

The checks (footnote and appendix references, deadlines, warnings) read documents through
:func:`texts` and :func:`models`, so a new block or field is seen by all of them without a
walker of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value under ``value`` (models, lists, dicts, texts) with its path, depth first."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in _SKIP or (not path and name in PLAIN_FIELDS):
                continue
            item = getattr(value, name)
            if item is not None:
                yield from walk(item, _join(path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, _join(path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, _join(path, str(key)))


def texts(doc: BaseModel) -> list[tuple[str, str]]:
    """Every markup-bearing text of ``doc`` as (YAML path, text), in document order.

    >>> from vanban.models.blocks import Item
    >>> texts(Item(title="Mục đích", content=["Một đoạn."]))
    [('title', 'Mục đích'), ('content[0]', 'Một đoạn.')]
    """
    return [(p, v) for p, v in walk(doc) if isinstance(v, str)]


def models(doc: BaseModel, kind: type[Any] | tuple[type[Any], ...]) -> Iterator[tuple[str, Any]]:
    """Every model of ``kind`` inside ``doc``, with its path."""
    for p, v in walk(doc):
        if isinstance(v, kind):
            yield p, v

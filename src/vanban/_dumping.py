"""A document model written back as YAML, as a person would write it (ghi văn bản ra YAML).

``dump(model)`` gives the text that :func:`vanban.loads` reads back into an equal model:

- the ``yaml-language-server`` line naming the type's schema, then ``type:`` and the fields
  in the order the document reads: header (issuer, số, ký hiệu, marks, place, date,
  title), the type's own fields in its order, signer and Nơi nhận, phụ lục;
- only what the document says: a value equal to its default is left out, and so is a field
  the type fills by itself (the ``signer`` of a biên bản or hợp đồng, taken from its people);
- long texts as folded block scalars (``>-``), texts with line breaks as literal ones
  (``|-``), short texts plain or quoted only where YAML needs quotes.

It is the writer the import of Word documents uses, and ``vanban.save`` writes it to a file
atomically.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from vanban.models import Document

__all__ = ["dump", "save"]

# A text longer than this goes into a folded block scalar, wrapped at about this width.
_FOLD_AT = 80
_WIDTH = 88


# The shared fields as a document reads from the top (header) and from the signature down;
# a type's own fields (its body) stand between them, and its phụ lục last.
_HEAD = ("issuer", "number", "symbol", "urgency", "secrecy", "place", "date", "title", "addressees")
_TAIL = ("footnotes", "signer", "recipients", "archive", "circulation", "contact", "format")
_LAST = ("appendices",)


@functools.cache
def _written_fields(cls: type[Document]) -> tuple[str, ...]:
    """The fields a person writes for this type, in the order the document reads: header,
    the type's own fields, signature and Nơi nhận, phụ lục. Fields the schema leaves out
    (a signer filled from the type's own people) are not written."""
    properties = cls.model_json_schema().get("properties", {})
    names = [n for n in cls.model_fields if n in properties and n != "type"]
    shared = (*_HEAD, *_TAIL, *_LAST)
    order = [
        *(n for n in _HEAD if n in names),
        *(n for n in names if n not in shared),
        *(n for n in _TAIL if n in names),
        *(n for n in _LAST if n in names),
    ]
    return tuple(order)


class _Text(str):
    """A text to be written as a block scalar."""


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is, keys in the order given."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_Text, _represent_text)


def _blockable(text: str) -> bool:
    """Whether a block scalar reads back as this very text: no leading or trailing blank,
    no tab or control character, no line that starts or ends with a space."""
    if not text or text != text.strip() or "\r" in text or "\t" in text:
        return False
    if any(ord(c) < 0x20 and c != "\n" for c in text):
        return False
    return all(line == line.strip() for line in text.split("\n"))


def _styled(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _styled(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_styled(v) for v in value]
    if (
        isinstance(value, str)
        and ("\n" in value or len(value) > _FOLD_AT)
        and _blockable(value)
        # a folded scalar joins lines with one space: a run of spaces must stay literal
        and ("\n" in value or "  " not in value)
    ):
        return _Text(value)
    return value


def _date_text(value: Any) -> Any:
    """A date as written: "2024-11-15", "2024-11" or "2024" (:class:`DocDate`)."""
    parts = [f"{value.year:04d}"] + [f"{p:02d}" for p in (value.month, value.day) if p is not None]
    return "-".join(parts)


def _archive_text(value: Any) -> Any:
    """A Lưu line as written: "VT, TCCB (5b), NC.Châu"."""
    return ", ".join(["VT", *value.units, *([value.drafter_text] if value.drafter else [])])


# The short forms a person writes for some parts, tried before the generic ones.
_SHORT_FORMS = {"DocDate": _date_text, "Archive": _archive_text}


def _short_forms(value: BaseModel, written: dict[str, Any]) -> list[Any]:
    forms: list[Any] = []
    short = _SHORT_FORMS.get(type(value).__name__)
    if short is not None:
        forms.append(short(value))
    if len(written) == 1:
        (only,) = written.values()
        if isinstance(only, (str, int, list)) and not isinstance(only, bool):
            forms.append(only)
    return forms


def _same(cls: type[BaseModel], form: Any, value: BaseModel) -> bool:
    try:
        return cls.model_validate(form) == value
    except (ValueError, TypeError):
        return False


def _plain(value: Any) -> Any:
    """A model's value as YAML data: defaults left out, short forms where they read back
    the same."""
    if isinstance(value, BaseModel):
        written = _fields(value, type(value).model_fields)
        for form in _short_forms(value, written):
            if _same(type(value), form, value):
                return form
        return written
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _fields(model: BaseModel, names: Iterable[str]) -> dict[str, Any]:
    fields = type(model).model_fields
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(model, name)
        info = fields[name]
        if not info.is_required() and value == info.get_default(call_default_factory=True):
            continue
        out[name] = _plain(value)
    return out


def _type_key(model: Document) -> str:
    key: str = getattr(model, "type")  # noqa: B009 (each type declares its own Literal key)
    return key


def _data(model: Document) -> dict[str, Any]:
    return {"type": _type_key(model), **_fields(model, _written_fields(type(model)))}


def dump(model: Document, *, schema: str | None = None) -> str:
    """The YAML text of a document: ``loads(dump(m)) == m``.

    ``schema`` is the location written in the ``yaml-language-server`` line (default
    ``<type>.schema.json``, the file ``vanban schema <type>`` writes beside the document, as
    ``vanban new`` does); ``""`` leaves the line out.

    >>> import vanban
    >>> doc = vanban.ThuCong(
    ...     issuer={"name": "SỞ NỘI VỤ"}, place="Hà Nội", date="2026-11-20",
    ...     title="Thư chúc mừng", salutation="Kính gửi các thầy giáo, cô giáo!",
    ...     content=["Nhân dịp Ngày Nhà giáo Việt Nam."],
    ...     signer={"title": "Giám đốc", "name": "Nguyễn Văn An"})
    >>> print(dump(doc, schema=""), end="")
    type: thu_cong
    issuer:
      name: SỞ NỘI VỤ
    place: Hà Nội
    date: '2026-11-20'
    title: Thư chúc mừng
    salutation: Kính gửi các thầy giáo, cô giáo!
    content:
    - Nhân dịp Ngày Nhà giáo Việt Nam.
    signer:
      title: Giám đốc
      name: Nguyễn Văn An
    """
    text = yaml.dump(
        _styled(_data(model)),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=_WIDTH,
        default_flow_style=False,
    )
    where = f"{_type_key(model)}.schema.json" if schema is None else schema
    head = f"# yaml-language-server: $schema={where}\n" if where else ""
    return head + text


def save(model: Document, path: str | os.PathLike[str], *, schema: str | None = None) -> Path:
    """Write :func:`dump` of a document to ``path`` (UTF-8, atomically: the file is whole or
    untouched) and return the path."""
    from vanban._files import replace_atomically

    target = Path(path)
    replace_atomically(target, dump(model, schema=schema).encode("utf-8"))
    return target

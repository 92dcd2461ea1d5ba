"""pydantic's errors as :class:`vanban.ValidationError`: the one place they are translated.

Every entry point (a model built by a program, ``model_validate``, ``model_validate_json``,
``model_validate_strings``, an assignment, a file read by :mod:`vanban._loading`) runs pydantic
inside :func:`vanban_errors`, which raises the same Vietnamese problems, named by the field
path as it reads in YAML and, when the text of a file is known, located at its line and
column. Like httpx's mapping of its transport's exceptions, nothing of pydantic's own error
reaches a user. This module sits in :mod:`vanban.models` and imports nothing above it.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import pydantic

from vanban.errors import Problem, ValidationError, escape_control
from vanban.models.blocks import (
    Bullet,
    Bullets,
    Cell,
    Duties,
    GroupRow,
    Item,
    Letter,
    Letters,
    PageBreak,
    Paragraph,
    Table,
    Task,
    TaskTable,
)
from vanban.models.common import Archive, Recipient

if TYPE_CHECKING:
    from vanban.models.common import Document

Path_ = tuple[str | int, ...]


class Marks(Protocol):
    """Where each value and each key of a file begins (:class:`vanban._loading._Builder`)."""

    @property
    def marks(self) -> Mapping[str, tuple[int, int]]: ...

    @property
    def key_marks(self) -> Mapping[str, tuple[int, int]]: ...


_ODD_KEY = re.compile(r'[\[\].\s"\\]')


def _path_text(path: Path_) -> str:
    """``sections[1].content[2].deadline``; a key that would read as path syntax (holds
    "[", ".", a space…) or is empty is written ``["a.b"]``."""
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif not p or _ODD_KEY.search(p):
            out += "[" + json.dumps(p, ensure_ascii=False) + "]"
        else:
            out += f".{p}" if out else p
    return out


# --- pydantic errors, translated and located ------------------------------------------------


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types an annotation may hold (Annotated, Optional and unions opened)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(tp) for t in _unwrap(a)]
    return [tp]


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


#: The tags of the block union (models.blocks.BodyBlock), as pydantic puts them in a location
#: right after the list index: ``("sections", 0, "content", 2, "task", "deadline")``.
_BLOCK_TAGS: dict[str, Any] = {
    "paragraph": str,
    "item": Item,
    "task": Task,
    "bullets": Bullets,
    "letters": Letters,
    "duties": Duties,
    "aligned": Paragraph,
    "page_break": PageBreak,
    "table": Table,
    "task_table": TaskTable,
}
#: The tags of a table row (models.blocks.TableRow): a list of cells or a group row.
_ROW_TAGS: dict[str, Any] = {"cells": list[Cell], "group": GroupRow}


def _resolve(
    root: type[pydantic.BaseModel], loc: tuple[Any, ...]
) -> tuple[Path_, list[Any], list[Any]]:
    """The user-visible path of a pydantic location, the candidate types at its parent and
    at the place itself."""
    cands: list[Any] = [root]
    path: list[str | int] = []
    parent: list[Any] = [root]
    after_index = False
    for el in loc:
        if after_index and el in _BLOCK_TAGS and Item in cands and Task in cands:
            cands = [_BLOCK_TAGS[el]]  # the block the tag names, not a place in the data
            after_index = False
            continue
        if after_index and el in _ROW_TAGS and GroupRow in cands:
            cands = [_ROW_TAGS[el]]  # a table row's kind, not a place in the data
            after_index = False
            continue
        after_index = isinstance(el, int)
        nxt: list[Any] = []
        if isinstance(el, int):
            for c in cands:
                if typing.get_origin(c) in (list, tuple):
                    nxt += _unwrap(typing.get_args(c)[0])
        elif isinstance(el, str):
            for c in cands:
                if _is_model(c) and el in c.model_fields:
                    nxt += _unwrap(c.model_fields[el].annotation)
                elif typing.get_origin(c) is dict:
                    nxt += _unwrap(typing.get_args(c)[1])
        if nxt:
            parent = cands
            path.append(el)
            cands = nxt
        elif (isinstance(el, str) and not any(_is_model(c) for c in cands)) or _is_label(el):
            continue  # a union member's label, not a place in the data
        else:
            parent = cands
            path.append(el)
            cands = []
    return tuple(path), parent, cands


def _is_label(el: Any) -> bool:
    return isinstance(el, str) and (el in {*_BLOCK_TAGS, "date", "str", "int"} or "[" in el)


def _fields_of(cands: list[Any]) -> list[str]:
    return sorted({f for c in cands if _is_model(c) for f in c.model_fields})


_KIND = {
    "string_type": "cần một đoạn chữ",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "list_type": "cần một danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "cần một bảng khóa: giá trị",
    "model_type": "cần một bảng khóa: giá trị",
    "model_attributes_type": "cần một bảng khóa: giá trị",
    "missing": "thiếu trường bắt buộc",
    "date_type": "cần một ngày dạng 2025-03-15",
    "date_parsing": "cần một ngày dạng 2025-03-15",
    "date_from_datetime_parsing": "cần một ngày dạng 2025-03-15",
    "date_from_datetime_inexact": "cần một ngày (không kèm giờ)",
    "datetime_type": "cần ngày và giờ dạng 2026-11-20 08:00",
    "datetime_parsing": "cần ngày và giờ dạng 2026-11-20 08:00",
    "datetime_from_date_parsing": "cần ngày và giờ dạng 2026-11-20 08:00",
    "time_type": "cần giờ dạng 08:00",
    "time_parsing": "cần giờ dạng 08:00",
    "none_required": "không được có giá trị",
    "enum": "giá trị không hợp lệ",
    "string_too_long": "chữ quá dài",
    "finite_number": "cần một số hữu hạn",
}

#: Models that also read a bare text: a recipient, a bullet, a letter.
_TEXT_OR_MAP = (Recipient, Bullet, Letter)
_BLOCK_KEYS = ("title", "text", "content", "task", "bullets", "letters", "body", "duties")


def _message(
    err: Mapping[str, Any], parent: list[Any], cands: list[Any], field: str | int | None
) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        fields = _fields_of(parent)
        name = escape_control(str(field))
        import difflib  # here: only a misspelt key needs it (not imported by a clean load)

        guess = difflib.get_close_matches(str(field), fields, n=1, cutoff=0.6)
        hint = f'; có phải ý bạn là "{guess[0]}"?' if guess and guess[0] != field else ""
        known = f" (các trường: {', '.join(fields)})" if fields else ""
        return f'trường "{name}" không có trong mẫu{hint}{known}'
    if kind == "unknown_block":
        return _unknown_block(value)
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length', 1)} phần tử, không được để trống"
    if kind == "too_long":
        return f"nhiều nhất {ctx.get('max_length')} phần tử, ở đây có {ctx.get('actual_length')}"
    if kind == "union_type" and any(k in _KIND for k in ctx["kinds"]):
        phrases = list(dict.fromkeys(_KIND[k] for k in ctx["kinds"] if k in _KIND))
        wanted = " hoặc ".join([phrases[0], *(p.removeprefix("cần ") for p in phrases[1:])])
        return f"{wanted}, không phải {_show(value)}"
    if kind in _BOUNDS:
        return _bound_message(kind, ctx, value, parent, field)
    if kind == "string_pattern_mismatch":
        return f"{_show(value)} không đúng dạng cần viết"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " hoặc ").replace("'", '"')
        quoted = f'"{_show(value)}"'
        if isinstance(value, (int, float)) and quoted in expected:  # size: 14 for size: "14"
            return f"cần một trong: {expected} (trong ngoặc kép: {quoted}), không phải số {value}"
        return f"cần một trong: {expected}, không phải {_show(value)}"
    if kind == "missing":
        title = next(
            (
                c.model_fields[field].title
                for c in parent
                if _is_model(c) and field in c.model_fields
            ),
            None,
        )
        return _KIND[kind] + (f" ({title})" if title else "")
    if kind == "model_type" and any(c in _TEXT_OR_MAP for c in cands):
        return f"cần một đoạn chữ hoặc một bảng khóa: giá trị, không phải {_show(value)}"
    if kind == "model_type" and Archive in cands:
        return f'cần danh sách đơn vị (ví dụ [NC]) hoặc một bảng "units", không phải {_show(value)}'
    if kind == "string_type":
        if value is None:
            return "cần một đoạn chữ, không được để trống"
        if isinstance(value, (bool, int, float)):
            shown = _show(value)
            hint = f'nếu là chữ, viết trong ngoặc kép: "{shown}"'
            return f"cần một đoạn chữ, không phải {shown} ({hint})"
    if kind in _KIND:
        return f"{_KIND[kind]}, không phải {_show(value)}"
    return str(err["msg"]).removeprefix("Value error, ")


_BOUNDS = ("greater_than_equal", "greater_than", "less_than_equal", "less_than")
#: The unit a bounded number is written in, by model and field: said after the bound and the
#: value ("phải từ 30 đến 35 mm, không phải 40 mm").
_UNITS = {
    **{("Margins", side): "mm" for side in ("top", "bottom", "left", "right")},
    ("Format", "table_size"): "pt",
    ("Format", "line_spacing"): "dòng",
    ("GiayNghiPhep", "days"): "ngày",
}


def _bound_message(
    kind: str, ctx: Mapping[str, Any], value: Any, parent: list[Any], field: str | int | None
) -> str:
    """A number out of its bounds, in Vietnamese and in the field's unit: both bounds when
    the field has two ("phải từ 1 đến 999999"), else the one broken, strict or not ("phải lớn
    hơn 0" for a bound that 0 itself breaks)."""
    bounds: dict[str, Any] = {}
    unit = ""
    for c in parent:
        if _is_model(c) and isinstance(field, str) and field in c.model_fields:
            unit = _UNITS.get((c.__name__, field), "")
            for m in c.model_fields[field].metadata:
                for name in ("ge", "gt", "le", "lt"):
                    if getattr(m, name, None) is not None:
                        bounds[name] = getattr(m, name)
            break
    bounds.update({k: v for k, v in ctx.items() if k in ("ge", "gt", "le", "lt")})
    u = f" {unit}" if unit else ""
    shown = f"{_show(value)}{u}" if isinstance(value, (int, float)) else _show(value)
    low, high = bounds.get("ge"), bounds.get("le")
    if low is not None and high is not None:
        return f"phải từ {_num(low)} đến {_num(high)}{u}, không phải {shown}"
    words = {
        "greater_than_equal": ("lớn hơn hoặc bằng", "ge"),
        "greater_than": ("lớn hơn", "gt"),
        "less_than_equal": ("nhỏ hơn hoặc bằng", "le"),
        "less_than": ("nhỏ hơn", "lt"),
    }
    word, key = words[kind]
    return f"phải {word} {_num(bounds.get(key))}{u}, không phải {shown}"


def _unknown_block(value: Any) -> str:
    base = (
        "không nhận ra khối nội dung: cần một đoạn văn, hoặc một mục có "
        "title/text/content, task, bullets, letters hoặc body + duties"
    )
    if isinstance(value, dict):
        if not value:
            return base + " (ở đây là một bảng rỗng)"
        keys = [str(k) for k in value]
        for k in keys:
            import difflib

            guess = difflib.get_close_matches(k, _BLOCK_KEYS, n=1, cutoff=0.6)
            if guess:
                return f'{base}; có phải ý bạn là "{guess[0]}" thay cho "{k}"?'
        return f"{base} (ở đây có: {', '.join(keys)})"
    return f"{base}, không phải {_show(value)}"


def _num(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _show(value: Any) -> str:
    if value is None:
        return "một giá trị rỗng"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một bảng"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, int) and abs(value) > 10**30:
        return "một số quá lớn"
    text = f'"{escape_control(value)}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _problems(
    exc: pydantic.ValidationError,
    root: type[Document],
    builder: Marks | None,
    source: str | None,
) -> list[Problem]:
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in _one_per_place(_one_per_value(exc.errors(include_url=False))):
        loc = tuple(err["loc"])
        at = (err.get("ctx") or {}).get("at")
        if isinstance(at, tuple):  # a check of a whole table that names the cell or field
            loc += at
        if err["type"] == "extra_forbidden" and loc:
            # The last element is the unknown key itself, whatever it looks like (a block
            # tag, "a[0]", "0"): resolve its table, then name the key.
            table_path, _, table = _resolve(root, loc[:-1])
            cands: list[Any] = []
            path, parent = (*table_path, str(loc[-1])), table
        else:
            path, parent, cands = _resolve(root, loc)
        if err["type"] == "missing_abbreviation":
            path, parent = ("issuer",), [root]
        elif err["type"] == "missing_body" and path == ():
            path, parent = (getattr(root, "body_fields", ("sections",))[0],), [root]
        text = _cell_as_written(_path_text(path), builder)
        message = _message(err, parent, cands, path[-1] if path else None)
        if (text, message) in seen:
            continue
        seen.add((text, message))
        out.append(
            _locate(
                Problem(text, err["type"], message, source),
                builder,
                key=err["type"] == "extra_forbidden",
            )
        )
    return out


def _is_type_error(kind: str) -> bool:
    """A value of the wrong kind (a text where a number goes), not a value out of bounds."""
    return kind.endswith(("_type", "_parsing")) or kind in ("int_from_float", "bool_parsing")


def _is_union_label(el: Any) -> bool:
    """Whether a location element names a member of a union ("constrained-float", "str",
    "Recipient") rather than a field (lower-case names)."""
    return isinstance(el, str) and (
        el in ("str", "int", "float", "bool", "date", "datetime")
        or not re.fullmatch(r"[a-z_][a-z0-9_]*", el)
    )


def _one_per_value(errors: list[Any]) -> list[Any]:
    """One problem per value: a value refused by every member of a union (a column width is
    a number or a length) gives one error per member; only those that say what is wrong with
    the value as written are kept ("phải lớn hơn 0" for ``width: 0``, not also "cần một
    đoạn chữ"), when the others only say it is not of their kind; when every member says
    only that, one ``union_type`` error names the kinds ("cần một số hoặc một đoạn chữ")."""
    by_place: dict[tuple[Any, ...], list[int]] = {}
    for i, err in enumerate(errors):
        loc = tuple(err["loc"])
        if len(loc) > 1 and _is_union_label(loc[-1]):
            by_place.setdefault(loc[:-1], []).append(i)
    drop: set[int] = set()
    merged: dict[int, Any] = {}
    for members in by_place.values():
        if len(members) < 2:
            continue
        kinds = [errors[i]["type"] for i in members]
        if not any(_is_type_error(k) for k in kinds):
            continue
        if all(_is_type_error(k) for k in kinds):
            # Not of any kind the union reads: one message naming them all.
            first = errors[members[0]]
            merged[members[0]] = {**first, "type": "union_type", "ctx": {"kinds": kinds}}
            drop.update(members[1:])
            continue
        drop.update(i for i, k in zip(members, kinds, strict=True) if _is_type_error(k))
    return [merged.get(i, e) for i, e in enumerate(errors) if i not in drop]


#: Errors that say only "not this kind of value": one per alternative of a union.
_KIND_MISMATCH = frozenset(
    {"string_type", "list_type", "dict_type", "model_type", "bool_type", "int_type", "float_type"}
)


def _one_per_place(errors: list[Any]) -> list[Any]:
    """pydantic's errors with those of the other alternatives of a union left out: a value
    refused by every alternative (a text or a list of texts, ``""`` in a table cell) gets
    the one error that says what is wrong with it, not one per alternative."""
    places: dict[tuple[Any, ...], list[Any]] = {}
    for err in errors:
        places.setdefault(_place_of(tuple(err["loc"])), []).append(err)
    out = []
    done: set[tuple[Any, ...]] = set()
    for err in errors:
        place = _place_of(tuple(err["loc"]))
        others = places[place]
        inside = any(len(q) > len(place) and q[: len(place)] == place for q in places)
        if err["type"] in _KIND_MISMATCH and tuple(err["loc"]) != place and inside:
            continue  # another alternative took the value and found a problem inside it
        if err["type"] not in _KIND_MISMATCH or len(others) == 1:
            out.append(err)
        elif all(o["type"] in _KIND_MISMATCH for o in others) and place not in done:
            done.add(place)  # no alternative takes this kind of value: one message for all
            kinds = list(dict.fromkeys(o["type"] for o in others))
            out.append({**err, "loc": place, "type": "union_type", "ctx": {"kinds": kinds}})
    return out


_CELL_TEXT = re.compile(r"(?:rows|header)\[\d+\]\[\d+\](\.text)(?=\[|$)")


def _cell_as_written(text: str, builder: Marks | None) -> str:
    """``rows[1][2].text[0]`` as ``rows[1][2][0]`` when the cell was written as its text
    (a string or a list of lines), so the path names what the file holds."""
    m = _CELL_TEXT.search(text)
    if builder is None or m is None:
        return text
    cell = text[: m.start(1)]
    if cell + ".text" in builder.marks or cell not in builder.marks:
        return text
    return cell + text[m.end(1) :]


def _place_of(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """A location without the union labels pydantic adds at its end (``"str"``,
    ``"list[…]"``, ``"function-after[…]"``)."""
    while loc and isinstance(loc[-1], str) and ("[" in loc[-1] or loc[-1] in {"str", "int"}):
        loc = loc[:-1]
    return loc


def _locate(p: Problem, builder: Marks | None, *, key: bool = False) -> Problem:
    if builder is None or p.line is not None:
        return p
    p = Problem(_cell_as_written(p.path, builder), p.code, p.message, p.source)
    path = p.path
    marks = builder.key_marks if key else builder.marks
    while True:
        pos = marks.get(path) or (builder.marks.get(path) if key else None)
        if pos:
            return Problem(p.path, p.code, p.message, p.source, pos[0], pos[1])
        if not path:
            return p
        shorter = re.sub(r'(\.[^.\[]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\]|^[^.\[]+)$', "", path)
        if shorter == path:
            return p
        path = shorter


def _in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def translate(
    exc: pydantic.ValidationError,
    model: type[pydantic.BaseModel],
    builder: Marks | None = None,
    source: str | None = None,
) -> ValidationError:
    """pydantic's error as :class:`vanban.ValidationError`, its problems in file order."""
    return ValidationError(_in_order(_problems(exc, model, builder, source)))  # type: ignore[arg-type]

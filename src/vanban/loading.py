"""Reading documents from YAML or JSON, with errors that point into the input.

Every problem found is reported at once, each with the file, line and column, the field
path (``sections[1].content[2].deadline``, indexes from 0) and a message in Vietnamese.

YAML is read safely: only plain data (no tags that build objects), duplicate keys are an
error, dates stay text until the model reads them, aliases and nesting are bounded, tabs
used for indentation are named, and files over a size limit are refused before reading.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import types
import typing
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from vanban.checks import check_document
from vanban.errors import InputError, Problem, ValidationError, VanbanWarning
from vanban.models import DOCUMENT_TYPES, Document

#: Files larger than this are refused before they are read (bytes); see ``load(max_bytes=)``.
MAX_BYTES = 10 * 1024 * 1024
#: How many values a file may expand to (aliases included), and how deep it may nest.
MAX_NODES = 1_000_000
MAX_DEPTH = 60

Path_ = tuple[str | int, ...]


def _path_text(path: Path_) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay text for the model to read."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}  # fmt: skip


class _Builder:
    """Builds plain Python data from the YAML node tree, remembering where each value was."""

    def __init__(self, loader: _Loader, source: str) -> None:
        self.loader = loader
        self.source = source
        self.marks: dict[str, tuple[int, int]] = {}
        self.key_marks: dict[str, tuple[int, int]] = {}
        self.count = 0
        self.problems: list[Problem] = []

    def problem(self, node: Node, path: Path_, code: str, message: str) -> None:
        m = node.start_mark
        self.problems.append(
            Problem(_path_text(path), code, message, self.source, m.line + 1, m.column + 1)
        )

    def build(self, node: Node, path: Path_ = ()) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Abort(self._at(node, path, "too_many_nodes",
                f"tệp mở rộng ra quá {MAX_NODES:,} giá trị (bí danh & / * lồng nhau?)"))  # fmt: skip
        if len(path) > MAX_DEPTH:
            raise _Abort(self._at(node, path, "too_deep",
                f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng"))  # fmt: skip
        key = _path_text(path)
        self.marks.setdefault(key, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, ScalarNode):
            if node.tag not in _PLAIN_TAGS:
                self.problem(node, path, "bad_tag",
                    f"thẻ YAML {node.tag!r} không được dùng; chỉ dữ liệu thuần (chữ, số, danh sách, bảng)")  # fmt: skip
                return None
            try:
                return self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                self.problem(node, path, "bad_value", f"giá trị không đọc được: {exc}")
                return None
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(node, path, "bad_tag", f"thẻ YAML {node.tag!r} không được dùng")
                return None
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.problem(node, path, "bad_tag", f"thẻ YAML {node.tag!r} không được dùng")
                return None
            try:
                self.loader.flatten_mapping(node)
            except yaml.YAMLError as exc:
                self.problem(node, path, "bad_merge", f"khóa gộp << không hợp lệ: {exc}")
                return None
            out: dict[Any, Any] = {}
            for knode, vnode in node.value:
                k = self.build(knode, path) if isinstance(knode, ScalarNode) else None
                if not isinstance(k, (str, int, float, bool)) or k is None:
                    self.problem(knode, path, "bad_key", "khóa phải là một chữ hoặc số")
                    continue
                k = str(k) if not isinstance(k, str) else k
                if k in out:
                    self.problem(knode, (*path, k), "duplicate_key",
                        f'khóa "{k}" xuất hiện hai lần trong cùng một bảng')  # fmt: skip
                    continue
                self.key_marks[_path_text((*path, k))] = (
                    knode.start_mark.line + 1, knode.start_mark.column + 1)  # fmt: skip
                out[k] = self.build(vnode, (*path, k))
            return out
        raise _Abort(self._at(node, path, "bad_node", "nút YAML không rõ loại"))

    def _at(self, node: Node, path: Path_, code: str, message: str) -> Problem:
        m = node.start_mark
        return Problem(_path_text(path), code, message, self.source, m.line + 1, m.column + 1)


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)

_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "có ký tự tab: YAML chỉ thụt lề bằng dấu cách",
    "mapping values are not allowed here": "không được có dấu hai chấm ở đây (chữ có dấu ':' thì đặt trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu hai chấm ':' sau khóa",
    "found undefined alias": "bí danh (*) chưa được định nghĩa",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu ngoặc hoặc dấu nháy đóng?)",
    "did not find expected key": "thụt lề không đúng: không tìm thấy khóa ở vị trí này",
    "did not find expected '-' indicator": "thụt lề không đúng trong danh sách",
    "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi nháy kép",
    "expected <block end>, but found '-'": "thụt lề của danh sách không khớp với các dòng trên",
}


def _yaml_problem(exc: yaml.YAMLError, source: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    raw = getattr(exc, "problem", None) or str(exc)
    text = next((vi for en, vi in _YAML_PROBLEMS.items() if raw.startswith(en)), None)
    message = f"lỗi cú pháp YAML: {text or raw}"
    if mark is None:
        return Problem("", "yaml_syntax", message, source)
    return Problem("", "yaml_syntax", message, source, mark.line + 1, mark.column + 1)


def parse_yaml(text: str, source: str = "<string>") -> tuple[Any, _Builder]:
    """Parse YAML text into plain data; raise :class:`ValidationError` on any problem."""
    text = text.removeprefix("\ufeff")
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        col = tab.end() - tab.start()
        raise ValidationError([Problem("", "tab_indent",
            "thụt lề bằng phím tab: YAML chỉ cho phép thụt lề bằng dấu cách", source, line, col)])  # fmt: skip
    loader = _Loader(text)
    builder = _Builder(loader, source)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ValidationError([Problem("", "empty", "tệp rỗng: không có dữ liệu", source, 1, 1)])
        data = builder.build(node)
    except yaml.YAMLError as exc:
        raise ValidationError([_yaml_problem(exc, source)]) from None
    except RecursionError:
        raise ValidationError([Problem("", "too_deep", "dữ liệu lồng nhau quá sâu", source)]) from None
    except _Abort as abort:
        raise ValidationError([abort.problem]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise ValidationError(builder.problems)
    return data, builder


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


def _resolve(root: type[pydantic.BaseModel], loc: tuple[Any, ...]) -> tuple[Path_, list[Any]]:
    """The user-visible path of a pydantic location, and the candidate types at its parent."""
    cands: list[Any] = [root]
    path: list[str | int] = []
    parent: list[Any] = [root]
    for el in loc:
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
        elif isinstance(el, str) and not any(_is_model(c) for c in cands) or _is_label(el):
            continue  # a union member's label, not a place in the data
        else:
            parent = cands
            path.append(el)
            cands = []
    return tuple(path), parent


def _is_label(el: Any) -> bool:
    return isinstance(el, str) and (
        el in {"paragraph", "item", "task", "bullets", "letters", "duties", "date", "str"}
        or "[" in el
    )


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
    "none_required": "không được có giá trị",
}


def _message(err: dict[str, Any], parent: list[Any], field: str | int | None) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        fields = _fields_of(parent)
        guess = difflib.get_close_matches(str(field), fields, n=1, cutoff=0.6)
        hint = f'; có phải ý bạn là "{guess[0]}"?' if guess else ""
        known = ", ".join(fields)
        return f'trường "{field}" không có trong mẫu{hint} (các trường: {known})'
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length', 1)} phần tử, không được để trống"
    if kind == "too_long":
        return f"nhiều nhất {ctx.get('max_length')} phần tử"
    if kind in ("greater_than_equal", "greater_than"):
        return f"phải lớn hơn hoặc bằng {ctx.get('ge', ctx.get('gt'))}, không phải {value!r}"
    if kind in ("less_than_equal", "less_than"):
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le', ctx.get('lt'))}, không phải {value!r}"
    if kind == "literal_error":
        return f"cần một trong: {ctx.get('expected')}, không phải {value!r}"
    if kind in _KIND:
        shown = "" if kind == "missing" else f", không phải {_show(value)}"
        return _KIND[kind] + shown
    return str(err["msg"]).removeprefix("Value error, ")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "một bảng"
    if isinstance(value, list):
        return "một danh sách"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _problems(exc: pydantic.ValidationError, root: type[Document], builder: _Builder | None,
              source: str | None) -> list[Problem]:  # fmt: skip
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        path, parent = _resolve(root, tuple(err["loc"]))
        text = _path_text(path)
        message = _message(err, parent, path[-1] if path else None)
        if (text, message) in seen:
            continue
        seen.add((text, message))
        out.append(_locate(Problem(text, err["type"], message, source), builder,
                           key=err["type"] == "extra_forbidden"))  # fmt: skip
    return out


def _locate(p: Problem, builder: _Builder | None, *, key: bool = False) -> Problem:
    if builder is None:
        return p
    path = p.path
    marks = builder.key_marks if key else builder.marks
    while True:
        pos = marks.get(path) or (builder.marks.get(path) if key else None)
        if pos:
            return Problem(p.path, p.code, p.message, p.source, pos[0], pos[1])
        if not path:
            return p
        path = re.sub(r"(\.[^.\[]+|\[\d+\]|^[^.\[]+)$", "", path)


def validate(data: Any, *, source: str | None = None, _builder: _Builder | None = None,
             today: dt.date | None = None) -> Document:  # fmt: skip
    """Validate plain data (as from YAML or JSON) into a document model."""
    if not isinstance(data, dict):
        raise ValidationError([_locate(Problem("", "not_mapping",
            "tệp phải là một bảng khóa: giá trị (type, issuer, title, …)", source), _builder)])  # fmt: skip
    kind = data.get("type")
    if kind not in DOCUMENT_TYPES:
        known = ", ".join(DOCUMENT_TYPES)
        message = ("thiếu type (loại văn bản)" if kind is None
                   else f"loại văn bản {kind!r} chưa được hỗ trợ") + f"; các loại: {known}"  # fmt: skip
        raise ValidationError([_locate(Problem("type", "bad_type", message, source), _builder)])
    model = DOCUMENT_TYPES[kind]
    try:
        doc = model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(_problems(exc, model, _builder, source)) from None
    errors, warns = check_document(doc, today=today)
    if errors:
        raise ValidationError([_locate(_with_source(e, source), _builder) for e in errors])
    for w in warns:
        warnings.warn(str(_locate(_with_source(w, source), _builder)), VanbanWarning, stacklevel=3)
    doc._checked = True
    return doc


def _with_source(p: Problem, source: str | None) -> Problem:
    return Problem(p.path, p.code, p.message, source, p.line, p.column)


def loads(text: str | bytes, *, source: str = "<string>", today: dt.date | None = None) -> Document:
    """Read a document from YAML (or JSON) text."""
    if isinstance(text, bytes):
        text = _decode(text, source)
    data, builder = parse_yaml(text, source)
    return validate(data, source=source, _builder=builder, today=today)


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ValidationError([Problem("", "not_utf8",
            f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X}); hãy lưu lại với mã hóa UTF-8",
            source, line, col)]) from None  # fmt: skip


def load(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES,
         today: dt.date | None = None) -> Document:  # fmt: skip
    """Read a document from a YAML or JSON file."""
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"không tìm thấy tệp: {name}") from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp {name}: {exc.strerror}") from None
    if p.is_dir():
        raise InputError(f"{name} là một thư mục, không phải tệp")
    if size > max_bytes:
        raise ValidationError([Problem("", "too_large",
            f"tệp quá lớn: {size:,} byte, giới hạn {max_bytes:,} byte".replace(",", "."), name)])  # fmt: skip
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp {name}: {exc.strerror}") from None
    if p.suffix.lower() == ".json":
        return _load_json(_decode(raw, name), name, today)
    return loads(_decode(raw, name), source=name, today=today)


def _load_json(text: str, source: str, today: dt.date | None) -> Document:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise ValidationError([Problem(k, "duplicate_key", f'khóa "{k}" xuất hiện hai lần', source)])
            out[k] = v
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem("", "json_syntax", f"lỗi cú pháp JSON: {exc.msg}",
                                       source, exc.lineno, exc.colno)]) from None  # fmt: skip
    return validate(data, source=source, today=today)


def iter_problems(exc: ValidationError) -> Iterator[Problem]:
    """The problems of an error, in file order."""
    yield from sorted(exc.errors, key=lambda p: (p.line or 0, p.column or 0))

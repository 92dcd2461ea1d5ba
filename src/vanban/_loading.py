"""Reading documents from YAML or JSON, with errors that point into the input.

Every problem found is reported at once, each with the file, line and column, the field
path (``sections[1].content[2].deadline``, indexes from 0) and a message in Vietnamese.

YAML is read safely: only plain data (no tags that build objects), duplicate keys are an
error, dates stay text until the model reads them, aliases and nesting are bounded, tabs
used for indentation are named, and files over a size limit are refused before reading.

Plain scalars are read by a narrow YAML 1.2 core schema: only ``true``/``false`` are
booleans (``yes``, ``no``, ``on``, ``off`` are text), only decimal numbers are numbers
(``0755``, ``0x1F``, ``1_000`` and ``10:30`` are text), and ``~``, ``null`` or nothing is
empty. Every pattern matches a subset of what YAML 1.1 matches, so whatever PyYAML writes
unquoted reads back as the same string.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import re
import stat
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from vanban import _files, registry
from vanban._cleaning import bad_character
from vanban._record import FrozenRecord
from vanban._validation import check_document
from vanban.errors import (
    InputError,
    Problem,
    ValidationError,
    VanbanWarning,
    os_message,
)
from vanban.models import Document
from vanban.models._errors import (
    _ODD_KEY,
    Path_,
    _in_order,
    _locate,
    _show,
)
from vanban.models._errors import (
    _path_text as _path_text,  # read by _merge too
)
from vanban.models.types import vanban_errors
from vanban.nd30.text import format_number

#: Files larger than this are refused before they are read (bytes); see ``load(max_bytes=)``.
MAX_BYTES = 10 * 1024 * 1024
#: How many values aliases (``*name``) may add to a file beyond what is written in it.
MAX_ALIAS_VALUES = 100_000
#: How many characters of text aliases may add to a file beyond what is written in it.
MAX_ALIAS_BYTES = MAX_BYTES
#: How deep lists and tables may nest (in YAML and in JSON alike).
MAX_DEPTH = 60
#: How many values (texts, numbers, lists, tables: every table row and cell counts) a file
#: may hold; counted while it is read, before anything is built. The largest example holds
#: about 400; 100,000 take some 10 s to load and render.
MAX_VALUES = 100_000


def _too_many(mark: Any) -> _Abort:
    return _Abort(
        _at(
            mark,
            (),
            "too_many_values",
            f"tệp có quá {format_number(MAX_VALUES)} giá trị (mỗi dòng, ô bảng, nhiệm vụ, đoạn "
            "chữ là một giá trị): hãy chia thành nhiều văn bản hoặc phụ lục riêng",
        )
    )


def _child_text(text: str, p: str | int) -> str:
    """``_path_text((*path, p))`` from ``text``, the ``_path_text`` of ``path``."""
    if isinstance(p, int):
        return f"{text}[{p}]"
    if not p or _ODD_KEY.search(p):
        return text + "[" + json.dumps(p, ensure_ascii=False) + "]"
    return f"{text}.{p}" if text else p


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class _Mark(FrozenRecord):
    """A place in a text given by line and column (from 1), as a YAML mark holds it."""

    lines: int
    columns: int

    def __init__(self, lines: int, columns: int) -> None:
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "columns", columns)

    @property
    def line(self) -> int:
        return self.lines - 1

    @property
    def column(self) -> int:
        return self.columns - 1


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _at(node_or_mark: Any, path: Path_, code: str, message: str) -> Problem:
    m = getattr(node_or_mark, "start_mark", node_or_mark)
    return Problem(_path_text(path), code, message, None, m.line + 1, m.column + 1)


class _Loader(yaml.SafeLoader):
    """SafeLoader with the narrow scalar schema above, and nesting bounded while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._values = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        self._depth += 1
        self._values += 1
        try:
            if self._values > MAX_VALUES:
                raise _too_many(self.peek_event())  # type: ignore[no-untyped-call]
            if self._depth > MAX_DEPTH + 1:
                raise _Abort(
                    _at(
                        self.peek_event(),  # type: ignore[no-untyped-call]
                        (),
                        "too_deep",
                        f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng",
                    )
                )
            node: Node = super().compose_node(parent, index)  # type: ignore[assignment]
            return node
        finally:
            self._depth -= 1

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        # Refused while scanning: deep "[[[[…" would otherwise cost time before composing.
        if self.flow_level >= MAX_DEPTH:
            raise _Abort(
                _at(self.get_mark(), (), "too_deep", f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng")
            )
        super().fetch_flow_collection_start(token_class)


_Loader.yaml_implicit_resolvers = {}
for _tag, _rx, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^(?:[-+]?[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^(?:<<)$", "<"),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_rx), list(_first))

_CLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with the same scalar schema: about ten times faster.

        Used only for files that parse cleanly and nest at most MAX_DEPTH levels (libyaml
        composes recursively in C and would crash on absurd nesting); anything else is read
        again by :class:`_Loader`, whose messages and limits are the reference.
        """

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _fast_node(text: str) -> tuple[Node | None, Any] | None:
    """Compose with libyaml when that is safe; ``None`` means: use the Python loader."""
    if _CLoader is None or len(text) < 4096:
        return None
    try:
        depth = 0
        values = 0
        for event in yaml.parse(text, Loader=_CLoader):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, *_OPEN)):
                values += 1
                if values > MAX_VALUES:
                    raise _too_many(event)
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return None
            elif isinstance(event, _CLOSE):
                depth -= 1
        loader = _CLoader(text)
        return loader.get_single_node(), loader
    except yaml.YAMLError:
        return None


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _tag_text(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,") else tag


def _bad_tag(tag: str) -> str:
    return (
        f"thẻ YAML {_tag_text(tag)} không được dùng: tệp chỉ chứa dữ liệu thuần "
        "(chữ, số, danh sách, bảng)"
    )


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _measure(root: Node) -> None:
    """Refuse aliases that loop or multiply the data (a "billion laughs"), and deep nesting.

    Each node is measured once, so this takes time in the size of the file, not of what the
    aliases would expand to.
    """
    # id(node): (values it expands to, bytes of text it expands to, height)
    memo: dict[int, tuple[int, int, int]] = {}
    active: set[int] = set()
    added = 0
    added_bytes = 0

    def visit(node: Node, depth: int) -> tuple[int, int, int]:
        nonlocal added, added_bytes
        key = id(node)
        if key in active:
            loop = "bí danh (*) trỏ vào chính bảng hoặc danh sách chứa nó (vòng lặp)"
            raise _Abort(_at(node, (), "alias_loop", loop))
        if key in memo:  # seen before: this is an alias
            size, nbytes, height = memo[key]
            added += size
            added_bytes += nbytes
            if added > MAX_ALIAS_VALUES:
                raise _Abort(
                    _at(
                        node,
                        (),
                        "too_many_values",
                        f"bí danh (*) nhân dữ liệu lên quá {format_number(MAX_ALIAS_VALUES)} giá trị "
                        "(bí danh lồng nhau?)",
                    )
                )
            if added_bytes > MAX_ALIAS_BYTES:
                raise _Abort(
                    _at(
                        node,
                        (),
                        "too_many_values",
                        f"bí danh (*) nhân dữ liệu lên quá {_bytes(MAX_ALIAS_BYTES)} "
                        "(một đoạn chữ dài được lặp lại nhiều lần?)",
                    )
                )
        else:
            active.add(key)
            size, height = 1, 0
            nbytes = len(node.value) if isinstance(node, ScalarNode) else 0
            for child in _children(node):
                s, b, h = visit(child, depth + 1)
                size += s
                nbytes += b
                height = max(height, h + 1)
            active.discard(key)
            memo[key] = (size, nbytes, height)
        if depth + height > MAX_DEPTH:
            raise _Abort(_at(node, (), "too_deep", f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng"))
        return size, nbytes, height

    visit(root, 0)


class _Builder:
    """Builds plain Python data from the YAML node tree, remembering where each value was."""

    def __init__(self, loader: _Loader, source: str) -> None:
        self.loader = loader
        self.source = source
        self.marks: dict[str, tuple[int, int]] = {}
        self.key_marks: dict[str, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def problem(self, node: Node, path: Path_, code: str, message: str) -> None:
        p = _at(node, path, code, message)
        self.problems.append(_with_source(p, self.source))

    def build(self, node: Node, path: Path_ = (), key: str = "") -> Any:
        """The value of ``node`` at ``path`` (``key``: its text, built as we go down)."""
        if len(path) > MAX_DEPTH:  # _measure has refused this already; a safety net
            raise _Abort(_at(node, path, "too_deep", f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng"))
        self.marks.setdefault(key, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, ScalarNode):
            if node.tag not in _PLAIN_TAGS:
                self.problem(node, path, "bad_tag", _bad_tag(node.tag))
                return None
            if node.tag == "tag:yaml.org,2002:int" and len(node.value.lstrip("+-")) > 30:
                message = f"số quá lớn ({len(node.value.lstrip('+-'))} chữ số)"
                self.problem(node, path, "number_too_large", message)
                return None
            try:
                return self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError):
                self.problem(node, path, "bad_value", "giá trị không đọc được")
                return None
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(node, path, "bad_tag", _bad_tag(node.tag))
                return None
            return [
                self.build(child, (*path, i), f"{key}[{i}]") for i, child in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.problem(node, path, "bad_tag", _bad_tag(node.tag))
                return None
            try:
                self.loader.flatten_mapping(node)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None) or node.start_mark
                self.problems.append(
                    _with_source(
                        _at(
                            mark,
                            path,
                            "bad_merge",
                            "khóa gộp << phải trỏ tới một bảng hoặc một danh sách các bảng "
                            "(ví dụ <<: *chung)",
                        ),
                        self.source,
                    )
                )
                return None
            out: dict[Any, Any] = {}
            for knode, vnode in node.value:
                k = self.build(knode, path, key) if isinstance(knode, ScalarNode) else None
                if not isinstance(k, (str, int, float, bool)):
                    self.problem(knode, path, "bad_key", "khóa phải là một chữ hoặc số")
                    continue
                k = k if isinstance(k, str) else str(k).lower() if isinstance(k, bool) else str(k)
                child = _child_text(key, k)
                if k in out:
                    first = self.key_marks.get(child)
                    where = f" (lần đầu ở dòng {first[0]})" if first else ""
                    self.problem(
                        knode,
                        (*path, k),
                        "duplicate_key",
                        f'khóa "{k}" xuất hiện hai lần trong cùng một bảng{where}',
                    )
                    continue
                self.key_marks[child] = (knode.start_mark.line + 1, knode.start_mark.column + 1)
                out[k] = self.build(vnode, (*path, k), child)
                if (
                    not isinstance(vnode, ScalarNode)
                    and vnode.start_mark.line != knode.start_mark.line
                ):
                    # A block list or table starts on the line after its key: point at the key.
                    self.marks[child] = self.key_marks[child]
            return out
        raise _Abort(_at(node, path, "bad_node", "nút YAML không rõ loại"))


# --- YAML syntax errors, translated ----------------------------------------------------------

#: (start of PyYAML's "context problem" text, Vietnamese). ``{ctx}`` is " ở dòng N", the line
#: where the construct began, or empty; ``{q}`` is the first quoted piece of PyYAML's text.
_YAML_PROBLEMS = [
    (
        "while parsing a flow sequence expected ',' or ']'",
        "danh sách mở bằng '['{ctx} chưa được đóng bằng ']' (hoặc thiếu dấu phẩy giữa các phần tử)",
    ),
    (
        "while parsing a flow mapping expected ',' or '}'",
        "bảng mở bằng '{{'{ctx} chưa được đóng bằng '}}' (hoặc thiếu dấu phẩy giữa các cặp)",
    ),
    (
        "while scanning a quoted scalar found unexpected end of stream",
        "tệp kết thúc giữa chừng: chuỗi trong dấu nháy mở{ctx} chưa được đóng",
    ),
    (
        "while scanning a double-quoted scalar found unknown escape character",
        "ký tự thoát \\{q} không hợp lệ trong chuỗi nháy kép; muốn có dấu \\ thì viết \\\\ "
        "hoặc dùng nháy đơn",
    ),
    (
        "found unexpected end of stream",
        "tệp kết thúc giữa chừng (thiếu dấu ngoặc hoặc dấu nháy đóng?)",
    ),
    (
        "mapping values are not allowed here",
        "không được có dấu hai chấm ở đây: thụt lề sai, hoặc chữ có dấu ': ' cần đặt trong ngoặc kép",
    ),
    (
        "sequence entries are not allowed here",
        "không được có '- ' ở đây: danh sách bắt đầu ở dòng mới, thụt lề dưới khóa của nó",
    ),
    (
        "while scanning a simple key could not find expected ':'",
        "thiếu dấu hai chấm ':' sau khóa (hoặc một dòng chữ bị ngắt sai)",
    ),
    ("found undefined alias", "bí danh *{q} chưa được định nghĩa (cần &{q} ở trước)"),
    ("found duplicate anchor", "nhãn &{q} đã được dùng{ctx}"),
    (
        "while parsing a block mapping expected <block end>, but found '<scalar>'",
        "có chữ thừa sau giá trị (giá trị trong dấu nháy phải kết thúc ở dấu nháy đóng)",
    ),
    ("while parsing a block mapping expected <block end>, but found ']'", "dấu ']' thừa"),
    ("while parsing a block mapping expected <block end>, but found '}'", "dấu '}}' thừa"),
    (
        "while parsing a block mapping expected <block end>",
        "thụt lề không khớp với các dòng trên (bảng bắt đầu{ctx})",
    ),
    (
        "while parsing a block collection expected <block end>",
        "thụt lề không khớp với các dòng trên (danh sách bắt đầu{ctx})",
    ),
    (
        "while parsing a block node expected the node content",
        "thiếu giá trị: một giá trị không được bắt đầu bằng {q}",
    ),
    (
        "while parsing a flow node expected the node content",
        "thiếu giá trị: một giá trị không được bắt đầu bằng {q}",
    ),
    ("did not find expected key", "thụt lề không đúng: không tìm thấy khóa ở vị trí này"),
    ("did not find expected '-' indicator", "thụt lề không đúng trong danh sách"),
    (
        "while scanning for the next token found character",
        "một giá trị không được bắt đầu bằng ký tự {q}; hãy đặt cả giá trị trong ngoặc kép",
    ),
    (
        "expected a single document in the stream",
        "tệp chỉ được chứa một văn bản: có thêm dòng '---' ở đây?",
    ),
    ("while scanning an anchor", "tên nhãn & không hợp lệ (chỉ chữ, số, - và _)"),
    (
        "found incompatible YAML document",
        "chỉ đọc được YAML 1.x: dòng %YAML khai báo một phiên bản khác",
    ),
    ("found duplicate YAML directive", "dòng %YAML xuất hiện hai lần"),
    ("found duplicate tag handle", "dòng %TAG khai báo cùng một tên hai lần"),
    ("while scanning a directive", "dòng chỉ thị % không hợp lệ (chỉ có %YAML 1.x và %TAG)"),
    ("found undefined tag handle", "tiền tố thẻ {q} chưa được khai báo bằng %TAG"),
    ("while scanning an alias", "tên bí danh * không hợp lệ (chỉ chữ, số, - và _)"),
]


def _yaml_problem(exc: yaml.YAMLError, text: str, source: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text, source)
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    tab = _tab_problem(text, pmark, getattr(exc, "problem", None) or "", source)
    if tab is not None:
        return tab
    context = getattr(exc, "context", None) or ""
    raw = f"{context} {getattr(exc, 'problem', None) or ''}".strip() or str(exc)
    mark = pmark or cmark
    known = next((vi for en, vi in _YAML_PROBLEMS if raw.startswith(en)), None)
    if known is None:
        known = next((vi for en, vi in _YAML_PROBLEMS if en in raw), None)
    if known is not None:
        if raw.startswith("while scanning a simple key") and cmark is not None:
            mark = cmark  # the line without its colon, not the line after it
        quoted = re.search(r"'((?:[^'\\]|\\.)*)'", raw.split(" but found ")[-1]) or re.search(
            r"'([^']*)'", raw
        )
        q = quoted.group(1) if quoted else ""
        if raw.startswith(("while parsing a block node", "while parsing a flow node")):
            q = {"<block mapping start>": "một bảng"}.get(q, f"'{q}'")
        elif raw.startswith("while scanning for the next token"):
            q = f"'{q}'"
        ctx = f" ở dòng {cmark.line + 1}" if cmark is not None and mark is not cmark else ""
        message = known.format(ctx=ctx, q=q)
    else:  # PyYAML's English never reaches a user: where it is, and what to try
        message = (
            "tệp không đọc được ở đây (kiểm tra dấu nháy, dấu hai chấm, thụt lề và các ký "
            "tự | > & * ! % @ ở đầu giá trị)"
        )
    message = f"lỗi cú pháp YAML: {message}"
    if mark is None:
        return Problem("", "yaml_syntax", message, source)
    return Problem("", "yaml_syntax", message, source, mark.line + 1, mark.column + 1)


def _tab_problem(text: str, mark: Any, problem: str, source: str) -> Problem | None:
    """A tab PyYAML stumbled on, named as such (YAML indents with spaces only)."""
    if mark is None:
        return None
    i = min(mark.index, len(text))
    start = max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1
    indent = re.match(r"[ \t]*", text[start:]).group()  # type: ignore[union-attr]
    if "\t" in indent:
        col = indent.index("\t") + 1
        return Problem(
            "",
            "tab_indent",
            "thụt lề bằng phím tab: YAML chỉ cho phép thụt lề bằng dấu cách",
            source,
            mark.line + 1,
            col,
        )
    if "'\\t'" in problem:
        return Problem(
            "",
            "tab",
            "có ký tự tab ở đây: YAML chỉ dùng dấu cách để tách (tab trong chữ thì đặt chữ "
            'trong ngoặc kép, viết "\\t")',
            source,
            mark.line + 1,
            mark.column + 1,
        )
    return None


_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _reader_problem(exc: Any, text: str, source: str) -> Problem:
    """A character PyYAML refuses to read; found again with the path of the value holding it."""
    problems = _unprintable(text, source)
    if problems:
        return problems[0]
    return Problem("", "bad_character", "có ký tự không đọc được trong tệp", source)


def _unprintable(text: str, source: str) -> list[Problem]:
    hits = list(_UNPRINTABLE.finditer(text))
    if not hits:
        return []
    # Read the file again with the characters replaced, to know which value holds each.
    spans: list[tuple[int, int, str]] = []
    try:
        loader = _Loader(_UNPRINTABLE.sub("\ufffd", text))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is not None:
            _measure(node)
            _scalar_spans(node, (), spans)
    except (yaml.YAMLError, _Abort, RecursionError):
        pass
    out: list[Problem] = []
    seen: set[str] = set()
    for m in hits:
        ch = m.group()
        path = next((p for s, e, p in spans if s <= m.start() < e), "")
        if path in seen:
            continue
        seen.add(path)
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        code = f"U+{ord(ch):04X}"
        message = (
            f"ký tự điều khiển {code} không được phép trong văn bản (XML 1.0 không chứa được)"
            if bad_character(ch)
            else f"ký tự điều khiển {code} không được viết trực tiếp trong tệp YAML"
        )
        out.append(Problem(path, "bad_character", message, source, line, col))
    return out


def _scalar_spans(node: Node, path: Path_, out: list[tuple[int, int, str]]) -> None:
    if isinstance(node, ScalarNode):
        out.append((node.start_mark.index, node.end_mark.index, _path_text(path)))
    elif isinstance(node, SequenceNode):
        for i, child in enumerate(node.value):
            _scalar_spans(child, (*path, i), out)
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            name = k.value if isinstance(k, ScalarNode) else "?"
            _scalar_spans(k, path, out)
            _scalar_spans(v, (*path, name), out)


_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"(?<![0-9])(?:[-+]?[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?")


#: The first characters of a plain scalar that may not be a text (see :func:`_plain`).
_RESOLVED_FIRST = frozenset("tTfF-+0123456789.~nN<")
#: ... and those of a number, the only such scalar longer than 5 characters ("false").
_DIGITS = frozenset("-+0123456789.")


class _Bail(Exception):
    """The fast reader met something only the full reader handles (or reports)."""


def _plain(value: str) -> Any:
    """A plain scalar as :class:`_Loader` resolves and constructs it (same resolvers)."""
    if value in _NULLS:
        return None
    first = value[0]
    if first in "tTfF":
        found = _BOOLS.get(value)
        return value if found is None else found
    if first in "-+0123456789.":
        if len(value) > 7 and value[4] == "-" == value[7]:
            return value  # a date (2025-03-15), text until a model reads it; no number has two
        if _INT.fullmatch(value):
            if len(value.lstrip("+-")) > 30:
                raise _Bail  # number_too_large: reported by the full reader
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        return value
    if value == "<<":
        raise _Bail  # a merge key (or a refused !!merge value)
    return value


def _fast_data(text: str) -> tuple[Any] | None:
    """The data of a plain YAML text in one pass over libyaml's events, or ``None``.

    Plain means what most files are: one document, no anchors or aliases, no tags, no merge
    keys, no duplicate or non-text keys, no number too large, nesting within MAX_DEPTH. The
    result is what :class:`_Builder` makes of the same text (same resolvers, same keys), with
    no problem to report; anything else (and any syntax error) returns ``None``, and the
    full reader, whose messages and limits are the reference, reads the file. The limit on
    the number of values is enforced here as :func:`_fast_node` does, on the same events.
    """
    if _CLoader is None or len(text) < 4096:
        return None
    try:
        loader = _CLoader(text)
    except UnicodeEncodeError:  # a lone surrogate: not UTF-8, named by the full reader
        return None
    try:
        get = loader.get_event
        scalar, mapping, sequence = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        )
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        # The open container (``into``: a dict when ``keyed``, else a list; the root is a
        # list), the key read and not yet given a value (or _NO_KEY), and those of the
        # containers around it.
        root: list[Any] = []
        into: Any = root
        keyed = False
        key: Any = _NO_KEY
        around: list[tuple[Any, bool]] = []
        values = 0
        documents = 0
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                values += 1
                if values > MAX_VALUES:
                    raise _too_many(event)
                if event.anchor is not None or event.tag is not None:
                    raise _Bail
                value = event.value
                if event.implicit[0] and (
                    not value
                    or (value[0] in _RESOLVED_FIRST and (len(value) < 6 or value[0] in _DIGITS))
                ):
                    value = _plain(value)
                if not keyed:
                    into.append(value)
                elif key is _NO_KEY:
                    if value is None:
                        raise _Bail  # bad_key
                    if type(value) is not str:
                        value = str(value).lower() if isinstance(value, bool) else str(value)
                    if value in into:
                        raise _Bail  # duplicate_key
                    key = value
                else:
                    into[key] = value
                    key = _NO_KEY
            elif kind is mapping or kind is sequence:
                values += 1
                if values > MAX_VALUES:
                    raise _too_many(event)
                if event.anchor is not None or event.tag is not None:
                    raise _Bail
                if len(around) >= MAX_DEPTH:
                    raise _Bail
                inner: Any = {} if kind is mapping else []
                if not keyed:
                    into.append(inner)
                elif key is _NO_KEY:
                    raise _Bail  # bad_key
                else:
                    into[key] = inner
                around.append((into, keyed))
                into, keyed, key = inner, kind is mapping, _NO_KEY
            elif kind is mapping_end or kind is sequence_end:
                into, keyed = around.pop()
                key = _NO_KEY
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Bail
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.AliasEvent:
                raise _Bail
        if len(root) != 1:
            return None
        return (root[0],)
    except (_Bail, yaml.YAMLError):
        return None
    finally:
        loader.dispose()


_NO_KEY = object()


class _LazyBuilder(_Builder):
    """The positions of a plain file read by :func:`_fast_data`, found only when a problem or
    a warning needs one: by the full reader, on the same text (so they are the same)."""

    def __init__(self, text: str, source: str, *, json_text: bool = False) -> None:
        self.source = source
        self.problems = []
        self._text = text
        self._json = json_text
        self._found: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]] | None = None

    def _positions(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
        if self._found is None:
            full: _Builder | None
            if self._json:
                full = _json_marks(self._text, self.source)
            else:
                try:
                    full = _parse_full(self._text, self.source)[1]
                except ValidationError:
                    full = None
            self._found = (full.marks, full.key_marks) if full is not None else ({}, {})
        return self._found

    @property
    def marks(self) -> dict[str, tuple[int, int]]:  # type: ignore[override]
        return self._positions()[0]

    @property
    def key_marks(self) -> dict[str, tuple[int, int]]:  # type: ignore[override]
        return self._positions()[1]


def _parse(text: str, source: str) -> tuple[Any, _Builder]:
    """Parse YAML into plain data; raise on what stops reading, keep the rest as problems.

    A plain file is read in one pass (:func:`_fast_data`), its positions found only if
    needed; any other by :func:`_parse_full`. A character YAML does not allow stops libyaml's
    reader (the same characters as :data:`_UNPRINTABLE`), so such a file is read by the full
    reader, which names them, without a search of every text beforehand."""
    text = text.removeprefix("\ufeff")
    try:
        fast = _fast_data(text)
    except _Abort as abort:
        if _UNPRINTABLE.search(text):  # what the full reader says first
            return _parse_full(text, source)
        raise ValidationError([_with_source(abort.problem, source)]) from None
    if fast is not None:
        return fast[0], _LazyBuilder(text, source)
    return _parse_full(text, source)


def _parse_full(text: str, source: str) -> tuple[Any, _Builder]:
    """Parse YAML into plain data; raise on what stops reading, keep the rest as problems."""
    text = text.removeprefix("\ufeff")
    loader: Any = None
    try:
        if _UNPRINTABLE.search(text):
            raise ValidationError(_unprintable(text, source))
        fast = _fast_node(text)
        if fast is not None:
            node, loader = fast
        else:
            loader = _Loader(text)
            node = loader.get_single_node()
        builder = _Builder(loader, source)
        if node is None:
            raise ValidationError(
                [Problem("", "empty", "tệp rỗng: không có dữ liệu", source, 1, 1)]
            )
        _measure(node)
        data = builder.build(node)
    except yaml.YAMLError as exc:
        raise ValidationError([_yaml_problem(exc, text, source)]) from None
    except RecursionError:
        raise ValidationError(
            [Problem("", "too_deep", "dữ liệu lồng nhau quá sâu", source)]
        ) from None
    except _Abort as abort:
        raise ValidationError([_with_source(abort.problem, source)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, builder


def parse_yaml(text: str, source: str = "<string>") -> tuple[Any, _Builder]:
    """Parse YAML text into plain data; raise :class:`ValidationError` on any problem."""
    data, builder = _parse(text, source)
    if builder.problems:
        raise ValidationError(builder.problems)
    return data, builder


def validate(
    data: Any,
    *,
    source: str | None = None,
    _builder: _Builder | None = None,
    today: dt.date | None = None,
) -> Document:
    """Validate plain data (as from YAML or JSON) into a document model.

    Every problem is reported at once, in file order: those found while reading (duplicate
    keys, refused tags), those of the fields, and the checks of meaning (:mod:`vanban._validation`)
    when the fields hold. Warnings of the checks are issued as :class:`VanbanWarning`.
    """
    prior = list(_builder.problems) if _builder is not None else []
    if not isinstance(data, dict):
        message = "tệp phải là một bảng khóa: giá trị (type, issuer, title, …)"
        problem = _locate(Problem("", "not_mapping", message, source), _builder)
        raise ValidationError(_in_order([*prior, problem]))
    kind = data.get("type")
    if kind not in registry.type_keys():
        known = ", ".join(registry.type_keys())
        what = (
            "thiếu type (loại văn bản)"
            if kind is None
            else (f"loại văn bản {_show(kind)} chưa được hỗ trợ")
        )
        problem = _locate(
            Problem("type", "bad_type", f"{what}; các loại: {known}", source), _builder
        )
        raise ValidationError(_in_order([*prior, problem]))
    model = registry.model(kind)
    body_fields: tuple[str, ...] = getattr(model, "body_fields", ())
    if body_fields and not any(k in data for k in body_fields):
        # One of them is required: said with the other missing fields, not after them.
        title = model.model_fields[body_fields[0]].title
        message = f"thiếu trường bắt buộc ({title}; hoặc {', '.join(body_fields[1:])})"
        prior.append(_locate(Problem(body_fields[0], "missing", message, source), _builder))
    try:
        with vanban_errors(model, builder=_builder, source=source):
            # pydantic's ``model_validate`` is this call (no wrapper of vanban's around it).
            doc = model.__pydantic_validator__.validate_python(data)
    except ValidationError as exc:
        found = exc.errors
        # A value refused while reading is None in the data: its field errors say nothing new
        # (a key that is no field of the model still does).
        refused = {p.path for p in prior if p.code in _REFUSED_WHILE_READING}
        found = [
            p
            for p in found
            if p.code == "extra_forbidden" or not any(_under(p.path, r) for r in refused)
        ]
        # A value of the wrong kind as a whole (a table where a width goes): what was wrong
        # inside it while reading (a number too large) says nothing new.
        wrong_kind = {p.path for p in found if p.code == "union_type" or p.code.endswith("_type")}
        prior = [p for p in prior if not any(p.path != w and _under(p.path, w) for w in wrong_kind)]
        raise ValidationError(_in_order([*prior, *found])) from None
    errors, warns = check_document(doc, today=today)
    errors = [_locate(_with_source(e, source), _builder) for e in errors]
    if prior or errors:
        raise ValidationError(_in_order([*prior, *errors]))
    for w in warns:
        warnings.warn(str(_locate(_with_source(w, source), _builder)), VanbanWarning, stacklevel=3)
    doc._checked = True
    return cast(Document, doc)


#: The problems of reading after which the value is None in the data (:meth:`_Builder.build`).
_REFUSED_WHILE_READING = frozenset({"bad_tag", "bad_merge", "number_too_large", "bad_value"})


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def _with_source(p: Problem, source: str | None) -> Problem:
    return Problem(p.path, p.code, p.message, source, p.line, p.column)


#: How many loads are running with the collector paused (:func:`_collector_paused`), and
#: whether it ran when the first of them began.
_PAUSED = [0, False]
_PAUSED_LOCK = threading.Lock()


class _CollectorPaused:
    """Within: Python's cyclic garbage collector does not run. Reading a document makes tens
    of thousands of objects (events, tables, models), none of them in a cycle, and every ~700
    made start a collection that walks the young objects, and every so often every object of
    the program: ~7 % of loading a plan, ~30 % of a 5,000-task plan's in a program that keeps
    its rendered documents. Reference counting frees them all as before. The collector runs
    again when the last load in progress ends, if it ran when the first began (a program
    that turned it off keeps it off).
    (A class, not a generator: entered and left at a third of the cost.)"""

    __slots__ = ()

    def __enter__(self) -> None:
        with _PAUSED_LOCK:
            if _PAUSED[0] == 0:
                _PAUSED[1] = gc.isenabled()
                gc.disable()
            _PAUSED[0] += 1

    def __exit__(self, *exc: object) -> None:
        with _PAUSED_LOCK:
            _PAUSED[0] -= 1
            if _PAUSED[0] == 0 and _PAUSED[1]:
                gc.enable()


_PAUSE = _CollectorPaused()


def _collector_paused() -> _CollectorPaused:
    """:class:`_CollectorPaused`: within, the cyclic collector does not run."""
    return _PAUSE


def _after_fork() -> None:
    """In a child forked while another thread was loading: no load runs there, so the
    collector runs as it did before that load began."""
    global _PAUSED_LOCK
    _PAUSED_LOCK = threading.Lock()
    if _PAUSED[0] and _PAUSED[1]:
        gc.enable()
    _PAUSED[:] = [0, False]


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def loads(text: str | bytes, *, source: str = "<string>", today: dt.date | None = None) -> Document:
    """Read a document from YAML (or JSON) text.

    Python's cyclic garbage collector is paused while the document is read and turned back
    on when the last read in progress ends (a program that turned it off keeps it off): a
    process-wide effect for as long as the read takes, like :meth:`Renderer.render`'s.
    """
    with _collector_paused():
        if isinstance(text, bytes):
            text = _decode(text, source)
        data, builder = _parse(text, source)
        return validate(data, source=source, _builder=builder, today=today)


def _decode(raw: bytes, source: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(
            [
                Problem(
                    "", "not_utf8", "tệp mã hóa UTF-16; hãy lưu lại với mã hóa UTF-8", source, 1, 1
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise ValidationError(
            [
                Problem(
                    "",
                    "not_utf8",
                    f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X} ở dòng {line}); "
                    "hãy lưu lại với mã hóa UTF-8 (Unicode)",
                    source,
                    line,
                    col,
                )
            ]
        ) from None


def _bytes(n: int) -> str:
    return f"{format_number(n)} byte"


def _too_large(size: int, max_bytes: int, name: str) -> ValidationError:
    return ValidationError(
        [
            Problem(
                "", "too_large", f"tệp quá lớn: {_bytes(size)}, giới hạn {_bytes(max_bytes)}", name
            )
        ]
    )


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, problems as Vietnamese errors: a
    file larger is refused from its size before it is read, and no more than ``max_bytes + 1``
    bytes are ever read; a FIFO, a device or a socket is refused at once, never waited on."""
    raw = _read_regular(path, max_bytes)
    return raw if raw is not None else _read_file(path, max_bytes)


#: How :func:`_read_regular` opens: as :func:`vanban._files.open_input` does (a FIFO with no
#: writer does not make the open wait).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _read_regular(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes`` that are as many as its size
    says, in four system calls (open, fstat, read, close, against eleven through a Python
    file object and a ``stat`` first), or ``None``: anything else (missing, unreadable, a
    folder, a FIFO, too large, grown or shrunk while read) takes the long way,
    :func:`_read_file`, which says why or reads it as before. No more than ``max_bytes + 1``
    bytes are read, from the size of what was opened."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return None
    try:
        found = os.fstat(fd)
        size = found.st_size
        if not stat.S_ISREG(found.st_mode) or size > max_bytes:
            return None
        raw = os.read(fd, size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return raw if len(raw) == size else None


def _read_file(path: Path, max_bytes: int) -> bytes:
    """:func:`read_file` the long way: every problem said."""
    name = str(path)
    try:
        found = path.stat()
    except FileNotFoundError:
        raise InputError(f"không tìm thấy tệp: {name}") from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp {name}: {os_message(exc)}") from None
    if stat.S_ISDIR(found.st_mode):
        raise InputError(f"{name} là một thư mục, không phải tệp")
    size = found.st_size
    if size > max_bytes:
        raise _too_large(size, max_bytes, name)
    # Read as much as its size says (and a byte more), not ``max_bytes``: a buffer of the
    # limit (10 MiB) costs more than reading a plan. A file that grew since, or that tells
    # no size (/proc), is read again up to the limit.
    limit = min(size, max_bytes)
    try:
        raw = _files.read_input(path, limit)
        if len(raw) > limit and limit < max_bytes:
            raw = _files.read_input(path, max_bytes)
    except _files.NotRegularFile as exc:
        raise InputError(exc.strerror) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp {name}: {os_message(exc)}") from None
    if len(raw) > max_bytes:
        raise _too_large(len(raw), max_bytes, name)
    return raw


def load(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, today: dt.date | None = None
) -> Document:
    """Read a document from a YAML or JSON file.

    A file larger than ``max_bytes`` is refused from its size before it is read; no more
    than ``max_bytes + 1`` bytes are ever read. Only a regular file is read: a FIFO, a device
    or a socket is an :class:`InputError` at once (a FIFO would block the read forever).
    The collector is paused while the file is read, as by :func:`loads`.
    """
    p = Path(path)
    name = str(path)
    raw = read_file(p, max_bytes)
    with _collector_paused():
        if p.suffix.lower() == ".json":
            return _load_json(_decode(raw, name), name, today)
        return loads(_decode(raw, name), source=name, today=today)


_JSON_PROBLEMS = [
    ("Expecting value", "thiếu giá trị ở đây"),
    ("Expecting ',' delimiter", "thiếu dấu phẩy giữa các phần tử"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm sau khóa"),
    (
        "Expecting property name enclosed in double quotes",
        "cần tên khóa trong ngoặc kép (hoặc có dấu phẩy thừa trước '}')",
    ),
    ("Unterminated string", "chuỗi chưa được đóng bằng dấu nháy kép"),
    ("Invalid control character", "ký tự điều khiển trong chuỗi (xuống dòng viết \\n)"),
    ("Invalid \\escape", "ký tự thoát (\\) không hợp lệ"),
    ("Extra data", "có dữ liệu thừa sau giá trị chính"),
]


class _BigNumber(Exception):
    pass


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > 30:  # no number of a document is this long; int() would
        raise _BigNumber(text)  # refuse 4,300 digits with a traceback
    return int(text)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?')


def _json_depth(text: str, source: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH (as YAML is), or holding more than about
    MAX_VALUES values (counted by commas and brackets), before it is parsed."""
    depth = 0
    pos = 0
    values = 0
    for m in re.finditer(r'[\[\]{}",]', text):
        if m.start() < pos:
            continue
        ch = m.group()
        if ch == '"':
            end = _JSON_STRING.match(text, m.start())
            pos = end.end() if end else len(text)
            continue
        if ch != "]" and ch != "}":
            values += 1
            if values > MAX_VALUES:
                problem = _too_many(_Mark(*_line_col(text, m.start()))).problem
                raise ValidationError([_with_source(problem, source)])
            if ch == ",":
                continue
        depth += 1 if ch in "[{" else -1
        if depth > MAX_DEPTH + 1:  # the outermost table is level 0, as in YAML
            line, col = _line_col(text, m.start())
            raise ValidationError(
                [
                    Problem(
                        "", "too_deep", f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng", source, line, col
                    )
                ]
            )


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _json_marks(text: str, source: str) -> _Builder | None:
    """Where each value of a JSON text is (JSON is YAML, tabs aside): the builder of
    :func:`_parse`, for the same line:column in every problem. ``None`` if YAML disagrees."""
    loader: Any = None
    try:
        fast = _fast_node(text.replace("\t", " "))
        if fast is not None:
            node, loader = fast
        else:
            loader = _Loader(text.replace("\t", " "))
            node = loader.get_single_node()
        if node is None:
            return None
        _measure(node)
        builder = _Builder(loader, source)
        builder.build(node)
        builder.problems = [p for p in builder.problems if p.code == "duplicate_key"]
        return builder
    except (yaml.YAMLError, _Abort, RecursionError, ValueError):
        return None
    finally:
        if loader is not None:
            loader.dispose()


def _json_nesting(data: Any) -> int:
    """How many tables and lists are open at the deepest point of parsed JSON data: the
    number of levels that hold one, counted level by level.

    >>> _json_nesting({"a": [1, {"b": []}], "c": {}}), _json_nesting("text")
    (4, 0)
    """
    return _json_shape(data, values=False)[0]


def _json_shape(data: Any, *, values: bool) -> tuple[int, int]:
    """:func:`_json_nesting`, and when ``values`` is asked the number of values
    :func:`_json_depth` counts in the text of data parsed with no key written twice: its
    commas and opening brackets outside strings, one comma fewer than the items of each
    table or list that has some, and the bracket of each: ``max(len, 1)`` of each.

    >>> _json_shape({"a": [1, {"b": []}], "c": {}}, values=True)
    (4, 7)
    """
    deepest = counted = 0
    level = [data] if type(data) is dict or type(data) is list else []
    while level:
        deepest += 1
        if values:
            counted += sum([len(value) or 1 for value in level])
        level = [
            child
            for value in level
            for child in (value.values() if type(value) is dict else value)
            if type(child) is dict or type(child) is list
        ]
    return deepest, counted


def _json_failure(exc: Exception, text: str, source: str) -> ValidationError:
    """The problem of JSON text that :func:`json.loads` refused."""
    if isinstance(exc, json.JSONDecodeError):
        message = next((vi for en, vi in _JSON_PROBLEMS if exc.msg.startswith(en)), None)
        message = message or "dữ liệu không đúng cú pháp JSON"
        return ValidationError(
            [
                Problem(
                    "", "json_syntax", f"lỗi cú pháp JSON: {message}", source, exc.lineno, exc.colno
                )
            ]
        )
    if isinstance(exc, _BigNumber):
        at = text.find(exc.args[0])
        line, col = _line_col(text, max(at, 0))
        return ValidationError(
            [
                Problem(
                    "",
                    "number_too_large",
                    f"số quá lớn ({len(exc.args[0])} chữ số)",
                    source,
                    line,
                    col,
                )
            ]
        )
    return ValidationError([Problem("", "too_deep", "dữ liệu lồng nhau quá sâu", source)])


class _Duplicate(Exception):
    """A key written twice in a table of JSON text: read by the long way."""


def _no_duplicates(items: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(items)
    if len(out) != len(items):
        raise _Duplicate
    return out


#: JSON as :func:`_load_json` reads it when no key is written twice (most): one decoder made
#: once (as :func:`json.loads` keeps its own), not one per text.
_JSON_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_int=_json_int)


def _load_json(text: str, source: str, today: dt.date | None) -> Document:
    """Read a JSON document: parsed by :func:`json.loads` first; the scan of
    :func:`_json_depth` (whose problems come before any other) runs only when the text is
    refused or its data may be beyond the limits; the positions are found by the YAML reader
    when a problem or a warning needs them (at once if a key is written twice)."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) == len(items):
            return out
        out = {}
        for k, v in items:
            if k in out:
                duplicates.append(k)
                continue
            out[k] = v
        return out

    text = text.removeprefix("\ufeff")
    try:
        try:
            data = _JSON_DECODER.decode(text)
        except _Duplicate:  # read again, every key written twice noted
            data = json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
    except (json.JSONDecodeError, _BigNumber, RecursionError) as exc:
        _json_depth(text, source)
        raise _json_failure(exc, text, source) from None
    # The values _json_depth counts and the nesting, both exact from the data when no key
    # is written twice: the scan runs when either is too much. No more values than
    # characters: counted only in a text longer than the limit.
    deepest, counted = _json_shape(data, values=len(text) > MAX_VALUES)
    if duplicates or counted > MAX_VALUES or deepest > MAX_DEPTH + 1:
        _json_depth(text, source)
    builder: _Builder | None
    if duplicates:
        builder = _json_marks(text, source)
        if builder is None:
            raise ValidationError(
                [
                    Problem(k, "duplicate_key", f'khóa "{k}" xuất hiện hai lần', source)
                    for k in duplicates
                ]
            )
    else:
        builder = _LazyBuilder(text, source, json_text=True)
    return validate(data, source=source, _builder=builder, today=today)


def iter_problems(exc: ValidationError) -> Iterator[Problem]:
    """The problems of an error, in file order."""
    yield from _in_order(exc.errors)

"""The Jinja environment of user templates: a sandbox with limits, and its errors in Vietnamese.

A user template (``vanban render --template T.docx``) is code written by someone else. It
runs in :class:`jinja2.sandbox.ImmutableSandboxedEnvironment` (no attribute that starts
with ``_``, no Python internals, no changing of lists and tables), made stricter:

- no ``|safe`` filter (markup comes only from vanban's context, already escaped), no
  ``lipsum``; ``range`` of at most :data:`Limits.max_range` numbers;
- every loop iteration, call and attribute look-up is counted against a budget per
  document: :data:`Limits.max_iterations` iterations and :data:`Limits.max_seconds`;
- no value (a string made by ``*``, ``+``, ``~``, a filter, a call) and no rendered part
  longer than :data:`Limits.max_output` characters; no number argument above
  :data:`Limits.max_argument`; no ``**`` with big exponents;
- every rendered XML part must be well-formed (:mod:`vanban._package`), checked before
  anything is written.

Every problem is a :class:`vanban.TemplateError` naming the part, the line and the tag.
vanban's own templates do not run here: they are trusted and keep their speed.
"""

from __future__ import annotations

import contextvars
import functools
import re
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup
from markupsafe import escape as _markupsafe_escape

from vanban.errors import TemplateError


@dataclass(frozen=True)
class Limits:
    """What one rendering of a user template may use (per document)."""

    max_iterations: int = 1_000_000
    max_seconds: float = 10.0
    max_output: int = 20 * 1024 * 1024
    max_range: int = 10_000
    max_argument: int = 100_000


LIMITS = Limits()


class LimitExceeded(Exception):
    """A limit of :class:`Limits` was reached (message in Vietnamese)."""


class _Budget:
    __slots__ = ("deadline", "iterations", "limits")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.iterations = 0
        self.deadline = time.monotonic() + limits.max_seconds

    def tick(self) -> None:
        self.iterations += 1
        if self.iterations > self.limits.max_iterations:
            raise LimitExceeded(
                f"mẫu chạy quá {self.limits.max_iterations:,} lượt lặp/lời gọi".replace(",", ".")
            )
        if not self.iterations & 0x3FF:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"mẫu chạy quá {self.limits.max_seconds:g} giây")


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "vanban_template_budget", default=None
)


def _tick() -> None:
    budget = _budget.get()
    if budget is not None:
        budget.tick()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict)) else 0


def _too_long() -> LimitExceeded:
    return LimitExceeded(
        f"một giá trị trong mẫu dài quá {LIMITS.max_output:,} ký tự".replace(",", ".")
    )


_T = TypeVar("_T")


def _check_size(value: _T) -> _T:
    if _size(value) > LIMITS.max_output:
        raise _too_long()
    return value


def _check_arguments(args: Iterable[Any]) -> None:
    for a in args:
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > LIMITS.max_argument:
            raise LimitExceeded(
                f"số {a if abs(a) < 10**30 else '(rất lớn)'} quá lớn cho một hàm hay bộ lọc "
                f"(giới hạn {LIMITS.max_argument:,})".replace(",", ".")
            )
        if isinstance(a, tuple):
            _check_arguments(a)


#: A "%" conversion with a width of 5+ digits or "*"; a "{…}" field, read whole, whose spec
#: (after its first ":") holds 5+ digits. Two patterns and a test in between: the single
#: ``\{[^{}]*:[^{}]*\d{5,}[^{}]*\}`` splits a field at every colon (quadratic and worse).
_WIDE_PERCENT = re.compile(r"%[-+ #0]*(?:\d{5,}|\*)")
_FORMAT_FIELD = re.compile(r"\{([^{}]*)\}")
_WIDE_NUMBER = re.compile(r"\d{5,}")


def _wide_format(fmt: str) -> bool:
    """Whether a format string asks for a width that would allocate too much.

    >>> _wide_format("{0:{1}}"), _wide_format("{0:>100000}"), _wide_format("%500000d")
    (False, True, True)
    """
    if _WIDE_PERCENT.search(fmt):
        return True
    return any(
        ":" in field and _WIDE_NUMBER.search(field, field.index(":"))
        for field in _FORMAT_FIELD.findall(fmt)
    )


def _check_format(fmt: Any) -> None:
    if isinstance(fmt, str) and _wide_format(fmt):
        raise LimitExceeded("độ rộng trong chuỗi định dạng quá lớn")


def _guard_iter(iterable: Any) -> Iterator[Any]:
    """Every loop of a user template iterates through this (added by :meth:`_parse`)."""
    budget = _budget.get()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.tick()
        yield item


_GUARD = "__vanban_loop_guard"


def _guard_filter(f: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(f)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_arguments(args[1:])
        _check_arguments(kwargs.values())
        if f.__name__ == "do_format" and args:
            _check_format(args[0])
        return _check_size(f(*args, **kwargs))

    return guarded


def _range(*args: Any) -> range:
    rng = range(*args)
    if len(rng) > LIMITS.max_range:
        raise LimitExceeded(f"range() quá {LIMITS.max_range:,} số".replace(",", "."))
    return rng


def _escape(value: Any) -> Markup:
    if type(value) is Markup:
        return _check_size(value)
    return _check_size(_markupsafe_escape(value))


def _markup_join(seq: Iterable[Any]) -> str:
    from jinja2.runtime import markup_join

    joined: str = markup_join(seq)
    return _check_size(joined)


def _str_join(seq: Iterable[Any]) -> str:
    return _check_size("".join(map(str, seq)))


class SandboxTemplate(jinja2.Template):
    """A compiled user template: autoescape, joins and loops with the checks above."""

    @classmethod
    def from_code(
        cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__
        namespace["escape"] = _escape
        namespace["markup_join"] = _markup_join
        namespace["str_join"] = _str_join
        return template


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """:class:`ImmutableSandboxedEnvironment`, stricter and with a budget (module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.template_class = SandboxTemplate
        self.globals.pop("lipsum", None)
        self.globals["range"] = _range
        self.globals[_GUARD] = _guard_iter
        self.filters = {
            name: _guard_filter(f) for name, f in self.filters.items() if name != "safe"
        }

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        ast = super()._parse(source, name, filename)
        for loop in ast.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.Name(_GUARD, "load", lineno=loop.lineno),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.lineno,
            )
        return ast

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        _tick()
        ints = isinstance(left, int) and isinstance(right, int)
        if op == "**" and (
            (isinstance(right, (int, float)) and abs(right) > 64)
            or (ints and abs(left).bit_length() * abs(right) > 4096)
        ):
            raise LimitExceeded("lũy thừa quá lớn")
        if op == "*":
            for seq, n in ((left, right), (right, left)):
                if _size(seq) and isinstance(n, int) and _size(seq) * n > LIMITS.max_output:
                    raise _too_long()
            if ints and left.bit_length() + right.bit_length() > 4096:
                raise LimitExceeded("số quá lớn")
        if op == "+" and _size(left) + _size(right) > LIMITS.max_output:
            raise _too_long()
        if op == "%":
            _check_format(left)
            _check_arguments(right if isinstance(right, tuple) else (right,))
        return _check_size(super().call_binop(context, op, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        budget = _budget.get()
        if budget is not None:
            budget.check_time()
        _check_arguments(args)
        _check_arguments(kwargs.values())
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def render(template: jinja2.Template, context: Any, budget: _Budget) -> str:
    """Render with ``budget`` in force; the output is counted as it is made."""
    token = _budget.set(budget)
    try:
        out: list[str] = []
        total = 0
        for chunk in template.generate(context):
            total += len(chunk)
            if total > budget.limits.max_output:
                raise LimitExceeded(
                    f"phần này của văn bản dài quá {budget.limits.max_output:,} ký tự".replace(
                        ",", "."
                    )
                )
            out.append(chunk)
            if len(out) & 0xFF == 0:
                budget.check_time()
        return "".join(out)
    finally:
        _budget.reset(token)


def new_budget(limits: Limits = LIMITS) -> _Budget:
    return _Budget(limits)


# --------------------------------------------------------------------------- errors, located

_TAG_OPEN = re.compile(r"\{[{%#]")
_TAG_CLOSE = {"{": "}}", "%": "%}", "#": "#}"}


def _tags(line: str) -> list[str]:
    r"""The ``{{ … }}``, ``{% … %}`` and ``{# … #}`` tags of a line, in order.

    Linear: a kind whose closing is missing after one opening is missing after every later
    one, so it is not looked for again (``\{\{.*?\}\}`` rescans to the end from each
    ``{{``: quadratic on a run of them).

    >>> _tags("a {{ x }} {% if y %} {{ {{")
    ['{{ x }}', '{% if y %}']
    """
    out: list[str] = []
    closed = dict(_TAG_CLOSE)  # the kinds that may still close
    pos = 0
    while (m := _TAG_OPEN.search(line, pos)) is not None:
        kind = m.group()[1]
        close = closed.get(kind)
        end = line.find(close, m.end()) if close else -1
        if end < 0:
            closed.pop(kind, None)
            pos = m.start() + 1
            continue
        out.append(line[m.start() : end + 2])
        pos = end + 2
    return out


#: Jinja's and Python's messages, in Vietnamese (by a piece of the English text).
_MESSAGES: list[tuple[str, str]] = [
    (
        "is undefined",
        "biến hoặc thuộc tính {q} không có trong ngữ cảnh của mẫu (xem docs/templates.md)",
    ),
    ("has no attribute", "không có thuộc tính {q} (xem ngữ cảnh trong docs/templates.md)"),
    ("No filter named", "bộ lọc {q} không có hoặc không được phép trong mẫu"),
    ("No test named", "phép thử {q} không có trong mẫu"),
    ("unsafe", "mẫu truy cập {q}: không được phép (mẫu chạy trong hộp cát)"),
    ("is not safely callable", "mẫu gọi một hàm không được phép (mẫu chạy trong hộp cát)"),
    ("Encountered unknown tag", "thẻ {q} không có trong Jinja (hoặc không khớp thẻ mở nào)"),
    ("unexpected end of template", "mẫu kết thúc giữa chừng: một thẻ khối chưa được đóng"),
    ("unexpected char", "ký tự {q} không được ở đây trong thẻ"),
    ("unexpected", "thẻ sai cú pháp: {q} không được ở đây"),
    ("expected token", "thẻ sai cú pháp: thiếu {q}"),
    ("not found", "không tìm thấy mẫu con {q}"),
    ("division by zero", "lỗi khi điền mẫu: phép chia cho 0"),
    ("modulo by zero", "lỗi khi điền mẫu: phép chia cho 0"),
    ("maximum recursion depth", "mẫu gọi lồng nhau quá sâu (macro đệ quy?)"),
]


def _translate(exc: BaseException) -> str:
    if isinstance(exc, LimitExceeded):
        return f"vượt giới hạn của mẫu: {exc}"
    if isinstance(exc, RecursionError):
        return "mẫu gọi lồng nhau quá sâu (macro đệ quy?)"
    text = getattr(exc, "message", None) or str(exc)
    quoted = re.search(r"'([^']*)'", text)
    q = f"'{quoted.group(1)}'" if quoted else ""
    lowered = text.lower()
    for en, vi in _MESSAGES:
        if en.lower() in lowered:
            return vi.format(q=q).replace("  ", " ")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return "thẻ sai cú pháp Jinja"
    if isinstance(exc, SecurityError):
        return "mẫu làm một việc không được phép (mẫu chạy trong hộp cát)"
    if isinstance(exc, (TypeError, ValueError, ArithmeticError, LookupError)):
        return f"lỗi khi điền mẫu: phép tính hoặc kiểu giá trị không hợp lệ ({type(exc).__name__})"
    return f"lỗi khi điền mẫu ({type(exc).__name__})"


def _line_of(exc: BaseException, filename: str) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(exc, jinja2.TemplateSyntaxError) and lineno:
        return int(lineno)
    found = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == filename:
            found = line
    return found


def _tag_on(source: str, line: int | None, message: str, exc: BaseException) -> str | None:
    if line is None:
        return None
    lines = source.split("\n")
    if not 1 <= line <= len(lines):
        return None
    tags = _tags(lines[line - 1])
    if not tags:
        return None
    words = re.findall(r"'([^']+)'", str(exc)) + re.findall(r"'([^']+)'", message)
    if isinstance(exc, ZeroDivisionError):
        words.append("/")
    for w in words:
        for t in tags:
            if w in t:
                return t
    return tags[0]


def template_error(
    exc: BaseException, part: str, source: str | None, filename: str, template: str = ""
) -> TemplateError:
    """A :class:`TemplateError` naming the part, the line and the tag of ``exc``."""
    message = _translate(exc)
    line = _line_of(exc, filename)
    tag = _tag_on(source, line, message, exc) if source is not None else None
    if tag is not None and len(tag) > 120:
        tag = tag[:117] + "…"
    return TemplateError(message, template=template, part=part, line=line, tag=tag)

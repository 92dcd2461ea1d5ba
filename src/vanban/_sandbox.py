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
- these sizes are checked BEFORE anything is allocated: what an operation would make is
  estimated from its inputs (:func:`_estimate`) and refused when too large. That covers
  ``str.format``/``format_map`` (widths and precisions once nested fields are filled in:
  ``'{0:{1}}'.format('x', '3000000000')``), ``%`` and the ``format`` filter
  (``'%.500000000d' % 1``), ``*`` (characters of a string, items of a list), ``~``, ``join``,
  ``replace``, ``indent``, ``sum``, printing a value (``{{ [big]*150 }}``), ``str`` methods
  (``replace``, ``join``, ``expandtabs``, ``split``…);
- no list or loop over more than :data:`Limits.max_items` items (``('x'*20000000)|list``),
  and what a filter walks through (``list``, ``sort``, ``unique``, ``map``…) is counted
  against the iteration budget; the clock is read after every filter, call and operator and
  at the end, so a render stops within one operation of its :data:`Limits.max_seconds`;
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
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import Namespace
from markupsafe import Markup
from markupsafe import escape as _markupsafe_escape

from vanban._record import FrozenRecord
from vanban.errors import TemplateError


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Limits(FrozenRecord):
    """What one rendering of a user template may use (per document)."""

    max_iterations: int = 1_000_000
    max_seconds: float = 10.0
    max_output: int = 20 * 1024 * 1024
    max_range: int = 10_000
    max_argument: int = 100_000
    max_items: int = 1_000_000

    def __init__(
        self,
        max_iterations: int = 1_000_000,
        max_seconds: float = 10.0,
        max_output: int = 20 * 1024 * 1024,
        max_range: int = 10_000,
        max_argument: int = 100_000,
        max_items: int = 1_000_000,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "max_iterations", max_iterations)
        setattr_(self, "max_seconds", max_seconds)
        setattr_(self, "max_output", max_output)
        setattr_(self, "max_range", max_range)
        setattr_(self, "max_argument", max_argument)
        setattr_(self, "max_items", max_items)


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

    def charge(self, n: int) -> None:
        """Count ``n`` items an operation walks through (a filter over a list)."""
        if n > self.limits.max_items:
            raise LimitExceeded(
                f"một danh sách trong mẫu có quá {self.limits.max_items:,} phần tử".replace(
                    ",", "."
                )
            )
        self.iterations += n
        self.tick()
        self.check_time()


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


def _check_time() -> None:
    budget = _budget.get()
    if budget is not None:
        budget.check_time()


def _charge(n: int) -> None:
    budget = _budget.get()
    if budget is not None:
        budget.charge(n)
    elif n > LIMITS.max_items:
        raise LimitExceeded(f"một danh sách có quá {LIMITS.max_items:,} phần tử".replace(",", "."))


def _estimate(value: Any, limit: int | None = None) -> int:
    """How many characters ``str(value)`` (or ``repr``, ``tojson``, ``pprint``) would take,
    counted without making it; the count stops a little past ``limit``. An upper bound: a
    text inside a list counts 10 characters for each when it has a character ``repr``
    escapes (``\\U000e0001``).

    >>> _estimate(["ab", ("c", 1)])  # str(["ab", ("c", 1)]) has 16 characters
    49
    """
    stop = LIMITS.max_output if limit is None else limit
    total = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    steps = 0
    while stack and total <= stop:
        item, depth = stack.pop()
        steps += 1
        if steps > LIMITS.max_items:
            raise LimitExceeded("một giá trị trong mẫu lồng nhau quá nhiều phần tử")
        if isinstance(item, str):
            plain = depth == 0 or item.isprintable()
            total += (len(item) if plain else 10 * len(item)) + 2
        elif isinstance(item, (bytes, bytearray)):
            total += 4 * len(item) + 14
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, Namespace):
            stack.append((object.__getattribute__(item, "_Namespace__attrs"), depth + 1))
            total += 14
        elif isinstance(item, (list, tuple, set, frozenset, dict)):
            if depth >= 50:
                raise LimitExceeded("một giá trị trong mẫu lồng nhau quá sâu")
            total += 12 + 4 * len(item)
            if isinstance(item, dict):
                stack.extend((x, depth + 1) for pair in item.items() for x in pair)
            else:
                stack.extend((x, depth + 1) for x in item)
        elif isinstance(item, range):
            total += 12 * len(item)
        else:
            total += 64
    if steps > 1000:
        _charge(steps)
    return total


def _fits(estimate: int) -> None:
    if estimate > LIMITS.max_output:
        raise _too_long()


def _check_width(text: str) -> None:
    """A format spec (``>30``, ``.2f``, ``0{…}`` once filled in) with no width or precision
    above :data:`Limits.max_argument`."""
    number = 0
    for c in text:
        if c.isdigit():
            number = number * 10 + int(c)
            if number > LIMITS.max_argument:
                raise LimitExceeded("độ rộng trong chuỗi định dạng quá lớn")
        else:
            number = 0


#: One ``%`` conversion: (name), flags, width, precision, conversion. Flags are possessive
#: (no backtracking into them), so a long run of zeros is read once.
_PERCENT = re.compile(
    r"%(?:\(([^)]*)\))?(?:[-#0 +]*+)(\*|\d++)?(?:\.(\*|\d*+))?[hlL]?+(.?)", re.DOTALL
)


def _check_format(fmt: Any, args: Any = ()) -> None:
    """``fmt % args`` (the ``%`` operator, the ``format`` filter) refused before it is made
    when a width or precision is too large or the result would be too long."""
    if not isinstance(fmt, str):
        return
    total = len(fmt)
    values = list(args) if isinstance(args, tuple) else None
    mapping = args if isinstance(args, dict) else None
    index = 0
    for m in _PERCENT.finditer(fmt):
        name, width, precision, conversion = m.groups()
        numbers = [width, precision]
        for i, n in enumerate(numbers):
            if n == "*":
                got = values[index] if values is not None and index < len(values) else 0
                index += 1
                numbers[i] = str(got) if isinstance(got, int) else "0"
        for n in numbers:
            if n and (len(n) > 7 or abs(int(n)) > LIMITS.max_argument):
                raise LimitExceeded("độ rộng trong chuỗi định dạng quá lớn")
            total += abs(int(n)) if n else 0
        if conversion == "%":
            continue
        if name is not None and mapping is not None:
            total += _estimate(mapping.get(name))
        elif values is not None:
            total += _estimate(values[index]) if index < len(values) else 0
            index += 1
        else:
            total += _estimate(args)
    _fits(total)


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


#: Filters that walk through every item of their value.
_WALKING = frozenset(
    {
        *("do_list", "do_sort", "do_unique", "do_map", "do_select", "do_reject"),
        *("do_selectattr", "do_rejectattr", "do_join", "do_sum", "do_min", "do_max"),
        *("do_groupby", "do_dictsort", "do_batch", "do_slice"),
    }
)


def _arg(rest: tuple[Any, ...], kwargs: dict[str, Any], i: int, name: str, default: Any) -> Any:
    return rest[i] if len(rest) > i else kwargs.get(name, default)


def _before_filter(name: str, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a filter whose result would be too large, from its inputs alone."""
    sized = isinstance(value, (str, list, tuple, dict, set, frozenset, range))
    if name in _WALKING and sized:
        _charge(len(value))
    size = _estimate(value)
    _fits(size)
    if name == "do_join" and sized:
        _fits(size + len(str(_arg(rest, kwargs, 0, "d", ""))) * len(value))
    elif name == "do_replace":
        text, old = str(value), str(_arg(rest, kwargs, 0, "old", ""))
        new_text = str(_arg(rest, kwargs, 1, "new", ""))
        count = _arg(rest, kwargs, 2, "count", None)
        hits = len(text) + 1 if not old else text.count(old)
        if isinstance(count, int) and count >= 0:
            hits = min(hits, count)
        _fits(len(text) + hits * max(0, len(new_text) - len(old)))
    elif name == "do_indent":
        width = _arg(rest, kwargs, 0, "width", 4)
        step = width if isinstance(width, int) else len(str(width))
        text = str(value)
        _fits(len(text) + (text.count("\n") + 1) * max(0, step))
    elif name == "do_format":
        _check_format(value, kwargs or rest)
    elif name == "do_sum" and sized:
        lengths = [len(x) for x in value if isinstance(x, (str, list, tuple))]
        if len(lengths) * sum(lengths) > 50 * LIMITS.max_items:  # each + copies what came before
            raise _too_long()
    elif name in ("do_wordwrap", "do_urlize") and len(str(value)) > _MAX_WRAP:
        raise LimitExceeded(  # pure-Python line breaking: 100,000 characters take 0.5 s
            f"{name[3:]} nhận tối đa {_MAX_WRAP:,} ký tự".replace(",", ".")
        )


#: The longest text ``wordwrap`` and ``urlize`` take (characters).
_MAX_WRAP = 100_000

#: What a filter may receive before its value (``pass_context`` and friends).
_CONTEXTS = (jinja2.runtime.Context, jinja2.nodes.EvalContext, jinja2.Environment)


def _lazy(value: Any) -> bool:
    return isinstance(value, Iterator) and not isinstance(value, (str, bytes))


def _guard_filter(f: Callable[..., Any]) -> Callable[..., Any]:
    name = f.__name__

    @functools.wraps(f)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        lead = 0
        while lead < len(args) and isinstance(args[lead], _CONTEXTS):
            lead += 1
        value = args[lead] if lead < len(args) else None
        rest = args[lead + 1 :]
        _check_arguments(rest)
        _check_arguments(kwargs.values())
        _before_filter(name, value, rest, kwargs)
        if _lazy(value):  # a generator is charged item by item as the filter takes them
            args = (*args[:lead], _guard_iter(value), *rest)
        result = f(*args, **kwargs)
        _check_time()
        return _guard_iter(result) if _lazy(result) else _check_size(result)

    return guarded


def _range(*args: Any) -> range:
    rng = range(*args)
    if len(rng) > LIMITS.max_range:
        raise LimitExceeded(f"range() quá {LIMITS.max_range:,} số".replace(",", "."))
    return rng


def _escape(value: Any) -> Markup:
    if type(value) is Markup:
        return _check_size(value)
    if not isinstance(value, str):  # printing a list of big strings: counted, not made
        _fits(_estimate(value))
    return _check_size(_markupsafe_escape(value))


def _markup_join(seq: Iterable[Any]) -> str:
    from jinja2.runtime import markup_join

    items = list(seq)
    _fits(_estimate(items))
    joined: str = markup_join(items)
    return _check_size(joined)


def _str_join(seq: Iterable[Any]) -> str:
    items = list(seq)
    _fits(_estimate(items))
    return _check_size("".join(map(str, items)))


class _Sized:
    """A formatter that checks each field's width, and the text made so far, before making
    the field: ``'{0:{1}}'.format('x', '3000000000')`` is refused, not allocated."""

    _made = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        _tick()
        _check_width(format_spec)
        _fits(self._made + _estimate(value) + len(format_spec))
        out = super().format_field(value, format_spec)  # type: ignore[misc]
        self._made += len(out)
        _fits(self._made)
        return out


class _SizedFormatter(_Sized, SandboxedFormatter):
    pass


class _SizedEscapeFormatter(_Sized, SandboxedEscapeFormatter):
    pass


def _check_str_call(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """A ``str`` method whose result could be far larger than its inputs, refused before."""
    text, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
    if not isinstance(text, str):
        return
    if name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        hits = len(text) + 1 if not old else text.count(old)
        _fits(len(text) + hits * max(0, len(new) - len(old)))
    elif name == "join" and args:
        items = list(args[0]) if not isinstance(args[0], (str, list, tuple)) else args[0]
        _charge(len(items))
        _fits(_estimate(items) + len(text) * len(items))
    elif name == "expandtabs":
        size = args[0] if args and isinstance(args[0], int) else kwargs.get("tabsize", 8)
        _fits(len(text) + text.count("\t") * max(0, int(size)))
    elif name in ("split", "rsplit", "splitlines") and len(text) > LIMITS.max_items:
        sep = args[0] if args and isinstance(args[0], str) else None
        pieces = text.count(sep) if sep else sum(text.count(c) for c in " \t\n\r\x0b\x0c")
        _charge(pieces + 1)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((_estimate(v) for v in args[0].values()), default=1)
        _fits(len(text) * max(1, longest))


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
                if isinstance(seq, (list, tuple)) and isinstance(n, int):
                    _charge(len(seq) * max(0, n))  # items, not characters
                    _fits(_estimate(seq) * max(0, n))
            if ints and left.bit_length() + right.bit_length() > 4096:
                raise LimitExceeded("số quá lớn")
        if op == "+" and _size(left) + _size(right) > LIMITS.max_output:
            raise _too_long()
        if op == "%":
            _check_arguments(right if isinstance(right, tuple) else (right,))
            _check_format(left, right)
        result = super().call_binop(context, op, left, right)
        _check_time()
        return _check_size(result)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` through :class:`_Sized` formatters."""
        if super().wrap_str_format(value) is None:
            return None
        text: str = value.__self__
        kind = type(text)
        formatter: SandboxedFormatter = (
            _SizedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _SizedFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return kind(formatter.vformat(text, (), args[0]))
            _check_arguments(args)
            return kind(formatter.vformat(text, args, kwargs))

        return functools.update_wrapper(wrapper, value)

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
        _check_str_call(__obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        if budget is not None:
            budget.check_time()
        return _check_size(result)


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
        budget.check_time()  # a render that ran past its time is not written
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

"""Field types shared by every document model: cleaned text, dates, deadlines, abbreviations."""

import contextlib
import contextvars
import datetime as dt
import enum
import inspect
import re
import types
import typing
import unicodedata
from typing import Annotated, Any

import pydantic
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator
from pydantic._internal._model_construction import ModelMetaclass
from pydantic_core import PydanticCustomError, core_schema

from vanban import _cleaning as _text
from vanban.models import _prebuilt


class _ModelClass(ModelMetaclass):
    """The class of the models: ``dir(KeHoach)``, and so ``help(KeHoach)``, lists the fields'
    own names and vanban's methods with the few of pydantic's a user calls (``model_dump``,
    ``model_validate``, ``model_copy``…), not pydantic's 80 inner names."""

    def __dir__(cls) -> list[str]:
        own = {n for base in cls.__mro__ if base not in (BaseModel, object) for n in vars(base)}
        return sorted(
            n
            for n in own | _PYDANTIC_SHOWN
            if n in _PYDANTIC_SHOWN or n == "_repr_html_" or not n.startswith(("_", "model_"))
        )


#: pydantic's methods a user of vanban calls, listed by ``dir``/``help`` of a model.
_PYDANTIC_SHOWN = frozenset(
    (
        "model_copy",
        "model_dump",
        "model_fields",
        "model_validate",
        "__init__",
    )
)


class Model(BaseModel, metaclass=_ModelClass):
    """Base of every vanban model: unknown fields are errors, values are checked on assignment.

    Building a model (``KeHoach(...)``) or assigning a field raises
    :class:`vanban.ValidationError` with the same Vietnamese problems, named by field path,
    as loading a file does; pydantic's own error never reaches a user.
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, defer_build=True
    )

    def __init__(self, /, **data: Any) -> None:
        with vanban_errors(type(self)):
            super().__init__(**data)

    # Only a model built by a program runs this ``__init__``: pydantic validates the models
    # nested in one (``sections[0]``, ``signer``) inline, as it does for its own
    # ``BaseModel.__init__``, rather than calling it for each of them. (Calling it also built
    # each nested model's own validator, when its class was first used.)
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **kw: Any) -> Any:
        """pydantic's ``model_validate``; its error as :class:`vanban.ValidationError`."""
        with vanban_errors(cls):
            return super().model_validate(obj, **kw)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kw: Any) -> Any:
        """pydantic's ``model_validate_json``; its error as :class:`vanban.ValidationError`."""
        with vanban_errors(cls):
            return super().model_validate_json(json_data, **kw)

    @classmethod
    def model_validate_strings(cls, obj: Any, **kw: Any) -> Any:
        """pydantic's ``model_validate_strings``; its error as :class:`vanban.ValidationError`."""
        with vanban_errors(cls):
            return super().model_validate_strings(obj, **kw)

    def __setattr__(self, name: str, value: Any) -> None:
        with vanban_errors(type(self)):
            super().__setattr__(name, value)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # help(KeHoach) and a notebook's signature hint show the fields as a person writes
        # them (``title: str``), not pydantic's ``AfterValidator(func=<function … at 0x…>)``.
        type.__setattr__(cls, "__signature__", _ReadableSignature())
        # Its validator, on first use, from the cache of an earlier process when it holds it.
        _prebuilt.attach(cls)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        # pydantic sets its own signature when it builds the model (on first use): again ours.
        super().__pydantic_on_complete__()
        type.__setattr__(cls, "__signature__", _ReadableSignature())

    def __repr__(self) -> str:
        """Short: the model and its fields, long texts cut, lists counted; a document shows
        its type, số/ký hiệu, trích yếu and how many of each part it has (see :func:`short_repr`)."""
        return short_repr(self)

    __str__ = __repr__


#: How long a text in a ``repr`` is before it is cut ("Kế hoạch chuyển đổi số…").
_REPR_TEXT = 50


def short_repr(model: BaseModel, depth: int = 0) -> str:
    """A model in one short line: ``Issuer(name='SỞ CÔNG THƯƠNG', parent='UBND TỈNH…')``;
    a document as ``<KeHoach 118/KH-SCT «Chuyển đổi số…», sections: 4, appendices: 1>``
    (its type, số/ký hiệu, trích yếu, and the length of each list it fills)."""
    if hasattr(model, "doc_type") and hasattr(model, "title"):
        number = getattr(model, "number", None)
        try:
            symbol = str(getattr(model, "symbol_text", "") or "")
        except Exception:  # a model built without validation may lack the issuer
            symbol = ""
        head = " ".join(
            x for x in (type(model).__name__, f"{number or '…'}/{symbol}" if symbol else "") if x
        )
        parts = [f"{head} «{_cut(str(model.title))}»"]
        parts += [
            f"{name}: {len(value)}"
            for name in type(model).model_fields
            if isinstance(value := getattr(model, name, None), list) and value
        ]
        return "<" + ", ".join(parts) + ">"
    args = []
    for name in type(model).model_fields:
        value = getattr(model, name, None)
        field = type(model).model_fields[name]
        if value is None or value == field.default or value == []:
            continue  # what was not written
        args.append(f"{name}={_short_value(value, depth)}")
    return f"{type(model).__name__}({', '.join(args)})"


def _cut(text: str) -> str:
    return text if len(text) <= _REPR_TEXT else text[: _REPR_TEXT - 1] + "…"


def _short_value(value: Any, depth: int) -> str:
    if isinstance(value, str):
        return repr(_cut(value))
    if isinstance(value, BaseModel):
        return short_repr(value, depth + 1) if depth < 1 else f"{type(value).__name__}(…)"
    if isinstance(value, (list, tuple)):
        return f"[{len(value)} mục]" if value else "[]"
    if isinstance(value, dict):
        return f"{{{len(value)} khóa}}"
    return _cut(repr(value))


class _ReadableSignature:
    """``__signature__`` of a model class, made on first use: each field keyword-only, its
    type as written in Python (``str | None``, ``list[Section]``, ``Literal['a', 'b']``) with
    pydantic's validators and constraints left out, its default as written (``None``, ``[]``)."""

    def __get__(self, obj: Any, owner: type[BaseModel]) -> inspect.Signature:
        cached = owner.__dict__.get("_readable_signature_cache")
        if isinstance(cached, inspect.Signature):
            return cached
        params = []
        for name, field in owner.model_fields.items():
            key = field.alias if field.alias and field.alias.isidentifier() else name
            default: Any = inspect.Parameter.empty
            if field.default_factory is not None:
                made = field.default_factory()  # type: ignore[call-arg]
                default = _Shown(repr(made) if made in ([], {}, ()) else "…")
            elif isinstance(field.default, enum.Enum):
                default = _Shown(f"{type(field.default).__name__}.{field.default.name}")
            elif not field.is_required():
                default = _Shown(_cut(repr(field.default)))
            params.append(
                inspect.Parameter(
                    key,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=default,
                    annotation=_Shown(type_text(field.annotation)),
                )
            )
        params.sort(key=lambda p: p.default is not inspect.Parameter.empty)  # required first
        sig = inspect.Signature(params, return_annotation=inspect.Signature.empty)
        type.__setattr__(owner, "_readable_signature_cache", sig)
        return sig


class _Shown:
    """A value shown as its text in a signature."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def type_text(annotation: Any) -> str:
    """A field's type as a person writes it, pydantic's metadata left out.

    >>> type_text(Annotated[str, "meta"] | None)
    'str | None'
    >>> type_text(list[Annotated[int, "meta"]])
    'list[int]'
    """
    if annotation is None or annotation is type(None):
        return "None"
    if isinstance(annotation, str):
        return annotation
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return type_text(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(a) for a in args)
    if origin is typing.Literal:
        return "Literal[" + ", ".join(repr(getattr(a, "value", a)) for a in args) + "]"
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(type_text(a) for a in args)}]" if args else name
    if isinstance(annotation, typing.ForwardRef):
        return annotation.__forward_arg__
    return getattr(annotation, "__name__", str(annotation).replace("typing.", ""))


def vanban_errors(
    model: type[BaseModel], *, builder: Any = None, source: str | None = None
) -> contextlib.AbstractContextManager[None]:
    """Within: pydantic's error is raised as :class:`vanban.ValidationError`, its problems
    named by field path (and placed in the file when ``builder`` holds its marks).

    The one mapping of pydantic's errors, used by every entry point: the constructor,
    ``model_validate``, ``model_validate_json``, ``model_validate_strings``, assignment and
    :func:`vanban.load`. Only the outermost translates: a model built by a validator inside
    another's validation lets pydantic locate its error in the outer one.
    """
    return _VanbanErrors(model, builder, source)


class _VanbanErrors:
    """:func:`vanban_errors` as a class: entered and left without a generator (a third of
    the cost of ``contextlib.contextmanager``'s, paid by every model built and field set)."""

    __slots__ = ("builder", "model", "source", "token")

    def __init__(self, model: type[BaseModel], builder: Any, source: str | None) -> None:
        self.model = model
        self.builder = builder
        self.source = source

    def __enter__(self) -> None:
        self.token = _building.set(_building.get() + 1)

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        try:
            # A model built by a validator (not the outermost): pydantic locates its error.
            if (
                kind is not None
                and issubclass(kind, pydantic.ValidationError)
                and _building.get() <= 1
            ):
                from vanban.models._errors import translate  # on the error path

                raise translate(exc, self.model, self.builder, self.source) from None
        finally:
            _building.reset(self.token)


#: How many model constructors are running (in this thread or task): only the outermost
#: translates pydantic's error, the inner ones are part of pydantic's validation.
_building: contextvars.ContextVar[int] = contextvars.ContextVar("vanban_building", default=0)


#: What :func:`vanban._cleaning.bad_character` looks for: searched here first, as most texts
#: hold none.
_BAD_CHARS = _text._BAD_CHARS
_is_normalized = unicodedata.is_normalized


def _check_text(value: str) -> str:
    if _BAD_CHARS.search(value):
        raise PydanticCustomError(
            "bad_character",
            "ký tự điều khiển {char} không được phép trong văn bản (XML 1.0 không chứa được)",
            {"char": _text.bad_character(value)},
        )
    return _text.clean(value)


def _text_value(value: str) -> str:
    """A text cleaned by :func:`_check_text`, refused when nothing is left (``empty_text``);
    a text already clean (:func:`vanban._cleaning.is_clean`, most of them) is kept as it is.

    ``is_clean``'s tests written out here (the same tests, of a text that is not empty): one
    Python call fewer for each of the ~50 texts of a plan."""
    if (
        value
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
        and (value.isascii() or _is_normalized("NFC", value))
    ):
        return value
    value = _check_text(value)
    if not value:
        raise PydanticCustomError("empty_text", "không được để trống")
    return value


class _After(AfterValidator):
    """pydantic's ``AfterValidator`` for a function of the value alone, said once: pydantic
    does not read the function's signature again for each of the hundreds of fields that
    share :data:`Text` (a few hundred signatures read when the models are built). Same schema."""

    def __get_pydantic_core_schema__(self, source_type: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(self.func, handler(source_type))  # type: ignore[arg-type]


#: Text as the user wrote it, cleaned by the rules of :mod:`vanban._cleaning` (NFC, trimmed ends).
Text = Annotated[str, _After(_text_value)]


def _one_line(value: str) -> str:
    return " ".join(value.split("\n"))


#: Text that is one line in the document (a name, a place): a newline becomes a space.
LineText = Annotated[Text, _After(_one_line)]

_ABBR = re.compile(r"^[^\s/]+$")


def _check_abbreviation(value: str) -> str:
    value = _check_text(value)
    if not _ABBR.match(value):
        raise PydanticCustomError(
            "bad_abbreviation",
            'chữ viết tắt không được chứa khoảng trắng hay dấu "/": "{value}"',
            {"value": value},
        )
    return value


#: An abbreviation inside a ký hiệu: no spaces, no "/" (Phụ lục I, II.3.b).
Abbreviation = Annotated[str, _After(_check_abbreviation)]


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


_DEADLINE_HINT = 'cần dạng 2025-03-15 hoặc một đoạn chữ như "thường xuyên"'
_DATE_HINT = "cần dạng 2024-11-15, 2024-11 hoặc 2024"


def _parse_date_text(value: str, hint: str = _DEADLINE_HINT) -> dt.date | None:
    """A date written 2025-03-15 or 15/3/2025; ``None`` when the text is not date-shaped."""
    if len(value) == 10 and value[4] == "-" == value[7] and value.isascii():
        try:  # the common form, read in C: what the pattern below reads, when it is a date
            return in_years(dt.date.fromisoformat(value))
        except ValueError:
            pass  # not a date: the pattern says why
    m = _ISO_DATE.match(value)
    if m:
        y, mo, d = m.groups()
    else:
        m = _VN_DATE.match(value)
        if not m:
            return None
        d, mo, y = m.groups()
    try:
        return in_years(dt.date(int(y), int(mo), int(d)))
    except ValueError:
        raise PydanticCustomError(
            "bad_date", 'ngày không hợp lệ "{value}" ({hint})', {"value": value, "hint": hint}
        ) from None


#: The years a date or a deadline may name (as :class:`DocDate` allows).
YEARS = (1900, 2200)
_NUMBER = re.compile(r"^[-+]?\d+$")
_YEARISH = re.compile(r"^[-+]?\d+(?:[-/.]\d{1,2}){1,2}$|^(?:\d{1,2}[-/.]){1,2}[-+]?\d+$")


def in_years(value: dt.date) -> dt.date:
    """The date, when its year is one of :data:`YEARS`."""
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise PydanticCustomError(
            "bad_year",
            "năm {year} không hợp lệ (cần từ {low} đến {high})",
            {"year": value.year, "low": YEARS[0], "high": YEARS[1]},
        )
    return value


def one_or_list(value: Any) -> Any:
    """One item (an addressee, a participant, a line) may be written as a text rather than
    a list of one."""
    return [value] if isinstance(value, str) else value


def _deadline(value: Any) -> Any:
    """A deadline as :func:`_deadline_value` reads it; the common form (2025-03-15, a text
    of ten ASCII characters) read at once in C."""
    if type(value) is str and len(value) == 10 and value[4] == "-" == value[7] and value.isascii():
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass  # not a date: the long way says why
        else:
            if YEARS[0] <= day.year <= YEARS[1]:
                return day
    return _deadline_value(value)


def _deadline_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return in_years(value.date())
    if isinstance(value, str):
        text = value.strip()
        parsed = _parse_date_text(text)
        if parsed is not None:
            return parsed
        if _NUMBER.match(text):
            # "2025" like 2025; "99999", "-5", "0" refused (a huge one without reading it)
            return _deadline_value(int(text) if len(text) <= 12 else 10**13)
        if _YEARISH.match(text):  # 99999-01-01, 1/1/-5: no such date
            raise PydanticCustomError(
                "bad_date",
                'ngày không hợp lệ "{value}" ({hint})',
                {"value": text, "hint": _DEADLINE_HINT},
            )
    elif isinstance(value, int) and not isinstance(value, bool):
        if not YEARS[0] <= value <= YEARS[1]:
            raise PydanticCustomError(
                "bad_year",
                "năm {year} không hợp lệ cho thời hạn (cần từ {low} đến {high})",
                {
                    "year": value if abs(value) < 10**12 else "(quá lớn)",
                    "low": YEARS[0],
                    "high": YEARS[1],
                },
            )
        return str(value)  # a year: "deadline: 2025"
    elif isinstance(value, dt.date):
        return in_years(value)
    elif isinstance(value, list):  # several deadlines: one per row of the task
        raise PydanticCustomError("bad_deadline", "thời hạn " + _DEADLINE_HINT + _ROWS_HINT)
    else:
        raise PydanticCustomError("bad_deadline", "thời hạn " + _DEADLINE_HINT)
    return value


_ROWS_HINT = (
    "; mỗi nhiệm vụ một thời hạn: khi các sản phẩm có thời hạn riêng, chia nhiệm vụ thành "
    "các dòng (rows: mỗi dòng có product, deadline, leads… riêng)"
)


#: A deadline (thời hạn): a date, or text such as "thường xuyên" or "Quý I/2025".
Deadline = Annotated[dt.date | Text, BeforeValidator(_deadline)]


class DocDate(Model):
    """Thời gian ban hành: a full date, or a partial one whose blanks the văn thư fills in.

    In YAML: ``2024-11-15`` (full), ``2024-11`` (month and year: "ngày      tháng 11 năm
    2024"), ``2022`` (year only), or a mapping ``{year: 2024, month: 11}``.
    """

    model_config = ConfigDict(
        title="Thời gian ban hành",
        extra="forbid",
        json_schema_extra={
            "description": "Ngày, tháng, năm ban hành; ngày hoặc tháng để trống thì văn thư "
            "điền khi ban hành."
        },
    )

    year: int = pydantic.Field(title="Năm", description="Năm ban hành.", examples=[2025])
    month: int | None = pydantic.Field(
        None, title="Tháng", description="Tháng 1–12; không ghi thì để trống cho văn thư điền."
    )
    day: int | None = pydantic.Field(
        None, title="Ngày", description="Cần có tháng; không ghi thì để trống cho văn thư điền."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"year": value}
        if isinstance(value, str):
            s = value.strip()
            full = _parse_date_text(s, _DATE_HINT)
            if full is not None:
                return {"year": full.year, "month": full.month, "day": full.day}
            m = re.match(r"^(\d{4})(?:-(\d{1,2}))?$", s)
            if not m:
                raise PydanticCustomError(
                    "bad_date",
                    'ngày không hợp lệ "{value}" ({hint})',
                    {"value": value, "hint": _DATE_HINT},
                )
            return {"year": int(m.group(1)), "month": int(m.group(2)) if m.group(2) else None}
        if not isinstance(value, (dict, DocDate)):
            raise PydanticCustomError("bad_date", "ngày ban hành " + _DATE_HINT)
        return value

    @model_validator(mode="after")
    def _valid(self) -> "DocDate":
        if not 1900 <= self.year <= 2200:
            raise PydanticCustomError("bad_date", "năm {year} không hợp lệ", {"year": self.year})
        if self.month is not None and not 1 <= self.month <= 12:
            raise PydanticCustomError(
                "bad_date", "tháng {month} không hợp lệ (1–12)", {"month": self.month}
            )
        if self.day is not None:
            if self.month is None:
                raise PydanticCustomError("bad_date", "có ngày thì phải có tháng")
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise PydanticCustomError(
                    "bad_date",
                    "ngày {day}/{month}/{year} không có trong lịch",
                    {"day": self.day, "month": self.month, "year": self.year},
                ) from None
        return self

    @property
    def as_date(self) -> dt.date | None:
        """The date when it is complete, else ``None``."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def earliest(self) -> dt.date:
        """The first day the date can stand for (for comparing deadlines with it)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

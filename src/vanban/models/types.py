"""Field types shared by every document model: cleaned text, dates, deadlines, abbreviations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from vanban import text as _text


class Model(BaseModel):
    """Base of every vanban model: unknown fields are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


def _check_text(value: str) -> str:
    bad = _text.bad_character(value)
    if bad:
        raise PydanticCustomError(
            "bad_character",
            "ký tự điều khiển {char} không được phép trong văn bản (XML 1.0 không chứa được)",
            {"char": bad},
        )
    return _text.clean(value)


def _not_empty(value: str) -> str:
    if not value:
        raise PydanticCustomError("empty_text", "không được để trống")
    return value


#: Text as the user wrote it, cleaned by the rules of :mod:`vanban.text` (NFC, trimmed ends).
Text = Annotated[str, AfterValidator(_check_text), AfterValidator(_not_empty)]


def _one_line(value: str) -> str:
    return " ".join(value.split("\n"))


#: Text that is one line in the document (a name, a place): a newline becomes a space.
LineText = Annotated[Text, AfterValidator(_one_line)]

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
Abbreviation = Annotated[str, AfterValidator(_check_abbreviation)]


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


_DEADLINE_HINT = 'cần dạng 2025-03-15 hoặc một đoạn chữ như "thường xuyên"'
_DATE_HINT = "cần dạng 2024-11-15, 2024-11 hoặc 2024"


def _parse_date_text(value: str, hint: str = _DEADLINE_HINT) -> dt.date | None:
    """A date written 2025-03-15 or 15/3/2025; ``None`` when the text is not date-shaped."""
    m = _ISO_DATE.match(value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _VN_DATE.match(value)
        if not m:
            return None
        d, mo, y = (int(x) for x in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise PydanticCustomError(
            "bad_date", 'ngày không hợp lệ "{value}" ({hint})', {"value": value, "hint": hint}
        ) from None


def _deadline(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        parsed = _parse_date_text(value.strip())
        if parsed is not None:
            return parsed
    elif isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a year: "deadline: 2025"
    elif not isinstance(value, dt.date):
        raise PydanticCustomError("bad_deadline", "thời hạn " + _DEADLINE_HINT)
    return value


#: A deadline (thời hạn): a date, or text such as "thường xuyên" or "Quý I/2025".
Deadline = Annotated[dt.date | Text, BeforeValidator(_deadline)]


class DocDate(Model):
    """Thời gian ban hành: a full date, or a partial one whose blanks the văn thư fills in.

    In YAML: ``2024-11-15`` (full), ``2024-11`` (month and year: "ngày      tháng 11 năm
    2024"), ``2022`` (year only), or a mapping ``{year: 2024, month: 11}``.
    """

    model_config = ConfigDict(title="Thời gian ban hành", extra="forbid")

    year: int
    month: int | None = None
    day: int | None = None

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
    def _valid(self) -> DocDate:
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

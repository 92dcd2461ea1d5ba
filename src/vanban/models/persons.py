"""Parts the giấy share (Giấy mời, Giấy giới thiệu, Giấy nghỉ phép: Mẫu 1.7, 1.8, 1.10): the
person a giấy names, a calendar day, the time of a meeting."""

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from vanban.models.types import LineText, Model, Text, _parse_date_text, in_years
from vanban.nd30 import forms

_DAY_HINT = "cần một ngày dạng 2026-03-15 hoặc 15/3/2026"


def _day(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return in_years(value.date())
    if isinstance(value, dt.date):
        return in_years(value)
    if isinstance(value, str):
        parsed = _parse_date_text(value.strip(), _DAY_HINT)
        if parsed is not None:
            return parsed
    raise PydanticCustomError(
        "bad_date",
        'ngày không hợp lệ "{value}" ({hint})',
        {"value": str(value)[:40], "hint": _DAY_HINT},
    )


#: A calendar day (a date written 2026-03-15 or 15/3/2026).
Day = Annotated[
    dt.date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-03-15"]}),
]


#: A text that means to be a date with its hour, ISO-like.
_MOMENT = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[ T]\d")


def _when(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        in_years(value.date())
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, dt.date):
        return in_years(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            if _MOMENT.match(text):  # "2026-02-30 08:00", "2026-03-05 25:00"
                raise PydanticCustomError(
                    "bad_datetime",
                    'ngày giờ không hợp lệ "{value}" (cần dạng 2026-03-05 08:00)',
                    {"value": text[:40]},
                ) from None
            day = _parse_date_text(text, _DAY_HINT)
            return text if day is None else day
        if len(text) > 10:  # "2026-03-05 08:00": a date with its hour
            return _when(moment)
        return in_years(moment.date())
    return value


#: When a meeting is: a date with its hour ("2026-03-05 08:00"), a date, or a text written as
#: it is to be printed ("Từ 08 giờ 00 phút đến 11 giờ 30 phút, ngày 05 tháng 3 năm 2026").
When = Annotated[
    dt.datetime | dt.date | LineText,
    BeforeValidator(_when),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date-time", "description": "ngày và giờ"},
                {"type": "string", "format": "date", "description": "chỉ ngày"},
                {"type": "string", "description": "thời gian viết sẵn, in nguyên văn"},
            ],
            "examples": ["2026-03-05 08:00"],
        }
    ),
]


def when_text(value: dt.datetime | dt.date | str) -> str:
    """How a :data:`When` is printed (:func:`vanban.nd30.forms.time_text`)."""
    return value if isinstance(value, str) else forms.time_text(value)


class Person(Model):
    """Người được giới thiệu, được cấp giấy nghỉ phép: họ tên, chức vụ, đơn vị (Mẫu 1.8, 1.10)."""

    model_config = ConfigDict(
        title="Người được cấp giấy",
        json_schema_extra={
            "description": "Họ tên, cách xưng hô (Ông/Bà), chức vụ và đơn vị công tác của người "
            "có tên trong giấy (Mẫu 1.8, 1.10, chú thích 5)."
        },
    )

    name: LineText = Field(
        title="Họ và tên",
        description="Họ, tên đệm (nếu có) và tên.",
        examples=["Nguyễn Văn An", "Trần Thị Hoa"],
    )
    honorific: Literal["Ông", "Bà"] | None = Field(
        None,
        title="Cách xưng hô",
        description='"Ông" hoặc "Bà"; bỏ trống thì in "Ông (bà)" như mẫu.',
        examples=["Ông", "Bà"],
    )
    position: LineText = Field(
        title="Chức vụ",
        description='In trên dòng "Chức vụ: …".',
        examples=["Chuyên viên", "Phó Trưởng phòng Kinh tế"],
    )
    unit: Text | None = Field(
        None,
        title="Đơn vị công tác",
        description='In trên dòng "Đơn vị công tác: …" (nếu có).',
        examples=["Phòng Kinh tế", "Văn phòng HĐND và UBND xã"],
    )

    @property
    def named(self) -> str:
        """The person in a sentence: "bà Trần Thị Hoa", "ông (bà) Lê Văn Nam"."""
        return f"{(self.honorific or forms.ANY_HONORIFIC).lower()} {self.name}"

    @property
    def addressed(self) -> str:
        """The person as a recipient: "Bà Trần Thị Hoa"."""
        return f"{self.honorific or forms.ANY_HONORIFIC} {self.name}"

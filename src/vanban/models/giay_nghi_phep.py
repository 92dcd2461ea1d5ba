"""Giấy nghỉ phép: a leave permit, laid out after Mẫu 1.10 of Phụ lục III."""

from typing import Any, ClassVar, Literal

from pydantic import ConfigDict, Field, StrictInt, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.common import AsAbove, Document
from vanban.models.giay_gioi_thieu import refuse_title
from vanban.models.persons import Day, Person
from vanban.models.types import LineText, Model, Text
from vanban.nd30 import forms


class Confirmation(Model):
    """Xác nhận của nơi nghỉ phép (Mẫu 1.10): a signature block under the closing, on the left."""

    model_config = ConfigDict(
        title="Xác nhận của nơi nghỉ phép",
        json_schema_extra={
            "description": "Khối xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi "
            "nghỉ phép (nếu cần), in bên trái, dưới phần nơi nhận và chữ ký (Mẫu 1.10)."
        },
    )

    by: LineText = Field(
        forms.CONFIRMER,
        title="Cơ quan xác nhận",
        description='In hoa sau "XÁC NHẬN CỦA"; mặc định như mẫu: "cơ quan (tổ chức) hoặc chính '
        'quyền địa phương nơi nghỉ phép".',
        examples=["Ủy ban nhân dân xã Hòa Bình"],
    )
    name: LineText | None = Field(
        None,
        title="Họ tên người xác nhận",
        description="Bỏ trống để người xác nhận tự ghi.",
        examples=["Nguyễn Văn Tâm"],
    )


def _confirmation(value: Any) -> Any:
    """``confirmation: true`` asks for the block with its default wording."""
    if value is True:
        return {}
    if value is False:
        return None
    return value


class GiayNghiPhep(Document):
    """Giấy nghỉ phép: tên loại and its rule, no trích yếu; "Xét Đơn đề nghị nghỉ phép … cấp
    cho:", the person, the leave (days, dates, place), the kind of leave it counts as; Nơi
    nhận starts with the person; the optional xác nhận block of the place of leave."""

    model_config = ConfigDict(
        title="Giấy nghỉ phép",
        json_schema_extra={
            "description": "Giấy nghỉ phép (Mẫu 1.10, Phụ lục III Nghị định 30/2020/NĐ-CP): tên "
            'loại, không có trích yếu; "Xét Đơn đề nghị nghỉ phép …", người được nghỉ phép, số '
            "ngày, từ ngày, đến ngày, nơi nghỉ phép, loại thời gian nghỉ; nơi nhận bắt đầu bằng "
            "người được cấp giấy; khối xác nhận của nơi nghỉ phép (nếu cần)."
        },
    )

    doc_type: ClassVar[str] = "giay_nghi_phep"

    type: Literal["giay_nghi_phep"] = Field(
        "giay_nghi_phep",
        title="Loại văn bản",
        description="giay_nghi_phep: Giấy nghỉ phép (GNP).",
    )
    #: No trích yếu (Mẫu 1.10): the tên loại stands for the title in the file's properties.
    title: SkipJsonSchema[Text] = "Giấy nghỉ phép"
    grantor: LineText | None = Field(
        None,
        title="Cơ quan cấp giấy (trong câu)",
        description='Tên cơ quan trong câu "…, <cơ quan> cấp cho:"; mặc định lấy issuer.in_text '
        "hoặc suy ra từ tên cơ quan ban hành.",
        examples=["Sở Nội vụ tỉnh Hòa Bình Nam"],
    )
    request_date: Day | None = Field(
        None,
        title="Ngày của đơn đề nghị nghỉ phép",
        description='In "Xét Đơn đề nghị nghỉ phép ngày … của …".',
        examples=["2026-07-06"],
    )
    person: Person = Field(
        title="Người được nghỉ phép",
        description="Họ tên, cách xưng hô, chức vụ, đơn vị công tác (Mẫu 1.10, chú thích 5).",
    )
    days: StrictInt = Field(
        ge=1,
        le=366,
        title="Số ngày nghỉ phép",
        description="Không lớn hơn số ngày từ ngày bắt đầu đến ngày kết thúc.",
        examples=[5, 12],
    )
    start: Day = Field(
        title="Nghỉ từ ngày",
        description='Ngày bắt đầu nghỉ, in "kể từ ngày … tháng … năm …".',
        examples=["2026-07-13"],
    )
    end: Day = Field(
        title="Nghỉ đến hết ngày",
        description='Ngày nghỉ cuối cùng, in "đến hết ngày … tháng … năm …".',
        examples=["2026-07-17"],
    )
    leave_place: Text = Field(
        title="Nơi nghỉ phép",
        description='In sau "tại" (Mẫu 1.10, chú thích 6).',
        examples=["xã Hòa Bình, tỉnh Hòa Bình Nam"],
    )
    reason: Text | None = Field(
        None,
        title="Lý do nghỉ phép",
        description='In trên dòng "Lý do: …" (nếu có).',
        examples=["Giải quyết việc gia đình"],
    )
    counted_as: Text | None = Field(
        None,
        title="Tính vào thời gian",
        description='"Số ngày nghỉ phép nêu trên được tính vào thời gian …" (chú thích 7: nghỉ '
        'hằng năm, nghỉ không hưởng lương…); mặc định "nghỉ phép năm <năm của ngày bắt đầu>".',
        examples=["nghỉ phép năm 2026", "nghỉ việc riêng không hưởng lương"],
    )
    confirmation: Confirmation | None = Field(
        None,
        title="Xác nhận của nơi nghỉ phép",
        description="Cơ quan xác nhận và họ tên người xác nhận; viết confirmation: {} (hoặc true) để "
        "in khối xác nhận theo mẫu.",
    )
    person_recipient: AsAbove = Field(
        True,
        title="Người được nghỉ phép ở đầu nơi nhận",
        description='true (mặc định, Mẫu 1.10): nơi nhận mở đầu bằng người được nghỉ phép ("- Bà '
        'Trần Thị Hoa;"); false: không in dòng này; một đoạn chữ: in dòng đó thay.',
        examples=[False, "Bà Trần Thị Hoa (để t/h)"],
    )

    @model_validator(mode="before")
    @classmethod
    def _no_title(cls, value: Any) -> Any:
        value = refuse_title("giấy nghỉ phép", "Giấy nghỉ phép", value)
        if isinstance(value, dict) and "confirmation" in value:
            value = {**value, "confirmation": _confirmation(value["confirmation"])}
        return value

    @model_validator(mode="after")
    def _dates(self) -> "GiayNghiPhep":
        if self.end < self.start:
            raise PydanticCustomError(
                "bad_leave", "ngày kết thúc (end) ở trước ngày bắt đầu nghỉ (start)"
            )
        span = (self.end - self.start).days + 1
        if self.days > span:
            raise PydanticCustomError(
                "bad_leave",
                "số ngày nghỉ (days: {days}) lớn hơn số ngày từ {start} đến {end} ({span})",
                {"days": self.days, "start": self.start, "end": self.end, "span": span},
            )
        return self

    @property
    def leave_kind(self) -> str:
        """What the leave counts as, the default filled in."""
        return self.counted_as or forms.default_leave_kind(self.start.year)

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p != "title"]

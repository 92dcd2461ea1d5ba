"""Giấy giới thiệu: a letter of introduction, laid out after Mẫu 1.8 of Phụ lục III."""

from typing import Any, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.common import AsAbove, Document, as_above_field
from vanban.models.persons import Day, Person
from vanban.models.types import LineText, Text


def refuse_title(name: str, sample: str, value: Any) -> Any:
    """Refuse a trích yếu on a type that has none (Mẫu 1.8, 1.10); its own default passes
    (a document dumped and loaded again)."""
    if isinstance(value, dict) and value.get("title") not in (None, sample):
        raise PydanticCustomError(
            "no_title", "{name} không có trích yếu nội dung (title): bỏ trường này", {"name": name}
        )
    return value


class GiayGioiThieu(Document):
    """Giấy giới thiệu: tên loại and its rule, no trích yếu; "<cơ quan> trân trọng giới thiệu:",
    the person (name, chức vụ, unit), "Được cử đến", "Về việc", the fixed request, the validity;
    Nơi nhận starts with "Như trên" (the body the person is sent to)."""

    model_config = ConfigDict(
        title="Giấy giới thiệu",
        json_schema_extra={
            "description": "Giấy giới thiệu (Mẫu 1.8, Phụ lục III Nghị định 30/2020/NĐ-CP): tên "
            'loại, không có trích yếu; "… trân trọng giới thiệu:", người được giới thiệu (họ tên, '
            'chức vụ, đơn vị), "Được cử đến", "Về việc", thời hạn giá trị của giấy; nơi nhận bắt '
            'đầu bằng "Như trên".'
        },
    )

    doc_type: ClassVar[str] = "giay_gioi_thieu"

    type: Literal["giay_gioi_thieu"] = Field(
        "giay_gioi_thieu",
        title="Loại văn bản",
        description="giay_gioi_thieu: Giấy giới thiệu (GGT).",
    )
    #: No trích yếu (Mẫu 1.8): the tên loại stands for the title in the file's properties.
    title: SkipJsonSchema[Text] = "Giấy giới thiệu"
    introducer: LineText | None = Field(
        None,
        title="Cơ quan giới thiệu (trong câu)",
        description='Tên cơ quan trong câu "… trân trọng giới thiệu:"; mặc định lấy '
        "issuer.in_text hoặc suy ra từ tên cơ quan ban hành.",
        examples=["Sở Nội vụ tỉnh Hòa Bình Nam"],
    )
    person: Person = Field(
        title="Người được giới thiệu",
        description="Họ tên, cách xưng hô, chức vụ, đơn vị công tác (Mẫu 1.8, chú thích 5).",
    )
    sent_to: Text = Field(
        title="Được cử đến",
        description="Cơ quan, tổ chức mà người được giới thiệu đến làm việc (chú thích 6).",
        examples=["Ủy ban nhân dân xã Tân An, huyện Đông Sơn"],
    )
    purpose: Text = Field(
        title="Về việc",
        description='In trên dòng "Về việc: …".',
        examples=["Khảo sát, thu thập số liệu về tình hình thực hiện thủ tục hành chính."],
    )
    valid_until: Day = Field(
        title="Giá trị đến hết ngày",
        description='In "Giấy này có giá trị đến hết ngày … tháng … năm …".',
        examples=["2026-03-31"],
    )
    request: AsAbove = Field(
        True,
        title='Dòng "Đề nghị Quý cơ quan tạo điều kiện …"',
        description='true (mặc định, Mẫu 1.8): "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có '
        'tên ở trên hoàn thành nhiệm vụ."; false: không in dòng này; một đoạn chữ: in đoạn đó '
        "thay.",
        examples=[False, "Đề nghị Quý cơ quan giúp đỡ để bà Hoa hoàn thành nhiệm vụ."],
    )
    as_above: AsAbove = as_above_field()

    @model_validator(mode="before")
    @classmethod
    def _no_title(cls, value: Any) -> Any:
        return refuse_title("giấy giới thiệu", "Giấy giới thiệu", value)

    @model_validator(mode="after")
    def _valid_after_issue(self) -> "GiayGioiThieu":
        issued = self.date.as_date if self.date else None
        if issued and self.valid_until < issued:
            raise PydanticCustomError(
                "bad_validity",
                "ngày hết giá trị (valid_until) ở trước ngày ban hành (date)",
            )
        return self

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p != "title"]

"""Công văn (no tên loại): a letter, laid out after Mẫu 1.5 of Phụ lục III."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.appendix import Appendix, duplicate_id_error
from vanban.models.blocks import BodyBlock
from vanban.models.common import AsAbove, Document, RequiredAddressees, as_above_field
from vanban.models.types import Abbreviation, Text
from vanban.nd30 import numbering


class CongVan(Document):
    """Công văn: "V/v" trích yếu under the Số (ô 5b), Kính gửi (ô 9a), the content, a closing
    paragraph, phụ lục, and the shared parts; Nơi nhận starts with "Như trên"."""

    model_config = ConfigDict(
        title="Công văn",
        json_schema_extra={
            "description": "Công văn (Mẫu 1.5, Phụ lục III Nghị định 30/2020/NĐ-CP): không có tên "
            'loại; trích yếu là dòng "V/v …" dưới số, ký hiệu; khối "Kính gửi"; nội dung, đoạn '
            'kết, phụ lục và các thành phần thể thức chung; nơi nhận bắt đầu bằng "Như trên".'
        },
    )

    doc_type: ClassVar[str] = "cong_van"
    subject_in_header: ClassVar[bool] = True
    #: Fields holding no inline markup (the ký hiệu's unit is printed as written).
    _plain: ClassVar[frozenset[str]] = frozenset({"unit"})

    type: Literal["cong_van"] = Field(
        "cong_van",
        title="Loại văn bản",
        description="cong_van: Công văn (không có chữ viết tắt tên loại).",
    )
    title: Text = Field(
        title="Trích yếu nội dung (V/v)",
        description='In dưới số, ký hiệu, sau chữ "V/v" (ô 5b), cỡ chữ 12, trong cột trái; chữ '
        '"V/v" được thêm tự động. Xuống dòng để ngắt dòng cho vừa cột.',
        examples=[
            "trả lời kiến nghị của cử tri xã Tân Hồng",
            "đề nghị kéo dài thời gian giải ngân vốn",
        ],
    )
    unit: Abbreviation | None = Field(
        None,
        title="Chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực",
        description='Nhóm thứ hai của ký hiệu công văn: "VX" trong "Số: 12/UBND-VX" (Phụ lục I, '
        "mục II.3.b); bắt buộc khi không ghi ký hiệu (symbol).",
        examples=["VX", "KT", "VP"],
    )
    addressees: RequiredAddressees = Field(
        min_length=1,
        title="Kính gửi",
        description='Một nơi (in cùng dòng "Kính gửi: …") hoặc nhiều nơi, mỗi nơi một dòng bắt '
        'đầu bằng "-", kết thúc bằng ";", nơi cuối cùng bằng "."; các dấu được thêm tự động '
        "(ô 9a). Xuống dòng trong tên một nơi để ngắt dòng ở đó.",
        examples=[["Sở Tài chính"], ["Bộ Nội vụ", "Bộ Tài chính"]],
    )
    as_above: AsAbove = as_above_field()
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung",
        description="Các đoạn văn, khoản 1., 2.…, điểm a), b)…, gạch đầu dòng, bảng.",
        examples=[
            [
                {
                    "title": "Tình hình thực hiện",
                    "content": ["Đến ngày 15 tháng 10 năm 2026 đã giải ngân 69,7% kế hoạch."],
                }
            ]
        ],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description='Mặc định kết thúc bằng "./.".',
        examples=["Ủy ban nhân dân xã kính đề nghị Sở Tài chính quan tâm, xem xét."],
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Sau phần chữ ký, mỗi phụ lục bắt đầu ở trang mới.",
    )

    @model_validator(mode="after")
    def _unit_and_appendices(self) -> "CongVan":
        if self.symbol is None and not self.unit:
            raise PydanticCustomError(
                "missing_unit",
                "công văn cần unit (chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực, ví dụ VX trong "
                "UBND-VX) hoặc symbol (ký hiệu)",
            )
        duplicate = duplicate_id_error(list(self.appendices))
        if duplicate:
            raise duplicate
        return self

    @property
    def symbol_text(self) -> str:
        """The ký hiệu: the given one, or "<issuer>-<unit>" (II.3.b), with no type."""
        if self.symbol:
            return self.symbol
        return numbering.letter_symbol(self.issuer.abbreviation or "", self.unit or "")

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p not in self._plain]

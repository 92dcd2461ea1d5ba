"""Thư công: a letter of a leader or a body (thanks, congratulations, condolences); no
Mẫu and no abbreviation in the decree (Điều 7; no Mẫu in Phụ lục III), laid out as
:mod:`vanban.layout.thu_cong` describes."""

from typing import Any, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.blocks import BodyBlock
from vanban.models.common import Document
from vanban.models.types import Text


class ThuCong(Document):
    """Thư công: the letter's heading (Thư chúc mừng, Thư cảm ơn …), the salutation, the
    content, a closing line, the signer; no Số, ký hiệu; Nơi nhận only when given."""

    model_config = ConfigDict(
        title="Thư công",
        json_schema_extra={
            "description": "Thư công (Nghị định 30/2020/NĐ-CP không có mẫu và không có chữ viết "
            "tắt): thư chúc mừng, cảm ơn, thăm hỏi, chia buồn của cơ quan hoặc người đứng đầu; "
            "phần đầu như Mẫu 1.5 nhưng không có số, ký hiệu; tiêu đề thư, lời chào, nội dung, "
            "lời kết, người ký; không có nơi nhận trừ khi được ghi."
        },
    )

    doc_type: ClassVar[str] = "thu_cong"
    skeleton_values: ClassVar[dict[str, Any]] = {"number": None, "symbol": None}
    #: No Nơi nhận (and no warning for a missing "Lưu" line) unless one is given.
    recipients_optional: ClassVar[bool] = True

    type: Literal["thu_cong"] = Field(
        "thu_cong",
        title="Loại văn bản",
        description="thu_cong: Thư công (không có chữ viết tắt, không có số, ký hiệu).",
    )
    title: Text = Field(
        title="Tiêu đề thư",
        description="In hoa, đậm, canh giữa dưới phần đầu; xuống dòng để ngắt dòng.",
        examples=[
            "Thư chúc mừng",
            "Thư cảm ơn",
            "Thư chia buồn",
        ],
    )
    salutation: Text = Field(
        title="Lời chào",
        description="Dòng mở đầu thư, in đậm, ví dụ “Kính gửi các thầy giáo, cô giáo!”.",
        examples=["Kính gửi các thầy giáo, cô giáo, cán bộ quản lý giáo dục toàn tỉnh!"],
    )
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung",
        description="Các đoạn văn và các khối nội dung dùng chung.",
        examples=[["Nhân dịp kỷ niệm 44 năm Ngày Nhà giáo Việt Nam …"]],
    )
    closing: Text | None = Field(
        None,
        title="Lời kết",
        description="Đoạn cuối thư, ví dụ “Trân trọng!”, “Xin trân trọng cảm ơn!”.",
        examples=["Trân trọng!"],
    )

    @model_validator(mode="before")
    @classmethod
    def _no_number(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in ("number", "symbol"):
                if data.get(key) is not None:
                    raise PydanticCustomError(
                        "not_numbered",
                        "thư công không có số, ký hiệu (Nghị định 30 không có chữ viết tắt cho "
                        "thư công): bỏ {key}",
                        {"key": key},
                    )
        return data

    @model_validator(mode="after")
    def _symbol_needs_abbreviation(self) -> "ThuCong":
        return self  # no ký hiệu, so the issuer needs no abbreviation

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

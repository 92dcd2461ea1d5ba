"""Kế hoạch (KH): a plan, laid out after Mẫu 1.4 of Phụ lục III."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import BodyBlock, FieldName, Section
from vanban.models.common import Document
from vanban.models.types import Text


class KeHoach(Document):
    """Kế hoạch: trích yếu, căn cứ, mở đầu, the mục (or khoản when the plan has no mục), a
    closing paragraph, phụ lục, and the shared parts."""

    model_config = ConfigDict(
        title="Kế hoạch",
        json_schema_extra={
            "description": "Kế hoạch (Mẫu 1.4, Phụ lục III Nghị định 30/2020/NĐ-CP): trích yếu, "
            "căn cứ, mở đầu, các mục (hoặc các khoản khi không chia mục), đoạn kết, phụ lục và "
            "các thành phần thể thức chung."
        },
    )

    doc_type: ClassVar[str] = "ke_hoach"
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("sections", "content")

    type: Literal["ke_hoach"] = Field(
        "ke_hoach", title="Loại văn bản", description="ke_hoach: Kế hoạch (KH)."
    )
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='In nghiêng, mỗi căn cứ một dòng; dấu ";" và dấu "." cuối cùng được thêm '
        "tự động.",
        examples=[
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                "Căn cứ Quyết định số 1520/QĐ-UBND ngày 15 tháng 12 năm 2024 của Chủ tịch "
                "UBND tỉnh về việc ban hành Chương trình công tác năm 2025",
            ]
        ],
    )
    intro: list[Text] = Field(
        default_factory=list,
        title="Mở đầu",
        description="Các đoạn mở đầu, trước mục I (hoặc khoản 1 khi không chia mục).",
        examples=[
            [
                "Thực hiện Chương trình chuyển đổi số quốc gia, Sở Công Thương ban hành Kế hoạch "
                "thực hiện chuyển đổi số năm 2025."
            ]
        ],
    )
    sections: list[Section] = Field(
        default_factory=list,
        title="Các mục",
        description="Các mục I, II, III…; tiêu đề mục in hoa.",
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung (không chia mục)",
        description="Với kế hoạch không chia mục: các khoản 1., 2.… ở cấp cao nhất.",
        examples=[
            [
                {"title": "Mục đích, yêu cầu", "text": "Nâng cao văn hóa đọc trong học sinh."},
                {
                    "task": "Tổ chức trưng bày sách tại thư viện.",
                    "leads": "Tổ Văn phòng",
                    "deadline": "2025-04-21",
                },
            ]
        ],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description='Mặc định kết thúc bằng "./.".',
        examples=[
            "Trên đây là Kế hoạch thực hiện chuyển đổi số năm 2025; trong quá trình thực hiện, "
            "nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Công Thương để tổng "
            "hợp, báo cáo UBND tỉnh xem xét, giải quyết"
        ],
    )
    task_style: Literal["inline", "lines"] = Field(
        "inline",
        title="Cách trình bày nhiệm vụ",
        description='"inline": thời hạn in nghiêng trong ngoặc đơn sau nhiệm vụ; '
        '"lines": dòng "- Thời gian thực hiện: …" dưới nhiệm vụ, cùng các vai trò khác.',
    )
    task_labels: dict[FieldName, Text] = Field(
        default_factory=dict,
        title="Nhãn dòng nhiệm vụ",
        description="Nhãn các dòng dưới nhiệm vụ và tên cột bảng nhiệm vụ, theo trường: "
        '{deadline: "Thời gian hoàn thành", leads: "Cơ quan chủ trì"}.',
        examples=[{"deadline": "Thời gian hoàn thành", "leads": "Cơ quan chủ trì"}],
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Sau phần chữ ký, mỗi phụ lục bắt đầu ở trang mới.",
    )

    @model_validator(mode="after")
    def _body(self) -> KeHoach:
        if not (self.sections or self.content):
            raise PydanticCustomError(
                "missing_body", "kế hoạch cần sections (các mục) hoặc content (các khoản)"
            )
        ids = [a.id for a in self.appendices if a.id]
        for name in ids:
            if ids.count(name) > 1:
                raise PydanticCustomError(
                    "duplicate_id", 'hai phụ lục cùng mã "{name}"', {"name": name}
                )
        return self

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

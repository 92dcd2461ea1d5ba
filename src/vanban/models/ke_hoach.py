"""Kế hoạch (KH): a plan, laid out after Mẫu 1.4 of Phụ lục III."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class KeHoach(TextDocument):
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

    type: Literal["ke_hoach"] = Field(
        "ke_hoach", title="Loại văn bản", description="ke_hoach: Kế hoạch (KH)."
    )

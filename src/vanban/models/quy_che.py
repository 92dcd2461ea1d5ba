"""Quy chế (QC): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import ArticledDocument


class QuyChe(ArticledDocument):
    """Quy chế: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Quy chế",
        json_schema_extra={
            "description": "Quy chế (Mẫu 1.4 khi ban hành riêng, có số và ký hiệu QC): thân văn bản chia chương, điều (hoặc mục, khoản). Khi được ban hành kèm theo quyết định thì dùng văn bản kèm theo của quyet_dinh (Mẫu 1.3)."
        },
    )

    doc_type: ClassVar[str] = "quy_che"

    type: Literal["quy_che"] = Field(
        "quy_che", title="Loại văn bản", description="quy_che: Quy chế (QC)."
    )

"""Quy định (QyĐ): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import ArticledDocument


class QuyDinh(ArticledDocument):
    """Quy định: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Quy định",
        json_schema_extra={
            "description": "Quy định (Mẫu 1.4 khi ban hành riêng, có số và ký hiệu QyĐ): thân văn bản chia chương, điều (hoặc mục, khoản). Khi được ban hành kèm theo quyết định thì dùng văn bản kèm theo của quyet_dinh (Mẫu 1.3)."
        },
    )

    doc_type: ClassVar[str] = "quy_dinh"

    type: Literal["quy_dinh"] = Field(
        "quy_dinh", title="Loại văn bản", description="quy_dinh: Quy định (QyĐ)."
    )

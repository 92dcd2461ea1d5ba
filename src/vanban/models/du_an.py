"""Dự án (DA): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class DuAn(TextDocument):
    """Dự án: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Dự án",
        json_schema_extra={
            "description": "Dự án (Mẫu 1.4): mục tiêu, quy mô, địa điểm, vốn, tiến độ, tổ chức thực hiện."
        },
    )

    doc_type: ClassVar[str] = "du_an"

    type: Literal["du_an"] = Field("du_an", title="Loại văn bản", description="du_an: Dự án (DA).")

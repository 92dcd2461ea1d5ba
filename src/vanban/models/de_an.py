"""Đề án (ĐA): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class DeAn(TextDocument):
    """Đề án: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Đề án",
        json_schema_extra={
            "description": "Đề án (Mẫu 1.4): sự cần thiết, căn cứ, mục tiêu, nhiệm vụ, giải pháp, tổ chức thực hiện."
        },
    )

    doc_type: ClassVar[str] = "de_an"

    type: Literal["de_an"] = Field("de_an", title="Loại văn bản", description="de_an: Đề án (ĐA).")

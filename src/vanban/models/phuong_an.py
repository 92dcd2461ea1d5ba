"""Phương án (PA): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class PhuongAn(TextDocument):
    """Phương án: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Phương án",
        json_schema_extra={
            "description": "Phương án (Mẫu 1.4): cách thức, biện pháp tổ chức thực hiện một công việc."
        },
    )

    doc_type: ClassVar[str] = "phuong_an"

    type: Literal["phuong_an"] = Field(
        "phuong_an", title="Loại văn bản", description="phuong_an: Phương án (PA)."
    )

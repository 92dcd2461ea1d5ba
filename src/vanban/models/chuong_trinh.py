"""Chương trình (CTr): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class ChuongTrinh(TextDocument):
    """Chương trình: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Chương trình",
        json_schema_extra={
            "description": "Chương trình (Mẫu 1.4): chương trình công tác, hành động; thân văn bản là các mục, khoản, nhiệm vụ hoặc bảng (ví dụ lịch thời gian)."
        },
    )

    doc_type: ClassVar[str] = "chuong_trinh"

    type: Literal["chuong_trinh"] = Field(
        "chuong_trinh", title="Loại văn bản", description="chuong_trinh: Chương trình (CTr)."
    )

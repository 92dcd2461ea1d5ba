"""Thông cáo (TC): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class ThongCao(TextDocument):
    """Thông cáo: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Thông cáo",
        json_schema_extra={
            "description": "Thông cáo (Mẫu 1.4): công bố với nhân dân một quyết định hoặc sự kiện quan trọng."
        },
    )

    doc_type: ClassVar[str] = "thong_cao"

    type: Literal["thong_cao"] = Field(
        "thong_cao", title="Loại văn bản", description="thong_cao: Thông cáo (TC)."
    )

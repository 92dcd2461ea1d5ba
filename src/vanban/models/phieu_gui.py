"""Phiếu gửi (PG): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class PhieuGui(TextDocument):
    """Phiếu gửi: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Phiếu gửi",
        json_schema_extra={
            "description": "Phiếu gửi (Mẫu 1.4): gửi kèm văn bản, tài liệu; Nghị định không quy định các trường của thân phiếu."
        },
    )

    doc_type: ClassVar[str] = "phieu_gui"

    type: Literal["phieu_gui"] = Field(
        "phieu_gui", title="Loại văn bản", description="phieu_gui: Phiếu gửi (PG)."
    )

"""Phiếu báo (PB): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class PhieuBao(TextDocument):
    """Phiếu báo: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Phiếu báo",
        json_schema_extra={
            "description": "Phiếu báo (Mẫu 1.4): báo tin một việc cho cơ quan, cá nhân; Nghị định không quy định các trường của thân phiếu."
        },
    )

    doc_type: ClassVar[str] = "phieu_bao"

    type: Literal["phieu_bao"] = Field(
        "phieu_bao", title="Loại văn bản", description="phieu_bao: Phiếu báo (PB)."
    )

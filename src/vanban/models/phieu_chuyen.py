"""Phiếu chuyển (PC): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class PhieuChuyen(TextDocument):
    """Phiếu chuyển: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Phiếu chuyển",
        json_schema_extra={
            "description": "Phiếu chuyển (Mẫu 1.4): chuyển văn bản, hồ sơ đến cơ quan có thẩm quyền; Nghị định không quy định các trường của thân phiếu."
        },
    )

    doc_type: ClassVar[str] = "phieu_chuyen"

    type: Literal["phieu_chuyen"] = Field(
        "phieu_chuyen", title="Loại văn bản", description="phieu_chuyen: Phiếu chuyển (PC)."
    )

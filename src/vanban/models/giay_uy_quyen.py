"""Giấy ủy quyền (GUQ): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class GiayUyQuyen(TextDocument):
    """Giấy ủy quyền: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Giấy ủy quyền",
        json_schema_extra={
            "description": "Giấy ủy quyền (Mẫu 1.4): người ủy quyền, người được ủy quyền, nội dung và thời hạn ủy quyền."
        },
    )

    doc_type: ClassVar[str] = "giay_uy_quyen"

    type: Literal["giay_uy_quyen"] = Field(
        "giay_uy_quyen", title="Loại văn bản", description="giay_uy_quyen: Giấy ủy quyền (GUQ)."
    )

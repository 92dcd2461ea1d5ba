"""Tờ trình (TTr): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.text_document import AddressedDocument


class ToTrinh(AddressedDocument):
    """Tờ trình: a văn bản có tên loại of Mẫu 1.4 (nd30-types.md §7)."""

    model_config = ConfigDict(
        title="Tờ trình",
        json_schema_extra={
            "description": "Tờ trình (Mẫu 1.4): đề xuất với cơ quan cấp trên xem xét, quyết định; có Kính gửi (ô 9a) sau trích yếu, Nơi nhận mở đầu bằng “- Như trên;”, đoạn kết thường là “Kính trình … xem xét, quyết định.”."
        },
    )

    doc_type: ClassVar[str] = "to_trinh"

    type: Literal["to_trinh"] = Field(
        "to_trinh", title="Loại văn bản", description="to_trinh: Tờ trình (TTr)."
    )

    @model_validator(mode="after")
    def _addressed(self) -> ToTrinh:
        if not self.addressees:
            raise PydanticCustomError(
                "missing_addressees",
                "tờ trình cần Kính gửi (addressees): cơ quan cấp trên được trình (Phụ lục I, II.9.b)",
            )
        return self

"""Tờ trình (TTr): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.common import RequiredAddressees
from vanban.models.text_document import AddressedDocument


class ToTrinh(AddressedDocument):
    """Tờ trình: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III), always addressed to
    the higher body it submits to (Kính gửi, Phụ lục I, II.9.b)."""

    model_config = ConfigDict(
        title="Tờ trình",
        json_schema_extra={
            "description": "Tờ trình (Mẫu 1.4): đề xuất với cơ quan cấp trên xem xét, quyết "
            "định; có Kính gửi (ô 9a) sau trích yếu, Nơi nhận mở đầu bằng “- Như trên;”, đoạn "
            "kết thường là “Kính trình … xem xét, quyết định.”."
        },
    )

    doc_type: ClassVar[str] = "to_trinh"

    type: Literal["to_trinh"] = Field(
        "to_trinh", title="Loại văn bản", description="to_trinh: Tờ trình (TTr)."
    )
    addressees: RequiredAddressees = Field(
        min_length=1,
        title="Kính gửi",
        description="Cơ quan cấp trên được trình (ô 9a; Phụ lục I, II.9.b): một nơi thì cùng "
        "dòng với “Kính gửi:”, nhiều nơi thì mỗi nơi một dòng; Nơi nhận khi đó mở đầu bằng "
        "“- Như trên;”. Một nơi có thể viết thành một đoạn chữ; xuống dòng trong tên để ngắt "
        "dòng ở đó.",
        examples=[["Ủy ban nhân dân tỉnh Hòa Bình Nam"]],
    )

"""Hướng dẫn (HD): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class HuongDan(TextDocument):
    """Hướng dẫn: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Hướng dẫn",
        json_schema_extra={
            "description": "Hướng dẫn (Mẫu 1.4): cụ thể hóa, hướng dẫn thực hiện một văn bản hoặc nhiệm vụ; thân văn bản là các mục hoặc các khoản."
        },
    )

    doc_type: ClassVar[str] = "huong_dan"

    type: Literal["huong_dan"] = Field(
        "huong_dan", title="Loại văn bản", description="huong_dan: Hướng dẫn (HD)."
    )

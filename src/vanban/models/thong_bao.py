"""Thông báo (TB): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class ThongBao(TextDocument):
    """Thông báo: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Thông báo",
        json_schema_extra={
            "description": "Thông báo (Mẫu 1.4): thông tin về hoạt động, kết luận cuộc họp, sự việc…; nơi nhận chỉ ghi ở Nơi nhận, không có Kính gửi."
        },
    )

    doc_type: ClassVar[str] = "thong_bao"

    type: Literal["thong_bao"] = Field(
        "thong_bao", title="Loại văn bản", description="thong_bao: Thông báo (TB)."
    )

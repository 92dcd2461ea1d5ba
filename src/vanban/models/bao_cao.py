"""Báo cáo (BC): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import AddressedDocument


class BaoCao(AddressedDocument):
    """Báo cáo: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Báo cáo",
        json_schema_extra={
            "description": "Báo cáo (Mẫu 1.4): thường gồm kết quả thực hiện, tồn tại, hạn chế và nguyên nhân, phương hướng, nhiệm vụ và kiến nghị; khi gửi cơ quan cấp trên thì có Kính gửi (ô 9a) và Nơi nhận mở đầu bằng “- Như trên;”."
        },
    )

    doc_type: ClassVar[str] = "bao_cao"

    type: Literal["bao_cao"] = Field(
        "bao_cao", title="Loại văn bản", description="bao_cao: Báo cáo (BC)."
    )

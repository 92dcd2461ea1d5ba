"""Chỉ thị (CT): laid out after Mẫu 1.4 of Phụ lục III (:mod:`.text_document`)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.text_document import TextDocument


class ChiThi(TextDocument):
    """Chỉ thị: a văn bản có tên loại of Mẫu 1.4 (Mẫu 1.4, Phụ lục III)."""

    model_config = ConfigDict(
        title="Chỉ thị",
        json_schema_extra={
            "description": "Chỉ thị (Mẫu 1.4): truyền đạt chủ trương, chính sách, biện pháp chỉ đạo, đôn đốc, kiểm tra thực hiện nhiệm vụ; thân văn bản là các mục hoặc các khoản, không có Kính gửi."
        },
    )

    doc_type: ClassVar[str] = "chi_thi"

    type: Literal["chi_thi"] = Field(
        "chi_thi", title="Loại văn bản", description="chi_thi: Chỉ thị (CT)."
    )

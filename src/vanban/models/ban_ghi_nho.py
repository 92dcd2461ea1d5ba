"""Bản ghi nhớ (BGN): no Mẫu in the decree; laid out as the two-party text of
:mod:`vanban.layout.agreement` (Điều 7; no Mẫu in Phụ lục III, UNCONFIRMED)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.agreement import Agreement
from vanban.models.signatories import without_signer


class BanGhiNho(Agreement):
    """Bản ghi nhớ: header and tên loại of Mẫu 1.4, căn cứ, the parties, the articles, the two
    representatives' signatures side by side."""

    model_config = ConfigDict(
        title="Bản ghi nhớ",
        json_schema_extra=without_signer(
            "Bản ghi nhớ (Nghị định 30/2020/NĐ-CP không có mẫu; trình bày theo cách thông dụng): "
            "phần đầu và tên loại như Mẫu 1.4, căn cứ, các bên (Bên A, Bên B), các điều, chữ ký "
            "ĐẠI DIỆN BÊN A và ĐẠI DIỆN BÊN B ngang nhau; không có nơi nhận trừ khi được ghi."
        ),
    )

    doc_type: ClassVar[str] = "ban_ghi_nho"

    type: Literal["ban_ghi_nho"] = Field(
        "ban_ghi_nho", title="Loại văn bản", description="ban_ghi_nho: Bản ghi nhớ (BGN)."
    )

"""Bản thỏa thuận (BTT): no Mẫu in the decree; laid out as the two-party text of
:mod:`vanban.layout.agreement` (Điều 7; no Mẫu in Phụ lục III, UNCONFIRMED)."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.agreement import Agreement
from vanban.models.signatories import without_signer


class BanThoaThuan(Agreement):
    """Bản thỏa thuận: header and tên loại of Mẫu 1.4, căn cứ, the parties, the articles, the two
    representatives' signatures side by side."""

    model_config = ConfigDict(
        title="Bản thỏa thuận",
        json_schema_extra=without_signer(
            "Bản thỏa thuận (Nghị định 30/2020/NĐ-CP không có mẫu; trình bày theo cách thông dụng): "
            "phần đầu và tên loại như Mẫu 1.4, căn cứ, các bên (Bên A, Bên B), các điều, chữ ký "
            "ĐẠI DIỆN BÊN A và ĐẠI DIỆN BÊN B ngang nhau; không có nơi nhận trừ khi được ghi."
        ),
    )

    doc_type: ClassVar[str] = "ban_thoa_thuan"

    type: Literal["ban_thoa_thuan"] = Field(
        "ban_thoa_thuan", title="Loại văn bản", description="ban_thoa_thuan: Bản thỏa thuận (BTT)."
    )

"""What a Hợp đồng, a Bản ghi nhớ and a Bản thỏa thuận share: two parties, căn cứ, the
articles, two signers "ĐẠI DIỆN BÊN A" / "ĐẠI DIỆN BÊN B" (Điều 7; no Mẫu in
the decree). Each type is its own module (:mod:`.hop_dong`, :mod:`.ban_ghi_nho`,
:mod:`.ban_thoa_thuan`) subclassing :class:`Agreement`."""

from typing import Any, ClassVar

from pydantic import ConfigDict, Field, model_validator

from vanban.models import walk
from vanban.models.articles import Article
from vanban.models.common import Document
from vanban.models.signatories import Person, signer_from
from vanban.models.types import LineText, Model, Text


class Party(Model):
    """Một bên: tên, vai trò, người đại diện, địa chỉ, điện thoại, mã số thuế, tài khoản."""

    model_config = ConfigDict(
        title="Một bên",
        json_schema_extra={
            "description": 'Một bên ký (Bên A, Bên B): tên cơ quan, tổ chức; vai trò như "bên '
            'thuê dịch vụ" (nếu có); người đại diện và chức vụ; địa chỉ, điện thoại, thư điện '
            "tử, mã số thuế, số tài khoản (nếu có)."
        },
    )

    name: Text = Field(
        title="Tên cơ quan, tổ chức",
        description="In hoa, đậm, sau nhãn Bên A/Bên B.",
        examples=["Sở Nội vụ tỉnh Hòa Bình Nam", "Công ty TNHH Dịch vụ Minh Phát"],
    )
    role: LineText | None = Field(
        None,
        title="Vai trò",
        description='In trong ngoặc sau nhãn: "BÊN A (BÊN THUÊ DỊCH VỤ): …".',
        examples=["bên thuê dịch vụ", "bên cung cấp dịch vụ"],
    )
    representative: Person = Field(
        title="Người đại diện",
        description="Danh xưng, họ tên, chức vụ; ký dưới chữ ĐẠI DIỆN BÊN …",
        examples=[{"honorific": "Ông", "name": "Nguyễn Văn An", "position": "Giám đốc"}],
    )
    address: LineText | None = Field(None, title="Địa chỉ", description="Địa chỉ trụ sở.")
    phone: LineText | None = Field(None, title="Điện thoại", description="Số điện thoại.")
    email: LineText | None = Field(None, title="Thư điện tử", description="Địa chỉ thư điện tử.")
    tax_code: LineText | None = Field(
        None, title="Mã số thuế", description="Mã số thuế của bên (nếu có)."
    )
    account: LineText | None = Field(
        None,
        title="Số tài khoản",
        description="Số tài khoản và nơi mở tài khoản.",
        examples=["3711.2.1234567 tại Kho bạc Nhà nước khu vực XV"],
    )


class Agreement(Document):
    """The body of a two-party text: căn cứ, the opening line, the parties, the agreement line,
    the articles; its signers are the parties' representatives."""

    #: No Nơi nhận (and no warning for a missing "Lưu" line) unless one is given.
    recipients_optional: ClassVar[bool] = True
    skeleton_values: ClassVar[dict[str, Any]] = {
        "parties": [
            {
                "name": "Sở Nội vụ tỉnh Hòa Bình Nam",
                "representative": {
                    "honorific": "Ông",
                    "name": "Nguyễn Văn An",
                    "position": "Giám đốc",
                },
                "address": "Số 8 đường Trần Hưng Đạo, tỉnh Hòa Bình Nam",
            },
            {
                "name": "Trường Đại học Hòa Bình Nam",
                "representative": {
                    "honorific": "Bà",
                    "name": "Lê Thị Hoa",
                    "position": "Hiệu trưởng",
                },
                "address": "Số 25 đường Lê Lợi, tỉnh Hòa Bình Nam",
            },
        ]
    }
    #: Fields printed as written (the parties are laid out line by line).
    _plain: ClassVar[frozenset[str]] = frozenset({"parties"})

    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ",
        description='In nghiêng, mỗi căn cứ một dòng; dấu ";" và dấu "." cuối cùng được thêm '
        "tự động.",
        examples=[["Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015"]],
    )
    venue: LineText | None = Field(
        None,
        title="Nơi ký",
        description='In trong dòng "Hôm nay, ngày … tháng … năm …, tại …, chúng tôi gồm:".',
        examples=["trụ sở Sở Nội vụ tỉnh Hòa Bình Nam"],
    )
    opening: Text | None = Field(
        None,
        title="Dòng mở đầu",
        description='Thay dòng "Hôm nay, ngày …, tại …, chúng tôi gồm:" tự tạo.',
    )
    parties: list[Party] = Field(
        min_length=2,
        max_length=2,
        title="Các bên",
        description="Hai bên, theo thứ tự Bên A, Bên B; người đại diện Bên A ký bên trái, Bên B "
        "bên phải.",
    )
    agreement: Text | None = Field(
        None,
        title="Dòng thỏa thuận",
        description='Thay dòng "Sau khi trao đổi, thống nhất, hai bên cùng ký … với các điều '
        'khoản sau:" tự tạo.',
    )
    articles: list[Article] = Field(
        min_length=1,
        title="Các điều",
        description='"Điều 1.", "Điều 2." … do vanban đánh số; điều có tiêu đề in đậm; khoản, '
        "điểm bên trong là các khối nội dung dùng chung.",
        examples=[[{"title": "Nội dung hợp tác", "content": ["Hai bên phối hợp …"]}]],
    )

    @model_validator(mode="before")
    @classmethod
    def _signer(cls, data: Any) -> Any:
        parties = data.get("parties") if isinstance(data, dict) else None
        first = parties[0] if isinstance(parties, list) and parties else None
        person = first.get("representative") if isinstance(first, dict) else None
        if first is not None and not isinstance(first, dict):
            person = getattr(first, "representative", None)
        title = "ĐẠI DIỆN BÊN A"
        return signer_from(data, person, cls.type_word(), title)

    @classmethod
    def type_word(cls) -> str:
        """The type's name in messages ("hợp đồng")."""
        return str(cls.model_config.get("title", "văn bản")).lower()

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p.split("[")[0] not in self._plain]

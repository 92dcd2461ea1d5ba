"""Văn bản có tên loại (Mẫu 1.4 of Phụ lục III): the shape the seventeen types of that Mẫu share.

Mẫu 1.4 serves chỉ thị, quy chế, quy định, thông cáo, thông báo, hướng dẫn, chương trình, kế
hoạch, phương án, đề án, dự án, báo cáo, tờ trình, giấy ủy quyền, phiếu gửi, phiếu chuyển and
phiếu báo (its footnote; Mẫu 1.4, Phụ lục III). They differ by their tên loại and ký hiệu
(:data:`vanban.nd30.doctypes.DOC_TYPES`), a Kính gửi for a tờ trình and an upward báo cáo
(:class:`AddressedDocument`), and chương/điều for a quy chế or quy định
(:class:`ArticledDocument`); each type is a small module naming itself.
"""

from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.appendix import Appendix, duplicate_id_error
from vanban.models.articles import Article, Chapter, mixed_body_error
from vanban.models.blocks import BodyBlock, FieldName, Section
from vanban.models.common import Addressees, AsAbove, Document, as_above_field
from vanban.models.types import Text

_BODY_NAMES = {
    "sections": "sections (các mục)",
    "content": "content (các khoản)",
    "chapters": "chapters (các chương)",
    "articles": "articles (các điều)",
}


def _body_names(fields: tuple[str, ...]) -> str:
    names = [_BODY_NAMES.get(f, f) for f in fields]
    return ", ".join(names[:-1]) + " hoặc " + names[-1] if len(names) > 1 else names[0]


class TextDocument(Document):
    """Văn bản có tên loại (Mẫu 1.4): trích yếu, căn cứ, mở đầu, the mục (or khoản when it
    has no mục), a closing paragraph, phụ lục, and the shared parts."""

    layout_module: ClassVar[str | None] = "text_document"
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("sections", "content")

    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='In nghiêng, mỗi căn cứ một dòng; dấu ";" và dấu "." cuối cùng được thêm '
        "tự động.",
        examples=[
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                "Căn cứ Quyết định số 1520/QĐ-UBND ngày 15 tháng 12 năm 2024 của Chủ tịch "
                "UBND tỉnh về việc ban hành Chương trình công tác năm 2025",
            ]
        ],
    )
    intro: list[Text] = Field(
        default_factory=list,
        title="Mở đầu",
        description="Các đoạn mở đầu, trước mục I (hoặc khoản 1 khi không chia mục).",
        examples=[
            [
                "Thực hiện Chương trình chuyển đổi số quốc gia, Sở Công Thương ban hành Kế hoạch "
                "thực hiện chuyển đổi số năm 2025."
            ]
        ],
    )
    sections: list[Section] = Field(
        default_factory=list,
        title="Các mục",
        description="Các mục I, II, III…; tiêu đề mục in hoa.",
        examples=[
            [
                {
                    "title": "Mục đích, yêu cầu",
                    "content": [
                        {"text": "Bảo đảm thực hiện đúng, đủ các nhiệm vụ được giao."},
                    ],
                },
                {
                    "title": "Tổ chức thực hiện",
                    "content": ["Các phòng, đơn vị căn cứ nội dung văn bản này tổ chức thực hiện."],
                },
            ]
        ],
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung (không chia mục)",
        description="Với kế hoạch không chia mục: các khoản 1., 2.… ở cấp cao nhất.",
        examples=[
            [
                {"title": "Mục đích, yêu cầu", "text": "Nâng cao văn hóa đọc trong học sinh."},
                {
                    "task": "Tổ chức trưng bày sách tại thư viện.",
                    "leads": "Tổ Văn phòng",
                    "deadline": "2025-04-21",
                },
            ]
        ],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description='Mặc định kết thúc bằng "./.".',
        examples=[
            "Trên đây là Kế hoạch thực hiện chuyển đổi số năm 2025; trong quá trình thực hiện, "
            "nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Công Thương để tổng "
            "hợp, báo cáo UBND tỉnh xem xét, giải quyết"
        ],
    )
    task_style: Literal["inline", "lines"] = Field(
        "inline",
        title="Cách trình bày nhiệm vụ",
        description='"inline": thời hạn in nghiêng trong ngoặc đơn sau nhiệm vụ; '
        '"lines": dòng "- Thời gian thực hiện: …" dưới nhiệm vụ, cùng các vai trò khác.',
    )
    task_labels: dict[FieldName, Text] = Field(
        default_factory=dict,
        title="Nhãn dòng nhiệm vụ",
        description="Nhãn các dòng dưới nhiệm vụ và tên cột bảng nhiệm vụ, theo trường: "
        '{deadline: "Thời gian hoàn thành", leads: "Cơ quan chủ trì"}.',
        examples=[{"deadline": "Thời gian hoàn thành", "leads": "Cơ quan chủ trì"}],
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Sau phần chữ ký, mỗi phụ lục bắt đầu ở trang mới.",
    )

    @model_validator(mode="after")
    def _body(self) -> "TextDocument":
        if not any(getattr(self, name) for name in self.body_fields):
            raise PydanticCustomError(
                "missing_body",
                "{kind} cần {fields}",
                {"kind": self.type_info.name.lower(), "fields": _body_names(self.body_fields)},
            )
        duplicate = duplicate_id_error(list(self.appendices))
        if duplicate:
            raise duplicate
        return self

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)


class AddressedDocument(TextDocument):
    """A Mẫu 1.4 type that may be addressed with Kính gửi (ô 9a): a tờ trình, a báo cáo sent
    to a higher body (Phụ lục I, II.9.b); its Nơi nhận then opens "- Như trên;"."""

    addressees: Addressees = Field(
        default_factory=list,
        title="Kính gửi",
        description="Cơ quan, người nhận văn bản ghi sau “Kính gửi:” (ô 9a): một nơi thì cùng "
        "dòng, nhiều nơi thì mỗi nơi một dòng (một nơi có thể viết thành một đoạn chữ; xuống "
        "dòng trong tên để ngắt dòng ở đó); Nơi nhận khi đó mở đầu bằng “- Như trên;”.",
        examples=[["Ủy ban nhân dân tỉnh Hòa Bình Nam"]],
    )
    as_above: AsAbove = as_above_field()


class ArticledDocument(TextDocument):
    """A Mẫu 1.4 type whose body may be in chương and điều (a quy chế, a quy định: Phụ lục I,
    II.6.c–đ), or in mục and khoản as the others."""

    body_fields: ClassVar[tuple[str, ...]] = ("chapters", "articles", "sections", "content")

    chapters: list[Chapter] = Field(
        default_factory=list,
        title="Các chương",
        description="Chương I, II… với các điều đánh số liên tục qua các chương.",
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description="Điều 1., Điều 2.… khi văn bản không chia chương.",
    )

    @model_validator(mode="after")
    def _one_body(self) -> "ArticledDocument":
        in_sections = bool(self.sections or self.content)
        noun = self.type_info.name.lower()
        error = mixed_body_error(in_sections, self.articles, self.chapters, noun)
        if error:
            raise error
        return self

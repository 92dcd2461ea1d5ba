"""Quyết định (QĐ): an individual decision, laid out after Mẫu 1.2 of Phụ lục III (it
decides in its own articles) or Mẫu 1.3 (it issues or approves another text, attached after
the signature). Mẫu 1.2 and 1.3 of Phụ lục III; Phụ lục I, Mục II, 6.c–đ.
"""

from typing import Any, ClassVar, Literal

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.errors import Problem
from vanban.models import walk
from vanban.models.appendix import Appendix, duplicate_id_error
from vanban.models.articles import (
    Article,
    Chapter,
    ExecutorsArticle,
    ProposalLines,
    article_count,
    body_error,
    executors_error,
    executors_field,
    executors_line,
    mixed_body_error,
)
from vanban.models.blocks import BodyBlock, Section
from vanban.models.common import Document
from vanban.models.types import Model, Text
from vanban.nd30.articles import signer_mismatch
from vanban.nd30.doctypes import DOC_TYPES

#: The types a Quyết định may issue or approve (Mẫu 1.3: "TÊN LOẠI VĂN BẢN"): every type of
#: the decree's table with a tên loại line; which ones offices issue this way is outside the
#: decree (UNCONFIRMED).
ATTACHABLE = tuple(k for k in DOC_TYPES if DOC_TYPES[k].abbreviation)  # not Công văn, Thư công

AttachedType = Literal[ATTACHABLE]  # type: ignore[valid-type]


class Attachment(Model):
    """Văn bản được ban hành, phê duyệt kèm theo Quyết định (Mẫu 1.3): after the signature,
    on a new page, with the issuer's header without Số and date, its tên loại and trích yếu,
    the "(Kèm theo Quyết định số … ngày … của …)" line, its body and "./.", no signature."""

    model_config = ConfigDict(
        title="Văn bản kèm theo",
        json_schema_extra={
            "description": "Văn bản được ban hành, phê duyệt kèm theo quyết định (Mẫu 1.3): in "
            "sau chữ ký, sang trang mới, đánh số trang riêng; tiêu đề cơ quan không có số, ký "
            'hiệu và ngày; tên loại, trích yếu, dòng "(Kèm theo Quyết định số … ngày … của …)", '
            'nội dung và dấu "./."; không có chữ ký, nơi nhận.'
        },
    )

    type: AttachedType = Field(
        title="Loại văn bản kèm theo",
        description="Khóa loại văn bản: ke_hoach, quy_che, quy_dinh, de_an, chuong_trinh, "
        "huong_dan, phuong_an… (mọi loại có tên loại, trừ công văn).",
        examples=["ke_hoach", "quy_che"],
    )
    title: Text = Field(
        title="Trích yếu văn bản kèm theo",
        description="In đậm dưới tên loại của văn bản kèm theo; Điều 1 của quyết định nêu "
        "tên loại và trích yếu này.",
        examples=["Tổ chức Hội khỏe Phù Đổng tỉnh năm 2027", "Làm việc của Sở Tư pháp"],
    )
    action: Literal["ban_hanh", "phe_duyet"] = Field(
        "ban_hanh",
        title="Ban hành hay phê duyệt",
        description='Điều 1 viết "Ban hành kèm theo Quyết định này …" (ban_hanh) hoặc "Phê '
        'duyệt kèm theo Quyết định này …" (phe_duyet).',
    )
    article: Text | None = Field(
        None,
        title="Nội dung Điều 1",
        description='Nội dung Điều 1 (sau "Điều 1.") do người soạn viết, thay cho câu sinh tự '
        'động "Ban hành kèm theo Quyết định này <tên loại> <trích yếu>.".',
    )
    reference: StrictBool | Literal["kem_theo", "ban_hanh_kem_theo"] | Text = Field(
        "kem_theo",
        title="Dòng kèm theo",
        description='kem_theo: "(Kèm theo Quyết định số …)" như mẫu của Nghị định; '
        'ban_hanh_kem_theo: "(Ban hành kèm theo Quyết định số …)" như nhiều cơ quan vẫn viết; '
        "false để không in; hoặc câu chữ của cơ quan in đúng như viết, trong đó {loai}, {so}, "
        "{ky_hieu}, {ngay}, {co_quan} được thay bằng tên loại, số và ký hiệu, ký hiệu, ngày "
        "tháng năm và tên cơ quan ban hành của quyết định (thay chữ đơn thuần, không phải mã "
        "mẫu).",
        examples=["kem_theo", "ban_hanh_kem_theo", "(Ban hành kèm theo {loai} số {so} {ngay})"],
    )
    intro: list[Text] = Field(
        default_factory=list,
        title="Mở đầu",
        description="Các đoạn mở đầu, trước mục I (hoặc khoản 1, hoặc chương I).",
    )
    sections: list[Section] = Field(
        default_factory=list,
        title="Các mục",
        description="Các mục I, II… như kế hoạch; tiêu đề mục in hoa.",
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung (không chia mục)",
        description="Khi không chia mục: các khoản 1., 2.… ở cấp cao nhất.",
    )
    chapters: list[Chapter] = Field(
        default_factory=list,
        title="Các chương",
        description="Quy chế, quy định chia chương: Chương I, II…, số điều liên tục qua các "
        "chương.",
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description="Các điều, khi văn bản không chia chương.",
    )
    closing: Text | None = Field(
        None, title="Đoạn kết", description='Đoạn cuối; kết thúc bằng dấu "./.".'
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục của văn bản kèm theo",
        description='In sau văn bản kèm theo, mỗi phụ lục sang trang mới, với dòng "(Kèm '
        'theo Quyết định số …)".',
    )

    @model_validator(mode="after")
    def _body(self) -> "Attachment":
        if not (self.sections or self.content or self.chapters or self.articles):
            raise PydanticCustomError(
                "missing_body",
                "văn bản kèm theo cần nội dung: sections, content, chapters hoặc articles",
            )
        in_sections = bool(self.sections or self.content)
        error = mixed_body_error(in_sections, self.articles, self.chapters, "văn bản kèm theo")
        if error:
            raise error
        return self


class QuyetDinh(Document):
    """Quyết định (cá biệt): authority line, căn cứ, "Theo đề nghị của …", "QUYẾT ĐỊNH:",
    the articles ("Điều 1." …), Nơi nhận opening "- Như Điều N;"; with an attachment the
    text it issues or approves follows the signature (Mẫu 1.3)."""

    model_config = ConfigDict(
        title="Quyết định",
        json_schema_extra={
            "description": "Quyết định cá biệt (Mẫu 1.2, 1.3 Phụ lục III Nghị định "
            '30/2020/NĐ-CP): dòng thẩm quyền ban hành, căn cứ, "Theo đề nghị của …", '
            '"QUYẾT ĐỊNH:", các điều; nơi nhận mở đầu bằng "- Như Điều N;"; có văn bản kèm '
            "theo thì văn bản đó in sau chữ ký (Mẫu 1.3)."
        },
    )

    doc_type: ClassVar[str] = "quyet_dinh"
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("articles", "chapters", "attachment")

    type: Literal["quyet_dinh"] = Field(
        "quyet_dinh", title="Loại văn bản", description="quyet_dinh: Quyết định (QĐ)."
    )
    title: Text = Field(
        title="Trích yếu nội dung",
        description='Dưới "QUYẾT ĐỊNH": "Về việc …" với quyết định quy định trực tiếp (Mẫu '
        '1.2), "Ban hành (Phê duyệt) <văn bản kèm theo>" với quyết định ban hành văn bản khác '
        "(Mẫu 1.3); in đúng như viết, xuống dòng để ngắt dòng.",
        examples=[
            "Về việc bổ nhiệm công chức lãnh đạo",
            "Ban hành Quy chế làm việc của Sở Tư pháp",
        ],
    )
    authority: Text = Field(
        title="Thẩm quyền ban hành",
        description="Dòng trên các căn cứ, in hoa, đậm (Mẫu 1.2, chú thích 6): chức vụ của "
        'người đứng đầu khi thẩm quyền thuộc người đứng đầu ("GIÁM ĐỐC SỞ TƯ PHÁP", "CHỦ TỊCH '
        'ỦY BAN NHÂN DÂN TỈNH BẮC NINH"; người đứng đầu ký, hoặc KT., Q.); tên tập thể hoặc '
        'cơ quan khi thẩm quyền thuộc tập thể lãnh đạo, cơ quan ("ỦY BAN NHÂN DÂN TỈNH BẮC '
        'NINH"; ký TM.). Xuống dòng để ngắt dòng.',
        examples=["GIÁM ĐỐC SỞ NỘI VỤ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"],
    )
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='In nghiêng, mỗi căn cứ một dòng; dấu ";" cuối mỗi dòng được thêm tự động.',
        examples=[["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"]],
    )
    proposal: ProposalLines = Field(
        default_factory=list,
        title="Theo đề nghị của",
        description='Người, cơ quan đề nghị, dòng cuối của khối căn cứ: "Chánh Văn phòng Sở" in '
        'thành "Theo đề nghị của Chánh Văn phòng Sở."; dòng đã mở đầu bằng "Theo đề nghị" hay '
        '"Xét đề nghị" giữ nguyên. Nhiều dòng (danh sách: "Xét đề nghị của <tổ chức>", rồi '
        '"Theo đề nghị của <cơ quan>") kết thúc bằng ";", dòng cuối bằng ".".',
        examples=["Chánh Văn phòng Sở", "Giám đốc Sở Tài chính"],
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description='Các điều "Điều 1.", "Điều 2."… Có văn bản kèm theo thì Điều 1 (ban hành '
        "kèm theo) được sinh tự động, các điều ghi ở đây là Điều 2 trở đi.",
        examples=[
            [
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "Chánh Văn phòng Sở và các đơn vị liên quan chịu trách nhiệm thi hành Quyết "
                "định này.",
            ]
        ],
    )
    chapters: list[Chapter] = Field(
        default_factory=list,
        title="Các chương",
        description='Các chương "Chương I"…, số điều liên tục qua các chương.',
    )
    attachment: Attachment | None = Field(
        None,
        title="Văn bản kèm theo (Mẫu 1.3)",
        description="Văn bản quyết định này ban hành hoặc phê duyệt, in sau chữ ký.",
    )
    executors_article: ExecutorsArticle = executors_field("quyết định")
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Phụ lục của quyết định, in sau chữ ký (và sau văn bản kèm theo).",
    )

    @field_validator("executors_article")
    @classmethod
    def _executors_exists(cls, value: Any, info: ValidationInfo) -> Any:
        data = info.data
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not {"articles", "chapters", "attachment"} <= data.keys()
        ):
            return value
        total = article_count(data["articles"], data["chapters"]) + bool(data["attachment"])
        error = executors_error(value, total, "quyết định")
        if error:
            raise error
        return value

    @model_validator(mode="after")
    def _body(self) -> "QuyetDinh":
        has_body = bool(self.articles or self.chapters or self.attachment)
        error = body_error(has_body, self.articles, self.chapters, "quyết định")
        if error:
            raise error
        if self.attachment and self.chapters:
            raise PydanticCustomError(
                "mixed_body",
                "quyết định ban hành văn bản kèm theo (Mẫu 1.3) chỉ gồm các điều: dùng articles",
            )
        duplicate = duplicate_id_error(list(self.all_appendices))
        if duplicate:
            raise duplicate
        return self

    @property
    def article_total(self) -> int:
        """How many articles the decision has (Điều 1 of an attachment included)."""
        return article_count(self.articles, self.chapters) + (1 if self.attachment else 0)

    @property
    def executors(self) -> int:
        """The number of the article that names the executors ("Như Điều N"): the one given,
        else the last (also when the line is turned off or written as a text)."""
        given = self.executors_article
        number = given if isinstance(given, int) and not isinstance(given, bool) else None
        return number or self.article_total

    @property
    def executors_line(self) -> str | None:
        """The first Nơi nhận line ("Như Điều N", the office's own text), ``None`` when off."""
        return executors_line(self.executors_article, self.executors)

    @property
    def all_appendices(self) -> list[Appendix]:
        """Every phụ lục in print order: the attached text's, then the decision's own."""
        own = self.attachment.appendices if self.attachment else []
        return [*own, *self.appendices]

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

    def type_warnings(self) -> list[Problem]:
        """``authority_signer``: a signer that does not match the authority line (Mẫu 1.2
        footnote 6; :func:`vanban.nd30.articles.signer_mismatch`)."""
        why = signer_mismatch(self.authority, self.signer.authority.value)
        own = [Problem("signer.authority", "authority_signer", why)] if why else []
        return [*super().type_warnings(), *own]

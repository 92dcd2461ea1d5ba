"""Quyết định (QĐ): an individual decision, laid out after Mẫu 1.2 of Phụ lục III (it
decides in its own articles) or Mẫu 1.3 (it issues or approves another text, attached after
the signature). nd30-types.md §4–§6.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.errors import Problem
from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.articles import Article, Chapter, article_count
from vanban.models.blocks import BodyBlock, Section
from vanban.models.common import Document
from vanban.models.types import Model, Text
from vanban.nd30.articles import signer_mismatch
from vanban.nd30.doctypes import DOC_TYPES

#: The types a Quyết định may issue or approve (Mẫu 1.3: "TÊN LOẠI VĂN BẢN"): every type of
#: the decree's table with a tên loại line; which ones offices issue this way is outside the
#: decree (UNCONFIRMED, nd30-types §1).
ATTACHABLE = tuple(k for k in DOC_TYPES if k != "cong_van")

AttachedType = Literal[ATTACHABLE]  # type: ignore[valid-type]


def _one_or_more(value: Any) -> Any:
    """One text may stand for a list of one."""
    return [value] if isinstance(value, str) else value


class Attachment(Model):
    """Văn bản được ban hành, phê duyệt kèm theo Quyết định (Mẫu 1.3): after the signature,
    on a new page, with the issuer's header without Số and date, its tên loại and trích yếu,
    the "(Kèm theo Quyết định số … ngày … của …)" line, its body and "./.", no signature."""

    model_config = ConfigDict(title="Văn bản kèm theo")

    type: AttachedType = Field(
        title="Loại văn bản kèm theo",
        description="Its type key: ke_hoach, quy_che, quy_dinh, de_an, chuong_trinh, "
        "huong_dan, phuong_an…",
    )
    title: Text = Field(
        title="Trích yếu văn bản kèm theo",
        description="Printed bold under its tên loại; Điều 1 of the Quyết định names it.",
    )
    action: Literal["ban_hanh", "phe_duyet"] = Field(
        "ban_hanh",
        title="Ban hành hay phê duyệt",
        description='Điều 1 reads "Ban hành kèm theo Quyết định này …" or "Phê duyệt kèm theo '
        'Quyết định này …".',
    )
    article: Text | None = Field(
        None,
        title="Nội dung Điều 1",
        description='The text of Điều 1 after its label, when the generated "Ban hành kèm theo '
        'Quyết định này <tên loại> <trích yếu>." is not what the decision says.',
    )
    reference: Literal["kem_theo", "ban_hanh_kem_theo"] = Field(
        "kem_theo",
        title="Dòng kèm theo",
        description='"kem_theo": "(Kèm theo Quyết định số …)" as the decree\'s template; '
        '"ban_hanh_kem_theo": "(Ban hành kèm theo Quyết định số …)" as many offices write.',
    )
    intro: list[Text] = Field(
        default_factory=list, title="Mở đầu", description="Paragraphs before its mục or điều."
    )
    sections: list[Section] = Field(
        default_factory=list, title="Các mục", description='Mục "I. TITLE" as in a Kế hoạch.'
    )
    content: list[BodyBlock] = Field(
        default_factory=list, title="Nội dung (không chia mục)", description="Khoản 1., 2.…"
    )
    chapters: list[Chapter] = Field(
        default_factory=list, title="Các chương", description="A Quy chế, Quy định in chương."
    )
    articles: list[Article] = Field(
        default_factory=list, title="Các điều", description="Its articles, without chương."
    )
    closing: Text | None = Field(None, title="Đoạn kết", description='Ends with "./.".')
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục của văn bản kèm theo",
        description='After it, each on new pages, "(Kèm theo Quyết định số …)".',
    )

    @model_validator(mode="after")
    def _body(self) -> Attachment:
        if not (self.sections or self.content or self.chapters or self.articles):
            raise PydanticCustomError(
                "missing_body",
                "văn bản kèm theo cần nội dung: sections, content, chapters hoặc articles",
            )
        if (self.sections or self.content) and (self.chapters or self.articles):
            raise PydanticCustomError(
                "mixed_body",
                "văn bản kèm theo chia mục/khoản (sections, content) hoặc chia chương/điều "
                "(chapters, articles), không cả hai",
            )
        if self.chapters and self.articles:
            raise PydanticCustomError(
                "mixed_body", "dùng chapters (các chương) hoặc articles (các điều), không cả hai"
            )
        return self


class QuyetDinh(Document):
    """Quyết định (cá biệt): authority line, căn cứ, "Theo đề nghị của …", "QUYẾT ĐỊNH:",
    the articles ("Điều 1." …), Nơi nhận opening "- Như Điều N;"; with an attachment the
    text it issues or approves follows the signature (Mẫu 1.3)."""

    model_config = ConfigDict(title="Quyết định")

    doc_type: ClassVar[str] = "quyet_dinh"
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("articles", "chapters", "attachment")

    type: Literal["quyet_dinh"] = Field("quyet_dinh", title="Loại văn bản")
    title: Text = Field(
        title="Trích yếu nội dung",
        description='Under "QUYẾT ĐỊNH": "Về việc …" for a decision that rules directly (Mẫu '
        '1.2), "Ban hành (Phê duyệt) <the attached text>" for one that issues a text (Mẫu 1.3); '
        "printed as written, a newline breaks the line.",
    )
    authority: Text = Field(
        title="Thẩm quyền ban hành",
        description="The line above the căn cứ, printed UPPERCASE (Mẫu 1.2 footnote 6): the "
        "head's title when the power to decide is the head's (\"GIÁM ĐỐC SỞ TƯ PHÁP\", "
        '"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"), the name of the collective or body when '
        'it is theirs ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", signed TM.). A newline breaks it.',
    )
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='Legal bases, italic, one per line; ";" after each is added.',
    )
    proposal: Annotated[
        list[Text],
        BeforeValidator(_one_or_more),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "description": "one proposal"},
                    {"type": "array", "items": {"type": "string"}, "description": "several"},
                ]
            }
        ),
    ] = Field(
        default_factory=list,
        title="Theo đề nghị của",
        description='Who proposed the decision, closing the căn cứ block: "Chánh Văn phòng Sở" '
        'prints "Theo đề nghị của Chánh Văn phòng Sở."; a line opening "Theo đề nghị" or "Xét '
        'đề nghị" is kept as written. Several (a list: "Xét đề nghị của <applicant>", then '
        '"Theo đề nghị của <agency>") end ";" but the last, which ends ".".',
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description='"Điều 1.", "Điều 2."… With an attachment, Điều 1 (ban hành kèm theo) is '
        "generated and these are Điều 2 onwards.",
    )
    chapters: list[Chapter] = Field(
        default_factory=list,
        title="Các chương",
        description='"Chương I"…, articles numbered continuously through them.',
    )
    attachment: Attachment | None = Field(
        None,
        title="Văn bản kèm theo (Mẫu 1.3)",
        description="The text this decision issues or approves, printed after the signature.",
    )
    executors_article: StrictInt | None = Field(
        None,
        ge=1,
        title="Điều giao thi hành",
        description='The article naming who carries the decision out, for "- Như Điều N;" at '
        "the top of Nơi nhận; by default the last article.",
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="The decision's own phụ lục, after the signature (and the attached text).",
    )

    @field_validator("executors_article")
    @classmethod
    def _executors_exists(cls, value: int | None, info: ValidationInfo) -> int | None:
        data = info.data
        if value is None or not {"articles", "chapters", "attachment"} <= data.keys():
            return value
        total = article_count(data["articles"], data["chapters"]) + bool(data["attachment"])
        if value > total:
            raise PydanticCustomError(
                "bad_executors_article",
                "quyết định chỉ có {total} điều, không có Điều {n}",
                {"total": total, "n": value},
            )
        return value

    @model_validator(mode="after")
    def _body(self) -> QuyetDinh:
        if not (self.articles or self.chapters or self.attachment):
            raise PydanticCustomError(
                "missing_body", "quyết định cần articles (các điều) hoặc chapters (các chương)"
            )
        if self.articles and self.chapters:
            raise PydanticCustomError(
                "mixed_body", "dùng articles (các điều) hoặc chapters (các chương), không cả hai"
            )
        if self.attachment and self.chapters:
            raise PydanticCustomError(
                "mixed_body",
                "quyết định ban hành văn bản kèm theo (Mẫu 1.3) chỉ gồm các điều: dùng articles",
            )
        ids = [a.id for a in self.all_appendices if a.id]
        for name in ids:
            if ids.count(name) > 1:
                raise PydanticCustomError(
                    "duplicate_id", 'hai phụ lục cùng mã "{name}"', {"name": name}
                )
        return self

    @property
    def article_total(self) -> int:
        """How many articles the decision has (Điều 1 of an attachment included)."""
        return article_count(self.articles, self.chapters) + (1 if self.attachment else 0)

    @property
    def executors(self) -> int:
        """The number of the article that names the executors ("Như Điều N")."""
        return self.executors_article or self.article_total

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
        return [Problem("signer.authority", "authority_signer", why)] if why else []

"""Nghị quyết (cá biệt, NQ): the decision of a collective body, laid out after Mẫu 1.1 of
Phụ lục III (Mẫu 1.1, Phụ lục III; Phụ lục I, Mục II, 6.c–đ). Its articles, chương and the "Như Điều N" Nơi nhận are
those of the Quyết định (:mod:`vanban.models.articles`)."""

from typing import Any, ClassVar, Literal

from pydantic import (
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

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
)
from vanban.models.common import Document
from vanban.models.types import Text
from vanban.nd30.articles import resolution_signer_mismatch


class NghiQuyet(Document):
    """Nghị quyết (cá biệt): the authority line naming the collective, căn cứ, "Xét đề nghị
    của …", "QUYẾT NGHỊ:", the articles; Nơi nhận opening "- Như Điều N;"; signed "TM. <tập
    thể>" + chức vụ."""

    model_config = ConfigDict(
        title="Nghị quyết",
        json_schema_extra={
            "description": "Nghị quyết cá biệt (Mẫu 1.1 Phụ lục III Nghị định 30/2020/NĐ-CP) "
            "của một tập thể (hội đồng thành viên, hội đồng quản lý, ban thường vụ…): dòng tên "
            'tập thể ban hành, căn cứ, "Xét đề nghị của …", "QUYẾT NGHỊ:", các điều; nơi nhận '
            'mở đầu bằng "- Như Điều N;"; người ký "TM. <tên tập thể>" và chức vụ. Nghị quyết '
            "của Hội đồng nhân dân là văn bản quy phạm pháp luật, không theo mẫu này."
        },
    )

    doc_type: ClassVar[str] = "nghi_quyet"
    skeleton_values: ClassVar[dict[str, Any]] = {
        "signer": {
            "authority": "TM",
            "collective": "HỘI ĐỒNG THÀNH VIÊN",
            "title": "CHỦ TỊCH",
            "name": "Nguyễn Văn An",
        }
    }
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("articles", "chapters")

    type: Literal["nghi_quyet"] = Field(
        "nghi_quyet", title="Loại văn bản", description="nghi_quyet: Nghị quyết (NQ)."
    )
    title: Text = Field(
        title="Trích yếu nội dung",
        description='Dưới "NGHỊ QUYẾT", in đậm, canh giữa: "Về việc …" hoặc nội dung tập thể '
        "quyết nghị; xuống dòng để ngắt dòng.",
        examples=[
            "Về việc thông qua kế hoạch sản xuất, kinh doanh năm 2027",
            "Phê duyệt quyết toán tài chính năm 2026",
        ],
    )
    authority: Text = Field(
        title="Tập thể ban hành",
        description="Dòng trên các căn cứ, in hoa, đậm, canh giữa (Mẫu 1.1): tên tập thể quyết "
        'nghị, ví dụ "HỘI ĐỒNG THÀNH VIÊN CÔNG TY …", "HỘI ĐỒNG QUẢN LÝ QUỸ …". Xuống dòng để '
        "ngắt dòng.",
        examples=[
            "HỘI ĐỒNG THÀNH VIÊN CÔNG TY TNHH MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT HÒA BÌNH NAM",
            "HỘI ĐỒNG QUẢN LÝ QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH HÒA BÌNH NAM",
        ],
    )
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='In nghiêng, mỗi căn cứ một dòng; dấu ";" cuối mỗi dòng được thêm tự động. '
        "Thường gồm văn bản quy định thẩm quyền của tập thể và biên bản phiên họp.",
        examples=[["Căn cứ Luật Doanh nghiệp ngày 17 tháng 6 năm 2020"]],
    )
    proposal: ProposalLines = Field(
        default_factory=list,
        title="Theo (xét) đề nghị của",
        description='Dòng cuối của khối căn cứ: "Giám đốc Công ty" in thành "Theo đề nghị của '
        'Giám đốc Công ty."; dòng đã mở đầu bằng "Theo đề nghị" hay "Xét đề nghị" giữ nguyên. '
        'Nhiều dòng kết thúc bằng ";", dòng cuối bằng ".".',
        examples=["Xét đề nghị của Giám đốc Công ty tại Tờ trình số 45/TTr-XSKT"],
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description='Các điều "Điều 1.", "Điều 2."… do vanban đánh số; điều cuối thường giao '
        "thi hành nghị quyết.",
        examples=[
            [
                "Nghị quyết này có hiệu lực kể từ ngày ký.",
                "Giám đốc Công ty, Kiểm soát viên và các phòng, đơn vị thuộc Công ty chịu trách "
                "nhiệm thi hành Nghị quyết này.",
            ]
        ],
    )
    chapters: list[Chapter] = Field(
        default_factory=list,
        title="Các chương",
        description='Các chương "Chương I"…, số điều liên tục qua các chương.',
    )
    executors_article: ExecutorsArticle = executors_field("nghị quyết")
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Phụ lục của nghị quyết, in sau chữ ký, mỗi phụ lục sang trang mới.",
    )

    @field_validator("executors_article")
    @classmethod
    def _executors_exists(cls, value: Any, info: ValidationInfo) -> Any:
        data = info.data
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not {"articles", "chapters"} <= data.keys()
        ):
            return value
        error = executors_error(
            value, article_count(data["articles"], data["chapters"]), "nghị quyết"
        )
        if error:
            raise error
        return value

    @model_validator(mode="after")
    def _body(self) -> "NghiQuyet":
        has_body = bool(self.articles or self.chapters)
        error = body_error(has_body, self.articles, self.chapters, "nghị quyết")
        error = error or duplicate_id_error(self.appendices)
        if error:
            raise error
        return self

    @property
    def executors(self) -> int:
        """The number of the article that names the executors ("Như Điều N"): the one given,
        else the last (also when the line is turned off or written as a text)."""
        given = self.executors_article
        number = given if isinstance(given, int) and not isinstance(given, bool) else None
        return number or article_count(self.articles, self.chapters)

    @property
    def executors_line(self) -> str | None:
        """The first Nơi nhận line ("Như Điều N", the office's own text), ``None`` when off."""
        return executors_line(self.executors_article, self.executors)

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

    def type_warnings(self) -> list[Problem]:
        """``resolution_signer``: a signer other than "TM. <tập thể>" (Phụ lục I, II.7.b;
        :func:`vanban.nd30.articles.resolution_signer_mismatch`)."""
        why = resolution_signer_mismatch(self.signer.authority.value)
        own = [Problem("signer.authority", "resolution_signer", why)] if why else []
        return [*super().type_warnings(), *own]

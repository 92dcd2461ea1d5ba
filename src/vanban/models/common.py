"""The parts every administrative document shares: issuer, number, place and date, signer,
recipients, page settings. Each document type adds its own body (:mod:`.ke_hoach`)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, PrivateAttr, StrictInt, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.types import Abbreviation, DocDate, LineText, Model, Text
from vanban.nd30 import doctypes, numbering, page
from vanban.nd30.signer import Authority, signer_problem


class Issuer(Model):
    """Cơ quan, tổ chức ban hành văn bản (ô 2) and its parent body (cơ quan chủ quản)."""

    model_config = ConfigDict(title="Cơ quan ban hành")

    name: Text = Field(
        title="Tên cơ quan, tổ chức ban hành",
        description="Official full name, UPPERCASE in the document; a newline breaks the line "
        '(e.g. "BAN QUẢN LÝ CÁC\\nKHU CÔNG NGHIỆP").',
    )
    abbreviation: Abbreviation | None = Field(
        None,
        title="Chữ viết tắt tên cơ quan",
        description='Abbreviation in the ký hiệu, e.g. "UBND" in "05/KH-UBND".',
    )
    parent: Text | None = Field(
        None,
        title="Tên cơ quan, tổ chức chủ quản trực tiếp",
        description='Parent body, e.g. "UBND TỈNH BẮC GIANG"; a newline breaks the line.',
    )


def _authority(value: Any) -> Any:
    if value is None:
        return Authority.NONE
    if isinstance(value, str):
        key = value.strip().upper().rstrip(".")
        for a in Authority:
            if a.value.rstrip(".") == key:
                return a
        raise PydanticCustomError(
            "bad_authority",
            'quyền hạn ký "{value}" không có trong Nghị định 30; dùng một trong: '
            "TM, KT, Q, TL, TUQ (hoặc bỏ trống khi người đứng đầu ký)",
            {"value": value},
        )
    return value


class Signer(Model):
    """Người ký (ô 7a, 7b): quyền hạn, chức vụ, họ tên."""

    model_config = ConfigDict(title="Người ký")

    authority: Annotated[Authority, BeforeValidator(_authority)] = Field(
        Authority.NONE,
        title="Quyền hạn ký",
        description="TM (thay mặt), KT (ký thay), Q (quyền), TL (thừa lệnh), "
        "TUQ (thừa ủy quyền), or empty when the head signs.",
    )
    collective: Text | None = Field(
        None,
        title="Tập thể / cơ quan (sau TM.)",
        description='For TM.: the collective or body, e.g. "ỦY BAN NHÂN DÂN".',
    )
    head_title: Text | None = Field(
        None,
        title="Chức vụ người đứng đầu",
        description="For KT., Q., TL., TUQ. (and TM. signed by a deputy): the head's title, "
        'e.g. "CHỦ TỊCH".',
    )
    title: Text | None = Field(
        None,
        title="Chức vụ người ký",
        description='The signer\'s own title, e.g. "PHÓ CHỦ TỊCH".',
    )
    name: LineText = Field(title="Họ tên người ký", description="Full name, no academic titles.")

    @model_validator(mode="after")
    def _combination(self) -> Signer:
        problem = signer_problem(
            self.authority, title=self.title, head_title=self.head_title, collective=self.collective
        )
        if problem:
            raise PydanticCustomError("bad_signer", problem)
        return self


class Recipient(Model):
    """Một nơi nhận: tên (or a group of names) and an optional purpose such as "để p/h"."""

    model_config = ConfigDict(title="Nơi nhận")

    name: Text = Field(title="Tên nơi nhận")
    purpose: Text | None = Field(
        None, title="Mục đích", description='e.g. "để p/h", "để t/h", "b/c"; shown in parentheses.'
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_words(self) -> Recipient:
        # "-" or ";" alone would render as an empty line of Nơi nhận.
        if not any(c.isalnum() for c in self.name):
            raise PydanticCustomError(
                "empty_recipient",
                'tên nơi nhận phải có chữ hoặc số, không chỉ "{name}"',
                {"name": self.name},
            )
        return self


class Archive(Model):
    """Dòng "Lưu": the văn thư (VT, always first) and the drafting unit(s), copies kept."""

    model_config = ConfigDict(title="Lưu")

    units: list[Abbreviation] = Field(
        default_factory=list,
        title="Đơn vị lưu",
        description='Drafting unit abbreviations, e.g. ["NC"].',
    )
    copies: StrictInt | None = Field(None, ge=1, title="Số bản lưu")
    drafter: Text | None = Field(
        None,
        title="Ký hiệu người soạn thảo, số bản phát hành (ô 12)",
        description='e.g. "PL.(300)".',
    )

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [u for u in (p.strip() for p in value.replace(";", ",").split(",")) if u]
        if isinstance(value, list):
            return {"units": [u for u in value if not (isinstance(u, str) and u.strip() == "VT")]}
        return value


class Margins(Model):
    """Lề trang (mm), each inside the range of Phụ lục I, I.3."""

    model_config = ConfigDict(title="Lề trang (mm)")

    top: float = Field(page.MARGINS_DEFAULT.top, ge=20, le=25, title="Lề trên")
    bottom: float = Field(page.MARGINS_DEFAULT.bottom, ge=20, le=25, title="Lề dưới")
    left: float = Field(page.MARGINS_DEFAULT.left, ge=30, le=35, title="Lề trái")
    right: float = Field(page.MARGINS_DEFAULT.right, ge=15, le=20, title="Lề phải")

    def rule(self) -> page.Margins:
        return page.Margins(self.top, self.bottom, self.left, self.right)


def _size(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Format(Model):
    """Trình bày: size preset, margins, indent, spacing, end mark."""

    model_config = ConfigDict(title="Trình bày")

    size: Annotated[Literal["14", "13"], BeforeValidator(_size)] = Field(
        "14",
        title="Cỡ chữ",
        description='"14": Quốc hiệu 13, body 14; "13": one step down (Phụ lục I §V note 1).',
    )
    margins: Margins = Field(default_factory=Margins, title="Lề trang")
    first_line_indent: Literal["1cm", "1.27cm"] = Field("1cm", title="Lùi đầu dòng")
    line_spacing: float = Field(1.0, ge=1.0, le=1.5, title="Giãn dòng (dòng đơn đến 1,5 dòng)")
    end_mark: bool = Field(
        True, title='Dấu kết thúc "./."', description="Close the content with ./. (Mẫu 1.4)."
    )


class Document(Model):
    """What every administrative document has: the parts outside its body.

    A document type subclasses this, sets ``doc_type`` and adds its body fields.
    """

    doc_type: ClassVar[str]
    #: Set by :func:`vanban.load` once the semantic checks ran and warned.
    _checked: bool = PrivateAttr(default=False)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if not name.startswith("_"):
            self._checked = False  # a changed document is checked again before rendering

    issuer: Issuer = Field(title="Cơ quan ban hành")
    number: StrictInt | None = Field(
        None,
        ge=1,
        le=999_999,
        title="Số",
        description="Registered after signing by the văn thư; leave empty for a blank.",
    )
    symbol: Text | None = Field(
        None,
        title="Ký hiệu",
        description='Defaults to "<type abbreviation>-<issuer abbreviation>", e.g. "KH-UBND".',
    )
    title: Text = Field(
        title="Trích yếu nội dung",
        description="The subject line under the type name; a newline breaks the line.",
    )
    place: LineText = Field(title="Địa danh", description='e.g. "Bắc Giang", "Hà Nội".')
    date: DocDate | None = Field(
        None,
        title="Thời gian ban hành",
        description="2024-11-15, 2024-11 (day left blank), 2024 (day and month blank) or empty.",
    )
    signer: Signer = Field(title="Người ký")
    recipients: list[Recipient] = Field(default_factory=list, title="Nơi nhận")
    archive: Archive | None = Field(
        None, title="Lưu", description='Drafting units for "Lưu: VT, …"; VT is added.'
    )
    footnotes: dict[str, Text] = Field(
        default_factory=dict,
        title="Chú thích",
        description="Footnote texts by name, referenced in text as [^name].",
    )
    format: Format = Field(default_factory=Format, title="Trình bày")

    @model_validator(mode="after")
    def _symbol_needs_abbreviation(self) -> Document:
        if self.symbol is None and not self.issuer.abbreviation:
            raise PydanticCustomError(
                "missing_abbreviation",
                "cần issuer.abbreviation (chữ viết tắt tên cơ quan) hoặc symbol (ký hiệu)",
            )
        return self

    @property
    def type_info(self) -> doctypes.DocType:
        return doctypes.DOC_TYPES[self.doc_type]

    @property
    def symbol_text(self) -> str:
        """The ký hiệu: the given one, or derived from the type and the issuer (II.3.b)."""
        if self.symbol:
            return self.symbol
        return numbering.symbol(self.type_info.abbreviation, self.issuer.abbreviation or "")

    def texts(self) -> list[tuple[str, str]]:
        """Every markup-bearing text of the document as (field path, text), in document order."""
        return []

"""The parts every administrative document shares: issuer, number, place and date, signer,
recipients, page settings. Each document type adds its own body (:mod:`.ke_hoach`)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictInt,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.models.types import Abbreviation, DocDate, LineText, Model, Text
from vanban.nd30 import doctypes, marks, numbering, page, recipients
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
    in_text: LineText | None = Field(
        None,
        title="Tên cơ quan trong câu văn",
        description='The name as running text writes it, e.g. "Sở Giáo dục và Đào tạo" in a '
        'phụ lục\'s "(Kèm theo … của …)"; by default derived from name.',
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


def _text_lines(value: Any) -> Any:
    """A list of lines may also be written as one text with line breaks."""
    if isinstance(value, str):
        return [line for line in value.split("\n") if line.strip()]
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
    other_titles: Annotated[
        list[Text],
        BeforeValidator(_text_lines),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}},
                    {"type": "string", "description": "the lines, separated by newlines"},
                ]
            }
        ),
    ] = Field(
        default_factory=list,
        title="Chức vụ khác của người ký",
        description="The signer's other titles, one line each, printed UPPERCASE bold, e.g. "
        '["PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG LÀO CAI"] for a team head who is a deputy director.',
    )
    other_titles_position: Literal["above_name", "below_name"] = Field(
        "above_name",
        title="Vị trí chức vụ khác",
        description='"above_name": under the signature, above the name (ô 7b, Phụ lục I II.7.đ); '
        '"below_name": under the name, as many offices print them.',
    )

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


def _archive_unit(value: str) -> str:
    try:
        return recipients.archive_unit(value)
    except ValueError as exc:
        raise PydanticCustomError("bad_archive_unit", str(exc)) from None


#: One unit of the "Lưu" line as offices write it: "NC", "TH (Thắng)", "CN(Linh)", "NC.Châu".
ArchiveUnit = Annotated[Text, AfterValidator(_archive_unit)]


class Archive(Model):
    """Dòng "Lưu": the văn thư (VT, always first), the drafting unit(s), copies kept, and the
    drafter's code with the number of copies issued (ô 12)."""

    model_config = ConfigDict(title="Lưu")

    units: list[ArchiveUnit] = Field(
        default_factory=list,
        title="Đơn vị lưu",
        description='Drafting units as offices write them: "NC", "TH (Thắng)", "CN(Linh)", '
        '"NC.Châu", "HC (2)".',
    )
    copies: StrictInt | None = Field(None, ge=1, title="Số bản lưu")
    drafter: Text | None = Field(
        None,
        title="Ký hiệu người soạn thảo, số bản phát hành (ô 12)",
        description='e.g. "PL.(300)", or "PL" with issued: 300.',
    )
    issued: StrictInt | None = Field(
        None, ge=1, title="Số lượng bản phát hành", description='With drafter "PL": "PL.(300)".'
    )

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            units, drafter = recipients.split_archive(value)
            return {"units": units, **({"drafter": drafter} if drafter else {})}
        if isinstance(value, list):
            return {"units": [u for u in value if not (isinstance(u, str) and u.strip() == "VT")]}
        return value

    @model_validator(mode="after")
    def _drafter(self) -> Archive:
        if self.issued is not None and not self.drafter:
            raise PydanticCustomError(
                "bad_drafter", "số bản phát hành (issued) cần ký hiệu người soạn thảo (drafter)"
            )
        if self.drafter:
            try:
                recipients.drafter_code(self.drafter, self.issued)
            except ValueError as exc:
                raise PydanticCustomError("bad_drafter", str(exc)) from None
        return self

    @property
    def drafter_text(self) -> str | None:
        """Ô 12 as printed, e.g. "PL.(300)"."""
        return recipients.drafter_code(self.drafter, self.issued) if self.drafter else None


def _rule(fn: Any, code: str) -> Any:
    """A validator from an nd30 rule that raises ValueError with a Vietnamese message."""

    def check(value: str) -> str:
        try:
            return fn(value)
        except ValueError as exc:
            raise PydanticCustomError(code, str(exc)) from None

    return AfterValidator(check)


class Contact(Model):
    """Địa chỉ, thư điện tử, trang thông tin điện tử, số điện thoại, số Fax (ô 13), printed at
    the foot of page 1 under a line across the text width (Phụ lục I, III.4)."""

    model_config = ConfigDict(title="Địa chỉ, điện thoại, thư điện tử của cơ quan")

    address: LineText | None = Field(None, title="Địa chỉ")
    email: LineText | None = Field(None, title="Thư điện tử")
    website: LineText | None = Field(None, title="Trang thông tin điện tử")
    phone: LineText | None = Field(None, title="Số điện thoại")
    fax: LineText | None = Field(None, title="Số Fax")

    @model_validator(mode="after")
    def _not_empty(self) -> Contact:
        if not any(getattr(self, k) for k, _ in marks.CONTACT_LABELS):
            raise PydanticCustomError(
                "empty_contact", "cần ít nhất một trong: address, email, website, phone, fax"
            )
        return self

    def lines(self) -> list[str]:
        """The lines as printed (:func:`vanban.nd30.marks.contact_lines`)."""
        return marks.contact_lines({k: getattr(self, k) for k, _ in marks.CONTACT_LABELS})


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
    table_size: int = Field(
        page.TABLE_SIZE,
        ge=page.TABLE_SIZE_RANGE[0],
        le=page.TABLE_SIZE_RANGE[1],
        title="Cỡ chữ trong bảng",
        description="Points; the decree sets none, offices use 12–13.",
    )


class Document(Model):
    """What every administrative document has: the parts outside its body.

    A document type subclasses this, sets ``doc_type`` and adds its body fields.
    """

    doc_type: ClassVar[str]
    #: The trích yếu is the "V/v …" line under the Số (ô 5b, a Công văn), not the heading
    #: under the tên loại (ô 5a): it is measured in the header's left column.
    subject_in_header: ClassVar[bool] = False
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
    urgency: Annotated[LineText, _rule(marks.urgency, "bad_urgency")] | None = Field(
        None,
        title="Mức độ khẩn",
        description="HỎA TỐC, THƯỢNG KHẨN or KHẨN: bold capitals in a box of the decree's size "
        "under the Số line (ô 10b, Phụ lục I III.2.b).",
    )
    secrecy: Annotated[LineText, _rule(marks.secrecy, "bad_secrecy")] | None = Field(
        None,
        title="Độ mật",
        description="MẬT, TỐI MẬT or TUYỆT MẬT: boxed under the Số line, above the urgency "
        "(ô 10a, Phụ lục I III.2.a).",
    )
    circulation: Annotated[LineText, _rule(marks.circulation, "bad_circulation")] | None = Field(
        None,
        title="Phạm vi lưu hành",
        description='e.g. "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI": boxed above the Quốc hiệu '
        "(ô 11, Phụ lục I III.2.c).",
    )
    contact: Contact | None = Field(
        None,
        title="Địa chỉ, điện thoại, thư điện tử của cơ quan",
        description="Printed at the foot of page 1 (ô 13, Phụ lục I III.4).",
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

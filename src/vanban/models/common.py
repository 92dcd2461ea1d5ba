"""The parts every administrative document shares: issuer, number, place and date, signer,
recipients, page settings. Each document type adds its own body (:mod:`.ke_hoach`)."""

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

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

from vanban.errors import Problem
from vanban.models.types import Abbreviation, DocDate, LineText, Model, Text, one_or_list
from vanban.nd30 import doctypes, marks, numbering, page, recipients
from vanban.nd30.signer import Authority, signer_problem
from vanban.nd30.text import END_MARK

if TYPE_CHECKING:
    from vanban.tasks import TaskList


def _off_when_empty(value: Any) -> Any:
    """An empty text turns an automatic text off, as ``false`` does."""
    return False if isinstance(value, str) and not value.strip() else value


class Issuer(Model):
    """Cơ quan, tổ chức ban hành văn bản (ô 2) and its parent body (cơ quan chủ quản)."""

    model_config = ConfigDict(
        title="Cơ quan ban hành",
        json_schema_extra={
            "description": "Tên cơ quan, tổ chức ban hành văn bản (ô 2), cơ quan, tổ chức chủ "
            "quản trực tiếp (nếu có) và chữ viết tắt dùng trong ký hiệu văn bản."
        },
    )

    name: Text = Field(
        title="Tên cơ quan, tổ chức ban hành",
        description="Tên chính thức, đầy đủ; in chữ in hoa trên văn bản. Xuống dòng để ngắt dòng "
        'theo ý muốn (ví dụ "BAN QUẢN LÝ CÁC\\nKHU CÔNG NGHIỆP").',
        examples=["SỞ CÔNG THƯƠNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "PHÒNG NỘI VỤ"],
    )
    abbreviation: Abbreviation | None = Field(
        None,
        title="Chữ viết tắt tên cơ quan",
        description='Chữ viết tắt tên cơ quan, tổ chức trong ký hiệu văn bản, ví dụ "UBND" trong '
        '"05/KH-UBND"; không có khoảng trắng, không có dấu "/".',
        examples=["SCT", "UBND", "KCN"],
    )
    parent: Text | None = Field(
        None,
        title="Tên cơ quan, tổ chức chủ quản trực tiếp",
        description="Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), in phía trên tên cơ quan "
        'ban hành, ví dụ "UBND TỈNH BẮC GIANG"; xuống dòng để ngắt dòng.',
        examples=["UBND TỈNH BẮC GIANG", "UBND TỈNH LÀO CAI", "UBND HUYỆN TÂN YÊN"],
    )
    in_text: LineText | None = Field(
        None,
        title="Tên cơ quan trong câu văn",
        description='Tên cơ quan viết trong câu văn, ví dụ trong dòng "(Kèm theo … của …)" của '
        "phụ lục; mặc định suy ra từ tên cơ quan ban hành.",
        examples=["Sở Giáo dục và Đào tạo", "Ủy ban nhân dân xã Tân An"],
    )


#: The quyền hạn by how it is written without its dot ("KT"), for :func:`_authority`: one
#: lookup, not a loop over the members of the enum (~1 µs of each document).
_AUTHORITIES: dict[str, Authority] = {}


def _authority(value: Any) -> Any:
    if value is None:
        return Authority.NONE
    if isinstance(value, str):
        key = value.strip().upper().rstrip(".")
        if not _AUTHORITIES:  # made on first use: each written form, the first member for it
            for a in Authority:
                _AUTHORITIES.setdefault(a.value.rstrip("."), a)
        found = _AUTHORITIES.get(key)
        if found is not None:
            return found
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

    model_config = ConfigDict(
        title="Người ký",
        json_schema_extra={
            "description": "Quyền hạn, chức vụ và họ tên người ký văn bản (ô 7a, 7b)."
        },
    )

    authority: Annotated[Authority, BeforeValidator(_authority)] = Field(
        Authority.NONE,
        title="Quyền hạn ký",
        description="TM (thay mặt), KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền); "
        "để trống khi người đứng đầu ký.",
        examples=["KT", "TM", "TL"],
    )
    collective: Text | None = Field(
        None,
        title="Tập thể / cơ quan (sau TM.)",
        description='Khi ký TM.: tên tập thể hoặc cơ quan, ví dụ "ỦY BAN NHÂN DÂN".',
        examples=["ỦY BAN NHÂN DÂN", "BAN CHỈ ĐẠO", "ĐOÀN KIỂM TRA"],
    )
    head_title: Text | None = Field(
        None,
        title="Chức vụ người đứng đầu",
        description="Khi ký KT., Q., TL., TUQ. (và TM. do cấp phó ký): chức vụ của người đứng "
        'đầu, ví dụ "CHỦ TỊCH".',
        examples=["CHỦ TỊCH", "GIÁM ĐỐC", "HIỆU TRƯỞNG"],
    )
    title: Text | None = Field(
        None,
        title="Chức vụ người ký",
        description='Chức vụ của chính người ký, ví dụ "PHÓ CHỦ TỊCH".',
        examples=["GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
    )
    name: LineText = Field(
        title="Họ tên người ký",
        description="Họ, tên đệm (nếu có) và tên; không ghi học hàm, học vị, danh hiệu.",
        examples=["Nguyễn Văn An", "Trần Thị Bình"],
    )
    other_titles: Annotated[
        list[Text],
        BeforeValidator(_text_lines),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}},
                    {"type": "string", "description": "các dòng, ngăn cách bằng xuống dòng"},
                ]
            }
        ),
    ] = Field(
        default_factory=list,
        title="Chức vụ khác của người ký",
        description="Các chức vụ khác của người ký, mỗi chức vụ một dòng, in hoa, đậm; ví dụ "
        '["PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG LÀO CAI"] cho trưởng đoàn là phó giám đốc sở.',
        examples=[["PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG LÀO CAI"]],
    )
    other_titles_position: Literal["above_name", "below_name"] = Field(
        "above_name",
        title="Vị trí chức vụ khác",
        description='"above_name": dưới chữ ký, trên họ tên (ô 7b, Phụ lục I II.7.đ); '
        '"below_name": dưới họ tên, như nhiều cơ quan vẫn trình bày.',
    )

    @model_validator(mode="after")
    def _combination(self) -> "Signer":
        problem = signer_problem(
            self.authority, title=self.title, head_title=self.head_title, collective=self.collective
        )
        if problem:
            raise PydanticCustomError("bad_signer", problem)
        return self


class Recipient(Model):
    """Một nơi nhận: tên (or a group of names) and an optional purpose such as "để p/h"."""

    model_config = ConfigDict(
        title="Nơi nhận",
        json_schema_extra={
            "description": "Một nơi nhận: tên cơ quan, tổ chức, cá nhân (hoặc một nhóm) và mục "
            'đích gửi như "để p/h" (nếu có). Viết gọn: chỉ tên nơi nhận.'
        },
    )

    name: Text = Field(
        title="Tên nơi nhận",
        description="Tên cơ quan, tổ chức, đơn vị, cá nhân nhận văn bản, hoặc một nhóm nơi nhận.",
        examples=["Thường trực Tỉnh ủy", "Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"],
    )
    purpose: Text | None = Field(
        None,
        title="Mục đích",
        description='Mục đích gửi, in trong ngoặc đơn, ví dụ "để p/h", "để t/h", "b/c".',
        examples=["để t/h", "để p/h", "b/c"],
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_words(self) -> "Recipient":
        # "-" or ";" alone would render as an empty line of Nơi nhận.
        if not (self.name[:1].isalnum() or any(c.isalnum() for c in self.name)):
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

    model_config = ConfigDict(
        title="Lưu",
        json_schema_extra={
            "description": 'Dòng "Lưu": văn thư (VT, luôn đứng đầu), đơn vị soạn thảo, số bản '
            "lưu, ký hiệu người soạn thảo và số lượng bản phát hành (ô 12)."
        },
    )

    units: list[ArchiveUnit] = Field(
        default_factory=list,
        title="Đơn vị lưu",
        description='Đơn vị soạn thảo, viết như thường dùng: "NC", "TH (Thắng)", "CN(Linh)", '
        '"NC.Châu", "HC (2)", đơn vị có bộ phận "VP(TH)", "CCHC&VTLT". Cách viết khác (ví dụ số '
        'bản "TCCB (5b)") được in như đã viết, kèm cảnh báo.',
        examples=[["NC"], ["TH (Thắng)", "KT (Long)"], ["VP(TH)", "BĐKH"]],
    )
    copies: StrictInt | None = Field(
        None,
        ge=1,
        title="Số bản lưu",
        description='Số bản lưu, in sau đơn vị soạn thảo: "Lưu: VT, HC (2)."',
    )
    drafter: Text | None = Field(
        None,
        title="Ký hiệu người soạn thảo, số bản phát hành (ô 12)",
        description='Ví dụ "PL.(300)", hoặc "PL" kèm issued: 300.',
        examples=["PL.(300)", "PL"],
    )
    issued: StrictInt | None = Field(
        None,
        ge=1,
        title="Số lượng bản phát hành",
        description='In cùng ký hiệu người soạn thảo: drafter "PL", issued 300 → "PL.(300)".',
    )
    records_office: bool = Field(
        True,
        title="Ghi VT (văn thư) đầu dòng Lưu",
        description='Mặc định "Lưu: VT, …" như Nghị định 30 (Phụ lục I, Mục II, 9.d); false: '
        'cơ quan không ghi VT, dòng in "Lưu: <đơn vị>." (có cảnh báo).',
    )
    text: LineText | None = Field(
        None,
        title="Dòng Lưu viết nguyên văn",
        description='Cả dòng Lưu in đúng như viết, ví dụ "Lưu: VT, VP(TH), BĐKH (2b)."; vanban '
        'chỉ thêm "- " ở đầu. Khi dòng khác mẫu "Lưu: VT, …." của Nghị định thì có cảnh báo. '
        "Không dùng cùng units, copies, drafter.",
        examples=["Lưu: VT, VP(TH), BĐKH."],
    )

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            units, drafter = recipients.split_archive(value)
            return {"units": units, **({"drafter": drafter} if drafter else {})}
        if isinstance(value, list):
            first = recipients.ARCHIVE_FIRST  # "VT", which vanban writes itself
            return {"units": [u for u in value if not (isinstance(u, str) and u.strip() == first)]}
        return value

    @model_validator(mode="after")
    def _drafter(self) -> "Archive":
        if self.text is not None:
            given = [k for k in ("units", "copies", "drafter", "issued") if getattr(self, k)]
            if given or not self.records_office:
                both = ", ".join([*given, *([] if self.records_office else ["records_office"])])
                raise PydanticCustomError(
                    "archive_text_and_parts",
                    "dòng Lưu viết nguyên văn (text) không dùng cùng {both}: ghi cả dòng trong "
                    "text, hoặc bỏ text",
                    {"both": both},
                )
            return self
        if not self.records_office and not self.units and not self.drafter:
            raise PydanticCustomError(
                "empty_archive",
                "dòng Lưu không ghi VT (records_office: false) cần ít nhất một đơn vị (units)",
            )
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

    def line(self) -> str:
        """The "Lưu" line as printed, without its dash: the one written in full, or "Lưu: VT,
        <units>[ (copies)][, <ô 12>]." (:func:`vanban.nd30.recipients.archive_line`)."""
        if self.text is not None:
            return recipients.archive_text(self.text)
        return recipients.archive_line(
            self.units, self.copies, self.drafter_text, records_office=self.records_office
        )

    def warnings(self, path: str = "archive") -> list[Problem]:
        """The forms the decree does not write, each with what it writes (II.9.d):
        ``archive_form`` on a unit or the line written in full, ``archive_without_vt``."""
        out = []
        if self.text is not None:
            why = recipients.archive_text_departure(self.text)
            if why:
                out.append(Problem(f"{path}.text", "archive_form", why))
        for i, unit in enumerate(self.units):
            why = recipients.archive_unit_departure(unit)
            if why:
                out.append(Problem(f"{path}.units[{i}]", "archive_form", why))
        if not self.records_office:
            out.append(
                Problem(
                    f"{path}.records_office",
                    "archive_without_vt",
                    f"dòng Lưu in không có VT; Nghị định 30 ghi văn thư trước đơn vị soạn thảo: "
                    f'"{recipients.ARCHIVE_DECREE_FORM}" ({recipients.ARCHIVE_RULE})',
                )
            )
        return out


def _addressees_schema(min_items: int) -> WithJsonSchema:
    array: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    if min_items:
        array["minItems"] = min_items
    one = {"type": "string", "description": "một nơi nhận duy nhất; xuống dòng để ngắt dòng"}
    return WithJsonSchema({"anyOf": [array, one]})


#: Kính gửi (ô 9a): a list of addressees, or one as a text; a line break inside one is kept.
Addressees = Annotated[list[Text], BeforeValidator(one_or_list), _addressees_schema(0)]
#: Kính gửi of a type that must have one (a Công văn, a Tờ trình).
RequiredAddressees = Annotated[list[Text], BeforeValidator(one_or_list), _addressees_schema(1)]

#: "- Như trên;" first in Nơi nhận (Phụ lục I, II.9.b): ``true`` (the decree's line), ``false``
#: (none), or the office's own line.
AsAbove = Annotated[bool | LineText, BeforeValidator(_off_when_empty)]


def as_above_field() -> Any:
    """The ``as_above`` field of the types whose Nơi nhận opens with "- Như trên;"."""
    return Field(
        True,
        title='Dòng "- Như trên;" đầu nơi nhận',
        description='true (mặc định): nơi nhận mở đầu bằng "- Như trên;" (Phụ lục I, Mục II, '
        "9.b), trừ khi mọi nơi Kính gửi đã có trong recipients; false: không in dòng này; một "
        'đoạn chữ, ví dụ "Như trên (để t/h)": in dòng đó thay cho "Như trên".',
        examples=[False, "Như trên (để t/h)"],
    )


class _RuleCheck:
    """The check of an nd30 rule: its ValueError becomes a located error under ``code``.

    An object of a module-level class rather than a closure, so that the models' built
    validators can be pickled (vanban.models._prebuilt)."""

    __slots__ = ("code", "fn")

    def __init__(self, fn: Any, code: str) -> None:
        self.fn = fn
        self.code = code

    def __call__(self, value: str) -> str:
        try:
            return str(self.fn(value))
        except ValueError as exc:
            raise PydanticCustomError(self.code, str(exc)) from None


def _rule(fn: Any, code: str) -> Any:
    """A validator from an nd30 rule that raises ValueError with a Vietnamese message."""
    return AfterValidator(_RuleCheck(fn, code))


class Contact(Model):
    """Địa chỉ, thư điện tử, trang thông tin điện tử, số điện thoại, số Fax (ô 13), printed at
    the foot of page 1 under a line across the text width (Phụ lục I, III.4)."""

    model_config = ConfigDict(
        title="Địa chỉ, điện thoại, thư điện tử của cơ quan",
        json_schema_extra={
            "description": "Địa chỉ, thư điện tử, trang thông tin điện tử, số điện thoại, số Fax "
            "(ô 13), in ở cuối trang đầu, dưới một đường kẻ suốt chiều ngang vùng trình bày (Phụ "
            "lục I, III.4)."
        },
    )

    address: LineText | None = Field(None, title="Địa chỉ")
    email: LineText | None = Field(None, title="Thư điện tử")
    website: LineText | None = Field(None, title="Trang thông tin điện tử")
    phone: LineText | None = Field(None, title="Số điện thoại")
    fax: LineText | None = Field(None, title="Số Fax")

    @model_validator(mode="after")
    def _not_empty(self) -> "Contact":
        if not any(getattr(self, k) for k, _ in marks.CONTACT_LABELS):
            raise PydanticCustomError(
                "empty_contact", "cần ít nhất một trong: address, email, website, phone, fax"
            )
        return self

    def lines(self) -> list[str]:
        """The lines as printed (:func:`vanban.nd30.marks.contact_lines`)."""
        return marks.contact_lines({k: getattr(self, k) for k, _ in marks.CONTACT_LABELS})


#: The margin ranges of Phụ lục I, I.3 (mm), the bounds of the fields below.
_TOP, _BOTTOM, _LEFT, _RIGHT = (
    page.MARGIN_RANGES_MM[k] for k in ("top", "bottom", "left", "right")
)


class Margins(Model):
    """Lề trang (mm), each inside the range of Phụ lục I, I.3."""

    model_config = ConfigDict(
        title="Lề trang (mm)",
        json_schema_extra={"description": "Lề trang tính bằng mm, trong giới hạn Phụ lục I, I.3."},
    )

    top: float = Field(page.MARGINS_DEFAULT.top, ge=_TOP[0], le=_TOP[1], title="Lề trên")
    bottom: float = Field(
        page.MARGINS_DEFAULT.bottom, ge=_BOTTOM[0], le=_BOTTOM[1], title="Lề dưới"
    )
    left: float = Field(page.MARGINS_DEFAULT.left, ge=_LEFT[0], le=_LEFT[1], title="Lề trái")
    right: float = Field(page.MARGINS_DEFAULT.right, ge=_RIGHT[0], le=_RIGHT[1], title="Lề phải")

    def rule(self) -> page.Margins:
        return page.Margins(self.top, self.bottom, self.left, self.right)


def _size(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Format(Model):
    """Trình bày: size preset, margins, indent, spacing, end mark."""

    model_config = ConfigDict(
        title="Trình bày",
        json_schema_extra={
            "description": "Trình bày văn bản: cỡ chữ, lề trang, lùi đầu dòng, giãn dòng, dấu kết "
            'thúc "./.", cỡ chữ trong bảng.'
        },
    )

    size: Annotated[Literal["14", "13"], BeforeValidator(_size)] = Field(
        "14",
        title="Cỡ chữ",
        description='"14": Quốc hiệu cỡ 13, nội dung cỡ 14; "13": giảm một cỡ (Phụ lục I, Mục V, '
        "ghi chú 1).",
    )
    margins: Margins = Field(default_factory=Margins, title="Lề trang")
    first_line_indent: Literal["1cm", "1.27cm"] = Field("1cm", title="Lùi đầu dòng")
    line_spacing: float = Field(
        1.0,
        ge=page.LINE_SPACING_LINES[0],
        le=page.LINE_SPACING_LINES[1],
        title="Giãn dòng (dòng đơn đến 1,5 dòng)",
    )
    end_mark: Annotated[bool | LineText, BeforeValidator(_off_when_empty)] = Field(
        True,
        title='Dấu kết thúc "./."',
        description='true (mặc định): kết thúc nội dung bằng "./." (các mẫu Phụ lục III); false: '
        'không in dấu kết thúc; một đoạn chữ, ví dụ "/.": in dấu đó thay cho "./.".',
        examples=[False, "/."],
    )
    table_size: int = Field(
        page.TABLE_SIZE,
        ge=page.TABLE_SIZE_RANGE[0],
        le=page.TABLE_SIZE_RANGE[1],
        title="Cỡ chữ trong bảng",
        description="Tính bằng point; Nghị định không quy định, các cơ quan thường dùng 12–13.",
    )

    @property
    def end_mark_text(self) -> str | None:
        """The end mark as printed: "./." by default, the office's own, or ``None`` (off)."""
        if self.end_mark is True:
            return END_MARK
        return self.end_mark or None


class Document(Model):
    """What every administrative document has: the parts outside its body.

    A document type subclasses this, sets ``doc_type`` and adds its body fields.
    """

    doc_type: ClassVar[str]
    #: The trích yếu is the "V/v …" line under the Số (ô 5b, a Công văn), not the heading
    #: under the tên loại (ô 5a): it is measured in the header's left column.
    subject_in_header: ClassVar[bool] = False
    #: Types that share a Mẫu share its layout module (``vanban.layout.<name>``); ``None``:
    #: the type's own, named by its key.
    layout_module: ClassVar[str | None] = None
    #: Sample values ``vanban new`` uses where the shared samples would not suit the type
    #: (a nghị quyết is signed TM. its collective).
    skeleton_values: ClassVar[dict[str, Any]] = {}
    #: The template folder (``templates/<name>``); ``None``: the one of the type's form, by
    #: its facts (one signer, signatures side by side, a xác nhận).
    template_folder: ClassVar[str | None] = None
    #: Set by :func:`vanban.load` once the semantic checks ran and warned.
    _checked: bool = PrivateAttr(default=False)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if not name.startswith("_"):
            self._checked = False  # a changed document is checked again before rendering

    issuer: Issuer = Field(
        title="Cơ quan ban hành",
        description="Cơ quan, tổ chức ban hành văn bản (ô 2) và cơ quan chủ quản trực tiếp (nếu "
        "có).",
    )
    number: StrictInt | None = Field(
        None,
        ge=1,
        le=999_999,
        title="Số",
        description="Số văn bản do văn thư đăng ký sau khi ký; bỏ trống thì để chỗ trống cho văn "
        "thư điền.",
        examples=[5, 125],
    )
    symbol: Text | None = Field(
        None,
        title="Ký hiệu",
        description="Mặc định ghép chữ viết tắt tên loại văn bản và chữ viết tắt tên cơ quan ban "
        'hành, ví dụ "KH-UBND".',
        examples=["KH-UBND", "KH-SCT"],
    )
    title: Text = Field(
        title="Trích yếu nội dung",
        description="Trích yếu nội dung văn bản, in dưới tên loại; xuống dòng để ngắt dòng.",
        examples=[
            "Triển khai thực hiện chuyển đổi số năm 2025",
            "Tổ chức Ngày hội đọc sách năm 2025",
        ],
    )
    place: LineText = Field(
        title="Địa danh",
        description="Địa danh nơi cơ quan, tổ chức ban hành văn bản đóng trụ sở.",
        examples=["Bắc Giang", "Hà Nội", "Tân An"],
    )
    date: DocDate | None = Field(
        None,
        title="Thời gian ban hành",
        description="2024-11-15; 2024-11 (để trống ngày); 2024 (để trống ngày và tháng); hoặc bỏ "
        "trống để văn thư điền.",
        examples=["2024-11-15", "2025-03"],
    )
    signer: Signer = Field(
        title="Người ký", description="Quyền hạn, chức vụ và họ tên người ký (ô 7a, 7b)."
    )
    recipients: list[Recipient] = Field(
        default_factory=list,
        title="Nơi nhận",
        description='Mỗi nơi nhận một dòng; "- ", ";" và "." được thêm tự động, dòng "Lưu" lấy từ '
        "archive.",
        examples=[
            [
                "Thường trực Tỉnh ủy",
                {"name": "Các sở, ban, ngành tỉnh", "purpose": "để t/h"},
                "UBND các huyện, thành phố",
            ]
        ],
    )
    archive: Archive | None = Field(
        None,
        title="Lưu",
        description='Đơn vị soạn thảo trên dòng "Lưu: VT, …"; VT (văn thư) được thêm tự động.',
        examples=["NC", "TH, NC", ["TH (Thắng)"]],
    )
    urgency: Annotated[LineText, _rule(marks.urgency, "bad_urgency")] | None = Field(
        None,
        title="Mức độ khẩn",
        description="HỎA TỐC, THƯỢNG KHẨN hoặc KHẨN: chữ in hoa, đậm, trong khung, dưới số và ký "
        "hiệu (ô 10b, Phụ lục I III.2.b).",
        examples=["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"],
    )
    secrecy: Annotated[LineText, _rule(marks.secrecy, "bad_secrecy")] | None = Field(
        None,
        title="Độ mật",
        description="MẬT, TỐI MẬT hoặc TUYỆT MẬT: trong khung, dưới số và ký hiệu, trên mức độ "
        "khẩn (ô 10a, Phụ lục I III.2.a).",
        examples=["MẬT"],
    )
    circulation: Annotated[LineText, _rule(marks.circulation, "bad_circulation")] | None = Field(
        None,
        title="Phạm vi lưu hành",
        description='Ví dụ "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI": trong khung, phía trên Quốc '
        "hiệu (ô 11, Phụ lục I III.2.c).",
        examples=["LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"],
    )
    contact: Contact | None = Field(
        None,
        title="Địa chỉ, điện thoại, thư điện tử của cơ quan",
        description="In ở cuối trang đầu (ô 13, Phụ lục I III.4).",
    )
    footnotes: dict[str, Text] = Field(
        default_factory=dict,
        title="Chú thích",
        description="Nội dung chú thích theo tên: viết [^de-an] trong câu văn, nội dung chú thích "
        "ở đây dưới khóa de-an.",
        examples=[{"de-an": "Dự kiến nội dung Đề án trình UBND tỉnh trong Quý I/2025."}],
    )
    format: Format = Field(
        default_factory=Format,
        title="Trình bày",
        description="Cỡ chữ, lề trang, lùi đầu dòng, giãn dòng, dấu kết thúc; mặc định theo Nghị "
        "định 30.",
    )

    @model_validator(mode="after")
    def _symbol_needs_abbreviation(self) -> "Document":
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

    def type_warnings(self) -> list[Problem]:
        """Warnings of the parts vanban writes by itself in Nơi nhận, where the office asked
        for a form the decree does not write: ``archive_form``, ``archive_without_vt``
        (:meth:`Archive.warnings`), ``end_mark_own`` (the .docx checker reports it too). A line
        the office turns off by name (``as_above: false``, ``executors_article: false``) is its
        choice, documented beside the default: no warning. A type adds its own after these."""
        out = self.archive.warnings() if self.archive else []
        mark = self.format.end_mark_text
        if mark is not None and mark != END_MARK:
            out.append(
                Problem(
                    "format.end_mark",
                    "end_mark_own",
                    f'nội dung kết thúc bằng "{mark}"; các mẫu của Phụ lục III Nghị định 30 kết '
                    f'thúc nội dung bằng "{END_MARK}"',
                )
            )
        return out

    def _repr_html_(self) -> str:
        """The HTML preview Jupyter shows (:func:`vanban.preview.to_html`)."""
        from vanban.preview import to_html

        return to_html(self)

    def tasks(self) -> "TaskList":
        """Các nhiệm vụ, numbered as printed: a table in Jupyter, CSV, pandas (:mod:`vanban.tasks`)."""
        from vanban.tasks import tasks

        return tasks(self)

    def deadlines_ics(self) -> str:
        """Thời hạn of the tasks as an iCalendar file (:meth:`vanban.tasks.TaskList.deadlines_ics`)."""
        return self.tasks().deadlines_ics()

"""Biên bản (BB): the record of a meeting, laid out after Mẫu 1.9 of Phụ lục III; and the
records of an inspection, an appraisal or a hand-over written after it (biên bản kiểm tra,
thẩm định, bàn giao), with the office's own tên loại, căn cứ, opening and closing lines,
numbered parts and signature labels."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.errors import Problem
from vanban.models import walk
from vanban.models.blocks import BodyBlock, Section
from vanban.models.common import Document
from vanban.models.signatories import Person, signer_from, without_signer
from vanban.models.types import YEARS, LineText, Model, Text, one_or_list
from vanban.nd30 import minutes

#: "2026-11-20 08:00", "2026-11-20T08:00:00+07:00", "2026-11-20", "8:00" (whole match).
_WHEN = re.compile(
    r"(?:(\d{4})-(\d{1,2})-(\d{1,2}))?"
    r"(?:(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
#: What a time may be, said first as the field expects it (a start has a date, an end a time).
_START_FORMS = "ngày và giờ dạng 2026-11-20 08:00, chỉ ngày 2026-11-20 hoặc chỉ giờ 08:00"
_END_FORMS = "giờ dạng 08:00, ngày và giờ 2026-11-21 09:00 hoặc chỉ ngày 2026-11-21"


def _bad_when(value: Any, forms: str) -> PydanticCustomError:
    if isinstance(value, bool):
        shown = "true" if value else "false"
    else:
        shown = str(value) if isinstance(value, (int, float)) else f'"{str(value)[:40]}"'
    return PydanticCustomError(
        "bad_moment", "cần {forms}, không phải {value}", {"forms": forms, "value": shown}
    )


def _parse_when(value: Any, forms: str) -> Any:
    """A time in a Biên bản as written: a date and time, a date alone or a time alone. A
    time written with its offset ("+07:00") is the clock time as written: the record prints
    the wall clock of the place, never a time converted to another zone. A number is refused
    (it would be read as seconds since 1970)."""
    if isinstance(value, (bool, int, float)):
        raise _bad_when(value, forms)
    if isinstance(value, dt.date) and not YEARS[0] <= value.year <= YEARS[1]:
        raise PydanticCustomError(
            "bad_year",
            "năm {year} không hợp lệ (cần từ {low} đến {high})",
            {"year": value.year, "low": YEARS[0], "high": YEARS[1]},
        )
    if isinstance(value, (dt.datetime, dt.time)):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return value  # refused by the field's own type, with its message
    m = _WHEN.fullmatch(value.strip())
    if not value.strip() or m is None or (m[1] is None and m[4] is None):
        raise _bad_when(value, forms)
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3])) if m[1] else None
        clock = dt.time(int(m[4]), int(m[5]), int(m[6] or 0)) if m[4] else None
    except ValueError:
        raise _bad_when(value, forms) from None
    if day and clock:
        return _parse_when(dt.datetime.combine(day, clock), forms)
    return _parse_when(day, forms) if day else clock


_WHEN_SCHEMA = WithJsonSchema(
    {
        "type": "string",
        "description": "ngày và giờ (2026-11-20 08:00), chỉ ngày (2026-11-20) hoặc chỉ giờ (08:00)",
    }
)


def _parse_start(v: Any) -> Any:
    return _parse_when(v, _START_FORMS)


def _parse_end(v: Any) -> Any:
    return _parse_when(v, _END_FORMS)


# Named functions, not lambdas: the models' built validators are pickled between processes
# (vanban.models._prebuilt), and pickle finds a function by its name.
#: A start in a Biên bản's fields: date and time, a date alone or a time of day alone.
StartWhen = Annotated[
    dt.datetime | dt.date | dt.time,
    BeforeValidator(_parse_start),
    _WHEN_SCHEMA,
]
#: An end: a time of day ("11:30", "8:00"), or a date and time, or a date alone.
EndWhen = Annotated[
    dt.datetime | dt.date | dt.time,
    BeforeValidator(_parse_end),
    _WHEN_SCHEMA,
]

#: The lines of Mẫu 1.9 whose label an office may write its own way.
LabelKey = Literal["start", "venue", "participants", "chair", "secretary", "content"]


class Signature(Model):
    """One signature of a record: its label lines (UPPERCASE, bold) and the signer's name."""

    model_config = ConfigDict(
        title="Chữ ký",
        json_schema_extra={
            "description": 'Một chữ ký trong biên bản: chữ trên chữ ký ("TRƯỞNG ĐOÀN", "ĐẠI '
            'DIỆN BÊN GIAO"; xuống dòng để thêm dòng như chức vụ) và họ tên người ký.'
        },
    )

    title: Text = Field(
        title="Chữ trên chữ ký",
        description="In hoa, đậm; mỗi dòng một dòng (xuống dòng để thêm chức vụ).",
        examples=["TRƯỞNG ĐOÀN", "ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN CHI NHÁNH"],
    )
    name: LineText = Field(
        title="Họ tên",
        description="Họ tên người ký, in đậm dưới chỗ ký.",
        examples=["Trần Trọng Trang"],
    )

    @property
    def lines(self) -> list[str]:
        """The label's lines as written (the layout prints them UPPERCASE)."""
        return [line.strip() for line in self.title.split("\n") if line.strip()]


def _with_rules(description: str) -> Callable[[dict[str, Any]], None]:
    """The schema's description, no ``signer``, and what the fields need of each other: a
    place with ``header_date: true``, THƯ KÝ and CHỦ TỌA or ``signers``, a body."""
    edit = without_signer(description)

    def rules(schema: dict[str, Any]) -> None:
        edit(schema)
        schema["allOf"] = [
            {
                "if": {"properties": {"header_date": {"const": True}}, "required": ["header_date"]},
                "then": {"required": ["place"]},
            },
            {"anyOf": [{"required": ["signers"]}, {"required": ["chair", "secretary"]}]},
            {"anyOf": [{"required": ["content"]}, {"required": ["sections"]}]},
        ]

    return rules


#: Stands for a chair or secretary not written in a record without ``signers``.
_REQUIRED = object()


def _before(finish: minutes.Moment, start: minutes.Moment) -> bool:
    """Whether an end is before a start, when the two can be compared."""
    if isinstance(finish, dt.datetime) and isinstance(start, dt.datetime):
        return finish < start
    if isinstance(finish, dt.datetime) and isinstance(start, dt.date):
        return finish.date() < start
    if isinstance(finish, dt.date) and isinstance(start, dt.date):
        a = finish if not isinstance(finish, dt.datetime) else finish.date()
        b = start if not isinstance(start, dt.datetime) else start.date()
        return a < b
    if isinstance(finish, dt.time) and isinstance(start, dt.time):
        return finish < start
    return False


class BienBan(Document):
    """Biên bản: tên loại and the meeting's name, the fields of Mẫu 1.9 (time, place,
    participants, chair, secretary, content, end), the THƯ KÝ and CHỦ TỌA signatures side by
    side and the Nơi nhận under them; no địa danh, ngày in the header unless asked.

    Every line of the form is printed only when its field is given, so a record of an
    inspection, appraisal or hand-over writes its own: ``heading`` ("BIÊN BẢN THẨM ĐỊNH"),
    ``bases``, ``opening``, ``labels``, ``sections`` and ``content``, ``closing``, ``signers``
    with their own labels, and ``show_recipients``."""

    model_config = ConfigDict(
        title="Biên bản",
        json_schema_extra=_with_rules(
            "Biên bản (Mẫu 1.9, Phụ lục III Nghị định 30/2020/NĐ-CP): tên loại và tên cuộc họp; "
            "thời gian bắt đầu, địa điểm, thành phần tham dự, chủ tọa, thư ký, nội dung, thời gian "
            "kết thúc; chữ ký THƯ KÝ và CHỦ TỌA ngang nhau, nơi nhận dưới chữ ký; không có địa "
            "danh, ngày ở đầu văn bản (trừ khi header_date: true). Biên bản kiểm tra, thẩm "
            "định, bàn giao: tên loại, căn cứ, dòng mở đầu, các mục, dòng kết thúc và chữ ký "
            "(signers) theo cách cơ quan viết; mỗi dòng của mẫu chỉ in khi có trường của nó."
        ),
    )
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("content", "sections")
    #: ``vanban new bien_ban`` writes a meeting's record, the form of Mẫu 1.9: these optional
    #: fields are filled in the skeleton.
    skeleton_filled: ClassVar[tuple[str, ...]] = (
        "start",
        "venue",
        "participants",
        "chair",
        "secretary",
        "end",
    )

    doc_type: ClassVar[str] = "bien_ban"
    #: Fields printed as written or not text (kinds, times, people).
    _plain: ClassVar[frozenset[str]] = frozenset(
        {
            "kind",
            "chair_word",
            "start",
            "end",
            "end_date",
            "header_date",
            "chair",
            "secretary",
            "heading",
            "labels",
            "signers",
            "show_recipients",
        }
    )

    type: Literal["bien_ban"] = Field(
        "bien_ban", title="Loại văn bản", description="bien_ban: Biên bản (BB)."
    )
    title: Text = Field(
        title="Tên cuộc họp, hội nghị, hội thảo (trích yếu)",
        description="In đậm dưới chữ BIÊN BẢN (ô 5a); xuống dòng để ngắt dòng.",
        examples=[
            "Họp Hội đồng xét tuyển viên chức năm 2026",
            "Hội nghị tổng kết công tác năm 2026",
        ],
    )
    place: LineText = Field(
        "",
        title="Địa danh",
        description="Chỉ dùng khi in địa danh, ngày ở đầu văn bản (header_date: true).",
        examples=["Hòa Bình Nam"],
    )
    header_date: bool = Field(
        False,
        title="In địa danh, ngày ở đầu văn bản",
        description="Mẫu 1.9 không có địa danh, ngày (ô 4): thời gian ghi trong nội dung. Đặt true "
        "để in dòng địa danh, ngày như các văn bản khác (Điều 8 Nghị định 30).",
    )
    heading: LineText | None = Field(
        None,
        title="Tên loại",
        description='Mặc định "BIÊN BẢN"; ví dụ "BIÊN BẢN THẨM ĐỊNH", "BIÊN BẢN KIỂM TRA" như cơ '
        "quan viết (in hoa, đậm). Không bắt đầu bằng BIÊN BẢN thì vẫn in, kèm cảnh báo.",
        examples=["BIÊN BẢN THẨM ĐỊNH", "BIÊN BẢN KIỂM TRA", "BIÊN BẢN BÀN GIAO"],
    )
    kind: LineText = Field(
        "cuộc họp",
        title="Loại cuộc họp",
        description='Chủ ngữ của dòng "Cuộc họp (hội nghị, hội thảo) kết thúc vào …": "cuộc '
        'họp" (mặc định), "hội nghị", "hội thảo" như Mẫu 1.9; chữ khác ("buổi kiểm tra") vẫn '
        "in, kèm cảnh báo.",
        examples=["cuộc họp", "hội nghị"],
    )
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ",
        description='Các dòng căn cứ (in nghiêng), trước dòng mở đầu; dấu ";" và dấu "." cuối '
        "cùng được thêm tự động.",
        examples=[["Căn cứ Nghị định số 161/2024/NĐ-CP ngày 18 tháng 12 năm 2024 của Chính phủ"]],
    )
    opening: Text | None = Field(
        None,
        title="Dòng mở đầu",
        description='Các đoạn mở đầu, sau căn cứ, trước các dòng của mẫu (ví dụ "Hôm nay, vào '
        'hồi 8 giờ 30 phút, ngày …, tại …, chúng tôi gồm:"); dòng trống để tách đoạn.',
        examples=[
            "Hôm nay, ngày 24 tháng 7 năm 2026, tại trụ sở Sở Công Thương, Đoàn thẩm định "
            "tiến hành thẩm định hồ sơ."
        ],
    )
    labels: dict[LabelKey, LineText | Literal[False]] = Field(
        default_factory=dict,
        title="Nhãn các dòng của mẫu",
        description='Thay nhãn: {start: "Thời gian", venue: "Tại", participants: "Thành phần '
        'Đoàn kiểm tra", chair: "Chủ trì", secretary: "Người ghi biên bản", content: "Nội dung '
        'kiểm tra"}; content: false bỏ dòng "Nội dung:".',
        examples=[{"start": "Thời gian", "content": False}],
    )
    start: StartWhen | None = Field(
        None,
        title="Thời gian bắt đầu",
        description='"2026-11-20 08:00" in "Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 '
        'năm 2026."; chỉ ngày (2026-11-20) hoặc chỉ giờ (08:00) cũng được; bỏ trống thì không '
        "in dòng này.",
        examples=["2026-11-20 08:00", "2026-11-20"],
    )
    venue: Text | None = Field(
        None,
        title="Địa điểm",
        description='Nơi họp: "Địa điểm: …."; bỏ trống thì không in dòng này.',
        examples=["Phòng họp số 2, trụ sở Sở Nội vụ tỉnh Hòa Bình Nam"],
    )
    participants: Annotated[
        list[Text],
        BeforeValidator(one_or_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    {"type": "string", "description": "một thành phần, in cùng dòng"},
                ]
            }
        ),
    ] = Field(
        default_factory=list,
        min_length=1,  # when written; absent: no line
        title="Thành phần tham dự",
        description='Một thành phần: in cùng dòng "Thành phần tham dự: …". Nhiều thành phần: mỗi '
        'thành phần một dòng "- …;", dòng cuối kết thúc bằng "."; các dấu được thêm tự động. '
        "Bỏ trống thì không in.",
        examples=[["Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ", "Đại diện các phòng chuyên môn"]],
    )
    chair: Person | None = Field(
        None,
        title="Chủ tọa (chủ trì)",
        description="Người chủ tọa cuộc họp; ký bên phải, dưới chữ CHỦ TỌA. Bắt buộc khi không "
        "có signers.",
        examples=[{"honorific": "Ông", "name": "Nguyễn Văn An", "position": "Phó Giám đốc Sở"}],
    )
    chair_word: Literal["chủ tọa", "chủ trì"] = Field(
        "chủ tọa",
        title="Chủ tọa hay chủ trì",
        description='Mẫu 1.9 ghi "Chủ trì (chủ tọa)": chọn một từ cho dòng trong nội dung và chức '
        "danh trên chữ ký.",
    )
    chair_position_signed: bool = Field(
        False,
        title="Ghi chức vụ dưới chữ CHỦ TỌA",
        description="Ghi chức vụ chính quyền của chủ tọa dưới chữ CHỦ TỌA (Mẫu 1.9, ghi chú 5: "
        "nếu cần).",
    )
    secretary: Person | None = Field(
        None,
        title="Thư ký (người ghi biên bản)",
        description="Ký bên trái, dưới chữ THƯ KÝ. Bắt buộc khi không có signers.",
        examples=[{"honorific": "Bà", "name": "Lê Thị Hoa", "position": "Chuyên viên"}],
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung",
        description="Diễn biến cuộc họp: các đoạn văn, khoản 1., 2.…, điểm a), b)…, gạch đầu "
        'dòng, bảng; in sau dòng "Nội dung:".',
        examples=[["Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp."]],
    )
    sections: list[Section] = Field(
        default_factory=list,
        title="Các mục",
        description="Các mục I, II, III… (tiêu đề in hoa), sau content, như các văn bản khác: "
        '"I. THÀNH PHẦN", "II. NỘI DUNG THẨM ĐỊNH".',
        examples=[[{"title": "Thành phần", "content": ["Ông Trần Trọng Trang, Trưởng đoàn."]}]],
    )
    end: EndWhen | None = Field(
        None,
        title="Giờ kết thúc",
        description='Dạng "11:30"; in "… kết thúc vào 11 giờ 30 phút cùng ngày"; có thể ghi cả '
        "ngày (2026-11-21 09:00). Bỏ trống thì không in dòng kết thúc.",
        examples=["11:30"],
    )
    end_date: dt.date | None = Field(
        None,
        title="Ngày kết thúc",
        description="Chỉ ghi khi kết thúc vào ngày khác ngày bắt đầu.",
        examples=["2026-11-21"],
    )
    end_note: Text | None = Field(
        None,
        title="Ghi chú cuối biên bản",
        description='Nối sau dòng kết thúc, sau dấu phẩy, ví dụ "biên bản đã được đọc lại cho '
        'các thành viên dự họp cùng nghe và nhất trí thông qua".',
        examples=["biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thông qua"],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description="Các đoạn cuối, sau dòng kết thúc (hoặc thay nó khi không có end), kết thúc "
        'bằng "./.", ví dụ "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản."',
        examples=["Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản."],
    )
    signers: list[Signature] = Field(
        default_factory=list,
        title="Các chữ ký",
        description="Thay THƯ KÝ và CHỦ TỌA: các chữ ký từ trái sang phải, hai chữ ký một hàng "
        '(chữ ký thứ ba dưới chữ ký thứ nhất, thứ tư dưới thứ hai…), ví dụ "ĐẠI DIỆN BÊN '
        'GIAO", "ĐẠI DIỆN BÊN NHẬN".',
        examples=[
            [
                {"title": "ĐẠI DIỆN CHI NHÁNH", "name": "Nguyễn Văn Hưng"},
                {"title": "TRƯỞNG ĐOÀN", "name": "Trần Trọng Trang"},
            ]
        ],
    )
    show_recipients: bool | None = Field(
        None,
        title="In Nơi nhận",
        description="Mặc định: biên bản cuộc họp (THƯ KÝ, CHỦ TỌA ký) luôn in Nơi nhận như Mẫu "
        "1.9; biên bản có signers chỉ in khi có recipients hoặc archive. true/false để chọn.",
    )

    @model_validator(mode="before")
    @classmethod
    def _signer(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        signers = data.get("signers")
        if signers and isinstance(signers, list):
            # The signer on the right of the first row stands for the record (unused in the
            # layout); the first when there is one.
            last = signers[min(1, len(signers) - 1)]
            title = last.get("title") if isinstance(last, dict) else getattr(last, "title", None)
            title = title.split("\n")[0] if isinstance(title, str) else "CHỦ TỌA"
            return signer_from(data, last, "biên bản", title)
        data = {**data}
        for key in ("chair", "secretary"):  # they sign: required without signers
            if data.get(key) is None:
                data[key] = _REQUIRED
        chair = data["chair"]
        # A missing chair is said once, at chair (the shared signer is then a stand-in).
        person = {"name": "-"} if chair is _REQUIRED else chair
        return signer_from(data, person, "biên bản", "CHỦ TỌA")

    @field_validator("chair", "secretary", mode="before")
    @classmethod
    def _required(cls, value: Any) -> Any:
        if value is _REQUIRED:
            raise PydanticCustomError(
                "missing_signatory", "thiếu trường bắt buộc (người ký), hoặc ghi signers"
            )
        return value

    @model_validator(mode="after")
    def _times(self) -> "BienBan":
        if self.header_date and not self.place:
            raise PydanticCustomError("missing_place", "header_date: true cần place (địa danh)")
        if not (self.content or self.sections):
            raise PydanticCustomError("missing_body", "biên bản cần content hoặc sections")
        start, finish = self.start, self.finish
        if start is not None and finish is not None and _before(finish, start):
            raise PydanticCustomError(
                "end_before_start", "thời gian kết thúc (end, end_date) trước thời gian bắt đầu"
            )
        return self

    @property
    def finish(self) -> minutes.Moment | None:
        """When the record's work ended as far as it is known: ``end`` on ``end_date``, or on
        the day it began, or the time alone."""
        end = self.end
        if end is None or isinstance(end, dt.date):  # a datetime, or a date alone
            return end
        start = self.start
        day = self.end_date or (start.date() if isinstance(start, dt.datetime) else None)
        if day is None and isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            day = start
        return dt.datetime.combine(day, end) if day else end

    @property
    def recipients_shown(self) -> bool:
        """Whether the Nơi nhận is printed: as ``show_recipients`` says; else always when
        THƯ KÝ and CHỦ TỌA sign (Mẫu 1.9 has one), and for a record with its own signers
        only when recipients or an archive line are given (the two-party biên bản of Phụ
        lục V has none)."""
        if self.show_recipients is not None:
            return self.show_recipients
        return not self.signers or bool(self.recipients) or self.archive is not None

    @property
    def recipients_optional(self) -> bool:
        """No warning for a missing "Lưu" line when no Nơi nhận is printed."""
        return not self.recipients_shown

    def type_warnings(self) -> list[Problem]:
        """Forms the office writes that depart from Mẫu 1.9: a tên loại not starting with
        BIÊN BẢN; in a meeting's record, a subject of the end line other than cuộc họp, hội
        nghị, hội thảo."""
        out = []
        why = minutes.heading_problem(self.heading) if self.heading else None
        if why:
            out.append(Problem("heading", "heading_form", why))
        # A meeting (THƯ KÝ and CHỦ TỌA sign) is a cuộc họp, hội nghị or hội thảo; a record with
        # its own signers (an inspection, a hand-over) names its work as it is.
        meeting = not self.signers and self.end is not None
        why = minutes.kind_problem(self.kind) if meeting else None
        if why:
            out.append(Problem("kind", "kind_form", why))
        return out

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p.split(".")[0] not in self._plain]

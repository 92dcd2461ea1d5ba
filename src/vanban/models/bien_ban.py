"""Biên bản (BB): the record of a meeting, laid out after Mẫu 1.9 of Phụ lục III."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.blocks import BodyBlock
from vanban.models.common import Document
from vanban.models.signatories import Person, signer_from, without_signer
from vanban.models.types import LineText, Text


def _one_or_list(value: Any) -> Any:
    """One participant may be written as a text rather than a list of one."""
    return [value] if isinstance(value, str) else value


def _clock(value: Any) -> Any:
    """A time may be written with a one-digit hour ("8:00")."""
    if isinstance(value, str) and re.fullmatch(r"\d:\d\d", value.strip()):
        return "0" + value.strip()
    return value


#: A time of day as "08:00" or "8:00".
Clock = Annotated[dt.time, BeforeValidator(_clock)]


class BienBan(Document):
    """Biên bản: tên loại and the meeting's name, the fields of Mẫu 1.9 (time, place,
    participants, chair, secretary, content, end), the THƯ KÝ and CHỦ TỌA signatures side by
    side and the Nơi nhận under them; no địa danh, ngày in the header unless asked."""

    model_config = ConfigDict(
        title="Biên bản",
        json_schema_extra=without_signer(
            "Biên bản (Mẫu 1.9, Phụ lục III Nghị định 30/2020/NĐ-CP): tên loại và tên cuộc họp; "
            "thời gian bắt đầu, địa điểm, thành phần tham dự, chủ tọa, thư ký, nội dung, thời gian "
            "kết thúc; chữ ký THƯ KÝ và CHỦ TỌA ngang nhau, nơi nhận dưới chữ ký; không có địa "
            "danh, ngày ở đầu văn bản (trừ khi header_date: true)."
        ),
    )

    doc_type: ClassVar[str] = "bien_ban"
    #: Fields printed as written or not text (kinds, times, people).
    _plain: ClassVar[frozenset[str]] = frozenset(
        {"kind", "chair_word", "start", "end", "end_date", "header_date", "chair", "secretary"}
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
    kind: Literal["cuộc họp", "hội nghị", "hội thảo"] = Field(
        "cuộc họp",
        title="Loại cuộc họp",
        description='Dùng trong dòng cuối "Cuộc họp (hội nghị, hội thảo) kết thúc vào …".',
        examples=["cuộc họp", "hội nghị"],
    )
    start: dt.datetime = Field(
        title="Thời gian bắt đầu",
        description='Ngày và giờ bắt đầu, dạng "2026-11-20 08:00"; in "8 giờ 00 phút, ngày 20 '
        'tháng 11 năm 2026".',
        examples=["2026-11-20 08:00"],
    )
    venue: Text = Field(
        title="Địa điểm",
        description="Nơi họp.",
        examples=["Phòng họp số 2, trụ sở Sở Nội vụ tỉnh Hòa Bình Nam"],
    )
    participants: Annotated[
        list[Text],
        BeforeValidator(_one_or_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    {"type": "string", "description": "một thành phần, in cùng dòng"},
                ]
            }
        ),
    ] = Field(
        min_length=1,
        title="Thành phần tham dự",
        description='Một thành phần: in cùng dòng "Thành phần tham dự: …". Nhiều thành phần: mỗi '
        'thành phần một dòng "- …;", dòng cuối kết thúc bằng "."; các dấu được thêm tự động.',
        examples=[["Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ", "Đại diện các phòng chuyên môn"]],
    )
    chair: Person = Field(
        title="Chủ tọa (chủ trì)",
        description="Người chủ tọa cuộc họp; ký bên phải, dưới chữ CHỦ TỌA.",
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
    secretary: Person = Field(
        title="Thư ký (người ghi biên bản)",
        description="Ký bên trái, dưới chữ THƯ KÝ.",
        examples=[{"honorific": "Bà", "name": "Lê Thị Hoa", "position": "Chuyên viên"}],
    )
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung",
        description="Diễn biến cuộc họp: các đoạn văn, khoản 1., 2.…, điểm a), b)…, gạch đầu "
        "dòng, bảng.",
        examples=[["Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp."]],
    )
    end: Clock = Field(
        title="Giờ kết thúc",
        description='Dạng "11:30"; in "… kết thúc vào 11 giờ 30 phút cùng ngày".',
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

    @model_validator(mode="before")
    @classmethod
    def _signer(cls, data: Any) -> Any:
        person = data.get("chair") if isinstance(data, dict) else None
        return signer_from(data, person, "biên bản", "CHỦ TỌA")

    @model_validator(mode="after")
    def _times(self) -> BienBan:
        if self.header_date and not self.place:
            raise PydanticCustomError("missing_place", "header_date: true cần place (địa danh)")
        if self.finish < self.start:
            raise PydanticCustomError(
                "end_before_start", "thời gian kết thúc (end, end_date) trước thời gian bắt đầu"
            )
        return self

    @property
    def finish(self) -> dt.datetime:
        """When the meeting ended: ``end`` on ``end_date``, or on the day it began."""
        return dt.datetime.combine(self.end_date or self.start.date(), self.end)

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p.split(".")[0] not in self._plain]

"""Giấy mời: an invitation, laid out after Mẫu 1.7 of Phụ lục III."""

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema

from vanban.errors import Problem
from vanban.models import walk
from vanban.models.common import Document
from vanban.models.persons import When
from vanban.models.types import LineText, Text, one_or_list

#: A list of lines, or one text.
Lines = Annotated[
    list[Text],
    BeforeValidator(one_or_list),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "string", "description": "một dòng"},
            ]
        }
    ),
]


class GiayMoi(Document):
    """Giấy mời: tên loại and the subject of the meeting (ô 5a), "<cơ quan> trân trọng kính mời:",
    "Tới dự …", the field lines (Nội dung, Chủ trì, Thành phần, Thời gian, Địa điểm), what the
    invitee prepares, whom to contact, and the shared parts."""

    model_config = ConfigDict(
        title="Giấy mời",
        json_schema_extra={
            "description": "Giấy mời (Mẫu 1.7, Phụ lục III Nghị định 30/2020/NĐ-CP): tên loại và "
            'trích yếu; "… trân trọng kính mời: …", "Tới dự …", các dòng Nội dung, Chủ trì, Thành '
            "phần, Thời gian, Địa điểm; những điều cần lưu ý; nơi nhận và các thành phần thể thức "
            "chung."
        },
    )

    doc_type: ClassVar[str] = "giay_moi"

    type: Literal["giay_moi"] = Field(
        "giay_moi", title="Loại văn bản", description="giay_moi: Giấy mời (GM)."
    )
    title: Text = Field(
        title="Trích yếu nội dung",
        description="Tên hoặc nội dung cuộc họp, hội nghị, hội thảo; in đậm dưới chữ GIẤY MỜI.",
        examples=["Dự Hội nghị tổng kết công tác cải cách hành chính năm 2026"],
    )
    inviter: LineText | None = Field(
        None,
        title="Cơ quan mời (trong câu)",
        description='Tên cơ quan trong câu "… trân trọng kính mời:"; mặc định lấy issuer.in_text '
        "hoặc suy ra từ tên cơ quan ban hành.",
        examples=["Ủy ban nhân dân xã Tân An"],
    )
    invitee: Text = Field(
        title="Người được mời",
        description='Sau "trân trọng kính mời:": họ tên, chức vụ, đơn vị của người được mời, hoặc '
        "tên cơ quan, tổ chức được mời.",
        examples=["Đồng chí Trưởng phòng Văn hóa - Xã hội", "Bà Lê Thị Hoa, Trưởng thôn Đông"],
    )
    event: Text = Field(
        title="Tới dự",
        description='Sau "Tới dự": tên, nội dung cuộc họp, hội thảo, hội nghị.',
        examples=["Hội nghị tổng kết công tác cải cách hành chính năm 2026."],
    )
    agenda: Lines = Field(
        default_factory=list,
        title="Nội dung",
        description='Một dòng (in sau "Nội dung:") hoặc nhiều dòng, mỗi dòng bắt đầu bằng "- ".',
        examples=[["Đánh giá kết quả năm 2026", "Triển khai nhiệm vụ năm 2027"]],
    )
    chair: Text | None = Field(
        None,
        title="Chủ trì",
        description='In trên dòng "Chủ trì: …".',
        examples=["Đồng chí Nguyễn Văn An, Chủ tịch UBND xã"],
    )
    participants: Text | None = Field(
        None,
        title="Thành phần",
        description='In trên dòng "Thành phần: …".',
        examples=["Lãnh đạo các phòng, ban chuyên môn; Trưởng các thôn"],
    )
    time: When = Field(
        title="Thời gian",
        description='Ngày giờ "2026-03-05 08:00" (in "08 giờ 00 phút, thứ Năm, ngày 05 tháng 3 '
        'năm 2026"), một ngày "2026-03-05", hoặc một câu viết sẵn, in nguyên văn.',
        examples=["2026-03-05 08:00", "Từ 08 giờ 00 phút đến 11 giờ 30 phút, ngày 05/3/2026"],
    )
    venue: Text = Field(
        title="Địa điểm",
        description='In trên dòng "Địa điểm: …".',
        examples=["Hội trường Ủy ban nhân dân xã Tân An"],
    )
    notes: Lines = Field(
        default_factory=list,
        title="Những điều cần lưu ý",
        description="Các đoạn sau các dòng trên: tài liệu cần chuẩn bị, trang phục, xác nhận tham "
        "dự… (Mẫu 1.7, chú thích 8).",
        examples=[["Đề nghị đại biểu chuẩn bị ý kiến tham luận bằng văn bản."]],
    )
    liaison: Text | None = Field(
        None,
        title="Thông tin liên hệ",
        description='In trên dòng "Thông tin liên hệ: …": người đầu mối, số điện thoại.',
        examples=["Bà Phạm Thu Trang, công chức Văn phòng - Thống kê, điện thoại 0912 345 678"],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description='Mặc định kết thúc bằng "./.".',
        examples=["Rất mong đại biểu tham dự đúng thời gian."],
    )

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

    def type_warnings(self) -> list[Problem]:
        """``meeting_before_date``: a meeting held before the invitation is issued."""
        day = self.time.date() if isinstance(self.time, dt.datetime) else self.time
        issued = self.date.earliest if self.date else None
        if isinstance(day, dt.date) and issued and day < issued:
            message = (
                f"thời gian họp ({day.isoformat()}) trước ngày ban hành giấy mời "
                f"({issued.isoformat()})"
            )
            return [Problem("time", "meeting_before_date", message)]
        return []

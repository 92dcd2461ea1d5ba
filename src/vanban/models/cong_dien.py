"""Công điện (CĐ): an urgent message, laid out after Mẫu 1.6 of Phụ lục III
(Mẫu 1.6, Phụ lục III)."""

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from vanban.models import walk
from vanban.models.appendix import Appendix, duplicate_id_error
from vanban.models.blocks import BodyBlock
from vanban.models.common import Document
from vanban.models.types import LineText, Text, one_or_list


class CongDien(Document):
    """Công điện: "CÔNG ĐIỆN" and its trích yếu, the sender line "<CƠ QUAN, CHỨC DANH>
    điện:", the bodies receiving it ("- …;", the last "."), the message, "./.", Nơi nhận and
    the signer; usually marked HỎA TỐC or KHẨN (ô 10b, the shared ``urgency`` field)."""

    model_config = ConfigDict(
        title="Công điện",
        json_schema_extra={
            "description": "Công điện (Mẫu 1.6 Phụ lục III Nghị định 30/2020/NĐ-CP): tên loại "
            '"CÔNG ĐIỆN" và trích yếu; dòng "<TÊN CƠ QUAN hoặc CHỨC DANH NGƯỜI ĐỨNG ĐẦU> '
            'điện:" canh giữa; các nơi nhận điện, mỗi nơi một dòng "- …;", nơi cuối kết thúc '
            'bằng "."; nội dung điện; nơi nhận và người ký. Không có "Kính gửi". Mức độ khẩn '
            "(HỎA TỐC, KHẨN…) ghi ở urgency."
        },
    )

    doc_type: ClassVar[str] = "cong_dien"

    type: Literal["cong_dien"] = Field(
        "cong_dien", title="Loại văn bản", description="cong_dien: Công điện (CĐ)."
    )
    title: Text = Field(
        title="Trích yếu nội dung điện",
        description='Dưới "CÔNG ĐIỆN", in đậm, canh giữa (Mẫu 1.6, chú thích 5); xuống dòng '
        "để ngắt dòng.",
        examples=[
            "Về việc chủ động ứng phó với bão số 9 và mưa lũ sau bão",
            "Về việc tập trung khắc phục hậu quả mưa lũ",
        ],
    )
    sender: Text = Field(
        title="Cơ quan, chức danh gửi điện",
        description="Tên cơ quan, tổ chức hoặc chức danh người đứng đầu gửi điện (Mẫu 1.6, chú "
        'thích 6); in hoa, thêm "điện:" tự động, canh giữa. Xuống dòng để ngắt dòng.',
        examples=[
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM",
            "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM",
        ],
    )
    addressees: Annotated[
        list[LineText],
        BeforeValidator(one_or_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    {"type": "string", "description": "một nơi nhận điện duy nhất"},
                ]
            }
        ),
    ] = Field(
        min_length=1,
        title="Nơi nhận điện",
        description="Các cơ quan, tổ chức nhận điện (Mẫu 1.6, chú thích 7), in ngay dưới dòng "
        '"… điện:", mỗi nơi một dòng bắt đầu bằng "-", kết thúc bằng ";", nơi cuối bằng "."; '
        "các dấu được thêm tự động.",
        examples=[["Giám đốc các sở, ban, ngành tỉnh", "Chủ tịch Ủy ban nhân dân các xã, phường"]],
    )
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung điện",
        description="Các đoạn văn, khoản 1., 2.…, điểm a), b)…, gạch đầu dòng (Mẫu 1.6, chú "
        "thích 8).",
        examples=[
            [
                "Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 04 giờ ngày 03 "
                "tháng 11, vị trí tâm bão ở vào khoảng 16,2 độ Vĩ Bắc; 111,5 độ Kinh Đông."
            ]
        ],
    )
    closing: Text | None = Field(
        None,
        title="Đoạn kết",
        description='Đoạn cuối, mặc định kết thúc bằng "./.".',
        examples=["Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc thực hiện."],
    )
    appendices: list[Appendix] = Field(
        default_factory=list,
        title="Phụ lục",
        description="Sau phần chữ ký, mỗi phụ lục bắt đầu ở trang mới.",
    )

    @model_validator(mode="after")
    def _appendices(self) -> "CongDien":
        error = duplicate_id_error(self.appendices)
        if error:
            raise error
        return self

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

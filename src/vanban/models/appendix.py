"""Phụ lục: appendices after the signature (Phụ lục I, Mục III, 1).

An appendix is the same blocks as the body (mục, khoản, tables, task tables…), numbered on
its own, in a Word section of its own that starts on a new page, may be landscape, and has
its page numbers restart at 1 (none shown on its first page).
"""

from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from vanban._patterns import LazyPattern
from vanban.models.blocks import BodyBlock, Section
from vanban.models.types import Model, Text

_ID = LazyPattern(r"^[\w.-]{1,60}$")


def _check_id(value: str) -> str:
    if not _ID().match(value):
        raise PydanticCustomError(
            "bad_id",
            'mã "{value}" chỉ gồm chữ, số, "-", "_" và "." (để dẫn bằng [@{value}])',
            {"value": value},
        )
    return value


#: A name text refers to as ``[@name]``.
Identifier = Annotated[str, AfterValidator(_check_id)]


class Appendix(Model):
    """Phụ lục: "Phụ lục II", its title, "(Kèm theo … số … ngày … của …)", its content."""

    model_config = ConfigDict(
        title="Phụ lục",
        json_schema_extra={
            "description": 'Phụ lục: "Phụ lục II", tên phụ lục, dòng "(Kèm theo … số … ngày … '
            'của …)" và nội dung; bắt đầu ở trang mới, có thể trình bày trang ngang, đánh số '
            "trang riêng."
        },
    )

    id: Identifier | None = Field(
        None,
        title="Mã dẫn chiếu",
        description='Câu văn dẫn chiếu phụ lục bằng [@id], in thành "Phụ lục II".',
        examples=["lich-kiem-tra", "danh-muc-nhiem-vu"],
    )
    label: StrictBool | Text | None = Field(
        None,
        title="Nhãn phụ lục",
        description='Dòng "Phụ lục II" trên tên phụ lục: bỏ trống để vanban in theo Nghị định; '
        "false để không in (một bảng kèm theo không có nhãn, không được đánh số); một câu chữ "
        'để in đúng như vậy ("Phụ lục số 3a", "Biểu 02"), hoặc thay chữ "Phụ lục" khi có '
        'number ("Biểu" và number "01" in "Biểu 01").',
        examples=[False, "Biểu", "PHỤ LỤC SỐ 01"],
    )
    number: Text | None = Field(
        None,
        title="Số phụ lục",
        description='Số phụ lục như kế hoạch ghi ("01", "1a"); mặc định I, II… khi có từ hai '
        "phụ lục, không ghi số khi chỉ có một phụ lục.",
    )
    title: Text | None = Field(
        None,
        title="Tên phụ lục",
        description="In hoa, đậm; xuống dòng để ngắt dòng.",
        examples=["Danh mục nhiệm vụ triển khai năm 2025", "Lịch kiểm tra"],
    )
    landscape: StrictBool = Field(False, title="Trang ngang", description="Khổ A4 nằm ngang.")
    reference: StrictBool | Text = Field(
        True,
        title="Dòng kèm theo",
        description='Dòng "(Kèm theo Kế hoạch số … ngày … của …)" dưới tên phụ lục: true để '
        "vanban in theo Nghị định, false để không in, hoặc câu chữ của cơ quan in đúng như "
        "viết, trong đó {loai}, {so}, {ky_hieu}, {ngay}, {co_quan} được thay bằng tên loại, số "
        "và ký hiệu, ký hiệu, ngày tháng năm và tên cơ quan ban hành của văn bản (thay chữ "
        "đơn thuần, không phải mã mẫu).",
        examples=[
            True,
            False,
            "(Ban hành kèm theo {loai} số {so} {ngay} của {co_quan})",
        ],
    )
    sections: list[Section] = Field(
        default_factory=list, title="Các mục", description="Các mục I, II… của phụ lục."
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung",
        description="Nội dung khi phụ lục không chia mục: khoản, bảng, bảng nhiệm vụ…",
    )
    end: list[BodyBlock] = Field(
        default_factory=list,
        title="Phần cuối",
        description='Sau các mục, ví dụ dòng "LÃNH ĐẠO ĐƠN VỊ" bên phải.',
    )

    @model_validator(mode="after")
    def _has_content(self) -> "Appendix":
        if not (self.sections or self.content):
            raise PydanticCustomError("empty_appendix", "phụ lục cần content hoặc sections")
        return self


def duplicate_id_error(items: list[Appendix]) -> PydanticCustomError | None:
    """The error of two phụ lục with the same ``id`` (a ``[@id]`` would be ambiguous)."""
    ids = [a.id for a in items if a.id]
    for name in ids:
        if ids.count(name) > 1:
            return PydanticCustomError(
                "duplicate_id", 'hai phụ lục cùng mã "{name}"', {"name": name}
            )
    return None


__all__ = ["Appendix", "Identifier", "duplicate_id_error"]

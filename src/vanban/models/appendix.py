"""Phụ lục: appendices after the signature (Phụ lục I, III.1; nd30.md §12).

An appendix is the same blocks as the body (mục, khoản, tables, task tables…), numbered on
its own, in a Word section of its own that starts on a new page, may be landscape, and has
its page numbers restart at 1 (none shown on its first page).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.blocks import BodyBlock, Section
from vanban.models.types import Model, Text

_ID = re.compile(r"^[\w.-]{1,60}$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
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

    model_config = ConfigDict(title="Phụ lục")

    id: Identifier | None = Field(
        None,
        title="Mã dẫn chiếu",
        description='Text refers to the appendix as [@id], printed "Phụ lục II".',
    )
    number: Text | None = Field(
        None,
        title="Số phụ lục",
        description='As the plan writes it ("01", "1a"); by default I, II… when there are '
        "two or more, none for a single one.",
    )
    title: Text | None = Field(
        None, title="Tên phụ lục", description="Printed UPPERCASE bold; a newline breaks it."
    )
    landscape: StrictBool = Field(False, title="Trang ngang", description="A4 landscape.")
    reference: StrictBool = Field(
        True,
        title="Dòng kèm theo",
        description='Print "(Kèm theo Kế hoạch số … ngày … của …)" under the title.',
    )
    sections: list[Section] = Field(default_factory=list, title="Các mục")
    content: list[BodyBlock] = Field(default_factory=list, title="Nội dung")
    end: list[BodyBlock] = Field(
        default_factory=list,
        title="Phần cuối",
        description='After the mục, e.g. a right-hand "LÃNH ĐẠO ĐƠN VỊ" line.',
    )

    @model_validator(mode="after")
    def _something(self) -> Appendix:
        if not (self.sections or self.content):
            raise PydanticCustomError("empty_appendix", "phụ lục cần content hoặc sections")
        return self


__all__ = ["Appendix", "Identifier"]

"""Kế hoạch (KH): a plan, laid out after Mẫu 1.4 of Phụ lục III."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import BodyBlock, FieldName, Section
from vanban.models.common import Document
from vanban.models.types import Text


class KeHoach(Document):
    """Kế hoạch: trích yếu, căn cứ, mở đầu, the mục (or khoản when the plan has no mục), a
    closing paragraph, phụ lục, and the shared parts."""

    model_config = ConfigDict(title="Kế hoạch")

    doc_type: ClassVar[str] = "ke_hoach"
    #: One of these holds the body (the loader reports it missing with the other fields).
    body_fields: ClassVar[tuple[str, ...]] = ("sections", "content")

    type: Literal["ke_hoach"] = Field("ke_hoach", title="Loại văn bản")
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='Legal bases, italic, one per line; ";" and the final "." are added.',
    )
    intro: list[Text] = Field(
        default_factory=list, title="Mở đầu", description="Introductory paragraphs."
    )
    sections: list[Section] = Field(default_factory=list, title="Các mục")
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Nội dung (không chia mục)",
        description="For a plan without mục: khoản 1., 2.… at the top level.",
    )
    closing: Text | None = Field(None, title="Đoạn kết", description='Ends with "./." by default.')
    task_style: Literal["inline", "lines"] = Field(
        "inline",
        title="Cách trình bày nhiệm vụ",
        description='"inline": deadline in italics in parentheses after the task; '
        '"lines": "- Thời gian thực hiện: …" under it, with the other roles.',
    )
    task_labels: dict[FieldName, Text] = Field(
        default_factory=dict,
        title="Nhãn dòng nhiệm vụ",
        description="Labels of the lines under a task and of task-table columns, by field: "
        '{deadline: "Thời gian hoàn thành", leads: "Cơ quan chủ trì"}.',
    )
    appendices: list[Appendix] = Field(
        default_factory=list, title="Phụ lục", description="After the signature, each on new pages."
    )

    @model_validator(mode="after")
    def _body(self) -> KeHoach:
        if not (self.sections or self.content):
            raise PydanticCustomError(
                "missing_body", "kế hoạch cần sections (các mục) hoặc content (các khoản)"
            )
        ids = [a.id for a in self.appendices if a.id]
        for name in ids:
            if ids.count(name) > 1:
                raise PydanticCustomError(
                    "duplicate_id", 'hai phụ lục cùng mã "{name}"', {"name": name}
                )
        return self

    def texts(self) -> list[tuple[str, str]]:
        return walk.texts(self)

"""Công văn (no tên loại): a letter, laid out after Mẫu 1.5 of Phụ lục III."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import BodyBlock
from vanban.models.common import Document
from vanban.models.types import Abbreviation, LineText, Text
from vanban.nd30 import numbering


def _one_or_list(value: Any) -> Any:
    """One addressee may be written as a text rather than a list of one."""
    return [value] if isinstance(value, str) else value


class CongVan(Document):
    """Công văn: "V/v" trích yếu under the Số (ô 5b), Kính gửi (ô 9a), the content, a closing
    paragraph, phụ lục, and the shared parts; Nơi nhận starts with "Như trên"."""

    model_config = ConfigDict(title="Công văn")

    doc_type: ClassVar[str] = "cong_van"
    subject_in_header: ClassVar[bool] = True
    #: Fields holding no inline markup (the ký hiệu's unit is printed as written).
    _plain: ClassVar[frozenset[str]] = frozenset({"unit"})

    type: Literal["cong_van"] = Field("cong_van", title="Loại văn bản")
    title: Text = Field(
        title="Trích yếu nội dung (V/v)",
        description='The subject printed as "V/v …" under the Số line (ô 5b); "V/v" is added. '
        "A newline breaks the line.",
    )
    unit: Abbreviation | None = Field(
        None,
        title="Chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực",
        description='Second group of the ký hiệu: "VX" in "12/UBND-VX" (Phụ lục I, II.3.b).',
    )
    addressees: Annotated[
        list[LineText],
        BeforeValidator(_one_or_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    {"type": "string", "description": "one addressee"},
                ]
            }
        ),
    ] = Field(
        min_length=1,
        title="Kính gửi",
        description='One addressee ("Kính gửi: Sở Tài chính") or several, one per line with '
        '"-", ";" and the last "." added (ô 9a).',
    )
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung",
        description="Paragraphs, khoản 1., 2.…, điểm, lists, tables.",
    )
    closing: Text | None = Field(None, title="Đoạn kết", description='Ends with "./." by default.')
    appendices: list[Appendix] = Field(
        default_factory=list, title="Phụ lục", description="After the signature, each on new pages."
    )

    @model_validator(mode="after")
    def _unit_and_appendices(self) -> CongVan:
        if self.symbol is None and not self.unit:
            raise PydanticCustomError(
                "missing_unit",
                "công văn cần unit (chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực, ví dụ VX trong "
                "UBND-VX) hoặc symbol (ký hiệu)",
            )
        ids = [a.id for a in self.appendices if a.id]
        for name in ids:
            if ids.count(name) > 1:
                raise PydanticCustomError(
                    "duplicate_id", 'hai phụ lục cùng mã "{name}"', {"name": name}
                )
        return self

    @property
    def symbol_text(self) -> str:
        """The ký hiệu: the given one, or "<issuer>-<unit>" (II.3.b), with no type."""
        if self.symbol:
            return self.symbol
        return numbering.letter_symbol(self.issuer.abbreviation or "", self.unit or "")

    def texts(self) -> list[tuple[str, str]]:
        return [(p, t) for p, t in walk.texts(self) if p not in self._plain]

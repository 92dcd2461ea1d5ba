"""Kế hoạch (KH): a plan, laid out after Mẫu 1.4 of Phụ lục III."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from vanban.models.blocks import Block, Bullet, Bullets, Duties, Item, Letters, Task
from vanban.models.common import Document
from vanban.models.types import Model, Text


class Section(Model):
    """Mục: "I.", "II."… with an UPPERCASE bold title and its content."""

    model_config = ConfigDict(title="Mục (I, II, III…)")

    title: Text = Field(
        title="Tiêu đề mục", description="Printed UPPERCASE after the Roman numeral."
    )
    content: list[Block] = Field(min_length=1, title="Nội dung")


class KeHoach(Document):
    """Kế hoạch: trích yếu, căn cứ, mở đầu, the mục, a closing paragraph, and the shared parts."""

    model_config = ConfigDict(title="Kế hoạch")

    doc_type: ClassVar[str] = "ke_hoach"

    type: Literal["ke_hoach"] = Field("ke_hoach", title="Loại văn bản")
    bases: list[Text] = Field(
        default_factory=list,
        title="Căn cứ ban hành",
        description='Legal bases, italic, one per line; ";" and the final "." are added.',
    )
    intro: list[Text] = Field(
        default_factory=list, title="Mở đầu", description="Introductory paragraphs."
    )
    sections: list[Section] = Field(min_length=1, title="Các mục")
    closing: Text | None = Field(None, title="Đoạn kết", description='Ends with "./." by default.')
    task_style: Literal["inline", "lines"] = Field(
        "inline",
        title="Cách trình bày nhiệm vụ",
        description='"inline": deadline in italics in parentheses after the task; '
        '"lines": "- Thời gian thực hiện: …" under it, with the other roles.',
    )

    def texts(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = [("title", self.title)]
        out += [(f"bases[{i}]", b) for i, b in enumerate(self.bases)]
        out += [(f"intro[{i}]", t) for i, t in enumerate(self.intro)]
        for i, sec in enumerate(self.sections):
            out.append((f"sections[{i}].title", sec.title))
            _block_texts(sec.content, f"sections[{i}].content", out)
        if self.closing:
            out.append(("closing", self.closing))
        return out


def _bullet_texts(items: list[Bullet], path: str, out: list[tuple[str, str]]) -> None:
    for i, b in enumerate(items):
        out.append((f"{path}[{i}].text", b.text))
        _bullet_texts(b.bullets, f"{path}[{i}].bullets", out)


def _block_texts(blocks: list[Block], path: str, out: list[tuple[str, str]]) -> None:
    for i, block in enumerate(blocks):
        p = f"{path}[{i}]"
        if isinstance(block, str):
            out.append((p, block))
        elif isinstance(block, Item):
            for key in ("title", "text"):
                if getattr(block, key):
                    out.append((f"{p}.{key}", getattr(block, key)))
            _block_texts(block.content, f"{p}.content", out)
        elif isinstance(block, Task):
            for key in ("task", "directs", "performs", "leads", "coordinates", "product"):
                if getattr(block, key):
                    out.append((f"{p}.{key}", getattr(block, key)))
            if isinstance(block.deadline, str):
                out.append((f"{p}.deadline", block.deadline))
        elif isinstance(block, Bullets):
            _bullet_texts(block.bullets, f"{p}.bullets", out)
        elif isinstance(block, Duties):
            out.append((f"{p}.body", block.body))
            _bullet_texts(block.duties, f"{p}.duties", out)
        elif isinstance(block, Letters):
            for j, letter in enumerate(block.letters):
                q = f"{p}.letters[{j}]"
                for key in ("title", "text"):
                    if getattr(letter, key):
                        out.append((f"{q}.{key}", getattr(letter, key)))
                _block_texts(letter.content, f"{q}.content", out)

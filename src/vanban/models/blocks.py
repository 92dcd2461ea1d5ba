"""The building blocks of a document body (nội dung, ô 6).

A body is a list of blocks. In YAML a block is recognised by its keys:

==========================  =====================================================
YAML                        block
==========================  =====================================================
``- Một đoạn văn.``          :class:`str`: a paragraph (blank line = new paragraph)
``- title: / text: /``       :class:`Item`: a numbered khoản "1.", "1.1.", "2.2.1."
  ``content:``
``- task: …``                :class:`Task`: a numbered task with deadline and roles
``- body: … duties: […]``    :class:`Duties`: what one body must do
``- bullets: […]``           :class:`Bullets`: "-" items, nested items get "+"
``- letters: […]``           :class:`Letters`: điểm a), b), c), đ)…
==========================  =====================================================

Numbers and letters are computed from the structure; they are never typed.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.types import Deadline, Model, Text


class Bullet(Model):
    """Một gạch đầu dòng: its text and optional nested items ("+")."""

    model_config = ConfigDict(title="Gạch đầu dòng")

    text: Text = Field(title="Nội dung")
    bullets: list[BulletEntry] = Field(default_factory=list, title="Ý con")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


BulletEntry = Annotated[Bullet, Field(title="Gạch đầu dòng")]


class Bullets(Model):
    """Danh sách gạch đầu dòng: "-" items; nested items are marked "+"."""

    model_config = ConfigDict(title="Danh sách gạch đầu dòng")

    bullets: list[BulletEntry] = Field(min_length=1, title="Các ý")


class Item(Model):
    """Khoản: a numbered item ("1.", "1.1.", "2.2.1." by depth) with an optional bold title,
    text, and nested content."""

    model_config = ConfigDict(title="Khoản (mục đánh số)")

    title: Text | None = Field(None, title="Tiêu đề", description="Bold, after the number.")
    text: Text | None = Field(None, title="Nội dung", description="Text after the title.")
    content: list[Block] = Field(default_factory=list, title="Nội dung con")

    @model_validator(mode="after")
    def _something(self) -> Item:
        if not (self.title or self.text or self.content):
            raise PydanticCustomError("empty_item", "khoản cần ít nhất title, text hoặc content")
        return self


class Task(Model):
    """Nhiệm vụ: what is to be done, by whom, by when, with what result."""

    model_config = ConfigDict(title="Nhiệm vụ")

    task: Text = Field(title="Nội dung nhiệm vụ")
    deadline: Deadline | None = Field(
        None,
        title="Thời hạn",
        description='A date (2025-03-15) or text ("thường xuyên", "Quý I/2025").',
    )
    directs: Text | None = Field(None, title="Chỉ đạo")
    performs: Text | None = Field(None, title="Thực hiện")
    leads: Text | None = Field(None, title="Chủ trì")
    coordinates: Text | None = Field(None, title="Phối hợp")
    product: Text | None = Field(None, title="Sản phẩm")


class Duties(Model):
    """Nhiệm vụ của một cơ quan, đơn vị (tổ chức thực hiện): numbered like a khoản."""

    model_config = ConfigDict(title="Trách nhiệm của cơ quan, đơn vị")

    body: Text = Field(title="Cơ quan, đơn vị")
    duties: list[BulletEntry] = Field(min_length=1, title="Nhiệm vụ")


class Letter(Model):
    """Điểm: a lettered item a), b)… with an optional bold title and nested content."""

    model_config = ConfigDict(title="Điểm")

    title: Text | None = Field(None, title="Tiêu đề")
    text: Text | None = Field(None, title="Nội dung")
    content: list[Block] = Field(default_factory=list, title="Nội dung con")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _something(self) -> Letter:
        if not (self.title or self.text or self.content):
            raise PydanticCustomError("empty_item", "điểm cần ít nhất title, text hoặc content")
        return self


class Letters(Model):
    """Danh sách điểm a), b), c), d), đ)… (at most 23, the Vietnamese letters)."""

    model_config = ConfigDict(title="Danh sách điểm")

    letters: list[Letter] = Field(min_length=1, max_length=23, title="Các điểm")


_KINDS = {
    "task": "task",
    "bullets": "bullets",
    "letters": "letters",
    "duties": "duties",
    "body": "duties",
}
_ITEM_KEYS = {"title", "text", "content"}


def block_kind(value: Any) -> str | None:
    """Which block a YAML value is, from its keys (``None``: not a block)."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key, kind in _KINDS.items():
            if key in value:
                return kind
        if _ITEM_KEYS & value.keys():
            return "item"
        return None
    return {
        Item: "item",
        Task: "task",
        Bullets: "bullets",
        Letters: "letters",
        Duties: "duties",
    }.get(type(value))


#: BLOCK_KINDS: the tags of the block union, as they appear in pydantic error locations.
BLOCK_KINDS = frozenset({"paragraph", "item", "task", "bullets", "letters", "duties"})

Block = Annotated[
    Annotated[Text, Tag("paragraph")]
    | Annotated[Item, Tag("item")]
    | Annotated[Task, Tag("task")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Letters, Tag("letters")]
    | Annotated[Duties, Tag("duties")],
    Discriminator(
        block_kind,
        custom_error_type="unknown_block",
        custom_error_message="không nhận ra khối nội dung: cần một đoạn văn, hoặc một mục có "
        "title/text/content, task, bullets, letters hoặc body + duties",
    ),
]

Bullet.model_rebuild()
Item.model_rebuild()
Letter.model_rebuild()

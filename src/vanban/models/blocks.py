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
``- align: / text:``         :class:`Paragraph`: a paragraph centred, right or left
``- page_break: true``       :class:`PageBreak`: the next block starts a new page
``- columns: / rows:``       :class:`Table`: a table (header, spans, group rows)
``- tasks: / groups:``       :class:`TaskTable`: tasks as a table, STT per group
==========================  =====================================================

Numbers and letters are computed from the structure; they are never typed. Numbered blocks
under điểm continue the numbering of their khoản ("1.1.", "1.2." under a), "1.3." under b)),
so every number is unique in its khoản.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.models.types import Deadline, Model, Text

#: Paragraph and cell alignment (canh lề): left, centre, right, both sides.
Align = Literal["left", "center", "right", "justify"]


def _scalar_text(value: Any) -> Any:
    """Numbers in a table cell or a list of names are text ("1", "2,5")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


_FIELD_NAME = re.compile(r"^[^\s\[\]{}:][^\[\]{}:]{0,59}$")


def _field_name(value: str) -> str:
    value = value.strip()
    if not _FIELD_NAME.match(value):
        raise PydanticCustomError(
            "bad_field_name",
            'tên trường "{value}" không hợp lệ (1–60 ký tự, không có [ ] {{ }} :)',
            {"value": value},
        )
    return value


#: The name of a task field or of a plan's own field ("Ghi chú", "theo_doi").
FieldName = Annotated[str, AfterValidator(_field_name)]


#: Text, or several texts (one per line in a table cell, joined by ", " in prose).
Texts = Annotated[Text, BeforeValidator(_scalar_text)] | list[Text]


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
    content: list[BodyBlock] = Field(default_factory=list, title="Nội dung con")

    @model_validator(mode="after")
    def _something(self) -> Item:
        if not (self.title or self.text or self.content):
            raise PydanticCustomError("empty_item", "khoản cần ít nhất title, text hoặc content")
        return self


#: The task fields that name a role or a result, in the order their lines are printed.
TASK_ROLE_FIELDS = ("directs", "leads", "performs", "coordinates", "product")


class Task(Model):
    """Nhiệm vụ: what is to be done, by whom, by when, with what result.

    A role may name several bodies as a list: joined by ", " in prose, one per line in a
    task table. ``extra`` holds the plan's own columns or lines ("Ghi chú", "Theo dõi, đôn
    đốc", "Người thực hiện").
    """

    model_config = ConfigDict(title="Nhiệm vụ")

    task: Text = Field(title="Nội dung nhiệm vụ")
    deadline: Deadline | None = Field(
        None,
        title="Thời hạn",
        description='A date (2025-03-15) or text ("thường xuyên", "Quý I/2025").',
    )
    directs: Texts | None = Field(None, title="Chỉ đạo")
    performs: Texts | None = Field(None, title="Thực hiện")
    leads: Texts | None = Field(None, title="Chủ trì")
    coordinates: Texts | None = Field(None, title="Phối hợp")
    product: Texts | None = Field(None, title="Sản phẩm")
    extra: dict[FieldName, Texts] = Field(
        default_factory=dict,
        title="Trường khác",
        description='The plan\'s own fields, e.g. {"Ghi chú": "…", theo_doi: "Văn phòng"}: a '
        "line under the task (labelled by the key or by task_labels) and a table column.",
    )
    span: dict[FieldName, Annotated[int, Field(ge=2, le=20)]] = Field(
        default_factory=dict,
        title="Gộp ô",
        description="In a task table: a field's cell spans this many columns, e.g. "
        "{leads: 2} for one body that both leads and coordinates.",
    )
    split: FieldName | None = Field(
        None,
        title="Tách dòng",
        description="In a task table: each item of this field's list on its own row, the "
        'other cells merged down (one task with two products: split: "product").',
    )

    def value(self, name: str) -> Any:
        """The value of a field or of an ``extra`` entry (``None`` when absent)."""
        if name in TASK_FIELDS and name != "number":
            return getattr(self, name)
        return self.extra.get(name)

    @model_validator(mode="after")
    def _known_split(self) -> Task:
        if self.split is not None and not isinstance(self.value(self.split), list):
            raise PydanticCustomError(
                "bad_split",
                'split: "{name}" cần là một trường có danh sách giá trị trong nhiệm vụ này',
                {"name": self.split},
            )
        return self


#: The fields of a task, by name (a task table's columns name them, or ``extra`` keys).
TASK_FIELDS = ("number", "task", "deadline", *TASK_ROLE_FIELDS)


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
    content: list[BodyBlock] = Field(default_factory=list, title="Nội dung con")

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


class Paragraph(Model):
    """Đoạn văn canh lề riêng: a paragraph centred, right- or left-aligned (no first-line
    indent), e.g. "(chi tiết tại Phụ lục đính kèm)" or a right-hand "LÃNH ĐẠO ĐƠN VỊ"."""

    model_config = ConfigDict(title="Đoạn văn canh lề")

    text: Text = Field(title="Nội dung")
    align: Align = Field(title="Canh lề", description="left, center, right or justify.")


class PageBreak(Model):
    """Ngắt trang: the next block starts on a new page."""

    model_config = ConfigDict(title="Ngắt trang")

    page_break: Literal[True] = Field(title="Ngắt trang", description="Always true.")


_LENGTH = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(cm|mm)\s*$")


def _width(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        m = _LENGTH.match(value)
        if not m:
            raise PydanticCustomError(
                "bad_width",
                'độ rộng cột "{value}": cần một số (tỷ lệ, ví dụ 3) hoặc một độ dài như '
                '"2.5cm", "25mm"',
                {"value": value},
            )
        number = float(m.group(1).replace(",", "."))
        return f"{number * (10 if m.group(2) == 'cm' else 1):g}mm"
    return value


#: A column width: a number is a share of the width left after the fixed columns; "2.5cm" or
#: "25mm" is fixed (kept as millimetres, "25mm").
Width = Annotated[
    Annotated[float, Field(gt=0, le=1000)] | Annotated[str, Field(pattern=r"^\d+(\.\d+)?mm$")],
    BeforeValidator(_width),
]


class Column(Model):
    """Cột của bảng: its header text, width and alignment."""

    model_config = ConfigDict(title="Cột")

    title: Text | None = Field(None, title="Tên cột")
    width: Width = Field(1, title="Độ rộng", description='A share (1, 2.5) or "2cm", "18mm".')
    align: Align = Field("left", title="Canh lề", description="Of the column's cells.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"title": _scalar_text(value)} if isinstance(value, (str, int, float)) else value


class Cell(Model):
    """Ô của bảng: text (a blank line starts a new paragraph) or paragraphs, spans, looks."""

    model_config = ConfigDict(title="Ô")

    text: Texts | None = Field(None, title="Nội dung", description="A text or a list of lines.")
    colspan: int = Field(1, ge=1, le=63, title="Gộp cột", description="Columns it spans.")
    rowspan: int = Field(1, ge=1, le=10_000, title="Gộp dòng", description="Rows it spans.")
    align: Align | None = Field(None, title="Canh lề", description="Default: the column's.")
    bold: StrictBool = Field(False, title="In đậm")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, (str, int, float, list)) and not isinstance(value, bool):
            return {"text": _scalar_text(value)}
        return value


class GroupRow(Model):
    """Dòng nhóm: a row spanning the table, "I | NHIỆM VỤ CHUNG" (bold)."""

    model_config = ConfigDict(title="Dòng nhóm")

    group: Text = Field(title="Tên nhóm")
    label: Text | None = Field(None, title="Số thứ tự nhóm", description='e.g. "I", "A".')


def _row_kind(value: Any) -> str:
    if isinstance(value, (dict, GroupRow)):
        return "group"
    return "cells"


TableRow = Annotated[
    Annotated[list[Cell], Tag("cells")] | Annotated[GroupRow, Tag("group")],
    Discriminator(_row_kind),
]


class Table(Model):
    """Bảng: columns, optional header rows, rows of cells with spans, group rows.

    Header rows repeat on every page and no row splits across pages; borders are single
    lines; text is Times New Roman at the table size of ``format`` (13 pt by default).
    """

    model_config = ConfigDict(title="Bảng")

    columns: list[Column] = Field(min_length=1, max_length=63, title="Các cột")
    header: list[list[Cell]] | None = Field(
        None,
        title="Dòng tiêu đề",
        description="Header rows with spans, in place of the column titles.",
    )
    number_row: StrictBool = Field(
        False, title="Dòng số thứ tự cột", description='A row "(1) (2) (3)…" under the header.'
    )
    rows: list[TableRow] = Field(default_factory=list, title="Các dòng")

    @model_validator(mode="after")
    def _fits(self) -> Table:
        from vanban.models.grid import grid_problem

        problem = grid_problem(self)
        if problem:
            raise PydanticCustomError("bad_table", problem)
        return self


class TaskColumn(Model):
    """Cột của bảng nhiệm vụ: which task field it shows, its header, width and alignment."""

    model_config = ConfigDict(title="Cột bảng nhiệm vụ")

    field: FieldName = Field(
        title="Trường",
        description="number (STT), task, leads, coordinates, directs, performs, deadline, "
        "product, or a key of the tasks' extra.",
    )
    title: Text | None = Field(None, title="Tên cột", description="Default: the field's label.")
    width: Width | None = Field(None, title="Độ rộng")
    align: Align | None = Field(None, title="Canh lề")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"field": value} if isinstance(value, str) else value


#: The columns of a task table when none are chosen.
DEFAULT_TASK_COLUMNS = ("number", "task", "leads", "coordinates", "deadline", "product")


class TaskGroup(Model):
    """Nhóm nhiệm vụ: a group row (I, II…) and its tasks, numbered from 1 again."""

    model_config = ConfigDict(title="Nhóm nhiệm vụ")

    title: Text = Field(title="Tên nhóm")
    label: Text | None = Field(None, title="Số thứ tự nhóm", description="Default: I, II, III…")
    tasks: list[Task] = Field(min_length=1, title="Các nhiệm vụ")


class TaskTable(Model):
    """Bảng nhiệm vụ: tasks (the same data as the prose form) shown as a table."""

    model_config = ConfigDict(title="Bảng nhiệm vụ")

    columns: list[TaskColumn] = Field(
        default_factory=lambda: [TaskColumn(field=f) for f in DEFAULT_TASK_COLUMNS],
        min_length=1,
        max_length=30,
        title="Các cột",
    )
    number_row: StrictBool = Field(False, title="Dòng số thứ tự cột")
    tasks: list[Task] = Field(default_factory=list, title="Các nhiệm vụ")
    groups: list[TaskGroup] = Field(default_factory=list, title="Các nhóm nhiệm vụ")

    @model_validator(mode="after")
    def _tasks_or_groups(self) -> TaskTable:
        if bool(self.tasks) == bool(self.groups):
            raise PydanticCustomError(
                "bad_task_table", "bảng nhiệm vụ cần tasks hoặc groups (một trong hai)"
            )
        names = [c.field for c in self.columns]
        for task in self.all_tasks():
            for name, n in task.span.items():
                if name not in names or names.index(name) + n > len(names):
                    raise PydanticCustomError(
                        "bad_span",
                        'span: "{name}" gộp {n} cột nhưng bảng không có đủ cột từ cột đó',
                        {"name": name, "n": n},
                    )
        return self

    def all_tasks(self) -> list[Task]:
        return self.tasks or [t for g in self.groups for t in g.tasks]


_KINDS = {
    "task": "task",
    "bullets": "bullets",
    "letters": "letters",
    "duties": "duties",
    "body": "duties",
    "rows": "table",
    "columns": "table",
    "tasks": "task_table",
    "groups": "task_table",
    "page_break": "page_break",
    "align": "aligned",
}
_ITEM_KEYS = {"title", "text", "content"}


def block_kind(value: Any) -> str | None:
    """Which block a YAML value is, from its keys (``None``: not a block)."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key, kind in _KINDS.items():
            if key in value:
                if kind == "table" and ("tasks" in value or "groups" in value):
                    return "task_table"
                return kind
        if _ITEM_KEYS & value.keys():
            return "item"
        return None
    kinds: dict[type, str] = {
        Item: "item",
        Task: "task",
        Bullets: "bullets",
        Letters: "letters",
        Duties: "duties",
        Paragraph: "aligned",
        PageBreak: "page_break",
        Table: "table",
        TaskTable: "task_table",
    }
    return kinds.get(type(value))


#: BLOCK_KINDS: the tags of the block union, as they appear in pydantic error locations.
BLOCK_KINDS = frozenset(
    {
        "paragraph",
        "item",
        "task",
        "bullets",
        "letters",
        "duties",
        "aligned",
        "page_break",
        "table",
        "task_table",
    }
)
#: What an unknown block is told it could be.
BLOCK_HINT = (
    "không nhận ra khối nội dung: cần một đoạn văn, hoặc một mục có title/text/content, "
    "task, bullets, letters, body + duties, align + text, page_break, columns + rows (bảng) "
    "hoặc tasks/groups (bảng nhiệm vụ)"
)

BodyBlock = Annotated[
    Annotated[Text, Tag("paragraph")]
    | Annotated[Item, Tag("item")]
    | Annotated[Task, Tag("task")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Letters, Tag("letters")]
    | Annotated[Duties, Tag("duties")]
    | Annotated[Paragraph, Tag("aligned")]
    | Annotated[PageBreak, Tag("page_break")]
    | Annotated[Table, Tag("table")]
    | Annotated[TaskTable, Tag("task_table")],
    Discriminator(block_kind, custom_error_type="unknown_block", custom_error_message=BLOCK_HINT),
]


class Section(Model):
    """Mục: "I.", "II."… with an UPPERCASE bold title and its content."""

    model_config = ConfigDict(title="Mục (I, II, III…)")

    title: Text = Field(
        title="Tiêu đề mục", description="Printed UPPERCASE after the Roman numeral."
    )
    content: list[BodyBlock] = Field(min_length=1, title="Nội dung")


Bullet.model_rebuild()
Item.model_rebuild()
Letter.model_rebuild()

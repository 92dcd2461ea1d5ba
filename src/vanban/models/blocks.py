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

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StrictBool,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban._patterns import LazyPattern
from vanban.models import _prebuilt
from vanban.models.types import Deadline, Model, Text

#: Paragraph and cell alignment (canh lề): left, centre, right, both sides.
Align = Literal["left", "center", "right", "justify"]


def _scalar_text(value: Any) -> Any:
    """Numbers in a table cell or a list of names are text ("1", "2,5")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _blank(value: Any) -> Any:
    """An empty text ("" or spaces), written for an empty cell or field, is no value."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _blank_or_text(value: Any) -> Any:
    """A cell's text: "" or spaces is no text, a number is text."""
    return _scalar_text(_blank(value))


_FIELD_NAME = LazyPattern(r"^[^\s\[\]{}:][^\[\]{}:]{0,59}$")


def _field_name(value: str) -> str:
    value = value.strip()
    if not _FIELD_NAME().match(value):
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


_PLUS_ITEM = LazyPattern(r"\s\+\s")


def _typed_list(value: Any) -> Any:
    r"""A list typed as text with its own marks, one "+ …" or "- …" item per line, read as
    its items: in YAML, lines starting with "+" are not a list but one text (``bullets:``
    then "+ Một" / "+ Hai" lines), which offices type that way. The items keep their mark
    (the layout prints it once). On one line (YAML folds unquoted lines) the items are split
    at " + ". Anything else is left for the list's own check.

    >>> _typed_list("+ Một\n+ Hai\n  tiếp"), _typed_list("+ Một + Hai"), _typed_list("Một")
    (['+ Một', '+ Hai tiếp'], ['+ Một', '+ Hai'], 'Một')
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text[:1] not in ("+", "-") or not text[1:2].isspace():
        return value
    mark = text[0]
    if "\n" not in text and mark == "+":
        return ["+ " + x.strip() for x in _PLUS_ITEM().split(text[1:]) if x.strip()]
    items: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if (line[:1] in ("+", "-") and line[1:2].isspace()) or not items:
            items.append(line)
        elif line:
            items[-1] += " " + line
    return items


class Bullet(Model):
    """Một gạch đầu dòng: its text and optional nested items ("+")."""

    model_config = ConfigDict(
        title="Gạch đầu dòng",
        json_schema_extra={
            "description": 'Một ý gạch đầu dòng ("-") và các ý con ("+"). Viết gọn: chỉ nội dung.'
        },
    )

    text: Text = Field(title="Nội dung", description="Nội dung của ý.")
    bullets: "Annotated[list[BulletEntry], BeforeValidator(_typed_list)]" = Field(
        default_factory=list, title="Ý con", description='Các ý con, đánh dấu "+".'
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


BulletEntry = Annotated[Bullet, Field(title="Gạch đầu dòng")]


class Bullets(Model):
    """Danh sách gạch đầu dòng: "-" items; nested items are marked "+"."""

    model_config = ConfigDict(
        title="Danh sách gạch đầu dòng",
        json_schema_extra={
            "description": 'Danh sách gạch đầu dòng: mỗi ý một dấu "-", ý con dấu "+".'
        },
    )

    bullets: Annotated[list[BulletEntry], BeforeValidator(_typed_list)] = Field(
        min_length=1,
        title="Các ý",
        description="Mỗi ý là một chuỗi, hoặc {text, bullets} khi có ý con.",
        examples=[
            [
                "Tuyên truyền, phổ biến Kế hoạch đến cán bộ, công chức, viên chức.",
                {
                    "text": "Chỉ đạo các doanh nghiệp thực hiện tốt các nội dung sau",
                    "bullets": ["Xây dựng lực lượng bảo vệ", "Tăng cường tuyên truyền"],
                },
            ]
        ],
    )


class Item(Model):
    """Khoản: a numbered item ("1.", "1.1.", "2.2.1." by depth) with an optional bold title,
    text, and nested content."""

    model_config = ConfigDict(
        title="Khoản (mục đánh số)",
        json_schema_extra={
            "description": 'Khoản: đánh số "1.", "1.1.", "2.2.1." theo cấp, có tiêu đề in đậm '
            "(nếu có), nội dung và các khối con."
        },
    )

    title: Text | None = Field(
        None,
        title="Tiêu đề",
        description="In đậm, sau số thứ tự.",
        examples=["Mục đích", "Yêu cầu", "Kinh phí thực hiện"],
    )
    text: Text | None = Field(
        None,
        title="Nội dung",
        description="Đoạn văn sau tiêu đề (hoặc ngay sau số thứ tự khi không có tiêu đề).",
    )
    content: "list[BodyBlock]" = Field(
        default_factory=list,
        title="Nội dung con",
        description="Các khối bên trong khoản: đoạn văn, khoản con, điểm, gạch đầu dòng, bảng…",
    )

    @model_validator(mode="after")
    def _has_content(self) -> "Item":
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

    model_config = ConfigDict(
        title="Nhiệm vụ",
        json_schema_extra={
            "description": "Nhiệm vụ: việc cần làm, cơ quan chỉ đạo, chủ trì, phối hợp, thực "
            "hiện, thời hạn và sản phẩm. Một vai trò có thể nêu nhiều cơ quan bằng danh sách: "
            'trong câu văn nối bằng ", ", trong bảng nhiệm vụ mỗi cơ quan một dòng.'
        },
    )

    number: (
        Annotated[
            Text, BeforeValidator(_scalar_text), WithJsonSchema({"type": ["string", "number"]})
        ]
        | None
    ) = Field(
        None,
        title="Số thứ tự",
        description='Số thứ tự như cơ quan ghi ("09", "1.2", "I"): in đúng như vậy thay cho số '
        "tự đánh (cột STT của bảng nhiệm vụ, hoặc số trước nhiệm vụ trong câu văn).",
        examples=["09", "II"],
    )
    task: Text = Field(
        title="Nội dung nhiệm vụ",
        description="Việc cần thực hiện.",
        examples=[
            "Ban hành Quyết định thành lập Ban chỉ đạo.",
            "Tổ chức tập huấn nghiệp vụ cho cán bộ, công chức cấp xã.",
        ],
    )
    deadline: Deadline | None = Field(
        None,
        title="Thời hạn",
        description='Một ngày (2025-03-15) hoặc chữ ("thường xuyên", "Quý I/2025").',
        examples=["2025-03-15", "Quý I/2025", "thường xuyên"],
    )
    directs: Texts | None = Field(
        None,
        title="Chỉ đạo",
        description="Người hoặc cơ quan chỉ đạo; nhiều nơi thì viết thành danh sách.",
        examples=["Chủ tịch UBND tỉnh"],
    )
    performs: Texts | None = Field(
        None,
        title="Thực hiện",
        description="Cơ quan, đơn vị, cá nhân thực hiện; nhiều nơi thì viết thành danh sách.",
        examples=["Phòng Quản lý doanh nghiệp"],
    )
    leads: Texts | None = Field(
        None,
        title="Chủ trì",
        description="Cơ quan, đơn vị chủ trì; nhiều nơi thì viết thành danh sách.",
        examples=["Sở Công Thương", ["Văn phòng UBND tỉnh", "Sở Nội vụ"]],
    )
    coordinates: Texts | None = Field(
        None,
        title="Phối hợp",
        description="Cơ quan, đơn vị phối hợp; nhiều nơi thì viết thành danh sách.",
        examples=["Các sở, ngành, UBND các huyện, thành phố", ["Công an tỉnh", "Sở Tư pháp"]],
    )
    product: Texts | None = Field(
        None,
        title="Sản phẩm",
        description="Kết quả, sản phẩm của nhiệm vụ.",
        examples=["Quyết định của UBND tỉnh", "Báo cáo kết quả thực hiện"],
    )
    extra: dict[FieldName, Texts] = Field(
        default_factory=dict,
        title="Trường khác",
        description='Các trường riêng của kế hoạch, ví dụ {"Ghi chú": "…", theo_doi: "Văn '
        'phòng"}: một dòng dưới nhiệm vụ (nhãn là tên khóa hoặc theo task_labels) và một cột '
        "trong bảng nhiệm vụ.",
        examples=[{"Ghi chú": "Báo cáo hằng quý"}],
    )
    span: dict[FieldName, Annotated[int, Field(ge=2, le=20)]] = Field(
        default_factory=dict,
        title="Gộp ô",
        description="Trong bảng nhiệm vụ: ô của trường này gộp số cột đã cho, ví dụ {leads: 2} "
        "khi một cơ quan vừa chủ trì vừa phối hợp.",
    )
    split: FieldName | None = Field(
        None,
        title="Tách dòng",
        description="Trong bảng nhiệm vụ: mỗi giá trị trong danh sách của trường này nằm trên một "
        'dòng riêng, các ô khác gộp dọc (một nhiệm vụ có hai sản phẩm: split: "product").',
    )

    rows: "list[TaskPart]" = Field(
        default_factory=list,
        title="Các dòng của nhiệm vụ",
        description="Trong bảng nhiệm vụ: nhiệm vụ chia thành nhiều dòng, mỗi dòng có sản phẩm, "
        "thời hạn, cơ quan chủ trì, phối hợp riêng; STT và nội dung nhiệm vụ gộp dọc qua các "
        "dòng. Trường ghi ở nhiệm vụ áp dụng cho các dòng không ghi trường đó.",
    )

    @model_validator(mode="before")
    @classmethod
    def _blank_fields(cls, value: Any) -> Any:
        return _blank_values(value, TASK_BLANKABLE)

    def value(self, name: str) -> Any:
        """The value of a field or of an ``extra`` entry (``None`` when absent)."""
        if name in TASK_FIELDS and name != "number":
            return getattr(self, name)
        return self.extra.get(name)

    def part_value(self, part: "TaskPart", name: str) -> Any:
        """The value a row of a multi-row task shows for a field: the row's own, else the
        task's."""
        own = part.value(name)
        return own if own is not None else self.value(name)

    @model_validator(mode="after")
    def _known_split(self) -> "Task":
        if self.split is not None and self.rows:
            raise PydanticCustomError(
                "bad_split",
                "split và rows không dùng cùng nhau: với rows, mỗi dòng tự ghi sản phẩm, "
                "thời hạn, cơ quan của mình",
                {"at": ("split",)},
            )
        if self.split is not None and not isinstance(self.value(self.split), list):
            raise PydanticCustomError(
                "bad_split",
                'split: "{name}" cần là một trường có danh sách giá trị trong nhiệm vụ này',
                {"name": self.split, "at": ("split",)},
            )
        return self


#: The fields of a task or of one of its rows where "" (an empty cell) means no value.
TASK_BLANKABLE = ("deadline", "directs", "leads", "performs", "coordinates", "product", "number")


def _blank_values(value: Any, names: tuple[str, ...]) -> Any:
    """``value`` (the mapping of a task or a row) with "" fields and extra entries left out."""
    if not isinstance(value, dict):
        return value
    for k, v in value.items():  # most tasks have no blank field and no extra entries
        if k == "extra" or (k in names and isinstance(v, str) and not v.strip()):
            break
    else:
        return value
    out = {k: v for k, v in value.items() if not (k in names and _blank(v) is None)}
    extra = out.get("extra")
    if isinstance(extra, dict):
        out["extra"] = {k: v for k, v in extra.items() if _blank(v) is not None}
    return out


class TaskPart(Model):
    """Một dòng của nhiệm vụ tách dòng: its own product, deadline, bodies, extra fields."""

    model_config = ConfigDict(
        title="Dòng của nhiệm vụ",
        json_schema_extra={
            "description": "Một dòng của nhiệm vụ trong bảng nhiệm vụ: sản phẩm, thời hạn, cơ "
            "quan chủ trì, phối hợp… riêng của dòng này."
        },
    )

    product: Texts | None = Field(None, title="Sản phẩm", description="Sản phẩm của dòng này.")
    deadline: Deadline | None = Field(
        None, title="Thời hạn", description='Một ngày (2025-03-15) hoặc chữ ("Quý I/2025").'
    )
    leads: Texts | None = Field(None, title="Chủ trì", description="Cơ quan, đơn vị chủ trì.")
    coordinates: Texts | None = Field(
        None, title="Phối hợp", description="Cơ quan, đơn vị phối hợp."
    )
    directs: Texts | None = Field(None, title="Chỉ đạo", description="Người, cơ quan chỉ đạo.")
    performs: Texts | None = Field(
        None, title="Thực hiện", description="Cơ quan, đơn vị, cá nhân thực hiện."
    )
    extra: dict[FieldName, Texts] = Field(
        default_factory=dict,
        title="Trường khác",
        description="Các trường riêng của kế hoạch cho dòng này (cột của bảng nhiệm vụ).",
    )

    @model_validator(mode="before")
    @classmethod
    def _blank_fields(cls, value: Any) -> Any:
        return _blank_values(value, TASK_BLANKABLE)

    def value(self, name: str) -> Any:
        """The row's own value of a field or an ``extra`` entry (``None`` when absent)."""
        if name in TASK_FIELDS and name not in ("number", "task"):
            return getattr(self, name)
        return self.extra.get(name)


#: The fields of a task, by name (a task table's columns name them, or ``extra`` keys).
TASK_FIELDS = ("number", "task", "deadline", *TASK_ROLE_FIELDS)


class Duties(Model):
    """Nhiệm vụ của một cơ quan, đơn vị (tổ chức thực hiện): numbered like a khoản."""

    model_config = ConfigDict(
        title="Trách nhiệm của cơ quan, đơn vị",
        json_schema_extra={
            "description": "Trách nhiệm của một cơ quan, đơn vị (phần tổ chức thực hiện): đánh số "
            "như một khoản, tên cơ quan rồi các nhiệm vụ gạch đầu dòng."
        },
    )

    body: Text = Field(
        title="Cơ quan, đơn vị",
        description="Tên cơ quan, đơn vị, in sau số thứ tự.",
        examples=["Sở Tài chính", "Công an tỉnh", "UBND các huyện, thành phố"],
    )
    duties: Annotated[list[BulletEntry], BeforeValidator(_typed_list)] = Field(
        min_length=1,
        title="Nhiệm vụ",
        description='Các nhiệm vụ của cơ quan, đơn vị, mỗi nhiệm vụ một gạch đầu dòng "-".',
    )


class Letter(Model):
    """Điểm: a lettered item a), b)… with an optional bold title and nested content."""

    model_config = ConfigDict(
        title="Điểm",
        json_schema_extra={
            "description": "Điểm a), b)…: tiêu đề in đậm (nếu có), nội dung và các khối con. Viết "
            "gọn: chỉ nội dung."
        },
    )

    title: Text | None = Field(None, title="Tiêu đề", description="In đậm, sau chữ cái thứ tự.")
    text: Text | None = Field(None, title="Nội dung", description="Nội dung của điểm.")
    content: "list[BodyBlock]" = Field(
        default_factory=list,
        title="Nội dung con",
        description="Các khối bên trong điểm; khoản bên trong điểm tiếp tục số của khoản chứa "
        "điểm.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_content(self) -> "Letter":
        if not (self.title or self.text or self.content):
            raise PydanticCustomError("empty_item", "điểm cần ít nhất title, text hoặc content")
        return self


class Letters(Model):
    """Danh sách điểm a), b), c), d), đ)… (at most 23, the Vietnamese letters)."""

    model_config = ConfigDict(
        title="Danh sách điểm",
        json_schema_extra={
            "description": "Danh sách điểm a), b), c), d), đ)… (nhiều nhất 23 điểm, theo chữ cái "
            "tiếng Việt)."
        },
    )

    letters: list[Letter] = Field(
        min_length=1,
        max_length=23,
        title="Các điểm",
        description="Các điểm theo thứ tự; chữ cái a), b)… được đánh tự động.",
    )


class Paragraph(Model):
    """Đoạn văn canh lề riêng: a paragraph centred, right- or left-aligned (no first-line
    indent), e.g. "(chi tiết tại Phụ lục đính kèm)" or a right-hand "LÃNH ĐẠO ĐƠN VỊ"."""

    model_config = ConfigDict(
        title="Đoạn văn canh lề",
        json_schema_extra={
            "description": "Đoạn văn canh lề riêng, không lùi đầu dòng: căn giữa, căn phải hoặc "
            'căn trái, ví dụ "(chi tiết tại Phụ lục đính kèm)" hoặc dòng "LÃNH ĐẠO ĐƠN VỊ" bên '
            "phải."
        },
    )

    text: Text = Field(title="Nội dung", description="Nội dung đoạn văn.")
    align: Align = Field(
        title="Canh lề",
        description="left (trái), center (giữa), right (phải) hoặc justify (đều hai bên).",
    )


class PageBreak(Model):
    """Ngắt trang: the next block starts on a new page."""

    model_config = ConfigDict(
        title="Ngắt trang",
        json_schema_extra={"description": "Ngắt trang: khối tiếp theo bắt đầu ở trang mới."},
    )

    page_break: Literal[True] = Field(title="Ngắt trang", description="Luôn là true.")


_LENGTH = LazyPattern(r"^\s*(\d+(?:[.,]\d+)?)\s*(cm|mm)\s*$")


def _width(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        m = _LENGTH().match(value)
        if not m:
            raise PydanticCustomError(
                "bad_width",
                'độ rộng cột "{value}": cần một số (tỷ lệ, ví dụ 3) hoặc một độ dài như '
                '"2.5cm", "25mm"',
                {"value": value},
            )
        number = float(m.group(1).replace(",", "."))
        # Written out in full ("2000000mm", not "2e+06mm", which the pattern refuses).
        return f"{number * (10 if m.group(2) == 'cm' else 1):.4f}".rstrip("0").rstrip(".") + "mm"
    return value


#: A column width: a number is a share of the width left after the fixed columns; "2.5cm" or
#: "25mm" is fixed (kept as millimetres, "25mm").
Width = Annotated[
    Annotated[float, Field(gt=0, le=1000)]
    | Annotated[
        str,
        Field(pattern=r"^\d+(\.\d+)?mm$"),
        # What a user may write (the validator turns it into millimetres): "2.5cm", "25 mm".
        WithJsonSchema(
            {
                "type": "string",
                "pattern": r"^\s*\d+([.,]\d+)?\s*(cm|mm)\s*$",
                "description": "độ rộng cố định, ví dụ 2.5cm hoặc 25mm",
            }
        ),
    ],
    BeforeValidator(_width),
]


class Column(Model):
    """Cột của bảng: its header text, width and alignment."""

    model_config = ConfigDict(
        title="Cột",
        json_schema_extra={
            "description": "Cột của bảng: tên cột, độ rộng và canh lề. Viết gọn: chỉ tên cột."
        },
    )

    title: Text | None = Field(
        None,
        title="Tên cột",
        description="In ở dòng tiêu đề của bảng.",
        examples=["STT", "Nội dung", "Thời gian"],
    )
    width: Width = Field(
        1, title="Độ rộng", description='Tỷ lệ (1, 2.5) hoặc độ rộng cố định "2cm", "18mm".'
    )
    align: Align = Field(
        "left",
        title="Canh lề",
        description="Canh lề các ô của cột: left, center, right hoặc justify.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"title": _scalar_text(value)} if isinstance(value, (str, int, float)) else value


class Cell(Model):
    """Ô của bảng: text (a blank line starts a new paragraph) or paragraphs, spans, looks."""

    model_config = ConfigDict(
        title="Ô",
        json_schema_extra={
            "description": "Ô của bảng: nội dung (dòng trống bắt đầu đoạn mới) hoặc danh sách "
            "dòng, gộp ô, canh lề, in đậm. Viết gọn: chỉ nội dung."
        },
    )

    text: Texts | None = Field(
        None, title="Nội dung", description="Một đoạn chữ hoặc danh sách các dòng."
    )
    colspan: int = Field(1, ge=1, le=63, title="Gộp cột", description="Số cột ô này chiếm.")
    rowspan: int = Field(1, ge=1, le=10_000, title="Gộp dòng", description="Số dòng ô này chiếm.")
    align: Align | None = Field(None, title="Canh lề", description="Mặc định theo canh lề của cột.")
    bold: StrictBool | None = Field(
        None,
        title="In đậm",
        description="true: in đậm; false: không in đậm (kể cả ở dòng tiêu đề, vốn in đậm). "
        "Mặc định: đậm ở dòng tiêu đề, thường ở các dòng khác.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if value is None or _blank(value) is None:
            return {}  # null, "" or spaces: an empty cell
        if isinstance(value, (str, int, float, list)) and not isinstance(value, bool):
            return {"text": _scalar_text(value)}
        if isinstance(value, dict) and "text" in value and _blank(value["text"]) is None:
            return {k: v for k, v in value.items() if k != "text"}
        return value

    @property
    def empty(self) -> bool:
        """Nothing in it and one place wide: what stands for a place covered by a span."""
        return self.text is None and self.colspan == 1 and self.rowspan == 1


def _number_row(value: Any) -> Any:
    """``number_row: true`` / ``false`` / a list of texts, as the full form (``None``: none)."""
    if value is False:
        return None
    if value is True:
        return {}
    if isinstance(value, list):
        return {"texts": value, "written_as_list": True}
    if value is None or isinstance(value, (dict, NumberRow)):
        return value
    raise PydanticCustomError(
        "bad_number_row",
        "cần true, false, một danh sách chữ (mỗi cột một chữ) hoặc một bảng (texts, blank, "
        "bold, italic), không phải {value}",
        {"value": repr(value) if not isinstance(value, str) else f'"{value}"'},
    )


#: A column named by its place (1 = the first) or, in a task table, by its field.
ColumnRef = Annotated[int, Field(ge=1, le=63)] | FieldName


class NumberRow(Model):
    """Dòng số thứ tự cột: "(1) (2) (3)…" under the header; which columns, texts, style.

    Offices number in italics, not bold, and often leave the STT column blank.
    """

    model_config = ConfigDict(
        title="Dòng số thứ tự cột",
        json_schema_extra={
            "description": 'Dòng "(1) (2) (3)…" dưới dòng tiêu đề: true (mọi cột, in nghiêng), '
            'danh sách chữ của từng ô ("" để trống), hoặc {texts, blank, bold, italic}.'
        },
    )

    texts: list[Annotated[Text | None, BeforeValidator(_blank_or_text)]] | None = Field(
        None,
        title="Chữ của từng ô",
        description='Mỗi cột một chữ, từ trái sang phải; "" hoặc null để trống ô. Mặc định: '
        '"(1)", "(2)"… cho các cột được đánh số.',
        examples=[["", "(1)", "(2)", "(3)"], ["A", "B", "1", "2"]],
    )
    blank: list[ColumnRef] = Field(
        default_factory=list,
        title="Cột để trống",
        description="Các cột không đánh số (số thứ tự cột từ 1, hoặc tên trường trong bảng "
        "nhiệm vụ, ví dụ number); các cột còn lại đánh (1), (2)… theo thứ tự.",
        examples=[[1], ["number"]],
    )
    bold: StrictBool = Field(False, title="In đậm", description="Mặc định: không in đậm.")
    italic: StrictBool = Field(True, title="In nghiêng", description="Mặc định: in nghiêng.")
    #: Written as a list of texts (``number_row: ["", "(1)"]``): its problems are named there.
    _short: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _from_short(cls, value: Any, handler: Any) -> Any:
        short = isinstance(value, list) or (isinstance(value, dict) and "written_as_list" in value)
        if value is True:
            value = {}
        elif isinstance(value, list):
            value = {"texts": value}
        elif isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "written_as_list"}
        row = handler(value)
        row._short = short
        return row

    def cells(self, names: list[str]) -> list[str | None]:
        """The text under each column (``None``: blank); ``names`` are the columns' fields
        (a plain table's are ""). Assumes :meth:`problem` found nothing.

        >>> NumberRow(blank=[1]).cells(["", "", ""])
        [None, '(1)', '(2)']
        >>> NumberRow(blank=["number"]).cells(["number", "task"])
        [None, '(1)']
        """
        if self.texts is not None:
            return list(self.texts)
        blank = {self._index(b, names) for b in self.blank}
        out: list[str | None] = []
        n = 0
        for i in range(len(names)):
            if i in blank:
                out.append(None)
            else:
                n += 1
                out.append(f"({n})")
        return out

    @staticmethod
    def _index(ref: int | str, names: list[str]) -> int | None:
        if isinstance(ref, int):
            return ref - 1 if ref <= len(names) else None
        return names.index(ref) if ref in names else None

    def problem(self, names: list[str]) -> tuple[tuple[str | int, ...], str] | None:
        """Where (a path under ``number_row``) and why it does not fit ``names`` columns."""
        if self.texts is not None and len(self.texts) != len(names):
            return (
                () if self._short else ("texts",),
                f"có {len(self.texts)} chữ nhưng bảng có {len(names)} cột (mỗi cột một chữ, "
                '"" để trống)',
            )
        for i, ref in enumerate(self.blank):
            if self._index(ref, names) is None:
                what = f"cột {ref}" if isinstance(ref, int) else f'trường "{ref}"'
                return (("blank", i), f"bảng không có {what}")
        return None


def _number_row_field() -> Any:
    return Field(
        None,
        title="Dòng số thứ tự cột",
        description='Thêm dòng "(1) (2) (3)…" dưới dòng tiêu đề (in nghiêng, không đậm): true cho '
        'mọi cột; một danh sách chữ, mỗi cột một chữ ("" để trống ô STT); hoặc {blank: [1], '
        "bold: true, italic: false}.",
    )


def _number_row_problem(row: NumberRow | None, names: list[str]) -> None:
    if row is None:
        return
    found = row.problem(names)
    if found:
        at, message = found
        raise PydanticCustomError("bad_number_row", message, {"at": ("number_row", *at)})


class GroupRow(Model):
    """Dòng nhóm: a row spanning the table, "I | NHIỆM VỤ CHUNG" (bold)."""

    model_config = ConfigDict(
        title="Dòng nhóm",
        json_schema_extra={
            "description": 'Dòng nhóm: một dòng trải hết chiều ngang bảng, in đậm, ví dụ "I | '
            'NHIỆM VỤ CHUNG".'
        },
    )

    group: Text = Field(
        title="Tên nhóm",
        description="Tên nhóm, in đậm trên cả dòng.",
        examples=["NHIỆM VỤ CHUNG", "NHIỆM VỤ CỤ THỂ"],
    )
    label: Text | None = Field(
        None, title="Số thứ tự nhóm", description='Ví dụ "I", "A".', examples=["I", "A"]
    )


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

    Header rows repeat on every page and no row splits across pages (the rows under one
    merged cell stay together) unless ``split_rows``; borders are single lines; text is Times
    New Roman at the table size of ``format`` (13 pt by default).
    """

    model_config = ConfigDict(
        title="Bảng",
        json_schema_extra={
            "description": "Bảng: các cột, dòng tiêu đề (nếu cần), các dòng ô có gộp ô, dòng "
            "nhóm. Dòng tiêu đề lặp lại ở mỗi trang, không dòng nào bị tách sang trang sau (trừ "
            "khi split_rows: true); chữ Times New Roman, cỡ chữ trong bảng theo format (mặc "
            "định 13)."
        },
    )

    columns: list[Column] = Field(
        min_length=1,
        max_length=63,
        title="Các cột",
        description="Các cột từ trái sang phải.",
        examples=[["STT", "Nội dung", "Thời gian"]],
    )
    header: list[list[Cell]] | None = Field(
        None,
        title="Dòng tiêu đề",
        description="Các dòng tiêu đề có gộp ô, thay cho tên cột.",
    )
    number_row: Annotated[NumberRow | None, BeforeValidator(_number_row)] = _number_row_field()
    rows: list[TableRow] = Field(
        default_factory=list,
        title="Các dòng",
        description="Mỗi dòng là một danh sách ô, hoặc một dòng nhóm {group: …}.",
    )
    split_rows: StrictBool = Field(
        False,
        title="Cho phép tách dòng sang trang sau",
        description="Mặc định không dòng nào bị tách sang trang sau (và các dòng dưới một ô "
        "gộp dọc đi cùng nhau), nên bảng dài có thể để trống cuối trang. true: dòng và nhóm "
        "dòng được tách ở cuối trang, các trang của bảng đầy như bản gốc.",
    )

    @model_validator(mode="after")
    def _fits(self) -> "Table":
        from vanban.models.grid import grid_problem

        problem = grid_problem(self)
        if problem:
            raise PydanticCustomError("bad_table", problem.message, {"at": problem.at})
        _number_row_problem(self.number_row, [""] * len(self.columns))
        return self


class TaskColumn(Model):
    """Cột của bảng nhiệm vụ: which task field it shows, its header, width and alignment."""

    model_config = ConfigDict(
        title="Cột bảng nhiệm vụ",
        json_schema_extra={
            "description": "Cột của bảng nhiệm vụ: trường của nhiệm vụ được hiển thị, tên cột, độ "
            "rộng, canh lề. Viết gọn: chỉ tên trường."
        },
    )

    field: FieldName = Field(
        title="Trường",
        description="number (STT), task, leads, coordinates, directs, performs, deadline, "
        "product, hoặc một khóa trong extra của các nhiệm vụ.",
        examples=["number", "task", "leads", "deadline"],
    )
    title: Text | None = Field(None, title="Tên cột", description="Mặc định: nhãn của trường.")
    width: Width | None = Field(
        None, title="Độ rộng", description='Tỷ lệ (1, 2.5) hoặc độ rộng cố định "2cm", "18mm".'
    )
    align: Align | None = Field(
        None, title="Canh lề", description="Canh lề các ô của cột: left, center, right, justify."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"field": value} if isinstance(value, str) else value


#: The columns of a task table when none are chosen.
DEFAULT_TASK_COLUMNS = ("number", "task", "leads", "coordinates", "deadline", "product")


def _default_task_columns() -> list[TaskColumn]:
    # A named function (not a lambda): the built validators are pickled (models._prebuilt).
    return [TaskColumn(field=f) for f in DEFAULT_TASK_COLUMNS]


class TaskGroup(Model):
    """Nhóm nhiệm vụ: a group row (I, II…) and its tasks, numbered from 1 again."""

    model_config = ConfigDict(
        title="Nhóm nhiệm vụ",
        json_schema_extra={
            "description": "Nhóm nhiệm vụ: dòng nhóm (I, II…) và các nhiệm vụ của nhóm, đánh số "
            "lại từ 1."
        },
    )

    title: Text = Field(
        title="Tên nhóm",
        description="In đậm trên dòng nhóm.",
        examples=["NHIỆM VỤ CHUNG", "NHIỆM VỤ CỤ THỂ"],
    )
    label: Text | None = Field(None, title="Số thứ tự nhóm", description="Mặc định: I, II, III…")
    tasks: list[Task] = Field(
        min_length=1, title="Các nhiệm vụ", description="Các nhiệm vụ của nhóm."
    )


class TaskTable(Model):
    """Bảng nhiệm vụ: tasks (the same data as the prose form) shown as a table."""

    model_config = ConfigDict(
        title="Bảng nhiệm vụ",
        json_schema_extra={
            "description": "Bảng nhiệm vụ: các nhiệm vụ (cùng dữ liệu như khi viết thành câu văn) "
            "trình bày thành bảng."
        },
    )

    columns: list[TaskColumn] = Field(
        default_factory=_default_task_columns,
        min_length=1,
        max_length=30,
        title="Các cột",
        description="Mặc định: STT, nhiệm vụ, chủ trì, phối hợp, thời hạn, sản phẩm.",
        examples=[["number", "task", "leads", "coordinates", "deadline"]],
    )
    number_row: Annotated[NumberRow | None, BeforeValidator(_number_row)] = _number_row_field()
    tasks: list[Task] = Field(
        default_factory=list,
        title="Các nhiệm vụ",
        description="Các nhiệm vụ, khi không chia nhóm.",
    )
    groups: list[TaskGroup] = Field(
        default_factory=list,
        title="Các nhóm nhiệm vụ",
        description="Các nhóm nhiệm vụ I, II…, thay cho tasks.",
    )
    split_rows: StrictBool = Field(
        False,
        title="Cho phép tách dòng sang trang sau",
        description="Mặc định không dòng nào bị tách sang trang sau (và các dòng dưới một ô "
        "gộp dọc đi cùng nhau), nên bảng dài có thể để trống cuối trang. true: dòng và nhóm "
        "dòng được tách ở cuối trang, các trang của bảng đầy như bản gốc.",
    )

    @model_validator(mode="after")
    def _tasks_or_groups(self) -> "TaskTable":
        if bool(self.tasks) == bool(self.groups):
            raise PydanticCustomError(
                "bad_task_table", "bảng nhiệm vụ cần tasks hoặc groups (một trong hai)"
            )
        names = [c.field for c in self.columns]
        for at, task in self.located_tasks():
            for name, n in task.span.items():
                if name not in names or names.index(name) + n > len(names):
                    raise PydanticCustomError(
                        "bad_span",
                        'span: "{name}" gộp {n} cột nhưng bảng không có đủ cột từ cột đó',
                        {"name": name, "n": n, "at": (*at, "span", name)},
                    )
        _number_row_problem(self.number_row, names)
        return self

    def located_tasks(self) -> list[tuple[tuple[str | int, ...], Task]]:
        """Each task with its place under the table (``("groups", 0, "tasks", 1)``)."""
        if self.tasks:
            return [(("tasks", i), t) for i, t in enumerate(self.tasks)]
        return [
            (("groups", g, "tasks", i), t)
            for g, group in enumerate(self.groups)
            for i, t in enumerate(group.tasks)
        ]


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


#: The place of each key of :data:`_KINDS` in it: the first there decides.
_KIND_ORDER = {key: i for i, key in enumerate(_KINDS)}
_KIND_OF = tuple(_KINDS.values())


def block_kind(value: Any) -> str | None:
    """Which block a YAML value is, from its keys (``None``: not a block)."""
    if type(value) is dict:
        # The keys of the mapping (a few) looked up in _KINDS, not the eleven of _KINDS in
        # it: the one first in _KINDS decides, as in the loop below.
        first = len(_KINDS)
        for key in value:
            i = _KIND_ORDER.get(key, first)
            if i < first:
                first = i
        if first == len(_KINDS):
            return "item" if not _ITEM_KEYS.isdisjoint(value) else None
        kind = _KIND_OF[first]
        if kind == "table" and ("tasks" in value or "groups" in value):
            return "task_table"
        return kind
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

    model_config = ConfigDict(
        title="Mục (I, II, III…)",
        json_schema_extra={
            "description": 'Mục "I.", "II."…: tiêu đề in hoa, đậm và nội dung của mục.'
        },
    )

    title: Text = Field(
        title="Tiêu đề mục",
        description="In hoa sau số La Mã.",
        examples=["Mục đích, yêu cầu", "Nhiệm vụ, giải pháp", "Tổ chức thực hiện"],
    )
    content: list[BodyBlock] = Field(
        min_length=1,
        title="Nội dung",
        description="Các khối của mục: khoản, đoạn văn, nhiệm vụ, điểm, gạch đầu dòng, bảng…",
        examples=[
            [
                {
                    "title": "Mục đích",
                    "content": [
                        {"bullets": ["Triển khai đồng bộ các nhiệm vụ, giải pháp của Đề án."]}
                    ],
                },
                {"title": "Yêu cầu", "text": "Bám sát nhiệm vụ được giao, bảo đảm tiến độ."},
            ]
        ],
    )


# Not model_rebuild(): it built each validator at import (~25 ms in every process, a plan
# without tasks or letters included); the validators are built on first use (defer_build).
# Only the fields that named a class defined further down are resolved now.
_prebuilt.resolve_fields(Bullet, Task, Item, Letter)

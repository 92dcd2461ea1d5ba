"""The layout's vocabulary: role-tagged blocks of inline content.

A :class:`Block` is one paragraph of the finished document: its :class:`Role` (which names
the Word paragraph style it gets, ``VB`` + the role in CamelCase) and its inline content,
with numbering, punctuation and wording already applied. The docx template, the plain-text
view, the HTML preview and the checker all read blocks; nothing else decides wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from vanban import _markup as markup
from vanban._markup import LineBreak, Span, Tab
from vanban._record import FrozenRecord, Record
from vanban.nd30 import styles


class Role(str, Enum):
    """What a paragraph is, by the decree's components (ô numbers in Phụ lục I, Mục IV)."""

    PARENT = "parent"  # ô 2: cơ quan chủ quản
    ISSUER = "issuer"  # ô 2: cơ quan ban hành
    NUMBER = "number"  # ô 3: số, ký hiệu
    NATIONAL = "national"  # ô 1: Quốc hiệu
    MOTTO = "motto"  # ô 1: Tiêu ngữ
    PLACE_DATE = "place_date"  # ô 4
    DOC_TYPE = "doc_type"  # ô 5a: tên loại
    TITLE = "title"  # ô 5a: trích yếu
    BASIS = "basis"  # căn cứ
    PARAGRAPH = "paragraph"  # a body paragraph
    HEADING1 = "heading1"  # mục "I. …"
    ITEM_HEADING = "item_heading"  # khoản with a title "1. Mục đích"
    ITEM = "item"  # khoản or điểm without a title
    BULLET = "bullet"  # "- …"
    SUB_BULLET = "sub_bullet"  # "+ …"
    TASK = "task"  # a numbered task
    TASK_DETAIL = "task_detail"  # "- Chủ trì: …" under a task
    CLOSING = "closing"  # the last paragraph of the content
    RECIPIENTS_LABEL = "recipients_label"  # ô 9b "Nơi nhận:"
    RECIPIENT = "recipient"  # ô 9b lines
    SIGNER_TITLE = "signer_title"  # ô 7a
    SIGNER_NAME = "signer_name"  # ô 7b
    FOOTNOTE = "footnote"  # footnote text
    SIGNER_OTHER = "signer_other"  # ô 7b: the signer's other titles (chức vụ khác)
    MARK = "mark"  # ô 10a, 10b, 11: độ mật, mức độ khẩn, phạm vi lưu hành, in a box
    CONTACT = "contact"  # ô 13: address, phone, email… at the foot of page 1
    PARAGRAPH_LEFT = "paragraph_left"  # a body paragraph aligned left, no indent
    PARAGRAPH_CENTER = "paragraph_center"  # … centred
    PARAGRAPH_RIGHT = "paragraph_right"  # … aligned right
    PAGE_BREAK = "page_break"  # the next block starts a new page
    TABLE_HEADER = "table_header"  # a header cell's paragraph: centred, bold
    TABLE_CELL = "table_cell"  # a cell's paragraph, aligned left
    TABLE_CELL_CENTER = "table_cell_center"
    TABLE_CELL_RIGHT = "table_cell_right"
    TABLE_CELL_JUSTIFY = "table_cell_justify"
    TABLE_AFTER = "table_after"  # the empty paragraph that closes a table in the body
    APPENDIX_LABEL = "appendix_label"  # "Phụ lục II"
    APPENDIX_TITLE = "appendix_title"  # its title, UPPERCASE
    APPENDIX_REFERENCE = "appendix_reference"  # "(Kèm theo Kế hoạch số … của …)"
    SUBJECT = "subject"  # ô 5b: "V/v …" under the Số line (Công văn)
    AUTHORITY = "authority"  # the authority line of a Quyết định, Nghị quyết (UPPERCASE)
    DECISION = "decision"  # "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" before the articles
    CHAPTER = "chapter"  # "Chương I"
    CHAPTER_TITLE = "chapter_title"  # its title, UPPERCASE
    ARTICLE = "article"  # "Điều 1. …": the label bold, the text regular, one paragraph
    ARTICLE_HEADING = "article_heading"  # "Điều 5. Tiêu đề": a titled article, all bold
    ADDRESSEES_LABEL = "addressees_label"  # ô 9a: "Kính gửi:" (with the one addressee)
    ADDRESSEE = "addressee"  # ô 9a: "- …;" lines under the colon
    # -- roles of Nghị quyết (Mẫu 1.1), Công điện (Mẫu 1.6) --
    CABLE_SENDER = "cable_sender"  # Công điện: "<CƠ QUAN, CHỨC DANH> điện:", centred
    CABLE_RECIPIENT = "cable_recipient"  # Công điện: "- <nơi nhận điện>;" lines under it
    # -- roles of Giấy mời (1.7), Giấy giới thiệu (1.8), Giấy nghỉ phép (1.10) --
    CONFIRMATION_TITLE = "confirmation_title"  # Mẫu 1.10: "XÁC NHẬN CỦA …" (left, below)
    CONFIRMATION_NAME = "confirmation_name"  # … the name of who confirms, room above it
    # -- roles of Biên bản (1.9), Hợp đồng, Bản ghi nhớ, Bản thỏa thuận, Thư công --

    @property
    def style(self) -> str:
        """The Word paragraph style id of the role.

        A few roles take one of Word's built-in styles (:data:`vanban.nd30.styles.BUILT_IN`).

        >>> Role.ITEM_HEADING.style, Role.FOOTNOTE.style
        ('VBItemHeading', 'FootnoteText')
        """
        built_in = styles.BUILT_IN.get(self.value)
        if built_in:
            return built_in
        return "VB" + "".join(p.capitalize() for p in self.value.split("_"))


class NoteRef(NamedTuple):
    """A footnote reference mark, numbered in document order."""

    id: int


class PageBreakMark(NamedTuple):
    """A page break inside a paragraph (``<w:br w:type="page"/>``)."""


Inline = Span | LineBreak | Tab | NoteRef | PageBreakMark


class Block(NamedTuple):
    """One paragraph: a role and its inline content.

    ``keep``: the paragraph leads into what follows (a title-only khoản, an item whose
    điểm or bullets follow, a line ending in ":") and stays on the page of the next
    paragraph (keepNext). A complete paragraph is never kept, so a run of them does not
    chain into the signature.
    """

    role: Role
    inlines: tuple[Inline, ...]
    keep: bool = False

    @property
    def text(self) -> str:
        """Plain text: spans joined, line breaks as newlines, footnote marks as their number."""
        return markup.plain(self.inlines)


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Rule(FrozenRecord):
    """A solid horizontal line of ``length`` twips centred in a container ``width`` twips wide."""

    length: int
    width: int

    __slots__ = ("length", "width")

    def __init__(
        self,
        length: int,
        width: int,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "length", length)
        setattr_(self, "width", width)

    @property
    def indent(self) -> int:
        """The left and right indent that centres the line in its container."""
        return max(0, (self.width - self.length) // 2)


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Boxed(FrozenRecord):
    """A block drawn in a box ``width`` × ``height`` twips with a ``border`` ("single",
    "double"): the marks of ô 10a, 10b and 11."""

    block: Block
    width: int
    height: int
    border: str

    __slots__ = ("block", "border", "height", "width")

    def __init__(
        self,
        block: Block,
        width: int,
        height: int,
        border: str,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "block", block)
        setattr_(self, "width", width)
        setattr_(self, "height", height)
        setattr_(self, "border", border)


class TableCell(NamedTuple):
    """A cell: its paragraphs, width (twips, of the columns it spans), the number of grid
    columns it spans and its part in a vertical merge (``None``, "restart", "continue")."""

    paras: tuple[Block, ...]
    width: int
    span: int = 1
    merge: str | None = None


class TableRow(NamedTuple):
    """A row; ``header`` rows repeat at the top of every page the table runs onto; a
    ``keep`` row (a group's title row) stays on the page of the row after it."""

    cells: tuple[TableCell, ...]
    header: bool = False
    keep: bool = False


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Table(Record):
    """A bordered table: column widths (twips) and rows. No row splits across pages unless
    ``split_rows`` (the writer's choice for long tables: pages fill, a row may continue on
    the next page)."""

    widths: tuple[int, ...]
    rows: list[TableRow]
    split_rows: bool = False

    def __init__(
        self,
        widths: tuple[int, ...],
        rows: list[TableRow],
        split_rows: bool = False,
    ) -> None:
        self.widths = widths
        self.rows = rows
        self.split_rows = split_rows

    @property
    def width(self) -> int:
        return sum(self.widths)

    def kept_rows(self, *, note_after: bool = False) -> list[bool]:
        """Which rows stay on the page of the row after them (keepNext): a group's title
        row; every row of a group under a cell merged down but the group's last, so the
        group never breaks across pages (unless ``split_rows``: then groups may break, to
        fill the pages); the last row when a note follows the table (``note_after``), so
        the note is never alone on its page.

        >>> c, down = TableCell((), 100), TableCell((), 100, merge="continue")
        >>> rows = [TableRow((c, c)), TableRow((c, c)), TableRow((down, c)), TableRow((c, c))]
        >>> Table((100, 100), rows).kept_rows(), Table((100, 100), rows, True).kept_rows()
        ([False, True, False, False], [False, False, False, False])
        >>> Table((100, 100), rows).kept_rows(note_after=True)[-1]
        True
        """
        rows = self.rows
        keeps = [r.keep for r in rows]
        if not self.split_rows:
            for i in range(len(rows) - 1):
                if any(c.merge == "continue" for c in rows[i + 1].cells):
                    keeps[i] = True
        if note_after and keeps:
            keeps[-1] = True
        return keeps

    def blocks(self) -> list[Block]:
        """The paragraphs of its cells, row by row (a merged cell once)."""
        return [p for row in self.rows for c in row.cells if c.merge != "continue" for p in c.paras]

    @property
    def text(self) -> str:
        """One line per row, cells separated by " | " (a merged cell's lower part is empty)."""
        lines = []
        for row in self.rows:
            cells = []
            for c in row.cells:
                cells.append("" if c.merge == "continue" else " / ".join(p.text for p in c.paras))
            lines.append(" | ".join(cells))
        return "\n".join(lines)


#: What a body holds: paragraphs and tables.
BodyItem = Block | Table


def flatten(items: list[BodyItem]) -> list[Block]:
    """The paragraphs of ``items``, tables opened."""
    out: list[Block] = []
    for item in items:
        if isinstance(item, Table):
            out += item.blocks()
        else:
            out.append(item)
    return out


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class AppendixLayout(Record):
    """A part after the signature on new pages: a phụ lục, or the text a Quyết định issues
    (Mẫu 1.3). Its heading lines, the short rule under them, its body, its page; ``header``
    when it carries the issuer's header table without Số and date (the issued text)."""

    heading: list[Block]
    rule: Rule
    body: list[BodyItem]
    landscape: bool
    page: dict[str, int]
    header: bool = False

    def __init__(
        self,
        heading: list[Block],
        rule: Rule,
        body: list[BodyItem],
        landscape: bool,
        page: dict[str, int],
        header: bool = False,
    ) -> None:
        self.heading = heading
        self.rule = rule
        self.body = body
        self.landscape = landscape
        self.page = page
        self.header = header


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Layout(Record):
    """A whole document as data: blocks by region, lines, footnotes and page settings."""

    header_left: list[Block]
    header_right: list[Block]
    number: Block
    place_date: Block
    issuer_rule: Rule
    motto_rule: Rule
    #: Tên loại and trích yếu (ô 5a), empty in a Công văn; the rule under them.
    heading: list[Block]
    title_rule: Rule | None
    body: list[BodyItem]
    recipients: list[Block]
    signer: list[Block]
    signer_name: Block
    footnotes: list[tuple[int, tuple[Inline, ...]]]
    page: dict[str, int]
    sizes: dict[str, int]
    fmt: dict[str, int] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    #: Phạm vi lưu hành (ô 11), above the Quốc hiệu.
    circulation: Boxed | None = None
    #: Độ mật then mức độ khẩn (ô 10a, 10b), under the Số line.
    marks: list[Boxed] = field(default_factory=list)
    #: The signer's other titles (ô 7b), above or below the name.
    signer_above_name: list[Block] = field(default_factory=list)
    signer_below_name: list[Block] = field(default_factory=list)
    #: The contact lines (ô 13) in the first-page footer.
    contact: list[Block] = field(default_factory=list)

    appendices: list[AppendixLayout] = field(default_factory=list)
    #: "V/v …" (ô 5b) under the Số line: a Công văn's trích yếu.
    subject: list[Block] = field(default_factory=list)
    #: The authority line of a Quyết định or Nghị quyết, under the heading.
    authority: list[Block] = field(default_factory=list)
    #: "Kính gửi:" and its addressees (ô 9a), before the body.
    addressees: list[Block] = field(default_factory=list)
    #: A signature block under the closing, on the left: the xác nhận of Mẫu 1.10.
    confirmation: list[Block] = field(default_factory=list)
    #: Two signers side by side (Biên bản, Mẫu 1.9; Hợp đồng…): each column's title lines
    #: then its name; in place of ``signer`` and ``signer_name``, with the Nơi nhận under the
    #: left column.
    signer_pair: tuple[list[Block], list[Block]] | None = None

    def __init__(
        self,
        header_left: list[Block],
        header_right: list[Block],
        number: Block,
        place_date: Block,
        issuer_rule: Rule,
        motto_rule: Rule,
        heading: list[Block],
        title_rule: Rule | None,
        body: list[BodyItem],
        recipients: list[Block],
        signer: list[Block],
        signer_name: Block,
        footnotes: list[tuple[int, tuple[Inline, ...]]],
        page: dict[str, int],
        sizes: dict[str, int],
        fmt: dict[str, int] | None = None,
        properties: dict[str, str] | None = None,
        circulation: Boxed | None = None,
        marks: list[Boxed] | None = None,
        signer_above_name: list[Block] | None = None,
        signer_below_name: list[Block] | None = None,
        contact: list[Block] | None = None,
        appendices: list[AppendixLayout] | None = None,
        subject: list[Block] | None = None,
        authority: list[Block] | None = None,
        addressees: list[Block] | None = None,
        confirmation: list[Block] | None = None,
        signer_pair: tuple[list[Block], list[Block]] | None = None,
    ) -> None:
        self.header_left = header_left
        self.header_right = header_right
        self.number = number
        self.place_date = place_date
        self.issuer_rule = issuer_rule
        self.motto_rule = motto_rule
        self.heading = heading
        self.title_rule = title_rule
        self.body = body
        self.recipients = recipients
        self.signer = signer
        self.signer_name = signer_name
        self.footnotes = footnotes
        self.page = page
        self.sizes = sizes
        self.fmt = {} if fmt is None else fmt
        self.properties = {} if properties is None else properties
        self.circulation = circulation
        self.marks = [] if marks is None else marks
        self.signer_above_name = [] if signer_above_name is None else signer_above_name
        self.signer_below_name = [] if signer_below_name is None else signer_below_name
        self.contact = [] if contact is None else contact
        self.appendices = [] if appendices is None else appendices
        self.subject = [] if subject is None else subject
        self.authority = [] if authority is None else authority
        self.addressees = [] if addressees is None else addressees
        self.confirmation = [] if confirmation is None else confirmation
        self.signer_pair = signer_pair

    def signature(self) -> list[Block]:
        """The signature region in reading order: Nơi nhận then the signer, or the two
        signers (left, right) then the Nơi nhận under them; then a xác nhận block."""
        if self.signer_pair is not None:
            return [
                *self.signer_pair[0],
                *self.signer_pair[1],
                *self.recipients,
                *self.confirmation,
            ]
        return [
            *self.recipients,
            *self.signer,
            *self.signer_above_name,
            self.signer_name,
            *self.signer_below_name,
            *self.confirmation,
        ]

    def items(self) -> list[BodyItem]:
        """Every paragraph and table in reading order: the circulation mark, header left
        (with V/v and the marks) then right, heading, authority line, Kính gửi, body, recipients, signer, the first-page footer, then each phụ
        lục."""
        out: list[BodyItem] = [
            *([self.circulation.block] if self.circulation else []),
            *self.header_left,
            self.number,
            *self.subject,
            *(m.block for m in self.marks),
            *self.header_right,
            self.place_date,
            *self.heading,
            *self.authority,
            *self.addressees,
            *self.body,
            *self.signature(),
            *self.contact,
        ]
        for a in self.appendices:
            if a.header:
                out += [*self.header_left, *self.header_right]
            out += [*a.heading, *a.body]
        return out

    def blocks(self) -> list[Block]:
        """Every paragraph in reading order, tables opened into their cells' paragraphs."""
        return flatten(self.items())

    def text(self) -> str:
        """The plain-text view used by tests and previews: one line per paragraph, a table
        one line per row, then footnotes."""
        lines = [item.text for item in self.items()]
        for number, inlines in self.footnotes:
            lines.append(f"[{number}] " + Block(Role.FOOTNOTE, inlines).text)
        return "\n".join(lines)

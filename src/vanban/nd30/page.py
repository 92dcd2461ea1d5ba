"""Page, margins, font, sizes and spacing (Phụ lục I, Mục I;
Mục II, 6; the table of Mục V).

All lengths are in twips (1/20 pt, 1/1440 inch), the unit of WordprocessingML; sizes are in
points (the template writes half-points).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban._record import FrozenRecord

#: 1 mm in twips. Lengths are rounded to whole twips.
TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres to twips, rounded.

    >>> mm(20), mm(25), mm(30), mm(35), mm(15)
    (1134, 1417, 1701, 1984, 850)
    """
    return round(value * TWIPS_PER_MM)


#: Paper: A4 portrait, 210 × 297 mm (I.1, I.2).
PAPER_MM = (210, 297)
#: The A4 page in twips, as Word writes it: 11906 × 16838.
PAGE_WIDTH = mm(PAPER_MM[0])
PAGE_HEIGHT = mm(PAPER_MM[1])
#: Other A4 sizes Word has written (its rounding differs by a twip or two between versions).
A4_AS_WRITTEN = ((PAGE_WIDTH, PAGE_HEIGHT), (11907, 16840), (11907, 16839), (11905, 16838))
#: How far (twips) a page may be from one of those and still be A4.
A4_TOLERANCE = 10
#: Font (I.4): Times New Roman, Unicode TCVN 6909:2001, black.
FONT = "Times New Roman"
COLOR = "000000"
#: The darkest shade of each channel still black on paper: Word's "Text 1, lighter 5 %"
#: (#0D0D0D) and the near-blacks of copied text print as black (Phụ lục I, Mục I, 4).
NEAR_BLACK_MAX = 0x20


def is_black(color: str | None) -> bool:
    """Whether a run colour (``w:color`` value) prints as black (Phụ lục I, Mục I, 4):
    automatic, black, or a near-black whose channels are all at most :data:`NEAR_BLACK_MAX`.

    >>> is_black(None), is_black("auto"), is_black("000000"), is_black("0D0D0D")
    (True, True, True, True)
    >>> is_black("0000FF"), is_black("404040"), is_black("junk")
    (False, False, False)
    """
    if color is None or color.lower() == "auto":
        return True
    if len(color) != 6:
        return False
    try:
        channels = [int(color[k : k + 2], 16) for k in (0, 2, 4)]
    except ValueError:
        return False
    return all(c <= NEAR_BLACK_MAX for c in channels)


def is_a4(width: int, height: int) -> bool:
    """Whether a page of ``width`` × ``height`` twips, either way round, is A4 (I.1).

    >>> is_a4(11906, 16838), is_a4(16840, 11907), is_a4(12240, 15840)  # Letter is not
    (True, True, False)
    """
    short, long = min(width, height), max(width, height)
    return any(
        abs(short - w) <= A4_TOLERANCE and abs(long - h) <= A4_TOLERANCE for w, h in A4_AS_WRITTEN
    )


#: The margin ranges of I.3, in mm: (least, most).
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Margins(FrozenRecord):
    """Page margins in millimetres; each must lie in the I.3 range.

    The default is the decree's own files' setting: top 25, bottom 20, left 35, right 20 mm
    (Phụ lục I, Mục I, 1–4), which leaves a 155 mm text width.

    >>> Margins().twips()
    {'top': 1417, 'bottom': 1134, 'left': 1984, 'right': 1134}
    >>> Margins(left=40)
    Traceback (most recent call last):
    ...
    ValueError: lề trái (left) phải từ 30 đến 35 mm, không phải 40 mm
    """

    top: float = 25
    bottom: float = 20
    left: float = 35
    right: float = 20

    def __init__(
        self,
        top: float = 25,
        bottom: float = 20,
        left: float = 35,
        right: float = 20,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "top", top)
        setattr_(self, "bottom", bottom)
        setattr_(self, "left", left)
        setattr_(self, "right", right)
        self.__post_init__()

    def __post_init__(self) -> None:
        names = {"top": "lề trên", "bottom": "lề dưới", "left": "lề trái", "right": "lề phải"}
        for side, (lo, hi) in MARGIN_RANGES_MM.items():
            value = getattr(self, side)
            if not lo <= value <= hi:
                raise ValueError(
                    f"{names[side]} ({side}) phải từ {lo} đến {hi} mm, không phải {value:g} mm"
                )

    def twips(self) -> dict[str, int]:
        """The margins in twips, for the section properties."""
        return {side: mm(getattr(self, side)) for side in ("top", "bottom", "left", "right")}

    @property
    def text_width(self) -> int:
        """The width between the margins, in twips.

        >>> Margins().text_width
        8788
        """
        return text_width(self)


MARGINS_DEFAULT = Margins()
#: Header distance: the page number sits in the top margin, 10 mm from the edge as in the
#: decree's own files (Phụ lục I, Mục I, 7).
HEADER_DISTANCE = mm(10)
FOOTER_DISTANCE = mm(10)


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class SizePreset(FrozenRecord):
    """Font sizes (pt) of every component, chosen together (footnote 1 of the §V table).

    When a component may be sized in a range, the choices move together: Quốc hiệu 13 with
    Tiêu ngữ 14 and the date 14, or Quốc hiệu 12 with Tiêu ngữ 13 and the date 13. Số (13),
    "Nơi nhận:" (12) and recipient lines (11) are fixed by the decree.

    >>> SIZE_PRESETS["14"].motto, SIZE_PRESETS["13"].motto
    (14, 13)
    >>> SIZE_PRESETS["13"].number, SIZE_PRESETS["13"].recipient
    (13, 11)
    """

    name: str
    national: int  # Quốc hiệu, 12–13
    motto: int  # Tiêu ngữ, 13–14
    parent: int  # tên cơ quan chủ quản, 12–13
    issuer: int  # tên cơ quan ban hành, 12–13
    place_date: int  # địa danh, thời gian, 13–14
    doc_type: int  # tên loại, 13–14
    title: int  # trích yếu, 13–14
    body: int  # nội dung, 13–14
    signer: int  # quyền hạn, chức vụ, họ tên, 13–14
    page_number: int  # số trang, 13–14
    number: int = 13  # số, ký hiệu: 13
    recipients_label: int = 12  # "Nơi nhận:": 12
    recipient: int = 11  # recipient lines: 11
    subject: int = 12  # "V/v …" of a Công văn (ô 5b), 12–13: 12 as the §V example
    footnote: int = 12  # not regulated by the decree: one step below the body, common practice
    rule_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __init__(
        self,
        name: str,
        national: int,
        motto: int,
        parent: int,
        issuer: int,
        place_date: int,
        doc_type: int,
        title: int,
        body: int,
        signer: int,
        page_number: int,
        number: int = 13,
        recipients_label: int = 12,
        recipient: int = 11,
        subject: int = 12,
        footnote: int = 12,
        rule_lines: dict[str, int] | None = None,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "name", name)
        setattr_(self, "national", national)
        setattr_(self, "motto", motto)
        setattr_(self, "parent", parent)
        setattr_(self, "issuer", issuer)
        setattr_(self, "place_date", place_date)
        setattr_(self, "doc_type", doc_type)
        setattr_(self, "title", title)
        setattr_(self, "body", body)
        setattr_(self, "signer", signer)
        setattr_(self, "page_number", page_number)
        setattr_(self, "number", number)
        setattr_(self, "recipients_label", recipients_label)
        setattr_(self, "recipient", recipient)
        setattr_(self, "subject", subject)
        setattr_(self, "footnote", footnote)
        setattr_(self, "rule_lines", {} if rule_lines is None else rule_lines)

    def half_points(self) -> dict[str, int]:
        """Every size in half-points (``w:sz``), keyed by component."""
        names = [
            "national",
            "motto",
            "parent",
            "issuer",
            "place_date",
            "doc_type",
            "title",
            "body",
            "signer",
            "page_number",
            "number",
            "recipients_label",
            "recipient",
            "subject",
            "footnote",
        ]
        return {n: 2 * getattr(self, n) for n in names}


SIZE_PRESETS: dict[str, SizePreset] = {
    "14": SizePreset(
        "14",
        national=13,
        motto=14,
        parent=13,
        issuer=13,
        place_date=14,
        doc_type=14,
        title=14,
        body=14,
        signer=14,
        page_number=14,
    ),
    "13": SizePreset(
        "13",
        national=12,
        motto=13,
        parent=12,
        issuer=12,
        place_date=13,
        doc_type=13,
        title=13,
        body=13,
        signer=13,
        page_number=13,
    ),
}

#: Body paragraphs (II.6.e): justified, first-line indent 1 cm or 1.27 cm, at least 6 pt
#: between paragraphs, line spacing from single to 1.5 lines.
#: The two first-line indents, by the names a document's format gives them.
FIRST_LINE_INDENTS = {"1cm": mm(10), "1.27cm": mm(12.7)}
FIRST_LINE_INDENT = FIRST_LINE_INDENTS["1cm"]  # 567
FIRST_LINE_INDENTS_ALLOWED = tuple(FIRST_LINE_INDENTS.values())  # (567, 720)
PARAGRAPH_SPACING_MIN = 120  # 6 pt, in twips
PARAGRAPH_SPACING = 120  # space before each body paragraph, as Mẫu 1.4
LINE_SPACING = 240  # single ("dòng đơn"), in 240ths of a line
LINE_SPACING_RANGE = (240, 360)
#: The same range in lines, as a document's format gives it: single to 1.5 lines.
LINE_SPACING_LINES = (LINE_SPACING_RANGE[0] / LINE_SPACING, LINE_SPACING_RANGE[1] / LINE_SPACING)


def first_line_indent(name: str) -> int:
    """The body's first-line indent (II.6.e: "lùi vào 1 cm hoặc 1,27 cm"), in twips, by its
    name in a document's format.

    >>> first_line_indent("1cm"), first_line_indent("1.27cm")
    (567, 720)
    """
    return FIRST_LINE_INDENTS[name]


def line_spacing(lines: float) -> int:
    """The body's line spacing (II.6.e: "từ cách dòng đơn đến 1,5 lines") given in lines, as
    ``w:line`` of an "auto" spacing (240ths of a line).

    >>> line_spacing(1.0), line_spacing(1.15), line_spacing(1.5)
    (240, 276, 360)
    >>> LINE_SPACING_LINES
    (1.0, 1.5)
    """
    return round(LINE_SPACING * lines)


#: Header table (Mẫu 1.4, Phụ lục III): left (ô 2, 3) and right (ô 1, 4) columns, in twips,
#: and the table's indent; it overhangs the text width slightly, as the decree's does.
HEADER_COLUMNS = (3827, 5670)
HEADER_INDENT = -198
#: The Nơi nhận / signer table: a wider left column than Mẫu 1.4 (which has 5.28 / 11.09 cm),
#: because real recipient lists are long and the signer block needs about 7 cm.
SIGNER_COLUMNS = (4649, 4139)
#: Default cell margins of a Word table (left and right), in twips.
CELL_MARGIN = 108
#: Room for the signature and the seal between the title lines and the name (ô 7c, 8).
SIGNATURE_SPACE = mm(25)
#: The short lines under the issuer's name and the trích yếu are 1/3–1/2 of the text line
#: (II.2.c, II.5.b); vanban aims at 40 % of the longest line, in the middle of the range.
RULE_FRACTION = 0.4
RULE_FRACTION_RANGE = (1 / 3, 1 / 2)

#: Orientation (I.2): portrait; landscape is allowed for content with tables or charts
#: (vanban offers it to phụ lục). A landscape A4 page is the portrait one turned.
LANDSCAPE_WIDTH = PAGE_HEIGHT
LANDSCAPE_HEIGHT = PAGE_WIDTH


def text_width(margins: Margins, *, landscape: bool = False) -> int:
    """The width between the margins of a portrait or landscape page, in twips; the margins
    keep their sides (the left one is the binding edge either way).

    >>> text_width(MARGINS_DEFAULT), text_width(MARGINS_DEFAULT, landscape=True)
    (8788, 13720)
    """
    t = margins.twips()
    return (LANDSCAPE_WIDTH if landscape else PAGE_WIDTH) - t["left"] - t["right"]


#: Tables (bảng, biểu): the decree sets no size for their text (UNCONFIRMED);
#: offices set them one or two steps below the body, 12–13 pt. vanban uses 13 pt by default.
TABLE_SIZE = 13
TABLE_SIZE_RANGE = (11, 14)
#: Table borders: single lines of ½ pt (w:sz in eighths of a point), black, as Mẫu 1.4's
#: own bordered tables and the offices' task tables have them.
TABLE_BORDER = 4
#: Cell margins (left and right) of a bordered table, in twips (Word's default, 0.19 cm).
TABLE_CELL_MARGIN = 108
#: Space after a table in the body, before the next paragraph (6 pt, as between paragraphs).
TABLE_SPACE_AFTER = PARAGRAPH_SPACING

"""The look of every paragraph style vanban writes, as data (Phụ lục I, Mục II–III and the
table of Mục V; the run sizes of the Mẫu of Phụ lục III).

Each component of a document is one Word paragraph style, "VB" + its layout role in
CamelCase (:attr:`vanban.layout.blocks.Role.style`), defined in the template's
``word/styles.xml``. This table says, per style, what the decree sets for the component:
its size (a field of the size preset, :class:`vanban.nd30.page.SizePreset`, so the two
presets move together; or a fixed size), bold, italic, capitals, alignment, first-line
indent and spacing. ``styles.xml`` is held to it by ``tests/test_nd30_styles.py``, which
renders it with both presets and compares every style's effective properties.

The decree's words: "in hoa" is :attr:`Style.upper` (the layout writes the text in capitals;
the style sets no caps, so copied text stays as it reads), "đứng" is neither bold nor italic,
"đậm" :attr:`Style.bold`, "nghiêng" :attr:`Style.italic`.

Some styles are not components but drawing devices of vanban's own (the short lines under a
name, spacers before a table's end or a page break): their ``source`` says so.

>>> STYLES["VBNational"].size, STYLES["VBNational"].bold, STYLES["VBNational"].upper
('national', True, True)
>>> STYLES["VBRecipientsLabel"].for_format(page.SIZE_PRESETS["13"]).size
12
>>> sorted({s.align for s in STYLES.values()})
['both', 'center', 'left', 'right']
>>> [STYLES["VBMotto"].for_format(page.SIZE_PRESETS[p]).size for p in ("14", "13")]
[14, 13]
>>> all(isinstance(s.size, int) or s.size in SIZE_KEYS for s in STYLES.values())
True
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from vanban._record import FrozenRecord
from vanban.nd30 import appendix, marks, page

#: A value the document's format chooses, inside the decree's range: the first-line indent
#: (:data:`vanban.nd30.page.FIRST_LINE_INDENTS`) or the line spacing
#: (:data:`vanban.nd30.page.LINE_SPACING_LINES`) of the body.
FORMAT = "format"
#: The size key of the text in tables: the document's ``table_size``
#: (:data:`vanban.nd30.page.TABLE_SIZE` by default; the decree sets none).
TABLE = "table"
#: Size (pt) of a paragraph that only carries a short line (a bottom border: under the
#: issuer, the trích yếu, above the contact lines) or a gap: small, so it takes no room.
RULE_SIZE = 2
#: Size (pt) of an empty spacer paragraph (before a page break, after a table, at the end).
SPACER_SIZE = 1
#: The exact line height (twips) of those paragraphs.
RULE_LINE = 110
MARK_GAP_LINE = 120
SPACER_LINE = 20


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Style(FrozenRecord):
    """The decree's formatting of one paragraph style.

    ``size`` is a field of :class:`vanban.nd30.page.SizePreset` ("national", "body"…),
    :data:`TABLE`, or a fixed size in pt. ``align`` is the Word value ("left", "center",
    "both" = justified, "right"). Lengths are in twips; ``line`` is in 240ths of a line when
    ``line_rule`` is "auto" and in twips when it is "exact"; ``first_line`` and ``line`` may
    be :data:`FORMAT`. ``keep_next``: every paragraph of the style is a heading kept on the
    page of the next paragraph (keepNext); a body paragraph that leads into what follows only
    sometimes (a khoản with a title and a text, an item with điểm under it) is kept by the
    layout (:attr:`vanban.layout.blocks.Block.keep`), not by its style, so a run of complete
    paragraphs never chains into the signature. ``source`` is the place in the decree (or
    why vanban chose it).

    >>> Style("body", source="II.6").line, Style("body", source="II.6").line_rule
    (240, 'auto')
    """

    size: str | int
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: str = "left"
    first_line: int | str = 0
    before: int = 0
    after: int = 0
    line: int | str = page.LINE_SPACING
    line_rule: str = "auto"
    keep_next: bool = False
    source: str = ""

    def __init__(
        self,
        size: str | int,
        bold: bool = False,
        italic: bool = False,
        upper: bool = False,
        align: str = "left",
        first_line: int | str = 0,
        before: int = 0,
        after: int = 0,
        line: int | str = page.LINE_SPACING,
        line_rule: str = "auto",
        keep_next: bool = False,
        source: str = "",
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "size", size)
        setattr_(self, "bold", bold)
        setattr_(self, "italic", italic)
        setattr_(self, "upper", upper)
        setattr_(self, "align", align)
        setattr_(self, "first_line", first_line)
        setattr_(self, "before", before)
        setattr_(self, "after", after)
        setattr_(self, "line", line)
        setattr_(self, "line_rule", line_rule)
        setattr_(self, "keep_next", keep_next)
        setattr_(self, "source", source)

    def for_format(
        self,
        preset: page.SizePreset,
        *,
        first_line_indent: str = "1cm",
        line_spacing: float = 1.0,
        table_size: int = page.TABLE_SIZE,
    ) -> Style:
        """The style with a document's choices filled in: the size in pt from the preset (or
        the table size), the body's indent and line spacing from its format.

        >>> body = STYLES["VBParagraph"].for_format(
        ...     page.SIZE_PRESETS["13"], first_line_indent="1.27cm", line_spacing=1.5
        ... )
        >>> body.size, body.first_line, body.line, body.align
        (13, 720, 360, 'both')
        >>> STYLES["VBTableCell"].for_format(page.SIZE_PRESETS["14"], table_size=12).size
        12
        """
        size = self.size
        if size == TABLE:
            size = table_size
        elif isinstance(size, str):
            size = getattr(preset, size)
        first_line = self.first_line
        if first_line == FORMAT:
            first_line = page.first_line_indent(first_line_indent)
        line = self.line
        if line == FORMAT:
            line = page.line_spacing(line_spacing)
        return dataclasses.replace(self, size=size, first_line=first_line, line=line)


#: A paragraph of the content (ô 6): the body's size, justified, the format's first-line
#: indent and line spacing, 6 pt before (II.6.e). Other body styles are this one changed.
BODY = Style(
    "body",
    align="both",
    first_line=FORMAT,
    before=page.PARAGRAPH_SPACING,
    line=FORMAT,
    source="II.6.e: in thường, đứng, 13–14, canh đều hai lề, lùi 1–1,27 cm, cách đoạn ≥ 6 pt, "
    "dòng đơn đến 1,5 dòng",
)
#: A table cell's paragraph: the table size, a little room above and below.
TABLE_CELL = Style(
    TABLE,
    before=40,
    after=40,
    source="bảng: the decree sets no size; vanban: 13, single spacing",
)


def _device(size: int, line: int, source: str, align: str = "left", after: int = 0) -> Style:
    """A paragraph of vanban's own that draws a line or keeps a gap: exact line height."""
    return Style(size, align=align, after=after, line=line, line_rule="exact", source=source)


_body = functools.partial(dataclasses.replace, BODY)
_table = functools.partial(dataclasses.replace, TABLE_CELL)
_RULE = "vanban: the paragraph whose bottom border is the short solid line ('nét liền')"
_SPACER = "vanban: an empty spacer paragraph"

#: Roles whose paragraphs take one of Word's built-in styles instead of a "VB" one, by role:
#: the footnote text. Word, LibreOffice and other clients know these by name ("footnote text")
#: and map them to their own footnote styles (LibreOffice raises the number in the footnote
#: area only for them).
#:
#: >>> BUILT_IN["footnote"]
#: 'FootnoteText'
BUILT_IN: dict[str, str] = {"footnote": "FootnoteText"}
#: Word's built-in character style of a footnote's number ("footnote reference"): raised
#: (superscript) in the text and in the footnote area.
FOOTNOTE_REFERENCE = "FootnoteReference"

#: The formatting of every paragraph style of ``styles.xml``, by style id.
STYLES: dict[str, Style] = {
    # Header table (ô 1–4)
    "VBParent": Style("parent", upper=True, align="center", source="II.2.a, §V: in hoa, đứng"),
    "VBIssuer": Style(
        "issuer", bold=True, upper=True, align="center", source="II.2.b, §V: in hoa, đứng, đậm"
    ),
    "VBRule": _device(RULE_SIZE, RULE_LINE, f"{_RULE} under the issuer (II.2.c)", align="center"),
    "VBNumber": Style(
        "number", align="center", before=60, source="II.3.c, §V: 13, đứng, under the issuer"
    ),
    "VBNational": Style(
        "national", bold=True, upper=True, align="center", source="II.1.a, §V: in hoa, đứng, đậm"
    ),
    "VBMotto": Style("motto", bold=True, align="center", source="II.1.b, §V: in thường, đứng, đậm"),
    "VBPlaceDate": Style(
        "place_date", italic=True, align="center", before=60, source="II.4.c, §V: nghiêng"
    ),
    # Marks (ô 10a, 10b, 11), the signer's other titles (ô 7b), the contact lines (ô 13)
    "VBMark": Style(
        marks.MARK_SIZE,
        bold=True,
        upper=True,
        align="center",
        source="III.2.a–c: in hoa, 13–14, đứng, đậm, in a box",
    ),
    "VBMarkGap": _device(RULE_SIZE, MARK_GAP_LINE, f"{_SPACER} between two marks"),
    "VBSignerOther": Style(
        "signer", bold=True, upper=True, align="center", source="II.7.đ: in hoa, đứng, đậm"
    ),
    "VBContactRule": _device(
        RULE_SIZE,
        RULE_LINE,
        f"{_RULE} above the contact lines (III.4)",
        align="center",
        after=40,
    ),
    "VBContact": Style(marks.CONTACT_SIZE, source="III.4, §V: in thường, 11–12, đứng"),
    # Tên loại, trích yếu (ô 5a)
    "VBDocType": Style(
        "doc_type",
        bold=True,
        upper=True,
        align="center",
        before=480,
        source="II.5.b, §V: in hoa, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBTitle": Style(
        "title",
        bold=True,
        align="center",
        source="II.5.b, §V: in thường, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBTitleRule": _device(
        RULE_SIZE, RULE_LINE, f"{_RULE} under the trích yếu (II.5.b)", align="center", after=240
    ),
    # V/v of a Công văn (ô 5b); Quyết định, Nghị quyết (Mẫu 1.1–1.3); Kính gửi (ô 9a)
    "VBSubject": Style(
        "subject",
        align="center",
        before=page.PARAGRAPH_SPACING,
        source="II.5.b, §V: V/v in thường, 12–13, đứng, canh giữa dưới số, ký hiệu",
    ),
    "VBAuthority": Style(
        "body",
        bold=True,
        upper=True,
        align="center",
        source="Mẫu 1.1–1.3: thẩm quyền ban hành in hoa, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBDecision": Style(
        "body",
        bold=True,
        upper=True,
        align="center",
        before=page.PARAGRAPH_SPACING,
        source="Mẫu 1.1–1.3: 'QUYẾT ĐỊNH:' in hoa, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBAddresseesLabel": Style(
        "body",
        before=240,
        source="II.9.a, Mẫu 1.5: 'Kính gửi:' in thường, đứng",
        keep_next=True,
    ),
    "VBAddressee": Style("body", source="II.9.a: '- …;' lines under the colon", keep_next=True),
    # Chương, điều (Phụ lục I, Mục II, 6.đ)
    "VBChapter": Style(
        "body",
        bold=True,
        align="center",
        before=240,
        source="II.6.đ: 'Chương I' in thường, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBChapterTitle": Style(
        "body",
        bold=True,
        upper=True,
        align="center",
        source="II.6.đ: tiêu đề chương in hoa, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBArticle": _body(source="II.6.đ: 'Điều 1.' bold in its runs, the text in thường"),
    "VBArticleHeading": _body(
        bold=True, source="II.6.đ: điều có tiêu đề, đứng, đậm", keep_next=True
    ),
    # -- styles of Nghị quyết (Mẫu 1.1), Công điện (Mẫu 1.6) --
    "VBCableSender": Style(
        "body",
        align="center",
        before=2 * page.PARAGRAPH_SPACING,
        source="Mẫu 1.6 fn 6: '<cơ quan, chức danh> điện:' in thường, đứng, canh giữa, "
        "sau một dòng trống",
        keep_next=True,
    ),
    "VBCableRecipient": _body(
        first_line=0,
        source="Mẫu 1.6 fn 7: '- <nơi nhận điện>;' mỗi nơi một dòng, cách lề trái khoảng 5,5 cm",
        keep_next=True,
    ),
    # -- styles of Giấy mời (1.7), Giấy giới thiệu (1.8), Giấy nghỉ phép (1.10) --
    "VBConfirmationTitle": Style(
        "signer",
        bold=True,
        upper=True,
        align="center",
        source="Mẫu 1.10: xác nhận of the place of leave, a signer title (II.7.đ)",
        keep_next=True,
    ),
    "VBConfirmationName": Style(
        "signer",
        bold=True,
        align="center",
        before=page.SIGNATURE_SPACE,
        source="Mẫu 1.10: the name under the xác nhận, 14 đậm; room for chữ ký and dấu above",
    ),
    # -- styles of Biên bản (1.9), Hợp đồng, Bản ghi nhớ, Bản thỏa thuận, Thư công --
    # Nội dung (ô 6)
    "VBParagraph": BODY,
    "VBBasis": _body(italic=True, source="II.6.a: căn cứ in nghiêng"),
    "VBHeading1": _body(
        bold=True,
        upper=True,
        source="II.6.c–đ, §V row 6: mục (I, II…) in hoa, đậm",
        keep_next=True,
    ),
    "VBItemHeading": _body(
        source="II.6, §V row 6: khoản with a title; its runs are bold; kept with the next "
        "paragraph by the layout only when it leads into it"
    ),
    "VBItem": BODY,
    "VBBullet": BODY,
    "VBSubBullet": BODY,
    "VBTask": BODY,
    "VBTaskDetail": BODY,
    "VBClosing": _body(
        source="II.6: the last paragraph of the content, kept with the signature block",
        keep_next=True,
    ),
    "VBParagraphLeft": _body(first_line=0, align="left", source="II.6: a line set apart"),
    "VBParagraphCenter": _body(first_line=0, align="center", source="II.6: a line set apart"),
    "VBParagraphRight": _body(first_line=0, align="right", source="II.6: a line set apart"),
    "VBPageBreak": _device(SPACER_SIZE, SPACER_LINE, f"{_SPACER} holding a page break"),
    # Bảng
    "VBTableCell": TABLE_CELL,
    "VBTableCellCenter": _table(align="center"),
    "VBTableCellRight": _table(align="right"),
    "VBTableCellJustify": _table(align="both"),
    "VBTableHeader": _table(bold=True, align="center", keep_next=True),
    "VBTableAfter": _device(
        SPACER_SIZE, page.TABLE_SPACE_AFTER, f"{_SPACER} after a table: 6 pt as between paragraphs"
    ),
    # Phụ lục (III.1; Mẫu 2.1)
    "VBAppendixLabel": Style(
        appendix.LABEL_SIZE,
        bold=True,
        align="center",
        source="III.1.c: 'Phụ lục' in thường, 14, đứng, đậm, canh giữa",
        keep_next=True,
    ),
    "VBAppendixTitle": Style(
        "title",
        bold=True,
        upper=True,
        align="center",
        source="III.1.c: in hoa, 13–14, đứng, đậm",
        keep_next=True,
    ),
    "VBAppendixReference": Style(
        appendix.REFERENCE_SIZE,
        italic=True,
        align="center",
        source="III.1.c, Mẫu 2.1: (Kèm theo …) nghiêng, 13–14",
        keep_next=True,
    ),
    # Nơi nhận (ô 9b), người ký (ô 7a, 7b)
    "VBRecipientsLabel": Style(
        "recipients_label", bold=True, italic=True, source="II.9.d, §V: 12, nghiêng, đậm"
    ),
    "VBRecipient": Style("recipient", source="II.9.d, §V: 11, đứng"),
    "VBSignerTitle": Style(
        "signer",
        bold=True,
        upper=True,
        align="center",
        source="II.7.đ, §V: in hoa, đứng, đậm",
        keep_next=True,
    ),
    "VBSignerName": Style(
        "signer",
        bold=True,
        align="center",
        before=page.SIGNATURE_SPACE,
        source="II.7.đ, §V: in thường, đứng, đậm; room for chữ ký and dấu above (ô 7c, 8)",
    ),
    "VBEnd": _device(SPACER_SIZE, SPACER_LINE, f"{_SPACER} closing the document"),
    # Chú thích (Word's built-in "footnote text", :data:`BUILT_IN`), số trang
    "FootnoteText": Style("footnote", align="both", source="not set by the decree: one step below"),
    "VBPageNumber": Style("page_number", align="center", source="I.7, §V: 13–14, giữa lề trên"),
}

#: The size keys a style may name: the components of the preset, and the table's.
SIZE_KEYS = frozenset(page.SIZE_PRESETS["14"].half_points()) | {TABLE}

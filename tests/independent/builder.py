"""The independent test set: Word documents built the way offices build them, with python-docx.

Each document is described by a spec in ``manifest.json`` (beside this file) together with
what a văn thư finds wrong in it: the detected type, whether it is an NĐ30 document, and the
rule IDs of the findings it deserves. The documents are generated, never stored, and kept
apart from the development corpus (``../shared/corpus``): the checker is tuned on the corpus
and measured here.

Offices' ways of making a document that the specs switch on: formatting from a chain of
paragraph styles (``styled``) or typed on each run; the header in a 2-column, 3-column (with
a spacer) or 3-row grid; the lines under the header drawn as DrawingML or VML shapes or
paragraph borders; automatic numbering for the recipients and the body's points; blank
paragraphs for spacing; a bordered table in the body; a 3-column signer table or a 2-column
one; a table before the header; a V/v in a text box; text typed without diacritics.

    python tests/independent/builder.py OUT_DIR     # writes OUT_DIR/<name>.docx for each spec
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

MANIFEST = Path(__file__).with_name("manifest.json")
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
_GRAPHIC = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

#: Each kind: tên loại, ký hiệu, trích yếu, whether it prints Kính gửi, and its body.
KINDS: dict[str, dict[str, Any]] = {
    "quyet_dinh": {"heading": "QUYẾT ĐỊNH", "abbr": "QĐ", "title": "Về việc phê duyệt Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2026"},
    "ke_hoach": {"heading": "KẾ HOẠCH", "abbr": "KH", "title": "Tổ chức Hội nghị tập huấn nghiệp vụ văn thư năm 2026"},
    "bao_cao": {"heading": "BÁO CÁO", "abbr": "BC", "title": "Kết quả thực hiện nhiệm vụ quý I năm 2026"},
    "thong_bao": {"heading": "THÔNG BÁO", "abbr": "TB", "title": "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3 năm 2026"},
    "to_trinh": {"heading": "TỜ TRÌNH", "abbr": "TTr", "title": "Về việc đề nghị phê duyệt dự toán kinh phí tổ chức hội nghị"},
    "giay_moi": {"heading": "GIẤY MỜI", "abbr": "GM", "title": "Dự Hội nghị tổng kết công tác năm 2025"},
    "cong_van": {"heading": None, "abbr": None, "title": None},
}  # fmt: skip

PROSE = (
    "Các phòng, đơn vị trực thuộc chủ động rà soát, cập nhật hồ sơ công việc, bảo đảm đầy đủ "
    "thành phần, đúng thời hạn; kịp thời báo cáo những khó khăn, vướng mắc phát sinh trong quá "
    "trình thực hiện để tổng hợp, đề xuất cấp có thẩm quyền xem xét, giải quyết"
)

DEFAULTS: dict[str, Any] = {
    "kind": "ke_hoach",
    "styled": False,
    "header": "2col",  # 2col, 3col (spacer column), 3rows
    "line": "drawing",  # drawing, vml, border
    "before_header": None,  # None, "table" (a bordered box "DỰ THẢO" above the header)
    "parent": "UBND TỈNH NINH BÌNH",
    "issuer": "SỞ NỘI VỤ",
    "number": None,  # default "Số: 12/<abbr>-SNV"
    "national": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "national_break": False,  # a line break inside the Quốc hiệu
    "national_with_motto": False,  # Quốc hiệu and Tiêu ngữ in one paragraph
    "national_size": 13,
    "motto": "Độc lập - Tự do - Hạnh phúc",
    "date": "Ninh Bình, ngày 09 tháng 3 năm 2026",
    "subject": "V/v tăng cường công tác văn thư, lưu trữ",
    "subject_box": False,  # the V/v line typed in a text box
    "kinh_gui": None,  # default per kind
    "authority": "GIÁM ĐỐC SỞ NỘI VỤ",
    "basis": [
        "Căn cứ Luật Văn thư, lưu trữ ngày 21 tháng 6 năm 2024;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    ],
    "proposal": "Theo đề nghị của Chánh Văn phòng Sở.",
    "basis_italic": True,
    "issuing": "QUYẾT ĐỊNH:",
    "article_stop": ".",
    "article_bold": True,
    "paragraphs": 3,  # prose paragraphs of the body (per section for plans)
    "numbered_points": False,  # the body's points by automatic numbering
    "blank_spacing": False,  # blank paragraphs between body paragraphs instead of spacing
    "body_table_cm": None,  # a bordered table in the body, this wide
    "page_break_before_closing": False,
    "closing": "2col",  # 2col, 3col (spacer column)
    "recipients": ["- Như trên;", "- Giám đốc Sở (để b/c);"],
    "archive": "- Lưu: VT, VP.",
    "no_recipients": False,
    "bullets": False,  # recipients by automatic numbering (a bullet list style)
    "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    "name": "Trần Thị Bích Ngọc",
    "no_diacritics": False,
    "end": "./.",
}

#: How each role is formatted (size, bold, italic, alignment, first-line indent cm, before pt).
ROLES: dict[str, tuple[float, bool, bool, str, float, float]] = {
    "parent": (13, False, False, "center", 0, 0),
    "issuer": (13, True, False, "center", 0, 0),
    "number": (13, False, False, "center", 0, 0),
    "subject": (12, False, False, "center", 0, 0),
    "national": (13, True, False, "center", 0, 0),
    "motto": (14, True, False, "center", 0, 0),
    "date": (14, False, True, "center", 0, 6),
    "heading": (14, True, False, "center", 0, 12),
    "title": (14, True, False, "center", 0, 0),
    "authority": (14, True, False, "center", 0, 12),
    "issuing": (14, True, False, "center", 0, 6),
    "kinh_gui": (14, False, False, "center", 0, 6),
    "basis": (14, False, True, "justify", 1, 6),
    "body": (14, False, False, "justify", 1, 6),
    "section": (14, True, False, "justify", 1, 6),
    "label": (12, True, True, "left", 0, 12),
    "recipient": (11, False, False, "left", 0, 0),
    "signer": (14, True, False, "center", 0, 12),
    "name": (14, True, False, "center", 0, 0),
    "cell": (13, False, False, "center", 0, 0),
    "plain": (14, False, False, "left", 0, 0),
}
_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def strip_marks(text: str) -> str:
    """Vietnamese typed without diacritics ("Cộng hòa" → "Cong hoa")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class _Doc:
    """One document being typed: the options and the python-docx document."""

    def __init__(self, o: dict[str, Any]) -> None:
        self.o = o
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        if o["styled"]:
            self._styles()

    def _styles(self) -> None:
        """A chain of styles, as an office's template has: VB Base ← VB Centred ← VB Bold…"""
        styles = self.doc.styles
        base = styles.add_style("VB Base", WD_STYLE_TYPE.PARAGRAPH)
        base.base_style = styles["Normal"]
        base.font.size = Pt(14)
        for role, (size, bold, italic, align, indent, before) in ROLES.items():
            s = styles.add_style(f"VB {role}", WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = base
            if size != 14:
                s.font.size = Pt(size)
            s.font.bold = bold or None
            s.font.italic = italic or None
            s.paragraph_format.alignment = _ALIGN[align]
            if indent:
                s.paragraph_format.first_line_indent = Cm(indent)
            if before:
                s.paragraph_format.space_before = Pt(before)

    def t(self, text: str) -> str:
        return strip_marks(text) if self.o["no_diacritics"] else text

    def para(
        self,
        where: Any,
        role: str,
        text: str | list[tuple[str, dict[str, Any]]],
        *,
        first: bool = False,
        **over: Any,
    ) -> Any:
        """A paragraph of ``role`` in ``where`` (the document or a cell); ``first`` reuses the
        cell's empty first paragraph. ``over`` changes size/bold/italic/align/before."""
        size, bold, italic, align, indent, before = ROLES[role]
        size = over.get("size", size)
        bold = over.get("bold", bold)
        italic = over.get("italic", italic)
        align = over.get("align", align)
        before = over.get("before", before)
        p = where.paragraphs[0] if first else where.add_paragraph()
        if self.o["styled"]:
            p.style = self.doc.styles[f"VB {role}"]
            if align != ROLES[role][3]:
                p.alignment = _ALIGN[align]
            if before != ROLES[role][5]:
                p.paragraph_format.space_before = Pt(before)
        else:
            p.alignment = _ALIGN[align]
            if indent:
                p.paragraph_format.first_line_indent = Cm(indent)
            if before:
                p.paragraph_format.space_before = Pt(before)
        pieces = [(text, {})] if isinstance(text, str) else text
        for piece, fmt in pieces:
            run = p.add_run(self.t(piece))
            want = (fmt.get("size", size), fmt.get("bold", bold), fmt.get("italic", italic))
            if self.o["styled"]:
                styled = (ROLES[role][0], ROLES[role][1], ROLES[role][2])
                if want[0] != styled[0]:
                    run.font.size = Pt(want[0])
                if want[1] != styled[1]:
                    run.bold = want[1]
                if want[2] != styled[2]:
                    run.italic = want[2]
            else:
                run.font.name = "Times New Roman"
                run.font.size = Pt(want[0])
                run.bold = want[1]
                run.italic = want[2]
        return p

    def line(self, p: Any, cm: float, column_cm: float = 8.0) -> None:
        """The line under a component: a shape anchored in ``p``, or its bottom border (the
        paragraph indented so that the border is ``cm`` long in a column ``column_cm`` wide)."""
        how = self.o["line"]
        if how == "drawing":
            p._p.append(parse_xml(
                f"<w:r {_W}><w:drawing><wp:anchor {_WP} {_A} {_WPS} behindDoc=\"0\" "
                'distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
                'layoutInCell="1" allowOverlap="1" relativeHeight="2">'
                '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
                f'<wp:posOffset>{int((8 - cm) / 2 * 360000)}</wp:posOffset></wp:positionH>'
                '<wp:positionV relativeFrom="paragraph"><wp:posOffset>230000</wp:posOffset>'
                f'</wp:positionV><wp:extent cx="{int(cm * 360000)}" cy="0"/><wp:wrapNone/>'
                '<wp:docPr id="1" name="Line"/><a:graphic>'
                f'<a:graphicData uri="{_GRAPHIC}"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
                f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(cm * 360000)}" cy="0"/></a:xfrm>'
                '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525">'
                '<a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
                "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
            ))  # fmt: skip
        elif how == "vml":
            left = (column_cm - 0.38 - cm) / 2 * 28.35
            p._p.append(parse_xml(
                f'<w:r {_W}><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" '
                'style="position:absolute;z-index:1;mso-position-horizontal-relative:text;'
                'mso-position-vertical-relative:text" '
                f'from="{left:.1f}pt,17pt" to="{left + cm * 28.35:.1f}pt,17pt" '
                'strokeweight=".5pt"/></w:pict></w:r>'
            ))  # fmt: skip
        else:  # a paragraph of its own under the text, its top border the line
            side = Cm(max(0.0, (column_cm - 0.38 - cm) / 2))
            rule = p.insert_paragraph_before()
            p._p.addnext(rule._p)
            rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side
            rule.paragraph_format.line_spacing = Pt(4)
            rule._p.get_or_add_pPr().append(parse_xml(
                f'<w:pBdr {_W}><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
            ))  # fmt: skip

    def text_box(self, p: Any, text: str) -> None:
        """A text box anchored in ``p`` holding one paragraph of 12 pt text."""
        p._p.append(parse_xml(
            f"<w:r {_W}><w:drawing><wp:anchor {_WP} {_A} {_WPS} behindDoc=\"0\" distT=\"0\" "
            'distB="0" distL="0" distR="0" simplePos="0" locked="0" layoutInCell="1" '
            'allowOverlap="1" relativeHeight="3"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2520000" cy="400000"/><wp:wrapTopAndBottom/><wp:docPr id="2" name="Text Box"/>'
            f'<a:graphic><a:graphicData uri="{_GRAPHIC}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2520000" cy="400000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
            "</wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
            f'<w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{self.t(text)}</w:t></w:r></w:p>'
            "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></w:r>"
        ))  # fmt: skip


def _widths(table: Any, cms: list[float]) -> None:
    """Set a table's grid and cell widths (cm), as Word writes them."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), cms, strict=True):
        col.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for cell, w in zip(row.cells, cms, strict=True):
            cell.width = Cm(w)


def _header(d: _Doc, kind: dict[str, Any]) -> None:
    o, doc = d.o, d.doc
    if o["before_header"] == "table":
        box = doc.add_table(rows=1, cols=1)
        box.style = doc.styles["Table Grid"]
        _widths(box, [3.0])
        d.para(box.rows[0].cells[0], "issuer", "DỰ THẢO", first=True)
        doc.add_paragraph()
    cols = {"2col": [6.2, 10.3], "3col": [6.0, 0.4, 10.1], "3rows": [6.2, 10.3]}[o["header"]]
    rows = 3 if o["header"] == "3rows" else 1
    table = doc.add_table(rows=rows, cols=len(cols))
    _widths(table, cols)
    left_cells = [table.rows[r].cells[0] for r in range(rows)]
    right_cells = [table.rows[r].cells[-1] for r in range(rows)]

    def left(r: int) -> Any:
        return left_cells[min(r, rows - 1)]

    def right(r: int) -> Any:
        return right_cells[min(r, rows - 1)]

    d.para(left(0), "parent", o["parent"], first=True)
    p = d.para(left(0), "issuer", o["issuer"])
    d.line(p, 2.0, cols[0])
    number = o["number"] or f"Số: 12/{kind['abbr'] + '-' if kind['abbr'] else ''}SNV"
    d.para(left(1), "number", number, first=rows > 1, before=6)
    if o["kind"] == "cong_van" and not o["subject_box"]:
        d.para(left(1), "subject", o["subject"], before=4)
    if o["national_with_motto"]:
        p = d.para(
            right(0),
            "national",
            [(o["national"] + "\n", {}), (o["motto"], {"size": 14})],
            first=True,
        )
    else:
        national = o["national"]
        if o["national_break"]:
            national = national.replace("CHỦ NGHĨA ", "CHỦ NGHĨA\n")
        d.para(right(0), "national", national, first=True, size=o["national_size"])
        p = d.para(right(0), "motto", o["motto"])
    d.line(p, 6.0, cols[-1])
    d.para(right(1), "date", o["date"], first=rows > 1, before=6 if rows == 1 else 0)
    if rows == 3:
        d.para(left(2), "plain", "", first=True)
        d.para(right(2), "plain", "", first=True)
    if o["kind"] == "cong_van" and o["subject_box"]:
        d.text_box(doc.add_paragraph(), o["subject"])


def _body_paragraph(d: _Doc, text: str, k: int) -> None:
    if d.o["blank_spacing"] and k > 0:
        d.para(d.doc, "plain", "")
    d.para(d.doc, "body", text, before=0 if d.o["blank_spacing"] else 6)


def _body(d: _Doc, kind: dict[str, Any]) -> None:
    o, doc = d.o, d.doc
    end = o["end"]
    if o["kind"] == "quyet_dinh":
        if o["authority"]:
            d.para(doc, "authority", o["authority"])
        for line in [*o["basis"], o["proposal"]]:
            if line:
                d.para(doc, "basis", line, italic=o["basis_italic"])
        if o["issuing"]:
            d.para(doc, "issuing", o["issuing"])
        articles = [
            "Phê duyệt Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2026 của Sở Nội vụ "
            "(kèm theo Quyết định này).",
            "Quyết định này có hiệu lực thi hành kể từ ngày ký.",
            "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các cá nhân có liên quan "
            "chịu trách nhiệm thi hành Quyết định này" + end,
        ]
        for k, text in enumerate(articles):
            label = f"Điều {k + 1}{o['article_stop']} "
            d.para(doc, "body", [(label, {"bold": o["article_bold"]}), (text, {})])
        return
    if o["kinh_gui"] or (o["kinh_gui"] is None and o["kind"] in ("cong_van", "to_trinh")):
        d.para(doc, "kinh_gui", o["kinh_gui"] or "Kính gửi: Ủy ban nhân dân tỉnh Ninh Bình")
    if o["kind"] == "ke_hoach" and o["basis"]:
        for k, line in enumerate(o["basis"]):
            last = k == len(o["basis"]) - 1
            text = line[:-1] + "." if last and line.endswith(";") else line
            d.para(doc, "basis", text, italic=o["basis_italic"])
    sections = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN"]
    if o["kind"] in ("cong_van", "giay_moi", "to_trinh"):
        sections = [""]
    k = 0
    for s, heading in enumerate(sections):
        if heading:
            d.para(doc, "section", heading)
        for j in range(o["paragraphs"]):
            last = s == len(sections) - 1 and j == o["paragraphs"] - 1
            text = f"{PROSE}{end if last else '.'}"
            if o["numbered_points"] and heading:
                p = d.para(doc, "body", text, before=6)
                _restyle(p, doc.styles["List Number"], 14)
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                p.paragraph_format.space_before = Pt(6)
            else:
                _body_paragraph(d, text, k)
            k += 1
        if s == 0 and o["body_table_cm"]:
            _table(d, o["body_table_cm"])


def _table(d: _Doc, width_cm: float) -> None:
    """A bordered table of the content (a schedule), ``width_cm`` wide."""
    doc = d.doc
    table = doc.add_table(rows=3, cols=4)
    table.style = doc.styles["Table Grid"]
    _widths(table, [width_cm * x for x in (0.1, 0.45, 0.25, 0.2)])
    rows = [("TT", "Nội dung", "Thời gian", "Đơn vị"), ("1", "Rà soát hồ sơ", "Tháng 4", "Văn phòng"), ("2", "Kiểm tra thực tế", "Tháng 5", "Các phòng")]  # fmt: skip
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            d.para(table.rows[r].cells[c], "cell", value, first=True, bold=r == 0)
    d.para(doc, "plain", "")


def _restyle(p: Any, style: Any, size: float) -> None:
    """Put a paragraph in a list style (automatic numbering), its runs keeping their size."""
    p.style = style
    p.paragraph_format.first_line_indent = None
    for run in p.runs:
        run.font.size = Pt(size)
        run.font.name = "Times New Roman"


def _closing(d: _Doc) -> None:
    o, doc = d.o, d.doc
    if o["page_break_before_closing"]:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    cols = [6.5, 0.5, 9.5] if o["closing"] == "3col" else [7.0, 9.5]
    table = doc.add_table(rows=1, cols=len(cols))
    _widths(table, cols)
    left, right = table.rows[0].cells[0], table.rows[0].cells[-1]
    if not o["no_recipients"]:
        d.para(left, "label", "Nơi nhận:", first=True)
        for line in [*o["recipients"], o["archive"]]:
            p = d.para(left, "recipient", line.lstrip("- ") if o["bullets"] else line)
            if o["bullets"]:
                _restyle(p, doc.styles["List Bullet"], 11)
    for k, line in enumerate(o["signer"]):
        d.para(right, "signer", line, first=k == 0, before=12 if k == 0 else 0)
    for _ in range(4):
        d.para(right, "plain", "")
    d.para(right, "name", o["name"])


def build(spec: dict[str, Any]) -> bytes:
    """The .docx of one spec (keys of :data:`DEFAULTS`)."""
    o = {**DEFAULTS, **spec}
    kind = KINDS[o["kind"]]
    d = _Doc(o)
    s = d.doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin, s.bottom_margin = Cm(2), Cm(2)
    s.left_margin, s.right_margin = Cm(3), Cm(1.5)
    s.header_distance = Cm(1)
    _header(d, kind)
    d.para(d.doc, "plain", "")
    if kind["heading"]:
        d.para(d.doc, "heading", kind["heading"])
        p = d.para(d.doc, "title", kind["title"])
        d.line(p, 3.0, 16.5)
        d.para(d.doc, "plain", "")
    _body(d, kind)
    d.para(d.doc, "plain", "")
    _closing(d)
    # page numbers: centred in the header, not on the first page
    hp = s.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hp._p.append(parse_xml(
        f'<w:fldSimple {_W} w:instr="PAGE"><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" '
        'w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>'
    ))  # fmt: skip
    s.different_first_page_header_footer = True
    out = io.BytesIO()
    d.doc.save(out)
    return out.getvalue()


def manifest() -> dict[str, dict[str, Any]]:
    """The set: name → {"spec", "type", "in_scope", "expected" (rule IDs), "note"}."""
    data: dict[str, dict[str, Any]] = json.loads(MANIFEST.read_text("utf-8"))
    return data


def write_all(folder: Path) -> list[Path]:
    """Build every document of the set into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, entry in manifest().items():
        path = folder / f"{name}.docx"
        path.write_bytes(build(entry["spec"]))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "independent-set")):
        print(written)

"""Word documents built the way Word users build them, for the checker's tests.

:func:`build` makes a Quyết định (or a Công văn) with python-docx: a 3-column header grid
with a spacer column, lines drawn as DrawingML or VML shapes, styles with inheritance, a
3-column signer table, recipients with automatic bullets, an optional landscape appendix
section. The defaults make a document that follows NĐ30; each keyword changes one thing.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

import vanban

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DRAWING_LINE = (
    f"<w:r {W}><w:drawing><wp:anchor "
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wp:extent cx="{cx}" cy="0"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvCnPr/><wps:spPr><a:prstGeom prst="line"/></wps:spPr><wps:bodyPr/></wps:wsp>'
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
)
VML_LINE = (
    f'<w:r {W}><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" '
    'from="0,0" to="170pt,0"/></w:pict></w:r>'
)
BODY = (
    "Các cơ quan, đơn vị có liên quan tổ chức thực hiện đúng quy định, bảo đảm an toàn, "
    "tiết kiệm, hiệu quả; định kỳ báo cáo kết quả về Sở Công Thương để tổng hợp, theo dõi."
)

DEFAULTS: dict[str, Any] = {
    "kind": "quyet_dinh",
    "margins_mm": (20, 20, 30, 15),
    "landscape_first": False,
    "font": "Times New Roman",
    "color": None,
    "national": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "national_size": 13,
    "motto": "Độc lập - Tự do - Hạnh phúc",
    "motto_bold": True,
    "parent": "UBND TỈNH LÀO CAI",
    "issuer": "SỞ CÔNG THƯƠNG",
    "issuer_bold": True,
    "issuer_line": "drawing",  # drawing, vml, border, underscores, none
    "motto_line": "drawing",
    "motto_line_emu": 2160000,  # 6 cm, the width of the Tiêu ngữ at 14 pt bold
    "number": "Số: 05/QĐ-SCT",
    "number_size": 13,
    "subject": "V/v triển khai kế hoạch năm 2026",
    "subject_below": False,  # the V/v line typed under the header table
    "date": "Lào Cai, ngày 05 tháng 3 năm 2026",
    "date_italic": True,
    "heading": "QUYẾT ĐỊNH",
    "heading_centre": "align",  # align or tab (a centre tab stop)
    "title": "Về việc phê duyệt phương án năm 2026",
    "title_bold": True,
    "title_line": "drawing",
    "authority": "GIÁM ĐỐC SỞ CÔNG THƯƠNG",
    "basis": ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Theo đề nghị của Trưởng phòng."],
    "basis_italic": True,
    "kinh_gui": "Kính gửi: Ủy ban nhân dân tỉnh",
    "addressees": [],  # lines "- …;" under a "Kính gửi:" of several addressees
    "paragraphs": 3,
    "body": None,  # the paragraphs' texts (default: "Điều k. …" for each of ``paragraphs``)
    "indent_cm": 1.0,
    "indent_tab": False,
    "align": "justify",
    "space_before_pt": 6,
    "line": ("multiple", 1.0),
    "body_size": 14,
    "end_mark": True,
    "article_bold": True,  # "Điều 1." in bold (Phụ lục I, II.6.đ)
    "label": "Nơi nhận:",
    "label_bold_italic": True,
    "recipients": ["- Như Điều 3;", "- UBND tỉnh (b/c);"],
    "archive": "- Lưu: VT, CN.",
    "drafter": None,
    "recipient_size": 11,
    "bullets": False,
    "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    "signer_bold": True,
    "name": "Nguyễn Văn An",
    "page_numbers": "header",  # header, footer, none
    "title_page": True,
    "appendix": None,  # None or (heading, landscape, restart)
    "appendix_section": True,
    "appendix_reference_italic": True,  # False: the phụ lục follows a page break in the same section
    "mark": None,
    "nfd": False,
    "split_rows": False,  # header grid of 3 rows: name | motto, issuer | …, Số | date
    "direct_font": True,
    "name_bold": True,
    "signer_rows": False,  # the signer's name in a second row of the bottom table  # False: font and size come from the styles only
}


def _runs(
    p: Any,
    text: str,
    size: float,
    font: str,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
) -> None:
    run = p.add_run(text)
    if _STYLED_ONLY:
        style_font = p.part.document.styles["Normal"].font
        if size != style_font.size.pt:
            run.font.size = Pt(size)
    else:
        run.font.size = Pt(size)
        run.font.name = font
    run.bold = bold
    run.italic = italic
    if color:
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor.from_string(color)


_STYLED_ONLY = False


def _line(p: Any, how: str, cx: int = 1440000) -> None:
    if how == "drawing":
        p._p.append(parse_xml(DRAWING_LINE.replace("{cx}", str(cx))))
    elif how == "two drawings":  # both header lines anchored in one paragraph
        for _ in range(2):
            p._p.append(parse_xml(DRAWING_LINE.replace("{cx}", str(cx))))
    elif how == "vml":
        p._p.append(parse_xml(VML_LINE))
    elif how == "border":
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:pBdr {W}><w:bottom w:val="single" w:sz="6" w:space="1"/></w:pBdr>')
        )
    elif how == "underscores":
        p.add_run("__________").font.size = Pt(13)


def build(**changes: Any) -> bytes:
    """A .docx as bytes; keyword arguments override :data:`DEFAULTS`."""
    o = {**DEFAULTS, **changes}
    global _STYLED_ONLY
    _STYLED_ONLY = not o["direct_font"]
    font = o["font"]
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(o["body_size"])
    normal.paragraph_format.space_after = Pt(0)
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21.0), Cm(29.7)
    if o["landscape_first"]:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    top, bottom, left, right = o["margins_mm"]
    s.top_margin, s.bottom_margin = Cm(top / 10), Cm(bottom / 10)
    s.left_margin, s.right_margin = Cm(left / 10), Cm(right / 10)

    def t(value: str) -> str:
        return unicodedata.normalize("NFD", value) if o["nfd"] else value

    # Header: left | spacer | right
    table = doc.add_table(rows=3 if o["split_rows"] else 1, cols=3)
    left_cell, _, right_cell = table.rows[0].cells
    filled: set[int] = set()

    def cell_par(cell: Any, first: bool = False) -> Any:
        if o["split_rows"]:
            # each line in the next row of its column, as offices lay out a 3×3 grid
            column = 0 if cell is left_cell else 2
            row = sum(1 for k in filled if k % 3 == column)
            target = table.rows[min(row, 2)].cells[column]
            first = row < 3 and not target.paragraphs[0].text and id(target) not in filled
            filled.add(row * 3 + column)
            cell = target
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    _runs(cell_par(left_cell, True), o["parent"], 13, font)
    p = cell_par(left_cell)
    _runs(p, o["issuer"], 13, font, bold=o["issuer_bold"])
    own_line = ("border", "underscores")  # drawn on a line of its own
    _line(cell_par(left_cell) if o["issuer_line"] in own_line else p, o["issuer_line"])
    p = cell_par(left_cell)
    _runs(p, o["number"], o["number_size"], font)
    if o["kind"] == "cong_van" and o["subject"] and not o["subject_below"]:
        _runs(cell_par(left_cell), o["subject"], 12, font)
    if o["mark"]:
        _runs(cell_par(left_cell), o["mark"][0], 13, font, bold=o["mark"][1])
    _runs(cell_par(right_cell, True), t(o["national"]), o["national_size"], font, bold=True)
    p = cell_par(right_cell)
    _runs(p, o["motto"], 14, font, bold=o["motto_bold"])
    motto_p = cell_par(right_cell) if o["motto_line"] in own_line else p
    _line(motto_p, o["motto_line"], o["motto_line_emu"])
    _runs(cell_par(right_cell), o["date"], 14, font, italic=o["date_italic"])

    def centred(value: str, bold: bool = True, size: float = 14) -> Any:
        p = doc.add_paragraph()
        if o["heading_centre"] == "tab":
            p.paragraph_format.tab_stops.add_tab_stop(Cm(8), alignment=1)  # centre tab
            value = "\t" + value
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(p, value, size, font, bold=bold)
        return p

    if o["kind"] == "cong_van" and o["subject"] and o["subject_below"]:
        sp = doc.add_paragraph()
        _runs(sp, o["subject"], 12, font)
    doc.add_paragraph()
    if o["kind"] != "cong_van":
        if o["heading"]:
            centred(o["heading"])
        p = centred(o["title"], bold=o["title_bold"])
        _line(p, o["title_line"])
        doc.add_paragraph()
    if o["kind"] == "quyet_dinh":
        centred(o["authority"])
        for line in o["basis"]:
            bp = doc.add_paragraph()
            bp.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            bp.paragraph_format.first_line_indent = Cm(1)
            bp.paragraph_format.space_before = Pt(6)
            _runs(bp, line, 14, font, italic=o["basis_italic"])
        centred("QUYẾT ĐỊNH:")
    elif o["kind"] == "cong_van" and o["kinh_gui"]:
        centred(o["kinh_gui"], bold=False)
        for line in o["addressees"]:
            _runs(doc.add_paragraph(), line, 14, font)
    texts = (
        [("", t) for t in o["body"]]
        if o["body"]
        else [(f"Điều {k + 1}. ", BODY) for k in range(o["paragraphs"])]
    )
    for k, (label, body) in enumerate(texts):
        bp = doc.add_paragraph()
        bp.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[o["align"]]
        fmt = bp.paragraph_format
        fmt.space_before = Pt(o["space_before_pt"])
        rule, value = o["line"]
        if rule == "multiple":
            fmt.line_spacing = value
        else:
            fmt.line_spacing = Pt(value)
            from docx.enum.text import WD_LINE_SPACING

            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        if o["indent_tab"]:
            label = "\t" + label
        else:
            fmt.first_line_indent = Cm(o["indent_cm"])
        if k == len(texts) - 1 and o["end_mark"]:
            body = body.rstrip(".") + "./."
        if label.strip():
            _runs(bp, label, o["body_size"], font, bold=o["article_bold"], color=o["color"])
        _runs(bp, body, o["body_size"], font, color=o["color"])
    # Nơi nhận | spacer | signer
    bottom_table = doc.add_table(rows=2 if o["signer_rows"] else 1, cols=3)
    lc, _, rc = bottom_table.rows[0].cells
    lp = lc.paragraphs[0]
    _runs(lp, o["label"], 12, font, bold=o["label_bold_italic"], italic=o["label_bold_italic"])
    lines = [*o["recipients"], o["archive"]] + ([o["drafter"]] if o["drafter"] else [])
    for line in lines:
        rp = lc.add_paragraph(style="List Bullet" if o["bullets"] else None)
        if o["bullets"]:
            line = line.lstrip("- ")
        _runs(rp, line, o["recipient_size"], font)
    for k, line in enumerate(o["signer"]):
        sp = rc.paragraphs[0] if k == 0 else rc.add_paragraph()
        sp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(sp, line, 14, font, bold=o["signer_bold"])
    for _ in range(3):
        rc.add_paragraph()
    name_cell = bottom_table.rows[1].cells[2] if o["signer_rows"] else rc
    np_ = name_cell.paragraphs[0] if o["signer_rows"] else name_cell.add_paragraph()
    np_.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(np_, o["name"], 14, font, bold=o["name_bold"])
    # Page numbers
    if o["page_numbers"] != "none":
        part = s.header if o["page_numbers"] == "header" else s.footer
        hp = part.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        hp._p.append(
            parse_xml(f'<w:fldSimple {W} w:instr="PAGE"><w:r><w:t>2</w:t></w:r></w:fldSimple>')
        )
    s.different_first_page_header_footer = o["title_page"]
    if o["appendix"]:
        heading, landscape, restart = o["appendix"]
        if o["appendix_section"]:
            new = doc.add_section()
        else:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            new = s
        if landscape and o["appendix_section"]:
            new.orientation = WD_ORIENT.LANDSCAPE
            new.page_width, new.page_height = Cm(29.7), Cm(21.0)
        if restart and o["appendix_section"]:
            new._sectPr.append(parse_xml(f'<w:pgNumType {W} w:start="1"/>'))
        for k in range(2):
            ap = doc.add_paragraph()
            ap.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(ap, heading if k == 0 else "DANH MỤC CÁC ĐƠN VỊ", 14, font, bold=True)
        ap = doc.add_paragraph()
        ap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        reference = "(Kèm theo Quyết định số 05/QĐ-SCT ngày 05 tháng 3 năm 2026 của Sở Công Thương)"
        _runs(ap, reference, 13, font, italic=o["appendix_reference_italic"])
        for _ in range(60):
            doc.add_paragraph().add_run("Dòng của bảng phụ lục").font.size = Pt(13)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def page_break_body(n: int) -> dict[str, Any]:
    """Options for a body long enough to fill several pages."""
    return {"paragraphs": n}


__all__ = ["BODY", "DEFAULTS", "WD_BREAK", "build", "page_break_body"]


def imported(data: bytes) -> vanban.ImportResult:
    """``vanban.from_docx(data)`` with its warnings silenced: the importer's tests read the
    model and its notes, not what the model's checks say of the imported text."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return vanban.from_docx(data)

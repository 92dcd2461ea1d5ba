"""The checker's false findings on documents it had never seen (issue 19), each fixed where it
starts: what a body paragraph is, what the signer block is, what the trích yếu is, text boxes,
blank lines as spacing, near-black as black, NFC only on Vietnamese letters, "HOÀ" as the
decree prints it. Each document is built with python-docx as an office builds it and must
give no finding; a departure next to it is still found."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt
from word_docs import build

from vanban._docx_reader import read_docx
from vanban.checker import check_docx, check_report

CV = {"kind": "cong_van", "number": "Số: 05/SCT-CN", "heading": None}

MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" ' + MC
)


def _text_box(text: str) -> str:
    """A run holding a DrawingML text box with its VML fallback, as Word writes it."""
    content = (
        "<w:txbxContent><w:p><w:r><w:rPr><w:rFonts w:ascii='Times New Roman' "
        "w:hAnsi='Times New Roman'/><w:sz w:val='24'/></w:rPr>"
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    )
    return (
        f"<w:r {NS}><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor>"
        "<wp:extent cx='2400000' cy='360000'/><a:graphic><a:graphicData "
        "uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp>"
        "<wps:spPr><a:prstGeom prst='rect'/></wps:spPr>"
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape "
        f"style='width:190pt;height:28pt'><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _edit(data: bytes, change: Callable[[Any], None]) -> bytes:
    """The document with ``change(doc)`` applied (python-docx)."""
    doc = Document(io.BytesIO(data))
    change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _para(doc: Any, text: str) -> Any:
    """The first body paragraph (outside tables) whose text starts with ``text``."""
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def _insert_after(p: Any, text: str, **run: Any) -> Any:
    new = p._parent.add_paragraph()
    p._p.addnext(new._p)
    r = new.add_run(text)
    r.font.name = "Times New Roman"
    r.font.size = Pt(run.pop("size", 14))
    r.bold = run.pop("bold", False)
    r.italic = run.pop("italic", False)
    new.alignment = run.pop("align", None)
    return new


def _rules(data: bytes) -> list[str]:
    return [f.rule for f in check_docx(data)]


def test_both_spellings_of_hoa_are_the_decree_s() -> None:
    """nd30-types.md §1: the decree prints "HÒA" and "HOÀ"; a checker accepts both."""
    assert _rules(build(national="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")) == []
    assert _rules(build(national="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) == []
    misspelt = "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "PL1.II.1a.national-name" in _rules(build(national=misspelt))


def test_addressees_typed_without_dashes_are_not_body_paragraphs() -> None:
    data = build(
        **CV,
        kinh_gui="Kính gửi:",
        addressees=["Ủy ban nhân dân tỉnh Lào Cai;", "Sở Tài chính tỉnh Lào Cai."],
    )
    assert _rules(data) == []


def test_addressees_aligned_under_the_first_name_are_not_body_paragraphs() -> None:
    data = build(
        **CV,
        kinh_gui="Kính gửi: Ủy ban nhân dân tỉnh Lào Cai;",
        addressees=["Sở Tài chính tỉnh Lào Cai;", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai."],
    )
    assert _rules(data) == []


def test_a_caption_is_not_measured_as_a_body_paragraph() -> None:
    def caption(doc: Any) -> None:
        _insert_after(_para(doc, "Điều 1."), "Hình 1. Sơ đồ tổ chức thực hiện phương án năm 2026")

    data = _edit(build(), caption)
    assert _rules(data) == []
    # a paragraph of content set the same way is still measured
    data = _edit(build(), lambda d: _insert_after(_para(d, "Điều 1."), "Nội dung " * 8))
    assert "PL1.II.6e.body-indent" in _rules(data)


def test_blank_paragraphs_used_as_spacing_are_spacing() -> None:
    def blank_lines(doc: Any) -> None:
        for p in [p for p in doc.paragraphs if p.text.startswith("Điều ")]:
            p._p.addprevious(doc.add_paragraph()._p)

    data = _edit(build(space_before_pt=0), blank_lines)
    assert _rules(data) == []
    assert "PL1.II.6e.body-spacing" in _rules(build(space_before_pt=0))


def test_a_data_table_after_the_signature_is_not_a_signer() -> None:
    def hydrology(doc: Any) -> None:
        table = doc.add_table(rows=8, cols=6)
        for c, name in enumerate(["TT", "TRẠM", "SÔNG", "MỰC NƯỚC", "BÁO ĐỘNG", "GHI CHÚ"]):
            run = table.rows[0].cells[c].paragraphs[0].add_run(name)
            run.font.size = Pt(11)
        for r in range(1, 8):
            for c in range(6):
                table.rows[r].cells[c].paragraphs[0].add_run(f"{r * 10 + c}").font.size = Pt(11)

    data = _edit(build(), hydrology)
    assert _rules(data) == []
    assert "PL1.II.7a.signer-format" in _rules(_edit(build(signer_bold=False), hydrology))


def test_underscores_under_the_title_are_its_rule() -> None:
    def underscores(doc: Any) -> None:
        title = _para(doc, "Về việc phê duyệt")
        _insert_after(title, "____________", size=13, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER)

    data = _edit(build(title_line="none"), underscores)
    assert _rules(data) == []
    assert "PL1.II.5b.title-line" in _rules(build(title_line="none"))


def test_a_draft_stamp_is_not_the_doc_type() -> None:
    def stamp(doc: Any) -> None:
        heading = _para(doc, "QUYẾT ĐỊNH")
        new = _insert_after(heading, "DỰ THẢO", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        heading._p.addprevious(new._p)

    data = _edit(build(), stamp)
    report = check_report(data)
    assert report.document_type == "quyet_dinh" and report.findings == []


def test_a_subject_line_in_a_text_box_is_read() -> None:
    def boxed(doc: Any) -> None:
        cell = doc.tables[0].rows[0].cells[0]
        cell.add_paragraph()._p.append(parse_xml(_text_box("V/v triển khai kế hoạch năm 2026")))

    data = _edit(build(**CV, subject=None), boxed)
    assert _rules(data) == []
    assert "PL1.II.5b.subject-missing" in _rules(build(**CV, subject=None))
    boxes = [p for p in read_docx(data).paragraphs if p.text_box]
    assert [p.text for p in boxes] == ["V/v triển khai kế hoạch năm 2026"]  # fallback skipped
    assert boxes[0].table == 0 and boxes[0].cell == 0  # in the anchor's cell


def test_a_recipient_over_two_paragraphs_is_one_line() -> None:
    recipients = ["- Sở Tài nguyên và Môi trường", "tỉnh Lào Cai;", "- UBND tỉnh (b/c);"]
    assert _rules(build(recipients=recipients)) == []
    unterminated = ["- Sở Tài nguyên và Môi trường tỉnh Lào Cai", "- UBND tỉnh (b/c);"]
    assert "PL1.II.9b.recipients-punctuation" in _rules(build(recipients=unterminated))


def test_near_black_is_black() -> None:
    assert _rules(build(color="0D0D0D")) == []
    assert _rules(build(color="1F1F1F")) == []
    assert "PL1.I.color" in _rules(build(color="404040"))


def test_a_symbol_nfc_would_change_is_not_a_decomposed_letter() -> None:
    def ohm(doc: Any) -> None:
        _para(doc, "Điều 1.").add_run(" Điện trở nối đất không quá 10 \u2126.").font.size = Pt(14)

    assert _rules(_edit(build(), ohm)) == []
    assert "PL1.I.unicode-nfc" in _rules(build(nfd=True))


def test_text_box_labels_in_the_body_are_not_body_paragraphs() -> None:
    def chart(doc: Any) -> None:
        anchor = _para(doc, "Điều 2.")
        for label in ("Ban chỉ đạo", "Tổ giúp việc của Ban chỉ đạo tỉnh về chuyển đổi số"):
            anchor._p.append(parse_xml(_text_box(label)))

    assert _rules(_edit(build(), chart)) == []


def _tabbed(national: str, motto: str) -> bytes:
    """A header typed with tabs, without a table (then a short Quyết định)."""
    doc = Document()
    for text in (
        f"UBND TỈNH LÀO CAI\t{national}",
        f"SỞ CÔNG THƯƠNG\t{motto}",
        "Số: 05/QĐ-SCT\tLào Cai, ngày 05 tháng 3 năm 2026",
        "QUYẾT ĐỊNH",
    ):
        doc.add_paragraph().add_run(text).font.size = Pt(13)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_header_typed_with_tabs_is_judged_as_a_table_header() -> None:
    motto = "Độc lập - Tự do - Hạnh phúc"
    spelling = {"PL1.II.1a.national-name-spelling", "PL1.II.1a.national-name"}
    assert not spelling & set(_rules(_tabbed("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto)))
    found = {
        f.rule: f.message
        for f in check_docx(
            _tabbed("CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc")
        )
    }
    assert found["PL1.II.1a.national-name"] == "Quốc hiệu gõ không dấu"
    assert found["PL1.II.1b.motto-text"] == "Tiêu ngữ gõ không dấu"

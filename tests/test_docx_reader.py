"""Tests for vanban._docx_reader: effective formatting read back from .docx files."""

from __future__ import annotations

import doctest
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

import vanban._docx_reader as docx_reader
from vanban._docx_reader import DocxView, read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --------------------------------------------------------------------------- helpers


def view_of(document: docx.document.Document) -> DocxView:
    """Save a python-docx document to memory and read it back."""
    buffer = io.BytesIO()
    document.save(buffer)
    return read_docx(buffer.getvalue())


def zip_parts(parts: dict[str, str | bytes]) -> bytes:
    """A zip archive holding *parts* (name -> content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def make_docx(
    body: str,
    styles: str | None = None,
    footnotes: str | None = None,
    extra: dict[str, str] | None = None,
    w_ns: str = W_NS,
) -> bytes:
    """A minimal hand-written .docx: *body* is the inner XML of ``w:body``.

    *styles* is the inner XML of ``w:styles`` and *footnotes* that of ``w:footnotes``;
    each part is only written (and related) when given. *w_ns* is the WordprocessingML
    namespace name (ISO 29500 Strict uses another one).
    """
    ns = f'xmlns:w="{w_ns}" xmlns:r="{R_NS}"'
    rels = []
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": f"<w:document {ns}><w:body>{body}</w:body></w:document>",
    }
    if styles is not None:
        parts["word/styles.xml"] = f"<w:styles {ns}>{styles}</w:styles>"
        rels.append(f'<Relationship Id="rIdS" Type="{REL_TYPE}/styles" Target="styles.xml"/>')
    if footnotes is not None:
        parts["word/footnotes.xml"] = f"<w:footnotes {ns}>{footnotes}</w:footnotes>"
        rels.append(f'<Relationship Id="rIdF" Type="{REL_TYPE}/footnotes" Target="footnotes.xml"/>')
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{REL_NS}">{"".join(rels)}</Relationships>'
    )
    parts.update(extra or {})
    return zip_parts(parts)


def para(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A ``w:p`` with one run."""
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


# --------------------------------------------------------------------------- run properties


def test_style_chain_inheritance_and_direct_overrides() -> None:
    doc = docx.Document()
    base = doc.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = doc.styles["Normal"]
    base.font.size = Pt(14)
    derived = doc.styles.add_style("Derived", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    derived.font.bold = True
    plain = doc.styles.add_style("Plain", WD_STYLE_TYPE.PARAGRAPH)
    plain.base_style = derived
    plain.font.bold = False  # <w:b w:val="0"/>: nearest value in the chain wins

    p = doc.add_paragraph(style="Derived")
    p.add_run("inherits")
    p.add_run("direct not bold").bold = False
    p.add_run("direct 12pt").font.size = Pt(12)
    doc.add_paragraph("unbolded", style="Plain")

    view = view_of(doc)
    first, second = view.paragraphs
    assert first.style_id == "Derived"
    assert first.style_name == "Derived"
    inherits, not_bold, small = first.runs
    assert (inherits.size_pt, inherits.bold) == (14.0, True)
    assert (not_bold.size_pt, not_bold.bold) == (14.0, False)
    assert (small.size_pt, small.bold) == (12.0, True)
    assert second.runs[0].bold is False
    assert second.runs[0].size_pt == 14.0


def test_toggle_properties_combine_across_style_levels() -> None:
    doc = docx.Document()
    heading = doc.styles.add_style("BoldItalic", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = doc.styles["Normal"]
    heading.font.bold = True
    heading.font.italic = True
    bold_char = doc.styles.add_style("BoldChar", WD_STYLE_TYPE.CHARACTER)
    bold_char.font.bold = True
    bold_char.font.italic = False  # false in a character style leaves the value alone

    p = doc.add_paragraph(style="BoldItalic")
    p.add_run("toggled off", style="BoldChar")
    q = doc.add_paragraph()
    q.add_run("toggled on", style="BoldChar")

    view = view_of(doc)
    toggled_off = view.paragraphs[0].runs[0]
    assert toggled_off.style_id == "BoldChar"
    assert toggled_off.bold is False  # bold paragraph style XOR bold character style
    assert toggled_off.italic is True
    assert view.paragraphs[1].runs[0].bold is True


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_false_values_of_direct_toggles(value: str) -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:rPr><w:b/><w:caps/></w:rPr></w:style>'
    )
    data = make_docx(para("x", rpr=f'<w:b w:val="{value}"/><w:caps w:val="{value}"/>'), styles)
    run = read_docx(data).paragraphs[0].runs[0]
    assert run.bold is False
    assert run.caps is False


def test_paragraph_mark_formatting_is_not_applied_to_runs() -> None:
    body = (
        '<w:p><w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:pPr>'
        "<w:r><w:t>text</w:t></w:r></w:p>"
    )
    run = read_docx(make_docx(body)).paragraphs[0].runs[0]
    assert run.bold is False
    assert run.size_pt == 10.0


def test_doc_defaults_font_and_size() -> None:
    doc = docx.Document()
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")
    rpr.find(qn("w:sz")).set(qn("w:val"), "26")
    doc.add_paragraph("body text")

    view = view_of(doc)
    run = view.paragraphs[0].runs[0]
    assert run.font == "Times New Roman"
    assert run.fonts["hAnsi"] == "Times New Roman"
    assert run.fonts["eastAsia"] is None
    assert run.size_pt == 13.0
    assert (view.default_font, view.default_size_pt) == ("Times New Roman", 13.0)


def test_theme_fonts_are_resolved_and_direct_font_overrides_them() -> None:
    doc = docx.Document()  # python-docx's template: minorHAnsi theme font is Cambria
    p = doc.add_paragraph("theme font")
    p.add_run(" direct").font.name = "Times New Roman"
    runs = view_of(doc).paragraphs[0].runs
    assert runs[0].font == "Cambria"
    assert runs[0].size_pt == 11.0
    assert runs[1].font == "Times New Roman"


def test_defaults_when_nothing_is_set() -> None:
    view = read_docx(make_docx(para("plain")))
    p = view.paragraphs[0]
    assert p.style_id is None and p.style_name is None
    assert (p.alignment, p.first_line, p.left_indent, p.right_indent) == ("left", 0, 0, 0)
    assert (p.space_before, p.space_after, p.line, p.line_rule) == (0, 0, 240, "auto")
    assert p.borders == {} and p.keep_next is False
    run = p.runs[0]
    assert (run.size_pt, run.font, run.color, run.vert_align) == (10.0, None, None, None)
    assert (run.bold, run.italic, run.underline, run.caps) == (False, False, False, False)
    assert view.default_font is None and view.default_size_pt == 10.0


def test_run_colour_underline_vert_align() -> None:
    rpr = '<w:color w:val="FF0000"/><w:u w:val="double"/><w:vertAlign w:val="superscript"/>'
    body = para("a", rpr=rpr) + para("b", rpr='<w:u w:val="none"/>')
    first, second = read_docx(make_docx(body)).paragraphs
    run = first.runs[0]
    assert (run.color, run.underline, run.underline_style) == ("FF0000", True, "double")
    assert run.vert_align == "superscript"
    assert second.runs[0].underline is False


# --------------------------------------------------------------------------- paragraph properties


def test_paragraph_spacing_merges_attribute_by_attribute() -> None:
    doc = docx.Document()
    style = doc.styles.add_style("Spaced", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.line_spacing = 1.5
    p = doc.add_paragraph("merged", style="Spaced")
    p.paragraph_format.space_after = Pt(0)
    q = doc.add_paragraph("exact", style="Spaced")
    q.paragraph_format.line_spacing = Pt(14)
    r = doc.add_paragraph("defaults")

    merged, exact, defaults = view_of(doc).paragraphs
    assert (merged.space_before, merged.space_after) == (120, 0)
    assert (merged.line, merged.line_rule) == (360, "auto")
    assert (exact.space_before, exact.line, exact.line_rule) == (120, 280, "exact")
    # python-docx's template docDefaults: after=200, line=276 auto
    assert (defaults.space_before, defaults.space_after, defaults.line) == (0, 200, 276)
    assert r.text == defaults.text


def test_alignment_from_style_direct_and_aliases() -> None:
    doc = docx.Document()
    style = doc.styles.add_style("Justified", WD_STYLE_TYPE.PARAGRAPH)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_paragraph("from style", style="Justified")
    centred = doc.add_paragraph("direct", style="Justified")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("default")
    assert [p.alignment for p in view_of(doc).paragraphs] == ["both", "center", "left"]

    body = para("s", '<w:jc w:val="start"/>') + para("e", '<w:jc w:val="end"/>')
    assert [p.alignment for p in read_docx(make_docx(body)).paragraphs] == ["left", "right"]


def test_first_line_and_hanging_indents() -> None:
    doc = docx.Document()
    first = doc.add_paragraph("first line")
    first.paragraph_format.first_line_indent = Cm(1)
    hanging = doc.add_paragraph("hanging")
    hanging.paragraph_format.first_line_indent = -Cm(0.5)
    hanging.paragraph_format.left_indent = Cm(2)
    hanging.paragraph_format.right_indent = Cm(1)

    p1, p2 = view_of(doc).paragraphs
    assert p1.first_line == Cm(1).twips
    assert p2.first_line == -Cm(0.5).twips < 0
    assert (p2.left_indent, p2.right_indent) == (Cm(2).twips, Cm(1).twips)


def test_indent_aliases_and_style_merging() -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:pPr><w:ind w:firstLine="567" w:left="100"/></w:pPr>'
        "</w:style>"
    )
    body = (
        para("aliases", '<w:ind w:start="720" w:end="360"/>')
        + para("hanging wins", '<w:ind w:hanging="284" w:firstLine="567"/>')
        + para("inherits")
    )
    a, b, c = read_docx(make_docx(body, styles)).paragraphs
    assert (a.left_indent, a.right_indent, a.first_line) == (720, 360, 567)
    assert (b.left_indent, b.first_line) == (100, -284)
    assert (c.left_indent, c.first_line) == (100, 567)
    assert c.style_id == "Normal"  # the default paragraph style applies without w:pStyle


def test_paragraph_borders_and_keep_next() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Ruled"><w:name w:val="Ruled"/>'
        '<w:pPr><w:keepNext/><w:pBdr><w:top w:val="single" w:sz="4"/>'
        '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr></w:pPr>'
        "</w:style>"
    )
    ruled_ppr = '<w:pStyle w:val="Ruled"/><w:pBdr><w:top w:val="nil"/></w:pBdr>'
    loose_ppr = '<w:pStyle w:val="Ruled"/><w:keepNext w:val="0"/>'
    body = para("ruled", ruled_ppr) + para("loose", loose_ppr)
    ruled, loose = read_docx(make_docx(body, styles)).paragraphs
    assert ruled.borders == {"bottom": {"val": "single", "sz": "6", "space": "1", "color": "auto"}}
    assert ruled.keep_next is True
    assert set(loose.borders) == {"top", "bottom"}
    assert loose.keep_next is False


def test_text_of_special_run_content() -> None:
    body = (
        "<w:p>"
        "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/>"
        "<w:noBreakHyphen/><w:t>d</w:t></w:r>"
        "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>+ins</w:t></w:r></w:ins>"
        '<w:hyperlink r:id="rId9"><w:r><w:t>+link</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> DATE </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>+result</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>"
    )
    view = read_docx(make_docx(body))
    assert view.text_lines() == ["a\tb\nc\n-d+ins+link+result"]
    assert view.fields == ["DATE"]


# --------------------------------------------------------------------------- tables


def test_table_cell_paragraphs_grid_and_borders() -> None:
    doc = docx.Document()
    doc.add_paragraph("before")
    grid = doc.add_table(rows=2, cols=3)
    grid.style = "Table Grid"
    for i, width in enumerate((Cm(3), Cm(4), Cm(5))):
        grid.columns[i].width = width
    for r in range(2):
        for c in range(3):
            grid.cell(r, c).text = f"r{r}c{c}"
    nested = grid.cell(1, 2).add_table(rows=1, cols=1)
    nested.cell(0, 0).text = "inner"
    plain = doc.add_table(rows=1, cols=2)
    plain.cell(0, 0).text = "no borders"
    doc.add_paragraph("after")

    view = view_of(doc)
    assert view.text_lines()[0] == "before"
    assert view.text_lines()[-1] == "after"
    located = [(p.table, p.row, p.cell, p.text) for p in view.paragraphs if p.table is not None]
    assert (0, 0, 0, "r0c0") in located
    assert (0, 1, 2, "r1c2") in located
    assert (1, 0, 0, "inner") in located
    assert (2, 0, 0, "no borders") in located
    assert located.index((0, 1, 2, "r1c2")) < located.index((1, 0, 0, "inner"))
    outer, inner, borderless = view.tables
    assert outer.grid == [Cm(3).twips, Cm(4).twips, Cm(5).twips]
    assert (outer.rows, outer.has_borders, outer.style_id) == (2, True, "TableGrid")
    assert outer.indent == 0  # from the table style's tblInd
    assert (inner.parent, inner.index) == (0, 1)
    assert borderless.has_borders is False
    assert borderless.style_id == "TableNormal"  # the default table style
    # the Table Grid style's pPr (after=0, line=240) applies to its cell paragraphs
    cell_para = next(p for p in view.paragraphs if p.text == "r0c0")
    assert (cell_para.space_after, cell_para.line) == (0, 240)
    assert view.paragraphs[0].space_after == 200


def test_cell_borders_table_indent_and_table_style_run_props() -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Right"><w:name w:val="Right"/>'
        '<w:pPr><w:jc w:val="right"/></w:pPr></w:style>'
        '<w:style w:type="table" w:styleId="Centred"><w:name w:val="Centred"/>'
        '<w:pPr><w:jc w:val="center"/><w:spacing w:before="60"/></w:pPr>'
        '<w:rPr><w:sz w:val="22"/><w:b/></w:rPr>'
        '<w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr></w:style>'
    )

    def table(tblpr: str, tcpr: str, *paras: str) -> str:
        return (
            f"<w:tbl><w:tblPr>{tblpr}</w:tblPr>"
            '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>'
            f"<w:tr><w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paras)}</w:tc>"
            f"<w:tc>{para()}</w:tc></w:tr></w:tbl>"
        )

    body = (
        table(
            '<w:tblStyle w:val="Centred"/><w:tblInd w:w="-113" w:type="dxa"/>',
            '<w:tcBorders><w:bottom w:val="single" w:sz="4"/></w:tcBorders>',
            para("styled cell"),
            para("own style", '<w:pStyle w:val="Right"/>'),
        )
        + table('<w:tblInd w:w="5" w:type="pct"/>', "", para("plain"))
        + para("outside")
    )
    view = read_docx(make_docx(body, styles))
    styled, own = view.paragraphs[:2]
    plain = next(p for p in view.paragraphs if p.text == "plain")
    outside = view.paragraphs[-1]
    assert (styled.alignment, styled.space_before) == ("both", 60)  # Normal beats table style
    assert (styled.runs[0].size_pt, styled.runs[0].bold) == (11.0, True)
    assert own.alignment == "right"
    assert (plain.alignment, plain.runs[0].size_pt, plain.runs[0].bold) == ("both", 10.0, False)
    assert (outside.table, outside.runs[0].size_pt) == (None, 10.0)
    first, second = view.tables
    assert first.grid == [2000, 3000]
    assert (first.indent, first.has_borders, first.rows) == (-113, True, 1)
    assert (second.indent, second.has_borders) == (None, False)


# --------------------------------------------------------------------------- sections, headers


def test_header_page_field_footer_complex_field_and_title_page() -> None:
    doc = docx.Document()
    doc.add_paragraph("body")
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "first page"

    header_p = section.header.paragraphs[0]
    header_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    header_p._p.append(field)

    footer_p = section.footer.paragraphs[0]
    for kind, instr in (
        ("begin", None),
        (None, " NUM"),
        (None, "PAGES \\* MERGEFORMAT "),
        ("separate", None),
        ("end", None),
    ):
        r = footer_p.add_run()
        if kind is not None:
            fld_char = OxmlElement("w:fldChar")
            fld_char.set(qn("w:fldCharType"), kind)
            r._r.append(fld_char)
        else:
            instr_text = OxmlElement("w:instrText")
            instr_text.text = instr
            r._r.append(instr_text)

    view = view_of(doc)
    assert view.section.title_page is True
    assert (view.section.page_width, view.section.page_height) == (Mm(210).twips, Mm(297).twips)
    assert view.section.orientation == "portrait"
    assert view.section.margin_left == Mm(30).twips
    assert view.section.margin_right == Mm(15).twips
    assert set(view.section.headers) == {"default", "first"}
    assert view.section.headers["default"].startswith("word/")
    header = view.headers["default"]
    assert header.fields == ["PAGE"]
    assert header.paragraphs[0].text == "2"
    assert header.paragraphs[0].alignment == "center"
    assert view.headers["first"].text_lines() == ["first page"]
    assert view.footers["default"].fields == ["NUMPAGES \\* MERGEFORMAT"]
    assert view.fields == []


def test_headers_are_inherited_by_later_sections() -> None:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "shared header"
    doc.add_paragraph("section one")
    new = doc.add_section()
    new.orientation = 1  # WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = Mm(297), Mm(210)
    doc.add_paragraph("section two")

    view = view_of(doc)
    assert len(view.sections) == 2
    assert view.section.headers == {}  # nothing written in the last sectPr
    assert view.section.orientation == "landscape"
    assert view.headers["default"].text_lines() == ["shared header"]


def test_core_properties() -> None:
    doc = docx.Document()
    doc.core_properties.title = "Kế hoạch"
    core = view_of(doc).core
    assert core["title"] == "Kế hoạch"
    assert "created" in core and "modified" in core


# --------------------------------------------------------------------------- footnotes


FOOTNOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Nghị định số 30/2020/NĐ-CP.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote>'
)


def footnote_ref(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def test_footnotes_and_references() -> None:
    body = (
        f"<w:p><w:r><w:t>Căn cứ</w:t></w:r>{footnote_ref(2)}"
        f'<w:r><w:t xml:space="preserve"> và</w:t></w:r>{footnote_ref(1)}</w:p>'
    )
    view = read_docx(make_docx(body, footnotes=FOOTNOTES))
    assert view.footnotes == {1: "Nghị định số 30/2020/NĐ-CP.", 2: "Second note."}
    assert view.footnote_refs == [2, 1]
    p = view.paragraphs[0]
    assert p.text == "Căn cứ và"
    ref = p.runs[1]
    assert ref.is_footnote_ref and ref.footnote_id == 2
    assert (ref.text, ref.vert_align) == ("", "superscript")
    assert not p.runs[0].is_footnote_ref and p.runs[0].footnote_id is None
    assert view.footnote_paragraphs[1][0].text.strip() == "Nghị định số 30/2020/NĐ-CP."
    text = view.normalised()
    assert "Căn cứ[^2] và[^1]" in text
    assert "^1: Nghị định số 30/2020/NĐ-CP." in text


# --------------------------------------------------------------------------- normalised()


def test_normalised_summary() -> None:
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/>'
        '<w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/>'
        '<w:spacing w:before="120" w:after="0" w:line="264" w:lineRule="auto"/>'
        '<w:ind w:firstLine="567"/></w:pPr></w:style>'
    )
    body = (
        '<w:p><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/></w:pPr>'
        '<w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t>CỘNG HÒA</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Điều 1. </w:t></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Phạm vi</w:t></w:r>"
        '<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:i/></w:rPr><w:t>x</w:t><w:tab/>'
        "<w:t>y</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:spacing w:line="280" w:lineRule="exact"/><w:ind w:left="720"/></w:pPr>'
        "</w:p>"
        '<w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
        "<w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851"'
        ' w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>'
        "</w:sectPr>"
    )
    view = read_docx(make_docx(body, styles))
    expected = (
        "== body font=Times New Roman size=14\n"
        "[Normal|center|0|120/0|264|b,13] CỘNG HÒA\n"
        "[Normal|both|567|120/0|264|*] {14}Điều 1. {b,14}Phạm vi{i,14,font=Arial}x\\ty\n"
        "[Normal|both|567;L720|120/0|exact:280|-]\n"
        "T0.0.0 [Normal|both|567|120/0|264|14] cell\n"
        "== tables\n"
        "T0 rows=1 grid=[4000] indent=- align=left borders=no style=-\n"
        "== section\n"
        "page 11906x16838 portrait; margins top=1134 bottom=1134 left=1701 right=851 "
        "header=720 footer=720; titlePg=no\n"
    )
    assert view.normalised() == expected
    assert read_docx(make_docx(body, styles)).normalised() == expected  # deterministic


def test_normalised_of_python_docx_document_is_stable() -> None:
    doc = docx.Document()
    doc.add_paragraph("one")
    doc.sections[0].header.paragraphs[0].text = "header"
    data = io.BytesIO()
    doc.save(data)
    first = read_docx(data.getvalue()).normalised()
    assert first == read_docx(data.getvalue()).normalised()
    assert "== header default word/" in first
    assert first.splitlines()[1] == "[Normal|left|0|0/200|276|11] one"


# --------------------------------------------------------------------------- inputs and errors


def test_reads_paths_and_file_objects(tmp_path: Path) -> None:
    data = make_docx(para("from disk"))
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    assert read_docx(path).text_lines() == ["from disk"]
    assert read_docx(str(path)).text_lines() == ["from disk"]
    assert read_docx(io.BytesIO(data)).text_lines() == ["from disk"]


def test_strict_namespaces_are_understood() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = make_docx(para("strict", '<w:jc w:val="center"/>'), w_ns=strict)
    p = read_docx(data).paragraphs[0]
    assert (p.text, p.alignment) == ("strict", "center")


def test_not_a_docx_raises_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a zip"):
        read_docx(b"plain text, not a zip")
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    with pytest.raises(ValueError, match="not a zip"):
        read_docx(text_file)
    with pytest.raises(ValueError, match=r"word/document\.xml"):
        read_docx(zip_parts({"hello.txt": "hi"}))
    broken = zip_parts({"word/document.xml": "<w:document"})
    with pytest.raises(ValueError, match="not well-formed"):
        read_docx(broken)
    not_word = zip_parts({"word/document.xml": "<html/>"})
    with pytest.raises(ValueError, match="not a WordprocessingML document"):
        read_docx(not_word)


def test_module_doctests() -> None:
    result = doctest.testmod(docx_reader, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0

"""Phụ lục, tables, task tables and page controls (issue 7): model, layout, XML, LibreOffice."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban import _markup as markup
from vanban._markup import Span
from vanban.layout import layout
from vanban.layout.blocks import Block, Role, Table
from vanban.models import KeHoach


def _plan(sample: dict[str, Any], **changes: Any) -> KeHoach:
    data = copy.deepcopy(sample)
    data.update(changes)
    return KeHoach.model_validate(data)


def _document_xml(doc: KeHoach) -> str:
    with zipfile.ZipFile(io.BytesIO(vanban.render(doc))) as z:
        return z.read("word/document.xml").decode("utf-8")


TASKS = {
    "number_row": True,
    "columns": [
        "number",
        "task",
        {"field": "leads", "title": "Đơn vị chủ trì"},
        "coordinates",
        "deadline",
        "product",
        "Ghi chú",
    ],
    "groups": [
        {
            "title": "Nhiệm vụ chung",
            "tasks": [
                {
                    "task": "Rà soát",
                    "leads": "Phòng A",
                    "span": {"leads": 2},
                    "deadline": "Quý II/2026",
                },
                {
                    "task": "Báo cáo",
                    "leads": "Phòng B",
                    "coordinates": ["Phòng C", "Phòng D"],
                    "deadline": "2026-12-31",
                    "product": ["Báo cáo", "Tờ trình"],
                    "split": "product",
                    "extra": {"Ghi chú": "hằng quý"},
                },
            ],
        },
        {"title": "Nhiệm vụ riêng", "tasks": [{"task": "Tổng kết", "leads": "Văn phòng"}]},
    ],
}


def test_bold_italic() -> None:
    assert markup.parse("***a***") == [Span("a", True, True)]
    assert markup.parse("x ***đậm nghiêng*** y")[1] == Span("đậm nghiêng", True, True)
    assert markup.parse("***a* b**") == [Span("a", True, True), Span(" b", True, False)]


def test_appendix_references_follow_renumbering(sample: dict[str, Any]) -> None:
    sample["intro"] = ["Chi tiết tại [@nv] và [@dc]."]
    one = {"id": "nv", "title": "Nhiệm vụ", "content": [{"tasks": [{"task": "A"}]}]}
    two = {"id": "dc", "title": "Đề cương", "sections": [{"title": "Kết quả", "content": ["x"]}]}
    text = layout(_plan(sample, appendices=[one, two])).text()
    assert "Chi tiết tại Phụ lục I và Phụ lục II." in text
    text = layout(_plan(sample, appendices=[two, one])).text()
    assert "Chi tiết tại Phụ lục II và Phụ lục I." in text
    single = layout(_plan(sample, appendices=[one], intro=["Xem [@nv]."])).text()
    assert "Xem Phụ lục." in single and "\nPhụ lục\n" in single
    numbered = layout(_plan(sample, appendices=[{**one, "number": "01"}], intro=["Xem [@nv]."]))
    assert "Xem Phụ lục 01." in numbered.text()


def test_reference_inside_a_footnote(sample: dict[str, Any]) -> None:
    """A footnote's own text may name a phụ lục; the reference prints its label (it was
    silently dropped before)."""
    sample["intro"] = ["Chi tiết[^ct]."]
    sample["footnotes"] = {**sample.get("footnotes", {}), "ct": "Xem [@nv] kèm theo."}
    one = {"id": "nv", "title": "Nhiệm vụ", "content": [{"tasks": [{"task": "A"}]}]}
    text = layout(_plan(sample, appendices=[one])).text()
    assert re.search(r"^\[\d+\] Xem Phụ lục kèm theo\.$", text, re.M)


def test_unknown_reference_is_a_located_error(sample: dict[str, Any]) -> None:
    import yaml

    sample["intro"] = ["Xem [@khong-co]."]
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    (problem,) = [p for p in info.value.errors if p.code == "unknown_ref"]
    assert problem.path == "intro[0]" and problem.line is not None


def test_appendix_heading_and_reference_line(sample: dict[str, Any]) -> None:
    doc = _plan(
        sample,
        appendices=[{"title": "Danh mục nhiệm vụ", "content": [{"tasks": [{"task": "A"}]}]}],
    )
    lay = layout(doc)
    (a,) = lay.appendices
    assert [b.role for b in a.heading] == [
        Role.APPENDIX_LABEL,
        Role.APPENDIX_TITLE,
        Role.APPENDIX_REFERENCE,
    ]
    assert a.heading[1].text == "DANH MỤC NHIỆM VỤ"
    assert a.heading[2].text.replace("\xa0", " ") == (  # names unbroken: test_appendix_headings
        "(Kèm theo Kế hoạch số 05/KH-KCN ngày 05 tháng 02 năm 2025 "
        "của Ban quản lý các khu công nghiệp)"
    )
    sample["issuer"]["in_text"] = "Ban Quản lý các khu công nghiệp tỉnh"
    sample.pop("number")
    lay = layout(_plan(sample, appendices=[{"content": ["x"], "title": "A"}]))
    line = lay.appendices[0].heading[2].text.replace("\xa0", " ")
    assert line.startswith("(Kèm theo Kế hoạch số       /KH-KCN")
    assert line.endswith("của Ban Quản lý các khu công nghiệp tỉnh)")


def test_appendix_sections_landscape_and_page_numbers(sample: dict[str, Any]) -> None:
    doc = _plan(
        sample,
        appendices=[
            {"title": "Một", "landscape": True, "content": [{"tasks": [{"task": "A"}]}]},
            {"title": "Hai", "content": ["Nội dung."]},
        ],
    )
    xml = _document_xml(doc)
    sections = re.findall(r"<w:sectPr>.*?</w:sectPr>", xml)
    assert len(sections) == 3
    main, first, second = sections
    assert "pgNumType" not in main and 'w:orient="landscape"' not in main
    assert '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' in first
    assert '<w:pgNumType w:start="1"/>' in first and '<w:pgNumType w:start="1"/>' in second
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in second
    for s in (first, second):
        assert "<w:titlePg/>" in s and 'w:type="first" r:id="rId6"' in s
        assert "rIdVbFooterEmpty" in s  # the contact footer belongs to page 1 only
    # a landscape page gives tables its width: 297 - 35 - 20 mm
    table = next(i for i in layout(doc).appendices[0].body if isinstance(i, Table))
    assert table.width == 13720


def test_table_spans_groups_and_header(sample: dict[str, Any]) -> None:
    table = {
        "columns": [{"title": "TT", "width": "12mm", "align": "center"}, "Thời gian", "Nội dung"],
        "rows": [
            {"group": "Ngày thứ nhất"},
            [1, {"text": "8h00", "rowspan": 2}, "Họp"],
            [2, "Làm việc"],
            {"group": "Ngày thứ hai", "label": "B"},
            [1, {"text": "Cả ngày", "colspan": 2}],
        ],
    }
    sample["sections"][0]["content"].append(table)
    body = layout(_plan(sample)).body
    t = next(i for i in body if isinstance(i, Table))
    assert t.widths[0] == 680 and sum(t.widths) == 8788
    assert (
        t.rows[0].header and [c.paras[0].role for c in t.rows[0].cells] == [Role.TABLE_HEADER] * 3
    )
    assert t.text.splitlines() == [
        "TT | Thời gian | Nội dung",
        "I | Ngày thứ nhất",
        "1 | 8h00 | Họp",
        "2 |  | Làm việc",
        "B | Ngày thứ hai",
        "1 | Cả ngày",
    ]
    assert [c.merge for c in t.rows[2].cells] == [None, "restart", None]
    assert [c.merge for c in t.rows[3].cells] == [None, "continue", None]
    assert t.rows[5].cells[1].span == 2
    xml = _document_xml(_plan(sample))
    assert xml.count("<w:tblHeader/>") == 1 and "<w:cantSplit/>" in xml
    assert '<w:vMerge w:val="restart"/>' in xml and '<w:gridSpan w:val="2"/>' in xml


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[1, 2, 3, 4]], "nhiều hơn số cột"),
        ([[{"text": "x", "colspan": 4}]], "vượt quá 3 cột"),
        ([[{"text": "x", "rowspan": 3}], [1]], "vượt quá dòng cuối"),
        ([[{"text": "x", "rowspan": 2}], {"group": "G"}], "dòng nhóm"),
    ],
)
def test_tables_that_cannot_be_laid_out_are_refused(
    sample: dict[str, Any], rows: list[Any], message: str
) -> None:
    sample["sections"][0]["content"].append({"columns": ["A", "B", "C"], "rows": rows})
    with pytest.raises(vanban.ValidationError, match=message):
        _plan(sample)


def test_task_table(sample: dict[str, Any]) -> None:
    sample["task_labels"] = {"deadline": "Thời gian hoàn thành"}
    sample["sections"][1]["content"] = [TASKS]
    t = next(i for i in layout(_plan(sample)).body if isinstance(i, Table))
    lines = t.text.splitlines()
    assert lines[0] == (
        "TT | Nhiệm vụ | Đơn vị chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm | Ghi chú"
    )
    assert lines[1] == "(1) | (2) | (3) | (4) | (5) | (6) | (7)"
    assert lines[2] == "I | Nhiệm vụ chung"
    assert lines[3] == "1 | Rà soát | Phòng A | Quý II/2026 |  | "  # leads spans 2 columns
    assert t.rows[3].cells[2].span == 2
    assert lines[4] == "2 | Báo cáo | Phòng B | Phòng C / Phòng D | 31/12/2026 | Báo cáo | hằng quý"
    assert lines[5] == " |  |  |  |  | Tờ trình | "  # split: the other cells merged down
    assert [c.merge for c in t.rows[5].cells].count("continue") == 6
    assert lines[6:] == ["II | Nhiệm vụ riêng", "1 | Tổng kết | Văn phòng |  |  |  | "]
    assert t.rows[0].header and t.rows[1].header and not t.rows[2].header


def test_task_labels_and_extra_fields_in_prose(sample: dict[str, Any]) -> None:
    sample["task_style"] = "lines"
    sample["task_labels"] = {"deadline": "Thời gian hoàn thành", "leads": "Cơ quan chủ trì"}
    sample["sections"][1]["content"] = [
        {
            "task": "Rà soát.",
            "deadline": "2025-06-30",
            "leads": ["Sở A", "Sở B"],
            "extra": {"Theo dõi, đôn đốc": "Văn phòng"},
        }
    ]
    text = layout(_plan(sample)).text()
    assert "- Cơ quan chủ trì: Sở A, Sở B" in text
    assert "- Thời gian hoàn thành: trước ngày 30/6/2025" in text
    assert "- Theo dõi, đôn đốc: Văn phòng" in text


def test_numbers_under_letters_are_unique_in_their_khoan(sample: dict[str, Any]) -> None:
    sample["sections"][1]["content"] = [
        {
            "title": "Nhiệm vụ",
            "content": [
                {
                    "letters": [
                        {"text": "Điểm một", "content": [{"task": "A"}, {"task": "B"}]},
                        {"text": "Điểm hai", "content": [{"task": "C"}]},
                    ]
                }
            ],
        }
    ]
    tasks = [
        b.text for b in layout(_plan(sample)).body if isinstance(b, Block) and b.role is Role.TASK
    ]
    assert [t.split()[0] for t in tasks] == ["1.1.", "1.2.", "1.3."]


def test_plan_without_muc(sample: dict[str, Any]) -> None:
    data = copy.deepcopy(sample)
    del data["sections"]
    data["content"] = [{"title": "Mục đích", "text": "Một."}, {"title": "Yêu cầu", "text": "Hai."}]
    lay = layout(KeHoach.model_validate(data))
    heads = [b.text for b in lay.body if isinstance(b, Block) and b.role is Role.ITEM_HEADING]
    assert heads == ["1. Mục đích: Một.", "2. Yêu cầu: Hai."]
    assert not any(b.role is Role.HEADING1 for b in lay.body if isinstance(b, Block))
    del data["content"]
    with pytest.raises(vanban.ValidationError, match="sections"):
        KeHoach.model_validate(data)


def test_aligned_paragraphs_and_page_break(sample: dict[str, Any]) -> None:
    sample["sections"][0]["content"] += [
        {"align": "center", "text": "*(chi tiết tại Phụ lục)*"},
        {"page_break": True},
        {"align": "right", "text": "**LÃNH ĐẠO ĐƠN VỊ**"},
    ]
    doc = _plan(sample)
    roles = [b.role for b in layout(doc).body if isinstance(b, Block)]
    assert Role.PARAGRAPH_CENTER in roles and Role.PARAGRAPH_RIGHT in roles
    xml = _document_xml(doc)
    assert '<w:br w:type="page"/>' in xml
    assert 'w:val="VBParagraphCenter"' in xml and 'w:val="VBParagraphRight"' in xml


def test_closing_kept_with_signature_and_line_breaks_not_stretched(sample_doc: KeHoach) -> None:
    data = vanban.render(sample_doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        settings = z.read("word/settings.xml").decode()
    last = xml[: xml.index("<w:tbl>", xml.index("VBClosing"))]
    assert last.rsplit("<w:p>", 1)[1].startswith(
        '<w:pPr><w:pStyle w:val="VBClosing"/><w:keepNext/>'
    )
    assert re.search(r'w:styleId="VBClosing">.*?<w:keepNext/>', styles, re.DOTALL)
    assert "<w:doNotExpandShiftReturn/>" in settings


def test_every_text_of_a_table_reaches_the_checks(sample: dict[str, Any]) -> None:
    sample["sections"][1]["content"] = [TASKS, {"columns": ["A"], "rows": [["x[^kcn]"]]}]
    paths = [p for p, _ in _plan(sample).texts()]
    assert "sections[1].content[0].groups[0].tasks[1].extra.Ghi chú" in paths
    assert "sections[1].content[1].rows[0][0].text" in paths


SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or poppler missing")
def test_landscape_appendix_in_libreoffice(sample: dict[str, Any], tmp_path: Path) -> None:
    tasks = [{"task": f"Nhiệm vụ số {i} " + "nội dung " * 8, "leads": "Sở A"} for i in range(60)]
    doc = _plan(
        sample,
        appendices=[
            {
                "title": "Danh mục nhiệm vụ",
                "landscape": True,
                "content": [{"tasks": tasks, "columns": ["number", "task", "leads", "deadline"]}],
            }
        ],
    )
    vanban.render(doc, tmp_path / "p.docx")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "p.docx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / "p.pdf"

    def page(n: int) -> str:
        return subprocess.run(
            [PDFTOTEXT, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    first = next(int(n) for n, _, _ in sizes if "Phụ lục" in page(int(n)))
    w, h = next((float(a), float(b)) for n, a, b in sizes if int(n) == first)
    assert w > h, "the appendix is landscape"
    assert "DANH MỤC NHIỆM VỤ" in page(first) and "KẾ HOẠCH" not in page(first)
    assert "Nơi nhận" not in page(first)  # on its own page, after the signature
    top_first = page(first).strip().splitlines()[0].strip()
    assert top_first == "Phụ lục", "no page number on the appendix's first page"
    second = page(first + 1).strip().splitlines()
    assert second[0].strip() == "2", "page numbers restart: the appendix's second page is 2"
    assert any(line.split()[:2] == ["TT", "Nhiệm"] for line in second), "header row repeated"


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or poppler missing")
def test_signature_never_stands_alone_in_libreoffice(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    # With 19–21 filler paragraphs the closing ends page 2; vanban 0.1 put the Nơi nhận and
    # the signature alone on page 3 (looked at in LibreOffice). Kept together now.
    filler = "Đoạn văn thứ {} dùng để đẩy nội dung xuống cuối trang, bảo đảm phép thử giữ đoạn kết cùng khối chữ ký."
    names = []
    for n in (19, 20, 21):
        doc = _plan(
            sample,
            intro=[filler.format(i) for i in range(n)],
            closing="Trên đây là Kế hoạch ĐOẠNKẾT của Ban Quản lý các KCN",
        )
        vanban.render(doc, tmp_path / f"k{n}.docx")
        names.append(tmp_path / f"k{n}.docx")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, names)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for docx in names:
        pages = subprocess.run(
            [PDFTOTEXT, str(docx.with_suffix(".pdf")), "-"], check=True, capture_output=True,
            text=True,
        ).stdout.split("\f")  # fmt: skip
        closing = next(i for i, p in enumerate(pages) if "ĐOẠNKẾT" in p)
        assert "Nơi nhận" in pages[closing] and "Nguyễn Văn A" in pages[closing], docx.name


def test_title_and_text_in_one_paragraph_are_joined_by_a_colon() -> None:
    """A khoản or điểm with a title and a text prints "a) Sở Tài chính: chủ trì …"; a title
    that ends with its own punctuation keeps it."""
    from vanban.layout.body import Body

    body = Body(lambda text, **kw: markup.parse(text, **kw), 9000)
    body.item("a)", "Sở Tài chính", "chủ trì thẩm định.")
    body.item("b)", "Sở Nội vụ:", "phối hợp.")
    assert [b.text for b in body.out] == [
        "a) Sở Tài chính: chủ trì thẩm định.",
        "b) Sở Nội vụ: phối hợp.",
    ]


@pytest.mark.filterwarnings("ignore:footnotes")  # the sample's footnote, unused here
def test_lead_in_and_group_rows_are_kept_with_what_follows(sample: dict[str, Any]) -> None:
    """The paragraph that leads into a table, and a group's title row, stay on the page of
    the row after them (keepNext); a note under the table stays with its last row; other
    rows and paragraphs do not carry it."""
    table = {
        "columns": ["STT", "Nội dung"],
        "rows": [{"group": "Khối văn phòng"}, ["1", "Tiếp nhận hồ sơ"], ["2", "Trả kết quả"]],
    }
    plan = _plan(sample, content=["Lịch trực như sau:", table, "Các đơn vị thực hiện."])
    plan = plan.model_copy(update={"sections": []})
    with zipfile.ZipFile(io.BytesIO(vanban.render(plan))) as z:
        xml = z.read("word/document.xml").decode()
    body = xml[xml.index("Lịch trực như sau") - 400 :]
    lead = body[: body.index("<w:tbl>")]
    assert lead.rfind("<w:keepNext/>") > lead.rfind("<w:p>")  # on the lead-in paragraph
    table = body[body.index("<w:tbl>") : body.index("</w:tbl>")]
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.S)
    group = next(r for r in rows if "Khối văn phòng" in r)
    plain = next(r for r in rows if "Tiếp nhận hồ sơ" in r)
    assert "<w:keepNext/>" in group and "<w:keepNext/>" not in plain
    # The note under the table stays with its last row (row and spacer kept), not beyond.
    assert "<w:keepNext/>" in rows[-1]
    after = body[body.index("</w:tbl>") :]
    spacer, note = re.findall(r"<w:p>.*?</w:p>", after, re.S)[:2]
    assert "<w:keepNext/>" in spacer
    assert "Các đơn vị thực hiện" in note and "<w:keepNext/>" not in note

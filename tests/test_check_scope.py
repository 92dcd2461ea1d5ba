"""No document skipped silently (issue 19): a document with a Số line, a signer or a Nơi
nhận is checked as the nearest type, with findings for what is missing or malformed; only a
document that is clearly something else is out of scope, with its reason. The type, the
evidence for it and the scope are in ``--json`` and in the text line; ``--strict`` makes an
out-of-scope document exit 1."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from word_docs import build

from vanban._cli import main
from vanban.checker import check_report


def _edit(data: bytes, change: Any) -> bytes:
    doc = Document(io.BytesIO(data))
    change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _run(p: Any, text: str, size: float = 14, bold: bool = False, italic: bool = False) -> Any:
    r = p.add_run(text)
    r.font.name, r.font.size, r.bold, r.italic = "Times New Roman", Pt(size), bold, italic
    return r


def _free_document(lines: list[tuple[str, dict[str, Any]]]) -> bytes:
    """A document of free paragraphs (no table), each ``(text, run and paragraph options)``."""
    doc = Document()
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin = s.bottom_margin = Cm(2)
    s.left_margin, s.right_margin = Cm(3), Cm(1.5)
    for text, o in lines:
        p = doc.add_paragraph()
        if o.get("center"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            _run(p, text, o.get("size", 14), o.get("bold", False), o.get("italic", False))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


C = {"center": True}
CB = {"center": True, "bold": True}
BODY = "Nội dung được trình bày đầy đủ theo quy định, bảo đảm đúng thẩm quyền và thời hạn."


def _rules(data: bytes) -> list[str]:
    return [f.rule for f in check_report(data).findings]


def test_national_and_motto_in_one_paragraph_split_by_a_line_break() -> None:
    def one_paragraph(doc: Any) -> None:
        national = doc.tables[0].rows[0].cells[2].paragraphs[0]
        national.runs[-1].add_break(WD_BREAK.LINE)
        _run(national, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
        motto = doc.tables[0].rows[0].cells[2].paragraphs[1]
        motto.runs[0].text = ""  # the line drawn under it stays

    report = check_report(_edit(build(), one_paragraph))
    assert report.in_scope and report.document_type == "quyet_dinh"
    assert report.findings == []  # each line judged in its own size (13 and 14 pt)
    bad = _edit(build(national_size=14), one_paragraph)
    assert "PL1.II.1a.national-name-format" in _rules(bad)


def test_typed_without_diacritics_is_checked_and_reported() -> None:
    data = build(national="CONG HOA XA HOI CHU NGHIA VIET NAM", motto="Doc lap - Tu do - Hanh phuc")
    report = check_report(data)
    assert report.in_scope and report.document_type == "quyet_dinh"
    found = {f.rule: f.message for f in report.findings}
    assert found["PL1.II.1a.national-name"] == "Quốc hiệu gõ không dấu"
    assert found["PL1.II.1b.motto-text"] == "Tiêu ngữ gõ không dấu"


def test_lower_case_national_name_is_checked_and_reported() -> None:
    report = check_report(build(national="Cộng hòa xã hội chủ nghĩa Việt Nam"))
    assert report.in_scope and report.document_type == "quyet_dinh"
    assert [f.message for f in report.findings] == ["Quốc hiệu phải in hoa"]


def test_a_table_before_the_header() -> None:
    def table_first(doc: Any) -> None:
        table = doc.add_table(rows=30, cols=2)
        for r in range(30):
            table.rows[r].cells[0].paragraphs[0].add_run(f"Mục {r + 1}")
            table.rows[r].cells[1].paragraphs[0].add_run("Ghi chú của văn thư")
        doc.element.body.insert(0, table._tbl)

    report = check_report(_edit(build(), table_first))
    assert report.in_scope and report.document_type == "quyet_dinh"


def test_without_national_name_but_with_number_and_recipients() -> None:
    report = check_report(build(national="", motto=""))
    assert report.in_scope and report.document_type == "quyet_dinh"
    assert "PL1.II.1a.national-missing" in [f.rule for f in report.findings]
    assert [what for what, _ in report.evidence][:3] == [
        "không có Quốc hiệu",
        "dòng Số, ký hiệu",
        "Nơi nhận",
    ]


def test_an_article_is_out_of_scope_with_its_reason() -> None:
    data = _free_document(
        [("ĐỔI MỚI CÔNG TÁC VĂN THƯ Ở CƠ SỞ", CB), *[(BODY, {}) for _ in range(5)]]
    )
    report = check_report(data)
    assert not report.in_scope and [f.rule for f in report.findings] == ["SCOPE.out-of-scope"]
    assert report.scope_reason is not None and "không có Quốc hiệu" in report.scope_reason


def test_a_licence_with_a_header_typed_without_table_is_out_of_scope() -> None:
    data = _free_document(
        [
            ("BỘ CÔNG THƯƠNG", CB),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {**CB, "size": 13}),
            ("Độc lập - Tự do - Hạnh phúc", CB),
            ("Số: 12/GP-BCT", C),
            ("", {}),
            ("GIẤY PHÉP", CB),
            ("VẬN CHUYỂN HÀNG HÓA NGUY HIỂM", CB),
            *[(BODY, {}) for _ in range(8)],
            ("BỘ TRƯỞNG", CB),
            ("Nguyễn Văn An", CB),
        ]
    )
    report = check_report(data)
    assert not report.in_scope
    assert report.scope_reason is not None and "GIẤY PHÉP" in report.scope_reason


def test_an_internal_form_is_out_of_scope() -> None:
    report = check_report(build(heading="PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"))
    assert not report.in_scope and "PHIẾU TRÌNH" in (report.scope_reason or "")


def test_the_issued_text_of_a_decision_is_recognised() -> None:
    def issued(doc: Any) -> None:
        title = next(p for p in doc.paragraphs if p.text.startswith("Hội Văn thư"))
        new = doc.add_paragraph()
        title._p.addnext(new._p)
        new.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(
            new,
            "(Kèm theo Quyết định số 05/QĐ-SCT ngày 05/3/2026 của Sở Công Thương)",
            14,
            italic=True,
        )

    data = _edit(
        build(
            kind="dieu_le",
            heading="ĐIỀU LỆ",
            title="Hội Văn thư lưu trữ tỉnh Lào Cai",
            number="",
            date="",
            recipients=[],
            archive="",
        ),
        issued,
    )
    report = check_report(data)
    assert report.in_scope and report.document_type == "van_ban_kem_theo"
    rules = {f.rule for f in report.findings}
    assert not rules & {
        "PL1.II.3.number-missing",
        "PL1.II.4.date-missing",
        "PL1.II.5b.title-format",
    }
    assert any("Mẫu 1.3" in what for what, _ in report.evidence)


def test_json_and_text_say_type_evidence_and_scope(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "quyet-dinh.docx"
    good.write_bytes(build())
    form = tmp_path / "phieu-trinh.docx"
    form.write_bytes(build(heading="PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"))
    assert main(["check", "--json", str(good)]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["scope"] == {"in_scope": True, "reason": None}
    whats = [e["what"] for e in obj["evidence"]]
    assert whats[:3] == ["Quốc hiệu", "Số, ký hiệu «QĐ-SCT»", "tên loại «QUYẾT ĐỊNH»"]
    assert set(obj["evidence"][0]) == {"what", "paragraph", "excerpt"}
    assert main(["check", str(form)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(f"{form}: ngoài phạm vi — tên loại PHIẾU TRÌNH")
    assert main(["check", "--strict", str(form)]) == 1
    assert main(["check", "--strict", str(good)]) == 0
    out = capsys.readouterr().out
    assert f"{good}: quyet_dinh (Quốc hiệu; Số, ký hiệu «QĐ-SCT»; tên loại «QUYẾT ĐỊNH»" in out


@pytest.mark.parametrize(
    ("tail", "evidence"),
    [
        ([("KT. GIÁM ĐỐC", CB), ("PHÓ GIÁM ĐỐC", CB), ("", {}), ("Nguyễn Văn An", CB)], "người ký"),
        (
            [
                ("Nơi nhận:", {"bold": True, "italic": True, "size": 12}),
                ("- Lưu: VT.", {"size": 11}),
            ],
            "Nơi nhận",
        ),
    ],
)
def test_a_signer_or_a_recipients_block_alone_keeps_a_document_in_scope(
    tail: list[tuple[str, dict[str, Any]]], evidence: str
) -> None:
    data = _free_document(
        [("BÁO CÁO", CB), ("Kết quả công tác văn thư năm 2026", CB), (BODY, {}), *tail]
    )
    report = check_report(data)
    assert report.in_scope and report.document_type == "bao_cao"
    assert evidence in [what for what, _ in report.evidence]
    assert "PL1.II.1a.national-missing" in [f.rule for f in report.findings]

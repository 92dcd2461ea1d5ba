"""The rules of issue 19 item 3, each with a document that fails it and one that passes: the
Quốc hiệu on one line, the Tiêu ngữ's spaced hyphens, căn cứ opening with "Căn cứ" and set in
italics (also in a Kế hoạch), the authority line and "QUYẾT ĐỊNH:" of a Quyết định, "Điều 1."
bold with its full stop, a Nơi nhận and its Lưu line, a table inside the text area, and the
signature not alone on the last page (computed, or laid out by LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from independent.builder import build

from vanban._checks.layout import ESTIMATED, LAID_OUT
from vanban.checker import check_report
from vanban.nd30.catalogue import RULES

QD = {"kind": "quyet_dinh"}
#: rule → (a document that breaks it, one that keeps it), as builder specs.
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "PL1.II.1a.national-one-line": (
        {"kind": "cong_van", "national_break": True},
        {"kind": "cong_van", "national_with_motto": False},
    ),
    "PL1.II.1b.motto-spacing": (
        {"motto": "Độc lập -Tự do - Hạnh phúc"},
        {"motto": "Độc lập - Tự do - Hạnh phúc"},
    ),
    "PL1.II.6a.basis-form": (
        {**QD, "basis": ["Căn cứ Luật Văn thư, lưu trữ;", "Nghị định số 30/2020/NĐ-CP;"]},
        {**QD, "basis": ["Căn cứ Luật Văn thư, lưu trữ;", "Căn cứ Nghị định số 30/2020/NĐ-CP;"]},
    ),
    "PL3.QD.authority-missing": (
        {**QD, "authority": ""},
        {**QD, "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"},
    ),
    "PL3.QD.issuing-line": ({**QD, "issuing": "QUYẾT ĐỊNH"}, {**QD, "issuing": "QUYẾT ĐỊNH:"}),
    "PL1.II.6d.article-label": ({**QD, "article_stop": ":"}, {**QD, "article_stop": "."}),
    "PL1.II.6d.article-bold": (
        {**QD, "article_bold": False},
        {**QD, "article_bold": True, "styled": True},
    ),
    "PL1.II.9b.recipients-missing": (
        {"kind": "bao_cao", "no_recipients": True},
        {"kind": "bao_cao"},
    ),
    "PL1.I.5.table-width": (
        {"body_table_cm": 19, "paragraphs": 2},
        {"body_table_cm": 15, "paragraphs": 2},
    ),
    "PL1.II.7.signature-alone": (
        {"kind": "bao_cao", "page_break_before_closing": True},
        {"kind": "bao_cao"},
    ),
}
#: The rules this issue added to the catalogue.
NEW_RULES = set(CASES)
#: Defects that older rules report, now in places they did not look.
MORE: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "PL1.II.6a.basis-italic": ({"basis_italic": False}, {"basis_italic": True}),
    "PL1.II.6a.basis-punctuation": (
        {**QD, "issuing": "QUYẾT ĐỊNH", "basis": ["Căn cứ Luật A,", "Căn cứ Nghị định B,"]},
        {**QD, "basis": ["Căn cứ Luật A;", "Căn cứ Nghị định B;"]},
    ),
    "PL1.II.9b.archive-line": (
        {"archive": "- Lưu: VT, VP", "bullets": True},
        {"archive": "- Lưu: VT, VP.", "bullets": True},
    ),
}


def rules_of(spec: dict[str, Any], **kw: Any) -> set[str]:
    return {f.rule for f in check_report(build(spec), **kw).findings}


def test_the_new_rules_are_in_the_catalogue_with_their_clause() -> None:
    for rule in NEW_RULES:
        entry = RULES[rule]
        assert entry.clause.startswith(("Phụ lục I", "Phụ lục III")), rule
        assert entry.bad and entry.good and entry.checks


@pytest.mark.parametrize("rule", sorted({**CASES, **MORE}))
def test_each_rule_fails_its_bad_document_and_passes_its_good_one(rule: str) -> None:
    bad, good = {**CASES, **MORE}[rule]
    assert rule in rules_of(bad)
    assert rules_of(good) == set()


def test_an_upright_kehoach_basis_is_found_but_prose_opening_with_can_cu_is_not() -> None:
    upright = check_report(build({"basis_italic": False})).findings
    assert [(f.rule, f.count) for f in upright] == [("PL1.II.6a.basis-italic", 2)]
    prose = ["Căn cứ tình hình thực tế, Sở Nội vụ xây dựng kế hoạch như sau:"]
    assert rules_of({"basis": prose, "basis_italic": False}) == set()


def test_a_broken_quoc_hieu_and_a_motto_in_one_paragraph_are_told_apart() -> None:
    assert "PL1.II.1a.national-one-line" not in rules_of({"national_with_motto": True})
    finding = next(
        f
        for f in check_report(build({"national_break": True})).findings
        if f.rule == "PL1.II.1a.national-one-line"
    )
    assert finding.found == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA ↵ VIỆT NAM"


def test_an_article_label_bold_without_its_stop_bold_passes() -> None:
    from vanban._checks.findings import Collector
    from vanban._checks.wording import _check_article
    from vanban._docx_reader import ParaView, RunView
    from vanban._regions.state import Reading

    p = ParaView(
        "Điều 3. Chánh Văn phòng",
        None,
        None,
        [RunView("Điều 3", bold=True, size_pt=14), RunView(". Chánh Văn phòng", size_pt=14)],
    )
    out = Collector(Reading.__new__(Reading))
    out.reading.view = type("V", (), {"paragraphs": [p]})()  # type: ignore[assignment]
    out.reading.page_of, out.reading.reader_no = [1], [1]
    _check_article(out, 0, p)
    assert out.findings() == []


def test_the_signature_finding_says_its_page_was_computed() -> None:
    bad = CASES["PL1.II.7.signature-alone"][0]
    f = next(f for f in check_report(build(bad)).findings if "alone" in f.rule)
    assert ESTIMATED in f.message


def test_a_signature_pushed_over_by_the_content_is_found_from_the_computed_page() -> None:
    # the schedule pushes the Nơi nhận and signature onto page 2 (seen on the LibreOffice page)
    assert "PL1.II.7.signature-alone" in rules_of({"body_table_cm": 15.5})
    assert "PL1.II.7.signature-alone" not in rules_of({"body_table_cm": 15.5, "paragraphs": 2})


needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and pdftotext are needed for --layout",
)


@needs_libreoffice
def test_layout_by_libreoffice_agrees_and_says_so() -> None:
    overflow = check_report(build({"body_table_cm": 15.5}), layout=True).findings
    f = next(f for f in overflow if f.rule == "PL1.II.7.signature-alone")
    assert LAID_OUT in f.message and "trang 2" in f.message
    assert "PL1.II.7.signature-alone" not in rules_of({"kind": "bao_cao"}, layout=True)


@needs_libreoffice
def test_the_cli_layout_flag(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(build({"kind": "bao_cao", "page_break_before_closing": True}))
    done = subprocess.run(
        [sys.executable, "-m", "vanban", "check", "--layout", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr  # a warning only
    assert "PL1.II.7.signature-alone" in done.stdout and LAID_OUT in done.stdout


def test_an_authority_line_in_lower_case_is_still_an_authority_line() -> None:
    assert "PL3.QD.authority-missing" not in rules_of({**QD, "authority": "Giám đốc Sở Nội vụ"})

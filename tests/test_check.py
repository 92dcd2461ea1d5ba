"""The NĐ30 checker: vanban's own output passes, Word-made documents are read as a clerk reads
them, each rule of the catalogue has a failing and a passing document."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from tests_support import example_docs
from word_docs import build

import vanban
from vanban._cli import main
from vanban.checker import UnreadableDocx, check_docx, check_report
from vanban.models import KeHoach
from vanban.nd30.catalogue import CATALOGUE, RULES

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
CV = {"kind": "cong_van", "number": "Số: 05/SCT-CN", "heading": None}
LONG = {"paragraphs": 30}


def _patch(data: bytes, part: str, old: str, new: str, count: int = 1) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == part:
                text = raw.decode()
                assert re.search(old, text), f"{old!r} not in {part}"
                raw = re.sub(old, new, text, count=count).encode()
            z.writestr(info.filename, raw)
    return out.getvalue()


def _rules(data: bytes) -> set[str]:
    return {f.rule for f in check_docx(data)}


@pytest.fixture
def sample_docx(sample_doc: KeHoach) -> bytes:
    return vanban.render(sample_doc)


# --------------------------------------------------------------------------- vanban's output


@pytest.mark.parametrize("size", ["14", "13"])
def test_sample_passes(sample: dict, size: str) -> None:
    sample["format"] = {"size": size}
    assert check_docx(vanban.render(KeHoach.model_validate(sample))) == []


@pytest.mark.parametrize("name", sorted(example_docs()))
def test_examples_pass_with_zero_findings(name: str) -> None:
    doc = example_docs()[name]
    report = check_report(vanban.render(doc))
    assert report.in_scope and report.document_type == doc.doc_type
    assert report.findings == []


@pytest.mark.parametrize(
    ("part", "old", "new", "rule"),
    [
        ("word/document.xml", r'w:left="1984"', 'w:left="2400"', "PL1.I.margin-left"),
        (
            "word/styles.xml",
            r'(w:styleId="VBMotto">.*?<w:sz w:val=)"28"',
            r'\1"24"',
            "PL1.II.1b.motto-format",
        ),
        (
            "word/styles.xml",
            r'(w:styleId="VBRecipientsLabel">.*?)<w:i/>',
            r"\1",
            "PL1.II.9b.recipients-label",
        ),
        ("word/styles.xml", r'w:ascii="Times New Roman"', 'w:ascii="Arial"', "PL1.I.font"),
        ("word/styles.xml", r'(w:styleId="VBPlaceDate">.*?)<w:i/>', r"\1", "PL1.II.4c.date-format"),
        ("word/document.xml", r"Công an tỉnh;", "Công an tỉnh", "PL1.II.9b.recipients-punctuation"),
        (
            "word/document.xml",
            r"CỘNG HÒA XÃ HỘI",
            "CỘNG HO\u0300A XÃ HỘI",  # "HÒA" typed with a combining grave accent
            "PL1.II.1a.national-name-spelling",
        ),
        ("word/document.xml", r"Độc lập - Tự do", "Độc lập – Tự do", "PL1.II.1b.motto-dash"),
        ("word/document.xml", r"- Lưu: VT, ([^<]*)\.<", r"- Lưu VT, \1<", "PL1.II.9b.archive-line"),
        ("word/document.xml", r"\./\.<", ".<", "PL1.II.6.end-mark"),
    ],
)
def test_mutated_output_is_caught(
    sample_docx: bytes, part: str, old: str, new: str, rule: str
) -> None:
    assert rule not in _rules(sample_docx)
    assert rule in _rules(_patch(sample_docx, part, old, new))


# --------------------------------------------------------------------------- Word-made documents

FAILING = [
    ({"margins_mm": (15, 20, 30, 15)}, "PL1.I.margin-top"),
    ({"margins_mm": (20, 12, 30, 15)}, "PL1.I.margin-bottom"),
    ({"margins_mm": (20, 20, 25, 15)}, "PL1.I.margin-left"),
    ({"margins_mm": (20, 20, 30, 25)}, "PL1.I.margin-right"),
    ({"landscape_first": True}, "PL1.I.orientation"),
    ({"font": "Arial"}, "PL1.I.font"),
    ({"color": "0000FF"}, "PL1.I.color"),
    ({"nfd": True}, "PL1.I.unicode-nfc"),
    ({"national": "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, "PL1.II.1a.national-name"),
    ({"nfd": True}, "PL1.II.1a.national-name-spelling"),
    ({"national": ""}, "PL1.II.1a.national-missing"),
    ({"motto": "Doc lap - Tu do - Hanh phuc"}, "PL1.II.1b.motto-text"),
    ({"national_size": 14}, "PL1.II.1a.national-name-format"),
    ({"motto_bold": False}, "PL1.II.1b.motto-format"),
    ({"motto": "Độc lập – Tự do – Hạnh phúc"}, "PL1.II.1b.motto-dash"),
    ({"motto_line": "none"}, "PL1.II.1b.motto-line"),
    ({"motto_line_emu": 720000}, "PL1.II.1b.motto-line-length"),
    ({"issuer_line": "none"}, "PL1.II.2c.issuer-line"),
    ({"issuer": "Sở Công Thương"}, "PL1.II.2b.issuer-format"),
    ({"issuer_bold": False}, "PL1.II.2b.issuer-format"),
    ({"number": "Số 05/QĐ-SCT"}, "PL1.II.3a.number-colon"),
    ({"number": "Số: 5/QĐ-SCT"}, "PL1.II.3c.number-leading-zero"),
    ({"number": "Số: 05/qđ - SCT"}, "PL1.II.3b.symbol-shape"),
    ({"number": "Số: 05/KH-SCT"}, "PL1.II.3b.symbol-type"),
    ({"number_size": 14}, "PL1.II.3c.number-size"),
    ({"number": "Ký hiệu 05"}, "PL1.II.3.number-missing"),
    ({"date": "Lào Cai, ngày 5 tháng 03 năm 2026"}, "PL1.II.4b.date-zero-padding"),
    ({"date": "Lào Cai ngày 05 tháng 3 năm 2026"}, "PL1.II.4c.date-form"),
    ({"date_italic": False}, "PL1.II.4c.date-format"),
    ({"date": "Lào Cai"}, "PL1.II.4.date-missing"),
    ({"heading": None}, "PL1.II.5a.doc-type-missing"),
    ({"title_bold": False}, "PL1.II.5b.title-format"),
    ({"title_line": "none"}, "PL1.II.5b.title-line"),
    ({**CV, "subject": None}, "PL1.II.5b.subject-missing"),
    ({**CV, "kinh_gui": "Kính gửi Ủy ban nhân dân tỉnh"}, "PL1.II.9a.kinh-gui"),
    ({**CV, "kinh_gui": None}, "PL1.II.9a.kinh-gui"),
    (
        {**CV, "kinh_gui": "Kính gửi:", "addressees": ["- Sở Tài chính", "- Sở Nội vụ;"]},
        "PL1.II.9a.kinh-gui",
    ),
    ({"basis_italic": False}, "PL1.II.6a.basis-italic"),
    ({"basis": ["Căn cứ Luật A.", "Căn cứ Luật B;"]}, "PL1.II.6a.basis-punctuation"),
    ({"body_size": 12}, "PL1.II.6.body-size"),
    ({"align": "left"}, "PL1.II.6e.body-justify"),
    ({"indent_cm": 0.5}, "PL1.II.6e.body-indent"),
    ({"space_before_pt": 0}, "PL1.II.6e.body-spacing"),
    ({"line": ("multiple", 2.0)}, "PL1.II.6e.body-line-spacing"),
    ({"end_mark": False}, "PL1.II.6.end-mark"),
    ({"signer": ["K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]}, "PL1.II.7a.signer-prefix"),
    ({"signer_bold": False}, "PL1.II.7a.signer-format"),
    ({"name_bold": False}, "PL1.II.7b.signer-name"),
    ({"name_bold": False, "signer_rows": True}, "PL1.II.7b.signer-name"),
    ({"label_bold_italic": False}, "PL1.II.9b.recipients-label"),
    ({"recipient_size": 13}, "PL1.II.9b.recipients-size"),
    ({"recipients": ["- Như Điều 3", "- UBND tỉnh;"]}, "PL1.II.9b.recipients-punctuation"),
    ({"archive": "- Lưu VT, CN"}, "PL1.II.9b.archive-line"),
    ({**LONG, "page_numbers": "none"}, "PL1.I.7.page-number-missing"),
    ({**LONG, "title_page": False}, "PL1.I.7.page-number-first"),
    ({**LONG, "page_numbers": "footer"}, "PL1.I.7.page-number-position"),
    ({**LONG, "appendix": ("Phụ lục I", True, False)}, "PL1.III.1.appendix-page-numbers"),
    (
        {**LONG, "appendix": ("Phụ lục I", False, False), "appendix_section": False},
        "PL1.III.1.appendix-page-numbers",
    ),
    ({"mark": ("KHẨN", False)}, "PL1.III.2.mark-format"),
    (
        {**LONG, "appendix": ("Phụ lục I", True, True), "appendix_reference_italic": False},
        "PL1.III.1.appendix-reference",
    ),
]


@pytest.mark.parametrize(("changes", "rule"), FAILING, ids=[r for _, r in FAILING])
def test_word_document_departure_is_found(changes: dict, rule: str) -> None:
    assert rule in _rules(build(**changes))


PASSING = {
    "as built": {},
    "công văn": CV,
    "V/v under the header table": {**CV, "subject_below": True},
    "công văn to several": {
        **CV,
        "kinh_gui": "Kính gửi:",
        "addressees": ["- Sở Tài chính;", "- Sở Nội vụ."],
    },
    "both header lines anchored by the issuer": {
        "issuer_line": "two drawings",
        "motto_line": "none",
    },
    "lines as VML": {"issuer_line": "vml", "motto_line": "vml", "title_line": "vml"},
    "lines as borders": {"issuer_line": "border", "title_line": "border", "motto_line": "border"},
    "lines as underscores": {"issuer_line": "underscores", "motto_line": "underscores"},
    "indent 1.25 cm": {"indent_cm": 1.25},
    "indent 1.27 cm": {"indent_cm": 1.27},
    "indent by tab": {"indent_tab": True},
    "exact line spacing 18 pt": {"line": ("exact", 18), "space_before_pt": 6},
    "1.5 lines": {"line": ("multiple", 1.5)},
    "tên loại by a centre tab stop": {"heading_centre": "tab"},
    "drafter's mark after Lưu": {"drafter": "NVA(10)"},
    "drafter's mark in the Lưu line": {"archive": "- Lưu: VT, CN.Châu"},
    "automatic bullets": {"bullets": True},
    "TM. with three lines": {"signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]},
    "signer in own name": {"signer": ["GIÁM ĐỐC"]},
    "one page without page numbers": {"page_numbers": "none"},
    "landscape appendix restarting pages": {**LONG, "appendix": ("Phụ lục I", True, True)},
    "blank number and day": {
        "number": "Số:      /QĐ-SCT",
        "date": "Lào Cai, ngày    tháng 3 năm 2026",
    },
    "13 pt preset": {"body_size": 13},
    "urgency mark": {"mark": ("KHẨN", True)},
    "header in a 3-row grid": {"split_rows": True},
    "formatting from styles only": {"direct_font": False},
    "signer's name in the next row": {"signer_rows": True},
}


@pytest.mark.parametrize("changes", PASSING.values(), ids=list(PASSING))
def test_right_but_different_is_not_flagged(changes: dict) -> None:
    assert [str(f) for f in check_docx(build(**changes))] == []


def test_every_rule_has_a_failing_and_a_passing_document() -> None:
    tested = {rule for _, rule in FAILING} | {"SCOPE.out-of-scope", "PL1.I.paper-size"}
    tested |= {
        "PL1.II.2.issuer-missing",
        "PL1.II.2a.parent-format",
        "PL1.II.5b.doc-type-format",
        "PL1.II.5b.subject-format",
        "PL1.II.7b.signer-name",
        "PL1.II.4.number-date-level",
        "PL1.III.1.appendix-heading",
    }
    from test_check_new_rules import NEW_RULES  # each with its failing and passing document

    tested |= NEW_RULES
    assert tested == set(RULES), set(RULES) - tested


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        (
            {"issuer": "Số: 05/QĐ-SCT", "parent": "", "number": "Số: 05/QĐ-SCT"},
            "PL1.II.2.issuer-missing",
        ),
        ({"heading": "Quyết định"}, "PL1.II.5b.doc-type-format"),
        ({"name": "Nguyễn Văn An"}, None),
    ],
)
def test_more_components(changes: dict, rule: str | None) -> None:
    found = _rules(build(**changes))
    assert (rule in found) if rule else not found


def test_sizes_of_parent_heading_subject_and_name(sample_docx: bytes) -> None:
    cases = [
        (r'(w:styleId="VBParent">.*?<w:sz w:val=)"26"', r'\1"30"', "PL1.II.2a.parent-format"),
        (r'(w:styleId="VBDocType">.*?<w:sz w:val=)"28"', r'\1"32"', "PL1.II.5b.doc-type-format"),
        (r'(w:styleId="VBSignerName">.*?)<w:b/>', r"\1", "PL1.II.7b.signer-name"),
    ]
    for old, new, rule in cases:
        try:
            broken = _patch(sample_docx, "word/styles.xml", old, new)
        except AssertionError:
            pytest.skip(f"style not in this template: {old}")
        assert rule in _rules(broken), rule


def test_out_of_scope_is_one_finding() -> None:
    data = build(heading="PHIẾU TRÌNH")
    report = check_report(data)
    assert not report.in_scope and [f.rule for f in report.findings] == ["SCOPE.out-of-scope"]


def test_letter_paper_is_found() -> None:
    data = _patch(
        build(), "word/document.xml", r'w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'
    )
    assert "PL1.I.paper-size" in _rules(data)


def test_repeated_findings_are_grouped() -> None:
    findings = [
        f for f in check_docx(build(indent_cm=0.5, paragraphs=8)) if f.rule.endswith("body-indent")
    ]
    assert len(findings) == 1 and findings[0].count == 8
    assert findings[0].where.page_estimate == 1 and findings[0].where.excerpt.startswith("Điều 1.")
    assert "cm" in findings[0].message and "twips" not in str(findings[0])


def test_findings_cite_the_catalogue() -> None:
    findings = check_docx(build(number="Số: 5/qđ - SCT", date="Lào Cai, ngày 5 tháng 03 năm 2026"))
    # Not vacuous: the three mistakes written above are found, then each cites its rule.
    assert {f.rule for f in findings} >= {
        "PL1.II.3b.symbol-shape",
        "PL1.II.3c.number-leading-zero",
        "PL1.II.4b.date-zero-padding",
    }
    for f in findings:
        rule = RULES[f.rule]
        assert (f.severity, f.clause, f.component) == (rule.severity, rule.clause, rule.component)


# --------------------------------------------------------------------------- unreadable files


@pytest.mark.parametrize(
    "data",
    [b"not a zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, b"PK\x03\x04broken"],
)
def test_unreadable_files(data: bytes) -> None:
    with pytest.raises(UnreadableDocx):
        check_report(data)


def test_docx_without_document_part_is_unreadable() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UnreadableDocx, match=r"word/document\.xml"):
        check_report(out.getvalue())


# --------------------------------------------------------------------------- command line


def test_cli_checks_word_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "tot"
    good.write_bytes(build())  # recognised by content, no extension
    bad = tmp_path / "xau.docx"
    bad.write_bytes(build(number="Số: 5/QĐ-SCT"))
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "PL1.II.3c.number-leading-zero" in out and "Traceback" not in out
    assert main(["check", "--json", str(bad)]) == 1
    obj = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert obj["document_type"] == "quyet_dinh" and obj["in_scope"] is True
    finding = obj["findings"][0]
    assert set(finding) == {
        "rule",
        "severity",
        "clause",
        "component",
        "message",
        "expected",
        "found",
        "where",
        "count",
    }
    assert set(finding["where"]) == {"page_estimate", "paragraph", "excerpt"}


def test_cli_unreadable_and_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert main(["check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert main(["check", "--rules"]) == 0
    out = capsys.readouterr().out
    assert all(r.id in out for r in CATALOGUE)


def test_docs_list_every_rule() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "checker.md").read_text("utf-8")
    assert all(f"`{r.id}`" in text for r in CATALOGUE)


# --------------------------------------------------------------------------- the corpus


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_corpus_runs_without_crash() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from check_corpus import run

    result = run(CORPUS)
    assert result["crashes"] == []
    assert len(result["per_doc"]) >= 30
    assert max(result["times"]) < 1.0

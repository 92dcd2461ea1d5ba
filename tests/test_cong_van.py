"""Công văn (Mẫu 1.5): the model, its ký hiệu, the V/v line, Kính gửi, "Như trên", errors, and
a real client (LibreOffice) laying it out."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from tests_support import EXAMPLES_DIR, PDFTOTEXT, SOFFICE, pdf_text, to_pdf

import vanban
from vanban import _metrics
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban._schema import schema
from vanban.checker import check_report
from vanban.models import Issuer, Recipient, Signer
from vanban.nd30 import recipients

#: A small letter as data; each test copies it.
LETTER: dict[str, Any] = {
    "type": "cong_van",
    "issuer": {
        "parent": "UBND TỈNH NGHỆ AN",
        "name": "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH",
        "abbreviation": "UBND",
    },
    "unit": "VX",
    "number": 12,
    "place": "An Bình",
    "date": "2026-03-02",
    "title": "báo cáo số liệu trẻ em\nđến trường năm 2026",
    "addressees": ["Sở Giáo dục và Đào tạo"],
    "content": [
        "Thực hiện đề nghị của Sở Giáo dục và Đào tạo, Ủy ban nhân dân xã báo cáo như sau:",
        {"title": "Số liệu", "content": ["Toàn xã có 1.204 trẻ em trong độ tuổi đến trường."]},
    ],
    "closing": "Ủy ban nhân dân xã An Bình trân trọng báo cáo.",
    "recipients": ["Chủ tịch UBND xã"],
    "archive": "VT, VX",
    "signer": {
        "authority": "TM",
        "collective": "ỦY BAN NHÂN DÂN",
        "title": "CHỦ TỊCH",
        "name": "Lê Văn Bình",
    },
}


def letter(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(LETTER)
    data.update(changes)
    return data


def load(data: dict[str, Any]) -> vanban.Document:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        return vanban.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def view(data: dict[str, Any]) -> DocxView:
    return read_docx(vanban.render(load(data)))


def para(v: DocxView, start: str) -> ParaView:
    found = [p for p in v.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, f"{start!r}: {[p.text for p in found]}"
    return found[0]


# --------------------------------------------------------------------------- the model


def test_python_and_yaml_give_the_same_document() -> None:
    built = vanban.CongVan(
        issuer=Issuer(
            parent="UBND TỈNH NGHỆ AN", name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", abbreviation="UBND"
        ),
        unit="VX",
        number=12,
        place="An Bình",
        date="2026-03-02",
        title="báo cáo số liệu trẻ em\nđến trường năm 2026",
        addressees=["Sở Giáo dục và Đào tạo"],
        content=LETTER["content"],
        closing=LETTER["closing"],
        recipients=[Recipient(name="Chủ tịch UBND xã")],
        archive="VT, VX",
        signer=Signer(
            authority="TM", collective="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="Lê Văn Bình"
        ),
    )
    loaded = load(LETTER)
    assert isinstance(loaded, vanban.CongVan)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_one_addressee_may_be_a_text() -> None:
    assert load(letter(addressees="Sở Y tế")).addressees == ["Sở Y tế"]


def test_symbol_is_issuer_then_unit() -> None:
    doc = load(LETTER)
    assert doc.symbol_text == "UBND-VX"
    assert para(view(LETTER), "Số:").text == "Số: 12/UBND-VX"
    assert load(letter(symbol="UBND-KT")).symbol_text == "UBND-KT"


def test_symbol_needs_unit_or_symbol() -> None:
    data = letter()
    del data["unit"]
    with pytest.raises(vanban.ValidationError, match="cần unit") as info:
        load(data)
    assert info.value.errors[0].line is not None
    assert load(letter(unit=None, symbol="UBND-VX")).symbol_text == "UBND-VX"


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"addressees": None}, "addressees", "thiếu trường bắt buộc (Kính gửi)"),
        ({"addressees": []}, "addressees", "cần ít nhất 1 phần tử"),
        ({"addressees": ["Sở Y tế", " "]}, "addressees[1]", "không được để trống"),
        ({"content": []}, "content", "cần ít nhất 1 phần tử"),
        ({"unit": "V/X"}, "unit", ""),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    data = {k: v for k, v in letter(**change).items() if v is not None}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="cv.yaml")
    [problem] = info.value.errors
    key = path.split("[")[0]
    lines = text.splitlines()
    line = next((i for i, x in enumerate(lines, 1) if x.startswith(f"{key}:")), 1)
    assert (problem.path, problem.source) == (path, "cv.yaml")
    assert problem.line is not None and line <= problem.line <= line + 2
    assert message in problem.message
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", problem.message)


def test_long_subject_line_warns_in_the_left_column() -> None:
    """The "V/v" line is measured where it is printed: the header's left column at 12 pt."""
    data = letter(title="báo cáo số liệu trẻ em đến trường năm học 2026\ncủa xã An Bình")
    with pytest.warns(vanban.VanbanWarning, match="cột số, ký hiệu"):
        vanban.loads(yaml.safe_dump(data, allow_unicode=True))
    # Broken where it fits, no warning.
    load(letter(title="báo cáo số liệu trẻ em đến\ntrường năm học 2026 của xã"))


def test_symbol_starts_with_the_issuer() -> None:
    """A Công văn's ký hiệu starts with the issuer's abbreviation (KH-UBND ends with it)."""
    load(letter(unit=None, symbol="UBND-VX"))  # no warning
    with pytest.warns(vanban.VanbanWarning, match="không bắt đầu bằng"):
        vanban.loads(yaml.safe_dump(letter(unit=None, symbol="VX-UBND"), allow_unicode=True))


# --------------------------------------------------------------------------- the layout


def test_no_type_name_and_the_subject_under_the_number() -> None:
    v = view(LETTER)
    assert not [p for p in v.paragraphs if p.style_id == "VBDocType"]
    assert "CÔNG VĂN" not in "\n".join(p.text for p in v.paragraphs)
    number = para(v, "Số:")
    subject = para(v, "V/v")
    assert subject.text == "V/v báo cáo số liệu trẻ em\nđến trường năm 2026"
    assert subject.style_id == "VBSubject"
    # In the header table, the Số cell, right under the Số line.
    assert (
        (subject.table, subject.row, subject.cell)
        == (number.table, number.row, number.cell)
        == (0, 1, 0)
    )
    assert v.paragraphs.index(subject) == v.paragraphs.index(number) + 1
    assert {r.size_pt for r in subject.runs if r.text.strip()} == {12}
    assert not any(r.bold for r in subject.runs)
    assert subject.alignment == "center" and subject.space_before == 120  # 6 pt under the Số


def test_typed_vv_is_not_doubled() -> None:
    assert para(view(letter(title="V/v trả lời kiến nghị")), "V/v").text == "V/v trả lời kiến nghị"


def _start(p: ParaView) -> int:
    """Where a paragraph's first line starts (twips from the margin)."""
    return p.left_indent + p.first_line


def test_one_addressee_on_the_label_line() -> None:
    v = view(letter(addressees=["- Sở Giáo dục và Đào tạo;"]))
    label = para(v, "Kính gửi")
    assert label.text == "Kính gửi: Sở Giáo dục và Đào tạo"
    assert label.table is None and label.style_id == "VBAddresseesLabel"
    assert _start(label) == recipients.ADDRESSEES_INDENT
    # A long name wraps under its own first word, after "Kính gửi: ".
    after = _metrics.text_width("Kính gửi: ", 14)
    assert abs(label.left_indent - (recipients.ADDRESSEES_INDENT + after)) <= 1
    assert not [p for p in v.paragraphs if p.style_id == "VBAddressee"]


def test_several_addressees_dashes_under_the_colon() -> None:
    names = ["Sở Giáo dục và Đào tạo", "Sở Tài chính;", "Sở Y tế"]
    v = view(letter(addressees=names))
    label = para(v, "Kính gửi")
    lines = [p for p in v.paragraphs if p.style_id == "VBAddressee"]
    assert label.text == "Kính gửi:"
    assert [p.text for p in lines] == ["- Sở Giáo dục và Đào tạo;", "- Sở Tài chính;", "- Sở Y tế."]
    assert v.paragraphs.index(lines[0]) == v.paragraphs.index(label) + 1
    colon = _start(label) + _metrics.text_width("Kính gửi", 14)
    for p in lines:
        assert abs(_start(p) - colon) <= 1  # the dash starts where the colon does
        # A long name wraps after the dash, under the name.
        assert abs(p.left_indent - (colon + _metrics.text_width("- ", 14))) <= 1
    # The body follows the block.
    body = v.paragraphs[v.paragraphs.index(lines[-1]) + 1]
    assert body.text.startswith("Thực hiện đề nghị")


def _recipient_lines(v: DocxView) -> list[str]:
    return [p.text for p in v.paragraphs if p.style_id == "VBRecipient"]


def test_recipients_start_with_nhu_tren() -> None:
    assert _recipient_lines(view(LETTER)) == [
        "- Như trên;",
        "- Chủ tịch UBND xã;",
        "- Lưu: VT, VX.",
    ]


@pytest.mark.parametrize("typed", ["Như trên", "- Như trên;", "như trên"])
def test_typed_nhu_tren_is_first_and_not_doubled(typed: str) -> None:
    lines = _recipient_lines(view(letter(recipients=["Chủ tịch UBND xã", typed])))
    assert lines[0].casefold() == "- như trên;"
    assert [x.casefold() for x in lines].count("- như trên;") == 1
    assert lines[1:] == ["- Chủ tịch UBND xã;", "- Lưu: VT, VX."]


def test_content_ends_with_the_end_mark() -> None:
    v = view(LETTER)
    closing = para(v, "Ủy ban nhân dân xã An Bình trân trọng")
    assert closing.text.endswith("báo cáo./.")
    assert para(v, "1. Số liệu").style_id == "VBItemHeading"


@pytest.mark.parametrize(
    ("signer", "lines"),
    [
        (
            {"authority": "TL", "head_title": "GIÁM ĐỐC", "title": "CHÁNH VĂN PHÒNG"},
            ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
        ),
        (
            {"authority": "TUQ", "head_title": "CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG"},
            ["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
        ),
    ],
)
def test_signer_tl_and_tuq(signer: dict[str, str], lines: list[str]) -> None:
    v = view(letter(signer={**signer, "name": "Lê Văn Bình"}))
    assert [p.text for p in v.paragraphs if p.style_id == "VBSignerTitle"] == lines


def test_checker_passes_a_letter_with_several_addressees_and_tl() -> None:
    data = letter(
        addressees=["Sở Giáo dục và Đào tạo", "Sở Tài chính"],
        signer={
            "authority": "TL",
            "head_title": "GIÁM ĐỐC",
            "title": "CHÁNH VĂN PHÒNG",
            "name": "Lê Văn Bình",
        },
    )
    report = check_report(vanban.render(load(data)))
    assert report.document_type == "cong_van" and report.findings == []


@pytest.mark.parametrize("addressees", [["Sở Y tế"], ["Sở Y tế", "Sở Tài chính"]])
def test_checker_tells_a_body_list_from_the_addressees(addressees: list[str]) -> None:
    """A content that starts with a "-" list right after the Kính gửi block: its lines are
    not addressee lines (they start at the paragraph indent, not under the colon)."""
    data = letter(addressees=addressees, content=[{"bullets": ["Một việc.", "Hai việc."]}])
    report = check_report(vanban.render(load(data)))
    assert report.findings == []


# --------------------------------------------------------------------------- LibreOffice

needs_office = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT), reason="LibreOffice (soffice) or pdftotext is not installed"
)


def _words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """Every word of the PDF as (page, yMin, xMin, xMax, text), from ``pdftotext -bbox``."""
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    out, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line
        )
        if m:
            x_min, y_min, x_max = (float(m.group(i)) for i in (1, 2, 3))
            out.append((page, y_min, x_min, x_max, m.group(4)))
    return out


@needs_office
def test_letter_in_libreoffice(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        doc = vanban.load(EXAMPLES_DIR / "cong-van-so-giao-duc-tuyen-sinh-lop-10.yaml")
    vanban.render(doc, tmp_path / "cv.docx")
    (pdf,) = to_pdf(tmp_path / "cv.docx")
    text = pdf_text(pdf)
    assert text.count("\f") == 2  # two pages: the closing paragraph and the signature on page 2
    flat = re.sub(r"\s+", " ", text)
    order = [
        "Số: 2318/SGDĐT-QLT",
        "V/v hướng dẫn đăng ký dự tuyển",
        "Kính gửi:",
        "- Ủy ban nhân dân các xã, phường, đặc khu;",
        "- Các trường trung học phổ thông công lập, tư thục;",
        "Căn cứ Kế hoạch số 241/KH-UBND",
        "1. Thời gian đăng ký",
        "để được hướng dẫn./.",
        "Nơi nhận:",
        "- Như trên;",
        "TL. GIÁM ĐỐC",
        "Phạm Thị Thanh Hương",
    ]
    places = [flat.find(s) for s in order]
    assert -1 not in places, [s for s, i in zip(order, places, strict=True) if i < 0]
    assert places == sorted(places)
    assert "CÔNG VĂN" not in flat
    # Measured on the page: each addressee's dash starts at the colon of "Kính gửi:".
    words = _words(pdf)
    _, label_y, label_left, label_right, _ = next(w for w in words if w[4] == "gửi:")
    colon_left = label_right - (label_right - label_left - _metrics.text_width("gửi", 14) / 20)
    dashes = [w for w in words if w[0] == 1 and w[4] == "-" and w[1] > label_y]
    for _, _, x_min, _, _ in dashes[:3]:  # the three addressee lines
        assert abs(x_min - colon_left) < 1.5, (x_min, colon_left)
    assert len(dashes) >= 3


# --------------------------------------------------------------------------- JSON Schema


def test_schema_titles_and_addressees() -> None:
    s = schema("cong_van")
    assert s["title"] == "Công văn"
    assert s["properties"]["addressees"]["title"] == "Kính gửi"
    assert {"addressees", "content", "title"} <= set(s["required"])
    validator = jsonschema.Draft202012Validator(s)
    validator.validate(json.loads(json.dumps(LETTER)))
    validator.validate({**json.loads(json.dumps(LETTER)), "addressees": "Sở Y tế"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**json.loads(json.dumps(LETTER)), "addressees": []})

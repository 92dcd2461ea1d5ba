"""The checker reads vanban's own marks (ô 10a, 10b, 11, 13) and the signer's other titles
(ô 7b) as what they are: a circulation box above the Quốc hiệu is not the issuer, an other
title under the name is not the name, urgency and secrecy boxes under the Số line pass."""

from __future__ import annotations

import copy
import io
import itertools
import re
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.oxml import parse_xml
from word_docs import W, build

import vanban
from vanban.checker import check_docx
from vanban.models import KeHoach

CONTACT = {
    "address": "Số 1 Hoàng Liên",
    "email": "vp@laocai.gov.vn",
    "website": "laocai.gov.vn",
    "phone": "0214 3840 888",
    "fax": "0214 3840 889",
}
MARKS: dict[str, dict[str, Any]] = {
    "urgency": {"urgency": "HỎA TỐC"},
    "secrecy": {"secrecy": "TUYỆT MẬT"},
    "circulation": {"circulation": "LƯU HÀNH NỘI BỘ"},
    "circulation-other": {"circulation": "tài liệu hội nghị"},
    "contact": {"contact": CONTACT},
    "all": {
        "urgency": "THƯỢNG KHẨN",
        "secrecy": "MẬT",
        "circulation": "XEM XONG TRẢ LẠI",
        "contact": CONTACT,
    },
}
SIGNERS: dict[str, dict[str, Any] | None] = {
    "plain": None,
    "head-below": {
        "title": "GIÁM ĐỐC",
        "name": "Lê Văn Bình",
        "other_titles": ["CHỦ TỊCH HỘI ĐỒNG THI ĐUA"],
        "other_titles_position": "below_name",
    },
    "tm-above": {
        "authority": "TM",
        "collective": "ĐOÀN KIỂM TRA",
        "title": "TRƯỞNG ĐOÀN",
        "name": "Trần Trọng Trang",
        "other_titles": "Phó Giám đốc\nSở Công Thương Lào Cai",
        "other_titles_position": "above_name",
    },
    "kt-below": {
        "authority": "KT",
        "head_title": "GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Trần Trọng Trang",
        "other_titles": "Phó Giám đốc\nSở Công Thương Lào Cai",
        "other_titles_position": "below_name",
    },
}
ISSUERS: dict[str, dict[str, Any] | None] = {
    "with-parent": None,
    "no-parent": {"name": "SỞ CÔNG THƯƠNG", "abbreviation": "SCT"},
}


def _render(sample: dict, **changes: Any) -> bytes:
    data = {**copy.deepcopy(sample), **{k: v for k, v in changes.items() if v is not None}}
    return vanban.render(KeHoach.model_validate(data))


def _patch(data: bytes, part: str, old: str, new: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == part:
                text = raw.decode()
                assert re.search(old, text), f"{old!r} not in {part}"
                raw = re.sub(old, new, text).encode()
            z.writestr(info.filename, raw)
    return out.getvalue()


# ---------------------------------------------------------------- vanban's own output passes


@pytest.mark.parametrize(
    ("marks", "signer", "issuer"),
    list(itertools.product(MARKS, SIGNERS, ISSUERS)),
)
def test_marks_and_other_titles_pass(sample: dict, marks: str, signer: str, issuer: str) -> None:
    data = _render(sample, **MARKS[marks], signer=SIGNERS[signer], issuer=ISSUERS[issuer])
    findings = check_docx(data)
    assert [f for f in findings if f.severity == "error"] == []
    assert findings == []


# ------------------------------------------------------- the name is found, not the last line


@pytest.mark.parametrize("signer", ["head-below", "kt-below", "tm-above"])
def test_name_found_by_its_style(sample: dict, signer: str) -> None:
    data = _render(sample, signer=SIGNERS[signer])
    unbold = _patch(
        data,
        "word/document.xml",
        r'(<w:pStyle w:val="VBSignerName"/>(?:<w:spacing [^>]*/>)?</w:pPr><w:r>)',
        r'\1<w:rPr><w:b w:val="0"/></w:rPr>',
    )
    names = [f for f in check_docx(unbold) if f.rule == "PL1.II.7b.signer-name"]
    assert len(names) == 1
    name = SIGNERS[signer]["name"]  # type: ignore[index]
    assert names[0].where.excerpt == name


def _other_titles_under_the_name(data: bytes, lines: list[str]) -> bytes:
    """A Word-made document whose signer cell has *lines* (bold capitals) under the name."""
    doc = Document(io.BytesIO(data))
    cell = doc.tables[-1].rows[0].cells[2]
    for line in lines:
        p = cell.add_paragraph()
        p.alignment = 1
        run = p.add_run(line)
        run.bold = True
        run.font.size = 14 * 12700
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name_bold", [True, False])
def test_name_found_by_content_under_the_signature(name_bold: bool) -> None:
    data = _other_titles_under_the_name(
        build(name_bold=name_bold), ["CHỦ TỊCH HỘI ĐỒNG", "THI ĐUA KHEN THƯỞNG"]
    )
    findings = [f for f in check_docx(data) if f.rule.startswith("PL1.II.7")]
    if name_bold:
        assert findings == []
    else:
        assert [(f.rule, f.where.excerpt) for f in findings] == [
            ("PL1.II.7b.signer-name", "Nguyễn Văn An")
        ]


# -------------------------------------------- a circulation row above the Quốc hiệu's row


def _circulation_row(data: bytes, text: str) -> bytes:
    """A Word-made header table with a first row across all columns holding *text* boxed."""
    doc = Document(io.BytesIO(data))
    tbl = doc.tables[0]._tbl
    row = parse_xml(
        f'<w:tr {W}><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:tcBorders>'
        + "".join(f'<w:{s} w:val="single" w:sz="6"/>' for s in ("top", "left", "bottom", "right"))
        + '</w:tcBorders></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/>'
        f'<w:sz w:val="26"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>'
    )
    tbl.tr_lst[0].addprevious(row)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("text", ["LƯU HÀNH NỘI BỘ", "TÀI LIỆU HỘI NGHỊ"])
def test_circulation_row_is_not_the_issuer(text: str) -> None:
    data = _circulation_row(build(), text)
    assert [f for f in check_docx(data) if f.severity == "error"] == []
    # The issuer typed without bold is found even with a bold box above it.
    plain = _circulation_row(build(issuer_bold=False), text)
    issuer = [f for f in check_docx(plain) if f.rule == "PL1.II.2b.issuer-format"]
    assert [f.where.excerpt for f in issuer] == ["SỞ CÔNG THƯƠNG"]

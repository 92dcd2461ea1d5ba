"""The NĐ30 checker finds nothing wrong in vanban's output, and finds what is broken."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from tests_support import example_docs

import vanban
from vanban.checker import check_docx
from vanban.models import KeHoach


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


@pytest.fixture
def sample_docx(sample_doc: KeHoach) -> bytes:
    return vanban.render(sample_doc)


@pytest.mark.parametrize("size", ["14", "13"])
def test_sample_passes(sample: dict, size: str) -> None:
    sample["format"] = {"size": size}
    assert check_docx(vanban.render(KeHoach.model_validate(sample))) == []


@pytest.mark.parametrize("name", sorted(example_docs()))
def test_examples_pass(name: str) -> None:
    assert check_docx(vanban.render(example_docs()[name])) == []


@pytest.mark.parametrize(
    ("part", "old", "new", "finds"),
    [
        ("word/document.xml", r'w:left="1984"', 'w:left="2400"', "lề trái"),
        ("word/document.xml", r"<w:titlePg/>", "", "trang 1"),
        ("word/styles.xml", r'(w:styleId="VBMotto">.*?<w:sz w:val=)"28"', r'\1"24"', "Tiêu ngữ"),
        ("word/styles.xml", r'(w:styleId="VBRecipientsLabel">.*?)<w:i/>', r"\1", "Nơi nhận"),
        (
            "word/styles.xml",
            r'(w:styleId="VBParagraph">.*?<w:jc w:val=)"both"',
            r'\1"left"',
            "căn đều",
        ),
        ("word/styles.xml", r'(w:styleId="VBParagraph">.*?w:before=)"120"', r'\1"0"', "6 pt"),
        (
            "word/styles.xml",
            r'w:line="240" w:lineRule="auto"/>\s*<w:ind',
            'w:line="480" w:lineRule="auto"/><w:ind',
            "giãn dòng",
        ),
        ("word/styles.xml", r'w:ascii="Times New Roman"', 'w:ascii="Arial"', "phông"),
        ("word/styles.xml", r'(w:styleId="VBPlaceDate">.*?)<w:i/>', r"\1", "nghiêng"),
        (
            "word/document.xml",
            r'(VBRule"/><w:ind w:left=)"\d+" w:right="\d+"',
            r'\1"0" w:right="0"',
            "đường kẻ",
        ),
        ("word/document.xml", r"Công an tỉnh;", "Công an tỉnh", 'kết thúc bằng ";"'),
        ("word/header1.xml", r"PAGE", "DATE", "số trang"),
    ],
)
def test_checker_finds_breakage(
    sample_docx: bytes, part: str, old: str, new: str, finds: str
) -> None:
    broken = _patch(sample_docx, part, old, new)
    findings = [str(f) for f in check_docx(broken)]
    assert any(finds in f for f in findings), findings

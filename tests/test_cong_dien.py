"""Công điện (Mẫu 1.6): the sender line "… điện:" and the receiving bodies after the trích
yếu (no Kính gửi), the urgency mark, the message, read back from the .docx; located errors."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from tests_support import example_docs

import vanban
from vanban import _metrics
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_docx, check_report
from vanban.models import Archive, Issuer, Recipient, Signer
from vanban.models.blocks import Item
from vanban.models.cong_dien import CongDien
from vanban.nd30 import cable

YAML = """\
type: cong_dien
issuer: {name: ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM, abbreviation: UBND}
number: 3
place: Hòa Bình Nam
date: 2026-11-03
urgency: HỎA TỐC
title: Về việc ứng phó với bão số 9
sender: Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình Nam
addressees:
  - Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;
  - Chủ tịch Ủy ban nhân dân các xã, phường
content:
  - Bão số 9 đang di chuyển nhanh vào vùng biển của tỉnh.
  - text: Các xã, phường ven biển sơ tán dân trước 17 giờ ngày 04 tháng 11 năm 2026.
  - text: Các sở, ngành bố trí lực lượng ứng trực 24/24 giờ.
recipients: [Như trên, Thường trực Tỉnh ủy]
archive: KT
signer: {title: CHỦ TỊCH, name: Nguyễn Văn Hải}
"""


def _python() -> CongDien:
    return CongDien(
        issuer=Issuer(name="ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM", abbreviation="UBND"),
        number=3,
        place="Hòa Bình Nam",
        date="2026-11-03",
        urgency="HỎA TỐC",
        title="Về việc ứng phó với bão số 9",
        sender="Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình Nam",
        addressees=[
            "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;",
            "Chủ tịch Ủy ban nhân dân các xã, phường",
        ],
        content=[
            "Bão số 9 đang di chuyển nhanh vào vùng biển của tỉnh.",
            Item(text="Các xã, phường ven biển sơ tán dân trước 17 giờ ngày 04 tháng 11 năm 2026."),
            Item(text="Các sở, ngành bố trí lực lượng ứng trực 24/24 giờ."),
        ],
        recipients=[Recipient(name="Như trên"), Recipient(name="Thường trực Tỉnh ủy")],
        archive=Archive(units=["KT"]),
        signer=Signer(title="CHỦ TỊCH", name="Nguyễn Văn Hải"),
    )


def _load(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.loads(text)


def _render(doc: CongDien) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.render(doc)


def _view(text: str = YAML) -> DocxView:
    return read_docx(_render(_load(text)))


def _texts(v: DocxView) -> list[str]:
    return [p.text for p in v.paragraphs if p.text.strip()]


def _para(v: DocxView, text: str) -> ParaView:
    (found,) = [p for p in v.paragraphs if p.text == text]
    return found


def test_python_and_yaml_give_the_same_document() -> None:
    from_yaml, from_python = _load(YAML), _python()
    assert isinstance(from_yaml, CongDien)
    assert from_yaml.model_dump() == from_python.model_dump()
    assert _render(from_yaml) == _render(from_python)


def test_cable_reads_in_the_order_of_mau_1_6() -> None:
    texts = _texts(_view())
    assert "Số: 03/CĐ-UBND" in texts and "HỎA TỐC" in texts
    start = texts.index("CÔNG ĐIỆN")
    assert texts[start : start + 8] == [
        "CÔNG ĐIỆN",
        "Về việc ứng phó với bão số 9",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM điện:",
        "- Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;",
        "- Chủ tịch Ủy ban nhân dân các xã, phường.",
        "Bão số 9 đang di chuyển nhanh vào vùng biển của tỉnh.",
        "1. Các xã, phường ven biển sơ tán dân trước 17 giờ ngày 04 tháng 11 năm 2026.",
        "2. Các sở, ngành bố trí lực lượng ứng trực 24/24 giờ./.",
    ]
    assert not [t for t in texts if t.startswith("Kính gửi")]
    assert texts[texts.index("Nơi nhận:") + 1] == "- Như trên;"


def test_sender_centred_regular_and_recipients_from_five_and_a_half_cm() -> None:
    v = _view()
    sender = _para(v, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM điện:")
    assert sender.style_id == "VBCableSender" and sender.alignment == "center"
    assert not any(r.bold for r in sender.runs if r.text.strip())
    dash = _metrics.text_width("- ", 14)
    lines = [p for p in v.paragraphs if p.style_id == "VBCableRecipient"]
    assert len(lines) == 2
    for p in lines:
        assert p.left_indent + p.first_line == cable.RECIPIENTS_INDENT  # the dash at 5.5 cm
        assert abs(p.left_indent - (cable.RECIPIENTS_INDENT + dash)) <= 1  # wraps after it
        assert p.alignment == "both"


def test_checker_finds_nothing_and_sees_a_cong_dien() -> None:
    data = _render(_load(YAML))
    assert check_docx(data) == []
    assert check_report(data).document_type == "cong_dien"


def test_one_addressee_may_be_a_text() -> None:
    start, end = YAML.index("addressees:"), YAML.index("content:")
    doc = _load(YAML[:start] + "addressees: Các sở, ban, ngành tỉnh\n" + YAML[end:])
    assert "- Các sở, ban, ngành tỉnh." in _texts(read_docx(_render(doc)))


@pytest.mark.parametrize(
    ("old", "new", "path", "line", "message"),
    [
        ("sender: Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình Nam\n", "", "sender", None, "thiếu"),
        ("urgency: HỎA TỐC", "urgency: GẤP", "urgency", 6, "GẤP"),
        ("content:\n", "content: []\nx:\n", "content", 12, "ít nhất 1"),
    ],
)
def test_located_vietnamese_errors(
    old: str, new: str, path: str, line: int | None, message: str
) -> None:
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(YAML.replace(old, new), source="cd.yaml")
    problems = [p for p in info.value.errors if p.path == path]
    assert problems, info.value.errors
    assert message in problems[0].message
    if line is not None:
        assert problems[0].line == line


def test_rules() -> None:
    assert cable.sender_line("Bộ trưởng Bộ Y tế") == "BỘ TRƯỞNG BỘ Y TẾ điện:"
    assert cable.sender_line("BỘ Y TẾ ĐIỆN:") == "BỘ Y TẾ điện:"
    assert cable.sender_line("Ủy ban nhân dân\ntỉnh A") == "ỦY BAN NHÂN DÂN\nTỈNH A điện:"
    assert cable.recipient_lines(["A.", "B;", "- C"]) == ["- A;", "- B;", "- C."]


@pytest.mark.parametrize("size", ["13", "14"])
@pytest.mark.parametrize(
    "name", sorted(n for n, d in example_docs().items() if isinstance(d, CongDien))
)
def test_examples_pass_the_checker_in_both_sizes(name: str, size: str) -> None:
    doc = example_docs()[name].model_copy(deep=True)
    doc.format.size = size
    assert check_docx(_render(doc)) == []
    doc.format.end_mark = False
    assert {f.rule for f in check_docx(_render(doc))} == {"PL1.II.6.end-mark"}


def test_documented_yaml_loads() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "types" / "cong-dien.md").read_text(
        encoding="utf-8"
    )
    snippet = re.search(r"```yaml\n(.*?)```", page, re.S)
    assert snippet is not None
    doc = _load(snippet.group(1))
    assert isinstance(doc, CongDien)
    assert check_docx(_render(doc)) == []

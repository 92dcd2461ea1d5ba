"""Thư công (no Mẫu, no abbreviation; nd30-types.md §15): no Số, the heading, the greeting,
the content and the signer; the checker tells it from a Công văn; located errors."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
import yaml

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_report
from vanban.models import Issuer, Signer

#: A small letter as data; each test copies it.
LETTER: dict[str, Any] = {
    "type": "thu_cong",
    "issuer": {"name": "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH NAM"},
    "place": "Hòa Bình Nam",
    "date": "2026-11-18",
    "title": "Thư cảm ơn\nĐoàn công tác tỉnh Bắc Sơn",
    "salutation": "Kính gửi Đoàn công tác tỉnh Bắc Sơn!",
    "content": ["Ủy ban nhân dân tỉnh cảm ơn sự giúp đỡ quý báu của Đoàn."],
    "closing": "Trân trọng!",
    "signer": {"title": "CHỦ TỊCH", "name": "Trần Quốc Hùng"},
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


def texts(v: DocxView) -> list[str]:
    return [p.text for p in v.paragraphs if p.text.strip()]


def para(v: DocxView, start: str) -> ParaView:
    found = [p for p in v.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, f"{start!r}: {[p.text for p in found]}"
    return found[0]


def test_python_and_yaml_give_the_same_document() -> None:
    built = vanban.ThuCong(
        issuer=Issuer(name="ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH NAM"),
        place="Hòa Bình Nam",
        date="2026-11-18",
        title="Thư cảm ơn\nĐoàn công tác tỉnh Bắc Sơn",
        salutation="Kính gửi Đoàn công tác tỉnh Bắc Sơn!",
        content=LETTER["content"],
        closing="Trân trọng!",
        signer=Signer(title="CHỦ TỊCH", name="Trần Quốc Hùng"),
    )
    loaded = load(LETTER)
    assert isinstance(loaded, vanban.ThuCong)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_no_number_heading_greeting_and_signer() -> None:
    v = view(LETTER)
    lines = texts(v)
    assert not [t for t in lines if t.startswith("Số")]
    assert para(v, "Hòa Bình Nam, ngày 18 tháng 11 năm 2026").table == 0
    heading = para(v, "THƯ CẢM ƠN")
    assert heading.alignment == "center" and all(r.bold for r in heading.runs if r.text.strip())
    assert para(v, "Đoàn công tác tỉnh Bắc Sơn").alignment == "center"
    greeting = para(v, "Kính gửi Đoàn")
    assert all(r.bold for r in greeting.runs if r.text.strip())
    assert lines.index("THƯ CẢM ƠN") < lines.index(greeting.text) < lines.index("Trân trọng!./.")
    assert para(v, "CHỦ TỊCH").cell == 1
    assert not [t for t in lines if t.startswith(("Nơi nhận", "- Lưu"))]


def test_recipients_when_given() -> None:
    v = view(letter(recipients=["Văn phòng UBND tỉnh"], archive="TH"))
    assert para(v, "Nơi nhận:").cell == 0
    assert para(v, "- Lưu: VT, TH.")


def test_the_checker_knows_a_letter_and_still_a_cong_van_without_number() -> None:
    report = check_report(vanban.render(load(LETTER)))
    assert report.document_type == "thu_cong"
    assert not report.findings, [str(f) for f in report.findings]
    # Not headed "THƯ …": read as a Công văn, which needs a Số and a V/v line.
    other = check_report(vanban.render(load(letter(title="Lời cảm ơn"))))
    assert other.document_type == "cong_van"
    assert {"PL1.II.3.number-missing", "PL1.II.5b.subject-missing"} <= {
        f.rule for f in other.findings
    }


@pytest.mark.parametrize("key", ["number", "symbol"])
def test_a_number_is_refused(key: str) -> None:
    text = yaml.safe_dump(letter(**{key: 5 if key == "number" else "TC-UBND"}), allow_unicode=True)
    with pytest.raises(vanban.ValidationError, match=f"thư công không có số, ký hiệu.*bỏ {key}"):
        vanban.loads(text, source="tc.yaml")


def test_a_missing_greeting_is_located() -> None:
    data = letter()
    del data["salutation"]
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(yaml.safe_dump(data, allow_unicode=True), source="tc.yaml")
    [problem] = info.value.errors
    assert problem.path == "salutation"
    assert "thiếu trường bắt buộc" in problem.message

"""The body's outline as an office types it in Word: where a paragraph after numbered parts
goes, and a phụ lục's end block."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_docs import build, imported  # noqa: E402

_PLAN: dict[str, Any] = {
    "kind": "ke_hoach",
    "heading": "KẾ HOẠCH",
    "title": "Triển khai công tác năm 2026",
    "number": "Số: 05/KH-SCT",
    "recipients": ["- UBND tỉnh;"],
}


def _imported(data: bytes) -> Any:
    return imported(data).model


def test_a_paragraph_after_a_khoan_s_diem_goes_on_at_the_khoan_s_level() -> None:
    model = _imported(
        build(
            **_PLAN,
            body=[
                "I. MỤC ĐÍCH",
                "1. Nhiệm vụ trong năm",
                "a) Sở Tài chính: bố trí kinh phí.",
                "b) Các phòng: thực hiện đúng hạn.",
                "Các cơ quan báo cáo kết quả hằng quý.",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Văn phòng theo dõi.",
                "Các phòng triển khai kế hoạch này.",
            ],
        )
    )
    first, second = model.sections
    item, after = first.content
    assert item.text == "Nhiệm vụ trong năm"
    assert [x.text for x in item.content[0].letters] == [
        "Sở Tài chính: bố trí kinh phí.",
        "Các phòng: thực hiện đúng hạn.",
    ]
    assert after == "Các cơ quan báo cáo kết quả hằng quý."  # the mục's, not điểm b)'s
    # a khoản without điểm keeps the paragraph that follows it
    (only,) = second.content
    assert only.text == "Văn phòng theo dõi."
    assert only.content == ["Các phòng triển khai kế hoạch này."]


def test_numbered_tasks_under_a_heading_diem_stay_in_it() -> None:
    model = _imported(
        build(
            **_PLAN,
            body=[
                "I. NỘI DUNG",
                "a) Trước ngày hội",
                "1.1. Phát động cuộc thi ở các lớp.",
                "- Chủ trì: Đoàn trường",
                "1.2. Trang trí sân trường.",
                "- Chủ trì: Tổ Văn phòng",
                "b) Trong ngày hội",
                "1.3. Khai mạc ngày hội.",
                "- Chủ trì: Ban Tổ chức",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Văn phòng theo dõi.",
            ],
        )
    )
    first, second = model.sections
    (letters,) = first.content
    before, during = letters.letters
    assert [(t.task, t.leads) for t in before.content] == [
        ("Phát động cuộc thi ở các lớp.", "Đoàn trường"),
        ("Trang trí sân trường.", "Tổ Văn phòng"),
    ]
    assert [(t.task, t.leads) for t in during.content] == [("Khai mạc ngày hội.", "Ban Tổ chức")]
    # a điểm that is a whole item keeps its number out: "1." after it is the mục's khoản
    assert [x.text for x in second.content] == ["Văn phòng theo dõi."]


def _with_appendix(data: bytes, lines: list[tuple[str, str]]) -> bytes:
    """The document with a phụ lục after a page break: its heading, reference line, then
    ``lines`` as (alignment, text)."""
    doc = Document(io.BytesIO(data))
    for p in list(doc.paragraphs):
        if p.text == "Dòng của bảng phụ lục":
            p._p.getparent().remove(p._p)
    for how, text in lines:
        p = doc.add_paragraph()
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}[how]
        p.add_run(text).bold = text.isupper()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_signature_line_on_the_right_ends_the_phu_luc() -> None:
    data = build(**_PLAN, paragraphs=2, appendix=("PHỤ LỤC", False, True))
    model = _imported(
        _with_appendix(
            data,
            [
                ("left", "I. THÔNG TIN CHUNG"),
                ("left", "1. Tên cơ sở, địa chỉ"),
                ("left", "2. Khó khăn, vướng mắc và kiến nghị"),
                ("right", "THỦ TRƯỞNG ĐƠN VỊ"),
                ("right", "(Ký tên, đóng dấu)"),
            ],
        )
    )
    (appendix,) = model.appendices
    (section,) = appendix.sections
    assert [x.text for x in section.content] == [
        "Tên cơ sở, địa chỉ",
        "Khó khăn, vướng mắc và kiến nghị",
    ]
    assert not section.content[-1].content  # not the last khoản's
    assert [(x.align, x.text) for x in appendix.end] == [
        ("right", "**THỦ TRƯỞNG ĐƠN VỊ**"),
        ("right", "(Ký tên, đóng dấu)"),
    ]


def test_a_paragraph_between_two_diem_is_the_first_one_s() -> None:
    model = _imported(
        build(
            **_PLAN,
            body=[
                "I. KẾT QUẢ",
                "1. Công tác tuyên truyền",
                "a) Tuyên truyền về chuyển đổi số trên địa bàn.",
                "Kết quả: đăng tải 12 tin, bài.",
                "b) Triển khai “Loa phường” trên ứng dụng VNeID.",
                "Các đơn vị tiếp tục duy trì.",
            ],
        )
    )
    (section,) = model.sections
    item, after = section.content
    first, second = item.content[0].letters
    assert first.content == ["Kết quả: đăng tải 12 tin, bài."]  # điểm a)'s second paragraph
    assert second.text == "Triển khai “Loa phường” trên ứng dụng VNeID."  # still b), not a)
    assert after == "Các đơn vị tiếp tục duy trì."  # after the last điểm: the mục's


def test_a_diem_that_is_a_heading_keeps_the_paragraphs_under_it() -> None:
    model = _imported(
        build(
            **_PLAN,
            body=[
                "I. TÍNH TOÁN",
                "1. Khoảng cách an toàn",
                "a) Khoảng cách an toàn về chấn động",
                "Theo tính toán đủ điều kiện an toàn.",
                "II. TỔ CHỨC THỰC HIỆN",
                "Các phòng triển khai kế hoạch này.",
            ],
        )
    )
    item = model.sections[0].content[0]
    (letter,) = item.content[0].letters
    assert letter.content == ["Theo tính toán đủ điều kiện an toàn."]

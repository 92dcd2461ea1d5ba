"""A biên bản typed in Word becomes its fields: the lines of Mẫu 1.9 (time, place, the
participants' "- …;" lines, chair, secretary, "Nội dung:"), the end line "… kết thúc vào …"
and the paragraphs after it, and every signature, THƯ KÝ's above the Nơi nhận in the left
cell as offices set it, read back as the chair's and the secretary's."""

from __future__ import annotations

import datetime as dt
import io
import sys
import warnings
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

import vanban

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_docs import build, imported  # noqa: E402

MEETING = [
    "Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.",
    "Địa điểm: Phòng họp số 2, trụ sở Sở Công Thương.",
    "Thành phần tham dự:",
    "- Ông Nguyễn Văn An, Giám đốc Sở;",
    "- Bà Lê Thị Hoa, Chánh Văn phòng Sở.",
    "Chủ trì: Ông Nguyễn Văn An, Giám đốc Sở.",
    "Thư ký: Bà Lê Thị Hoa, Chánh Văn phòng Sở.",
    "Nội dung:",
    "Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp.",
    "Các đại biểu thống nhất kế hoạch năm 2026.",
    "Hội nghị kết thúc vào 11 giờ 30 phút cùng ngày, biên bản đã được thông qua.",
]


def _meeting(body: list[str], right: str = "CHỦ TRÌ", left: str = "THƯ KÝ") -> Any:
    """A Mẫu 1.9 record as an office types it: the chair signs in the right cell of the
    bottom table, the secretary in the left one, over the Nơi nhận ("Đã ký" where a copy
    marks the signature)."""
    data = build(
        kind="bien_ban",
        heading="BIÊN BẢN",
        title="Họp triển khai kế hoạch năm 2026",
        number="Số: 27/BB-SCT",
        date="",
        body=body,
        signer=[right],
        name="Nguyễn Văn An",
        recipients=["- Các thành viên dự họp;"],
        archive="- Lưu: VT, VP.",
    )
    d = docx.Document(io.BytesIO(data))
    left_cell = d.tables[-1].rows[0].cells[0]
    label = left_cell.paragraphs[0]
    for text, bold in ((left, True), ("(Ký, ghi rõ họ tên)", False), ("Đã ký", False), ("", False),
                       ("Lê Thị Hoa", True), ("", False)):  # fmt: skip
        p = label.insert_paragraph_before()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    out = io.BytesIO()
    d.save(out)
    return imported(out.getvalue()).model


def test_a_meeting_s_lines_become_its_fields() -> None:
    model = _meeting(MEETING)
    assert model.type == "bien_ban"
    assert model.start == dt.datetime(2026, 11, 20, 8, 0)
    assert model.venue == "Phòng họp số 2, trụ sở Sở Công Thương"
    assert model.participants == [
        "Ông Nguyễn Văn An, Giám đốc Sở",
        "Bà Lê Thị Hoa, Chánh Văn phòng Sở",
    ]
    assert (model.chair.honorific, model.chair.name, model.chair.position) == (
        "Ông", "Nguyễn Văn An", "Giám đốc Sở"
    )  # fmt: skip
    assert (model.secretary.name, model.secretary.position) == ("Lê Thị Hoa", "Chánh Văn phòng Sở")
    assert model.chair_word == "chủ trì"  # the label and the signature say "Chủ trì"
    assert model.signers == []  # THƯ KÝ and CHỦ TRÌ are the secretary's and the chair's
    assert model.labels == {}  # the labels are the form's own
    assert model.content == [
        "Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp.",
        "Các đại biểu thống nhất kế hoạch năm 2026.",
    ]
    assert (model.kind, model.end, model.end_note) == (
        "hội nghị", dt.time(11, 30), "biên bản đã được thông qua"
    )  # fmt: skip
    assert model.closing is None and model.opening is None
    assert [r.name for r in model.recipients] == ["Các thành viên dự họp"]


def test_an_office_s_own_labels_and_a_closing_after_the_end_line() -> None:
    body = [
        "Hôm nay, Đoàn kiểm tra tiến hành kiểm tra tại cơ sở.",
        "Thời gian: ngày 08 tháng 01 năm 2027.",
        "Thành phần Đoàn kiểm tra: Ông Đinh Công Thành, Trưởng đoàn.",
        "Kết quả: cơ sở đạt các điều kiện.",
        "Buổi kiểm tra kết thúc vào 10 giờ 45 phút cùng ngày.",
        "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản.",
    ]
    model = _meeting(body, right="TRƯỞNG ĐOÀN", left="ĐẠI DIỆN CƠ SỞ")
    assert model.opening == "Hôm nay, Đoàn kiểm tra tiến hành kiểm tra tại cơ sở."
    assert model.start == dt.date(2027, 1, 8)
    assert model.participants == ["Ông Đinh Công Thành, Trưởng đoàn"]  # on the label's line
    assert model.labels == {"start": "Thời gian", "participants": "Thành phần Đoàn kiểm tra",
                            "content": False}  # fmt: skip
    assert model.content == ["Kết quả: cơ sở đạt các điều kiện."]
    assert (model.kind, model.end) == ("buổi kiểm tra", dt.time(10, 45))
    assert model.closing == "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản."
    assert [(s.title, s.name) for s in model.signers] == [
        ("ĐẠI DIỆN CƠ SỞ", "Lê Thị Hoa"), ("TRƯỞNG ĐOÀN", "Nguyễn Văn An")
    ]  # fmt: skip


def test_a_hand_over_s_opening_ends_at_its_colon_line() -> None:
    body = [
        "Hôm nay, ngày 15 tháng 12 năm 2026, tại trụ sở Trung tâm Lưu trữ, chúng tôi gồm:",
        "BÊN GIAO: Văn phòng Sở",
        "- Ông (bà): Lê Thị Hoa; chức vụ: Chánh Văn phòng.",
        "BÊN NHẬN: Trung tâm Lưu trữ lịch sử tỉnh",
        "- Ông (bà): Phạm Quốc Khánh; chức vụ: Phó Giám đốc.",
        "Biên bản này được lập thành 02 bản.",
    ]
    model = _meeting(body, right="ĐẠI DIỆN BÊN NHẬN", left="ĐẠI DIỆN BÊN GIAO")
    assert model.opening == body[0]
    assert model.content[0] == "BÊN GIAO: Văn phòng Sở"
    assert model.start is None and model.participants == []
    assert [s.title for s in model.signers] == ["ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN BÊN NHẬN"]


@pytest.mark.parametrize(
    ("line", "end", "kept"),
    [
        ("Hội nghị kết thúc vào 9 giờ 00 phút, ngày 21 tháng 11 năm 2026.",
         dt.datetime(2026, 11, 21, 9, 0), None),
        ("Hội nghị kết thúc vào ngày 21 tháng 11 năm 2026.", dt.date(2026, 11, 21), None),
        # before the start: the model would refuse it, so the line is kept as written
        ("Hội nghị kết thúc vào 7 giờ 30 phút cùng ngày.", None,
         "Hội nghị kết thúc vào 7 giờ 30 phút cùng ngày."),
        # "vào hồi": not the line vanban prints, kept as the office wrote it
        ("Cuộc họp kết thúc vào hồi 11 giờ 30 phút.", None,
         "Cuộc họp kết thúc vào hồi 11 giờ 30 phút."),
    ],
)  # fmt: skip
def test_an_end_line_as_the_form_prints_it_or_as_written(
    line: str, end: object, kept: str | None
) -> None:
    """The end line becomes ``end`` when it reads as vanban prints it from one; otherwise
    the office's line stays in the body as it is."""
    model = _meeting([*MEETING[:-1], line])
    assert (model.end, model.end_note) == (end, None)
    assert model.content[-1] == (kept or "Các đại biểu thống nhất kế hoạch năm 2026.")


def test_the_yaml_names_where_a_record_s_lines_came_from() -> None:
    doc = vanban.load(ROOT / "examples" / "bien-ban-kiem-tra-an-toan-thuc-pham.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = vanban.from_docx(vanban.render(doc))
    start, venue, participants = (result.sources[k] for k in ("start", "venue", "participants"))
    assert start[0] == start[1] < venue[0] == venue[1] < participants[0] < participants[1]
    assert result.sources["end"][0] > participants[1]
    assert f"# đoạn {start[0]} của tệp Word\nstart:" in result.yaml()


def test_the_decree_s_own_labels_typed_as_a_list() -> None:
    """Mẫu 1.9 as offices copy it: each line after a dash, the labels "Chủ trì (chủ tọa)",
    "Thư ký (người ghi biên bản)", "Nội dung (theo diễn biến cuộc họp)", the chair's title
    typed with the old tone mark ("CHỦ TOẠ")."""
    body = [
        "- Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.",
        "- Địa điểm: Phòng họp số 2, trụ sở Sở Công Thương.",
        "- Thành phần tham dự: Lãnh đạo Sở và các phòng chuyên môn.",
        "- Chủ trì (chủ tọa): Ông Nguyễn Văn An, Giám đốc Sở.",
        "- Thư ký (người ghi biên bản): Bà Lê Thị Hoa, Chánh Văn phòng Sở.",
        "- Nội dung (theo diễn biến cuộc họp):",
        "Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp.",
        "Cuộc họp kết thúc vào 11 giờ 30 phút cùng ngày.",
    ]
    model = _meeting(body, right="CHỦ TOẠ")
    assert model.start == dt.datetime(2026, 11, 20, 8, 0)
    assert model.participants == ["Lãnh đạo Sở và các phòng chuyên môn"]
    assert (model.chair.name, model.secretary.name) == ("Nguyễn Văn An", "Lê Thị Hoa")
    assert model.signers == [] and model.chair_word == "chủ tọa"
    assert model.labels == {
        "chair": "Chủ trì (chủ tọa)",
        "secretary": "Thư ký (người ghi biên bản)",
        "content": "Nội dung (theo diễn biến cuộc họp)",
    }
    assert model.content == ["Ông Nguyễn Văn An nêu mục đích, yêu cầu của cuộc họp."]
    assert model.end == dt.time(11, 30)

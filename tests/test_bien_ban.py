"""Biên bản (Mẫu 1.9): the model, the fields in the template's order, the end line, no ô 4,
THƯ KÝ and CHỦ TỌA side by side with the Nơi nhận under them, located errors."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
import yaml

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_report
from vanban.models import Issuer, Recipient
from vanban.models.signatories import Person

#: A small record as data; each test copies it.
RECORD: dict[str, Any] = {
    "type": "bien_ban",
    "issuer": {"parent": "UBND TỈNH HÒA BÌNH NAM", "name": "SỞ NỘI VỤ", "abbreviation": "SNV"},
    "number": 27,
    "title": "Họp giao ban tháng 11 năm 2026",
    "start": "2026-11-20 08:00",
    "venue": "Phòng họp số 2, Sở Nội vụ",
    "participants": ["Ông Nguyễn Văn An, Giám đốc Sở", "Lãnh đạo các phòng"],
    "chair": {"honorific": "Ông", "name": "Nguyễn Văn An", "position": "Giám đốc Sở"},
    "secretary": {"honorific": "Bà", "name": "Lê Thị Hoa", "position": "Chuyên viên"},
    "content": ["Các phòng báo cáo kết quả công tác tháng 11."],
    "end": "10:30",
    "recipients": ["Các phòng thuộc Sở"],
    "archive": "VP",
}


def record(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(RECORD)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


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
    built = vanban.BienBan(
        issuer=Issuer(parent="UBND TỈNH HÒA BÌNH NAM", name="SỞ NỘI VỤ", abbreviation="SNV"),
        number=27,
        title="Họp giao ban tháng 11 năm 2026",
        start="2026-11-20 08:00",
        venue="Phòng họp số 2, Sở Nội vụ",
        participants=RECORD["participants"],
        chair=Person(honorific="Ông", name="Nguyễn Văn An", position="Giám đốc Sở"),
        secretary=Person(honorific="Bà", name="Lê Thị Hoa", position="Chuyên viên"),
        content=RECORD["content"],
        end="10:30",
        recipients=[Recipient(name="Các phòng thuộc Sở")],
        archive="VP",
    )
    loaded = load(RECORD)
    assert isinstance(loaded, vanban.BienBan)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_fields_in_the_order_of_the_template() -> None:
    lines = texts(view(RECORD))
    body = lines[lines.index("BIÊN BẢN") :]
    assert body[:13] == [
        "BIÊN BẢN",
        "Họp giao ban tháng 11 năm 2026",
        "Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.",
        "Địa điểm: Phòng họp số 2, Sở Nội vụ.",
        "Thành phần tham dự:",
        "- Ông Nguyễn Văn An, Giám đốc Sở;",
        "- Lãnh đạo các phòng.",
        "Chủ tọa: Ông Nguyễn Văn An, Giám đốc Sở.",
        "Thư ký: Bà Lê Thị Hoa, Chuyên viên.",
        "Nội dung:",
        "Các phòng báo cáo kết quả công tác tháng 11.",
        "Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày./.",
        "THƯ KÝ",
    ]


def test_no_place_and_date_in_the_header_unless_asked() -> None:
    v = view(RECORD)
    assert not [t for t in texts(v) if t.startswith(", ngày") or "Hòa Bình Nam, ngày" in t]
    assert para(v, "Số: 27/BB-SNV")
    asked = view(record(header_date=True, place="Hòa Bình Nam", date="2026-11-20"))
    assert para(asked, "Hòa Bình Nam, ngày 20 tháng 11 năm 2026").table == 0
    with pytest.raises(vanban.ValidationError, match="header_date: true cần place"):
        load(record(header_date=True))


def test_end_on_another_day_kind_and_note() -> None:
    v = view(
        record(
            kind="hội nghị",
            end="9:00",
            end_date="2026-11-21",
            end_note="biên bản đã được thông qua.",
        )
    )
    assert para(v, "Hội nghị kết thúc").text == (
        "Hội nghị kết thúc vào 9 giờ 00 phút, ngày 21 tháng 11 năm 2026, "
        "biên bản đã được thông qua./."
    )


def test_two_signers_side_by_side_and_recipients_under_the_secretary() -> None:
    v = view(record(chair_word="chủ trì", chair_position_signed=True))
    secretary, chair = para(v, "THƯ KÝ"), para(v, "CHỦ TRÌ")
    assert secretary.table == chair.table is not None
    assert (secretary.row, secretary.cell) == (0, 0)
    assert (chair.row, chair.cell) == (0, 1)
    assert para(v, "Chủ trì: Ông Nguyễn Văn An")
    assert para(v, "GIÁM ĐỐC SỞ").cell == 1  # the chair's position under CHỦ TRÌ (fn 5)
    assert para(v, "Lê Thị Hoa").cell == 0
    assert para(v, "Nguyễn Văn An").cell == 1
    label = para(v, "Nơi nhận:")
    assert (label.table, label.row, label.cell) == (chair.table, 1, 0)
    assert para(v, "- Lưu: VT, VP.").row == 1
    # no prefix (TM., KT. …) on either side
    assert not [t for t in texts(v) if t.startswith(("TM.", "KT.", "Q.", "TL."))]


def test_the_checker_accepts_a_record() -> None:
    report = check_report(vanban.render(load(RECORD)))
    assert not report.findings, [str(f) for f in report.findings]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"start": "sáng nay"}, "start", "cần ngày và giờ dạng 2026-11-20 08:00"),
        ({"end": "25:00"}, "end", "cần giờ dạng 08:00"),
        ({"chair": {"name": "A", "title": "x"}}, "chair.title", "không có trong mẫu"),
        ({"participants": []}, "participants", "ít nhất"),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    text = yaml.safe_dump(record(**change), allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="bb.yaml")
    [problem] = info.value.errors
    key = path.split(".")[0]
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith(f"{key}:"))
    assert (problem.path, problem.source) == (path, "bb.yaml")
    assert problem.line is not None and line <= problem.line <= line + 2
    assert message in problem.message


def test_a_signer_field_is_refused_and_an_end_before_the_start() -> None:
    with pytest.raises(vanban.ValidationError, match="biên bản không dùng signer"):
        load(record(signer={"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"}))
    with pytest.raises(vanban.ValidationError, match=r"kết thúc .* trước thời gian bắt đầu"):
        load(record(end="7:30"))


def test_preview_shows_the_two_signers_then_the_recipients() -> None:
    from vanban.preview import to_html

    html = to_html(load(RECORD))
    signer = html[html.index('class="vb-signer"') :]
    assert signer.index("THƯ KÝ") < signer.index("CHỦ TỌA") < signer.index("Nơi nhận:")
    assert signer.index("Lê Thị Hoa") < signer.index("Nguyễn Văn An")


def test_one_participant_is_on_the_label_line() -> None:
    v = view(record(participants="Toàn thể công chức Sở (có danh sách kèm theo)"))
    assert para(v, "Thành phần tham dự").text == (
        "Thành phần tham dự: Toàn thể công chức Sở (có danh sách kèm theo)."
    )
    assert not [t for t in texts(v) if t.startswith("- Toàn thể")]

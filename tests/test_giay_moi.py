"""Giấy mời (Mẫu 1.7): the model, its ký hiệu GM, tên loại and trích yếu, the invitation and
its field lines in the template's order, the time form, "./.", located errors."""

from __future__ import annotations

import copy
import datetime as dt
import re
import warnings
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_report
from vanban.models import Issuer, Recipient, Signer
from vanban.nd30 import forms

#: A small invitation as data; each test copies it.
INVITATION: dict[str, Any] = {
    "type": "giay_moi",
    "issuer": {
        "parent": "UBND TỈNH HÒA BÌNH NAM",
        "name": "SỞ Y TẾ",
        "abbreviation": "SYT",
        "in_text": "Sở Y tế",
    },
    "number": 7,
    "place": "Hòa Bình Nam",
    "date": "2026-03-02",
    "title": "Dự Hội nghị triển khai công tác y tế năm 2026",
    "invitee": "Đồng chí Giám đốc Trung tâm Y tế các huyện",
    "event": "Hội nghị triển khai công tác y tế năm 2026.",
    "chair": "Đồng chí Giám đốc Sở Y tế",
    "participants": "Lãnh đạo các phòng chức năng thuộc Sở",
    "time": "2026-03-05 08:00",
    "venue": "Hội trường Sở Y tế",
    "notes": ["Đề nghị đại biểu mang theo báo cáo kết quả năm 2025."],
    "recipients": ["Như thành phần mời"],
    "archive": "VT, NVY",
    "signer": {
        "authority": "KT",
        "head_title": "GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Lê Thị Mai",
    },
}


def invitation(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(INVITATION)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


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


def test_python_and_yaml_give_the_same_document() -> None:
    built = vanban.GiayMoi(
        issuer=Issuer(
            parent="UBND TỈNH HÒA BÌNH NAM", name="SỞ Y TẾ", abbreviation="SYT", in_text="Sở Y tế"
        ),
        number=7,
        place="Hòa Bình Nam",
        date="2026-03-02",
        title=INVITATION["title"],
        invitee=INVITATION["invitee"],
        event=INVITATION["event"],
        chair=INVITATION["chair"],
        participants=INVITATION["participants"],
        time=dt.datetime(2026, 3, 5, 8, 0),
        venue="Hội trường Sở Y tế",
        notes=INVITATION["notes"],
        recipients=[Recipient(name="Như thành phần mời")],
        archive="VT, NVY",
        signer=Signer(
            authority="KT", head_title="GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name="Lê Thị Mai"
        ),
    )
    loaded = load(INVITATION)
    assert isinstance(loaded, vanban.GiayMoi)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_symbol_heading_and_rule() -> None:
    v = view(INVITATION)
    assert para(v, "Số:").text == "Số: 07/GM-SYT"
    doc_type = para(v, "GIẤY MỜI")
    assert doc_type.style_id == "VBDocType"
    title = v.paragraphs[v.paragraphs.index(doc_type) + 1]
    assert title.style_id == "VBTitle" and title.text == INVITATION["title"]
    assert all(r.bold for r in title.runs if r.text.strip())
    rule = v.paragraphs[v.paragraphs.index(title) + 1]
    assert rule.style_id == "VBTitleRule" and not rule.text


def test_field_lines_in_the_template_order_not_bold() -> None:
    v = view(invitation(agenda="Triển khai kế hoạch năm 2026"))
    starts = [
        "Sở Y tế trân trọng kính mời: Đồng chí Giám đốc",
        "Tới dự Hội nghị triển khai",
        "Nội dung: Triển khai kế hoạch năm 2026",
        "Chủ trì: Đồng chí Giám đốc Sở Y tế",
        "Thành phần: Lãnh đạo",
        "Thời gian: ",
        "Địa điểm: Hội trường Sở Y tế",
        "Đề nghị đại biểu mang theo",
    ]
    found = [v.paragraphs.index(para(v, s)) for s in starts]
    assert found == sorted(found)
    for s in starts:
        p = para(v, s)
        assert p.style_id == "VBParagraph" and p.alignment == "both"
        assert not any(r.bold for r in p.runs)
    assert para(v, "Đề nghị đại biểu").text.endswith("năm 2025./.")


@pytest.mark.parametrize(
    ("time", "printed"),
    [
        ("2026-03-05 08:00", "08 giờ 00 phút, thứ Năm, ngày 05 tháng 3 năm 2026"),
        ("2027-02-07 14:30", "14 giờ 30 phút, Chủ nhật, ngày 07 tháng 02 năm 2027"),
        ("2026-03-05", "thứ Năm, ngày 05 tháng 3 năm 2026"),
        ("Sáng thứ Năm, ngày 05/3/2026", "Sáng thứ Năm, ngày 05/3/2026"),
    ],
)
def test_time_is_written_in_the_vietnamese_form(time: str, printed: str) -> None:
    assert para(view(invitation(time=time)), "Thời gian:").text == f"Thời gian: {printed}"


def test_time_text_matches_the_weekday_of_the_calendar() -> None:
    for day in range(1, 8):
        d = dt.date(2026, 6, day)
        assert forms.time_text(d).startswith(forms.WEEKDAYS[d.weekday()] + ",")
    assert forms.time_text(dt.date(2026, 6, 7)).startswith("Chủ nhật")  # a Sunday


def test_several_agenda_lines_are_dashes_under_the_label() -> None:
    v = view(invitation(agenda=["Tổng kết năm 2025", "Kế hoạch năm 2026"]))
    label = para(v, "Nội dung:")
    i = v.paragraphs.index(label)
    assert label.text == "Nội dung:"
    assert [p.text for p in v.paragraphs[i + 1 : i + 3]] == [
        "- Tổng kết năm 2025",
        "- Kế hoạch năm 2026",
    ]


def test_inviter_defaults_to_the_issuer_in_text_and_can_be_given() -> None:
    v = view(invitation(inviter="Ban Giám đốc Sở Y tế"))
    assert para(v, "Ban Giám đốc Sở Y tế trân trọng kính mời:")


def test_checker_passes_the_invitation() -> None:
    report = check_report(vanban.render(load(INVITATION)))
    assert report.document_type == "giay_moi"
    assert report.findings == []


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"venue": None}, "venue", "thiếu trường bắt buộc"),
        ({"time": "2026-02-30 08:00"}, "time", "ngày giờ không hợp lệ"),
        ({"invitee": "  "}, "invitee", "không được để trống"),
        ({"title": None}, "title", "thiếu trường bắt buộc"),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    data = invitation(**change)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="gm.yaml")
    [problem] = info.value.errors
    assert (problem.path, problem.source) == (path, "gm.yaml")
    assert problem.line is not None
    assert message in problem.message
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", problem.message)


def test_a_meeting_before_the_invitation_is_dated_warns() -> None:
    with pytest.warns(vanban.VanbanWarning, match="trước ngày ban hành giấy mời"):
        vanban.loads(yaml.safe_dump(invitation(time="2026-03-01 08:00"), allow_unicode=True))
    load(
        invitation(time="2026-03-02 14:00")
    )  # the same day: no warning (load turns it into an error)


@given(st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2150, 12, 31)))
def test_time_text_reads_back_the_moment(moment: dt.datetime) -> None:
    text = forms.time_text(moment)
    m = re.fullmatch(
        r"(\d\d) giờ (\d\d) phút, (thứ Hai|thứ Ba|thứ Tư|thứ Năm|thứ Sáu|thứ Bảy|Chủ nhật), "
        r"ngày (\d\d) tháng (\d\d?) năm (\d{4})",
        text,
    )
    assert m, text
    hour, minute, weekday, day, month, year = m.groups()
    back = dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    assert back == moment.replace(second=0, microsecond=0)
    assert forms.WEEKDAYS.index(weekday) == moment.weekday()
    assert (len(month) == 2) == (moment.month < 3 or moment.month >= 10)

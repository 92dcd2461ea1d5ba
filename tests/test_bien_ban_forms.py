"""Biên bản kiểm tra, thẩm định, bàn giao: each line of Mẫu 1.9 printed only when given, the
office's tên loại, căn cứ, opening, labels, mục, closing and signatures, Nơi nhận optional;
times partial, with a timezone or refused as a number with a located message."""

from __future__ import annotations

import copy
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_bien_ban import RECORD, load, para, record, texts

import vanban
from vanban._docx_reader import DocxView, read_docx
from vanban.checker import check_report

ROOT = Path(__file__).resolve().parent.parent


def view(data: dict[str, Any]) -> DocxView:
    """The rendered record, its warnings left to the test (``pytest.warns``)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return read_docx(vanban.render(vanban.loads(text)))


def quiet(data: dict[str, Any]) -> DocxView:
    """The rendered record, which must not warn."""
    return read_docx(vanban.render(load(data)))


#: An appraisal: none of the meeting's fields, its own lines and signatures.
APPRAISAL: dict[str, Any] = {
    "type": "bien_ban",
    "issuer": {"parent": "UBND TỈNH HÒA BÌNH NAM", "name": "SỞ CÔNG THƯƠNG", "abbreviation": "SCT"},
    "number": 42,
    "heading": "Biên bản thẩm định",
    "title": "Hồ sơ đề nghị cấp Giấy phép vận chuyển hàng hóa nguy hiểm",
    "bases": ["Căn cứ Nghị định số 161/2024/NĐ-CP", "Căn cứ Quyết định số 1696/QĐ-UBND;"],
    "opening": "Hôm nay, ngày 24 tháng 7 năm 2026, Đoàn thẩm định tiến hành thẩm định hồ sơ.",
    "sections": [
        {"title": "Thành phần", "content": [{"bullets": ["Ông Trần Trọng Trang, Trưởng đoàn."]}]},
        {
            "title": "Nội dung thẩm định",
            "content": [
                {
                    "title": "Thành phần hồ sơ:",
                    "content": [
                        {"letters": [{"text": "Giấy đề nghị: đạt."}]},
                        {"columns": ["STT", "Tài liệu"], "rows": [["1", "Giấy đề nghị"]]},
                    ],
                }
            ],
        },
    ],
    "closing": "Việc thẩm định kết thúc hồi 11 giờ 00 phút cùng ngày.\n\nBiên bản lập 02 bản.",
    "signers": [
        {"title": "ĐẠI DIỆN CHI NHÁNH", "name": "Nguyễn Văn Hưng"},
        {"title": "Trưởng đoàn", "name": "Trần Trọng Trang"},
    ],
}


def appraisal(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(APPRAISAL)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_appraisal_has_its_own_lines_and_none_of_the_meeting() -> None:
    lines = texts(quiet(APPRAISAL))
    body = lines[lines.index("BIÊN BẢN THẨM ĐỊNH") :]
    assert body[:12] == [
        "BIÊN BẢN THẨM ĐỊNH",
        "Hồ sơ đề nghị cấp Giấy phép vận chuyển hàng hóa nguy hiểm",
        "Căn cứ Nghị định số 161/2024/NĐ-CP;",
        "Căn cứ Quyết định số 1696/QĐ-UBND.",
        "Hôm nay, ngày 24 tháng 7 năm 2026, Đoàn thẩm định tiến hành thẩm định hồ sơ.",
        "I. THÀNH PHẦN",
        "- Ông Trần Trọng Trang, Trưởng đoàn.",
        "II. NỘI DUNG THẨM ĐỊNH",
        "1. Thành phần hồ sơ:",
        "a) Giấy đề nghị: đạt.",
        "STT",
        "Tài liệu",
    ]
    assert body[14:16] == [
        "Việc thẩm định kết thúc hồi 11 giờ 00 phút cùng ngày.",
        "Biên bản lập 02 bản./.",
    ]
    meeting = ("Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Nội dung:", "Cuộc họp")
    assert not [t for t in lines if t.startswith(meeting)]


def test_own_signatures_side_by_side_and_no_recipients_unless_given() -> None:
    v = view(APPRAISAL)
    left, right = para(v, "ĐẠI DIỆN CHI NHÁNH"), para(v, "TRƯỞNG ĐOÀN")
    assert left.table == right.table is not None
    assert (left.row, left.cell, right.row, right.cell) == (0, 0, 0, 1)
    assert para(v, "Nguyễn Văn Hưng").cell == 0 and para(v, "Trần Trọng Trang").cell == 1
    assert not [t for t in texts(v) if t.startswith(("Nơi nhận", "THƯ KÝ", "CHỦ TỌA", "- Lưu"))]
    given = view(appraisal(recipients=["Giám đốc Sở"], archive="QLCN"))
    assert para(given, "Nơi nhận:").cell == 0
    assert para(given, "- Lưu: VT, QLCN.")
    with pytest.warns(vanban.VanbanWarning, match="thiếu dòng"):
        forced = view(appraisal(show_recipients=True))
    assert para(forced, "- Lưu: VT.")


def test_a_record_of_its_own_warns_nothing_and_passes_the_checker() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = load(APPRAISAL)
    report = check_report(vanban.render(doc))
    assert report.document_type == "bien_ban"
    assert not report.findings, [str(f) for f in report.findings]


def test_a_meeting_without_recipients_keeps_its_nơi_nhận_unless_turned_off() -> None:
    with pytest.warns(vanban.VanbanWarning, match="thiếu dòng"):
        v = view(record(recipients=None, archive=None))
    assert para(v, "- Lưu: VT.")
    off = view(record(show_recipients=False))
    assert not [t for t in texts(off) if t.startswith(("Nơi nhận", "- Lưu"))]


def test_three_signers_the_third_under_the_first() -> None:
    signers = [
        {"title": "ĐẠI DIỆN BÊN GIAO", "name": "Lê Thị Hoa"},
        {"title": "ĐẠI DIỆN BÊN NHẬN", "name": "Phạm Quốc Khánh"},
        {"title": "ĐẠI DIỆN CHỨNG KIẾN\nPhó Giám đốc Sở", "name": "Vũ Minh Đức"},
    ]
    v = view(appraisal(signers=signers))
    first, third = para(v, "ĐẠI DIỆN BÊN GIAO"), para(v, "ĐẠI DIỆN CHỨNG KIẾN")
    assert (first.cell, third.cell, para(v, "ĐẠI DIỆN BÊN NHẬN").cell) == (0, 0, 1)
    paras = v.paragraphs
    assert paras.index(first) < paras.index(para(v, "Lê Thị Hoa")) < paras.index(third)
    assert para(v, "PHÓ GIÁM ĐỐC SỞ").cell == 0  # the label's second line, UPPERCASE
    assert para(v, "Vũ Minh Đức").cell == 0


def test_labels_replace_the_form_lines_and_content_label_turns_off() -> None:
    labels = {"start": "Thời gian", "venue": "Tại", "participants": "Thành phần Đoàn kiểm tra"}
    v = view(record(labels={**labels, "chair": "Chủ trì", "content": "Nội dung kiểm tra"}))
    assert para(v, "Thời gian: 8 giờ 00 phút").text.endswith("năm 2026.")
    assert para(v, "Tại: Phòng họp số 2")
    assert para(v, "Thành phần Đoàn kiểm tra:")
    assert para(v, "Chủ trì: Ông Nguyễn Văn An")
    assert para(v, "Nội dung kiểm tra:")
    off = view(record(labels={"content": False}))
    assert not [t for t in texts(off) if t.startswith("Nội dung")]
    with pytest.raises(vanban.ValidationError) as info:
        load(record(labels={"begin": "Lúc"}))
    assert info.value.errors[0].path.startswith("labels")


@pytest.mark.parametrize(
    ("start", "end", "lines"),
    [
        (
            "2026-11-20",
            "16:00",
            [
                "Thời gian bắt đầu: ngày 20 tháng 11 năm 2026.",
                "kết thúc vào 16 giờ 00 phút cùng ngày",
            ],
        ),
        ("8:30", "11:00", ["Thời gian bắt đầu: 8 giờ 30 phút.", "vào 11 giờ 00 phút cùng ngày"]),
        (None, "11:00", ["Cuộc họp kết thúc vào 11 giờ 00 phút./."]),
        (
            "2026-11-20 08:00",
            None,
            ["Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026."],
        ),
        (
            "2026-11-20T08:00:00+07:00",
            "2026-11-21 09:15",
            [
                "Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.",
                "kết thúc vào 9 giờ 15 phút, ngày 21 tháng 11 năm 2026",
            ],
        ),
    ],
)
def test_partial_and_absent_times(start: str | None, end: str | None, lines: list[str]) -> None:
    all_text = "\n".join(texts(view(record(start=start, end=end))))
    for line in lines:
        assert line in all_text
    if start is None:
        assert "Thời gian bắt đầu" not in all_text
    if end is None:
        assert "kết thúc" not in all_text
        assert "Các phòng báo cáo kết quả công tác tháng 11./." in all_text


def test_a_timezone_is_the_wall_clock_and_a_number_a_located_error() -> None:
    doc = load(record(start="2026-11-20T08:00:00+07:00", end="10:30"))
    assert isinstance(doc, vanban.BienBan)
    assert doc.start is not None and doc.start.isoformat() == "2026-11-20T08:00:00"
    vanban.render(doc)  # was a TypeError (naive and aware datetimes compared)
    for value in (20261120, 1.5, True):
        text = yaml.safe_dump(record(start=value), allow_unicode=True, sort_keys=False)
        with pytest.raises(vanban.ValidationError) as info:
            vanban.loads(text, source="bb.yaml")
        [problem] = info.value.errors
        line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("start:")))
        assert (problem.path, problem.line) == ("start", line + 1)
        assert "cần ngày và giờ dạng 2026-11-20 08:00" in problem.message
    with pytest.raises(vanban.ValidationError, match="end: cần giờ dạng 08:00"):
        load(record(end=1130))
    with pytest.raises(vanban.ValidationError, match="start: năm 1066 không hợp lệ"):
        load(record(start="1066-10-14 09:00"))


def test_a_timezone_aware_start_in_python_renders_checks_and_gives_tasks() -> None:
    import datetime as dt

    zone = dt.timezone(dt.timedelta(hours=7))
    data = record()
    data["start"] = dt.datetime(2026, 11, 20, 8, 0, tzinfo=zone)
    doc = vanban.BienBan.model_validate(data)
    assert "Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026." in texts(
        read_docx(vanban.render(doc))
    )
    assert list(doc.tasks()) == []


def test_check_render_and_tasks_of_a_timezone_start_exit_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vanban._cli import main

    path = tmp_path / "bb.yaml"
    data = record(start="2026-11-20T08:00:00+07:00")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["tasks", str(path)]) == 0
    assert main(["render", str(path), "-o", str(tmp_path / "bb.docx")]) == 0
    data["start"] = 20261120
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path)]) == 1  # a located error, not a traceback
    out = capsys.readouterr()
    assert "bb.yaml:" in out.out + out.err and "start: cần ngày và giờ" in out.out + out.err


def test_an_end_before_the_start_is_refused_in_each_form() -> None:
    for start, end in (
        ("2026-11-20 08:00", "7:30"),
        ("9:00", "8:00"),
        ("2026-11-20", "2026-11-19"),
    ):
        with pytest.raises(vanban.ValidationError, match="trước thời gian bắt đầu"):
            load(record(start=start, end=end))


def test_signers_or_the_chair_and_secretary_and_a_body_are_required() -> None:
    text = yaml.safe_dump(record(chair=None), allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="bb.yaml")
    [problem] = info.value.errors
    assert problem.path == "chair" and "hoặc ghi signers" in problem.message
    with pytest.raises(vanban.ValidationError, match="content"):
        load(appraisal(sections=None))
    with pytest.raises(vanban.ValidationError, match="không dùng signer"):
        load(appraisal(signer={"title": "TRƯỞNG ĐOÀN", "name": "A"}))


def test_warnings_for_a_heading_and_a_meeting_end_word_the_form_does_not_have() -> None:
    with pytest.warns(vanban.VanbanWarning, match='bắt đầu bằng "BIÊN BẢN"'):
        v = view(appraisal(heading="Báo cáo thẩm định"))
    assert para(v, "BÁO CÁO THẨM ĐỊNH")
    with pytest.warns(vanban.VanbanWarning, match='Mẫu 1.9 ghi "cuộc họp"'):
        v = view(record(kind="buổi họp"))
    assert para(v, "Buổi họp kết thúc vào 10 giờ 30 phút cùng ngày")
    # a record with its own signers names its work as it is: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load(appraisal(kind="buổi kiểm tra", start="8:00", end="11:00"))


def test_the_meeting_form_is_unchanged_by_the_new_fields() -> None:
    a = vanban.render(load(RECORD))
    b = vanban.render(load(record(labels={}, signers=[], bases=[], sections=[])))
    assert a == b


@pytest.mark.parametrize(
    "name",
    [
        "bien-ban-tham-dinh-giay-phep-van-chuyen-hang-nguy-hiem",
        "bien-ban-kiem-tra-an-toan-thuc-pham",
        "bien-ban-ban-giao-ho-so-luu-tru",
    ],
)
def test_the_examples_render_without_warnings_and_pass_the_checker(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = vanban.load(ROOT / "examples" / f"{name}.yaml")
    report = check_report(vanban.render(doc))
    assert report.document_type == "bien_ban"
    assert not report.findings, [str(f) for f in report.findings]


def test_preview_gives_each_stacked_signature_its_room() -> None:
    from vanban.preview import to_html

    signers = [
        {"title": "ĐẠI DIỆN BÊN GIAO", "name": "Lê Thị Hoa"},
        {"title": "ĐẠI DIỆN BÊN NHẬN", "name": "Phạm Quốc Khánh"},
        {"title": "ĐẠI DIỆN CHỨNG KIẾN", "name": "Vũ Minh Đức"},
    ]
    html = to_html(load(appraisal(signers=signers)))
    cell = html[html.index('class="vb-signer"') :]
    cell = cell[: cell.index("</td>")]
    room = '<div class="vb-signature-space"></div>'
    order = ["ĐẠI DIỆN BÊN GIAO", room, "Lê Thị Hoa", "ĐẠI DIỆN CHỨNG KIẾN", room, "Vũ Minh Đức"]
    at = 0
    for piece in order:
        at = cell.index(piece, at) + len(piece)
    assert cell.count(room) == 2

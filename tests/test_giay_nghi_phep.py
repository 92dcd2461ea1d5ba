"""Giấy nghỉ phép (Mẫu 1.10): the model, its ký hiệu GNP, the tên loại with no trích yếu, the
request sentence, the person's lines, the leave and what it counts as, the person first in Nơi
nhận, the optional xác nhận block under the closing, located errors."""

from __future__ import annotations

import copy
import datetime as dt
import re
import warnings
from typing import Any

import pytest
import yaml

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_report
from vanban.layout import layout
from vanban.models import Issuer, Signer
from vanban.models.giay_nghi_phep import Confirmation
from vanban.models.persons import Person
from vanban.preview import to_html

PERMIT: dict[str, Any] = {
    "type": "giay_nghi_phep",
    "issuer": {
        "parent": "UBND TỈNH HÒA BÌNH NAM",
        "name": "SỞ TÀI CHÍNH",
        "abbreviation": "STC",
        "in_text": "Sở Tài chính tỉnh Hòa Bình Nam",
    },
    "number": 112,
    "place": "Hòa Bình Nam",
    "date": "2026-07-08",
    "request_date": "2026-07-06",
    "person": {"honorific": "Ông", "name": "Lê Văn Nam", "position": "Kế toán viên"},
    "days": 3,
    "start": "2026-07-13",
    "end": "2026-07-15",
    "leave_place": "xã Tân An, tỉnh Hòa Bình Nam",
    "archive": "VT, VP",
    "confirmation": {"by": "Ủy ban nhân dân xã Tân An"},
    "signer": {
        "authority": "KT",
        "head_title": "GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Phan Văn Đức",
    },
}


def permit(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(PERMIT)
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
    built = vanban.GiayNghiPhep(
        issuer=Issuer(**PERMIT["issuer"]),
        number=112,
        place="Hòa Bình Nam",
        date="2026-07-08",
        request_date=dt.date(2026, 7, 6),
        person=Person(**PERMIT["person"]),
        days=3,
        start=dt.date(2026, 7, 13),
        end=dt.date(2026, 7, 15),
        leave_place="xã Tân An, tỉnh Hòa Bình Nam",
        archive="VT, VP",
        confirmation=Confirmation(by="Ủy ban nhân dân xã Tân An"),
        signer=Signer(**PERMIT["signer"]),
    )
    loaded = load(PERMIT)
    assert isinstance(loaded, vanban.GiayNghiPhep)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_heading_and_body_in_the_template_order() -> None:
    v = view(PERMIT)
    assert para(v, "Số:").text == "Số: 112/GNP-STC"
    doc_type = para(v, "GIẤY NGHỈ PHÉP")
    i = v.paragraphs.index(doc_type)
    assert v.paragraphs[i + 1].style_id == "VBTitleRule"
    assert not any(p.style_id == "VBTitle" for p in v.paragraphs)
    lines = [
        "Xét Đơn đề nghị nghỉ phép ngày 06 tháng 7 năm 2026 của ông Lê Văn Nam, Sở Tài chính "
        "tỉnh Hòa Bình Nam cấp cho:",
        "Ông: Lê Văn Nam",
        "Chức vụ: Kế toán viên",
        "Được nghỉ phép trong thời gian 03 ngày, kể từ ngày 13 tháng 7 năm 2026 đến hết ngày 15 "
        "tháng 7 năm 2026 tại xã Tân An, tỉnh Hòa Bình Nam.",
        "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm 2026./.",
    ]
    found = [v.paragraphs.index(para(v, line)) for line in lines]
    assert found == list(range(i + 2, i + 2 + len(lines)))
    assert all(para(v, line).text == line for line in lines)


def test_reason_and_kind_of_leave() -> None:
    v = view(permit(reason="Việc gia đình", counted_as="nghỉ việc riêng không hưởng lương"))
    assert para(v, "Lý do: Việc gia đình")
    assert para(v, "Số ngày nghỉ phép").text.endswith("nghỉ việc riêng không hưởng lương./.")


def test_the_person_is_the_first_recipient() -> None:
    v = view(permit(recipients=["Phòng Tổ chức cán bộ"]))
    assert [p.text for p in v.paragraphs if p.style_id == "VBRecipient"] == [
        "- Ông Lê Văn Nam;",
        "- Phòng Tổ chức cán bộ;",
        "- Lưu: VT, VP.",
    ]


def test_confirmation_block_left_under_the_closing() -> None:
    v = view(PERMIT)
    title = para(v, "XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ TÂN AN")
    signer = para(v, "Phan Văn Đức")
    assert title.style_id == "VBConfirmationTitle" and title.alignment == "center"
    assert all(r.bold for r in title.runs if r.text.strip())
    assert title.table is not None and title.table != signer.table
    assert title.cell == 0 and v.paragraphs.index(title) > v.paragraphs.index(signer)
    name = v.paragraphs[v.paragraphs.index(title) + 1]
    assert name.style_id == "VBConfirmationName" and name.space_before > 1000  # room to sign
    assert "XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ TÂN AN" in to_html(load(PERMIT))


@pytest.mark.parametrize("value", [True, {}])
def test_confirmation_with_the_template_wording(value: Any) -> None:
    lay = layout(load(permit(confirmation=value)))
    assert next(b.text for b in lay.confirmation) == (
        "XÁC NHẬN CỦA CƠ QUAN (TỔ CHỨC) HOẶC CHÍNH QUYỀN ĐỊA PHƯƠNG NƠI NGHỈ PHÉP"
    )


def test_no_confirmation_no_block() -> None:
    v = view(permit(confirmation=None))
    assert not any(p.style_id and p.style_id.startswith("VBConfirmation") for p in v.paragraphs)


@pytest.mark.parametrize("data", [PERMIT, permit(confirmation=None)])
def test_checker_passes_the_permit(data: dict[str, Any]) -> None:
    report = check_report(vanban.render(load(data)))
    assert report.document_type == "giay_nghi_phep"
    assert report.findings == []


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"days": 5}, "", "lớn hơn số ngày"),
        ({"end": "2026-07-10"}, "", "trước ngày bắt đầu"),
        ({"days": 0}, "days", ""),
        ({"start": "13/13/2026"}, "start", "ngày không hợp lệ"),
        ({"leave_place": None}, "leave_place", "thiếu trường bắt buộc"),
        ({"title": "Nghỉ phép năm"}, "", "không có trích yếu"),
        ({"confirmation": {"by": "UBND xã", "sign": "x"}}, "confirmation.sign", ""),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    text = yaml.safe_dump(permit(**change), allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="gnp.yaml")
    [problem] = info.value.errors
    assert (problem.path, problem.source) == (path, "gnp.yaml")
    assert problem.line is not None
    assert message in problem.message
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", problem.message)

"""Giấy giới thiệu (Mẫu 1.8): the model, its ký hiệu GGT, the tên loại with its rule and no
trích yếu, the centred introduction, the person's lines, the fixed request, the validity,
"Như trên" first in Nơi nhận, located errors."""

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
from vanban.models import Issuer, Signer
from vanban.models.persons import Person

LETTER: dict[str, Any] = {
    "type": "giay_gioi_thieu",
    "issuer": {
        "parent": "UBND TỈNH HÒA BÌNH NAM",
        "name": "SỞ NỘI VỤ",
        "abbreviation": "SNV",
        "in_text": "Sở Nội vụ tỉnh Hòa Bình Nam",
    },
    "number": 58,
    "place": "Hòa Bình Nam",
    "date": "2026-03-02",
    "person": {
        "honorific": "Bà",
        "name": "Đặng Thu Hà",
        "position": "Chuyên viên",
        "unit": "Phòng Công chức, viên chức",
    },
    "sent_to": "Ủy ban nhân dân xã Tân An",
    "purpose": "Khảo sát số liệu cán bộ, công chức cấp xã.",
    "valid_until": "2026-03-31",
    "archive": "VT, CCVC",
    "signer": {
        "authority": "KT",
        "head_title": "GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Vũ Thị Thanh",
    },
}


def letter(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(LETTER)
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
    built = vanban.GiayGioiThieu(
        issuer=Issuer(**LETTER["issuer"]),
        number=58,
        place="Hòa Bình Nam",
        date="2026-03-02",
        person=Person(**LETTER["person"]),
        sent_to="Ủy ban nhân dân xã Tân An",
        purpose=LETTER["purpose"],
        valid_until=dt.date(2026, 3, 31),
        archive="VT, CCVC",
        signer=Signer(**LETTER["signer"]),
    )
    loaded = load(LETTER)
    assert isinstance(loaded, vanban.GiayGioiThieu)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )
    # a dumped document loads again (its title is the tên loại it prints in place of one)
    assert vanban.GiayGioiThieu(**loaded.model_dump()).model_dump() == loaded.model_dump()


def test_tên_loại_and_rule_without_trích_yếu() -> None:
    v = view(LETTER)
    assert para(v, "Số:").text == "Số: 58/GGT-SNV"
    doc_type = para(v, "GIẤY GIỚI THIỆU")
    i = v.paragraphs.index(doc_type)
    assert doc_type.style_id == "VBDocType"
    assert v.paragraphs[i + 1].style_id == "VBTitleRule"
    assert not any(p.style_id == "VBTitle" for p in v.paragraphs)
    intro = v.paragraphs[i + 2]
    assert intro.text == "Sở Nội vụ tỉnh Hòa Bình Nam trân trọng giới thiệu:"
    assert intro.alignment == "center" and not any(r.bold for r in intro.runs)


def test_person_lines_request_and_validity_in_order() -> None:
    v = view(LETTER)
    lines = [
        "Bà: Đặng Thu Hà",
        "Chức vụ: Chuyên viên",
        "Đơn vị công tác: Phòng Công chức, viên chức",
        "Được cử đến: Ủy ban nhân dân xã Tân An",
        "Về việc: Khảo sát số liệu cán bộ, công chức cấp xã.",
        "Đề nghị Quý cơ quan tạo điều kiện để bà có tên ở trên hoàn thành nhiệm vụ.",
        "Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2026./.",
    ]
    found = [v.paragraphs.index(para(v, line)) for line in lines]
    assert found == sorted(found)
    assert [para(v, line).text for line in lines] == lines


def test_without_honorific_the_template_form() -> None:
    person = {k: v for k, v in LETTER["person"].items() if k not in ("honorific", "unit")}
    v = view(letter(person=person))
    assert para(v, "Ông (bà): Đặng Thu Hà")
    assert para(v, "Đề nghị Quý cơ quan").text.endswith(
        "để ông (bà) có tên ở trên hoàn thành nhiệm vụ."
    )
    assert not [p for p in v.paragraphs if p.text.startswith("Đơn vị công tác")]


def test_recipients_start_with_nhu_tren() -> None:
    v = view(letter(recipients=["Giám đốc Sở (để b/c)"]))
    assert [p.text for p in v.paragraphs if p.style_id == "VBRecipient"] == [
        "- Như trên;",
        "- Giám đốc Sở (để b/c);",
        "- Lưu: VT, CCVC.",
    ]


def test_checker_passes_the_letter() -> None:
    report = check_report(vanban.render(load(LETTER)))
    assert report.document_type == "giay_gioi_thieu"
    assert report.findings == []


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"title": "Giới thiệu công chức"}, "", "không có trích yếu"),
        ({"valid_until": "2026-02-30"}, "valid_until", "ngày không hợp lệ"),
        ({"valid_until": "2026-02-01"}, "", "trước ngày ban hành"),
        ({"sent_to": None}, "sent_to", "thiếu trường bắt buộc"),
        ({"person": {"name": "Đặng Thu Hà"}}, "person.position", "thiếu trường bắt buộc"),
        ({"person": {**LETTER["person"], "honorific": "Anh"}}, "person.honorific", ""),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    text = yaml.safe_dump(letter(**change), allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="ggt.yaml")
    [problem] = info.value.errors
    assert (problem.path, problem.source) == (path, "ggt.yaml")
    assert problem.line is not None
    assert message in problem.message
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", problem.message)

"""The seventeen types of Mẫu 1.4 share one model shape and one layout; each is its own tên
loại and ký hiệu (Phụ lục III, Mục I), a tờ trình and an upward báo cáo carry Kính gửi, a quy
chế and a quy định may be written in chương and điều."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

import vanban
from vanban import registry
from vanban._docx_reader import read_docx
from vanban.checker import check_report
from vanban.layout import layout
from vanban.nd30.doctypes import DOC_TYPES

MAU_1_4 = [k for k in registry.type_keys() if registry.model(k).layout_module == "text_document"]


def test_the_seventeen_of_mau_1_4() -> None:
    # The footnote of Mẫu 1.4 (nd30-types.md §7) lists exactly these.
    assert sorted(MAU_1_4) == sorted(
        [
            "chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan",
            "chuong_trinh", "ke_hoach", "phuong_an", "de_an", "du_an", "bao_cao", "to_trinh",
            "giay_uy_quyen", "phieu_gui", "phieu_chuyen", "phieu_bao",
        ]
    )  # fmt: skip


def _doc(sample: dict[str, Any], key: str, **changes: Any) -> vanban.Document:
    data = copy.deepcopy(sample)
    data.update(type=key, **changes)
    if key == "to_trinh" and "addressees" not in changes:
        data["addressees"] = ["Ủy ban nhân dân tỉnh Bắc Giang"]
    data.pop("task_style", None)
    return vanban.loads(yaml.safe_dump(data, allow_unicode=True))


@pytest.mark.parametrize("key", MAU_1_4)
def test_each_type_renders_its_own_heading_and_symbol(sample: dict[str, Any], key: str) -> None:
    doc = _doc(sample, key, number=7)
    info = DOC_TYPES[key]
    view = read_docx(vanban.render(doc))
    texts = [p.text for p in view.paragraphs]
    assert info.name.upper() in texts  # the tên loại line
    assert f"Số: 07/{info.abbreviation}-{doc.issuer.abbreviation}" in texts
    report = check_report(vanban.render(doc))
    assert report.document_type == key and report.findings == []


def test_to_trinh_needs_kinh_gui(sample: dict[str, Any]) -> None:
    with pytest.raises(vanban.ValidationError) as info:
        _doc(sample, "to_trinh", addressees=[])
    assert [p.path for p in info.value.errors] == ["addressees"]


@pytest.mark.parametrize("key", ["to_trinh", "bao_cao"])
def test_kinh_gui_and_nhu_tren(sample: dict[str, Any], key: str) -> None:
    doc = _doc(sample, key, addressees=["Bộ Nội vụ", "Bộ Tài chính"])
    text = layout(doc).text()
    assert "Kính gửi:\n- Bộ Nội vụ;\n- Bộ Tài chính." in text
    assert "Nơi nhận:\n- Như trên;" in text


def test_bao_cao_without_kinh_gui_is_a_plain_report(sample: dict[str, Any]) -> None:
    text = layout(_doc(sample, "bao_cao")).text()
    assert "Kính gửi" not in text and "Như trên" not in text


def test_kinh_gui_only_where_the_decree_puts_it(sample: dict[str, Any]) -> None:
    with pytest.raises(vanban.ValidationError) as info:
        _doc(sample, "thong_bao", addressees=["Bộ Nội vụ"])
    assert any(p.path == "addressees" for p in info.value.errors)


def test_quy_che_in_chuong_and_dieu(sample: dict[str, Any]) -> None:
    chapters = [
        {"title": "Quy định chung", "articles": [{"title": "Phạm vi điều chỉnh", "text": "A."}]},
        {"title": "Tổ chức thực hiện", "articles": ["Các phòng thực hiện Quy chế này."]},
    ]
    data = {k: v for k, v in sample.items() if k not in ("sections", "content", "footnotes")}
    data.pop("closing", None)
    doc = _doc(data, "quy_che", chapters=chapters)
    text = layout(doc).text()
    assert "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh" in text
    assert "Chương II\nTỔ CHỨC THỰC HIỆN\nĐiều 2. Các phòng thực hiện Quy chế này./." in text
    with pytest.raises(vanban.ValidationError) as info:
        _doc(sample, "quy_che", chapters=chapters)  # and the sample's mục too
    assert any(p.code == "mixed_body" for p in info.value.errors)


def test_missing_body_names_the_type(sample: dict[str, Any]) -> None:
    data = {k: v for k, v in sample.items() if k not in ("sections", "content")}
    with pytest.raises(vanban.ValidationError) as info:
        _doc(data, "chi_thi")
    assert any("thiếu trường bắt buộc" in p.message for p in info.value.errors)

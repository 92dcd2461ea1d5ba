"""BẢN GHI NHỚ as a two-party text (no Mẫu, nd30-types.md §15): its tên loại, ký hiệu
BGN, its own agreement line, Python and YAML alike, located errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from test_hop_dong import CONTRACT, load, para, texts

import vanban
from vanban.docx_reader import read_docx


def data(**changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(CONTRACT)
    out.update(type="ban_ghi_nho", **changes)
    return out


def test_python_and_yaml_give_the_same_document() -> None:
    loaded = load(data())
    assert isinstance(loaded, vanban.BanGhiNho)
    fields = {k: v for k, v in data().items() if k != "type"}
    built = vanban.BanGhiNho.model_validate(fields)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_type_name_symbol_and_agreement_line() -> None:
    v = read_docx(vanban.render(load(data())))
    lines = texts(v)
    assert "BẢN GHI NHỚ" in lines
    assert "HỢP ĐỒNG" not in lines
    assert para(v, "Số: 12/BGN-SNV")
    assert para(v, "Sau khi trao đổi").text == (
        "Sau khi trao đổi, thống nhất, hai bên cùng ký bản ghi nhớ với các điều khoản sau:"
    )
    assert para(v, "ĐẠI DIỆN BÊN A").cell == 0
    assert para(v, "ĐẠI DIỆN BÊN B").cell == 1


def test_three_parties_are_refused_with_a_located_error() -> None:
    three = data(parties=[*CONTRACT["parties"], CONTRACT["parties"][0]])
    text = yaml.safe_dump(three, allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="x.yaml")
    [problem] = info.value.errors
    assert problem.path == "parties"
    assert problem.line is not None
    assert "nhiều nhất 2" in problem.message

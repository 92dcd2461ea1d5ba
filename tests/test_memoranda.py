"""BẢN GHI NHỚ and BẢN THỎA THUẬN as two-party texts (no Mẫu, nd30-types.md §15), on the
Hợp đồng's shape: each its tên loại, ký hiệu (BGN, BTT) and agreement line; Python and YAML
alike; located errors."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from test_hop_dong import CONTRACT, load, para, texts

import vanban
from vanban._docx_reader import read_docx

TYPES = [
    ("ban_ghi_nho", "BanGhiNho", "BẢN GHI NHỚ", "BGN", "bản ghi nhớ"),
    ("ban_thoa_thuan", "BanThoaThuan", "BẢN THỎA THUẬN", "BTT", "bản thỏa thuận"),
]


def data(key: str, **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(CONTRACT)
    out.update(type=key, **changes)
    return out


@pytest.mark.parametrize(("key", "cls", "heading", "abbr", "word"), TYPES)
def test_python_and_yaml_give_the_same_document(
    key: str, cls: str, heading: str, abbr: str, word: str
) -> None:
    loaded = load(data(key))
    model = getattr(vanban, cls)
    assert isinstance(loaded, model)
    fields = {k: v for k, v in data(key).items() if k != "type"}
    built = model.model_validate(fields)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


@pytest.mark.parametrize(("key", "cls", "heading", "abbr", "word"), TYPES)
def test_type_name_symbol_and_agreement_line(
    key: str, cls: str, heading: str, abbr: str, word: str
) -> None:
    v = read_docx(vanban.render(load(data(key))))
    lines = texts(v)
    assert heading in lines
    assert "HỢP ĐỒNG" not in lines
    assert para(v, f"Số: 12/{abbr}-SNV")
    assert para(v, "Sau khi trao đổi").text == (
        f"Sau khi trao đổi, thống nhất, hai bên cùng ký {word} với các điều khoản sau:"
    )
    assert para(v, "ĐẠI DIỆN BÊN A").cell == 0
    assert para(v, "ĐẠI DIỆN BÊN B").cell == 1


@pytest.mark.parametrize("key", [t[0] for t in TYPES])
def test_three_parties_are_refused_with_a_located_error(key: str) -> None:
    three = data(key, parties=[*CONTRACT["parties"], CONTRACT["parties"][0]])
    text = yaml.safe_dump(three, allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="x.yaml")
    [problem] = info.value.errors
    assert problem.path == "parties"
    assert problem.line is not None
    assert "nhiều nhất 2" in problem.message

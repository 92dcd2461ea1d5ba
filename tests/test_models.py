"""The model: what it accepts, what it refuses and how it reads short forms."""

from __future__ import annotations

import datetime as dt

import pytest

import vanban
from vanban.errors import ValidationError
from vanban.models import Bullets, DocDate, Item, KeHoach, Letters, Signer, Task
from vanban.nd30 import Authority


def test_sample_validates(sample_doc: KeHoach) -> None:
    assert sample_doc.symbol_text == "KH-KCN"
    assert sample_doc.date == DocDate(year=2025, month=2, day=5)
    blocks = sample_doc.sections[1].content
    assert isinstance(blocks[0], Task) and blocks[0].deadline == dt.date(2025, 3, 15)
    assert isinstance(blocks[1], Task) and blocks[1].deadline == "thường xuyên"
    assert isinstance(blocks[2], Letters)
    assert isinstance(sample_doc.sections[0].content[0], Item)
    assert isinstance(sample_doc.sections[0].content[0].content[0], Bullets)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-15", (2024, 11, 15)),
        ("2024-11", (2024, 11, None)),
        ("2022", (2022, None, None)),
        (2022, (2022, None, None)),
        ("5/3/2020", (2020, 3, 5)),
        (dt.date(2020, 3, 5), (2020, 3, 5)),
        ({"year": 2024, "month": 2}, (2024, 2, None)),
    ],
)
def test_doc_date_forms(value: object, expected: tuple) -> None:
    d = DocDate.model_validate(value)
    assert (d.year, d.month, d.day) == expected


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-30", "hôm qua", "24-11"])
def test_doc_date_refuses(value: str) -> None:
    with pytest.raises(ValidationError):
        DocDate.model_validate(value)


def test_symbol_override_and_missing_abbreviation(sample: dict) -> None:
    sample["symbol"] = "KH-BCĐ"
    assert KeHoach.model_validate(sample).symbol_text == "KH-BCĐ"
    del sample["symbol"]
    del sample["issuer"]["abbreviation"]
    with pytest.raises(ValidationError, match="abbreviation"):
        KeHoach.model_validate(sample)


@pytest.mark.parametrize(
    ("signer", "message"),
    [
        ({"authority": "KT", "head_title": "CHỦ TỊCH", "name": "A"}, "cấp phó"),
        ({"authority": "KT", "title": "PHÓ CHỦ TỊCH", "name": "A"}, "head_title"),
        ({"authority": "TM", "title": "CHỦ TỊCH", "name": "A"}, "collective"),
        ({"authority": "Q", "head_title": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "A"}, "Q."),
        ({"title": "GIÁM ĐỐC", "head_title": "X", "name": "A"}, "không có quyền hạn"),
        ({"authority": "XYZ", "title": "GIÁM ĐỐC", "name": "A"}, "không có trong Nghị định 30"),
        (
            {"authority": "KT", "head_title": "TRƯỞNG BAN", "title": "Trưởng ban", "name": "A"},
            "khác",
        ),
    ],
)
def test_signer_impossible_combinations(signer: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Signer.model_validate(signer)


@pytest.mark.parametrize("authority", ["TM", "TM.", "tm", " TM. "])
def test_signer_authority_spellings(authority: str) -> None:
    s = Signer.model_validate(
        {"authority": authority, "collective": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "A"}
    )
    assert s.authority is Authority.TM


def test_unknown_field_and_empty_section(sample: dict) -> None:
    sample["sections"][0]["contents"] = []
    with pytest.raises(ValidationError, match="contents"):
        KeHoach.model_validate(sample)
    sample["sections"][0].pop("contents")
    sample["sections"][0]["content"] = []
    with pytest.raises(
        vanban.ValidationError, match=r"sections\[0\]\.content: cần ít nhất 1 phần tử"
    ):
        KeHoach.model_validate(sample)


def test_text_is_cleaned(sample: dict) -> None:
    sample["title"] = "  Ho\u0302\u0323i nghi\u0323  \r\n  tổng kết  "
    doc = KeHoach.model_validate(sample)
    assert doc.title == "Hội nghị\ntổng kết"


def test_control_characters_refused(sample: dict) -> None:
    sample["title"] = "Kế hoạch\x07"
    with pytest.raises(ValidationError, match="U\\+0007"):
        KeHoach.model_validate(sample)


def test_letters_at_most_23(sample: dict) -> None:
    sample["sections"][1]["content"][2] = {"letters": [f"điểm {i}" for i in range(24)]}
    with pytest.raises(ValidationError):
        KeHoach.model_validate(sample)


def test_margins_and_format(sample: dict) -> None:
    sample["format"] = {"size": "13", "margins": {"left": 30, "right": 15}, "line_spacing": 1.2}
    doc = KeHoach.model_validate(sample)
    assert doc.format.margins.rule().twips()["left"] == 1701
    sample["format"] = {"margins": {"left": 40}}
    with pytest.raises(ValidationError):
        KeHoach.model_validate(sample)


def test_format_bounds_are_the_decrees(sample: dict) -> None:
    """Margins, line spacing and first-line indents accepted by the model are exactly the
    ranges of vanban.nd30.page (Phụ lục I, I.3 and II.6.e)."""
    from typing import get_args

    from vanban.models.common import Format
    from vanban.nd30 import page

    def valid(fmt: dict) -> bool:
        sample["format"] = fmt
        try:
            KeHoach.model_validate(sample)
        except ValidationError:
            return False
        return True

    for side, (lo, hi) in page.MARGIN_RANGES_MM.items():
        assert valid({"margins": {side: lo}}) and valid({"margins": {side: hi}})
        assert not valid({"margins": {side: lo - 0.5}}) and not valid({"margins": {side: hi + 0.5}})
    lo, hi = page.LINE_SPACING_LINES
    assert valid({"line_spacing": lo}) and valid({"line_spacing": hi})
    assert not valid({"line_spacing": hi + 0.05}) and not valid({"line_spacing": lo - 0.05})
    names = get_args(Format.model_fields["first_line_indent"].annotation)
    assert set(names) == set(page.FIRST_LINE_INDENTS)
    assert all(valid({"first_line_indent": n}) for n in names)

"""Warnings, not silence: typed numbering, colons before an added end, lines that do not fit,
unpaired asterisks. Each is located by its field path, does not stop rendering, and shows in
``vanban check``."""

from __future__ import annotations

import copy
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml

import vanban
from vanban._cli import main
from vanban._validation import check_document
from vanban.models import KeHoach


def _warnings(data: dict[str, Any]) -> list[tuple[str, str]]:
    errors, warns = check_document(KeHoach.model_validate(data))
    assert errors == []
    return [(w.path, w.code) for w in warns]


def _with(sample: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(sample)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def test_sample_has_no_warnings(sample: dict) -> None:
    assert _warnings(sample) == []


# ---------------------------------------------------------------------------- typed numbering

TYPED = [
    (("sections", 0, "title"), "I. Mục đích, yêu cầu", "sections[0].title"),
    (("sections", 0, "content", 0, "title"), "1. Mục đích", "sections[0].content[0].title"),
    (("sections", 0, "content", 1, "title"), "1.2. Yêu cầu", "sections[0].content[1].title"),
    (("sections", 1, "content", 0, "task"), "1) Rà soát.", "sections[1].content[0].task"),
    (
        ("sections", 1, "content", 2, "letters", 0),
        "a) điểm một;",
        "sections[1].content[2].letters[0].text",
    ),
    (
        ("sections", 0, "content", 0, "content", 0, "bullets", 0),
        "• Bảo đảm an ninh.",  # "- " and "+ " are a list item's own mark: test_markup_scripts
        "sections[0].content[0].content[0].bullets[0].text",
    ),
    (
        ("sections", 2, "content", 0, "duties", 0),
        "– Theo dõi.",
        "sections[2].content[0].duties[0].text",
    ),
    (("signer", "head_title"), "KT. Trưởng ban", "signer.head_title"),
]


@pytest.mark.parametrize(("where", "value", "path"), TYPED, ids=[t[2] for t in TYPED])
def test_typed_numbering_warns(sample: dict, where: tuple, value: str, path: str) -> None:
    assert (path, "typed_numbering") in _warnings(_with(sample, where, value))


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("intro", 0), "1. Đây là đoạn văn người viết tự đánh số."),  # no number is added there
        (("sections", 0, "title"), "Ixia và các loài hoa"),  # a word, not a numeral
        (("sections", 1, "content", 0, "task"), "2025 là năm bản lề."),  # a year, no dot
        (("sections", 1, "content", 0, "task"), "1.250.000 đồng cho việc A."),  # an amount
        (("bases", 0), "1. Căn cứ Luật X"),  # căn cứ get no number
    ],
)
def test_no_false_typed_numbering(sample: dict, where: tuple, value: str) -> None:
    assert "typed_numbering" not in [c for _, c in _warnings(_with(sample, where, value))]


# --------------------------------------------------------------------------- colon before end


def test_basis_ending_in_colon_warns(sample: dict) -> None:
    data = _with(sample, ("bases", 0), "Căn cứ Luật Tổ chức chính quyền địa phương:")
    assert ("bases[0]", "colon_before_end") in _warnings(data)


def test_closing_ending_in_colon_warns(sample: dict) -> None:
    data = _with(sample, ("closing",), "Đề nghị các đơn vị thực hiện các việc sau:")
    assert ("closing", "colon_before_end") in _warnings(data)


def test_closing_colon_without_end_mark_is_fine(sample: dict) -> None:
    data = _with(sample, ("closing",), "Đề nghị các đơn vị thực hiện các việc sau:")
    data["format"] = {"end_mark": False}
    assert "colon_before_end" not in [c for _, c in _warnings(data)]


def test_last_body_text_gets_the_warning_without_closing(sample: dict) -> None:
    data = copy.deepcopy(sample)
    del data["closing"]
    data["sections"][-1]["content"].append("Các đơn vị báo cáo như sau:")
    assert ("sections[2].content[1]", "colon_before_end") in _warnings(data)


# ------------------------------------------------------------------------------ line fitting


def test_issuer_line_overflow(sample: dict) -> None:
    # Wraps to "SỞ CÔNG THƯƠNG TỈNH" / "LÀO CAI" at 13 pt bold in the 6.6 cm cell.
    data = _with(sample, ("issuer", "name"), "SỞ CÔNG THƯƠNG TỈNH LÀO CAI")
    assert ("issuer.name", "line_overflow") in _warnings(data)


def test_issuer_lonely_word(sample: dict) -> None:
    # Wraps to three lines, "GIANG" alone on the last.
    data = _with(sample, ("issuer", "name"), "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BẮC GIANG")
    assert ("issuer.name", "lonely_word") in _warnings(data)


def test_parent_line_is_measured_too(sample: dict) -> None:
    data = _with(sample, ("issuer", "parent"), "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG")
    assert [c for p, c in _warnings(data) if p == "issuer.parent"]


def test_issuer_lines_that_fit(sample: dict) -> None:
    assert not [p for p, _ in _warnings(sample) if p.startswith("issuer")]


def test_title_lonely_word(sample: dict) -> None:
    # At 14 pt bold over 15.5 cm the first line ends at "khu công": "nghiệp" is left alone.
    long = "Triển khai thực hiện công tác bảo đảm an ninh, trật tự tại các khu công nghiệp"
    assert ("title", "lonely_word") in _warnings(_with(sample, ("title",), long))
    shorter = long.removesuffix(" nghiệp")
    assert "lonely_word" not in [c for _, c in _warnings(_with(sample, ("title",), shorter))]


def test_title_line_overflow_with_breaks(sample: dict) -> None:
    title = (
        "Triển khai thực hiện công tác bảo đảm an ninh, trật tự tại các khu công nghiệp "
        "trên địa bàn tỉnh Bắc Giang năm 2025\nvà các năm tiếp theo"
    )
    assert ("title", "line_overflow") in _warnings(_with(sample, ("title",), title))


# ------------------------------------------------------------------------------- asterisks


@pytest.mark.parametrize("text", ["Bảo đảm **an ninh tại các KCN.", "Việc *A và B.", "a*b"])
def test_unpaired_asterisk_warns(sample: dict, text: str) -> None:
    data = _with(sample, ("intro", 0), text)
    assert ("intro[0]", "unpaired_asterisk") in _warnings(data)


@pytest.mark.parametrize(
    "text",
    ["Bảo đảm **an ninh** tại *KCN*.", "Ghi chú (*) ở cuối.", "5 * 3 = 15", "10**9", r"\*x"],
)
def test_paired_or_literal_asterisks_are_fine(sample: dict, text: str) -> None:
    data = _with(sample, ("intro", 0), text)
    assert "unpaired_asterisk" not in [c for _, c in _warnings(data)]


# ------------------------------------------------------------------- rendering and the CLI


def test_warnings_do_not_stop_rendering(sample: dict) -> None:
    data = _with(sample, ("sections", 0, "title"), "I. Mục đích")
    doc = KeHoach.model_validate(data)
    with pytest.warns(vanban.VanbanWarning, match="sections\\[0\\].title"):
        out = vanban.render(doc)
    assert out[:2] == b"PK"


def test_check_command_prints_located_warnings(
    sample: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _with(sample, ("closing",), "Đề nghị thực hiện **ngay:")
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with warnings.catch_warnings():
        code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 0
    lines = [line for line in err.splitlines() if line.startswith("cảnh báo: ")]
    line_no = next(
        i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "closing" in t
    )
    located = [line for line in lines if f"plan.yaml:{line_no}:" in line and " closing: " in line]
    assert any("./." in line for line in located), err  # the colon before the end mark
    assert any('"**"' in line for line in located), err  # the unpaired asterisks


def test_text_advice_pattern_matches_each_text_warning(sample: dict) -> None:
    import re

    from vanban._validation import TEXT_ADVICE, check_document

    data = _with(sample, ("sections", 0, "title"), "I. Mục đích")
    data["bases"] = ["Căn cứ X:"]
    data["issuer"]["name"] = "SỞ CÔNG THƯƠNG TỈNH LÀO CAI"  # overflows
    data["title"] = "Triển khai thực hiện công tác bảo đảm an ninh, trật tự tại các khu công nghiệp"
    data["intro"] = ["Việc **A"]
    data["signer"]["title"] = "KT. Phó Trưởng ban"
    warns = check_document(KeHoach.model_validate(data))[1]
    codes = {w.code for w in warns}
    assert codes == {
        "typed_numbering",
        "colon_before_end",
        "lonely_word",
        "line_overflow",
        "unpaired_asterisk",
    }
    assert all(re.match(TEXT_ADVICE, str(w)) for w in warns)

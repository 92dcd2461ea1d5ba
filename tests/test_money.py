"""Sums of money in figures and in words (vanban.nd30.money), against a table written by hand."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vanban import nd30
from vanban.nd30.money import MAX_AMOUNT, money_figures, money_text, money_words, number_words

#: Each number with its reading, written out by hand per standard usage (see the module).
READINGS = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (55, "năm mươi lăm"),
    (90, "chín mươi"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (500, "năm trăm"),
    (505, "năm trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1100, "một nghìn một trăm"),
    (2022, "hai nghìn không trăm hai mươi hai"),
    (2025, "hai nghìn không trăm hai mươi lăm"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (105_000, "một trăm linh năm nghìn"),
    (505_515, "năm trăm linh năm nghìn năm trăm mười lăm"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (5_025_110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười"),
    (25_000_000, "hai mươi lăm triệu"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_005_000_000, "một tỷ không trăm linh năm triệu"),
    (1_250_000_000, "một tỷ hai trăm năm mươi triệu"),
    (
        1_505_555_005,
        "một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm",
    ),
    (10_000_000_000, "mười tỷ"),
    (21_000_000_000, "hai mươi mốt tỷ"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (2_024_000_000_000, "hai nghìn không trăm hai mươi tư tỷ"),
]


def test_table_is_large_enough() -> None:
    assert len(READINGS) >= 40
    for n in (0, 5, 10, 15, 21, 25, 101, 105, 1005, 2022, 10_000_000_000):
        assert n in dict(READINGS)


@pytest.mark.parametrize(("n", "words"), READINGS, ids=[str(n) for n, _ in READINGS])
def test_reading(n: int, words: str) -> None:
    assert number_words(n) == words


def test_money_forms() -> None:
    assert money_figures(1_250_000_000) == "1.250.000.000 đồng"
    assert money_words(1_250_000_000) == "Một tỷ hai trăm năm mươi triệu đồng"
    assert money_words(0) == "Không đồng"
    assert money_text(2022) == "2.022 đồng (Hai nghìn không trăm hai mươi hai đồng)"
    assert nd30.money_words is money_words  # reachable from vanban.nd30


@pytest.mark.parametrize("bad", [-1, MAX_AMOUNT + 1])
def test_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError, match="số tiền"):
        money_words(bad)


@pytest.mark.parametrize("bad", [1.5, "100", True])
def test_not_a_whole_number(bad: object) -> None:
    with pytest.raises(TypeError):
        money_figures(bad)  # type: ignore[arg-type]


# ------------------------------------------------------------- reading back: an independent parse
_DIGIT = {
    w: i
    for i, w in enumerate(["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"])
}
_DIGIT.update({"mốt": 1, "tư": 4, "lăm": 5})


def _parse_below_thousand(words: list[str]) -> int:
    value = 0
    i = 0
    if len(words) > 1 and words[1] == "trăm":
        value, i = 100 * _DIGIT[words[0]], 2
    rest = words[i:]
    if rest[:1] == ["linh"]:
        return value + _DIGIT[rest[1]]
    if rest[:1] == ["mười"]:
        return value + 10 + (_DIGIT[rest[1]] if len(rest) > 1 else 0)
    if len(rest) >= 2 and rest[1] == "mươi":
        return value + 10 * _DIGIT[rest[0]] + (_DIGIT[rest[2]] if len(rest) > 2 else 0)
    return value + (_DIGIT[rest[0]] if rest else 0)


def _parse(text: str) -> int:
    words = text.split()
    if "tỷ" in words:
        k = len(words) - 1 - words[::-1].index("tỷ")
        return _parse(" ".join(words[:k])) * 10**9 + (
            _parse(" ".join(words[k + 1 :])) if words[k + 1 :] else 0
        )
    total, chunk = 0, []
    for w in words:
        if w in ("nghìn", "triệu"):
            total += _parse_below_thousand(chunk) * (1000 if w == "nghìn" else 10**6)
            chunk = []
        else:
            chunk.append(w)
    return total + (_parse_below_thousand(chunk) if chunk else 0)


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_words_read_back(n: int) -> None:
    text = number_words(n)
    assert "  " not in text and text == text.strip()
    assert _parse(text) == n
    # "tư" and "mốt" only after "mươi"; "lăm" only after "mười"/"mươi".
    words = text.split()
    for prev, w in itertools.pairwise(words):
        if w in ("tư", "mốt"):
            assert prev == "mươi"
        if w == "lăm":
            assert prev in ("mười", "mươi")

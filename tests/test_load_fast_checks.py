"""The shortcuts of loading give what the long way gives: a text already clean is kept as the
cleaning would leave it (and refused or cleaned exactly as before otherwise)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from vanban import _cleaning
from vanban.models import types

#: Characters a text of a plan holds, and those the cleaning acts on (line ends, tabs, spaces
#: of every kind, control characters, combining marks, surrogates, non-characters).
_TRICKY = (
    "\r\n\t \u00a0\u2003\u3000\x00\x07\x0b\x1c\x1f\x7f\x85\u0300\u0323\u0302\ud800\ufffe\uffff"
)
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_TRICKY),
        st.sampled_from("aAĐđỦủệẾờ1:*-. ,"),
        st.characters(codec="utf-8"),
        st.characters(),
    ),
    max_size=30,
)


def _long_way(value: str) -> tuple[str, str]:
    """What the text validator gave before its shortcut: the value, or the error's type."""
    if _cleaning.bad_character(value):
        return ("error", "bad_character")
    value = _cleaning.clean(value)
    return ("error", "empty_text") if not value else ("ok", value)


def _validated(value: str) -> tuple[str, str]:
    try:
        return ("ok", types._text_value(value))
    except PydanticCustomError as exc:
        return ("error", exc.type)


@settings(max_examples=3000)
@given(_TEXT)
@example("Ủy ban nhân dân")
@example(" Ủy ban")
@example("Ủy ban\u00a0")
@example("Ho\u0302\u0323i")
@example("a\rb")
@example("")
@example(" ")
def test_text_validator_gives_what_the_long_way_gives(value: str) -> None:
    assert _validated(value) == _long_way(value)


@settings(max_examples=3000)
@given(_TEXT)
def test_is_clean_means_clean_leaves_it_and_nothing_is_refused(value: str) -> None:
    if _cleaning.is_clean(value):
        assert _cleaning.bad_character(value) is None
        assert _cleaning.clean(value) == value


def test_the_only_printable_space_is_the_space() -> None:
    # what is_clean leans on: str.strip removes nothing else from a printable text
    assert [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize(
    "value", ["Ủy ban nhân dân", "Kế hoạch số 12/KH-UBND", "a*b", "“Đề án”", "x" * 500]
)
def test_plain_texts_take_the_shortcut(value: str) -> None:
    assert unicodedata.is_normalized("NFC", value)
    assert _cleaning.is_clean(value)

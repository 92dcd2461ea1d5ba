"""The shortcuts of loading give what the long way gives: a text already clean is kept as the
cleaning would leave it (and refused or cleaned exactly as before otherwise)."""

from __future__ import annotations

import datetime as dt
import gc
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

import vanban
from vanban import _cleaning, _loading
from vanban.errors import ValidationError
from vanban.models import types

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import plans

TODAY = dt.date(2024, 11, 1)

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


def _plan_text() -> str:
    return plans.plan_yaml(plans.seed_plan(1))


def test_loading_runs_with_the_collector_paused_and_resumes_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[bool] = []
    check = _loading.check_document

    def spy(*args: Any, **kw: Any) -> Any:
        seen.append(gc.isenabled())
        return check(*args, **kw)

    monkeypatch.setattr(_loading, "check_document", spy)
    assert gc.isenabled()
    text = _plan_text()
    vanban.loads(text, today=TODAY)
    path = tmp_path / "plan.json"
    path.write_text(plans.plan_json(text), encoding="utf-8")
    vanban.load(path, today=TODAY)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    vanban.load(tmp_path / "plan.yaml", today=TODAY)
    assert seen == [False, False, False]
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        vanban.loads(text.replace("type: ke_hoach", "type: 12"), today=TODAY)
    assert gc.isenabled()


def test_a_program_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        vanban.loads(_plan_text(), today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loads_in_threads_leave_the_collector_on() -> None:
    text = _plan_text()
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda _: vanban.loads(text, today=TODAY), range(16)))
    assert len(docs) == 16
    assert gc.isenabled()
    assert _loading._PAUSED[0] == 0

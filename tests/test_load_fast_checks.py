"""The shortcuts of loading give what the long way gives: a text already clean is kept as the
cleaning would leave it (and refused or cleaned exactly as before otherwise)."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
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
from vanban import _cleaning, _files, _loading, _metrics
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


def test_a_file_is_read_as_far_as_its_size_not_the_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[int] = []
    read = _files.read_input

    def spy(path: Any, max_bytes: int) -> bytes:
        asked.append(max_bytes)
        return read(path, max_bytes)

    monkeypatch.setattr(_files, "read_input", spy)
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * 5000)
    assert _loading._read_file(path, _loading.MAX_BYTES) == b"x" * 5000  # the long way
    assert asked == [5000]


class _Shrunk(type(Path())):  # type: ignore[misc]
    """A path whose size is told smaller than the file: a file that grew once looked at."""

    def stat(self, **kw: Any) -> os.stat_result:
        found = super().stat(**kw)
        return os.stat_result((*found[:6], 10, *found[7:10]))


@pytest.mark.parametrize("size", [5000, 200])
def test_a_file_that_grew_is_read_whole_or_refused(tmp_path: Path, size: int) -> None:
    path = _Shrunk(tmp_path / "plan.yaml")
    path.write_bytes(b"x" * size)
    if size <= 1000:
        assert _loading.read_file(path, 1000) == b"x" * size
    else:
        with pytest.raises(ValidationError) as exc:
            _loading.read_file(path, 1000)
        assert exc.value.errors[0].code == "too_large"


def test_a_file_that_tells_no_size_is_read_whole() -> None:
    status = Path("/proc/self/status")
    if not status.exists() or status.stat().st_size:
        pytest.skip("no /proc")
    assert b"Name:" in _loading.read_file(status, _loading.MAX_BYTES)


def _old_json_nesting(data: Any) -> int:
    """:func:`vanban._loading._json_nesting` as it was, container by container."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)] if type(data) in (dict, list) else []
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
    return deepest


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=2), inner, max_size=4)
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3), _containers, max_leaves=40
)


@settings(max_examples=2000)
@given(_JSON)
def test_json_nesting_counts_what_the_stack_counted(data: Any) -> None:
    assert _loading._json_nesting(data) == _old_json_nesting(data)


@pytest.mark.parametrize("depth", [60, 61, 62, 70])
def test_json_nested_at_the_limit(tmp_path: Path, depth: int) -> None:
    # the outermost table is level 0: 61 open at once is the limit, as in YAML
    data = json.loads(plans.plan_json(_plan_text()))
    data["extra_field"] = json.loads("[" * (depth - 1) + "1" + "]" * (depth - 1))
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        vanban.load(path, today=TODAY)
    codes = {p.code for p in exc.value.errors}
    assert ("too_deep" in codes) == (depth > 61), codes


def _old_wrap_units(text: str, limit: float, face: _metrics._FaceWidths) -> list[tuple[str, int]]:
    """:func:`vanban._metrics._wrap_units` as it was, word by word: the reference."""
    space_w = face[" "]
    out: list[tuple[str, int]] = []
    for para in text.split("\n"):
        line = ""
        line_w = 0
        for spaces, word in _metrics._WORD_RE.findall(para):
            word_w = sum(map(face.__getitem__, word))
            if line:
                w = line_w + len(spaces) * space_w + word_w
                if w <= limit:
                    line += spaces + word
                    line_w = w
                    continue
                out.append((line, line_w))
                spaces = ""
            w = len(spaces) * space_w + word_w
            if w <= limit:
                line = spaces + word
                line_w = w
            else:
                pieces, line, line_w = _metrics._break_word(spaces + word, face, limit)
                out.extend((p, sum(map(face.__getitem__, p))) for p in pieces)
        out.append((line, line_w))
    return out


_WRAPPED = st.text(
    alphabet=st.one_of(
        st.sampled_from("   \n\u00a0\u0301\u200b\t"),
        st.sampled_from("aiWMĐƯỦệ.-/:"),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)


@settings(max_examples=4000)
@given(
    _WRAPPED,
    st.one_of(st.integers(1, 30_000), st.floats(0.5, 30_000, allow_nan=False)),
    st.booleans(),
    st.booleans(),
)
@example("Cộng hòa xã hội chủ nghĩa Việt Nam", 3000 / (13 * 20 / 2048), False, False)
@example("  a  bb   ccc    dddd  ", 2048, False, False)
@example("https://vanban.chinhphu.vn/ và tiếp", 1500 / (12 * 20 / 2048), False, False)
@example("WWWWWW WW W", 0.5, True, False)
@example(" \n  \n", 100, False, False)
def test_wrap_units_gives_what_the_word_by_word_wrap_gives(
    text: str, limit: float, bold: bool, italic: bool
) -> None:
    face = _metrics._face(bold, italic)
    text = unicodedata.normalize("NFC", text)
    assert _metrics._wrap_units(text, limit, face) == _old_wrap_units(text, limit, face)


@given(st.lists(st.sampled_from(["a", "W", "ệ", "Đ", " "]), min_size=1, max_size=12), st.data())
def test_wrap_units_at_a_limit_equal_to_a_line(chars: list[str], data: st.DataObject) -> None:
    # a limit exactly the width of the first words (or a hair less): they fit, or not
    face = _metrics._face(False, False)
    text = " ".join("".join(chars[: k + 1]) for k in range(len(chars)))
    cut = data.draw(st.integers(1, len(text)))
    limit = sum(map(face.__getitem__, text[:cut])) - data.draw(st.sampled_from([0, 1e-9, 0.5]))
    if limit > 0:
        assert _metrics._wrap_units(text, limit, face) == _old_wrap_units(text, limit, face)


def test_a_child_forked_during_a_load_runs_the_collector() -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    with _loading._collector_paused():
        assert not gc.isenabled()
        pid = os.fork()
        if pid == 0:  # the child: no load runs here
            os._exit(0 if gc.isenabled() and _loading._PAUSED == [0, False] else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert gc.isenabled()


def _deadline_result(fn: Any, value: Any) -> tuple[str, Any]:
    try:
        return ("ok", fn(value))
    except PydanticCustomError as exc:
        return ("error", str(exc))


_DEADLINE = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.builds(
        lambda y, m, d, pad: f"{pad}{y}-{m}-{d}{pad}",
        st.sampled_from(["2025", "1899", "2201", "0999", "+202", "20 5", "２０２５"]),
        st.sampled_from(["03", "3", "13", "00", "W1", "0٣"]),
        st.sampled_from(["15", "1", "31", "30", "0", "1 "]),
        st.sampled_from(["", " ", "\t"]),
    ),
    st.text(alphabet="0123456789-/ W.T:", min_size=8, max_size=12),
)


@settings(max_examples=3000)
@given(_DEADLINE)
@example("2025-02-29")
@example("1899-12-31")
@example("2200-12-31")
@example("2025-W10-1")
@example("20250315  ")
def test_deadline_shortcut_gives_what_the_long_way_gives(value: str) -> None:
    assert _deadline_result(types._deadline, value) == _deadline_result(
        types._deadline_value, value
    )

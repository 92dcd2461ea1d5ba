"""The fast paths of loading a file (reading it, validating it, marking it checked) give what
the long ways give: the same bytes, the same problems, the same document."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vanban
from vanban import _cleaning, _loading
from vanban.errors import InputError, ValidationError
from vanban.models import blocks, common, types
from vanban.nd30 import recipients

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import plans


def outcome(fn: object, path: Path, max_bytes: int) -> object:
    try:
        return ("bytes", fn(path, max_bytes))  # type: ignore[operator]
    except (InputError, ValidationError) as exc:
        return (type(exc).__name__, str(exc))


def both(path: Path, max_bytes: int) -> tuple[object, object]:
    return outcome(_loading.read_file, path, max_bytes), outcome(
        _loading._read_file, path, max_bytes
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300), max_bytes=st.integers(0, 320))
def test_a_regular_file_reads_as_the_long_way_reads_it(
    tmp_path: Path, raw: bytes, max_bytes: int
) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(raw)
    fast, long = both(path, max_bytes)
    assert fast == long
    if len(raw) <= max_bytes:
        assert _loading._read_regular(path, max_bytes) == raw  # read by the fast path


def test_what_is_not_a_plain_regular_file_takes_the_long_way(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "small").write_bytes(b"type: ke_hoach\n")
    (tmp_path / "big").write_bytes(b"x" * 100)
    (tmp_path / "link").symlink_to(tmp_path / "small")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "fifo")
    cases = ["folder", "small", "big", "link", "dangling", "fifo", "missing"]
    for name in cases:
        path = tmp_path / name
        if name not in ("small", "link"):
            assert _loading._read_regular(path, 50) is None, name
        fast, long = both(path, 50)
        assert fast == long, name
    assert both(Path("/dev/null"), 50)[0] == both(Path("/dev/null"), 50)[1]


def test_a_file_that_grew_or_shrank_while_read_takes_the_long_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"abc")
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, n) + b"more")
    assert _loading._read_regular(path, 100) is None
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, n)[:-1])
    assert _loading._read_regular(path, 100) is None


def test_a_loaded_document_is_marked_checked_until_a_field_changes(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plans.plan_yaml(plans.seed_plan(1)), encoding="utf-8")
    doc = vanban.load(path)
    assert doc._checked is True
    assert doc.__pydantic_private__ == {"_checked": True}
    doc.title = "Kế hoạch khác"
    assert doc._checked is False


def test_errors_of_a_load_leave_no_model_building(tmp_path: Path) -> None:
    # vanban_errors as a class: the count of models being built is set back on every way out,
    # so that the next model built alone translates its error again.
    path = tmp_path / "plan.yaml"
    data = plans.plan_yaml(plans.seed_plan(1)).replace("type: ke_hoach", "type: ke_hoach\nbad: 1")
    path.write_text(data, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        vanban.load(path)
    assert [p.path for p in info.value.errors] == ["bad"]
    assert types._building.get() == 0
    with pytest.raises(ValidationError) as again:
        vanban.models.common.Margins(top=-1)
    assert [p.path for p in again.value.errors] == ["top"]
    assert types._building.get() == 0


def test_the_fast_path_reads_as_far_as_the_size_of_what_it_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real_read = os.read

    def spy(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", spy)
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * 5000)
    assert _loading.read_file(path, _loading.MAX_BYTES) == b"x" * 5000
    assert asked == [5001]


_TRICKY_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\n\r\u00a0\u0302\u0323\x07\ufffe\ud800"),
        st.sampled_from("aAĐđỦủệẾờ1:*-. ,"),
        st.characters(),
    ),
    max_size=12,
)


@settings(max_examples=3000)
@given(_TRICKY_TEXT)
def test_the_text_validator_keeps_a_text_as_it_is_exactly_when_it_is_clean(value: str) -> None:
    # its tests written out are is_clean's: the long way is skipped exactly for a text that
    # is_clean accepts
    took_long_way = []
    check = types._check_text

    def spy(text: str) -> str:
        took_long_way.append(text)
        return check(text)

    types._check_text = spy
    try:
        types._text_value(value)
    except Exception:
        pass
    finally:
        types._check_text = check
    assert (not took_long_way) == (bool(value) and _cleaning.is_clean(value))


class _Mapping(dict):  # type: ignore[type-arg]
    """A dict that is not exactly one: block_kind reads it the long way."""


_BLOCK_KEYS = st.sampled_from(
    [
        "task",
        "bullets",
        "letters",
        "duties",
        "body",
        "rows",
        "columns",
        "tasks",
        "groups",
        "page_break",
        "align",
        "title",
        "text",
        "content",
        "number",
        "other",
        1,
    ]
)


@settings(max_examples=2000)
@given(st.dictionaries(_BLOCK_KEYS, st.none(), max_size=6))
def test_block_kind_of_a_mapping_is_what_the_long_way_gives(value: dict[object, None]) -> None:
    assert blocks.block_kind(value) == blocks.block_kind(_Mapping(value))


def test_block_kind_of_the_forms_of_a_block() -> None:
    assert blocks.block_kind({"rows": [], "tasks": []}) == "task_table"
    assert blocks.block_kind({"title": "a", "bullets": []}) == "bullets"
    assert blocks.block_kind({"title": "a"}) == "item"
    assert blocks.block_kind({"other": 1}) is None
    assert blocks.block_kind("a") == "paragraph"


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from("VTNCĐđ1²-&.,; ()\u00a0bảnaThắng"), max_size=10))
def test_an_archive_unit_reads_as_the_long_way_reads_it(text: str) -> None:
    def read(fn: object) -> object:
        try:
            return fn(text)  # type: ignore[operator]
        except ValueError as exc:
            return ("error", type(exc).__name__, str(exc))

    assert read(recipients.read_archive_unit) == read(recipients._read_unit)


def test_documents_loaded_do_not_share_their_default_format(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plans.plan_yaml(plans.seed_plan(1)), encoding="utf-8")
    one, two = vanban.load(path), vanban.load(path)
    assert one.format is not two.format and one.format.margins is not two.format.margins
    one.format.margins.top = 25
    one.format.size = "13"
    assert two.format == common.Format()
    assert one.format.margins.top == 25


def _json_object(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON text of a table whose keys may be written twice (json.dumps cannot write that)."""
    keys = st.sampled_from(["type", "title", "a", "b", "c"])
    pairs = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 2 and draw(st.booleans()):
            value = _json_object(draw, depth + 1)
        else:
            value = draw(st.sampled_from(['"ke_hoach"', "1", "[1, {}]", '"x"', "null", "1" * 40]))
        pairs.append(f'"{draw(keys)}": {value}')
    return "{" + ", ".join(pairs) + "}"


@st.composite
def _json_texts(draw: st.DrawFn) -> str:
    text = _json_object(draw)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut: a syntax error somewhere
    return text


def _json_outcome(text: str) -> object:
    import warnings

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            doc = _loading._load_json(text, "f.json", None)
        except ValidationError as exc:
            return ("error", [str(p) for p in exc.errors])
    return ("doc", doc.model_dump(), [str(w.message) for w in seen])


def _always_duplicate(items: list[tuple[str, object]]) -> dict[str, object]:
    raise _loading._Duplicate


@settings(max_examples=400, deadline=None)
@given(_json_texts())
def test_json_is_read_as_the_long_way_reads_it(text: str) -> None:
    fast = _json_outcome(text)
    decoder = _loading._JSON_DECODER
    _loading._JSON_DECODER = json.JSONDecoder(
        object_pairs_hook=_always_duplicate, parse_int=_loading._json_int
    )
    try:
        long = _json_outcome(text)
    finally:
        _loading._JSON_DECODER = decoder
    assert fast == long


def test_a_plan_with_a_key_written_twice_says_so() -> None:
    text = plans.plan_json(plans.plan_yaml(plans.seed_plan(1)))
    text = text.replace('"type": "ke_hoach",', '"type": "ke_hoach", "place": "X",', 1)
    outcome = _json_outcome(text)
    assert outcome[0] == "error"
    assert any("place" in p and "hai lần" in p for p in outcome[1])  # type: ignore[index, union-attr]


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from("tmkqluTMKQLU. \u00a0ı"), max_size=6))
def test_an_authority_reads_as_the_loop_over_the_members_reads_it(value: str) -> None:
    from pydantic_core import PydanticCustomError

    from vanban.nd30.signer import Authority

    key = value.strip().upper().rstrip(".")
    expected = next((a for a in Authority if a.value.rstrip(".") == key), None)
    try:
        got = common._authority(value)
    except PydanticCustomError:
        got = None
    assert got is expected


def _scanned_values(text: str) -> int:
    """What _json_depth counts: commas and opening brackets outside strings."""
    import re

    count, pos = 0, 0
    for m in re.finditer(r'[\[\]{}",]', text):
        if m.start() < pos:
            continue
        if m.group() == '"':
            end = _loading._JSON_STRING.match(text, m.start())
            pos = end.end() if end else len(text)
        elif m.group() in "[{,":
            count += 1
    return count


_JSON_DATA = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(alphabet='a,[]{}":\\ ', max_size=5)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(alphabet='k,[{"', max_size=3), inner)
    ),
    max_leaves=25,
)


@settings(max_examples=1500)
@given(_JSON_DATA, st.sampled_from([None, 2]), st.sampled_from([(",", ":"), (" , ", " : ")]))
def test_the_values_counted_from_the_data_are_those_the_scan_counts(
    data: object, indent: int | None, separators: tuple[str, str]
) -> None:
    text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=False)
    assert _loading._json_shape(data, values=True) == (
        _loading._json_nesting(data),
        _scanned_values(text),
    )


@pytest.mark.parametrize("items", [48, 49, 50, 51])
def test_json_values_at_the_limit_are_refused_where_the_scan_refuses_them(
    monkeypatch: pytest.MonkeyPatch, items: int
) -> None:
    monkeypatch.setattr(_loading, "MAX_VALUES", 50)
    text = '{"type": "ke_hoach", "x": [' + ", ".join(["1"] * items) + "]}" + " " * 60
    scanned = _scanned_values(text)  # 1 + 1 + (items - 1) + 1 comma between the keys
    outcome = _json_outcome(text)
    assert ("too_many_values" in str(outcome) or "quá 50" in str(outcome)) == (scanned > 50)

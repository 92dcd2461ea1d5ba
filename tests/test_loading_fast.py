"""The one-pass reader of plain YAML files gives what the full reader gives: the same data,
the same problems, the same positions (found only when needed), or hands the file over."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban import _loading
from vanban.errors import ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import plans

PAD = "# " + "x" * 4200 + "\n"  # the fast reader reads files of 4 KiB or more


def both(text: str) -> tuple[object, object]:
    def run(fn: object) -> object:
        try:
            data, builder = fn(text, "f.yaml")  # type: ignore[operator]
        except ValidationError as exc:
            return ("error", [str(p) for p in exc.errors])
        return (repr(data), [str(p) for p in builder.problems], builder.marks, builder.key_marks)

    return run(_loading._parse), run(_loading._parse_full)


def test_reference_plan_is_read_in_one_pass_with_the_same_positions() -> None:
    text = plans.plan_yaml(plans.seed_plan(3))
    _, builder = _loading._parse(text, "f.yaml")
    assert isinstance(builder, _loading._LazyBuilder)
    assert builder._found is None  # no position looked for yet
    fast, full = both(text)
    assert fast == full


SCALARS = [
    "a: 1",
    "a: -0",
    "a: +12",
    "a: 012",
    "a: 1.5",
    "a: -.5",
    "a: 1.e+3",
    "a: 1e3",
    "a: .inf",
    "a: true",
    "a: False",
    "a: yes",
    "a: ~",
    "a: null",
    "a: Null",
    "a:",
    "a: '1'",
    'a: "true"',
    "a: |\n  x\n  y",
    "a: >\n  x\n  y",
    "a: 2024-11-01",
    "a: 0x1F",
    "a: 1_000",
    "a: 1:30",
    "a: " + "9" * 31,
    "a: " + "9" * 30,
    "1: a",
    "true: a",
    "1.5: a",
    "? [a]\n: b",
    "~: a",
    "a: [1, {b: c}]",
    "a: &x 1\nb: *x",
    "a: !!str 1",
    "a: !foo 1",
    "<<: {b: 1}",
    "a: <<",
    "'<<': 1",
    "a: 1\na: 2",
    "a: {b: 1, b: 2}",
    "- a\n- b",
    "just text",
    "a: [",
    "a: 1\n---\nb: 2",
    "a: \t1",
    "a: " + "[" * 70 + "]" * 70,
    "a: " + "[" * 59 + "]" * 59,
]


@pytest.mark.parametrize("text", SCALARS)
def test_same_as_the_full_reader(text: str) -> None:
    fast, full = both(PAD + text + "\n")
    assert fast == full


plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=60, deadline=None)
@given(plain)
def test_any_plain_data_is_read_alike(value: object) -> None:
    import yaml

    text = PAD + yaml.safe_dump({"v": value}, allow_unicode=True)
    fast, full = both(text)
    assert fast == full


def test_json_positions_are_found_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import yaml

    data = yaml.safe_load(plans.plan_yaml(plans.seed_plan(2)))
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    calls: list[str] = []
    real = _loading._json_marks
    monkeypatch.setattr(_loading, "_json_marks", lambda t, s: calls.append(s) or real(t, s))
    _loading._load_json(text, "f.json", None)
    assert calls == []  # a clean file: never read a second time
    data["footnotes"] = {**data.get("footnotes", {}), "thua": "Không được dẫn."}
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    with pytest.warns(Warning) as caught:
        _loading._load_json(text, "f.json", None)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"thua"' in s)
    assert any(f"f.json:{line}:" in str(w.message) for w in caught)
    assert calls == ["f.json"]


def test_json_commas_inside_texts_do_not_count_as_values() -> None:
    import json

    import yaml

    data = yaml.safe_load(plans.plan_yaml(plans.seed_plan(2)))
    data["title"] = "," * (_loading.MAX_VALUES + 10)
    text = json.dumps(data, ensure_ascii=False, default=str)
    doc = _loading._load_json(text, "f.json", None)  # the bound says "scan": the scan says fine
    assert doc.title == data["title"]


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


small_plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=40,
)


@settings(max_examples=80, deadline=None)
@given(small_plain)
def test_plain_data_is_read_in_one_pass_as_the_full_reader_reads_it(value: object) -> None:
    # Plain data (no alias, no tag, no number too large) never falls back to the full reader,
    # and the one pass builds what the full reader builds: lists in tables in lists, keys of
    # every kind of scalar, values after a nested table.
    import yaml

    text = PAD + yaml.dump({"v": value, "w": [value, {"x": value}]}, Dumper=_NoAliases)
    fast = _loading._fast_data(text)
    assert fast is not None
    data, builder = _loading._parse_full(text, "f.yaml")
    assert not builder.problems
    assert repr(fast[0]) == repr(data)


def test_nesting_at_the_limit_is_read_in_one_pass_and_beyond_it_is_handed_over() -> None:
    deep = PAD + "a: " + "[" * (_loading.MAX_DEPTH - 1) + "]" * (_loading.MAX_DEPTH - 1) + "\n"
    assert _loading._fast_data(deep) is not None
    deeper = PAD + "a: " + "[" * _loading.MAX_DEPTH + "]" * _loading.MAX_DEPTH + "\n"
    assert _loading._fast_data(deeper) is None


def _pattern_date(value: str) -> object:
    """The date of a text by the patterns alone (as before the common form was read in C)."""
    import datetime as dt

    from vanban.models import types

    m = types._ISO_DATE.match(value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = types._VN_DATE.match(value)
        if not m:
            return None
        d, mo, y = (int(x) for x in m.groups())
    try:
        return types.in_years(dt.date(y, mo, d))
    except ValueError:
        return "bad_date"


_digit = st.sampled_from("0123456789")
_date_like = st.builds(
    lambda a, b, c, sep: f"{a}{sep}{b}{sep}{c}",
    st.text(_digit, min_size=4, max_size=4) | st.text(min_size=0, max_size=5),
    st.text(_digit, min_size=1, max_size=2) | st.text(min_size=0, max_size=3),
    st.text(_digit, min_size=1, max_size=2) | st.text(min_size=0, max_size=3),
    st.sampled_from(["-", "/", "."]),
)


@settings(max_examples=300, deadline=None)
@given(_date_like)
def test_dates_read_in_c_are_those_the_patterns_read(value: str) -> None:
    from pydantic_core import PydanticCustomError

    from vanban.models import types

    try:
        found: object = types._parse_date_text(value)
    except PydanticCustomError as exc:
        assert exc.type == "bad_date"
        found = "bad_date"
    assert found == _pattern_date(value)


@pytest.mark.parametrize(
    "value", ["2025-03-15", "1899-12-31", "2201-01-01", "2025-02-29", "2024-02-29", "0000-01-01"]
)
def test_dates_read_in_c_at_the_edges(value: str) -> None:
    test_dates_read_in_c_are_those_the_patterns_read.hypothesis.inner_test(value)  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["2025-03-15", "1.2e-4567", "12-4-67-90", "2025-03-15x"])
def test_a_date_shaped_scalar_is_text_as_the_full_reader_reads_it(value: str) -> None:
    fast, full = both(PAD + f"a: {value}\n")
    assert fast == full


@pytest.mark.parametrize("char", ["\x07", "\x00", "\ud800", "\ufffe", "\x1b", "\x7f"])
@pytest.mark.parametrize("where", ["start", "end"])
def test_a_character_yaml_refuses_is_named_by_the_full_reader(char: str, where: str) -> None:
    # No search for such characters before the one pass: libyaml's reader stops at them.
    body = f'a: "x{char}y"\n'
    text = body + PAD if where == "start" else PAD + body
    fast, full = both(text)
    assert fast == full
    assert isinstance(fast, tuple) and fast[0] == "error" and "U+" in str(fast[1])


def test_too_many_values_with_a_refused_character_says_what_the_full_reader_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_loading, "MAX_VALUES", 50)
    many = "".join(f"- {i}\n" for i in range(60))
    far = "# " + "y" * 200_000 + "\n"  # libyaml reads this far only after the values
    for text in (
        PAD + "b:\n" + many + "a: \x07\n",
        "a: \x07\nb:\n" + many + PAD,
        PAD + "b:\n" + many + far + "a: \x07\n",
    ):
        fast, full = both(text)
        assert fast == full
        assert "U+0007" in str(fast)
    fast, full = both(PAD + "b:\n" + many)
    assert fast == full
    assert "too_many" not in str(fast) and "50" in str(fast)

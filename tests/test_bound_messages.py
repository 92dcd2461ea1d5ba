"""Generic messages: bounds in Vietnamese and in the field's unit, one message per problem.

(The paths of table cells and columns are another part of issue 16; these tests look at the
messages and their number, not at the path a column's width is reported at.)
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vanban

ENGLISH = re.compile(r"\b(Input|should|Field|String|match|pattern|greater|less|than|valid)\b")


def _problems(sample: dict[str, Any], change: Any) -> list[vanban.Problem]:
    data = copy.deepcopy(sample)
    change(data)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return info.value.errors


def _table(width: Any) -> dict[str, Any]:
    return {"columns": [{"title": "A", "width": width}, {"title": "B"}], "rows": [["a", "b"]]}


def _with_table(width: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["sections"][0]["content"].append(_table(width))

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.setdefault("format", {}).update(margins={"left": 40}),
            "format.margins.left: phải từ 30 đến 35 mm, không phải 40 mm",
        ),
        (
            lambda d: d.setdefault("format", {}).update(margins={"top": 10.5}),
            "format.margins.top: phải từ 20 đến 25 mm, không phải 10.5 mm",
        ),
        (
            lambda d: d.setdefault("format", {}).update(table_size=20),
            "format.table_size: phải từ 11 đến 14 pt, không phải 20 pt",
        ),
        (lambda d: d.update(number=0), "number: phải từ 1 đến 999999, không phải 0"),
        (lambda d: d.update(number=1_000_000), "number: phải từ 1 đến 999999, không phải 1000000"),
        # A strict bound said as strict: 0 is not "lớn hơn hoặc bằng 0".
        (_with_table(0), "phải lớn hơn 0, không phải 0"),
        (_with_table(-2.5), "phải lớn hơn 0, không phải -2.5"),
        (_with_table(1001), "phải nhỏ hơn hoặc bằng 1000, không phải 1001"),
        # Of no kind the width reads: one message naming both.
        (_with_table({"x": 1}), "cần một số hoặc một đoạn chữ, không phải một bảng"),
    ],
)
def test_a_bound_in_vietnamese_and_the_unit_once(
    sample: dict[str, Any], change: Any, message: str
) -> None:
    problems = _problems(sample, change)
    assert len(problems) == 1, [str(p) for p in problems]
    assert message in str(problems[0])


def test_a_long_fixed_width_is_written_out_and_checked_against_the_page(
    sample: dict[str, Any],
) -> None:
    """ "2000000mm" was turned into "2e+06mm", which the width's pattern then refused in
    pydantic's English; it is a length, too wide for the page, said in cm."""
    problems = _problems(sample, _with_table("2000000mm"))
    assert [p.code for p in problems] == ["table_too_wide"]
    assert "các cột cố định rộng 200000.0 cm, không vừa bề rộng 15.5 cm" in problems[0].message
    assert not ENGLISH.search(problems[0].message)


def test_a_width_given_in_cm_is_kept_in_mm(sample: dict[str, Any]) -> None:
    data = copy.deepcopy(sample)
    data["sections"][0]["content"].append(_table("2.5cm"))
    doc = vanban.loads(yaml.safe_dump(data, allow_unicode=True))
    assert doc.sections[0].content[-1].columns[0].width == "25mm"


@settings(max_examples=60, deadline=None)
@given(
    width=st.one_of(
        st.floats(max_value=0, allow_nan=False, allow_infinity=False),
        st.floats(min_value=1000.5, max_value=1e12),
        st.integers(max_value=0),
        st.text(max_size=8),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.lists(st.integers(), max_size=2),
        st.booleans(),
    )
)
@example(width=-(10**30))  # refused while reading (31 digits): not also "an empty value"
@example(width=10**30)
def test_any_bad_width_gives_one_vietnamese_message(width: Any) -> None:
    from tests_support import ROOT

    sample = yaml.safe_load((ROOT / "examples" / "giam-ngheo-ben-vung.yaml").read_text("utf-8"))
    data = copy.deepcopy(sample)
    data["sections"][0]["content"].append(_table(width))
    try:
        vanban.loads(yaml.safe_dump(data, allow_unicode=True))
    except vanban.ValidationError as exc:
        assert len(exc.errors) == 1, [str(p) for p in exc.errors]
        assert not ENGLISH.search(exc.errors[0].message), exc.errors[0].message
        bound = exc.errors[0].message.split(", không phải")[0]
        assert not re.search(r"\de[+-]\d", bound), exc.errors[0].message


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("!!int 12x", "bad_value"),
        ("!!python/name:os.system x", "bad_tag"),
        ("-" + "9" * 31, "number_too_large"),
    ],
)
def test_a_value_refused_while_reading_is_said_once(value: str, code: str) -> None:
    """A value the reader refuses is None in the data: the field's own error ("cần một số …,
    không phải một giá trị rỗng") would say nothing new and is left out; a key that is no
    field of the model is still said, since that is news of its own."""
    from tests_support import ROOT

    from vanban._loading import iter_problems

    text = (ROOT / "examples" / "giam-ngheo-ben-vung.yaml").read_text("utf-8")
    assert "\nformat:" not in text
    in_field = f"{text}format:\n  margins:\n    left: {value}\n"
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.loads(in_field)
    assert [p.code for p in caught.value.errors] == [code]
    unknown_key = text.replace("type: ke_hoach", f"type: ke_hoach\nsigned_on: {value}", 1)
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.loads(unknown_key)
    assert [p.code for p in iter_problems(caught.value)] == ["extra_forbidden", code]

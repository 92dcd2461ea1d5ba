"""The walk the checks read (:mod:`vanban.models.walk`) finds what a plain recursive walk
finds: every model and text with its path, in document order, empty lists and tables aside;
and the checks' shortcut for a line that fits gives what the wrap gives."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import reference_walk

import vanban
from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import Table, Task, TaskPart, TaskTable

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))


def _load(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return vanban.load(path, today=dt.date(2024, 11, 1))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_walk_finds_what_a_plain_walk_finds(path: Path) -> None:
    doc = _load(path)
    expected: list[tuple[str, Any]] = []
    reference_walk(doc, "", expected)
    found = list(walk.walk(doc))
    assert [(p, id(v)) for p, v in found] == [(p, id(v)) for p, v in expected]
    kinds = (Task, TaskPart, Table, TaskTable, Appendix)
    wanted = [(p, id(v)) for p, v in expected if isinstance(v, kinds)]
    assert [(p, id(v)) for p, v in walk.models(doc, kinds)] == wanted
    with walk.shared(doc):  # the same from a walk kept for every check
        assert [(p, id(v)) for p, v in walk.models(doc, kinds)] == wanted
        assert [(p, id(v)) for p, v in walk.models(doc, Appendix)] == [
            (p, i) for p, i in wanted if isinstance(dict(expected)[p], Appendix)
        ]
    assert walk.texts(doc) == [(p, v) for p, v in expected if isinstance(v, str)]


def test_empty_lists_and_tables_are_left_out_of_the_walk() -> None:
    from vanban.models.blocks import Item

    item = Item(title="Mục", content=["Một đoạn."])
    assert [p for p, _ in walk.walk(item)] == ["", "title", "content", "content[0]"]
    assert ("extra", {}) not in list(walk.walk(Task(task="Việc", extra={})))


_line = st.text(
    st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẾỀỂỄỆ  \u00a0\t.,;:-/()W1")),
    max_size=80,
).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(
    _line,
    st.integers(min_value=300, max_value=12_000),
    st.sampled_from([12.0, 13.0, 14.0]),
    st.booleans(),
)
def test_a_line_is_wrapped_by_the_checks_as_the_metrics_wrap_it(
    line: str, width: int, size: float, bold: bool
) -> None:
    # The checks skip the wrap of a line that fits whole: what the wrap gives then.
    from vanban import _metrics, _validation

    assert _validation._wrapped(line, width, size, bold) == _metrics.wrap(
        line, width, size, bold=bold
    )

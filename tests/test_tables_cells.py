"""Table cells as users write them (issue 16, items 3 and 7): "" and null are empty cells, a
place covered by a span may be written "", and every problem is named at its own cell with
the YAML path the user wrote."""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vanban
from vanban.errors import Problem
from vanban.layout import layout
from vanban.layout.blocks import Table
from vanban.models.grid import GridError, place

HEAD = """\
type: ke_hoach
issuer: {parent: UBND TỈNH BẮC GIANG, name: SỞ CÔNG THƯƠNG, abbreviation: SCT}
number: 5
place: Bắc Giang
date: 2025-02-10
title: Thử bảng
archive: [NC]
signer: {authority: KT, head_title: Giám đốc, title: Phó Giám đốc, name: Nguyễn Văn A}
sections:
  - title: Nội dung
    content:
"""
#: The line of the first block's "- " in a plan made by :func:`plan`.
FIRST = HEAD.count("\n") + 1


def plan(blocks: str) -> str:
    return HEAD + textwrap.indent(textwrap.dedent(blocks), "      ")


def errors(text: str) -> list[Problem]:
    with pytest.raises(vanban.ValidationError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        vanban.loads(text, source="plan.yaml")
    return list(info.value.errors)


def tables(text: str) -> list[Table]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        doc = vanban.loads(text)
    return [i for i in layout(doc).body if isinstance(i, Table)]


def where(p: Problem) -> tuple[str, int | None, int | None]:
    return p.path, p.line, p.column


BLANK_COLUMN = """\
- columns: [TT, Nội dung, Ghi chú]
  rows:
    - [1, Việc một, ""]
    - [2, Việc hai, null]
    - [3, Việc ba, {text: "", align: center}]
    - [4, Việc bốn, "   "]
"""


def test_an_empty_string_is_an_empty_cell() -> None:
    """The issue: `""` gave two errors per cell (30 for a blank column); it is an empty cell,
    like null and a cell left out."""
    (t,) = tables(plan(BLANK_COLUMN))
    assert t.text.splitlines()[1:] == [
        "1 | Việc một | ",
        "2 | Việc hai | ",
        "3 | Việc ba | ",
        "4 | Việc bốn | ",
    ]
    assert all(row.cells[2].paras[0].inlines == () for row in t.rows[1:])


def test_a_place_covered_by_a_span_may_be_left_out_or_written_empty() -> None:
    short = """\
    - columns: [TT, Thời gian, Nội dung, Ghi chú]
      rows:
        - [1, {text: 8h00, rowspan: 2}, {text: Họp toàn thể, colspan: 2}]
        - [2, Làm việc nhóm, x]
    """
    full = """\
    - columns: [TT, Thời gian, Nội dung, Ghi chú]
      rows:
        - [1, {text: 8h00, rowspan: 2}, {text: Họp toàn thể, colspan: 2}, ""]
        - [2, "", Làm việc nhóm, x]
    """
    (a,) = tables(plan(short))
    (b,) = tables(plan(full))
    assert a == b
    assert [c.merge for c in b.rows[2].cells] == [None, "continue", None, None]
    assert b.rows[1].cells[2].span == 2 and len(b.rows[1].cells) == 3


def test_full_rows_in_the_grid() -> None:
    from types import SimpleNamespace as C

    def cell(rowspan: int = 1, colspan: int = 1, empty: bool = False) -> Any:
        return C(rowspan=rowspan, colspan=colspan, empty=empty)

    grid = place([[cell(2), cell(), cell()], [cell(empty=True), cell(), cell()]], 3)
    assert [(p.column, p.merge) for p in grid[1]] == [(0, "continue"), (1, None), (2, None)]
    with pytest.raises(GridError) as info:
        place([[cell(2), cell(), cell()], [cell(), cell(), cell()]], 3)
    assert info.value.at == (1, 2) and "cột 1 nằm dưới ô gộp dòng" in info.value.message


def at(text: str, line: int, marker: str) -> tuple[int, int]:
    """(line, column) of ``marker`` on line ``line`` of the first block (1 = its "- ")."""
    n = FIRST + line - 1
    return n, text.splitlines()[n - 1].index(marker) + 1


@pytest.mark.parametrize(
    ("rows", "line", "marker", "path", "message"),
    [
        # rows of a 3-column table; the cell's line (1 = the table's "- ") and text
        ("- [1, 2, 3, X]", 3, "X]", "rows[0][3]", "nhiều hơn số cột"),
        ("- [1, {text: x, colspan: 4}]", 3, "{", "rows[0][1]", "gộp 4 cột, vượt quá 3 cột"),
        (
            "- [1, {text: x, rowspan: 3}, 3]\n    - [2, 3]",
            3,
            "{",
            "rows[0][1]",
            "gộp 3 dòng, vượt quá dòng cuối",
        ),
        ("- [1, {text: x, rowspan: 2}, 3]\n    - {group: G}", 4, "{", "rows[1]", "dòng nhóm"),
        (
            "- [1, {text: x, rowspan: 2}, 3]\n    - [2, y, Z]",
            4,
            "Z]",
            "rows[1][2]",
            'cột 2 nằm dưới ô gộp dòng phía trên: bỏ ô đó đi, hoặc viết "" ở chỗ của nó',
        ),
    ],
)
def test_grid_problems_are_named_at_their_cell(
    rows: str, line: int, marker: str, path: str, message: str
) -> None:
    """Not at the table's first line, and with the key the user wrote (rows, not table)."""
    text = plan(f"- columns: [A, B, C]\n  rows:\n    {rows}\n")
    (p,) = errors(text)
    assert message in p.message
    assert where(p) == (f"sections[0].content[0].{path}", *at(text, line, marker))


def test_a_wrong_cell_is_named_by_rows_and_its_place() -> None:
    text = plan(
        """\
        - columns: [TT, Nội dung, Ghi chú]
          rows:
            - [1, Việc một, ""]
            - [2, {text: Việc hai, colspan: 0}, ""]
        """
    )
    (p,) = errors(text)
    assert where(p) == ("sections[0].content[0].rows[1][1].colspan", *at(text, 4, "0}"))


def test_header_cells_are_named_by_header() -> None:
    text = plan(
        """\
        - columns: [A, B, C]
          header:
            - [{text: A, colspan: 4}]
          rows: [[1, 2, 3]]
        """
    )
    (p,) = errors(text)
    assert where(p) == ("sections[0].content[0].header[0][0]", *at(text, 3, "{"))


def test_one_message_for_a_value_no_alternative_takes() -> None:
    """A text-or-list field given a mapping: one message naming both forms, not two; a list
    with a bad line: one message at the line, named as written (no ".text")."""
    text = plan(
        """\
        - columns: [A, B]
          rows:
            - [1, [a, {x: 1}]]
        - task: Rà soát
          leads: {a: 1}
        """
    )
    found = errors(text)
    assert [where(p) for p in found] == [
        ("sections[0].content[0].rows[0][1][1]", *at(text, 3, "{x")),
        ("sections[0].content[1].leads", *at(text, 5, "{a")),
    ]
    assert found[1].message == (
        "cần một đoạn chữ hoặc một danh sách (các dòng bắt đầu bằng '- '), không phải một bảng"
    )


def test_null_and_empty_are_documented() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "plan-parts.md").read_text("utf-8")
    assert '`""`' in docs and "`null`" in docs and "covered" in docs


def test_a_warning_in_a_cell_is_named_as_written() -> None:
    text = plan(
        """\
        - columns: [A, B]
          rows:
            - [1, "Việc *một"]
            - [2, [dòng một, "dòng **hai"]]
        """
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", vanban.VanbanWarning)
        vanban.loads(text, source="plan.yaml")
    found = [str(w.message) for w in caught]
    line, column = at(text, 3, '"Việc')
    assert any(
        m.startswith(f"plan.yaml:{line}:{column}: sections[0].content[0].rows[0][1]: ")
        for m in found
    ), found
    line, column = at(text, 4, '"dòng **')
    assert any(
        m.startswith(f"plan.yaml:{line}:{column}: sections[0].content[0].rows[1][1][1]: ")
        for m in found
    ), found


@st.composite
def _tables(draw: st.DrawFn) -> tuple[int, list[list[Any]], list[list[Any]]]:
    """A grid of spans that fits, written both ways: covered places left out, and written as
    empty cells (one cell per column)."""
    from types import SimpleNamespace as C

    columns = draw(st.integers(1, 5))
    height = draw(st.integers(1, 6))
    taken: set[tuple[int, int]] = set()
    short: list[list[Any]] = []
    full: list[list[Any]] = []
    for r in range(height):
        s_row: list[Any] = []
        f_row: list[Any] = []
        c = 0
        while c < columns:
            if (r, c) in taken:
                f_row.append(C(colspan=1, rowspan=1, empty=True))
                c += 1
                continue
            width = 1
            while c + width < columns and (r, c + width) not in taken:
                width += 1
            colspan = draw(st.integers(1, width))
            rowspan = draw(st.integers(1, height - r))
            cell = C(colspan=colspan, rowspan=rowspan, empty=False)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            s_row.append(cell)
            f_row.append(cell)
            f_row += [C(colspan=1, rowspan=1, empty=True) for _ in range(colspan - 1)]
            c += colspan
        short.append(s_row)
        full.append(f_row)
    return columns, short, full


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_covered_places_left_out_or_written_empty_give_one_grid(
    table: tuple[int, list[list[Any]], list[list[Any]]],
) -> None:
    columns, short, full = table
    a, b = place(short, columns), place(full, columns)
    assert [[(p.column, p.span, p.merge, id(p.cell)) for p in row] for row in a] == [
        [(p.column, p.span, p.merge, id(p.cell)) for p in row] for row in b
    ]

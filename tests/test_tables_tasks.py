"""Task tables and header rows as offices write them (issue 16, item 3): the column-number
row's columns, texts and style; bold: false in a header cell; a task on several rows, each
with its own product, deadline and bodies, still a task; a typed STT kept."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

import pytest
from test_tables_cells import at, errors, plan, tables, where

import vanban
from vanban._cli import main
from vanban._markup import Span
from vanban.layout import layout
from vanban.layout.blocks import Role
from vanban.models import NumberRow
from vanban.tasks import tasks

MULTI = """\
- columns: [number, task, leads, coordinates, deadline, product]
  number_row: {blank: [number]}
  groups:
    - title: Dữ liệu
      tasks:
        - task: Xây dựng cơ sở dữ liệu ngành
          coordinates: Văn phòng Sở
          rows:
            - {product: Cơ sở dữ liệu, leads: Phòng A, deadline: 2025-09-30}
            - {product: Quy chế khai thác, leads: Phòng B, deadline: Quý IV/2025}
            - product: Báo cáo đánh giá
              leads: [Phòng A, Phòng B]
              coordinates: Viễn thông tỉnh
              deadline: 2025-12-15
        - task: Tổng kết
          number: "09"
          leads: Văn phòng Sở
          deadline: 2025-12-31
"""


def doc(blocks: str) -> vanban.Document:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        return vanban.loads(plan(blocks))


# --- the column-number row -----------------------------------------------------------------


def test_number_row_is_italic_and_not_bold_by_default() -> None:
    (t,) = tables(plan("- columns: [TT, A, B]\n  number_row: true\n  rows: [[1, 2, 3]]\n"))
    row = t.rows[1]
    assert row.header and row.keep
    for i, cell in enumerate(row.cells, 1):
        (para,) = cell.paras
        assert para.role is Role.TABLE_CELL_CENTER  # not the bold header style
        assert para.inlines == (Span(f"({i})", bold=False, italic=True),)


@pytest.mark.parametrize(
    ("number_row", "texts"),
    [
        ('["", "(1)", "(2)"]', ["", "(1)", "(2)"]),
        ("[A, B, 1]", ["A", "B", "1"]),
        ("{blank: [1]}", ["", "(1)", "(2)"]),
        ("{blank: [1, 3]}", ["", "(1)", ""]),
        ('{texts: [null, "(2)", "(3)"]}', ["", "(2)", "(3)"]),
    ],
)
def test_number_row_texts_and_blank_columns(number_row: str, texts: list[str]) -> None:
    text = plan(f"- columns: [TT, A, B]\n  number_row: {number_row}\n  rows: [[1, 2, 3]]\n")
    (t,) = tables(text)
    assert t.text.splitlines()[1] == " | ".join(texts)
    assert [c.paras[0].inlines == () for c in t.rows[1].cells] == [not x for x in texts]


def test_number_row_bold_upright_on_request() -> None:
    text = plan("- columns: [TT, A]\n  number_row: {bold: true, italic: false}\n  rows: [[1, 2]]\n")
    (t,) = tables(text)
    assert t.rows[1].cells[0].paras[0].inlines == (Span("(1)", bold=True, italic=False),)


def test_number_row_of_a_task_table_names_fields() -> None:
    (t,) = tables(plan(MULTI))
    assert t.text.splitlines()[1] == " | (1) | (2) | (3) | (4) | (5)"
    assert NumberRow(blank=["number", 6]).cells(["number", "task", "x", "y", "z", "w"]) == [
        None,
        "(1)",
        "(2)",
        "(3)",
        "(4)",
        None,
    ]


@pytest.mark.parametrize(
    ("number_row", "path", "marker", "message"),
    [
        ('["", "(1)"]', "number_row", "[", "có 2 chữ nhưng bảng có 3 cột"),
        ('{texts: ["", "(1)"]}', "number_row.texts", "[", "có 2 chữ nhưng bảng có 3 cột"),
        ("{blank: [1, 4]}", "number_row.blank[1]", "4]", "bảng không có cột 4"),
        ("3", "number_row", "3", "cần true, false, một danh sách chữ"),
    ],
)
def test_number_row_problems_are_located(
    number_row: str, path: str, marker: str, message: str
) -> None:
    text = plan(f"- columns: [TT, A, B]\n  number_row: {number_row}\n  rows: [[1, 2, 3]]\n")
    (p,) = errors(text)
    assert message in p.message
    assert where(p) == (f"sections[0].content[0].{path}", *at(text, 2, marker))


def test_unknown_field_in_blank_of_a_task_table() -> None:
    text = plan(
        "- columns: [number, task]\n  number_row: {blank: [ghi_chu]}\n  tasks: [{task: A}]\n"
    )
    (p,) = errors(text)
    assert p.message == 'bảng không có trường "ghi_chu"'
    assert where(p) == ("sections[0].content[0].number_row.blank[0]", *at(text, 2, "ghi_chu"))


# --- header cells --------------------------------------------------------------------------


def test_bold_false_in_a_header_cell_is_honoured() -> None:
    text = plan(
        """\
        - columns: [TT, A, B]
          header:
            - [{text: TT, rowspan: 2}, {text: Nội dung, colspan: 2}]
            - [Việc, {text: "(ghi rõ)", bold: false}]
          rows: [[1, 2, 3]]
        """
    )
    (t,) = tables(text)
    first, second = t.rows[0], t.rows[1]
    assert [c.paras[0].role for c in first.cells] == [Role.TABLE_HEADER] * 2
    assert [c.paras[0].role for c in second.cells[1:]] == [
        Role.TABLE_HEADER,
        Role.TABLE_CELL_CENTER,
    ]
    assert second.cells[2].paras[0].inlines == (Span("(ghi rõ)"),)
    xml = _document_xml(vanban.loads(text))
    run = re.search(r"<w:r>(?:(?!</w:r>).)*\(ghi rõ\)", xml)
    assert run and "<w:b/>" not in run.group(0)


def _document_xml(d: vanban.Document) -> str:
    with zipfile.ZipFile(io.BytesIO(vanban.render(d))) as z:
        return z.read("word/document.xml").decode("utf-8")


# --- a task on several rows, a typed STT ---------------------------------------------------


def test_a_task_on_several_rows() -> None:
    (t,) = tables(plan(MULTI))
    assert t.text.splitlines()[2:] == [
        "I | Dữ liệu",
        "1 | Xây dựng cơ sở dữ liệu ngành | Phòng A | Văn phòng Sở | 30/9/2025 | Cơ sở dữ liệu",
        " |  | Phòng B | Văn phòng Sở | Quý IV/2025 | Quy chế khai thác",
        " |  | Phòng A / Phòng B | Viễn thông tỉnh | 15/12/2025 | Báo cáo đánh giá",
        "09 | Tổng kết | Văn phòng Sở |  | 31/12/2025 | ",
    ]
    rows = t.rows[3:6]
    # STT and the task merged down over the task's three rows; the rest one cell per row
    assert [[c.merge for c in r.cells] for r in rows] == [
        ["restart", "restart", None, None, None, None],
        ["continue", "continue", None, None, None, None],
        ["continue", "continue", None, None, None, None],
    ]


def test_a_field_only_the_task_gives_is_merged_down() -> None:
    text = plan(
        """\
        - columns: [number, task, leads, deadline, product]
          tasks:
            - task: Xây dựng
              leads: Văn phòng Sở
              rows: [{product: A, deadline: 2025-09-30}, {product: B, deadline: 2025-10-30}]
        """
    )
    (t,) = tables(text)
    assert [c.merge for c in t.rows[1].cells] == ["restart", "restart", "restart", None, None]
    assert [c.merge for c in t.rows[2].cells] == ["continue", "continue", "continue", None, None]


def test_every_row_of_a_multi_row_task_is_a_task() -> None:
    rows = tasks(doc(MULTI))
    assert [(r.number, r.task, r.leads, r.deadline_text, r.product) for r in rows] == [
        ("1", "Xây dựng cơ sở dữ liệu ngành", ("Phòng A",), "30/9/2025", ("Cơ sở dữ liệu",)),
        ("1", "Xây dựng cơ sở dữ liệu ngành", ("Phòng B",), "Quý IV/2025", ("Quy chế khai thác",)),
        (
            "1",
            "Xây dựng cơ sở dữ liệu ngành",
            ("Phòng A", "Phòng B"),
            "15/12/2025",
            ("Báo cáo đánh giá",),
        ),
        ("09", "Tổng kết", ("Văn phòng Sở",), "31/12/2025", ()),
    ]
    assert [r.coordinates for r in rows[:3]] == [
        ("Văn phòng Sở",),
        ("Văn phòng Sở",),
        ("Viễn thông tỉnh",),
    ]
    assert rows[0].path == "sections[0].content[0].groups[0].tasks[0].rows[0]"
    assert len({r.uid for r in rows}) == 4
    assert sum(1 for _ in rows.deadlines_ics().split("BEGIN:VEVENT")) - 1 == 3


def test_vanban_tasks_lists_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan(MULTI), encoding="utf-8")
    assert main(["tasks", str(path), "--csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 + 4
    assert lines[2].startswith("1,Xây dựng cơ sở dữ liệu ngành,Phòng B,Văn phòng Sở,,Quý IV/2025")


def test_a_multi_row_task_in_prose() -> None:
    d = doc(
        """\
        - task: Xây dựng cơ sở dữ liệu ngành.
          leads: Văn phòng Sở
          rows:
            - {product: Cơ sở dữ liệu, deadline: 2025-09-30}
            - {product: Quy chế, leads: Phòng B, deadline: Quý IV/2025}
        """
    )
    lines = layout(d).text().splitlines()
    i = lines.index("1. Xây dựng cơ sở dữ liệu ngành.")
    assert lines[i + 1 : i + 4] == [
        "- Chủ trì: Văn phòng Sở",
        "- Sản phẩm: Cơ sở dữ liệu; Thời gian thực hiện: trước ngày 30/9/2025",
        "- Sản phẩm: Quy chế; Chủ trì: Phòng B; Thời gian thực hiện: Quý IV/2025./.",
    ]
    assert [r.leads for r in tasks(d)] == [("Văn phòng Sở",), ("Phòng B",)]


def test_a_typed_number_is_kept_in_prose_too() -> None:
    d = doc("- task: Rà soát.\n  number: '2a.'\n- task: Tổng kết.\n")
    lines = layout(d).text().splitlines()
    assert "2a. Rà soát." in lines and "2. Tổng kết./." in lines
    assert [r.number for r in tasks(d)] == ["2a.", "2."]


def test_empty_fields_of_a_task_are_empty_cells() -> None:
    (t,) = tables(
        plan(
            """\
            - columns: [number, task, leads, deadline, Ghi chú]
              tasks:
                - {task: A, leads: "", deadline: "", number: "", extra: {Ghi chú: ""}}
            """
        )
    )
    assert t.text.splitlines()[1] == "1 | A |  |  | "


@pytest.mark.parametrize(
    ("task", "path", "marker", "message"),
    [
        (
            "{task: A, deadline: [2025-03-01, 2025-04-01]}",
            "groups[0].tasks[1].deadline",
            "[2025",
            "chia nhiệm vụ thành các dòng (rows:",
        ),
        (
            "{task: A, rows: [{product: X, deadline: 2025-13-01}]}",
            "groups[0].tasks[1].rows[0].deadline",
            "2025-13",
            'ngày không hợp lệ "2025-13-01"',
        ),
        (
            "{task: A, product: [X, Y], split: product, rows: [{product: X}]}",
            "groups[0].tasks[1].split",
            "product, rows",
            "split và rows không dùng cùng nhau",
        ),
        (
            "{task: A, span: {leads: 3}}",
            "groups[0].tasks[1].span.leads",
            "3}",
            'span: "leads" gộp 3 cột',
        ),
        (
            "{task: A, rows: [{product: X, deadline: 2025-01-01}]}",
            "groups[0].tasks[1].rows[0].deadline",
            "2025-01",
            "trước ngày ban hành",
        ),
    ],
)
def test_task_table_problems_are_named_by_their_field(
    task: str, path: str, marker: str, message: str
) -> None:
    """Not `task_table[0][1]`: the field as written, at its line and column."""
    text = plan(
        f"""\
        - columns: [number, task, leads, deadline]
          groups:
            - title: Nhóm
              tasks:
                - {{task: Rà soát}}
                - {task}
        """
    )
    (p,) = errors(text)
    assert message in p.message
    assert where(p) == (f"sections[0].content[0].{path}", *at(text, 6, marker))


# --- the example -----------------------------------------------------------------------------

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "ke-hoach-so-tai-nguyen-du-lieu-dat-dai.yaml"
)


def test_the_multi_row_example_lists_every_row_and_passes_the_checker() -> None:
    from vanban.checker import check_docx

    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        d = vanban.load(EXAMPLE)
    rows = tasks(d)
    assert [r.number for r in rows] == ["1", "1", "2", "2", "3", "3", "3", "4"]
    assert [r.deadline_text for r in rows] == [
        "30/6/2026",
        "30/9/2026",
        "31/7/2026",
        "30/11/2026",
        "Quý II/2026",
        "Quý IV/2026",
        "15/12/2026",
        "Thường xuyên",
    ]
    assert check_docx(vanban.render(d)) == []

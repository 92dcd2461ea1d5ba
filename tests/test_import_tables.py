"""Tables and task tables read from Word: a task whose STT and text are merged down over
several rows, a column-number row "(1) (2)…", a cell across columns; made by hand in Word's
shape (python-docx), as offices' plans have them."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from typing import Any

import pytest
from word_docs import build

import vanban
from vanban._importing.tables import task_table


def _with_table(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> bytes:
    """A Kế hoạch typed in Word whose body ends with a bordered table of ``rows`` (the first
    in bold, the second in italics), ``merges`` (row, column, last row, last column) merged as
    Word merges them (w:vMerge down, w:gridSpan across)."""
    import docx
    from docx.shared import Pt

    data = build(
        kind="ke_hoach",
        heading="KẾ HOẠCH",
        title="Số hóa hồ sơ năm 2026",
        number="Số: 12/KH-SCT",
        body=["Các nhiệm vụ được phân công như sau:"],
        recipients=["- UBND tỉnh (b/c);"],
        signer=["GIÁM ĐỐC"],
    )
    d = docx.Document(io.BytesIO(data))
    anchor = next(p for p in d.paragraphs if p.text.startswith("Các nhiệm vụ"))
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                run = table.cell(r, c).paragraphs[0].add_run(text)
                run.font.size = Pt(13)
                run.bold = r == 0
                run.italic = r == 1
    for r, c, r2, c2 in merges:
        table.cell(r, c).merge(table.cell(r2, c2))
    anchor._p.addnext(table._tbl)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_task_merged_down_over_its_rows_and_a_column_number_row() -> None:
    """TT and Nhiệm vụ merged down over two rows: one task with a row per product and
    deadline, the lead merged too is the task's; "(1) (2)…" under the titles is the
    column-number row."""
    rows = [
        ["TT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Thời hạn"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["1", "Số hóa hồ sơ", "Hồ sơ 2015 - 2020", "Văn phòng Sở", "30/6/2026"],
        ["", "", "Hồ sơ 2021 - 2025", "", "30/9/2026"],
        ["2", "Kết nối dữ liệu", "Dữ liệu đồng bộ", "Trung tâm CNTT", "Quý IV/2026"],
    ]
    data = _with_table(rows, [(2, 0, 3, 0), (2, 1, 3, 1), (2, 3, 3, 3)])
    model: Any = vanban.from_docx(data).model
    (block,) = [b for b in model.content if hasattr(b, "tasks")]
    assert [c.field for c in block.columns] == ["number", "task", "product", "leads", "deadline"]
    assert block.number_row is not None and block.number_row.cells([""] * 5) == [
        "(1)", "(2)", "(3)", "(4)", "(5)",
    ]  # fmt: skip
    first, second = block.tasks
    assert (first.task, first.leads, first.product) == ("Số hóa hồ sơ", "Văn phòng Sở", None)
    assert [(p.product, p.deadline) for p in first.rows] == [
        ("Hồ sơ 2015 - 2020", dt.date(2026, 6, 30)),
        ("Hồ sơ 2021 - 2025", dt.date(2026, 9, 30)),
    ]
    assert (second.task, second.deadline, second.rows) == ("Kết nối dữ liệu", "Quý IV/2026", [])


def test_a_staffing_table_headed_nhiem_vu_lists_tasks() -> None:
    """TT | Nhiệm vụ | Người thực hiện | Ghi chú: the plan's own columns, not roles."""
    rows = [
        ["TT", "Nhiệm vụ", "Người thực hiện", "Ghi chú"],
        ["1", "Trưởng Ban Tổ chức", "Thầy Phạm Minh Tuấn", "Phó Hiệu trưởng"],
        ["2", "Dẫn chương trình", "Đoàn trường", ""],
    ]
    model: Any = vanban.from_docx(_with_table(rows, [])).model
    (block,) = [b for b in model.content if hasattr(b, "tasks")]
    assert [c.field for c in block.columns] == ["number", "task", "Người thực hiện", "Ghi chú"]
    assert block.tasks[1].extra == {"Người thực hiện": "Đoàn trường"}
    assert block.tasks[0].performs is None


def _block(rows: list[Any], *titles: str) -> dict[str, Any]:
    return {"columns": [{"title": t} for t in titles], "rows": rows}


def test_one_field_a_row_is_split_and_a_cell_across_columns_is_a_span() -> None:
    block = _block(
        [
            [{"text": "1", "rowspan": 2}, {"text": "A", "rowspan": 2}, {"text": "VP", "rowspan": 2},
             "Báo cáo"],
            ["Quy chế"],
            ["2", "B", {"text": "Văn phòng Sở", "colspan": 2}],
        ],
        "TT", "Nhiệm vụ", "Chủ trì", "Sản phẩm",
    )  # fmt: skip
    out = task_table(block)
    assert out is not None
    first, second = out["tasks"]
    assert first == {
        "task": "A",
        "leads": "VP",
        "product": ["Báo cáo", "Quy chế"],
        "split": "product",
    }
    assert second == {"task": "B", "leads": "Văn phòng Sở", "span": {"leads": 2}}


_SCHEDULE = ("TT", "Thời gian", "Nội dung kiểm tra")
_TASKS = ("TT", "Nhiệm vụ", "Thời hạn")


@pytest.mark.parametrize(
    ("titles", "rows"),
    [
        # the date merged down, the STT not: a schedule, not a task over two rows
        (_SCHEDULE, [["1", {"text": "Tháng 7", "rowspan": 2}, "Kiểm tra A"], ["2", "Kiểm tra B"]]),
        # a row under a task whose text is not merged down to it
        (_TASKS, [[{"text": "1", "rowspan": 2}, "A", "Tháng 7"], ["B", "Tháng 8"]]),
        # a deadline merged over two of the task's three rows
        (
            _TASKS,
            [
                [{"text": "1", "rowspan": 3}, {"text": "A", "rowspan": 3},
                 {"text": "Q1", "rowspan": 2}],
                [],
                ["Q2"],
            ],
        ),
        # a bold cell: a total row, not a task
        (_TASKS, [["1", "A", "Q1"], [{"text": "Tổng", "bold": True, "colspan": 3}]]),
    ],
)  # fmt: skip
def test_merges_that_do_not_follow_the_tasks_leave_a_plain_table(
    titles: tuple[str, ...], rows: list[Any]
) -> None:
    assert task_table(_block(rows, *titles)) is None


_PLAN: dict[str, Any] = {
    "issuer": {"name": "SỞ NỘI VỤ", "abbreviation": "SNV"},
    "number": 4,
    "place": "Hòa Bình Nam",
    "date": "2026-03-05",
    "title": "Kế hoạch",
    "signer": {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
}


@pytest.mark.parametrize(
    "table",
    [
        {"columns": [{"width": 1}, {"width": 2}], "number_row": True, "rows": [["a", "b"]]},
        {"columns": ["A", "B", "C"], "number_row": {"blank": [1]}, "rows": [["a", "b", "c"]]},
        {"columns": ["A", "B"], "number_row": ["A", "B"], "rows": [["a", "b"]]},
        {"columns": ["A", "B"], "number_row": {"bold": True, "italic": False}, "rows": [["a", "b"]]},
        {"columns": ["number", "task", "leads"], "number_row": {"blank": ["number"]},
         "tasks": [{"task": "X", "leads": "Y"}]},
        {"columns": ["number", "task", "leads", "product"],
         "tasks": [{"task": "X", "leads": "Y", "product": ["p", "q"], "split": "product"},
                   {"task": "Z", "leads": "W", "span": {"leads": 2}}]},
    ],
)  # fmt: skip
def test_column_number_rows_split_and_span_come_back(table: dict[str, Any]) -> None:
    """Each form of the column-number row, a task split by rows and a cell across columns:
    rendered, then imported, the same table."""
    from test_import_roundtrip import normalised

    doc = vanban.KeHoach.model_validate(  # type: ignore[attr-defined]
        {**_PLAN, "content": ["Mở đầu:", table, "Kết thúc."]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = vanban.from_docx(vanban.render(doc)).model
    assert normalised(back) == normalised(doc)


def test_a_column_under_vanbans_title_keeps_it_where_task_lines_are_labelled_otherwise() -> None:
    """Task lines "- Đơn vị chủ trì: …" give task_labels; the table beside them still shows
    "Cơ quan chủ trì": the import writes that title, or the label would take its place."""
    from test_import_roundtrip import normalised

    leads = {"field": "leads", "title": "Cơ quan chủ trì"}
    table = {"columns": ["number", "task", leads], "tasks": [{"task": "B", "leads": "Y"}]}
    doc = vanban.KeHoach.model_validate(  # type: ignore[attr-defined]
        {
            **_PLAN,
            "task_labels": {"leads": "Đơn vị chủ trì"},
            "content": [{"task": "Làm A", "leads": "Phòng X"}, table, "Kết thúc."],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back: Any = vanban.from_docx(vanban.render(doc)).model
    assert back.task_labels == {"leads": "Đơn vị chủ trì"}
    assert [c.title for c in back.content[1].columns] == [None, None, "Cơ quan chủ trì"]
    assert normalised(back) == normalised(doc)

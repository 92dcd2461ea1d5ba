"""A Word table as a vanban table: columns and their widths (as shares, so the table always
fits the page), header rows (``w:tblHeader``, or a bold first row), rows of cells with their
column and row spans, bold cells."""

from __future__ import annotations

import re
from typing import Any

from vanban._docx_reader import TableView
from vanban._importing.inline import runs_text
from vanban._regions.paragraphs import all_runs
from vanban._regions.state import Reading
from vanban.layout.tables import TASK_COLUMN_ALIGN, TASK_COLUMN_TITLES
from vanban.nd30.numbering import roman

#: Twips in a centimetre: column widths become shares in centimetres ("2.5" for 2.5 cm).
_TWIPS_PER_CM = 567


def _cell(reading: Reading, paragraphs: list[int], span: int, rowspan: int) -> dict[str, Any]:
    ps = reading.ps
    texts = [p for p in paragraphs if ps[p].text.strip()]
    bold = bool(texts) and all(all_runs(ps[i], "bold") for i in texts)
    lines = [runs_text(ps[i].runs, plain=bold).strip() for i in texts]
    cell: dict[str, Any] = {}
    if lines:
        cell["text"] = lines[0] if len(lines) == 1 else lines
    if span > 1:
        cell["colspan"] = span
    if rowspan > 1:
        cell["rowspan"] = rowspan
    if bold:
        cell["bold"] = True
    return cell


#: Paragraph alignments as a column's ``align`` takes them.
_ALIGNS = {"center": "center", "right": "right", "both": "justify", "justify": "justify"}


def _column_alignments(
    reading: Reading,
    table: TableView,
    by_cell: dict[tuple[int, int], list[int]],
    header_count: int,
) -> dict[int, str]:
    """The alignment of each grid column whose body cells (below the header, one column
    wide) are all aligned alike and not to the left."""
    ps = reading.ps
    seen: dict[int, set[str]] = {}
    for r, row in enumerate(table.cells):
        if r < header_count:
            continue
        for c, cell in enumerate(row):
            if cell.span != 1 or cell.vmerge == "continue":
                continue
            for i in by_cell.get((r, c), []):
                if ps[i].text.strip():
                    align = _ALIGNS.get(ps[i].alignment or "left", "left")
                    seen.setdefault(cell.column, set()).add(align)
    return {c: next(iter(a)) for c, a in seen.items() if len(a) == 1 and a != {"left"}}


def _group(row: list[Any], columns: int, place: int) -> Any:
    """A row "I | NHIỆM VỤ CHUNG" in bold across the table as a group row (``{group: …}``);
    its label left to vanban when it is the one vanban numbers (I, II… in order)."""
    if columns < 2 or len(row) != 2 or not all(isinstance(c, dict) for c in row):
        return row
    label, title = row
    if not (
        label.get("bold")
        and isinstance(label.get("text"), str)
        and set(label) == {"text", "bold"}
        and title.get("bold")
        and title.get("colspan") == columns - 1
        and isinstance(title.get("text"), str)
        and set(title) == {"text", "bold", "colspan"}
    ):
        return row
    group: dict[str, Any] = {"group": title["text"]}
    if label["text"] != roman(place):
        group["label"] = label["text"]
    return group


def table_block(reading: Reading, table: TableView, paragraphs: list[int]) -> dict[str, Any]:
    """The table block of one Word table (its cell paragraphs ``paragraphs``)."""
    ps = reading.ps
    by_cell: dict[tuple[int, int], list[int]] = {}
    for i in paragraphs:
        p = ps[i]
        if p.table == table.index and p.row is not None and p.cell is not None:
            by_cell.setdefault((p.row, p.cell), []).append(i)
    grid = table.grid or [_TWIPS_PER_CM * 3] * max((len(r) for r in table.cells), default=1)
    # Row spans: a "restart" cell spans itself and the "continue" cells below it in its column.
    spans: dict[tuple[int, int], int] = {}
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            if cell.vmerge != "restart":
                continue
            n = 1
            for below in table.cells[r + 1 :]:
                if any(x.column == cell.column and x.vmerge == "continue" for x in below):
                    n += 1
                else:
                    break
            spans[(r, c)] = n
    rows: list[Any] = []
    refs: list[tuple[int, int, int, int]] = []  # row, place in the row, cell, grid column
    for r, row in enumerate(table.cells):
        out: list[dict[str, Any] | str] = []
        for c, cell in enumerate(row):
            if cell.vmerge == "continue":
                continue  # covered by the cell above
            made = _cell(reading, by_cell.get((r, c), []), cell.span, spans.get((r, c), 1))
            plain = set(made) <= {"text"} and isinstance(made.get("text", ""), str)
            out.append(made.get("text", "") if plain else made)
            refs.append((r, len(out) - 1, c, cell.column))
        rows.append(_group(out, len(grid), sum(1 for x in rows if isinstance(x, dict)) + 1))
    header_count = table.header_rows
    if header_count == 0 and len(rows) > 1:
        first = rows[0]
        if first and all(isinstance(x, dict) and x.get("bold") for x in first):
            header_count = 1
    columns: list[dict[str, Any]] = [{"width": round(max(w, 1) / _TWIPS_PER_CM, 2)} for w in grid]
    for at, align in _column_alignments(reading, table, by_cell, header_count).items():
        if at < len(columns):
            columns[at]["align"] = align
    for r, at, c, grid_at in refs:  # a cell aligned otherwise than its column
        if r < header_count or not isinstance(rows[r], list) or grid_at >= len(columns):
            continue
        aligns = {
            _ALIGNS.get(ps[i].alignment or "left", "left")
            for i in by_cell.get((r, c), [])
            if ps[i].text.strip()
        }
        if len(aligns) != 1 or aligns == {columns[grid_at].get("align", "left")}:
            continue
        made = rows[r][at]
        rows[r][at] = {**({"text": made} if isinstance(made, str) else made), "align": aligns.pop()}
    block: dict[str, Any] = {"columns": columns}
    head = rows[:header_count]
    simple = (
        len(head) == 1
        and len(head[0]) == len(columns)
        and all(isinstance(x, str) or set(x) <= {"text", "bold"} for x in head[0])
    )
    if simple:
        for column, head_cell in zip(columns, head[0], strict=True):
            title = head_cell if isinstance(head_cell, str) else head_cell.get("text", "")
            if isinstance(title, list):
                title = "\n".join(title)
            if title:
                column["title"] = title
    elif head:
        block["header"] = [[c if isinstance(c, dict) else {"text": c} for c in row] for row in head]
    block["rows"] = rows[header_count:]
    return block


#: How a task table's column titles name the task fields (vanban's own titles, and the
#: words offices head them with), checked in order.
_TASK_TITLE_WORDS = (
    ("number", ("tt", "stt")),
    ("directs", ("chỉ đạo",)),
    ("leads", ("chủ trì",)),
    ("coordinates", ("phối hợp",)),
    ("performs", ("thực hiện",)),
    ("deadline", ("thời gian", "thời hạn", "tiến độ")),
    ("product", ("sản phẩm", "kết quả")),
    ("task", ("nhiệm vụ", "nội dung", "công việc")),
)
_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _task_field(title: str) -> str | None:
    """The task field a column title names ("Cơ quan chủ trì" → leads), or None.

    >>> _task_field("TT"), _task_field("Nội dung công việc"), _task_field("Đơn vị chủ trì")
    ('number', 'task', 'leads')
    >>> _task_field("Ghi chú") is None
    True
    """
    low = " ".join(title.lower().split())
    for name, words in _TASK_TITLE_WORDS:
        if name == "number":
            if low in words:
                return name
        elif any(w in low for w in words):
            return name
    return None


def _cell_value(cell: Any) -> Any:
    text = cell if isinstance(cell, str) else cell.get("text", "")
    return text


def task_table(block: dict[str, Any]) -> dict[str, Any] | None:
    """A table whose columns say it lists tasks (TT, Nhiệm vụ, Chủ trì, Thời gian…) as a task
    table: its columns as task fields (a column of the office's own as an extra field), its
    group rows as groups, each row a task; ``None`` when it is not one (a title row of
    several lines, merged cells, no number or task column, no role or deadline column)."""
    columns = block.get("columns", [])
    titles = [c.get("title") for c in columns]
    if "header" in block or not titles or not all(isinstance(t, str) for t in titles):
        return None
    fields = [_task_field(str(t)) for t in titles]
    known = [f for f in fields if f is not None]
    if fields[0] != "number" or "task" not in fields or len(known) != len(set(known)):
        return None
    if not set(known) & {"leads", "coordinates", "performs", "directs", "deadline"}:
        return None
    out_columns: list[dict[str, Any]] = []
    for column, title, name in zip(columns, titles, fields, strict=True):
        col: dict[str, Any] = {"field": name or title}
        if name is not None and title != TASK_COLUMN_TITLES.get(name):
            col["title"] = title
        if "width" in column:
            col["width"] = column["width"]
        align = column.get("align", "left")
        if align != TASK_COLUMN_ALIGN.get(name or "", "left"):
            col["align"] = align
        out_columns.append(col)
    names = [c["field"] for c in out_columns]
    groups: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    for row in block.get("rows", []):
        if isinstance(row, dict):  # a group row
            group: dict[str, Any] = {"title": row["group"], "tasks": []}
            if "label" in row:
                group["label"] = row["label"]
            groups.append(group)
            continue
        if len(row) != len(names) or any(
            isinstance(c, dict) and set(c) - {"text", "align"} for c in row
        ):
            return None  # merged or bold cells: not a plain list of tasks
        task: dict[str, Any] = {}
        place = len(groups[-1]["tasks"] if groups else tasks) + 1
        for name, cell in zip(names, row, strict=True):
            value = _cell_value(cell)
            if name == "number":
                if value != str(place):
                    task["number"] = value
                continue
            if not value:
                continue
            if name == "deadline" and isinstance(value, str):
                m = _SHORT_DATE.match(value)
                if m:
                    day, month, year = (int(x) for x in m.groups())
                    value = f"{year:04d}-{month:02d}-{day:02d}"
            if name in TASK_COLUMN_TITLES:
                task[name] = value
            else:
                task.setdefault("extra", {})[name] = value
        if "task" not in task:
            return None
        (groups[-1]["tasks"] if groups else tasks).append(task)
    if groups and tasks:
        return None  # tasks before the first group
    out: dict[str, Any] = {"columns": out_columns}
    if groups:
        out["groups"] = groups
    else:
        out["tasks"] = tasks
    return out


def table_or_tasks(reading: Reading, table: TableView, paragraphs: list[int]) -> dict[str, Any]:
    """A Word table as a table block, or as a task table when its columns say so."""
    block = table_block(reading, table, paragraphs)
    return task_table(block) or block

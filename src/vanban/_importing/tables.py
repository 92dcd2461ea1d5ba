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
    blank: dict[int, set[str]] = {}  # a column of blank cells (a form): their own alignment
    for r, row in enumerate(table.cells):
        if r < header_count:
            continue
        for c, cell in enumerate(row):
            if cell.span != 1 or cell.vmerge == "continue":
                continue
            for i in by_cell.get((r, c), []):
                align = _ALIGNS.get(ps[i].alignment or "left", "left")
                (seen if ps[i].text.strip() else blank).setdefault(cell.column, set()).add(align)
    for c, aligns in blank.items():
        seen.setdefault(c, aligns)
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


#: A cell of the column-number row under a header: "(1)", "(2)"…
_COLUMN_NUMBER = re.compile(r"^\(\d+\)$")


#: The longest text of a column-number row's cell that is not "(n)" ("A", "B", "1", "2").
_NUMBER_TEXT = 6


def _number_row(
    reading: Reading, table: TableView, by_cell: dict[tuple[int, int], list[int]], r: int
) -> dict[str, Any] | None:
    """The column-number row "(1) (2) (3)…" that forms put under their header, as the
    model's ``number_row`` (its blank cells, or its texts when not numbered in order; bold or
    upright when so printed), or ``None`` when row ``r`` is not one: one paragraph a cell,
    no merged cell, at least two cells numbered "(n)" and the others blank; or, as the
    last of the rows Word repeats as the header, short texts in italics ("A", "B", "1")."""
    ps = reading.ps
    row = table.cells[r] if r < len(table.cells) else []
    if len(row) < 2 or any(cell.span != 1 or cell.vmerge for cell in row):
        return None
    texts: list[str] = []
    italic: set[bool] = set()
    bold: set[bool] = set()
    for c in range(len(row)):
        filled = [i for i in by_cell.get((r, c), []) if ps[i].text.strip()]
        if len(filled) > 1:
            return None
        texts.append(" ".join(ps[filled[0]].text.split()) if filled else "")
        for i in filled:
            italic.add(all_runs(ps[i], "italic"))
            bold.add(all_runs(ps[i], "bold"))
    numbered = [t for t in texts if t]
    short = r < table.header_rows and italic == {True} and bold == {False}
    if len(numbered) < 2 or not all(
        _COLUMN_NUMBER.match(t) or (short and len(t) <= _NUMBER_TEXT) for t in numbered
    ):
        return None
    out: dict[str, Any] = {}
    if numbered == [f"({k})" for k in range(1, len(numbered) + 1)]:
        blank = [c + 1 for c, t in enumerate(texts) if not t]
        if blank:
            out["blank"] = blank
    else:
        out["texts"] = texts
    if italic == {False}:
        out["italic"] = False
    if bold == {True}:
        out["bold"] = True
    return out


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
    # The column-number row: the last header row, or the row right under the titles
    number_row, number_at = None, 0
    for number_at in (header_count - 1, header_count) if header_count else ():
        number_row = _number_row(reading, table, by_cell, number_at)
        if number_row is not None and len(table.cells[number_at]) == len(grid):
            header_count = max(header_count, number_at + 1)
            break
        number_row = None
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
    if number_row is not None:
        del head[number_at]
        block["number_row"] = number_row or True
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
#: words offices head them with), checked in order: "Thời gian thực hiện" is a deadline,
#: "Lãnh đạo phụ trách" the leader who directs.
_TASK_TITLE_WORDS = (
    ("number", ("tt", "stt")),
    ("directs", ("chỉ đạo", "lãnh đạo")),
    ("leads", ("chủ trì",)),
    ("coordinates", ("phối hợp",)),
    ("deadline", ("thời gian", "thời hạn", "tiến độ")),
    ("performs", ("thực hiện",)),
    ("product", ("sản phẩm", "kết quả")),
    ("task", ("nhiệm vụ", "nội dung", "công việc")),
)
#: A column that names people ("Người thực hiện") is the plan's own, not the role's: the
#: role is bodies or people alike, and the prose reads "Người thực hiện" as its own line.
_PEOPLE = "người "
#: The fields whose column says the table lists tasks, with a number and a task column.
_TASK_ROLES = {"leads", "coordinates", "performs", "directs", "deadline"}
_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _task_field(title: str) -> str | None:
    """The task field a column title names ("Cơ quan chủ trì" → leads), or None.

    >>> _task_field("TT"), _task_field("Nội dung công việc"), _task_field("Đơn vị chủ trì")
    ('number', 'task', 'leads')
    >>> _task_field("Thời gian thực hiện"), _task_field("Lãnh đạo phụ trách")
    ('deadline', 'directs')
    >>> _task_field("Ghi chú") is None, _task_field("Người thực hiện") is None
    (True, True)
    """
    low = " ".join(title.lower().split())
    for name, words in _TASK_TITLE_WORDS:
        if name == "number":
            if low in words:
                return name
        elif name == "performs" and low.startswith(_PEOPLE):
            continue
        elif any(w in low for w in words):
            return name
    return None


def _lists_tasks(fields: list[str | None], titles: list[str]) -> bool:
    """Whether the columns say the table lists tasks: a number column first, one task
    column, no field twice, and a role or deadline column, or the task column headed
    "Nhiệm vụ" (a staffing table: TT | Nhiệm vụ | Người thực hiện | Ghi chú)."""
    known = [f for f in fields if f is not None]
    if not fields or fields[0] != "number" or "task" not in fields or len(known) != len(set(known)):
        return False
    task_title = " ".join(titles[fields.index("task")].lower().split())
    return bool(set(known) & _TASK_ROLES) or task_title.startswith("nhiệm vụ")


def _cell_value(cell: Any) -> Any:
    text = cell if isinstance(cell, str) else cell.get("text", "")
    return text


def _placed(row: list[Any], covered: dict[int, int]) -> dict[int, Any] | None:
    """The cells of one row by the grid column they start at; ``covered`` (column → rows
    still covered) holds the row spans of the cells above and is brought up to date."""
    out: dict[int, Any] = {}
    c = 0
    for cell in row:
        while covered.get(c, 0) > 0:
            c += 1
        span, rowspan = _spans(cell)
        out[c] = cell
        for k in range(c, c + span):
            if covered.get(k, 0) > 0:
                return None  # a cell over a place covered from above: not on the grid
            covered[k] = rowspan
        c += span
    for k in list(covered):
        covered[k] -= 1
    return out


def _spans(cell: Any) -> tuple[int, int]:
    if isinstance(cell, dict):
        return int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
    return 1, 1


def _field_value(name: str, cell: Any) -> Any:
    """What a cell gives a task field: its text (lines as a list), a short date as a date."""
    value = _cell_value(cell)
    if name == "deadline" and isinstance(value, str):
        m = _SHORT_DATE.match(value)
        if m:
            day, month, year = (int(x) for x in m.groups())
            value = f"{year:04d}-{month:02d}-{day:02d}"
    return value


def _put(holder: dict[str, Any], name: str, value: Any) -> None:
    if value in ("", [], None):
        return
    if name in TASK_COLUMN_TITLES:
        holder[name] = value
    else:
        holder.setdefault("extra", {})[name] = value


def _task(names: list[str], rows: list[dict[int, Any]], place: int) -> dict[str, Any] | None:
    """One task from its table rows (placed on the grid): its STT and text merged down over
    them; a cell merged down over them too is the task's, a cell per row is that row's
    (``rows``, or ``split`` when one field's values are one a row); a cell across columns
    is a ``span``. ``None`` when the rows are not laid out so."""
    count = len(rows)
    first = rows[0]
    task: dict[str, Any] = {}
    per_row: list[str] = []
    c = 0
    while c < len(names):
        name = names[c]
        cell = first.get(c)
        if cell is None:
            return None
        span, rowspan = _spans(cell)
        if isinstance(cell, dict) and set(cell) - {"text", "align", "colspan", "rowspan"}:
            return None  # a bold cell: not a plain task row
        if rowspan == count:
            value = _field_value(name, cell)
            if name == "number":
                if value != str(place):
                    task["number"] = value
            else:
                _put(task, name, value)
            if span > 1:
                task.setdefault("span", {})[name] = span
        elif rowspan == 1 and span == 1 and name not in ("number", "task"):
            for row in rows[1:]:
                below = row.get(c)
                if below is None or _spans(below) != (1, 1):
                    return None
            per_row.append(name)
        else:
            return None
        c += span
    if "task" not in task:
        return None
    seen = {c for row in rows for c in row}
    if seen - {names.index(n) for n in per_row} - set(first):
        return None  # a cell of a later row where the first row's cell spans down
    if per_row:
        parts: list[dict[str, Any]] = []
        for row in rows:
            part: dict[str, Any] = {}
            for name in per_row:
                _put(part, name, _field_value(name, row[names.index(name)]))
            parts.append(part)
        values = [p.get(name, p.get("extra", {}).get(name)) for p in parts for name in per_row]
        only = per_row[0]
        if (
            len(per_row) == 1
            and only not in ("deadline", "number", "task")
            and all(isinstance(v, str) for v in values)
        ):
            _put(task, only, values)  # one field a row: the task's list, split
            task["split"] = only
        else:
            task["rows"] = parts
    return task


def task_table(block: dict[str, Any]) -> dict[str, Any] | None:
    """A table whose columns say it lists tasks (TT, Nhiệm vụ, Chủ trì, Thời gian…) as a task
    table: its columns as task fields (a column of the office's own as an extra field), its
    column-number row, its group rows as groups, each task its row, or its rows when its STT
    and text are merged down over several; ``None`` when it is not one (a title row of
    several lines, bold cells, merges that do not follow the tasks, no number or task
    column, neither a role or deadline column nor a "Nhiệm vụ" one)."""
    columns = block.get("columns", [])
    titles = [c.get("title") for c in columns]
    if "header" in block or not titles or not all(isinstance(t, str) for t in titles):
        return None
    fields = [_task_field(str(t)) for t in titles]
    if not _lists_tasks(fields, [str(t) for t in titles]):
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
    covered: dict[int, int] = {}
    pending: list[dict[int, Any]] = []  # the rows of the task being read
    for row in [*block.get("rows", []), None]:
        placed = _placed(row, covered) if isinstance(row, list) else None
        if isinstance(row, list) and placed is None:
            return None
        if pending and (placed is None or 0 in placed):  # the task read so far is whole
            holder = groups[-1]["tasks"] if groups else tasks
            task = _task(names, pending, len(holder) + 1)
            if task is None:
                return None
            holder.append(task)
            pending = []
        if row is None:
            break
        if isinstance(row, dict):  # a group row
            group: dict[str, Any] = {"title": row["group"], "tasks": []}
            if "label" in row:
                group["label"] = row["label"]
            groups.append(group)
            continue
        assert placed is not None
        if not pending and 0 not in placed:
            return None  # a row that starts no task and goes on none
        pending.append(placed)
    if (groups and tasks) or any(not g["tasks"] for g in groups):
        return None  # tasks before the first group, or a group without any
    out: dict[str, Any] = {"columns": out_columns}
    if "number_row" in block:
        out["number_row"] = _task_number_row(block["number_row"], names)
    if groups:
        out["groups"] = groups
    else:
        out["tasks"] = tasks
    return out


def _task_number_row(row: Any, names: list[str]) -> Any:
    """A column-number row of a task table: its blank columns named by their fields."""
    if not isinstance(row, dict) or "blank" not in row:
        return row
    return {**row, "blank": [names[c - 1] for c in row["blank"]]}


def table_or_tasks(reading: Reading, table: TableView, paragraphs: list[int]) -> dict[str, Any]:
    """A Word table as a table block, or as a task table when its columns say so."""
    block = table_block(reading, table, paragraphs)
    return task_table(block) or block


def keep_column_titles(fields: dict[str, Any]) -> None:
    """A task column that Word shows under vanban's own title ("Cơ quan chủ trì") in a
    document whose ``task_labels`` name its field otherwise (read from its task lines): the
    title written, since the label would title the column instead."""
    labels = fields.get("task_labels") or {}

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for x in value:
                walk(x)
        elif isinstance(value, dict):
            if "columns" in value and ("tasks" in value or "groups" in value):
                for column in value["columns"]:
                    name = column.get("field")
                    if name in labels and name in TASK_COLUMN_TITLES and "title" not in column:
                        column["title"] = TASK_COLUMN_TITLES[name]
                return
            for x in value.values():
                walk(x)

    if labels:
        walk(fields)

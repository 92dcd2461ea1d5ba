"""Layout of tables: a :class:`~vanban.models.blocks.Table` or a task table to rows of cells.

Widths: a column given in cm or mm keeps it; the width left is shared by the other columns in
proportion to their numbers. Header rows (the column titles, or the ``header`` rows, then the
"(1) (2) (3)…" row) are centred and repeat on every page; titles are bold unless a header
cell says ``bold: false``, the number row is italic and not bold unless it says otherwise.
A task with ``rows`` takes one table row per part, its STT and text merged down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from vanban import _cleaning as _text
from vanban._markup import Span
from vanban.errors import Problem, ValidationError
from vanban.layout.blocks import Block, Inline, Role, Table, TableCell, TableRow
from vanban.models import blocks as m
from vanban.models.grid import Placed, place
from vanban.nd30 import dates, numbering, page

#: A cell's paragraph role by alignment.
CELL_ROLES = {
    "left": Role.TABLE_CELL,
    "center": Role.TABLE_CELL_CENTER,
    "right": Role.TABLE_CELL_RIGHT,
    "justify": Role.TABLE_CELL_JUSTIFY,
}

#: Column titles of a task table by field, as offices head them.
TASK_COLUMN_TITLES = {
    "number": "TT",
    "task": "Nhiệm vụ",
    "directs": "Chỉ đạo",
    "leads": "Cơ quan chủ trì",
    "performs": "Thực hiện",
    "coordinates": "Cơ quan phối hợp",
    "deadline": "Thời gian hoàn thành",
    "product": "Sản phẩm",
}
#: Default widths and alignments of task-table columns (a share, or fixed millimetres).
TASK_COLUMN_WIDTHS: dict[str, float | str] = {
    "number": "12mm",
    "task": 3.5,
    "deadline": 1.5,
}
TASK_COLUMN_ALIGN = {"number": "center", "deadline": "center"}

Inliner = Callable[..., list[Inline]]


def column_widths(widths: Sequence[float | str], total: int) -> tuple[int, ...]:
    """Column widths in twips: "25mm" fixed, numbers share what is left of ``total``.

    >>> column_widths(["10mm", 1, 3], 8788)
    (567, 2055, 6166)
    """
    fixed = {i: page.mm(float(w[:-2])) for i, w in enumerate(widths) if isinstance(w, str)}
    shares = {i: float(w) for i, w in enumerate(widths) if not isinstance(w, str)}
    left = total - sum(fixed.values())
    if left < 0 or (shares and left < 284 * len(shares)):
        raise ValidationError(
            [
                Problem(
                    "",
                    "table_too_wide",
                    f"các cột cố định rộng {sum(fixed.values()) / page.TWIPS_PER_MM / 10:.1f} cm, "
                    f"không vừa bề rộng {total / page.TWIPS_PER_MM / 10:.1f} cm của trang",
                )
            ]
        )
    out = [0] * len(widths)
    for i, w in fixed.items():
        out[i] = w
    total_share = sum(shares.values())
    given = 0
    keys = sorted(shares)
    for n, i in enumerate(keys):
        if n == len(keys) - 1:
            out[i] = left - given  # the last one takes the rounding
        else:
            out[i] = round(left * shares[i] / total_share)
            given += out[i]
    return tuple(out)


def _paras(inl: Inliner, value: Any, role: Role, *, bold: bool = False) -> tuple[Block, ...]:
    if value is None:
        return (Block(role, ()),)
    if type(value) is str and "\n\n" not in value:  # one paragraph: most cells
        if "[" in value:  # a footnote is numbered where it stands: never shared
            return (Block(role, tuple(inl(value, bold=bold))),)
        return _one_para(inl, value, role, bold)
    values = value if isinstance(value, list) else [value]
    out = [Block(role, tuple(inl(para, bold=bold))) for v in values for para in _text.paragraphs(v)]
    return tuple(out) or (Block(role, ()),)


def _one_para(inl: Inliner, value: str, role: Role, bold: bool) -> tuple[Block, ...]:
    """A one-paragraph cell, shared between the cells of a document that say the same (task
    tables repeat their bodies, deadlines and products): :attr:`Inliner.cell_memo`."""
    memo: dict[tuple[str, Role, bool], tuple[Block, ...]] | None = getattr(inl, "cell_memo", None)
    if memo is None:
        return (Block(role, tuple(inl(value, bold=bold))),)
    key = (value, role, bold)
    found = memo.get(key)
    if found is None:
        found = memo[key] = (Block(role, tuple(inl(value, bold=bold))),)
    return found


def _cells(
    inl: Inliner,
    grid: list[Placed],
    widths: tuple[int, ...],
    roles: Sequence[Role],
    *,
    header: bool = False,
) -> tuple[TableCell, ...]:
    out = []
    for p in grid:
        width = sum(widths[p.column : p.column + p.span])
        cell = p.cell
        if cell is None or p.merge == "continue":
            paras: tuple[Block, ...] = (Block(roles[p.column], ()),)
        elif header and cell.bold is not False:
            paras = _paras(inl, cell.text, Role.TABLE_HEADER)
        else:  # a body cell, or a header cell written bold: false (centred, regular)
            align = cell.align or ("center" if header else None)
            role = CELL_ROLES[align] if align else roles[p.column]
            paras = _paras(inl, cell.text, role, bold=bool(cell.bold))
        out.append(TableCell(paras, width, p.span, p.merge))
    return tuple(out)


def _number_row(
    inl: Inliner, row: m.NumberRow, names: list[str], widths: tuple[int, ...]
) -> TableRow:
    """The "(1) (2) (3)…" row: the texts the user chose (a blank STT), italic and not bold
    unless it says otherwise; centred, repeated with the header."""
    cells = []
    for text, width in zip(row.cells(names), widths, strict=True):
        spans = tuple(inl(text, bold=row.bold, italic=row.italic)) if text else ()
        cells.append(TableCell((Block(Role.TABLE_CELL_CENTER, spans),), width))
    return TableRow(tuple(cells), header=True, keep=True)


def _group_row(inl: Inliner, label: str, title: str, widths: tuple[int, ...]) -> TableRow:
    bold_label = Block(Role.TABLE_CELL_CENTER, (Span(label, bold=True),))
    if len(widths) == 1:
        inlines = [Span(f"{label}. ", bold=True), *inl(title, bold=True)]
        return TableRow(
            (TableCell((Block(Role.TABLE_CELL, tuple(inlines)),), widths[0]),), keep=True
        )
    rest = TableCell(
        (Block(Role.TABLE_CELL, tuple(inl(title, bold=True))),), sum(widths[1:]), len(widths) - 1
    )
    return TableRow((TableCell((bold_label,), widths[0]), rest), keep=True)


def table(block: m.Table, inl: Inliner, total: int) -> Table:
    """Lay out a general table across ``total`` twips."""
    widths = column_widths([c.width for c in block.columns], total)
    roles = [CELL_ROLES[c.align] for c in block.columns]
    n = len(widths)
    rows: list[TableRow] = []
    if block.header:
        for grid in place(block.header, n):
            rows.append(TableRow(_cells(inl, grid, widths, roles, header=True), header=True))
    elif any(c.title for c in block.columns):
        titles = [m.Cell(text=c.title) for c in block.columns]
        (grid,) = place([titles], n)
        rows.append(TableRow(_cells(inl, grid, widths, roles, header=True), header=True))
    if block.number_row is not None:
        rows.append(_number_row(inl, block.number_row, [""] * n, widths))
    groups = 0
    grids = place([r if isinstance(r, list) else None for r in block.rows], n)
    for row, grid in zip(block.rows, grids, strict=True):
        if isinstance(row, m.GroupRow):
            groups += 1
            label = row.label if row.label is not None else numbering.roman(groups)
            rows.append(_group_row(inl, label, row.group, widths))
        else:
            rows.append(TableRow(_cells(inl, grid, widths, roles)))
    return Table(widths, rows)


def task_value(task: m.Task, name: str) -> Any:
    """What a task-table cell shows for a field (a date deadline as dd/mm/yyyy)."""
    return _shown(task.value(name))


def task_table(
    block: m.TaskTable, inl: Inliner, total: int, labels: dict[str, str] | None = None
) -> Table:
    """Lay out a task table: header, optional column-number row, group rows, task rows."""
    labels = labels or {}
    cols = block.columns
    names = [c.field for c in cols]
    widths = column_widths(
        [c.width if c.width is not None else TASK_COLUMN_WIDTHS.get(c.field, 2) for c in cols],
        total,
    )
    roles = [CELL_ROLES[c.align or TASK_COLUMN_ALIGN.get(c.field, "left")] for c in cols]
    titles = [
        c.title or labels.get(c.field) or TASK_COLUMN_TITLES.get(c.field, c.field) for c in cols
    ]
    header = tuple(
        TableCell((Block(Role.TABLE_HEADER, tuple(inl(t))),), w)
        for t, w in zip(titles, widths, strict=True)
    )
    rows = [TableRow(header, header=True)]
    if block.number_row is not None:
        rows.append(_number_row(inl, block.number_row, names, widths))
    groups: list[m.TaskGroup | None] = [*block.groups] or [None]
    for g, group in enumerate(groups, 1):
        tasks = block.tasks if group is None else group.tasks
        if group is not None:
            label = group.label if group.label is not None else numbering.roman(g)
            rows.append(_group_row(inl, label, group.title, widths))
        for number, task in enumerate(tasks, 1):
            rows += _task_rows(task, number, names, widths, roles, inl)
    return Table(widths, rows)


def task_row_count(task: m.Task, names: list[str]) -> int:
    """How many table rows a task takes: one per part of ``rows``, one per value of its
    ``split`` field, else one."""
    if task.rows:
        return len(task.rows)
    parts = task.value(task.split) if task.split in names else None
    return len(parts) if isinstance(parts, list) and parts else 1


def _shown(value: Any) -> Any:
    return dates.short_date(value) if isinstance(value, dt.date) else value


def _task_rows(
    task: m.Task,
    number: int,
    names: list[str],
    widths: tuple[int, ...],
    roles: list[Role],
    inl: Inliner,
) -> list[TableRow]:
    """The table rows of one task. A field that differs by row (the ``split`` field, or one
    that a part of ``rows`` gives) has a cell per row; the others one cell merged down."""
    split = task.split if task.split in names else None
    parts = task.value(split) if split else None
    count = task_row_count(task, names)
    per_row = {n for n in names if any(part.value(n) is not None for part in task.rows)}
    rows: list[list[TableCell]] = [[] for _ in range(count)]
    c = 0
    while c < len(names):
        name = names[c]
        span = min(task.span.get(name, 1), len(names) - c)
        width = sum(widths[c : c + span])
        if name == split and parts:
            for r in range(count):
                rows[r].append(TableCell(_paras(inl, parts[r], roles[c]), width, span))
        elif name in per_row:
            for r, part in enumerate(task.rows):
                own = _shown(task.part_value(part, name))
                rows[r].append(TableCell(_paras(inl, own, roles[c]), width, span))
        else:
            if name == "number":
                value: Any = task.number if task.number is not None else str(number)
            else:
                value = task_value(task, name)
            merge = "restart" if count > 1 else None
            rows[0].append(TableCell(_paras(inl, value, roles[c]), width, span, merge))
            for r in range(1, count):
                rows[r].append(TableCell((Block(roles[c], ()),), width, span, "continue"))
        c += span
    return [TableRow(tuple(r)) for r in rows]

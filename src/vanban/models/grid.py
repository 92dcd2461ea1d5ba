"""Where the cells of a table stand on its column grid (bảng: gộp ô).

Cells are given row by row, as in HTML: a cell spans ``colspan`` columns and ``rowspan``
rows, and a later row leaves out the places that a cell above it covers. :func:`place` puts
every cell on the grid and says what Word needs: the cell's first column, its span, and its
part in a vertical merge (``"restart"`` on the first row, ``"continue"`` below). Validation
and layout both read it, so a table that validates lays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol


class _CellLike(Protocol):
    colspan: int
    rowspan: int


class Placed(NamedTuple):
    """A cell on the grid: its first column, the columns it spans, its vertical merge part
    (``None``, ``"restart"`` or ``"continue"``) and the cell itself (``None``: an empty cell
    added to fill a short row)."""

    column: int
    span: int
    merge: str | None
    cell: Any


class GridError(ValueError):
    """A table whose cells cannot stand on its grid; the message is in Vietnamese."""


def place(rows: Sequence[Sequence[_CellLike] | None], columns: int) -> list[list[Placed]]:
    """Place ``rows`` of cells on a grid of ``columns``; a ``None`` row is a full-width row
    (a group row) that no vertical merge may cross. Short rows are filled with empty cells.

    >>> from types import SimpleNamespace as C
    >>> grid = place([[C(colspan=1, rowspan=2), C(colspan=2, rowspan=1)], [C(colspan=1, rowspan=1)]], 3)
    >>> [[(p.column, p.span, p.merge) for p in row] for row in grid]
    [[(0, 1, 'restart'), (1, 2, None)], [(0, 1, 'continue'), (1, 1, None), (2, 1, None)]]
    >>> place([[C(colspan=3, rowspan=1)]], 2)
    Traceback (most recent call last):
    ...
    vanban.models.grid.GridError: dòng 1, ô 1: gộp 3 cột, vượt quá 2 cột của bảng
    """
    pending: dict[tuple[int, int], tuple[Any, int]] = {}
    out: list[list[Placed]] = []
    for r, row in enumerate(rows):
        if row is None:
            if any(k[0] == r for k in pending):
                raise GridError(f"dòng {r + 1}: ô gộp dòng phía trên không được đi qua dòng nhóm")
            out.append([])
            continue
        placed: list[Placed] = []
        c = i = 0
        while c < columns:
            above = pending.pop((r, c), None)
            if above is not None:
                placed.append(Placed(c, above[1], "continue", above[0]))
                c += above[1]
                continue
            if i < len(row):
                cell = row[i]
                i += 1
                span = cell.colspan
                if c + span > columns:
                    raise GridError(
                        f"dòng {r + 1}, ô {i}: gộp {span} cột, vượt quá {columns} cột của bảng"
                    )
                if any((r, k) in pending for k in range(c + 1, c + span)):
                    raise GridError(f"dòng {r + 1}, ô {i}: chồng lên một ô gộp dòng phía trên")
                for k in range(1, cell.rowspan):
                    pending[(r + k, c)] = (cell, span)
                placed.append(Placed(c, span, "restart" if cell.rowspan > 1 else None, cell))
                c += span
            else:
                placed.append(Placed(c, 1, None, None))
                c += 1
        if i < len(row):
            raise GridError(f"dòng {r + 1}: có {len(row)} ô, nhiều hơn số cột còn trống")
        out.append(placed)
    if pending:
        r = min(k[0] for k in pending)
        raise GridError(f"một ô gộp dòng vượt quá dòng cuối của bảng (đến dòng {r + 1})")
    return out


def grid_problem(table: Any) -> str | None:
    """The first reason ``table`` (a :class:`~vanban.models.blocks.Table`) cannot be laid
    out on its columns, or ``None``."""
    n = len(table.columns)
    try:
        if table.header:
            place(table.header, n)
        place([row if isinstance(row, list) else None for row in table.rows], n)
    except GridError as exc:
        return str(exc)
    return None

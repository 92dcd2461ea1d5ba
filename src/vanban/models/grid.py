"""Where the cells of a table stand on its column grid (bảng: gộp ô).

Cells are given row by row, as in HTML: a cell spans ``colspan`` columns and ``rowspan``
rows, and a later row leaves out the places that a cell above it covers. A row may also
write every place of the grid, one cell per column: then the places a span covers hold an
empty cell (``""`` or ``null``), as a table drawn in a spreadsheet reads. :func:`place` puts
every cell on the grid and says what Word needs: the cell's first column, its span, and its
part in a vertical merge (``"restart"`` on the first row, ``"continue"`` below). Validation
and layout both read it, so a table that validates lays out.
"""

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
    """A table whose cells cannot stand on its grid; the message is in Vietnamese and ``at``
    is where, under the list of rows: ``(row,)`` or ``(row, cell)`` (indexes from 0, the
    cell as the user wrote it in the row)."""

    def __init__(self, message: str, at: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.at = at


class GridProblem(NamedTuple):
    """Why a table cannot be laid out, and where: a path under the table
    (``("rows", 2, 1)``, ``("header", 0, 3)``)."""

    message: str
    at: tuple[str | int, ...]


def _empty(cell: Any) -> bool:
    return bool(getattr(cell, "empty", False))


def _covered(r: int, columns: int, pending: dict[tuple[int, int], tuple[Any, int]]) -> set[int]:
    """The columns of row ``r`` a cell of an earlier row covers."""
    out: set[int] = set()
    for (pr, pc), (_, span) in pending.items():
        if pr == r:
            out.update(range(pc, min(pc + span, columns)))
    return out


def _place_row(
    r: int,
    row: Sequence[_CellLike],
    columns: int,
    pending: dict[tuple[int, int], tuple[Any, int]],
    *,
    full: bool,
) -> list[Placed]:
    """Place one row. ``full``: the row writes every place, covered places as empty cells."""
    placed: list[Placed] = []
    c = i = 0
    while c < columns:
        above = pending.pop((r, c), None)
        if above is not None:
            placed.append(Placed(c, above[1], "continue", above[0]))
            if full:  # the cells written for the covered places
                for k in range(above[1]):
                    if i < len(row) and not _empty(row[i]):
                        raise GridError(
                            f"ô này nằm dưới một ô gộp dòng phía trên (cột {c + k + 1}): để "
                            'trống ("") hoặc bỏ đi',
                            (r, i),
                        )
                    i += 1
            c += above[1]
            continue
        if i < len(row):
            cell = row[i]
            i += 1
            span = cell.colspan
            if c + span > columns:
                raise GridError(f"gộp {span} cột, vượt quá {columns} cột của bảng", (r, i - 1))
            if any((r, k) in pending for k in range(c + 1, c + span)):
                raise GridError("chồng lên một ô gộp dòng phía trên", (r, i - 1))
            for k in range(1, cell.rowspan):
                pending[(r + k, c)] = (cell, span)
            placed.append(Placed(c, span, "restart" if cell.rowspan > 1 else None, cell))
            if full:
                for _ in range(1, span):
                    if i < len(row) and not _empty(row[i]):
                        raise GridError(
                            'ô này nằm trong ô gộp cột bên trái: để trống ("") hoặc bỏ đi', (r, i)
                        )
                    i += 1
            c += span
        else:
            placed.append(Placed(c, 1, None, None))
            c += 1
    if i < len(row):
        raise GridError(
            f"dòng có {len(row)} ô, nhiều hơn số cột còn trống; ô này không còn chỗ", (r, i)
        )
    return placed


def place(rows: Sequence[Sequence[_CellLike] | None], columns: int) -> list[list[Placed]]:
    """Place ``rows`` of cells on a grid of ``columns``; a ``None`` row is a full-width row
    (a group row) that no vertical merge may cross. Short rows are filled with empty cells.
    A row with a cell for every column gives the places covered by spans as empty cells.

    >>> from types import SimpleNamespace as C
    >>> grid = place([[C(colspan=1, rowspan=2), C(colspan=2, rowspan=1)], [C(colspan=1, rowspan=1)]], 3)
    >>> [[(p.column, p.span, p.merge) for p in row] for row in grid]
    [[(0, 1, 'restart'), (1, 2, None)], [(0, 1, 'continue'), (1, 1, None), (2, 1, None)]]
    >>> blank = C(colspan=1, rowspan=1, empty=True)
    >>> full = place([[C(colspan=1, rowspan=2), C(colspan=2, rowspan=1), blank], [blank, blank, blank]], 3)
    >>> [[(p.column, p.span, p.merge) for p in row] for row in full] == [[(p.column, p.span, p.merge) for p in row] for row in grid]
    True
    >>> place([[C(colspan=3, rowspan=1)]], 2)
    Traceback (most recent call last):
    ...
    vanban.models.grid.GridError: gộp 3 cột, vượt quá 2 cột của bảng
    """
    pending: dict[tuple[int, int], tuple[Any, int]] = {}
    out: list[list[Placed]] = []
    for r, row in enumerate(rows):
        if row is None:
            if any(k[0] == r for k in pending):
                raise GridError("ô gộp dòng phía trên không được đi qua dòng nhóm", (r,))
            out.append([])
            continue
        covered = _covered(r, columns, pending)
        saved = dict(pending)
        try:
            out.append(_place_row(r, row, columns, pending, full=False))
        except GridError as short:
            # A row that writes every place (covered ones as "" or null) is read as such.
            spans = sum(cell.colspan - 1 for cell in row)
            if len(row) != columns or not (covered or spans):
                raise
            pending.clear()
            pending.update(saved)
            try:
                out.append(_place_row(r, row, columns, pending, full=True))
            except GridError:
                if covered and short.at == (r, len(row) - 1):
                    where = ", ".join(str(c + 1) for c in sorted(covered))
                    raise GridError(
                        f"{short.message} (cột {where} nằm dưới ô gộp dòng phía trên: bỏ ô "
                        'đó đi, hoặc viết "" ở chỗ của nó)',
                        short.at,
                    ) from None
                raise short from None
    if pending:
        r = min(k[0] for k in pending)
        cell = next(v[0] for k, v in pending.items() if k[0] == r)
        raise GridError(
            f"gộp {cell.rowspan} dòng, vượt quá dòng cuối của bảng", _origin(rows, cell)
        )
    return out


def _origin(rows: Sequence[Sequence[_CellLike] | None], cell: Any) -> tuple[int, ...]:
    """Where ``cell`` was written: (row, index in the row)."""
    for r, row in enumerate(rows):
        for i, c in enumerate(row or ()):
            if c is cell:
                return (r, i)
    return ()


def grid_problem(table: Any) -> GridProblem | None:
    """The first reason ``table`` (a :class:`~vanban.models.blocks.Table`) cannot be laid
    out on its columns, and where, or ``None``."""
    n = len(table.columns)
    for name, rows in (
        ("header", table.header or []),
        ("rows", [row if isinstance(row, list) else None for row in table.rows]),
    ):
        try:
            place(rows, n)
        except GridError as exc:
            return GridProblem(exc.message, (name, *exc.at))
    return None

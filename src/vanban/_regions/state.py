"""The reading state every region reader shares: the paragraphs as a reader numbers them and
the page each one is estimated to fall on."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from vanban._docx_reader import DocxView, ParaView
from vanban._regions.paragraphs import sizes, typed_without_marks
from vanban.nd30 import page

#: Margins assumed where a section gives none (to estimate pages): vanban's own, in twips.
_MARGINS = page.MARGINS_DEFAULT.twips()


class RowHeights:
    """The height a table adds to the page, paragraph by paragraph: the cells of a row stand
    side by side, so a row is as tall as its tallest cell. :meth:`add` returns what a
    paragraph in a cell adds beyond the row's height so far."""

    def __init__(self) -> None:
        self._cell: dict[tuple[int, int, int], float] = {}
        self._row: dict[tuple[int, int], float] = {}

    def add(self, p: ParaView, h: float) -> float:
        """Count ``h`` more in ``p``'s cell; the growth of its row."""
        assert p.table is not None
        row = (p.table, p.row or 0)
        cell = (p.table, p.row or 0, p.cell or 0)
        self._cell[cell] = self._cell.get(cell, 0.0) + h
        before = self._row.get(row, 0.0)
        self._row[row] = max(before, self._cell[cell])
        return self._row[row] - before


@dataclass
class Reading:
    """A Word document as read so far: its paragraphs (body, tables and text boxes in reading
    order), the number a reader gives each non-empty one, and its estimated page."""

    view: DocxView
    reader_no: list[int] = field(default_factory=list)
    page_of: list[int] = field(default_factory=list)
    pages: int = 1
    #: Typed without Vietnamese marks: labels are looked for without them.
    unmarked: bool = False

    @property
    def ps(self) -> list[ParaView]:
        return self.view.paragraphs


def read(view: DocxView) -> Reading:
    """Number the paragraphs as a reader does and estimate their pages."""
    reading = Reading(view, unmarked=typed_without_marks([p.text for p in view.paragraphs]))
    n = 0
    height = 0.0
    pg = 1
    row_seen: dict[tuple[int, int], float] = {}
    last_text_page = 1
    previous_section = 0
    for p in view.paragraphs:
        s = view.sections[p.section] if p.section < len(view.sections) else view.section
        usable = (
            (s.page_height or page.PAGE_HEIGHT)
            - (s.margin_top or _MARGINS["top"])
            - (s.margin_bottom or _MARGINS["bottom"])
        )
        width = (
            (s.page_width or page.PAGE_WIDTH)
            - (s.margin_left or _MARGINS["left"])
            - (s.margin_right or _MARGINS["right"])
        )
        if p.section != previous_section and s.start_type != "continuous":
            pg += 1
            height = 0.0
        previous_section = p.section
        if p.page_break and height > 0:
            pg += 1
            height = 0.0
        size = max(sizes(p) or [13.0])
        if p.table is not None:
            grid = view.tables[p.table].grid if p.table < len(view.tables) else []
            cell_w = grid[p.cell] if p.cell is not None and p.cell < len(grid) else width
            width = max(cell_w, 1000)
        chars_per_line = max(width / (size * 20 * 0.44), 10)
        lines = max(1, math.ceil(len(" ".join(p.text.split())) / chars_per_line))
        line_h = p.line if p.line_rule != "auto" else size * 20 * 1.15 * p.line / 240
        h = lines * line_h + p.space_before + p.space_after
        if p.table is not None:
            # Coarser than RowHeights on purpose: this estimate's character widths run wide, and
            # counting the first cell of a row as well moved a one-page corpus letter's last line
            # to a page 2 LibreOffice does not make (congvan-04). Replacing it with the layout
            # checks' measured estimate waits for a round that re-judges the pages of findings.
            key = (p.table, p.row or 0)
            cell_key = (p.table, (p.row or 0) * 1000 + (p.cell or 0))
            row_seen[cell_key] = row_seen.get(cell_key, 0.0) + h
            previous_max = row_seen.get(key, 0.0)
            h = max(0.0, row_seen[cell_key] - previous_max)
            row_seen[key] = max(previous_max, row_seen[cell_key])
        height += h
        if height > usable:
            pg += 1
            height = h
        if p.text.strip():
            n += 1
            last_text_page = pg
        reading.reader_no.append(n)
        reading.page_of.append(pg)
    # The pages the text is on: empty paragraphs pushed past the signer's table make no page.
    reading.pages = last_text_page
    return reading

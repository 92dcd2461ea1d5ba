"""Rules of the laid-out page (Phụ lục I, I.5; II.7–8): a table wider than the text area, and
a signature block alone on the last page.

The page is computed from what the file says: each section's paper and margins, each
paragraph's indents, spacing and line height, and its text wrapped with the widths of Times
New Roman (:mod:`vanban._metrics`, the measure of Word's and LibreOffice's line breaks). When
LibreOffice has laid the document out (``vanban check --layout``), the pages' texts decide
instead; each finding says which of the two it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban._checks.findings import Collector, cm
from vanban._docx_reader import DocxView, ParaView, SectionView
from vanban._metrics import wrap
from vanban._regions import Regions
from vanban._regions.paragraphs import all_runs, sizes
from vanban._regions.state import RowHeights
from vanban.nd30 import page, wording

#: Margins assumed where a section gives none, in twips.
_MARGINS = page.MARGINS_DEFAULT.twips()
#: Word's default left and right cell padding (0.19 cm each), in twips.
_CELL_PADDING = page.CELL_MARGIN * 2
#: Line height of Times New Roman / Liberation Serif for "single" spacing, per point of size.
_LINE_FACTOR = 1.15
#: The line heights the estimate tries (per point of size): a signature is said to stand
#: alone only when it does with each, so that a page the estimate cannot tell is left alone.
_FACTORS = (1.13, _LINE_FACTOR, 1.17)

_SPACES = re.compile(" {9,}")

#: What the findings say their page comes from.
ESTIMATED = "ước tính từ khổ giấy, lề và độ rộng chữ"
LAID_OUT = "theo bản dàn trang của LibreOffice"


def text_width(s: SectionView) -> int:
    """The width of a section's text area, in twips."""
    return (
        (s.page_width or page.PAGE_WIDTH)
        - (s.margin_left or _MARGINS["left"])
        - (s.margin_right or _MARGINS["right"])
    )


def _text_height(s: SectionView) -> int:
    return (
        (s.page_height or page.PAGE_HEIGHT)
        - (s.margin_top or _MARGINS["top"])
        - (s.margin_bottom or _MARGINS["bottom"])
    )


def _section(view: DocxView, p: ParaView) -> SectionView:
    return view.sections[p.section] if p.section < len(view.sections) else view.section


@dataclass(frozen=True)
class Placed:
    """Where a paragraph ends on the computed pages: page (from 1) and height used on it."""

    page: int
    bottom: float


def _width(view: DocxView, p: ParaView) -> float:
    """The width a paragraph's lines wrap in: its section's text area, or its table cell."""
    width = float(text_width(_section(view, p)) - p.left_indent - max(0, p.right_indent))
    if p.table is None or p.table >= len(view.tables):
        return width
    table = view.tables[p.table]
    column, span, row = p.cell or 0, 1, p.row or 0
    if row < len(table.cells) and column < len(table.cells[row]):
        column, span = table.cells[row][column].column, table.cells[row][column].span
    cell_w = sum(table.grid[column : column + span]) if column < len(table.grid) else width
    return max(cell_w - _CELL_PADDING - p.left_indent, 600)


def line_counts(view: DocxView, upto: int | None = None) -> list[int]:
    """How many lines each paragraph (before ``upto``) wraps into (Times New Roman metrics)."""
    counts = []
    for p in view.paragraphs[:upto]:
        size = max(sizes(p) or [13.0])
        # runs of spaces typed for layout are capped: the wrapper's pattern is slow on them
        typed = _SPACES.sub(" " * 8, p.text.replace("\t", "    "))
        text = " " * int(max(0, p.first_line) / (size * 5)) + typed
        counts.append(len(wrap(text, _width(view, p), size, bold=all_runs(p, "bold"))))
    return counts


def place(
    view: DocxView, counts: list[int] | None = None, factor: float = _LINE_FACTOR
) -> list[Placed]:
    """The page and the height used after each paragraph (those ``counts`` covers), computed
    from the file with lines ``factor`` times the font size high. A paragraph that does not
    fit moves whole to the next page (as the first line of a closing does)."""
    counts = line_counts(view) if counts is None else counts
    out: list[Placed] = []
    pg, height = 1, 0.0
    previous_section = 0
    rows = RowHeights()
    for p, lines in zip(view.paragraphs, counts, strict=False):
        s = _section(view, p)
        usable = _text_height(s)
        if p.section != previous_section and s.start_type != "continuous":
            pg, height = pg + 1, 0.0
        previous_section = p.section
        if (p.page_break or p.page_break_before) and height > 0 and p.table is None:
            pg, height = pg + 1, 0.0
        size = max(sizes(p) or [13.0])
        if p.line_rule == "auto":
            line_h = size * 20 * factor * p.line / 240
        elif p.line_rule == "exact":
            line_h = p.line
        else:
            line_h = max(p.line, size * 20 * factor)
        h = lines * line_h + p.space_before + p.space_after
        if p.table is not None:
            h = rows.add(p, h)
        height += h
        if height > usable:
            pg, height = pg + 1, h
        out.append(Placed(pg, height))
    return out


def check_layout(out: Collector, regions: Regions, pages: list[str] | None = None) -> None:
    """Judge the laid-out page: tables in the text area, the signature not alone.

    ``pages``: the text of each page as LibreOffice laid it out (``--layout``), or ``None``
    for the page computed from the file.
    """
    _check_tables(out, regions)
    _check_signature(out, regions, pages)


def _check_tables(out: Collector, regions: Regions) -> None:
    view = out.reading.view
    ps = view.paragraphs
    closing = regions.closing
    skip: set[int | None] = set()
    if regions.header is not None:
        skip |= {ps[i].table for i in regions.header.region if ps[i].table is not None}
    if closing is not None:
        near = range(closing.end, min(len(ps), closing.appendix))
        skip |= {ps[i].table for i in near if ps[i].table is not None}
        for signer in closing.signers:
            skip |= {ps[i].table for i in signer.lines if ps[i].table is not None}
    first: dict[int, int] = {}
    for i, p in enumerate(ps):
        if p.table is not None:
            first.setdefault(p.table, i)
    for t in view.tables:
        if t.parent is not None or t.index in skip or t.index not in first or not t.grid:
            continue
        if not t.has_borders:
            continue  # a grid without lines (a header, a signature): no edge shows on paper
        at = first[t.index]
        s = _section(view, ps[at])
        area = text_width(s)
        width = sum(t.grid)
        if t.alignment == "center":
            overhang = (width - area) / 2
        else:
            indent = t.indent or 0
            overhang = max(indent + width - area, -indent)
        if overhang > wording.TABLE_OVERHANG:
            out.add(
                "PL1.I.5.table-width",
                f"bảng rộng {cm(width)} tràn ra lề {cm(overhang)} "
                f"(vùng chữ {cm(area)}; tính từ lưới bảng, khổ giấy và lề)",
                at,
                f"≤ {cm(area)}",
                cm(width),
            )


def _check_signature(out: Collector, regions: Regions, pages: list[str] | None) -> None:
    closing, body = regions.closing, regions.body
    if closing is None or body is None or not closing.signers:
        return
    ps = out.reading.ps
    content = [i for i in body.paragraphs if i < closing.end]
    if not content:
        return
    last = content[-1]
    signer = closing.signers[0]
    if pages is not None:
        body_page = _page_of(pages, ps[last].text, last_part=True)
        if body_page is None:
            return
        # the closing's first line (Nơi nhận or the quyền hạn) on the body's page or after
        first = ps[signer.titles[0]].text
        later = _page_of(pages[body_page - 1 :], first, last_part=False)
        if later is None:
            return
        sign_page = body_page + later - 1
        if sign_page > body_page and not _has_other_text(pages[sign_page - 1], regions):
            _alone(out, signer.titles[0], sign_page, LAID_OUT)
        return
    view = out.reading.view
    start = min([closing.end, *signer.lines])
    start = next((i for i in range(start, len(ps)) if ps[i].text.strip()), start)
    forced = any(ps[i].page_break or ps[i].page_break_before for i in range(last + 1, start + 1))
    counts = line_counts(view, start + 1)
    pages_moved = []
    for factor in _FACTORS:  # said only when line heights a little off still say it
        placed = place(view, counts, factor)
        if placed[start].page <= placed[last].page:
            return
        pages_moved.append(placed[start].page)
        if forced:
            break
    _alone(out, signer.titles[0], pages_moved[-1], ESTIMATED)


def _alone(out: Collector, at: int, page_no: int, source: str) -> None:
    out.add(
        "PL1.II.7.signature-alone",
        f"khối chữ ký đứng riêng ở trang {page_no}, không còn nội dung ({source})",
        at,
        "chữ ký cùng trang với đoạn cuối",
        f"trang {page_no} chỉ có chữ ký",
    )


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _page_of(pages: list[str], text: str, *, last_part: bool) -> int | None:
    """The page (from 1) on which a paragraph's end (or start) is printed."""
    t = _squeeze(text)
    piece = t[-25:] if last_part else t[:25]
    if not piece:
        return None
    found = [k + 1 for k, page_text in enumerate(pages) if piece in _squeeze(page_text)]
    return (found[-1] if last_part else found[0]) if found else None


def _has_other_text(page_text: str, regions: Regions) -> bool:
    """Whether a page holds text other than the closing (Nơi nhận, signer) and page numbers."""
    closing = regions.closing
    assert closing is not None
    ps = regions.reading.ps
    own = {i for s in closing.signers for i in s.lines} | set(closing.items)
    if closing.label is not None:
        own.add(closing.label)
    rest = _squeeze(page_text)
    for i in sorted(own, key=lambda i: -len(ps[i].text)):
        for line in ps[i].text.split("\n"):
            rest = rest.replace(_squeeze(line), "")
    return sum(c.isalpha() for c in rest) > 20

"""Rules of the page (Phụ lục I, I and I.7): A4 paper and margins, portrait first page,
Times New Roman in black, precomposed Unicode, page numbers."""

from __future__ import annotations

from vanban._checks.findings import Collector, mm
from vanban._regions.paragraphs import text_runs
from vanban._regions.sections import page_field
from vanban.nd30 import page, rules
from vanban.nd30.catalogue import A4_TEXT

#: Tolerance on page lengths: half a millimetre, in twips.
TOLERANCE = 28
_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def check_page_setup(out: Collector) -> None:
    """Paper, orientation and margins of each section that holds text."""
    v = out.reading.view
    ps = out.reading.ps
    used = {p.section for p in ps if p.text.strip()} or {0}
    for k, s in enumerate(v.sections or [v.section]):
        if k not in used:
            continue
        first = next(i for i, p in enumerate(ps) if p.section == k)
        w, h = s.page_width, s.page_height
        if w and h:
            dims = (min(w, h), max(w, h))
            if not page.is_a4(w, h):
                out.add(
                    "PL1.I.paper-size",
                    f"khổ giấy {mm(dims[0])} × {mm(dims[1])}",
                    first,
                    A4_TEXT,
                    f"{mm(dims[0])} × {mm(dims[1])}",
                )
        landscape = s.orientation == "landscape" or (w or 0) > (h or 1)
        if landscape and k == min(used):
            out.add("PL1.I.orientation", "trang đầu nằm ngang", first, "A4 dọc", "A4 ngang")
        if landscape:
            continue  # the decree sets no margins for a landscape table section
        for side, (lo_mm, hi_mm) in page.MARGIN_RANGES_MM.items():
            value = getattr(s, f"margin_{side}")
            if value is None:
                continue
            lo, hi = page.mm(lo_mm), page.mm(hi_mm)
            if not lo - TOLERANCE <= value <= hi + TOLERANCE:
                out.add(
                    f"PL1.I.margin-{side}",
                    f"lề {_SIDES[side]} {mm(value)}",
                    first,
                    f"{lo_mm}–{hi_mm} mm",
                    mm(value),
                )


#: Fonts of symbols and formulas, not of text: a bullet, or a formula Word sets in its
#: equation font ("Q = 0,3⋅122.677", Cambria Math), is not the text of Phụ lục I, I.3.
_SYMBOL_FONTS = ("Symbol", "Wingdings", "Cambria Math")


def check_fonts(out: Collector) -> None:
    """The font and colour of the text, and precomposed (NFC) Vietnamese letters."""
    for i, p in enumerate(out.reading.ps):
        if not rules.is_nfc(p.text):
            out.add("PL1.I.unicode-nfc", "chữ có dấu tổ hợp rời (không dựng sẵn)", i)
        for r in text_runs(p):
            if not any(c.isalnum() for c in r.text):
                continue
            if r.font and not r.font.startswith(page.FONT) and r.font not in _SYMBOL_FONTS:
                out.add("PL1.I.font", f"phông {r.font}", i, page.FONT, r.font)
                break
            if not page.is_black(r.color):
                out.add("PL1.I.color", f"chữ màu #{r.color}", i, "màu đen", f"#{r.color}")
                break


def check_page_numbers(out: Collector, appendix: int, heads: list[int]) -> None:
    """Page numbers of a document of two pages or more: a PAGE field centred in the header,
    none on page 1; each phụ lục or issued text (first paragraphs ``heads``) in a section of
    its own whose numbers start again at 1 (Phụ lục I, I.7 and III.1)."""
    reading = out.reading
    v, ps = reading.view, reading.ps
    main_pages = reading.page_of[appendix - 1] if 0 < appendix <= len(ps) else reading.pages
    if main_pages < 2:
        return
    sections = v.section_headers or [{}]
    kind, para = page_field(v, sections[0])
    footer_kind, _ = page_field(v, (v.section_footers or [{}])[0])
    if kind is None:
        if footer_kind is not None:
            out.add(
                "PL1.I.7.page-number-position",
                "số trang ở chân trang",
                None,
                "giữa lề trên",
                "chân trang",
            )
        else:
            out.add(
                "PL1.I.7.page-number-missing",
                f"văn bản khoảng {main_pages} trang không có số trang",
                None,
                "trường PAGE ở đầu trang",
                "(không có)",
            )
        return
    first = v.sections[0] if v.sections else v.section
    if kind == "first" or (kind == "default" and not first.title_page):
        out.add(
            "PL1.I.7.page-number-first",
            "trang 1 hiển thị số trang",
            None,
            "không số ở trang 1",
            "có số",
        )
    if para is not None:
        centred = para.alignment == "center" or any(k == "center" for k, _ in para.tabs)
        if not centred:
            out.add(
                "PL1.I.7.page-number-position",
                f"số trang căn {para.alignment}",
                None,
                "căn giữa",
                para.alignment,
            )
    for i in heads:
        s = ps[i].section
        if s >= len(v.sections):
            continue
        if s == ps[0].section:
            out.add(
                "PL1.III.1.appendix-page-numbers",
                "phụ lục cùng mục (section) với văn bản nên tiếp số trang của văn bản",
                i,
                "mục riêng, số trang bắt đầu từ 1",
                "tiếp số của văn bản",
            )
            continue
        if v.sections[s].page_number_start != 1 and page_field(v, v.section_headers[s])[0]:
            out.add(
                "PL1.III.1.appendix-page-numbers",
                "số trang phụ lục không bắt đầu lại từ 1",
                i,
                "bắt đầu từ 1",
                "tiếp số của văn bản",
            )

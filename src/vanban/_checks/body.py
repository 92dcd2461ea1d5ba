"""Rules of the body (Phụ lục I, II.6, II.9.a): Kính gửi and its addressees, căn cứ in
italics and their punctuation, the paragraphs' size, alignment, indent, line and paragraph
spacing, and the end mark."""

from __future__ import annotations

from vanban._checks.findings import Collector, cm, pt, range_text
from vanban._docx_reader import ParaView
from vanban._regions.body import Body, is_caption
from vanban._regions.paragraphs import all_runs, in_range, sizes, upper
from vanban.nd30 import page, recipients, rules
from vanban.nd30.catalogue import INDENT_TEXT, LINE_SPACING_TEXT, PARAGRAPH_SPACING_TEXT
from vanban.nd30.doctypes import DOC_TYPES
from vanban.nd30.text import END_MARK

#: Tolerance on page lengths: half a millimetre, in twips.
TOLERANCE = 28
#: Body first-line indents accepted: 1 cm to 1.27 cm, each ±0.5 mm (Phụ lục I, II.6.e).
INDENT_RANGE = (
    page.FIRST_LINE_INDENTS_ALLOWED[0] - TOLERANCE,
    page.FIRST_LINE_INDENTS_ALLOWED[1] + TOLERANCE,
)
#: Accepted "auto" line spacings (240ths of a line): single to 1.5 lines (Phụ lục I, II.6.e),
#: with the slack the checker has always allowed: 0.05 line below, 0.025 above.
_LINE_RANGE = (page.LINE_SPACING_RANGE[0] - 12, page.LINE_SPACING_RANGE[1] + 6)
_KINH_GUI = recipients.ADDRESSEES_LABEL


def check_body(out: Collector, b: Body, doc_type: str | None, start: int) -> None:
    """Judge the body as read (``start``: the heading's last paragraph)."""
    ps = out.reading.ps
    facts = DOC_TYPES.get(doc_type or "")
    for at in (b.kinh_gui_in_table, b.kinh_gui):
        if at is None:
            continue
        t = " ".join(ps[at].text.split())
        if not t.startswith(_KINH_GUI):
            out.add("PL1.II.9a.kinh-gui", '"Kính gửi" phải có dấu hai chấm', at, _KINH_GUI, t[:20])
    if len(b.addressees) >= 2:
        texts = [ps[i].text for i in b.addressees]
        for k, expected, found in rules.addressee_problems(texts):
            out.add(
                "PL1.II.9a.kinh-gui",
                f"dòng Kính gửi viết chưa đúng: {found}",
                b.addressees[k],
                expected,
                found,
            )
    addressed = facts is not None and facts.addressed
    if b.kinh_gui is None and b.kinh_gui_in_table is None and addressed:
        first = b.paragraphs[0] if b.paragraphs else start
        out.add(
            "PL1.II.9a.kinh-gui",
            'công văn không có dòng "Kính gửi:"',
            first,
            "Kính gửi: …",
            "(không có)",
        )
    basis_form = facts is None or facts.basis
    if b.basis and basis_form and (b.issuing or b.typed_as_basis):
        for i in b.basis:
            if b.issuing and not all_runs(ps[i], "italic"):
                out.add(
                    "PL1.II.6a.basis-italic", "dòng căn cứ phải in nghiêng", i, "nghiêng", "đứng"
                )
        for k, expected, found in rules.basis_problems([ps[i].text for i in b.basis]):
            out.add(
                "PL1.II.6a.basis-punctuation",
                f'căn cứ phải kết thúc bằng "{expected}"',
                b.basis[k],
                expected,
                found,
            )
    previous: ParaView | None = None
    previous_at = -1
    for i in b.paragraphs:
        p = ps[i]
        text = p.text.strip()
        # An empty paragraph before this one is spacing typed as a blank line: the gap is
        # at least that line, so the paragraph spacing is not measured across it.
        spaced = any(not ps[j].text.strip() for j in range(previous_at + 1, i))
        # The gap under a heading line ("I. MỤC ĐÍCH, YÊU CẦU", kept with the paragraph it
        # heads) is the heading's, not the spacing between two đoạn văn (II.6.e).
        headed = previous is not None and _heading_line(previous)
        before = None if spaced or headed or previous_at < 0 else previous
        previous, previous_at = p, i
        if p.alignment == "center" or upper(text) or is_caption(p):
            continue
        _check_paragraph(out, i, p, text, before)
    if b.paragraphs:
        last = b.paragraphs[-1]
        if not rules.has_end_mark(ps[last].text) and ps[last].table is None:
            out.add(
                "PL1.II.6.end-mark",
                f'nội dung không kết thúc bằng "{END_MARK}"',
                last,
                f"…{END_MARK}",
                ps[last].text.strip()[-10:],
            )


def _heading_line(p: ParaView) -> bool:
    """A heading of the body's parts: a short line in capitals, or centred, or bold
    throughout (the lines the body rules do not measure as đoạn văn)."""
    text = p.text.strip()
    short = len(text) <= 90
    return short and (upper(text) or p.alignment == "center" or all_runs(p, "bold"))


def _check_paragraph(
    out: Collector, i: int, p: ParaView, text: str, previous: ParaView | None
) -> None:
    found_sizes = sizes(p)
    if found_sizes and not in_range(found_sizes, *rules.size_range("body")):
        found = ", ".join(pt(s) for s in found_sizes)
        expected = range_text(*rules.size_range("body"))
        out.add("PL1.II.6.body-size", f"chữ nội dung cỡ {found}", i, expected, found)
    heading = all_runs(p, "bold")
    if len(text) > 90 and not heading and p.alignment != "both":
        out.add(
            "PL1.II.6e.body-justify",
            f"đoạn văn căn {p.alignment}",
            i,
            "căn đều hai lề",
            p.alignment,
        )
    start_at = p.left_indent + p.first_line
    tabbed = p.text.startswith("\t")
    plain = not heading and not p.numbered and not tabbed and p.first_line >= 0
    if plain and len(text) > 40 and not INDENT_RANGE[0] <= start_at <= INDENT_RANGE[1]:
        out.add(
            "PL1.II.6e.body-indent", f"lùi đầu dòng {cm(start_at)}", i, INDENT_TEXT, cm(start_at)
        )
    size = max(found_sizes or [14.0])
    if p.line_rule == "auto":
        ok = _LINE_RANGE[0] <= p.line <= _LINE_RANGE[1]
        found = f"{p.line / 240:.2f}".replace(".", ",") + " dòng"
    else:
        ok = size * 20 * 0.98 <= p.line <= size * 20 * 1.75 or (
            p.line_rule == "atLeast" and p.line <= size * 20 * 1.75
        )
        found = f"{'chính xác' if p.line_rule == 'exact' else 'tối thiểu'} {pt(p.line / 20)}"
    if not ok:
        out.add("PL1.II.6e.body-line-spacing", f"giãn dòng {found}", i, LINE_SPACING_TEXT, found)
    if previous is not None and previous.table is None:
        gap = previous.space_after + p.space_before
        if gap < page.PARAGRAPH_SPACING_MIN - 5 and p.line_rule == "auto":
            out.add(
                "PL1.II.6e.body-spacing",
                f"cách đoạn {pt(gap / 20)}",
                i,
                f"tối thiểu {PARAGRAPH_SPACING_TEXT}",
                pt(gap / 20),
            )

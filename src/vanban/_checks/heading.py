"""Rules of the heading (Phụ lục I, II.3.b, II.5): tên loại and ký hiệu agree, the tên loại
and trích yếu in their form, the rule under them, a Công văn's V/v."""

from __future__ import annotations

from vanban._checks.findings import Collector
from vanban._checks.header import check_mark
from vanban._regions.heading import Heading
from vanban._regions.paragraphs import all_runs, centred, upper
from vanban.nd30 import rules
from vanban.nd30.doctypes import DOC_TYPES


def check_heading(out: Collector, h: Heading, symbol: str) -> None:
    """Judge the heading as read (``symbol``: the ký hiệu of the header)."""
    ps = out.reading.ps
    for i in h.marks:
        check_mark(out, i)
    k = h.start
    if h.type_missing and h.symbol_type is not None:
        out.add(
            "PL1.II.5a.doc-type-missing",
            f"ký hiệu {symbol} là {h.symbol_type.name} nhưng không thấy tên loại",
            k,
            h.symbol_type.heading,
            "(không có)",
        )
        return
    facts = DOC_TYPES.get(h.doc_type or "")
    if h.kind is None and facts is not None and facts.subject_line:
        if h.subject is None:
            out.add("PL1.II.5b.subject-missing", "công văn không có dòng V/v", k)
        return
    kind = h.kind
    if kind is None:
        return
    first = ps[k]
    mismatch = h.symbol_type is None or h.symbol_type.key != kind.key
    if kind.abbreviation and symbol and mismatch:
        out.add(
            "PL1.II.3b.symbol-type",
            f"ký hiệu {symbol} không khớp tên loại {kind.heading}",
            k,
            f"{kind.abbreviation}-…",
            symbol.split("-", 1)[0],
        )
    out.size_rule("PL1.II.5b.doc-type-format", k, *rules.size_range("doc_type"), "tên loại")
    if not upper(first.text):
        out.add(
            "PL1.II.5b.doc-type-format", "tên loại phải in hoa", k, kind.heading, first.text.strip()
        )
    if not all_runs(first, "bold") or not centred(first):
        out.add("PL1.II.5b.doc-type-format", "tên loại phải in đậm, căn giữa", k, "đậm, giữa")
    for i in h.title:
        out.size_rule("PL1.II.5b.title-format", i, *rules.size_range("title"), "trích yếu")
        if not all_runs(ps[i], "bold"):
            out.add("PL1.II.5b.title-format", "trích yếu phải in đậm", i, "đậm", "không đậm")
    if h.title and not h.title_line:
        out.add("PL1.II.5b.title-line", "không thấy đường kẻ dưới trích yếu", h.title[-1])

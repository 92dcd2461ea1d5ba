"""Rules of the phụ lục (Phụ lục I, III.1): Roman numbers, "Phụ lục" in bold, the
"(Kèm theo …)" line in italics."""

from __future__ import annotations

from vanban._checks.findings import Collector
from vanban._regions.appendix import Appendices
from vanban._regions.paragraphs import all_runs


def check_appendices(out: Collector, a: Appendices) -> None:
    """Judge the phụ lục headings as read."""
    ps = out.reading.ps
    numbers = [x.number for x in a.items]
    if len(a.items) >= 2 and any(n and n.isdigit() for n in numbers):
        i = a.items[[bool(n and n.isdigit()) for n in numbers].index(True)].heading
        out.add(
            "PL1.III.1.appendix-heading",
            "phụ lục phải đánh số La Mã",
            i,
            "Phụ lục I, II…",
            ps[i].text.strip()[:20],
        )
    for item in a.items:
        ref = item.reference
        if ref is not None and not all_runs(ps[ref], "italic"):
            out.add(
                "PL1.III.1.appendix-reference",
                'dòng "(Kèm theo …)" của phụ lục phải in nghiêng',
                ref,
                "nghiêng",
                "đứng",
            )
        if not all_runs(ps[item.heading], "bold"):
            out.add(
                "PL1.III.1.appendix-heading",
                '"Phụ lục" phải in đậm',
                item.heading,
                "đậm",
                "không đậm",
            )

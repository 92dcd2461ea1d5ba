"""The checker's rules, one module per region: each judges what the region reader
(:mod:`vanban._regions`) found and reads the decree's values from :mod:`vanban.nd30`; none
finds anything in the document by itself."""

from __future__ import annotations

from vanban._checks.appendix import check_appendices
from vanban._checks.body import check_body
from vanban._checks.closing import check_recipients, check_signers
from vanban._checks.findings import Collector, Finding
from vanban._checks.header import check_header
from vanban._checks.heading import check_heading
from vanban._checks.layout import check_layout
from vanban._checks.page import check_fonts, check_page_numbers, check_page_setup
from vanban._checks.wording import check_wording
from vanban._regions import Regions
from vanban.nd30.doctypes import DOC_TYPES

__all__ = ["judge"]


def judge(regions: Regions, pages: list[str] | None = None) -> list[Finding]:
    """The findings on a document read in regions, grouped per rule (``pages``: the text of
    each page as LibreOffice laid it out, when it did; see :mod:`vanban._checks.layout`)."""
    out = Collector(regions.reading)
    if regions.out_of_scope is not None:
        why = regions.out_of_scope
        out.add(
            "SCOPE.out-of-scope",
            f"không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP ({why}); không kiểm tra",
            regions.out_of_scope_at,
        )
        return out.findings()
    header, heading, closing, body = regions.header, regions.heading, regions.closing, regions.body
    assert header is not None and heading is not None and closing is not None and body is not None
    check_header(out, header)
    check_heading(out, heading, header.symbol)
    facts = DOC_TYPES.get(heading.doc_type or "")
    own = heading.issued_with is None  # an issued text (Mẫu 1.3) has no Số, date of its own
    if own and header.number is None and (facts is None or facts.number):
        out.add("PL1.II.3.number-missing", 'không thấy dòng "Số: …/…"', header.national)
    if own and header.date is None and (facts is None or facts.header_date):
        out.add(
            "PL1.II.4.date-missing", "không thấy dòng địa danh, ngày tháng năm", header.national
        )
    check_page_setup(out)
    check_fonts(out)
    check_recipients(out, closing)
    if not header.tabbed:
        check_signers(out, closing)
    check_body(out, body, heading.doc_type, heading.end)
    check_appendices(out, regions.appendices)
    check_page_numbers(out, closing.appendix, [*closing.attached, *regions.appendices.heads])
    check_wording(out, regions)
    check_layout(out, regions, pages)
    return out.findings()

"""The region reader: a Word document read as a văn thư reads it, in regions.

It finds the components by what they say and where they stand, not by table position: the
Quốc hiệu wherever the header grid puts it, the issuer and "Số:" to its left, the date under
it, the tên loại or the "V/v" line, the body, the "Nơi nhận:" block by its label and the
signer blocks by their content, the phụ lục and the texts a Quyết định issues. It judges
nothing: the checker's rules (:mod:`vanban._checks`) judge the regions, and the import of
Word documents turns them into a model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban._docx_reader import DocxView
from vanban._regions.appendix import Appendices, read_appendices
from vanban._regions.body import Body, read_body
from vanban._regions.closing import Closing, read_closing
from vanban._regions.header import Header, find_national, first_text, read_header
from vanban._regions.heading import Heading, read_heading
from vanban._regions.state import Reading, read

__all__ = ["Regions", "read_regions"]


@dataclass
class Regions:
    """A document read in regions. Without a Quốc hiệu (``header is None``) or with a tên
    loại the decree does not know (``out_of_scope``), the regions after it are not read."""

    reading: Reading
    header: Header | None = None
    heading: Heading | None = None
    closing: Closing | None = None
    body: Body | None = None
    appendices: Appendices = field(default_factory=Appendices)
    #: Why the document is not checked as an administrative text, and where that shows.
    out_of_scope: str | None = None
    out_of_scope_at: int | None = None

    @property
    def doc_type(self) -> str | None:
        return self.heading.doc_type if self.heading is not None else None


def read_regions(view: DocxView) -> Regions:
    """Read a document's regions."""
    reading = read(view)
    regions = Regions(reading)
    national = find_national(reading)
    if national is None:
        regions.out_of_scope = "không có Quốc hiệu ở đầu văn bản"
        regions.out_of_scope_at = first_text(reading)
        return regions
    header = regions.header = read_header(reading, national)
    heading = regions.heading = read_heading(reading, header)
    if heading.out_of_scope is not None:
        regions.out_of_scope, regions.out_of_scope_at = heading.out_of_scope, heading.start
        return regions
    closing = regions.closing = read_closing(reading, heading.end)
    regions.body = read_body(
        reading,
        heading.end,
        closing.end,
        doc_type=heading.doc_type,
        subject=heading.subject,
    )
    regions.appendices = read_appendices(reading, closing.appendix)
    return regions

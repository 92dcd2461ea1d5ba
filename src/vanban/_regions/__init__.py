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
from vanban._regions.closing import Closing, Signer, read_closing
from vanban._regions.header import (
    Header,
    find_national,
    find_number_line,
    first_text,
    read_header,
    read_header_without_national,
)
from vanban._regions.heading import Heading, read_heading
from vanban._regions.paragraphs import key
from vanban._regions.state import Reading, read
from vanban.nd30 import rules

__all__ = ["Regions", "read_regions"]


@dataclass
class Regions:
    """A document read in regions. With a tên loại the decree does not know, or without
    anything of an administrative document (``out_of_scope``), the regions after the
    heading are not read."""

    reading: Reading
    header: Header | None = None
    heading: Heading | None = None
    closing: Closing | None = None
    body: Body | None = None
    appendices: Appendices = field(default_factory=Appendices)
    #: Why the document is not checked as an administrative text, and where that shows.
    out_of_scope: str | None = None
    out_of_scope_at: int | None = None
    #: What the type and scope were decided on: (what was seen, its paragraph).
    evidence: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def doc_type(self) -> str | None:
        return self.heading.doc_type if self.heading is not None else None


def read_regions(view: DocxView) -> Regions:
    """Read a document's regions.

    A document with a Quốc hiệu is read from it. Without one, a document that shows a Số
    line, a signer or a Nơi nhận is still an administrative document, read as the nearest
    type (its header from the Số line); only one without any of them is out of scope, as is
    one whose tên loại names a document of another kind (a licence, an internal form).
    """
    reading = read(view)
    regions = Regions(reading)
    national = find_national(reading)
    if national is not None:
        header = read_header(reading, national)
        regions.evidence.append(("Quốc hiệu", national))
    else:
        number = find_number_line(reading)
        probe = read_closing(reading, first_text(reading) or 0)
        signer = next((s.name for s in probe.signers if _signs(reading, s)), None)
        seen = [
            (what, at)
            for what, at in (("dòng Số, ký hiệu", number), ("Nơi nhận", probe.label))
            if at is not None
        ]
        if signer is not None:
            seen.append(("người ký", signer))
        if not seen:
            regions.out_of_scope = "không có Quốc hiệu, dòng Số, ký hiệu, người ký hay Nơi nhận"
            regions.out_of_scope_at = first_text(reading)
            return regions
        header = read_header_without_national(reading, number)
        regions.evidence.append(("không có Quốc hiệu", None))
        regions.evidence.extend(seen)
    regions.header = header
    heading = regions.heading = read_heading(reading, header)
    if header.number is not None and header.national_found:
        regions.evidence.append((f"Số, ký hiệu «{header.symbol}»", header.number))
    if heading.out_of_scope is not None:
        regions.out_of_scope, regions.out_of_scope_at = heading.out_of_scope, heading.start
        regions.evidence.append(("tên loại ngoài Phụ lục III", heading.start))
        return regions
    regions.evidence.extend(_type_evidence(reading, header, heading))
    closing = regions.closing = read_closing(reading, heading.end)
    regions.body = read_body(
        reading,
        heading.end,
        closing.end,
        doc_type=heading.doc_type,
        subject=heading.subject,
    )
    regions.appendices = read_appendices(reading, closing.appendix)
    if national is not None:
        if closing.label is not None:
            regions.evidence.append(("Nơi nhận", closing.label))
        name = next((s.name for s in closing.signers if s.name is not None), None)
        if name is not None:
            regions.evidence.append(("người ký", name))
    return regions


def _signs(reading: Reading, signer: Signer) -> bool:
    """A signer block that is one beyond doubt: a name under a quyền hạn ("KT. GIÁM ĐỐC"),
    or under a title in the column of a signature table."""
    if signer.name is None:
        return False
    first = reading.ps[signer.titles[0]]
    prefixed = key(first).upper().startswith(rules.SIGNER_PREFIXES)
    return prefixed or first.table is not None


def _type_evidence(reading: Reading, header: Header, h: Heading) -> list[tuple[str, int | None]]:
    """What the type was told by: the tên loại, the ký hiệu, the V/v line, a letter's
    heading, the "(Kèm theo …)" line of an issued text."""
    ps = reading.ps
    out: list[tuple[str, int | None]] = []
    if h.draft is not None:
        out.append(("dấu dự thảo (không phải tên loại)", h.draft))
    if h.issued_with is not None:
        out.append(("văn bản ban hành kèm theo quyết định (Mẫu 1.3)", h.issued_with))
    if h.kind is not None:
        out.append((f"tên loại «{h.kind.heading}»", h.start))
    elif h.type_missing and h.symbol_type is not None:
        out.append((f"ký hiệu «{header.symbol}» của {h.symbol_type.name}", header.number))
    elif h.subject is not None:
        out.append(("dòng V/v", h.subject))
    elif h.doc_type is not None and h.start < len(ps) and h.issued_with is None:
        out.append(("không có tên loại: công văn hoặc thư", h.start))
    return out

"""The heading (ô 5): tên loại and trích yếu with the rule under them; for a type printed
without tên loại (Công văn), the "V/v" line; for a Thư công, its own heading. The heading
also decides the document's type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban._regions.header import Header
from vanban._regions.paragraphs import (
    all_runs,
    centred,
    has_line,
    heading_type,
    is_underscores,
    key,
    opens,
    upper,
)
from vanban._regions.state import Reading
from vanban.nd30 import cable, rules
from vanban.nd30.doctypes import DOC_TYPES, DocType

#: The type of a document without tên loại whose trích yếu is a "V/v" line (Công văn), and
#: the type that opens with a heading of its own and a greeting (Thư công).
_BY_SUBJECT_LINE = next(k for k, t in DOC_TYPES.items() if t.subject_line)
_BY_GREETING = next(k for k, t in DOC_TYPES.items() if t.greeting)


@dataclass
class Heading:
    """What the heading says and where its lines are."""

    #: The first paragraph after the header and its marks (the tên loại's place).
    start: int
    #: The last paragraph of the heading (the body starts after it).
    end: int
    #: The type's key (``None`` when the document ends before a heading).
    doc_type: str | None = None
    #: The type named by the tên loại line, when there is one.
    kind: DocType | None = None
    #: The type named by the ký hiệu.
    symbol_type: DocType | None = None
    #: Why the document is not an administrative text of the decree (``None``: it is one).
    out_of_scope: str | None = None
    #: The ký hiệu names a type but no tên loại is printed.
    type_missing: bool = False
    #: The marks (KHẨN, MẬT…) between the header and the heading.
    marks: list[int] = field(default_factory=list)
    #: The trích yếu lines under the tên loại.
    title: list[int] = field(default_factory=list)
    #: A rule was seen under the tên loại or trích yếu.
    title_line: bool = True
    #: The "V/v" line of a Công văn (in the header or typed under it).
    subject: int | None = None
    #: A draft's stamp ("DỰ THẢO") over the tên loại; it is not the tên loại.
    draft: int | None = None
    #: The "(Kèm theo Quyết định số …)" line of a text a Quyết định issues (Mẫu 1.3): the
    #: document is that issued text, which carries no Số or date of its own.
    issued_with: int | None = None


#: The type of the text a decision issues (Mẫu 1.3) whose tên loại names no type of
#: Phụ lục III ("ĐIỀU LỆ"): checked as such a text, imported as none.
ISSUED_TEXT = "van_ban_kem_theo"
#: Where the heading is looked for beyond its first line (a free header, a stamp).
_LOOK_AHEAD = 4
#: The line by which an issued text (Mẫu 1.3) names the decision issuing it.
_ISSUED_WITH = re.compile(
    r"^\(?\s*(ban hành\s+)?kèm theo\s+(quyết định|nghị quyết|chỉ thị)\b", re.IGNORECASE
)


def read_heading(reading: Reading, header: Header) -> Heading:
    """Read the heading after the header (which ends at ``header.end``)."""
    ps = reading.ps
    k = header.end + 1
    marks: list[int] = []
    draft: int | None = None
    while k < len(ps) and (
        not ps[k].text.strip() or rules.mark_text(ps[k].text) or rules.is_draft_stamp(ps[k].text)
    ):
        if rules.is_draft_stamp(ps[k].text):
            draft = k
        else:
            marks.append(k)
        k += 1
    h = Heading(start=k, end=k, marks=marks, subject=header.subject, draft=draft)
    if k >= len(ps):
        return h
    first = ps[k]
    kind = heading_type(first.text, reading.unmarked) if first.table is None else None
    h.symbol_type = rules.symbol_doc_type(header.symbol) if header.symbol else None
    if kind is None and header.type_line is not None:
        # no Quốc hiệu: the tên loại was typed above the Số line
        named = heading_type(ps[header.type_line].text, reading.unmarked)
        if named is not None:
            h.start, h.doc_type, h.kind = header.type_line, named.key, named
            h.end = k - 1
            return h
    foreign = _foreign(reading, header, k) if kind is None else None
    if foreign is not None:
        h.start = foreign[0]
        h.out_of_scope = f"tên loại {foreign[1]} không thuộc Phụ lục III (Điều 1, Điều 7)"
        return h
    h.issued_with = _issued_with(reading, k)
    if h.issued_with is not None and kind is None and upper(first.text):
        # Mẫu 1.3: "ĐIỀU LỆ …" issued by a decision; its lines down to "(Kèm theo …)"
        h.doc_type = ISSUED_TEXT
        h.title = [i for i in range(k + 1, h.issued_with) if ps[i].text.strip()]
        h.end = h.issued_with
        return h
    letter = (
        kind is None
        and header.number is None
        and centred(first)
        and all_runs(first, "bold")
        and rules.is_letter_heading(first.text)
    )
    if letter:
        # A Thư công: no Số, its own heading ("THƯ CHÚC MỪNG" …) and centred lines under it.
        h.doc_type = _BY_GREETING
        j = k + 1
        while j < len(ps) and ps[j].text.strip() and ps[j].table is None and centred(ps[j]):
            k = j
            j += 1
        h.end = k
        return h
    if kind is None:
        sym_type = h.symbol_type
        if sym_type is not None and sym_type.key != _BY_SUBJECT_LINE:
            h.doc_type = sym_type.key
            h.type_missing = True
            h.end = k - 1
            return h
        h.doc_type = _BY_SUBJECT_LINE
        if h.subject is None:
            # "V/v …" typed under the header table rather than in its left column
            below = [i for i in range(k, min(len(ps), k + 4)) if ps[i].text.strip()]
            h.subject = next(
                (i for i in below if opens(ps[i], ("v/v", "về việc"), reading.unmarked)), None
            )
        h.end = k - 1
        return h
    h.doc_type = kind.key
    h.kind = kind
    if not kind.title:  # Mẫu 1.8, 1.10: no trích yếu, the body follows
        return h
    # Trích yếu: the centred bold lines under the tên loại, up to an UPPERCASE line
    # (the authority line of a Quyết định), a Công điện's "… điện:" line or the body.
    j = k + 1
    title: list[int] = []
    line_seen = has_line(first)
    while j < len(ps) and len(title) < 5:
        p = ps[j]
        if not p.text.strip():
            if has_line(p):
                line_seen = True
            if title and not p.shapes and not p.borders:
                j += 1
                break
            j += 1
            continue
        if is_underscores(p.text):
            line_seen = True  # the rule under the trích yếu, typed as underscores
            j += 1
            break
        if p.table is not None or not centred(p) or upper(p.text):
            break
        if _ISSUED_WITH.match(key(p)):
            break
        if opens(p, ("căn cứ", "kính gửi"), reading.unmarked):
            break
        if kind.sender_line and cable.is_sender_line(p.text):
            break  # Mẫu 1.6: "<CƠ QUAN, CHỨC DANH> điện:" opens the body
        title.append(j)
        line_seen = line_seen or has_line(p)
        j += 1
    h.title = title
    if title and not line_seen:
        near = range(max(0, k - 2), min(len(ps), j + 2))
        h.title_line = any(ps[i].shapes for i in near)
    h.end = title[-1] if title else k
    return h


def _foreign(reading: Reading, header: Header, k: int) -> tuple[int, str] | None:
    """A tên loại of a document that is not an administrative one (a licence, an internal
    form: Điều 1, Điều 7), in capitals, on the heading's line or in the lines around it
    (a header typed without a table, a licence's heading in the header's last row)."""
    ps = reading.ps
    start = header.national + 1 if header.national_found else k
    for i in range(start, min(len(ps), k + _LOOK_AHEAD)):
        if i in (header.number, header.date) or (header.in_table and i in header.left):
            continue
        name = rules.foreign_heading(ps[i].text)
        if name is not None and (i >= k or centred(ps[i]) or ps[i].table is None):
            return i, name
    return None


def _issued_with(reading: Reading, k: int) -> int | None:
    """The "(Kèm theo Quyết định số …)" line under the heading of an issued text (Mẫu 1.3)."""
    ps = reading.ps
    texts = [i for i in range(k, min(len(ps), k + 12)) if ps[i].text.strip()][:6]
    return next((i for i in texts if _ISSUED_WITH.match(key(ps[i]))), None)

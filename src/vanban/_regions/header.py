"""The header (ô 1–4, 11): Quốc hiệu and Tiêu ngữ, issuer, Số and ký hiệu, V/v, địa danh and
date, and the lines under them, found wherever the grid puts them (2 or 3 columns, rows
split, or a header typed with tabs and no table)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban._docx_reader import ParaView
from vanban._regions.paragraphs import (
    bare_key,
    has_line,
    holds,
    is_underscores,
    key,
    number_line,
    opens,
    pieces,
    upper,
)
from vanban._regions.state import Reading
from vanban.nd30 import rules

#: The words of the Quốc hiệu by which the header is found.
NATIONAL_WORDS = "XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: The same without marks (a Quốc hiệu typed without diacritics is found, then reported).
_BARE_NATIONAL = rules.without_marks(NATIONAL_WORDS)
_BARE_NATIONAL_START = "CONG HOA"
_BARE_MOTTO = "DOC LAP"


@dataclass
class Header:
    """Where the header's parts are (paragraph indexes; ``None`` when not found)."""

    national: int
    #: Whether the Quốc hiệu was found; without one (a document read for its Số, signer or
    #: Nơi nhận), ``national`` is where the header was read from.
    national_found: bool = True
    #: Typed with tabs or runs of spaces, without a table: only its texts are read.
    tabbed: bool = False
    #: The paragraphs of the header (its table, or a window around the Quốc hiệu).
    region: list[int] = field(default_factory=list)
    end: int = 0
    #: The Quốc hiệu stands in a table.
    in_table: bool = False
    #: Non-empty paragraphs of the left column (issuer, Số, V/v) and of the right one.
    left: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    motto: int | None = None
    #: A line drawn under the Tiêu ngữ was seen (its own, or a free one near the header).
    motto_line: bool = True
    #: The paragraphs carrying the lines of the right column (for the line's length).
    motto_lines: list[int] = field(default_factory=list)
    issuer_lines: list[int] = field(default_factory=list)
    #: A line drawn under the issuer was seen.
    issuer_line: bool = True
    number: int | None = None
    #: The ký hiệu as typed after "Số …/" ("KH-UBND"), "" when there is no Số.
    symbol: str = ""
    subject: int | None = None
    date: int | None = None
    #: In a tabbed header: the pieces of its lines, and which of them hold Số and date.
    pieces: list[tuple[int, str]] = field(default_factory=list)
    number_piece: int | None = None
    date_piece: int | None = None
    #: Without a Quốc hiệu: a line above the Số that names a type ("PHƯƠNG ÁN …"), the
    #: tên loại of a document typed without the decree's header.
    type_line: int | None = None


def _find_national(reading: Reading) -> int | None:
    """The paragraph of the Quốc hiệu among the first lines, ``None`` without one.

    Found in capitals, in lower case, or typed without diacritics (each then reported), on
    a line of its own or as the first line of a paragraph holding the Tiêu ngữ too; after
    a table placed before the header too."""
    ps = reading.ps
    top = [i for i, p in enumerate(ps[:200]) if p.text.strip()]
    found = next((i for i in top[:25] if is_national_line(ps[i].text)), None)
    if found is None:
        found = next(
            (i for i in top[25:] if is_national_line(ps[i].text) and _header_follows(reading, i)),
            None,
        )
    return found


def is_national_line(text: str) -> bool:
    """Whether a paragraph holds the Quốc hiệu as one of its lines or pieces, or over two
    lines broken inside it ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA↵VIỆT NAM", reported by its own rule)."""
    lines = [x for x in text.split("\n") if x.strip()]
    if len(lines) >= 2:
        joined = " ".join(lines[:2])
        if (
            joined.find("\t") < 0
            and upper(joined)
            and len(joined) < 60
            and _BARE_NATIONAL in bare_key(joined)
            and _BARE_NATIONAL not in bare_key(lines[0])
        ):
            return True
    for piece in pieces(text):
        for x in piece.split("\n"):
            bare = bare_key(x)
            if (
                _BARE_NATIONAL in bare
                and len(x.strip()) < 50
                and (upper(x) or bare.startswith(_BARE_NATIONAL_START))
            ):
                return True
    return False


def _header_follows(reading: Reading, i: int) -> bool:
    """A Quốc hiệu further down (after a table set before the header) is the header's
    when the Tiêu ngữ stands next to it."""
    ps = reading.ps
    near = [j for j in range(i, min(len(ps), i + 4)) if ps[j].text.strip()]
    return any(bare_key(ps[j]).find(_BARE_MOTTO) >= 0 for j in near)


def _after_leading_tables(reading: Reading) -> int:
    """Where the document starts once the tables put before its header (a table of
    contents, a box of notes: anything without the Quốc hiệu) are skipped."""
    ps, tables = reading.ps, reading.view.tables

    def outer(t: int) -> int:
        while t < len(tables) and tables[t].parent is not None:
            t = tables[t].parent  # type: ignore[assignment]
        return t

    i, n = 0, len(ps)
    while i < n:
        p = ps[i]
        if p.table is None:
            if p.text.strip():
                return i
            i += 1
            continue
        t, j = outer(p.table), i
        while j < n and ps[j].table is not None and outer(ps[j].table) == t:  # type: ignore[arg-type]
            j += 1
        if _national_in(reading, [k for k in range(i, j) if ps[k].text.strip()][:25]) is not None:
            return i  # this table is the header
        i = j
    return n


def find_national(reading: Reading) -> int | None:
    """The paragraph of the Quốc hiệu (see :func:`_find_national`); when there is none among
    the first lines, the one after the tables put before the header (a table of contents, a
    box of notes) that do not hold it."""
    found = _find_national(reading)
    if found is None:
        ps = reading.ps
        start = _after_leading_tables(reading)
        top = [i for i in range(start, min(start + 60, len(ps))) if ps[i].text.strip()]
        found = _national_in(reading, top)
    return found


def _national_in(reading: Reading, top: list[int]) -> int | None:
    return next((i for i in top[:25] if is_national_line(reading.ps[i].text)), None)


def first_text(reading: Reading) -> int | None:
    """The first paragraph with text among the first lines."""
    return next((i for i, p in enumerate(reading.ps[:60]) if p.text.strip()), None)


def read_header(reading: Reading, n: int) -> Header:
    """Read the header around the Quốc hiệu at paragraph ``n``."""
    ps = reading.ps
    bare = reading.unmarked
    nat = ps[n]
    parts = pieces(nat.text)
    if parts and "XA HOI CHU NGHIA" not in bare_key(parts[0]):
        return _read_tabbed(reading, n)
    h = Header(national=n, in_table=nat.table is not None)
    if nat.table is not None:
        region = [i for i, p in enumerate(ps) if p.table == nat.table]
        split = nat.cell or 0

        def is_left(i: int) -> bool:
            return split > 0 and (ps[i].cell or 0) < split

    else:
        start = max(0, n - 8)
        region = list(range(start, _free_header_end(reading, n) + 1))

        def is_left(i: int) -> bool:
            return True

    h.region, h.end = region, region[-1]
    texts = [i for i in region if ps[i].text.strip()]
    h.left = [i for i in texts if is_left(i)]
    h.right = [i for i in texts if not is_left(i)] or list(texts)
    h.motto = next(
        (i for i in h.right if bare_key(ps[i]).startswith(_BARE_MOTTO)),
        n if _BARE_MOTTO in bare_key(nat) else None,
    )
    # The lines: drawn in the left or right column, or floating near the header (a pool
    # either column may take from).
    lines_left = [i for i in region if is_left(i) and has_line(ps[i])]
    lines_right = [i for i in region if not is_left(i) and has_line(ps[i])]
    outside = [
        i
        for i in range(max(0, region[0] - 3), min(len(ps), h.end + 3))
        if i not in region and ps[i].shapes and not ps[i].text.strip()
    ]
    pool = sum(len(ps[i].shapes) for i in outside)
    # Several lines anchored in one paragraph: one is its own, the others may be anywhere.
    pool += sum(max(0, len(ps[i].shapes) - 1) for i in lines_left + lines_right)
    if nat.table is None:
        pool += len(lines_left)
        lines_left = []
    h.motto_lines = lines_right
    if not lines_right:
        h.motto_line = pool > 0
        pool = max(0, pool - 1)
    h.issuer_line = bool(lines_left) or pool > 0
    # Số, V/v, issuer, date
    h.number = next(
        (i for i in h.left or region if _numbered(ps[i], bare) and number_line(ps[i].text, bare)),
        None,
    )
    if h.number is None:
        h.number = next((i for i in region if number_line(ps[i].text, bare) is not None), None)
    h.subject = next(
        (i for i in (h.left or region) if opens(ps[i], ("v/v", "về việc"), bare)),
        None,
    )
    number = h.number
    h.issuer_lines = [
        i
        for i in h.left
        if (number is None or i < number or (ps[i].row or 0) < (ps[number].row or 0))
        and not is_underscores(ps[i].text)
        and rules.mark_text(ps[i].text) is None
        and not _numbered(ps[i], bare)
        and i not in (n, h.motto)
        and not _above_national(reading, i, n)
    ]
    if number is not None:
        parsed = number_line(" ".join(ps[number].text.split()), bare)
        h.symbol = parsed[1] if parsed else ""
    h.date = next(
        (i for i in h.right if holds(ps[i], ("ngày", "năm"), bare) and not _numbered(ps[i], bare)),
        None,
    )
    return h


def _numbered(p: ParaView | str, bare: bool) -> bool:
    """Whether a line opens with "Số"; in a document typed without marks, whether it is a
    "So: …/…" line (not "SO NOI VU", the issuer)."""
    if not bare:
        return key(p).startswith("Số")
    text = p if isinstance(p, str) else p.text
    return number_line(text, bare) is not None


def _free_header_end(reading: Reading, n: int) -> int:
    """The last line of a header typed as free paragraphs: the lines after the Quốc hiệu
    that belong to a header (Tiêu ngữ, Số, V/v, the date, a mark, a rule), up to the first
    that does not (the tên loại or the body)."""
    ps = reading.ps
    end = n
    for j in range(n + 1, min(len(ps), n + 8)):
        text = ps[j].text.strip()
        k = key(ps[j])
        bare = reading.unmarked
        header_line = (
            not text
            or is_underscores(text)
            or bare_key(ps[j]).startswith(_BARE_MOTTO)
            or _numbered(k, bare)
            or (holds(k, ("ngày", "năm"), bare) and len(k) < 80)
            or opens(k, ("v/v", "về việc"), bare)
            or rules.mark_text(text) is not None
        )
        if not header_line:
            break
        if text:
            end = j
    return end


def read_header_without_national(reading: Reading, number: int | None) -> Header:
    """The header of a document without Quốc hiệu, read from its Số line (``number``): the
    table or the lines holding it and the date next to it; without a Số line, an empty
    header before the first text (the tên loại may open the document)."""
    ps = reading.ps
    first = first_text(reading) or 0
    if number is None:
        return Header(national=first, national_found=False, region=[], end=first - 1)
    nat = ps[number]
    h = Header(national=number, national_found=False, in_table=nat.table is not None)
    if nat.table is not None:
        region = [i for i, p in enumerate(ps) if p.table == nat.table]
        cells = {ps[i].cell or 0 for i in region}
        h.left = [i for i in region if ps[i].text.strip() and (ps[i].cell or 0) == min(cells)]
        h.right = [i for i in region if ps[i].text.strip() and i not in h.left]
    else:
        texts = [i for i in range(first, min(len(ps), number + 6)) if ps[i].text.strip()]
        after = [i for i in texts if i > number][:2]
        dated = [i for i in after if _date_line(key(ps[i]))]
        region = list(range(first, (dated[-1] if dated else number) + 1))
        h.left = [i for i in region if ps[i].text.strip()]
        h.right = list(dated)
    h.region, h.end = region, region[-1]
    h.number = number
    parsed = rules.parse_number_line(" ".join(nat.text.split()))
    h.symbol = parsed[1] if parsed else ""
    h.type_line = next(
        (i for i in h.left if i < number and rules.heading_doc_type(ps[i].text) is not None), None
    )
    h.issuer_lines = [
        i
        for i in h.left
        if i < number
        and i != h.type_line
        and not is_underscores(ps[i].text)
        and rules.mark_text(ps[i].text) is None
    ]
    h.subject = next((i for i in h.left if key(ps[i]).lower().startswith(("v/v", "về việc"))), None)
    h.date = next((i for i in h.right if _date_line(key(ps[i]))), None)
    return h


def _date_line(text: str) -> bool:
    """A line that is a place and date ("Hà Nội, ngày … tháng … năm …"), not prose citing one."""
    low = text.lower()
    return len(text) < 80 and all(w in low for w in ("ngày", "tháng", "năm"))


def find_number_line(reading: Reading) -> int | None:
    """The "Số: …/…" line among the first lines of a document without Quốc hiệu."""
    ps = reading.ps
    top = [i for i, p in enumerate(ps[:80]) if p.text.strip()][:20]
    return next(
        (
            i
            for i in top
            if key(ps[i]).startswith("Số") and rules.parse_number_line(ps[i].text) is not None
        ),
        None,
    )


def _above_national(reading: Reading, i: int, n: int) -> bool:
    """Whether paragraph *i* is a box above the Quốc hiệu (the phạm vi lưu hành, ô 11),
    not the issuer: a row of the header table above the Quốc hiệu's row, a box of its own
    (another table, or a paragraph boxed on all sides) before it, or vanban's mark style.
    """
    p, nat = reading.ps[i], reading.ps[n]
    if p.style_id == rules.MARK_STYLE or p.style_name == rules.MARK_STYLE:
        return True
    if p.table is not None and p.table == nat.table:
        return (p.row or 0) < (nat.row or 0)
    boxed = p.table is not None or {"top", "bottom", "left", "right"} <= set(p.borders)
    return i < n and boxed


def _read_tabbed(reading: Reading, n: int) -> Header:
    """A header typed with tabs and spaces, without a table: its pieces of text."""
    ps = reading.ps
    h = Header(national=n, tabbed=True)
    h.region = list(range(max(0, n - 2), min(len(ps), n + 6)))
    for i in h.region:
        for piece in pieces(ps[i].text):
            text = key(piece)
            h.pieces.append((i, piece))
            parsed = rules.parse_number_line(piece)
            if h.number is None and parsed:
                h.number = i
                h.number_piece = len(h.pieces) - 1
                h.symbol = parsed[1]
            elif h.date is None and "ngày" in text and "năm" in text and "tháng" in text:
                h.date = i
                h.date_piece = len(h.pieces) - 1
    end = h.number if h.number is not None else n + 1
    k = end + 1
    while k < len(ps) and ps[k].text.strip():
        if key(ps[k]).lower().startswith(("v/v", "về việc")):
            h.subject = k
        elif h.subject is None:
            break
        end = k
        k += 1
    h.end = end
    h.motto_line = any(
        ps[i].shapes or ps[i].borders or is_underscores(ps[i].text)
        for i in range(max(0, n - 2), end + 2)
    )
    return h

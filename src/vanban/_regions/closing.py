"""The closing (ô 7–9b, 12): the Nơi nhận block by its label, the signer blocks by their
content (quyền hạn, chức vụ, name), and where the body ends and phụ lục or an issued text
begin."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban._regions.paragraphs import all_runs, is_underscores, key, opens, upper
from vanban._regions.state import Reading
from vanban.nd30 import recipients, rules

#: A phụ lục heading: "PHỤ LỤC", "Phụ lục II", "PHỤ LỤC 2."…
APPENDIX_RE = re.compile(r"^(PHỤ LỤC|Phụ lục)(\s+([IVXLC]+|\d+|[A-Z]))?\b\.?")
#: The Quốc hiệu, by which the header table of an issued text (Mẫu 1.3) is found.
_NATIONAL = "XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: How the recipients' label and the archive line start, in lower case ("nơi nhận", "lưu").
LABEL_WORD = recipients.LABEL.rstrip(":").lower()
ARCHIVE_WORD = recipients.ARCHIVE_LABEL.rstrip(":").lower()


@dataclass
class Signer:
    """One signer block (one column of the signature): its lines, the title lines in
    capitals (quyền hạn, chức vụ) and the name."""

    lines: list[int]
    titles: list[int]
    name: int | None


@dataclass
class Closing:
    """Where the body ends, the Nơi nhận, the signers, and what follows the signature."""

    #: The first paragraph after the body (Nơi nhận or signer table).
    end: int
    #: Where phụ lục or an issued text begin (``len(paragraphs)`` when neither).
    appendix: int
    #: The header tables of the texts a Quyết định issues (Mẫu 1.3), by their first paragraph.
    attached: list[int] = field(default_factory=list)
    #: The "Nơi nhận:" label, its item paragraphs, and its lines as (paragraph, text,
    #: automatically numbered); ``archive`` indexes the "Lưu" line among them.
    label: int | None = None
    items: list[int] = field(default_factory=list)
    lines: list[tuple[int, str, bool]] = field(default_factory=list)
    archive: int | None = None
    signers: list[Signer] = field(default_factory=list)


def read_closing(reading: Reading, start: int) -> Closing:
    """Read what follows the body, which starts after paragraph ``start``."""
    ps = reading.ps
    appendix = next(
        (
            i
            for i in range(start + 1, len(ps))
            if APPENDIX_RE.match(ps[i].text.strip())
            and ps[i].table is None
            and ps[i].alignment == "center"
            and (ps[i].section > 0 or ps[i].page_break or _after_break(reading, i))
        ),
        len(ps),
    )
    attached = _attached_text(reading, start)
    c = Closing(end=appendix, appendix=min(appendix, attached[0] if attached else len(ps)))
    c.attached = attached
    appendix = c.appendix
    label = next(
        (i for i in range(start + 1, appendix) if opens(ps[i], LABEL_WORD, reading.unmarked)),
        None,
    )
    c.label = label
    end = appendix
    if label is not None:
        lp = ps[label]
        end = label
        if lp.table is not None:
            end = next(i for i, p in enumerate(ps) if p.table == lp.table)
        _read_recipients(reading, c, label, appendix)
    signer_area = [
        i for i in range(end, appendix) if ps[i].text.strip() and not _in_recipients(reading, c, i)
    ]
    if label is None:
        # No "Nơi nhận": the signer block is the last group of UPPERCASE bold lines.
        tail = [i for i in range(start + 1, appendix) if ps[i].text.strip()]
        signer_start = None
        for i in reversed(tail[-8:]):
            found = ps[signer_start].table if signer_start is not None else None
            if found is not None and ps[i].table != found:
                break  # the signatures' table began: a heading above it ("III. KẾT LUẬN") is body
            if upper(ps[i].text) and all_runs(ps[i], "bold") and len(ps[i].text) < 60:
                signer_start = i
        if signer_start is not None:
            end = (
                signer_start
                if ps[signer_start].table is None
                else next(i for i, p in enumerate(ps) if p.table == ps[signer_start].table)
            )
            signer_area = [i for i in range(end, appendix) if ps[i].text.strip()]
    c.end = end
    c.signers = _read_signers(reading, signer_area)
    return c


def _attached_text(reading: Reading, start: int) -> list[int]:
    """Where the text a Quyết định issues begins (Mẫu 1.3): a header table with the Quốc
    hiệu in a later section, after the signature."""
    ps = reading.ps
    for i in range(start + 1, len(ps)):
        p = ps[i]
        if p.section > 0 and p.table is not None and _NATIONAL in key(p).upper():
            return [next(j for j in range(len(ps)) if ps[j].table == p.table)]
    return []


def _after_break(reading: Reading, i: int) -> bool:
    """Whether a page break comes right before paragraph *i* (in it or in the two before)."""
    return any(reading.ps[j].page_break for j in range(max(0, i - 2), i + 1))


def _in_recipients(reading: Reading, c: Closing, i: int) -> bool:
    if c.label is None:
        return False
    lp, p = reading.ps[c.label], reading.ps[i]
    if lp.table is not None:
        return p.table == lp.table and p.cell == lp.cell
    return i in c.items


def _read_recipients(reading: Reading, c: Closing, label: int, stop: int) -> None:
    ps = reading.ps
    lp = ps[label]
    if lp.table is not None:
        items = [
            i for i in range(label + 1, stop) if ps[i].table == lp.table and ps[i].cell == lp.cell
        ]
    else:
        items = []
        for i in range(label + 1, stop):
            t = ps[i].text.strip()
            if not t:
                if items:
                    break
                continue
            if ps[i].table is not None:
                break
            if (
                t.startswith(("-", "+", "–"))
                or ps[i].numbered
                or opens(t, ARCHIVE_WORD, reading.unmarked)
            ):
                items.append(i)
            elif items and (len(t) <= 20 or (_open(ps[items[-1]].text) and len(t) <= 150)):
                items.append(i)  # drafter's mark, or a recipient carried onto a second line
            else:
                break
    c.items = items
    lines: list[tuple[int, str, bool]] = []
    if lp.table is not None or "\t" not in ps[label].text:
        # "Nơi nhận:" and its list typed in one paragraph, with line breaks
        for piece in ps[label].text.split("\n")[1:]:
            if piece.strip():
                lines.append((label, " ".join(piece.split()), False))
    for i in items:
        for piece in ps[i].text.split("\n"):
            piece = piece.split("\t")[0]
            if piece.strip():
                lines.append((i, " ".join(piece.split()), ps[i].numbered))
    c.lines = _joined(lines)
    c.archive = max(
        (
            k
            for k, (_, t, _) in enumerate(lines)
            if opens(t.lstrip("-+– "), ARCHIVE_WORD, reading.unmarked)
        ),
        default=None,
    )


def _open(text: str) -> bool:
    """Whether a recipient line is left open: it ends without ";", "." or "," (its recipient
    goes on in the next line)."""
    return bool(text.strip()) and not text.rstrip().endswith((";", ".", ",", ":"))


def _joined(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """The recipient lines with a recipient typed over two paragraphs (or lines) made one:
    a line without a dash after an open line carries it on; the line stays where it starts."""
    out: list[tuple[int, str, bool]] = []
    for i, t, numbered in lines:
        carried = not numbered and not t.startswith(("-", "+", "–"))
        if out and carried and _open(out[-1][1]) and not key(t).lower().startswith(ARCHIVE_WORD):
            j, before, was_numbered = out[-1]
            out[-1] = (j, f"{before} {t}", was_numbered)
            continue
        out.append((i, t, numbered))
    return out


def _read_signers(reading: Reading, area: list[int]) -> list[Signer]:
    ps = reading.ps
    groups: dict[tuple[object, ...], list[int]] = {}
    for i in area:
        p = ps[i]
        group = (p.table, p.cell) if p.table is not None else ("free",)
        groups.setdefault(group, []).append(i)
    signers: list[Signer] = []
    home: object = ()  # the table (or None: free lines) of the first named signer
    for members in groups.values():
        table = ps[members[0]].table
        if home != () and table != home:
            break  # a table after the signature (a phụ lục's data) holds no signer
        if table is not None and _data_table(reading, table):
            continue
        lines = [
            i
            for i in members
            if not ps[i].text.strip().startswith(("(", "["))
            and not is_underscores(ps[i].text)
            and rules.mark_text(ps[i].text) is None
        ]
        titles = [i for i in lines if upper(ps[i].text) and len(ps[i].text.strip()) < 80]
        if not titles:
            continue
        signer = Signer(lines, titles, _signer_name(reading, lines, titles))
        signers.append(signer)
        if signer.name is not None and home == ():
            home = table
    return signers


#: A table this large is data (a phụ lục's table), not a signature's grid.
_SIGNATURE_GRID = (6, 4)


def _data_table(reading: Reading, table: int) -> bool:
    """Whether a table is a table of data, not the grid of a signature or the Nơi nhận:
    more rows or columns than a signature takes, and no "Nơi nhận:" in it."""
    tables = reading.view.tables
    if table >= len(tables):
        return False
    t = tables[table]
    if t.rows <= _SIGNATURE_GRID[0] and len(t.grid) <= _SIGNATURE_GRID[1]:
        return False
    return not any(p.table == table and opens(p, LABEL_WORD, reading.unmarked) for p in reading.ps)


def _signer_name(reading: Reading, lines: list[int], titles: list[int]) -> int | None:
    """The signer's name in one signer column (ô 7b).

    By its style when the document names it (vanban's VBSignerName); else by content: the
    first line after the titles that is not in capitals, preferring one after the room
    for the signature (empty paragraphs or a large space before it). Other titles printed
    under the name (in capitals) are titles, not the name.
    """
    ps = reading.ps
    styled = [i for i in lines if rules.SIGNER_NAME_STYLE in (ps[i].style_id, ps[i].style_name)]
    if styled:
        return styled[0]
    candidates = [
        i
        for i in lines
        if i > titles[0]
        and i not in titles
        and len(ps[i].text.strip()) < 40
        and ":" not in ps[i].text
        and not ps[i].text.strip().startswith(("-", "+", "–"))
        and ps[i].text.strip()[:1].isupper()
    ]

    def after_signature_room(i: int) -> bool:
        return ps[i].space_before >= rules.SIGNATURE_ROOM_MIN or (
            i > 0 and not ps[i - 1].text.strip() and not ps[i - 1].shapes
        )

    roomy = [i for i in candidates if after_signature_room(i)]
    if roomy:
        return roomy[0]
    after_titles = [i for i in lines if i > titles[-1]]
    return next((i for i in candidates if i in after_titles[:3]), None) or next(
        iter(candidates[:1]), None
    )

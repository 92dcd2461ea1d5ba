"""The body (ô 6, 9a): Kính gửi and its addressees, the authority line and căn cứ of a
Quyết định, and the paragraphs of the content up to the closing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban._docx_reader import ParaView
from vanban._regions.paragraphs import all_runs, centred, key, opens, upper
from vanban._regions.state import Reading
from vanban.nd30 import recipients, wording
from vanban.nd30.doctypes import DOC_TYPES

#: The Kính gửi label (ô 9a) without its colon, as the reader compares it: "kính gửi".
_KINH_GUI = recipients.ADDRESSEES_LABEL.rstrip(":")

#: Two indents within this many twips (1 mm) start at the same place.
_SAME_INDENT = 57
#: An addressee line is no longer than this (a body paragraph is).
_ADDRESSEE_MAX = 150
#: How a body paragraph, not an addressee, opens.
_BODY_OPENINGS = ("căn cứ", "thực hiện", "theo ", "ngày ", "để ", "nhằm ", "trên cơ sở")
#: A figure's or table's caption ("Hình 1.", "Bảng 2:", "Biểu đồ 3 -"): not a paragraph of
#: the content for its size, indent and spacing.
CAPTION_RE = re.compile(
    r"^(Hình|Bảng|Biểu đồ|Biểu|Sơ đồ|Hộp|Ảnh)\s+(\d+|[IVX]+)([.\d]*)\s*[.:\-–)]", re.IGNORECASE
)
_CAPTION_STYLES = ("caption", "chú thích")


def is_caption(p: ParaView) -> bool:
    """Whether a paragraph is a caption: the Caption style, or a short line "Hình 1. …"."""
    style = (p.style_name or p.style_id or "").lower()
    text = " ".join(p.text.split())
    return style in _CAPTION_STYLES or (len(text) <= 200 and CAPTION_RE.match(text) is not None)


@dataclass
class Body:
    """The parts of the body, by paragraph index."""

    #: "Kính gửi" as a line of its own, or in a cell of the header table.
    kinh_gui: int | None = None
    kinh_gui_in_table: int | None = None
    addressees: list[int] = field(default_factory=list)
    #: The căn cứ lines (and "Theo đề nghị …") before the content.
    basis: list[int] = field(default_factory=list)
    #: The căn cứ lead into an issuing line ("QUYẾT ĐỊNH:"), or are set in italics.
    issuing: bool = False
    typed_as_basis: bool = False
    #: The paragraphs of the content (outside tables and text boxes), căn cứ included.
    paragraphs: list[int] = field(default_factory=list)


def read_body(
    reading: Reading, start: int, end: int, *, doc_type: str | None, subject: int | None
) -> Body:
    """Read the body between the heading (``start``) and the closing (``end``)."""
    ps = reading.ps
    b = Body()
    idx = [i for i in range(start + 1, end) if ps[i].text.strip() and ps[i].table is None]
    idx = [i for i in idx if i != subject]
    # Kính gửi: a line of its own, or a cell of the header table; a greeting ("Kính gửi các
    # thầy giáo, cô giáo!" of a Thư công) is not one.
    facts = DOC_TYPES.get(doc_type or "")
    greeting = facts is not None and facts.greeting
    b.kinh_gui = next(
        (i for i in idx[:6] if not greeting and opens(ps[i], _KINH_GUI.lower(), reading.unmarked)),
        None,
    )
    in_table = next(
        (
            i
            for i in range(max(0, start - 30), min(end, start + 12))
            if ps[i].table is not None and opens(ps[i], _KINH_GUI.lower(), reading.unmarked)
        ),
        None,
    )
    if b.kinh_gui is None and in_table is not None:
        b.kinh_gui_in_table = in_table
        row = (ps[in_table].table, ps[in_table].row)
        b.addressees = [
            i
            for i in range(in_table + 1, min(len(ps), in_table + 40))
            if (ps[i].table, ps[i].row) == row and ps[i].text.strip().startswith(("-", "–"))
        ]
    elif b.kinh_gui is not None:
        kg = b.kinh_gui
        t = " ".join(ps[kg].text.split())
        k = idx.index(kg) + 1
        # The addressee lines: none after a one-line "Kính gửi: <name>"; otherwise the
        # dash lines that start where the first does (a body list starts elsewhere).
        rest = t.partition(":")[2].strip() if ":" in t else t[len(_KINH_GUI) :].strip()
        # Lines that carry on a list the line before leaves open ("Kính gửi:", "…;") are
        # addressees too, with or without a dash (a name typed under the one after the colon).
        x = (ps[idx[k]].left_indent + ps[idx[k]].first_line) if k < len(idx) else 0
        before = t
        while k < len(idx):
            line = " ".join(ps[idx[k]].text.split())
            dashed = (
                (not rest or rest.startswith(("-", "–")))
                and line.startswith(("-", "–", "+"))
                and abs(ps[idx[k]].left_indent + ps[idx[k]].first_line - x) <= _SAME_INDENT
            )
            carried = (
                before.endswith((":", ";", ","))
                and len(line) <= _ADDRESSEE_MAX
                and not key(line).lower().startswith(_BODY_OPENINGS)
            )
            if not (dashed or carried):
                break
            before = line
            k += 1
        b.addressees = idx[idx.index(kg) + 1 : k]
        idx = idx[k:]
    # The authority line of a Quyết định (in capitals, or centred), then the căn cứ block
    while idx and (upper(ps[idx[0]].text) or ps[idx[0]].alignment == "center"):
        idx = idx[1:]
    basis: list[int] = []
    for i in idx:
        bare = reading.unmarked
        if opens(ps[i], "căn cứ", bare) or (
            basis and opens(ps[i], ("theo đề nghị", "xét đề nghị"), bare)
        ):
            basis.append(i)
        else:
            break
    basis += _typed_on(ps, [i for i in idx if basis and i > basis[-1]])
    after = next((i for i in idx if i > basis[-1]), None) if basis else None
    b.issuing = (
        after is not None
        and upper(ps[after].text)
        and ps[after].text.strip().endswith(":")
        and len(ps[after].text.strip()) < 30
        and centred(ps[after])
    )
    # A căn cứ block is the one before "QUYẾT ĐỊNH:" (or the like); set in italics it is
    # one too (a Kế hoạch's). Prose that starts with "Căn cứ" is neither.
    b.typed_as_basis = any(all_runs(ps[i], "italic") for i in basis)
    if b.typed_as_basis and not b.issuing:
        while basis and not all_runs(ps[basis[-1]], "italic"):
            basis.pop()  # prose after the italic block ("Căn cứ đề nghị …, như sau:")
    b.basis = basis
    # Text in text boxes (a stamp, a chart's labels) is read, not measured as the content.
    b.paragraphs = [i for i in idx if not ps[i].text_box]
    return b


def _typed_on(ps: list[ParaView], rest: list[int]) -> list[int]:
    """The căn cứ typed on without their word ("Nghị định số …;") up to an issuing line
    ("QUYẾT ĐỊNH:") a few lines on: they belong to the block (the rule on their opening
    judges them); without an issuing line nothing is added."""
    for k, i in enumerate(rest[:6]):
        if wording.issuing_word(ps[i].text) is not None:
            return rest[:k]
        if upper(ps[i].text):
            return []
    return []

"""How a reader looks at one paragraph: its text runs, sizes, emphasis, capitals, lines.

Shared by the region reader and the rules that judge the regions (:mod:`vanban._checks`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from vanban._docx_reader import ParaView
from vanban.nd30 import doctypes, rules

#: Sizes within this many points count as equal.
SIZE_TOLERANCE = 0.01


def text_runs(p: ParaView) -> list[Any]:
    """The runs that carry letters or digits (not footnote marks, not raised or lowered)."""
    return [
        r
        for r in p.runs
        if any(c.isalnum() for c in r.text) and not r.is_footnote_ref and not r.vert_align
    ]


def sizes(p: ParaView) -> list[float]:
    """The font sizes of the paragraph's text, in points, ascending."""
    return sorted({r.size_pt for r in text_runs(p)})


def all_runs(p: ParaView, attr: str) -> bool:
    """Whether every text run has ``attr`` (``"bold"``, ``"italic"``…), and there is one."""
    runs = [r for r in text_runs(p) if any(c.isalnum() for c in r.text)]
    return bool(runs) and all(getattr(r, attr) for r in runs)


def key(p: ParaView | str) -> str:
    """The text compared with the decree's (:func:`vanban.nd30.rules.comparable`)."""
    return rules.comparable(p if isinstance(p, str) else p.text)


def upper(text: str) -> bool:
    """Whether the text has letters and none of them is lower case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def is_underscores(text: str) -> bool:
    """A rule typed as a row of underscores or dashes."""
    s = text.strip()
    return len(s) >= 3 and set(s) <= {"_", "-", "—", "–", " "} and s.count("_") + s.count("-") >= 3


def has_line(p: ParaView) -> bool:
    """Whether a line is drawn in or under the paragraph (shape, border, underscores)."""
    return (
        "line" in p.shapes
        or "shape" in p.shapes
        or "bottom" in p.borders
        or ("top" in p.borders and not p.text.strip())
        or is_underscores(p.text)
    )


def centred(p: ParaView) -> bool:
    """Centred as the reader sees it: centre alignment, or a tab to a centre tab stop."""
    if p.alignment == "center":
        return True
    return p.text.startswith("\t") and any(kind == "center" for kind, _ in p.tabs)


def pieces(text: str) -> list[str]:
    """The parts of a line laid out with tabs or runs of spaces (a header typed without a table).

    Blanks left for the văn thư ("Số:      /", "ngày      tháng") are not separators.
    """
    text = re.sub(r"(Số(?:\s*:)?)\s+/", r"\1 /", text)  # not "\s*:?\s+": quadratic on blanks
    text = re.sub(r"(ngày|tháng)[ \u00a0]+", r"\1 ", text)
    return [x.strip() for x in re.split(r"\t|\s{3,}", text) if x.strip()]


def first_line_runs(p: ParaView) -> ParaView:
    """The paragraph cut at its first line break (a label followed by its list in one paragraph)."""
    if "\n" not in p.text.strip() and "\t" not in p.text.strip():
        return p
    runs = []
    for r in p.runs:
        cut = re.split(r"[\n\t]", r.text, maxsplit=1)
        if cut[0]:
            runs.append(r if len(cut) == 1 else replace(r, text=cut[0]))
        if len(cut) > 1 and runs and any(c.isalnum() for run in runs for c in run.text):
            break
    return replace(p, runs=runs, text="".join(r.text for r in runs))


def after_first_line(p: ParaView) -> ParaView:
    """The paragraph from its first line break on (the Tiêu ngữ typed in the Quốc hiệu's
    paragraph after a line break); the text before the break is dropped."""
    if "\n" not in p.text:
        return replace(p, runs=[], text="")
    runs = []
    seen = False
    for r in p.runs:
        if seen:
            runs.append(r)
        elif "\n" in r.text:
            seen = True
            tail = r.text.split("\n", 1)[1]
            if tail:
                runs.append(replace(r, text=tail))
    return replace(p, runs=runs, text="".join(r.text for r in runs))


def before_first_break(p: ParaView) -> ParaView:
    """The paragraph up to its first line break (the Quốc hiệu of a paragraph that holds the
    Tiêu ngữ after a line break); the paragraph itself when it has none."""
    if "\n" not in p.text.strip():
        return p
    runs = []
    for r in p.runs:
        head, cut, _ = r.text.partition("\n")
        if head:
            runs.append(replace(r, text=head) if cut else r)
        if cut and "".join(x.text for x in runs).strip():
            break
    return replace(p, runs=runs, text="".join(r.text for r in runs))


def bare_key(p: ParaView | str) -> str:
    """The compared text without Vietnamese marks, in capitals: how a line typed without
    diacritics or in lower case is still recognised."""
    return rules.without_marks(key(p)).upper()


def in_range(values: list[float], lo: float, hi: float) -> bool:
    """Whether every size is within ``lo``–``hi`` points."""
    return all(lo - SIZE_TOLERANCE <= s <= hi + SIZE_TOLERANCE for s in values)


def typed_without_marks(texts: list[str]) -> bool:
    """Whether a document is typed without Vietnamese marks ("CONG HOA XA HOI…", "Noi nhan:"):
    enough letters, and (almost) none of them carries a mark. Its labels are then compared
    without marks, so that it is read like the others and reported for the marks only.

    >>> typed_without_marks(["Ke hoach to chuc hoi nghi tap huan nghiep vu van thu nam 2026"])
    True
    >>> typed_without_marks(["Kế hoạch tổ chức hội nghị tập huấn nghiệp vụ văn thư năm 2026"])
    False
    """
    letters = [c for t in texts for c in t if c.isalpha()]
    if len(letters) < 40:
        return False
    marked = sum(1 for c in letters if rules.without_marks(c) != c)
    return marked <= len(letters) // 100


def label_text(p: ParaView | str, unmarked: bool = False) -> str:
    """The compared text in lower case, for finding a line by its label ("kính gửi",
    "nơi nhận"); without marks in a document typed without them (see :func:`opens`)."""
    low = key(p).lower()
    return rules.without_marks(low) if unmarked else low


def opens(p: ParaView | str, words: str | tuple[str, ...], unmarked: bool = False) -> bool:
    """Whether a line opens with one of the labels ``words`` (lower case), compared without
    marks in a document typed without them ("Noi nhan:" is the "Nơi nhận:" label there).

    >>> opens("Noi nhan:", "nơi nhận"), opens("Noi nhan:", "nơi nhận", unmarked=True)
    (False, True)
    """
    wanted = (words,) if isinstance(words, str) else words
    if unmarked:
        wanted = tuple(rules.without_marks(w) for w in wanted)
    return label_text(p, unmarked).startswith(wanted)


def holds(p: ParaView | str, words: tuple[str, ...], unmarked: bool = False) -> bool:
    """Whether a line holds every one of ``words`` (lower case), compared as :func:`opens`.

    >>> holds("Ninh Binh, ngay 09 thang 3 nam 2026", ("ngày", "năm"), unmarked=True)
    True
    """
    text = label_text(p, unmarked)
    return all((rules.without_marks(w) if unmarked else w) in text for w in words)


def number_line(text: str, unmarked: bool = False) -> tuple[str, str] | None:
    """The number and ký hiệu of a "Số: …/…" line (:func:`vanban.nd30.rules.parse_number_line`);
    in a document typed without marks, of a "So: …/…" line too.

    >>> number_line("So: 12/KH-SNV"), number_line("So: 12/KH-SNV", unmarked=True)
    (None, ('12', 'KH-SNV'))
    """
    parsed = rules.parse_number_line(text)
    if parsed is None and unmarked:
        bare = text.lstrip()
        if bare[:2] in ("So", "SO"):
            parsed = rules.parse_number_line("Số" + bare[2:])
    return parsed


def heading_type(text: str, unmarked: bool = False) -> doctypes.DocType | None:
    """The document type a heading line names (:func:`vanban.nd30.rules.heading_doc_type`);
    in a document typed without marks, compared without them ("KE HOACH" is a Kế hoạch).

    >>> heading_type("KE HOACH"), heading_type("KE HOACH", unmarked=True).key
    (None, 'ke_hoach')
    """
    found = rules.heading_doc_type(text)
    if found is not None or not unmarked:
        return found
    bare = rules.without_marks(rules.comparable(text)).upper()
    if bare.endswith(":"):
        return None
    best: doctypes.DocType | None = None
    for t in doctypes.DOC_TYPES.values():
        name = rules.without_marks(rules.comparable(t.heading)).upper()
        if (bare == name or bare.startswith(name + " ")) and (
            best is None or len(t.heading) > len(best.heading)
        ):
            best = t
    return best

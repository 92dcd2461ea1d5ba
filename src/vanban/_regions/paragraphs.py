"""How a reader looks at one paragraph: its text runs, sizes, emphasis, capitals, lines.

Shared by the region reader and the rules that judge the regions (:mod:`vanban._checks`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from vanban._docx_reader import ParaView
from vanban.nd30 import rules

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

"""Nơi nhận (ô 9b; Phụ lục I, II.9; nd30.md §9).

The label "Nơi nhận:" stands alone, 12 pt bold italic, level with the first signer line.
Each recipient (or group) is one line, 11 pt, starting with "-" and ending with ";"; the
last line is "Lưu: VT, <drafting unit>[ (copies)]." and ends with ".". Users give the names;
the dash and the punctuation are the rule's, so they are added here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: The label of the recipients block, with its colon (II.9.d).
LABEL = "Nơi nhận:"
#: The archive (lưu) always starts with the văn thư (VT) (II.9.d).
ARCHIVE_FIRST = "VT"


def purpose_text(purpose: str | None) -> str:
    """A recipient's purpose as written after its name: in parentheses.

    >>> purpose_text("để p/h"), purpose_text("(b/c)"), purpose_text(None)
    (' (để p/h)', ' (b/c)', '')
    """
    if not purpose:
        return ""
    p = purpose.strip()
    if p.startswith("(") and p.endswith(")"):
        p = p[1:-1].strip()
    return f" ({p})"


def archive_line(
    units: Sequence[str] = (), copies: int | None = None, drafter: str | None = None
) -> str:
    """The last recipient line: "Lưu: VT, <units>[ (copies)][, <drafter code>]." (II.9.d; ô 12).

    The copy count, when given, follows the last unit in parentheses as in the decree's own
    list "Lưu: VT, HC (2)."; the drafter's code and number of copies issued (ô 12) close the
    line, as in the decree's example "PL.(300)".

    >>> archive_line(["NC"])
    'Lưu: VT, NC.'
    >>> archive_line(["HC"], copies=2)
    'Lưu: VT, HC (2).'
    >>> archive_line()
    'Lưu: VT.'
    >>> archive_line(["TCCB"], drafter="PL.(300)")
    'Lưu: VT, TCCB, PL.(300).'
    """
    parts = [ARCHIVE_FIRST, *(u.strip() for u in units if u.strip() and u.strip() != ARCHIVE_FIRST)]
    text = ", ".join(parts)
    if copies is not None:
        if copies < 1:
            raise ValueError(f"the number of copies kept must be at least 1, got {copies}")
        text += f" ({copies})"
    if drafter:
        text += f", {drafter.strip().rstrip('.')}"
    return f"Lưu: {text}."


def _strip_punct(text: str) -> str:
    return text.strip().lstrip("-–+•").strip().rstrip(";.,").rstrip()


def recipient_lines(items: Iterable[tuple[str, str | None]], archive: str) -> list[str]:
    """Every line of the list: "- " before each, ";" after each, "." after the Lưu line.

    Dashes or final punctuation the user typed are dropped first, so the result is the same
    whether or not they were typed.

    >>> recipient_lines([("TT Tỉnh ủy", None), ("Sở Y tế;", "để t/h")], archive_line(["NC"]))
    ['- TT Tỉnh ủy;', '- Sở Y tế (để t/h);', '- Lưu: VT, NC.']
    """
    lines = [f"- {_strip_punct(name)}{purpose_text(purpose)};" for name, purpose in items]
    lines.append(f"- {archive}")
    return lines

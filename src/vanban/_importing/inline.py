"""Runs of a Word paragraph as vanban's inline syntax: ``**đậm**``, ``*nghiêng*``,
``***đậm nghiêng***``; the characters the syntax reads (``*``, ``[``, ``]``, ``\\``) escaped.

Emphasis the layout gives the whole paragraph (a bold title, italic căn cứ) is not written:
``plain=True`` for those.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_ESCAPES = str.maketrans({"\\": "\\\\", "*": "\\*", "[": "\\[", "]": "\\]"})


def escape(text: str) -> str:
    """Text as the inline syntax reads it back unchanged.

    >>> escape("5 * 3 [x]")
    '5 \\\\* 3 \\\\[x\\\\]'
    """
    return text.translate(_ESCAPES)


def _marks(bold: bool, italic: bool) -> str:
    return "*" * ((2 if bold else 0) + (1 if italic else 0))


def runs_text(
    runs: Sequence[Any], *, plain: bool = False, notes: dict[int, str] | None = None
) -> str:
    """The paragraph's runs as inline text (footnote marks and hidden text left out).

    >>> from types import SimpleNamespace as R
    >>> runs_text([R(text="Giao ", bold=False, italic=False), R(text="Sở Nội vụ", bold=True,
    ...     italic=False), R(text=" chủ trì.", bold=False, italic=False)])
    'Giao **Sở Nội vụ** chủ trì.'
    """
    pieces: list[tuple[str, bool, bool]] = []
    for r in runs:
        if getattr(r, "is_footnote_ref", False) and notes is not None:
            note = getattr(r, "footnote_id", None)
            if note is not None:
                pieces.append((f"\0[^n{note}]", False, False))  # kept as a mark
                notes.setdefault(note, "")
            continue
        if getattr(r, "is_footnote_ref", False) or getattr(r, "hidden", False):
            continue
        text = r.text
        if not text:
            continue
        bold = bool(r.bold) and not plain
        italic = bool(r.italic) and not plain
        if pieces and pieces[-1][1:] == (bold, italic) and not pieces[-1][0].startswith("\0"):
            pieces[-1] = (pieces[-1][0] + text, bold, italic)
        else:
            pieces.append((text, bold, italic))
    out: list[str] = []
    for text, bold, italic in pieces:
        if text.startswith("\0"):
            out.append(text[1:])
            continue
        marks = _marks(bold, italic)
        core = text.strip()
        if not marks or not core or not any(c.isalnum() for c in core):
            out.append(escape(text))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{marks}{escape(core)}{marks}{trail}")
    return "".join(out)

"""Runs of a Word paragraph as vanban's inline syntax: ``**đậm**``, ``*nghiêng*``,
``***đậm nghiêng***``, ``H~2~O`` and ``m^3^``; the characters the syntax reads (``*``, ``[``,
``]``, ``~``, ``^``, ``\\``) escaped.

Emphasis the layout gives the whole paragraph (a bold title, italic căn cứ) is not written:
``plain=True`` for those.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_ESCAPES = str.maketrans({"\\": "\\\\", "*": "\\*", "[": "\\[", "]": "\\]", "~": "\\~", "^": "\\^"})
#: The marks of a lowered or raised run.
_SCRIPTS = {"subscript": "~", "superscript": "^"}


_LIGHT_ESCAPES = str.maketrans({"\\": "\\\\", "*": "\\*", "[": "\\[", "]": "\\]"})


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
    """The paragraph's runs as inline text; a "~" or "^" of the text is escaped only where
    it would otherwise be read as a script mark ("5~10" stays "5~10").

    >>> from types import SimpleNamespace as R
    >>> runs_text([R(text="từ 5~10 m", bold=False, italic=False)])
    'từ 5~10 m'
    """
    full = _runs_text(runs, plain=plain, notes=notes, escaper=escape)
    if "\\~" not in full and "\\^" not in full:
        return full
    light = _runs_text(runs, plain=plain, notes=None, escaper=_light)
    from vanban import _markup

    return light if _markup.parse(light) == _markup.parse(full) else full


def _light(text: str) -> str:
    return text.translate(_LIGHT_ESCAPES)


def _runs_text(
    runs: Sequence[Any],
    *,
    plain: bool,
    notes: dict[int, str] | None,
    escaper: Any,
) -> str:
    """The paragraph's runs as inline text (footnote marks and hidden text left out).

    >>> from types import SimpleNamespace as R
    >>> runs_text([R(text="Giao ", bold=False, italic=False), R(text="Sở Nội vụ", bold=True,
    ...     italic=False), R(text=" chủ trì.", bold=False, italic=False)])
    'Giao **Sở Nội vụ** chủ trì.'
    """
    pieces: list[tuple[str, bool, bool, str]] = []  # text, bold, italic, script mark
    for r in runs:
        if getattr(r, "is_footnote_ref", False) and notes is not None:
            note = getattr(r, "footnote_id", None)
            if note is not None:
                pieces.append((f"\0[^n{note}]", False, False, ""))  # kept as a mark
                notes.setdefault(note, "")
            continue
        if getattr(r, "is_footnote_ref", False) or getattr(r, "hidden", False):
            continue
        text = r.text
        if not text:
            continue
        bold = bool(r.bold) and not plain
        italic = bool(r.italic) and not plain
        script = _SCRIPTS.get(getattr(r, "vert_align", None) or "", "")
        last = pieces[-1] if pieces else None
        if last is not None and last[1:] == (bold, italic, script) and not last[0].startswith("\0"):
            pieces[-1] = (last[0] + text, bold, italic, script)
        else:
            pieces.append((text, bold, italic, script))
    # Runs of one emphasis form a group: its marks go around the group, the scripts inside.
    groups: list[tuple[bool, bool, list[tuple[str, str]]]] = []
    for text, bold, italic, script in pieces:
        if text.startswith("\0"):
            groups.append((False, False, [(text, "\0")]))
        elif groups and groups[-1][:2] == (bold, italic) and groups[-1][2][-1][1] != "\0":
            groups[-1][2].append((text, script))
        else:
            groups.append((bold, italic, [(text, script)]))
    out: list[str] = []
    for bold, italic, parts in groups:
        if parts[0][1] == "\0":
            out.append(parts[0][0][1:])
            continue
        whole = "".join(t for t, _ in parts)
        inner = "".join(
            f"{m}{escaper(t)}{m}" if m and t.strip() and " " not in t else escaper(t)
            for t, m in parts
        )
        marks = _marks(bold, italic)
        core = whole.strip()
        if not marks or not core or not any(c.isalnum() for c in core):
            out.append(inner)
            continue
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        out.append(f"{lead}{marks}{inner.strip()}{marks}{trail}")
    return "".join(out)

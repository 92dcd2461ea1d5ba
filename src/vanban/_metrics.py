"""Text metrics for Times New Roman: string widths and greedy line wrapping.

Widths come from :mod:`vanban._metrics_data` (advance widths of Liberation
Serif, which is metric-compatible with Times New Roman).  Everything here is
pure standard library.

All lengths are in twips (1/20 pt, 1/1440 inch; 567 twips ~ 1 cm).  Widths are
the plain sum of advance widths, as Word lays out text by default: no kerning,
ligatures or character spacing adjustments.

Characters that are not in the table are measured as follows:

* combining marks (categories Mn, Me), format characters (Cf, e.g. U+200B)
  and control characters (Cc, e.g. tab and newline) have width 0 -- tab stops
  are not modelled;
* any other character gets the width of its base letter after canonical (NFD)
  decomposition with combining marks stripped (e.g. "ǎ" is measured as "a"),
  or, if that base letter is not in the table either, the width of "n".

The width of each such character is computed once per face and cached.
The soft hyphen U+00AD is in the table but measures 0, because Word shows it
only at the end of a line and :func:`wrap` never breaks there.
"""

import bisect
import re
import unicodedata
from itertools import accumulate

from ._metrics_data import UNITS_PER_EM, WIDTHS

__all__ = ["longest_line_width", "text_width", "wrap"]

_TWIPS_PER_UNIT_AT_1PT = 20 / UNITS_PER_EM
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc"})
# A run of spaces (possibly empty) followed by a word.  Only U+0020 is a break
# opportunity: U+00A0 NO-BREAK SPACE is part of the word.  A match starts only where a run
# starts (not after a space): else a trailing run is rescanned from each of its spaces.
_WORD_RE = re.compile(r"(?<! )( *)([^ ]+)")


class _FaceWidths(dict[str, int]):
    """Character -> advance width in font units for one face.

    Missing characters are resolved by ``__missing__`` (see module docstring)
    and stored, so every lookup after the first is a plain dict hit.
    """

    __slots__ = ()

    def __missing__(self, ch: str) -> int:
        if unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES:
            width = 0
        else:
            base = unicodedata.normalize("NFD", ch)[:1]
            found = dict.get(self, base)
            width = dict.__getitem__(self, "n") if found is None else found
        self[ch] = width
        return width


_FACES: dict[tuple[bool, bool], _FaceWidths] = {
    (bold, italic): _FaceWidths((chr(cp), width) for cp, width in WIDTHS[name].items())
    for (bold, italic), name in {
        (False, False): "regular",
        (True, False): "bold",
        (False, True): "italic",
        (True, True): "bold_italic",
    }.items()
}
for _face_widths in _FACES.values():
    # The font gives U+00AD SOFT HYPHEN a width, but Word only shows it when it
    # ends a line (and wrap() never breaks there), so it measures 0 in text.
    _face_widths["\u00ad"] = 0
del _face_widths


def _face(bold: bool, italic: bool) -> _FaceWidths:
    return _FACES[bool(bold), bool(italic)]


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the advance width of *text* in twips, in Times New Roman.

    *text* is NFC-normalised first, so decomposed input measures the same as
    precomposed input.  *text* is treated as one line (control characters such
    as ``"\\n"`` have width 0); see :func:`wrap` for multi-line text.

    >>> text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    3427.67578125
    >>> round(3427.67578125 / 1440 * 2.54, 2)  # centimetres
    6.05
    >>> text_width("Đ", 14, bold=True) == text_width("D", 14, bold=True)
    True
    >>> text_width("n", 10)  # 1024/2048 em at 10 pt = 5 pt = 100 twips
    100.0
    >>> import unicodedata
    >>> nfd = unicodedata.normalize("NFD", "Việt Nam")
    >>> text_width(nfd, 13) == text_width("Việt Nam", 13)
    True
    >>> text_width("ǎ", 12) == text_width("a", 12)  # not in table: base letter
    True
    >>> text_width("\\u0301", 12)  # a lone combining mark adds nothing
    0.0
    >>> text_width("", 12)
    0.0
    """
    face = _face(bold, italic)
    units = sum(map(face.__getitem__, unicodedata.normalize("NFC", text)))
    return float(units * size_pt * _TWIPS_PER_UNIT_AT_1PT)


def _break_word(word: str, face: _FaceWidths, limit: float) -> tuple[list[str], str, int]:
    """Split an over-long *word* into pieces no wider than *limit* units.

    A base character and the combining marks after it are never separated,
    and each piece holds at least one character.  Returns the full pieces, the
    final (partial) piece and that final piece's width.
    """
    pieces: list[str] = []
    piece = ""
    piece_w = 0
    for ch in word:
        w = face[ch]
        if piece and piece_w + w > limit and not unicodedata.combining(ch):
            pieces.append(piece.rstrip(" "))
            piece, piece_w = "", 0
        piece += ch
        piece_w += w
    return pieces, piece, piece_w


def _wrap_units(text: str, limit: float, face: _FaceWidths) -> list[tuple[str, int]]:
    """Wrap NFC *text* at *limit* font units; return (line, width) pairs.

    Greedy, as Word does: a line takes every next word that still fits. The widths of a
    paragraph's characters are summed once (``acc[i]``: the width of its first ``i``), so a
    line's width is a difference, and its end is found by bisection and a search for the
    space before it, not word by word.
    """
    out: list[tuple[str, int]] = []
    for para in text.split("\n"):
        if not para.rstrip(" "):  # no word: an empty line
            out.append(("", 0))
            continue
        _wrap_paragraph(
            para, list(accumulate(map(face.__getitem__, para), initial=0)), limit, face, out
        )
    return out


def _wrap_paragraph(
    para: str, acc: list[int], limit: float, face: _FaceWidths, out: list[tuple[str, int]]
) -> None:
    """The lines of one paragraph with a word (no newline) into ``out``, as :func:`_wrap_units`
    wraps it; ``acc``: the widths of its characters summed (``acc[i]``: of the first ``i``)."""
    n = len(para)
    last_end = len(para.rstrip(" "))  # the end of the last word
    # Leading spaces only survive at the start of a paragraph, where Word keeps them.
    start = 0
    while True:
        word = n - len(para[start:].lstrip(" "))  # where the line's first word starts
        first_end = para.find(" ", word)
        if first_end < 0:
            first_end = n
        if acc[first_end] - acc[start] > limit:  # a word wider than a line is broken
            pieces, last, _ = _break_word(para[start:first_end], face, limit)
            out.extend((p, sum(map(face.__getitem__, p))) for p in pieces)
            start = first_end - len(last)
        # The furthest character that fits, then the end of the word at or before it.
        fits = bisect.bisect_right(acc, acc[start] + limit) - 1
        if fits >= last_end:
            end = last_end
        else:
            space = fits if para[fits] == " " else para.rfind(" ", start, fits)
            end = len(para[:space].rstrip(" ")) if space > first_end else first_end
        while end > first_end and acc[end] - acc[start] > limit:  # exact, in integers
            end = len(para[: para.rfind(" ", start, end)].rstrip(" "))
        out.append((para[start:end], acc[end] - acc[start]))
        if end >= last_end:
            break
        # Spaces at a break hang off the previous line.
        start = n - len(para[end:].lstrip(" "))


def _limit_units(width_twips: float, size_pt: float) -> float:
    if width_twips <= 0:
        raise ValueError(f"width_twips must be positive, not {width_twips!r}")
    if size_pt <= 0:
        raise ValueError(f"size_pt must be positive, not {size_pt!r}")
    return width_twips / (size_pt * _TWIPS_PER_UNIT_AT_1PT)


def wrap(
    text: str,
    width_twips: float,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> list[str]:
    """Wrap *text* into lines no wider than *width_twips*, like Word does.

    Greedy wrapping as Word and LibreOffice do it for a left-aligned or
    centred paragraph: lines break only at spaces (U+0020; a no-break space
    does not break), a line is as long as still fits, and the spaces at a
    break are dropped (they hang in the margin, so they do not count towards
    the width).  A word wider than a whole line starts a new line and is
    broken between characters.  ``"\\n"`` forces a break; an empty paragraph
    gives an empty line.  Lines are returned NFC-normalised, without trailing
    spaces; spaces between words inside a line are kept as they are.

    >>> wrap("Cộng hòa xã hội chủ nghĩa Việt Nam", 3000, 13)
    ['Cộng hòa xã hội chủ nghĩa', 'Việt Nam']
    >>> wrap("Kính gửi:\\nBộ Nội vụ", 8787, 14)
    ['Kính gửi:', 'Bộ Nội vụ']
    >>> wrap("a\\n\\nb", 1000, 12)
    ['a', '', 'b']
    >>> wrap("https://vanban.chinhphu.vn/", 1500, 12)
    ['https://vanban.', 'chinhphu.vn/']
    >>> wrap("", 1000, 12)
    ['']
    """
    face = _face(bold, italic)
    limit = _limit_units(width_twips, size_pt)
    text = unicodedata.normalize("NFC", text)
    return [line for line, _ in _wrap_units(text, limit, face)]


def longest_line_width(
    text: str,
    width_twips: float,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> float:
    """Return the width in twips of the longest line of ``wrap(text, ...)``.

    Useful for the rule drawn under a centred heading: it is as long as the
    longest line the heading occupies.

    >>> motto = "Độc lập - Tự do - Hạnh phúc"
    >>> longest_line_width(motto, 8787, 14, bold=True)
    3427.67578125
    >>> wrap(motto, 2000, 14, bold=True)
    ['Độc lập - Tự do', '- Hạnh phúc']
    >>> longest_line_width(motto, 2000, 14, bold=True)
    1863.75
    """
    face = _face(bold, italic)
    limit = _limit_units(width_twips, size_pt)
    text = unicodedata.normalize("NFC", text)
    units = max(w for _, w in _wrap_units(text, limit, face))
    return units * size_pt * _TWIPS_PER_UNIT_AT_1PT

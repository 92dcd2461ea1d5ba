"""How user text is cleaned before anything else sees it (the documented text rules).

- Line ends: CRLF and CR become LF.
- Unicode: NFC, so decomposed Vietnamese (NFD, or combining marks from old input methods)
  comes out precomposed, as TCVN 6909:2001 practice expects (Phụ lục I, Mục I, 4).
- Characters XML 1.0 cannot carry (control characters other than tab and newline, U+FFFE,
  U+FFFF, lone surrogates) are refused: they cannot be written to a .docx.
- Whitespace that is layout is trimmed: the ends of the text and of every line. Whitespace
  inside a line is content and kept.
- In a paragraph field a single newline is a line break inside the paragraph and a blank
  line starts a new paragraph (:func:`paragraphs`).
"""

from __future__ import annotations

import re
import unicodedata

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_ENDS = re.compile(r"\r\n?")
#: What is trimmed at both ends of every line (a regex over a run of these is quadratic).
_LINE_WS = " \t\u00a0"
_BLANK_LINES = re.compile(r"\n{2,}")


def bad_character(text: str) -> str | None:
    """The first character XML 1.0 cannot carry, described, or ``None``.

    >>> bad_character("ok\\tok\\n"), bad_character("a\\x07b")
    (None, 'U+0007')
    """
    m = _BAD_CHARS.search(text)
    return None if m is None else f"U+{ord(m.group()):04X}"


def is_clean(text: str) -> bool:
    """Whether ``text`` is already as :func:`clean` leaves it, with no character
    :func:`bad_character` names: printable (no control character, line end, tab, lone
    surrogate or non-character; the only printable space is U+0020), NFC, and no space at
    either end. Decided in C, so that the texts of a plan, most of them plain, cost nothing
    more; a text it refuses takes the long way, which gives the same result for one it accepts.

    >>> is_clean("Ủy ban nhân dân"), is_clean(" a"), is_clean("a\\nb"), is_clean("Ho\\u0302i")
    (True, False, False, False)
    """
    return (
        text.isprintable()
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
        and text[:1] != " "
        and text[-1:] != " "
    )


def clean(text: str) -> str:
    """Normalise user text per the rules above; the caller has checked :func:`bad_character`.

    >>> clean("  Ủy ban \\r\\n  nhân dân  ")
    'Ủy ban\\nnhân dân'
    >>> clean("Ho\\u0302\\u0323i") == "Hội"
    True
    """
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.strip()
    if "\n" in text:  # str.strip per line: linear whatever the runs of blanks
        text = "\n".join([line.strip(_LINE_WS) for line in text.split("\n")])
        text = _BLANK_LINES.sub("\n\n", text)
    return text


def paragraphs(text: str) -> list[str]:
    """Split cleaned text into paragraphs at blank lines.

    >>> paragraphs("Một\\ndòng hai\\n\\nĐoạn mới")
    ['Một\\ndòng hai', 'Đoạn mới']
    """
    return text.split("\n\n")

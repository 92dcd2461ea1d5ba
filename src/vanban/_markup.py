"""The inline syntax of text fields: emphasis, footnote references, escapes; nothing else.

================  ===========================================  ====================
write             you get                                      note
================  ===========================================  ====================
``*chữ*``         *chữ* (italic)                               nghiêng
``**chữ**``       **chữ** (bold)                               đậm
``***chữ***``     ***chữ*** (bold italic)                      đậm nghiêng
``[^ten]``        a footnote mark, numbered 1, 2, …            text in ``footnotes``
``[@ten]``        the label of the phụ lục ``id: ten``         "Phụ lục II"
``\\*``            a literal ``*``                              also ``\\[``, ``\\]``
``\\\\``            a literal ``\\``
newline           a line break in the same paragraph
================  ===========================================  ====================

A marker with no partner is text: ``5 * 3`` stays ``5 * 3``. A backslash before any other
character is text too (``C:\\tmp``). Nothing else is interpreted: braces, ``<``, ``&``, quotes
come out as written (the renderer escapes them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "Footnote",
    "LineBreak",
    "Ref",
    "Span",
    "Tab",
    "footnote_names",
    "parse",
    "plain",
    "ref_names",
]


class Span(NamedTuple):
    """A piece of text with its emphasis (a named tuple: cheap to make, immutable)."""

    text: str
    bold: bool = False
    italic: bool = False


class Footnote(NamedTuple):
    """A reference to the footnote named ``name``."""

    name: str


class Ref(NamedTuple):
    """A reference to the part (a phụ lục) whose ``id`` is ``name``, with its emphasis; the
    layout replaces it by the part's label, which follows renumbering."""

    name: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Tab:
    """A tab character."""


Parsed = Span | Footnote | Ref | LineBreak | Tab

_TOKEN = re.compile(r"\\[\\*\[\]]|\*\*\*|\*\*|\*|\[([\^@])([\w.-]+)\]|\n|\t")
_SPECIAL = re.compile(r"[\\*\[\n\t]")
_FOOTREF = re.compile(r"\[\^([\w.-]+)\]")
_REF = re.compile(r"\[@([\w.-]+)\]")


def parse(text: str, *, bold: bool = False, italic: bool = False) -> list[Parsed]:
    """Parse inline markup into spans; ``bold``/``italic`` give the base emphasis.

    >>> parse("a *b* **c**")
    [Span(text='a ', bold=False, italic=False), Span(text='b', bold=False, italic=True), \
Span(text=' ', bold=False, italic=False), Span(text='c', bold=True, italic=False)]
    >>> parse("***đậm nghiêng***")
    [Span(text='đậm nghiêng', bold=True, italic=True)]
    >>> parse("xem [@pl-a]")
    [Span(text='xem ', bold=False, italic=False), Ref(name='pl-a', bold=False, italic=False)]
    >>> parse("5 * 3 \\\\* x[^n]")
    [Span(text='5 * 3 * x', bold=False, italic=False), Footnote(name='n')]
    >>> plain(parse("giá \\\\*đặc biệt\\\\* {{ x }} <b>&"))
    'giá *đặc biệt* {{ x }} <b>&'
    """
    if not _SPECIAL.search(text):
        return [Span(text, bold, italic)] if text else []
    tokens: list[tuple[str, str]] = []  # (kind, value)
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            tokens.append(("text", text[pos : m.start()]))
        tok = m.group()
        if tok[0] == "\\":
            tokens.append(("text", tok[1]))
        elif tok == "***":  # bold and italic: opened "**" "*", closed "*" "**" (nested)
            after = text[m.end() : m.end() + 1]
            closing = not after or after.isspace() or after in ".,;:!?)]"
            pair = ("*", "**") if closing else ("**", "*")
            tokens += [("mark", pair[0]), ("mark", pair[1])]
        elif tok in ("*", "**"):
            tokens.append(("mark", tok))
        elif tok == "\n":
            tokens.append(("br", tok))
        elif tok == "\t":
            tokens.append(("tab", tok))
        else:
            tokens.append(("foot" if m.group(1) == "^" else "ref", m.group(2)))
        pos = m.end()
    if pos < len(text):
        tokens.append(("text", text[pos:]))

    # Pair the emphasis markers; a marker left without a partner is text.
    stack: list[int] = []
    paired: set[int] = set()
    for i, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        if stack and tokens[stack[-1]][1] == value:
            paired.add(stack.pop())
            paired.add(i)
        else:
            stack.append(i)

    out: list[Parsed] = []
    buf: list[str] = []
    b, it = bold, italic

    def flush() -> None:
        if buf:
            out.append(Span("".join(buf), b, it))
            buf.clear()

    for i, (kind, value) in enumerate(tokens):
        if kind == "text" or (kind == "mark" and i not in paired):
            buf.append(value)
        elif kind == "mark":
            flush()
            if value == "**":
                b = not b if not bold else True
            else:
                it = not it if not italic else True
        else:
            flush()
            if kind == "foot":
                out.append(Footnote(value))
            elif kind == "ref":
                out.append(Ref(value, b, it))
            else:
                out.append(LineBreak() if kind == "br" else Tab())
    flush()
    return out


def plain(inlines: Iterable[object]) -> str:
    """The text of inlines, line breaks as newlines; a footnote named in the text is left
    out, a numbered mark (anything with an ``id``, as the layout's) is written as its number.

    >>> plain(parse("Đề án[^a] *mới*"))
    'Đề án mới'
    """
    parts = []
    for x in inlines:
        if isinstance(x, Span):
            parts.append(x.text)
        elif isinstance(x, LineBreak):
            parts.append("\n")
        elif isinstance(x, Tab):
            parts.append("\t")
        elif (number := getattr(x, "id", None)) is not None:
            parts.append(str(number))
    return "".join(parts)


def footnote_names(text: str) -> list[str]:
    """The footnote names referenced in a text, in order (escaped ``\\[^x]`` is not a reference).

    >>> footnote_names("a[^x] b\\\\[^y] c[^z]")
    ['x', 'z']
    """
    return _names(text, "[^", _FOOTREF)


def _names(text: str, opener: str, pattern: re.Pattern[str]) -> list[str]:
    if opener not in text:
        return []
    return [m.group(1) for m in pattern.finditer(text) if not _escaped(text, m.start())]


def _escaped(text: str, index: int) -> bool:
    n = 0
    while index - n - 1 >= 0 and text[index - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def ref_names(text: str) -> list[str]:
    """The part ids referenced in a text as ``[@id]``, in order (``\\[@x]`` is text).

    >>> ref_names("Phụ lục [@a] và \\\\[@b], [@c]")
    ['a', 'c']
    """
    return _names(text, "[@", _REF)

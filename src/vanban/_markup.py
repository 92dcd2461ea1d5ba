"""The inline syntax of text fields: emphasis, sub- and superscript, footnote references,
escapes; nothing else.

================  ===========================================  ====================
write             you get                                      note
================  ===========================================  ====================
``*chữ*``         *chữ* (italic)                               nghiêng
``**chữ**``       **chữ** (bold)                               đậm
``***chữ***``     ***chữ*** (bold italic)                      đậm nghiêng
``[^ten]``        a footnote mark, numbered 1, 2, …            text in ``footnotes``
``[@ten]``        the label of the phụ lục ``id: ten``         "Phụ lục II"
``H~2~O``         H₂O (subscript, chỉ số dưới)                 Pandoc's syntax
``m^3^``          m³ (superscript, chỉ số trên)                Pandoc's syntax
``\\*``            a literal ``*``                              also ``\\[ \\] \\~ \\^``
``\\\\``            a literal ``\\``
newline           a line break in the same paragraph
================  ===========================================  ====================

A marker with no partner is text: ``5 * 3`` stays ``5 * 3``. A backslash before any other
character is text too (``C:\\tmp``). Nothing else is interpreted: braces, ``<``, ``&``, quotes
come out as written (the renderer escapes them).

Subscript and superscript follow Pandoc's Markdown (``H~2~O``, ``m^3^``): text that other
tools already read this way, and two marks Vietnamese prose does not use around a word. They
are markup only when all of this holds, so ``5~10``, ``khoảng ~5 người``, ``2^n`` and
``~~x~~`` print as typed:

- the opening mark follows a character that is not a space (a formula or unit: ``NH~4~``,
  ``10^-3^``), and not the same mark or ``[`` (``[^ten]`` stays a footnote);
- one or more characters follow up to the closing mark, none of them a space, a line
  break, ``~``, ``^``, ``*``, ``[``, ``]`` or a backslash;
- a closing ``~`` is not followed by another ``~``.

The scripted text takes the emphasis around it (``**H~2~O**`` is bold throughout).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from vanban._record import FrozenRecord

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
    """A piece of text with its emphasis (a named tuple: cheap to make, immutable).

    ``vert_align`` is ``"subscript"`` or ``"superscript"`` (the values of Word's
    ``w:vertAlign``) for ``H~2~O`` and ``m^3^``, ``None`` for text on the line.
    """

    text: str
    bold: bool = False
    italic: bool = False
    vert_align: str | None = None

    def __repr__(self) -> str:  # text on the line shows as it did before sub/superscript
        head = f"Span(text={self.text!r}, bold={self.bold!r}, italic={self.italic!r}"
        return head + (f", vert_align={self.vert_align!r})" if self.vert_align else ")")


class Footnote(NamedTuple):
    """A reference to the footnote named ``name``."""

    name: str


class Ref(NamedTuple):
    """A reference to the part (a phụ lục) whose ``id`` is ``name``, with its emphasis; the
    layout replaces it by the part's label, which follows renumbering."""

    name: str
    bold: bool = False
    italic: bool = False


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class LineBreak(FrozenRecord):
    """A line break inside a paragraph."""

    __slots__ = ()


@dataclass(init=False, repr=False, eq=False)
class Tab(FrozenRecord):
    """A tab character."""

    __slots__ = ()


Parsed = Span | Footnote | Ref | LineBreak | Tab

#: ``tuple_new(Span, (text, bold, italic, None))`` is ``Span(text, bold, italic)`` without
#: the named tuple's ``__new__``, a Python function: a third of the cost, where the layout
#: makes a few hundred spans and blocks per document.
tuple_new = tuple.__new__

#: What a sub- or superscript may hold: no space, no mark, no bracket, no backslash.
_SCRIPTED = r"[^\s~^*\[\]\\]+"
#: Every alternative starts with its literal mark, so that ``re`` finds the next mark by its
#: first character and tries nothing in between: the look-behind of ``~`` and ``^`` (the
#: character before the mark) comes after the mark, reaching back over it. Written before
#: the mark, it made every position of a text a try of every alternative (8x slower).
_TOKEN = re.compile(
    r"\\[\\*\[\]~^]|\*\*\*|\*\*|\*|\[([\^@])([\w.-]+)\]|\n|\t"
    rf"|~(?<=[^\s~]~)({_SCRIPTED})~(?!~)|\^(?<=[^\s^\[]\^)({_SCRIPTED})\^"
)
_SPECIAL = re.compile(r"[\\*\[\n\t~^]")


def has_markup(text: str) -> bool:
    """Whether ``text`` holds a character the markup reads (``\\ * [ ~ ^``, newline, tab):
    what ``_SPECIAL.search`` answers, by seven ``in`` tests (each a C scan), five times faster
    than the regular expression on Vietnamese text; it is asked of every text of a document.

    >>> has_markup("Sở Y tế"), has_markup("m^3^"), has_markup("dòng\\nhai")
    (False, True, True)
    """
    return (
        "\\" in text
        or "*" in text
        or "[" in text
        or "\n" in text
        or "\t" in text
        or "~" in text
        or "^" in text
    )


_VERT = {"~": "subscript", "^": "superscript"}
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
    >>> parse("**NH~4~**, 5~10")  # doctest: +NORMALIZE_WHITESPACE
    [Span(text='NH', bold=True, italic=False),
     Span(text='4', bold=True, italic=False, vert_align='subscript'),
     Span(text=', 5~10', bold=False, italic=False)]
    """
    if not has_markup(text):
        return [tuple_new(Span, (text, bold, italic, None))] if text else []
    return _parse_marked(text, bold, italic)


def _parse_marked(text: str, bold: bool, italic: bool) -> list[Parsed]:
    """:func:`parse` the long way: tokens, emphasis pairs, spans (any text; plain text
    gives what the short way gives)."""
    tokens: list[tuple[str, str]] = []  # (kind, value)
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            tokens.append(("text", text[pos : m.start()]))
        tok = m.group()
        if tok[0] == "\\":
            tokens.append(("text", tok[1]))
        elif tok[0] in _VERT:
            tokens.append((_VERT[tok[0]], tok[1:-1]))
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
            out.append(tuple_new(Span, ("".join(buf), b, it, None)))
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
        elif kind in ("subscript", "superscript"):
            flush()
            out.append(Span(value, b, it, kind))
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


_SUB = dict(
    zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
_SUP = dict(zip("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ", strict=True))


def scripted_text(span: Span) -> str:
    """A span's text in plain text: sub- and superscripts as Unicode's own characters when
    each has one (H₂O, m³, Fe³⁺), else as typed in the markup (``x~ab~``), so nothing is lost.

    >>> [scripted_text(s) for s in parse("H~2~O m^3^ Fe^3+^ x~ab~")]
    ['H', '₂', 'O m', '³', ' Fe', '³⁺', ' x', '~ab~']
    """
    if not span.vert_align:
        return span.text
    table = _SUB if span.vert_align == "subscript" else _SUP
    if all(c in table for c in span.text):
        return "".join(table[c] for c in span.text)
    mark = "~" if span.vert_align == "subscript" else "^"
    return f"{mark}{span.text}{mark}"


def plain(inlines: Iterable[object]) -> str:
    """The text of inlines, line breaks as newlines; a footnote named in the text is left
    out, a numbered mark (anything with an ``id``, as the layout's) is written as its number;
    sub- and superscripts as :func:`scripted_text` writes them.

    >>> plain(parse("Đề án[^a] *mới*"))
    'Đề án mới'
    >>> plain(parse("NH~4~NO~3~, 15 m^3^"))
    'NH₄NO₃, 15 m³'
    """
    parts = []
    for x in inlines:
        if isinstance(x, Span):
            parts.append(scripted_text(x) if x.vert_align else x.text)
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

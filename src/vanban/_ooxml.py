"""The XML layer: inline content to WordprocessingML runs, and the escaping of user text.

Everything a user typed reaches the package through :func:`escape` (:func:`runs` calls it
for every text that holds a character it replaces) and nothing else, so it is data, never
markup or template code. Kept apart from the friendly API, as python-docx keeps its ``oxml``
layer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import cast

from markupsafe import Markup

from vanban._markup import LineBreak, Span, Tab
from vanban.layout.blocks import Inline, NoteRef, PageBreakMark
from vanban.nd30.styles import FOOTNOTE_REFERENCE


def escape(text: str) -> str:
    """Escape text for an XML text node or attribute value.

    >>> escape('a < b & {{ c }} "d"')
    'a &lt; b &amp; &#123;&#123; c &#125;&#125; &quot;d&quot;'
    """
    # Braces as character references: the XML means the same, but no template engine that
    # post-processes output (docxtpl turns "{_{" into "{{") can ever see a tag. A chain of
    # str.replace ("&" first): each is a C loop that returns the string itself when there is
    # nothing to replace; str.translate with a mapping is ~15x slower on Vietnamese text.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


#: ``Markup(s)`` for a plain ``str`` ``s``, without markupsafe's Python-level ``__new__``.
markup = cast("Callable[[str], Markup]", functools.partial(str.__new__, Markup))

_RPR = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/><w:bCs/></w:rPr>",
    (False, True): "<w:rPr><w:i/><w:iCs/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>",
}
#: A sub- or superscript run (``H~2~O``, ``m^3^``): ``w:vertAlign`` closes the run properties.
_START_VERT = {
    (b, i, v): '<w:r><w:rPr>{}{}<w:vertAlign w:val="{}"/></w:rPr><w:t xml:space="preserve">'.format(
        "<w:b/><w:bCs/>" if b else "", "<w:i/><w:iCs/>" if i else "", v
    )
    for b in (False, True)
    for i in (False, True)
    for v in ("subscript", "superscript")
}
_BR = "<w:r><w:br/></w:r>"
_TAB = "<w:r><w:tab/></w:r>"
_PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'
_START = {k: f'<w:r>{v}<w:t xml:space="preserve">' for k, v in _RPR.items()}
_END = "</w:t></w:r>"
_PLAIN = _START[False, False]
#: A footnote mark in the text: Word's built-in "footnote reference" style, raised.
NOTE_REF = (
    f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/><w:vertAlign w:val="superscript"/>'
    '</w:rPr><w:footnoteReference w:id="{}"/></w:r>'
)


def runs(inlines: Iterable[Inline]) -> Markup:
    """The runs of a paragraph, as XML ready to put inside ``<w:p>``.

    >>> str(runs([Span("a&b", bold=True), LineBreak(), NoteRef(1)]))  # doctest: +ELLIPSIS
    '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">a&amp;b</w:t></w:r><w:r><w:br/>...'
    >>> str(runs([Span("3", vert_align="superscript")]))  # doctest: +ELLIPSIS
    '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">3</w:t></w:r>'
    """
    out: list[str] = []
    append = out.append
    for x in inlines:
        if type(x) is Span:
            text, bold, italic, vert_align = x  # one unpacking, not four attribute reads
            # Most text has nothing to escape: six "in" tests cost half of six replace calls
            # (each a method call), and this is the innermost loop of rendering.
            if (
                "&" in text
                or "<" in text
                or ">" in text
                or '"' in text
                or "{" in text
                or "}" in text
            ):
                text = escape(text)
            if vert_align:
                append(_START_VERT[bold, italic, vert_align])
            elif bold or italic:
                append(_START[bold, italic])
            else:  # most text: upright and regular, no dictionary lookup
                append(_PLAIN)
            append(text)
            append(_END)
        elif isinstance(x, NoteRef):
            append(NOTE_REF.format(x.id))
        else:
            kind = type(x)
            if kind is LineBreak:
                append(_BR)
            elif kind is Tab:
                append(_TAB)
            elif kind is PageBreakMark:
                append(_PAGE_BREAK)
    return markup("".join(out))


def text(value: str) -> Markup:
    """Escaped text for a template slot (header lines, names)."""
    return markup(escape(value))

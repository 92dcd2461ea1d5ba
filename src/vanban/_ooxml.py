"""The XML layer: inline content to WordprocessingML runs, and the escaping of user text.

Everything a user typed reaches the package through :func:`escape` and nothing else, so it
is data, never markup or template code. Kept apart from the friendly API, as python-docx
keeps its ``oxml`` layer.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from vanban.layout.blocks import Inline, NoteRef
from vanban.markup import LineBreak, Span, Tab

_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        # Braces as character references: the XML means the same, but no template engine
        # that post-processes output (docxtpl turns "{_{" into "{{") can ever see a tag.
        "{": "&#123;",
        "}": "&#125;",
    }
)


def escape(text: str) -> str:
    """Escape text for an XML text node or attribute value.

    >>> escape('a < b & {{ c }} "d"')
    'a &lt; b &amp; &#123;&#123; c &#125;&#125; &quot;d&quot;'
    """
    return text.translate(_ESCAPES)


_RPR = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/><w:bCs/></w:rPr>",
    (False, True): "<w:rPr><w:i/><w:iCs/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>",
}
_BR = "<w:r><w:br/></w:r>"
_TAB = "<w:r><w:tab/></w:r>"
NOTE_REF = '<w:r><w:rPr><w:rStyle w:val="VBFootnoteReference"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'


def runs(inlines: Iterable[Inline]) -> Markup:
    """The runs of a paragraph, as XML ready to put inside ``<w:p>``.

    >>> str(runs([Span("a&b", bold=True), LineBreak(), NoteRef(1)]))  # doctest: +ELLIPSIS
    '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">a&amp;b</w:t></w:r><w:r><w:br/>...'
    """
    out = []
    for x in inlines:
        if type(x) is Span:
            out.append(
                f'<w:r>{_RPR[x.bold, x.italic]}<w:t xml:space="preserve">{x.text.translate(_ESCAPES)}</w:t></w:r>'
            )
        elif type(x) is NoteRef:
            out.append(NOTE_REF.format(x.id))
        elif type(x) is LineBreak:
            out.append(_BR)
        elif type(x) is Tab:
            out.append(_TAB)
    return Markup("".join(out))


def text(value: str) -> Markup:
    """Escaped text for a template slot (header lines, names)."""
    return Markup(value.translate(_ESCAPES))

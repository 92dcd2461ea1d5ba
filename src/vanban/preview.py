"""An HTML preview of a document (xem trước), for notebooks and web pages.

The preview is drawn from the same layout blocks as the .docx (:mod:`vanban.layout`), so
numbering, punctuation and wording are never done twice, and its looks come from the same
Word styles: each ``VB*`` paragraph style of ``styles.xml`` (filled with the document's
sizes and spacing) becomes a CSS class. Pages are A4 sheets with the document's margins;
page breaks inside the text are where a browser puts them, not where Word does.

>>> import vanban
>>> html = vanban.load("examples/giam-ngheo-ben-vung.yaml")._repr_html_()  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from vanban._markup import LineBreak, Span, Tab
from vanban.layout import layout as _layout
from vanban.layout.blocks import (
    AppendixLayout,
    Block,
    BodyItem,
    Boxed,
    Inline,
    Layout,
    NoteRef,
    PageBreakMark,
    Role,
    Rule,
    Table,
)
from vanban.models.common import Document
from vanban.nd30 import forms, page

__all__ = ["to_html"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FIELD = re.compile(r"\{\{\s*(sizes|fmt)\.(\w+)\s*\}\}")
_JC = {"center": "center", "right": "right", "left": "left", "both": "justify"}


def _cm(twips: float) -> str:
    return f"{twips / 567:.3f}cm"


def _styles_xml() -> str:
    from vanban._templating import templates_dir

    return (templates_dir() / "_common" / "word" / "styles.xml").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=16)
def _page_css(css: str) -> str:
    """The sheet's paper and font from :mod:`vanban.nd30.page` (A4, Times New Roman)."""

    width, height = (f"{x / 10:g}cm" for x in page.PAPER_MM)
    return (
        css.replace("__PAGE_W__", width)
        .replace("__PAGE_H__", height)
        .replace("__FONT__", page.FONT)
    )


def _css(sizes: tuple[tuple[str, int], ...], fmt: tuple[tuple[str, int], ...]) -> str:
    """CSS classes from the Word paragraph styles, their sizes and spacing filled in."""
    values = {"sizes": dict(sizes), "fmt": dict(fmt)}
    text = _FIELD.sub(lambda m: str(values[m[1]].get(m[2], 0)), _styles_xml())
    text = re.sub(r"\{[{%#].*?[}%#]\}", "", text, flags=re.S)  # any other template tag
    root = ET.fromstring(text.encode("utf-8"))
    styles: dict[str, ET.Element] = {}
    for s in root.iter(f"{_W}style"):
        sid = s.get(f"{_W}styleId")
        if sid and s.get(f"{_W}type") == "paragraph":
            styles[sid] = s

    def chain(sid: str) -> list[ET.Element]:
        out: list[ET.Element] = []
        while sid in styles and len(out) < 10:
            out.insert(0, styles[sid])
            based = styles[sid].find(f"{_W}basedOn")
            sid = based.get(f"{_W}val", "") if based is not None else ""
        return out

    body_size = dict(sizes).get("body", 28) / 2
    rules = []
    for sid in styles:
        props: dict[str, str] = {"font-size": f"{body_size}pt"}
        for s in chain(sid):
            for el in s.iter():
                tag, val = el.tag.removeprefix(_W), el.get(f"{_W}val")
                if tag == "sz" and val:
                    props["font-size"] = f"{int(val) / 2}pt"
                elif tag == "b":
                    props["font-weight"] = "normal" if val in ("0", "false") else "bold"
                elif tag == "i":
                    props["font-style"] = "normal" if val in ("0", "false") else "italic"
                elif tag == "jc" and val in _JC:
                    props["text-align"] = _JC[val]
                elif tag == "ind":
                    for attr, css in (("left", "margin-left"), ("right", "margin-right")):
                        if el.get(f"{_W}{attr}"):
                            props[css] = _cm(int(el.get(f"{_W}{attr}", "0")))
                    if el.get(f"{_W}firstLine"):
                        props["text-indent"] = _cm(int(el.get(f"{_W}firstLine", "0")))
                    if el.get(f"{_W}hanging"):
                        props["text-indent"] = "-" + _cm(int(el.get(f"{_W}hanging", "0")))
                elif tag == "spacing":
                    if el.get(f"{_W}before") is not None:
                        props["margin-top"] = f"{int(el.get(f'{_W}before', '0')) / 20}pt"
                    if el.get(f"{_W}after") is not None:
                        props["margin-bottom"] = f"{int(el.get(f'{_W}after', '0')) / 20}pt"
                    line, rule = el.get(f"{_W}line"), el.get(f"{_W}lineRule")
                    if line and rule in (None, "auto"):
                        props["line-height"] = f"{1.15 * int(line) / 240:.3f}"
        decl = "; ".join(f"{k}: {v}" for k, v in props.items())
        rules.append(f".vb .{sid} {{ {decl} }}")
    return "\n".join(rules)


#: The page's own stylesheet cannot reach the preview: every element inside it is first reset
#: to the browser's defaults (``all: revert``, an id selector, which outweighs the class and
#: element selectors of JupyterLab's and VS Code's themes: table stripes, ``td`` borders,
#: dark backgrounds), then given its looks and colours explicitly by the rules below.
_RESET_CSS = """
.vb, .vb * { all: revert; }
.vb style { display: none; }
"""

_BASE_CSS = """
.vb { display: block; background: #e8e8e8; padding: 12px 0; color: #000; margin: 0;
  color-scheme: light; container-type: inline-size; text-align: left; line-height: normal;
  font-size: 12pt; }
.vb div, .vb p, .vb span, .vb b, .vb i, .vb sup { color: #000; background: transparent; }
.vb table, .vb thead, .vb tbody, .vb tr, .vb td, .vb th, .vb colgroup, .vb col {
  background: transparent; color: #000; border: 0; margin: 0; text-align: inherit;
  box-shadow: none; }
.vb table { max-width: none; font-size: inherit; line-height: inherit; }
.vb td { text-align: inherit; white-space: normal; }
.vb .vb-page { background: #fff; width: __PAGE_W__; min-height: __PAGE_H__; margin: 0 auto 12px;
  box-sizing: border-box; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font-family: "__FONT__", "Liberation Serif", Tinos, serif; color: #000; }
.vb .vb-page.landscape { width: __PAGE_H__; min-height: __PAGE_W__; }
.vb p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.vb table { border-collapse: collapse; table-layout: fixed; }
.vb td { vertical-align: top; padding: 0 0.19cm; }
.vb table.vb-grid p { overflow-wrap: normal; }
.vb table.vb-grid td { border: 0.5pt solid #000; }
.vb hr.vb-rule { border: 0; border-top: 0.5pt solid #000; margin: 4pt auto 0; }
.vb .vb-box { border: 0.5pt solid #000; display: inline-block; padding: 0 4pt; }
.vb .vb-box.double { border: 2px double #000; }
.vb .vb-signature-space { height: 2.5cm; }
.vb .vb-notes { border-top: 0.5pt solid #000; width: 5cm; margin-top: 12pt; }
.vb .vb-notes p { font-size: 10pt; }
.vb .vb-contact { border-top: 0.5pt solid #000; margin-top: 24pt; }
"""


def _inlines(inlines: Iterable[Inline]) -> str:
    out = []
    for x in inlines:
        if isinstance(x, Span):
            text = html.escape(x.text)
            if x.bold:
                text = f"<b>{text}</b>"
            if x.italic:
                text = f"<i>{text}</i>"
            if x.vert_align:  # H~2~O, m^3^
                tag = "sub" if x.vert_align == "subscript" else "sup"
                text = f"<{tag}>{text}</{tag}>"
            out.append(text)
        elif isinstance(x, LineBreak):
            out.append("<br>")
        elif isinstance(x, Tab):
            out.append("\t")
        elif isinstance(x, NoteRef):
            out.append(f"<sup>{x.id}</sup>")
        elif isinstance(x, PageBreakMark):
            out.append("")
    return "".join(out)


def _p(block: Block, extra: str = "") -> str:
    return f'<p class="{block.role.style}"{extra}>{_inlines(block.inlines)}</p>'


def _rule(rule: Rule | None, after: str = "0") -> str:
    if rule is None:
        return ""
    return f'<hr class="vb-rule" style="width: {_cm(rule.length)}; margin-bottom: {after}">'


def _box(box: Boxed) -> str:
    cls = "vb-box double" if box.border == "double" else "vb-box"
    return f'<div><span class="{cls}">{_inlines(box.block.inlines)}</span></div>'


def _table(t: Table) -> str:
    cols = "".join(f'<col style="width: {_cm(w)}">' for w in t.widths)
    rows = []
    spans = _rowspans(t)
    for r, row in enumerate(t.rows):
        cells = []
        for c, cell in enumerate(row.cells):
            if cell.merge == "continue":
                continue
            attrs = f' colspan="{cell.span}"' if cell.span > 1 else ""
            if cell.merge == "restart":
                attrs += f' rowspan="{spans.get((r, c), 1)}"'
            cells.append(f"<td{attrs}>{''.join(_p(p) for p in cell.paras)}</td>")
        tag = "thead" if row.header else "tbody"
        rows.append((tag, f"<tr>{''.join(cells)}</tr>"))
    head = "".join(tr for tag, tr in rows if tag == "thead")
    body = "".join(tr for tag, tr in rows if tag == "tbody")
    return (
        f'<table class="vb-grid" style="width: {_cm(t.width)}"><colgroup>{cols}</colgroup>'
        f"<thead>{head}</thead><tbody>{body}</tbody></table>"
    )


def _rowspans(t: Table) -> dict[tuple[int, int], int]:
    """How many rows each vertically merged cell covers, by (row, cell index)."""
    out: dict[tuple[int, int], int] = {}
    for r, row in enumerate(t.rows):
        grid = 0
        for c, cell in enumerate(row.cells):
            if cell.merge == "restart":
                n = 1
                for below in t.rows[r + 1 :]:
                    g, found = 0, None
                    for other in below.cells:
                        if g == grid:
                            found = other
                            break
                        g += other.span
                    if found is None or found.merge != "continue":
                        break
                    n += 1
                out[(r, c)] = n
            grid += cell.span
    return out


def _items(items: Iterable[BodyItem]) -> str:
    out = []
    for item in items:
        if isinstance(item, Table):
            out.append(_table(item))
        else:
            out.append(_p(item))
    return "".join(out)


def _margins(sheet: dict[str, int]) -> str:
    return "padding: " + " ".join(_cm(sheet[k]) for k in ("top", "right", "bottom", "left"))


def _header(lay: Layout, *, bare: bool = False) -> str:
    left, right = page.HEADER_COLUMNS
    cols = f'<colgroup><col style="width: {_cm(left)}"><col style="width: {_cm(right)}"></colgroup>'
    rows = []
    if lay.circulation and not bare:
        rows.append(f"<tr><td></td><td>{_box(lay.circulation)}</td></tr>")
    rows.append(
        "<tr><td>"
        + "".join(_p(b) for b in lay.header_left)
        + _rule(lay.issuer_rule)
        + "</td><td>"
        + "".join(_p(b) for b in lay.header_right)
        + _rule(lay.motto_rule)
        + "</td></tr>"
    )
    if not bare:
        rows.append(
            "<tr><td>"
            + _p(lay.number)
            + "".join(_p(b) for b in lay.subject)
            + "".join(_box(m) for m in lay.marks)
            + f"</td><td>{_p(lay.place_date)}</td></tr>"
        )
    style = f"width: {_cm(left + right)}; margin-left: {_cm(page.HEADER_INDENT)}"
    return f'<table class="vb-header" style="{style}">{cols}{"".join(rows)}</table>'


def _signer(lay: Layout) -> str:
    left, right = page.SIGNER_COLUMNS
    if lay.signer_pair is not None:
        # The room for a signature before each name: a column may hold two signatures, one
        # under the other (a Biên bản's third signer).
        cells = "".join(
            "<td>"
            + "".join(
                ('<div class="vb-signature-space"></div>' if b.role == Role.SIGNER_NAME else "")
                + _p(b)
                for b in col
            )
            + "</td>"
            for col in lay.signer_pair
        )
        under = f"<tr><td>{''.join(_p(b) for b in lay.recipients)}</td><td></td></tr>"
        return (
            f'<table class="vb-signer" style="width: {_cm(left + right)}; margin-top: 12pt">'
            f'<colgroup><col style="width: {_cm(left)}"><col style="width: {_cm(right)}">'
            f"</colgroup><tr>{cells}</tr>{under if lay.recipients else ''}</table>"
        )
    sign = "".join(_p(b) for b in lay.signer)
    sign += '<div class="vb-signature-space"></div>'
    sign += "".join(_p(b) for b in lay.signer_above_name)
    sign += _p(lay.signer_name)
    sign += "".join(_p(b) for b in lay.signer_below_name)
    return (
        f'<table class="vb-signer" style="width: {_cm(left + right)}; margin-top: 12pt">'
        f'<colgroup><col style="width: {_cm(left)}"><col style="width: {_cm(right)}"></colgroup>'
        f"<tr><td>{''.join(_p(b) for b in lay.recipients)}</td><td>{sign}</td></tr></table>"
    )


def _confirmation(lay: Layout) -> str:
    """The xác nhận block of Mẫu 1.10: a table under the signer's, its left column used."""
    if not lay.confirmation:
        return ""
    left, right = forms.CONFIRMATION_COLUMNS
    return (
        f'<table class="vb-signer" style="width: {_cm(left + right)}; margin-top: 12pt">'
        f'<colgroup><col style="width: {_cm(left)}"><col style="width: {_cm(right)}"></colgroup>'
        f"<tr><td>{''.join(_p(b) for b in lay.confirmation)}</td><td></td></tr></table>"
    )


def _part(lay: Layout, a: AppendixLayout) -> str:
    cls = "vb-page landscape" if a.landscape else "vb-page"
    inner = _header(lay, bare=True) if a.header else ""
    inner += "".join(_p(b) for b in a.heading) + _rule(a.rule, "12pt") + _items(a.body)
    return f'<div class="{cls}" style="{_margins(a.page)}">{inner}</div>'


def layout_html(lay: Layout) -> str:
    """The HTML of a laid-out document: a ``<div class="vb">`` holding its pages."""
    css = _css(tuple(sorted(lay.sizes.items())), tuple(sorted(lay.fmt.items())))
    parts = [_header(lay)]
    parts += [_p(b) for b in lay.heading]
    parts.append(_rule(lay.title_rule, "12pt"))
    parts += [_p(b) for b in (*lay.authority, *lay.addressees)]
    parts.append(_items(lay.body))
    parts.append(_signer(lay))
    parts.append(_confirmation(lay))
    if lay.contact:
        parts.append(f'<div class="vb-contact">{"".join(_p(b) for b in lay.contact)}</div>')
    if lay.footnotes:
        notes = "".join(
            f'<p class="{Role.FOOTNOTE.style}"><sup>{n}</sup> {_inlines(inl)}</p>'
            for n, inl in lay.footnotes
        )
        parts.append(f'<div class="vb-notes">{notes}</div>')
    first = f'<div class="vb-page" style="{_margins(lay.page)}">{"".join(parts)}</div>'
    pages = [first, *(_part(lay, a) for a in lay.appendices)]
    scope, style = _scoped(_RESET_CSS + _page_css(_BASE_CSS) + css + _zoom_css())
    return f'<div class="vb" id="{scope}"><style>{style}</style>{"".join(pages)}</div>'


#: The ``.vb`` of a selector (a class of its own: followed by a space, a comma or a brace).
_RULE_START = re.compile(r"\.vb(?=[\s,{])")


def _scoped(css: str) -> tuple[str, str]:
    """An id for one preview and its CSS with every rule scoped to that id: in a notebook a
    later preview (other sizes, other margins) never restyles an earlier one. The id is made
    from the CSS itself, so the same input gives the same HTML; two previews that share an id
    share every rule too.

    >>> _scoped(".vb .VBBody { font-size: 14pt }")
    ('vb-327c3aa1a549', '#vb-327c3aa1a549 .VBBody { font-size: 14pt }')
    """
    import hashlib

    scope = "vb-" + hashlib.sha1(css.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return scope, _RULE_START.sub(f"#{scope}", css)


#: Page widths in CSS pixels (96 per inch): A4 portrait and landscape.
_PAGE_PX = {"": 21 / 2.54 * 96, ".landscape": 29.7 / 2.54 * 96}


@functools.lru_cache(maxsize=1)
def _zoom_css() -> str:
    """On a screen narrower than a page (a notebook's output, VS Code's side panel), the page
    is drawn smaller, in steps of 5 %, down to 40 %, so that a landscape phụ lục is seen whole
    rather than cut at the output's edge; printing keeps the real size. Container queries on
    the preview's own width: no script, so it works where a notebook runs none."""
    rules = []
    for cls, width in _PAGE_PX.items():
        for step in range(19, 7, -1):
            scale = step / 20
            fits = width * (scale + 0.05) + 16  # the page and a little room at its sides
            rules.append(
                f"  @container (max-width: {fits:.0f}px) {{ .vb .vb-page{cls} {{ zoom: {scale} }} }}"
            )
    return "@media screen {\n" + "\n".join(rules) + "\n}\n"


def to_html(doc: Document) -> str:
    """The HTML preview of a document (what ``_repr_html_`` shows in Jupyter)."""
    return layout_html(_layout(doc))

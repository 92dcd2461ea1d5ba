"""Read-only .docx inspector that resolves *effective* formatting.

Used by the test-suite and by the NĐ 30/2020 checker to ask "what does Word show here?"
rather than "what is written in this element?". Standard library only (``zipfile`` and
``xml.etree.ElementTree``); nothing is ever written back.

What is resolved
----------------
Run properties, in this order (ECMA-376 Part 1, 17.7.2)::

    docDefaults/rPrDefault
      -> table style rPr (basedOn chain, root first; paragraphs inside that table only)
      -> paragraph style rPr (basedOn chain, root first; the default paragraph style
         when the paragraph has no w:pStyle)
      -> character style rPr (w:rStyle, basedOn chain, root first)
      -> direct run rPr

The paragraph mark formatting (``w:pPr/w:rPr``) is *not* applied to runs.

Toggle properties (``b``, ``i``, ``caps``, ``smallCaps``, ``strike``, ``dstrike``,
``vanish``) follow 17.7.3 as Word implements it:

* within one style's ``basedOn`` chain the nearest explicit value wins (17.7.3: "the first
  value encountered" walking basedOn; a derived style with ``<w:b/>`` on a bold base is
  still bold, ``<w:b w:val="0"/>`` turns it off);
* across levels the values combine: the table style level XORs with the document
  defaults, the paragraph style level *resets* the value (this is what Word does, see
  [MS-OI29500] 2.1.258, where the standard would toggle), the character style level XORs
  with what the paragraph style produced (bold character style on a bold paragraph style
  gives non-bold text, as in Word);
* direct formatting sets the value absolutely.

Paragraph properties: ``docDefaults/pPrDefault`` -> table style pPr -> paragraph style chain
-> direct ``w:pPr``. ``w:spacing``, ``w:ind``, ``w:pBdr`` (per side) and ``w:rFonts`` (per
script slot) merge attribute by attribute, so a style that sets ``before`` and direct
formatting that sets ``after`` both hold.

Numbering labels are counted from ``word/numbering.xml`` (:mod:`vanban._numbering`).
Not resolved (documented limits): numbering (``w:numPr``) indents and run properties,
table style conditional formats (``w:tblStylePr``: firstRow, band1Horz, ...), row-level
``w:tblPrEx``, ``beforeLines``/``afterLines``/auto-spacing, character-unit indents
(``leftChars``...), theme colours, text in drawings other than text boxes, endnotes,
comments. The paragraphs of a text box (``w:txbxContent``, DrawingML or VML; the
``mc:Fallback`` copy skipped) follow the paragraph that anchors it (``text_box``).
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Any
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from vanban import _package
from vanban._numbering import Numbering
from vanban.nd30 import page

__all__ = [
    "DocxView",
    "ParaView",
    "PartView",
    "RunView",
    "SectionView",
    "TableView",
    "read_docx",
]

# --------------------------------------------------------------------------- namespaces

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# ISO/IEC 29500 Strict uses other namespace names for the same vocabulary.
_STRICT_NS = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS,
    "http://purl.oclc.org/ooxml/drawingml/main": A_NS,
}


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_VAL = _w("val")
W_P = _w("p")
W_TXBX_CONTENT = _w("txbxContent")
W_R = _w("r")
W_TBL = _w("tbl")
W_TR = _w("tr")
W_TC = _w("tc")
W_PPR = _w("pPr")
W_RPR = _w("rPr")
W_TBLPR = _w("tblPr")
W_TCPR = _w("tcPr")
W_SDT = _w("sdt")
W_SDT_CONTENT = _w("sdtContent")
W_CUSTOM_XML = _w("customXml")
W_SECTPR = _w("sectPr")
W_BODY = _w("body")
R_ID = f"{{{R_NS}}}id"

# Inline containers whose runs are part of the visible text.
_INLINE_CONTAINERS = frozenset(
    _w(n)
    for n in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo", "fldSimple")
)
# Inline containers whose runs are deleted text (tracked changes): skipped.
_INLINE_SKIPPED = frozenset(_w(n) for n in ("del", "moveFrom"))

# Run property elements that are toggle properties (17.7.3).
_TOGGLES = ("b", "i", "caps", "smallCaps", "strike", "dstrike", "vanish")

# rFonts slot -> (explicit attribute, theme attribute). Note the spelling "cstheme".
_FONT_SLOTS = {
    "ascii": ("ascii", "asciiTheme"),
    "hAnsi": ("hAnsi", "hAnsiTheme"),
    "cs": ("cs", "cstheme"),
    "eastAsia": ("eastAsia", "eastAsiaTheme"),
}

_BORDER_SIDE_ALIASES = {"start": "left", "end": "right"}
_ALIGN_ALIASES = {"start": "left", "end": "right"}
_FALSE_VALUES = frozenset({"0", "false", "off"})
_NO_BORDER = frozenset({"nil", "none"})
_EXCLUDED_FOOTNOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

# Points per unit of the universal measures allowed by ST_UniversalMeasure.
_POINTS_PER_UNIT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "pi": 12.0}
# The same in a VML style (CSS), where a number without a unit is in pixels.
_CSS_POINTS_PER_UNIT = {**_POINTS_PER_UNIT, "px": 0.75}
#: Matched on the stripped value: two ``\s*`` around an optional unit split a run of blanks
#: in quadratically many ways.
_MEASURE_RE = re.compile(r"([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(pt|in|cm|mm|pc|pi)?")

# Header/footer types in the order they are reported.
_HF_TYPES = ("default", "first", "even")

# --------------------------------------------------------------------------- small helpers


def _local(tag: str) -> str:
    """The local part of a Clark-notation name.

    >>> _local("{http://example.com/ns}spacing")
    'spacing'
    >>> _local("plain")
    'plain'
    """
    return tag.rsplit("}", 1)[-1]


def _measure(value: str | None, per_point: float = 20) -> int | None:
    """Parse an OOXML measure attribute into its native unit.

    A bare number is already in the attribute's unit (twips, half-points, eighths of a
    point...). A universal measure (``"1in"``, ``"2.5cm"``, ``"12pt"``) is converted with
    *per_point*, the number of native units in one point. Unparseable values give None.

    >>> _measure("720")
    720
    >>> _measure("-284")
    -284
    >>> _measure("1in")
    1440
    >>> _measure("14pt", per_point=2)
    28
    >>> _measure("auto") is None, _measure("9" * 400) is None  # no float holds it
    (True, True)
    """
    if value is None:
        return None
    m = _MEASURE_RE.fullmatch(value.strip())
    if m is None:
        return None
    number = float(m.group(1))
    unit = m.group(2)
    if unit is not None:
        number *= _POINTS_PER_UNIT[unit] * per_point
    if number in (float("inf"), float("-inf")):  # round() would raise OverflowError
        return None
    return round(number)


def _is_on(value: str | None) -> bool:
    """The meaning of an ST_OnOff ``w:val`` attribute; an absent value means on.

    >>> _is_on(None), _is_on("1"), _is_on("true"), _is_on("on")
    (True, True, True, True)
    >>> _is_on("0"), _is_on("false"), _is_on("off"), _is_on("OFF")
    (False, False, False, False)
    """
    return value is None or value.strip().lower() not in _FALSE_VALUES


def _on_element(el: ET.Element | None) -> bool | None:
    """None when *el* is absent, else the boolean its ``w:val`` means."""
    if el is None:
        return None
    return _is_on(el.get(W_VAL))


def _normalise_alignment(value: str | None) -> str:
    """Normalise a ``w:jc`` value: ``start``/``end`` become ``left``/``right``.

    >>> _normalise_alignment("start"), _normalise_alignment("end"), _normalise_alignment(None)
    ('left', 'right', 'left')
    >>> _normalise_alignment("both")
    'both'
    """
    if not value:
        return "left"
    return _ALIGN_ALIASES.get(value, value)


def _attrs(el: ET.Element) -> dict[str, str]:
    """Attributes of *el* keyed by local name."""
    return {_local(k): v for k, v in el.attrib.items()}


def _borders(el: ET.Element | None) -> dict[str, dict[str, str]]:
    """Border sides of a ``pBdr``/``tblBorders``/``tcBorders`` element (start/end aliased)."""
    out: dict[str, dict[str, str]] = {}
    if el is None:
        return out
    for side in el:
        name = _local(side.tag)
        out[_BORDER_SIDE_ALIASES.get(name, name)] = _attrs(side)
    return out


def _visible(border: dict[str, str] | None) -> bool:
    """Whether a border side draws a line.

    >>> _visible({"val": "single", "sz": "4"}), _visible({"val": "nil"}), _visible(None)
    (True, False, False)
    """
    return border is not None and border.get("val", "none") not in _NO_BORDER


_DICT_KEYS = frozenset({"ind", "spacing", "pBdr", "rFonts"})


def _merge(base: dict[str, Any], layer: dict[str, Any]) -> dict[str, Any]:
    """Overlay *layer* on *base*; dict-valued properties merge key by key.

    >>> _merge({"spacing": {"before": 120}, "jc": "left"}, {"spacing": {"after": 0}})
    {'spacing': {'before': 120, 'after': 0}, 'jc': 'left'}
    """
    out = dict(base)
    for key, value in layer.items():
        if key in _DICT_KEYS:
            out[key] = {**out.get(key, {}), **value}
        else:
            out[key] = value
    return out


def _normalise_namespaces(root: ET.Element) -> None:
    """Rewrite ISO 29500 Strict namespace names to their Transitional equivalents."""
    for el in root.iter():
        tag = el.tag
        if isinstance(tag, str) and tag.startswith("{"):
            ns, _, local = tag[1:].partition("}")
            if ns in _STRICT_NS:
                el.tag = f"{{{_STRICT_NS[ns]}}}{local}"
        for key in [k for k in el.attrib if k.startswith("{")]:
            ns, _, local = key[1:].partition("}")
            if ns in _STRICT_NS:
                el.attrib[f"{{{_STRICT_NS[ns]}}}{local}"] = el.attrib.pop(key)


# --------------------------------------------------------------------------- public views


@dataclass(frozen=True)
class RunView:
    """One text run with its effective character formatting.

    ``size_pt`` comes from ``w:sz`` (half-points), 10.0 when nothing sets it. ``font`` is the
    ``ascii`` slot of ``fonts`` (theme fonts are resolved through the theme part), None when
    nothing sets it. ``color`` is the ``w:color`` value (hex such as ``"FF0000"``, or
    ``"auto"``), None when unset. ``style_id`` is the run's character style (``w:rStyle``).
    """

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    underline_style: str | None = None
    size_pt: float = 10.0
    font: str | None = None
    fonts: dict[str, str | None] = field(default_factory=dict)
    color: str | None = None
    vert_align: str | None = None
    caps: bool = False
    small_caps: bool = False
    strike: bool = False
    hidden: bool = False
    style_id: str | None = None
    is_footnote_ref: bool = False
    footnote_id: int | None = None


@dataclass(frozen=True)
class ParaView:
    """One paragraph with its runs and effective paragraph formatting.

    Lengths are in twips (1/20 pt, 1/1440 inch). ``first_line`` is negative for a hanging
    indent. ``line``/``line_rule`` come from ``w:spacing``: with rule ``"auto"`` the line is
    in 240ths of a line (240 = single), with ``"exact"``/``"atLeast"`` it is in twips.
    ``borders`` maps visible border sides (top, bottom, left, right, between, bar) to their
    attributes (``val``, ``sz``, ``space``, ``color``). ``table``/``row``/``cell`` locate a
    paragraph inside a table (cell is the index of the ``w:tc`` in its row; nested tables have
    their own table index). ``style_id`` is the effective paragraph style: the default
    paragraph style when the paragraph names none.

    What a reader sees beyond the text: ``section`` is the index of the section the paragraph
    belongs to (in :attr:`DocxView.sections`); ``shapes`` lists the drawings anchored in it,
    each ``"line"`` (a DrawingML line or connector, a VML line, a shape no thicker than a
    rule) or ``"shape"`` (anything else, text boxes included), ``shape_widths`` their drawn
    widths in twips (0 when unknown); ``cell_borders`` the visible
    sides of its table cell; ``numbered`` whether it carries automatic numbering
    (``w:numPr``, direct or from its style), whose label is not in ``text``; ``page_break``
    whether a page starts before it or inside it; ``tabs`` its tab stops as
    ``(alignment, position)``; ``text_box`` whether it is the text of a text box.
    """

    text: str
    style_id: str | None
    style_name: str | None
    runs: list[RunView]
    alignment: str = "left"
    first_line: int = 0
    left_indent: int = 0
    right_indent: int = 0
    space_before: int = 0
    space_after: int = 0
    line: int = 240
    line_rule: str = "auto"
    borders: dict[str, dict[str, str]] = field(default_factory=dict)
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    section: int = 0
    shapes: tuple[str, ...] = ()
    shape_widths: tuple[int, ...] = ()
    cell_borders: frozenset[str] = frozenset()
    numbered: bool = False
    #: The label Word's automatic numbering shows before the text ("1.", "a)", "-"), "" when
    #: the paragraph is not numbered or its list is not defined.
    label: str = ""
    page_break: bool = False
    tabs: tuple[tuple[str, int], ...] = ()
    #: The paragraph stands in a text box (``w:txbxContent``) anchored in the paragraph
    #: before it; it follows its anchor in reading order, in the anchor's table cell.
    text_box: bool = False


@dataclass(frozen=True)
class CellView:
    """One cell of a table row: the grid column it starts at, how many it spans
    (``w:gridSpan``), and its part in a vertical merge (``w:vMerge``: ``"restart"`` opens
    one, ``"continue"`` is covered by the cell above, ``None`` none)."""

    column: int
    span: int = 1
    vmerge: str | None = None


@dataclass(frozen=True)
class TableView:
    """One table (nested tables included, numbered in document order).

    ``grid`` holds the ``w:tblGrid`` column widths in twips. ``indent`` is the effective
    ``w:tblInd`` in twips (None when it is not in twips, e.g. a percentage). ``has_borders``
    tells whether any cell edge draws a line after resolving the table style's and the
    table's ``tblBorders`` and each cell's ``tcBorders``; ``borders`` is the resolved
    table-level ``tblBorders``. ``parent`` is the index of the enclosing table, if nested.
    """

    index: int
    grid: list[int]
    rows: int
    indent: int | None
    has_borders: bool
    style_id: str | None = None
    alignment: str = "left"
    borders: dict[str, dict[str, str]] = field(default_factory=dict)
    parent: int | None = None
    #: Per row, its cells (``cells[r][c]`` is the ``w:tc`` a paragraph's ``row``/``cell``
    #: name), and how many rows at the top repeat as a header (``w:tblHeader``).
    cells: list[list[CellView]] = field(default_factory=list)
    header_rows: int = 0


@dataclass(frozen=True)
class SectionView:
    """Page setup of one section (``w:sectPr``); lengths in twips.

    ``headers``/``footers`` map a reference type (``"default"``, ``"first"``, ``"even"``)
    to the part name (``"word/header1.xml"``) *as written in this sectPr*; references
    inherited from earlier sections are resolved in :attr:`DocxView.headers`.
    """

    page_width: int | None = None
    page_height: int | None = None
    orientation: str = "portrait"
    margin_top: int | None = None
    margin_bottom: int | None = None
    margin_left: int | None = None
    margin_right: int | None = None
    margin_header: int | None = None
    margin_footer: int | None = None
    margin_gutter: int | None = None
    title_page: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    footers: dict[str, str] = field(default_factory=dict)
    page_number_start: int | None = None
    start_type: str = "nextPage"


@dataclass(frozen=True)
class PartView:
    """A header or footer part: its paragraphs, tables and field instructions.

    ``fields`` lists the instructions of ``w:fldSimple`` (``@w:instr``) and of complex fields
    (the ``w:instrText`` pieces joined), stripped, in document order, e.g. ``["PAGE"]``.
    """

    name: str
    paragraphs: list[ParaView]
    tables: list[TableView] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)

    def text_lines(self) -> list[str]:
        """Paragraph texts in order."""
        return [p.text for p in self.paragraphs]


@dataclass(frozen=True)
class DocxView:
    """Everything :func:`read_docx` found, with effective formatting resolved.

    ``paragraphs`` are the main document's paragraphs in order, table cell paragraphs
    included. ``section`` is the last (body) section, ``sections`` all of them in order.
    ``headers``/``footers`` are the parts in effect for the last section, keyed by type,
    references inherited from earlier sections included. ``footnotes`` maps each real
    footnote id to its text; ``footnote_refs`` lists the referenced ids in document order.
    ``fields`` lists the field instructions of the main document. ``core`` holds
    ``docProps/core.xml`` (``title``, ``creator``, ``created``, ``modified``...).
    ``default_font``/``default_size_pt`` are the effective run font and size of the default
    paragraph style. ``parts`` holds every header and footer part any section uses;
    ``section_headers``/``section_footers`` give, per section, the part names in effect
    (references inherited from the previous section resolved).
    """

    paragraphs: list[ParaView]
    tables: list[TableView]
    section: SectionView
    sections: list[SectionView] = field(default_factory=list)
    headers: dict[str, PartView] = field(default_factory=dict)
    footers: dict[str, PartView] = field(default_factory=dict)
    footnotes: dict[int, str] = field(default_factory=dict)
    footnote_paragraphs: dict[int, list[ParaView]] = field(default_factory=dict)
    footnote_refs: list[int] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    core: dict[str, str] = field(default_factory=dict)
    default_font: str | None = None
    default_size_pt: float = 10.0
    parts: dict[str, PartView] = field(default_factory=dict)
    section_headers: list[dict[str, str]] = field(default_factory=list)
    section_footers: list[dict[str, str]] = field(default_factory=list)

    def text_lines(self) -> list[str]:
        """Paragraph texts of the main document, in order."""
        return [p.text for p in self.paragraphs]

    def normalised(self) -> str:
        """A stable, human-readable multi-line summary for snapshot tests.

        One line per paragraph::

            [style|align|indent|before/after|line|format] text

        ``indent`` is the first-line indent, followed by ``;L<left>`` / ``;R<right>`` when
        those are not zero; ``line`` is the ``auto`` line value or ``<rule>:<line>``.
        ``format`` is the run format shared by every run (``b``, ``i``, ``u``, ``s``,
        ``caps``, ``smallcaps``, ``sup``/``sub``, the size in points, ``font=...`` when it
        differs from the default font, ``#RRGGBB`` colours), ``*`` when runs differ, in which
        case each run whose format differs from the previous one is preceded by ``{format}``
        in the text, or ``-`` for a paragraph without text runs. A ``|bdr=...`` field lists
        paragraph borders. Footnote references show as ``[^id]``; tabs and line breaks as
        ``\\t`` and ``\\n``. Table paragraphs start with ``T<table>.<row>.<cell>``. Tables,
        the section, headers/footers and footnotes follow.
        """
        base = self.default_font
        out = [f"== body font={base or '-'} size={self.default_size_pt:g}"]
        out.extend(_para_line(p, base) for p in self.paragraphs)
        if self.fields:
            out.append("fields: " + "; ".join(self.fields))
        if self.tables:
            out.append("== tables")
            out.extend(_table_line(t) for t in self.tables)
        out.append("== section")
        out.append(_section_line(self.section))
        for kind, parts in (("header", self.headers), ("footer", self.footers)):
            for hf_type in _ordered_types(parts):
                part = parts[hf_type]
                out.append(f"== {kind} {hf_type} {part.name}")
                if part.fields:
                    out.append("fields: " + "; ".join(part.fields))
                out.extend(_para_line(p, base) for p in part.paragraphs)
        if self.footnotes:
            out.append("== footnotes")
            for fid in sorted(self.footnotes):
                out.append(f"^{fid}: {_escape(self.footnotes[fid])}")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- normalised()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _ordered_types(parts: dict[str, PartView]) -> list[str]:
    known = [t for t in _HF_TYPES if t in parts]
    return known + sorted(t for t in parts if t not in _HF_TYPES)


def _run_token(run: RunView, base_font: str | None) -> str:
    parts: list[str] = []
    for flag, mark in (
        (run.bold, "b"),
        (run.italic, "i"),
        (run.underline, "u"),
        (run.strike, "s"),
        (run.caps, "caps"),
        (run.small_caps, "smallcaps"),
        (run.hidden, "hidden"),
    ):
        if flag:
            parts.append(mark)
    if run.vert_align == "superscript":
        parts.append("sup")
    elif run.vert_align == "subscript":
        parts.append("sub")
    parts.append(f"{run.size_pt:g}")
    if run.font != base_font:
        parts.append(f"font={run.font}")
    if run.color not in (None, "auto", page.COLOR):  # black (Phụ lục I, I.4) goes unsaid
        parts.append(f"#{run.color}")
    return ",".join(parts)


def _para_line(p: ParaView, base_font: str | None) -> str:
    indent = str(p.first_line)
    if p.left_indent:
        indent += f";L{p.left_indent}"
    if p.right_indent:
        indent += f";R{p.right_indent}"
    line = str(p.line) if p.line_rule == "auto" else f"{p.line_rule}:{p.line}"
    fields = [p.style_id or "-", p.alignment, indent, f"{p.space_before}/{p.space_after}", line]
    text_runs = [r for r in p.runs if not r.is_footnote_ref]
    tokens = {_run_token(r, base_font) for r in text_runs}
    mixed = len(tokens) > 1
    fields.append("-" if not tokens else "*" if mixed else next(iter(tokens)))
    if p.borders:
        sides = ",".join(
            f"{side}:{attrs.get('val', '')}/{attrs.get('sz', '')}"
            for side, attrs in sorted(p.borders.items())
        )
        fields.append(f"bdr={sides}")
    pieces: list[str] = []
    previous: str | None = None
    for run in p.runs:
        if run.is_footnote_ref:
            pieces.append(f"[^{run.footnote_id}]")
            continue
        token = _run_token(run, base_font)
        if mixed and token != previous:
            pieces.append("{" + token + "}")
        previous = token
        pieces.append(_escape(run.text))
    where = f"T{p.table}.{p.row}.{p.cell} " if p.table is not None else ""
    body = "".join(pieces)
    return f"{where}[{'|'.join(fields)}]" + (f" {body}" if body else "")


def _table_line(t: TableView) -> str:
    indent = "-" if t.indent is None else str(t.indent)
    parent = "" if t.parent is None else f" parent=T{t.parent}"
    return (
        f"T{t.index} rows={t.rows} grid={t.grid} indent={indent} align={t.alignment} "
        f"borders={'yes' if t.has_borders else 'no'} style={t.style_id or '-'}{parent}"
    )


def _section_line(s: SectionView) -> str:
    def num(v: int | None) -> str:
        return "-" if v is None else str(v)

    return (
        f"page {num(s.page_width)}x{num(s.page_height)} {s.orientation}; margins "
        f"top={num(s.margin_top)} bottom={num(s.margin_bottom)} left={num(s.margin_left)} "
        f"right={num(s.margin_right)} header={num(s.margin_header)} "
        f"footer={num(s.margin_footer)}; titlePg={'yes' if s.title_page else 'no'}"
    )


# --------------------------------------------------------------------------- package


class PartError(ValueError):
    """A part of the package that cannot be read: ``part`` is its name in the zip."""

    def __init__(self, part: str, message: str, problem: Any = None) -> None:
        super().__init__(message)
        self.part = part
        #: The package guard's :class:`vanban._package.PackageProblem`, located, if it refused.
        self.problem = problem


class _Package:
    """Parts of an OPC package, looked up case-insensitively."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zf = zf
        self._names = {n.lower(): n for n in zf.namelist()}
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}

    def has(self, part: str) -> bool:
        return part.lower() in self._names

    def xml(self, part: str) -> ET.Element | None:
        """The parsed root of *part*, None when the part is missing."""
        name = self._names.get(part.lower())
        if name is None:
            return None
        try:
            data = self._zf.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as e:
            raise PartError(name, f"cannot read part {part} of the .docx (zip): {e}") from e
        # Every part parsed here passes the package guard first, whatever its name (the
        # main part can be word/main.bin through the relationships): no DOCTYPE, so no
        # entity to expand, nesting within the limit; a PackageProblem names the part.
        try:
            _package.check_xml(name, data)
        except _package.PackageProblem as problem:
            raise PartError(
                name, f"part {part} of the .docx is not well-formed XML: {problem}", problem
            ) from None
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            raise PartError(name, f"part {part} of the .docx is not well-formed XML: {e}") from e
        if root.tag.startswith("{http://purl.oclc.org/ooxml/"):
            _normalise_namespaces(root)
        return root

    def rels(self, source: str) -> dict[str, tuple[str, str]]:
        """Relationships of *source* ("" for the package): id -> (type, target part)."""
        if source in self._rels:
            return self._rels[source]
        folder, base = posixpath.split(source)
        rels_part = posixpath.join(folder, "_rels", f"{base}.rels")
        out: dict[str, tuple[str, str]] = {}
        root = self.xml(rels_part)
        if root is not None:
            for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
                target = rel.get("Target")
                if not target or rel.get("TargetMode") == "External":
                    continue
                target = unquote(target)
                if target.startswith("/"):
                    part = target.lstrip("/")
                else:
                    part = posixpath.normpath(posixpath.join(folder, target))
                out[rel.get("Id", "")] = (rel.get("Type", ""), part)
        self._rels[source] = out
        return out

    def related(self, source: str, kind: str) -> str | None:
        """The first target of *source* whose relationship type ends with ``/kind``."""
        for rel_type, part in self.rels(source).values():
            if rel_type.endswith("/" + kind):
                return part
        return None


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    style_id: str
    type: str
    name: str | None
    based_on: str | None
    is_default: bool
    ppr: dict[str, Any]
    rpr: dict[str, Any]
    tblpr: ET.Element | None
    tcpr: ET.Element | None


def _theme_fonts(root: ET.Element | None) -> dict[str, str | None]:
    """Theme font name (``minorHAnsi``...) -> typeface, from a theme part."""
    out: dict[str, str | None] = {}
    if root is None:
        return out
    scheme = root.find(f".//{{{A_NS}}}fontScheme")
    if scheme is None:
        return out
    for kind in ("major", "minor"):
        fonts = scheme.find(f"{{{A_NS}}}{kind}Font")
        if fonts is None:
            continue

        def face(tag: str, fonts: ET.Element = fonts) -> str | None:
            el = fonts.find(f"{{{A_NS}}}{tag}")
            return (el.get("typeface") or None) if el is not None else None

        out[f"{kind}Ascii"] = out[f"{kind}HAnsi"] = face("latin")
        out[f"{kind}EastAsia"] = face("ea")
        out[f"{kind}Bidi"] = face("cs")
    return out


def _parse_rpr(rpr: ET.Element | None, theme: dict[str, str | None]) -> dict[str, Any]:
    """The properties an ``rPr`` element sets, as a layer for :func:`_merge`."""
    layer: dict[str, Any] = {}
    if rpr is None:
        return layer
    for child in rpr:
        if not child.tag.startswith(f"{{{W_NS}}}"):
            continue
        tag = _local(child.tag)
        val = child.get(W_VAL)
        if tag in _TOGGLES:
            layer[tag] = _is_on(val)
        elif tag == "sz":
            size = _measure(val, per_point=2)
            if size is not None:
                layer["sz"] = size
        elif tag == "rFonts":
            fonts: dict[str, str | None] = {}
            for slot, (attr, theme_attr) in _FONT_SLOTS.items():
                theme_name = child.get(_w(theme_attr))
                if theme_name:
                    # A theme attribute wins over the explicit one on the same element.
                    fonts[slot] = theme.get(theme_name) or child.get(_w(attr))
                elif child.get(_w(attr)) is not None:
                    fonts[slot] = child.get(_w(attr))
            layer["rFonts"] = fonts
        elif tag == "u":
            layer["u"] = val or "single"
        elif tag in ("color", "vertAlign") and val is not None:
            layer[tag] = val
    return layer


def _parse_ppr(ppr: ET.Element | None) -> dict[str, Any]:
    """The properties a ``pPr`` element sets, as a layer for :func:`_merge`."""
    layer: dict[str, Any] = {}
    if ppr is None:
        return layer
    jc = ppr.find(_w("jc"))
    if jc is not None and jc.get(W_VAL):
        layer["jc"] = jc.get(W_VAL)
    ind = ppr.find(_w("ind"))
    if ind is not None:
        values: dict[str, int] = {}
        for key, names in (("left", ("start", "left")), ("right", ("end", "right"))):
            for name in names:
                v = _measure(ind.get(_w(name)))
                if v is not None:
                    values[key] = v
                    break
        hanging = _measure(ind.get(_w("hanging")))
        first = _measure(ind.get(_w("firstLine")))
        if hanging is not None:  # hanging wins over firstLine on the same element
            values["first_line"] = -hanging
        elif first is not None:
            values["first_line"] = first
        layer["ind"] = values
    spacing = ppr.find(_w("spacing"))
    if spacing is not None:
        sp: dict[str, Any] = {}
        for key in ("before", "after", "line"):
            v = _measure(spacing.get(_w(key)))
            if v is not None:
                sp[key] = v
        if spacing.get(_w("lineRule")):
            sp["lineRule"] = spacing.get(_w("lineRule"))
        layer["spacing"] = sp
    pbdr = ppr.find(_w("pBdr"))
    if pbdr is not None:
        layer["pBdr"] = _borders(pbdr)
    for tag in ("keepNext", "keepLines", "pageBreakBefore"):
        value = _on_element(ppr.find(_w(tag)))
        if value is not None:
            layer[tag] = value
    num = ppr.find(_w("numPr"))
    if num is not None:
        num_id = num.find(_w("numId"))
        ilvl = num.find(_w("ilvl"))
        list_id = num_id.get(W_VAL) if num_id is not None else None
        if list_id is None or list_id == "0":
            layer["numPr"] = num_id is None  # numId 0 turns a style's numbering off
        else:
            level = (ilvl.get(W_VAL) if ilvl is not None else None) or "0"
            layer["numPr"] = (list_id, int(level) if level.isdigit() else 0)
    tabs = ppr.find(_w("tabs"))
    if tabs is not None:
        stops = []
        for tab in tabs.findall(_w("tab")):
            pos = _measure(tab.get(_w("pos")))
            kind = tab.get(W_VAL) or "left"
            if pos is not None and kind != "clear":
                stops.append((kind, pos))
        layer["tabs"] = stops
    return layer


class _Styles:
    """The styles part, with cached effective layers per style chain."""

    def __init__(self, root: ET.Element | None, theme: dict[str, str | None]) -> None:
        self.theme = theme
        self.styles: dict[str, _Style] = {}
        self.defaults: dict[str, str] = {}
        self.doc_rpr: dict[str, Any] = {}
        self.doc_ppr: dict[str, Any] = {}
        self._ppr_cache: dict[str, dict[str, Any]] = {}
        self._rpr_cache: dict[str, dict[str, Any]] = {}
        if root is None:
            return
        doc_defaults = root.find(_w("docDefaults"))
        if doc_defaults is not None:
            self.doc_rpr = _parse_rpr(doc_defaults.find(f"{_w('rPrDefault')}/{W_RPR}"), theme)
            self.doc_ppr = _parse_ppr(doc_defaults.find(f"{_w('pPrDefault')}/{W_PPR}"))
        for el in root.findall(_w("style")):
            style_id = el.get(_w("styleId"))
            if not style_id:
                continue
            name_el = el.find(_w("name"))
            based_el = el.find(_w("basedOn"))
            style = _Style(
                style_id=style_id,
                type=el.get(_w("type"), "paragraph"),
                name=name_el.get(W_VAL) if name_el is not None else None,
                based_on=based_el.get(W_VAL) if based_el is not None else None,
                is_default=_is_on(el.get(_w("default"), "0")),
                ppr=_parse_ppr(el.find(W_PPR)),
                rpr=_parse_rpr(el.find(W_RPR), theme),
                tblpr=el.find(W_TBLPR),
                tcpr=el.find(W_TCPR),
            )
            self.styles.setdefault(style_id, style)
            if style.is_default:
                self.defaults.setdefault(style.type, style_id)

    def chain(self, style_id: str | None) -> list[_Style]:
        """The basedOn chain of *style_id*, root first (cycles and gaps tolerated)."""
        out: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append(style)
            style_id = style.based_on
        out.reverse()
        return out

    def ppr(self, style_id: str | None) -> dict[str, Any]:
        """Paragraph properties of a style with its basedOn chain applied."""
        if not style_id:
            return {}
        if style_id not in self._ppr_cache:
            layer: dict[str, Any] = {}
            for style in self.chain(style_id):
                layer = _merge(layer, style.ppr)
            self._ppr_cache[style_id] = layer
        return self._ppr_cache[style_id]

    def rpr(self, style_id: str | None) -> dict[str, Any]:
        """Run properties of a style with its basedOn chain applied (nearest value wins)."""
        if not style_id:
            return {}
        if style_id not in self._rpr_cache:
            layer: dict[str, Any] = {}
            for style in self.chain(style_id):
                layer = _merge(layer, style.rpr)
            self._rpr_cache[style_id] = layer
        return self._rpr_cache[style_id]

    def paragraph_style(self, requested: str | None) -> str | None:
        """The effective paragraph style id: *requested* if it exists, else the default."""
        if requested and requested in self.styles:
            return requested
        return self.defaults.get("paragraph")

    def table_style(self, requested: str | None) -> str | None:
        if requested and requested in self.styles:
            return requested
        return self.defaults.get("table")

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "")
        return style.name if style is not None else None

    def table_property(self, style_id: str | None, tag: str) -> ET.Element | None:
        """The nearest ``tblPr/<tag>`` along the table style chain."""
        for style in reversed(self.chain(style_id)):
            if style.tblpr is not None:
                el = style.tblpr.find(_w(tag))
                if el is not None:
                    return el
        return None

    def table_borders(self, style_id: str | None, container: str) -> dict[str, dict[str, str]]:
        """``tblPr/tblBorders`` or ``tcPr/tcBorders`` of a table style chain, merged per side."""
        out: dict[str, dict[str, str]] = {}
        for style in self.chain(style_id):
            props = style.tblpr if container == "tblBorders" else style.tcpr
            if props is not None:
                out.update(_borders(props.find(_w(container))))
        return out


def _resolve_run(
    styles: _Styles,
    table_rpr: dict[str, Any],
    para_rpr: dict[str, Any],
    char_rpr: dict[str, Any],
    direct: dict[str, Any],
) -> dict[str, Any]:
    """Combine the run property layers; toggles as described in the module docstring."""
    defaults = styles.doc_rpr
    out: dict[str, Any] = {}
    for layer in (defaults, table_rpr, para_rpr, char_rpr, direct):
        out = _merge(out, {k: v for k, v in layer.items() if k not in _TOGGLES})
    for key in _TOGGLES:
        value = bool(defaults.get(key, False))
        if key in table_rpr:
            value ^= table_rpr[key]
        if key in para_rpr:
            value = para_rpr[key]  # Word resets here ([MS-OI29500] 2.1.258)
        if key in char_rpr:
            value ^= char_rpr[key]
        if key in direct:
            value = direct[key]
        out[key] = value
    return out


def _run_view(props: dict[str, Any], text: str, style_id: str | None, note: int | None) -> RunView:
    fonts = props.get("rFonts", {})
    underline = props.get("u")
    return RunView(
        text=text,
        bold=props["b"],
        italic=props["i"],
        underline=underline is not None and underline != "none",
        underline_style=underline,
        size_pt=props["sz"] / 2 if "sz" in props else 10.0,
        font=fonts.get("ascii"),
        fonts={slot: fonts.get(slot) for slot in _FONT_SLOTS},
        color=props.get("color"),
        vert_align=props.get("vertAlign"),
        caps=props["caps"],
        small_caps=props["smallCaps"],
        strike=props["strike"] or props["dstrike"],
        hidden=props["vanish"],
        style_id=style_id,
        is_footnote_ref=note is not None,
        footnote_id=note,
    )


# --------------------------------------------------------------------------- drawings

WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LINE_GEOMETRIES = frozenset(
    {"line", "straightConnector1", "bentConnector2", "bentConnector3", "curvedConnector3"}
)
#: A shape this thin (EMU; 1 mm = 36,000 EMU) is drawn as a rule.
_THIN_EMU = 36000
_VML_THIN = re.compile(r"height:\s*([\d.]+)\s*(pt|px|in|cm|mm)?", re.I)


def _drawing_kind(drawing: ET.Element) -> str:
    """ "line" for a DrawingML line, connector or a shape thin enough to be a rule."""
    for geom in drawing.iter(f"{{{A_NS}}}prstGeom"):
        if geom.get("prst") in _LINE_GEOMETRIES:
            return "line"
    if drawing.find(f".//{{{WPS_NS}}}cNvCnPr") is not None:
        return "line"
    extent = drawing.find(f".//{{{WP_NS}}}extent")
    if extent is not None and drawing.find(f".//{{{WPS_NS}}}txbx") is None:
        cx = _measure(extent.get("cx"), 1) or 0
        cy = _measure(extent.get("cy"), 1) or 0
        if min(cx, cy) <= _THIN_EMU and max(cx, cy) > 10 * _THIN_EMU:
            return "line"
    return "shape"


def _vml_kind(shape: ET.Element) -> str:
    """ "line" for a VML line, a connector, or a shape no taller than 2 pt."""
    local = _local(shape.tag)
    if (
        local == "line"
        or shape.get(f"{{{O_NS}}}connectortype")
        or shape.get("type", "").endswith("_x0000_t32")
    ):
        return "line"
    if local in ("rect", "shape"):
        m = _VML_THIN.search(shape.get("style", ""))
        thin = m is not None and _css_points(m.group(1), m.group(2)) <= 2
        if thin and shape.find(f".//{{{V_NS}}}textbox") is None:
            return "line"
    return "shape"


def _css_points(number: str, unit: str | None) -> float:
    """A length of a VML style in points (pixels when no unit is written).

    >>> _css_points("1", "cm"), _css_points("4", None)
    (28.346456692913385, 3.0)
    """
    return float(number) * _CSS_POINTS_PER_UNIT.get((unit or "px").lower(), 0.75)


def _shape_width(el: ET.Element) -> int:
    """The drawn width of a drawing or VML shape in twips, 0 when it cannot be read."""
    extent = el.find(f".//{{{WP_NS}}}extent")
    if extent is not None:
        return round((_measure(extent.get("cx"), 1) or 0) / 635)  # 635 EMU per twip
    for child in el.iter():
        if not (isinstance(child.tag, str) and child.tag.startswith(f"{{{V_NS}}}")):
            continue
        m = re.search(r"(?<![-\w])width:\s*([\d.]+)\s*(pt|px|in|cm|mm)?", child.get("style", ""))
        if m:
            return round(_css_points(m.group(1), m.group(2)) * 20)
        if _local(child.tag) == "line":
            a = [float(x.rstrip("pt") or 0) for x in (child.get("from") or "0,0").split(",")[:1]]
            b = [float(x.rstrip("pt") or 0) for x in (child.get("to") or "0,0").split(",")[:1]]
            return round(abs(b[0] - a[0]) * 20)
    return 0


def _text_boxes(p: ET.Element) -> list[ET.Element]:
    """The contents (``w:txbxContent``) of the text boxes anchored in a paragraph, in order;
    the ``mc:Fallback`` copy of a text box and the paragraphs nested in a text box's own
    content are not searched (the walker reads them when it reads that content)."""
    out: list[ET.Element] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        if el.tag in (MC_FALLBACK, W_P):
            continue
        if el.tag == W_TXBX_CONTENT:
            out.append(el)
            continue
        stack.extend(reversed(list(el)))
    return out


def _shapes_with_widths(p: ET.Element) -> list[tuple[str, int]]:
    """The drawings anchored in a paragraph with their drawn widths in twips."""
    out: list[tuple[str, int]] = []
    stack = list(p)
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in (MC_FALLBACK, W_P):
            continue  # the fallback repeats the choice; nested text-box paragraphs are apart
        if tag == _w("drawing"):
            out.append((_drawing_kind(el), _shape_width(el)))
            continue
        if tag == _w("pict") or tag == _w("object"):
            kinds = [
                _vml_kind(child)
                for child in el.iter()
                if isinstance(child.tag, str)
                and child.tag.startswith(f"{{{V_NS}}}")
                and _local(child.tag) in ("line", "shape", "rect", "roundrect")
            ]
            out.append(((kinds[:1] or ["shape"])[0], _shape_width(el)))
            continue
        stack.extend(el)
    out.reverse()
    return out


def _has_page_break(p: ET.Element) -> bool:
    """Whether a run of the paragraph holds a page break (``w:br w:type="page"``)."""
    return any(br.get(_w("type")) == "page" for br in p.iter(_w("br")))


# --------------------------------------------------------------------------- walking parts


@dataclass(frozen=True)
class _TableContext:
    table: int
    row: int
    cell: int
    ppr: dict[str, Any]
    rpr: dict[str, Any]
    borders: frozenset[str] = frozenset()


def _children(parent: ET.Element, tag: str) -> Iterator[ET.Element]:
    """Children of *parent* with *tag*, looking through content controls and customXml."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W_CUSTOM_XML:
            yield from _children(child, tag)


class _Walker:
    """Collects paragraphs, tables, fields and footnote references of one story."""

    def __init__(
        self, styles: _Styles, collect_sections: bool = False, numbering: Numbering | None = None
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paragraphs: list[ParaView] = []
        self.tables: list[TableView | None] = []
        self.fields: list[str] = []
        self.footnote_refs: list[int] = []
        self.section_elements: list[ET.Element] = []
        self._collect_sections = collect_sections
        self._open_fields: list[list[Any]] = []  # [instruction pieces, emitted?]

    def finished_tables(self) -> list[TableView]:
        return [t for t in self.tables if t is not None]

    # -- block level

    def blocks(self, parent: ET.Element, ctx: _TableContext | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, ctx)
            elif tag == W_TBL:
                self.table(child, ctx)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.blocks(content, ctx)
            elif tag in (W_CUSTOM_XML, _w("ins"), _w("moveTo")):
                self.blocks(child, ctx)

    def table(self, tbl: ET.Element, outer: _TableContext | None) -> None:
        styles = self.styles
        index = len(self.tables)
        self.tables.append(None)  # reserve the index: outer tables number before nested ones
        tblpr = tbl.find(W_TBLPR)
        style_el = tblpr.find(_w("tblStyle")) if tblpr is not None else None
        style_id = styles.table_style(style_el.get(W_VAL) if style_el is not None else None)
        # Only the table style's own pPr/rPr apply; conditional formats (w:tblStylePr:
        # firstRow, lastCol, band1Horz...) are deliberately ignored.
        table_ppr = styles.ppr(style_id)
        table_rpr = styles.rpr(style_id)

        def prop(tag: str) -> ET.Element | None:
            el = tblpr.find(_w(tag)) if tblpr is not None else None
            return el if el is not None else styles.table_property(style_id, tag)

        grid_el = tbl.find(_w("tblGrid"))
        grid = [
            _measure(col.get(_w("w"))) or 0
            for col in (grid_el.findall(_w("gridCol")) if grid_el is not None else [])
        ]
        indent: int | None = None
        ind_el = prop("tblInd")
        if ind_el is not None:
            kind = ind_el.get(_w("type"), "dxa")
            if kind == "dxa":
                indent = _measure(ind_el.get(_w("w")))
            elif kind == "nil":
                indent = 0
        jc_el = prop("jc")
        alignment = _normalise_alignment(jc_el.get(W_VAL) if jc_el is not None else None)

        table_borders = styles.table_borders(style_id, "tblBorders")
        direct_borders = tblpr.find(_w("tblBorders")) if tblpr is not None else None
        table_borders.update(_borders(direct_borders))
        style_cell_borders = styles.table_borders(style_id, "tcBorders")

        rows = list(_children(tbl, W_TR))
        visible = False
        any_cell = False
        cell_views: list[list[CellView]] = []
        header_rows = 0
        for r, tr in enumerate(rows):
            cells = list(_children(tr, W_TC))
            trpr = tr.find(_w("trPr"))
            repeats = trpr is not None and _on_element(trpr.find(_w("tblHeader")))
            if repeats and header_rows == r:
                header_rows += 1
            row_views: list[CellView] = []
            column = 0
            for c, tc in enumerate(cells):
                any_cell = True
                tcpr = tc.find(W_TCPR)
                span_el = tcpr.find(_w("gridSpan")) if tcpr is not None else None
                span_text = span_el.get(W_VAL) if span_el is not None else None
                span = int(span_text) if span_text and span_text.isdigit() else 1
                vmerge_el = tcpr.find(_w("vMerge")) if tcpr is not None else None
                vmerge = None
                if vmerge_el is not None:
                    vmerge = "restart" if vmerge_el.get(W_VAL) == "restart" else "continue"
                row_views.append(CellView(column, max(span, 1), vmerge))
                column += max(span, 1)
                cell_borders = dict(style_cell_borders)
                if tcpr is not None:
                    cell_borders.update(_borders(tcpr.find(_w("tcBorders"))))
                edges = (
                    ("top", "top" if r == 0 else "insideH"),
                    ("bottom", "bottom" if r == len(rows) - 1 else "insideH"),
                    ("left", "left" if c == 0 else "insideV"),
                    ("right", "right" if c == len(cells) - 1 else "insideV"),
                )
                sides = set()
                for side, table_side in edges:
                    if _visible(cell_borders.get(side, table_borders.get(table_side))):
                        visible = True
                        sides.add(side)
                if _visible(cell_borders.get("tl2br")) or _visible(cell_borders.get("tr2bl")):
                    visible = True
                ctx = _TableContext(index, r, c, table_ppr, table_rpr, frozenset(sides))
                self.blocks(tc, ctx)
            cell_views.append(row_views)
        if not any_cell:
            visible = any(_visible(b) for b in table_borders.values())

        self.tables[index] = TableView(
            index=index,
            grid=grid,
            rows=len(rows),
            indent=indent,
            has_borders=visible,
            style_id=style_id,
            alignment=alignment,
            borders=table_borders,
            parent=outer.table if outer is not None else None,
            cells=cell_views,
            header_rows=header_rows,
        )

    # -- paragraph level

    def paragraph(self, p: ET.Element, ctx: _TableContext | None) -> None:
        styles = self.styles
        ppr = p.find(W_PPR)
        pstyle_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = styles.paragraph_style(pstyle_el.get(W_VAL) if pstyle_el is not None else None)
        table_ppr = ctx.ppr if ctx is not None else {}
        props = styles.doc_ppr
        for layer in (table_ppr, styles.ppr(style_id), _parse_ppr(ppr)):
            props = _merge(props, layer)
        section = len(self.section_elements)
        if self._collect_sections and ppr is not None:
            sect = ppr.find(W_SECTPR)
            if sect is not None:
                self.section_elements.append(sect)

        runs: list[RunView] = []
        para_rpr = styles.rpr(style_id)
        table_rpr = ctx.rpr if ctx is not None else {}
        for r in self._runs(p):
            text, note = self._run_content(r)
            if not text and note is None:
                continue
            rpr = r.find(W_RPR)
            rstyle_el = rpr.find(_w("rStyle")) if rpr is not None else None
            rstyle = rstyle_el.get(W_VAL) if rstyle_el is not None else None
            char_rpr = styles.rpr(rstyle) if rstyle in styles.styles else {}
            resolved = _resolve_run(
                styles, table_rpr, para_rpr, char_rpr, _parse_rpr(rpr, styles.theme)
            )
            runs.append(_run_view(resolved, text, rstyle, note))
            if note is not None:
                self.footnote_refs.append(note)

        ind = props.get("ind", {})
        spacing = props.get("spacing", {})
        drawn = _shapes_with_widths(p)
        num = props.get("numPr")
        label = ""
        if isinstance(num, tuple) and self.numbering is not None:
            label = self.numbering.label(num[0], num[1])
        self.paragraphs.append(
            ParaView(
                text="".join(r.text for r in runs),
                style_id=style_id,
                style_name=styles.name(style_id),
                runs=runs,
                alignment=_normalise_alignment(props.get("jc")),
                first_line=ind.get("first_line", 0),
                left_indent=ind.get("left", 0),
                right_indent=ind.get("right", 0),
                space_before=spacing.get("before", 0),
                space_after=spacing.get("after", 0),
                line=spacing.get("line", 240),
                line_rule=spacing.get("lineRule", "auto"),
                borders={k: v for k, v in props.get("pBdr", {}).items() if _visible(v)},
                keep_next=props.get("keepNext", False),
                keep_lines=props.get("keepLines", False),
                page_break_before=props.get("pageBreakBefore", False),
                table=ctx.table if ctx is not None else None,
                row=ctx.row if ctx is not None else None,
                cell=ctx.cell if ctx is not None else None,
                section=section,
                shapes=tuple(kind for kind, _ in drawn),
                shape_widths=tuple(width for _, width in drawn),
                cell_borders=ctx.borders if ctx is not None else frozenset(),
                numbered=bool(props.get("numPr")),
                label=label,
                page_break=bool(props.get("pageBreakBefore")) or _has_page_break(p),
                tabs=tuple(props.get("tabs", ())),
            )
        )
        for content in _text_boxes(p):
            first = len(self.paragraphs)
            self.blocks(content, ctx)
            for k in range(first, len(self.paragraphs)):
                self.paragraphs[k] = replace(self.paragraphs[k], text_box=True)

    def _runs(self, parent: ET.Element) -> Iterator[ET.Element]:
        """The runs of a paragraph in order, looking through inline containers."""
        for child in parent:
            tag = child.tag
            if tag == W_R:
                yield child
            elif tag in _INLINE_SKIPPED:
                continue
            elif tag == _w("fldSimple"):
                instr = (child.get(_w("instr")) or "").strip()
                if instr:
                    self.fields.append(instr)
                yield from self._runs(child)
            elif tag in _INLINE_CONTAINERS:
                yield from self._runs(child)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self._runs(content)

    def _run_content(self, r: ET.Element) -> tuple[str, int | None]:
        """The text of a run and the footnote it references, tracking complex fields."""
        pieces: list[str] = []
        note: int | None = None
        for child in r:
            tag = _local(child.tag) if child.tag.startswith(f"{{{W_NS}}}") else ""
            if tag == "t":
                pieces.append(child.text or "")
            elif tag in ("tab", "ptab"):
                pieces.append("\t")
            elif tag in ("br", "cr"):
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("-")
            elif tag == "sym":
                code = child.get(_w("char")) or ""
                if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) and int(code, 16) <= 0x10FFFF:
                    pieces.append(chr(int(code, 16)))
            elif tag == "footnoteReference":
                try:
                    note = int(child.get(_w("id"), ""))
                except ValueError:
                    note = None
            elif tag == "fldChar":
                self._field_char(child.get(_w("fldCharType")))
            elif tag == "instrText" and self._open_fields and not self._open_fields[-1][1]:
                self._open_fields[-1][0].append(child.text or "")
        return "".join(pieces), note

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._open_fields.append([[], False])
        elif kind in ("separate", "end") and self._open_fields:
            top = self._open_fields[-1]
            if not top[1]:
                top[1] = True
                instr = "".join(top[0]).strip()
                if instr:
                    self.fields.append(instr)
            if kind == "end":
                self._open_fields.pop()


# --------------------------------------------------------------------------- reading


def _section_view(sect: ET.Element | None, package: _Package, source: str) -> SectionView:
    if sect is None:
        return SectionView()
    rels = package.rels(source)
    refs: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
    for kind in ("header", "footer"):
        for ref in sect.findall(_w(f"{kind}Reference")):
            target = rels.get(ref.get(R_ID, ""))
            if target is not None:
                refs[kind][ref.get(_w("type"), "default")] = target[1]
    pg_sz = sect.find(_w("pgSz"))
    pg_mar = sect.find(_w("pgMar"))
    pg_num = sect.find(_w("pgNumType"))
    start_type = sect.find(_w("type"))

    def size(attr: str) -> int | None:
        return _measure(pg_sz.get(_w(attr))) if pg_sz is not None else None

    def margin(attr: str) -> int | None:
        return _measure(pg_mar.get(_w(attr))) if pg_mar is not None else None

    return SectionView(
        page_width=size("w"),
        page_height=size("h"),
        orientation=(pg_sz.get(_w("orient")) if pg_sz is not None else None) or "portrait",
        margin_top=margin("top"),
        margin_bottom=margin("bottom"),
        margin_left=margin("left"),
        margin_right=margin("right"),
        margin_header=margin("header"),
        margin_footer=margin("footer"),
        margin_gutter=margin("gutter"),
        title_page=bool(_on_element(sect.find(_w("titlePg")))),
        headers=refs["header"],
        footers=refs["footer"],
        page_number_start=_measure(pg_num.get(_w("start")), 1) if pg_num is not None else None,
        start_type=(start_type.get(W_VAL) or "nextPage") if start_type is not None else "nextPage",
    )


def _open_zip(data: bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes]) -> Any:
    source: Any
    if isinstance(data, (bytes, bytearray, memoryview)):
        source = io.BytesIO(bytes(data))
    elif isinstance(data, (str, os.PathLike)):
        source = os.fspath(data)
    else:
        source = data
    try:
        return zipfile.ZipFile(source)
    except zipfile.BadZipFile as e:
        raise ValueError("not a .docx file: the data is not a zip archive") from e


def read_docx(
    data: bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes],
) -> DocxView:
    """Read a .docx (bytes, a path, or a binary file object) into a :class:`DocxView`.

    Raises ValueError when the data is not a zip archive, has no main document part
    (``word/document.xml``), or holds XML that is not well-formed. A missing file raises
    the usual OSError.

    >>> read_docx(b"not a zip")
    Traceback (most recent call last):
    ...
    ValueError: not a .docx file: the data is not a zip archive
    """
    with _open_zip(data) as zf:
        return _read(_Package(zf))


def _read(package: _Package) -> DocxView:
    main = package.related("", "officeDocument")
    if main is None or not package.has(main):
        main = "word/document.xml"
    root = package.xml(main)
    if root is None:
        raise ValueError("not a .docx file: word/document.xml is missing")
    body = root.find(W_BODY)
    if root.tag != _w("document") or body is None:
        raise ValueError(f"not a .docx file: {main} is not a WordprocessingML document")

    theme_part = package.related(main, "theme")
    theme = _theme_fonts(package.xml(theme_part) if theme_part else None)
    styles_part = package.related(main, "styles") or "word/styles.xml"
    styles = _Styles(package.xml(styles_part), theme)

    numbering_part = package.related(main, "numbering")
    numbering = Numbering.read(package.xml(numbering_part) if numbering_part else None)
    walker = _Walker(styles, collect_sections=True, numbering=numbering)
    walker.blocks(body)
    body_sect = body.find(W_SECTPR)
    if body_sect is not None:
        walker.section_elements.append(body_sect)
    sections = [_section_view(s, package, main) for s in walker.section_elements]
    section = sections[-1] if sections else SectionView()

    # Header/footer references not repeated in a section are inherited from the previous one.
    effective: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
    section_headers: list[dict[str, str]] = []
    section_footers: list[dict[str, str]] = []
    for s in sections:
        effective["header"].update(s.headers)
        effective["footer"].update(s.footers)
        section_headers.append(dict(effective["header"]))
        section_footers.append(dict(effective["footer"]))
    parts_cache: dict[str, PartView] = {}

    def part_view(name: str) -> PartView | None:
        if name not in parts_cache:
            part_root = package.xml(name)
            if part_root is None:
                return None
            part_walker = _Walker(styles)
            part_walker.blocks(part_root)
            parts_cache[name] = PartView(
                name=name,
                paragraphs=part_walker.paragraphs,
                tables=part_walker.finished_tables(),
                fields=part_walker.fields,
            )
        return parts_cache[name]

    headers: dict[str, PartView] = {}
    footers: dict[str, PartView] = {}
    for kind, target in (("header", headers), ("footer", footers)):
        for hf_type, name in effective[kind].items():
            view = part_view(name)
            if view is not None:
                target[hf_type] = view

    for refs in section_headers + section_footers:
        for name in refs.values():
            part_view(name)

    footnotes: dict[int, str] = {}
    footnote_paragraphs: dict[int, list[ParaView]] = {}
    notes_part = package.related(main, "footnotes") or "word/footnotes.xml"
    notes_root = package.xml(notes_part)
    if notes_root is not None:
        for note in notes_root.findall(_w("footnote")):
            if note.get(_w("type"), "normal") in _EXCLUDED_FOOTNOTE_TYPES:
                continue
            try:
                note_id = int(note.get(_w("id"), ""))
            except ValueError:
                continue
            if note_id <= 0:
                continue
            note_walker = _Walker(styles)
            note_walker.blocks(note)
            footnote_paragraphs[note_id] = note_walker.paragraphs
            footnotes[note_id] = "\n".join(p.text for p in note_walker.paragraphs).strip()

    core: dict[str, str] = {}
    core_part = package.related("", "core-properties") or "docProps/core.xml"
    core_root = package.xml(core_part)
    if core_root is not None:
        for el in core_root:
            core[_local(el.tag)] = (el.text or "").strip()

    default_style = styles.defaults.get("paragraph")
    base = _resolve_run(styles, {}, styles.rpr(default_style), {}, {})
    base_fonts = base.get("rFonts", {})
    return DocxView(
        paragraphs=walker.paragraphs,
        tables=walker.finished_tables(),
        section=section,
        sections=sections,
        headers=headers,
        footers=footers,
        footnotes=footnotes,
        footnote_paragraphs=footnote_paragraphs,
        footnote_refs=walker.footnote_refs,
        fields=walker.fields,
        core=core,
        default_font=base_fonts.get("ascii"),
        default_size_pt=base["sz"] / 2 if "sz" in base else 10.0,
        parts=parts_cache,
        section_headers=section_headers,
        section_footers=section_footers,
    )

"""vanban's styles.xml held to the decree's table of styles (vanban.nd30.styles), and the
template's fonts and colours to vanban.nd30.page: the same rule is not written twice, so a
style edited in the template alone (or in the table alone) fails here."""

from __future__ import annotations

import copy
import io
import re
import warnings
import zipfile
from dataclasses import fields
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from tests_support import example_docs

import vanban
from vanban._templating import templates_dir
from vanban.layout.blocks import Role
from vanban.models import KeHoach
from vanban.nd30 import page
from vanban.nd30.styles import BUILT_IN, SIZE_KEYS, STYLES, Style

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off")

#: Two formats as far apart as the model allows: every value of the table that depends on
#: the document's format takes another value in the second.
FORMATS: list[dict[str, Any]] = [
    {},
    {"size": "13", "first_line_indent": "1.27cm", "line_spacing": 1.5, "table_size": 12},
]


def _parts(sample: dict[str, Any], fmt: dict[str, Any]) -> dict[str, bytes]:
    data = copy.deepcopy(sample)
    data["format"] = fmt
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        docx = vanban.render(KeHoach.model_validate(data))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist()}


class _Styles:
    """The effective properties of a styles.xml's paragraph styles: each property from the
    nearest style of the basedOn chain that sets it, else from the document defaults."""

    def __init__(self, xml: bytes) -> None:
        root = ET.fromstring(xml)
        self.by_id = {s.get(f"{W}styleId", ""): s for s in root.iter(f"{W}style")}
        self.paragraph_ids = {k for k, s in self.by_id.items() if s.get(f"{W}type") == "paragraph"}
        defaults = root.find(f"{W}docDefaults")
        assert defaults is not None
        self.defaults = [defaults.find(f"{W}rPrDefault"), defaults.find(f"{W}pPrDefault")]

    def _chain(self, sid: str) -> list[ET.Element]:
        out = []
        while sid in self.by_id and len(out) < 20:
            style = self.by_id[sid]
            out.append(style)
            based = style.find(f"{W}basedOn")
            sid = based.get(f"{W}val", "") if based is not None else ""
        return out + [d for d in self.defaults if d is not None]

    def _find(self, sid: str, path: str, name: str | None = None) -> ET.Element | None:
        """The nearest element at ``path`` ("rPr/sz") that has attribute ``name``."""
        xpath = "/".join(f"{W}{step}" for step in path.split("/"))
        for el in self._chain(sid):
            found = el.find(xpath)
            if found is not None and (name is None or found.get(f"{W}{name}") is not None):
                return found
        return None

    def _value(self, sid: str, path: str, name: str, default: str) -> str:
        found = self._find(sid, path, name)
        return found.get(f"{W}{name}", default) if found is not None else default

    def _on(self, sid: str, path: str) -> bool:
        found = self._find(sid, path)
        return found is not None and found.get(f"{W}val", "1") not in _OFF

    def effective(self, sid: str) -> Style:
        """The style as Word shows it, in the table's terms (sizes in pt)."""
        return Style(
            size=int(self._value(sid, "rPr/sz", "val", "0")) / 2,  # type: ignore[arg-type]
            bold=self._on(sid, "rPr/b"),
            italic=self._on(sid, "rPr/i"),
            align=self._value(sid, "pPr/jc", "val", "left"),
            first_line=int(self._value(sid, "pPr/ind", "firstLine", "0")),
            before=int(self._value(sid, "pPr/spacing", "before", "0")),
            after=int(self._value(sid, "pPr/spacing", "after", "0")),
            line=int(self._value(sid, "pPr/spacing", "line", str(page.LINE_SPACING))),
            line_rule=self._value(sid, "pPr/spacing", "lineRule", "auto"),
            keep_next=self._on(sid, "pPr/keepNext"),
        )


#: What the table and styles.xml are compared on ("upper" is held by the text, below).
_COMPARED = tuple(f.name for f in fields(Style) if f.name not in ("upper", "source"))


@pytest.mark.parametrize("fmt", FORMATS, ids=["14-1cm-single", "13-1.27cm-1.5"])
def test_styles_xml_is_the_table(sample: dict[str, Any], fmt: dict[str, Any]) -> None:
    styles = _Styles(_parts(sample, fmt)["word/styles.xml"])
    built_in = set(BUILT_IN.values())
    vb = {s for s in styles.paragraph_ids if s.startswith("VB") or s in built_in}
    missing = {sid: styles.effective(sid) for sid in sorted(vb - set(STYLES))}
    assert missing == {}, "add these styles of styles.xml to vanban.nd30.styles.STYLES"
    assert set(STYLES) - vb == set(), "STYLES names styles that styles.xml does not define"
    preset = page.SIZE_PRESETS[fmt.get("size", "14")]
    choices = {k: v for k, v in fmt.items() if k != "size"}
    wrong = []
    for sid, rule in STYLES.items():
        want = rule.for_format(preset, **choices)
        got = styles.effective(sid)
        for name in _COMPARED:
            found, rule_value = getattr(got, name), getattr(want, name)
            if found != rule_value:
                wrong.append(f"{sid}.{name}: styles.xml {found!r}, table {rule_value!r}")
    assert wrong == []


def test_the_table_covers_every_role_and_names_known_sizes() -> None:
    assert {r.style for r in Role} <= set(STYLES)
    for sid, style in STYLES.items():
        assert isinstance(style.size, int) or style.size in SIZE_KEYS, sid
        assert style.align in ("left", "center", "both", "right"), sid
        assert style.line_rule in ("auto", "exact"), sid
        assert style.source, sid


def test_the_formats_compared_differ_in_every_choice() -> None:
    """The comparison above could not miss a style that ignores the document's format."""

    def resolved(sid: str, fmt: dict[str, Any]) -> Style:
        choices = {k: v for k, v in fmt.items() if k != "size"}
        return STYLES[sid].for_format(page.SIZE_PRESETS[fmt.get("size", "14")], **choices)

    a, b = (resolved("VBParagraph", f) for f in FORMATS)
    assert a.size != b.size and a.first_line != b.first_line and a.line != b.line
    assert resolved("VBTableCell", FORMATS[0]).size != resolved("VBTableCell", FORMATS[1]).size


def _paragraphs(xml: bytes) -> list[tuple[str, str]]:
    root = ET.fromstring(xml)
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        out.append((style.get(f"{W}val", "") if style is not None else "", text))
    return out


def test_capitals_where_the_table_says_in_hoa(sample: dict[str, Any]) -> None:
    upper = {sid for sid, s in STYLES.items() if s.upper}
    docs = [KeHoach.model_validate(sample), *example_docs().values()]
    seen: set[str] = set()
    for doc in docs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", vanban.VanbanWarning)
            docx = vanban.render(doc)
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            for style, text in _paragraphs(z.read("word/document.xml")):
                if style in upper and text.strip():
                    seen.add(style)
                    assert text == text.upper(), (style, text)
    # The Kế hoạch examples use these; styles of other types are held when they are seen.
    assert {
        "VBParent",
        "VBIssuer",
        "VBNational",
        "VBMark",
        "VBDocType",
        "VBHeading1",
        "VBSignerTitle",
        "VBSignerOther",
        "VBAppendixTitle",
    } <= seen


_RUN_FONTS = re.compile(r"<w:rFonts ([^>]*)/>")
_FONT_NAME = re.compile(r'<w:font w:name="([^"]*)"')
_ATTR = re.compile(r'w:\w+="([^"]*)"')
_COLOURS = re.compile(r'<w:color w:val="([^"]*)"| w:color="([^"]*)"')


def test_template_fonts_and_colours_are_the_decrees() -> None:
    """Phụ lục I, I.4: Times New Roman, black; the literals of the templates are page.FONT
    and page.COLOR."""
    fonts, colours = set(), set()
    for path in sorted(templates_dir().rglob("*.xml")):
        text = path.read_text(encoding="utf-8")
        for attrs in _RUN_FONTS.findall(text):
            fonts |= set(_ATTR.findall(attrs))
        fonts |= set(_FONT_NAME.findall(text))
        colours |= {a or b for a, b in _COLOURS.findall(text)}
    assert fonts == {page.FONT}
    assert colours == {page.COLOR}

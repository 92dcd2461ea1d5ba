"""The text rules (vanban._cleaning) and the inline syntax (vanban._markup), unit by unit."""

from __future__ import annotations

import re
import unicodedata
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vanban
from vanban import _cleaning as cleaning
from vanban import _markup as markup
from vanban._markup import Footnote, LineBreak, Span, Tab
from vanban._ooxml import escape as xml_escape

#: XML 1.0 (fifth edition) production 2, "Char".
_XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
ok_text = st.text(
    st.characters(
        exclude_categories=("Cs",),
        exclude_characters="".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
        + "\ufffe\uffff",
    ),
    max_size=60,
)
spaced = st.lists(
    st.one_of(ok_text, st.sampled_from([" ", "\n", "\n\n\n", "\r\n", "\t", "\u00a0", " \n "])),
    max_size=8,
).map("".join)


def markup_escape(s: str) -> str:
    return re.sub(r"([\\*\[\]])", r"\\\1", s)


# --- characters ----------------------------------------------------------------------------


def test_bad_character_is_exactly_what_xml_cannot_carry() -> None:
    for code in range(0x110000):
        c = chr(code)
        assert (cleaning.bad_character(c) is None) == bool(_XML_CHAR.fullmatch(c)), hex(code)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_accepted_text_is_well_formed_xml(s: str) -> None:
    if cleaning.bad_character(s) is None:
        assert ET.fromstring(f"<a>{xml_escape(s)}</a>").text in (s.replace("\r", "\n"), None)


def test_bad_character_names_the_first() -> None:
    assert cleaning.bad_character("ab\x01c\x07") == "U+0001"
    assert cleaning.bad_character("\ud800") == "U+D800"
    assert cleaning.bad_character("\uffff") == "U+FFFF"
    assert cleaning.bad_character("tab\tnewline\ncr\r nbsp\u00a0 \x7f \x85 \U0010ffff") is None


@pytest.mark.parametrize(
    ("field", "yaml_value"),
    [("title", '"Kế\\x07hoạch"'), ("place", '"Hà\\x00Nội"'), ("closing", '"a\\uFFFEb"')],
)
def test_refused_with_the_field_path(field: str, yaml_value: str) -> None:
    plan = PLAN.replace(f"{field}: x", f"{field}: {yaml_value}")
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(plan, source="p.yaml")
    (p,) = info.value.errors
    assert p.path == field and p.code == "bad_character" and "không được phép" in p.message


# --- cleaning ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Ủy ban  ", "Ủy ban"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("Ho\u0302\u0323i nghi\u0323", "Hội nghị"),  # NFD → NFC
        ("U\u031b\u0301", "Ứ"),
        ("dòng một   \n   dòng hai", "dòng một\ndòng hai"),  # ends of lines are layout
        ("giữ   khoảng   trắng", "giữ   khoảng   trắng"),  # inside a line: content
        ("a\n\n\n\n b", "a\n\nb"),  # one blank line is enough
        ("\t\u00a0a\u00a0\t", "a"),
        ("a\t \n\t b", "a\nb"),
        ("{{ x }} <b>&amp;", "{{ x }} <b>&amp;"),
    ],
)
def test_clean(raw: str, clean: str) -> None:
    assert cleaning.clean(raw) == clean


@settings(max_examples=500, deadline=None)
@given(spaced)
def test_clean_is_idempotent_and_tidy(s: str) -> None:
    c = cleaning.clean(s)
    assert cleaning.clean(c) == c
    assert unicodedata.is_normalized("NFC", c)
    assert "\r" not in c and "\n\n\n" not in c
    assert c == c.strip()
    assert not re.search(r"[ \t\u00a0]\n|\n[ \t\u00a0]", c)
    if c:
        assert all(cleaning.paragraphs(c)), "no empty paragraph"
        assert "\n\n".join(cleaning.paragraphs(c)) == c


def test_paragraphs() -> None:
    assert cleaning.paragraphs("Một\ndòng hai\n\nĐoạn mới") == ["Một\ndòng hai", "Đoạn mới"]
    assert cleaning.paragraphs("Một đoạn") == ["Một đoạn"]


# --- inline syntax -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "inlines"),
    [
        ("a *b* **c**", [Span("a "), Span("b", italic=True), Span(" "), Span("c", bold=True)]),
        ("5 * 3", [Span("5 * 3")]),
        ("a ** b", [Span("a ** b")]),
        ("\\*x\\*", [Span("*x*")]),
        ("\\[^n]", [Span("[^n]")]),
        ("x[^n]", [Span("x"), Footnote("n")]),
        ("C:\\tmp\\new", [Span("C:\\tmp\\new")]),
        ("a\\\\b", [Span("a\\b")]),
        ("a\nb\tc", [Span("a"), LineBreak(), Span("b"), Tab(), Span("c")]),
        ("{{ x }} {%p if %} <w:t>&", [Span("{{ x }} {%p if %} <w:t>&")]),
        ("***a* b**", [Span("a", bold=True, italic=True), Span(" b", bold=True)]),
        ("", []),
    ],
)
def test_parse(source: str, inlines: list) -> None:
    assert markup.parse(source) == inlines


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_escaped_text_is_literal(s: str) -> None:
    parsed = markup.parse(markup_escape(s))
    assert markup.plain(parsed) == s
    assert not any(isinstance(x, Footnote) for x in parsed)
    assert all(not (x.bold or x.italic) for x in parsed if isinstance(x, Span))
    assert markup.footnote_names(markup_escape(s)) == []


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_parse_never_loses_text_without_markers(s: str) -> None:
    s = re.sub(r"[\\*\[]", "", s)
    assert markup.plain(markup.parse(s)) == s


def test_footnote_names() -> None:
    assert markup.footnote_names("a[^x] b\\[^y] c[^z] d\\\\[^w]") == ["x", "z", "w"]


# --- through the model ---------------------------------------------------------------------

PLAN = """\
type: ke_hoach
issuer: {name: BAN, abbreviation: KCN}
place: x
title: x
sections: [{title: Mục, content: [Đoạn]}]
closing: x
archive: [NC]
signer: {title: Trưởng ban, name: A}
"""


def test_nfd_input_is_stored_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định Ủy ban")
    doc = vanban.loads(
        PLAN.replace("title: x", f"title: {nfd}").replace("place: x", f"place: {nfd}")
    )
    assert doc.title == doc.place == "Quyết định Ủy ban"

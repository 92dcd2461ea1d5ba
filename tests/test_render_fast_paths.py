"""The render path's shortcuts give what the long way gives, and leave no trace behind."""

from __future__ import annotations

import functools
import gc
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import vanban
from vanban import _markup as markup
from vanban import _ooxml
from vanban._markup import LineBreak, Span
from vanban._rendering import Renderer, _items
from vanban.errors import ValidationError
from vanban.layout import layout
from vanban.layout.blocks import Block, NoteRef, Role
from vanban.layout.body import Body, _strip_final_period, leads_in
from vanban.layout.common import Inliner
from vanban.models import KeHoach
from vanban.nd30.capitals import _LETTERS, capitals, is_mixed_abbreviation

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "an-ninh-cong-nhan-bac-giang.yaml"


@functools.cache
def _plan() -> Any:
    """The example plan, loaded once (the inliner only reads its footnotes)."""
    return vanban.load(PLAN)


@pytest.mark.parametrize("enabled", [True, False])
def test_render_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    """The cyclic collector is paused while a document renders and left as it was: on
    when it was on, off when the program had turned it off, also when rendering fails."""
    doc = vanban.load(PLAN)
    bad = doc.model_copy(update={"footnotes": {}})  # its text names a missing footnote
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert Renderer().render(doc)[:2] == b"PK"
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            Renderer().render(bad, today=doc.date.as_date if doc.date else None)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# ----------------------------------------------------------------- capitals: the word filter

#: Letters whose case is odd: a capital with no small form (𝔘), titlecase (ǅ), a small
#: letter with no capital (ß upper-cases to "SS"), Vietnamese with its marks, a mark alone.
_ODD = "𝔘𝔞ǅǆǄßẞđĐơƠưƯếẾỗỖaAzZ\u0345ⓐ"
_TEXT = st.text(alphabet=st.sampled_from(list(_ODD + " -/.0123456789TtGgSsQyĐh")), max_size=30)


def _reference_capitals(text: str) -> str:
    """The rule as it was written before the filter: every run of letters upper-cased
    unless :func:`is_mixed_abbreviation` says it is written as an abbreviation."""
    return _LETTERS.sub(
        lambda m: m.group(0) if is_mixed_abbreviation(m.group(0)) else m.group(0).upper(), text
    )


@given(_TEXT)
@example("05/CT-TTg 𝔘𝔞 ǅa aǅ ß TTr ThS QyĐ")
def test_capitals_filter_agrees_with_the_rule(text: str) -> None:
    assert capitals(text) == _reference_capitals(text)


# ------------------------------------------------- the inliner's plain path and Body.add's keep

_MARKUP_TEXT = st.text(alphabet=st.sampled_from(list("ab đẾ𝔘ǅ:;.*~^[]@\\\n\t")), max_size=24)


def _reference_inlines(text: str, bold: bool, italic: bool, upper: bool) -> list[object]:
    parsed = markup.parse(text, bold=bold, italic=italic)
    if upper:
        return [x._replace(text=capitals(x.text)) if isinstance(x, Span) else x for x in parsed]
    return list(parsed)


@given(_MARKUP_TEXT, st.booleans(), st.booleans(), st.booleans())
@example("", False, False, True)
@example("Mục đích, ǅa", True, False, True)
def test_inliner_plain_path_agrees_with_the_parser(
    text: str, bold: bool, italic: bool, upper: bool
) -> None:
    """Text without markup skips the parser; what comes out is what the parser gives."""
    assume("[^" not in text and "[@" not in text)  # those need a document's notes and parts
    inl = Inliner(_plan())
    got = inl(text, bold=bold, italic=italic, upper=upper)
    want = _reference_inlines(text, bold, italic, upper)
    assert got == want
    assert [type(x) for x in got] == [type(x) for x in want]


_INLINE = st.one_of(
    st.builds(
        Span,
        st.text(alphabet=st.sampled_from(list('ab: ;&<>"{}\n')), max_size=6),
        st.booleans(),
        st.booleans(),
        st.sampled_from([None, "subscript"]),
    ),
    st.builds(NoteRef, st.integers(1, 3)),
    st.just(LineBreak()),
)


@given(st.lists(_INLINE, max_size=5), st.booleans())
@example([Span("Các sở có trách nhiệm: \n")], False)
@example([Span("a:"), NoteRef(1)], False)
@example([Span("a:"), LineBreak()], False)
def test_body_add_keeps_what_leads_in(inlines: list[Any], keep: bool) -> None:
    """A paragraph is kept with the next when asked, or when it leads in (ends with ":")."""
    body = Body(lambda text, **kw: [Span(text)], 9000)
    body.add(Role.PARAGRAPH, list(inlines), keep=keep)
    block = body.out[-1]
    assert block == Block(Role.PARAGRAPH, tuple(inlines), keep or leads_in(inlines))
    assert type(block) is Block


# --------------------------------------------------------- the context of a body without tables

_BLOCK = st.builds(
    Block,
    st.sampled_from([Role.PARAGRAPH, Role.TASK, Role.TABLE_AFTER, Role.PAGE_BREAK, Role.BULLET]),
    st.lists(_INLINE, max_size=3).map(tuple),
    st.booleans(),
)


def _view(items: list[Any]) -> list[tuple[object, ...]]:
    return [(type(p), p.role, p.style, p.runs, p.keep, p.text) for p in items]


@given(st.lists(_BLOCK, max_size=8))
@example([Block(Role.PARAGRAPH, (Span("a:"),), True), Block(Role.TABLE_AFTER, ())])
def test_body_without_tables_takes_the_short_way(blocks: list[Block]) -> None:
    """A body of paragraphs alone gets the paragraphs the full walk gives (it looks for the
    keeps around tables, and finds none)."""
    assert _view(_items(blocks)) == _view(_items(blocks, tables=True))


# ------------------------------------------------------------- runs: escaping only when needed


@given(st.lists(_INLINE, max_size=6))
@example([Span('a & b < c > d "e" {{ f }} {% g %}')])
def test_runs_escape_every_text_as_escape_does(inlines: list[Any]) -> None:
    """A text with nothing to escape skips :func:`escape`; every text comes out as
    :func:`escape` writes it, in the run of its emphasis."""
    want = []
    for x in inlines:
        if isinstance(x, Span):
            start = _ooxml._START_VERT[x[1:]] if x.vert_align else _ooxml._START[x[1:3]]
            want.append(f"{start}{_ooxml.escape(x.text)}{_ooxml._END}")
        elif isinstance(x, NoteRef):
            want.append(_ooxml.NOTE_REF.format(x.id))
        else:
            want.append(_ooxml._BR)
    assert _ooxml.runs(inlines) == "".join(want)


# ------------------------------------------------------------ tasks among other numbered blocks


def test_tasks_number_with_the_blocks_around_them(sample: dict[str, Any]) -> None:
    """A task takes the next number of its level, or its own; either way the blocks after
    it count on from its place, and the điểm and texts between are not counted."""
    sample["sections"][0]["content"] = [
        {"title": "Đầu", "content": []},
        {"task": "Việc một.", "deadline": "2025-01-01"},
        "Đoạn văn không đánh số.",
        {"task": "Việc có số riêng.", "number": "09"},
        {"bullets": ["gạch"]},
        {"task": "Việc ba."},
        {"title": "Cuối", "content": [{"task": "Việc con."}]},
    ]
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    labels = [line.split(" ")[0] for line in lines if line[:1].isdigit()]
    assert labels[:6] == ["1.", "2.", "09", "4.", "5.", "5.1."]


@given(st.text(alphabet=st.sampled_from(list("aĐế \\*[]~^\n\t\r@{}")), max_size=12))
@example("x\\y")
@example("tab\there")
def test_has_markup_is_the_special_characters_search(text: str) -> None:
    assert markup.has_markup(text) is (markup._SPECIAL.search(text) is not None)


@given(_MARKUP_TEXT, st.booleans(), st.booleans())
@example("NH~4~", False, False)
@example("m^3^", True, False)
@example("C:\\tmp", False, True)
@example("", False, False)
def test_plain_text_shortcuts_agree_with_the_parser_s_long_way(
    text: str, bold: bool, italic: bool
) -> None:
    """The inliner and :func:`parse` skip the tokenizer for text without markup; whatever
    the text, they give what the tokenizer gives."""
    assume("[^" not in text and "[@" not in text)
    full = markup._parse_marked(text, bold, italic)
    assert markup.parse(text, bold=bold, italic=italic) == full
    assert Inliner(_plan())(text, bold=bold, italic=italic) == full


_SPAN_END = st.builds(
    Span,
    st.text(alphabet=st.sampled_from(list("ab .;: ")), max_size=5),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, "superscript"]),
)


@given(st.lists(st.one_of(_SPAN_END, st.builds(NoteRef, st.integers(1, 3))), max_size=4))
@example([Span("việc A.", True, True, "superscript"), NoteRef(1)])
def test_final_period_moves_with_the_span_as_it_was(inlines: list[Any]) -> None:
    """The final "." or ";" taken off the last text keeps that span's emphasis and raise."""
    want = list(inlines)
    closing = "."
    for i in range(len(want) - 1, -1, -1):
        x = want[i]
        if isinstance(x, Span):
            stripped = x.text.rstrip()
            if stripped[-1:] in (".", ";"):
                want[i] = x._replace(text=stripped[:-1])
                closing = stripped[-1]
            break
        if not isinstance(x, NoteRef):
            break
    got = list(inlines)
    assert _strip_final_period(got) == closing
    assert got == want
    assert [type(x) for x in got] == [type(x) for x in want]


def test_a_bullet_or_task_with_a_blank_line_is_two_paragraphs(sample: dict[str, Any]) -> None:
    """Text without a newline is one paragraph without being split; with a blank line, two."""
    sample["sections"][0]["content"] = [
        {"bullets": ["một dòng", "đoạn một\n\nđoạn hai", "dòng\nngắt"]},
        {"task": "việc một\n\nviệc hai"},
    ]
    lay = layout(KeHoach.model_validate(sample))
    texts = [(b.role, b.text) for b in lay.body if isinstance(b, Block)]
    assert (Role.BULLET, "- một dòng") in texts
    i = texts.index((Role.BULLET, "- đoạn một"))
    assert texts[i + 1] == (Role.PARAGRAPH, "đoạn hai")
    assert (Role.BULLET, "- dòng\nngắt") in texts
    j = texts.index((Role.TASK, "1. việc một"))
    assert texts[j + 1] == (Role.PARAGRAPH, "việc hai")


# ------------------------------------------------------------------- the markup tokenizer

#: The tokenizer as it was written before its alternatives started with their marks.
_TOKEN_BEFORE = re.compile(
    r"\\[\\*\[\]~^]|\*\*\*|\*\*|\*|\[([\^@])([\w.-]+)\]|\n|\t"
    rf"|(?<=[^\s~])~({markup._SCRIPTED})~(?!~)|(?<=[^\s^\[])\^({markup._SCRIPTED})\^"
)


@given(st.text(alphabet=st.sampled_from(list("ab Đ~^*[]\\\n\t@.-_1")), max_size=20))
@example("NH~4~NO~3~, m^3^, 5~10, ~~x~~, [^a] [@b] \\*")
@example("~a~")
@example("x^a^^b^")
@example("a~~b~ a^^b^ x[^b^ a ~b~")
def test_tokenizer_finds_what_it_found_before(text: str) -> None:
    def tokens(pattern: re.Pattern[str]) -> list[tuple[object, ...]]:
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert tokens(markup._TOKEN) == tokens(_TOKEN_BEFORE)


# ------------------------------------------------------- own templates: partials inlined


def _rendered_both_ways(folder: str, docs: list[Any]) -> tuple[list[bytes], list[bytes]]:
    """The bytes of ``docs`` from ``folder`` prepared with its partials inlined, and not."""
    from vanban._rendering import _format_key, context
    from vanban._templating import Prepared, _CleanLoader, read_parts, templates_dir, with_footnotes

    def prepared(inline: bool) -> Prepared:
        loader = _CleanLoader(str(templates_dir()))
        parts = with_footnotes(read_parts(folder))
        return Prepared(parts, loader=loader, cache=None, trusted=True, name=folder, inline=inline)

    fast, slow = prepared(True), prepared(False)
    assert "{% include" not in fast._sources["<part>/word/document.xml"]
    assert "{% include" in slow._sources["<part>/word/document.xml"]
    out: tuple[list[bytes], list[bytes]] = ([], [])
    for doc in docs:
        lay = layout(doc)
        ctx = context(lay, doc)
        out[0].append(fast.render(ctx, _format_key(lay)))
        out[1].append(slow.render(ctx, _format_key(lay)))
    return out


def test_own_templates_with_partials_inlined_give_the_same_bytes() -> None:
    """vanban's own parts are compiled with their partials (includes, imported macros)
    inlined; every example renders to the bytes Jinja's includes give."""
    from vanban._rendering import form_template

    by_folder: dict[str, list[Any]] = {}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = vanban.load(path)
        by_folder.setdefault(doc.template_folder or form_template(doc.type_info), []).append(doc)
    assert set(by_folder) == {"mot_nguoi_ky", "hai_ben_ky", "co_xac_nhan"}
    for folder, docs in by_folder.items():
        fast, slow = _rendered_both_ways(folder, docs)
        assert fast == slow, folder


_PARTIALS = {
    "a.xml": "<a>{{ x }}</a>\n",
    "lead.xml": "{#- c -#}\n<b>{{ x }}</b>  {%- if x %}!{% endif -%}",
    "set.xml": "{% set y = 2 %}<s>{{ y }}</s>",
    "mac.xml": "{% macro m(v) -%}<m>{{ v }}{{ x }}</m>{%- endmacro %}",
    "mixed.xml": "{% macro m(v) %}<m>{{ v }}</m>{% endmacro %}<shown/>",
    "deep.xml": '<d>{% include "a.xml" %}</d>',
}


@pytest.mark.parametrize(
    "source",
    [
        '<r>{% include "a.xml" %}</r>',
        '<r>  {% include "lead.xml" %}  </r>',
        '<r>{% include "lead.xml" %}<t/></r>',
        '<r>{% for x in [1, 2] %}{% include "a.xml" %}{% endfor %}</r>',
        '<r>{% include "set.xml" %}{{ y is defined }}</r>',
        '{% from "mac.xml" import m with context %}<r>{{ m(1) }}</r>',
        '{% from "mixed.xml" import m with context %}<r>{{ m(1) }}</r>',
        '<r>{% include "deep.xml" %}{% with x = 5 %}{% include "deep.xml" %}{% endwith %}</r>',
    ],
)
def test_inlined_partials_render_as_included_ones(source: str) -> None:
    """What :func:`inlined` makes renders as Jinja's include and import do, and a tag it
    cannot inline so (whitespace next to it, an imported partial with output of its own) is
    left to Jinja."""
    import jinja2

    from vanban._templating import inlined

    env = jinja2.Environment(loader=jinja2.DictLoader(_PARTIALS), autoescape=True)
    flat = inlined(source, lambda name: _PARTIALS[name])
    assert env.from_string(flat).render(x=3) == env.from_string(source).render(x=3)
    if " {%" not in source and "mixed" not in source:
        assert "include" not in flat and "import" not in flat


# ------------------------------------------------- parts that read only what is left empty


def test_parts_left_empty_are_made_once_and_stay_right() -> None:
    """A part that reads nothing but what a document leaves empty (the contact footer, the
    footnotes) is rendered once and reused; a document that fills it gets its own, and the
    next empty one the empty part again: the bytes of a fresh renderer each time."""
    import zipfile

    plain = vanban.load(ROOT / "examples" / "cong-van-tra-loi-kien-nghi-cu-tri.yaml")
    assert plain.contact is not None
    bare = plain.model_copy(update={"contact": None})
    plan = _plan()  # footnotes
    shared = Renderer()
    for doc in (bare, plain, bare, plan, bare, plain):
        got = shared.render(doc, check=False)
        assert got == Renderer().render(doc, check=False)
        footer = zipfile.ZipFile(io.BytesIO(got)).read("word/footer1.xml")
        assert (b'VBContact"' in footer) is (doc.contact is not None)
    cached = {key[0] for key in shared._template("mot_nguoi_ky")._format_cache if len(key) == 3}
    assert cached == {"word/footer1.xml", "word/footnotes.xml"}


def test_compiled_code_is_cached_by_name_and_source(tmp_path: Path) -> None:
    """Two versions of a part under one name (partials inlined or not: vanban before and
    after) keep their own compiled code in the cache, instead of replacing each other's
    on every run; the same source finds its entry again."""
    import jinja2

    from vanban._templating import _BytecodeCache

    cache = _BytecodeCache(str(tmp_path), "%s.cache")
    env = jinja2.Environment()
    name = "<part>/word/document.xml"
    one, other = (cache.get_bucket(env, name, None, s) for s in ("<a/>", "<b/>"))
    assert one.key != other.key
    assert cache.get_bucket(env, name, None, "<a/>").key == one.key

"""Property tests: any valid plan, from any text, renders to a .docx that opens and holds the
text as typed, transformed only by the documented text rules (docs/yaml-format.md, "Text
rules"; :mod:`vanban._cleaning`; :mod:`vanban._markup`).

The rules are re-stated here (:func:`rule_clean`) rather than imported, so the test checks
the implementation against the documentation and not against itself:

- line ends CRLF and CR become LF; the text is NFC;
- the ends of the text are trimmed, and spaces, tabs and no-break spaces at the ends of
  every line; more than one blank line is one blank line;
- in a paragraph field a blank line starts a new paragraph, a newline is a line break;
- markup characters (``\\ * [ ] ~ ^``) given escaped come out literally; text without them comes
  out exactly.

Profiles: ``ci`` (chosen when the environment has ``CI``) runs 1,000 examples in all and
keeps the large cases small enough for about a minute on two cores; ``dev`` runs more.
``HYPOTHESIS_PROFILE`` picks one by name.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree as ET

import docx
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vanban
from vanban._docx_reader import DocxView, read_docx
from vanban._rendering import render
from vanban._validation import TEXT_ADVICE
from vanban.models import KeHoach
from vanban.nd30 import numbering
from vanban.nd30.capitals import capitals

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
BASE = settings.default.max_examples


def scaled(fraction: float) -> int:
    """Examples for a test: a fraction of the profile's number (ci: 300)."""
    return max(10, int(BASE * fraction))


# --- the documented text rules, re-stated ---------------------------------------------------

MARKUP_CHARS = "\\*[]~^"
#: Characters XML 1.0 cannot carry: the text rules refuse them (tested in test_text_rules).
REFUSED = (
    "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))) + "\ufffe\uffff"
)
_LINE_WS = " \t\u00a0"


def rule_clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    text = "\n".join(line.strip(_LINE_WS) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text)


def rule_paragraphs(text: str) -> list[str]:
    return rule_clean(text).split("\n\n")


def escape(text: str) -> str:
    """Text written so that markup characters are literal (markup.py: ``\\*``, ``\\[``, …)."""
    return re.sub(r"([\\*\[\]~^])", r"\\\1", text)


# --- text strategies -----------------------------------------------------------------------

_WORDS = (
    "Ủy ban nhân dân tỉnh Bắc Giang kế hoạch triển khai thực hiện nghị quyết số đồng chí "
    "trưởng phó ban quản lý khu công nghiệp Đắk Lắk Quảng Ngãi Thừa Thiên Huế ưu tiên ổn định "
    "giảm nghèo bền vững Nguyễn Thị Ỷ Lan ĐƯỜNG ỐNG ỨNG PHÓ"
)
SYLLABLES = _WORDS.split()
EMOJI = ["😀", "👨‍👩‍👧‍👦", "🇻🇳", "👍🏽", "❤️", "🧧", "🏳️‍🌈", "🀄", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𠀀"]
RTL = ["مرحبا بالعالم", "שָׁלוֹם עוֹלָם", "\u202eabc\u202c", "\u200f", "ئۇيغۇرچە", "اردو", "ܫܠܡܐ"]
SYMBOLS = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&#123;",
    "<w:t>",
    "</w:p>",
    "]]>",
    "<![CDATA[x]]>",
    "{{ x }}",
    "{% if x %}",
    "{# c #}",
    "{%p if x %}",
    "{%tr for r in rows %}",
    "{_{ y }_}",
    "{{",
    "}}",
    "{%",
    "%}",
    "%",
    "$",
    "€",
    "№",
    "§",
    "©",
    "™",
    "½",
    "→",
    "∑",
    "∞",
    "±",
    "°C",
    "“trích”",
    "‘’",
    "–",
    "—",
    "…",
    "\u00a0",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u0301",
    "\u2028",
    "\u0085",
    "\u3000",
    "𝟘",
    "ℌ",
    "ﬁ",
    "Å",
    "Ω",
    "ǰ",
    "ß",
    "ŉ",
]
WHITESPACE = [" ", "  ", "\t", "\n", "\n\n", "\n\n\n", " \n ", "\r\n", "\r", "\u3000", "\u2003"]
NFD = [unicodedata.normalize("NFD", w) for w in ("Hội nghị", "Quyết định", "Ủy ban", "ường")]
MARKUP = ["*", "**", "[", "]", "\\", "[^x]", "*nghiêng*", "**đậm**", "\\*", "a*b", "[^", "C:\\tmp"]
MARKUP += ["~", "^", "H~2~O", "m^3^", "5~10", "~~", "x^"]  # sub/superscript, and look-alikes


def _chars(markup: bool) -> st.SearchStrategy[str]:
    excluded = REFUSED if markup else REFUSED + MARKUP_CHARS
    return st.characters(exclude_categories=("Cs",), exclude_characters=excluded)


#: Line breaks to YAML 1.1 that PyYAML's dumper writes unquoted, so they do not read back.
YAML_BREAKS = re.compile("[\u0085\u2028\u2029]")


def texts(
    *, markup: bool = False, lines: bool = True, max_pieces: int = 12, yaml_safe: bool = False
) -> st.SearchStrategy[str]:
    """Non-empty text (after the rules) from Vietnamese, emoji, RTL, symbols, any character."""
    pieces = [
        st.sampled_from(SYLLABLES),
        st.sampled_from(SYLLABLES),
        st.sampled_from(EMOJI),
        st.sampled_from(RTL),
        st.sampled_from(SYMBOLS),
        st.sampled_from(NFD),
        st.text(_chars(markup), min_size=1, max_size=8),
        st.sampled_from([" ", " ", "  "]),
    ]
    if lines:
        pieces.append(st.sampled_from(WHITESPACE))
    if markup:
        pieces.append(st.sampled_from(MARKUP))
    out = st.lists(st.one_of(pieces), min_size=1, max_size=max_pieces).map("".join)
    if not lines:
        out = out.map(lambda s: re.sub(r"[\r\n\u0085\u2028\u2029]", " ", s))
    if yaml_safe:
        out = out.map(lambda s: YAML_BREAKS.sub(" ", s))
    return out.filter(lambda s: rule_clean(s) != "")


def long_texts(*, markup: bool = False) -> st.SearchStrategy[str]:
    """Very long words (no spaces) and paragraphs of up to 10,000 characters."""
    seed = texts(markup=markup, max_pieces=4)
    word = st.builds(
        lambda s, n: (s.replace(" ", "").replace("\n", "") or "x") * n, seed, st.integers(50, 400)
    ).map(lambda s: s[:5000])
    para = st.builds(lambda s, n: (s + " ") * n, seed, st.integers(100, 2000)).map(
        lambda s: s[:10_000]
    )
    return st.one_of(word, para).filter(lambda s: rule_clean(s) != "")


# --- plans and what they must print --------------------------------------------------------

BASE_PLAN: dict[str, Any] = {
    "type": "ke_hoach",
    "issuer": {"parent": "UBND TỈNH BẮC GIANG", "name": "BAN QUẢN LÝ", "abbreviation": "KCN"},
    "place": "Bắc Giang",
    "date": "2025-01-02",
    "title": "Kế hoạch",
    "closing": "Trên đây là Kế hoạch",
    "recipients": ["Công an tỉnh"],
    "archive": ["NC"],
    "signer": {
        "authority": "KT",
        "head_title": "Trưởng ban",
        "title": "Phó Trưởng ban",
        "name": "Nguyễn Văn A",
    },
}


class Expect:
    """The body lines a plan must print, in order, and its footnote texts by number."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.footnotes: list[str] = []
        self.header: list[str] = []
        self.lines: list[str] = []  # anywhere in the document


@st.composite
def blocks(draw: st.DrawFn, text: st.SearchStrategy[str], write: Any, expect: Expect) -> list[Any]:
    """A mục's content: paragraphs, bullets, numbered items and tasks, with expectations."""
    out: list[Any] = []
    n = 0
    for kind in draw(
        st.lists(
            st.sampled_from(["p", "bullets", "item", "titled", "task"]), min_size=1, max_size=4
        )
    ):
        t = draw(text)
        if kind == "p":
            out.append(write(t))
            expect.body += rule_paragraphs(t)
        elif kind == "bullets":
            u = draw(text)
            out.append({"bullets": [write(t), {"text": write(u), "bullets": [write(u)]}]})
            for mark, v in (("-", t), ("-", u), ("+", u)):
                first, *rest = rule_paragraphs(v)
                if first[:1] in ("+", "-") and first[1:2].isspace():  # typed: kept, printed once
                    mark, first = first[0], first[2:].lstrip()
                expect.body += [f"{mark} {first}", *rest]
        else:
            n += 1
            label = numbering.decimal_label((n,))
            if kind == "item":
                out.append({"text": write(t)})
                first, *rest = rule_paragraphs(t)
                expect.body += [f"{label} {first}", *rest]
            elif kind == "titled":
                out.append({"title": write(t)})
                expect.body.append(f"{label} {rule_clean(t)}")
            else:
                out.append({"task": write(t)})
                first, *rest = rule_paragraphs(t)
                expect.body += [f"{label} {first}", *rest]
    return out


@st.composite
def plans(
    draw: st.DrawFn, *, markup: bool, yaml_safe: bool = False
) -> tuple[dict[str, Any], Expect]:
    """A valid plan whose texts are arbitrary; with ``markup`` they hold markup characters,
    written escaped; with ``yaml_safe`` no character PyYAML cannot write back."""
    text = texts(markup=markup, yaml_safe=yaml_safe)
    write = escape if markup else (lambda s: s)
    expect = Expect()
    plan = dict(BASE_PLAN)

    title = draw(text)
    plan["title"] = write(title)
    expect.body.append(rule_clean(title))

    note = draw(text)
    plan["footnotes"] = {"n1": write(note)}
    expect.footnotes.append(rule_clean(note))
    intro = draw(st.lists(text, max_size=2))
    plan["intro"] = ["Xem chú thích[^n1]", *map(write, intro)]
    expect.body.append("Xem chú thích")  # the mark is not text
    for t in intro:
        expect.body += rule_paragraphs(t)

    sections = []
    for i in range(1, draw(st.integers(1, 3)) + 1):
        t = draw(text)
        expect.body.append(f"{numbering.roman(i)}. {capitals(rule_clean(t))}")  # ký hiệu kept
        sections.append({"title": write(t), "content": draw(blocks(text, write, expect))})
    plan["sections"] = sections
    expect.body.append("Trên đây là Kế hoạch./.")

    # Plain fields (no inline syntax is read in them): names in the header and the signature.
    plain = texts(markup=False, lines=False, yaml_safe=yaml_safe)
    name, signer, place = draw(plain), draw(plain), draw(plain)
    plan["issuer"] = {**plan["issuer"], "name": name}
    plan["signer"] = {**plan["signer"], "name": signer}
    plan["place"] = place
    expect.header += [line for line in rule_clean(name).upper().split("\n") if line.strip()]
    expect.lines.append(rule_clean(signer))
    expect.lines.append(f"{rule_clean(place)}, ngày 02 tháng 01 năm 2025")
    return plan, expect


def open_docx(data: bytes) -> DocxView:
    """The .docx opens: a valid zip, well-formed XML in every part, python-docx reads it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert "word/document.xml" in names and "[Content_Types].xml" in names
        for name in names:
            if name.endswith((".xml", ".rels")):
                ET.fromstring(z.read(name))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs
    return read_docx(data)


def in_order(lines: list[str], expected: list[str]) -> None:
    """Every expected line is a whole paragraph of the document, in this order."""
    i = 0
    for want in expected:
        try:
            i = lines.index(want, i) + 1
        except ValueError:
            near = [line for line in lines if line[:20] == want[:20]]
            raise AssertionError(
                f"paragraph not found in order: {want!r}; similar: {near!r}"
            ) from None


def check_rendered(data: bytes, expect: Expect) -> None:
    view = open_docx(data)
    lines = view.text_lines()
    in_order(lines, expect.body)
    in_order(lines, expect.header)
    for line in expect.lines:
        assert line in lines
    notes = [
        "\n".join(p.text for p in view.footnote_paragraphs[i]).removeprefix(" ")
        for i in sorted(view.footnote_paragraphs)
    ]
    assert notes == expect.footnotes


@contextlib.contextmanager
def _only_text_advice() -> Iterator[None]:
    """A plain valid plan warns nothing, except the advice on random text (typed "1. ", a
    lone "*", a long issuer line): that advice is expected and not shown, any other warning
    fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        warnings.filterwarnings("ignore", TEXT_ADVICE, vanban.VanbanWarning)
        yield


def _render(doc: vanban.Document) -> bytes:
    with _only_text_advice():
        return render(doc)


# --- the properties ------------------------------------------------------------------------


@settings(max_examples=scaled(1.0))
@given(plans(markup=False))
def test_text_without_markup_comes_out_exactly(case: tuple[dict[str, Any], Expect]) -> None:
    plan, expect = case
    check_rendered(_render(KeHoach.model_validate(plan)), expect)


@settings(max_examples=scaled(1.0))
@given(plans(markup=True))
def test_escaped_markup_comes_out_literally(case: tuple[dict[str, Any], Expect]) -> None:
    plan, expect = case
    check_rendered(_render(KeHoach.model_validate(plan)), expect)


@settings(max_examples=scaled(1.0))
@given(
    st.booleans().flatmap(lambda markup: plans(markup=markup, yaml_safe=True)),
    st.sampled_from([None, '"', "'"]),
    st.sampled_from([None, False]),
    st.sampled_from([20, 80, 1000]),
)
def test_through_yaml(
    case: tuple[dict[str, Any], Expect], style: str | None, flow: bool | None, width: int
) -> None:
    """The same plans written as YAML (any quoting style, lines folded or not) load to the same
    model, through the safe loader with positions, and render the same text."""
    plan, expect = case
    text = yaml.safe_dump(
        plan,
        allow_unicode=True,
        sort_keys=False,
        default_style=style,
        default_flow_style=flow,
        width=width,
    )
    with _only_text_advice():  # loading checks the same text, and gives the same advice
        doc = vanban.loads(text.encode("utf-8") if width == 80 else text, source="plan.yaml")
    assert doc.model_dump() == KeHoach.model_validate(plan).model_dump()
    check_rendered(_render(doc), expect)


@st.composite
def large_plans(draw: st.DrawFn) -> tuple[dict[str, Any], Expect]:
    markup = draw(st.booleans())
    write = escape if markup else (lambda s: s)
    long = draw(st.lists(long_texts(markup=markup), min_size=1, max_size=3))
    short = draw(st.lists(texts(markup=markup, max_pieces=4), min_size=1, max_size=3))
    n = draw(st.integers(1, 2000))
    expect = Expect()
    plan = dict(BASE_PLAN, intro=[write(t) for t in long])
    for t in long:
        expect.body += rule_paragraphs(t)
    tasks = []
    expect.body.append("I. NHIỆM VỤ")
    for i in range(n):
        t = short[i % len(short)]
        tasks.append({"task": write(t)})
        first, *rest = rule_paragraphs(t)
        expect.body += [f"{i + 1}. {first}", *rest]
    plan["sections"] = [{"title": "Nhiệm vụ", "content": tasks}]
    expect.body.append("Trên đây là Kế hoạch./.")
    return plan, expect


@settings(max_examples=scaled(1 / 3))
@given(large_plans())
@example(
    (
        dict(
            BASE_PLAN,
            intro=["ư" * 10_000, ("Đoạn văn dài " * 800)[:10_000]],
            sections=[
                {"title": "Nhiệm vụ", "content": [{"task": f"Việc số {i}"} for i in range(2000)]}
            ],
        ),
        None,
    )
)
def test_large_plans(case: tuple[dict[str, Any], Expect | None]) -> None:
    """Up to 2,000 tasks, words of thousands of letters, paragraphs of 10,000 characters."""
    plan, expect = case
    if expect is None:  # the explicit example: compute what it must print
        expect = Expect()
        expect.body = [*plan["intro"], "I. NHIỆM VỤ"]
        expect.body += [f"{i + 1}. Việc số {i}" for i in range(2000)]
    check_rendered(_render(KeHoach.model_validate(plan)), expect)


@pytest.mark.parametrize(
    "text", ["{{ x }}", "{%p if x %}", "{%tr for r in rows %}", "{_{ y }_}", "{# c #}"]
)
def test_template_syntax_is_data_everywhere(text: str) -> None:
    """Template code in every text field of the plan comes out as typed."""
    plan = dict(
        BASE_PLAN,
        title=text,
        intro=[text],
        closing=text,
        footnotes={"n": text},
        sections=[
            {
                "title": text,
                "content": [f"{text}[^n]", {"task": text, "leads": text}, {"bullets": [text]}],
            }
        ],
        recipients=[text],
        issuer={"name": text, "abbreviation": "KCN", "parent": text},
        place=text,
        signer={"title": text, "name": text},
    )
    view = open_docx(_render(KeHoach.model_validate(plan)))
    lines = view.text_lines()
    for want in (
        text,
        text.upper(),
        f"I. {capitals(text)}",
        f"1. {text}",
        f"- Chủ trì: {text}",
        f"- {text}",
        f"- {text};",
        f"{text}./.",
    ):
        assert want in lines, want
    assert view.footnotes[1] == text

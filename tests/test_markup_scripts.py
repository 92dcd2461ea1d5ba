"""Inline subscript and superscript (``H~2~O``, ``m^3^``), and the text forms offices type:
a title's colon, stray asterisks, điểm typed "a." / "a/.", lists that start with "+".

Issue 16, items 5 and 7: a công văn of a Sở held 34 subscript runs (HNO₃, NH₄NO₃, m³) that
vanban could not write; "Cá nhân:: …", ``***"…"****,*`` and "a) a. …" printed silently.
"""

from __future__ import annotations

import copy
import io
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vanban
from vanban import _markup as markup
from vanban._docx_reader import read_docx
from vanban._ooxml import runs
from vanban._validation import check_document
from vanban.layout import layout
from vanban.layout.blocks import Block
from vanban.models import CongVan, KeHoach
from vanban.preview import to_html

ROOT = Path(__file__).resolve().parent.parent
CHEMICALS = ROOT / "examples" / "cong-van-so-cong-thuong-an-toan-hoa-chat.yaml"

Span = markup.Span


# ------------------------------------------------------------------------------- the syntax


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("H~2~O", [Span("H"), Span("2", vert_align="subscript"), Span("O")]),
        ("15 m^3^", [Span("15 m"), Span("3", vert_align="superscript")]),
        ("Fe^3+^", [Span("Fe"), Span("3+", vert_align="superscript")]),
        ("10^-3^", [Span("10"), Span("-3", vert_align="superscript")]),
        (
            "**NH~4~NO~3~**",
            [
                Span("NH", bold=True),
                Span("4", bold=True, vert_align="subscript"),
                Span("NO", bold=True),
                Span("3", bold=True, vert_align="subscript"),
            ],
        ),
    ],
)
def test_scripts_are_read(text: str, want: list[Span]) -> None:
    assert markup.parse(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "5~10 ngày",  # a range: no closing mark
        "từ 5~10 đến 15~20",  # the marks enclose spaces
        "khoảng ~5~ người",  # the opening mark follows a space
        "~2~ ở đầu",  # nothing before the opening mark
        "~~gạch~~",  # Pandoc's strike-out, not a subscript
        "2^n",  # no closing mark
        "a^ b^",  # a space inside
        "x^^",  # nothing inside
        r"H\~2~O và m\^3^",  # escaped
    ],
)
def test_ordinary_tildes_and_carets_print_as_typed(text: str) -> None:
    parsed = markup.parse(text)
    assert all(isinstance(x, Span) and x.vert_align is None for x in parsed)
    assert markup.plain(parsed) == text.replace("\\", "")


def test_a_footnote_next_to_a_superscript_stays_a_footnote() -> None:
    parsed = markup.parse("m^2^[^a] và x^b[^c]")
    assert parsed == [
        Span("m"),
        Span("2", vert_align="superscript"),
        markup.Footnote("a"),
        Span(" và x^b"),
        markup.Footnote("c"),
    ]
    assert markup.footnote_names("m^2^[^a] và x^b[^c]") == ["a", "c"]


@given(st.text(alphabet="~^ aH2O-+.\n", max_size=40))
def test_nothing_is_lost(text: str) -> None:
    """Writing each scripted span back between its marks gives the text typed."""
    out = []
    for x in markup.parse(text):
        if isinstance(x, Span):
            mark = {"subscript": "~", "superscript": "^", None: ""}[x.vert_align]
            out.append(f"{mark}{x.text}{mark}")
        else:
            out.append("\n")
    assert "".join(out) == text


def test_plain_text_uses_unicode_scripts() -> None:
    assert markup.plain(markup.parse("HNO~3~, NH~4~NO~3~, 500 m^3^, Fe^3+^")) == (
        "HNO₃, NH₄NO₃, 500 m³, Fe³⁺"
    )
    assert markup.plain(markup.parse("x~ab~ y^Q^")) == "x~ab~ y^Q^"  # no Unicode form


# ------------------------------------------------------------------------- the outputs


def test_runs_carry_vert_align() -> None:
    xml = str(runs(markup.parse("***H~2~O***")))
    assert '<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:vertAlign w:val="subscript"/></w:rPr>' in xml
    assert xml.count("vertAlign") == 1


def _docx(source: Any) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        doc = vanban.load(source) if isinstance(source, Path) else source
        return vanban.render(doc)


def test_the_chemicals_example_reads_back_with_its_scripts() -> None:
    view = read_docx(io.BytesIO(_docx(CHEMICALS)))
    scripted = [(r.text, r.vert_align) for p in view.paragraphs for r in p.runs if r.vert_align]
    assert ("3", "subscript") in scripted and ("4", "subscript") in scripted
    assert ("3", "superscript") in scripted  # m³
    assert len([x for x in scripted if x[1] == "subscript"]) >= 15
    text = "\n".join(p.text for p in view.paragraphs)
    assert (
        "axit nitric (HNO3)" in text and "5~10 ngày" in text and "~" not in text.replace("5~10", "")
    )


def test_preview_shows_sub_and_sup() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        html = to_html(vanban.load(CHEMICALS))
    assert "HNO<sub>3</sub>" in html and "m<sup>3</sup>" in html


def test_a_formula_in_a_capitalised_heading_keeps_its_subscript(sample: dict) -> None:
    sample["sections"][0]["title"] = "Giảm phát thải khí CO~2~"
    body = layout(KeHoach.model_validate(sample)).body
    heading = next(b for b in body if isinstance(b, Block) and b.text.startswith("I. "))
    assert heading.inlines[-2:] == (
        Span("GIẢM PHÁT THẢI KHÍ CO"),
        Span("2", vert_align="subscript"),
    )


def test_end_mark_after_a_subscript_is_on_the_line() -> None:
    data = _cong_van(closing="Đề nghị các đơn vị giảm phát thải CO~2~")
    body = layout(CongVan.model_validate(data)).body
    last = [b for b in body if hasattr(b, "inlines") and b.text.endswith("./.")][-1]
    assert last.inlines[-2] == Span("2", vert_align="subscript")
    assert last.inlines[-1] == Span("./.")


# ---------------------------------------------------------------------- the text warnings


def _cong_van(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "cong_van",
        "issuer": {"parent": "UBND TỈNH A", "name": "SỞ CÔNG THƯƠNG", "abbreviation": "SCT"},
        "unit": "KTAT",
        "number": 5,
        "place": "Thanh Hóa",
        "date": "2026-11-16",
        "title": "an toàn hóa chất",
        "addressees": "Các doanh nghiệp",
        "content": ["Đề nghị các đơn vị thực hiện."],
        "closing": "Trân trọng.",
        "archive": "VT",
        "signer": {"title": "GIÁM ĐỐC", "name": "Lê Văn A"},
    }
    data.update(changes)
    return copy.deepcopy(data)


def _check(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    errors, warns = check_document(CongVan.model_validate(data))
    assert errors == []
    return [(w.path, w.code, w.message) for w in warns]


def _lines(data: dict[str, Any]) -> list[str]:
    return [b.text for b in layout(CongVan.model_validate(data)).body if hasattr(b, "inlines")]


@pytest.mark.parametrize(
    ("title", "text", "printed", "warned"),
    [
        ("Cá nhân", "chủ trì", "1. Cá nhân: chủ trì", False),
        ("Cá nhân:", "chủ trì", "1. Cá nhân: chủ trì", False),
        ("**Cá nhân:**", "chủ trì", "1. Cá nhân: chủ trì", False),  # was "Cá nhân:: chủ trì"
        ("Cá nhân", ": chủ trì", "1. Cá nhân: chủ trì", False),  # was "Cá nhân: : chủ trì"
        ("Cá nhân:", ": chủ trì", "1. Cá nhân: chủ trì", True),
        ("Cá nhân::", "chủ trì", "1. Cá nhân:: chủ trì", True),  # typed: printed, reported
    ],
)
def test_a_title_and_its_text_join_with_one_colon(
    title: str, text: str, printed: str, warned: bool
) -> None:
    data = _cong_van(content=[{"title": title, "text": text}])
    assert printed in _lines(data)
    found = [p for p in _check(data) if p[1] == "colon_joined"]
    assert bool(found) == warned
    if found:
        assert found[0][0] in ("content[0].title", "content[0].text")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("a. Rà soát kho", '("b) a. Rà soát kho")'),
        ("a/. Rà soát kho", '("b) a/. Rà soát kho")'),
        ("a/ Rà soát kho", '("b) a/ Rà soát kho")'),
        ("b) Rà soát kho", '("b) b) Rà soát kho")'),
        ("1. Rà soát kho", '("b) 1. Rà soát kho")'),
    ],
)
def test_typed_letters_warn_with_the_printed_line(typed: str, shown: str) -> None:
    data = _cong_van(content=[{"letters": ["Kiểm tra", typed]}])
    found = [p for p in _check(data) if p[1] == "typed_numbering"]
    assert [p[0] for p in found] == ["content[0].letters[1].text"]
    assert shown in found[0][2]


def test_a_letter_starting_with_a_word_is_not_typed_numbering() -> None:
    data = _cong_van(content=[{"letters": ["An toàn là trên hết", "Ô tô chở hóa chất"]}])
    assert "typed_numbering" not in [p[1] for p in _check(data)]


@pytest.mark.parametrize(
    ("text", "run"),
    [('***"Chữ"****,*', "***"), ('"Nội dung"**,', "**"), ("Ghi chú*", "*"), ("*(a)", "*")],
)
def test_stray_asterisks_warn(text: str, run: str) -> None:
    found = [p for p in _check(_cong_van(content=[text])) if p[1] == "unpaired_asterisk"]
    assert len(found) == 1
    assert found[0][0] == "content[0]" and f'dấu "{run}"' in found[0][2]


@pytest.mark.parametrize("text", ["5 * 3 = 15", "10**9", "Ghi chú (*) và [**]", "*", r"a\*b"])
def test_meant_asterisks_do_not_warn(text: str) -> None:
    assert "unpaired_asterisk" not in [p[1] for p in _check(_cong_van(content=[text]))]


# ----------------------------------------------------------------------- "+" lists


def test_a_list_typed_with_plus_lines_is_a_list() -> None:
    """YAML reads "+ …" lines under ``bullets:`` as one text; it was refused ("cần một danh
    sách"). They are the list's items, each with its "+"."""
    source = """\
type: cong_van
issuer: {parent: UBND TỈNH A, name: SỞ CÔNG THƯƠNG, abbreviation: SCT}
unit: KTAT
number: 5
place: Thanh Hóa
date: 2026-11-16
title: an toàn hóa chất
addressees: Các doanh nghiệp
content:
  - "Đề nghị các đơn vị:"
  - bullets:
      + Rà soát kho chứa;
      + Diễn tập ứng phó sự cố.
  - bullets: |-
      + Báo cáo kết quả
        trước ngày 15/12.
      + Lưu hồ sơ.
closing: Trân trọng.
archive: VT
signer: {title: GIÁM ĐỐC, name: Lê Văn A}
"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = vanban.loads(source)
    assert not [w for w in caught if "typed_numbering" in str(w.message)]
    lines = [b.text for b in layout(doc).body if hasattr(b, "inlines")]
    assert lines[1:5] == [
        "+ Rà soát kho chứa;",
        "+ Diễn tập ứng phó sự cố.",
        "+ Báo cáo kết quả trước ngày 15/12.",
        "+ Lưu hồ sơ.",
    ]


def test_an_item_typed_with_its_mark_prints_it_once() -> None:
    data = _cong_van(
        content=[{"bullets": ["+ Một", "- Hai", {"text": "Ba", "bullets": ["- Bốn", "Năm"]}]}]
    )
    assert _lines(data)[:5] == ["+ Một", "- Hai", "- Ba", "- Bốn", "+ Năm"]
    assert "typed_numbering" not in [p[1] for p in _check(data)]

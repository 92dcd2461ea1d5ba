"""Phụ lục headings under the office's control (issue 16, item 2; issue 18, [@id] in a title):
the label optional or reworded, the reference line worded freely with the plan's number and
date filled in, the rule under the last heading line, the issuer's name unbroken, titles
measured, ký hiệu kept as written in capitals, lower-case ids in titles."""

from __future__ import annotations

import copy
import io
import os
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from tests_support import PDFTOTEXT, SOFFICE, example_docs, pdf_text, to_pdf

import vanban
from vanban import _metrics
from vanban._validation import check_document
from vanban.layout import layout
from vanban.layout.blocks import Role
from vanban.layout.quyet_dinh import reference_line
from vanban.models import KeHoach, QuyetDinh
from vanban.nd30.appendix import NBSP
from vanban.nd30.capitals import capitals


def _plan(sample: dict[str, Any], appendices: list[dict[str, Any]], **changes: Any) -> KeHoach:
    data = copy.deepcopy(sample)
    data.update(changes, appendices=appendices)
    return KeHoach.model_validate(data)


def _headings(doc: KeHoach) -> list[list[tuple[Role, str]]]:
    return [[(b.role, b.text) for b in a.heading] for a in layout(doc).appendices]


def _xml(doc: KeHoach) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = vanban.render(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def _paragraphs(xml: str) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the body, in order."""
    out = []
    for p in re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml, re.S):
        style = re.search(r'<w:pStyle w:val="([^"]+)"', p)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        out.append((style.group(1) if style else "", text))
    return out


def _warnings(doc: KeHoach) -> list[tuple[str, str]]:
    errors, warns = check_document(doc)
    assert errors == []
    return [(w.path, w.code) for w in warns]


CONTENT = {"content": ["Nội dung."]}


# ------------------------------------------------------------------------------ the label


def test_label_false_prints_none_and_takes_no_number(sample: dict[str, Any]) -> None:
    doc = _plan(
        sample,
        [
            {"title": "Lịch kiểm tra", **CONTENT},
            {"title": "Phân công nhiệm vụ", "label": False, **CONTENT},
            {"title": "Đề cương báo cáo", **CONTENT},
        ],
    )
    first, table, last = _headings(doc)
    assert first[0] == (Role.APPENDIX_LABEL, "Phụ lục I")
    assert [r for r, _ in table] == [Role.APPENDIX_TITLE, Role.APPENDIX_REFERENCE]
    assert table[0][1] == "PHÂN CÔNG NHIỆM VỤ"
    assert last[0] == (Role.APPENDIX_LABEL, "Phụ lục II")


def test_a_single_labelled_appendix_beside_an_unlabelled_one_is_unnumbered(
    sample: dict[str, Any],
) -> None:
    doc = _plan(sample, [{"title": "A", **CONTENT}, {"title": "B", "label": False, **CONTENT}])
    assert _headings(doc)[0][0] == (Role.APPENDIX_LABEL, "Phụ lục")


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"label": "Biểu", "number": "01"}, "Biểu 01"),
        ({"label": "PHỤ LỤC SỐ 3a"}, "PHỤ LỤC SỐ 3a"),
        ({"label": True}, "Phụ lục"),
    ],
)
def test_label_in_the_offices_words(
    sample: dict[str, Any], fields: dict[str, Any], line: str
) -> None:
    sample["intro"] = ["Chi tiết tại [@pl]."]
    doc = _plan(sample, [{"id": "pl", "title": "Danh mục", **fields, **CONTENT}])
    assert _headings(doc)[0][0] == (Role.APPENDIX_LABEL, line)
    assert f"Chi tiết tại {line}." in layout(doc).text()


def test_a_reference_to_an_unlabelled_appendix_is_a_located_error(
    sample: dict[str, Any],
) -> None:
    sample["intro"] = ["Chi tiết tại [@pl-phan-cong]."]
    sample["appendices"] = [{"id": "pl-phan-cong", "label": False, "title": "Phân công", **CONTENT}]
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    (problem,) = [p for p in info.value.errors if p.code == "unlabelled_ref"]
    assert problem.path == "intro[0]" and problem.line is not None
    assert "label: false" in problem.message


# --------------------------------------------------------------------- the reference line

FREE = "(Ban hành kèm theo {loai} số {so} {ngay} của {co_quan})"


def test_reference_worded_freely_with_the_plans_fields(sample: dict[str, Any]) -> None:
    doc = _plan(sample, [{"title": "Danh mục", "reference": FREE, **CONTENT}])
    (heading,) = _headings(doc)
    role, text = heading[-1]
    assert role is Role.APPENDIX_REFERENCE
    assert text.replace(NBSP, " ") == (
        "(Ban hành kèm theo Kế hoạch số 05/KH-KCN ngày 05 tháng 02 năm 2025 "
        "của Ban quản lý các khu công nghiệp)"
    )
    assert f"của Ban{NBSP}quản{NBSP}lý" in text  # the filled-in name is kept on one line
    own = _plan(
        sample, [{"title": "A", "reference": "(Kèm theo {ky_hieu}, văn bản gốc)", **CONTENT}]
    )
    assert _headings(own)[0][-1][1] == "(Kèm theo KH-KCN, văn bản gốc)"


def test_reference_fields_are_plain_replacement_not_template_code(
    sample: dict[str, Any],
) -> None:
    written = "{{ 7*7 }} {so.__class__} {% if x %}{ngày}{so}"
    doc = _plan(sample, [{"title": "A", "reference": written, **CONTENT}])
    assert _headings(doc)[0][-1][1] == "{{ 7*7 }} {so.__class__} {% if x %}{ngày}05/KH-KCN"
    assert ("appendices[0].reference", "unknown_reference_field") in _warnings(doc)


def test_unknown_field_warning_is_located_in_the_file(sample: dict[str, Any]) -> None:
    sample["appendices"] = [{"title": "A", "reference": "(Kèm theo số {so} {ngày})", **CONTENT}]
    with pytest.warns(vanban.VanbanWarning, match=r"\{ngày\}.*không phải trường nào") as record:
        vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    (w,) = [w for w in record if "{ngày}" in str(w.message)]
    assert re.search(r"\d+:\d+: appendices\[0\]\.reference", str(w.message))


def test_reference_false_still_drops_the_line(sample: dict[str, Any]) -> None:
    doc = _plan(sample, [{"title": "A", "reference": False, **CONTENT}])
    assert [r for r, _ in _headings(doc)[0]] == [Role.APPENDIX_LABEL, Role.APPENDIX_TITLE]


def test_the_rule_is_under_the_last_heading_line(sample: dict[str, Any]) -> None:
    doc = _plan(
        sample,
        [
            {"title": "Danh mục", "reference": FREE, **CONTENT},
            {"title": "Phân công", "label": False, "reference": False, **CONTENT},
        ],
    )
    paragraphs = _paragraphs(_xml(doc))
    styles = [s for s, _ in paragraphs]
    first = next(i for i, (_, t) in enumerate(paragraphs) if t.startswith("(Ban hành kèm theo"))
    assert styles[first - 2 : first + 2] == [
        "VBAppendixLabel",
        "VBAppendixTitle",
        "VBAppendixReference",
        "VBTitleRule",
    ]
    second = next(i for i, (_, t) in enumerate(paragraphs) if t == "PHÂN CÔNG")
    assert styles[second - 1] == "VBEnd" and styles[second + 1] == "VBTitleRule"


# --------------------------------------------------------------- the issuer's name unbroken


@pytest.mark.parametrize(
    ("in_text", "number"),
    [("Sở Công Thương", 12), ("UBND tỉnh Lâm Đồng", 125), ("Sở Giáo dục và Đào tạo", 7)],
)
def test_generated_reference_never_breaks_inside_the_issuers_name(
    sample: dict[str, Any], in_text: str, number: int
) -> None:
    sample["issuer"]["in_text"] = in_text
    sample.pop("date")
    sample["date"] = "2026-03"
    doc = _plan(sample, [{"title": "A", **CONTENT}], number=number)
    line = _headings(doc)[0][-1][1]
    assert in_text.replace(" ", NBSP) in line and f"Kế{NBSP}hoạch" in line
    lines = _metrics.wrap(line, 8788, 13, italic=True)
    assert any(in_text.replace(" ", NBSP) in x for x in lines), lines


def test_the_sở_công_thương_line_no_longer_ends_in_thương_alone(sample: dict[str, Any]) -> None:
    """The line a user printed as "… của Sở Công / Thương)" now moves the whole name down."""
    sample["issuer"]["in_text"] = "Sở Công Thương"
    sample["date"] = "2026-03"
    doc = _plan(sample, [{"title": "A", **CONTENT}], number=12)
    lines = _metrics.wrap(_headings(doc)[0][-1][1], 8788, 13, italic=True)
    assert lines[-1] == f"Sở{NBSP}Công{NBSP}Thương)"


# ----------------------------------------------------------------------- titles measured


def test_title_lonely_word_is_warned_with_its_path(sample: dict[str, Any]) -> None:
    # 14 pt bold capitals over 15.5 cm: "… THỰC HIỆN CHUYỂN" / "ĐỔI".
    title = "Danh mục các nhiệm vụ triển khai thực hiện chuyển đổi"
    assert _metrics.wrap(capitals(title), 8788, 14, bold=True)[-1] == "ĐỔI"
    doc = _plan(sample, [{"title": "A", **CONTENT}, {"title": title, **CONTENT}])
    assert ("appendices[1].title", "lonely_word") in _warnings(doc)
    # A landscape page is wide enough for the same title on one line.
    wide = _plan(sample, [{"title": title, "landscape": True, **CONTENT}])
    assert not [p for p, _ in _warnings(wide) if p.startswith("appendices")]


def test_title_line_overflow_is_warned(sample: dict[str, Any]) -> None:
    title = "Danh mục các nhiệm vụ triển khai thực hiện chuyển đổi số ngành công thương\nnăm 2026"
    doc = _plan(sample, [{"title": title, **CONTENT}])
    assert ("appendices[0].title", "line_overflow") in _warnings(doc)


def test_title_warning_is_located_in_the_file(sample: dict[str, Any]) -> None:
    sample["appendices"] = [
        {"title": "Danh mục các nhiệm vụ triển khai thực hiện chuyển đổi", **CONTENT}
    ]
    with pytest.warns(vanban.VanbanWarning, match="ĐỔI") as record:
        vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    (w,) = [w for w in record if "appendices[0].title" in str(w.message)]
    assert re.search(r"\d+:\d+: appendices\[0\]\.title", str(w.message))


def test_titles_that_fit_give_no_warning(sample: dict[str, Any]) -> None:
    doc = _plan(sample, [{"title": "Danh mục nhiệm vụ\nnăm 2026", **CONTENT}])
    assert not [p for p, _ in _warnings(doc) if p.startswith("appendices")]


# -------------------------------------------------------------------- ký hiệu in capitals


def test_capitalised_title_keeps_ky_hieu_as_written(sample: dict[str, Any]) -> None:
    title = "Nhiệm vụ thực hiện Chỉ thị số 05/CT-TTg và Tờ trình số 3/TTr-SNV"
    doc = _plan(sample, [{"title": title, **CONTENT}])
    expected = "NHIỆM VỤ THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTg VÀ TỜ TRÌNH SỐ 3/TTr-SNV"
    assert _headings(doc)[0][1] == (Role.APPENDIX_TITLE, expected)
    assert expected in _xml(doc)


def test_section_titles_keep_ky_hieu_too(sample: dict[str, Any]) -> None:
    sample["sections"][0]["title"] = "Thực hiện Quyết định số 12/QĐ-TTg"
    doc = KeHoach.model_validate(sample)
    assert "I. THỰC HIỆN QUYẾT ĐỊNH SỐ 12/QĐ-TTg" in layout(doc).text()


def test_place_names_with_hyphens_are_capitalised(sample: dict[str, Any]) -> None:
    doc = _plan(sample, [{"title": "Tỉnh Bà Rịa-Vũng Tàu", **CONTENT}])
    assert _headings(doc)[0][1] == (Role.APPENDIX_TITLE, "TỈNH BÀ RỊA-VŨNG TÀU")


# ------------------------------------------------------------- [@id] and [^id] in a title


def test_lower_case_reference_in_an_appendix_title(sample: dict[str, Any]) -> None:
    sample["intro"] = ["Chi tiết tại [@pl-lich]."]
    sample["footnotes"]["ghi-chu"] = "Theo Kế hoạch năm 2025."
    sample["appendices"] = [
        {"id": "pl-lich", "title": "Lịch kiểm tra (xem [@pl-de-cuong])[^ghi-chu]", **CONTENT},
        {"id": "pl-de-cuong", "title": "Đề cương", **CONTENT},
    ]
    doc = vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    lay = layout(doc)
    title = lay.appendices[0].heading[1]
    number = int(title.text.removeprefix("LỊCH KIỂM TRA (XEM PHỤ LỤC II)"))
    notes = {n: "".join(getattr(i, "text", "") for i in note) for n, note in lay.footnotes}
    assert notes[number] == "Theo Kế hoạch năm 2025."


def test_unknown_reference_in_an_appendix_title_is_located(sample: dict[str, Any]) -> None:
    sample["appendices"] = [{"id": "pl-a", "title": "Lịch (xem [@pl-khong-co])", **CONTENT}]
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(yaml.safe_dump(sample, allow_unicode=True))
    (problem,) = [p for p in info.value.errors if p.code == "unknown_ref"]
    assert problem.path == "appendices[0].title" and problem.line is not None
    assert "[@pl-khong-co]" in problem.message and "pl-a" in problem.message


# -------------------------------------------------------------- the Mẫu 1.3 attached text


def test_issued_texts_reference_line_keeps_names_unbroken_too() -> None:
    doc = example_docs()["so-tu-phap-ban-hanh-quy-che-lam-viec"]
    assert isinstance(doc, QuyetDinh)
    line = reference_line(doc)
    assert f"Quyết{NBSP}định" in line and f"của Sở{NBSP}Tư{NBSP}pháp" in line


@pytest.mark.parametrize(
    ("wording", "line"),
    [
        ("ban_hanh_kem_theo", "(Ban hành kèm theo Quyết định số"),
        (True, "(Kèm theo Quyết định số"),
        ("(Ban hành kèm theo {loai} số {so} của {co_quan})", "(Ban hành kèm theo Quyết định số"),
    ],
)
def test_issued_texts_reference_line_in_the_offices_words(wording: Any, line: str) -> None:
    doc = example_docs()["so-tu-phap-ban-hanh-quy-che-lam-viec"]
    assert isinstance(doc, QuyetDinh) and doc.attachment is not None
    data = doc.model_dump(mode="json", exclude_unset=True)
    data["attachment"]["reference"] = wording
    changed = QuyetDinh.model_validate(data)
    heading = layout(changed).appendices[0].heading
    assert heading[-1].role is Role.APPENDIX_REFERENCE
    assert heading[-1].text.replace(NBSP, " ").startswith(line)
    if isinstance(wording, str) and "{" in wording:
        assert (
            heading[-1].text.replace(NBSP, " ").endswith("/QĐ-STP của Sở Tư pháp tỉnh Khánh Hòa)")
        )


def test_issued_texts_reference_line_turned_off_and_checked() -> None:
    doc = example_docs()["so-tu-phap-ban-hanh-quy-che-lam-viec"]
    assert isinstance(doc, QuyetDinh)
    data = doc.model_dump(mode="json", exclude_unset=True)
    data["attachment"]["reference"] = False
    heading = layout(QuyetDinh.model_validate(data)).appendices[0].heading
    assert [b.role for b in heading] == [Role.DOC_TYPE, Role.TITLE]
    data["attachment"]["reference"] = "(Kèm theo {so_hieu})"
    _, warns = check_document(QuyetDinh.model_validate(data))
    assert [(w.path, w.code) for w in warns if w.code == "unknown_reference_field"] == [
        ("attachment.reference", "unknown_reference_field")
    ]


# ----------------------------------------------------------------------- the capitals rule


@given(st.text(max_size=200))
def test_capitals_changes_only_the_case_and_is_stable(text: str) -> None:
    out = capitals(text)
    assert out.upper() == text.upper()
    assert capitals(out) == out


@given(st.lists(st.sampled_from(["kế", "Hoạch", "SỐ", "05/", "-", " ", "Đ", "x"]), max_size=40))
def test_capitals_of_words_without_mixed_abbreviations_is_upper(words: list[str]) -> None:
    text = " ".join(words)
    assert capitals(text) == text.upper()


def test_capitals_and_reference_fields_are_linear_on_adversarial_input() -> None:
    import time

    from vanban.nd30.appendix import fill_reference, unknown_fields

    for text in ("aA" * 50_000, "{" * 100_000, "{a" * 50_000, "{" + "a" * 99_999):
        start = time.perf_counter()
        capitals(text)
        fill_reference(text, {"a": "b"})
        unknown_fields(text)
        assert time.perf_counter() - start < 1.0


def test_a_number_with_no_label_to_print_it_is_warned(sample: dict[str, Any]) -> None:
    doc = _plan(sample, [{"title": "A", "label": False, "number": "02", **CONTENT}])
    assert ("appendices[0].number", "unprinted_number") in _warnings(doc)
    assert [r for r, _ in _headings(doc)[0]] == [Role.APPENDIX_TITLE, Role.APPENDIX_REFERENCE]


def test_a_name_too_long_for_one_line_keeps_its_ordinary_spaces(sample: dict[str, Any]) -> None:
    name = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn, phòng thủ dân sự tỉnh Bắc Giang"
    sample["issuer"]["in_text"] = name
    line = _headings(_plan(sample, [{"title": "A", **CONTENT}]))[0][-1][1]
    assert f"của {name})" in line
    assert all(len(x) > 1 for x in _metrics.wrap(line, 8788, 13, italic=True))


# ------------------------------------------------------------------ the checker agrees


@pytest.mark.parametrize(
    "fields",
    [
        {"label": False, "reference": False},
        {"label": False, "reference": FREE},
        {"label": "Biểu", "number": "01", "reference": FREE},
        {"label": "PHỤ LỤC SỐ 3a"},
    ],
    ids=["no-label-no-line", "no-label-own-line", "bieu-01", "verbatim-label"],
)
def test_rendered_headings_pass_the_docx_checker(
    sample: dict[str, Any], fields: dict[str, Any]
) -> None:
    doc = _plan(
        sample,
        [
            {"title": "Nhiệm vụ thực hiện Chỉ thị số 05/CT-TTg", **fields, **CONTENT},
            {"title": "Đề cương", "landscape": True, **CONTENT},
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = vanban.check(vanban.render(doc))
    assert [(f.rule, f.message) for f in findings] == []


# --------------------------------------------------------------------- in LibreOffice


@pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) or pdftotext is not installed",
)
@pytest.mark.parametrize("reference", [True, FREE], ids=["generated", "own-words"])
def test_libreoffice_keeps_the_issuer_whole_and_ky_hieu_as_written(
    sample: dict[str, Any], tmp_path: Path, reference: bool | str
) -> None:
    """The line users saw print as "… của Sở Công" / "Thương)" now ends its first line at
    "của", and the title keeps "CT-TTg", in a LibreOffice PDF."""
    assert SOFFICE and PDFTOTEXT, "LibreOffice and poppler-utils are required in CI"
    sample["issuer"]["in_text"] = "Sở Công Thương"
    sample["issuer"]["abbreviation"] = "SCT"
    sample["date"] = "2025-03"
    doc = _plan(
        sample,
        [{"title": "Nhiệm vụ thực hiện Chỉ thị số 05/CT-TTg", "reference": reference, **CONTENT}],
        number=12,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vanban.render(doc, tmp_path / "plan.docx")
    (pdf,) = to_pdf(tmp_path / "plan.docx")
    text = pdf_text(pdf, layout=True)
    lines = [" ".join(x.replace(NBSP, " ").split()) for x in text.splitlines()]
    assert "NHIỆM VỤ THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTg" in lines
    assert "Sở Công Thương)" in lines
    first = next(x for x in lines if x.startswith(("(Kèm theo", "(Ban hành kèm theo")))
    assert first.endswith("năm 2025 của"), first

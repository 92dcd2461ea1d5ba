"""Every text vanban adds by itself to Nơi nhận and the closing can be replaced or turned
off, and the Lưu line takes the forms real offices write (issue 16, item 1).

- "- Như Điều N;" of a Quyết định or Nghị quyết: ``executors_article`` false, 0 or "" turns
  it off, a text replaces it, a number still points to its article;
- "- Như trên;" of a document with Kính gửi (Công văn, Báo cáo, Tờ trình) and of a Giấy giới
  thiệu: ``as_above`` false or a text; none when the recipients already name every addressee;
- "VT" in the Lưu line: ``archive.records_office: false``; the whole line: ``archive.text``;
- units "VP(TH)", "CCHC&VTLT" read; "TCCB (5b)" and other forms printed as written with a
  located warning saying what the decree writes;
- "./.": ``format.end_mark`` a text replaces it;
- Kính gửi: a line break inside one addressee is kept; one string for Báo cáo and Tờ trình.
"""

from __future__ import annotations

import copy
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vanban
from vanban import registry
from vanban._docx_reader import read_docx
from vanban.checker import check_docx
from vanban.errors import ValidationError
from vanban.layout import layout
from vanban.models.common import Archive
from vanban.nd30 import recipients

ROOT = Path(__file__).resolve().parent.parent
QD = "so-noi-vu-bo-nhiem-truong-phong"
QD_ATTACHED = "so-gddt-ban-hanh-ke-hoach-hoi-khoe-phu-dong"
NQ = "hdtv-xo-so-thong-qua-ke-hoach-kinh-doanh"
CV = "cong-van-so-tai-chinh-bao-cao-von"
BC = "bao-cao-so-nong-nghiep-phong-chong-thien-tai"
TTR = "to-trinh-so-noi-vu-tinh-gian-bien-che"
GGT = "giay-gioi-thieu-so-noi-vu-khao-sat-thu-tuc"
QD2 = "ubnd-tinh-ho-tro-khac-phuc-thien-tai"
KH = "bo-nnmt-ke-hoach-giam-phat-thai-khi-nha-kinh"


@cache
def _data(stem: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "examples" / f"{stem}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _doc(stem: str, **changes: Any) -> vanban.Document:
    data = {**copy.deepcopy(_data(stem)), **changes}
    model = getattr(vanban, registry.class_name(data["type"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        doc = model.model_validate(data)
    assert isinstance(doc, vanban.Document)
    return doc


def _lines(doc: vanban.Document) -> list[str]:
    return [b.text for b in layout(doc).recipients]


def _codes(doc: vanban.Document) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in doc.type_warnings()]


def _loads_warnings(text: str) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", vanban.VanbanWarning)
        vanban.loads(text, source="p.yaml")
    return [str(w.message) for w in caught if issubclass(w.category, vanban.VanbanWarning)]


# ------------------------------------------------------------------ "Như Điều N" (Mẫu 1.1–1.3)


@pytest.mark.parametrize("stem", [QD, NQ])
@pytest.mark.parametrize("off", [False, 0, ""])
def test_executors_article_off_drops_nhu_dieu(stem: str, off: Any) -> None:
    before = _lines(_doc(stem))
    assert before[1].startswith("- Như Điều ")
    doc = _doc(stem, executors_article=off)
    assert _lines(doc) == [before[0], *before[2:]]
    assert _codes(doc) == _codes(_doc(stem))  # the office's choice, by name: no warning


@pytest.mark.parametrize("stem", [QD, NQ])
def test_executors_article_text_replaces_the_line(stem: str) -> None:
    doc = _doc(stem, executors_article="Như Điều 3, Điều 4 (để t/h)")
    assert _lines(doc)[1] == "- Như Điều 3, Điều 4 (để t/h);"


def test_executors_article_number_forms_keep_working() -> None:
    assert _lines(_doc(QD))[1] == "- Như Điều 3;"
    assert _lines(_doc(QD, executors_article=2))[1] == "- Như Điều 2;"
    assert _lines(_doc(QD, executors_article="2"))[1] == "- Như Điều 2;"
    assert _doc(QD, executors_article="2").executors_article == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(("value", "why"), [(True, "true không có nghĩa"), (-1, "từ 1")])
def test_executors_article_that_means_nothing_is_refused(value: Any, why: str) -> None:
    with pytest.raises(ValidationError, match=why) as caught:
        _doc(QD, executors_article=value)
    assert [e.path for e in caught.value.errors] == ["executors_article"]


def test_executors_article_off_from_yaml_is_silent() -> None:
    text = (ROOT / "examples" / f"{QD}.yaml").read_text(encoding="utf-8")
    text = text.replace("\nrecipients:", "\nexecutors_article: false\nrecipients:", 1)
    assert _loads_warnings(text) == []


# ----------------------------------------------------------------------------- "Như trên"


@pytest.mark.parametrize("stem", [CV, BC, TTR, GGT])
def test_as_above_off_and_replaced(stem: str) -> None:
    default = _lines(_doc(stem))
    assert default[1] == "- Như trên;"
    off = _doc(stem, as_above=False)
    assert _lines(off) == [default[0], *default[2:]]
    assert _codes(off) == _codes(_doc(stem))
    own = _doc(stem, as_above="Như trên (để b/c)")
    assert _lines(own) == [default[0], "- Như trên (để b/c);", *default[2:]]


def test_no_nhu_tren_when_the_recipients_name_every_addressee() -> None:
    addressees = _data(BC)["addressees"]
    named = [f"{addressees[0]} (b/c)", f"{addressees[1]};", "Giám đốc Sở"]
    doc = _doc(BC, recipients=named)
    assert _lines(doc)[1:4] == [
        f"- {addressees[0]} (b/c);",
        f"- {addressees[1]};",
        "- Giám đốc Sở;",
    ]
    assert not any("Như trên" in line for line in _lines(doc))
    # One addressee left out: "Như trên" still stands for it.
    assert _lines(_doc(BC, recipients=named[:1]))[1] == "- Như trên;"


def test_a_nhu_tren_the_user_wrote_is_kept_even_when_turned_off() -> None:
    doc = _doc(CV, as_above=False, recipients=["Sở Tài chính", "Như trên"])
    assert _lines(doc)[1:3] == ["- Như trên;", "- Sở Tài chính;"]


# ----------------------------------------------------------------------------- Lưu line


MINISTRY = "Lưu: VT, VP(TH), BĐKH."


@pytest.mark.parametrize(
    "archive",
    [MINISTRY, "VT, VP(TH), BĐKH", ["VP(TH)", "BĐKH"], {"units": ["VP (TH)", "BĐKH"]}],
)
def test_ministry_archive_line_renders_without_a_warning(archive: Any) -> None:
    # It rendered in an earlier release and was refused ('"TH" không phải tên người soạn
    # thảo'): a sub-unit in parentheses is read as one.
    doc = _doc(KH, archive=archive)
    last = _lines(doc)[-1]
    assert last in (f"- {MINISTRY}", "- Lưu: VT, VP (TH), BĐKH.")
    assert not [c for c in _codes(doc) if c[0].startswith("archive")]


def test_unit_with_ampersand_and_copies_as_offices_write_them() -> None:
    doc = _doc(TTR, archive={"units": ["CCHC&VTLT", "TCCB (5b)"], "records_office": False})
    assert _lines(doc)[-1] == "- Lưu: CCHC&VTLT, TCCB (5b)."
    assert _codes(doc) == [
        ("archive.units[1]", "archive_form"),
        ("archive.records_office", "archive_without_vt"),
    ]
    messages = [p.message for p in doc.type_warnings()]
    assert '"TCCB (5)"' in messages[0] and "Phụ lục I, Mục II, 9.d" in messages[0]
    assert '"Lưu: VT, HC (2)."' in messages[1]


def test_archive_written_in_full_is_printed_as_written() -> None:
    conform = _doc(BC, archive={"text": "- Lưu: VT, VP(TH), BĐKH (2b)."})
    assert _lines(conform)[-1] == "- Lưu: VT, VP(TH), BĐKH (2b)."
    assert not [c for c in _codes(conform) if c[0].startswith("archive")]
    own = _doc(BC, archive={"text": "Lưu hồ sơ"})
    assert _lines(own)[-1] == "- Lưu hồ sơ"
    assert ("archive.text", "archive_form") in _codes(own)


@pytest.mark.parametrize(
    ("archive", "code"),
    [
        ({"text": "Lưu: VT, NC.", "units": ["NC"]}, "archive_text_and_parts"),
        ({"text": "Lưu: NC.", "records_office": False}, "archive_text_and_parts"),
        ({"records_office": False}, "empty_archive"),
    ],
)
def test_archive_that_cannot_be_meant_is_refused(archive: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _doc(BC, archive=archive)
    assert [(e.path, e.code) for e in caught.value.errors] == [("archive", code)]


def test_archive_overrides_from_python() -> None:
    doc = _doc(BC)
    doc.archive = Archive(units=["VP(TH)", "BĐKH"], records_office=False)
    assert _lines(doc)[-1] == "- Lưu: VP(TH), BĐKH."
    doc.archive = Archive(text="Lưu: VT, VP(TH), BĐKH.")
    assert _lines(doc)[-1] == f"- {MINISTRY}"


@pytest.mark.filterwarnings("ignore::vanban.VanbanWarning")
def test_overridden_recipients_pass_the_docx_checker() -> None:
    doc = _doc(KH, archive={"units": ["VP(TH)", "CCHC&VTLT", "TCCB (5b)"], "records_office": False})
    assert check_docx(vanban.render(doc)) == []
    qd = _doc(QD, executors_article=False, archive=MINISTRY)
    assert check_docx(vanban.render(qd)) == []


# ----------------------------------------------------------------------------- end mark


def _last_body_text(doc: vanban.Document) -> str:
    return [b for b in layout(doc).body if hasattr(b, "text")][-1].text  # type: ignore[union-attr]


def test_end_mark_replaced_by_the_office_mark() -> None:
    assert _last_body_text(_doc(BC)).endswith("./.")
    doc = _doc(BC, format={"end_mark": "/."})
    text = _last_body_text(doc)
    assert text.endswith("/.") and not text.endswith("./.") and not text.endswith("./")
    assert ("format.end_mark", "end_mark_own") in _codes(doc)


def test_end_mark_empty_text_turns_it_off() -> None:
    doc = _doc(BC, format={"end_mark": ""})
    assert doc.format.end_mark is False
    assert not _last_body_text(doc).endswith("/.")


def test_end_mark_of_the_issued_text_replaced_too() -> None:
    doc = _doc(QD_ATTACHED, format={"end_mark": "/."})
    lay = layout(doc)
    body = [b.text for b in lay.body if hasattr(b, "text")]  # type: ignore[union-attr]
    attached = [b.text for b in lay.appendices[0].body if hasattr(b, "text")]  # type: ignore[union-attr]
    assert body[-1].endswith("/.") and not body[-1].endswith("./.")
    assert attached[-1].endswith("/.") and not attached[-1].endswith("./.")


def test_end_mark_after_a_footnote_mark() -> None:
    doc = _doc(
        BC, closing="Kính báo cáo[^n]", footnotes={"n": "Chú thích."}, format={"end_mark": "/."}
    )
    inlines = layout(doc).body[-1].inlines  # type: ignore[union-attr]
    assert inlines[-1].text == "/."  # type: ignore[union-attr]


# ------------------------------------------------------------------------------ Kính gửi


@pytest.mark.parametrize("stem", [CV, BC, TTR])
def test_line_break_inside_an_addressee_is_kept(stem: str) -> None:
    doc = _doc(stem, addressees=["Ủy ban nhân dân\ntỉnh Hòa Bình Nam", "Sở Tài chính"])
    assert [b.text for b in layout(doc).addressees][1] == "- Ủy ban nhân dân\ntỉnh Hòa Bình Nam;"
    view = read_docx(vanban.render(doc))
    texts = [p.text for p in view.paragraphs]
    assert "- Ủy ban nhân dân\ntỉnh Hòa Bình Nam;" in texts


@pytest.mark.parametrize("stem", [CV, BC, TTR])
def test_one_addressee_as_a_string(stem: str) -> None:
    doc = _doc(stem, addressees="Ủy ban nhân dân tỉnh\nHòa Bình Nam")
    assert [b.text for b in layout(doc).addressees] == [
        "Kính gửi: Ủy ban nhân dân tỉnh\nHòa Bình Nam"
    ]
    assert check_docx(vanban.render(doc)) == []


# ----------------------------------------------- Giấy giới thiệu, Giấy nghỉ phép (Mẫu 1.8, 1.10)

GNP = "giay-nghi-phep-so-tai-chinh-nghi-phep-nam"


def test_leave_person_first_in_recipients_off_and_replaced() -> None:
    default = _lines(_doc(GNP))
    off = _lines(_doc(GNP, person_recipient=False))
    assert off == [default[0], *default[2:]]
    own = _lines(_doc(GNP, person_recipient="Bà Trần Thị Hoa (để t/h)"))
    assert own == [default[0], "- Bà Trần Thị Hoa (để t/h);", *default[2:]]


def test_introduction_request_line_off_and_replaced() -> None:
    def texts(doc: vanban.Document) -> list[str]:
        return [b.text for b in layout(doc).body if hasattr(b, "text")]  # type: ignore[union-attr]

    default = texts(_doc(GGT))
    request = next(t for t in default if t.startswith("Đề nghị Quý cơ quan"))
    assert texts(_doc(GGT, request=False)) == [t for t in default if t != request]
    own = "Đề nghị Quý cơ quan giúp đỡ để bà hoàn thành nhiệm vụ."
    assert texts(_doc(GGT, request=own)) == [own if t == request else t for t in default]


# ------------------------------------------------------------------- Lưu units, any text

_UNIT_CHARS = st.sampled_from(list("VTPHNCĐBKQLabcđêơư&.-() 0123456789/b"))


@settings(max_examples=300, deadline=None)
@given(st.text(_UNIT_CHARS, min_size=1, max_size=14))
@example("0. .")  # a stop, a space, a stop: all of it left to the line
def test_any_archive_unit_prints_or_is_refused_as_meaningless(text: str) -> None:
    try:
        printed, why = recipients.read_archive_unit(text)
    except ValueError as exc:  # only what cannot be meant
        assert "không được để trống" in str(exc) or "từ 1 trở lên" in str(exc)
        return
    assert printed and printed == " ".join(printed.split())
    assert recipients.read_archive_unit(printed) == (printed, why)  # printing is stable
    line = recipients.archive_line([printed])
    assert line == (f"Lưu: VT, {printed}." if printed != "VT" else "Lưu: VT.")
    assert not line.endswith("..") and not line.endswith(",.")

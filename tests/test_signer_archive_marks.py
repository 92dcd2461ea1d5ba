"""Signer variants, the "Lưu" line as offices write it, and the marks (ô 7b, 9b, 10–13)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest

import vanban
from vanban._docx_reader import read_docx
from vanban._loading import loads
from vanban.errors import ValidationError
from vanban.layout import Role, layout
from vanban.models import KeHoach
from vanban.nd30 import marks, recipients


def _doc(sample: dict[str, Any], **changes: Any) -> KeHoach:
    return KeHoach.model_validate({**sample, **changes})


def _view(doc: KeHoach) -> str:
    return read_docx(vanban.render(doc)).normalised()


def _part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()


# ------------------------------------------------------------------------------- signer (ô 7)


def test_team_signs_as_a_collective(sample: dict) -> None:
    signer = {"authority": "TM", "collective": "Đoàn kiểm tra", "title": "Trưởng đoàn"}
    doc = _doc(sample, signer={**signer, "name": "Trần Trọng Trang"})
    lay = layout(doc)
    assert [b.text for b in lay.signer] == ["TM. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN"]
    assert lay.signer_name.text == "Trần Trọng Trang"


@pytest.mark.parametrize("position", ["above_name", "below_name"])
def test_other_titles_around_the_name(sample: dict, position: str) -> None:
    signer = {
        "authority": "TM",
        "collective": "ĐOÀN KIỂM TRA",
        "title": "TRƯỞNG ĐOÀN",
        "name": "Trần Trọng Trang",
        "other_titles": "Phó Giám đốc\nSở Công Thương Lào Cai",
        "other_titles_position": position,
    }
    view = _view(_doc(sample, signer=signer))
    lines = [line for line in view.splitlines() if "VBSigner" in line]
    texts = [line.split("] ", 1)[1] for line in lines]
    titles = ["PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG LÀO CAI"]
    if position == "above_name":
        assert texts[2:] == [*titles, "Trần Trọng Trang"]
        # The room for the signature moves above the other titles: none before the name.
        assert "|1417/0|" in lines[2] and "|0/0|" in lines[4]
    else:
        assert texts[2:] == ["Trần Trọng Trang", *titles]
        assert "|1417/0|" in lines[2]
    assert all("b,14" in line for line in lines)


def test_no_other_titles_leaves_the_block_alone(sample_doc: KeHoach) -> None:
    lay = layout(sample_doc)
    assert lay.signer_above_name == lay.signer_below_name == []


# ---------------------------------------------------------------------------- Lưu (ô 9b, 12)

OFFICE_FORMS = [
    ("Lưu: VT, TH (Thắng), KT (Long).", "Lưu: VT, TH (Thắng), KT (Long)."),
    ("Lưu: VT, NC.Châu.", "Lưu: VT, NC.Châu."),
    ("Lưu: VT, CN(Linh).", "Lưu: VT, CN(Linh)."),
    ("- Lưu: VT, BP1C, CN(M.Cường).", "Lưu: VT, BP1C, CN(M.Cường)."),
    ("VT,  TH  ( Thắng ) ,NC . Châu", "Lưu: VT, TH (Thắng), NC.Châu."),
    ("VT, CN Loan", "Lưu: VT, CN Loan."),
    ("VT, HC (2)", "Lưu: VT, HC (2)."),
    ("VT, TCCB, PL.(300)", "Lưu: VT, TCCB, PL.(300)."),
]


@pytest.mark.parametrize(("written", "printed"), OFFICE_FORMS)
def test_archive_as_offices_write_it(sample: dict, written: str, printed: str) -> None:
    doc = _doc(sample, archive=written)
    assert layout(doc).recipients[-1].text == f"- {printed}"


def test_archive_units_list_and_drafter_with_copies_issued(sample: dict) -> None:
    doc = _doc(sample, archive={"units": ["TH (Thắng)"], "drafter": "pl", "issued": 300})
    assert layout(doc).recipients[-1].text == "- Lưu: VT, TH (Thắng), PL.(300)."


@pytest.mark.parametrize(
    ("written", "printed", "why"),
    [
        ("VT, CN(Linh", "CN(Linh", 'thiếu dấu ")"'),
        ("VT, CN)", "CN)", 'thừa dấu ")"'),
        ("VT, nc", "nc", "không phải chữ viết tắt"),
        ("VT NC", "VT NC", "dấu phẩy"),
        ("VT, CN()", "CN()", "người soạn thảo hoặc đơn vị"),
        ("VT, CN/TH", "CN/TH", '"/"'),
        (["NC.châu"], "NC.châu", "sau dấu chấm"),
        ("VT, (Linh)", "(Linh)", "dấu ngoặc đơn"),
        (["TH (Thắng) (Long)"], "TH (Thắng) (Long)", "dấu ngoặc đơn"),
        ("VT, CN (Linh) x", "CN (Linh) x", "dấu ngoặc đơn"),
        ("VT, TCCB (5b)", "TCCB (5b)", '"TCCB (5)"'),
    ],
)
def test_unusual_archive_renders_as_written_with_a_warning(
    sample: dict, written: str | list, printed: str, why: str
) -> None:
    # YAML that rendered before the Lưu forms were read keeps rendering (issue 16): a form the
    # decree does not write is printed as written, with a warning saying what it writes.
    doc = _doc(sample, archive=written)
    assert layout(doc).recipients[-1].text == f"- Lưu: VT, {printed}."
    problems = [p for p in doc.type_warnings() if p.code == "archive_form"]
    assert [p.path for p in problems] == ["archive.units[0]"]
    assert why in problems[0].message and "Lưu: VT, HC (2)." in problems[0].message


@pytest.mark.parametrize(("written", "why"), [("VT, CN (0)", "từ 1"), ("VT, CN (0b)", "từ 1")])
def test_archive_that_cannot_be_meant_is_refused(sample: dict, written: str, why: str) -> None:
    with pytest.raises(Exception, match=re.escape(why)):
        _doc(sample, archive=written)


@pytest.mark.parametrize(
    ("archive", "why"),
    [
        ({"units": ["NC"], "issued": 30}, "cần ký hiệu người soạn thảo"),
        ({"units": ["NC"], "drafter": "PL.(300)", "issued": 30}, "ghi hai lần"),
        ({"units": ["NC"], "drafter": "P L/3"}, "không hợp lệ"),
    ],
)
def test_bad_drafter_is_refused(sample: dict, archive: dict, why: str) -> None:
    with pytest.raises(Exception, match=why):
        _doc(sample, archive=archive)


def test_archive_warning_is_located_in_yaml() -> None:
    text = (
        "type: ke_hoach\nissuer: {name: SỞ X, abbreviation: SX}\nplace: Hà Nội\ntitle: T\n"
        "sections: [{title: A, content: [x]}]\n"
        "signer: {title: GIÁM ĐỐC, name: A}\narchive: [NC, CN(Linh]\n"
    )
    with pytest.warns(
        vanban.VanbanWarning, match=r'p\.yaml:7:\d+: archive\.units\[1\]: .*thiếu dấu "\)"'
    ):
        loads(text, source="p.yaml")


def test_archive_unit_rule_is_idempotent() -> None:
    for written, _ in OFFICE_FORMS[:4]:
        for unit in recipients.split_archive(written)[0]:
            once = recipients.archive_unit(unit)
            assert recipients.archive_unit(once) == once


# ------------------------------------------------------------------------- marks (ô 10, 11)


def test_marks_render_as_boxes_of_the_decree_sizes(sample: dict) -> None:
    doc = _doc(sample, urgency="thượng khẩn", secrecy="Tối mật", circulation="xem xong trả lại")
    data = vanban.render(doc)
    view = read_docx(data).normalised()
    # Circulation above the Quốc hiệu: a row before the header row, right cell.
    assert re.search(r"T1\.0\.0 \[VBMark\|center\|[^]]*b,13\] XEM XONG TRẢ LẠI", view)
    first_national = view.index("VBNational")
    assert view.index("XEM XONG TRẢ LẠI") < first_national
    # Secrecy then urgency, under the Số line (same cell as the number).
    number_cell = re.search(r"(T0\.\d\.0) \[VBNumber", view).group(1)  # type: ignore[union-attr]
    assert view.index("TỐI MẬT") < view.index("THƯỢNG KHẨN")
    assert view.index("VBNumber") < view.index("TỐI MẬT")
    assert re.search(r"grid=\[1701\] .*align=center borders=yes.*parent=T0", view)  # TỐI MẬT 30
    assert re.search(r"grid=\[2268\] .*align=center borders=yes.*parent=T0", view)  # THƯỢNG KHẨN 40
    assert number_cell == "T0.2.0"
    xml = _part(data, "word/document.xml")
    assert xml.count('w:hRule="exact"') == 3 and xml.count('w:val="454"') == 3  # 8 mm high
    assert 'w:top w:val="double"' in xml and 'w:top w:val="single"' in xml


def test_no_marks_no_extra_rows(sample_doc: KeHoach) -> None:
    view = _view(sample_doc)
    assert "VBMark" not in view and "rows=2 grid=[3827, 5670]" in view
    assert "== footer" not in view


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [("urgency", "gấp", "bad_urgency"), ("secrecy", "bí mật", "bad_secrecy")],
)
def test_unknown_mark_is_refused(sample: dict, field: str, value: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _doc(sample, **{field: value})
    assert [(e.path, e.code) for e in caught.value.errors] == [(field, code)]


def test_decree_spelling_of_hoa_toc(sample: dict) -> None:
    assert _doc(sample, urgency="HOẢ TỐC").urgency == "HỎA TỐC"


def test_circulation_box_fits_its_text(sample: dict) -> None:
    short = layout(_doc(sample, circulation="MẬT NỘI BỘ")).circulation
    long = layout(_doc(sample, circulation="LƯU HÀNH NỘI BỘ")).circulation
    assert short is not None and long is not None
    assert short.width < long.width
    assert long.width > marks.BOX_PADDING * 2 + 2000  # the text is about 2 400 twips at 13 pt


# ----------------------------------------------------------------------- contact line (ô 13)


def test_contact_in_first_page_footer(sample: dict) -> None:
    contact = {"address": "Số 1 Hoàng Liên", "phone": "0214 3840 888", "fax": "0214 3840 889"}
    data = vanban.render(_doc(sample, contact=contact))
    view = read_docx(data).normalised()
    footer = view.split("== footer first word/footer1.xml\n", 1)[1]
    lines = footer.splitlines()
    assert "bdr=bottom:single" in lines[0] and "|center|0|" in lines[0]  # a full-width line
    assert lines[1].endswith("] Địa chỉ: Số 1 Hoàng Liên") and "|11]" in lines[1]
    assert lines[2].endswith("] Điện thoại: 0214 3840 888; Fax: 0214 3840 889")
    assert "== footer default" not in view  # page 2 on has no contact line


def test_empty_contact_is_refused(sample: dict) -> None:
    with pytest.raises(ValidationError) as caught:
        _doc(sample, contact={})
    assert [(e.path, e.code) for e in caught.value.errors] == [("contact", "empty_contact")]


def test_layout_blocks_hold_the_new_parts(sample: dict) -> None:
    doc = _doc(
        sample,
        urgency="KHẨN",
        contact={"email": "a@b.vn"},
        signer={**sample["signer"], "other_titles": ["X"]},
    )
    roles = [b.role for b in layout(doc).blocks()]
    assert Role.MARK in roles and Role.CONTACT in roles and Role.SIGNER_OTHER in roles
    assert roles[-1] is Role.CONTACT


@pytest.mark.parametrize("other_titles", [["PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG"], "PHÓ GIÁM ĐỐC\nSỞ"])
def test_schema_accepts_the_new_fields(sample: dict, other_titles: Any) -> None:
    import jsonschema

    from vanban._schema import schema

    data = {
        **sample,
        "urgency": "HỎA TỐC",
        "secrecy": "MẬT",
        "circulation": "LƯU HÀNH NỘI BỘ",
        "contact": {"address": "Số 1", "phone": "0214"},
        "archive": "Lưu: VT, TH (Thắng), NC.Châu.",
        "signer": {**sample["signer"], "other_titles": other_titles},
    }
    jsonschema.Draft202012Validator(schema()).validate(data)
    KeHoach.model_validate(data)  # and the model reads the same data

"""``vanban.from_docx``, ``vanban import`` and ``vanban fix``: Word documents into vanban."""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban._cli import main
from vanban._docx_reader import read_docx
from vanban._importing import NotAnAdministrativeDocument
from vanban._regions import read_regions
from vanban.checker import UnreadableDocx, check_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
from import_corpus import body_words, similarity  # noqa: E402

#: Every type the examples use: the import reads them all (biên bản, two-party texts, giấy,
#: thư công and công điện with the fields of their own).
IMPORTED_TYPES = {
    "ke_hoach", "bao_cao", "to_trinh", "thong_bao", "thong_cao", "chi_thi", "quy_che",
    "quy_dinh", "huong_dan", "chuong_trinh", "phuong_an", "de_an", "du_an", "giay_uy_quyen",
    "phieu_gui", "phieu_chuyen", "phieu_bao", "cong_van", "quyet_dinh", "nghi_quyet",
    "bien_ban", "hop_dong", "ban_ghi_nho", "ban_thoa_thuan", "giay_gioi_thieu", "giay_moi",
    "giay_nghi_phep", "thu_cong", "cong_dien",
}  # fmt: skip


def _examples() -> list[Path]:
    out = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        kind = next(
            line.split(":", 1)[1].strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("type:")
        )
        if kind in IMPORTED_TYPES:
            out.append(path)
    return out


def _quiet_render(doc: vanban.Document) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return vanban.render(doc)


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
def test_rendered_example_comes_back(path: Path) -> None:
    """Render an example, import the .docx: the same type, header and signer, the body's
    words in order (≥ 0.97), and a fixed copy the checker finds nothing wrong with."""
    doc = vanban.load(path)
    data = _quiet_render(doc)
    result = vanban.from_docx(data)
    assert result.doc_type == doc.type  # type: ignore[attr-defined]
    model = result.model
    assert model.issuer.name.upper() == doc.issuer.name.upper()
    assert (model.number, model.place) == (doc.number, doc.place)
    assert model.date == doc.date
    assert model.signer.name == doc.signer.name
    fixed = _quiet_render(model)
    assert similarity(body_words(data), body_words(fixed)) >= 0.97
    assert check_report(fixed).errors == []


def test_yaml_of_an_import_loads_back() -> None:
    data = _quiet_render(vanban.load(ROOT / "examples" / "cong-van-so-tai-chinh-bao-cao-von.yaml"))
    result = vanban.from_docx(data)
    text = result.yaml()
    assert text.startswith("# yaml-language-server: $schema=cong_van.schema.json\n")
    assert vanban.loads(text).model_dump() == result.model.model_dump()
    assert result.model.addressees == ["Sở Tài chính tỉnh Nghệ An"]  # type: ignore[attr-defined]
    assert result.model.archive is not None and result.model.archive.units == ["KT (Nam)"]


def test_yaml_names_the_paragraphs_each_part_came_from() -> None:
    data = _quiet_render(vanban.load(ROOT / "examples" / "giam-ngheo-ben-vung.yaml"))
    text = vanban.from_docx(data).yaml()
    lines = text.splitlines()
    title = lines.index(next(x for x in lines if x.startswith("title:")))
    assert re.fullmatch(r"# đoạn \d+(–\d+)? của tệp Word", lines[title - 1])
    firsts = [i for i, x in enumerate(lines) if x.startswith("- title:")]
    assert firsts and all(lines[i - 1].startswith("# đoạn ") for i in firsts)
    assert vanban.loads(text).model_dump() == vanban.from_docx(data).model.model_dump()


def test_not_an_administrative_document_is_refused_whole(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Bài báo về ngày hội đọc sách")
    d.add_paragraph("Sáng nay, trường tổ chức ngày hội.")
    path = tmp_path / "bai-bao.docx"
    d.save(str(path))
    with pytest.raises(NotAnAdministrativeDocument) as info:
        vanban.from_docx(path)
    assert "không có Quốc hiệu" in str(info.value)
    assert isinstance(info.value, vanban.ValidationError)


def test_cli_import_and_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "qd.docx"
    src.write_bytes(
        _quiet_render(vanban.load(ROOT / "examples" / "so-noi-vu-bo-nhiem-truong-phong.yaml"))
    )
    out_yaml = tmp_path / "qd.yaml"
    assert main(["import", str(src), "-o", str(out_yaml)]) == 0
    assert vanban.load(out_yaml).type == "quyet_dinh"  # type: ignore[attr-defined]
    fixed, kept = tmp_path / "qd-nd30.docx", tmp_path / "qd-fix.yaml"
    before = src.read_bytes()
    assert main(["fix", str(src), "-o", str(fixed), "--yaml", str(kept)]) == 0
    printed = capsys.readouterr().out
    assert "trước (" in printed and "sau (" in printed and "0 lỗi" in printed
    assert check_report(fixed).errors == []
    assert src.read_bytes() == before  # the input is never written over
    assert vanban.load(kept).model_dump() == vanban.load(out_yaml).model_dump()


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", str(broken)]) == 2
    import docx

    d = docx.Document()
    d.add_paragraph("Một bài viết")
    other = tmp_path / "khac.docx"
    d.save(str(other))
    assert main(["import", str(other)]) == 1
    err = capsys.readouterr().err
    assert "không phải văn bản hành chính" in err and "Traceback" not in err
    with pytest.raises(UnreadableDocx):
        vanban.from_docx(broken)


def test_a_thirty_page_document_imports_in_under_a_second() -> None:
    doc = vanban.load(ROOT / "examples" / "giam-ngheo-ben-vung.yaml")
    sections = [s for _ in range(20) for s in doc.sections]  # type: ignore[attr-defined]
    big = doc.model_copy(update={"sections": sections})
    data = _quiet_render(big)
    assert read_regions(read_docx(data)).reading.pages >= 30  # the reader's page estimate
    start = time.perf_counter()
    result = vanban.from_docx(data)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, elapsed
    assert len(result.model.sections) == len(sections)  # type: ignore[attr-defined]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus of real documents is not beside")
def test_corpus_imports() -> None:
    """At least 90 % of the corpus's NĐ30 documents import with body similarity ≥ 0.98 and
    a fixed copy without checker errors; the others are not administrative documents and
    get one clear message."""
    from import_corpus import THRESHOLD, measure

    rows = [measure(p) for p in sorted(CORPUS.glob("*.docx"))]
    nd30 = [r for r in rows if r["type"] != "-"]
    good = [
        r
        for r in nd30
        if "similarity" in r
        and float(r["similarity"]) >= THRESHOLD  # type: ignore[arg-type]
        and r["errors_after"] == 0
    ]
    assert len(good) >= 0.9 * len(nd30), [r for r in nd30 if r not in good]
    assert all(r.get("scope") for r in rows if r["type"] == "-")


def test_the_docs_demo_is_what_the_page_says() -> None:
    """docs/nhap-word.md: the office's công văn has the 9 findings the page lists; the copy
    `vanban fix` makes has none, and nothing needed a note."""
    sys.path.insert(0, str(ROOT / "tools"))
    sys.path.insert(0, str(ROOT / "tests"))
    from import_demo import demo_docx

    before = demo_docx()
    rules = {f.rule for f in check_report(before).findings}
    assert {"PL1.I.font", "PL1.II.6.end-mark", "PL1.II.9b.archive-line"} <= rules
    assert len(check_report(before).findings) == 9
    result = vanban.from_docx(before)
    assert result.notes == []
    assert result.model.closing == (  # type: ignore[attr-defined]
        "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo."
    )
    assert check_report(_quiet_render(result.model)).findings == []


# --- the types with fields of their own ---------------------------------------------------


def _typed(**changes: object) -> vanban.Document:
    """A document typed in Word (the checker tests' builder), imported."""
    sys.path.insert(0, str(ROOT / "tests"))
    from word_docs import build, imported

    return imported(build(**changes)).model


def test_a_giay_moi_typed_in_word_becomes_its_fields() -> None:
    model: Any = _typed(
        kind="giay_moi",
        heading="GIẤY MỜI",
        title="Dự hội nghị sơ kết công tác quý I",
        number="Số: 05/GM-SCT",
        body=[
            "Sở Công Thương trân trọng kính mời: Lãnh đạo các phòng thuộc Sở",
            "Tới dự hội nghị sơ kết công tác quý I năm 2026.",
            "Thời gian: 08 giờ 00 phút, thứ Hai, ngày 09 tháng 3 năm 2026",
            "Địa điểm: Hội trường Sở Công Thương.",
            "Rất mong các đồng chí tham dự đúng giờ.",
        ],
        recipients=["- Như thành phần mời;"],
    )
    assert model.type == "giay_moi"
    assert model.invitee == "Lãnh đạo các phòng thuộc Sở"
    assert model.event == "hội nghị sơ kết công tác quý I năm 2026."
    assert model.time == dt.datetime(2026, 3, 9, 8, 0)  # read back as a date and hour
    assert model.venue == "Hội trường Sở Công Thương."
    assert model.closing == "Rất mong các đồng chí tham dự đúng giờ."


def test_a_hop_dong_typed_in_word_keeps_the_office_s_agreement_line() -> None:
    model: Any = _typed(
        kind="hop_dong",
        heading="HỢP ĐỒNG",
        title="Cung cấp dịch vụ vệ sinh",
        number="Số: 05/HĐ-SCT",
        body=[
            "Hôm nay, ngày 05 tháng 3 năm 2026, tại trụ sở Sở Công Thương, chúng tôi gồm:",
            "BÊN A (BÊN THUÊ): SỞ CÔNG THƯƠNG TỈNH LÀO CAI",
            "- Đại diện: Ông Nguyễn Văn An;",
            "- Chức vụ: Giám đốc.",
            "BÊN B: CÔNG TY TNHH AN PHÁT",
            "- Đại diện: Bà Lê Thị Hoa;",
            "- Địa chỉ: Số 3 đường Hoàng Liên, Lào Cai;",
            "- Chức vụ: Giám đốc.",
            "Hai bên thỏa thuận ký hợp đồng với các điều khoản sau:",
            "Điều 1. Bên B làm vệ sinh trụ sở Bên A hằng ngày.",
            "Điều 2. Hợp đồng có hiệu lực kể từ ngày ký.",
        ],
        recipients=[],
        archive=None,
        signer=["ĐẠI DIỆN BÊN A"],
    )
    assert model.venue == "trụ sở Sở Công Thương"  # the opening is vanban's own line
    assert model.opening is None
    a, b = model.parties
    assert (a.role, a.representative.honorific, a.representative.name) == (
        "BÊN THUÊ",
        "Ông",
        "Nguyễn Văn An",
    )
    assert (b.name, b.address, b.representative.position) == (
        "CÔNG TY TNHH AN PHÁT",
        "Số 3 đường Hoàng Liên, Lào Cai",
        "Giám đốc",
    )
    assert model.agreement == "Hai bên thỏa thuận ký hợp đồng với các điều khoản sau:"
    assert [x.text for x in model.articles] == [
        "Bên B làm vệ sinh trụ sở Bên A hằng ngày.",
        "Hợp đồng có hiệu lực kể từ ngày ký.",
    ]
    assert model.signer.name == "Nguyễn Văn An"  # from Bên A, never a signer of its own


def test_a_cong_dien_typed_in_word_has_its_sender_and_addressees() -> None:
    model: Any = _typed(
        kind="cong_dien",
        heading="CÔNG ĐIỆN",
        title="Về việc ứng phó với bão số 3",
        number="Số: 05/CĐ-UBND",
        body=[
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
            "- Giám đốc các sở, ban, ngành;",
            "- Chủ tịch UBND các xã, phường.",
            "Để chủ động ứng phó với bão số 3, các cơ quan trực ban nghiêm túc.",
        ],
        recipients=["- Như trên;"],
    )
    assert model.sender == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert model.addressees == ["Giám đốc các sở, ban, ngành", "Chủ tịch UBND các xã, phường"]
    assert model.content == ["Để chủ động ứng phó với bão số 3, các cơ quan trực ban nghiêm túc."]
    assert [r.name for r in model.recipients] == ["Như trên"]  # written, not vanban's


#: The overrides of the fixed lines, each rendered, imported, and read back as written.
OVERRIDES = [
    ("giay-gioi-thieu-so-noi-vu-khao-sat-thu-tuc", {"request": False}),
    (
        "giay-gioi-thieu-so-noi-vu-khao-sat-thu-tuc",
        {"request": "Đề nghị Ủy ban nhân dân xã phối hợp, cung cấp số liệu."},
    ),
    ("giay-gioi-thieu-so-noi-vu-khao-sat-thu-tuc", {"introducer": "Sở Nội vụ tỉnh Hòa Bình"}),
    ("giay-nghi-phep-so-tai-chinh-nghi-phep-nam", {"person_recipient": False}),
    ("giay-nghi-phep-so-tai-chinh-nghi-phep-nam", {"counted_as": None}),
    ("giay-nghi-phep-so-tai-chinh-nghi-phep-nam", {"request_date": None, "reason": None}),
    ("giay-moi-ubnd-xa-tong-ket-cai-cach-hanh-chinh", {"time": "Sáng thứ Năm, 17/12/2026"}),
    ("giay-moi-ubnd-xa-tong-ket-cai-cach-hanh-chinh", {"agenda": ["Tổng kết năm 2026."]}),
    ("hop-dong-dich-vu-bao-ve-so-noi-vu", {"opening": "Hai bên gồm có:", "venue": None}),
    ("hop-dong-dich-vu-bao-ve-so-noi-vu", {"agreement": "Hai bên thống nhất như sau:"}),
    ("hop-dong-dich-vu-bao-ve-so-noi-vu", {"venue": None}),
    ("thu-cong-chuc-mung-ngay-nha-giao", {"closing": None}),
    ("ubnd-tinh-cong-dien-ung-pho-bao", {"sender": "Ủy ban nhân dân tỉnh"}),
]


@pytest.mark.parametrize(("stem", "change"), OVERRIDES, ids=lambda x: str(x)[:40])
def test_an_override_of_a_fixed_line_comes_back(stem: str, change: dict[str, Any]) -> None:
    from test_import_roundtrip import normalised

    sys.path.insert(0, str(ROOT / "tests"))
    doc = vanban.load(ROOT / "examples" / f"{stem}.yaml").model_copy(update=change)
    data = doc.model_dump(exclude_defaults=True)
    if "parties" in data:
        del data["signer"]  # a two-party text's signers come from its parties
    doc = type(doc).model_validate(data)
    back = vanban.from_docx(_quiet_render(doc)).model
    assert normalised(back) == normalised(doc)


def test_a_quy_che_in_chuong_and_muc_comes_back() -> None:
    from test_import_roundtrip import normalised

    doc = vanban.QuyChe.model_validate(  # type: ignore[attr-defined]
        {
            "issuer": {
                "parent": "UBND TỈNH HÒA BÌNH NAM",
                "name": "SỞ NỘI VỤ",
                "abbreviation": "SNV",
            },
            "number": 3,
            "place": "Hòa Bình Nam",
            "date": "2026-03-05",
            "title": "Làm việc của Sở Nội vụ",
            "chapters": [
                {"title": "Quy định chung", "articles": [{"title": "Phạm vi", "text": "A."}]},
                {
                    "title": "Trách nhiệm",
                    "sections": [
                        {"title": "Giám đốc", "articles": [{"text": "B."}, {"text": "C."}]},
                        {"title": "Phó Giám đốc", "articles": [{"title": "Phân công"}]},
                    ],
                },
            ],
            "signer": {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
        }
    )
    back: Any = vanban.from_docx(_quiet_render(doc)).model
    assert [c.title for c in back.chapters] == ["QUY ĐỊNH CHUNG", "TRÁCH NHIỆM"]
    assert [s.title for s in back.chapters[1].sections] == ["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert normalised(back) == normalised(doc)


def test_a_table_whose_columns_list_tasks_becomes_a_task_table() -> None:
    """TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian | Ghi chú, with a group row: a task table
    (dates read back, the office's column as an extra field, its title kept)."""
    doc = vanban.KeHoach.model_validate(  # type: ignore[attr-defined]
        {
            "issuer": {"name": "SỞ NỘI VỤ", "abbreviation": "SNV"},
            "number": 4,
            "place": "Hòa Bình Nam",
            "date": "2026-03-05",
            "title": "Kế hoạch",
            "content": [
                {
                    "columns": [
                        {"title": "TT"},
                        {"title": "Nhiệm vụ"},
                        {"title": "Đơn vị chủ trì"},
                        {"title": "Thời gian"},
                        {"title": "Ghi chú"},
                    ],
                    "rows": [
                        {"group": "Chuẩn bị"},
                        ["1", "Rà soát hồ sơ", "Phòng Nội vụ", "30/4/2026", ""],
                        ["2", "Lập danh sách", "Văn phòng", "Quý II", "Gửi Sở"],
                    ],
                }
            ],
            "signer": {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
        }
    )
    back: Any = vanban.from_docx(_quiet_render(doc)).model
    table = back.content[0]
    assert [c.field for c in table.columns] == ["number", "task", "leads", "deadline", "Ghi chú"]
    assert [c.title for c in table.columns][2:4] == ["Đơn vị chủ trì", "Thời gian"]
    (group,) = table.groups
    first, second = group.tasks
    assert (first.task, first.leads, first.deadline) == (
        "Rà soát hồ sơ",
        "Phòng Nội vụ",
        dt.date(2026, 4, 30),
    )
    assert (second.deadline, second.extra) == ("Quý II", {"Ghi chú": "Gửi Sở"})

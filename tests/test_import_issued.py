"""The text a Quyết định issues (Mẫu 1.3), typed in Word after the signature on a page of its
own, comes back as the decision's ``attachment``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_docs import build, imported  # noqa: E402

_ISSUED_WITH = (
    "(Ban hành kèm theo Quyết định số 05/QĐ-SCT ngày 05 tháng 3 năm 2026 của Sở Công Thương)"
)


def _decision(article_1: str, issued: list[tuple[str, str]]) -> bytes:
    """A Quyết định typed in Word whose Điều 1 is ``article_1``, then, in a section of its
    own, the issued text: a header table with the Quốc hiệu, then ``issued`` as (how, text),
    how being "centre", "centre bold" or "body"."""
    data = build(
        title="Ban hành Quy chế làm việc của Sở Công Thương",
        body=[
            f"Điều 1. {article_1}",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.",
        ],
    )
    doc = Document(io.BytesIO(data))
    doc.add_section()
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "UBND TỈNH LÀO CAI"
    left.add_paragraph().add_run("SỞ CÔNG THƯƠNG").bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    doc.add_paragraph()
    for how, text in issued:
        p = doc.add_paragraph()
        if how.startswith("centre"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        bold = how.endswith("bold") or text.startswith("Điều ")
        p.add_run(text).bold = bold
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_QUY_CHE = [
    ("centre bold", "QUY CHẾ"),
    ("centre bold", "Làm việc của Sở Công Thương"),
    ("centre", _ISSUED_WITH),
    ("centre bold", "Chương I"),
    ("centre bold", "QUY ĐỊNH CHUNG"),
    ("body", "Điều 1. Phạm vi điều chỉnh"),
    ("body", "Quy chế này quy định lề lối làm việc của Sở Công Thương."),
    ("body", "Điều 2. Nguyên tắc làm việc"),
    ("body", "Sở làm việc theo chế độ thủ trưởng./."),
]


def test_a_decision_s_issued_text_becomes_its_attachment() -> None:
    result = imported(
        _decision("Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Công Thương.", _QUY_CHE)
    )
    model = result.model
    att = model.attachment
    assert att is not None, result.notes
    assert (att.type, att.title) == ("quy_che", "Làm việc của Sở Công Thương")
    assert att.article is None  # Điều 1 reads as vanban prints it: left to vanban
    assert att.reference == "ban_hanh_kem_theo"  # the practice's wording, as typed
    assert [a.text for a in model.articles] == [  # Điều 2 and 3 of the decision
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.",
    ]
    (chapter,) = att.chapters
    assert chapter.title == "QUY ĐỊNH CHUNG"
    assert [a.title for a in chapter.articles] == ["Phạm vi điều chỉnh", "Nguyên tắc làm việc"]
    assert model.article_total == 3
    lines = result.yaml().split("\n")
    before = lines[lines.index("attachment:") - 1]
    assert before.startswith("# đoạn ") and before.endswith(" của tệp Word")  # where it was


def test_an_office_s_own_article_1_and_reference_line_are_kept() -> None:
    own = "(Kèm theo Quyết định số 05/QĐ-SCT của Giám đốc Sở)"
    article = "Ban hành kèm theo Quyết định này Quy chế làm việc, thay thế Quy chế năm 2023."
    model = imported(_decision(article, [*_QUY_CHE[:2], ("centre", own), *_QUY_CHE[3:]])).model
    assert model.attachment.article == article
    assert model.attachment.reference == own


def test_a_plan_issued_by_a_decision_keeps_its_muc() -> None:
    model = imported(
        _decision(
            "Ban hành kèm theo Quyết định này Kế hoạch tổ chức Hội khỏe Phù Đổng.",
            [
                ("centre bold", "KẾ HOẠCH"),
                ("centre bold", "Tổ chức Hội khỏe Phù Đổng"),
                ("centre", _ISSUED_WITH.replace("Ban hành kèm", "Kèm")),
                ("body", "I. MỤC ĐÍCH, YÊU CẦU"),
                ("body", "Nâng cao sức khỏe cho học sinh."),
                ("body", "II. TỔ CHỨC THỰC HIỆN"),
                ("body", "Các phòng thực hiện kế hoạch này./."),
            ],
        )
    ).model
    att = model.attachment
    assert (att.type, att.reference, att.action) == ("ke_hoach", "kem_theo", "ban_hanh")
    assert [s.title for s in att.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert att.sections[1].content == ["Các phòng thực hiện kế hoạch này."]


def test_an_issued_text_without_a_reference_line_prints_none() -> None:
    model = imported(
        _decision(
            "Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Công Thương.",
            [x for x in _QUY_CHE if x[1] != _ISSUED_WITH],
        )
    ).model
    assert model.attachment.reference is False
    assert model.attachment.title == "Làm việc của Sở Công Thương"


def test_an_issued_text_of_no_known_type_is_reported_not_dropped() -> None:
    result = imported(
        _decision(
            "Ban hành kèm theo Quyết định này Điều lệ Hội Cựu giáo chức.",
            [("centre bold", "ĐIỀU LỆ"), ("centre bold", "Hội Cựu giáo chức"), *_QUY_CHE[2:]],
        )
    )
    assert result.model.attachment is None
    assert any("văn bản kèm theo" in note for note in result.notes)
    assert len(result.model.articles) == 3  # Điều 1 kept as the office wrote it

"""The layout: numbering, wording and punctuation, read from the plain-text view."""

from __future__ import annotations

from vanban._markup import Span
from vanban.layout import Role, layout
from vanban.models import KeHoach


def test_sample_text(sample_doc: KeHoach) -> None:
    text = layout(sample_doc).text().split("\n")
    assert text[:8] == [
        "UBND TỈNH BẮC GIANG",
        "BAN QUẢN LÝ CÁC",
        "KHU CÔNG NGHIỆP",
        "Số: 05/KH-KCN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Giang, ngày 05 tháng 02 năm 2025",
        "KẾ HOẠCH",
    ]
    body = text[text.index("I. MỤC ĐÍCH, YÊU CẦU") - 2 :]
    assert body == [
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
        "Ban Quản lý các KCN xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Bảo đảm an ninh tại các KCN1.",
        "2. Yêu cầu",
        "- Phối hợp chặt chẽ:",
        "+ giữa các phòng;",
        "+ với Công an tỉnh.",
        "II. NHIỆM VỤ",
        "1. Rà soát lực lượng bảo vệ (hoàn thành trước ngày 15/3/2025).",
        "- Chủ trì: Văn phòng Ban",
        "2. Tuyên truyền thường xuyên (thường xuyên).",
        "a) điểm một;",
        "b) điểm hai.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Ban",
        "- Theo dõi, tổng hợp.",
        "Trên đây là Kế hoạch của Ban Quản lý các KCN./.",
        "Nơi nhận:",
        "- Công an tỉnh;",
        "- Các doanh nghiệp KCN (để t/h);",
        "- Lưu: VT, VP.",
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Văn A",
        "[1] Gồm các KCN Đình Trám, Quang Châu, Vân Trung.",
    ]


def test_deadline_italic_inline(sample_doc: KeHoach) -> None:
    task = next(b for b in layout(sample_doc).body if b.role is Role.TASK)
    italic = [x.text for x in task.inlines if isinstance(x, Span) and x.italic]
    assert italic == ["hoàn thành trước ngày 15/3/2025"]


def test_task_lines_style(sample: dict) -> None:
    sample["task_style"] = "lines"
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    i = lines.index("1. Rà soát lực lượng bảo vệ.")
    assert lines[i + 1 : i + 3] == [
        "- Chủ trì: Văn phòng Ban",
        "- Thời gian thực hiện: trước ngày 15/3/2025",
    ]
    assert "- Thời gian thực hiện: thường xuyên" in lines


def test_nested_numbering_and_renumbering(sample: dict) -> None:
    sec = sample["sections"][0]
    sec["content"][1]["content"].append({"title": "Con", "content": [{"text": "cháu"}]})
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    assert "2.1. Con" in lines and "2.1.1. cháu" in lines
    sec["content"].reverse()  # reorder: numbers follow
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    assert lines.index("1. Yêu cầu") < lines.index("2. Mục đích")
    assert "1.1. Con" in lines


def test_end_mark_switch_and_no_closing(sample: dict) -> None:
    sample["format"] = {"end_mark": False}
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    assert "Trên đây là Kế hoạch của Ban Quản lý các KCN" in lines
    sample["format"] = {}
    del sample["closing"]
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    assert "- Theo dõi, tổng hợp./." in lines


def test_blank_line_splits_paragraphs(sample: dict) -> None:
    sample["intro"] = ["Đoạn một\ndòng hai\n\nĐoạn hai"]
    lay = layout(KeHoach.model_validate(sample))
    paras = [b.text for b in lay.body if b.role is Role.PARAGRAPH]
    assert paras[:2] == ["Đoạn một\ndòng hai", "Đoạn hai"]


def test_signer_forms(sample: dict) -> None:
    sample["signer"] = {
        "authority": "TM",
        "collective": "Ủy ban nhân dân",
        "head_title": "Chủ tịch",
        "title": "Phó Chủ tịch",
        "name": "Lê Văn B",
    }
    lay = layout(KeHoach.model_validate(sample))
    assert [b.text for b in lay.signer] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_rule_lengths(sample_doc: KeHoach) -> None:
    lay = layout(sample_doc)
    assert 3400 < lay.motto_rule.length < 3450  # "Độc lập - Tự do - Hạnh phúc", 14 pt bold
    assert lay.issuer_rule.length < lay.issuer_rule.width
    assert lay.title_rule is not None and 0 < lay.title_rule.length < lay.title_rule.width // 2


def test_periods_around_footnotes(sample: dict) -> None:
    sample["footnotes"]["a"] = "Chú thích A."
    sample["sections"][1]["content"][0] = {"task": "Làm việc A.[^a]", "deadline": "2025-11-30"}
    sample["closing"] = "Trên đây là kế hoạch.[^kcn]"
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    assert "1. Làm việc A2 (hoàn thành trước ngày 30/11/2025)." in lines
    assert "Trên đây là kế hoạch3./." in lines


def test_task_with_several_paragraphs(sample: dict) -> None:
    sample["sections"][1]["content"][0] = {
        "task": "Việc một.\n\nGhi chú thêm.",
        "deadline": "2025-11-30",
    }
    lines = layout(KeHoach.model_validate(sample)).text().split("\n")
    i = lines.index("1. Việc một.")
    assert lines[i + 1] == "Ghi chú thêm (hoàn thành trước ngày 30/11/2025)."

"""The pictures of docs/nhap-word.md: a Công văn typed in Word as many offices do (Arial, the
wrong margins, a 14 pt Số line, căn cứ upright, no end mark), and the copy `vanban fix` makes.

    python tools/import_demo.py        # writes docs/img/nhap-word-truoc.png and -sau.png

The Word document is built by the same builder the checker's tests use (tests/word_docs.py),
so the picture shows what the tests check. Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_docs import build  # noqa: E402

import vanban  # noqa: E402

#: The office's document: what `vanban check` finds wrong in it is what `fix` puts right.
DEMO = {
    "kind": "cong_van",
    "font": "Arial",
    "margins_mm": (15, 15, 25, 25),
    "number": "Số: 125/SCT-CN",
    "number_size": 14,
    "date": "Lào Cai, ngày 5 tháng 03 năm 2026",
    "end_mark": False,
    "subject": "V/v báo cáo kết quả thực hiện kế hoạch\nphát triển công nghiệp năm 2026",
    "kinh_gui": "Kính gửi: Ủy ban nhân dân tỉnh Lào Cai",
    "body": [
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh, Sở Công "
        "Thương báo cáo kết quả thực hiện quý I năm 2026 như sau:",
        "1. Giá trị sản xuất công nghiệp quý I ước đạt 14.250 tỷ đồng, tăng 9,2% so với cùng kỳ.",
        "2. Thu hút 04 dự án đầu tư mới vào các cụm công nghiệp, tổng vốn đăng ký 1.180 tỷ đồng.",
        "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo.",
    ],
    "recipients": ["- Như trên;", "- Giám đốc Sở (b/c);"],
    "archive": "- Lưu VT, CN",
}


def demo_docx() -> bytes:
    """The office's Word document."""
    return build(**DEMO)


def _page_png(docx: bytes, out: Path, work: Path) -> None:
    src = work / (out.stem + ".docx")
    src.write_bytes(docx)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(src)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
         str(work / (out.stem + ".pdf")), str(out.with_suffix(""))],
        check=True,
    )  # fmt: skip


def main() -> None:
    before = demo_docx()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        after = vanban.render(vanban.from_docx(before).model)
    img = ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        _page_png(before, img / "nhap-word-truoc.png", Path(tmp))
        _page_png(after, img / "nhap-word-sau.png", Path(tmp))
    print(img / "nhap-word-truoc.png", img / "nhap-word-sau.png")


if __name__ == "__main__":
    main()

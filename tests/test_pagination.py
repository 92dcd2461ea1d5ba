"""Pages that hold together, printed through LibreOffice (issue 16, item 8).

Plans with 5, 10, 20 and 40 khoản written "Title: text" before the closing, and plans whose
task table has groups of rows under merged cells falling at page ends, are rendered, converted
to PDF in one LibreOffice call, and read back with ``pdftotext -bbox-layout``:

- the signer is never alone on a page: the page of the signature block also holds body text;
- no body page before the last is less than two-thirds full (the fill is the bottom of the
  last text line of the page, measured from the top margin, over the height of the text
  area); vanban 0.2 kept every "Title: text" khoản with the next paragraph, so the whole list
  chained into the signature and moved to a new page, leaving page 1 half empty;
- the rows under one merged cell never break across pages, unless the table says
  ``split_rows: true``: then its pages fill.

Skipped when LibreOffice or poppler is missing (CI has both).
"""

from __future__ import annotations

import copy
import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE

import vanban
from vanban.models import KeHoach
from vanban.nd30 import page

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_libreoffice = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT), reason="LibreOffice or poppler missing"
)

KHOAN_COUNTS = (5, 10, 20, 40)
#: Lines of text above the foot of a page, as in the reference "Tổ chức thực hiện" lists.
DUTY = (
    "chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện các nhiệm vụ "
    "được giao tại Kế hoạch này; định kỳ báo cáo kết quả về Ban Quản lý các KCN trước ngày "
    "15 hằng tháng."
)
SIGNER = "Nguyễn Văn A"
#: Blank lines added before the task table, so its groups fall at other page ends.
TABLE_SHIFTS = (0, 1, 2, 3)
TASKS = 12
PRODUCTS = 4
POINTS_PER_MM = 72 / 25.4


def _base() -> dict[str, Any]:
    """The sample plan without its footnote (the fill is measured on body text)."""
    data = copy.deepcopy(SAMPLE)
    data.pop("footnotes")
    data["sections"][0]["content"][0]["content"][0]["bullets"][0] = "Bảo đảm an ninh."
    return data


def khoan_plan(count: int) -> KeHoach:
    """ "Sở Ngành số i: <duty>" khoản, each a complete paragraph, then the closing."""
    data = _base()
    del data["sections"][1]
    data["sections"][1]["content"] = [
        {"title": f"Sở Ngành số {i}", "text": DUTY} for i in range(1, count + 1)
    ]
    return KeHoach.model_validate(data)


def task_plan(shift: int, *, split_rows: bool = False) -> KeHoach:
    """A task table of tasks with four product rows each (the other cells merged down),
    led in by a paragraph and followed by a note."""
    data = _base()
    tasks = [
        {
            "task": f"Nhiệm vụ số {t}: " + "triển khai nội dung " * 3,
            "leads": "Sở Nội vụ",
            "deadline": "Quý II/2026",
            "product": [f"SP{t}x{k} báo cáo kết quả" for k in range(1, PRODUCTS + 1)],
            "split": "product",
        }
        for t in range(1, TASKS + 1)
    ]
    table: dict[str, Any] = {
        "columns": ["number", "task", "leads", "deadline", "product"],
        "tasks": tasks,
    }
    if split_rows:
        table["split_rows"] = True
    data["sections"][1]["content"] = [
        *(f"Đoạn văn số {i} trước bảng." for i in range(shift)),
        "Các nhiệm vụ cụ thể như sau:",
        table,
        "Ghi chú: các sở báo cáo kết quả hằng quý.",
    ]
    return KeHoach.model_validate(data)


@dataclass
class Line:
    top: float
    bottom: float
    text: str


@dataclass
class Page:
    height: float
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def body(self) -> list[Line]:
        """The lines inside the text area (the page number sits in the top margin)."""
        top = page.MARGINS_DEFAULT.top * POINTS_PER_MM
        return [line for line in self.lines if line.top >= top - 2]

    def fill(self) -> float:
        """How far down the text area the last line reaches (1.0: the bottom margin)."""
        m = page.MARGINS_DEFAULT
        top, bottom = m.top * POINTS_PER_MM, self.height - m.bottom * POINTS_PER_MM
        return (max(line.bottom for line in self.body()) - top) / (bottom - top)


def read_pages(pdf: Path) -> list[Page]:
    xml = subprocess.run(
        [str(PDFTOTEXT), "-bbox-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = []
    for height, body in re.findall(
        r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', xml, re.S
    ):
        lines = [
            Line(
                float(a),
                float(b),
                " ".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", t)),
            )
            for a, b, t in re.findall(
                r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                body,
                re.S,
            )
        ]
        pages.append(Page(float(height), lines))
    return pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    """Every document of this module, printed by LibreOffice in one call."""
    out = tmp_path_factory.mktemp("pagination")
    docs = {f"khoan{n}": khoan_plan(n) for n in KHOAN_COUNTS}
    docs |= {f"tasks{s}": task_plan(s) for s in TABLE_SHIFTS}
    docs["split"] = task_plan(0, split_rows=True)
    names = []
    for name, doc in docs.items():
        vanban.render(doc, out / f"{name}.docx")
        names.append(str(out / f"{name}.docx"))
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *names],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {name: read_pages(out / f"{name}.pdf") for name in docs}


def signer_page(pages: list[Page]) -> Page:
    return next(p for p in pages if SIGNER in p.text)


def assert_signer_not_alone(pages: list[Page]) -> None:
    """The page of the signature block holds body text above "Nơi nhận"."""
    sign = signer_page(pages)
    label = next(line for line in sign.lines if "Nơi nhận" in line.text)
    above = [line for line in sign.body() if line.bottom <= label.top]
    assert above, "the signature block is alone on its page"


@needs_libreoffice
@pytest.mark.parametrize("count", KHOAN_COUNTS)
def test_signer_is_never_alone(printed: dict[str, list[Page]], count: int) -> None:
    assert_signer_not_alone(printed[f"khoan{count}"])


@needs_libreoffice
@pytest.mark.parametrize("count", KHOAN_COUNTS)
def test_body_pages_are_at_least_two_thirds_full(
    printed: dict[str, list[Page]], count: int
) -> None:
    pages = printed[f"khoan{count}"]
    assert len(pages) >= 2 and f"{count}. Sở Ngành số {count}" in pages[-1].text + pages[-2].text
    fills = [round(p.fill(), 2) for p in pages[:-1]]
    assert min(fills) >= 2 / 3, f"page fills {fills}"


def _pages_of_tasks(pages: list[Page]) -> dict[int, set[int]]:
    where: dict[int, set[int]] = {}
    for n, p in enumerate(pages, 1):
        for task, _ in re.findall(r"SP(\d+)x(\d+)", p.text):
            where.setdefault(int(task), set()).add(n)
    return where


@needs_libreoffice
@pytest.mark.parametrize("shift", TABLE_SHIFTS)
def test_rows_under_a_merged_cell_stay_on_one_page(
    printed: dict[str, list[Page]], shift: int
) -> None:
    pages = printed[f"tasks{shift}"]
    where = _pages_of_tasks(pages)
    assert sorted(where) == list(range(1, TASKS + 1))
    assert len(set().union(*where.values())) > 2, "the table runs over several pages"
    assert {t: s for t, s in where.items() if len(s) > 1} == {}
    assert_signer_not_alone(pages)
    note = next(n for n, p in enumerate(pages, 1) if "Ghi chú: các sở" in p.text)
    assert note in where[TASKS], "the note under the table is on the page of its last row"


@needs_libreoffice
def test_split_rows_lets_groups_break_and_fills_pages(printed: dict[str, list[Page]]) -> None:
    pages = printed["split"]
    where = _pages_of_tasks(pages)
    assert any(len(s) > 1 for s in where.values()), "a group breaks across pages"
    table_pages = sorted(set().union(*where.values()))
    fills = [round(pages[n - 1].fill(), 2) for n in table_pages[:-1]]
    assert min(fills) >= 0.95, f"page fills {fills}"
    assert_signer_not_alone(pages)


def test_only_paragraphs_that_lead_in_are_kept_with_the_next() -> None:
    """The layout's keeps (no LibreOffice needed): headings and lead-ins, not complete
    paragraphs."""
    data = _base()
    data["sections"][1]["content"] = [
        {"title": "Sở Tài chính", "text": "chủ trì thẩm định."},
        {"title": "Sở Nội vụ", "text": "phối hợp."},
        {"title": "Nhiệm vụ chung", "content": ["Rà soát toàn bộ hồ sơ."]},
        {
            "letters": [
                {"text": "Nhiệm vụ", "content": [{"bullets": ["rà soát;", "báo cáo."]}]},
                "điểm không có nội dung con.",
            ]
        },
        {"text": "Cục Biến đổi khí hậu có trách nhiệm:", "content": [{"letters": ["x;", "y."]}]},
        "Nội dung gồm:",
        {"bullets": ["một;", "hai."]},
        {"task": "Tổng kết.", "leads": "Văn phòng"},
        "Đoạn văn hoàn chỉnh.",
    ]
    from vanban.layout import layout
    from vanban.layout.blocks import Block

    kept = {
        b.text: b.keep
        for b in layout(KeHoach.model_validate(data)).body
        if isinstance(b, Block) and b.text
    }
    assert kept["1. Sở Tài chính: chủ trì thẩm định."] is False
    assert kept["2. Sở Nội vụ: phối hợp."] is False
    assert kept["3. Nhiệm vụ chung"] is True
    assert kept["a) Nhiệm vụ"] is True
    assert kept["b) điểm không có nội dung con."] is False
    assert kept["4. Cục Biến đổi khí hậu có trách nhiệm:"] is True
    assert kept["Nội dung gồm:"] is True
    assert kept["- một;"] is False
    # A task's text is a complete paragraph: it may end a page above its "- Chủ trì" lines
    # (LibreOffice moves a kept paragraph whole, which would empty the foot of the page).
    assert kept["5. Tổng kết."] is False
    assert kept["- Chủ trì: Văn phòng"] is False
    assert kept["Đoạn văn hoàn chỉnh."] is False

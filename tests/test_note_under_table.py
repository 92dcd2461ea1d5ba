"""A note that ends a phụ lục right under its table never stands alone on a page.

A paragraph after a table is not kept with the table's last row by every client: LibreOffice
ignores the keep, so a two-line note could open a landscape page of its own. vanban carries
such a note in the table, as a last row without side or bottom border, kept with the row
above; it reads as a paragraph under the table. Judged on LibreOffice's PDF, at every row
count around the page end.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests_support import ROOT

import vanban

NOTE = (
    "Ghi chú: các sở, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 hằng tháng "
    "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định hiện hành."
)
#: Row counts around the end of the appendix's second page (23 and 24 left the note alone).
COUNTS = range(20, 28)


def _plan(rows: int, *, note: bool = True) -> vanban.Document:
    data: dict[str, Any] = yaml.safe_load(
        (ROOT / "examples" / "giam-ngheo-ben-vung.yaml").read_text(encoding="utf-8")
    )
    table = {
        "columns": ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        "rows": [
            [str(i), f"Nhiệm vụ số {i} của kế hoạch triển khai", "Sở Nội vụ", "Quý II/2026"]
            for i in range(1, rows + 1)
        ],
    }
    content: list[Any] = [table, NOTE] if note else [table]
    data["appendices"] = [{"title": "Danh mục nhiệm vụ", "landscape": True, "content": content}]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.loads(yaml.safe_dump(data, allow_unicode=True))


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_the_note_is_the_tables_last_row_kept_with_the_row_above() -> None:
    xml = _document_xml(vanban.render(_plan(5)))
    table = xml[xml.rfind("<w:tbl>") : xml.rfind("</w:tbl>")]
    rows = table.split("<w:tr>")[1:]
    assert "Ghi chú: các sở" in rows[-1]
    assert '<w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>' in rows[-1]
    assert '<w:gridSpan w:val="4"/>' in rows[-1]
    assert "<w:keepNext/>" in rows[-2]  # the last task row goes with the note
    after = xml[xml.rfind("</w:tbl>") :]
    assert "Ghi chú" not in after  # not printed twice


def test_a_note_in_the_body_or_after_other_blocks_stays_a_paragraph() -> None:
    doc = _plan(5)
    appendix = doc.appendices[0]  # type: ignore[attr-defined]
    appendix.content.append("Đoạn cuối của phụ lục, sau ghi chú.")
    xml = _document_xml(vanban.render(doc))
    table = xml[xml.rfind("<w:tbl>") : xml.rfind("</w:tbl>")]
    assert "Ghi chú" not in table  # the table does not end the phụ lục: nothing moves in


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_never_puts_the_note_alone_on_a_page(tmp_path: Path) -> None:
    names = []
    for n in COUNTS:
        path = tmp_path / f"n{n}.docx"
        path.write_bytes(vanban.render(_plan(n)))
        names.append(str(path))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *names],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for n in COUNTS:
        pdf = tmp_path / f"n{n}.pdf"
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        pages = text.split("\f")
        page = next(p for p in pages if "Ghi chú: các sở" in p)
        rows = re.findall(r"Nhiệm vụ số (\d+)", page)
        assert rows, f"{n} rows: the note is alone on its page"
        assert int(rows[-1]) == n  # with the table's last row

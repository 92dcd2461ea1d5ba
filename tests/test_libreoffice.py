"""A real client: LibreOffice opens every example, lays it out, and prints what we expect.

Skipped when LibreOffice is missing on a developer machine; in CI (``CI`` set) it must run.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from tests_support import PDFTOTEXT, SOFFICE, example_docs, to_pdf

import vanban
from vanban.layout import Role, layout
from vanban.layout.blocks import flatten

if not (SOFFICE and PDFTOTEXT):
    if os.environ.get("CI"):
        pytest.fail("LibreOffice and poppler-utils are required in CI", pytrace=False)
    pytestmark = pytest.mark.skip("LibreOffice (soffice) or pdftotext is not installed")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lo")
    docs = example_docs()
    for name, doc in docs.items():
        vanban.render(doc, folder / f"{name}.docx")
    to_pdf(*sorted(folder.glob("*.docx")))
    out = {name: folder / f"{name}.pdf" for name in docs}
    for path in out.values():
        assert path.is_file(), f"LibreOffice did not convert {path.name}"
    return out


def _page_text(pdf: Path, page: int | None = None) -> str:
    args = [PDFTOTEXT, "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _pages(pdf: Path) -> int:
    return _page_text(pdf).count("\f")


@pytest.mark.parametrize("name", sorted(example_docs()))
def test_example_in_libreoffice(pdfs: dict[str, Path], name: str) -> None:
    doc = example_docs()[name]
    lay = layout(doc)
    pdf = pdfs[name]
    text = _squash(_page_text(pdf))
    heading = [*lay.heading, *lay.subject]  # a Công văn's trích yếu is its "V/v" line
    title = _squash(" ".join(b.text for b in heading if b.role in (Role.TITLE, Role.SUBJECT)))
    if not title:  # a Giấy giới thiệu, Giấy nghỉ phép: the tên loại with no trích yếu
        title = _squash(" ".join(b.text for b in heading if b.role is Role.DOC_TYPE))
    assert title and title in text
    paras = flatten(lay.body)
    tasks = (
        [b for b in paras if b.role is Role.TASK]
        or [b for b in paras if b.role in (Role.ITEM, Role.ITEM_HEADING)]
        or [b for b in paras if b.role in (Role.ARTICLE, Role.ARTICLE_HEADING)]
        or [b for b in paras if b.role is Role.PARAGRAPH]  # a thông cáo, a thư công: paragraphs
        or [b for b in paras if b.text.strip()]  # the giấy: field lines, no numbered parts
    )
    for block in (tasks[0], tasks[-1]):
        assert _squash(block.text)[:60] in text
    assert doc.signer.name in text
    pages = _pages(pdf)
    if doc.doc_type == "ke_hoach":
        assert pages >= 2  # every example plan is longer than a page
    first = _page_text(pdf, 1).strip().splitlines()[0].strip()
    assert first != "1" and not first.isdigit(), "page 1 must not carry a page number"
    if pages < 2:
        return
    second = _page_text(pdf, 2).strip().splitlines()[0].strip()
    # A one-page text, then its parts (a two-party text names its signers in its body too).
    if lay.appendices and doc.signer.name in _squash(_page_text(pdf, 1)):
        assert not second.isdigit(), "a part's first page carries no page number"
    else:
        assert second == "2", f"page 2 must start with its number, got {second!r}"


def test_to_pdf(sample_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = vanban.to_pdf(sample_doc, tmp_path / "ke-hoach.pdf")
    assert data.startswith(b"%PDF") and (tmp_path / "ke-hoach.pdf").read_bytes() == data
    assert "Nguyễn Văn A" in _squash(_page_text(tmp_path / "ke-hoach.pdf"))


def test_public_surface() -> None:
    import vanban._rendering  # importing the modules must not shadow the functions
    import vanban.checker

    assert callable(vanban.render) and callable(vanban.check) and callable(vanban.to_pdf)
    assert vanban.check is vanban.checker.check_docx


def test_landscape_appendix_example(pdfs: dict[str, Path]) -> None:
    """Issue 7: the task-table phụ lục of the department plan, as LibreOffice lays it out."""
    pdf = pdfs["so-cong-thuong-chuyen-doi-so"]
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "50", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = {
        int(n): float(w) > float(h)
        for n, w, h in re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    }
    first = next(n for n in sorted(sizes) if "DANH MỤC NHIỆM VỤ" in _page_text(pdf, n))
    assert not sizes[first - 1] and sizes[first] and sizes[first + 1], "portrait, then landscape"
    assert "Nơi nhận" not in _page_text(pdf, first), "the appendix starts on a page of its own"
    top = _page_text(pdf, first).strip().splitlines()[0].strip()
    assert top == "Phụ lục 01", "no page number on the appendix's first page"
    second = _page_text(pdf, first + 1).strip().splitlines()
    assert second[0].strip() == "2", "the appendix's pages are numbered from 1"
    assert any(line.split()[:2] == ["TT", "Nhiệm"] for line in second), "header row repeated"

"""Helpers shared by test modules (not fixtures)."""

from __future__ import annotations

import functools
import shutil
import subprocess
import warnings
from pathlib import Path

import vanban

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"


@functools.cache
def example_docs() -> dict[str, vanban.Document]:
    """Every example plan, loaded once, by file stem."""
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
            out[path.stem] = vanban.load(path)
    return out


#: LibreOffice and poppler's pdftotext, for the tests that judge pages (None when missing).
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def to_pdf(*docx: Path, timeout: int = 300) -> list[Path]:
    """Convert .docx files to PDF beside them with LibreOffice (one call, a private
    profile in their folder); the PDFs' paths."""
    assert SOFFICE, "LibreOffice is not installed"
    folder = docx[0].parent
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(p) for p in docx),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return [p.with_suffix(".pdf") for p in docx]


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The text of a PDF (pdftotext; ``layout`` keeps the columns), pages split by "\\f"."""
    assert PDFTOTEXT, "pdftotext is not installed"
    args = [PDFTOTEXT, *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout

"""Helpers shared by test modules (not fixtures)."""

from __future__ import annotations

import functools
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

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


def reference_walk(value: Any, path: str, out: list[tuple[str, Any]]) -> None:
    """Every value under ``value`` with its path, as :mod:`vanban.models.walk` was written
    before it was made fast: one call per value, ``isinstance`` on each (the reference the
    fast walks are tested against)."""
    from pydantic import BaseModel

    from vanban.models import walk

    out.append((path, value))
    if isinstance(value, BaseModel):
        for name in walk._fields(type(value), not path):
            item = getattr(value, name)
            if item is not None and not (isinstance(item, (list, dict)) and not item):
                reference_walk(item, f"{path}.{name}" if path else name, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if not (isinstance(item, (list, dict)) and not item):
                reference_walk(item, f"{path}[{i}]", out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not (isinstance(item, (list, dict)) and not item):
                reference_walk(item, walk._join(path, str(key)), out)

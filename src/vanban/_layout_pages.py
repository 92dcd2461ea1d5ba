"""The pages of a Word document as LibreOffice lays them out (``vanban check --layout``).

The document is converted to PDF by :func:`vanban.pdf.to_pdf` and each page's text read by
``pdftotext`` (poppler-utils). Without either program, or when the conversion fails, the
checker computes the page from the file instead (:mod:`vanban._checks.layout`): the finding
says which.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import VanbanError


def laid_out_pages(source: bytes | str | os.PathLike[str]) -> list[str] | None:
    """The text of each printed page, or ``None`` when LibreOffice or pdftotext is missing
    or fails."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    from vanban.pdf import to_pdf

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        pdf = to_pdf(data)
    except VanbanError:
        return None
    with tempfile.TemporaryDirectory(prefix="vanban-layout-") as tmp:
        path = Path(tmp) / "van-ban.pdf"
        path.write_bytes(pdf)
        try:
            done = subprocess.run(
                [pdftotext, "-layout", str(path), "-"],
                capture_output=True,
                check=True,
                timeout=60,
            )
        except (subprocess.SubprocessError, OSError):
            return None
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages

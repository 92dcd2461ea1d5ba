"""PDF through LibreOffice, the one real client on the machines vanban is built on.

LibreOffice is not a Python dependency: :func:`to_pdf` looks for ``soffice`` on the PATH and
says so plainly when it is missing (Debian: ``apt-get install libreoffice-writer-nogui
fonts-liberation2``; Liberation Serif has the metrics of Times New Roman, so line breaks and
page counts match Word's).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import VanbanError
from vanban.models.common import Document

#: How long LibreOffice may take to convert one document (seconds), by default.
TIMEOUT = 120

#: What to install when LibreOffice is missing (Debian, Ubuntu).
INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"


def find_soffice() -> str:
    """The LibreOffice program on the PATH, or a :class:`VanbanError` naming the package."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise VanbanError(
            "không tìm thấy LibreOffice (lệnh soffice) để tạo PDF; trên Debian/Ubuntu cài gói "
            f"libreoffice-writer-nogui: {INSTALL_HINT}"
        )
    return soffice


def to_pdf(
    source: Document | bytes | str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    timeout: float = TIMEOUT,
) -> bytes:
    """Convert a document (a model, .docx bytes, or the path of a .docx file) to PDF; write
    it to ``out`` when given.

    Each call converts in a temporary folder of its own with a LibreOffice profile of its own
    (``-env:UserInstallation``), so calls may run at the same time, in threads or processes,
    beside a LibreOffice the user has open. LibreOffice runs in a process group of its own;
    after ``timeout`` seconds (:data:`TIMEOUT` by default; ``vanban render --pdf --timeout``)
    the whole group is killed, its children too, and a :class:`VanbanError` says so.
    """
    if isinstance(source, Document):
        from vanban._rendering import render

        source = render(source)
    else:  # a file or bytes from elsewhere: a well-formed .docx within the limits, or an error
        from vanban._package import untrusted_docx

        source = untrusted_docx(source)
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="vanban-pdf-") as tmp:
        folder = Path(tmp)
        (folder / "van-ban.docx").write_bytes(source)
        _convert(soffice, folder, timeout)
        pdf = folder / "van-ban.pdf"
        if not pdf.is_file():
            raise VanbanError("LibreOffice không tạo ra tệp PDF")
        data = pdf.read_bytes()
    if out is not None:
        from vanban._rendering import write_atomic

        write_atomic(Path(out), data)
    return data


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and every process it started (its own session and group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()  # reap it, and close its pipes


def _convert(soffice: str, folder: Path, timeout: float) -> None:
    """Run LibreOffice on ``folder/van-ban.docx`` with a profile of its own in ``folder``."""
    _run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(folder / "van-ban.docx")],
        timeout=timeout,
    )  # fmt: skip


def _run(args: list[str], *, timeout: float) -> None:
    """Run ``args`` in a session (and process group) of its own; after ``timeout`` seconds,
    or when this process is interrupted, kill the whole group: LibreOffice's children too."""
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise VanbanError(f"LibreOffice không chuyển xong sang PDF sau {timeout:g} giây") from None
    except BaseException:
        _kill_group(proc)
        raise
    if proc.returncode != 0:
        raise VanbanError(f"LibreOffice không chuyển được sang PDF (mã thoát {proc.returncode})")

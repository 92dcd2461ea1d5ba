"""`vanban tasks`, `vanban render --pdf` and :func:`vanban.to_pdf` (a model or a .docx path,
a LibreOffice profile per call, a clear message when LibreOffice is missing)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from tests_support import EXAMPLES_DIR

import vanban
from vanban import pdf
from vanban._cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_libreoffice = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) or pdftotext is not installed",
)
DEPARTMENT = EXAMPLES_DIR / "so-cong-thuong-chuyen-doi-so.yaml"


@pytest.fixture
def plan(tmp_path: Path, sample: dict[str, Any]) -> Path:
    p = tmp_path / "ke-hoach.yaml"
    p.write_text(yaml.safe_dump(sample, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def _pdf_text(path: Path) -> str:
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


# -- vanban tasks -----------------------------------------------------------------------------


def test_tasks_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(DEPARTMENT)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split(" | ")[:2] == ["Số    ", "Nhiệm vụ" + " " * 32]
    assert "[Phụ lục 01 › II. Hỗ trợ doanh nghiệp chuyển đổi số]" in lines
    numbered = [ln.split(" | ")[0].strip() for ln in lines[2:] if ln[:1].isdigit()]
    assert numbered == ["1.", "2.", *map(str, range(1, 9)), *map(str, range(1, 7))]


def test_tasks_csv_and_ics_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(DEPARTMENT), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert len(rows) == 16 and rows[2]["group"] == "I. Chuyển đổi số trong hoạt động của Sở"
    assert main(["tasks", str(DEPARTMENT), "--ics"]) == 0
    cal = icalendar.Calendar.from_ical(capsys.readouterr().out)
    assert len(cal.walk("VEVENT")) == 6


def test_tasks_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nhiem-vu.csv"
    assert main(["tasks", str(DEPARTMENT), "--csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Vietnamese right
    assert data.decode("utf-8-sig") == vanban.load(DEPARTMENT).tasks().to_csv()
    ics = tmp_path / "thoi-han.ics"
    assert main(["tasks", str(DEPARTMENT), "--ics", "-o", str(ics)]) == 0
    assert ics.read_bytes() == vanban.load(DEPARTMENT).deadlines_ics().encode()
    assert oct(ics.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_tasks_errors(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(plan), "-o", str(plan)]) == 2
    assert "trùng tệp vào" in capsys.readouterr().err
    assert plan.read_text(encoding="utf-8").startswith("type: ke_hoach")
    assert main(["tasks", str(plan), "-o", str(tmp_path)]) == 2
    assert "không phải thư mục" in capsys.readouterr().err
    assert main(["tasks", str(tmp_path / "khong-co.yaml")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: ke_hoach\ntitle: [1]\n", encoding="utf-8")
    assert main(["tasks", str(bad), "-o", str(tmp_path / "x.txt")]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:8: title" in err and "Traceback" not in err
    assert not (tmp_path / "x.txt").exists()
    with pytest.raises(SystemExit) as info:
        main(["tasks", str(plan), "--csv", "--ics"])
    assert info.value.code == 2
    assert "không dùng cùng tham số --csv" in capsys.readouterr().err


def test_tasks_ics_without_dated_tasks_says_so(
    plan: Path, sample: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    sample["sections"][1]["content"][0].pop("deadline")
    plan.write_text(yaml.safe_dump(sample, allow_unicode=True), encoding="utf-8")
    assert main(["tasks", str(plan), "--ics"]) == 0
    captured = capsys.readouterr()
    assert "không có nhiệm vụ nào có thời hạn là một ngày" in captured.err
    assert icalendar.Calendar.from_ical(captured.out).walk("VEVENT") == []


# -- to_pdf without LibreOffice ---------------------------------------------------------------


def test_missing_libreoffice_names_the_package(
    sample_doc: vanban.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(vanban.VanbanError, match="libreoffice-writer-nogui") as info:
        vanban.to_pdf(sample_doc)
    assert "không tìm thấy LibreOffice" in str(info.value)


def test_render_pdf_without_libreoffice_writes_nothing(
    plan: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", "")
    assert main(["render", str(plan), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert "libreoffice-writer-nogui" in err and "Traceback" not in err
    assert not plan.with_suffix(".docx").exists() and not plan.with_suffix(".pdf").exists()


def test_each_call_has_its_own_profile(
    sample_doc: vanban.Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two calls at once: each gives LibreOffice a profile (and a folder) of its own."""
    seen: list[list[str]] = []
    both = threading.Barrier(2, timeout=30)

    def fake_run(args: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        seen.append(args)
        both.wait()  # both calls are inside LibreOffice at the same time
        out = Path(args[args.index("--outdir") + 1])
        out.joinpath("van-ban.pdf").write_bytes(b"%PDF-fake " + args[-1].encode())
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "_run", fake_run)  # LibreOffice runs through pdf._run
    data = vanban.render(sample_doc)
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(pdf.to_pdf(data))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and results[0] != results[1]
    profiles = [next(a for a in args if a.startswith("-env:UserInstallation=")) for args in seen]
    assert len(set(profiles)) == 2
    assert all(p.startswith("-env:UserInstallation=file:///") for p in profiles)


def test_to_pdf_refuses_a_file_that_is_not_docx(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(vanban.ValidationError, match=str(bad).replace("\\", "\\\\")):
        vanban.to_pdf(bad)
    with pytest.raises(vanban.InputError):
        vanban.to_pdf(tmp_path / "missing.docx")


# -- with LibreOffice -------------------------------------------------------------------------


@needs_libreoffice
def test_to_pdf_from_a_path_and_in_parallel(tmp_path: Path, sample: dict[str, Any]) -> None:
    """A .docx path (str or Path) converts; two conversions at once both come out whole."""
    from vanban.models import KeHoach

    other = dict(sample, title="Phòng cháy, chữa cháy năm 2025")
    paths = []
    for name, data in (("a", sample), ("b", other)):
        path = tmp_path / f"{name}.docx"
        vanban.render(KeHoach.model_validate(data), path)
        paths.append(path)
    results: dict[int, bytes | BaseException] = {}

    def convert(i: int) -> None:
        try:
            source = str(paths[i]) if i == 0 else paths[i]
            results[i] = vanban.to_pdf(source, tmp_path / f"{i}.pdf")
        except BaseException as exc:  # reported below
            results[i] = exc

    threads = [threading.Thread(target=convert, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    for i in range(2):
        assert isinstance(results[i], bytes), results[i]
        assert results[i].startswith(b"%PDF")  # type: ignore[union-attr]
    assert "an ninh, trật tự" in _pdf_text(tmp_path / "0.pdf")
    assert "Phòng cháy, chữa cháy" in _pdf_text(tmp_path / "1.pdf")
    assert "Phòng cháy" not in _pdf_text(tmp_path / "0.pdf")


@needs_libreoffice
def test_render_pdf(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ra" / "kh.docx"
    out.parent.mkdir()
    assert main(["render", str(plan), "-o", str(out), "--pdf"]) == 0
    assert capsys.readouterr().out.split() == [str(out), str(out.with_suffix(".pdf"))]
    assert out.is_file() and "Nguyễn Văn A" in _pdf_text(out.with_suffix(".pdf"))


@needs_libreoffice
def test_render_many_with_pdf(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = tmp_path / "khac.yaml"
    second.write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "ra"
    out.mkdir()
    assert main(["render", str(plan), str(second), "-o", str(out), "--pdf"]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(printed) == sorted(
        str(out / f"{stem}.{ext}") for stem in ("ke-hoach", "khac") for ext in ("docx", "pdf")
    )
    assert (out / "khac.pdf").read_bytes().startswith(b"%PDF")


def test_help_of_the_new_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tasks", "--help"])
    out = capsys.readouterr().out
    assert "cách dùng: vanban tasks" in out and "[--csv | --ics]" in out
    assert "-o ĐẦU_RA" in out and "OUTPUT" not in out
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    assert "libreoffice-writer-nogui" in capsys.readouterr().out

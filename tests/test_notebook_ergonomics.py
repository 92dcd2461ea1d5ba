"""What a notebook user meets first: tab completion, a model's signature, ``help`` and
``repr``, ``vanban.check`` of anything the CLI checks, findings and tasks as tables."""

from __future__ import annotations

import datetime as dt
import inspect
import pydoc
import re
import subprocess
import sys
from pathlib import Path

import pytest

import vanban
from vanban.checker import Findings

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "so-cong-thuong-chuyen-doi-so.yaml"


def test_dir_lists_the_public_names() -> None:
    """``vanban.<TAB>`` completes the lazy names, before any of them was used."""
    code = "import vanban; print(' '.join(dir(vanban)))"
    names = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    for name in ("KeHoach", "QuyetDinh", "CongVan", "load", "loads", "render", "check", "to_pdf"):
        assert name in names
    assert set(vanban.__all__) <= set(names)
    assert not [n for n in names if n.startswith("_") and n != "__version__"]


def test_signature_reads_as_python() -> None:
    sig = str(inspect.signature(vanban.KeHoach))
    assert "0x" not in sig and "AfterValidator" not in sig and "Annotated" not in sig
    assert sig.startswith("(*, issuer: Issuer, title: str, place: str, signer: Signer, ")
    assert "symbol: str | None = None" in sig and "sections: list[Section] = []" in sig
    # The same after pydantic has built the model (it sets a signature of its own then).
    vanban.load(PLAN)
    assert str(inspect.signature(vanban.KeHoach)) == sig
    signer = str(inspect.signature(vanban.load(PLAN).signer.__class__))
    assert "authority: Authority = Authority.NONE" in signer


def test_help_is_short() -> None:
    text = pydoc.render_doc(vanban.KeHoach, renderer=pydoc.plaintext)
    assert len(text.splitlines()) < 200, len(text.splitlines())  # 535 lines before
    assert "Kế hoạch" in text and "model_dump" in text and "__pydantic" not in text


def test_repr_is_short() -> None:
    doc = vanban.load(PLAN)
    text = repr(doc)
    assert len(text) < 200, text
    assert text.startswith("<KeHoach 118/KH-SCT «Chuyển đổi số ngành Công Thương")
    assert "sections: 4" in text and "appendices: 1" in text
    assert str(doc) == text
    assert repr(doc.issuer).startswith("Issuer(name='SỞ CÔNG THƯƠNG'")
    assert len(repr(doc.appendices[0])) < 300


def test_check_takes_what_the_cli_takes(tmp_path: Path) -> None:
    """A plan's path, its text, the model and the .docx: findings, never a refusal."""
    text = PLAN.read_text(encoding="utf-8")
    assert vanban.check(PLAN) == [] and vanban.check(str(PLAN)) == []
    assert vanban.check(text) == [] and vanban.check(vanban.load(PLAN)) == []
    bad = text.replace("\ntitle:", "\ntittle:", 1)
    found = vanban.check(bad)
    assert isinstance(found, Findings)
    codes = {(f.severity, f.rule, f.component) for f in found}
    assert ("error", "extra_forbidden", "tittle") in codes and (
        "error",
        "missing",
        "title",
    ) in codes
    assert any(re.fullmatch(r"<string>:\d+:\d+", f.where.excerpt) for f in found)
    path = tmp_path / "sai.yaml"
    path.write_text(bad, encoding="utf-8")
    assert {f.where.excerpt.split(":")[0] for f in vanban.check(path)} == {str(path)}
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(vanban.render(vanban.load(PLAN)))
    assert isinstance(vanban.check(docx), Findings) and vanban.check(docx) == []
    renamed = tmp_path / "ke-hoach-khong-duoi"
    renamed.write_bytes(docx.read_bytes())  # a Word file by its content, whatever its name
    assert vanban.check(renamed) == []


def test_plan_warnings_are_findings() -> None:
    """What ``render`` would warn about is a finding of severity "warning", not a Python
    warning printed aside."""
    text = PLAN.read_text(encoding="utf-8").replace("number: 118", "number: 118\nsymbol: KH-ABC")
    (found,) = vanban.check(text)
    assert (found.severity, found.rule, found.component) == ("warning", "symbol_mismatch", "symbol")
    assert repr(vanban.check(text)).startswith("<Findings: 0 lỗi, 1 cảnh báo>")


def _findings() -> Findings:
    bad = PLAN.read_text(encoding="utf-8").replace("\ntitle:", "\ntittle:", 1)
    return vanban.check(bad + "\n<b>x</b>: 1\n")


def test_findings_show_as_a_table() -> None:
    found = _findings()
    html = found._repr_html_()
    assert html.startswith('<table class="vanban-findings"><caption>')
    assert html.count("<tr") == len(found) + 1 and "<th>Nội dung</th>" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert repr(found).startswith(f"<Findings: {len(found)} lỗi, 0 cảnh báo>")
    assert "Không thấy" in Findings()._repr_html_()


def test_findings_to_dataframe() -> None:
    pytest.importorskip("pandas")
    found = _findings()
    frame = found.to_dataframe()
    assert list(frame.columns)[:5] == ["Mức", "Quy tắc", "Căn cứ (NĐ30)", "Thành phần", "Nội dung"]
    assert len(frame) == len(found) and set(frame["Mức"]) == {"lỗi"}
    assert frame["Trang (ước tính)"].isna().all() and str(frame["Đoạn"].dtype) == "Int64"
    assert frame["Căn cứ (NĐ30)"].isna().all()  # "" is missing, as None is
    english = found.to_dataframe(english=True)
    assert list(english.columns)[:3] == ["severity", "rule", "clause"]
    assert set(english["severity"]) == {"error"}
    assert found.records(english=True)[0]["clause"] is None


def test_report_of_a_docx_as_table(tmp_path: Path) -> None:
    from vanban.checker import check_report

    report = check_report(vanban.render(vanban.load(PLAN)), name="ke-hoach.docx")
    assert report._repr_html_().startswith("<p><b>ke-hoach.docx: ")


def test_tasks_dataframe_dates_empty_and_names() -> None:
    pd = pytest.importorskip("pandas")
    rows = vanban.load(PLAN).tasks()
    frame = rows.to_dataframe()
    assert list(frame.columns[:6]) == [
        "Số",
        "Nhiệm vụ",
        "Chủ trì",
        "Phối hợp",
        "Thời hạn",
        "Thời hạn (như văn bản ghi)",
    ]
    assert "Theo dõi, đôn đốc" in frame.columns  # the plan's own field, its own name
    assert pd.api.types.is_datetime64_any_dtype(frame["Thời hạn"])
    assert frame.loc[0, "Thời hạn"] == pd.Timestamp(dt.date(2026, 9, 30))
    late = frame[frame["Thời hạn"].dt.month >= 9]
    assert list(late["Số"]) == [r.number for r in rows if r.deadline and r.deadline.month >= 9]
    # One empty value: pandas' missing value, never "" nor None nor NaN in a text column.
    for name in frame.columns:
        if name != "Thời hạn":
            assert str(frame[name].dtype) == "string", name
            assert not (frame[name] == "").any(), name
    assert frame["Sản phẩm"].isna().any() and frame["Thời hạn"].isna().any()
    english = rows.to_dataframe(english=True)
    assert list(english.columns) == rows.columns()


def test_a_plan_field_named_like_a_column_is_kept() -> None:
    from vanban.tasks import _vietnamese_names

    assert _vietnamese_names(["deadline", "Thời hạn"])["Thời hạn"] == "Thời hạn (trường riêng)"

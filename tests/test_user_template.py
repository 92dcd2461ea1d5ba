"""A template made in Word with docxtpl tags, fed the documented context."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

import vanban
from vanban._docx_reader import read_docx


@pytest.fixture
def word_template(tmp_path: Path) -> Path:
    """A .docx as a user makes it in Word: plain paragraphs holding docxtpl tags."""
    d = docx.Document()
    d.add_paragraph("{{ number.text }} — {{ place_date.text }}")
    d.add_paragraph("{%p for b in heading %}")
    d.add_paragraph("{{r b.runs }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p for b in body %}")
    d.add_paragraph("{{r b.runs }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{%p for b in signer %}")
    d.add_paragraph("{{ b.text }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("{{ signer_name.text }}")
    path = tmp_path / "mau-rieng.docx"
    d.save(str(path))
    return path


def test_user_template_renders_the_same_content(word_template: Path, sample_doc) -> None:  # type: ignore[no-untyped-def]
    data = vanban.Renderer(word_template).render(sample_doc)
    view = read_docx(data)
    lines = view.text_lines()
    assert lines[0] == "Số: 05/KH-KCN — Bắc Giang, ngày 05 tháng 02 năm 2025"
    assert "KẾ HOẠCH" in lines and "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "1. Rà soát lực lượng bảo vệ (hoàn thành trước ngày 15/3/2025)." in lines
    assert lines[-3:] == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn A"]
    # The footnote has a part to live in although the template had none.
    assert view.footnotes == {1: "Gồm các KCN Đình Trám, Quang Châu, Vân Trung."}
    z = zipfile.ZipFile(io.BytesIO(data))
    assert "word/footnotes.xml" in z.namelist()
    assert "<w:footnotePr>" in z.read("word/settings.xml").decode()
    docx.Document(io.BytesIO(data))  # python-docx opens it


def test_user_template_text_is_escaped(word_template: Path, sample: dict) -> None:
    sample["intro"] = ["{{ 7*7 }} {%p if 1 %} {_{ x }_} <b>&amp;</b>"]
    doc = vanban.KeHoach.model_validate(sample)
    lines = read_docx(vanban.Renderer(word_template).render(doc)).text_lines()
    assert "{{ 7*7 }} {%p if 1 %} {_{ x }_} <b>&amp;</b>" in lines


def test_cli_template_option(word_template: Path, tmp_path: Path) -> None:
    from vanban._cli import main

    example = Path(__file__).resolve().parent.parent / "examples" / "giam-ngheo-ben-vung.yaml"
    out = tmp_path / "x.docx"
    assert main(["render", str(example), "--template", str(word_template), "-o", str(out)]) == 0
    assert "Đào Xuân Cường" in read_docx(out).text_lines()

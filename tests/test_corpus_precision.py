"""Precision per rule on the development corpus (``../shared/corpus``, read in place, never
copied): ``tests/corpus_manifest.json`` gives, per document, the type and scope read on its
LibreOffice page and the findings judged true against the page and the XML. Skipped where the
corpus is absent."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from docx import Document
from independent.builder import build

from vanban.checker import check_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from check_corpus import run

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MANIFEST = json.loads(Path(__file__).with_name("corpus_manifest.json").read_text("utf-8"))


def test_the_manifest_holds_no_corpus_file() -> None:
    """Only names, types and rule IDs: a judgement, not a copy of the documents."""
    for name, entry in MANIFEST.items():
        assert set(entry) <= {"type", "in_scope", "expected", "judged_false", "note"}, name
        assert isinstance(entry["expected"], list)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not here")
def test_precision_and_detection_on_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert {p.stem for p in CORPUS.glob("*.docx")} == set(MANIFEST)
    result = run(CORPUS, manifest=MANIFEST)
    s = result["score"]
    assert s is not None and s.documents == len(MANIFEST)
    assert result["crashes"] == []
    assert s.precision() >= 0.95, s.false_at
    assert s.precision("warning") >= 0.90, s.false_at
    assert s.detection >= 0.98, s.wrong_type
    assert s.skipped == []
    assert "type detection: 38/38" in capsys.readouterr().out


def test_a_formula_in_the_equation_font_is_not_text() -> None:
    """Word sets a formula typed with its symbols ("0,3⋅122.677") in Cambria Math, its
    equation font: not a departure from Times New Roman; another font still is."""

    def with_font(font: str) -> bytes:
        doc = Document(io.BytesIO(build({})))
        body = next(p for p in doc.paragraphs if p.text.startswith("Các phòng"))
        body.add_run("⋅0,35").font.name = font
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    assert "PL1.I.font" not in {f.rule for f in check_report(with_font("Cambria Math")).findings}
    assert "PL1.I.font" in {f.rule for f in check_report(with_font("Arial")).findings}

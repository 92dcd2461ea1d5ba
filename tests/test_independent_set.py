"""Precision on documents the checker was not tuned on: the independent set of
``tests/independent`` (built the way offices build Word documents, each with the findings a
văn thư judged it deserves on the LibreOffice page), scored by ``benchmarks/check_corpus.py``.

The documents whose expectations need the detection and false-finding fixes of issue 19
items 1–2 (helper w19a: text boxes read, blank paragraphs as spacing, "HOÀ" accepted, no
diacritics and a lower-case Quốc hiệu checked rather than skipped) are marked ``needs`` in the
manifest; the thresholds are asserted on the rest, and on the whole set as an expected
failure until those fixes are merged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from independent.builder import DEFAULTS, KINDS, build, manifest

from vanban.checker import Report, check_report
from vanban.nd30.catalogue import RULES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from check_corpus import Score, score

MANIFEST = manifest()
#: The development corpus, which the set must not draw from.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {name: check_report(build(e["spec"]), name=name) for name, e in MANIFEST.items()}


def _subset(reports: dict[str, Report], with_needs: bool) -> Score:
    chosen = {n: e for n, e in MANIFEST.items() if with_needs or "needs" not in e}
    return score(reports, chosen)


def test_the_set_is_large_and_apart_from_the_corpus() -> None:
    assert len(MANIFEST) >= 40
    assert len({e["type"] for e in MANIFEST.values()}) >= 6
    assert all(set(e["spec"]) <= set(DEFAULTS) for e in MANIFEST.values())
    assert all(e["spec"].get("kind", DEFAULTS["kind"]) in KINDS for e in MANIFEST.values())
    assert all(r in RULES for e in MANIFEST.values() for r in e["expected"])
    here = Path(__file__).resolve().parent / "independent"
    assert not list(here.glob("*.docx")), "the set is generated, never stored"
    if CORPUS.is_dir():
        assert not {p.stem for p in CORPUS.glob("*.docx")} & set(MANIFEST)


def test_every_new_rule_is_measured_by_the_set() -> None:
    from test_check_new_rules import NEW_RULES

    expected = {r for e in MANIFEST.values() for r in e["expected"]}
    assert expected >= NEW_RULES, NEW_RULES - expected


def test_precision_and_detection_without_the_w19a_documents(reports: dict[str, Report]) -> None:
    s = _subset(reports, with_needs=False)
    assert s.documents >= 40
    assert s.precision() >= 0.95, s.false_at
    assert s.precision("warning") >= 0.90, s.false_at
    assert s.detection >= 0.98, s.wrong_type
    assert s.skipped == []
    for rule in {*s.true, *s.false}:
        assert s.rule_precision(rule) >= 0.9, (rule, s.false_at)


@pytest.mark.xfail(
    strict=True,
    reason="issue 19, open: a document typed without diacritics is now checked, but its "
    "other regions (V/v, Kính gửi, date, Nơi nhận) are not yet read without marks, and blank "
    "spacing paragraphs of one document still give a spacing finding (78.8 % on the 53)",
)
def test_precision_and_detection_on_the_whole_set(reports: dict[str, Report]) -> None:
    s = _subset(reports, with_needs=True)
    assert s.precision() >= 0.95, s.false_at
    assert s.precision("warning") >= 0.90, s.false_at
    assert s.detection >= 0.98, s.wrong_type
    assert s.skipped == []


def test_the_expected_defects_are_found(reports: dict[str, Report]) -> None:
    """Recall on the set's injected defects (documents not waiting for w19a)."""
    s = _subset(reports, with_needs=False)
    assert sum(s.missed.values()) == 0, s.missed


def test_score_counts_a_finding_outside_the_expected_as_false() -> None:
    one: dict[str, Any] = {"x": {"type": "ke_hoach", "in_scope": True, "expected": []}}
    s = score({"x": check_report(build({"motto": "Độc lập -Tự do - Hạnh phúc"}))}, one)
    assert s.false["PL1.II.1b.motto-spacing"] == 1 and s.precision() == 0.0
    assert s.detection == 1.0


def test_check_corpus_prints_detection_scope_and_precision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from check_corpus import main

    chosen = ["kh-01-direct", "qd-04-article-colon"]
    for name in chosen:
        (tmp_path / f"{name}.docx").write_bytes(build(MANIFEST[name]["spec"]))
    (tmp_path / "not-nd30.docx").write_bytes(build({"national": "GIẤY TỜ NỘI BỘ"}))
    wanted = {name: MANIFEST[name] for name in chosen}
    (tmp_path / "manifest.json").write_text(json.dumps(wanted), "utf-8")
    assert main([str(tmp_path), "--manifest", str(tmp_path / "manifest.json")]) == 0
    out = capsys.readouterr().out
    assert "kh-01-direct.docx" in out and "ke_hoach" in out and "checked; 0 findings" in out
    # no Quốc hiệu, but a Số line, a signer and a Nơi nhận: checked as the nearest type
    not_nd30 = next(line for line in out.splitlines() if line.startswith("not-nd30.docx"))
    assert "checked" in not_nd30 and "out of scope" not in not_nd30
    assert "PL1.II.6d.article-label" in out and "100.0 %" in out
    assert "type detection: 2/2 (100.0 %)" in out

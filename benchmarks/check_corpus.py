"""Run the NĐ30 checker over a folder of .docx files and print what it found.

    python benchmarks/check_corpus.py ../shared/corpus [--findings] [--layout] [--markdown]
    python benchmarks/check_corpus.py ../shared/corpus --manifest tests/corpus_manifest.json
    python tests/independent/builder.py /tmp/independent-set
    python benchmarks/check_corpus.py /tmp/independent-set --manifest tests/independent/manifest.json

Prints, per document, the type it was detected as and the scope decision (checked as an NĐ30
document, or out of scope and why), and what the type was decided on (the evidence: Quốc hiệu, Số and ký hiệu, tên loại, V/v…),
so a reviewer can go down the list; then, per rule, the
number of findings (a grouped finding counts once per document, its ``count`` separately),
findings per document (median, max), the time per document, and every crash (an exception
other than an unreadable-file error). Exit 1 when something crashed. ``--findings`` also lists
each finding, for classifying them by hand; ``--layout`` lays the pages out with LibreOffice; ``--markdown`` prints the detection as a
Markdown table (document, type, scope, evidence), as in docs/checker.md.

With ``--manifest`` (a JSON object: file name without ``.docx`` → ``{"type", "in_scope",
"expected": [rule IDs]}``, as ``tests/independent/manifest.json`` and, for the development
corpus, ``tests/corpus_manifest.json``), it also prints precision
per rule (a finding is true when its rule is among the document's expected ones), overall and
for errors and warnings, the rules expected but not found, and type detection against the
manifest.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.checker import Report, UnreadableDocx, check_report
from vanban.nd30.catalogue import ERROR, RULES


@dataclass
class Score:
    """Precision of the findings against a manifest, and type detection."""

    true: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    detected: int = 0
    documents: int = 0
    skipped: list[str] = field(default_factory=list)
    wrong_type: list[str] = field(default_factory=list)
    false_at: list[str] = field(default_factory=list)

    def precision(self, severity: str | None = None) -> float:
        """True findings over all findings (of one severity), 1.0 when there are none."""
        rules = {r for r in (*self.true, *self.false) if severity in (None, RULES[r].severity)}
        t = sum(self.true[r] for r in rules)
        f = sum(self.false[r] for r in rules)
        return t / (t + f) if t + f else 1.0

    def rule_precision(self, rule: str) -> float:
        t, f = self.true[rule], self.false[rule]
        return t / (t + f) if t + f else 1.0

    @property
    def detection(self) -> float:
        return self.detected / self.documents if self.documents else 1.0


def scope_of(report: Report) -> str:
    """The scope decision as one line: "checked" or "out of scope: <why>"."""
    if report.in_scope:
        return "checked"
    why = next((f.message for f in report.findings if f.rule == "SCOPE.out-of-scope"), "")
    return f"out of scope: {why}"


def evidence_of(report: Report) -> str:
    """What the type and scope were decided on, as one line ("Quốc hiệu; tên loại «…»")."""
    return "; ".join(what for what, _ in report.evidence) or "—"


def score(reports: dict[str, Report], manifest: dict[str, dict[str, Any]]) -> Score:
    """Judge each report against what the manifest expects of its document."""
    s = Score()
    for name, entry in manifest.items():
        report = reports.get(name)
        if report is None:
            continue
        s.documents += 1
        expected = set(entry.get("expected", []))
        right_scope = report.in_scope == entry.get("in_scope", True)
        if right_scope and (not report.in_scope or report.document_type == entry["type"]):
            s.detected += 1
        else:
            s.wrong_type.append(f"{name}: {report.document_type} ({scope_of(report)})")
        if entry.get("in_scope", True) and not report.in_scope:
            s.skipped.append(name)
        found = {f.rule for f in report.findings}
        for rule in found:
            if rule in expected:
                s.true[rule] += 1
            else:
                s.false[rule] += 1
                s.false_at.append(f"{name}: {rule}")
        for rule in expected - found:
            s.missed[rule] += 1
    return s


def print_score(s: Score) -> None:
    print(f"{'rule':40} {'severity':8} {'true':>5} {'false':>5} {'missed':>6} precision")
    for rule in sorted({*s.true, *s.false, *s.missed}):
        t, f, m = s.true[rule], s.false[rule], s.missed[rule]
        shown = f"{100 * s.rule_precision(rule):.1f} %" if t + f else "—"
        print(f"{rule:40} {RULES[rule].severity:8} {t:5} {f:5} {m:6} {shown}")
    t, f = sum(s.true.values()), sum(s.false.values())
    print(
        f"precision: {100 * s.precision():.1f} % overall ({t} true, {f} false), "
        f"errors {100 * s.precision(ERROR):.1f} %, warnings {100 * s.precision('warning'):.1f} %"
    )
    print(f"type detection: {s.detected}/{s.documents} ({100 * s.detection:.1f} %)")
    for line in s.wrong_type:
        print(f"  wrong type or scope: {line}")
    for name in s.skipped:
        print(f"  SKIPPED NĐ30 document: {name}")
    for line in s.false_at:
        print(f"  false finding: {line}")


def run(
    folder: Path,
    show: bool = False,
    manifest: dict[str, dict[str, Any]] | None = None,
    layout: bool = False,
    markdown: bool = False,
) -> dict[str, object]:
    """Check every .docx under *folder*; return the counts (also printed)."""
    per_rule: Counter[str] = Counter()
    per_doc: list[int] = []
    times: list[float] = []
    crashes: list[str] = []
    unreadable: list[str] = []
    reports: dict[str, Report] = {}
    out_of_scope = 0
    print(f"{'document':42} {'type':16} scope")
    for path in sorted(folder.glob("*.docx")):
        t0 = time.perf_counter()
        try:
            report = check_report(path, name=path.name, layout=layout)
        except UnreadableDocx as exc:
            unreadable.append(f"{path.name}: {exc}")
            continue
        except Exception:
            crashes.append(f"{path.name}: {traceback.format_exc(limit=3)}")
            continue
        times.append(time.perf_counter() - t0)
        reports[path.stem] = report
        if not report.in_scope:
            out_of_scope += 1
        per_doc.append(len(report.findings))
        for f in report.findings:
            per_rule[f.rule] += 1
        kind = report.document_type or "—"
        print(
            f"{path.name:42} {kind:16} {scope_of(report)}; {len(report.findings)} findings"
            f" — {evidence_of(report)}"
        )
        if show:
            for f in report.findings:
                print(f"   {f}")
    print(
        f"documents: {len(per_doc)} checked, {out_of_scope} out of scope, "
        f"{len(unreadable)} unreadable, {len(crashes)} crashed"
    )
    print(f"{'rule':45} findings")
    for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{rule:45} {n}")
    if per_doc:
        print(f"findings per document: median {statistics.median(per_doc):g}, max {max(per_doc)}")
        print(
            f"time per document: median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms"
        )
    for line in unreadable:
        print(f"unreadable: {line}")
    for line in crashes:
        print(f"CRASH: {line}")
    if markdown:
        print("| Document | Type | Scope | Evidence |")
        print("|---|---|---|---|")
        for name, report in reports.items():
            scope = "checked" if report.in_scope else f"out of scope: {report.scope_reason}"
            kind = report.document_type or "—"
            print(f"| {name} | {kind} | {scope} | {evidence_of(report)} |")
    scored = None
    if manifest is not None:
        scored = score(reports, manifest)
        print_score(scored)
    return {
        "crashes": crashes,
        "per_rule": dict(per_rule),
        "per_doc": per_doc,
        "times": times,
        "reports": reports,
        "score": scored,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--findings" in args
    layout = "--layout" in args
    markdown = "--markdown" in args
    manifest = None
    if "--manifest" in args:
        at = args.index("--manifest")
        if at + 1 >= len(args):
            print(__doc__, file=sys.stderr)
            return 2
        manifest = json.loads(Path(args[at + 1]).read_text("utf-8"))
        args = args[:at] + args[at + 2 :]
    folders = [a for a in args if not a.startswith("--")]
    if len(folders) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    result = run(Path(folders[0]), show, manifest, layout, markdown)
    return 1 if result["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())

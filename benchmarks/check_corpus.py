"""Run the NĐ30 checker over a folder of .docx files and print what it found.

    python benchmarks/check_corpus.py ../shared/corpus [--findings]

Prints, per rule, the number of documents and findings (a grouped finding counts once per
document, its ``count`` separately), findings per document (median, max), the time per
document, and every crash (an exception other than an unreadable-file error). Exit 1 when
something crashed. ``--findings`` also lists each finding, for classifying them by hand.
"""

from __future__ import annotations

import statistics
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from vanban.checker import UnreadableDocx, check_report


def run(folder: Path, show: bool = False) -> dict[str, object]:
    """Check every .docx under *folder*; return the counts (also printed)."""
    per_rule: Counter[str] = Counter()
    per_rule_docs: Counter[str] = Counter()
    per_doc: list[int] = []
    times: list[float] = []
    crashes: list[str] = []
    unreadable: list[str] = []
    out_of_scope = 0
    for path in sorted(folder.glob("*.docx")):
        t0 = time.perf_counter()
        try:
            report = check_report(path, name=path.name)
        except UnreadableDocx as exc:
            unreadable.append(f"{path.name}: {exc}")
            continue
        except Exception:
            crashes.append(f"{path.name}: {traceback.format_exc(limit=3)}")
            continue
        times.append(time.perf_counter() - t0)
        if not report.in_scope:
            out_of_scope += 1
        per_doc.append(len(report.findings))
        for f in report.findings:
            per_rule[f.rule] += 1
            per_rule_docs[f.rule] += 1
        if show:
            print(f"== {path.name} type={report.document_type} in_scope={report.in_scope}")
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
    return {"crashes": crashes, "per_rule": dict(per_rule), "per_doc": per_doc, "times": times}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--findings" in args
    folders = [a for a in args if not a.startswith("--")]
    if len(folders) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    result = run(Path(folders[0]), show)
    return 1 if result["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``vanban check`` command: Word files (text and JSON output, exit codes) and plans.

A plan (YAML or JSON) is checked by loading it: every problem ``vanban render`` would refuse,
and every warning it would print, located (file:line:column, field path), before any .docx
is built; the lines are the very ones ``render`` prints (:func:`check_plan`).

JSON output (stable; docs/checker.md): one object per file, one per line::

    {"file", "document_type", "in_scope", "scope": {"in_scope", "reason"},
     "evidence": [{"what", "paragraph", "excerpt"}],
     "findings": [{"rule", "severity", "clause", "component", "message", "expected",
                   "found", "where": {"page_estimate", "paragraph", "excerpt"}, "count"}]}

Exit codes: 0 no error (warnings allowed), 1 errors found (or, with ``--strict``, a document
out of scope), 2 the file could not be read.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.nd30.catalogue import CATALOGUE

if TYPE_CHECKING:
    from vanban.checker import Finding
    from vanban.models.common import Document

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
_SEVERITY = {"error": "lỗi", "warning": "cảnh báo"}
#: The first bytes of a zip archive (a .docx is one) and of an OLE file (.doc, encrypted .docx).
_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def is_docx(path: Path) -> bool:
    """Whether *path* is a Word file (by content: zip or OLE signature), not a plan.

    A file named ``.docx`` whose content is not a zip is one too, so it is reported as an
    unreadable Word file (exit 2) rather than as a broken plan. A missing file is not one:
    the plan loader reports it.
    """
    from vanban import _files

    try:
        with _files.open_input(path) as fh:  # a FIFO is not waited on
            head = fh.read(4)
    except _files.NotRegularFile:
        return True  # reported as unreadable by check_file (exit 2), the others go on
    except OSError:
        return False
    return head in _MAGIC or path.suffix.lower() in _WORD_SUFFIXES


#: A file named like a Word file is checked as one even when its content is not (exit 2).
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc")


def _safe(text: str) -> str:
    """``text`` for the terminal: ESC, C1 controls (U+009B) and bidi overrides (U+202E) from
    file names and document text are shown escaped, never sent raw (``--json`` escapes them
    itself)."""
    from vanban.errors import escape_control

    return escape_control(text)


def check_file(path: Path, *, json_output: bool, strict: bool = False, layout: bool = False) -> int:
    """Check one Word file, print the result, return its exit code (``strict``: a document
    out of scope is exit 1, for gates where every file must be an administrative text;
    ``layout``: lay the pages out with LibreOffice when installed)."""
    from vanban.checker import UnreadableDocx, check_report

    try:
        report = check_report(path, name=str(path), layout=layout)
    except UnreadableDocx as exc:
        if json_output:
            print(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False))
        print(f"{_safe(str(path))}: không đọc được: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_UNREADABLE
    except (OSError, MemoryError, RecursionError) as exc:
        from vanban.errors import os_message

        why = os_message(exc) if isinstance(exc, OSError) else "tệp cần quá nhiều bộ nhớ để đọc"
        if json_output:
            print(json.dumps({"file": str(path), "error": why}, ensure_ascii=False))
        print(f"{_safe(str(path))}: không đọc được: {why}", file=sys.stderr)
        return EXIT_UNREADABLE
    if json_output:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        errors = len(report.errors)
        warnings = len(report.findings) - errors
        print(
            f"{_safe(str(path))}: {_safe(report.scope_line())}; {errors} lỗi, {warnings} cảnh báo"
        )
        for f in report.findings:
            print(f"  {_SEVERITY.get(f.severity, f.severity)} {_safe(str(f))}")
    if strict and not report.in_scope:
        return EXIT_ERRORS
    return EXIT_ERRORS if report.errors else EXIT_OK


def print_rules(*, json_output: bool = False) -> int:
    """Print the rule catalogue."""
    if json_output:
        rows = [
            {
                "rule": r.id,
                "severity": r.severity,
                "clause": r.clause,
                "component": r.component,
                "checks": r.checks,
                "bad": r.bad,
                "good": r.good,
            }
            for r in CATALOGUE
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in CATALOGUE:
        print(f"{r.id:42} {_SEVERITY[r.severity]:9} {r.clause}")
        print(f"    {r.checks}")
    return EXIT_OK


def check_plan(path: Path, max_bytes: int | None = None) -> int:
    """Check one plan as ``vanban render`` would load it; print its problems and warnings
    (stderr, as ``render`` prints them) and a summary line (stdout); return the exit code.

    A file that cannot be read is an ``InputError``, left to the caller (exit 2, as for
    ``render``)."""
    from vanban._loading import MAX_BYTES, iter_problems, load
    from vanban.errors import ValidationError, VanbanWarning, escape_control

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", VanbanWarning)
        try:
            load(path, max_bytes=max_bytes or MAX_BYTES)
        except ValidationError as exc:
            problems = list(iter_problems(exc))
            for problem in problems:
                print(escape_control(str(problem)), file=sys.stderr)
            print(f"vanban: {len(exc.errors)} lỗi.", file=sys.stderr)
            return EXIT_ERRORS
    found = [w for w in caught if issubclass(w.category, VanbanWarning)]
    for w in found:
        print(f"cảnh báo: {escape_control(str(w.message))}", file=sys.stderr)
    for w in caught:
        if not issubclass(w.category, VanbanWarning):
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    note = f", {len(found)} cảnh báo" if found else ""
    print(f"{path}: hợp lệ{note}")
    return EXIT_OK


#: The rule of the .docx checker a problem of the model is, when there is one.
_MODEL_RULES = {
    "symbol_type": "PL1.II.3b.symbol-type",
    "symbol_shape": "PL1.II.3b.symbol-shape",
}


def model_findings(doc: Document, *, today: Any = None) -> list[Finding]:
    """The problems of a document model as findings of the checker (``vanban.check(model)``).

    Errors and warnings of :func:`vanban._validation.check_document` (what ``render`` would
    refuse or warn about), the field path as the component; a problem that is a rule of the
    .docx checker carries that rule's id and clause."""
    from vanban._validation import check_document
    from vanban.checker import Finding

    clauses = {r.id: r.clause for r in CATALOGUE}
    errors, warns = check_document(doc, today=today)
    out = []
    for severity, problems in (("error", errors), ("warning", warns)):
        for p in problems:
            rule = _MODEL_RULES.get(p.code, p.code)
            out.append(
                Finding(rule, severity, clauses.get(rule, ""), p.path or "văn bản", p.message)
            )
    return out

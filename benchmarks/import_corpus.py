"""Import every .docx of a folder into vanban, render it again, and measure what came through.

    python benchmarks/import_corpus.py ../shared/corpus

Per document: the detected type, the number of import notes, the word-level similarity of the
re-rendered body to the original's (in order; 1.0 = the same words in the same order), the
checker's errors on the original and on the fixed copy (import, then render), and the time.
Documents that are not administrative documents of the decree are listed with the reason.
The last line sums it up: ``nd30=… imported=… similar(>=0.98)=… clean_fix=… share=…``.
"""

from __future__ import annotations

import difflib
import sys
import time
import unicodedata
import warnings
from pathlib import Path

from vanban import ValidationError, render
from vanban._docx_reader import read_docx
from vanban._importing import NotAnAdministrativeDocument, from_docx
from vanban._regions import read_regions
from vanban.checker import check_report

#: The similarity a body must reach to count as carried.
THRESHOLD = 0.98


def body_words(data: bytes | Path) -> list[str]:
    """The words of a document's body (after the heading, before the signature), in order,
    composed (NFC: vanban stores text composed, so a decomposed letter is the same word)."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    regions = read_regions(read_docx(raw))
    if regions.heading is None or regions.closing is None:
        return []
    ps = regions.reading.ps
    words: list[str] = []
    for i in range(regions.heading.end + 1, regions.closing.end):
        words += unicodedata.normalize("NFC", ps[i].text).replace("./.", " ").split()
    return words


def similarity(a: list[str], b: list[str]) -> float:
    """Word-level similarity in order (difflib's ratio over the word sequences)."""
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def measure(path: Path) -> dict[str, object]:
    """Import one document and measure it."""
    row: dict[str, object] = {"file": path.name}
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = from_docx(path)
            fixed = render(result.model)
    except NotAnAdministrativeDocument as exc:
        row.update(type="-", scope=exc.why)
        return row
    except ValidationError as exc:
        row.update(type="?", error=str(exc).splitlines()[-1][:120])
        return row
    row["seconds"] = time.perf_counter() - start
    row["type"] = result.doc_type
    row["notes"] = len(result.notes)
    row["similarity"] = similarity(body_words(path), body_words(fixed))
    row["errors_before"] = len(check_report(path).errors)
    row["errors_after"] = len(check_report(fixed).errors)
    return row


def main(folder: Path) -> int:
    rows = [measure(p) for p in sorted(folder.glob("*.docx"))]
    nd30 = [r for r in rows if r["type"] != "-"]
    imported = [r for r in nd30 if "similarity" in r]
    similar = [r for r in imported if float(r["similarity"]) >= THRESHOLD]  # type: ignore[arg-type]
    clean = [r for r in similar if r["errors_after"] == 0]
    print(f"{'file':24} {'type':12} {'notes':>5} {'sim':>6} {'err':>7} {'s':>6}")
    for r in rows:
        if "similarity" in r:
            print(
                f"{r['file']:24} {r['type']:12} {r['notes']:>5} {float(r['similarity']):6.3f} "  # type: ignore[arg-type]
                f"{r['errors_before']:>3}→{r['errors_after']:<3} {float(r['seconds']):6.2f}"  # type: ignore[arg-type]
            )
        else:
            print(f"{r['file']:24} {r['type']:12} {r.get('scope') or r.get('error')}")
    share = len(clean) / len(nd30) if nd30 else 0.0
    print(
        f"nd30={len(nd30)} imported={len(imported)} similar={len(similar)} "
        f"clean_fix={len(clean)} share={share:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")))

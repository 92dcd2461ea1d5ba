"""Print measured facts about each example: render time, pages, and each component's
effective formatting read back from the .docx (docDefaults → styles → direct).

    PYTHONPATH=src python tools/example_facts.py [--pdf]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import vanban
from vanban._docx_reader import ParaView, read_docx

ROOT = Path(__file__).resolve().parent.parent


def _fmt(p: ParaView) -> str:
    runs = [r for r in p.runs if r.text.strip()]
    sizes = sorted({r.size_pt for r in runs})
    flags = ("b" if runs and all(r.bold for r in runs) else "") + (
        "i" if runs and all(r.italic for r in runs) else ""
    )
    fonts = sorted({r.font or "?" for r in runs})
    return f"{'/'.join(f'{s:g}' for s in sizes)} pt {flags or '-'} {p.alignment} {','.join(fonts)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true", help="count pages with LibreOffice")
    a = ap.parse_args()
    warnings.simplefilter("ignore", vanban.VanbanWarning)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        doc = vanban.load(path)
        renderer = vanban.Renderer()
        renderer.render(doc)
        times = []
        for _ in range(50):
            t = time.perf_counter()
            data = renderer.render(doc)
            times.append(time.perf_counter() - t)
        view = read_docx(data)
        print(
            f"== {path.name}: {len(data):,} bytes, render {statistics.median(times) * 1000:.2f} ms"
        )
        s = view.section
        print(f"   page {s.page_width}x{s.page_height} margins t{s.margin_top} b{s.margin_bottom}"
              f" l{s.margin_left} r{s.margin_right} titlePg={s.title_page}")  # fmt: skip
        seen: set[str] = set()
        for p in view.paragraphs:
            if p.text.strip() and p.style_id not in seen:
                seen.add(p.style_id or "")
                print(f"   {p.style_id:<20} {_fmt(p):<40} {p.text[:50]!r}")
        header = view.headers.get("default")
        if header:
            print(f"   page number: fields {header.fields}, {_fmt(header.paragraphs[0])}")
        if a.pdf:
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "x.docx").write_bytes(data)
                subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                                f"{tmp}/x.docx"], check=True, capture_output=True)  # fmt: skip
                info = subprocess.run(["pdfinfo", f"{tmp}/x.pdf"], capture_output=True, text=True)
                pages = next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages"))
                print(f"   {pages}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

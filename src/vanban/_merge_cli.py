"""``vanban render MẪU.yaml --data BẢNG.csv|.xlsx -o THƯ_MỤC``: mail merge from the command line
(one document per row, through :meth:`vanban.Renderer.render_many`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_INPUT, EXIT_RUN = 0, 1, 2


def _fail(message: str) -> int:
    from vanban.errors import escape_control

    print(f"vanban: lỗi: {escape_control(message)}", file=sys.stderr)
    return EXIT_RUN


def run_merge(
    args: argparse.Namespace,
    renderer: Any,
    has_soffice: Callable[[], bool],
    pdfs: Callable[[list[Path]], int],
) -> int:
    """Render one document per row of ``args.data``; every valid row is written, every
    failed row is named with its located problems (exit 1)."""
    from vanban._merge import merge_rows, read_rows
    from vanban._rendering import safe_file_name
    from vanban.errors import Problem, escape_control

    if args.data is None:
        return _fail("--name và --yaml chỉ dùng khi trộn thư (--data BẢNG)")
    if len(args.plan) != 1 or args.plan[0].is_dir():
        return _fail("trộn thư cần đúng một tệp mẫu YAML (--data cho bảng dữ liệu)")
    plan: Path = args.plan[0]
    out: Path | None = args.output
    if out is None:
        return _fail("trộn thư cần -o THƯ_MỤC: nơi ghi các văn bản")
    if out.exists() and not out.is_dir():
        return _fail(f"với --data, -o phải là một thư mục: {out}")
    limit = {"max_bytes": args.max_bytes} if args.max_bytes else {}
    sheet = read_rows(args.data, **limit)
    if not sheet.rows:
        print(f"{args.data}: bảng dữ liệu không có dòng nào dưới dòng tên cột", file=sys.stderr)
        return EXIT_INPUT
    merged = merge_rows(plan, sheet, name=args.name, **limit)
    if args.pdf and not has_soffice():
        return EXIT_RUN
    if not out.exists():
        try:
            out.mkdir()
        except OSError as exc:
            from vanban.errors import os_message

            return _fail(f"không tạo được thư mục {out}: {os_message(exc)}")
    docs = merged.documents
    lines = merged.lines
    if args.name is None:  # "giay-moi-0001": the template's name and the row's number
        stem = safe_file_name(plan.stem)
        docs = {f"{stem}-{k}": d for k, d in docs.items()}
        lines = {f"{stem}-{k}": n for k, n in lines.items()}
    result = renderer.render_many(docs, out)
    by_path = {out / f"{safe_file_name(k)}.docx": d for k, d in docs.items()}
    for path in result:
        print(path)
        if args.yaml:  # each document as YAML beside it, to edit one of them by hand
            from vanban._dumping import save

            print(save(by_path[path], path.with_suffix(".yaml")))
    failures = list(merged.failures)
    for f in result.failures:  # a template or write error: located at the document's row
        line = lines.get(f.name)
        failures.append(
            (f.name, [Problem(p.path, p.code, p.message, str(args.data), line) for p in f.problems])
        )
    pdf_code = pdfs(list(result)) if args.pdf else EXIT_OK
    for _name, problems in failures:
        for p in problems:
            print(escape_control(str(p)), file=sys.stderr)
    print(
        f"vanban: {len(result)} văn bản đã tạo, {len(failures)} dòng lỗi "
        f"(trong {len(sheet.rows)} dòng của {args.data}).",
        file=sys.stderr,
    )
    return max(pdf_code, EXIT_INPUT if failures else EXIT_OK)

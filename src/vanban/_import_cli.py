"""``vanban import`` (a Word document into YAML) and ``vanban fix`` (a conformant copy of a
Word document: import, then render)."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_INPUT, EXIT_RUN = 0, 1, 2


def add_parsers(sub: Any, path: Callable[[str], Path]) -> None:
    """The two commands' parsers (``path``: the argument type of file names)."""
    i = sub.add_parser(
        "import",
        help="chuyển tệp Word (.docx) thành tệp YAML của vanban",
        description="Đọc một văn bản hành chính trong tệp Word, nhận biết loại văn bản và các "
        "phần của nó, ghi ra YAML mà vanban render dựng lại theo NĐ30. Những gì không chuyển "
        "được (hình ảnh, khung chữ…) được nêu thành ghi chú. Mã thoát: 0 chuyển được, 1 không "
        "phải văn bản hành chính hoặc không dựng được, 2 không đọc được tệp.",
    )
    i.add_argument("source", type=path, metavar="TỆP_WORD", help="tệp .docx")
    i.add_argument(
        "-o",
        "--output",
        type=path,
        metavar="ĐẦU_RA",
        help="tệp YAML đầu ra (mặc định: in ra màn hình)",
    )
    f = sub.add_parser(
        "fix",
        help="tạo bản Word đúng thể thức NĐ30 từ một tệp Word",
        description="Chuyển tệp Word vào vanban rồi dựng lại theo NĐ30; in các lỗi kiểm tra "
        "trước và sau, cùng các ghi chú khi chuyển. Không ghi đè tệp vào trừ khi -o chỉ đúng "
        "nó.",
    )
    f.add_argument("source", type=path, metavar="TỆP_WORD", help="tệp .docx")
    f.add_argument(
        "-o", "--output", type=path, required=True, metavar="ĐẦU_RA", help="tệp .docx đầu ra"
    )
    f.add_argument("--yaml", type=path, metavar="YAML", help="cũng ghi tệp YAML trung gian")


def _read(source: Path) -> tuple[object, int]:
    """Import ``source``; (result, exit code) with the problems printed."""
    from vanban._importing import NotAnAdministrativeDocument, from_docx
    from vanban.checker import UnreadableDocx
    from vanban.errors import ValidationError, escape_control

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return from_docx(source), EXIT_OK
    except UnreadableDocx as exc:
        print(f"{source}: không đọc được: {escape_control(str(exc))}", file=sys.stderr)
        return None, EXIT_RUN
    except NotAnAdministrativeDocument as exc:
        print(f"{source}: {escape_control(exc.errors[0].message)}", file=sys.stderr)
        return None, EXIT_INPUT
    except ValidationError as exc:
        for problem in exc.errors:
            print(f"{source}: {escape_control(str(problem))}", file=sys.stderr)
        print(f"vanban: {len(exc.errors)} lỗi, không chuyển được.", file=sys.stderr)
        return None, EXIT_INPUT
    except OSError as exc:
        print(f"{source}: không đọc được: {exc.strerror or exc}", file=sys.stderr)
        return None, EXIT_RUN


def _notes(source: Path, notes: list[str]) -> None:
    from vanban.errors import escape_control

    for note in notes:
        print(f"{source}: ghi chú: {escape_control(note)}", file=sys.stderr)


def run_import(args: argparse.Namespace) -> int:
    from vanban._files import replace_atomically
    from vanban._importing import ImportResult

    result, code = _read(args.source)
    if not isinstance(result, ImportResult):
        return code
    _notes(args.source, result.notes)
    text = result.yaml()
    if args.output is None:
        sys.stdout.write(text)
    else:
        replace_atomically(args.output, text.encode("utf-8"))
        print(args.output)
    return EXIT_OK


def _summary(label: str, data: bytes | Path) -> int:
    from vanban.checker import check_report

    report = check_report(data)
    errors = len(report.errors)
    print(f"{label}: {errors} lỗi, {len(report.findings) - errors} cảnh báo")
    for finding in report.findings:
        print(f"  {finding}")
    return errors


def run_fix(args: argparse.Namespace) -> int:
    from vanban._files import replace_atomically
    from vanban._importing import ImportResult
    from vanban._rendering import render

    source: Path = args.source
    result, code = _read(source)
    if not isinstance(result, ImportResult):
        return code
    _notes(source, result.notes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = render(result.model)
    _summary(f"trước ({source})", source)
    after = _summary(f"sau ({args.output})", data)
    replace_atomically(args.output, data)
    if args.yaml is not None:
        replace_atomically(args.yaml, result.yaml().encode("utf-8"))
    return EXIT_OK if after == 0 else EXIT_INPUT

"""The ``vanban`` command.

Exit codes, for every command: 0 success; 1 the input has problems (an invalid plan, broken
YAML); 2 it could not run (usage error, a file missing or unreadable, a folder not writable).
Messages are in Vietnamese, one line per problem, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_RUN = 0, 1, 2

_HELP = """vanban: văn bản hành chính theo Nghị định 30/2020/NĐ-CP, từ YAML ra Word (.docx).

ví dụ:
  vanban render ke-hoach.yaml              # ghi ke-hoach.docx bên cạnh
  vanban render ke-hoach.yaml -o out.docx
  vanban check ke-hoach.yaml               # chỉ kiểm tra dữ liệu
  vanban schema ke_hoach > ke_hoach.schema.json

mã thoát: 0 thành công; 1 dữ liệu có lỗi; 2 không chạy được (sai lệnh, thiếu tệp, không ghi được).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2, one line, no traceback
        self.print_usage(sys.stderr)
        print(f"{self.prog}: lỗi: {message}", file=sys.stderr)
        raise SystemExit(EXIT_RUN)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="vanban", description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    sub.required = True

    r = sub.add_parser(
        "render",
        help="tạo tệp .docx từ một tệp YAML/JSON",
        description="Tạo tệp .docx từ một tệp kế hoạch YAML hoặc JSON.",
    )
    _plan_arguments(r)
    r.add_argument(
        "-o", "--output", type=Path, help="tệp .docx đầu ra (mặc định: cạnh tệp vào, cùng tên)"
    )
    r.add_argument("--template", type=Path, help="mẫu docxtpl riêng (.docx hoặc thư mục)")

    c = sub.add_parser(
        "check",
        help="kiểm tra tệp Word (.docx) theo NĐ30, hoặc tệp YAML/JSON",
        description=(
            "Kiểm tra tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP (nhận biết theo nội dung, "
            "không theo đuôi tệp), hoặc kiểm tra dữ liệu YAML/JSON. Mã thoát: 0 không có lỗi "
            "(có thể có cảnh báo), 1 có lỗi, 2 không đọc được tệp."
        ),
    )
    c.add_argument("plan", type=Path, nargs="*", help="tệp .docx, YAML hoặc JSON")
    c.add_argument("--max-bytes", type=int, default=None, help="giới hạn kích thước tệp vào (byte)")
    c.add_argument(
        "--json", action="store_true", help="in kết quả dạng JSON, mỗi tệp một đối tượng"
    )
    c.add_argument("--rules", action="store_true", help="in danh mục quy tắc kiểm tra")

    s = sub.add_parser(
        "schema",
        help="in JSON Schema của một loại văn bản",
        description="In JSON Schema (tiêu đề tiếng Việt) của một loại văn bản.",
    )
    s.add_argument(
        "doc_type", nargs="?", default="ke_hoach", help="loại văn bản (mặc định: ke_hoach)"
    )
    return p


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    """The input file and its size limit, shared by the commands that read a plan."""
    parser.add_argument("plan", type=Path, help="tệp YAML hoặc JSON")
    parser.add_argument(
        "--max-bytes", type=int, default=None, help="giới hạn kích thước tệp vào (byte)"
    )


def _version() -> str:
    from vanban import __version__

    return f"vanban {__version__}"


def _load(path: Path, max_bytes: int | None):  # type: ignore[no-untyped-def]
    from vanban.loading import MAX_BYTES, load

    return load(path, max_bytes=max_bytes or MAX_BYTES)


def _render(args: argparse.Namespace) -> int:
    from vanban.rendering import Renderer, default_renderer

    out: Path = args.output or args.plan.with_suffix(".docx")
    if out.exists() and args.plan.exists() and out.resolve() == args.plan.resolve():
        print(f"vanban: lỗi: tệp ra trùng tệp vào, sẽ không ghi đè: {out}", file=sys.stderr)
        return EXIT_RUN
    if out.is_dir():
        out = out / args.plan.with_suffix(".docx").name
    doc = _load(args.plan, args.max_bytes)
    renderer = Renderer(args.template) if args.template else default_renderer()
    renderer.render_to(doc, out)
    print(out)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from vanban import check_cli

    if args.rules:
        return check_cli.print_rules(json_output=args.json)
    if not args.plan:
        print("vanban check: lỗi: cần ít nhất một tệp (hoặc --rules)", file=sys.stderr)
        return EXIT_RUN
    worst = EXIT_OK
    for path in args.plan:
        if check_cli.is_docx(path):
            code = check_cli.check_file(path, json_output=args.json)
        else:
            _load(path, args.max_bytes)
            print(f"{path}: hợp lệ")
            code = EXIT_OK
        worst = max(worst, code)
    return worst


def _schema(args: argparse.Namespace) -> int:
    from vanban.schema import schema_text

    try:
        sys.stdout.write(schema_text(args.doc_type))
    except ValueError as exc:
        print(f"vanban: lỗi: {exc}", file=sys.stderr)
        return EXIT_RUN
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    from vanban.errors import InputError, TemplateError, ValidationError, VanbanWarning

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        tag = "cảnh báo" if issubclass(category, VanbanWarning) else category.__name__
        print(f"{tag}: {message}", file=sys.stderr)

    warnings.showwarning = show
    try:
        return {"render": _render, "check": _check, "schema": _schema}[args.command](args)
    except ValidationError as exc:
        from vanban.loading import iter_problems

        for problem in iter_problems(exc):
            print(problem, file=sys.stderr)
        n = len(exc.errors)
        print(
            f"vanban: {n} lỗi, không tạo văn bản."
            if args.command == "render"
            else f"vanban: {n} lỗi.",
            file=sys.stderr,
        )
        return EXIT_INPUT
    except (InputError, TemplateError) as exc:
        print(f"vanban: lỗi: {exc}", file=sys.stderr)
        return EXIT_RUN
    except OSError as exc:
        print(f"vanban: lỗi: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_RUN
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

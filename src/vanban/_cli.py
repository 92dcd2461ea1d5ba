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
from typing import NoReturn

EXIT_OK, EXIT_INPUT, EXIT_RUN = 0, 1, 2

_HELP = """vanban: văn bản hành chính theo Nghị định 30/2020/NĐ-CP, từ YAML ra Word (.docx).

ví dụ:
  vanban render ke-hoach.yaml              # ghi ke-hoach.docx bên cạnh
  vanban render ke-hoach.yaml -o out.docx
  vanban render ke-hoach.yaml --pdf        # cả ke-hoach.pdf (cần LibreOffice)
  vanban render giay-moi.yaml --data don-vi.csv --name ma -o out/   # trộn thư: mỗi dòng một tệp
  vanban check ke-hoach.yaml               # chỉ kiểm tra dữ liệu
  vanban tasks ke-hoach.yaml               # bảng các nhiệm vụ
  vanban tasks ke-hoach.yaml --ics -o thoi-han.ics
  vanban new quyet_dinh > qd.yaml          # khung YAML có chú thích của một loại
  vanban schema                            # các loại văn bản
  vanban schema ke_hoach > ke_hoach.schema.json
  vanban schema --editor                   # gợi ý và kiểm tra mọi tệp YAML trong thư mục
  vanban import cong-van.docx -o cong-van.yaml   # tệp Word thành YAML
  vanban fix cong-van.docx -o cong-van-nd30.docx # bản Word đúng thể thức

mã thoát: 0 thành công; 1 dữ liệu có lỗi; 2 không chạy được (sai lệnh, thiếu tệp, không ghi được).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors: exit 2, one line, no traceback
        from vanban.errors import escape_control

        self.print_usage(sys.stderr)
        print(f"{self.prog}: lỗi: {escape_control(message)}", file=sys.stderr)
        raise SystemExit(EXIT_RUN)


def _positive_int(text: str) -> int:
    """A number of bytes: a whole number above 0 (0 would silently mean the default)."""
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương, không phải {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương (lớn hơn 0), không phải {value}")
    return value


def _plan_path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("tên tệp rỗng")
    return Path(text)


def _parser() -> argparse.ArgumentParser:
    from vanban import _cli_messages

    _cli_messages.install()
    p = _Parser(
        prog="vanban", description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--version", action="version", version=_version(), help="in số phiên bản rồi thoát"
    )
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    sub.required = True

    r = sub.add_parser(
        "render",
        help="tạo tệp .docx từ một hay nhiều tệp YAML/JSON",
        description="Tạo tệp .docx từ một hay nhiều tệp kế hoạch YAML hoặc JSON (hoặc mọi tệp "
        ".yaml/.yml/.json của một thư mục). Nhiều tệp: mọi tệp hợp lệ đều được tạo, mỗi tệp "
        "lỗi được nêu tên cùng các lỗi của nó; mã thoát 1 nếu có tệp lỗi.",
    )
    _plan_arguments(r, many=True)
    r.add_argument(
        "-o",
        "--output",
        type=_plan_path,
        metavar="ĐẦU_RA",
        help="tệp .docx đầu ra, hoặc thư mục (bắt buộc là thư mục khi có nhiều tệp vào; "
        "mặc định: cạnh tệp vào, cùng tên)",
    )
    r.add_argument(
        "--template",
        type=_plan_path,
        metavar="MẪU",
        help="mẫu docxtpl riêng (.docx hoặc thư mục); chạy trong hộp cát, xem docs/templates.md",
    )
    r.add_argument(
        "--pdf",
        action="store_true",
        help="cũng tạo tệp PDF cạnh mỗi tệp .docx, cùng tên (cần LibreOffice: gói Debian "
        "libreoffice-writer-nogui)",
    )
    r.add_argument(
        "--data",
        type=_plan_path,
        metavar="BẢNG",
        help="trộn thư: bảng dữ liệu .csv hoặc .xlsx, mỗi dòng một văn bản; tệp YAML là mẫu "
        "có chỗ trống {{tên cột}} (xem docs/tron-thu.md); -o là thư mục đầu ra",
    )
    r.add_argument(
        "--name",
        metavar="CỘT",
        help="trộn thư: đặt tên mỗi tệp theo một cột (hoặc mẫu như giay-moi-{{ma}}); "
        "mặc định: tên tệp mẫu và số thứ tự dòng",
    )
    r.add_argument(
        "--yaml",
        action="store_true",
        help="trộn thư: cũng ghi tệp YAML của mỗi văn bản cạnh tệp .docx (để sửa riêng một văn bản)",
    )
    r.add_argument(
        "--timeout",
        type=_positive_int,
        default=None,
        metavar="GIÂY",
        help="thời gian tối đa cho LibreOffice tạo mỗi tệp PDF (giây, mặc định 120); quá hạn "
        "thì LibreOffice và mọi tiến trình con của nó bị dừng",
    )

    c = sub.add_parser(
        "check",
        help="kiểm tra tệp Word (.docx) theo NĐ30, hoặc tệp YAML/JSON",
        description=(
            "Kiểm tra tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP (nhận biết theo nội dung, "
            "không theo đuôi tệp), hoặc kiểm tra dữ liệu YAML/JSON. Mã thoát: 0 không có lỗi "
            "(có thể có cảnh báo), 1 có lỗi, 2 không đọc được tệp."
        ),
    )
    c.add_argument("plan", type=Path, nargs="*", metavar="TỆP", help="tệp .docx, YAML hoặc JSON")
    c.add_argument(
        "--strict",
        action="store_true",
        help="tệp Word ngoài phạm vi NĐ30 (giấy phép, phiếu trình…) cho mã thoát 1 thay vì 0",
    )
    c.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=None,
        metavar="SỐ_BYTE",
        help="giới hạn kích thước tệp vào (byte, lớn hơn 0)",
    )
    c.add_argument(
        "--json", action="store_true", help="in kết quả dạng JSON, mỗi tệp một đối tượng"
    )
    c.add_argument("--rules", action="store_true", help="in danh mục quy tắc kiểm tra")
    c.add_argument(
        "--layout",
        action="store_true",
        help="dàn trang bằng LibreOffice (nếu đã cài) cho các quy tắc về trang in (chữ ký "
        "đứng riêng trang cuối); không có: ước tính từ khổ giấy, lề và độ rộng chữ",
    )

    t = sub.add_parser(
        "tasks",
        help="liệt kê các nhiệm vụ của văn bản (bảng, CSV hoặc lịch iCalendar)",
        description="Liệt kê các nhiệm vụ của văn bản, đánh số như văn bản in (trong các mục, "
        "bảng nhiệm vụ và phụ lục): mặc định một bảng chữ; --csv cho bảng tính (tệp ghi ra có "
        "BOM UTF-8 để Excel đọc đúng tiếng Việt); --ics cho lịch (mỗi nhiệm vụ có thời hạn là "
        "một ngày thành một sự kiện cả ngày).",
    )
    _plan_arguments(t)
    kind = t.add_mutually_exclusive_group()
    kind.add_argument("--csv", action="store_true", help="in dạng CSV")
    kind.add_argument("--ics", action="store_true", help="in các thời hạn dạng iCalendar (.ics)")
    t.add_argument(
        "-o",
        "--output",
        type=_plan_path,
        metavar="ĐẦU_RA",
        help="tệp đầu ra (mặc định: in ra màn hình)",
    )

    n = sub.add_parser(
        "new",
        help="in khung YAML có chú thích của một loại văn bản",
        description="In khung YAML của một loại văn bản: mọi trường kèm tên gọi và mô tả tiếng "
        "Việt, các trường cần thiết đã điền giá trị mẫu (dựng được ngay), các trường tùy chọn "
        "để sau dấu #.",
    )
    n.add_argument("doc_type", metavar="LOẠI", help="loại văn bản (xem: vanban schema)")
    n.add_argument(
        "-o",
        "--output",
        type=_plan_path,
        metavar="ĐẦU_RA",
        help="tệp YAML đầu ra (mặc định: in ra màn hình); không ghi đè tệp đã có",
    )

    e = sub.add_parser(
        "examples",
        help="liệt kê hoặc in các văn bản mẫu kèm theo vanban",
        description="Không có TÊN: liệt kê các văn bản mẫu (loại và tên). Có TÊN: in tệp YAML "
        "của văn bản đó (hoặc ghi ra ĐẦU_RA), để sửa rồi dựng: vanban render TÊN.yaml.",
    )
    e.add_argument("name", nargs="?", default=None, metavar="TÊN", help="tên văn bản mẫu")
    e.add_argument(
        "-o",
        "--output",
        type=_plan_path,
        metavar="ĐẦU_RA",
        help="tệp YAML đầu ra (mặc định: in ra màn hình); không ghi đè tệp đã có",
    )

    s = sub.add_parser(
        "schema",
        help="in JSON Schema của một loại văn bản",
        description="In JSON Schema (tiêu đề tiếng Việt) của một loại văn bản.",
    )
    s.add_argument(
        "doc_type",
        nargs="?",
        default=None,
        metavar="LOẠI",
        help="loại văn bản; bỏ trống để xem danh sách các loại",
    )
    s.add_argument(
        "--editor",
        nargs="?",
        const=Path("."),
        type=_plan_path,
        metavar="THƯ_MỤC",
        help="ghi schema của mọi loại vào THƯ_MỤC/.vanban/schemas và ánh xạ yaml.schemas vào "
        "THƯ_MỤC/.vscode/settings.json (mặc định: thư mục hiện tại): mọi tệp YAML trong thư "
        "mục được gợi ý và kiểm tra theo type: của nó",
    )

    from vanban._import_cli import add_parsers

    add_parsers(sub, _plan_path)

    sub.add_parser(
        "completion",
        help="in đoạn mã gợi ý lệnh cho bash",
        description="In đoạn mã gợi ý lệnh (tab completion) cho bash. Dùng: "
        'eval "$(vanban completion)" trong ~/.bashrc.',
    )
    return p


def _completion(args: argparse.Namespace) -> int:
    """A bash completion script read from the parser itself: the commands, each command's
    options, the document types after ``new`` and ``schema``, file names elsewhere."""
    from vanban import registry

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    top = " ".join([*sub.choices, "--help", "--version"])
    cases = []
    for name, command in sub.choices.items():
        options = " ".join(o for a in command._actions for o in a.option_strings)
        cases.append(f'        {name}) opts="{options}";;')
    types = " ".join(registry.type_keys())
    # mapfile, not COMPREPLY=( $(…) ): one name a line, never split at a space ("Kế hoạch
    # 2026.yaml") nor expanded as a glob ("[1]*.yaml").
    sys.stdout.write(
        "# vanban: gợi ý lệnh cho bash (vanban completion)\n"
        "_vanban() {\n"
        '    local cur="${COMP_WORDS[COMP_CWORD]}" opts=""\n'
        '    if [ "$COMP_CWORD" -eq 1 ]; then\n'
        f'        mapfile -t COMPREPLY < <(compgen -W "{top}" -- "$cur"); return\n'
        "    fi\n"
        '    case "${COMP_WORDS[1]}" in\n' + "\n".join(cases) + "\n    esac\n"
        '    if [[ "$cur" == -* ]]; then\n'
        '        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur"); return\n'
        "    fi\n"
        '    case "${COMP_WORDS[1]}" in\n'
        f'        new|schema) mapfile -t COMPREPLY < <(compgen -W "{types}" -- "$cur"); return;;\n'
        "    esac\n"
        '    mapfile -t COMPREPLY < <(compgen -f -- "$cur")\n'
        "}\n"
        "complete -o filenames -F _vanban vanban\n"
    )
    return EXIT_OK


def _plan_arguments(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    """The input file(s) and the size limit, shared by the commands that read a plan."""
    if many:
        parser.add_argument(
            "plan",
            type=_plan_path,
            nargs="+",
            metavar="TỆP",
            help="tệp YAML hoặc JSON (một hay nhiều)",
        )
    else:
        parser.add_argument("plan", type=_plan_path, metavar="TỆP", help="tệp YAML hoặc JSON")
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=None,
        metavar="SỐ_BYTE",
        help="giới hạn kích thước tệp vào (byte, lớn hơn 0)",
    )


def _version() -> str:
    from vanban import __version__

    return f"vanban {__version__}"


def _load(path: Path, max_bytes: int | None):  # type: ignore[no-untyped-def]
    from vanban._loading import MAX_BYTES, load

    return load(path, max_bytes=max_bytes or MAX_BYTES)


_PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def _render(args: argparse.Namespace) -> int:
    if args.data is not None or args.name is not None or args.yaml:
        from vanban._merge_cli import run_merge

        return run_merge(args, _renderer(args), _has_soffice, _pdfs)
    plans: list[Path] = []
    for p in args.plan:
        if p.is_dir():
            plans += sorted(f for f in p.iterdir() if f.suffix.lower() in _PLAN_SUFFIXES)
        else:
            plans.append(p)
    if len(args.plan) > 1 or args.plan[0].is_dir():
        return _render_batch(args, plans)
    plan = plans[0]
    if not plan.name or plan.name in (".", ".."):
        print(f"vanban: lỗi: {plan} không phải tên tệp", file=sys.stderr)
        return EXIT_RUN
    out: Path = args.output or plan.with_suffix(".docx")
    if out.exists() and plan.exists() and out.resolve() == plan.resolve():
        print(f"vanban: lỗi: tệp ra trùng tệp vào, sẽ không ghi đè: {out}", file=sys.stderr)
        return EXIT_RUN
    if out.is_dir():
        out = out / plan.with_suffix(".docx").name
    doc = _load(plan, args.max_bytes)
    if args.pdf and not _has_soffice():
        return EXIT_RUN
    renderer = _renderer(args)
    renderer.render_to(doc, out)
    print(out)
    return _pdfs([out], args.timeout) if args.pdf else EXIT_OK


def _has_soffice() -> bool:
    """LibreOffice is there for --pdf; else say what to install (before writing anything)."""
    from vanban.errors import VanbanError
    from vanban.pdf import find_soffice

    try:
        find_soffice()
    except VanbanError as exc:
        print(f"vanban: lỗi: {exc}", file=sys.stderr)
        return False
    return True


def _pdfs(paths: list[Path], timeout: int | None = None) -> int:
    """Each .docx converted to a PDF beside it; exit 2 when LibreOffice fails on one."""
    from vanban.errors import ValidationError, VanbanError, escape_control
    from vanban.pdf import TIMEOUT, to_pdf

    code = EXIT_OK
    for path in paths:
        pdf = path.with_suffix(".pdf")
        try:
            to_pdf(path, pdf, timeout=timeout or TIMEOUT)
        except ValidationError:
            raise
        except VanbanError as exc:
            print(f"vanban: lỗi: {path}: {escape_control(str(exc))}", file=sys.stderr)
            code = EXIT_RUN
            continue
        print(pdf)
    return code


def _renderer(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from vanban._rendering import Renderer, default_renderer

    return Renderer(args.template) if args.template else default_renderer()


def _render_batch(args: argparse.Namespace, plans: list[Path]) -> int:
    """Many plans: every valid one rendered, every failed one named with its problems."""
    from vanban._loading import iter_problems
    from vanban._rendering import BatchFailure
    from vanban.errors import InputError, ValidationError

    out_dir: Path | None = args.output
    if out_dir is not None and not out_dir.is_dir():
        print(
            f"vanban: lỗi: với nhiều tệp vào, -o phải là một thư mục có sẵn: {out_dir}",
            file=sys.stderr,
        )
        return EXIT_RUN
    if not plans:
        print("vanban: lỗi: không có tệp .yaml/.yml/.json nào để tạo", file=sys.stderr)
        return EXIT_RUN
    if args.pdf and not _has_soffice():
        return EXIT_RUN
    failures: list[BatchFailure] = []
    groups: dict[Path, dict[str, object]] = {}
    names: dict[tuple[Path, str], Path] = {}
    for plan in plans:
        try:
            doc = _load(plan, args.max_bytes)
        except ValidationError as exc:
            failures.append(BatchFailure(str(plan), None, list(iter_problems(exc))))
            continue
        except InputError as exc:
            from vanban.errors import Problem

            failures.append(BatchFailure(str(plan), None, [Problem("", "read", str(exc))]))
            continue
        folder = (
            out_dir if out_dir is not None else (plan.parent if str(plan.parent) else Path("."))
        )
        group = groups.setdefault(folder, {})
        name = plan.stem
        while name in group:  # same stem in two folders: the failure is named by render_many
            name += " "
        group[name] = doc
        names[(folder, name)] = plan
    written = 0
    pdf_code = EXIT_OK
    renderer = _renderer(args)
    for folder, docs in groups.items():
        result = renderer.render_many(docs, folder)
        for path in result:
            print(path)
        written += len(result)
        if args.pdf:
            pdf_code = max(pdf_code, _pdfs(list(result), args.timeout))
        for f in result.failures:
            plan = names[(folder, f.name)]
            failures.append(BatchFailure(str(plan), f.path, f.problems))
    for f in failures:
        for line in str(f).split("\n"):
            print(line, file=sys.stderr)  # BatchFailure escapes control characters itself
    print(
        f"vanban: {written} văn bản đã tạo, {len(failures)} tệp lỗi.",
        file=sys.stderr,
    )
    # A file that could not be read (a FIFO, a device) or written (a link out of the folder)
    # is exit 2, as for one file; invalid plans alone are exit 1.
    unrun = any(p.code in ("read", "write") for f in failures for p in f.problems)
    return max(pdf_code, EXIT_RUN if unrun else EXIT_INPUT if failures else EXIT_OK)


def _tasks(args: argparse.Namespace) -> int:
    plan: Path = args.plan
    out: Path | None = args.output
    if out is not None and out.exists() and plan.exists() and out.resolve() == plan.resolve():
        print(f"vanban: lỗi: tệp ra trùng tệp vào, sẽ không ghi đè: {out}", file=sys.stderr)
        return EXIT_RUN
    if out is not None and out.is_dir():
        print(f"vanban: lỗi: -o cần tên một tệp, không phải thư mục: {out}", file=sys.stderr)
        return EXIT_RUN
    rows = _load(plan, args.max_bytes).tasks()
    if args.ics:
        text = rows.deadlines_ics()
        if not any(r.deadline for r in rows):
            print(
                f"vanban: {plan}: không có nhiệm vụ nào có thời hạn là một ngày; lịch không có "
                "sự kiện nào.",
                file=sys.stderr,
            )
    elif args.csv:
        text = rows.to_csv()
    else:
        text = rows.to_text()
    if out is None:
        sys.stdout.flush()
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(text)
        else:
            stream.write(text.encode("utf-8"))
            stream.flush()
        return EXIT_OK
    from vanban._rendering import write_atomic

    write_atomic(out, text.encode("utf-8-sig" if args.csv else "utf-8"))
    print(out)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from vanban import _check_cli as check_cli

    if args.rules:
        return check_cli.print_rules(json_output=args.json)
    if not args.plan:
        print("vanban check: lỗi: cần ít nhất một tệp (hoặc --rules)", file=sys.stderr)
        return EXIT_RUN
    worst = EXIT_OK
    for path in args.plan:
        if check_cli.is_docx(path):
            code = check_cli.check_file(
                path,
                json_output=args.json,
                strict=getattr(args, "strict", False),
                layout=args.layout,
            )
        else:
            code = check_cli.check_plan(path, args.max_bytes)
        worst = max(worst, code)
    return worst


def _new(args: argparse.Namespace) -> int:
    from vanban import registry
    from vanban._skeleton import skeleton

    if args.doc_type not in registry.type_keys():
        known = ", ".join(registry.type_keys())
        print(
            f"vanban: lỗi: loại văn bản {args.doc_type!r} chưa được hỗ trợ; các loại: {known}",
            file=sys.stderr,
        )
        return EXIT_RUN
    text = skeleton(args.doc_type)
    out: Path | None = args.output
    from vanban._editor_setup import editor_root, without_modeline

    if editor_root(out.parent if out is not None else Path.cwd()) is not None:
        text = without_modeline(text)  # the folder's mapping applies (vanban schema --editor)
    return _write_new_text(text, out)


def _write_new_text(text: str, out: Path | None) -> int:
    """Write a starting file of ``vanban new`` / ``vanban examples``: to stdout without ``-o``,
    else to a new file (an existing one is never overwritten), atomically."""
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    if out.exists():
        print(f"vanban: lỗi: {out} đã có, không ghi đè", file=sys.stderr)
        return EXIT_RUN
    from vanban._rendering import write_atomic

    write_atomic(out, text.encode("utf-8"))
    print(out)
    return EXIT_OK


def _examples(args: argparse.Namespace) -> int:
    from vanban import _examples

    if args.name is None:
        sys.stdout.write(_examples.listing())
        return EXIT_OK
    try:
        text = _examples.text(args.name)
    except LookupError as exc:
        print(f"vanban: lỗi: {exc.args[0]}", file=sys.stderr)
        return EXIT_RUN
    out: Path | None = args.output
    return _write_new_text(text, out)


def _schema(args: argparse.Namespace) -> int:
    from vanban._schema import schema_text, type_list

    if args.editor is not None:
        return _schema_editor(args)
    if args.doc_type is None:
        sys.stdout.write(type_list())
        return EXIT_OK
    try:
        sys.stdout.write(schema_text(args.doc_type))
    except ValueError as exc:
        print(f"vanban: lỗi: {exc}", file=sys.stderr)
        return EXIT_RUN
    return EXIT_OK


def _schema_editor(args: argparse.Namespace) -> int:
    from vanban._editor_setup import EditorSetupError, mapping, write_editor_setup

    if args.doc_type is not None:
        print("vanban: lỗi: --editor ghi schema của mọi loại; bỏ LOẠI", file=sys.stderr)
        return EXIT_RUN
    try:
        written = write_editor_setup(args.editor)
    except EditorSetupError as exc:
        print(f"vanban: lỗi: {exc}", file=sys.stderr)
        return EXIT_RUN
    settings = written[-1]
    print(
        f"đã ghi {len(written) - 1} schema vào {written[0].parent} và yaml.schemas vào {settings}"
    )
    entry = {"yaml": {"schemas": mapping(args.editor)}}
    import json

    print(
        f"trình soạn thảo khác (Neovim, Helix, Zed…): cấu hình yaml-language-server {json.dumps(entry)}"
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from vanban._import_cli import run_import

    return run_import(args)


def _fix(args: argparse.Namespace) -> int:
    from vanban._import_cli import run_fix

    return run_fix(args)


def run() -> NoReturn:
    """``vanban …`` and ``python -m vanban …``: :func:`main`, then the end of the process.

    When nothing else can need it, the process ends without the interpreter's teardown
    (freeing some 400 modules and their objects one by one: ~5 ms of a 150 ms ``render``),
    as mypy does: the ``atexit`` handlers run first (temporary folders of
    ``weakref.finalize``, ``logging``), stdout and stderr are flushed, then ``os._exit``.
    Every file vanban writes is closed before :func:`main` returns. Whenever that is not
    certainly safe (another thread, a tracer or profiler, ``python -i``, a flush that
    fails, an exit that is not a number) it ends as any program does (``sys.exit``): the
    same exit code and messages, a closed pipe included.
    """
    try:
        code: str | int | None = main()
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
    if code is None:
        code = EXIT_OK
    if isinstance(code, int) and not isinstance(code, bool) and 0 <= code <= 255:
        _hard_exit(code)
    sys.exit(code)


def _hard_exit(code: int) -> None:
    """``os._exit(code)`` after the ``atexit`` handlers and a flush of stdout and stderr;
    returns (for ``sys.exit``) when the teardown may matter."""
    import atexit
    import os

    if not _alone():
        return
    atexit._run_exitfuncs()
    if not _alone():  # a handler started a thread or a tracer
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # a closed pipe: Python's own exit says so, with its exit code
            return
    os._exit(code)


def _alone() -> bool:
    """Nothing but this thread runs Python and nothing watches it: no other thread (nor a
    hook of ``threading`` left for the interpreter's end), no tracer or profiler (a
    debugger, coverage, cProfile print at the end), not ``python -i``."""
    import _thread
    import os

    count = getattr(_thread, "_count", None)
    if count is None or count() != 0:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and (
        threading.active_count() != 1 or getattr(threading, "_threading_atexits", [1])
    ):
        return False
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return False
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+
    if monitoring is not None and any(monitoring.get_tool(i) is not None for i in range(6)):
        return False
    return not (sys.flags.inspect or os.environ.get("PYTHONINSPECT"))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    if argv is None:  # a process of its own: ``vanban …``, ``python -m vanban …``
        import gc

        # A command is a short process that makes its objects and keeps most of them
        # (classes, models, compiled templates). Python's collector would scan them again
        # and again while they are made (about 90 collections in a cold ``render``), and
        # once more as the interpreter exits: some 15–30 ms of a 190 ms command. Collect
        # rarely, and at the end freeze what is left (the permanent generation is never
        # scanned), so the exit does not walk it; memory freed by reference counting is
        # freed as before.
        from vanban import _COMMAND_COLLECTOR

        gc.set_threshold(*_COMMAND_COLLECTOR)
        try:
            return _main(argv)
        finally:
            gc.freeze()
    return _main(argv)


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    from vanban.errors import (
        InputError,
        TemplateError,
        ValidationError,
        VanbanWarning,
        escape_control,
    )

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        tag = "cảnh báo" if issubclass(category, VanbanWarning) else category.__name__
        print(f"{tag}: {escape_control(str(message))}", file=sys.stderr)

    warnings.showwarning = show
    try:
        commands = {
            "render": _render,
            "check": _check,
            "tasks": _tasks,
            "new": _new,
            "schema": _schema,
            "examples": _examples,
            "completion": _completion,
            "import": _import,
            "fix": _fix,
        }
        return commands[args.command](args)
    except ValidationError as exc:
        from vanban._loading import iter_problems

        for problem in iter_problems(exc):
            print(escape_control(str(problem)), file=sys.stderr)
        n = len(exc.errors)
        print(
            f"vanban: {n} lỗi, không tạo văn bản."
            if args.command == "render"
            else f"vanban: {n} lỗi.",
            file=sys.stderr,
        )
        return EXIT_INPUT
    except TemplateError as exc:  # a template is input too: its problems are located
        print(f"vanban: lỗi mẫu: {escape_control(str(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except InputError as exc:
        print(f"vanban: lỗi: {escape_control(str(exc))}", file=sys.stderr)
        return EXIT_RUN
    except OSError as exc:
        from vanban.errors import os_message

        where = f": {exc.filename}" if exc.filename else ""
        print(f"vanban: lỗi: {os_message(exc)}{escape_control(str(where))}", file=sys.stderr)
        return EXIT_RUN
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    run()

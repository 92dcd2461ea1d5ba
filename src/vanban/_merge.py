"""Mail merge (trộn thư): one template, a spreadsheet of rows, one document per row.

The template is an ordinary vanban YAML file in which a value may hold **chỗ trống**
(placeholders) ``{{tên cột}}``: the name of a column of the spreadsheet between double braces.
For each row, every placeholder is replaced by the text of that row's cell, then the data is
read like any YAML file (the same checks, the same messages). That is all a placeholder does:

- the cell's text is put in as it is, never read as YAML or as template code (a cell holding
  ``{{x}}`` or ``{% if %}`` stays that text), nor as vanban's inline syntax (its ``*``, ``[``,
  ``]`` and ``\\`` are escaped: emphasis goes in the template, ``"**{{don_vi}}**"``); nothing
  but a column name may stand between the braces (no filters, no expressions);
- a placeholder may stand inside a text (``"Kính gửi: {{don_vi}}"``) or be the whole value
  (``date: "{{ngay}}"``, read then as a date would be); a value that is only a placeholder
  whose cell is empty is left out (the field takes its default; in a list, the item is dropped);
  an empty cell inside a text leaves a hole in the sentence, said by a warning of its row;
- placeholders stand in values, not in keys.

A problem of a row is located in the spreadsheet by its row and the column that gave the
value: ``don-vi.csv:12: date: cột "ngay": ngày không hợp lệ …``.

Spreadsheets: CSV (UTF-8 with or without BOM; separated by "," or ";" as Excel writes it in
Vietnamese) through the standard library, and .xlsx (the first sheet) through ``openpyxl``
(``pip install vanban[xlsx]``). The first row names the columns.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import difflib
import io
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban._loading import MAX_BYTES, _decode, _path_text, parse_yaml, read_file, validate
from vanban._rendering import safe_file_name
from vanban._validation import check_document
from vanban.errors import (
    InputError,
    Problem,
    ValidationError,
    VanbanWarning,
    escape_control,
)
from vanban.models import Document

__all__ = ["Merged", "Row", "Sheet", "merge", "merge_rows", "read_rows"]

#: A placeholder: a column name between double braces (spaces inside the braces are ignored).
PLACEHOLDER = re.compile(r"\{\{([^{}]*)\}\}")
#: At most this many rows are read from a spreadsheet (one document each).
MAX_ROWS = 10_000
#: An .xlsx whose parts unpack to more than this is refused (a zip bomb).
MAX_XLSX_UNPACKED = 200 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One row of a spreadsheet: where it is (``line``: the line of a CSV file where the row
    starts, or the row number of a sheet) and its cells as text, by column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Sheet:
    """The rows of a spreadsheet (bảng dữ liệu trộn thư), with its column names in order.

    ``letters`` gives each column's letter when the rows come from a sheet (``C``), so that a
    message can name the cell (``C12``) as Excel shows it.
    """

    columns: tuple[str, ...]
    rows: list[Row]
    source: str | None = None
    letters: dict[str, str] = field(default_factory=dict)


@dataclass
class Merged:
    """What a merge made: the documents by name, in row order, and the rows that failed
    (:class:`vanban._rendering.BatchFailure`-like: a name and its located problems)."""

    documents: dict[str, Document] = field(default_factory=dict)
    #: The row of each document, by name (to locate what goes wrong when it is rendered).
    lines: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, list[Problem]]] = field(default_factory=list)


# --- reading the spreadsheet ------------------------------------------------------------


def _clean(text: str) -> str:
    """A cell or a column name as vanban reads it: NFC, no blanks around, line ends as \\n."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _header(names: list[str], source: str, line: int) -> tuple[str, ...]:
    columns = [_clean(n) for n in names]
    problems = []
    seen: dict[str, int] = {}
    for i, name in enumerate(columns, 1):
        if not name:
            continue
        if name in seen:
            problems.append(
                Problem(
                    "",
                    "duplicate_column",
                    f'cột "{name}" có hai lần (cột thứ {seen[name]} và {i})',
                    source,
                    line,
                )
            )
        seen.setdefault(name, i)
    if not seen:
        problems.append(
            Problem(
                "", "no_columns", "dòng đầu phải là tên các cột (ví dụ: ma,ten_don_vi)", source, 1
            )
        )
    if problems:
        raise ValidationError(problems)
    return tuple(columns)


def _row(columns: tuple[str, ...], cells: list[str], source: str, line: int) -> Row | None:
    """A row of cells under ``columns``; None for a blank row. Cells past the named columns
    must be empty (a cell without a column name would be lost)."""
    values = [_clean(c) for c in cells]
    if not any(values):
        return None
    for i, value in enumerate(values):
        if value and (i >= len(columns) or not columns[i]):
            raise ValidationError(
                [
                    Problem(
                        "",
                        "cell_without_column",
                        f"ô thứ {i + 1} có giá trị nhưng cột này không có tên ở dòng đầu",
                        source,
                        line,
                    )
                ]
            )
    return Row(
        line, {c: (values[i] if i < len(values) else "") for i, c in enumerate(columns) if c}
    )


def _separator(first_line: str) -> str:
    """ "," or ";" (Excel's CSV in locales that write decimals with a comma) or a tab: the one
    the header row holds most of."""
    counts = {s: first_line.count(s) for s in (",", ";", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def read_csv(text: str, source: str = "<csv>") -> Sheet:
    """The rows of CSV text; the first row names the columns.

    >>> sheet = read_csv("ma;ten\\n01;Xã Tân An\\n\\n02;Xã Tân Phong\\n")
    >>> sheet.columns, [(r.line, r.cells["ten"]) for r in sheet.rows]
    (('ma', 'ten'), [(2, 'Xã Tân An'), (4, 'Xã Tân Phong')])
    """
    text = text.removeprefix("\ufeff")
    header = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(header))
    columns: tuple[str, ...] | None = None
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            if columns is None and not any(c.strip() for c in cells):
                pass  # blank lines above the header
            elif columns is None:
                columns = _header(cells, source, line)
            else:
                row = _row(columns, cells, source, line)
                if row is not None:
                    rows.append(row)
                    if len(rows) > MAX_ROWS:
                        raise _too_many(source, line)
            line = reader.line_num + 1
    except csv.Error as exc:
        message = f"không đọc được dòng này của tệp CSV ({exc})"
        raise ValidationError([Problem("", "bad_csv", message, source, line)]) from None
    if columns is None:
        raise ValidationError([Problem("", "empty", "tệp rỗng: không có dòng nào", source, 1)])
    return Sheet(columns, rows, source)


def _too_many(source: str, line: int) -> ValidationError:
    message = f"quá nhiều dòng: tối đa {MAX_ROWS} dòng (mỗi dòng một văn bản)"
    return ValidationError([Problem("", "too_many_rows", message, source, line)])


def _cell_text(value: Any) -> str:
    """A sheet cell as the text a person sees: whole numbers without ".0", dates as
    2026-12-14 (times as 2026-12-17 08:00, what a date or time field reads)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def _letter(index: int) -> str:
    """The letter of the ``index``-th column (1-based), as a sheet names it.

    >>> _letter(1), _letter(26), _letter(28)
    ('A', 'Z', 'AB')
    """
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def read_xlsx(data: bytes, source: str = "<xlsx>") -> Sheet:
    """The rows of the first sheet of an .xlsx workbook (cached values of formulas)."""
    try:
        import openpyxl
    except ImportError:
        raise InputError(
            f"{source}: đọc tệp .xlsx cần gói openpyxl: pip install vanban[xlsx] "
            "(hoặc lưu bảng tính thành CSV UTF-8)"
        ) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise ValidationError(
            [Problem("", "bad_xlsx", "không phải tệp Excel .xlsx (không mở được)", source)]
        ) from None
    if unpacked > MAX_XLSX_UNPACKED:
        message = f"tệp .xlsx giải nén quá lớn (hơn {MAX_XLSX_UNPACKED // 1024 // 1024} MB)"
        raise ValidationError([Problem("", "too_large", message, source)])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's warnings about styles it ignores
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        message = f"không đọc được tệp .xlsx ({type(exc).__name__})"
        raise ValidationError([Problem("", "bad_xlsx", message, source)]) from None
    try:
        sheet = book.worksheets[0]
        columns: tuple[str, ...] | None = None
        rows: list[Row] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = [_cell_text(v) for v in values]
            if columns is None:
                if not any(c.strip() for c in cells):
                    continue  # blank rows above the header
                columns = _header(cells, source, number)
                continue
            row = _row(columns, cells, source, number)
            if row is not None:
                rows.append(row)
                if len(rows) > MAX_ROWS:
                    raise _too_many(source, number)
    finally:
        book.close()
    if columns is None:
        raise ValidationError([Problem("", "empty", "trang tính rỗng: không có dòng nào", source)])
    letters = {c: _letter(i) for i, c in enumerate(columns, 1) if c}
    return Sheet(columns, rows, source, letters)


def read_rows(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Sheet:
    """The rows of a .csv or .xlsx file (by its content: an .xlsx is a zip)."""
    p = Path(path)
    name = str(path)
    raw = read_file(p, max_bytes)
    if raw.startswith(b"PK\x03\x04"):
        return read_xlsx(raw, name)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        raise ValidationError(
            [Problem("", "bad_xlsx", "không phải tệp Excel .xlsx (không mở được)", name)]
        )
    if p.suffix.lower() == ".xls":
        message = "tệp Excel cũ (.xls) chưa đọc được: hãy lưu thành .xlsx hoặc CSV UTF-8"
        raise ValidationError([Problem("", "old_xls", message, name)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = (
            "tệp không phải UTF-8; trong Excel hãy chọn Lưu thành (Save As) › "
            '"CSV UTF-8 (Comma delimited)"'
        )
        raise ValidationError([Problem("", "not_utf8", message, name, line)]) from None
    return read_csv(text, name)


# --- the template ------------------------------------------------------------------------


def _template_data(
    template: Document | str | os.PathLike[str], max_bytes: int
) -> tuple[Any, Any, str | None]:
    """The template as plain data (as YAML reads it), its reader (for locations) and its
    source name. A model is written as YAML first (:func:`vanban.dump`)."""
    if isinstance(template, Document):
        from vanban._dumping import dump

        data, builder = parse_yaml(dump(template), "<mẫu>")
        return data, builder, None
    p = Path(template)
    name = str(template)
    raw = read_file(p, max_bytes)
    text = _decode(raw, name)
    try:
        data, builder = parse_yaml(text, name)
    except ValidationError as exc:
        raise ValidationError([_quote_hint(p, text) for p in exc.errors]) from None
    return data, builder, name


_BARE = re.compile(r"(?:^|:\s|-\s)\s*\{\{")


def _quote_hint(p: Problem, text: str) -> Problem:
    """A placeholder at the start of a value without quotes reads in YAML as a table inside
    a table: say to quote it."""
    if p.line is None:
        return p
    lines = text.removeprefix("\ufeff").splitlines()
    if p.line > len(lines) or not _BARE.search(lines[p.line - 1]):
        return p
    message = (
        'chỗ trống {{…}} ở đầu một giá trị phải đặt trong nháy kép, ví dụ: "{{ten_don_vi}}" '
        f"({p.message})"
    )
    return Problem(p.path, "unquoted_placeholder", message, p.source, p.line, p.column)


def _columns_in(text: str) -> list[str]:
    return [m.group(1).strip() for m in PLACEHOLDER.finditer(text)]


def _placeholders(
    data: Any, columns: tuple[str, ...], builder: Any, source: str | None
) -> tuple[set[str], list[Problem]]:
    """The columns the template uses, and its problems: a placeholder that names no column,
    a placeholder in a key, a "{{" never closed."""
    used: set[str] = set()
    problems: list[Problem] = []
    known = [c for c in columns if c]

    def at(path: tuple[str | int, ...], code: str, message: str, *, key: bool = False) -> None:
        text = _path_text(path)
        marks = getattr(builder, "key_marks" if key else "marks", {}) if builder else {}
        pos = marks.get(text) or (builder.marks.get(text) if builder else None)
        line, col = pos if pos else (None, None)
        problems.append(Problem(text, code, message, source, line, col))

    def visit(node: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and "{{" in k:
                    at(
                        (*path, k),
                        "placeholder_in_key",
                        "chỗ trống {{…}} chỉ đặt ở giá trị, không ở tên trường",
                        key=True,
                    )
                visit(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                visit(v, (*path, i))
        elif isinstance(node, str) and "{{" in node:
            for name in _columns_in(node):
                if name in known:
                    used.add(name)
                    continue
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                hint = f'; có phải ý bạn là "{close[0]}"?' if close else ""
                if re.search(r"[|()%]", name) or not name:
                    hint += (
                        " Trộn thư chỉ thay bằng chữ của một cột, không chạy biểu thức hay bộ lọc."
                    )
                names = ", ".join(f'"{c}"' for c in known)
                shown = escape_control(name)
                message = (
                    f'chỗ trống {{{{{shown}}}}}: bảng dữ liệu không có cột "{shown}"{hint} '
                    f"(các cột: {names})"
                )
                at(path, "unknown_column", message)
            rest = PLACEHOLDER.sub("", node)
            if "{{" in rest:
                message = 'chỗ trống "{{" chưa đóng bằng "}}" (hoặc có dấu ngoặc nhọn bên trong)'
                at(path, "unclosed_placeholder", message)

    visit(data, ())
    return used, problems


# --- one row -----------------------------------------------------------------------------

_DROP = object()


def _fill(
    node: Any,
    cells: Mapping[str, str],
    path: tuple[str | int, ...],
    fed: dict[str, list[str]],
    blank: list[tuple[str, str]],
) -> Any:
    """``node`` with the row's cells in place of its placeholders; ``fed`` gets the columns
    that gave each value, by the value's path in the result (items dropped before it shift
    the indices), and ``blank`` the (path, column) of each empty cell put inside a text."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            value = _fill(v, cells, (*path, k), fed, blank)
            if value is not _DROP:
                out[k] = value
        return out
    if isinstance(node, list):
        items: list[Any] = []
        for v in node:
            value = _fill(v, cells, (*path, len(items)), fed, blank)
            if value is not _DROP:
                items.append(value)
        return items
    if isinstance(node, str) and "{{" in node:
        names = _columns_in(node)
        fed[_path_text(path)] = names
        whole = PLACEHOLDER.fullmatch(node.strip())
        if whole is not None and not cells.get(names[0], ""):
            return _DROP
        if whole is None:
            blank += [(_path_text(path), n) for n in dict.fromkeys(names) if not cells.get(n)]
        # One pass: what a cell puts in is never read again for placeholders.
        return PLACEHOLDER.sub(lambda m: as_text(cells.get(m.group(1).strip(), "")), node)
    return node


_MARKUP = re.compile(r"([\\*\[\]])")


def as_text(cell: str) -> str:
    r"""A cell as a text field prints it: the characters of vanban's inline syntax escaped
    (``*`` would make italics, ``[^x]`` a footnote), so the cell prints as written. Emphasis
    belongs in the template, around the placeholder: ``"**{{don_vi}}**"``.

    >>> print(as_text("Tổ 1*, [^a] C:\\tmp"))
    Tổ 1\*, \[^a\] C:\\tmp
    """
    return _MARKUP.sub(r"\\\1", cell)


def _columns_of(path: str, fed: Mapping[str, list[str]]) -> list[str]:
    """The columns that gave the value at ``path``, or a value inside it or around it."""
    if path in fed:
        return fed[path]
    found: list[str] = []
    for where, names in fed.items():
        inside = where.startswith((f"{path}.", f"{path}[")) if path else True
        around = path.startswith((f"{where}.", f"{where}["))
        if inside or around:
            found += [n for n in names if n not in found]
    return found


def _cell_name(name: str, sheet: Sheet, row: Row) -> str:
    letter = sheet.letters.get(name)
    return f'cột "{name}" (ô {letter}{row.line})' if letter else f'cột "{name}"'


def _at_row(p: Problem, sheet: Sheet, row: Row, fed: Mapping[str, list[str]]) -> Problem:
    names = _columns_of(p.path, fed)
    cells = ", ".join(_cell_name(n, sheet, row) for n in names)
    message = f"{cells}: {p.message}" if cells else p.message
    return Problem(p.path, p.code, message, sheet.source, row.line)


def _name_of(pattern: str | None, sheet: Sheet, row: Row, index: int) -> str:
    """The document's name: a column's cell, or a pattern with placeholders, or the row's
    number (``0001``)."""
    if pattern is None:
        return f"{index:04d}"
    if "{{" in pattern:
        return PLACEHOLDER.sub(lambda m: row.cells.get(m.group(1).strip(), ""), pattern)
    return row.cells.get(pattern, "")


def _check_name(pattern: str | None, sheet: Sheet) -> None:
    if pattern is None:
        return
    names = _columns_in(pattern) if "{{" in pattern else [pattern]
    known = [c for c in sheet.columns if c]
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f'; có phải ý bạn là "{close[0]}"?' if close else ""
            message = (
                f'tên tệp theo cột "{escape_control(name)}": bảng dữ liệu không có cột này{hint} '
                f"(các cột: {', '.join(known)})"
            )
            raise ValidationError([Problem("", "unknown_column", message, sheet.source, 1)])


def merge_rows(
    template: Document | str | os.PathLike[str],
    rows: Sheet | Iterable[Mapping[str, Any]],
    *,
    name: str | None = None,
    today: dt.date | None = None,
    max_bytes: int = MAX_BYTES,
) -> Merged:
    """One document per row, keeping going past rows that fail (see :func:`merge`).

    Problems of the template itself (a placeholder naming no column, broken YAML) raise
    :class:`ValidationError` before any row is read: they would be the same in every row.
    """
    sheet = rows if isinstance(rows, Sheet) else _sheet(rows)
    data, builder, source = _template_data(template, max_bytes)
    used, problems = _placeholders(data, sheet.columns, builder, source)
    if problems:
        raise ValidationError(problems)
    if not used:
        where = f"{source}: " if source else ""
        message = f"{where}mẫu không có chỗ trống {{{{tên cột}}}} nào: mọi văn bản sẽ giống nhau"
        warnings.warn(message, VanbanWarning, stacklevel=2)
    _check_name(name, sheet)
    merged = Merged()
    once: set[str] = set()
    taken: dict[str, tuple[str, int]] = {}
    for index, row in enumerate(sheet.rows, 1):
        doc_name = _name_of(name, sheet, row, index)
        label = doc_name or f"dòng {row.line}"
        fed: dict[str, list[str]] = {}
        blank: list[tuple[str, str]] = []
        filled = _fill(copy.deepcopy(data), row.cells, (), fed, blank)
        problems = []
        doc: Document | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", VanbanWarning)
                doc = validate(filled, today=today)
        except ValidationError as exc:
            problems = [_at_row(p, sheet, row, fed) for p in exc.errors]
        if doc is not None:
            for where, column in blank:  # a sentence with a hole: probably a missing value
                message = f"{_cell_name(column, sheet, row)}: ô trống, câu in thiếu phần này"
                empty = Problem(where, "empty_cell", message, sheet.source, row.line)
                warnings.warn(str(empty), VanbanWarning, stacklevel=2)
            for w in check_document(doc, today=today)[1]:
                if _columns_of(w.path, fed):
                    warnings.warn(str(_at_row(w, sheet, row, fed)), VanbanWarning, stacklevel=2)
                elif w.path + w.message not in once:  # the template's own: said once
                    once.add(w.path + w.message)
                    warnings.warn(
                        str(_in_template(w, builder, source)), VanbanWarning, stacklevel=2
                    )
        problems += _name_problems(doc_name, name, sheet, row, taken)
        if problems:
            merged.failures.append((label, problems))
            continue
        assert doc is not None
        merged.documents[doc_name] = doc
        merged.lines[doc_name] = row.line
    return merged


def _in_template(p: Problem, builder: Any, source: str | None) -> Problem:
    pos = builder.marks.get(p.path) if builder is not None and source is not None else None
    line, col = pos if pos else (None, None)
    return Problem(p.path, p.code, p.message, source, line, col)


def _name_problems(
    doc_name: str, pattern: str | None, sheet: Sheet, row: Row, taken: dict[str, tuple[str, int]]
) -> list[Problem]:
    """The file name of a row's document: not empty, usable, not another row's."""
    names = (_columns_in(pattern) if "{{" in pattern else [pattern]) if pattern else []
    where = ", ".join(_cell_name(n, sheet, row) for n in names)
    prefix = f"{where}: " if where else ""
    try:
        stem = safe_file_name(doc_name)
    except ValueError:
        message = f"{prefix}tên tệp trống hoặc không dùng được ({escape_control(doc_name)!r})"
        return [Problem("", "bad_name", message, sheet.source, row.line)]
    key = stem.casefold()
    if key in taken:
        other, line = taken[key]
        message = f'{prefix}tên tệp "{stem}.docx" trùng với dòng {line} ("{escape_control(other)}")'
        return [Problem("", "name_taken", message, sheet.source, row.line)]
    taken[key] = (doc_name, row.line)
    return []


def _sheet(rows: Iterable[Mapping[str, Any]]) -> Sheet:
    """Rows given in Python (dicts, or a pandas DataFrame): numbered from 1, in a source
    named ``<dữ liệu>`` (``<dữ liệu>:3: …`` is the third row)."""
    records: Iterable[Mapping[str, Any]] = rows
    to_dict = getattr(rows, "to_dict", None)
    if callable(to_dict) and not isinstance(rows, Mapping):
        records = to_dict("records")
    columns: list[str] = []
    out: list[Row] = []
    for line, record in enumerate(records, 1):
        cells = {}
        for k, v in record.items():
            key = _clean(str(k))
            if key not in columns:
                columns.append(key)
            cells[key] = _clean(_cell_text(None if _missing(v) else v))
        out.append(Row(line, cells))
    for row in out:
        for c in columns:
            row.cells.setdefault(c, "")
    return Sheet(tuple(columns), out, "<dữ liệu>")


def _missing(value: Any) -> bool:
    """None, or a spreadsheet's empty cell as pandas gives it (NaN, NaT)."""
    return value is None or (value != value)  # NaN is not equal to itself


def merge(
    template: Document | str | os.PathLike[str],
    rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str],
    *,
    name: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Document]:
    """Mail merge (trộn thư): one document per row of ``rows``, from ``template``.

    ``template`` is a YAML or JSON file (placeholders ``{{tên cột}}`` in any value) or a
    document model (placeholders in its texts). ``rows`` is a .csv or .xlsx file, or rows
    in Python: dicts of column → value, or a pandas DataFrame. Cells are put in as text.
    ``name`` names each document: a column (``"ma_don_vi"``), a pattern of placeholders
    (``"giay-moi-{{ma_don_vi}}"``), or by default the row's number (``0001``, ``0002``…).

    The result maps each name to its document, in row order; give it to
    :meth:`vanban.Renderer.render_many` to write the files. Every problem of every row is
    raised at once as :class:`vanban.ValidationError`, each located by the row and the column
    that gave the value (``don-vi.csv:12: date: cột "ngay": …``).

    >>> import vanban
    >>> from vanban._skeleton import skeleton
    >>> doc = vanban.loads(skeleton("giay_moi")).model_copy(update={"invitee": "{{don_vi}}"})
    >>> rows = [{"ma": "01", "don_vi": "Xã Tân An"}, {"ma": "02", "don_vi": "Xã Tân Phong"}]
    >>> {name: d.invitee for name, d in vanban.merge(doc, rows, name="ma").items()}
    {'01': 'Xã Tân An', '02': 'Xã Tân Phong'}
    """
    sheet = read_rows(rows) if isinstance(rows, (str, os.PathLike)) else _sheet(rows)
    merged = merge_rows(template, sheet, name=name, today=today)
    if merged.failures:
        raise ValidationError([p for _, problems in merged.failures for p in problems])
    return merged.documents

"""Các nhiệm vụ của một văn bản as data: a table for notebooks, CSV, pandas, a calendar.

:func:`tasks` collects every :class:`~vanban.models.blocks.Task` of a document (in prose, in
task tables and their groups, in phụ lục) through the one walker
(:func:`vanban.models.walk.models`) and gives each the number the document prints, read
from the document's layout (:func:`vanban.layout.layout`): "2.1." for a task in prose, "3"
for a row of a task table (numbered anew in each group), ``None`` in a table without a TT
column. There is no second numbering here that could disagree with the document.

The result, a :class:`TaskList`, shows as an HTML table in Jupyter and converts to a pandas
DataFrame (pandas is not a dependency of vanban), to CSV, to plain text and to an iCalendar
file of the deadlines (RFC 5545), one all-day event per task whose deadline is a date.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import importlib
import io
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from vanban import _markup as markup
from vanban.layout.blocks import Block, Role
from vanban.layout.blocks import Table as LaidTable
from vanban.models import walk
from vanban.models.blocks import Table, Task, TaskGroup, TaskPart, TaskTable
from vanban.nd30 import dates

if TYPE_CHECKING:
    from vanban.layout.blocks import Layout
    from vanban.models.common import Document

__all__ = ["TaskList", "TaskRow", "tasks"]


@dataclass(frozen=True, slots=True)
class TaskRow:
    """Một nhiệm vụ: its number as printed, its text and roles as plain text (no markup)."""

    #: Số thứ tự as the document prints it: "1.", "2.3." in prose, "4" in a task table;
    #: ``None`` when the document prints none (a task table without a TT column).
    number: str | None
    #: Nội dung nhiệm vụ, markup removed ("**đậm**" → "đậm", [@id] → "Phụ lục II").
    task: str
    #: Chủ trì.
    leads: tuple[str, ...]
    #: Phối hợp.
    coordinates: tuple[str, ...]
    #: Thời hạn when it is a date, else ``None`` ("thường xuyên", "Quý I/2025").
    deadline: dt.date | None
    #: Thời hạn as text: a date as "30/6/2026", other deadlines as written.
    deadline_text: str | None
    #: Sản phẩm.
    product: tuple[str, ...]
    #: Chỉ đạo, thực hiện.
    directs: tuple[str, ...] = ()
    performs: tuple[str, ...] = ()
    #: The plan's own fields (``extra``: "Ghi chú", "Theo dõi, đôn đốc"), in order.
    extra: tuple[tuple[str, str], ...] = ()
    #: Where the task stands in print: the phụ lục ("Phụ lục 01"), the last mục heading above
    #: it ("II. NHIỆM VỤ"), the group row of its task table ("I. Chuyển đổi số…"); each
    #: ``None`` when there is none.
    appendix: str | None = None
    section: str | None = None
    group: str | None = None
    #: The task's place in the data (YAML path), e.g. "sections[1].content[2]".
    path: str = ""
    #: A stable identifier (the document and the task's place), for calendars.
    uid: str = field(default="", repr=False)

    def where(self) -> str:
        """Phụ lục, mục and nhóm joined: "Phụ lục 01 › I. Chuyển đổi số…" ("" when none)."""
        return " › ".join(p for p in (self.appendix, self.section, self.group) if p)

    def as_dict(self) -> dict[str, Any]:
        """The row as a flat mapping (lists of bodies joined by "; ", extra fields as keys)."""
        out: dict[str, Any] = {
            "number": self.number,
            "task": self.task,
            "leads": _joined(self.leads),
            "coordinates": _joined(self.coordinates),
            "deadline": self.deadline,
            "deadline_text": self.deadline_text,
            "product": _joined(self.product),
            "directs": _joined(self.directs),
            "performs": _joined(self.performs),
        }
        for key, value in self.extra:
            out.setdefault(key, value)
        out.update(appendix=self.appendix, section=self.section, group=self.group, path=self.path)
        return out


def _joined(values: tuple[str, ...]) -> str | None:
    return "; ".join(values) if values else None


#: The fields of :meth:`TaskRow.as_dict` before the extra fields, and after them.
_LEADING = (
    "number",
    "task",
    "leads",
    "coordinates",
    "deadline",
    "deadline_text",
    "product",
    "directs",
    "performs",
)
_TRAILING = ("appendix", "section", "group", "path")

#: The columns of the HTML and plain-text views: field, Vietnamese heading, width in the text.
#: Số and Nhiệm vụ always; the others when some task has them, then the plan's own fields.
_VIEW = (
    ("number", "Số", 6),
    ("task", "Nhiệm vụ", 40),
    ("directs", "Chỉ đạo", 18),
    ("leads", "Chủ trì", 18),
    ("performs", "Thực hiện", 18),
    ("coordinates", "Phối hợp", 18),
    ("deadline_text", "Thời hạn", 14),
    ("product", "Sản phẩm", 18),
)
_ALWAYS = ("number", "task")

#: The Vietnamese column names of :meth:`TaskList.to_dataframe`, by field.
_VIETNAMESE = {
    "number": "Số",
    "task": "Nhiệm vụ",
    "leads": "Chủ trì",
    "coordinates": "Phối hợp",
    "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (như văn bản ghi)",
    "product": "Sản phẩm",
    "directs": "Chỉ đạo",
    "performs": "Thực hiện",
    "appendix": "Phụ lục",
    "section": "Mục",
    "group": "Nhóm",
    "path": "Vị trí trong dữ liệu",
}


def _vietnamese_names(columns: list[str]) -> dict[str, str]:
    """Each column's Vietnamese name; a plan's own field keeps its name, and one named like a
    column of vanban ("Thời hạn") is told apart by a mark: "Thời hạn (trường riêng)".

    >>> _vietnamese_names(["number", "Ghi chú", "Số"])
    {'number': 'Số', 'Ghi chú': 'Ghi chú', 'Số': 'Số (trường riêng)'}
    """
    taken = {_VIETNAMESE[c] for c in columns if c in _VIETNAMESE}
    return {c: _VIETNAMESE.get(c) or (f"{c} (trường riêng)" if c in taken else c) for c in columns}


@dataclass(frozen=True, slots=True)
class _Column:
    """A column of a view: a field of :class:`TaskRow` or (``extra``) a key of its extra."""

    name: str
    heading: str
    width: int
    extra: bool = False

    def cell(self, row: TaskRow) -> str:
        value: Any = dict(row.extra).get(self.name) if self.extra else getattr(row, self.name)
        if isinstance(value, tuple):
            return "\n".join(value)
        return value or ""


class TaskList(Sequence[TaskRow]):
    """The tasks of a document, in reading order: a sequence of :class:`TaskRow`.

    In Jupyter it shows as a table; :meth:`to_dataframe`, :meth:`to_csv`, :meth:`to_text`
    and :meth:`deadlines_ics` convert it. A slice is a :class:`TaskList` of the same document.
    """

    def __init__(
        self, rows: Sequence[TaskRow], *, name: str = "", stamp: dt.date | None = None
    ) -> None:
        self._rows = tuple(rows)
        #: The document's name ("Kế hoạch số 118/KH-SCT: …"), the calendar's name.
        self.name = name
        #: The date every calendar entry is stamped with (DTSTAMP): the document's date, so
        #: the same document always gives the same calendar.
        self.stamp = stamp or _FIXED_STAMP

    @overload
    def __getitem__(self, index: int) -> TaskRow: ...
    @overload
    def __getitem__(self, index: slice) -> TaskList: ...
    def __getitem__(self, index: int | slice) -> TaskRow | TaskList:
        if isinstance(index, slice):
            return TaskList(self._rows[index], name=self.name, stamp=self.stamp)
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[TaskRow]:
        return iter(self._rows)

    def __repr__(self) -> str:
        dated = sum(1 for r in self._rows if r.deadline is not None)
        return f"<TaskList: {len(self._rows)} nhiệm vụ, {dated} có thời hạn là ngày>"

    def __str__(self) -> str:
        return self.to_text()

    def columns(self) -> list[str]:
        """The columns of :meth:`to_csv` and :meth:`to_dataframe`, extra fields included."""
        extra: dict[str, None] = {}
        for row in self._rows:
            for key, _ in row.extra:
                if key not in _LEADING and key not in _TRAILING:
                    extra.setdefault(key)
        return [*_LEADING, *extra, *_TRAILING]

    def records(self) -> list[dict[str, Any]]:
        """One mapping per task with every column (missing extra fields as ``None``)."""
        cols = self.columns()
        return [{c: d.get(c) for c in cols} for d in (r.as_dict() for r in self._rows)]

    def to_dataframe(self, *, english: bool = False) -> Any:
        """A pandas DataFrame, one row per task, for filtering and sorting in a notebook.

        Columns are named in Vietnamese (Số, Nhiệm vụ, Chủ trì, Phối hợp, Thời hạn…; the
        plan's own fields by their names), or by the keys of :meth:`columns` with
        ``english=True``. "Thời hạn" (``deadline``) holds dates (``datetime64``: ``.dt.month``,
        comparisons with ``"2026-09-30"``), "Thời hạn (như văn bản ghi)" the deadline as
        printed ("30/6/2026", "Quý IV/2026"). An empty cell is pandas' missing value: ``pd.NA``
        in a text column, ``NaT`` in the date column, found alike by ``isna()``.
        pandas is not a dependency of vanban: install it to use this."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError:
            raise ModuleNotFoundError(
                "to_dataframe() cần thư viện pandas nhưng pandas chưa được cài đặt "
                "(pandas không phải phụ thuộc của vanban): cài bằng `pip install pandas`, "
                "hoặc dùng to_csv() hay records()",
                name="pandas",
            ) from None
        cols = self.columns()
        frame = pd.DataFrame.from_records(self.records(), columns=cols)
        kinds = {c: "string" for c in cols if c != "deadline"}
        frame = frame.astype(kinds)
        frame["deadline"] = pd.to_datetime(frame["deadline"])
        return frame if english else frame.rename(columns=_vietnamese_names(cols))

    def to_csv(self) -> str:
        """CSV text (RFC 4180, "\\r\\n" line ends), a header row of field names, a date
        deadline as 2026-06-30. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
        a CR starts with a single quote (``'=1+1``), so that a spreadsheet shows it as text
        and never evaluates it (OWASP: CSV injection)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        cols = self.columns()
        writer.writerow(cols)
        for rec in self.records():
            writer.writerow(["" if rec[c] is None else _csv_value(rec[c]) for c in cols])
        return out.getvalue()

    def _view(self) -> list[_Column]:
        """Số, Nhiệm vụ, the roles, Thời hạn, Sản phẩm that some task has, the extra fields."""
        cols = [
            _Column(name, heading, width)
            for name, heading, width in _VIEW
            if name in _ALWAYS or any(getattr(r, name) for r in self._rows)
        ]
        keys: dict[str, None] = {}
        for row in self._rows:
            for key, _ in row.extra:
                keys.setdefault(key)
        return cols + [_Column(key, key, 18, extra=True) for key in keys]

    def to_text(self) -> str:
        """A plain-text table (Số, Nhiệm vụ, Chủ trì, Phối hợp, Thời hạn, Sản phẩm…, the
        columns some task fills), long cells wrapped, a line "[Phụ lục › mục › nhóm]" where
        that changes."""
        view = self._view()
        widths = [c.width for c in view]
        lines = [_text_row([c.heading for c in view], widths)]
        lines.append("-+-".join("-" * w for w in widths))
        where = ""
        for row in self._rows:
            if row.where() != where:
                where = row.where()
                lines.append(f"[{where}]" if where else "")
            lines.append(_text_row([c.cell(row) for c in view], widths))
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter; every text is escaped."""
        view = self._view()
        head = "".join(f"<th>{html.escape(c.heading)}</th>" for c in view)
        body = []
        where = ""
        for row in self._rows:
            if row.where() != where:
                where = row.where()
                body.append(
                    f'<tr><th colspan="{len(view)}" style="text-align:left">'
                    f"{html.escape(where)}</th></tr>"
                )
            cells = "".join(
                f"<td>{html.escape(c.cell(row)).replace(chr(10), '<br>')}</td>" for c in view
            )
            body.append(f"<tr>{cells}</tr>")
        caption = f"<caption>{html.escape(self.name)}</caption>" if self.name else ""
        return (
            f'<table class="vanban-tasks">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def deadlines_ics(self) -> str:
        """The deadlines as an iCalendar file (RFC 5545): one all-day event (DTSTART on the
        deadline, DTEND the day after) per task whose deadline is a date. Lines end with
        CRLF and are folded at 75 octets; the same tasks always give the same text."""
        from vanban import __version__

        stamp = f"{self.stamp:%Y%m%d}T000000Z"
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:-//vanban//vanban {__version__}//VI",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        if self.name:
            lines.append("X-WR-CALNAME:" + ics_text(self.name))
        for row in self._rows:
            if row.deadline is None:
                continue
            description = [
                f"{label}: {value}"
                for label, value in (
                    ("Số", row.number),
                    ("Chủ trì", _joined(row.leads)),
                    ("Thực hiện", _joined(row.performs)),
                    ("Phối hợp", _joined(row.coordinates)),
                    ("Sản phẩm", _joined(row.product)),
                    ("Thời hạn", row.deadline_text),
                    ("Thuộc", row.where() or None),
                    ("Văn bản", self.name or None),
                )
                if value
            ]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{row.uid}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{row.deadline:%Y%m%d}",
                f"DTEND;VALUE=DATE:{row.deadline + dt.timedelta(days=1):%Y%m%d}",
                "SUMMARY:" + ics_text(row.task),
                "DESCRIPTION:" + ics_text("\n".join(description)),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "".join(fold(line) + "\r\n" for line in lines)


#: DTSTAMP of a document without a full date (a fixed instant keeps the output reproducible).
_FIXED_STAMP = dt.date(2000, 1, 1)


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> str:
    """A cell as text; a text a spreadsheet would evaluate (``=HYPERLINK(…)``, ``+1``,
    ``-2``, ``@SUM``, a leading tab or CR) gets a single quote in front, the OWASP rule:
    Excel and LibreOffice show it as typed instead of running it.

    >>> print(_csv_value('=HYPERLINK("http://x")'))
    '=HYPERLINK("http://x")
    >>> _csv_value("Sở Y tế"), _csv_value(dt.date(2026, 6, 30))
    ('Sở Y tế', '2026-06-30')
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _text_row(cells: list[str], widths: list[int]) -> str:
    wrapped = [
        [line for para in (c.split("\n") or [""]) for line in (textwrap.wrap(para, w) or [""])]
        for c, w in zip(cells, widths, strict=True)
    ]
    height = max(len(w) for w in wrapped)
    out = []
    for i in range(height):
        parts = [
            (w[i] if i < len(w) else "").ljust(n) for w, n in zip(wrapped, widths, strict=True)
        ]
        out.append(" | ".join(parts).rstrip())
    return "\n".join(out)


def ics_text(value: str) -> str:
    r"""A TEXT value of iCalendar (RFC 5545, 3.3.11): ``\``, ``;``, ``,`` escaped, a newline
    as ``\n``.

    >>> ics_text('Họp; bàn, "chốt"\nC:\\tmp')
    'Họp\\; bàn\\, "chốt"\\nC:\\\\tmp'
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets of UTF-8 (RFC 5545, 3.1): a continuation
    starts with a space, and no character is cut in two.

    >>> fold("SUMMARY:" + "ệ" * 30)
    'SUMMARY:ệệệệệệệệệệệệệệệệệệệệệệ\\r\\n ệệệệệệệệ'
    """
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        room = limit if not out else limit - 1  # a continuation line starts with a space
        if size + n > room:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


# ---------------------------------------------------------------------------------------------
# Collecting the tasks


#: The order in which the layout reads a body's lists of blocks: its khoản before its mục,
#: then what comes after them (layout/text_document.py, layout/appendix.py ``appendices``); the
#: phụ lục come after the document's own body.
_BODY_ORDER = ("content", "sections", "end")
_FIELD = re.compile(r"^([A-Za-z_]+)(?:\[(\d+)\])?")


def _reading_key(path: str) -> tuple[int, int, int]:
    """Where a path stands in reading order, at the level of the body's lists (the walker
    goes by field order, which puts a document's mục before its khoản)."""

    def rank(name: str) -> int:
        return _BODY_ORDER.index(name) if name in _BODY_ORDER else len(_BODY_ORDER)

    m = _FIELD.match(path)
    if m is None:
        return (0, 0, 0)
    if m.group(1) == "appendices" and m.group(2) is not None:
        inner = _FIELD.match(path[m.end() + 1 :])
        return (len(_BODY_ORDER) + 1, int(m.group(2)), rank(inner.group(1)) if inner else 0)
    return (rank(m.group(1)), 0, 0)


def _in_reading_order(found: Iterator[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(found, key=lambda pv: _reading_key(pv[0]))  # stable: the walker's order within


@dataclass(frozen=True, slots=True)
class _Slot:
    """A task's place in the laid-out document: its printed number and what it stands under."""

    number: str | None
    appendix: str | None
    section: str | None
    group: str | None = None


def _slots(lay: Layout, tables: list[Table | TaskTable]) -> tuple[list[_Slot], list[_Slot]]:
    """The printed places of prose tasks and of task-table tasks, each in reading order.

    ``tables`` are the document's tables in reading order: the layout's tables, in the same
    order, are theirs."""
    prose: list[_Slot] = []
    table_slots: list[_Slot] = []
    laid = [item for item in lay.items() if isinstance(item, LaidTable)]
    if len(laid) != len(tables):
        raise RuntimeError(f"vanban: bố cục có {len(laid)} bảng, dữ liệu có {len(tables)}")
    appendix: str | None = None
    section: str | None = None
    k = 0
    for item in lay.items():
        if isinstance(item, LaidTable):
            model = tables[k]
            k += 1
            if isinstance(model, TaskTable):
                table_slots += _table_slots(item, model, appendix, section)
            continue
        if item.role is Role.APPENDIX_LABEL:
            appendix, section = item.text, None
        elif item.role is Role.HEADING1:
            section = item.text
        elif item.role is Role.TASK:
            prose.append(_Slot(_label(item), appendix, section))
    return prose, table_slots


def _label(block: Block) -> str | None:
    """The number a task paragraph starts with ("2.1." of "2.1. Rà soát …")."""
    first = block.inlines[0] if block.inlines else None
    text = getattr(first, "text", "")
    return text.strip() or None


def _table_slots(
    laid: LaidTable, model: TaskTable, appendix: str | None, section: str | None
) -> list[_Slot]:
    """A task table's rows, read from the layout: the group rows name the groups, the TT
    column gives the numbers; the further rows of a task on several rows (``split`` or
    ``rows``) are skipped: :func:`tasks` gives each part of ``rows`` its own row."""
    from vanban.layout.tables import task_row_count

    names = [c.field for c in model.columns]
    column = names.index("number") if "number" in names else None
    rows = [r for r in laid.rows if not r.header]
    out: list[_Slot] = []
    i = 0
    groups: list[TaskGroup | None] = [*model.groups] or [None]
    for group in groups:
        title: str | None = None
        if group is not None:
            texts = [" ".join(p.text for p in c.paras) for c in rows[i].cells]
            title = ". ".join(t for t in texts if t)
            i += 1
        for task in group.tasks if group is not None else model.tasks:
            row = rows[i]
            i += task_row_count(task, names)
            number = None
            if column is not None:
                start = 0
                for cell in row.cells:
                    if start == column:
                        number = " ".join(p.text for p in cell.paras).strip() or None
                        break
                    start += cell.span
            out.append(_Slot(number, appendix, section, title))
    return out


def _plain(text: str, refs: dict[str, str]) -> str:
    """User text without markup: emphasis dropped, footnote marks left out, [@id] as the
    label of the phụ lục it names."""
    parts = []
    for x in markup.parse(text):
        if isinstance(x, markup.Ref):
            parts.append(refs.get(x.name, x.name))
        else:
            parts.append(markup.plain([x]))
    return "".join(parts)


def _values(value: str | list[str] | None, refs: dict[str, str]) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(_plain(v, refs) for v in items)


def _document_name(doc: Document) -> str:
    """ "Kế hoạch số 118/KH-SCT: Chuyển đổi số …", as a calendar names the document."""
    number = f"{doc.number}/" if doc.number else ""
    title = " ".join(doc.title.split())
    return f"{doc.type_info.name.capitalize()} số {number}{doc.symbol_text}: {title}"


def tasks(doc: Document) -> TaskList:
    """Every task of ``doc``, in reading order, numbered as the document prints them."""
    from vanban.layout import layout
    from vanban.layout.appendix import appendix_labels

    appendices = getattr(doc, "appendices", [])
    refs = {a.id: label for a, label in zip(appendices, appendix_labels(doc), strict=True) if a.id}
    found = _in_reading_order(walk.models(doc, Task))
    tables = _in_reading_order(walk.models(doc, (Table, TaskTable)))
    prose_slots, table_slots = _slots(layout(doc), [v for _, v in tables])
    table_paths = tuple(p + "." for p, v in tables if isinstance(v, TaskTable))
    in_tables = (
        [p.startswith(table_paths) for p, _ in found] if table_paths else [False] * len(found)
    )
    if in_tables.count(False) != len(prose_slots) or in_tables.count(True) != len(table_slots):
        raise RuntimeError(
            f"vanban: bố cục in {len(prose_slots)} + {len(table_slots)} nhiệm vụ, "
            f"dữ liệu có {in_tables.count(False)} + {in_tables.count(True)}"
        )
    prose, table = iter(prose_slots), iter(table_slots)
    name = _document_name(doc)
    identity = "\x1f".join(
        [doc.issuer.name, str(doc.number or ""), doc.symbol_text, str(doc.date or ""), doc.title]
    )
    rows = []
    for (path, task), in_table in zip(found, in_tables, strict=True):
        slot = next(table) if in_table else next(prose)
        if task.rows:  # a task on several rows: one row each, with its own fields
            for r, part in enumerate(task.rows):
                rows.append(_row(_as_task(task, part), f"{path}.rows[{r}]", slot, refs, identity))
        else:
            rows.append(_row(task, path, slot, refs, identity))
    stamp = doc.date.earliest if doc.date is not None else None
    return TaskList(rows, name=name, stamp=stamp)


def _as_task(task: Task, part: TaskPart) -> Task:
    """One row of a multi-row task as a task of its own: the row's fields, else the task's."""
    fields = ("deadline", "directs", "leads", "performs", "coordinates", "product")
    changes: dict[str, Any] = {k: task.part_value(part, k) for k in fields}
    changes["extra"] = {**task.extra, **part.extra}
    changes["rows"] = []
    return task.model_copy(update=changes)


def _row(task: Task, path: str, slot: _Slot, refs: dict[str, str], identity: str) -> TaskRow:
    deadline = task.deadline
    if isinstance(deadline, dt.date):
        date: dt.date | None = deadline
        deadline_text: str | None = dates.short_date(deadline)
    else:
        date, deadline_text = None, _plain(deadline, refs) if deadline is not None else None
    digest = hashlib.sha256(f"{identity}\x1f{path}".encode()).hexdigest()[:32]
    return TaskRow(
        number=slot.number,
        task=_plain(task.task, refs),
        leads=_values(task.leads, refs),
        coordinates=_values(task.coordinates, refs),
        deadline=date,
        deadline_text=deadline_text,
        product=_values(task.product, refs),
        directs=_values(task.directs, refs),
        performs=_values(task.performs, refs),
        extra=tuple((k, "; ".join(_values(v, refs))) for k, v in task.extra.items()),
        appendix=slot.appendix,
        section=slot.section,
        group=slot.group,
        path=path,
        uid=f"{digest}@vanban",
    )

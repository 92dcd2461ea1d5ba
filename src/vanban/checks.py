"""Checks of meaning that a field-by-field validation cannot make (documented in docs/).

Errors (the document is not rendered):

- ``unknown_footnote``: text refers to ``[^name]`` and ``footnotes`` has no such name;
- ``deadline_before_date``: a task's deadline is before the plan's own date.

Warnings (rendered, with a :class:`~vanban.errors.VanbanWarning`):

- ``date_far_ahead``: the date is more than a year after today (``today`` is injectable);
- ``symbol_mismatch``: the ký hiệu does not end with the issuer's abbreviation;
- ``archive_added``: there is no ``archive`` (Lưu) entry; "Lưu: VT." is written;
- ``unused_footnote``: a footnote text that no text refers to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from vanban import markup
from vanban.errors import Problem
from vanban.models.blocks import Item, Letters, Task
from vanban.models.common import Document

#: How far ahead a date may be before it is probably a typing mistake.
FAR_AHEAD = dt.timedelta(days=366)


def _tasks(blocks: list, path: str) -> Iterator[tuple[str, Task]]:
    for i, block in enumerate(blocks):
        p = f"{path}[{i}]"
        if isinstance(block, Task):
            yield p, block
        elif isinstance(block, Item):
            yield from _tasks(block.content, f"{p}.content")
        elif isinstance(block, Letters):
            for j, letter in enumerate(block.letters):
                yield from _tasks(letter.content, f"{p}.letters[{j}].content")


def check_document(
    doc: Document, *, today: dt.date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Return ``(errors, warnings)`` for ``doc``; ``today`` defaults to the system date."""
    errors: list[Problem] = []
    warns: list[Problem] = []
    today = today or dt.date.today()

    used: set[str] = set()
    for path, value in doc.texts():
        for name in markup.footnote_names(value):
            used.add(name)
            if name not in doc.footnotes:
                errors.append(Problem(path, "unknown_footnote",
                    f"chú thích [^{name}] chưa có nội dung trong footnotes"))  # fmt: skip
    for name in doc.footnotes:
        if name not in used:
            warns.append(Problem(f"footnotes.{name}", "unused_footnote",
                f"chú thích {name!r} không được dẫn ở đâu (cần [^{name}] trong văn bản)"))  # fmt: skip

    if doc.date is not None:
        start = doc.date.earliest
        if start - today > FAR_AHEAD:
            warns.append(Problem("date", "date_far_ahead",
                f"ngày ban hành {start.isoformat()} cách hôm nay hơn một năm"))  # fmt: skip
        for i, section in enumerate(getattr(doc, "sections", [])):
            for path, task in _tasks(section.content, f"sections[{i}].content"):
                if isinstance(task.deadline, dt.date) and task.deadline < start:
                    errors.append(Problem(f"{path}.deadline", "deadline_before_date",
                        f"thời hạn {task.deadline.isoformat()} trước ngày ban hành kế hoạch "
                        f"({start.isoformat()})"))  # fmt: skip

    abbr = doc.issuer.abbreviation
    if doc.symbol and abbr and not doc.symbol.upper().endswith(abbr.upper()):
        warns.append(Problem("symbol", "symbol_mismatch",
            f'ký hiệu "{doc.symbol}" không kết thúc bằng chữ viết tắt của cơ quan "{abbr}"'))  # fmt: skip
    if doc.archive is None:
        warns.append(Problem("archive", "archive_added",
            'thiếu dòng "Lưu" (archive); đã thêm "Lưu: VT."'))  # fmt: skip
    return errors, warns

"""Checks of meaning that a field-by-field validation cannot make.

Every problem is a :class:`~vanban.errors.Problem` with the field path; the loader adds the
file, line and column. What is checked, and where:

Errors of the fields (the models, :mod:`vanban.models`; reported by the loader, all at once):

- ``greater_than_equal`` on ``number``: a number below 1 (``number: 0``, ``number: -3``);
- ``bad_signer`` on ``signer``: an impossible combination of authority and titles, e.g.
  KT. without the deputy's ``title``, TM. without the ``collective`` (:mod:`vanban.nd30.signer`);
- ``bad_authority``: an authority that is not TM, KT, Q, TL or TUQ;
- ``too_short`` on ``sections`` and on a section's ``content``: nothing in it;
- ``empty_item``: a khoản or điểm with no title, text or content;
- ``bad_date``: a date that is not in the calendar (``2025-02-30``, ``2025-13-01``).

Errors of meaning (here; the document is not rendered):

- ``unknown_footnote``: text refers to ``[^name]`` and ``footnotes`` has no such name;
- ``deadline_before_date``: a task's deadline is before the plan's own date (the first day
  the date can stand for when it is partial).

Warnings (rendered, with a :class:`~vanban.errors.VanbanWarning`):

- ``date_far_ahead``: the date is more than a year after today (``today`` is injectable:
  ``load(..., today=)``, ``render(..., today=)``);
- ``symbol_mismatch``: the ký hiệu does not end with the issuer's abbreviation;
- ``archive_added``: there is no ``archive`` (Lưu) entry, so the recipients have no Lưu
  line; "Lưu: VT." is written;
- ``unused_footnote``: a footnote text that no text refers to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from vanban import markup
from vanban.errors import Problem
from vanban.models.blocks import Item, Letters, Task
from vanban.models.common import Document

#: How far ahead a date may be before it is probably a typing mistake (kept for callers;
#: the check itself compares with the same day a year later, see :func:`one_year_after`).
FAR_AHEAD = dt.timedelta(days=366)


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later (29 February becomes 28 February).

    >>> one_year_after(dt.date(2025, 12, 31)), one_year_after(dt.date(2024, 2, 29))
    (datetime.date(2026, 12, 31), datetime.date(2025, 2, 28))
    """
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


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
    texts = doc.texts()
    for i, r in enumerate(doc.recipients):  # rendered with markup too (ô 9b)
        texts.append((f"recipients[{i}].name", r.name))
        if r.purpose:
            texts.append((f"recipients[{i}].purpose", r.purpose))
    for path, value in texts:
        for name in markup.footnote_names(value):
            used.add(name)
            if name not in doc.footnotes:
                errors.append(
                    Problem(
                        path,
                        "unknown_footnote",
                        f"chú thích [^{name}] chưa có nội dung trong footnotes",
                    )
                )
    for name in doc.footnotes:
        if name not in used:
            message = f"chú thích {name!r} không được dẫn ở đâu (cần [^{name}] trong văn bản)"
            warns.append(Problem(f"footnotes.{name}", "unused_footnote", message))

    if doc.date is not None:
        start = doc.date.earliest
        if start > one_year_after(today):
            warns.append(
                Problem(
                    "date",
                    "date_far_ahead",
                    f"ngày ban hành {start.isoformat()} cách hôm nay hơn một năm",
                )
            )
        for i, section in enumerate(getattr(doc, "sections", [])):
            for path, task in _tasks(section.content, f"sections[{i}].content"):
                if isinstance(task.deadline, dt.date) and task.deadline < start:
                    errors.append(
                        Problem(
                            f"{path}.deadline",
                            "deadline_before_date",
                            f"thời hạn {task.deadline.isoformat()} trước ngày ban hành kế hoạch "
                            f"({start.isoformat()})",
                        )
                    )

    abbr = doc.issuer.abbreviation
    if doc.symbol and abbr and not doc.symbol.upper().endswith(abbr.upper()):
        message = f'ký hiệu "{doc.symbol}" không kết thúc bằng chữ viết tắt của cơ quan "{abbr}"'
        warns.append(Problem("symbol", "symbol_mismatch", message))
    if doc.archive is None:
        warns.append(
            Problem("archive", "archive_added", 'thiếu dòng "Lưu" (archive); đã thêm "Lưu: VT."')
        )
    return errors, warns

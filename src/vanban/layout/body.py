"""Layout of the body blocks every document type shares: paragraphs, khoản, điểm, bullets,
tasks, duties, aligned paragraphs, page breaks, tables and task tables.

Numbering (Phụ lục I, Mục II, 6.c–đ): khoản are "1.", "1.1.", "1.1.1." by depth; điểm
are a), b), c), đ)…; numbered blocks under a điểm continue the numbering of their khoản (a
khoản "1." with điểm a) holding two tasks and điểm b) holding one numbers them 1.1., 1.2.,
1.3.), so no number repeats within a khoản.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from vanban import _cleaning as _text
from vanban._markup import Span, plain, tuple_new
from vanban.layout import tables
from vanban.layout.blocks import Block, BodyItem, Inline, NoteRef, PageBreakMark, Role
from vanban.models import blocks as m
from vanban.nd30 import dates, numbering
from vanban.nd30.text import split_end_mark, with_end_mark

#: Markers of "-" lists by depth; deeper levels repeat the last (Phụ lục I has no rule).
BULLET_MARKS = ("-", "+")
#: The task role lines and their default labels, in the order the reference plans use them.
TASK_ROLES = (
    ("directs", "Chỉ đạo"),
    ("leads", "Chủ trì"),
    ("performs", "Thực hiện"),
    ("coordinates", "Phối hợp"),
    ("product", "Sản phẩm"),
)
DEADLINE_LABEL = "Thời gian thực hiện"
#: Paragraph roles by alignment.
ALIGNED = {
    "left": Role.PARAGRAPH_LEFT,
    "center": Role.PARAGRAPH_CENTER,
    "right": Role.PARAGRAPH_RIGHT,
    "justify": Role.PARAGRAPH,
}

Inliner = Callable[..., list[Inline]]

#: The Roman numeral of a mục, made once per number.
_roman = functools.cache(numbering.roman)


def deadline_text(deadline: dt.date | str, *, inline: bool) -> str:
    """How a deadline reads: a date as "trước ngày 30/11/2024", text as written.

    Inline (after the task, in parentheses) a date reads "hoàn thành trước ngày …".

    >>> deadline_text(dt.date(2025, 4, 5), inline=True)
    'hoàn thành trước ngày 05/4/2025'
    >>> deadline_text("thường xuyên", inline=False)
    'thường xuyên'
    """
    if isinstance(deadline, dt.date):
        text = f"trước ngày {dates.short_date(deadline)}"
        return f"hoàn thành {text}" if inline else text
    return deadline


def joined(value: str | list[str]) -> str:
    """Several bodies in prose: joined by ", ".

    >>> joined(["Sở Tài chính", "Sở Nội vụ"]), joined("Sở Y tế")
    ('Sở Tài chính, Sở Nội vụ', 'Sở Y tế')
    """
    return ", ".join(value) if isinstance(value, list) else value


class Body:
    """Lays out a list of blocks into paragraphs and tables.

    ``width`` is the text width (twips) tables span; ``task_style`` and ``task_labels``
    are the document's choices for tasks in prose.
    """

    def __init__(
        self,
        inl: Inliner,
        width: int,
        *,
        task_style: str = "inline",
        task_labels: dict[str, str] | None = None,
    ) -> None:
        self.inl = inl
        self.width = width
        self.task_style = task_style
        self.labels = task_labels or {}
        self.out: list[BodyItem] = []

    def add(self, role: Role, inlines: list[Inline], *, keep: bool = False) -> None:
        """Add a paragraph; one that ends with ":" leads into the next and is kept with it."""
        keep = keep or leads_in(inlines)
        self.out.append(tuple_new(Block, (role, tuple(inlines), keep)))

    def lead_in(self) -> None:
        """Keep the last paragraph laid out with the next: it leads into what follows it (a
        heading, an item whose điểm or bullets follow)."""
        block = self.out[-1]
        if isinstance(block, Block) and not block.keep:
            self.out[-1] = tuple_new(Block, (block.role, block.inlines, True))

    def paragraphs(self, text: str, role: Role = Role.PARAGRAPH) -> None:
        for para in _text.paragraphs(text):
            self.add(role, self.inl(para))

    def blocks(self, blocks: list[Any], path: tuple[int, ...], start: int = 0) -> int:
        """Lay out ``blocks`` numbered under ``path``, the first number after ``start``;
        return the last number given."""
        n = start
        for block in blocks:
            if type(block) is m.Task:  # the most frequent block of a plan: straight to it
                n += 1
                self.task(block.number or numbering.decimal_label((*path, n)), block)
                continue
            if isinstance(block, str):
                self.paragraphs(block)
                continue
            if isinstance(block, m.Bullets):
                self.bullets(block.bullets, 0)
                continue
            if isinstance(block, m.Letters):
                n = self.letters(block, path, n)
                continue
            if isinstance(block, m.Paragraph):
                self.paragraphs(block.text, ALIGNED[block.align])
                continue
            if isinstance(block, m.PageBreak):
                self.add(Role.PAGE_BREAK, [PageBreakMark()])
                continue
            if isinstance(block, m.Table):
                table = tables.table(block, self.inl, self.width)
                table.split_rows = block.split_rows
                self.out.append(table)
                self.add(Role.TABLE_AFTER, [])
                continue
            if isinstance(block, m.TaskTable):
                table = tables.task_table(block, self.inl, self.width, self.labels)
                table.split_rows = block.split_rows
                self.out.append(table)
                self.add(Role.TABLE_AFTER, [])
                continue
            n += 1
            label = numbering.decimal_label((*path, n))
            if isinstance(block, m.Item):
                self.item(label, block.title, block.text, leads=bool(block.content))
                self.blocks(block.content, (*path, n))
            elif isinstance(block, m.Duties):
                self.add(
                    Role.ITEM_HEADING,
                    [
                        tuple_new(Span, (f"{label} ", True, False, None)),
                        *self.inl(block.body, bold=True),
                    ],
                    keep=bool(block.duties),
                )
                self.bullets(block.duties, 0)
        return n

    def sections(self, sections: list[m.Section]) -> None:
        """Mục "I. TITLE" (UPPERCASE, Phụ lục I, II.6) and their content, numbered anew."""
        for i, section in enumerate(sections, 1):
            title = self.inl(section.title, upper=True)
            self.add(
                Role.HEADING1, [tuple_new(Span, (f"{_roman(i)}. ", False, False, None)), *title]
            )
            self.blocks(section.content, ())

    def item(self, label: str, title: str | None, text: str | None, *, leads: bool = False) -> None:
        """A khoản or điểm: "1. Title: text", "1. Title" or "a) text". It is kept with the
        next paragraph when it is a heading (a title alone) or ``leads`` into its content
        (điểm, bullets under it); "Title: text" with nothing under it is a complete
        paragraph and is not kept."""
        if not (title or text):
            return
        self._item(label, title, text)
        if leads or not text:
            self.lead_in()

    def _item(self, label: str, title: str | None, text: str | None) -> None:
        if title:
            heading = self.inl(title, bold=True)
            inl = [tuple_new(Span, (f"{label} ", True, False, None)), *heading]
            if text:  # "a) Sở Tài chính: chủ trì …": a colon unless the title ends its own
                text, joint = title_joint(plain(heading), text)
                inl += [tuple_new(Span, (joint, False, False, None)), *self.inl(text)]
            self.add(Role.ITEM_HEADING, inl)
        elif text:
            first, *rest = _text.paragraphs(text)
            self.add(
                Role.ITEM, [tuple_new(Span, (f"{label} ", False, False, None)), *self.inl(first)]
            )
            for para in rest:
                self.add(Role.PARAGRAPH, self.inl(para))

    def letters(self, block: m.Letters, path: tuple[int, ...], n: int) -> int:
        for i, letter in enumerate(block.letters, 1):
            self.item(
                f"{numbering.vietnamese_letter(i)})",
                letter.title,
                letter.text,
                leads=bool(letter.content),
            )
            n = self.blocks(letter.content, path, n)
        return n

    def bullets(self, items: list[m.Bullet], depth: int) -> None:
        mark = BULLET_MARKS[min(depth, len(BULLET_MARKS) - 1)]
        role = Role.BULLET if depth == 0 else Role.SUB_BULLET
        for b in items:
            first, *rest = _text.paragraphs(b.text)
            own, first = typed_mark(first, mark)
            self.add(role, [tuple_new(Span, (f"{own} ", False, False, None)), *self.inl(first)])
            for para in rest:
                self.add(Role.PARAGRAPH, self.inl(para))
            if b.bullets:
                self.lead_in()
                self.bullets(b.bullets, depth + 1)

    def _with_deadline(self, inlines: list[Inline], deadline: dt.date | str) -> list[Inline]:
        closing = _strip_final_period(inlines)
        text = deadline_text(deadline, inline=True)
        return [
            *inlines,
            tuple_new(Span, (" (", False, False, None)),
            tuple_new(Span, (text, False, True, None)),
            tuple_new(Span, (")" + closing, False, False, None)),
        ]

    def task(self, label: str, task: m.Task) -> None:
        first, *rest = _text.paragraphs(task.task)
        inlines: list[Inline] = [
            tuple_new(Span, (f"{label} ", False, False, None)),
            *self.inl(first),
        ]
        inline_deadline = self.task_style == "inline" and task.deadline is not None
        if inline_deadline and not rest:
            assert task.deadline is not None
            inlines = self._with_deadline(inlines, task.deadline)
        self.add(Role.TASK, inlines)
        for para in rest:
            self.add(Role.PARAGRAPH, self.inl(para))
        if inline_deadline and rest:
            assert task.deadline is not None
            last = self.out[-1]
            assert isinstance(last, Block)
            self.out[-1] = Block(
                last.role, tuple(self._with_deadline(list(last.inlines), task.deadline))
            )
        for key, name in TASK_ROLES:
            value = getattr(task, key)
            if value:
                label = self.labels.get(key, name)
                head = tuple_new(Span, (f"- {label}: ", False, False, None))
                self.add(Role.TASK_DETAIL, [head, *self.inl(joined(value))])
        if task.deadline is not None and not inline_deadline:
            label = self.labels.get("deadline", DEADLINE_LABEL)
            text = deadline_text(task.deadline, inline=False)
            self.add(Role.TASK_DETAIL, [Span(f"- {label}: {text}")])
        for key, value in task.extra.items():
            label = self.labels.get(key, key)
            self.add(Role.TASK_DETAIL, [Span(f"- {label}: "), *self.inl(joined(value))])
        for part in task.rows:
            self.task_part(part)

    def task_part(self, part: m.TaskPart) -> None:
        """A row of a multi-row task in prose: "- Sản phẩm: …; Chủ trì: …; Thời gian thực
        hiện: …", its own fields in the order of the task's lines."""
        pieces: list[list[Inline]] = []
        for key, name in (("product", "Sản phẩm"), *(r for r in TASK_ROLES if r[0] != "product")):
            value = getattr(part, key)
            if value:
                pieces.append([Span(f"{self.labels.get(key, name)}: "), *self.inl(joined(value))])
        if part.deadline is not None:
            label = self.labels.get("deadline", DEADLINE_LABEL)
            pieces.append([Span(f"{label}: {deadline_text(part.deadline, inline=False)}")])
        for key, value in part.extra.items():
            pieces.append([Span(f"{self.labels.get(key, key)}: "), *self.inl(joined(value))])
        inlines: list[Inline] = [Span("- ")]
        for i, piece in enumerate(pieces):
            inlines += [Span("; ")] if i else []
            inlines += piece
        if pieces:
            self.add(Role.TASK_DETAIL, inlines)


def leads_in(inlines: list[Inline] | tuple[Inline, ...]) -> bool:
    """Whether a paragraph leads into the next: its text ends with ":" ("… có trách nhiệm:").

    >>> leads_in([Span("Các sở có trách nhiệm:")]), leads_in([Span("Sở A: chủ trì.")])
    (True, False)
    """
    if inlines and type(inlines[-1]) is Span:  # most often: no search (one per paragraph)
        return inlines[-1].text.rstrip().endswith(":")
    i = _last_span(inlines)
    if i is None:
        return False
    span = inlines[i]
    assert isinstance(span, Span)
    return span.text.rstrip().endswith(":")


def typed_mark(text: str, mark: str) -> tuple[str, str]:
    """The mark of a list item and its text: an item typed with its own "+ " or "- " keeps
    that mark, printed once (offices start a list with "+" as often as with "-").

    >>> typed_mark("+ Tuyên truyền", "-"), typed_mark("- Tuyên truyền", "-")
    (('+', 'Tuyên truyền'), ('-', 'Tuyên truyền'))
    >>> typed_mark("Tuyên truyền", "+"), typed_mark("-5 độ", "-")
    (('+', 'Tuyên truyền'), ('-', '-5 độ'))
    """
    if text[:1] in ("+", "-") and text[1:2].isspace():
        return text[0], text[2:].lstrip()
    return mark, text


def title_joint(title: str, text: str) -> tuple[str, str]:
    """The text after a khoản's or điểm's title and what joins them: ": " unless the title
    (as printed, markup read) ends with its own mark or the text starts with its colon; a
    colon on both sides is printed once (``colon_joined`` warns).

    >>> title_joint("Cá nhân", "chủ trì"), title_joint("Cá nhân:", "chủ trì")
    (('chủ trì', ': '), ('chủ trì', ' '))
    >>> title_joint("Cá nhân", ": chủ trì"), title_joint("Cá nhân:", ": chủ trì")
    ((': chủ trì', ''), ('chủ trì', ' '))
    """
    if title.rstrip().endswith((":", ".", "?", "!", ";")):
        if title.rstrip().endswith(":") and text.startswith(":"):
            text = text[1:].lstrip()
        return text, " "
    return text, "" if text.startswith(":") else ": "


def _last_span(inlines: list[Inline] | tuple[Inline, ...]) -> int | None:
    """The index of the last text span, when only footnote marks follow it."""
    for i in range(len(inlines) - 1, -1, -1):
        if isinstance(inlines[i], Span):
            return i
        if not isinstance(inlines[i], NoteRef):
            return None
    return None


def _strip_final_period(inlines: list[Inline]) -> str:
    """Take a final "." or ";" off the text (it moves after the deadline); return it.

    Footnote marks after that text stay where they are: "việc A¹ (hoàn thành …)."
    """
    i = _last_span(inlines)
    if i is not None:
        span = inlines[i]
        assert isinstance(span, Span)
        stripped = span.text.rstrip()
        if stripped[-1:] in (".", ";"):
            inlines[i] = tuple_new(Span, (stripped[:-1], *span[1:]))  # span._replace(text=…)
            return stripped[-1]
    return "."


def end_marked(block: Block) -> Block:
    """Close the block with "./." (after any footnote marks that end it).

    The mark is upright and regular whatever the text before it: after a closing written
    ``***…***`` it is a run of its own, not bold and not italic (Phụ lục III prints it so).
    """
    inlines = list(block.inlines)
    i = _last_span(inlines)
    if i is None:
        inlines.append(Span(with_end_mark("")))
        return block._replace(inlines=tuple(inlines))
    span = inlines[i]
    assert isinstance(span, Span)
    raised = getattr(span, "vert_align", None)  # H~2~O: the mark is not lowered with it
    if i == len(inlines) - 1 and not (span.bold or span.italic or raised):
        inlines[i] = span._replace(text=with_end_mark(span.text))
    else:
        head, mark = split_end_mark(span.text)
        if mark:
            inlines[i] = span._replace(text=head)
            inlines.append(Span(mark))
    return block._replace(inlines=tuple(inlines))


def end_mark_last(items: list[BodyItem]) -> None:
    """Put "./." on the last paragraph of the content (a table's closing paragraph is not
    content: the mark goes on the paragraph before the table, or after it when none)."""
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if isinstance(item, Block) and item.role not in (Role.TABLE_AFTER, Role.PAGE_BREAK):
            items[i] = end_marked(item)
            return
        if not isinstance(item, Block):
            break
    items.append(Block(Role.PARAGRAPH, (Span(with_end_mark("")),)))

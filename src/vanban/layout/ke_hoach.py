"""Layout of a Kế hoạch body: căn cứ, mở đầu, mục I, II…, khoản, điểm, tasks, đoạn kết."""

from __future__ import annotations

import datetime as dt

from vanban import text as _text
from vanban.layout.blocks import Block, Inline, Layout, NoteRef, Role
from vanban.layout.common import Inliner, build
from vanban.markup import Span
from vanban.models.blocks import Bullet, Bullets, Duties, Item, Letters, Task
from vanban.models.ke_hoach import KeHoach
from vanban.nd30 import dates, numbering
from vanban.nd30.text import END_MARK, basis_lines, with_end_mark

#: Markers of "-" lists by depth; deeper levels repeat the last (Phụ lục I has no rule).
BULLET_MARKS = ("-", "+")
#: The task role lines, in the order the reference plans use them.
TASK_ROLES = (
    ("directs", "Chỉ đạo"),
    ("leads", "Chủ trì"),
    ("performs", "Thực hiện"),
    ("coordinates", "Phối hợp"),
    ("product", "Sản phẩm"),
)
DEADLINE_LABEL = "Thời gian thực hiện"


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


class _Body:
    def __init__(self, doc: KeHoach, inl: Inliner) -> None:
        self.doc = doc
        self.inl = inl
        self.out: list[Block] = []

    def add(self, role: Role, inlines: list[Inline]) -> None:
        self.out.append(Block(role, tuple(inlines)))

    def paragraphs(self, text: str, role: Role = Role.PARAGRAPH) -> None:
        for para in _text.paragraphs(text):
            self.add(role, self.inl(para))

    def run(self) -> list[Block]:
        doc = self.doc
        for line in basis_lines(doc.bases):
            self.add(Role.BASIS, self.inl(line))
        for para in doc.intro:
            self.paragraphs(para)
        for i, section in enumerate(doc.sections, 1):
            self.add(
                Role.HEADING1,
                [Span(f"{numbering.roman(i)}. "), *self.inl(section.title, upper=True)],
            )
            self.blocks(section.content, ())
        if doc.closing:
            self.paragraphs(doc.closing, Role.CLOSING)
        if doc.format.end_mark and self.out:
            self.out[-1] = _end_marked(self.out[-1])
        return self.out

    def blocks(self, blocks: list, path: tuple[int, ...]) -> None:
        n = 0
        for block in blocks:
            if isinstance(block, str):
                self.paragraphs(block)
                continue
            if isinstance(block, Bullets):
                self.bullets(block.bullets, 0)
                continue
            if isinstance(block, Letters):
                self.letters(block, path)
                continue
            n += 1
            label = numbering.decimal_label((*path, n))
            if isinstance(block, Item):
                self.item(label, block.title, block.text)
                self.blocks(block.content, (*path, n))
            elif isinstance(block, Task):
                self.task(label, block)
            elif isinstance(block, Duties):
                self.add(
                    Role.ITEM_HEADING,
                    [Span(f"{label} ", bold=True), *self.inl(block.body, bold=True)],
                )
                self.bullets(block.duties, 0)

    def item(self, label: str, title: str | None, text: str | None) -> None:
        if title:
            inl = [Span(f"{label} ", bold=True), *self.inl(title, bold=True)]
            if text:
                inl += [Span(" "), *self.inl(text)]
            self.add(Role.ITEM_HEADING, inl)
        elif text:
            first, *rest = _text.paragraphs(text)
            self.add(Role.ITEM, [Span(f"{label} "), *self.inl(first)])
            for para in rest:
                self.add(Role.PARAGRAPH, self.inl(para))

    def letters(self, block: Letters, path: tuple[int, ...]) -> None:
        for i, letter in enumerate(block.letters, 1):
            self.item(f"{numbering.vietnamese_letter(i)})", letter.title, letter.text)
            self.blocks(letter.content, path)

    def bullets(self, items: list[Bullet], depth: int) -> None:
        mark = BULLET_MARKS[min(depth, len(BULLET_MARKS) - 1)]
        role = Role.BULLET if depth == 0 else Role.SUB_BULLET
        for b in items:
            first, *rest = _text.paragraphs(b.text)
            self.add(role, [Span(f"{mark} "), *self.inl(first)])
            for para in rest:
                self.add(Role.PARAGRAPH, self.inl(para))
            self.bullets(b.bullets, depth + 1)

    def task(self, label: str, task: Task) -> None:
        first, *rest = _text.paragraphs(task.task)
        inlines: list[Inline] = [Span(f"{label} "), *self.inl(first)]
        inline_deadline = self.doc.task_style == "inline" and task.deadline is not None
        if inline_deadline and not rest:
            assert task.deadline is not None
            closing = _strip_final_period(inlines)
            text = deadline_text(task.deadline, inline=True)
            inlines += [Span(" ("), Span(text, italic=True), Span(")" + closing)]
        self.add(Role.TASK, inlines)
        for para in rest:
            self.add(Role.PARAGRAPH, self.inl(para))
        if inline_deadline and rest:
            assert task.deadline is not None
            last = self.out[-1]
            inlines = list(last.inlines)
            closing = _strip_final_period(inlines)
            text = deadline_text(task.deadline, inline=True)
            inlines += [Span(" ("), Span(text, italic=True), Span(")" + closing)]
            self.out[-1] = Block(last.role, tuple(inlines))
        for key, name in TASK_ROLES:
            value = getattr(task, key)
            if value:
                self.add(Role.TASK_DETAIL, [Span(f"- {name}: "), *self.inl(value)])
        if task.deadline is not None and not inline_deadline:
            self.add(
                Role.TASK_DETAIL,
                [Span(f"- {DEADLINE_LABEL}: {deadline_text(task.deadline, inline=False)}")],
            )


def _last_span(inlines: list[Inline]) -> int | None:
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
            inlines[i] = Span(stripped[:-1], span.bold, span.italic)
            return stripped[-1]
    return "."


def _end_marked(block: Block) -> Block:
    """Close the block with "./." (after any footnote marks that end it)."""
    inlines = list(block.inlines)
    i = _last_span(inlines)
    if i is None:
        inlines.append(Span(with_end_mark("")))
    elif i == len(inlines) - 1:
        span = inlines[i]
        assert isinstance(span, Span)
        inlines[i] = Span(with_end_mark(span.text), span.bold, span.italic)
    else:
        span = inlines[i]
        assert isinstance(span, Span)
        if not span.text.rstrip().endswith(END_MARK):
            inlines[i] = Span(span.text.rstrip().rstrip(".;,:"), span.bold, span.italic)
            inlines.append(Span(END_MARK))
    return Block(block.role, tuple(inlines))


def layout(doc: KeHoach) -> Layout:
    """Lay out a whole Kế hoạch."""
    return build(doc, lambda inl: _Body(doc, inl).run())

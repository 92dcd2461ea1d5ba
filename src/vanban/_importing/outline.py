"""The body of a Word document as vanban's blocks: mục (I., II.), khoản (1., 1.1.), điểm
(a), b)), gạch đầu dòng (-, +), Điều and Chương, paragraphs and tables.

Typed numbers are recognised and removed, since vanban numbers by itself; paragraphs keep
their bold and italic runs in the inline syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vanban._docx_reader import ParaView
from vanban._importing.inline import runs_text
from vanban._regions.paragraphs import all_runs, key, upper
from vanban._regions.state import Reading
from vanban.layout.body import DEADLINE_LABEL, TASK_ROLES
from vanban.nd30.text import END_MARK

_ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\s*[.)/]\s*(?P<rest>.*)$", re.S)
_NUMBER = re.compile(r"^(?P<label>\d{1,3}(?:\.\d{1,3})*)\s*[.)/]\s*(?P<rest>.*)$", re.S)
_LETTER = re.compile(r"^(?P<label>[a-zđ])\s*(?:\)|\.|/\.?)\s*(?P<rest>.*)$", re.S)
_BULLET = re.compile(r"^(?P<label>[-–—•+*])\s*(?P<rest>.*)$", re.S)
_ARTICLE = re.compile(r"^Điều\s+(?P<label>\d+)\s*[.:]?\s*(?P<rest>.*)$", re.S)
#: The role lines under a task ("- Chủ trì: Sở Nội vụ") and the task fields they fill.
_TASK_LINES = {label: name for name, label in TASK_ROLES}
_TASK_LABELS = dict(TASK_ROLES)


def _task_field(label: str) -> str | None:
    """The task field a role line's label names: vanban's label ("Chủ trì"), or an office's
    longer one that holds it ("Cơ quan chủ trì", "Thời gian hoàn thành").

    >>> _task_field("Chủ trì"), _task_field("Cơ quan phối hợp"), _task_field("Thời hạn")
    ('leads', 'coordinates', 'deadline')
    >>> _task_field("Người thực hiện") is None
    True
    """
    if label == DEADLINE_LABEL:
        return "deadline"
    if label in _TASK_LINES:
        return _TASK_LINES[label]
    low = label.lower()
    for name, default in TASK_ROLES:
        if default.lower() in low and name != "performs":
            return name
    if low.startswith(("thời gian", "thời hạn")):
        return "deadline"
    return None


_TASK_LINE = re.compile(r"^(?P<label>[^:]{2,40}):\s*(?P<value>.+)$", re.S)
#: A deadline written after a task: "(hoàn thành trước ngày 30/11/2024)", "(Quý IV/2026)".
_INLINE_DEADLINE = re.compile(r"^(?P<task>.*\S)\s*\((?P<deadline>[^()]+)\)\.?$", re.S)
_DATE = re.compile(r"^(?:hoàn thành )?trước ngày (\d{1,2})/(\d{1,2})/(\d{4})$")
#: How an office's last paragraph reads: "Trên đây là…", "… kính báo cáo …", "Trân trọng …".
_CLOSING_WORDS = re.compile(
    r"^trên đây|\bkính (?:báo cáo|đề nghị|trình|gửi)\b|^trân trọng|\btrân trọng (?:cảm ơn|đề nghị)",
    re.IGNORECASE,
)
_CHAPTER = re.compile(r"^Chương\s+(?P<label>[IVXLC]+|\d+)\b\.?\s*(?P<rest>.*)$", re.S)
#: A mục inside a chương ("Mục 1"), its title on the next line as a chương's.
_CHAPTER_SECTION = re.compile(r"^Mục\s+(?P<label>\d+)\b\.?\s*(?P<rest>.*)$", re.S)
#: A paragraph that opens a chương or an article.
ARTICLED = re.compile(r"^(?:Chương\s+(?:[IVXLC]+|\d+)|Điều\s+\d+)\b")


#: vanban's paragraph styles centred by the role itself, not by the writer.
_CENTRED_ROLES = ("VBCableSender", "VBChapter", "VBChapterTitle")


def _complete(text: str) -> bool:
    """Whether a điểm's text is a whole item (closed by a full stop or a semicolon), not a
    heading over the paragraphs after it (no stop, or a colon).

    >>> _complete("Sở Tài chính: bố trí kinh phí."), _complete("Khoảng cách an toàn (m)")
    (True, False)
    >>> _complete("Về nhân sự:"), _complete("**Sở Tài chính:** rà soát;")
    (False, True)
    """
    return text.rstrip().rstrip("*_").rstrip().endswith((".", ";"))


def _on_the_right(block: Any) -> bool:
    """A paragraph the writer set on the right (a signature line of a form)."""
    return isinstance(block, dict) and set(block) == {"align", "text"} and block["align"] == "right"


@dataclass
class Element:
    """One part of the body in reading order: a paragraph, or a table (its paragraphs)."""

    index: int
    table: int | None = None
    cells: list[int] = field(default_factory=list)


def elements(reading: Reading, start: int, end: int, skip: set[int]) -> list[Element]:
    """The body's paragraphs and tables between ``start`` and ``end`` (exclusive)."""
    ps = reading.ps
    out: list[Element] = []
    for i in range(start, end):
        if i in skip:
            continue
        p = ps[i]
        if p.table is not None:
            if out and out[-1].table == p.table:
                out[-1].cells.append(i)
            else:
                out.append(Element(i, p.table, [i]))
        elif p.text.strip():
            out.append(Element(i))
    return out


def _text(p: ParaView, *, plain: bool = False, notes: dict[int, str] | None = None) -> str:
    return runs_text(p.runs, plain=plain, notes=notes).strip()


def _inline_task(item: dict[str, Any], plain: str, p: ParaView) -> None:
    """A khoản ending with its deadline in parentheses, in italics ("… (hoàn thành trước
    ngày 30/11/2024).", "… (Quý IV/2026)."), or in vanban's task style: a task."""
    m = _INLINE_DEADLINE.match(item["text"].replace("*", "") if "\\*" not in item["text"] else "")
    italic_tail = len(p.runs) >= 2 and p.runs[-2].italic and not p.runs[-1].italic
    if m is None or not (italic_tail or p.style_id == "VBTask"):
        return
    deadline = m.group("deadline").strip()
    if not (italic_tail or _DATE.match(deadline)):
        return
    item.pop("text")
    item["task"] = m.group("task").strip()
    item["deadline"] = deadline_value(deadline)


def deadline_value(text: str) -> str:
    """A deadline as the model takes it: a date "trước ngày 30/11/2024" as 2024-11-30, other
    text as written ("thường xuyên", "Quý IV/2026").

    >>> deadline_value("trước ngày 05/4/2025"), deadline_value("thường xuyên")
    ('2025-04-05', 'thường xuyên')
    """
    m = _DATE.match(text.strip().removeprefix("hoàn thành ").strip())
    if m:
        day, month, year = (int(x) for x in m.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return text.strip()


def _split(text: str, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    m = pattern.match(text)
    return (m.group("label"), m.group("rest").strip()) if m else None


def _strip_end_mark(text: str) -> str:
    """The text without the end mark vanban adds back ("… thực hiện./." → "… thực hiện.")."""
    stripped = text.rstrip()
    if not stripped.endswith(END_MARK):
        return text
    kept = stripped[: -len(END_MARK) + 1].rstrip()
    # "Trân trọng!./.": the mark's full stop after a "!" or "?" is not the writer's
    return kept[:-1] if kept[-2:-1] in ("!", "?", "…") else kept


def _title_text(p: ParaView, rest_plain: str, label: str) -> dict[str, Any]:
    """A numbered item's bold lead as its title, the rest as its text."""
    runs = list(p.runs)
    if all_runs(p, "bold"):
        return {"title": rest_plain}
    # A bold lead "Tên:" followed by text
    bold_prefix = ""
    for r in runs:
        if r.bold or not r.text.strip():
            bold_prefix += r.text
        else:
            break
    lead = bold_prefix.strip()
    if lead.startswith(label):
        lead = lead[len(label) :].lstrip(" .)/")
    if lead and len(lead) < len(rest_plain) and rest_plain.startswith(lead):
        text = rest_plain[len(lead) :].strip()
        # A colon in bold is the title's own; one after it is the layout's (body.item)
        title = lead.strip() if lead.endswith(":") else lead.rstrip(":").strip()
        if title.rstrip(":") and text:
            return {"title": title, "text": text.lstrip(":").strip() or text}
    return {"text": rest_plain}


def _numbered(p: ParaView, text: str, plain: str, number: tuple[str, str]) -> dict[str, Any]:
    """A numbered line ("1.", "3.1.") as a khoản: its title and text, or a task read from
    the line ("… (hoàn thành trước …)")."""
    rest = _split(text.replace("**", "", 2) if all_runs(p, "bold") else text, _NUMBER)
    item = _title_text(p, rest[1] if rest else number[1], number[0])
    if "text" in item and "title" not in item:
        _inline_task(item, plain, p)
    return item


class Outline:
    """Builds the nested blocks as paragraphs arrive in order."""

    def __init__(self, reading: Reading, notes: list[str]) -> None:
        self.reading = reading
        self.notes = notes
        #: The footnotes referenced in the body, by their id in the document.
        self.footnotes: dict[int, str] = {}
        self.intro: list[Any] = []
        self.sections: list[dict[str, Any]] = []
        self.top: list[Any] = []  # content when there are no sections
        self.articles: list[dict[str, Any]] = []
        self.chapters: list[dict[str, Any]] = []
        self._item: list[dict[str, Any]] = []  # the open khoản, by depth
        self._letter: dict[str, Any] | None = None
        self._bullet: dict[str, Any] | None = None
        self._article: dict[str, Any] | None = None
        #: A chương or mục whose title is the next line.
        self._untitled: dict[str, Any] | None = None
        #: Tasks were read from role lines; and their deadlines from lines of their own.
        self.task_lines = False
        self.last_is_closing = False
        #: The paragraph each mục starts at.
        self.section_starts: list[int] = []
        self.deadline_lines = False
        #: The office's own labels of the task lines, by field.
        self.task_labels: dict[str, str] = {}
        #: The list holding the last paragraph added, when it was a plain paragraph.
        self._last: list[Any] | None = None
        #: Paragraphs read as going on after a list of điểm (:meth:`_after_letters`): the
        #: điểm, the khoản closed, the list they went to and where they start there. A next
        #: điểm of the same list makes them that điểm's own after all.
        self._went_on: tuple[dict[str, Any], dict[str, Any] | None, list[Any], int] | None = None
        #: The heading điểm numbered lines went under (:meth:`_into_letter`), the khoản open
        #: outside it and the depth of its first number.
        self._in_letter: tuple[dict[str, Any], int, int] | None = None

    # -- where a block goes

    def _articles_here(self) -> list[dict[str, Any]]:
        """Where an article goes: the last mục of the last chương, the chương, the body."""
        if not self.chapters:
            return self.articles
        sections = self.chapters[-1].get("sections")
        here: list[dict[str, Any]] = (sections[-1] if sections else self.chapters[-1])["articles"]
        return here

    def _container(self) -> list[Any]:
        items = [i for i in self._item if "task" not in i]  # a task holds no content
        holder = self._letter or (items[-1] if items else None) or self._article
        if holder is not None:
            content: list[Any] = holder.setdefault("content", [])
            return content
        if self.sections:
            section_content: list[Any] = self.sections[-1]["content"]
            return section_content
        return self.top

    def _close(self, *, items: bool = True) -> None:
        self._went_on = None  # a numbered part: what went on after a điểm stays where it is
        self._leave_letter()
        self._last = None
        self._letter = None
        self._bullet = None
        if items:
            self._item = []

    # -- the kinds of paragraph

    def add(self, p: ParaView, where: int, *, articles: bool = False) -> None:
        plain = _strip_end_mark(" ".join(p.text.split()))
        text = _strip_end_mark(_text(p, notes=self.footnotes))
        if p.label:  # Word's automatic numbering: its label, as if typed
            plain, text = f"{p.label} {plain}", f"{p.label} {text}"
        if articles and (m := _split(plain, _CHAPTER)):
            self._close()
            self._article = None
            self.chapters.append({"title": m[1], "articles": []})
            self._untitled = self.chapters[-1]  # its title on the next line, in capitals
            return
        if articles and self.chapters and (m := _split(plain, _CHAPTER_SECTION)):
            self._close()
            self._article = None
            section: dict[str, Any] = {"title": m[1], "articles": []}
            self.chapters[-1].setdefault("sections", []).append(section)
            self._untitled = section
            return
        if self._untitled is not None:
            untitled, self._untitled = self._untitled, None
            if not untitled["title"] and upper(plain):
                untitled["title"] = plain
                return
            untitled["title"] = untitled["title"] or "…"
        if articles and (m := _split(plain, _ARTICLE)):
            self._close()
            article: dict[str, Any] = {}
            rest = _split(_strip_end_mark(_text(p, plain=True)), _ARTICLE)
            body = rest[1] if rest else m[1]
            if all_runs(p, "bold") or (p.runs and p.runs[0].bold):
                article.update(_title_text(p, body, f"Điều {m[0]}"))
                if "text" in article and "title" not in article:
                    article = {"text": article["text"]}
            else:
                article["text"] = body
            if not article.get("title") and not article.get("text"):
                article["title"] = body or m[0]
            self._articles_here().append(article)
            self._article = article
            return
        roman = _split(plain, _ROMAN)
        if roman and not articles and (upper(roman[1]) or all_runs(p, "bold")):
            self._close()
            self.sections.append({"title": roman[1] or roman[0], "content": []})
            self.section_starts.append(where)
            return
        number = _split(plain, _NUMBER)
        if number and self._into_letter(number[0].count(".")):
            self._number_in_letter(p, text, plain, number)
            return
        if number:
            self._close(items=False)
            depth = number[0].count(".")
            item = _numbered(p, text, plain, number)
            while len(self._item) > depth:
                self._item.pop()
            if self._item:
                self._item[-1].setdefault("content", []).append(item)
            else:
                self._container().append(item)
            self._item.append(item)
            return
        letter = _split(plain, _LETTER)
        if letter and len(letter[1]) > 1:
            if self._went_on is not None:
                self._back_to_letter(self._went_on)
            self._leave_letter()
            self._last = None
            self._bullet = None
            rest = _split(text, _LETTER)
            entry = _title_text(p, rest[1] if rest else letter[1], letter[0])
            self._letter = None
            container = self._container()
            if container and isinstance(container[-1], dict) and "letters" in container[-1]:
                container[-1]["letters"].append(entry)
            else:
                container.append({"letters": [entry]})
            self._letter = entry
            return
        bullet = _split(plain, _BULLET)
        if bullet and bullet[1] and self._task_line(bullet[1], p):
            return
        if bullet and bullet[1]:
            self._last = None
            rest = _split(text, _BULLET)
            entry_text = rest[1] if rest else bullet[1]
            if bullet[0] == "+" and self._bullet is not None:
                self._bullet.setdefault("bullets", []).append({"text": entry_text})
                return
            container = self._container()
            entry2: dict[str, Any] = {"text": entry_text}
            if container and isinstance(container[-1], dict) and "bullets" in container[-1]:
                container[-1]["bullets"].append(entry2)
            else:
                container.append({"bullets": [entry2]})
            self._bullet = entry2
            return
        self._bullet = None
        open_article = self._article
        if open_article is not None and "text" in open_article and "content" not in open_article:
            open_article["text"] += "\n\n" + text  # the article's text goes on
            return
        self.last_is_closing = p.style_id == "VBClosing" or (
            not (p.style_id or "").startswith("VB")
            and _CLOSING_WORDS.search(key(plain)) is not None
        )
        if (
            self._went_on is None
            and self._letter is not None
            and _complete(self._letter.get("text", ""))
        ):
            open_letter = self._letter
            closed = self._after_letters()
            here = self._container()
            self._went_on = (open_letter, closed, here, len(here))
        para: Any = text
        if p.alignment in ("center", "right") and p.style_id not in _CENTRED_ROLES:
            para = {"align": p.alignment, "text": text}  # a paragraph aligned on its own
        if not self.sections and not self._item and not self._article and not self.top:
            self.intro.append(para)
            self._last = self.intro
            return
        self._container().append(para)
        self._last = self._container()

    def _into_letter(self, depth: int) -> bool:
        """Whether a numbered line goes under the open điểm: the điểm is a heading ("a) Trước
        ngày hội", :func:`_complete`) and the number is deeper than every open khoản, as the
        tasks and khoản a heading điểm holds print ("3.1.", "3.2." under "a) …" of mục 3)."""
        letter = self._letter
        if letter is None or _complete(letter.get("text", letter.get("title", ""))):
            return False
        if self._in_letter is not None and self._in_letter[0] is letter:
            return depth >= self._in_letter[2]
        return depth >= len(self._item) and not any(
            not isinstance(x, dict) or not ("task" in x or "title" in x or "text" in x)
            for x in letter.get("content", [])
        )

    def _leave_letter(self) -> None:
        """The numbered lines under a heading điểm end with it: its khoản are closed."""
        if self._in_letter is not None:
            del self._item[self._in_letter[1] :]
            self._in_letter = None

    def _number_in_letter(
        self, p: ParaView, text: str, plain: str, number: tuple[str, str]
    ) -> None:
        """A numbered line under the open heading điểm, which stays open for the next one."""
        letter = self._letter
        assert letter is not None
        depth = number[0].count(".")
        if self._in_letter is None or self._in_letter[0] is not letter:
            self._in_letter = (letter, len(self._item), depth)
        _, base, first = self._in_letter
        self._went_on = None
        self._last = None
        self._bullet = None
        item = _numbered(p, text, plain, number)
        while len(self._item) > base + depth - first:
            self._item.pop()
        if len(self._item) > base:
            self._item[-1].setdefault("content", []).append(item)
        else:
            letter.setdefault("content", []).append(item)
        self._item.append(item)

    def _after_letters(self) -> dict[str, Any] | None:
        """A plain paragraph after a list of điểm closes it and the khoản holding it: it goes
        on at the level of that khoản (its mục, its Điều, the body). A khoản's text or
        title is followed by its own paragraphs; once its điểm are listed, an unnumbered
        paragraph printed with the same indent is not a điểm's second paragraph but the
        writer going on ("2. Nhiệm vụ: a) … d) …" then "Các cơ quan báo cáo …"). A điểm
        that is a heading ("a) Về nhân sự:", "a) Khoảng cách an toàn", :func:`_complete`)
        keeps the paragraphs under it."""
        self._letter = None
        holder = self._item[-1] if self._item else None
        if holder is not None and any(
            isinstance(x, dict) and "letters" in x for x in holder.get("content", [])
        ):
            return self._item.pop()
        return None

    def _back_to_letter(
        self, went_on: tuple[dict[str, Any], dict[str, Any] | None, list[Any], int]
    ) -> None:
        """The paragraphs (bullets, tables) after a điểm were its own: another điểm of its
        list follows."""
        self._went_on = None
        letter, closed, place, start = went_on
        moved = place[start:]
        del place[start:]
        letter.setdefault("content", []).extend(moved)
        if closed is not None:
            self._item.append(closed)
        self._letter = letter

    def _own_label(self, label: str, item: dict[str, Any]) -> str | None:
        """The field of a task line whose label is the office's own ("Trách nhiệm"): the one
        it named before in this document; before the deadline line, a role (vanban prints the
        roles, then the deadline, then the other columns): the lead first, then the roles
        after it not yet given; after the deadline, none (an extra column)."""
        for name, own in self.task_labels.items():
            if own == label:
                return name
        if "deadline" in item or item.get("extra"):
            return None
        names = [name for name, _ in TASK_ROLES]
        for name in names[names.index("leads") :]:
            if name not in item and name not in self.task_labels:
                return name
        return None

    def _task_line(self, line: str, p: ParaView) -> bool:
        """A role line under the open khoản ("- Chủ trì: …", "- Thời gian thực hiện: …"):
        the khoản is a task, the line one of its fields."""
        m = _TASK_LINE.match(line)
        inside = self._in_letter is not None and len(self._item) > self._in_letter[1]
        if m is None or not self._item or (self._letter is not None and not inside):
            return False
        label, value = m.group("label").strip(), m.group("value").strip().rstrip(";")
        item = self._item[-1]
        detail = p.style_id == "VBTaskDetail"  # vanban's own task line: any label is a field
        # The office's own labels ("Cơ quan chủ trì") only on vanban's task lines; typed
        # lines need vanban's ("Chủ trì"), as a bullet "- Thời hạn: …" is text
        name = _task_field(label) if detail else _TASK_LINES.get(label)
        if name is None and label == DEADLINE_LABEL:
            name = "deadline"
        if name is None and detail:
            name = self._own_label(label, item)
        if name is None and not detail:
            return False
        if item.get("content") or "title" in item or (name is not None and name in item):
            return False
        if "task" not in item:
            if "text" not in item:
                return False
            item["task"] = item.pop("text")
        if name is None:  # a column of the office's own ("Người thực hiện")
            item.setdefault("extra", {})[label] = value
            return True
        if label != (DEADLINE_LABEL if name == "deadline" else _TASK_LABELS[name]):
            self.task_labels[name] = label  # "Cơ quan chủ trì" for "Chủ trì"
        item[name] = deadline_value(value) if name == "deadline" else value
        self.task_lines = True
        if name == "deadline":
            self.deadline_lines = True
        return True

    def add_block(self, block: dict[str, Any]) -> None:
        """A block read whole (a table) where the text stands."""
        self._bullet = None
        self._last = None
        if not self.sections and not self._item and not self._article and not self.top:
            # before any numbered part: the body's first block
            self.top.append(block)
            return
        self._container().append(block)

    def take_end(self) -> list[Any]:
        """The paragraphs set on the right that close the last mục, as a form's end block
        ("LÃNH ĐẠO ĐƠN VỊ / (Ký tên, đóng dấu)" under the last heading of a phụ lục): taken
        out of the khoản or mục they were read into. None when the body has no mục, or when
        taking them would leave a mục empty."""
        place = self._last
        if not self.sections or not place:
            return []
        count = 0
        while count < len(place) and _on_the_right(place[-1 - count]):
            count += 1
        if not count or (place is self.sections[-1]["content"] and count == len(place)):
            return []
        end = place[-count:]
        del place[-count:]
        if not place:
            for holder in (*self._item, self._letter, self._article):
                if holder is not None and holder.get("content") == []:
                    del holder["content"]
        self._last = None
        return end

    def finish(self) -> str | None:
        """The last paragraph of the body as the closing, when it is a plain paragraph of a
        mục or of the body (not of a khoản or điểm) and reads as one: vanban's closing style,
        or "Trên đây …" as offices close a plan or a report."""
        container = self.sections[-1]["content"] if self.sections else self.top
        place = self._last
        if not self.last_is_closing:
            return None
        if place is None or not place or not isinstance(place[-1], str):
            return None
        if place is container and len(container) == 1 and self.sections:
            return None  # a mục cannot be left empty
        last: str = place.pop()
        if not place and place is not container and place is not self.intro:
            for holder in (*self._item, self._letter, self._article):
                if holder is not None and holder.get("content") == []:
                    del holder["content"]
        return last or None

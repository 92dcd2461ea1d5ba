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
  the date can stand for when it is partial);
- ``unlabelled_ref``: text refers to ``[@id]`` and that phụ lục is printed without a label.

Warnings (rendered, with a :class:`~vanban.errors.VanbanWarning`):

- ``date_far_ahead``: the date is more than a year after today (``today`` is injectable:
  ``load(..., today=)``, ``render(..., today=)``);
- ``symbol_mismatch``: the ký hiệu does not end with the issuer's abbreviation (a Công
  văn's: does not start with it);
- ``archive_added``: there is no ``archive`` (Lưu) entry, so the recipients have no Lưu
  line; "Lưu: VT." is written;
- ``unused_footnote``: a footnote text that no text refers to;
- ``typed_numbering``: a text that starts with a number, letter or mark the library adds
  itself ("1. ", "I. ", "a) ", "- " before a khoản, mục, điểm, task or list item; "Điều 2.",
  "Chương II", "Mục 1" before an article's text or a chương's title; "KT. ", "TM. "… in a
  signer's title; "a. ", "a/. ", "1/ " too), which would print twice; the message shows the
  line as printed when the path tells the label (điểm, mục). A list item typed "+ " or "- "
  is not reported: it keeps its own mark, printed once;
- ``colon_joined``: a khoản's or điểm's title ending in ":" and its text starting with ":"
  (one colon is printed), or a title typed ending in "::";
- ``colon_before_end``: a căn cứ or the closing paragraph ends with ":", and the library
  adds "." / ";" or "./." after it (the colon is dropped or doubled);
- ``line_overflow``: a line of the issuer's name (or its parent) wider than its column, or
  a line of the trích yếu written with line breaks wider than the page (a Công văn's "V/v"
  line: than the left column of the header), so Word breaks it where the writer did not;
- ``lonely_word``: the issuer's name or the trích yếu leaves one word alone on its last line
  (both measured with the Times New Roman metrics of :mod:`vanban._metrics`); a phụ lục's
  title is measured the same way (``line_overflow``, ``lonely_word``);
- ``unknown_reference_field``: a ``{name}`` in a phụ lục's own reference line that names no
  field of the document (printed as written);
- ``unprinted_number``: a phụ lục's ``number`` with ``label: false`` (nothing prints it);
- ``authority_signer``: a Quyết định whose signer does not match its authority line (the
  head's power signed TM., or a collective's signed without TM.);
- ``unpaired_asterisk``: a ``*`` or ``**`` next to a letter with no partner, printed as an asterisk
  (``\\*`` writes one on purpose).
- ``symbol_type``: a ký hiệu whose first group is not the abbreviation of the document's type
  (``GP-UBND`` on a Quyết định), which the .docx checker reports as ``PL1.II.3b.symbol-type``
  (the same rule, :func:`vanban.nd30.rules.symbol_doc_type`; a warning here, so a plan that
  rendered before still renders);
- ``symbol_shape``: a ký hiệu (given, or made from the issuer's abbreviation) not in capitals
  or with spaces around "-" (``QĐ - snv``), the .docx checker's ``PL1.II.3b.symbol-shape``
  (:func:`vanban.nd30.rules.number_problems` on the "Số:" line as printed; a warning).

Errors the layout would meet (checked here on the model, so that ``load``, ``vanban check``
and ``render`` report them located, before any .docx is built):

- ``table_too_wide``: the fixed columns of a table or task table do not fit the width of its
  page (portrait, or a landscape phụ lục), with the layout's own rule
  (:func:`vanban.layout.tables.column_widths`).

Warnings never stop rendering; ``vanban check PLAN.yaml`` prints them with the file, line,
column and field.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from itertools import accumulate
from typing import Any

from vanban import _markup as markup
from vanban import _metrics, nd30
from vanban.errors import Problem, ValidationError
from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import Table, Task, TaskPart, TaskTable
from vanban.models.common import Document
from vanban.nd30 import appendix as nd30_appendix
from vanban.nd30 import page, rules
from vanban.nd30.articles import REFERENCE_OPENINGS
from vanban.nd30.capitals import capitals
from vanban.nd30.text import END_MARK

#: What the library puts before a text, by the end of its field path: a Roman numeral before
#: a mục title, a number before a khoản (title or text), a task or a body with duties, a
#: letter before a điểm, a dash before a list item. Paragraphs, căn cứ and the closing get
#: nothing, so a number typed there is the writer's own.
_ADDED_LABELS = (
    (re.compile(r"^sections\[\d+\]\.title$"), '"I.", "II."…'),
    (re.compile(r"\.letters\[\d+\]\.(title|text)$"), '"a)", "b)"…'),
    (re.compile(r"\.(bullets|duties)\[\d+\]\.text$"), '"-" hoặc "+"'),  # _BULLET_LABEL
    (re.compile(r"\.content\[\d+\]\.(title|text|task|body)$"), '"1.", "1.1."…'),
)
#: Numbering typed at the start of a text: "1. ", "1.2. ", "1) ", "1/ ", "I. ", "a) ", "đ) ",
#: "a. ", "a/ ", "a/. ", "- ".
_TYPED_NUMBER = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*(?:[.)]|/\.?)|[IVXLC]+\.|[a-zđ](?:[.)]|/\.?)|[-–—+•])(?=\s)",
    re.IGNORECASE,
)
#: The index of the điểm or mục a path ends in ("….letters[2].text" → 2).
_LETTER_INDEX = re.compile(r"\.letters\[(\d+)\]\.(?:title|text)$")
_SECTION_INDEX = re.compile(r"^sections\[(\d+)\]\.title$")
#: "Điều 3.", "Chương II", "Mục 1" typed at the start of an article's or a chương's text
#: (the library numbers them: :mod:`vanban.nd30.articles`).
_TYPED_ARTICLE = re.compile(r"^\s*(?:Điều\s+\d+\s*\.|(?:Chương|Mục)\s+[\dIVXLC]+\b)", re.IGNORECASE)
_ARTICLE_PATH = re.compile(r"(?:^|\.)(?:articles\[\d+\]\.(?:title|text)|chapters\[\d+\]\.title)$")
#: An authority typed into a signer's title (the library writes it from ``authority``).
_TYPED_AUTHORITY = re.compile(r"^\s*(?:TM|KT|Q|TL|TUQ)\s*\.", re.IGNORECASE)
#: A run of asterisks. Greedy with nothing after it, each match takes a whole run and the
#: scan never comes back: linear (the former lookaround pattern was quadratic on a run).
_STAR_RUN = re.compile(r"\*+")
_ESCAPED_STAR = "\ue000"


#: What the messages of the text warnings below say, for a caller (or a test of random
#: plans) that wants to let them pass: typed numbering, colons, line fit, asterisks.
TEXT_ADVICE = (
    r'.*(gõ ở đầu dòng|gõ trong chức vụ|kết thúc bằng ":"|Word sẽ ngắt|đứng riêng trên dòng'
    r" cuối|không có dấu đóng|hai dấu hai chấm)"
)


_BULLET_LABEL = '"-" hoặc "+"'


def _added_label(path: str) -> str | None:
    for pattern, label in _ADDED_LABELS:
        if pattern.search(path):
            return label
    return None


def _printed_label(path: str) -> str | None:
    """The label vanban prints before the text at ``path``, when the path alone tells it."""
    if m := _LETTER_INDEX.search(path):
        return f"{nd30.numbering.vietnamese_letter(int(m.group(1)) + 1)})"
    if m := _SECTION_INDEX.search(path):
        return f"{nd30.numbering.roman(int(m.group(1)) + 1)}."
    return None


def typed_numbering(doc: Document, texts: list[tuple[str, str]] | None = None) -> list[Problem]:
    """Texts starting with numbering the library adds itself (``typed_numbering``); the
    message shows the line as it will print ("a) a. Nội dung…") when the path tells the label.
    A list item typed "+ …" or "- …" is not one: it keeps its mark, printed once."""
    out = []
    number = _TYPED_NUMBER.match
    for path, value in doc.texts() if texts is None else texts:
        # The text first (most start with a word): the path's label only when it may count.
        m = number(value)
        label = _added_label(path) if m is not None else None
        if not label:
            m = None
        elif label == _BULLET_LABEL and m is not None and m.group(0).strip() in ("+", "-"):
            continue
        if (
            m is None
            and ("articles[" in path or "chapters[" in path)  # what _ARTICLE_PATH needs
            and (article := _TYPED_ARTICLE.match(value))
            and _ARTICLE_PATH.search(path)
        ):
            label, m = '"Điều 1.", "Chương I", "Mục 1"…', article
        if m is not None:
            printed = _printed_label(path)
            shown = ""
            if printed:
                line = " ".join(value.split())
                shown = f' ("{printed} {line[:40]}{"…" if len(line) > 40 else ""}")'
            out.append(
                Problem(
                    path,
                    "typed_numbering",
                    f'"{m.group(0).strip()}" gõ ở đầu dòng sẽ in hai lần{shown}: vanban tự đánh '
                    f"{label}; hãy bỏ nó đi",
                )
            )
    for key in ("collective", "head_title", "title"):
        value = getattr(doc.signer, key)
        m = _TYPED_AUTHORITY.match(value) if value else None
        if m:
            out.append(
                Problem(
                    f"signer.{key}",
                    "typed_numbering",
                    f'"{m.group(0).strip()}" gõ trong chức vụ sẽ in hai lần: quyền hạn ký lấy '
                    "từ signer.authority; hãy bỏ nó đi",
                )
            )
    return out


def colons_before_end(doc: Document, texts: list[tuple[str, str]] | None = None) -> list[Problem]:
    """A căn cứ or the end-marked paragraph ending in ":" (``colon_before_end``)."""
    out = []
    for path, value in doc.texts() if texts is None else texts:
        if (
            path.startswith("bases[")
            and re.fullmatch(r"bases\[\d+\]", path)
            and value.rstrip().endswith(":")
        ):
            out.append(
                Problem(
                    path,
                    "colon_before_end",
                    'căn cứ kết thúc bằng ":", vanban sẽ thêm ";" hoặc "." sau nó',
                )
            )
    last = _end_marked_text(doc, texts)
    if last and last[1].rstrip().endswith(":"):
        out.append(
            Problem(
                last[0],
                "colon_before_end",
                f'đoạn cuối kết thúc bằng ":", vanban thay nó bằng dấu kết thúc "{END_MARK}"; '
                "đoạn này còn thiếu nội dung sau dấu hai chấm?",
            )
        )
    return out


def joined_colons(doc: Document, texts: list[tuple[str, str]] | None = None) -> list[Problem]:
    """A khoản's or điểm's title and text that would print two colons where they join
    (``colon_joined``): vanban prints one ("Cá nhân: Cán bộ…"), and says so. A colon hidden
    by markup ("**Cá nhân:**") is read through and needs no warning; a title typed "…::"
    prints as typed, and is reported too. ``texts``: as the walk gives them, each path once."""
    out = []
    titles: dict[str, str] = {}
    for path, value in doc.texts() if texts is None else texts:
        if ":" not in value:  # a title without a colon is one without: as no title
            continue
        head, _, field = path.rpartition(".")
        if field == "title":
            # Markup adds no colon to a text: read through for the one it has.
            title = markup.plain(markup.parse(value)).rstrip()
            titles[head] = title
            if title.endswith("::"):
                out.append(
                    Problem(
                        path,
                        "colon_joined",
                        f'tiêu đề kết thúc bằng "::" ("{title[-30:]}"), sẽ in hai dấu hai chấm; '
                        'hãy để một dấu ":"',
                    )
                )
        elif field == "text" and titles.get(head, "").endswith(":") and value.startswith(":"):
            out.append(
                Problem(
                    path,
                    "colon_joined",
                    'tiêu đề kết thúc bằng ":" và nội dung cũng bắt đầu bằng ":"; vanban in '
                    f'một dấu: "{titles[head][-30:]} {value[1:].lstrip()[:30]}…"',
                )
            )
    return out


def _end_marked_text(
    doc: Document, texts: list[tuple[str, str]] | None = None
) -> tuple[str, str] | None:
    """The text that gets "./.": the closing, else the last text of the body."""
    if not doc.format.end_mark:
        return None
    closing = _attr(doc, "closing")
    if closing:
        return ("closing", closing)
    every = doc.texts() if texts is None else texts
    body = ("content", "sections", "articles", "chapters")
    return next(((p, t) for p, t in reversed(every) if p.startswith(body)), None)


def _wrapped(line: str, width: int, size: float, bold: bool) -> list[str]:
    """:func:`vanban._metrics.wrap` of a line without breaks or spaces at its ends: the line
    itself when all of it fits (the greedy wrap then keeps every word on the first line)."""
    text = unicodedata.normalize("NFC", line)
    face = _metrics._face(bold, False)
    limit = _metrics._limit_units(width, size)
    if len(text) <= 40 and sum(map(face.__getitem__, text)) <= limit:
        return [text]  # a short line (the issuer's name): most fit, no sums kept
    acc = list(accumulate(map(face.__getitem__, text), initial=0))
    if acc[-1] <= limit:
        return [text]
    if "\n" in text or not text.rstrip(" "):  # one paragraph with a word below, as called
        return _metrics.wrap(line, width, size, bold=bold)
    lines: list[tuple[str, int]] = []
    _metrics._wrap_paragraph(text, acc, limit, face, lines)  # the widths summed once
    return [x for x, _ in lines]


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    """``getattr(obj, name, default)`` for a field, method or class attribute of a model,
    without pydantic's ``__getattr__`` when the model has no such name (it raises and
    catches an error: slow, and most documents lack the names asked for)."""
    values = obj.__dict__
    if name in values:
        return values[name]
    cls = type(obj)
    has = _CLASS_HAS.get((cls, name))
    if has is None:
        has = _CLASS_HAS[cls, name] = hasattr(cls, name)
    return getattr(obj, name, default) if has else default


#: ``hasattr(cls, name)`` of :func:`_attr`, by class and name: a pydantic model's class
#: answers a name it lacks by raising and catching an error in Python.
_CLASS_HAS: dict[tuple[type[Any], str], bool] = {}


#: The rule of a page's margins (:meth:`vanban.models.common.Margins.rule`) and the width of
#: its text, by the margins' values: read by checks of every document, and most documents
#: have the default margins.
_RULES: dict[tuple[Any, ...], tuple[page.Margins, int]] = {}


def _margins(doc: Document) -> tuple[page.Margins, int]:
    """The rule of ``doc``'s margins and its portrait page's text width, made once for the
    same margins."""
    margins = doc.format.margins
    values = margins.__dict__
    key = (type(margins), values["top"], values["bottom"], values["left"], values["right"])
    found = _RULES.get(key)
    if found is None:
        if len(_RULES) > 64:  # a long batch of many margins: kept small
            _RULES.clear()
        rule = margins.rule()
        found = _RULES[key] = (rule, rule.text_width)
    return found


def line_fit(doc: Document) -> list[Problem]:
    """Issuer lines and trích yếu lines that overflow, or leave one word alone
    (``line_overflow``, ``lonely_word``)."""
    out = []
    preset = page.SIZE_PRESETS[doc.format.size]
    cell = page.HEADER_COLUMNS[0] - 2 * page.CELL_MARGIN
    header = [("issuer.name", doc.issuer.name, preset.issuer, True)]
    if doc.issuer.parent:
        header.append(("issuer.parent", doc.issuer.parent, preset.parent, False))
    for path, value, size, bold in header:
        for line in (x for x in value.upper().split("\n") if x.strip()):
            lines = _wrapped(line.strip(), cell, size, bold)
            if len(lines) > 1:
                out.append(_overflow(path, line, lines, "ô tên cơ quan"))
    width = _margins(doc)[1]
    titles = [("title", doc.title)]
    attachment = _attr(doc, "attachment")  # the text a Quyết định issues (Mẫu 1.3)
    if attachment is not None:
        titles.append(("attachment.title", attachment.title))
    for path, value in titles:
        title = markup.plain(markup.parse(value))
        line_width, size, bold, where = width, preset.title, True, "khổ giấy"
        if path == "title" and doc.subject_in_header:  # "V/v …" under the Số (ô 5b)
            title = nd30.text.subject_line(title)
            line_width, size, bold, where = cell, preset.subject, False, "cột số, ký hiệu"
        parts = [x.strip() for x in title.split("\n") if x.strip()]
        for line in parts:
            lines = _wrapped(line, line_width, size, bold)
            if len(lines) > 1 and len(parts) > 1:
                out.append(_overflow(path, line, lines, where))
            elif len(lines) > 1 and len(lines[-1].split()) == 1 and len(line.split()) > 1:
                out.append(_lonely(path, lines[-1]))
    return out


def appendix_headings(
    doc: Document, texts: list[tuple[str, str]]
) -> tuple[list[Problem], list[Problem]]:
    """``(errors, warnings)`` of the phụ lục headings: a ``[@id]`` naming a phụ lục printed
    without a label (``unlabelled_ref``: nothing to print in its place); a title line wider
    than its page or leaving one word alone (``line_overflow``, ``lonely_word``, measured in
    capitals as printed, on a landscape page's width when it is one); a ``{name}`` in a
    reference line worded by the office that names no field (``unknown_reference_field``,
    printed as written)."""
    errors: list[Problem] = []
    warns: list[Problem] = []
    items = list(walk.models(doc, Appendix))
    unlabelled = {a.id for _, a in items if a.id and a.label is False}
    if unlabelled:
        for path, value in texts:
            for name in markup.ref_names(value):
                if name in unlabelled:
                    message = (
                        f"[@{name}] dẫn tới phụ lục không in nhãn (label: false), không có gì "
                        "để in vào chỗ này; hãy viết tên phụ lục trong câu hoặc cho phụ lục nhãn"
                    )
                    errors.append(Problem(path, "unlabelled_ref", message))
    if items:
        warns += _appendix_titles(doc, items)
    attachment = _attr(doc, "attachment")  # the text a Quyết định issues (Mẫu 1.3)
    wording = getattr(attachment, "reference", None)
    if isinstance(wording, str) and wording not in REFERENCE_OPENINGS:
        warns += _unknown_fields("attachment.reference", wording)
    return errors, warns


def _appendix_titles(doc: Document, items: list[tuple[str, Appendix]]) -> list[Problem]:
    """The warnings of :func:`appendix_headings` on each phụ lục's title, reference and number."""
    warns: list[Problem] = []
    preset = page.SIZE_PRESETS[doc.format.size]
    margins = _margins(doc)[0]
    for path, a in items:
        if a.title:
            width = page.text_width(margins, landscape=a.landscape)
            parts = [x.strip() for x in a.title.split("\n") if x.strip()]
            for part in parts:
                line = capitals(markup.plain(markup.parse(part)))
                lines = _wrapped(line, width, preset.title, True)
                if len(lines) > 1 and len(parts) > 1:
                    warns.append(_overflow(f"{path}.title", line, lines, "khổ giấy"))
                elif len(lines) > 1 and len(lines[-1].split()) == 1 and len(line.split()) > 1:
                    warns.append(_lonely(f"{path}.title", lines[-1]))
        if isinstance(a.reference, str):
            warns += _unknown_fields(f"{path}.reference", a.reference)
        if a.label is False and a.number:
            message = f'số "{a.number}" không được in vì phụ lục không in nhãn (label: false)'
            warns.append(Problem(f"{path}.number", "unprinted_number", message))
    return warns


def _unknown_fields(path: str, text: str) -> list[Problem]:
    names = ", ".join(f"{{{k}}}" for k in nd30_appendix.REFERENCE_FIELDS)
    return [
        Problem(
            path,
            "unknown_reference_field",
            f'"{{{name}}}" không phải trường nào của văn bản ({names}), sẽ in nguyên dạng',
        )
        for name in nd30_appendix.unknown_fields(text)
    ]


def _overflow(path: str, line: str, lines: list[str], where: str) -> Problem:
    if len(lines[-1].split()) == 1 and len(line.split()) > 1:
        return _lonely(path, lines[-1], line)
    return Problem(
        path,
        "line_overflow",
        f'dòng "{line}" dài hơn {where}, Word sẽ ngắt thành {len(lines)} dòng '
        f'("{lines[0]}" / …); hãy tự xuống dòng (\\n) ở chỗ hợp lý',
    )


def _lonely(path: str, word: str, line: str | None = None) -> Problem:
    what = f'dòng "{line}"' if line else "dòng cuối"
    return Problem(
        path,
        "lonely_word",
        f'{what} để một chữ "{word}" đứng riêng trên dòng cuối; hãy tự xuống dòng (\\n) '
        "để các dòng cân đối",
    )


def lone_stars(text: str) -> re.Match[str] | None:
    """The first run of asterisks in printed text that looks like a marker left without a
    partner, or ``None``: a run touching a letter, a quote or punctuation. A run meant as
    written is let pass: standing alone ("5 * 3", "*"), between digits ("10**9", "5*3") or
    in brackets ("(*)", "[**]"). Linear in the text's length.

    >>> [m.group() if (m := lone_stars(t)) else None for t in ("5 * 3", "(*)", "10**9", "a*")]
    [None, None, None, '*']
    >>> lone_stars('"Chữ"**,*').group(), lone_stars("*" * 100_000) is None
    ('**', True)
    """
    for m in _STAR_RUN.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isspace() and after.isspace():
            continue
        if (before.isdigit() and after.isdigit()) or (before in "([{" and after in ")]}"):
            continue
        return m
    return None


def unpaired_asterisks(doc: Document, texts: list[tuple[str, str]] | None = None) -> list[Problem]:
    """Asterisks with no partner, or more than a marker takes ("****"), printed as they are
    (``unpaired_asterisk``); one warning per text, at the first such run."""
    out = []
    for path, value in doc.texts() if texts is None else texts:
        if "*" not in value:
            continue
        text = markup.plain(markup.parse(value.replace("\\*", _ESCAPED_STAR)))
        m = lone_stars(text)
        if m:
            start = max(0, m.start() - 12)
            around = text[start : m.end() + 12].replace(_ESCAPED_STAR, "*")
            out.append(
                Problem(
                    path,
                    "unpaired_asterisk",
                    f'dấu "{m.group(0)}" không có dấu đóng, sẽ in ra nguyên dạng: "…{around}…"; '
                    'đóng cặp (*nghiêng*, **đậm**) hoặc viết "\\*" nếu muốn in dấu sao',
                )
            )
    return out


@functools.cache
def _heading_kind(doc_type: str) -> nd30.doctypes.DocType:
    """The type the .docx checker reads from a type's tên loại (the longest heading it starts
    with), which is the type itself but for headings that start with another's."""
    info = nd30.doctypes.DOC_TYPES[doc_type]
    return rules.heading_doc_type(info.heading) or info


def symbol_type(doc: Document) -> list[Problem]:
    """A ký hiệu that names another type than the document's (``symbol_type``): the rule the
    .docx checker calls ``PL1.II.3b.symbol-type`` (Phụ lục I, Mục II, 3.b; Phụ lục III, Mục I),
    decided here from the model with the same functions of :mod:`vanban.nd30.rules`."""
    kind = _heading_kind(doc.doc_type)
    if not (kind.abbreviation and doc.symbol):
        return []
    named = rules.symbol_doc_type(doc.symbol)
    if named is not None and named.key == kind.key:
        return []
    first = doc.symbol.split("-", 1)[0].strip()
    what = f"là chữ viết tắt của {named.name.lower()}" if named else "không phải tên loại nào"
    return [
        Problem(
            "symbol",
            "symbol_type",
            f'ký hiệu "{doc.symbol}" không khớp tên loại {kind.heading}: "{first}" {what}, '
            f'Nghị định viết "{kind.abbreviation}-…" (Phụ lục III, Mục I); bộ kiểm tra .docx '
            "báo lỗi PL1.II.3b.symbol-type",
        )
    ]


def symbol_shape(doc: Document) -> list[Problem]:
    """A ký hiệu not in capitals or with spaces around its "-" (``symbol_shape``): the rule the
    .docx checker calls ``PL1.II.3b.symbol-shape`` (Phụ lục I, Mục II, 3.b), decided on the
    "Số:" line the layout prints (:func:`vanban.nd30.numbering.number_line`) with the checker's
    own :func:`vanban.nd30.rules.number_problems`."""
    if doc.doc_type == "thu_cong":  # a Thư công prints no "Số:" line
        return []
    line = nd30.numbering.number_line(doc.number, doc.symbol_text)
    path = "symbol" if doc.symbol else "issuer.abbreviation"
    return [
        Problem(
            path,
            "symbol_shape",
            f'ký hiệu "{found}" in ra "{" ".join(line.split())}": Nghị định viết '
            f'"{expected}" (chữ in hoa, các nhóm nối bằng "-" không cách; Phụ lục I, Mục II, '
            "3.b); bộ kiểm tra .docx báo lỗi PL1.II.3b.symbol-shape",
        )
        for code, expected, found in rules.number_problems(line)
        if code == "symbol-shape"
    ]


#: The models the checks below look for, found in one walk of the document.
_WALKED = (Task, TaskPart, Table, TaskTable, Appendix)


def _walked(doc: Document) -> list[tuple[str, object]]:
    return list(walk.models(doc, _WALKED))


def _of(nodes: list[tuple[str, object]], kind: type | tuple[type, ...]) -> list[tuple[str, Any]]:
    """The nodes whose model is a ``kind``, decided once per class (``isinstance`` on a
    pydantic model is slow, and a long plan holds thousands of tasks)."""
    classes = set(map(type, map(walk._VALUE, nodes)))
    wanted = walk._wanted(classes, kind)
    return (nodes if wanted == classes else walk.pick(nodes, wanted)) if wanted else []


def table_widths(doc: Document, nodes: list[tuple[str, object]] | None = None) -> list[Problem]:
    """Tables whose fixed columns do not fit their page (``table_too_wide``): the layout's own
    rule (:func:`vanban.layout.tables.column_widths`), run on the model with the table's path,
    so that it is reported by ``load`` and ``vanban check`` where the table is written.
    ``nodes``: the document's models as :func:`_walked` finds them (walked here if not given)."""
    from vanban.layout import tables  # the rule lives with the layout; imported on use

    nodes = _walked(doc) if nodes is None else nodes
    if not _of(nodes, (Table, TaskTable)):
        return []
    portrait = _margins(doc)[0]
    # The text width of each phụ lục's page by its path, longest path first.
    sheets = sorted(
        (
            (p, page.text_width(portrait, landscape=a.landscape))
            for p, a in nodes
            if isinstance(a, Appendix)
        ),
        key=lambda x: -len(x[0]),
    )
    found: list[Problem] = []
    for path, block in nodes:
        if not isinstance(block, (Table, TaskTable)):
            continue
        total = next(
            (w for p, w in sheets if path.startswith((f"{p}.", f"{p}["))),
            portrait.text_width,
        )
        if isinstance(block, Table):
            widths: list[float | str] = [c.width for c in block.columns]
        else:
            widths = [
                c.width if c.width is not None else tables.TASK_COLUMN_WIDTHS.get(c.field, 2)
                for c in block.columns
            ]
        try:
            tables.column_widths(widths, total)
        except ValidationError as exc:
            landscape = total > portrait.text_width
            hint = "" if landscape else "; hoặc đặt bảng trong một phụ lục nằm ngang (landscape)"
            found += [
                Problem(
                    f"{path}.columns",
                    p.code,
                    f"{p.message}: hãy giảm độ rộng cố định (cm, mm) của các cột{hint}",
                )
                for p in exc.errors
            ]
    return found


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later (29 February becomes 28 February).

    >>> one_year_after(dt.date(2025, 12, 31)), one_year_after(dt.date(2024, 2, 29))
    (datetime.date(2026, 12, 31), datetime.date(2025, 2, 28))
    """
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def check_document(
    doc: Document, *, today: dt.date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Return ``(errors, warnings)`` for ``doc``; ``today`` defaults to the system date."""
    walk.share(doc)  # the checks below walk the document once between them
    try:
        return _check_document(doc, today)
    finally:
        walk.unshare(doc)


def _check_document(doc: Document, today: dt.date | None) -> tuple[list[Problem], list[Problem]]:
    errors: list[Problem] = []
    warns: list[Problem] = []
    today = today or dt.date.today()

    used: set[str] = set()
    nodes = _walked(doc)  # one walk for the tasks, tables and phụ lục below
    own = doc.texts()  # the document's texts, walked once for every check below
    # Most texts name no footnote and no phụ lục: looked into only when they hold "[".
    marked = [(path, value) for path, value in own if "[" in value]
    for i, r in enumerate(doc.recipients):  # rendered with markup too (ô 9b)
        if "[" in r.name:
            marked.append((f"recipients[{i}].name", r.name))
        if r.purpose and "[" in r.purpose:
            marked.append((f"recipients[{i}].purpose", r.purpose))
    for path, value in marked:
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
    ids: set[str] | None = None
    for path, value in marked:
        for name in markup.ref_names(value):
            if ids is None:  # every phụ lục, those of a text a Quyết định issues too
                ids = {a.id for _, a in nodes if isinstance(a, Appendix) and a.id}
            if name not in ids:
                known = ", ".join(sorted(ids)) or "chưa có phụ lục nào có id"
                errors.append(
                    Problem(
                        path,
                        "unknown_ref",
                        f"[@{name}] không dẫn tới phụ lục nào (các id: {known})",
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
        # in the body, tables and phụ lục alike, and in each row of a multi-row task
        for path, task in _of(nodes, (Task, TaskPart)):
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
    # A type with an abbreviation ends its ký hiệu with the issuer's ("KH-UBND"); a Công văn,
    # which has none, starts with it ("UBND-VX") (Phụ lục I, II.3.b).
    first = doc.type_info.abbreviation is None
    if doc.symbol and abbr:
        sym, want = doc.symbol.upper(), abbr.upper()
        if not (sym.startswith(want) if first else sym.endswith(want)):
            where = "bắt đầu" if first else "kết thúc"
            message = f'ký hiệu "{doc.symbol}" không {where} bằng chữ viết tắt của cơ quan "{abbr}"'
            warns.append(Problem("symbol", "symbol_mismatch", message))
    more_errors, more_warns = appendix_headings(doc, marked)  # a [@id] holds "["
    errors += more_errors
    warns += more_warns
    warns += typed_numbering(doc, own)
    warns += colons_before_end(doc, own)
    warns += joined_colons(doc, own)
    warns += line_fit(doc)
    warns += unpaired_asterisks(doc, own)
    warns += symbol_type(doc)
    warns += symbol_shape(doc)
    errors += table_widths(doc, nodes)
    type_warnings = _attr(doc, "type_warnings")  # a type's own (Quyết định)
    if type_warnings is not None:
        warns += type_warnings()
    # A two-party text (Hợp đồng …) has no Nơi nhận unless one is given.
    if doc.archive is None and not _attr(doc, "recipients_optional", False):
        warns.append(
            Problem("archive", "archive_added", 'thiếu dòng "Lưu" (archive); đã thêm "Lưu: VT."')
        )
    return errors, warns

"""Layout of the parts every document shares: header table, heading, recipients, signer."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from vanban import _markup as markup
from vanban import _metrics
from vanban._markup import Footnote, Ref, Span, tuple_new
from vanban._record import FrozenRecord
from vanban.errors import Problem, ValidationError
from vanban.layout.blocks import (
    AppendixLayout,
    Block,
    BodyItem,
    Boxed,
    Inline,
    Layout,
    NoteRef,
    Role,
    Rule,
)
from vanban.models.common import Document, Recipient
from vanban.nd30 import appendix, cable, dates, marks, numbering, page, recipients, signer
from vanban.nd30 import text as nd30_text
from vanban.nd30.capitals import capitals
from vanban.nd30.header import MOTTO, NATIONAL_NAME


class Inliner:
    """Turns user text into inlines, numbering footnote references in document order."""

    def __init__(self, doc: Document, refs: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.notes: list[tuple[int, tuple[Inline, ...]]] = []
        #: The labels of the parts text refers to as ``[@id]`` ("Phụ lục II").
        self.refs = refs or {}
        #: Table cells of one paragraph without footnotes, by (text, role, bold): shared.
        self.cell_memo: dict[tuple[str, Role, bool], tuple[Block, ...]] = {}

    def __call__(
        self, text: str, *, bold: bool = False, italic: bool = False, upper: bool = False
    ) -> list[Inline]:
        if not markup.has_markup(text):  # no markup, so nothing to number either
            if not text:
                return []
            return [tuple_new(Span, (capitals(text) if upper else text, bold, italic, None))]
        parsed = markup.parse(text, bold=bold, italic=italic)
        if not upper and "[^" not in text and "[@" not in text:  # nothing to number
            return parsed  # type: ignore[return-value]
        out: list[Inline] = []
        for x in parsed:
            if isinstance(x, Ref):
                out.append(self._ref(x, upper=upper))
                continue
            if isinstance(x, Footnote):
                number = len(self.notes) + 1
                if x.name not in self.doc.footnotes:
                    raise ValidationError(
                        [
                            Problem(
                                "footnotes",
                                "unknown_footnote",
                                f"chú thích [^{x.name}] chưa có nội dung trong footnotes",
                            )
                        ]
                    )
                note = markup.parse(self.doc.footnotes[x.name])
                # A footnote's own text cannot hold further footnotes; its references are
                # printed as the labels they name.
                self.notes.append(
                    (
                        number,
                        tuple(
                            self._ref(i) if isinstance(i, Ref) else i
                            for i in note
                            if not isinstance(i, Footnote)
                        ),
                    )
                )
                out.append(NoteRef(number))
            elif upper and isinstance(x, Span):
                out.append(x._replace(text=capitals(x.text)))
            else:
                out.append(x)
        return out

    def _ref(self, x: Ref, *, upper: bool = False) -> Span:
        """A ``[@id]`` reference as the label of the part it names ("Phụ lục II")."""
        label = self.refs.get(x.name)
        if label is None:
            raise ValidationError(
                [Problem("", "unknown_ref", f"không có phụ lục nào có id: {x.name}")]
            )
        return Span(label.upper() if upper else label, x.bold, x.italic)


def _recipient_inlines(inl: Inliner, line: str, purpose: str | None) -> tuple[Inline, ...]:
    """A recipient's line, its name and its purpose read as markup each on its own (a "*"
    in the name and one in the purpose must not italicise what lies between them).
    The line is "- <name><purpose text>;" (:func:`vanban.nd30.recipients.recipient_lines`)."""
    if not purpose or not markup.has_markup(line):
        return tuple(inl(line))  # one field, or nothing to read: the line as it is
    tail = recipients.purpose_text(purpose)
    name = line[2 : len(line) - 1 - len(tail)]
    out: list[Inline] = [Span("- "), *inl(name), *inl(tail), Span(";")]
    merged: list[Inline] = []
    for x in out:  # plain neighbours joined: the same runs as one parse of the line gives
        last = merged[-1] if merged else None
        if (
            type(x) is Span
            and type(last) is Span
            and last[1:] == x[1:]  # the same emphasis and vertical alignment
        ):
            merged[-1] = x._replace(text=last.text + x.text)
        else:
            merged.append(x)
    return tuple(merged)


def plain_block(role: Role, text: str) -> Block:
    """A block of generated text (no markup is read in it)."""
    return tuple_new(Block, (role, (tuple_new(Span, (text, False, False, None)),), False))


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@functools.cache
def _motto_width(size: float) -> int:
    return round(_metrics.text_width(MOTTO, size, bold=True))


@functools.lru_cache(maxsize=1024)
def _line_width(line: str, container: int, size: float) -> float:
    # A pure function of its arguments; a batch repeats its issuers (and often its titles).
    return _metrics.longest_line_width(line, container, size, bold=True)


def _rule_for(lines: Iterable[str], container: int, size: int, fraction: float) -> Rule:
    longest = max((_line_width(line, container, size) for line in lines), default=0.0)
    return Rule(round(longest * fraction), container)


BodyBuilder = Callable[[Inliner, int], list[BodyItem]]
#: Lays out the parts a type puts after its signature before the phụ lục (the text a
#: Quyết định issues): called with the inliner and the size preset.
PartsBuilder = Callable[[Inliner, page.SizePreset], list[AppendixLayout]]


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Regions(FrozenRecord):
    """The regions a document type picks beyond those every document has (header, body,
    signer, Nơi nhận, footnotes, phụ lục).

    ``heading``: tên loại, trích yếu and the rule under them (ô 5a); when ``False`` the
    trích yếu is the "V/v …" line under the Số (ô 5b), as in a Công văn. ``authority``: the
    authority line of a Quyết định or Nghị quyết. ``addressees``: the names of the Kính gửi
    block (ô 9a). ``parts``: what comes after the signature before the phụ lục. ``title``:
    whether the heading has a trích yếu under the tên loại (not in a Giấy giới thiệu or Giấy
    nghỉ phép, Mẫu 1.8, 1.10: the rule is then under the tên loại). ``confirmation``: a
    signature block under the closing, on the left (the xác nhận of Mẫu 1.10). ``date``:
    the địa danh, ngày (ô 4) in the header; a Biên bản (Mẫu 1.9) has none. ``signer_pair``:
    two signers side by side (title lines then name, left and right) in place of the one
    signer, the Nơi nhận under them. ``number``: the Số, ký hiệu (ô 3); a Thư công has none.
    ``subject``: without ``heading``, the trích yếu as the "V/v …" line; ``False`` when the
    type prints its title itself (a Thư công).
    """

    heading: bool = True
    title: bool = True
    authority: str | None = None
    addressees: Sequence[str] = ()
    parts: PartsBuilder | None = None
    confirmation: Sequence[Block] = ()
    date: bool = True
    number: bool = True
    subject: bool = True
    signer_pair: tuple[list[Block], list[Block]] | None = None
    #: The Nơi nhận as the type prints it ("Như trên" or "Như Điều N" first, the person
    #: granted leave first…); ``None``: the document's own list.
    recipients: Sequence[Recipient] | None = None

    def __init__(
        self,
        heading: bool = True,
        title: bool = True,
        authority: str | None = None,
        addressees: Sequence[str] = (),
        parts: PartsBuilder | None = None,
        confirmation: Sequence[Block] = (),
        date: bool = True,
        number: bool = True,
        subject: bool = True,
        signer_pair: tuple[list[Block], list[Block]] | None = None,
        recipients: Sequence[Recipient] | None = None,
    ) -> None:
        set_field = object.__setattr__
        set_field(self, "heading", heading)
        set_field(self, "title", title)
        set_field(self, "authority", authority)
        set_field(self, "addressees", addressees)
        set_field(self, "parts", parts)
        set_field(self, "confirmation", confirmation)
        set_field(self, "date", date)
        set_field(self, "number", number)
        set_field(self, "subject", subject)
        set_field(self, "signer_pair", signer_pair)
        set_field(self, "recipients", recipients)


def regions_of(doc: Document, **changes: Any) -> Regions:
    """The regions of a document's type as its facts declare them
    (:class:`vanban.nd30.doctypes.DocType`: Số, ô 4 date, tên loại, V/v line, trích yếu),
    with the type's own ``changes`` (its Kính gửi, Nơi nhận, signers…).

    >>> from vanban import registry
    >>> regions_of(registry.model("thu_cong").model_construct(doc_type="thu_cong"))
    ... # doctest: +ELLIPSIS
    Regions(heading=False, title=True, authority=None, ..., number=False, subject=False, ...)
    """
    facts = doc.type_info
    base: dict[str, Any] = {
        "heading": facts.named,
        "title": facts.title,
        "number": facts.number,
        "date": facts.header_date,
        "subject": facts.named or facts.subject_line,
    }
    return Regions(**{**base, **changes})


def as_above(doc: Document) -> list[Recipient]:
    """The Nơi nhận of a document with Kính gửi: "Như trên" first, not doubled (Phụ lục I,
    II.9.b; :func:`vanban.nd30.recipients.with_as_above`), as the office set it (``as_above``:
    off, or its own line) and not when the recipients already name every addressee."""
    return recipients.with_as_above(
        doc.recipients,
        lambda r: r.name,
        lambda name: Recipient(name=name),
        first=getattr(doc, "as_above", True),
        addressees=getattr(doc, "addressees", ()),
    )


#: The empty ô 4 of a document without địa danh, ngày in its header (Mẫu 1.9).
_EMPTY_DATE = Block(Role.PLACE_DATE, ())
#: The empty ô 3 of a document without Số, ký hiệu (Thư công).
_EMPTY_NUMBER = Block(Role.NUMBER, ())


def build(doc: Document, body_builder: BodyBuilder, regions: Regions | None = None) -> Layout:
    """Lay out a document: the shared parts here, the ``regions`` its type picks, its body
    by ``body_builder`` (called with the inliner and the text width for tables).

    Parts are laid out in reading order so that footnotes are numbered in that order.
    """
    from vanban.layout import appendix as appendix_layout  # it builds on this module

    if regions is None:
        regions = regions_of(doc)

    labels = appendix_layout.appendix_labels(doc)
    refs = {
        a.id: label
        for a, label in zip(getattr(doc, "appendices", []), labels, strict=False)
        if a.id
    }
    inl = Inliner(doc, refs)
    fmt = doc.format
    preset = page.SIZE_PRESETS[fmt.size]
    margins = fmt.margins.rule()
    text_width = margins.text_width
    left_cell = page.HEADER_COLUMNS[0] - 2 * page.CELL_MARGIN
    right_cell = page.HEADER_COLUMNS[1] - 2 * page.CELL_MARGIN

    parent = _lines(doc.issuer.parent.upper()) if doc.issuer.parent else []
    issuer = _lines(doc.issuer.name.upper())
    header_left = [plain_block(Role.PARENT, line) for line in parent]
    header_left += [plain_block(Role.ISSUER, line) for line in issuer]
    header_right = [plain_block(Role.NATIONAL, NATIONAL_NAME), plain_block(Role.MOTTO, MOTTO)]

    date_line = dates.date_line(doc.place, *_date_parts(doc)) if regions.date else ""
    motto_width = _motto_width(preset.motto)

    title_text = markup.plain(markup.parse(doc.title))
    heading: list[Block] = []
    subject: list[Block] = []
    title_rule: Rule | None = None
    if regions.heading and not regions.title:
        heading = [plain_block(Role.DOC_TYPE, doc.type_info.heading)]
        title_rule = _rule_for(
            [doc.type_info.heading], text_width, preset.title, page.RULE_FRACTION
        )
    elif regions.heading:
        heading = [
            plain_block(Role.DOC_TYPE, doc.type_info.heading),
            Block(Role.TITLE, tuple(inl(doc.title))),
        ]
        title_rule = _rule_for(title_text.split("\n"), text_width, preset.title, page.RULE_FRACTION)
    elif regions.subject:
        subject = [Block(Role.SUBJECT, tuple(inl(nd30_text.subject_line(doc.title))))]
    authority = (
        [plain_block(Role.AUTHORITY, line) for line in _lines(regions.authority.upper())]
        if regions.authority
        else []
    )
    addressees = _addressees(inl, regions.addressees)
    body = body_builder(inl, text_width)

    archive_text = doc.archive.line() if doc.archive else recipients.archive_line()
    listed = doc.recipients if regions.recipients is None else regions.recipients
    lines = recipients.recipient_lines(((r.name, r.purpose) for r in listed), archive_text)
    recipient_blocks = [plain_block(Role.RECIPIENTS_LABEL, recipients.LABEL)]
    recipient_blocks += [
        tuple_new(Block, (Role.RECIPIENT, _recipient_inlines(inl, line, r.purpose), False))
        for line, r in zip(lines, listed, strict=False)
    ]
    recipient_blocks.append(tuple_new(Block, (Role.RECIPIENT, tuple(inl(lines[-1])), False)))

    s = doc.signer
    pair = regions.signer_pair
    signer_blocks = (
        []
        if pair
        else [
            plain_block(Role.SIGNER_TITLE, line)
            for line in signer.signer_lines(
                s.authority, title=s.title, head_title=s.head_title, collective=s.collective
            )
        ]
    )
    others = (
        []
        if pair
        else [
            plain_block(Role.SIGNER_OTHER, line)
            for line in signer.other_title_lines(s.other_titles)
        ]
    )
    above = s.other_titles_position == "above_name"
    parts = regions.parts(inl, preset) if regions.parts else []
    mark = fmt.end_mark_text
    if mark is not None and mark != nd30_text.END_MARK:
        for items in (body, *(p.body for p in parts)):
            _own_end_mark(items, mark)
    appendices = parts + appendix_layout.appendices(doc, inl, labels, preset)
    indent = page.first_line_indent(fmt.first_line_indent)
    return Layout(
        header_left=header_left,
        header_right=header_right,
        number=plain_block(Role.NUMBER, numbering.number_line(doc.number, doc.symbol_text))
        if regions.number
        else _EMPTY_NUMBER,
        place_date=plain_block(Role.PLACE_DATE, date_line) if date_line else _EMPTY_DATE,
        issuer_rule=_rule_for(issuer, left_cell, preset.issuer, page.RULE_FRACTION),
        motto_rule=Rule(motto_width, right_cell),
        heading=heading,
        title_rule=title_rule,
        body=body,
        recipients=recipient_blocks,
        signer=signer_blocks,
        signer_name=Block(Role.SIGNER_NAME, ()) if pair else plain_block(Role.SIGNER_NAME, s.name),
        footnotes=inl.notes,
        page=_page(margins),
        sizes={
            **preset.half_points(),
            "mark": 2 * marks.MARK_SIZE,
            "contact": 2 * marks.CONTACT_SIZE,
            "table": 2 * fmt.table_size,
            "appendix_label": 2 * appendix.LABEL_SIZE,
            "appendix_reference": 2 * appendix.REFERENCE_SIZE,
        },
        fmt={
            "first_line": indent,
            "line": page.line_spacing(fmt.line_spacing),
            "before": page.PARAGRAPH_SPACING,
            "signature_space": page.SIGNATURE_SPACE,
            "table_border": page.TABLE_BORDER,
            "table_after": page.TABLE_SPACE_AFTER,
            **_addressee_indents(preset.body),
            **_cable_indents(preset.body),
        },
        properties={"title": title_text.replace("\n", " "), "subject": doc.type_info.name},
        circulation=_circulation(doc.circulation),
        marks=[
            _boxed(mark)
            for mark in marks.marks_in_order(
                [
                    marks.secrecy_mark(doc.secrecy) if doc.secrecy else None,
                    marks.urgency_mark(doc.urgency) if doc.urgency else None,
                ]
            )
        ],
        signer_above_name=others if above else [],
        signer_below_name=[] if above else others,
        contact=[plain_block(Role.CONTACT, line) for line in doc.contact.lines()]
        if doc.contact
        else [],
        appendices=appendices,
        subject=subject,
        authority=authority,
        addressees=addressees,
        confirmation=list(regions.confirmation),
        signer_pair=pair,
    )


def _own_end_mark(items: list[BodyItem], mark: str) -> None:
    """Write the office's end mark (``format.end_mark`` given as a text) where the type's
    layout put "./.": the last text of the last paragraph of the content, footnote marks
    after it aside (:func:`vanban.layout.body.end_mark_last`)."""
    for k in range(len(items) - 1, -1, -1):
        item = items[k]
        if not isinstance(item, Block):
            return
        if item.role in (Role.TABLE_AFTER, Role.PAGE_BREAK):
            continue
        inlines = list(item.inlines)
        for i in range(len(inlines) - 1, -1, -1):
            x = inlines[i]
            if isinstance(x, Span):
                inlines[i] = x._replace(text=nd30_text.with_own_end_mark(x.text, mark))
                items[k] = item._replace(inlines=tuple(inlines))
                return
            if not isinstance(x, NoteRef):
                return
        return


def _addressees(inl: Inliner, names: Sequence[str]) -> list[Block]:
    """The Kính gửi block: the label (with the one addressee), then "- …;" lines."""
    if not names:
        return []
    lines = recipients.addressee_lines(names)
    return [Block(Role.ADDRESSEES_LABEL, tuple(inl(lines[0])))] + [
        Block(Role.ADDRESSEE, tuple(inl(line))) for line in lines[1:]
    ]


@functools.cache
def _addressee_indents(size: int) -> dict[str, int]:
    """Indents of the Kính gửi block (twips): the label's, hanging so that one long addressee
    on its line wraps under the addressee's first word, and the addressee lines' so that their
    dashes sit under the label's colon and a long name wraps after the dash."""
    label = recipients.ADDRESSEES_LABEL
    colon = _metrics.text_width(label[:-1], size)
    dash = _metrics.text_width("- ", size)
    after_label = round(_metrics.text_width(f"{label} ", size))
    return {
        "addressees": recipients.ADDRESSEES_INDENT + after_label,
        "addressees_hanging": after_label,
        "addressee": round(recipients.ADDRESSEES_INDENT + colon + dash),
        "addressee_hanging": round(dash),
    }


@functools.cache
def _cable_indents(size: int) -> dict[str, int]:
    """Indents of a Công điện's recipient lines (twips): their dashes about 5.5 cm from the
    margin (:data:`vanban.nd30.cable.RECIPIENTS_INDENT`), a long name wrapping after the dash."""
    dash = round(_metrics.text_width("- ", size))
    return {"cable_recipient": cable.RECIPIENTS_INDENT + dash, "cable_recipient_hanging": dash}


def _date_parts(doc: Document) -> tuple[int | None, int | None, int | None]:
    """Day, month and year of the document's date (``None`` where it is left blank)."""
    d = doc.date
    return (d.day, d.month, d.year) if d else (None, None, None)


def _page(margins: page.Margins, *, landscape: bool = False) -> dict[str, int]:
    """A section's page for the template: size, margins, header and footer distances and the
    text width, in twips."""
    return {
        "width": page.LANDSCAPE_WIDTH if landscape else page.PAGE_WIDTH,
        "height": page.LANDSCAPE_HEIGHT if landscape else page.PAGE_HEIGHT,
        **margins.twips(),
        "header": page.HEADER_DISTANCE,
        "footer": page.FOOTER_DISTANCE,
        "text_width": page.text_width(margins, landscape=landscape),
    }


def _boxed(mark: marks.Mark) -> Boxed:
    return Boxed(plain_block(Role.MARK, mark.text), mark.width, mark.height, mark.border)


def _circulation(text: str | None) -> Boxed | None:
    if not text:
        return None
    line = marks.circulation(text)
    width = _metrics.text_width(line, marks.MARK_SIZE, bold=True)
    return _boxed(marks.circulation_mark(line, width))

"""Layout of a Biên bản (Mẫu 1.9, Phụ lục III).

Header without địa danh, ngày (ô 4) unless ``header_date``; "BIÊN BẢN" (or the office's tên
loại, "BIÊN BẢN THẨM ĐỊNH"), the record's name and the rule; the căn cứ and the opening
paragraphs when given; the fields "Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự" (one
"- …;" line each, or the one participant on the label's line), "Chủ tọa", "Thư ký", each
printed when its field is given, under its label or the office's; "Nội dung:" (when a field
line precedes it) and the content and mục (shared body blocks); the line "Cuộc họp kết thúc
vào …" when the end is given, then the closing paragraphs, the last closed by "./."; then
THƯ KÝ (left) and CHỦ TỌA (right) side by side, no prefix, or the record's own signers two
by row, and the Nơi nhận under the left column.
"""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, build, plain_block, regions_of
from vanban.models.bien_ban import BienBan
from vanban.models.signatories import Person
from vanban.nd30 import minutes
from vanban.nd30.text import basis_lines

__all__ = ["layout", "signer_column"]


def _field(body: Body, label: str, value: str) -> None:
    """A labelled field: the label as written, the value read as markup."""
    line = minutes.field_line(label, value)
    body.add(Role.PARAGRAPH, [Span(f"{label}: "), *body.inl(line[len(label) + 2 :])])


def _label(doc: BienBan, key: str, default: str) -> str:
    label = doc.labels.get(key)  # type: ignore[call-overload]
    return label if isinstance(label, str) else default


def _fields(doc: BienBan, body: Body) -> bool:
    """The fields of Mẫu 1.9 that the record gives; whether any was printed."""
    inl = body.inl
    n = len(body.out)
    if doc.start is not None:
        label = _label(doc, "start", minutes.START_LABEL)
        body.add(Role.PARAGRAPH, [Span(minutes.start_line(doc.start, label))])
    if doc.venue:
        _field(body, _label(doc, "venue", minutes.PLACE_LABEL), doc.venue)
    label = _label(doc, "participants", minutes.PARTICIPANTS_LABEL)
    if len(doc.participants) == 1:  # one: on the label's line
        _field(body, label, doc.participants[0])
    elif doc.participants:
        body.add(Role.PARAGRAPH, [Span(f"{label}:")])
        for line in minutes.participant_lines(doc.participants):
            body.add(Role.BULLET, [Span("- "), *inl(line[2:])])
    if doc.chair is not None:
        label = _label(doc, "chair", minutes.chair_label(doc.chair_word))
        body.add(Role.PARAGRAPH, [Span(minutes.field_line(label, doc.chair.text))])
    if doc.secretary is not None:
        label = _label(doc, "secretary", minutes.SECRETARY_LABEL)
        body.add(Role.PARAGRAPH, [Span(minutes.field_line(label, doc.secretary.text))])
    return len(body.out) > n


def _body(doc: BienBan, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    for line in basis_lines(doc.bases):
        body.add(Role.BASIS, inl(line))
    if doc.opening:
        body.paragraphs(doc.opening)
    fields = _fields(doc, body)
    content_label = doc.labels.get("content")
    if content_label is not False and (fields or content_label) and doc.content:
        body.add(Role.PARAGRAPH, [Span(f"{_label(doc, 'content', minutes.CONTENT_LABEL)}:")])
    body.blocks(doc.content, ())
    body.sections(doc.sections)
    finish = doc.finish
    if finish is not None:
        end = minutes.end_line(doc.kind, doc.start, finish, doc.end_note)
        body.add(Role.CLOSING, [Span(end)])
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark and body.out:
        end_mark_last(body.out)
    return body.out


def signer_column(titles: list[str], person: Person) -> list[Block]:
    """One column of a two-signer closing: the title lines (UPPERCASE) then the name."""
    return [plain_block(Role.SIGNER_TITLE, t.upper()) for t in titles] + [
        plain_block(Role.SIGNER_NAME, person.name)
    ]


def _signer_pair(doc: BienBan) -> tuple[list[Block], list[Block]]:
    """The two columns of signatures: THƯ KÝ and CHỦ TỌA (Mẫu 1.9), or the record's own
    signers from left to right, a third under the first, a fourth under the second…"""
    if doc.signers:
        columns: tuple[list[Block], list[Block]] = ([], [])
        for i, s in enumerate(doc.signers):
            column = columns[i % 2]
            if column:  # a line between a name and the next signature's label
                column.append(plain_block(Role.SIGNER_TITLE, ""))
            column.extend(signer_column(s.lines, Person(name=s.name)))
        return columns
    assert doc.chair is not None and doc.secretary is not None  # required without signers
    chair = [minutes.chair_title(doc.chair_word)]
    if doc.chair_position_signed and doc.chair.position:
        chair.append(doc.chair.position)
    return (
        signer_column([minutes.SECRETARY_TITLE], doc.secretary),
        signer_column(chair, doc.chair),
    )


def layout(doc: BienBan) -> Layout:
    """Lay out a whole Biên bản."""
    regions = regions_of(doc, date=doc.header_date, signer_pair=_signer_pair(doc))
    lay = build(doc, lambda inl, width: _body(doc, inl, width), regions)
    if doc.heading:  # the office's tên loại ("BIÊN BẢN THẨM ĐỊNH")
        lay.heading[0] = plain_block(Role.DOC_TYPE, " ".join(doc.heading.split()).upper())
    if not doc.recipients_shown:
        lay.recipients = []
    return lay

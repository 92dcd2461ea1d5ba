"""Layout of a Biên bản (Mẫu 1.9; nd30-types.md §13).

Header without địa danh, ngày (ô 4) unless ``header_date``; "BIÊN BẢN", the meeting's name
and the rule; the fields "Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự" (one "- …;"
line each, or the one participant on the label's line), "Chủ tọa", "Thư ký", "Nội dung:" and
the content (shared body blocks); the line "Cuộc họp kết thúc vào …" closed by "./."; then
THƯ KÝ (left) and CHỦ TỌA (right) side by side, no prefix, and the Nơi nhận under the
secretary's column.
"""

from __future__ import annotations

from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, Regions, build, plain_block
from vanban.models.bien_ban import BienBan
from vanban.models.signatories import Person
from vanban.nd30 import minutes

__all__ = ["layout", "signer_column"]


def _field(body: Body, label: str, value: str) -> None:
    """A labelled field: the label as written, the value read as markup."""
    line = minutes.field_line(label, value)
    body.add(Role.PARAGRAPH, [Span(f"{label}: "), *body.inl(line[len(label) + 2 :])])


def _body(doc: BienBan, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    body.add(Role.PARAGRAPH, [Span(minutes.start_line(doc.start))])
    _field(body, minutes.PLACE_LABEL, doc.venue)
    if len(doc.participants) == 1:  # one: on the label's line
        _field(body, minutes.PARTICIPANTS_LABEL, doc.participants[0])
    else:
        body.add(Role.PARAGRAPH, [Span(f"{minutes.PARTICIPANTS_LABEL}:")])
        for line in minutes.participant_lines(doc.participants):
            body.add(Role.BULLET, [Span("- "), *inl(line[2:])])
    body.add(
        Role.PARAGRAPH,
        [Span(minutes.field_line(minutes.chair_label(doc.chair_word), doc.chair.text))],
    )
    body.add(
        Role.PARAGRAPH, [Span(minutes.field_line(minutes.SECRETARY_LABEL, doc.secretary.text))]
    )
    body.add(Role.PARAGRAPH, [Span(f"{minutes.CONTENT_LABEL}:")])
    body.blocks(doc.content, ())
    end = minutes.end_line(doc.kind, doc.start, doc.finish, doc.end_note)
    body.add(Role.CLOSING, [Span(end)])
    if doc.format.end_mark:
        end_mark_last(body.out)
    return body.out


def signer_column(titles: list[str], person: Person) -> list[Block]:
    """One column of a two-signer closing: the title lines (UPPERCASE) then the name."""
    return [plain_block(Role.SIGNER_TITLE, t.upper()) for t in titles] + [
        plain_block(Role.SIGNER_NAME, person.name)
    ]


def layout(doc: BienBan) -> Layout:
    """Lay out a whole Biên bản."""
    chair = [minutes.chair_title(doc.chair_word)]
    if doc.chair_position_signed and doc.chair.position:
        chair.append(doc.chair.position)
    pair = (
        signer_column([minutes.SECRETARY_TITLE], doc.secretary),
        signer_column(chair, doc.chair),
    )
    regions = Regions(date=doc.header_date, signer_pair=pair)
    return build(doc, lambda inl, width: _body(doc, inl, width), regions)

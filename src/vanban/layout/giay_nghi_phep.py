"""Layout of a Giấy nghỉ phép (Mẫu 1.10): tên loại and its rule, no trích yếu; "Xét Đơn đề
nghị nghỉ phép … cấp cho:", the person's lines, the leave, what it counts as with "./."; Nơi
nhận starts with the person; under the closing, on the left, the optional xác nhận block."""

from __future__ import annotations

from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import end_mark_last
from vanban.layout.common import Inliner, build, plain_block, regions_of
from vanban.layout.fields import field, in_text, person_lines
from vanban.models.common import Recipient
from vanban.models.giay_nghi_phep import GiayNghiPhep
from vanban.nd30 import forms

__all__ = ["layout"]

#: The reason line's label (vanban's: the template has none; the request names it).
REASON = "Lý do"


def _body(doc: GiayNghiPhep, inl: Inliner) -> list[BodyItem]:
    opening = forms.leave_request_line(
        doc.request_date, doc.person.named, in_text(doc, doc.grantor)
    )
    out: list[BodyItem] = [plain_block(Role.PARAGRAPH, opening), *person_lines(inl, doc.person)]
    if doc.reason:
        out.append(field(inl, REASON, doc.reason))
    leave = forms.leave_line(doc.days, doc.start, doc.end, "")
    out.append(Block(Role.PARAGRAPH, (Span(leave[:-1]), *inl(doc.leave_place), Span("."))))
    out.append(
        Block(
            Role.CLOSING,
            (Span(forms.counted_line("")[:-1]), *inl(doc.leave_kind), Span(".")),
        )
    )
    if doc.format.end_mark:
        end_mark_last(out)
    return out


def _confirmation(doc: GiayNghiPhep) -> list[Block]:
    c = doc.confirmation
    if c is None:
        return []
    return [
        plain_block(Role.CONFIRMATION_TITLE, forms.confirmation_title(c.by)),
        plain_block(Role.CONFIRMATION_NAME, c.name or ""),
    ]


def layout(doc: GiayNghiPhep) -> Layout:
    """Lay out a whole Giấy nghỉ phép."""
    own = doc.person_recipient
    if own is False:
        listed = list(doc.recipients)
    else:
        person = Recipient(name=doc.person.addressed if own is True else own)
        listed = [person, *(r for r in doc.recipients if r.name != person.name)]
    regions = regions_of(doc, confirmation=_confirmation(doc), recipients=listed)
    return build(doc, lambda inl, width: _body(doc, inl), regions)

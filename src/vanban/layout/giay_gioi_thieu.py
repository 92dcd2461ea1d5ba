"""Layout of a Giấy giới thiệu (Mẫu 1.8): tên loại and its rule, no trích yếu; "… trân trọng
giới thiệu:" centred, the person's lines, "Được cử đến", "Về việc", the fixed request, the
validity with "./."; Nơi nhận starts with "Như trên"."""

from __future__ import annotations

from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import end_mark_last
from vanban.layout.common import Inliner, as_above, build, plain_block, regions_of
from vanban.layout.fields import field, in_text, person_lines
from vanban.models.giay_gioi_thieu import GiayGioiThieu
from vanban.nd30 import forms

__all__ = ["layout"]


def _body(doc: GiayGioiThieu, inl: Inliner) -> list[BodyItem]:
    out: list[BodyItem] = [
        plain_block(Role.PARAGRAPH_CENTER, forms.introduction_line(in_text(doc, doc.introducer))),
        *person_lines(inl, doc.person),
        field(inl, forms.SENT_TO, doc.sent_to),
        field(inl, forms.ABOUT, doc.purpose),
        *_request(doc, inl),
        Block(Role.CLOSING, (Span(forms.validity_line(doc.valid_until)),)),
    ]
    if doc.format.end_mark:
        end_mark_last(out)
    return out


def _request(doc: GiayGioiThieu, inl: Inliner) -> list[BodyItem]:
    """The fixed request of Mẫu 1.8, the office's own words, or none (``request``)."""
    if doc.request is False:
        return []
    if doc.request is True:
        return [plain_block(Role.PARAGRAPH, forms.support_line(doc.person.honorific))]
    return [Block(Role.PARAGRAPH, tuple(inl(doc.request)))]


def layout(doc: GiayGioiThieu) -> Layout:
    """Lay out a whole Giấy giới thiệu."""
    regions = regions_of(doc, recipients=as_above(doc))
    return build(doc, lambda inl, width: _body(doc, inl), regions)

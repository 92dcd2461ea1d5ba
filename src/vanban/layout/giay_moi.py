"""Layout of a Giấy mời (Mẫu 1.7): tên loại and the subject of the meeting, "… trân trọng kính
mời: …", "Tới dự …", the field lines in the template's order, the notes, "./.", the shared
closing."""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import end_mark_last
from vanban.layout.common import Inliner, build
from vanban.layout.fields import field, in_text
from vanban.models.giay_moi import GiayMoi
from vanban.models.persons import when_text
from vanban.nd30 import forms

__all__ = ["in_text", "layout"]


def _body(doc: GiayMoi, inl: Inliner) -> list[BodyItem]:
    labels = forms.INVITATION_LABELS
    out: list[BodyItem] = [
        Block(
            Role.PARAGRAPH,
            (
                Span(forms.invitation_line(in_text(doc, doc.inviter), "")),
                *inl(doc.invitee),
            ),
        ),
        Block(Role.PARAGRAPH, (Span(f"{forms.ATTEND} "), *inl(doc.event))),
    ]
    if len(doc.agenda) == 1:
        out.append(field(inl, labels["agenda"], doc.agenda[0]))
    elif doc.agenda:
        out.append(Block(Role.PARAGRAPH, (Span(f"{labels['agenda']}:"),)))
        out += [Block(Role.BULLET, (Span("- "), *inl(item))) for item in doc.agenda]
    if doc.chair:
        out.append(field(inl, labels["chair"], doc.chair))
    if doc.participants:
        out.append(field(inl, labels["participants"], doc.participants))
    out.append(field(inl, labels["time"], when_text(doc.time)))
    out.append(field(inl, labels["venue"], doc.venue))
    for note in doc.notes:
        out += [Block(Role.PARAGRAPH, tuple(inl(p))) for p in _text.paragraphs(note)]
    if doc.liaison:
        out.append(field(inl, labels["liaison"], doc.liaison))
    if doc.closing:
        out += [Block(Role.CLOSING, tuple(inl(p))) for p in _text.paragraphs(doc.closing)]
    if doc.format.end_mark:
        end_mark_last(out)
    return out


def layout(doc: GiayMoi) -> Layout:
    """Lay out a whole Giấy mời."""
    return build(doc, lambda inl, width: _body(doc, inl))

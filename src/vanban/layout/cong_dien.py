"""Layout of a Công điện (Mẫu 1.6, Phụ lục III): "CÔNG ĐIỆN", trích yếu and rule; the
sender line "<CƠ QUAN, CHỨC DANH> điện:" centred; the bodies receiving it, "- …;" about
5.5 cm from the margin, the last ending "."; the message (shared body blocks), the closing
paragraph and "./."; Nơi nhận and the signer; no Kính gửi."""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, build
from vanban.models.cong_dien import CongDien
from vanban.nd30 import cable

__all__ = ["layout"]


def _body(doc: CongDien, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    body.add(Role.CABLE_SENDER, inl(cable.sender_line(doc.sender)))
    for line in cable.recipient_lines(doc.addressees):
        body.add(Role.CABLE_RECIPIENT, inl(line))
    body.blocks(doc.content, ())
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark:
        end_mark_last(body.out)
    return body.out


def layout(doc: CongDien) -> Layout:
    """Lay out a whole Công điện."""
    return build(doc, lambda inl, width: _body(doc, inl, width))

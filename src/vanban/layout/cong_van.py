"""Layout of a Công văn (Mẫu 1.5): no tên loại; the "V/v" line under the Số, the Kính gửi
block, the content and đoạn kết (shared blocks of :mod:`vanban.layout.body`), "./.", and a
Nơi nhận that starts with "Như trên"."""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, as_above, build, regions_of
from vanban.models.cong_van import CongVan

__all__ = ["layout"]


def _body(doc: CongVan, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    body.blocks(doc.content, ())
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark and body.out:
        end_mark_last(body.out)
    return body.out


def layout(doc: CongVan) -> Layout:
    """Lay out a whole Công văn."""
    regions = regions_of(doc, addressees=doc.addressees, recipients=as_above(doc))
    return build(doc, lambda inl, width: _body(doc, inl, width), regions)

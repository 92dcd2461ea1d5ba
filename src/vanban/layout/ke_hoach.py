"""Layout of a Kế hoạch body: căn cứ, mở đầu, mục I, II… (or khoản at the top level), đoạn
kết; the shared blocks are laid out by :mod:`vanban.layout.body`."""

from __future__ import annotations

from vanban import cleaning as _text
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, build
from vanban.models.ke_hoach import KeHoach
from vanban.nd30.text import basis_lines

__all__ = ["layout"]


def _body(doc: KeHoach, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width, task_style=doc.task_style, task_labels=doc.task_labels)
    for line in basis_lines(doc.bases):
        body.add(Role.BASIS, inl(line))
    for para in doc.intro:
        body.paragraphs(para)
    body.blocks(doc.content, ())
    body.sections(doc.sections)
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark and body.out:
        end_mark_last(body.out)
    return body.out


def layout(doc: KeHoach) -> Layout:
    """Lay out a whole Kế hoạch."""
    return build(doc, lambda inl, width: _body(doc, inl, width))

"""Layout of a văn bản có tên loại (Mẫu 1.4): căn cứ, mở đầu, mục I, II… (or khoản at the
top level, or chương and điều for a quy chế or quy định), đoạn kết; the Kính gửi of a tờ
trình or an upward báo cáo, whose Nơi nhận then opens "- Như trên;". The shared blocks are
laid out by :mod:`vanban.layout.body`, chương and điều by :mod:`vanban.layout.articles`."""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban.layout import articles as _articles
from vanban.layout.blocks import Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, as_above, build, regions_of
from vanban.models.text_document import TextDocument
from vanban.nd30.text import basis_lines

__all__ = ["layout"]


def _body(doc: TextDocument, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width, task_style=doc.task_style, task_labels=doc.task_labels)
    for line in basis_lines(doc.bases):
        body.add(Role.BASIS, inl(line))
    for para in doc.intro:
        body.paragraphs(para)
    body.blocks(doc.content, ())
    body.sections(doc.sections)
    n = _articles.articles(body, getattr(doc, "articles", []))
    _articles.chapters(body, getattr(doc, "chapters", []), n)
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark and body.out:
        end_mark_last(body.out)
    return body.out


def layout(doc: TextDocument) -> Layout:
    """Lay out a whole văn bản of Mẫu 1.4 (a Kế hoạch, a Tờ trình, a Quy chế…)."""
    addressees: list[str] = getattr(doc, "addressees", [])
    # The Kính gửi addressees are "Như trên" in Nơi nhận (Phụ lục I, II.9.b).
    listed = as_above(doc) if addressees else None
    regions = regions_of(doc, addressees=addressees, recipients=listed)
    return build(doc, lambda inl, width: _body(doc, inl, width), regions)

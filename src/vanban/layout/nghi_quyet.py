"""Layout of a Nghị quyết (Mẫu 1.1, Phụ lục III).

Heading "NGHỊ QUYẾT", trích yếu and rule; the authority line naming the collective; căn cứ
closed by "Xét (Theo) đề nghị của …."; "QUYẾT NGHỊ:"; the articles (shared with the Quyết
định, :mod:`vanban.layout.articles`) and "./." after the last; Nơi nhận opening "- Như Điều
N;"; then the phụ lục.
"""

from __future__ import annotations

from vanban.layout import articles as _articles
from vanban.layout.blocks import BodyItem, Layout
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, build, regions_of
from vanban.models.nghi_quyet import NghiQuyet
from vanban.nd30.articles import authority_line, decision_line

__all__ = ["layout"]


def _body(doc: NghiQuyet, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    _articles.opening(body, doc.bases, doc.proposal, decision_line(doc.doc_type))
    n = _articles.articles(body, doc.articles)
    _articles.chapters(body, doc.chapters, n)
    if doc.format.end_mark:
        end_mark_last(body.out)
    return body.out


def layout(doc: NghiQuyet) -> Layout:
    """Lay out a whole Nghị quyết."""
    regions = regions_of(
        doc,
        authority=authority_line(doc.authority),
        recipients=_articles.with_as_article(doc.recipients, doc.executors_line),
    )
    return build(doc, lambda inl, width: _body(doc, inl, width), regions)

"""Layout of a Quyết định (Mẫu 1.2 and 1.3, Phụ lục III).

Heading "QUYẾT ĐỊNH", trích yếu and rule; the authority line; căn cứ closed by "Theo đề nghị
của …."; "QUYẾT ĐỊNH:"; the articles (Điều 1 of a Mẫu 1.3 decision generated from its
attachment) and "./." after the last; Nơi nhận opening "- Như Điều N;"; after the signature
the attached text on a new page with its own page numbers; then the phụ lục.
"""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban import _markup as markup
from vanban.layout import articles as _articles
from vanban.layout.blocks import AppendixLayout, Block, BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import (
    Inliner,
    _date_parts,
    _page,
    _rule_for,
    build,
    plain_block,
    regions_of,
)
from vanban.models.articles import Article
from vanban.models.quyet_dinh import Attachment, QuyetDinh
from vanban.nd30 import appendix, page
from vanban.nd30.articles import (
    DECISION_LINE,
    REFERENCE_OPENINGS,
    authority_line,
    issuing_article,
)
from vanban.nd30.doctypes import DOC_TYPES

__all__ = ["layout", "reference_line"]


def _body(doc: QuyetDinh, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    _articles.opening(body, doc.bases, doc.proposal, DECISION_LINE)
    n = 0
    if doc.attachment:
        n = _articles.articles(body, [Article(text=first_article(doc.attachment))])
    n = _articles.articles(body, doc.articles, n)
    _articles.chapters(body, doc.chapters, n)
    if doc.format.end_mark:
        end_mark_last(body.out)
    return body.out


def first_article(att: Attachment) -> str:
    """Điều 1 of a Mẫu 1.3 decision: the attachment's own wording, or "Ban hành kèm theo
    Quyết định này <tên loại> <trích yếu>."."""
    return att.article or issuing_article(DOC_TYPES[att.type].name, att.title, att.action)


def reference_line(doc: QuyetDinh) -> str:
    """The attached text's "(Kèm theo Quyết định số …/QĐ-… ngày … của …)" line, filled from
    the decision (blanks where its number or date is blank), in the decision's own words when
    its ``attachment.reference`` is a text (:func:`vanban.nd30.appendix.fill_reference`);
    "" when it is ``false``."""
    wording = doc.attachment.reference if doc.attachment else "kem_theo"
    if wording is False:
        return ""
    issuer = doc.issuer.in_text or appendix.of_issuer(doc.issuer.name)
    parts = (doc.type_info.name, doc.number, doc.symbol_text, *_date_parts(doc), issuer)
    if wording is True or wording in REFERENCE_OPENINGS:
        opening = REFERENCE_OPENINGS["kem_theo" if wording is True else wording]
        return appendix.reference_line(*parts, opening)
    return appendix.fill_reference(wording, appendix.reference_fields(*parts))


def _attached(doc: QuyetDinh, inl: Inliner, preset: page.SizePreset) -> list[AppendixLayout]:
    """The attached text (Mẫu 1.3): header without Số and date, tên loại, trích yếu, the
    "(Kèm theo …)" line, the short rule under it, its body and "./."; no signature."""
    att = doc.attachment
    if att is None:
        return []
    sheet = _page(doc.format.margins.rule())
    heading = [
        plain_block(Role.DOC_TYPE, DOC_TYPES[att.type].heading),
        Block(Role.TITLE, tuple(inl(att.title))),
    ]
    line = reference_line(doc)
    if isinstance(att.reference, str) and att.reference not in REFERENCE_OPENINGS:
        heading.append(Block(Role.APPENDIX_REFERENCE, tuple(inl(line))))  # the office's words
    elif line:
        heading.append(plain_block(Role.APPENDIX_REFERENCE, line))
    title_lines = markup.plain(markup.parse(att.title)).split("\n")
    rule = _rule_for(title_lines, sheet["text_width"], preset.title, page.RULE_FRACTION)
    body = Body(inl, sheet["text_width"])
    for para in att.intro:
        body.paragraphs(para)
    body.blocks(att.content, ())
    body.sections(att.sections)
    n = _articles.articles(body, att.articles)
    _articles.chapters(body, att.chapters, n)
    if att.closing:
        for para in _text.paragraphs(att.closing):
            body.add(Role.CLOSING, inl(para))
    if doc.format.end_mark:
        end_mark_last(body.out)
    return [AppendixLayout(heading, rule, body.out, False, sheet, header=True)]


def _view(doc: QuyetDinh) -> QuyetDinh:
    """The document as the shared layout reads it: Nơi nhận opening "- Như Điều N;" (unless
    the writer put a "Như Điều" line in), every phụ lục in print order."""
    recipients = _articles.with_as_article(doc.recipients, doc.executors_line)
    return doc.model_copy(update={"recipients": recipients, "appendices": doc.all_appendices})


def layout(doc: QuyetDinh) -> Layout:
    """Lay out a whole Quyết định."""
    view = _view(doc)
    regions = regions_of(
        doc,
        authority=authority_line(doc.authority),
        parts=lambda inl, preset: _attached(view, inl, preset),
    )
    return build(view, lambda inl, width: _body(view, inl, width), regions)

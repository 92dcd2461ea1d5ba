"""Layout of a Thư công (Điều 7: no Mẫu in Phụ lục III, no abbreviation in its Mục I; UNCONFIRMED).

The spec's default is the geometry of Mẫu 1.5 without Số and V/v: the header (ô 1, ô 2 and
địa danh, ngày, no ô 3); then the letter's heading (UPPERCASE, bold, centred, the short rule
under it; further lines of the heading bold as a trích yếu), the salutation (bold), the content (shared body blocks), the closing line, "./.",
and the signer as in every type; the Nơi nhận only when given.
"""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban import _markup as markup
from vanban._markup import LineBreak, Span
from vanban.layout.blocks import Block, BodyItem, Inline, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, _rule_for, build, plain_block, regions_of
from vanban.models.thu_cong import ThuCong
from vanban.nd30 import page

__all__ = ["layout"]


def _body(doc: ThuCong, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    for para in _text.paragraphs(doc.salutation):
        body.add(Role.PARAGRAPH, inl(para, bold=True))
    body.blocks(doc.content, ())
    if doc.closing:
        for para in _text.paragraphs(doc.closing):
            body.out.append(Block(Role.CLOSING, tuple(inl(para))))
    if doc.format.end_mark and body.out:
        end_mark_last(body.out)
    return body.out


def layout(doc: ThuCong) -> Layout:
    """Lay out a whole Thư công."""
    regions = regions_of(doc)
    lay = build(doc, lambda inl, width: _body(doc, inl, width), regions)
    lines = [x for x in markup.plain(markup.parse(doc.title)).split("\n") if x.strip()]
    first, *rest = lines
    lay.heading = [plain_block(Role.DOC_TYPE, first.upper())]
    if rest:  # what the letter is for, under its name: bold, as a trích yếu
        spans: list[Inline] = []
        for i, line in enumerate(rest):
            spans += [LineBreak(), Span(line)] if i else [Span(line)]
        lay.heading.append(Block(Role.TITLE, tuple(spans)))
    preset = page.SIZE_PRESETS[doc.format.size]
    width = page.text_width(doc.format.margins.rule())
    lay.title_rule = _rule_for(lines, width, preset.title, page.RULE_FRACTION)
    if not doc.recipients and doc.archive is None:
        lay.recipients = []  # no Nơi nhận unless given
    return lay

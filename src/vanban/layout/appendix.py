"""Layout of the phụ lục (Phụ lục I, Mục III, 1): each one's heading lines (the
label, the title in capitals, the reference line), the short rule under the last of them, and
its own numbered content on pages of its own.

Every line of the heading is the decree's by default and the office's when it writes it
(:class:`vanban.models.appendix.Appendix` ``label`` and ``reference``).
"""

from __future__ import annotations

from collections.abc import Sequence

from vanban.layout.blocks import AppendixLayout, Block, Role
from vanban.layout.common import Inliner, _date_parts, _lines, _page, _rule_for, plain_block
from vanban.models.appendix import Appendix
from vanban.models.common import Document
from vanban.nd30 import appendix, page


def appendix_labels(doc: Document) -> list[str]:
    """The label line of each of the document's appendices, in order ("" for one printed
    without a label): the decree's "Phụ lục", "Phụ lục I, II…", or the office's own."""
    items: Sequence[Appendix] = getattr(doc, "appendices", [])
    places = appendix.numbered([a.label for a in items])
    count = sum(1 for p in places if p is not None)
    return [
        ""
        if a.label is False
        else appendix.appendix_label(
            place or 0, count, a.number, a.label if isinstance(a.label, str) else None
        )
        for a, place in zip(items, places, strict=True)
    ]


def reference_text(doc: Document, item: Appendix) -> str | None:
    """The reference line under an appendix's title: the decree's "(Kèm theo <loại> số … ngày
    … của …)", the office's own wording with its ``{so}``, ``{ngay}``… filled in, or ``None``
    when the appendix has none."""
    if item.reference is False:
        return None
    issuer = doc.issuer.in_text or appendix.of_issuer(doc.issuer.name)
    parts = (doc.type_info.name, doc.number, doc.symbol_text, *_date_parts(doc), issuer)
    if item.reference is True:
        return appendix.reference_line(*parts)
    return appendix.fill_reference(item.reference, appendix.reference_fields(*parts))


def heading(inl: Inliner, item: Appendix, label: str, reference: str | None) -> list[Block]:
    """The heading lines of one appendix: label, title lines (capitals, ký hiệu as written),
    reference line; each one only when there is one."""
    out = [Block(Role.APPENDIX_LABEL, tuple(inl(label)))] if label else []
    for line in _lines(item.title or ""):
        out.append(Block(Role.APPENDIX_TITLE, tuple(inl(line, upper=True))))
    if reference is not None:
        role = Role.APPENDIX_REFERENCE
        written = isinstance(item.reference, str)  # the office's wording: markup read in it
        out.append(Block(role, tuple(inl(reference))) if written else plain_block(role, reference))
    return out


def appendices(
    doc: Document, inl: Inliner, labels: list[str], preset: page.SizePreset
) -> list[AppendixLayout]:
    """Lay out the phụ lục: heading lines, the rule under the last of them, their own
    numbered content."""
    from vanban.layout.body import Body  # the shared blocks

    items: Sequence[Appendix] = getattr(doc, "appendices", [])
    margins = doc.format.margins.rule()
    out = []
    for a, label in zip(items, labels, strict=True):
        sheet = _page(margins, landscape=a.landscape)
        lines = heading(inl, a, label, reference_text(doc, a))
        titles = [b.text for b in lines if b.role is Role.APPENDIX_TITLE]
        measured = titles or [b.text for b in lines[:1]]  # the label, or the reference line
        rule = _rule_for(measured, sheet["text_width"], preset.title, page.RULE_FRACTION)
        body = Body(
            inl,
            sheet["text_width"],
            task_style=getattr(doc, "task_style", "inline"),
            task_labels=getattr(doc, "task_labels", {}),
        )
        body.blocks(a.content, ())
        body.sections(a.sections)
        body.blocks(a.end, ())
        out.append(AppendixLayout(lines, rule, body.out, a.landscape, sheet))
    return out


__all__ = ["appendices", "appendix_labels", "heading", "reference_text"]

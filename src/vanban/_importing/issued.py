"""The text a Quyết định issues or approves (Mẫu 1.3 of Phụ lục III), after the signature:
the issuer's header without Số and date, its tên loại and trích yếu, the "(Kèm theo Quyết
định số … ngày … của …)" line, its body and "./.", no signature; as the model's
``attachment``.

Điều 1 of the decision ("Ban hành kèm theo Quyết định này Kế hoạch …") is what vanban prints
from the attachment: it is left to vanban when it reads as vanban prints it, and kept as the
attachment's ``article`` when the office worded it. The reference line likewise: the
decree's "Kèm theo", the practice's "Ban hành kèm theo", or the office's own line.
"""

from __future__ import annotations

import re
from typing import Any

from vanban._importing.appendices import named_issuer, one_line, read_content
from vanban._importing.outline import ARTICLED
from vanban._regions import Regions
from vanban._regions.paragraphs import all_runs, heading_type, key
from vanban.nd30.articles import ACTIONS, REFERENCE_OPENINGS, issuing_article
from vanban.nd30.doctypes import DOC_TYPES

__all__ = ["issued_fields", "settle_issuing_article", "settle_reference"]

#: The line by which the issued text names the decision (Mẫu 1.3): "(Kèm theo Quyết định …",
#: "(Ban hành kèm theo …".
_ISSUED_WITH = re.compile(r"^\(?\s*(?:ban hành\s+|phê duyệt\s+)?kèm theo\s", re.IGNORECASE)


def issued_fields(regions: Regions, notes: list[str]) -> dict[str, Any] | None:
    """The attachment of a Mẫu 1.3 decision as the model takes it, its reference line as
    printed (``_reference``, to be settled against the decision by :func:`settle_reference`);
    ``None`` when the decision issues no text. A text whose tên loại names no type vanban
    can attach is reported and left out."""
    closing = regions.closing
    if closing is None or not closing.attached:
        return None
    reading = regions.reading
    ps = reading.ps
    start = closing.attached[0]
    end = next((h for h in regions.appendices.heads if h > start), len(ps))
    header = ps[start].table
    at = start
    while at < end and (ps[at].table == header or not ps[at].text.strip()):
        at += 1
    where = f"đoạn {reading.reader_no[at]}, trang ~{reading.page_of[at]}" if at < end else ""
    kind = heading_type(ps[at].text.strip(), reading.unmarked) if at < end else None
    if kind is None or not kind.abbreviation or kind.key == "quyet_dinh":
        notes.append(
            f"{where or 'sau chữ ký'}: văn bản kèm theo quyết định không có tên loại vanban "
            "biết; không chuyển được phần này"
        )
        return None
    texts = [i for i in range(at + 1, min(end, at + 13)) if ps[i].text.strip()][:6]
    texts = texts[: next((k for k, i in enumerate(texts) if ps[i].table is not None), None)]
    reference = next((i for i in texts if _ISSUED_WITH.match(key(ps[i]))), None)
    if reference is not None:  # the trích yếu: the lines down to the reference line
        lines = [i for i in texts if i < reference]
    else:  # none: the trích yếu's centred bold lines
        lines = []
        for i in texts:
            p = ps[i]
            if p.alignment != "center" or not all_runs(p, "bold") or ARTICLED.match(p.text):
                break
            lines.append(i)
    title = [one_line(x) for i in lines for x in ps[i].text.split("\n") if x.strip()]
    at = max([at, *lines, *([reference] if reference is not None else [])]) + 1
    if not title:
        notes.append(f"{where}: văn bản kèm theo quyết định không có trích yếu")
        title = ["…"]
    fields: dict[str, Any] = {"type": kind.key, "title": "\n".join(title)}
    fields["_reference"] = one_line(ps[reference].text) if reference is not None else None
    articles = any(
        ps[i].table is None and ps[i].runs and ps[i].runs[0].bold and ARTICLED.match(ps[i].text)
        for i in range(at, end)
    )
    outline = read_content(regions, at, end, notes, articles=articles)
    if articles and (outline.articles or outline.chapters):
        if outline.intro:
            fields["intro"] = outline.intro
        if outline.chapters:
            fields["chapters"] = outline.chapters
        else:
            fields["articles"] = outline.articles
        return fields
    if not (outline.intro or outline.top or outline.sections):
        notes.append(f"{where}: văn bản kèm theo quyết định không có nội dung; không chuyển được")
        return None
    closing_text = outline.finish()
    if outline.sections:
        if outline.intro:
            fields["intro"] = outline.intro
        fields["sections"] = outline.sections
        if outline.top:
            fields["content"] = outline.top
    else:
        fields["content"] = [*outline.intro, *outline.top]
    if closing_text and (fields.get("sections") or fields.get("content")):
        fields["closing"] = closing_text
    elif closing_text:
        fields["content"] = [closing_text]
    return fields


def settle_issuing_article(fields: dict[str, Any], attachment: dict[str, Any]) -> None:
    """Điều 1 of the decision, which vanban prints from the attachment: taken out of the
    decision's articles; the attachment's ``action`` when it reads as vanban prints it
    ("Ban hành …" or "Phê duyệt kèm theo Quyết định này <tên loại> <trích yếu>."), else its
    ``article`` as the office wrote it."""
    articles = fields.get("articles") or []
    if not articles or not isinstance(articles[0], dict) or set(articles[0]) != {"text"}:
        return
    text = " ".join(articles.pop(0)["text"].split())
    if not articles:
        fields.pop("articles", None)
    name = DOC_TYPES[attachment["type"]].name
    for action in ACTIONS:
        if text == issuing_article(name, attachment["title"], action):
            if action != "ban_hanh":
                attachment["action"] = action
            return
    attachment["article"] = text


def settle_reference(
    attachment: dict[str, Any], printed: dict[str, str], issuer: dict[str, Any], said: str
) -> None:
    """The attachment's reference line: left to vanban when it is the line vanban prints
    from the decision (``printed``: each wording of :data:`REFERENCE_OPENINGS` → its line,
    ``said`` the issuer as the decision names it), the issuer's name in a sentence read from
    it when only that differs, the office's own line kept as written, ``False`` when there
    is none."""
    line = attachment.pop("_reference")
    if line is None:
        attachment["reference"] = False
        return
    for wording in REFERENCE_OPENINGS:
        expected = one_line(printed[wording])
        named = named_issuer(line, expected)
        if named is None and line != expected:
            continue
        if named is not None and named != said:  # the issuer as the text names it
            issuer["in_text"] = named
        if wording != "kem_theo":
            attachment["reference"] = wording
        return
    attachment["reference"] = line

"""The phụ lục after the signature (Phụ lục I, III.1): label, title, reference line, page
orientation and content, as the model's ``appendices``.

A label or reference line that reads as vanban prints it from the document's own fields is
left to vanban; an office's own is kept as written (``label``, ``number``, ``reference``).
"""

from __future__ import annotations

import re
from typing import Any

from vanban._importing.outline import Outline, elements
from vanban._importing.tables import table_or_tasks
from vanban._regions import Regions
from vanban._regions.paragraphs import upper
from vanban.nd30 import appendix as rules

__all__ = ["appendix_fields", "named_issuer", "one_line", "read_content", "settle_references"]

_NBSP = "\u00a0"
#: A reference line's end that names the issuer: "… ngày … của Sở Tư pháp tỉnh Khánh Hòa)".
_OF_ISSUER = re.compile(r"^(?P<head>\(.+ của )(?P<issuer>.+)\)$", re.S)


def one_line(text: str) -> str:
    """The text on one line, its no-break and repeated spaces as one space."""
    return " ".join(text.replace(_NBSP, " ").split())


def named_issuer(line: str, expected: str) -> str | None:
    """The issuer reference line ``line`` names when it reads as ``expected`` up to the
    issuer's name ("(Kèm theo … của <issuer>)"); ``None`` when it reads otherwise."""
    m, e = _OF_ISSUER.match(line), _OF_ISSUER.match(expected)
    return m.group("issuer") if m and e and m.group("head") == e.group("head") else None


def read_content(
    regions: Regions, start: int, end: int, notes: list[str], *, articles: bool = False
) -> Outline:
    """The blocks between paragraphs ``start`` and ``end`` (a phụ lục's, an issued text's):
    bordered tables whole, the rest paragraph by paragraph; in Điều when ``articles``."""
    reading = regions.reading
    ps = reading.ps
    outline = Outline(reading, notes)
    for el in elements(reading, start, end, set()):
        if el.table is not None:
            table = reading.view.tables[el.table] if el.table < len(reading.view.tables) else None
            if table is not None and table.has_borders and table.parent is None:
                outline.add_block(table_or_tasks(reading, table, el.cells))
                continue
            for i in el.cells:
                if ps[i].text.strip():
                    outline.add(ps[i], i, articles=articles)
            continue
        outline.add(ps[el.index], el.index, articles=articles)
    return outline


def appendix_fields(regions: Regions, notes: list[str]) -> list[dict[str, Any]]:
    """Each phụ lục as the model takes it; its reference line as printed (``_reference``),
    to be settled against the document's own fields (:func:`settle_references`)."""
    reading = regions.reading
    ps = reading.ps
    items = regions.appendices.items
    out: list[dict[str, Any]] = []
    for k, item in enumerate(items):
        end = items[k + 1].heading if k + 1 < len(items) else len(ps)
        label = one_line(ps[item.heading].text)
        default = rules.appendix_label(k + 1, len(items))
        fields: dict[str, Any] = {}
        if label != default:
            m = re.fullmatch(r"(Phụ lục|PHỤ LỤC) (\S+)", label)
            if m and m.group(1) == rules.LABEL:
                fields["number"] = m.group(2)
            else:
                fields["label"] = label
        at = item.heading + 1
        title: list[str] = []
        stop = item.reference if item.reference is not None else end
        while at < stop and ps[at].table is None:
            text = ps[at].text
            if text.strip() and not upper(text):
                break
            title += [one_line(x) for x in text.split("\n") if x.strip()]
            at += 1
        if title:
            fields["title"] = "\n".join(title)
        fields["_reference"] = (
            one_line(ps[item.reference].text) if item.reference is not None else None
        )
        start = (item.reference if item.reference is not None else at - 1) + 1
        section = ps[item.heading].section
        sections = reading.view.sections
        if 0 <= section < len(sections) and sections[section].orientation == "landscape":
            fields["landscape"] = True
        outline = read_content(regions, start, end, notes)
        end_block = outline.take_end()
        closing = outline.finish()
        content = [*outline.intro, *outline.top]
        if outline.sections:
            fields["sections"] = outline.sections
            if content:
                fields["content"] = content
        else:
            fields["content"] = content or ["…"]
        if closing:
            target = fields["sections"][-1]["content"] if outline.sections else fields["content"]
            target.append(closing)
        if end_block:
            fields["end"] = end_block
        out.append(fields)
    return out


def settle_references(
    items: list[dict[str, Any]], expected: str | None, issuer: dict[str, Any], said: str
) -> None:
    """Each phụ lục's reference line: left to vanban when it is the line vanban prints
    (``expected``, from the document's fields; ``said`` the issuer as it names it), the
    issuer's name in a sentence read from it when only that differs, the office's own line
    kept as written, ``False`` when there is none."""
    expected = one_line(expected) if expected else None
    for item in items:
        line = item.pop("_reference")
        if line is None:
            item["reference"] = False
            continue
        if line == expected:
            continue
        named = named_issuer(line, expected or "")
        if named is not None:
            if named != said:  # the issuer as the phụ lục names it
                issuer["in_text"] = named
            continue
        item["reference"] = line

"""The shared parts of a document as read from Word: issuer, Số and ký hiệu, place and date,
marks, signer, Nơi nhận and Lưu, as the model's fields."""

from __future__ import annotations

from typing import Any

from vanban._regions import Regions
from vanban._regions.closing import ARCHIVE_WORD
from vanban._regions.paragraphs import all_runs, key, upper
from vanban.nd30 import marks, rules
from vanban.nd30.doctypes import DOC_TYPES
from vanban.nd30.signer import parse_signer_lines


def _lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in text.split("\n") if x.strip()]


def _symbol_parts(symbol: str, doc_type: str | None) -> tuple[str | None, str | None, bool]:
    """The issuer's abbreviation and (Công văn) the unit in a ký hiệu, and whether the
    ký hiệu is the one vanban writes from them (so the field need not be kept)."""
    facts = DOC_TYPES.get(doc_type or "")
    groups = symbol.split("-")
    if facts is not None and facts.subject_line:  # Công văn: <CQ>-<đơn vị>
        unit = "-".join(groups[1:]) or None
        return groups[0] or None, unit, len(groups) >= 2 and "/" not in symbol
    if (
        facts is not None
        and len(groups) == 2
        and groups[0] == facts.abbreviation
        and groups[1]
        and "/" not in symbol
    ):
        return groups[1], None, True
    return (groups[-1] if len(groups) > 1 else None), None, False


def header_fields(regions: Regions, notes: list[str]) -> dict[str, Any]:
    """Issuer, number, symbol, place, date and marks from the header."""
    h = regions.header
    assert h is not None
    ps = regions.reading.ps
    out: dict[str, Any] = {}
    if h.tabbed:
        # The issuer is the first piece of each line above the Số that is not the Quốc
        # hiệu or the Tiêu ngữ.
        national = {"XÃ HỘI CHỦ NGHĨA", "ĐỘC LẬP"}
        firsts: dict[int, str] = {}
        for i, piece in h.pieces:
            if h.number is not None and i >= h.number:
                break
            firsts.setdefault(i, piece)
        names = [p for p in firsts.values() if not any(w in key(p).upper() for w in national)]
        issuer_tabbed: dict[str, Any] = {"name": "\n".join(names)} if names else {}
        return _number_date(regions, h, issuer_tabbed, out, notes)
    bold = [i for i in h.issuer_lines if all_runs(ps[i], "bold")]
    name_lines = bold or h.issuer_lines[-1:]
    parent_lines = (
        [i for i in h.issuer_lines if i not in name_lines and i < name_lines[0]]
        if name_lines
        else []
    )
    issuer: dict[str, Any] = {}
    if name_lines:
        issuer["name"] = "\n".join(line for i in name_lines for line in _lines(ps[i].text))
    if parent_lines:
        issuer["parent"] = "\n".join(line for i in parent_lines for line in _lines(ps[i].text))
    return _number_date(regions, h, issuer, out, notes)


def _number_date(
    regions: Regions, h: Any, issuer: dict[str, Any], out: dict[str, Any], notes: list[str]
) -> dict[str, Any]:
    """Số, ký hiệu, place, date and marks of the header, with the issuer found."""
    ps = regions.reading.ps
    number_text = ps[h.number].text if h.number is not None else ""
    date_text = ps[h.date].text if h.date is not None else ""
    if h.tabbed:  # the Số and the date are pieces of tab-separated lines
        if h.number_piece is not None:
            number_text = h.pieces[h.number_piece][1]
        if h.date_piece is not None:
            date_text = h.pieces[h.date_piece][1]
    if h.number is not None:
        parsed = rules.parse_number_line(number_text)
        if parsed is not None:
            number, symbol = parsed
            if number.isdigit() and 1 <= int(number) <= 999_999:
                out["number"] = int(number)
            elif number:
                notes.append(f'số "{number}" không phải số đăng ký; để trống cho văn thư điền')
            if symbol:
                doc_type = regions.heading.doc_type if regions.heading else None
                abbreviation, unit, derived = _symbol_parts(symbol, doc_type)
                if abbreviation and " " not in abbreviation:
                    issuer["abbreviation"] = abbreviation
                if unit:
                    out["unit"] = unit
                if not derived or not abbreviation:
                    out["symbol"] = symbol
    if h.date is not None:
        parsed_date = rules.parse_date_line(date_text)
        if parsed_date is not None:
            place, day, month, year = parsed_date
            out["place"] = place
            if year is not None:
                out["date"] = {"year": year, "month": month, "day": day if month else None}
    facts = DOC_TYPES.get(regions.heading.doc_type or "") if regions.heading else None
    numbered = facts is None or facts.number
    if numbered and issuer.get("name") and not issuer.get("abbreviation") and "symbol" not in out:
        # No ký hiệu to read it from: the initials of the name, as offices abbreviate
        # ("SỞ CÔNG THƯƠNG" → "SCT"), said in a note.
        words = [w for w in issuer["name"].replace("\n", " ").split() if w[:1].isalpha()]
        initials = "".join(w[0] for w in words).upper()
        if initials:
            issuer["abbreviation"] = initials
            notes.append(
                f'không có số, ký hiệu; chữ viết tắt của cơ quan lấy theo chữ đầu: "{initials}"'
            )
    out["issuer"] = issuer
    start = regions.heading.start if regions.heading else 0
    # The marks: in the header, under the tên loại, or in a table of their own between
    # the Số and the date (vanban's "HỎA TỐC" box)
    for i in [*h.region, *(regions.heading.marks if regions.heading else []), *range(start)]:
        mark = rules.mark_text(ps[i].text)
        if mark in rules.URGENCY_MARKS:
            out["urgency"] = mark
        elif mark in rules.SECRECY_MARKS:
            out["secrecy"] = mark
    return out


def _typed_signer(regions: Regions) -> tuple[list[str], str | None]:
    """The signer typed without a block of its own: title lines and name in one paragraph
    with line breaks, or after tabs on the Nơi nhận lines (a closing typed with tabs)."""
    c = regions.closing
    assert c is not None
    ps = regions.reading.ps
    titles: list[str] = []
    name: str | None = None
    for i in range(c.end, c.appendix):
        text = ps[i].text
        if "\t" in text and (i == c.label or i in c.items):
            right = [x for x in text.split("\t")[1:] if x.strip()]
            titles += [" ".join(x.split()) for x in right if upper(x)]
            continue
        for line in _lines(text):
            if upper(line) and len(line) < 80 and not line.startswith(("-", "+")):
                if i not in c.items and i != c.label:
                    titles.append(line)
            elif titles and i not in c.items and i != c.label and len(line) < 50:
                name = line
        if name:
            break
    return titles, name


def signer_fields(regions: Regions) -> dict[str, Any] | None:
    """The (first) signer: quyền hạn, titles and name."""
    c = regions.closing
    if c is None:
        return None
    ps = regions.reading.ps
    if not c.signers:
        typed, typed_name = _typed_signer(regions)
        if not typed or not typed_name:
            return None
        fields0: dict[str, Any] = dict(parse_signer_lines(typed))
        if "other_titles" in fields0:
            fields0["other_titles"] = fields0["other_titles"].split("\n")
        fields0["name"] = typed_name
        return fields0
    s = c.signers[0]
    above = [i for i in s.titles if s.name is None or i < s.name]
    below = [i for i in s.titles if s.name is not None and i > s.name]
    titles = [line for i in above for line in _lines(ps[i].text)]
    fields: dict[str, Any] = dict(parse_signer_lines(titles))
    if "other_titles" in fields:
        fields["other_titles"] = fields["other_titles"].split("\n")
    if below and "other_titles" not in fields:  # titles under the name, as offices print them
        fields["other_titles"] = [line for i in below for line in _lines(ps[i].text)]
        fields["other_titles_position"] = "below_name"
    if s.name is not None:
        fields["name"] = " ".join(ps[s.name].text.split())
    return fields


def recipient_fields(regions: Regions) -> dict[str, Any]:
    """Nơi nhận as recipients (name, purpose) and the Lưu line as typed."""
    c = regions.closing
    if c is None or c.label is None:
        return {}
    out: dict[str, Any] = {}
    recipients: list[Any] = []
    for k, (_, text, _) in enumerate(c.lines):
        line = text.lstrip("-+–• ").strip()
        if k == c.archive:
            archive = line.split(":", 1)[1] if ":" in line else line[len(ARCHIVE_WORD) :]
            out["archive"] = archive.strip().rstrip(".").strip()
            continue
        if c.archive is not None and k > c.archive:
            continue
        line = line.rstrip(";.,").strip()
        if not line:
            continue
        if not text.lstrip().startswith(("-", "+", "–", "•")) and recipients and k > 0:
            recipients[-1] = f"{recipients[-1]} {line}"  # a recipient wrapped onto two lines
            continue
        recipients.append(line)  # "(để b/c)" stays in the name: it prints the same
    out["recipients"] = recipients
    return out


def contact_fields(regions: Regions) -> dict[str, str]:
    """The contact block at the foot of page 1 (Phụ lục I, III.4): "Địa chỉ: …" on its own
    line, then "Email: …; Điện thoại: …", in the first page's footer."""
    view = regions.reading.view
    labels = {label.lower(): name for name, label in marks.CONTACT_LABELS}
    # page 1 is the first section's: a phụ lục's own section after it has its own footers
    first = view.section_footers[0] if view.section_footers else {}
    if first:
        parts = [view.parts.get(first.get(k, "")) for k in ("first", "default")]
    else:
        parts = [view.footers.get("first"), view.footers.get("default")]
    out: dict[str, str] = {}
    for part in parts:
        if part is None or out:
            continue
        for p in part.paragraphs:
            text = " ".join(p.text.split())
            pieces = [text] if text.lower().startswith("địa chỉ:") else text.split("; ")
            for piece in pieces:
                label, sep, value = piece.partition(":")
                name = labels.get(label.strip().lower())
                if sep and name and value.strip() and name not in out:
                    out[name] = value.strip()
    return out

"""The fields a type has of its own, read back from the lines its layout prints: the giấy
(Mẫu 1.7, 1.8, 1.10: "Chức vụ: …", "Được cử đến: …", "Được nghỉ phép trong thời gian …"), the
two-party texts (the opening line, "BÊN A (…): …" and its detail lines, the agreement line),
the Thư công (salutation), the Công điện (sender line, the bodies it is sent to) and the Biên
bản (the field lines of Mẫu 1.9, the end line "Cuộc họp kết thúc vào …", every signature).

Each reader inverts the fixed texts of :mod:`vanban.nd30.forms`, :mod:`vanban.nd30.agreements`,
:mod:`vanban.nd30.cable` and :mod:`vanban.nd30.minutes`: a line that reads as vanban would print it from the fields
becomes those fields; an office's own wording of an overridable line is kept as that
override (``opening``, ``agreement``, ``request``); a line of a fixed form that cannot be read
is kept as text where the type has a place for it, and said in a note.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vanban._docx_reader import ParaView
from vanban._importing.inline import runs_text
from vanban._regions import Regions
from vanban._regions.paragraphs import all_runs, is_underscores, key, upper
from vanban.nd30 import agreements, appendix, cable, forms, minutes
from vanban.nd30.doctypes import DOC_TYPES
from vanban.nd30.text import END_MARK

__all__ = ["AGREEMENTS", "FORMS", "LETTERS", "minutes_content", "read_own_fields"]

#: Two-party texts: parties and articles (NĐ30 Điều 7: hợp đồng, bản ghi nhớ, bản thỏa thuận).
AGREEMENTS = ("hop_dong", "ban_ghi_nho", "ban_thoa_thuan")
#: The giấy whose whole body is field lines and fixed sentences (Mẫu 1.7, 1.8, 1.10).
FORMS = ("giay_gioi_thieu", "giay_moi", "giay_nghi_phep")
#: Letters whose first lines are fields of their own before a free body.
LETTERS = ("thu_cong", "cong_dien")

_DATE = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_HONORIFIC = re.compile(r"^(Ông|Bà)\s+(?P<name>\S.*)$")
_PARTY = re.compile(r"^BÊN\s+(?P<label>[A-ZĐ])(?:\s*\((?P<role>[^)]*)\))?\s*:\s*(?P<name>.+)$")
_DETAIL = re.compile(r"^[-–+•]\s*(?P<label>[^:]{2,30}):\s*(?P<value>.*?)[;.]?$")
_OPENING = re.compile(r"^Hôm nay, (?P<date>.*?)(?:, tại (?P<venue>.+))?, chúng tôi gồm:$")
_ARTICLE = re.compile(r"^Điều\s+\d+")
_HOUR = re.compile(r"^(\d{2}) giờ (\d{2}) phút, (?P<day>.+)$")


def _date(text: str) -> dt.date | None:
    m = re.search(_DATE, text)
    if m is None:
        return None
    day, month, year = (int(x) for x in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _strip_mark(text: str) -> str:
    """A paragraph's text without the end mark vanban adds back; the full stop it absorbed
    is kept."""
    stripped = text.rstrip()
    if not stripped.endswith(END_MARK):
        return stripped
    kept = stripped[: -len(END_MARK) + 1]
    return kept[:-1] if kept[-2:-1] in ("!", "?", "…") else kept


def _inline(p: ParaView) -> str:
    return _strip_mark(runs_text(p.runs).strip())


def _plain(p: ParaView) -> str:
    return _strip_mark(" ".join(p.text.split()))


def _after_label(text: str, label: str) -> str | None:
    """The value of a field line "<label>: <value>", or None if the line has another label."""
    head, sep, value = text.partition(":")
    if not sep or key(head).lower() != label.lower():
        return None
    return value.strip()


def _body_paragraphs(regions: Regions, skip: set[int]) -> list[int]:
    """The body's non-empty paragraphs outside tables, between the heading and the
    signature, that no other part took."""
    heading, closing = regions.heading, regions.closing
    assert heading is not None and closing is not None
    ps = regions.reading.ps
    return [
        i
        for i in range(heading.end + 1, closing.end)
        if i not in skip and ps[i].table is None and ps[i].text.strip()
    ]


def _person(lines: dict[str, str], honorific_line: str | None) -> dict[str, Any]:
    person: dict[str, Any] = {}
    if honorific_line is not None:
        who, _, name = honorific_line.partition(":")
        who = " ".join(who.split())
        if who in ("Ông", "Bà"):
            person["honorific"] = who
        person["name"] = name.strip()
    if forms.POSITION in lines:
        person["position"] = lines[forms.POSITION]
    if forms.UNIT in lines:
        person["unit"] = lines[forms.UNIT]
    return person


def _in_text(fields: dict[str, Any], said: str) -> None:
    """The issuer's name in a sentence: left to vanban when it is the one vanban writes,
    the issuer's ``in_text`` otherwise (the giấy's own field, ``introducer``, ``inviter``
    or ``grantor``, prints the same)."""
    name = str(fields.get("issuer", {}).get("name", ""))
    if said and said != appendix.of_issuer(name):
        fields.setdefault("issuer", {})["in_text"] = said


def _field_lines(
    regions: Regions, indexes: list[int], labels: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, int], list[int]]:
    """The field lines among ``indexes``: label → inline value, label → paragraph, and the
    paragraphs that are not field lines of these labels."""
    ps = regions.reading.ps
    values: dict[str, str] = {}
    where: dict[str, int] = {}
    rest: list[int] = []
    for i in indexes:
        text = _inline(ps[i])
        for label in labels:
            value = _after_label(text, label)
            if value is not None and label not in values:
                values[label], where[label] = value, i
                break
        else:
            rest.append(i)
    return values, where, rest


# -- Giấy giới thiệu (Mẫu 1.8) -------------------------------------------------------------


def _giay_gioi_thieu(
    regions: Regions, indexes: list[int], fields: dict[str, Any], notes: list[str]
) -> None:
    ps = regions.reading.ps
    honorific_line = None
    rest: list[int] = []
    for i in indexes:
        text = _plain(ps[i])
        if text.endswith("trân trọng giới thiệu:") and "introducer" not in fields:
            _in_text(fields, text[: -len("trân trọng giới thiệu:")].strip())
            continue
        head = text.partition(":")[0]
        if honorific_line is None and head in ("Ông", "Bà", forms.ANY_HONORIFIC):
            honorific_line = text
            continue
        rest.append(i)
    labels = (forms.POSITION, forms.UNIT, forms.SENT_TO, forms.ABOUT)
    values, _, rest = _field_lines(regions, rest, labels)
    fields["person"] = _person(values, honorific_line)
    if forms.SENT_TO in values:
        fields["sent_to"] = values[forms.SENT_TO]
    if forms.ABOUT in values:
        fields["purpose"] = values[forms.ABOUT]
    request: list[str] = []
    for i in rest:
        text = _plain(ps[i])
        until = _date(text) if text.startswith("Giấy này có giá trị đến hết") else None
        if until is not None:
            fields["valid_until"] = until.isoformat()
            continue
        request.append(_inline(ps[i]))
    honorific = fields["person"].get("honorific")
    if not request:
        fields["request"] = False
    elif request != [forms.support_line(honorific)]:
        fields["request"] = "\n\n".join(request)
    _as_above(fields)


def _as_above(fields: dict[str, Any]) -> None:
    """ "Như trên" at the head of Nơi nhận is vanban's (Mẫu 1.8): left to it; its absence
    is said with ``as_above: false``."""
    recipients = fields.get("recipients") or []
    if recipients and isinstance(recipients[0], str) and key(recipients[0]).lower() == "như trên":
        recipients.pop(0)
    elif "recipients" in fields:
        fields["as_above"] = False


# -- Giấy mời (Mẫu 1.7) --------------------------------------------------------------------


def _when(text: str) -> str:
    """ "08 giờ 00 phút, thứ Năm, ngày 17 tháng 12 năm 2026" as "2026-12-17 08:00" when it
    is the form vanban prints from a date and hour; other text as written."""
    m = _HOUR.match(text)
    day_part = m.group("day") if m else text
    day = _date(day_part)
    if day is None or forms.day_text(day) != day_part:
        return text
    if m is None:
        return day.isoformat()
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        return text
    return f"{day.isoformat()} {hour:02d}:{minute:02d}"


def _giay_moi(
    regions: Regions, indexes: list[int], fields: dict[str, Any], notes: list[str]
) -> None:
    ps = regions.reading.ps
    labels = forms.INVITATION_LABELS
    rest: list[int] = []
    agenda_at: int | None = None
    for k, i in enumerate(indexes):
        text = _inline(ps[i])
        plain = _plain(ps[i])
        if "invitee" not in fields and " trân trọng kính mời:" in plain:
            said, _, _ = plain.partition(" trân trọng kính mời:")
            _in_text(fields, said.strip())
            fields["invitee"] = text.partition(" trân trọng kính mời:")[2].strip()
            continue
        if "event" not in fields and plain.startswith(forms.ATTEND + " "):
            fields["event"] = text[len(forms.ATTEND) :].strip()
            continue
        if plain == f"{labels['agenda']}:":
            agenda_at = k
            fields["agenda"] = []
            continue
        bullet = plain.startswith(("-", "+", "–", "•"))
        if bullet and agenda_at is not None and len(fields["agenda"]) == k - agenda_at - 1:
            fields["agenda"].append(text.lstrip("-+–• ").strip())  # the agenda's lines
            continue
        rest.append(i)
    names = {label: name for name, label in labels.items()}
    values, where, rest = _field_lines(regions, rest, tuple(names))
    for label, value in values.items():
        name = names[label]
        if name == "agenda":
            fields["agenda"] = [value]
        elif name == "time":
            fields["time"] = _when(_plain(ps[where[label]]).partition(":")[2].strip())
        else:
            fields[name] = value
    venue_at = where.get(labels["venue"], -1)
    closing: list[str] = []
    notes_found: list[str] = []
    for i in rest:
        text = _inline(ps[i])
        if ps[i].style_id == "VBClosing" or (
            i > venue_at and not (ps[i].style_id or "").startswith("VB") and _closing_like(text)
        ):
            closing.append(text)
        else:
            notes_found.append(text)
    if notes_found:
        fields["notes"] = notes_found
    if closing:
        fields["closing"] = "\n\n".join(closing)


def _closing_like(text: str) -> bool:
    return key(text).lower().startswith(("rất mong", "trân trọng", "kính mong"))


# -- Giấy nghỉ phép (Mẫu 1.10) ---------------------------------------------------------------

_REQUEST = re.compile(r"^Xét Đơn đề nghị nghỉ phép(?P<when> .*?)? của (?P<rest>.+) cấp cho:$")
_LEAVE = re.compile(
    r"^Được nghỉ phép trong thời gian (?P<days>\d+) ngày, kể từ (?P<start>ngày .+?) "
    r"đến hết (?P<end>ngày .+?) tại (?P<place>.+?)\.?$"
)
_COUNTED = "Số ngày nghỉ phép nêu trên được tính vào thời gian "


def _giay_nghi_phep(
    regions: Regions, indexes: list[int], fields: dict[str, Any], notes: list[str]
) -> None:
    ps = regions.reading.ps
    honorific_line = None
    rest: list[int] = []
    grantor_said = ""
    for i in indexes:
        text = _plain(ps[i])
        m = _REQUEST.match(text)
        if m is not None and "request_date" not in fields:
            when = _date(m.group("when") or "")
            if when is not None:
                fields["request_date"] = when.isoformat()
            # "của bà Trần Thị Hoa, Sở Tài chính …": the grantor after the person's name
            grantor_said = m.group("rest")
            continue
        m2 = _LEAVE.match(text)
        if m2 is not None:
            start, end = _date(m2.group("start")), _date(m2.group("end"))
            if start is not None and end is not None:
                fields["days"] = int(m2.group("days"))
                fields["start"], fields["end"] = start.isoformat(), end.isoformat()
                place = _inline(ps[i]).rpartition(" tại ")[2]
                fields["leave_place"] = place[:-1] if place.endswith(".") else place
                continue
        if text.startswith(_COUNTED):
            counted = _inline(ps[i])[len(_COUNTED) :]
            counted = counted[:-1] if counted.endswith(".") else counted
            fields["counted_as"] = counted
            continue
        head = text.partition(":")[0]
        if honorific_line is None and head in ("Ông", "Bà", forms.ANY_HONORIFIC):
            honorific_line = text
            continue
        rest.append(i)
    values, _, rest = _field_lines(regions, rest, (forms.POSITION, forms.UNIT, "Lý do"))
    fields["person"] = person = _person(values, honorific_line)
    if "Lý do" in values:
        fields["reason"] = values["Lý do"]
    if grantor_said:
        named = f"{(person.get('honorific') or forms.ANY_HONORIFIC).lower()} {person['name']}"
        if grantor_said.startswith(named + ", "):
            _in_text(fields, grantor_said[len(named) + 2 :])
    if "counted_as" in fields and "start" in fields:
        year = int(str(fields["start"])[:4])
        if fields["counted_as"] == forms.default_leave_kind(year):
            del fields["counted_as"]
    for i in rest:
        notes.append(
            f"đoạn {regions.reading.reader_no[i]}: giấy nghỉ phép không có chỗ cho đoạn này; "
            f'bỏ qua: "{_plain(ps[i])[:60]}"'
        )
    recipients = fields.get("recipients") or []
    addressed = f"{person.get('honorific') or forms.ANY_HONORIFIC} {person.get('name', '')}"
    if recipients and isinstance(recipients[0], str) and recipients[0] == addressed:
        recipients.pop(0)
    elif "recipients" in fields:
        fields["person_recipient"] = False
    _confirmation(regions, fields)


def _confirmation(regions: Regions, fields: dict[str, Any]) -> None:
    """The xác nhận block under the signature (Mẫu 1.10): who confirms, and the name."""
    ps = regions.reading.ps
    closing = regions.closing
    assert closing is not None
    title = "XÁC NHẬN CỦA "
    for i in range(closing.end, len(ps)):
        text = " ".join(ps[i].text.split())
        if not text.upper().startswith(title):
            continue
        by = text[len(title) :]
        confirmation: dict[str, Any] = {}
        if by.upper() != forms.CONFIRMER.upper():
            confirmation["by"] = by
        name = next(
            (
                " ".join(ps[j].text.split())
                for j in range(i + 1, min(i + 4, len(ps)))
                if ps[j].table == ps[i].table and ps[j].text.strip()
            ),
            None,
        )
        if name:
            confirmation["name"] = name
        fields["confirmation"] = confirmation or True
        return


# -- Thư công, Công điện --------------------------------------------------------------------


def _thu_cong(regions: Regions, indexes: list[int], fields: dict[str, Any]) -> set[int]:
    """The letter's name (printed in capitals, read back in sentence case) before its trích
    yếu; the salutation: the first paragraph, bold."""
    heading = regions.heading
    assert heading is not None
    ps = regions.reading.ps
    name = " ".join(ps[heading.start].text.split())
    lines = [name[:1] + name[1:].lower()]
    for i in range(heading.start + 1, heading.end + 1):
        if ps[i].table is None:
            lines += [" ".join(x.split()) for x in ps[i].text.split("\n") if x.strip()]
    fields["title"] = "\n".join(lines)
    if indexes and all_runs(ps[indexes[0]], "bold"):
        fields["salutation"] = runs_text(ps[indexes[0]].runs, plain=True).strip()
        return {indexes[0]}
    return set()


def _cong_dien(regions: Regions, indexes: list[int], fields: dict[str, Any]) -> set[int]:
    """The sender line ("… điện:") and the "- …;" lines of the bodies it is sent to."""
    ps = regions.reading.ps
    used: set[int] = set()
    at = next((k for k, i in enumerate(indexes) if cable.is_sender_line(ps[i].text)), None)
    if at is None:
        return used
    sender = "\n".join(" ".join(x.split()) for x in ps[indexes[at]].text.split("\n") if x.strip())
    fields["sender"] = sender[: -len(cable.SENDS)].rstrip()
    used.add(indexes[at])
    addressees: list[str] = []
    for i in indexes[at + 1 :]:
        text = _inline(ps[i])
        if not text.startswith(("-", "–", "+", "•")):
            break
        addressees.append(text.lstrip("-–+• ").rstrip(";.,").strip())
        used.add(i)
        if text.endswith("."):
            break
    if addressees:
        fields["addressees"] = addressees
    return used


# -- Hợp đồng, Bản ghi nhớ, Bản thỏa thuận ---------------------------------------------------


def _agreement(
    regions: Regions, indexes: list[int], fields: dict[str, Any], doc_type: str
) -> set[int]:
    """The opening line, the two parties and the agreement line before the first Điều."""
    ps = regions.reading.ps
    used: set[int] = set()
    labels = {label: name for name, label in agreements.PARTY_DETAILS}
    opening: list[str] = []
    agreement: list[str] = []
    parties: list[dict[str, Any]] = []
    for i in indexes:
        plain = _plain(ps[i])
        if _ARTICLE.match(plain):
            break
        used.add(i)
        m = _PARTY.match(plain)
        if m is not None and (all_runs(ps[i], "bold") or upper(m.group("name"))):
            party: dict[str, Any] = {"name": m.group("name").strip(), "representative": {}}
            if m.group("role"):
                party["role"] = m.group("role").strip()
            parties.append(party)
            continue
        d = _DETAIL.match(plain)
        if parties and not agreement and d is not None and d.group("label") in labels:
            name, value = labels[d.group("label")], d.group("value").strip()
            rep = parties[-1]["representative"]
            if name == "representative":
                h = _HONORIFIC.match(value)
                rep.update({"honorific": h.group(1), "name": h.group("name")} if h else {})
                rep.setdefault("name", value)
            elif name == "position":
                rep["position"] = value
            else:
                parties[-1][name] = value
            continue
        (agreement if parties else opening).append(_inline(ps[i]))
    fields["parties"] = parties
    date = fields.get("date") or {}
    if len(opening) == 1 and (m := _OPENING.match(opening[0])):
        said = agreements.opening_line(date.get("day"), date.get("month"), date.get("year"))
        if m.group("date") == said.removeprefix("Hôm nay, ").removesuffix(", chúng tôi gồm:"):
            if m.group("venue"):
                fields["venue"] = m.group("venue")
            opening = []
    if opening:
        fields["opening"] = "\n\n".join(opening)
    name = DOC_TYPES[doc_type].name
    if agreement and agreement != [agreements.agreement_line(name)]:
        fields["agreement"] = "\n\n".join(agreement)
    return used


# -- Biên bản (Mẫu 1.9) -----------------------------------------------------------------------

_CLOCK = r"(\d{1,2}) giờ (\d{1,2}) phút"
#: The forms of :func:`vanban.nd30.minutes.when_text`: date and time, the date, the time.
_WHENS = (f"{_CLOCK}, {_DATE}", _DATE, _CLOCK)
_MOMENTS = tuple(re.compile(rf"^{when}$") for when in _WHENS)
_FIELD = re.compile(r"^(?P<label>[^:]{2,60}):(?:\s+(?P<value>.+))?$")
_END = re.compile(r"^(?P<kind>[^,.:;]{2,60}?) kết thúc vào (?P<rest>.+)$")
_DASHES = ("-", "–", "+", "•")
#: How many body paragraphs may open a biên bản before its first field line.
_OPENING_MAX = 3


def _moment(text: str) -> str | None:
    """A time of :func:`vanban.nd30.minutes.when_text` as a Biên bản's field takes it:
    "8 giờ 00 phút, ngày 20 tháng 11 năm 2026" → "2026-11-20 08:00", the date alone, the time
    alone; ``None`` for other text or a time that does not exist."""
    for k, pattern in enumerate(_MOMENTS):
        m = pattern.match(text)
        if m is None:
            continue
        numbers = [int(x) for x in m.groups()]
        clock = numbers[:2] if k != 1 else []
        day = numbers[-3:] if k != 2 else []
        try:
            when = dt.date(day[2], day[1], day[0]).isoformat() if day else ""
            at = dt.time(clock[0], clock[1]).strftime("%H:%M") if clock else ""
        except ValueError:
            return None
        return " ".join(x for x in (when, at) if x)
    return None


def _without_stop(text: str) -> str:
    """A field's value without the full stop :func:`vanban.nd30.minutes.field_line` adds."""
    return text[:-1].rstrip() if text.endswith(".") else text


def _minutes_person(value: str, signed: str | None) -> dict[str, Any] | None:
    """ "Ông Nguyễn Văn An, Phó Giám đốc Sở" as a person: honorific, name (the name signed
    under the signature when the line names it; else up to the first comma), position;
    ``None`` when no name is written."""
    person: dict[str, Any] = {}
    h = _HONORIFIC.match(value)
    if h is not None:
        person["honorific"], value = h.group(1), h.group("name")
    if signed and (value == signed or value.startswith(signed + ", ")):
        name, position = signed, value[len(signed) + 2 :]
    else:
        name, _, position = value.partition(", ")
    if not name.strip():
        return None
    person["name"] = name.strip()
    if position.strip():
        person["position"] = position.strip()
    return person


def _name_like(text: str) -> bool:
    """A line under a signature's label that can be the signer's name: short, without a
    colon, capitalised, not "Đã ký" (a copy's mark of the signature)."""
    said = key(text).lower()
    return (
        len(text) < 40 and ":" not in text and text[:1].isupper() and not said.startswith("đã ký")
    )


def _signature_columns(regions: Regions) -> list[dict[str, str]]:
    """Every signature of a record, the left column's above its Nơi nhận included: label
    lines (UPPERCASE) then the name, in each cell from the top; in the order of Mẫu 1.9's
    rows, left to right (a third under the first, a fourth under the second)."""
    closing = regions.closing
    assert closing is not None
    ps = regions.reading.ps
    table = ps[closing.end].table if closing.end < len(ps) else None
    if table is None:
        return []
    at = closing.label
    label = ps[at] if at is not None else None
    cells: dict[tuple[int, int], list[tuple[list[str], list[str]]]] = {}
    for i in range(closing.end, closing.appendix):
        p = ps[i]
        if p.table != table or p.row is None or p.cell is None:
            continue
        column = cells.setdefault((p.row, p.cell), [])
        under = label is not None and (label.table, label.row, label.cell) == (table, p.row, p.cell)
        if under and at is not None and i >= at:
            continue  # the Nơi nhận under the left signature
        text = " ".join(p.text.split())
        if not text or text.startswith(("(", "[")) or is_underscores(text):
            continue
        if upper(text):
            if not column or column[-1][1]:
                column.append(([], []))  # a new signature: its label lines, then its name
            column[-1][0].append(text)
        elif column and not column[-1][1] and _name_like(text):
            column[-1][1].append(text)
    out: list[dict[str, str]] = []
    for r in sorted({r for r, _ in cells}):
        columns = [cells[k] for k in sorted(cells) if k[0] == r]
        for depth in range(max(len(c) for c in columns)):
            for column in columns:
                if depth < len(column) and column[depth][1]:
                    titles, name = column[depth]
                    out.append({"title": "\n".join(titles), "name": name[0]})
    return out


def _ends_before(start: str, end: str) -> bool:
    """Whether an end read from a record ("11:30", "2026-11-21 09:00", "2026-11-21") is
    before its start, as :class:`vanban.models.bien_ban.BienBan` compares them: a time alone
    on the start's day, dates by their day, two dates and times in full.

    >>> _ends_before("2026-11-20 08:00", "07:30"), _ends_before("2026-11-20", "07:30")
    (True, False)
    >>> _ends_before("2026-11-20 08:00", "2026-11-19"), _ends_before("08:00", "2026-11-19")
    (True, False)
    """
    if len(end) == 5:  # a time of day
        clock = start[11:] if len(start) > 10 else start if len(start) == 5 else ""
        return bool(clock) and end < clock
    if len(start) == 5:
        return False
    if len(start) > 10 and len(end) > 10:
        return end < start
    return end[:10] < start[:10]


def _end_line(fields: dict[str, Any], text: str, plain: str) -> bool:
    """The end line "Cuộc họp kết thúc vào 11 giờ 30 phút cùng ngày, <ghi chú>." as ``kind``,
    ``end`` and ``end_note``; whether the line reads as one."""
    m = _END.match(plain)
    if m is None or not plain.endswith("."):
        return False
    rest = m.group("rest")[:-1]
    start = fields.get("start")
    for same in (" cùng ngày", ""):
        for k, body in enumerate(_WHENS):
            if same and (k != 2 or not start):
                continue  # "cùng ngày" after a start, at a time of day
            if not same and k == 2 and start:
                continue  # a time alone after a start prints "cùng ngày"
            found = re.match(rf"^(?P<when>{body}){same}(?:, (?P<note>.+))?$", rest)
            when = _moment(found.group("when")) if found else None
            if found is None or when is None:
                continue
            if k == 0 and start and str(start)[:10] == when[:10]:
                continue  # the same day prints "cùng ngày"
            if start and _ends_before(str(start), when):
                return False  # kept as written: the model refuses an end before the start
            fields["end"] = when
            kind = m.group("kind")
            kind = kind[:1].lower() + kind[1:]
            if kind != "cuộc họp":
                fields["kind"] = kind
            note = found.group("note")
            if note:  # as marked up in the line, when its start is found there
                at = text.find(note[:12], text.find(" kết thúc vào "))
                fields["end_note"] = text[at:].removesuffix(".") if at >= 0 else note
            return True
    return False


def _listed(p: ParaView) -> bool:
    """A paragraph of a list: automatically numbered, or typed after a dash."""
    return p.numbered or _plain(p).startswith(_DASHES)


#: The lines of Mẫu 1.9 in their order, and how their labels start (the decree's "Chủ trì
#: (chủ tọa)", "Thư ký (người ghi biên bản)", the office's "Địa điểm kiểm tra", "Tại").
_LINES = (
    ("start", ()),
    ("venue", ("địa điểm", "tại")),
    ("participants", ("thành phần",)),
    ("chair", minutes.CHAIR_WORDS),
    ("secretary", ("thư ký", "người ghi")),
)


def _field_line(p: ParaView) -> re.Match[str] | None:
    """A line "Label: value", after the dash of an office's list when it has one."""
    return _FIELD.match(_plain(p).lstrip("".join(_DASHES)).strip())


def _minutes_line(p: ParaView, done: list[str]) -> tuple[str, str, str] | None:
    """A line of Mẫu 1.9 after those ``done``, as (field, label, value as marked up): a
    time of the form vanban prints under any label, the others by their label's first
    words; a dash or automatic number before the label is the office's list."""
    m = _field_line(p)
    if m is None:
        return None
    label, value = " ".join(m.group("label").split()), m.group("value") or ""
    said = _inline(p).partition(":")[2].strip()
    low = key(label).lower()
    after = [n for n, _ in _LINES].index(done[-1]) + 1 if done else 0
    for name, starts in _LINES[after:]:
        if name == "start":
            fits = bool(value) and _moment(_without_stop(value)) is not None
        elif name in ("chair", "secretary"):
            fits = (
                low.startswith(starts) and _minutes_person(_without_stop(value), None) is not None
            )
        else:
            fits = low.startswith(starts) and (bool(value) or name == "participants")
        if fits:
            return name, label, said
    return None


def _bien_ban(regions: Regions, indexes: list[int], fields: dict[str, Any]) -> set[int]:
    """The lines of Mẫu 1.9 that a record prints from its fields: the opening paragraphs
    before them, "Thời gian bắt đầu: …", "Địa điểm: …", "Thành phần tham dự:" and its "- …;"
    lines, "Chủ tọa: …", "Thư ký: …" (under the office's own labels too: "Thời gian", "Địa
    điểm kiểm tra", "Thành phần Đoàn kiểm tra", "Chủ trì"), "Nội dung:"; the end line and the
    closing paragraphs after it; every signature (THƯ KÝ and CHỦ TỌA are the chair's and the
    secretary's, who are then not ``signers``)."""
    ps = regions.reading.ps
    used: set[int] = set()
    signatures = _signature_columns(regions)
    if len(signatures) > len(fields.get("signers") or []):
        fields["signers"] = signatures
    labels: dict[str, str] = {}
    found: list[int] = []
    where: dict[str, list[int]] = fields.setdefault("_found", {})  # for the YAML's comments
    at = 0
    done: list[str] = []
    while at < len(indexes):
        i = indexes[at]
        line = _minutes_line(ps[i], done)
        if line is None:
            if found or at >= _OPENING_MAX or _listed(ps[i]):
                break
            at += 1
            continue
        name, label, said = line
        if not found and at:
            fields["opening"] = "\n\n".join(_inline(ps[j]) for j in indexes[:at])
            used.update(indexes[:at])
            where["opening"] = indexes[:at]
        done.append(name)
        found.append(i)
        where[name] = [i]
        labels[name] = label
        if name == "start":
            fields["start"] = _moment(_without_stop(key(said)))
        elif name == "participants" and said:
            fields["participants"] = [said.rstrip(".;,")]
        elif name == "participants":
            items: list[str] = []
            while at + 1 < len(indexes):
                q = ps[indexes[at + 1]]
                if not _listed(q) or _minutes_line(q, done) is not None:
                    break  # the list ends, or the next line of the form begins
                text = _inline(q)
                at += 1
                found.append(indexes[at])
                where[name].append(indexes[at])
                items.append(text.lstrip("".join(_DASHES)).strip().rstrip(".;,").strip())
                if text.endswith("."):
                    break
            fields["participants"] = items
        else:
            fields[name] = _without_stop(said)
        at += 1
    used.update(found)
    if found:
        fields["_minutes_fields"] = True
        nxt = indexes[at] if at < len(indexes) else None
        m = None if nxt is None else _field_line(ps[nxt])
        if m and not m.group("value") and key(m.group("label")).lower().startswith("nội dung"):
            labels["content"] = " ".join(m.group("label").split())
            used.add(indexes[at])
        else:
            fields["_content_label"] = False
    _people(fields, labels)
    used |= _minutes_end(regions, indexes, fields)
    return used


def _people(fields: dict[str, Any], labels: dict[str, str]) -> None:
    """The chair and the secretary of their field lines, and the labels that are not vanban's;
    THƯ KÝ and CHỦ TỌA (CHỦ TRÌ) signing as Mẫu 1.9 has them are theirs, not ``signers``."""
    signers = fields.get("signers") or []
    pair = len(signers) == 2 and key(signers[0]["title"]) == minutes.SECRETARY_TITLE
    chair_lines = signers[1]["title"].split("\n") if pair else []
    said = key(chair_lines[0]) if chair_lines else ""
    word = next((w for w in minutes.CHAIR_WORDS if said == w.upper()), None)
    for name in ("chair", "secretary"):
        if name in fields:
            signed = signers[1 if name == "chair" else 0]["name"] if pair else None
            person = _minutes_person(str(fields[name]), signed)
            if person is not None:
                fields[name] = person
    label = labels.get("chair", "")
    if word is None and key(label).lower() in minutes.CHAIR_WORDS:
        word = key(label).lower()
    if word is not None and word != minutes.CHAIR_WORDS[0]:
        fields["chair_word"] = word
    defaults = {
        "start": minutes.START_LABEL,
        "venue": minutes.PLACE_LABEL,
        "participants": minutes.PARTICIPANTS_LABEL,
        "chair": minutes.chair_label(word or minutes.CHAIR_WORDS[0]),
        "secretary": minutes.SECRETARY_LABEL,
        "content": minutes.CONTENT_LABEL,
    }
    own = {k: v for k, v in labels.items() if v != defaults[k]}
    if own:
        fields["labels"] = own
    chair, secretary = fields.get("chair"), fields.get("secretary")
    if not (pair and word and isinstance(chair, dict) and isinstance(secretary, dict)):
        return
    if (chair["name"], secretary["name"]) != (signers[1]["name"], signers[0]["name"]):
        return
    if len(chair_lines) == 2 and key(chair_lines[1]) == key(str(chair.get("position", ""))).upper():
        fields["chair_position_signed"] = True
    elif len(chair_lines) != 1:
        return
    del fields["signers"]  # THƯ KÝ and CHỦ TỌA: the secretary's and the chair's signatures


def _minutes_end(regions: Regions, indexes: list[int], fields: dict[str, Any]) -> set[int]:
    """The end line among the last paragraphs of the body, and the closing paragraphs after
    it (Mẫu 1.9: the line "Cuộc họp kết thúc vào …", then the office's closing)."""
    ps = regions.reading.ps
    for k in range(len(indexes) - 1, max(-1, len(indexes) - 5), -1):
        p = ps[indexes[k]]
        if _listed(p):
            return set()
        if _end_line(fields, _inline(p), _plain(p)):
            after = [_inline(ps[i]) for i in indexes[k + 1 :]]
            if after:
                fields["closing"] = "\n\n".join(after)
            where: dict[str, list[int]] = fields.setdefault("_found", {})
            where["end"] = where["kind"] = where["end_note"] = [indexes[k]]
            where["closing"] = indexes[k + 1 :]
            return set(indexes[k:])
    return set()


def minutes_content(
    fields: dict[str, Any], intro: list[Any], top: list[Any], sections: bool
) -> list[Any]:
    """A Biên bản's content from what the outline read before its mục: without field lines,
    the opening is its first paragraphs up to the one that ends with ":" ("…, chúng tôi
    gồm:", "… cụ thể như sau:") when more follows, or all of them before numbered parts;
    the rest, and the numbered parts, are the content. After field lines, the "Nội dung:"
    line vanban prints before content, or ``labels.content: false`` when it is not there."""
    read = fields.pop("_minutes_fields", False)
    cut = next((k for k, x in enumerate(intro) if isinstance(x, str) and x.endswith(":")), None)
    if cut is None and intro and (top or sections):
        cut = len(intro) - 1
    if not read and cut is not None and (cut < len(intro) - 1 or top or sections):
        fields["opening"] = "\n\n".join(intro[: cut + 1])
        intro = intro[cut + 1 :]
    content = [*intro, *top]
    if fields.pop("_content_label", True) is False and content:
        fields.setdefault("labels", {})["content"] = False
    return content


def read_own_fields(
    regions: Regions, fields: dict[str, Any], notes: list[str], doc_type: str, skip: set[int]
) -> set[int] | None:
    """Read the type's own fields into ``fields``: the paragraphs they came from, for the
    body reader to skip; ``None`` when they are the whole body (a giấy)."""
    indexes = _body_paragraphs(regions, skip)
    if doc_type == "giay_gioi_thieu":
        _giay_gioi_thieu(regions, indexes, fields, notes)
        return None
    if doc_type == "giay_moi":
        _giay_moi(regions, indexes, fields, notes)
        return None
    if doc_type == "giay_nghi_phep":
        _giay_nghi_phep(regions, indexes, fields, notes)
        return None
    if doc_type == "thu_cong":
        return _thu_cong(regions, indexes, fields)
    if doc_type == "cong_dien":
        return _cong_dien(regions, indexes, fields)
    if doc_type in AGREEMENTS:
        return _agreement(regions, indexes, fields, doc_type)
    if doc_type == "bien_ban":
        return _bien_ban(regions, indexes, fields)
    return set()

"""The fixed lines of a Biên bản (Mẫu 1.9, Phụ lục III; nd30-types.md §13).

The template's body is a list of labelled fields: "Thời gian bắt đầu: …", "Địa điểm: …",
"Thành phần tham dự: …", "Chủ trì (chủ tọa): …", "Thư ký (người ghi biên bản): …",
"Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo): …", and the last line "Cuộc họp (hội
nghị, hội thảo) kết thúc vào … giờ …, ngày … tháng … năm …./."; under the content two
signers side by side, THƯ KÝ (left) and CHỦ TỌA (right), without a prefix (TM., KT. …).

The decree leaves the wording of the time and date in these fields open (nd30-types.md §21
item 9, UNCONFIRMED). vanban writes the form most public bodies use: "8 giờ 00 phút, ngày 20
tháng 11 năm 2026" (hour as a number, minutes in two digits, the date as in ô 4, Phụ lục I
II.4.b), and an end on the same day as "… kết thúc vào 11 giờ 30 phút cùng ngày".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from vanban.nd30.dates import date_text

#: What the meeting is: the words of the template's "cuộc họp/hội nghị/hội thảo".
KINDS = ("cuộc họp", "hội nghị", "hội thảo")
START_LABEL = "Thời gian bắt đầu"
PLACE_LABEL = "Địa điểm"
PARTICIPANTS_LABEL = "Thành phần tham dự"
CONTENT_LABEL = "Nội dung"
#: The chair's word: the template offers both "Chủ trì (chủ tọa)".
CHAIR_WORDS = ("chủ tọa", "chủ trì")
#: The secretary's label in the body and the title over the left signature (Mẫu 1.9).
SECRETARY_LABEL = "Thư ký"
SECRETARY_TITLE = "THƯ KÝ"


def time_text(value: _dt.time) -> str:
    """A time of day in a Biên bản: "8 giờ 00 phút" (UNCONFIRMED form, the usual one).

    >>> time_text(_dt.time(8, 0))
    '8 giờ 00 phút'
    >>> time_text(_dt.time(14, 5))
    '14 giờ 05 phút'
    """
    return f"{value.hour} giờ {value.minute:02d} phút"


def moment_text(value: _dt.datetime) -> str:
    """A time and its date: "8 giờ 00 phút, ngày 20 tháng 11 năm 2026" (the date as ô 4).

    >>> moment_text(_dt.datetime(2026, 2, 3, 8, 30))
    '8 giờ 30 phút, ngày 03 tháng 02 năm 2026'
    """
    return f"{time_text(value.time())}, {date_text(value.day, value.month, value.year)}"


def start_line(start: _dt.datetime) -> str:
    """The "Thời gian bắt đầu: …" field of Mẫu 1.9.

    >>> start_line(_dt.datetime(2026, 11, 20, 8, 0))
    'Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.'
    """
    return f"{START_LABEL}: {moment_text(start)}."


def field_line(label: str, value: str) -> str:
    """A labelled field of Mẫu 1.9: "<label>: <value>", a full stop added when the value
    does not end with a punctuation mark.

    >>> field_line("Địa điểm", "Phòng họp số 2, Sở Nội vụ")
    'Địa điểm: Phòng họp số 2, Sở Nội vụ.'
    >>> field_line("Địa điểm", "Hội trường A.")
    'Địa điểm: Hội trường A.'
    """
    value = value.strip()
    end = "" if value[-1:] in ".;:!?" else "."
    return f"{label}: {value}{end}"


def chair_label(word: str) -> str:
    """The chair's label in the body, "Chủ tọa" or "Chủ trì" (the template's "Chủ trì
    (chủ tọa)", one of the two).

    >>> chair_label("chủ trì")
    'Chủ trì'
    """
    if word not in CHAIR_WORDS:
        raise ValueError(f"không phải chủ tọa/chủ trì: {word}")
    return word.capitalize()


def chair_title(word: str) -> str:
    """The title over the chair's signature (right column of Mẫu 1.9), UPPERCASE, no prefix.

    >>> chair_title("chủ tọa")
    'CHỦ TỌA'
    """
    return chair_label(word).upper()


def person_text(name: str, position: str | None = None, honorific: str | None = None) -> str:
    """A person named in a field: "Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ".

    >>> person_text("Nguyễn Văn An", "Phó Giám đốc Sở Nội vụ", "Ông")
    'Ông Nguyễn Văn An, Phó Giám đốc Sở Nội vụ'
    >>> person_text("Lê Thị Hoa")
    'Lê Thị Hoa'
    """
    who = f"{honorific} {name}" if honorific else name
    return f"{who}, {position}" if position else who


def participant_lines(items: Sequence[str]) -> list[str]:
    """The lines under "Thành phần tham dự:": "- …;" each, the last "- ….".

    >>> participant_lines(["Ông Nguyễn Văn An", "Bà Lê Thị Hoa"])
    ['- Ông Nguyễn Văn An;', '- Bà Lê Thị Hoa.']
    """
    out = []
    for i, item in enumerate(items):
        text = item.strip().rstrip(".;,")
        out.append(f"- {text}{'.' if i == len(items) - 1 else ';'}")
    return out


def end_line(kind: str, start: _dt.datetime, end: _dt.datetime, note: str | None = None) -> str:
    """The last field of Mẫu 1.9: "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …";
    "cùng ngày" when it ends on the day it began (the usual form, UNCONFIRMED); ``note``
    (what was done with the record) follows after a comma. The "./." is added by the layout.

    >>> s = _dt.datetime(2026, 11, 20, 8, 0)
    >>> end_line("cuộc họp", s, _dt.datetime(2026, 11, 20, 11, 30))
    'Cuộc họp kết thúc vào 11 giờ 30 phút cùng ngày.'
    >>> end_line("hội nghị", s, _dt.datetime(2026, 11, 21, 9, 0), "biên bản đã được thông qua")
    'Hội nghị kết thúc vào 9 giờ 00 phút, ngày 21 tháng 11 năm 2026, biên bản đã được thông qua.'
    """
    if kind not in KINDS:
        raise ValueError(f"không phải cuộc họp/hội nghị/hội thảo: {kind}")
    when = f"{time_text(end.time())} cùng ngày" if end.date() == start.date() else moment_text(end)
    tail = f", {note.strip().rstrip('.')}" if note else ""
    return f"{kind.capitalize()} kết thúc vào {when}{tail}."

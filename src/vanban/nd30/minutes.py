"""The fixed lines of a Biên bản (Mẫu 1.9, Phụ lục III).

The template's body is a list of labelled fields: "Thời gian bắt đầu: …", "Địa điểm: …",
"Thành phần tham dự: …", "Chủ trì (chủ tọa): …", "Thư ký (người ghi biên bản): …",
"Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo): …", and the last line "Cuộc họp (hội
nghị, hội thảo) kết thúc vào … giờ …, ngày … tháng … năm …./."; under the content two
signers side by side, THƯ KÝ (left) and CHỦ TỌA (right), without a prefix (TM., KT. …).

The decree leaves the wording of the time and date in these fields open (not set by the decree
item 9, UNCONFIRMED). vanban writes the form most public bodies use: "8 giờ 00 phút, ngày 20
tháng 11 năm 2026" (hour as a number, minutes in two digits, the date as in ô 4, Phụ lục I
II.4.b), and an end on the same day as "… kết thúc vào 11 giờ 30 phút cùng ngày".

A time may be partial (a date alone, a time of day alone) or absent: records of an inspection,
an appraisal or a hand-over (biên bản kiểm tra, thẩm định, bàn giao) are written after Mẫu 1.9
with the office's own opening and closing lines, căn cứ, numbered parts and signature labels
("ĐẠI DIỆN BÊN GIAO", "TRƯỞNG ĐOÀN"), and the two-party form of Phụ lục V ([P5],
Mẫu 1.9, Phụ lục III) has no Nơi nhận. The lines here are the defaults vanban writes when the
record gives the fields they are made of.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from vanban.nd30.dates import date_text

#: A time in a Biên bản's fields: a date and time, a date alone, or a time of day alone.
Moment = _dt.datetime | _dt.date | _dt.time

#: What the meeting is: the words of the template's "cuộc họp/hội nghị/hội thảo".
KINDS = ("cuộc họp", "hội nghị", "hội thảo")
#: The tên loại line (ô 5a, Phụ lục I II.5.b): offices may extend it ("BIÊN BẢN THẨM ĐỊNH").
HEADING = "BIÊN BẢN"
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


def when_text(value: Moment) -> str:
    """A time of a Biên bản as far as it is given: date and time, the date, or the time.

    >>> when_text(_dt.datetime(2026, 11, 20, 8, 0))
    '8 giờ 00 phút, ngày 20 tháng 11 năm 2026'
    >>> when_text(_dt.date(2026, 11, 20))
    'ngày 20 tháng 11 năm 2026'
    >>> when_text(_dt.time(14, 0))
    '14 giờ 00 phút'
    """
    if isinstance(value, _dt.datetime):
        return moment_text(value)
    if isinstance(value, _dt.date):
        return date_text(value.day, value.month, value.year)
    return time_text(value)


def start_line(start: Moment, label: str = START_LABEL) -> str:
    """The "Thời gian bắt đầu: …" field of Mẫu 1.9 (its label replaceable).

    >>> start_line(_dt.datetime(2026, 11, 20, 8, 0))
    'Thời gian bắt đầu: 8 giờ 00 phút, ngày 20 tháng 11 năm 2026.'
    >>> start_line(_dt.date(2026, 11, 20), "Thời gian")
    'Thời gian: ngày 20 tháng 11 năm 2026.'
    """
    return f"{label}: {when_text(start)}."


def heading_problem(heading: str) -> str | None:
    """Why a tên loại written for a Biên bản departs from the decree, or ``None``: it should
    start with "BIÊN BẢN" (Phụ lục I II.5.b; Phụ lục III Mục I, ký hiệu BB), as "BIÊN BẢN
    THẨM ĐỊNH" does.

    >>> heading_problem("Biên bản kiểm tra") is None
    True
    >>> heading_problem("BÁO CÁO THẨM ĐỊNH")
    'tên loại của biên bản bắt đầu bằng "BIÊN BẢN" (Phụ lục I, II.5.b), không phải "BÁO CÁO THẨM ĐỊNH"'
    """
    text = " ".join(heading.split())
    if text.upper().startswith(HEADING):
        return None
    return (
        f'tên loại của biên bản bắt đầu bằng "{HEADING}" (Phụ lục I, II.5.b), không phải "{text}"'
    )


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


def kind_problem(kind: str) -> str | None:
    """Why the subject of the end line departs from Mẫu 1.9, or ``None``: the template writes
    "Cuộc họp (hội nghị, hội thảo) kết thúc vào …".

    >>> kind_problem("hội nghị") is None
    True
    >>> kind_problem("buổi kiểm tra")
    'Mẫu 1.9 ghi "cuộc họp", "hội nghị" hoặc "hội thảo" kết thúc vào …, không phải "buổi kiểm tra"'
    """
    if kind.strip().lower() in KINDS:
        return None
    words = '", "'.join(KINDS[:-1])
    return f'Mẫu 1.9 ghi "{words}" hoặc "{KINDS[-1]}" kết thúc vào …, không phải "{kind.strip()}"'


def _same_day(start: Moment | None, end: _dt.datetime) -> bool:
    day = start.date() if isinstance(start, _dt.datetime) else start
    return isinstance(day, _dt.date) and day == end.date()


def end_line(kind: str, start: Moment | None, end: Moment, note: str | None = None) -> str:
    """The last field of Mẫu 1.9: "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …";
    "cùng ngày" when it ends on the day it began, or at a time of day after a start (the usual
    form, UNCONFIRMED); ``note`` (what was done with the record) follows after a comma. The
    "./." is added by the layout. ``kind`` is the subject as the office writes it.

    >>> s = _dt.datetime(2026, 11, 20, 8, 0)
    >>> end_line("cuộc họp", s, _dt.datetime(2026, 11, 20, 11, 30))
    'Cuộc họp kết thúc vào 11 giờ 30 phút cùng ngày.'
    >>> end_line("hội nghị", s, _dt.datetime(2026, 11, 21, 9, 0), "biên bản đã được thông qua")
    'Hội nghị kết thúc vào 9 giờ 00 phút, ngày 21 tháng 11 năm 2026, biên bản đã được thông qua.'
    >>> end_line("cuộc họp", _dt.date(2026, 11, 20), _dt.time(16, 0))
    'Cuộc họp kết thúc vào 16 giờ 00 phút cùng ngày.'
    >>> end_line("việc kiểm tra", None, _dt.time(16, 0))
    'Việc kiểm tra kết thúc vào 16 giờ 00 phút.'
    >>> end_line("cuộc họp", None, _dt.date(2026, 11, 21))
    'Cuộc họp kết thúc vào ngày 21 tháng 11 năm 2026.'
    """
    if isinstance(end, _dt.datetime):
        same = _same_day(start, end)
        when = f"{time_text(end.time())} cùng ngày" if same else moment_text(end)
    elif isinstance(end, _dt.date):
        when = when_text(end)
    else:
        when = time_text(end) + (" cùng ngày" if start is not None else "")
    tail = f", {note.strip().rstrip('.')}" if note else ""
    subject = kind.strip()
    return f"{subject[:1].upper()}{subject[1:]} kết thúc vào {when}{tail}."

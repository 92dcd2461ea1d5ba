"""Địa danh và thời gian ban hành văn bản (ô 4): the date line of a document.

Rule (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II, 4.b): the date is written in full with
Arabic digits, "ngày ... tháng ... năm ...", and "đối với những số thể hiện ngày nhỏ hơn 10 và
tháng 1, 2 phải ghi thêm số 0 phía trước": days 1–9 and months 1 and 2 get a leading zero,
months 3–12 do not. The place name comes first, followed by a comma (II.4.c).

Why not Babel: a CLDR date pattern pads a field for every value or for none ("MM" gives
"03", "M" gives "2"); it has no way to say "pad months 1 and 2 only", which is the decree's
rule (it keeps "tháng 01" from being read as "tháng 10" or "tháng 11" after a forger adds a
digit). So the date text is built here, by hand, and Babel is used only for numbers
(:func:`vanban.nd30.text.format_number`).
"""

from __future__ import annotations

import datetime as _dt

#: What stands in the date for a part the văn thư fills in by hand after signing
#: (Điều 15.2; Phụ lục I, Mục II, 3: documents are numbered and dated after signature). Six spaces leave room
#: for two handwritten digits at 13–14 pt.
BLANK = "      "


def day_text(day: int) -> str:
    """The day of a date as NĐ30 writes it: days below 10 get a leading zero (II.4.b).

    >>> day_text(5), day_text(10), day_text(31)
    ('05', '10', '31')
    """
    if not 1 <= day <= 31:
        raise ValueError(f"day out of range: {day}")
    return f"{day:02d}"


def month_text(month: int) -> str:
    """The month as NĐ30 writes it: only months 1 and 2 get a leading zero (II.4.b).

    >>> [month_text(m) for m in (1, 2, 3, 10, 12)]
    ['01', '02', '3', '10', '12']
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return f"{month:02d}" if month < 3 else str(month)


def date_text(day: int | None, month: int | None, year: int | None) -> str:
    """The "ngày … tháng … năm …" text; a part given as ``None`` is left blank for the văn thư.

    >>> date_text(5, 1, 2020)
    'ngày 05 tháng 01 năm 2020'
    >>> date_text(29, 6, 2019)
    'ngày 29 tháng 6 năm 2019'
    >>> date_text(None, 11, 2024)
    'ngày       tháng 11 năm 2024'
    >>> date_text(None, None, 2022)
    'ngày       tháng       năm 2022'
    """
    d = BLANK if day is None else day_text(day)
    m = BLANK if month is None else month_text(month)
    y = BLANK if year is None else str(year)
    return f"ngày {d} tháng {m} năm {y}"


def date_line(place: str, day: int | None, month: int | None, year: int | None) -> str:
    """The whole ô 4 line: place name, a comma, the date (II.4.c).

    >>> date_line("Hà Nội", 5, 3, 2020)
    'Hà Nội, ngày 05 tháng 3 năm 2020'
    >>> date_line("Thành phố Hồ Chí Minh", 29, 6, 2019)
    'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'
    """
    return f"{place}, {date_text(day, month, year)}"


def short_date(value: _dt.date) -> str:
    """A date inside the text (a deadline), as the decree's own examples write it: "dd/m/yyyy".

    The same padding rule as the date line holds (days < 10 and months 1, 2 get a zero),
    which is how the decree cites dates in running text ("ngày 05/3/2020") and how the
    reference plans write deadlines ("15/02/2025", "05/4/2025").

    >>> short_date(_dt.date(2025, 4, 5))
    '05/4/2025'
    >>> short_date(_dt.date(2025, 2, 15))
    '15/02/2025'
    >>> short_date(_dt.date(2024, 11, 30))
    '30/11/2024'
    """
    return f"{day_text(value.day)}/{month_text(value.month)}/{value.year}"

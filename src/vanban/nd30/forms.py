"""The fixed texts of the giấy: Giấy mời (Mẫu 1.7), Giấy giới thiệu (Mẫu 1.8), Giấy nghỉ phép
(Mẫu 1.10) of Phụ lục III (Mẫu 1.7, 1.8, 1.10).

These three Mẫu have no free structure: the body is a few field lines ("Thời gian: …",
"Chức vụ: …") and fixed sentences around them. Their labels and sentences are the
template's; the field lines are in thường, upright, not bold. How a date and an hour read
inside the body ("Thời gian: …") is not set by the decree: vanban
writes the hour as "08 giờ 00 phút", then the weekday, then the date with the padding rule of
ô 4 (Phụ lục I, II.4.b), the form most invitations of public bodies use.
"""

from __future__ import annotations

import datetime as _dt

from vanban.nd30 import dates
from vanban.nd30.doctypes import DOC_TYPES

#: The types whose heading is the tên loại and its rule, with no trích yếu (Mẫu 1.8, 1.10).
WITHOUT_TITLE = frozenset(k for k, t in DOC_TYPES.items() if not t.title)

#: Weekday names as Vietnamese writes them, Monday first (``date.weekday()`` order).
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def hour_text(value: _dt.time) -> str:
    """An hour of the day: "08 giờ 00 phút", both parts on two digits (UNCONFIRMED: the Mẫu show only dots).

    >>> hour_text(_dt.time(8, 0)), hour_text(_dt.time(14, 30))
    ('08 giờ 00 phút', '14 giờ 30 phút')
    """
    return f"{value.hour:02d} giờ {value.minute:02d} phút"


def day_text(value: _dt.date) -> str:
    """A day in running text: the weekday, then "ngày … tháng … năm …" padded as ô 4 is
    (Phụ lục I, II.4.b: days below 10 and months 1, 2 with a leading zero).

    >>> day_text(_dt.date(2026, 3, 5))
    'thứ Năm, ngày 05 tháng 3 năm 2026'
    >>> day_text(_dt.date(2026, 2, 1))
    'Chủ nhật, ngày 01 tháng 02 năm 2026'
    """
    weekday = WEEKDAYS[value.weekday()]
    return f"{weekday}, {dates.date_text(value.day, value.month, value.year)}"


def time_text(value: _dt.datetime | _dt.date) -> str:
    """The "Thời gian" of a meeting (Mẫu 1.7): hour, weekday, date; a date alone without hour.

    The decree leaves this wording open (Mẫu 1.7 of Phụ lục III shows only dots: UNCONFIRMED); this is
    the form most public bodies print.

    >>> time_text(_dt.datetime(2026, 3, 5, 8, 0))
    '08 giờ 00 phút, thứ Năm, ngày 05 tháng 3 năm 2026'
    >>> time_text(_dt.date(2026, 3, 5))
    'thứ Năm, ngày 05 tháng 3 năm 2026'
    """
    if isinstance(value, _dt.datetime):
        return f"{hour_text(value.time())}, {day_text(value.date())}"
    return day_text(value)


def long_date(value: _dt.date) -> str:
    """A date in a sentence of a giấy ("đến hết ngày 31 tháng 3 năm 2026"): ô 4's form.

    >>> long_date(_dt.date(2026, 1, 9))
    'ngày 09 tháng 01 năm 2026'
    """
    return dates.date_text(value.day, value.month, value.year)


# -- Giấy mời (Mẫu 1.7) --------------------------------------------------------------------


def invitation_line(issuer: str, invitee: str) -> str:
    """The first line of a Giấy mời: "<tên cơ quan> trân trọng kính mời: <người được mời>"
    (Mẫu 1.7, footnotes 2 and 6).

    >>> invitation_line("Ủy ban nhân dân xã Tân An", "Bà Lê Thị Hoa, Trưởng thôn Đông")
    'Ủy ban nhân dân xã Tân An trân trọng kính mời: Bà Lê Thị Hoa, Trưởng thôn Đông'
    """
    return f"{issuer} trân trọng kính mời: {invitee}"


#: "Tới dự <cuộc họp, hội thảo, hội nghị>" (Mẫu 1.7, footnote 7).
ATTEND = "Tới dự"
#: The labels of the field lines of Mẫu 1.7, in the template's order, with the lines vanban
#: adds where practice has them (Thành phần, Nội dung, liên hệ).
INVITATION_LABELS = {
    "agenda": "Nội dung",
    "chair": "Chủ trì",
    "participants": "Thành phần",
    "time": "Thời gian",
    "venue": "Địa điểm",
    "liaison": "Thông tin liên hệ",
}


def field_line(label: str, value: str) -> str:
    """A field line of a giấy: "<label>: <value>" (Mẫu 1.7, 1.8, 1.10: in thường, đứng).

    >>> field_line("Địa điểm", "Hội trường Ủy ban nhân dân xã")
    'Địa điểm: Hội trường Ủy ban nhân dân xã'
    """
    return f"{label}: {value}"


# -- Giấy giới thiệu (Mẫu 1.8) ---------------------------------------------------------------


def introduction_line(issuer: str) -> str:
    """The centred line of a Giấy giới thiệu (Mẫu 1.8, footnote 2).

    >>> introduction_line("Sở Nội vụ tỉnh Hòa Bình Nam")
    'Sở Nội vụ tỉnh Hòa Bình Nam trân trọng giới thiệu:'
    """
    return f"{issuer} trân trọng giới thiệu:"


#: How the person is named when the form of address is not given ("Ông (bà)", Mẫu 1.8, 1.10).
ANY_HONORIFIC = "Ông (bà)"
#: The labels of the person's lines (Mẫu 1.8, 1.10); "Đơn vị công tác" is vanban's, for the unit
#: footnote 5 asks for.
POSITION = "Chức vụ"
UNIT = "Đơn vị công tác"
SENT_TO = "Được cử đến"
ABOUT = "Về việc"


def person_line(name: str, honorific: str | None) -> str:
    """The person's line: "Ông: …", "Bà: …", or the template's "Ông (bà): …".

    >>> person_line("Nguyễn Văn An", "Ông"), person_line("Trần Thị Bình", None)
    ('Ông: Nguyễn Văn An', 'Ông (bà): Trần Thị Bình')
    """
    return f"{honorific or ANY_HONORIFIC}: {name}"


def support_line(honorific: str | None) -> str:
    """The fixed request of Mẫu 1.8, with the person's form of address in lower case.

    >>> support_line("Bà")
    'Đề nghị Quý cơ quan tạo điều kiện để bà có tên ở trên hoàn thành nhiệm vụ.'
    >>> support_line(None)
    'Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.'
    """
    who = (honorific or ANY_HONORIFIC).lower()
    return f"Đề nghị Quý cơ quan tạo điều kiện để {who} có tên ở trên hoàn thành nhiệm vụ."


def validity_line(until: _dt.date) -> str:
    """The last line of a Giấy giới thiệu (Mẫu 1.8), before "./.".

    >>> validity_line(_dt.date(2026, 3, 31))
    'Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2026.'
    """
    return f"Giấy này có giá trị đến hết {long_date(until)}."


# -- Giấy nghỉ phép (Mẫu 1.10) -----------------------------------------------------------------


def leave_request_line(request: _dt.date | None, person: str, issuer: str) -> str:
    """The opening of a Giấy nghỉ phép (Mẫu 1.10, footnote 2): the request it answers and the
    body that grants the leave.

    >>> leave_request_line(_dt.date(2026, 7, 6), "bà Trần Thị Hoa", "Sở Nội vụ")
    'Xét Đơn đề nghị nghỉ phép ngày 06 tháng 7 năm 2026 của bà Trần Thị Hoa, Sở Nội vụ cấp cho:'
    >>> leave_request_line(None, "ông (bà) Lê Văn Nam", "Sở Nội vụ")
    'Xét Đơn đề nghị nghỉ phép của ông (bà) Lê Văn Nam, Sở Nội vụ cấp cho:'
    """
    when = f" {long_date(request)}" if request else ""
    return f"Xét Đơn đề nghị nghỉ phép{when} của {person}, {issuer} cấp cho:"


def leave_line(days: int, start: _dt.date, end: _dt.date, place: str) -> str:
    """The leave granted (Mẫu 1.10, footnote 6: the place of leave).

    >>> leave_line(5, _dt.date(2026, 7, 13), _dt.date(2026, 7, 17), "xã Tân An")
    ... # doctest: +NORMALIZE_WHITESPACE
    'Được nghỉ phép trong thời gian 05 ngày, kể từ ngày 13 tháng 7 năm 2026
     đến hết ngày 17 tháng 7 năm 2026 tại xã Tân An.'
    """
    return (
        f"Được nghỉ phép trong thời gian {days:02d} ngày, kể từ {long_date(start)} "
        f"đến hết {long_date(end)} tại {place}."
    )


def counted_line(kind: str) -> str:
    """The kind of leave (Mẫu 1.10, footnote 7: under the labour law), before "./.".

    >>> counted_line("nghỉ phép năm 2026")
    'Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm 2026.'
    """
    return f"Số ngày nghỉ phép nêu trên được tính vào thời gian {kind}."


def default_leave_kind(year: int) -> str:
    """The kind of leave when none is given: the annual leave of the year it starts in.

    >>> default_leave_kind(2026)
    'nghỉ phép năm 2026'
    """
    return f"nghỉ phép năm {year}"


#: Who confirms when no name is given (Mẫu 1.10, the xác nhận block).
CONFIRMER = "cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"


def confirmation_title(by: str) -> str:
    """The title of the optional xác nhận block of Mẫu 1.10, in capitals like a signer title
    (its template line is a placeholder in 11 pt italic; vanban prints the confirming body as
    the title of a signature block).

    >>> confirmation_title("Ủy ban nhân dân xã Tân An")
    'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ TÂN AN'
    >>> confirmation_title(CONFIRMER)
    'XÁC NHẬN CỦA CƠ QUAN (TỔ CHỨC) HOẶC CHÍNH QUYỀN ĐỊA PHƯƠNG NƠI NGHỈ PHÉP'
    """
    return f"Xác nhận của {by}".upper()


#: The xác nhận block's column (twips): 7.06 cm on the left, as Mẫu 1.10 draws it, the rest
#: of the signer table's width empty (as the Mẫu of Phụ lục III lay it out).
CONFIRMATION_COLUMNS = (4002, 4786)

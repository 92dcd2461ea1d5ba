"""Mức độ khẩn, độ mật, phạm vi lưu hành, and the issuer's contact line (ô 10a, 10b, 11, 13).

Sources: Phụ lục I, III.2 (marks) and III.4 (contact line); the ô positions of Mục IV
(Phụ lục I, Mục III, 2; Mục IV; Mục V, ô 10–13).

- **Mức độ khẩn** (III.2.b, ô 10b): HỎA TỐC, THƯỢNG KHẨN, KHẨN, "trình bày bằng chữ in hoa,
  phông chữ Times New Roman, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm và đặt cân đối trong
  khung hình chữ nhật viền đơn" of 30 × 8, 40 × 8 and 20 × 8 mm. vanban prints the box
  under the Số line. The stamp of a paper copy is red ("màu đỏ tươi"); printed text stays
  black like the rest (I.4), so the văn thư may still stamp over it. The box is centred in
  the left column under the Số line (the diagram puts 10a, 10b under ô 3, at the left).
- **Độ mật** (III.2.a, ô 10a): TUYỆT MẬT, TỐI MẬT, MẬT. The decree defers the stamp to the
  law on state secrets: Thông tư 24/2020/TT-BCA, Mẫu số 01–03 (as restated by secondary
  sources; not read in the original): a rectangle with two borders 1 mm apart, TNR 13 bold
  capitals, 40 × 8 (TUYỆT MẬT), 30 × 8 (TỐI MẬT), 20 × 8 mm (MẬT). vanban prints it above the
  urgency box, under the Số line, with a double border.
- **Phạm vi lưu hành** (III.2.c, ô 11): "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" (the decree
  says "như": others are allowed), capitals, TNR 13–14, upright, bold, "cân đối trong một
  khung hình chữ nhật viền đơn", above the Quốc hiệu. No size is set: the box fits the text.
- **Contact line** (III.4, ô 13): address, email, website, phone, fax, "ở trang thứ nhất của
  văn bản, bằng chữ in thường, cỡ chữ từ 11 đến 12, kiểu chữ đứng, dưới một đường kẻ nét liền
  kéo dài hết chiều ngang của vùng trình bày văn bản": vanban puts it in the first-page footer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from vanban._record import FrozenRecord
from vanban.nd30.page import mm

#: Sizes (pt) the text of a mark may take (III.2.b–c: "cỡ chữ từ 13 đến 14").
MARK_SIZE_RANGE = (13, 14)
#: Size (pt) of the text in every mark: 13, the decree's example size.
MARK_SIZE = MARK_SIZE_RANGE[0]
#: Sizes (pt) the contact line may take (III.4: "cỡ chữ từ 11 đến 12").
CONTACT_SIZE_RANGE = (11, 12)
#: Size (pt) of the contact line: 11, the decree's example size.
CONTACT_SIZE = CONTACT_SIZE_RANGE[0]
#: Room left and right of the text in a box that fits its text (phạm vi lưu hành), twips.
BOX_PADDING = mm(2)
#: The box's height when the decree gives none: the same 8 mm as the stamps.
BOX_HEIGHT = mm(8)


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Mark(FrozenRecord):
    """A boxed mark: its text, the box's size in twips, and its border ("single"/"double")."""

    text: str
    width: int
    height: int
    border: str

    def __init__(self, text: str, width: int, height: int, border: str) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "text", text)
        setattr_(self, "width", width)
        setattr_(self, "height", height)
        setattr_(self, "border", border)


#: Mức độ khẩn and their stamp sizes in mm (III.2.b), in rising order of urgency.
URGENCY_MM = {"KHẨN": (20, 8), "THƯỢNG KHẨN": (40, 8), "HỎA TỐC": (30, 8)}
#: Độ mật and their stamp sizes in mm (Thông tư 24/2020/TT-BCA, Mẫu số 01–03).
SECRECY_MM = {"MẬT": (20, 8), "TỐI MẬT": (30, 8), "TUYỆT MẬT": (40, 8)}
#: The two phạm vi lưu hành the decree names (III.2.c); others are accepted.
CIRCULATION_EXAMPLES = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ")


def _key(text: str) -> str:
    # "HOẢ TỐC" (old-style tone placement, as the decree itself prints it) is "HỎA TỐC".
    s = " ".join(unicodedata.normalize("NFC", text).upper().split())
    return s.replace("HOẢ", "HỎA")


def _one_of(text: str, table: dict[str, tuple[int, int]], what: str) -> str:
    key = _key(text)
    if key not in table:
        choices = ", ".join(table)
        raise ValueError(f'{what} "{text}" không có trong quy định; dùng một trong: {choices}')
    return key


def urgency(text: str) -> str:
    """The mức độ khẩn as printed, from any case or the decree's "HOẢ TỐC" spelling.

    >>> urgency("hỏa tốc"), urgency("HOẢ TỐC"), urgency("Thượng khẩn")
    ('HỎA TỐC', 'HỎA TỐC', 'THƯỢNG KHẨN')
    >>> urgency("gấp")
    Traceback (most recent call last):
    ...
    ValueError: mức độ khẩn "gấp" không có trong quy định; dùng một trong: KHẨN, THƯỢNG KHẨN, HỎA TỐC
    """
    return _one_of(text, URGENCY_MM, "mức độ khẩn")


def secrecy(text: str) -> str:
    """The độ mật as printed.

    >>> secrecy("tối mật")
    'TỐI MẬT'
    """
    return _one_of(text, SECRECY_MM, "độ mật")


def circulation(text: str) -> str:
    """A phạm vi lưu hành, in capitals on one line.

    >>> circulation("Lưu hành nội bộ")
    'LƯU HÀNH NỘI BỘ'
    """
    return " ".join(text.upper().split())


def urgency_mark(text: str) -> Mark:
    """The urgency box: single border, the decree's size for the level (III.2.b).

    >>> urgency_mark("KHẨN")
    Mark(text='KHẨN', width=1134, height=454, border='single')
    >>> urgency_mark("hỏa tốc").width, urgency_mark("THƯỢNG KHẨN").width  # 30 and 40 mm
    (1701, 2268)
    """
    key = urgency(text)
    w, h = URGENCY_MM[key]
    return Mark(key, mm(w), mm(h), "single")


def secrecy_mark(text: str) -> Mark:
    """The secrecy box: double border, the stamp's size for the level.

    >>> secrecy_mark("tuyệt mật")
    Mark(text='TUYỆT MẬT', width=2268, height=454, border='double')
    """
    key = secrecy(text)
    w, h = SECRECY_MM[key]
    return Mark(key, mm(w), mm(h), "double")


def circulation_mark(text: str, text_width: float) -> Mark:
    """The circulation box: single border, as wide as its text (``text_width`` twips, at
    :data:`MARK_SIZE` bold) plus :data:`BOX_PADDING` on each side, 8 mm high.

    >>> circulation_mark("lưu hành nội bộ", 2000.4)
    Mark(text='LƯU HÀNH NỘI BỘ', width=2226, height=454, border='single')
    """
    return Mark(circulation(text), round(text_width) + 2 * BOX_PADDING, BOX_HEIGHT, "single")


#: The contact parts in the decree's order (III.4) with the labels offices print before them.
CONTACT_LABELS = (
    ("address", "Địa chỉ"),
    ("email", "Email"),
    ("website", "Website"),
    ("phone", "Điện thoại"),
    ("fax", "Fax"),
)


def contact_lines(parts: dict[str, str | None]) -> list[str]:
    """The contact block at the foot of page 1 (III.4): the address on its own line, then the
    other parts on one line, each "<label>: <value>", joined by "; ".

    >>> contact_lines({"address": "Số 1 đường Hoàng Liên, phường Lào Cai, tỉnh Lào Cai",
    ...                "phone": "0214 3840 888", "email": "sct@laocai.gov.vn"})
    ['Địa chỉ: Số 1 đường Hoàng Liên, phường Lào Cai, tỉnh Lào Cai', 'Email: sct@laocai.gov.vn; Điện thoại: 0214 3840 888']
    >>> contact_lines({"phone": "024 3825 1234"})
    ['Điện thoại: 024 3825 1234']
    """
    first = [f"Địa chỉ: {parts['address']}"] if parts.get("address") else []
    rest = [f"{label}: {parts[key]}" for key, label in CONTACT_LABELS[1:] if parts.get(key)]
    return first + (["; ".join(rest)] if rest else [])


def marks_in_order(marks: Sequence[Mark | None]) -> list[Mark]:
    """The marks that are set, in the given order (độ mật above mức độ khẩn, ô 10a then 10b).

    >>> [m.text for m in marks_in_order([None, urgency_mark("KHẨN")])]
    ['KHẨN']
    """
    return [m for m in marks if m is not None]

"""Phụ lục (Phụ lục I, Mục III.1; Mẫu 2.1 of Phụ lục III; nd30.md §12).

- The main text must point to each phụ lục (III.1.a); with two or more they are numbered in
  Roman numerals, "Phụ lục I", "Phụ lục II" (III.1.b).
- "Phụ lục" and its number: own line, centred, in thường, 14 pt, upright, bold (III.1.c).
- Its title: centred, UPPERCASE, 13–14 pt, upright, bold (III.1.c).
- Under the title, centred, italic, 13–14 pt: the parent document it goes with, its number
  and symbol, date and issuer (III.1.c; Mẫu 2.1 "(Kèm theo Văn bản số … ngày … tháng … năm
  … của …)"), then a short centred line (Mẫu 2.1).
- Page numbers restart in each phụ lục (III.1.đ).
"""

from __future__ import annotations

import re

from vanban.nd30.dates import date_text
from vanban.nd30.numbering import number_line, roman

#: The word before the number (III.1.b).
LABEL = "Phụ lục"
#: Size of the "Phụ lục …" line, pt: fixed at 14 (III.1.c).
LABEL_SIZE = 14
#: Size of the "(Kèm theo …)" line, pt: 13–14; Mẫu 2.1 sets it at 13.
REFERENCE_SIZE = 13


def appendix_label(index: int, count: int, number: str | None = None) -> str:
    """The "Phụ lục …" line of the ``index``-th (from 1) of ``count`` appendices.

    Two or more are numbered I, II…; a single one is unnumbered; a number the document
    writes itself ("01") is kept.

    >>> appendix_label(1, 1), appendix_label(2, 3), appendix_label(1, 1, "01")
    ('Phụ lục', 'Phụ lục II', 'Phụ lục 01')
    """
    if number:
        return f"{LABEL} {number}"
    return f"{LABEL} {roman(index)}" if count > 1 else LABEL


def of_issuer(name: str) -> str:
    """An issuer's name as it reads in running text ("của Ủy ban nhân dân tỉnh Bắc Giang"):
    lower case except the first letter and the proper names after an administrative unit
    (tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn), and abbreviations (UBND).
    Phụ lục II capitalises more (Sở Giáo dục và Đào tạo): documents give ``issuer.in_text``
    for such names.

    >>> of_issuer("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG")
    'Ủy ban nhân dân tỉnh Bắc Giang'
    >>> of_issuer("UBND XÃ TÂN AN")
    'UBND xã Tân An'
    >>> of_issuer("ỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÀ NỘI")
    'Ủy ban nhân dân thành phố Hà Nội'
    """
    words = name.split()
    units = {"tỉnh", "huyện", "quận", "xã", "phường", "thị", "trấn", "phố", "thành"}
    out: list[str] = []
    proper = False
    for i, w in enumerate(words):
        low = w.lower()
        if w.isupper() and not _SYLLABLE.match(low):
            out.append(w)  # not a Vietnamese syllable: an abbreviation (UBND, THPT, HĐND)
            continue
        if low in units:
            proper = low not in ("thị", "thành")
            out.append(low)
            continue
        if proper or i == 0:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
    return " ".join(out)


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
#: A Vietnamese syllable: an initial consonant, vowels, a final consonant.
_SYLLABLE = re.compile(
    rf"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]+(ng|nh|ch|[cmnpt])?$"
)


def reference_line(
    type_name: str,
    number: int | None,
    symbol: str,
    day: int | None,
    month: int | None,
    year: int | None,
    issuer: str,
    opening: str = "Kèm theo",
) -> str:
    """The "(Kèm theo …)" line, filled from the parent document (blank where its number or
    date is blank, as the văn thư fills them in). The text a Quyết định issues (Mẫu 1.3)
    carries the same line for the Quyết định, or, as some offices write it, "(Ban hành kèm
    theo …)" (``opening``; :mod:`vanban.nd30.articles`).

    >>> reference_line("Kế hoạch", 5, "KH-UBND", 10, 1, 2025, "Ủy ban nhân dân tỉnh Bắc Giang")
    '(Kèm theo Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh Bắc Giang)'
    >>> reference_line("Kế hoạch", None, "KH-SCT", None, 3, 2026, "Sở Công Thương")
    '(Kèm theo Kế hoạch số       /KH-SCT ngày       tháng 3 năm 2026 của Sở Công Thương)'
    >>> reference_line("Quyết định", 7, "QĐ-SNV", 2, 3, 2026, "Sở Nội vụ", "Ban hành kèm theo")
    '(Ban hành kèm theo Quyết định số 07/QĐ-SNV ngày 02 tháng 3 năm 2026 của Sở Nội vụ)'
    """
    number_part = number_line(number, symbol).removeprefix("Số: ")
    date = date_text(day, month, year)
    return f"({opening} {type_name} số {number_part} {date} của {issuer})"

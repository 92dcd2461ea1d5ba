"""Phụ lục (Phụ lục I, Mục III, 1; Mẫu 2.1 of Phụ lục III).

- The main text must point to each phụ lục (III.1.a); with two or more they are numbered in
  Roman numerals, "Phụ lục I", "Phụ lục II" (III.1.b).
- "Phụ lục" and its number: own line, centred, in thường, 14 pt, upright, bold (III.1.c).
- Its title: centred, UPPERCASE, 13–14 pt, upright, bold (III.1.c).
- Under the title, centred, italic, 13–14 pt: the parent document it goes with, its number
  and symbol, date and issuer (III.1.c; Mẫu 2.1 "(Kèm theo Văn bản số … ngày … tháng … năm
  … của …)"), then a short centred line (Mẫu 2.1).
- Page numbers restart in each phụ lục (III.1.đ).

Offices word these lines their own way, and vanban lets them (the decree's form by default):
the label may be another word ("Biểu 01") or none (an attached "PHÂN CÔNG NHIỆM VỤ" table),
the reference line may read "(Ban hành kèm theo …)" with the parent's number and date filled
in from :data:`REFERENCE_FIELDS` (plain replacement of named fields, never template code).
The generated line keeps the issuer's name and the type's name on one line (non-breaking
spaces: no "của Sở Công / Thương)").
"""

from __future__ import annotations

from vanban._patterns import LazyPattern
from vanban.nd30.dates import date_text
from vanban.nd30.numbering import number_line, roman

#: The word before the number (III.1.b).
LABEL = "Phụ lục"
#: Size of the "Phụ lục …" line, pt: fixed at 14 (III.1.c).
LABEL_SIZE = 14
#: Size of the "(Kèm theo …)" line, pt: 13–14; Mẫu 2.1 sets it at 13.
REFERENCE_SIZE = 13


def appendix_label(
    index: int, count: int, number: str | None = None, label: str | None = None
) -> str:
    """The "Phụ lục …" line of the ``index``-th (from 1) of ``count`` appendices.

    Two or more are numbered I, II…; a single one is unnumbered; a number the document
    writes itself ("01") is kept. A ``label`` the document writes replaces the word (with its
    ``number`` after it) or, alone, is the whole line as written; such appendices are not
    counted in ``index`` and ``count`` (:func:`numbered`).

    >>> appendix_label(1, 1), appendix_label(2, 3), appendix_label(1, 1, "01")
    ('Phụ lục', 'Phụ lục II', 'Phụ lục 01')
    >>> appendix_label(1, 1, "01", "Biểu"), appendix_label(1, 1, None, "Phụ lục số 3a")
    ('Biểu 01', 'Phụ lục số 3a')
    """
    if label:
        return f"{label} {number}" if number else label
    if number:
        return f"{LABEL} {number}"
    return f"{LABEL} {roman(index)}" if count > 1 else LABEL


def numbered(labels: list[str | bool | None]) -> list[int | None]:
    """The place (from 1) of each appendix among those printing the decree's numbered label,
    given each one's ``label`` field (``None`` or ``True``: the decree's; ``False``: none; a
    text: the office's own); ``None`` for the others (III.1.b numbers the phụ lục a text
    points to as "Phụ lục I, II"; a table attached without a label takes no number).

    >>> numbered([None, False, True, "Biểu 01"])
    [1, None, 2, None]
    """
    out: list[int | None] = []
    n = 0
    for label in labels:
        if label is None or label is True:
            n += 1
            out.append(n)
        else:
            out.append(None)
    return out


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
        if w.isupper() and not _SYLLABLE().match(low):
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
_SYLLABLE = LazyPattern(
    rf"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]+(ng|nh|ch|[cmnpt])?$"
)


#: A non-breaking space: the issuer's name and the type's name are not broken across lines.
NBSP = "\u00a0"


#: The longest name kept on one line, in characters: about 70 characters of 13 pt italic
#: Times New Roman take 13.5 cm of the 15.5 cm line; a longer name breaks at its spaces
#: rather than being cut by Word in the middle of a word.
UNBROKEN_MAX = 70


def unbroken(text: str) -> str:
    """``text`` with its spaces made non-breaking, so that Word keeps it on one line; a text
    longer than :data:`UNBROKEN_MAX` characters is returned as it is.

    >>> unbroken("Sở Công Thương") == "Sở\\u00a0Công\\u00a0Thương"
    True
    >>> unbroken("x " * 40) == "x " * 40
    True
    """
    return text if len(text) > UNBROKEN_MAX else NBSP.join(text.split(" "))


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
    theo …)" (``opening``; :mod:`vanban.nd30.articles`). The type's and the issuer's names
    are each kept on one line (:func:`unbroken`; shown here as "~").

    >>> def show(line): print(line.replace(NBSP, "~"))
    >>> show(reference_line("Kế hoạch", 5, "KH-UBND", 10, 1, 2025, "UBND tỉnh Bắc Giang"))
    (Kèm theo Kế~hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2025 của UBND~tỉnh~Bắc~Giang)
    >>> show(reference_line("Kế hoạch", None, "KH-SCT", None, 3, 2026, "Sở Công Thương"))
    (Kèm theo Kế~hoạch số       /KH-SCT ngày       tháng 3 năm 2026 của Sở~Công~Thương)
    >>> show(reference_line("Quyết định", 7, "QĐ-SNV", 2, 3, 2026, "Sở Nội vụ", "Ban hành kèm theo"))
    (Ban hành kèm theo Quyết~định số 07/QĐ-SNV ngày 02 tháng 3 năm 2026 của Sở~Nội~vụ)
    """
    fields = reference_fields(type_name, number, symbol, day, month, year, issuer)
    return fill_reference(f"({opening} {{loai}} số {{so}} {{ngay}} của {{co_quan}})", fields)


#: The parent document's fields a reference line the office words itself can name, each
#: written ``{name}`` and replaced by its text (plain replacement, not template code).
REFERENCE_FIELDS = {
    "loai": "tên loại văn bản: Kế hoạch",
    "so": "số và ký hiệu: 05/KH-UBND (chỗ trống khi chưa có số)",
    "ky_hieu": "ký hiệu: KH-UBND",
    "ngay": "ngày tháng năm: ngày 10 tháng 01 năm 2025",
    "co_quan": "tên cơ quan ban hành như trong câu văn: Ủy ban nhân dân tỉnh Bắc Giang",
}


def reference_fields(
    type_name: str,
    number: int | None,
    symbol: str,
    day: int | None,
    month: int | None,
    year: int | None,
    issuer: str,
) -> dict[str, str]:
    """The values of :data:`REFERENCE_FIELDS` for a parent document, names unbroken.

    >>> reference_fields("Kế hoạch", 5, "KH-SCT", None, 3, 2026, "Sở Công Thương")["so"]
    '05/KH-SCT'
    """
    return {
        "loai": unbroken(type_name),
        "so": number_line(number, symbol).removeprefix("Số: "),
        "ky_hieu": symbol,
        "ngay": date_text(day, month, year),
        "co_quan": unbroken(issuer),
    }


#: A ``{name}`` in a reference line (names are short words: linear to find).
_FIELD = LazyPattern(r"\{([^{}\s]{1,40})\}")


def fill_reference(text: str, fields: dict[str, str]) -> str:
    """A reference line as the office words it, each ``{name}`` of ``fields`` replaced by its
    value; anything else (an unknown ``{name}``, other braces) is printed as written.

    >>> fill_reference("(Ban hành kèm theo Kế hoạch số {so} {ngay})", {"so": "05/KH-SCT",
    ...     "ngay": "ngày 02 tháng 3 năm 2026"})
    '(Ban hành kèm theo Kế hoạch số 05/KH-SCT ngày 02 tháng 3 năm 2026)'
    >>> fill_reference("{x} {so}", {"so": "{so}"})
    '{x} {so}'
    """
    return _FIELD().sub(lambda m: fields.get(m.group(1), m.group(0)), text)


def unknown_fields(text: str) -> list[str]:
    """The ``{name}`` of a reference line that name no field of :data:`REFERENCE_FIELDS`.

    >>> unknown_fields("(Kèm theo Kế hoạch số {so} {ngày} của {co_quan})")
    ['ngày']
    """
    return [m.group(1) for m in _FIELD().finditer(text) if m.group(1) not in REFERENCE_FIELDS]

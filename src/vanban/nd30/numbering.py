"""Số, ký hiệu (ô 3) and the numbering of parts of the text.

Sources: Phụ lục I, Mục II, 3 (số and ký hiệu) and Mục II, 6.c–đ (mục in Roman numerals,
khoản in Arabic numerals, điểm in Vietnamese letters).
"""

from __future__ import annotations

from vanban.nd30.dates import BLANK

#: The letters that label điểm, in the order of the Vietnamese alphabet (II.6.c: "a), b), c),
#: d), đ), e), g)…"): the letters with a vowel mark (ă, â, ê, ô, ơ, ư) are not used, and f, j,
#: w, z are not Vietnamese.
POINT_LETTERS = tuple(
    [
        "a",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "g",
        "h",
        "i",
        "k",
        "l",
        "m",
        "n",
        "o",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "v",
        "x",
        "y",
    ]
)


def number_text(number: int) -> str:
    """The number of a document: "với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước" (II.3.c).

    >>> number_text(5), number_text(10), number_text(1234)
    ('05', '10', '1234')
    """
    if number < 1:
        raise ValueError(f"a document number starts at 01, got {number}")
    return f"{number:02d}"


def symbol(doc_abbreviation: str | None, issuer_abbreviation: str) -> str:
    """The ký hiệu: document-type abbreviation and issuer abbreviation joined by "-" (II.3.b).

    Groups are joined by hyphens with no spaces ("không cách chữ"). A Công văn has no
    type abbreviation; its ký hiệu starts with the issuer's.

    >>> symbol("KH", "UBND")
    'KH-UBND'
    >>> symbol(None, "UBND-VX")
    'UBND-VX'
    """
    parts = [p.strip() for p in (doc_abbreviation, issuer_abbreviation) if p and p.strip()]
    return "-".join(parts)


def letter_symbol(issuer_abbreviation: str, unit_abbreviation: str) -> str:
    """The ký hiệu of a Công văn: the issuer's abbreviation, then that of the drafting unit
    or of the field ("đơn vị soạn thảo hoặc lĩnh vực"), joined by "-" (II.3.b; §V
    "Số: 05/BNV-VP", "Số: 12/UBND-VX"). It names no document type.

    >>> letter_symbol("UBND", "VX"), letter_symbol("BNV", " VP ")
    ('UBND-VX', 'BNV-VP')
    """
    return symbol(issuer_abbreviation, unit_abbreviation)


def number_line(number: int | None, sym: str) -> str:
    """The ô 3 line: "Số:", the number (blank until the văn thư registers it), "/", the ký hiệu.

    Paper documents are numbered after signing (Điều 15.2), so a plan usually leaves the
    number blank.

    >>> number_line(5, "KH-UBND")
    'Số: 05/KH-UBND'
    >>> number_line(None, "KH-KCN")
    'Số:       /KH-KCN'
    """
    num = BLANK if number is None else number_text(number)
    return f"Số: {num}/{sym}"


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """Roman numeral for a mục (II.6.đ: "I. NHỮNG KẾT QUẢ…") or a phụ lục (III.1).

    >>> [roman(n) for n in (1, 2, 3, 4, 9, 14, 40, 2024)]
    ['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MMXXIV']
    """
    if not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals go from 1 to 3999, got {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def vietnamese_letter(n: int) -> str:
    """The label of the n-th điểm (1-based): the Vietnamese letters in order (II.6.c).

    There are 23 of them; a list of more điểm has to be split (the decree has no 24th).

    >>> "".join(vietnamese_letter(i) for i in range(1, 24))
    'abcdđeghiklmnopqrstuvxy'
    >>> vietnamese_letter(6)
    'e'
    """
    if not 1 <= n <= len(POINT_LETTERS):
        raise ValueError(f"there are {len(POINT_LETTERS)} letters for điểm, asked for number {n}")
    return POINT_LETTERS[n - 1]


def decimal_label(path: tuple[int, ...]) -> str:
    """The label of a khoản at any depth: the numbers joined by "." with a final "." ("2.2.1.").

    >>> decimal_label((1,)), decimal_label((2, 2, 1))
    ('1.', '2.2.1.')
    """
    return ".".join(str(i) for i in path) + "."

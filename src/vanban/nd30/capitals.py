"""Text set in capitals ("in hoa"): the phụ lục title, mục and chương titles.

The decree prints these headings UPPERCASE (Phụ lục I, III.1.c for a phụ lục's title; II.6
for mục and chương; Phụ lục I, Mục II, 6 and Mục III, 1), and prints the abbreviations of Phụ lục III, Mục I in mixed
case wherever they stand ("TTr", "CTr", "QyĐ"; as printed in Phụ lục III, Mục I): a ký hiệu such
as "CT-TTg" or "12/QĐ-TTg" cited in a capitalised title keeps its small letters. So only the
words of the language are capitalised: a run of letters already in mixed case the way an
abbreviation is ("TTg", "TTr", "ThS") is kept as written.
"""

from __future__ import annotations

import re

#: A run of letters (Vietnamese included): the unit :func:`capitals` decides on.
_LETTERS = re.compile(r"[^\W\d_]+")


def is_mixed_abbreviation(word: str) -> bool:
    """Whether a run of letters is written in mixed case as an abbreviation is: a capital
    after the first letter together with a small letter ("TTg", "TTr", "ThS", "QyĐ"), as
    opposed to a word ("Kế", "kế", "KẾ").

    >>> [is_mixed_abbreviation(w) for w in ("TTg", "TTr", "QyĐ", "Kế", "KẾ", "kế", "CT")]
    [True, True, True, False, False, False, False]
    """
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def capitals(text: str) -> str:
    """``text`` in capitals, mixed-case abbreviations kept as written (Phụ lục I, III.1.c;
    Phụ lục III, Mục I). Linear in the length of the text.

    >>> capitals("Triển khai Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ")
    'TRIỂN KHAI CHỈ THỊ SỐ 05/CT-TTg CỦA THỦ TƯỚNG CHÍNH PHỦ'
    >>> capitals("Tỉnh Bà Rịa-Vũng Tàu, Tờ trình số 3/TTr-SNV")
    'TỈNH BÀ RỊA-VŨNG TÀU, TỜ TRÌNH SỐ 3/TTr-SNV'
    """
    return _LETTERS.sub(_capital, text)


def _capital(match: re.Match[str]) -> str:
    word = match.group()
    # Most words are plainly not mixed: no capital after the first letter (``islower`` of
    # the rest: every cased letter small) or no small letter (``isupper``), each one C call
    # where :func:`is_mixed_abbreviation` walks the word twice in Python.
    if word[1:].islower() or word.isupper() or not is_mixed_abbreviation(word):
        return word.upper()
    return word


__all__ = ["capitals", "is_mixed_abbreviation"]

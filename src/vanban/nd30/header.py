"""Quốc hiệu và Tiêu ngữ (ô 1; Phụ lục I, Mục II, 1 and Mục V, ô 1a, 1b).

Fixed text, the same on every administrative document: the layout writes it and the checker
reads typed text against it (:func:`vanban.nd30.rules.comparable`). Quốc hiệu in capitals
(II.1.a), Tiêu ngữ with its three phrases joined by a hyphen with a space each side (II.1.b).

>>> NATIONAL_NAME.isupper(), MOTTO.split(" - ")
(True, ['Độc lập', 'Tự do', 'Hạnh phúc'])
"""

from __future__ import annotations

#: Quốc hiệu as the decree prints it (II.1.a: "HÒA", the tone mark on the main vowel).
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: Tiêu ngữ as the decree prints it (II.1.b).
MOTTO = "Độc lập - Tự do - Hạnh phúc"
#: The Quốc hiệu as the decree itself prints it in places: "HOÀ" in Mẫu 1.6 and the table of
#: Mục V (the decree itself mixes both tone placements; a checker accepts both).
NATIONAL_NAME_FORMS = (NATIONAL_NAME, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def is_national_name(typed: str) -> bool:
    """Whether a line is the Quốc hiệu in one of the decree's own spellings (II.1.a; both
    "HÒA" and "HOÀ" in Phụ lục I, Mục V and in Phụ lục III), spaces aside.

    >>> is_national_name("CỘNG HOÀ  XÃ HỘI CHỦ NGHĨA VIỆT NAM"), is_national_name(NATIONAL_NAME)
    (True, True)
    >>> is_national_name("Cộng hòa xã hội chủ nghĩa Việt Nam")
    False
    """
    return " ".join(typed.split()) in NATIONAL_NAME_FORMS

"""How the decree's fixed words are typed: the Quốc hiệu on one line, the Tiêu ngữ's spaced
hyphens, "Điều 1." with its full stop, "QUYẾT ĐỊNH:" with its colon, a căn cứ line that opens
with "Căn cứ", which types carry a Nơi nhận and an authority line, and the page's text area.

Each function reads one line as typed and returns what the decree asks instead (``None``
when the line is right); the checker (:mod:`vanban._checks.wording`, :mod:`vanban._checks.layout`)
reports them.
"""

from __future__ import annotations

import re

from vanban.nd30 import header, page
from vanban.nd30.articles import ARTICLE_WORD, DECISION_LINE, PROPOSAL_PREFIX, RESOLUTION_LINE
from vanban.nd30.rules import comparable

#: An article label as typed: "Điều 1.", "Điều 1:", "Điều 1 -", "Điều 1" (II.6.đ).
_ARTICLE_RE = re.compile(rf"^{ARTICLE_WORD}\s+(\d+)\s*([.:\-–)]?)")

#: The issuing lines that close a căn cứ block (Mẫu 1.1–1.3), without their colon.
ISSUING_WORDS = (DECISION_LINE.rstrip(":"), RESOLUTION_LINE.rstrip(":"))

#: How the lines of a căn cứ block open (II.6.a; Mẫu 1.2: "Căn cứ …", "Theo đề nghị của …";
#: the practice "Xét đề nghị …", "Thực hiện …" is accepted).
BASIS_OPENINGS = ("Căn cứ", PROPOSAL_PREFIX, "Xét", "Thực hiện", "Theo")

#: The words by which a Quốc hiệu typed with another "CỘNG HOÀ" is still known.
_NATIONAL_TAIL = "XÃ HỘI CHỦ NGHĨA VIỆT NAM"

#: How far (twips, 5 mm) a table may reach past the text area before a reader sees it stick
#: out into the margin: Word's own cell padding puts the edges about 2 mm out.
TABLE_OVERHANG = page.mm(5)


def national_broken(text: str) -> bool:
    """Whether a line break or tab splits the Quốc hiệu (Phụ lục I, Mục II, 1.a: one line).

    >>> national_broken("CỘNG HÒA XÃ HỘI CHỦ NGHĨA\\nVIỆT NAM")
    True
    >>> national_broken("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐộc lập - Tự do - Hạnh phúc")
    False
    """
    lines = [comparable(x).upper() for x in re.split(r"[\n\t\v]", text)]
    whole = comparable(" ".join(lines)).upper()
    for words in (comparable(header.NATIONAL_NAME).upper(), _NATIONAL_TAIL):
        if words in whole:
            return not any(words in line for line in lines)
    return False


def motto_spacing_problem(text: str) -> str | None:
    """The Tiêu ngữ with a hyphen not spaced on both sides (Phụ lục I, Mục II, 1.b: "các cụm từ
    được nối với nhau bằng gạch nối (-), có cách chữ"): the expected line, or ``None``.

    >>> motto_spacing_problem("Độc lập -Tự do - Hạnh phúc")
    'Độc lập - Tự do - Hạnh phúc'
    >>> motto_spacing_problem("Độc lập - Tự do - Hạnh phúc") is None
    True
    >>> motto_spacing_problem("Độc lập – Tự do – Hạnh phúc") is None  # the dash rule's
    True
    """
    line = " ".join(text.split())
    if not comparable(line).lower().startswith("độc lập"):
        return None
    if re.search(r"\S[-–—]|[-–—]\S", line):
        return header.MOTTO
    return None


def article_label_problem(text: str) -> tuple[str, str] | None:
    """An article label not written "Điều <số>." (Phụ lục I, Mục II, 6.đ; the decree's own
    "Điều 1. Bản sao văn bản"): ``(expected, found)``, or ``None``.

    >>> article_label_problem("Điều 1: Phê duyệt kế hoạch")
    ('Điều 1.', 'Điều 1:')
    >>> article_label_problem("Điều 2. Tổ chức thực hiện") is None
    True
    >>> article_label_problem("Điều 3 Quyết định có hiệu lực") is None  # unknown form: silent
    True
    """
    m = _ARTICLE_RE.match(" ".join(text.split()))
    if m is None or m.group(2) in ("", "."):
        return None
    return f"{ARTICLE_WORD} {m.group(1)}.", m.group(0).strip()


def is_article(text: str) -> bool:
    """Whether a paragraph opens an article ("Điều 1.", "Điều 1:").

    >>> is_article("Điều 1. Phê duyệt"), is_article("Điều chỉnh kế hoạch")
    (True, False)
    """
    return _ARTICLE_RE.match(" ".join(text.split())) is not None


def issuing_word(text: str) -> str | None:
    """The issuing line ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") a paragraph is, with or without its
    colon; ``None`` for any other line.

    >>> issuing_word("QUYẾT ĐỊNH:"), issuing_word("QUYẾT ĐỊNH"), issuing_word("Quyết định")
    ('QUYẾT ĐỊNH', 'QUYẾT ĐỊNH', None)
    """
    s = comparable(text).rstrip(" :.")
    return next((w for w in ISSUING_WORDS if s == comparable(w)), None)


def issuing_colon_problem(text: str) -> tuple[str, str] | None:
    """The issuing line without its colon (Phụ lục III, Mẫu 1.1–1.3: "QUYẾT ĐỊNH:"):
    ``(expected, found)``, or ``None``.

    >>> issuing_colon_problem("QUYẾT ĐỊNH")
    ('QUYẾT ĐỊNH:', 'QUYẾT ĐỊNH')
    >>> issuing_colon_problem("QUYẾT NGHỊ :") is None
    True
    """
    word = issuing_word(text)
    if word is None or comparable(text).endswith(":"):
        return None
    return word + ":", " ".join(text.split())


def basis_opening_problem(text: str) -> bool:
    """Whether a line of a căn cứ block opens otherwise than "Căn cứ …" or "Theo đề nghị của
    …" (Phụ lục I, Mục II, 6.a; Mẫu 1.2): a căn cứ typed on without its word.

    >>> basis_opening_problem("Luật Tổ chức chính quyền địa phương ngày 19/6/2015;")
    True
    >>> basis_opening_problem("Căn cứ Luật Ngân sách nhà nước;")
    False
    """
    return not comparable(text).startswith(BASIS_OPENINGS)

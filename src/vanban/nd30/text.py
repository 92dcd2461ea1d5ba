"""Punctuation and number rules for running text.

- Căn cứ lines (Phụ lục I, Mục II, 6.a; Mục V, ô 6a): one per line, each ending with ";",
  the last with ".".
- The end mark "./." closes the content in every Phụ lục III template, Mẫu 1.4 included
  (every Mẫu of Phụ lục III ends with it; the rule text never states it, so vanban adds it by default and lets it
  be switched off).
- Numbers in text use the Vietnamese separators: "." for thousands, "," for decimals.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The end-of-text mark of the Phụ lục III templates.
END_MARK = "./."


def has_end_mark(text: str) -> bool:
    """Whether text already closes with the end mark "./." (trailing spaces aside).

    The one test of the mark: :func:`split_end_mark` adds none after it, and the checker
    (:func:`vanban.nd30.rules.has_end_mark`) reads a typed mark with it.

    >>> has_end_mark("trân trọng báo cáo./. "), has_end_mark("thực hiện.")
    (True, False)
    """
    return text.rstrip().endswith(END_MARK)


def split_end_mark(text: str) -> tuple[str, str]:
    """The text to keep and the end mark to put after it: ``("", …)`` parts of
    :func:`with_end_mark`, for a mark written as a run of its own.

    A final ".", ";", "," or ":" is absorbed into the mark; text that already has the mark
    gets none.

    >>> split_end_mark("thực hiện."), split_end_mark("báo cáo./.")
    (('thực hiện', './.'), ('báo cáo./.', ''))
    """
    stripped = text.rstrip()
    if has_end_mark(stripped):
        return stripped, ""
    return stripped.rstrip(".;,:"), END_MARK


def with_end_mark(text: str) -> str:
    """Close the last paragraph of the content with "./.", unless it already is.

    A final "." or ";" is absorbed into the mark; other text gets the whole mark.

    >>> with_end_mark("các cơ quan căn cứ thực hiện")
    'các cơ quan căn cứ thực hiện./.'
    >>> with_end_mark("các cơ quan căn cứ thực hiện.")
    'các cơ quan căn cứ thực hiện./.'
    >>> with_end_mark("trân trọng báo cáo./.")
    'trân trọng báo cáo./.'
    """
    return "".join(split_end_mark(text))


def with_own_end_mark(text: str, mark: str) -> str:
    """Text closed with "./." written with the office's own end mark instead (``format.
    end_mark`` given as a text): the same place, the same punctuation absorbed; text without
    the mark is left as it is.

    >>> with_own_end_mark("căn cứ thực hiện./.", "/."), with_own_end_mark("xong./.", ".")
    ('căn cứ thực hiện/.', 'xong.')
    >>> with_own_end_mark("không có dấu", "/.")
    'không có dấu'
    """
    stripped = text.rstrip()
    if not has_end_mark(stripped):
        return text
    return stripped[: -len(END_MARK)].rstrip(".;,:") + mark


def basis_lines(bases: Sequence[str]) -> list[str]:
    """Punctuate the căn cứ lines: ";" after each, "." after the last (II.6.a).

    >>> basis_lines(["Căn cứ Luật A", "Căn cứ Nghị định B;"])
    ['Căn cứ Luật A;', 'Căn cứ Nghị định B.']
    """
    out = [b.rstrip().rstrip(";.,") for b in bases]
    return [line + (";" if i < len(out) - 1 else ".") for i, line in enumerate(out)]


#: The prefix of a Công văn's trích yếu (ô 5b; Phụ lục I, II.5.b: "sau chữ “V/v”").
SUBJECT_PREFIX = "V/v"


def subject_line(title: str) -> str:
    """A Công văn's trích yếu as printed under the Số line: "V/v" and the subject (II.5.b).

    A "V/v" or "Về việc" the user typed is not doubled.

    >>> subject_line("tăng cường công tác phòng cháy")
    'V/v tăng cường công tác phòng cháy'
    >>> subject_line("V/v trả lời kiến nghị"), subject_line("Về việc báo cáo")
    ('V/v trả lời kiến nghị', 'V/v báo cáo')
    """
    text = title.strip()
    for prefix in (SUBJECT_PREFIX, "Về việc", "về việc"):
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip(" :")
            break
    return f"{SUBJECT_PREFIX} {text}"


def format_number(value: float | int) -> str:
    """A number as Vietnamese text writes it (CLDR ``vi``: "." groups thousands, "," decimals).

    >>> format_number(1234567)
    '1.234.567'
    >>> format_number(2.5)
    '2,5'
    """
    from babel.numbers import format_decimal  # babel on first use: not on every start

    return format_decimal(value, locale="vi")

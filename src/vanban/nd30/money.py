"""Sums of money in a document: in figures the Vietnamese way, and in words.

In figures (Phụ lục I has no rule of its own; the decree's text writes numbers with "." between
thousands, as Vietnamese does, CLDR locale ``vi``): "1.250.000.000 đồng". Babel does the
grouping (:func:`vanban.nd30.text.format_number`).

In words: how Vietnamese reads a number, as taught in primary school (Toán 4, "Đọc, viết các
số có nhiều chữ số") and as banks and invoices write "Số tiền bằng chữ". No legal text fixes it;
this is standard usage, with the northern "nghìn" (not "ngàn") and "linh" (not "lẻ"):

- digits: không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín;
- groups of three digits, named nghìn (10³), triệu (10⁶), tỷ (10⁹); above a tỷ the names
  repeat ("một nghìn tỷ" = 10¹²); a group of three zeros is not read;
- a group after the first is read in full: "không trăm" when its hundreds digit is 0
  (1.005: "một nghìn không trăm linh năm"; 2.022: "hai nghìn không trăm hai mươi hai");
- a zero tens digit between hundreds and units reads "linh" (105: "một trăm linh năm");
- tens of 1 read "mười" (10, 15: "mười", "mười lăm"), others "<digit> mươi" (20: "hai mươi");
- after "mươi" (tens 2–9) units 1 read "mốt" and 4 read "tư" (21: "hai mươi mốt", 24: "hai
  mươi tư"); units 5 read "lăm" after "mười" or "mươi" (25: "hai mươi lăm"), "năm" elsewhere
  (5, 105: "năm", "một trăm linh năm").
"""

from __future__ import annotations

from vanban.nd30.text import format_number

#: The currency word written after an amount.
CURRENCY = "đồng"
_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu")
_BILLION = 10**9
#: The largest amount read: 10¹⁸ − 1 ("chín trăm … tỷ tỷ" would follow; no budget is that big).
MAX_AMOUNT = 10**18 - 1


def _check(amount: int) -> None:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"an amount of money is a whole number of đồng, not {amount!r}")
    if not 0 <= amount <= MAX_AMOUNT:
        raise ValueError(f"số tiền phải từ 0 đến {format_number(MAX_AMOUNT)}, không phải {amount}")


def _three(group: int, full: bool) -> list[str]:
    """The words of a group of three digits; ``full`` reads its hundreds even when zero."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _below_billion(n: int, leading: bool) -> list[str]:
    words: list[str] = []
    groups = (n // 10**6, n // 1000 % 1000, n % 1000)
    for i, group in enumerate(groups):
        if not group:
            continue
        words += _three(group, full=bool(words) or not leading)
        scale = _GROUPS[2 - i]
        if scale:
            words.append(scale)
    return words


def _words(n: int, leading: bool = True) -> list[str]:
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = [*_words(high, leading), "tỷ"]
        return words + (_below_billion(low, leading=False) if low else [])
    return _below_billion(n, leading)


def number_words(n: int) -> str:
    """A whole number in Vietnamese words, lower case.

    >>> number_words(0), number_words(15), number_words(21), number_words(105)
    ('không', 'mười lăm', 'hai mươi mốt', 'một trăm linh năm')
    >>> number_words(1005)
    'một nghìn không trăm linh năm'
    >>> number_words(10_000_000_000)
    'mười tỷ'
    """
    _check(n)
    if n == 0:
        return _DIGITS[0]
    return " ".join(_words(n))


def money_words(amount: int) -> str:
    """A sum in đồng in words, as written after "Bằng chữ:": capitalised, "đồng" at the end.

    >>> money_words(1_250_000_000)
    'Một tỷ hai trăm năm mươi triệu đồng'
    >>> money_words(2022)
    'Hai nghìn không trăm hai mươi hai đồng'
    """
    text = f"{number_words(amount)} {CURRENCY}"
    return text[0].upper() + text[1:]


def money_figures(amount: int) -> str:
    """A sum in đồng in figures, thousands grouped by "." (CLDR ``vi``).

    >>> money_figures(1_250_000_000)
    '1.250.000.000 đồng'
    >>> money_figures(0)
    '0 đồng'
    """
    _check(amount)
    return f"{format_number(amount)} {CURRENCY}"


def money_text(amount: int) -> str:
    """The usual written form: figures, then the words in parentheses.

    >>> money_text(1_250_000_000)
    '1.250.000.000 đồng (Một tỷ hai trăm năm mươi triệu đồng)'
    """
    return f"{money_figures(amount)} ({money_words(amount)})"

"""Nơi nhận (ô 9b; Phụ lục I, II.9; nd30.md §9).

The label "Nơi nhận:" stands alone, 12 pt bold italic, level with the first signer line.
Each recipient (or group) is one line, 11 pt, starting with "-" and ending with ";"; the
last line is "Lưu: VT, <drafting unit>[ (copies)]." and ends with ".". Users give the names;
the dash and the punctuation are the rule's, so they are added here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

_T = TypeVar("_T")

#: The label of the recipients block, with its colon (II.9.d).
LABEL = "Nơi nhận:"
#: The archive line's label, with its colon (II.9.d: "Lưu: VT, …").
ARCHIVE_LABEL = "Lưu:"
#: The archive (lưu) always starts with the văn thư (VT) (II.9.d).
ARCHIVE_FIRST = "VT"


def purpose_text(purpose: str | None) -> str:
    """A recipient's purpose as written after its name: in parentheses.

    >>> purpose_text("để p/h"), purpose_text("(b/c)"), purpose_text(None)
    (' (để p/h)', ' (b/c)', '')
    """
    if not purpose:
        return ""
    p = purpose.strip()
    if p.startswith("(") and p.endswith(")"):
        p = p[1:-1].strip()
    return f" ({p})"


def archive_line(
    units: Sequence[str] = (), copies: int | None = None, drafter: str | None = None
) -> str:
    """The last recipient line: ``Lưu: VT, <units>[ (copies)][, <drafter code>].`` (II.9.d; ô 12).

    The copy count, when given, follows the last unit in parentheses as in the decree's own
    list "Lưu: VT, HC (2)."; the drafter's code and number of copies issued (ô 12) close the
    line, as in the decree's example "PL.(300)".

    >>> archive_line(["NC"])
    'Lưu: VT, NC.'
    >>> archive_line(["HC"], copies=2)
    'Lưu: VT, HC (2).'
    >>> archive_line()
    'Lưu: VT.'
    >>> archive_line(["TCCB"], drafter="PL.(300)")
    'Lưu: VT, TCCB, PL.(300).'
    """
    parts = [ARCHIVE_FIRST, *(u.strip() for u in units if u.strip() and u.strip() != ARCHIVE_FIRST)]
    text = ", ".join(parts)
    if copies is not None:
        if copies < 1:
            raise ValueError(f"the number of copies kept must be at least 1, got {copies}")
        text += f" ({copies})"
    if drafter:
        text += f", {drafter.strip().rstrip('.')}"
    return f"{ARCHIVE_LABEL} {text}."


_SPACES = re.compile(r"\s+")


def _is_code(text: str) -> bool:
    """An abbreviation of a unit or a drafter: capitals (Đ included) and digits, maybe "-",
    starting with a capital ("NC", "TCCB", "BP1C", "NCKSTTHC", "QLĐT")."""
    return (
        bool(text)
        and text[0].isupper()
        and all(c.isupper() or c.isdigit() or c == "-" for c in text)
    )


def _is_person(text: str) -> bool:
    """A drafter's name as offices add it: starts with a capital, has a lower-case letter,
    holds only letters, dots, spaces and hyphens ("Thắng", "M.Cường", "Nguyễn Loan")."""
    return (
        bool(text)
        and text[0].isupper()
        and any(c.islower() for c in text)
        and all(c.isalpha() or c in ". -" for c in text)
    )


def archive_unit(text: str) -> str:
    """One unit of the "Lưu" line, checked and with its spacing made regular.

    II.9.d asks for the drafting unit's abbreviation and the number of copies kept; offices
    add the drafter's name to it, in parentheses or after a dot, and vanban prints the unit as
    they write it. Accepted, with ``NC`` for any unit abbreviation (capitals and digits):

    - ``NC``; ``HC (2)`` (copies kept, as the decree's own "Lưu: VT, HC (2).");
    - ``TH (Thắng)``, ``CN(Linh)``, ``CN(M.Cường)``: the drafter in parentheses, with or
      without a space before them, as written;
    - ``NC.Châu``: the drafter after a dot (spaces around the dot are dropped);
    - ``CN Loan``: the drafter after a space (a name, so it has lower-case letters);
    - any of these followed by the copies: ``TH (Thắng) (2)``.

    Runs of spaces become one, and spaces inside parentheses are dropped. Anything else is
    refused with the reason, in Vietnamese: an abbreviation with lower-case letters or "/",
    unbalanced or empty parentheses, two abbreviations without a comma ("VT NC").

    >>> [archive_unit(u) for u in ["NC", "TH  (Thắng)", "CN(Linh)", "NC. Châu", "HC (2)"]]
    ['NC', 'TH (Thắng)', 'CN(Linh)', 'NC.Châu', 'HC (2)']
    >>> archive_unit("CN(Linh")
    Traceback (most recent call last):
    ...
    ValueError: đơn vị lưu "CN(Linh": thiếu dấu ")"
    >>> archive_unit("VT NC")
    Traceback (most recent call last):
    ...
    ValueError: đơn vị lưu "VT NC": hai chữ viết tắt cần dấu phẩy giữa chúng ("VT, NC")
    """
    raw = text
    s = _SPACES.sub(" ", text).strip()

    def bad(why: str) -> ValueError:
        return ValueError(f'đơn vị lưu "{raw.strip()}": {why}')

    if not s:
        raise bad("không được để trống")
    if s.count("(") != s.count(")"):
        raise bad('thiếu dấu ")"' if s.count("(") > s.count(")") else 'thừa dấu ")"')
    copies = ""
    m = re.search(r"\s*\(\s*(\d+)\s*\)$", s)
    if m and m.start() > 0:
        copies, s = f" ({int(m.group(1))})", s[: m.start()]
        if int(m.group(1)) < 1:
            raise bad("số bản lưu phải từ 1 trở lên")
    m = re.fullmatch(r"(?P<code>[^\s.(]+)(?P<sep>\s?)\((?P<who>[^()]*)\)", s)
    if m:
        code, who = m.group("code"), " ".join(m.group("who").split())
        if not _is_code(code):
            raise bad(_code_problem(code))
        if not who:
            raise bad("trong ngoặc đơn cần tên người soạn thảo")
        if not _is_person(who):
            raise bad(f'"{who}" không phải tên người soạn thảo')
        return f"{code}{m.group('sep')}({who}){copies}"
    if "(" in s or ")" in s:
        raise bad("dấu ngoặc đơn chỉ để ghi tên người soạn thảo hoặc số bản lưu, sau chữ viết tắt")
    code, dot, who = s.partition(".")
    code, who = code.strip(), who.strip()
    if dot:
        if not _is_code(code):
            raise bad(_code_problem(code))
        if not _is_person(who):
            raise bad("sau dấu chấm cần tên người soạn thảo, ví dụ NC.Châu")
        return f"{code}.{who}{copies}"
    code, _, who = s.partition(" ")
    if not _is_code(code):
        raise bad(_code_problem(code))
    if who:
        if _is_code(who.split(" ")[0]) and not any(c.islower() for c in who):
            raise bad(f'hai chữ viết tắt cần dấu phẩy giữa chúng ("{code}, {who}")')
        if not _is_person(who):
            raise bad(f'"{who}" không phải tên người soạn thảo')
        return f"{code} {who}{copies}"
    return f"{code}{copies}"


def _code_problem(code: str) -> str:
    if not code:
        return "thiếu chữ viết tắt của đơn vị"
    if "/" in code:
        return 'chữ viết tắt không được chứa dấu "/"'
    return f'"{code}" không phải chữ viết tắt của đơn vị (chữ in hoa và chữ số, ví dụ NC, TCCB)'


def drafter_code(code: str, issued: int | None = None) -> str:
    """Ô 12: the drafter's code in capitals and, in Arabic digits in parentheses, the number of
    copies issued (Phụ lục I, III.3; the decree's example "PL.(300)").

    >>> drafter_code("PL", 300), drafter_code("PL.(300)"), drafter_code("pl")
    ('PL.(300)', 'PL.(300)', 'PL')
    >>> drafter_code("PL(300)", 20)
    Traceback (most recent call last):
    ...
    ValueError: số bản phát hành ghi hai lần: trong "PL(300)" và issued = 20
    """
    s = _SPACES.sub("", code).strip().rstrip(".") if code else ""
    m = re.fullmatch(r"(?P<code>[^.()]+)\.?(?:\((?P<n>\d+)\))?", s)
    if not m or not _is_code(m.group("code").upper()):
        raise ValueError(
            f'ký hiệu người soạn thảo "{code}" không hợp lệ: cần chữ viết tắt in hoa, có thể kèm '
            'số bản phát hành trong ngoặc, ví dụ "PL.(300)"'
        )
    if m.group("n") and issued is not None:
        raise ValueError(f'số bản phát hành ghi hai lần: trong "{code}" và issued = {issued}')
    n = int(m.group("n")) if m.group("n") else issued
    if n is not None and n < 1:
        raise ValueError(f"số bản phát hành phải từ 1 trở lên, không phải {n}")
    head = m.group("code").upper()
    return f"{head}.({n})" if n is not None else head


def split_archive(text: str) -> tuple[list[str], str | None]:
    """A "Lưu" line as written ("Lưu: VT, TH (Thắng), KT (Long).") into its units (VT left
    out, it is always first) and the ô 12 drafter code when the line ends with one.

    Commas inside parentheses do not split.

    >>> split_archive("- Lưu: VT, TH (Thắng), KT (Long).")
    (['TH (Thắng)', 'KT (Long)'], None)
    >>> split_archive("VT, NC.Châu.")
    (['NC.Châu'], None)
    >>> split_archive("Lưu: VT, TCCB, PL.(300).")
    (['TCCB'], 'PL.(300)')
    """
    s = text.strip().lstrip("-–").strip()
    if s[: len(ARCHIVE_LABEL)].casefold() == ARCHIVE_LABEL.casefold():
        s = s[len(ARCHIVE_LABEL) :]
    s = s.strip().rstrip(".;").strip()
    parts: list[str] = []
    depth, start = 0, 0
    for i, c in enumerate(s):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c in ",;" and depth <= 0:
            parts.append(s[start:i].strip())
            start = i + 1
    parts.append(s[start:].strip())
    units = [p for p in parts if p and p != ARCHIVE_FIRST]
    drafter = None
    if units and re.fullmatch(r"[^\s.()]+\.\(\s*\d+\s*\)", units[-1]):
        drafter = units.pop()
    return units, drafter


def _strip_punct(text: str) -> str:
    return text.strip().lstrip("-–+•").strip().rstrip(";.,").rstrip()


def recipient_lines(items: Iterable[tuple[str, str | None]], archive: str) -> list[str]:
    """Every line of the list: "- " before each, ";" after each, "." after the Lưu line.

    Dashes or final punctuation the user typed are dropped first, so the result is the same
    whether or not they were typed.

    >>> recipient_lines([("TT Tỉnh ủy", None), ("Sở Y tế;", "để t/h")], archive_line(["NC"]))
    ['- TT Tỉnh ủy;', '- Sở Y tế (để t/h);', '- Lưu: VT, NC.']
    """
    lines = [f"- {_strip_punct(name)}{purpose_text(purpose)};" for name, purpose in items]
    lines.append(f"- {archive}")
    return lines


#: The first Nơi nhận line of a document with a Kính gửi block (Công văn, Tờ trình, Báo cáo
#: sent upward): it stands for the addressees (Phụ lục I, II.9.b; Mẫu 1.5 "- Như trên;").
AS_ABOVE = "Như trên"


def is_as_above(name: str) -> bool:
    """Whether a recipient the user wrote is the "Như trên" line, in any punctuation or case.

    >>> is_as_above("- Như trên;"), is_as_above("như trên"), is_as_above("Như trên (b/c)")
    (True, True, False)
    """
    return _strip_punct(name).casefold() == AS_ABOVE.casefold()


def with_as_above(
    items: Sequence[_T], key: Callable[[_T], str], make: Callable[[str], _T]
) -> list[_T]:
    """The recipients of a document with Kính gửi: "Như trên" first (Phụ lục I, II.9.b), then
    the others in the user's order. A "Như trên" the user wrote (read by ``key``) is not
    doubled, it is moved first; otherwise one is made (by ``make``) and put first.

    >>> with_as_above(["Sở Tài chính", "Lưu trữ"], str, str)
    ['Như trên', 'Sở Tài chính', 'Lưu trữ']
    >>> with_as_above(["Sở Tài chính", "- Như trên;"], str, str)
    ['- Như trên;', 'Sở Tài chính']
    """
    given = [x for x in items if is_as_above(key(x))]
    first = given[0] if given else make(AS_ABOVE)
    return [first, *(x for x in items if not is_as_above(key(x)))]


#: Kính gửi (ô 9a), in thường, upright, with its colon (Phụ lục I, II.9.d).
ADDRESSEES_LABEL = "Kính gửi:"
#: Where "Kính gửi:" starts: 3.5 cm from the left margin, as Mẫu 1.5's template places it
#: (nd30-types.md §8; the rule itself gives no position), in twips.
ADDRESSEES_INDENT = 1985


def addressee_lines(names: Sequence[str]) -> list[str]:
    """The Kính gửi block (ô 9a; Phụ lục I, II.9.d and §V row 8a).

    One addressee goes on the label's line, with no dash and no final punctuation, as the §V
    example "Kính gửi: Bộ Nội vụ" (the rule itself is silent: UNCONFIRMED); several go one per
    line, each starting "- " and ending ";", the last ".", under the label (the dashes line up
    under its colon, which is the layout's part). Punctuation the user typed is replaced.

    >>> addressee_lines(["Bộ Nội vụ"]), addressee_lines(["- Bộ Nội vụ;"])
    (['Kính gửi: Bộ Nội vụ'], ['Kính gửi: Bộ Nội vụ'])
    >>> addressee_lines(["Bộ Nội vụ", "Bộ Kế hoạch và Đầu tư;", "Bộ Tài chính"])
    ['Kính gửi:', '- Bộ Nội vụ;', '- Bộ Kế hoạch và Đầu tư;', '- Bộ Tài chính.']
    """
    if len(names) == 1:
        return [f"{ADDRESSEES_LABEL} {_strip_punct(names[0])}"]
    last = len(names) - 1
    return [ADDRESSEES_LABEL] + [
        f"- {_strip_punct(n)}{'.' if i == last else ';'}" for i, n in enumerate(names)
    ]

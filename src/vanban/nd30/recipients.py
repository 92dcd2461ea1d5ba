"""Nơi nhận (ô 9b; Phụ lục I, Mục II, 9).

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
    units: Sequence[str] = (),
    copies: int | None = None,
    drafter: str | None = None,
    *,
    records_office: bool = True,
) -> str:
    """The last recipient line: ``Lưu: VT, <units>[ (copies)][, <drafter code>].`` (II.9.d; ô 12).

    The copy count, when given, follows the last unit in parentheses as in the decree's own
    list "Lưu: VT, HC (2)."; the drafter's code and number of copies issued (ô 12) close the
    line, as in the decree's example "PL.(300)". ``records_office=False`` leaves the văn thư
    (VT) out, for an office that does not write it (the decree does: a warning's business).

    >>> archive_line(["NC"])
    'Lưu: VT, NC.'
    >>> archive_line(["HC"], copies=2)
    'Lưu: VT, HC (2).'
    >>> archive_line()
    'Lưu: VT.'
    >>> archive_line(["TCCB"], drafter="PL.(300)")
    'Lưu: VT, TCCB, PL.(300).'
    >>> archive_line(["CCHC&VTLT", "TCCB (5b)"], records_office=False)
    'Lưu: CCHC&VTLT, TCCB (5b).'
    """
    first = [ARCHIVE_FIRST] if records_office else []
    parts = [*first, *(u.strip() for u in units if u.strip() and u.strip() != ARCHIVE_FIRST)]
    if not parts:
        raise ValueError("dòng Lưu cần ít nhất một đơn vị khi không ghi VT")
    text = ", ".join(parts)
    if copies is not None:
        if copies < 1:
            raise ValueError(f"the number of copies kept must be at least 1, got {copies}")
        text += f" ({copies})"
    if drafter:
        text += f", {drafter.strip().rstrip('.')}"
    return f"{ARCHIVE_LABEL} {text}."


_SPACES = re.compile(r"\s+")

#: Where the decree writes the "Lưu" line, for the messages of the forms it does not write.
ARCHIVE_RULE = "Phụ lục I, Mục II, 9.d"
#: The decree's form of the line, for those messages (its own list ends so).
ARCHIVE_DECREE_FORM = "Lưu: VT, HC (2)."


def _is_code(text: str) -> bool:
    """An abbreviation of a unit or a drafter: capitals (Đ included) and digits, maybe "-" or
    "&" inside, starting with a capital ("NC", "TCCB", "BP1C", "NCKSTTHC", "QLĐT",
    "CCHC&VTLT")."""
    return (
        bool(text)
        and text[0].isupper()
        and not text.endswith(("&", "-"))
        and all(c.isupper() or c.isdigit() or c in "-&" for c in text)
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


class _Departure(ValueError):
    """A unit the decree's forms do not read: printed as written, with a warning."""


def read_archive_unit(text: str) -> tuple[str, str | None]:
    """One unit of the "Lưu" line as printed, and why it departs from the decree's forms
    (``None`` when it does not).

    II.9.d asks for the drafting unit's abbreviation and the number of copies kept; offices
    add the drafter's name to it, in parentheses or after a dot, or name a sub-unit, and
    vanban prints the unit as they write it. Read without remark, with ``NC`` for any unit
    abbreviation (capitals and digits, "-" or "&" inside: ``CCHC&VTLT``):

    - ``NC``; ``HC (2)`` (copies kept, as the decree's own "Lưu: VT, HC (2).");
    - ``TH (Thắng)``, ``CN(Linh)``, ``CN(M.Cường)``: the drafter in parentheses, with or
      without a space before them, as written;
    - ``VP(TH)``, ``VP (TH)``: a sub-unit in parentheses (an abbreviation);
    - ``NC.Châu``: the drafter after a dot (spaces around the dot are dropped);
    - ``CN Loan``: the drafter after a space (a name, so it has lower-case letters);
    - any of these followed by the copies: ``TH (Thắng) (2)``.

    Runs of spaces become one, spaces inside parentheses are dropped, and a final ".", ","
    or ";" is left to the line (which ends with its own "."). Any other form
    (copies written "(5b)", lower-case letters, a missing parenthesis, two abbreviations
    without a comma…) is printed as written, its spaces made regular, with the reason, in
    Vietnamese, for a warning. Refused (``ValueError``): an empty unit, zero copies.

    >>> [read_archive_unit(u)[0] for u in ["NC", "TH  (Thắng)", "CN(Linh)", "NC. Châu"]]
    ['NC', 'TH (Thắng)', 'CN(Linh)', 'NC.Châu']
    >>> read_archive_unit("VP(TH)"), read_archive_unit("CCHC&VTLT")
    (('VP(TH)', None), ('CCHC&VTLT', None))
    >>> read_archive_unit("TCCB  (5b)")
    ('TCCB (5b)', 'số bản lưu viết "(5b)", Nghị định ghi số trong ngoặc đơn: "TCCB (5)"')
    >>> read_archive_unit("CN(Linh")
    ('CN(Linh', 'thiếu dấu ")"')
    >>> read_archive_unit("HC (0)")
    Traceback (most recent call last):
    ...
    ValueError: đơn vị lưu "HC (0)": số bản lưu phải từ 1 trở lên
    """
    if _is_code(text):  # the common unit (VT, NC, TCCB): what the long way gives it
        return text, None
    return _read_unit(text)


def _read_unit(text: str) -> tuple[str, str | None]:
    """:func:`read_archive_unit` the long way."""
    s = _SPACES.sub(" ", text).strip().rstrip(".,; ")
    try:
        return _strict_unit(s, text), None
    except _Departure as why:
        return s, str(why)


def archive_unit(text: str) -> str:
    """One unit of the "Lưu" line as printed (:func:`read_archive_unit`).

    >>> [archive_unit(u) for u in ["NC", "TH  (Thắng)", "VP(TH)", "NC. Châu", "HC (2)"]]
    ['NC', 'TH (Thắng)', 'VP(TH)', 'NC.Châu', 'HC (2)']
    """
    return read_archive_unit(text)[0]


def archive_unit_departure(text: str) -> str | None:
    """The warning for a unit the decree's forms do not read, saying what the decree writes
    (II.9.d); ``None`` for a unit it reads.

    >>> archive_unit_departure("VP(TH)") is None
    True
    >>> print(archive_unit_departure("VT NC"))
    đơn vị lưu "VT NC" được in như đã viết (hai chữ viết tắt cần dấu phẩy giữa chúng ("VT, NC")); Nghị định 30 ghi chữ viết tắt của đơn vị soạn thảo và số bản lưu trong ngoặc đơn, ví dụ "Lưu: VT, HC (2)." (Phụ lục I, Mục II, 9.d)
    """
    printed, why = read_archive_unit(text)
    if why is None:
        return None
    return (
        f'đơn vị lưu "{printed}" được in như đã viết ({why}); Nghị định 30 ghi chữ viết tắt '
        "của đơn vị soạn thảo và số bản lưu trong ngoặc đơn, ví dụ "
        f'"{ARCHIVE_DECREE_FORM}" ({ARCHIVE_RULE})'
    )


def _strict_unit(s: str, raw: str) -> str:
    """A unit in one of the forms :func:`read_archive_unit` reads without remark; otherwise
    :class:`_Departure` with the reason, or ``ValueError`` for what cannot be meant."""
    if not s:
        raise ValueError(f'đơn vị lưu "{raw.strip()}": không được để trống')
    bad = _Departure
    if s.count("(") != s.count(")"):
        raise bad('thiếu dấu ")"' if s.count("(") > s.count(")") else 'thừa dấu ")"')
    copies = ""
    m = re.search(r"\s*\(\s*(\d+)\s*\)$", s)
    if m and m.start() > 0:
        if int(m.group(1)) < 1:
            raise ValueError(f'đơn vị lưu "{raw.strip()}": số bản lưu phải từ 1 trở lên')
        copies, s = f" ({int(m.group(1))})", s[: m.start()]
    m = re.search(r"\s*\(\s*(\d+)\s*(?:b|bản)\.?\s*\)$", s, re.IGNORECASE)
    if m and m.start() > 0:
        if int(m.group(1)) < 1:
            raise ValueError(f'đơn vị lưu "{raw.strip()}": số bản lưu phải từ 1 trở lên')
        written = s[m.start() :].strip()
        raise bad(
            f'số bản lưu viết "{written}", Nghị định ghi số trong ngoặc đơn: '
            f'"{s[: m.start()]} ({int(m.group(1))})"'
        )
    m = re.fullmatch(r"(?P<code>[^\s.(]+)(?P<sep>\s?)\((?P<who>[^()]*)\)", s)
    if m:
        code, who = m.group("code"), " ".join(m.group("who").split())
        if not _is_code(code):
            raise bad(_code_problem(code))
        if not who:
            raise bad("trong ngoặc đơn cần tên người soạn thảo hoặc đơn vị")
        if not (_is_person(who) or _is_code(who)):
            raise bad(f'"{who}" không phải tên người soạn thảo hay chữ viết tắt của đơn vị')
        return f"{code}{m.group('sep')}({who}){copies}"
    if "(" in s or ")" in s:
        raise bad(
            "dấu ngoặc đơn chỉ để ghi tên người soạn thảo, đơn vị hoặc số bản lưu, sau chữ viết tắt"
        )
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
        return 'chữ viết tắt thường không chứa dấu "/"'
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


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one recipient: punctuation, spacing, line breaks, case and a
    purpose in parentheses after the name ("(b/c)") aside."""

    def key(name: str) -> str:
        name = re.sub(r"\s*\([^()]*\)$", "", _strip_punct(name))
        return " ".join(name.split()).casefold()

    return key(a) == key(b)


def with_as_above(
    items: Sequence[_T],
    key: Callable[[_T], str],
    make: Callable[[str], _T],
    first: bool | str = True,
    addressees: Sequence[str] = (),
) -> list[_T]:
    """The recipients of a document with Kính gửi: "Như trên" first (Phụ lục I, II.9.b), then
    the others in the user's order. A "Như trên" the user wrote (read by ``key``) is not
    doubled, it is moved first; otherwise one is made (by ``make``) and put first.

    ``first`` is the office's choice: ``False`` writes no "Như trên", a text writes that
    line in its place. Nor is one made when the user listed every addressee among the
    recipients himself: "Như trên" would name them twice.

    >>> with_as_above(["Sở Tài chính", "Lưu trữ"], str, str)
    ['Như trên', 'Sở Tài chính', 'Lưu trữ']
    >>> with_as_above(["Sở Tài chính", "- Như trên;"], str, str)
    ['- Như trên;', 'Sở Tài chính']
    >>> with_as_above(["Sở Tài chính"], str, str, first=False)
    ['Sở Tài chính']
    >>> with_as_above(["Sở Tài chính"], str, str, first="Như trên (để t/h)")
    ['Như trên (để t/h)', 'Sở Tài chính']
    >>> with_as_above(["UBND tỉnh;", "Sở Tài chính"], str, str, addressees=["UBND tỉnh"])
    ['UBND tỉnh;', 'Sở Tài chính']
    """
    given = [x for x in items if is_as_above(key(x))]
    rest = [x for x in items if not is_as_above(key(x))]
    if given:
        return [given[0], *rest]
    names = [key(x) for x in items]
    listed = bool(addressees) and all(any(_same_name(a, n) for n in names) for a in addressees)
    if first is False or listed:
        return rest
    return [make(AS_ABOVE if first is True else first), *rest]


def archive_text(text: str) -> str:
    """A "Lưu" line the office writes in full, as printed: as written, after the dash every
    recipient line has (a dash the user typed is not doubled).

    >>> archive_text("- Lưu: VT, VP(TH), BĐKH."), archive_text("Lưu VT")
    ('Lưu: VT, VP(TH), BĐKH.', 'Lưu VT')
    """
    return " ".join(text.strip().lstrip("-–").split())


def archive_text_departure(text: str) -> str | None:
    """Why a "Lưu" line written in full departs from the decree's form ("Lưu: VT, <đơn vị
    soạn thảo> (số bản lưu)." II.9.d), for a warning; ``None`` when it does not.

    >>> archive_text_departure("Lưu: VT, VP(TH), BĐKH.") is None
    True
    >>> print(archive_text_departure("Lưu hồ sơ"))
    dòng Lưu "Lưu hồ sơ" được in như đã viết; Nghị định 30 viết "Lưu: VT, <đơn vị soạn thảo> (số bản lưu).", ví dụ "Lưu: VT, HC (2)." (Phụ lục I, Mục II, 9.d)
    """
    line = archive_text(text)
    head = f"{ARCHIVE_LABEL} {ARCHIVE_FIRST}"
    if (line == f"{head}." or line.startswith(f"{head},")) and line.endswith("."):
        return None
    return (
        f'dòng Lưu "{line}" được in như đã viết; Nghị định 30 viết "{ARCHIVE_LABEL} '
        f'{ARCHIVE_FIRST}, <đơn vị soạn thảo> (số bản lưu).", ví dụ "{ARCHIVE_DECREE_FORM}" '
        f"({ARCHIVE_RULE})"
    )


#: Kính gửi (ô 9a), in thường, upright, with its colon (Phụ lục I, II.9.d).
ADDRESSEES_LABEL = "Kính gửi:"
#: Where "Kính gửi:" starts: 3.5 cm from the left margin, as Mẫu 1.5's template places it
#: (Phụ lục I, Mục II, 9.a; the rule itself gives no position), in twips.
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

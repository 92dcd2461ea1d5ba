"""Quyền hạn, chức vụ và họ tên người ký (ô 7a, 7b; Điều 13 and Phụ lục I, Mục II, 7).

The block is, top to bottom: the authority line(s) and the signer's title in UPPERCASE bold,
room for the signature and the seal, then the name in bold. The authority prefix says in
whose name the signer signs:

========  ===========================================  ==================================
prefix    meaning                                      lines
========  ===========================================  ==================================
(none)    the head signs in their own name             "CHỦ TỊCH"
TM.       thay mặt: for a collective or the body       "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"
KT.       ký thay: a deputy signs for the head         "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"
Q.        quyền: an acting head                        "Q. CHỦ TỊCH"
TL.       thừa lệnh: a unit head by the head's order   "TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG…"
TUQ.      thừa ủy quyền: by written delegation         "TUQ. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG"
========  ===========================================  ==================================

Other titles of the signer (chức vụ khác, II.7.c–đ): a member of an advisory body (a team,
a board, a council) signs with the title in that body ("TRƯỞNG ĐOÀN") and, when the body uses
its host's seal, the title in the host body too ("PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG"). The decree
puts these lines "tại ô số 7b …, phía trên họ tên của người ký" (II.7.đ): under the signature,
above the name. Many offices print them under the name instead; vanban does either
(:data:`OTHER_TITLES_POSITIONS`), the decree's place by default. A team signing as a whole
writes "TM. ĐOÀN KIỂM TRA" / "TRƯỞNG ĐOÀN" (TM. before the name of the collective, II.7.b).

A deputy may sign for a collective body as a deputy of its head (Điều 13.2), giving the
three-line form "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (common practice,
consistent with Điều 13.2, but not an example of the decree).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

#: Where the signer's other titles go: "above_name" (ô 7b, under the signature; II.7.đ) or
#: "below_name" (under the name, as many offices print them). The first is the default.
OTHER_TITLES_POSITIONS = ("above_name", "below_name")


class Authority(str, Enum):
    """The quyền hạn prefix of the signature block (Điều 13)."""

    NONE = ""
    TM = "TM."
    KT = "KT."
    Q = "Q."
    TL = "TL."
    TUQ = "TUQ."


#: What each quyền hạn means (Điều 13; Phụ lục I, Mục II, 7.a), in the words an editor shows
#: beside each choice; the empty one is the head signing in their own name.
AUTHORITY_MEANINGS: dict[Authority, str] = {
    Authority.NONE: "để trống: người đứng đầu ký",
    Authority.TM: "thay mặt: ký thay mặt tập thể hoặc cơ quan",
    Authority.KT: "ký thay: cấp phó ký thay người đứng đầu",
    Authority.Q: "quyền: người được giao quyền người đứng đầu ký",
    Authority.TL: "thừa lệnh: người đứng đầu đơn vị ký thừa lệnh người đứng đầu",
    Authority.TUQ: "thừa ủy quyền: người được ủy quyền bằng văn bản ký",
}


def signer_problem(
    authority: Authority,
    *,
    title: str | None,
    head_title: str | None,
    collective: str | None,
) -> str | None:
    """Say what is wrong with a combination of authority and titles, or ``None`` when it holds.

    The messages are in Vietnamese because they reach the person who wrote the plan.

    >>> signer_problem(Authority.KT, title=None, head_title="CHỦ TỊCH", collective=None)
    'KT. (ký thay) cần chức vụ của cấp phó ký thay (title), ví dụ "PHÓ CHỦ TỊCH"'
    >>> signer_problem(Authority.KT, title="PHÓ CHỦ TỊCH", head_title="CHỦ TỊCH", collective=None)
    >>> signer_problem(Authority.TM, title="CHỦ TỊCH", head_title=None, collective=None)
    'TM. (thay mặt) cần tên tập thể hoặc cơ quan (collective), ví dụ "ỦY BAN NHÂN DÂN"'
    """
    a = authority
    if a is Authority.NONE:
        if not title:
            return 'cần chức vụ của người ký (title), ví dụ "GIÁM ĐỐC"'
        if head_title or collective:
            return (
                "người ký không có quyền hạn (authority) thì không ghi head_title hay collective;"
                " hãy chọn TM., KT., Q., TL. hoặc TUQ."
            )
        return None
    if a is Authority.TM:
        if not collective:
            return (
                'TM. (thay mặt) cần tên tập thể hoặc cơ quan (collective), ví dụ "ỦY BAN NHÂN DÂN"'
            )
        if not title:
            return 'TM. (thay mặt) cần chức vụ của người ký (title), ví dụ "CHỦ TỊCH"'
        if head_title and head_title.casefold() == title.casefold():
            return "cấp phó ký thay (KT.) phải có chức vụ khác với chức vụ của người đứng đầu"
        return None
    if collective:
        return f"chỉ TM. (thay mặt) mới ghi tên tập thể (collective); quyền hạn ở đây là {a.value}"
    if not head_title:
        return f'{a.value} cần chức vụ của người đứng đầu (head_title), ví dụ "GIÁM ĐỐC"'
    if a is Authority.Q:
        if title and title.casefold() != head_title.casefold():
            return (
                'Q. (quyền) chỉ ghi một dòng "Q. <chức vụ của người đứng đầu>";'
                " bỏ title hoặc để title trùng head_title"
            )
        return None
    if not title:
        names = {Authority.KT: "KT. (ký thay) cần chức vụ của cấp phó ký thay (title)"}
        first = names.get(a, f"{a.value} cần chức vụ của người ký (title)")
        example = "PHÓ CHỦ TỊCH" if a is Authority.KT else "CHÁNH VĂN PHÒNG"
        return f'{first}, ví dụ "{example}"'
    if a is Authority.KT and title.casefold() == head_title.casefold():
        return "KT. (ký thay): chức vụ của cấp phó (title) phải khác chức vụ của người đứng đầu"
    return None


def signer_lines(
    authority: Authority,
    *,
    title: str | None = None,
    head_title: str | None = None,
    collective: str | None = None,
) -> list[str]:
    """The UPPERCASE lines above the signature (ô 7a), from a valid combination.

    >>> signer_lines(Authority.TM, collective="Ủy ban nhân dân", title="Chủ tịch")
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']
    >>> signer_lines(Authority.KT, head_title="Trưởng ban", title="Phó Trưởng ban")
    ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']
    >>> signer_lines(Authority.TM, collective="ỦY BAN NHÂN DÂN", head_title="CHỦ TỊCH",
    ...              title="PHÓ CHỦ TỊCH")
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
    >>> signer_lines(Authority.Q, head_title="Chủ tịch")
    ['Q. CHỦ TỊCH']
    >>> signer_lines(Authority.NONE, title="Trưởng ban")
    ['TRƯỞNG BAN']
    """
    problem = signer_problem(authority, title=title, head_title=head_title, collective=collective)
    if problem:
        raise ValueError(problem)
    a = authority
    if a is Authority.NONE:
        lines = [title or ""]
    elif a is Authority.TM:
        lines = [f"TM. {collective}"]
        if head_title:
            lines.append(f"KT. {head_title}")
        lines.append(title or "")
    elif a is Authority.Q:
        lines = [f"Q. {head_title}"]
    else:
        lines = [f"{a.value} {head_title}", title or ""]
    return [line.upper() for line in lines]


def other_title_lines(titles: Sequence[str]) -> list[str]:
    """The signer's other titles (chức vụ khác, II.7.c–đ), one per line, UPPERCASE like every
    title of the block (II.7.đ); a title given with line breaks gives one line per part.

    >>> other_title_lines(["Phó Giám đốc", "Sở Công Thương\\nLào Cai"])
    ['PHÓ GIÁM ĐỐC', 'SỞ CÔNG THƯƠNG', 'LÀO CAI']
    """
    return [line.strip().upper() for title in titles for line in title.split("\n") if line.strip()]


def parse_signer_lines(lines: Sequence[str]) -> dict[str, str]:
    """The quyền hạn, collective and titles of typed title lines (ô 7a): the inverse of
    :func:`signer_lines`, as the fields ``authority``, ``collective``, ``head_title``,
    ``title``; lines past the form's are ``other_titles`` (joined by newlines).

    >>> parse_signer_lines(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    {'authority': 'TM.', 'collective': 'ỦY BAN NHÂN DÂN', 'head_title': 'CHỦ TỊCH', 'title': 'PHÓ CHỦ TỊCH'}
    >>> parse_signer_lines(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    {'authority': 'KT.', 'head_title': 'GIÁM ĐỐC', 'title': 'PHÓ GIÁM ĐỐC'}
    >>> parse_signer_lines(["Q. CHỦ TỊCH"])
    {'authority': 'Q.', 'head_title': 'CHỦ TỊCH'}
    >>> parse_signer_lines(["GIÁM ĐỐC"])
    {'title': 'GIÁM ĐỐC'}
    >>> parse_signer_lines(["TM. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN"])
    {'authority': 'TM.', 'collective': 'ĐOÀN KIỂM TRA', 'title': 'TRƯỞNG ĐOÀN'}
    """
    rest = [" ".join(line.split()) for line in lines if line.strip()]
    out: dict[str, str] = {}

    def prefixed(line: str) -> tuple[Authority, str] | None:
        head, _, tail = line.partition(" ")
        key = head.upper().replace(" ", "")
        key = key if key.endswith(".") else key + "."
        for a in Authority:
            if a is not Authority.NONE and a.value == key and tail.strip():
                return a, tail.strip()
        return None

    first = prefixed(rest[0]) if rest else None
    if first is None:
        if rest:
            out["title"] = rest.pop(0)
    else:
        a, what = first
        rest.pop(0)
        out["authority"] = a.value
        if a is Authority.TM:
            out["collective"] = what
            second = prefixed(rest[0]) if rest else None
            if second is not None and second[0] is Authority.KT:
                out["head_title"] = second[1]
                rest.pop(0)
        else:
            out["head_title"] = what
        if a is not Authority.Q and rest:
            out["title"] = rest.pop(0)
    if rest:
        out["other_titles"] = "\n".join(rest)
    return out

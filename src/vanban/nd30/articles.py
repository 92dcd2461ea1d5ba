"""Điều, chương, mục and the fixed lines of a Quyết định or Nghị quyết (Mẫu 1.1–1.3).

Sources (Mẫu 1.2 and 1.3 of Phụ lục III; Phụ lục I, Mục II, 6.c–đ):

- Điều: the word "Điều", an Arabic number and "."; in thường, bold (Phụ lục I, II.6.đ; the
  decree's own "Điều 1. Bản sao văn bản" in §V). Numbered continuously through the chương of
  a text, as the decree numbers its own Điều 1–38 (the continuity is not written as a rule:
  UNCONFIRMED: not set by the decree).
- Chương: "Chương" and a Roman numeral, on its own line; mục and tiểu mục: "Mục" and an
  Arabic number (II.6.đ); mục numbers restart in each chương ([derived], UNCONFIRMED).
- The authority line (Mẫu 1.2 footnote 6): the head's title when the power to decide is the
  head's, the name of the collective or body when it is theirs; printed UPPERCASE.
- "QUYẾT ĐỊNH:" (Mẫu 1.2, 1.3), "QUYẾT NGHỊ:" (Mẫu 1.1) closes the căn cứ block (template only); the "Theo đề nghị của …" line is
  the last line of that block and ends with "." (II.6.a).
- The Nơi nhận of Mẫu 1.1–1.3 starts "- Như Điều …;": the article naming who carries the
  decision out.
- Mẫu 1.3: Điều 1 "Ban hành (Phê duyệt) kèm theo Quyết định này <tên loại> <trích yếu>."
  and the attached text's "(Kèm theo Quyết định số … ngày … tháng … năm … của …)" line
  (the practice "(Ban hành kèm theo …)" as an option: UNCONFIRMED: the Mẫu 1.3 attachment reads "Kèm theo").
"""

from __future__ import annotations

from typing import Literal

from vanban._patterns import LazyPattern
from vanban.nd30.numbering import roman

#: The word before an article's number (II.6.đ).
ARTICLE_WORD = "Điều"
#: The word before a chương's Roman numeral (II.6.đ).
CHAPTER_WORD = "Chương"
#: The word before a mục's number inside a chương (II.6.đ).
SECTION_WORD = "Mục"
#: The line between the căn cứ and the articles of a Quyết định (Mẫu 1.2, 1.3).
DECISION_LINE = "QUYẾT ĐỊNH:"
#: The line between the căn cứ and the articles of a Nghị quyết (Mẫu 1.1).
RESOLUTION_LINE = "QUYẾT NGHỊ:"
#: The opening of the proposal line that closes the căn cứ block (Mẫu 1.2).
PROPOSAL_PREFIX = "Theo đề nghị của"
#: What the Mẫu 1.3 Điều 1 does with the attached text, by the model's key.
ACTIONS: dict[str, str] = {"ban_hanh": "Ban hành", "phe_duyet": "Phê duyệt"}
#: The opening of the attached text's reference line, by the model's key: the template's
#: "Kèm theo" (default) or the practice "Ban hành kèm theo".
REFERENCE_OPENINGS: dict[str, str] = {
    "kem_theo": "Kèm theo",
    "ban_hanh_kem_theo": "Ban hành kèm theo",
}


def article_label(number: int) -> str:
    """The label of the ``number``-th article: "Điều" + Arabic number + "." (II.6.đ).

    >>> article_label(3), article_label(12)
    ('Điều 3.', 'Điều 12.')
    """
    if number < 1:
        raise ValueError(f"điều được đánh số từ 1, không phải {number}")
    return f"{ARTICLE_WORD} {number}."


def chapter_label(number: int) -> str:
    """The line of the ``number``-th chương: "Chương" + Roman numeral (II.6.đ).

    >>> chapter_label(2), chapter_label(4)
    ('Chương II', 'Chương IV')
    """
    return f"{CHAPTER_WORD} {roman(number)}"


def section_label(number: int) -> str:
    """The line of the ``number``-th mục of a chương: "Mục" + Arabic number (II.6.đ).

    >>> section_label(1)
    'Mục 1'
    """
    if number < 1:
        raise ValueError(f"mục được đánh số từ 1, không phải {number}")
    return f"{SECTION_WORD} {number}"


def as_article_line(number: int) -> str:
    """The first Nơi nhận entry of Mẫu 1.1–1.3, pointing to the article that names who
    carries the decision out ("- Như Điều …;"; the dash and ";" are added by the Nơi nhận
    rules).

    >>> as_article_line(3)
    'Như Điều 3'
    """
    return f"Như {ARTICLE_WORD} {number}"


def is_as_article_line(text: str) -> bool:
    """Whether a Nơi nhận entry already is a "Như Điều …" line (written by the user).

    >>> is_as_article_line("Như Điều 3"), is_as_article_line("- như điều 2, 3;")
    (True, True)
    >>> is_as_article_line("Như trên")
    False
    """
    return text.strip().lstrip("-– ").lower().startswith(f"như {ARTICLE_WORD.lower()}")


def authority_line(text: str) -> str:
    """The authority line of a Quyết định (Mẫu 1.2 footnote 6), UPPERCASE, bold, centred.

    The head's title when the power to decide belongs to the head ("GIÁM ĐỐC SỞ TƯ PHÁP",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"); the name of the collective or the body when it
    belongs to them ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"). The decree gives no example wording.

    >>> authority_line("Giám đốc Sở Tư pháp")
    'GIÁM ĐỐC SỞ TƯ PHÁP'
    """
    return "\n".join(line.strip().upper() for line in text.split("\n") if line.strip())


def proposal_line(text: str) -> str:
    """The "Theo đề nghị của …" line (Mẫu 1.2), the last of the căn cứ block; a line that
    already opens with "Theo đề nghị" or "Xét đề nghị" is kept as written. The final "." is
    added with the căn cứ (:func:`vanban.nd30.text.basis_lines`).

    >>> proposal_line("Chánh Văn phòng Sở")
    'Theo đề nghị của Chánh Văn phòng Sở'
    >>> proposal_line("Xét đề nghị của Trưởng phòng Tổ chức cán bộ.")
    'Xét đề nghị của Trưởng phòng Tổ chức cán bộ.'
    """
    stripped = text.strip()
    if stripped.lower().startswith(("theo đề nghị", "xét đề nghị")):
        return stripped
    return f"{PROPOSAL_PREFIX} {stripped}"


def issuing_article(type_name: str, title: str, action: str = "ban_hanh") -> str:
    """The text of Điều 1 of a Mẫu 1.3 Quyết định (after its label): "Ban hành (Phê duyệt)
    kèm theo Quyết định này" + tên loại + trích yếu of the attached text + ".".

    >>> issuing_article("Kế hoạch", "Triển khai chuyển đổi số năm 2026")
    'Ban hành kèm theo Quyết định này Kế hoạch triển khai chuyển đổi số năm 2026.'
    >>> issuing_article("Quy chế", "làm việc của Sở Tư pháp", "phe_duyet")
    'Phê duyệt kèm theo Quyết định này Quy chế làm việc của Sở Tư pháp.'
    """
    subject = " ".join(title.split())
    if subject[:1].isupper() and not subject[1:2].isupper():
        subject = subject[0].lower() + subject[1:]  # "Triển khai …" reads "kế hoạch triển khai"
    return f"{ACTIONS[action]} kèm theo Quyết định này {type_name} {subject.rstrip('.;')}."


def reference_opening(kind: Literal["kem_theo", "ban_hanh_kem_theo"] = "kem_theo") -> str:
    """The words that open the attached text's reference line (Mẫu 1.3, footnote 2).

    >>> reference_opening(), reference_opening("ban_hanh_kem_theo")
    ('Kèm theo', 'Ban hành kèm theo')
    """
    return REFERENCE_OPENINGS[kind]


#: An authority line naming a head's title (Mẫu 1.2 fn 6: "chức vụ của người đứng đầu").
_HEAD = LazyPattern(
    r"^(?:Q\.\s*|QUYỀN\s+)?(?:CHỦ TỊCH|TỔNG GIÁM ĐỐC|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ NHIỆM"
    r"|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|THỦ TRƯỞNG|CHÁNH|TRƯỞNG"
    r"|TỔNG KIỂM TOÁN|KIỂM TOÁN TRƯỞNG)\b"
)
#: An authority line naming a collective or a body ("tên của tập thể hoặc tổ chức").
_BODY = LazyPattern(
    r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BAN|ĐOÀN|SỞ|BỘ|TỔNG CỤC|CỤC|TRƯỜNG|VIỆN|TRUNG TÂM"
    r"|CHÍNH PHỦ)\b"
)


def authority_kind(text: str) -> Literal["head", "collective"] | None:
    """Whose power the authority line names (Mẫu 1.2 footnote 6): a head's title, a
    collective or body, or ``None`` when its first words say neither.

    >>> authority_kind("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"), authority_kind("Bộ trưởng Bộ Nội vụ")
    ('head', 'head')
    >>> authority_kind("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"), authority_kind("HỘI ĐỒNG THI")
    ('collective', 'collective')
    >>> authority_kind("THẨM QUYỀN BAN HÀNH") is None
    True
    """
    line = " ".join(text.upper().split())
    if _HEAD().match(line):
        return "head"
    return "collective" if _BODY().match(line) else None


def signer_mismatch(authority: str, signer_prefix: str) -> str | None:
    """Why a signer does not match the authority line, or ``None`` (Mẫu 1.2 of Phụ lục III;
    Điều 13; Phụ lục I, Mục II, 7):
    the head's power is signed by the head, KT., Q. (TL., TUQ. where allowed), never TM.; a
    collective's or body's power is signed TM. <tập thể> ([P1] II.7.b; Điều 13).

    >>> signer_mismatch("GIÁM ĐỐC SỞ TƯ PHÁP", "KT.") is None
    True
    >>> signer_mismatch("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "TM.") is None
    True
    >>> signer_mismatch("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "KT.")
    'thẩm quyền ban hành là tập thể, cơ quan: người ký ghi "TM. <tên tập thể>" (signer.authority: TM)'
    """
    kind = authority_kind(authority)
    if kind == "head" and signer_prefix == "TM.":
        return (
            "thẩm quyền ban hành là người đứng đầu: người ký không ghi TM. (thay mặt tập thể); "
            "nếu tập thể quyết định, ghi tên tập thể ở authority"
        )
    if kind == "collective" and signer_prefix != "TM.":
        return (
            'thẩm quyền ban hành là tập thể, cơ quan: người ký ghi "TM. <tên tập thể>" '
            "(signer.authority: TM)"
        )
    return None


def decision_line(type_key: str) -> str:
    """The line that closes the căn cứ block and opens the articles: "QUYẾT NGHỊ:" in a
    Nghị quyết (Mẫu 1.1), "QUYẾT ĐỊNH:" in a Quyết định (Mẫu 1.2, 1.3); template only, 14
    bold, UPPERCASE, centred (Mẫu 1.1 of Phụ lục III; the rule text sets no format).

    >>> decision_line("nghi_quyet"), decision_line("quyet_dinh")
    ('QUYẾT NGHỊ:', 'QUYẾT ĐỊNH:')
    """
    return RESOLUTION_LINE if type_key == "nghi_quyet" else DECISION_LINE


def resolution_signer_mismatch(signer_prefix: str) -> str | None:
    """Why the signer of a Nghị quyết is wrong, or ``None``: a resolution is the decision of
    a collective, signed "TM. <tên tập thể>" + chức vụ (Phụ lục I, II.7.b; Điều 13.2;
    Mẫu 1.1, Phụ lục III; Điều 13; Phụ lục I, Mục II, 7).

    >>> resolution_signer_mismatch("TM.") is None
    True
    >>> resolution_signer_mismatch("KT.")
    'nghị quyết là quyết định của tập thể: người ký ghi "TM. <tên tập thể>" (signer.authority: TM)'
    """
    if signer_prefix == "TM.":
        return None
    return (
        'nghị quyết là quyết định của tập thể: người ký ghi "TM. <tên tập thể>" '
        "(signer.authority: TM)"
    )

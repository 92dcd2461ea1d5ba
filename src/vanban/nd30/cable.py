"""The lines proper to a Công điện (Mẫu 1.6 of Phụ lục III).

Between the trích yếu and the message a công điện has no "Kính gửi": the sender line
"<tên cơ quan, tổ chức hoặc chức danh người đứng đầu> điện:" (footnote 6 of the Mẫu),
centred, then the bodies that receive the message, one per line "- …;", the last ending "."
(footnote 7), starting about 5.5 cm from the left margin as the template places them.

The case of the sender line is not set by the decree: its template writes the placeholders
with "điện:" in lower case, practice writes the sender in capitals ("THỦ TƯỚNG CHÍNH PHỦ
điện:"). vanban prints the sender UPPERCASE and "điện:" in lower case (UNCONFIRMED,
not set by the decree).
"""

from __future__ import annotations

from collections.abc import Sequence

#: The word that closes the sender line (Mẫu 1.6, footnote 6), lower case as in the template.
SENDS = "điện:"
#: Where the recipient lines start: about 5.5 cm from the left margin, as Mẫu 1.6's template
#: places them (table indent 1.9 cm + an empty 3.56 cm column; Mẫu 1.6, Phụ lục III), in twips.
RECIPIENTS_INDENT = 3118


def sender_line(sender: str) -> str:
    """The sender line of a Công điện (Mẫu 1.6, footnote 6): the sending body, or the title
    of its head, UPPERCASE, then "điện:"; line breaks the writer put in are kept, a colon or
    "điện" the writer typed is not doubled.

    >>> sender_line("Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình Nam")
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH NAM điện:'
    >>> sender_line("THỦ TƯỚNG CHÍNH PHỦ điện:")
    'THỦ TƯỚNG CHÍNH PHỦ điện:'
    """
    lines = [" ".join(line.split()).upper() for line in sender.split("\n") if line.strip()]
    last = lines[-1].rstrip(":").rstrip() if lines else ""
    if last.endswith(" ĐIỆN"):
        last = last[: -len(" ĐIỆN")]
    return "\n".join([*lines[:-1], f"{last} {SENDS}"])


def is_sender_line(text: str) -> bool:
    """Whether a paragraph is a Công điện's sender line: it ends with "điện:" (any case).

    >>> is_sender_line("THỦ TƯỚNG CHÍNH PHỦ điện:"), is_sender_line("BỘ Y TẾ ĐIỆN:")
    (True, True)
    >>> is_sender_line("Về việc phòng, chống bão số 9")
    False
    """
    return text.strip().lower().endswith(SENDS)


def _bare(name: str) -> str:
    return name.strip().lstrip("-–+•").strip().rstrip(";.,").rstrip()


def recipient_lines(names: Sequence[str]) -> list[str]:
    """The bodies that receive a Công điện (Mẫu 1.6, footnote 7): one per line, "- " before
    each, ";" after each but the last, which ends "."; punctuation the writer typed is
    replaced.

    >>> recipient_lines(["Sở Nông nghiệp và Môi trường", "- Công an tỉnh;"])
    ['- Sở Nông nghiệp và Môi trường;', '- Công an tỉnh.']
    >>> recipient_lines(["Chủ tịch Ủy ban nhân dân các xã, phường."])
    ['- Chủ tịch Ủy ban nhân dân các xã, phường.']
    """
    last = len(names) - 1
    return [f"- {_bare(n)}{'.' if i == last else ';'}" for i, n in enumerate(names)]

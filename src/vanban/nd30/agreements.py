"""The fixed lines of a Hợp đồng, Bản ghi nhớ, Bản thỏa thuận (Điều 7; no Mẫu in Phụ lục III).

Nghị định 30 lists these types (Điều 7) and gives their abbreviations (HĐ, BGN, BTT,
Phụ lục III Mục I) but no Mẫu: their layout is UNCONFIRMED (not set by the decree).
vanban uses the form most public bodies use, where the decree gives no Mẫu: the
header and title of Mẫu 1.4, căn cứ, "Hôm nay, ngày …, tại …, chúng tôi gồm:", the parties
("Bên A", "Bên B" with representative, position, address …), the articles (Điều 1., 2. …),
and two signers side by side "ĐẠI DIỆN BÊN A" / "ĐẠI DIỆN BÊN B" as in the two-party biên bản
of Phụ lục V ([P5]); no Nơi nhận unless one is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from vanban.nd30.dates import date_text
from vanban.nd30.numbering import vietnamese_letter

#: The detail lines of a party, in print order: field name → label.
PARTY_DETAILS = (
    ("representative", "Đại diện"),
    ("position", "Chức vụ"),
    ("address", "Địa chỉ"),
    ("phone", "Điện thoại"),
    ("email", "Thư điện tử"),
    ("tax_code", "Mã số thuế"),
    ("account", "Số tài khoản"),
)


def party_label(index: int) -> str:
    """The name of the ``index``-th party (from 1): "Bên A", "Bên B" …

    >>> party_label(1), party_label(2)
    ('Bên A', 'Bên B')
    """
    return f"Bên {vietnamese_letter(index).upper()}"


def party_heading(label: str, name: str, role: str | None = None) -> str:
    """The first line of a party: "BÊN A (BÊN THUÊ): SỞ NỘI VỤ TỈNH …" (UPPERCASE, bold
    in the layout), as most contracts of public bodies print it.

    >>> party_heading("Bên A", "Sở Nội vụ tỉnh Hòa Bình Nam")
    'BÊN A: SỞ NỘI VỤ TỈNH HÒA BÌNH NAM'
    >>> party_heading("Bên B", "Công ty TNHH Minh Phát", "bên cung cấp dịch vụ")
    'BÊN B (BÊN CUNG CẤP DỊCH VỤ): CÔNG TY TNHH MINH PHÁT'
    """
    head = f"{label} ({role})" if role else label
    return f"{head}: {name}".upper()


def detail_line(label: str, value: str) -> str:
    """A detail of a party: "- Đại diện: Ông Nguyễn Văn An;" (the last one of a party ends
    with "." in the layout).

    >>> detail_line("Chức vụ", "Giám đốc")
    '- Chức vụ: Giám đốc'
    """
    return f"- {label}: {value.strip().rstrip('.;')}"


def punctuate(lines: Sequence[str]) -> list[str]:
    """ ";" after each line, "." after the last, as in a list of recipients.

    >>> punctuate(["- Đại diện: Ông A", "- Chức vụ: Giám đốc"])
    ['- Đại diện: Ông A;', '- Chức vụ: Giám đốc.']
    """
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def opening_line(
    day: int | None, month: int | None, year: int | None, venue: str | None = None
) -> str:
    """The line before the parties: "Hôm nay, ngày … tháng … năm …, tại …, chúng tôi gồm:".

    >>> opening_line(15, 11, 2026, "trụ sở Sở Nội vụ tỉnh Hòa Bình Nam")
    'Hôm nay, ngày 15 tháng 11 năm 2026, tại trụ sở Sở Nội vụ tỉnh Hòa Bình Nam, chúng tôi gồm:'
    >>> opening_line(None, None, 2026)
    'Hôm nay, ngày       tháng       năm 2026, chúng tôi gồm:'
    """
    where = f", tại {venue.strip().rstrip('.,')}" if venue else ""
    return f"Hôm nay, {date_text(day, month, year)}{where}, chúng tôi gồm:"


def agreement_line(type_name: str) -> str:
    """The line after the parties, before the articles.

    >>> agreement_line("Hợp đồng")
    'Sau khi trao đổi, thống nhất, hai bên cùng ký hợp đồng với các điều khoản sau:'
    >>> agreement_line("Bản ghi nhớ")
    'Sau khi trao đổi, thống nhất, hai bên cùng ký bản ghi nhớ với các điều khoản sau:'
    """
    return (
        f"Sau khi trao đổi, thống nhất, hai bên cùng ký {type_name.lower()} với các điều khoản sau:"
    )


def representative_title(label: str) -> str:
    """The title over a party's signature: "ĐẠI DIỆN BÊN A" (as "ĐẠI DIỆN BÊN GIAO" in the
    two-party biên bản of Phụ lục V).

    >>> representative_title("Bên B")
    'ĐẠI DIỆN BÊN B'
    """
    return f"ĐẠI DIỆN {label.upper()}"

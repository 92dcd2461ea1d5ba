"""Rules of Nghị định 30/2020/NĐ-CP as they are read back from a finished document.

The other modules of :mod:`vanban.nd30` *write* a component (``date_line``, ``number_line``,
``archive_line``…); the functions here *read* one that a person typed and say how it departs
from the same rule. Each one reuses the writer where it can, so the two cannot disagree.
Pure functions on strings; no docx here.
"""

from __future__ import annotations

import re
import unicodedata

from vanban._patterns import LazyPattern
from vanban.nd30 import dates, doctypes, marks, numbering, page, recipients, text

#: Mức độ khẩn (Phụ lục I, III.2.b) and độ mật (III.2.a) as printed on a document.
URGENCY_MARKS = ("HỎA TỐC", "THƯỢNG KHẨN", "KHẨN")
SECRECY_MARKS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")

#: The authority prefixes of the signer block, with their dots (Điều 13; Phụ lục I, II.7.a).
SIGNER_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

#: Tên loại of documents that are not administrative documents under NĐ30 (Điều 1, Điều 7):
#: permits, submission slips, legal normative documents, contracts, forms.
NOT_ADMINISTRATIVE = (
    "GIẤY PHÉP",
    "PHIẾU TRÌNH",
    "LUẬT",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
    "PHÁP LỆNH",
    "GIẤY CHỨNG NHẬN",
    "ĐƠN",
    "HỢP ĐỒNG",
    "TỜ KHAI",
    "BẢN CAM KẾT",
)


def foreign_heading(value: str) -> str | None:
    """The tên loại of a document that is not an administrative document (Điều 1, Điều 7)
    a heading line names, as a whole word, in capitals; ``None`` for any other line.

    >>> foreign_heading("GIẤY PHÉP"), foreign_heading("PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC")
    ('GIẤY PHÉP', 'PHIẾU TRÌNH')
    >>> foreign_heading("ĐƠN VỊ THỰC HIỆN"), foreign_heading("Giấy phép"), foreign_heading("LUẬTX")
    (None, None, None)
    """
    key = comparable(value).strip()
    if not key or key != key.upper() or len(key) > 80:
        return None
    for name in NOT_ADMINISTRATIVE:
        rest = key[len(name) :]
        if key.startswith(name) and (not rest or rest[0] in " \n:") and not rest.startswith(" VỊ"):
            return name
    return None


def size_range(component: str) -> tuple[int, int]:
    """The sizes (pt) a component may take: the span of the two presets (Phụ lục I, Mục V).

    >>> size_range("national"), size_range("number"), size_range("recipient")
    ((12, 13), (13, 13), (11, 11))
    """
    values = [getattr(p, component) for p in page.SIZE_PRESETS.values()]
    return min(values), max(values)


#: The line under the Tiêu ngữ is "có độ dài bằng độ dài của dòng chữ" (II.1.b); drawn by
#: hand it is accepted from 80 % to 120 % of the text.
MOTTO_LINE_RATIO = (0.8, 1.2)

#: The sizes (pt) of the "V/v" line of a Công văn (II.5.b) and of an urgency or secrecy
#: mark (III.2.b, :data:`vanban.nd30.marks.MARK_SIZE_RANGE`).
SUBJECT_SIZE = (12, 13)
MARK_SIZE = marks.MARK_SIZE_RANGE

#: The paragraph style vanban gives the boxed marks (ô 10a, 10b, 11); a checker skips them.
MARK_STYLE = "VBMark"

#: The paragraph style vanban gives the signer's name (ô 7b); a checker finds the name by it.
SIGNER_NAME_STYLE = "VBSignerName"

#: A space before a line at least this large (twips, 1 cm) is the room for the signature and
#: the seal (ô 7c, 8) that comes right before the signer's name.
SIGNATURE_ROOM_MIN = page.mm(10)


# Old-style tone placement ("HOÀ") and the decree's ("HÒA"): the mark sits on the main vowel.
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile(
    "(?:"
    + "|".join(sorted({*_OLD_TONES, *(k.upper() for k in _OLD_TONES)}, key=len, reverse=True))
    + r")(?![a-zA-ZÀ-ỹ])"
)
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def modern_tones(value: str) -> str:
    """Write tone marks on the main vowel, as the decree does ("HOÀ" → "HÒA", "Thuỷ" → "Thủy").

    Only at the end of a syllable: "hoàng" keeps its mark where it is.

    >>> modern_tones("CỘNG HOÀ"), modern_tones("Thuỷ lợi"), modern_tones("hoàng")
    ('CỘNG HÒA', 'Thủy lợi', 'hoàng')
    """

    def swap(m: re.Match[str]) -> str:
        s = m.group(0)
        new = _OLD_TONES[s.lower()]
        return new.upper() if s.isupper() else new

    return _OLD_TONE_RE.sub(swap, value)


def comparable(value: str) -> str:
    """A key for comparing typed text with the decree's: NFC, modern tones, dashes, spaces.

    >>> from vanban.nd30.header import MOTTO, NATIONAL_NAME
    >>> comparable("CỘNG  HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM ") == comparable(NATIONAL_NAME)
    True
    >>> comparable("Độc lập – Tự do – Hạnh phúc") == comparable(MOTTO)
    True
    """
    value = unicodedata.normalize("NFC", value).translate(_DASHES)
    value = modern_tones(value)
    return " ".join(value.replace("\u00a0", " ").split())


def without_marks(value: str) -> str:
    """The text with its Vietnamese marks taken off ("đ" → "d"): how a line typed without
    diacritics is still recognised (then reported) as the decree's line.

    >>> without_marks("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), without_marks("Độc lập")
    ('CONG HOA XA HOI CHU NGHIA VIET NAM', 'Doc lap')
    """
    bare = "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


#: A draft's stamp ("DỰ THẢO", "Dự thảo lần 2", "(Dự thảo)"), printed above the tên loại
#: while a text is being drafted; it is not the tên loại (Điều 10, Điều 11).
_DRAFT_RE = LazyPattern(r"^\(?\s*dự thảo(\s+(lần\s+)?\S{1,6})?\s*\)?$", re.IGNORECASE)


def is_draft_stamp(value: str) -> bool:
    """Whether a line is a draft's stamp ("DỰ THẢO", "Dự thảo lần 3"), not a tên loại.

    >>> is_draft_stamp("DỰ THẢO"), is_draft_stamp("Dự thảo lần 2"), is_draft_stamp("(Dự thảo)")
    (True, True, True)
    >>> is_draft_stamp("Dự thảo quy chế làm việc của Sở")
    False
    """
    return _DRAFT_RE().match(comparable(value)) is not None


def is_nfc(value: str) -> bool:
    """Whether text is in Unicode NFC (TCVN 6909:2001 as Word writes it; Phụ lục I, I.4).

    Only Vietnamese letters count: a symbol NFC would change but which is no letter
    (Ω, U+2126) is not a decomposed letter.

    >>> is_nfc("Hà Nội"), is_nfc(unicodedata.normalize("NFD", "Hà Nội")), is_nfc("10 \u2126")
    (True, False, True)
    """
    return all(unicodedata.normalize("NFC", m) == m for m in _DECOMPOSED().findall(value))


#: A Latin letter (plain, or one precomposed Vietnamese vowel) followed by combining marks:
#: what NFC composes into a Vietnamese letter. Other text NFC changes (the ohm sign Ω,
#: U+2126; CJK compatibility ideographs) holds no Vietnamese letter.
_DECOMPOSED = LazyPattern("[A-Za-zĐđÂâĂăÊêÔôƠơƯư\u00c0-\u024f\u1ea0-\u1ef9][\u0300-\u036f]+")


# --------------------------------------------------------------------------- date (ô 4)

#: Read on the line with its blanks collapsed (one space each), so " ?" where a blank may
#: be: a lazy place before "\s*,?\s*" splits a run of blanks in cubically many ways.
_DATE_RE = LazyPattern(
    r"^(?P<place>[^,]*?) ?(?P<comma>,?) ?ngày(?P<day>[ \d.…_]*)tháng(?P<month>[ \d.…_]*)"
    r"năm(?P<year>[ \d.…_]*)$",
    re.IGNORECASE,
)


def date_problems(line: str) -> list[tuple[str, str, str]]:
    """Departures of a typed date line from II.4.b–c, as ``(code, expected, found)``.

    Codes: ``zero-padding`` (days 1–9 and months 1, 2 take a leading zero, months 3–12 do
    not), ``comma`` (a comma after the place name), ``form`` (not "…, ngày … tháng … năm
    …"). Parts left blank for the văn thư are accepted.

    >>> date_problems("Hà Nội, ngày 05 tháng 3 năm 2026")
    []
    >>> date_problems("Lào Cai, ngày       tháng 6 năm 2026")
    []
    >>> date_problems("Hà Nội, ngày 5 tháng 03 năm 2026")
    [('zero-padding', 'ngày 05', 'ngày 5'), ('zero-padding', 'tháng 3', 'tháng 03')]
    >>> date_problems("Hà Nội ngày 15 tháng 10 năm 2026")
    [('comma', 'Hà Nội, ngày', 'Hà Nội ngày')]
    >>> date_problems("Hà Nội, 15/10/2026")
    [('form', 'Địa danh, ngày … tháng … năm …', 'Hà Nội, 15/10/2026')]
    """
    clean = " ".join(unicodedata.normalize("NFC", line).split())
    m = _DATE_RE().match(clean)
    if m is None:
        return [("form", "Địa danh, ngày … tháng … năm …", clean)]
    out: list[tuple[str, str, str]] = []
    day, month = m.group("day").strip(), m.group("month").strip()
    if day.isdigit() and 1 <= int(day) <= 31 and day != dates.day_text(int(day)):
        out.append(("zero-padding", f"ngày {dates.day_text(int(day))}", f"ngày {day}"))
    if month.isdigit() and 1 <= int(month) <= 12 and month != dates.month_text(int(month)):
        out.append(("zero-padding", f"tháng {dates.month_text(int(month))}", f"tháng {month}"))
    if m.group("place") and not m.group("comma"):
        place = m.group("place")
        out.append(("comma", f"{place}, ngày", f"{place} ngày"))
    return out


def parse_date_line(line: str) -> tuple[str, int | None, int | None, int | None] | None:
    """The place and the day, month, year of a typed date line (ô 4), blanks as ``None``;
    ``None`` when the line is not one (II.4: "Địa danh, ngày … tháng … năm …").

    >>> parse_date_line("Hà Nội, ngày 05 tháng 3 năm 2026")
    ('Hà Nội', 5, 3, 2026)
    >>> parse_date_line("Lào Cai, ngày       tháng 6 năm 2026")
    ('Lào Cai', None, 6, 2026)
    >>> parse_date_line("Hà Nội, 15/10/2026") is None
    True
    """
    m = _DATE_RE().match(" ".join(unicodedata.normalize("NFC", line).split()))
    if m is None:
        return None

    def number(part: str) -> int | None:
        digits = part.strip(" .…_")
        return int(digits) if digits.isdigit() else None

    return (
        m.group("place").strip(),
        number(m.group("day")),
        number(m.group("month")),
        number(m.group("year")),
    )


# --------------------------------------------------------------------------- số, ký hiệu (ô 3)

#: Read on the line with its blanks collapsed, as :data:`_DATE_RE` (linear: one " ?" each).
_NUMBER_RE = re.compile(r"^Số ?(?P<colon>:?) ?(?P<number>[^/]*?) ?/ ?(?P<symbol>.*?) ?$")
_ABBREVIATIONS = {t.abbreviation.upper(): t for t in doctypes.DOC_TYPES.values() if t.abbreviation}


def parse_number_line(line: str) -> tuple[str, str] | None:
    """The number and ký hiệu of a "Số: …/…" line, or None when it is not one.

    >>> parse_number_line("Số: 05/KH-UBND"), parse_number_line("Số:      /SCT-CN")
    (('05', 'KH-UBND'), ('', 'SCT-CN'))
    >>> parse_number_line("Số hóa dữ liệu") is None
    True
    """
    m = _NUMBER_RE.match(" ".join(unicodedata.normalize("NFC", line).split()))
    if m is None:
        return None
    return m.group("number").strip(" .…_"), m.group("symbol")


def number_problems(line: str) -> list[tuple[str, str, str]]:
    """Departures of a typed "Số:" line from II.3, as ``(code, expected, found)``.

    Codes: ``colon`` ("Số:" with its colon), ``leading-zero`` (numbers below 10 take a zero,
    :func:`vanban.nd30.numbering.number_text`), ``symbol-shape`` (the groups of the ký hiệu
    joined by "-" with no spaces, :func:`vanban.nd30.numbering.symbol`; letters in capitals).

    >>> number_problems("Số: 05/QĐ-SNV"), number_problems("Số:     /UBND-VX")
    ([], [])
    >>> number_problems("Số: 5/qđ - SNV")
    [('leading-zero', 'Số: 05/', 'Số: 5/'), ('symbol-shape', 'QĐ-SNV', 'qđ - SNV')]
    """
    parsed = parse_number_line(line)
    if parsed is None:
        return []
    number, sym = parsed
    out: list[tuple[str, str, str]] = []
    if not _NUMBER_RE.match(" ".join(line.split())).group("colon"):  # type: ignore[union-attr]
        out.append(("colon", "Số:", "Số"))
    if number.isdigit() and int(number) >= 1 and number != numbering.number_text(int(number)):
        out.append(("leading-zero", f"Số: {numbering.number_text(int(number))}/", f"Số: {number}/"))
    groups = [g.strip() for g in sym.split("-")]
    expected = "-".join(g.upper() if g.upper() not in _MIXED else _MIXED[g.upper()] for g in groups)
    allowed_case = all(g == g.upper() or g in _MIXED.values() for g in groups)
    if sym and (sym != "-".join(groups) or not allowed_case):
        out.append(("symbol-shape", expected, sym))
    return out


# Abbreviations the decree prints in mixed case (Phụ lục III, Mục I).
_MIXED = {
    t.abbreviation.upper(): t.abbreviation
    for t in doctypes.DOC_TYPES.values()
    if t.abbreviation and t.abbreviation != t.abbreviation.upper()
}


def symbol_doc_type(sym: str) -> doctypes.DocType | None:
    """The document type named by the first group of a ký hiệu (Phụ lục III, Mục I).

    A Công văn's ký hiệu starts with the issuer's abbreviation, so it names no type.

    >>> symbol_doc_type("KH-UBND").key, symbol_doc_type("TTr-SCT").key
    ('ke_hoach', 'to_trinh')
    >>> symbol_doc_type("UBND-VX") is None
    True
    """
    first = sym.split("-", 1)[0].strip().upper()
    return _ABBREVIATIONS.get(first)


def heading_doc_type(heading: str) -> doctypes.DocType | None:
    """The document type whose tên loại starts a heading line ("BIÊN BẢN THẨM ĐỊNH").

    >>> heading_doc_type("QUYẾT ĐỊNH").key, heading_doc_type("BIÊN BẢN THẨM ĐỊNH").key
    ('quyet_dinh', 'bien_ban')
    >>> heading_doc_type("GIẤY PHÉP") is None, heading_doc_type("QUYẾT ĐỊNH:") is None
    (True, True)
    """
    key = comparable(heading).upper()
    if key.endswith(":"):
        return None
    best: doctypes.DocType | None = None
    for t in doctypes.DOC_TYPES.values():
        name = comparable(t.heading).upper()
        if (key == name or key.startswith(name + " ")) and (
            best is None or len(t.heading) > len(best.heading)
        ):
            best = t
    return best


def is_letter_heading(heading: str) -> bool:
    """Whether a heading is that of a Thư công ("THƯ CHÚC MỪNG", "THƯ CẢM ƠN", "THƯ CÔNG"):
    the decree gives the type no Mẫu and no abbreviation (Điều 7; Phụ lục III), so it
    is told by its heading, UPPERCASE, starting with "THƯ".

    >>> is_letter_heading("THƯ CHÚC MỪNG"), is_letter_heading("THƯ KÝ")
    (True, False)
    >>> is_letter_heading("Thư cảm ơn"), is_letter_heading("THÔNG BÁO")
    (False, False)
    """
    key = comparable(heading).strip()
    return key == key.upper() and key.startswith("THƯ ") and not key.startswith("THƯ KÝ")


# --------------------------------------------------------------------------- body, signer, lists


def basis_problems(lines: list[str]) -> list[tuple[int, str, str]]:
    """Punctuation of the căn cứ lines (II.6.a): ``(index, expected ending, found)`` per line.

    Each ends with ";", the last with "." (:func:`vanban.nd30.text.basis_lines`).

    >>> basis_problems(["Căn cứ Luật A;", "Căn cứ Nghị định B."])
    []
    >>> basis_problems(["Căn cứ Luật A.", "Căn cứ Nghị định B"])
    [(0, ';', '.'), (1, '.', 'B')]
    """
    want = text.basis_lines(lines)
    out = []
    for i, (line, expected) in enumerate(zip(lines, want, strict=True)):
        if line.rstrip() != expected:
            out.append((i, expected[-1], line.rstrip()[-1:] or "(trống)"))
    return out


def has_end_mark(value: str) -> bool:
    """Whether typed content closes with the end mark "./." of the Phụ lục III templates:
    the writer's test (:func:`vanban.nd30.text.has_end_mark`) with the spaces a person may
    type inside the mark ignored.

    >>> has_end_mark("trân trọng báo cáo./."), has_end_mark("thực hiện."), has_end_mark("xong . /. ")
    (True, False, True)
    """
    return text.has_end_mark(value.replace(" ", ""))


_PREFIX_RE = LazyPattern(r"^(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\.M|K\.T|TM|KT|TL|TUQ|Q)\b\.?\s*", re.I)


def signer_prefix_problem(line: str) -> tuple[str, str] | None:
    """A malformed quyền hạn prefix (Điều 13; II.7.a) as ``(expected, found)``, else None.

    The forms are "TM.", "KT.", "TL.", "TUQ.", "Q." followed by a space.

    >>> signer_prefix_problem("KT. GIÁM ĐỐC") is None, signer_prefix_problem("GIÁM ĐỐC") is None
    (True, True)
    >>> signer_prefix_problem("K/T GIÁM ĐỐC"), signer_prefix_problem("TM UBND TỈNH")
    (('KT.', 'K/T'), ('TM.', 'TM'))
    """
    m = _PREFIX_RE().match(line.strip())
    if m is None:
        return None
    found = m.group(0).strip()
    letters = re.sub(r"[^A-Za-z]", "", found).upper()
    expected = f"{letters}."
    if expected not in SIGNER_PREFIXES:
        return None
    rest = line.strip()[m.end() :]
    if found == expected and (not rest or line.strip()[len(found)] == " "):
        return None
    if letters == "Q" and found == "Q" and rest and rest[0].islower():
        return None
    return expected, found


#: The word that starts the archive line ("Lưu"), as typed with or without its colon.
_ARCHIVE_WORD = recipients.ARCHIVE_LABEL.rstrip(":")
# "Lưu: VT, NC.Châu": the unit closed by its ".", then the drafter's mark (ô 12).
_DRAFTER_MARK = LazyPattern(r"\.\s*[^\s,;.][^,;]{0,24}$")


def recipient_problem(line: str, *, last: bool) -> tuple[str, str, str] | None:
    """A recipient line against II.9.d, as ``(code, expected, found)``, or None.

    Codes: ``dash`` (starts with "-"), ``semicolon`` (a line but the last ends with ";"),
    ``archive`` (the last line is the Lưu line, :func:`vanban.nd30.recipients.archive_line`,
    ending with ".").

    >>> recipient_problem("- Như trên;", last=False), recipient_problem("- Lưu: VT, CN.", last=True)
    (None, None)
    >>> recipient_problem("- Sở Tài chính", last=False)
    ('semicolon', '- Sở Tài chính;', '- Sở Tài chính')
    >>> recipient_problem("- Lưu: VT, NC.Châu", last=True) is None  # drafter's mark after
    True
    >>> recipient_problem("- Lưu VT, CN", last=True)
    ('archive', '- Lưu: VT, CN.', '- Lưu VT, CN')
    """
    s = " ".join(line.split())
    if not s.startswith(("-", "+", "–")):
        return ("dash", f"- {s}", s)
    body = s.lstrip("-+– ").strip()
    if last:
        if not body.lower().startswith(_ARCHIVE_WORD.lower()):
            return None
        rest = body[len(_ARCHIVE_WORD) :].lstrip(" :").rstrip(".")
        units = [u.strip() for u in rest.split(",") if u.strip()]
        first = recipients.ARCHIVE_FIRST
        want = "- " + recipients.archive_line([u for u in units if u.upper() != first])
        closed = body.endswith(".") or _DRAFTER_MARK().search(body) is not None
        if not (body.startswith(recipients.ARCHIVE_LABEL) and closed):
            return ("archive", want, s)
        return None
    if body.lower().startswith(_ARCHIVE_WORD.lower()):
        return None
    if not s.endswith((";", ",")):
        return ("semicolon", f"{s.rstrip('.:,')};", s)
    return None


def addressee_problems(lines: list[str]) -> list[tuple[int, str, str]]:
    """The addressees listed under "Kính gửi:" (II.9.a), as ``(index, expected, found)``.

    With several addressees each is on its own line starting with "-", ending with ";", the
    last with "." (the decree's example: "- Bộ Nội vụ;" / "- Bộ Tài chính.").

    >>> addressee_problems(["- Bộ Nội vụ;", "- Bộ Tài chính."])
    []
    >>> addressee_problems(["- Bộ Nội vụ", "- Bộ Tài chính;"])
    [(0, '- Bộ Nội vụ;', '- Bộ Nội vụ'), (1, '- Bộ Tài chính.', '- Bộ Tài chính;')]
    """
    out = []
    for i, line in enumerate(lines):
        s = " ".join(line.split())
        end = "." if i == len(lines) - 1 else ";"
        if not s.endswith(end):
            out.append((i, s.rstrip(".;,:") + end, s))
    return out


def mark_text(value: str) -> str | None:
    """The urgency or secrecy mark a line is, if it is one exactly (III.2.a–b).

    >>> mark_text("HỎA TỐC"), mark_text("Khẩn"), mark_text("Khẩn trương triển khai")
    ('HỎA TỐC', 'KHẨN', None)
    """
    key = comparable(value).upper()
    for mark in (*URGENCY_MARKS, *SECRECY_MARKS):
        if key == comparable(mark).upper():
            return mark
    return None

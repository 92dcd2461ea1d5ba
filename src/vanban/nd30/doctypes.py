"""Tên loại văn bản hành chính and their abbreviations (Điều 7; Phụ lục III, Mục I).

The abbreviation is the first group of the ký hiệu ("KH" in "05/KH-UBND"). Mixed-case
forms (QyĐ, CTr, TTr) are kept exactly as the decree's table prints them. Công văn has no
abbreviation: its ký hiệu is "<issuer>-<unit>" (Phụ lục I, Mục II, 3). Thư công (Điều 7, type 29) has
neither an abbreviation nor a Mẫu (Điều 7; no Mẫu in Phụ lục III): vanban prints it without Số, ký hiệu.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban._record import FrozenRecord


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class DocType(FrozenRecord):
    """One document type: its name as printed in the document (tên loại), its abbreviation,
    and the facts of its form that the layout, the checker and the import read (each type's
    Mẫu in Phụ lục III; the types of Điều 7 without one have none).

    >>> DOC_TYPES["ke_hoach"].heading
    'KẾ HOẠCH'
    >>> DOC_TYPES["ke_hoach"].abbreviation
    'KH'
    >>> DOC_TYPES["cong_van"].subject_line, DOC_TYPES["cong_van"].named
    (True, False)
    >>> DOC_TYPES["bien_ban"].header_date, DOC_TYPES["bien_ban"].signers
    (False, 2)
    """

    key: str
    name: str
    abbreviation: str | None
    #: Số, ký hiệu in the header (ô 3); a Thư công has none (Điều 7; no Mẫu in Phụ lục III).
    number: bool = True
    #: Địa danh and ngày in the header (ô 4); Mẫu 1.9 (Biên bản) has none.
    header_date: bool = True
    #: The tên loại printed above the trích yếu (ô 5a); not in a Công văn (Mẫu 1.5) nor a
    #: Thư công, which prints a heading of its own.
    named: bool = True
    #: The trích yếu as the "V/v …" line under the Số (ô 5b, Mẫu 1.5).
    subject_line: bool = False
    #: A trích yếu under the tên loại; Mẫu 1.8 and 1.10 have none (the rule is under the
    #: tên loại).
    title: bool = True
    #: Opens with a greeting ("Kính gửi …!") rather than a Kính gửi block (Thư công).
    greeting: bool = False
    #: Addressed to bodies in a Kính gửi block as part of its form (Mẫu 1.5).
    addressed: bool = False
    #: The body opens with the sender line "<CƠ QUAN> điện:" (Mẫu 1.6).
    sender_line: bool = False
    #: How many sign side by side: 2 for a Biên bản (Mẫu 1.9) and the two-party texts.
    signers: int = 1
    #: A xác nhận block under the signature (Mẫu 1.10).
    confirmation: bool = False
    #: May open with căn cứ lines in italics (a Công văn's "Căn cứ …" is prose).
    basis: bool = True
    #: Prints its căn cứ lines as a block of the body (Mẫu 1.2–1.4 and the plans built on
    #: 1.4): lines opening with "Căn cứ" and ending with ";" are căn cứ even without a
    #: "QUYẾT ĐỊNH:" line under them.
    basis_block: bool = False
    #: The căn cứ block closes with "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" (Mẫu 1.1–1.3).
    decision_line: bool = False
    #: An authority line between the trích yếu and the căn cứ ("THẨM QUYỀN BAN HÀNH",
    #: Mẫu 1.2, 1.3, chú thích 6).
    authority: bool = False
    #: The body is in Điều ("Điều 1.", Mẫu 1.1–1.3).
    articles: bool = False
    #: A Nơi nhận block in its Mẫu: none for a Biên bản (optional, under the left signer),
    #: the two-party texts, the Thư công, and the texts a Quyết định issues (Mẫu 1.3: Quy
    #: chế, Quy định).
    recipients: bool = True

    def __init__(
        self,
        key: str,
        name: str,
        abbreviation: str | None,
        number: bool = True,
        header_date: bool = True,
        named: bool = True,
        subject_line: bool = False,
        title: bool = True,
        greeting: bool = False,
        addressed: bool = False,
        sender_line: bool = False,
        signers: int = 1,
        confirmation: bool = False,
        basis: bool = True,
        basis_block: bool = False,
        decision_line: bool = False,
        authority: bool = False,
        articles: bool = False,
        recipients: bool = True,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "key", key)
        setattr_(self, "name", name)
        setattr_(self, "abbreviation", abbreviation)
        setattr_(self, "number", number)
        setattr_(self, "header_date", header_date)
        setattr_(self, "named", named)
        setattr_(self, "subject_line", subject_line)
        setattr_(self, "title", title)
        setattr_(self, "greeting", greeting)
        setattr_(self, "addressed", addressed)
        setattr_(self, "sender_line", sender_line)
        setattr_(self, "signers", signers)
        setattr_(self, "confirmation", confirmation)
        setattr_(self, "basis", basis)
        setattr_(self, "basis_block", basis_block)
        setattr_(self, "decision_line", decision_line)
        setattr_(self, "authority", authority)
        setattr_(self, "articles", articles)
        setattr_(self, "recipients", recipients)

    @property
    def heading(self) -> str:
        """The tên loại as printed above the trích yếu: UPPERCASE (Phụ lục I, II.5.b)."""
        return self.name.upper()


_TABLE = [
    ("nghi_quyet", "Nghị quyết", "NQ"),
    ("quyet_dinh", "Quyết định", "QĐ"),
    ("chi_thi", "Chỉ thị", "CT"),
    ("quy_che", "Quy chế", "QC"),
    ("quy_dinh", "Quy định", "QyĐ"),
    ("thong_cao", "Thông cáo", "TC"),
    ("thong_bao", "Thông báo", "TB"),
    ("huong_dan", "Hướng dẫn", "HD"),
    ("chuong_trinh", "Chương trình", "CTr"),
    ("ke_hoach", "Kế hoạch", "KH"),
    ("phuong_an", "Phương án", "PA"),
    ("de_an", "Đề án", "ĐA"),
    ("du_an", "Dự án", "DA"),
    ("bao_cao", "Báo cáo", "BC"),
    ("bien_ban", "Biên bản", "BB"),
    ("to_trinh", "Tờ trình", "TTr"),
    ("hop_dong", "Hợp đồng", "HĐ"),
    ("cong_dien", "Công điện", "CĐ"),
    ("ban_ghi_nho", "Bản ghi nhớ", "BGN"),
    ("ban_thoa_thuan", "Bản thỏa thuận", "BTT"),
    ("giay_uy_quyen", "Giấy ủy quyền", "GUQ"),
    ("giay_moi", "Giấy mời", "GM"),
    ("giay_gioi_thieu", "Giấy giới thiệu", "GGT"),
    ("giay_nghi_phep", "Giấy nghỉ phép", "GNP"),
    ("phieu_gui", "Phiếu gửi", "PG"),
    ("phieu_chuyen", "Phiếu chuyển", "PC"),
    ("phieu_bao", "Phiếu báo", "PB"),
    ("cong_van", "Công văn", None),
    ("thu_cong", "Thư công", None),
]

#: What sets each type's form apart from Mẫu 1.4 (the common form), by key.
_FACTS: dict[str, dict[str, object]] = {
    "nghi_quyet": {"basis_block": True, "decision_line": True, "articles": True},
    "quyet_dinh": {"basis_block": True, "decision_line": True, "articles": True, "authority": True},
    "chi_thi": {"basis_block": True},
    "quy_che": {"articles": True, "recipients": False},
    "quy_dinh": {"articles": True, "recipients": False},
    "huong_dan": {"basis_block": True},
    "chuong_trinh": {"basis_block": True},
    "ke_hoach": {"basis_block": True},
    "phuong_an": {"basis_block": True},
    "de_an": {"basis_block": True},
    "du_an": {"basis_block": True},
    "bien_ban": {"header_date": False, "signers": 2, "recipients": False},
    "hop_dong": {"signers": 2, "recipients": False},
    "ban_ghi_nho": {"signers": 2, "recipients": False},
    "ban_thoa_thuan": {"signers": 2, "recipients": False},
    "cong_dien": {"sender_line": True},
    "giay_gioi_thieu": {"title": False},
    "giay_nghi_phep": {"title": False, "confirmation": True},
    "cong_van": {"named": False, "subject_line": True, "addressed": True, "basis": False},
    "thu_cong": {"number": False, "named": False, "greeting": True, "recipients": False},
}

#: The Phụ lục III table, keyed by the snake-case name used in data files (``type: ke_hoach``).
DOC_TYPES: dict[str, DocType] = {
    key: DocType(key, name, abbr, **_FACTS.get(key, {}))  # type: ignore[arg-type]
    for key, name, abbr in _TABLE
}

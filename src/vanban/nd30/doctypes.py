"""Tên loại văn bản hành chính and their abbreviations (Phụ lục III, Mục I; nd30.md §7).

The abbreviation is the first group of the ký hiệu ("KH" in "05/KH-UBND"). Mixed-case
forms (QyĐ, CTr, TTr) are kept exactly as the decree's table prints them. Công văn has no
abbreviation: its ký hiệu is "<issuer>-<unit>" (nd30.md §6). Thư công (Điều 7, type 29) has
neither an abbreviation nor a Mẫu (nd30-types.md §15): vanban prints it without Số, ký hiệu.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    """One document type: its name as printed in the document (tên loại) and its abbreviation.

    >>> DOC_TYPES["ke_hoach"].heading
    'KẾ HOẠCH'
    >>> DOC_TYPES["ke_hoach"].abbreviation
    'KH'
    """

    key: str
    name: str
    abbreviation: str | None

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

#: The Phụ lục III table, keyed by the snake-case name used in data files (``type: ke_hoach``).
DOC_TYPES: dict[str, DocType] = {key: DocType(key, name, abbr) for key, name, abbr in _TABLE}

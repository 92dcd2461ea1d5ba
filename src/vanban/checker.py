"""The NĐ30 checker: read any .docx and compare what it finds with the rules' constants.

It finds the components the way a văn thư does, by what they say and where they stand (the
header table, the Quốc hiệu and Tiêu ngữ, "Số:", the date line, the tên loại, the body, the
"Nơi nhận:" and signer table, the page-number header), reads their *effective* formatting
(docDefaults → style chain → direct, :mod:`vanban.docx_reader`) and checks it against
:mod:`vanban.nd30`. It reads the same constants the template is built from, so the two
cannot drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from vanban import _metrics
from vanban.docx_reader import DocxView, ParaView, read_docx
from vanban.layout.common import MOTTO, NATIONAL_NAME
from vanban.nd30 import doctypes, page

#: Rounding tolerance on lengths, in twips (nd30.md §15).
TOLERANCE = 2


@dataclass(frozen=True)
class Finding:
    """One departure from the rules: which rule (nd30.md section), where, what."""

    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.message}"


def _sizes(p: ParaView) -> set[float]:
    return {r.size_pt for r in p.runs if r.text.strip()}


def _all(p: ParaView, attr: str) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(getattr(r, attr) for r in runs)


def _none(p: ParaView, attr: str) -> bool:
    return not any(getattr(r, attr) for r in p.runs if r.text.strip())


def _rule_length(p: ParaView, container: int) -> int:
    return container - p.left_indent - p.right_indent


def _is_rule(p: ParaView) -> bool:
    return not p.text.strip() and any(s in p.borders for s in ("top", "bottom"))


class _Checker:
    def __init__(self, view: DocxView) -> None:
        self.v = view
        self.out: list[Finding] = []

    def bad(self, rule: str, where: str, message: str) -> None:
        self.out.append(Finding(rule, where, message))

    def size_in(self, p: ParaView, lo: float, hi: float, rule: str, where: str) -> float | None:
        sizes = _sizes(p)
        if not sizes:
            return None
        if len(sizes) > 1 or not lo <= min(sizes) <= max(sizes) <= hi:
            want = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
            self.bad(rule, where, f"cỡ chữ {sorted(sizes)} pt, cần {want} pt")
        return min(sizes)

    def component(
        self, p: ParaView, lo: float, hi: float, rule: str, where: str, style: str
    ) -> float:
        """Check a component's size range and its bold/italic style; return its size."""
        size = self.size_in(p, lo, hi, rule, where) or 0
        if not _all(p, style):
            self.bad(rule, where, "phải in đậm" if style == "bold" else "phải in nghiêng")
        return size

    def run(self) -> list[Finding]:
        self.page()
        self.fonts()
        self.header()
        self.heading_and_body()
        self.bottom()
        self.page_numbers()
        return self.out

    def page(self) -> None:
        s = self.v.section
        if (s.page_width, s.page_height) not in ((11906, 16838), (11907, 16840), (11907, 16839)):
            self.bad("§1", "trang", f"khổ giấy {s.page_width}×{s.page_height} twips, cần A4 dọc")
        if s.orientation != "portrait":
            self.bad("§1", "trang", "trang phải in theo chiều dọc")
        for side, name in (
            ("top", "trên"),
            ("bottom", "dưới"),
            ("left", "trái"),
            ("right", "phải"),
        ):
            value = getattr(s, f"margin_{side}") or 0
            lo, hi = (page.mm(x) for x in page.MARGIN_RANGES_MM[side])
            if not lo - TOLERANCE <= value <= hi + TOLERANCE:
                self.bad(
                    "§1",
                    f"lề {name}",
                    f"{value / page.TWIPS_PER_MM:.1f} mm, cần "
                    f"{page.MARGIN_RANGES_MM[side][0]}–{page.MARGIN_RANGES_MM[side][1]} mm",
                )

    def fonts(self) -> None:
        for i, p in enumerate(self.v.paragraphs):
            for r in p.runs:
                if not r.text.strip():
                    continue
                if r.font != page.FONT:
                    self.bad("§1", f"đoạn {i + 1}", f"phông {r.font!r}, cần {page.FONT}")
                    return
                if r.color not in (None, "auto", page.COLOR):
                    self.bad("§1", f"đoạn {i + 1}", f"màu chữ {r.color}, cần màu đen")
                    return

    def header(self) -> dict[str, float]:
        found: dict[str, float] = {}
        cells = [p for p in self.v.paragraphs if p.table == 0]
        if not cells:
            self.bad("§13", "đầu văn bản", "không có bảng tiêu đề (Mẫu 1.4)")
            return found
        grid = self.v.tables[0].grid

        def find(pred: object) -> ParaView | None:
            return next((p for p in cells if pred(p)), None)  # type: ignore[operator]

        national = find(lambda p: p.text.strip() == NATIONAL_NAME)
        motto = find(lambda p: p.text.strip() == MOTTO)
        number = find(lambda p: p.text.strip().startswith("Số:"))
        date = find(lambda p: ", ngày " in p.text)
        for name, p in (
            ("Quốc hiệu", national),
            ("Tiêu ngữ", motto),
            ("Số, ký hiệu", number),
            ("Địa danh, ngày", date),
        ):
            if p is None:
                self.bad("§3", name, "không tìm thấy trong bảng tiêu đề")
        if national:
            found["national"] = self.component(national, 12, 13, "§3 1a", "Quốc hiệu", "bold")
        if motto:
            found["motto"] = self.component(motto, 13, 14, "§3 1b", "Tiêu ngữ", "bold")
            self.motto_rule(motto, cells, grid)
        if number:
            self.size_in(number, 13, 13, "§3 3", "Số, ký hiệu")
            if date and (number.row != date.row or number.cell == date.cell):
                self.bad("§3 4", "Số và ngày", "phải cùng một dòng (cùng hàng của bảng)")
        if date:
            found["date"] = self.component(date, 13, 14, "§3 4", "Địa danh, ngày", "italic")
        self.issuer(cells, grid)
        n, m, d = found.get("national"), found.get("motto"), found.get("date")
        if n and m and d and (n, m, d) not in ((13, 14, 14), (12, 13, 13)):
            self.bad(
                "§1",
                "cỡ chữ",
                f"Quốc hiệu {n:g}, Tiêu ngữ {m:g}, ngày {d:g}: các cỡ "
                "phải cùng tăng giảm (13/14/14 hoặc 12/13/13)",
            )
        return found

    def motto_rule(self, motto: ParaView, cells: list[ParaView], grid: list[int]) -> None:
        after = cells[cells.index(motto) + 1 :]
        rule = next((p for p in after if _is_rule(p)), None)
        if rule is None:
            self.bad("§3 1b", "Tiêu ngữ", "thiếu đường kẻ dưới Tiêu ngữ")
            return
        width = grid[motto.cell or 0] - 2 * page.CELL_MARGIN
        length = _rule_length(rule, width)
        size = min(_sizes(motto) or {14})
        text = _metrics.text_width(MOTTO, size, bold=True)
        if abs(length - text) > 0.03 * text:
            self.bad(
                "§3 1b",
                "đường kẻ dưới Tiêu ngữ",
                f"dài {length} twips, cần bằng dòng Tiêu ngữ ({text:.0f} twips)",
            )

    def issuer(self, cells: list[ParaView], grid: list[int]) -> None:
        left = [p for p in cells if p.cell == 0 and p.row == 0]
        issuer = [p for p in left if p.text.strip() and _all(p, "bold")]
        parent = [p for p in left if p.text.strip() and _none(p, "bold")]
        if not issuer:
            self.bad("§3 2b", "tên cơ quan ban hành", "không tìm thấy (chữ in hoa, đậm, ô trái)")
            return
        for p in issuer + parent:
            if p.text != p.text.upper():
                self.bad("§3 2", "tên cơ quan", f"phải in hoa: {p.text!r}")
            self.size_in(p, 12, 13, "§3 2", "tên cơ quan")
        rule = next((p for p in left if _is_rule(p)), None)
        if rule is None:
            self.bad("§3 2b", "tên cơ quan ban hành", "thiếu đường kẻ dưới tên cơ quan")
            return
        width = grid[0] - 2 * page.CELL_MARGIN
        longest = max(
            _metrics.longest_line_width(p.text, width, min(_sizes(p)), bold=True) for p in issuer
        )
        self.ratio(_rule_length(rule, width), longest, "§3 2b", "đường kẻ dưới tên cơ quan")

    def ratio(self, length: float, text: float, rule: str, where: str) -> None:
        lo, hi = page.RULE_FRACTION_RANGE
        if text and not lo * text - TOLERANCE <= length <= hi * text + TOLERANCE:
            self.bad(
                rule, where, f"dài {length:.0f} twips = {length / text:.0%} dòng chữ, cần 1/3–1/2"
            )

    def heading_and_body(self) -> None:
        free = [(i, p) for i, p in enumerate(self.v.paragraphs) if p.table is None]
        names = {t.heading for t in doctypes.DOC_TYPES.values()}
        start = next((k for k, (_, p) in enumerate(free) if p.text.strip() in names), None)
        if start is None:
            self.bad("§3 5a", "tên loại", "không tìm thấy tên loại văn bản (ví dụ KẾ HOẠCH)")
            return
        kind = free[start][1]
        self.size_in(kind, 13, 14, "§3 5a", "tên loại")
        if not _all(kind, "bold") or kind.alignment != "center":
            self.bad("§3 5a", "tên loại", "phải in đậm, căn giữa")
        k = start + 1
        title: list[ParaView] = []
        while k < len(free) and free[k][1].text.strip() and not _is_rule(free[k][1]):
            title.append(free[k][1])
            k += 1
        if not title:
            self.bad("§3 5a", "trích yếu", "không tìm thấy trích yếu dưới tên loại")
        for p in title:
            self.size_in(p, 13, 14, "§3 5a", "trích yếu")
            if not _all(p, "bold") or p.alignment != "center":
                self.bad("§3 5a", "trích yếu", "phải in đậm, căn giữa")
        if k < len(free) and _is_rule(free[k][1]) and title:
            width = self.v.section.page_width or page.PAGE_WIDTH
            width -= (self.v.section.margin_left or 0) + (self.v.section.margin_right or 0)
            longest = max(
                _metrics.longest_line_width(p.text, width, min(_sizes(p) or {14}), bold=True)
                for p in title
            )
            self.ratio(_rule_length(free[k][1], width), longest, "§3 5a", "đường kẻ dưới trích yếu")
            k += 1
        else:
            self.bad("§3 5a", "trích yếu", "thiếu đường kẻ dưới trích yếu")
        body = [p for _, p in free[k:] if p.text.strip()]
        body_sizes = set()
        for n, p in enumerate(body, 1):
            where = f"nội dung, đoạn {n}: {p.text[:40]!r}"
            s = self.size_in(p, 13, 14, "§4", where)
            if s:
                body_sizes.add(s)
            if p.alignment != "both":
                self.bad("§4", where, f"căn lề {p.alignment}, cần căn đều hai bên")
            if p.first_line not in page.FIRST_LINE_INDENTS_ALLOWED:
                self.bad("§4", where, f"lùi đầu dòng {p.first_line} twips, cần 1 cm hoặc 1,27 cm")
            if n > 1 and p.space_before + p.space_after < page.PARAGRAPH_SPACING_MIN:
                self.bad("§4", where, "khoảng cách giữa các đoạn dưới 6 pt")
            lo, hi = page.LINE_SPACING_RANGE
            if p.line_rule != "auto" or not lo <= p.line <= hi:
                self.bad(
                    "§4", where, f"giãn dòng {p.line}/{p.line_rule}, cần từ dòng đơn đến 1,5 dòng"
                )
        if len(body_sizes) > 1:
            self.bad("§4", "nội dung", f"cỡ chữ không thống nhất: {sorted(body_sizes)}")

    def bottom(self) -> None:
        if len(self.v.tables) < 2:
            self.bad("§9", "nơi nhận", "không có bảng nơi nhận và chữ ký")
            return
        t = len(self.v.tables) - 1
        cells = [p for p in self.v.paragraphs if p.table == t and p.text.strip()]
        left = [p for p in cells if p.cell == 0]
        right = [p for p in cells if p.cell == 1]
        if not left or left[0].text.strip() != "Nơi nhận:":
            self.bad("§9", "nơi nhận", 'thiếu nhãn "Nơi nhận:"')
        else:
            label = left[0]
            self.size_in(label, 12, 12, "§9", '"Nơi nhận:"')
            if not (_all(label, "bold") and _all(label, "italic")):
                self.bad("§9", '"Nơi nhận:"', "phải in nghiêng, đậm")
            lines = left[1:]
            for n, p in enumerate(lines, 1):
                where = f"nơi nhận, dòng {n}"
                self.size_in(p, 11, 11, "§9", where)
                text = p.text.strip()
                last = n == len(lines)
                if not text.startswith("- "):
                    self.bad("§9", where, 'phải bắt đầu bằng "- "')
                if last and not (text.startswith("- Lưu") and text.endswith(".")):
                    self.bad("§9", where, 'dòng cuối phải là "- Lưu: VT, …."')
                if not last and not text.endswith(";"):
                    self.bad("§9", where, 'phải kết thúc bằng ";"')
        if not right:
            self.bad("§8", "chữ ký", "không có khối chữ ký ở ô phải")
            return
        for p in right:
            self.size_in(p, 13, 14, "§8", "khối chữ ký")
            if not _all(p, "bold"):
                self.bad("§8", "khối chữ ký", f"phải in đậm: {p.text!r}")
        for p in right[:-1]:
            if p.text != p.text.upper():
                self.bad("§8", "quyền hạn, chức vụ", f"phải in hoa: {p.text!r}")
        if left and right and left[0].row != right[0].row:
            self.bad("§9", '"Nơi nhận:"', "phải ngang dòng quyền hạn, chức vụ")

    def page_numbers(self) -> None:
        if not self.v.section.title_page:
            self.bad("§10", "số trang", "trang 1 phải không có số trang (cần titlePg)")
        first = self.v.headers.get("first")
        if first and "PAGE" in " ".join(first.fields).upper():
            self.bad("§10", "số trang", "trang 1 không hiển thị số trang")
        default = self.v.headers.get("default")
        if default is None or not any(f.strip().upper().startswith("PAGE") for f in default.fields):
            self.bad("§10", "số trang", "thiếu số trang (trường PAGE) ở lề trên")
            return
        p = next((p for p in default.paragraphs if p.runs), None)
        if p is not None:
            if p.alignment != "center":
                self.bad("§10", "số trang", "phải căn giữa")
            self.size_in(p, 13, 14, "§10", "số trang")


def check_docx(source: bytes | str | os.PathLike[str]) -> list[Finding]:
    """Check a .docx against the NĐ30 rules; an empty list means nothing was found wrong.

    ``source`` is the file's bytes or path. What is not a well-formed .docx within the
    limits of :mod:`vanban._package` (zip bombs, nesting, negative grid widths) raises
    :class:`vanban.ValidationError`.
    """
    from vanban._package import untrusted_docx  # entry guard: strangers' files

    return _Checker(read_docx(untrusted_docx(source))).run()

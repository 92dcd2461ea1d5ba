"""The NĐ30 checker: read a Word document as a văn thư reads it and report each departure.

It finds the components by what they say and where they stand, not by table position: the
Quốc hiệu wherever the header grid puts it (2 or 3 columns, spacer columns, rows split), the
issuer and "Số:" to its left, the date under it, the tên loại or (for a Công văn) the "V/v"
line, the body, the "Nơi nhận:" block by its label and the signer block by its content
(quyền hạn, chức vụ, name). Lines are seen whether they are paragraph borders, cell
borders, DrawingML or VML shapes, or rows of underscores. Every section is read, so a
landscape phụ lục is allowed and each phụ lục is checked by its own rules.

Each finding names a rule of :mod:`vanban.nd30.catalogue` (ID, severity, clause), says what
was expected and what was found in a clerk's units (cm, mm, pt), and where (an estimated
page, the paragraph counted as a reader counts them, an excerpt). Findings of one rule are
grouped into one with a count. The rules' values come from :mod:`vanban.nd30`.
"""

from __future__ import annotations

import math
import os
import re
import zlib
from dataclasses import dataclass, field, replace
from typing import Any

from vanban import _metrics
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.errors import Problem, ValidationError
from vanban.nd30 import cable, forms, header, page, recipients, rules
from vanban.nd30.catalogue import (
    A4_TEXT,
    ERROR,
    INDENT_TEXT,
    LINE_SPACING_TEXT,
    PARAGRAPH_SPACING_TEXT,
    RULES,
)
from vanban.nd30.text import END_MARK

__all__ = ["Finding", "Report", "UnreadableDocx", "Where", "check_docx", "check_report"]

#: Tolerance on page lengths: half a millimetre, in twips.
TOLERANCE = 28
#: Body first-line indents accepted: 1 cm to 1.27 cm, each ±0.5 mm (Phụ lục I, II.6.e).
INDENT_RANGE = (
    page.FIRST_LINE_INDENTS_ALLOWED[0] - TOLERANCE,
    page.FIRST_LINE_INDENTS_ALLOWED[1] + TOLERANCE,
)
#: How many locations a grouped finding lists.
MAX_LOCATIONS = 3
_APPENDIX_RE = re.compile(r"^(PHỤ LỤC|Phụ lục)(\s+([IVXLC]+|\d+|[A-Z]))?\b\.?")
#: The Quốc hiệu, by which the header table of an issued text (Mẫu 1.3) is found.
_NATIONAL = "XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_SIZE_TOLERANCE = 0.01
#: Margins assumed where a section gives none (to estimate pages): vanban's own, in twips.
_MARGINS = page.MARGINS_DEFAULT.twips()
#: How the recipients' label and the archive line start, in lower case ("nơi nhận", "lưu"),
#: and the archive line a finding shows ("- Lưu: VT, ….").
_LABEL_WORD = recipients.LABEL.rstrip(":").lower()
_ARCHIVE_WORD = recipients.ARCHIVE_LABEL.rstrip(":").lower()
_ARCHIVE_LINE = "- " + recipients.archive_line(["…"])
#: Accepted "auto" line spacings (240ths of a line): single to 1.5 lines (Phụ lục I, II.6.e),
#: with the slack the checker has always allowed: 0.05 line below, 0.025 above.
_LINE_RANGE = (page.LINE_SPACING_RANGE[0] - 12, page.LINE_SPACING_RANGE[1] + 6)


class UnreadableDocx(ValidationError):
    """The file is not a Word document the checker can read (message in Vietnamese)."""

    def __init__(self, message: str, source: str | None = None) -> None:
        self.message = message
        super().__init__([Problem("", "unreadable_docx", message, source)])

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Where:
    """Where a finding is: estimated page, paragraph as a reader counts them, an excerpt."""

    page_estimate: int | None = None
    paragraph: int | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        parts = []
        if self.page_estimate:
            parts.append(f"trang ~{self.page_estimate}")
        if self.paragraph:
            parts.append(f"đoạn {self.paragraph}")
        if self.excerpt:
            parts.append(f"«{self.excerpt}»")
        return ", ".join(parts)


@dataclass
class Finding:
    """One departure from a rule; repeated departures of a rule are grouped (``count``)."""

    rule: str
    severity: str
    clause: str
    component: str
    message: str
    expected: str = ""
    found: str = ""
    where: Where = field(default_factory=Where)
    count: int = 1
    more: list[Where] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"[{self.rule}] {self.component}: {self.message}"
        if self.expected or self.found:
            text += f" (cần «{self.expected}», thấy «{self.found}»)"
        where = str(self.where)
        if where:
            text += f" — {where}"
        if self.count > 1:
            text += f" (và {self.count - 1} chỗ khác)"
        return text

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in docs/checker.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "clause": self.clause,
            "component": self.component,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "where": {
                "page_estimate": self.where.page_estimate,
                "paragraph": self.where.paragraph,
                "excerpt": self.where.excerpt,
            },
            "count": self.count,
        }


@dataclass
class Report:
    """What the checker says about one file."""

    file: str
    document_type: str | None
    in_scope: bool
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "document_type": self.document_type,
            "in_scope": self.in_scope,
            "findings": [f.to_dict() for f in self.findings],
        }


# --------------------------------------------------------------------------- helpers


def _cm(twips: int | float) -> str:
    return f"{twips / page.mm(10):.2f}".rstrip("0").rstrip(".").replace(".", ",") + " cm"


def _mm(twips: int | float) -> str:
    return f"{twips / page.TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " mm"


def _pt(value: float) -> str:
    return f"{value:g}".replace(".", ",") + " pt"


def _text_runs(p: ParaView) -> list[Any]:
    return [
        r
        for r in p.runs
        if any(c.isalnum() for c in r.text) and not r.is_footnote_ref and not r.vert_align
    ]


def _sizes(p: ParaView) -> list[float]:
    return sorted({r.size_pt for r in _text_runs(p)})


def _all(p: ParaView, attr: str) -> bool:
    runs = [r for r in _text_runs(p) if any(c.isalnum() for c in r.text)]
    return bool(runs) and all(getattr(r, attr) for r in runs)


def _any(p: ParaView, attr: str) -> bool:
    return any(getattr(r, attr) for r in _text_runs(p) if any(c.isalnum() for c in r.text))


def _key(p: ParaView | str) -> str:
    return rules.comparable(p if isinstance(p, str) else p.text)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def _is_underscores(text: str) -> bool:
    s = text.strip()
    return len(s) >= 3 and set(s) <= {"_", "-", "—", "–", " "} and s.count("_") + s.count("-") >= 3


def _has_line(p: ParaView) -> bool:
    return (
        "line" in p.shapes
        or "shape" in p.shapes
        or "bottom" in p.borders
        or ("top" in p.borders and not p.text.strip())
        or _is_underscores(p.text)
    )


def _centred(p: ParaView) -> bool:
    """Centred as the reader sees it: centre alignment, or a tab to a centre tab stop."""
    if p.alignment == "center":
        return True
    return p.text.startswith("\t") and any(kind == "center" for kind, _ in p.tabs)


def _pieces(text: str) -> list[str]:
    """The parts of a line laid out with tabs or runs of spaces (a header typed without a table).

    Blanks left for the văn thư ("Số:      /", "ngày      tháng") are not separators.
    """
    text = re.sub(r"(Số(?:\s*:)?)\s+/", r"\1 /", text)  # not "\s*:?\s+": quadratic on blanks
    text = re.sub(r"(ngày|tháng)[ \u00a0]+", r"\1 ", text)
    return [x.strip() for x in re.split(r"\t|\s{3,}", text) if x.strip()]


def _first_line_runs(p: ParaView) -> ParaView:
    """The paragraph cut at its first line break (a label followed by its list in one paragraph)."""
    if "\n" not in p.text.strip() and "\t" not in p.text.strip():
        return p
    runs = []
    for r in p.runs:
        cut = re.split(r"[\n\t]", r.text, maxsplit=1)
        if cut[0]:
            runs.append(r if len(cut) == 1 else replace(r, text=cut[0]))
        if len(cut) > 1 and runs and any(c.isalnum() for run in runs for c in run.text):
            break
    return replace(p, runs=runs, text="".join(r.text for r in runs))


def _in_range(sizes: list[float], lo: float, hi: float) -> bool:
    return all(lo - _SIZE_TOLERANCE <= s <= hi + _SIZE_TOLERANCE for s in sizes)


def _range_text(lo: float, hi: float) -> str:
    return _pt(lo) if lo == hi else f"{lo:g}–{hi:g} pt"


# --------------------------------------------------------------------------- the checker


class _Checker:
    def __init__(self, view: DocxView) -> None:
        self.v = view
        self.ps = view.paragraphs
        self.groups: dict[str, Finding] = {}
        self.order: list[str] = []
        self.doc_type: str | None = None
        self.in_scope = True
        self._recipient_lines: set[int] = set()
        self._locate()

    # -- locations and findings

    def _locate(self) -> None:
        """Number the paragraphs as a reader does and estimate their pages."""
        self.reader_no: list[int] = []
        self.page_of: list[int] = []
        n = 0
        height = 0.0
        pg = 1
        row_seen: dict[tuple[int, int], float] = {}
        previous_section = 0
        for p in self.ps:
            s = self.v.sections[p.section] if p.section < len(self.v.sections) else self.v.section
            usable = (
                (s.page_height or page.PAGE_HEIGHT)
                - (s.margin_top or _MARGINS["top"])
                - (s.margin_bottom or _MARGINS["bottom"])
            )
            width = (
                (s.page_width or page.PAGE_WIDTH)
                - (s.margin_left or _MARGINS["left"])
                - (s.margin_right or _MARGINS["right"])
            )
            if p.section != previous_section and s.start_type != "continuous":
                pg += 1
                height = 0.0
            previous_section = p.section
            if p.page_break and height > 0:
                pg += 1
                height = 0.0
            size = max(_sizes(p) or [13.0])
            if p.table is not None:
                grid = self.v.tables[p.table].grid if p.table < len(self.v.tables) else []
                cell_w = grid[p.cell] if p.cell is not None and p.cell < len(grid) else width
                width = max(cell_w, 1000)
            chars_per_line = max(width / (size * 20 * 0.44), 10)
            lines = max(1, math.ceil(len(" ".join(p.text.split())) / chars_per_line))
            line_h = p.line if p.line_rule != "auto" else size * 20 * 1.15 * p.line / 240
            h = lines * line_h + p.space_before + p.space_after
            if p.table is not None:
                key = (p.table, p.row or 0)
                cell_key = (p.table, (p.row or 0) * 1000 + (p.cell or 0))
                row_seen[cell_key] = row_seen.get(cell_key, 0.0) + h
                previous_max = row_seen.get(key, 0.0)
                h = max(0.0, row_seen[cell_key] - previous_max)
                row_seen[key] = max(previous_max, row_seen[cell_key])
            height += h
            if height > usable:
                pg += 1
                height = h
            if p.text.strip():
                n += 1
            self.reader_no.append(n)
            self.page_of.append(pg)
        self.pages = pg

    def where(self, i: int | None) -> Where:
        if i is None or not 0 <= i < len(self.ps):
            return Where()
        text = " ".join(self.ps[i].text.split())
        return Where(self.page_of[i], self.reader_no[i] or None, text[:60])

    def add(
        self,
        rule_id: str,
        message: str,
        i: int | None = None,
        expected: str = "",
        found: str = "",
    ) -> None:
        rule = RULES[rule_id]
        if rule_id in self.groups:
            f = self.groups[rule_id]
            f.count += 1
            if len(f.more) < MAX_LOCATIONS - 1:
                f.more.append(self.where(i))
            return
        self.order.append(rule_id)
        self.groups[rule_id] = Finding(
            rule_id,
            rule.severity,
            rule.clause,
            rule.component,
            message,
            expected,
            found,
            self.where(i),
        )

    def size_rule(self, rule_id: str, i: int, lo: float, hi: float, what: str) -> None:
        sizes = _sizes(self.ps[i])
        if sizes and not _in_range(sizes, lo, hi):
            found = ", ".join(_pt(s) for s in sizes)
            self.add(rule_id, f"{what}: cỡ chữ {found}", i, _range_text(lo, hi), found)

    def findings(self) -> list[Finding]:
        return [self.groups[k] for k in self.order]

    # -- the run

    def run(self) -> list[Finding]:
        top = [i for i, p in enumerate(self.ps[:60]) if p.text.strip()]
        national = next(
            (
                i
                for i in top[:25]
                if any(
                    "XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _key(x).upper() and _upper(x) and len(x) < 50
                    for x in _pieces(self.ps[i].text)
                )
            ),
            None,
        )
        if national is None:
            self.out_of_scope("không có Quốc hiệu ở đầu văn bản", top[0] if top else None)
            return self.findings()
        self.date_missing: int | None = None
        self.number_missing: int | None = None
        header_end = self.header(national)
        heading_end = self.heading(header_end)
        if not self.in_scope:
            return self.findings()
        if self.number_missing is not None and self.doc_type != "thu_cong":
            # A Thư công has no abbreviation, so no Số, ký hiệu (nd30-types.md §15).
            self.add("PL1.II.3.number-missing", 'không thấy dòng "Số: …/…"', self.number_missing)
        if self.date_missing is not None and self.doc_type != "bien_ban":
            # A Biên bản records its time in the text (Mẫu 1.x of Phụ lục III has no ô 4).
            self.add(
                "PL1.II.4.date-missing",
                "không thấy dòng địa danh, ngày tháng năm",
                self.date_missing,
            )
        self.page_setup()
        self.fonts()
        bottom, appendix = self.bottom(heading_end)
        self.body(heading_end, bottom)
        self.appendices(appendix)
        self.page_numbers(appendix)
        return self.findings()

    def out_of_scope(self, why: str, i: int | None) -> None:
        self.in_scope = False
        self.groups.clear()
        self.order.clear()
        self.add(
            "SCOPE.out-of-scope",
            f"không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP ({why}); không kiểm tra",
            i,
        )

    # -- page, fonts

    def page_setup(self) -> None:
        used = {p.section for p in self.ps if p.text.strip()} or {0}
        names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
        for k, s in enumerate(self.v.sections or [self.v.section]):
            if k not in used:
                continue
            first = next(i for i, p in enumerate(self.ps) if p.section == k)
            w, h = s.page_width, s.page_height
            if w and h:
                dims = (min(w, h), max(w, h))
                if not page.is_a4(w, h):
                    self.add(
                        "PL1.I.paper-size",
                        f"khổ giấy {_mm(dims[0])} × {_mm(dims[1])}",
                        first,
                        A4_TEXT,
                        f"{_mm(dims[0])} × {_mm(dims[1])}",
                    )
            landscape = s.orientation == "landscape" or (w or 0) > (h or 1)
            if landscape and k == min(used):
                self.add("PL1.I.orientation", "trang đầu nằm ngang", first, "A4 dọc", "A4 ngang")
            if landscape:
                continue  # the decree sets no margins for a landscape table section
            for side, (lo_mm, hi_mm) in page.MARGIN_RANGES_MM.items():
                value = getattr(s, f"margin_{side}")
                if value is None:
                    continue
                lo, hi = page.mm(lo_mm), page.mm(hi_mm)
                if not lo - TOLERANCE <= value <= hi + TOLERANCE:
                    self.add(
                        f"PL1.I.margin-{side}",
                        f"lề {names[side]} {_mm(value)}",
                        first,
                        f"{lo_mm}–{hi_mm} mm",
                        _mm(value),
                    )

    def fonts(self) -> None:
        for i, p in enumerate(self.ps):
            if not rules.is_nfc(p.text):
                self.add("PL1.I.unicode-nfc", "chữ có dấu tổ hợp rời (không dựng sẵn)", i)
            for r in _text_runs(p):
                if not any(c.isalnum() for c in r.text):
                    continue
                if (
                    r.font
                    and not r.font.startswith(page.FONT)
                    and r.font not in ("Symbol", "Wingdings")
                ):
                    self.add("PL1.I.font", f"phông {r.font}", i, page.FONT, r.font)
                    break
                if r.color not in (None, "auto", page.COLOR):
                    self.add("PL1.I.color", f"chữ màu #{r.color}", i, "màu đen", f"#{r.color}")
                    break

    # -- header

    def header(self, n: int) -> int:
        """Check the header block around the Quốc hiệu at paragraph *n*; return its last index."""
        ps = self.ps
        nat = ps[n]
        pieces = _pieces(nat.text)
        self.tab_layout = "XÃ HỘI CHỦ NGHĨA" not in _key(pieces[0]).upper() if pieces else False
        if self.tab_layout:
            return self.header_tabbed(n)
        if nat.table is not None:
            region = [i for i, p in enumerate(ps) if p.table == nat.table]
            end = region[-1]
            split = nat.cell or 0

            def is_left(i: int) -> bool:
                return split > 0 and (ps[i].cell or 0) < split

        else:
            start = max(0, n - 8)
            region = list(range(start, min(len(ps), n + 8)))
            end = region[-1]

            def is_left(i: int) -> bool:
                return True

        texts = [(i, ps[i]) for i in region if ps[i].text.strip()]
        left = [i for i, _ in texts if is_left(i)]
        right = [i for i, _ in texts if not is_left(i)] or [i for i, _ in texts]
        # Quốc hiệu
        text = " ".join(nat.text.split())
        if _key(text).upper() != header.NATIONAL_NAME:
            if _key(text).upper().startswith(header.NATIONAL_NAME):
                pass  # Quốc hiệu and Tiêu ngữ in one paragraph (line break)
            else:
                self.add(
                    "PL1.II.1a.national-name",
                    "Quốc hiệu viết không đúng",
                    n,
                    header.NATIONAL_NAME,
                    text,
                )
        elif text.upper() != header.NATIONAL_NAME:
            self.add(
                "PL1.II.1a.national-name-spelling",
                "Quốc hiệu khác chữ của Nghị định",
                n,
                header.NATIONAL_NAME,
                text,
            )
        self.size_rule(
            "PL1.II.1a.national-name-format", n, *rules.size_range("national"), "Quốc hiệu"
        )
        if not _all(nat, "bold"):
            self.add(
                "PL1.II.1a.national-name-format", "Quốc hiệu phải in đậm", n, "đậm", "không đậm"
            )
        # Tiêu ngữ
        motto = next(
            (i for i in right if _key(ps[i]).lower().startswith("độc lập")),
            n if "độc lập" in _key(nat).lower() else None,
        )
        if motto is not None and motto != n:
            m = ps[motto]
            self.size_rule("PL1.II.1b.motto-format", motto, *rules.size_range("motto"), "Tiêu ngữ")
            if not _all(m, "bold"):
                self.add(
                    "PL1.II.1b.motto-format", "Tiêu ngữ phải in đậm", motto, "đậm", "không đậm"
                )
            typed = " ".join(m.text.split())
            if any(d in typed for d in "–—") and _key(typed) == header.MOTTO:
                self.add(
                    "PL1.II.1b.motto-dash",
                    "Tiêu ngữ dùng gạch ngang dài",
                    motto,
                    header.MOTTO,
                    typed,
                )
        lines_left = [i for i in region if is_left(i) and _has_line(ps[i])]
        lines_right = [i for i in region if not is_left(i) and _has_line(ps[i])]
        # Lines anchored outside the header table (free-floating shapes) count for either.
        outside = [
            i
            for i in range(max(0, region[0] - 3), min(len(ps), end + 3))
            if i not in region and ps[i].shapes and not ps[i].text.strip()
        ]
        pool = sum(len(ps[i].shapes) for i in outside)
        # Several lines anchored in one paragraph: one is its own, the others may be anywhere.
        pool += sum(max(0, len(ps[i].shapes) - 1) for i in lines_left + lines_right)
        if nat.table is None:
            pool += len(lines_left)
            lines_left = []
        if not lines_right:
            if pool:
                pool -= 1
            else:
                self.add(
                    "PL1.II.1b.motto-line",
                    "không thấy đường kẻ dưới Tiêu ngữ",
                    motto if motto is not None else n,
                )
        elif motto is not None and motto != n and nat.table is not None:
            self.motto_line_length(motto, lines_right)
        # Issuer, Số, V/v, date
        number = next(
            (
                i
                for i in left or region
                if _key(ps[i]).startswith("Số") and rules.parse_number_line(ps[i].text)
            ),
            None,
        )
        if number is None:
            number = next(
                (i for i in region if rules.parse_number_line(ps[i].text) is not None), None
            )
        subject = next(
            (i for i in (left or region) if _key(ps[i]).lower().startswith(("v/v", "về việc"))),
            None,
        )
        issuer_lines = [
            i
            for i in left
            if (number is None or i < number or (ps[i].row or 0) < (ps[number].row or 0))
            and not _is_underscores(ps[i].text)
            and rules.mark_text(ps[i].text) is None
            and not _key(ps[i]).startswith("Số")
            and i not in (n, motto)
            and not self._above_national(i, n)
        ]
        if split_ok := bool(left):
            if not issuer_lines:
                self.add("PL1.II.2.issuer-missing", "không thấy tên cơ quan ban hành", number)
            else:
                bold = [i for i in issuer_lines if _all(ps[i], "bold")]
                if not bold:
                    last = issuer_lines[-1]
                    self.add(
                        "PL1.II.2b.issuer-format",
                        "tên cơ quan ban hành phải in đậm",
                        last,
                        "đậm",
                        "không đậm",
                    )
                    bold = [last]
                for i in bold:
                    if not _upper(ps[i].text):
                        self.add(
                            "PL1.II.2b.issuer-format",
                            "tên cơ quan ban hành phải in hoa",
                            i,
                            ps[i].text.strip().upper(),
                            ps[i].text.strip(),
                        )
                    self.size_rule(
                        "PL1.II.2b.issuer-format",
                        i,
                        *rules.size_range("issuer"),
                        "tên cơ quan ban hành",
                    )
                for i in issuer_lines:
                    if i in bold or i > bold[0]:
                        continue
                    self.size_rule(
                        "PL1.II.2a.parent-format",
                        i,
                        *rules.size_range("parent"),
                        "tên cơ quan chủ quản",
                    )
                if not lines_left:
                    if pool:
                        pool -= 1
                    else:
                        self.add(
                            "PL1.II.2c.issuer-line",
                            "không thấy đường kẻ dưới tên cơ quan ban hành",
                            bold[-1],
                        )
        del split_ok
        self.symbol = ""
        if number is None:
            self.number_missing = n
        else:
            typed = " ".join(ps[number].text.split())
            parsed = rules.parse_number_line(typed)
            self.symbol = parsed[1] if parsed else ""
            for code, expected, found in rules.number_problems(typed):
                rid = {
                    "colon": "PL1.II.3a.number-colon",
                    "leading-zero": "PL1.II.3c.number-leading-zero",
                    "symbol-shape": "PL1.II.3b.symbol-shape",
                }[code]
                self.add(rid, f"số, ký hiệu viết chưa đúng: {typed}", number, expected, found)
            self.size_rule(
                "PL1.II.3c.number-size", number, *rules.size_range("number"), "Số, ký hiệu"
            )
        self.subject = subject
        if subject is not None:
            s = ps[subject]
            self.size_rule(
                "PL1.II.5b.subject-format", subject, *rules.SUBJECT_SIZE, "trích yếu công văn"
            )
            if _all(s, "bold"):
                self.add(
                    "PL1.II.5b.subject-format", "dòng V/v không in đậm", subject, "đứng", "đậm"
                )
        date = next(
            (
                i
                for i in right
                if "ngày" in _key(ps[i]).lower()
                and "năm" in _key(ps[i]).lower()
                and not _key(ps[i]).startswith("Số")
            ),
            None,
        )
        self.date_missing = n if date is None else None
        if date is not None:
            d = ps[date]
            typed = " ".join(d.text.split())
            for code, expected, found in rules.date_problems(d.text):
                rid = (
                    "PL1.II.4b.date-zero-padding"
                    if code == "zero-padding"
                    else "PL1.II.4c.date-form"
                )
                self.add(rid, f"ngày tháng viết chưa đúng: {typed}", date, expected, found)
            self.size_rule(
                "PL1.II.4c.date-format", date, *rules.size_range("place_date"), "dòng ngày"
            )
            if not _all(d, "italic"):
                self.add(
                    "PL1.II.4c.date-format", "dòng ngày phải in nghiêng", date, "nghiêng", "đứng"
                )
            same_table = number is not None and d.table is not None and ps[number].table == d.table
            if number is not None and same_table and (ps[number].row or 0) != (d.row or 0):
                self.add(
                    "PL1.II.4.number-date-level",
                    "Số, ký hiệu và ngày không cùng hàng",
                    date,
                    "cùng hàng",
                    f"hàng {(ps[number].row or 0) + 1} và {(d.row or 0) + 1}",
                )
        for i in region:
            self.mark(i)
        return end

    def _above_national(self, i: int, n: int) -> bool:
        """Whether paragraph *i* is a box above the Quốc hiệu (the phạm vi lưu hành, ô 11),
        not the issuer: a row of the header table above the Quốc hiệu's row, a box of its own
        (another table, or a paragraph boxed on all sides) before it, or vanban's mark style.
        """
        p, nat = self.ps[i], self.ps[n]
        if p.style_id == rules.MARK_STYLE or p.style_name == rules.MARK_STYLE:
            return True
        if p.table is not None and p.table == nat.table:
            return (p.row or 0) < (nat.row or 0)
        boxed = p.table is not None or {"top", "bottom", "left", "right"} <= set(p.borders)
        return i < n and boxed

    def motto_line_length(self, motto: int, lines: list[int]) -> None:
        """The line under the Tiêu ngữ is as long as the Tiêu ngữ (II.1.b), ±20 %."""
        ps = self.ps
        m = ps[motto]
        length = 0
        for i in lines:
            p = ps[i]
            widths = [w for k, w in zip(p.shapes, p.shape_widths, strict=False) if w]
            if widths:
                length = widths[0]
            elif "bottom" in p.borders or "top" in p.borders:
                table = self.v.tables[p.table] if p.table is not None else None
                if table is None or p.cell is None or p.cell >= len(table.grid):
                    continue
                cell = table.grid[p.cell] - 2 * page.CELL_MARGIN
                length = cell - p.left_indent - p.right_indent
            if length:
                break
        if not length:
            return
        text = _metrics.text_width(" ".join(m.text.split()), max(_sizes(m) or [14.0]), bold=True)
        lo, hi = rules.MOTTO_LINE_RATIO
        if text and not lo <= length / text <= hi:
            self.add(
                "PL1.II.1b.motto-line-length",
                f"đường kẻ dưới Tiêu ngữ dài {_cm(length)}, dòng Tiêu ngữ {_cm(text)}",
                motto,
                f"≈ {_cm(text)}",
                _cm(length),
            )

    def header_tabbed(self, n: int) -> int:
        """A header typed with tabs and spaces, without a table: check the texts only."""
        ps = self.ps
        region = list(range(max(0, n - 2), min(len(ps), n + 6)))
        self.symbol = ""
        self.subject = None
        number = date = None
        for i in region:
            for piece in _pieces(ps[i].text):
                key = _key(piece)
                if "XÃ HỘI CHỦ NGHĨA" in key.upper() and key.upper() != header.NATIONAL_NAME:
                    self.add(
                        "PL1.II.1a.national-name",
                        "Quốc hiệu viết không đúng",
                        i,
                        header.NATIONAL_NAME,
                        piece,
                    )
                elif "XÃ HỘI CHỦ NGHĨA" in key.upper() and piece.upper() != header.NATIONAL_NAME:
                    self.add(
                        "PL1.II.1a.national-name-spelling",
                        "Quốc hiệu khác chữ của Nghị định",
                        i,
                        header.NATIONAL_NAME,
                        piece,
                    )
                if key.lower().startswith("độc lập") and any(d in piece for d in "–—"):
                    self.add(
                        "PL1.II.1b.motto-dash",
                        "Tiêu ngữ dùng gạch ngang dài",
                        i,
                        header.MOTTO,
                        piece,
                    )
                if number is None and rules.parse_number_line(piece):
                    number = i
                    self.symbol = rules.parse_number_line(piece)[1]  # type: ignore[index]
                    for code, expected, found in rules.number_problems(piece):
                        rid = {
                            "colon": "PL1.II.3a.number-colon",
                            "leading-zero": "PL1.II.3c.number-leading-zero",
                            "symbol-shape": "PL1.II.3b.symbol-shape",
                        }[code]
                        self.add(rid, f"số, ký hiệu viết chưa đúng: {piece}", i, expected, found)
                elif date is None and "ngày" in key and "năm" in key and "tháng" in key:
                    date = i
                    for code, expected, found in rules.date_problems(piece):
                        rid = (
                            "PL1.II.4b.date-zero-padding"
                            if code == "zero-padding"
                            else "PL1.II.4c.date-form"
                        )
                        self.add(rid, f"ngày tháng viết chưa đúng: {piece}", i, expected, found)
        self.date_missing = n if date is None else None
        if number is None:
            self.number_missing = n
        end = number if number is not None else n + 1
        k = end + 1
        while k < len(ps) and ps[k].text.strip():
            if _key(ps[k]).lower().startswith(("v/v", "về việc")):
                self.subject = k
            elif self.subject is None:
                break
            end = k
            k += 1
        if not any(
            ps[i].shapes or ps[i].borders or _is_underscores(ps[i].text)
            for i in range(max(0, n - 2), end + 2)
        ):
            self.add("PL1.II.1b.motto-line", "không thấy đường kẻ dưới Tiêu ngữ", n)
        return end

    def mark(self, i: int) -> None:
        p = self.ps[i]
        mark = rules.mark_text(p.text)
        if mark is None:
            return
        if not (_upper(p.text) and _all(p, "bold")):
            self.add(
                "PL1.III.2.mark-format", f"dấu {mark} phải in hoa, đậm", i, mark, p.text.strip()
            )
        self.size_rule("PL1.III.2.mark-format", i, *rules.MARK_SIZE, f"dấu {mark}")

    # -- tên loại, trích yếu

    def heading(self, header_end: int) -> int:
        ps = self.ps
        k = header_end + 1
        while k < len(ps) and (not ps[k].text.strip() or rules.mark_text(ps[k].text)):
            self.mark(k)
            k += 1
        if k >= len(ps):
            return k
        first = ps[k]
        kind = rules.heading_doc_type(first.text) if first.table is None else None
        number_missing = self.number_missing
        sym_type = rules.symbol_doc_type(self.symbol) if self.symbol else None
        upper_key = _key(first).upper()
        foreign = any(upper_key.startswith(name) for name in rules.NOT_ADMINISTRATIVE)
        if kind is None and _centred(first) and _upper(first.text) and foreign:
            self.out_of_scope(f"tên loại {upper_key[:40]} không thuộc Phụ lục III", k)
            return k
        letter = (
            kind is None
            and number_missing is not None
            and _centred(first)
            and _all(first, "bold")
            and rules.is_letter_heading(first.text)
        )
        if letter:
            # A Thư công: no Số, its own heading ("THƯ CHÚC MỪNG" …) and centred lines under it.
            self.doc_type = "thu_cong"
            j = k + 1
            while j < len(ps) and ps[j].text.strip() and ps[j].table is None and _centred(ps[j]):
                k = j
                j += 1
            return k
        if kind is None:
            if sym_type is not None and sym_type.key != "cong_van":
                self.doc_type = sym_type.key
                self.add(
                    "PL1.II.5a.doc-type-missing",
                    f"ký hiệu {self.symbol} là {sym_type.name} nhưng không thấy tên loại",
                    k,
                    sym_type.heading,
                    "(không có)",
                )
                return k - 1
            self.doc_type = "cong_van"
            if self.subject is None:
                # "V/v …" typed under the header table rather than in its left column
                below = [i for i in range(k, min(len(ps), k + 4)) if ps[i].text.strip()]
                self.subject = next(
                    (i for i in below if _key(ps[i]).lower().startswith(("v/v", "về việc"))), None
                )
            if self.subject is None:
                self.add("PL1.II.5b.subject-missing", "công văn không có dòng V/v", k)
            return k - 1
        self.doc_type = kind.key
        mismatch = sym_type is None or sym_type.key != kind.key
        if kind.abbreviation and self.symbol and mismatch:
            first_group = self.symbol.split("-", 1)[0]
            self.add(
                "PL1.II.3b.symbol-type",
                f"ký hiệu {self.symbol} không khớp tên loại {kind.heading}",
                k,
                f"{kind.abbreviation}-…",
                first_group,
            )
        self.size_rule("PL1.II.5b.doc-type-format", k, *rules.size_range("doc_type"), "tên loại")
        if not _upper(first.text):
            self.add(
                "PL1.II.5b.doc-type-format",
                "tên loại phải in hoa",
                k,
                kind.heading,
                first.text.strip(),
            )
        if not _all(first, "bold") or not _centred(first):
            self.add("PL1.II.5b.doc-type-format", "tên loại phải in đậm, căn giữa", k, "đậm, giữa")
        if kind.key in forms.WITHOUT_TITLE:  # Mẫu 1.8, 1.10: no trích yếu, the body follows
            return k
        # Trích yếu: the centred bold lines under the tên loại, up to an UPPERCASE line
        # (the authority line of a Quyết định), a Công điện's "… điện:" line or the body.
        j = k + 1
        title: list[int] = []
        line_seen = _has_line(first)
        while j < len(ps) and len(title) < 5:
            p = ps[j]
            if not p.text.strip():
                if _has_line(p):
                    line_seen = True
                if title and not p.shapes and not p.borders:
                    j += 1
                    break
                j += 1
                continue
            if p.table is not None or not _centred(p) or _upper(p.text):
                break
            if _key(p).lower().startswith(("căn cứ", "kính gửi")):
                break
            if kind.key == "cong_dien" and cable.is_sender_line(p.text):
                break  # Mẫu 1.6: "<CƠ QUAN, CHỨC DANH> điện:" opens the body
            title.append(j)
            line_seen = line_seen or _has_line(p)
            j += 1
        for i in title:
            self.size_rule("PL1.II.5b.title-format", i, *rules.size_range("title"), "trích yếu")
            if not _all(ps[i], "bold"):
                self.add("PL1.II.5b.title-format", "trích yếu phải in đậm", i, "đậm", "không đậm")
        if title and not line_seen:
            near = range(max(0, k - 2), min(len(ps), j + 2))
            if not any(ps[i].shapes for i in near):
                self.add("PL1.II.5b.title-line", "không thấy đường kẻ dưới trích yếu", title[-1])
        return title[-1] if title else k

    # -- Nơi nhận, signer

    def bottom(self, start: int) -> tuple[int, int]:
        """Check the Nơi nhận and signer blocks; return (where the body ends, appendix start)."""
        ps = self.ps
        appendix = next(
            (
                i
                for i in range(start + 1, len(ps))
                if _APPENDIX_RE.match(ps[i].text.strip())
                and ps[i].table is None
                and ps[i].alignment == "center"
                and (ps[i].section > 0 or ps[i].page_break or self._after_break(i))
            ),
            len(ps),
        )
        appendix = min(appendix, self._attached_text(start))
        label = next(
            (i for i in range(start + 1, appendix) if _key(ps[i]).lower().startswith(_LABEL_WORD)),
            None,
        )
        end = appendix
        if label is not None:
            lp = ps[label]
            end = label
            if lp.table is not None:
                end = next(i for i, p in enumerate(ps) if p.table == lp.table)
            self.recipients(label, appendix)
        signer_area = [
            i
            for i in range(end, appendix)
            if ps[i].text.strip() and not self._in_recipients(i, label)
        ]
        if label is None:
            # No "Nơi nhận": the signer block is the last group of UPPERCASE bold lines.
            tail = [i for i in range(start + 1, appendix) if ps[i].text.strip()]
            signer_start = None
            for i in reversed(tail[-8:]):
                if _upper(ps[i].text) and _all(ps[i], "bold") and len(ps[i].text) < 60:
                    signer_start = i
            if signer_start is not None:
                end = (
                    signer_start
                    if ps[signer_start].table is None
                    else next(i for i, p in enumerate(ps) if p.table == ps[signer_start].table)
                )
                signer_area = [i for i in range(end, appendix) if ps[i].text.strip()]
        if not self.tab_layout:
            self.signers(signer_area)
        return end, appendix

    def _attached_text(self, start: int) -> int:
        """Where the text a Quyết định issues begins (Mẫu 1.3): a header table with the Quốc
        hiệu in a later section, after the signature; ``len(ps)`` when there is none."""
        ps = self.ps
        for i in range(start + 1, len(ps)):
            p = ps[i]
            if p.section > 0 and p.table is not None and _NATIONAL in _key(p).upper():
                first = next(j for j in range(len(ps)) if ps[j].table == p.table)
                self.attached_heads = [first]
                return first
        return len(ps)

    def _after_break(self, i: int) -> bool:
        """Whether a page break comes right before paragraph *i* (in it or in the two before)."""
        return any(self.ps[j].page_break for j in range(max(0, i - 2), i + 1))

    def _in_recipients(self, i: int, label: int | None) -> bool:
        if label is None:
            return False
        lp, p = self.ps[label], self.ps[i]
        if lp.table is not None:
            return p.table == lp.table and p.cell == lp.cell
        return i in self._recipient_lines

    def recipients(self, label: int, stop: int) -> None:
        ps = self.ps
        lp = _first_line_runs(ps[label])
        text = " ".join(lp.text.split())
        label_text = recipients.LABEL
        if not text.startswith((label_text, label_text.replace(":", " :"))):
            self.add(
                "PL1.II.9b.recipients-label",
                f'nhãn phải là "{label_text}"',
                label,
                label_text,
                text[:20],
            )
        sizes = _sizes(lp)
        size_range = rules.size_range("recipients_label")
        if sizes and not _in_range(sizes, *size_range):
            found = ", ".join(_pt(x) for x in sizes)
            self.add(
                "PL1.II.9b.recipients-label",
                f'"{label_text}" cỡ chữ {found}',
                label,
                _range_text(*size_range),
                found,
            )
        if not (_all(lp, "bold") and _all(lp, "italic")):
            self.add(
                "PL1.II.9b.recipients-label",
                f'"{label_text}" phải in nghiêng, đậm',
                label,
                "nghiêng, đậm",
                ("đậm" if _all(lp, "bold") else "") + (" nghiêng" if _all(lp, "italic") else ""),
            )
        if lp.table is not None:
            items = [
                i
                for i in range(label + 1, stop)
                if ps[i].table == lp.table and ps[i].cell == lp.cell
            ]
        else:
            items = []
            for i in range(label + 1, stop):
                t = ps[i].text.strip()
                if not t:
                    if items:
                        break
                    continue
                if ps[i].table is not None:
                    break
                if (
                    t.startswith(("-", "+", "–"))
                    or ps[i].numbered
                    or _key(t).lower().startswith(_ARCHIVE_WORD)
                ):
                    items.append(i)
                elif items and len(t) <= 20:
                    items.append(i)  # drafter's mark
                else:
                    break
        self._recipient_lines = set(items)
        lines: list[tuple[int, str, bool]] = []
        if lp.table is not None or "\t" not in ps[label].text:
            # "Nơi nhận:" and its list typed in one paragraph, with line breaks
            for piece in ps[label].text.split("\n")[1:]:
                if piece.strip():
                    lines.append((label, " ".join(piece.split()), False))
        for i in items:
            for piece in ps[i].text.split("\n"):
                piece = piece.split("\t")[0]
                if piece.strip():
                    lines.append((i, " ".join(piece.split()), ps[i].numbered))
        for i in items:
            if ps[i].text.strip() and "\t" not in ps[i].text.strip():
                self.size_rule(
                    "PL1.II.9b.recipients-size", i, *rules.size_range("recipient"), "dòng nơi nhận"
                )
        archive = max(
            (
                k
                for k, (_, t, _) in enumerate(lines)
                if _key(t.lstrip("-+– ")).lower().startswith(_ARCHIVE_WORD)
            ),
            default=None,
        )
        if archive is None:
            if lines:
                self.add(
                    "PL1.II.9b.archive-line",
                    f'thiếu dòng "{_ARCHIVE_LINE}"',
                    lines[-1][0],
                    _ARCHIVE_LINE,
                    lines[-1][1],
                )
            return
        for k, (i, t, numbered) in enumerate(lines):
            if k > archive:
                if len(t) > 20:
                    self.add(
                        "PL1.II.9b.archive-line",
                        'dòng "Lưu" phải là dòng cuối',
                        i,
                        "- Lưu: … là dòng cuối",
                        t,
                    )
                continue
            if numbered and not t.startswith(("-", "+", "–")):
                t = "- " + t
            prev_open = k > 0 and not lines[k - 1][1].rstrip().endswith((";", ".", ",", ":"))
            if not t.startswith(("-", "+", "–")) and prev_open:
                continue  # a long recipient wrapped onto a continuation line
            problem = rules.recipient_problem(t, last=k == archive)
            if problem is None:
                continue
            code, expected, found = problem
            rid = (
                "PL1.II.9b.archive-line"
                if code == "archive"
                else "PL1.II.9b.recipients-punctuation"
            )
            self.add(rid, f"dòng nơi nhận viết chưa đúng: {t}", i, expected, found)

    def signers(self, area: list[int]) -> None:
        ps = self.ps
        groups: dict[tuple[Any, ...], list[int]] = {}
        for i in area:
            p = ps[i]
            key = (p.table, p.cell) if p.table is not None else ("free",)
            groups.setdefault(key, []).append(i)
        for members in groups.values():
            lines = [
                i
                for i in members
                if not ps[i].text.strip().startswith(("(", "["))
                and not _is_underscores(ps[i].text)
                and rules.mark_text(ps[i].text) is None
            ]
            titles = [i for i in lines if _upper(ps[i].text) and len(ps[i].text.strip()) < 80]
            if not titles:
                continue
            name = self._signer_name(lines, titles)
            first_title = titles[0]
            prefix = rules.signer_prefix_problem(ps[first_title].text)
            if prefix is not None:
                self.add(
                    "PL1.II.7a.signer-prefix",
                    f"quyền hạn viết chưa đúng: {ps[first_title].text.strip()}",
                    first_title,
                    prefix[0],
                    prefix[1],
                )
            for i in titles:
                self.size_rule(
                    "PL1.II.7a.signer-format", i, *rules.size_range("signer"), "quyền hạn, chức vụ"
                )
                if not _all(ps[i], "bold"):
                    self.add(
                        "PL1.II.7a.signer-format",
                        "quyền hạn, chức vụ phải in đậm",
                        i,
                        "đậm",
                        "không đậm",
                    )
            if name is not None and len(ps[name].text.strip()) < 50:
                self.size_rule(
                    "PL1.II.7b.signer-name", name, *rules.size_range("signer"), "họ tên người ký"
                )
                if not _all(ps[name], "bold"):
                    self.add(
                        "PL1.II.7b.signer-name",
                        "họ tên người ký phải in đậm",
                        name,
                        "đậm",
                        "không đậm",
                    )

    def _signer_name(self, lines: list[int], titles: list[int]) -> int | None:
        """The signer's name in one signer column (ô 7b).

        By its style when the document names it (vanban's VBSignerName); else by content: the
        first line after the titles that is not in capitals, preferring one after the room
        for the signature (empty paragraphs or a large space before it). Other titles printed
        under the name (in capitals) are titles, not the name.
        """
        ps = self.ps
        styled = [i for i in lines if rules.SIGNER_NAME_STYLE in (ps[i].style_id, ps[i].style_name)]
        if styled:
            return styled[0]
        candidates = [
            i
            for i in lines
            if i > titles[0]
            and i not in titles
            and len(ps[i].text.strip()) < 40
            and ":" not in ps[i].text
            and not ps[i].text.strip().startswith(("-", "+", "–"))
            and ps[i].text.strip()[:1].isupper()
        ]

        def after_signature_room(i: int) -> bool:
            return ps[i].space_before >= rules.SIGNATURE_ROOM_MIN or (
                i > 0 and not ps[i - 1].text.strip() and not ps[i - 1].shapes
            )

        roomy = [i for i in candidates if after_signature_room(i)]
        if roomy:
            return roomy[0]
        after_titles = [i for i in lines if i > titles[-1]]
        return next((i for i in candidates if i in after_titles[:3]), None) or next(
            iter(candidates[:1]), None
        )

    # -- body

    def body(self, start: int, end: int) -> None:
        ps = self.ps
        idx = [
            i
            for i in range(start + 1, end)
            if ps[i].text.strip() and ps[i].table is None and i != self.subject
        ]
        # Kính gửi: a line of its own, or a cell of the header table; a Thư công's greeting
        # ("Kính gửi các thầy giáo, cô giáo!") is not one.
        greeting = self.doc_type == "thu_cong"
        kg = next(
            (i for i in idx[:6] if not greeting and _key(ps[i]).lower().startswith("kính gửi")),
            None,
        )
        in_table = next(
            (
                i
                for i in range(max(0, start - 30), min(end, start + 12))
                if ps[i].table is not None and _key(ps[i]).lower().startswith("kính gửi")
            ),
            None,
        )
        addressees: list[int] = []
        if kg is None and in_table is not None:
            row = (ps[in_table].table, ps[in_table].row)
            addressees = [
                i
                for i in range(in_table + 1, min(len(ps), in_table + 40))
                if (ps[i].table, ps[i].row) == row and ps[i].text.strip().startswith(("-", "–"))
            ]
            t = " ".join(ps[in_table].text.split())
            if not t.startswith("Kính gửi:"):
                self.add(
                    "PL1.II.9a.kinh-gui",
                    '"Kính gửi" phải có dấu hai chấm',
                    in_table,
                    "Kính gửi:",
                    t[:20],
                )
        elif kg is not None:
            t = " ".join(ps[kg].text.split())
            if not t.startswith("Kính gửi:"):
                self.add(
                    "PL1.II.9a.kinh-gui", '"Kính gửi" phải có dấu hai chấm', kg, "Kính gửi:", t[:20]
                )
            k = idx.index(kg) + 1
            # The addressee lines: none after a one-line "Kính gửi: <name>"; otherwise the
            # dash lines that start where the first does (a body list starts elsewhere).
            rest = t.partition(":")[2].strip() if ":" in t else t[len("Kính gửi") :].strip()
            x = (ps[idx[k]].left_indent + ps[idx[k]].first_line) if k < len(idx) else 0
            while (
                k < len(idx)
                and (not rest or rest.startswith(("-", "–")))
                and ps[idx[k]].text.strip().startswith(("-", "–", "+"))
                and abs(ps[idx[k]].left_indent + ps[idx[k]].first_line - x) <= 57
            ):
                k += 1
            addressees = idx[idx.index(kg) + 1 : k]
            idx = idx[k:]
        if len(addressees) >= 2:
            texts = [ps[i].text for i in addressees]
            for k, expected, found in rules.addressee_problems(texts):
                self.add(
                    "PL1.II.9a.kinh-gui",
                    f"dòng Kính gửi viết chưa đúng: {found}",
                    addressees[k],
                    expected,
                    found,
                )
        if kg is None and in_table is None and self.doc_type == "cong_van":
            first = idx[0] if idx else start
            self.add(
                "PL1.II.9a.kinh-gui",
                'công văn không có dòng "Kính gửi:"',
                first,
                "Kính gửi: …",
                "(không có)",
            )
        # Authority line of a Quyết định, and the căn cứ block
        while idx and (_upper(ps[idx[0]].text) or ps[idx[0]].alignment == "center"):
            idx = idx[1:]
        basis: list[int] = []
        for i in idx:
            key = _key(ps[i]).lower()
            if key.startswith("căn cứ") or (
                basis and key.startswith(("theo đề nghị", "xét đề nghị"))
            ):
                basis.append(i)
            else:
                break
        after = next((i for i in idx if i > basis[-1]), None) if basis else None
        issuing = (
            after is not None
            and _upper(ps[after].text)
            and ps[after].text.strip().endswith(":")
            and len(ps[after].text.strip()) < 30
            and _centred(ps[after])
        )
        # A căn cứ block is the one before "QUYẾT ĐỊNH:" (or the like); set in italics it is
        # one too (a Kế hoạch's). Prose that starts with "Căn cứ" is neither.
        typed_as_basis = any(_all(ps[i], "italic") for i in basis)
        if typed_as_basis and not issuing:
            while basis and not _all(ps[basis[-1]], "italic"):
                basis.pop()  # prose after the italic block ("Căn cứ đề nghị …, như sau:")
        if basis and self.doc_type != "cong_van" and (issuing or typed_as_basis):
            for i in basis:
                if issuing and not _all(ps[i], "italic"):
                    self.add(
                        "PL1.II.6a.basis-italic",
                        "dòng căn cứ phải in nghiêng",
                        i,
                        "nghiêng",
                        "đứng",
                    )
            for k, expected, found in rules.basis_problems([ps[i].text for i in basis]):
                self.add(
                    "PL1.II.6a.basis-punctuation",
                    f'căn cứ phải kết thúc bằng "{expected}"',
                    basis[k],
                    expected,
                    found,
                )
        previous: ParaView | None = None
        for i in idx:
            p = ps[i]
            text = p.text.strip()
            if p.alignment == "center" or _upper(text):
                previous = p
                continue
            sizes = _sizes(p)
            if sizes and not _in_range(sizes, *rules.size_range("body")):
                found = ", ".join(_pt(s) for s in sizes)
                expected = _range_text(*rules.size_range("body"))
                self.add("PL1.II.6.body-size", f"chữ nội dung cỡ {found}", i, expected, found)
            heading = _all(p, "bold")
            if len(text) > 90 and not heading and p.alignment != "both":
                self.add(
                    "PL1.II.6e.body-justify",
                    f"đoạn văn căn {p.alignment}",
                    i,
                    "căn đều hai lề",
                    p.alignment,
                )
            start_at = p.left_indent + p.first_line
            tabbed = p.text.startswith("\t")
            plain = not heading and not p.numbered and not tabbed and p.first_line >= 0
            if plain and len(text) > 40 and not INDENT_RANGE[0] <= start_at <= INDENT_RANGE[1]:
                self.add(
                    "PL1.II.6e.body-indent",
                    f"lùi đầu dòng {_cm(start_at)}",
                    i,
                    INDENT_TEXT,
                    _cm(start_at),
                )
            size = max(sizes or [14.0])
            if p.line_rule == "auto":
                ok = _LINE_RANGE[0] <= p.line <= _LINE_RANGE[1]
                found = f"{p.line / 240:.2f}".replace(".", ",") + " dòng"
            else:
                ok = size * 20 * 0.98 <= p.line <= size * 20 * 1.75 or (
                    p.line_rule == "atLeast" and p.line <= size * 20 * 1.75
                )
                found = (
                    f"{'chính xác' if p.line_rule == 'exact' else 'tối thiểu'} {_pt(p.line / 20)}"
                )
            if not ok:
                self.add(
                    "PL1.II.6e.body-line-spacing", f"giãn dòng {found}", i, LINE_SPACING_TEXT, found
                )
            if previous is not None and previous.table is None:
                gap = previous.space_after + p.space_before
                if gap < page.PARAGRAPH_SPACING_MIN - 5 and p.line_rule == "auto":
                    self.add(
                        "PL1.II.6e.body-spacing",
                        f"cách đoạn {_pt(gap / 20)}",
                        i,
                        f"tối thiểu {PARAGRAPH_SPACING_TEXT}",
                        _pt(gap / 20),
                    )
            previous = p
        if idx:
            last = idx[-1]
            if not rules.has_end_mark(ps[last].text) and ps[last].table is None:
                self.add(
                    "PL1.II.6.end-mark",
                    f'nội dung không kết thúc bằng "{END_MARK}"',
                    last,
                    f"…{END_MARK}",
                    ps[last].text.strip()[-10:],
                )

    # -- appendices and page numbers

    def appendices(self, start: int) -> None:
        ps = self.ps
        heads = [
            i
            for i in range(start, len(ps))
            if ps[i].table is None
            and _APPENDIX_RE.match(ps[i].text.strip())
            and len(ps[i].text) < 120
            and ps[i].alignment == "center"
        ]
        self.appendix_heads = heads
        numbers = [_group(_APPENDIX_RE.match(ps[i].text.strip()), 3) for i in heads]
        if len(heads) >= 2 and any(n and n.isdigit() for n in numbers):
            i = heads[[bool(n and n.isdigit()) for n in numbers].index(True)]
            self.add(
                "PL1.III.1.appendix-heading",
                "phụ lục phải đánh số La Mã",
                i,
                "Phụ lục I, II…",
                ps[i].text.strip()[:20],
            )
        for i in heads:
            ref = next(
                (
                    j
                    for j in range(i + 1, min(len(ps), i + 5))
                    if _key(ps[j]).startswith("(Kèm theo")
                ),
                None,
            )
            if ref is not None and not _all(ps[ref], "italic"):
                self.add(
                    "PL1.III.1.appendix-reference",
                    'dòng "(Kèm theo …)" của phụ lục phải in nghiêng',
                    ref,
                    "nghiêng",
                    "đứng",
                )
            if not _all(ps[i], "bold"):
                self.add(
                    "PL1.III.1.appendix-heading", '"Phụ lục" phải in đậm', i, "đậm", "không đậm"
                )

    def _page_field(self, names: dict[str, str]) -> tuple[str | None, ParaView | None]:
        for kind in ("default", "even", "first"):
            part = self.v.parts.get(names.get(kind, ""))
            if part and any(f.strip().upper().startswith("PAGE") for f in part.fields):
                para = next((p for p in part.paragraphs if p.runs), None)
                return kind, para
        return None, None

    def page_numbers(self, appendix: int) -> None:
        main_pages = self.page_of[appendix - 1] if 0 < appendix <= len(self.ps) else self.pages
        if main_pages < 2:
            return
        sections = self.v.section_headers or [{}]
        kind, para = self._page_field(sections[0])
        footer_kind, _ = self._page_field((self.v.section_footers or [{}])[0])
        if kind is None:
            if footer_kind is not None:
                self.add(
                    "PL1.I.7.page-number-position",
                    "số trang ở chân trang",
                    None,
                    "giữa lề trên",
                    "chân trang",
                )
            else:
                self.add(
                    "PL1.I.7.page-number-missing",
                    f"văn bản khoảng {main_pages} trang không có số trang",
                    None,
                    "trường PAGE ở đầu trang",
                    "(không có)",
                )
            return
        first = self.v.sections[0] if self.v.sections else self.v.section
        if kind == "first" or (kind == "default" and not first.title_page):
            self.add(
                "PL1.I.7.page-number-first",
                "trang 1 hiển thị số trang",
                None,
                "không số ở trang 1",
                "có số",
            )
        if para is not None:
            centred = para.alignment == "center" or any(k == "center" for k, _ in para.tabs)
            if not centred:
                self.add(
                    "PL1.I.7.page-number-position",
                    f"số trang căn {para.alignment}",
                    None,
                    "căn giữa",
                    para.alignment,
                )
        for i in [*getattr(self, "attached_heads", []), *getattr(self, "appendix_heads", [])]:
            s = self.ps[i].section
            if s >= len(self.v.sections):
                continue
            if s == self.ps[0].section:
                self.add(
                    "PL1.III.1.appendix-page-numbers",
                    "phụ lục cùng mục (section) với văn bản nên tiếp số trang của văn bản",
                    i,
                    "mục riêng, số trang bắt đầu từ 1",
                    "tiếp số của văn bản",
                )
                continue
            if (
                self.v.sections[s].page_number_start != 1
                and self._page_field(self.v.section_headers[s])[0]
            ):
                self.add(
                    "PL1.III.1.appendix-page-numbers",
                    "số trang phụ lục không bắt đầu lại từ 1",
                    i,
                    "bắt đầu từ 1",
                    "tiếp số của văn bản",
                )


# --------------------------------------------------------------------------- entry points

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_checked(source: bytes | str | os.PathLike[str]) -> DocxView:
    """Read a .docx for checking; anything unreadable raises :class:`UnreadableDocx`."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fh:
            data = fh.read()
    else:
        data = bytes(source)
    if data.startswith(_OLE):
        raise UnreadableDocx(
            "tệp Word cũ (.doc) hoặc tệp .docx đã đặt mật khẩu; hãy lưu lại dạng .docx không mật khẩu"
        )
    if not data.startswith(b"PK"):
        raise UnreadableDocx("không phải tệp .docx (không phải gói zip)")
    from vanban._package import PackageProblem, read_docx_guarded  # strangers' files

    try:
        read_docx_guarded(data)
    except PackageProblem as problem:
        raise UnreadableDocx(f"tệp .docx không đọc được: {problem}") from None
    except zlib.error:  # a damaged deflate stream inside the zip
        raise UnreadableDocx("tệp .docx không đọc được: gói zip bị hỏng") from None
    try:
        return read_docx(data)
    except zlib.error:
        raise UnreadableDocx("tệp .docx không đọc được: gói zip bị hỏng") from None
    except (ValueError, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        if "zip" in str(exc):
            why = "gói zip bị hỏng hoặc không trọn vẹn"
        elif "missing" in str(exc) or "not a WordprocessingML" in str(exc):
            why = "thiếu phần nội dung chính (word/document.xml)"
        else:
            why = "một phần XML bên trong bị hỏng"
        raise UnreadableDocx(f"tệp .docx không đọc được: {why}") from exc


def check_report(source: bytes | str | os.PathLike[str], name: str | None = None) -> Report:
    """Check a .docx (bytes or path) and return the full :class:`Report`."""
    view = read_checked(source)
    c = _Checker(view)
    findings = c.run()
    file = (
        name if name is not None else (os.fspath(source) if not isinstance(source, bytes) else "")
    )
    return Report(file, c.doc_type if c.in_scope else None, c.in_scope, findings)


def check_docx(source: bytes | str | os.PathLike[str]) -> list[Finding]:
    """Check a .docx against the NĐ30 rules; an empty list means nothing was found wrong.

    ``source`` is the file's bytes or path. Findings are grouped per rule; see
    :mod:`vanban.nd30.catalogue` for the rules. What is not a well-formed .docx within the
    limits of :mod:`vanban._package` (zip bombs, nesting, negative grid widths) raises
    :class:`UnreadableDocx`, a :class:`vanban.ValidationError`.
    """
    return check_report(source).findings


def _group(match: re.Match[str] | None, n: int) -> str | None:
    """Group ``n`` of a match, ``None`` without a match."""
    return match.group(n) if match else None

"""Rules of the header (Phụ lục I, II.1–4; III.2): Quốc hiệu, Tiêu ngữ and its line, issuer
and its line, Số and ký hiệu, V/v, địa danh and date, marks."""

from __future__ import annotations

from vanban import _metrics
from vanban._checks.findings import Collector, cm, pt, range_text
from vanban._regions.header import Header
from vanban._regions.paragraphs import (
    after_first_line,
    all_runs,
    before_first_break,
    in_range,
    key,
    sizes,
    upper,
)
from vanban.nd30 import header, page, rules

_NUMBER_RULES = {
    "colon": "PL1.II.3a.number-colon",
    "leading-zero": "PL1.II.3c.number-leading-zero",
    "symbol-shape": "PL1.II.3b.symbol-shape",
}


def _date_rule(code: str) -> str:
    return "PL1.II.4b.date-zero-padding" if code == "zero-padding" else "PL1.II.4c.date-form"


def check_header(out: Collector, h: Header) -> None:
    """Judge the header as read."""
    if h.tabbed:
        _check_tabbed(out, h)
        return
    ps = out.reading.ps
    n = h.national
    motto = h.motto
    if not h.national_found:
        out.add(
            "PL1.II.1a.national-missing",
            "không có Quốc hiệu và Tiêu ngữ; kiểm tra như văn bản hành chính gần nhất",
            n,
            header.NATIONAL_NAME,
            "(không có)",
        )
    else:
        _check_national(out, h)
    if h.national_found and not h.motto_line:
        out.add(
            "PL1.II.1b.motto-line",
            "không thấy đường kẻ dưới Tiêu ngữ",
            motto if motto is not None else n,
        )
    elif h.motto_lines and motto is not None and motto != n and h.in_table:
        _motto_line_length(out, motto, h.motto_lines)
    # Issuer
    if h.left:
        if not h.issuer_lines:
            out.add("PL1.II.2.issuer-missing", "không thấy tên cơ quan ban hành", h.number)
        else:
            _check_issuer(out, h)
    # Số, ký hiệu
    number = h.number
    if number is not None:
        typed = " ".join(ps[number].text.split())
        for code, expected, found in rules.number_problems(typed):
            out.add(
                _NUMBER_RULES[code], f"số, ký hiệu viết chưa đúng: {typed}", number, expected, found
            )
        out.size_rule("PL1.II.3c.number-size", number, *rules.size_range("number"), "Số, ký hiệu")
    # V/v
    if h.subject is not None:
        s = ps[h.subject]
        out.size_rule(
            "PL1.II.5b.subject-format", h.subject, *rules.SUBJECT_SIZE, "trích yếu công văn"
        )
        if all_runs(s, "bold"):
            out.add("PL1.II.5b.subject-format", "dòng V/v không in đậm", h.subject, "đứng", "đậm")
    # Địa danh, ngày
    date = h.date
    if date is not None:
        d = ps[date]
        typed = " ".join(d.text.split())
        why = "gõ không dấu" if rules.without_marks(typed) == typed else "viết chưa đúng"
        for code, expected, found in rules.date_problems(d.text):
            out.add(_date_rule(code), f"ngày tháng {why}: {typed}", date, expected, found)
        out.size_rule("PL1.II.4c.date-format", date, *rules.size_range("place_date"), "dòng ngày")
        if not all_runs(d, "italic"):
            out.add("PL1.II.4c.date-format", "dòng ngày phải in nghiêng", date, "nghiêng", "đứng")
        same_table = number is not None and d.table is not None and ps[number].table == d.table
        if number is not None and same_table and (ps[number].row or 0) != (d.row or 0):
            out.add(
                "PL1.II.4.number-date-level",
                "Số, ký hiệu và ngày không cùng hàng",
                date,
                "cùng hàng",
                f"hàng {(ps[number].row or 0) + 1} và {(d.row or 0) + 1}",
            )
    for i in h.region:
        check_mark(out, i)


def _check_national(out: Collector, h: Header) -> None:
    """The Quốc hiệu and the Tiêu ngữ: their words, capitals, size and weight. A paragraph
    holding both, split by a line break, is judged line by line."""
    ps = out.reading.ps
    n = h.national
    nat = before_first_break(ps[n])
    text = " ".join(nat.text.split())
    lines = [x for x in ps[n].text.split("\n") if x.strip()]
    if len(lines) >= 2 and key(text).upper() != key(" ".join(lines[:2])).upper():
        joined = " ".join(" ".join(lines[:2]).split())
        if key(joined).upper() == header.NATIONAL_NAME or header.is_national_name(joined):
            text = joined  # broken over two lines: its words are right (its own rule says)
    problem = _national_text(text)
    if problem is not None:
        out.add(problem[0], problem[1], n, header.NATIONAL_NAME, text)
    found = sizes(nat)
    lo, hi = rules.size_range("national")
    if found and not in_range(found, lo, hi):
        shown = ", ".join(pt(x) for x in found)
        out.add(
            "PL1.II.1a.national-name-format",
            f"Quốc hiệu: cỡ chữ {shown}",
            n,
            range_text(lo, hi),
            shown,
        )
    if not all_runs(nat, "bold"):
        out.add("PL1.II.1a.national-name-format", "Quốc hiệu phải in đậm", n, "đậm", "không đậm")
    # Tiêu ngữ
    motto = h.motto
    m = ps[motto] if motto is not None and motto != n else None
    if motto == n:
        m = after_first_line(ps[n])  # typed in the Quốc hiệu's paragraph after a line break
        m = m if m.text.strip() else None
    if motto is None or m is None:
        return
    found = sizes(m)
    lo, hi = rules.size_range("motto")
    if found and not in_range(found, lo, hi):
        shown = ", ".join(pt(x) for x in found)
        out.add(
            "PL1.II.1b.motto-format", f"Tiêu ngữ: cỡ chữ {shown}", motto, range_text(lo, hi), shown
        )
    if not all_runs(m, "bold"):
        out.add("PL1.II.1b.motto-format", "Tiêu ngữ phải in đậm", motto, "đậm", "không đậm")
    typed = " ".join(m.text.split())
    problem = _motto_text(typed)
    if problem is not None:
        out.add(problem[0], problem[1], motto, header.MOTTO, typed)


def _national_text(text: str) -> tuple[str, str] | None:
    """The rule and message for a Quốc hiệu line's words: misspelt, typed without marks, in
    lower case, or in a form the decree does not print ("HÒA" and "HOÀ" are both its own)."""
    bare = rules.without_marks(key(text)).upper()
    if key(text).upper() != header.NATIONAL_NAME:
        if bare == rules.without_marks(header.NATIONAL_NAME) and rules.without_marks(text) == text:
            return "PL1.II.1a.national-name", "Quốc hiệu gõ không dấu"
        return "PL1.II.1a.national-name", "Quốc hiệu viết không đúng"
    if not upper(text):
        return "PL1.II.1a.national-name-format", "Quốc hiệu phải in hoa"
    if not header.is_national_name(text):
        return "PL1.II.1a.national-name-spelling", "Quốc hiệu khác chữ của Nghị định"
    return None


def _motto_text(typed: str) -> tuple[str, str] | None:
    """The rule and message for a Tiêu ngữ's words: typed without marks or misspelt, or its
    phrases joined by long dashes."""
    letters = "".join(c for c in key(typed) if c.isalnum())
    if letters != "".join(c for c in header.MOTTO if c.isalnum()):
        why = "gõ không dấu" if rules.without_marks(letters) == letters else "viết không đúng"
        return "PL1.II.1b.motto-text", f"Tiêu ngữ {why}"
    if any(d in typed for d in "–—") and key(typed) == header.MOTTO:
        return "PL1.II.1b.motto-dash", "Tiêu ngữ dùng gạch ngang dài"
    return None


def _check_issuer(out: Collector, h: Header) -> None:
    ps = out.reading.ps
    bold = [i for i in h.issuer_lines if all_runs(ps[i], "bold")]
    if not bold:
        last = h.issuer_lines[-1]
        out.add(
            "PL1.II.2b.issuer-format", "tên cơ quan ban hành phải in đậm", last, "đậm", "không đậm"
        )
        bold = [last]
    for i in bold:
        if not upper(ps[i].text):
            out.add(
                "PL1.II.2b.issuer-format",
                "tên cơ quan ban hành phải in hoa",
                i,
                ps[i].text.strip().upper(),
                ps[i].text.strip(),
            )
        out.size_rule(
            "PL1.II.2b.issuer-format", i, *rules.size_range("issuer"), "tên cơ quan ban hành"
        )
    for i in h.issuer_lines:
        if i in bold or i > bold[0]:
            continue
        out.size_rule(
            "PL1.II.2a.parent-format", i, *rules.size_range("parent"), "tên cơ quan chủ quản"
        )
    if not h.issuer_line:
        out.add("PL1.II.2c.issuer-line", "không thấy đường kẻ dưới tên cơ quan ban hành", bold[-1])


def _motto_line_length(out: Collector, motto: int, lines: list[int]) -> None:
    """The line under the Tiêu ngữ is as long as the Tiêu ngữ (II.1.b), ±20 %."""
    ps = out.reading.ps
    m = ps[motto]
    length = 0
    for i in lines:
        p = ps[i]
        widths = [w for k, w in zip(p.shapes, p.shape_widths, strict=False) if w]
        if widths:
            length = widths[0]
        elif "bottom" in p.borders or "top" in p.borders:
            tables = out.reading.view.tables
            table = tables[p.table] if p.table is not None else None
            if table is None or p.cell is None or p.cell >= len(table.grid):
                continue
            cell = table.grid[p.cell] - 2 * page.CELL_MARGIN
            length = cell - p.left_indent - p.right_indent
        if length:
            break
    if not length:
        return
    text = _metrics.text_width(" ".join(m.text.split()), max(sizes(m) or [14.0]), bold=True)
    lo, hi = rules.MOTTO_LINE_RATIO
    if text and not lo <= length / text <= hi:
        out.add(
            "PL1.II.1b.motto-line-length",
            f"đường kẻ dưới Tiêu ngữ dài {cm(length)}, dòng Tiêu ngữ {cm(text)}",
            motto,
            f"≈ {cm(text)}",
            cm(length),
        )


def _check_tabbed(out: Collector, h: Header) -> None:
    """A header typed with tabs and spaces, without a table: its texts only."""
    for k, (i, piece) in enumerate(h.pieces):
        bare = rules.without_marks(key(piece)).upper()
        problem = None
        if "XA HOI CHU NGHIA" in bare:
            problem = _national_text(piece)
        elif bare.startswith("DOC LAP"):
            problem = _motto_text(piece)
        if problem is not None:
            expected = header.MOTTO if problem[0].startswith("PL1.II.1b") else header.NATIONAL_NAME
            out.add(problem[0], problem[1], i, expected, piece)
        if k == h.number_piece:
            for code, expected, found in rules.number_problems(piece):
                out.add(
                    _NUMBER_RULES[code], f"số, ký hiệu viết chưa đúng: {piece}", i, expected, found
                )
        elif k == h.date_piece:
            for code, expected, found in rules.date_problems(piece):
                out.add(_date_rule(code), f"ngày tháng viết chưa đúng: {piece}", i, expected, found)
    if not h.motto_line:
        out.add("PL1.II.1b.motto-line", "không thấy đường kẻ dưới Tiêu ngữ", h.national)


def check_mark(out: Collector, i: int) -> None:
    """The marks KHẨN, MẬT…: in capitals, bold, their size (Phụ lục I, III.2)."""
    p = out.reading.ps[i]
    mark = rules.mark_text(p.text)
    if mark is None:
        return
    if not (upper(p.text) and all_runs(p, "bold")):
        out.add("PL1.III.2.mark-format", f"dấu {mark} phải in hoa, đậm", i, mark, p.text.strip())
    out.size_rule("PL1.III.2.mark-format", i, *rules.MARK_SIZE, f"dấu {mark}")

"""The catalogue of checks a finished document is read against, one entry per rule.

Each rule has a stable ID that names its place in Nghị định 30/2020/NĐ-CP (``PL1`` = Phụ lục
I, then the Mục in Roman numerals, then the item: ``PL1.II.4b.date-zero-padding`` is Phụ
lục I, Mục II, item 4.b), a severity, the clause as a clerk cites it, the component it is
about, what it checks, and a failing and a passing example. The checker
(:mod:`vanban.checker`) reports findings by these IDs; ``vanban check --rules`` and
``docs/checker.md`` print this table. IDs are kept when messages change.

>>> RULES["PL1.II.4b.date-zero-padding"].clause
'Phụ lục I, Mục II, 4.b'
>>> len(RULES) == len({r.id for r in CATALOGUE})
True
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.nd30 import header, page, recipients, rules
from vanban.nd30.text import END_MARK

ERROR = "error"
WARNING = "warning"


def _sizes(component: str) -> str:
    """The sizes (pt) a component may take, as a clerk writes them: "12–13", "13".

    >>> _sizes("national"), _sizes("number")
    ('12–13', '13')
    """
    lo, hi = rules.size_range(component)
    return _span(lo, hi)


def _span(lo: float, hi: float) -> str:
    return f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"


def _margin(side: str) -> str:
    return _span(*page.MARGIN_RANGES_MM[side]) + " mm"


def _decimal(value: float) -> str:
    return f"{value:g}".replace(".", ",")


#: The decree's paper, first-line indents and line spacings as findings and the catalogue
#: write them (Phụ lục I, I.1 and II.6.e): "A4 210 × 297 mm", "1–1,27 cm", "1–1,5 dòng".
A4_TEXT = f"A4 {page.PAPER_MM[0]} × {page.PAPER_MM[1]} mm"
INDENT_TEXT = (
    "–".join(n.removesuffix("cm").replace(".", ",") for n in page.FIRST_LINE_INDENTS) + " cm"
)
LINE_SPACING_TEXT = "–".join(_decimal(x) for x in page.LINE_SPACING_LINES) + " dòng"
#: The least space between paragraphs (II.6.e), "6 pt".
PARAGRAPH_SPACING_TEXT = f"{_decimal(page.PARAGRAPH_SPACING_MIN / 20)} pt"


@dataclass(frozen=True)
class Rule:
    """One rule: ID, severity, clause of the decree, component, what it checks, examples."""

    id: str
    severity: str
    clause: str
    component: str
    checks: str
    bad: str
    good: str


def _r(id_: str, sev: str, clause: str, comp: str, checks: str, bad: str, good: str) -> Rule:
    return Rule(id_, sev, clause, comp, checks, bad, good)


E, W = ERROR, WARNING
# fmt: off
CATALOGUE: tuple[Rule, ...] = (
    _r("SCOPE.out-of-scope", W, "Điều 1, Điều 7 (văn bản hành chính)", "văn bản",
       "Văn bản không phải văn bản hành chính theo NĐ30 (không Quốc hiệu, giấy phép, phiếu "
       "trình, văn bản quy phạm): chỉ báo một lần, không kiểm tra tiếp",
       "PHIẾU TRÌNH giải quyết công việc", "KẾ HOẠCH … với Quốc hiệu và Số, ký hiệu"),
    _r("PL1.I.paper-size", E, "Phụ lục I, Mục I, 2", "trang",
       f"Khổ giấy A4 ({page.PAPER_MM[0]} × {page.PAPER_MM[1]} mm); mục phụ lục có thể nằm "
       "ngang",
       "Letter 216 × 279 mm", A4_TEXT),
    _r("PL1.I.orientation", E, "Phụ lục I, Mục I, 2", "trang",
       "Trang đầu in theo chiều dọc (phụ lục, bảng biểu được nằm ngang)",
       "mục đầu tiên nằm ngang", "mục đầu dọc, phụ lục ngang"),
    _r("PL1.I.margin-top", E, "Phụ lục I, Mục I, 5", "lề trên", f"Lề trên {_margin('top')}",
       "lề trên 15 mm", "lề trên 20 mm"),
    _r("PL1.I.margin-bottom", E, "Phụ lục I, Mục I, 5", "lề dưới", f"Lề dưới {_margin('bottom')}",
       "lề dưới 15 mm", "lề dưới 20 mm"),
    _r("PL1.I.margin-left", E, "Phụ lục I, Mục I, 5", "lề trái", f"Lề trái {_margin('left')}",
       "lề trái 25 mm", "lề trái 30 mm"),
    _r("PL1.I.margin-right", E, "Phụ lục I, Mục I, 5", "lề phải", f"Lề phải {_margin('right')}",
       "lề phải 25 mm", "lề phải 15 mm"),
    _r("PL1.I.font", E, "Phụ lục I, Mục I, 4", "phông chữ",
       f"Phông {page.FONT} (bộ mã Unicode TCVN 6909:2001) cho mọi chữ của văn bản",
       "đoạn gõ bằng Arial", page.FONT),
    _r("PL1.I.color", W, "Phụ lục I, Mục I, 4", "màu chữ", "Chữ màu đen",
       "chữ màu xanh 0000FF", "chữ màu đen (auto)"),
    _r("PL1.I.unicode-nfc", W, "Phụ lục I, Mục I, 4", "bộ mã",
       "Chữ Việt ở dạng dựng sẵn (NFC), không tổ hợp dấu rời",
       "\"Hà Nội\" gõ bằng dấu tổ hợp (NFD)", "\"Hà Nội\" dựng sẵn"),
    _r("PL1.II.1a.national-name", E, "Phụ lục I, Mục II, 1.a", "Quốc hiệu",
       f"Có dòng Quốc hiệu \"{header.NATIONAL_NAME}\"",
       "\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA\"", f"\"{header.NATIONAL_NAME}\""),
    _r("PL1.II.1a.national-missing", E, "Phụ lục I, Mục II, 1", "Quốc hiệu",
       "Văn bản có Số, ký hiệu, người ký hoặc Nơi nhận thì có Quốc hiệu và Tiêu ngữ ở đầu "
       "trang (vẫn kiểm tra như loại văn bản gần nhất)",
       "công văn có Số, Nơi nhận nhưng không có Quốc hiệu", f"\"{header.NATIONAL_NAME}\""),
    _r("PL1.II.1a.national-name-spelling", W, "Phụ lục I, Mục II, 1.a", "Quốc hiệu",
       "Viết đúng chữ của Nghị định (\"HÒA\" hoặc \"HOÀ\" như Nghị định in, chữ dựng sẵn)",
       "Quốc hiệu gõ bằng dấu tổ hợp rời", f"\"{header.NATIONAL_NAME}\" hoặc \"CỘNG HOÀ …\""),
    _r("PL1.II.1a.national-name-format", E, "Phụ lục I, Mục II, 1.a", "Quốc hiệu",
       f"Quốc hiệu in hoa, đứng, đậm, cỡ {_sizes('national')}", "Quốc hiệu cỡ 14", "Quốc hiệu đậm cỡ 13"),
    _r("PL1.II.1a.national-one-line", W, "Phụ lục I, Mục II, 1.a; Mục IV (ô 1)", "Quốc hiệu",
       "Quốc hiệu trình bày trên một dòng, không ngắt dòng (Shift+Enter, Tab) giữa các chữ",
       "\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA\" ↵ \"VIỆT NAM\"", f"\"{header.NATIONAL_NAME}\" một dòng"),
    _r("PL1.II.1b.motto-format", E, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       f"Tiêu ngữ in thường, đứng, đậm, cỡ {_sizes('motto')}", "Tiêu ngữ không đậm", "Tiêu ngữ đậm cỡ 14"),
    _r("PL1.II.1b.motto-text", E, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       f"Tiêu ngữ đúng chữ \"{header.MOTTO}\" (có dấu)",
       "\"Doc lap - Tu do - Hanh phuc\" (gõ không dấu)", f"\"{header.MOTTO}\""),
    _r("PL1.II.1b.motto-dash", W, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       "Các cụm từ của Tiêu ngữ nối bằng gạch nối \"-\" có cách chữ",
       "\"Độc lập – Tự do – Hạnh phúc\" (gạch ngang dài)", f"\"{header.MOTTO}\""),
    _r("PL1.II.1b.motto-spacing", W, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       "Gạch nối giữa các cụm từ của Tiêu ngữ có cách chữ ở hai bên",
       "\"Độc lập -Tự do - Hạnh phúc\"", f"\"{header.MOTTO}\""),
    _r("PL1.II.1b.motto-line", E, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       "Có đường kẻ ngang nét liền dưới Tiêu ngữ (viền đoạn, viền ô, hình vẽ hoặc dấu gạch)",
       "không có đường kẻ", "đường kẻ vẽ bằng hình (shape) hoặc viền dưới"),
    _r("PL1.II.1b.motto-line-length", W, "Phụ lục I, Mục II, 1.b", "Tiêu ngữ",
       "Đường kẻ dưới Tiêu ngữ dài bằng dòng Tiêu ngữ "
       f"({_span(*(round(100 * x) for x in rules.MOTTO_LINE_RATIO))} %)",
       "đường kẻ 2 cm dưới Tiêu ngữ 6 cm", "đường kẻ 6 cm"),
    _r("PL1.II.2.issuer-missing", E, "Phụ lục I, Mục II, 2", "tên cơ quan ban hành",
       "Có tên cơ quan, tổ chức ban hành ở cột trái bảng tiêu đề",
       "cột trái chỉ có \"Số:\"", "\"SỞ CÔNG THƯƠNG\" trên dòng Số"),
    _r("PL1.II.2b.issuer-format", E, "Phụ lục I, Mục II, 2.b", "tên cơ quan ban hành",
       f"Tên cơ quan ban hành in hoa, đứng, đậm, cỡ {_sizes('issuer')}",
       "\"Sở Công Thương\" chữ thường", "\"SỞ CÔNG THƯƠNG\" đậm cỡ 13"),
    _r("PL1.II.2a.parent-format", W, "Phụ lục I, Mục II, 2.a", "tên cơ quan chủ quản",
       f"Tên cơ quan chủ quản in hoa, đứng, không đậm, cỡ {_sizes('parent')}",
       "\"UBND TỈNH LÀO CAI\" cỡ 14", "\"UBND TỈNH LÀO CAI\" cỡ 13"),
    _r("PL1.II.2c.issuer-line", E, "Phụ lục I, Mục II, 2.c", "tên cơ quan ban hành",
       "Có đường kẻ ngang nét liền dưới tên cơ quan ban hành",
       "không có đường kẻ", "đường kẻ vẽ bằng hình hoặc viền dưới"),
    _r("PL1.II.3.number-missing", E, "Phụ lục I, Mục II, 3", "số, ký hiệu",
       "Có dòng \"Số: …/…\" dưới tên cơ quan ban hành", "không có dòng Số",
       "\"Số: 05/KH-UBND\""),
    _r("PL1.II.3a.number-colon", E, "Phụ lục I, Mục II, 3.a", "số, ký hiệu",
       "Sau chữ \"Số\" có dấu hai chấm", "\"Số 05/KH-UBND\"", "\"Số: 05/KH-UBND\""),
    _r("PL1.II.3c.number-leading-zero", E, "Phụ lục I, Mục II, 3.c", "số, ký hiệu",
       "Số nhỏ hơn 10 ghi thêm số 0 phía trước", "\"Số: 5/KH-UBND\"", "\"Số: 05/KH-UBND\""),
    _r("PL1.II.3b.symbol-shape", E, "Phụ lục I, Mục II, 3.b", "số, ký hiệu",
       "Ký hiệu in hoa, các nhóm chữ nối bằng \"-\" không cách chữ",
       "\"Số: 05/qđ - SNV\"", "\"Số: 05/QĐ-SNV\""),
    _r("PL1.II.3b.symbol-type", E, "Phụ lục I, Mục II, 3.b; Phụ lục III, Mục I", "số, ký hiệu",
       "Chữ viết tắt tên loại trong ký hiệu khớp với tên loại văn bản",
       "QUYẾT ĐỊNH với \"Số: 05/KH-UBND\"", "QUYẾT ĐỊNH với \"Số: 05/QĐ-UBND\""),
    _r("PL1.II.3c.number-size", E, "Phụ lục I, Mục II, 3.c; Mục V", "số, ký hiệu",
       f"Số, ký hiệu cỡ {_sizes('number')} (cố định)", "\"Số:\" cỡ 14", "\"Số:\" cỡ 13"),
    _r("PL1.II.4.date-missing", E, "Phụ lục I, Mục II, 4", "địa danh, thời gian",
       "Có dòng địa danh và ngày tháng năm ban hành", "không có dòng ngày",
       "\"Hà Nội, ngày 05 tháng 3 năm 2026\""),
    _r("PL1.II.4b.date-zero-padding", E, "Phụ lục I, Mục II, 4.b", "địa danh, thời gian",
       "Ngày dưới 10 và tháng 1, 2 ghi thêm số 0; tháng 3–12 không",
       "\"ngày 5 tháng 03 năm 2026\"", "\"ngày 05 tháng 3 năm 2026\""),
    _r("PL1.II.4c.date-form", E, "Phụ lục I, Mục II, 4.c", "địa danh, thời gian",
       "Dạng \"Địa danh, ngày … tháng … năm …\", có dấu phẩy sau địa danh",
       "\"Hà Nội ngày 05 tháng 3 năm 2026\"", "\"Hà Nội, ngày 05 tháng 3 năm 2026\""),
    _r("PL1.II.4c.date-format", E, "Phụ lục I, Mục II, 4.c; Mục V", "địa danh, thời gian",
       f"Dòng ngày in thường, nghiêng, cỡ {_sizes('place_date')}", "dòng ngày chữ đứng", "dòng ngày nghiêng 14"),
    _r("PL1.II.4.number-date-level", W, "Phụ lục I, Mục IV (ô 3, ô 4)", "số, ký hiệu",
       "Số, ký hiệu và địa danh, ngày trên cùng một hàng của bảng tiêu đề",
       "dòng ngày ở hàng dưới dòng Số", "cùng hàng"),
    _r("PL1.II.5a.doc-type-missing", E, "Phụ lục I, Mục II, 5.a", "tên loại",
       "Văn bản có tên loại (trừ công văn) ghi tên loại dưới bảng tiêu đề",
       "Số \"…/QĐ-UBND\" nhưng không có dòng QUYẾT ĐỊNH", "dòng \"QUYẾT ĐỊNH\""),
    _r("PL1.II.5b.doc-type-format", E, "Phụ lục I, Mục II, 5.b; Mục V", "tên loại",
       f"Tên loại in hoa, đứng, đậm, cỡ {_sizes('doc_type')}, căn giữa", "tên loại căn trái",
       "\"KẾ HOẠCH\" đậm, căn giữa, cỡ 14"),
    _r("PL1.II.5b.title-format", E, "Phụ lục I, Mục II, 5.b; Mục V", "trích yếu",
       f"Trích yếu in thường, đứng, đậm, cỡ {_sizes('title')}, căn giữa dưới tên loại",
       "trích yếu không đậm", "trích yếu đậm, căn giữa"),
    _r("PL1.II.5b.title-line", E, "Phụ lục I, Mục II, 5.b", "trích yếu",
       "Có đường kẻ ngang nét liền dưới trích yếu", "không có đường kẻ",
       "đường kẻ vẽ bằng hình hoặc viền dưới"),
    _r("PL1.II.5b.subject-missing", E, "Phụ lục I, Mục II, 5.b", "trích yếu công văn",
       "Công văn có trích yếu \"V/v …\" dưới Số, ký hiệu", "không có dòng V/v",
       "\"V/v triển khai …\""),
    _r("PL1.II.5b.subject-format", E, "Phụ lục I, Mục II, 5.b", "trích yếu công văn",
       f"Dòng \"V/v …\" in thường, đứng, không đậm, cỡ {_span(*rules.SUBJECT_SIZE)}", "\"V/v …\" cỡ 14",
       "\"V/v …\" cỡ 12"),
    _r("PL1.II.9a.kinh-gui", E, "Phụ lục I, Mục II, 9.a", "kính gửi",
       "\"Kính gửi:\" có dấu hai chấm; nhiều nơi: mỗi nơi một dòng \"- …;\", dòng cuối "
       "\".\"; công văn có dòng Kính gửi",
       "\"Kính gửi Sở Tài chính\"", "\"Kính gửi: Sở Tài chính\""),
    _r("PL1.II.6a.basis-italic", E, "Phụ lục I, Mục II, 6.a", "căn cứ ban hành",
       "Các dòng căn cứ ban hành in nghiêng", "\"Căn cứ Luật …\" chữ đứng",
       "\"Căn cứ Luật …\" chữ nghiêng"),
    _r("PL1.II.6a.basis-punctuation", E, "Phụ lục I, Mục II, 6.a", "căn cứ ban hành",
       "Mỗi căn cứ một dòng kết thúc bằng \";\", dòng cuối bằng \".\"",
       "\"Căn cứ Luật A.\" rồi \"Căn cứ Nghị định B;\"", "\"…A;\" rồi \"…B.\""),
    _r("PL1.II.6a.basis-form", E, "Phụ lục I, Mục II, 6.a; Phụ lục III, Mẫu 1.2", "căn cứ ban hành",
       "Mỗi dòng căn cứ mở đầu bằng \"Căn cứ\" (dòng cuối \"Theo đề nghị của …\" được), không "
       "gõ tiếp căn cứ sau dấu phẩy",
       "\"Căn cứ Luật A;\" rồi \"Luật B;\"", "\"Căn cứ Luật A;\" rồi \"Căn cứ Luật B;\""),
    _r("PL3.QD.authority-missing", E, "Phụ lục III, Mẫu 1.2, 1.3 (chú thích 6)", "thẩm quyền ban hành",
       "Quyết định có dòng thẩm quyền ban hành in hoa, đậm, căn giữa trước các căn cứ",
       "trích yếu rồi ngay \"Căn cứ …\"", "\"GIÁM ĐỐC SỞ CÔNG THƯƠNG\" trước \"Căn cứ …\""),
    _r("PL3.QD.issuing-line", E, "Phụ lục III, Mẫu 1.1–1.3", "nội dung",
       "Dòng \"QUYẾT ĐỊNH:\" (\"QUYẾT NGHỊ:\") sau các căn cứ có dấu hai chấm",
       "\"QUYẾT ĐỊNH\"", "\"QUYẾT ĐỊNH:\""),
    _r("PL1.II.6.body-size", E, "Phụ lục I, Mục II, 6; Mục V", "nội dung",
       f"Chữ nội dung cỡ {_sizes('body')} (bảng biểu, chú thích được nhỏ hơn)", "đoạn văn cỡ 12",
       "đoạn văn cỡ 14"),
    _r("PL1.II.6e.body-justify", W, "Phụ lục I, Mục II, 6.e", "nội dung",
       "Đoạn văn căn đều hai lề (đoạn dài hơn một dòng)", "đoạn văn căn trái",
       "đoạn văn căn đều"),
    _r("PL1.II.6e.body-indent", W, "Phụ lục I, Mục II, 6.e", "nội dung",
       f"Lùi đầu dòng {INDENT_TEXT} (dung sai ±0,5 mm; lùi bằng phím Tab cũng được)",
       "lùi đầu dòng 0,5 cm", "lùi đầu dòng 1,25 cm"),
    _r("PL1.II.6e.body-spacing", W, "Phụ lục I, Mục II, 6.e", "nội dung",
       f"Khoảng cách giữa các đoạn tối thiểu {PARAGRAPH_SPACING_TEXT}", "cách đoạn 0 pt", "cách đoạn 6 pt"),
    _r("PL1.II.6e.body-line-spacing", W, "Phụ lục I, Mục II, 6.e", "nội dung",
       f"Giãn dòng từ dòng đơn đến {_decimal(page.LINE_SPACING_LINES[1])} dòng "
       "(cỡ chính xác tương đương được chấp nhận)",
       "giãn dòng 2,0", "giãn dòng chính xác 18 pt với chữ 14"),
    _r("PL1.II.6.end-mark", W, "Phụ lục III (các mẫu); Phụ lục I, Mục II, 6", "nội dung",
       f"Nội dung kết thúc bằng dấu \"{END_MARK}\"", "\"… tổ chức thực hiện.\"",
       f"\"… tổ chức thực hiện{END_MARK}\""),
    _r("PL1.II.6d.article-label", E, "Phụ lục I, Mục II, 6.đ; Mục V", "điều",
       "Nhãn điều viết \"Điều\", số Ả Rập và dấu chấm: \"Điều 1.\"",
       "\"Điều 1: Phê duyệt …\"", "\"Điều 1. Phê duyệt …\""),
    _r("PL1.II.6d.article-bold", E, "Phụ lục I, Mục II, 6.đ; Mục V", "điều",
       "Nhãn \"Điều 1.\" (và tên điều) in thường, đứng, đậm",
       "\"Điều 1.\" chữ thường không đậm", "\"Điều 1.\" đậm"),
    _r("PL1.II.7a.signer-format", E, "Phụ lục I, Mục II, 7.đ; Mục V", "quyền hạn, chức vụ",
       f"Quyền hạn, chức vụ người ký in hoa, đứng, đậm, cỡ {_sizes('signer')}", "\"Giám đốc\" chữ thường",
       "\"GIÁM ĐỐC\" đậm"),
    _r("PL1.II.7a.signer-prefix", E, "Điều 13; Phụ lục I, Mục II, 7.a", "quyền hạn",
       "Quyền hạn viết \"TM.\", \"KT.\", \"TL.\", \"TUQ.\", \"Q.\" có dấu chấm",
       "\"K/T GIÁM ĐỐC\"", "\"KT. GIÁM ĐỐC\""),
    _r("PL1.II.7b.signer-name", E, "Phụ lục I, Mục II, 7.đ; Mục V", "họ tên người ký",
       f"Họ tên người ký in thường, đứng, đậm, cỡ {_sizes('signer')}", "họ tên không đậm",
       "\"Nguyễn Văn A\" đậm"),
    _r("PL1.II.9b.recipients-label", E, "Phụ lục I, Mục II, 9.b; Mục V", "nơi nhận",
       f"Nhãn \"{recipients.LABEL}\" in nghiêng, đậm, cỡ {_sizes('recipients_label')}, "
       "có dấu hai chấm", "\"Nơi nhận\" không đậm",
       "\"Nơi nhận:\" đậm nghiêng cỡ 12"),
    _r("PL1.II.9b.recipients-size", E, "Phụ lục I, Mục II, 9.b; Mục V", "nơi nhận",
       f"Các dòng nơi nhận cỡ {_sizes('recipient')}, chữ đứng", "dòng nơi nhận cỡ 13", "dòng nơi nhận cỡ 11"),
    _r("PL1.II.9b.recipients-punctuation", E, "Phụ lục I, Mục II, 9.b", "nơi nhận",
       "Mỗi nơi nhận một dòng bắt đầu bằng \"-\", kết thúc bằng \";\"",
       "\"- Sở Tài chính\"", "\"- Sở Tài chính;\""),
    _r("PL1.II.9b.archive-line", E, "Phụ lục I, Mục II, 9.b", "nơi nhận",
       f"Dòng cuối \"- {recipients.ARCHIVE_LABEL} {recipients.ARCHIVE_FIRST}, …\" kết thúc "
       "bằng \".\" (ký hiệu người soạn thảo sau được)",
       "\"- Lưu VT, CN\"", "\"- Lưu: VT, CN.\""),
    _r("PL1.II.9b.recipients-missing", E, "Phụ lục I, Mục II, 9.b; Phụ lục III", "nơi nhận",
       "Văn bản có khối \"Nơi nhận:\" bên trái chữ ký (trừ biên bản, hợp đồng, thư công, "
       "văn bản ban hành kèm theo quyết định)", "chỉ có chữ ký, không có \"Nơi nhận:\"",
       "\"Nơi nhận:\" … \"- Lưu: VT, ….\""),
    _r("PL1.I.7.page-number-missing", E, "Phụ lục I, Mục I, 7", "số trang",
       "Văn bản nhiều trang đánh số trang (trường PAGE) từ trang 2",
       "văn bản 3 trang không có số trang", "trường PAGE ở đầu trang"),
    _r("PL1.I.7.page-number-first", W, "Phụ lục I, Mục I, 7", "số trang",
       "Không hiển thị số trang ở trang thứ nhất", "số 1 in ở trang đầu",
       "trang đầu riêng (titlePg) không số"),
    _r("PL1.I.7.page-number-position", W, "Phụ lục I, Mục I, 7", "số trang",
       f"Số trang đặt giữa, trong lề trên (đầu trang), cỡ {_sizes('page_number')}", "số trang ở chân trang",
       "số trang giữa đầu trang"),
    _r("PL1.III.1.appendix-heading", W, "Phụ lục I, Mục III, 1", "phụ lục",
       "Dòng \"Phụ lục\" đứng riêng, căn giữa, đậm; từ hai phụ lục đánh số La Mã",
       "\"Phụ lục 1\", \"Phụ lục 2\"", "\"Phụ lục I\", \"Phụ lục II\""),
    _r("PL1.III.1.appendix-reference", W, "Phụ lục I, Mục III, 1.b; Phụ lục III, Mẫu 2.1",
       "phụ lục", "Dòng \"(Kèm theo … số … ngày … của …)\" dưới tên phụ lục in nghiêng",
       "\"(Kèm theo Kế hoạch số …)\" chữ đứng", "\"(Kèm theo Kế hoạch số …)\" chữ nghiêng"),
    _r("PL1.III.1.appendix-page-numbers", W, "Phụ lục I, Mục III, 1.đ", "phụ lục",
       "Số trang của phụ lục đánh riêng (bắt đầu lại từ 1 ở mục phụ lục)",
       "phụ lục tiếp số trang của văn bản", "mục phụ lục bắt đầu số trang từ 1"),
    _r("PL1.I.5.table-width", W, "Phụ lục I, Mục I, 5", "bảng",
       "Bảng trong nội dung nằm trong vùng chữ, không tràn ra lề (dung sai 5 mm); bảng rộng "
       "đặt trong phụ lục nằm ngang",
       "bảng 19 cm trên trang dọc lề 30/15 mm", "bảng 16 cm"),
    _r("PL1.II.7.signature-alone", W, "Phụ lục I, Mục II, 7–8 (thực hành văn thư)", "chữ ký",
       "Khối chữ ký không đứng riêng ở trang cuối: trang có chữ ký còn nội dung văn bản "
       "(ước tính từ khổ giấy, lề và độ rộng chữ; đúng như bản in với --layout)",
       "trang cuối chỉ có \"Nơi nhận\" và chữ ký", "đoạn cuối và chữ ký cùng trang"),
    _r("PL1.III.2.mark-format", E, "Phụ lục I, Mục III, 2.a–b", "độ khẩn, độ mật",
       f"Dấu mức độ khẩn/mật in hoa, đứng, đậm, cỡ {_span(*rules.MARK_SIZE)}", "\"Khẩn\" chữ thường",
       "\"KHẨN\" đậm cỡ 13"),
)
# fmt: on

#: The catalogue keyed by rule ID.
RULES: dict[str, Rule] = {r.id: r for r in CATALOGUE}

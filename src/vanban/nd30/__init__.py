"""The rules of Nghị định 30/2020/NĐ-CP, one small pure function or constant each.

Every rule names its place in the decree (Điều, Phụ lục, Mục, khoản: Phụ lục I, Mục II, 4.b) and shows
itself in a doctest. The layout, the template and the checker read these and nothing else,
so a rule changes in one place. No I/O and no docx here.

Modules:

- :mod:`vanban.nd30.header`: Quốc hiệu and Tiêu ngữ (ô 1);
- :mod:`vanban.nd30.dates`: địa danh và thời gian (date text, short dates in deadlines);
- :mod:`vanban.nd30.numbering`: số, ký hiệu; Roman numerals; Vietnamese letters;
- :mod:`vanban.nd30.doctypes`: tên loại văn bản and their abbreviations (Phụ lục III);
- :mod:`vanban.nd30.signer`: quyền hạn, chức vụ, họ tên người ký;
- :mod:`vanban.nd30.recipients`: nơi nhận lines and the "Lưu" line;
- :mod:`vanban.nd30.page`: page, margins, fonts and the two size presets;
- :mod:`vanban.nd30.styles`: each Word paragraph style's size, bold, italic, capitals,
  alignment, indent and spacing (the table ``styles.xml`` is tested against);
- :mod:`vanban.nd30.capitals`: text set in capitals, mixed-case ký hiệu ("CT-TTg") kept;
- :mod:`vanban.nd30.appendix`: the phụ lục heading: label, reference line and its fields;
- :mod:`vanban.nd30.text`: punctuation rules for text (căn cứ lines, the "./." end mark,
  Vietnamese number formatting);
- :mod:`vanban.nd30.money`: sums of money in figures ("1.250.000.000 đồng") and in words;
- :mod:`vanban.nd30.marks`: mức độ khẩn, độ mật, phạm vi lưu hành and the issuer's contact
  line at the foot of page 1 (ô 10a, 10b, 11, 13).
- :mod:`vanban.nd30.articles`: điều, chương, mục labels and the fixed lines of a Quyết định
  (authority line, "Theo đề nghị của", "QUYẾT ĐỊNH:", "Như Điều N", the Mẫu 1.3 Điều 1) and
  of a Nghị quyết ("QUYẾT NGHỊ:", the "TM." signer);
- :mod:`vanban.nd30.cable`: the sender line "… điện:" and the recipient lines of a Công
  điện (Mẫu 1.6).
- :mod:`vanban.nd30.minutes`: the fields of a Biên bản (Mẫu 1.9): times, participants, the
  end line, the THƯ KÝ / CHỦ TỌA titles.
- :mod:`vanban.nd30.agreements`: the fixed lines of a Hợp đồng, Bản ghi nhớ, Bản thỏa thuận
  (parties, "Hôm nay, …", "ĐẠI DIỆN BÊN A").
"""

from vanban.nd30.dates import date_line, date_text, short_date
from vanban.nd30.doctypes import DOC_TYPES, DocType
from vanban.nd30.money import money_figures, money_text, money_words, number_words
from vanban.nd30.numbering import (
    number_line,
    number_text,
    roman,
    symbol,
    vietnamese_letter,
)
from vanban.nd30.page import MARGINS_DEFAULT, SIZE_PRESETS, Margins, SizePreset
from vanban.nd30.recipients import archive_line, recipient_lines
from vanban.nd30.signer import Authority, signer_lines
from vanban.nd30.text import basis_lines, format_number, with_end_mark

__all__ = [
    "DOC_TYPES",
    "MARGINS_DEFAULT",
    "SIZE_PRESETS",
    "Authority",
    "DocType",
    "Margins",
    "SizePreset",
    "archive_line",
    "basis_lines",
    "date_line",
    "date_text",
    "format_number",
    "money_figures",
    "money_text",
    "money_words",
    "number_line",
    "number_text",
    "number_words",
    "recipient_lines",
    "roman",
    "short_date",
    "signer_lines",
    "symbol",
    "vietnamese_letter",
    "with_end_mark",
]

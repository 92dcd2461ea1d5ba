"""Tests for vanban._metrics (Times New Roman text widths and wrapping)."""

import itertools
import unicodedata
from pathlib import Path

import pytest

from vanban._metrics import longest_line_width, text_width, wrap
from vanban._metrics_data import UNITS_PER_EM, WIDTHS

# Liberation Serif 2.x: 1.x (".../liberation") lacks the Vietnamese letters.
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
FACE_FLAGS = {
    "regular": (False, False),
    "bold": (True, False),
    "italic": (False, True),
    "bold_italic": (True, True),
}

TEXT_WIDTH = 8787  # 155 mm text width in twips
SENTENCE = (
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
    "về công tác văn thư, Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành, "
    "Ủy ban nhân dân các huyện, thị xã, thành phố khẩn trương rà soát, thống kê "
    "và báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh trước ngày "
    "15 tháng 12 năm 2024 để tổng hợp, báo cáo Thủ tướng Chính phủ theo quy định."
)
SAMPLES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 123/QĐ-UBND",
    "Hà Nội, ngày 01 tháng 01 năm 2025",
    "“Quyết định” – điều khoản… ưu tiên ổn định, Ơn, Ưu, Đặng Thị Ỷ",
    "The quick brown fox jumps over the lazy dog 0123456789 ½ é ß",
]


@pytest.fixture(scope="module")
def fonts():
    """Open the four Liberation Serif faces with fontTools, or skip."""
    ttlib = pytest.importorskip("fontTools.ttLib")
    paths = {face: FONT_DIR / name for face, name in FONT_FILES.items()}
    if not all(p.is_file() for p in paths.values()):
        pytest.skip(f"Liberation Serif 2.x not found in {FONT_DIR}")
    opened = {face: ttlib.TTFont(path) for face, path in paths.items()}
    yield opened
    for font in opened.values():
        font.close()


def font_width(font, text: str, size_pt: float) -> float:
    """Width of *text* in twips computed directly from the font's hmtx."""
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    units = sum(hmtx[cmap[ord(ch)]][0] for ch in text)
    return units * size_pt * 20 / font["head"].unitsPerEm


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("face", list(FONT_FILES))
def test_text_width_matches_font(fonts, face, text):
    bold, italic = FACE_FLAGS[face]
    for size in (12, 13, 14):
        expected = font_width(fonts[face], text, size)
        got = text_width(text, size, bold=bold, italic=italic)
        assert got == pytest.approx(expected, abs=1e-9)


def test_data_table_matches_font(fonts):
    for face, font in fonts.items():
        assert font["head"].unitsPerEm == UNITS_PER_EM
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        for cp, width in WIDTHS[face].items():
            assert hmtx[cmap[cp]][0] == width, (face, f"U+{cp:04X}")


def test_data_table_coverage():
    expected = (
        set(range(0x20, 0x7F))
        | set(range(0xA0, 0x100))
        | set(map(ord, "ĂăĐđĨĩŨũƠơƯư"))
        | set(range(0x1EA0, 0x1EFA))
        | set(map(ord, "–—‘’“”…•№¹²³"))
    )
    assert set(WIDTHS) == set(FONT_FILES)
    for face in WIDTHS:
        assert set(WIDTHS[face]) == expected


def test_motto_width():
    width = text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert width == 3427.67578125
    assert text_width("Đ", 14, bold=True) == text_width("D", 14, bold=True)


@pytest.mark.parametrize("text", [*SAMPLES, SENTENCE])
@pytest.mark.parametrize("face", list(FONT_FILES))
def test_nfd_input_same_width_as_nfc(face, text):
    bold, italic = FACE_FLAGS[face]
    nfd = unicodedata.normalize("NFD", text)
    nfc = unicodedata.normalize("NFC", text)
    assert text_width(nfd, 14, bold=bold, italic=italic) == text_width(
        nfc, 14, bold=bold, italic=italic
    )


def test_fallbacks():
    # Not in the table: base letter after NFD, else the width of "n".
    assert text_width("ǎ", 12) == text_width("a", 12)
    assert text_width("Ǹ", 12, bold=True) == text_width("N", 12, bold=True)
    assert text_width("中", 12) == text_width("n", 12)
    # Combining marks (even alone) and format characters add nothing.
    assert text_width("\u0301", 12) == 0
    assert text_width("q\u0301", 12) == text_width("q", 12)
    assert text_width("a\u00adb\u200bc", 12) == text_width("abc", 12)


@pytest.mark.parametrize("face", list(FONT_FILES))
def test_wrap_long_vietnamese_sentence(face):
    bold, italic = FACE_FLAGS[face]
    lines = wrap(SENTENCE, TEXT_WIDTH, 14, bold=bold, italic=italic)
    assert len(lines) >= 3
    assert " ".join(lines) == SENTENCE
    for line in lines:
        assert line == line.strip()
        assert text_width(line, 14, bold=bold, italic=italic) <= TEXT_WIDTH
    # Greedy: the first word of each line would not have fitted on the
    # previous one.
    for prev, line in itertools.pairwise(lines):
        first = line.split(" ")[0]
        longer = f"{prev} {first}"
        assert text_width(longer, 14, bold=bold, italic=italic) > TEXT_WIDTH
    longest = longest_line_width(SENTENCE, TEXT_WIDTH, 14, bold=bold, italic=italic)
    widths = [text_width(line, 14, bold=bold, italic=italic) for line in lines]
    assert longest == max(widths)


def test_wrap_nfd_input_gives_nfc_lines():
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert wrap(nfd, TEXT_WIDTH, 14) == wrap(SENTENCE, TEXT_WIDTH, 14)


def test_wrap_explicit_newlines():
    assert wrap("Nơi nhận:\n- Như trên;\n- Lưu: VT.", TEXT_WIDTH, 12) == [
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
    ]
    assert wrap("a\n\nb", TEXT_WIDTH, 12) == ["a", "", "b"]
    assert wrap("a\n", TEXT_WIDTH, 12) == ["a", ""]
    assert wrap("", TEXT_WIDTH, 12) == [""]
    # A forced break also restarts greedy filling.
    text = SENTENCE + "\n" + SENTENCE
    assert wrap(text, TEXT_WIDTH, 14) == 2 * wrap(SENTENCE, TEXT_WIDTH, 14)


def test_wrap_spaces():
    # Trailing spaces are dropped, spaces at a break vanish, a no-break space
    # does not break.
    assert wrap("Tự do   ", TEXT_WIDTH, 14) == ["Tự do"]
    one_word = text_width("Hạnh", 14)
    assert wrap("Hạnh   phúc", one_word + 1, 14) == ["Hạnh", "phúc"]
    width = text_width("Tự do Hạnh", 14) + 1
    assert wrap("Tự do Hạnh phúc", width, 14) == ["Tự do Hạnh", "phúc"]
    assert wrap("Tự do Hạnh\u00a0phúc", width, 14) == ["Tự do", "Hạnh\u00a0phúc"]


def test_wrap_overlong_word_is_broken_by_characters():
    url = "https://congbao.chinhphu.vn/van-ban/nghi-dinh-30-2020-nd-cp.htm"
    width = 2000
    lines = wrap("Xem " + url + " nhé", width, 12)
    assert lines[0] == "Xem"
    assert "".join(lines[1:]).endswith(" nhé")
    assert "".join(lines[1:]).replace(" nhé", "") == url
    assert all(text_width(line, 12) <= width for line in lines)
    # A line narrower than one character still makes progress.
    assert wrap("ab", 1, 12) == ["a", "b"]


def test_longest_line_width():
    motto = "Độc lập - Tự do - Hạnh phúc"
    full = text_width(motto, 14, bold=True)
    assert longest_line_width(motto, TEXT_WIDTH, 14, bold=True) == full
    two = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" + motto
    assert longest_line_width(two, TEXT_WIDTH, 13, bold=True) == text_width(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True
    )


def test_bad_arguments():
    with pytest.raises(ValueError):
        wrap("x", 0, 12)
    with pytest.raises(ValueError):
        longest_line_width("x", 1000, 0)

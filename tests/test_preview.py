"""The HTML preview (``_repr_html_``): drawn from the layout blocks, text escaped, and, in a
real browser (headless Chromium), showing the same words as the .docx."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

import vanban
from vanban._docx_reader import read_docx
from vanban.layout import layout
from vanban.layout.blocks import Block
from vanban.preview import to_html

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "style":
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1
        elif tag in ("p", "td"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def _words(text: str) -> collections.Counter[str]:
    # Hyphens dropped on both sides: pdftotext joins a word broken after its hyphen
    # ("KH-" at a line's end, "UBND" on the next) into one.
    return collections.Counter(re.findall(r"\w+", text.replace("\u00a0", " ").replace("-", "")))


def _seen(text: str) -> str:
    """Text as read: blanks collapsed; NFKC, so a block's plain "H₂O" is the preview's
    "H<sub>2</sub>O" read as text, "H2O"."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_block_is_shown(path: Path) -> None:
    """Every paragraph of the layout is in the preview; the body and each part in order."""
    doc = vanban.load(path)
    flat = _seen(_html_text(doc._repr_html_()))
    lay = layout(doc)
    for block in lay.blocks():
        assert _seen(block.text) in flat
    at = 0
    for item in [*lay.body, *(b for a in lay.appendices for b in a.body)]:
        for block in [item] if isinstance(item, Block) else item.blocks():
            line = _seen(block.text)
            found = flat.find(line, at)
            assert found >= 0, f"{line!r} not shown after position {at}"
            at = found + len(line)


def test_user_text_is_escaped(sample_doc: vanban.Document) -> None:
    doc = sample_doc.model_copy(update={"title": "<script>alert(1)</script> & <b>x</b>"})
    html = to_html(doc)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html


def test_styles_follow_the_word_styles(sample_doc: vanban.Document) -> None:
    html = to_html(sample_doc)
    # The sizes and looks of styles.xml, filled for the document: 14 pt preset.
    assert re.search(r"\.VBMotto \{[^}]*font-size: 14\.0pt[^}]*font-weight: bold", html)
    assert re.search(r"\.VBPlaceDate \{[^}]*font-style: italic", html)
    assert re.search(r"\.VBRecipient \{[^}]*font-size: 11\.0pt", html)
    small = sample_doc.model_copy(
        update={"format": sample_doc.format.model_copy(update={"size": "13"})}
    )
    assert re.search(r"\.VBMotto \{[^}]*font-size: 13\.0pt", to_html(small))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None and not __import__("os").environ.get("CI"),
    reason="headless Chromium is not installed (Debian package chromium)",
)
@pytest.mark.parametrize(
    "stem",
    [
        "so-cong-thuong-chuyen-doi-so",
        "giam-ngheo-ben-vung",
        "giay-nghi-phep-so-tai-chinh-nghi-phep-nam",  # the xác nhận block under the closing
        "bien-ban-hop-hoi-dong-xet-tuyen-vien-chuc",  # two signers side by side
        "cong-van-so-giao-duc-tuyen-sinh-lop-10",  # V/v under the Số, Kính gửi
        "so-gddt-ban-hanh-ke-hoach-hoi-khoe-phu-dong",  # a decision and the text it issues
    ],
)
def test_browser_shows_the_docx_words(stem: str, tmp_path: Path) -> None:
    """Chromium prints the preview to PDF; its words are the .docx's words (body, tables,
    footnotes and the first-page contact footer), none missing and none added."""
    assert CHROMIUM, "CI must have Chromium (the Debian package chromium)"
    doc = vanban.load(ROOT / "examples" / f"{stem}.yaml")
    page = tmp_path / "preview.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"></head><body>{to_html(doc)}</body></html>',
        encoding="utf-8",
    )
    pdf = tmp_path / "preview.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    shown = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    view = read_docx(vanban.render(doc))
    docx_text = "\n".join(p.text for p in view.paragraphs)
    docx_text += "\n" + "\n".join(view.footnotes.values())
    docx_text += "\n" + "\n".join(
        p.text for name, part in view.parts.items() if "footer" in name for p in part.paragraphs
    )
    expected, got = _words(docx_text), _words(shown)
    # Footnote numbers are marks in Word (not text); the preview prints them as digits.
    digits = {w for w in got if w.isdigit() and int(w) <= len(view.footnotes)}
    missing = {w: n for w, n in (expected - got).items()}
    extra = {w: n for w, n in (got - expected).items() if w not in digits}
    assert not missing and not extra, (missing, extra)

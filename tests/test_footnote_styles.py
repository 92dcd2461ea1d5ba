"""Output that other clients read right (issue 16, item 9).

Footnotes use Word's built-in styles, "footnote text" (FootnoteText) and "footnote reference"
(FootnoteReference, raised): LibreOffice maps only these to its own footnote styles, so with
vanban 0.2's custom "VB Footnote" styles the number in the footnote area printed on the
baseline in the PDF. Checked in the PDF LibreOffice prints, not only in the XML. The end mark
"./." is upright and regular whatever the closing's emphasis.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban._docx_reader import read_docx
from vanban.layout import layout
from vanban.layout.blocks import Block, Role
from vanban.models import KeHoach
from vanban.nd30.styles import BUILT_IN, FOOTNOTE_REFERENCE

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
NOTE = "Gồm các KCN Đình Trám, Quang Châu, Vân Trung."


def _parts(doc: KeHoach) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(vanban.render(doc))) as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xml")}


def test_footnotes_use_words_built_in_styles(sample_doc: KeHoach) -> None:
    parts = _parts(sample_doc)
    styles, notes, document = (parts[f"word/{n}.xml"] for n in ("styles", "footnotes", "document"))
    text = re.search(r'<w:style [^>]*w:styleId="FootnoteText".*?</w:style>', styles, re.S)
    ref = re.search(r'<w:style [^>]*w:styleId="FootnoteReference".*?</w:style>', styles, re.S)
    assert text and '<w:name w:val="footnote text"/>' in text[0]
    assert 'w:type="paragraph"' in text[0] and "customStyle" not in text[0]
    assert ref and '<w:name w:val="footnote reference"/>' in ref[0]
    assert 'w:type="character"' in ref[0] and "customStyle" not in ref[0]
    assert '<w:vertAlign w:val="superscript"/>' in ref[0]
    assert "VBFootnote" not in styles + notes + document
    # The footnote's paragraph and its number in the footnote area, the mark in the text.
    assert f'<w:pStyle w:val="{BUILT_IN["footnote"]}"/>' in notes
    assert re.search(rf'w:val="{FOOTNOTE_REFERENCE}"/>.*?<w:footnoteRef/>', notes)
    assert re.search(rf'w:val="{FOOTNOTE_REFERENCE}"/>.*?<w:footnoteReference ', document)
    assert Role.FOOTNOTE.style == "FootnoteText"


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or poppler missing")
def test_footnote_numbers_are_raised_in_the_libreoffice_pdf(
    sample_doc: KeHoach, tmp_path: Path
) -> None:
    vanban.render(sample_doc, tmp_path / "fn.docx")
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "fn.docx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    bbox = subprocess.run(
        [str(PDFTOTEXT), "-bbox", "-f", "1", "-l", "1", str(tmp_path / "fn.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    words = [
        (float(y0), float(y1), w)
        for y0, y1, w in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
            bbox,
        )
    ]
    first = NOTE.split()[0]
    for before, word in itertools.pairwise(words):
        if word[2] == first and before[2] == "1":
            number, text = before, word
            break
    else:
        raise AssertionError("the footnote's number and text are not in the PDF")
    # In the footnote area: a smaller number whose bottom sits above the text's baseline.
    assert number[1] - number[0] < 0.75 * (text[1] - text[0]), (number, text)
    assert number[1] < text[1] - 2, (number, text)


def _closing_runs(sample: dict[str, Any], closing: str) -> list[tuple[str, bool, bool]]:
    data = copy.deepcopy(sample)
    data["closing"] = closing
    doc = KeHoach.model_validate(data)
    last = [b for b in layout(doc).body if isinstance(b, Block)][-1]
    view = read_docx(vanban.render(doc))
    para = next(p for p in view.paragraphs if p.text.startswith(last.text[:10]))
    return [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs if r.text]


def test_end_mark_is_upright_after_a_bold_italic_closing(sample: dict[str, Any]) -> None:
    runs = _closing_runs(sample, "***Trân trọng cảm ơn.***")
    assert runs == [("Trân trọng cảm ơn", True, True), ("./.", False, False)]
    # A closing in plain text keeps its mark in the same run, as before.
    assert _closing_runs(sample, "Trên đây là Kế hoạch.") == [
        ("Trên đây là Kế hoạch./.", False, False)
    ]
    # A mark the writer typed inside the emphasis is theirs: left as written.
    assert _closing_runs(sample, "*Trân trọng./.*") == [("Trân trọng./.", False, True)]

"""Word's automatic numbering read as the labels Word shows, and imported as vanban's parts."""

from __future__ import annotations

import io

import docx

from vanban._docx_reader import read_docx


def _numbered_document() -> bytes:
    d = docx.Document()  # python-docx's template defines "List Number" and "List Bullet"
    d.add_paragraph("Đầu văn bản")
    for text in ("Một", "Hai", "Ba"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("Ý gạch đầu dòng", style="List Bullet")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_labels_are_counted_as_word_shows_them() -> None:
    view = read_docx(_numbered_document())
    labels = [(p.label, p.text) for p in view.paragraphs if p.numbered]
    assert labels[:3] == [("1.", "Một"), ("2.", "Hai"), ("3.", "Ba")]
    assert labels[3][1] == "Ý gạch đầu dòng" and labels[3][0] in ("•", "-")
    assert view.paragraphs[0].label == ""


def test_levels_restart_and_formats() -> None:
    from vanban._numbering import Level, Numbering

    n = Numbering(
        abstract={"0": {0: Level("upperRoman", "%1."), 1: Level("decimal", "%1.%2."),
                        2: Level("lowerLetter", "%3)")}},
        nums={"5": "0"},
    )  # fmt: skip
    got = [n.label("5", lvl) for lvl in (0, 1, 1, 2, 2, 0, 1)]
    assert got == ["I.", "I.1.", "I.2.", "a)", "b)", "II.", "II.1."]
    assert n.label("9", 0) == ""  # a list the document does not define

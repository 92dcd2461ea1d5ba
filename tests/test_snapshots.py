"""Snapshots of the rendered examples: text and effective formatting, paragraph by paragraph.

Each example in ``examples/`` is rendered and read back with
:meth:`~vanban._docx_reader.DocxView.normalised`, one line per paragraph with its style,
alignment, indents, spacing and run formatting, then the tables, the section, the headers and
the footnotes. Any change to the output shows as a diff; when it is intended, regenerate with
``pytest tests/test_snapshots.py --snapshot-update`` and review ``tests/__snapshots__/``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import vanban
from vanban._docx_reader import read_docx
from vanban._rendering import render

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_snapshot(path: Path, snapshot) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        doc = vanban.load(path)
    assert read_docx(render(doc)).normalised() == snapshot

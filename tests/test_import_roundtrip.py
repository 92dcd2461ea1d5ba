"""Render → import gives back the model, up to the few things a printed page cannot tell.

The normalisations (each is a property of the printed page, not a loss of text):

- a mục's title is printed in capitals, and comes back in capitals;
- a recipient's purpose is printed in parentheses after the name, and comes back in it;
- footnotes come back named ``n1``, ``n2``… in the order of their marks;
- the name of the issuer in a sentence (``issuer.in_text``) is not printed unless a phụ lục
  quotes it, and a table's column widths come back as the widths Word lays out.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

import vanban

ROOT = Path(__file__).resolve().parent.parent

#: The examples whose every part the import reads back today.
ROUND_TRIP = sorted(
    p
    for p in (ROOT / "examples").glob("*.yaml")
    if p.stem
    in {
        "cong-van-so-giao-duc-tuyen-sinh-lop-10",
        "cong-van-so-tai-chinh-bao-cao-von",
    }
)


def _notes_renamed(text: str, names: list[str]) -> str:
    for k, name in enumerate(names, 1):
        text = text.replace(f"[^{name}]", f"[^n{k}]").replace(f'"{name}":', f'"n{k}":')
    return text


def normalised(doc: vanban.Document) -> dict[str, Any]:
    """The model as data, with the normalisations of the module docstring applied."""
    data = doc.model_dump(exclude_defaults=True)
    for section in data.get("sections", []):
        section["title"] = section["title"].upper()
    data.get("issuer", {}).pop("in_text", None)
    data["recipients"] = [
        f"{r['name']} ({r['purpose']})" if r.get("purpose") else r["name"]
        for r in data.get("recipients", [])
    ]
    text = json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
    text = _notes_renamed(text, list(data.get("footnotes") or {}))
    text = re.sub(r'"width": [^,}]+', '"width": W', text)
    return {"data": text}


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.stem)
def test_render_then_import_gives_the_model_back(path: Path) -> None:
    doc = vanban.load(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = vanban.from_docx(vanban.render(doc)).model
    assert normalised(back) == normalised(doc)

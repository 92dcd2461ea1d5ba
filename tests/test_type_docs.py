"""The per-type docs pages (docs/types/<key-with-dashes>.md) show what vanban really does.

A YAML snippet that opens with the schema line is a whole document: it loads, is of the
page's type, renders and passes the checker. The examples a page names
exist and are of its type, and the pictures it shows are in docs/img/.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import yaml

import vanban
from vanban.checker import check_report

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "docs" / "types").glob("*.md") if p.stem != "index")
SNIPPET = re.compile(r"```yaml\n(# yaml-language-server: \$schema=[^\n]*\n.*?)```", re.S)


def _key(page: Path) -> str:
    return page.stem.replace("-", "_")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_whole_snippets_load_render_and_pass_the_checker(page: Path) -> None:
    snippets = SNIPPET.findall(page.read_text(encoding="utf-8"))
    assert snippets, f"{page.name}: no whole snippet (one opening with the schema line)"
    for snippet in snippets:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", vanban.VanbanWarning)  # a short snippet may warn
            doc = vanban.loads(snippet, source=page.name)
        assert doc.doc_type == _key(page)
        report = check_report(vanban.render(doc))
        assert report.findings == [], (page.name, report.findings)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_named_examples_and_pictures_exist(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for name in set(re.findall(r"`(?:examples/)?([a-z0-9-]+\.yaml)`", text)):
        example = ROOT / "examples" / name
        assert example.is_file(), (page.name, name)
        data = yaml.safe_load(example.read_text(encoding="utf-8"))
        assert data["type"] == _key(page), (page.name, name)
    for picture in re.findall(r"\]\(\.\./img/([^)]+)\)", text):
        assert (ROOT / "docs" / "img" / picture).is_file(), (page.name, picture)

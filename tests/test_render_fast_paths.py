"""The render path's shortcuts give what the long way gives, and leave no trace behind."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import vanban
from vanban._rendering import Renderer
from vanban.errors import ValidationError

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "an-ninh-cong-nhan-bac-giang.yaml"


@pytest.mark.parametrize("enabled", [True, False])
def test_render_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    """The cyclic collector is paused while a document renders and left as it was: on
    when it was on, off when the program had turned it off, also when rendering fails."""
    doc = vanban.load(PLAN)
    bad = doc.model_copy(update={"footnotes": {}})  # its text names a missing footnote
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert Renderer().render(doc)[:2] == b"PK"
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            Renderer().render(bad, today=doc.date.as_date if doc.date else None)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()

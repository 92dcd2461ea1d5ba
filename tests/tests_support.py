"""Helpers shared by test modules (not fixtures)."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

import vanban

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"


@functools.cache
def example_docs() -> dict[str, vanban.Document]:
    """Every example plan, loaded once, by file stem."""
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
            out[path.stem] = vanban.load(path)
    return out

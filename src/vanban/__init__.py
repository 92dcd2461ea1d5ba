"""vanban: Vietnamese administrative documents (văn bản hành chính) from data to Word files.

Documents follow Nghị định 30/2020/NĐ-CP: page, fonts, header table, numbering, dates,
signer block, recipients and page numbers. The public surface is what this module exports;
everything else may change.

>>> import vanban
>>> plan = vanban.loads(EXAMPLE)  # doctest: +SKIP
>>> data = vanban.render(plan)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vanban.errors import (
    InputError,
    Problem,
    TemplateError,
    ValidationError,
    VanbanError,
    VanbanWarning,
)

__version__ = "0.1.0"

__all__ = [
    "Document",
    "InputError",
    "KeHoach",
    "Problem",
    "Renderer",
    "TemplateError",
    "ValidationError",
    "VanbanError",
    "VanbanWarning",
    "__version__",
    "load",
    "loads",
    "render",
]

if TYPE_CHECKING:
    from vanban.loading import load, loads
    from vanban.models import Document, KeHoach
    from vanban.rendering import Renderer, render

_LAZY = {
    "Document": "vanban.models",
    "KeHoach": "vanban.models",
    "Renderer": "vanban.rendering",
    "render": "vanban.rendering",
    "load": "vanban.loading",
    "loads": "vanban.loading",
}


def __getattr__(name: str) -> Any:
    # Heavy modules (pydantic models, Jinja, docxtpl) load on first use, so that
    # ``import vanban`` and the command line start fast.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

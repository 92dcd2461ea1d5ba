"""vanban: Vietnamese administrative documents (văn bản hành chính) from data to Word files.

Documents follow Nghị định 30/2020/NĐ-CP: page, fonts, header table, numbering, dates,
signer block, recipients and page numbers. The public surface is what this module exports;
everything else may change.

>>> import vanban
>>> plan = vanban.loads(EXAMPLE)  # doctest: +SKIP
>>> data = vanban.render(plan)  # doctest: +SKIP
"""

import typing as _typing

from vanban.errors import (
    InputError,
    Problem,
    TemplateError,
    ValidationError,
    VanbanError,
    VanbanWarning,
)
from vanban.registry import class_names as _class_names

__version__ = "0.1.0"

__all__ = [
    "Document",
    "InputError",
    "Problem",
    "Renderer",
    "TemplateError",
    "ValidationError",
    "VanbanError",
    "VanbanWarning",
    "__version__",
    "check",
    "dump",
    "from_docx",
    "load",
    "loads",
    "merge",
    "render",
    "save",
    "to_pdf",
    # The model of every document type (KeHoach, QuyetDinh, CongVan…), from the registry.
    *_class_names(),
]

if _typing.TYPE_CHECKING:
    from vanban._dumping import dump, save
    from vanban._importing import from_docx
    from vanban._loading import load, loads
    from vanban._merge import merge
    from vanban._rendering import Renderer, render
    from vanban.checker import check_docx as check
    from vanban.models import Document
    from vanban.pdf import to_pdf

_LAZY = {
    "check": ("vanban.checker", "check_docx"),
    "to_pdf": ("vanban.pdf", "to_pdf"),
    "Document": ("vanban.models", "Document"),
    "Renderer": ("vanban._rendering", "Renderer"),
    "render": ("vanban._rendering", "render"),
    "load": ("vanban._loading", "load"),
    "dump": ("vanban._dumping", "dump"),
    "from_docx": ("vanban._importing", "from_docx"),
    "save": ("vanban._dumping", "save"),
    "merge": ("vanban._merge", "merge"),
    "loads": ("vanban._loading", "loads"),
}


def __getattr__(name: str) -> _typing.Any:
    # Heavy modules (pydantic models, Jinja, docxtpl) load on first use, so that
    # ``import vanban`` and the command line start fast.
    where = _LAZY.get(name)
    if where is None and name in _class_names():
        where = ("vanban.models", name)
    if where is None:
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # ``vanban.<TAB>`` and ``dir(vanban)`` list the public names, the lazy ones included
    # (``__getattr__`` alone hides them from completion).
    return sorted({*__all__, *(n for n in globals() if not n.startswith("_"))})

"""vanban: Vietnamese administrative documents (văn bản hành chính) from data to Word files.

Documents follow Nghị định 30/2020/NĐ-CP: page, fonts, header table, numbering, dates,
signer block, recipients and page numbers. The public surface is what this module exports;
everything else may change.

>>> import vanban
>>> plan = vanban.loads(EXAMPLE)  # doctest: +SKIP
>>> data = vanban.render(plan)  # doctest: +SKIP
"""

import sys as _sys
import typing as _typing

#: The collector's thresholds in the ``vanban`` command (:func:`vanban._cli.main` says why).
_COMMAND_COLLECTOR = (100_000, 50, 100)


def _is_command(argv: list[str]) -> bool:
    """Whether ``argv`` (``sys.orig_argv``) runs the ``vanban`` command: ``python -m vanban``
    (options before ``-m`` allowed) or the ``vanban`` console script.

    >>> _is_command(["python", "-m", "vanban", "render", "a.yaml"])
    True
    >>> _is_command(["python", "-X", "importtime", "-m", "vanban", "--help"])
    True
    >>> _is_command(["/venv/bin/python", "/venv/bin/vanban", "render", "a.yaml"])
    True
    >>> _is_command(["python", "-c", "import vanban"]), _is_command(["python", "app.py"])
    (False, False)
    >>> _is_command(["python", "-m", "vanban.checker"]), _is_command(["python"])
    (False, False)
    """
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "-m":
            return next(rest, None) == "vanban"
        if arg in ("-X", "-W"):
            next(rest, None)
        elif arg == "-c" or not arg.startswith("-"):
            name = arg.replace("\\", "/").rsplit("/", 1)[-1]
            return name in ("vanban", "vanban.exe", "vanban-script.py")
    return False


if _is_command(getattr(_sys, "orig_argv", [])):
    # The command's collector from its first import, not from main(): the imports before it
    # (typing, dataclasses and inspect, the decree's rules, argparse) would otherwise be
    # scanned some 20 times while they are made (~2 ms of a cold ``vanban render``).
    import gc as _gc

    _gc.set_threshold(*_COMMAND_COLLECTOR)

# After the collector is set (above): these imports are the first of the package.
from vanban.errors import (  # noqa: E402
    InputError,
    Problem,
    TemplateError,
    ValidationError,
    VanbanError,
    VanbanWarning,
)
from vanban.registry import class_names as _class_names  # noqa: E402

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

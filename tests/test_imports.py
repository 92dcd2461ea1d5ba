"""The import graph: data flows one way. No module of ``vanban.models`` imports what is
built on the models (loading, layout, preview, tasks) when it is imported; pydantic's errors
are translated inside ``vanban.models`` and every entry point raises vanban's own error."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from tests_support import ROOT

import vanban
from vanban import KeHoach

MODELS = ROOT / "src" / "vanban" / "models"
ABOVE = ("vanban._loading", "vanban.layout", "vanban.preview", "vanban.tasks")


def _module_level_imports(tree: ast.Module) -> list[str]:
    """The modules imported when the module runs: its top-level statements (inside ``if``
    and ``try`` too), not inside functions or an ``if TYPE_CHECKING:`` block."""
    out: list[str] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                out.extend(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                out.append(node.module)
                out.extend(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for h in node.handlers:
                    visit(h.body)

    visit(tree.body)
    return out


def _all_imports(tree: ast.Module) -> list[str]:
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
    return out


@pytest.mark.parametrize("path", sorted(MODELS.glob("*.py")), ids=lambda p: p.name)
def test_models_import_nothing_above_them(path: Path) -> None:
    imports = _module_level_imports(ast.parse(path.read_text(encoding="utf-8")))
    above = [m for m in imports if m.startswith(ABOVE)]
    assert above == [], f"{path.name} imports {above} at module level"
    # Not even on first use: the translation of pydantic's errors lives in vanban.models.
    anywhere = _all_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not [m for m in anywhere if m.startswith("vanban._loading")]


def test_the_check_sees_an_upward_import() -> None:
    tree = ast.parse(
        "import os\nfrom vanban._loading import load\nif True:\n    import vanban.layout\n"
    )
    assert [m for m in _module_level_imports(tree) if m.startswith(ABOVE)] == [
        "vanban._loading",
        "vanban._loading.load",
        "vanban.layout",
    ]
    hidden = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import vanban.tasks\n"
    )
    assert not [m for m in _module_level_imports(hidden) if m.startswith(ABOVE)]


def test_importing_the_models_loads_nothing_above_them() -> None:
    code = (
        "import sys, vanban.models, vanban.models.ke_hoach, vanban.models._errors;"
        f"print([m for m in sys.modules if m.startswith({ABOVE!r})])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "call",
    [
        lambda: KeHoach(title=1),
        lambda: KeHoach.model_validate({"title": 1}),
        lambda: KeHoach.model_validate_json('{"title": 1}'),
        lambda: KeHoach.model_validate_strings({"title": "x", "date": "không phải ngày"}),
    ],
    ids=["constructor", "model_validate", "model_validate_json", "model_validate_strings"],
)
def test_every_entry_point_raises_vanban_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(vanban.ValidationError) as info:
        call()
    assert "thiếu trường bắt buộc" in str(info.value)
    assert "pydantic" not in str(info.value)

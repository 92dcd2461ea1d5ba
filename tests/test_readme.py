"""The README's Python example runs as written, and its first lines give the two commands."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from tests_support import ROOT

import vanban


def test_python_example_runs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.DOTALL).group(1)  # type: ignore[union-attr]
    code = code.replace('"examples/', f'"{ROOT}/examples/')
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "ke-hoach.docx").stat().st_size > 5000


def test_first_lines_are_the_two_commands() -> None:
    lines = [ln.strip() for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]]
    commands = [ln for ln in lines if ln.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert "vanban render examples/" in commands[0] and os.path.exists(
        ROOT / commands[0].split("vanban render ")[1].split()[0]
    )
    assert "pytest" in commands[1]

"""The tutorial notebook runs from top to bottom (nbclient), as a notebook user would run it:
in a folder of its own, where it leaves its files beside itself."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def test_tutorial_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    env_cwd = os.getcwd()
    try:
        nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
    finally:
        os.chdir(env_cwd)
    outputs = {
        i: "".join(
            o.get("text", "") + "".join(str(v) for v in o.get("data", {}).values())
            for o in c.get("outputs", [])
        )
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
    }
    text = "\n".join(outputs.values())
    assert 'class="vb"' in text  # the preview was displayed as HTML
    assert "thu.yaml:" in text and "thiếu trường bắt buộc" in text  # a located error
    assert "[]" in text  # the rendered .docx passes the checker
    assert "Kiểm tra các chợ, siêu thị trên địa bàn" in text and "<table" in text  # tasks
    assert "BEGIN:VEVENT" in text and "DTSTART;VALUE=DATE:20261215" in text  # the calendar
    # The files beside the notebook, from vanban.render, `vanban new` and `vanban examples`.
    written = {p.name for p in (tmp_path / "vanban-tutorial").iterdir()}
    assert {
        "ke-hoach.docx",
        "ke-hoach-sua.docx",
        "giay-moi.yaml",
        "giay-moi.docx",
        "mau.yaml",
    } <= written
    assert (
        "('giay_moi', <Findings: 0 lỗi, 0 cảnh báo>)" in text
    )  # `vanban new`'s skeleton renders and passes
    if importlib.util.find_spec("pandas"):
        assert "dataframe" in text and "Chi cục Quản lý thị trường" in text  # to_dataframe()
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and last.source.startswith("## Tiếp theo")

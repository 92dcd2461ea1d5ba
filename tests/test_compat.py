"""Backward compatibility as a test: YAML written for earlier releases keeps rendering.

tests/compat/ holds every distinct version of every plan that ever lived under examples/
(``<stem>.<blob id>.yaml``, byte for byte, written by ``tools/update_compat.py``), and plans in
forms that earlier releases read (``old-form*.yaml``, each saying which release and what form).
Each must load and render without an error; warnings are allowed (a rule tightened later starts
as a warning). Rendering is to bytes only, so the whole folder takes a few seconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from tests_support import ROOT

import vanban

COMPAT = ROOT / "tests" / "compat"
PLANS = sorted(p for p in COMPAT.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


def _case(path: Path) -> object:
    return pytest.param(path, id=path.stem)


@pytest.mark.parametrize("plan", [_case(p) for p in PLANS])
def test_plan_of_an_earlier_release_renders(plan: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)  # allowed; errors are not
        doc = vanban.load(plan)
        data = vanban.render(doc)
    assert data.startswith(b"PK\x03\x04")


def _blob_id(data: bytes) -> str:
    """The id git gives a file's content (so the folder can be checked without git)."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def test_the_folder_is_large_enough_and_named_by_version() -> None:
    versions = [p for p in PLANS if not p.name.startswith("old-form")]
    assert len(versions) >= 60
    assert len([p for p in PLANS if p.name.startswith("old-form")]) >= 4
    for p in versions:
        _, blob, _ = p.name.rsplit(".", 2)
        assert _blob_id(p.read_bytes()).startswith(blob), f"{p.name} was edited after copying"
    # the forms of real offices an earlier release rendered and 95fd346 refused
    for name in (
        "old-form-bo-ke-hoach-luu-vp-th.yaml",
        "old-form-bo-ke-hoach-luu-list.yaml",
        "old-form-ke-hoach-don-vi-va.yaml",
    ):
        assert (COMPAT / name).exists()


def _history() -> dict[str, str] | None:
    """Blob id → path of every plan that lived under examples/, or None without git history."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True
    )
    if shallow.returncode or shallow.stdout.strip() != "false":
        return None
    spec = importlib.util.spec_from_file_location(
        "update_compat", ROOT / "tools" / "update_compat.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    versions: dict[str, str] = tool.example_versions()
    return versions


def test_every_past_version_of_an_example_is_kept() -> None:
    """A version of an example that is no longer the current one (changed or removed) is in
    tests/compat/; ``python tools/update_compat.py`` copies what is missing."""
    found = _history()
    if found is None:
        pytest.skip("no full git history here (a shallow clone or an archive)")
    current = {
        _blob_id(p.read_bytes())
        for p in (ROOT / "examples").iterdir()
        if p.suffix in (".yaml", ".yml", ".json")
    }
    kept = {p.name.rsplit(".", 2)[1] for p in PLANS if not p.name.startswith("old-form")}
    missing = sorted(
        path for blob, path in found.items() if blob not in current and blob[:8] not in kept
    )
    assert not missing, f"chạy python tools/update_compat.py: thiếu {missing}"

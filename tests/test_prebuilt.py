"""The models' validators made from the cache (vanban.models._prebuilt) behave as pydantic's.

Each check runs in fresh processes: one with no cache (pydantic builds every validator), one
that fills a cache, one that reads it. What they print for every example, every file of the
bad-input catalogue and every compat plan (the model as JSON, or every problem and warning
as printed) must be the same, character for character.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vanban import registry
from vanban.models import _prebuilt

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(
    [
        *(ROOT / "examples").glob("*.yaml"),
        *(ROOT / "tests" / "bad_inputs").glob("*.yaml"),
        *(ROOT / "tests" / "compat").rglob("*.yaml"),
    ]
)

_OUTCOMES = """
import json, sys, warnings
import vanban
from pydantic._internal._mock_val_ser import MockValSer
out = {}
for path in sys.argv[1:]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            doc = vanban.load(path)
            got = doc.model_dump_json()
        except vanban.VanbanError as exc:
            got = "error: " + str(exc)
    out[path] = [got, sorted(str(w.message) for w in caught)]
models = [vanban.models.Document, *vanban.models.DOCUMENT_TYPES.values()]
from_cache = sorted(
    c.__name__
    for c in {s for m in models for s in type(m).mro(m)} | set(models)
    if not isinstance(c.__dict__.get("__pydantic_validator__"), (MockValSer, type(None)))
    and not c.__dict__.get("__pydantic_complete__", False)
)
print(json.dumps({"outcomes": out, "from_cache": from_cache}))
"""


def _child(script: str, *args: object, cache: str | None = None) -> Any:
    """What a fresh Python running ``script`` with ``args`` prints, as JSON: with this
    checkout's vanban and, when given, ``VANBAN_CACHE_DIR=cache``."""
    env = {**os.environ}
    if cache is not None:
        env["VANBAN_CACHE_DIR"] = cache
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    out = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _outcomes(cache: str) -> dict[str, object]:
    result: dict[str, object] = _child(_OUTCOMES, *PLANS, cache=cache)
    return result


def test_validators_from_the_cache_give_what_pydantic_gives(tmp_path: Path) -> None:
    assert len(PLANS) > 150
    built = _outcomes("")  # no cache: pydantic builds each validator
    filling = _outcomes(str(tmp_path / "cache"))
    read = _outcomes(str(tmp_path / "cache"))
    assert built["from_cache"] == filling["from_cache"] == []
    # every type (each has an example) from the cache: a schema the cache cannot rebuild
    # falls back to pydantic's build, which would make this test compare pydantic with itself
    assert len(read["from_cache"]) == len(registry.type_keys())
    assert filling["outcomes"] == built["outcomes"]
    assert read["outcomes"] == built["outcomes"]


@pytest.mark.parametrize("key", registry.type_keys())
def test_every_types_schema_can_be_cached(key: str) -> None:
    """A closure or a lambda in a model (a validator, a default factory) cannot be pickled:
    that type would be built anew in every process. Name the function at module level."""
    cls = registry.model(key)
    cls.model_rebuild(force=True)
    schema = _prebuilt._without_metadata(cls.__pydantic_core_schema__)
    assert pickle.loads(pickle.dumps(schema)) is not None


def test_a_corrupt_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANBAN_CACHE_DIR", str(tmp_path))
    cls = registry.model("cong_van")
    path = _prebuilt._entry(cls)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"0" * 64 + b"\n" + pickle.dumps({"type": "any"}))
    assert _prebuilt._load(path) is None  # digest does not match
    assert not _prebuilt._install(cls)


def test_a_users_subclass_is_never_cached() -> None:
    """The fingerprint covers vanban's files only: a subclass in a notebook changes unseen."""
    KeHoach = registry.model("ke_hoach")

    class MyPlan(KeHoach):  # type: ignore[misc, valid-type]
        pass

    assert not _prebuilt.cacheable(MyPlan)
    assert _prebuilt.cacheable(KeHoach)


def test_an_edited_source_is_a_new_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model file changed (size or time) gives another key: the old schema is not read."""
    source = tmp_path / "ke_hoach.py"
    source.write_text("x = 1\n")
    monkeypatch.setattr(_prebuilt, "_SOURCES", (tmp_path,))
    _prebuilt._fingerprint.cache_clear()
    try:
        before = _prebuilt._fingerprint()
        os.utime(source, ns=(0, source.stat().st_mtime_ns + 1_000_000))
        _prebuilt._fingerprint.cache_clear()
        assert _prebuilt._fingerprint() != before
    finally:
        _prebuilt._fingerprint.cache_clear()


def test_the_fingerprint_covers_the_models_and_the_rules() -> None:
    folders = {p.name for p in _prebuilt._SOURCES}
    assert {"vanban", "models", "nd30"} <= folders


def test_a_new_entry_replaces_the_stale_ones_of_its_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache does not grow with every edit or upgrade: one entry per class."""
    monkeypatch.setenv("VANBAN_CACHE_DIR", str(tmp_path))
    cls = registry.model("to_trinh")
    other = registry.model("cong_van")
    folder = tmp_path / "models"
    folder.mkdir()
    stale = folder / f"{_prebuilt._prefix(cls)}.{'0' * 32}.pickle"
    kept = folder / f"{_prebuilt._prefix(other)}.{'0' * 32}.pickle"
    # the same class in another installation of vanban (another virtual environment)
    elsewhere = folder / f"{cls.__module__}.{cls.__qualname__}.{'f' * 12}.{'0' * 32}.pickle"
    for p in (stale, kept, elsewhere):
        p.write_bytes(b"old")
    cls.model_rebuild(force=True)
    _prebuilt._store(cls)
    path = _prebuilt._entry(cls)
    assert path is not None and path.exists()
    assert not stale.exists()
    assert kept.exists() and elsewhere.exists()


_AFTER_IMPORT = """
import json
from pydantic._internal._mock_val_ser import MockValSer
from vanban.models import blocks
print(json.dumps({
    c.__name__: [c.__pydantic_fields_complete__, isinstance(c.__dict__["__pydantic_validator__"], MockValSer)]
    for c in (blocks.Bullet, blocks.Task, blocks.Item, blocks.Letter)
}))
"""


def test_forward_referenced_fields_are_resolved_at_import_without_building() -> None:
    """The error messages name a path's fields from ``model_fields`` (Task.rows: TaskPart,
    defined after Task); the fields are resolved at import, the validators still wait."""
    assert _child(_AFTER_IMPORT) == {n: [True, True] for n in ("Bullet", "Task", "Item", "Letter")}


_SCHEMA_AFTER_LOAD = """
import json, sys, warnings
warnings.simplefilter("ignore")
import vanban
doc = vanban.load(sys.argv[1])
cls = type(doc)
from_cache = not cls.__pydantic_complete__
schema = cls.model_json_schema()
doc.title = "Tên mới"  # assignment is validated by the same validator
print(json.dumps({"from_cache": from_cache, "schema": schema, "dump": doc.model_dump_json()}))
"""


def test_a_class_with_a_cached_validator_still_gives_its_json_schema(tmp_path: Path) -> None:
    """The cache gives the validator only: JSON Schema is built by pydantic as before."""
    example = ROOT / "examples" / "ke-hoach-so-tai-nguyen-du-lieu-dat-dai.yaml"

    def run(cache: str) -> dict[str, object]:
        result: dict[str, object] = _child(_SCHEMA_AFTER_LOAD, example, cache=cache)
        return result

    built = run("")
    run(str(tmp_path))  # fills the cache
    cached = run(str(tmp_path))
    assert built["from_cache"] is False and cached["from_cache"] is True
    assert cached["schema"] == built["schema"]
    assert cached["dump"] == built["dump"]

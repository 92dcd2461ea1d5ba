"""All 29 types of NĐ30 Điều 7: each registered, with an example, a schema and a docs page;
each example builds the same document from YAML and from Python."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import vanban
from vanban import registry
from vanban._loading import parse_yaml
from vanban.nd30.doctypes import DOC_TYPES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _type_of(path: Path) -> str:
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return str(data["type"])


def test_all_29_types_are_made() -> None:
    assert len(DOC_TYPES) == 29
    assert set(registry.type_keys()) == set(DOC_TYPES)


@pytest.mark.parametrize("key", registry.type_keys())
def test_each_type_has_example_schema_and_page(key: str) -> None:
    assert (ROOT / "schemas" / f"{key}.schema.json").is_file()
    assert (ROOT / "docs" / "types" / f"{key.replace('_', '-')}.md").is_file()
    assert any(_type_of(p) == key for p in EXAMPLES), f"no example of {key}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_python_and_yaml_give_the_same_document(path: Path) -> None:
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        from_yaml = vanban.load(path)
        model = getattr(vanban, registry.class_name(data["type"]))  # vanban.QuyetDinh, …
        from_python = model(**data)
    assert type(from_python) is type(from_yaml)
    assert vanban.render(from_python) == vanban.render(from_yaml)

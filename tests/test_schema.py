"""The committed JSON Schema is the one the models generate, and it accepts the examples."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests_support import EXAMPLES_DIR, ROOT

from vanban import registry
from vanban.loading import parse_yaml
from vanban.schema import schema, schema_text


@pytest.mark.parametrize("key", registry.type_keys())
def test_committed_schema_is_current(key: str) -> None:
    path = ROOT / "schemas" / f"{key}.schema.json"
    assert path.is_file(), f"schemas/{key}.schema.json is missing"
    assert path.read_text(encoding="utf-8") == schema_text(key), (
        f"schemas/{key}.schema.json is out of date: run "
        f"`python -m vanban schema {key} > schemas/{key}.schema.json`"
    )


def test_titles_are_vietnamese() -> None:
    s = schema()
    assert s["title"] == "Kế hoạch"
    assert s["properties"]["title"]["title"] == "Trích yếu nội dung"
    assert s["properties"]["recipients"]["title"] == "Nơi nhận"


@pytest.mark.parametrize("path", sorted(EXAMPLES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_match_schema(path: Path) -> None:
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    jsonschema.Draft202012Validator(schema(data["type"])).validate(data)


def test_schema_rejects_unknown_field(sample: dict) -> None:
    jsonschema.Draft202012Validator(schema()).validate(json.loads(json.dumps(sample)))
    sample["signer"]["rank"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(sample)

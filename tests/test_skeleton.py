"""``vanban new TYPE``: a commented skeleton of every type, every field named with its
Vietnamese term, that renders as it is and passes the NĐ30 checker."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import yaml

import vanban
from vanban import registry
from vanban._cli import main
from vanban._schema import schema
from vanban._skeleton import skeleton
from vanban.checker import check_report

TYPES = registry.type_keys()


@pytest.mark.parametrize("key", TYPES)
def test_skeleton_renders_as_is(key: str) -> None:
    text = skeleton(key)
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        doc = vanban.loads(text, source=f"{key}.yaml")
    assert doc.doc_type == key
    report = check_report(vanban.render(doc))
    assert report.document_type == key and report.findings == []


@pytest.mark.parametrize("key", TYPES)
def test_every_field_is_named_with_its_vietnamese_term(key: str) -> None:
    text = skeleton(key)
    s = schema(key)
    refused = {k for k, v in registry.model(key).skeleton_values.items() if v is None}
    for name, prop in s["properties"].items():
        if name == "type" or name in refused:  # a shared field the type refuses
            continue
        assert f"\n{name}:" in text or f"\n# {name}:" in text, name
        ref = prop.get("$ref", "").rsplit("/", 1)[-1]
        title = prop.get("title") or s["$defs"].get(ref, {}).get("title")
        assert title and f"# {title}" in text, (name, title)
    # Each commented-out value is valid YAML once its "# " is removed: a block of its own
    # after the field's description.
    for block in text.split("\n\n")[1:]:
        lines = block.split("\n")
        start = next(
            i
            for i, line in enumerate(lines)
            if not line.startswith("# ")
            or (
                line[2:3].isalpha()
                and line[2:].split(":")[0].isidentifier()
                and line[2:].split(":")[0] in s["properties"]
            )
        )
        value = "\n".join(line.removeprefix("# ") for line in lines[start:])
        parsed = yaml.safe_load(value)
        assert isinstance(parsed, dict) and len(parsed) == 1, value


def test_cli_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "cong_van"]) == 0
    assert "type: cong_van" in capsys.readouterr().out
    out = tmp_path / "cv.yaml"
    assert main(["new", "to_trinh", "-o", str(out)]) == 0
    assert vanban.load(out).doc_type == "to_trinh"
    assert main(["new", "to_trinh", "-o", str(out)]) == 2  # never overwrites
    assert "đã có" in capsys.readouterr().err
    assert main(["new", "thong_tu"]) == 2
    assert "chưa được hỗ trợ" in capsys.readouterr().err

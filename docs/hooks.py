"""MkDocs hook: pages generated at build time from what the package ships, never committed.

- ``<!-- schema-reference -->``: a section per document type, a table per model, read from the
  committed JSON Schemas in ``schemas/`` (titles and descriptions as editors show them);
- ``<!-- type-list -->``: the document types vanban makes (:mod:`vanban.registry`), with their
  tên loại and ký hiệu.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


_DEFS: dict[str, Any] = {}


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = _DEFS.get(name, {})
        if "properties" in target:
            return f"[{name}](#{name.lower()})"
        return _cell(target.get("title")) or name
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"] if v != "")
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"danh sách {_type_of(prop.get('items', {}))}".strip()
    for key in ("anyOf", "oneOf"):
        if key in prop:
            parts = [_type_of(p) for p in prop[key] if p.get("type") != "null"]
            return " hoặc ".join(dict.fromkeys(p for p in parts if p))
    return {
        "string": "chữ",
        "integer": "số nguyên",
        "number": "số",
        "boolean": "true/false",
        "object": "bảng",
    }.get(str(kind), "")


def _cell(text: Any) -> str:
    return str(text or "").replace("\n", " ").replace("|", "\\|")


def _table(model: dict[str, Any]) -> list[str]:
    required = set(model.get("required", []))
    lines = ["| Trường | Tên gọi | Kiểu | Mô tả |", "|---|---|---|---|"]
    for name, prop in model.get("properties", {}).items():
        star = " (bắt buộc)" if name in required else ""
        target = _DEFS.get(prop.get("$ref", "").rsplit("/", 1)[-1], {})
        title = prop.get("title") or target.get("title")
        description = prop.get("description") or target.get("description")
        lines.append(
            f"| `{name}`{star} | {_cell(title)} | {_cell(_type_of(prop))} | {_cell(description)} |"
        )
    return lines


def schema_reference() -> str:
    from vanban._schema import schema as plain_schema

    out: list[str] = []
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        key = path.name.removesuffix(".schema.json")
        # The committed file without the messages for editors (its required fields are
        # spread over allOf there, one message each).
        schema = plain_schema(key)
        _DEFS.clear()
        _DEFS.update(schema.get("$defs", {}))
        out += [f"## {schema.get('title', key)} (`type: {key}`)", ""]
        out += [f"Tệp schema: `schemas/{path.name}`.", ""]
        out += [*_table(schema), ""]
        for name, model in sorted(schema.get("$defs", {}).items()):
            if "properties" not in model:
                continue
            out += [f"### {name}", "", _cell(model.get("title")), ""]
            out += [*_table(model), ""]
    return "\n".join(out)


def type_list() -> str:
    from vanban import registry
    from vanban.nd30.doctypes import DOC_TYPES

    lines = ["| `type:` | Tên loại | Ký hiệu | Lớp Python |", "|---|---|---|---|"]
    for key in registry.type_keys():
        t = DOC_TYPES[key]
        abbr = t.abbreviation or "(cơ quan-đơn vị)"
        lines.append(f"| `{key}` | {t.name} | {abbr} | `vanban.{registry.class_name(key)}` |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    if "<!-- schema-reference -->" in markdown:
        markdown = markdown.replace("<!-- schema-reference -->", schema_reference())
    if "<!-- type-list -->" in markdown:
        markdown = markdown.replace("<!-- type-list -->", type_list())
    return markdown

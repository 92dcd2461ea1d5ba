"""A commented YAML skeleton of a document type (``vanban new TYPE``): every field with its
Vietnamese name and description, the fields a document needs filled with sample values (so
the skeleton renders as it is), the others commented out with a sample value to copy.

Everything is read from the type's JSON Schema (:mod:`vanban._schema`): its titles,
descriptions and examples are the ones an editor shows, so the skeleton cannot say something
else.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from vanban import registry
from vanban._schema import schema

#: Fields filled in although the schema does not require them: a document without them is
#: valid but not what an office sends (a ký hiệu needs the issuer's abbreviation, a signer
#: signs with a title, a body needs its first part).
_FILLED = {
    ("issuer", "abbreviation"),
    ("issuer", "parent"),
    ("signer", "title"),
    ("", "number"),
    ("", "date"),
    ("", "recipients"),
    ("", "archive"),
    ("", "unit"),
}
_WIDTH = 96


def _ref(schema_: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref") or next((p["$ref"] for p in prop.get("anyOf", []) if "$ref" in p), None)
    if ref is None:
        return {}
    found: dict[str, Any] = schema_["$defs"][ref.rsplit("/", 1)[-1]]
    return found


def _sample(schema_: dict[str, Any], prop: dict[str, Any], path: str) -> Any:
    """A value for a field: its first example, or a mapping of the sub-fields it needs."""
    if prop.get("examples"):
        return prop["examples"][0]
    target = _ref(schema_, prop)
    if "properties" in target:
        out = {}
        required = set(target.get("required", []))
        for name, sub in target["properties"].items():
            if name in required or (path, name) in _FILLED:
                value = _sample(schema_, sub, name)
                if value is not None:
                    out[name] = value
        return out or None
    if target.get("examples"):
        return target["examples"][0]
    return None


def _comment(text: str, indent: str = "") -> list[str]:
    return [
        f"{indent}# {line}"
        for line in textwrap.wrap(" ".join(text.split()), _WIDTH - len(indent) - 2)
    ]


def _dump(name: str, value: Any, indent: str = "") -> list[str]:
    text = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=_WIDTH)
    return [indent + line for line in text.rstrip("\n").split("\n")]


def skeleton(key: str) -> str:
    """The YAML skeleton of one document type (``KeyError`` for a type vanban does not make)."""
    model = registry.model(key)
    s = schema(key)
    required = set(s.get("required", []))
    body_fields: tuple[str, ...] = getattr(model, "body_fields", ())
    # The body: its first form that has a sample (sections, content, articles…).
    body = next(
        (f for f in body_fields if _sample(s, s["properties"].get(f, {}), f) is not None), None
    )
    lines = [
        # Editors complete and check the file against the schema saved beside it
        # (vanban schema KEY > KEY.schema.json).
        f"# yaml-language-server: $schema={key}.schema.json",
        f"# {s.get('title', key)}: khung văn bản của vanban (vanban new {key}). Gợi ý và kiểm tra "
        f"khi gõ: vanban schema {key} > {key}.schema.json",
        *_comment(s.get("description", "")),
        "# Trường đã điền là trường văn bản cần; trường có dấu # ở đầu là tùy chọn: bỏ dấu # để dùng.",
        "# Số thứ tự (I., 1., a)), dấu câu của Nơi nhận, căn cứ và dấu ./. do vanban thêm.",
        "",
        f"type: {key}",
    ]
    for name, prop in s["properties"].items():
        if name == "type" or (
            name in model.skeleton_values and model.skeleton_values[name] is None
        ):
            continue  # the type key, or a shared field this type refuses (a thư công's số)
        target = _ref(s, prop)
        title = prop.get("title") or target.get("title") or name
        description = prop.get("description") or target.get("description") or ""
        lines.append("")
        lines += _comment(f"{title}: {description}" if description else title)
        value = model.skeleton_values.get(name, _sample(s, prop, name))
        # A type may fill optional fields of its usual form (a Biên bản's meeting lines).
        usual = name in getattr(model, "skeleton_filled", ())
        filled = name in required or ("", name) in _FILLED or name == body or usual
        if filled and value is not None:
            lines += _dump(name, value)
        elif value is not None:
            lines += [f"# {line}" for line in _dump(name, value)]
        else:
            lines.append(f"# {name}:")
    return "\n".join(lines) + "\n"

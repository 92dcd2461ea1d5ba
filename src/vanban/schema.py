"""JSON Schema of the document types, generated from the models.

Titles are the decree's Vietnamese terms (so editors show them to people writing YAML);
descriptions explain each field. ``schemas/<type>.schema.json`` is this output, committed,
and a test fails when it is out of date.
"""

from __future__ import annotations

import json
from typing import Any

from vanban import registry

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schema(doc_type: str = "ke_hoach") -> dict[str, Any]:
    """The JSON Schema of one document type."""
    try:
        model = registry.model(doc_type)
    except KeyError:
        known = ", ".join(registry.type_keys())
        raise ValueError(f"loại văn bản {doc_type!r} chưa được hỗ trợ; các loại: {known}") from None
    out = {"$schema": SCHEMA_URL, "$id": f"vanban:{doc_type}", **model.model_json_schema()}
    defs = out.get("$defs", {})
    for name, short in _SHORT_FORMS.items():
        if name in defs:
            full = defs[name]
            defs[name] = {
                "title": full.get("title"),
                "description": full.get("description"),
                "anyOf": [*short, {k: v for k, v in full.items() if k != "description"}],
            }
    if "Authority" in defs:
        values = [a for a in defs["Authority"]["enum"] if a]
        defs["Authority"]["enum"] = ["", *values, *(a.rstrip(".") for a in values)]
    return out


#: Models that also accept a short scalar form in YAML (their "before" validators), so the
#: schema must accept it too or editors would flag valid files.
_SHORT_FORMS: dict[str, list[dict[str, Any]]] = {
    "DocDate": [
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$|^\d{1,2}/\d{1,2}/\d{4}$",
            "description": "2024-11-15, 2024-11 (day blank), 2024 (day and month blank)",
        },
        {"type": "integer", "description": "the year alone"},
    ],
    "Recipient": [{"type": "string", "description": "the recipient's name"}],
    "Bullet": [{"type": "string", "description": "the item's text"}],
    "Letter": [{"type": "string", "description": "the điểm's text"}],
    "Article": [{"type": "string", "description": 'nội dung sau "Điều N."'}],
    "Cell": [
        {"type": ["string", "number", "null"], "description": "the cell's text"},
        {"type": "array", "items": {"type": "string"}, "description": "one line each"},
    ],
    "Column": [{"type": ["string", "number"], "description": "the column's title"}],
    "TaskColumn": [{"type": "string", "description": "the task field it shows"}],
    "Archive": [
        {"type": "string", "description": 'drafting units, e.g. "NC" or "TH, NC"'},
        {"type": "array", "items": {"type": "string"}, "description": 'e.g. ["NC"]'},
    ],
}


def schema_text(doc_type: str = "ke_hoach") -> str:
    """The schema as the committed file holds it (sorted keys, two-space indent, final newline)."""
    return json.dumps(schema(doc_type), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def type_list() -> str:
    """The document types, one per line: key, tên loại and ký hiệu (what ``vanban schema``
    prints without a type)."""
    from vanban.nd30.doctypes import DOC_TYPES

    lines = []
    for key in registry.type_keys():
        t = DOC_TYPES[key]
        lines.append(f"{key:<16}{t.name}" + (f" ({t.abbreviation})" if t.abbreviation else ""))
    return "\n".join(lines) + "\n"

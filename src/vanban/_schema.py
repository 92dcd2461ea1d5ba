"""JSON Schema of the document types, generated from the models.

Titles are the decree's Vietnamese terms (so editors show them to people writing YAML);
descriptions explain each field. ``schemas/<type>.schema.json`` is this output, committed,
and a test fails when it is out of date.
"""

from __future__ import annotations

import json
import re
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
        defs["Authority"] = _authority()
    return out


def editor_schema(doc_type: str = "ke_hoach") -> dict[str, Any]:
    """The schema of one document type as editors read it: :func:`schema` with Vietnamese
    diagnostics for yaml-language-server (:mod:`vanban._editor_schema`). The committed
    ``schemas/<type>.schema.json`` and ``vanban schema`` are this."""
    from vanban._editor_schema import editor_schema as with_messages

    out = with_messages(schema(doc_type))
    for d in out.get("$defs", {}).values():
        for prop in d.get("properties", {}).values():
            if prop.get("$ref") == "#/$defs/Authority" and "examples" in prop:
                # Completion offers examples beside the choices: the decree's forms only.
                prop["examples"] = [e if e.endswith(".") else e + "." for e in prop["examples"]]
    return out


def _authority() -> dict[str, Any]:
    """The quyền hạn ký an editor offers: exactly the decree's five and the empty one (each
    with its meaning); the same without the dot is accepted, as the loader does, not offered."""
    from vanban.nd30.signer import AUTHORITY_MEANINGS, Authority

    message = (
        "quyền hạn ký chỉ nhận TM., KT., Q., TL., TUQ. (Điều 13; có hoặc không có dấu chấm), "
        "hoặc để trống khi người đứng đầu ký"
    )
    dotted = [a.value for a in Authority]
    bare = "|".join(
        "".join(f"[{c.upper()}{c.lower()}]" for c in a.value.rstrip("."))
        for a in Authority
        if a.value
    )
    canonical = "|".join(re.escape(v) for v in dotted if v)
    return {
        "title": "Quyền hạn ký",
        "description": "Quyền hạn ký (Điều 13): "
        + "; ".join(f"{a.value} ({AUTHORITY_MEANINGS[a]})" for a in Authority if a.value)
        + "; để trống khi người đứng đầu ký.",
        # oneOf, the two forms apart (the second never matches the first's values): the
        # language server's hover joins the titles of anyOf alternatives that all match.
        "oneOf": [
            {
                "enum": dotted,
                "enumDescriptions": [AUTHORITY_MEANINGS[a] for a in Authority],
                "errorMessage": message,
            },
            {
                "type": "string",
                "pattern": rf"^(?!({canonical})$)\s*({bare})\.*\s*$",
                "errorMessage": message,
                "patternErrorMessage": message,
            },
        ],
    }


#: Models that also accept a short scalar form in YAML (their "before" validators), so the
#: schema must accept it too or editors would flag valid files. The descriptions are what an
#: editor shows beside each form, in Vietnamese like the rest of the schema.
_SHORT_FORMS: dict[str, list[dict[str, Any]]] = {
    "DocDate": [
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$|^\d{1,2}/\d{1,2}/\d{4}$",
            "description": "2024-11-15, 2024-11 (để trống ngày), 2024 (để trống ngày và tháng)",
        },
        {"type": "integer", "description": "chỉ ghi năm"},
    ],
    "Recipient": [{"type": "string", "description": "tên nơi nhận"}],
    "Bullet": [{"type": "string", "description": "nội dung của ý"}],
    "Letter": [{"type": "string", "description": "nội dung của điểm"}],
    "Article": [{"type": "string", "description": 'nội dung sau "Điều N."'}],
    "Cell": [
        {"type": ["string", "number", "null"], "description": "nội dung của ô"},
        {"type": "array", "items": {"type": "string"}, "description": "mỗi dòng một chuỗi"},
    ],
    "Column": [{"type": ["string", "number"], "description": "tên cột"}],
    "NumberRow": [
        {"type": "boolean", "description": 'true: "(1) (2) (3)…" dưới mọi cột'},
        {
            "type": "array",
            "items": {"type": ["string", "number", "null"]},
            "description": 'mỗi cột một chữ, "" để trống ô',
        },
    ],
    "TaskColumn": [{"type": "string", "description": "tên trường của nhiệm vụ"}],
    "Archive": [
        {"type": "string", "description": 'đơn vị soạn thảo, ví dụ "NC" hoặc "TH, NC"'},
        {"type": "array", "items": {"type": "string"}, "description": 'ví dụ ["NC"]'},
    ],
}


def schema_text(doc_type: str = "ke_hoach") -> str:
    """The schema as the committed file holds it (sorted keys, two-space indent, final newline)."""
    return json.dumps(editor_schema(doc_type), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def type_list() -> str:
    """The document types, one per line: key, tên loại and ký hiệu (what ``vanban schema``
    prints without a type)."""
    from vanban.nd30.doctypes import DOC_TYPES

    lines = []
    for key in registry.type_keys():
        t = DOC_TYPES[key]
        lines.append(f"{key:<16}{t.name}" + (f" ({t.abbreviation})" if t.abbreviation else ""))
    return "\n".join(lines) + "\n"

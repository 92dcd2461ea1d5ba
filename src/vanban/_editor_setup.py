"""``vanban schema --editor [THƯ_MỤC]``: one setup per folder, so that every vanban YAML file
under it is completed and checked in the editor, whatever its name and wherever it lies.

It writes, under the folder:

- ``.vanban/schemas/<type>.schema.json`` for every type, and ``.vanban/schemas/vanban.schema.json``
  which picks a file's schema by its ``type:`` key (a file without ``type:`` is left alone, so
  other YAML files of the folder are not flagged);
- the mapping ``yaml.schemas`` in ``.vscode/settings.json`` (kept with the settings already
  there): VS Code's YAML extension reads it, and so does any client of yaml-language-server
  given the same settings (Neovim with neoconf, or its ``settings.yaml.schemas``).

A ``# yaml-language-server: $schema=…`` line in a file wins over the mapping: ``vanban new``
leaves it out under a folder set up this way (:func:`editor_root`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from vanban import registry

SCHEMA_DIR = Path(".vanban") / "schemas"
DISPATCH = "vanban.schema.json"
#: The files the mapping covers, relative to the folder.
GLOBS = ["*.yaml", "*.yml", "**/*.yaml", "**/*.yml"]
MODELINE = "# yaml-language-server: $schema="


class EditorSetupError(Exception):
    """The setup could not be written (a message in Vietnamese, located)."""


def dispatch_schema() -> dict[str, Any]:
    """The schema mapped to every YAML file: the schema of the file's ``type:``."""
    from vanban._schema import SCHEMA_URL
    from vanban.nd30.doctypes import DOC_TYPES

    keys = registry.type_keys()
    names = [DOC_TYPES[k].name for k in keys]
    return {
        "$schema": SCHEMA_URL,
        "title": "Văn bản vanban",
        "description": "Chọn mẫu theo trường type: (loại văn bản); tệp YAML không có type: "
        "không bị kiểm tra.",
        "type": "object",
        "properties": {
            "type": {
                "title": "Loại văn bản",
                "description": "Khóa của loại văn bản (xem: vanban schema).",
                "enum": keys,
                "enumDescriptions": names,
                "errorMessage": "loại văn bản không có trong vanban; các loại: " + ", ".join(keys),
            }
        },
        "allOf": [
            {
                "if": {"properties": {"type": {"const": k}}, "required": ["type"]},
                "then": {"$ref": f"{k}.schema.json"},
            }
            for k in keys
        ],
    }


def mapping(folder: Path) -> dict[str, list[str]]:
    """The ``yaml.schemas`` entry for a folder (its path relative to the folder)."""
    del folder  # the path is relative: the folder is the editor's workspace
    return {f"./{(SCHEMA_DIR / DISPATCH).as_posix()}": list(GLOBS)}


def write_editor_setup(folder: Path) -> list[Path]:
    """Write the schemas and the mapping for ``folder``; the files written, in order."""
    from vanban._rendering import write_atomic
    from vanban._schema import schema_text

    if not folder.is_dir():
        raise EditorSetupError(f"{folder}: không phải thư mục")
    settings_path = folder / ".vscode" / "settings.json"
    settings = _read_settings(settings_path)
    schemas = settings.get("yaml.schemas")
    if schemas is None:
        schemas = {}
    elif not isinstance(schemas, dict):
        raise EditorSetupError(f'{settings_path}: "yaml.schemas" cần là một bảng JSON')
    schemas.update(mapping(folder))
    settings["yaml.schemas"] = schemas

    written: list[Path] = []
    target = folder / SCHEMA_DIR
    try:
        target.mkdir(parents=True, exist_ok=True)
        for key in registry.type_keys():
            path = target / f"{key}.schema.json"
            write_atomic(path, schema_text(key).encode("utf-8"))
            written.append(path)
        path = target / DISPATCH
        text = json.dumps(dispatch_schema(), ensure_ascii=False, indent=2) + "\n"
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
        settings_path.parent.mkdir(exist_ok=True)
        text = json.dumps(settings, ensure_ascii=False, indent=4) + "\n"
        write_atomic(settings_path, text.encode("utf-8"))
        written.append(settings_path)
    except OSError as exc:
        raise EditorSetupError(f"không ghi được {exc.filename or target}: {exc.strerror}") from None
    return written


def _read_settings(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditorSetupError(f"{path}: không đọc được ({exc})") from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # VS Code also reads comments and trailing commas; vanban does not rewrite such a
        # file but says what to add by hand.
        entry = json.dumps({"yaml.schemas": mapping(path.parent.parent)}, ensure_ascii=False)
        raise EditorSetupError(
            f"{path}:{exc.lineno}:{exc.colno}: không đọc được JSON ({exc.msg}); "
            f"hãy tự thêm vào tệp: {entry[1:-1]}"
        ) from None
    if not isinstance(data, dict):
        raise EditorSetupError(f"{path}: cần một bảng JSON {{…}}")
    return data


def editor_root(start: Path) -> Path | None:
    """The folder (``start`` or one above it) set up by ``vanban schema --editor``, if any."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SCHEMA_DIR / DISPATCH).is_file():
            return folder
    return None


def without_modeline(text: str) -> str:
    """A YAML text without its ``yaml-language-server`` schema line (the folder's mapping
    then applies), nor the comment telling to write a schema beside it."""
    lines = text.split("\n")
    if lines and lines[0].startswith(MODELINE):
        lines = lines[1:]
    return _SCHEMA_HINT.sub(
        "Gợi ý và kiểm tra khi gõ: có sẵn (vanban schema --editor)", "\n".join(lines)
    )


#: The hint ``vanban new`` writes for a folder without the setup.
_SCHEMA_HINT = re.compile(r"Gợi ý và kiểm tra khi gõ: vanban schema \w+ > \w+\.schema\.json")

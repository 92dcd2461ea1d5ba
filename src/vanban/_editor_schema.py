"""The schemas as editors read them: Vietnamese diagnostics for ``yaml-language-server``.

``yaml-language-server`` (VS Code's YAML extension, Neovim, Helix, Zed, Emacs…) writes its
own English for every schema problem ("Property tittle is not allowed", "Missing property")
unless the schema node that fails carries an ``errorMessage`` (or a ``patternErrorMessage``
for a ``pattern``): one text that replaces whatever that node would have said. So each kind of
problem is given a node of its own, with the same verdicts as the plain schema:

- **unknown keys**: ``additionalProperties: false`` becomes ``propertyNames``, a chain of
  ``if``/``then``/``else`` on the key: a key one typo away from a field (a letter missing,
  added, changed or two swapped) is told "có phải ý bạn là …", like the loader; any other
  unknown key is told the fields there are;
- **missing fields**: each required field is one ``allOf`` entry, so the message names it;
- **wrong types**: each typed node of a property says what the field takes, in words.

``anyOf: [X, {"type": "null"}]`` (pydantic's optional field) is folded into one node with
``"type": [X, "null"]``: the same verdicts, and the server's hover shows the field's title
once instead of "Tiêu đề || Tiêu đề" (it joins the titles of alternatives it cannot tell
apart). The keywords are those of draft 7, which every yaml-language-server validates.
"""

from __future__ import annotations

import copy
import re
from typing import Any

#: What a JSON type is, for a person writing YAML.
_KIND = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "true hoặc false",
    "array": "một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
    "object": "một bảng (các dòng “tên trường: giá trị”)",
    "null": "để trống",
}
_NAME = re.compile(r"^[a-z0-9_]+$")


def editor_schema(plain: dict[str, Any]) -> dict[str, Any]:
    """A copy of a type's JSON Schema whose every diagnostic an editor shows is Vietnamese."""
    out: dict[str, Any] = _fold_nullable(copy.deepcopy(plain))
    defs: dict[str, Any] = out.get("$defs", {})
    _apart(out, defs)
    objects = _objects(out, out.get("title") or "văn bản")
    # What each field takes first, so that an object that is one form of a field (a short
    # form's full mapping) says every form; then what each object itself says.
    for node, _ in objects:
        for name, prop in node["properties"].items():
            if isinstance(prop, dict):
                _value_messages(prop, f"{_title_of(prop, defs, name)} ({name})", defs)
    for name, d in defs.items():
        if "anyOf" in d or "oneOf" in d:
            _value_messages(d, str(d.get("title") or name), defs)
    snippets = [(node, title, _snippet(node, defs)) for node, title in objects]
    for node, title, body in snippets:
        if body:
            # What the server's completion wrote from "required": a new mapping with the
            # fields it needs (those of the fields within too).
            node["defaultSnippets"] = [{"label": title, "body": body}]
        _object_messages(node, title, defs)
    return out


def _snippet(node: dict[str, Any], defs: dict[str, Any], start: int = 1) -> dict[str, Any]:
    """The required fields of an object as a snippet body: an inner object's own required
    fields, else ``${N:first example}`` (numbered in order)."""
    body: dict[str, Any] = {}
    n = start
    for name in node.get("required", []):
        prop = node["properties"].get(name, {})
        target = defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], prop)
        inner = _snippet(target, defs, n) if "properties" in target else {}
        if inner:
            body[name] = inner
            n += _count(inner)
            continue
        example = (prop.get("examples") or [None])[0]
        if isinstance(example, (str, int, float)) and not isinstance(example, bool):
            text = re.sub(r"([$}\\])", r"\\\1", str(example))
            body[name] = f"${{{n}:{text}}}"
        else:
            body[name] = f"${n}"
        n += 1
    return body


def _count(body: dict[str, Any]) -> int:
    return sum(_count(v) if isinstance(v, dict) else 1 for v in body.values())


def typo_pattern(name: str) -> str:
    """A regular expression matching the keys one typo away from ``name``: a letter missing,
    added or changed, or two letters swapped (not ``name`` itself).

    >>> import re
    >>> p = re.compile(typo_pattern("title"))
    >>> [k for k in ("tittle", "titel", "tite", "Title", "title", "titles", "name") if p.match(k)]
    ['tittle', 'titel', 'tite', 'Title', 'titles']
    """
    assert _NAME.match(name), name  # no character a regular expression would read
    # One letter replaced by none, one or two: a letter missing, changed or added beside it.
    variants = {name[:i] + ".{0,2}" + name[i + 1 :] for i in range(len(name))}
    variants |= {name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1)}
    variants.discard(name)
    return "^(?!" + name + "$)(?:" + "|".join(sorted(variants)) + ")$"


def kinds(node: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """What a schema node takes, in words (each kind once, in the schema's order).

    >>> kinds({"anyOf": [{"type": "integer"}, {"type": "null"}]}, {})
    ['một số nguyên', 'để trống']
    """
    found: list[str] = []
    if "$ref" in node:
        found += kinds(defs.get(node["$ref"].rsplit("/", 1)[-1], {}), defs)
    if "const" in node:
        found.append(_shown(node["const"]))
    elif "enum" in node:
        found.append("một trong " + ", ".join(_shown(v) for v in node["enum"]))
    elif "type" in node:
        types = node["type"] if isinstance(node["type"], list) else [node["type"]]
        found += [_KIND.get(str(t), str(t)) for t in types]
    for alt in node.get("anyOf", []) + node.get("oneOf", []):
        found += kinds(alt, defs)
    return list(dict.fromkeys(found))


def _shown(value: Any) -> str:
    if value == "":
        return "“” (để trống)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"“{value}”" if isinstance(value, str) else str(value)


def _fold_nullable(node: Any) -> Any:
    """Fold every ``anyOf: [{"type": T, …}, {"type": "null"}]`` into one node."""
    if isinstance(node, list):
        return [_fold_nullable(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _fold_nullable(v) for k, v in node.items()}
    alts = node.get("anyOf")
    if isinstance(alts, list):
        # A string with a format beside a plain string adds nothing (a date or any text).
        plain = [a for a in alts if set(a) == {"type"} and isinstance(a["type"], str)]
        kept = [a for a in alts if a in plain or {"type": a.get("type")} not in plain]
        node["anyOf"] = alts = kept
    if isinstance(alts, list) and len(alts) == 2 and {"type": "null"} in alts:
        other = alts[0] if alts[1] == {"type": "null"} else alts[1]
        kind = other.get("type")
        if isinstance(kind, str) and kind != "null" and not set(other) & set(node) - {"anyOf"}:
            # (without "default": null, which the server's completion would write as a text)
            folded = {k: v for k, v in node.items() if k != "anyOf" and (k, v) != ("default", None)}
            folded.update(other)
            folded["type"] = [kind, "null"]
            return folded
    return node


def _apart(node: Any, defs: dict[str, Any]) -> None:
    """Make ``oneOf`` every ``anyOf`` whose alternatives take different JSON types (the same
    verdicts): the server's hover joins the titles of anyOf alternatives it cannot tell apart
    ("Chủ trì || Chủ trì || Chủ trì") and leaves oneOf alone."""
    if isinstance(node, list):
        for v in node:
            _apart(v, defs)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _apart(value, defs)
    alts = node.get("anyOf")
    if isinstance(alts, list) and "oneOf" not in node:
        seen: set[str] = set()
        for alt in alts:
            types = _types(alt, defs)
            if types is None or types & seen:
                return
            seen |= types
        node["oneOf"] = node.pop("anyOf")


def _types(node: dict[str, Any], defs: dict[str, Any]) -> set[str] | None:
    """The JSON types a node can take (integer counted as number), ``None`` when unsure."""
    if "$ref" in node:
        target = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return None if len(node) > 1 else _types(target, defs)
    if {"anyOf", "oneOf", "allOf", "not", "if"} & set(node) or "type" not in node:
        return None
    kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
    return {"number" if k == "integer" else k for k in kinds}


def _objects(node: Any, title: str) -> list[tuple[dict[str, Any], str]]:
    """Every object schema (one with ``properties``) and the title it is known by."""
    found: list[tuple[dict[str, Any], str]] = []
    if isinstance(node, list):
        for v in node:
            found += _objects(v, title)
    elif isinstance(node, dict):
        title = node.get("title") or title
        if isinstance(node.get("properties"), dict):
            found.append((node, title))
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for prop in value.values():
                    found += _objects(prop, title)
            elif key not in ("examples", "default", "const", "enum", "if", "not"):
                # (a condition's problems are never shown: it needs no message)
                found += _objects(value, title)
    return found


def _title_of(prop: dict[str, Any], defs: dict[str, Any], name: str) -> str:
    if prop.get("title"):
        return str(prop["title"])
    if "$ref" in prop:
        return str(defs.get(prop["$ref"].rsplit("/", 1)[-1], {}).get("title") or name)
    return name


def _object_messages(node: dict[str, Any], title: str, defs: dict[str, Any]) -> None:
    props: dict[str, Any] = node["properties"]
    titles = {name: _title_of(prop, defs, name) for name, prop in props.items()}
    if node.get("type") == "object":
        node.setdefault("errorMessage", f"{title}: cần {_KIND['object']}")
    for key in ("allOf", "anyOf", "oneOf", "then", "else"):
        for sub in node.get(key, []) if key in ("allOf", "anyOf", "oneOf") else [node.get(key)]:
            _required_messages(sub, titles, title)
    required = node.pop("required", [])
    if required:
        node["allOf"] = [
            *node.get("allOf", []),
            *(
                {
                    "required": [name],
                    "errorMessage": f"thiếu {_field(name, titles, 'trường bắt buộc')} của {title}",
                }
                for name in required
            ),
        ]
    if node.get("additionalProperties") is False and all(_NAME.match(n) for n in props):
        del node["additionalProperties"]
        node["propertyNames"] = _names_check(list(props), titles, title)


def _required_messages(sub: Any, titles: dict[str, str], title: str) -> None:
    """Messages for the other required fields of an object: those of a condition's branch
    (``then``), or alternatives ("signers", or "chair" and "secretary")."""
    if not isinstance(sub, dict):
        return
    named = {**titles, **{n: n for n in _required_names(sub) if n not in titles}}
    alts = sub.get("anyOf") or sub.get("oneOf")
    if alts and all(isinstance(a, dict) and set(a) == {"required"} for a in alts):
        choices = " hoặc ".join(
            " và ".join(_field(n, named, "").strip() for n in a["required"]) for a in alts
        )
        for alt in alts:
            alt["errorMessage"] = f"thiếu trường bắt buộc của {title}: cần {choices}"
        return
    if set(sub) == {"required"}:
        fields = ", ".join(_field(n, named, "").strip() for n in sub["required"])
        sub["errorMessage"] = f"thiếu trường bắt buộc của {title}: {fields}"
        return
    for key in ("allOf", "anyOf", "oneOf"):
        for inner in sub.get(key, []):
            _required_messages(inner, titles, title)
    for key in ("then", "else"):
        _required_messages(sub.get(key), titles, title)


def _required_names(sub: Any) -> list[str]:
    if isinstance(sub, list):
        return [n for v in sub for n in _required_names(v)]
    if not isinstance(sub, dict):
        return []
    found = [n for n in sub.get("required", []) if isinstance(n, str)]
    return found + [n for k, v in sub.items() if k != "required" for n in _required_names(v)]


def _field(name: str, titles: dict[str, str], word: str = "trường") -> str:
    """A field as the loader names it: ``trường "name" (its Vietnamese title)``."""
    return f'{word} "{name}"' + (f" ({titles[name]})" if titles[name] != name else "")


def _names_check(names: list[str], titles: dict[str, str], title: str) -> dict[str, Any]:
    """The keys an object takes, as a ``propertyNames`` schema whose message on a key one
    typo away from a field names that field."""
    unknown = f"trường này không có trong mẫu {title}"
    chain: dict[str, Any] = {
        "enum": names,
        "errorMessage": f"{unknown}; các trường: {', '.join(names)}",
    }
    for name in reversed(names):
        chain = {
            "if": {"pattern": typo_pattern(name)},
            "then": {
                "const": name,
                "errorMessage": f'{unknown}; có phải ý bạn là "{name}" ({titles[name]})?',
            },
            "else": chain,
        }
    # doNotSuggest: the server's completion would offer a "property" placeholder otherwise.
    return {"if": {"enum": names}, "else": chain, "doNotSuggest": True}


def _value_messages(prop: dict[str, Any], label: str, defs: dict[str, Any]) -> None:
    """Messages on the typed nodes of a property (its own, its alternatives', its items')."""
    message = f"{label}: cần {' hoặc '.join(kinds(prop, defs))}"
    for node in [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])]:
        if not isinstance(node, dict) or "errorMessage" in node:
            continue
        if "enum" in node or "type" in node or "const" in node:
            node["errorMessage"] = message
        if "pattern" in node:
            how = node.get("description") or ", ".join(map(str, prop.get("examples", [])[:3]))
            node["patternErrorMessage"] = f"{label}: không đúng dạng" + (
                f"; viết như: {how}" if how else ""
            )
        items = node.get("items")
        if isinstance(items, dict) and "$ref" not in items:
            _value_messages(items, f"{label}, mỗi mục", defs)

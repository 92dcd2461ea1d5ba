"""The schemas' messages for editors and ``vanban schema --editor``, without an editor (the
real language server: tests/test_editor_lsp.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource
from tests_support import EXAMPLES_DIR, ROOT

from vanban import registry
from vanban._cli import main
from vanban._editor_schema import typo_pattern
from vanban._editor_setup import dispatch_schema
from vanban._loading import parse_yaml
from vanban._schema import editor_schema, schema

COMMITTED = sorted((ROOT / "schemas").glob("*.schema.json"))
MODELINE = "# yaml-language-server: $schema="


def _load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _message_for_key(names: dict[str, Any], key: str) -> str | None:
    """What the editor says of a key: ``propertyNames``' if/then/else chain as the server
    walks it (a branch's message when its const or enum refuses the key)."""
    node: Any = names
    while isinstance(node, dict):
        if "if" in node:
            cond = node["if"]
            holds = key in cond["enum"] if "enum" in cond else bool(re.match(cond["pattern"], key))
            node = node.get("then" if holds else "else", True)
            continue
        if ("const" in node and key != node["const"]) or (
            "enum" in node and key not in node["enum"]
        ):
            return str(node["errorMessage"])
        return None
    return None


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            found.append(node)
        for key, value in node.items():
            if key not in ("examples", "default", "enum", "const", "propertyNames", "if", "not"):
                found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


def test_typo_pattern_reaches_one_typo_only() -> None:
    p = re.compile(typo_pattern("deadline"))
    assert all(p.match(k) for k in ("deadlne", "deadlinee", "daedline", "deadlime", "Deadline"))
    assert not any(p.match(k) for k in ("deadline", "dead", "headlines", "leads", ""))


def test_keys_are_told_what_they_may_mean() -> None:
    s = editor_schema("ke_hoach")
    signer = s["$defs"]["Signer"]["propertyNames"]
    assert _message_for_key(signer, "name") is None
    assert _message_for_key(signer, "authority") is None
    assert _message_for_key(signer, "nam") == (
        'trường này không có trong mẫu Người ký; có phải ý bạn là "name" (Họ tên người ký)?'
    )
    assert _message_for_key(signer, "autority") == (
        'trường này không có trong mẫu Người ký; có phải ý bạn là "authority" (Quyền hạn ký)?'
    )
    far = _message_for_key(signer, "chu_ky")
    assert far is not None and far.startswith("trường này không có trong mẫu Người ký; các trường:")
    assert _message_for_key(s["propertyNames"], "tittle") == (
        'trường này không có trong mẫu Kế hoạch; có phải ý bạn là "title" (Trích yếu nội dung)?'
    )


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_object_of_the_committed_schemas_speaks_vietnamese(path: Path) -> None:
    """Each object: no field of its own accepted as unknown, each required field one message,
    a message for a value of the wrong kind; the same objects and required fields as the
    schema the models generate."""
    s = _load(path)
    plain = schema(path.name.removesuffix(".schema.json"))
    plain_required = sorted(
        (tuple(sorted(o["properties"])), r) for o in _objects(plain) for r in o.get("required", [])
    )
    required = []
    for obj in _objects(s):
        names = list(obj["properties"])
        assert obj.get("additionalProperties") is not False, names
        assert "required" not in obj, names
        if "propertyNames" in obj:
            for name in names:
                assert _message_for_key(obj["propertyNames"], name) is None
            assert _message_for_key(obj["propertyNames"], "khong_co_truong_nay")
        for entry in obj.get("allOf", []):
            if set(entry) == {"required", "errorMessage"}:
                (field,) = entry["required"]
                assert f'"{field}"' in entry["errorMessage"]
                assert entry["errorMessage"].startswith("thiếu trường bắt buộc")
                required.append((tuple(sorted(names)), field))
        if obj.get("type") == "object":
            assert "errorMessage" in obj, names
        for name, prop in obj["properties"].items():
            for node in [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])]:
                if "type" in node or "enum" in node:
                    assert "errorMessage" in node, (names, name)
    assert sorted(required) == plain_required


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_no_anyof_an_editor_would_show_twice(path: Path) -> None:
    """The server's hover joins the titles of anyOf alternatives it cannot tell apart: none
    is left where the alternatives take different kinds of value, nor any nullable anyOf."""

    def walk(node: Any) -> list[Any]:
        if isinstance(node, list):
            return [x for v in node for x in walk(v)]
        if not isinstance(node, dict):
            return []
        found = [node["anyOf"]] if "anyOf" in node else []
        return found + [x for k, v in node.items() if k != "examples" for x in walk(v)]

    for alts in walk(_load(path)):
        assert {"type": "null"} not in alts, alts
        types = [a.get("type") for a in alts]
        assert None in types or len({json.dumps(t) for t in types}) < len(types), alts


def test_authority_is_the_decrees_and_agrees_with_the_loader() -> None:
    from vanban.models.common import _authority

    s = editor_schema("cong_van")
    auth = s["$defs"]["Authority"]
    assert auth["oneOf"][0]["enum"] == ["", "TM.", "KT.", "Q.", "TL.", "TUQ."]
    assert s["$defs"]["Signer"]["properties"]["authority"]["examples"] == ["KT.", "TM.", "TL."]
    validator = jsonschema.Draft7Validator({**auth, "$defs": s["$defs"]})
    for value in ("", "TM.", "TM", "kt.", " TL ", "Tuq", "q", "THAY", "T M", "KT..", "TLL", "TM.x"):
        try:
            _authority(value)
            loader = True
        except Exception:
            loader = False
        assert validator.is_valid(value) == loader, value


def _dispatcher_validator() -> jsonschema.Draft202012Validator:
    resources = []
    for key in registry.type_keys():
        resource = Resource.from_contents(editor_schema(key))
        resources += [(f"{key}.schema.json", resource), (f"vanban:{key}", resource)]
    return jsonschema.Draft202012Validator(
        dispatch_schema(), registry=Registry().with_resources(resources)
    )


def test_dispatcher_checks_each_file_by_its_type() -> None:
    validator = _dispatcher_validator()
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        assert not list(validator.iter_errors(data)), path.name
        data["tittle"] = "x"
        assert list(validator.iter_errors(data)), path.name
    assert validator.is_valid({"site_name": "x"})  # another YAML file of the folder
    assert not validator.is_valid({"type": "quyet_dinhh"})


def test_schema_editor_writes_the_schemas_and_the_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / ".vscode" / "settings.json"
    settings.parent.mkdir()
    settings.write_text(
        json.dumps({"editor.tabSize": 2, "yaml.schemas": {"k8s.json": ["deploy/*.yaml"]}}),
        encoding="utf-8",
    )
    assert main(["schema", "--editor", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "yaml.schemas" in out and "Neovim" in out
    written = sorted(p.name for p in (tmp_path / ".vanban" / "schemas").iterdir())
    assert written == sorted(
        [f"{k}.schema.json" for k in registry.type_keys()] + ["vanban.schema.json"]
    )
    for key in registry.type_keys():
        committed = (ROOT / "schemas" / f"{key}.schema.json").read_text(encoding="utf-8")
        assert (tmp_path / ".vanban" / "schemas" / f"{key}.schema.json").read_text(
            encoding="utf-8"
        ) == committed
    data = json.loads(settings.read_text(encoding="utf-8"))
    assert data["editor.tabSize"] == 2
    assert data["yaml.schemas"] == {
        "k8s.json": ["deploy/*.yaml"],
        "./.vanban/schemas/vanban.schema.json": ["*.yaml", "*.yml", "**/*.yaml", "**/*.yml"],
    }
    assert main(["schema", "--editor", str(tmp_path)]) == 0  # again: the same files
    assert json.loads(settings.read_text(encoding="utf-8")) == data


def test_schema_editor_leaves_a_settings_file_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / ".vscode" / "settings.json"
    settings.parent.mkdir()
    text = '{\n  // VS Code allows comments\n  "editor.tabSize": 2,\n}\n'
    settings.write_text(text, encoding="utf-8")
    assert main(["schema", "--editor", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{settings}:2:3: không đọc được JSON" in err
    assert '"yaml.schemas": {"./.vanban/schemas/vanban.schema.json"' in err
    assert settings.read_text(encoding="utf-8") == text
    assert "Traceback" not in err


def test_schema_editor_refuses_a_type_or_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "ke_hoach", "--editor", str(tmp_path)]) == 2
    assert "bỏ LOẠI" in capsys.readouterr().err
    assert main(["schema", "--editor", str(tmp_path / "khong-co")]) == 2
    assert "không phải thư mục" in capsys.readouterr().err


def test_vanban_new_names_a_schema_only_outside_a_set_up_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    assert main(["new", "giay_moi", "-o", str(plain / "gm.yaml")]) == 0
    assert (
        (plain / "gm.yaml")
        .read_text(encoding="utf-8")
        .startswith(MODELINE + "giay_moi.schema.json\n")
    )
    project = tmp_path / "project"
    (project / "a" / "b").mkdir(parents=True)
    assert main(["schema", "--editor", str(project)]) == 0
    assert main(["new", "giay_moi", "-o", str(project / "a" / "b" / "gm.yaml")]) == 0
    text = (project / "a" / "b" / "gm.yaml").read_text(encoding="utf-8")
    assert MODELINE not in text and "vanban schema --editor" in text
    monkeypatch.chdir(project / "a")
    capsys.readouterr()
    assert main(["new", "giay_moi"]) == 0
    out = capsys.readouterr().out
    assert MODELINE not in out
    data, _ = parse_yaml(out)
    assert data["type"] == "giay_moi"


_KE_HOACH = editor_schema("ke_hoach")
_LETTERS = "abcdefghijklmnopqrstuvwxyz_"


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_a_key_one_typo_away_is_told_the_field(data: st.DataObject) -> None:
    """Any key: refused exactly when it is not a field (the same verdict as jsonschema's);
    one typo from a field (letter missing, added, changed, two swapped): "có phải ý bạn là"."""
    obj = _KE_HOACH["$defs"][data.draw(st.sampled_from(["Signer", "Issuer", "Task", "Section"]))]
    names = list(obj["properties"])
    name = data.draw(st.sampled_from(names))
    i = data.draw(st.integers(0, len(name) - 1))
    c = data.draw(st.sampled_from(_LETTERS))
    key = data.draw(
        st.sampled_from(
            [
                name[:i] + name[i + 1 :],
                name[:i] + c + name[i:],
                name[:i] + c + name[i + 1 :],
                name[:i] + name[i + 1 : i + 2] + name[i] + name[i + 2 :],
                name,
            ]
        )
        | st.text(_LETTERS, max_size=14)
    )
    message = _message_for_key(obj["propertyNames"], key)
    validator = jsonschema.Draft7Validator({"propertyNames": obj["propertyNames"]})
    assert (message is None) == (key in names) == validator.is_valid({key: 1})
    if key not in names and _one_typo(key, name):
        assert message is not None and "có phải ý bạn là" in message


def _one_typo(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_every_required_outside_a_condition_has_a_message(path: Path) -> None:
    """A biên bản's alternatives (signers, or chair and secretary) and a condition's branch
    (place when header_date) are told in Vietnamese too."""

    def walk(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, list):
            return [x for v in node for x in walk(v)]
        if not isinstance(node, dict):
            return []
        found = [node] if "required" in node else []
        skip = ("if", "not", "examples", "default", "propertyNames")
        return found + [x for k, v in node.items() if k not in skip for x in walk(v)]

    bare = [n["required"] for n in walk(_load(path)) if "errorMessage" not in n]
    assert not bare

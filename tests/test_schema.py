"""The committed JSON Schemas are the ones the models generate, speak Vietnamese to an editor
and accept the examples (which name them on their first line) but not broken copies of them."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from tests_support import EXAMPLES_DIR, ROOT

from vanban import registry
from vanban._loading import parse_yaml
from vanban._schema import schema, schema_text


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


# --- editor support: the schemas speak Vietnamese, examples name and match theirs ---------

SCHEMAS_DIR = ROOT / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\.\./schemas/(\w+)\.schema\.json)$")
#: A Vietnamese letter with a diacritic (checked on the lower-cased text, so Ô and Đ count).
VIETNAMESE = re.compile(r"[à-ỹđ]")
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
COMMITTED_SCHEMAS = sorted(SCHEMAS_DIR.glob("*.schema.json"))

#: English function words: none is a Vietnamese word, so one outside quotes is English left
#: behind in a text that also has Vietnamese terms (Dòng "Lưu": the văn thư …).
ENGLISH = re.compile(
    r"\b(the|of|and|or|with|by|when|for|its|is|are|e\.g|default|each|under|after|before|this"
    r"|that|one|as|at|from)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')

#: Properties without a description by design: their Vietnamese title says what to write and
#: the schema itself gives the choices or the bounds (enum, minimum/maximum).
NO_DESCRIPTION = {
    ("Contact", "address"),
    ("Contact", "email"),
    ("Contact", "website"),
    ("Contact", "phone"),
    ("Contact", "fax"),
    ("Format", "first_line_indent"),
    ("Format", "line_spacing"),
    ("Margins", "top"),
    ("Margins", "bottom"),
    ("Margins", "left"),
    ("Margins", "right"),
}
#: Vietnamese titles that happen to have no letter with a diacritic.
PLAIN_TITLES = {"Trang ngang"}


def _modeline(path: Path) -> re.Match[str] | None:
    return MODELINE.match(path.read_text(encoding="utf-8").split("\n", 1)[0])


def _example_schema(path: Path) -> dict:
    m = _modeline(path)
    assert m, f"{path.name}: no yaml-language-server modeline on the first line"
    return json.loads((path.parent / m.group(1)).read_text(encoding="utf-8"))


def _load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _properties(s: dict):
    """(owner, name, property schema, the schema it refers to or itself) of every property."""
    defs = s.get("$defs", {})
    owners = [("(document)", s), *defs.items()]
    for owner, d in owners:
        for name, prop in d.get("properties", {}).items():
            target = defs[prop["$ref"].rsplit("/", 1)[1]] if "$ref" in prop else prop
            yield owner, name, prop, target


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_names_the_schema_of_its_type(path: Path) -> None:
    m = _modeline(path)
    assert m, (
        f"{path.name}: the first line must be "
        "`# yaml-language-server: $schema=../schemas/<type>.schema.json`"
    )
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert m.group(2) == data["type"], f"{path.name}: modeline names {m.group(2)}, not its type"
    assert (path.parent / m.group(1)).is_file(), f"{path.name}: {m.group(1)} is not committed"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_matches_the_schema_its_modeline_names(path: Path) -> None:
    """The committed file VS Code reads for the example, whatever the example's type."""
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    jsonschema.Draft202012Validator(_example_schema(path)).validate(data)


#: Keywords of drafts after 7: the YAML extension of VS Code (yaml-language-server) validates
#: with draft 7 and would silently ignore them.
AFTER_DRAFT_7 = {
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "minContains",
    "maxContains",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
}


def _keywords(node, inside_names: bool = False):  # type: ignore[no-untyped-def]
    """Every keyword used in a schema (not the names under properties/$defs, not examples)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_names:
                yield key
            if key in ("examples", "default", "const", "enum"):
                continue
            yield from _keywords(value, key in ("properties", "$defs") and not inside_names)
    elif isinstance(node, list):
        for value in node:
            yield from _keywords(value)


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_schema_uses_only_keywords_vs_code_validates(path: Path) -> None:
    used = set(_keywords(_load_schema(path)))
    assert {"anyOf", "additionalProperties", "$ref"} <= used
    assert not used & AFTER_DRAFT_7


def test_modeline_pattern_is_strict() -> None:
    assert MODELINE.match("# yaml-language-server: $schema=../schemas/ke_hoach.schema.json")
    assert not MODELINE.match("# yaml-language-server: $schema=schemas/ke_hoach.schema.json")
    assert not MODELINE.match("# yaml-language-server: $schema=../schemas/ke_hoach.json")


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_every_committed_schema_is_current(path: Path) -> None:
    doc_type = path.name.removesuffix(".schema.json")
    assert path.read_text(encoding="utf-8") == schema_text(doc_type), (
        f"schemas/{path.name} is out of date: run "
        f"`python -m vanban schema {doc_type} > schemas/{path.name}`"
    )


def _broken(data: dict) -> list[tuple[str, dict]]:
    """Copies of a valid document, each with one mistake a person typing YAML makes."""
    cases: list[tuple[str, dict]] = []

    def case(name: str, change) -> None:  # type: ignore[no-untyped-def]
        d = copy.deepcopy(data)
        try:
            change(d)
        except KeyError:  # a field the type does not have (a Biên bản has no signer, place)
            return
        cases.append((name, d))

    # (a Giấy giới thiệu or Giấy nghỉ phép has no trích yếu: the misspelled field is added)
    case("misspelled field", lambda d: d.update(tittle=d.pop("title", "Về việc")))
    case("misspelled nested field", lambda d: d["signer"].update(nam=d["signer"].pop("name")))
    case("misspelled issuer field", lambda d: d["issuer"].update(abbrev="UBND"))
    case("text for a number", lambda d: d.update(number="năm"))
    case("mapping for a text", lambda d: d.update(place={"name": d["place"]}))
    case("number for a list of bases", lambda d: d.update(bases=5))
    case("unknown authority", lambda d: d["signer"].update(authority="THAY"))
    case("unknown size", lambda d: d.update(format={"size": "15"}))
    case("missing place", lambda d: d.pop("place"))
    case("missing signer name", lambda d: d["signer"].pop("name"))
    case("missing issuer", lambda d: d.pop("issuer"))
    case("wrong type", lambda d: d.update(type="ke_hoach_x"))
    return cases


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_schema_rejects_broken_copies_of_the_example(path: Path) -> None:
    """What the loader refuses, the editor flags: each broken copy fails both."""
    from vanban._loading import validate
    from vanban.errors import ValidationError

    s = _example_schema(path)
    # VS Code's YAML extension validates as draft 7 does: the verdicts must be the same.
    validators = [jsonschema.Draft202012Validator(s), jsonschema.Draft7Validator(s)]
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    for validator in validators:
        assert not list(validator.iter_errors(data)), type(validator).__name__
    for name, broken in _broken(data):
        for validator in validators:
            assert list(validator.iter_errors(broken)), f"{path.name}: schema accepts a {name}"
        with pytest.raises(ValidationError):
            validate(broken)


def test_schema_rejects_a_misspelled_task_field() -> None:
    path = EXAMPLES_DIR / "giam-ngheo-ben-vung.yaml"
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    validator = jsonschema.Draft202012Validator(_example_schema(path))

    def tasks(node):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            if "task" in node:
                yield node
            for v in node.values():
                yield from tasks(v)
        elif isinstance(node, list):
            for v in node:
                yield from tasks(v)

    task = next(tasks(data))
    task["deadlne"] = task.pop("deadline", "2025-01-01")
    errors = list(validator.iter_errors(data))
    assert errors and any("deadlne" in str(e) for e in errors)


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_vietnamese_title_and_description(path: Path) -> None:
    s = _load_schema(path)
    bad = []
    for owner, name, prop, target in _properties(s):
        title = prop.get("title") or target.get("title") or ""
        description = prop.get("description") or target.get("description")
        if not (VIETNAMESE.search(title.lower()) or title in PLAIN_TITLES):
            bad.append(f"{owner}.{name}: title {title!r}")
        if (owner, name) in NO_DESCRIPTION:
            continue
        if not (description and VIETNAMESE.search(description.lower())):
            bad.append(f"{owner}.{name}: description {description!r}")
    assert not bad, "not Vietnamese:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_every_model_has_a_vietnamese_title_and_description(path: Path) -> None:
    s = _load_schema(path)
    bad = [
        f"{name}: {d.get('title')!r} / {d.get('description')!r}"
        for name, d in [("(document)", s), *s.get("$defs", {}).items()]
        if not all(VIETNAMESE.search((d.get(k) or "").lower()) for k in ("title", "description"))
    ]
    assert not bad, "not Vietnamese:\n" + "\n".join(bad)


def test_the_exceptions_are_real() -> None:
    """Each property listed as having no description exists and still has none."""
    props = {(o, n): (p, t) for o, n, p, t in _properties(schema())}
    for key in NO_DESCRIPTION:
        assert key in props, f"{key} is not a property any more"
        prop, target = props[key]
        assert "description" not in prop and "description" not in target, key
    titles = {p.get("title") for p, _ in props.values()}
    assert titles >= PLAIN_TITLES


def _english_words(text: str) -> list[str]:
    """English function words in a text, leaving out what is quoted (YAML values, names)."""
    return ENGLISH.findall(QUOTED.sub("", text))


def _texts(node, where: str = ""):  # type: ignore[no-untyped-def]
    """(place, text) of every title and description anywhere in a schema (examples aside)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield f"{where}/{key}", value
            elif key != "examples":
                yield from _texts(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}/{i}")


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_no_english_left_in_titles_and_descriptions(path: Path) -> None:
    """Short-form alternatives and models' descriptions included, not only properties."""
    bad = [f"{w}: {t!r}" for w, t in _texts(_load_schema(path)) if _english_words(t)]
    assert not bad, "English left:\n" + "\n".join(bad)


def test_vietnamese_check_can_fail() -> None:
    assert not VIETNAMESE.search("Drafting units for the archive line".lower())
    assert VIETNAMESE.search("Ô".lower()) and VIETNAMESE.search("ĐOÀN".lower())
    assert _english_words('Dòng "Lưu": the văn thư (VT, always first)') == ["the"]
    assert not _english_words('Ví dụ "LƯU HÀNH NỘI BỘ", "the" in quotes; in hoa, đậm')


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_field_examples_are_valid_values(path: Path) -> None:
    """An example an editor offers must itself pass the schema of its field."""
    s = _load_schema(path)
    seen = 0
    for owner, name, prop, _ in _properties(s):
        for example in prop.get("examples", []):
            seen += 1
            sub = {**prop, "$defs": s.get("$defs", {})}
            errors = list(jsonschema.Draft202012Validator(sub).iter_errors(example))
            assert not errors, f"{owner}.{name}: example {example!r}: {errors[0].message}"
    assert seen >= 30


def _leaves(value):  # type: ignore[no-untyped-def]
    """The texts inside an example, keys of its mappings included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _leaves(item)


@pytest.mark.parametrize("path", COMMITTED_SCHEMAS, ids=lambda p: p.name)
def test_examples_survive_insertion_as_plain_yaml(path: Path) -> None:
    """The YAML extension inserts the texts of a list or mapping example as they are, without
    quotes: each must read back as itself (no line break, no ": " or " #", no leading "- ")."""
    bad = [
        f"{owner}.{name}: {text!r}"
        for owner, name, prop, _ in _properties(_load_schema(path))
        for example in prop.get("examples", [])
        for text in _leaves(example)
        if not _reads_back_unquoted(text)
    ]
    assert not bad, "examples an editor would insert wrongly:\n" + "\n".join(bad)


def _reads_back_unquoted(text: str) -> bool:
    try:
        data, _ = parse_yaml(f"k: {text}\n")
    except ValueError:
        return False
    return bool(data == {"k": text})


def test_insertion_check_can_fail() -> None:
    assert _reads_back_unquoted("Sở Công Thương")
    assert _reads_back_unquoted("2025-03-15")
    assert not _reads_back_unquoted("ỦY BAN NHÂN DÂN\nXÃ TÂN AN")
    assert not _reads_back_unquoted("Kế hoạch như sau:")
    assert not _reads_back_unquoted("Báo cáo #1")


def test_most_written_fields_have_examples() -> None:
    s = schema()
    props = {(o, n): p for o, n, p, _ in _properties(s)}
    wanted = [
        ("Issuer", "name"),
        ("Issuer", "abbreviation"),
        ("Issuer", "parent"),
        ("(document)", "number"),
        ("(document)", "symbol"),
        ("(document)", "title"),
        ("(document)", "place"),
        ("(document)", "date"),
        ("(document)", "recipients"),
        ("(document)", "archive"),
        ("(document)", "bases"),
        ("(document)", "intro"),
        ("(document)", "closing"),
        ("(document)", "content"),
        ("Signer", "authority"),
        ("Signer", "title"),
        ("Signer", "head_title"),
        ("Signer", "name"),
        ("Section", "content"),
        ("Task", "task"),
        ("Task", "leads"),
        ("Task", "coordinates"),
        ("Task", "deadline"),
        ("Task", "product"),
        ("Appendix", "title"),
    ]
    assert [k for k in wanted if not props[k].get("examples")] == []


def test_schema_accepts_widths_as_users_write_them(sample: dict) -> None:
    """A column width may be written "2.5cm", "25 mm" or "1,5cm" (the model turns it into
    millimetres): the schema must not flag what the loader accepts."""
    validator = jsonschema.Draft202012Validator(schema())
    for width in ("2.5cm", "25 mm", "1,5cm", "30mm", 3):
        data = json.loads(json.dumps(sample))
        data["content"] = [{"columns": [{"title": "A", "width": width}, "B"], "rows": [["1", "2"]]}]
        data.pop("sections", None)
        validator.validate(data)
    data["content"][0]["columns"][0]["width"] = "2.5 inch"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)

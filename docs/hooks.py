"""MkDocs hook: pages generated at build time from what the package ships, never committed.

- ``reference/yaml/<type>.md``: a page per document type, a table per model, read from the
  committed JSON Schemas in ``schemas/`` (titles and descriptions as editors show them); each
  page holds its own models, so a link to ``Issuer`` lands in that type's table;
- ``<!-- schema-reference -->``: the list of those pages;
- ``tutorial.md``: the tutorial notebook, run from top to bottom in a fresh folder (as a reader
  runs it; nbclient and ipykernel come with the ``docs`` extra), its outputs under each cell;
  the notebook itself is offered for download;
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
        return " | ".join(f"`{v}`" for v in prop["enum"] if v != "")  # escaped by _cell
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


def _schema_keys() -> list[str]:
    return sorted(
        p.name.removesuffix(".schema.json") for p in (ROOT / "schemas").glob("*.schema.json")
    )


def _page_name(key: str) -> str:
    return key.replace("_", "-")


def type_reference(key: str) -> str:
    """The page of one document type: its fields, then each model it uses."""
    from vanban._schema import schema as plain_schema

    # The committed file without the messages for editors (its required fields are spread
    # over allOf there, one message each).
    schema = plain_schema(key)
    _DEFS.clear()
    _DEFS.update(schema.get("$defs", {}))
    title = schema.get("title", key)
    out = [f"# {title} (`type: {key}`)", ""]
    out += [
        f"Tệp schema: `schemas/{key}.schema.json` (lệnh `vanban schema {key}`). "
        f"Cách dùng và ví dụ: [{title}](../../types/{_page_name(key)}.md); cách viết từng "
        "phần: [Định dạng YAML](../../yaml-format.md).",
        "",
    ]
    out += [*_table(schema), ""]
    for name, model in sorted(schema.get("$defs", {}).items()):
        if "properties" not in model:
            continue
        out += [f"## {name}", "", _cell(model.get("title")), ""]
        out += [*_table(model), ""]
    return "\n".join(out)


def schema_reference() -> str:
    """The list of the per-type pages (reference/yaml.md)."""
    from vanban._schema import schema as plain_schema

    lines = ["| `type:` | Loại văn bản | Trường |", "|---|---|---|"]
    for key in _schema_keys():
        title = plain_schema(key).get("title", key)
        lines.append(f"| `{key}` | {title} | [Trường của {title}](yaml/{_page_name(key)}.md) |")
    return "\n".join(lines)


def _output(out: dict[str, Any]) -> list[str]:
    if out.get("output_type") == "stream":
        return ["```text", "".join(out.get("text", "")).rstrip("\n"), "```", ""]
    if out.get("output_type") == "error":
        raise RuntimeError(f"tutorial.ipynb: {out.get('ename')}: {out.get('evalue')}")
    data = out.get("data", {})
    if "text/html" in data:
        html = "".join(data["text/html"])
        # One raw HTML block: Markdown ends a block at an empty line.
        body = "\n".join(line for line in html.splitlines() if line.strip())
        return ['<div class="nb-output" markdown="0">', body, "</div>", ""]
    if "text/plain" in data:
        return ["```text", "".join(data["text/plain"]).rstrip("\n"), "```", ""]
    return []


def tutorial_markdown() -> str:
    """The tutorial notebook run in a fresh folder, as Markdown with each cell's outputs."""
    import tempfile

    import nbclient
    import nbformat

    nb = nbformat.read(ROOT / "docs" / "tutorial.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    with tempfile.TemporaryDirectory() as folder:
        nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}
        ).execute()
    download = (
        "[Tải sổ tay về: tutorial.ipynb](tutorial.ipynb) — mở trong Jupyter, VS Code hay "
        "Colab; các ô dưới đây là kết quả của một lần chạy nó từ đầu đến cuối."
    )
    out: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out += [cell.source, ""]
            if download:  # under the first cell, which holds the title
                out += [download, ""]
                download = ""
        elif cell.cell_type == "code":
            out += ["```python", cell.source, "```", ""]
            for o in cell.get("outputs", []):
                out += _output(o)
    return "\n".join(out)


def on_files(files: Any, config: Any) -> Any:
    """Add the per-type reference pages, built from the schemas, and the tutorial run from
    its notebook (never committed)."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, "tutorial.md", content=tutorial_markdown()))

    for key in _schema_keys():
        files.append(
            File.generated(
                config, f"reference/yaml/{_page_name(key)}.md", content=type_reference(key)
            )
        )
    return files


def type_list() -> str:
    from vanban import registry
    from vanban.nd30.doctypes import DOC_TYPES

    lines = ["| `type:` | Tên loại | Ký hiệu | Lớp Python |", "|---|---|---|---|"]
    for key in registry.type_keys():
        t = DOC_TYPES[key]
        abbr = t.abbreviation or "(cơ quan-đơn vị)"
        lines.append(f"| `{key}` | {t.name} | {abbr} | `vanban.{registry.class_name(key)}` |")
    return "\n".join(lines)


#: Pages still written in English, each marked as such at its top for a Vietnamese reader
#: (tests/test_docs_site.py finds any page in English that is not listed here).
ENGLISH_PAGES = frozenset({"checker.md", "plan-parts.md", "templates.md", "yaml-format.md"})
ENGLISH_NOTE = (
    '!!! note "Trang này viết bằng tiếng Anh"\n'
    "    Bản tiếng Việt đang được soạn. Các thuật ngữ của Nghị định (tên loại, trích yếu, nơi "
    "nhận, phụ lục…) giữ nguyên tiếng Việt trong bài.\n\n"
)


def on_page_markdown(markdown: str, page: Any = None, **kwargs: Any) -> str:
    src = getattr(getattr(page, "file", None), "src_uri", "")
    if src in ENGLISH_PAGES:
        head, _, rest = markdown.partition("\n")
        markdown = f"{head}\n\n{ENGLISH_NOTE}{rest}"
    if src.startswith("types/") and src != "types/index.md":
        stem = src.removeprefix("types/").removesuffix(".md")
        markdown += (
            f"\n\n## Mọi trường\n\nTừng trường của loại này, kèm tên gọi, kiểu và mô tả "
            f"(sinh từ JSON Schema): [Trường YAML](../reference/yaml/{stem}.md).\n"
        )
    if "<!-- schema-reference -->" in markdown:
        markdown = markdown.replace("<!-- schema-reference -->", schema_reference())
    if "<!-- type-list -->" in markdown:
        markdown = markdown.replace("<!-- type-list -->", type_list())
    return markdown


README_START = "<!-- type-list: generated by `python docs/hooks.py`, tested -->"
README_END = "<!-- /type-list -->"


def readme_with_type_list(text: str) -> str:
    """README.md with its type list replaced by the one of the registry."""
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    return f"{head}{README_START}\n{type_list()}\n{README_END}{tail}"


if __name__ == "__main__":  # rewrite the README's type list from the registry
    readme = ROOT / "README.md"
    readme.write_text(readme_with_type_list(readme.read_text(encoding="utf-8")), encoding="utf-8")

"""Templates: finding them, reading them, preparing them once.

A template is an OOXML package whose XML parts may hold docxtpl/Jinja tags. vanban's own
templates are kept as readable XML files in the repository's ``templates/`` folder
(installed as ``vanban/templates``): ``_common/`` holds the parts every document type
shares, ``<type>/`` the parts of one type (its ``word/document.xml``), and ``_blocks/`` the
Jinja partials those include. A user's template may also be a ``.docx`` file made in Word
with docxtpl tags, using the context documented in ``docs/templates.md``.

Preparing a template (once per :class:`Prepared`): each XML part with tags goes through
docxtpl's ``patch_xml`` (its tag syntax: ``{%p``, ``{%tr``, ``{{r`` …), the whitespace
between tags that holds a newline is dropped, and the result is compiled by Jinja with
autoescaping on. Parts without tags are compressed once. Parts whose tags only read the
format (``sizes``, ``fmt``: styles) are rendered and compressed once per format.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from vanban import _zip
from vanban.errors import TemplateError

FORMAT_VARIABLES = frozenset({"sizes", "fmt"})
_FIRST = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
          "word/document.xml")  # fmt: skip
_NEWLINE_WS = re.compile(r"(?<=[>}])\s*\n\s*(?=[<{])")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAGGED = re.compile(r"\{[{%#]")


def templates_dir() -> Path:
    """Where vanban's own templates are: inside the installed package, or the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "_common").is_dir():
            return candidate
    raise TemplateError(f"vanban's templates are missing (looked in {here / 'templates'})")


def _read_dir(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def read_parts(source: str | Path | bytes) -> dict[str, bytes]:
    """The parts of a template: a vanban type name, a folder of parts, or a .docx file/bytes."""
    if isinstance(source, bytes):
        return _read_zip(source, "<bytes>")
    if isinstance(source, str) and "/" not in source and not source.endswith(".docx"):
        root = templates_dir()
        if not (root / source).is_dir() or source.startswith("_"):
            raise TemplateError(f"vanban has no template for the document type {source!r}")
        return {**_read_dir(root / "_common"), **_read_dir(root / source)}
    path = Path(source)
    if path.is_dir():
        return _read_dir(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read the template {path}: {exc.strerror}") from None
    return _read_zip(data, str(path))


def _read_zip(data: bytes, name: str) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {i.filename: z.read(i) for i in z.infolist() if not i.is_dir()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"the template {name} is not a .docx (zip) file: {exc}") from None


def _clean(source: str) -> str:
    """Drop XML comments and the whitespace between tags that holds a newline."""
    return _NEWLINE_WS.sub("", _COMMENT.sub("", source))


class _CleanLoader(jinja2.FileSystemLoader):
    """Loads the shared partials (``_blocks/``) cleaned like the parts that include them."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        return _clean(source), filename, uptodate


def _patch(source: str) -> str:
    from docxtpl import DocxTemplate  # docxtpl is only needed while preparing

    return DocxTemplate(io.BytesIO()).patch_xml(source)


@dataclass
class _Part:
    name: str
    entry: _zip.Entry | None = None  # static parts, compressed once
    template: jinja2.Template | None = None
    per_format: bool = False


class Prepared:
    """A template read, patched, compiled and partly compressed: ready for many documents."""

    def __init__(self, parts: Mapping[str, bytes], *, loader: jinja2.BaseLoader | None = None):
        if "word/document.xml" not in parts:
            raise TemplateError("the template has no word/document.xml part")
        self.env = jinja2.Environment(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            loader=loader,
            auto_reload=False,
            keep_trailing_newline=False,
        )
        order = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
        self.parts: list[_Part] = []
        self._format_cache: dict[Any, _zip.Entry] = {}
        for name in order:
            raw = parts[name]
            if not (name.endswith(".xml") or name.endswith(".rels")):
                self.parts.append(_Part(name, entry=_zip.Entry.deflate(name, raw)))
                continue
            text = raw.decode("utf-8")
            if not _TAGGED.search(text):
                text = _clean(text)
                self.parts.append(_Part(name, entry=_zip.Entry.deflate(name, text.encode())))
                continue
            source = _clean(_patch(text))
            try:
                ast = self.env.parse(source)
                names = meta.find_undeclared_variables(ast)
                includes = list(meta.find_referenced_templates(ast))
                template = self.env.from_string(source)
            except jinja2.TemplateError as exc:
                raise TemplateError(f"template part {name}: {exc}") from None
            per_format = not includes and names <= FORMAT_VARIABLES
            self.parts.append(_Part(name, template=template, per_format=per_format))

    @classmethod
    def load(cls, source: str | Path | bytes) -> Prepared:
        """Prepare a template from a document type name, a folder, or a .docx."""
        parts = read_parts(source)
        loader = None
        if isinstance(source, str) and "/" not in source and not source.endswith(".docx"):
            loader = _CleanLoader(str(templates_dir()))
        elif isinstance(source, (str, Path)) and Path(source).is_dir():
            loader = _CleanLoader([str(source), str(templates_dir())])
        return cls(parts, loader=loader)

    def render(self, context: Mapping[str, Any], format_key: Any) -> bytes:
        """The .docx bytes for one document's context."""
        entries: list[_zip.Entry] = []
        for part in self.parts:
            if part.entry is not None:
                entries.append(part.entry)
                continue
            assert part.template is not None
            if part.per_format:
                key = (part.name, format_key)
                entry = self._format_cache.get(key)
                if entry is None:
                    entry = self._deflate(part, context)
                    self._format_cache[key] = entry
                entries.append(entry)
            else:
                entries.append(self._deflate(part, context))
        return _zip.write(entries)

    def _deflate(self, part: _Part, context: Mapping[str, Any]) -> _zip.Entry:
        assert part.template is not None
        try:
            xml = part.template.render(context)
        except jinja2.TemplateError as exc:
            raise TemplateError(f"template part {part.name}: {exc}") from None
        return _zip.Entry.deflate(part.name, xml.encode("utf-8"))

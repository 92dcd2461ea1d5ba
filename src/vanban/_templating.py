"""Templates: finding them, reading them, preparing them once.

A template is an OOXML package whose XML parts may hold docxtpl/Jinja tags. vanban's own
templates are kept as readable XML files in the repository's ``templates/`` folder
(installed as ``vanban/templates``): ``_common/`` holds the parts every document type
shares, ``<type>/`` the parts of one type (its ``word/document.xml``), and ``_blocks/`` the
Jinja partials those include. A user's template may also be a ``.docx`` file made in Word
with docxtpl tags, using the context documented in ``docs/templates.md``.

Preparing a template (once per :class:`Prepared`): each XML part with tags goes through
docxtpl's ``patch_xml`` (its tag syntax: ``{%p``, ``{%tr``, ``{{r`` …), the whitespace
between tags that holds a newline is dropped, vanban's own parts get the partials they
include or import written into them (:func:`inlined`: one template, no include at render
time), and the result is compiled by Jinja with autoescaping on. Parts without tags are
compressed once. Parts whose tags only read the format (``sizes``, ``fmt``: styles), or
nothing more than what a document leaves empty (no contact lines, no footnotes), are
rendered and compressed once per format. The patched
sources and the compiled code are cached on disk (:func:`cache_dir`, ``VANBAN_CACHE_DIR``),
so a new process prepares without importing docxtpl or running the Jinja compiler.

Rendering a document (:meth:`Prepared.render`) runs the compiled templates of the parts that
change and writes the zip; docxtpl, python-docx and lxml are not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import json
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from markupsafe import Markup
from markupsafe import escape as _markupsafe_escape

from vanban import _package, _zip
from vanban._cache import cache_dir as cache_dir
from vanban._cache import read_entry, write_entry
from vanban._cache import usable_cache as usable_cache
from vanban._record import Record
from vanban.errors import InputError, TemplateError, os_message

FORMAT_VARIABLES = frozenset({"sizes", "fmt"})
_FIRST = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
)
#: Blanks holding a newline between tags; the part before the first newline has none, so a
#: run is read once (``\s*\n\s*`` tries every newline of a run as the split: quadratic).
_NEWLINE_WS = re.compile(r"(?<=[>}])[^\S\n]*\n\s*(?=[<{])")
_TAGGED = re.compile(r"\{[{%#]")


def templates_dir() -> Path:
    """Where vanban's own templates are: inside the installed package, or the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "_common").is_dir():
            return candidate
    raise TemplateError(f"vanban's templates are missing (looked in {here / 'templates'})")


def _read_dir(root: Path, *, limited: bool = False) -> dict[str, bytes]:
    """The files under ``root`` by relative name; a user's folder (``limited``) is held to
    the limits of a .docx (:mod:`vanban._package`)."""
    entries = sorted(root.rglob("*"))
    if limited:
        links = [p for p in entries if p.is_symlink()]
        if links:  # a link could pull any file of this machine into the document
            raise TemplateError(
                f"thư mục mẫu có liên kết tượng trưng, không được phép: {links[0]}",
                template=str(root),
            )
    files = [p for p in entries if p.is_file()]
    if limited:
        if len(files) > _package.MAX_PARTS:
            raise TemplateError(f"thư mục mẫu có quá {_package.MAX_PARTS} tệp", template=str(root))
        total = sum(p.stat().st_size for p in files)
        if total > _package.MAX_UNCOMPRESSED:
            raise TemplateError(
                f"thư mục mẫu quá lớn: {total} byte, giới hạn {_package.MAX_UNCOMPRESSED} byte",
                template=str(root),
            )
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def read_parts(source: str | Path | bytes) -> dict[str, bytes]:
    """The parts of a template: a vanban type name, a folder of parts, or a .docx file/bytes.

    A user's template (a folder, a .docx) is held to the limits of :mod:`vanban._package`
    (size, parts, uncompressed bytes): a problem is a :class:`TemplateError`; a file that
    cannot be read at all is an :class:`InputError`.
    """
    if isinstance(source, bytes):
        return _read_zip(source, "<bytes>")
    if isinstance(source, str) and "/" not in source and not source.endswith(".docx"):
        root = templates_dir()
        if not (root / source).is_dir() or source.startswith("_"):
            raise TemplateError(f"vanban chưa có mẫu cho loại văn bản {source!r}")
        return {**_read_dir(root / "_common"), **_read_dir(root / source)}
    path = Path(source)
    try:
        if path.is_dir():
            return _read_dir(path, limited=True)
        data = _package.read_file(path)
    except _package.PackageProblem as problem:
        raise TemplateError(str(problem), template=str(path)) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp mẫu {path}: {os_message(exc)}") from None
    return _read_zip(data, str(path))


def _read_zip(data: bytes, name: str) -> dict[str, bytes]:
    try:
        return _package.read_zip(data)
    except _package.PackageProblem as problem:
        raise TemplateError(str(problem), template=name) from None


def _clean(source: str) -> str:
    """Drop XML comments and the whitespace between tags that holds a newline."""
    return _NEWLINE_WS.sub("", _without_comments(source))


def _without_comments(source: str) -> str:
    """The source without its ``<!-- … -->`` comments; an unclosed one is kept as it is.

    With :meth:`str.find`, not ``<!--.*?-->``, which rescans to the end from every opening
    when no comment closes (quadratic).

    >>> _without_comments("<a><!-- x --></a><!-- open")
    '<a></a><!-- open'
    """
    out: list[str] = []
    pos = 0
    while (start := source.find("<!--", pos)) >= 0:
        end = source.find("-->", start + 4)
        if end < 0:
            break
        out.append(source[pos:start])
        pos = end + 3
    out.append(source[pos:])
    return "".join(out)


class _CleanLoader(jinja2.FileSystemLoader):
    """Loads the shared partials (``_blocks/``) cleaned like the parts that include them."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return _clean(source), filename, uptodate


#: ``{% include "name" %}`` and ``{% from "name" import a, b with context %}``: a literal
#: name, no whitespace control, nothing else (what :func:`inlined` may replace).
_PARTIAL = re.compile(
    r'\{%\s*(?:include\s+"([^"{}%]+)"'
    r'|from\s+"([^"{}%]+)"\s+import\s+\w+(?:\s*,\s*\w+)*\s+with\s+context)\s*%\}'
)
_MACRO = re.compile(r"\{%-?\s*macro\b")
#: Partials inside partials: deeper than this is left to Jinja (a loop, by mistake).
_INLINE_DEPTH = 8


def inlined(source: str, partial: Callable[[str], str], depth: int = 0) -> str:
    """``source`` with its includes and its ``import … with context`` of partials replaced
    by the partials' own source (``partial(name)``), recursively: one compiled template,
    where Jinja would make a new context for each include and run each imported module
    again for every document (a third of the template's time).

    The output is the same as Jinja's include or import would give, so a tag is left as it
    is unless: no whitespace lies next to it (a ``{%-`` or ``-%}`` at the partial's edges
    then strips nothing more than in the partial alone); an imported partial holds only
    macros and comments (its other output, which an import drops, would be printed); it
    is not nested deeper than :data:`_INLINE_DEPTH`. An included partial keeps a scope of
    its own (``{% with %}``: what it sets stays in it). Jinja drops a template's last
    newline, and so does this. Only vanban's own templates are prepared so.

    >>> parts = {"a.xml": "<a>{{ x }}</a>\\n", "m.xml": "{% macro m() %}<m/>{% endmacro %}"}
    >>> inlined('<r>{% include "a.xml" %}</r>', parts.__getitem__)
    '<r>{% with %}<a>{{ x }}</a>{% endwith %}</r>'
    >>> inlined('<r> {% include "a.xml" %}</r>', parts.__getitem__)  # a blank next to it
    '<r> {% include "a.xml" %}</r>'
    >>> inlined('{% from "m.xml" import m with context %}{{ m() }}', parts.__getitem__)
    '{% macro m() %}<m/>{% endmacro %}{{ m() }}'
    """

    def expand(match: re.Match[str]) -> str:
        start, end = match.span()
        if depth >= _INLINE_DEPTH or source[start - 1 : start].isspace():
            return match.group(0)
        if source[end : end + 1].isspace():
            return match.group(0)
        included, imported = match.group(1), match.group(2)
        try:
            text = partial(included or imported)
        except jinja2.TemplateNotFound:
            return match.group(0)  # Jinja reports it, as before
        if text.endswith("\n"):  # Jinja's lexer drops it (keep_trailing_newline off)
            text = text[:-1]
        if imported:  # its macros, defined here as an import defines them
            if not _only_macros(text):
                return match.group(0)
            return inlined(text, partial, depth + 1)
        # An include's own scope: what it sets stays in it.
        return "{% with %}" + inlined(text, partial, depth + 1) + "{% endwith %}"

    return _PARTIAL.sub(expand, source)


def _only_macros(text: str) -> bool:
    """Whether a partial holds macros and comments only (what an import prints: nothing).
    With :meth:`str.find`, as :func:`_without_comments` (no rescans).

    >>> _only_macros("{# c #}{% macro m() %}<m/>{% endmacro %}"), _only_macros("{# c #}<x/>")
    (True, False)
    """
    pos = 0
    while pos < len(text):
        if text.startswith("{#", pos):
            end = text.find("#}", pos + 2)
        elif _MACRO.match(text, pos):
            end = text.find("endmacro", pos)
            end = text.find("%}", end) if end >= 0 else -1
        else:
            return False
        if end < 0:
            return False
        pos = end + 2
    return True


def _partial(env: jinja2.Environment, loader: jinja2.BaseLoader, name: str) -> str:
    source: str = loader.get_source(env, name)[0]
    return source


def _escape(value: Any) -> Markup:
    """The template's autoescape: :func:`markupsafe.escape`, except that markup (the runs,
    the escaped texts) is returned as it is, where ``escape`` would copy it into a new
    ``Markup``. The output is the same; the innermost loop of the template does less."""
    if type(value) is Markup:
        return value
    return _markupsafe_escape(value)


class _Template(jinja2.Template):
    """A compiled template whose autoescape is :func:`_escape` (``template_class`` of the
    environment, so included partials get it too)."""

    @classmethod
    def from_code(
        cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__  # the compiled module's globals
        if namespace.get("escape") is _markupsafe_escape:
            namespace["escape"] = _escape
        return template


def _patch(source: str) -> str:
    from docxtpl import DocxTemplate  # docxtpl is only needed while preparing

    patched: str = DocxTemplate(io.BytesIO()).patch_xml(source)
    return patched


# ------------------------------------------------------------------------------ the cache
#
# Preparing costs a fresh process more than rendering: importing docxtpl (with python-docx
# and lxml) for patch_xml, and compiling the Jinja templates. Both results are cached on
# disk, so ``vanban render`` in a new process needs neither docxtpl nor the Jinja compiler:
#
# - docxtpl's patch_xml output, keyed by the SHA-256 of docxtpl's own source files and of
#   the part's text (patch_xml is a pure function of the two); the entry carries the
#   SHA-256 of its content, and an entry that does not match is ignored and rewritten;
# - Jinja's compiled code, by Jinja's FileSystemBytecodeCache (it checks the Python magic,
#   Jinja's bytecode version and the SHA-1 of the source itself).
#
# Entries are written to a temporary file and renamed. Any error of the cache (no home,
# read-only disk, a corrupt entry) is the same as a miss: the template is prepared anew.


# cache_dir and usable_cache live in vanban._cache (the loader reads them without Jinja).


@functools.lru_cache(maxsize=1)
def _docxtpl_fingerprint() -> str | None:
    """SHA-256 of docxtpl's source files, found without importing docxtpl."""
    try:
        spec = importlib.util.find_spec("docxtpl")
        folders = list(spec.submodule_search_locations or []) if spec else []
        h = hashlib.sha256()
        files = sorted(p for folder in folders for p in Path(folder).glob("*.py"))
        for p in files:
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    except (OSError, ImportError, ValueError):
        return None
    return h.hexdigest() if files else None


def _cached(cache: Path | None, kind: str, key: str, compute: Callable[[], str]) -> str:
    """``compute()``, or what it gave before for the same ``key`` (text that names every
    input of ``compute``): cached in ``cache/kind/``."""
    if cache is None:
        return compute()
    path = cache / kind / f"{hashlib.sha256(key.encode()).hexdigest()}.txt"
    body = read_entry(path)
    if body is not None:
        with contextlib.suppress(UnicodeError):
            return body.decode("utf-8")
    result = compute()
    write_entry(path, result.encode("utf-8"))
    return result


def patched(text: str, cache: Path | None = None) -> str:
    """docxtpl's ``patch_xml`` of a part's text, from the cache when it holds it."""
    fingerprint = _docxtpl_fingerprint() if cache is not None else None
    if fingerprint is None:
        return _patch(text)
    return _cached(cache, "patched", f"patch_xml 1\0{fingerprint}\0{text}", lambda: _patch(text))


def _analyse(env: jinja2.Environment, source: str) -> tuple[set[str], list[str | None]]:
    ast = env.parse(source)
    return set(meta.find_undeclared_variables(ast)), list(meta.find_referenced_templates(ast))


def analysed(
    env: jinja2.Environment, source: str, cache: Path | None = None
) -> tuple[set[str], list[str | None]]:
    """The variables a template source reads and the templates it includes (cached)."""
    if cache is None:
        return _analyse(env, source)

    def compute() -> str:
        names, includes = _analyse(env, source)
        return json.dumps([sorted(names), includes])

    key = f"analysis 1\0{jinja2.__version__}\0{source}"
    names, includes = json.loads(_cached(cache, "analysis", key, compute))
    return set(names), includes


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, where an error is a miss, never a failure.

    An entry is found by the template's name and source, not by its name alone: two
    versions of vanban whose parts differ (partials inlined or not) keep their own entries
    side by side instead of replacing each other's on every run."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Any:
        keyed = f"{name}\0{self.get_source_checksum(source)}"
        return super().get_bucket(environment, keyed, filename, source)

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(cache: Path | None) -> jinja2.BytecodeCache | None:
    if cache is None:
        return None
    folder = cache / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _BytecodeCache(str(folder), "%s.cache")


#: The name under which a part's own (patched) source is known to Jinja; no file has it.
_PART = "<part>/"


class _PartsLoader(jinja2.BaseLoader):
    """The prepared parts by name (``<part>/word/document.xml``), then the partials."""

    def __init__(
        self, sources: dict[str, str], partials: jinja2.BaseLoader | None, named: bool = False
    ) -> None:
        self.sources = sources
        self.partials = partials
        self.named = named  # user templates: the part's name as file name, for tracebacks

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Any]:
        source = self.sources.get(template)
        if source is not None:
            return source, template if self.named else None, lambda: True
        if self.partials is None:
            raise jinja2.TemplateNotFound(template)
        return self.partials.get_source(environment, template)


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class _Part(Record):
    name: str
    entry: _zip.Entry | None = None  # static parts, compressed once
    template: jinja2.Template | None = None
    per_format: bool = False
    #: What else the part reads (own templates without includes): when all of it is empty
    #: (``None`` or ``[]``), the part is as constant as a per-format one (:func:`_blank_key`).
    reads: tuple[str, ...] | None = None

    def __init__(
        self,
        name: str,
        entry: _zip.Entry | None = None,
        template: jinja2.Template | None = None,
        per_format: bool = False,
        reads: tuple[str, ...] | None = None,
    ) -> None:
        self.name = name
        self.entry = entry
        self.template = template
        self.per_format = per_format
        self.reads = reads


_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: Where w:footnotePr may go in w:settings: before the first of these (ECMA-376 17.15.1.78).
_AFTER_FOOTNOTE_PR = (
    "<w:endnotePr", "<w:compat", "<w:docVars", "<w:rsids", "<m:mathPr", "<w:attachedSchema",
    "<w:themeFontLang", "<w:clrSchemeMapping", "<w:doNotIncludeSubdocsInStats",
    "<w:doNotAutoCompressPictures", "<w:forceUpgrade", "<w:captions", "<w:readModeInkLockDown",
    "<w:smartTagType", "<sl:schemaLibrary", "<w:shapeDefaults", "<w:doNotEmbedSmartTags",
    "<w:decimalSymbol", "<w:listSeparator", "</w:settings>",
)  # fmt: skip


def with_footnotes(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Give a template without a footnotes part vanban's (part, relationship, content type,
    settings), so that ``[^name]`` references have somewhere to point. docxtpl can only fill
    footnotes a template already has; vanban writes its own."""
    if "word/footnotes.xml" in parts or "word/document.xml" not in parts:
        return parts
    out = dict(parts)
    out["word/footnotes.xml"] = (templates_dir() / "_common/word/footnotes.xml").read_bytes()
    types = out["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/word/footnotes.xml" ContentType="{_FOOTNOTES_TYPE}"/>'
    out["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels_name = "word/_rels/document.xml.rels"
    rels = out.get(rels_name, b"").decode("utf-8") or (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        "</Relationships>"
    )
    rel = f'<Relationship Id="rIdVbFootnotes" Type="{_FOOTNOTES_REL}" Target="footnotes.xml"/>'
    out[rels_name] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
    settings = out.get("word/settings.xml", b"").decode("utf-8")
    if settings and "<w:footnotePr" not in settings:
        at = min((i for m in _AFTER_FOOTNOTE_PR if (i := settings.find(m)) >= 0), default=-1)
        pr = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        if at >= 0:
            out["word/settings.xml"] = (settings[:at] + pr + settings[at:]).encode()
    return out


def _blank_key(
    name: str, reads: tuple[str, ...], context: Mapping[str, Any], format_key: Any
) -> tuple[Any, ...] | None:
    """The cache key of a part for a context in which everything it reads beyond the format
    is empty (each ``None`` or ``[]``, told apart), or ``None`` when something is not.

    >>> _blank_key("word/footer1.xml", ("contact",), {"contact": []}, "A4")
    ('word/footer1.xml', 'A4', (False,))
    >>> _blank_key("word/footer1.xml", ("contact",), {"contact": ["Số điện thoại"]}, "A4")
    """
    marks: list[bool] = []
    for var in reads:
        value = context.get(var, _MISSING)
        if value is None:
            marks.append(True)
        elif type(value) is list and not value:
            marks.append(False)
        else:
            return None
    return (name, format_key, tuple(marks))


_MISSING = object()


# ------------------------------------------------------- vanban's own templates, as prepared
#
# Preparing vanban's own template in a new process reads its ~25 files and the partials,
# finds docxtpl's patch_xml output and the analysis in the cache, cleans, inlines and
# compresses the static parts: ~3 ms of a cold ``vanban render``. What that gives, part by
# part (the static parts compressed, the others' final sources and what they read), is kept
# as one entry of the cache, named by what it is made from, by stat (path, size and
# modification time, as Python trusts its .pyc files and as the models' cache does,
# :mod:`vanban.models._prebuilt`): every file of vanban's templates, this module and the zip
# writer (the code that prepares), docxtpl's sources (patch_xml), the versions of Python,
# Jinja and zlib (the compressed bytes). The Jinja code is still read from Jinja's own cache,
# which checks it against the source. An entry that cannot be read is a miss.

#: Bumped when what a prepared entry holds changes.
_PREPARED_FORMAT = "prepared 1"
#: The folders of vanban's own templates (``ke_hoach``, ``mot_nguoi_ky``): one name, in
#: the templates' folder, whose files the entry's name covers.
_OWN_FOLDER = re.compile(r"[a-z][a-z0-9_]*")


def _stat_line(path: str) -> str:
    st = os.stat(path)
    return f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n"


def _stat_lines(folder: str, suffix: str = "", *, deep: bool = True) -> list[str]:
    """:func:`_stat_line` of the files of ``folder`` ending with ``suffix`` (and of its
    folders' when ``deep``), in name order."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    lines: list[str] = []
    for e in entries:
        if e.is_dir(follow_symlinks=False):
            if deep:
                lines += _stat_lines(e.path, suffix)
        elif e.name.endswith(suffix):
            st = e.stat()
            lines.append(f"{e.path}\0{st.st_size}\0{st.st_mtime_ns}\n")
    return lines


def _prepared_entry(folder: str, root: str, cache: Path) -> Path | None:
    """Where the prepared entry of vanban's own template ``folder`` (in ``root``, the
    templates' folder) is in ``cache`` (see above), or ``None`` when what it is made from
    cannot be read."""
    h = hashlib.sha256(
        f"{_PREPARED_FORMAT}\0{folder}\0{sys.version}\0{jinja2.__version__}\0"
        f"{zlib.ZLIB_RUNTIME_VERSION}\0".encode()
    )
    try:
        spec = importlib.util.find_spec("docxtpl")
        docxtpl = list(spec.submodule_search_locations or []) if spec else []
        if not docxtpl:
            return None
        lines = [_stat_line(__file__), _stat_line(_zip.__file__)]
        lines += _stat_lines(root)
        for top in docxtpl:  # its modules, as :func:`_docxtpl_fingerprint` reads them
            lines += _stat_lines(top, ".py", deep=False)
    except (OSError, ImportError, ValueError):
        return None
    h.update("".join(lines).encode("utf-8", "surrogateescape"))
    return cache / "prepared" / f"{h.hexdigest()}.marshal"


def _read_prepared(path: Path) -> list[tuple[Any, ...]] | None:
    body = read_entry(path)
    if body is None:
        return None
    try:
        version, rows = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    return rows if version == _PREPARED_FORMAT and isinstance(rows, list) else None


class Prepared:
    """A template read, patched, compiled and partly compressed: ready for many documents.

    ``trusted`` templates (vanban's own) run in a plain Jinja environment. Others (a user's
    folder or .docx) run in :mod:`vanban._sandbox`, within its limits, with every XML part
    checked well-formed, the static ones once here, the rendered ones for each document.
    """

    def __init__(
        self,
        parts: Mapping[str, bytes],
        *,
        loader: jinja2.BaseLoader | None = None,
        cache: Path | None = None,
        trusted: bool = True,
        name: str = "",
        inline: bool = True,
        rows: list[tuple[Any, ...]] | None = None,
    ) -> None:
        """Prepare ``parts``; ``loader`` finds the partials they include; ``cache`` is the
        cache folder (:func:`cache_dir`; ``None``: none). A ``trusted`` template's partials
        are compiled into the parts that use them (:func:`inlined`) unless ``inline`` is
        false. ``rows``: what an earlier process prepared of vanban's own template
        (:func:`_read_prepared`), in place of ``parts``."""
        self.name = name
        self.trusted = trusted
        if rows is None and "word/document.xml" not in parts:
            raise TemplateError("mẫu không có phần word/document.xml", template=name)
        #: What was prepared, part by part, as an entry of the cache keeps it.
        self._rows: list[tuple[Any, ...]] = []
        sources: dict[str, str] = {}
        self._sources = sources
        options: dict[str, Any] = {
            "autoescape": True,
            "undefined": jinja2.StrictUndefined,
            "loader": _PartsLoader(sources, loader, named=not trusted),
            "auto_reload": False,
            "keep_trailing_newline": False,
        }
        if trusted:
            self.env: jinja2.Environment = jinja2.Environment(
                **options, bytecode_cache=_bytecode_cache(cache)
            )
            self.env.template_class = _Template
        else:  # compiled code of the sandbox differs: never shared through the cache
            # Imported here: vanban's own templates (every cold ``vanban render``) never
            # need the sandbox, jinja2.sandbox and traceback (~3 ms).
            from vanban import _sandbox

            self.env = _sandbox.SandboxEnvironment(**options)
        # A partial included by several parts, or several times (the mark box), is read and
        # cleaned once.
        partial = (
            None
            if loader is None
            else functools.cache(functools.partial(_partial, self.env, loader))
        )
        self.parts: list[_Part] = []
        self._format_cache: dict[tuple[Any, ...], _zip.Entry] = {}
        if rows is not None:
            for row in rows:
                if row[0] == "static":
                    _, part_name, crc, size, data = row
                    entry = _zip.Entry(part_name.encode("utf-8"), crc, size, data)
                    self.parts.append(_Part(part_name, entry=entry))
                else:
                    _, part_name, source, names, includes = row
                    self._template_part(part_name, source, set(names), includes)
            return
        order = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
        for part_name in order:
            raw = parts[part_name]
            if not (part_name.endswith(".xml") or part_name.endswith(".rels")):
                if not trusted and _package.is_xml_part(part_name, raw):
                    self._check_xml(part_name, raw)  # XML under another name: guarded too
                entry = _zip.Entry.deflate(part_name, raw)
                self.parts.append(_Part(part_name, entry=entry))
                self._rows.append(("static", part_name, entry.crc, entry.size, entry.data))
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateError(
                    "phần XML không phải UTF-8", template=name, part=part_name
                ) from None
            if not _TAGGED.search(text):
                text = _clean(text)
                if not trusted:
                    self._check_xml(part_name, text.encode())
                entry = _zip.Entry.deflate(part_name, text.encode())
                self.parts.append(_Part(part_name, entry=entry))
                self._rows.append(("static", part_name, entry.crc, entry.size, entry.data))
                continue
            key = _PART + part_name
            source = _clean(patched(text, cache))
            if trusted and inline and partial is not None:
                source = inlined(source, partial)
            try:
                names, includes = analysed(self.env, source, cache)
            except (jinja2.TemplateError, RecursionError) as exc:
                if trusted:
                    raise TemplateError(f"template part {part_name}: {exc}") from None
                raise _sandbox.template_error(exc, part_name, source, key, name) from None
            self._template_part(part_name, source, names, includes)
            self._rows.append(("template", part_name, source, sorted(names), includes))

    def _template_part(
        self, part_name: str, source: str, names: set[str], includes: list[str | None]
    ) -> None:
        """Compile a prepared part's source (Jinja's bytecode cache first) and add it."""
        key = _PART + part_name
        self._sources[key] = source
        try:
            template = self.env.get_template(key)
        except (jinja2.TemplateError, RecursionError) as exc:
            if self.trusted:
                raise TemplateError(f"template part {part_name}: {exc}") from None
            from vanban import _sandbox

            raise _sandbox.template_error(exc, part_name, source, key, self.name) from None
        if not self.trusted:  # the sandbox's loop guard is no variable of the context
            from vanban import _sandbox

            names.discard(_sandbox._GUARD)
        per_format = not includes and names <= FORMAT_VARIABLES
        reads = None
        if self.trusted and not per_format and not includes:
            reads = tuple(sorted(names - FORMAT_VARIABLES))
        self.parts.append(_Part(part_name, template=template, per_format=per_format, reads=reads))

    @classmethod
    def load(cls, source: str | Path | bytes) -> Prepared:
        """Prepare a template from a document type name, a folder, or a .docx.

        vanban's own template is taken from the cache as an earlier process prepared it,
        when the cache holds it (:func:`_prepared_entry`)."""
        own = isinstance(source, str) and "/" not in source and not source.endswith(".docx")
        cache = usable_cache(cache_dir())
        name = "<bytes>" if isinstance(source, bytes) else str(source)
        entry = None
        if own and isinstance(source, str) and _OWN_FOLDER.fullmatch(source) and cache is not None:
            root = str(templates_dir())
            entry = _prepared_entry(source, root, cache)
            rows = _read_prepared(entry) if entry is not None else None
            if rows is not None:
                with contextlib.suppress(Exception):  # an entry that does not fit: a miss
                    return cls(
                        {},
                        loader=_CleanLoader(root),
                        cache=cache,
                        trusted=True,
                        name=name,
                        rows=rows,
                    )
        parts = with_footnotes(read_parts(source))
        loader: _CleanLoader | None = None
        if own:
            loader = _CleanLoader(str(templates_dir()))
        elif isinstance(source, (str, Path)) and Path(source).is_dir():
            loader = _CleanLoader([str(source), str(templates_dir())])
        prepared = cls(parts, loader=loader, cache=cache, trusted=own, name=name)
        if entry is not None:
            with contextlib.suppress(ValueError):
                write_entry(entry, marshal.dumps((_PREPARED_FORMAT, prepared._rows)))
        return prepared

    def render(self, context: Mapping[str, Any], format_key: Any) -> bytes:
        """The .docx bytes for one document's context.

        What vanban writes is held to the limits it reads with (:mod:`vanban._package`): at
        most :data:`~vanban._package.MAX_UNCOMPRESSED` bytes once uncompressed, counted as
        each part is made, and a file of at most :data:`~vanban._package.MAX_FILE_BYTES`; a
        user template cannot make vanban write a zip bomb its own ``check`` would refuse.
        """
        budget = None
        if not self.trusted:
            from vanban import _sandbox

            budget = _sandbox.new_budget()
        entries: list[_zip.Entry] = []
        total = 0
        for part in self.parts:
            if part.entry is not None:
                entry = part.entry
            else:
                # A part that reads the format alone, or nothing more than what this document
                # leaves empty (the contact footer, the footnotes of most texts): rendered
                # and compressed once.
                key: tuple[Any, ...] | None = None
                if part.per_format:
                    key = (part.name, format_key)
                elif part.reads is not None:
                    key = _blank_key(part.name, part.reads, context, format_key)
                if key is None:
                    entry = self._deflate(part, context, budget)
                else:
                    cached = self._format_cache.get(key)
                    if cached is None:
                        cached = self._format_cache[key] = self._deflate(part, context, budget)
                    entry = cached
            entries.append(entry)
            total += entry.size
            if total > _package.MAX_UNCOMPRESSED:
                raise self._too_large(
                    entry.name.decode("utf-8", "replace"),
                    f"văn bản tạo ra giải nén quá {_package.MAX_UNCOMPRESSED:,} byte".replace(
                        ",", "."
                    ),
                )
        data = _zip.write(entries)
        if len(data) > _package.MAX_FILE_BYTES:
            raise self._too_large(
                "", f"tệp .docx tạo ra quá {_package.MAX_FILE_BYTES:,} byte".replace(",", ".")
            )
        return data

    def _too_large(self, part: str, what: str) -> TemplateError:
        return TemplateError(
            f"{what} (giới hạn của tệp .docx mà vanban đọc và kiểm tra)",
            template=self.name,
            part=part or None,
        )

    def _deflate(self, part: _Part, context: Mapping[str, Any], budget: Any = None) -> _zip.Entry:
        assert part.template is not None
        if budget is None:
            try:
                xml = part.template.render(context)
            except jinja2.TemplateError as exc:
                raise TemplateError(f"template part {part.name}: {exc}") from None
            return _zip.Entry.deflate(part.name, xml.encode("utf-8"))
        from vanban import _sandbox

        key = _PART + part.name
        try:
            xml = _sandbox.render(part.template, context, budget)
        except Exception as exc:  # anything a stranger's template does is reported, located
            raise _sandbox.template_error(
                exc, part.name, self._sources.get(key), key, self.name
            ) from None
        data = xml.encode("utf-8", "surrogatepass")
        self._check_xml(part.name, data, rendered=True)
        return _zip.Entry.deflate(part.name, data)

    def _check_xml(self, part: str, data: bytes, *, rendered: bool = False) -> None:
        try:
            _package.check_xml(part, data)
        except _package.PackageProblem as problem:
            near = _package.snippet(data, problem.line, problem.column)
            what = "sau khi điền mẫu, " if rendered else ""
            hint = (
                " (một thẻ Jinja cắt ngang một phần tử XML, hay chèn chữ có < hoặc &?)"
                if rendered
                else ""
            )
            raise TemplateError(
                f"{what}XML không hợp lệ ở dòng {problem.line}, cột {problem.column}: "
                f"{problem.message}{hint}" + (f"; gần: {near}" if near else ""),
                template=self.name,
                part=part,
            ) from None

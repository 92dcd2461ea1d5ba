"""The NĐ30 checker: read a Word document as a văn thư reads it and report each departure.

It finds the components by what they say and where they stand, not by table position: the
Quốc hiệu wherever the header grid puts it (2 or 3 columns, spacer columns, rows split), the
issuer and "Số:" to its left, the date under it, the tên loại or (for a Công văn) the "V/v"
line, the body, the "Nơi nhận:" block by its label and the signer block by its content
(quyền hạn, chức vụ, name). Lines are seen whether they are paragraph borders, cell
borders, DrawingML or VML shapes, or rows of underscores. Every section is read, so a
landscape phụ lục is allowed and each phụ lục is checked by its own rules.

Reading and judging are apart: the region reader (``vanban._regions``) finds the regions,
which the import of Word documents reads too, and the rules (``vanban._checks``, one module
per region) judge them.

Each finding names a rule of :mod:`vanban.nd30.catalogue` (ID, severity, clause), says what
was expected and what was found in a clerk's units (cm, mm, pt), and where (an estimated
page, the paragraph counted as a reader counts them, an excerpt). Findings of one rule are
grouped into one with a count. The rules' values come from :mod:`vanban.nd30`.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from vanban._checks import judge
from vanban._checks.findings import Collector, Finding, Findings, Report, Where
from vanban._docx_reader import DocxView, PartError, read_docx
from vanban._regions import read_regions
from vanban.errors import Problem, ValidationError

if TYPE_CHECKING:
    from vanban.models.common import Document

__all__ = [
    "Finding",
    "Findings",
    "Report",
    "UnreadableDocx",
    "Where",
    "check_docx",
    "check_report",
]


class UnreadableDocx(ValidationError):
    """The file is not a Word document the checker can read (message in Vietnamese)."""

    def __init__(self, message: str, source: str | None = None) -> None:
        self.message = message
        super().__init__([Problem("", "unreadable_docx", message, source)])

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------- entry points

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_checked(source: bytes | str | os.PathLike[str]) -> DocxView:
    """Read a .docx for checking; anything unreadable raises :class:`UnreadableDocx`.

    A file is read no further than the package limit (:data:`vanban._package.MAX_FILE_BYTES`):
    a 5 GB file costs 50 MB, not 5 GB. Every part the reader parses passes the package guard,
    whatever its name; a problem names the part.
    """
    from vanban._package import MAX_FILE_BYTES, PackageProblem, read_docx_limited, read_file

    if isinstance(source, (str, os.PathLike)):
        try:
            data = read_file(source, MAX_FILE_BYTES)  # a regular file, read up to the limit
        except PackageProblem as problem:
            raise UnreadableDocx(f"tệp .docx không đọc được: {problem}") from None
    else:
        data = bytes(source)
    if data.startswith(_OLE):
        raise UnreadableDocx(
            "tệp Word cũ (.doc) hoặc tệp .docx đã đặt mật khẩu; hãy lưu lại dạng .docx không mật khẩu"
        )
    if not data.startswith(b"PK"):
        raise UnreadableDocx("không phải tệp .docx (không phải gói zip)")
    try:
        read_docx_limited(data)
        return read_docx(data)
    except PackageProblem as problem:
        raise UnreadableDocx(f"tệp .docx không đọc được: {problem}") from None
    except zlib.error:  # a damaged deflate stream inside the zip
        raise UnreadableDocx("tệp .docx không đọc được: gói zip bị hỏng") from None
    except PartError as exc:
        why = str(exc.problem or f"phần {exc.part} bị hỏng hoặc không phải XML hợp lệ")
        raise UnreadableDocx(f"tệp .docx không đọc được: {why}") from None
    except (ValueError, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        if "zip" in str(exc):
            why = "gói zip bị hỏng hoặc không trọn vẹn"
        elif "missing" in str(exc) or "not a WordprocessingML" in str(exc):
            why = "thiếu phần nội dung chính (word/document.xml)"
        else:
            why = "một phần XML bên trong bị hỏng"
        raise UnreadableDocx(f"tệp .docx không đọc được: {why}") from exc


def check_report(
    source: bytes | str | os.PathLike[str], name: str | None = None, *, layout: bool = False
) -> Report:
    """Check a .docx (bytes or path) and return the full :class:`Report`.

    ``layout``: lay the document out with LibreOffice, when installed, for the rules of the
    printed page (a signature alone on the last page); without it, or without LibreOffice,
    the page is computed from the file (:mod:`vanban._checks.layout`).
    """
    view = read_checked(source)
    regions = read_regions(view)
    pages = None
    if layout and regions.out_of_scope is None:
        from vanban._layout_pages import laid_out_pages

        pages = laid_out_pages(source)
    findings = judge(regions, pages)
    file = (
        name if name is not None else (os.fspath(source) if not isinstance(source, bytes) else "")
    )
    in_scope = regions.out_of_scope is None
    where = Collector(regions.reading).where
    return Report(
        file,
        regions.doc_type if in_scope else None,
        in_scope,
        Findings(findings),
        evidence=[(what, where(at)) for what, at in regions.evidence],
        scope_reason=regions.out_of_scope,
    )


def check_docx(source: bytes | str | os.PathLike[str] | Document) -> Findings:
    """Check a .docx, a plan (YAML or JSON: a path or the text) or a document model against the
    NĐ30 rules, as ``vanban check`` does; an empty list means nothing was found wrong.

    The result, a :class:`Findings` (a list of :class:`Finding`), shows as a table in Jupyter
    and converts to a DataFrame (:meth:`Findings.to_dataframe`).

    ``source`` is a Word file's bytes or path: findings grouped per rule (see
    :mod:`vanban.nd30.catalogue`). What is not a well-formed .docx within the limits of
    :mod:`vanban._package` (zip bombs, nesting, negative grid widths) raises
    :class:`UnreadableDocx`, a :class:`vanban.ValidationError`.

    A plan (a ``.yaml``/``.yml``/``.json`` path, any path whose content is not a Word file, or
    YAML text of more than one line) is loaded as ``vanban render`` loads it: each problem it
    would refuse is a finding of severity "error" (the field path as component, the place in
    the file, ``plan.yaml:3:5``, as excerpt), each warning one of severity "warning". A file
    that cannot be read raises :class:`vanban.InputError`, as ``load`` does.

    A document model (``vanban.check(vanban.load("plan.yaml"))``) is checked before it is
    rendered: what ``render`` would refuse (severity "error") or warn about, each finding's
    component being the field path (:func:`vanban._check_cli.model_findings`).
    """
    from vanban._check_cli import model_findings

    if isinstance(source, bytes):
        return Findings(check_report(source).findings)
    if isinstance(source, (str, os.PathLike)):
        plan = _plan(source)
        if plan is None:
            return Findings(check_report(source).findings)
        return _plan_findings(plan)
    return Findings(model_findings(source))


_PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def _plan(source: str | os.PathLike[str]) -> str | Path | None:
    """What ``source`` names: YAML text (a ``str`` of several lines), a plan's path, or
    ``None`` for a Word file (by its content or, missing, by its name)."""
    from vanban._check_cli import is_docx

    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return source
    path = Path(source)
    if path.suffix.lower() in _PLAN_SUFFIXES:
        return path
    try:
        exists = path.is_file()
    except (OSError, ValueError):
        exists = False
    return path if exists and not is_docx(path) else None


def _plan_findings(plan: str | Path) -> Findings:
    """The problems and warnings of a plan as findings (what ``vanban check plan.yaml`` prints)."""
    import warnings

    from vanban._check_cli import model_findings
    from vanban._loading import iter_problems, load, loads
    from vanban.errors import VanbanWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", VanbanWarning)  # said again as findings below
        try:
            doc = loads(plan) if isinstance(plan, str) else load(plan)
        except ValidationError as exc:
            out = Findings()
            for p in iter_problems(exc):
                at = ":".join(str(x) for x in (p.source, p.line, p.column) if x is not None)
                out.append(
                    Finding(
                        p.code, "error", "", p.path or "văn bản", p.message, where=Where(excerpt=at)
                    )
                )
            return out
    return Findings(f for f in model_findings(doc) if f.severity != "error")

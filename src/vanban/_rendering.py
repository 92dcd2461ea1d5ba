"""Rendering: a document model to .docx bytes, one at a time or in batches.

The per-document path does the least work that must be done: lay the document out (numbers,
wording, footnotes), render the compiled Jinja template of the parts that change, compress
them, and write the zip, reusing the parts that never change. docxtpl prepares the template
once (:mod:`vanban._templating`); python-docx and lxml are not on this path.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import gc
import os
import pickle
import re
import struct
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from markupsafe import Markup

from vanban import _files, _ooxml
from vanban._record import FrozenRecord
from vanban._templating import Prepared
from vanban._validation import check_document
from vanban.errors import (
    InputError,
    Problem,
    TemplateError,
    ValidationError,
    VanbanError,
    VanbanWarning,
    escape_control,
    os_message,
)
from vanban.layout import Block, Layout, Role, layout
from vanban.layout.blocks import AppendixLayout, BodyItem, Boxed, Table, TableCell, TableRow
from vanban.models.common import Document
from vanban.nd30 import forms, page
from vanban.nd30.doctypes import DocType

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

#: Document-property dates when the document has no full date of its own: fixed, so the
#: same input gives the same bytes. (The date of Nghị định 30/2020/NĐ-CP.)
FIXED_CREATED = "2020-03-05T00:00:00Z"


#: A role's value and its style id (as markup: the template's escape returns it as it is).
_ROLES = {r._value_: (r._value_, Markup(r.style)) for r in Role}


class _Para:
    """One paragraph for the template: ``role``, ``style``, ``runs`` and (on use) ``text``."""

    __slots__ = ("_block", "keep", "role", "runs", "style")

    def __init__(self, block: Block, keep: bool = False) -> None:
        self._block = block
        self.role, self.style = _ROLES[block.role._value_]
        self.runs = _ooxml.runs(block.inlines)
        #: Kept on the page of what follows (keepNext): see :func:`_items`.
        self.keep = keep or block.keep

    @property
    def text(self) -> Markup:
        """The escaped plain text (computed when a template reads it; vanban's do not)."""
        return _ooxml.text(self._block.text)


def _paras(blocks: Iterable[Block]) -> list[_Para]:
    return [_Para(b) for b in blocks]


class _Cell:
    """A table cell for the template: ``width``, ``span``, ``merge`` and its ``paras``;
    ``note``: the row that carries a note under the table, drawn without side and bottom
    borders so that it reads as a paragraph under the table."""

    __slots__ = ("merge", "note", "paras", "span", "width")

    def __init__(self, cell: TableCell, memo: dict[int, list[_Para]], note: bool = False) -> None:
        self.width, self.span, self.merge, self.note = cell.width, cell.span, cell.merge, note
        # Cells that say the same share their paragraphs (the layout shares them too): the
        # XML of a paragraph is made once per document.
        paras = memo.get(id(cell.paras))
        if paras is None:
            paras = memo[id(cell.paras)] = _paras(cell.paras)
        self.paras = paras


class _Row:
    __slots__ = ("cells", "header", "keep")

    def __init__(
        self, row: TableRow, memo: dict[int, list[_Para]], keep: bool, note: bool = False
    ) -> None:
        self.header, self.keep = row.header, keep
        self.cells = [_Cell(c, memo, note) for c in row.cells]


class _Table:
    """A table for the template: ``widths``, ``width``, ``rows`` of cells and
    ``split_rows`` (rows may break across pages: no ``cantSplit``)."""

    __slots__ = ("rows", "split_rows", "width", "widths")

    def __init__(self, table: Table, note_after: bool = False, note: Block | None = None) -> None:
        self.widths, self.width, self.split_rows = table.widths, table.width, table.split_rows
        memo: dict[int, list[_Para]] = {}  # ids of the layout's tuples, alive meanwhile
        keeps = table.kept_rows(note_after=note_after or note is not None)
        self.rows = [_Row(r, memo, k) for r, k in zip(table.rows, keeps, strict=True)]
        if note is not None:  # the note as the table's last row, kept with the row above
            cell = TableCell((note,), table.width, len(table.widths))
            self.rows.append(_Row(TableRow((cell,)), memo, False, note=True))


def _items(items: Sequence[BodyItem], tables: bool | None = None) -> list[_Para | _Table]:
    """The body's paragraphs and tables for the template, with the keeps that depend on
    what is next to what: a paragraph that leads into a table stays on the page of its
    first row; a paragraph under a table (a note) stays with the table's last row (the
    row, and the spacer after the table, are kept with it). A table that ends the body is
    followed by its spacer, which the template keeps with the signature block: the last row
    goes with them."""
    if tables is None:
        tables = any(isinstance(item, Table) for item in items)
    if not tables:  # paragraphs alone: each keeps as its block says
        return list(_paras(items))  # type: ignore[arg-type]
    out: list[_Para | _Table] = []
    last = len(items) - 1
    for k, item in enumerate(items):
        nxt = items[k + 1] if k < last else None
        if isinstance(item, Table):
            after = items[k + 2] if k + 1 < last and _is_spacer(nxt) else nxt
            note = isinstance(after, Block) and after.role is not Role.PAGE_BREAK
            out.append(_Table(item, note_after=note))
        else:
            under_table = k > 0 and isinstance(items[k - 1], Table) and _is_spacer(item)
            note = under_table and isinstance(nxt, Block) and nxt.role is not Role.PAGE_BREAK
            out.append(_Para(item, keep=isinstance(nxt, Table) or note))
    return out


def _is_spacer(item: BodyItem | None) -> bool:
    return isinstance(item, Block) and item.role is Role.TABLE_AFTER


#: A note under a phụ lục's table is carried in the table when it is this short (characters)
#: and a plain paragraph (not a khoản, a task, a heading).
NOTE_ROW_MAX = 600
_NOTE_ROLES = frozenset(
    {Role.PARAGRAPH, Role.PARAGRAPH_LEFT, Role.PARAGRAPH_CENTER, Role.PARAGRAPH_RIGHT}
)


def _appendix_body(body: Sequence[BodyItem]) -> list[_Para | _Table]:
    """The body of a phụ lục; a short note that ends it right under a table becomes the
    table's last row (no side or bottom border), kept with the row above: a paragraph after
    a table is not kept with the table's last row by every client (LibreOffice is not), and
    a phụ lục that ends in a note alone on a page is what offices never print."""
    if (
        len(body) >= 3
        and isinstance(body[-1], Block)
        and body[-1].role in _NOTE_ROLES
        and len(body[-1].text) <= NOTE_ROW_MAX
        and _is_spacer(body[-2])
        and isinstance(body[-3], Table)
        and not body[-3].split_rows
    ):
        return [*_items(body[:-3]), _Table(body[-3], note=body[-1])]
    return _items(body)


def _appendix(a: AppendixLayout) -> dict[str, Any]:
    return {
        "heading": _paras(a.heading),
        "rule": a.rule,
        "body": _appendix_body(a.body),
        "landscape": a.landscape,
        "page": a.page,
        "header": a.header,
    }


def _box(boxed: Boxed) -> dict[str, Any]:
    return {
        "para": _Para(boxed.block),
        "width": boxed.width,
        "height": boxed.height,
        "border": boxed.border,
    }


def context(lay: Layout, doc: Document) -> dict[str, Any]:
    """The template context of a laid-out document (documented in docs/templates.md)."""
    d = doc.date.as_date if doc.date else None
    created = f"{d.isoformat()}T00:00:00Z" if d else FIXED_CREATED
    hl, hr = page.HEADER_COLUMNS
    sl, sr = page.SIGNER_COLUMNS
    cl, cr = forms.CONFIRMATION_COLUMNS
    tables = any(isinstance(b, Table) for b in lay.body)
    items = _items(lay.body, tables)
    last = items[-1] if items and isinstance(items[-1], _Para) else None
    return {
        "doc_type": doc.doc_type,
        "header_left": _paras(lay.header_left),
        "header_right": _paras(lay.header_right),
        "number": _Para(lay.number),
        "place_date": _Para(lay.place_date),
        "issuer_rule": lay.issuer_rule,
        "motto_rule": lay.motto_rule,
        "title_rule": lay.title_rule,
        "heading": _paras(lay.heading),
        "subject": _paras(lay.subject),
        "authority": _paras(lay.authority),
        "addressees": _paras(lay.addressees),
        # The body but its last paragraph, which is kept with the signature block (keepNext),
        # so the signer is never alone on a page; no other paragraph chains into it.
        "body": items[:-1] if last is not None else items,
        "body_last": last,
        "tables": tables,
        "appendices": [_appendix(a) for a in lay.appendices],
        "recipients": _paras(lay.recipients),
        "signer": _paras(lay.signer),
        "signer_name": _Para(lay.signer_name),
        # Two signers side by side (_blocks/signer_pair.xml), or None.
        "signer_pair": [_paras(c) for c in lay.signer_pair] if lay.signer_pair else None,
        # Marks, the signer's other titles and the contact footer (empty when unused).
        "circulation": _box(lay.circulation) if lay.circulation else None,
        "marks": [_box(m) for m in lay.marks],
        "signer_above_name": _paras(lay.signer_above_name),
        "signer_below_name": _paras(lay.signer_below_name),
        "confirmation": _paras(lay.confirmation),
        "confirmation_table": {"left": cl, "right": cr, "width": cl + cr},
        "contact": _paras(lay.contact),
        "footnotes": [{"id": n, "runs": _ooxml.runs(inl)} for n, inl in lay.footnotes],
        "header_table": {"left": hl, "right": hr, "width": hl + hr, "indent": page.HEADER_INDENT},
        "signer_table": {"left": sl, "right": sr, "width": sl + sr},
        "page": lay.page,
        "sizes": lay.sizes,
        "fmt": lay.fmt,
        "properties": {
            "title": _ooxml.text(lay.properties["title"]),
            "subject": _ooxml.text(lay.properties["subject"]),
            "creator": _ooxml.text(doc.issuer.name.replace("\n", " ")),
            "created": created,
        },
    }


def form_template(facts: DocType) -> str:
    """The template folder of a type's form: its signatures side by side (Biên bản and the
    two-party texts), a xác nhận under the signature (Giấy nghỉ phép), or one signer.

    >>> from vanban.nd30.doctypes import DOC_TYPES
    >>> [form_template(DOC_TYPES[k]) for k in ("ke_hoach", "bien_ban", "giay_nghi_phep")]
    ['mot_nguoi_ky', 'hai_ben_ky', 'co_xac_nhan']
    """
    if facts.confirmation:
        return "co_xac_nhan"
    if facts.signers > 1:
        return "hai_ben_ky"
    return "mot_nguoi_ky"


def _format_key(lay: Layout) -> tuple[object, ...]:
    return (tuple(sorted(lay.sizes.items())), tuple(sorted(lay.fmt.items())))


def _checked(doc: Document, today: dt.date | None) -> None:
    """Run the semantic checks once per document: raise errors, warn once.

    A document that passed (by :func:`vanban.load` or an earlier render) is not checked
    again until a field of it is assigned; changes deep inside lists are not seen, so a
    program that edits a rendered document in place should pass ``today`` to force a check.
    """
    if doc._checked and today is None:
        return
    errors, warns = check_document(doc, today=today)
    if errors:
        raise ValidationError(errors)
    if not doc._checked:
        for w in warns:
            warnings.warn(str(w), VanbanWarning, stacklevel=4)
    doc._checked = True


class Renderer:
    """Prepares a template once and renders many documents with it.

    ``template`` is a document type's own template when ``None``, or a folder of parts or a
    ``.docx`` with docxtpl tags using the same context. The output of :meth:`render` is
    deterministic: the same document gives the same bytes (for the same zlib build).
    """

    def __init__(self, template: str | os.PathLike[str] | None = None) -> None:
        self._source = template
        self._prepared: dict[str, Prepared] = {}

    def _template(self, doc_type: str) -> Prepared:
        key = doc_type if self._source is None else ""
        prepared = self._prepared.get(key)
        if prepared is None:
            source = doc_type if self._source is None else self._source
            prepared = self._prepared[key] = Prepared.load(
                source if isinstance(source, str) else Path(source)
            )
        return prepared

    def render(self, doc: Document, *, check: bool = True, today: dt.date | None = None) -> bytes:
        """The .docx bytes of ``doc``. Semantic problems raise :class:`ValidationError`.

        Python's cyclic garbage collector is paused while the document renders (and turned
        back on after it, if it was on): rendering makes no reference cycles.
        """
        # Rendering makes thousands of short-lived tuples and lists and no reference cycles:
        # refcounting frees every one of them, and the cyclic collector, left on, would walk
        # them (and the caller's whole heap, now and then) about once per document, for
        # nothing: 10 % of the render. It is paused meanwhile, as Mercurial's ``nogc`` does,
        # and turned back on only if it was on.
        collecting = gc.isenabled()
        gc.disable()
        try:
            if check:
                _checked(doc, today)
            lay = layout(doc)
            folder = doc.template_folder or form_template(doc.type_info)
            return self._template(folder).render(context(lay, doc), _format_key(lay))
        finally:
            if collecting:
                gc.enable()

    def render_to(self, doc: Document, out: str | os.PathLike[str], **kw: Any) -> Path:
        """Render ``doc`` and write it to ``out`` atomically (never a half-written file)."""
        data = self.render(doc, **kw)
        return write_atomic(Path(out), data)

    def render_many(
        self,
        docs: Mapping[str, Document] | Iterable[Document],
        out_dir: str | os.PathLike[str],
        *,
        workers: int | None = None,
        executor: Executor | None = None,
    ) -> BatchResult:
        """Render many documents into ``out_dir``; return what was written and what failed.

        ``docs`` is a mapping of name to document, or an iterable of documents (named
        ``0001``, ``0002``…). A name becomes a safe file name inside ``out_dir``
        (:func:`safe_file_name`: "Phường 1/2" → ``Phường 1-2.docx``, ``../x`` → ``-x.docx``);
        nothing is ever written outside ``out_dir``. Two names that give the same file
        (ignoring case) are a problem of the second document.

        Every valid document is rendered even when others are not. The result is the list of
        paths written, in input order, and ``result.failures``: one :class:`BatchFailure` per
        document that was not written, naming it with its located problems (invalid data,
        a bad name, a template or write error). ``result.ok`` is true when none failed.

        ``workers`` processes of this machine share the work (default: the machine's cores,
        one for each 10 documents of the batch where workers are forked, 25 where they are
        spawned); ``workers=1`` renders in this process. ``executor`` is any
        :class:`concurrent.futures.Executor` instead (a Dask cluster's
        ``Client.get_executor()``, loky's, Ray's…): the documents go to it in chunks, its
        workers render bytes, and this process writes them, so ``out_dir`` need only exist
        here. The result and the failures are the same as with local workers. See
        docs/batches.md.
        """
        out = Path(out_dir)
        if not out.is_dir():
            raise InputError(f"thư mục đầu ra không tồn tại: {out}")
        if executor is not None and workers is not None:
            raise TypeError("render_many: give workers or executor, not both")
        items = (
            [(str(k), d) for k, d in docs.items()]
            if isinstance(docs, Mapping)
            else [(f"{i:04d}", d) for i, d in enumerate(docs, 1)]
        )
        failed: dict[int, BatchFailure] = {}
        jobs: list[tuple[Document, Path]] = []
        order: list[int] = []
        taken: dict[str, str] = {}
        for index, (name, d) in enumerate(items):
            try:
                stem = safe_file_name(name)
            except ValueError as exc:
                failed[index] = BatchFailure(name, None, [Problem("", "bad_name", str(exc))])
                continue
            key = stem.casefold()
            if key in taken:
                message = f'tên tệp ra "{stem}.docx" trùng với văn bản "{taken[key]}"'
                failed[index] = BatchFailure(name, None, [Problem("", "name_taken", message)])
                continue
            taken[key] = name
            try:
                _checked(d, None)
            except ValidationError as exc:
                failed[index] = BatchFailure(name, None, list(exc.errors))
                continue
            jobs.append((d, out / f"{stem}.docx"))
            order.append(index)
        if executor is not None:
            outcomes = self._run_on(executor, jobs)
        else:
            outcomes = self._run(jobs, workers)
        written: dict[int, Path] = {}
        for index, outcome, (_, path) in zip(order, outcomes, jobs, strict=True):
            if isinstance(outcome, Path):
                written[index] = outcome
            else:
                code, message = outcome
                failed[index] = BatchFailure(items[index][0], path, [Problem("", code, message)])
        result = BatchResult()
        for index in range(len(items)):
            if index in written:
                result.append(written[index])
            else:
                result.failures.append(failed[index])
        return result

    def __reduce__(self) -> tuple[Any, ...]:
        # A renderer crosses to another process as its template source: the prepared
        # templates (compiled Jinja) stay here; each process prepares its own once.
        return (_renderer_of, (self._source,))

    def _prepare(self, jobs: Sequence[tuple[Document, Path]]) -> None:
        """Prepare every template ``jobs`` use, before workers are forked (they inherit it).
        A template that cannot be prepared is left to fail per document, as it would."""
        _init_worker(self, _folders(jobs))

    def _run(self, jobs: list[tuple[Document, Path]], workers: int | None) -> list[Any]:
        """Render and write ``jobs``: for each, the path written or ``(code, message)``.

        With ``n`` workers, ``n - 1`` processes and this one share the work: each takes the
        next chunk of the batch when it is free, large chunks first and smaller ones toward
        the end (:func:`_guided_spans`), so no core waits for a process to start, and none
        for long for another to finish its last chunk."""
        if workers is None:  # the cores, as many as the batch keeps busy long enough to pay
            per = _DOCS_PER_WORKER
            if len(jobs) >= 2 * _DOCS_PER_FORKED_WORKER and _forking():
                per = _DOCS_PER_FORKED_WORKER
            workers = min(os.cpu_count() or 1, len(jobs) // per)
        n = min(workers, len(jobs))
        if n <= 1:
            return [_attempt(self, d, p) for d, p in jobs]
        import multiprocessing  # not on the one-document path

        mp = multiprocessing.get_context()
        spans = _guided_spans(len(jobs), n)
        head: list[Any] = []
        if mp.get_start_method() == "fork":
            # Forked workers inherit this renderer, its prepared templates and the jobs:
            # they are told span numbers, not sent pickled documents (pickling and
            # unpickling cost half as much as rendering).
            # The first document is rendered here before the fork: it prepares the
            # template and compresses its format's parts (styles…, about 5 documents'
            # worth), which the children then inherit instead of each doing it again.
            first = _attempt(self, *jobs[0])
            self._prepare(jobs)
            # A span costs a read of the pipe here, not a round trip: the last are of one
            # document, so the processes end within a document of each other.
            rest = [(a + 1, b + 1) for a, b in _guided_spans(len(jobs) - 1, n, smallest=1)]
            forked = _forked(self, jobs, rest, n - 1)
            if forked is not None:
                return [first, *forked]
            head, spans = [first], rest  # too many spans for a pipe (never seen): a pool
        # Spawned workers prepare the templates while starting; this process renders
        # meanwhile.
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(
            n - 1, mp_context=mp, initializer=_init_worker, initargs=(self, _folders(jobs))
        ) as pool:
            return head + _shared(
                n - 1,
                spans,
                lambda a, b: pool.submit(_work, self, jobs[a:b]),
                lambda a, b: _work(self, jobs[a:b]),
            )

    def _run_on(self, executor: Executor, jobs: list[tuple[Document, Path]]) -> list[Any]:
        """Render ``jobs`` on ``executor`` in chunks and write the bytes here, in order."""
        spans = _spans(len(jobs), _EXECUTOR_CHUNKS, most=_EXECUTOR_CHUNK_MAX)
        futures = [
            executor.submit(_render_chunk, self, [d for d, _ in jobs[a:b]]) for a, b in spans
        ]
        outcomes: list[Any] = []
        for (a, _), future in zip(spans, futures, strict=True):
            for k, got in enumerate(future.result(), a):
                outcomes.append(_write(got, jobs[k][1]) if isinstance(got, bytes) else got)
        return outcomes


#: By default a batch gets one more process for each this many documents: below about 20
#: a second spawned process costs more than it renders, below about 10 a forked one
#: (docs/batches.md).
_DOCS_PER_WORKER, _DOCS_PER_FORKED_WORKER = 25, 10


def _forking() -> bool:
    """Whether local workers are forked (they start in a few milliseconds)."""
    import multiprocessing

    return multiprocessing.get_context().get_start_method() == "fork"


#: Local workers take chunks of about 1/_GUIDED of their equal share of what is left, and
#: never fewer than _SMALLEST documents: few chunks (a chunk costs a round trip to the pool),
#: and small ones last, so that the processes end close together. (Equal chunks of 1/16 of a
#: share left one process idle for up to two chunks at the end: ~5 % of a 200-plan batch.)
_GUIDED, _SMALLEST = 4, 2


def _guided_spans(total: int, workers: int, smallest: int = _SMALLEST) -> list[tuple[int, int]]:
    """``total`` items cut into consecutive ranges that shrink toward the end (guided
    scheduling): each a ``1/_GUIDED`` of a worker's equal share of the items after it, and
    at least ``smallest``.

    >>> _guided_spans(40, 2)
    [(0, 5), (5, 10), (10, 14), (14, 18), (18, 21), (21, 24), (24, 26), (26, 28), (28, 30), (30, 32), (32, 34), (34, 36), (36, 38), (38, 40)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while start < total:
        size = max(smallest, -(-(total - start) // (_GUIDED * workers)))
        spans.append((start, min(total, start + size)))
        start += size
    return spans


def _shared(
    workers: int,
    spans: list[tuple[int, int]],
    submit: Callable[[int, int], Future[list[Any]]],
    here: Callable[[int, int], list[Any]],
) -> list[Any]:
    """The outcomes of every span, in order: ``workers`` processes are kept busy with the
    next spans (``submit``), at most one queued for each beyond the one it runs, and this
    process renders the next span (``here``) whenever it is free, until none is left."""
    todo = collections.deque(spans)
    running: list[tuple[tuple[int, int], Future[list[Any]]]] = []
    done: dict[tuple[int, int], list[Any]] = {}

    def top_up() -> None:
        busy = sum(not f.done() for _, f in running)
        while todo and busy < 2 * workers:
            span = todo.popleft()
            running.append((span, submit(*span)))
            busy += 1

    top_up()
    while todo:
        span = todo.popleft()
        done[span] = here(*span)
        top_up()
    for span, future in running:
        done[span] = future.result()
    return [o for span in spans for o in done[span]]


#: Span numbers are handed out through a pipe filled before the fork, 4 bytes each.
_SPAN = struct.Struct("=I")


def _span_pipe(count: int) -> int | None:
    """The reading end of a pipe holding the numbers ``0 … count - 1`` and closed for
    writing, or ``None`` when they do not all fit in the pipe (a pipe holds 64 KiB on
    Linux, 16,384 numbers; 200 plans take about 40)."""
    read, write = os.pipe()
    data = b"".join(_SPAN.pack(i) for i in range(count))
    try:
        os.set_blocking(write, False)
        try:
            written = os.write(write, data) if data else 0
        except BlockingIOError:
            written = -1
    finally:
        os.close(write)
    if written != len(data):
        os.close(read)
        return None
    return read


def _forked(
    renderer: Renderer, jobs: list[tuple[Document, Path]], spans: list[tuple[int, int]], kids: int
) -> list[Any] | None:
    """The outcomes of ``jobs`` rendered by this process and ``kids`` forked children
    (``None``, with nothing done, when the span numbers do not fit in a pipe).

    Every span number is written to a pipe before the fork and the pipe's writing end
    closed, so this process and the children take the next span by reading 4 bytes (one
    read of a pipe is atomic) until the pipe is empty: whoever is free takes the next span,
    with no thread, queue or round trip. A child writes its documents itself and, at the
    end, sends in one message the spans it rendered and its failures (a written document's
    outcome is its path, known here), then leaves with ``os._exit`` (no teardown). A child
    that dies raises ``BrokenProcessPool`` here, and an exception in a child is raised here,
    as with a process pool. If this process is interrupted, the children are given no more
    spans, finish the one they render and are reaped before the exception goes on.
    """
    todo_r = _span_pipe(len(spans))
    if todo_r is None:
        return None
    children: dict[int, int] = {}  # pid -> reading end of its result pipe
    gc.freeze()  # the parent's objects stay shared, not copied on write
    try:
        for _ in range(kids):
            result_r, result_w = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child; measured by its result
                _child(renderer, jobs, spans, todo_r, result_r, result_w)
            os.close(result_w)
            children[pid] = result_r
        done: dict[int, list[Any]] = {}
        for i in _taken(todo_r):
            a, b = spans[i]
            done[i] = _work(renderer, jobs[a:b])
        raised: BaseException | None = None
        for pid in list(children):
            message = _read_all(children[pid])
            os.close(children.pop(pid))
            _, status = os.waitpid(pid, 0)
            try:
                ran, failures, error = pickle.loads(message)
            except Exception:  # a child that died before or while sending its message
                from concurrent.futures.process import BrokenProcessPool

                raised = raised or BrokenProcessPool(
                    "A process in the process pool was terminated abruptly while the "
                    f"future was running or pending (exit status {status})."
                )
                continue
            raised = raised or error
            for i in ran:
                a, b = spans[i]
                done[i] = [failures.get(k) or jobs[k][1] for k in range(a, b)]
        if raised is not None:
            raise raised
        return [o for i in range(len(spans)) for o in done[i]]
    finally:
        gc.unfreeze()
        if children:  # only after an exception here (an interrupt, a failed fork…):
            # the spans left are taken from the children, which finish the one they render
            # (no half-written file) and leave; their messages are read so none blocks.
            with contextlib.suppress(OSError):
                while os.read(todo_r, 1 << 12):
                    pass
            for pid, result_r in children.items():
                with contextlib.suppress(OSError):
                    _read_all(result_r)
                os.close(result_r)
                with contextlib.suppress(OSError):
                    os.waitpid(pid, 0)
        os.close(todo_r)


def _taken(todo: int) -> Iterator[int]:
    """The span numbers this process takes from the shared pipe, until it is empty."""
    while len(got := os.read(todo, _SPAN.size)) == _SPAN.size:
        yield _SPAN.unpack(got)[0]


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _child(
    renderer: Renderer,
    jobs: list[tuple[Document, Path]],
    spans: list[tuple[int, int]],
    todo: int,
    result_r: int,
    result_w: int,
) -> NoReturn:  # pragma: no cover - runs in a forked child
    """A forked worker: render and write the spans it takes, send what it did, leave."""
    code = 1
    try:
        os.close(result_r)
        ran: list[int] = []
        failures: dict[int, tuple[str, str]] = {}
        error: BaseException | None = None
        try:
            for i in _taken(todo):
                a, b = spans[i]
                for k in range(a, b):
                    outcome = _attempt(renderer, *jobs[k])
                    if not isinstance(outcome, Path):
                        failures[k] = outcome
                ran.append(i)
        except Exception as exc:  # raised in the caller, as a process pool does
            error = exc
        try:
            message = pickle.dumps((ran, failures, error))
        except Exception as exc:  # an exception that does not pickle
            message = pickle.dumps((ran, failures, RuntimeError(f"{type(exc).__name__}: {exc}")))
        view = memoryview(message)
        while view:
            view = view[os.write(result_w, view) :]
        os.close(result_w)  # the caller reads to the end now, not after this exit's teardown
        code = 0
    finally:
        os._exit(code)


#: An executor gets the batch in about this many chunks, of at most this many documents.
_EXECUTOR_CHUNKS, _EXECUTOR_CHUNK_MAX = 64, 50


def _spans(total: int, chunks: int, most: int | None = None) -> list[tuple[int, int]]:
    """``total`` items cut into about ``chunks`` consecutive ranges ``(start, stop)``.

    >>> _spans(10, 4)
    [(0, 3), (3, 6), (6, 9), (9, 10)]
    >>> _spans(5, 2, most=2)
    [(0, 2), (2, 4), (4, 5)]
    """
    size = max(1, -(-total // max(1, chunks)))
    if most is not None:
        size = min(size, most)
    return [(a, min(a + size, total)) for a in range(0, total, size)]


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class BatchFailure(FrozenRecord):
    """A document of a batch that was not written: its name, where it would have gone, and
    every problem found (located in its file when it was loaded from one)."""

    name: str
    path: Path | None
    problems: list[Problem]

    def __init__(self, name: str, path: Path | None, problems: list[Problem]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "problems", problems)

    def __str__(self) -> str:
        lines = [f"{escape_control(self.name)}: {len(self.problems)} lỗi, không tạo văn bản"]
        lines += [f"  {escape_control(str(p))}" for p in self.problems]
        return "\n".join(lines)


class BatchResult(list[Path]):
    """The paths :meth:`Renderer.render_many` wrote, in input order, with ``failures``."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: list[BatchFailure] = []

    @property
    def ok(self) -> bool:
        """True when every document was written."""
        return not self.failures


#: Characters a file name may not hold on Linux, Windows or macOS, and controls.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(10)}
_MAX_NAME_BYTES = 200


def safe_file_name(name: str) -> str:
    """A file name (without ``.docx``) safe in any folder: no separators or characters
    Windows refuses (each becomes "-"), no leading dots or trailing dots and spaces, not a
    reserved device name, at most 200 bytes. ``ValueError`` when nothing usable is left.

    >>> safe_file_name("Phường 1/2")
    'Phường 1-2'
    >>> safe_file_name("../../etc/passwd")
    '-..-etc-passwd'
    """
    text = unicodedata.normalize("NFC", str(name))
    text = " ".join(_UNSAFE.sub("-", text).split())
    if text.casefold().endswith(".docx"):
        text = text[:-5]
    text = text.lstrip(". ").rstrip(". ")
    if not text.strip("-"):
        raise ValueError(f'tên "{escape_control(str(name))}" không dùng được làm tên tệp')
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text.encode("utf-8")[:_MAX_NAME_BYTES].decode("utf-8", "ignore")


#: The renderers of this (worker) process, by template source: prepared once per process.
_renderers: dict[Any, Renderer] = {}


def _renderer_of(source: Any) -> Renderer:
    """This process's renderer of ``source`` (what a pickled :class:`Renderer` becomes)."""
    key = None if source is None else os.fspath(source)
    renderer = _renderers.get(key)
    if renderer is None:
        renderer = _renderers[key] = Renderer(source)
    return renderer


def _folders(jobs: Sequence[tuple[Document, Path]]) -> list[str]:
    """The template folders ``jobs`` use."""
    return sorted({d.template_folder or d.doc_type for d, _ in jobs})


def _init_worker(renderer: Renderer, folders: Sequence[str]) -> None:
    """Prepare the templates of ``folders`` (in a worker as it starts, or before forking).
    One that cannot be prepared fails again per document, as a located failure."""
    for folder in folders:
        with contextlib.suppress(VanbanError):
            renderer._template(folder)


def _attempt(renderer: Renderer, doc: Document, path: Path) -> Path | tuple[str, str]:
    """Render and write one document of a batch; a failure is returned, not raised, so the
    others go on (and it crosses a process boundary as plain text)."""
    try:
        data = renderer.render(doc, check=False)
    except TemplateError as exc:
        return ("template", str(exc))
    except VanbanError as exc:
        return ("error", str(exc))
    return _write(data, path)


def _write(data: bytes, path: Path) -> Path | tuple[str, str]:
    try:
        return write_atomic(path, data)
    except (InputError, OSError) as exc:
        return ("write", str(exc) if isinstance(exc, InputError) else os_message(exc))


def _render_chunk(renderer: Renderer, docs: list[Document]) -> list[bytes | tuple[str, str]]:
    """An executor's task: the bytes of each document, or its failure ``(code, message)``."""
    out: list[bytes | tuple[str, str]] = []
    for doc in docs:
        try:
            out.append(renderer.render(doc, check=False))
        except TemplateError as exc:
            out.append(("template", str(exc)))
        except VanbanError as exc:
            out.append(("error", str(exc)))
    return out


def _work(renderer: Renderer, jobs: list[tuple[Document, Path]]) -> list[Path | tuple[str, str]]:
    """Render and write a chunk of jobs (a spawned worker's task, or this process's share)."""
    return [_attempt(renderer, d, p) for d, p in jobs]


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename (:mod:`vanban._files`:
    regular files only, the mode of ``open()`` or the file's own, no temporary file left)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"thư mục không tồn tại: {folder}")
    try:
        _files.replace_atomically(path, data)
    except _files.NotRegularFile as exc:
        raise InputError(f"không ghi được: {exc.strerror}") from None
    except OSError as exc:
        raise InputError(f"không ghi được vào thư mục {folder}: {os_message(exc)}") from None
    return path


_default: Renderer | None = None


def default_renderer() -> Renderer:
    """The shared renderer of vanban's own templates (prepared on first use)."""
    global _default
    if _default is None:
        _default = Renderer()
    return _default


def render(doc: Document, out: str | os.PathLike[str] | None = None, **kw: Any) -> bytes:
    """Render ``doc`` to .docx bytes; also write them to ``out`` when it is given."""
    data = default_renderer().render(doc, **kw)
    if out is not None:
        write_atomic(Path(out), data)
    return data

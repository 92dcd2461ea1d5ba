"""Batch rendering: the same bytes on every path, deterministic, valid, linear, and no
docxtpl, python-docx or lxml on the per-document path."""

from __future__ import annotations

import copy
import cProfile
import hashlib
import io
import itertools
import os
import pstats
import re
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vanban
from vanban import _ooxml
from vanban import _templating as templating
from vanban._markup import Span
from vanban._rendering import FIXED_CREATED, Renderer, context, render
from vanban.layout import layout
from vanban.models import KeHoach

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _doc(data: dict[str, Any]) -> KeHoach:
    return KeHoach.model_validate(data)


def _variants(sample: dict[str, Any]) -> list[KeHoach]:
    """The sample and a few changes of it that take other paths through the layout."""
    out = [copy.deepcopy(sample) for _ in range(4)]
    out[1]["date"] = "2025-02"  # partial date: fixed document-property dates
    out[1]["task_style"] = "lines"
    out[2]["format"] = {
        "size": "13",
        "first_line_indent": "1.27cm",
        "line_spacing": 1.5,
        "end_mark": False,
    }
    out[2]["title"] = 'Tên có ký tự đặc biệt: <b> & "ngoặc" {{ x }} {%p if %} {_{ y }_}'
    out[3]["footnotes"] = {}
    out[3]["sections"][0]["content"][0]["content"][0]["bullets"] = ["Không có chú thích."]
    out[3]["signer"] = {"name": "Lê Văn B", "title": "Trưởng ban"}
    out[3]["date"] = None
    return [_doc(d) for d in out]


def _examples() -> list[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [vanban.load(p) for p in EXAMPLES]


@pytest.fixture
def docs(sample: dict[str, Any]) -> list[KeHoach]:
    return _variants(sample) + _examples()


def _env(cache: Path | str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env["VANBAN_CACHE_DIR"] = str(cache)
    return env


# ------------------------------------------------------------------- the same bytes


def test_render_is_the_renderer_and_a_new_renderer(docs: list[KeHoach]) -> None:
    shared = Renderer()
    for doc in docs:
        data = render(doc)
        assert shared.render(doc) == data
        assert Renderer().render(doc) == data
        assert render(doc) == data  # twice in the same process


@pytest.mark.parametrize("workers", [1, 2])
def test_render_many_gives_the_bytes_of_render(
    docs: list[KeHoach], tmp_path: Path, workers: int
) -> None:
    named = {f"doc-{i}": d for i, d in enumerate(docs)}
    paths = Renderer().render_many(named, tmp_path, workers=workers)
    assert paths == [tmp_path / f"doc-{i}.docx" for i in range(len(docs))]
    for path, doc in zip(paths, docs, strict=True):
        assert path.read_bytes() == Renderer().render(doc)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in paths
    )  # no temp files left


def test_render_many_with_spawned_workers(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without fork the documents are pickled to the workers; the bytes are the same."""
    import multiprocessing

    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: get_context("spawn"))
    paths = Renderer().render_many(docs[:3], tmp_path, workers=2)
    assert [p.read_bytes() for p in paths] == [render(d) for d in docs[:3]]


def test_render_many_names_an_iterable_in_order(docs: list[KeHoach], tmp_path: Path) -> None:
    paths = Renderer().render_many(iter(docs[:3]), tmp_path, workers=2)
    assert [p.name for p in paths] == ["0001.docx", "0002.docx", "0003.docx"]
    assert [p.read_bytes() for p in paths] == [render(d) for d in docs[:3]]


def test_render_many_renders_the_valid_and_names_the_invalid(
    sample: dict[str, Any], tmp_path: Path
) -> None:
    bad = copy.deepcopy(sample)
    bad["sections"][0]["content"][0]["content"][0]["bullets"] = ["Chú thích lạ[^khong-co]."]
    result = Renderer().render_many([_doc(sample), _doc(bad)], tmp_path, workers=2)
    assert not result.ok
    assert result == [tmp_path / "0001.docx"]
    (failure,) = result.failures
    assert failure.name == "0002" and any("khong-co" in str(p) for p in failure.problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0001.docx"]


# ------------------------------------------------------------------- determinism


def test_same_bytes_in_other_processes_with_and_without_the_cache(tmp_path: Path) -> None:
    """Fresh processes (other hash seeds; cache empty, warm and off) give the same bytes."""
    path = EXAMPLES[0] if EXAMPLES else None
    if path is None:
        pytest.skip("no example plan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = hashlib.sha256(render(vanban.load(path))).hexdigest()
    code = (
        "import hashlib, sys, warnings; warnings.simplefilter('ignore'); import vanban\n"
        "from vanban._rendering import render\n"
        "print(hashlib.sha256(render(vanban.load(sys.argv[1]))).hexdigest())"
    )
    cache = tmp_path / "cache"
    runs = [(cache, "1"), (cache, "2"), ("", "3")]  # cold cache, warm cache, no cache
    for folder, seed in runs:
        env = _env(folder)
        env["PYTHONHASHSEED"] = seed
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == expected, (folder, seed, out.stderr)
    assert any((cache / "patched").iterdir())


def test_fixed_zip_metadata_and_entry_order(docs: list[KeHoach]) -> None:
    for doc in docs:
        with zipfile.ZipFile(io.BytesIO(render(doc))) as z:
            infos = z.infolist()
        names = [i.filename for i in infos]
        assert names[:5] == [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/document.xml",
        ]
        assert names[5:] == sorted(names[5:])
        assert len(set(names)) == len(names)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def _core(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("docProps/core.xml").decode()


def test_document_property_dates(sample: dict[str, Any]) -> None:
    full = _core(render(_doc(sample)))  # date 2025-02-05
    assert full.count("2025-02-05T00:00:00Z") == 2
    for date in ("2025-02", "2025", None):
        data = dict(sample, date=date)
        assert _core(render(_doc(data))).count(FIXED_CREATED) == 2, date


def test_footnote_ids_count_from_one(sample: dict[str, Any]) -> None:
    data = copy.deepcopy(sample)
    data["footnotes"]["b"] = "Chú thích thứ hai."
    data["intro"] = ["Mở đầu[^b] và[^kcn]."]
    with zipfile.ZipFile(io.BytesIO(render(_doc(data)))) as z:
        document = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document)
    assert refs == ["1", "2", "3"]  # b, kcn in the intro, kcn again in the bullets
    assert re.findall(r'<w:footnote w:id="(\d+)">', notes) == ["1", "2", "3"]


# ------------------------------------------------------------------- validity


def test_output_is_a_valid_docx(docs: list[KeHoach]) -> None:
    from docx import Document as OpenDocx

    for doc in docs:
        data = render(doc)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    ElementTree.fromstring(z.read(name))  # well-formed, or it raises
        opened = OpenDocx(io.BytesIO(data))
        texts = [p.text for p in opened.paragraphs]
        # The tên loại, or for a Công văn (no tên loại) its Kính gửi line, outside the tables.
        lay = layout(doc)
        assert (lay.heading or lay.addressees)[0].text in texts
        assert opened.core_properties.title


def test_user_text_is_escaped_like_escape() -> None:
    text = 'a & b < c > d "e" {{ f }} {%p g %} {_{ h }_} ’ Đề án'
    runs = str(_ooxml.runs([Span(text), Span(text, bold=True)]))
    assert runs.count(_ooxml.escape(text)) == 2
    assert "{" not in runs and "}" not in runs and "<b" not in runs


def test_paragraph_text_is_still_in_the_context(sample_doc: KeHoach) -> None:
    ctx = context(layout(sample_doc), sample_doc)
    title = ctx["heading"][1]
    assert title.role == "title" and title.style == "VBTitle"
    assert str(title.text) == _ooxml.escape(layout(sample_doc).heading[1].text)


# -------------------------------------------------------- no docxtpl on the hot path


def _boom(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("called on the per-document path")


def test_per_document_path_calls_no_docxtpl_docx_or_lxml(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx
    import docx.api
    import docxtpl
    import docxtpl.template
    from lxml import etree

    renderer = Renderer()
    expected = [renderer.render(d) for d in docs]  # prepares the template: docxtpl is used
    for target, names in (
        (
            docxtpl.template.DocxTemplate,
            ["__init__", "patch_xml", "render", "save", "render_xml_part", "build_xml"],
        ),
        (docx, ["Document"]),
        (docx.api, ["Document"]),
        (etree, ["fromstring", "XML", "parse", "tostring", "XMLParser", "Element", "SubElement"]),
    ):
        for name in names:
            monkeypatch.setattr(target, name, _boom)
    with pytest.raises(AssertionError, match="per-document path"):  # the trap works
        docxtpl.DocxTemplate(io.BytesIO())
    assert [renderer.render(d) for d in docs] == expected
    paths = renderer.render_many(docs, tmp_path, workers=1)
    assert [p.read_bytes() for p in paths] == expected


_BLOCKED = """
import sys
class Refuse:  # found as usual (vanban may hash docxtpl's files), never imported
    def create_module(self, spec):
        raise ImportError(f"{spec.name} is blocked")
    def exec_module(self, module):
        raise ImportError(f"{module.__name__} is blocked")
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in ("docxtpl", "docx", "lxml"):
            return None
        for finder in sys.meta_path:
            spec = None if finder is self else finder.find_spec(name, path, target)
            if spec is not None:
                spec.loader = Refuse()
                return spec
sys.meta_path.insert(0, Block())
import warnings; warnings.simplefilter("ignore")
import vanban
from vanban._rendering import Renderer
data = Renderer().render(vanban.load(sys.argv[1]))
print(len(data), sorted(m for m in sys.modules if m.split(".")[0] in ("docxtpl", "docx", "lxml")))
"""


def test_a_fresh_process_with_a_warm_cache_never_imports_docxtpl(tmp_path: Path) -> None:
    if not EXAMPLES:
        pytest.skip("no example plan")
    path, cache = str(EXAMPLES[0]), tmp_path / "cache"
    cold = subprocess.run(
        [sys.executable, "-c", _BLOCKED, path], env=_env(cache), capture_output=True, text=True
    )
    assert cold.returncode != 0 and "docxtpl is blocked" in cold.stderr  # preparing needs it
    prepare = "import vanban._templating as t; t.Prepared.load('mot_nguoi_ky')"
    subprocess.run([sys.executable, "-c", prepare], env=_env(cache), check=True)
    warm = subprocess.run(
        [sys.executable, "-c", _BLOCKED, path], env=_env(cache), capture_output=True, text=True
    )
    assert warm.returncode == 0, warm.stderr
    size, modules = warm.stdout.split(" ", 1)
    assert int(size) > 1000 and modules.strip() == "[]"


# ------------------------------------------------------------------- the cache


def test_a_corrupt_or_unwritable_cache_is_a_miss(
    tmp_path: Path, sample_doc: KeHoach, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = Renderer().render(sample_doc)
    cache = tmp_path / "cache"
    monkeypatch.setenv("VANBAN_CACHE_DIR", str(cache))
    assert Renderer().render(sample_doc) == expected  # fills the cache
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries
    for p in entries:
        p.write_bytes(b"garbage\n" + p.read_bytes()[:10])
    assert Renderer().render(sample_doc) == expected
    assert Renderer().render(sample_doc) == expected  # rewritten entries
    monkeypatch.setenv("VANBAN_CACHE_DIR", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    assert Renderer().render(sample_doc) == expected
    monkeypatch.setenv("VANBAN_CACHE_DIR", "")
    assert templating.cache_dir() is None
    assert Renderer().render(sample_doc) == expected


def test_a_cache_others_can_write_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert templating.usable_cache(shared) is None
    shared.chmod(0o700)
    assert templating.usable_cache(shared) == shared
    assert templating.usable_cache(tmp_path / "new" / "cache") == tmp_path / "new" / "cache"
    assert templating.usable_cache(None) is None


def test_patched_source_is_keyed_by_the_text(tmp_path: Path) -> None:
    a = "<w:p><w:r><w:t>{{r x }}</w:t></w:r></w:p>"
    b = "<w:p><w:r><w:t>{{r y }}</w:t></w:r></w:p>"
    assert templating.patched(a, tmp_path) == templating._patch(a)
    assert templating.patched(b, tmp_path) == templating._patch(b)
    assert templating.patched(a, tmp_path) == templating._patch(a)  # from the cache
    assert templating.patched(a, tmp_path) != templating.patched(b, tmp_path)


# ------------------------------------------------------------------- linear cost


def _plan(sample: dict[str, Any], tasks: int) -> KeHoach:
    data = copy.deepcopy(sample)
    data["sections"][1]["content"] = [
        {
            "task": f"Nhiệm vụ số {i} của kế hoạch, có *nhấn mạnh* & ký tự <đặc biệt>.",
            "deadline": "2025-03-15",
            "leads": f"Đơn vị {i}",
        }
        for i in range(tasks)
    ]
    return _doc(data)


def _calls(renderer: Renderer, doc: KeHoach) -> tuple[int, int]:
    prof = cProfile.Profile()
    prof.enable()
    data = renderer.render(doc)
    prof.disable()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        size = len(z.read("word/document.xml"))
    return pstats.Stats(prof).total_calls, size  # type: ignore[attr-defined]


def test_cost_grows_linearly_with_the_plan(sample: dict[str, Any]) -> None:
    """Function calls (deterministic, unlike time) and output size for 10x the tasks."""
    renderer = Renderer()
    renderer.render(_plan(sample, 1))  # prepared outside the count
    small, big, bigger = (_calls(renderer, _plan(sample, n)) for n in (100, 1000, 2000))
    assert big[1] / small[1] < 10.5  # the output grows linearly…
    assert big[0] / small[0] < 10.5  # …and so does the work
    per_task = [(bigger[0] - big[0]) / 1000, (big[0] - small[0]) / 900]
    assert per_task[0] == pytest.approx(per_task[1], rel=0.05)  # the same work per task


def test_checks_run_once_and_again_after_a_change(sample_doc) -> None:  # type: ignore[no-untyped-def]
    import warnings as _w

    import vanban

    sample_doc.archive = None
    with _w.catch_warnings(record=True) as seen:
        _w.simplefilter("always")
        vanban.render(sample_doc)
        vanban.render(sample_doc)
    assert sum("Lưu" in str(w.message) for w in seen) == 1
    sample_doc.footnotes = {}  # now a [^kcn] reference has no text
    with pytest.raises(vanban.ValidationError, match="kcn"):
        vanban.render(sample_doc)


@given(total=st.integers(0, 3000), workers=st.integers(2, 64))
def test_guided_spans_cover_the_batch_in_order_and_shrink(total: int, workers: int) -> None:
    """Every document in exactly one chunk, in order; chunks never grow, so the processes
    end on small ones (none idles long waiting for another's last chunk)."""
    from vanban._rendering import _SMALLEST, _guided_spans

    spans = _guided_spans(total, workers)
    assert [i for a, b in spans for i in range(a, b)] == list(range(total))
    sizes = [b - a for a, b in spans]
    assert all(x >= y for x, y in itertools.pairwise(sizes[:-1]))
    assert all(s >= _SMALLEST for s in sizes[:-1])
    if total >= 100 * workers:
        assert sizes[0] >= 10 * sizes[-2]  # the first chunks are much larger than the last


# ------------------------------------------------------------ forked workers (fork + pipe)


def _batch(docs: list[KeHoach], n: int = 48) -> dict[str, KeHoach]:
    return {f"doc-{i:02d}": docs[i % len(docs)] for i in range(n)}


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the processes render_many forks (recorded in this process)."""
    pids: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    return pids


def _reaped(pids: list[int]) -> bool:
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@pytest.mark.parametrize("workers", [2, 3])
def test_forked_workers_give_the_paths_and_failures_of_one_process(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Every third document cannot be written (a folder has its name), so every process
    meets failures: the children's come back through their message, in input order, with
    the same text as when this process writes alone; the written files are the same."""
    named = _batch(docs)
    results = {}
    for w in (1, workers):
        out = tmp_path / f"w{w}"
        out.mkdir()
        for i in range(0, len(named), 3):
            (out / f"doc-{i:02d}.docx").mkdir()
        pids = _forks(monkeypatch)
        result = Renderer().render_many(named, out, workers=w)
        assert len(pids) == w - 1 and _reaped(pids)
        results[w] = (
            [p.name for p in result],
            [
                (
                    f.name,
                    f.path.name if f.path else None,
                    [str(p).replace(str(out), "OUT") for p in f.problems],
                )
                for f in result.failures
            ],
            {p.name: p.read_bytes() for p in result},
            sorted(p.name for p in out.iterdir()),
        )
    assert results[workers] == results[1]
    assert len(results[1][1]) == 16 and len(results[1][0]) == 32


def test_the_children_render_their_share(docs: list[KeHoach], tmp_path: Path) -> None:
    """The forked child takes spans from the shared pipe: some documents are written by
    another process (their temporary files carried its pid), none twice."""
    import vanban._files as files

    writers: dict[str, int] = {}
    replace = files.replace_atomically
    log = tmp_path / "log"
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def logged(path: Path, data: bytes) -> None:
        replace(path, data)
        os.write(fd, f"{os.getpid()} {path.name}\n".encode())

    out = tmp_path / "out"
    out.mkdir()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(files, "replace_atomically", logged)
        result = Renderer().render_many(_batch(docs, 60), out, workers=2)
    os.close(fd)
    for line in log.read_text().splitlines():
        pid, name = line.split()
        assert name not in writers
        writers[name] = int(pid)
    assert result.ok and sorted(writers) == sorted(p.name for p in result)
    assert {pid for pid in writers.values()} - {os.getpid()}  # a child wrote some


def _dies() -> None:
    os._exit(3)


def _raises() -> None:
    raise RuntimeError("hỏng trong tiến trình con")


@pytest.mark.parametrize(
    ("in_child", "expected", "match"),
    [
        (_dies, "BrokenProcessPool", None),  # a worker that dies breaks it, as a pool does
        (_raises, "RuntimeError", "hỏng trong tiến trình con"),  # raised here
    ],
)
def test_a_worker_that_dies_or_raises_fails_the_batch_here(
    docs: list[KeHoach],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_child: Callable[[], None],
    expected: str,
    match: str | None,
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    import vanban._rendering as rendering

    here = os.getpid()
    attempt = rendering._attempt

    def fails(*args: Any) -> Any:
        if os.getpid() != here:
            in_child()
        return attempt(*args)

    monkeypatch.setattr(rendering, "_attempt", fails)
    pids = _forks(monkeypatch)
    error = {"BrokenProcessPool": BrokenProcessPool, "RuntimeError": RuntimeError}[expected]
    with pytest.raises(error, match=match):
        Renderer().render_many(_batch(docs), tmp_path, workers=2)
    assert pids and _reaped(pids)


def test_an_interrupt_leaves_no_child_and_no_half_written_file(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vanban._rendering as rendering

    here = os.getpid()
    attempt = rendering._attempt
    calls = itertools.count()

    def interrupted(*args: Any) -> Any:
        if os.getpid() == here and next(calls) == 3:
            raise KeyboardInterrupt
        return attempt(*args)

    monkeypatch.setattr(rendering, "_attempt", interrupted)
    pids = _forks(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        Renderer().render_many(_batch(docs, 200), tmp_path, workers=3)
    assert len(pids) == 2 and _reaped(pids)
    names = [p.name for p in tmp_path.iterdir()]
    assert names and all(re.fullmatch(r"doc-\d\d\.docx", n) for n in names)
    Renderer().render_many(_batch(docs), tmp_path, workers=2)  # and the next batch runs


def test_forked_workers_pay_from_ten_documents_each_by_default(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forked worker starts in milliseconds: by default one process for each 10 documents
    (spawned ones, which import everything, for each 25), up to the cores."""
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    for n, forked in [(19, 0), (20, 1), (39, 2), (200, 7)]:
        out = tmp_path / str(n)
        out.mkdir()
        pids = _forks(monkeypatch)
        result = Renderer().render_many(_batch(docs, n), out)
        assert result.ok and len(result) == n
        assert len(pids) == forked and _reaped(pids)


def test_span_numbers_that_do_not_fit_in_a_pipe_go_to_a_pool(
    docs: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The numbers are written before the fork, so they must all fit (a blocked write there
    would wait forever): when they do not, the batch goes to a process pool instead, with
    the same result."""
    import vanban._rendering as rendering

    assert rendering._span_pipe(100_000) is None  # 400 KB: more than a pipe holds
    fd = rendering._span_pipe(3)
    assert fd is not None
    assert list(rendering._taken(fd)) == [0, 1, 2]
    os.close(fd)
    named = _batch(docs, 30)
    (tmp_path / "one").mkdir()
    expected = Renderer().render_many(named, tmp_path / "one", workers=1)
    monkeypatch.setattr(rendering, "_span_pipe", lambda count: None)
    pids = _forks(monkeypatch)
    (tmp_path / "pool").mkdir()
    result = Renderer().render_many(named, tmp_path / "pool", workers=2)
    assert [p.name for p in result] == [p.name for p in expected]
    assert [p.read_bytes() for p in result] == [p.read_bytes() for p in expected]
    assert pids  # the pool's own fork

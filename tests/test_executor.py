"""Batches on any ``concurrent.futures.Executor``: the same files, the same failures, as
with local workers (threads, a process pool that pickles, a Dask cluster)."""

from __future__ import annotations

import copy
import logging
import multiprocessing
import pickle
import warnings
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban._rendering import BatchResult, Renderer, render
from vanban.models import KeHoach

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "an-ninh-cong-nhan-bac-giang.yaml"


@pytest.fixture(scope="module")
def plans() -> list[KeHoach]:
    """A few different valid plans: the example and changes of it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = vanban.load(EXAMPLE)
    out = []
    for i in range(8):
        doc = base.model_copy(deep=True)
        doc.title = f"{base.title} (bản {i})"
        out.append(doc)
    return out


def _bad(plan: KeHoach) -> KeHoach:
    """A plan that fails its semantic checks (a footnote that does not exist)."""
    data = plan.model_dump(mode="json", exclude_none=True, by_alias=True)
    data = copy.deepcopy(data)
    data["sections"][0]["content"][0]["content"][0]["bullets"] = ["Chú thích lạ[^khong-co]."]
    return KeHoach.model_validate(data)


def _batch(plans: list[KeHoach], n: int) -> dict[str, KeHoach]:
    """``n`` named documents, with a failure of each kind the parent sees: an invalid plan,
    a name that is no file name, and a name that gives the same file as another."""
    named = {f"xã {i:04d}": plans[i % len(plans)] for i in range(n)}
    named["xã 0002"] = _bad(plans[0])
    named["..."] = plans[1]
    named["XÃ 0003"] = plans[2]
    return named


def _summary(result: BatchResult, folder: Path) -> tuple[list[str], list[Any]]:
    """The result without its folder: the file names, and each failure as plain data."""
    names = [p.relative_to(folder).as_posix() for p in result]
    failures = [
        (
            f.name,
            None if f.path is None else f.path.relative_to(folder).as_posix(),
            [str(p).replace(str(folder), "<thư mục>") for p in f.problems],
        )
        for f in result.failures
    ]
    return names, failures


def _run(named: dict[str, KeHoach], folder: Path, **kw: Any) -> tuple[Any, dict[str, bytes]]:
    folder.mkdir()
    result = Renderer().render_many(named, folder, **kw)
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    return _summary(result, folder), files


def test_a_thread_pool_gives_what_local_workers_give(plans: list[KeHoach], tmp_path: Path) -> None:
    named = _batch(plans, 30)
    (tmp_path / "one").mkdir()
    # A folder where a file should go: a write failure, found by whoever writes.
    (tmp_path / "one" / "xã 0007.docx").mkdir()
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "xã 0007.docx").mkdir()
    local = Renderer().render_many(named, tmp_path / "one", workers=1)
    with ThreadPoolExecutor(3) as pool:
        on_pool = Renderer().render_many(named, tmp_path / "pool", executor=pool)
    assert _summary(on_pool, tmp_path / "pool") == _summary(local, tmp_path / "one")
    codes = {p.code for f in on_pool.failures for p in f.problems}
    assert {"bad_name", "name_taken", "write"} <= codes
    assert len(on_pool) == 32 - 4 and len(on_pool.failures) == 4
    for path in on_pool:
        assert path.read_bytes() == (tmp_path / "one" / path.name).read_bytes()


def test_a_spawned_process_pool_renders_the_same_bytes(
    plans: list[KeHoach], tmp_path: Path
) -> None:
    """Documents and the renderer are pickled to processes that share nothing with this one."""
    named = _batch(plans, 12)
    expected = _run(named, tmp_path / "one", workers=1)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        got = _run(named, tmp_path / "pool", executor=pool)
    assert got == expected


def test_template_failures_come_back_from_the_executor(
    plans: list[KeHoach], tmp_path: Path
) -> None:
    """A template that fails on every document: each is a located failure, not a crash."""
    from vanban._templating import read_parts

    template = tmp_path / "mau"
    for name, data in read_parts("mot_nguoi_ky").items():
        (template / name).parent.mkdir(parents=True, exist_ok=True)
        (template / name).write_bytes(data)
    document = template / "word" / "document.xml"
    document.write_text(
        document.read_text(encoding="utf-8").replace(
            '{% include "_blocks/heading.xml" %}', "{{ khong_co_bien }}", 1
        ),
        encoding="utf-8",
    )
    named = {f"{i}": plans[i] for i in range(4)}
    out = {}
    for key, kw in {"one": {"workers": 1}, "pool": {"executor": ThreadPoolExecutor(2)}}.items():
        (tmp_path / key).mkdir()
        result = Renderer(template).render_many(named, tmp_path / key, **kw)
        out[key] = _summary(result, tmp_path / key)
    assert out["pool"] == out["one"]
    names, failures = out["pool"]
    assert names == [] and len(failures) == 4
    assert all("khong_co_bien" in p for f in failures for p in f[2]), failures


def test_workers_and_executor_together_are_refused(plans: list[KeHoach], tmp_path: Path) -> None:
    with ThreadPoolExecutor(1) as pool, pytest.raises(TypeError):
        Renderer().render_many(plans[:1], tmp_path, workers=2, executor=pool)


def test_a_renderer_pickles_as_its_template_source(tmp_path: Path) -> None:
    """The prepared templates (compiled Jinja) never cross: each process prepares its own."""
    renderer = Renderer()
    renderer._template("mot_nguoi_ky")
    copied = pickle.loads(pickle.dumps(renderer))
    assert copied._source is None
    assert len(pickle.dumps(renderer)) < 200
    assert pickle.loads(pickle.dumps(Renderer(tmp_path)))._source == tmp_path


class _Recording(Executor):
    """An executor that runs each task at once here and records how many it was given."""

    def __init__(self) -> None:
        self.chunks: list[int] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.chunks.append(len(args[1]))
        future: Future[Any] = Future()
        future.set_result(fn(*pickle.loads(pickle.dumps(args)), **kwargs))
        return future


def test_an_executor_gets_chunks_not_documents(plans: list[KeHoach], tmp_path: Path) -> None:
    executor = _Recording()
    result = Renderer().render_many(
        {f"{i}": plans[i % len(plans)] for i in range(120)}, tmp_path, executor=executor
    )
    assert result.ok and len(result) == 120
    assert sum(executor.chunks) == 120
    assert 1 < len(executor.chunks) < 120
    assert max(executor.chunks) <= 50


# --------------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster)
    try:
        yield client.get_executor()
    finally:
        client.close()
        cluster.close()


def test_a_dask_cluster_renders_a_thousand_documents(
    plans: list[KeHoach], tmp_path: Path, dask_executor: Executor
) -> None:
    """1,000 documents on a Dask LocalCluster: the files of local rendering, byte for byte,
    and the failures named as local workers name them."""
    named = _batch(plans, 1000)
    (tmp_path / "dask").mkdir()
    (tmp_path / "dask" / "xã 0007.docx").mkdir()  # a write failure, here
    result = Renderer().render_many(named, tmp_path / "dask", executor=dask_executor)
    assert len(result) == 1002 - 4 and len(result.failures) == 4
    expected = {id(d): render(d) for d in plans}
    for path in result:
        assert path.read_bytes() == expected[id(named[path.stem])], path
    small = dict(list(named.items())[:12]) | {"...": plans[1], "XÃ 0003": plans[2]}
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "xã 0007.docx").mkdir()
    local = Renderer().render_many(small, tmp_path / "one", workers=1)
    (tmp_path / "dask-small").mkdir()
    (tmp_path / "dask-small" / "xã 0007.docx").mkdir()
    remote = Renderer().render_many(small, tmp_path / "dask-small", executor=dask_executor)
    assert _summary(remote, tmp_path / "dask-small") == _summary(local, tmp_path / "one")
    assert [f.name for f in result.failures] == ["xã 0002", "xã 0007", "...", "XÃ 0003"]


# ------------------------------------------------------------------------- local workers


class _NoPool:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("a process pool was started")


def test_a_small_batch_renders_here_by_default(
    plans: list[KeHoach], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below 25 documents a second process costs more than it renders: the default renders
    them in this process; asked for, workers are still started."""
    import concurrent.futures

    monkeypatch.setattr("os.cpu_count", lambda: 8)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _NoPool)
    monkeypatch.setattr("os.fork", _NoPool)  # forked workers start without a pool
    result = Renderer().render_many(plans[:6], tmp_path)
    assert result.ok and len(result) == 6
    with pytest.raises(AssertionError, match="pool"):
        Renderer().render_many(plans[:6], tmp_path, workers=2)


def test_workers_and_this_process_share_the_batch(plans: list[KeHoach], tmp_path: Path) -> None:
    """With two workers, one process is started and this one renders too: every document is
    written once, in order, with the bytes of render."""
    import os

    named = {f"{i:03d}": plans[i % len(plans)] for i in range(60)}
    result = Renderer().render_many(named, tmp_path, workers=2)
    assert [p.name for p in result] == [f"{i:03d}.docx" for i in range(60)]
    expected = {id(d): render(d) for d in plans}
    assert all(p.read_bytes() == expected[id(named[p.stem])] for p in result)
    assert sorted(os.listdir(tmp_path)) == [p.name for p in result]

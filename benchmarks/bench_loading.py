"""Benchmark: where loading a plan goes, stage by stage, against another vanban if asked.

    PYTHONPATH=src python benchmarks/bench_loading.py [--tasks 6 5000] [--rounds 5]
        [--against /path/to/other/src]

For each size (``plans.seed_plan(i, tasks=N)``: 6 tasks is the reference plan), in a fresh
process per round, CPU time (``time.process_time``), medians of interleaved passes:

- ``parse``: YAML text to plain data (``_loading._parse``: the one pass over libyaml's events);
- ``model_validate``: the data to the model (pydantic and the models' validators);
- ``check``: the checks of meaning (``_validation.check_document``);
- ``loads``, ``load_json``: ``vanban.loads`` of the YAML text, ``vanban.load`` of the same plan
  written as a .json file;
- ``model``, ``yaml``, ``json``: ``Renderer.render`` of the model, of ``loads(text)``, of
  ``load(path)``, each as one call (so a cost that loading only moves into the render, as a
  collection of the objects it made, is counted), and their per-pass ratios
  ``yaml_over_model`` and ``json_over_model`` (``bench_render.py``'s last line, without its
  other parts).

With ``--against``, the rounds alternate between this vanban and the other one
(``PYTHONPATH=<other>``), and both are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2024, 11, 1)


def measure(tasks: int) -> dict[str, float]:
    """One round in this process: the stages and the ratios for plans of ``tasks`` tasks."""
    sys.path.insert(0, str(HERE))
    import plans

    import vanban
    from vanban import _loading, registry
    from vanban._rendering import Renderer
    from vanban._validation import check_document

    warnings.simplefilter("ignore")
    n = 10 if tasks < 100 else 1
    reps = 5 if tasks < 100 else 1
    texts = [plans.plan_yaml(plans.seed_plan(i, tasks=tasks)) for i in range(n)]
    tmp = Path(tempfile.mkdtemp(prefix="vanban-bench-loading-"))
    paths = []
    for i, text in enumerate(texts):
        path = tmp / f"plan-{i}.json"
        path.write_text(plans.plan_json(text), encoding="utf-8")
        paths.append(path)
    data = [_loading._parse(t, "<bench>")[0] for t in texts]
    model = registry.model(data[0]["type"])
    docs = [vanban.loads(t, today=TODAY) for t in texts]
    renderer = Renderer()
    renderer.render(docs[0])
    stages: dict[str, Callable[[], object]] = {
        "parse": lambda: [_loading._parse(t, "<bench>") for t in texts],
        "model_validate": lambda: [model.model_validate(d) for d in data],
        "check": lambda: [check_document(d, today=TODAY) for d in docs],
        "loads": lambda: [vanban.loads(t, today=TODAY) for t in texts],
        "load_json": lambda: [vanban.load(p, today=TODAY) for p in paths],
        "model": lambda: [renderer.render(d) for d in docs],
        "yaml": lambda: [renderer.render(vanban.loads(t, today=TODAY)) for t in texts],
        "json": lambda: [renderer.render(vanban.load(p, today=TODAY)) for p in paths],
    }
    passes: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(7 if tasks < 100 else 5):
        for name, fn in stages.items():
            t = time.process_time()
            for _ in range(reps):
                fn()
            passes[name].append((time.process_time() - t) / reps / n * 1000)
    out = {name: statistics.median(v) for name, v in passes.items()}
    for kind in ("yaml", "json"):
        ratios = [a / b for a, b in zip(passes[kind], passes["model"], strict=True)]
        out[f"{kind}_over_model"] = statistics.median(ratios)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--tasks", type=int, nargs="+", default=[6, 5000])
    ap.add_argument("--rounds", type=int, default=5, help="fresh processes per vanban")
    ap.add_argument("--against", help="the src folder of another vanban, measured in turn")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        print(json.dumps(measure(a.child)))
        return 0
    sources = {"this": os.environ.get("PYTHONPATH", "")}
    if a.against:
        sources["other"] = a.against
    for tasks in a.tasks:
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in sources}
        for _ in range(a.rounds):
            for name, src in sources.items():
                env = dict(os.environ, PYTHONPATH=src)
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(tasks)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                rounds[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"\n{tasks} tasks, medians of {a.rounds} rounds (ms per plan, CPU time)")
        for name, found in rounds.items():
            cells = [f"{key}={statistics.median(r[key] for r in found):.3f}" for key in found[0]]
            print(f"  {name} ({sources[name] or 'installed'}): " + " ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

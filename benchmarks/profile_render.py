"""Profile vanban's per-document path (cProfile), to see where the time goes.

    PYTHONPATH=src python benchmarks/profile_render.py [--tasks 6] [--docs 200] [--top 15]

Models are built and the template prepared before profiling starts: what is profiled is
``Renderer.render`` (checks, layout, context, Jinja, compression, zip) on ``--docs`` plans.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import plans

TODAY = dt.date(2024, 11, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=6)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--sort", default="tottime")
    a = ap.parse_args()

    import vanban
    from vanban._rendering import Renderer

    docs = [
        vanban.loads(plans.plan_yaml(plans.seed_plan(i, tasks=a.tasks)), today=TODAY)
        for i in range(min(a.docs, 24))
    ]
    r = Renderer()
    r.render(docs[0])  # prepare the template outside the profile
    prof = cProfile.Profile()
    prof.enable()
    for i in range(a.docs):
        r.render(docs[i % len(docs)])
    prof.disable()
    pstats.Stats(prof).sort_stats(a.sort).print_stats(a.top)


if __name__ == "__main__":
    main()

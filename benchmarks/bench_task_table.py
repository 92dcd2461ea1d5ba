"""A 5,000-task plan with its tasks as a landscape task-table phụ lục, against the same tasks
in prose (the baseline, measured in the same run).

    python benchmarks/bench_task_table.py [--tasks 5000] [--repeats 3] [--shape seed|full]

Prints the YAML→bytes time of both, their ratio, and the peak resident memory of the table
run in a fresh process. Targets (issue 7): under 1.5 s and 300 MB for the table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def task_appendix(tasks: list[dict]) -> dict:
    """The tasks in ten groups, in a landscape task-table phụ lục with the id "nv"."""
    groups = [{"title": f"Nhóm {g + 1}", "tasks": tasks[g::10]} for g in range(10)]
    return {
        "id": "nv",
        "title": "Danh mục nhiệm vụ",
        "landscape": True,
        "content": [{"groups": groups}],
    }


def seed_shaped(tasks: int, *, table: bool) -> str:
    """The benchmarks' big plan (``plans.seed_plan``, the 5,000-task plan of bench_render),
    its tasks in prose, or moved into a landscape task-table phụ lục."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from plans import plan_yaml, seed_plan

    data = seed_plan(0, tasks=tasks)
    if table:
        for section in data["sections"]:
            tasks_here = [b for b in section["content"] if isinstance(b, dict) and "task" in b]
            if len(tasks_here) > 100:
                section["content"] = [
                    b for b in section["content"] if not (isinstance(b, dict) and "task" in b)
                ] + ["Các nhiệm vụ cụ thể tại [@nv]."]
                data["appendices"] = [task_appendix(tasks_here)]
    return plan_yaml(data)


def plan(tasks: int, *, table: bool) -> str:
    """Tasks with every role filled (two coordinating bodies each): a heavier table."""
    items = [
        {
            "task": f"Rà soát, cập nhật danh mục thủ tục hành chính nhóm {i}",
            "leads": "Sở Công Thương",
            "coordinates": ["Sở Tài chính", "UBND các huyện"],
            "deadline": "2026-12-31" if i % 2 else "Quý IV/2026",
            "product": "Báo cáo kết quả",
        }
        for i in range(tasks)
    ]
    data = {
        "type": "ke_hoach",
        "issuer": {"parent": "UBND TỈNH LÀO CAI", "name": "SỞ CÔNG THƯƠNG", "abbreviation": "SCT"},
        "place": "Lào Cai",
        "date": "2026-03-02",
        "title": "Triển khai nhiệm vụ năm 2026",
        "sections": [{"title": "Nhiệm vụ", "content": ["Chi tiết tại [@nv]."] if table else items}],
        "signer": {"title": "Giám đốc", "name": "Nguyễn Văn A"},
        "archive": ["VP"],
    }
    if table:
        data["appendices"] = [task_appendix(items)]
    return yaml.safe_dump(data, allow_unicode=True)


def timed(text: str, repeats: int) -> float:
    import vanban

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        vanban.render(vanban.loads(text))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rss_mb(text: str) -> float:
    code = (
        "import resource, sys, vanban\n"
        "vanban.render(vanban.loads(sys.stdin.read()))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )  # fmt: skip
    return float(out.stdout.split()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tasks", type=int, default=5000)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument(
        "--shape",
        choices=("seed", "full"),
        default="seed",
        help="seed: bench_render's big plan (task and deadline); full: every role filled",
    )
    a = p.parse_args()
    make = seed_shaped if a.shape == "seed" else plan
    table, prose = make(a.tasks, table=True), make(a.tasks, table=False)
    timed(table, 1)  # warm the template cache
    t_table, t_prose = timed(table, a.repeats), timed(prose, a.repeats)
    mem = rss_mb(table)
    result = {"shape": a.shape, "tasks": a.tasks, "table_s": round(t_table, 3),
              "prose_s": round(t_prose, 3), "table_to_prose": round(t_table / t_prose, 2),
              "table_rss_mb": round(mem)}  # fmt: skip
    print(" ".join(f"{k}={v}" for k, v in result.items()))
    print(json.dumps(result))
    return 0 if t_table < 1.5 and mem < 300 else 1


if __name__ == "__main__":
    sys.exit(main())

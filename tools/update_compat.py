"""Copy every version of every file that ever lived under examples/ into tests/compat/.

    python tools/update_compat.py

Each distinct version (git blob) is written once, byte for byte, as
``tests/compat/<stem>.<first 8 hex digits of its blob id>.yaml``; a version already there is
left alone. tests/test_compat.py renders them all, so YAML written for an earlier release
keeps rendering. Run it after changing or removing an example (the test says so).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPAT = ROOT / "tests" / "compat"
PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def example_versions() -> dict[str, str]:
    """Every blob id that was a plan under examples/ in a commit of this branch's history (not
    other branches' work in progress), with its first path."""
    found: dict[str, str] = {}
    for commit in _git("log", "--reverse", "--format=%H", "HEAD", "--", "examples/").split():
        for line in _git("ls-tree", "-r", commit, "examples/").splitlines():
            meta, path = line.split("\t", 1)
            blob = meta.split()[2]
            # Plans are the files at the top of examples/; a folder holds something else
            # (examples/merge/: a mail-merge template with placeholders and its rows).
            if path.endswith(PLAN_SUFFIXES) and "/" not in path.removeprefix("examples/"):
                found.setdefault(blob, path)
    return found


def compat_name(path: str, blob: str) -> str:
    """``giam-ngheo-ben-vung.3f9a01bc.yaml`` for a version of examples/giam-ngheo-ben-vung.yaml."""
    p = Path(path)
    return f"{p.stem}.{blob[:8]}{p.suffix}"


def main() -> int:
    written = 0
    for blob, path in example_versions().items():
        target = COMPAT / compat_name(path, blob)
        if not target.exists():
            target.write_bytes(
                subprocess.run(
                    ["git", "cat-file", "blob", blob], cwd=ROOT, check=True, capture_output=True
                ).stdout
            )
            written += 1
            print(target.relative_to(ROOT))
    print(f"{written} phiên bản mới", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

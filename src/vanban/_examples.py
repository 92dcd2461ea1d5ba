"""The example documents shipped with vanban (``vanban examples``): real plans, decisions,
letters… of Vietnamese offices, one YAML file each, installed inside the package so that a
user who installed vanban with pip has them too (the checkout's ``examples/`` otherwise)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

_MODELINE = re.compile(r"\A# yaml-language-server: \$schema=\.\./schemas/([a-z_]+)\.schema\.json")
_TYPE = re.compile(r"^type:\s*([a-z_]+)\s*$", re.M)


def examples_dir() -> Path:
    """Where the examples are: inside the installed package, or the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "examples", here.parent.parent / "examples"):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    raise FileNotFoundError(f"không thấy các văn bản mẫu của vanban (đã tìm ở {here / 'examples'})")


def names() -> list[str]:
    """The examples' names (file names without ``.yaml``), in order."""
    return sorted(p.stem for p in examples_dir().glob("*.yaml"))


def listing() -> str:
    """One line per example: its name and its type (``type:``), grouped by type."""
    rows = []
    for name in names():
        m = _TYPE.search((examples_dir() / f"{name}.yaml").read_text(encoding="utf-8"))
        rows.append((m.group(1) if m else "?", name))
    width = max(len(t) for t, _ in rows)
    return "".join(f"{t:<{width}}  {n}\n" for t, n in sorted(rows))


def text(name: str) -> str:
    """The YAML of one example, its schema line pointing to the schema ``vanban schema``
    writes beside it (``TYPE.schema.json``), as ``vanban new`` does.

    :raises LookupError: no example has this name (the message suggests the nearest).
    """
    stem = name.removesuffix(".yaml")
    known = names()
    if stem not in known:
        guess = difflib.get_close_matches(stem, known, n=1, cutoff=0.5)
        hint = f'; có phải ý bạn là "{guess[0]}"?' if guess else ""
        raise LookupError(f"không có văn bản mẫu {name!r}{hint} (xem: vanban examples)")
    raw = (examples_dir() / f"{stem}.yaml").read_text(encoding="utf-8")
    return _MODELINE.sub(r"# yaml-language-server: $schema=\1.schema.json", raw, count=1)

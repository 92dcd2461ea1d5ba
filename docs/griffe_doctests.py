"""Griffe extension for the API pages: the docstrings' doctest examples (``>>>`` lines and
their output) become fenced Python code, as they are code, not Markdown."""

from __future__ import annotations

from typing import Any

import griffe


def _fence(text: str) -> str:
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(">>>") and not in_code:
            out += ["", "```pycon"]
            in_code = True
        elif in_code and not stripped:
            out += ["```", ""]
            in_code = False
        out.append(line.strip() if in_code else line)
    if in_code:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = _fence(obj.docstring.value)

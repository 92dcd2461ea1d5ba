"""The sections' headers and footers: where the page number field is."""

from __future__ import annotations

from vanban._docx_reader import DocxView, ParaView


def page_field(view: DocxView, names: dict[str, str]) -> tuple[str | None, ParaView | None]:
    """Which header or footer of a section (``default``, ``even``, ``first``) holds a PAGE
    field, and its first paragraph; ``(None, None)`` when none does."""
    for kind in ("default", "even", "first"):
        part = view.parts.get(names.get(kind, ""))
        if part and any(f.strip().upper().startswith("PAGE") for f in part.fields):
            para = next((p for p in part.paragraphs if p.runs), None)
            return kind, para
    return None, None

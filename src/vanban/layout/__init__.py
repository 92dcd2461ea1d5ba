"""From a model to the document's content as data (role-tagged blocks).

This is the one place where numbering, punctuation and wording happen.
"""

from __future__ import annotations

from vanban.layout.blocks import Block, Layout, NoteRef, Role, Rule
from vanban.models.common import Document


def layout(doc: Document) -> Layout:
    """Lay out any supported document."""
    if doc.doc_type == "ke_hoach":
        from vanban.layout.ke_hoach import layout as lay

        return lay(doc)  # type: ignore[arg-type]
    raise NotImplementedError(f"no layout for document type {doc.doc_type!r}")


__all__ = ["Block", "Layout", "NoteRef", "Role", "Rule", "layout"]

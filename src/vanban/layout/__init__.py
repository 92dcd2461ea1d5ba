"""From a model to the document's content as data (role-tagged blocks).

This is the one place where numbering, punctuation and wording happen.
"""

from __future__ import annotations

from vanban import registry
from vanban.layout.blocks import Block, Layout, NoteRef, Role, Rule
from vanban.models.common import Document


def layout(doc: Document) -> Layout:
    """Lay out any document, by its type's layout module (:mod:`vanban.registry`)."""
    return registry.layout(doc.doc_type)(doc)


__all__ = ["Block", "Layout", "NoteRef", "Role", "Rule", "layout"]

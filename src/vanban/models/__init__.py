"""The document models: what the user says, nothing about looks.

The shared parts of every administrative document live in :mod:`.common`; the body blocks
in :mod:`.blocks`; each document type in a module of its own (:mod:`.ke_hoach`, …: see :mod:`vanban.registry`).
"""

from typing import Any

from vanban.models.appendix import Appendix
from vanban.models.articles import Article, Chapter, ChapterSection
from vanban.models.blocks import (
    Bullet,
    Bullets,
    Cell,
    Column,
    Duties,
    GroupRow,
    Item,
    Letter,
    Letters,
    NumberRow,
    PageBreak,
    Paragraph,
    Section,
    Table,
    Task,
    TaskColumn,
    TaskGroup,
    TaskPart,
    TaskTable,
)
from vanban.models.common import Archive, Document, Format, Issuer, Margins, Recipient, Signer
from vanban.models.types import DocDate

__all__ = [
    "DOCUMENT_TYPES",
    "Appendix",
    "Archive",
    "Article",
    "Bullet",
    "Bullets",
    "Cell",
    "Chapter",
    "ChapterSection",
    "Column",
    "DocDate",
    "Document",
    "Duties",
    "Format",
    "GroupRow",
    "Issuer",
    "Item",
    "Letter",
    "Letters",
    "Margins",
    "NumberRow",
    "PageBreak",
    "Paragraph",
    "Recipient",
    "Section",
    "Signer",
    "Table",
    "Task",
    "TaskColumn",
    "TaskGroup",
    "TaskPart",
    "TaskTable",
]


def __getattr__(name: str) -> Any:
    # The types' models by class name (vanban.models.KeHoach), from the registry, imported
    # on first use: a program that reads one type does not build the models of all 29.
    from vanban.registry import class_names, model, models

    if name == "DOCUMENT_TYPES":  # document types by the ``type`` key of a data file
        return models()
    key = class_names().get(name)
    if key is None:
        raise AttributeError(f"module 'vanban.models' has no attribute {name!r}")
    return model(key)

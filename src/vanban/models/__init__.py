"""The document models: what the user says, nothing about looks.

The shared parts of every administrative document live in :mod:`.common`; the body blocks
in :mod:`.blocks`; each document type in a module of its own (:mod:`.ke_hoach`).
"""

from vanban.models.appendix import Appendix
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
    PageBreak,
    Paragraph,
    Section,
    Table,
    Task,
    TaskColumn,
    TaskGroup,
    TaskTable,
)
from vanban.models.common import Archive, Document, Format, Issuer, Margins, Recipient, Signer
from vanban.models.ke_hoach import KeHoach
from vanban.models.types import DocDate

#: Document types by the ``type`` key of a data file.
DOCUMENT_TYPES: dict[str, type[Document]] = {"ke_hoach": KeHoach}

__all__ = [
    "DOCUMENT_TYPES",
    "Appendix",
    "Archive",
    "Bullet",
    "Bullets",
    "Cell",
    "Column",
    "DocDate",
    "Document",
    "Duties",
    "Format",
    "GroupRow",
    "Issuer",
    "Item",
    "KeHoach",
    "Letter",
    "Letters",
    "Margins",
    "PageBreak",
    "Paragraph",
    "Recipient",
    "Section",
    "Signer",
    "Table",
    "Task",
    "TaskColumn",
    "TaskGroup",
    "TaskTable",
]

"""The document types vanban makes, found once; everything else is derived from here.

A document type is three files named by its key (the ``type:`` of a data file, one of the
decree's types in :data:`vanban.nd30.doctypes.DOC_TYPES`):

- ``vanban/models/<key>.py``: its model, the :class:`~vanban.models.common.Document` subclass
  named after the key in CamelCase (``quyet_dinh`` → ``QuyetDinh``);
- ``vanban/layout/<key>.py``: ``layout(doc) -> Layout``;
- ``templates/<key>/word/document.xml``: its Word template.

Types laid out by one Mẫu (the seventeen of Mẫu 1.4) share its layout module and template
folder: their models name them (``layout_module``, ``template_folder``).

The registry finds the model modules by their names, without importing them, so that
``import vanban`` stays cheap; the model union of the loader, the layout dispatch, the
template lookup, the ``schema`` command and the root exports all read it.

>>> "ke_hoach" in type_keys()
True
>>> class_name("cong_van")
'CongVan'
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vanban.nd30.doctypes import DOC_TYPES

if TYPE_CHECKING:
    from vanban.layout.blocks import Layout
    from vanban.models.common import Document

_MODELS = Path(__file__).parent / "models"


def class_name(key: str) -> str:
    """The model class of a type key: CamelCase (``ke_hoach`` → ``KeHoach``)."""
    return "".join(part.capitalize() for part in key.split("_"))


@functools.cache
def type_keys() -> tuple[str, ...]:
    """The keys of the document types vanban makes, in the decree's order (Phụ lục III)."""
    # The module names in models/, as pkgutil.iter_modules finds them, without importing
    # pkgutil (this runs at ``import vanban``).
    suffixes = tuple(importlib.machinery.all_suffixes())
    found = {name.partition(".")[0] for name in os.listdir(_MODELS) if name.endswith(suffixes)}
    return tuple(k for k in DOC_TYPES if k in found)


@functools.cache
def class_names() -> dict[str, str]:
    """Model class name → type key, for the root exports (``vanban.QuyetDinh``)."""
    return {class_name(k): k for k in type_keys()}


@functools.cache
def model(key: str) -> type[Document]:
    """The model of a type; :class:`KeyError` when vanban does not make it."""
    if key not in type_keys():
        raise KeyError(key)
    cls: type[Document] = getattr(importlib.import_module(f"vanban.models.{key}"), class_name(key))
    return cls


def models() -> dict[str, type[Document]]:
    """Every type's model by key."""
    return {k: model(k) for k in type_keys()}


@functools.cache
def layout(key: str) -> Callable[[Document], Layout]:
    """The layout function of a type."""
    if key not in type_keys():
        raise KeyError(key)
    module = model(key).layout_module or key  # types of one Mẫu share its layout
    fn: Callable[[Document], Layout] = importlib.import_module(f"vanban.layout.{module}").layout
    return fn

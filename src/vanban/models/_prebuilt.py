"""The built validators of the document models, kept on disk from one process to the next.

pydantic builds a model's validator on first use (the models are ``defer_build``): for a
document type that is ~30 ms of Python (``GenerateSchema`` walking every nested model), plus
~15 ms of importing ``importlib.metadata`` to look for pydantic plugins, in every process:
about a fifth of a cold ``vanban render``. The Rust validator itself is built from the core
schema in well under a millisecond. So the core schema of each type's model, once built, is
pickled into the cache folder (:func:`vanban._cache.cache_dir`, ``VANBAN_CACHE_DIR``), and the
next process makes the validator and serializer from it.

Safety:

- the entry's name is a hash of everything the schema is made from: this format's version,
  Python's, pydantic's and pydantic-core's, and the path, size and modification time of every
  ``.py`` file of ``vanban/``, ``vanban/models/`` and ``vanban/nd30/`` (what Python itself
  trusts for its ``.pyc`` files); an entry whose
  SHA-256 does not match its content is ignored and rewritten;
- pickle runs code: the folder must be this user's own and writable by no one else
  (:func:`vanban._cache.usable_cache`), as for the compiled templates kept beside;
- the ``metadata`` of the schema (JSON Schema hooks, some of them closures) is left out: the
  validator does not read it. The class keeps pydantic's lazy core schema, so its JSON Schema
  (``vanban schema``) is built by pydantic as before;
- any problem (no cache, a corrupt or unreadable entry, a schema that cannot be pickled) is a
  miss: pydantic builds the validator as it always did.

Only vanban's own models are cached (a user's subclass is built by pydantic). A validator made
from the cache is a plain ``SchemaValidator``: pydantic plugins (found through entry points,
``PYDANTIC_DISABLE_PLUGINS``) do not see it; set ``VANBAN_CACHE_DIR=`` (empty) to have them.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaSerializer, SchemaValidator

# pydantic's inner names this module leans on; in a pydantic without them the cache is off
# and the models are built as pydantic builds them (the tests pin what the names do).
try:
    from pydantic._internal._config import ConfigWrapper
    from pydantic._internal._mock_val_ser import MockValSer
except ImportError:  # pragma: no cover - another pydantic
    ConfigWrapper = MockValSer = None  # type: ignore[assignment, misc]

from vanban import _cache

#: Bumped when what is stored changes.
_FORMAT = "1"
_PACKAGE = Path(__file__).resolve().parent.parent


#: Where what a model's schema is made of can live: vanban's own modules, its models and the
#: decree's rules (layout, templates, the checker and the importers cannot change a schema).
_SOURCES = (_PACKAGE, _PACKAGE / "models", _PACKAGE / "nd30")


@functools.cache
def _fingerprint() -> str | None:
    """What the models are made from: the sources they can read (by stat, as Python trusts
    its .pyc files) and the versions of Python and pydantic."""
    h = hashlib.sha256(
        f"{_FORMAT}\0{sys.version}\0{pydantic.VERSION}\0{pydantic_core.__version__}".encode()
    )
    try:
        for folder in _SOURCES:
            with os.scandir(folder) as found:
                for entry in sorted(found, key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        st = entry.stat()
                        h.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return h.hexdigest()


def _entry(cls: type[BaseModel]) -> Path | None:
    folder = _cache.usable_cache(_cache.cache_dir())
    fingerprint = _fingerprint() if folder is not None else None
    if folder is None or fingerprint is None:
        return None
    # Named by the class and this installation, then the hash: a new entry replaces the
    # stale ones of the same class and installation (another vanban's are left alone).
    key = hashlib.sha256(f"{fingerprint}\0{cls.__module__}\0{cls.__qualname__}".encode())
    return folder / "models" / f"{_prefix(cls)}.{key.hexdigest()[:32]}.pickle"


def _prefix(cls: type[BaseModel]) -> str:
    where = hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:12]
    return f"{cls.__module__}.{cls.__qualname__}.{where}"


def _without_metadata(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_metadata(v) for k, v in schema.items() if k != "metadata"}
    if isinstance(schema, list):
        return [_without_metadata(v) for v in schema]
    return schema


def _core_config(cls: type[BaseModel]) -> Any:
    # What pydantic's complete_model_class gives the validator and the serializer.
    return ConfigWrapper(cls.model_config, check=False).core_config(title=cls.__name__)


def _load(path: Path) -> Any:
    body = _cache.read_entry(path)
    if body is None:
        return None
    try:
        return pickle.loads(body)
    except Exception:  # a stale or foreign entry: a miss
        return None


def _store(cls: type[BaseModel]) -> None:
    path = _entry(cls)
    if path is None:
        return
    try:
        schema = _without_metadata(cls.__pydantic_core_schema__)
        body = pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a closure in the schema: not cached, built anew each time
        return
    if not _cache.write_entry(path, body):
        return
    # This class's entries made from other sources of this installation (before an edit or
    # an upgrade): never read again, so removed rather than left to grow.
    try:
        for stale in path.parent.glob(f"{_prefix(cls)}.*.pickle"):
            if stale.name != path.name:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


def _install(cls: type[BaseModel]) -> bool:
    """Give ``cls`` its validator and serializer from the cache; False on a miss."""
    path = _entry(cls)
    schema = _load(path) if path is not None else None
    if schema is None:
        return False
    try:
        config = _core_config(cls)
        validator = SchemaValidator(schema, config)
        serializer = SchemaSerializer(schema, config)
    except Exception:
        return False
    # pydantic's lazy core schema stays, and the class stays "not complete" for pydantic:
    # what reads the core schema (JSON Schema, a model that nests this one) builds it.
    type.__setattr__(cls, "__pydantic_validator__", validator)
    type.__setattr__(cls, "__pydantic_serializer__", serializer)
    return True


def cacheable(cls: type[BaseModel]) -> bool:
    """vanban's own models only: the fingerprint covers vanban's files, not a user's
    subclass in a notebook."""
    return cls.__module__.startswith("vanban.") and "<locals>" not in cls.__qualname__


def attach(cls: type[BaseModel]) -> None:
    """Make the first use of ``cls``'s validator or serializer read the cache (and, on a
    miss, let pydantic build them and store the result). Called when the class is made,
    while pydantic's placeholders (``defer_build``) are in place."""
    if MockValSer is None or ConfigWrapper is None or not cacheable(cls):
        return
    for attr in ("__pydantic_validator__", "__pydantic_serializer__"):
        mock = cls.__dict__.get(attr)
        build = getattr(mock, "_attempt_rebuild", None) if isinstance(mock, MockValSer) else None
        if build is not None and mock is not None:
            mock._attempt_rebuild = _first_use(cls, attr, build)


def _first_use(cls: type[BaseModel], attr: str, build: Callable[..., Any]) -> Callable[..., Any]:
    def handler(*, parent_namespace_depth: int = 5) -> Any:
        if _install(cls):
            return cls.__dict__[attr]
        found = build(parent_namespace_depth=parent_namespace_depth + 1)
        if found is not None and cls.__pydantic_complete__:
            _store(cls)
        return found

    return handler


def resolve_fields(*classes: type[BaseModel]) -> None:
    """Resolve the fields' annotations that named a class defined later in the module
    (``Task.rows: list[TaskPart]``), without building the validator as ``model_rebuild``
    does: the error messages read ``model_fields`` to name the fields of a path. In a
    pydantic without the inner function, the models are built (``model_rebuild``)."""
    try:
        from pydantic._internal._fields import rebuild_model_fields
        from pydantic._internal._namespace_utils import NsResolver
    except ImportError:  # pragma: no cover - another pydantic
        for cls in classes:
            cls.model_rebuild(_parent_namespace_depth=0)
        return
    for cls in classes:
        if not cls.__pydantic_fields_complete__:
            fields, extra = rebuild_model_fields(
                cls,
                config_wrapper=ConfigWrapper(cls.model_config, check=False),
                ns_resolver=NsResolver(),
                typevars_map={},
            )
            type.__setattr__(cls, "__pydantic_fields__", fields)
            type.__setattr__(cls, "__pydantic_extra_info__", extra)

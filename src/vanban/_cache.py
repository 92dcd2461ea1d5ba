"""vanban's cache folder on disk: where prepared templates and built model validators are kept.

What is cached is code (template sources, compiled templates, pickled validators), so the
folder must be this user's own and writable by no one else; any error of the cache (no home,
read-only disk, a corrupt entry) is the same as a miss. This module imports nothing heavy:
the loader reads it before Jinja or the templates are needed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from vanban import _files


def cache_dir() -> Path | None:
    """The cache folder: ``$VANBAN_CACHE_DIR`` (empty: no cache), else
    ``$XDG_CACHE_HOME/vanban``, else ``~/.cache/vanban``."""
    value = os.environ.get("VANBAN_CACHE_DIR")
    if value is not None:
        return Path(value) if value.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vanban"


def usable_cache(folder: Path | None) -> Path | None:
    """``folder``, created if need be, when it is safe to cache in; else ``None``.

    What is cached is code (template source, compiled templates), so the folder must be
    this user's own and writable by no one else, as Jinja requires of its own cache.
    """
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return None
    return folder


def read_entry(path: Path) -> bytes | None:
    """The body of the entry ``path`` (written by :func:`write_entry`), or ``None`` when it
    cannot be read or its SHA-256 does not match its content."""
    try:
        digest, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    if digest.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
        return None
    return body


def write_entry(path: Path, body: bytes) -> bool:
    """Write ``body`` to ``path`` after its SHA-256, atomically; False when it could not be
    (no cache: the next process computes again)."""
    data = hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _files.replace_atomically(path, data)
    except OSError:
        return False
    return True

"""vanban's cache folder on disk: where prepared templates and built model validators are kept.

What is cached is code (template sources, compiled templates, pickled validators), so the
folder must be this user's own and writable by no one else; any error of the cache (no home,
read-only disk, a corrupt entry) is the same as a miss. This module imports nothing heavy:
the loader reads it before Jinja or the templates are needed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


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

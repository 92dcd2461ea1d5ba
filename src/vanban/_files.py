"""Writing files atomically: a temporary file in the same folder, then a rename.

A reader never sees a half-written file, and a failure leaves any earlier file untouched.

- Only regular files are written: a device, a FIFO, a socket, or a symlink that leads to
  one, is refused (:class:`NotRegularFile`), never replaced.
- A link is never followed out of the folder the writer was given: a symlink whose file
  is in that same folder stays a symlink and the file it leads to is replaced; a symlink
  that leads anywhere else, or nowhere (dangling), is refused (:class:`LinkOutside`), and
  nothing is written (``out/a.docx -> ../outside/victim.txt`` leaves the victim alone).
- Inputs are opened only when they are regular files (:func:`open_input`): a FIFO, a
  device or a socket given as an input is refused at once, never waited on.
- A new file gets the mode ``open()`` would give it under the current umask (``0666 &
  ~umask``); an existing file keeps its mode.
- The temporary file is named ``.<name>.<pid>.<random>.vbtmp``. If the process is killed
  between creating and renaming it (``kill -9``), the next write to the same folder removes
  the temporary files of ours whose process is gone or which are older than a day (the
  first time this process writes into that folder).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

_SUFFIX = ".vbtmp"
_STALE = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.vbtmp$")
_DAY = 24 * 3600


class NotRegularFile(OSError):
    """The path is not a regular file (a device, FIFO, socket, folder): its ``strerror`` is
    the Vietnamese message (``errno`` 0, so that no system message replaces it)."""


class LinkOutside(NotRegularFile):
    """The output path is a symlink that leads out of its folder, or nowhere."""


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "thư mục"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "thiết bị"
    if stat.S_ISFIFO(mode):
        return "FIFO (ống)"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "không phải tệp thường"


def target_mode(path: Path) -> int:
    """The mode ``path`` must have once written: its own when it exists as a regular file,
    else what ``open()`` gives under the umask. :class:`NotRegularFile` when it is anything
    else (checked through symlinks)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        if exc.errno in (36, 63):  # ENAMETOOLONG (Linux, macOS)
            raise OSError(exc.errno, "tên tệp quá dài", str(path)) from None
        raise
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(
            0, f"{path} là {_kind(st.st_mode)}, không phải tệp thường: không ghi đè", str(path)
        )
    return stat.S_IMODE(st.st_mode)


def _link_inside(link: Path) -> Path:
    """The file the symlink ``link`` leads to, when it is a regular file in the link's own
    folder; :class:`LinkOutside` else (elsewhere, in a subfolder, dangling, a loop)."""
    folder = link.parent if str(link.parent) else Path(".")
    target = Path(os.path.realpath(link))
    try:
        st = os.lstat(target)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(
            0, f"{link} là {_kind(st.st_mode)}, không phải tệp thường: không ghi đè", str(link)
        )
    if st is None or os.path.realpath(target.parent) != os.path.realpath(folder):
        where = os.readlink(link) if os.path.islink(link) else str(target)
        raise LinkOutside(
            0,
            f"{link} là liên kết tượng trưng tới {where}"
            + (" (không tồn tại)" if st is None else ", ngoài thư mục của nó")
            + ": không ghi qua liên kết",
            str(link),
        )
    return target


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, belongs to someone else
        return True
    return True


#: Folders this process has cleaned already: once each, so that a batch of n files into one
#: folder does not list it n times.
_cleaned: set[str] = set()


def clean_stale(folder: Path) -> None:
    """Remove our temporary files left in ``folder`` by a killed process (once per folder
    and process)."""
    key = os.path.abspath(folder)
    if key in _cleaned:
        return
    _cleaned.add(key)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        m = _STALE.match(name)
        if m is None:
            continue
        path = folder / name
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and (
                not _alive(int(m.group(1))) or now - st.st_mtime > _DAY
            ):
                os.unlink(path)


def replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary sibling and ``os.replace``.

    OSError from creating the temporary file or renaming it propagates (NotRegularFile when
    ``path`` is not a regular file); the temporary file never outlives a failure.
    """
    if os.path.islink(path):  # a link to a regular file beside it: write it, keep the link
        path = _link_inside(path)
    mode = target_mode(path)
    folder = path.parent if str(path.parent) else Path(".")
    clean_stale(folder)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name[:100]}.{os.getpid()}.", suffix=_SUFFIX, dir=folder
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            os.fchmod(f.fileno(), mode)
        target_mode(path)  # still not a device: refused if one appeared meanwhile
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _describe(path: str | os.PathLike[str], mode: int) -> str:
    return f"{os.fspath(path)} là {_kind(mode)}, không phải tệp thường: không đọc"


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading, only when it is a regular file (through symlinks).

    A FIFO, a device, a socket or a folder raises :class:`NotRegularFile` at once: the file
    is opened non-blocking, so a FIFO with no writer cannot make the open wait, then checked
    with ``fstat`` on what was opened (no race between a check and the open). Other OSError
    (missing, unreadable) propagates.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise NotRegularFile(
            0, f"{os.fspath(path)} là thư mục, không phải tệp", str(path)
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, _describe(path, mode), str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the regular file ``path`` (:func:`open_input`): a
    caller compares the length with its limit, and a file larger than the limit is never
    read further than that."""
    with open_input(path) as f:
        return f.read(max_bytes + 1)


def input_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be an input (not a regular file), without opening it; None when
    it is a regular file or does not exist (the reader reports that)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else _describe(path, mode)

"""The one exception hierarchy of vanban, and its warning category.

Everything vanban raises on purpose is a :class:`VanbanError`. Problems with the input are
:class:`ValidationError` (also a :class:`ValueError`), carrying every problem found, each
with its location in the file, its field path, a code and a message in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban._record import FrozenRecord


class VanbanError(Exception):
    """Base class of every error vanban raises on purpose."""


@dataclass(init=False, repr=False, eq=False)  # methods by hand: see vanban._record
class Problem(FrozenRecord):
    """One problem with the input: where, which field, what kind, and what to do.

    ``path`` is the field path as it reads in YAML (``sections[1].content[2].deadline``);
    ``line`` and ``column`` are 1-based positions in the source file when it is known.
    """

    path: str
    code: str
    message: str
    source: str | None = None
    line: int | None = None
    column: int | None = None

    def __init__(
        self,
        path: str,
        code: str,
        message: str,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "path", path)
        setattr_(self, "code", code)
        setattr_(self, "message", message)
        setattr_(self, "source", source)
        setattr_(self, "line", line)
        setattr_(self, "column", column)

    def __str__(self) -> str:
        where = ""
        if self.source is not None or self.line is not None:
            parts = [self.source or "<input>"]
            if self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
            where = ":".join(parts) + ": "
        field = f"{self.path}: " if self.path else ""
        return f"{where}{field}{self.message}"


class ValidationError(VanbanError, ValueError):
    """The input does not describe a valid document. ``errors`` lists every problem found."""

    def __init__(self, errors: list[Problem]) -> None:
        self.errors = list(errors)
        super().__init__(self._summary())

    def _summary(self) -> str:
        n = len(self.errors)
        head = "1 lỗi" if n == 1 else f"{n} lỗi"
        return f"{head} trong dữ liệu văn bản:\n" + "\n".join(f"  {e}" for e in self.errors)

    def __str__(self) -> str:
        return self._summary()


class InputError(VanbanError, OSError):
    """A file could not be read or written (missing, unreadable, too large, read-only folder)."""


class TemplateError(VanbanError):
    """A template could not be prepared or rendered.

    For a user template, the message is in Vietnamese and says where: ``template`` (the
    file), ``part`` (``word/document.xml``), ``line`` in that part and ``tag`` (the Jinja tag,
    as written). The command line reports it with exit code 1, like other bad input.
    """

    def __init__(
        self,
        message: str,
        *,
        template: str = "",
        part: str | None = None,
        line: int | None = None,
        tag: str | None = None,
    ) -> None:
        self.message = message
        self.template = template
        self.part = part
        self.line = line
        self.tag = tag
        super().__init__(message)

    def __str__(self) -> str:
        where = []
        if self.template:
            where.append(f"mẫu {self.template}")
        if self.part:
            where.append(f"phần {self.part}")
        if self.line is not None:
            where.append(f"dòng {self.line}")
        head = ", ".join(where)
        tag = f" (thẻ: {escape_control(self.tag)})" if self.tag else ""
        return (f"{head}: " if head else "") + self.message + tag


def escape_control(text: str) -> str:
    r"""``text`` with control characters shown escaped, safe to print to a terminal: an
    ESC sequence in a value must not reach it raw.

    >>> escape_control("a\x1b[31mb\tc")
    'a\\x1b[31mb\\tc'
    """
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


class VanbanWarning(UserWarning):
    """Something that is allowed but probably not meant (a date far ahead, a Lưu line added)."""


#: The OS's messages that can reach a user, in Vietnamese (by errno name).
_OS_MESSAGES = {
    "ENOENT": "không tìm thấy tệp hoặc thư mục",
    "EACCES": "không có quyền",
    "EPERM": "không được phép",
    "EISDIR": "là một thư mục",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "ENAMETOOLONG": "tên tệp quá dài",
    "ENOSPC": "hết chỗ trên đĩa",
    "EROFS": "ổ đĩa chỉ đọc",
    "EEXIST": "tệp đã có",
    "EXDEV": "khác ổ đĩa",
    "EDQUOT": "vượt hạn mức đĩa",
    "ELOOP": "liên kết tượng trưng vòng lặp",
    "EBUSY": "tệp đang bận",
    "EINVAL": "tên hoặc tham số không hợp lệ",
    "EIO": "lỗi đọc/ghi đĩa",
}


def os_message(exc: OSError) -> str:
    """The Vietnamese text of an OS error (its English ``strerror`` never reaches a user)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_MESSAGES:
        return _OS_MESSAGES[name]
    if exc.strerror and not exc.strerror.isascii():
        return exc.strerror  # already ours
    return f"lỗi hệ thống {name or type(exc).__name__}"

"""The one exception hierarchy of vanban, and its warning category.

Everything vanban raises on purpose is a :class:`VanbanError`. Problems with the input are
:class:`ValidationError` (also a :class:`ValueError`), carrying every problem found, each
with its location in the file, its field path, a code and a message in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass


class VanbanError(Exception):
    """Base class of every error vanban raises on purpose."""


@dataclass(frozen=True)
class Problem:
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
    """A template could not be prepared or rendered."""


class VanbanWarning(UserWarning):
    """Something that is allowed but probably not meant (a date far ahead, a Lưu line added)."""

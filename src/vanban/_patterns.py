"""Regular expressions compiled on their first use, not when their module is imported.

A pattern for a rare path (a warning's check, a date line the checker reads, an appendix
id) costs its compilation in every process that imports its module, a cold ``vanban
render`` included: 0.1–0.5 ms each, a few milliseconds in all. A :class:`LazyPattern`
compiles it the first time it is called, and keeps it.

>>> _WORD = LazyPattern(r"\\w+")
>>> _WORD.compiled
False
>>> _WORD().findall("Hà Nội")
['Hà', 'Nội']
>>> _WORD.compiled, _WORD() is _WORD()
(True, True)
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(source, flags)`` on the first call; the same pattern on every call.

    The source and the flags are checked when the pattern is compiled, so every one of them
    is compiled by the tests (tests/test_regex_linear.py times each on hostile input).
    """

    __slots__ = ("_pattern", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._pattern: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        pattern = self._pattern
        if pattern is None:
            pattern = self._pattern = re.compile(self.source, self.flags)
        return pattern

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled (by a first call)."""
        return self._pattern is not None

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r}, {self.flags!r})"

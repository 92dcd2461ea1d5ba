"""Word's automatic numbering (``word/numbering.xml``): the label a numbered paragraph shows.

A paragraph names a list (``w:numId``) and a level (``w:ilvl``); the list's abstract
definition gives each level a format (``decimal``, ``lowerLetter``, ``upperRoman``,
``bullet``…), a text with placeholders (``"%1."``, ``"%1.%2."``, ``"%2)"``) and a start.
Counting the paragraphs of each list in document order gives what Word prints before the
text, which the paragraph's own text does not hold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
#: Bullet glyphs of the symbol fonts, shown as the dash Vietnamese documents use.
_BULLETS = {"\uf0b7": "•", "\uf02d": "-", "\uf0a7": "▪", "\uf0d8": "➢", "o": "o"}


@dataclass(frozen=True)
class Level:
    """One level of a list: its number format, label text and first number."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(n: int) -> str:
    """>>> _roman(14)
    'XIV'
    """
    out = ""
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += digits
            n -= value
    return out


def _letter(n: int) -> str:
    """Word's letters: a…z, then aa, bb…

    >>> _letter(1), _letter(26), _letter(27)
    ('a', 'z', 'aa')
    """
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a level's format.

    >>> [format_number(3, f) for f in ("decimal", "lowerLetter", "upperRoman", "decimalZero")]
    ['3', 'c', 'III', '03']
    """
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class Numbering:
    """The lists of a document and their counters, counted in document order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    _counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: ET.Element | None) -> Numbering:
        """The lists of a ``w:numbering`` part (``None``: a document without lists)."""
        out = cls()
        if root is None:
            return out
        for a in root.findall(f"{_W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in a.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0") or 0)
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = Level(
                    fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                    text.get(_VAL, "") if text is not None else "",
                    int(start.get(_VAL, "1") or 1) if start is not None else 1,
                )
            out.abstract[a.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            out.nums[num_id] = ref.get(_VAL, "") if ref is not None else ""
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    ilvl = int(override.get(f"{_W}ilvl", "0") or 0)
                    out.overrides[(num_id, ilvl)] = int(start.get(_VAL, "1") or 1)
        return out

    def level(self, num_id: str, ilvl: int) -> Level | None:
        return self.abstract.get(self.nums.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one more paragraph of list ``num_id`` at level ``ilvl``; its label."""
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        this = levels.get(ilvl)
        if this is None:
            return ""
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            k = len(counters)
            first = self.overrides.get((num_id, k), levels.get(k, Level()).start)
            counters.append(first - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]
        if this.fmt == "bullet":
            glyph = this.text.strip()
            return _BULLETS.get(glyph, glyph or "•")
        text = this.text
        for k in range(ilvl + 1):
            level = levels.get(k, Level())
            value = counters[k] if k < len(counters) else level.start
            text = text.replace(f"%{k + 1}", format_number(value, level.fmt))
        return text

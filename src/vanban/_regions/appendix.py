"""The phụ lục after the document (Phụ lục I, III.1): their headings and reference lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban._regions.closing import APPENDIX_RE
from vanban._regions.paragraphs import key
from vanban._regions.state import Reading


@dataclass
class Appendix:
    """One phụ lục: its heading ("PHỤ LỤC I"), the number printed in it, and its
    "(Kèm theo …)" line."""

    heading: int
    number: str | None
    reference: int | None


@dataclass
class Appendices:
    items: list[Appendix] = field(default_factory=list)

    @property
    def heads(self) -> list[int]:
        return [a.heading for a in self.items]


def read_appendices(reading: Reading, start: int) -> Appendices:
    """Read the phụ lục from paragraph ``start`` on."""
    ps = reading.ps
    out = Appendices()
    for i in range(start, len(ps)):
        if not (
            ps[i].table is None
            and APPENDIX_RE.match(ps[i].text.strip())
            and len(ps[i].text) < 120
            and ps[i].alignment == "center"
        ):
            continue
        match = APPENDIX_RE.match(ps[i].text.strip())
        reference = next(
            (j for j in range(i + 1, min(len(ps), i + 5)) if key(ps[j]).startswith("(Kèm theo")),
            None,
        )
        out.items.append(Appendix(i, match.group(3) if match else None, reference))
    return out

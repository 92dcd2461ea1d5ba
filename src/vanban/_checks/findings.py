"""Findings: what the checker says, where, and how repeated departures are grouped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vanban._regions.paragraphs import in_range, sizes
from vanban._regions.state import Reading
from vanban.nd30 import page
from vanban.nd30.catalogue import ERROR, RULES

#: How many locations a grouped finding lists.
MAX_LOCATIONS = 3


@dataclass(frozen=True)
class Where:
    """Where a finding is: estimated page, paragraph as a reader counts them, an excerpt."""

    page_estimate: int | None = None
    paragraph: int | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        parts = []
        if self.page_estimate:
            parts.append(f"trang ~{self.page_estimate}")
        if self.paragraph:
            parts.append(f"đoạn {self.paragraph}")
        if self.excerpt:
            parts.append(f"«{self.excerpt}»")
        return ", ".join(parts)


@dataclass
class Finding:
    """One departure from a rule; repeated departures of a rule are grouped (``count``)."""

    rule: str
    severity: str
    clause: str
    component: str
    message: str
    expected: str = ""
    found: str = ""
    where: Where = field(default_factory=Where)
    count: int = 1
    more: list[Where] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"[{self.rule}] {self.component}: {self.message}"
        if self.expected or self.found:
            text += f" (cần «{self.expected}», thấy «{self.found}»)"
        where = str(self.where)
        if where:
            text += f" — {where}"
        if self.count > 1:
            text += f" (và {self.count - 1} chỗ khác)"
        return text

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in docs/checker.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "clause": self.clause,
            "component": self.component,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "where": {
                "page_estimate": self.where.page_estimate,
                "paragraph": self.where.paragraph,
                "excerpt": self.where.excerpt,
            },
            "count": self.count,
        }


@dataclass
class Report:
    """What the checker says about one file."""

    file: str
    document_type: str | None
    in_scope: bool
    findings: list[Finding]
    #: What the type and the scope were decided on: (what was seen, where).
    evidence: list[tuple[str, Where]] = field(default_factory=list)
    #: Why the document is out of scope (``None`` in scope).
    scope_reason: str | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def scope_line(self) -> str:
        """The type or the scope in one line, with what it was decided on."""
        if not self.in_scope:
            return f"ngoài phạm vi — {self.scope_reason}"
        seen = "; ".join(what for what, _ in self.evidence)
        kind = self.document_type or "không xác định"
        return f"{kind} ({seen})" if seen else kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "document_type": self.document_type,
            "in_scope": self.in_scope,
            "scope": {"in_scope": self.in_scope, "reason": self.scope_reason},
            "evidence": [
                {"what": what, "paragraph": where.paragraph, "excerpt": where.excerpt}
                for what, where in self.evidence
            ],
            "findings": [f.to_dict() for f in self.findings],
        }


def cm(twips: int | float) -> str:
    """A length as a clerk reads it: "2,5 cm"."""
    return f"{twips / page.mm(10):.2f}".rstrip("0").rstrip(".").replace(".", ",") + " cm"


def mm(twips: int | float) -> str:
    """A length in millimetres: "20 mm"."""
    return f"{twips / page.TWIPS_PER_MM:.1f}".rstrip("0").rstrip(".").replace(".", ",") + " mm"


def pt(value: float) -> str:
    """A size in points: "13,5 pt"."""
    return f"{value:g}".replace(".", ",") + " pt"


def range_text(lo: float, hi: float) -> str:
    """A range of sizes: "13–14 pt", or one size."""
    return pt(lo) if lo == hi else f"{lo:g}–{hi:g} pt"


class Collector:
    """The findings of one document, grouped per rule in the order first seen."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.groups: dict[str, Finding] = {}
        self.order: list[str] = []

    def where(self, i: int | None) -> Where:
        ps = self.reading.ps
        if i is None or not 0 <= i < len(ps):
            return Where()
        text = " ".join(ps[i].text.split())
        return Where(self.reading.page_of[i], self.reading.reader_no[i] or None, text[:60])

    def add(
        self,
        rule_id: str,
        message: str,
        i: int | None = None,
        expected: str = "",
        found: str = "",
    ) -> None:
        rule = RULES[rule_id]
        if rule_id in self.groups:
            f = self.groups[rule_id]
            f.count += 1
            if len(f.more) < MAX_LOCATIONS - 1:
                f.more.append(self.where(i))
            return
        self.order.append(rule_id)
        self.groups[rule_id] = Finding(
            rule_id,
            rule.severity,
            rule.clause,
            rule.component,
            message,
            expected,
            found,
            self.where(i),
        )

    def size_rule(self, rule_id: str, i: int, lo: float, hi: float, what: str) -> None:
        """A finding when the paragraph's sizes are outside ``lo``–``hi`` points."""
        found_sizes = sizes(self.reading.ps[i])
        if found_sizes and not in_range(found_sizes, lo, hi):
            found = ", ".join(pt(s) for s in found_sizes)
            self.add(rule_id, f"{what}: cỡ chữ {found}", i, range_text(lo, hi), found)

    def findings(self) -> list[Finding]:
        return [self.groups[k] for k in self.order]

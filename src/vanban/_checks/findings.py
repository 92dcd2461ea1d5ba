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


#: The columns of :meth:`Findings.to_dataframe`: English key (``Finding.to_dict``, ``where``
#: flattened) and Vietnamese heading.
FINDING_COLUMNS = (
    ("severity", "Mức"),
    ("rule", "Quy tắc"),
    ("clause", "Căn cứ (NĐ30)"),
    ("component", "Thành phần"),
    ("message", "Nội dung"),
    ("expected", "Cần"),
    ("found", "Thấy"),
    ("page_estimate", "Trang (ước tính)"),
    ("paragraph", "Đoạn"),
    ("excerpt", "Trích"),
    ("count", "Số chỗ"),
)
_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


class Findings(list[Finding]):
    """The findings of one check (a list of :class:`Finding`): a table in Jupyter
    (``_repr_html_``), :meth:`to_dataframe` for pandas, :meth:`records` without it."""

    def records(self, *, english: bool = False) -> list[dict[str, Any]]:
        """One flat mapping per finding, Vietnamese headings (``english=True``: the keys of
        the JSON output); an empty text or an unknown page is ``None``, the one empty value."""
        out = []
        for f in self:
            flat = {k: v for k, v in f.to_dict().items() if k != "where"} | f.to_dict()["where"]
            if not english:
                flat["severity"] = _SEVERITY_VI.get(f.severity, f.severity)
            row = {}
            for key, heading in FINDING_COLUMNS:
                value = flat[key]
                row[key if english else heading] = None if value in ("", None) else value
            out.append(row)
        return out

    def to_dataframe(self, *, english: bool = False) -> Any:
        """A pandas DataFrame, one row per finding: Vietnamese column names (``english=True``:
        rule, severity, clause…), text columns of pandas' ``string`` type, page and paragraph
        as whole numbers, every empty cell ``pd.NA``. pandas is not a dependency of vanban."""
        pd = _pandas("Findings.to_dataframe()")
        names = [k if english else h for k, h in FINDING_COLUMNS]
        frame = pd.DataFrame.from_records(self.records(english=english), columns=names)
        whole = {names[i] for i, (k, _) in enumerate(FINDING_COLUMNS) if k in _WHOLE}
        return frame.astype({n: "Int64" if n in whole else "string" for n in names})

    def _repr_html_(self) -> str:
        """A table for Jupyter (Mức, Quy tắc, Thành phần, Nội dung, Cần/Thấy, Vị trí); every
        text escaped."""
        import html

        if not self:
            return "<p>Không thấy điều gì sai (0 phát hiện).</p>"
        head = "".join(
            f"<th>{h}</th>"
            for h in ("Mức", "Quy tắc", "Thành phần", "Nội dung", "Cần", "Thấy", "Vị trí")
        )
        rows = []
        for f in self:
            where = str(f.where) + (f" (và {f.count - 1} chỗ khác)" if f.count > 1 else "")
            cells = (
                _SEVERITY_VI.get(f.severity, f.severity),
                f"{f.rule}\n{f.clause}".strip(),
                f.component,
                f.message,
                f.expected,
                f.found,
                where,
            )
            tds = "".join(
                f'<td style="text-align:left">{html.escape(c).replace(chr(10), "<br>")}</td>'
                for c in cells
            )
            rows.append(f'<tr class="vanban-{html.escape(f.severity)}">{tds}</tr>')
        errors = sum(1 for f in self if f.severity == ERROR)
        caption = f"{errors} lỗi, {len(self) - errors} cảnh báo"
        return (
            f'<table class="vanban-findings"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def __repr__(self) -> str:
        errors = sum(1 for f in self if f.severity == ERROR)
        lines = [f"<Findings: {errors} lỗi, {len(self) - errors} cảnh báo>"]
        lines += [f"  {_SEVERITY_VI.get(f.severity, f.severity)} {f}" for f in self]
        return "\n".join(lines)


_WHOLE = ("page_estimate", "paragraph", "count")


def _pandas(what: str) -> Any:
    import importlib

    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ModuleNotFoundError(
            f"{what} cần thư viện pandas nhưng pandas chưa được cài đặt (pandas không phải "
            "phụ thuộc của vanban): cài bằng `pip install pandas`, hoặc dùng records()",
            name="pandas",
        ) from None


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

    def to_dataframe(self, *, english: bool = False) -> Any:
        """The findings as a pandas DataFrame (:meth:`Findings.to_dataframe`)."""
        return Findings(self.findings).to_dataframe(english=english)

    def _repr_html_(self) -> str:
        """The file, its type or scope, and the findings' table, for Jupyter."""
        import html

        title = html.escape(f"{self.file}: {self.scope_line()}" if self.file else self.scope_line())
        return f"<p><b>{title}</b></p>" + Findings(self.findings)._repr_html_()

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

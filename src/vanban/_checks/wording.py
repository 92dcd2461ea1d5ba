"""Rules on how the decree's fixed words are typed (Phụ lục I, II.1, II.6, II.9.b; Phụ lục
III, Mẫu 1.1–1.3): the Quốc hiệu on one line and the Tiêu ngữ's spaced hyphens, the
authority line, căn cứ and "QUYẾT ĐỊNH:" of a Quyết định, căn cứ in italics in the types
that print them without an issuing line (a Kế hoạch's), "Điều 1." bold with its full stop,
and a Nơi nhận under every signed type that has one."""

from __future__ import annotations

import re

from vanban._checks.findings import Collector
from vanban._docx_reader import ParaView
from vanban._regions import Regions
from vanban._regions.paragraphs import all_runs, centred, key, upper
from vanban.nd30 import recipients, rules, wording
from vanban.nd30.doctypes import DOC_TYPES, DocType

_ARCHIVE = "- " + recipients.archive_line(["…"])
#: A căn cứ line names the text it rests on (a Luật, Nghị định …) or a proposal.
_CITES = re.compile(
    r"\b(Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Công văn|"
    r"Văn bản|Hướng dẫn|Pháp lệnh|Hiến pháp|Chương trình|Thông báo|Tờ trình|đề nghị)\b"
)


def check_wording(out: Collector, regions: Regions) -> None:
    """Judge the typed forms of a document read in regions (in scope)."""
    header, heading, body, closing = regions.header, regions.heading, regions.body, regions.closing
    if header is None or heading is None or body is None or closing is None:
        return
    ps = out.reading.ps
    if not header.tabbed:
        nat = ps[header.national]
        if wording.national_broken(nat.text):
            out.add(
                "PL1.II.1a.national-one-line",
                "Quốc hiệu bị ngắt dòng",
                header.national,
                "một dòng",
                " ↵ ".join(x.strip() for x in re.split(r"[\n\t\v]", nat.text) if x.strip()),
            )
        if header.motto is not None:
            line = next(
                (
                    x
                    for x in re.split(r"[\n\t\v]", ps[header.motto].text)
                    if key(x).lower().startswith("độc lập")
                ),
                "",
            )
            expected = wording.motto_spacing_problem(line)
            if expected is not None:
                out.add(
                    "PL1.II.1b.motto-spacing",
                    "gạch nối trong Tiêu ngữ thiếu cách chữ",
                    header.motto,
                    expected,
                    " ".join(line.split()),
                )
    facts = DOC_TYPES.get(heading.doc_type or "")
    content = [i for i in range(heading.end + 1, closing.end) if ps[i].text.strip()]
    _check_decision(out, regions, facts, [i for i in content if ps[i].table is None])
    if facts is not None and facts.articles:
        for i in body.paragraphs:
            _check_article(out, i, ps[i])
    if closing.label is None and closing.signers and facts is not None and facts.recipients:
        out.add(
            "PL1.II.9b.recipients-missing",
            'không có khối "Nơi nhận:"',
            closing.signers[0].titles[0],
            f"{recipients.LABEL} … {_ARCHIVE}",
            "(không có)",
        )


def _check_decision(
    out: Collector, regions: Regions, facts: DocType | None, content: list[int]
) -> None:
    """The authority line, the căn cứ block and "QUYẾT ĐỊNH:" of a Quyết định (Mẫu 1.2, 1.3),
    and căn cứ in italics where no issuing line closes them."""
    ps = out.reading.ps
    body = regions.body
    assert body is not None
    issuing = next(
        (
            i
            for i in content[:25]
            if wording.issuing_word(ps[i].text) is not None
            and upper(ps[i].text)
            and (centred(ps[i]) or all_runs(ps[i], "bold"))
        ),
        None,
    )
    if issuing is not None and facts is not None and facts.decision_line:
        problem = wording.issuing_colon_problem(ps[issuing].text)
        if problem is not None:
            out.add(
                "PL3.QD.issuing-line",
                f'"{problem[0]}" thiếu dấu hai chấm',
                issuing,
                problem[0],
                problem[1],
            )
        before = [i for i in content if i < issuing]
        # the authority line: in capitals, or centred (its case is another rule's matter)
        authority = [
            i
            for i in before[:3]
            if (upper(ps[i].text) or centred(ps[i])) and not _is_basis(ps[i].text)
        ]
        if facts is not None and facts.authority and not authority:
            out.add(
                "PL3.QD.authority-missing",
                "quyết định không có dòng thẩm quyền ban hành",
                before[0] if before else issuing,
                "<THẨM QUYỀN BAN HÀNH> in hoa, đậm",
                "(không có)",
            )
        block = [i for i in before if i not in authority and ps[i].alignment != "center"]
        for i in block:
            if wording.basis_opening_problem(ps[i].text):
                t = " ".join(ps[i].text.split())
                out.add(
                    "PL1.II.6a.basis-form",
                    'dòng căn cứ không mở đầu bằng "Căn cứ"',
                    i,
                    "Căn cứ …",
                    t[:40],
                )
        if not body.issuing:  # the block the body rules did not read as căn cứ
            _italic_and_punctuation(out, [i for i in block if _is_basis(ps[i].text)])
        return
    if facts is not None and facts.basis_block and not body.issuing and not body.typed_as_basis:
        lines = [i for i in body.basis if _is_basis(ps[i].text)]
        if lines and len(lines) == len(body.basis):
            _italic_and_punctuation(out, lines, punctuation=False)


def _is_basis(text: str) -> bool:
    """A line that cites what a document rests on: "Căn cứ Luật …;", "Theo đề nghị của …"."""
    t = " ".join(text.split())
    cites = _CITES.search(t) is not None
    return t.startswith(wording.BASIS_OPENINGS) and cites and not t.endswith(":")


def _italic_and_punctuation(out: Collector, lines: list[int], *, punctuation: bool = True) -> None:
    ps = out.reading.ps
    for i in lines:
        if not all_runs(ps[i], "italic"):
            out.add("PL1.II.6a.basis-italic", "dòng căn cứ phải in nghiêng", i, "nghiêng", "đứng")
    if not punctuation:
        return
    for k, expected, found in rules.basis_problems([ps[i].text for i in lines]):
        out.add(
            "PL1.II.6a.basis-punctuation",
            f'căn cứ phải kết thúc bằng "{expected}"',
            lines[k],
            expected,
            found,
        )


def _check_article(out: Collector, i: int, p: ParaView) -> None:
    """The article label "Điều 1.": its full stop, and bold (II.6.đ)."""
    typed = (p.label + " " if p.numbered and p.label else "") + p.text
    typed = " ".join(typed.split())
    if not wording.is_article(typed):
        return
    problem = wording.article_label_problem(typed)
    if problem is not None:
        out.add(
            "PL1.II.6d.article-label",
            f'nhãn điều viết "{problem[1]}"',
            i,
            problem[0],
            problem[1],
        )
    if p.numbered and p.label:
        return  # the label's own formatting is the numbering's: not read
    label = re.match(r"^\s*(Điều\s+\d+)\s*[.:\-–)]", p.text)
    if label is None:
        return
    # The word and number must be bold; the stop after them may be set either way.
    lo, hi = label.span(1)
    unbold, at = False, 0
    for r in p.runs:
        a, b = at, at + len(r.text)
        at = b
        part = r.text[max(lo, a) - a : max(0, min(hi, b) - a)]
        if any(c.isalnum() for c in part) and not r.bold and not r.is_footnote_ref:
            unbold = True
    if unbold:
        out.add(
            "PL1.II.6d.article-bold",
            f'nhãn "{label.group(0).strip()}" phải in đậm',
            i,
            "đậm",
            "không đậm",
        )

"""Rules of the closing (Phụ lục I, II.7, II.9.b): the "Nơi nhận:" label, its lines and their
punctuation, the "Lưu" line last; the signer's quyền hạn, chức vụ and name."""

from __future__ import annotations

from vanban._checks.findings import Collector, pt, range_text
from vanban._regions.closing import Closing
from vanban._regions.paragraphs import all_runs, first_line_runs, in_range, sizes
from vanban.nd30 import recipients, rules

#: The archive line a finding shows ("- Lưu: VT, ….").
_ARCHIVE_LINE = "- " + recipients.archive_line(["…"])


def check_recipients(out: Collector, c: Closing) -> None:
    """Judge the Nơi nhận block."""
    if c.label is None:
        return
    ps = out.reading.ps
    label = c.label
    lp = first_line_runs(ps[label])
    text = " ".join(lp.text.split())
    label_text = recipients.LABEL
    if not text.startswith((label_text, label_text.replace(":", " :"))):
        unmarked = text.startswith(rules.without_marks(label_text))
        out.add(
            "PL1.II.9b.recipients-label",
            f'nhãn "{label_text}" gõ không dấu' if unmarked else f'nhãn phải là "{label_text}"',
            label,
            label_text,
            text[:20],
        )
    found_sizes = sizes(lp)
    size_range = rules.size_range("recipients_label")
    if found_sizes and not in_range(found_sizes, *size_range):
        found = ", ".join(pt(x) for x in found_sizes)
        out.add(
            "PL1.II.9b.recipients-label",
            f'"{label_text}" cỡ chữ {found}',
            label,
            range_text(*size_range),
            found,
        )
    if not (all_runs(lp, "bold") and all_runs(lp, "italic")):
        out.add(
            "PL1.II.9b.recipients-label",
            f'"{label_text}" phải in nghiêng, đậm',
            label,
            "nghiêng, đậm",
            ("đậm" if all_runs(lp, "bold") else "")
            + (" nghiêng" if all_runs(lp, "italic") else ""),
        )
    for i in c.items:
        if ps[i].text.strip() and "\t" not in ps[i].text.strip():
            out.size_rule(
                "PL1.II.9b.recipients-size", i, *rules.size_range("recipient"), "dòng nơi nhận"
            )
    lines, archive = c.lines, c.archive
    if archive is None:
        if lines:
            out.add(
                "PL1.II.9b.archive-line",
                f'thiếu dòng "{_ARCHIVE_LINE}"',
                lines[-1][0],
                _ARCHIVE_LINE,
                lines[-1][1],
            )
        return
    for k, (i, t, numbered) in enumerate(lines):
        if k > archive:
            if len(t) > 20:
                out.add(
                    "PL1.II.9b.archive-line",
                    'dòng "Lưu" phải là dòng cuối',
                    i,
                    "- Lưu: … là dòng cuối",
                    t,
                )
            continue
        if numbered and not t.startswith(("-", "+", "–")):
            t = "- " + t
        prev_open = k > 0 and not lines[k - 1][1].rstrip().endswith((";", ".", ",", ":"))
        if not t.startswith(("-", "+", "–")) and prev_open:
            continue  # a long recipient wrapped onto a continuation line
        problem = rules.recipient_problem(t, last=k == archive)
        if problem is None:
            continue
        code, expected, found = problem
        rid = "PL1.II.9b.archive-line" if code == "archive" else "PL1.II.9b.recipients-punctuation"
        out.add(rid, f"dòng nơi nhận viết chưa đúng: {t}", i, expected, found)


def check_signers(out: Collector, c: Closing) -> None:
    """Judge each signer block: quyền hạn, chức vụ in bold capitals, the name in bold."""
    ps = out.reading.ps
    for signer in c.signers:
        first_title = signer.titles[0]
        prefix = rules.signer_prefix_problem(ps[first_title].text)
        if prefix is not None:
            out.add(
                "PL1.II.7a.signer-prefix",
                f"quyền hạn viết chưa đúng: {ps[first_title].text.strip()}",
                first_title,
                prefix[0],
                prefix[1],
            )
        for i in signer.titles:
            out.size_rule(
                "PL1.II.7a.signer-format", i, *rules.size_range("signer"), "quyền hạn, chức vụ"
            )
            if not all_runs(ps[i], "bold"):
                out.add(
                    "PL1.II.7a.signer-format",
                    "quyền hạn, chức vụ phải in đậm",
                    i,
                    "đậm",
                    "không đậm",
                )
        name = signer.name
        if name is not None and len(ps[name].text.strip()) < 50:
            out.size_rule(
                "PL1.II.7b.signer-name", name, *rules.size_range("signer"), "họ tên người ký"
            )
            if not all_runs(ps[name], "bold"):
                out.add(
                    "PL1.II.7b.signer-name", "họ tên người ký phải in đậm", name, "đậm", "không đậm"
                )

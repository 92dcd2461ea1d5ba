"""The read-back rules of vanban.nd30.rules agree with the writers they mirror, and the checker
never crashes on damaged files."""

from __future__ import annotations

import io
import zipfile

from hypothesis import example, given, settings
from hypothesis import strategies as st
from word_docs import build

from vanban.checker import UnreadableDocx, check_report
from vanban.nd30 import dates, numbering, recipients, rules, signer, text


@given(
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1990, 2100),
    st.sampled_from(["Hà Nội", "Lào Cai"]),
)
def test_written_dates_read_back_clean(day: int, month: int, year: int, place: str) -> None:
    assert rules.date_problems(dates.date_line(place, day, month, year)) == []


@given(st.integers(1, 9))
def test_unpadded_days_are_found(day: int) -> None:
    line = f"Hà Nội, ngày {day} tháng 5 năm 2026"
    assert [code for code, _, _ in rules.date_problems(line)] == ["zero-padding"]


@given(st.integers(1, 99999), st.sampled_from(["KH", "QĐ", "TTr", "QyĐ", None]))
def test_written_number_lines_read_back_clean(number: int, abbr: str | None) -> None:
    line = numbering.number_line(number, numbering.symbol(abbr, "UBND"))
    assert rules.number_problems(line) == []


def test_written_recipient_lines_read_back_clean() -> None:
    lines = recipients.recipient_lines(
        [("Như trên", None), ("Sở Tài chính", "để p/h")], recipients.archive_line(["CN"], 2)
    )
    problems = [rules.recipient_problem(x, last=k == len(lines) - 1) for k, x in enumerate(lines)]
    assert problems == [None] * len(lines)


def test_written_signer_lines_and_bases_read_back_clean() -> None:
    for a in (signer.Authority.KT, signer.Authority.TL, signer.Authority.TUQ):
        first = signer.signer_lines(a, head_title="Giám đốc", title="Phó Giám đốc")[0]
        assert rules.signer_prefix_problem(first) is None
    assert rules.basis_problems(text.basis_lines(["Căn cứ A", "Căn cứ B", "Căn cứ C"])) == []
    assert rules.has_end_mark(text.with_end_mark("thực hiện"))


_GOOD = build()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(_GOOD) - 1), st.binary(min_size=1, max_size=64))
@example(offset=49, noise=b"\x00")  # a broken deflate stream (zlib.error)
def test_damaged_files_never_crash(offset: int, noise: bytes) -> None:
    data = _GOOD[:offset] + noise + _GOOD[offset + len(noise) :]
    try:
        report = check_report(data)
    except UnreadableDocx:
        return
    assert report.findings is not None


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=200))
def test_any_document_text_never_crashes(value: str) -> None:
    out = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(_GOOD))
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "word/document.xml":
                safe = "".join(c for c in value if c.isprintable() and c not in "<>&")
                raw = raw.replace("Số: 05/QĐ-SCT".encode(), safe.encode())
            z.writestr(info.filename, raw)
    check_report(out.getvalue())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" .;,:/aăâ\t", max_size=12))
def test_end_mark_written_once_and_read_back(value: str) -> None:
    """The layout's mark (text.with_end_mark) is read back by the checker's test
    (rules.has_end_mark), is not added twice, and split_end_mark is its two parts."""
    marked = text.with_end_mark(value)
    assert text.has_end_mark(marked) and rules.has_end_mark(marked)
    assert text.with_end_mark(marked) == marked
    head, mark = text.split_end_mark(value)
    assert head + mark == marked
    assert mark in ("", text.END_MARK) and (mark == "") == text.has_end_mark(value)

"""Task views: every task with the number the document prints, as HTML, CSV, pandas, iCalendar."""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import icalendar
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests_support import ROOT, example_docs

import vanban
from vanban import _markup as markup
from vanban.models import KeHoach
from vanban.tasks import TaskList, TaskRow, fold, ics_text

# -- what the rendered .docx prints -----------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _printed(data: bytes) -> list[str | tuple[str, ...]]:
    """The body of a rendered .docx in order: a paragraph as its text, a table row as the
    texts of its cells (a merged cell in each row it spans)."""
    out: list[str | tuple[str, ...]] = []
    for item in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(item, docx.table.Table):
            out += [tuple(_squash(c.text) for c in row.cells) for row in item.rows]
        else:
            out.append(_squash(item.text))
    return out


def _shows(item: str | tuple[str, ...], row: TaskRow) -> bool:
    task = _squash(row.task.split("\n")[0]).rstrip(".;")  # the inline deadline goes before them
    if isinstance(item, str):  # a task in prose: "2.1. Rà soát …"
        return row.number is not None and item.startswith(f"{row.number} {task[:30]}")
    if _squash(row.task) not in item:
        return False
    return row.number is None or row.number in item


def assert_printed(rows: list[TaskRow], data: bytes) -> None:
    """Each task is printed, in this order, with this number, in the rendered document."""
    items = _printed(data)
    i = 0
    for row in rows:
        while i < len(items) and not _shows(items[i], row):
            i += 1
        assert i < len(items), f"{row.path}: not printed as number {row.number!r}: {row.task!r}"
        i += 1


WITH_TASKS = [name for name, doc in example_docs().items() if len(doc.tasks())]


def test_examples_with_tasks_are_found() -> None:
    assert {
        "so-cong-thuong-chuyen-doi-so",
        "an-ninh-cong-nhan-bac-giang",
        "truong-thpt-ngay-hoi-doc-sach",
        "giam-ngheo-ben-vung",
    } <= set(WITH_TASKS)


@pytest.mark.parametrize("name", WITH_TASKS)
def test_numbers_are_the_printed_ones(name: str) -> None:
    doc = example_docs()[name]
    rows = list(doc.tasks())
    assert_printed(rows, vanban.render(doc))


def test_a_wrong_number_is_caught() -> None:
    """The check above can fail: a number off by one, or a prose number, is not printed."""
    doc = example_docs()["so-cong-thuong-chuyen-doi-so"]
    data = vanban.render(doc)
    rows = list(doc.tasks())
    for i, wrong in ((0, "2."), (3, "3"), (10, "9")):
        bad = [*rows[:i], dataclasses.replace(rows[i], number=wrong), *rows[i + 1 :]]
        with pytest.raises(AssertionError):
            assert_printed(bad, data)


def test_department_plan_tasks() -> None:
    rows = example_docs()["so-cong-thuong-chuyen-doi-so"].tasks()
    assert len(rows) == 16
    assert [r.number for r in rows] == ["1.", "2."] + [str(n) for n in range(1, 9)] + [
        str(n) for n in range(1, 7)
    ]
    first, second = rows[0], rows[1]
    assert first.section == "II. NHIỆM VỤ, GIẢI PHÁP" and first.appendix is None
    assert first.deadline == dt.date(2026, 9, 30) and first.deadline_text == "30/9/2026"
    assert second.deadline is None and second.deadline_text == "Quý IV/2026"
    table = rows[2]
    assert table.appendix == "Phụ lục 01"
    assert table.group == "I. Chuyển đổi số trong hoạt động của Sở"
    assert table.leads == ("Văn phòng Sở",) and table.coordinates == ("Các phòng chuyên môn",)
    assert table.product == ("Kho dữ liệu số hóa",)
    assert table.extra == (("Theo dõi, đôn đốc", "Văn phòng Sở"),)
    assert table.path == "appendices[0].content[0].groups[0].tasks[0]"
    split = rows[4]
    assert split.product == ("Cơ sở dữ liệu ngành", "Quy chế khai thác dữ liệu")
    assert split.coordinates == ("Trung tâm Khuyến công", "Phòng Quản lý công nghiệp")
    assert rows[10].group == "II. Hỗ trợ doanh nghiệp chuyển đổi số"
    assert rows[-1].deadline is None and rows[-1].deadline_text == "trước ngày 15/12/2026"
    assert len({r.uid for r in rows}) == 16


# -- a plan that has everything: khoản and mục, điểm, phụ lục with all three parts -----------


@pytest.fixture
def full(sample: dict[str, Any]) -> KeHoach:
    data = copy.deepcopy(sample)
    data["content"] = [
        {"task": "Thực hiện theo [@pl], **khẩn**[^kcn] và C:\\tmp.", "deadline": "2025-04-01"},
        {
            "title": "Khoản có điểm",
            "content": [
                {
                    "letters": [
                        {"text": "điểm a", "content": [{"task": "Việc a1"}, {"task": "Việc a2"}]},
                        {"text": "điểm b", "content": [{"task": "Việc b1", "deadline": 2026}]},
                    ]
                }
            ],
        },
    ]
    data["appendices"] = [
        {
            "id": "pl",
            "title": "Phân công",
            "sections": [
                {
                    "title": "Mục của phụ lục",
                    "content": [
                        {"task": "Việc trong mục phụ lục"},
                        {
                            "columns": ["task", "leads", "deadline"],
                            "groups": [
                                {
                                    "title": "Nhóm không số",
                                    "label": "A",
                                    "tasks": [{"task": "Việc bảng không số", "leads": "Phòng X"}],
                                }
                            ],
                        },
                    ],
                }
            ],
            "content": [{"task": "Việc đầu phụ lục"}],
            "end": [{"task": "Việc cuối phụ lục"}],
        },
        {
            "title": "Bảng",
            "content": [
                {
                    "columns": ["number", "task", "product"],
                    "groups": [
                        {
                            "title": "Nhóm một",
                            "tasks": [
                                {
                                    "task": "Tách hai dòng",
                                    "product": ["SP1", "SP2"],
                                    "split": "product",
                                },
                                {"task": "Sau dòng tách", "product": "SP3"},
                            ],
                        },
                        {"title": "Nhóm hai", "tasks": [{"task": "Nhóm hai việc một"}]},
                    ],
                }
            ],
        },
    ]
    return KeHoach.model_validate(data)


def test_reading_order_and_numbers_of_every_place(full: KeHoach) -> None:
    rows = full.tasks()
    got = [(r.number, r.task) for r in rows]
    assert got == [
        ("1.", "Thực hiện theo Phụ lục I, khẩn và C:\\tmp."),
        ("2.1.", "Việc a1"),
        ("2.2.", "Việc a2"),
        ("2.3.", "Việc b1"),
        ("1.", "Rà soát lực lượng bảo vệ."),
        ("2.", "Tuyên truyền thường xuyên."),
        ("1.", "Việc đầu phụ lục"),
        ("1.", "Việc trong mục phụ lục"),
        (None, "Việc bảng không số"),
        ("1.", "Việc cuối phụ lục"),
        ("1", "Tách hai dòng"),
        ("2", "Sau dòng tách"),
        ("1", "Nhóm hai việc một"),
    ]
    assert_printed(list(rows), vanban.render(full))
    assert rows[4].section == "II. NHIỆM VỤ" and rows[0].section is None
    assert rows[7].appendix == "Phụ lục I" and rows[7].section == "I. MỤC CỦA PHỤ LỤC"
    assert rows[8].group == "A. Nhóm không số" and rows[8].leads == ("Phòng X",)
    assert rows[9].section == "I. MỤC CỦA PHỤ LỤC"  # "end" is printed under the last mục
    assert rows[11].group == "I. Nhóm một" and rows[12].group == "II. Nhóm hai"
    assert rows[12].appendix == "Phụ lục II"
    assert rows[3].deadline is None and rows[3].deadline_text == "2026"


def test_sections_before_content_in_the_data_still_read_in_print_order(full: KeHoach) -> None:
    """The walker visits ``sections`` before ``content`` (field order); the document prints
    the khoản first. The numbers follow the print."""
    paths = [r.path for r in full.tasks()]
    assert paths[0] == "content[0]" and paths[4].startswith("sections[")
    assert paths[6] == "appendices[0].content[0]" and paths[9] == "appendices[0].end[0]"


# -- views ------------------------------------------------------------------------------------


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def test_html_is_escaped_table(sample: dict[str, Any]) -> None:
    sample["sections"][1]["content"][0]["task"] = 'Lập <script>alert("x")</script> & <b>bảng</b>'
    sample["sections"][1]["content"][0]["leads"] = ["Sở <A>", "Sở & B"]
    rows = KeHoach.model_validate(sample).tasks()
    page = rows._repr_html_()
    assert "<script>" not in page and "<b>" not in page and "<A>" not in page
    parser = _Cells()
    parser.feed(page)
    assert set(parser.tags) <= {"table", "caption", "thead", "tbody", "tr", "th", "td", "br"}
    header, where, first, second = parser.rows
    assert header[:3] == ["Số", "Nhiệm vụ", "Chủ trì"] and "Thời hạn" in header
    assert where == ["II. NHIỆM VỤ"]
    assert first[:3] == ["1.", 'Lập <script>alert("x")</script> & <b>bảng</b>', "Sở <A>Sở & B"]
    assert second[0] == "2." and second[header.index("Thời hạn")] == "thường xuyên"


def test_csv_round_trips(full: KeHoach) -> None:
    rows = full.tasks()
    text = rows.to_csv()
    assert text.count("\r\n") >= len(rows) + 1
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(records) == len(rows)
    assert list(records[0]) == rows.columns()
    assert records[0]["number"] == "1." and records[0]["deadline"] == "2025-04-01"
    assert records[0]["task"] == "Thực hiện theo Phụ lục I, khẩn và C:\\tmp."
    assert records[3]["deadline"] == "" and records[3]["deadline_text"] == "2026"
    assert records[10]["product"] == "SP1; SP2" and records[8]["number"] == ""


def test_csv_has_the_plans_own_columns() -> None:
    rows = example_docs()["truong-thpt-ngay-hoi-doc-sach"].tasks()
    records = list(csv.DictReader(io.StringIO(rows.to_csv(), newline="")))
    assert {"Người thực hiện", "Ghi chú"} <= set(records[0])
    done = [r for r in records if r["Người thực hiện"]]
    assert done[1]["Người thực hiện"] == "Cô Nguyễn Thu Trang; Thầy Đỗ Văn Hưng"


def test_text_table(full: KeHoach) -> None:
    text = full.tasks().to_text()
    lines = text.splitlines()
    assert lines[0].startswith("Số") and "Nhiệm vụ" in lines[0]
    assert "[Phụ lục I › I. MỤC CỦA PHỤ LỤC › A. Nhóm không số]" in lines
    assert any(ln.startswith("2.3.   | Việc b1") for ln in lines)
    assert str(full.tasks()) == text


def test_dataframe_without_pandas(full: KeHoach, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # "import pandas" fails
    with pytest.raises(ModuleNotFoundError, match="pip install pandas") as info:
        full.tasks().to_dataframe()
    assert "chưa được cài đặt" in str(info.value)


def test_dataframe_with_pandas(full: KeHoach) -> None:
    pd = pytest.importorskip("pandas")
    rows = full.tasks()
    frame = rows.to_dataframe(english=True)
    assert isinstance(frame, pd.DataFrame) and frame.shape[0] == 13
    assert list(frame.columns) == rows.columns()
    assert frame.loc[1, "number"] == "2.1." and frame.loc[0, "deadline"] == pd.Timestamp(2025, 4, 1)


def test_slices_and_repr(full: KeHoach) -> None:
    rows = full.tasks()
    part = rows[1:3]
    assert isinstance(part, TaskList) and [r.number for r in part] == ["2.1.", "2.2."]
    assert part.stamp == rows.stamp and part.name == rows.name
    assert repr(rows) == "<TaskList: 13 nhiệm vụ, 2 có thời hạn là ngày>"


def test_no_tasks(sample: dict[str, Any]) -> None:
    sample["sections"][1]["content"] = ["Không có nhiệm vụ."]
    doc = KeHoach.model_validate(sample)
    assert len(doc.tasks()) == 0
    cal = icalendar.Calendar.from_ical(doc.deadlines_ics())
    assert cal.walk("VEVENT") == []


# -- iCalendar --------------------------------------------------------------------------------


def _check_lines(text: str) -> None:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line


def test_ics_of_the_department_plan() -> None:
    doc = example_docs()["so-cong-thuong-chuyen-doi-so"]
    text = doc.deadlines_ics()
    _check_lines(text)
    assert text == doc.tasks().deadlines_ics() == doc.deadlines_ics()  # reproducible
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    dated = [r for r in doc.tasks() if r.deadline is not None]
    assert len(events) == len(dated) == 6
    for event, row in zip(events, dated, strict=True):
        assert event.decoded("DTSTART") == row.deadline
        assert event.decoded("DTEND") == row.deadline + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == row.task
        assert str(event["UID"]) == row.uid
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 3, 20, tzinfo=dt.timezone.utc)
        assert f"Chủ trì: {row.leads[0]}" in str(event["DESCRIPTION"])
    assert "Sản phẩm: Cơ sở dữ liệu ngành; Quy chế khai thác dữ liệu" in str(
        events[2]["DESCRIPTION"]
    )
    assert "118/KH-SCT" in str(cal["X-WR-CALNAME"])


def test_ics_stamp_without_a_full_date(sample: dict[str, Any]) -> None:
    sample["date"] = "2025-02"
    a = KeHoach.model_validate(sample).deadlines_ics()
    sample["date"] = None
    b = KeHoach.model_validate(sample).deadlines_ics()
    assert "DTSTAMP:20250201T000000Z" in a and "DTSTAMP:20000101T000000Z" in b


def test_ics_text_and_fold() -> None:
    assert ics_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    line = "SUMMARY:" + "Nghiên cứu, đề xuất; " * 20
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(p.encode()) <= 75 for p in folded.split("\r\n"))
    assert all(p.startswith(" ") for p in folded.split("\r\n")[1:])


_HOSTILE = st.text(
    alphabet=st.sampled_from(list("aăâđêôơư ệẫỹỷ,;:\\\n\"'<>&*[]^@ĐƯỢCNGHIỆPĩũ0123456789")),
    min_size=1,
    max_size=400,
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_HOSTILE, leads=_HOSTILE)
def test_hostile_text_round_trips(sample: dict[str, Any], text: str, leads: str) -> None:
    data = copy.deepcopy(sample)
    data["sections"][1]["content"] = [{"task": text, "leads": leads, "deadline": "2025-05-06"}]
    assume(not any(markup.footnote_names(t) or markup.ref_names(t) for t in (text, leads)))
    try:
        doc = KeHoach.model_validate(data)
    except vanban.ValidationError:  # e.g. a text that is only markup, empty once cleaned
        return
    (row,) = doc.tasks()
    out = doc.deadlines_ics()
    _check_lines(out)
    (event,) = icalendar.Calendar.from_ical(out).walk("VEVENT")
    assert str(event["SUMMARY"]) == row.task
    assert f"Chủ trì: {row.leads[0]}" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART") == dt.date(2025, 5, 6)


def test_long_vietnamese_task_round_trips(sample: dict[str, Any]) -> None:
    task = (
        "Rà soát, đánh giá; tổng hợp kết quả thực hiện\\nhiệm vụ, giải pháp phát triển "
        "kinh tế - xã hội,\nbảo đảm quốc phòng, an ninh năm 2025; đề xuất phương hướng "
    ) * 6
    sample["sections"][1]["content"][0]["task"] = task
    doc = KeHoach.model_validate(sample)
    row = doc.tasks()[0]
    assert "\n" in row.task and "," in row.task and ";" in row.task
    text = doc.deadlines_ics()
    _check_lines(text)
    (event, *_) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == row.task


def test_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's tasks example runs as written (LibreOffice and pandas stood in for)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if ".tasks()" in b]
    code = code.replace('"examples/', f'"{ROOT}/examples/')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(TaskList, "to_dataframe", lambda self, **_: self.records())
    monkeypatch.setattr(vanban, "to_pdf", lambda doc, out: Path(out).write_bytes(b"%PDF"))
    scope: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["tasks"][0].number == "1." and len(scope["frame"]) == 16
    assert [t.deadline.month for t in scope["late"]] == [9, 9, 10]
    assert (tmp_path / "thoi-han.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert (tmp_path / "nhiem-vu.csv").read_bytes().startswith(b"\xef\xbb\xbfnumber,task")

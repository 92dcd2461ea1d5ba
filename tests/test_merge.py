"""Mail merge (trộn thư): a template with placeholders {{cột}} and a spreadsheet of rows give one
document per row; the cells go in as text only; every problem is located by row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vanban
from vanban import _markup as markup
from vanban._cli import main
from vanban._merge import merge_rows, read_csv, read_rows
from vanban._skeleton import skeleton

ROOT = Path(__file__).resolve().parent.parent
MERGE = ROOT / "examples" / "merge"
TEMPLATE = MERGE / "giay-moi.yaml"
ROWS = MERGE / "don-vi.csv"


def _rows() -> list[dict[str, str]]:
    with ROWS.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _dated(tmp_path: Path) -> Path:
    """The example template with the date of issue from a column "ngay" (a typed field)."""
    text = TEMPLATE.read_text(encoding="utf-8").replace("date: 2026-12-07", 'date: "{{ngay}}"')
    assert '"{{ngay}}"' in text
    path = tmp_path / "mau.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _dated_rows(n: int) -> list[dict[str, str]]:
    return [{**r, "ngay": "2026-12-07"} for r in _rows()[:n]]


def _write_csv(path: Path, rows: list[dict[str, str]], *, sep: str = ",", bom: bool = True) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=sep, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig" if bom else "utf-8", newline="")
    return path


def test_the_example_gives_fifty_documents_each_checked_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "giay-moi"
    code = main(
        ["render", str(TEMPLATE), "--data", str(ROWS), "--name", "giay-moi-{{ma}}", "-o", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    files = sorted(out.glob("*.docx"))
    assert [f.name for f in files] == [f"giay-moi-{i:02d}.docx" for i in range(1, 51)]
    assert "50 văn bản đã tạo, 0 dòng lỗi" in err and "cảnh báo" not in err
    for f in files:
        assert vanban.check(f) == [], f.name
    # Each document says its own unit, and only its own.
    docs = vanban.merge(TEMPLATE, ROWS, name="ma")
    rows = _rows()
    assert list(docs) == [r["ma"] for r in rows]
    for row in rows:
        doc = docs[row["ma"]]
        assert doc.invitee == f"{row['nguoi_duoc_moi']} {row['don_vi']}"  # type: ignore[attr-defined]
        assert doc.recipients[0].name == row["don_vi"]
        assert doc.venue == row["dia_diem"]  # type: ignore[attr-defined]
        assert str(doc.time)[:16] == row["buoi"]  # type: ignore[attr-defined]


def test_cells_are_text_never_template_code(tmp_path: Path) -> None:
    rows = _rows()[:2]
    cell = "Xã {{ma}} {% if 1 %}x{% endif %} {{ 7*7 }} <b>& *nghiêng* [^a] C:\\tmp"
    rows[0]["don_vi"] = cell
    docs = vanban.merge(TEMPLATE, rows, name="ma")
    invitee = docs["01"].invitee  # type: ignore[attr-defined]
    assert markup.plain(markup.parse(invitee)).endswith(cell)
    # and the .docx shows it as written
    result = vanban.Renderer().render_many(docs, tmp_path, workers=1)
    assert result.ok
    from docx import Document as Word

    text = "\n".join(p.text for p in Word(str(tmp_path / "01.docx")).paragraphs)
    assert cell in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from("aăâđêôơư AĐ{}%|()<>&\"':-#*!1,.ạếữ"),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() == s and s.strip())
)
def test_any_cell_is_put_in_as_it_is(cell: str) -> None:
    doc = vanban.loads(skeleton("giay_moi")).model_copy(update={"invitee": "Mời {{x}} dự"})
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)  # "*" alone would warn: not here
        merged = vanban.merge(doc, [{"x": cell}])
    invitee = merged["0001"].invitee  # type: ignore[attr-defined]
    assert markup.plain(markup.parse(invitee)) == f"Mời {cell} dự"


def test_an_empty_cell_of_a_whole_value_leaves_it_out() -> None:
    rows = _rows()[:7]
    docs = vanban.merge(TEMPLATE, rows, name="ma")
    # "{{ghi_chu}}" is a whole list item: empty in row 01, given in row 07
    assert len(docs["01"].notes) == 1  # type: ignore[attr-defined]
    assert docs["07"].notes[1].startswith("Đơn vị được chọn")  # type: ignore[attr-defined]
    # a field whose only value is an empty cell is left out: here a required one
    rows[2]["dia_diem"] = ""
    with pytest.raises(vanban.ValidationError) as info:
        vanban.merge(TEMPLATE, rows, name="ma")
    [problem] = info.value.errors
    assert str(problem) == '<dữ liệu>:3: venue: cột "dia_diem": thiếu trường bắt buộc (Địa điểm)'


def test_a_bad_cell_is_located_by_row_and_column(tmp_path: Path) -> None:
    template = _dated(tmp_path)
    rows = _dated_rows(5)
    rows[2]["ngay"] = "17/13/2026"
    rows[3]["so_nguoi"] = "hai"  # inline in a text: no problem
    data = _write_csv(tmp_path / "don-vi.csv", rows)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.merge(template, data, name="ma")
    [problem] = info.value.errors
    assert (problem.source, problem.line, problem.path) == (str(data), 4, "date")
    assert str(problem) == (
        f'{data}:4: date: cột "ngay": ngày không hợp lệ "17/13/2026" '
        "(cần dạng 2024-11-15, 2024-11 hoặc 2024)"
    )
    # the other rows are rendered by the command line, the bad one is named
    out = tmp_path / "out"
    assert main(["render", str(template), "--data", str(data), "--name", "ma", "-o", str(out)]) == 1
    assert sorted(p.stem for p in out.glob("*.docx")) == ["01", "02", "04", "05"]


def test_cli_messages_of_a_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _dated_rows(3)
    rows[1]["ngay"] = "không rõ"
    rows[2]["ma"] = "01"  # the same file name as row 2
    data = _write_csv(tmp_path / "d.csv", rows)
    argv = [
        "render",
        str(_dated(tmp_path)),
        "--data",
        str(data),
        "--name",
        "ma",
        "-o",
        str(tmp_path),
    ]
    code = main(argv)
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err[0].startswith(f'{data}:3: date: cột "ngay": ngày không hợp lệ "không rõ"')
    assert err[1] == f'{data}:4: cột "ma": tên tệp "01.docx" trùng với dòng 2 ("01")'
    assert err[2] == f"vanban: 1 văn bản đã tạo, 2 dòng lỗi (trong 3 dòng của {data})."


def test_default_names_are_the_template_and_the_row_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _write_csv(tmp_path / "d.csv", _rows()[:2])
    out = tmp_path / "new"  # made when missing
    assert main(["render", str(TEMPLATE), "--data", str(data), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["giay-moi-0001.docx", "giay-moi-0002.docx"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--data", "D"], "trộn thư cần -o THƯ_MỤC"),
        (["--name", "ma", "-o", "OUT"], "--name và --yaml chỉ dùng khi trộn thư"),
        (["--yaml", "-o", "OUT"], "--name và --yaml chỉ dùng khi trộn thư"),
        (["--data", "D", "-o", "FILE"], "-o phải là một thư mục"),
    ],
)
def test_cli_usage_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    data = _write_csv(tmp_path / "d.csv", _rows()[:1])
    (tmp_path / "FILE").write_text("x")
    subs = {"D": str(data), "OUT": str(tmp_path), "FILE": str(tmp_path / "FILE")}
    assert main(["render", str(TEMPLATE), *(subs.get(a, a) for a in argv)]) == 2
    assert says in capsys.readouterr().err


def test_a_placeholder_naming_no_column_is_located_in_the_template(tmp_path: Path) -> None:
    template = tmp_path / "mau.yaml"
    template.write_text(
        TEMPLATE.read_text(encoding="utf-8").replace("{{dia_diem}}", "{{dia_diem2}}"),
        encoding="utf-8",
    )
    with pytest.raises(vanban.ValidationError) as info:
        vanban.merge(template, ROWS)
    [problem] = info.value.errors
    line = next(
        i
        for i, text in enumerate(template.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("venue:")
    )
    assert (problem.source, problem.line, problem.path) == (str(template), line, "venue")
    assert 'không có cột "dia_diem2"; có phải ý bạn là "dia_diem"?' in problem.message


def test_template_code_between_braces_is_refused_with_a_reason() -> None:
    doc = vanban.loads(skeleton("giay_moi")).model_copy(update={"invitee": "{{ ten | upper }}"})
    with pytest.raises(vanban.ValidationError, match="không chạy biểu thức hay bộ lọc"):
        vanban.merge(doc, [{"ten": "a"}])


def test_an_unquoted_placeholder_is_explained(tmp_path: Path) -> None:
    template = tmp_path / "mau.yaml"
    template.write_text(
        TEMPLATE.read_text(encoding="utf-8").replace(
            'venue: "{{dia_diem}}"', "venue: {{dia_diem}}"
        ),
        encoding="utf-8",
    )
    with pytest.raises(vanban.ValidationError, match=r'phải đặt trong nháy kép, ví dụ: "\{\{'):
        vanban.merge(template, ROWS)


def test_semicolons_no_bom_crlf_and_blank_lines() -> None:
    text = '\r\nma;ten\r\n01;Xã Tân An\r\n;\r\n\r\n02;"Xã Tân\r\nPhong"\r\n03;Xã A\r\n'
    sheet = read_csv(text, "d.csv")
    assert sheet.columns == ("ma", "ten")
    assert [(r.line, r.cells["ten"]) for r in sheet.rows] == [
        (3, "Xã Tân An"),
        (6, "Xã Tân\nPhong"),
        (8, "Xã A"),
    ]


def test_spreadsheet_problems_are_located(tmp_path: Path) -> None:
    cases = {
        "dup.csv": (b"ma,ma\n1,2\n", 1, 'cột "ma" có hai lần'),
        "extra.csv": (b"ma\n1\n2,3\n", 3, "ô thứ 2 có giá trị nhưng cột này không có tên"),
        "cp1258.csv": ("ma,ten\n1,Tân Phong\n".encode("cp1258"), 2, "CSV UTF-8"),
        "empty.csv": (b"", 1, "tệp rỗng"),
        "old.xls": (b"\xd0\xcf\x11\xe0 not really", None, "tệp Excel cũ (.xls)"),
    }
    for name, (raw, line, says) in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        with pytest.raises(vanban.ValidationError) as info:
            read_rows(path)
        [problem] = info.value.errors
        assert (problem.source, problem.line) == (str(path), line), name
        assert says in problem.message, name


def test_unknown_name_column_and_empty_names(tmp_path: Path) -> None:
    with pytest.raises(vanban.ValidationError, match='có phải ý bạn là "ma"'):
        vanban.merge(TEMPLATE, ROWS, name="maa")
    rows = _rows()[:2]
    rows[1]["ma"] = ""
    with pytest.raises(vanban.ValidationError) as info:
        vanban.merge(TEMPLATE, rows, name="ma")
    [problem] = info.value.errors
    assert problem.line == 2 and 'cột "ma": tên tệp trống' in problem.message


def test_xlsx_gives_the_same_documents_and_names_the_cell(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    template = _dated(tmp_path)
    rows = _dated_rows(4)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        values: list[object] = list(row.values())
        values[3] = int(row["cum"])  # a number cell
        values[4] = float(row["so_nguoi"])  # 2.0 is shown "2"
        values[5] = dt.datetime.fromisoformat(row["buoi"])  # a date and time cell
        values[8] = dt.datetime(2026, 12, 7)  # a date cell
        sheet.append(values)
    path = tmp_path / "don-vi.xlsx"
    book.save(path)
    assert vanban.merge(template, path, name="ma") == vanban.merge(template, rows, name="ma")
    sheet.cell(row=3, column=9, value="ngày mai")
    book.save(path)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.merge(template, path, name="ma")
    [problem] = info.value.errors
    assert str(problem).startswith(f'{path}:3: date: cột "ngay" (ô I3): ngày không hợp lệ')


def test_xlsx_without_openpyxl_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.xlsx"
    path.write_bytes(b"PK\x03\x04rest")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(vanban.InputError, match=r"pip install vanban\[xlsx\]"):
        read_rows(path)


def test_a_model_template() -> None:
    doc = vanban.loads(skeleton("giay_moi")).model_copy(update={"invitee": "{{ten}}"})
    docs = vanban.merge(doc, [{"ten": "Xã A"}, {"ten": "Xã B"}])
    assert [d.invitee for d in docs.values()] == ["Xã A", "Xã B"]  # type: ignore[attr-defined]


def test_warnings_are_said_for_the_row_of_their_cell(tmp_path: Path) -> None:
    rows = _dated_rows(3)
    rows[1]["ngay"] = "2028-12-07"  # more than a year ahead, and after the meeting
    data = _write_csv(tmp_path / "d.csv", rows)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        merged = merge_rows(
            _dated(tmp_path), read_rows(data), name="ma", today=dt.date(2026, 12, 7)
        )
    assert not merged.failures and len(merged.documents) == 3
    said = [str(w.message) for w in caught if issubclass(w.category, vanban.VanbanWarning)]
    assert said == [
        f'{data}:3: date: cột "ngay": ngày ban hành 2028-12-07 cách hôm nay hơn một năm',
        f'{data}:3: time: cột "buoi": thời gian họp (2026-12-17) trước ngày ban hành giấy mời '
        "(2028-12-07)",
    ]


class _Frame:
    """What vanban reads of a pandas DataFrame: ``to_dict("records")``, empty cells as NaN."""

    def __init__(self, records: list[dict[str, object]]) -> None:
        self.records = records

    def to_dict(self, orient: str) -> list[dict[str, object]]:
        assert orient == "records"
        return self.records


def test_a_data_frame_and_its_empty_cells() -> None:
    rows: list[dict[str, object]] = [dict(r) for r in _rows()[:2]]
    rows[0]["ghi_chu"] = float("nan")  # pandas' empty cell
    rows[1]["so_nguoi"] = 3.0  # a whole number read as float
    docs = vanban.merge(TEMPLATE, _Frame(rows), name="ma")
    assert len(docs["01"].notes) == 1  # type: ignore[attr-defined]
    assert "(3 người)" in docs["02"].participants  # type: ignore[attr-defined]


def test_too_many_rows_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from vanban import _merge

    monkeypatch.setattr(_merge, "MAX_ROWS", 3)
    with pytest.raises(vanban.ValidationError, match="tối đa 3 dòng") as info:
        read_rows(ROWS)
    assert info.value.errors[0].line == 5


def test_an_empty_cell_inside_a_text_is_kept_and_warned() -> None:
    rows = _rows()[:2]
    rows[1]["nguoi_duoc_moi"] = ""  # "{{nguoi_duoc_moi}} {{don_vi}}" is not a whole placeholder
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = vanban.merge(TEMPLATE, rows, name="ma")
    assert docs["02"].invitee == "Ủy ban nhân dân xã Tân Phong"  # type: ignore[attr-defined]
    said = [str(w.message) for w in caught if issubclass(w.category, vanban.VanbanWarning)]
    assert said == ['<dữ liệu>:2: invitee: cột "nguoi_duoc_moi": ô trống, câu in thiếu phần này']


def test_braces_inside_a_placeholder_are_refused() -> None:
    doc = vanban.loads(skeleton("giay_moi")).model_copy(update={"invitee": "{{a{b}}"})
    with pytest.raises(vanban.ValidationError, match='chưa đóng bằng "}}"'):
        vanban.merge(doc, [{"a": "x"}])


def test_yaml_of_each_document_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _write_csv(tmp_path / "d.csv", _rows()[:2])
    out = tmp_path / "out"
    argv = ["render", str(TEMPLATE), "--data", str(data), "--name", "ma", "--yaml", "-o", str(out)]
    assert main(argv) == 0
    assert sorted(p.name for p in out.iterdir()) == ["01.docx", "01.yaml", "02.docx", "02.yaml"]
    docs = vanban.merge(TEMPLATE, data, name="ma")
    for name, doc in docs.items():
        saved = vanban.load(out / f"{name}.yaml")
        assert saved == doc
        # and it renders to the very same file
        assert vanban.render(saved) == (out / f"{name}.docx").read_bytes()


def _block(page: str, opening: str) -> str:
    start = page.index(opening + "\n") + len(opening) + 1
    return page[start : page.index("\n```", start) + 1]


def test_the_docs_page_shows_what_vanban_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ROOT / "docs" / "tron-thu.md").read_text(encoding="utf-8")
    assert "tron-thu.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mau.yaml").write_text(_block(page, '```yaml title="mau.yaml"'), encoding="utf-8")
    (tmp_path / "don-vi.csv").write_text(
        _block(page, '```csv title="don-vi.csv"'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "giay-moi").mkdir()
    code = _block(page, "```python")
    namespace: dict[str, object] = {}
    exec(compile(code, "tron-thu.md", "exec"), namespace)  # the page's Python runs as shown
    assert sorted(p.name for p in (tmp_path / "giay-moi").iterdir()) == [
        f"giay-moi-0{i}.docx" for i in (1, 2, 3)
    ]
    for f in sorted((tmp_path / "giay-moi").iterdir()):
        assert vanban.check(f) == [], f.name
    # the rendered lines the page shows are those of giay-moi-03.docx
    from docx import Document as Word

    text = " ".join(
        p.text for p in Word(str(tmp_path / "giay-moi" / "giay-moi-03.docx")).paragraphs
    )
    for shown in (
        "Đồng chí Phó Chủ tịch Ủy ban nhân dân phường Hòa Lạc",
        "(cụm 2)",
        "14 giờ 00 phút, thứ Năm, ngày 17 tháng 12 năm 2026",
    ):
        assert shown in " ".join(page.split()) and shown in text


def test_a_template_without_placeholders_is_warned(tmp_path: Path) -> None:
    plan = ROOT / "examples" / "giay-moi-ubnd-xa-tong-ket-cai-cach-hanh-chinh.yaml"
    with pytest.warns(vanban.VanbanWarning, match="không có chỗ trống"):
        docs = vanban.merge(plan, [{"a": "1"}, {"a": "2"}], name="a")
    assert docs["1"] == docs["2"] == vanban.load(plan)


def test_max_bytes_limits_the_rows_and_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = _write_csv(tmp_path / "d.csv", [{"ma": "1"}])
    argv = ["render", str(TEMPLATE), "--data", str(ROWS), "-o", str(tmp_path), "--max-bytes", "900"]
    assert main(argv) == 1
    assert f"{ROWS}: tệp quá lớn" in capsys.readouterr().err
    argv[3] = str(small)
    assert main(argv) == 1
    assert f"{TEMPLATE}: tệp quá lớn" in capsys.readouterr().err


def test_a_fifo_as_the_rows_or_the_template_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Issue 18's rule for every input: a FIFO among them never blocks (opened only when it
    is a regular file), for the spreadsheet and for the template of a merge too."""
    import os

    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    template = ROOT / "examples" / "merge" / "giay-moi.yaml"
    with pytest.raises(vanban.InputError, match="FIFO"):
        vanban.merge(template, fifo)
    with pytest.raises(vanban.InputError, match="FIFO"):
        vanban.merge(fifo, [{"ma": "01"}])

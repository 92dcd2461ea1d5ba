"""One validation: ``vanban check PLAN.yaml`` reports what ``vanban render`` refuses or warns.

For every file of the bad-input catalogue (tests/bad_inputs, injections included) and every
example, both commands run on the same file: same exit code, and the same problem and warning
lines, printed alike (``file:line:column: path: message``); only the last line differs ("N lỗi."
against "N lỗi, không tạo văn bản."). The rules that the model decides as the .docx checker
does (ký hiệu vs tên loại) are checked against the .docx checker on the rendered examples.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from tests_support import ROOT

import vanban
from vanban._cli import main
from vanban.checker import check_docx

BAD = ROOT / "tests" / "bad_inputs"
FILES = [
    *sorted(BAD.glob("[0-9]*.yaml")),
    *sorted((BAD / "injection").glob("*.yaml")),
    *sorted((ROOT / "examples").glob("*.yaml")),
]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Exit code, the lines on stderr but the summary, and stdout of one command."""
    capsys.readouterr()
    with warnings.catch_warnings():
        warnings.simplefilter("always")  # every warning printed, each run alike
        code = main(args)
    out, err = capsys.readouterr()
    lines = err.splitlines()
    if lines and lines[-1].startswith("vanban: ") and " lỗi" in lines[-1]:
        lines = lines[:-1]
    return code, lines, out


@pytest.mark.parametrize("plan", FILES, ids=[f"{f.parent.name}/{f.stem}" for f in FILES])
def test_check_and_render_agree(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checked, check_lines, check_out = _run(["check", str(plan)], capsys)
    out = tmp_path / "out.docx"
    rendered, render_lines, _ = _run(["render", str(plan), "-o", str(out)], capsys)
    assert (checked, check_lines) == (rendered, render_lines)
    assert out.exists() == (rendered == 0)
    if checked == 0:
        warned = sum(1 for line in check_lines if line.startswith("cảnh báo: "))
        note = f", {warned} cảnh báo" if warned else ""
        assert check_out == f"{plan}: hợp lệ{note}\n"
    else:
        assert check_lines, "a refused plan says why"
        assert all(line.startswith(f"{plan}") for line in check_lines), check_lines


def test_the_catalogue_and_examples_are_all_there() -> None:
    assert len([f for f in FILES if f.is_relative_to(BAD)]) >= 100
    assert len([f for f in FILES if f.parent.name == "examples"]) >= 30


def test_check_goes_on_after_a_bad_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Every file given is checked; the exit code is the worst of them."""
    bad = BAD / "120-table-too-wide.yaml"
    good = ROOT / "examples" / "giam-ngheo-ben-vung.yaml"
    assert main(["check", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert f"{good}: hợp lệ" in out
    assert f"{bad}:16:5: content[1].columns: các cột cố định rộng 16.0 cm" in err


SYMBOL_RULE = "PL1.II.3b.symbol-type"
SHAPE_RULE = "PL1.II.3b.symbol-shape"


def _plan(tmp_path: Path, example: str, old: str, new: str) -> Path:
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / example
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("symbol", "said"),
    [("GP-SNV", '"GP" không phải tên loại nào'), ("KH-SNV", '"KH" là chữ viết tắt của kế hoạch')],
)
def test_symbol_of_another_type_is_found_before_rendering(
    tmp_path: Path, symbol: str, said: str
) -> None:
    """``symbol: GP-SNV`` on a Quyết định: the .docx checker's PL1.II.3b.symbol-type, said by
    ``load`` (located, a warning: the plan still renders) and by ``vanban.check(model)``."""
    path = _plan(
        tmp_path, "so-noi-vu-bo-nhiem-truong-phong.yaml", "\ntitle:", f"\nsymbol: {symbol}\ntitle:"
    )
    with pytest.warns(vanban.VanbanWarning) as caught:
        doc = vanban.load(path)
    line = next(
        i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if t.startswith("symbol:")
    )
    located = [str(w.message) for w in caught if "symbol:" in str(w.message)]
    assert located == [
        f'{path}:{line}:9: symbol: ký hiệu "{symbol}" không khớp tên loại QUYẾT ĐỊNH: {said}, '
        'Nghị định viết "QĐ-…" (Phụ lục III, Mục I); bộ kiểm tra .docx báo lỗi '
        "PL1.II.3b.symbol-type"
    ]
    findings = vanban.check(doc)
    assert [(f.rule, f.severity, f.component) for f in findings if f.rule == SYMBOL_RULE] == [
        (SYMBOL_RULE, "warning", "symbol")
    ]
    assert next(f for f in findings if f.rule == SYMBOL_RULE).clause.startswith("Phụ lục I")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docx = vanban.render(doc)
    assert SYMBOL_RULE in {f.rule for f in check_docx(docx)}


EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_model_and_docx_checker_agree_on_the_symbol(example: Path) -> None:
    """The rules decided on the model find what the .docx checker finds, on every example."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = vanban.load(example)
        docx = vanban.render(doc)
    model = {f.rule for f in vanban.check(doc)}
    found = {f.rule for f in check_docx(docx)}
    for rule in (SYMBOL_RULE, SHAPE_RULE):
        assert (rule in model) == (rule in found), rule
    assert not [f for f in vanban.check(doc) if f.severity == "error"]


@pytest.mark.parametrize(
    ("symbol", "printed", "wanted"),
    [("QĐ - SNV", "Số: /QĐ - SNV", "QĐ-SNV"), ("qđ-snv", "Số: /qđ-snv", "QĐ-SNV")],
)
def test_symbol_shape_is_found_before_rendering(
    tmp_path: Path, symbol: str, printed: str, wanted: str
) -> None:
    """A ký hiệu in small letters or with spaces around "-": PL1.II.3b.symbol-shape of the
    .docx checker, said by ``load`` at the ``symbol`` line (a warning) and ``vanban.check``."""
    path = _plan(
        tmp_path, "so-noi-vu-bo-nhiem-truong-phong.yaml", "\ntitle:", f"\nsymbol: {symbol}\ntitle:"
    )
    with pytest.warns(vanban.VanbanWarning) as caught:
        doc = vanban.load(path)
    shape = [str(w.message) for w in caught if "in ra" in str(w.message)]
    assert len(shape) == 1
    assert f'symbol: ký hiệu "{symbol}" in ra "{printed}": Nghị định viết "{wanted}"' in shape[0]
    assert SHAPE_RULE in {f.rule for f in vanban.check(doc)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert SHAPE_RULE in {f.rule for f in check_docx(vanban.render(doc))}


def test_check_of_a_model_reports_what_render_refuses() -> None:
    """``vanban.check(model)`` of a model built in Python: the table that does not fit is an
    error finding with its field path, and ``render`` refuses it with the same message."""
    from vanban.models.blocks import Column, Table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = vanban.load(ROOT / "examples" / "giam-ngheo-ben-vung.yaml")
    wide = Table(
        columns=[Column(title="A", width="10cm"), Column(title="B", width="7cm")], rows=[["a", "b"]]
    )
    body = doc.sections[0].content if hasattr(doc, "sections") and doc.sections else doc.content
    body.append(wide)
    findings = [f for f in vanban.check(doc) if f.severity == "error"]
    assert [(f.rule, f.component) for f in findings] == [
        ("table_too_wide", f"sections[0].content[{len(body) - 1}].columns")
    ]
    assert "các cột cố định rộng 17.0 cm, không vừa bề rộng 15.5 cm" in findings[0].message
    with pytest.raises(vanban.ValidationError) as info:
        vanban.render(doc, today=dt.date.today())  # today=: checked again after the change
    assert [p.message for p in info.value.errors] == [findings[0].message]

"""The catalogue of bad inputs (tests/bad_inputs): each file says the message it must produce.

A case is ``tests/bad_inputs/NN-name.yaml``. Its first line says what is wrong; then for each
problem it must report::

    # expect: <a piece of the problem as printed: "path: message">
    # at: <line>:<column>       (or "-" when the problem has no position)
    # path: <field path>        (or "-" for the file as a whole)

Every case must fail with :class:`vanban.ValidationError` holding a matching problem for each
expectation, all problems in file order. Cases in ``tests/bad_inputs/injection`` are the
opposite: attempts to smuggle template code, XML or YAML tricks in as text, which must load,
render, and come out as typed (``# renders: <a whole paragraph>``, ``# footnote: <text>``).

Inputs that cannot be committed as text files (wrong encodings, 50 MB) are made here.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban._docx_reader import read_docx
from vanban._rendering import render
from vanban._validation import TEXT_ADVICE
from vanban.errors import Problem

#: Every case runs under a memory and a time limit (tests/conftest.py).
pytestmark = pytest.mark.catalogue

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(HERE.glob("[0-9]*.yaml"))
INJECTIONS = sorted((HERE / "injection").glob("*.yaml"))

_PROBLEM_STR = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:(?P<path>[^\s:]+): )?(?P<msg>.+)$"
)


def expectations(path: Path) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^# (expect|at|path): (.*)$", line)
        if not m:
            continue
        key, value = m.groups()
        if key == "expect":
            out.append({"expect": value})
        else:
            out[-1][key] = value
    return out


def load_error(path: Path | str, **kw: Any) -> vanban.ValidationError:
    with pytest.raises(vanban.ValidationError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        vanban.load(path, **kw)
    return info.value


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len(INJECTIONS) >= 5
    names = [c.name.split("-", 1)[0] for c in CASES]  # "07", "220": the number before the name
    assert len(set(names)) == len(names), "case numbers are unique"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input(case: Path) -> None:
    wanted = expectations(case)
    assert wanted, f"{case.name} has no '# expect:' line"
    err = load_error(case)
    problems = err.errors
    assert problems, "a ValidationError always holds its problems"
    count = re.search(r"^# problems: (\d+)$", case.read_text(encoding="utf-8"), re.M)
    if count:  # one message per problem: no more than the file says
        assert len(problems) == int(count.group(1)), [str(p) for p in problems]
    for want in wanted:
        candidates = [p for p in problems if want["expect"] in str(p)]
        assert candidates, f"no problem holds {want['expect']!r}: {[str(p) for p in problems]}"
        at = want.get("at", "-")
        path = want.get("path", "-")
        matching = [
            p
            for p in candidates
            if (f"{p.line}:{p.column}" if p.line else "-") == at and (p.path or "-") == path
        ]
        assert matching, f"{want} not at its place: {[str(p) for p in candidates]}"
    # Every problem of the file: located in it, in file order, printed as a compiler would.
    for p in problems:
        assert p.source == str(case)
        assert p.message and not p.message[0].isspace()
        assert_printed(p)
    positions = [(p.line or 0, p.column or 0) for p in problems]
    assert positions == sorted(positions)
    assert str(err).startswith(f"{len(problems)} lỗi")
    assert all(f"  {p}" in str(err) for p in problems)


def assert_printed(p: Problem) -> None:
    """``file:line:col: path: message`` (the path left out when the file as a whole is meant)."""
    text = str(p)
    if p.line is None:
        assert text == f"{p.source}: {p.path + ': ' if p.path else ''}{p.message}"
        return
    m = _PROBLEM_STR.match(text)
    assert m, text
    assert (m["file"], int(m["line"]), int(m["col"])) == (p.source, p.line, p.column)
    assert (
        text == f"{p.source}:{p.line}:{p.column}: " + (f"{p.path}: " if p.path else "") + p.message
    )


def test_messages_are_vietnamese() -> None:
    """No pydantic or PyYAML English reaches the user in the catalogue."""
    english = re.compile(
        r"\b(Input should|Field required|Extra inputs|expected|found|while|"
        r"Value error|not permitted|valid)\b"
    )
    for case in CASES:
        for p in load_error(case).errors:
            assert not english.search(p.message), f"{case.name}: {p.message}"


def test_cli_form_of_the_issue_example(tmp_path: Path) -> None:
    """The example of the issue: an impossible deadline, named by file, line, column, path."""
    plan = (HERE / "37-deadline-month-13.yaml").read_text(encoding="utf-8")
    out = tmp_path / "plan.yaml"
    out.write_text(plan, encoding="utf-8")
    err = load_error(out)
    assert [str(p) for p in err.errors] == [
        f'{out}:19:19: sections[0].content[1].deadline: ngày không hợp lệ "2025-13-01" '
        '(cần dạng 2025-03-15 hoặc một đoạn chữ như "thường xuyên")'
    ]
    (p,) = err.errors
    assert (p.path, p.code, p.line, p.column) == (
        "sections[0].content[1].deadline",
        "bad_date",
        19,
        19,
    )


@pytest.mark.parametrize("case", INJECTIONS, ids=[c.stem for c in INJECTIONS])
def test_injection_is_text(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        # A lone "*" is printed as typed, which is what these cases check; it is warned about.
        warnings.filterwarnings("ignore", TEXT_ADVICE, vanban.VanbanWarning)
        doc = vanban.load(case)
    view = read_docx(render(doc))
    lines = view.text_lines()
    wanted = re.findall(r"^# renders: (.*)$", text, re.M)
    assert wanted
    for want in wanted:
        assert want in lines, f"{want!r} not printed as typed"
    for want in re.findall(r"^# footnote: (.*)$", text, re.M):
        assert want in view.footnotes.values()


# --- inputs made here ----------------------------------------------------------------------

GOOD = (HERE / "injection" / "07-unicode-text.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1", "cp1252"])
def test_not_utf8(tmp_path: Path, encoding: str) -> None:
    # Windows-1258 writes Vietnamese with combining tone marks after ê, ô, ơ, ư…
    plan = (
        "type: ke_hoach\ntitle: K\u00ea\u0301 hoa\u0323ch\n"
        if encoding == "cp1258"
        else "type: ke_hoach\ntitle: Café à la crème\n"
    )
    path = tmp_path / "plan.yaml"
    path.write_bytes(plan.encode(encoding))
    (p,) = load_error(path).errors
    assert p.code == "not_utf8"
    assert p.line == 2 and p.column is not None
    assert "không phải UTF-8" in p.message and "hãy lưu lại với mã hóa UTF-8" in p.message
    assert str(p).startswith(f"{path}:2:")


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(GOOD.encode("utf-16"))
    (p,) = load_error(path).errors
    assert "UTF-16" in p.message


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert vanban.load(path) == vanban.loads(GOOD)
    assert vanban.loads(b"\xef\xbb\xbf" + GOOD.encode("utf-8")).title == "Kế hoạch"
    assert vanban.loads("\ufeff" + GOOD).title == "Kế hoạch"


def test_bom_keeps_positions(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HERE / "43-number-zero.yaml").read_bytes())
    (p,) = load_error(path).errors
    assert (p.line, p.column) == (10, 9)


def test_50_mb_file_fails_fast_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    opened: list[str] = []
    real_open = builtins.open
    real_io_open = io.open

    def spy(file: Any, *args: Any, **kw: Any) -> Any:
        if str(file) == str(path):
            opened.append(str(file))
        return real_open(file, *args, **kw)

    def spy_io(file: Any, *args: Any, **kw: Any) -> Any:
        if str(file) == str(path):
            opened.append(str(file))
        return real_io_open(file, *args, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy_io)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: pytest.fail("the file was read"))
    start = time.perf_counter()
    err = load_error(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 2  # generous: CI machines are noisy; reading 50 MB would take far more
    assert opened == []
    (p,) = err.errors
    assert p.code == "too_large"
    assert "tệp quá lớn: 52.428.800 byte, giới hạn 10.485.760 byte" in p.message
    assert str(p).startswith(f"{path}: ")


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD, encoding="utf-8")
    size = path.stat().st_size
    (p,) = load_error(path, max_bytes=size - 1).errors
    assert p.code == "too_large" and f"giới hạn {size - 1:,} byte".replace(",", ".") in p.message
    assert vanban.load(path, max_bytes=size).title == "Kế hoạch"


def test_a_device_is_not_read_at_all(tmp_path: Path) -> None:
    """A device (whose size is unknown) is refused at once, not read up to the limit
    (issue 18: inputs are regular files only)."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    start = time.perf_counter()
    with pytest.raises(vanban.InputError, match="là thiết bị, không phải tệp thường"):
        vanban.load("/dev/zero", max_bytes=1000)
    assert time.perf_counter() - start < 3


@pytest.mark.parametrize("case", ["16-alias-bomb", "17-deep-nesting", "18-alias-loop"])
def test_bombs_fail_fast(case: str) -> None:
    load_error(HERE / f"{case}.yaml")  # warm up the imports
    start = time.perf_counter()
    load_error(HERE / f"{case}.yaml")
    assert time.perf_counter() - start < 2


def test_bigger_bombs_fail_fast() -> None:
    laughs = 'a: &a ["' + "x" * 100 + '"]\n'
    for i in range(1, 40):
        laughs += f"a{i}: &a{i} [" + ", ".join([f"*{'a' if i == 1 else f'a{i - 1}'}"] * 10) + "]\n"
    for text in (
        laughs,
        "a: " + "[" * 100_000 + "]" * 100_000,
        "a: " + "{a: " * 50_000 + "}" * 50_000,
        "".join("  " * i + "- \n" for i in range(2000)),
    ):
        start = time.perf_counter()
        with pytest.raises(vanban.ValidationError) as info:
            vanban.loads(text)
        assert time.perf_counter() - start < 3
        assert info.value.errors[0].code in ("too_many_values", "too_deep")


def test_every_problem_of_a_file_at_once() -> None:
    err = load_error(HERE / "74-many-errors.yaml")
    assert len(err.errors) == 6
    err = load_error(HERE / "77-duplicate-and-type.yaml")
    assert [p.code for p in err.errors] == ["duplicate_key", "int_type"]


def test_raw_control_characters_are_all_reported() -> None:
    text = GOOD.replace("title: Kế hoạch", "title: Kế\x07hoạch").replace(
        "place: Bắc Giang", "place: Bắc\x1bGiang"
    )
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="x.yaml")
    assert [(p.path, p.message[:30]) for p in info.value.errors] == [
        ("place", "ký tự điều khiển U+001B không "),
        ("title", "ký tự điều khiển U+0007 không "),
    ]


def test_problem_str_without_position() -> None:
    assert str(Problem("title", "x", "thông báo", "a.yaml")) == "a.yaml: title: thông báo"
    assert str(Problem("", "x", "thông báo", "a.yaml", 3, 4)) == "a.yaml:3:4: thông báo"
    assert str(Problem("title", "x", "thông báo")) == "title: thông báo"
    assert os.fspath(HERE)  # the catalogue lives next to this file

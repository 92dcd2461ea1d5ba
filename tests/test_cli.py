"""The command line: outputs, exit codes (0 ok, 1 bad input, 2 could not run), messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from tests_support import ROOT

import vanban
from vanban import registry
from vanban._cli import main


@pytest.fixture
def plan(tmp_path: Path, sample: dict) -> Path:
    p = tmp_path / "ke-hoach.yaml"
    p.write_text(yaml.safe_dump(sample, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def test_render_default_output_next_to_input(plan: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["render", str(plan)]) == 0
    out = plan.with_suffix(".docx")
    assert zipfile.ZipFile(out).testzip() is None
    assert capsys.readouterr().out.strip() == str(out)


def test_render_to_output_and_folder(plan: Path, tmp_path: Path) -> None:
    assert main(["render", str(plan), "-o", str(tmp_path / "x.docx")]) == 0
    assert (tmp_path / "x.docx").is_file()
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["render", str(plan), "-o", str(folder)]) == 0
    assert (folder / "ke-hoach.docx").is_file()


def test_invalid_plan_exits_1_with_located_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "type: ke_hoach\nissuer: {name: X, abbreviation: X}\ntitle: [1]\n", encoding="utf-8"
    )
    assert main(["render", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:8: title: cần một đoạn chữ" in err
    assert "sections: thiếu trường bắt buộc" in err
    assert "Traceback" not in err
    assert not bad.with_suffix(".docx").exists()


def test_broken_yaml_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: ke_hoach\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert "lỗi cú pháp YAML" in capsys.readouterr().err


def test_missing_file_and_usage_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["render", str(tmp_path / "none.yaml")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["render"])
    assert exc.value.code == 2


def test_missing_output_folder_exits_2(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["render", str(plan), "-o", str(tmp_path / "no" / "x.docx")]) == 2
    assert "thư mục" in capsys.readouterr().err


def test_refuses_to_overwrite_input(plan: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["render", str(plan), "-o", str(plan)]) == 2
    assert "trùng tệp vào" in capsys.readouterr().err
    assert plan.read_text(encoding="utf-8").startswith("type: ke_hoach")


def test_schema_command(capsys: pytest.CaptureFixture) -> None:
    assert main(["schema", "ke_hoach"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Kế hoạch"
    assert main(["schema", "khong_co"]) == 2
    err = capsys.readouterr().err
    assert "các loại: " in err and "ke_hoach" in err.split("các loại: ")[1]
    assert main(["schema"]) == 0  # the list of types, in the decree's order
    listed = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "Kế hoạch (KH)" in listed["ke_hoach"]
    assert list(listed) == list(registry.type_keys())


def test_help_everywhere() -> None:
    for args in (["--help"], ["render", "--help"], ["check", "--help"], ["schema", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 0


def test_python_dash_m_and_warning(plan: Path, sample: dict, tmp_path: Path) -> None:
    sample.pop("archive")
    p = tmp_path / "no-archive.yaml"
    p.write_text(yaml.safe_dump(sample, allow_unicode=True), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "vanban", "render", str(p)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert r.returncode == 0, r.stderr
    assert "cảnh báo:" in r.stderr and "Lưu: VT." in r.stderr


@pytest.mark.parametrize(
    "command", [[], ["render"], ["check"], ["schema"], ["tasks"], ["new"], ["completion"]]
)
def test_help_has_no_english(command: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    for english in (
        "usage",
        "positional arguments",
        "options:",
        "show this help",
        "show program",
        "PLAN",
        "OUTPUT",
        "TEMPLATE",
        "MAX_BYTES",
        "DOC_TYPE",
    ):
        assert english not in out, english
    assert "cách dùng: vanban" in out


def test_version(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"vanban {vanban.__version__}"


def test_the_root_exports_only_its_public_list() -> None:
    """``vanban`` re-exports its public surface (``__all__``, listed once); every other name
    at the root is private or a subpackage."""
    import types

    public = {n for n in dir(vanban) if not n.startswith("_")}
    extra = {
        n
        for n in public - set(vanban.__all__)
        if not isinstance(getattr(vanban, n), types.ModuleType)
    }
    assert extra == set()
    for name in vanban.__all__:
        assert getattr(vanban, name) is not None
    assert {"KeHoach", "QuyetDinh", "CongVan", "ThuCong"} <= set(vanban.__all__)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    """``vanban completion`` prints a bash script: run in bash, it completes commands,
    options and the document types after ``new``."""
    assert main(["completion"]) == 0
    script = tmp_path / "vanban.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")

    def complete(*words: str) -> list[str]:
        quoted = " ".join(f"'{w}'" for w in words)
        run = subprocess.run(
            [
                "bash",
                "-c",
                f'source "{script}"; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; '
                '_vanban; printf "%s\\n" "${COMPREPLY[@]}"',
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout.split()

    assert complete("vanban", "ne") == ["new"]
    assert complete("vanban", "new", "qu") == ["quyet_dinh", "quy_che", "quy_dinh"]
    assert complete("vanban", "render", "--p") == ["--pdf"]
    assert "--json" in complete("vanban", "check", "--")

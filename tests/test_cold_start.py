"""A cold command line: each command imports what it uses, and the models build once.

Measured in fresh processes, since what a module imports or builds at import time is gone
from this one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "an-ninh-cong-nhan-bac-giang.yaml"


def _fresh(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    env = {**os.environ, **(env or {})}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


_MODULES_OF = """
import contextlib, io, json, sys, warnings
warnings.simplefilter("ignore")
from vanban._cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    with contextlib.suppress(SystemExit):
        main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("pydantic", "vanban", "docx")))))
"""


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import warnings

    import vanban

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = vanban.render(vanban.load(EXAMPLE))
    path = tmp_path_factory.mktemp("cold") / "van-ban.docx"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("command", [["--help"], ["schema"], ["check", "DOCX"]])
def test_commands_that_read_no_plan_build_no_model(command: list[str], docx_file: Path) -> None:
    args = [str(docx_file) if a == "DOCX" else a for a in command]
    modules = json.loads(_fresh(_MODULES_OF, *args))
    assert "pydantic.main" not in modules
    assert not [m for m in modules if m.startswith("vanban.models.")], modules


_BUILT_AFTER_LOAD = """
import json, sys, warnings
warnings.simplefilter("ignore")
import vanban
from vanban import models
from vanban.models import blocks, common
from pydantic._internal._mock_val_ser import MockValSer
def built(c):  # by pydantic, or made from the cache of an earlier process (models._prebuilt)
    return not isinstance(c.__dict__["__pydantic_validator__"], MockValSer)
before = {c.__name__: built(c) for c in (common.Signer, blocks.Section, blocks.Table)}
doc = vanban.load(sys.argv[1])
after = {c.__name__: built(c) for c in (common.Signer, blocks.Section, blocks.Table)}
print(json.dumps({
    "before": before,
    "after": after,
    "type": built(type(doc)),
    "complete": type(doc).__pydantic_complete__,
    "plugins_looked_up": "pydantic.plugin._loader" in sys.modules,
}))
"""


def test_models_build_when_used_and_the_nested_ones_inside_their_document() -> None:
    """Importing the models builds no validator of a model only nested in documents, and
    loading a plan builds its document type's validator once, with the nested models
    validated inside it, not one validator per nested class."""
    built = json.loads(_fresh(_BUILT_AFTER_LOAD, str(EXAMPLE)))
    assert built["before"] == {"Signer": False, "Section": False, "Table": False}
    assert built["type"] is True
    assert built["after"] == {"Signer": False, "Section": False, "Table": False}


def test_a_second_process_takes_the_validator_from_the_cache(tmp_path: Path) -> None:
    """The first process builds the document type's validator and stores its schema; the
    next one makes the validator from it: pydantic builds nothing (the class is not
    "complete" for pydantic) and does not look for its plugins (importlib.metadata)."""
    env = {"VANBAN_CACHE_DIR": str(tmp_path / "cache")}
    first = json.loads(_fresh(_BUILT_AFTER_LOAD, str(EXAMPLE), env=env))
    assert first["type"] is True and first["complete"] is True
    assert list((tmp_path / "cache" / "models").glob("*.pickle"))
    second = json.loads(_fresh(_BUILT_AFTER_LOAD, str(EXAMPLE), env=env))
    assert second["type"] is True and second["complete"] is False
    assert second["plugins_looked_up"] is False
    assert second["after"] == {"Signer": False, "Section": False, "Table": False}


def test_a_nested_model_built_by_a_program_still_raises_vanbans_error() -> None:
    """Its own validator is built on first use; the error is vanban's, in Vietnamese."""
    import vanban
    from vanban.models import Signer

    with pytest.raises(vanban.ValidationError) as info:
        Signer(name="")  # type: ignore[call-arg]
    assert str(info.value).endswith("name: không được để trống")


_GC_AFTER_MAIN = """
import contextlib, gc, io, json, sys
before = gc.get_threshold()
from vanban._cli import main
explicit = sys.argv[1] == "explicit"
sys.argv = ["vanban", *sys.argv[2:]]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    with contextlib.suppress(SystemExit):
        code = main(sys.argv[1:]) if explicit else main()
print(json.dumps({"before": before, "after": gc.get_threshold(), "frozen": gc.get_freeze_count(),
                  "code": code}))
"""


def test_the_command_line_process_collects_rarely_and_freezes_at_exit(tmp_path: Path) -> None:
    """``vanban …`` (``main()`` reading ``sys.argv``) raises the collector's threshold and
    freezes what is left when the command ends, so the exit does not scan it; a program
    that calls ``main([...])`` keeps its collector as it was."""
    out = tmp_path / "a.docx"
    own = json.loads(_fresh(_GC_AFTER_MAIN, "own", "render", str(EXAMPLE), "-o", str(out)))
    assert own["code"] == 0 and out.exists()
    assert own["after"][0] > own["before"][0] and own["frozen"] > 0
    called = json.loads(_fresh(_GC_AFTER_MAIN, "explicit", "render", str(EXAMPLE), "-o", str(out)))
    assert called["code"] == 0
    assert called["after"] == called["before"] and called["frozen"] == 0


def test_the_command_line_writes_the_bytes_of_the_library(tmp_path: Path) -> None:
    """A cold ``python -m vanban render`` (collector tuned, sandbox and other modules not
    imported) writes exactly what ``vanban.render`` makes."""
    import warnings

    import vanban

    out = tmp_path / "cli.docx"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [sys.executable, "-m", "vanban", "render", str(EXAMPLE), "-o", str(out)],
        env=env,
        capture_output=True,
        check=True,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert out.read_bytes() == vanban.render(vanban.load(EXAMPLE))


def test_a_render_with_vanbans_own_template_imports_no_sandbox(tmp_path: Path) -> None:
    """The sandbox (jinja2.sandbox, traceback) is for a user's template only."""
    out = tmp_path / "a.docx"
    modules = json.loads(
        _fresh(
            _MODULES_OF.replace('"docx")', '"docx", "jinja2", "traceback")'),
            "render",
            str(EXAMPLE),
            "-o",
            str(out),
        )
    )
    assert out.exists() and "vanban._rendering" in modules
    assert "vanban._sandbox" not in modules and "jinja2.sandbox" not in modules
    assert "traceback" not in modules


# ------------------------------------------------------------- the end of the process (run)

_RUN = """
import atexit, os, sys, tempfile, threading, time
from vanban._cli import main, run

def teardown(event, args, write=os.write):  # the interpreter's teardown, a hard exit skips
    if event == "cpython.PyInterpreterState_Clear":
        write(2, b"teardown\\n")

sys.addaudithook(teardown)
folder = tempfile.TemporaryDirectory()  # removed by weakref.finalize, an atexit handler
print(folder.name)  # stdout is a pipe, block-buffered: written only by a flush
atexit.register(lambda: os.write(2, b"atexit\\n"))
mode, *argv = sys.argv[1:]
if mode == "thread":  # another thread still running when the command ends
    def late():
        time.sleep(1.0)  # still running when the command ends
        os.write(2, b"thread done\\n")
    threading.Thread(target=late).start()
if mode == "main":  # called by a program: returns, never ends the process
    code = main(argv)
    print("after main", code)
    sys.exit(0)
sys.argv = ["vanban", *argv]
run()
"""


def _run(mode: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80", "LINES": "24"}
    env.pop("PYTHONUNBUFFERED", None)  # stdout buffered, as in a terminal-less run
    return subprocess.run(
        [sys.executable, "-c", _RUN, mode, *argv], env=env, capture_output=True, text=True
    )


def test_run_ends_without_the_teardown_after_the_atexit_handlers_and_a_flush(
    tmp_path: Path,
) -> None:
    """``vanban …`` ends the process with ``os._exit``: the atexit handlers ran (the
    temporary folder is gone), stdout was flushed, the .docx is complete, and the objects
    were not freed one by one (no teardown)."""
    import zipfile

    out = tmp_path / "a.docx"
    done = _run("alone", "render", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    folder, written = done.stdout.splitlines()
    assert written == str(out) and not Path(folder).exists()
    assert "atexit" in done.stderr.splitlines() and "teardown" not in done.stderr
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None and "word/document.xml" in z.namelist()


def test_run_with_another_thread_ends_as_python_does(tmp_path: Path) -> None:
    """A thread still running: the normal exit, which waits for it (a hard exit would end
    it), runs the atexit handlers after it, then tears down."""
    out = tmp_path / "a.docx"
    done = _run("thread", "render", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines == ["thread done", "atexit", "teardown"]
    assert out.exists()


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--version"], 0),
        (["--help"], 0),
        ([], 2),  # no command: a usage error
        (["render", "khong-co.yaml"], 2),
        (["render", "BAD"], 1),
    ],
)
def test_run_keeps_every_exit_code_and_message(
    argv: list[str], code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same code, stdout and stderr as ``main`` gives in the process, the hard exit's
    flush included (argparse's SystemExit for --help, --version and usage errors too)."""
    import contextlib
    import io

    from vanban._cli import main

    monkeypatch.setenv("COLUMNS", "80")  # argparse's width, as in the child
    monkeypatch.setenv("LINES", "24")
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: ke_hoach\ntitle: 5\n", encoding="utf-8")
    argv = [str(bad) if a == "BAD" else a for a in argv]
    done = _run("alone", *argv)
    assert done.returncode == code
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            expected = main(argv)
        except SystemExit as exc:
            expected = exc.code or 0
    assert expected == code
    assert done.stdout.splitlines()[1:] == stdout.getvalue().splitlines()
    assert [x for x in done.stderr.splitlines() if x != "atexit"] == stderr.getvalue().splitlines()


def test_main_called_by_a_program_returns() -> None:
    done = _run("main", "schema")
    assert done.returncode == 0, done.stderr
    assert "after main 0" in done.stdout and "teardown" in done.stderr


def test_a_closed_pipe_ends_as_python_ends_it() -> None:
    """stdout a pipe nobody reads: the flush fails, and the exit is Python's own (code 120,
    "Exception ignored … BrokenPipeError"), as a plain ``print`` gives."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONUNBUFFERED", None)

    def closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
        read, write = os.pipe()
        os.close(read)
        try:
            return subprocess.run(
                [sys.executable, *args], stdout=write, stderr=subprocess.PIPE, env=env
            )
        finally:
            os.close(write)

    vanban_help = closed_pipe("-m", "vanban", "--help")
    plain = closed_pipe("-c", "print('x')")
    assert plain.returncode == 120 and b"BrokenPipeError" in plain.stderr
    assert vanban_help.returncode == plain.returncode
    assert vanban_help.stderr.replace(b"<stdout>", b"") == plain.stderr.replace(b"<stdout>", b"")


def test_the_command_and_python_m_vanban_use_run() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"]["vanban"] == "vanban._cli:run"
    assert "run()" in (ROOT / "src" / "vanban" / "__main__.py").read_text(encoding="utf-8")


# ------------------------------------------------------------------ what a render leaves out

_LAZY_AFTER_RENDER = """
import contextlib, io, json, sys, warnings
warnings.simplefilter("ignore")
from vanban._cli import main
from vanban._patterns import LazyPattern
with contextlib.redirect_stdout(io.StringIO()):
    assert main(sys.argv[1:]) == 0
compiled = sorted(
    f"{name}.{key}"
    for name, module in list(sys.modules.items())
    if name.startswith("vanban")
    for key, value in vars(module).items()
    if isinstance(value, LazyPattern) and value.compiled
)
lazy = sum(
    isinstance(v, LazyPattern)
    for n, m in list(sys.modules.items()) if n.startswith("vanban")
    for v in vars(m).values()
)
print(json.dumps({"compiled": compiled, "lazy": lazy, "zipfile": "zipfile" in sys.modules}))
"""


def test_a_render_compiles_no_pattern_of_a_rare_path_and_reads_no_zip(tmp_path: Path) -> None:
    """The patterns of rare paths (:class:`vanban._patterns.LazyPattern`: date and signer
    lines the checker reads, draft stamps, syllables, authority kinds, appendix ids, widths)
    are not compiled by a render, nor is :mod:`zipfile` imported (vanban writes its zip)."""
    out = tmp_path / "a.docx"
    seen = json.loads(_fresh(_LAZY_AFTER_RENDER, "render", str(EXAMPLE), "-o", str(out)))
    assert seen["lazy"] >= 12
    assert seen["compiled"] == []
    assert seen["zipfile"] is False


# ------------------------------------------------- vanban's own template, prepared once

_PREPARED = """
import hashlib, json, sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import vanban
from vanban import _templating
if len(sys.argv) > 2:  # a copy of the templates' folder
    _templating.templates_dir = lambda: Path(sys.argv[2])
read = []
read_parts = _templating.read_parts
def reading(source):
    read.append(source)
    return read_parts(source)
_templating.read_parts = reading
data = vanban.render(vanban.load(sys.argv[1]))
print(json.dumps({"sha": hashlib.sha256(data).hexdigest(), "prepared": not read}))
"""


def _prepared(tmp_path: Path, *args: str, cache: str = "cache") -> dict[str, object]:
    env = {"VANBAN_CACHE_DIR": str(tmp_path / cache)}
    return dict(json.loads(_fresh(_PREPARED, str(EXAMPLE), *args, env=env)))


def test_a_second_process_takes_the_prepared_template_from_the_cache(tmp_path: Path) -> None:
    """The first process prepares vanban's own template and keeps what it prepared; the
    next one reads none of the template's files, and writes the same bytes as a process
    without a cache."""
    first = _prepared(tmp_path)
    assert first["prepared"] is False
    assert len(list((tmp_path / "cache" / "prepared").glob("*.marshal"))) == 1
    second = _prepared(tmp_path)
    assert second["prepared"] is True
    off = dict(json.loads(_fresh(_PREPARED, str(EXAMPLE), env={"VANBAN_CACHE_DIR": ""})))
    assert first["sha"] == second["sha"] == off["sha"]


def test_a_changed_template_file_is_prepared_again(tmp_path: Path) -> None:
    """A template file edited (its size or its modification time) is a miss: the template
    is prepared from the files, and the document has the edit."""
    import shutil

    from vanban._templating import templates_dir

    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    first = _prepared(tmp_path, str(root))
    assert _prepared(tmp_path, str(root))["prepared"] is True
    part = next(root.glob("_blocks/*.xml"))
    os.utime(part, ns=(part.stat().st_atime_ns, part.stat().st_mtime_ns + 10**9))
    touched = _prepared(tmp_path, str(root))
    assert touched["prepared"] is False and touched["sha"] == first["sha"]
    styles = root / "_common" / "word" / "styles.xml"
    styles.write_text(
        styles.read_text(encoding="utf-8").replace("Times New Roman", "Times New Roman ", 1),
        encoding="utf-8",
    )
    edited = _prepared(tmp_path, str(root))
    assert edited["prepared"] is False and edited["sha"] != first["sha"]
    assert _prepared(tmp_path, str(root)) == {"sha": edited["sha"], "prepared": True}


def test_a_corrupt_prepared_entry_is_a_miss(tmp_path: Path) -> None:
    first = _prepared(tmp_path)
    (entry,) = (tmp_path / "cache" / "prepared").glob("*.marshal")
    body = entry.read_bytes()
    entry.write_bytes(body[:-10] + b"0123456789")  # its SHA-256 no longer matches
    again = _prepared(tmp_path)
    assert again == {"sha": first["sha"], "prepared": False}
    assert _prepared(tmp_path)["prepared"] is True  # written anew


_THRESHOLD_AT_IMPORT = """
import gc, json, sys
if len(sys.argv) > 1:
    sys.orig_argv = [sys.executable, *sys.argv[1:]]  # as the command's process has it
import vanban
print(json.dumps(gc.get_threshold()))
"""


def test_the_command_collects_rarely_from_its_first_import() -> None:
    """``python -m vanban`` and the console script have the command's collector when the
    package is imported, before main(); a program that imports vanban keeps its own."""
    from vanban import _COMMAND_COLLECTOR

    default = json.loads(_fresh("import gc, json; print(json.dumps(gc.get_threshold()))"))
    assert default != list(_COMMAND_COLLECTOR)
    assert json.loads(_fresh(_THRESHOLD_AT_IMPORT)) == default
    for argv in (["-m", "vanban", "render", "a.yaml"], ["/venv/bin/vanban", "--help"]):
        assert json.loads(_fresh(_THRESHOLD_AT_IMPORT, *argv)) == list(_COMMAND_COLLECTOR)

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

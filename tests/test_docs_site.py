"""The documentation site as a reader meets it: built once with ``mkdocs build --strict``
(skipped without the ``docs`` extra), then read as HTML; and the parts of it that are
generated (the YAML reference, the rules page, the README's type list) checked against the
package they describe."""

from __future__ import annotations

import html
import os
import pkgutil
import re
import subprocess
import sys
import urllib.parse
import zipfile
from pathlib import Path

import pytest
from tests_support import ROOT

from vanban import nd30, registry

sys.path.insert(0, str(ROOT / "docs"))
import hooks


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("nbclient")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def _ids(page: str) -> set[str]:
    return {html.unescape(i) for i in re.findall(r'\bid="([^"]+)"', page)}


# --- the YAML reference: a page per type, links that land, tables whole ------------------


def test_one_reference_page_per_type(site: Path) -> None:
    pages = {p.parent.name for p in (site / "reference" / "yaml").glob("*/index.html")}
    assert pages == {k.replace("_", "-") for k in registry.type_keys()}


def test_reference_links_land_on_their_own_page(site: Path) -> None:
    checked = 0
    for page in (site / "reference" / "yaml").glob("*/index.html"):
        text = page.read_text(encoding="utf-8")
        ids = _ids(text)
        for target in re.findall(r'href="#([^"]+)"', text):
            target = urllib.parse.unquote(html.unescape(target))
            assert target in ids, (page.parent.name, target)
            checked += 1
        # The issuer of a Quyết định is described in its own page, not in the first type's.
        assert 'href="#issuer"' in text and 'id="issuer"' in text, page.parent.name
    assert checked > 29 * 3


def test_reference_tables_keep_four_cells_and_descriptions(site: Path) -> None:
    text = (site / "reference" / "yaml" / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", text, re.S)
    assert len(rows) > 50
    for row in rows:
        assert len(re.findall(r"<t[dh]\b", row)) == 4, row[:300]
    # An enum row (its kinds joined by "|") keeps its description.
    size = next(r for r in rows if "<code>size</code>" in r)
    assert "<code>14</code> | <code>13</code>" in size and "Quốc hiệu cỡ 13" in size


@pytest.mark.parametrize("key", registry.type_keys())
def test_reference_markdown_rows_have_four_cells(key: str) -> None:
    for line in hooks.type_reference(key).splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) == 4, line


def test_the_type_pages_link_to_their_reference(site: Path) -> None:
    for key in registry.type_keys():
        page = (site / "types" / key.replace("_", "-") / "index.html").read_text(encoding="utf-8")
        assert f'href="../../reference/yaml/{key.replace("_", "-")}/"' in page, key


# --- Vietnamese anchors ---------------------------------------------------------------------


def test_heading_anchors_keep_d_with_stroke(site: Path) -> None:
    headings = []
    for page in site.rglob("*.html"):
        for hid, inner in re.findall(
            r'<h[1-4] id="([^"]+)"[^>]*>(.*?)</h[1-4]>', page.read_text(encoding="utf-8"), re.S
        ):
            words = re.sub(r"<[^>]+>", "", inner)
            if "Đ" in words or "đ" in words:
                headings.append((page, urllib.parse.unquote(hid)))
    assert len(headings) > 10
    for page, hid in headings:
        assert "đ" in hid, (page, hid)


# --- the rules page and the tutorial ---------------------------------------------------------


def test_every_nd30_module_is_on_the_rules_page(site: Path) -> None:
    modules = {m.name for m in pkgutil.iter_modules(nd30.__path__)}
    assert len(modules) >= 19
    text = (site / "reference" / "nd30" / "index.html").read_text(encoding="utf-8")
    missing = [m for m in sorted(modules) if f'id="vanban.nd30.{m}"' not in text]
    assert missing == []


def test_the_tutorial_is_a_page_with_its_outputs(site: Path) -> None:
    text = (site / "tutorial" / "index.html").read_text(encoding="utf-8")
    assert 'class="vb' in text  # the preview, as HTML
    assert "thiếu trường bắt buộc" in text  # a located error, printed
    assert "Tiếp theo" in text and "vanban new" in text
    assert 'href="../tutorial.ipynb"' in text and (site / "tutorial.ipynb").is_file()


def test_every_page_is_vietnamese_or_says_it_is_english(site: Path) -> None:
    english = re.compile(r"\b(the|and|of|is|with|which)\b")
    found = set()
    for page in sorted((ROOT / "docs").rglob("*.md")):
        prose = re.sub(r"```.*?```|`[^`]*`", "", page.read_text(encoding="utf-8"), flags=re.S)
        if len(english.findall(prose)) > len(re.findall(r"\w+", prose)) / 20:
            found.add(page.relative_to(ROOT / "docs").as_posix())
    assert found == hooks.ENGLISH_PAGES, (
        found ^ hooks.ENGLISH_PAGES
    )  # a translated page leaves the list
    assert (
        "getting-started.md" not in found and "index.md" not in found
    )  # the check sees Vietnamese
    for name in hooks.ENGLISH_PAGES:
        built = (site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert "Trang này viết bằng tiếng Anh" in built, name


# --- the README and a pip user's first steps -------------------------------------------------


def test_readme_type_list_is_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == hooks.readme_with_type_list(readme), "run: python docs/hooks.py"
    for key in registry.type_keys():
        assert f"| `{key}` |" in readme


def test_first_steps_work_from_the_wheel(tmp_path: Path) -> None:
    """Bắt đầu, as a pip user runs it: no checkout, only the installed package."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheel_dir)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.skip(f"no wheel could be built here: {build.stderr[-300:]}")
    unpacked = tmp_path / "site-packages"
    zipfile.ZipFile(next(wheel_dir.glob("*.whl"))).extractall(unpacked)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    block = page.split("## Văn bản đầu tiên", 1)[1].split("```", 2)[1]
    commands = [ln.split("#")[0].split() for ln in block.splitlines() if ln.startswith("vanban ")]
    assert len(commands) >= 4
    for argv in commands:
        run = subprocess.run(
            [sys.executable, "-m", "vanban", *argv[1:]],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, (argv, run.stderr)
    where = subprocess.run(
        [sys.executable, "-c", "import vanban; print(vanban.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(unpacked))  # the wheel's vanban, not the checkout's
    assert (work / "ke-hoach.docx").stat().st_size > 5000
    assert (work / "giay-moi.docx").stat().st_size > 5000
    assert (
        (work / "ke-hoach.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=ke_hoach.schema.json")
    )


def test_sources_cite_the_decree_not_notes_outside_the_repository() -> None:
    """A docstring names its place in the decree (Phụ lục I, Mục II, 4.b), never the
    project's notes (``nd30.md §5``), which a reader of the package does not have."""
    cited = re.compile(r"nd30(?:-types)?(?:\.md)?\s*§|§\d")
    found = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in sorted((ROOT / "src").rglob("*.py"))
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if cited.search(line) or "nd30.md" in line or "nd30-types.md" in line
    ]
    assert found == []
    assert cited.search("(nd30.md §12)") and cited.search("nd30-types §6.3")


def test_examples_command_lists_prints_and_refuses(capsys: pytest.CaptureFixture[str]) -> None:
    from vanban._cli import main

    assert main(["examples"]) == 0
    listed = capsys.readouterr().out.split()
    assert {p.stem for p in (ROOT / "examples").glob("*.yaml")} <= set(listed)
    assert main(["examples", "giay-moi-ubnd-xa-tong-ket-cai-cach-hanh-chinh"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# yaml-language-server: $schema=giay_moi.schema.json")
    assert main(["examples", "giay-moi-ubnd-xa-tong-ket-cai-cach"]) == 2
    err = capsys.readouterr().err
    assert 'có phải ý bạn là "giay-moi-ubnd-xa-tong-ket-cai-cach-hanh-chinh"' in err

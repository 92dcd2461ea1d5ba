"""Loading: the YAML reading rules, error paths and positions, warnings, and safe writing."""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests_support import EXAMPLES_DIR as EXAMPLES

import vanban
import vanban._files
import vanban._rendering as render_module
from vanban._docx_reader import read_docx
from vanban._loading import iter_problems, parse_yaml
from vanban._rendering import render
from vanban.models import KeHoach

PLAN = """\
type: ke_hoach
issuer:
  name: BAN QUẢN LÝ
  abbreviation: KCN
place: Bắc Giang
date: 2025-02-10
title: Kế hoạch
sections:
  - title: Mục đích
    content:
      - Đoạn văn.
closing: Trên đây là Kế hoạch.
recipients: [Công an tỉnh]
archive: [NC]
signer: {title: Trưởng ban, name: Nguyễn Văn A}
"""


def errors_of(text: str, **kw: Any) -> list[str]:
    with pytest.raises(vanban.ValidationError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        vanban.loads(text, source="p.yaml", **kw)
    return [str(p) for p in info.value.errors]


def with_content(block: str) -> str:
    return PLAN.replace("      - Đoạn văn.\n", block)


# --- the YAML reading rules ----------------------------------------------------------------


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "OFF", "y", "n"])
def test_yaml_11_booleans_are_text(word: str) -> None:
    doc = vanban.loads(PLAN.replace("place: Bắc Giang", f"place: {word}"))
    assert doc.place == word


@pytest.mark.parametrize(
    "word", ["0755", "0x1F", "1_000", "10:30", "1e3", ".inf", ".nan", "0b101", "+.5"]
)
def test_only_decimal_numbers_are_numbers(word: str) -> None:
    doc = vanban.loads(PLAN.replace("place: Bắc Giang", f"place: {word}"))
    assert doc.place == word


def test_core_scalars_still_read() -> None:
    doc = vanban.loads(PLAN + "number: 7\nformat: {line_spacing: 1.5, end_mark: false}\n")
    assert doc.number == 7 and doc.format.line_spacing == 1.5 and doc.format.end_mark is False
    doc = vanban.loads(PLAN + "symbol: ~\n")
    assert doc.symbol is None


def test_dates_stay_text_until_the_model_reads_them() -> None:
    data, _ = parse_yaml("a: 2025-02-10\nb: 2025-02-10 10:00:00\n")
    assert data == {"a": "2025-02-10", "b": "2025-02-10 10:00:00"}


def test_merge_keys_and_aliases_work() -> None:
    text = PLAN.replace(
        "signer: {title: Trưởng ban, name: Nguyễn Văn A}",
        "x-ky: &ky {title: Trưởng ban}\nsigner:\n  <<: *ky\n  name: Nguyễn Văn A",
    )
    assert errors_of(text) == [
        'p.yaml:15:1: x-ky: trường "x-ky" không có trong mẫu (các trường: appendices, archive, '
        "bases, circulation, closing, contact, content, date, footnotes, format, intro, issuer, "
        "number, place, recipients, secrecy, sections, signer, symbol, task_labels, task_style, "
        "title, type, urgency)"
    ]
    data, _ = parse_yaml(text)
    assert data["signer"] == {"title": "Trưởng ban", "name": "Nguyễn Văn A"}


def test_tab_inside_a_literal_block_is_text() -> None:
    text = PLAN.replace("      - Đoạn văn.\n", "      - |\n        Cột một\n        \tcột hai\n")
    doc = vanban.loads(text)
    assert doc.sections[0].content[0] == "Cột một\ncột hai"  # the tab starts a line: layout


def test_tab_between_words_is_kept() -> None:
    doc = vanban.loads(PLAN.replace("      - Đoạn văn.", '      - "Cột một\\tcột hai"'))
    assert doc.sections[0].content[0] == "Cột một\tcột hai"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  b: 1\n\tc: 2\n", "p.yaml:3:1: thụt lề bằng phím tab"),
        ("a:\n    \tb: 1\n", "p.yaml:2:5: thụt lề bằng phím tab"),
        ("a:\t1\n", "p.yaml:1:3: có ký tự tab ở đây"),
    ],
)
def test_tabs_are_named(text: str, expected: str) -> None:
    (message,) = errors_of(text)
    assert message.startswith(expected)


def test_json_is_read_too(tmp_path: Path) -> None:
    data = yaml.load(PLAN, Loader=yaml.BaseLoader)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert vanban.load(path).model_dump() == vanban.loads(PLAN).model_dump()
    path.write_text('{"type": "ke_hoach", "type": "ke_hoach"}', encoding="utf-8")
    with pytest.raises(vanban.ValidationError, match='khóa "type" xuất hiện hai lần'):
        vanban.load(path)
    path.write_text('{"type": "ke_hoach",\n "title": }', encoding="utf-8")
    with pytest.raises(vanban.ValidationError) as info:
        vanban.load(path)
    (p,) = info.value.errors
    assert (p.code, p.line) == ("json_syntax", 2)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(vanban.ValidationError, match="lồng nhau"):
        vanban.load(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(vanban.InputError, match="không tìm thấy tệp"):
        vanban.load(tmp_path / "none.yaml")
    with pytest.raises(vanban.InputError, match="là một thư mục"):
        vanban.load(tmp_path)


# --- paths and positions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "      - task: Việc\n        deadline: 2025-02-30\n",
            "p.yaml:12:19: sections[0].content[0].deadline: ngày không hợp lệ",
        ),
        (
            "      - task: Việc\n        leads: {a: 1}\n",
            "p.yaml:12:16: sections[0].content[0].leads: cần",
        ),
        (
            "      - bullets:\n          - text: a\n            bullets: [{txt: b, text: c}]\n",
            'p.yaml:13:24: sections[0].content[0].bullets[0].bullets[0].txt: trường "txt" không có',
        ),
        (
            "      - letters:\n          - title: a\n"
            "            content: [{task: x, deadline: 2025-13-01}]\n",
            "p.yaml:13:43: sections[0].content[0].letters[0].content[0].deadline: ngày không",
        ),
        (
            "      - body: Công an\n        duties: [{text: a, bulets: [b]}]\n",
            'p.yaml:12:28: sections[0].content[0].duties[0].bulets: trường "bulets" không có '
            "trong mẫu; "
            'có phải ý bạn là "bullets"?',
        ),
        (
            "      - title: Khoản\n        content:\n"
            "          - task: Việc\n            dedline: 2025\n",
            'p.yaml:14:13: sections[0].content[0].content[0].dedline: trường "dedline" không có',
        ),
        (
            "      - title: Khoản\n        content:\n          - 12\n",
            "p.yaml:13:13: sections[0].content[0].content[0]: không nhận ra khối nội dung",
        ),
        ('      - "Chuông\\a"\n', "p.yaml:11:9: sections[0].content[0]: ký tự điều khiển U+0007"),
        (
            "      - text: Khoản\n        title: [x]\n",
            "p.yaml:12:16: sections[0].content[0].title: cần một đoạn chữ",
        ),
    ],
)
def test_paths_and_positions_inside_blocks(block: str, expected: str) -> None:
    messages = errors_of(with_content(block))
    assert any(m.startswith(expected) for m in messages), messages


def test_unknown_field_points_at_the_key() -> None:
    (message,) = errors_of(
        PLAN.replace("  abbreviation: KCN", "  abbreviation: KCN\n  abbrevation: X")
    )
    assert message.startswith(
        'p.yaml:5:3: issuer.abbrevation: trường "abbrevation" không có trong mẫu; '
        'có phải ý bạn là "abbreviation"?'
    )


def test_a_missing_field_points_at_its_table() -> None:
    (message,) = errors_of(PLAN.replace("  name: BAN QUẢN LÝ\n", ""))
    assert (
        message == "p.yaml:2:1: issuer.name: thiếu trường bắt buộc (Tên cơ quan, tổ chức ban hành)"
    )


def test_a_refused_tag_does_not_also_report_its_field() -> None:
    messages = errors_of(PLAN.replace("title: Kế hoạch", "title: !!python/object:os.system {}"))
    assert len(messages) == 1 and "!!python/object:os.system" in messages[0]


def test_problems_in_file_order() -> None:
    text = PLAN.replace("date: 2025-02-10", "date: 2025-02-30") + "number: 0\ntitel: x\n"
    text = text.replace("place: Bắc Giang", "place: [Bắc Giang]")
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="p.yaml")
    lines = [p.line for p in info.value.errors]
    assert lines == sorted(lines) == [5, 6, 16, 17]
    assert [p.line for p in iter_problems(info.value)] == lines


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="5 lỗi trong dữ liệu văn bản"):
        vanban.loads("type: ke_hoach\n")


# --- warnings ------------------------------------------------------------------------------


def test_no_archive_warns_and_writes_luu_vt() -> None:
    text = PLAN.replace("archive: [NC]\n", "")
    with pytest.warns(vanban.VanbanWarning, match='p.yaml:1:1: archive: thiếu dòng "Lưu"'):
        doc = vanban.loads(text, source="p.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)  # warned once, at loading
        lines = read_docx(render(doc)).text_lines()
    assert "- Lưu: VT." in lines
    assert lines[lines.index("- Công an tỉnh;") + 1] == "- Lưu: VT."


def test_no_archive_warns_when_rendering_a_model_built_in_python() -> None:
    data = yaml.load(PLAN, Loader=yaml.BaseLoader)
    del data["archive"]
    doc = KeHoach.model_validate(data)
    with pytest.warns(vanban.VanbanWarning, match="Lưu: VT."):
        data = render(doc)
    assert "- Lưu: VT." in read_docx(data).text_lines()


@pytest.mark.parametrize(
    ("date", "today", "warns"),
    [
        ("2026-06-01", dt.date(2025, 1, 1), True),
        ("2026-06-01", dt.date(2025, 6, 1), False),
        ("2026-01", dt.date(2025, 1, 1), False),
        ("2026-01", dt.date(2024, 12, 31), True),
        ("2027", dt.date(2025, 12, 31), True),
        ("2026-12-31", dt.date(2025, 12, 31), False),
        ("2027-01-01", dt.date(2025, 12, 31), True),
        ("2025-03-01", dt.date(2024, 2, 29), True),
        ("2025-02-10", None, False),
    ],
)
def test_date_far_ahead_warns(date: str, today: dt.date | None, warns: bool) -> None:
    text = PLAN.replace("date: 2025-02-10", f"date: {date}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(text, source="p.yaml", today=today)
    far = [str(w.message) for w in caught if "cách hôm nay hơn một năm" in str(w.message)]
    assert bool(far) == warns
    if warns:
        assert far[0].startswith("p.yaml:6:7: date: ngày ban hành")
        assert all(issubclass(w.category, vanban.VanbanWarning) for w in caught)


def test_symbol_mismatch_and_unused_footnote_warn() -> None:
    text = PLAN + "symbol: KH-UBND\nfootnotes: {a: Chú thích}\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(text, source="p.yaml")
    messages = sorted(str(w.message) for w in caught)
    assert messages[0].startswith('p.yaml:16:9: symbol: ký hiệu "KH-UBND" không kết thúc')
    assert messages[1].startswith("p.yaml:17:16: footnotes.a: chú thích 'a' không được dẫn")


def test_semantic_errors_of_a_model_built_in_python_stop_rendering() -> None:
    data = yaml.load(PLAN, Loader=yaml.BaseLoader)
    data["sections"][0]["content"] = [{"task": "Việc", "deadline": "2024-01-01"}]
    doc = KeHoach.model_validate(data)
    with pytest.raises(vanban.ValidationError, match="thời hạn 2024-01-01 trước ngày ban hành"):
        render(doc)


# --- writing -------------------------------------------------------------------------------


@pytest.fixture
def doc() -> vanban.Document:
    return vanban.loads(PLAN)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "plan.docx")


def test_render_writes_the_file(tmp_path: Path, doc: vanban.Document) -> None:
    out = tmp_path / "plan.docx"
    data = render(doc, out)
    assert out.read_bytes() == data
    out.write_bytes(b"old")
    render(doc, out)
    assert out.read_bytes() == data
    assert leftovers(tmp_path) == []


def test_failing_check_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    data = yaml.load(PLAN, Loader=yaml.BaseLoader)
    data["sections"][0]["content"] = ["Đoạn[^none]."]
    bad = KeHoach.model_validate(data)  # fields valid; the unknown footnote is a check of meaning
    with pytest.raises(vanban.ValidationError, match=r"chú thích \[\^none\]"):
        render(bad, out)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failing_renderer_leaves_the_old_file(
    tmp_path: Path, doc: vanban.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")

    def broken(*args: Any, **kw: Any) -> Any:
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(render_module, "context", broken)
    with pytest.raises(RuntimeError, match="hỏng giữa chừng"):
        render(doc, out)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failing_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, doc: vanban.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data is written to a temporary file, which the rename fails to move: it goes away."""
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    seen: list[str] = []

    def failing_replace(src: Any, dst: Any) -> None:
        seen.append(os.fspath(src))
        assert Path(src).read_bytes()[:2] == b"PK"  # written in full before the rename
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render_module.os, "replace", failing_replace)
    with pytest.raises(OSError, match="hết chỗ trên đĩa"):
        render(doc, out)
    assert seen and Path(seen[0]).parent == tmp_path
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_missing_output_folder(tmp_path: Path, doc: vanban.Document) -> None:
    with pytest.raises(vanban.InputError, match="thư mục không tồn tại") as info:
        render(doc, tmp_path / "khong-co" / "plan.docx")
    assert str(tmp_path / "khong-co") in str(info.value)
    assert isinstance(info.value, OSError)


def test_read_only_output_folder(tmp_path: Path, doc: vanban.Document) -> None:
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user can write to a read-only folder (root)")
        with pytest.raises(vanban.InputError, match="không ghi được vào thư mục"):
            render(doc, folder / "plan.docx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_unwritable_output_folder_even_as_root(
    tmp_path: Path, doc: vanban.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal when the system says no (root can write to 0o500 folders)."""

    def refuse(*args: Any, **kw: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(vanban._files.tempfile, "mkstemp", refuse)
    out = tmp_path / "plan.docx"
    out.write_bytes(b"old")
    with pytest.raises(vanban.InputError, match="không ghi được vào thư mục") as info:
        render(doc, out)
    assert str(tmp_path) in str(info.value)
    assert out.read_bytes() == b"old"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_libyaml_path_reads_like_the_python_path(path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Large files are composed by libyaml; data and every position must match the reference."""
    import vanban._loading as loading

    text = path.read_text(encoding="utf-8")
    if len(text) < 4096:  # a short letter: the Python loader reads it, libyaml is not tried
        assert loading._fast_node(text) is None
        return
    assert loading._fast_node(text) is not None, "the example should take the libyaml path"
    fast_data, fast = loading.parse_yaml(text, str(path))
    monkeypatch.setattr(loading, "_fast_node", lambda text: None)
    slow_data, slow = loading.parse_yaml(text, str(path))
    assert fast_data == slow_data
    assert fast.marks == slow.marks and fast.key_marks == slow.key_marks


def test_libyaml_path_refuses_deep_nesting_safely() -> None:
    """libyaml would crash on absurd nesting: such files must take the Python path's error."""
    text = "type: ke_hoach\nx: " + "[" * 5000 + "]" * 5000 + "\n" + "# pad\n" * 1000
    with pytest.raises(vanban.ValidationError, match="lồng nhau"):
        vanban.loads(text)

"""``vanban.dump`` / ``vanban.save``: a model written back as YAML a person would write, which
loads back into the same model."""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from test_properties import plans, scaled

import vanban
from vanban import registry
from vanban._skeleton import skeleton
from vanban.models import KeHoach

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_loads_back_equal(path: Path) -> None:
    doc = vanban.load(path)
    text = vanban.dump(doc)
    assert vanban.loads(text, source="dump.yaml") == doc
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={doc.type}.schema.json"
    assert lines[1] == f"type: {doc.type}"


@pytest.mark.parametrize("key", registry.type_keys())
def test_every_type_skeleton_loads_back_equal(key: str) -> None:
    doc = vanban.loads(skeleton(key))
    assert vanban.loads(vanban.dump(doc)) == doc


def test_fields_in_the_types_order_and_defaults_left_out() -> None:
    doc = vanban.load(EXAMPLES[0])
    data = yaml.safe_load(vanban.dump(doc))
    # header, the plan's own fields in its order, then notes, signature and Nơi nhận
    assert list(data) == [
        "type", "issuer", "place", "date", "title", "intro", "sections", "closing",
        "footnotes", "signer", "recipients", "archive",
    ]  # fmt: skip
    # A field left at its default is not spelled out (the font size preset, the margins…).
    for name, info in type(doc).model_fields.items():
        if (
            name != "type"
            and not info.is_required()
            and getattr(doc, name) == info.get_default(call_default_factory=True)
        ):
            assert name not in data, name


def test_short_forms_a_person_writes() -> None:
    doc = vanban.loads(
        "type: ke_hoach\n"
        "issuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\n"
        "place: Hà Nội\ndate: 2024-11\ntitle: Kế hoạch thử\n"
        "sections: [{title: Mục đích, content: [Một.]}]\n"
        "recipients: [Các phòng]\narchive: VT, TCCB\n"
        "signer: {title: Giám đốc, name: Nguyễn Văn An}\n"
    )
    data = yaml.safe_load(vanban.dump(doc))
    assert data["date"] == "2024-11"
    assert data["recipients"] == ["Các phòng"]
    assert data["archive"] == "VT, TCCB"


def test_long_and_multiline_texts_as_block_scalars() -> None:
    long = "Tăng cường công tác " * 12 + "phòng chống thiên tai."
    doc = vanban.loads(
        yaml.safe_dump(
            {
                "type": "ke_hoach",
                "issuer": {"name": "BAN QUẢN LÝ CÁC\nKHU CÔNG NGHIỆP", "abbreviation": "KCN"},
                "place": "Bắc Giang",
                "date": "2022-02",
                "title": long.strip(),
                "sections": [{"title": "Mục đích", "content": ["Một."]}],
                "signer": {"title": "Trưởng ban", "name": "Đào Xuân Cường"},
                "archive": "VT",
            },
            allow_unicode=True,
        )
    )
    text = vanban.dump(doc)
    assert "title: >-\n" in text
    assert "name: |-\n    BAN QUẢN LÝ CÁC\n    KHU CÔNG NGHIỆP\n" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert vanban.loads(text) == doc


def test_schema_line_can_be_named_or_left_out() -> None:
    doc = vanban.load(EXAMPLES[0])
    assert vanban.dump(doc, schema="../schemas/x.json").startswith(
        "# yaml-language-server: $schema=../schemas/x.json\n"
    )
    assert vanban.dump(doc, schema="").startswith("type: ")


def test_save_writes_the_dump_atomically(tmp_path: Path) -> None:
    doc = vanban.load(EXAMPLES[0])
    target = tmp_path / "van-ban.yaml"
    target.write_text("cũ", encoding="utf-8")
    os.chmod(target, 0o640)
    assert vanban.save(doc, target) == target
    assert target.read_text(encoding="utf-8") == vanban.dump(doc)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file's mode is kept
    assert [p.name for p in tmp_path.iterdir()] == ["van-ban.yaml"]  # no temporary left
    assert vanban.load(target) == doc


@settings(max_examples=scaled(0.5), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plans(markup=True, yaml_safe=True))
def test_random_plans_load_back_equal(case: tuple[dict[str, Any], Any]) -> None:
    """Texts with runs of spaces, line breaks, quotes, markup, emoji, NFD and YAML look-alikes
    (``yes``, ``1.5``, ``- x``, ``#``) come back exactly."""
    plan, _ = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)  # advice on random names
        doc = KeHoach.model_validate(plan)
        again = vanban.loads(vanban.dump(doc), source="dump.yaml")
    # (equal as data: a model built in Python has not yet been through load's checks)
    assert again.model_dump() == doc.model_dump()

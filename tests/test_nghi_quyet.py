"""Nghị quyết (Mẫu 1.1): the line naming the collective, căn cứ, "QUYẾT NGHỊ:", articles,
"Như Điều N" in Nơi nhận, the "TM." signer, read back from the .docx, and located errors."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from tests_support import example_docs

import vanban
from vanban._docx_reader import read_docx
from vanban.checker import check_docx, check_report
from vanban.layout import Role, layout
from vanban.layout.blocks import flatten
from vanban.models import Archive, Issuer, Recipient, Signer
from vanban.models.articles import Article
from vanban.models.blocks import Item
from vanban.models.nghi_quyet import NghiQuyet
from vanban.nd30 import articles as rules

YAML = """\
type: nghi_quyet
issuer: {parent: QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH HÒA BÌNH NAM, name: HỘI ĐỒNG QUẢN LÝ, abbreviation: HĐQL}
number: 5
place: Hòa Bình Nam
date: 2026-12-10
title: Về việc phê duyệt kế hoạch tài chính năm 2027
authority: Hội đồng quản lý Quỹ Đầu tư phát triển tỉnh Hòa Bình Nam
bases:
  - Căn cứ Biên bản họp Hội đồng quản lý ngày 08 tháng 12 năm 2026
proposal: Xét đề nghị của Giám đốc Quỹ
articles:
  - text: "Phê duyệt kế hoạch tài chính năm 2027 của Quỹ:"
    content:
      - text: Tổng nguồn vốn hoạt động là 1.250.000.000.000 đồng;
      - text: Lợi nhuận trước thuế là 42.000.000.000 đồng.
  - Nghị quyết này có hiệu lực kể từ ngày ký.
  - Giám đốc Quỹ và Trưởng các phòng chịu trách nhiệm thi hành Nghị quyết này.
recipients: [Ủy ban nhân dân tỉnh]
archive: KH
signer: {authority: TM, collective: HỘI ĐỒNG QUẢN LÝ, title: CHỦ TỊCH, name: Vũ Thị Hạnh}
"""


def _python() -> NghiQuyet:
    return NghiQuyet(
        issuer=Issuer(
            parent="QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH HÒA BÌNH NAM",
            name="HỘI ĐỒNG QUẢN LÝ",
            abbreviation="HĐQL",
        ),
        number=5,
        place="Hòa Bình Nam",
        date="2026-12-10",
        title="Về việc phê duyệt kế hoạch tài chính năm 2027",
        authority="Hội đồng quản lý Quỹ Đầu tư phát triển tỉnh Hòa Bình Nam",
        bases=["Căn cứ Biên bản họp Hội đồng quản lý ngày 08 tháng 12 năm 2026"],
        proposal="Xét đề nghị của Giám đốc Quỹ",
        articles=[
            Article(
                text="Phê duyệt kế hoạch tài chính năm 2027 của Quỹ:",
                content=[
                    Item(text="Tổng nguồn vốn hoạt động là 1.250.000.000.000 đồng;"),
                    Item(text="Lợi nhuận trước thuế là 42.000.000.000 đồng."),
                ],
            ),
            Article(text="Nghị quyết này có hiệu lực kể từ ngày ký."),
            Article(
                text="Giám đốc Quỹ và Trưởng các phòng chịu trách nhiệm thi hành Nghị quyết này."
            ),
        ],
        recipients=[Recipient(name="Ủy ban nhân dân tỉnh")],
        archive=Archive(units=["KH"]),
        signer=Signer(
            authority="TM", collective="HỘI ĐỒNG QUẢN LÝ", title="CHỦ TỊCH", name="Vũ Thị Hạnh"
        ),
    )


def _load(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.loads(text)


def _render(doc: NghiQuyet) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.render(doc)


def test_python_and_yaml_give_the_same_document() -> None:
    from_yaml, from_python = _load(YAML), _python()
    assert isinstance(from_yaml, NghiQuyet)
    assert from_yaml.model_dump() == from_python.model_dump()
    assert _render(from_yaml) == _render(from_python)


def test_resolution_reads_back_from_the_docx_in_the_order_of_mau_1_1() -> None:
    paras = [p for p in read_docx(_render(_load(YAML))).paragraphs if p.text.strip()]
    texts = [p.text for p in paras]
    assert "Số: 05/NQ-HĐQL" in texts
    start = texts.index("NGHỊ QUYẾT")
    assert texts[start : start + 10] == [
        "NGHỊ QUYẾT",
        "Về việc phê duyệt kế hoạch tài chính năm 2027",
        "HỘI ĐỒNG QUẢN LÝ QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH HÒA BÌNH NAM",
        "Căn cứ Biên bản họp Hội đồng quản lý ngày 08 tháng 12 năm 2026;",
        "Xét đề nghị của Giám đốc Quỹ.",
        "QUYẾT NGHỊ:",
        "Điều 1. Phê duyệt kế hoạch tài chính năm 2027 của Quỹ:",
        "1. Tổng nguồn vốn hoạt động là 1.250.000.000.000 đồng;",
        "2. Lợi nhuận trước thuế là 42.000.000.000 đồng.",
        "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký.",
    ]
    by_text = {p.text: p for p in paras}
    decision = by_text["QUYẾT NGHỊ:"]
    assert decision.style_id == "VBDecision" and decision.alignment == "center"
    assert by_text["HỘI ĐỒNG QUẢN LÝ QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH HÒA BÌNH NAM"].style_id == (
        "VBAuthority"
    )
    assert "QUYẾT ĐỊNH:" not in texts
    assert texts[texts.index("Nơi nhận:") + 1 : texts.index("Nơi nhận:") + 3] == [
        "- Như Điều 3;",
        "- Ủy ban nhân dân tỉnh;",
    ]
    assert "TM. HỘI ĐỒNG QUẢN LÝ" in texts and "CHỦ TỊCH" in texts
    assert [t for t in texts if t.endswith("./.")] == [
        "Điều 3. Giám đốc Quỹ và Trưởng các phòng chịu trách nhiệm thi hành Nghị quyết này./."
    ]


def test_checker_finds_nothing_and_sees_a_nghi_quyet() -> None:
    data = _render(_load(YAML))
    assert check_docx(data) == []
    assert check_report(data).document_type == "nghi_quyet"


def test_executors_article_moves_the_nhu_dieu_line() -> None:
    doc = _load(YAML.replace("proposal:", "executors_article: 2\nproposal:"))
    lines = layout(doc).text().split("\n")
    assert "- Như Điều 2;" in lines and "- Như Điều 3;" not in lines


def test_signer_other_than_tm_warns() -> None:
    text = YAML.replace(
        "signer: {authority: TM, collective: HỘI ĐỒNG QUẢN LÝ, title: CHỦ TỊCH, name: Vũ Thị Hạnh}",
        "signer: {title: CHỦ TỊCH, name: Vũ Thị Hạnh}",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(text)
    found = [str(w.message) for w in caught if "nghị quyết là quyết định của tập thể" in str(w)]
    assert found and "signer.authority" in found[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(YAML)
    assert not [w for w in caught if "tập thể" in str(w.message)]


def test_executors_article_must_exist_located_in_vietnamese() -> None:
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(YAML.replace("proposal:", "executors_article: 7\nproposal:"), source="nq.yaml")
    (problem,) = info.value.errors
    assert problem.path == "executors_article"
    assert (problem.source, problem.line) == ("nq.yaml", 10)
    assert "nghị quyết chỉ có 3 điều, không có Điều 7" in problem.message


def test_a_resolution_needs_articles_located() -> None:
    start, end = YAML.index("articles:"), YAML.index("recipients:")
    with pytest.raises(vanban.ValidationError, match="articles: thiếu trường bắt buộc"):
        vanban.loads(YAML[:start] + YAML[end:])
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(YAML.replace("  - Nghị quyết này", "  - {}\n  - Nghị quyết này"), source="n")
    (problem,) = info.value.errors
    assert problem.path == "articles[1]" and problem.line == 16


def test_rules() -> None:
    assert rules.decision_line("nghi_quyet") == "QUYẾT NGHỊ:"
    assert rules.decision_line("quyet_dinh") == "QUYẾT ĐỊNH:"
    assert rules.resolution_signer_mismatch("TM.") is None
    assert rules.resolution_signer_mismatch("") is not None


def test_body_roles() -> None:
    body = flatten(layout(_load(YAML)).body)
    roles = [b.role for b in body]
    assert roles[:3] == [Role.BASIS, Role.BASIS, Role.DECISION]
    assert roles.count(Role.ARTICLE) == 3


@pytest.mark.parametrize("size", ["13", "14"])
@pytest.mark.parametrize(
    "name", sorted(n for n, d in example_docs().items() if isinstance(d, NghiQuyet))
)
def test_examples_pass_the_checker_in_both_sizes(name: str, size: str) -> None:
    doc = example_docs()[name].model_copy(deep=True)
    doc.format.size = size
    assert check_docx(_render(doc)) == []


def test_documented_yaml_loads() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "types" / "nghi-quyet.md").read_text(
        encoding="utf-8"
    )
    snippet = re.search(r"```yaml\n(.*?)```", page, re.S)
    assert snippet is not None
    doc = _load(snippet.group(1))
    assert isinstance(doc, NghiQuyet)
    assert check_docx(_render(doc)) == []

"""Hợp đồng (no Mẫu, nd30-types.md §15): the model, căn cứ, the parties, the articles,
ĐẠI DIỆN BÊN A / BÊN B side by side, no Nơi nhận unless given, located errors."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
import yaml

import vanban
from vanban._docx_reader import DocxView, ParaView, read_docx
from vanban.checker import check_report
from vanban.models import Issuer
from vanban.models.agreement import Party
from vanban.models.articles import Article
from vanban.models.signatories import Person

#: A small contract as data; each test copies it.
CONTRACT: dict[str, Any] = {
    "type": "hop_dong",
    "issuer": {"parent": "UBND TỈNH HÒA BÌNH NAM", "name": "SỞ NỘI VỤ", "abbreviation": "SNV"},
    "number": 12,
    "place": "Hòa Bình Nam",
    "date": "2026-12-28",
    "title": "Cung cấp dịch vụ vệ sinh trụ sở",
    "bases": ["Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015"],
    "venue": "trụ sở Sở Nội vụ",
    "parties": [
        {
            "name": "Sở Nội vụ tỉnh Hòa Bình Nam",
            "role": "bên thuê",
            "representative": {"honorific": "Ông", "name": "Nguyễn Văn An", "position": "Giám đốc"},
            "phone": "0218 3852 123",
        },
        {
            "name": "Công ty TNHH Sạch Xanh",
            "representative": {"name": "Đỗ Thị Hằng", "position": "Giám đốc"},
            "tax_code": "5400512345",
        },
    ],
    "articles": [
        {"title": "Nội dung", "text": "Bên B làm vệ sinh trụ sở Bên A hằng ngày."},
        "Hợp đồng có hiệu lực kể từ ngày ký.",
    ],
}


def contract(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(CONTRACT)
    data.update(changes)
    return data


def load(data: dict[str, Any]) -> vanban.Document:
    with warnings.catch_warnings():
        warnings.simplefilter("error", vanban.VanbanWarning)
        return vanban.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def view(data: dict[str, Any]) -> DocxView:
    return read_docx(vanban.render(load(data)))


def texts(v: DocxView) -> list[str]:
    return [p.text for p in v.paragraphs if p.text.strip()]


def para(v: DocxView, start: str) -> ParaView:
    found = [p for p in v.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, f"{start!r}: {[p.text for p in found]}"
    return found[0]


def test_python_and_yaml_give_the_same_document() -> None:
    built = vanban.HopDong(
        issuer=Issuer(parent="UBND TỈNH HÒA BÌNH NAM", name="SỞ NỘI VỤ", abbreviation="SNV"),
        number=12,
        place="Hòa Bình Nam",
        date="2026-12-28",
        title="Cung cấp dịch vụ vệ sinh trụ sở",
        bases=CONTRACT["bases"],
        venue="trụ sở Sở Nội vụ",
        parties=[
            Party(
                name="Sở Nội vụ tỉnh Hòa Bình Nam",
                role="bên thuê",
                representative=Person(honorific="Ông", name="Nguyễn Văn An", position="Giám đốc"),
                phone="0218 3852 123",
            ),
            Party(
                name="Công ty TNHH Sạch Xanh",
                representative=Person(name="Đỗ Thị Hằng", position="Giám đốc"),
                tax_code="5400512345",
            ),
        ],
        articles=[
            Article(title="Nội dung", text="Bên B làm vệ sinh trụ sở Bên A hằng ngày."),
            Article(text="Hợp đồng có hiệu lực kể từ ngày ký."),
        ],
    )
    loaded = load(CONTRACT)
    assert isinstance(loaded, vanban.HopDong)
    assert built.model_dump() == loaded.model_dump()
    assert (
        read_docx(vanban.render(built)).normalised()
        == read_docx(vanban.render(loaded)).normalised()
    )


def test_order_of_the_body() -> None:
    v = view(CONTRACT)
    lines = texts(v)
    body = lines[lines.index("HỢP ĐỒNG") :]
    assert body[:14] == [
        "HỢP ĐỒNG",
        "Cung cấp dịch vụ vệ sinh trụ sở",
        "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015.",
        "Hôm nay, ngày 28 tháng 12 năm 2026, tại trụ sở Sở Nội vụ, chúng tôi gồm:",
        "BÊN A (BÊN THUÊ): SỞ NỘI VỤ TỈNH HÒA BÌNH NAM",
        "- Đại diện: Ông Nguyễn Văn An;",
        "- Chức vụ: Giám đốc;",
        "- Điện thoại: 0218 3852 123.",
        "BÊN B: CÔNG TY TNHH SẠCH XANH",
        "- Đại diện: Đỗ Thị Hằng;",
        "- Chức vụ: Giám đốc;",
        "- Mã số thuế: 5400512345.",
        "Sau khi trao đổi, thống nhất, hai bên cùng ký hợp đồng với các điều khoản sau:",
        "Điều 1. Nội dung",
    ]
    assert para(v, "Điều 2.").text == "Điều 2. Hợp đồng có hiệu lực kể từ ngày ký./."
    assert para(v, "Số: 12/HĐ-SNV")
    assert para(v, "Hòa Bình Nam, ngày 28 tháng 12 năm 2026")
    assert all(r.bold for r in para(v, "BÊN A (").runs if r.text.strip())


def test_representatives_side_by_side_and_no_recipients() -> None:
    v = view(CONTRACT)
    a, b = para(v, "ĐẠI DIỆN BÊN A"), para(v, "ĐẠI DIỆN BÊN B")
    assert a.table == b.table is not None
    assert (a.row, a.cell, b.row, b.cell) == (0, 0, 0, 1)
    assert para(v, "Nguyễn Văn An").cell == 0
    assert para(v, "Đỗ Thị Hằng").cell == 1
    assert [p.cell for p in v.paragraphs if p.text == "GIÁM ĐỐC"] == [0, 1]
    assert not [t for t in texts(v) if t.startswith(("Nơi nhận", "- Lưu"))]


def test_recipients_when_given_under_the_signers() -> None:
    v = view(contract(recipients=["Kho bạc Nhà nước khu vực XV"], archive="KHTC"))
    label = para(v, "Nơi nhận:")
    assert (label.row, label.cell) == (1, 0)
    assert para(v, "- Lưu: VT, KHTC.").cell == 0


def test_opening_and_agreement_lines_may_be_written() -> None:
    v = view(contract(opening="Chúng tôi gồm:", agreement="Hai bên thỏa thuận như sau:"))
    assert para(v, "Chúng tôi gồm:")
    assert para(v, "Hai bên thỏa thuận như sau:")
    assert not [t for t in texts(v) if t.startswith(("Hôm nay", "Sau khi trao đổi"))]


def test_the_checker_accepts_a_contract() -> None:
    report = check_report(vanban.render(load(CONTRACT)))
    assert not report.findings, [str(f) for f in report.findings]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"parties": CONTRACT["parties"][:1]}, "parties", "ít nhất 2"),
        ({"articles": []}, "articles", "ít nhất 1"),
        ({"venue": {"a": 1}}, "venue", "cần một đoạn chữ"),
    ],
)
def test_located_vietnamese_errors(change: dict[str, Any], path: str, message: str) -> None:
    text = yaml.safe_dump(contract(**change), allow_unicode=True, sort_keys=False)
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="hd.yaml")
    [problem] = info.value.errors
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith(f"{path}:"))
    assert (problem.path, problem.source) == (path, "hd.yaml")
    assert problem.line is not None and line <= problem.line <= line + 2
    assert message in problem.message


def test_a_missing_representative_is_located_and_a_signer_refused() -> None:
    data = contract()
    del data["parties"][1]["representative"]
    with pytest.raises(vanban.ValidationError) as info:
        load(data)
    assert [p.path for p in info.value.errors] == ["parties[1].representative"]
    with pytest.raises(vanban.ValidationError, match="hợp đồng không dùng signer"):
        load(contract(signer={"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"}))

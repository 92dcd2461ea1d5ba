"""Quyết định (Mẫu 1.2, 1.3): articles and chương, the authority and căn cứ block, "Như Điều
N" in Nơi nhận, the attached text after the signature, and what the checker and LibreOffice
make of them."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import EXAMPLES_DIR, PDFTOTEXT, SOFFICE, example_docs, pdf_text, to_pdf

import vanban
from vanban.checker import check_docx
from vanban.layout import Role, layout
from vanban.layout.blocks import Block, flatten
from vanban.layout.quyet_dinh import reference_line
from vanban.models import Archive, Issuer, Recipient, Signer
from vanban.models.articles import Article, Chapter, ChapterSection
from vanban.models.blocks import Item, Letter, Letters
from vanban.models.quyet_dinh import Attachment, QuyetDinh
from vanban.nd30 import articles as rules

ATTACHED = "so-gddt-ban-hanh-ke-hoach-hoi-khoe-phu-dong"

YAML = """\
type: quyet_dinh
issuer: {parent: UBND TỈNH LÂM ĐỒNG, name: SỞ NỘI VỤ, abbreviation: SNV}
number: 12
place: Lâm Đồng
date: 2026-11-20
title: Về việc cử công chức đi bồi dưỡng
authority: Giám đốc Sở Nội vụ
bases:
  - Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025
proposal: Chánh Văn phòng Sở
articles:
  - text: "Cử các công chức sau đi bồi dưỡng:"
    content:
      - text: Ông Nguyễn Văn An, chuyên viên;
      - text: "Bà Lê Thị Bình, chuyên viên:"
        content:
          - letters: [Học lớp quản lý nhà nước;, Học lớp tin học.]
  - Quyết định này có hiệu lực kể từ ngày ký.
  - Chánh Văn phòng Sở và các công chức có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
recipients: [Ban Giám đốc Sở]
archive: VP
signer: {title: GIÁM ĐỐC, name: Lê Quang Minh}
"""


def _python() -> QuyetDinh:
    return QuyetDinh(
        issuer=Issuer(parent="UBND TỈNH LÂM ĐỒNG", name="SỞ NỘI VỤ", abbreviation="SNV"),
        number=12,
        place="Lâm Đồng",
        date="2026-11-20",
        title="Về việc cử công chức đi bồi dưỡng",
        authority="Giám đốc Sở Nội vụ",
        bases=["Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025"],
        proposal="Chánh Văn phòng Sở",
        articles=[
            Article(
                text="Cử các công chức sau đi bồi dưỡng:",
                content=[
                    Item(text="Ông Nguyễn Văn An, chuyên viên;"),
                    Item(
                        text="Bà Lê Thị Bình, chuyên viên:",
                        content=[
                            Letters(
                                letters=[
                                    Letter(text="Học lớp quản lý nhà nước;"),
                                    Letter(text="Học lớp tin học."),
                                ]
                            )
                        ],
                    ),
                ],
            ),
            Article(text="Quyết định này có hiệu lực kể từ ngày ký."),
            Article(
                text="Chánh Văn phòng Sở và các công chức có tên tại Điều 1 chịu trách nhiệm "
                "thi hành Quyết định này."
            ),
        ],
        recipients=[Recipient(name="Ban Giám đốc Sở")],
        archive=Archive(units=["VP"]),
        signer=Signer(title="GIÁM ĐỐC", name="Lê Quang Minh"),
    )


def _load(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.loads(text)


def _render(doc: QuyetDinh) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", vanban.VanbanWarning)
        return vanban.render(doc)


def _lines(doc: QuyetDinh) -> list[str]:
    return layout(doc).text().split("\n")


def _body(doc: QuyetDinh) -> list[Block]:
    return flatten(layout(doc).body)


# --------------------------------------------------------------------------- the decision


def test_python_and_yaml_give_the_same_document() -> None:
    from_yaml, from_python = _load(YAML), _python()
    assert isinstance(from_yaml, QuyetDinh)
    assert from_yaml.model_dump() == from_python.model_dump()
    assert _render(from_yaml) == _render(from_python)


def test_decision_reads_in_the_order_of_the_template() -> None:
    lines = _lines(_load(YAML))
    start = lines.index("QUYẾT ĐỊNH")
    assert lines[start : start + 12] == [
        "QUYẾT ĐỊNH",
        "Về việc cử công chức đi bồi dưỡng",
        "GIÁM ĐỐC SỞ NỘI VỤ",
        "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
        "Theo đề nghị của Chánh Văn phòng Sở.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Cử các công chức sau đi bồi dưỡng:",
        "1. Ông Nguyễn Văn An, chuyên viên;",
        "2. Bà Lê Thị Bình, chuyên viên:",
        "a) Học lớp quản lý nhà nước;",
        "b) Học lớp tin học.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ]
    last = next(x for x in lines if x.startswith("Điều 3."))
    assert last.endswith("thi hành Quyết định này./."), "the end mark closes the last article"
    assert sum(x.endswith("./.") for x in lines) == 1


def test_article_label_bold_text_regular_in_one_paragraph() -> None:
    first = next(b for b in _body(_load(YAML)) if b.role is Role.ARTICLE)
    label, space, *text = first.inlines
    assert label.text == "Điều 1." and label.bold
    assert space.text == " " and not any(getattr(x, "bold", False) for x in text)


def test_proposal_closes_the_bases_and_bases_end_with_semicolons() -> None:
    doc = _load(YAML.replace("bases:\n", "bases:\n  - Căn cứ Luật A.\n"))
    basis = [b.text for b in _body(doc) if b.role is Role.BASIS]
    assert basis == [
        "Căn cứ Luật A;",
        "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
        "Theo đề nghị của Chánh Văn phòng Sở.",
    ]
    no_proposal = _load(YAML.replace("proposal: Chánh Văn phòng Sở\n", ""))
    assert [b.text for b in _body(no_proposal) if b.role is Role.BASIS][-1].endswith("2025.")


def test_khoan_numbering_restarts_in_each_article() -> None:
    doc = _load(YAML)
    doc.articles[1] = Article(text="Hiệu lực:", content=[Item(text="Kể từ ngày ký.")])
    items = [b.text for b in _body(doc) if b.role is Role.ITEM]
    assert [t.split()[0] for t in items if t[0].isdigit()] == ["1.", "2.", "1."]


def test_articles_are_numbered_continuously_through_chapters() -> None:
    chapters = [
        Chapter(
            title="Quy định chung", articles=[Article(title="Phạm vi"), Article(title="Đối tượng")]
        ),
        Chapter(
            title="Quy định cụ thể",
            sections=[
                ChapterSection(title="Tuyển dụng", articles=[Article(title="Điều kiện")]),
                ChapterSection(title="Sử dụng", articles=[Article(text="Bố trí công tác.")]),
            ],
        ),
        Chapter(title="Tổ chức thực hiện", articles=[Article(text="Hiệu lực thi hành.")]),
    ]
    doc = _python().model_copy(update={"articles": [], "chapters": chapters})
    blocks = _body(doc)
    heads = [
        b.text
        for b in blocks
        if b.role in (Role.CHAPTER, Role.CHAPTER_TITLE, Role.ARTICLE, Role.ARTICLE_HEADING)
    ]
    assert heads == [
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi",
        "Điều 2. Đối tượng",
        "Chương II",
        "QUY ĐỊNH CỤ THỂ",
        "Mục 1",
        "TUYỂN DỤNG",
        "Điều 3. Điều kiện",
        "Mục 2",
        "SỬ DỤNG",
        "Điều 4. Bố trí công tác.",
        "Chương III",
        "TỔ CHỨC THỰC HIỆN",
        "Điều 5. Hiệu lực thi hành./.",
    ]
    assert "- Như Điều 5;" in _lines(doc)
    titled = next(b for b in blocks if b.role is Role.ARTICLE_HEADING)
    assert all(getattr(x, "bold", True) for x in titled.inlines)


def test_as_article_line_follows_the_executors_article() -> None:
    doc = _load(YAML)
    recipients = _lines(doc)[_lines(doc).index("Nơi nhận:") + 1 :]
    assert recipients[:2] == ["- Như Điều 3;", "- Ban Giám đốc Sở;"]
    doc.executors_article = 2
    assert "- Như Điều 2;" in _lines(doc) and "- Như Điều 3;" not in _lines(doc)
    doc.executors_article = None
    doc.articles.append(Article(text="Điều khoản chuyển tiếp."))
    assert "- Như Điều 4;" in _lines(doc)


def test_as_article_line_written_by_the_user_is_not_doubled() -> None:
    doc = _load(YAML.replace("recipients: [Ban Giám đốc Sở]", "recipients: [Như Điều 2 và 3, BGĐ]"))
    lines = _lines(doc)
    assert [x for x in lines if x.lower().startswith("- như điều")] == ["- Như Điều 2 và 3;"]


def test_executors_article_must_exist_located_in_vietnamese() -> None:
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(YAML.replace("proposal:", "executors_article: 9\nproposal:"), source="qd.yaml")
    (problem,) = info.value.errors
    assert problem.path == "executors_article"
    assert (problem.source, problem.line) == ("qd.yaml", 10)
    assert "chỉ có 3 điều, không có Điều 9" in problem.message


def test_bad_block_inside_an_article_is_located() -> None:
    text = YAML.replace(
        "  - Quyết định này có hiệu lực kể từ ngày ký.",
        "  - text: Hiệu lực\n    content:\n      - {}",
    )
    with pytest.raises(vanban.ValidationError) as info:
        vanban.loads(text, source="qd.yaml")
    (problem,) = info.value.errors
    assert problem.path == "articles[1].content[0]"
    assert problem.line == 20 and "không nhận ra khối nội dung" in problem.message
    with pytest.raises(vanban.ValidationError, match=r"articles\[0\]: điều cần title"):
        vanban.loads(YAML.replace('  - text: "Cử', '  - content: ["x"]\n  - text: "Cử'))


def test_a_decision_needs_articles() -> None:
    start, end = YAML.index("articles:"), YAML.index("recipients:")
    with pytest.raises(vanban.ValidationError, match="articles: thiếu trường bắt buộc"):
        vanban.loads(YAML[:start] + YAML[end:])
    with pytest.raises(vanban.ValidationError, match="articles: quyết định cần articles"):
        _python().articles = []


def test_authority_line_is_uppercase_and_checked_with_zero_findings() -> None:
    lay = layout(_load(YAML))
    assert [b.text for b in lay.authority] == ["GIÁM ĐỐC SỞ NỘI VỤ"]
    assert check_docx(_render(_load(YAML))) == []


# --------------------------------------------------------------------------- Mẫu 1.3


def _attached() -> QuyetDinh:
    doc = example_docs()[ATTACHED]
    assert isinstance(doc, QuyetDinh)
    return doc.model_copy(deep=True)


def test_first_article_issues_the_attachment() -> None:
    doc = _attached()
    first = next(b for b in _body(doc) if b.role is Role.ARTICLE)
    assert first.text == (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Hội khỏe Phù Đổng tỉnh "
        "Nghệ An lần thứ XII năm 2027."
    )
    assert doc.article_total == 3 and "- Như Điều 3;" in _lines(doc)
    assert doc.attachment is not None
    doc.attachment.action = "phe_duyet"
    doc.attachment.type = "de_an"
    assert "Điều 1. Phê duyệt kèm theo Quyết định này Đề án tổ chức" in layout(doc).text()
    doc.attachment.article = "Ban hành Kế hoạch kèm theo Quyết định này."
    assert "Điều 1. Ban hành Kế hoạch kèm theo Quyết định này." in _lines(doc)


def _part(doc: QuyetDinh) -> list[str]:
    lay = layout(doc)
    part = lay.appendices[0]
    assert part.header, "the attached text carries the issuer's header"
    return [_spaced(b.text) for b in part.heading]


def _spaced(text: str) -> str:
    """A heading line with its non-breaking spaces (names kept on one line) as spaces."""
    return text.replace("\xa0", " ")


def test_attached_text_heading_and_reference_line() -> None:
    doc = _attached()
    assert _part(doc) == [
        "KẾ HOẠCH",
        "Tổ chức Hội khỏe Phù Đổng tỉnh Nghệ An\nlần thứ XII năm 2027",
        "(Kèm theo Quyết định số 1875/QĐ-SGDĐT ngày 08 tháng 12 năm 2026 của Sở Giáo dục và "
        "Đào tạo tỉnh Nghệ An)",
    ]
    lay = layout(doc)
    assert [b.role for b in lay.appendices[0].heading][-1] is Role.APPENDIX_REFERENCE
    body = flatten(lay.appendices[0].body)
    assert body[-1].text.endswith("trước ngày 15 tháng 3 năm 2027./.")
    assert not any(b.role in (Role.SIGNER_TITLE, Role.RECIPIENT) for b in body)


def test_reference_line_follows_the_decisions_number_and_date() -> None:
    doc = _attached()
    before = _spaced(reference_line(doc))
    doc.number = 7
    doc.date = "2027-01-05"
    after = _spaced(reference_line(doc))
    assert before != after
    assert after.startswith("(Kèm theo Quyết định số 07/QĐ-SGDĐT ngày 05 tháng 01 năm 2027 ")
    assert _part(doc)[-1] == after
    doc.number = None
    doc.date = "2027-01"
    assert _spaced(reference_line(doc)).startswith(
        "(Kèm theo Quyết định số       /QĐ-SGDĐT ngày       "
    )
    doc.symbol = "QĐ-GDĐT"
    assert "/QĐ-GDĐT ngày" in _spaced(reference_line(doc))
    assert doc.attachment is not None
    doc.attachment.reference = "ban_hanh_kem_theo"
    assert _spaced(reference_line(doc)).startswith("(Ban hành kèm theo Quyết định số ")


def test_phu_luc_of_the_attached_text_follows_it_and_is_referenced() -> None:
    lay = layout(_attached())
    assert len(lay.appendices) == 2
    label, title, ref = (b.text for b in lay.appendices[1].heading)
    assert (label, title) == ("Phụ lục", "LỊCH THI ĐẤU CÁC MÔN")
    assert _spaced(ref).startswith("(Kèm theo Quyết định số 1875/QĐ-SGDĐT")
    assert "(lịch cụ thể tại Phụ lục)" in lay.text()


def _sections(data: bytes) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return re.findall(r"<w:sectPr>.*?</w:sectPr>", xml, re.S)


def test_attached_text_is_a_section_restarting_page_numbers() -> None:
    data = _render(_attached())
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    main, attached, appendix = _sections(data)
    assert "pgNumType" not in main
    assert '<w:pgNumType w:start="1"/>' in attached and '<w:pgNumType w:start="1"/>' in appendix
    # The attached text lies between the decision's section break and its own.
    assert xml.index(main) < xml.index("(Kèm theo Quyết\xa0định số 1875") < xml.index(attached)
    assert xml.index(attached) < xml.index("LỊCH THI ĐẤU CÁC MÔN")


def test_checker_passes_the_attached_text_and_sees_its_page_numbers() -> None:
    doc = _attached()
    more = "Các phòng thuộc Sở phối hợp tổ chức Hội khỏe Phù Đổng theo Kế hoạch ban hành kèm theo."
    doc.articles = [Article(text=more) for _ in range(12)] + doc.articles  # two pages or more
    data = _render(doc)
    assert check_docx(data) == []
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "word/document.xml":
                text = raw.decode()
                _, attached, _ = _sections(data)
                raw = text.replace(
                    attached, attached.replace('<w:pgNumType w:start="1"/>', "")
                ).encode()
            z.writestr(info.filename, raw)
    rules_found = {f.rule for f in check_docx(out.getvalue())}
    assert rules_found == {"PL1.III.1.appendix-page-numbers"}


def test_attachment_body_is_checked() -> None:
    with pytest.raises(vanban.ValidationError, match="văn bản kèm theo cần nội dung"):
        Attachment.model_validate({"type": "quy_che", "title": "Làm việc"})
    data = _attached().model_dump(exclude_none=True)
    data["attachment"] = {"type": "quy_che", "title": "Làm việc", "content": ["Một đoạn."]}
    data["attachment"]["articles"] = ["Điều một."]
    with pytest.raises(vanban.ValidationError, match="attachment: văn bản kèm theo chia mục"):
        QuyetDinh.model_validate(data)
    with pytest.raises(vanban.ValidationError, match=r"attachment\.type"):
        _load(
            (EXAMPLES_DIR / f"{ATTACHED}.yaml")
            .read_text(encoding="utf-8")
            .replace("  type: ke_hoach", "  type: cong_van")
        )


def test_attachment_in_chapters_and_articles() -> None:
    doc = _attached()
    assert doc.attachment is not None
    doc.attachment = Attachment(
        type="quy_che",
        title="Làm việc của Sở Giáo dục và Đào tạo",
        chapters=[
            Chapter(title="Quy định chung", articles=[Article(title="Phạm vi điều chỉnh")]),
            Chapter(title="Điều khoản thi hành", articles=[Article(text="Hiệu lực.")]),
        ],
    )
    lay = layout(doc)
    part = [b.text for b in flatten(lay.appendices[0].body)]
    assert part == [
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Chương II",
        "ĐIỀU KHOẢN THI HÀNH",
        "Điều 2. Hiệu lực./.",
    ]
    assert "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở" in lay.text()


# --------------------------------------------------------------------------- nd30 rules


def test_rules() -> None:
    assert rules.article_label(1) == "Điều 1."
    assert rules.chapter_label(9) == "Chương IX"
    assert rules.as_article_line(12) == "Như Điều 12"
    with pytest.raises(ValueError):
        rules.article_label(0)


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext missing")
def test_attached_text_on_its_own_page_in_libreoffice(tmp_path: Path) -> None:
    assert SOFFICE and PDFTOTEXT
    vanban.render(example_docs()[ATTACHED], tmp_path / "qd.docx")
    (pdf,) = to_pdf(tmp_path / "qd.docx")
    text = pdf_text(pdf, layout=True)
    pages = [" ".join(p.split()) for p in text.split("\f") if p.strip()]
    assert len(pages) == 3, "decision, attached plan, phụ lục: one page each"
    decision, plan, schedule = pages
    assert "QUYẾT ĐỊNH:" in decision and "Nơi nhận:" in decision and "KẾ HOẠCH" not in decision
    assert plan.startswith("UBND TỈNH NGHỆ AN"), "no page number on the attached text's page 1"
    assert "KẾ HOẠCH" in plan and "(Kèm theo Quyết định số 1875/QĐ-SGDĐT ngày 08 tháng 12" in plan
    assert "Số:" not in plan and "Nơi nhận" not in plan and "Nguyễn Thị Kim Chi" not in plan
    assert schedule.startswith("Phụ lục LỊCH THI ĐẤU CÁC MÔN")


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("  - Quyết định này có", "  - Điều 2. Quyết định này có", "articles[1].text"),
        ("  - Quyết định này có", "  - title: Điều 2 . Hiệu lực\n  - Quyết", "articles[1].title"),
    ],
)
def test_typed_article_label_warns(old: str, new: str, path: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(YAML.replace(old, new))
    found = [str(w.message) for w in caught if "typed" in str(w.message) or "gõ" in str(w.message)]
    assert any(f": {path}: " in m for m in found), found
    assert all("sẽ in hai lần" in m for m in found)


def test_article_text_opening_with_dieu_kien_does_not_warn() -> None:
    text = YAML.replace("  - Quyết định này có", "  - Điều kiện thi hành của Quyết định này có")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(text)
    assert not [w for w in caught if "sẽ in hai lần" in str(w.message)]


def test_documented_yaml_loads() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "types" / "quyet-dinh.md").read_text(
        encoding="utf-8"
    )
    snippet = re.search(r"## Quyết định theo Mẫu 1\.2\n\n```yaml\n(.*?)```", page, re.S)
    assert snippet is not None
    doc = _load(snippet.group(1))
    assert isinstance(doc, QuyetDinh) and doc.article_total == 3
    assert check_docx(_render(doc)) == []


@pytest.mark.parametrize(
    ("authority", "signer", "warns"),
    [
        ("GIÁM ĐỐC SỞ NỘI VỤ", "{title: GIÁM ĐỐC, name: A}", False),
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "{title: GIÁM ĐỐC, name: A}", True),
        (
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
            "{authority: TM, collective: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: A}",
            False,
        ),
        (
            "GIÁM ĐỐC SỞ NỘI VỤ",
            "{authority: TM, collective: SỞ NỘI VỤ, title: GIÁM ĐỐC, name: A}",
            True,
        ),
    ],
)
def test_signer_must_match_the_authority_line(authority: str, signer: str, warns: bool) -> None:
    text = YAML.replace("authority: Giám đốc Sở Nội vụ", f"authority: {authority}")
    text = text.replace("signer: {title: GIÁM ĐỐC, name: Lê Quang Minh}", f"signer: {signer}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(text)
    found = [str(w.message) for w in caught if "signer.authority: thẩm quyền" in str(w.message)]
    assert bool(found) is warns, found


@pytest.mark.parametrize("size", ["13", "14"])
@pytest.mark.parametrize(
    "name", sorted(n for n, d in example_docs().items() if isinstance(d, QuyetDinh))
)
def test_examples_pass_the_checker_in_both_sizes(name: str, size: str) -> None:
    doc = example_docs()[name].model_copy(deep=True)
    doc.format.size = size
    assert check_docx(_render(doc)) == []
    doc.format.end_mark = False
    assert {f.rule for f in check_docx(_render(doc))} == {"PL1.II.6.end-mark"}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=3),
        min_size=1,
        max_size=4,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_articles_are_numbered_one_to_n_whatever_the_structure(
    shape: list[list[int]], loose: int
) -> None:
    """Chương made of mục (each a number of articles; a chương of no mục has one article):
    the Điều labels run 1…N in order, "Như Điều N" names the last."""
    chapters = []
    for i, sections in enumerate(shape):
        mucs = [
            ChapterSection(title=f"Nhóm {i}.{k}", articles=[Article(text="x")] * (n + 1))
            for k, n in enumerate(sections)
        ]
        chapters.append(
            Chapter(title=f"C{i}", sections=mucs)
            if mucs
            else Chapter(title=f"C{i}", articles=[Article(text="y")] * (loose + 1))
        )
    doc = _python().model_copy(update={"articles": [], "chapters": chapters})
    labels = [b.text.split(".")[0] for b in _body(doc) if b.role is Role.ARTICLE]
    total = doc.article_total
    assert labels == [f"Điều {n}" for n in range(1, total + 1)]
    assert f"- Như Điều {total};" in _lines(doc)
    chapter_lines = [b.text for b in _body(doc) if b.role is Role.CHAPTER]
    assert [x for x in chapter_lines if x.startswith("Chương")] == [
        rules.chapter_label(i) for i in range(1, len(shape) + 1)
    ]


def test_several_proposals_close_the_bases_in_order() -> None:
    doc = _load(
        YAML.replace(
            "proposal: Chánh Văn phòng Sở\n",
            "proposal:\n  - Xét đề nghị của Trường Chính trị tỉnh tại Công văn số 15/TCT\n"
            "  - Chánh Văn phòng Sở\n",
        )
    )
    assert [b.text for b in _body(doc) if b.role is Role.BASIS][-2:] == [
        "Xét đề nghị của Trường Chính trị tỉnh tại Công văn số 15/TCT;",
        "Theo đề nghị của Chánh Văn phòng Sở.",
    ]
    assert len(doc.proposal) == 2
    assert _load(YAML).proposal == ["Chánh Văn phòng Sở"]


def test_quy_che_example_chapters_blanks_and_executors() -> None:
    doc = example_docs()["so-tu-phap-ban-hanh-quy-che-lam-viec"]
    assert isinstance(doc, QuyetDinh)
    lay = layout(doc)
    assert "- Như Điều 3;" in lay.text() and doc.article_total == 4
    heading = [b.text for b in lay.appendices[0].heading]
    assert heading[0] == "QUY CHẾ"
    assert _spaced(heading[2]).startswith(
        "(Ban hành kèm theo Quyết định số       /QĐ-STP ngày       "
    )
    part = [b for b in flatten(lay.appendices[0].body) if b.role is Role.ARTICLE_HEADING]
    assert [b.text.split(".")[0] for b in part] == [f"Điều {n}" for n in range(1, 10)]
    chapters = [b.text for b in flatten(lay.appendices[0].body) if b.role is Role.CHAPTER]
    assert chapters == ["Chương I", "Chương II", "Mục 1", "Mục 2", "Chương III", "Chương IV"]


def test_attached_title_fit_is_checked_like_the_decisions() -> None:
    text = (EXAMPLES_DIR / f"{ATTACHED}.yaml").read_text(encoding="utf-8")
    long = "Tổ chức Hội khỏe Phù Đổng tỉnh Nghệ An lần thứ XII năm 2027 cho học sinh các cấp"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vanban.loads(
            text.replace('"Tổ chức Hội khỏe Phù Đổng tỉnh Nghệ An\\nlần', f'"{long}\\nlần')
        )
    found = [str(w.message) for w in caught]
    assert any(": attachment.title: " in m and "Word sẽ ngắt" in m for m in found), found
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vanban.loads(text)  # the example as written fits

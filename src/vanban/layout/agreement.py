"""Layout of a Hợp đồng, Bản ghi nhớ, Bản thỏa thuận (Điều 7; no Mẫu in Phụ lục III, the common
form, UNCONFIRMED).

Header and title as Mẫu 1.4 (tên loại, trích yếu, rule); căn cứ (italic); "Hôm nay, ngày …,
tại …, chúng tôi gồm:"; each party: "BÊN A (…): TÊN" in bold, then its "- Đại diện: …;",
"- Chức vụ: …;" … lines; "Sau khi trao đổi, thống nhất, hai bên cùng ký …:"; the articles
(:mod:`vanban.layout.articles`) closed by "./."; then "ĐẠI DIỆN BÊN A" (left) and "ĐẠI DIỆN
BÊN B" (right) side by side, each with the representative's position and name; a Nơi nhận
under them only when recipients or an archive line are given.
"""

from __future__ import annotations

from vanban import _cleaning as _text
from vanban._markup import Span
from vanban.layout import articles as _articles
from vanban.layout.bien_ban import signer_column
from vanban.layout.blocks import BodyItem, Layout, Role
from vanban.layout.body import Body, end_mark_last
from vanban.layout.common import Inliner, _date_parts, build, regions_of
from vanban.models.agreement import Agreement, Party
from vanban.nd30 import agreements
from vanban.nd30.text import basis_lines

__all__ = ["layout"]


def _party(body: Body, label: str, party: Party) -> None:
    body.add(
        Role.PARAGRAPH,
        [Span(agreements.party_heading(label, party.name, party.role), bold=True)],
    )
    rep = party.representative
    values = {
        "representative": f"{rep.honorific} {rep.name}" if rep.honorific else rep.name,
        "position": rep.position,
        **{k: getattr(party, k) for k, _ in agreements.PARTY_DETAILS[2:]},
    }
    lines = [
        agreements.detail_line(name, values[k])
        for k, name in agreements.PARTY_DETAILS
        if values.get(k)
    ]
    for line in agreements.punctuate(lines):
        body.add(Role.PARAGRAPH, [Span(line)])


def _body(doc: Agreement, inl: Inliner, width: int) -> list[BodyItem]:
    body = Body(inl, width)
    for line in basis_lines(doc.bases):
        body.add(Role.BASIS, inl(line))
    opening = doc.opening or agreements.opening_line(*_date_parts(doc), doc.venue)
    for para in _text.paragraphs(opening):
        body.add(Role.PARAGRAPH, inl(para))
    for i, party in enumerate(doc.parties, 1):
        _party(body, agreements.party_label(i), party)
    for para in _text.paragraphs(doc.agreement or agreements.agreement_line(doc.type_info.name)):
        body.add(Role.PARAGRAPH, inl(para))
    _articles.articles(body, doc.articles)
    if doc.format.end_mark:
        end_mark_last(body.out)
    return body.out


def layout(doc: Agreement) -> Layout:
    """Lay out a whole two-party text."""
    columns = []
    for i, party in enumerate(doc.parties, 1):
        titles = [agreements.representative_title(agreements.party_label(i))]
        if party.representative.position:
            titles.append(party.representative.position)
        columns.append(signer_column(titles, party.representative))
    regions = regions_of(doc, signer_pair=(columns[0], columns[1]))
    lay = build(doc, lambda inl, width: _body(doc, inl, width), regions)
    if not doc.recipients and doc.archive is None:
        lay.recipients = []  # no Nơi nhận unless configured (Điều 7; no Mẫu in Phụ lục III)
    return lay

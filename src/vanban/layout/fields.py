"""Layout pieces the giấy share (Giấy mời, Giấy giới thiệu, Giấy nghỉ phép: Mẫu 1.7, 1.8, 1.10):
a field line, the issuer's name in a sentence, the person's lines."""

from __future__ import annotations

from vanban._markup import Span
from vanban.layout.blocks import Block, BodyItem, Role
from vanban.layout.common import Inliner, plain_block
from vanban.models.common import Document
from vanban.models.persons import Person
from vanban.nd30 import appendix, forms

__all__ = ["field", "in_text", "person_lines"]


def in_text(doc: Document, given: str | None) -> str:
    """The issuer as it reads in a sentence: the type's own field, ``issuer.in_text``, or the
    name in running text (:func:`vanban.nd30.appendix.of_issuer`)."""
    return given or doc.issuer.in_text or appendix.of_issuer(doc.issuer.name)


def field(inl: Inliner, label: str, value: str) -> Block:
    """A field line "<label>: <value>", the label in thường, đứng (the templates')."""
    return Block(Role.PARAGRAPH, (Span(f"{label}: "), *inl(value)))


def person_lines(inl: Inliner, person: Person) -> list[BodyItem]:
    """ "Ông (bà): …", "Chức vụ: …" and "Đơn vị công tác: …" (Mẫu 1.8, 1.10, footnote 5)."""
    out: list[BodyItem] = [
        plain_block(Role.PARAGRAPH, forms.person_line(person.name, person.honorific)),
        field(inl, forms.POSITION, person.position),
    ]
    if person.unit:
        out.append(field(inl, forms.UNIT, person.unit))
    return out

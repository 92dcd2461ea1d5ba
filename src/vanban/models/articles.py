"""Điều, chương and mục: the structure of a Quyết định, a Nghị quyết, and of the Quy chế,
Quy định and other texts a Quyết định issues (Phụ lục I, II.6.c–đ; nd30-types.md §6).

Numbers are never typed: articles are numbered "Điều 1.", "Điều 2." … continuously through
the chương, chương in Roman numerals, mục from 1 in each chương. Inside an article the
shared body blocks (:data:`~vanban.models.blocks.BodyBlock`) give khoản "1.", "2." (anew in
each article) and điểm "a)", "b)".

In YAML an article without a title may be written as its text alone::

    articles:
      - Quyết định này có hiệu lực kể từ ngày ký.
      - title: Phạm vi điều chỉnh
        content:
          - text: Quy chế này quy định …
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.models.blocks import BodyBlock
from vanban.models.types import Model, Text


class Article(Model):
    """Điều: "Điều 1." and its text in one paragraph (the form of Mẫu 1.2 and 1.3), or a
    titled article "Điều 5. Tiêu đề" (all bold, Phụ lục I II.6.d) with its text under it;
    then its khoản and điểm."""

    model_config = ConfigDict(title="Điều")

    title: Text | None = Field(
        None,
        title="Tiêu đề điều",
        description='Bold after "Điều N." on its own line; none in the Mẫu 1.2/1.3 form.',
    )
    text: Text | None = Field(
        None,
        title="Nội dung điều",
        description='Without a title: after "Điều N." in the same paragraph (label bold, text '
        "regular); with a title: a paragraph under it. A blank line starts a new paragraph.",
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Khoản, điểm",
        description='Khoản "1.", "2." (numbered anew in each article), điểm "a)", bullets, '
        "tables: the shared body blocks.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _something(self) -> Article:
        if not (self.title or self.text):
            raise PydanticCustomError(
                "empty_article", "điều cần title (tiêu đề) hoặc text (nội dung sau “Điều N.”)"
            )
        return self


class ChapterSection(Model):
    """Mục of a chương: "Mục 1" and its title (UPPERCASE, bold, centred), then its
    articles."""

    model_config = ConfigDict(title="Mục (trong chương)")

    title: Text = Field(title="Tên mục", description="Printed UPPERCASE bold, centred.")
    articles: list[Article] = Field(min_length=1, title="Các điều")


class Chapter(Model):
    """Chương: "Chương I" and its title (UPPERCASE, bold, centred; every chương has a title,
    Phụ lục I II.6.d), then its articles, or its mục."""

    model_config = ConfigDict(title="Chương")

    title: Text = Field(title="Tên chương", description="Printed UPPERCASE bold, centred.")
    articles: list[Article] = Field(default_factory=list, title="Các điều")
    sections: list[ChapterSection] = Field(
        default_factory=list, title="Các mục", description='"Mục 1", "Mục 2"… in this chương.'
    )

    @model_validator(mode="after")
    def _something(self) -> Chapter:
        if not (self.articles or self.sections):
            raise PydanticCustomError(
                "empty_chapter", "chương cần articles (các điều) hoặc sections (các mục)"
            )
        if self.articles and self.sections:
            raise PydanticCustomError(
                "mixed_chapter",
                "chương chia mục thì mọi điều nằm trong mục: dùng articles hoặc sections, "
                "không dùng cả hai",
            )
        return self

    def all_articles(self) -> list[Article]:
        """Its articles in order, through its mục."""
        if self.sections:
            return [a for s in self.sections for a in s.articles]
        return list(self.articles)


def article_count(articles: list[Article], chapters: list[Chapter]) -> int:
    """How many articles a text has (they are numbered continuously through its chương)."""
    return len(articles) + sum(len(c.all_articles()) for c in chapters)


__all__ = ["Article", "Chapter", "ChapterSection", "article_count"]

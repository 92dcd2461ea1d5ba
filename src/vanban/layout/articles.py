"""Layout of articles, chương and mục (Phụ lục I, Mục II, 6.c–đ), for every type that has them.

- Untitled article (Mẫu 1.2, 1.3): one paragraph "**Điều 1.** text" (label bold, text
  regular); further paragraphs of its text follow as body paragraphs.
- Titled article: "Điều 5. Tiêu đề", all bold, its own paragraph; its text under it.
- Khoản and điểm inside an article: the shared body blocks, numbered anew in each article.
- Chương: "Chương I" then its title UPPERCASE (both bold, centred); mục "Mục 1" + title the
  same way. Articles are numbered continuously through the chương.
"""

from __future__ import annotations

from collections.abc import Sequence

from vanban import _cleaning as _text
from vanban._markup import Span
from vanban.layout.blocks import Role
from vanban.layout.body import Body
from vanban.models.articles import Article, Chapter
from vanban.models.common import Recipient
from vanban.nd30.articles import (
    article_label,
    chapter_label,
    is_as_article_line,
    proposal_line,
    section_label,
)
from vanban.nd30.text import basis_lines

__all__ = ["article", "articles", "chapters", "opening", "with_as_article"]


def opening(body: Body, bases: Sequence[str], proposals: Sequence[str], line: str) -> None:
    """The block before the articles of a Quyết định or Nghị quyết (Mẫu 1.1–1.3): the căn
    cứ, closed by the "Theo đề nghị của …" lines, in italics (";" after each, "." after the
    last), then the decision ``line`` ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")."""
    for text in basis_lines([*bases, *(proposal_line(p) for p in proposals)]):
        body.add(Role.BASIS, body.inl(text))
    body.add(Role.DECISION, [Span(line)])


def with_as_article(items: Sequence[Recipient], line: str | None) -> list[Recipient]:
    """The Nơi nhận of Mẫu 1.1–1.3: "- Như Điều N;" first (``line``: the article naming who
    carries the text out, or the office's own line; ``None``: none), unless the writer put a
    "Như Điều" line in."""
    out = list(items)
    if line is not None and not any(is_as_article_line(r.name) for r in out):
        out.insert(0, Recipient(name=line))
    return out


def article(body: Body, number: int, item: Article) -> None:
    """Lay out one article numbered ``number``."""
    label = article_label(number)
    paras = _text.paragraphs(item.text) if item.text else []
    if item.title:
        body.add(
            Role.ARTICLE_HEADING, [Span(f"{label} ", bold=True), *body.inl(item.title, bold=True)]
        )
    else:
        first, *paras = paras
        body.add(Role.ARTICLE, [Span(label, bold=True), Span(" "), *body.inl(first)])
    for para in paras:
        body.add(Role.PARAGRAPH, body.inl(para))
    if item.content:  # "Điều 2. Các cơ quan sau có trách nhiệm" leads into its khoản
        body.lead_in()
    body.blocks(item.content, ())


def articles(body: Body, items: list[Article], start: int = 0) -> int:
    """Lay out ``items`` numbered from ``start + 1``; return the last number given."""
    n = start
    for item in items:
        n += 1
        article(body, n, item)
    return n


def chapters(body: Body, items: list[Chapter], start: int = 0) -> int:
    """Lay out chương (and their mục) with their articles numbered on from ``start``;
    return the last article number."""
    n = start
    for i, chapter in enumerate(items, 1):
        body.add(Role.CHAPTER, [Span(chapter_label(i))])
        body.add(Role.CHAPTER_TITLE, body.inl(chapter.title, upper=True))
        for k, section in enumerate(chapter.sections, 1):
            body.add(Role.CHAPTER, [Span(section_label(k))])
            body.add(Role.CHAPTER_TITLE, body.inl(section.title, upper=True))
            n = articles(body, section.articles, n)
        n = articles(body, chapter.articles, n)
    return n

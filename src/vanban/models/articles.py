"""Điều, chương and mục: the structure of a Quyết định, a Nghị quyết, and of the Quy chế,
Quy định and other texts a Quyết định issues (Phụ lục I, Mục II, 6.c–đ).

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

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vanban.models.blocks import BodyBlock
from vanban.models.types import LineText, Model, Text
from vanban.nd30.articles import as_article_line


def _one_or_more(value: Any) -> Any:
    """One text may stand for a list of one."""
    return [value] if isinstance(value, str) else value


#: The "Theo (Xét) đề nghị của …" lines that close the căn cứ block of a Quyết định or a
#: Nghị quyết: one text, or a list of them.
ProposalLines = Annotated[
    list[Text],
    BeforeValidator(_one_or_more),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "description": "một người (cơ quan) đề nghị"},
                {"type": "array", "items": {"type": "string"}, "description": "nhiều dòng"},
            ]
        }
    ),
]


class Article(Model):
    """Điều: "Điều 1." and its text in one paragraph (the form of Mẫu 1.2 and 1.3), or a
    titled article "Điều 5. Tiêu đề" (all bold, Phụ lục I II.6.d) with its text under it;
    then its khoản and điểm."""

    model_config = ConfigDict(
        title="Điều",
        json_schema_extra={
            "description": 'Điều: "Điều 1." và nội dung trong cùng một đoạn (như Mẫu 1.2, 1.3), '
            'hoặc điều có tiêu đề "Điều 5. Tiêu đề" in đậm trên một dòng riêng; sau đó là các '
            "khoản, điểm. Số điều do vanban đánh, liên tục qua các chương."
        },
    )

    title: Text | None = Field(
        None,
        title="Tiêu đề điều",
        description='In đậm sau "Điều N." trên dòng riêng; không có trong mẫu điều của Mẫu '
        "1.2, 1.3.",
        examples=["Phạm vi điều chỉnh", "Đối tượng áp dụng"],
    )
    text: Text | None = Field(
        None,
        title="Nội dung điều",
        description='Không có tiêu đề: nối sau "Điều N." trong cùng đoạn (số điều in đậm, nội '
        "dung in thường); có tiêu đề: thành đoạn văn dưới tiêu đề. Dòng trống mở đoạn mới.",
        examples=["Quyết định này có hiệu lực kể từ ngày ký."],
    )
    content: list[BodyBlock] = Field(
        default_factory=list,
        title="Khoản, điểm",
        description='Các khoản "1.", "2." (đánh số lại trong mỗi điều), điểm "a)", gạch đầu '
        "dòng, bảng: các khối nội dung dùng chung.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_title_or_text(self) -> "Article":
        if not (self.title or self.text):
            raise PydanticCustomError(
                "empty_article", "điều cần title (tiêu đề) hoặc text (nội dung sau “Điều N.”)"
            )
        return self


class ChapterSection(Model):
    """Mục of a chương: "Mục 1" and its title (UPPERCASE, bold, centred), then its
    articles."""

    model_config = ConfigDict(
        title="Mục (trong chương)",
        json_schema_extra={
            "description": 'Mục trong chương: "Mục 1" và tên mục (in hoa, đậm, căn giữa), rồi '
            "các điều của mục; số mục đánh lại từ 1 trong mỗi chương."
        },
    )

    title: Text = Field(
        title="Tên mục", description="In hoa, đậm, căn giữa.", examples=["Ban Giám đốc Sở"]
    )
    articles: list[Article] = Field(
        min_length=1, title="Các điều", description="Các điều của mục, ít nhất một điều."
    )


class Chapter(Model):
    """Chương: "Chương I" and its title (UPPERCASE, bold, centred; every chương has a title,
    Phụ lục I II.6.d), then its articles, or its mục."""

    model_config = ConfigDict(
        title="Chương",
        json_schema_extra={
            "description": 'Chương: "Chương I" và tên chương (in hoa, đậm, căn giữa; mỗi chương '
            "phải có tên, Phụ lục I mục II.6.d), rồi các điều, hoặc các mục."
        },
    )

    title: Text = Field(
        title="Tên chương",
        description="In hoa, đậm, căn giữa.",
        examples=["Quy định chung", "Tổ chức thực hiện"],
    )
    articles: list[Article] = Field(
        default_factory=list,
        title="Các điều",
        description="Các điều của chương khi chương không chia mục.",
    )
    sections: list[ChapterSection] = Field(
        default_factory=list,
        title="Các mục",
        description='Các mục "Mục 1", "Mục 2"… của chương; khi đã chia mục, mọi điều nằm '
        "trong mục.",
    )

    @model_validator(mode="after")
    def _articles_or_sections(self) -> "Chapter":
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


def executors_error(value: int | None, total: int, noun: str) -> PydanticCustomError | None:
    """The error of an ``executors_article`` past the last article of a Quyết định or Nghị
    quyết (``noun``: "quyết định", "nghị quyết"), or ``None``."""
    if value is None or value <= total:
        return None
    return PydanticCustomError(
        "bad_executors_article",
        "{noun} chỉ có {total} điều, không có Điều {n}",
        {"noun": noun, "total": total, "n": value},
    )


def body_error(
    has_body: bool, articles: list[Article], chapters: list[Chapter], noun: str
) -> PydanticCustomError | None:
    """The error of a text decided in articles (Quyết định, Nghị quyết: ``noun``) that has
    no body, or both articles and chương at its top level; ``None`` when it is sound."""
    if not has_body:
        return PydanticCustomError(
            "missing_body",
            "{noun} cần articles (các điều) hoặc chapters (các chương)",
            {"noun": noun},
        )
    if articles and chapters:
        return PydanticCustomError(
            "mixed_body", "dùng articles (các điều) hoặc chapters (các chương), không cả hai"
        )
    return None


def mixed_body_error(
    in_sections: bool, articles: list[Article], chapters: list[Chapter], noun: str
) -> PydanticCustomError | None:
    """The error of a text that may be written in mục and khoản or in chương and điều (a quy
    chế, a quy định, the text a Quyết định issues: ``noun``) but mixes them; ``None`` when
    it does not."""
    if in_sections and (chapters or articles):
        return PydanticCustomError(
            "mixed_body",
            "{noun} chia mục/khoản (sections, content) hoặc chia chương/điều "
            "(chapters, articles), không cả hai",
            {"noun": noun},
        )
    if chapters and articles:
        return PydanticCustomError(
            "mixed_body", "dùng chapters (các chương) hoặc articles (các điều), không cả hai"
        )
    return None


__all__ = [
    "Article",
    "Chapter",
    "ChapterSection",
    "article_count",
    "body_error",
    "executors_error",
    "mixed_body_error",
]


def _executors_value(value: Any) -> Any:
    """``executors_article`` as written: ``0``, ``false`` or an empty text turn the "Như Điều"
    line off; a text of digits is a number; ``true`` means nothing."""
    if isinstance(value, bool):
        if value:
            raise PydanticCustomError(
                "bad_executors_article",
                'executors_article: true không có nghĩa; ghi số điều, false (không in dòng "Như '
                'Điều") hoặc dòng cần in',
            )
        return False
    if isinstance(value, int) and value == 0:
        return False
    if isinstance(value, int) and value < 0:
        raise PydanticCustomError(
            "bad_executors_article", "số điều phải từ 1 trở lên, không phải {n}", {"n": value}
        )
    if isinstance(value, str):
        if not value.strip():
            return False
        if value.strip().isdigit():
            return _executors_value(int(value.strip()))
    return value


#: The first Nơi nhận line of a Quyết định or Nghị quyết (Mẫu 1.1–1.3): the number of the
#: article naming the executors ("- Như Điều N;"), ``false`` for none, or the line itself.
ExecutorsArticle = Annotated[
    Literal[False] | StrictInt | LineText | None,
    BeforeValidator(_executors_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "boolean", "const": False},
                {"type": "string"},
                {"type": "null"},
            ]
        }
    ),
]


def executors_field(noun: str) -> Any:
    """The ``executors_article`` field of a Quyết định or Nghị quyết (``noun``)."""
    return Field(
        None,
        title="Điều giao thi hành",
        description=f'Số của điều nêu người, cơ quan thi hành {noun}, cho dòng "- Như Điều N;" '
        "đầu nơi nhận; mặc định là điều cuối cùng. false hoặc 0: không in dòng này; một đoạn "
        'chữ, ví dụ "Như Điều 3, Điều 4": in dòng đó thay cho "Như Điều N".',
        examples=[3, False, "Như Điều 3 (để t/h)"],
    )


def executors_line(value: bool | int | str | None, total: int) -> str | None:
    """The first Nơi nhận line as the office asked: "Như Điều N" (N: ``value`` or the last
    article, ``total``), its own text, or ``None`` when turned off.

    >>> executors_line(None, 4), executors_line(2, 4), executors_line(False, 4)
    ('Như Điều 4', 'Như Điều 2', None)
    >>> executors_line("Như Điều 3, Điều 4", 4)
    'Như Điều 3, Điều 4'
    """
    if value is False:
        return None
    if isinstance(value, str):
        return value
    return as_article_line(value or total)

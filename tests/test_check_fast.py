"""The fast paths of the checks (:mod:`vanban._validation`, :mod:`vanban.models.walk`) give
what the long way gives: the same texts and models, the same problems in the same order."""

from __future__ import annotations

import datetime as dt
import functools
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from tests_support import reference_walk

import vanban
from vanban import _validation
from vanban.models import walk
from vanban.models.appendix import Appendix
from vanban.models.blocks import Bullet, Bullets, Item, Table, Task, TaskPart, TaskTable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
KINDS = (Task, TaskPart, Table, TaskTable, Appendix)


def _same_walk(doc: BaseModel) -> None:
    """Inside :func:`walk.shared`, the texts and models are those of the plain walk."""
    expected: list[tuple[str, Any]] = []
    reference_walk(doc, "", expected)
    texts = [(p, v) for p, v in expected if isinstance(v, str)]
    found = [(p, id(v)) for p, v in expected if isinstance(v, KINDS)]
    with walk.shared(doc):
        assert walk.texts(doc) == texts
        assert [(p, id(v)) for p, v in walk.models(doc, KINDS)] == found
        assert [(p, id(v)) for p, v in walk.models(doc, BaseModel)] == [
            (p, id(v)) for p, v in expected if isinstance(v, BaseModel)
        ]
        mine = walk.texts(doc)
        mine.clear()  # a caller's copy: the next check still reads every text
        assert walk.texts(doc) == texts
        # the whole walk is still there for a caller that asks for it
        assert [(p, id(v)) for p, v in walk.walk(doc)] == [(p, id(v)) for p, v in expected]
    assert walk.texts(doc) == texts


def _load(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return vanban.load(path, today=dt.date(2024, 11, 1))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_shared_walk_holds_the_texts_and_models_of_the_plain_walk(path: Path) -> None:
    _same_walk(_load(path))


_scalar = st.one_of(
    st.none(),
    st.text("ab:[]* 1.", max_size=6),
    st.integers(-3, 3),
    st.booleans(),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
)
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text("xyz", max_size=2), inner, max_size=3)
    ),
    max_leaves=8,
)


def _task(extra: dict[str, Any], text: str, deadline: dt.date | None) -> Task:
    """A task whose ``extra`` holds anything (built without validation, as a program might)."""
    task = Task(task=text.strip(" *[") or "Việc", deadline=deadline)
    task.__dict__["extra"] = extra
    return task


@st.composite
def _documents(draw: st.DrawFn) -> BaseModel:
    tasks = draw(
        st.lists(
            st.builds(
                _task,
                st.dictionaries(st.text("xyz", min_size=1, max_size=2), _value, max_size=3),
                st.text("Việc *[x", max_size=5),
                st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
            ),
            max_size=3,
        )
    )
    bullets = draw(st.lists(st.text("ab -", min_size=1, max_size=4).map(str.strip), max_size=3))
    content: list[Any] = [*tasks]
    if any(bullets):
        content.append(Bullets(bullets=[Bullet(text=b) for b in bullets if b]))
    content += draw(st.lists(st.sampled_from(["Đoạn.", "1. Đoạn", "a) x:"]), max_size=2))
    if not content:
        content = ["Đoạn."]
    return Item(title=draw(st.sampled_from(["Mục", "Mục:", "I. Mục"])), content=content)


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_the_shared_walk_of_any_content_is_the_plain_walk(doc: BaseModel) -> None:
    _same_walk(doc)


def test_a_text_of_a_class_of_str_counts_as_a_text() -> None:
    class Name(str):
        pass

    task = Task(task="Việc")
    task.__dict__["extra"] = {"ghi_chu": Name("Theo dõi"), "so": 3}
    item = Item(title="Mục", content=[task])
    _same_walk(item)
    with walk.shared(item):
        assert ("content[0].extra.ghi_chu", "Theo dõi") in walk.texts(item)


def test_a_model_without_a_field_in_its_dict_is_walked_by_attribute() -> None:
    task = Task.model_construct(task="Việc")  # deadline and the rest left to their defaults
    item = Item(title="Mục", content=[task])
    _same_walk(item)


def test_subclass_answers_are_those_of_issubclass() -> None:
    for cls in (Task, TaskPart, Table, TaskTable, Appendix, Item, Bullet, str, int):
        for kind in (Task, KINDS, (Table, TaskTable), BaseModel, str):
            for _ in range(2):  # the second, remembered
                assert walk._wanted([cls], kind) == ({cls} if issubclass(cls, kind) else set())
    classes = [Task, TaskPart, Table, TaskTable, Appendix, Item, Bullet, str, int]
    for kind in (Task, KINDS, (Table, TaskTable), BaseModel, str):
        assert walk._wanted(classes, kind) == {c for c in classes if issubclass(c, kind)}


def test_bench_plans_check_as_before() -> None:
    """The bench's plans walked and checked (the problems are those of the catalogue tests)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import plans
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for i in (0, 7):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = vanban.loads(plans.plan_yaml(plans.seed_plan(i, tasks=12)))
        _same_walk(doc)
        errors, warns = _validation.check_document(doc, today=dt.date(2025, 1, 1))
        assert errors == []
        assert [w.code for w in warns] == [w.code for w in warns if w.code]


_tokens = [*"aăbcdđeêhiklmnoôơưWỦYBAN\u00a0.,:-1", "e\u0301", "o\u0302\u0301", "\u0301"]
_words = st.lists(
    st.lists(st.sampled_from(_tokens), min_size=1, max_size=10).map("".join), max_size=30
).map(lambda words: " ".join(words).strip())  # as the checks call it: no spaces at its ends


@settings(max_examples=500, deadline=None)
@given(
    _words,
    st.integers(min_value=200, max_value=14_000),
    st.sampled_from([12.0, 13.0, 14.0]),
    st.booleans(),
)
def test_the_checks_wrap_a_line_as_the_metrics_wrap_it(
    line: str, width: int, size: float, bold: bool
) -> None:
    """Short and long lines, decomposed marks: the widths summed once."""
    from vanban import _metrics

    assert _validation._wrapped(line, width, size, bold) == _metrics.wrap(
        line, width, size, bold=bold
    )


def test_the_margins_kept_are_those_of_the_document() -> None:
    from vanban.models.common import Margins

    sides = ("top", "bottom", "left", "right")
    each = [{}, *({side: Margins.model_fields[side].metadata[0].ge} for side in sides)]
    each += [{"left": 30, "right": 15.5}, {"right": 17.5}]
    for _ in range(2):  # made, then kept
        for values in each:  # each differs from the default by one side at least
            m = Margins(**values)
            holder = type("F", (), {"margins": m})()
            doc: Any = type("D", (), {"format": holder})()  # any object with format.margins
            rule, width = _validation._margins(doc)
            assert rule == m.rule()
            assert width == m.rule().text_width


def test_attr_reads_what_getattr_reads() -> None:
    task = Task(task="Việc")
    for name in ("task", "deadline", "texts", "model_config", "nothing_here", "closing"):
        for _ in range(2):  # asked, then remembered
            assert _validation._attr(task, name, 7) == getattr(task, name, 7)


def _old_typed_numbering(doc: Any, texts: list[tuple[str, str]]) -> list[Any]:
    """:func:`_validation.typed_numbering` as it was: both patterns tried on every text (the
    signer's titles aside: the document given has no authority typed in them)."""
    from vanban._validation import (
        _ARTICLE_PATH,
        _BULLET_LABEL,
        _TYPED_ARTICLE,
        _TYPED_NUMBER,
        _added_label,
        _printed_label,
    )
    from vanban.errors import Problem

    out = []
    for path, value in texts:
        m = _TYPED_NUMBER.match(value)
        label = _added_label(path) if m else None
        if not label:
            m = None
        if m and label == _BULLET_LABEL and m.group(0).strip() in ("+", "-"):
            continue
        if not m and (article := _TYPED_ARTICLE.match(value)) and _ARTICLE_PATH.search(path):
            label, m = '"Điều 1.", "Chương I", "Mục 1"…', article
        if m:
            printed = _printed_label(path)
            shown = ""
            if printed:
                line = " ".join(value.split())
                shown = f' ("{printed} {line[:40]}{"…" if len(line) > 40 else ""}")'
            out.append(
                Problem(
                    path,
                    "typed_numbering",
                    f'"{m.group(0).strip()}" gõ ở đầu dòng sẽ in hai lần{shown}: vanban tự đánh '
                    f"{label}; hãy bỏ nó đi",
                )
            )
    return out


def _old_joined_colons(texts: list[tuple[str, str]]) -> list[Any]:
    """:func:`_validation.joined_colons` as it was: every path split."""
    from vanban import _markup as markup
    from vanban.errors import Problem

    out = []
    titles: dict[str, str] = {}
    for path, value in texts:
        head, _, field = path.rpartition(".")
        if field == "title":
            title = markup.plain(markup.parse(value)).rstrip() if ":" in value else ""
            titles[head] = title
            if title.endswith("::"):
                out.append(
                    Problem(
                        path,
                        "colon_joined",
                        f'tiêu đề kết thúc bằng "::" ("{title[-30:]}"), sẽ in hai dấu hai chấm; '
                        'hãy để một dấu ":"',
                    )
                )
        elif field == "text" and titles.get(head, "").endswith(":") and value.startswith(":"):
            out.append(
                Problem(
                    path,
                    "colon_joined",
                    'tiêu đề kết thúc bằng ":" và nội dung cũng bắt đầu bằng ":"; vanban in '
                    f'một dấu: "{titles[head][-30:]} {value[1:].lstrip()[:30]}…"',
                )
            )
    return out


_PATHS = [
    "title",
    "bases[0]",
    "sections[0].title",
    "sections[1].content[0].title",
    "sections[1].content[0].text",
    "sections[1].content[0].letters[1].title",
    "sections[1].content[0].letters[1].text",
    "sections[2].content[1].bullets[0].text",
    "sections[2].content[1].duties[3].text",
    "sections[1].content[2].task",
    "sections[1].content[2].body",
    "articles[0].title",
    "articles[2].text",
    "chapters[1].title",
    "chapters[1].articles[0].text",
    "chapters[1].articles[0].content[0].text",
    "appendices[0].articles[1].title",
    "xarticles[1].title",
    "content[0]",
    "closing",
]
_starts = st.sampled_from(
    [
        "",
        " ",
        "1. ",
        "1.2) ",
        "1/ ",
        "1/. ",
        "IV. ",
        "iv. ",
        "a) ",
        "đ/ ",
        "- ",
        "+ ",
        "• ",
        "– ",
        "Điều 3. ",
        "điều 12 . ",
        "Chương II ",
        "Mục 1 ",
        "MỤC 2 ",
        "Chương\tX ",
        "\u00a01. ",
        "x.y ",
    ]
)
_rests = st.sampled_from(
    ["Nội dung", "Cá nhân:", "**Cá nhân:**", ": tiếp", ":", "a::", "Tổ chức [^x]", "", "b"]
)
_text = st.tuples(_starts, _rests).map("".join)
_pair = st.tuples(  # a khoản's or điểm's title and text, one after the other
    st.sampled_from(["sections[1].content[0]", "chapters[0].articles[1].content[2].letters[0]"]),
    _text,
    _text,
).map(lambda x: [(f"{x[0]}.title", x[1]), (f"{x[0]}.text", x[2])])


def _unique(parts: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """The texts of ``parts`` in order, each path once (as a walk gives them)."""
    seen: set[str] = set()
    return [x for part in parts for x in part if not (x[0] in seen or seen.add(x[0]))]


_texts = st.lists(
    st.tuples(st.sampled_from(_PATHS), _text).map(lambda x: [x]) | _pair, max_size=8
).map(_unique)


@functools.cache
def _first_example() -> Any:
    doc = _load(EXAMPLES[0])
    assert _validation.typed_numbering(doc, []) == []  # nothing typed in the signer's titles
    return doc


@settings(max_examples=600, deadline=None)
@given(_texts)
def test_text_checks_give_what_the_long_way_gives(texts: list[tuple[str, str]]) -> None:
    doc = _first_example()
    assert _validation.typed_numbering(doc, texts) == _old_typed_numbering(doc, texts)
    assert _validation.joined_colons(doc, texts) == _old_joined_colons(texts)


def test_recipients_are_read_for_footnotes_and_references(sample: dict[str, Any]) -> None:
    """A recipient's name or purpose is read for [^name] and [@id] as the body's texts are
    (the checks look only into the texts that hold "[")."""
    from vanban.models import KeHoach

    sample["intro"] = ["Chi tiết tại [@pl-b] và [^ghi]."]
    sample["footnotes"] = {"ghi": "Ghi chú.", "thua": "Không dẫn."}
    sample["appendices"] = [{"id": "pl-b", "label": False, "title": "Phân công", "content": ["x"]}]
    sample["recipients"] = [
        {"name": "Sở A [^moi]", "purpose": "để biết [@pl-b]"},
        "Sở B",
        {"name": "Sở C [@pl-x]", "purpose": "để [^thua] thực hiện"},
    ]
    doc = KeHoach.model_validate(sample)
    errors, warns = _validation.check_document(doc, today=dt.date(2025, 1, 1))
    assert [(p.path, p.code) for p in errors if p.path.startswith(("intro", "recip"))] == [
        ("recipients[0].name", "unknown_footnote"),
        ("recipients[2].name", "unknown_ref"),
        ("intro[0]", "unlabelled_ref"),
        ("recipients[0].purpose", "unlabelled_ref"),
    ]
    assert "unused_footnote" not in {p.code for p in warns}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.text("ab", max_size=2), st.one_of(st.integers(), st.text(), st.none()))),
    st.sets(st.sampled_from([int, str, type(None), float])),
)
def test_pick_keeps_what_a_comprehension_keeps(
    items: list[tuple[str, Any]], wanted: set[type[Any]]
) -> None:
    for many in (items, items * 40):  # short and long lists take different ways
        assert walk.pick(many, wanted) == [(p, v) for p, v in many if type(v) in wanted]
        kind = tuple(wanted)
        assert _validation._of(many, kind) == [(p, v) for p, v in many if isinstance(v, kind)]


def test_check_document_forgets_its_walk(sample_doc: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _validation.check_document(sample_doc, today=dt.date(2025, 1, 1))
    assert not walk._SHARED_TEXTS and not walk._SHARED_MODELS and not walk._SHARED_CLASSES

    def fail(*_: Any) -> list[Any]:
        raise RuntimeError("a check that fails")

    monkeypatch.setattr(_validation, "line_fit", fail)
    with pytest.raises(RuntimeError):
        _validation.check_document(sample_doc, today=dt.date(2025, 1, 1))
    assert not walk._SHARED_TEXTS and not walk._SHARED_MODELS and not walk._SHARED_CLASSES
